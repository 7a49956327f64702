//! The project flow's rules against a real database on both backends, with the clock
//! held still and moved by hand: registration, teams, uploads, the queue's claims and
//! leases, hand-in, marks, XP, deadlines and retries. Verdicts are written here as a
//! worker writes them; the real worker and Docker are exercised end to end in
//! tests/flow.rs at the root.

use chrono::Duration;
use qadam_core::{marks, progress, teams, CoreError};
use qadam_db::queries::{jobs, xp};
use qadam_domain::{SubmissionStatus, TeamStatus};
use qadam_testkit::{both_backends, tar_gz};

mod support;

use support::{audit_actor, world, World};

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
