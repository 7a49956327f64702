//! `qadam bench booking`: the booking path of peer evaluations (the service layer and
//! the database, without HTTP) under contention. First a race: many clients at once
//! for a handful of evaluators free at the same time, checked for exactly that many
//! bookings, no evaluator booked twice and every balance equal to its ledger. Then a
//! sustained load: teams booking as fast as the clients can, across many evaluators,
//! timed (bookings/s, p50, p95) and measured for how evenly the load spreads (the Gini
//! coefficient of evaluations per evaluator).
//!
//! It builds its own campuses, students and handed-in Rush 00 teams in the database
//! it is given (a fresh SQLite file by default); each run uses new names, so a
//! PostgreSQL database may be reused.

use crate::bench::percentile;
use anyhow::{bail, Context};
use chrono::{Duration as Span, NaiveDateTime};
use qadam_core::accounts::{self, NewCampus, NewUser};
use qadam_core::evaluations as ev;
use qadam_core::{marks, points, slots, submissions, teams, Core, CoreError};
use qadam_db::models::User;
use qadam_db::queries::audit::AuditActor;
use qadam_db::queries::evaluations as evaluation_rows;
use qadam_db::{DbConn, Pool};
use qadam_domain::evaluation::{gini, next_granule};
use qadam_domain::Role;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct Options {
    /// `None`: a fresh SQLite file in a temporary folder.
    pub database_url: Option<String>,
    pub catalog: PathBuf,
    /// Concurrent clients (threads, each with its own connection).
    pub clients: usize,
    /// Evaluators free at the one time of the race.
    pub race_evaluators: usize,
    /// Teams racing for them.
    pub race_teams: usize,
    /// Evaluators of the sustained load.
    pub evaluators: usize,
    /// Teams booking in the sustained load (one booking each).
    pub teams: usize,
}

const PROJECT: &str = "rush-00";

/// A database with the catalog, and what the bench's users are made with.
struct Bench {
    core: Core,
    pool: Pool,
    runtime: tokio::runtime::Runtime,
    run: String,
    now: NaiveDateTime,
    actor: AuditActor,
    _scratch: Scratch,
}

/// The temporary folder of a run (blobs, and the SQLite file by default).
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A team waiting for its evaluation, and the leader who books for it.
struct Waiting {
    leader: User,
    team: String,
}

