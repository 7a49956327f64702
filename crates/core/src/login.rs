//! Logging in, and changing one's own password, under the failed-login throttle (see
//! `qadam_domain::throttle`). An attempt is recorded as a failure *before* its password
//! is checked, in the same transaction that counts the earlier ones, so simultaneous
//! guesses cannot all slip under the limit: at most the limit of them ever reach a
//! password check. A correct password then clears the login's failures; an attempt the
//! server was too busy to check is forgotten, since it proved nothing.

use crate::accounts::{self, PasswordSetBy};
use crate::error::{CoreError, CoreResult};
use crate::tokens::SignedIn;
use crate::Core;
use chrono::{Duration, NaiveDateTime};
use qadam_db::models::{LoginFailure, User};
use qadam_db::queries::{login_failures, tokens, users};
use qadam_db::DbConn;
use qadam_domain::ThrottlePolicy;

#[derive(Debug, Clone, Copy)]
pub struct LoginPolicy {
    pub per_login: ThrottlePolicy,
    pub per_address: ThrottlePolicy,
}

impl LoginPolicy {
    pub fn from_settings(auth: &qadam_settings::AuthSettings) -> LoginPolicy {
        LoginPolicy {
            per_login: ThrottlePolicy {
                max_failures: auth.max_failures_per_login,
                window_seconds: auth.failure_window_seconds,
            },
            per_address: ThrottlePolicy {
                max_failures: auth.max_failures_per_address,
                window_seconds: auth.failure_window_seconds,
            },
        }
    }

    pub fn window_seconds(&self) -> i64 {
        self.per_login.window_seconds
    }
}

/// A signed access token, as the API hands it out.
#[derive(Debug, Clone)]
pub struct IssuedToken {
    pub signed: String,
    pub expires_in_seconds: i64,
}

/// A recorded attempt on one login, with the account if the login exists.
pub struct Attempt {
    id: String,
    pub user: Option<User>,
}

fn invalid_credentials() -> CoreError {
    CoreError::Unauthenticated {
        code: "invalid_credentials",
        message: "wrong login or password".into(),
    }
}

/// Refuses when the login or the address is over its limit; otherwise records the
/// attempt as a failure and loads the account. Runs in the caller's write transaction.
pub fn begin_attempt(
    conn: &mut DbConn,
    policy: LoginPolicy,
    login: &str,
    address: &str,
    now: NaiveDateTime,
) -> CoreResult<Attempt> {
    login_failures::lock_for_attempt(conn, login, address)?;
    let since = now - Duration::seconds(policy.window_seconds());
    let as_seconds = |times: Vec<NaiveDateTime>| -> Vec<i64> {
        times.iter().map(|t| t.and_utc().timestamp()).collect()
    };
    let by_login = login_failures::recent_for_login(
        conn,
        login,
        since,
        i64::from(policy.per_login.max_failures),
    )?;
    let by_address = login_failures::recent_for_address(
        conn,
        address,
        since,
        i64::from(policy.per_address.max_failures),
    )?;
    let now_s = now.and_utc().timestamp();
    let wait = [
        policy.per_login.retry_after(&as_seconds(by_login), now_s),
        policy
            .per_address
            .retry_after(&as_seconds(by_address), now_s),
    ]
    .into_iter()
    .flatten()
    .max();
    if let Some(seconds) = wait {
        tracing::warn!(%address, "login throttled");
        return Err(CoreError::Throttled {
            code: "too_many_attempts",
            message: format!("too many failed logins; try again in {seconds} seconds"),
            retry_after: seconds,
        });
    }
    // Keep the table small: what is older than the window no longer counts.
    login_failures::delete_older_than(conn, since)?;
    let id = qadam_db::new_id();
    let user = users::by_login(conn, login)?;
    login_failures::insert(
        conn,
        &LoginFailure {
            id: id.clone(),
            login: login.to_string(),
            address: address.to_string(),
            failed_at: now,
        },
    )?;
    Ok(Attempt { id, user })
}

impl Core {
    async fn begin(&self, login: String, address: String) -> CoreResult<Attempt> {
        let (policy, now) = (self.login_policy, self.clock.now());
        self.db
            .write(move |conn| begin_attempt(conn, policy, &login, &address, now))
            .await
    }

    /// Checks the password of a recorded attempt (against a decoy when the login does
    /// not exist). When the server is too busy to check, the attempt is forgotten.
    async fn check(&self, attempt: &Attempt, password: String) -> CoreResult<bool> {
        let stored = attempt.user.as_ref().map(|user| user.password_hash.clone());
        match self.passwords.verify(password, stored).await {
            Ok(matched) => Ok(matched),
            Err(err) => {
                self.forget(attempt).await?;
                Err(err)
            }
        }
    }

    /// Removes an attempt that proved nothing (the server could not check it).
    async fn forget(&self, attempt: &Attempt) -> CoreResult<()> {
        let id = attempt.id.clone();
        self.db
            .write(move |conn| Ok(login_failures::delete(conn, &id).map(drop)?))
            .await
    }

    /// Exchanges a login and password for an access token. A disabled account is
    /// refused exactly like a wrong password, and counts as a failure: the answer must
    /// not tell a guesser that the password was right.
    pub async fn login(
        &self,
        login: String,
        password: String,
        address: String,
    ) -> CoreResult<IssuedToken> {
        if login.len() > 64 || password.len() > qadam_domain::validate::PASSWORD_MAX_BYTES {
            return Err(invalid_credentials());
        }
        let attempt = self.begin(login.clone(), address).await?;
        let matches = self.check(&attempt, password).await?;
        let user = match attempt.user {
            Some(user) if matches && !user.disabled => user,
            // The failure was recorded when the attempt began.
            _ => return Err(invalid_credentials()),
        };
        let core = self.clone();
        let issued = self
            .db
            .write(move |conn| {
                let now = core.clock.now();
                // Sign with the secret the database holds now, which another process
                // may have rotated.
                let keys = core.keys.refresh(conn)?;
                // This attempt's row goes too: it was recorded as a failure.
                login_failures::clear_login(conn, &user.login)?;
                // Expired tokens can no longer be used; forget them as we go.
                tokens::delete_expired(conn, now)?;
                let (row, signed) = keys.issue(&user, now);
                tokens::insert(conn, &row)?;
                Ok::<_, CoreError>(IssuedToken {
                    signed,
                    expires_in_seconds: keys.ttl.num_seconds(),
                })
            })
            .await?;
        tracing::info!(%login, "logged in");
        Ok(issued)
    }

    /// Changes the signed-in user's own password, given the current one. Every token
    /// of the account is revoked. A wrong current password counts as a failed login,
    /// so a stolen token cannot be used to guess it.
    pub async fn change_own_password(
        &self,
        me: &SignedIn,
        current_password: String,
        new_password: String,
        address: String,
    ) -> CoreResult<()> {
        qadam_domain::validate::password(&new_password)?;
        let attempt = self.begin(me.user.login.clone(), address).await?;
        if !self.check(&attempt, current_password).await? {
            return Err(CoreError::invalid(
                "current_password",
                "the current password is wrong",
            ));
        }
        let hash = match self.passwords.hash(new_password).await {
            Ok(hash) => hash,
            Err(err) => {
                self.forget(&attempt).await?;
                return Err(err);
            }
        };
        let (actor, user) = (me.audit_actor(), me.user.clone());
        self.db
            .write(move |conn| {
                login_failures::clear_login(conn, &user.login)?;
                accounts::set_password(conn, &actor, &user, &hash, PasswordSetBy::Owner)
            })
            .await
    }
}
