//! Peer evaluations, from booking to the final mark. A team that handed in picks a
//! time; an eligible evaluator whose slot covers it is assigned by the fair rule of
//! [`qadam_domain::evaluation::rank_candidates`]; identities stay hidden until the
//! campus's reveal time. At the start the evaluator types the team's presence code,
//! downloads exactly the handed-in submission, fills the project's sheet with a flag
//! and a comment; the team rates the evaluator. Points move with each step, exactly
//! once (every status change is conditional on the status it leaves); when the
//! required evaluations are done the attempt is marked by the project's rule.

use crate::notifications::{kind, notify, Note};
use crate::points::{self, reason};
use crate::teams::{definition_of, visible_team, TeamAccess};
use crate::{found, Core, CoreError, CoreResult};
use chrono::{Duration, NaiveDateTime};
use qadam_db::models::{Evaluation, Feedback, ReviewFlagRow, Submission, Team, User};
use qadam_db::queries::audit::{self, AuditActor};
use qadam_db::queries::evaluations::{self as rows, feedback, reviews, waitlist};
use qadam_db::queries::{slots, submissions, teams, xp};
use qadam_db::DbConn;
use qadam_domain::curriculum::{EvaluationRules, ProjectDefinition, Sheet};
use qadam_domain::evaluation::{
    booking_window, cancellation, final_mark, free_starts, ineligibility, next_granule, on_granule,
    peers_mark, presence_code, rank_candidates, review_flags, score_sheet, CancelledBy, Candidate,
    EvaluatorFacts, ReviewFacts,
};
use qadam_domain::{
    Actor, CampusId, EvaluationSettings, EvaluationStatus, FinalMarkRule, Flag, Interval, Role,
    TeamStatus,
};
use rand::RngCore;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Load and meetings are counted over this many days.
const FAIRNESS_DAYS: i64 = 30;
/// Wrong presence codes allowed before the evaluation can only be reported.
pub const MAX_CODE_ATTEMPTS: i32 = 5;

/// A campus's evaluation settings (the defaults when its staff never set them).
pub fn campus_settings(
    conn: &mut DbConn,
    campus_id: Option<&str>,
) -> CoreResult<EvaluationSettings> {
    let Some(campus_id) = campus_id else {
        return Ok(EvaluationSettings::default());
    };
    match rows::settings::of_campus(conn, campus_id)? {
        None => Ok(EvaluationSettings::default()),
        Some(json) => serde_json::from_str(&json).map_err(|err| {
            CoreError::Corrupt(format!("evaluation settings of {campus_id}: {err}"))
        }),
    }
}

/// Staff (of the campus) or admins replace a campus's evaluation settings; audited.
pub fn set_campus_settings(
    conn: &mut DbConn,
    actor: &Actor,
    audit_actor: &AuditActor,
    campus_id: &str,
    settings: EvaluationSettings,
    now: NaiveDateTime,
) -> CoreResult<EvaluationSettings> {
    if actor.role == Role::Student
        || !actor.manages_campus(Some(&CampusId::from(campus_id.to_string())))
    {
        return Err(CoreError::denied(
            "staff_only",
            "only the campus's staff set its evaluation rules",
        ));
    }
    if let Some((field, message)) = settings.problems().into_iter().next() {
        return Err(CoreError::invalid(field, message));
    }
    let before = campus_settings(conn, Some(campus_id))?;
    let json =
        serde_json::to_string(&settings).map_err(|err| CoreError::Corrupt(err.to_string()))?;
    rows::settings::replace(conn, campus_id, &json, now)?;
    let mut shown = serde_json::to_value(&settings).unwrap_or_default();
    shown["webhook_secret"] = json!(settings.webhook_secret.as_ref().map(|_| "(set)"));
    audit::record(
        conn,
        audit_actor,
        audit::Event {
            action: "campus.evaluation_settings",
            subject_type: "campus",
            subject_id: campus_id,
            campus_id: Some(campus_id),
            details: json!({"to": shown, "webhook_changed": before.webhook_url != settings.webhook_url}),
        },
    )?;
    Ok(settings)
}

/// How the viewer relates to an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvaluationAccess {
    Evaluator,
    /// An accepted member of the evaluated team.
    Team,
    /// Staff of the campus, or an admin.
    Staff,
}

/// An evaluation the viewer may see; anyone else gets `NotFound`.
pub fn visible(
    conn: &mut DbConn,
    actor: &Actor,
    id: &str,
) -> CoreResult<(Evaluation, EvaluationAccess)> {
    let evaluation = found(rows::by_id(conn, id)?, "evaluation")?;
    if evaluation.evaluator_id == actor.user_id.as_str() {
        return Ok((evaluation, EvaluationAccess::Evaluator));
    }
    if teams::member(conn, &evaluation.team_id, actor.user_id.as_str())?.is_some_and(|m| m.accepted)
    {
        return Ok((evaluation, EvaluationAccess::Team));
    }
    let campus = evaluation.campus_id.clone().map(CampusId::from);
    if actor.role != Role::Student && actor.manages_campus(campus.as_ref()) {
        return Ok((evaluation, EvaluationAccess::Staff));
    }
    Err(CoreError::NotFound { what: "evaluation" })
}

/// An evaluation as one viewer may see it: identities only from the reveal time (staff
/// always), the presence code only to the team and only from the reveal time, the
/// sheet to the evaluator and staff.
#[derive(Debug, Clone)]
pub struct EvaluationDetail {
    pub evaluation: Evaluation,
    pub access: EvaluationAccess,
    pub project_slug: String,
    pub duration_minutes: u32,
    pub revealed: bool,
    pub reveal_at: NaiveDateTime,
    pub evaluator_login: Option<String>,
    pub team_name: Option<String>,
    pub team_logins: Option<Vec<String>>,
    pub presence_code: Option<String>,
    pub sheet: Option<Sheet>,
    pub feedback: Option<Feedback>,
    pub review_flags: Vec<ReviewFlagRow>,
}

pub fn detail(
    conn: &mut DbConn,
    evaluation: Evaluation,
    access: EvaluationAccess,
    now: NaiveDateTime,
) -> CoreResult<EvaluationDetail> {
    let team = found(teams::by_id(conn, &evaluation.team_id)?, "team")?;
    let definition = definition_of(conn, &team.version_id)?;
    let settings = campus_settings(conn, evaluation.campus_id.as_deref())?;
    let reveal_at = evaluation.begin_at - Duration::minutes(i64::from(settings.reveal_minutes));
    let revealed = now >= reveal_at || evaluation.status != EvaluationStatus::Booked;
    let sees_evaluator = revealed || access != EvaluationAccess::Team;
    let sees_team = revealed || access != EvaluationAccess::Evaluator;
    let evaluator_login = if sees_evaluator {
        Some(
            found(
                qadam_db::queries::users::by_id(conn, &evaluation.evaluator_id)?,
                "user",
            )?
            .login,
        )
    } else {
        None
    };
    let team_logins = if sees_team {
        Some(
            teams::members_of(conn, &team.id)?
                .into_iter()
                .filter(|m| m.member.accepted)
                .map(|m| m.login)
                .collect(),
        )
    } else {
        None
    };
    let presence_code = (access == EvaluationAccess::Team
        && revealed
        && evaluation.status == EvaluationStatus::Booked)
        .then(|| evaluation.presence_code.clone());
    let sheet = (access != EvaluationAccess::Team)
        .then(|| definition.sheet.clone())
        .flatten();
    let feedback = feedback::of_evaluation(conn, &evaluation.id)?;
    let review_flags = if access == EvaluationAccess::Staff {
        reviews::of_evaluation(conn, &evaluation.id)?
    } else {
        Vec::new()
    };
    Ok(EvaluationDetail {
        duration_minutes: definition
            .evaluation
            .as_ref()
            .map_or(0, |e| e.duration_minutes),
        project_slug: definition.slug,
        revealed,
        reveal_at,
        evaluator_login,
        team_name: sees_team.then(|| team.name.clone()),
        team_logins,
        presence_code,
        sheet,
        feedback,
        review_flags,
        evaluation,
        access,
    })
}

