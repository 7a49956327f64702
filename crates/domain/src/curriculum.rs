//! The words of the curriculum: kinds of project, grading-sheet questions and the flags
//! an evaluator may raise, with what each flag does to a mark.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProjectKind {
    /// A short graded exercise, solo (piscine days, tracks, exam pools).
    Exercise,
    /// A project, solo or in a team, usually peer-evaluated.
    Project,
    /// A short team project with a hard deadline (42's rushes).
    Rush,
    /// A timed session drawing one exercise per level.
    Exam,
}

impl ProjectKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectKind::Exercise => "exercise",
            ProjectKind::Project => "project",
            ProjectKind::Rush => "rush",
            ProjectKind::Exam => "exam",
        }
    }

    pub fn parse(text: &str) -> Option<ProjectKind> {
        [Self::Exercise, Self::Project, Self::Rush, Self::Exam]
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }

    /// Exercises and exams are taken alone.
    pub fn is_solo_only(self) -> bool {
        matches!(self, ProjectKind::Exercise | ProjectKind::Exam)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// Yes (full marks for the question) or no (none).
    YesNo,
    /// 0 to 5.
    Rating,
}

impl QuestionKind {
    pub fn max_points(self) -> u32 {
        match self {
            QuestionKind::YesNo => 1,
            QuestionKind::Rating => 5,
        }
    }
}

/// A flag ends an evaluation. Positive ones keep the mark; negative ones replace it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flag {
    Ok,
    Outstanding,
    Empty,
    Incomplete,
    InvalidCompilation,
    Norme,
    Cheat,
    Crash,
    Leaks,
    ForbiddenFunction,
    CantSupport,
    Concerning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagEffect {
    /// The mark from the sheet stands.
    KeepMark,
    /// The final mark is this, whatever the sheet says.
    SetMark(i32),
}

impl Flag {
    pub fn is_positive(self) -> bool {
        matches!(self, Flag::Ok | Flag::Outstanding)
    }

    pub fn effect(self) -> FlagEffect {
        match self {
            Flag::Ok | Flag::Outstanding => FlagEffect::KeepMark,
            Flag::Cheat => FlagEffect::SetMark(-42),
            _ => FlagEffect::SetMark(0),
        }
    }

    /// Staff are alerted whatever the mark (a student in difficulty, suspected cheating).
    pub fn alerts_staff(self) -> bool {
        matches!(self, Flag::Concerning | Flag::Cheat)
    }
}

/// The highest final mark, bonus included; `min_mark` can ask for any mark up to it.
pub const MAX_MARK: u32 = 125;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_flags_replace_the_mark_and_cheat_costs_42() {
        assert_eq!(Flag::Ok.effect(), FlagEffect::KeepMark);
        assert_eq!(Flag::Outstanding.effect(), FlagEffect::KeepMark);
        assert_eq!(Flag::Norme.effect(), FlagEffect::SetMark(0));
        assert_eq!(Flag::Cheat.effect(), FlagEffect::SetMark(-42));
        assert!(Flag::Concerning.alerts_staff());
        assert!(!Flag::Leaks.alerts_staff());
    }

    #[test]
    fn flags_and_kinds_are_kebab_case_in_files() {
        let flag: Flag = serde_json::from_str("\"forbidden-function\"").unwrap();
        assert_eq!(flag, Flag::ForbiddenFunction);
        assert_eq!(ProjectKind::parse("rush"), Some(ProjectKind::Rush));
        assert_eq!(ProjectKind::parse("Rush"), None);
        assert!(ProjectKind::Exam.is_solo_only() && !ProjectKind::Rush.is_solo_only());
    }
}

/// A cursus's words in other languages, by two-letter code: its name, its summary and
/// each stage's name (by stage index). Stored as JSON with the cursus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CursusTranslations {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub summaries: BTreeMap<String, String>,
    /// One map per stage, in stage order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<BTreeMap<String, String>>,
}

impl CursusTranslations {
    /// Every language something is translated into.
    pub fn languages(&self) -> std::collections::BTreeSet<String> {
        self.names
            .keys()
            .chain(self.summaries.keys())
            .chain(self.stages.iter().flat_map(|stage| stage.keys()))
            .cloned()
            .collect()
    }
}

/// Everything a student may see of a project version but its subject: written by the
/// catalog when it syncs, read by the API. The stored JSON is exactly this shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectDefinition {
    pub slug: String,
    pub name: String,
    /// `name` in other languages, by two-letter code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
    pub kind: ProjectKind,
    pub summary: String,
    pub xp: u32,
    pub estimated_hours: u32,
    pub default_language: String,
    pub team: TeamSize,
    pub requires: Requirements,
    pub rules: ProjectRules,
    pub evaluation: Option<EvaluationRules>,
    pub grader: Option<GraderSummary>,
    pub sheet: Option<Sheet>,
    pub exam: Option<ExamRules>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamSize {
    pub min: u32,
    pub max: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Requirements {
    pub projects: Vec<String>,
    pub level: f64,
}

impl Requirements {
    /// The required projects not validated yet, in the catalog's order.
    pub fn missing(&self, validated: impl Fn(&str) -> bool) -> Vec<&str> {
        self.projects
            .iter()
            .map(String::as_str)
            .filter(|slug| !validated(slug))
            .collect()
    }

    /// Whether a student with these validations and this level may start the project.
    pub fn met(&self, validated: impl Fn(&str) -> bool, level: f64) -> bool {
        self.missing(validated).is_empty() && level >= self.level
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectRules {
    pub deadline_days: Option<u32>,
    pub retry_cooldown_hours: u32,
    pub min_mark: u32,
    /// How the final mark is made; the catalog always writes it (versions synced before
    /// it existed read as the default, `FinalMarkRule::of`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_mark: Option<crate::flow::FinalMarkRule>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvaluationRules {
    pub peers: u32,
    pub duration_minutes: u32,
    pub evaluator_min_level: f64,
    pub evaluator_must_have_validated: bool,
    pub cost: u32,
    pub reward: u32,
}

/// The grader's configuration as a student may see it: visible tests only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraderSummary {
    pub image: String,
    pub required_files: Vec<String>,
    pub allowed_functions: Option<Vec<String>>,
    pub norm: bool,
    pub valgrind: bool,
    pub timeout_ms: u32,
    pub hidden_tests: usize,
    pub visible_tests: Vec<VisibleTest>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisibleTest {
    pub name: String,
    pub args: Vec<String>,
    pub stdin: Option<String>,
    pub expected_stdout: String,
    pub expected_exit: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub guidelines: String,
    pub flags: Vec<Flag>,
    pub sections: Vec<SheetSection>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetSection {
    pub name: String,
    pub guidelines: Option<String>,
    pub questions: Vec<SheetQuestion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetQuestion {
    pub text: String,
    pub kind: QuestionKind,
    pub max_points: u32,
    pub bonus: bool,
    pub guidelines: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamRules {
    pub duration_minutes: u32,
    /// Exercise slugs per level, in order.
    pub levels: Vec<Vec<String>>,
}
