//! The result JSON the runner writes (schema version 1, see grader-images/README.md).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const RESULT_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Passed,
    Failed,
    CompilationError,
    TimeLimit,
    MemoryLimit,
    OutputLimit,
    Crashed,
    ForbiddenFunction,
    NormError,
    /// Our fault: never blamed on the student, retried later.
    InternalError,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestResult {
    pub name: String,
    pub status: Status,
    pub message: String,
    /// What the program printed, cut to a few hundred characters.
    pub output: String,
    /// `visible` or `hidden`; hidden tests never show expected output.
    pub visibility: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signal: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeResult {
    pub schema_version: u32,
    pub status: Status,
    /// 0 to 100: the share of tests passed.
    pub score: f64,
    pub message: String,
    pub tests: Vec<TestResult>,
    pub tool_versions: BTreeMap<String, String>,
}

impl GradeResult {
    /// A verdict reached outside the runner (the sandbox killed it, or it failed).
    pub fn outer(status: Status, message: impl Into<String>) -> GradeResult {
        GradeResult {
            schema_version: RESULT_SCHEMA_VERSION,
            status,
            score: 0.0,
            message: message.into(),
            tests: Vec::new(),
            tool_versions: BTreeMap::new(),
        }
    }

    /// The first failing test, for a one-line summary.
    pub fn first_failure(&self) -> Option<&TestResult> {
        self.tests.iter().find(|t| t.status != Status::Passed)
    }
}