/// The user's evaluations (given and received) that have not ended long ago.
pub fn mine(
    conn: &mut DbConn,
    actor: &Actor,
    now: NaiveDateTime,
) -> CoreResult<Vec<EvaluationDetail>> {
    let since = now - Duration::days(FAIRNESS_DAYS);
    rows::of_user(conn, actor.user_id.as_str(), since, 200)?
        .into_iter()
        .map(|evaluation| {
            let access = if evaluation.evaluator_id == actor.user_id.as_str() {
                EvaluationAccess::Evaluator
            } else {
                EvaluationAccess::Team
            };
            detail(conn, evaluation, access, now)
        })
        .collect()
}

/// The evaluation rules of a team's project, or a conflict when it has no peers.
fn rules_of(definition: &ProjectDefinition) -> CoreResult<EvaluationRules> {
    match &definition.evaluation {
        Some(rules) if rules.peers > 0 => Ok(rules.clone()),
        _ => Err(CoreError::conflict(
            "no_peer_evaluation",
            format!("{} is not evaluated by peers", definition.slug),
        )),
    }
}

/// A team member's team, waiting for evaluations.
fn waiting_team(conn: &mut DbConn, actor: &Actor, team_id: &str) -> CoreResult<Team> {
    let (team, access) = visible_team(conn, actor, team_id)?;
    if access != TeamAccess::Member {
        return Err(CoreError::denied(
            "not_member",
            "only the team's members book its evaluations",
        ));
    }
    if team.status != TeamStatus::WaitingForEvaluation {
        return Err(CoreError::conflict(
            "not_waiting_for_evaluation",
            "only a team that handed in its work and waits for peers books evaluations",
        ));
    }
    Ok(team)
}

fn accepted_members(conn: &mut DbConn, team_id: &str) -> CoreResult<Vec<String>> {
    Ok(teams::members_of(conn, team_id)?
        .into_iter()
        .filter(|m| m.member.accepted)
        .map(|m| m.member.user_id)
        .collect())
}

/// One evaluator who may take the attempt, with their free time and weights.
struct PoolEntry {
    user_id: String,
    slots: Vec<Interval>,
    busy: Vec<Interval>,
    load: i64,
    meetings: i64,
}

/// Everything a booking of one attempt needs to know.
struct BookingContext {
    team: Team,
    definition: ProjectDefinition,
    rules: EvaluationRules,
    settings: EvaluationSettings,
    members: Vec<String>,
    existing: Vec<Evaluation>,
}

impl BookingContext {
    fn load(conn: &mut DbConn, team: Team) -> CoreResult<BookingContext> {
        let definition = definition_of(conn, &team.version_id)?;
        let rules = rules_of(&definition)?;
        let settings = campus_settings(conn, team.campus_id.as_deref())?;
        let members = accepted_members(conn, &team.id)?;
        let existing = rows::of_team(conn, &team.id)?;
        Ok(BookingContext {
            team,
            definition,
            rules,
            settings,
            members,
            existing,
        })
    }

    fn length(&self) -> Duration {
        Duration::minutes(i64::from(self.rules.duration_minutes))
    }

    /// Evaluations booked, running or done: what counts toward the required number.
    fn held(&self) -> u32 {
        self.existing.iter().filter(|e| e.status.holds()).count() as u32
    }

    fn still_needed(&self) -> u32 {
        self.rules.peers.saturating_sub(self.held())
    }

    /// The eligible evaluators with slots in `window` (start times in it).
    fn pool(
        &self,
        conn: &mut DbConn,
        window: Interval,
        now: NaiveDateTime,
    ) -> CoreResult<Vec<PoolEntry>> {
        let reach = window.end + self.length();
        let campus_slots =
            slots::of_campus_between(conn, self.team.campus_id.as_deref(), window.begin, reach)?;
        let mut by_user: BTreeMap<String, Vec<Interval>> = BTreeMap::new();
        for slot in campus_slots {
            by_user
                .entry(slot.user_id)
                .or_default()
                .push(Interval::new(slot.begin_at, slot.end_at));
        }
        let invited: Vec<String> = teams::members_of(conn, &self.team.id)?
            .into_iter()
            .map(|m| m.member.user_id)
            .collect();
        let ids: Vec<String> = by_user.keys().cloned().collect();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let accounts: BTreeMap<String, User> = rows::accounts(conn, &ids)?
            .into_iter()
            .map(|user| (user.id.clone(), user))
            .collect();
        let levels = crate::teams::level_table(conn)?;
        let xp_totals = xp::totals_of(conn, &ids)?;
        let validated = if self.rules.evaluator_must_have_validated {
            rows::validated_among(conn, &ids, &self.team.project_id)?
        } else {
            Vec::new()
        };
        let mut eligible = Vec::new();
        for id in &ids {
            let Some(account) = accounts.get(id) else {
                continue;
            };
            let facts = EvaluatorFacts {
                is_student: account.role == Role::Student,
                disabled: account.disabled,
                same_campus: account.campus_id == self.team.campus_id,
                in_team: invited.contains(id),
                evaluated_this_attempt: self.existing.iter().any(|e| {
                    &e.evaluator_id == id
                        && (e.status != EvaluationStatus::Cancelled
                            || e.cancelled_by.as_deref() == Some(id.as_str()))
                }),
                level: levels.level_of(xp_totals.get(id).copied().unwrap_or(0)),
                validated_project: validated.contains(id),
            };
            if ineligibility(&facts, &self.rules).is_none() {
                eligible.push(id.clone());
            }
        }
        if eligible.is_empty() {
            return Ok(Vec::new());
        }
        let busy = rows::busy_between(conn, &eligible, window.begin, reach)?;
        let since = now - Duration::days(FAIRNESS_DAYS);
        let load = rows::load_since(conn, &eligible, since)?;
        let meetings = rows::meetings_since(conn, &eligible, &self.members, since)?;
        Ok(eligible
            .into_iter()
            .map(|id| PoolEntry {
                slots: by_user.remove(&id).unwrap_or_default(),
                busy: busy
                    .get(&id)
                    .map(|spans| spans.iter().map(|(b, e)| Interval::new(*b, *e)).collect())
                    .unwrap_or_default(),
                load: load.get(&id).copied().unwrap_or(0),
                meetings: meetings.get(&id).copied().unwrap_or(0),
                user_id: id,
            })
            .collect())
    }

    /// The members' own evaluations (given or received) that hold time in `window`.
    fn team_busy(&self, conn: &mut DbConn, window: Interval) -> CoreResult<Vec<Interval>> {
        Ok(rows::busy_between(
            conn,
            &self.members,
            window.begin,
            window.end + self.length(),
        )?
        .into_values()
        .flatten()
        .map(|(b, e)| Interval::new(b, e))
        .collect())
    }

