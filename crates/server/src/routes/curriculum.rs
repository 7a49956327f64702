//! The curriculum synced from projects-catalog/: cursus and projects. Every signed-in
//! user may read it; only public content is stored where these handlers read it.

use crate::auth::AuthUser;
use crate::caching;
use crate::caching::Answer;
use crate::error::{ApiError, ApiResult, ErrorEnvelope};
use crate::state::AppState;
use crate::views::{CursusView, Paginated, ProjectSummaryView, ProjectView};
use actix_web::web::{Data, Path, Query};
use actix_web::{HttpRequest, HttpResponse};
use qadam_core::found;
use qadam_db::queries::{cursus, projects};
use qadam_db::DbConn;
use qadam_domain::language::parse_accept_language;
use qadam_domain::{PageRequest, ProjectKind};
use serde::Deserialize;
use std::sync::Arc;
use utoipa::IntoParams;

/// Answers a curriculum read from memory when the catalog has not changed since it
/// was made (the same for every signed-in user, by path, query and languages); else
/// `make` reads the database on the blocking pool and its JSON is kept. The tag is a
/// hash of the JSON itself, so it changes exactly when the answer does.
async fn curriculum_answer<F>(
    state: &AppState,
    request: &HttpRequest,
    wanted: &[String],
    make: F,
) -> ApiResult<HttpResponse>
where
    F: FnOnce(&mut DbConn) -> ApiResult<Vec<u8>> + Send + 'static,
{
    let key = format!(
        "{}?{}#{}",
        request.path(),
        request.query_string(),
        wanted.join(",")
    );
    if let Some(answer) = state.curriculum_answers.get(&key, |_| true) {
        return Ok(caching::respond(request, &answer));
    }
    let answers = state.curriculum_answers.clone();
    let answer = state
        .core
        .db
        .read(move |conn| {
            let stamp = answers.stamp(conn)?;
            let answer = Arc::new(Answer::of_json(make(conn)?));
            answers.keep(stamp, key, answer.clone());
            Ok::<_, ApiError>(answer)
        })
        .await?;
    Ok(caching::respond(request, &answer))
}

fn json<T: serde::Serialize>(value: &T) -> ApiResult<Vec<u8>> {
    serde_json::to_vec(value).map_err(|err| {
        tracing::error!(%err, "a curriculum answer did not serialise");
        ApiError::internal()
    })
}

#[utoipa::path(get, path = "/api/v1/cursus", tag = "curriculum", security(("bearer" = [])),
    params(LanguageChoice, ("If-None-Match" = Option<String>, Header, description = "an `ETag` from an earlier answer: 304 when unchanged")),
    responses((status = 200, body = Vec<CursusView>,
            headers(("ETag" = String), ("Cache-Control" = String))),
        (status = 304, description = "unchanged since the `ETag` sent in `If-None-Match`"),
        (status = 401, body = ErrorEnvelope)))]
pub async fn list_cursus(
    state: Data<AppState>,
    _me: AuthUser,
    request: HttpRequest,
    choice: Query<LanguageChoice>,
) -> ApiResult<HttpResponse> {
    let wanted = wanted_languages(&request, choice.into_inner());
    let languages = wanted.clone();
    curriculum_answer(&state, &request, &wanted, move |conn| {
        let mut views = Vec::new();
        for row in cursus::all(conn)?
            .iter()
            .filter(|c| c.archived_at.is_none())
        {
            views.push(CursusView::new(
                row,
                cursus::projects_of(conn, &row.id)?,
                &languages,
            ));
        }
        json(&views)
    })
    .await
}

#[utoipa::path(get, path = "/api/v1/cursus/{slug}", tag = "curriculum", security(("bearer" = [])),
    params(("slug" = String, Path), LanguageChoice,
        ("If-None-Match" = Option<String>, Header, description = "an `ETag` from an earlier answer: 304 when unchanged")),
    responses((status = 200, body = CursusView,
            headers(("ETag" = String), ("Cache-Control" = String))),
        (status = 304, description = "unchanged since the `ETag` sent in `If-None-Match`"),
        (status = 404, body = ErrorEnvelope)))]
