//! A project's page: the subject in the chosen language, its rules, registration,
//! the student's team (invite, accept, lock), uploads (file picker, drag and drop,
//! or the `qadam submit` line), the submissions with their per-test report (kept
//! live by the page's script) and the hand-in. Every action is a form with a CSRF
//! token that calls the same use case as the API.

use super::dashboard::format_time;
use super::layout::{
    act, core_error_page, csrf_field, error_page, fragment, page, see_other, sign_in_first,
};
use super::markdown;
use super::session::Visit;
use crate::routes::submissions::submitter_login;
use crate::state::AppState;
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Form, Path};
use actix_web::HttpResponse;
use futures_util::StreamExt;
use maud::{html, Markup, PreEscaped};
use qadam_core::evaluations::BookableTime;
use qadam_core::submissions::{self as core_submissions, shown_tests, stored_result};
use qadam_core::teams::{self, TeamDetail};
use qadam_core::{found, marks, CoreError, CoreResult, SignedIn};
use qadam_db::models::{Submission, Team};
use qadam_db::queries::{projects, teams as team_rows};
use qadam_db::DbConn;
use qadam_domain::curriculum::ProjectDefinition;
use qadam_domain::{ProjectKind, SubmissionStatus, TeamStatus};
use serde::Deserialize;
use std::sync::Arc;

struct ProjectPage {
    definition: Arc<ProjectDefinition>,
    language: String,
    languages: Vec<String>,
    subject_html: String,
    /// The student's newest attempt, with whether they accepted it (or are invited).
    team: Option<(TeamDetail, bool)>,
    submissions: Vec<(Submission, String)>,
    /// Free evaluation times, when the team waits for an evaluation.
    bookable: Vec<BookableTime>,
}

pub async fn show(state: Data<AppState>, visit: Visit, slug: Path<String>) -> HttpResponse {
    let Some(me) = visit.user.clone() else {
        return sign_in_first(&visit);
    };
    let slug = slug.into_inner();
    let wanted = vec![visit.tr.lang.to_string()];
    let curriculum = state.core.curriculum.clone();
    let viewer = me.clone();
    let now = state.core.clock.now();
    let loaded = state
        .core
        .db
        .read(move |conn| {
            let project = curriculum.current_project(conn, &slug, &wanted)?;
            let me = viewer;
            let team = newest_team(conn, &me, &project.row.id)?;
            let submissions = match &team {
                Some((detail, true)) => {
                    let list = core_submissions::of_team(conn, &me.actor(), &detail.team.id)?;
                    with_submitters(conn, list)?
                }
                _ => Vec::new(),
            };
            let bookable = match &team {
                Some((detail, true)) if detail.team.status == TeamStatus::WaitingForEvaluation => {
                    super::evaluations::bookable_times(conn, &me, &detail.team, now)?
                }
                _ => Vec::new(),
            };
            Ok::<_, CoreError>(ProjectPage {
                bookable,
                subject_html: markdown::render(project.subject()),
                definition: project.definition,
                language: project.language,
                languages: project.languages,
                team,
                submissions,
            })
        })
        .await;
    match loaded {
        Ok(project) => render(&visit, &me, &project),
        Err(err) => core_error_page(&visit, err),
    }
}

/// The student's newest attempt of the project, as a member or an invitee.
fn newest_team(
    conn: &mut DbConn,
    me: &SignedIn,
    project_id: &str,
) -> CoreResult<Option<(TeamDetail, bool)>> {
    let newest = team_rows::of_user_for_project(conn, &me.user.id, project_id)?
        .into_iter()
        .find(|(team, _)| team.status != TeamStatus::Abandoned);
    match newest {
        Some((team, accepted)) => Ok(Some((teams::detail(conn, team)?, accepted))),
        None => Ok(None),
    }
}

fn with_submitters(
    conn: &mut DbConn,
    list: Vec<Submission>,
) -> CoreResult<Vec<(Submission, String)>> {
    list.into_iter()
        .map(|s| {
            let login = submitter_login(conn, &s)?;
            Ok((s, login))
        })
        .collect()
}

