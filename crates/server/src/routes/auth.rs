//! Logging in and out. Failed logins are throttled per login and per client address
//! (see `crate::attempts`); a success clears the login's count.

use crate::attempts;
use crate::auth::AuthUser;
use crate::client_address::client_address;
use crate::error::{ApiError, ApiResult, ErrorEnvelope};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Json};
use actix_web::{HttpRequest, HttpResponse};
use qadam_db::queries::{login_failures, tokens};
use serde::{Deserialize, Serialize};
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

/// Exchanges a login and password for an access token.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest,
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, description = "wrong login or password, or a disabled account (`invalid_credentials`)", body = ErrorEnvelope),
        (status = 429, description = "too many failures; see Retry-After (`too_many_attempts`)", body = ErrorEnvelope),
        (status = 503, description = "too many password checks at once; see Retry-After (`server_busy`)", body = ErrorEnvelope)))]
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
    let attempt = attempts::begin(&state, login.clone(), address).await?;
    let matches = attempts::check(&state, &attempt, password).await?;

    match attempt.user {
        // A disabled account is refused exactly like a wrong password, and counts as a
        // failure: the answer must not tell a guesser that the password was right.
        Some(user) if matches && !user.disabled => {
            let ring = state.clone();
            let response = state
                .db
                .write(move |conn| {
                    let now = qadam_db::now();
                    // Sign with the secret the database holds now, which another
                    // process may have rotated.
                    let keys = ring.tokens.refresh(conn)?;
                    // This attempt's row goes too: it was recorded as a failure.
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
        // The failure was recorded when the attempt began.
        _ => Err(invalid_credentials()),
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
