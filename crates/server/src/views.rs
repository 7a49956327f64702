//! The JSON clients see. Rows are mapped here; a row struct is never serialised.

use chrono::{DateTime, NaiveDateTime, Utc};
use qadam_db::models::{AuditEntry, Campus, User};
use qadam_domain::curriculum::{CursusTranslations, ProjectDefinition, Requirements, TeamSize};
use qadam_domain::language::choose_language;

/// The language a cursus's file is written in.
const DEFAULT_LANGUAGE: &str = "en";
use qadam_domain::{Page, Role};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

fn utc(at: NaiveDateTime) -> DateTime<Utc> {
    at.and_utc()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CampusView {
    pub slug: String,
    pub name: String,
    pub time_zone: String,
    pub created_at: DateTime<Utc>,
}

impl From<&Campus> for CampusView {
    fn from(campus: &Campus) -> Self {
        CampusView {
            slug: campus.slug.clone(),
            name: campus.name.clone(),
            time_zone: campus.time_zone.clone(),
            created_at: utc(campus.created_at),
        }
    }
}

/// A profile. Everyone signed in sees the public part; the owner, their campus's staff
/// and admins also see the private part.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    pub login: String,
    pub display_name: String,
    /// `student`, `staff` or `admin`.
    #[schema(value_type = String, example = "student")]
    pub role: Role,
    /// Slug of the user's campus; admins may have none.
    pub campus: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl UserView {
    pub fn new(user: &User, campus_slug: Option<String>, private: bool) -> UserView {
        UserView {
            login: user.login.clone(),
            display_name: user.display_name.clone(),
            role: user.role,
            campus: campus_slug,
            email: if private { user.email.clone() } else { None },
            disabled: private.then_some(user.disabled),
            created_at: private.then(|| utc(user.created_at)),
            updated_at: private.then(|| utc(user.updated_at)),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditView {
    pub at: DateTime<Utc>,
    /// Login of who acted, or `qadam-cli` for the server's command line.
    pub actor: String,
    pub action: String,
    pub subject_type: String,
    pub subject_id: String,
    pub campus: Option<String>,
    pub details: serde_json::Value,
}

impl AuditView {
    pub fn new(entry: &AuditEntry, slugs: &HashMap<String, String>) -> AuditView {
        AuditView {
            at: utc(entry.at),
            actor: entry.actor_label.clone(),
            action: entry.action.clone(),
            subject_type: entry.subject_type.clone(),
            subject_id: entry.subject_id.clone(),
            campus: entry
                .campus_id
                .as_ref()
                .and_then(|id| slugs.get(id).cloned()),
            details: serde_json::from_str(&entry.details).unwrap_or(serde_json::Value::Null),
        }
    }
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Paginated<T> {
    pub items: Vec<T>,
    pub page: u32,
    pub per_page: u32,
    /// Items in all pages together.
    pub total: i64,
}

impl<T> Paginated<T> {
    pub fn new(items: Vec<T>, page: Page, total: i64) -> Self {
        Paginated {
            items,
            page: page.page,
            per_page: page.per_page,
            total,
        }
    }
}

/// A cursus with its stages in order, in the language asked for when it is
/// translated (else in the catalog's own).
#[derive(Debug, Serialize, ToSchema)]
pub struct CursusView {
    pub slug: String,
    pub name: String,
    pub summary: String,
    /// The language of `name`, `summary` and the stage names.
    pub language: String,
    /// Every language the cursus is written in.
    pub languages: Vec<String>,
    pub archived: bool,
    pub stages: Vec<StageView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StageView {
    pub name: String,
    pub projects: Vec<StageProjectView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StageProjectView {
    pub slug: String,
    pub name: String,
    /// `exercise`, `project`, `rush` or `exam`.
    pub kind: String,
}

impl CursusView {
    /// `wanted`: the languages asked for, best first (`?lang`, then Accept-Language).
    pub fn new(
        row: &qadam_db::models::CursusRow,
        projects: Vec<(qadam_db::models::CursusProject, String, String, String)>,
        wanted: &[String],
    ) -> CursusView {
        // A cursus synced by an older Qadam has no translations yet.
        let translations: CursusTranslations =
            serde_json::from_str(&row.translations).unwrap_or_default();
        let mut languages: Vec<String> = translations.languages().into_iter().collect();
        if !languages.iter().any(|l| l == DEFAULT_LANGUAGE) {
            languages.push(DEFAULT_LANGUAGE.to_string());
        }
        languages.sort();
        let language = choose_language(wanted, &languages, DEFAULT_LANGUAGE)
            .unwrap_or(DEFAULT_LANGUAGE)
            .to_string();
        let pick = |names: Option<&std::collections::BTreeMap<String, String>>, own: &str| {
            names
                .and_then(|names| names.get(&language))
                .cloned()
                .unwrap_or_else(|| own.to_string())
        };
        let mut stages: Vec<StageView> = Vec::new();
        let mut current = None;
        for (link, slug, name, kind) in projects {
            if current != Some(link.stage) {
                current = Some(link.stage);
                let names = usize::try_from(link.stage)
                    .ok()
                    .and_then(|index| translations.stages.get(index));
                stages.push(StageView {
                    name: pick(names, &link.stage_name),
                    projects: Vec::new(),
                });
            }
            if let Some(stage) = stages.last_mut() {
                stage.projects.push(StageProjectView { slug, name, kind });
            }
        }
        CursusView {
            slug: row.slug.clone(),
            name: pick(Some(&translations.names), &row.name),
            summary: pick(Some(&translations.summaries), &row.summary),
            language,
            languages,
            archived: row.archived_at.is_some(),
            stages,
        }
    }
}

/// A project in a list: enough to draw the curriculum graph.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectSummaryView {
    pub slug: String,
    pub name: String,
    /// `exercise`, `project`, `rush` or `exam`.
    pub kind: String,
    pub summary: String,
    pub xp: u64,
    /// `{"min": 1, "max": 1}`
    #[schema(value_type = Object)]
    pub team: TeamSize,
    /// `{"projects": [...], "level": 0.0}`
    #[schema(value_type = Object)]
    pub requires: Requirements,
    pub version: i32,
    pub archived: bool,
}

impl ProjectSummaryView {
    /// `wanted`: the languages asked for, best first; the name is the first of them
    /// the project is named in, else its own.
    pub fn new(
        row: &qadam_db::models::ProjectRow,
        definition: &ProjectDefinition,
        wanted: &[String],
    ) -> Self {
        let name = wanted
            .iter()
            .find_map(|language| definition.names.get(language))
            .cloned()
            .unwrap_or_else(|| row.name.clone());
        ProjectSummaryView {
            slug: row.slug.clone(),
            name,
            kind: row.kind.as_str().to_string(),
            summary: definition.summary.clone(),
            xp: u64::from(definition.xp),
            team: definition.team,
            requires: definition.requires.clone(),
            version: row.current_version,
            archived: row.archived_at.is_some(),
        }
    }
}

/// One project as a student reads it: the subject in one language and everything public
/// about the project. Hidden tests, harness files and reference solutions never appear.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectView<'a> {
    pub slug: &'a str,
    pub version: i32,
    pub archived: bool,
    /// The language of `subject`.
    pub language: &'a str,
    /// Every language the subject is written in.
    pub languages: &'a [String],
    /// Markdown.
    pub subject: &'a str,
    /// Rules, team size, prerequisites, evaluation, the grader's configuration with the
    /// visible tests, the grading sheet and exam levels (projects-catalog/README.md).
    #[schema(value_type = Object)]
    pub definition: &'a ProjectDefinition,
    pub updated_at: DateTime<Utc>,
}
