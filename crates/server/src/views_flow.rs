//! The JSON of the project flow: teams, submissions and their results, progress, the
//! grading queue. Rows are mapped here, never serialised as they are.

use chrono::{DateTime, NaiveDateTime, Utc};
use qadam_core::progress::Progress;
use qadam_core::submissions::{shown_tests, stored_result, ShownTest};
use qadam_core::teams::{TeamAccess, TeamDetail};
use qadam_core::CoreResult;
use qadam_db::models::{Submission, Team};
use qadam_domain::FinalMarkRule;
use serde::Serialize;
use utoipa::ToSchema;

fn utc(at: NaiveDateTime) -> DateTime<Utc> {
    at.and_utc()
}

/// One attempt of a project by a team (a solo project: a team of one).
#[derive(Debug, Serialize, ToSchema)]
pub struct TeamView {
    pub id: String,
    pub name: String,
    pub project: String,
    /// The project version the attempt started on, and is graded and marked by.
    pub project_version: i32,
    /// `forming`, `in_progress`, `waiting_for_evaluation`, `finished` or `abandoned`.
    pub status: String,
    pub attempt: i32,
    pub leader: String,
    pub members: Vec<MemberView>,
    pub team_size: TeamSizeView,
    /// `grader`, `peers` or `min`.
    pub final_mark_rule: String,
    pub min_mark: u32,
    pub created_at: DateTime<Utc>,
    pub deadline_at: Option<DateTime<Utc>>,
    pub locked_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// When a failed attempt may be retried.
    pub retriable_at: Option<DateTime<Utc>>,
    pub handed_in_submission: Option<String>,
    pub grader_mark: Option<i32>,
    pub final_mark: Option<i32>,
    pub validated: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamSizeView {
    pub min: u32,
    pub max: u32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberView {
    pub login: String,
    pub display_name: String,
    /// False while the invitation is pending.
    pub accepted: bool,
    pub leader: bool,
}

impl TeamView {
    pub fn new(detail: &TeamDetail) -> TeamView {
        let team = &detail.team;
        let definition = &detail.definition;
        TeamView {
            id: team.id.clone(),
            name: team.name.clone(),
            project: detail.project.slug.clone(),
            project_version: detail.version,
            status: team.status.as_str().to_string(),
            attempt: team.attempt,
            leader: detail.leader_login.clone(),
            members: detail
                .members
                .iter()
                .map(|m| MemberView {
                    login: m.login.clone(),
                    display_name: m.display_name.clone(),
                    accepted: m.member.accepted,
                    leader: m.member.user_id == team.leader_id,
                })
                .collect(),
            team_size: TeamSizeView {
                min: definition.team.min,
                max: definition.team.max,
            },
            final_mark_rule: FinalMarkRule::of(definition).as_str().to_string(),
            min_mark: definition.rules.min_mark,
            created_at: utc(team.created_at),
            deadline_at: team.deadline_at.map(utc),
            locked_at: team.locked_at.map(utc),
            closed_at: team.closed_at.map(utc),
            finished_at: team.finished_at.map(utc),
            retriable_at: team.retriable_at.map(utc),
            handed_in_submission: team.handed_in_submission_id.clone(),
            grader_mark: team.grader_mark,
            final_mark: team.final_mark,
            validated: team.validated,
        }
    }
}

/// A team in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct TeamSummaryView {
    pub id: String,
    pub name: String,
    pub project: String,
    pub status: String,
    pub attempt: i32,
    pub final_mark: Option<i32>,
    pub validated: Option<bool>,
    pub created_at: DateTime<Utc>,
    /// True while the viewer's invitation to it is pending.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub invited: bool,
}

impl TeamSummaryView {
    pub fn new(team: &Team, project: &str, invited: bool) -> TeamSummaryView {
        TeamSummaryView {
            id: team.id.clone(),
            name: team.name.clone(),
            project: project.to_string(),
            status: team.status.as_str().to_string(),
            attempt: team.attempt,
            final_mark: team.final_mark,
            validated: team.validated,
            created_at: utc(team.created_at),
            invited,
        }
    }
}

/// A submission and, once graded, its verdict.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionView {
    pub id: String,
    pub team: String,
    /// `queued`, `running`, `graded`, or `failed` (on our side: it will be looked at;
    /// never counted against the team).
    pub status: String,
    /// The grader's verdict once graded: `passed`, `failed`, `compilation_error`,
    /// `time_limit`, `memory_limit`, `output_limit`, `crashed`, `forbidden_function`,
    /// `norm_error` (or `not_graded` for a project without tests).
    pub verdict: Option<String>,
    /// 0 to 100: the share of tests passed.
    pub score: Option<f64>,
    pub message: Option<String>,
    #[schema(value_type = Vec<Object>)]
    pub tests: Vec<ShownTest>,
    pub sha256: String,
    /// `tar.gz` or `zip`.
    pub format: String,
    pub size_bytes: i64,
    pub file_count: i32,
    pub submitted_by: String,
    pub submitted_at: DateTime<Utc>,
    pub graded_at: Option<DateTime<Utc>>,
    /// Staff only: how many gradings reached a verdict (1, more after a regrade).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gradings: Option<i64>,
}

