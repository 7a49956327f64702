//! What staff see: their campus's students (search, level, current project, last
//! activity, who is at risk), a student's page (attempts and marks, with a mark
//! override that needs a reason and is audited), the review flags to handle (void an
//! evaluation with a reason) and the grading queue. Admins see every campus.

use super::dashboard::format_time;
use super::layout::{act, core_error_page, csrf_field, error_page, page, sign_in_first};
use super::session::Visit;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Form, Path, Query};
use actix_web::HttpResponse;
use chrono::NaiveDateTime;
use maud::{html, Markup};
use qadam_core::accounts::list_scope;
use qadam_core::catalog::DiskCatalog;
use qadam_core::grading::{queue_overview, QueueOverview};
use qadam_core::progress::{self, Progress, StudentRecord};
use qadam_core::{evaluations, marks, CoreError, SignedIn};
use qadam_db::models::ReviewFlagRow;
use qadam_db::queries::users;
use qadam_domain::pagination::{Page, MAX_PER_PAGE};
use qadam_domain::{CampusId, Role, TeamStatus};
use serde::Deserialize;

/// Days without any change to one's attempts after which a student shows as at risk.
const AT_RISK_DAYS: i64 = 7;

/// The signed-in staff member, or the page to answer instead.
fn staff_only(visit: &Visit) -> Result<SignedIn, Box<HttpResponse>> {
    let Some(me) = visit.user.clone() else {
        return Err(Box::new(sign_in_first(visit)));
    };
    if me.actor().require_staff().is_err() {
        return Err(Box::new(error_page(visit, StatusCode::FORBIDDEN, None)));
    }
    Ok(me)
}

fn staff_nav(visit: &Visit) -> Markup {
    let tr = &visit.tr;
    html! {
        nav.tabs aria-label=(tr.t("staff-title")) {
            a href="/staff" { (tr.t("staff-students")) }
            a href="/staff/review-flags" { (tr.t("staff-review-flags")) }
            a href="/staff/queue" { (tr.t("staff-queue")) }
            a href="/staff/accounts" { (tr.t("staff-accounts")) }
            a href="/staff/catalog" { (tr.t("staff-catalog")) }
        }
    }
}

/// The newest change to any of a student's attempts.
fn last_activity(progress: &Progress) -> Option<NaiveDateTime> {
    progress.projects.iter().map(|p| p.current.updated_at).max()
}

#[derive(Deserialize)]
pub struct Search {
    q: Option<String>,
}

pub async fn students(state: Data<AppState>, visit: Visit, search: Query<Search>) -> HttpResponse {
    let me = match staff_only(&visit) {
        Ok(me) => me,
        Err(page) => return *page,
    };
    let wanted = search
        .into_inner()
        .q
        .unwrap_or_default()
        .trim()
        .to_lowercase();
    let now = state.core.clock.now();
    let filter = wanted.clone();
    let loaded = state
        .core
        .db
        .read(move |conn| {
            let wanted = filter;
            let actor = me.actor();
            let campus = list_scope(conn, &actor, None)?;
            let page = Page {
                page: 1,
                per_page: MAX_PER_PAGE,
            };
            let (people, _) = users::list(conn, campus.as_ref().map(CampusId::as_str), page)?;
            let mut rows = Vec::new();
            for person in people.into_iter().filter(|u| u.role == Role::Student) {
                let matches = wanted.is_empty()
                    || person.login.to_lowercase().contains(&wanted)
                    || person.display_name.to_lowercase().contains(&wanted);
                if matches {
                    rows.push(progress::progress(conn, &actor, &person.login)?);
                }
            }
            Ok::<_, CoreError>(rows)
        })
        .await;
    let rows = match loaded {
        Ok(rows) => rows,
        Err(err) => return core_error_page(&visit, err),
    };
    let tr = &visit.tr;
    let main = html! {
        h1 { (tr.t("staff-students")) }
        (staff_nav(&visit))
        form method="get" action="/staff" {
            label for="q" { (tr.t("staff-search")) }
            input #q type="text" name="q" value=(wanted);
            button type="submit" { (tr.t("staff-search-button")) }
        }
        table.students {
            thead { tr {
                th { (tr.t("login-login")) } th { (tr.t("staff-level")) } th { (tr.t("staff-current")) }
                th { (tr.t("staff-last-activity")) } th { (tr.t("staff-at-risk")) }
            } }
            tbody {
                @for row in &rows {
                    @let last = last_activity(row);
                    @let at_risk = last.is_none_or(|at| now - at > chrono::Duration::days(AT_RISK_DAYS));
                    tr class=[at_risk.then_some("at-risk")] {
                        td { a href=(format!("/staff/students/{}", row.user.login)) { (row.user.login) } " " small { (row.user.display_name) } }
                        td { (format!("{:.2}", row.level)) }
                        td {
                            @for project in row.projects.iter().filter(|p| matches!(p.current.status, TeamStatus::Forming | TeamStatus::InProgress | TeamStatus::WaitingForEvaluation)) {
                                (project.slug) " "
                            }
                        }
                        td { @match last { Some(at) => (format_time(at)), None => "–" } }
                        td { @if at_risk { strong { (tr.t("staff-yes")) } } }
                    }
                }
            }
        }
    };
    page(&visit, StatusCode::OK, &tr.t("staff-students"), main)
}

