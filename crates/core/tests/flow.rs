//! The project flow's rules against a real database on both backends, with the clock
//! held still and moved by hand: registration, teams, uploads, the queue's claims and
//! leases, hand-in, marks, XP, deadlines and retries. Verdicts are written here as a
//! worker writes them; the real worker and Docker are exercised end to end in
//! tests/flow.rs at the root.

use chrono::Duration;
use qadam_core::accounts::{self, NewCampus, NewUser};
use qadam_core::{marks, progress, submissions, teams, Clock, Core, CoreError};
use qadam_db::models::User;
use qadam_db::queries::audit::AuditActor;
use qadam_db::queries::{jobs, submissions as rows, xp};
use qadam_db::{DbConn, Pool};
use qadam_domain::{Role, SubmissionStatus, TeamStatus};
use qadam_settings::Settings;
use qadam_testkit::{both_backends, tar_gz, TestDatabase};
use std::path::Path;

struct World {
    core: Core,
    runtime: tokio::runtime::Runtime,
    alice: User,
    bob: User,
    carol: User,
    staff: User,
    _catalog: tempdir::Dir,
}

mod tempdir {
    /// A folder removed when dropped.
    pub struct Dir(pub std::path::PathBuf);

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// Copies a few real projects of projects-catalog/ (not its cursus) into a folder.
fn catalog_subset(projects: &[&str]) -> tempdir::Dir {
    let root = std::env::temp_dir().join(format!("qadam-flow-{}", uuid::Uuid::new_v4().simple()));
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../projects-catalog");
    for project in projects {
        copy_tree(&source.join(project), &root.join(project));
    }
    std::fs::copy(source.join("levels.toml"), root.join("levels.toml")).unwrap();
    tempdir::Dir(root)
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn world(db: &TestDatabase) -> World {
    let mut conn = DbConn::open(&db.url).expect("connect");
    conn.migrate().expect("migrate");
    let catalog = catalog_subset(&[
        "c-piscine/ft-strlen",
        "c-piscine/ft-split",
        "c-piscine/ft-atoi",
        "team/rush-00",
        "team/bsq",
    ]);
    let loaded = qadam_catalog::Catalog::load(&catalog.0, None).expect("the catalog checks");
    let actor = AuditActor::cli();
    qadam_core::catalog::sync(&mut conn, &loaded, &actor).expect("sync");
    let campus = conn
        .write(|conn| {
            accounts::create_campus(
                conn,
                &actor,
                NewCampus {
                    slug: "almaty".into(),
                    name: "Almaty".into(),
                    time_zone: "Asia/Almaty".into(),
                },
            )
        })
        .unwrap();
    let hash = qadam_core::hash_password("a-long-enough-password");
    let mut user = |login: &str, role: Role| {
        conn.write(|conn| {
            accounts::create_user(
                conn,
                &actor,
                NewUser {
                    login: login.into(),
                    display_name: login.into(),
                    email: None,
                    role,
                    campus_id: Some(campus.id.clone()),
                },
                hash.clone(),
            )
        })
        .unwrap()
    };
    let (alice, bob, carol, staff) = (
        user("alice", Role::Student),
        user("bob", Role::Student),
        user("carol", Role::Student),
        user("sam", Role::Staff),
    );
    let settings = Settings {
        data_dir: db.scratch_dir().join("data"),
        ..Settings::default()
    };
    let pool = Pool::open(&db.url, 4, std::time::Duration::from_secs(10)).expect("pool");
    let mut core = Core::new(&settings, pool).expect("core");
    core.clock = Clock::fixed(qadam_db::now());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    World {
        core,
        runtime,
        alice,
        bob,
        carol,
        staff,
        _catalog: catalog,
    }
}

impl World {
    fn write<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut DbConn) -> Result<T, CoreError> + Send + 'static,
    ) -> Result<T, CoreError> {
        self.runtime.block_on(self.core.db.write(work))
    }

    fn register(&self, user: &User, slug: &str) -> Result<teams::TeamDetail, CoreError> {
        let (user, slug, now) = (user.clone(), slug.to_string(), self.core.clock.now());
        self.write(move |conn| teams::register(conn, &user, &slug, now))
    }

