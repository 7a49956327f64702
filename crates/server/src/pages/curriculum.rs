//! The curriculum: a cursus as a graph of stages and prerequisites, each project
//! coloured by the student's status in it, drawn as SVG by the server; beside it the
//! same as a list, for keyboards and screen readers.

use super::layout::{core_error_page, page, sign_in_first, trusted};
use super::session::Visit;
use crate::state::AppState;
use crate::views::CursusView;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Query};
use actix_web::HttpResponse;
use maud::{html, Markup};
use qadam_core::{found, progress, CoreError};
use qadam_db::queries::{cursus, projects};
use qadam_domain::curriculum::ProjectDefinition;
use qadam_domain::TeamStatus;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use std::sync::Arc;

#[derive(Deserialize)]
pub struct Choice {
    cursus: Option<String>,
}

/// A student's standing in one project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Validated,
    InProgress,
    Available,
    Locked,
}

impl Standing {
    pub fn class(self) -> &'static str {
        match self {
            Standing::Validated => "validated",
            Standing::InProgress => "in_progress",
            Standing::Available => "available",
            Standing::Locked => "locked",
        }
    }
}

struct Loaded {
    all_cursus: Vec<(String, String)>,
    view: CursusView,
    standings: HashMap<String, Standing>,
    definitions: HashMap<String, Arc<ProjectDefinition>>,
}

pub async fn show(state: Data<AppState>, visit: Visit, choice: Query<Choice>) -> HttpResponse {
    let Some(me) = visit.user.clone() else {
        return sign_in_first(&visit);
    };
    let wanted = vec![visit.tr.lang.to_string()];
    let chosen = choice.into_inner().cursus;
    let curriculum = state.core.curriculum.clone();
    let loaded = state
        .core
        .db
        .read(move |conn| {
            let rows: Vec<_> = cursus::all(conn)?
                .into_iter()
                .filter(|c| c.archived_at.is_none())
                .collect();
            let row = match &chosen {
                Some(slug) => found(rows.iter().find(|c| &c.slug == slug).cloned(), "cursus")?,
                None => found(rows.first().cloned(), "cursus")?,
            };
            let all_cursus = rows
                .iter()
                .map(|c| {
                    let view = CursusView::new(c, Vec::new(), &wanted);
                    (c.slug.clone(), view.name)
                })
                .collect();
            let view = CursusView::new(&row, cursus::projects_of(conn, &row.id)?, &wanted);
            let current = projects::all_current(conn)?;
            let definitions: HashMap<String, Arc<ProjectDefinition>> = current
                .iter()
                .map(|(row, _)| row.slug.clone())
                .zip(curriculum.definitions(conn, &current)?)
                .collect();
            let progress = progress::progress(conn, &me.actor(), &me.user.login)?;
            let standings = standings(&progress, &definitions);
            Ok::<_, CoreError>(Loaded {
                all_cursus,
                view,
                standings,
                definitions,
            })
        })
        .await;
    match loaded {
        Ok(loaded) => render(&visit, &loaded),
        Err(err) => core_error_page(&visit, err),
    }
}

/// Each project's standing: validated or in progress from the student's attempts,
/// else available when its requirements are met (the rule registration applies),
/// else locked.
fn standings(
    progress: &progress::Progress,
    definitions: &HashMap<String, Arc<ProjectDefinition>>,
) -> HashMap<String, Standing> {
    let validated: HashSet<&str> = progress
        .projects
        .iter()
        .filter(|p| p.validated)
        .map(|p| p.slug.as_str())
        .collect();
    let active: HashSet<&str> = progress
        .projects
        .iter()
        .filter(|p| {
            matches!(
                p.current.status,
                TeamStatus::Forming | TeamStatus::InProgress | TeamStatus::WaitingForEvaluation
            )
        })
        .map(|p| p.slug.as_str())
        .collect();
    definitions
        .iter()
        .map(|(slug, definition)| {
            let standing = if validated.contains(slug.as_str()) {
                Standing::Validated
            } else if active.contains(slug.as_str()) {
                Standing::InProgress
            } else if definition
                .requires
                .met(|s| validated.contains(s), progress.level)
            {
                Standing::Available
            } else {
                Standing::Locked
            };
            (slug.clone(), standing)
        })
        .collect()
}