pub async fn student(state: Data<AppState>, visit: Visit, login: Path<String>) -> HttpResponse {
    let me = match staff_only(&visit) {
        Ok(me) => me,
        Err(page) => return *page,
    };
    let login = login.into_inner();
    let now = state.core.clock.now();
    let loaded = state
        .core
        .db
        .read(move |conn| {
            let actor = me.actor();
            let progress = progress::progress(conn, &actor, &login)?;
            let record = progress::record(conn, &actor, &login, now)?;
            Ok::<_, CoreError>((progress, record))
        })
        .await;
    let (progress, record) = match loaded {
        Ok(loaded) => loaded,
        Err(err) => return core_error_page(&visit, err),
    };
    let tr = &visit.tr;
    let main = html! {
        h1 { (progress.user.display_name) " (" (progress.user.login) ")" }
        (staff_nav(&visit))
        p { (tr.t_with("dashboard-level", &[("level", format!("{:.2}", progress.level).into())])) " · " (tr.t_with("dashboard-xp", &[("xp", progress.xp.into())])) }
        table.attempts {
            thead { tr {
                th { (tr.t("staff-project")) } th { (tr.t("evaluations-status")) } th { (tr.t("project-mark")) }
                th { (tr.t("staff-attempts")) } th { (tr.t("staff-override")) }
            } }
            tbody {
                @for project in &progress.projects {
                    tr {
                        td { a href=(format!("/projects/{}", project.slug)) { (project.slug) } }
                        td { (tr.t(&format!("status-{}", project.current.status.as_str()))) }
                        td { @match project.current.final_mark { Some(mark) => (mark), None => "–" } }
                        td { (project.attempts) }
                        td {
                            @if project.current.status == TeamStatus::Finished {
                                form.inline method="post" action=(format!("/staff/teams/{}/mark", project.current.id)) {
                                    (csrf_field(&visit))
                                    label for=(format!("mark-{}", project.current.id)) { (tr.t("project-mark")) }
                                    input id=(format!("mark-{}", project.current.id)) type="number" name="mark" min="-42" max="125" required;
                                    label for=(format!("reason-{}", project.current.id)) { (tr.t("staff-reason")) }
                                    input id=(format!("reason-{}", project.current.id)) type="text" name="reason" required;
                                    button type="submit" { (tr.t("staff-override")) }
                                }
                            }
                        }
                    }
                }
            }
        }
        (submissions_table(&visit, &record))
        (evaluations_table(&visit, &progress.user.id, &record))
    };
    page(&visit, StatusCode::OK, &progress.user.login, main)
}

