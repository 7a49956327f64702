//! What a project becomes in the database: the public definition students may read, the
//! grading material only the grader sees, and a hash of both (with the subjects) that
//! tells a changed project from an unchanged one.

use crate::files::{TestCase, Visibility, DEFAULT_MIN_MARK};
use crate::Project;
use qadam_domain::curriculum::{
    EvaluationRules, ExamRules, GraderSummary, ProjectDefinition, ProjectRules, Requirements,
    Sheet, SheetQuestion, SheetSection, TeamSize, VisibleTest,
};
use qadam_grader::{GradingMaterial, RunnerSpec, SpecTest, DEFAULT_TIMEOUT_MS};
use serde_json::json;
use sha2::{Digest, Sha256};

impl Project {
    pub fn slug(&self) -> &str {
        self.file.slug.get_ref()
    }

    pub fn kind(&self) -> qadam_domain::ProjectKind {
        *self.file.kind.get_ref()
    }

    pub fn default_language(&self) -> &str {
        self.file
            .default_language
            .as_ref()
            .map_or("en", |language| language.get_ref().as_str())
    }

    pub fn prerequisites(&self) -> impl Iterator<Item = &str> {
        self.file
            .requires
            .projects
            .iter()
            .map(|p| p.get_ref().as_str())
    }

    /// The final-mark rule the file names (checked), else the kind's default.
    pub fn final_mark_rule(&self) -> qadam_domain::FinalMarkRule {
        let file = &self.file;
        file.rules
            .final_mark
            .as_ref()
            .and_then(|rule| crate::load::parse_final_mark(rule.get_ref()))
            .unwrap_or_else(|| {
                qadam_domain::FinalMarkRule::default_for(
                    self.kind(),
                    file.grader.is_some(),
                    file.peers(),
                )
            })
    }

    /// The mark that validates the project.
    pub fn min_mark(&self) -> u32 {
        self.file
            .rules
            .min_mark
            .as_ref()
            .map_or(DEFAULT_MIN_MARK, |m| *m.get_ref())
    }

    /// A test's standard input, from `stdin` or `stdin_file`.
    pub fn test_stdin<'a>(&'a self, test: &'a TestCase) -> Option<&'a str> {
        match &test.stdin_file {
            Some(file) => self.hidden_files.get(file.get_ref()).map(String::as_str),
            None => test.stdin.as_deref(),
        }
    }

    /// A test's expected output, from `expected_stdout` or `expected_stdout_file`.
    pub fn test_expected<'a>(&'a self, test: &'a TestCase) -> &'a str {
        match &test.expected_stdout_file {
            Some(file) => self
                .hidden_files
                .get(file.get_ref())
                .map_or("", String::as_str),
            None => test.expected_stdout.as_deref().unwrap_or(""),
        }
    }

    /// The runner's spec (grader-images/README.md) with every test, and the hidden files.
    /// Files used only as a test's input or expected output are inlined in the spec and
    /// not sent twice.
    pub fn grading_material(&self) -> Option<GradingMaterial> {
        let grader = self.file.grader.as_ref()?.get_ref();
        let tests = self
            .file
            .tests
            .iter()
            .map(|test| {
                let test = test.get_ref();
                SpecTest {
                    name: test.name.get_ref().clone(),
                    args: test.args.clone(),
                    stdin: self.test_stdin(test).map(str::to_string),
                    expected_stdout: Some(self.test_expected(test).to_string()),
                    expected_exit: test.expected_exit,
                    visibility: match test.visibility {
                        Visibility::Visible => qadam_grader::Visibility::Visible,
                        Visibility::Hidden => qadam_grader::Visibility::Hidden,
                    },
                }
            })
            .collect();
        let spec = RunnerSpec {
            image: grader.image.get_ref().clone(),
            required_files: grader.required_files.get_ref().clone(),
            allowed_functions: grader.allowed_functions.clone(),
            allowed_imports: grader.allowed_imports.as_ref().map(|a| a.get_ref().clone()),
            harness: grader.harness.iter().map(|h| h.get_ref().clone()).collect(),
            norm: grader.norm,
            norm_header: grader.norm_header,
            entry: grader.entry.clone(),
            cflags: grader.cflags.clone(),
            valgrind: grader.valgrind(),
            sanitize: grader.sanitizers(),
            timeout_ms: grader
                .timeout_ms
                .as_ref()
                .map_or(DEFAULT_TIMEOUT_MS, |t| *t.get_ref()),
            time_budget_ms: grader.time_budget_ms.as_ref().map(|t| *t.get_ref()),
            // Where only a perfect score validates, one endless loop decides the run.
            stop_on_time_limit: self.min_mark() >= 100,
            timeout_scale: None,
            limits: grader.limits.clone().unwrap_or_default(),
            tests,
        };
        let inlined: Vec<&str> = self
            .file
            .tests
            .iter()
            .flat_map(|t| [&t.get_ref().stdin_file, &t.get_ref().expected_stdout_file])
            .filter_map(|f| f.as_ref().map(|f| f.get_ref().as_str()))
            .collect();
        let harness: Vec<&str> = grader
            .harness
            .iter()
            .map(|h| h.get_ref().as_str())
            .collect();
        let files = self
            .hidden_files
            .iter()
            .filter(|(name, _)| {
                !inlined.contains(&name.as_str()) || harness.contains(&name.as_str())
            })
            .map(|(name, text)| (name.clone(), text.clone()))
            .collect();
        Some(GradingMaterial { spec, files })
    }

