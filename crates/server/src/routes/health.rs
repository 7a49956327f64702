use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::web::{Data, Json};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct Health {
    pub status: &'static str,
    pub database: &'static str,
}

/// Liveness and readiness: answers 200 when the database answers.
#[utoipa::path(get, path = "/healthz", tag = "health",
    responses((status = 200, body = Health), (status = 503, body = crate::error::ErrorEnvelope)))]
pub async fn healthz(state: Data<AppState>) -> ApiResult<Json<Health>> {
    let database = state
        .core
        .db
        .read(|conn| {
            qadam_db::queries::ping(conn)?;
            Ok::<_, crate::error::ApiError>(match conn.backend() {
                qadam_db::Backend::Postgres => "postgres",
                qadam_db::Backend::Sqlite => "sqlite",
            })
        })
        .await?;
    Ok(Json(Health {
        status: "ok",
        database,
    }))
}
