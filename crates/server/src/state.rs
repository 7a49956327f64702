//! What every handler can reach: the database, the token keys, the login policy.

use crate::auth::KeyRing;
use crate::db::Db;
use qadam_domain::ThrottlePolicy;

pub struct AppState {
    pub db: Db,
    pub tokens: KeyRing,
    pub login_policy: LoginPolicy,
    /// Proxies whose `X-Forwarded-For` is believed (see `client_address`).
    pub trusted_proxies: Vec<qadam_settings::IpNetwork>,
    /// Every argon2 hash and check goes through it.
    pub passwords: crate::password_gate::PasswordGate,
}

#[derive(Debug, Clone, Copy)]
pub struct LoginPolicy {
    pub per_login: ThrottlePolicy,
    pub per_address: ThrottlePolicy,
}

impl LoginPolicy {
    pub fn from_settings(auth: &qadam_settings::AuthSettings) -> LoginPolicy {
        LoginPolicy {
            per_login: ThrottlePolicy {
                max_failures: auth.max_failures_per_login,
                window_seconds: auth.failure_window_seconds,
            },
            per_address: ThrottlePolicy {
                max_failures: auth.max_failures_per_address,
                window_seconds: auth.failure_window_seconds,
            },
        }
    }

    pub fn window_seconds(&self) -> i64 {
        self.per_login.window_seconds
    }
}
