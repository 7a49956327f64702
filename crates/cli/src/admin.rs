//! `qadam admin ...`: the first campus and the first admin account, made on the server
//! itself, and rotating the token-signing secret. Same validation and audit rows as the
//! API.

use anyhow::{bail, Context};
use clap::Subcommand;
use qadam_core::accounts::{self, NewCampus, NewUser};
use qadam_core::CoreError;
use qadam_db::queries::audit::AuditActor;
use qadam_db::queries::campuses;
use qadam_domain::Role;
use qadam_settings::Settings;
use std::io::Read;

#[derive(Subcommand)]
pub enum AdminCommand {
    /// Create a campus.
    CreateCampus {
        /// Short name used in URLs, e.g. `almaty`.
        #[arg(long)]
        slug: String,
        /// Full name, e.g. "Qadam Almaty".
        #[arg(long)]
        name: String,
        /// IANA time zone of the campus.
        #[arg(long, default_value = "UTC")]
        time_zone: String,
    },
    /// Create an account; the password is read from standard input.
    CreateUser {
        #[arg(long)]
        login: String,
        #[arg(long, value_parser = ["admin", "staff", "student"])]
        role: String,
        /// Campus slug (required for staff and students).
        #[arg(long)]
        campus: Option<String>,
        /// Name shown to others [default: the login].
        #[arg(long)]
        display_name: Option<String>,
        #[arg(long)]
        email: Option<String>,
        /// Read the password from standard input (required: passwords never go on the
        /// command line, where other users and shell history see them).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// Replace the token-signing secret kept in the database and revoke every token:
    /// everyone signs in again. Running servers switch to the new secret by themselves.
    /// Do it when a copy of the database (a backup) may have leaked.
    RotateSecret,
}

/// API errors carry a status for HTTP; on the command line only the message matters.
fn plain(err: CoreError) -> anyhow::Error {
    anyhow::anyhow!(err.to_string())
}

pub fn run(
    conn: &mut qadam_db::DbConn,
    settings: &Settings,
    command: AdminCommand,
) -> anyhow::Result<()> {
    let actor = AuditActor::cli();
    match command {
        AdminCommand::CreateCampus {
            slug,
            name,
            time_zone,
        } => {
            let campus = conn
                .write(|conn| {
                    accounts::create_campus(
                        conn,
                        &actor,
                        NewCampus {
                            slug,
                            name,
                            time_zone,
                        },
                    )
                })
                .map_err(plain)?;
            println!("created campus {}", campus.slug);
        }
        AdminCommand::CreateUser {
            login,
            role,
            campus,
            display_name,
            email,
            password_stdin: _,
        } => {
            let role = Role::parse(&role).context("unknown role")?;
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .context("cannot read the password from standard input")?;
            let password = password.trim_end_matches(['\n', '\r']).to_string();
            let campus_id = match &campus {
                Some(slug) => Some(
                    campuses::by_slug(conn, slug)?
                        .with_context(|| format!("there is no campus {slug}"))?
                        .id,
                ),
                None if role == Role::Admin => None,
                None => bail!("--campus is required for {role} accounts"),
            };
            let new = NewUser {
                display_name: display_name.unwrap_or_else(|| login.clone()),
                login,
                email,
                role,
                campus_id,
            };
            new.validate(&password).map_err(plain)?;
            let hash = qadam_core::hash_password(&password);
            let user = conn
                .write(|conn| accounts::create_user(conn, &actor, new, hash))
                .map_err(plain)?;
            println!("created {} account {}", user.role, user.login);
        }
        AdminCommand::RotateSecret => {
            if !settings.auth.jwt_secret.is_empty() {
                bail!(
                    "auth.jwt_secret is set in the configuration, so the secret in the \
                     database is not used: set a new auth.jwt_secret and restart the servers"
                );
            }
            let revoked = conn
                .write(|conn| qadam_core::tokens::rotate_secret(conn, &actor))
                .map_err(plain)?;
            println!(
                "replaced the token-signing secret and revoked {revoked} token(s): everyone signs in again"
            );
        }
    }
    Ok(())
}
