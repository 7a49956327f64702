//! What the benchmarks and the demo share to put life in a database without Docker:
//! verdicts recorded as a worker records them (without grading), and a project's
//! reference solution packed as a student would hand it in.

use chrono::{Duration, NaiveDateTime};
use qadam_core::CoreError;
use qadam_db::queries::{jobs, submissions};
use qadam_db::DbConn;
use std::path::{Path, PathBuf};

/// Every claimable grading job, recorded as passed with 100 (lease, finish, result),
/// the way a worker lands a verdict. Answers how many.
pub fn pass_queued_submissions(
    conn: &mut DbConn,
    owner: &str,
    now: NaiveDateTime,
) -> Result<usize, CoreError> {
    let result = serde_json::json!({"schema_version": 1, "status": "passed", "score": 100.0,
        "message": "", "tests": [], "tool_versions": {}})
    .to_string();
    let mut passed = 0;
    while let Some(id) = jobs::next_claimable(conn, now)? {
        let job = jobs::lease(conn, &id, owner, now, now + Duration::seconds(60))?;
        jobs::finish(conn, &id, owner, jobs::DONE, None, now)?;
        submissions::record_result(conn, &job.submission_id, "passed", 100.0, &result, now)?;
        passed += 1;
    }
    Ok(passed)
}

/// The folder of a project in a catalog (`<group>/<slug>`), if there is one.
fn project_dir(catalog: &Path, slug: &str) -> Option<PathBuf> {
    std::fs::read_dir(catalog)
        .ok()?
        .filter_map(Result::ok)
        .map(|group| group.path().join(slug))
        .find(|dir| dir.join("project.toml").is_file())
}

/// The project's reference solution as a .tar.gz of its files.
pub fn solution_archive(catalog: &Path, slug: &str) -> anyhow::Result<Vec<u8>> {
    let dir = project_dir(catalog, slug)
        .ok_or_else(|| anyhow::anyhow!("no project {slug} in {}", catalog.display()))?
        .join("solution");
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let mut builder = tar::Builder::new(gz);
    builder.append_dir_all(".", &dir)?;
    Ok(builder.into_inner()?.finish()?)
}
