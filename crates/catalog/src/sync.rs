//! `qadam catalog sync`: the checked catalog into the database, in one transaction.
//! A project whose content hash changed gets a new version (old versions stay, so an
//! attempt keeps the version it started on); one missing from the files is archived,
//! never deleted. Running it twice changes nothing the second time.

use crate::{Catalog, Cursus, Project};
use qadam_db::models::{CursusProject, CursusRow, ProjectRow, ProjectSubject, ProjectVersion};
use qadam_db::queries::audit::{self, AuditActor};
use qadam_db::queries::generations::{self, Generation};
use qadam_db::queries::{cursus, projects};
use qadam_db::DbConn;
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;

#[derive(Debug, Default, Clone, PartialEq, Serialize)]
pub struct SyncReport {
    /// New projects (version 1).
    pub created: Vec<String>,
    /// Projects given a new version, as `slug@version`.
    pub new_versions: Vec<String>,
    /// Archived projects that came back.
    pub restored: Vec<String>,
    pub archived: Vec<String>,
    pub unchanged: usize,
    /// Cursus created or changed.
    pub cursus_changed: Vec<String>,
    pub cursus_archived: Vec<String>,
    /// The level table (levels.toml) was written.
    pub levels_changed: bool,
}

impl SyncReport {
    pub fn changed_anything(&self) -> bool {
        !(self.created.is_empty()
            && self.new_versions.is_empty()
            && self.restored.is_empty()
            && self.archived.is_empty()
            && self.cursus_changed.is_empty()
            && self.cursus_archived.is_empty()
            && !self.levels_changed)
    }
}

pub fn sync(
    conn: &mut DbConn,
    catalog: &Catalog,
    actor: &AuditActor,
) -> Result<SyncReport, qadam_db::DbError> {
    conn.write(|conn| {
        let mut report = SyncReport::default();
        let now = qadam_db::now();
        let mut stored: BTreeMap<String, (ProjectRow, String)> =
            projects::all_with_current_hash(conn)?
                .into_iter()
                .map(|(row, hash)| (row.slug.clone(), (row, hash)))
                .collect();
        let mut ids = BTreeMap::new();
        for project in &catalog.projects {
            let hash = project.content_hash();
            let row = match stored.remove(project.slug()) {
                None => {
                    let row = ProjectRow {
                        id: qadam_db::new_id(),
                        slug: project.slug().to_string(),
                        kind: project.kind(),
                        name: project.file.name.get_ref().clone(),
                        current_version: 1,
                        archived_at: None,
                        created_at: now,
                        updated_at: now,
                    };
                    projects::insert(conn, &row)?;
                    insert_version(conn, &row, project, &hash, now)?;
                    report.created.push(row.slug.clone());
                    row
                }
                Some((mut row, current_hash)) => {
                    let changed = current_hash != hash;
                    let restored = row.archived_at.is_some();
                    if changed {
                        row.current_version += 1;
                        insert_version(conn, &row, project, &hash, now)?;
                        report
                            .new_versions
                            .push(format!("{}@{}", row.slug, row.current_version));
                    }
                    if restored {
                        report.restored.push(row.slug.clone());
                    }
                    if changed || restored {
                        row.kind = project.kind();
                        row.name = project.file.name.get_ref().clone();
                        row.archived_at = None;
                        row.updated_at = now;
                        projects::update(conn, &row)?;
                    } else {
                        report.unchanged += 1;
                    }
                    row
                }
            };
            ids.insert(row.slug.clone(), row.id);
        }
        for (mut row, _) in stored
            .into_values()
            .filter(|(row, _)| row.archived_at.is_none())
        {
            row.archived_at = Some(now);
            row.updated_at = now;
            projects::update(conn, &row)?;
            report.archived.push(row.slug);
        }
        sync_cursus(conn, catalog, &ids, now, &mut report)?;
        if let Some(levels) = &catalog.levels {
            if qadam_db::queries::xp::levels(conn)? != levels.thresholds() {
                qadam_db::queries::xp::set_levels(conn, levels.thresholds())?;
                report.levels_changed = true;
            }
        }
        if report.changed_anything() {
            generations::bump(conn, Generation::Catalog)?;
            audit::record(
                conn,
                actor,
                audit::Event {
                    action: "catalog.sync",
                    subject_type: "catalog",
                    subject_id: &catalog.root.display().to_string(),
                    campus_id: None,
                    details: json!(report),
                },
            )?;
        }
        Ok(report)
    })
}

