//! The rules of the student's project flow: the states of a team (one per attempt) and
//! of a submission, how a final mark is made, what a mark earns in XP, and how a level
//! is read off the cumulative XP table.

use crate::curriculum::{ProjectDefinition, ProjectKind};
use serde::{Deserialize, Serialize};

/// A team is one attempt of a project (a solo project is a team of one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TeamStatus {
    /// Members are being invited; nothing can be submitted yet.
    Forming,
    /// Locked: members are fixed, work is submitted and graded.
    InProgress,
    /// Handed in, waiting for the peer evaluations the project needs.
    WaitingForEvaluation,
    /// Marked (validated or failed).
    Finished,
    /// Every member left before the team was locked.
    Abandoned,
}

impl TeamStatus {
    pub const ALL: [TeamStatus; 5] = [
        TeamStatus::Forming,
        TeamStatus::InProgress,
        TeamStatus::WaitingForEvaluation,
        TeamStatus::Finished,
        TeamStatus::Abandoned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TeamStatus::Forming => "forming",
            TeamStatus::InProgress => "in_progress",
            TeamStatus::WaitingForEvaluation => "waiting_for_evaluation",
            TeamStatus::Finished => "finished",
            TeamStatus::Abandoned => "abandoned",
        }
    }

    pub fn parse(text: &str) -> Option<TeamStatus> {
        Self::ALL.into_iter().find(|status| status.as_str() == text)
    }

    /// Whether the attempt still holds its members' registration for the project.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            TeamStatus::Forming | TeamStatus::InProgress | TeamStatus::WaitingForEvaluation
        )
    }
}

/// Where a submission is on its way to a verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubmissionStatus {
    Queued,
    Running,
    /// A verdict was reached (passed, failed, compilation error, ...).
    Graded,
    /// Grading failed on our side and its retries are used up; staff see it, and it is
    /// never counted against the student.
    Failed,
}

impl SubmissionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SubmissionStatus::Queued => "queued",
            SubmissionStatus::Running => "running",
            SubmissionStatus::Graded => "graded",
            SubmissionStatus::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<SubmissionStatus> {
        [Self::Queued, Self::Running, Self::Graded, Self::Failed]
            .into_iter()
            .find(|status| status.as_str() == text)
    }

    /// No more change is coming without someone asking for a new grading.
    pub fn is_settled(self) -> bool {
        matches!(self, SubmissionStatus::Graded | SubmissionStatus::Failed)
    }
}

/// How a project's final mark is made (`[rules] final_mark` in project.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FinalMarkRule {
    /// The grader's score of the handed-in submission.
    Grader,
    /// The mean of the peer evaluations' marks.
    Peers,
    /// The lower of the grader's score and the peers' mean.
    Min,
}

impl FinalMarkRule {
    pub fn as_str(self) -> &'static str {
        match self {
            FinalMarkRule::Grader => "grader",
            FinalMarkRule::Peers => "peers",
            FinalMarkRule::Min => "min",
        }
    }

    /// The rule when project.toml names none: the grader for exercises and exams and
    /// for anything without peer evaluations; the lower of both for projects and
    /// rushes that have tests and peers; the peers alone without tests.
    pub fn default_for(kind: ProjectKind, has_tests: bool, peers: u32) -> FinalMarkRule {
        match (kind, has_tests, peers) {
            (ProjectKind::Exercise | ProjectKind::Exam, _, _) => FinalMarkRule::Grader,
            (_, _, 0) => FinalMarkRule::Grader,
            (_, true, _) => FinalMarkRule::Min,
            (_, false, _) => FinalMarkRule::Peers,
        }
    }

    /// The rule of a stored definition: its own, else the default.
    pub fn of(definition: &ProjectDefinition) -> FinalMarkRule {
        definition.rules.final_mark.unwrap_or_else(|| {
            FinalMarkRule::default_for(
                definition.kind,
                definition.grader.is_some(),
                definition.evaluation.as_ref().map_or(0, |e| e.peers),
            )
        })
    }

    /// Whether marking waits for peer evaluations.
    pub fn needs_peers(self) -> bool {
        !matches!(self, FinalMarkRule::Grader)
    }
}

/// The grader's score (0 to 100, the share of tests passed) as a mark: rounded down,
/// so 99.5 % of the tests is not a 100.
pub fn grader_mark(score: f64) -> i32 {
    if score.is_nan() {
        return 0;
    }
    score.clamp(0.0, 100.0).floor() as i32
}

/// Whether a final mark validates the project.
pub fn validates(mark: i32, min_mark: u32) -> bool {
    mark >= min_mark as i32
}

/// XP a validated project earns: its XP times the mark over 100 (a bonus mark above
/// 100 earns more). A failed attempt earns nothing, as at 42.
pub fn xp_earned(project_xp: u32, mark: i32, validated: bool) -> i64 {
    if !validated || mark <= 0 {
        return 0;
    }
    i64::from(project_xp) * i64::from(mark) / 100
}

/// The cumulative XP needed to reach each level: `xp[n]` reaches level `n`, starting
/// with 0 for level 0 and strictly increasing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelTable {
    xp: Vec<i64>,
}

