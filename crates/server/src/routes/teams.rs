//! Registration and teams: one team per attempt of a project. Members and invitees
//! see their team, staff their campus's; to anyone else a team does not exist (404).

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, ErrorEnvelope};
use crate::state::AppState;
use crate::views::Paginated;
use crate::views_flow::{TeamSummaryView, TeamView};
use actix_web::web::{Data, Json, Path, Query};
use actix_web::HttpResponse;
use qadam_core::accounts::list_scope;
use qadam_core::teams::{self, TeamDetail};
use qadam_core::{found, marks, CoreResult};
use qadam_db::queries::{projects, teams as team_rows, users};
use qadam_db::DbConn;
use qadam_domain::{Actor, CampusId, PageRequest, TeamStatus};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

/// Runs a change of a team in one write transaction and answers with the team.
async fn change_team<F>(state: &AppState, change: F) -> ApiResult<Json<TeamView>>
where
    F: FnOnce(&mut DbConn, chrono::NaiveDateTime) -> CoreResult<TeamDetail> + Send + 'static,
{
    let now = state.core.clock.now();
    let detail = state.core.db.write(move |conn| change(conn, now)).await?;
    Ok(Json(TeamView::new(&detail)))
}

/// Registers the signed-in student for a project: a new attempt, and its team (a team
/// of one, locked at once, for a solo project).
#[utoipa::path(post, path = "/api/v1/projects/{slug}/register", tag = "teams", security(("bearer" = [])),
    params(("slug" = String, Path)),
    responses((status = 201, body = TeamView),
        (status = 403, description = "`prerequisites_missing`, `students_only`", body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`already_registered`, `already_validated`, `retry_cooldown`, `project_archived`, `exam_sessions_only`", body = ErrorEnvelope)))]
pub async fn register(
    state: Data<AppState>,
    me: AuthUser,
    slug: Path<String>,
) -> ApiResult<HttpResponse> {
    let slug = slug.into_inner();
    let user = me.user.clone();
    let Json(view) = change_team(&state, move |conn, now| {
        teams::register(conn, &user, &slug, now)
    })
    .await?;
    Ok(HttpResponse::Created().json(view))
}

#[utoipa::path(get, path = "/api/v1/teams/{id}", tag = "teams", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = TeamView), (status = 404, body = ErrorEnvelope)))]
pub async fn show(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
) -> ApiResult<Json<TeamView>> {
    let actor = me.actor();
    let id = id.into_inner();
    let detail = state
        .core
        .db
        .read(move |conn| {
            let (team, _) = teams::visible_team(conn, &actor, &id)?;
            teams::detail(conn, team)
        })
        .await?;
    Ok(Json(TeamView::new(&detail)))
}

/// The signed-in user's teams, invitations included, newest first.
#[utoipa::path(get, path = "/api/v1/me/teams", tag = "teams", security(("bearer" = [])),
    responses((status = 200, body = Vec<TeamSummaryView>)))]
pub async fn mine(state: Data<AppState>, me: AuthUser) -> ApiResult<Json<Vec<TeamSummaryView>>> {
    let user_id = me.user.id.clone();
    let views = state
        .core
        .db
        .read(move |conn| {
            Ok::<_, ApiError>(
                team_rows::of_user(conn, &user_id)?
                    .iter()
                    .map(|(team, accepted, slug)| TeamSummaryView::new(team, slug, !accepted))
                    .collect(),
            )
        })
        .await?;
    Ok(Json(views))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct TeamFilter {
    /// Campus slug (admins: any; staff: their own, the default).
    pub campus: Option<String>,
    pub project: Option<String>,
    /// `forming`, `in_progress`, `waiting_for_evaluation`, `finished` or `abandoned`.
    pub status: Option<String>,
    /// A member's login.
    pub student: Option<String>,
    pub page: Option<u32>,
    pub per_page: Option<u32>,
}

/// Staff: the attempts of their campus, newest first.
#[utoipa::path(get, path = "/api/v1/teams", tag = "teams", security(("bearer" = [])),
    params(TeamFilter),
    responses((status = 200, body = Paginated<TeamSummaryView>), (status = 403, body = ErrorEnvelope),
        (status = 422, body = ErrorEnvelope)))]
