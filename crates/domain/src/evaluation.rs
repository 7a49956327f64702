//! The rules of peer evaluation, with no I/O: a campus's settings and economy, slots
//! (15-minute granules, merged per evaluator), the times a team may book, who may
//! evaluate whom and how one evaluator is chosen among many, the waitlist's order,
//! scoring a grading sheet (bonus only on a perfect mandatory part), the peers' mark,
//! points with a cap, cancellations, review flags for staff, and the load spread.

use crate::curriculum::{EvaluationRules, Flag, FlagEffect, QuestionKind, Sheet, MAX_MARK};
use crate::FinalMarkRule;
use chrono::{Duration, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Slots and booked times start and end on these.
pub const GRANULE_MINUTES: i64 = 15;

/// One campus's evaluation rules and economy, set by its staff; defaults when unset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EvaluationSettings {
    /// The shortest slot an evaluator may open.
    pub slot_min_minutes: u32,
    /// Slots and bookings start at least this far ahead...
    pub book_min_ahead_minutes: u32,
    /// ...and end at most this far ahead.
    pub book_max_ahead_days: u32,
    /// Evaluator and team learn who the other is this long before the start.
    pub reveal_minutes: u32,
    /// The "starting soon" notification comes this long before the start.
    pub reminder_minutes: u32,
    /// Cancelling at least this long before the start refunds the team (or spares an
    /// evaluator the penalty).
    pub cancel_notice_minutes: u32,
    /// An evaluation not started this long after its start may be reported a no-show.
    pub no_show_grace_minutes: u32,
    /// Whether an evaluator may start without the presence code (online evaluations).
    pub remote_allowed: bool,
    /// The evaluator's comment is at least this long.
    pub comment_min_chars: u32,
    /// Points a new account starts with.
    pub starting_balance: u32,
    /// No balance grows past this; what would is sent to the campus pool.
    pub balance_cap: u32,
    /// Points an evaluator loses for cancelling late or not showing up.
    pub evaluator_cancel_penalty: u32,
    /// Where the campus's notifications are also posted (HMAC-signed), if anywhere.
    pub webhook_url: Option<String>,
    /// The key of the webhook's signature; never shown back.
    pub webhook_secret: Option<String>,
}

impl Default for EvaluationSettings {
    fn default() -> Self {
        EvaluationSettings {
            slot_min_minutes: 30,
            book_min_ahead_minutes: 30,
            book_max_ahead_days: 14,
            reveal_minutes: 15,
            reminder_minutes: 5,
            cancel_notice_minutes: 120,
            no_show_grace_minutes: 15,
            remote_allowed: false,
            comment_min_chars: 20,
            starting_balance: 5,
            balance_cap: 20,
            evaluator_cancel_penalty: 1,
            webhook_url: None,
            webhook_secret: None,
        }
    }
}

impl EvaluationSettings {
    /// Every problem with the settings, as `(field, message)`.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if self.slot_min_minutes == 0 || i64::from(self.slot_min_minutes) % GRANULE_MINUTES != 0 {
            problems.push((
                "slot_min_minutes",
                "slot_min_minutes: a positive multiple of 15".to_string(),
            ));
        }
        if !(1..=60).contains(&self.book_max_ahead_days) {
            problems.push((
                "book_max_ahead_days",
                "book_max_ahead_days: from 1 to 60".to_string(),
            ));
        }
        if self.reveal_minutes > 24 * 60 {
            problems.push((
                "reveal_minutes",
                "reveal_minutes: at most a day".to_string(),
            ));
        }
        if self.balance_cap == 0 || self.balance_cap < self.starting_balance {
            problems.push((
                "balance_cap",
                "balance_cap: at least 1 and at least the starting balance".to_string(),
            ));
        }
        if self.comment_min_chars > 2000 {
            problems.push((
                "comment_min_chars",
                "comment_min_chars: at most 2000".to_string(),
            ));
        }
        match (&self.webhook_url, &self.webhook_secret) {
            (Some(url), secret) => {
                if !(url.starts_with("http://") || url.starts_with("https://")) {
                    problems.push((
                        "webhook_url",
                        "webhook_url: an http:// or https:// address".to_string(),
                    ));
                }
                if secret.as_ref().is_none_or(|s| s.len() < 16) {
                    problems.push((
                        "webhook_secret",
                        "webhook_secret: at least 16 characters, to sign the webhook's posts"
                            .to_string(),
                    ));
                }
            }
            (None, Some(_)) => problems.push((
                "webhook_secret",
                "webhook_secret: set webhook_url too".to_string(),
            )),
            (None, None) => {}
        }
        problems
    }
}