impl SubmissionView {
    /// Staff see hidden tests' details; team members see visible ones only.
    pub fn new(
        submission: &Submission,
        submitted_by: String,
        access: TeamAccess,
        gradings: i64,
    ) -> CoreResult<SubmissionView> {
        let result = stored_result(submission)?;
        let full = access == TeamAccess::Staff;
        Ok(SubmissionView {
            id: submission.id.clone(),
            team: submission.team_id.clone(),
            status: submission.status.as_str().to_string(),
            verdict: submission.verdict.clone(),
            score: submission.score,
            message: result.as_ref().map(|r| r.message.clone()),
            tests: result
                .as_ref()
                .map_or_else(Vec::new, |r| shown_tests(r, full)),
            sha256: submission.sha256.clone(),
            format: submission.format.clone(),
            size_bytes: submission.size_bytes,
            file_count: submission.file_count,
            submitted_by,
            submitted_at: utc(submission.submitted_at),
            graded_at: submission.graded_at.map(utc),
            gradings: full.then_some(gradings),
        })
    }
}

/// A submission in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionSummaryView {
    pub id: String,
    pub team: String,
    pub status: String,
    pub verdict: Option<String>,
    pub score: Option<f64>,
    pub submitted_at: DateTime<Utc>,
}

impl From<&Submission> for SubmissionSummaryView {
    fn from(submission: &Submission) -> Self {
        SubmissionSummaryView {
            id: submission.id.clone(),
            team: submission.team_id.clone(),
            status: submission.status.as_str().to_string(),
            verdict: submission.verdict.clone(),
            score: submission.score,
            submitted_at: utc(submission.submitted_at),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProgressView {
    pub login: String,
    pub xp: i64,
    /// Level with the fraction of the way to the next (3.42).
    pub level: f64,
    pub projects: Vec<ProjectProgressView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectProgressView {
    pub project: String,
    /// The newest attempt's status.
    pub status: String,
    pub team: String,
    pub attempts: usize,
    pub validated: bool,
    pub final_mark: Option<i32>,
    pub best_mark: Option<i32>,
    pub retriable_at: Option<DateTime<Utc>>,
}

impl From<&Progress> for ProgressView {
    fn from(progress: &Progress) -> Self {
        ProgressView {
            login: progress.user.login.clone(),
            xp: progress.xp,
            level: progress.level,
            projects: progress
                .projects
                .iter()
                .map(|p| ProjectProgressView {
                    project: p.slug.clone(),
                    status: p.current.status.as_str().to_string(),
                    team: p.current.id.clone(),
                    attempts: p.attempts,
                    validated: p.validated,
                    final_mark: p.current.final_mark,
                    best_mark: p.best_mark,
                    retriable_at: p.current.retriable_at.map(utc),
                })
                .collect(),
        }
    }
}