fn submissions_table(visit: &Visit, record: &StudentRecord) -> Markup {
    let tr = &visit.tr;
    html! {
        section #submissions {
            h2 { (tr.t("project-submissions")) }
            @if record.submissions.is_empty() { p { (tr.t("project-no-submissions")) } }
            @else {
                table {
                    thead { tr {
                        th { (tr.t("evaluations-when")) } th { (tr.t("staff-project")) }
                        th { (tr.t("evaluations-status")) } th { (tr.t("submission-verdict")) } th { (tr.t("staff-score")) }
                    } }
                    tbody {
                        @for (submission, slug) in &record.submissions {
                            tr {
                                td { (format_time(submission.submitted_at)) }
                                td { a href=(format!("/projects/{slug}")) { (slug) } }
                                td { (tr.t(&format!("submission-status-{}", submission.status.as_str()))) }
                                td { @if let Some(verdict) = &submission.verdict { (tr.t(&format!("verdict-{verdict}"))) } }
                                td { @if let Some(score) = submission.score { (format!("{score:.0}")) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn evaluations_table(visit: &Visit, user_id: &str, record: &StudentRecord) -> Markup {
    let tr = &visit.tr;
    html! {
        section #evaluations {
            h2 { (tr.t("staff-evaluations")) }
            @if record.evaluations.is_empty() { p { (tr.t("dashboard-no-evaluations")) } }
            @else {
                table {
                    thead { tr {
                        th { (tr.t("evaluations-when")) } th { (tr.t("staff-project")) } th { (tr.t("staff-role")) }
                        th { (tr.t("evaluations-status")) } th { (tr.t("project-mark")) }
                    } }
                    tbody {
                        @for detail in &record.evaluations {
                            @let gives = detail.evaluation.evaluator_id == user_id;
                            tr {
                                td { a href=(format!("/evaluations/{}", detail.evaluation.id)) { (format_time(detail.evaluation.begin_at)) } }
                                td { (detail.project_slug) }
                                td { (tr.t(if gives { "staff-gives" } else { "staff-receives" })) }
                                td { (tr.t(&format!("evaluation-status-{}", detail.evaluation.status.as_str()))) }
                                td { @if let Some(mark) = detail.evaluation.mark { (mark) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[derive(Deserialize)]
pub struct MarkForm {
    csrf: String,
    mark: i32,
    reason: String,
}

pub async fn override_mark(
    state: Data<AppState>,
    visit: Visit,
    id: Path<String>,
    form: Form<MarkForm>,
) -> HttpResponse {
    let MarkForm { csrf, mark, reason } = form.into_inner();
    let team_id = id.into_inner();
    act(&state, &visit, &csrf, move |conn, me, now| {
        let detail = marks::override_mark(
            conn,
            &me.actor(),
            &me.audit_actor(),
            &team_id,
            mark,
            reason.trim(),
            now,
        )?;
        let login = detail
            .members
            .first()
            .map(|m| m.login.clone())
            .unwrap_or_default();
        Ok(format!("/staff/students/{login}"))
    })
    .await
}

pub async fn review_flags(state: Data<AppState>, visit: Visit) -> HttpResponse {
    let me = match staff_only(&visit) {
        Ok(me) => me,
        Err(page) => return *page,
    };
    let loaded = state
        .core
        .db
        .read(move |conn| evaluations::review_list(conn, &me.actor(), None, 200))
        .await;
    let flags: Vec<ReviewFlagRow> = match loaded {
        Ok(flags) => flags,
        Err(err) => return core_error_page(&visit, err),
    };
    let tr = &visit.tr;
    let main = html! {
        h1 { (tr.t("staff-review-flags")) }
        (staff_nav(&visit))
        @if flags.is_empty() { p { (tr.t("staff-no-flags")) } }
        ul.flags {
            @for flag in &flags {
                li {
                    strong { (flag.kind) } " · " (format_time(flag.created_at)) " · " (flag.details) " · "
                    a href=(format!("/evaluations/{}", flag.evaluation_id)) { (tr.t("staff-see-evaluation")) }
                    form.inline method="post" action=(format!("/staff/evaluations/{}/void", flag.evaluation_id)) {
                        (csrf_field(&visit))
                        label for=(format!("void-{}", flag.id)) { (tr.t("staff-reason")) }
                        input id=(format!("void-{}", flag.id)) type="text" name="reason" required;
                        button type="submit" { (tr.t("staff-void")) }
                    }
                }
            }
        }
    };
    page(&visit, StatusCode::OK, &tr.t("staff-review-flags"), main)
}

#[derive(Deserialize)]
pub struct VoidForm {
    csrf: String,
    reason: String,
}

pub async fn void(
    state: Data<AppState>,
    visit: Visit,
    id: Path<String>,
    form: Form<VoidForm>,
) -> HttpResponse {
    let VoidForm { csrf, reason } = form.into_inner();
    let id = id.into_inner();
    act(&state, &visit, &csrf, move |conn, me, now| {
        evaluations::void(
            conn,
            &me.actor(),
            &me.audit_actor(),
            &id,
            reason.trim(),
            now,
        )?;
        Ok("/staff/review-flags".into())
    })
    .await
}

pub async fn queue(state: Data<AppState>, visit: Visit) -> HttpResponse {
    if let Err(page) = staff_only(&visit) {
        return *page;
    }
    let overview: QueueOverview = match state.core.db.read(queue_overview).await {
        Ok(overview) => overview,
        Err(err) => return core_error_page(&visit, err),
    };
    let tr = &visit.tr;
    let main = html! {
        h1 { (tr.t("staff-queue")) }
        (staff_nav(&visit))
        dl {
            dt { (tr.t("submission-status-queued")) } dd #queued { (overview.queued) }
            dt { (tr.t("submission-status-running")) } dd { (overview.running) }
            dt { (tr.t("submission-status-failed")) } dd { (overview.failed) }
        }
        @if !overview.recent_failures.is_empty() {
            table {
                thead { tr { th { "job" } th { (tr.t("staff-attempts")) } th { (tr.t("evaluations-reason")) } } }
                tbody {
                    @for failure in &overview.recent_failures {
                        tr { td { (failure.job) } td { (failure.attempts) } td { (failure.error.clone().unwrap_or_default()) } }
                    }
                }
            }
        }
    };
    page(&visit, StatusCode::OK, &tr.t("staff-queue"), main)
}

/// Accounts: create one, or import a cohort from CSV lines
/// `login,display name,email,role,password` (a header line is skipped); each row is
/// its own account, created whole or not at all, and the report says which.
pub async fn accounts(visit: Visit) -> HttpResponse {
    if let Err(page) = staff_only(&visit) {
        return *page;
    }
    accounts_page(&visit, &[])
}

fn accounts_page(visit: &Visit, report: &[(usize, String, Result<(), String>)]) -> HttpResponse {
    let tr = &visit.tr;
    let main = html! {
        h1 { (tr.t("staff-accounts")) }
        (staff_nav(visit))
        @if !report.is_empty() {
            section #import-report {
                h2 { (tr.t("staff-import-report")) }
                table {
                    thead { tr { th { "#" } th { (tr.t("login-login")) } th { (tr.t("evaluations-status")) } } }
                    tbody {
                        @for (line, login, outcome) in report {
                            tr class=(if outcome.is_ok() { "created" } else { "refused" }) {
                                td { (line) } td { (login) }
                                td { @match outcome { Ok(()) => (tr.t("staff-created")), Err(why) => (why) } }
                            }
                        }
                    }
                }
            }
        }
        section #create-account {
            h2 { (tr.t("staff-create-account")) }
            form method="post" action="/staff/accounts/new" {
                (csrf_field(visit))
                label for="new-login" { (tr.t("login-login")) }
                input #new-login type="text" name="login" required autocomplete="off";
                label for="new-name" { (tr.t("staff-display-name")) }
                input #new-name type="text" name="display_name" required;
                label for="new-email" { (tr.t("staff-email")) }
                input #new-email type="email" name="email";
                label for="new-role" { (tr.t("staff-role")) }
                select #new-role name="role" {
                    option value="student" selected { "student" }
                    option value="staff" { "staff" }
                    option value="admin" { "admin" }
                }
                label for="new-password" { (tr.t("staff-initial-password")) }
                input #new-password type="password" name="password" required autocomplete="new-password";
                button type="submit" { (tr.t("staff-create-button")) }
            }
        }
        section {
            h2 { (tr.t("staff-import")) }
            p.help { (tr.t("staff-import-help")) }
            form method="post" action="/staff/accounts" {
                (csrf_field(visit))
                label for="csv" { (tr.t("staff-csv")) }
                textarea #csv name="csv" rows="8" required placeholder="login,display name,email,role,password" {}
                button type="submit" { (tr.t("staff-import-button")) }
            }
        }
    };
    page(visit, StatusCode::OK, &tr.t("staff-accounts"), main)
}

#[derive(Deserialize)]
pub struct ImportForm {
    csrf: String,
    csv: String,
}

/// One CSV row as an account request, or why it cannot be one.
fn parse_row(line: &str) -> Result<qadam_core::accounts::AccountRequest, String> {
    let fields: Vec<&str> = line.split(',').map(str::trim).collect();
    let [login, name, email, role, password] = fields[..] else {
        return Err(format!(
            "{} fields; a row has 5: login,display name,email,role,password",
            fields.len()
        ));
    };
    let role =
        Role::parse(role).ok_or_else(|| format!("role {role:?}: student, staff or admin"))?;
    Ok(qadam_core::accounts::AccountRequest {
        login: login.to_string(),
        display_name: name.to_string(),
        email: (!email.is_empty()).then(|| email.to_string()),
        role,
        campus: None,
        password: password.to_string(),
    })
}

/// The staff member who sent a form, once its CSRF token matches; else the page to
/// answer.
fn staff_sender(visit: &Visit, csrf: &str) -> Result<SignedIn, Box<HttpResponse>> {
    if !visit.csrf_matches(csrf) {
        return Err(Box::new(error_page(
            visit,
            StatusCode::FORBIDDEN,
            Some(&visit.tr.t("error-csrf")),
        )));
    }
    staff_only(visit)
}

/// Creates one account, or says why not in the API's words.
async fn create_one(
    state: &AppState,
    me: &SignedIn,
    request: qadam_core::accounts::AccountRequest,
) -> Result<(), String> {
    state
        .core
        .create_account(me, request)
        .await
        .map(drop)
        .map_err(|err| crate::error::ApiError::from(err).message)
}

pub async fn import(state: Data<AppState>, visit: Visit, form: Form<ImportForm>) -> HttpResponse {
    let ImportForm { csrf, csv } = form.into_inner();
    let me = match staff_sender(&visit, &csrf) {
        Ok(me) => me,
        Err(page) => return *page,
    };
    let mut report = Vec::new();
    for (number, line) in csv.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || (number == 0 && line.to_lowercase().starts_with("login,")) {
            continue;
        }
        let login = line
            .split(',')
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
        let outcome = match parse_row(line) {
            Ok(request) => create_one(&state, &me, request).await,
            Err(why) => Err(why),
        };
        report.push((number + 1, login, outcome));
    }
    accounts_page(&visit, &report)
}

#[derive(Deserialize)]
pub struct NewAccountForm {
    csrf: String,
    login: String,
    display_name: String,
    email: String,
    role: String,
    password: String,
}

/// One account from the form; the answer is the accounts page with a one-row report.
pub async fn create_account(
    state: Data<AppState>,
    visit: Visit,
    form: Form<NewAccountForm>,
) -> HttpResponse {
    let form = form.into_inner();
    let me = match staff_sender(&visit, &form.csrf) {
        Ok(me) => me,
        Err(page) => return *page,
    };
    let login = form.login.trim().to_string();
    let outcome = match Role::parse(form.role.trim()) {
        None => Err(format!("role {:?}: student, staff or admin", form.role)),
        Some(role) => {
            let request = qadam_core::accounts::AccountRequest {
                login: login.clone(),
                display_name: form.display_name.trim().to_string(),
                email: Some(form.email.trim().to_string()).filter(|e| !e.is_empty()),
                role,
                campus: None,
                password: form.password,
            };
            create_one(&state, &me, request).await
        }
    };
    accounts_page(&visit, &[(1, login, outcome)])
}

/// The curriculum as stored (its version, each project's version) and as on disk
/// (problems, or what the next `qadam catalog sync` would change).
pub async fn catalog(state: Data<AppState>, visit: Visit) -> HttpResponse {
    let me = match staff_only(&visit) {
        Ok(me) => me,
        Err(page) => return *page,
    };
    let dir = state.catalog_dir.clone();
    let loaded = state
        .core
        .db
        .read(move |conn| qadam_core::catalog::status(conn, &me.actor(), &dir))
        .await;
    let status = match loaded {
        Ok(status) => status,
        Err(err) => return core_error_page(&visit, err),
    };
    let tr = &visit.tr;
    let active = status
        .projects
        .iter()
        .filter(|(row, _)| row.archived_at.is_none())
        .count();
    let main = html! {
        h1 { (tr.t("staff-catalog")) }
        (staff_nav(&visit))
        dl.catalog {
            dt { (tr.t("staff-catalog-version")) } dd #stored-version { code { (status.stored_version) } }
            dt { (tr.t("staff-catalog-projects")) }
            dd { (active) " · " (tr.t_with("staff-catalog-archived", &[("count", ((status.projects.len() - active) as i64).into())])) }
            dt { (tr.t("staff-catalog-last-sync")) }
            dd #last-sync {
                @match &status.last_sync {
                    Some(entry) => { (format_time(entry.at)) " · " (entry.actor_label) }
                    None => { "–" }
                }
            }
        }
        section #on-disk {
            h2 { (tr.t("staff-catalog-disk")) }
            @match &status.disk {
                DiskCatalog::Absent(dir) => p { (tr.t_with("staff-catalog-absent", &[("dir", dir.clone().into())])) },
                DiskCatalog::Problems(problems) => {
                    p.problem { (tr.t_with("staff-catalog-problems", &[("count", (problems.len() as i64).into())])) }
                    ul #problems { @for problem in problems.iter().take(200) { li { code { (problem) } } } }
                }
                DiskCatalog::Checked { version, changed, added, archived } => {
                    @if changed.is_empty() && added.is_empty() && archived.is_empty() {
                        p #in-sync { (tr.t("staff-catalog-in-sync")) }
                    } @else {
                        p #out-of-sync { (tr.t_with("staff-catalog-out-of-sync", &[("version", version.clone().into())])) }
                        ul {
                            @for (key, slugs) in [("staff-catalog-changed", changed), ("staff-catalog-added", added), ("staff-catalog-removed", archived)] {
                                @if !slugs.is_empty() { li { (tr.t(key)) ": " (slugs.join(", ")) } }
                            }
                        }
                    }
                }
            }
        }
        section {
            h2 { (tr.t("staff-catalog-stored")) }
            table.catalog-projects {
                thead { tr { th { (tr.t("staff-project")) } th { (tr.t("staff-catalog-kind")) } th { (tr.t("staff-catalog-project-version")) } th { (tr.t("staff-catalog-changed-at")) } } }
                tbody {
                    @for (row, _) in &status.projects {
                        tr class=[row.archived_at.is_some().then_some("archived")] {
                            td { a href=(format!("/projects/{}", row.slug)) { (row.slug) } }
                            td { (row.kind.as_str()) }
                            td { (row.current_version) }
                            td { (format_time(row.updated_at)) }
                        }
                    }
                }
            }
        }
    };
    page(&visit, StatusCode::OK, &tr.t("staff-catalog"), main)
}

#[cfg(test)]
mod tests {
    use super::parse_row;

    #[test]
    fn csv_rows_become_account_requests_or_say_why_not() {
        let request =
            parse_row("dana, Dana K., dana@example.org, student, a-long-password").unwrap();
        assert_eq!(
            (request.login.as_str(), request.display_name.as_str()),
            ("dana", "Dana K.")
        );
        assert_eq!(request.email.as_deref(), Some("dana@example.org"));
        assert!(parse_row("dana,Dana,,student,pw").unwrap().email.is_none());
        assert!(parse_row("dana,Dana,student")
            .err()
            .unwrap()
            .contains("3 fields"));
        assert!(parse_row("dana,Dana,,teacher,pw")
            .err()
            .unwrap()
            .contains("teacher"));
    }
}
