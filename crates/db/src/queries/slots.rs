//! Evaluators' slots: one row per continuous span of a user's availability.

use crate::models::Slot;
use crate::schema::slots;
use crate::DbConn;
use crate::DbError as Error;
use chrono::NaiveDateTime;
use diesel::prelude::*;

pub fn insert(conn: &mut DbConn, slot: &Slot) -> Result<(), Error> {
    Ok(diesel::insert_into(slots::table)
        .values(slot)
        .execute(conn)
        .map(drop)?)
}

pub fn by_id(conn: &mut DbConn, id: &str) -> Result<Option<Slot>, Error> {
    Ok(slots::table
        .find(id)
        .select(Slot::as_select())
        .first(conn)
        .optional()?)
}

pub fn delete(conn: &mut DbConn, id: &str) -> Result<usize, Error> {
    Ok(diesel::delete(slots::table.find(id)).execute(conn)?)
}

/// A user's slots that end after `from`, earliest first.
pub fn of_user(conn: &mut DbConn, user_id: &str, from: NaiveDateTime) -> Result<Vec<Slot>, Error> {
    Ok(slots::table
        .filter(slots::user_id.eq(user_id))
        .filter(slots::end_at.gt(from))
        .order(slots::begin_at.asc())
        .select(Slot::as_select())
        .load(conn)?)
}

/// A user's slots that overlap or touch `[begin, end]`.
pub fn touching(
    conn: &mut DbConn,
    user_id: &str,
    begin: NaiveDateTime,
    end: NaiveDateTime,
) -> Result<Vec<Slot>, Error> {
    Ok(slots::table
        .filter(slots::user_id.eq(user_id))
        .filter(slots::begin_at.le(end))
        .filter(slots::end_at.ge(begin))
        .select(Slot::as_select())
        .load(conn)?)
}

/// Every slot of a campus overlapping `[from, to)`, by user then time.
pub fn of_campus_between(
    conn: &mut DbConn,
    campus_id: Option<&str>,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<Vec<Slot>, Error> {
    let mut query = slots::table
        .filter(slots::begin_at.lt(to))
        .filter(slots::end_at.gt(from))
        .into_boxed();
    query = match campus_id {
        Some(campus) => query.filter(slots::campus_id.eq(campus.to_string())),
        None => query.filter(slots::campus_id.is_null()),
    };
    Ok(query
        .order((slots::user_id.asc(), slots::begin_at.asc()))
        .select(Slot::as_select())
        .load(conn)?)
}

/// Slots that ended before `before` (kept a while for history, then pruned).
pub fn delete_ended_before(conn: &mut DbConn, before: NaiveDateTime) -> Result<usize, Error> {
    Ok(diesel::delete(slots::table.filter(slots::end_at.lt(before))).execute(conn)?)
}
