//! Handing in, marks, XP and deadlines. A team hands in its latest graded submission;
//! a grader-marked project is marked at once, one that needs peers waits for them. A
//! final mark validates at the project's `min_mark`, earns each member the project's
//! XP times the mark over 100, and a failure opens a retry after the cooldown. Staff
//! may override a mark with a reason; XP follows and the audit log keeps both.

use crate::teams::{definition_of, detail, visible_team, TeamAccess, TeamDetail};
use crate::{found, CoreError, CoreResult};
use chrono::{Duration, NaiveDateTime};
use qadam_db::models::{Submission, Team, XpEvent};
use qadam_db::queries::audit::{self, AuditActor};
use qadam_db::queries::{jobs, submissions, teams, xp};
use qadam_db::DbConn;
use qadam_domain::curriculum::{ProjectDefinition, MAX_MARK};
use qadam_domain::flow::{grader_mark, validates, xp_earned};
use qadam_domain::{Actor, CampusId, FinalMarkRule, Role, SubmissionStatus, TeamStatus};
use serde_json::json;

/// A member hands in the team's latest graded submission.
pub fn close(
    conn: &mut DbConn,
    actor: &Actor,
    team_id: &str,
    now: NaiveDateTime,
) -> CoreResult<TeamDetail> {
    let (team, access) = visible_team(conn, actor, team_id)?;
    if access != TeamAccess::Member {
        return Err(CoreError::denied(
            "not_member",
            "only the team's members hand in its work",
        ));
    }
    if team.status != TeamStatus::InProgress {
        return Err(CoreError::conflict(
            "team_not_in_progress",
            format!(
                "the team is {}: only a locked team in progress hands in",
                team.status.as_str().replace('_', " ")
            ),
        ));
    }
    let newest = submissions::of_team(conn, &team.id)?;
    if newest.first().is_some_and(|s| !s.status.is_settled()) {
        return Err(CoreError::conflict(
            "grading_in_progress",
            "the newest submission is still being graded: wait for its verdict, then hand in",
        ));
    }
    let Some(submission) = submissions::latest_graded(conn, &team.id)? else {
        return Err(CoreError::conflict(
            "nothing_graded",
            "there is no graded submission to hand in: submit your work first",
        ));
    };
    let definition = definition_of(conn, &team.version_id)?;
    let team = hand_in(conn, team, &definition, &submission, now)?;
    detail(conn, team)
}

/// Hands `submission` in; marks the team at once when the grader alone makes the mark.
fn hand_in(
    conn: &mut DbConn,
    mut team: Team,
    definition: &ProjectDefinition,
    submission: &Submission,
    now: NaiveDateTime,
) -> CoreResult<Team> {
    let mark = grader_mark(submission.score.unwrap_or(0.0));
    team.closed_at = Some(now);
    team.handed_in_submission_id = Some(submission.id.clone());
    team.grader_mark = Some(mark);
    team.updated_at = now;
    if FinalMarkRule::of(definition).needs_peers() {
        team.status = TeamStatus::WaitingForEvaluation;
        teams::update(conn, &team)?;
        return Ok(team);
    }
    finish(conn, team, definition, mark, now, "marked by the grader")
}

/// Sets the final mark: validated or failed, XP to each member, the registration
/// released, and a retry time for a failure.
pub fn finish(
    conn: &mut DbConn,
    mut team: Team,
    definition: &ProjectDefinition,
    mark: i32,
    now: NaiveDateTime,
    reason: &str,
) -> CoreResult<Team> {
    let validated = validates(mark, definition.rules.min_mark);
    team.status = TeamStatus::Finished;
    team.final_mark = Some(mark);
    team.validated = Some(validated);
    team.finished_at = Some(now);
    team.retriable_at = (!validated)
        .then(|| now + Duration::hours(i64::from(definition.rules.retry_cooldown_hours)));
    team.updated_at = now;
    teams::update(conn, &team)?;
    teams::unregister_team(conn, &team.id)?;
    award_xp(conn, &team, definition, reason, now)?;
    Ok(team)
}

/// Brings each member's XP for this team to what its final mark earns: the first
/// marking adds it, a changed mark adds the difference (possibly negative).
fn award_xp(
    conn: &mut DbConn,
    team: &Team,
    definition: &ProjectDefinition,
    reason: &str,
    now: NaiveDateTime,
) -> CoreResult<()> {
    let mark = team.final_mark.unwrap_or(0);
    let earned = xp_earned(definition.xp, mark, team.validated == Some(true));
    for member in teams::members_of(conn, &team.id)?
        .iter()
        .filter(|m| m.member.accepted)
    {
        let so_far = xp::earned_for_team(conn, &member.member.user_id, &team.id)?;
        if earned != so_far {
            xp::insert(
                conn,
                &XpEvent {
                    id: qadam_db::new_id(),
                    user_id: member.member.user_id.clone(),
                    team_id: Some(team.id.clone()),
                    amount: earned - so_far,
                    reason: format!("{}: {reason} ({mark})", definition.slug),
                    at: now,
                },
            )?;
        }
    }
    Ok(())
}

