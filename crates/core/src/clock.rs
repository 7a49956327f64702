//! The time the use cases see: the real clock in production; a clock a test sets and
//! moves, so a rule about time (a throttle window, a booking, a deadline) is tested
//! without waiting. A movable clock runs like the real one but can jump forward, for
//! end-to-end tests of a real server (`evaluations.movable_clock`).

use chrono::{Duration, NaiveDateTime};
use std::sync::{Arc, Mutex, PoisonError};

#[derive(Clone, Default)]
pub struct Clock {
    mode: Mode,
}

#[derive(Clone, Default)]
enum Mode {
    #[default]
    System,
    /// Stands at this time until moved.
    Fixed(Arc<Mutex<NaiveDateTime>>),
    /// The real time plus this offset.
    Movable(Arc<Mutex<Duration>>),
}

impl Clock {
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock that stands at `at` until moved.
    pub fn fixed(at: NaiveDateTime) -> Clock {
        Clock {
            mode: Mode::Fixed(Arc::new(Mutex::new(at))),
        }
    }

    /// The real clock, which [`Clock::advance`] moves forward.
    pub fn movable() -> Clock {
        Clock {
            mode: Mode::Movable(Arc::new(Mutex::new(Duration::zero()))),
        }
    }

    pub fn is_movable(&self) -> bool {
        !matches!(self.mode, Mode::System)
    }

    pub fn now(&self) -> NaiveDateTime {
        match &self.mode {
            Mode::System => qadam_db::now(),
            Mode::Fixed(at) => *at.lock().unwrap_or_else(PoisonError::into_inner),
            Mode::Movable(offset) => {
                qadam_db::now() + *offset.lock().unwrap_or_else(PoisonError::into_inner)
            }
        }
    }

    /// Moves a fixed or movable clock forward (the system clock moves by itself).
    pub fn advance(&self, by: Duration) {
        match &self.mode {
            Mode::System => {}
            Mode::Fixed(at) => *at.lock().unwrap_or_else(PoisonError::into_inner) += by,
            Mode::Movable(offset) => *offset.lock().unwrap_or_else(PoisonError::into_inner) += by,
        }
    }
}