/// A span of time, `begin` included and `end` excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Interval {
    pub begin: NaiveDateTime,
    pub end: NaiveDateTime,
}

impl Interval {
    pub fn new(begin: NaiveDateTime, end: NaiveDateTime) -> Interval {
        Interval { begin, end }
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        self.begin < other.end && other.begin < self.end
    }

    /// Overlapping or end to end: two such slots of one evaluator become one.
    pub fn touches(&self, other: &Interval) -> bool {
        self.begin <= other.end && other.begin <= self.end
    }

    pub fn contains(&self, other: &Interval) -> bool {
        self.begin <= other.begin && other.end <= self.end
    }

    pub fn minutes(&self) -> i64 {
        (self.end - self.begin).num_minutes()
    }
}

/// Whether a time falls on a 15-minute granule (seconds and below zero).
pub fn on_granule(at: NaiveDateTime) -> bool {
    i64::from(at.minute()) % GRANULE_MINUTES == 0 && at.second() == 0 && at.nanosecond() == 0
}

/// Why a slot (or a part of one) may not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlotProblem {
    EndsBeforeBegin,
    NotOnGranule,
    TooShort { min_minutes: u32 },
    TooSoon { earliest: NaiveDateTime },
    TooFar { latest: NaiveDateTime },
}

impl SlotProblem {
    pub fn code(&self) -> &'static str {
        match self {
            SlotProblem::EndsBeforeBegin => "slot_ends_before_begin",
            SlotProblem::NotOnGranule => "slot_not_on_granule",
            SlotProblem::TooShort { .. } => "slot_too_short",
            SlotProblem::TooSoon { .. } => "slot_too_soon",
            SlotProblem::TooFar { .. } => "slot_too_far",
        }
    }

    pub fn message(&self) -> String {
        match self {
            SlotProblem::EndsBeforeBegin => "a slot ends after it begins".into(),
            SlotProblem::NotOnGranule => {
                "a slot begins and ends on a quarter hour (:00, :15, :30, :45)".into()
            }
            SlotProblem::TooShort { min_minutes } => {
                format!("a slot lasts at least {min_minutes} minutes")
            }
            SlotProblem::TooSoon { earliest } => format!(
                "a slot begins at {} UTC at the earliest",
                earliest.format("%Y-%m-%d %H:%M")
            ),
            SlotProblem::TooFar { latest } => format!(
                "a slot ends at {} UTC at the latest",
                latest.format("%Y-%m-%d %H:%M")
            ),
        }
    }
}

/// The window in which slots and bookings may lie, seen at `now`.
pub fn booking_window(now: NaiveDateTime, settings: &EvaluationSettings) -> Interval {
    Interval::new(
        now + Duration::minutes(i64::from(settings.book_min_ahead_minutes)),
        now + Duration::days(i64::from(settings.book_max_ahead_days)),
    )
}

/// Checks a new slot against the campus's rules.
pub fn check_slot(
    slot: Interval,
    now: NaiveDateTime,
    settings: &EvaluationSettings,
) -> Result<(), SlotProblem> {
    if slot.end <= slot.begin {
        return Err(SlotProblem::EndsBeforeBegin);
    }
    if !on_granule(slot.begin) || !on_granule(slot.end) {
        return Err(SlotProblem::NotOnGranule);
    }
    if slot.minutes() < i64::from(settings.slot_min_minutes) {
        return Err(SlotProblem::TooShort {
            min_minutes: settings.slot_min_minutes,
        });
    }
    let window = booking_window(now, settings);
    if slot.begin < window.begin {
        return Err(SlotProblem::TooSoon {
            earliest: next_granule(window.begin),
        });
    }
    if slot.end > window.end {
        return Err(SlotProblem::TooFar { latest: window.end });
    }
    Ok(())
}

/// The first granule at or after `at`.
pub fn next_granule(at: NaiveDateTime) -> NaiveDateTime {
    let step = GRANULE_MINUTES * 60;
    let seconds = at.and_utc().timestamp();
    let rounded = if on_granule(at) {
        seconds
    } else {
        (seconds.div_euclid(step) + 1) * step
    };
    chrono::DateTime::from_timestamp(rounded, 0)
        .map(|at| at.naive_utc())
        .unwrap_or(at)
}

/// A new slot and the evaluator's existing ones it touches, merged into one.
pub fn merge(new: Interval, existing: &[Interval]) -> Interval {
    let mut merged = new;
    // Merging can make the span touch a slot it did not touch before: go until stable.
    loop {
        let before = merged;
        for slot in existing {
            if slot.touches(&merged) {
                merged.begin = merged.begin.min(slot.begin);
                merged.end = merged.end.max(slot.end);
            }
        }
        if merged == before {
            return merged;
        }
    }
}

