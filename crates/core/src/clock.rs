//! The time the use cases see: the real clock in production; a clock a test sets and
//! moves, so a rule about time (a throttle window, later a booking or a deadline) is
//! tested without waiting.

use chrono::{Duration, NaiveDateTime};
use std::sync::{Arc, Mutex, PoisonError};

#[derive(Clone, Default)]
pub struct Clock {
    fixed: Option<Arc<Mutex<NaiveDateTime>>>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock that stands at `at` until moved.
    pub fn fixed(at: NaiveDateTime) -> Clock {
        Clock {
            fixed: Some(Arc::new(Mutex::new(at))),
        }
    }

    pub fn now(&self) -> NaiveDateTime {
        match &self.fixed {
            Some(at) => *at.lock().unwrap_or_else(PoisonError::into_inner),
            None => qadam_db::now(),
        }
    }

    /// Moves a fixed clock forward (a system clock moves by itself).
    pub fn advance(&self, by: Duration) {
        if let Some(at) = &self.fixed {
            *at.lock().unwrap_or_else(PoisonError::into_inner) += by;
        }
    }
}
