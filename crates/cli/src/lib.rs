//! The `qadam` command. Each subcommand is one role: `serve` runs the platform,
//! `migrate` prepares the database, `admin` does what an operator needs on the server
//! itself (first campus, first admin account).

mod admin;
mod bench;
mod bench_api;
mod bench_booking;
mod bench_submissions;
mod catalog;
mod client;
mod client_evaluations;
mod demo;
mod grading;
mod seeding;
mod worker;

use clap::{Args, Parser, Subcommand};
use qadam_settings::Settings;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "qadam",
    version,
    about = "Qadam: a platform for peer-to-peer coding schools"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The whole command-line definition, for tests that walk every subcommand.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

/// Where settings come from; every subcommand that touches the database takes these.
#[derive(Args, Clone)]
struct Common {
    /// TOML settings file (every key: qadam.example.toml).
    #[arg(long, global = true, env = "QADAM_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,
    /// Directory for the embedded database and blobs [default: ./qadam-data].
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// postgres://USER:PASSWORD@HOST/DB, or sqlite://PATH [default: the data dir's SQLite file].
    #[arg(long, global = true, value_name = "URL")]
    database_url: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP API (migrating the database first).
    Serve {
        #[command(flatten)]
        common: Common,
        /// Address and port to listen on [default: 127.0.0.1:8080].
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
        /// On an empty database, create a demo campus and demo accounts (see README).
        /// Their password is public, so only on a loopback address unless --demo-public.
        #[arg(long)]
        demo: bool,
        /// Allow --demo on an address other machines can reach.
        #[arg(long, requires = "demo")]
        demo_public: bool,
    },
    /// Grade submissions from the queue (beside `qadam serve`, or on other machines
    /// sharing its PostgreSQL database), until stopped.
    Worker {
        #[command(flatten)]
        common: Common,
        /// Submissions graded at once [default: grading.workers, at least 1].
        #[arg(long, value_name = "N")]
        workers: Option<usize>,
    },
    /// Run pending database migrations and exit.
    Migrate {
        #[command(flatten)]
        common: Common,
    },
    /// Build the grader images in grader-images/ (unchanged ones are kept).
    Images {
        #[command(subcommand)]
        command: ImagesCommand,
    },
    /// Grade a folder with a project's tests and image, as the server's workers do.
    /// Exits 0 whenever a verdict was reached.
    Grade {
        /// The projects catalog holding */PROJECT_SLUG/project.toml.
        #[arg(long, value_name = "DIR", default_value = "projects-catalog")]
        catalog: PathBuf,
        /// The grader images folder.
        #[arg(long, value_name = "DIR", default_value = "grader-images")]
        images: PathBuf,
        /// Print the result JSON instead of the report.
        #[arg(long)]
        json: bool,
        project_slug: String,
        /// The submission's folder; more folders are laid over it in order (a
        /// catalog variant over its reference: `solution/ wrong/<mistake>/`).
        #[arg(required = true)]
        submission_dirs: Vec<PathBuf>,
    },
    /// Check the curriculum files, or sync them into the database.
    Catalog {
        #[command(subcommand)]
        command: CatalogCommand,
    },
    /// Benchmarks.
    Bench {
        #[command(subcommand)]
        command: BenchCommand,
    },
    #[command(flatten)]
    Client(client::ClientCommand),
    /// Operator tasks run on the server itself.
    Admin {
        #[command(flatten)]
        common: Common,
        #[command(subcommand)]
        command: admin::AdminCommand,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Read paths of a running server (`qadam serve --demo` with
    /// QADAM_HTTP__BENCH_ROUTES=true) beside its hello-world route: requests/s, p50, p99.
    Api {
        /// The server to measure; nothing is started.
        #[arg(long, value_name = "URL", default_value = "http://127.0.0.1:8080")]
        server: String,
        /// Keep-alive connections open at once.
        #[arg(long, default_value_t = 64)]
        connections: usize,
        /// Seconds each path is driven.
        #[arg(long, value_name = "SECONDS", default_value_t = 10)]
        duration: u64,
        /// Client threads.
        #[arg(long, default_value_t = 2)]
        threads: usize,
        /// The demo accounts' password.
        #[arg(long, default_value = demo::DEMO_PASSWORD)]
        password: String,
        /// The server's process id, to print its resident memory after the run.
        #[arg(long, value_name = "PID")]
        server_pid: Option<u32>,
        /// Only the paths whose label contains this text (the baseline is always run).
        #[arg(long, value_name = "TEXT")]
        only: Option<String>,
    },
    /// Submit-to-verdict through a running server (`qadam serve --demo`) beside
    /// `qadam grade` of the same folder, then a deadline burst: time to the last
    /// verdict, none lost, none graded twice.
    Submissions {
        #[arg(long, value_name = "URL", default_value = "http://127.0.0.1:8080")]
        server: String,
        /// The server's `admin` password (it creates the bench's students).
        #[arg(long, default_value = demo::DEMO_PASSWORD)]
        admin_password: String,
        /// Simulated students (accounts bench-000...).
        #[arg(long, default_value_t = 100)]
        students: usize,
        /// Submissions timed one at a time, each beside a local grading.
        #[arg(long, default_value_t = 20)]
        submissions: usize,
        /// Submissions per student in the burst (100 students x 3 = 300).
        #[arg(long, default_value_t = 3)]
        burst: usize,
        #[arg(long, value_name = "DIR", default_value = "projects-catalog")]
        catalog: PathBuf,
        #[arg(long, value_name = "DIR", default_value = "grader-images")]
        images: PathBuf,
    },
    /// Grading latency and throughput against a plain `docker run` baseline.
    Grader {
        /// Submissions graded per row.
        #[arg(long, default_value_t = 30)]
        submissions: usize,
        /// A folder of runner-format fixtures (PROJECT/tests/spec.json and harness).
        #[arg(long, value_name = "DIR", default_value = "tests/fixtures")]
        fixtures: PathBuf,
        #[arg(long, default_value = "ft-strlen-bench")]
        project: String,
        #[arg(long, value_name = "DIR", default_value = "grader-images")]
        images: PathBuf,
    },
    /// Peer-evaluation bookings under contention (service layer and database): a race
    /// for a few free evaluators, then a sustained load: bookings/s, p50, p95, the
    /// evaluator-load spread (Gini), no double booking, every ledger equal to its sum.
    Booking {
        /// The database (its own campuses and accounts are added); a fresh SQLite
        /// file when not given.
        #[arg(long, value_name = "URL")]
        database_url: Option<String>,
        #[arg(long, value_name = "DIR", default_value = "projects-catalog")]
        catalog: PathBuf,
        /// Concurrent clients.
        #[arg(long, default_value_t = 100)]
        clients: usize,
        /// Evaluators free at the one time of the race.
        #[arg(long, default_value_t = 10)]
        race_evaluators: usize,
        /// Teams racing for them.
        #[arg(long, default_value_t = 100)]
        race_teams: usize,
        /// Evaluators of the sustained load.
        #[arg(long, default_value_t = 50)]
        evaluators: usize,
        /// Teams booking in the sustained load.
        #[arg(long, default_value_t = 200)]
        teams: usize,
    },
}

#[derive(Subcommand)]
enum CatalogCommand {
    /// Check the format, references, prerequisite cycles and grading sheets; print each
    /// problem as path:line: message and exit non-zero on any.
    Check {
        #[arg(value_name = "DIR", default_value = "projects-catalog")]
        dir: PathBuf,
        /// Also grade every reference solution (must pass), every known-right variant
        /// (must pass) and every known-wrong one (must end as it declares) with the
        /// sandboxed grader.
        #[arg(long)]
        run_solutions: bool,
        /// With --run-solutions, the stability mode: grade every solution N times (the
        /// verdict must not change), with a third of the time for references and three
        /// times the time for known time-outs, and references under UBSan.
        #[arg(
            long,
            value_name = "N",
            default_value_t = 1,
            requires = "run_solutions"
        )]
        repeat: u32,
        /// The grader images folder (each project's image must exist in it).
        #[arg(long, value_name = "DIR", default_value = "grader-images")]
        images: PathBuf,
    },
    /// Check, then write the catalog into the database in one transaction: new projects,
    /// new versions of changed ones, removed ones archived.
    Sync {
        #[command(flatten)]
        common: Common,
        #[arg(value_name = "DIR", default_value = "projects-catalog")]
        dir: PathBuf,
    },
}

