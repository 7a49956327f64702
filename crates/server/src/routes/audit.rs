//! The audit log: who changed which account, role, campus (and later marks and points).

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, ErrorEnvelope};
use crate::state::AppState;
use crate::views::{AuditView, Paginated};
use actix_web::web::{Data, Json, Query};
use qadam_db::queries::{audit, campuses};
use qadam_domain::PageRequest;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Campus slug; staff always see their own campus only.
    pub campus: Option<String>,
    pub page: Option<u32>,
    pub per_page: Option<u32>,
}

/// Newest first. Staff see their campus's entries, admins everything.
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", security(("bearer" = [])),
    params(AuditQuery),
    responses((status = 200, body = Paginated<AuditView>), (status = 403, body = ErrorEnvelope)))]
pub async fn list(
    state: Data<AppState>,
    me: AuthUser,
    query: Query<AuditQuery>,
) -> ApiResult<Json<Paginated<AuditView>>> {
    let actor = me.actor();
    actor.require_staff()?;
    let query = query.into_inner();
    let page = PageRequest {
        page: query.page,
        per_page: query.per_page,
    }
    .resolve()?;
    let result = state
        .db
        .read(move |conn| {
            let campus_id = match (&query.campus, actor.is_admin()) {
                (Some(slug), _) => Some(
                    campuses::by_slug(conn, slug)
                        .map_err(|_| {
                            ApiError::invalid("campus", format!("there is no campus {slug}"))
                        })?
                        .id,
                ),
                (None, true) => None,
                (None, false) => actor.campus_id.clone(),
            };
            if !actor.manages_campus(campus_id.as_deref()) {
                return Err(
                    qadam_domain::Denied("staff can only read their own campus's log").into(),
                );
            }
            let (items, total) = audit::list(conn, campus_id.as_deref(), page)?;
            let slugs = campuses::slugs_by_id(conn)?;
            Ok(Paginated::new(
                items.iter().map(|e| AuditView::new(e, &slugs)).collect(),
                page,
                total,
            ))
        })
        .await?;
    Ok(Json(result))
}
