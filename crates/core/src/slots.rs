//! Evaluators' slots: availability opened in 15-minute granules, at least 30 minutes
//! long, from 30 minutes to two weeks ahead (the campus's settings). A user's
//! overlapping or touching slots merge into one; a part that is booked cannot be
//! removed.

use crate::evaluations::campus_settings;
use crate::{found, CoreError, CoreResult};
use chrono::NaiveDateTime;
use qadam_db::models::{Evaluation, Slot, User};
use qadam_db::queries::{evaluations, slots};
use qadam_db::DbConn;
use qadam_domain::evaluation::{check_slot, cut, merge, on_granule};
use qadam_domain::{EvaluationStatus, Interval, Role};

/// A slot with the evaluations booked in it.
#[derive(Debug, Clone)]
pub struct SlotDetail {
    pub slot: Slot,
    pub booked: Vec<Evaluation>,
}

fn interval(slot: &Slot) -> Interval {
    Interval::new(slot.begin_at, slot.end_at)
}

/// Opens availability; returns the (possibly merged) slot.
pub fn add(
    conn: &mut DbConn,
    user: &User,
    begin: NaiveDateTime,
    end: NaiveDateTime,
    now: NaiveDateTime,
) -> CoreResult<SlotDetail> {
    if user.role != Role::Student {
        return Err(CoreError::denied(
            "students_only",
            "only students evaluate, so only they open slots",
        ));
    }
    let settings = campus_settings(conn, user.campus_id.as_deref())?;
    let wanted = Interval::new(begin, end);
    check_slot(wanted, now, &settings).map_err(|problem| CoreError::Invalid {
        code: problem.code(),
        field: Some("begin_at"),
        message: problem.message(),
    })?;
    // One user's slots are changed one transaction at a time.
    evaluations::lock_evaluator(conn, &user.id)?;
    let touching = slots::touching(conn, &user.id, begin, end)?;
    let merged = merge(wanted, &touching.iter().map(interval).collect::<Vec<_>>());
    for old in &touching {
        slots::delete(conn, &old.id)?;
    }
    let slot = Slot {
        id: qadam_db::new_id(),
        user_id: user.id.clone(),
        campus_id: user.campus_id.clone(),
        begin_at: merged.begin,
        end_at: merged.end,
        created_at: touching.iter().map(|s| s.created_at).min().unwrap_or(now),
    };
    slots::insert(conn, &slot)?;
    detail(conn, slot)
}

fn detail(conn: &mut DbConn, slot: Slot) -> CoreResult<SlotDetail> {
    let booked = booked_in(conn, &slot)?;
    Ok(SlotDetail { slot, booked })
}

/// The evaluations this slot's owner gives inside it, booked or running.
fn booked_in(conn: &mut DbConn, slot: &Slot) -> CoreResult<Vec<Evaluation>> {
    let span = interval(slot);
    Ok(
        evaluations::of_user(conn, &slot.user_id, slot.begin_at, 500)?
            .into_iter()
            .filter(|e| e.evaluator_id == slot.user_id)
            .filter(|e| {
                matches!(
                    e.status,
                    EvaluationStatus::Booked | EvaluationStatus::InProgress
                )
            })
            .filter(|e| span.overlaps(&Interval::new(e.begin_at, e.end_at)))
            .collect(),
    )
}

/// The user's slots that have not ended, earliest first.
pub fn mine(conn: &mut DbConn, user_id: &str, now: NaiveDateTime) -> CoreResult<Vec<SlotDetail>> {
    slots::of_user(conn, user_id, now)?
        .into_iter()
        .map(|slot| detail(conn, slot))
        .collect()
}

/// Removes a slot, or the part `[begin, end)` of it; refused when an evaluation is
/// booked in what would go. Returns what is left of the slot.
pub fn remove(
    conn: &mut DbConn,
    user: &User,
    slot_id: &str,
    part: Option<(NaiveDateTime, NaiveDateTime)>,
) -> CoreResult<Vec<SlotDetail>> {
    evaluations::lock_evaluator(conn, &user.id)?;
    let slot = found(slots::by_id(conn, slot_id)?, "slot")?;
    if slot.user_id != user.id {
        return Err(CoreError::NotFound { what: "slot" });
    }
    let whole = interval(&slot);
    let removed = match part {
        None => whole,
        Some((begin, end)) => {
            let part = Interval::new(begin, end);
            if end <= begin || !on_granule(begin) || !on_granule(end) {
                return Err(CoreError::Invalid {
                    code: "slot_not_on_granule",
                    field: Some("begin_at"),
                    message:
                        "the part to remove begins and ends on a quarter hour, end after begin"
                            .into(),
                });
            }
            if !whole.overlaps(&part) {
                return Err(CoreError::invalid(
                    "begin_at",
                    "the part to remove lies outside the slot",
                ));
            }
            part
        }
    };
    let booked = booked_in(conn, &slot)?;
    if let Some(taken) = booked
        .iter()
        .find(|e| removed.overlaps(&Interval::new(e.begin_at, e.end_at)))
    {
        return Err(CoreError::conflict(
            "slot_booked",
            format!(
                "an evaluation is booked from {} UTC in this part of the slot: cancel it first",
                taken.begin_at.format("%Y-%m-%d %H:%M")
            ),
        ));
    }
    slots::delete(conn, &slot.id)?;
    let mut left = Vec::new();
    for piece in cut(whole, removed) {
        let rest = Slot {
            id: qadam_db::new_id(),
            begin_at: piece.begin,
            end_at: piece.end,
            ..slot.clone()
        };
        slots::insert(conn, &rest)?;
        left.push(detail(conn, rest)?);
    }
    Ok(left)
}
