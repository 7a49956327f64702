//! Notifications: what a user is told about their evaluations (booked, identity
//! revealed, starting soon, done, feedback due, waitlist matched, cancelled, no-show),
//! kept for `GET /me/notifications` and, when the campus has a webhook, posted to it
//! signed with HMAC-SHA256 and retried with backoff until it answers 2xx.

use crate::{Core, CoreResult};
use chrono::{Duration, NaiveDateTime};
use hmac::{Hmac, Mac};
use qadam_db::models::{Notification, WebhookDelivery};
use qadam_db::queries::{notifications, users};
use qadam_db::DbConn;
use serde_json::{json, Value};
use sha2::Sha256;

/// The kinds of notification.
pub mod kind {
    pub const BOOKED: &str = "evaluation_booked";
    pub const REVEALED: &str = "identity_revealed";
    pub const STARTING_SOON: &str = "starting_soon";
    pub const DONE: &str = "evaluation_done";
    pub const FEEDBACK_DUE: &str = "feedback_due";
    pub const FEEDBACK_RECEIVED: &str = "feedback_received";
    pub const WAITLIST_MATCHED: &str = "waitlist_matched";
    pub const WAITLIST_EXPIRED: &str = "waitlist_expired";
    pub const CANCELLED: &str = "evaluation_cancelled";
    pub const NO_SHOW: &str = "no_show";
    pub const VOIDED: &str = "evaluation_voided";
    pub const STAFF_ALERT: &str = "staff_alert";
}

/// A webhook delivery is tried this many times at most.
pub const WEBHOOK_MAX_ATTEMPTS: i32 = 8;

/// One notification to write.
pub struct Note<'a> {
    pub user_id: &'a str,
    pub kind: &'static str,
    pub evaluation_id: Option<&'a str>,
    pub team_id: Option<&'a str>,
    /// The campus whose webhook also gets it.
    pub campus_id: Option<&'a str>,
    pub message: String,
    /// Facts for programs; never an identity the user may not see yet.
    pub data: Value,
}

/// Writes a notification, and its webhook delivery when the campus has a webhook.
pub fn notify(conn: &mut DbConn, note: Note<'_>, now: NaiveDateTime) -> CoreResult<()> {
    let notification = Notification {
        id: qadam_db::new_id(),
        user_id: note.user_id.to_string(),
        kind: note.kind.to_string(),
        evaluation_id: note.evaluation_id.map(str::to_string),
        team_id: note.team_id.map(str::to_string),
        message: note.message,
        data: note.data.to_string(),
        created_at: now,
        read_at: None,
    };
    notifications::insert(conn, &notification)?;
    let Some(campus_id) = note.campus_id else {
        return Ok(());
    };
    let settings = crate::evaluations::campus_settings(conn, Some(campus_id))?;
    if settings.webhook_url.is_none() {
        return Ok(());
    }
    let login = users::by_id(conn, note.user_id)?.map(|user| user.login);
    let body = json!({
        "id": notification.id,
        "kind": notification.kind,
        "user": login,
        "evaluation": notification.evaluation_id,
        "team": notification.team_id,
        "message": notification.message,
        "data": note.data,
        "created_at": utc_text(now),
    });
    notifications::insert_delivery(
        conn,
        &WebhookDelivery {
            id: qadam_db::new_id(),
            campus_id: campus_id.to_string(),
            notification_id: notification.id.clone(),
            body: body.to_string(),
            attempts: 0,
            next_attempt_at: now,
            delivered_at: None,
            failed_at: None,
            last_error: None,
            created_at: now,
        },
    )?;
    Ok(())
}

/// Times in notifications and webhooks: RFC 3339 in UTC.
fn utc_text(at: NaiveDateTime) -> String {
    at.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The signature of a webhook body: `sha256=` and the hex HMAC-SHA256 of the body
/// under the campus's secret.
pub fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Posts the deliveries that are due, one by one; each try is recorded. Returns how
/// many were delivered.
pub async fn deliver_webhooks(core: &Core) -> CoreResult<usize> {
    let now = core.clock.now();
    let due = core
        .db
        .read(move |conn| Ok::<_, crate::CoreError>(notifications::due_deliveries(conn, now, 50)?))
        .await?;
    let mut delivered = 0;
    for delivery in due {
        let campus = delivery.campus_id.clone();
        let settings = core
            .db
            .read(move |conn| crate::evaluations::campus_settings(conn, Some(&campus)))
            .await?;
        let outcome = match (settings.webhook_url, settings.webhook_secret) {
            (Some(url), Some(secret)) => {
                let body = delivery.body.clone();
                let id = delivery.id.clone();
                tokio::task::spawn_blocking(move || post(&url, &secret, &id, &body))
                    .await
                    .unwrap_or_else(|err| Err(err.to_string()))
            }
            _ => Err("the campus has no webhook any more".to_string()),
        };
        let attempts = delivery.attempts + 1;
        let now = core.clock.now();
        let record = match outcome {
            Ok(()) => {
                delivered += 1;
                Ok(())
            }
            Err(error) => {
                tracing::warn!(delivery = %delivery.id, attempts, %error, "webhook delivery failed");
                let next = (attempts < WEBHOOK_MAX_ATTEMPTS)
                    .then(|| now + Duration::seconds(5 * 2i64.pow(attempts as u32)));
                Err((error, next))
            }
        };
        let id = delivery.id.clone();
        core.db
            .write(move |conn| {
                Ok::<_, crate::CoreError>(notifications::record_try(conn, &id, now, record)?)
            })
            .await?;
    }
    Ok(delivered)
}

fn post(url: &str, secret: &str, delivery_id: &str, body: &str) -> Result<(), String> {
    let kind = serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|v| v["kind"].as_str().map(str::to_string))
        .unwrap_or_default();
    let agent = ureq::AgentBuilder::new()
        .timeout(std::time::Duration::from_secs(10))
        .redirects(0)
        .build();
    match agent
        .post(url)
        .set("Content-Type", "application/json")
        .set("X-Qadam-Event", &kind)
        .set("X-Qadam-Delivery", delivery_id)
        .set("X-Qadam-Signature", &signature(secret, body.as_bytes()))
        .send_string(body)
    {
        Ok(_) => Ok(()),
        Err(ureq::Error::Status(status, _)) => Err(format!("the webhook answered {status}")),
        Err(err) => Err(err.to_string()),
    }
}

/// A user's notifications, newest first.
pub fn of_user(
    conn: &mut DbConn,
    user_id: &str,
    unread_only: bool,
    limit: i64,
) -> CoreResult<Vec<Notification>> {
    Ok(notifications::of_user(conn, user_id, unread_only, limit)?)
}

/// Marks a user's notifications read (these, or all); returns how many changed.
pub fn mark_read(
    conn: &mut DbConn,
    user_id: &str,
    ids: Option<Vec<String>>,
    now: NaiveDateTime,
) -> CoreResult<usize> {
    Ok(notifications::mark_read(
        conn,
        user_id,
        ids.as_deref(),
        now,
    )?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_signature_is_hmac_sha256_of_the_body() {
        // RFC 4231, test case 2.
        assert_eq!(
            super::signature("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