    /// Everything a student may see of the project but its subject: rules, the grader's
    /// configuration with the visible tests only, and the grading sheet.
    pub fn definition(&self) -> ProjectDefinition {
        let file = &self.file;
        let team = file.team.as_ref().map(|t| *t.get_ref());
        let grader = file.grader.as_ref().map(|grader| {
            let grader = grader.get_ref();
            let visible_tests: Vec<VisibleTest> = file
                .tests
                .iter()
                .map(|t| t.get_ref())
                .filter(|t| t.visibility == Visibility::Visible)
                .map(|t| VisibleTest {
                    name: t.name.get_ref().clone(),
                    args: t.args.clone(),
                    stdin: self.test_stdin(t).map(str::to_string),
                    expected_stdout: self.test_expected(t).to_string(),
                    expected_exit: t.expected_exit.unwrap_or(0),
                })
                .collect();
            GraderSummary {
                image: grader.image.get_ref().clone(),
                required_files: grader.required_files.get_ref().clone(),
                allowed_functions: grader.allowed_functions.clone(),
                norm: grader.norm,
                valgrind: grader.valgrind(),
                timeout_ms: grader
                    .timeout_ms
                    .as_ref()
                    .map_or(DEFAULT_TIMEOUT_MS, |t| *t.get_ref()),
                hidden_tests: file.tests.len() - visible_tests.len(),
                visible_tests,
            }
        });
        let evaluation = file.evaluation.as_ref().map(|e| {
            let e = e.get_ref();
            EvaluationRules {
                peers: *e.peers.get_ref(),
                duration_minutes: e.duration_minutes,
                evaluator_min_level: e.evaluator_min_level,
                evaluator_must_have_validated: e.evaluator_must_have_validated,
                cost: e.cost,
                reward: e.reward,
            }
        });
        let sheet = self.sheet.as_ref().map(|(_, sheet)| Sheet {
            guidelines: sheet.guidelines.clone(),
            flags: sheet.flags.iter().map(|f| *f.get_ref()).collect(),
            sections: sheet
                .sections
                .get_ref()
                .iter()
                .map(|section| SheetSection {
                    name: section.name.get_ref().clone(),
                    guidelines: section.guidelines.clone(),
                    questions: section
                        .questions
                        .iter()
                        .map(|q| SheetQuestion {
                            text: q.text.get_ref().clone(),
                            kind: q.kind,
                            max_points: q.kind.max_points(),
                            bonus: q.bonus,
                            guidelines: q.guidelines.clone(),
                        })
                        .collect(),
                })
                .collect(),
        });
        let exam = file.exam.as_ref().map(|exam| {
            let exam = exam.get_ref();
            ExamRules {
                duration_minutes: exam.duration_minutes,
                levels: exam
                    .levels
                    .get_ref()
                    .iter()
                    .map(|level| {
                        level
                            .exercises
                            .iter()
                            .map(|e| e.get_ref().clone())
                            .collect()
                    })
                    .collect(),
            }
        });
        ProjectDefinition {
            slug: self.slug().to_string(),
            name: file.name.get_ref().clone(),
            names: file
                .names
                .as_ref()
                .map_or_else(Default::default, |n| n.get_ref().clone()),
            kind: self.kind(),
            summary: file.summary.get_ref().clone(),
            xp: file.xp,
            estimated_hours: file.estimated_hours,
            default_language: self.default_language().to_string(),
            team: TeamSize {
                min: team.map_or(1, |t| t.min),
                max: team.map_or(1, |t| t.max),
            },
            requires: Requirements {
                projects: self.prerequisites().map(str::to_string).collect(),
                level: file.requires.level,
            },
            rules: ProjectRules {
                deadline_days: file.rules.deadline_days,
                retry_cooldown_hours: file.rules.retry_cooldown_hours,
                min_mark: self.min_mark(),
                final_mark: Some(self.final_mark_rule()),
            },
            evaluation,
            grader,
            sheet,
            exam,
        }
    }

    /// Identifies the project's whole content: a new hash means a new version.
    pub fn content_hash(&self) -> String {
        let content = json!({
            "definition": self.definition(),
            "grading": self.grading_material(),
            "subjects": self.subjects,
        });
        hex_sha256(content.to_string().as_bytes())
    }
}

pub(crate) fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
