//! Notifications to users, and their copies posted to campus webhooks.

use crate::models::{Notification, WebhookDelivery};
use crate::schema::{notifications, webhook_deliveries};
use crate::DbConn;
use crate::DbError as Error;
use chrono::NaiveDateTime;
use diesel::prelude::*;

pub fn insert(conn: &mut DbConn, notification: &Notification) -> Result<(), Error> {
    Ok(diesel::insert_into(notifications::table)
        .values(notification)
        .execute(conn)
        .map(drop)?)
}

/// A user's notifications, newest first (only unread ones when asked).
pub fn of_user(
    conn: &mut DbConn,
    user_id: &str,
    unread_only: bool,
    limit: i64,
) -> Result<Vec<Notification>, Error> {
    let mut query = notifications::table
        .filter(notifications::user_id.eq(user_id))
        .into_boxed();
    if unread_only {
        query = query.filter(notifications::read_at.is_null());
    }
    Ok(query
        .order((notifications::created_at.desc(), notifications::id.asc()))
        .limit(limit)
        .select(Notification::as_select())
        .load(conn)?)
}

/// Marks a user's notifications read: these ids, or all of them.
pub fn mark_read(
    conn: &mut DbConn,
    user_id: &str,
    ids: Option<&[String]>,
    at: NaiveDateTime,
) -> Result<usize, Error> {
    let mut query = diesel::update(notifications::table)
        .filter(notifications::user_id.eq(user_id))
        .filter(notifications::read_at.is_null())
        .into_boxed();
    if let Some(ids) = ids {
        query = query.filter(notifications::id.eq_any(ids.to_vec()));
    }
    Ok(query.set(notifications::read_at.eq(at)).execute(conn)?)
}

pub fn insert_delivery(conn: &mut DbConn, delivery: &WebhookDelivery) -> Result<(), Error> {
    Ok(diesel::insert_into(webhook_deliveries::table)
        .values(delivery)
        .execute(conn)
        .map(drop)?)
}

/// Deliveries due for a (first or next) try, oldest first.
pub fn due_deliveries(
    conn: &mut DbConn,
    now: NaiveDateTime,
    limit: i64,
) -> Result<Vec<WebhookDelivery>, Error> {
    Ok(webhook_deliveries::table
        .filter(webhook_deliveries::delivered_at.is_null())
        .filter(webhook_deliveries::failed_at.is_null())
        .filter(webhook_deliveries::next_attempt_at.le(now))
        .order(webhook_deliveries::next_attempt_at.asc())
        .limit(limit)
        .select(WebhookDelivery::as_select())
        .load(conn)?)
}

/// Records one try: delivered, or the error and when to try again (or that it failed
/// for good, when `next` is `None`).
pub fn record_try(
    conn: &mut DbConn,
    id: &str,
    now: NaiveDateTime,
    outcome: Result<(), (String, Option<NaiveDateTime>)>,
) -> Result<(), Error> {
    let target = webhook_deliveries::table.find(id);
    match outcome {
        Ok(()) => diesel::update(target)
            .set((
                webhook_deliveries::attempts.eq(webhook_deliveries::attempts + 1),
                webhook_deliveries::delivered_at.eq(now),
            ))
            .execute(conn)?,
        Err((error, next)) => diesel::update(target)
            .set((
                webhook_deliveries::attempts.eq(webhook_deliveries::attempts + 1),
                webhook_deliveries::last_error.eq(error),
                webhook_deliveries::next_attempt_at.eq(next.unwrap_or(now)),
                webhook_deliveries::failed_at.eq(if next.is_none() { Some(now) } else { None }),
            ))
            .execute(conn)?,
    };
    Ok(())
}

pub fn delivery_by_id(conn: &mut DbConn, id: &str) -> Result<Option<WebhookDelivery>, Error> {
    Ok(webhook_deliveries::table
        .find(id)
        .select(WebhookDelivery::as_select())
        .first(conn)
        .optional()?)
}