fn insert_version(
    conn: &mut DbConn,
    row: &ProjectRow,
    project: &Project,
    content_hash: &str,
    now: chrono::NaiveDateTime,
) -> Result<(), qadam_db::DbError> {
    let version = ProjectVersion {
        id: qadam_db::new_id(),
        project_id: row.id.clone(),
        version: row.current_version,
        content_hash: content_hash.to_string(),
        definition: serde_json::to_value(project.definition())
            .expect("a definition serialises")
            .to_string(),
        grading: project
            .grading_material()
            .map(|material| json!(material).to_string()),
        created_at: now,
    };
    let subjects: Vec<ProjectSubject> = project
        .subjects
        .iter()
        .map(|(language, markdown)| ProjectSubject {
            version_id: version.id.clone(),
            language: language.clone(),
            markdown: markdown.clone(),
        })
        .collect();
    projects::insert_version(conn, &version, &subjects)
}

fn sync_cursus(
    conn: &mut DbConn,
    catalog: &Catalog,
    project_ids: &BTreeMap<String, String>,
    now: chrono::NaiveDateTime,
    report: &mut SyncReport,
) -> Result<(), qadam_db::DbError> {
    let mut stored: BTreeMap<String, CursusRow> = cursus::all(conn)?
        .into_iter()
        .map(|row| (row.slug.clone(), row))
        .collect();
    for entry in &catalog.cursus {
        let hash = entry.content_hash();
        let row = match stored.remove(entry.slug()) {
            Some(row) if row.content_hash == hash && row.archived_at.is_none() => continue,
            Some(mut row) => {
                row.name = entry.file.name.clone();
                row.summary = entry.file.summary.clone();
                row.translations = translations_json(entry);
                row.content_hash = hash;
                row.archived_at = None;
                row.updated_at = now;
                cursus::update(conn, &row)?;
                row
            }
            None => {
                let row = CursusRow {
                    id: qadam_db::new_id(),
                    slug: entry.slug().to_string(),
                    name: entry.file.name.clone(),
                    summary: entry.file.summary.clone(),
                    translations: translations_json(entry),
                    content_hash: hash,
                    archived_at: None,
                    created_at: now,
                    updated_at: now,
                };
                cursus::insert(conn, &row)?;
                row
            }
        };
        cursus::set_projects(conn, &row.id, &stage_rows(entry, &row.id, project_ids))?;
        report.cursus_changed.push(row.slug);
    }
    for mut row in stored.into_values().filter(|row| row.archived_at.is_none()) {
        row.archived_at = Some(now);
        row.updated_at = now;
        cursus::update(conn, &row)?;
        report.cursus_archived.push(row.slug);
    }
    Ok(())
}

fn translations_json(entry: &Cursus) -> String {
    serde_json::to_string(&entry.translations()).expect("translations serialise")
}

fn stage_rows(
    entry: &Cursus,
    cursus_id: &str,
    project_ids: &BTreeMap<String, String>,
) -> Vec<CursusProject> {
    let mut rows = Vec::new();
    for (stage_index, stage) in entry.file.stages.get_ref().iter().enumerate() {
        for (position, slug) in stage.projects.iter().enumerate() {
            // A checked catalog names only projects it holds.
            if let Some(project_id) = project_ids.get(slug.get_ref()) {
                rows.push(CursusProject {
                    cursus_id: cursus_id.to_string(),
                    project_id: project_id.clone(),
                    stage: stage_index as i32,
                    stage_name: stage.name.clone(),
                    position: position as i32,
                });
            }
        }
    }
    rows
}
