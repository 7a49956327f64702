//! Qadam's use cases, below HTTP: accounts and campuses, logins and tokens, password
//! hashing, the catalog sync, registration and teams, submissions and grading, marks,
//! and peer evaluations (slots, booking, the waitlist, points, sheets, notifications).
//! The API, the web pages, the command line and the workers all call these; none
//! re-implements one. Each returns a [`CoreError`], which the API maps to its JSON
//! envelope and the command line to a message and an exit code.

pub mod accounts;
pub mod blobs;
mod cache;
pub mod catalog;
mod clock;
mod db;
mod error;
pub mod evaluations;
pub mod generation_cache;
pub mod grading;
pub mod login;
pub mod marks;
pub mod notifications;
pub mod passwords;
pub mod points;
pub mod progress;
pub mod slots;
pub mod submissions;
pub mod teams;
pub mod tokens;

pub use blobs::BlobStore;
pub use cache::ImmutableCache;
pub use catalog::CurriculumCache;
pub use clock::Clock;
pub use db::Db;
pub use error::{found, CoreError, CoreResult};
pub use generation_cache::{GenerationCache, ReadStamp};
pub use grading::{Signals, Worker};
pub use login::{IssuedToken, LoginPolicy};
pub use passwords::{hash_password, verify_password, PasswordGate};
pub use submissions::FlowPolicy;
pub use tokens::{KeyRing, SignedIn};

use qadam_db::queries::generations::Generation;
use qadam_db::Pool;
use qadam_settings::Settings;
use std::sync::Arc;

/// What every use case may reach: the database, the token keys, the login policy, the
/// password gate and the clock. Cheap to clone.
#[derive(Clone)]
pub struct Core {
    pub db: Db,
    pub keys: Arc<KeyRing>,
    pub login_policy: LoginPolicy,
    pub passwords: Arc<PasswordGate>,
    pub clock: Clock,
    /// Parsed project versions and their subjects, by version id.
    pub curriculum: Arc<CurriculumCache>,
    /// Submissions' archives.
    pub blobs: Arc<BlobStore>,
    /// Upload limits, the queue's depth and retries, leases.
    pub flow: FlowPolicy,
    /// Wake-ups between requests and workers of this process.
    pub signals: Arc<Signals>,
    /// Verified tokens by id, so a signed-in request needs no query (see
    /// [`GenerationCache`] for how revocations reach it).
    pub sign_ins: Arc<GenerationCache<SignedIn>>,
}

/// How long a verified token is trusted from memory at most.
const SIGN_IN_LIFETIME: std::time::Duration = std::time::Duration::from_secs(60);
/// How many verified tokens a process keeps.
const SIGN_INS_KEPT: usize = 20_000;

impl Core {
    /// The services of one process, from its settings.
    pub fn new(settings: &Settings, pool: Pool) -> CoreResult<Core> {
        let mut conn = pool.get()?;
        let keys = KeyRing::from_settings(&settings.auth, &mut conn)?;
        drop(conn);
        Ok(Core {
            db: Db::new(pool),
            keys: Arc::new(keys),
            login_policy: LoginPolicy::from_settings(&settings.auth),
            passwords: Arc::new(PasswordGate::from_settings(&settings.auth)),
            clock: if settings.evaluations.movable_clock {
                tracing::warn!("evaluations.movable_clock is on: admins may move this server's clock (tests only)");
                Clock::movable()
            } else {
                Clock::system()
            },
            curriculum: Arc::new(CurriculumCache::default()),
            blobs: Arc::new(BlobStore::new(settings.data_dir.join("blobs"))),
            flow: FlowPolicy::from_settings(settings),
            signals: Arc::new(Signals::default()),
            sign_ins: Arc::new(GenerationCache::new(
                Generation::SignIn,
                SIGN_IN_LIFETIME,
                SIGN_INS_KEPT,
            )),
        })
    }

    /// Checks a bearer token. A token verified lately is answered from memory, with
    /// no query; otherwise one hop to the blocking pool reads the sign-in generation,
    /// then the token, its account and the account's campus slug together.
    pub async fn authenticate(&self, token: String) -> CoreResult<SignedIn> {
        let now = self.clock.now();
        // The signature and expiry are checked in memory first (microseconds).
        if let Ok(claims) = self.keys.current().verify(&token) {
            let known = self.sign_ins.get(&claims.jti, |signed_in| {
                signed_in.user.id == claims.sub && signed_in.token_expires_at > now
            });
            if let Some(known) = known {
                return Ok(known);
            }
        }
        let core = self.clone();
        self.db
            .read(move |conn| {
                let stamp = core.sign_ins.stamp(conn)?;
                let signed_in = core.keys.authenticate(conn, &token, now)?;
                core.sign_ins
                    .keep(stamp, signed_in.token_id.clone(), signed_in.clone());
                Ok(signed_in)
            })
            .await
    }
}
