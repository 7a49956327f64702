//! The curriculum's entry points: syncing a checked catalog into the database (from
//! `qadam catalog sync` and on a server's first start), and reading a stored project's
//! public definition.

use crate::cache::ImmutableCache;
use crate::error::{CoreError, CoreResult};
use qadam_catalog::{Catalog, SyncReport};
use qadam_db::models::{ProjectRow, ProjectSubject};
use qadam_db::queries::audit::AuditActor;
use qadam_db::queries::projects;
use qadam_db::{DbConn, Pool};
use qadam_domain::curriculum::ProjectDefinition;
use qadam_domain::language::choose_language;
use qadam_domain::Actor;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// Writes a checked catalog into the database in one transaction.
pub fn sync(conn: &mut DbConn, catalog: &Catalog, actor: &AuditActor) -> CoreResult<SyncReport> {
    Ok(qadam_catalog::sync(conn, catalog, actor)?)
}

/// A server's first start: sync the configured catalog into an empty database, so the
/// quickstart has a curriculum. A broken catalog is logged and skipped: the platform
/// still starts.
pub fn sync_on_first_start(pool: &Pool, dir: &Path) -> CoreResult<()> {
    if dir.as_os_str().is_empty() {
        return Ok(());
    }
    let mut conn = pool.get()?;
    if projects::count(&mut conn)? > 0 {
        return Ok(());
    }
    if !dir.is_dir() {
        tracing::warn!(catalog = %dir.display(), "no catalog folder: starting without a curriculum");
        return Ok(());
    }
    match Catalog::load(dir, None) {
        // Several processes starting together on one PostgreSQL database may race
        // here; the loser's transaction fails whole and the winner's curriculum stands.
        Ok(catalog) => match sync(&mut conn, &catalog, &AuditActor::cli()) {
            Ok(report) => tracing::info!(
                catalog = %dir.display(),
                projects = report.created.len(),
                cursus = report.cursus_changed.len(),
                "synced the catalog on first start"
            ),
            Err(err) => tracing::warn!(
                %err,
                "the first-start catalog sync failed; run `qadam catalog sync`"
            ),
        },
        Err(problems) => {
            for problem in problems.iter().take(20) {
                tracing::warn!(%problem, "catalog problem");
            }
            tracing::warn!(
                catalog = %dir.display(),
                problems = problems.len(),
                "the catalog has problems and was not synced: run `qadam catalog check`"
            );
        }
    }
    Ok(())
}

/// A stored version's public definition. One that does not read back is the same
/// clear error wherever it is read.
pub fn definition(slug: &str, version: i32, stored: &str) -> CoreResult<ProjectDefinition> {
    serde_json::from_str(stored).map_err(|err| {
        CoreError::Corrupt(format!(
            "the stored definition of {slug}@{version} does not read back: {err}"
        ))
    })
}

/// How many versions a process keeps parsed (each a few kilobytes; a catalog has tens
/// to hundreds of projects).
const VERSIONS_KEPT: usize = 4096;

/// The parsed definitions and the subjects of project versions, by version id. A
/// version never changes once written, so nothing here goes stale: a new catalog sync
/// makes new versions with new ids.
pub struct CurriculumCache {
    definitions: ImmutableCache<ProjectDefinition>,
    subjects: ImmutableCache<Vec<ProjectSubject>>,
}

impl Default for CurriculumCache {
    fn default() -> Self {
        CurriculumCache {
            definitions: ImmutableCache::new(VERSIONS_KEPT),
            subjects: ImmutableCache::new(VERSIONS_KEPT),
        }
    }
}

impl CurriculumCache {
    /// The definitions of the listed projects' current versions (`(project, version
    /// id)`), in the same order; those not parsed yet are read in one query.
    pub fn definitions(
        &self,
        conn: &mut DbConn,
        rows: &[(ProjectRow, String)],
    ) -> CoreResult<Vec<Arc<ProjectDefinition>>> {
        let missing: Vec<String> = rows
            .iter()
            .filter(|(_, version_id)| self.definitions.get(version_id).is_none())
            .map(|(_, version_id)| version_id.clone())
            .collect();
        let mut read: HashMap<String, String> =
            projects::definitions(conn, &missing)?.into_iter().collect();
        rows.iter()
            .map(|(row, version_id)| match self.definitions.get(version_id) {
                Some(parsed) => Ok(parsed),
                None => {
                    let stored = read.remove(version_id).ok_or_else(|| {
                        CoreError::Corrupt(format!(
                            "the current version of {} has no stored definition",
                            row.slug
                        ))
                    })?;
                    let parsed = definition(&row.slug, row.current_version, &stored)?;
                    Ok(self.definitions.insert(version_id.clone(), parsed))
                }
            })
            .collect()
    }

