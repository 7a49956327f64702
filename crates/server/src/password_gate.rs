//! Argon2 is slow and memory-hungry on purpose (about 19 MiB and tens of milliseconds
//! per hash or check), so a burst of logins could exhaust the machine. The gate lets a
//! bounded number run at once, by default one per core; a request that does not get a
//! turn within the configured wait is answered 503 `server_busy` rather than queueing
//! without end.

use crate::auth::{hash_password, verify_password};
use crate::error::{ApiError, ApiResult};
use actix_web::http::StatusCode;
use actix_web::web;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::Semaphore;

pub struct PasswordGate {
    turns: Arc<Semaphore>,
    wait: Duration,
}

/// A hash to check against when the login does not exist, so that an unknown login
/// takes as long to refuse as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_password(&uuid::Uuid::new_v4().to_string()))
}

fn server_busy() -> ApiError {
    ApiError {
        retry_after: Some(1),
        ..ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "server_busy",
            "the server is checking too many passwords at once; try again in a moment",
        )
    }
}

impl PasswordGate {
    /// `at_once` turns (0: one per core); a request waits at most `wait` for one.
    pub fn new(at_once: usize, wait: Duration) -> PasswordGate {
        let at_once = match at_once {
            0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
            n => n,
        };
        PasswordGate {
            turns: Arc::new(Semaphore::new(at_once)),
            wait,
        }
    }

    pub fn from_settings(auth: &qadam_settings::AuthSettings) -> PasswordGate {
        PasswordGate::new(
            auth.max_concurrent_password_checks,
            Duration::from_millis(auth.password_check_wait_ms),
        )
    }

    /// Checks `password` against the stored hash, or against a decoy when there is no
    /// account (`None`), which never matches.
    pub async fn verify(&self, password: String, stored_hash: Option<String>) -> ApiResult<bool> {
        let matched = self
            .run(move || match &stored_hash {
                Some(hash) => verify_password(&password, hash),
                None => {
                    verify_password(&password, decoy_hash());
                    false
                }
            })
            .await?;
        // One line per check: operators (and tests) can count them.
        tracing::debug!(matched, "password checked");
        Ok(matched)
    }

    pub async fn hash(&self, password: String) -> ApiResult<String> {
        self.run(move || hash_password(&password)).await
    }

    async fn run<T, F>(&self, work: F) -> ApiResult<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let waiting = actix_web::rt::time::timeout(self.wait, self.turns.clone().acquire_owned());
        let turn = match waiting.await {
            Ok(Ok(turn)) => turn,
            // Timed out (the semaphore itself is never closed).
            _ => return Err(server_busy()),
        };
        // The turn moves into the blocking task: it is given back when the work ends,
        // even if the client has gone away and the request was dropped meanwhile.
        Ok(web::block(move || {
            let result = work();
            drop(turn);
            result
        })
        .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[actix_web::test]
    async fn past_the_turns_the_answer_is_busy() {
        let hash = hash_password("correct horse battery");
        let gate = PasswordGate::new(1, Duration::ZERO);
        assert!(gate
            .verify("correct horse battery".into(), Some(hash.clone()))
            .await
            .unwrap());

        let held = gate.turns.clone().acquire_owned().await.unwrap();
        let refused = gate
            .verify("correct horse battery".into(), Some(hash.clone()))
            .await
            .unwrap_err();
        assert_eq!(
            (refused.status, refused.code),
            (StatusCode::SERVICE_UNAVAILABLE, "server_busy")
        );
        assert_eq!(refused.retry_after, Some(1));
        assert_eq!(
            gate.hash("another password".into()).await.unwrap_err().code,
            "server_busy"
        );
        drop(held);
        assert!(!gate.verify("wrong".into(), Some(hash)).await.unwrap());
    }

    #[actix_web::test]
    async fn a_request_waits_for_a_turn_within_the_wait() {
        let gate = PasswordGate::new(1, Duration::from_secs(30));
        let held = gate.turns.clone().acquire_owned().await.unwrap();
        let release = async move {
            actix_web::rt::task::yield_now().await;
            drop(held);
        };
        let (matched, ()) = tokio::join!(gate.verify("x".into(), None), release);
        assert!(!matched.unwrap(), "an unknown account never matches");
    }
}