pub async fn list(
    state: Data<AppState>,
    me: AuthUser,
    filter: Query<TeamFilter>,
) -> ApiResult<Json<Paginated<TeamSummaryView>>> {
    let actor = me.actor();
    actor.require_staff()?;
    let filter = filter.into_inner();
    let page = PageRequest {
        page: filter.page,
        per_page: filter.per_page,
    }
    .resolve()?;
    let status = parse_status(filter.status.as_deref())?;
    let result = state
        .core
        .db
        .read(move |conn| {
            let campus = list_scope(conn, &actor, filter.campus.as_deref())?;
            let (project_id, member_id) =
                filter_ids(conn, filter.project.as_deref(), filter.student.as_deref())?;
            let query = team_rows::Filter {
                campus_id: campus.as_ref().map(CampusId::as_str),
                project_id: project_id.as_deref(),
                status,
                member_id: member_id.as_deref(),
            };
            let (items, total) = team_rows::list(conn, &query, page)?;
            let views = items
                .iter()
                .map(|(team, slug)| TeamSummaryView::new(team, slug, false))
                .collect();
            Ok::<_, ApiError>(Paginated::new(views, page, total))
        })
        .await?;
    Ok(Json(result))
}

pub(crate) fn parse_status(status: Option<&str>) -> ApiResult<Option<TeamStatus>> {
    status
        .map(|text| {
            TeamStatus::parse(text).ok_or_else(|| {
                ApiError::invalid(
                    "status",
                    "status: one of forming, in_progress, waiting_for_evaluation, finished, abandoned",
                )
            })
        })
        .transpose()
}

