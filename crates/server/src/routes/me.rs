use crate::auth::AuthUser;
use crate::client_address::client_address;
use crate::error::{ApiResult, ErrorEnvelope};
use crate::state::AppState;
use crate::views::UserView;
use actix_web::web::{Data, Json};
use actix_web::{HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;

/// The signed-in user's own profile, private part included.
#[utoipa::path(get, path = "/api/v1/me", tag = "users", security(("bearer" = [])),
    responses((status = 200, body = UserView), (status = 401, body = ErrorEnvelope)))]
pub async fn show(me: AuthUser) -> Json<UserView> {
    // The campus slug came with the token: no second trip to the database.
    Json(UserView::new(&me.user, me.campus_slug.clone(), true))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// Changes the signed-in user's password. Every token of the account is revoked,
/// this one included: log in again with the new password. A wrong current password
/// counts as a failed login, so a stolen token cannot be used to guess it.
#[utoipa::path(put, path = "/api/v1/me/password", tag = "users", security(("bearer" = [])),
    request_body = PasswordChange,
    responses((status = 204), (status = 401, body = ErrorEnvelope),
        (status = 422, description = "wrong current password or weak new one", body = ErrorEnvelope),
        (status = 429, description = "too many failed logins; see Retry-After (`too_many_attempts`)", body = ErrorEnvelope),
        (status = 503, description = "too many password checks at once; see Retry-After (`server_busy`)", body = ErrorEnvelope)))]
pub async fn change_password(
    state: Data<AppState>,
    req: HttpRequest,
    me: AuthUser,
    body: Json<PasswordChange>,
) -> ApiResult<HttpResponse> {
    let PasswordChange {
        current_password,
        new_password,
    } = body.into_inner();
    let address = client_address(&req, &state.trusted_proxies);
    state
        .core
        .change_own_password(&me, current_password, new_password, address)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
