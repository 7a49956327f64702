//! Campuses: every signed-in user can read them; admins create and change them.

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, ErrorEnvelope};
use crate::state::AppState;
use crate::views::{CampusView, Paginated};
use actix_web::web::{Data, Json, Path, Query};
use actix_web::HttpResponse;
use qadam_core::accounts::{self, CampusChanges, NewCampus};
use qadam_db::queries::campuses;
use qadam_domain::PageRequest;
use serde::Deserialize;
use utoipa::ToSchema;

#[utoipa::path(get, path = "/api/v1/campuses", tag = "campuses", security(("bearer" = [])),
    params(("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = Paginated<CampusView>), (status = 401, body = ErrorEnvelope)))]
pub async fn list(
    state: Data<AppState>,
    _me: AuthUser,
    page: Query<PageRequest>,
) -> ApiResult<Json<Paginated<CampusView>>> {
    let page = page.into_inner().resolve()?;
    let result = state
        .core
        .db
        .read(move |conn| {
            let (items, total) = campuses::list(conn, page)?;
            Ok::<_, ApiError>(Paginated::new(
                items.iter().map(CampusView::from).collect(),
                page,
                total,
            ))
        })
        .await?;
    Ok(Json(result))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCampus {
    pub slug: String,
    pub name: String,
    /// IANA time zone, e.g. `Asia/Almaty`; defaults to UTC.
    pub time_zone: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/campuses", tag = "campuses", security(("bearer" = [])),
    request_body = CreateCampus,
    responses((status = 201, body = CampusView), (status = 403, body = ErrorEnvelope),
        (status = 409, description = "`slug_taken`", body = ErrorEnvelope),
        (status = 422, body = ErrorEnvelope)))]
pub async fn create(
    state: Data<AppState>,
    me: AuthUser,
    body: Json<CreateCampus>,
) -> ApiResult<HttpResponse> {
    me.actor().require_admin()?;
    let body = body.into_inner();
    let new = NewCampus {
        slug: body.slug,
        name: body.name,
        time_zone: body.time_zone.unwrap_or_else(|| "UTC".into()),
    };
    let actor = me.audit_actor();
    let campus = state
        .core
        .db
        .write(move |conn| accounts::create_campus(conn, &actor, new))
        .await?;
    Ok(HttpResponse::Created().json(CampusView::from(&campus)))
}

#[utoipa::path(get, path = "/api/v1/campuses/{slug}", tag = "campuses", security(("bearer" = [])),
    params(("slug" = String, Path)),
    responses((status = 200, body = CampusView), (status = 404, body = ErrorEnvelope)))]
pub async fn show(
    state: Data<AppState>,
    _me: AuthUser,
    slug: Path<String>,
) -> ApiResult<Json<CampusView>> {
    let slug = slug.into_inner();
    let campus = state
        .core
        .db
        .read(move |conn| accounts::campus_by_slug(conn, &slug))
        .await?;
    Ok(Json(CampusView::from(&campus)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateCampus {
    pub name: Option<String>,
    pub time_zone: Option<String>,
}

#[utoipa::path(patch, path = "/api/v1/campuses/{slug}", tag = "campuses", security(("bearer" = [])),
    params(("slug" = String, Path)), request_body = UpdateCampus,
    responses((status = 200, body = CampusView), (status = 403, body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope), (status = 422, body = ErrorEnvelope)))]
pub async fn update(
    state: Data<AppState>,
    me: AuthUser,
    slug: Path<String>,
    body: Json<UpdateCampus>,
) -> ApiResult<Json<CampusView>> {
    let body = body.into_inner();
    let changes = CampusChanges {
        name: body.name,
        time_zone: body.time_zone,
    };
    let (actor, audit_actor, slug) = (me.actor(), me.audit_actor(), slug.into_inner());
    let campus = state
        .core
        .db
        .write(move |conn| accounts::update_campus(conn, &actor, &audit_actor, &slug, changes))
        .await?;
    Ok(Json(CampusView::from(&campus)))
}
