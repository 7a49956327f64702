//! A student's progress: level, XP, and every project with its status and mark.

use crate::auth::AuthUser;
use crate::error::{ApiResult, ErrorEnvelope};
use crate::state::AppState;
use crate::views_flow::ProgressView;
use actix_web::web::{Data, Json, Path};
use qadam_core::progress;

/// A student sees their own progress; staff their campus's; admins everyone's.
#[utoipa::path(get, path = "/api/v1/users/{login}/progress", tag = "users", security(("bearer" = [])),
    params(("login" = String, Path)),
    responses((status = 200, body = ProgressView), (status = 403, body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope)))]
pub async fn show(
    state: Data<AppState>,
    me: AuthUser,
    login: Path<String>,
) -> ApiResult<Json<ProgressView>> {
    let actor = me.actor();
    let login = login.into_inner();
    let progress = state
        .core
        .db
        .read(move |conn| progress::progress(conn, &actor, &login))
        .await?;
    Ok(Json(ProgressView::from(&progress)))
}