/// What is left of `slot` after removing `part`: nothing, one piece or two.
pub fn cut(slot: Interval, part: Interval) -> Vec<Interval> {
    [
        Interval::new(slot.begin, part.begin.min(slot.end)),
        Interval::new(part.end.max(slot.begin), slot.end),
    ]
    .into_iter()
    .filter(|piece| piece.end > piece.begin)
    .collect()
}

/// The start times, on granules, at which an evaluation of `minutes` fits in one of
/// `slots` without overlapping `busy`, and begins inside `window`. Sorted, distinct.
pub fn free_starts(
    slots: &[Interval],
    busy: &[Interval],
    minutes: i64,
    window: Interval,
) -> Vec<NaiveDateTime> {
    let length = Duration::minutes(minutes);
    let mut starts = Vec::new();
    for slot in slots {
        let mut at = next_granule(slot.begin.max(window.begin));
        while at + length <= slot.end && at <= window.end {
            let wanted = Interval::new(at, at + length);
            if !busy.iter().any(|taken| taken.overlaps(&wanted)) {
                starts.push(at);
            }
            at += Duration::minutes(GRANULE_MINUTES);
        }
    }
    starts.sort();
    starts.dedup();
    starts
}

/// What the rules need to know of a possible evaluator of one attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct EvaluatorFacts {
    pub is_student: bool,
    pub disabled: bool,
    pub same_campus: bool,
    /// A member of the evaluated team, or invited to it.
    pub in_team: bool,
    /// Has already evaluated (or is booked to evaluate) this attempt.
    pub evaluated_this_attempt: bool,
    pub level: f64,
    pub validated_project: bool,
}

/// Why someone may not evaluate an attempt, or `None` when they may.
pub fn ineligibility(facts: &EvaluatorFacts, rules: &EvaluationRules) -> Option<&'static str> {
    if !facts.is_student || facts.disabled {
        Some("only active students evaluate")
    } else if !facts.same_campus {
        Some("evaluators come from the team's campus")
    } else if facts.in_team {
        Some("nobody evaluates their own team")
    } else if facts.evaluated_this_attempt {
        Some("nobody evaluates the same attempt twice")
    } else if facts.level < rules.evaluator_min_level {
        Some("below the project's evaluator level")
    } else if rules.evaluator_must_have_validated && !facts.validated_project {
        Some("has not validated the project")
    } else {
        None
    }
}

/// An evaluator free at the wanted time, with what the choice weighs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub user_id: String,
    /// Evaluations given or booked over the last 30 days and ahead.
    pub load: i64,
    /// Evaluations between this evaluator and any member of the team (either way)
    /// over the last 30 days.
    pub meetings: i64,
}

/// The fair order of candidates: the least weight first, where weight = load + 2 x
/// meetings (a pair that met before counts as two more evaluations), ties broken by a
/// hash of the attempt and the evaluator, so equal candidates share the work without
/// the same one always winning.
pub fn rank_candidates(mut candidates: Vec<Candidate>, attempt_id: &str) -> Vec<Candidate> {
    candidates.sort_by_key(|c| {
        (
            c.load + 2 * c.meetings,
            tie_break(attempt_id, &c.user_id),
            c.user_id.clone(),
        )
    });
    candidates
}

