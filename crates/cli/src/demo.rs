//! `qadam serve --demo`: on an empty database, a demo campus and accounts so that a
//! new user can log in at once. Never touches a database that already has accounts,
//! and serves only this machine unless `--demo-public` is given.

use crate::seeding;
use anyhow::{bail, Context};
use chrono::Duration;
use qadam_core::accounts::{self, NewCampus, NewUser};
use qadam_core::{evaluations, marks, slots, submissions, teams, Clock, Core, CoreError};
use qadam_db::models::User;
use qadam_db::queries::{audit::AuditActor, users};

use qadam_domain::curriculum::Sheet;
use qadam_domain::evaluation::{next_granule, question_ids};
use qadam_domain::{Flag, QuestionKind, Role};
use qadam_settings::Settings;
use std::collections::BTreeMap;

/// Documented in the README, so anyone knows it: the demo serves this machine only
/// unless told otherwise (`--demo-public`).
pub const DEMO_PASSWORD: &str = "qadam-demo-2026";

/// Refuses a demo on an address other machines can reach, unless `public` says so.
pub fn check_exposure(listen: &str, public: bool) -> anyhow::Result<()> {
    let address: std::net::SocketAddr = listen
        .parse()
        .with_context(|| format!("listen address {listen}"))?;
    if address.ip().is_loopback() || public {
        return Ok(());
    }
    bail!(
        "refusing to serve the demo on {listen}: its accounts have a public password and \
         other machines can reach this address; listen on 127.0.0.1, or add --demo-public"
    )
}

/// Seeds the demo campus and accounts on an empty database; answers whether it did.
pub fn seed(pool: &qadam_db::Pool) -> anyhow::Result<bool> {
    let mut conn = pool.get()?;
    if users::count(&mut conn)? > 0 {
        tracing::info!("demo: the database already has accounts; nothing seeded");
        return Ok(false);
    }
    let hash = qadam_core::hash_password(DEMO_PASSWORD);
    let actor = AuditActor::cli();
    let accounts_made = conn.write(|conn| {
        let campus = accounts::create_campus(
            conn,
            &actor,
            NewCampus {
                slug: "demo".into(),
                name: "Qadam Demo Campus".into(),
                time_zone: "Asia/Almaty".into(),
            },
        )?;
        let people = [
            ("admin", "Demo Admin", Role::Admin),
            ("staff", "Demo Staff", Role::Staff),
            ("alice", "Alice", Role::Student),
            ("bob", "Bob", Role::Student),
            // A third student, so a team of alice and bob has someone to evaluate it.
            ("carol", "Carol", Role::Student),
            // The team already waiting for its evaluation in the demo (`bring_to_life`).
            ("dana", "Dana", Role::Student),
            ("erlan", "Erlan", Role::Student),
        ];
        let mut made = Vec::new();
        for (login, name, role) in people {
            let campus_id = (role != Role::Admin).then(|| campus.id.clone());
            let new = NewUser {
                login: login.into(),
                display_name: name.into(),
                email: None,
                role,
                campus_id,
            };
            accounts::create_user(conn, &actor, new, hash.clone())?;
            made.push(login);
        }
        Ok::<_, qadam_core::CoreError>(made)
    })?;
    tracing::info!(
        accounts = ?accounts_made,
        "demo: seeded campus 'demo' and accounts (password in README)"
    );
    Ok(true)
}

/// Validated exercises of the demo's alice.
const ALICE_VALIDATED: [&str; 3] = [
    "ft-putchar",
    "ft-print-alphabet",
    "ft-print-reverse-alphabet",
];

