//! Password attempts under the failed-login throttle (see `qadam_domain::throttle`).
//! An attempt is recorded as a failure *before* its password is checked, in the same
//! transaction that counts the earlier ones, so simultaneous guesses cannot all slip
//! under the limit: at most the limit of them ever reach a password check. A correct
//! password then clears the login's failures; an attempt the server was too busy to
//! check is forgotten, since it proved nothing.

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use actix_web::http::StatusCode;
use chrono::Duration;
use diesel::OptionalExtension;
use qadam_db::models::{LoginFailure, User};
use qadam_db::queries::{login_failures, users};

/// A recorded attempt on one login, with the account if the login exists.
pub struct Attempt {
    id: String,
    pub user: Option<User>,
}

fn too_many_attempts(seconds: i64) -> ApiError {
    ApiError {
        retry_after: Some(seconds),
        ..ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_attempts",
            format!("too many failed logins; try again in {seconds} seconds"),
        )
    }
}

/// Refuses with 429 when the login or the address is over its limit; otherwise
/// records the attempt as a failure and loads the account.
pub async fn begin(state: &AppState, login: String, address: String) -> ApiResult<Attempt> {
    let policy = state.login_policy;
    let log_address = address.clone();
    // Ok(Err(seconds)): over the limit, nothing written.
    let outcome = state
        .db
        .write(move |conn| {
            login_failures::lock_for_attempt(conn, &login, &address)?;
            let now = qadam_db::now();
            let since = now - Duration::seconds(policy.window_seconds());
            let as_seconds = |times: Vec<chrono::NaiveDateTime>| -> Vec<i64> {
                times.iter().map(|t| t.and_utc().timestamp()).collect()
            };
            let by_login = login_failures::recent_for_login(
                conn,
                &login,
                since,
                i64::from(policy.per_login.max_failures),
            )?;
            let by_address = login_failures::recent_for_address(
                conn,
                &address,
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
                return Ok(Err(seconds));
            }
            // Keep the table small: what is older than the window no longer counts.
            login_failures::delete_older_than(conn, since)?;
            let id = qadam_db::new_id();
            let user = users::by_login(conn, &login).optional()?;
            login_failures::insert(
                conn,
                &LoginFailure {
                    id: id.clone(),
                    login,
                    address,
                    failed_at: now,
                },
            )?;
            Ok(Ok(Attempt { id, user }))
        })
        .await?;
    outcome.map_err(|seconds| {
        tracing::warn!(address = %log_address, "login throttled");
        too_many_attempts(seconds)
    })
}

/// Checks the password of a recorded attempt (against a decoy when the login does not
/// exist). When the server is too busy to check, the attempt is forgotten and the 503
/// returned.
pub async fn check(state: &AppState, attempt: &Attempt, password: String) -> ApiResult<bool> {
    let stored = attempt.user.as_ref().map(|user| user.password_hash.clone());
    match state.passwords.verify(password, stored).await {
        Ok(matched) => Ok(matched),
        Err(err) => {
            forget(state, attempt).await?;
            Err(err)
        }
    }
}

/// Removes an attempt that proved nothing (the server could not check it).
pub async fn forget(state: &AppState, attempt: &Attempt) -> ApiResult<()> {
    let id = attempt.id.clone();
    state
        .db
        .write(move |conn| Ok(login_failures::delete(conn, &id).map(drop)?))
        .await
}
