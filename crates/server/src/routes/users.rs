//! Accounts. Everyone signed in can read a public profile (as on 42's intra); staff
//! manage the accounts of their campus, admins all of them.

use crate::accounts::{self, NewUser, PasswordSetBy};
use crate::auth::AuthUser;
use crate::error::{found, ApiError, ApiResult, ErrorEnvelope};
use crate::routes::scope::{campus_id_of, list_scope, CampusPageQuery};
use crate::state::AppState;
use crate::views::{Paginated, UserView};
use actix_web::http::StatusCode;
use actix_web::web::{Data, Json, Path, Query};
use actix_web::HttpResponse;
use qadam_db::models::User;
use qadam_db::queries::{campuses, users};
use qadam_domain::Role;
use serde::Deserialize;
use std::collections::HashMap;
use utoipa::ToSchema;

fn view(user: &User, slugs: &HashMap<String, String>, me: &AuthUser) -> UserView {
    let slug = user
        .campus_id
        .as_ref()
        .and_then(|id| slugs.get(id).cloned());
    UserView::new(user, slug, me.actor().may_view_private(user.target()))
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
        .db
        .read(move |conn| {
            let campus_id = list_scope(conn, &actor, query.campus.as_deref())?;
            let (items, total) = users::list(conn, campus_id.as_deref(), page)?;
            let slugs = campuses::slugs_by_id(conn)?;
            let views = items.iter().map(|u| view(u, &slugs, &me)).collect();
            Ok(Paginated::new(views, page, total))
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
    let actor = me.actor();
    actor.require_staff()?;
    let body = body.into_inner();
    let new = NewUser {
        login: body.login,
        display_name: body.display_name,
        email: body.email,
        role: body.role,
        campus_id: None,
    };
    new.validate(&body.password)?;
    let hash = state.passwords.hash(body.password).await?;
    let audit_actor = me.audit_actor();
    let view = state
        .db
        .write(move |conn| {
            let campus_id = match (&body.campus, new.role) {
                (Some(slug), _) => Some(campus_id_of(conn, slug)?),
                (None, Role::Admin) => None,
                (None, _) => actor.campus_id.clone(),
            };
            actor.may_create_user(new.role, campus_id.as_deref())?;
            let user =
                accounts::create_user(conn, &audit_actor, NewUser { campus_id, ..new }, hash)?;
            let slugs = campuses::slugs_by_id(conn)?;
            Ok(view(&user, &slugs, &me))
        })
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
        .db
        .read(move |conn| {
            let user = found(users::by_login(conn, &login), "user")?;
            let slugs = campuses::slugs_by_id(conn)?;
            Ok(view(&user, &slugs, &me))
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

fn own_password_refused() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "current_password_required",
        "change your own password with PUT /api/v1/me/password, which asks for the current one",
    )
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
    let login = login.into_inner();
    let mut body = body.into_inner();
    // Before anything else, so that a student trying it learns where to go too.
    if body.password.is_some() && login == me.user.login {
        return Err(own_password_refused());
    }
    let actor = me.actor();
    actor.require_staff()?;
    if let Some(name) = &body.display_name {
        qadam_domain::validate::display_text("display_name", name, 100)?;
    }
    if let Some(email) = &body.email {
        qadam_domain::validate::email(email)?;
    }
    let hash = match body.password.take() {
        Some(password) => {
            qadam_domain::validate::password(&password)?;
            // Refuse before paying for the hash; the transaction below checks again.
            let (target, actor) = (login.clone(), actor.clone());
            state
                .db
                .read(move |conn| {
                    let user = found(users::by_login(conn, &target), "user")?;
                    Ok(actor.may_reset_password(user.target())?)
                })
                .await?;
            Some(state.passwords.hash(password).await?)
        }
        None => None,
    };
    let audit_actor = me.audit_actor();
    let view = state
        .db
        .write(move |conn| {
            let before = found(users::by_login(conn, &login), "user")?;
            let campus_id = match &body.campus {
                Some(slug) => Some(campus_id_of(conn, slug)?),
                None => before.campus_id.clone(),
            };
            let role = body.role.unwrap_or(before.role());
            actor.may_change_user(before.target(), role, campus_id.as_deref())?;
            if hash.is_some() {
                actor.may_reset_password(before.target())?;
            }
            let changed = User {
                display_name: body
                    .display_name
                    .unwrap_or_else(|| before.display_name.clone()),
                email: body.email.or_else(|| before.email.clone()),
                role: role.as_str().into(),
                campus_id,
                disabled: body.disabled.unwrap_or(before.disabled),
                ..before.clone()
            };
            let user = accounts::update_user(conn, &audit_actor, &before, changed)?;
            if let Some(hash) = &hash {
                accounts::set_password(conn, &audit_actor, &user, hash, PasswordSetBy::Reset)?;
            }
            let slugs = campuses::slugs_by_id(conn)?;
            Ok(view(&user, &slugs, &me))
        })
        .await?;
    Ok(Json(view))
}
