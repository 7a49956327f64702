//! A student's progress: XP, level, and every project they took with its status,
//! mark and attempts. A student sees their own; staff their campus's; admins all.

use crate::teams::level_table;
use crate::{found, CoreError, CoreResult};
use qadam_db::models::{Team, User};
use qadam_db::queries::{teams, users, xp};
use qadam_db::DbConn;
use qadam_domain::{Actor, TeamStatus};

#[derive(Debug, Clone)]
pub struct Progress {
    pub user: User,
    pub xp: i64,
    pub level: f64,
    pub projects: Vec<ProjectProgress>,
}

#[derive(Debug, Clone)]
pub struct ProjectProgress {
    pub slug: String,
    /// The newest attempt's team.
    pub current: Team,
    pub attempts: usize,
    pub validated: bool,
    /// The best final mark over all attempts.
    pub best_mark: Option<i32>,
}

/// The user whose progress `actor` asks for, if it is theirs to see.
fn visible_user(conn: &mut DbConn, actor: &Actor, login: &str) -> CoreResult<User> {
    let user = found(users::by_login(conn, login)?, "user")?;
    let own = actor.user_id.as_str() == user.id;
    if !own && !actor.may_view_private(&user.target()) {
        return Err(CoreError::denied(
            "forbidden",
            "a student's progress is theirs and their campus staff's to see",
        ));
    }
    Ok(user)
}

/// A user's XP over time: each event's time with the total after it, oldest first.
pub fn xp_history(
    conn: &mut DbConn,
    actor: &Actor,
    login: &str,
) -> CoreResult<Vec<(chrono::NaiveDateTime, i64)>> {
    let user = visible_user(conn, actor, login)?;
    let mut total = 0;
    Ok(xp::of_user(conn, &user.id)?
        .into_iter()
        .map(|event| {
            total += event.amount;
            (event.at, total)
        })
        .collect())
}

pub fn progress(conn: &mut DbConn, actor: &Actor, login: &str) -> CoreResult<Progress> {
    let user = visible_user(conn, actor, login)?;
    let total = xp::total_of(conn, &user.id)?;
    let level = level_table(conn)?.level_of(total);
    let mut projects: Vec<ProjectProgress> = Vec::new();
    // Newest first: the first team met for a project is its current attempt.
    for (team, accepted, slug) in teams::of_user(conn, &user.id)? {
        if !accepted || team.status == TeamStatus::Abandoned {
            continue;
        }
        match projects.iter_mut().find(|p| p.slug == slug) {
            Some(entry) => {
                entry.attempts += 1;
                entry.validated |= team.validated == Some(true);
                entry.best_mark = entry.best_mark.max(team.final_mark);
            }
            None => projects.push(ProjectProgress {
                slug,
                validated: team.validated == Some(true),
                best_mark: team.final_mark,
                current: team,
                attempts: 1,
            }),
        }
    }
    projects.sort_by(|a, b| a.slug.cmp(&b.slug));
    Ok(Progress {
        user,
        xp: total,
        level,
        projects,
    })
}

/// What staff read on a student's page beside their progress: the newest submissions
/// of every team they belong to, and the evaluations they gave and received.
#[derive(Debug, Clone)]
pub struct StudentRecord {
    /// Newest first, with the project's slug.
    pub submissions: Vec<(qadam_db::models::Submission, String)>,
    /// Earliest first.
    pub evaluations: Vec<crate::evaluations::EvaluationDetail>,
}

/// How many of a student's submissions and evaluations staff see at once.
const RECORD_ROWS: usize = 50;

/// A student's record, for the staff of their campus (and admins) only.
pub fn record(
    conn: &mut DbConn,
    actor: &Actor,
    login: &str,
    now: chrono::NaiveDateTime,
) -> CoreResult<StudentRecord> {
    actor.require_staff()?;
    let user = visible_user(conn, actor, login)?;
    let mut submissions = Vec::new();
    for (team, accepted, slug) in teams::of_user(conn, &user.id)? {
        if accepted {
            for submission in qadam_db::queries::submissions::of_team(conn, &team.id)? {
                submissions.push((submission, slug.clone()));
            }
        }
    }
    submissions.sort_by_key(|(submission, _)| std::cmp::Reverse(submission.submitted_at));
    submissions.truncate(RECORD_ROWS);
    let since = now - chrono::Duration::days(365);
    let evaluations =
        qadam_db::queries::evaluations::of_user(conn, &user.id, since, RECORD_ROWS as i64)?
            .into_iter()
            .map(|evaluation| {
                crate::evaluations::detail(
                    conn,
                    evaluation,
                    crate::evaluations::EvaluationAccess::Staff,
                    now,
                )
            })
            .collect::<CoreResult<Vec<_>>>()?;
    Ok(StudentRecord {
        submissions,
        evaluations,
    })
}
