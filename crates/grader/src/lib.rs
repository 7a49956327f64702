//! Qadam's grader. One grading run = one fresh container from a grader image, all of a
//! submission's tests inside it, removed afterwards whatever happens. The container's
//! runner (grader-images/runner) decides the verdict; this crate packs the job,
//! enforces the outer limits (memory, processes, wall clock, output bytes) and reads
//! the result. The runner contract is grader-images/README.md.

mod archive;
mod grader;
pub mod images;
mod result;
mod sandbox;
mod spec;
pub mod upload;

pub use archive::{pack_files, pack_job, pack_layers, ArchiveError, MAX_JOB_BYTES};
pub use grader::Grader;
pub use result::{GradeResult, Status, TestResult, RESULT_SCHEMA_VERSION};
pub use sandbox::{docker_run_flags, grade, grade_in, GraderError, Limits, Sandbox};
pub use spec::{RunnerSpec, Sanitizer, SpecLimits, SpecTest, Visibility, DEFAULT_TIMEOUT_MS};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// Everything the grader needs of one project version, and nothing a student may see
/// leave it: the runner's spec (`tests/spec.json`, with hidden tests) and the hidden files
/// beside it (harness sources, inputs). The catalog builds it from `project.toml`; it is
/// stored with each project version so that a submission is graded with the version its
/// attempt started on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradingMaterial {
    pub spec: RunnerSpec,
    /// Paths relative to `tests/`, with their text.
    pub files: BTreeMap<String, String>,
}

impl GradingMaterial {
    /// The image folder under `grader-images/`, e.g. `c`.
    pub fn image(&self) -> &str {
        &self.spec.image
    }

    /// The sandbox limits: the spec's optional `limits` within the hard maxima.
    pub fn limits(&self) -> Limits {
        Limits::for_project(&self.spec.limits)
    }

    /// Reads a folder in the runner's own layout (`spec.json` and the hidden files), as
    /// the grader's test fixtures are kept.
    pub fn from_runner_dir(dir: &Path) -> Result<GradingMaterial, String> {
        let spec_path = dir.join("spec.json");
        let text = std::fs::read_to_string(&spec_path)
            .map_err(|err| format!("cannot read {}: {err}", spec_path.display()))?;
        let spec: RunnerSpec =
            serde_json::from_str(&text).map_err(|err| format!("{}: {err}", spec_path.display()))?;
        let mut files = BTreeMap::new();
        for entry in std::fs::read_dir(dir).map_err(|err| format!("{}: {err}", dir.display()))? {
            let path = entry.map_err(|err| err.to_string())?.path();
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            if name != "spec.json" && path.is_file() {
                let text = std::fs::read_to_string(&path)
                    .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
                files.insert(name, text);
            }
        }
        Ok(GradingMaterial { spec, files })
    }
}
