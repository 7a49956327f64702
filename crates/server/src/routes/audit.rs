//! The audit log: who changed which account, role, campus (and later marks and points).

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, ErrorEnvelope};
use crate::routes::scope::CampusPageQuery;
use crate::state::AppState;
use crate::views::{AuditView, Paginated};
use actix_web::web::{Data, Json, Query};
use qadam_core::accounts::list_scope;
use qadam_db::queries::{audit, campuses};
use qadam_domain::CampusId;

/// Newest first. Staff see their campus's entries, admins everything.
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", security(("bearer" = [])),
    params(CampusPageQuery),
    responses((status = 200, body = Paginated<AuditView>), (status = 403, body = ErrorEnvelope)))]
pub async fn list(
    state: Data<AppState>,
    me: AuthUser,
    query: Query<CampusPageQuery>,
) -> ApiResult<Json<Paginated<AuditView>>> {
    let actor = me.actor();
    actor.require_staff()?;
    let page = query.page()?;
    let result = state
        .core
        .db
        .read(move |conn| {
            let campus_id = list_scope(conn, &actor, query.campus.as_deref())?;
            let (items, total) = audit::list(conn, campus_id.as_ref().map(CampusId::as_str), page)?;
            let slugs = campuses::slugs_by_id(conn)?;
            Ok::<_, ApiError>(Paginated::new(
                items.iter().map(|e| AuditView::new(e, &slugs)).collect(),
                page,
                total,
            ))
        })
        .await?;
    Ok(Json(result))
}
