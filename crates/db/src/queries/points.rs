//! Evaluation points: an append-only ledger per user, a balance row moved in the same
//! transaction (so the balance always equals the ledger's sum), and campus pools.

use crate::models::LedgerEntry;
use crate::schema::{point_balances, point_ledger, point_pools};
use crate::DbConn;
use crate::DbError as Error;
use diesel::prelude::*;

/// A user's balance and the sequence number of their next ledger row, if they have
/// an account of points yet.
pub fn balance_of(conn: &mut DbConn, user_id: &str) -> Result<Option<(i32, i64)>, Error> {
    Ok(point_balances::table
        .find(user_id)
        .select((point_balances::balance, point_balances::seq))
        .first(conn)
        .optional()?)
}

/// Opens a user's account of points at zero (nothing if it exists).
pub fn open_account(conn: &mut DbConn, user_id: &str) -> Result<bool, Error> {
    if balance_of(conn, user_id)?.is_some() {
        return Ok(false);
    }
    diesel::insert_into(point_balances::table)
        .values((
            point_balances::user_id.eq(user_id),
            point_balances::balance.eq(0),
            point_balances::seq.eq(0i64),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Moves a balance by `delta` unless it would go negative: one conditional update, so
/// concurrent moves of one balance take turns on its row (PostgreSQL re-checks the
/// condition after waiting). Returns the balance after and the row's sequence
/// number, or `None` when the balance cannot pay.
pub fn move_balance(
    conn: &mut DbConn,
    user_id: &str,
    delta: i32,
) -> Result<Option<(i32, i64)>, Error> {
    let changed = diesel::update(
        point_balances::table
            .find(user_id)
            .filter((point_balances::balance + delta).ge(0)),
    )
    .set((
        point_balances::balance.eq(point_balances::balance + delta),
        point_balances::seq.eq(point_balances::seq + 1),
    ))
    .execute(conn)?;
    if changed == 0 {
        return Ok(None);
    }
    balance_of(conn, user_id)
}

pub fn append(conn: &mut DbConn, entry: &LedgerEntry) -> Result<(), Error> {
    Ok(diesel::insert_into(point_ledger::table)
        .values(entry)
        .execute(conn)
        .map(drop)?)
}

/// A user's ledger, newest first.
pub fn history(conn: &mut DbConn, user_id: &str, limit: i64) -> Result<Vec<LedgerEntry>, Error> {
    Ok(point_ledger::table
        .filter(point_ledger::user_id.eq(user_id))
        .order(point_ledger::seq.desc())
        .limit(limit)
        .select(LedgerEntry::as_select())
        .load(conn)?)
}

/// The sum of a user's ledger (what the balance must equal).
pub fn ledger_sum(conn: &mut DbConn, user_id: &str) -> Result<i64, Error> {
    let sum: Option<i64> = point_ledger::table
        .filter(point_ledger::user_id.eq(user_id))
        .select(diesel::dsl::sum(point_ledger::delta))
        .first::<Option<i64>>(conn)
        .optional()?
        .flatten();
    Ok(sum.unwrap_or(0))
}

/// Every ledger row about one evaluation.
pub fn of_evaluation(conn: &mut DbConn, evaluation_id: &str) -> Result<Vec<LedgerEntry>, Error> {
    Ok(point_ledger::table
        .filter(point_ledger::evaluation_id.eq(evaluation_id))
        .order((point_ledger::at.asc(), point_ledger::seq.asc()))
        .select(LedgerEntry::as_select())
        .load(conn)?)
}

/// Adds to a campus's pool.
pub fn add_to_pool(conn: &mut DbConn, campus_id: &str, amount: i32) -> Result<(), Error> {
    let changed = diesel::update(point_pools::table.find(campus_id))
        .set(point_pools::balance.eq(point_pools::balance + amount))
        .execute(conn)?;
    if changed == 0 {
        diesel::insert_into(point_pools::table)
            .values((
                point_pools::campus_id.eq(campus_id),
                point_pools::balance.eq(amount),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn pool_of(conn: &mut DbConn, campus_id: &str) -> Result<i32, Error> {
    Ok(point_pools::table
        .find(campus_id)
        .select(point_pools::balance)
        .first(conn)
        .optional()?
        .unwrap_or(0))
}