fn render(visit: &Visit, me: &SignedIn, project: &ProjectPage) -> HttpResponse {
    let tr = &visit.tr;
    let definition = &project.definition;
    let name = definition
        .names
        .get(tr.lang)
        .cloned()
        .unwrap_or_else(|| definition.name.clone());
    let main = html! {
        h1 { (name) " " small.kind { (tr.t(&format!("project-kind-{}", kind_key(definition.kind)))) } }
        p.summary { (definition.summary) }
        div.columns {
            section.subject aria-labelledby="subject-title" {
                h2 #subject-title { (tr.t("project-subject")) }
                @if project.languages.len() > 1 {
                    p.languages {
                        (tr.t("project-languages")) ": "
                        @for code in &project.languages {
                            @if code == &project.language { strong lang=(code) { (code) } } @else {
                                a lang=(code) href=(format!("/language/{code}?back=/projects/{}", definition.slug)) { (code) }
                            }
                            " "
                        }
                    }
                }
                article.markdown lang=(project.language) { (PreEscaped(&project.subject_html)) }
            }
            aside {
                (rules(visit, definition))
                (team_section(visit, me, definition, project))
            }
        }
    };
    page(visit, StatusCode::OK, &name, main)
}

fn kind_key(kind: ProjectKind) -> &'static str {
    match kind {
        ProjectKind::Exercise => "exercise",
        ProjectKind::Project => "project",
        ProjectKind::Rush => "rush",
        ProjectKind::Exam => "exam",
    }
}

fn rules(visit: &Visit, definition: &ProjectDefinition) -> Markup {
    let tr = &visit.tr;
    html! {
        section.rules {
            h2 { (tr.t("project-rules")) }
            dl {
                dt { (tr.t("project-xp")) } dd { (definition.xp) }
                dt { (tr.t("project-team-size")) }
                dd {
                    @if definition.team.max <= 1 { (tr.t("project-team-solo")) } @else {
                        (tr.t_with("project-team-range", &[("min", definition.team.min.into()), ("max", definition.team.max.into())]))
                    }
                }
                dt { (tr.t("project-deadline")) }
                dd {
                    @match definition.rules.deadline_days {
                        Some(days) => (tr.t_with("project-deadline-days", &[("days", days.into())])),
                        None => (tr.t("project-no-deadline")),
                    }
                }
                dt { (tr.t("project-min-mark")) } dd { (definition.rules.min_mark) }
                dt { (tr.t("project-evaluations")) }
                dd {
                    @match &definition.evaluation {
                        Some(evaluation) => (evaluation.peers),
                        None => (tr.t("project-evaluations-none")),
                    }
                }
                @if !definition.requires.projects.is_empty() || definition.requires.level > 0.0 {
                    dt { (tr.t("project-requires")) }
                    dd {
                        @for slug in &definition.requires.projects {
                            a href=(format!("/projects/{slug}")) { (slug) } " "
                        }
                        @if definition.requires.level > 0.0 {
                            (tr.t_with("project-requires-level", &[("level", definition.requires.level.into())]))
                        }
                    }
                }
            }
        }
    }
}