    /// Free start times of any eligible evaluator in `window` when the team is free
    /// too, with how many evaluators are free at each.
    fn free_times(
        &self,
        conn: &mut DbConn,
        window: Interval,
        now: NaiveDateTime,
    ) -> CoreResult<(Vec<PoolEntry>, BTreeMap<NaiveDateTime, u32>)> {
        let pool = self.pool(conn, window, now)?;
        let team_busy = self.team_busy(conn, window)?;
        let minutes = i64::from(self.rules.duration_minutes);
        let mut times: BTreeMap<NaiveDateTime, u32> = BTreeMap::new();
        for entry in &pool {
            let mut busy = entry.busy.clone();
            busy.extend(team_busy.iter().copied());
            for at in free_starts(&entry.slots, &busy, minutes, window) {
                *times.entry(at).or_insert(0) += 1;
            }
        }
        Ok((pool, times))
    }
}

/// The window where a team's evaluations may start, seen at `now`.
fn start_window(context: &BookingContext, now: NaiveDateTime) -> Interval {
    let window = booking_window(now, &context.settings);
    Interval::new(next_granule(window.begin), window.end - context.length())
}

/// A time a team may book, with how many evaluators are free then (never who).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookableTime {
    pub begin_at: NaiveDateTime,
    pub end_at: NaiveDateTime,
    pub evaluators: u32,
}

/// The times a team may book now, without names.
pub fn bookable(
    conn: &mut DbConn,
    actor: &Actor,
    team_id: &str,
    now: NaiveDateTime,
) -> CoreResult<Vec<BookableTime>> {
    let team = waiting_team(conn, actor, team_id)?;
    let context = BookingContext::load(conn, team)?;
    if context.still_needed() == 0 {
        return Ok(Vec::new());
    }
    let (_, times) = context.free_times(conn, start_window(&context, now), now)?;
    Ok(times
        .into_iter()
        .map(|(begin_at, evaluators)| BookableTime {
            begin_at,
            end_at: begin_at + context.length(),
            evaluators,
        })
        .collect())
}

/// A member books an evaluation of their team at `begin`.
pub fn book(
    conn: &mut DbConn,
    actor: &Actor,
    team_id: &str,
    begin: NaiveDateTime,
    now: NaiveDateTime,
) -> CoreResult<EvaluationDetail> {
    // Bookings of one team take turns, so the count of evaluations stays true.
    rows::lock_team(conn, team_id)?;
    let team = waiting_team(conn, actor, team_id)?;
    let evaluation = book_for_team(conn, team, actor.user_id.as_str(), begin, now, None)?;
    detail(conn, evaluation, EvaluationAccess::Team, now)
}

/// Books one evaluation of `team` at `begin` (the caller holds the team's lock).
fn book_for_team(
    conn: &mut DbConn,
    team: Team,
    booked_by: &str,
    begin: NaiveDateTime,
    now: NaiveDateTime,
    waitlist_request: Option<&str>,
) -> CoreResult<Evaluation> {
    let context = BookingContext::load(conn, team)?;
    if context.still_needed() == 0 {
        return Err(CoreError::conflict(
            "enough_evaluations",
            format!(
                "{} needs {} evaluation(s) and they are all booked",
                context.definition.slug, context.rules.peers
            ),
        ));
    }
    let window = start_window(&context, now);
    if !on_granule(begin) {
        return Err(CoreError::invalid(
            "begin_at",
            "begin_at: an evaluation starts on a quarter hour (:00, :15, :30, :45)",
        ));
    }
    if begin < window.begin || begin > window.end {
        return Err(CoreError::invalid(
            "begin_at",
            format!(
                "begin_at: from {} to {} UTC",
                window.begin.format("%Y-%m-%d %H:%M"),
                window.end.format("%Y-%m-%d %H:%M")
            ),
        ));
    }
    let wanted = Interval::new(begin, begin + context.length());
    if context
        .team_busy(conn, wanted)?
        .iter()
        .any(|b| b.overlaps(&wanted))
    {
        return Err(CoreError::conflict(
            "team_busy",
            "a member of the team gives or receives another evaluation at that time",
        ));
    }
    let only_then = Interval::new(begin, begin);
    let pool = context.pool(conn, only_then, now)?;
    let ranked = rank_candidates(
        pool.iter()
            .filter(|entry| is_free(entry, wanted))
            .map(|entry| Candidate {
                user_id: entry.user_id.clone(),
                load: entry.load,
                meetings: entry.meetings,
            })
            .collect(),
        &context.team.id,
    );
    let mut chosen = None;
    for candidate in ranked {
        // An evaluator's bookings take turns: one held by another booking right now is
        // skipped (it is being taken); once held, the fresh check below sees whatever
        // was committed before.
        if !rows::try_lock_evaluator(conn, &candidate.user_id)? {
            continue;
        }
        if evaluator_still_free(conn, &candidate.user_id, wanted)? {
            chosen = Some(candidate.user_id);
            break;
        }
    }
    let Some(evaluator_id) = chosen else {
        return Err(CoreError::conflict(
            "no_evaluator_free",
            format!(
                "no evaluator is free at {} UTC: pick another time from /bookable, or join the waitlist",
                begin.format("%Y-%m-%d %H:%M")
            ),
        ));
    };
    let mut code = [0u8; 4];
    rand::thread_rng().fill_bytes(&mut code);
    let evaluation = Evaluation {
        id: qadam_db::new_id(),
        team_id: context.team.id.clone(),
        submission_id: context
            .team
            .handed_in_submission_id
            .clone()
            .ok_or_else(|| {
                CoreError::Corrupt(format!("team {} handed in nothing", context.team.id))
            })?,
        evaluator_id: evaluator_id.clone(),
        campus_id: context.team.campus_id.clone(),
        begin_at: wanted.begin,
        end_at: wanted.end,
        status: EvaluationStatus::Booked,
        booked_by: booked_by.to_string(),
        waitlist_request_id: waitlist_request.map(str::to_string),
        cost: context.rules.cost as i32,
        reward: context.rules.reward as i32,
        presence_code: presence_code(code),
        code_attempts: 0,
        remote: false,
        started_at: None,
        answers: None,
        flag: None,
        comment: None,
        mark: None,
        completed_at: None,
        cancelled_by: None,
        absent: None,
        ended_at: None,
        void_reason: None,
        reveal_notified: false,
        reminder_notified: false,
        created_at: now,
        updated_at: now,
    };
    rows::insert(conn, &evaluation)?;
    points::pay(
        conn,
        &context.members,
        evaluation.cost,
        &evaluation.id,
        &context.settings,
        now,
    )?;
    let when = evaluation.begin_at.format("%Y-%m-%d %H:%M").to_string();
    let slug = &context.definition.slug;
    let data = json!({"project": slug, "begin_at": utc(evaluation.begin_at), "end_at": utc(evaluation.end_at)});
    notify(
        conn,
        Note {
            user_id: &evaluator_id,
            kind: kind::BOOKED,
            evaluation_id: Some(&evaluation.id),
            team_id: None,
            campus_id: evaluation.campus_id.as_deref(),
            message: format!("you evaluate a team on {slug} at {when} UTC"),
            data: data.clone(),
        },
        now,
    )?;
    for member in &context.members {
        notify(
            conn,
            Note {
                user_id: member,
                kind: kind::BOOKED,
                evaluation_id: Some(&evaluation.id),
                team_id: Some(&context.team.id),
                campus_id: evaluation.campus_id.as_deref(),
                message: format!("your evaluation on {slug} is booked at {when} UTC"),
                data: data.clone(),
            },
            now,
        )?;
    }
    Ok(evaluation)
}

fn is_free(entry: &PoolEntry, wanted: Interval) -> bool {
    entry.slots.iter().any(|slot| slot.contains(&wanted))
        && !entry.busy.iter().any(|busy| busy.overlaps(&wanted))
}