#[derive(Subcommand)]
enum ImagesCommand {
    /// Build every image, or the named ones.
    Build {
        /// Build the Debian base from the machine's mirror (mmdebstrap) instead of
        /// using debian:bookworm-slim from a registry.
        #[arg(long)]
        offline: bool,
        /// The grader images folder.
        #[arg(long, value_name = "DIR", default_value = "grader-images")]
        dir: PathBuf,
        names: Vec<String>,
    },
}

impl Common {
    fn settings(&self) -> anyhow::Result<Settings> {
        let mut settings = Settings::load(self.config.as_deref(), std::env::vars())?;
        if let Some(dir) = &self.data_dir {
            settings.data_dir = dir.clone();
        }
        if let Some(url) = &self.database_url {
            settings.database_url = url.clone();
        }
        settings.validate()?;
        Ok(settings)
    }
}

fn init_logging(filter: &str) {
    use std::io::IsTerminal;
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        // By default a failed log write is reported with eprintln!, which panics when
        // stderr is a closed pipe (`qadam serve | head`) and takes the server down.
        .log_internal_errors(false)
        .try_init();
}

fn open_pool(settings: &Settings) -> anyhow::Result<qadam_db::Pool> {
    let url = settings.effective_database_url();
    Ok(qadam_db::Pool::open(
        &url,
        settings.database.pool_size,
        Duration::from_secs(settings.database.connect_timeout_seconds),
    )?)
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve {
            common,
            listen,
            demo,
            demo_public,
        } => {
            let mut settings = common.settings()?;
            if let Some(listen) = listen {
                settings.listen = listen;
                settings.validate()?;
            }
            if demo {
                demo::check_exposure(&settings.listen, demo_public)?;
            }
            init_logging(&settings.log);
            if demo && demo_public {
                tracing::warn!(listen = %settings.listen, "demo: accounts with the public demo password are reachable from other machines");
            }
            let pool = open_pool(&settings)?;
            tracing::info!(
                database = %qadam_db::redact_url(&settings.effective_database_url()),
                "database ready"
            );
            let seeded = demo && demo::seed(&pool)?;
            qadam_core::catalog::sync_on_first_start(&pool, &settings.catalog_dir)?;
            if seeded {
                // Life for the pages to show; a failure leaves a working, quieter demo.
                if let Err(err) = demo::bring_to_life(&settings, &pool) {
                    tracing::warn!(error = %format!("{err:#}"), "demo: the school's first activity was not seeded");
                }
            }
            grading::warn_about_the_engine(&settings.grading.images_dir);
            let workers = settings.grading.workers;
            let for_workers = settings.clone();
            qadam_server::run_system(qadam_server::serve(settings, pool, move |core| {
                if let Err(err) = worker::spawn(&core, &for_workers, workers) {
                    tracing::error!(error = %format!("{err:#}"), "the grading workers did not start");
                }
                let every =
                    std::time::Duration::from_millis(for_workers.evaluations.housekeeping_ms);
                tokio::spawn(qadam_core::evaluations::housekeeping(core, every));
            }))?;
            Ok(())
        }
        Command::Worker { common, workers } => {
            let settings = common.settings()?;
            init_logging(&settings.log);
            let count = workers.unwrap_or(settings.grading.workers);
            worker::run(settings, count)
        }
        Command::Client(command) => client::run(command),
        Command::Migrate { common } => {
            let settings = common.settings()?;
            init_logging(&settings.log);
            let url = settings.effective_database_url();
            let mut conn = qadam_db::DbConn::open(&url)?;
            let applied = conn.migrate()?;
            println!(
                "{} migration(s) applied to {}",
                applied.len(),
                qadam_db::redact_url(&url)
            );
            Ok(())
        }
        Command::Images {
            command:
                ImagesCommand::Build {
                    offline,
                    dir,
                    names,
                },
        } => {
            init_logging("info");
            grading::build_images(&dir, &names, offline)
        }
        Command::Grade {
            catalog,
            images,
            json,
            project_slug,
            submission_dirs,
        } => {
            init_logging("warn");
            grading::grade(&images, &catalog, &project_slug, &submission_dirs, json)
        }
        Command::Catalog {
            command:
                CatalogCommand::Check {
                    dir,
                    run_solutions,
                    repeat,
                    images,
                },
        } => {
            init_logging("warn");
            let self_check = catalog::SelfCheck {
                run_solutions,
                repeat,
            };
            catalog::check(&dir, &images, self_check)
        }
        Command::Catalog {
            command: CatalogCommand::Sync { common, dir },
        } => {
            let settings = common.settings()?;
            init_logging(&settings.log);
            let mut conn = qadam_db::DbConn::open(&settings.effective_database_url())?;
            conn.migrate()?;
            catalog::sync(&mut conn, &dir)
        }
        Command::Bench {
            command:
                BenchCommand::Submissions {
                    server,
                    admin_password,
                    students,
                    submissions,
                    burst,
                    catalog,
                    images,
                },
        } => {
            init_logging("warn");
            bench_submissions::submissions(bench_submissions::Options {
                server,
                admin_password,
                students,
                submissions,
                burst_per_student: burst,
                catalog,
                images,
            })
        }
        Command::Bench {
            command:
                BenchCommand::Booking {
                    database_url,
                    catalog,
                    clients,
                    race_evaluators,
                    race_teams,
                    evaluators,
                    teams,
                },
        } => {
            init_logging("warn");
            bench_booking::booking(bench_booking::Options {
                database_url,
                catalog,
                clients: clients.max(1),
                race_evaluators,
                race_teams,
                evaluators: evaluators.max(1),
                teams,
            })
        }
        Command::Bench {
            command:
                BenchCommand::Grader {
                    submissions,
                    fixtures,
                    project,
                    images,
                },
        } => {
            init_logging("warn");
            bench::grader(&images, &fixtures, &project, submissions)
        }
        Command::Bench {
            command:
                BenchCommand::Api {
                    server,
                    connections,
                    duration,
                    threads,
                    password,
                    server_pid,
                    only,
                },
        } => {
            init_logging("warn");
            bench_api::api(bench_api::Options {
                server,
                connections: connections.max(1),
                duration: Duration::from_secs(duration.max(1)),
                threads,
                password,
                server_pid,
                only,
            })
        }
        Command::Admin { common, command } => {
            let settings = common.settings()?;
            init_logging(&settings.log);
            // One connection, opened and closed on this thread: a one-shot command
            // needs no pool.
            let mut conn = qadam_db::DbConn::open(&settings.effective_database_url())?;
            conn.migrate()?;
            admin::run(&mut conn, &settings, command)
        }
    }
}