fn team_section(
    visit: &Visit,
    me: &SignedIn,
    definition: &ProjectDefinition,
    project: &ProjectPage,
) -> Markup {
    let tr = &visit.tr;
    let Some((detail, accepted)) = &project.team else {
        return html! {
            section.team {
                p { (tr.t("project-not-registered")) }
                form method="post" action=(format!("/projects/{}/register", definition.slug)) {
                    (csrf_field(visit))
                    button type="submit" { (tr.t("project-register")) }
                }
            }
        };
    };
    let team = &detail.team;
    let leader = team.leader_id == me.user.id;
    let finished = matches!(team.status, TeamStatus::Finished);
    html! {
        section.team #team {
            h2 { (tr.t("project-your-team")) }
            p {
                (tr.t_with("project-attempt", &[("attempt", team.attempt.into())])) " · "
                span class=(format!("status {}", team.status.as_str())) { (tr.t(&format!("status-{}", team.status.as_str()))) }
                @if let Some(deadline) = team.deadline_at {
                    @if !finished { " · " (tr.t_with("dashboard-deadline", &[("at", format_time(deadline).into())])) }
                }
            }
            @if let Some(mark) = team.final_mark {
                p.mark {
                    (tr.t("project-mark")) ": " strong #final-mark { (mark) } " · "
                    @if team.validated == Some(true) { (tr.t("status-validated")) } @else { (tr.t("status-failed")) }
                }
            }
            h3 { (tr.t("project-members")) }
            ul {
                @for member in &detail.members {
                    li {
                        (member.login)
                        @if member.member.user_id == team.leader_id { " (" (tr.t("project-leader")) ")" }
                        @if !member.member.accepted { " (" (tr.t("project-invited")) ")" }
                    }
                }
            }
            @if !accepted {
                form.inline method="post" action=(format!("/teams/{}/answer", team.id)) {
                    (csrf_field(visit))
                    button type="submit" name="answer" value="accept" { (tr.t("project-accept")) }
                    button type="submit" name="answer" value="decline" { (tr.t("project-decline")) }
                }
            }
            @if *accepted && leader && team.status == TeamStatus::Forming {
                form method="post" action=(format!("/teams/{}/invite", team.id)) {
                    (csrf_field(visit))
                    label for="invite-login" { (tr.t("project-invite-login")) }
                    input #invite-login type="text" name="login" required;
                    button type="submit" { (tr.t("project-invite-submit")) }
                }
                form method="post" action=(format!("/teams/{}/lock", team.id)) {
                    (csrf_field(visit))
                    button type="submit" { (tr.t("project-lock")) }
                }
            }
            @if finished && team.validated != Some(true) {
                // A failed attempt may be retried (the core says when: the cooldown).
                form method="post" action=(format!("/projects/{}/register", definition.slug)) {
                    (csrf_field(visit))
                    @if let Some(at) = team.retriable_at { p.help { (tr.t_with("project-retry-from", &[("at", format_time(at).into())])) } }
                    button type="submit" { (tr.t("project-register")) }
                }
            }
            @if *accepted && team.status == TeamStatus::InProgress {
                (upload_form(visit, team, definition))
                form method="post" action=(format!("/teams/{}/close", team.id)) {
                    (csrf_field(visit))
                    p.help { (tr.t("project-close-help")) }
                    button #hand-in type="submit" { (tr.t("project-close")) }
                }
            }
            @if *accepted && team.status == TeamStatus::WaitingForEvaluation {
                (super::evaluations::booking_section(visit, team, &project.bookable))
            }
            @if *accepted {
                h3 { (tr.t("project-submissions")) }
                @if project.submissions.is_empty() {
                    p { (tr.t("project-no-submissions")) }
                } @else {
                    ol.submissions reversed {
                        @for (submission, login) in &project.submissions {
                            li { (card(visit, submission, login)) }
                        }
                    }
                }
            }
        }
    }
}

fn upload_form(visit: &Visit, team: &Team, definition: &ProjectDefinition) -> Markup {
    let tr = &visit.tr;
    html! {
        form.upload method="post" enctype="multipart/form-data" action=(format!("/teams/{}/upload", team.id)) {
            h3 { (tr.t("project-submit-title")) }
            (csrf_field(visit))
            div.dropzone {
                label for="archive" { (tr.t("project-submit-file")) }
                input #archive type="file" name="archive" accept=".tar.gz,.tgz,.zip,application/gzip,application/zip" required;
                span.hint { (tr.t("project-submit-drop")) }
            }
            button type="submit" { (tr.t("project-submit-button")) }
            p.cli {
                (tr.t("project-submit-cli")) " "
                code { "qadam submit --project " (definition.slug) }
            }
        }
    }
}