    fn submit(
        &self,
        user: &User,
        team_id: &str,
        archive: Vec<u8>,
    ) -> Result<qadam_db::models::Submission, CoreError> {
        self.runtime.block_on(submissions::submit(
            &self.core,
            user.actor(),
            team_id.to_string(),
            archive,
        ))
    }

    /// Claims the next job as `owner` would and records `score` as its verdict.
    fn grade_next(&self, owner: &str, score: f64) -> String {
        let (owner, now) = (owner.to_string(), self.core.clock.now());
        self.write(move |conn| {
            let id = jobs::next_claimable(conn, now)?.expect("a job to grade");
            let job = jobs::lease(conn, &id, &owner, now, now + Duration::seconds(30))?;
            assert!(jobs::finish(conn, &id, &owner, jobs::DONE, None, now)?);
            let verdict = if score >= 100.0 { "passed" } else { "failed" };
            let result = serde_json::json!({"schema_version": 1, "status": verdict, "score": score,
                "message": "", "tests": [], "tool_versions": {}});
            rows::record_result(
                conn,
                &job.submission_id,
                verdict,
                score,
                &result.to_string(),
                now,
            )?;
            Ok(job.submission_id)
        })
        .unwrap()
    }

    fn count(&self, sql: &'static str) -> i64 {
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        self.write(move |conn| {
            use diesel::RunQueryDsl;
            let row: Count = diesel::sql_query(sql)
                .get_result(conn)
                .map_err(qadam_db::DbError::from)?;
            Ok(row.n)
        })
        .unwrap()
    }
}

fn audit_actor(user: &User) -> AuditActor {
    AuditActor {
        user_id: Some(user.id.clone()),
        label: user.login.clone(),
    }
}

fn with_symlink() -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let mut builder = tar::Builder::new(gz);
    let mut header = tar::Header::new_gnu();
    header.set_entry_type(tar::EntryType::Symlink);
    header.set_size(0);
    builder
        .append_link(&mut header, "ft_strlen.c", "/etc/passwd")
        .unwrap();
    builder.into_inner().unwrap().finish().unwrap()
}

const STRLEN: &[u8] = b"int\tft_strlen(char *s)\n{\n\tint\ti;\n\n\ti = 0;\n\twhile (s[i])\n\t\ti++;\n\treturn (i);\n}\n";

