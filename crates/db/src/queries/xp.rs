//! XP events and the level table.

use crate::models::XpEvent;
use crate::schema::{xp_events, xp_levels};
use crate::DbConn;
use crate::DbError as Error;
use diesel::prelude::*;

pub fn insert(conn: &mut DbConn, event: &XpEvent) -> Result<(), Error> {
    Ok(diesel::insert_into(xp_events::table)
        .values(event)
        .execute(conn)
        .map(drop)?)
}

/// A user's XP: the sum of their events (added up here: SUM of a BIGINT is NUMERIC
/// on PostgreSQL but an integer on SQLite; a user has a few hundred events at most).
pub fn total_of(conn: &mut DbConn, user_id: &str) -> Result<i64, Error> {
    let amounts: Vec<i64> = xp_events::table
        .filter(xp_events::user_id.eq(user_id))
        .select(xp_events::amount)
        .load(conn)?;
    Ok(amounts.into_iter().sum())
}

/// A user's XP events, oldest first.
pub fn of_user(conn: &mut DbConn, user_id: &str) -> Result<Vec<XpEvent>, Error> {
    Ok(xp_events::table
        .filter(xp_events::user_id.eq(user_id))
        .order((xp_events::at.asc(), xp_events::id.asc()))
        .select(XpEvent::as_select())
        .load(conn)?)
}

/// What one team earned one user so far (the sum of that user's events for it).
pub fn earned_for_team(conn: &mut DbConn, user_id: &str, team_id: &str) -> Result<i64, Error> {
    let amounts: Vec<i64> = xp_events::table
        .filter(xp_events::user_id.eq(user_id))
        .filter(xp_events::team_id.eq(team_id))
        .select(xp_events::amount)
        .load(conn)?;
    Ok(amounts.into_iter().sum())
}

/// The cumulative XP of each level, level 0 first; empty before the first sync.
pub fn levels(conn: &mut DbConn) -> Result<Vec<i64>, Error> {
    Ok(xp_levels::table
        .order(xp_levels::level.asc())
        .select(xp_levels::xp)
        .load(conn)?)
}

pub fn set_levels(conn: &mut DbConn, thresholds: &[i64]) -> Result<(), Error> {
    diesel::delete(xp_levels::table).execute(conn)?;
    for (level, xp) in thresholds.iter().enumerate() {
        diesel::insert_into(xp_levels::table)
            .values((xp_levels::level.eq(level as i32), xp_levels::xp.eq(*xp)))
            .execute(conn)?;
    }
    Ok(())
}

/// The XP of each of these users (absent: none).
pub fn totals_of(
    conn: &mut DbConn,
    user_ids: &[String],
) -> Result<std::collections::BTreeMap<String, i64>, Error> {
    let rows: Vec<(String, i64)> = xp_events::table
        .filter(xp_events::user_id.eq_any(user_ids))
        .select((xp_events::user_id, xp_events::amount))
        .load(conn)?;
    let mut totals = std::collections::BTreeMap::new();
    for (user, amount) in rows {
        *totals.entry(user).or_insert(0) += amount;
    }
    Ok(totals)
}