/// The first activity of a fresh demo, through the same use cases as the API: alice
/// has validated a few exercises and works on ft-strcmp; three days ago dana and
/// erlan's first Rush 00 was failed by carol in five minutes (the review flags staff
/// find waiting), and today their second one is handed in and booked at this time
/// tomorrow, with alice (who opened that time) as their evaluator. bob and carol, and
/// alice's ft-strlen, stay free for the README's walk-through. Verdicts are recorded
/// as a worker records them, without grading, so that the demo starts without Docker.
pub fn bring_to_life(settings: &Settings, pool: &qadam_db::Pool) -> anyhow::Result<()> {
    let core = Core::new(settings, pool.clone())?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let catalog = settings.catalog_dir.clone();
    let mut conn = pool.get()?;
    let now = core.clock.now();
    let mut person = |login: &str| -> anyhow::Result<User> {
        users::by_login(&mut conn, login)?.with_context(|| format!("demo account {login}"))
    };
    let (alice, carol, dana, erlan) = (
        person("alice")?,
        person("carol")?,
        person("dana")?,
        person("erlan")?,
    );
    let hand_in = |core: &Core, leader: &User, team: &str, slug: &str| -> anyhow::Result<()> {
        let archive = seeding::solution_archive(&catalog, slug)?;
        runtime.block_on(submissions::submit(
            core,
            leader.actor(),
            team.to_string(),
            archive,
        ))?;
        // The submission was queued after `now`: land its verdict from the clock's present.
        let after = core.clock.now();
        pool.get()?.write(|conn| {
            seeding::pass_queued_submissions(conn, "demo", after)?;
            marks::close(conn, &leader.actor(), team, after)
        })?;
        Ok(())
    };
    let rush_team = |at| {
        pool.get()?.write(|conn| {
            let id = teams::register(conn, &dana, "rush-00", at)?.team.id;
            teams::invite(conn, &dana.actor(), &id, &erlan.login, at)?;
            teams::accept(conn, &erlan, &id, at)?;
            teams::lock(conn, &dana.actor(), &id, at)?;
            Ok::<_, CoreError>(id)
        })
    };
    for slug in ALICE_VALIDATED {
        let team = pool
            .get()?
            .write(|conn| Ok::<_, CoreError>(teams::register(conn, &alice, slug, now)?.team.id))?;
        hand_in(&core, &alice, &team, slug)?;
    }
    pool.get()?
        .write(|conn| teams::register(conn, &alice, "ft-strcmp", now))?;

    // Three days ago, on a clock of its own.
    let past = Core {
        clock: Clock::fixed(next_granule(now - Duration::days(3))),
        ..core.clone()
    };
    let first = rush_team(past.clock.now())?;
    hand_in(&past, &dana, &first, "rush-00")?;
    let begin = next_granule(past.clock.now() + Duration::hours(1));
    let booked = pool.get()?.write(|conn| {
        let at = past.clock.now();
        slots::add(conn, &carol, begin, begin + Duration::hours(1), at)?;
        evaluations::book(conn, &dana.actor(), &first, begin, at)
    })?;
    let id = booked.evaluation.id.clone();
    let code = booked.evaluation.presence_code.clone();
    pool.get()?.write(|conn| {
        evaluations::start(conn, &carol.actor(), &id, Some(&code), false, begin)?;
        let done = begin + Duration::minutes(5);
        let sheet = evaluations::detail(
            conn,
            booked.evaluation.clone(),
            evaluations::EvaluationAccess::Evaluator,
            done,
        )?
        .sheet
        .context("Rush 00 has a sheet")
        .map_err(|err| CoreError::Corrupt(err.to_string()))?;
        let input = evaluations::SheetInput {
            answers: nothing_works(&sheet),
            flag: Flag::Incomplete,
            comment: "Nothing was finished; we stopped early.".into(),
        };
        evaluations::submit_sheet(conn, &carol.actor(), &id, input, done)
    })?;

    // Today: the second attempt, booked for tomorrow with alice.
    let rush = rush_team(now)?;
    hand_in(&core, &dana, &rush, "rush-00")?;
    let evening = next_granule(now + Duration::hours(24));
    pool.get()?.write(|conn| {
        slots::add(conn, &alice, evening, evening + Duration::hours(2), now)?;
        evaluations::book(conn, &dana.actor(), &rush, evening, now)
    })?;
    tracing::info!("demo: alice validated {ALICE_VALIDATED:?} and works on ft-strcmp; dana and erlan failed Rush 00 three days ago (review flags for staff) and booked their second try with alice");
    Ok(())
}

/// A sheet's mandatory questions all answered "no" (or 0).
fn nothing_works(sheet: &Sheet) -> BTreeMap<String, serde_json::Value> {
    let questions = sheet.sections.iter().flat_map(|s| s.questions.iter());
    question_ids(sheet)
        .into_iter()
        .zip(questions)
        .filter(|(_, question)| !question.bonus)
        .map(|(id, question)| {
            let answer = match question.kind {
                QuestionKind::YesNo => serde_json::json!(false),
                QuestionKind::Rating => serde_json::json!(0),
            };
            (id, answer)
        })
        .collect()
}
