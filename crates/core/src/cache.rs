//! Values derived from rows that never change once written (a project version and its
//! subjects), kept per row id so they are read and parsed once per process instead of
//! once per request. Bounded: past `capacity` entries the map starts again empty, which
//! costs one re-read each and never serves a stale value, since the rows are immutable.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

pub struct ImmutableCache<V> {
    entries: RwLock<HashMap<String, Arc<V>>>,
    capacity: usize,
}

impl<V> ImmutableCache<V> {
    pub fn new(capacity: usize) -> ImmutableCache<V> {
        ImmutableCache {
            entries: RwLock::new(HashMap::new()),
            capacity: capacity.max(1),
        }
    }

    pub fn get(&self, id: &str) -> Option<Arc<V>> {
        self.entries
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(id)
            .cloned()
    }

    /// Keeps `value` for `id` and hands it back shared.
    pub fn insert(&self, id: String, value: V) -> Arc<V> {
        let value = Arc::new(value);
        let mut entries = self.entries.write().unwrap_or_else(PoisonError::into_inner);
        if entries.len() >= self.capacity && !entries.contains_key(&id) {
            entries.clear();
        }
        entries.insert(id, value.clone());
        value
    }

    pub fn len(&self) -> usize {
        self.entries
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_kept_and_shared() {
        let cache = ImmutableCache::new(4);
        assert!(cache.get("v1").is_none());
        let kept = cache.insert("v1".into(), String::from("parsed"));
        let again = cache.get("v1").unwrap();
        assert!(Arc::ptr_eq(&kept, &again));
        assert_eq!(*again, "parsed");
    }

    #[test]
    fn the_map_never_grows_past_its_capacity() {
        let cache = ImmutableCache::new(3);
        for i in 0..10 {
            cache.insert(format!("v{i}"), i);
            assert!(cache.len() <= 3, "{} entries", cache.len());
        }
        // The newest value is always there after its insert.
        assert_eq!(cache.get("v9").as_deref(), Some(&9));
        // Replacing a present key at capacity does not empty the map.
        let before = cache.len();
        cache.insert("v9".into(), 90);
        assert_eq!(cache.len(), before);
        assert_eq!(cache.get("v9").as_deref(), Some(&90));
    }
}
