//! Passwords: argon2id hashing, and the gate that bounds how many hashes and checks
//! run at once. Argon2 is slow and memory-hungry on purpose (about 19 MiB and tens of
//! milliseconds each), so a burst of logins could exhaust the machine: a bounded
//! number run at once, by default one per core, and a request that does not get a turn
//! within the configured wait is refused as `server_busy` rather than queueing
//! without end.

use crate::error::{CoreError, CoreResult};
use argon2::password_hash::{rand_core::OsRng, PasswordHash, SaltString};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::Semaphore;

/// Hashes a password with argon2id and a random salt. Slow on purpose: call it on a
/// blocking thread (or through [`PasswordGate`]).
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 with default parameters accepts any password and salt")
        .to_string()
}

/// Checks a password against a stored hash; a malformed hash never matches.
pub fn verify_password(password: &str, stored_hash: &str) -> bool {
    match PasswordHash::new(stored_hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash to check against when the login does not exist, so that an unknown login
/// takes as long to refuse as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_password(&uuid::Uuid::new_v4().to_string()))
}

fn server_busy() -> CoreError {
    CoreError::Unavailable {
        code: "server_busy",
        message: "the server is checking too many passwords at once; try again in a moment".into(),
        retry_after: Some(1),
    }
}

pub struct PasswordGate {
    turns: Arc<Semaphore>,
    wait: Duration,
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
    pub async fn verify(&self, password: String, stored_hash: Option<String>) -> CoreResult<bool> {
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

    pub async fn hash(&self, password: String) -> CoreResult<String> {
        self.run(move || hash_password(&password)).await
    }

    async fn run<T, F>(&self, work: F) -> CoreResult<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let waiting = tokio::time::timeout(self.wait, self.turns.clone().acquire_owned());
        let turn = match waiting.await {
            Ok(Ok(turn)) => turn,
            // Timed out (the semaphore itself is never closed).
            _ => return Err(server_busy()),
        };
        // The turn moves into the blocking task: it is given back when the work ends,
        // even if the client has gone away and the request was dropped meanwhile.
        tokio::task::spawn_blocking(move || {
            let result = work();
            drop(turn);
            result
        })
        .await
        .map_err(|err| CoreError::Db(qadam_db::DbError::Interrupted(err.to_string())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_themselves() {
        let hash = hash_password("correct horse battery");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse batterY", &hash));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[tokio::test]
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
        assert!(
            matches!(
                refused,
                CoreError::Unavailable {
                    code: "server_busy",
                    retry_after: Some(1),
                    ..
                }
            ),
            "{refused:?}"
        );
        assert_eq!(
            gate.hash("another password".into())
                .await
                .unwrap_err()
                .code(),
            "server_busy"
        );
        drop(held);
        assert!(!gate.verify("wrong".into(), Some(hash)).await.unwrap());
    }

    #[tokio::test]
    async fn a_request_waits_for_a_turn_within_the_wait() {
        let gate = PasswordGate::new(1, Duration::from_secs(30));
        let held = gate.turns.clone().acquire_owned().await.unwrap();
        let release = async move {
            tokio::task::yield_now().await;
            drop(held);
        };
        let (matched, ()) = tokio::join!(gate.verify("x".into(), None), release);
        assert!(!matched.unwrap(), "an unknown account never matches");
    }
}