/// FNV-1a over both ids: stable across runs and processes, spread evenly.
fn tie_break(attempt_id: &str, user_id: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in attempt_id.bytes().chain([0]).chain(user_id.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A waiting request as the matcher orders them: oldest first, then by id.
pub fn waitlist_order<T>(requests: &mut [T], key: impl Fn(&T) -> (NaiveDateTime, String)) {
    requests.sort_by_key(|request| key(request));
}

/// Why a filled-in sheet is not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetProblem {
    UnknownQuestion(String),
    MissingAnswer(String),
    BadAnswer { question: String, expected: String },
    FlagNotOnSheet(Flag),
}

impl SheetProblem {
    pub fn message(&self) -> String {
        match self {
            SheetProblem::UnknownQuestion(id) => {
                format!("answers: the sheet has no question {id}")
            }
            SheetProblem::MissingAnswer(id) => {
                format!("answers: question {id} is not answered (every question but bonus ones is)")
            }
            SheetProblem::BadAnswer { question, expected } => {
                format!("answers: question {question} takes {expected}")
            }
            SheetProblem::FlagNotOnSheet(flag) => format!(
                "flag: {} is not one of this sheet's flags",
                serde_json::to_string(flag).unwrap_or_default()
            ),
        }
    }
}

/// Questions are named `section.question`, both counted from 1 (`"2.3"`).
pub fn question_ids(sheet: &Sheet) -> Vec<String> {
    let mut ids = Vec::new();
    for (s, section) in sheet.sections.iter().enumerate() {
        for q in 0..section.questions.len() {
            ids.push(format!("{}.{}", s + 1, q + 1));
        }
    }
    ids
}

/// The mark a filled-in sheet gives: the mandatory questions' share of their points
/// (0 to 100, rounded down); bonus questions add up to 25 more only when the mandatory
/// part is perfect, as at 42. A negative flag replaces the mark (0; Cheat -42).
pub fn score_sheet(
    sheet: &Sheet,
    answers: &BTreeMap<String, serde_json::Value>,
    flag: Flag,
) -> Result<i32, SheetProblem> {
    if !sheet.flags.contains(&flag) {
        return Err(SheetProblem::FlagNotOnSheet(flag));
    }
    let known = question_ids(sheet);
    if let Some(unknown) = answers.keys().find(|id| !known.contains(id)) {
        return Err(SheetProblem::UnknownQuestion(unknown.clone()));
    }
    let (mut mandatory, mut mandatory_max, mut bonus, mut bonus_max) = (0u32, 0u32, 0u32, 0u32);
    for (s, section) in sheet.sections.iter().enumerate() {
        for (q, question) in section.questions.iter().enumerate() {
            let id = format!("{}.{}", s + 1, q + 1);
            let points = match answers.get(&id) {
                None if question.bonus => 0,
                None => return Err(SheetProblem::MissingAnswer(id)),
                Some(value) => {
                    answer_points(question.kind, value).ok_or_else(|| SheetProblem::BadAnswer {
                        question: id.clone(),
                        expected: match question.kind {
                            QuestionKind::YesNo => "true or false".into(),
                            QuestionKind::Rating => "a whole number from 0 to 5".into(),
                        },
                    })?
                }
            };
            let max = question.kind.max_points();
            if question.bonus {
                bonus += points;
                bonus_max += max;
            } else {
                mandatory += points;
                mandatory_max += max;
            }
        }
    }
    if let FlagEffect::SetMark(mark) = flag.effect() {
        return Ok(mark);
    }
    if mandatory_max == 0 {
        return Ok(0);
    }
    let mut mark = mandatory * 100 / mandatory_max;
    if mandatory == mandatory_max && bonus_max > 0 {
        mark += bonus * (MAX_MARK - 100) / bonus_max;
    }
    Ok(mark.min(MAX_MARK) as i32)
}

fn answer_points(kind: QuestionKind, value: &serde_json::Value) -> Option<u32> {
    match kind {
        QuestionKind::YesNo => value.as_bool().map(u32::from),
        QuestionKind::Rating => value.as_u64().filter(|&v| v <= 5).map(|v| v as u32),
    }
}

/// The peers' mark of an attempt from its completed evaluations (mark, flag): a Cheat
/// anywhere is -42, another negative flag anywhere is 0, else the mean, rounded down.
pub fn peers_mark(evaluations: &[(i32, Flag)]) -> Option<i32> {
    if evaluations.is_empty() {
        return None;
    }
    if evaluations.iter().any(|(_, flag)| *flag == Flag::Cheat) {
        return Some(-42);
    }
    if evaluations.iter().any(|(_, flag)| !flag.is_positive()) {
        return Some(0);
    }
    let sum: i64 = evaluations.iter().map(|(mark, _)| i64::from(*mark)).sum();
    Some(sum.div_euclid(evaluations.len() as i64) as i32)
}

/// The final mark by the project's rule, once the peers have marked.
pub fn final_mark(rule: FinalMarkRule, grader: Option<i32>, peers: i32) -> i32 {
    match (rule, grader) {
        (FinalMarkRule::Grader, Some(grader)) => grader,
        (FinalMarkRule::Min, Some(grader)) => grader.min(peers),
        _ => peers,
    }
}

/// How a credit splits between a balance and the campus pool, given the cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Credit {
    pub to_user: i32,
    pub to_pool: i32,
}

pub fn credit_with_cap(balance: i32, amount: i32, cap: u32) -> Credit {
    let room = (cap as i32 - balance).max(0);
    let to_user = amount.clamp(0, room);
    Credit {
        to_user,
        to_pool: amount - to_user,
    }
}

/// Who cancels a booked evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelledBy {
    Team,
    Evaluator,
}

/// What a cancellation moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CancelOutcome {
    /// Each member gets the booking's cost back.
    pub refund_team: bool,
    /// The evaluator loses the campus's penalty (as far as their balance goes).
    pub penalize_evaluator: bool,
}

