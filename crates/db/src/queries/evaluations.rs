//! Peer evaluations, the waitlist, review flags and each campus's evaluation settings.
//! A change of an evaluation's status is one update conditional on the status it
//! leaves, so a transition (and the points it moves) happens exactly once.

use crate::models::{Evaluation, Feedback, ReviewFlagRow, WaitlistRequest};
use crate::schema::{
    campus_evaluation_settings, evaluation_feedback, evaluations, review_flags, team_members,
    teams, waitlist_requests,
};
use crate::DbConn;
use crate::DbError as Error;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use qadam_domain::EvaluationStatus;
use std::collections::BTreeMap;

/// Statuses that hold an evaluator's time.
const HOLDING_TIME: [&str; 2] = ["booked", "in_progress"];
/// Statuses that count as an evaluation given (or to be given).
const COUNTED: [&str; 3] = ["booked", "in_progress", "completed"];

pub fn insert(conn: &mut DbConn, evaluation: &Evaluation) -> Result<(), Error> {
    Ok(diesel::insert_into(evaluations::table)
        .values(evaluation.clone())
        .execute(conn)
        .map(drop)?)
}

pub fn by_id(conn: &mut DbConn, id: &str) -> Result<Option<Evaluation>, Error> {
    Ok(evaluations::table
        .find(id)
        .select(Evaluation::as_select())
        .first(conn)
        .optional()?)
}

