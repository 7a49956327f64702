//! Peer evaluations against a real database on both backends, with the clock held
//! still and moved by hand: booking with hidden identities, the presence code, the
//! sheet, feedback and the final mark; points that always equal their ledger; the
//! race for the last slots; a cancellation racing the start; the waitlist; slots;
//! no-shows; voiding; and who may see and do what.

use chrono::{Duration, NaiveDateTime};
use qadam_core::evaluations::{
    self as ev, EvaluationAccess, FeedbackInput, SheetInput, StartOutcome,
};
use qadam_core::{points, slots, CoreError};
use qadam_db::models::User;
use qadam_db::queries::points as point_rows;
use qadam_domain::evaluation::{next_granule, question_ids};
use qadam_domain::{EvaluationStatus, Flag, TeamStatus};
use qadam_testkit::both_backends;
use serde_json::{json, Value};
use std::collections::BTreeMap;

mod support;

use support::{audit_actor, world, World};

impl World {
    fn now(&self) -> NaiveDateTime {
        self.core.clock.now()
    }

    /// The first quarter hour at least an hour ahead.
    fn soon(&self) -> NaiveDateTime {
        next_granule(self.now() + Duration::hours(1))
    }

    fn slot(
        &self,
        user: &User,
        begin: NaiveDateTime,
        minutes: i64,
    ) -> Result<slots::SlotDetail, CoreError> {
        let (user, now) = (user.clone(), self.now());
        self.write(move |c| slots::add(c, &user, begin, begin + Duration::minutes(minutes), now))
    }

    fn book(
        &self,
        user: &User,
        team: &str,
        at: NaiveDateTime,
    ) -> Result<ev::EvaluationDetail, CoreError> {
        let (actor, team, now) = (user.actor(), team.to_string(), self.now());
        self.write(move |c| ev::book(c, &actor, &team, at, now))
    }

    fn view(&self, user: &User, id: &str) -> Result<ev::EvaluationDetail, CoreError> {
        let (actor, id, now) = (user.actor(), id.to_string(), self.now());
        self.write(move |c| {
            let (e, access) = ev::visible(c, &actor, &id)?;
            ev::detail(c, e, access, now)
        })
    }

    fn start(&self, user: &User, id: &str, code: &str) -> Result<StartOutcome, CoreError> {
        let (actor, id, code, now) = (user.actor(), id.to_string(), code.to_string(), self.now());
        self.write(move |c| ev::start(c, &actor, &id, Some(&code), false, now))
    }

    fn sheet(
        &self,
        user: &User,
        id: &str,
        answers: BTreeMap<String, Value>,
        flag: Flag,
        comment: &str,
    ) -> Result<ev::EvaluationDetail, CoreError> {
        let (actor, id, now) = (user.actor(), id.to_string(), self.now());
        let input = SheetInput {
            answers,
            flag,
            comment: comment.into(),
        };
        self.write(move |c| ev::submit_sheet(c, &actor, &id, input, now))
    }

    fn cancel(&self, user: &User, id: &str) -> Result<ev::EvaluationDetail, CoreError> {
        let (actor, id, now) = (user.actor(), id.to_string(), self.now());
        self.write(move |c| ev::cancel(c, &actor, &id, now))
    }

    fn balance(&self, user: &User) -> i32 {
        let id = user.id.clone();
        self.write(move |c| {
            let statement = points::statement(c, &id, 1000)?;
            assert_eq!(
                i64::from(statement.balance),
                statement.ledger_sum,
                "a balance is the sum of its ledger"
            );
            Ok(statement.balance)
        })
        .unwrap()
    }

    fn notes(&self, user: &User) -> Vec<(String, String)> {
        let id = user.id.clone();
        self.write(move |c| qadam_core::notifications::of_user(c, &id, false, 100))
            .unwrap()
            .into_iter()
            .map(|n| (n.kind, format!("{} {}", n.message, n.data)))
            .collect()
    }

    fn tick(&self) -> ev::TickReport {
        self.runtime.block_on(ev::tick(&self.core)).unwrap()
    }

    fn settings(&self, change: serde_json::Value) {
        let (actor, audit) = (self.staff.actor(), audit_actor(&self.staff));
        let campus = self.alice.campus_id.clone().unwrap();
        let now = self.now();
        self.write(move |c| {
            let mut value = serde_json::to_value(ev::campus_settings(c, Some(&campus))?).unwrap();
            for (k, v) in change.as_object().unwrap() {
                value[k] = v.clone();
            }
            ev::set_campus_settings(
                c,
                &actor,
                &audit,
                &campus,
                serde_json::from_value(value).unwrap(),
                now,
            )
        })
        .unwrap();
    }
}

