//! A student's progress: XP over time (SVG drawn here), the projects with their
//! marks, and the evaluations given and received.

use super::dashboard::format_time;
use super::layout::{core_error_page, page, sign_in_first, trusted};
use super::session::Visit;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::web::Data;
use actix_web::HttpResponse;
use chrono::NaiveDateTime;
use maud::{html, Markup};
use qadam_core::evaluations::{self, EvaluationAccess, EvaluationDetail};
use qadam_core::progress::{self, Progress};
use qadam_core::CoreError;
use std::fmt::Write;

struct Loaded {
    progress: Progress,
    history: Vec<(NaiveDateTime, i64)>,
    evaluations: Vec<EvaluationDetail>,
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
            Ok::<_, CoreError>(Loaded {
                progress: progress::progress(conn, &actor, &me.user.login)?,
                history: progress::xp_history(conn, &actor, &me.user.login)?,
                evaluations: evaluations::mine(conn, &actor, now)?,
            })
        })
        .await;
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(err) => return core_error_page(&visit, err),
    };
    let tr = &visit.tr;
    let given = loaded
        .evaluations
        .iter()
        .filter(|e| e.access == EvaluationAccess::Evaluator)
        .count();
    let received = loaded.evaluations.len() - given;
    let main = html! {
        h1 { (tr.t("progress-title")) }
        p {
            (tr.t_with("dashboard-level", &[("level", format!("{:.2}", loaded.progress.level).into())]))
            " · " (tr.t_with("dashboard-xp", &[("xp", loaded.progress.xp.into())]))
        }
        figure.graph {
            (xp_chart(&visit, &loaded.history, now))
            figcaption { (tr.t("progress-xp-over-time")) }
        }
        section {
            h2 { (tr.t("progress-projects")) }
            table {
                thead { tr { th { (tr.t("staff-project")) } th { (tr.t("evaluations-status")) } th { (tr.t("project-mark")) } th { (tr.t("staff-attempts")) } } }
                tbody {
                    @for project in &loaded.progress.projects {
                        tr {
                            td { a href=(format!("/projects/{}", project.slug)) { (project.slug) } }
                            td { (tr.t(&format!("status-{}", project.current.status.as_str()))) }
                            td { @match project.best_mark { Some(mark) => (mark), None => "–" } }
                            td { (project.attempts) }
                        }
                    }
                }
            }
        }
        section {
            h2 { (tr.t("progress-evaluations")) }
            p { (tr.t_with("progress-given-received", &[("given", (given as i64).into()), ("received", (received as i64).into())])) }
        }
    };
    page(&visit, StatusCode::OK, &tr.t("progress-title"), main)
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 220.0;
const PAD: f64 = 36.0;

/// Cumulative XP as a step line from the first event to now.
fn xp_chart(visit: &Visit, history: &[(NaiveDateTime, i64)], now: NaiveDateTime) -> Markup {
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="xp-title" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}"><title id="xp-title">{}</title>"#,
        visit.tr.t("progress-xp-over-time")
    );
    let _ = write!(
        svg,
        r#"<line class="axis" x1="{PAD}" y1="{y}" x2="{x}" y2="{y}"/><line class="axis" x1="{PAD}" y1="{PAD}" x2="{PAD}" y2="{y}"/>"#,
        x = WIDTH - 10.0,
        y = HEIGHT - PAD
    );
    if let (Some(first), Some(last)) = (history.first(), history.last()) {
        let start = first.0.and_utc().timestamp() as f64;
        let end = (now.and_utc().timestamp() as f64).max(start + 1.0);
        let top = last.1.max(1) as f64;
        let x = |at: NaiveDateTime| {
            PAD + (at.and_utc().timestamp() as f64 - start) / (end - start) * (WIDTH - PAD - 10.0)
        };
        let y = |xp: i64| HEIGHT - PAD - xp as f64 / top * (HEIGHT - 2.0 * PAD);
        let mut points = format!("{PAD:.1},{:.1}", y(0));
        // A step line: the total holds until the next event.
        let mut height = y(0);
        for (at, total) in history {
            let _ = write!(
                points,
                " {:.1},{height:.1} {:.1},{:.1}",
                x(*at),
                x(*at),
                y(*total)
            );
            height = y(*total);
        }
        let _ = write!(points, " {:.1},{:.1}", x(now), y(last.1));
        let _ = write!(svg, r#"<polyline class="xp" points="{points}"/>"#);
        let _ = write!(
            svg,
            r#"<text x="4" y="{:.1}">{}</text><text x="{PAD}" y="{}">{}</text><text x="{}" y="{}" text-anchor="end">{}</text>"#,
            y(last.1) + 4.0,
            last.1,
            HEIGHT - 12.0,
            format_time(first.0),
            WIDTH - 10.0,
            HEIGHT - 12.0,
            format_time(now)
        );
    }
    svg.push_str("</svg>");
    html! { (trusted(svg)) }
}