/// Whether an evaluator's slot still covers `wanted` and nothing holds their time then.
fn evaluator_still_free(conn: &mut DbConn, user_id: &str, wanted: Interval) -> CoreResult<bool> {
    let covered = slots::touching(conn, user_id, wanted.begin, wanted.end)?
        .iter()
        .any(|slot| Interval::new(slot.begin_at, slot.end_at).contains(&wanted));
    if !covered {
        return Ok(false);
    }
    let busy = rows::busy_between(conn, &[user_id.to_string()], wanted.begin, wanted.end)?;
    Ok(busy
        .values()
        .flatten()
        .all(|(b, e)| !Interval::new(*b, *e).overlaps(&wanted)))
}

pub fn utc(at: NaiveDateTime) -> String {
    at.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A team asks to be booked with the first eligible evaluator free before `before`.
/// Tried at once; then whenever a slot opens or time frees up.
pub fn join_waitlist(
    conn: &mut DbConn,
    actor: &Actor,
    team_id: &str,
    before: NaiveDateTime,
    now: NaiveDateTime,
) -> CoreResult<qadam_db::models::WaitlistRequest> {
    rows::lock_team(conn, team_id)?;
    let team = waiting_team(conn, actor, team_id)?;
    let context = BookingContext::load(conn, team)?;
    if context.still_needed() == 0 {
        return Err(CoreError::conflict(
            "enough_evaluations",
            "every evaluation the project needs is booked already",
        ));
    }
    let window = start_window(&context, now);
    if before - context.length() < window.begin {
        return Err(CoreError::invalid(
            "before",
            format!(
                "before: at least {} UTC (an evaluation starts {} minutes ahead at the earliest and lasts {} minutes)",
                (window.begin + context.length()).format("%Y-%m-%d %H:%M"),
                context.settings.book_min_ahead_minutes,
                context.rules.duration_minutes
            ),
        ));
    }
    if waitlist::waiting_of_team(conn, &context.team.id)?.is_some() {
        return Err(CoreError::conflict(
            "already_waiting",
            "the team is on the waitlist already",
        ));
    }
    for member in &context.members {
        points::ensure_account(conn, member, &context.settings, now)?;
        let balance = qadam_db::queries::points::balance_of(conn, member)?.map_or(0, |(b, _)| b);
        if balance < context.rules.cost as i32 {
            return Err(CoreError::conflict(
                "not_enough_points",
                format!(
                    "booking costs each member {} evaluation point(s) and a member does not have them",
                    context.rules.cost
                ),
            ));
        }
    }
    let request = qadam_db::models::WaitlistRequest {
        id: qadam_db::new_id(),
        team_id: context.team.id.clone(),
        campus_id: context.team.campus_id.clone(),
        requested_by: actor.user_id.as_str().to_string(),
        before_at: before,
        status: waitlist::WAITING.into(),
        created_at: now,
        updated_at: now,
    };
    waitlist::insert(conn, &request)?;
    Ok(request)
}

/// A member takes the team off the waitlist.
pub fn leave_waitlist(
    conn: &mut DbConn,
    actor: &Actor,
    team_id: &str,
    now: NaiveDateTime,
) -> CoreResult<()> {
    let (_, access) = visible_team(conn, actor, team_id)?;
    if access != TeamAccess::Member {
        return Err(CoreError::denied(
            "not_member",
            "only the team's members manage its waitlist",
        ));
    }
    let request = found(
        waitlist::waiting_of_team(conn, team_id)?,
        "waitlist request",
    )?;
    waitlist::close(conn, &request.id, waitlist::CANCELLED, now)?;
    Ok(())
}

/// Tries to fill one waiting request: books the earliest free times before its
/// deadline until the team has every evaluation it needs. Returns what was booked.
fn fill_request(
    conn: &mut DbConn,
    request_id: &str,
    now: NaiveDateTime,
) -> CoreResult<Vec<Evaluation>> {
    let Some(request) = waitlist::by_id(conn, request_id)? else {
        return Ok(Vec::new());
    };
    rows::lock_team(conn, &request.team_id)?;
    if request.status != waitlist::WAITING {
        return Ok(Vec::new());
    }
    let team = found(teams::by_id(conn, &request.team_id)?, "team")?;
    if team.status != TeamStatus::WaitingForEvaluation {
        waitlist::close(conn, &request.id, waitlist::CANCELLED, now)?;
        return Ok(Vec::new());
    }
    let mut booked = Vec::new();
    loop {
        let context = BookingContext::load(conn, team.clone())?;
        if context.still_needed() == 0 {
            waitlist::close(conn, &request.id, waitlist::MATCHED, now)?;
            break;
        }
        let window = start_window(&context, now);
        let last_start = request.before_at - context.length();
        if last_start < window.begin {
            waitlist::close(conn, &request.id, waitlist::EXPIRED, now)?;
            for member in &context.members {
                notify(
                    conn,
                    Note {
                        user_id: member,
                        kind: kind::WAITLIST_EXPIRED,
                        evaluation_id: None,
                        team_id: Some(&team.id),
                        campus_id: team.campus_id.as_deref(),
                        message: format!(
                            "no evaluator for {} was free before {} UTC: book a time or wait again",
                            context.definition.slug,
                            request.before_at.format("%Y-%m-%d %H:%M")
                        ),
                        data: json!({"project": context.definition.slug, "before": utc(request.before_at)}),
                    },
                    now,
                )?;
            }
            break;
        }
        let window = Interval::new(window.begin, window.end.min(last_start));
        let (_, times) = context.free_times(conn, window, now)?;
        let Some((&begin, _)) = times.iter().next() else {
            break;
        };
        let booker = request.requested_by.clone();
        match book_for_team(conn, team.clone(), &booker, begin, now, Some(&request.id)) {
            Ok(evaluation) => {
                for member in &context.members {
                    notify(
                        conn,
                        Note {
                            user_id: member,
                            kind: kind::WAITLIST_MATCHED,
                            evaluation_id: Some(&evaluation.id),
                            team_id: Some(&team.id),
                            campus_id: team.campus_id.as_deref(),
                            message: format!(
                                "the waitlist found you an evaluator for {} at {} UTC",
                                context.definition.slug,
                                begin.format("%Y-%m-%d %H:%M")
                            ),
                            data: json!({"project": context.definition.slug, "begin_at": utc(begin)}),
                        },
                        now,
                    )?;
                }
                booked.push(evaluation);
            }
            // A member cannot pay: the request waits (points may come).
            Err(CoreError::Conflict {
                code: "not_enough_points",
                ..
            }) => break,
            Err(err) => return Err(err),
        }
    }
    Ok(booked)
}

/// Fills waiting requests, oldest first, each in its own transaction (so one team's
/// trouble never holds up the others). Returns how many evaluations were booked.
pub async fn match_waitlist(core: &Core) -> CoreResult<usize> {
    let waiting = core
        .db
        .read(|conn| Ok::<_, CoreError>(waitlist::waiting(conn, 500)?))
        .await?;
    let mut booked = 0;
    for request in waiting {
        let now = core.clock.now();
        let id = request.id.clone();
        match core
            .db
            .write(move |conn| fill_request(conn, &id, now))
            .await
        {
            Ok(evaluations) => booked += evaluations.len(),
            Err(err) => {
                tracing::warn!(request = %request.id, error = %err, "cannot fill a waitlist request")
            }
        }
    }
    Ok(booked)
}

/// The evaluator starts the evaluation by typing the team's presence code (or, where
/// the campus allows it, as a remote evaluation without one).
#[derive(Debug)]
pub enum StartOutcome {
    Started(Box<EvaluationDetail>),
    /// The attempt is counted; this many remain.
    WrongCode {
        attempts_left: i32,
    },
}

pub fn start(
    conn: &mut DbConn,
    actor: &Actor,
    id: &str,
    code: Option<&str>,
    remote: bool,
    now: NaiveDateTime,
) -> CoreResult<StartOutcome> {
    let (mut evaluation, access) = visible(conn, actor, id)?;
    if access != EvaluationAccess::Evaluator {
        return Err(CoreError::denied(
            "evaluator_only",
            "only the evaluator starts an evaluation: show them your code",
        ));
    }
    if evaluation.status != EvaluationStatus::Booked {
        return Err(status_conflict(&evaluation));
    }
    if now < evaluation.begin_at {
        return Err(CoreError::conflict(
            "too_early",
            format!(
                "the evaluation opens at {} UTC",
                evaluation.begin_at.format("%Y-%m-%d %H:%M")
            ),
        ));
    }
    if now >= evaluation.end_at {
        return Err(CoreError::conflict(
            "too_late",
            "the evaluation's time is over: report a no-show if the team did not come",
        ));
    }
    let settings = campus_settings(conn, evaluation.campus_id.as_deref())?;
    if remote {
        if !settings.remote_allowed {
            return Err(CoreError::denied(
                "remote_not_allowed",
                "this campus evaluates face to face: type the code the team shows you",
            ));
        }
    } else {
        if evaluation.code_attempts >= MAX_CODE_ATTEMPTS {
            return Err(CoreError::denied(
                "too_many_code_attempts",
                "too many wrong codes: ask staff, or report a no-show",
            ));
        }
        let typed = code.unwrap_or("").trim();
        if typed != evaluation.presence_code {
            evaluation.code_attempts += 1;
            evaluation.updated_at = now;
            rows::update_from(conn, &evaluation, EvaluationStatus::Booked)?;
            return Ok(StartOutcome::WrongCode {
                attempts_left: MAX_CODE_ATTEMPTS - evaluation.code_attempts,
            });
        }
    }
    evaluation.status = EvaluationStatus::InProgress;
    evaluation.remote = remote;
    evaluation.started_at = Some(now);
    evaluation.updated_at = now;
    if !rows::update_from(conn, &evaluation, EvaluationStatus::Booked)? {
        return Err(CoreError::conflict(
            "not_booked",
            "the evaluation was cancelled meanwhile",
        ));
    }
    Ok(StartOutcome::Started(Box::new(detail(
        conn, evaluation, access, now,
    )?)))
}

fn status_conflict(evaluation: &Evaluation) -> CoreError {
    let (code, message) = match evaluation.status {
        EvaluationStatus::Booked => (
            "not_started",
            "the evaluation has not started: type the team's code first",
        ),
        EvaluationStatus::InProgress => ("in_progress", "the evaluation is under way"),
        EvaluationStatus::Completed => ("completed", "the evaluation is done"),
        EvaluationStatus::Cancelled => ("cancelled", "the evaluation was cancelled"),
        EvaluationStatus::NoShow => ("no_show", "the evaluation was recorded as a no-show"),
        EvaluationStatus::Voided => ("voided", "the evaluation was voided by staff"),
    };
    CoreError::conflict(code, message)
}

/// The handed-in submission, for its evaluator once started (and for staff).
pub fn submission_for(conn: &mut DbConn, actor: &Actor, id: &str) -> CoreResult<Submission> {
    let (evaluation, access) = visible(conn, actor, id)?;
    match access {
        EvaluationAccess::Team => {
            return Err(CoreError::denied(
                "evaluator_only",
                "your own submission is under /submissions/{id}/archive",
            ))
        }
        EvaluationAccess::Evaluator
            if !matches!(
                evaluation.status,
                EvaluationStatus::InProgress | EvaluationStatus::Completed
            ) =>
        {
            return Err(status_conflict(&evaluation));
        }
        _ => {}
    }
    found(
        submissions::by_id(conn, &evaluation.submission_id)?,
        "submission",
    )
}

/// What the evaluator fills in.
#[derive(Debug, Clone)]
pub struct SheetInput {
    pub answers: BTreeMap<String, Value>,
    pub flag: Flag,
    pub comment: String,
}

/// The evaluator submits the sheet: the mark follows from it; the evaluator earns the
/// reward; review flags are raised; the attempt is marked when it was the last one.
pub fn submit_sheet(
    conn: &mut DbConn,
    actor: &Actor,
    id: &str,
    input: SheetInput,
    now: NaiveDateTime,
) -> CoreResult<EvaluationDetail> {
    let (mut evaluation, access) = visible(conn, actor, id)?;
    if access != EvaluationAccess::Evaluator {
        return Err(CoreError::denied(
            "evaluator_only",
            "only the evaluator fills the sheet",
        ));
    }
    if evaluation.status != EvaluationStatus::InProgress {
        return Err(status_conflict(&evaluation));
    }
    let team = found(teams::by_id(conn, &evaluation.team_id)?, "team")?;
    let definition = definition_of(conn, &team.version_id)?;
    let rules = rules_of(&definition)?;
    let sheet = definition
        .sheet
        .as_ref()
        .ok_or_else(|| CoreError::Corrupt(format!("{} has peers but no sheet", definition.slug)))?;
    let settings = campus_settings(conn, evaluation.campus_id.as_deref())?;
    let comment = input.comment.trim().to_string();
    if comment.chars().count() < settings.comment_min_chars as usize {
        return Err(CoreError::invalid(
            "comment",
            format!(
                "comment: at least {} characters: say what works, what does not and why",
                settings.comment_min_chars
            ),
        ));
    }
    let mark = score_sheet(sheet, &input.answers, input.flag).map_err(|problem| {
        let field = match problem {
            qadam_domain::evaluation::SheetProblem::FlagNotOnSheet(_) => "flag",
            _ => "answers",
        };
        CoreError::invalid(field, problem.message())
    })?;
    let flag_word = serde_json::to_value(input.flag)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    evaluation.status = EvaluationStatus::Completed;
    evaluation.answers = Some(serde_json::to_string(&input.answers).unwrap_or_default());
    evaluation.flag = Some(flag_word.clone());
    evaluation.comment = Some(comment);
    evaluation.mark = Some(mark);
    evaluation.completed_at = Some(now);
    evaluation.ended_at = Some(now);
    evaluation.updated_at = now;
    if !rows::update_from(conn, &evaluation, EvaluationStatus::InProgress)? {
        return Err(CoreError::conflict(
            "completed",
            "the sheet was submitted already",
        ));
    }
    points::credit_capped(
        conn,
        &evaluation.evaluator_id,
        evaluation.reward,
        reason::REWARD,
        &evaluation.id,
        evaluation.campus_id.as_deref(),
        &settings,
        now,
    )?;
    let members = accepted_members(conn, &team.id)?;
    raise_review_flags(conn, &evaluation, &team, &rules, &members, input.flag, now)?;
    let data = json!({"project": definition.slug, "mark": mark, "flag": flag_word});
    for member in &members {
        notify(
            conn,
            Note {
                user_id: member,
                kind: kind::DONE,
                evaluation_id: Some(&evaluation.id),
                team_id: Some(&team.id),
                campus_id: team.campus_id.as_deref(),
                message: format!("your evaluation on {} is done: {mark}", definition.slug),
                data: data.clone(),
            },
            now,
        )?;
        notify(
            conn,
            Note {
                user_id: member,
                kind: kind::FEEDBACK_DUE,
                evaluation_id: Some(&evaluation.id),
                team_id: Some(&team.id),
                campus_id: team.campus_id.as_deref(),
                message: format!("rate your evaluator on {}", definition.slug),
                data: json!({"project": definition.slug}),
            },
            now,
        )?;
    }
    settle_team(conn, &team.id, now)?;
    detail(conn, evaluation, access, now)
}

fn raise_review_flags(
    conn: &mut DbConn,
    evaluation: &Evaluation,
    team: &Team,
    rules: &EvaluationRules,
    members: &[String],
    flag: Flag,
    now: NaiveDateTime,
) -> CoreResult<()> {
    let since = now - Duration::days(FAIRNESS_DAYS);
    let evaluator = evaluation.evaluator_id.clone();
    let pair_meetings =
        rows::meetings_since(conn, std::slice::from_ref(&evaluator), members, since)?
            .get(&evaluator)
            .copied()
            .unwrap_or(0);
    let facts = ReviewFacts {
        mark: evaluation.mark.unwrap_or(0),
        flag,
        grader_mark: team.grader_mark,
        minutes_spent: evaluation.started_at.map_or(0, |s| (now - s).num_minutes()),
        duration_minutes: rules.duration_minutes,
        pair_meetings,
        evaluator_recent_marks: rows::recent_marks_of(conn, &evaluator, 10)?,
    };
    let raised = review_flags(&facts);
    for raised_flag in &raised {
        reviews::insert(
            conn,
            &ReviewFlagRow {
                id: qadam_db::new_id(),
                evaluation_id: evaluation.id.clone(),
                campus_id: evaluation.campus_id.clone(),
                kind: raised_flag.as_str().to_string(),
                details: json!({
                    "mark": facts.mark, "grader_mark": facts.grader_mark,
                    "minutes_spent": facts.minutes_spent, "duration_minutes": facts.duration_minutes,
                    "pair_meetings": facts.pair_meetings, "flag": evaluation.flag,
                })
                .to_string(),
                created_at: now,
            },
        )?;
    }
    if raised.contains(&qadam_domain::evaluation::ReviewFlag::StaffAlert) {
        if let Some(campus) = evaluation.campus_id.as_deref() {
            for staff in rows::staff_of_campus(conn, campus)? {
                notify(
                    conn,
                    Note {
                        user_id: &staff,
                        kind: kind::STAFF_ALERT,
                        evaluation_id: Some(&evaluation.id),
                        team_id: Some(&team.id),
                        campus_id: Some(campus),
                        message: format!(
                            "an evaluator flagged {} on team {}: look at it",
                            evaluation.flag.as_deref().unwrap_or("?"),
                            team.name
                        ),
                        data: json!({"flag": evaluation.flag, "team": team.id}),
                    },
                    now,
                )?;
            }
        }
    }
    Ok(())
}

/// Marks the attempt once its completed evaluations reach the number required.
fn settle_team(conn: &mut DbConn, team_id: &str, now: NaiveDateTime) -> CoreResult<()> {
    let team = found(teams::by_id(conn, team_id)?, "team")?;
    if team.status != TeamStatus::WaitingForEvaluation {
        return Ok(());
    }
    let definition = definition_of(conn, &team.version_id)?;
    let rules = rules_of(&definition)?;
    let done = completed_marks(conn, team_id)?;
    if (done.len() as u32) < rules.peers {
        return Ok(());
    }
    let Some(peers) = peers_mark(&done) else {
        return Ok(());
    };
    let mark = final_mark(FinalMarkRule::of(&definition), team.grader_mark, peers);
    if let Some(request) = waitlist::waiting_of_team(conn, team_id)? {
        waitlist::close(conn, &request.id, waitlist::MATCHED, now)?;
    }
    crate::marks::finish(conn, team, &definition, mark, now, "marked by peers")?;
    Ok(())
}

fn completed_marks(conn: &mut DbConn, team_id: &str) -> CoreResult<Vec<(i32, Flag)>> {
    rows::of_team(conn, team_id)?
        .into_iter()
        .filter(|e| e.status == EvaluationStatus::Completed)
        .map(|e| {
            let flag = e
                .flag
                .as_deref()
                .and_then(|f| serde_json::from_value::<Flag>(json!(f)).ok())
                .ok_or_else(|| CoreError::Corrupt(format!("evaluation {} has no flag", e.id)))?;
            Ok((e.mark.unwrap_or(0), flag))
        })
        .collect()
}

/// What the team says of its evaluator.
#[derive(Debug, Clone)]
pub struct FeedbackInput {
    pub rating: i32,
    pub nice: bool,
    pub rigorous: bool,
    pub interested: bool,
    pub punctual: bool,
    pub comment: String,
}

/// A member rates the evaluator of a completed evaluation, once per evaluation.
pub fn give_feedback(
    conn: &mut DbConn,
    actor: &Actor,
    id: &str,
    input: FeedbackInput,
    now: NaiveDateTime,
) -> CoreResult<EvaluationDetail> {
    let (evaluation, access) = visible(conn, actor, id)?;
    if access != EvaluationAccess::Team {
        return Err(CoreError::denied(
            "team_only",
            "only the evaluated team rates its evaluator",
        ));
    }
    if evaluation.status != EvaluationStatus::Completed {
        return Err(CoreError::conflict(
            "not_completed",
            "an evaluation is rated once its sheet is submitted",
        ));
    }
    if !(1..=5).contains(&input.rating) {
        return Err(CoreError::invalid("rating", "rating: from 1 to 5"));
    }
    let comment = input.comment.trim().to_string();
    if comment.is_empty() || comment.chars().count() > 2000 {
        return Err(CoreError::invalid(
            "comment",
            "comment: say in a few words how the evaluation went (up to 2000 characters)",
        ));
    }
    if feedback::of_evaluation(conn, &evaluation.id)?.is_some() {
        return Err(CoreError::conflict(
            "feedback_given",
            "this evaluation was rated already",
        ));
    }
    let given = Feedback {
        evaluation_id: evaluation.id.clone(),
        rating: input.rating,
        tags: json!({"nice": input.nice, "rigorous": input.rigorous,
            "interested": input.interested, "punctual": input.punctual})
        .to_string(),
        comment,
        given_by: actor.user_id.as_str().to_string(),
        given_at: now,
    };
    feedback::insert(conn, &given).map_err(|err| {
        if err.is_unique_violation() {
            CoreError::conflict("feedback_given", "this evaluation was rated already")
        } else {
            err.into()
        }
    })?;
    notify(
        conn,
        Note {
            user_id: &evaluation.evaluator_id,
            kind: kind::FEEDBACK_RECEIVED,
            evaluation_id: Some(&evaluation.id),
            team_id: None,
            campus_id: evaluation.campus_id.as_deref(),
            message: format!("the team you evaluated rated you {}/5", input.rating),
            data: json!({"rating": input.rating}),
        },
        now,
    )?;
    detail(conn, evaluation, access, now)
}

/// The team or the evaluator cancels a booked evaluation (staff too, as the
/// evaluator's side without a penalty). Points move by [`cancellation`].
pub fn cancel(
    conn: &mut DbConn,
    actor: &Actor,
    id: &str,
    now: NaiveDateTime,
) -> CoreResult<EvaluationDetail> {
    let (mut evaluation, access) = visible(conn, actor, id)?;
    if evaluation.status != EvaluationStatus::Booked {
        return Err(status_conflict(&evaluation));
    }
    let settings = campus_settings(conn, evaluation.campus_id.as_deref())?;
    let by = if access == EvaluationAccess::Team {
        CancelledBy::Team
    } else {
        CancelledBy::Evaluator
    };
    let outcome = cancellation(by, now, evaluation.begin_at, &settings);
    evaluation.status = EvaluationStatus::Cancelled;
    evaluation.cancelled_by = Some(actor.user_id.as_str().to_string());
    evaluation.ended_at = Some(now);
    evaluation.updated_at = now;
    // Whoever moves it first (this, a start, another cancel) wins; the rest find it moved.
    if !rows::update_from(conn, &evaluation, EvaluationStatus::Booked)? {
        let now_is = found(rows::by_id(conn, id)?, "evaluation")?;
        return Err(status_conflict(&now_is));
    }
    if outcome.refund_team {
        points::refund_booking(conn, &evaluation.id, reason::REFUND, now)?;
    }
    if outcome.penalize_evaluator && access == EvaluationAccess::Evaluator {
        points::take_up_to(
            conn,
            &evaluation.evaluator_id,
            settings.evaluator_cancel_penalty as i32,
            reason::CANCEL_PENALTY,
            &evaluation.id,
            &settings,
            now,
        )?;
    }
    let team = found(teams::by_id(conn, &evaluation.team_id)?, "team")?;
    let message = match by {
        CancelledBy::Team => format!(
            "the team cancelled the evaluation of {} UTC",
            evaluation.begin_at.format("%Y-%m-%d %H:%M")
        ),
        CancelledBy::Evaluator => format!(
            "your evaluator cancelled the evaluation of {} UTC{}: book another time",
            evaluation.begin_at.format("%Y-%m-%d %H:%M"),
            if outcome.refund_team {
                " (points refunded)"
            } else {
                ""
            }
        ),
    };
    let told: Vec<String> = match by {
        CancelledBy::Team => vec![evaluation.evaluator_id.clone()],
        CancelledBy::Evaluator => accepted_members(conn, &team.id)?,
    };
    for user in &told {
        notify(
            conn,
            Note {
                user_id: user,
                kind: kind::CANCELLED,
                evaluation_id: Some(&evaluation.id),
                team_id: (by == CancelledBy::Evaluator).then_some(team.id.as_str()),
                campus_id: evaluation.campus_id.as_deref(),
                message: message.clone(),
                data: json!({"refunded": outcome.refund_team, "begin_at": utc(evaluation.begin_at)}),
            },
            now,
        )?;
    }
    detail(conn, evaluation, access, now)
}

/// Who did not come, as reported (or found by housekeeping: nobody knows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absent {
    Team,
    Evaluator,
    Unknown,
}

