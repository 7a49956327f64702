//! The runner's spec (`tests/spec.json`, grader-images/README.md): written by the
//! catalog from `project.toml`, read by the runner inside the sandbox, and by this
//! crate for the sandbox's limits. One typed shape for all three.

use serde::{Deserialize, Serialize};

/// The per-test time when a project does not say.
pub const DEFAULT_TIMEOUT_MS: u32 = 2000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunnerSpec {
    /// The image folder under `grader-images/`, which is also the language.
    pub image: String,
    #[serde(default)]
    pub required_files: Vec<String>,
    /// `None`: no check; `Some([])`: no function allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_functions: Option<Vec<String>>,
    /// Go: the packages the student's files may import; `None`: no check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_imports: Option<Vec<String>>,
    /// Hidden sources (C) or the script (Python) that call the student's code.
    #[serde(default)]
    pub harness: Vec<String>,
    #[serde(default)]
    pub norm: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub norm_header: Option<bool>,
    /// The file that runs (default: the first required file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cflags: Vec<String>,
    /// C: every test under valgrind.
    #[serde(default, skip_serializing_if = "is_false")]
    pub valgrind: bool,
    /// C: the harness and the student's files built with these sanitizers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sanitize: Vec<Sanitizer>,
    #[serde(default = "default_timeout")]
    pub timeout_ms: u32,
    /// All tests together; past it the remaining tests are not run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_budget_ms: Option<u32>,
    /// After a test hits its time limit the rest are not run (a project that needs
    /// every test: one endless loop costs one timeout, not one per test).
    #[serde(default, skip_serializing_if = "is_false")]
    pub stop_on_time_limit: bool,
    /// The self-check's knob: every time limit multiplied by it (1 when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_scale: Option<f64>,
    #[serde(default, skip_serializing_if = "SpecLimits::is_empty")]
    pub limits: SpecLimits,
    pub tests: Vec<SpecTest>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sanitizer {
    /// AddressSanitizer (and LeakSanitizer): reads and writes out of bounds, leaks.
    Address,
    /// UndefinedBehaviorSanitizer: signed overflow, bad shifts, misaligned access...
    Undefined,
}

/// What a project may change of the sandbox's limits, each within a hard maximum.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecLimits {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_mb: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pids: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wall_seconds: Option<u32>,
    /// CPU cores the run may use at once (a quota, not a pin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpus: Option<f64>,
}

impl SpecLimits {
    fn is_empty(&self) -> bool {
        *self == SpecLimits::default()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecTest {
    pub name: String,
    #[serde(default)]
    pub args: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stdin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_stdout: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_exit: Option<i32>,
    #[serde(default)]
    pub visibility: Visibility,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// The student sees the expected and the actual output.
    #[default]
    Visible,
    /// The student sees only the status.
    Hidden,
}

fn default_timeout() -> u32 {
    DEFAULT_TIMEOUT_MS
}

fn is_false(value: &bool) -> bool {
    !value
}