/// One submission and its report; a pending one tells the page's script where to
/// fetch its next state.
fn card(visit: &Visit, submission: &Submission, login: &str) -> Markup {
    let tr = &visit.tr;
    let settled = submission.status.is_settled();
    let result = stored_result(submission).ok().flatten();
    html! {
        div.submission id=(format!("submission-{}", submission.id))
            data-status=(submission.status.as_str())
            data-poll=[(!settled).then(|| format!("/submissions/{}/card", submission.id))]
            aria-live="polite" {
            p {
                strong.verdict {
                    @match (&submission.status, &submission.verdict) {
                        (SubmissionStatus::Graded, Some(verdict)) => (tr.t(&format!("verdict-{verdict}"))),
                        (status, _) => (tr.t(&format!("submission-status-{}", status.as_str()))),
                    }
                }
                @if let Some(score) = submission.score {
                    " · " (tr.t_with("submission-score", &[("score", format!("{score:.0}").into())]))
                }
                " · " small { (tr.t_with("submission-uploaded", &[("at", format_time(submission.submitted_at).into()), ("login", login.to_string().into())])) }
            }
            @if let Some(result) = &result {
                @if !result.message.is_empty() { pre.message { (result.message) } }
                details open[submission.verdict.as_deref() != Some("passed")] {
                    summary { (tr.t("submission-tests")) }
                    ul.tests {
                        @for test in shown_tests(result, false) {
                            li class=(format!("test {}", test.status)) {
                                span.name { (test.name) }
                                " · " (tr.t(&format!("verdict-{}", test.status)))
                                @if test.visibility != "visible" { " (" (tr.t("submission-test-hidden")) ")" }
                                @if test.visibility == "visible" && test.status != "passed" && !test.message.is_empty() {
                                    pre.diff aria-label=(tr.t("submission-expected-got")) { (test.message) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The card of one submission, for the page's script (members and staff only).
pub async fn submission_card(
    state: Data<AppState>,
    visit: Visit,
    id: Path<String>,
) -> HttpResponse {
    let Some(me) = visit.user.clone() else {
        return error_page(&visit, StatusCode::UNAUTHORIZED, None);
    };
    let id = id.into_inner();
    let loaded = state
        .core
        .db
        .read(move |conn| {
            let (submission, _, _) = core_submissions::visible_submission(conn, &me.actor(), &id)?;
            let login = submitter_login(conn, &submission)?;
            Ok::<_, CoreError>((submission, login))
        })
        .await;
    match loaded {
        Ok((submission, login)) => fragment(card(&visit, &submission, &login)),
        Err(err) => core_error_page(&visit, err),
    }
}

/// Where a team's change sends the browser: the team on its project's page.
fn team_page(slug: &str) -> String {
    format!("/projects/{slug}#team")
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    csrf: String,
}

pub async fn register(
    state: Data<AppState>,
    visit: Visit,
    slug: Path<String>,
    form: Form<CsrfOnly>,
) -> HttpResponse {
    let slug = slug.into_inner();
    act(&state, &visit, &form.csrf, move |conn, me, now| {
        Ok(team_page(
            &teams::register(conn, &me.user, &slug, now)?.project.slug,
        ))
    })
    .await
}

#[derive(Deserialize)]
pub struct InviteForm {
    csrf: String,
    login: String,
}

pub async fn invite(
    state: Data<AppState>,
    visit: Visit,
    id: Path<String>,
    form: Form<InviteForm>,
) -> HttpResponse {
    let InviteForm { csrf, login } = form.into_inner();
    let id = id.into_inner();
    act(&state, &visit, &csrf, move |conn, me, now| {
        let detail = teams::invite(conn, &me.actor(), &id, login.trim(), now)?;
        Ok(team_page(&detail.project.slug))
    })
    .await
}

#[derive(Deserialize)]
pub struct AnswerForm {
    csrf: String,
    answer: String,
}

pub async fn answer(
    state: Data<AppState>,
    visit: Visit,
    id: Path<String>,
    form: Form<AnswerForm>,
) -> HttpResponse {
    let AnswerForm { csrf, answer } = form.into_inner();
    let id = id.into_inner();
    act(&state, &visit, &csrf, move |conn, me, now| {
        let team = found(team_rows::by_id(conn, &id)?, "team")?;
        let slug = found(projects::by_id(conn, &team.project_id)?, "project")?.slug;
        if answer == "accept" {
            teams::accept(conn, &me.user, &id, now)?;
        } else {
            teams::decline(conn, &me.actor(), &id)?;
        }
        Ok(team_page(&slug))
    })
    .await
}

pub async fn lock(
    state: Data<AppState>,
    visit: Visit,
    id: Path<String>,
    form: Form<CsrfOnly>,
) -> HttpResponse {
    let id = id.into_inner();
    act(&state, &visit, &form.csrf, move |conn, me, now| {
        Ok(team_page(
            &teams::lock(conn, &me.actor(), &id, now)?.project.slug,
        ))
    })
    .await
}

pub async fn close(
    state: Data<AppState>,
    visit: Visit,
    id: Path<String>,
    form: Form<CsrfOnly>,
) -> HttpResponse {
    let id = id.into_inner();
    act(&state, &visit, &form.csrf, move |conn, me, now| {
        Ok(team_page(
            &marks::close(conn, &me.actor(), &id, now)?.project.slug,
        ))
    })
    .await
}

/// An upload from the page's form: the CSRF field, then the archive, read up to the
/// platform's archive limit; the use case checks the archive as it does the API's.
pub async fn upload(
    state: Data<AppState>,
    visit: Visit,
    id: Path<String>,
    mut form: Multipart,
) -> HttpResponse {
    let Some(me) = visit.user.clone() else {
        return sign_in_first(&visit);
    };
    let limit = state.core.flow.upload.max_archive_bytes as usize;
    let mut csrf = String::new();
    let mut archive: Option<Vec<u8>> = None;
    while let Some(field) = form.next().await {
        let Ok(mut field) = field else {
            return error_page(&visit, StatusCode::BAD_REQUEST, None);
        };
        let name = field.name().unwrap_or_default().to_string();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let Ok(chunk) = chunk else {
                return error_page(&visit, StatusCode::BAD_REQUEST, None);
            };
            if bytes.len() + chunk.len() > limit {
                let too_large = format!("the archive is larger than {limit} bytes");
                return error_page(&visit, StatusCode::PAYLOAD_TOO_LARGE, Some(&too_large));
            }
            bytes.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "csrf" => csrf = String::from_utf8_lossy(&bytes).into_owned(),
            "archive" => archive = Some(bytes),
            _ => {}
        }
    }
    // The token comes first in the form; an upload without it stores nothing.
    if !visit.csrf_matches(&csrf) {
        return error_page(
            &visit,
            StatusCode::FORBIDDEN,
            Some(&visit.tr.t("error-csrf")),
        );
    }
    let Some(archive) = archive.filter(|a| !a.is_empty()) else {
        return error_page(
            &visit,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(&visit.tr.t("project-submit-file")),
        );
    };
    let team_id = id.into_inner();
    match core_submissions::submit(&state.core, me.actor(), team_id.clone(), archive).await {
        Ok(_) => {
            let slug = state
                .core
                .db
                .read(move |conn| {
                    let team = found(team_rows::by_id(conn, &team_id)?, "team")?;
                    Ok::<_, CoreError>(
                        found(projects::by_id(conn, &team.project_id)?, "project")?.slug,
                    )
                })
                .await;
            match slug {
                Ok(slug) => see_other(&team_page(&slug)),
                Err(err) => core_error_page(&visit, err),
            }
        }
        Err(err) => core_error_page(&visit, err),
    }
}
