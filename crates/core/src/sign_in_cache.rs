//! Verified tokens kept in memory, so that a signed-in request costs no trip to the
//! database. What may be trusted, and for how long:
//!
//! - A change made by this process (a token revoked, an account changed) is seen at
//!   once: [`sign_in_generation::local_changes`] moves when it is made and again when
//!   its transaction commits, and every entry read before that is forgotten.
//! - A change made by another process moves the stored sign-in generation; this cache
//!   serves nothing unless it read that generation less than [`GENERATION_CHECKED`]
//!   ago, and forgets everything when it moved. So a revocation elsewhere takes effect
//!   here within that bound (plus the time of one query).
//! - An entry lives at most [`ENTRY_LIFETIME`], never past its token's expiry.

use crate::tokens::SignedIn;
use chrono::NaiveDateTime;
use qadam_db::queries::sign_in_generation;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How old the last read of the stored generation may be for entries to be served.
pub const GENERATION_CHECKED: Duration = Duration::from_secs(1);
/// How long a verified token is kept at most.
pub const ENTRY_LIFETIME: Duration = Duration::from_secs(60);
/// Past this many tokens the map starts again empty (one re-read each).
const CAPACITY: usize = 20_000;

struct Entry {
    signed_in: SignedIn,
    expires_at: NaiveDateTime,
    kept_at: Instant,
}

#[derive(Default)]
struct State {
    entries: HashMap<String, Entry>,
    /// The stored generation, and when it was read.
    generation: Option<(i64, Instant)>,
    /// This process's count of its own changes when the entries were last checked.
    local_changes: u64,
}

impl State {
    /// Forgets everything read before this process's latest change.
    fn catch_up_local(&mut self) {
        let now = sign_in_generation::local_changes();
        if now != self.local_changes {
            self.entries.clear();
            self.local_changes = now;
        }
    }
}

/// What a read of the database needs to remember for the cache: the stored generation
/// it saw first and this process's change count when it began.
#[derive(Debug, Clone, Copy)]
pub struct ReadStamp {
    generation: i64,
    read_at: Instant,
    local_changes: u64,
}

impl ReadStamp {
    /// Reads the stored generation; call it before reading the token.
    pub fn read(conn: &mut qadam_db::DbConn) -> Result<ReadStamp, qadam_db::DbError> {
        let local_changes = sign_in_generation::local_changes();
        let read_at = Instant::now();
        Ok(ReadStamp {
            generation: sign_in_generation::read(conn)?,
            read_at,
            local_changes,
        })
    }
}

#[derive(Default)]
pub struct SignInCache {
    state: Mutex<State>,
}

impl SignInCache {
    /// The signed-in user of a token id, when it is known and may still be trusted.
    pub fn get(&self, token_id: &str, user_id: &str, now: NaiveDateTime) -> Option<SignedIn> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.catch_up_local();
        let (_, read_at) = state.generation?;
        if read_at.elapsed() > GENERATION_CHECKED {
            return None;
        }
        let entry = state.entries.get(token_id)?;
        if entry.kept_at.elapsed() > ENTRY_LIFETIME
            || entry.expires_at <= now
            || entry.signed_in.user.id != user_id
        {
            state.entries.remove(token_id);
            return None;
        }
        Some(entry.signed_in.clone())
    }

    /// Keeps what a read found, unless something changed while it ran.
    pub fn keep(&self, stamp: ReadStamp, signed_in: &SignedIn) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.catch_up_local();
        let read_at = match state.generation {
            Some((known, _)) if stamp.generation < known => return,
            Some((known, at)) if stamp.generation == known => at.max(stamp.read_at),
            _ => {
                state.entries.clear();
                stamp.read_at
            }
        };
        state.generation = Some((stamp.generation, read_at));
        if stamp.local_changes != state.local_changes {
            return;
        }
        if state.entries.len() >= CAPACITY {
            state.entries.clear();
        }
        state.entries.insert(
            signed_in.token_id.clone(),
            Entry {
                signed_in: signed_in.clone(),
                expires_at: signed_in.token_expires_at,
                kept_at: Instant::now(),
            },
        );
    }

    pub fn len(&self) -> usize {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entries
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