impl Absent {
    fn as_str(self) -> &'static str {
        match self {
            Absent::Team => "team",
            Absent::Evaluator => "evaluator",
            Absent::Unknown => "unknown",
        }
    }
}

/// The evaluator reports the team absent, or a member reports the evaluator absent,
/// once the campus's grace time after the start has passed.
pub fn report_no_show(
    conn: &mut DbConn,
    actor: &Actor,
    id: &str,
    now: NaiveDateTime,
) -> CoreResult<EvaluationDetail> {
    let (evaluation, access) = visible(conn, actor, id)?;
    let absent = match access {
        EvaluationAccess::Evaluator => Absent::Team,
        EvaluationAccess::Team => Absent::Evaluator,
        EvaluationAccess::Staff => Absent::Unknown,
    };
    if evaluation.status != EvaluationStatus::Booked {
        return Err(status_conflict(&evaluation));
    }
    let settings = campus_settings(conn, evaluation.campus_id.as_deref())?;
    let from = evaluation.begin_at + Duration::minutes(i64::from(settings.no_show_grace_minutes));
    if now < from && access != EvaluationAccess::Staff {
        return Err(CoreError::conflict(
            "too_early",
            format!(
                "a no-show is reported from {} UTC",
                from.format("%Y-%m-%d %H:%M")
            ),
        ));
    }
    let evaluation = record_no_show(conn, evaluation, absent, &settings, now)?
        .ok_or_else(|| CoreError::conflict("not_booked", "the evaluation moved on meanwhile"))?;
    detail(conn, evaluation, access, now)
}

