//! The curriculum synced from projects-catalog/: cursus and projects. Every signed-in
//! user may read it; only public content is stored where these handlers read it.

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, ErrorEnvelope};
use crate::state::AppState;
use crate::views::{CursusView, Paginated, ProjectSummaryView, ProjectView};
use actix_web::web::{Data, Json, Path, Query};
use actix_web::HttpRequest;
use qadam_core::found;
use qadam_db::queries::{cursus, projects};
use qadam_domain::language::{choose_language, parse_accept_language};
use qadam_domain::{PageRequest, ProjectKind};
use serde::Deserialize;
use utoipa::IntoParams;

#[utoipa::path(get, path = "/api/v1/cursus", tag = "curriculum", security(("bearer" = [])),
    responses((status = 200, body = Vec<CursusView>), (status = 401, body = ErrorEnvelope)))]
pub async fn list_cursus(state: Data<AppState>, _me: AuthUser) -> ApiResult<Json<Vec<CursusView>>> {
    let views = state
        .core
        .db
        .read(|conn| {
            let mut views = Vec::new();
            for row in cursus::all(conn)?
                .iter()
                .filter(|c| c.archived_at.is_none())
            {
                views.push(CursusView::new(row, cursus::projects_of(conn, &row.id)?));
            }
            Ok::<_, ApiError>(views)
        })
        .await?;
    Ok(Json(views))
}

#[utoipa::path(get, path = "/api/v1/cursus/{slug}", tag = "curriculum", security(("bearer" = [])),
    params(("slug" = String, Path)),
    responses((status = 200, body = CursusView), (status = 404, body = ErrorEnvelope)))]
pub async fn show_cursus(
    state: Data<AppState>,
    _me: AuthUser,
    slug: Path<String>,
) -> ApiResult<Json<CursusView>> {
    let slug = slug.into_inner();
    let view = state
        .core
        .db
        .read(move |conn| {
            let row = found(cursus::by_slug(conn, &slug)?, "cursus")?;
            Ok::<_, ApiError>(CursusView::new(&row, cursus::projects_of(conn, &row.id)?))
        })
        .await?;
    Ok(Json(view))
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
}

#[utoipa::path(get, path = "/api/v1/projects", tag = "curriculum", security(("bearer" = [])),
    params(ProjectFilter),
    responses((status = 200, body = Paginated<ProjectSummaryView>),
        (status = 404, description = "unknown cursus", body = ErrorEnvelope),
        (status = 422, body = ErrorEnvelope)))]
pub async fn list_projects(
    state: Data<AppState>,
    _me: AuthUser,
    filter: Query<ProjectFilter>,
) -> ApiResult<Json<Paginated<ProjectSummaryView>>> {
    let filter = filter.into_inner();
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
    let result = state
        .core
        .db
        .read(move |conn| {
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
            let views = items
                .iter()
                .map(|(row, version)| ProjectSummaryView::new(row, version))
                .collect::<Result<_, _>>()?;
            Ok::<_, ApiError>(Paginated::new(views, page, total))
        })
        .await?;
    Ok(Json(result))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct LanguageChoice {
    /// A two-letter language code; without it, `Accept-Language` decides, then the
    /// project's default language.
    pub lang: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/projects/{slug}", tag = "curriculum", security(("bearer" = [])),
    params(("slug" = String, Path), LanguageChoice),
    responses((status = 200, body = ProjectView), (status = 404, body = ErrorEnvelope)))]
pub async fn show_project(
    state: Data<AppState>,
    _me: AuthUser,
    request: HttpRequest,
    slug: Path<String>,
    choice: Query<LanguageChoice>,
) -> ApiResult<Json<ProjectView>> {
    let mut wanted: Vec<String> = choice.into_inner().lang.into_iter().collect();
    if let Some(header) = request
        .headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
    {
        wanted.extend(parse_accept_language(header));
    }
    let slug = slug.into_inner();
    let view = state
        .core
        .db
        .read(move |conn| {
            let (row, version) = found(projects::current_by_slug(conn, &slug)?, "project")?;
            let subjects = projects::subjects_of(conn, &version.id)?;
            let definition =
                qadam_core::catalog::definition(&row.slug, version.version, &version.definition)?;
            let languages: Vec<String> = subjects.iter().map(|s| s.language.clone()).collect();
            let default = definition.default_language.as_str();
            let language = choose_language(&wanted, &languages, default)
                .unwrap_or(default)
                .to_string();
            let subject = subjects
                .iter()
                .find(|s| s.language == language)
                .map(|s| s.markdown.clone())
                .unwrap_or_default();
            Ok::<_, ApiError>(ProjectView {
                slug: row.slug.clone(),
                version: version.version,
                archived: row.archived_at.is_some(),
                language,
                languages,
                subject,
                definition,
                updated_at: row.updated_at.and_utc(),
            })
        })
        .await?;
    Ok(Json(view))
}
