//! The student's home: level and XP, projects in progress with their deadlines,
//! upcoming evaluations on both sides, the points balance and the newest notices.

use super::layout::{core_error_page, page, sign_in_first};
use super::session::Visit;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::web::Data;
use actix_web::HttpResponse;
use maud::html;
use qadam_core::evaluations::{self, EvaluationAccess, EvaluationDetail};
use qadam_core::progress::{self, Progress};
use qadam_core::{notifications, points, CoreError};
use qadam_db::models::Notification;
use qadam_domain::{EvaluationStatus, TeamStatus};

struct Dashboard {
    progress: Progress,
    balance: i32,
    evaluations: Vec<EvaluationDetail>,
    notices: Vec<Notification>,
}

pub async fn show(state: Data<AppState>, visit: Visit) -> HttpResponse {
    let Some(me) = visit.user.clone() else {
        return sign_in_first(&visit);
    };
    let now = state.core.clock.now();
    let loaded = state
        .core
        .db
        .read(move |conn| {
            let actor = me.actor();
            let progress = progress::progress(conn, &actor, &me.user.login)?;
            let balance = points::statement(conn, &me.user.id, 1)?.balance;
            let evaluations = evaluations::mine(conn, &actor, now)?
                .into_iter()
                .filter(|e| {
                    matches!(
                        e.evaluation.status,
                        EvaluationStatus::Booked | EvaluationStatus::InProgress
                    )
                })
                .collect();
            let notices = notifications::of_user(conn, &me.user.id, false, 8)?;
            Ok::<_, CoreError>(Dashboard {
                progress,
                balance,
                evaluations,
                notices,
            })
        })
        .await;
    match loaded {
        Ok(dashboard) => render(&visit, &dashboard),
        Err(err) => core_error_page(&visit, err),
    }
}

fn render(visit: &Visit, dashboard: &Dashboard) -> HttpResponse {
    let tr = &visit.tr;
    let progress = &dashboard.progress;
    let level = progress.level;
    let fraction = ((level - level.floor()) * 100.0).round() as i64;
    let current: Vec<_> = progress
        .projects
        .iter()
        .filter(|p| {
            matches!(
                p.current.status,
                TeamStatus::Forming | TeamStatus::InProgress | TeamStatus::WaitingForEvaluation
            )
        })
        .collect();
    let validated: Vec<_> = progress.projects.iter().filter(|p| p.validated).collect();
    let main = html! {
        h1 { (tr.t_with("dashboard-hello", &[("name", progress.user.display_name.clone().into())])) }
        section.cards {
            article.card #level {
                h2 { (tr.t_with("dashboard-level", &[("level", format!("{level:.2}").into())])) }
                p { (tr.t_with("dashboard-xp", &[("xp", progress.xp.into())])) }
                label for="level-bar" { (tr.t("dashboard-level-bar")) }
                progress #level-bar max="100" value=(fraction) { (fraction) "%" }
            }
            article.card #points {
                h2 { (tr.t("dashboard-points")) }
                p.big { (tr.t_with("dashboard-points-balance", &[("points", dashboard.balance.into())])) }
            }
        }
        section #current {
            h2 { (tr.t("dashboard-current")) }
            @if current.is_empty() {
                p { (tr.t("dashboard-no-current")) " " a href="/curriculum" { (tr.t("nav-curriculum")) } }
            } @else {
                ul.projects {
                    @for project in &current {
                        li {
                            a href=(format!("/projects/{}", project.slug)) { (project.slug) }
                            " "
                            span class=(format!("status {}", project.current.status.as_str())) {
                                (tr.t(&format!("status-{}", project.current.status.as_str())))
                            }
                            @if let Some(deadline) = project.current.deadline_at {
                                " · " (tr.t_with("dashboard-deadline", &[("at", format_time(deadline).into())]))
                            }
                        }
                    }
                }
            }
        }
        section #evaluations {
            h2 { (tr.t("dashboard-evaluations")) }
            @if dashboard.evaluations.is_empty() {
                p { (tr.t("dashboard-no-evaluations")) }
            } @else {
                ul {
                    @for evaluation in &dashboard.evaluations {
                        li {
                            time datetime=(evaluation.evaluation.begin_at.and_utc().to_rfc3339()) {
                                (format_time(evaluation.evaluation.begin_at))
                            }
                            " · "
                            @let key = if evaluation.access == EvaluationAccess::Evaluator { "dashboard-evaluating" } else { "dashboard-evaluated" };
                            (tr.t_with(key, &[("project", evaluation.project_slug.clone().into())]))
                            @if let Some(code) = &evaluation.presence_code {
                                " · " code { (code) }
                            }
                        }
                    }
                }
            }
        }
        section #validated {
            h2 { (tr.t("dashboard-validated")) }
            @if validated.is_empty() {
                p { (tr.t("dashboard-none-validated")) }
            } @else {
                ul.projects {
                    @for project in &validated {
                        li {
                            a href=(format!("/projects/{}", project.slug)) { (project.slug) }
                            @if let Some(mark) = project.best_mark { " · " strong { (mark) } }
                        }
                    }
                }
            }
        }
        section #notifications {
            h2 { (tr.t("dashboard-notifications")) }
            @if dashboard.notices.is_empty() {
                p { (tr.t("dashboard-no-notifications")) }
            } @else {
                ul {
                    @for notice in &dashboard.notices {
                        li class=[notice.read_at.is_none().then_some("unread")] {
                            time datetime=(notice.created_at.and_utc().to_rfc3339()) { (format_time(notice.created_at)) }
                            " · " (notice.message)
                        }
                    }
                }
            }
        }
    };
    page(visit, StatusCode::OK, &tr.t("dashboard-title"), main)
}

/// Times as the API gives them, in UTC, to the minute.
pub fn format_time(at: chrono::NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}
