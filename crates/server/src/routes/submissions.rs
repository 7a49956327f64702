//! Submissions: an archive uploaded to a team, graded by the queue's workers.

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, ErrorEnvelope};
use crate::routes::teams::filter_ids;
use crate::state::AppState;
use crate::views::Paginated;
use crate::views_flow::{SubmissionSummaryView, SubmissionView};
use actix_web::http::{header, StatusCode};
use actix_web::web::{Data, Json, Path, Payload, Query};
use actix_web::HttpResponse;
use futures_util::StreamExt;
use qadam_core::accounts::list_scope;
use qadam_core::grading::{queue_overview, QueueOverview};
use qadam_core::submissions as core_submissions;
use qadam_core::{marks, CoreError};
use qadam_db::models::Submission;
use qadam_db::queries::{jobs, submissions, teams, users};
use qadam_db::DbConn;
use qadam_domain::{CampusId, PageRequest, SubmissionStatus};
use serde::{Deserialize, Serialize};
use std::time::Duration;
use utoipa::{IntoParams, ToSchema};

pub(crate) fn submitter_login(
    conn: &mut DbConn,
    submission: &Submission,
) -> Result<String, CoreError> {
    Ok(users::by_id(conn, &submission.submitted_by)?
        .map(|u| u.login)
        .unwrap_or_default())
}

/// The answer to an upload: where to follow it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Accepted {
    pub id: String,
    pub status: String,
    /// `GET` it (with `?wait=SECONDS`) for the verdict.
    pub url: String,
}

/// Uploads the team's work: the body is a `.tar.gz` or a `.zip` (told by its first
/// bytes). It is checked whole before anything is stored; the answer is 202 and the
/// grading follows.
#[utoipa::path(post, path = "/api/v1/teams/{id}/submissions", tag = "submissions", security(("bearer" = [])),
    params(("id" = String, Path)),
    request_body(content = Vec<u8>, content_type = "application/gzip", description = "a .tar.gz or .zip archive of the work"),
    responses((status = 202, body = Accepted),
        (status = 403, description = "`not_member`", body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`team_not_locked`, `team_closed`, `deadline_passed`", body = ErrorEnvelope),
        (status = 413, description = "`archive_too_large`", body = ErrorEnvelope),
        (status = 422, description = "`missing_files`, `unsafe_path`, `link_or_device`, `too_many_files`, `file_too_large`, `unpacked_too_large`, `compression_ratio`, `duplicate_path`, `unsupported_archive`, `corrupt_archive`, `empty_archive`", body = ErrorEnvelope),
        (status = 503, description = "`queue_full`", body = ErrorEnvelope)))]
pub async fn create(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
    mut body: Payload,
) -> ApiResult<HttpResponse> {
    let limit = state.core.flow.upload.max_archive_bytes as usize;
    let mut bytes = Vec::new();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|err| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad_request",
                format!("cannot read the upload: {err}"),
            )
        })?;
        if bytes.len() + chunk.len() > limit {
            return Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "archive_too_large",
                format!("the archive is larger than {limit} bytes"),
            ));
        }
        bytes.extend_from_slice(&chunk);
    }
    let submission =
        core_submissions::submit(&state.core, me.actor(), id.into_inner(), bytes).await?;
    Ok(HttpResponse::Accepted().json(Accepted {
        url: format!("/api/v1/submissions/{}", submission.id),
        id: submission.id,
        status: submission.status.as_str().to_string(),
    }))
}

/// A team's submissions, newest first.
#[utoipa::path(get, path = "/api/v1/teams/{id}/submissions", tag = "submissions", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = Vec<SubmissionSummaryView>), (status = 404, body = ErrorEnvelope)))]
pub async fn of_team(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
) -> ApiResult<Json<Vec<SubmissionSummaryView>>> {
    let actor = me.actor();
    let id = id.into_inner();
    let rows = state
        .core
        .db
        .read(move |conn| core_submissions::of_team(conn, &actor, &id))
        .await?;
    Ok(Json(rows.iter().map(SubmissionSummaryView::from).collect()))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct WaitQuery {
    /// Hold the request until the verdict, up to this many seconds (at most the
    /// server's `grading.max_wait_seconds`).
    pub wait: Option<u64>,
}

/// A submission's status and, once graded, its verdict: visible tests with what was
/// expected and what came; hidden tests by name and pass/fail only (staff see all).
#[utoipa::path(get, path = "/api/v1/submissions/{id}", tag = "submissions", security(("bearer" = [])),
    params(("id" = String, Path), WaitQuery),
    responses((status = 200, body = SubmissionView), (status = 404, body = ErrorEnvelope)))]