/// Writes an evaluation's changing fields, only while it is still in `from`. Returns
/// whether it was (false: someone else moved it first, nothing was written).
pub fn update_from(
    conn: &mut DbConn,
    evaluation: &Evaluation,
    from: EvaluationStatus,
) -> Result<bool, Error> {
    let changed = diesel::update(
        evaluations::table
            .find(&evaluation.id)
            .filter(evaluations::status.eq(from.as_str())),
    )
    .set((
        evaluations::status.eq(evaluation.status.as_str()),
        evaluations::code_attempts.eq(evaluation.code_attempts),
        evaluations::remote.eq(evaluation.remote),
        evaluations::started_at.eq(evaluation.started_at),
        evaluations::answers.eq(&evaluation.answers),
        evaluations::flag.eq(&evaluation.flag),
        evaluations::comment.eq(&evaluation.comment),
        evaluations::mark.eq(evaluation.mark),
        evaluations::completed_at.eq(evaluation.completed_at),
        evaluations::cancelled_by.eq(&evaluation.cancelled_by),
        evaluations::absent.eq(&evaluation.absent),
        evaluations::ended_at.eq(evaluation.ended_at),
        evaluations::void_reason.eq(&evaluation.void_reason),
        evaluations::updated_at.eq(evaluation.updated_at),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Sets a time-driven notification's flag; true only for the one caller that set it.
pub fn claim_notice(conn: &mut DbConn, id: &str, reminder: bool) -> Result<bool, Error> {
    let target = evaluations::table.find(id);
    let changed = if reminder {
        diesel::update(target.filter(evaluations::reminder_notified.eq(false)))
            .set(evaluations::reminder_notified.eq(true))
            .execute(conn)?
    } else {
        diesel::update(target.filter(evaluations::reveal_notified.eq(false)))
            .set(evaluations::reveal_notified.eq(true))
            .execute(conn)?
    };
    Ok(changed == 1)
}

pub fn of_team(conn: &mut DbConn, team_id: &str) -> Result<Vec<Evaluation>, Error> {
    Ok(evaluations::table
        .filter(evaluations::team_id.eq(team_id))
        .order((evaluations::begin_at.asc(), evaluations::id.asc()))
        .select(Evaluation::as_select())
        .load(conn)?)
}

/// The evaluations a user gives or receives (as a member of the evaluated team),
/// from `from` on (by end time), earliest first.
pub fn of_user(
    conn: &mut DbConn,
    user_id: &str,
    from: NaiveDateTime,
    limit: i64,
) -> Result<Vec<Evaluation>, Error> {
    let teams_of_user = team_members::table
        .filter(team_members::user_id.eq(user_id.to_string()))
        .filter(team_members::accepted.eq(true))
        .select(team_members::team_id);
    Ok(evaluations::table
        .filter(
            evaluations::evaluator_id
                .eq(user_id.to_string())
                .or(evaluations::team_id.eq_any(teams_of_user)),
        )
        .filter(evaluations::end_at.ge(from))
        .order((evaluations::begin_at.asc(), evaluations::id.asc()))
        .limit(limit)
        .select(Evaluation::as_select())
        .load(conn)?)
}

/// Time held by these users between `from` and `to`: evaluations they give, and
/// evaluations of teams they are members of, still booked or running. By user.
pub fn busy_between(
    conn: &mut DbConn,
    user_ids: &[String],
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<BTreeMap<String, Vec<(NaiveDateTime, NaiveDateTime)>>, Error> {
    let mut busy: BTreeMap<String, Vec<(NaiveDateTime, NaiveDateTime)>> = BTreeMap::new();
    let giving: Vec<(String, NaiveDateTime, NaiveDateTime)> = evaluations::table
        .filter(evaluations::evaluator_id.eq_any(user_ids))
        .filter(evaluations::status.eq_any(HOLDING_TIME))
        .filter(evaluations::begin_at.lt(to))
        .filter(evaluations::end_at.gt(from))
        .select((
            evaluations::evaluator_id,
            evaluations::begin_at,
            evaluations::end_at,
        ))
        .load(conn)?;
    let receiving: Vec<(String, NaiveDateTime, NaiveDateTime)> = evaluations::table
        .inner_join(team_members::table.on(team_members::team_id.eq(evaluations::team_id)))
        .filter(team_members::user_id.eq_any(user_ids))
        .filter(team_members::accepted.eq(true))
        .filter(evaluations::status.eq_any(HOLDING_TIME))
        .filter(evaluations::begin_at.lt(to))
        .filter(evaluations::end_at.gt(from))
        .select((
            team_members::user_id,
            evaluations::begin_at,
            evaluations::end_at,
        ))
        .load(conn)?;
    for (user, begin, end) in giving.into_iter().chain(receiving) {
        busy.entry(user).or_default().push((begin, end));
    }
    Ok(busy)
}

/// Evaluations given or booked by each of these evaluators since `since`.
pub fn load_since(
    conn: &mut DbConn,
    user_ids: &[String],
    since: NaiveDateTime,
) -> Result<BTreeMap<String, i64>, Error> {
    let rows: Vec<String> = evaluations::table
        .filter(evaluations::evaluator_id.eq_any(user_ids))
        .filter(evaluations::status.eq_any(COUNTED))
        .filter(evaluations::begin_at.ge(since))
        .select(evaluations::evaluator_id)
        .load(conn)?;
    let mut load = BTreeMap::new();
    for user in rows {
        *load.entry(user).or_insert(0) += 1;
    }
    Ok(load)
}

/// For each of `user_ids`, how many evaluations since `since` put them face to face
/// with any of `members` (either evaluating the other).
pub fn meetings_since(
    conn: &mut DbConn,
    user_ids: &[String],
    members: &[String],
    since: NaiveDateTime,
) -> Result<BTreeMap<String, i64>, Error> {
    let counted = ["completed", "booked", "in_progress"];
    // They evaluated one of the members' teams...
    let gave: Vec<(String, String)> = evaluations::table
        .inner_join(team_members::table.on(team_members::team_id.eq(evaluations::team_id)))
        .filter(evaluations::evaluator_id.eq_any(user_ids))
        .filter(team_members::user_id.eq_any(members))
        .filter(team_members::accepted.eq(true))
        .filter(evaluations::status.eq_any(counted))
        .filter(evaluations::begin_at.ge(since))
        .select((evaluations::evaluator_id, evaluations::id))
        .load(conn)?;
    // ...or a member evaluated their team.
    let received: Vec<(String, String)> = evaluations::table
        .inner_join(team_members::table.on(team_members::team_id.eq(evaluations::team_id)))
        .filter(evaluations::evaluator_id.eq_any(members))
        .filter(team_members::user_id.eq_any(user_ids))
        .filter(team_members::accepted.eq(true))
        .filter(evaluations::status.eq_any(counted))
        .filter(evaluations::begin_at.ge(since))
        .select((team_members::user_id, evaluations::id))
        .load(conn)?;
    let mut seen = std::collections::BTreeSet::new();
    let mut meetings = BTreeMap::new();
    for (user, evaluation) in gave.into_iter().chain(received) {
        if seen.insert((user.clone(), evaluation)) {
            *meetings.entry(user).or_insert(0) += 1;
        }
    }
    Ok(meetings)
}

/// An evaluator's latest marks of completed evaluations, newest first.
pub fn recent_marks_of(
    conn: &mut DbConn,
    evaluator_id: &str,
    limit: i64,
) -> Result<Vec<i32>, Error> {
    let marks: Vec<Option<i32>> = evaluations::table
        .filter(evaluations::evaluator_id.eq(evaluator_id))
        .filter(evaluations::status.eq(EvaluationStatus::Completed.as_str()))
        .order(evaluations::completed_at.desc())
        .limit(limit)
        .select(evaluations::mark)
        .load(conn)?;
    Ok(marks.into_iter().flatten().collect())
}

/// Booked evaluations whose reveal or reminder time has come and whose notice is not
/// sent yet (`reminder` picks which), earliest first.
pub fn notices_due(
    conn: &mut DbConn,
    reminder: bool,
    limit: i64,
) -> Result<Vec<Evaluation>, Error> {
    let mut query = evaluations::table
        .filter(evaluations::status.eq_any(HOLDING_TIME))
        .into_boxed();
    query = if reminder {
        query.filter(evaluations::reminder_notified.eq(false))
    } else {
        query.filter(evaluations::reveal_notified.eq(false))
    };
    Ok(query
        .order(evaluations::begin_at.asc())
        .limit(limit)
        .select(Evaluation::as_select())
        .load(conn)?)
}

/// Booked evaluations never started, whose end passed before `ended_before`.
pub fn never_started(
    conn: &mut DbConn,
    ended_before: NaiveDateTime,
    limit: i64,
) -> Result<Vec<Evaluation>, Error> {
    Ok(evaluations::table
        .filter(evaluations::status.eq(EvaluationStatus::Booked.as_str()))
        .filter(evaluations::end_at.lt(ended_before))
        .order(evaluations::end_at.asc())
        .limit(limit)
        .select(Evaluation::as_select())
        .load(conn)?)
}

/// Evaluations of a campus (or all), newest first, optionally with a status.
pub fn of_campus(
    conn: &mut DbConn,
    campus_id: Option<&str>,
    status: Option<EvaluationStatus>,
    limit: i64,
) -> Result<Vec<Evaluation>, Error> {
    let mut query = evaluations::table.into_boxed();
    if let Some(campus) = campus_id {
        query = query.filter(evaluations::campus_id.eq(campus.to_string()));
    }
    if let Some(status) = status {
        query = query.filter(evaluations::status.eq(status.as_str()));
    }
    Ok(query
        .order((evaluations::begin_at.desc(), evaluations::id.asc()))
        .limit(limit)
        .select(Evaluation::as_select())
        .load(conn)?)
}

/// Makes bookings of one team, and of one evaluator, take their turn until the
/// calling transaction ends (PostgreSQL advisory locks; SQLite's write transactions
/// already run one at a time). Always a team before an evaluator, never the reverse,
/// so two bookings cannot wait for each other in a circle.
pub fn lock_team(conn: &mut DbConn, team_id: &str) -> Result<(), Error> {
    advisory_lock(conn, 4, team_id)
}

pub fn lock_evaluator(conn: &mut DbConn, user_id: &str) -> Result<(), Error> {
    advisory_lock(conn, 3, user_id)
}

/// Takes an evaluator's lock only if it is free now: a booking that finds another
/// one busy with this evaluator moves on to the next candidate instead of waiting,
/// so bookings never wait for each other in a circle whatever order they try
/// evaluators in. Always true on SQLite (one writer at a time).
pub fn try_lock_evaluator(conn: &mut DbConn, user_id: &str) -> Result<bool, Error> {
    use diesel::sql_types::{Bool, Integer, Text};
    #[derive(QueryableByName)]
    struct Taken {
        #[diesel(sql_type = Bool)]
        taken: bool,
    }
    if let DbConn::Postgres(pg) = conn {
        let row: Taken =
            diesel::sql_query("SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS taken")
                .bind::<Integer, _>(3)
                .bind::<Text, _>(user_id)
                .get_result(pg)?;
        return Ok(row.taken);
    }
    Ok(true)
}

fn advisory_lock(conn: &mut DbConn, space: i32, key: &str) -> Result<(), Error> {
    use diesel::sql_types::{Integer, Text};
    if let DbConn::Postgres(pg) = conn {
        diesel::sql_query("SELECT pg_advisory_xact_lock($1, hashtext($2))")
            .bind::<Integer, _>(space)
            .bind::<Text, _>(key)
            .execute(pg)?;
    }
    Ok(())
}

pub mod feedback {
    use super::*;

    pub fn insert(conn: &mut DbConn, feedback: &Feedback) -> Result<(), Error> {
        Ok(diesel::insert_into(evaluation_feedback::table)
            .values(feedback)
            .execute(conn)
            .map(drop)?)
    }

    pub fn of_evaluation(conn: &mut DbConn, id: &str) -> Result<Option<Feedback>, Error> {
        Ok(evaluation_feedback::table
            .find(id)
            .select(Feedback::as_select())
            .first(conn)
            .optional()?)
    }

    /// The ratings an evaluator received, newest first.
    pub fn ratings_of(
        conn: &mut DbConn,
        evaluator_id: &str,
        limit: i64,
    ) -> Result<Vec<i32>, Error> {
        Ok(evaluation_feedback::table
            .inner_join(evaluations::table)
            .filter(evaluations::evaluator_id.eq(evaluator_id))
            .order(evaluation_feedback::given_at.desc())
            .limit(limit)
            .select(evaluation_feedback::rating)
            .load(conn)?)
    }
}

pub mod waitlist {
    use super::*;

    pub const WAITING: &str = "waiting";
    pub const MATCHED: &str = "matched";
    pub const CANCELLED: &str = "cancelled";
    pub const EXPIRED: &str = "expired";

    pub fn insert(conn: &mut DbConn, request: &WaitlistRequest) -> Result<(), Error> {
        Ok(diesel::insert_into(waitlist_requests::table)
            .values(request)
            .execute(conn)
            .map(drop)?)
    }

    pub fn by_id(conn: &mut DbConn, id: &str) -> Result<Option<WaitlistRequest>, Error> {
        Ok(waitlist_requests::table
            .find(id)
            .select(WaitlistRequest::as_select())
            .first(conn)
            .optional()?)
    }

    pub fn waiting_of_team(
        conn: &mut DbConn,
        team_id: &str,
    ) -> Result<Option<WaitlistRequest>, Error> {
        Ok(waitlist_requests::table
            .filter(waitlist_requests::team_id.eq(team_id))
            .filter(waitlist_requests::status.eq(WAITING))
            .select(WaitlistRequest::as_select())
            .first(conn)
            .optional()?)
    }

    pub fn of_team(conn: &mut DbConn, team_id: &str) -> Result<Vec<WaitlistRequest>, Error> {
        Ok(waitlist_requests::table
            .filter(waitlist_requests::team_id.eq(team_id))
            .order(waitlist_requests::created_at.desc())
            .select(WaitlistRequest::as_select())
            .load(conn)?)
    }

    /// Waiting requests, oldest first (all campuses).
    pub fn waiting(conn: &mut DbConn, limit: i64) -> Result<Vec<WaitlistRequest>, Error> {
        Ok(waitlist_requests::table
            .filter(waitlist_requests::status.eq(WAITING))
            .order((
                waitlist_requests::created_at.asc(),
                waitlist_requests::id.asc(),
            ))
            .limit(limit)
            .select(WaitlistRequest::as_select())
            .load(conn)?)
    }

    /// Moves a request out of `waiting`; true only for the caller that moved it.
    pub fn close(
        conn: &mut DbConn,
        id: &str,
        status: &str,
        at: NaiveDateTime,
    ) -> Result<bool, Error> {
        let changed = diesel::update(
            waitlist_requests::table
                .find(id)
                .filter(waitlist_requests::status.eq(WAITING)),
        )
        .set((
            waitlist_requests::status.eq(status),
            waitlist_requests::updated_at.eq(at),
        ))
        .execute(conn)?;
        Ok(changed == 1)
    }
}

pub mod reviews {
    use super::*;

    pub fn insert(conn: &mut DbConn, flag: &ReviewFlagRow) -> Result<(), Error> {
        Ok(diesel::insert_into(review_flags::table)
            .values(flag)
            .execute(conn)
            .map(drop)?)
    }

    pub fn of_evaluation(conn: &mut DbConn, id: &str) -> Result<Vec<ReviewFlagRow>, Error> {
        Ok(review_flags::table
            .filter(review_flags::evaluation_id.eq(id))
            .order(review_flags::kind.asc())
            .select(ReviewFlagRow::as_select())
            .load(conn)?)
    }

    /// Review flags of a campus (or all), newest first.
    pub fn of_campus(
        conn: &mut DbConn,
        campus_id: Option<&str>,
        limit: i64,
    ) -> Result<Vec<ReviewFlagRow>, Error> {
        let mut query = review_flags::table.into_boxed();
        if let Some(campus) = campus_id {
            query = query.filter(review_flags::campus_id.eq(campus.to_string()));
        }
        Ok(query
            .order((review_flags::created_at.desc(), review_flags::id.asc()))
            .limit(limit)
            .select(ReviewFlagRow::as_select())
            .load(conn)?)
    }
}

pub mod settings {
    use super::*;

    /// A campus's evaluation settings as stored (JSON), if staff ever set them.
    pub fn of_campus(conn: &mut DbConn, campus_id: &str) -> Result<Option<String>, Error> {
        Ok(campus_evaluation_settings::table
            .find(campus_id)
            .select(campus_evaluation_settings::settings)
            .first(conn)
            .optional()?)
    }

    pub fn replace(
        conn: &mut DbConn,
        campus_id: &str,
        json: &str,
        at: NaiveDateTime,
    ) -> Result<(), Error> {
        let changed = diesel::update(campus_evaluation_settings::table.find(campus_id))
            .set((
                campus_evaluation_settings::settings.eq(json),
                campus_evaluation_settings::updated_at.eq(at),
            ))
            .execute(conn)?;
        if changed == 0 {
            diesel::insert_into(campus_evaluation_settings::table)
                .values((
                    campus_evaluation_settings::campus_id.eq(campus_id),
                    campus_evaluation_settings::settings.eq(json),
                    campus_evaluation_settings::updated_at.eq(at),
                ))
                .execute(conn)?;
        }
        Ok(())
    }
}

/// Teams of these users' that validated a project: who among them has validated it.
pub fn validated_among(
    conn: &mut DbConn,
    user_ids: &[String],
    project_id: &str,
) -> Result<Vec<String>, Error> {
    Ok(team_members::table
        .inner_join(teams::table)
        .filter(team_members::user_id.eq_any(user_ids))
        .filter(team_members::accepted.eq(true))
        .filter(teams::project_id.eq(project_id))
        .filter(teams::validated.eq(true))
        .select(team_members::user_id)
        .distinct()
        .load(conn)?)
}

/// Accounts by id (who may evaluate: role, disabled, campus).
pub fn accounts(conn: &mut DbConn, ids: &[String]) -> Result<Vec<crate::models::User>, Error> {
    use crate::schema::users;
    Ok(users::table
        .filter(users::id.eq_any(ids))
        .select(crate::models::User::as_select())
        .load(conn)?)
}

/// The active staff of a campus (who hear of alerts).
pub fn staff_of_campus(conn: &mut DbConn, campus_id: &str) -> Result<Vec<String>, Error> {
    use crate::schema::users;
    Ok(users::table
        .filter(users::campus_id.eq(campus_id))
        .filter(users::role.eq("staff"))
        .filter(users::disabled.eq(false))
        .select(users::id)
        .load(conn)?)
}
