//! The JSON of peer evaluations: slots, bookable times, evaluations as each viewer may
//! see them, points, notifications, review flags and a campus's evaluation settings.

use chrono::{DateTime, NaiveDateTime, Utc};
use qadam_core::evaluations::{BookableTime, EvaluationAccess, EvaluationDetail};
use qadam_core::points::Statement;
use qadam_core::slots::SlotDetail;
use qadam_db::models::{LedgerEntry, Notification, ReviewFlagRow, WaitlistRequest};
use qadam_domain::EvaluationSettings;
use serde::Serialize;
use utoipa::ToSchema;

fn utc(at: NaiveDateTime) -> DateTime<Utc> {
    at.and_utc()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SlotView {
    pub id: String,
    pub begin_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    /// The parts of the slot booked by evaluations (who is evaluated is not shown).
    pub booked: Vec<BookedPartView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BookedPartView {
    pub evaluation: String,
    pub begin_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
}

impl SlotView {
    pub fn new(detail: &SlotDetail) -> SlotView {
        SlotView {
            id: detail.slot.id.clone(),
            begin_at: utc(detail.slot.begin_at),
            end_at: utc(detail.slot.end_at),
            booked: detail
                .booked
                .iter()
                .map(|e| BookedPartView {
                    evaluation: e.id.clone(),
                    begin_at: utc(e.begin_at),
                    end_at: utc(e.end_at),
                })
                .collect(),
        }
    }
}

/// A time the team may book: no names, only how many evaluators are free.
#[derive(Debug, Serialize, ToSchema)]
pub struct BookableView {
    pub begin_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    pub evaluators: u32,
}

impl BookableView {
    pub fn new(time: &BookableTime) -> BookableView {
        BookableView {
            begin_at: utc(time.begin_at),
            end_at: utc(time.end_at),
            evaluators: time.evaluators,
        }
    }
}

/// An evaluation as the viewer may see it. Before the reveal time the team does not
/// see its evaluator, nor the evaluator the team; the presence code is the team's.
#[derive(Debug, Serialize, ToSchema)]
pub struct EvaluationView {
    pub id: String,
    pub project: String,
    /// `booked`, `in_progress`, `completed`, `cancelled`, `no_show` or `voided`.
    pub status: String,
    /// `evaluator`, `team` or `staff`: how the viewer takes part.
    pub role: String,
    pub begin_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    pub duration_minutes: u32,
    /// Whether identities are shown; from `reveal_at` on.
    pub revealed: bool,
    pub reveal_at: DateTime<Utc>,
    pub evaluator: Option<String>,
    pub team: Option<String>,
    pub team_members: Option<Vec<String>>,
    /// The team's: show it to the evaluator at the start.
    pub presence_code: Option<String>,
    pub remote: bool,
    pub started_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    /// Points each member paid to book it.
    pub cost: i32,
    pub reward: i32,
    /// The grading sheet (evaluator and staff).
    #[schema(value_type = Option<Object>)]
    pub sheet: Option<serde_json::Value>,
    #[schema(value_type = Option<Object>)]
    pub answers: Option<serde_json::Value>,
    pub flag: Option<String>,
    pub comment: Option<String>,
    pub mark: Option<i32>,
    /// For a no-show: `team`, `evaluator` or `unknown`.
    pub absent: Option<String>,
    pub cancelled: bool,
    pub void_reason: Option<String>,
    pub feedback: Option<FeedbackView>,
    /// Staff only.
    pub review_flags: Vec<ReviewFlagView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeedbackView {
    pub rating: i32,
    #[schema(value_type = Object)]
    pub tags: serde_json::Value,
    pub comment: String,
    pub given_at: DateTime<Utc>,
}

impl EvaluationView {
    pub fn new(detail: &EvaluationDetail) -> EvaluationView {
        let e = &detail.evaluation;
        EvaluationView {
            id: e.id.clone(),
            project: detail.project_slug.clone(),
            status: e.status.as_str().into(),
            role: match detail.access {
                EvaluationAccess::Evaluator => "evaluator",
                EvaluationAccess::Team => "team",
                EvaluationAccess::Staff => "staff",
            }
            .into(),
            begin_at: utc(e.begin_at),
            end_at: utc(e.end_at),
            duration_minutes: detail.duration_minutes,
            revealed: detail.revealed,
            reveal_at: utc(detail.reveal_at),
            evaluator: detail.evaluator_login.clone(),
            team: detail.team_name.clone(),
            team_members: detail.team_logins.clone(),
            presence_code: detail.presence_code.clone(),
            remote: e.remote,
            started_at: e.started_at.map(utc),
            completed_at: e.completed_at.map(utc),
            cost: e.cost,
            reward: e.reward,
            sheet: detail
                .sheet
                .as_ref()
                .and_then(|sheet| serde_json::to_value(sheet).ok()),
            answers: e
                .answers
                .as_deref()
                .and_then(|a| serde_json::from_str(a).ok()),
            flag: e.flag.clone(),
            comment: e.comment.clone(),
            mark: e.mark,
            absent: e.absent.clone(),
            cancelled: e.cancelled_by.is_some(),
            void_reason: e.void_reason.clone(),
            feedback: detail.feedback.as_ref().map(|f| FeedbackView {
                rating: f.rating,
                tags: serde_json::from_str(&f.tags).unwrap_or_default(),
                comment: f.comment.clone(),
                given_at: utc(f.given_at),
            }),
            review_flags: detail
                .review_flags
                .iter()
                .map(ReviewFlagView::new)
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewFlagView {
    pub id: String,
    pub evaluation: String,
    /// `far_from_grader`, `too_fast`, `frequent_pair`, `always_full_marks`, `staff_alert`.
    pub kind: String,
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

impl ReviewFlagView {
    pub fn new(row: &ReviewFlagRow) -> ReviewFlagView {
        ReviewFlagView {
            id: row.id.clone(),
            evaluation: row.evaluation_id.clone(),
            kind: row.kind.clone(),
            details: serde_json::from_str(&row.details).unwrap_or_default(),
            created_at: utc(row.created_at),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WaitlistView {
    pub id: String,
    pub team: String,
    pub before: DateTime<Utc>,
    /// `waiting`, `matched`, `cancelled` or `expired`.
    pub status: String,
    pub created_at: DateTime<Utc>,
}

impl WaitlistView {
    pub fn new(request: &WaitlistRequest) -> WaitlistView {
        WaitlistView {
            id: request.id.clone(),
            team: request.team_id.clone(),
            before: utc(request.before_at),
            status: request.status.clone(),
            created_at: utc(request.created_at),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PointsView {
    pub balance: i32,
    /// The sum of the ledger: always equal to the balance.
    pub ledger_sum: i64,
    pub history: Vec<LedgerEntryView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LedgerEntryView {
    pub delta: i32,
    pub balance_after: i32,
    /// `starting_balance`, `booking`, `refund`, `evaluation_reward`, `cancel_penalty`,
    /// `no_show_penalty`, `void_refund`, `void_reward_taken_back`.
    pub reason: String,
    pub evaluation: Option<String>,
    pub at: DateTime<Utc>,
}

impl PointsView {
    pub fn new(statement: &Statement) -> PointsView {
        PointsView {
            balance: statement.balance,
            ledger_sum: statement.ledger_sum,
            history: statement.history.iter().map(LedgerEntryView::new).collect(),
        }
    }
}

impl LedgerEntryView {
    fn new(row: &LedgerEntry) -> LedgerEntryView {
        LedgerEntryView {
            delta: row.delta,
            balance_after: row.balance_after,
            reason: row.reason.clone(),
            evaluation: row.evaluation_id.clone(),
            at: utc(row.at),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationView {
    pub id: String,
    pub kind: String,
    pub message: String,
    pub evaluation: Option<String>,
    pub team: Option<String>,
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
    pub created_at: DateTime<Utc>,
    pub read: bool,
}

impl NotificationView {
    pub fn new(row: &Notification) -> NotificationView {
        NotificationView {
            id: row.id.clone(),
            kind: row.kind.clone(),
            message: row.message.clone(),
            evaluation: row.evaluation_id.clone(),
            team: row.team_id.clone(),
            data: serde_json::from_str(&row.data).unwrap_or_default(),
            created_at: utc(row.created_at),
            read: row.read_at.is_some(),
        }
    }
}

/// A campus's evaluation settings; the webhook's secret is never shown, only whether
/// one is set.
#[derive(Debug, Serialize, ToSchema)]
pub struct EvaluationSettingsView {
    #[schema(value_type = Object)]
    #[serde(flatten)]
    pub settings: serde_json::Value,
}

impl EvaluationSettingsView {
    pub fn new(settings: &EvaluationSettings) -> EvaluationSettingsView {
        let mut value = serde_json::to_value(settings).unwrap_or_default();
        value["webhook_secret"] = serde_json::json!(settings.webhook_secret.is_some());
        EvaluationSettingsView { settings: value }
    }
}
