//! `qadam serve --demo`: on an empty database, a demo campus and accounts so that a
//! new user can log in at once. Never touches a database that already has accounts.

use qadam_db::queries::{audit::AuditActor, users};
use qadam_domain::Role;
use qadam_server::accounts::{self, NewCampus, NewUser};

/// Documented in the README; the demo listens on 127.0.0.1 only by default.
pub const DEMO_PASSWORD: &str = "qadam-demo-2026";

pub fn seed(pool: &qadam_db::Pool) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    if users::count(&mut conn)? > 0 {
        tracing::info!("demo: the database already has accounts; nothing seeded");
        return Ok(());
    }
    let hash = qadam_server::auth::hash_password(DEMO_PASSWORD);
    let actor = AuditActor::cli();
    let accounts_made = conn
        .write(|conn| {
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
            Ok::<_, qadam_server::error::ApiError>(made)
        })
        .map_err(|err| anyhow::anyhow!(err.message))?;
    tracing::info!(
        accounts = ?accounts_made,
        "demo: seeded campus 'demo' and accounts (password in README)"
    );
    Ok(())
}
