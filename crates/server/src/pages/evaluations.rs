//! Peer evaluations on the web: one's availability (open and remove slots), the
//! evaluations one gives and receives, the points ledger; an evaluation's page (the
//! presence code, the sheet question by question, the flag and the comment, then the
//! team's feedback); and, on a project's page, the free times a waiting team may book
//! (never who) and the waitlist. The rules are the core's, as for the API.

use super::dashboard::format_time;
use super::layout::{act, core_error_page, csrf_field, error_page, page, see_other, sign_in_first};
use super::markdown;
use super::session::Visit;
use crate::state::AppState;
use actix_web::http::{header, StatusCode};
use actix_web::web::{Data, Form, Path, Query};
use actix_web::HttpResponse;
use chrono::Datelike;
use chrono::NaiveDateTime;
use maud::{html, Markup, PreEscaped};
use qadam_core::evaluations::{
    self, BookableTime, EvaluationAccess, EvaluationDetail, FeedbackInput, SheetInput, StartOutcome,
};
use qadam_core::slots::{self, SlotDetail};
use qadam_core::{points, CoreError, CoreResult, SignedIn};
use qadam_db::models::{LedgerEntry, Team};
use qadam_db::DbConn;
use qadam_domain::curriculum::{Flag, QuestionKind};
use qadam_domain::evaluation::{booking_window, EvaluationSettings};
use qadam_domain::{EvaluationStatus, Interval};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// The `datetime-local` inputs of the forms, read as UTC.
fn parse_time(value: &str) -> Option<NaiveDateTime> {
    let value = value.trim();
    NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .ok()
}

/// The first quarter hour at or after `at` (slots are made of quarter hours).
fn next_quarter(at: NaiveDateTime) -> NaiveDateTime {
    let step = 15 * 60;
    let seconds = at.and_utc().timestamp();
    let rounded = (seconds + step - 1).div_euclid(step) * step;
    chrono::DateTime::from_timestamp(rounded, 0)
        .map(|t| t.naive_utc())
        .unwrap_or(at)
}

fn input_time(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M").to_string()
}

struct Overview {
    settings: EvaluationSettings,
    slots: Vec<SlotDetail>,
    evaluations: Vec<EvaluationDetail>,
    balance: i32,
    ledger: Vec<LedgerEntry>,
}

/// Which week the calendar shows: 0 is this one.
#[derive(Deserialize)]
pub struct WeekQuery {
    week: Option<u32>,
}

/// Weeks ahead the calendar goes (slots are opened at most two weeks ahead).
const WEEKS_AHEAD: u32 = 2;

