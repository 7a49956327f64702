//! `qadam serve --demo`: on an empty database, a demo campus and accounts so that a
//! new user can log in at once. Never touches a database that already has accounts,
//! and serves only this machine unless `--demo-public` is given.

use anyhow::{bail, Context};
use qadam_core::accounts::{self, NewCampus, NewUser};
use qadam_db::queries::{audit::AuditActor, users};
use qadam_domain::Role;

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

pub fn seed(pool: &qadam_db::Pool) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    if users::count(&mut conn)? > 0 {
        tracing::info!("demo: the database already has accounts; nothing seeded");
        return Ok(());
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
    Ok(())
}