/// A password check (argon2) allocates about 19 MiB. glibc's malloc raises its mmap
/// threshold to the size of the first such block once it is freed, so later ones come
/// from its heaps, which keep them: a server that checked a few passwords stayed ~20 MB
/// larger per thread that had hashed. A fixed threshold keeps every block of 1 MiB or
/// more mapped on its own, so it goes back to the system when freed.
fn return_large_blocks_to_the_system() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes a malloc tuning value; it is called before any
    // thread is started.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

pub fn main() -> ExitCode {
    return_large_blocks_to_the_system();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // A verdict other than passed was printed already.
        Err(err) if err.is::<client::NotPassed>() => ExitCode::from(1),
        Err(err) => {
            eprintln!("qadam: error: {err:#}");
            exit_code(&err)
        }
    }
}

/// 1 for a refusal (fix the command and run it again); 3 when the database or the
/// server was busy or unreachable (the same command may work later).
fn exit_code(err: &anyhow::Error) -> ExitCode {
    let transient = err.chain().any(|cause| {
        cause.is::<client::Unreachable>()
            || matches!(
                cause.downcast_ref::<qadam_core::CoreError>(),
                Some(
                    qadam_core::CoreError::Unavailable { .. }
                        | qadam_core::CoreError::Db(
                            qadam_db::DbError::Pool(_) | qadam_db::DbError::Saturated(_)
                        )
                )
            )
            || matches!(
                cause.downcast_ref::<qadam_db::DbError>(),
                Some(
                    qadam_db::DbError::Pool(_)
                        | qadam_db::DbError::Saturated(_)
                        | qadam_db::DbError::Connect { .. }
                )
            )
    });
    ExitCode::from(if transient { 3 } else { 1 })
}