pub async fn show_cursus(
    state: Data<AppState>,
    _me: AuthUser,
    request: HttpRequest,
    slug: Path<String>,
    choice: Query<LanguageChoice>,
) -> ApiResult<HttpResponse> {
    let wanted = wanted_languages(&request, choice.into_inner());
    let languages = wanted.clone();
    let slug = slug.into_inner();
    curriculum_answer(&state, &request, &wanted, move |conn| {
        let row = found(cursus::by_slug(conn, &slug)?, "cursus")?;
        json(&CursusView::new(
            &row,
            cursus::projects_of(conn, &row.id)?,
            &languages,
        ))
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ProjectFilter {
    pub page: Option<u32>,
    pub per_page: Option<u32>,
    /// Only the projects of this cursus.
    pub cursus: Option<String>,
    /// `exercise`, `project`, `rush` or `exam`.
    pub kind: Option<String>,
    /// Include projects removed from the catalog.
    pub archived: Option<bool>,
    /// Names in this language where the project has one (else Accept-Language decides).
    pub lang: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/projects", tag = "curriculum", security(("bearer" = [])),
    params(ProjectFilter),
    responses((status = 200, body = Paginated<ProjectSummaryView>),
        (status = 404, description = "unknown cursus", body = ErrorEnvelope),
        (status = 422, body = ErrorEnvelope)))]
pub async fn list_projects(
    state: Data<AppState>,
    _me: AuthUser,
    request: HttpRequest,
    filter: Query<ProjectFilter>,
) -> ApiResult<HttpResponse> {
    let filter = filter.into_inner();
    let wanted = wanted_languages(
        &request,
        LanguageChoice {
            lang: filter.lang.clone(),
        },
    );
    let page = PageRequest {
        page: filter.page,
        per_page: filter.per_page,
    }
    .resolve()?;
    if let Some(kind) = &filter.kind {
        if ProjectKind::parse(kind).is_none() {
            return Err(ApiError::invalid(
                "kind",
                "kind: one of exercise, project, rush, exam",
            ));
        }
    }
    let curriculum = state.core.curriculum.clone();
    let languages = wanted.clone();
    curriculum_answer(&state, &request, &wanted, move |conn| {
        let cursus_id = match &filter.cursus {
            Some(slug) => Some(found(cursus::by_slug(conn, slug)?, "cursus")?.id),
            None => None,
        };
        let query = projects::Filter {
            cursus_id: cursus_id.as_deref(),
            kind: filter.kind.as_deref(),
            include_archived: filter.archived.unwrap_or(false),
        };
        let (items, total) = projects::list(conn, &query, page)?;
        // Parsed once per version (a version never changes), not once per request.
        let definitions = curriculum.definitions(conn, &items)?;
        let views: Vec<ProjectSummaryView> = items
            .iter()
            .zip(definitions)
            .map(|((row, _), definition)| ProjectSummaryView::new(row, &definition, &languages))
            .collect();
        json(&Paginated::new(views, page, total))
    })
    .await
}

/// The languages a request asks for, best first: `?lang`, then Accept-Language.
fn wanted_languages(request: &HttpRequest, choice: LanguageChoice) -> Vec<String> {
    let mut wanted: Vec<String> = choice.lang.into_iter().collect();
    if let Some(header) = request
        .headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
    {
        wanted.extend(parse_accept_language(header));
    }
    wanted
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct LanguageChoice {
    /// A two-letter language code; without it, `Accept-Language` decides, then the
    /// project's default language.
    pub lang: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/projects/{slug}", tag = "curriculum", security(("bearer" = [])),
    params(("slug" = String, Path), LanguageChoice,
        ("If-None-Match" = Option<String>, Header, description = "an `ETag` from an earlier answer: 304 when unchanged")),
    responses((status = 200, body = ProjectView,
            headers(("ETag" = String), ("Cache-Control" = String), ("Vary" = String))),
        (status = 304, description = "unchanged since the `ETag` sent in `If-None-Match`"),
        (status = 404, body = ErrorEnvelope)))]
pub async fn show_project(
    state: Data<AppState>,
    _me: AuthUser,
    request: HttpRequest,
    slug: Path<String>,
    choice: Query<LanguageChoice>,
) -> ApiResult<HttpResponse> {
    let wanted = wanted_languages(&request, choice.into_inner());
    let languages_wanted = wanted.clone();
    let slug = slug.into_inner();
    let curriculum = state.core.curriculum.clone();
    curriculum_answer(&state, &request, &wanted, move |conn| {
        let project = curriculum.current_project(conn, &slug, &languages_wanted)?;
        let row = &project.row;
        json(&ProjectView {
            slug: &row.slug,
            version: row.current_version,
            archived: row.archived_at.is_some(),
            language: &project.language,
            languages: &project.languages,
            subject: project.subject(),
            definition: &project.definition,
            updated_at: row.updated_at.and_utc(),
        })
    })
    .await
}
