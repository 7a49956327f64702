//! Logging in and out. Failed logins are throttled per login and per client address
//! (sliding window, see `qadam_domain::throttle`); a success clears the login's count.

use crate::auth::{verify_password, AuthUser};
use crate::client_address::client_address;
use crate::error::{ApiError, ApiResult, ErrorEnvelope};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::web::{self, Data, Json};
use actix_web::{HttpRequest, HttpResponse};
use chrono::Duration;
use qadam_db::models::LoginFailure;
use qadam_db::queries::{login_failures, tokens, users};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub login: String,
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Seconds until the token expires.
    pub expires_in: i64,
}

/// A hash to verify against when the login does not exist, so that an unknown login
/// takes as long to refuse as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| crate::auth::hash_password(&uuid::Uuid::new_v4().to_string()))
}

/// Exchanges a login and password for an access token.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest,
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, description = "wrong login or password (`invalid_credentials`)", body = ErrorEnvelope),
        (status = 403, description = "the account is disabled (`account_disabled`)", body = ErrorEnvelope),
        (status = 429, description = "too many failures; see Retry-After (`too_many_attempts`)", body = ErrorEnvelope)))]
pub async fn login(
    state: Data<AppState>,
    req: HttpRequest,
    body: Json<LoginRequest>,
) -> ApiResult<Json<TokenResponse>> {
    let LoginRequest { login, password } = body.into_inner();
    if login.len() > 64 || password.len() > qadam_domain::validate::PASSWORD_MAX_BYTES {
        return Err(invalid_credentials());
    }
    let address = client_address(&req, &state.trusted_proxies);
    let policy = state.login_policy;

    let (user, wait) = {
        let (login, address) = (login.clone(), address.clone());
        state
            .db
            .read(move |conn| {
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
                let user = match users::by_login(conn, &login) {
                    Ok(user) => Some(user),
                    Err(diesel::result::Error::NotFound) => None,
                    Err(err) => return Err(err.into()),
                };
                Ok((user, wait))
            })
            .await?
    };
    if let Some(seconds) = wait {
        tracing::warn!(%address, "login throttled");
        return Err(ApiError {
            retry_after: Some(seconds),
            ..ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_attempts",
                format!("too many failed logins; try again in {seconds} seconds"),
            )
        });
    }

    let stored_hash = user
        .as_ref()
        .map_or_else(|| decoy_hash().to_string(), |u| u.password_hash.clone());
    let matches = web::block(move || verify_password(&password, &stored_hash)).await?;

    match user {
        Some(user) if matches => {
            if user.disabled {
                return Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    "account_disabled",
                    "this account is disabled; ask your campus staff",
                ));
            }
            let keys = state.tokens.clone();
            let response = state
                .db
                .write(move |conn| {
                    let now = qadam_db::now();
                    login_failures::clear_login(conn, &user.login)?;
                    // Expired tokens can no longer be used; forget them as we go.
                    tokens::delete_expired(conn, now)?;
                    let (row, signed) = keys.issue(&user, now);
                    tokens::insert(conn, &row)?;
                    Ok(TokenResponse {
                        access_token: signed,
                        token_type: "Bearer",
                        expires_in: keys.ttl.num_seconds(),
                    })
                })
                .await?;
            tracing::info!(%login, "logged in");
            Ok(Json(response))
        }
        _ => {
            state
                .db
                .write(move |conn| {
                    let now = qadam_db::now();
                    // Keep the table small: what is older than the window no longer counts.
                    login_failures::delete_older_than(
                        conn,
                        now - Duration::seconds(policy.window_seconds()),
                    )?;
                    login_failures::insert(
                        conn,
                        &LoginFailure {
                            id: qadam_db::new_id(),
                            login,
                            address,
                            failed_at: now,
                        },
                    )?;
                    Ok(())
                })
                .await?;
            Err(invalid_credentials())
        }
    }
}

fn invalid_credentials() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
        "wrong login or password",
    )
}

/// Revokes the token used for this request.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth", security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorEnvelope)))]
pub async fn logout(state: Data<AppState>, me: AuthUser) -> ApiResult<HttpResponse> {
    state
        .db
        .write(move |conn| Ok(tokens::revoke(conn, &me.token_id, qadam_db::now())?))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
