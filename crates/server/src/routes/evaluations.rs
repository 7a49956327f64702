//! Peer evaluations: slots, bookable times and booking, the waitlist, the evaluation
//! itself (presence code, submission, sheet, feedback, cancel, no-show, void), points,
//! notifications, review flags and a campus's evaluation settings. Every rule lives
//! in `qadam_core::evaluations`; a handler parses, calls it in one transaction and
//! maps the answer.

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, ErrorEnvelope};
use crate::state::AppState;
use crate::views_evaluations::{
    BookableView, EvaluationSettingsView, EvaluationView, NotificationView, PointsView,
    ReviewFlagView, SlotView, WaitlistView,
};
use actix_web::http::header;
use actix_web::web::{Data, Json, Path, Query};
use actix_web::HttpResponse;
use chrono::{DateTime, NaiveDateTime, Utc};
use qadam_core::evaluations::{self, EvaluationDetail, FeedbackInput, SheetInput, StartOutcome};
use qadam_core::{accounts, notifications, points, slots, CoreError, CoreResult};
use qadam_db::DbConn;
use qadam_domain::{EvaluationSettings, Flag};
use serde::Deserialize;
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};

/// Times come as RFC 3339; they are kept in UTC to the microsecond.
fn naive(at: DateTime<Utc>) -> NaiveDateTime {
    let micros = at.timestamp_micros();
    DateTime::from_timestamp_micros(micros)
        .map(|at| at.naive_utc())
        .unwrap_or_else(|| at.naive_utc())
}

/// Runs a change of an evaluation in one write transaction and answers with it.
async fn change_evaluation<F>(state: &AppState, change: F) -> ApiResult<Json<EvaluationView>>
where
    F: FnOnce(&mut DbConn, NaiveDateTime) -> CoreResult<EvaluationDetail> + Send + 'static,
{
    let now = state.core.clock.now();
    let detail = state.core.db.write(move |conn| change(conn, now)).await?;
    Ok(Json(EvaluationView::new(&detail)))
}

/// Fills the waitlist after something freed or opened time; a failure is logged, the
/// request that caused it has succeeded already.
async fn match_waitlist(state: &AppState) {
    if let Err(err) = evaluations::match_waitlist(&state.core).await {
        tracing::warn!(error = %err, "cannot match the waitlist");
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSlot {
    pub begin_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
}

/// Opens availability to evaluate: 15-minute granules, at least the campus's minimum
/// length, from 30 minutes to two weeks ahead. Merges with the user's slots it
/// overlaps or touches. Waiting teams are matched at once.
#[utoipa::path(post, path = "/api/v1/slots", tag = "evaluations", security(("bearer" = [])),
    request_body = NewSlot,
    responses((status = 201, body = SlotView),
        (status = 403, description = "`students_only`", body = ErrorEnvelope),
        (status = 422, description = "`slot_not_on_granule`, `slot_too_short`, `slot_too_soon`, `slot_too_far`, `slot_ends_before_begin`", body = ErrorEnvelope)))]
pub async fn add_slot(
    state: Data<AppState>,
    me: AuthUser,
    body: Json<NewSlot>,
) -> ApiResult<HttpResponse> {
    let user = me.user.clone();
    let body = body.into_inner();
    let now = state.core.clock.now();
    let detail = state
        .core
        .db
        .write(move |conn| slots::add(conn, &user, naive(body.begin_at), naive(body.end_at), now))
        .await?;
    match_waitlist(&state).await;
    // The slot as it is after matching (parts may have been booked meanwhile).
    let user_id = me.user.id.clone();
    let slot_id = detail.slot.id.clone();
    let after = state
        .core
        .db
        .read(move |conn| slots::mine(conn, &user_id, now))
        .await?
        .into_iter()
        .find(|s| s.slot.id == slot_id)
        .unwrap_or(detail);
    Ok(HttpResponse::Created().json(SlotView::new(&after)))
}

/// The signed-in user's slots that have not ended, with what is booked in them.
#[utoipa::path(get, path = "/api/v1/me/slots", tag = "evaluations", security(("bearer" = [])),
    responses((status = 200, body = Vec<SlotView>)))]
