//! Qadam's storage. One connection type, [`DbConn`], speaks to SQLite (the embedded
//! default) or PostgreSQL (production); queries are written once against it. Calls are
//! blocking: async callers run them on a blocking thread (see the server's `Db::run`).

mod connection;
pub mod models;
pub mod queries;
pub mod schema;

pub use connection::{redact_url, Backend, DbConn, DbError, Pool, PooledConn};

/// The current time as stored: UTC, truncated to microseconds so that values read back
/// from either backend compare equal to the ones written.
pub fn now() -> chrono::NaiveDateTime {
    let now = chrono::Utc::now().naive_utc();
    let micros = now.and_utc().timestamp_micros();
    chrono::DateTime::from_timestamp_micros(micros)
        .expect("the current time is representable")
        .naive_utc()
}

pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}