/// Takes back the final mark of an attempt whose peer evaluation was voided: it waits
/// for evaluations again, its XP goes back to what it had before the mark, and its
/// members hold their registration again.
pub fn reopen_for_evaluation(
    conn: &mut DbConn,
    mut team: Team,
    now: NaiveDateTime,
) -> CoreResult<Team> {
    let definition = definition_of(conn, &team.version_id)?;
    team.status = TeamStatus::WaitingForEvaluation;
    team.final_mark = None;
    team.validated = None;
    team.finished_at = None;
    team.retriable_at = None;
    team.updated_at = now;
    teams::update(conn, &team)?;
    award_xp(conn, &team, &definition, "evaluation voided", now)?;
    for member in teams::members_of(conn, &team.id)?
        .iter()
        .filter(|m| m.member.accepted)
    {
        let registration = qadam_db::models::ActiveRegistration {
            user_id: member.member.user_id.clone(),
            project_id: team.project_id.clone(),
            team_id: team.id.clone(),
        };
        teams::register(conn, &registration).map_err(|err| {
            if err.is_unique_violation() {
                CoreError::conflict(
                    "member_has_new_attempt",
                    format!(
                        "{} started a new attempt of {} meanwhile: set the mark by hand instead",
                        member.login, definition.slug
                    ),
                )
            } else {
                err.into()
            }
        })?;
    }
    Ok(team)
}

/// Closes every attempt whose deadline has passed: with its latest graded
/// submission, or as failed when nothing was graded. Returns how many were closed.
pub fn close_past_deadlines(conn: &mut DbConn, now: NaiveDateTime) -> CoreResult<usize> {
    let due = teams::past_deadline(conn, now, 100)?;
    let count = due.len();
    for team in due {
        let definition = definition_of(conn, &team.version_id)?;
        let graded = if team.status == TeamStatus::InProgress {
            submissions::latest_graded(conn, &team.id)?
        } else {
            None
        };
        match graded {
            Some(submission) => {
                hand_in(conn, team, &definition, &submission, now)?;
            }
            None => {
                let mut team = team;
                teams::delete_invitations(conn, &team.id)?;
                team.closed_at = Some(now);
                finish(conn, team, &definition, 0, now, "deadline passed")?;
            }
        }
    }
    Ok(count)
}

/// Staff set a team's final mark by hand, with a reason; XP follows.
pub fn override_mark(
    conn: &mut DbConn,
    actor: &Actor,
    audit_actor: &AuditActor,
    team_id: &str,
    mark: i32,
    reason: &str,
    now: NaiveDateTime,
) -> CoreResult<TeamDetail> {
    let team = found(teams::by_id(conn, team_id)?, "team")?;
    let campus = team.campus_id.clone().map(CampusId::from);
    if actor.role == Role::Student || !actor.manages_campus(campus.as_ref()) {
        return Err(CoreError::NotFound { what: "team" });
    }
    if !(-42..=MAX_MARK as i32).contains(&mark) {
        return Err(CoreError::invalid("mark", "mark: from -42 to 125"));
    }
    if reason.trim().len() < 3 {
        return Err(CoreError::invalid(
            "reason",
            "reason: say why the mark changes (it is kept in the audit log)",
        ));
    }
    if !matches!(
        team.status,
        TeamStatus::Finished | TeamStatus::WaitingForEvaluation
    ) {
        return Err(CoreError::conflict(
            "not_handed_in",
            "only a team that handed in (or was closed) has a mark to set",
        ));
    }
    let definition = definition_of(conn, &team.version_id)?;
    let before = team.final_mark;
    let team = finish(conn, team, &definition, mark, now, "mark set by staff")?;
    audit::record(
        conn,
        audit_actor,
        audit::Event {
            action: "team.mark_override",
            subject_type: "team",
            subject_id: &team.id,
            campus_id: team.campus_id.as_deref(),
            details: json!({"project": definition.slug, "from": before, "to": mark, "reason": reason.trim()}),
        },
    )?;
    detail(conn, team)
}

/// Staff ask for a submission to be graded again (after an image fix, say).
pub fn regrade(
    conn: &mut DbConn,
    actor: &Actor,
    audit_actor: &AuditActor,
    submission_id: &str,
    now: NaiveDateTime,
) -> CoreResult<Submission> {
    let submission = found(submissions::by_id(conn, submission_id)?, "submission")?;
    let team = found(teams::by_id(conn, &submission.team_id)?, "team")?;
    let campus = team.campus_id.clone().map(CampusId::from);
    if actor.role == Role::Student || !actor.manages_campus(campus.as_ref()) {
        return Err(CoreError::NotFound { what: "submission" });
    }
    if jobs::outstanding_for_submission(conn, &submission.id)?.is_some() {
        return Err(CoreError::conflict(
            "grading_in_progress",
            "this submission is already waiting for the grader",
        ));
    }
    crate::submissions::enqueue(conn, &submission, now)?;
    submissions::set_status(conn, &submission.id, SubmissionStatus::Queued)?;
    audit::record(
        conn,
        audit_actor,
        audit::Event {
            action: "submission.regrade",
            subject_type: "submission",
            subject_id: &submission.id,
            campus_id: team.campus_id.as_deref(),
            details: json!({"team": team.id}),
        },
    )?;
    found(submissions::by_id(conn, submission_id)?, "submission")
}
