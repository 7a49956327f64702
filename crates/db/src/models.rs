//! Rows as they are stored. These are never the JSON a client sees: the server maps
//! them to its own response types.

use crate::schema::{
    active_registrations, app_secrets, audit_log, auth_tokens, campuses, cursus, cursus_projects,
    evaluation_feedback, evaluations, grading_jobs, login_failures, notifications, point_ledger,
    project_subjects, project_versions, projects, review_flags, slots, submissions, team_members,
    teams, users, waitlist_requests, webhook_deliveries, xp_events,
};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use qadam_domain::{CampusId, UserId};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = campuses)]
pub struct Campus {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub time_zone: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: String,
    pub login: String,
    pub display_name: String,
    pub email: Option<String>,
    #[diesel(deserialize_as = String, serialize_as = String)]
    pub role: qadam_domain::Role,
    pub campus_id: Option<String>,
    pub password_hash: String,
    pub disabled: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl User {
    pub fn actor(&self) -> qadam_domain::Actor {
        qadam_domain::Actor {
            user_id: UserId::new(self.id.clone()),
            role: self.role,
            campus_id: self.campus_id.clone().map(CampusId::from),
        }
    }

    pub fn target(&self) -> qadam_domain::access::Target {
        qadam_domain::access::Target {
            user_id: UserId::new(self.id.clone()),
            role: self.role,
            campus_id: self.campus_id.clone().map(CampusId::from),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = auth_tokens)]
pub struct AuthToken {
    pub id: String,
    pub user_id: String,
    pub issued_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = login_failures)]
pub struct LoginFailure {
    pub id: String,
    pub login: String,
    pub address: String,
    pub failed_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_log)]
pub struct AuditEntry {
    pub id: String,
    pub at: NaiveDateTime,
    pub actor_id: Option<String>,
    pub actor_label: String,
    pub action: String,
    pub subject_type: String,
    pub subject_id: String,
    pub campus_id: Option<String>,
    /// A JSON object with what changed (never a secret).
    pub details: String,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = app_secrets)]
pub struct AppSecret {
    pub name: String,
    pub value: String,
    pub created_at: NaiveDateTime,
}

/// A project of the catalog; its content is in [`ProjectVersion`]s.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = projects)]
pub struct ProjectRow {
    pub id: String,
    pub slug: String,
    #[diesel(deserialize_as = String, serialize_as = String)]
    pub kind: qadam_domain::ProjectKind,
    pub name: String,
    pub current_version: i32,
    pub archived_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// One immutable version of a project's content.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = project_versions)]
pub struct ProjectVersion {
    pub id: String,
    pub project_id: String,
    pub version: i32,
    pub content_hash: String,
    /// JSON a student may read.
    pub definition: String,
    /// JSON only the grader reads (hidden tests, harness files).
    pub grading: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = project_subjects)]
pub struct ProjectSubject {
    pub version_id: String,
    pub language: String,
    pub markdown: String,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = cursus)]
pub struct CursusRow {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub content_hash: String,
    pub archived_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// JSON: the name, summary and stage names in other languages.
    pub translations: String,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = cursus_projects)]
pub struct CursusProject {
    pub cursus_id: String,
    pub project_id: String,
    pub stage: i32,
    pub stage_name: String,
    pub position: i32,
}

/// One attempt of a project by a team (a solo project: a team of one).
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = teams)]
pub struct Team {
    pub id: String,
    pub project_id: String,
    pub version_id: String,
    pub campus_id: Option<String>,
    pub leader_id: String,
    pub name: String,
    pub attempt: i32,
    #[diesel(deserialize_as = String, serialize_as = String)]
    pub status: qadam_domain::TeamStatus,
    pub deadline_at: Option<NaiveDateTime>,
    pub locked_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    pub finished_at: Option<NaiveDateTime>,
    pub retriable_at: Option<NaiveDateTime>,
    pub handed_in_submission_id: Option<String>,
    pub grader_mark: Option<i32>,
    pub final_mark: Option<i32>,
    pub validated: Option<bool>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = team_members)]
pub struct TeamMember {
    pub team_id: String,
    pub user_id: String,
    pub accepted: bool,
    pub invited_by: Option<String>,
    pub joined_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = active_registrations)]