/// Records a no-show exactly once: the absent team pays (the evaluator is rewarded for
/// coming); an absent evaluator refunds the team and pays the penalty; unknown
/// absence refunds the team. `None` when the evaluation was no longer booked.
fn record_no_show(
    conn: &mut DbConn,
    mut evaluation: Evaluation,
    absent: Absent,
    settings: &EvaluationSettings,
    now: NaiveDateTime,
) -> CoreResult<Option<Evaluation>> {
    evaluation.status = EvaluationStatus::NoShow;
    evaluation.absent = Some(absent.as_str().to_string());
    evaluation.ended_at = Some(now);
    evaluation.updated_at = now;
    if !rows::update_from(conn, &evaluation, EvaluationStatus::Booked)? {
        return Ok(None);
    }
    match absent {
        Absent::Team => {
            points::credit_capped(
                conn,
                &evaluation.evaluator_id,
                evaluation.reward,
                reason::REWARD,
                &evaluation.id,
                evaluation.campus_id.as_deref(),
                settings,
                now,
            )?;
        }
        Absent::Evaluator => {
            points::refund_booking(conn, &evaluation.id, reason::REFUND, now)?;
            points::take_up_to(
                conn,
                &evaluation.evaluator_id,
                settings.evaluator_cancel_penalty as i32,
                reason::NO_SHOW_PENALTY,
                &evaluation.id,
                settings,
                now,
            )?;
        }
        Absent::Unknown => points::refund_booking(conn, &evaluation.id, reason::REFUND, now)?,
    }
    let mut told = accepted_members(conn, &evaluation.team_id)?;
    told.push(evaluation.evaluator_id.clone());
    for user in &told {
        notify(
            conn,
            Note {
                user_id: user,
                kind: kind::NO_SHOW,
                evaluation_id: Some(&evaluation.id),
                team_id: None,
                campus_id: evaluation.campus_id.as_deref(),
                message: format!(
                    "the evaluation of {} UTC did not take place ({} absent)",
                    evaluation.begin_at.format("%Y-%m-%d %H:%M"),
                    absent.as_str()
                ),
                data: json!({"absent": absent.as_str()}),
            },
            now,
        )?;
    }
    Ok(Some(evaluation))
}

