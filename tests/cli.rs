//! The `qadam` command itself: help, one-line errors, migrate, admin commands, demo.

mod support;

use qadam_testkit::{TestBackend, TestDatabase};
use std::io::Write;
use std::path::Path;
use std::process::{Child, Output, Stdio};
use support::{listening_address, qadam, Server};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = qadam()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The last line of stderr, which carries the error after any log lines.
fn error_line(output: &Output) -> String {
    stderr(output).lines().last().unwrap_or("").to_string()
}

/// How many commands `qadam` has today (itself included); the walk below must find at
/// least these, so a change that hides subcommands from it fails.
const COMMANDS_TODAY: usize = 15;

#[test]
fn every_command_has_help() {
    // Every command path in clap's tree, found by walking it: [], [serve], [admin],
    // [admin, create-user], ...
    let root = qadam_cli::command();
    let mut pending = vec![(Vec::<String>::new(), &root)];
    let mut paths = Vec::new();
    while let Some((path, command)) = pending.pop() {
        for sub in command.get_subcommands() {
            let mut sub_path = path.clone();
            sub_path.push(sub.get_name().to_string());
            pending.push((sub_path, sub));
        }
        paths.push(path);
    }
    paths.sort();
    for path in &paths {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let output = run(&args, "");
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        let usage = ["Usage: qadam".to_string()]
            .into_iter()
            .chain(path.iter().cloned())
            .collect::<Vec<_>>()
            .join(" ");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            stdout
                .lines()
                .any(|line| line == usage || line.starts_with(&format!("{usage} "))),
            "{args:?} prints {usage:?}: {stdout}"
        );
    }
    println!("{} commands have help: {paths:?}", paths.len());
    assert!(
        paths.len() >= COMMANDS_TODAY,
        "only {} commands found: {paths:?}",
        paths.len()
    );
}