pub async fn overview(
    state: Data<AppState>,
    visit: Visit,
    query: Query<WeekQuery>,
) -> HttpResponse {
    let Some(me) = visit.user.clone() else {
        return sign_in_first(&visit);
    };
    let week = query.week.unwrap_or(0).min(WEEKS_AHEAD);
    let now = state.core.clock.now();
    let loaded = state
        .core
        .db
        .read(move |conn| {
            let statement = points::statement(conn, &me.user.id, 20)?;
            Ok::<_, CoreError>(Overview {
                settings: evaluations::campus_settings(conn, me.user.campus_id.as_deref())?,
                slots: slots::mine(conn, &me.user.id, now)?,
                evaluations: evaluations::mine(conn, &me.actor(), now)?,
                balance: statement.balance,
                ledger: statement.history,
            })
        })
        .await;
    let overview = match loaded {
        Ok(overview) => overview,
        Err(err) => return core_error_page(&visit, err),
    };
    let tr = &visit.tr;
    let suggested = next_quarter(now + chrono::Duration::hours(1));
    let main = html! {
        h1 { (tr.t("evaluations-title")) }
        section #slots {
            h2 { (tr.t("evaluations-slots")) }
            p.help { (tr.t("evaluations-slots-help")) }
            (week_calendar(&visit, &overview, week, now))
            @if overview.slots.is_empty() { p { (tr.t("evaluations-no-slots")) } }
            ul {
                @for slot in &overview.slots {
                    li {
                        (format_time(slot.slot.begin_at)) " – " (format_time(slot.slot.end_at))
                        @if !slot.booked.is_empty() { " · " (tr.t_with("evaluations-slot-booked", &[("count", (slot.booked.len() as i64).into())])) }
                        form.inline method="post" action=(format!("/slots/{}/remove", slot.slot.id)) {
                            (csrf_field(&visit))
                            button type="submit" { (tr.t("evaluations-remove-slot")) }
                        }
                    }
                }
            }
            form method="post" action="/slots" {
                (csrf_field(&visit))
                label for="slot-begin" { (tr.t("evaluations-from")) }
                input #slot-begin type="datetime-local" name="begin_at" step="900" required value=(input_time(suggested));
                label for="slot-end" { (tr.t("evaluations-to")) }
                input #slot-end type="datetime-local" name="end_at" step="900" required value=(input_time(suggested + chrono::Duration::hours(2)));
                button type="submit" { (tr.t("evaluations-add-slot")) }
            }
        }
        section #mine {
            h2 { (tr.t("evaluations-mine")) }
            @if overview.evaluations.is_empty() { p { (tr.t("dashboard-no-evaluations")) } }
            ul {
                @for evaluation in &overview.evaluations {
                    li { (evaluation_line(&visit, evaluation)) }
                }
            }
        }
        section #ledger {
            h2 { (tr.t("dashboard-points")) ": " (tr.t_with("dashboard-points-balance", &[("points", overview.balance.into())])) }
            table {
                thead { tr { th { (tr.t("evaluations-when")) } th { (tr.t("evaluations-change")) } th { (tr.t("evaluations-balance")) } th { (tr.t("evaluations-reason")) } } }
                tbody {
                    @for entry in &overview.ledger {
                        tr {
                            td { (format_time(entry.at)) }
                            td { @if entry.delta > 0 { "+" } (entry.delta) }
                            td { (entry.balance_after) }
                            td { (entry.reason) }
                        }
                    }
                }
            }
        }
    };
    page(&visit, StatusCode::OK, &tr.t("evaluations-title"), main)
}

/// What one hour of the calendar is for the evaluator.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Hour {
    /// Past, too soon or too far ahead to change.
    Out,
    /// Free: it can be opened.
    Closed,
    /// Partly open: opening it fills the rest.
    Partly,
    /// Wholly open, in this slot: it can be removed.
    Open(String),
    /// An evaluation is booked in it: it stays.
    Booked,
}

fn hour_state(hour: Interval, slots: &[SlotDetail], window: Interval) -> Hour {
    let mut covered = 0;
    let mut wholly = None;
    for slot in slots {
        let span = Interval::new(slot.slot.begin_at, slot.slot.end_at);
        if !span.overlaps(&hour) {
            continue;
        }
        if slot
            .booked
            .iter()
            .any(|e| Interval::new(e.begin_at, e.end_at).overlaps(&hour))
        {
            return Hour::Booked;
        }
        covered += 1;
        if span.begin <= hour.begin && hour.end <= span.end {
            wholly = Some(slot.slot.id.clone());
        }
    }
    let changeable = window.begin <= hour.begin && hour.end <= window.end;
    match (changeable, wholly, covered) {
        (false, _, _) => Hour::Out,
        (true, Some(id), _) => Hour::Open(id),
        (true, None, 0) => Hour::Closed,
        (true, None, _) => Hour::Partly,
    }
}

/// The Monday that starts the week `weeks_ahead` after this one.
fn week_start(now: NaiveDateTime, weeks_ahead: u32) -> chrono::NaiveDate {
    let today = now.date();
    today - chrono::Duration::days(i64::from(today.weekday().num_days_from_monday()))
        + chrono::Duration::weeks(i64::from(weeks_ahead))
}