both_backends! {
    fn registration_checks_prerequisites_and_one_active_attempt(db) {
        let w = world(&db);
        let team = w.register(&w.alice, "ft-strlen").unwrap();
        assert_eq!(team.team.status, TeamStatus::InProgress, "a solo project is locked at once");
        assert_eq!(team.team.attempt, 1);
        assert_eq!(team.members.len(), 1);
        assert_eq!(w.register(&w.alice, "ft-strlen").unwrap_err().code(), "already_registered");
        let refused = w.register(&w.alice, "bsq").unwrap_err();
        assert_eq!(refused.code(), "prerequisites_missing");
        assert!(refused.to_string().contains("ft-split") && refused.to_string().contains("ft-atoi"), "{refused}");
        assert_eq!(w.register(&w.staff, "ft-strlen").unwrap_err().code(), "students_only");
        assert_eq!(w.register(&w.alice, "no-such-project").unwrap_err().code(), "not_found");
    }

    fn a_team_forms_by_invitation_and_locks_within_its_size(db) {
        let w = world(&db);
        let team = w.register(&w.alice, "rush-00").unwrap();
        assert_eq!(team.team.status, TeamStatus::Forming);
        let id = team.team.id.clone();
        let archive = tar_gz(&[("rush00.c", b"x"), ("main.c", b"y")]);
        assert_eq!(w.submit(&w.alice, &id, archive).unwrap_err().code(), "team_not_locked");
        let (alice, bob, carol) = (w.alice.actor(), w.bob.clone(), w.carol.actor());
        let now = w.core.clock.now();
        let (a, i) = (alice.clone(), id.clone());
        assert_eq!(w.write(move |c| teams::lock(c, &a, &i, now)).unwrap_err().code(), "team_size");
        // Carol, not invited, does not even see the team.
        let (c2, i) = (carol.clone(), id.clone());
        assert_eq!(w.write(move |c| teams::visible_team(c, &c2, &i).map(drop)).unwrap_err().code(), "not_found");
        let (c2, i) = (carol.clone(), id.clone());
        assert_eq!(w.write(move |c| teams::invite(c, &c2, &i, "bob", now)).unwrap_err().code(), "not_found");
        let (a, i) = (alice.clone(), id.clone());
        let invited = w.write(move |c| teams::invite(c, &a, &i, "bob", now)).unwrap();
        assert!(!invited.members.iter().find(|m| m.login == "bob").unwrap().member.accepted);
        let (a, i) = (alice.clone(), id.clone());
        assert_eq!(w.write(move |c| teams::invite(c, &a, &i, "bob", now)).unwrap_err().code(), "already_invited");
        // Bob cannot start a rush of his own while he accepts this one.
        let (b, i) = (bob.clone(), id.clone());
        let joined = w.write(move |c| teams::accept(c, &b, &i, now)).unwrap();
        assert!(joined.members.iter().all(|m| m.member.accepted));
        assert_eq!(w.register(&w.bob, "rush-00").unwrap_err().code(), "already_registered");
        let (b, i) = (bob.actor(), id.clone());
        assert_eq!(w.write(move |c| teams::lock(c, &b, &i, now)).unwrap_err().code(), "not_leader");
        let (a, i) = (alice.clone(), id.clone());
        let locked = w.write(move |c| teams::lock(c, &a, &i, now)).unwrap();
        assert_eq!(locked.team.status, TeamStatus::InProgress);
        let (a, i) = (alice.clone(), id.clone());
        assert_eq!(w.write(move |c| teams::invite(c, &a, &i, "carol", now)).unwrap_err().code(), "team_locked");
        let (b, i) = (bob.actor(), id.clone());
        assert_eq!(w.write(move |c| teams::leave(c, &b, &i, now)).unwrap_err().code(), "team_locked");
    }

    fn an_upload_is_checked_whole_before_anything_is_stored(db) {
        let w = world(&db);
        let id = w.register(&w.alice, "ft-strlen").unwrap().team.id;
        let blobs = || w.core.blobs.count();
        let refused = w.submit(&w.alice, &id, with_symlink()).unwrap_err();
        assert_eq!(refused.code(), "link_or_device");
        let refused = w.submit(&w.alice, &id, tar_gz(&[("main.c", b"int main;")])).unwrap_err();
        assert_eq!(refused.code(), "missing_files");
        assert!(refused.to_string().contains("ft_strlen.c"), "{refused}");
        assert_eq!(w.submit(&w.bob, &id, tar_gz(&[("ft_strlen.c", STRLEN)])).unwrap_err().code(), "not_found");
        assert_eq!((w.count("SELECT COUNT(*) AS n FROM submissions"), blobs()), (0, 0));
        // The refusals above did run: a good upload lands row, job and blob.
        let first = w.submit(&w.alice, &id, tar_gz(&[("ft_strlen.c", STRLEN)])).unwrap();
        assert_eq!(first.status, SubmissionStatus::Queued);
        let again = w.submit(&w.alice, &id, tar_gz(&[("ft_strlen.c", STRLEN)])).unwrap();
        assert_eq!(first.sha256, again.sha256, "same bytes, same blob");
        assert_eq!(w.count("SELECT COUNT(*) AS n FROM submissions"), 2);
        assert_eq!(w.count("SELECT COUNT(*) AS n FROM grading_jobs WHERE status = 'queued'"), 2);
        assert_eq!(blobs(), 1);
        assert_eq!(w.core.blobs.get(&first.sha256).unwrap(), tar_gz(&[("ft_strlen.c", STRLEN)]));
    }

    fn a_full_queue_refuses_new_work_and_stores_nothing(db) {
        let mut w = world(&db);
        w.core.flow.max_queue_depth = 1;
        let id = w.register(&w.alice, "ft-strlen").unwrap().team.id;
        w.submit(&w.alice, &id, tar_gz(&[("ft_strlen.c", STRLEN)])).unwrap();
        let refused = w.submit(&w.alice, &id, tar_gz(&[("ft_strlen.c", b"int x;\n")])).unwrap_err();
        assert_eq!(refused.code(), "queue_full");
        assert!(matches!(refused, CoreError::Unavailable { .. }));
        assert_eq!((w.count("SELECT COUNT(*) AS n FROM submissions"), w.core.blobs.count()), (1, 1));
    }

    fn hand_in_marks_a_grader_project_and_xp_and_overrides_follow(db) {
        let w = world(&db);
        let id = w.register(&w.alice, "ft-strlen").unwrap().team.id;
        let (a, i, now) = (w.alice.actor(), id.clone(), w.core.clock.now());
        assert_eq!(w.write(move |c| marks::close(c, &a, &i, now)).unwrap_err().code(), "nothing_graded");
        w.submit(&w.alice, &id, tar_gz(&[("ft_strlen.c", b"wrong")])).unwrap();
        let (a, i) = (w.alice.actor(), id.clone());
        assert_eq!(w.write(move |c| marks::close(c, &a, &i, now)).unwrap_err().code(), "grading_in_progress");
        w.grade_next("worker-a", 40.0);
        w.core.clock.advance(Duration::seconds(1));
        w.submit(&w.alice, &id, tar_gz(&[("ft_strlen.c", STRLEN)])).unwrap();
        w.grade_next("worker-a", 100.0);
        let (a, i) = (w.alice.actor(), id.clone());
        let closed = w.write(move |c| marks::close(c, &a, &i, now)).unwrap();
        assert_eq!(closed.team.status, TeamStatus::Finished);
        assert_eq!((closed.team.final_mark, closed.team.validated), (Some(100), Some(true)));
        let alice_id = w.alice.id.clone();
        assert_eq!(w.write(move |c| Ok(xp::total_of(c, &alice_id)?)).unwrap(), 25);
        assert_eq!(w.register(&w.alice, "ft-strlen").unwrap_err().code(), "already_validated");
        // Bob may not see Alice's progress; staff of her campus may, and may set a mark.
        let b = w.bob.actor();
        assert!(w.write(move |c| progress::progress(c, &b, "alice").map(drop)).is_err());
        let (s, sa, i) = (w.staff.actor(), audit_actor(&w.staff), id.clone());
        let changed = w.write(move |c| marks::override_mark(c, &s, &sa, &i, 30, "copied from bob", now)).unwrap();
        assert_eq!((changed.team.final_mark, changed.team.validated), (Some(30), Some(false)));
        let s = w.staff.actor();
        let seen = w.write(move |c| progress::progress(c, &s, "alice")).unwrap();
        assert_eq!(seen.xp, 0, "the override took the XP back");
        assert_eq!(seen.projects[0].best_mark, Some(30));
        assert_eq!(w.count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'team.mark_override'"), 1);
        assert_eq!(w.count("SELECT COUNT(*) AS n FROM xp_events"), 2);
        // A student cannot override.
        let (a, aa, i) = (w.alice.actor(), audit_actor(&w.alice), id.clone());
        assert_eq!(w.write(move |c| marks::override_mark(c, &a, &aa, &i, 125, "self", now)).unwrap_err().code(), "not_found");
    }

    fn a_deadline_closes_the_attempt_and_the_cooldown_holds_the_retry(db) {
        let w = world(&db);
        let id = w.register(&w.alice, "rush-00").unwrap().team.id;
        let (a, b, i, now) = (w.alice.actor(), w.bob.clone(), id.clone(), w.core.clock.now());
        let (a2, i2) = (a.clone(), i.clone());
        w.write(move |c| teams::invite(c, &a2, &i2, "bob", now)).unwrap();
        let i2 = i.clone();
        w.write(move |c| teams::accept(c, &b, &i2, now)).unwrap();
        w.write(move |c| teams::lock(c, &a, &i, now)).unwrap();
        let sweep = |w: &World| {
            let now = w.core.clock.now();
            w.write(move |c| marks::close_past_deadlines(c, now)).unwrap()
        };
        assert_eq!(sweep(&w), 0, "the deadline is two days away");
        w.core.clock.advance(Duration::days(2) + Duration::minutes(1));
        assert_eq!(sweep(&w), 1);
        let s = w.staff.actor();
        let i = id.clone();
        let team = w.write(move |c| Ok(teams::visible_team(c, &s, &i)?.0)).unwrap();
        assert_eq!((team.status, team.final_mark, team.validated), (TeamStatus::Finished, Some(0), Some(false)));
        assert_eq!(sweep(&w), 0, "closed once");
        assert_eq!(w.register(&w.bob, "rush-00").unwrap_err().code(), "retry_cooldown");
        w.core.clock.advance(Duration::hours(24));
        let retry = w.register(&w.bob, "rush-00").unwrap();
        assert_eq!(retry.team.attempt, 2);
    }

    fn claims_take_turns_between_teams_and_leases_decide_who_records(db) {
        let w = world(&db);
        let alice_team = w.register(&w.alice, "ft-strlen").unwrap().team.id;
        let bob_team = w.register(&w.bob, "ft-strlen").unwrap().team.id;
        for n in 0..4 {
            w.submit(&w.alice, &alice_team, tar_gz(&[("ft_strlen.c", format!("{n}").as_bytes())])).unwrap();
            w.core.clock.advance(Duration::seconds(1));
        }
        w.submit(&w.bob, &bob_team, tar_gz(&[("ft_strlen.c", b"bob")])).unwrap();
        let now = w.core.clock.now();
        let claim = |owner: &'static str| {
            w.write(move |conn| {
                let Some(id) = jobs::next_claimable(conn, now)? else { return Ok(None) };
                Ok(Some(jobs::lease(conn, &id, owner, now, now + Duration::seconds(30))?))
            })
            .unwrap()
        };
        let first = claim("w1").unwrap();
        let second = claim("w2").unwrap();
        assert_eq!(first.team_id, alice_team, "the oldest job first");
        assert_eq!(second.team_id, bob_team, "then the other team's, before Alice's burst");
        // Leases expire: a third worker takes the first job over and only it records.
        w.core.clock.advance(Duration::seconds(31));
        let later = w.core.clock.now();
        let taken = w.write(move |conn| {
            let id = jobs::next_claimable(conn, later)?.unwrap();
            Ok(jobs::lease(conn, &id, "w3", later, later + Duration::seconds(30))?)
        }).unwrap();
        assert!(taken.id == first.id || taken.id == second.id, "an expired lease is claimable: {taken:?} {first:?}");
        assert_eq!(taken.attempts, 2);
        let (job, old_owner) = (taken.id.clone(), if taken.id == first.id { "w1" } else { "w2" });
        let j = job.clone();
        assert!(!w.write(move |c| Ok(jobs::heartbeat(c, &j, old_owner, later)?)).unwrap());
        let j = job.clone();
        assert!(!w.write(move |c| Ok(jobs::finish(c, &j, old_owner, jobs::DONE, None, later)?)).unwrap());
        let j = job.clone();
        assert!(w.write(move |c| Ok(jobs::finish(c, &j, "w3", jobs::DONE, None, later)?)).unwrap());
        let j = job.clone();
        assert!(!w.write(move |c| Ok(jobs::finish(c, &j, "w3", jobs::DONE, None, later)?)).unwrap(), "once");
    }

    fn concurrent_workers_never_claim_the_same_job(db) {
        let w = world(&db);
        let team = w.register(&w.alice, "ft-strlen").unwrap().team.id;
        for n in 0..30 {
            w.submit(&w.alice, &team, tar_gz(&[("ft_strlen.c", format!("{n}").as_bytes())])).unwrap();
        }
        let now = w.core.clock.now();
        let claimed = std::sync::Mutex::new(Vec::new());
        std::thread::scope(|scope| {
            for worker in 0..4 {
                let (pool, claimed) = (w.core.db.pool().clone(), &claimed);
                scope.spawn(move || loop {
                    let mut conn = pool.get().unwrap();
                    let owner = format!("w{worker}");
                    let job = conn
                        .write(|conn| {
                            let Some(id) = jobs::next_claimable(conn, now)? else { return Ok(None) };
                            jobs::lease(conn, &id, &owner, now, now + Duration::seconds(30)).map(Some)
                        })
                        .unwrap();
                    match job {
                        Some(job) => claimed.lock().unwrap().push(job.id),
                        None => break,
                    }
                });
            }
        });
        let mut claimed = claimed.into_inner().unwrap();
        assert_eq!(claimed.len(), 30);
        claimed.sort();
        claimed.dedup();
        assert_eq!(claimed.len(), 30, "no job was claimed twice");
    }
}
