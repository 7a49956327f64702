//! Submissions' bytes in the database, for PostgreSQL deployments whose workers run
//! on other machines than the server that took the upload.

use crate::schema::blobs;
use crate::DbConn;
use crate::DbError as Error;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Binary, Text, Timestamp};

/// Stores a blob unless it is there already (the same bytes submitted twice).
pub fn insert_if_absent(
    conn: &mut DbConn,
    sha256: &str,
    bytes: &[u8],
    at: NaiveDateTime,
) -> Result<(), Error> {
    let sql = match conn.backend() {
        crate::Backend::Postgres => {
            "INSERT INTO blobs (sha256, bytes, created_at) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING"
        }
        crate::Backend::Sqlite => {
            "INSERT OR IGNORE INTO blobs (sha256, bytes, created_at) VALUES (?1, ?2, ?3)"
        }
    };
    diesel::sql_query(sql)
        .bind::<Text, _>(sha256)
        .bind::<Binary, _>(bytes)
        .bind::<Timestamp, _>(at)
        .execute(conn)?;
    Ok(())
}

pub fn get(conn: &mut DbConn, sha256: &str) -> Result<Option<Vec<u8>>, Error> {
    Ok(blobs::table
        .find(sha256)
        .select(blobs::bytes)
        .first(conn)
        .optional()?)
}