pub struct ActiveRegistration {
    pub user_id: String,
    pub project_id: String,
    pub team_id: String,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = submissions)]
pub struct Submission {
    pub id: String,
    pub team_id: String,
    pub sha256: String,
    pub format: String,
    pub size_bytes: i64,
    pub file_count: i32,
    pub submitted_by: String,
    pub submitted_at: NaiveDateTime,
    #[diesel(deserialize_as = String, serialize_as = String)]
    pub status: qadam_domain::SubmissionStatus,
    pub verdict: Option<String>,
    pub score: Option<f64>,
    pub result: Option<String>,
    pub graded_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = grading_jobs)]
pub struct GradingJob {
    pub id: String,
    pub submission_id: String,
    pub team_id: String,
    /// queued | running | done | failed
    pub status: String,
    pub attempts: i32,
    pub run_after: NaiveDateTime,
    pub lease_owner: Option<String>,
    pub lease_expires_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub started_at: Option<NaiveDateTime>,
    pub finished_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = xp_events)]
pub struct XpEvent {
    pub id: String,
    pub user_id: String,
    pub team_id: Option<String>,
    pub amount: i64,
    pub reason: String,
    pub at: NaiveDateTime,
}

/// An evaluator's availability (merged: one row per continuous span).
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = slots)]
pub struct Slot {
    pub id: String,
    pub user_id: String,
    pub campus_id: Option<String>,
    pub begin_at: NaiveDateTime,
    pub end_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = waitlist_requests)]
pub struct WaitlistRequest {
    pub id: String,
    pub team_id: String,
    pub campus_id: Option<String>,
    pub requested_by: String,
    pub before_at: NaiveDateTime,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// One peer evaluation of an attempt, from booking to feedback.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = evaluations)]
pub struct Evaluation {
    pub id: String,
    pub team_id: String,
    pub submission_id: String,
    pub evaluator_id: String,
    pub campus_id: Option<String>,
    pub begin_at: NaiveDateTime,
    pub end_at: NaiveDateTime,
    #[diesel(deserialize_as = String, serialize_as = String)]
    pub status: qadam_domain::EvaluationStatus,
    pub booked_by: String,
    pub waitlist_request_id: Option<String>,
    pub cost: i32,
    pub reward: i32,
    pub presence_code: String,
    pub code_attempts: i32,
    pub remote: bool,
    pub started_at: Option<NaiveDateTime>,
    pub answers: Option<String>,
    pub flag: Option<String>,
    pub comment: Option<String>,
    pub mark: Option<i32>,
    pub completed_at: Option<NaiveDateTime>,
    pub cancelled_by: Option<String>,
    pub absent: Option<String>,
    pub ended_at: Option<NaiveDateTime>,
    pub void_reason: Option<String>,
    pub reveal_notified: bool,
    pub reminder_notified: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// The team's rating of its evaluator.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = evaluation_feedback)]
pub struct Feedback {
    pub evaluation_id: String,
    pub rating: i32,
    /// JSON: `{"nice": true, "rigorous": false, "interested": true, "punctual": true}`.
    pub tags: String,
    pub comment: String,
    pub given_by: String,
    pub given_at: NaiveDateTime,
}

/// One move of a user's evaluation points.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = point_ledger)]
pub struct LedgerEntry {
    pub id: String,
    pub user_id: String,
    pub delta: i32,
    pub balance_after: i32,
    pub reason: String,
    pub evaluation_id: Option<String>,
    pub note: Option<String>,
    pub at: NaiveDateTime,
    pub seq: i64,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = notifications)]
pub struct Notification {
    pub id: String,
    pub user_id: String,
    pub kind: String,
    pub evaluation_id: Option<String>,
    pub team_id: Option<String>,
    pub message: String,
    pub data: String,
    pub created_at: NaiveDateTime,
    pub read_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_deliveries)]
pub struct WebhookDelivery {
    pub id: String,
    pub campus_id: String,
    pub notification_id: String,
    pub body: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub delivered_at: Option<NaiveDateTime>,
    pub failed_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = review_flags)]
pub struct ReviewFlagRow {
    pub id: String,
    pub evaluation_id: String,
    pub campus_id: Option<String>,
    pub kind: String,
    pub details: String,
    pub created_at: NaiveDateTime,
}