/// Staff void a completed evaluation: it counts for nothing, the reward is taken
/// back, the team is refunded, and the attempt is marked again (or waits for a new
/// evaluation). Audited.
pub fn void(
    conn: &mut DbConn,
    actor: &Actor,
    audit_actor: &AuditActor,
    id: &str,
    why: &str,
    now: NaiveDateTime,
) -> CoreResult<EvaluationDetail> {
    let (mut evaluation, access) = visible(conn, actor, id)?;
    if access != EvaluationAccess::Staff {
        return Err(CoreError::denied(
            "staff_only",
            "only staff void an evaluation",
        ));
    }
    if evaluation.status != EvaluationStatus::Completed {
        return Err(status_conflict(&evaluation));
    }
    if why.trim().chars().count() < 3 {
        return Err(CoreError::invalid(
            "reason",
            "reason: say why the evaluation is voided (it is kept in the audit log)",
        ));
    }
    let settings = campus_settings(conn, evaluation.campus_id.as_deref())?;
    let before_mark = evaluation.mark;
    evaluation.status = EvaluationStatus::Voided;
    evaluation.void_reason = Some(why.trim().to_string());
    evaluation.updated_at = now;
    if !rows::update_from(conn, &evaluation, EvaluationStatus::Completed)? {
        return Err(CoreError::conflict(
            "not_completed",
            "the evaluation changed meanwhile",
        ));
    }
    let rewarded: i32 = qadam_db::queries::points::of_evaluation(conn, &evaluation.id)?
        .iter()
        .filter(|row| row.reason == reason::REWARD && row.user_id == evaluation.evaluator_id)
        .map(|row| row.delta)
        .sum();
    points::take_up_to(
        conn,
        &evaluation.evaluator_id,
        rewarded,
        reason::VOID_REWARD,
        &evaluation.id,
        &settings,
        now,
    )?;
    points::refund_booking(conn, &evaluation.id, reason::VOID_REFUND, now)?;
    let team = found(teams::by_id(conn, &evaluation.team_id)?, "team")?;
    let team_before = team.final_mark;
    if team.status == TeamStatus::Finished {
        crate::marks::reopen_for_evaluation(conn, team, now)?;
    }
    settle_team(conn, &evaluation.team_id, now)?;
    let team_after = found(teams::by_id(conn, &evaluation.team_id)?, "team")?;
    audit::record(
        conn,
        audit_actor,
        audit::Event {
            action: "evaluation.void",
            subject_type: "evaluation",
            subject_id: &evaluation.id,
            campus_id: evaluation.campus_id.as_deref(),
            details: json!({"reason": why.trim(), "mark": before_mark, "team": team_after.id,
                "team_mark_from": team_before, "team_mark_to": team_after.final_mark,
                "team_status": team_after.status.as_str()}),
        },
    )?;
    for member in accepted_members(conn, &team_after.id)? {
        notify(
            conn,
            Note {
                user_id: &member,
                kind: kind::VOIDED,
                evaluation_id: Some(&evaluation.id),
                team_id: Some(&team_after.id),
                campus_id: evaluation.campus_id.as_deref(),
                message: "staff voided one of your evaluations: book another one".into(),
                data: json!({"team_status": team_after.status.as_str()}),
            },
            now,
        )?;
    }
    detail(conn, evaluation, access, now)
}

