//! Logging in and out. Failed logins are throttled per login and per client address
//! (see `qadam_core::login`); a success clears the login's count.

use crate::auth::AuthUser;
use crate::client_address::client_address;
use crate::error::{ApiResult, ErrorEnvelope};
use crate::state::AppState;
use actix_web::web::{Data, Json};
use actix_web::{HttpRequest, HttpResponse};
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
    let address = client_address(&req, &state.trusted_proxies);
    let issued = state.core.login(login, password, address).await?;
    Ok(Json(TokenResponse {
        access_token: issued.signed,
        token_type: "Bearer",
        expires_in: issued.expires_in_seconds,
    }))
}

/// Revokes the token used for this request.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth", security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorEnvelope)))]
pub async fn logout(state: Data<AppState>, me: AuthUser) -> ApiResult<HttpResponse> {
    let now = state.core.clock.now();
    state
        .core
        .db
        .write(move |conn| qadam_core::tokens::revoke(conn, &me.token_id, now))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