    /// A project's current version as a reader asks for it: its definition, its
    /// subjects and the language served (the first of `wanted` it has, else its
    /// default), in one query for the project and its current version's id.
    pub fn current_project(
        &self,
        conn: &mut DbConn,
        slug: &str,
        wanted: &[String],
    ) -> CoreResult<CurrentProject> {
        let (row, version_id, _) =
            crate::found(projects::current_meta_by_slug(conn, slug)?, "project")?;
        let definition = self
            .definitions(conn, &[(row.clone(), version_id.clone())])?
            .remove(0);
        let subjects = self.subjects(conn, &version_id)?;
        let languages: Vec<String> = subjects.iter().map(|s| s.language.clone()).collect();
        let default = definition.default_language.as_str();
        let language = choose_language(wanted, &languages, default)
            .unwrap_or(default)
            .to_string();
        Ok(CurrentProject {
            row,
            definition,
            subjects,
            languages,
            language,
        })
    }

    /// The subjects of one version, by language.
    pub fn subjects(
        &self,
        conn: &mut DbConn,
        version_id: &str,
    ) -> CoreResult<Arc<Vec<ProjectSubject>>> {
        if let Some(subjects) = self.subjects.get(version_id) {
            return Ok(subjects);
        }
        let subjects = projects::subjects_of(conn, version_id)?;
        Ok(self.subjects.insert(version_id.to_string(), subjects))
    }
}

/// A project's current version, with the language chosen for a reader.
pub struct CurrentProject {
    pub row: ProjectRow,
    pub definition: Arc<ProjectDefinition>,
    subjects: Arc<Vec<ProjectSubject>>,
    /// The languages its subject is written in.
    pub languages: Vec<String>,
    /// The language served.
    pub language: String,
}

impl CurrentProject {
    /// The subject's Markdown in the language served.
    pub fn subject(&self) -> &str {
        self.subjects
            .iter()
            .find(|s| s.language == self.language)
            .map(|s| s.markdown.as_str())
            .unwrap_or_default()
    }
}

/// What staff see of the curriculum: the stored catalog's version (a digest of its
/// projects' content), the last sync, and how the folder on disk compares.
#[derive(Debug)]
pub struct CatalogStatus {
    pub stored_version: String,
    /// Every stored project with its current content hash, by slug.
    pub projects: Vec<(ProjectRow, String)>,
    pub last_sync: Option<qadam_db::models::AuditEntry>,
    pub disk: DiskCatalog,
}

/// The catalog folder the server was started with, compared with the database.
#[derive(Debug)]
pub enum DiskCatalog {
    /// The server has no catalog folder, or it is not there.
    Absent(String),
    /// It does not check: each problem as `path:line: message`.
    Problems(Vec<String>),
    /// It checks; what a `qadam catalog sync` would change.
    Checked {
        version: String,
        changed: Vec<String>,
        added: Vec<String>,
        archived: Vec<String>,
    },
}

/// A short digest of `(slug, content hash)` pairs: equal catalogs have equal versions.
fn version_of<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    use sha2::{Digest, Sha256};
    let mut sorted: Vec<_> = pairs.collect();
    sorted.sort();
    let mut digest = Sha256::new();
    for (slug, hash) in sorted {
        digest.update(slug.as_bytes());
        digest.update(b":");
        digest.update(hash.as_bytes());
        digest.update(b"\n");
    }
    hex::encode(&digest.finalize()[..6])
}

/// Reads and checks the catalog folder (the slow part: it reads every file, so call it
/// off the async threads), then compares it with what is stored.
pub fn status(conn: &mut DbConn, actor: &Actor, dir: &Path) -> CoreResult<CatalogStatus> {
    actor.require_staff()?;
    let disk = if dir.as_os_str().is_empty() || !dir.is_dir() {
        Err(DiskCatalog::Absent(dir.display().to_string()))
    } else {
        Catalog::load(dir, None).map_err(|problems| {
            DiskCatalog::Problems(problems.iter().map(ToString::to_string).collect())
        })
    };
    let projects = projects::all_with_current_hash(conn)?;
    let active = || projects.iter().filter(|(row, _)| row.archived_at.is_none());
    let stored_version = version_of(active().map(|(row, hash)| (row.slug.as_str(), hash.as_str())));
    let last_sync = qadam_db::queries::audit::latest_of_action(conn, "catalog.sync")?;
    let disk = match disk {
        Err(state) => state,
        Ok(catalog) => {
            let on_disk: Vec<(String, String)> = catalog
                .projects
                .iter()
                .map(|p| (p.slug().to_string(), p.content_hash()))
                .collect();
            let stored: HashMap<&str, &str> = active()
                .map(|(row, hash)| (row.slug.as_str(), hash.as_str()))
                .collect();
            let mut changed = Vec::new();
            let mut added = Vec::new();
            for (slug, hash) in &on_disk {
                match stored.get(slug.as_str()) {
                    None => added.push(slug.clone()),
                    Some(stored_hash) if stored_hash != hash => changed.push(slug.clone()),
                    Some(_) => {}
                }
            }
            let archived = stored
                .keys()
                .filter(|slug| !on_disk.iter().any(|(s, _)| s == *slug))
                .map(|slug| slug.to_string())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            DiskCatalog::Checked {
                version: version_of(on_disk.iter().map(|(s, h)| (s.as_str(), h.as_str()))),
                changed,
                added,
                archived,
            }
        }
    };
    Ok(CatalogStatus {
        stored_version,
        projects,
        last_sync,
        disk,
    })
}