/// A team cancelling with notice is refunded (without, its points go to the pool); an
/// evaluator cancelling always refunds the team, and pays a penalty without notice.
pub fn cancellation(
    by: CancelledBy,
    now: NaiveDateTime,
    begin: NaiveDateTime,
    settings: &EvaluationSettings,
) -> CancelOutcome {
    let with_notice = begin - now >= Duration::minutes(i64::from(settings.cancel_notice_minutes));
    match by {
        CancelledBy::Team => CancelOutcome {
            refund_team: with_notice,
            penalize_evaluator: false,
        },
        CancelledBy::Evaluator => CancelOutcome {
            refund_team: true,
            penalize_evaluator: !with_notice && settings.evaluator_cancel_penalty > 0,
        },
    }
}

/// What a staff member should look at after an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewFlag {
    /// The peer mark is 40 or more away from the grader's.
    FarFromGrader,
    /// The sheet was filled in under a third of the evaluation's duration.
    TooFast,
    /// This evaluator and a member of the team met three or more times in 30 days.
    FrequentPair,
    /// The evaluator's last five marks or more were all 100 or above.
    AlwaysFullMarks,
    /// Cheat or Concerning situation was flagged.
    StaffAlert,
}

impl ReviewFlag {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewFlag::FarFromGrader => "far_from_grader",
            ReviewFlag::TooFast => "too_fast",
            ReviewFlag::FrequentPair => "frequent_pair",
            ReviewFlag::AlwaysFullMarks => "always_full_marks",
            ReviewFlag::StaffAlert => "staff_alert",
        }
    }
}

/// The facts behind review flags, gathered when a sheet is submitted.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewFacts {
    pub mark: i32,
    pub flag: Flag,
    pub grader_mark: Option<i32>,
    pub minutes_spent: i64,
    pub duration_minutes: u32,
    /// Meetings of the evaluator with the team's members over 30 days, this one included.
    pub pair_meetings: i64,
    /// The evaluator's latest marks, this one included, newest first.
    pub evaluator_recent_marks: Vec<i32>,
}

pub fn review_flags(facts: &ReviewFacts) -> Vec<ReviewFlag> {
    let mut flags = Vec::new();
    if facts
        .grader_mark
        .is_some_and(|grader| (grader - facts.mark).abs() >= 40)
    {
        flags.push(ReviewFlag::FarFromGrader);
    }
    if facts.minutes_spent * 3 < i64::from(facts.duration_minutes) {
        flags.push(ReviewFlag::TooFast);
    }
    if facts.pair_meetings >= 3 {
        flags.push(ReviewFlag::FrequentPair);
    }
    let recent = &facts.evaluator_recent_marks;
    if recent.len() >= 5 && recent.iter().take(5).all(|&mark| mark >= 100) {
        flags.push(ReviewFlag::AlwaysFullMarks);
    }
    if facts.flag.alerts_staff() {
        flags.push(ReviewFlag::StaffAlert);
    }
    flags
}

/// The Gini coefficient of a load (0: all equal; near 1: one takes everything).
pub fn gini(values: &[i64]) -> f64 {
    let n = values.len();
    let total: i64 = values.iter().sum();
    if n == 0 || total == 0 {
        return 0.0;
    }
    let mut sorted = values.to_vec();
    sorted.sort();
    let weighted: i64 = sorted
        .iter()
        .enumerate()
        .map(|(i, &v)| (2 * (i as i64 + 1) - n as i64 - 1) * v)
        .sum();
    weighted as f64 / (n as f64 * total as f64)
}

/// Where an evaluation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationStatus {
    Booked,
    InProgress,
    Completed,
    Cancelled,
    NoShow,
    /// Completed, then voided by staff: it counts for nothing.
    Voided,
}

impl EvaluationStatus {
    pub const ALL: [EvaluationStatus; 6] = [
        EvaluationStatus::Booked,
        EvaluationStatus::InProgress,
        EvaluationStatus::Completed,
        EvaluationStatus::Cancelled,
        EvaluationStatus::NoShow,
        EvaluationStatus::Voided,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EvaluationStatus::Booked => "booked",
            EvaluationStatus::InProgress => "in_progress",
            EvaluationStatus::Completed => "completed",
            EvaluationStatus::Cancelled => "cancelled",
            EvaluationStatus::NoShow => "no_show",
            EvaluationStatus::Voided => "voided",
        }
    }

    pub fn parse(text: &str) -> Option<EvaluationStatus> {
        Self::ALL.into_iter().find(|status| status.as_str() == text)
    }

    /// Booked, running or done: it holds the evaluator's time and counts for the team.
    pub fn holds(self) -> bool {
        matches!(
            self,
            EvaluationStatus::Booked | EvaluationStatus::InProgress | EvaluationStatus::Completed
        )
    }
}

