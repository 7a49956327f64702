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
    /// A test skipped because an earlier one hit the time limit, or the run's time
    /// budget was spent (only ever a test's status, never a run's).
    NotRun,
}

impl Status {
    /// The status as the runner, the API and the command line spell it.
    pub fn name(self) -> &'static str {
        match self {
            Status::Passed => "passed",
            Status::Failed => "failed",
            Status::CompilationError => "compilation_error",
            Status::TimeLimit => "time_limit",
            Status::MemoryLimit => "memory_limit",
            Status::OutputLimit => "output_limit",
            Status::Crashed => "crashed",
            Status::ForbiddenFunction => "forbidden_function",
            Status::NormError => "norm_error",
            Status::InternalError => "internal_error",
            Status::NotRun => "not_run",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
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
        self.tests
            .iter()
            .find(|t| !matches!(t.status, Status::Passed | Status::NotRun))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_is_named_as_it_is_serialised() {
        for status in [
            Status::Passed,
            Status::Failed,
            Status::CompilationError,
            Status::TimeLimit,
            Status::MemoryLimit,
            Status::OutputLimit,
            Status::Crashed,
            Status::ForbiddenFunction,
            Status::NormError,
            Status::InternalError,
            Status::NotRun,
        ] {
            assert_eq!(
                serde_json::to_value(status).unwrap(),
                serde_json::json!(status.name())
            );
        }
    }
}
