//! The grading queue. A worker claims a job with a lease (a unique owner string and an
//! expiry), heartbeats the lease while the container runs, and finishes the job with
//! an update that only lands while it still holds the lease: a result is recorded
//! exactly once, even when a lease expired and another worker took the job over.

use crate::models::GradingJob;
use crate::schema::grading_jobs;
use crate::DbConn;
use crate::DbError as Error;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Text, Timestamp};

pub const QUEUED: &str = "queued";
pub const RUNNING: &str = "running";
pub const DONE: &str = "done";
pub const FAILED: &str = "failed";

pub fn insert(conn: &mut DbConn, job: &GradingJob) -> Result<(), Error> {
    Ok(diesel::insert_into(grading_jobs::table)
        .values(job)
        .execute(conn)
        .map(drop)?)
}

pub fn by_id(conn: &mut DbConn, id: &str) -> Result<Option<GradingJob>, Error> {
    Ok(grading_jobs::table
        .find(id)
        .select(GradingJob::as_select())
        .first(conn)
        .optional()?)
}

/// Jobs still to run or running: the depth that backpressure compares with its limit.
pub fn outstanding(conn: &mut DbConn) -> Result<i64, Error> {
    Ok(grading_jobs::table
        .filter(grading_jobs::status.eq_any([QUEUED, RUNNING]))
        .count()
        .get_result(conn)?)
}

pub fn count_with_status(conn: &mut DbConn, status: &str) -> Result<i64, Error> {
    Ok(grading_jobs::table
        .filter(grading_jobs::status.eq(status))
        .count()
        .get_result(conn)?)
}

/// The newest jobs with a status, newest first.
pub fn with_status(conn: &mut DbConn, status: &str, limit: i64) -> Result<Vec<GradingJob>, Error> {
    Ok(grading_jobs::table
        .filter(grading_jobs::status.eq(status))
        .order(grading_jobs::created_at.desc())
        .limit(limit)
        .select(GradingJob::as_select())
        .load(conn)?)
}

/// How many gradings of this submission reached a verdict (more than one only after
/// a staff member asked for a regrade).
pub fn verdicts_for_submission(conn: &mut DbConn, submission_id: &str) -> Result<i64, Error> {
    Ok(grading_jobs::table
        .filter(grading_jobs::submission_id.eq(submission_id))
        .filter(grading_jobs::status.eq(DONE))
        .count()
        .get_result(conn)?)
}

/// A job of this submission still queued or running, if any.
pub fn outstanding_for_submission(
    conn: &mut DbConn,
    submission_id: &str,
) -> Result<Option<GradingJob>, Error> {
    Ok(grading_jobs::table
        .filter(grading_jobs::submission_id.eq(submission_id))
        .filter(grading_jobs::status.eq_any([QUEUED, RUNNING]))
        .select(GradingJob::as_select())
        .first(conn)
        .optional()?)
}

#[derive(QueryableByName)]
struct JobId {
    #[diesel(sql_type = Text)]
    id: String,
}

/// The next job to run, for fairness: queued jobs that are due, and running ones whose
/// lease expired (their worker died), ordered by how many older outstanding jobs their
/// team has (so teams take turns: one team's burst does not hold up the others), then
/// by age. On PostgreSQL the row is locked with `SKIP LOCKED`, so concurrent workers
/// pick different jobs; on SQLite the caller's `BEGIN IMMEDIATE` transaction is the
/// single writer. Must run inside a write transaction, followed by [`lease`].
pub fn next_claimable(conn: &mut DbConn, now: NaiveDateTime) -> Result<Option<String>, Error> {
    let base = "SELECT j.id FROM grading_jobs j \
         WHERE (j.status = 'queued' AND j.run_after <= $1) \
            OR (j.status = 'running' AND j.lease_expires_at < $1) \
         ORDER BY (SELECT COUNT(*) FROM grading_jobs o \
                   WHERE o.team_id = j.team_id AND o.status IN ('queued', 'running') \
                     AND o.created_at < j.created_at), \
                  j.created_at, j.id \
         LIMIT 1";
    let sql = match conn.backend() {
        crate::Backend::Postgres => format!("{base} FOR UPDATE OF j SKIP LOCKED"),
        crate::Backend::Sqlite => base.replace("$1", "?1"),
    };
    let found: Option<JobId> = diesel::sql_query(sql)
        .bind::<Timestamp, _>(now)
        .get_result(conn)
        .optional()?;
    Ok(found.map(|job| job.id))
}

/// Takes the lease of a job found by [`next_claimable`] and counts the attempt.
pub fn lease(
    conn: &mut DbConn,
    id: &str,
    owner: &str,
    now: NaiveDateTime,
    until: NaiveDateTime,
) -> Result<GradingJob, Error> {
    diesel::update(grading_jobs::table.find(id))
        .set((
            grading_jobs::status.eq(RUNNING),
            grading_jobs::lease_owner.eq(owner),
            grading_jobs::lease_expires_at.eq(until),
            grading_jobs::attempts.eq(grading_jobs::attempts + 1),
            grading_jobs::started_at.eq(now),
        ))
        .execute(conn)?;
    by_id(conn, id)?.ok_or(Error::Query(diesel::result::Error::NotFound))
}

/// Extends a held lease; false when the lease is no longer this owner's.
pub fn heartbeat(
    conn: &mut DbConn,
    id: &str,
    owner: &str,
    until: NaiveDateTime,
) -> Result<bool, Error> {
    let updated = diesel::update(
        grading_jobs::table
            .find(id)
            .filter(grading_jobs::status.eq(RUNNING))
            .filter(grading_jobs::lease_owner.eq(owner)),
    )
    .set(grading_jobs::lease_expires_at.eq(until))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Ends a job held by `owner` with `status` (done or failed); false, and nothing
/// written, when the lease is no longer this owner's.
pub fn finish(
    conn: &mut DbConn,
    id: &str,
    owner: &str,
    status: &str,
    error: Option<&str>,
    now: NaiveDateTime,
) -> Result<bool, Error> {
    let updated = diesel::update(
        grading_jobs::table
            .find(id)
            .filter(grading_jobs::status.eq(RUNNING))
            .filter(grading_jobs::lease_owner.eq(owner)),
    )
    .set((
        grading_jobs::status.eq(status),
        grading_jobs::lease_owner.eq(None::<String>),
        grading_jobs::lease_expires_at.eq(None::<NaiveDateTime>),
        grading_jobs::last_error.eq(error),
        grading_jobs::finished_at.eq(now),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Puts a job held by `owner` back in the queue, due at `run_after` (a retry after
/// our own failure); false when the lease is no longer this owner's.
pub fn requeue(
    conn: &mut DbConn,
    id: &str,
    owner: &str,
    run_after: NaiveDateTime,
    error: &str,
) -> Result<bool, Error> {
    let updated = diesel::update(
        grading_jobs::table
            .find(id)
            .filter(grading_jobs::status.eq(RUNNING))
            .filter(grading_jobs::lease_owner.eq(owner)),
    )
    .set((
        grading_jobs::status.eq(QUEUED),
        grading_jobs::lease_owner.eq(None::<String>),
        grading_jobs::lease_expires_at.eq(None::<NaiveDateTime>),
        grading_jobs::run_after.eq(run_after),
        grading_jobs::last_error.eq(error),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}