pub async fn my_slots(state: Data<AppState>, me: AuthUser) -> ApiResult<Json<Vec<SlotView>>> {
    let user_id = me.user.id.clone();
    let now = state.core.clock.now();
    let mine = state
        .core
        .db
        .read(move |conn| slots::mine(conn, &user_id, now))
        .await?;
    Ok(Json(mine.iter().map(SlotView::new).collect()))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct SlotPart {
    /// Remove only the part from here...
    pub begin_at: Option<DateTime<Utc>>,
    /// ...to here (both, or neither: the whole slot).
    pub end_at: Option<DateTime<Utc>>,
}

/// Removes a slot, or a part of it; refused when an evaluation is booked there.
/// Answers with what is left of the slot.
#[utoipa::path(delete, path = "/api/v1/slots/{id}", tag = "evaluations", security(("bearer" = [])),
    params(("id" = String, Path), SlotPart),
    responses((status = 200, body = Vec<SlotView>), (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`slot_booked`", body = ErrorEnvelope)))]
pub async fn remove_slot(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
    part: Query<SlotPart>,
) -> ApiResult<Json<Vec<SlotView>>> {
    let part = match (part.begin_at, part.end_at) {
        (None, None) => None,
        (Some(begin), Some(end)) => Some((naive(begin), naive(end))),
        _ => {
            return Err(ApiError::invalid(
                "begin_at",
                "give both begin_at and end_at to remove a part, or neither to remove the slot",
            ))
        }
    };
    let user = me.user.clone();
    let id = id.into_inner();
    let left = state
        .core
        .db
        .write(move |conn| slots::remove(conn, &user, &id, part))
        .await?;
    Ok(Json(left.iter().map(SlotView::new).collect()))
}

/// The times the team may book now (no names: only how many evaluators are free).
#[utoipa::path(get, path = "/api/v1/teams/{id}/bookable", tag = "evaluations", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = Vec<BookableView>), (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`not_waiting_for_evaluation`, `no_peer_evaluation`", body = ErrorEnvelope)))]
pub async fn bookable(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
) -> ApiResult<Json<Vec<BookableView>>> {
    let actor = me.actor();
    let id = id.into_inner();
    let now = state.core.clock.now();
    let times = state
        .core
        .db
        .read(move |conn| evaluations::bookable(conn, &actor, &id, now))
        .await?;
    Ok(Json(times.iter().map(BookableView::new).collect()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewBooking {
    pub begin_at: DateTime<Utc>,
}

/// Books an evaluation at a time: an eligible evaluator free then is assigned (the
/// fair rule in docs/ARCHITECTURE.md); each member pays the project's cost.
#[utoipa::path(post, path = "/api/v1/teams/{id}/evaluations", tag = "evaluations", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = NewBooking,
    responses((status = 201, body = EvaluationView), (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`no_evaluator_free`, `enough_evaluations`, `not_enough_points`, `team_busy`, `not_waiting_for_evaluation`", body = ErrorEnvelope),
        (status = 422, body = ErrorEnvelope)))]
pub async fn book(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
    body: Json<NewBooking>,
) -> ApiResult<HttpResponse> {
    let actor = me.actor();
    let id = id.into_inner();
    let begin = naive(body.begin_at);
    let Json(view) = change_evaluation(&state, move |conn, now| {
        evaluations::book(conn, &actor, &id, begin, now)
    })
    .await?;
    Ok(HttpResponse::Created().json(view))
}

/// The team's evaluations, as its members see them.
#[utoipa::path(get, path = "/api/v1/teams/{id}/evaluations", tag = "evaluations", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = Vec<EvaluationView>), (status = 404, body = ErrorEnvelope)))]
pub async fn of_team(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
) -> ApiResult<Json<Vec<EvaluationView>>> {
    let actor = me.actor();
    let id = id.into_inner();
    let now = state.core.clock.now();
    let details = state
        .core
        .db
        .read(move |conn| {
            qadam_core::teams::visible_team(conn, &actor, &id)?;
            qadam_db::queries::evaluations::of_team(conn, &id)?
                .into_iter()
                .map(|e| {
                    let (e, access) = evaluations::visible(conn, &actor, &e.id)?;
                    evaluations::detail(conn, e, access, now)
                })
                .collect::<CoreResult<Vec<_>>>()
        })
        .await?;
    Ok(Json(details.iter().map(EvaluationView::new).collect()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WaitlistJoin {
    /// The evaluation must end by then.
    pub before: DateTime<Utc>,
}

/// Puts the team on the waitlist: it is booked with the first eligible evaluator free
/// before `before` (oldest requests first), and told so.
#[utoipa::path(post, path = "/api/v1/teams/{id}/waitlist", tag = "evaluations", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = WaitlistJoin,
    responses((status = 201, body = WaitlistView), (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`already_waiting`, `enough_evaluations`, `not_enough_points`", body = ErrorEnvelope),
        (status = 422, body = ErrorEnvelope)))]
pub async fn join_waitlist(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
    body: Json<WaitlistJoin>,
) -> ApiResult<HttpResponse> {
    let actor = me.actor();
    let id = id.into_inner();
    let before = naive(body.before);
    let now = state.core.clock.now();
    let request = state
        .core
        .db
        .write(move |conn| evaluations::join_waitlist(conn, &actor, &id, before, now))
        .await?;
    match_waitlist(&state).await;
    let request_id = request.id.clone();
    let after = state
        .core
        .db
        .read(move |conn| {
            Ok::<_, CoreError>(qadam_db::queries::evaluations::waitlist::by_id(
                conn,
                &request_id,
            )?)
        })
        .await?
        .unwrap_or(request);
    Ok(HttpResponse::Created().json(WaitlistView::new(&after)))
}

/// Takes the team off the waitlist.
#[utoipa::path(delete, path = "/api/v1/teams/{id}/waitlist", tag = "evaluations", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorEnvelope)))]
pub async fn leave_waitlist(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
) -> ApiResult<HttpResponse> {
    let actor = me.actor();
    let id = id.into_inner();
    let now = state.core.clock.now();
    state
        .core
        .db
        .write(move |conn| evaluations::leave_waitlist(conn, &actor, &id, now))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The evaluations the signed-in user gives or receives, recent and upcoming.
#[utoipa::path(get, path = "/api/v1/me/evaluations", tag = "evaluations", security(("bearer" = [])),
    responses((status = 200, body = Vec<EvaluationView>)))]
pub async fn mine(state: Data<AppState>, me: AuthUser) -> ApiResult<Json<Vec<EvaluationView>>> {
    let actor = me.actor();
    let now = state.core.clock.now();
    let details = state
        .core
        .db
        .read(move |conn| evaluations::mine(conn, &actor, now))
        .await?;
    Ok(Json(details.iter().map(EvaluationView::new).collect()))
}

#[utoipa::path(get, path = "/api/v1/evaluations/{id}", tag = "evaluations", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = EvaluationView), (status = 404, body = ErrorEnvelope)))]
pub async fn show(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
) -> ApiResult<Json<EvaluationView>> {
    let actor = me.actor();
    let id = id.into_inner();
    let now = state.core.clock.now();
    let detail = state
        .core
        .db
        .read(move |conn| {
            let (evaluation, access) = evaluations::visible(conn, &actor, &id)?;
            evaluations::detail(conn, evaluation, access, now)
        })
        .await?;
    Ok(Json(EvaluationView::new(&detail)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StartEvaluation {
    /// The code the team shows.
    pub code: Option<String>,
    /// Start without a code, where the campus allows remote evaluations.
    #[serde(default)]
    pub remote: bool,
}

/// The evaluator starts the evaluation, from its start time, with the team's code.
#[utoipa::path(post, path = "/api/v1/evaluations/{id}/start", tag = "evaluations", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = StartEvaluation,
    responses((status = 200, body = EvaluationView), (status = 404, body = ErrorEnvelope),
        (status = 403, description = "`evaluator_only`, `remote_not_allowed`, `too_many_code_attempts`", body = ErrorEnvelope),
        (status = 409, description = "`too_early`, `too_late`, `not_booked`, `cancelled`", body = ErrorEnvelope),
        (status = 422, description = "`wrong_code`", body = ErrorEnvelope)))]
pub async fn start(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
    body: Json<StartEvaluation>,
) -> ApiResult<Json<EvaluationView>> {
    let actor = me.actor();
    let id = id.into_inner();
    let body = body.into_inner();
    let now = state.core.clock.now();
    let outcome = state
        .core
        .db
        .write(move |conn| {
            evaluations::start(conn, &actor, &id, body.code.as_deref(), body.remote, now)
        })
        .await?;
    match outcome {
        StartOutcome::Started(detail) => Ok(Json(EvaluationView::new(&detail))),
        StartOutcome::WrongCode { attempts_left } => Err(CoreError::Invalid {
            code: "wrong_code",
            field: Some("code"),
            message: format!("code: that is not the team's code ({attempts_left} tries left)"),
        }
        .into()),
    }
}

/// The handed-in submission, for the evaluator once the evaluation started.
#[utoipa::path(get, path = "/api/v1/evaluations/{id}/submission", tag = "evaluations", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>),
        (status = 403, body = ErrorEnvelope), (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`not_started`", body = ErrorEnvelope)))]
pub async fn submission(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
) -> ApiResult<HttpResponse> {
    let actor = me.actor();
    let id = id.into_inner();
    let submission = state
        .core
        .db
        .read(move |conn| evaluations::submission_for(conn, &actor, &id))
        .await?;
    let bytes = qadam_core::submissions::read_blob(&state.core, &submission.sha256)
        .await
        .map_err(CoreError::Corrupt)?;
    let content_type = if submission.format == "zip" {
        "application/zip"
    } else {
        "application/gzip"
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"submission-{}.{}\"",
                submission.id, submission.format
            ),
        ))
        .insert_header(("X-Content-SHA256", submission.sha256.clone()))
        .body(bytes))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FilledSheet {
    /// By question, `"section.question"` counted from 1: `true`/`false` for a yes/no
    /// question, 0 to 5 for a rating. Every question but bonus ones is answered.
    #[schema(value_type = Object)]
    pub answers: BTreeMap<String, serde_json::Value>,
    /// One of the sheet's flags: `ok`, `outstanding`, `empty`, `incomplete`,
    /// `invalid-compilation`, `norme`, `cheat`, `crash`, `leaks`, `forbidden-function`,
    /// `cant-support`, `concerning`.
    #[schema(value_type = String)]
    pub flag: Flag,
    pub comment: String,
}

/// The evaluator submits the sheet: the mark is computed from it (bonus only when the
/// mandatory part is perfect; a negative flag gives 0, Cheat -42).
#[utoipa::path(put, path = "/api/v1/evaluations/{id}", tag = "evaluations", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = FilledSheet,
    responses((status = 200, body = EvaluationView), (status = 403, description = "`evaluator_only`", body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`not_started`, `completed`", body = ErrorEnvelope),
        (status = 422, body = ErrorEnvelope)))]
pub async fn submit_sheet(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
    body: Json<FilledSheet>,
) -> ApiResult<Json<EvaluationView>> {
    let actor = me.actor();
    let id = id.into_inner();
    let body = body.into_inner();
    change_evaluation(&state, move |conn, now| {
        evaluations::submit_sheet(
            conn,
            &actor,
            &id,
            SheetInput {
                answers: body.answers,
                flag: body.flag,
                comment: body.comment,
            },
            now,
        )
    })
    .await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewFeedback {
    /// 1 to 5.
    pub rating: i32,
    #[serde(default)]
    pub nice: bool,
    #[serde(default)]
    pub rigorous: bool,
    #[serde(default)]
    pub interested: bool,
    #[serde(default)]
    pub punctual: bool,
    pub comment: String,
}

/// The evaluated team rates its evaluator, once.
#[utoipa::path(post, path = "/api/v1/evaluations/{id}/feedback", tag = "evaluations", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = NewFeedback,
    responses((status = 200, body = EvaluationView), (status = 403, description = "`team_only`", body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`not_completed`, `feedback_given`", body = ErrorEnvelope),
        (status = 422, body = ErrorEnvelope)))]
pub async fn feedback(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
    body: Json<NewFeedback>,
) -> ApiResult<Json<EvaluationView>> {
    let actor = me.actor();
    let id = id.into_inner();
    let body = body.into_inner();
    change_evaluation(&state, move |conn, now| {
        evaluations::give_feedback(
            conn,
            &actor,
            &id,
            FeedbackInput {
                rating: body.rating,
                nice: body.nice,
                rigorous: body.rigorous,
                interested: body.interested,
                punctual: body.punctual,
                comment: body.comment,
            },
            now,
        )
    })
    .await
}

/// The team or the evaluator cancels a booked evaluation: with the campus's notice
/// the team is refunded; an evaluator always refunds it and, late, loses a point.
#[utoipa::path(post, path = "/api/v1/evaluations/{id}/cancel", tag = "evaluations", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = EvaluationView), (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`in_progress`, `completed`, `cancelled`", body = ErrorEnvelope)))]
pub async fn cancel(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
) -> ApiResult<Json<EvaluationView>> {
    let actor = me.actor();
    let id = id.into_inner();
    let view = change_evaluation(&state, move |conn, now| {
        evaluations::cancel(conn, &actor, &id, now)
    })
    .await?;
    match_waitlist(&state).await;
    Ok(view)
}

/// Reports that the other side did not come (from the campus's grace time after the
/// start): an absent team pays and the evaluator is rewarded; an absent evaluator
/// refunds the team and loses a point.
#[utoipa::path(post, path = "/api/v1/evaluations/{id}/no-show", tag = "evaluations", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = EvaluationView), (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`too_early`, `in_progress`, `completed`", body = ErrorEnvelope)))]
pub async fn no_show(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
) -> ApiResult<Json<EvaluationView>> {
    let actor = me.actor();
    let id = id.into_inner();
    change_evaluation(&state, move |conn, now| {
        evaluations::report_no_show(conn, &actor, &id, now)
    })
    .await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VoidEvaluation {
    pub reason: String,
}

/// Staff void a completed evaluation: points and the attempt's mark are recomputed;
/// audited as `evaluation.void`.
#[utoipa::path(post, path = "/api/v1/evaluations/{id}/void", tag = "evaluations", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = VoidEvaluation,
    responses((status = 200, body = EvaluationView), (status = 403, body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope), (status = 409, body = ErrorEnvelope)))]
pub async fn void(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
    body: Json<VoidEvaluation>,
) -> ApiResult<Json<EvaluationView>> {
    let actor = me.actor();
    let audit_actor = me.audit_actor();
    let id = id.into_inner();
    let reason = body.into_inner().reason;
    change_evaluation(&state, move |conn, now| {
        evaluations::void(conn, &actor, &audit_actor, &id, &reason, now)
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ReviewFilter {
    /// Admins: a campus's slug (default: every campus). Staff see their own campus.
    pub campus: Option<String>,
}

/// Staff: evaluations to look at (peer mark far from the grader's, a sheet filled too
/// fast, pairs that meet too often, evaluators who always give 100, alerts).
#[utoipa::path(get, path = "/api/v1/review-flags", tag = "evaluations", security(("bearer" = [])),
    params(ReviewFilter),
    responses((status = 200, body = Vec<ReviewFlagView>), (status = 403, body = ErrorEnvelope)))]
pub async fn review_flags(
    state: Data<AppState>,
    me: AuthUser,
    filter: Query<ReviewFilter>,
) -> ApiResult<Json<Vec<ReviewFlagView>>> {
    let actor = me.actor();
    let campus = filter.into_inner().campus;
    let rows = state
        .core
        .db
        .read(move |conn| {
            let campus_id = match campus {
                Some(slug) => Some(accounts::campus_by_slug(conn, &slug)?.id),
                None => None,
            };
            evaluations::review_list(conn, &actor, campus_id.as_deref(), 200)
        })
        .await?;
    Ok(Json(rows.iter().map(ReviewFlagView::new).collect()))
}

/// The signed-in user's evaluation points: balance and newest moves.
#[utoipa::path(get, path = "/api/v1/me/points", tag = "evaluations", security(("bearer" = [])),
    responses((status = 200, body = PointsView)))]
pub async fn my_points(state: Data<AppState>, me: AuthUser) -> ApiResult<Json<PointsView>> {
    let user = me.user.clone();
    let now = state.core.clock.now();
    let statement = state
        .core
        .db
        .write(move |conn| {
            let settings = evaluations::campus_settings(conn, user.campus_id.as_deref())?;
            points::ensure_account(conn, &user.id, &settings, now)?;
            points::statement(conn, &user.id, 100)
        })
        .await?;
    Ok(Json(PointsView::new(&statement)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct NotificationFilter {
    /// Only the unread ones.
    #[serde(default)]
    pub unread: bool,
}

/// The signed-in user's notifications, newest first.
#[utoipa::path(get, path = "/api/v1/me/notifications", tag = "evaluations", security(("bearer" = [])),
    params(NotificationFilter),
    responses((status = 200, body = Vec<NotificationView>)))]
pub async fn my_notifications(
    state: Data<AppState>,
    me: AuthUser,
    filter: Query<NotificationFilter>,
) -> ApiResult<Json<Vec<NotificationView>>> {
    let user_id = me.user.id.clone();
    let unread = filter.unread;
    let rows = state
        .core
        .db
        .read(move |conn| notifications::of_user(conn, &user_id, unread, 200))
        .await?;
    Ok(Json(rows.iter().map(NotificationView::new).collect()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkRead {
    /// These notifications; absent: all of them.
    pub ids: Option<Vec<String>>,
}

#[derive(Debug, serde::Serialize, ToSchema)]
pub struct MarkedRead {
    pub marked: usize,
}

#[utoipa::path(post, path = "/api/v1/me/notifications/read", tag = "evaluations", security(("bearer" = [])),
    request_body = MarkRead, responses((status = 200, body = MarkedRead)))]
pub async fn mark_read(
    state: Data<AppState>,
    me: AuthUser,
    body: Json<MarkRead>,
) -> ApiResult<Json<MarkedRead>> {
    let user_id = me.user.id.clone();
    let ids = body.into_inner().ids;
    let now = state.core.clock.now();
    let marked = state
        .core
        .db
        .write(move |conn| notifications::mark_read(conn, &user_id, ids, now))
        .await?;
    Ok(Json(MarkedRead { marked }))
}

/// A campus's evaluation rules and economy (its staff and admins).
#[utoipa::path(get, path = "/api/v1/campuses/{slug}/evaluation-settings", tag = "evaluations", security(("bearer" = [])),
    params(("slug" = String, Path)),
    responses((status = 200, body = EvaluationSettingsView), (status = 403, body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope)))]
pub async fn campus_settings(
    state: Data<AppState>,
    me: AuthUser,
    slug: Path<String>,
) -> ApiResult<Json<EvaluationSettingsView>> {
    let actor = me.actor();
    let slug = slug.into_inner();
    let settings = state
        .core
        .db
        .read(move |conn| {
            let campus = accounts::campus_by_slug(conn, &slug)?;
            let id = qadam_domain::CampusId::from(campus.id.clone());
            if actor.role == qadam_domain::Role::Student || !actor.manages_campus(Some(&id)) {
                return Err(CoreError::denied(
                    "staff_only",
                    "a campus's evaluation settings are for its staff",
                ));
            }
            evaluations::campus_settings(conn, Some(&campus.id))
        })
        .await?;
    Ok(Json(EvaluationSettingsView::new(&settings)))
}

/// Changes a campus's evaluation settings: the fields given replace the current ones
/// (a webhook secret, once set, is kept unless given again). Audited.
#[utoipa::path(patch, path = "/api/v1/campuses/{slug}/evaluation-settings", tag = "evaluations", security(("bearer" = [])),
    params(("slug" = String, Path)),
    request_body(content = Object, description = "Any fields of the settings"),
    responses((status = 200, body = EvaluationSettingsView), (status = 403, body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope), (status = 422, body = ErrorEnvelope)))]
pub async fn update_campus_settings(
    state: Data<AppState>,
    me: AuthUser,
    slug: Path<String>,
    body: Json<serde_json::Map<String, serde_json::Value>>,
) -> ApiResult<Json<EvaluationSettingsView>> {
    let actor = me.actor();
    let audit_actor = me.audit_actor();
    let slug = slug.into_inner();
    let changes = body.into_inner();
    let now = state.core.clock.now();
    let settings = state
        .core
        .db
        .write(move |conn| {
            let campus = accounts::campus_by_slug(conn, &slug)?;
            let current = evaluations::campus_settings(conn, Some(&campus.id))?;
            let mut merged = serde_json::to_value(&current).unwrap_or_default();
            for (key, value) in changes {
                merged[key] = value;
            }
            let settings: EvaluationSettings = serde_json::from_value(merged).map_err(|err| {
                CoreError::invalid("settings", format!("evaluation settings: {err}"))
            })?;
            evaluations::set_campus_settings(conn, &actor, &audit_actor, &campus.id, settings, now)
        })
        .await?;
    Ok(Json(EvaluationSettingsView::new(&settings)))
}
