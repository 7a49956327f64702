//! `POST /testing/clock`: moves the server's clock forward, so an end-to-end test
//! books an evaluation and jumps to its start without waiting. Served only with
//! `evaluations.movable_clock = true` (off by default), and only to admins.

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use actix_web::web::{Data, Json};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

pub const CLOCK_PATH: &str = "/testing/clock";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advance {
    pub advance_seconds: i64,
}

#[derive(Debug, Serialize)]
pub struct ClockNow {
    pub now: DateTime<Utc>,
}

pub async fn advance(
    state: Data<AppState>,
    me: AuthUser,
    body: Json<Advance>,
) -> ApiResult<Json<ClockNow>> {
    if me.user.role != qadam_domain::Role::Admin {
        return Err(ApiError::new(
            actix_web::http::StatusCode::FORBIDDEN,
            "admins_only",
            "only admins move the clock",
        ));
    }
    if !(0..=60 * 86_400).contains(&body.advance_seconds) {
        return Err(ApiError::invalid(
            "advance_seconds",
            "advance_seconds: forward only, at most 60 days",
        ));
    }
    state
        .core
        .clock
        .advance(Duration::seconds(body.advance_seconds));
    tracing::warn!(by = body.advance_seconds, "the clock was moved forward");
    Ok(Json(ClockNow {
        now: state.core.clock.now().and_utc(),
    }))
}
