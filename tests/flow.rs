//! The student's project flow end to end: the real `qadam` binary, a real Docker
//! engine and both backends. The whole journey from the command line, authorization
//! on every route of a team, hostile archives, and the queue surviving killed
//! workers and a killed server.

mod support;

use qadam_testkit::{tar_gz, TestBackend};
use serde_json::{json, Value};
use std::io::Write;
use std::path::Path;
use std::time::Duration;
use support::{
    catalog_dir, cli, cli_in, images_dir, register, scratch, text, upload, verdict, Server,
};

/// A server with the starter curriculum, a campus `almaty` with students alice, bob
/// and eve and staff sam, and a campus `astana` with staff olga.
struct School {
    server: Server,
    admin: String,
    alice: String,
    bob: String,
    eve: String,
    sam: String,
    olga: String,
}

fn school(backend: TestBackend, env: &[(&str, &str)]) -> School {
    let catalog = catalog_dir();
    let images = images_dir();
    let mut all = vec![
        ("QADAM_CATALOG_DIR", catalog.as_str()),
        ("QADAM_GRADING__IMAGES_DIR", images.as_str()),
    ];
    all.extend_from_slice(env);
    let server = Server::start_with(backend, &all);
    let admin = server.admin_token();
    server.campus(&admin, "almaty");
    server.campus(&admin, "astana");
    let alice = server.account(&admin, "alice", "student", "almaty");
    let bob = server.account(&admin, "bob", "student", "almaty");
    let eve = server.account(&admin, "eve", "student", "almaty");
    let sam = server.account(&admin, "sam", "staff", "almaty");
    let olga = server.account(&admin, "olga", "staff", "astana");
    School {
        server,
        admin,
        alice,
        bob,
        eve,
        sam,
        olga,
    }
}

fn worker_env() -> Vec<(&'static str, String)> {
    vec![("QADAM_GRADING__IMAGES_DIR", images_dir())]
}

fn strlen_source(result: &str) -> String {
    format!("int\tft_strlen(char *s)\n{{\n\tint\ti;\n\n\ti = 0;\n\twhile (s[i])\n\t\ti++;\n\treturn ({result});\n}}\n")
}

/// Spins until its time limit: a grading that lasts a few seconds.
const SPINNING_STRLEN: &str =
    "int\tft_strlen(char *s)\n{\n\tvolatile int\tspin;\n\n\t(void)s;\n\tspin = 1;\n\twhile (spin)\n\t\tspin = 1;\n\treturn (0);\n}\n";

/// A tar.gz of one entry written as a hostile client would (no path checks).
fn hostile_tar(name: &str, kind: tar::EntryType, data: &[u8]) -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let mut builder = tar::Builder::new(gz);
    let mut header = tar::Header::new_gnu();
    header.set_entry_type(kind);
    header.set_size(data.len() as u64);
    header.set_mode(0o644);
    header.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
    if kind == tar::EntryType::Symlink || kind == tar::EntryType::Link {
        header.set_link_name("/etc/passwd").unwrap();
    }
    header.set_cksum();
    builder.append(&header, data).unwrap();
    builder.into_inner().unwrap().finish().unwrap()
}

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (path, data) in files {
        writer
            .start_file(*path, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn blob_files(server: &Server) -> usize {
    fn walk(dir: &Path) -> usize {
        std::fs::read_dir(dir).map_or(0, |entries| {
            entries
                .flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        walk(&e.path())
                    } else {
                        1
                    }
                })
                .sum()
        })
    }
    walk(&server.data_dir.join("blobs"))
}