/// The ids behind a project slug and a student login of a staff filter.
pub(crate) fn filter_ids(
    conn: &mut DbConn,
    project: Option<&str>,
    student: Option<&str>,
) -> CoreResult<(Option<String>, Option<String>)> {
    let project_id = match project {
        Some(slug) => Some(
            found(projects::current_meta_by_slug(conn, slug)?, "project")?
                .0
                .id,
        ),
        None => None,
    };
    let member_id = match student {
        Some(login) => Some(found(users::by_login(conn, login)?, "user")?.id),
        None => None,
    };
    Ok((project_id, member_id))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Invitation {
    pub login: String,
}

/// The leader invites a student to a team that is still forming.
#[utoipa::path(post, path = "/api/v1/teams/{id}/invitations", tag = "teams", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = Invitation,
    responses((status = 200, body = TeamView),
        (status = 403, description = "`not_leader`", body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`team_locked`, `team_full`, `already_invited`, `already_registered`, `not_invitable`", body = ErrorEnvelope)))]
pub async fn invite(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
    body: Json<Invitation>,
) -> ApiResult<Json<TeamView>> {
    let actor = me.actor();
    let (id, login) = (id.into_inner(), body.into_inner().login);
    change_team(&state, move |conn, now| {
        teams::invite(conn, &actor, &id, &login, now)
    })
    .await
}

/// An invitee joins the team (they must meet the project's prerequisites).
#[utoipa::path(post, path = "/api/v1/teams/{id}/accept", tag = "teams", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = TeamView), (status = 403, description = "`prerequisites_missing`", body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`not_invited`, `team_locked`, `already_registered`, `retry_cooldown`", body = ErrorEnvelope)))]
pub async fn accept(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
) -> ApiResult<Json<TeamView>> {
    let user = me.user.clone();
    let id = id.into_inner();
    change_team(&state, move |conn, now| {
        teams::accept(conn, &user, &id, now)
    })
    .await
}

/// An invitee turns the invitation down.
#[utoipa::path(post, path = "/api/v1/teams/{id}/decline", tag = "teams", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`not_invited`, `team_locked`", body = ErrorEnvelope)))]
pub async fn decline(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
) -> ApiResult<HttpResponse> {
    let actor = me.actor();
    let id = id.into_inner();
    state
        .core
        .db
        .write(move |conn| teams::decline(conn, &actor, &id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A member leaves a team that is still forming (the last one out abandons it).
#[utoipa::path(post, path = "/api/v1/teams/{id}/leave", tag = "teams", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = TeamView), (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`team_locked`, `not_member`", body = ErrorEnvelope)))]
pub async fn leave(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
) -> ApiResult<Json<TeamView>> {
    let actor = me.actor();
    let id = id.into_inner();
    change_team(&state, move |conn, now| {
        teams::leave(conn, &actor, &id, now)
    })
    .await
}

/// The leader removes a member or withdraws an invitation.
#[utoipa::path(post, path = "/api/v1/teams/{id}/kick", tag = "teams", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = Invitation,
    responses((status = 200, body = TeamView), (status = 403, description = "`not_leader`", body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope), (status = 409, description = "`team_locked`, `cannot_kick_leader`", body = ErrorEnvelope)))]
pub async fn kick(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
    body: Json<Invitation>,
) -> ApiResult<Json<TeamView>> {
    let actor = me.actor();
    let (id, login) = (id.into_inner(), body.into_inner().login);
    change_team(&state, move |conn, now| {
        teams::kick(conn, &actor, &id, &login, now)
    })
    .await
}

/// The leader locks the team: members fixed, work can be submitted.
#[utoipa::path(post, path = "/api/v1/teams/{id}/lock", tag = "teams", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = TeamView), (status = 403, description = "`not_leader`", body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope), (status = 409, description = "`team_locked`, `team_size`", body = ErrorEnvelope)))]
pub async fn lock(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
) -> ApiResult<Json<TeamView>> {
    let actor = me.actor();
    let id = id.into_inner();
    change_team(&state, move |conn, now| teams::lock(conn, &actor, &id, now)).await
}

/// Hands in the team's latest graded submission. A grader-marked project is marked
/// at once (XP follows); one that needs peers waits for its evaluations.
#[utoipa::path(post, path = "/api/v1/teams/{id}/close", tag = "teams", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = TeamView), (status = 403, description = "`not_member`", body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`nothing_graded`, `grading_in_progress`, `team_not_in_progress`", body = ErrorEnvelope)))]
pub async fn close(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
) -> ApiResult<Json<TeamView>> {
    let actor = me.actor();
    let id = id.into_inner();
    change_team(&state, move |conn, now| {
        marks::close(conn, &actor, &id, now)
    })
    .await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkOverride {
    /// -42 to 125.
    pub mark: i32,
    /// Why; kept in the audit log.
    pub reason: String,
}

/// Staff: sets a handed-in team's final mark by hand; XP follows, the audit log keeps
/// the old and new marks and the reason.
#[utoipa::path(put, path = "/api/v1/teams/{id}/mark", tag = "teams", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = MarkOverride,
    responses((status = 200, body = TeamView), (status = 404, body = ErrorEnvelope),
        (status = 409, description = "`not_handed_in`", body = ErrorEnvelope), (status = 422, body = ErrorEnvelope)))]
pub async fn set_mark(
    state: Data<AppState>,
    me: AuthUser,
    id: Path<String>,
    body: Json<MarkOverride>,
) -> ApiResult<Json<TeamView>> {
    let actor: Actor = me.actor();
    let audit_actor = me.audit_actor();
    let id = id.into_inner();
    let body = body.into_inner();
    change_team(&state, move |conn, now| {
        marks::override_mark(
            conn,
            &actor,
            &audit_actor,
            &id,
            body.mark,
            &body.reason,
            now,
        )
    })
    .await
}
