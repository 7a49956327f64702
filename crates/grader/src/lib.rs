//! Qadam's grader. One grading run = one fresh container from a grader image, all of a
//! submission's tests inside it, removed afterwards whatever happens. The container's
//! runner (grader-images/runner) decides the verdict; this crate packs the job,
//! enforces the outer limits (memory, processes, wall clock, output bytes) and reads
//! the result. The runner contract is grader-images/README.md.

mod archive;
pub mod images;
mod result;
mod sandbox;

pub use archive::{pack_job, ArchiveError};
pub use result::{GradeResult, Status, TestResult, RESULT_SCHEMA_VERSION};
pub use sandbox::{grade, grade_in, GraderError, Limits, Sandbox};

use std::path::{Path, PathBuf};

/// Where a project's grading material is, until the catalog issue defines the full
/// format: `<catalog>/<slug>/tests/` holding `spec.json` (which names the image) and
/// the hidden test files.
pub struct ProjectTests {
    pub tests_dir: PathBuf,
    /// The image folder under `grader-images/`, e.g. `c`.
    pub image: String,
    /// The sandbox limits, from the spec's optional `limits` within the hard maxima.
    pub limits: Limits,
}

pub fn project_tests(catalog: &Path, slug: &str) -> Result<ProjectTests, String> {
    let tests_dir = catalog.join(slug).join("tests");
    let spec_path = tests_dir.join("spec.json");
    let text = std::fs::read_to_string(&spec_path)
        .map_err(|err| format!("cannot read {}: {err}", spec_path.display()))?;
    let spec: serde_json::Value =
        serde_json::from_str(&text).map_err(|err| format!("{}: {err}", spec_path.display()))?;
    let image = spec["image"]
        .as_str()
        .ok_or_else(|| format!("{}: no \"image\"", spec_path.display()))?
        .to_string();
    let limits = Limits::for_project(&spec["limits"]);
    Ok(ProjectTests {
        tests_dir,
        image,
        limits,
    })
}
