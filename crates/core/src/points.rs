//! Evaluation points. Every move is a ledger row written with the balance's move in
//! one transaction; a balance never goes negative (the update is conditional) and
//! always equals the sum of its ledger. Credits stop at the campus's cap and what
//! would pass it goes to the campus's pool.

use crate::{CoreError, CoreResult};
use chrono::NaiveDateTime;
use qadam_db::models::LedgerEntry;
use qadam_db::queries::points;
use qadam_db::DbConn;
use qadam_domain::evaluation::{credit_with_cap, EvaluationSettings};

/// Why points moved (the ledger's `reason`).
pub mod reason {
    pub const STARTING_BALANCE: &str = "starting_balance";
    pub const BOOKING: &str = "booking";
    pub const REFUND: &str = "refund";
    pub const REWARD: &str = "evaluation_reward";
    pub const CANCEL_PENALTY: &str = "cancel_penalty";
    pub const NO_SHOW_PENALTY: &str = "no_show_penalty";
    pub const VOID_REFUND: &str = "void_refund";
    pub const VOID_REWARD: &str = "void_reward_taken_back";
}

/// What moves and why.
pub struct Move<'a> {
    pub user_id: &'a str,
    pub delta: i32,
    pub reason: &'static str,
    pub evaluation_id: Option<&'a str>,
    pub note: Option<String>,
    pub at: NaiveDateTime,
}

/// Opens a user's account with the campus's starting balance, once.
pub fn ensure_account(
    conn: &mut DbConn,
    user_id: &str,
    settings: &EvaluationSettings,
    at: NaiveDateTime,
) -> CoreResult<()> {
    if points::open_account(conn, user_id)? && settings.starting_balance > 0 {
        apply(
            conn,
            Move {
                user_id,
                delta: settings.starting_balance as i32,
                reason: reason::STARTING_BALANCE,
                evaluation_id: None,
                note: None,
                at,
            },
        )?;
    }
    Ok(())
}

/// Moves a balance and writes its ledger row; `None` (nothing written) when the
/// balance cannot pay.
pub fn apply(conn: &mut DbConn, change: Move<'_>) -> CoreResult<Option<i32>> {
    let Some((balance, seq)) = points::move_balance(conn, change.user_id, change.delta)? else {
        return Ok(None);
    };
    points::append(
        conn,
        &LedgerEntry {
            id: qadam_db::new_id(),
            user_id: change.user_id.to_string(),
            delta: change.delta,
            balance_after: balance,
            reason: change.reason.to_string(),
            evaluation_id: change.evaluation_id.map(str::to_string),
            note: change.note,
            at: change.at,
            seq,
        },
    )?;
    Ok(Some(balance))
}

/// Takes `cost` from each payer (in id order, so two transactions never wait for
/// each other's rows in a circle), or refuses the whole payment.
pub fn pay(
    conn: &mut DbConn,
    payers: &[String],
    cost: i32,
    evaluation_id: &str,
    settings: &EvaluationSettings,
    at: NaiveDateTime,
) -> CoreResult<()> {
    if cost == 0 {
        return Ok(());
    }
    let mut ordered = payers.to_vec();
    ordered.sort();
    for payer in &ordered {
        ensure_account(conn, payer, settings, at)?;
        let paid = apply(
            conn,
            Move {
                user_id: payer,
                delta: -cost,
                reason: reason::BOOKING,
                evaluation_id: Some(evaluation_id),
                note: None,
                at,
            },
        )?;
        if paid.is_none() {
            return Err(CoreError::conflict(
                "not_enough_points",
                format!(
                    "booking costs each member {cost} evaluation point(s) and a member does not have them: evaluate others to earn points"
                ),
            ));
        }
    }
    Ok(())
}

/// Credits up to the cap; the rest goes to the campus's pool. Returns what the user got.
#[allow(clippy::too_many_arguments)]
pub fn credit_capped(
    conn: &mut DbConn,
    user_id: &str,
    amount: i32,
    reason: &'static str,
    evaluation_id: &str,
    campus_id: Option<&str>,
    settings: &EvaluationSettings,
    at: NaiveDateTime,
) -> CoreResult<i32> {
    ensure_account(conn, user_id, settings, at)?;
    let balance = points::balance_of(conn, user_id)?.map_or(0, |(b, _)| b);
    let credit = credit_with_cap(balance, amount, settings.balance_cap);
    if credit.to_user > 0 {
        apply(
            conn,
            Move {
                user_id,
                delta: credit.to_user,
                reason,
                evaluation_id: Some(evaluation_id),
                note: None,
                at,
            },
        )?;
    }
    if credit.to_pool > 0 {
        if let Some(campus) = campus_id {
            points::add_to_pool(conn, campus, credit.to_pool)?;
        }
    }
    Ok(credit.to_user)
}

/// Takes up to `amount`, as far as the balance goes (never below zero). Returns what
/// was taken.
pub fn take_up_to(
    conn: &mut DbConn,
    user_id: &str,
    amount: i32,
    reason: &'static str,
    evaluation_id: &str,
    settings: &EvaluationSettings,
    at: NaiveDateTime,
) -> CoreResult<i32> {
    ensure_account(conn, user_id, settings, at)?;
    let balance = points::balance_of(conn, user_id)?.map_or(0, |(b, _)| b);
    let taken = amount.min(balance);
    if taken > 0 {
        apply(
            conn,
            Move {
                user_id,
                delta: -taken,
                reason,
                evaluation_id: Some(evaluation_id),
                note: None,
                at,
            },
        )?;
    }
    Ok(taken)
}

/// Gives back what each user paid for an evaluation (its `booking` rows), exactly as
/// paid: a refund is not capped.
pub fn refund_booking(
    conn: &mut DbConn,
    evaluation_id: &str,
    reason: &'static str,
    at: NaiveDateTime,
) -> CoreResult<()> {
    let paid: Vec<LedgerEntry> = points::of_evaluation(conn, evaluation_id)?
        .into_iter()
        .filter(|row| row.reason == reason::BOOKING && row.delta < 0)
        .collect();
    let mut payers: Vec<&LedgerEntry> = paid.iter().collect();
    payers.sort_by(|a, b| a.user_id.cmp(&b.user_id));
    for row in payers {
        apply(
            conn,
            Move {
                user_id: &row.user_id,
                delta: -row.delta,
                reason,
                evaluation_id: Some(evaluation_id),
                note: None,
                at,
            },
        )?;
    }
    Ok(())
}

/// A user's points: the balance, the sum of the ledger (always equal to it) and the
/// newest moves.
#[derive(Debug, Clone)]
pub struct Statement {
    pub balance: i32,
    pub ledger_sum: i64,
    pub history: Vec<LedgerEntry>,
}

pub fn statement(conn: &mut DbConn, user_id: &str, limit: i64) -> CoreResult<Statement> {
    Ok(Statement {
        balance: points::balance_of(conn, user_id)?.map_or(0, |(b, _)| b),
        ledger_sum: points::ledger_sum(conn, user_id)?,
        history: points::history(conn, user_id, limit)?,
    })
}
