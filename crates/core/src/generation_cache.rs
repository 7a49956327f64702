//! Answers derived from the database, kept in memory per process and forgotten when
//! a [`Generation`] moves: verified tokens (sign-ins) and curriculum answers. What
//! may be trusted, and for how long:
//!
//! - A change made by this process is seen at once: its own counter of that kind
//!   moves when the change is made and again when its transaction commits, and every
//!   entry read before is forgotten; an entry whose read overlapped a change is not
//!   kept.
//! - A change made by another process moves the stored generation; a cache serves
//!   nothing unless it read that generation less than [`GENERATION_CHECKED`] ago, and
//!   forgets everything when it moved. So a change elsewhere takes effect here within
//!   that bound (plus the time of one query).
//! - An entry lives at most the cache's lifetime.

use qadam_db::queries::generations::{self, Generation};
use qadam_db::{DbConn, DbError};
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How old the last read of the stored generation may be for entries to be served.
pub const GENERATION_CHECKED: Duration = Duration::from_secs(1);

struct Entry<V> {
    value: V,
    kept_at: Instant,
}

struct State<V> {
    entries: HashMap<String, Entry<V>>,
    /// The stored generation, and when it was read.
    generation: Option<(i64, Instant)>,
    /// This process's count of its own changes when the entries were last checked.
    local_changes: u64,
}

/// What a read of the database tells the cache: the stored generation it saw first,
/// and this process's count of changes when it began.
#[derive(Debug, Clone, Copy)]
pub struct ReadStamp {
    generation: i64,
    read_at: Instant,
    local_changes: u64,
}

pub struct GenerationCache<V> {
    kind: Generation,
    lifetime: Duration,
    /// Past this many entries the map starts again empty (one re-read each).
    capacity: usize,
    state: Mutex<State<V>>,
}

impl<V: Clone> GenerationCache<V> {
    pub fn new(kind: Generation, lifetime: Duration, capacity: usize) -> GenerationCache<V> {
        GenerationCache {
            kind,
            lifetime,
            capacity: capacity.max(1),
            state: Mutex::new(State {
                entries: HashMap::new(),
                generation: None,
                local_changes: generations::local_changes(kind),
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State<V>> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let local = generations::local_changes(self.kind);
        if local != state.local_changes {
            state.entries.clear();
            state.local_changes = local;
        }
        state
    }

    /// The value kept for `key`, when it may still be trusted and `valid` agrees.
    pub fn get(&self, key: &str, valid: impl FnOnce(&V) -> bool) -> Option<V> {
        let mut state = self.lock();
        let (_, read_at) = state.generation?;
        if read_at.elapsed() > GENERATION_CHECKED {
            return None;
        }
        let entry = state.entries.get(key)?;
        if entry.kept_at.elapsed() > self.lifetime || !valid(&entry.value) {
            state.entries.remove(key);
            return None;
        }
        Some(entry.value.clone())
    }

    /// Begins a read: call it on the connection before reading what will be kept.
    pub fn stamp(&self, conn: &mut DbConn) -> Result<ReadStamp, DbError> {
        let local_changes = generations::local_changes(self.kind);
        let read_at = Instant::now();
        Ok(ReadStamp {
            generation: generations::read(conn, self.kind)?,
            read_at,
            local_changes,
        })
    }

    /// Keeps what a read found, unless something changed while it ran.
    pub fn keep(&self, stamp: ReadStamp, key: String, value: V) {
        let mut state = self.lock();
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
        if state.entries.len() >= self.capacity {
            state.entries.clear();
        }
        state.entries.insert(
            key,
            Entry {
                value,
                kept_at: Instant::now(),
            },
        );
    }

    pub fn len(&self) -> usize {
        self.lock().entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(generation: i64, local_changes: u64) -> ReadStamp {
        ReadStamp {
            generation,
            read_at: Instant::now(),
            local_changes,
        }
    }

    #[test]
    fn entries_live_within_one_generation_and_a_read_that_saw_an_older_one_is_dropped() {
        let cache = GenerationCache::new(Generation::Catalog, Duration::from_secs(60), 10);
        let local = generations::local_changes(Generation::Catalog);
        assert_eq!(cache.get("a", |_| true), None, "nothing before a read");
        cache.keep(stamp(3, local), "a".into(), 1);
        assert_eq!(cache.get("a", |_| true), Some(1));
        assert_eq!(cache.get("a", |_| false), None, "refused by the caller");
        assert_eq!(cache.get("a", |_| true), None, "and forgotten");
        cache.keep(stamp(3, local), "a".into(), 1);
        cache.keep(stamp(4, local), "b".into(), 2);
        assert_eq!(cache.get("a", |_| true), None, "a newer generation forgets");
        assert_eq!(cache.get("b", |_| true), Some(2));
        cache.keep(stamp(3, local), "c".into(), 3);
        assert_eq!(
            cache.get("c", |_| true),
            None,
            "a read of an older generation"
        );
        cache.keep(stamp(4, local + 1), "d".into(), 4);
        assert_eq!(
            cache.get("d", |_| true),
            None,
            "a read begun before a change here"
        );
    }

    #[test]
    fn past_its_capacity_the_map_starts_again() {
        let cache = GenerationCache::new(Generation::Catalog, Duration::from_secs(60), 2);
        let local = generations::local_changes(Generation::Catalog);
        for (key, value) in [("a", 1), ("b", 2), ("c", 3)] {
            cache.keep(stamp(1, local), key.into(), value);
        }
        assert_eq!(cache.len(), 1);
        assert_eq!(cache.get("c", |_| true), Some(3));
    }
}