/// Every mandatory question answered in full: a mark of 100.
fn perfect(detail: &ev::EvaluationDetail) -> BTreeMap<String, Value> {
    let sheet = detail.sheet.as_ref().expect("the evaluator sees the sheet");
    let mut answers = BTreeMap::new();
    let ids = question_ids(sheet);
    let questions = sheet.sections.iter().flat_map(|s| s.questions.iter());
    for (id, question) in ids.into_iter().zip(questions) {
        if question.bonus {
            continue;
        }
        let value = match question.kind {
            qadam_domain::QuestionKind::YesNo => json!(true),
            qadam_domain::QuestionKind::Rating => json!(5),
        };
        answers.insert(id, value);
    }
    answers
}

const COMMENT: &str = "Clean work, every shape right; the corner cases were explained well.";

both_backends! {
    fn the_whole_journey_books_reveals_evaluates_and_marks(db) {
        let w = world(&db);
        let team = w.handed_in_rush(&w.alice, &w.bob, 80.0);
        let begin = w.soon();
        assert_eq!(w.slot(&w.carol, begin, 60).unwrap().booked.len(), 0);
        let (a, t, now) = (w.alice.actor(), team.clone(), w.now());
        let times = w.write(move |c| ev::bookable(c, &a, &t, now)).unwrap();
        assert_eq!(times.iter().map(|t| t.begin_at).collect::<Vec<_>>(),
            vec![begin, begin + Duration::minutes(15), begin + Duration::minutes(30)]);
        assert!(times.iter().all(|t| t.evaluators == 1));
        let booked = w.book(&w.alice, &team, begin).unwrap();
        let id = booked.evaluation.id.clone();
        assert_eq!(booked.evaluation.evaluator_id, w.carol.id);
        assert_eq!(w.book(&w.bob, &team, begin + Duration::minutes(30)).unwrap_err().code(), "enough_evaluations");
        assert_eq!((w.balance(&w.alice), w.balance(&w.bob), w.balance(&w.carol)), (4, 4, 5));

        // Before the reveal, neither side learns who the other is, anywhere.
        let seen_by_team = w.view(&w.alice, &id).unwrap();
        assert!(!seen_by_team.revealed);
        assert_eq!((seen_by_team.evaluator_login.clone(), seen_by_team.presence_code.clone()), (None, None));
        let seen_by_evaluator = w.view(&w.carol, &id).unwrap();
        assert_eq!((seen_by_evaluator.team_logins.clone(), seen_by_evaluator.team_name.clone()), (None, None));
        assert!(w.notes(&w.alice).iter().all(|(_, text)| !text.contains("carol")), "{:?}", w.notes(&w.alice));
        assert!(w.notes(&w.carol).iter().all(|(_, text)| !text.contains("alice") && !text.contains("bob")));
        assert_eq!(w.tick().revealed, 0, "nothing is revealed an hour ahead");

        w.core.clock.advance(begin - w.now() - Duration::minutes(10));
        assert_eq!(w.tick().revealed, 1);
        assert_eq!(w.tick().revealed, 0, "a reveal is told once");
        assert!(w.notes(&w.alice).iter().any(|(kind, text)| kind == "identity_revealed" && text.contains("carol")));
        let seen_by_team = w.view(&w.alice, &id).unwrap();
        assert_eq!(seen_by_team.evaluator_login.as_deref(), Some("carol"));
        let code = seen_by_team.presence_code.clone().expect("the team sees its code");
        let mut logins = w.view(&w.carol, &id).unwrap().team_logins.expect("revealed to the evaluator");
        logins.sort();
        assert_eq!(logins, vec!["alice", "bob"]);
        assert!(w.view(&w.carol, &id).unwrap().presence_code.is_none(), "the evaluator types the code, never reads it");
        assert_eq!(w.start(&w.carol, &id, &code).unwrap_err().code(), "too_early");

        w.core.clock.advance(Duration::minutes(10));
        assert_eq!(w.start(&w.bob, &id, &code).unwrap_err().code(), "evaluator_only");
        let wrong = if code == "000000" { "111111" } else { "000000" };
        assert!(matches!(w.start(&w.carol, &id, wrong).unwrap(), StartOutcome::WrongCode { attempts_left: 4 }));
        let (c, i) = (w.carol.actor(), id.clone());
        assert_eq!(w.write(move |conn| ev::submission_for(conn, &c, &i).map(drop)).unwrap_err().code(), "not_started");
        let StartOutcome::Started(started) = w.start(&w.carol, &id, &code).unwrap() else { panic!("the right code starts it") };
        assert_eq!(started.evaluation.status, EvaluationStatus::InProgress);
        let (c, i) = (w.carol.actor(), id.clone());
        let submission = w.write(move |conn| ev::submission_for(conn, &c, &i)).unwrap();
        let (a, t) = (w.alice.actor(), team.clone());
        let handed_in = w.write(move |c| qadam_core::teams::visible_team(c, &a, &t)).unwrap().0.handed_in_submission_id;
        assert_eq!(Some(submission.id), handed_in, "exactly the handed-in submission");

        let answers = perfect(&started);
        assert_eq!(w.sheet(&w.alice, &id, answers.clone(), Flag::Ok, COMMENT).unwrap_err().code(), "evaluator_only");
        assert_eq!(w.sheet(&w.carol, &id, answers.clone(), Flag::Ok, "ok").unwrap_err().code(), "invalid_request");
        let mut missing = answers.clone();
        missing.remove("1.1");
        let refused = w.sheet(&w.carol, &id, missing, Flag::Ok, COMMENT).unwrap_err();
        assert!(refused.to_string().contains("1.1"), "{refused}");
        assert_eq!(w.sheet(&w.carol, &id, answers.clone(), Flag::Leaks, COMMENT).unwrap_err().code(), "invalid_request");
        let done = w.sheet(&w.carol, &id, answers.clone(), Flag::Ok, COMMENT).unwrap();
        assert_eq!(done.evaluation.mark, Some(100));
        assert_eq!(w.sheet(&w.carol, &id, answers, Flag::Ok, COMMENT).unwrap_err().code(), "completed");
        assert_eq!(w.balance(&w.carol), 6, "the evaluator earns the reward");

        // One evaluation was required: the attempt is marked by the lower of grader and peers.
        let (a, t) = (w.alice.actor(), team.clone());
        let marked = w.write(move |c| qadam_core::teams::visible_team(c, &a, &t)).unwrap().0;
        assert_eq!((marked.status, marked.final_mark, marked.validated), (TeamStatus::Finished, Some(80), Some(true)));
        assert!(w.notes(&w.bob).iter().any(|(kind, _)| kind == "feedback_due"));

        let rate = |user: &User, rating| {
            let (actor, i, now) = (user.actor(), id.clone(), w.now());
            let input = FeedbackInput { rating, nice: true, rigorous: true, interested: false, punctual: true, comment: "Patient and precise.".into() };
            w.write(move |c| ev::give_feedback(c, &actor, &i, input, now))
        };
        assert_eq!(rate(&w.carol, 5).unwrap_err().code(), "team_only");
        assert_eq!(rate(&w.alice, 6).unwrap_err().code(), "invalid_request");
        assert_eq!(rate(&w.alice, 4).unwrap().feedback.map(|f| f.rating), Some(4));
        assert_eq!(rate(&w.bob, 5).unwrap_err().code(), "feedback_given");
        assert!(w.notes(&w.carol).iter().any(|(kind, _)| kind == "feedback_received"));

        // Filled in no time: staff see it flagged; the team never sees review flags.
        let flags = w.view(&w.staff, &id).unwrap().review_flags;
        assert!(flags.iter().any(|f| f.kind == "too_fast"), "{flags:?}");
        assert!(w.view(&w.alice, &id).unwrap().review_flags.is_empty());
        assert_eq!((w.balance(&w.alice), w.balance(&w.bob)), (4, 4));
    }

    fn nobody_outside_sees_or_fills_an_evaluation_and_staff_void_it(db) {
        let w = world(&db);
        let dave = w.student("dave");
        let team = w.handed_in_rush(&w.alice, &w.bob, 100.0);
        let begin = w.soon();
        w.slot(&w.carol, begin, 30).unwrap();
        assert_eq!(w.book(&dave, &team, begin).unwrap_err().code(), "not_found");
        assert_eq!(w.book(&w.alice, &team, begin + Duration::minutes(7)).unwrap_err().code(), "invalid_request");
        let id = w.book(&w.alice, &team, begin).unwrap().evaluation.id;
        assert_eq!(w.view(&dave, &id).unwrap_err().code(), "not_found");
        assert_eq!(w.cancel(&dave, &id).unwrap_err().code(), "not_found");
        assert_eq!(w.view(&w.staff, &id).unwrap().access, EvaluationAccess::Staff);
        w.core.clock.advance(begin - w.now());
        let code = w.view(&w.alice, &id).unwrap().presence_code.unwrap();
        let StartOutcome::Started(started) = w.start(&w.carol, &id, &code).unwrap() else { panic!() };
        w.core.clock.advance(Duration::minutes(25));
        w.sheet(&w.carol, &id, perfect(&started), Flag::Ok, COMMENT).unwrap();
        assert_eq!(w.balance(&w.carol), 6);
        let void = |user: &User, why: &str| {
            let (actor, audit, i, why, now) = (user.actor(), audit_actor(user), id.clone(), why.to_string(), w.now());
            w.write(move |c| ev::void(c, &actor, &audit, &i, &why, now))
        };
        assert_eq!(void(&w.alice, "no reason").unwrap_err().code(), "staff_only");
        assert_eq!(void(&w.staff, "").unwrap_err().code(), "invalid_request");
        let voided = void(&w.staff, "the evaluator never looked at the code").unwrap();
        assert_eq!(voided.evaluation.status, EvaluationStatus::Voided);
        // Points and the mark are recomputed: reward back, team refunded, attempt waits again.
        assert_eq!((w.balance(&w.carol), w.balance(&w.alice), w.balance(&w.bob)), (5, 5, 5));
        let (a, t) = (w.alice.actor(), team.clone());
        let reopened = w.write(move |c| qadam_core::teams::visible_team(c, &a, &t)).unwrap().0;
        assert_eq!((reopened.status, reopened.final_mark), (TeamStatus::WaitingForEvaluation, None));
        let alice = w.alice.id.clone();
        assert_eq!(w.write(move |c| Ok(qadam_db::queries::xp::total_of(c, &alice)?)).unwrap(), 0, "XP follows the mark back");
        assert_eq!(w.count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'evaluation.void'"), 1);
        // Carol evaluated this attempt already: she is not assigned again.
        let later = begin + Duration::hours(2);
        w.slot(&w.carol, later, 30).unwrap();
        assert_eq!(w.book(&w.alice, &team, later).unwrap_err().code(), "no_evaluator_free");
    }

    fn bookings_race_for_ten_evaluators_and_exactly_ten_win(db) {
        let w = world(&db);
        let begin = w.soon();
        let evaluators: Vec<User> = (0..10).map(|i| w.student(&format!("eval{i}"))).collect();
        for evaluator in &evaluators {
            w.slot(evaluator, begin, 30).unwrap();
        }
        let teams: Vec<(User, String)> = (0..24)
            .map(|i| {
                let (a, b) = (w.student(&format!("lead{i}")), w.student(&format!("mate{i}")));
                let team = w.handed_in_rush(&a, &b, 100.0);
                (a, team)
            })
            .collect();
        let outcomes: Vec<Result<String, String>> = std::thread::scope(|scope| {
            let handles: Vec<_> = teams
                .iter()
                .map(|(leader, team)| {
                    let w = &w;
                    scope.spawn(move || {
                        w.book(leader, team, begin)
                            .map(|d| d.evaluation.evaluator_id)
                            .map_err(|e| e.code().to_string())
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let won: Vec<&String> = outcomes.iter().filter_map(|o| o.as_ref().ok()).collect();
        assert_eq!(won.len(), 10, "{outcomes:?}");
        let mut distinct = won.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), 10, "no evaluator is booked twice");
        assert!(outcomes.iter().filter_map(|o| o.as_ref().err()).all(|code| code == "no_evaluator_free"), "{outcomes:?}");
        assert_eq!(w.count("SELECT COUNT(*) AS n FROM evaluations"), 10);
        for (leader, _) in &teams {
            w.balance(leader);
        }
    }

    fn a_cancellation_racing_the_start_moves_points_exactly_once(db) {
        let w = world(&db);
        w.settings(json!({"cancel_notice_minutes": 0}));
        let begin = w.soon();
        let mut results = Vec::new();
        for round in 0..4 {
            let (a, b) = (w.student(&format!("a{round}")), w.student(&format!("b{round}")));
            let team = w.handed_in_rush(&a, &b, 100.0);
            let at = begin + Duration::hours(round);
            w.slot(&w.carol, at, 30).unwrap();
            let id = w.book(&a, &team, at).unwrap().evaluation.id;
            w.core.clock.advance(at - w.now());
            let code = w.view(&a, &id).unwrap().presence_code.unwrap();
            let (cancelled, started) = std::thread::scope(|scope| {
                let cancel = scope.spawn(|| w.cancel(&a, &id).is_ok());
                let start = scope.spawn(|| matches!(w.start(&w.carol, &id, &code), Ok(StartOutcome::Started(_))));
                (cancel.join().unwrap(), start.join().unwrap())
            });
            assert!(cancelled ^ started, "exactly one of them wins (round {round})");
            let i = id.clone();
            let rows = w.write(move |c| Ok(point_rows::of_evaluation(c, &i)?)).unwrap();
            let refunds = rows.iter().filter(|r| r.reason == "refund").count();
            assert_eq!(refunds, if cancelled { 2 } else { 0 }, "round {round}: {rows:?}");
            assert_eq!((w.balance(&a), w.balance(&b)), if cancelled { (5, 5) } else { (4, 4) });
            if started {
                // Finish it so Carol is free for the next round.
                let detail = w.view(&w.carol, &id).unwrap();
                w.sheet(&w.carol, &id, perfect(&detail), Flag::Ok, COMMENT).unwrap();
            }
            results.push(cancelled);
        }
        assert_eq!(results.len(), 4);
    }

    fn the_waitlist_books_the_oldest_request_when_a_slot_opens(db) {
        let w = world(&db);
        let (dave, erin) = (w.student("dave"), w.student("erin"));
        let first = w.handed_in_rush(&w.alice, &w.bob, 100.0);
        let second = w.handed_in_rush(&w.carol, &dave, 100.0);
        let before = w.now() + Duration::days(2);
        let join = |user: &User, team: &str| {
            let (actor, team, now) = (user.actor(), team.to_string(), w.now());
            w.write(move |c| ev::join_waitlist(c, &actor, &team, before, now))
        };
        join(&w.alice, &first).unwrap();
        assert_eq!(join(&w.bob, &first).unwrap_err().code(), "already_waiting");
        w.core.clock.advance(Duration::seconds(1));
        join(&dave, &second).unwrap();
        assert_eq!(w.tick().waitlist_booked, 0, "no evaluator yet");
        // One evaluator opens time for one evaluation: the older request gets it.
        let at = w.soon();
        w.slot(&erin, at, 30).unwrap();
        assert_eq!(w.tick().waitlist_booked, 1);
        let t = first.clone();
        let booked = w.write(move |c| Ok(qadam_db::queries::evaluations::of_team(c, &t)?)).unwrap();
        assert_eq!(booked.len(), 1);
        assert_eq!((booked[0].evaluator_id.clone(), booked[0].begin_at), (erin.id.clone(), at));
        assert!(w.notes(&w.bob).iter().any(|(kind, _)| kind == "waitlist_matched"));
        assert!(w.notes(&dave).iter().all(|(kind, _)| kind != "waitlist_matched"));
        // The second team is served by the next slot.
        w.slot(&erin, at + Duration::hours(1), 30).unwrap();
        assert_eq!(w.tick().waitlist_booked, 1);
        assert!(w.notes(&dave).iter().any(|(kind, _)| kind == "waitlist_matched"));
        assert_eq!(w.count("SELECT COUNT(*) AS n FROM waitlist_requests WHERE status = 'matched'"), 2);
    }

    fn slots_merge_and_booked_parts_stay(db) {
        let w = world(&db);
        let begin = w.soon();
        assert_eq!(w.slot(&w.carol, begin, 15).unwrap_err().code(), "slot_too_short");
        assert_eq!(w.slot(&w.carol, begin + Duration::minutes(5), 30).unwrap_err().code(), "slot_not_on_granule");
        assert_eq!(w.slot(&w.carol, begin - Duration::hours(1), 60).unwrap_err().code(), "slot_too_soon");
        assert_eq!(w.slot(&w.carol, begin + Duration::days(15), 60).unwrap_err().code(), "slot_too_far");
        assert_eq!(w.slot(&w.staff, begin, 60).unwrap_err().code(), "students_only");
        w.slot(&w.carol, begin, 60).unwrap();
        let merged = w.slot(&w.carol, begin + Duration::minutes(60), 60).unwrap();
        assert_eq!((merged.slot.begin_at, merged.slot.end_at), (begin, begin + Duration::hours(2)));
        assert_eq!(w.count("SELECT COUNT(*) AS n FROM slots"), 1);
        let team = w.handed_in_rush(&w.alice, &w.bob, 100.0);
        w.book(&w.alice, &team, begin).unwrap();
        let remove = |part: Option<(NaiveDateTime, NaiveDateTime)>| {
            let (carol, id) = (w.carol.clone(), merged.slot.id.clone());
            w.write(move |c| slots::remove(c, &carol, &id, part))
        };
        assert_eq!(remove(None).unwrap_err().code(), "slot_booked");
        assert_eq!(remove(Some((begin, begin + Duration::minutes(15)))).unwrap_err().code(), "slot_booked");
        let left = remove(Some((begin + Duration::hours(1), begin + Duration::hours(2)))).unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!((left[0].slot.begin_at, left[0].slot.end_at, left[0].booked.len()), (begin, begin + Duration::hours(1), 1));
        let (bob, id) = (w.bob.clone(), left[0].slot.id.clone());
        assert_eq!(w.write(move |c| slots::remove(c, &bob, &id, None)).unwrap_err().code(), "not_found");
    }

    fn an_evaluation_nobody_started_is_a_no_show_that_refunds_the_team(db) {
        let w = world(&db);
        let team = w.handed_in_rush(&w.alice, &w.bob, 100.0);
        let begin = w.soon();
        w.slot(&w.carol, begin, 30).unwrap();
        let id = w.book(&w.alice, &team, begin).unwrap().evaluation.id;
        assert_eq!(w.balance(&w.alice), 4);
        w.core.clock.advance(begin - w.now() + Duration::minutes(5));
        let report = |user: &User| {
            let (actor, i, now) = (user.actor(), id.clone(), w.now());
            w.write(move |c| ev::report_no_show(c, &actor, &i, now))
        };
        assert_eq!(report(&w.alice).unwrap_err().code(), "too_early");
        assert_eq!(w.tick().no_shows, 0);
        w.core.clock.advance(Duration::hours(1));
        assert_eq!(w.tick().no_shows, 1);
        assert_eq!(w.tick().no_shows, 0, "recorded once");
        let seen = w.view(&w.alice, &id).unwrap();
        assert_eq!((seen.evaluation.status, seen.evaluation.absent.as_deref()), (EvaluationStatus::NoShow, Some("unknown")));
        assert_eq!((w.balance(&w.alice), w.balance(&w.bob), w.balance(&w.carol)), (5, 5, 5));
        assert_eq!(report(&w.alice).unwrap_err().code(), "no_show");
    }

    fn an_absent_evaluator_refunds_the_team_and_loses_a_point(db) {
        let w = world(&db);
        let team = w.handed_in_rush(&w.alice, &w.bob, 100.0);
        let begin = w.soon();
        w.slot(&w.carol, begin, 30).unwrap();
        let id = w.book(&w.alice, &team, begin).unwrap().evaluation.id;
        w.core.clock.advance(begin - w.now() + Duration::minutes(20));
        let (actor, i, now) = (w.bob.actor(), id.clone(), w.now());
        let reported = w.write(move |c| ev::report_no_show(c, &actor, &i, now)).unwrap();
        assert_eq!(reported.evaluation.absent.as_deref(), Some("evaluator"));
        assert_eq!((w.balance(&w.alice), w.balance(&w.bob), w.balance(&w.carol)), (5, 5, 4));
        assert!(w.notes(&w.carol).iter().any(|(kind, _)| kind == "no_show"));
    }

    fn a_booking_that_cannot_be_paid_is_refused_and_leaves_nothing(db) {
        let w = world(&db);
        w.settings(json!({"starting_balance": 0}));
        let (dave, erin) = (w.student("dave"), w.student("erin"));
        let team = w.handed_in_rush(&dave, &erin, 100.0);
        let begin = w.soon();
        w.slot(&w.carol, begin, 30).unwrap();
        assert_eq!(w.book(&dave, &team, begin).unwrap_err().code(), "not_enough_points");
        assert_eq!(w.count("SELECT COUNT(*) AS n FROM evaluations"), 0);
        assert_eq!(w.count("SELECT COUNT(*) AS n FROM point_ledger WHERE reason = 'booking'"), 0);
        assert_eq!((w.balance(&dave), w.balance(&erin)), (0, 0));
        let (actor, t, now) = (dave.actor(), team.clone(), w.now());
        let refused = w.write(move |c| ev::join_waitlist(c, &actor, &t, now + Duration::days(1), now)).unwrap_err();
        assert_eq!(refused.code(), "not_enough_points");
    }
}