impl Bench {
    fn open(options: &Options) -> anyhow::Result<Bench> {
        let scratch =
            std::env::temp_dir().join(format!("qadam-bench-booking-{}", qadam_db::new_id()));
        std::fs::create_dir_all(&scratch)?;
        let url = options
            .database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}", scratch.join("bench.sqlite3").display()));
        let size = u32::try_from(options.clients.clamp(2, 32)).unwrap_or(32);
        let pool = Pool::open(&url, size, Duration::from_secs(60))
            .with_context(|| format!("open {}", qadam_db::redact_url(&url)))?;
        let catalog = qadam_catalog::Catalog::load(&options.catalog, None).map_err(|problems| {
            anyhow::anyhow!(
                "{}: {} problem(s) (`qadam catalog check` lists them)",
                options.catalog.display(),
                problems.len()
            )
        })?;
        let actor = AuditActor::cli();
        qadam_core::catalog::sync(&mut *pool.get()?, &catalog, &actor)?;
        let settings = qadam_settings::Settings {
            data_dir: scratch.join("data"),
            ..qadam_settings::Settings::default()
        };
        let now = qadam_db::now();
        let mut core = Core::new(&settings, pool.clone())?;
        // One instant for the whole run, so what is submitted is at once claimable.
        core.clock = qadam_core::Clock::fixed(now);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let run = qadam_db::new_id()[..8].to_lowercase();
        Ok(Bench {
            core,
            pool,
            runtime,
            run,
            now,
            actor,
            _scratch: Scratch(scratch),
        })
    }

    fn write<T>(
        &self,
        work: impl FnOnce(&mut DbConn) -> Result<T, CoreError>,
    ) -> anyhow::Result<T> {
        Ok(self.pool.get()?.write(work)?)
    }

    fn campus(&self, name: &str) -> anyhow::Result<String> {
        let slug = format!("bench-{name}-{}", self.run);
        let campus = self.write(|conn| {
            accounts::create_campus(
                conn,
                &self.actor,
                NewCampus {
                    slug: slug.clone(),
                    name: slug.clone(),
                    time_zone: "UTC".into(),
                },
            )
        })?;
        Ok(campus.id)
    }

    /// Students of a campus, written in one transaction (nobody logs in: no hashing).
    fn students(&self, campus: &str, prefix: &str, n: usize) -> anyhow::Result<Vec<User>> {
        self.write(|conn| {
            (0..n)
                .map(|i| {
                    let login = format!("b{}-{prefix}-{i:04}", self.run);
                    accounts::create_user(
                        conn,
                        &self.actor,
                        NewUser {
                            login: login.clone(),
                            display_name: login,
                            email: None,
                            role: Role::Student,
                            campus_id: Some(campus.to_string()),
                        },
                        "!bench-account-without-password".into(),
                    )
                })
                .collect()
        })
    }

    /// `n` Rush 00 teams of two, graded 100 and handed in: waiting for an evaluation.
    fn waiting_teams(&self, campus: &str, name: &str, n: usize) -> anyhow::Result<Vec<Waiting>> {
        let members = self.students(campus, name, 2 * n)?;
        let archive = rush_archive();
        let now = self.now;
        let mut waiting = Vec::with_capacity(n);
        for pair in members.chunks(2) {
            let (leader, mate) = (&pair[0], &pair[1]);
            let team = self.write(|conn| {
                let id = teams::register(conn, leader, PROJECT, now)?.team.id;
                teams::invite(conn, &leader.actor(), &id, &mate.login, now)?;
                teams::accept(conn, mate, &id, now)?;
                teams::lock(conn, &leader.actor(), &id, now)?;
                Ok(id)
            })?;
            self.runtime.block_on(submissions::submit(
                &self.core,
                leader.actor(),
                team.clone(),
                archive.clone(),
            ))?;
            waiting.push(Waiting {
                leader: leader.clone(),
                team,
            });
        }
        // Every submission graded 100 at once, as a worker would record it, then closed.
        self.write(|conn| {
            crate::seeding::pass_queued_submissions(conn, "bench", now)?;
            for team in &waiting {
                marks::close(conn, &team.leader.actor(), &team.team, now)?;
            }
            Ok(())
        })?;
        Ok(waiting)
    }

    /// One slot per evaluator from `begin`, `minutes` long.
    fn open_slots(
        &self,
        evaluators: &[User],
        begin: NaiveDateTime,
        minutes: i64,
    ) -> anyhow::Result<()> {
        self.write(|conn| {
            for evaluator in evaluators {
                slots::add(
                    conn,
                    evaluator,
                    begin,
                    begin + Span::minutes(minutes),
                    self.now,
                )?;
            }
            Ok(())
        })
    }

    /// Books each team at its time, `clients` at once; the latencies of the bookings
    /// and what each ended in (the evaluator, or the error's code).
    fn book_all(
        &self,
        requests: &[(&Waiting, NaiveDateTime)],
        clients: usize,
    ) -> anyhow::Result<Bookings> {
        let next = AtomicUsize::new(0);
        let outcomes = Mutex::new(Vec::with_capacity(requests.len()));
        let started = Instant::now();
        std::thread::scope(|scope| {
            for _ in 0..clients.min(requests.len()).max(1) {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((waiting, at)) = requests.get(i) else {
                        break;
                    };
                    let began = Instant::now();
                    let outcome = self
                        .pool
                        .get()
                        .map_err(CoreError::from)
                        .and_then(|mut conn| {
                            conn.write(|conn| {
                                ev::book(
                                    conn,
                                    &waiting.leader.actor(),
                                    &waiting.team,
                                    *at,
                                    self.now,
                                )
                            })
                        })
                        .map_err(|err| err.code().to_string());
                    outcomes.lock().unwrap().push((began.elapsed(), outcome));
                });
            }
        });
        let elapsed = started.elapsed();
        let (latencies, outcomes) = outcomes.into_inner().unwrap().into_iter().unzip();
        Ok(Bookings {
            elapsed,
            latencies,
            outcomes,
        })
    }

    /// No evaluator holds two evaluations that overlap, read back from the database.
    fn check_no_double_booking(&self, campus: &str) -> anyhow::Result<usize> {
        let rows = self.write(|conn| {
            Ok(evaluation_rows::of_campus(
                conn,
                Some(campus),
                None,
                1_000_000,
            )?)
        })?;
        let mut by_evaluator: BTreeMap<&str, Vec<(NaiveDateTime, NaiveDateTime)>> = BTreeMap::new();
        for row in &rows {
            by_evaluator
                .entry(&row.evaluator_id)
                .or_default()
                .push((row.begin_at, row.end_at));
        }
        for (evaluator, mut times) in by_evaluator {
            times.sort();
            if let Some(pair) = times.windows(2).find(|w| w[1].0 < w[0].1) {
                bail!("evaluator {evaluator} is booked twice: {pair:?}");
            }
        }
        Ok(rows.len())
    }

    /// Every balance of these users equals the sum of its ledger, and none is negative.
    fn check_ledgers(&self, users: impl Iterator<Item = String>) -> anyhow::Result<usize> {
        let mut checked = 0;
        for user in users {
            let statement = self.write(|conn| points::statement(conn, &user, 1))?;
            if i64::from(statement.balance) != statement.ledger_sum || statement.balance < 0 {
                bail!(
                    "user {user}: balance {} but ledger sum {}",
                    statement.balance,
                    statement.ledger_sum
                );
            }
            checked += 1;
        }
        Ok(checked)
    }
}