/// The presence code of an evaluation: six digits from random bytes.
pub fn presence_code(random: [u8; 4]) -> String {
    format!("{:06}", u32::from_le_bytes(random) % 1_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curriculum::{SheetQuestion, SheetSection};
    use chrono::NaiveDate;

    fn at(h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 7)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    fn span(from: (u32, u32), to: (u32, u32)) -> Interval {
        Interval::new(at(from.0, from.1), at(to.0, to.1))
    }

    #[test]
    fn slots_keep_to_granules_length_and_the_window() {
        let settings = EvaluationSettings::default();
        let now = at(8, 0);
        assert_eq!(check_slot(span((9, 0), (10, 0)), now, &settings), Ok(()));
        assert_eq!(
            check_slot(span((9, 10), (10, 0)), now, &settings),
            Err(SlotProblem::NotOnGranule)
        );
        assert_eq!(
            check_slot(span((9, 0), (9, 15)), now, &settings),
            Err(SlotProblem::TooShort { min_minutes: 30 })
        );
        assert_eq!(
            check_slot(span((8, 15), (9, 0)), now, &settings),
            Err(SlotProblem::TooSoon {
                earliest: at(8, 30)
            })
        );
        assert!(matches!(
            check_slot(
                Interval::new(at(9, 0), at(9, 0) + Duration::days(15)),
                now,
                &settings
            ),
            Err(SlotProblem::TooFar { .. })
        ));
        assert_eq!(
            check_slot(span((10, 0), (9, 0)), now, &settings),
            Err(SlotProblem::EndsBeforeBegin)
        );
        assert_eq!(next_granule(at(8, 1)), at(8, 15));
        assert_eq!(next_granule(at(8, 45)), at(8, 45));
    }

    #[test]
    fn overlapping_and_touching_slots_merge_and_parts_cut_out() {
        let existing = [
            span((9, 0), (10, 0)),
            span((10, 30), (11, 0)),
            span((14, 0), (15, 0)),
        ];
        assert_eq!(
            merge(span((9, 45), (10, 30)), &existing),
            span((9, 0), (11, 0))
        );
        assert_eq!(
            merge(span((12, 0), (13, 0)), &existing),
            span((12, 0), (13, 0))
        );
        assert_eq!(
            merge(span((13, 0), (14, 0)), &existing),
            span((13, 0), (15, 0))
        );
        assert_eq!(
            cut(span((9, 0), (12, 0)), span((10, 0), (11, 0))),
            vec![span((9, 0), (10, 0)), span((11, 0), (12, 0))]
        );
        assert_eq!(cut(span((9, 0), (12, 0)), span((8, 0), (13, 0))), vec![]);
        assert_eq!(
            cut(span((9, 0), (12, 0)), span((9, 0), (10, 0))),
            vec![span((10, 0), (12, 0))]
        );
    }

    #[test]
    fn free_starts_fit_the_duration_and_skip_what_is_booked() {
        let window = span((8, 0), (23, 0));
        let starts = free_starts(
            &[span((9, 0), (10, 30))],
            &[span((9, 30), (10, 0))],
            30,
            window,
        );
        assert_eq!(starts, vec![at(9, 0), at(10, 0)]);
        let late_window = span((9, 20), (23, 0));
        assert_eq!(
            free_starts(&[span((9, 0), (10, 0))], &[], 30, late_window),
            vec![at(9, 30)]
        );
    }

    fn rules(min_level: f64, must_have_validated: bool) -> EvaluationRules {
        EvaluationRules {
            peers: 2,
            duration_minutes: 30,
            evaluator_min_level: min_level,
            evaluator_must_have_validated: must_have_validated,
            cost: 1,
            reward: 1,
        }
    }

    #[test]
    fn eligibility_excludes_the_team_repeats_and_the_unqualified() {
        let able = EvaluatorFacts {
            is_student: true,
            disabled: false,
            same_campus: true,
            in_team: false,
            evaluated_this_attempt: false,
            level: 2.5,
            validated_project: true,
        };
        assert_eq!(ineligibility(&able, &rules(2.0, true)), None);
        let cases = [
            EvaluatorFacts {
                in_team: true,
                ..able.clone()
            },
            EvaluatorFacts {
                evaluated_this_attempt: true,
                ..able.clone()
            },
            EvaluatorFacts {
                level: 1.9,
                ..able.clone()
            },
            EvaluatorFacts {
                validated_project: false,
                ..able.clone()
            },
            EvaluatorFacts {
                same_campus: false,
                ..able.clone()
            },
            EvaluatorFacts {
                is_student: false,
                ..able.clone()
            },
        ];
        for facts in cases {
            assert!(
                ineligibility(&facts, &rules(2.0, true)).is_some(),
                "{facts:?}"
            );
        }
        let unvalidated = EvaluatorFacts {
            validated_project: false,
            ..able
        };
        assert_eq!(ineligibility(&unvalidated, &rules(0.0, false)), None);
    }

    #[test]
    fn candidates_rank_by_load_and_meetings() {
        let c = |id: &str, load, meetings| Candidate {
            user_id: id.into(),
            load,
            meetings,
        };
        let ranked = rank_candidates(
            vec![c("busy", 5, 0), c("friend", 1, 2), c("fresh", 2, 0)],
            "team",
        );
        let order: Vec<&str> = ranked.iter().map(|c| c.user_id.as_str()).collect();
        assert_eq!(order, vec!["fresh", "busy", "friend"]);
        // Equal weights are spread by attempt: over many attempts each wins some.
        let mut wins = BTreeMap::new();
        for attempt in 0..200 {
            let ranked = rank_candidates(
                vec![c("a", 1, 0), c("b", 1, 0), c("c", 1, 0)],
                &format!("attempt-{attempt}"),
            );
            *wins.entry(ranked[0].user_id.clone()).or_insert(0) += 1;
        }
        assert_eq!(wins.len(), 3, "{wins:?}");
        assert!(wins.values().all(|&n| n > 30), "{wins:?}");
    }

    #[test]
    fn the_waitlist_serves_the_oldest_first() {
        let mut requests = vec![
            (at(10, 0), "b".to_string()),
            (at(9, 0), "c".to_string()),
            (at(10, 0), "a".to_string()),
        ];
        waitlist_order(&mut requests, |r| r.clone());
        let order: Vec<&str> = requests.iter().map(|r| r.1.as_str()).collect();
        assert_eq!(order, vec!["c", "a", "b"]);
    }

    fn sheet() -> Sheet {
        let question = |kind, bonus| SheetQuestion {
            text: "q".into(),
            kind,
            max_points: kind.max_points(),
            bonus,
            guidelines: None,
        };
        Sheet {
            guidelines: String::new(),
            flags: vec![Flag::Ok, Flag::Outstanding, Flag::Crash, Flag::Cheat],
            sections: vec![
                SheetSection {
                    name: "mandatory".into(),
                    guidelines: None,
                    questions: vec![
                        question(QuestionKind::YesNo, false),
                        question(QuestionKind::Rating, false),
                    ],
                },
                SheetSection {
                    name: "bonus".into(),
                    guidelines: None,
                    questions: vec![question(QuestionKind::YesNo, true)],
                },
            ],
        }
    }

    fn answers(pairs: &[(&str, serde_json::Value)]) -> BTreeMap<String, serde_json::Value> {
        pairs
            .iter()
            .map(|(id, v)| (id.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn the_sheet_scores_mandatory_points_and_bonus_only_when_perfect() {
        use serde_json::json;
        let sheet = sheet();
        let perfect_with_bonus = answers(&[
            ("1.1", json!(true)),
            ("1.2", json!(5)),
            ("2.1", json!(true)),
        ]);
        assert_eq!(score_sheet(&sheet, &perfect_with_bonus, Flag::Ok), Ok(125));
        let perfect = answers(&[("1.1", json!(true)), ("1.2", json!(5))]);
        assert_eq!(score_sheet(&sheet, &perfect, Flag::Ok), Ok(100));
        // 5 of 6 mandatory points: 83; the bonus does not count.
        let imperfect = answers(&[
            ("1.1", json!(true)),
            ("1.2", json!(4)),
            ("2.1", json!(true)),
        ]);
        assert_eq!(score_sheet(&sheet, &imperfect, Flag::Outstanding), Ok(83));
        assert_eq!(score_sheet(&sheet, &perfect, Flag::Crash), Ok(0));
        assert_eq!(score_sheet(&sheet, &perfect, Flag::Cheat), Ok(-42));
        assert_eq!(
            score_sheet(&sheet, &answers(&[("1.1", json!(true))]), Flag::Ok),
            Err(SheetProblem::MissingAnswer("1.2".into()))
        );
        assert!(matches!(
            score_sheet(
                &sheet,
                &answers(&[("1.1", json!(true)), ("1.2", json!(6))]),
                Flag::Ok
            ),
            Err(SheetProblem::BadAnswer { .. })
        ));
        assert!(matches!(
            score_sheet(
                &sheet,
                &answers(&[("1.1", json!(1)), ("1.2", json!(5))]),
                Flag::Ok
            ),
            Err(SheetProblem::BadAnswer { .. })
        ));
        assert_eq!(
            score_sheet(&sheet, &answers(&[("3.1", json!(true))]), Flag::Ok),
            Err(SheetProblem::UnknownQuestion("3.1".into()))
        );
        assert_eq!(
            score_sheet(&sheet, &perfect, Flag::Leaks),
            Err(SheetProblem::FlagNotOnSheet(Flag::Leaks))
        );
    }

    #[test]
    fn the_peers_mark_is_the_mean_unless_a_flag_says_otherwise() {
        assert_eq!(peers_mark(&[]), None);
        assert_eq!(peers_mark(&[(100, Flag::Ok), (75, Flag::Ok)]), Some(87));
        assert_eq!(peers_mark(&[(100, Flag::Ok), (0, Flag::Crash)]), Some(0));
        assert_eq!(
            peers_mark(&[(0, Flag::Crash), (-42, Flag::Cheat)]),
            Some(-42)
        );
        assert_eq!(final_mark(FinalMarkRule::Min, Some(80), 100), 80);
        assert_eq!(final_mark(FinalMarkRule::Min, Some(100), 60), 60);
        assert_eq!(final_mark(FinalMarkRule::Peers, Some(10), 90), 90);
        assert_eq!(final_mark(FinalMarkRule::Min, None, 90), 90);
    }

    #[test]
    fn credits_stop_at_the_cap_and_the_rest_goes_to_the_pool() {
        assert_eq!(
            credit_with_cap(3, 1, 20),
            Credit {
                to_user: 1,
                to_pool: 0
            }
        );
        assert_eq!(
            credit_with_cap(20, 2, 20),
            Credit {
                to_user: 0,
                to_pool: 2
            }
        );
        assert_eq!(
            credit_with_cap(19, 3, 20),
            Credit {
                to_user: 1,
                to_pool: 2
            }
        );
    }

    #[test]
    fn cancelling_refunds_with_notice_and_evaluators_always_refund() {
        let settings = EvaluationSettings::default();
        let begin = at(12, 0);
        let early = at(9, 0);
        let late = at(11, 30);
        assert!(cancellation(CancelledBy::Team, early, begin, &settings).refund_team);
        assert!(!cancellation(CancelledBy::Team, late, begin, &settings).refund_team);
        let evaluator_late = cancellation(CancelledBy::Evaluator, late, begin, &settings);
        assert!(evaluator_late.refund_team && evaluator_late.penalize_evaluator);
        let evaluator_early = cancellation(CancelledBy::Evaluator, early, begin, &settings);
        assert!(evaluator_early.refund_team && !evaluator_early.penalize_evaluator);
    }

    #[test]
    fn review_flags_catch_what_staff_should_see() {
        let facts = ReviewFacts {
            mark: 100,
            flag: Flag::Ok,
            grader_mark: Some(50),
            minutes_spent: 5,
            duration_minutes: 30,
            pair_meetings: 3,
            evaluator_recent_marks: vec![100, 100, 110, 100, 125],
        };
        assert_eq!(
            review_flags(&facts),
            vec![
                ReviewFlag::FarFromGrader,
                ReviewFlag::TooFast,
                ReviewFlag::FrequentPair,
                ReviewFlag::AlwaysFullMarks
            ]
        );
        let ordinary = ReviewFacts {
            mark: 80,
            flag: Flag::Ok,
            grader_mark: Some(70),
            minutes_spent: 25,
            duration_minutes: 30,
            pair_meetings: 1,
            evaluator_recent_marks: vec![80, 100, 100, 100, 100, 100],
        };
        assert_eq!(review_flags(&ordinary), vec![]);
        let alert = ReviewFacts {
            flag: Flag::Concerning,
            ..ordinary
        };
        assert_eq!(review_flags(&alert), vec![ReviewFlag::StaffAlert]);
    }

    #[test]
    fn gini_is_zero_for_equal_loads_and_grows_with_imbalance() {
        assert_eq!(gini(&[3, 3, 3, 3]), 0.0);
        assert!((gini(&[0, 0, 0, 12]) - 0.75).abs() < 1e-9);
        assert_eq!(gini(&[]), 0.0);
    }

    #[test]
    fn settings_problems_name_their_field() {
        assert!(EvaluationSettings::default().problems().is_empty());
        let bad = EvaluationSettings {
            slot_min_minutes: 20,
            balance_cap: 2,
            webhook_url: Some("ftp://x".into()),
            ..EvaluationSettings::default()
        };
        let fields: Vec<&str> = bad.problems().iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec![
                "slot_min_minutes",
                "balance_cap",
                "webhook_url",
                "webhook_secret"
            ]
        );
        assert_eq!(presence_code([0, 0, 0, 0]), "000000");
        assert_eq!(presence_code([255, 255, 255, 255]).len(), 6);
        assert_eq!(
            EvaluationStatus::parse("no_show"),
            Some(EvaluationStatus::NoShow)
        );
    }
}