impl LevelTable {
    /// Checks that the table starts at 0 and strictly increases.
    pub fn new(xp: Vec<i64>) -> Result<LevelTable, String> {
        if xp.len() < 2 {
            return Err("the level table needs at least two levels".into());
        }
        if xp[0] != 0 {
            return Err(format!("level 0 must need 0 XP, not {}", xp[0]));
        }
        if let Some(at) = xp.windows(2).position(|pair| pair[1] <= pair[0]) {
            return Err(format!(
                "level {} needs {} XP, not more than level {} ({}): the table must increase",
                at + 1,
                xp[at + 1],
                at,
                xp[at]
            ));
        }
        Ok(LevelTable { xp })
    }

    /// The table used when the catalog has none: 42's piscine-like curve.
    pub fn builtin() -> LevelTable {
        LevelTable::new(vec![
            0, 462, 2688, 5885, 11777, 29217, 46255, 63559, 74340, 85483, 95000, 105630, 124446,
            145782, 169932, 197316, 228354, 263508, 303366, 348516, 399672,
        ])
        .expect("the built-in table increases")
    }

    pub fn thresholds(&self) -> &[i64] {
        &self.xp
    }

    /// The level for `xp`, with the fraction of the way to the next one (3.42 is 42 %
    /// of the way from level 3 to 4). Past the table's last level, the level stays there.
    pub fn level_of(&self, xp: i64) -> f64 {
        let xp = xp.max(0);
        let reached = self
            .xp
            .iter()
            .rposition(|&needed| xp >= needed)
            .unwrap_or(0);
        let Some(&next) = self.xp.get(reached + 1) else {
            return reached as f64;
        };
        let base = self.xp[reached];
        let fraction = (xp - base) as f64 / (next - base) as f64;
        // Two decimals, rounded down: a level is never shown higher than it is.
        ((reached as f64 + fraction) * 100.0).floor() / 100.0
    }
}

/// Whether a team of `members` accepted members may lock for a project of this size.
pub fn size_fits(members: u32, min: u32, max: u32) -> bool {
    (min..=max).contains(&members)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_read_off_the_cumulative_table() {
        let table = LevelTable::new(vec![0, 100, 300, 600]).unwrap();
        assert_eq!(table.level_of(0), 0.0);
        assert_eq!(table.level_of(50), 0.5);
        assert_eq!(table.level_of(100), 1.0);
        assert_eq!(table.level_of(299), 1.99);
        assert_eq!(table.level_of(450), 2.5);
        assert_eq!(table.level_of(600), 3.0);
        assert_eq!(table.level_of(10_000), 3.0);
        assert_eq!(table.level_of(-5), 0.0);
    }

    #[test]
    fn a_level_table_must_start_at_zero_and_increase() {
        assert!(LevelTable::new(vec![0]).is_err());
        assert!(LevelTable::new(vec![10, 20]).is_err());
        let err = LevelTable::new(vec![0, 100, 100]).unwrap_err();
        assert!(err.contains("level 2"), "{err}");
        assert!(LevelTable::builtin().thresholds().len() > 10);
    }

    #[test]
    fn xp_follows_the_mark_and_only_when_validated() {
        assert_eq!(xp_earned(420, 100, true), 420);
        assert_eq!(xp_earned(420, 125, true), 525);
        assert_eq!(xp_earned(420, 80, true), 336);
        assert_eq!(xp_earned(420, 40, false), 0);
        assert_eq!(xp_earned(420, -42, false), 0);
        assert!(validates(50, 50) && !validates(49, 50));
    }

    #[test]
    fn the_grader_mark_rounds_down_and_stays_in_range() {
        assert_eq!(grader_mark(99.9), 99);
        assert_eq!(grader_mark(100.0), 100);
        assert_eq!(grader_mark(-3.0), 0);
        assert_eq!(grader_mark(f64::NAN), 0);
    }

    #[test]
    fn final_mark_defaults_follow_the_kind_and_what_the_project_has() {
        use FinalMarkRule::*;
        assert_eq!(
            FinalMarkRule::default_for(ProjectKind::Exercise, true, 0),
            Grader
        );
        assert_eq!(
            FinalMarkRule::default_for(ProjectKind::Exam, true, 0),
            Grader
        );
        assert_eq!(
            FinalMarkRule::default_for(ProjectKind::Project, true, 2),
            Min
        );
        assert_eq!(FinalMarkRule::default_for(ProjectKind::Rush, true, 1), Min);
        assert_eq!(
            FinalMarkRule::default_for(ProjectKind::Project, false, 2),
            Peers
        );
        assert_eq!(
            FinalMarkRule::default_for(ProjectKind::Project, true, 0),
            Grader
        );
        assert!(!Grader.needs_peers() && Min.needs_peers() && Peers.needs_peers());
    }

    #[test]
    fn statuses_round_trip_through_their_names() {
        for status in TeamStatus::ALL {
            assert_eq!(TeamStatus::parse(status.as_str()), Some(status));
        }
        assert!(TeamStatus::InProgress.is_active() && !TeamStatus::Finished.is_active());
        assert_eq!(
            SubmissionStatus::parse("graded"),
            Some(SubmissionStatus::Graded)
        );
        assert!(SubmissionStatus::Failed.is_settled() && !SubmissionStatus::Queued.is_settled());
        assert!(size_fits(2, 2, 4) && !size_fits(1, 2, 4) && !size_fits(5, 2, 4));
    }
}
