//! Accounts. Everyone signed in can read a public profile (as on 42's intra); staff
//! manage the accounts of their campus, admins all of them.

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, ErrorEnvelope};
use crate::routes::scope::CampusPageQuery;
use crate::state::AppState;
use crate::views::{Paginated, UserView};
use actix_web::web::{Data, Json, Path, Query};
use actix_web::HttpResponse;
use qadam_core::accounts::{self, list_scope, AccountChanges, AccountRequest};
use qadam_db::models::User;
use qadam_db::queries::{campuses, users};
use qadam_domain::{CampusId, Role};
use serde::Deserialize;
use std::collections::HashMap;
use utoipa::ToSchema;

fn view(user: &User, slugs: &HashMap<String, String>, me: &AuthUser) -> UserView {
    let slug = user
        .campus_id
        .as_ref()
        .and_then(|id| slugs.get(id).cloned());
    UserView::new(user, slug, me.actor().may_view_private(&user.target()))
}

/// Lists accounts: staff see their campus, admins everyone (or one campus).
#[utoipa::path(get, path = "/api/v1/users", tag = "users", security(("bearer" = [])),
    params(CampusPageQuery),
    responses((status = 200, body = Paginated<UserView>), (status = 403, body = ErrorEnvelope)))]
pub async fn list(
    state: Data<AppState>,
    me: AuthUser,
    query: Query<CampusPageQuery>,
) -> ApiResult<Json<Paginated<UserView>>> {
    let actor = me.actor();
    actor.require_staff()?;
    let page = query.page()?;
    let result = state
        .core
        .db
        .read(move |conn| {
            let campus_id = list_scope(conn, &actor, query.campus.as_deref())?;
            let (items, total) = users::list(conn, campus_id.as_ref().map(CampusId::as_str), page)?;
            let slugs = campuses::slugs_by_id(conn)?;
            let views = items.iter().map(|u| view(u, &slugs, &me)).collect();
            Ok::<_, ApiError>(Paginated::new(views, page, total))
        })
        .await?;
    Ok(Json(result))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    pub login: String,
    pub display_name: String,
    pub email: Option<String>,
    /// `student`, `staff` or `admin`.
    #[schema(value_type = String, example = "student")]
    pub role: Role,
    /// Campus slug; staff may leave it out for their own campus.
    pub campus: Option<String>,
    pub password: String,
}

/// Creates an account (staff: in their campus; admins: anywhere, admins included).
#[utoipa::path(post, path = "/api/v1/users", tag = "users", security(("bearer" = [])),
    request_body = CreateUser,
    responses((status = 201, body = UserView), (status = 403, body = ErrorEnvelope),
        (status = 409, description = "`login_taken`", body = ErrorEnvelope),
        (status = 422, body = ErrorEnvelope),
        (status = 503, description = "too many password hashes at once; see Retry-After (`server_busy`)", body = ErrorEnvelope)))]
pub async fn create(
    state: Data<AppState>,
    me: AuthUser,
    body: Json<CreateUser>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let request = AccountRequest {
        login: body.login,
        display_name: body.display_name,
        email: body.email,
        role: body.role,
        campus: body.campus,
        password: body.password,
    };
    let user = state.core.create_account(&me, request).await?;
    let view = state
        .core
        .db
        .read(move |conn| Ok::<_, ApiError>(view(&user, &campuses::slugs_by_id(conn)?, &me)))
        .await?;
    Ok(HttpResponse::Created().json(view))
}

/// A profile; the private part only for the owner, their campus's staff and admins.
#[utoipa::path(get, path = "/api/v1/users/{login}", tag = "users", security(("bearer" = [])),
    params(("login" = String, Path)),
    responses((status = 200, body = UserView), (status = 404, body = ErrorEnvelope)))]
pub async fn show(
    state: Data<AppState>,
    me: AuthUser,
    login: Path<String>,
) -> ApiResult<Json<UserView>> {
    let login = login.into_inner();
    let view = state
        .core
        .db
        .read(move |conn| {
            let user = accounts::user_by_login(conn, &login)?;
            let slugs = campuses::slugs_by_id(conn)?;
            Ok::<_, ApiError>(view(&user, &slugs, &me))
        })
        .await?;
    Ok(Json(view))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    pub display_name: Option<String>,
    pub email: Option<String>,
    /// `student`, `staff` or `admin`.
    #[schema(value_type = Option<String>, example = "staff")]
    pub role: Option<Role>,
    /// Campus slug to move the account to.
    pub campus: Option<String>,
    /// A disabled account cannot log in; its tokens are revoked.
    pub disabled: Option<bool>,
    /// Resets the password of someone who lost theirs (staff: students of their campus;
    /// admins: anyone but admins) and revokes their tokens. Never one's own: that is
    /// `PUT /me/password`, with the current password.
    pub password: Option<String>,
}

/// Changes an account: staff within their campus, admins anywhere. Every change is in
/// the audit log.
#[utoipa::path(patch, path = "/api/v1/users/{login}", tag = "users", security(("bearer" = [])),
    params(("login" = String, Path)), request_body = UpdateUser,
    responses((status = 200, body = UserView),
        (status = 403, description = "the rules refuse (`forbidden`); a password for one's own account (`current_password_required`: use PUT /me/password)", body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope), (status = 422, body = ErrorEnvelope),
        (status = 503, description = "too many password hashes at once; see Retry-After (`server_busy`)", body = ErrorEnvelope)))]
pub async fn update(
    state: Data<AppState>,
    me: AuthUser,
    login: Path<String>,
    body: Json<UpdateUser>,
) -> ApiResult<Json<UserView>> {
    let body = body.into_inner();
    let changes = AccountChanges {
        display_name: body.display_name,
        email: body.email,
        role: body.role,
        campus: body.campus,
        disabled: body.disabled,
        password: body.password,
    };
    let user = state
        .core
        .change_account(&me, login.into_inner(), changes)
        .await?;
    let view = state
        .core
        .db
        .read(move |conn| Ok::<_, ApiError>(view(&user, &campuses::slugs_by_id(conn)?, &me)))
        .await?;
    Ok(Json(view))
}