server_tests! {
    fn the_whole_journey_from_the_command_line(backend) {
        // On PostgreSQL the grading runs in a separate `qadam worker` process with a
        // data folder of its own, as on another machine: it reads the submissions'
        // bytes from the database.
        let separate = backend == TestBackend::Postgres;
        let school = school(backend, &[("QADAM_GRADING__WORKERS", if separate { "0" } else { "1" })]);
        let server = &school.server;
        let env = worker_env();
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let elsewhere = scratch(server, "other-machine");
        let _worker = separate.then(|| server.worker_in(&elsewhere, &env));
        let home = scratch(server, "home");
        let login = cli(&home, server, &["login", "--login", "alice", "--password-stdin"], Some("alice-password-1\n"));
        assert!(login.status.success(), "{}", text(&login));
        let credentials = home.join("qadam/credentials.json");
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&credentials).unwrap().permissions().mode() & 0o777, 0o600);
        let registered = cli(&home, server, &["register", "ft-strlen"], None);
        assert!(registered.status.success(), "{}", text(&registered));
        assert!(text(&registered).contains("in progress"), "{}", text(&registered));

        let work = scratch(server, "ft-strlen");
        std::fs::write(work.join("ft_strlen.c"), strlen_source("i - 1")).unwrap();
        std::fs::write(work.join(".gitignore"), "notes.txt\n").unwrap();
        std::fs::write(work.join("notes.txt"), "not for the grader").unwrap();
        let wrong = cli(&home, server, &["submit", work.to_str().unwrap()], None);
        let report = text(&wrong);
        assert_eq!(wrong.status.code(), Some(1), "{report}");
        assert!(report.contains("failed (0/100)"), "{report}");
        assert!(report.contains("FAIL Hello [failed]") && report.contains("expected:"), "{report}");
        assert!(report.contains("(hidden) [failed]"), "hidden tests are named: {report}");
        assert!(report.contains("packed 1 file(s)"), ".gitignore is honoured: {report}");

        std::fs::write(work.join("ft_strlen.c"), strlen_source("i")).unwrap();
        let right = cli(&home, server, &["submit", work.to_str().unwrap()], None);
        assert_eq!(right.status.code(), Some(0), "{}", text(&right));
        assert!(text(&right).contains("passed (100/100)"), "{}", text(&right));

        // Another project in progress: `close` run in the ft-strlen folder still knows
        // which one it means.
        let other = cli(&home, server, &["register", "ft-putchar"], None);
        assert!(other.status.success(), "{}", text(&other));
        let closed = cli_in(&work, &home, server, &["close"], None);
        assert!(closed.status.success(), "{}", text(&closed));
        assert!(text(&closed).contains("final mark: 100 (validated)"), "{}", text(&closed));
        if separate {
            assert!(elsewhere.join("blobs").is_dir(), "the worker kept the blobs it fetched");
        }
        let status = cli(&home, server, &["status"], None);
        assert!(text(&status).contains("level 0.05, 25 XP"), "{}", text(&status));
        assert!(text(&status).contains("ft-strlen"), "{}", text(&status));

        let progress = server.get("/api/v1/users/alice/progress", &school.alice);
        assert_eq!(progress.body["xp"], 25, "{progress:?}");
        let strlen = progress.body["projects"].as_array().unwrap().iter()
            .find(|p| p["project"] == "ft-strlen").expect("ft-strlen in the progress");
        assert_eq!((strlen["status"].as_str(), strlen["attempts"].as_i64()), (Some("finished"), Some(1)), "{progress:?}");
        let again = cli(&home, server, &["register", "ft-strlen"], None);
        assert_eq!(again.status.code(), Some(1));
        assert!(text(&again).contains("already_validated"), "{}", text(&again));
    }

    fn nobody_else_reads_or_changes_a_team(backend) {
        let school = school(backend, &[]);
        let server = &school.server;
        let team = register(server, &school.alice, "ft-strlen");
        let archive = tar_gz(&[("ft_strlen.c", strlen_source("i").as_bytes())]);
        let submission = upload(server, &school.alice, &team, &archive);
        // The team's own member reads it all: the routes work.
        assert_eq!(server.get(&format!("/api/v1/teams/{team}"), &school.alice).status, 200);
        assert_eq!(server.get(&format!("/api/v1/submissions/{submission}"), &school.alice).status, 200);
        let (status, bytes) = server.get_bytes(&format!("/api/v1/submissions/{submission}/archive"), &school.alice);
        assert_eq!((status, bytes.as_slice()), (200, archive.as_slice()));
        let t = format!("/api/v1/teams/{team}");
        let s = format!("/api/v1/submissions/{submission}");
        let eve = &school.eve;
        let cases: Vec<(&str, String, Option<Value>, u16)> = vec![
            ("GET", t.clone(), None, 404),
            ("GET", format!("{t}/submissions"), None, 404),
            ("POST", format!("{t}/close"), Some(json!({})), 404),
            ("POST", format!("{t}/invitations"), Some(json!({"login": "eve"})), 404),
            ("POST", format!("{t}/accept"), Some(json!({})), 404),
            ("POST", format!("{t}/decline"), Some(json!({})), 404),
            ("POST", format!("{t}/leave"), Some(json!({})), 404),
            ("POST", format!("{t}/kick"), Some(json!({"login": "alice"})), 404),
            ("POST", format!("{t}/lock"), Some(json!({})), 404),
            ("PUT", format!("{t}/mark"), Some(json!({"mark": 125, "reason": "mine now"})), 404),
            ("GET", s.clone(), None, 404),
            ("GET", format!("{s}/archive"), None, 404),
            ("POST", format!("{s}/regrade"), Some(json!({})), 404),
            ("GET", "/api/v1/users/alice/progress".to_string(), None, 403),
            ("GET", "/api/v1/teams".to_string(), None, 403),
            ("GET", "/api/v1/submissions".to_string(), None, 403),
            ("GET", "/api/v1/grading/queue".to_string(), None, 403),
        ];
        for (method, path, body, expected) in cases {
            let response = server.call(method, &path, Some(eve), body);
            assert_eq!(response.status, expected, "{method} {path}: {response:?}");
        }
        let foreign = server.upload(&format!("{t}/submissions"), eve, &archive);
        assert_eq!(foreign.status, 404, "{foreign:?}");
        let (status, _) = server.get_bytes(&format!("{s}/archive"), eve);
        assert_eq!(status, 404);
        // Staff of the team's campus see it; staff of another campus do not.
        assert_eq!(server.get(&t, &school.sam).status, 200);
        assert_eq!(server.get(&t, &school.olga).status, 404);
        let (status, bytes) = server.get_bytes(&format!("{s}/archive"), &school.sam);
        assert_eq!((status, bytes.as_slice()), (200, archive.as_slice()));
        let listed = server.get("/api/v1/teams?student=alice", &school.sam);
        assert_eq!(listed.body["total"], 1, "{listed:?}");
        let listed = server.get("/api/v1/teams", &school.olga);
        assert_eq!(listed.body["total"], 0, "{listed:?}");
        // Nothing eve tried changed the team.
        let team_now = server.get(&t, &school.alice);
        assert_eq!(team_now.body["status"], "in_progress");
        assert_eq!(team_now.body["members"].as_array().unwrap().len(), 1);
        assert_eq!(server.get(&format!("{t}/submissions"), &school.alice).body.as_array().unwrap().len(), 1);
        let _ = (&school.bob, &school.admin);
    }

    fn hostile_archives_are_refused_and_leave_no_row_and_no_blob(backend) {
        let school = school(backend, &[]);
        let server = &school.server;
        let team = register(server, &school.alice, "ft-strlen");
        let path = format!("/api/v1/teams/{team}/submissions");
        let zeros = vec![0u8; 64 * 1024 * 1024];
        let many: Vec<String> = (0..100_000).map(|i| format!("f{i}")).collect();
        let many_files: Vec<(&str, &[u8])> = many.iter().map(|n| (n.as_str(), &b""[..])).collect();
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("symlink", hostile_tar("ft_strlen.c", tar::EntryType::Symlink, b""), "link_or_device"),
            ("hard link", hostile_tar("ft_strlen.c", tar::EntryType::Link, b""), "link_or_device"),
            ("device", hostile_tar("ft_strlen.c", tar::EntryType::Char, b""), "link_or_device"),
            ("dot-dot", hostile_tar("../ft_strlen.c", tar::EntryType::Regular, b"int x;"), "unsafe_path"),
            ("absolute", hostile_tar("/tmp/ft_strlen.c", tar::EntryType::Regular, b"int x;"), "unsafe_path"),
            ("zip dot-dot", zip_of(&[("a/../../ft_strlen.c", b"int x;")]), "unsafe_path"),
            ("gzip bomb", tar_gz(&[("ft_strlen.c", &zeros)]), "compression_ratio"),
            ("zip bomb", zip_of(&[("ft_strlen.c", &zeros)]), "compression_ratio"),
            ("100k empty files", tar_gz(&many_files), "too_many_files"),
            ("missing file", tar_gz(&[("main.c", b"int main;")]), "missing_files"),
            ("not an archive", b"#include <unistd.h>\n".to_vec(), "unsupported_archive"),
        ];
        for (what, archive, code) in cases {
            let response = server.upload(&path, &school.alice, &archive);
            assert_eq!((response.status, response.code()), (422, code), "{what}: {response:?}");
        }
        let response = server.upload(&path, &school.alice, &vec![7u8; 5 * 1024 * 1024]);
        assert_eq!((response.status, response.code()), (413, "archive_too_large"), "{response:?}");
        assert_eq!(server.get(&path, &school.alice).body, json!([]), "no row");
        assert_eq!(blob_files(server), 0, "no blob");
        // The same route takes a good archive (the refusals above were the checks').
        upload(server, &school.alice, &team, &tar_gz(&[("ft_strlen.c", b"int x;\n")]));
        assert_eq!(server.get(&path, &school.alice).body.as_array().unwrap().len(), 1);
        assert_eq!(blob_files(server), 1);
    }

    fn a_killed_worker_loses_nothing_and_the_verdict_lands_once(backend) {
        let school = school(backend, &[]);
        let server = &school.server;
        let images = images_dir();
        let short_lease = [
            ("QADAM_GRADING__IMAGES_DIR", images.as_str()),
            ("QADAM_GRADING__LEASE_SECONDS", "3"),
            ("QADAM_GRADING__HEARTBEAT_SECONDS", "1"),
            ("QADAM_GRADING__WORKERS", "1"),
        ];
        let team = register(server, &school.alice, "ft-strlen");
        let id = upload(server, &school.alice, &team, &tar_gz(&[("ft_strlen.c", SPINNING_STRLEN.as_bytes())]));
        let mut first = server.worker(&short_lease);
        first.wait_for_log(&format!("submission={id} attempt=1"), 1, Duration::from_secs(30));
        first.kill();
        let second = server.worker(&short_lease);
        let log = second.wait_for_log(&format!("submission={id} verdict="), 1, Duration::from_secs(90));
        assert!(log.contains(&format!("submission={id} attempt=2")), "taken over: {log}");
        let done = verdict(server, &school.alice, &id);
        assert_eq!((done["status"].as_str(), done["verdict"].as_str()), (Some("graded"), Some("time_limit")), "{done}");
        let queue = server.get("/api/v1/grading/queue", &school.sam);
        assert_eq!((queue.body["queued"].as_i64(), queue.body["running"].as_i64()), (Some(0), Some(0)), "{queue:?}");
        let first_log = first.wait_for_log(&format!("submission={id} attempt=1"), 1, Duration::from_secs(1));
        assert!(!first_log.contains("verdict="), "the killed worker recorded nothing: {first_log}");
        let log = second.wait_for_log(&format!("submission={id} verdict="), 1, Duration::from_secs(1));
        assert_eq!(log.matches(&format!("submission={id} verdict=")).count(), 1, "recorded once");
    }

    fn two_workers_share_a_burst_and_never_grade_a_job_twice(backend) {
        let school = school(backend, &[]);
        let server = &school.server;
        let images = images_dir();
        let env = [("QADAM_GRADING__IMAGES_DIR", images.as_str()), ("QADAM_GRADING__WORKERS", "1")];
        let tokens = [&school.alice, &school.bob, &school.eve];
        let mut ids = Vec::new();
        for token in tokens {
            let team = register(server, token, "ft-strlen");
            for result in ["i", "i - 1", "i + 1"] {
                ids.push(upload(server, token, &team, &tar_gz(&[("ft_strlen.c", strlen_source(result).as_bytes())])));
            }
        }
        let one = server.worker(&env);
        let two = server.worker(&env);
        for (id, token) in ids.iter().zip(tokens.iter().flat_map(|t| [t, t, t])) {
            let done = verdict(server, token, id);
            assert_eq!(done["status"], "graded", "{done}");
        }
        let logs = [
            one.wait_for_log("grading worker started", 1, Duration::from_secs(1)),
            two.wait_for_log("grading worker started", 1, Duration::from_secs(1)),
        ];
        for id in &ids {
            let recorded: usize = logs.iter().map(|log| log.matches(&format!("submission={id} verdict=")).count()).sum();
            assert_eq!(recorded, 1, "{id} graded once: {logs:?}");
        }
        assert!(logs.iter().all(|log| log.contains("verdict=")), "both workers took part: {logs:?}");
    }

    fn a_server_killed_mid_burst_loses_nothing(backend) {
        let images = images_dir();
        let env = [
            ("QADAM_GRADING__WORKERS", "1"),
            ("QADAM_GRADING__LEASE_SECONDS", "3"),
            ("QADAM_GRADING__HEARTBEAT_SECONDS", "1"),
        ];
        let mut school = school(backend, &env);
        let server = &school.server;
        let mut submitted = Vec::new();
        for token in [&school.alice, &school.bob, &school.eve] {
            let team = register(server, token, "ft-strlen");
            for result in ["i", "i - 1"] {
                let id = upload(server, token, &team, &tar_gz(&[("ft_strlen.c", strlen_source(result).as_bytes())]));
                submitted.push((id, token.clone()));
            }
        }
        server.log_containing("verdict=");
        school.server.kill();
        let restarted = school.server.join(&[
            ("QADAM_GRADING__WORKERS", "2"),
            ("QADAM_GRADING__IMAGES_DIR", images.as_str()),
            ("QADAM_CATALOG_DIR", ""),
        ]);
        let before = school.server.log_containing("verdict=");
        assert!(before.matches("verdict=").count() < submitted.len(), "killed mid-burst: {before}");
        for (id, token) in &submitted {
            let done = verdict(&restarted, token, id);
            assert_eq!(done["status"], "graded", "{done}");
            let after = restarted.log_when("the log so far", |_| true);
            let recorded = before.matches(&format!("submission={id} verdict=")).count()
                + after.matches(&format!("submission={id} verdict=")).count();
            assert_eq!(recorded, 1, "{id} graded exactly once");
        }
        let _ = &school.admin;
    }
}