/// What a round of bookings took: the whole round, each booking's latency, and what
/// each ended in (the evaluation, or the error's code).
struct Bookings {
    elapsed: Duration,
    latencies: Vec<Duration>,
    outcomes: Vec<Result<ev::EvaluationDetail, String>>,
}

/// A Rush 00 hand-in (the grader is not run: the bench records the verdict itself).
fn rush_archive() -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let mut builder = tar::Builder::new(gz);
    for (name, body) in [
        ("rush.c", "void\trush(int x, int y);\n"),
        ("ft_putchar.c", "\n"),
    ] {
        let mut header = tar::Header::new_gnu();
        header.set_size(body.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder
            .append_data(&mut header, name, body.as_bytes())
            .expect("an in-memory archive");
    }
    builder
        .into_inner()
        .and_then(|gz| gz.finish())
        .expect("an in-memory archive")
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn booking(options: Options) -> anyhow::Result<()> {
    let bench = Bench::open(&options)?;
    let backend = format!("{:?}", bench.pool.backend()).to_lowercase();
    let begin = next_granule(bench.now + Span::hours(1));

    // The race: every team wants the same half hour; exactly as many win as are free.
    let setup = Instant::now();
    let race = bench.campus("race")?;
    let evaluators = bench.students(&race, "race-eval", options.race_evaluators)?;
    bench.open_slots(&evaluators, begin, 30)?;
    let teams = bench.waiting_teams(&race, "race-team", options.race_teams)?;
    tracing::info!(seconds = setup.elapsed().as_secs_f64(), "race set up");
    let requests: Vec<_> = teams.iter().map(|t| (t, begin)).collect();
    let Bookings {
        elapsed, outcomes, ..
    } = bench.book_all(&requests, options.clients)?;
    let won: Vec<&ev::EvaluationDetail> = outcomes.iter().filter_map(|o| o.as_ref().ok()).collect();
    let distinct: BTreeSet<&str> = won
        .iter()
        .map(|d| d.evaluation.evaluator_id.as_str())
        .collect();
    let refusals: BTreeSet<&str> = outcomes
        .iter()
        .filter_map(|o| o.as_ref().err())
        .map(String::as_str)
        .collect();
    let stored = bench.check_no_double_booking(&race)?;
    let ledgers = bench.check_ledgers(
        evaluators
            .iter()
            .map(|e| e.id.clone())
            .chain(teams.iter().map(|t| t.leader.id.clone())),
    )?;
    println!("backend: {backend}");
    println!(
        "race: {} clients for {} evaluators in {:.0} ms: {} booked ({} evaluators, {} stored), refused with {:?}; {} ledgers equal their sums",
        teams.len(),
        evaluators.len(),
        ms(elapsed),
        won.len(),
        distinct.len(),
        stored,
        refusals,
        ledgers
    );
    let expected = options.race_evaluators.min(options.race_teams);
    if won.len() != expected || distinct.len() != expected || stored != expected {
        bail!("the race booked {} evaluations, not {expected}", won.len());
    }

    // The sustained load: each team books one of many half hours, each evaluator free
    // for all of them; the rule picks among the free ones.
    let setup = Instant::now();
    let load = bench.campus("load")?;
    let evaluators = bench.students(&load, "eval", options.evaluators)?;
    let times = 48;
    bench.open_slots(&evaluators, begin, 30 * times)?;
    let teams = bench.waiting_teams(&load, "team", options.teams)?;
    tracing::info!(seconds = setup.elapsed().as_secs_f64(), "load set up");
    // Times drawn evenly but out of order (a multiplicative step), as people pick them.
    let requests: Vec<_> = teams
        .iter()
        .enumerate()
        .map(|(i, t)| (t, begin + Span::minutes(30 * ((i as i64 * 7) % times))))
        .collect();
    let Bookings {
        elapsed,
        mut latencies,
        outcomes,
    } = bench.book_all(&requests, options.clients)?;
    latencies.sort();
    let booked = outcomes.iter().filter(|o| o.is_ok()).count();
    let refusals: BTreeMap<&str, usize> = outcomes.iter().filter_map(|o| o.as_ref().err()).fold(
        BTreeMap::new(),
        |mut counts, code| {
            *counts.entry(code.as_str()).or_default() += 1;
            counts
        },
    );
    let stored = bench.check_no_double_booking(&load)?;
    let mut per_evaluator: BTreeMap<&str, i64> =
        evaluators.iter().map(|e| (e.id.as_str(), 0)).collect();
    for detail in outcomes.iter().filter_map(|o| o.as_ref().ok()) {
        *per_evaluator
            .entry(detail.evaluation.evaluator_id.as_str())
            .or_default() += 1;
    }
    let counts: Vec<i64> = per_evaluator.values().copied().collect();
    let ledgers = bench.check_ledgers(
        evaluators
            .iter()
            .map(|e| e.id.clone())
            .chain(teams.iter().map(|t| t.leader.id.clone())),
    )?;
    println!(
        "sustained: {} bookings by {} clients in {:.2} s: {:.0} bookings/s, p50 {:.1} ms, p95 {:.1} ms ({} stored, refused {:?}); {} ledgers equal their sums",
        booked,
        options.clients.min(teams.len()),
        elapsed.as_secs_f64(),
        booked as f64 / elapsed.as_secs_f64(),
        ms(percentile(&latencies, 0.50)),
        ms(percentile(&latencies, 0.95)),
        stored,
        refusals,
        ledgers
    );
    println!(
        "spread: {} evaluators, {} teams: evaluations per evaluator min {} max {}, Gini {:.3}",
        evaluators.len(),
        teams.len(),
        counts.iter().min().unwrap_or(&0),
        counts.iter().max().unwrap_or(&0),
        gini(&counts)
    );
    if stored != booked {
        bail!("{booked} bookings answered but {stored} stored");
    }
    Ok(())
}