pub async fn show(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
    query: Query<WaitQuery>,
) -> ApiResult<Json<SubmissionView>> {
    let wait = Duration::from_secs(query.wait.unwrap_or(0));
    let (submission, access) =
        core_submissions::wait_for_verdict(&state.core, me.actor(), id.into_inner(), wait).await?;
    let view = state
        .core
        .db
        .read(move |conn| {
            let login = submitter_login(conn, &submission)?;
            let gradings = jobs::verdicts_for_submission(conn, &submission.id)?;
            SubmissionView::new(&submission, login, access, gradings)
        })
        .await?;
    Ok(Json(view))
}

/// The archive as it was uploaded (team members and staff).
#[utoipa::path(get, path = "/api/v1/submissions/{id}/archive", tag = "submissions", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>), (status = 404, body = ErrorEnvelope)))]
pub async fn archive(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
) -> ApiResult<HttpResponse> {
    let (submission, bytes) =
        core_submissions::archive(&state.core, me.actor(), id.into_inner()).await?;
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

/// Staff: grade a submission again.
#[utoipa::path(post, path = "/api/v1/submissions/{id}/regrade", tag = "submissions", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 202, body = Accepted), (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`grading_in_progress`", body = ErrorEnvelope)))]
pub async fn regrade(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
) -> ApiResult<HttpResponse> {
    let actor = me.actor();
    let audit_actor = me.audit_actor();
    let id = id.into_inner();
    let now = state.core.clock.now();
    let submission = state
        .core
        .db
        .write(move |conn| marks::regrade(conn, &actor, &audit_actor, &id, now))
        .await?;
    state.core.signals.job_queued();
    Ok(HttpResponse::Accepted().json(Accepted {
        url: format!("/api/v1/submissions/{}", submission.id),
        id: submission.id,
        status: submission.status.as_str().to_string(),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct SubmissionFilter {
    pub campus: Option<String>,
    pub project: Option<String>,
    /// `queued`, `running`, `graded` or `failed`.
    pub status: Option<String>,
    /// A team member's login.
    pub student: Option<String>,
    pub page: Option<u32>,
    pub per_page: Option<u32>,
}

/// Staff: the submissions of their campus, newest first.
#[utoipa::path(get, path = "/api/v1/submissions", tag = "submissions", security(("bearer" = [])),
    params(SubmissionFilter),
    responses((status = 200, body = Paginated<SubmissionSummaryView>), (status = 403, body = ErrorEnvelope),
        (status = 422, body = ErrorEnvelope)))]
pub async fn list(
    state: Data<AppState>,
    me: AuthUser,
    filter: Query<SubmissionFilter>,
) -> ApiResult<Json<Paginated<SubmissionSummaryView>>> {
    let actor = me.actor();
    actor.require_staff()?;
    let filter = filter.into_inner();
    let page = PageRequest {
        page: filter.page,
        per_page: filter.per_page,
    }
    .resolve()?;
    let status = filter
        .status
        .as_deref()
        .map(|text| {
            SubmissionStatus::parse(text).ok_or_else(|| {
                ApiError::invalid("status", "status: one of queued, running, graded, failed")
            })
        })
        .transpose()?;
    let result = state
        .core
        .db
        .read(move |conn| {
            let campus = list_scope(conn, &actor, filter.campus.as_deref())?;
            let (project_id, member_id) =
                filter_ids(conn, filter.project.as_deref(), filter.student.as_deref())?;
            let team_ids: Option<Vec<String>> = match &member_id {
                Some(user_id) => Some(
                    teams::of_user(conn, user_id)?
                        .into_iter()
                        .filter(|(_, accepted, _)| *accepted)
                        .map(|(team, _, _)| team.id)
                        .collect(),
                ),
                None => None,
            };
            let query = submissions::Filter {
                campus_id: campus.as_ref().map(CampusId::as_str),
                project_id: project_id.as_deref(),
                status,
                team_ids: team_ids.as_deref(),
            };
            let (items, total) = submissions::list(conn, &query, page)?;
            let views = items.iter().map(SubmissionSummaryView::from).collect();
            Ok::<_, ApiError>(Paginated::new(views, page, total))
        })
        .await?;
    Ok(Json(result))
}

/// Staff: the grading queue: waiting, running, and failed on our side (with why).
#[utoipa::path(get, path = "/api/v1/grading/queue", tag = "submissions", security(("bearer" = [])),
    responses((status = 200, body = Object), (status = 403, body = ErrorEnvelope)))]
pub async fn queue(state: Data<AppState>, me: AuthUser) -> ApiResult<Json<QueueOverview>> {
    me.actor().require_staff()?;
    let overview = state.core.db.read(queue_overview).await?;
    Ok(Json(overview))
}
