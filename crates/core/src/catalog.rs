//! The curriculum's entry points: syncing a checked catalog into the database (from
//! `qadam catalog sync` and on a server's first start), and reading a stored project's
//! public definition.

use crate::error::{CoreError, CoreResult};
use qadam_catalog::{Catalog, SyncReport};
use qadam_db::queries::audit::AuditActor;
use qadam_db::queries::projects;
use qadam_db::{DbConn, Pool};
use qadam_domain::curriculum::ProjectDefinition;
use std::path::Path;

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