/// A week of one's availability, an hour a cell (UTC): a free hour opens with a
/// click, an open one is removed, a booked one stays. One form; each cell's button
/// says what it does, so it works without JavaScript and with the keyboard.
fn week_calendar(visit: &Visit, overview: &Overview, week: u32, now: NaiveDateTime) -> Markup {
    let tr = &visit.tr;
    let monday = week_start(now, week);
    let window = booking_window(now, &overview.settings);
    let days: Vec<chrono::NaiveDate> = (0..7).map(|d| monday + chrono::Duration::days(d)).collect();
    let at = |day: chrono::NaiveDate, hour: u32| day.and_hms_opt(hour, 0, 0).unwrap_or_default();
    let day_name = |day: chrono::NaiveDate| {
        format!(
            "{} {}",
            tr.t(&format!("weekday-{}", day.weekday().number_from_monday())),
            day.format("%d.%m")
        )
    };
    html! {
        div #calendar.calendar {
            nav.weeks aria-label=(tr.t("evaluations-calendar")) {
                @if week > 0 { a href=(format!("/evaluations?week={}#calendar", week - 1)) { "← " (tr.t("evaluations-week-before")) } }
                strong { (tr.t_with("evaluations-week-of", &[("date", monday.format("%Y-%m-%d").to_string().into())])) }
                @if week < WEEKS_AHEAD { a href=(format!("/evaluations?week={}#calendar", week + 1)) { (tr.t("evaluations-week-after")) " →" } }
            }
            form method="post" action="/slots/calendar" {
                (csrf_field(visit))
                input type="hidden" name="week" value=(week);
                table.calendar {
                    caption { (tr.t("evaluations-calendar-help")) }
                    thead { tr {
                        th scope="col" { "UTC" }
                        @for day in &days { th scope="col" { (day_name(*day)) } }
                    } }
                    tbody {
                        @for hour in 0..24u32 {
                            tr {
                                th scope="row" { (format!("{hour:02}:00")) }
                                @for day in &days {
                                    @let begin = at(*day, hour);
                                    @let span = Interval::new(begin, begin + chrono::Duration::hours(1));
                                    @let when = format!("{} {:02}:00–{:02}:00", day_name(*day), hour, (hour + 1) % 24);
                                    @match hour_state(span, &overview.slots, window) {
                                        Hour::Out => td.out {},
                                        Hour::Booked => td.booked title=(tr.t("evaluations-cell-booked")) { span.sr { (tr.t("evaluations-cell-booked")) } },
                                        Hour::Open(id) => td.open {
                                            button type="submit" name="cell" value=(format!("remove:{id}:{}", input_time(begin)))
                                                aria-label=(tr.t_with("evaluations-cell-remove", &[("when", when.clone().into())])) { "✓" }
                                        },
                                        state => td class=(if state == Hour::Partly { "partly" } else { "closed" }) {
                                            button type="submit" name="cell" value=(format!("open:{}", input_time(begin)))
                                                aria-label=(tr.t_with("evaluations-cell-open", &[("when", when.clone().into())])) { "+" }
                                        },
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[derive(Deserialize)]
pub struct CalendarForm {
    csrf: String,
    week: Option<u32>,
    cell: String,
}

/// One calendar cell's button: `open:<hour>` opens that hour, `remove:<slot>:<hour>`
/// removes it from the slot.
pub async fn calendar_cell(
    state: Data<AppState>,
    visit: Visit,
    form: Form<CalendarForm>,
) -> HttpResponse {
    let CalendarForm { csrf, week, cell } = form.into_inner();
    let back = format!(
        "/evaluations?week={}#calendar",
        week.unwrap_or(0).min(WEEKS_AHEAD)
    );
    act(&state, &visit, &csrf, move |conn, me, now| {
        let (action, rest) = cell.split_once(':').unwrap_or((cell.as_str(), ""));
        match action {
            "open" => {
                let begin = time_field(rest, "cell")?;
                slots::add(
                    conn,
                    &me.user,
                    begin,
                    begin + chrono::Duration::hours(1),
                    now,
                )?;
            }
            "remove" => {
                let (slot_id, hour) = rest.split_once(':').unwrap_or((rest, ""));
                let begin = time_field(hour, "cell")?;
                let part = (begin, begin + chrono::Duration::hours(1));
                slots::remove(conn, &me.user, slot_id, Some(part))?;
            }
            _ => {
                return Err(CoreError::invalid(
                    "cell",
                    "cell: open:<time> or remove:<slot>:<time>",
                ))
            }
        }
        Ok(back)
    })
    .await
}

fn evaluation_line(visit: &Visit, evaluation: &EvaluationDetail) -> Markup {
    let tr = &visit.tr;
    let key = if evaluation.access == EvaluationAccess::Evaluator {
        "dashboard-evaluating"
    } else {
        "dashboard-evaluated"
    };
    html! {
        a href=(format!("/evaluations/{}", evaluation.evaluation.id)) {
            (format_time(evaluation.evaluation.begin_at)) " · "
            (tr.t_with(key, &[("project", evaluation.project_slug.clone().into())]))
        }
        " · " span.status { (tr.t(&format!("evaluation-status-{}", evaluation.evaluation.status.as_str()))) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_from_forms_are_minutes_in_utc_and_slots_start_on_quarters() {
        let at = parse_time("2026-12-07T18:15").unwrap();
        assert_eq!(input_time(at), "2026-12-07T18:15");
        assert!(parse_time("tomorrow").is_none());
        assert_eq!(
            next_quarter(parse_time("2026-12-07T18:16").unwrap()),
            parse_time("2026-12-07T18:30").unwrap()
        );
        assert_eq!(next_quarter(at), at);
    }
}

#[derive(Deserialize)]
pub struct SlotForm {
    csrf: String,
    begin_at: String,
    end_at: String,
}

fn time_field(value: &str, field: &'static str) -> CoreResult<NaiveDateTime> {
    parse_time(value).ok_or_else(|| {
        CoreError::invalid(
            field,
            format!("{field}: a date and time, like 2026-12-07T18:15 (UTC)"),
        )
    })
}

pub async fn add_slot(state: Data<AppState>, visit: Visit, form: Form<SlotForm>) -> HttpResponse {
    let SlotForm {
        csrf,
        begin_at,
        end_at,
    } = form.into_inner();
    act(&state, &visit, &csrf, move |conn, me, now| {
        let begin = time_field(&begin_at, "begin_at")?;
        let end = time_field(&end_at, "end_at")?;
        slots::add(conn, &me.user, begin, end, now)?;
        Ok("/evaluations#slots".into())
    })
    .await
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    csrf: String,
}

pub async fn remove_slot(
    state: Data<AppState>,
    visit: Visit,
    id: Path<String>,
    form: Form<CsrfOnly>,
) -> HttpResponse {
    let id = id.into_inner();
    act(&state, &visit, &form.csrf, move |conn, me, _| {
        slots::remove(conn, &me.user, &id, None)?;
        Ok("/evaluations#slots".into())
    })
    .await
}

/// On a project's page, for a team waiting for evaluation: the free times (never
/// who), a button to book each, and the waitlist.
pub fn booking_section(visit: &Visit, team: &Team, times: &[BookableTime]) -> Markup {
    let tr = &visit.tr;
    html! {
        section.booking #booking {
            h3 { (tr.t("evaluations-book-title")) }
            @if times.is_empty() {
                p { (tr.t("evaluations-no-times")) }
            } @else {
                ul.times {
                    @for time in times.iter().take(24) {
                        li {
                            form.inline method="post" action=(format!("/teams/{}/book", team.id)) {
                                (csrf_field(visit))
                                input type="hidden" name="begin_at" value=(input_time(time.begin_at));
                                span { (format_time(time.begin_at)) }
                                button type="submit" { (tr.t("evaluations-book")) }
                            }
                        }
                    }
                }
            }
            form method="post" action=(format!("/teams/{}/waitlist", team.id)) {
                (csrf_field(visit))
                label for="waitlist-before" { (tr.t("evaluations-waitlist")) }
                input #waitlist-before type="datetime-local" name="before" step="900" required;
                button type="submit" { (tr.t("evaluations-waitlist-join")) }
            }
        }
    }
}

/// The bookable times of a team waiting for evaluation: none once it has every
/// evaluation it needs, or when its project is not evaluated by peers. Any other error
/// is the page's.
pub fn bookable_times(
    conn: &mut DbConn,
    me: &SignedIn,
    team: &Team,
    now: NaiveDateTime,
) -> CoreResult<Vec<BookableTime>> {
    match evaluations::bookable(conn, &me.actor(), &team.id, now) {
        Err(CoreError::Conflict {
            code: "no_peer_evaluation",
            ..
        }) => Ok(Vec::new()),
        other => other,
    }
}

#[derive(Deserialize)]
pub struct BookForm {
    csrf: String,
    begin_at: String,
}

pub async fn book(
    state: Data<AppState>,
    visit: Visit,
    id: Path<String>,
    form: Form<BookForm>,
) -> HttpResponse {
    let BookForm { csrf, begin_at } = form.into_inner();
    let team_id = id.into_inner();
    act(&state, &visit, &csrf, move |conn, me, now| {
        let begin = time_field(&begin_at, "begin_at")?;
        let detail = evaluations::book(conn, &me.actor(), &team_id, begin, now)?;
        Ok(format!("/evaluations/{}", detail.evaluation.id))
    })
    .await
}

#[derive(Deserialize)]
pub struct WaitlistForm {
    csrf: String,
    before: String,
}

pub async fn waitlist(
    state: Data<AppState>,
    visit: Visit,
    id: Path<String>,
    form: Form<WaitlistForm>,
) -> HttpResponse {
    let WaitlistForm { csrf, before } = form.into_inner();
    let team_id = id.into_inner();
    act(&state, &visit, &csrf, move |conn, me, now| {
        let before = time_field(&before, "before")?;
        evaluations::join_waitlist(conn, &me.actor(), &team_id, before, now)?;
        Ok("/evaluations".into())
    })
    .await
}

pub async fn show(state: Data<AppState>, visit: Visit, id: Path<String>) -> HttpResponse {
    let Some(me) = visit.user.clone() else {
        return sign_in_first(&visit);
    };
    let id = id.into_inner();
    let now = state.core.clock.now();
    let loaded = state
        .core
        .db
        .read(move |conn| {
            let (evaluation, access) = evaluations::visible(conn, &me.actor(), &id)?;
            evaluations::detail(conn, evaluation, access, now)
        })
        .await;
    let detail = match loaded {
        Ok(detail) => detail,
        Err(err) => return core_error_page(&visit, err),
    };
    let tr = &visit.tr;
    let evaluation = &detail.evaluation;
    let title = tr.t_with(
        if detail.access == EvaluationAccess::Evaluator {
            "dashboard-evaluating"
        } else {
            "dashboard-evaluated"
        },
        &[("project", detail.project_slug.clone().into())],
    );
    let main = html! {
        h1 { (title) }
        section {
            dl {
                dt { (tr.t("evaluations-when")) } dd { (format_time(evaluation.begin_at)) " – " (format_time(evaluation.end_at)) }
                dt { (tr.t("evaluations-status")) } dd #evaluation-status { (tr.t(&format!("evaluation-status-{}", evaluation.status.as_str()))) }
                @if detail.revealed {
                    @if let Some(login) = &detail.evaluator_login { dt { (tr.t("evaluations-evaluator")) } dd { (login) } }
                    @if let Some(logins) = &detail.team_logins { dt { (tr.t("project-members")) } dd { (logins.join(", ")) } }
                } @else {
                    dt { (tr.t("evaluations-who")) } dd { (tr.t_with("evaluations-revealed-at", &[("at", format_time(detail.reveal_at).into())])) }
                }
                @if let Some(code) = &detail.presence_code {
                    dt { (tr.t("evaluations-code")) } dd { strong #presence-code { (code) } }
                }
                @if let Some(mark) = evaluation.mark { dt { (tr.t("project-mark")) } dd #evaluation-mark { (mark) } }
                @if let Some(flag) = &evaluation.flag { dt { (tr.t("evaluations-flag")) } dd { (tr.t(&format!("flag-{flag}"))) } }
                @if let Some(comment) = &evaluation.comment { dt { (tr.t("evaluations-comment")) } dd #evaluation-comment { (comment) } }
            }
        }
        @if evaluation.status == EvaluationStatus::Booked && detail.access != EvaluationAccess::Staff {
            form.inline method="post" action=(format!("/evaluations/{}/cancel", evaluation.id)) {
                (csrf_field(&visit))
                button #cancel-evaluation type="submit" { (tr.t("evaluations-cancel")) }
                span.help { (tr.t("evaluations-cancel-help")) }
            }
        }
        @if detail.access == EvaluationAccess::Evaluator {
            @if evaluation.status == EvaluationStatus::Booked {
                form method="post" action=(format!("/evaluations/{}/start", evaluation.id)) {
                    (csrf_field(&visit))
                    label for="code" { (tr.t("evaluations-enter-code")) }
                    input #code type="text" name="code" inputmode="numeric" autocomplete="off" required;
                    button type="submit" { (tr.t("evaluations-start")) }
                }
            }
            @if evaluation.status == EvaluationStatus::InProgress {
                p { a href=(format!("/evaluations/{}/submission", evaluation.id)) { (tr.t("evaluations-download")) } }
                (sheet_form(&visit, &detail))
            }
        }
        @if detail.access == EvaluationAccess::Team && evaluation.status == EvaluationStatus::Completed {
            @if let Some(feedback) = &detail.feedback {
                p { (tr.t("evaluations-feedback-given")) ": " (feedback.rating) "/5" }
            } @else {
                (feedback_form(&visit, &detail))
            }
        }
    };
    page(&visit, StatusCode::OK, &title, main)
}

fn sheet_form(visit: &Visit, detail: &EvaluationDetail) -> Markup {
    let tr = &visit.tr;
    let Some(sheet) = &detail.sheet else {
        return html! {};
    };
    html! {
        form.sheet method="post" action=(format!("/evaluations/{}/sheet", detail.evaluation.id)) {
            (csrf_field(visit))
            p.help { (tr.t_with("evaluations-sheet-time", &[("minutes", detail.duration_minutes.into())])) }
            @if !sheet.guidelines.is_empty() { div.guidelines.markdown { (PreEscaped(markdown::render(&sheet.guidelines))) } }
            @for (s, section) in sheet.sections.iter().enumerate() {
                fieldset {
                    legend { (section.name) }
                    @if let Some(guidelines) = &section.guidelines { div.guidelines.markdown { (PreEscaped(markdown::render(guidelines))) } }
                    @for (q, question) in section.questions.iter().enumerate() {
                        @let id = format!("{}.{}", s + 1, q + 1);
                        @let field = format!("q{}", id.replace('.', "_"));
                        div.question {
                            @match question.kind {
                                QuestionKind::YesNo => {
                                    fieldset.yesno {
                                        legend { (question.text) @if question.bonus { " (" (tr.t("evaluations-bonus")) ")" } }
                                        label for=(format!("{field}-yes")) { input id=(format!("{field}-yes")) type="radio" name=(field) value="yes" required[!question.bonus]; " " (tr.t("evaluations-yes")) }
                                        label for=(format!("{field}-no")) { input id=(format!("{field}-no")) type="radio" name=(field) value="no"; " " (tr.t("evaluations-no")) }
                                    }
                                }
                                QuestionKind::Rating => {
                                    label for=(field) { (question.text) @if question.bonus { " (" (tr.t("evaluations-bonus")) ")" } }
                                    select id=(field) name=(field) {
                                        @if question.bonus { option value="" { "–" } }
                                        @for n in 0..=5 { option value=(n) { (n) } }
                                    }
                                }
                            }
                            @if let Some(guidelines) = &question.guidelines { div.guidelines.markdown { (PreEscaped(markdown::render(guidelines))) } }
                        }
                    }
                }
            }
            label for="flag" { (tr.t("evaluations-flag")) }
            select #flag name="flag" {
                @for flag in &sheet.flags {
                    @let name = flag_name(*flag);
                    option value=(name) { (tr.t(&format!("flag-{name}"))) }
                }
            }
            label for="comment" { (tr.t("evaluations-comment")) }
            textarea #comment name="comment" rows="5" required {}
            button type="submit" { (tr.t("evaluations-submit-sheet")) }
        }
    }
}

fn flag_name(flag: Flag) -> String {
    serde_json::to_value(flag)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn feedback_form(visit: &Visit, detail: &EvaluationDetail) -> Markup {
    let tr = &visit.tr;
    html! {
        form.feedback method="post" action=(format!("/evaluations/{}/feedback", detail.evaluation.id)) {
            (csrf_field(visit))
            h2 { (tr.t("evaluations-feedback")) }
            label for="rating" { (tr.t("evaluations-rating")) }
            select #rating name="rating" { @for n in (1..=5).rev() { option value=(n) { (n) } } }
            @for tag in ["nice", "rigorous", "interested", "punctual"] {
                label for=(tag) { input id=(tag) type="checkbox" name=(tag) value="on"; " " (tr.t(&format!("evaluations-tag-{tag}"))) }
            }
            label for="feedback-comment" { (tr.t("evaluations-comment")) }
            textarea #feedback-comment name="comment" rows="4" required {}
            button type="submit" { (tr.t("evaluations-send-feedback")) }
        }
    }
}

/// The team or the evaluator cancels a booked evaluation (refunds and penalties are
/// the core's, as for the API).
pub async fn cancel(
    state: Data<AppState>,
    visit: Visit,
    id: Path<String>,
    form: Form<CsrfOnly>,
) -> HttpResponse {
    let id = id.into_inner();
    act(&state, &visit, &form.csrf, move |conn, me, now| {
        let detail = evaluations::cancel(conn, &me.actor(), &id, now)?;
        Ok(format!("/evaluations/{}", detail.evaluation.id))
    })
    .await
}

#[derive(Deserialize)]
pub struct StartForm {
    csrf: String,
    code: String,
}

pub async fn start(
    state: Data<AppState>,
    visit: Visit,
    id: Path<String>,
    form: Form<StartForm>,
) -> HttpResponse {
    let StartForm { csrf, code } = form.into_inner();
    let id = id.into_inner();
    let back = format!("/evaluations/{id}");
    if !visit.csrf_matches(&csrf) {
        return error_page(
            &visit,
            StatusCode::FORBIDDEN,
            Some(&visit.tr.t("error-csrf")),
        );
    }
    let Some(me) = visit.user.clone() else {
        return sign_in_first(&visit);
    };
    let now = state.core.clock.now();
    let outcome = state
        .core
        .db
        .write(move |conn| {
            evaluations::start(conn, &me.actor(), &id, Some(code.trim()), false, now)
        })
        .await;
    match outcome {
        Ok(StartOutcome::Started(_)) => see_other(&back),
        Ok(StartOutcome::WrongCode { attempts_left }) => {
            let message = visit
                .tr
                .t_with("evaluations-wrong-code", &[("left", attempts_left.into())]);
            error_page(&visit, StatusCode::UNPROCESSABLE_ENTITY, Some(&message))
        }
        Err(err) => core_error_page(&visit, err),
    }
}

/// The sheet as the form sends it: `q1_2 = yes | no | 0..5`, a flag, a comment.
pub async fn sheet(
    state: Data<AppState>,
    visit: Visit,
    id: Path<String>,
    form: Form<HashMap<String, String>>,
) -> HttpResponse {
    let mut fields = form.into_inner();
    let csrf = fields.remove("csrf").unwrap_or_default();
    let id = id.into_inner();
    act(&state, &visit, &csrf, move |conn, me, now| {
        let flag: Flag = serde_json::from_value(serde_json::Value::String(
            fields.remove("flag").unwrap_or_default(),
        ))
        .map_err(|_| CoreError::invalid("flag", "flag: one of the sheet's flags"))?;
        let comment = fields.remove("comment").unwrap_or_default();
        let mut answers = BTreeMap::new();
        for (name, value) in fields {
            let Some(question) = name.strip_prefix('q') else {
                continue;
            };
            let answer = match value.as_str() {
                "" => continue,
                "yes" => serde_json::Value::Bool(true),
                "no" => serde_json::Value::Bool(false),
                number => number
                    .parse::<u32>()
                    .map(serde_json::Value::from)
                    .map_err(|_| {
                        CoreError::invalid(
                            "answers",
                            format!("answers: {number:?} is not an answer"),
                        )
                    })?,
            };
            answers.insert(question.replace('_', "."), answer);
        }
        let detail = evaluations::submit_sheet(
            conn,
            &me.actor(),
            &id,
            SheetInput {
                answers,
                flag,
                comment,
            },
            now,
        )?;
        Ok(format!("/evaluations/{}", detail.evaluation.id))
    })
    .await
}

#[derive(Deserialize)]
pub struct FeedbackForm {
    csrf: String,
    rating: i32,
    comment: String,
    nice: Option<String>,
    rigorous: Option<String>,
    interested: Option<String>,
    punctual: Option<String>,
}

pub async fn feedback(
    state: Data<AppState>,
    visit: Visit,
    id: Path<String>,
    form: Form<FeedbackForm>,
) -> HttpResponse {
    let form = form.into_inner();
    let id = id.into_inner();
    act(&state, &visit, &form.csrf.clone(), move |conn, me, now| {
        let input = FeedbackInput {
            rating: form.rating,
            nice: form.nice.is_some(),
            rigorous: form.rigorous.is_some(),
            interested: form.interested.is_some(),
            punctual: form.punctual.is_some(),
            comment: form.comment,
        };
        let detail = evaluations::give_feedback(conn, &me.actor(), &id, input, now)?;
        Ok(format!("/evaluations/{}", detail.evaluation.id))
    })
    .await
}

/// Exactly the handed-in archive, for the evaluator once the evaluation started.
pub async fn submission(state: Data<AppState>, visit: Visit, id: Path<String>) -> HttpResponse {
    let Some(me) = visit.user.clone() else {
        return sign_in_first(&visit);
    };
    let id = id.into_inner();
    let actor = me.actor();
    let found = state
        .core
        .db
        .read(move |conn| evaluations::submission_for(conn, &actor, &id))
        .await;
    let submission = match found {
        Ok(submission) => submission,
        Err(err) => return core_error_page(&visit, err),
    };
    match qadam_core::submissions::read_blob(&state.core, &submission.sha256).await {
        Ok(bytes) => HttpResponse::Ok()
            .content_type(if submission.format == "zip" {
                "application/zip"
            } else {
                "application/gzip"
            })
            .insert_header((
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"submission-{}.{}\"",
                    submission.id, submission.format
                ),
            ))
            .body(bytes),
        Err(message) => {
            tracing::error!(%message, "a handed-in archive could not be read");
            error_page(&visit, StatusCode::INTERNAL_SERVER_ERROR, None)
        }
    }
}