fn render(visit: &Visit, loaded: &Loaded) -> HttpResponse {
    let tr = &visit.tr;
    let standing = |slug: &str| {
        loaded
            .standings
            .get(slug)
            .copied()
            .unwrap_or(Standing::Locked)
    };
    let main = html! {
        h1 { (tr.t("curriculum-title")) ": " (loaded.view.name) }
        @if loaded.all_cursus.len() > 1 {
            nav.tabs aria-label=(tr.t("curriculum-choose")) {
                @for (slug, name) in &loaded.all_cursus {
                    @if slug == &loaded.view.slug {
                        span.current aria-current="page" { (name) }
                    } @else {
                        a href=(format!("/curriculum?cursus={slug}")) { (name) }
                    }
                }
            }
        }
        p.legend { (tr.t("curriculum-legend")) }
        figure.graph {
            (graph(visit, loaded, &standing))
            figcaption { (tr.t("curriculum-graph")) }
        }
        ol.stages {
            @for stage in &loaded.view.stages {
                li {
                    h2 { (stage.name) }
                    ul {
                        @for project in &stage.projects {
                            @let s = standing(&project.slug);
                            li class=(format!("node {}", s.class())) {
                                a href=(format!("/projects/{}", project.slug)) { (display_name(loaded, &project.slug, &project.name, tr.lang)) }
                                " · " span.status { (tr.t(&format!("status-{}", s.class()))) }
                            }
                        }
                    }
                }
            }
        }
    };
    page(visit, StatusCode::OK, &tr.t("curriculum-title"), main)
}

fn display_name(loaded: &Loaded, slug: &str, fallback: &str, lang: &str) -> String {
    loaded
        .definitions
        .get(slug)
        .and_then(|d| d.names.get(lang).cloned())
        .unwrap_or_else(|| fallback.to_string())
}

const NODE_WIDTH: usize = 168;
const NODE_HEIGHT: usize = 30;
const COLUMN: usize = NODE_WIDTH + 48;
const ROW: usize = NODE_HEIGHT + 14;
const TOP: usize = 34;

/// The cursus as SVG: a column per stage, a box per project (a link), and a line
/// from each prerequisite in this cursus to the project that needs it.
fn graph(visit: &Visit, loaded: &Loaded, standing: &dyn Fn(&str) -> Standing) -> Markup {
    let mut places: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut tallest = 0;
    for (column, stage) in loaded.view.stages.iter().enumerate() {
        for (row, project) in stage.projects.iter().enumerate() {
            places.insert(
                project.slug.as_str(),
                (column * COLUMN + 8, TOP + row * ROW),
            );
        }
        tallest = tallest.max(stage.projects.len());
    }
    let width = loaded.view.stages.len() * COLUMN + 16;
    let height = TOP + tallest * ROW + 8;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="graph-title" viewBox="0 0 {width} {height}" width="{width}" height="{height}"><title id="graph-title">{}</title>"#,
        escape(&visit.tr.t("curriculum-graph"))
    );
    for (slug, (x, y)) in &places {
        let Some(definition) = loaded.definitions.get(*slug) else {
            continue;
        };
        for required in &definition.requires.projects {
            if let Some((rx, ry)) = places.get(required.as_str()) {
                let _ = write!(
                    svg,
                    r#"<path class="edge" d="M{} {} C{} {} {} {} {} {}"/>"#,
                    rx + NODE_WIDTH,
                    ry + NODE_HEIGHT / 2,
                    rx + NODE_WIDTH + 24,
                    ry + NODE_HEIGHT / 2,
                    x.saturating_sub(24),
                    y + NODE_HEIGHT / 2,
                    x,
                    y + NODE_HEIGHT / 2
                );
            }
        }
    }
    for (column, stage) in loaded.view.stages.iter().enumerate() {
        let _ = write!(
            svg,
            r#"<text class="stage" x="{}" y="20">{}</text>"#,
            column * COLUMN + 8,
            escape(&stage.name)
        );
        for project in &stage.projects {
            let (x, y) = places[project.slug.as_str()];
            let name = display_name(loaded, &project.slug, &project.name, visit.tr.lang);
            let _ = write!(
                svg,
                r#"<a href="/projects/{slug}"><rect class="node {class}" x="{x}" y="{y}" rx="6" width="{NODE_WIDTH}" height="{NODE_HEIGHT}"/><text x="{}" y="{}">{}</text></a>"#,
                x + 10,
                y + 20,
                escape(&shorten(&name, 22)),
                slug = escape(&project.slug),
                class = standing(&project.slug).class(),
            );
        }
    }
    svg.push_str("</svg>");
    html! { (trusted(svg)) }
}

fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(chars - 1).collect();
        short.push('…');
        short
    }
}

/// Escapes text for SVG markup we write by hand.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_and_shortened() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
    }
}
