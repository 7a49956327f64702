//! Submissions: immutable rows pointing at content-addressed blobs, and their results.

use super::paging::{split, total_count};
use crate::models::Submission;
use crate::schema::{submissions, teams};
use crate::DbConn;
use crate::DbError as Error;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use qadam_domain::{Page, SubmissionStatus};

pub fn insert(conn: &mut DbConn, submission: &Submission) -> Result<(), Error> {
    Ok(diesel::insert_into(submissions::table)
        .values(submission.clone())
        .execute(conn)
        .map(drop)?)
}

pub fn by_id(conn: &mut DbConn, id: &str) -> Result<Option<Submission>, Error> {
    Ok(submissions::table
        .find(id)
        .select(Submission::as_select())
        .first(conn)
        .optional()?)
}

/// A team's submissions, newest first.
pub fn of_team(conn: &mut DbConn, team_id: &str) -> Result<Vec<Submission>, Error> {
    Ok(submissions::table
        .filter(submissions::team_id.eq(team_id))
        .order((submissions::submitted_at.desc(), submissions::id.desc()))
        .select(Submission::as_select())
        .load(conn)?)
}

/// The team's newest submission that reached a verdict.
pub fn latest_graded(conn: &mut DbConn, team_id: &str) -> Result<Option<Submission>, Error> {
    Ok(submissions::table
        .filter(submissions::team_id.eq(team_id))
        .filter(submissions::status.eq(SubmissionStatus::Graded.as_str()))
        .order((submissions::submitted_at.desc(), submissions::id.desc()))
        .select(Submission::as_select())
        .first(conn)
        .optional()?)
}

pub fn set_status(conn: &mut DbConn, id: &str, status: SubmissionStatus) -> Result<(), Error> {
    diesel::update(submissions::table.find(id))
        .set(submissions::status.eq(status.as_str()))
        .execute(conn)?;
    Ok(())
}

/// Writes a verdict.
pub fn record_result(
    conn: &mut DbConn,
    id: &str,
    verdict: &str,
    score: f64,
    result: &str,
    at: NaiveDateTime,
) -> Result<(), Error> {
    diesel::update(submissions::table.find(id))
        .set((
            submissions::status.eq(SubmissionStatus::Graded.as_str()),
            submissions::verdict.eq(verdict),
            submissions::score.eq(score),
            submissions::result.eq(result),
            submissions::graded_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// How many submission rows point at this blob.
pub fn count_with_sha(conn: &mut DbConn, sha256: &str) -> Result<i64, Error> {
    Ok(submissions::table
        .filter(submissions::sha256.eq(sha256))
        .count()
        .get_result(conn)?)
}

pub struct Filter<'a> {
    pub campus_id: Option<&'a str>,
    pub project_id: Option<&'a str>,
    pub status: Option<SubmissionStatus>,
    pub team_ids: Option<&'a [String]>,
}

/// A page of submissions, newest first, and the total.
pub fn list(
    conn: &mut DbConn,
    filter: &Filter<'_>,
    page: Page,
) -> Result<(Vec<Submission>, i64), Error> {
    let filtered = || {
        let mut query = submissions::table.inner_join(teams::table).into_boxed();
        if let Some(campus_id) = filter.campus_id {
            query = query.filter(teams::campus_id.eq(campus_id.to_string()));
        }
        if let Some(project_id) = filter.project_id {
            query = query.filter(teams::project_id.eq(project_id.to_string()));
        }
        if let Some(status) = filter.status {
            query = query.filter(submissions::status.eq(status.as_str()));
        }
        if let Some(team_ids) = filter.team_ids {
            query = query.filter(submissions::team_id.eq_any(team_ids.to_vec()));
        }
        query
    };
    let rows = filtered()
        .order((submissions::submitted_at.desc(), submissions::id.desc()))
        .limit(page.limit())
        .offset(page.offset())
        .select((Submission::as_select(), total_count()))
        .load(conn)?;
    split(rows, || Ok(filtered().count().get_result(conn)?))
}