/// Staff: the review flags of their campus (admins: all, or one campus), newest first.
pub fn review_list(
    conn: &mut DbConn,
    actor: &Actor,
    campus_id: Option<&str>,
    limit: i64,
) -> CoreResult<Vec<ReviewFlagRow>> {
    let campus = match actor.role {
        Role::Student => {
            return Err(CoreError::denied(
                "staff_only",
                "review flags are for staff",
            ))
        }
        Role::Staff => actor.campus_id.as_ref().map(CampusId::as_str),
        Role::Admin => campus_id,
    };
    Ok(reviews::of_campus(conn, campus, limit)?)
}

/// Time-driven work, each step in its own transactions: identities revealed and
/// reminders sent (exactly once each), evaluations never started recorded as no-shows,
/// and waiting requests filled or expired. Returns what it did, for the log.
pub async fn tick(core: &Core) -> CoreResult<TickReport> {
    let now = core.clock.now();
    let revealed = core
        .db
        .write(move |conn| send_notices(conn, false, now))
        .await?;
    let reminded = core
        .db
        .write(move |conn| send_notices(conn, true, now))
        .await?;
    let no_shows = core
        .db
        .write(move |conn| expire_unstarted(conn, now))
        .await?;
    let waitlist_booked = match_waitlist(core).await?;
    let webhooks = crate::notifications::deliver_webhooks(core).await?;
    Ok(TickReport {
        revealed,
        reminded,
        no_shows,
        waitlist_booked,
        webhooks,
    })
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TickReport {
    pub revealed: usize,
    pub reminded: usize,
    pub no_shows: usize,
    pub waitlist_booked: usize,
    pub webhooks: usize,
}

/// Runs [`tick`] every `every` until the process stops.
pub async fn housekeeping(core: Core, every: std::time::Duration) {
    loop {
        match tick(&core).await {
            Ok(report) if report != TickReport::default() => {
                tracing::info!(?report, "evaluation housekeeping")
            }
            Ok(_) => {}
            Err(err) => tracing::warn!(error = %err, "evaluation housekeeping failed"),
        }
        tokio::time::sleep(every).await;
    }
}

fn send_notices(conn: &mut DbConn, reminder: bool, now: NaiveDateTime) -> CoreResult<usize> {
    let mut sent = 0;
    for evaluation in rows::notices_due(conn, reminder, 200)? {
        let settings = campus_settings(conn, evaluation.campus_id.as_deref())?;
        let minutes = if reminder {
            settings.reminder_minutes
        } else {
            settings.reveal_minutes
        };
        if now < evaluation.begin_at - Duration::minutes(i64::from(minutes)) {
            continue;
        }
        if !rows::claim_notice(conn, &evaluation.id, reminder)? {
            continue;
        }
        let team = found(teams::by_id(conn, &evaluation.team_id)?, "team")?;
        let members = teams::members_of(conn, &team.id)?
            .into_iter()
            .filter(|m| m.member.accepted)
            .collect::<Vec<_>>();
        let evaluator = found(
            qadam_db::queries::users::by_id(conn, &evaluation.evaluator_id)?,
            "user",
        )?;
        let logins: Vec<String> = members.iter().map(|m| m.login.clone()).collect();
        let when = evaluation.begin_at.format("%H:%M").to_string();
        let (kind, to_evaluator, to_team) = if reminder {
            (
                kind::STARTING_SOON,
                format!(
                    "your evaluation of {} starts at {when} UTC",
                    logins.join(", ")
                ),
                format!(
                    "your evaluation with {} starts at {when} UTC: have your code ready",
                    evaluator.login
                ),
            )
        } else {
            (
                kind::REVEALED,
                format!("at {when} UTC you evaluate {}", logins.join(", ")),
                format!("at {when} UTC you are evaluated by {}", evaluator.login),
            )
        };
        notify(
            conn,
            Note {
                user_id: &evaluator.id,
                kind,
                evaluation_id: Some(&evaluation.id),
                team_id: None,
                campus_id: evaluation.campus_id.as_deref(),
                message: to_evaluator,
                data: json!({"team": logins, "begin_at": utc(evaluation.begin_at)}),
            },
            now,
        )?;
        for member in &members {
            notify(
                conn,
                Note {
                    user_id: &member.member.user_id,
                    kind,
                    evaluation_id: Some(&evaluation.id),
                    team_id: Some(&team.id),
                    campus_id: evaluation.campus_id.as_deref(),
                    message: to_team.clone(),
                    data: json!({"evaluator": evaluator.login, "begin_at": utc(evaluation.begin_at)}),
                },
                now,
            )?;
        }
        sent += 1;
    }
    Ok(sent)
}

/// Evaluations never started whose time ended more than the grace ago: a no-show of
/// unknown fault (the team is refunded, nobody is rewarded or penalized).
fn expire_unstarted(conn: &mut DbConn, now: NaiveDateTime) -> CoreResult<usize> {
    let mut recorded = 0;
    for evaluation in rows::never_started(conn, now, 100)? {
        let settings = campus_settings(conn, evaluation.campus_id.as_deref())?;
        let ends = evaluation.end_at + Duration::minutes(i64::from(settings.no_show_grace_minutes));
        if now < ends {
            continue;
        }
        if record_no_show(conn, evaluation, Absent::Unknown, &settings, now)?.is_some() {
            recorded += 1;
        }
    }
    Ok(recorded)
}
