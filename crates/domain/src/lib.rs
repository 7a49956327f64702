//! Pure rules of Qadam. Nothing here touches a database, the network or the clock:
//! callers pass in what the rules need, so every rule is a plain unit-tested function.

pub mod access;
pub mod curriculum;
pub mod evaluation;
pub mod flow;
pub mod ids;
pub mod language;
pub mod pagination;
pub mod stored;
pub mod throttle;
pub mod validate;

pub use access::{Actor, Denied, Role};
pub use curriculum::{Flag, FlagEffect, ProjectKind, QuestionKind};
pub use evaluation::{EvaluationSettings, EvaluationStatus, Interval};
pub use flow::{FinalMarkRule, LevelTable, SubmissionStatus, TeamStatus};
pub use ids::{CampusId, UserId};
pub use pagination::{Page, PageRequest};
pub use throttle::{address_key, ThrottlePolicy};
pub use validate::Invalid;
