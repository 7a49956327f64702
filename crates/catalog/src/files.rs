//! The shapes of the catalog's TOML files, exactly as staff write them (see
//! projects-catalog/README.md). Unknown keys are errors; values whose meaning is checked
//! after parsing keep their position (`Spanned`) so a problem can name its line.

use qadam_domain::{Flag, ProjectKind, QuestionKind};
use qadam_grader::{Sanitizer, SpecLimits, Status};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectFile {
    pub slug: Spanned<String>,
    pub name: Spanned<String>,
    pub kind: Spanned<ProjectKind>,
    pub summary: Spanned<String>,
    pub xp: u32,
    pub estimated_hours: u32,
    pub default_language: Option<Spanned<String>>,
    pub team: Option<Spanned<TeamSize>>,
    #[serde(default)]
    pub requires: Requires,
    #[serde(default)]
    pub rules: Rules,
    pub evaluation: Option<Spanned<Evaluation>>,
    pub grader: Option<Spanned<GraderConfig>>,
    #[serde(default)]
    pub tests: Vec<Spanned<TestCase>>,
    pub exam: Option<Spanned<ExamConfig>>,
    /// The project's name in other languages, by two-letter code (`[names] ru = "..."`).
    pub names: Option<Spanned<BTreeMap<String, String>>>,
    /// How each known-wrong solution (`wrong/<name>/`) must fail.
    #[serde(default)]
    pub wrong: BTreeMap<String, Spanned<WrongSolution>>,
}

impl ProjectFile {
    /// Peer evaluations needed; none without an `[evaluation]` section.
    pub fn peers(&self) -> u32 {
        self.evaluation
            .as_ref()
            .map_or(0, |e| *e.get_ref().peers.get_ref())
    }
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamSize {
    pub min: u32,
    pub max: u32,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requires {
    #[serde(default)]
    pub projects: Vec<Spanned<String>>,
    #[serde(default)]
    pub level: f64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub deadline_days: Option<u32>,
    #[serde(default)]
    pub retry_cooldown_hours: u32,
    pub min_mark: Option<Spanned<u32>>,
    /// `grader`, `peers` or `min`; the default depends on the kind (FinalMarkRule).
    pub final_mark: Option<Spanned<String>>,
}

/// The mark that validates a project when its file does not say.
pub const DEFAULT_MIN_MARK: u32 = 50;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    pub peers: Spanned<u32>,
    #[serde(default = "thirty")]
    pub duration_minutes: u32,
    #[serde(default)]
    pub evaluator_min_level: f64,
    #[serde(default)]
    pub evaluator_must_have_validated: bool,
    #[serde(default = "one")]
    pub cost: u32,
    #[serde(default = "one")]
    pub reward: u32,
}

fn thirty() -> u32 {
    30
}

fn one() -> u32 {
    1
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraderConfig {
    pub image: Spanned<String>,
    pub required_files: Spanned<Vec<String>>,
    pub allowed_functions: Option<Vec<String>>,
    /// Go: the packages a submission may import (absent: no check; `[]`: none).
    pub allowed_imports: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub norm: bool,
    pub norm_header: Option<bool>,
    /// C: every test runs under valgrind; a leak or an invalid access fails it.
    pub valgrind: Option<Spanned<bool>>,
    #[serde(default)]
    pub harness: Vec<Spanned<String>>,
    pub entry: Option<String>,
    #[serde(default)]
    pub cflags: Vec<String>,
    pub timeout_ms: Option<Spanned<u32>>,
    /// All tests of a run together; past it the remaining tests are not run.
    pub time_budget_ms: Option<Spanned<u32>>,
    /// C: build the harness and the submission with these sanitizers
    /// (`"address"`, `"undefined"`).
    pub sanitize: Option<Spanned<Vec<Sanitizer>>>,
    pub limits: Option<SpecLimits>,
}

impl GraderConfig {
    pub fn valgrind(&self) -> bool {
        self.valgrind.as_ref().is_some_and(|v| *v.get_ref())
    }

    pub fn sanitizers(&self) -> Vec<Sanitizer> {
        self.sanitize
            .as_ref()
            .map_or_else(Vec::new, |s| s.get_ref().clone())
    }
}

/// A known-wrong solution's declared verdict: the run must end with `status`, and
/// `test`, when given, must be among the tests that did not pass.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrongSolution {
    pub status: Spanned<Status>,
    pub test: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Visibility {
    Visible,
    /// The safe default: a test shows its expectations only when the file says so.
    #[default]
    Hidden,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestCase {
    pub name: Spanned<String>,
    #[serde(default)]
    pub args: Vec<String>,
    pub stdin: Option<String>,
    /// A file of `tests/` whose text is the standard input (for large inputs).
    pub stdin_file: Option<Spanned<String>>,
    pub expected_stdout: Option<String>,
    /// A file of `tests/` whose text is the expected output.
    pub expected_stdout_file: Option<Spanned<String>>,
    pub expected_exit: Option<i32>,
    #[serde(default)]
    pub visibility: Visibility,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamConfig {
    pub duration_minutes: u32,
    pub levels: Spanned<Vec<ExamLevel>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamLevel {
    pub exercises: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SheetFile {
    #[serde(default)]
    pub guidelines: String,
    #[serde(default)]
    pub flags: Vec<Spanned<Flag>>,
    pub sections: Spanned<Vec<Section>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub name: Spanned<String>,
    pub guidelines: Option<String>,
    #[serde(default)]
    pub questions: Vec<Question>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub text: Spanned<String>,
    pub kind: QuestionKind,
    #[serde(default)]
    pub bonus: bool,
    pub guidelines: Option<String>,
}

/// `levels.toml` at the catalog's root: the cumulative XP each level needs.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelsFile {
    pub xp: Spanned<Vec<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CursusFile {
    pub slug: Spanned<String>,
    pub name: String,
    #[serde(default)]
    pub summary: String,
    /// `name` in other languages (`[names] ru = "..."`).
    #[serde(default)]
    pub names: Option<Spanned<BTreeMap<String, String>>>,
    /// `summary` in other languages.
    #[serde(default)]
    pub summaries: Option<Spanned<BTreeMap<String, String>>>,
    pub stages: Spanned<Vec<Stage>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub name: String,
    /// `name` in other languages (`names = { ru = "..." }`).
    #[serde(default)]
    pub names: Option<Spanned<BTreeMap<String, String>>>,
    pub projects: Vec<Spanned<String>>,
}