#[test]
fn a_bad_config_is_one_clear_line() {
    let db = TestDatabase::fresh(TestBackend::Sqlite);
    let file = db.scratch_dir().join("qadam.toml");
    std::fs::write(&file, "listen = \"127.0.0.1:0\"\nlisten_port = 3\n").unwrap();
    let output = run(&["migrate", "--config", file.to_str().unwrap()], "");
    assert!(!output.status.success());
    let line = error_line(&output);
    assert!(line.starts_with("qadam: error: config file"), "{line}");
    assert!(line.contains("listen_port"), "{line}");
    assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));

    let output = qadam()
        .args(["migrate"])
        .env("QADAM_LISTEN", "not-an-address")
        .output()
        .unwrap();
    assert!(
        error_line(&output).contains("listen"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_unreachable_database_is_one_clear_line_without_the_password() {
    let output = run(
        &[
            "migrate",
            "--database-url",
            "postgres://qadam:hunter2@127.0.0.1:1/qadam",
        ],
        "",
    );
    assert_eq!(
        output.status.code(),
        Some(3),
        "unreachable: try again later"
    );
    let line = error_line(&output);
    assert!(
        line.contains("cannot connect to the database postgres://qadam:***@127.0.0.1:1/qadam"),
        "{line}"
    );
    assert!(!stderr(&output).contains("hunter2"));
    let output = run(&["migrate", "--database-url", "mysql://x"], "");
    assert!(
        error_line(&output).contains("unsupported database URL"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_port_in_use_is_one_clear_line() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();
    let db = TestDatabase::fresh(TestBackend::Sqlite);
    let output = run(
        &["serve", "--listen", &address, "--database-url", &db.url],
        "",
    );
    assert!(!output.status.success());
    let line = error_line(&output);
    assert!(
        line.contains(&format!("cannot listen on {address}")),
        "{line}"
    );
}

#[test]
fn migrate_then_admin_commands_on_both_backends() {
    for backend in [TestBackend::Sqlite, TestBackend::Postgres] {
        let db = TestDatabase::fresh(backend);
        let url = ["--database-url", db.url.as_str()];
        let output = run(&[&["migrate"][..], &url].concat(), "");
        assert!(output.status.success(), "{}", stderr(&output));
        let migrations =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/sqlite"))
                .unwrap()
                .count();
        let applied = format!("{migrations} migration(s) applied");
        assert!(
            String::from_utf8_lossy(&output.stdout).starts_with(&applied),
            "{}",
            String::from_utf8_lossy(&output.stdout)
        );
        let output = run(&[&["migrate"][..], &url].concat(), "");
        assert!(String::from_utf8_lossy(&output.stdout).starts_with("0 migration(s) applied"));

        let campus = run(
            &[
                &[
                    "admin",
                    "create-campus",
                    "--slug",
                    "almaty",
                    "--name",
                    "Qadam Almaty",
                ][..],
                &url,
            ]
            .concat(),
            "",
        );
        assert!(campus.status.success(), "{}", stderr(&campus));
        let again = run(
            &[
                &[
                    "admin",
                    "create-campus",
                    "--slug",
                    "almaty",
                    "--name",
                    "Again",
                ][..],
                &url,
            ]
            .concat(),
            "",
        );
        assert!(!again.status.success());
        assert!(error_line(&again).contains("exists"), "{}", stderr(&again));

        let create = |login: &str, role: &str, campus: Option<&str>, password: &str| {
            let mut args = vec![
                "admin",
                "create-user",
                "--login",
                login,
                "--role",
                role,
                "--password-stdin",
            ];
            if let Some(campus) = campus {
                args.extend(["--campus", campus]);
            }
            args.extend(url);
            run(&args, password)
        };
        assert!(create("boss", "admin", None, "admin-password-1\n")
            .status
            .success());
        let weak = create("weak", "admin", None, "short\n");
        assert!(
            error_line(&weak).contains("at least 10 characters"),
            "{}",
            stderr(&weak)
        );
        let homeless = create("stud", "student", None, "student-password-1\n");
        assert!(
            error_line(&homeless).contains("--campus is required"),
            "{}",
            stderr(&homeless)
        );
        let nowhere = create("stud", "student", Some("mars"), "student-password-1\n");
        assert!(
            error_line(&nowhere).contains("no campus mars"),
            "{}",
            stderr(&nowhere)
        );
        assert!(
            create("stud", "student", Some("almaty"), "student-password-1\n")
                .status
                .success()
        );
        let taken = create("stud", "student", Some("almaty"), "student-password-1\n");
        assert!(error_line(&taken).contains("taken"), "{}", stderr(&taken));
    }
}

#[test]
fn accounts_made_on_the_command_line_can_log_in_and_are_audited() {
    let server = Server::start(TestBackend::Sqlite);
    let token = server.admin_token();
    let audit = server.get("/api/v1/audit", &token);
    let first = &audit.body["items"][0];
    assert_eq!(first["action"], "user.create");
    assert_eq!(first["actor"], "qadam-cli");
}

/// Starts `qadam ARGS` and waits for its listening line; returns the process, the base
/// URL and what it logged until then.
fn serve(args: &[&str]) -> (Child, String, String) {
    let mut child = qadam().args(args).stderr(Stdio::piped()).spawn().unwrap();
    let reader = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    let mut base = None;
    let mut lines = std::io::BufRead::lines(reader).map_while(Result::ok);
    for line in lines.by_ref() {
        seen.push_str(&line);
        seen.push('\n');
        if let Some(address) = listening_address(&line) {
            base = Some(address);
            break;
        }
    }
    // Keep reading so the server never writes into a closed pipe.
    std::thread::spawn(move || lines.for_each(drop));
    (
        child,
        base.unwrap_or_else(|| panic!("no listening line: {seen}")),
        seen,
    )
}

#[test]
fn demo_mode_seeds_an_empty_database_once() {
    let db = TestDatabase::fresh(TestBackend::Sqlite);
    let data_dir = db.scratch_dir().join("data");
    let start = || {
        serve(&[
            "serve",
            "--demo",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            data_dir.to_str().unwrap(),
        ])
    };
    let (mut child, base, log) = start();
    assert!(log.contains("seeded campus 'demo'"), "{log}");
    assert!(
        data_dir.join("qadam.sqlite3").exists(),
        "the default SQLite file lives in the data dir"
    );
    let login = ureq::post(&format!("{base}/api/v1/auth/login"))
        .send_json(serde_json::json!({"login": "alice", "password": "qadam-demo-2026"}))
        .unwrap();
    assert_eq!(login.status(), 200);
    // The life it starts with: staff find the review flags of dana and erlan's first
    // Rush 00 (failed in five minutes), and the pair is on its second attempt.
    let staff: serde_json::Value = ureq::post(&format!("{base}/api/v1/auth/login"))
        .send_json(serde_json::json!({"login": "staff", "password": "qadam-demo-2026"}))
        .unwrap()
        .into_json()
        .unwrap();
    let bearer = format!("Bearer {}", staff["access_token"].as_str().unwrap());
    let flags: serde_json::Value = ureq::get(&format!("{base}/api/v1/review-flags"))
        .set("Authorization", &bearer)
        .call()
        .unwrap()
        .into_json()
        .unwrap();
    let kinds = flags.to_string();
    assert!(
        kinds.contains("too_fast") && kinds.contains("far_from_grader"),
        "{flags}"
    );
    let progress: serde_json::Value = ureq::get(&format!("{base}/api/v1/users/dana/progress"))
        .set("Authorization", &bearer)
        .call()
        .unwrap()
        .into_json()
        .unwrap();
    let rush = progress["projects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["project"] == "rush-00")
        .unwrap();
    assert_eq!(
        (rush["attempts"].as_i64(), rush["status"].as_str()),
        (Some(2), Some("waiting_for_evaluation")),
        "{progress}"
    );
    child.kill().unwrap();
    child.wait().unwrap();

    let (mut child, _, log) = start();
    assert!(log.contains("nothing seeded"), "{log}");
    child.kill().unwrap();
    child.wait().unwrap();
}

/// Runs `qadam ARGS`, expecting it to exit within 30 s; a server that starts instead
/// is stopped and fails the test.
fn run_expecting_exit(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut child = qadam()
        .args(args)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            let output = child.wait_with_output().unwrap();
            panic!("qadam {args:?} kept running: {}", stderr(&output));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn demo_mode_serves_only_this_machine_unless_told() {
    let db = TestDatabase::fresh(TestBackend::Sqlite);
    let data_dir = db.scratch_dir().join("data");
    let data = data_dir.to_str().unwrap();
    for (args, env) in [
        (
            vec![
                "serve",
                "--demo",
                "--listen",
                "0.0.0.0:0",
                "--data-dir",
                data,
            ],
            vec![],
        ),
        (
            vec!["serve", "--demo", "--data-dir", data],
            vec![("QADAM_LISTEN", "[::]:0")],
        ),
    ] {
        let output = run_expecting_exit(&args, &env);
        assert!(!output.status.success(), "{args:?} {env:?}");
        let line = error_line(&output);
        assert!(
            line.starts_with("qadam: error: refusing to serve the demo on "),
            "{line}"
        );
        assert!(line.contains("--demo-public"), "{line}");
        assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
        assert!(!data_dir.exists(), "refused before touching the database");
    }
    let output = run_expecting_exit(&["serve", "--demo-public", "--data-dir", data], &[]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("required arguments were not provided"),
        "{}",
        stderr(&output)
    );

    // Told: it serves on every interface; we talk to it over loopback.
    let (mut child, base, log) = serve(&[
        "serve",
        "--demo",
        "--demo-public",
        "--listen",
        "0.0.0.0:0",
        "--data-dir",
        data,
    ]);
    assert!(log.contains("reachable from other machines"), "{log}");
    let port = base.rsplit(':').next().unwrap();
    let login = ureq::post(&format!("http://127.0.0.1:{port}/api/v1/auth/login"))
        .send_json(serde_json::json!({"login": "alice", "password": "qadam-demo-2026"}))
        .unwrap();
    assert_eq!(login.status(), 200);
    child.kill().unwrap();
    child.wait().unwrap();
}

fn mode(path: &Path) -> String {
    use std::os::unix::fs::PermissionsExt;
    format!(
        "{:o}",
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    )
}

#[test]
fn the_data_folder_and_database_files_are_private() {
    let scratch = TestDatabase::fresh(TestBackend::Sqlite);
    let data_dir = scratch.scratch_dir().join("data");
    let (mut child, base, _) = serve(&[
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--data-dir",
        data_dir.to_str().unwrap(),
    ]);
    assert_eq!(
        ureq::get(&format!("{base}/healthz"))
            .call()
            .unwrap()
            .status(),
        200
    );
    assert_eq!(mode(&data_dir), "700");
    for name in ["qadam.sqlite3", "qadam.sqlite3-wal", "qadam.sqlite3-shm"] {
        let file = data_dir.join(name);
        assert!(file.exists(), "{name} exists while the server runs");
        assert_eq!(mode(&file), "600", "{name}");
    }
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn rotate_secret_refuses_when_the_secret_is_configured() {
    let db = TestDatabase::fresh(TestBackend::Sqlite);
    let output = qadam()
        .args(["admin", "rotate-secret", "--database-url", &db.url])
        .env(
            "QADAM_AUTH__JWT_SECRET",
            "a-configured-secret-of-32-characters",
        )
        .output()
        .unwrap();
    assert!(!output.status.success());
    let line = error_line(&output);
    assert!(line.contains("auth.jwt_secret is set"), "{line}");
    assert!(
        !stderr(&output).contains("a-configured-secret"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_server_survives_a_closed_log_pipe() {
    let db = TestDatabase::fresh(TestBackend::Sqlite);
    let mut child = qadam()
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--database-url",
            &db.url,
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let reader = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut base = None;
    for line in std::io::BufRead::lines(reader).map_while(Result::ok) {
        if let Some(address) = listening_address(&line) {
            base = Some(address);
            break;
        }
    }
    // The reader is gone: every log line from now on hits a closed pipe.
    let base = base.expect("the server said where it listens");
    for _ in 0..3 {
        let health = ureq::get(&format!("{base}/healthz")).call();
        assert!(
            health.is_ok_and(|r| r.status() == 200),
            "the server still answers"
        );
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "the server is still running"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}
