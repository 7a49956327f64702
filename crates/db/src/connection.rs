//! Connecting, pooling, migrating, and the write transaction that behaves the same on
//! both backends.

use crate::queries::generations;
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::pg::PgConnection;
use diesel::r2d2::{self, ManageConnection};
use diesel::sqlite::SqliteConnection;
use diesel::Connection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
use std::time::{Duration, Instant};

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");

/// How long a SQLite writer waits for another writer before failing.
const SQLITE_BUSY_TIMEOUT_MS: u32 = 10_000;

#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported database URL {0}: use postgres://... or sqlite://PATH")]
    UnsupportedUrl(String),
    #[error("cannot create the directory for the SQLite file {path}: {source}")]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot create the SQLite file {path}: {source}")]
    CreateFile {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot connect to the database {url}: {message}")]
    Connect { url: String, message: String },
    #[error("database migrations failed: {0}")]
    Migration(String),
    #[error("no database connection available: {0}")]
    Pool(#[from] r2d2::PoolError),
    /// Every connection stayed busy for the whole wait (the pool's connection timeout).
    #[error("no database connection became free within {0:?}")]
    Saturated(Duration),
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
    /// The thread running the work ended abnormally (it panicked).
    #[error("database work was interrupted: {0}")]
    Interrupted(String),
}

impl DbError {
    pub fn is_unique_violation(&self) -> bool {
        matches!(
            self,
            DbError::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _
            ))
        )
    }
}

/// A database URL with its password replaced, fit for logs and error messages.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    // The query may carry a password too (`?password=...`), and an `@` of its own.
    let (address, query) = match rest.split_once('?') {
        Some((address, query)) => (address, Some(query)),
        None => (rest, None),
    };
    let address = match address.rsplit_once('@') {
        Some((credentials, host)) => match credentials.split_once(':') {
            Some((user, _)) => format!("{user}:***@{host}"),
            None => format!("{credentials}@{host}"),
        },
        None => address.to_string(),
    };
    let query = query.map(|query| {
        query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((key, _)) if key.eq_ignore_ascii_case("password") => format!("{key}=***"),
                _ => pair.to_string(),
            })
            .collect::<Vec<_>>()
            .join("&")
    });
    match query {
        Some(query) => format!("{scheme}://{address}?{query}"),
        None => format!("{scheme}://{address}"),
    }
}

/// Debian's libpq tries GSSAPI encryption first, which initialises Kerberos
/// thread-local state; with connections opened on pool threads, Kerberos then aborts
/// the process at exit (`krb5int_getspecific: Assertion ... failed`). Qadam does not use
/// GSS encryption unless the URL asks for it.
fn without_gss_encryption(url: &str) -> String {
    if url.contains("gssencmode=") {
        return url.to_string();
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}gssencmode=disable")
}

impl Backend {
    pub fn of_url(url: &str) -> Result<Backend, DbError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else if url.starts_with("sqlite://") {
            Ok(Backend::Sqlite)
        } else {
            Err(DbError::UnsupportedUrl(redact_url(url)))
        }
    }
}

/// SQLite takes one writer at a time; this process's writers take turns here.
static SQLITE_WRITERS: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl DbConn {
    pub fn backend(&self) -> Backend {
        match self {
            DbConn::Postgres(_) => Backend::Postgres,
            DbConn::Sqlite(_) => Backend::Sqlite,
        }
    }

    /// Opens one connection; for SQLite the file's directory is created if missing.
    pub fn open(url: &str) -> Result<DbConn, DbError> {
        // libpq's messages span several lines; an error here is one line.
        let connect_error = |err: diesel::ConnectionError| DbError::Connect {
            url: redact_url(url),
            message: err
                .to_string()
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join("; "),
        };
        match Backend::of_url(url)? {
            Backend::Postgres => PgConnection::establish(&without_gss_encryption(url))
                .map(DbConn::Postgres)
                .map_err(connect_error),
            Backend::Sqlite => {
                let path = url.trim_start_matches("sqlite://");
                private_files::prepare(path)?;
                let mut conn = SqliteConnection::establish(path).map_err(connect_error)?;
                // WAL lets readers proceed during a write; foreign keys are off by
                // default in SQLite; the busy timeout makes writers queue, not fail.
                conn.batch_execute(&format!(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS};"
                ))
                .map_err(|err| DbError::Connect {
                    url: redact_url(url),
                    message: err.to_string(),
                })?;
                private_files::tighten(path);
                Ok(DbConn::Sqlite(conn))
            }
        }
    }

    /// Runs the migrations this backend has not run yet; returns their names.
    pub fn migrate(&mut self) -> Result<Vec<String>, DbError> {
        let applied = match self {
            DbConn::Postgres(conn) => conn.run_pending_migrations(POSTGRES_MIGRATIONS),
            DbConn::Sqlite(conn) => conn.run_pending_migrations(SQLITE_MIGRATIONS),
        }
        .map_err(|err| DbError::Migration(err.to_string()))?;
        Ok(applied.iter().map(ToString::to_string).collect())
    }

    /// Runs `work` in a transaction that takes the write lock at its start. On SQLite a
    /// plain (deferred) transaction that reads and then writes can fail at once with
    /// SQLITE_BUSY when another writer got in between; `BEGIN IMMEDIATE` waits instead.
    pub fn write<T, E>(&mut self, work: impl FnOnce(&mut DbConn) -> Result<T, E>) -> Result<T, E>
    where
        E: From<DbError>,
    {
        let DbConn::Sqlite(sqlite) = self else {
            let outcome = self
                .transaction(|conn| work(conn).map_err(Failed::Work))
                .map_err(|failed| match failed {
                    Failed::Work(err) => err,
                    Failed::Db(err) => E::from(DbError::from(err)),
                });
            generations::transaction_ended(outcome.is_ok());
            return outcome;
        };
        // Writers of this process queue here rather than in SQLite's busy handler,
        // which sleeps up to 100 ms between tries: under contention that sleeping, not
        // the work, is what writers would spend their time on.
        let _writer = SQLITE_WRITERS
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")
            .map_err(|err| E::from(DbError::from(err)))?;
        let outcome = work(self);
        let DbConn::Sqlite(sqlite) = self else {
            unreachable!("the connection does not change backend");
        };
        match outcome {
            Ok(value) => {
                let committed = AnsiTransactionManager::commit_transaction(sqlite);
                generations::transaction_ended(committed.is_ok());
                committed.map_err(|err| E::from(DbError::from(err)))?;
                Ok(value)
            }
            Err(err) => {
                generations::transaction_ended(false);
                // The work's own error is the one worth reporting.
                if let Err(rollback) = AnsiTransactionManager::rollback_transaction(sqlite) {
                    tracing::error!(error = %rollback, "rollback failed");
                }
                Err(err)
            }
        }
    }
}

/// How a transaction failed: the work's own error, or the database's.
enum Failed<E> {
    Work(E),
    Db(diesel::result::Error),
}

impl<E> From<diesel::result::Error> for Failed<E> {
    fn from(err: diesel::result::Error) -> Self {
        Failed::Db(err)
    }
}

/// The SQLite file holds password hashes and the token-signing secret, so only its
/// owner may read it: its folder is created 0700, the file 0600, and so are the `-wal`
/// and `-shm` files beside it (SQLite gives them the main file's mode).
mod private_files {
    use super::DbError;
    use std::fs::{DirBuilder, OpenOptions, Permissions};
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
    use std::path::Path;

    /// Creates the folder and an empty database file, both private, if missing. An
    /// existing folder is left as it is: it may be shared on purpose.
    pub fn prepare(path: &str) -> Result<(), DbError> {
        if path.is_empty() || path == ":memory:" || path.starts_with("file:") {
            return Ok(());
        }
        if let Some(dir) = Path::new(path).parent() {
            if !dir.as_os_str().is_empty() && !dir.exists() {
                DirBuilder::new()
                    .recursive(true)
                    .mode(0o700)
                    .create(dir)
                    .map_err(|source| DbError::CreateDir {
                        path: path.to_string(),
                        source,
                    })?;
            }
        }
        // An empty file is an empty database to SQLite, which keeps the mode it finds.
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
        {
            Ok(_) => Ok(()),
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            Err(source) => Err(DbError::CreateFile {
                path: path.to_string(),
                source,
            }),
        }
    }

    /// Takes group and other access away from the database file and its companions
    /// (made by an older Qadam, or copied in by hand). A failure is only logged: the
    /// file may belong to someone else on purpose, and SQLite can still use it.
    pub fn tighten(path: &str) {
        if path.is_empty() || path == ":memory:" || path.starts_with("file:") {
            return;
        }
        for file in [
            path.to_string(),
            format!("{path}-wal"),
            format!("{path}-shm"),
        ] {
            let Ok(metadata) = std::fs::metadata(&file) else {
                continue;
            };
            if metadata.permissions().mode() & 0o077 == 0 {
                continue;
            }
            if let Err(err) = std::fs::set_permissions(&file, Permissions::from_mode(0o600)) {
                tracing::warn!(%file, error = %err, "cannot make the database file private (0600)");
            }
        }
    }
}

/// How long a connection that answered a liveness check is handed out again without
/// another one. Checking at every check-out would add a round trip to every request
/// (the one query of an authentication would be two); checking never would keep a
/// connection the database dropped (a restart) in the pool for good.
const LIVENESS_CHECK_EVERY: Duration = Duration::from_secs(1);

/// A pooled connection and when it last answered a liveness check. Dereferences to
/// the [`DbConn`] itself, so a pooled connection is used as one.
pub struct Checked {
    conn: DbConn,
    answered_at: Instant,
}

impl std::ops::Deref for Checked {
    type Target = DbConn;

    fn deref(&self) -> &DbConn {
        &self.conn
    }
}

impl std::ops::DerefMut for Checked {
    fn deref_mut(&mut self) -> &mut DbConn {
        &mut self.conn
    }
}

/// Hands out connections of one backend to an r2d2 pool.
#[derive(Debug)]
pub struct Manager {
    url: String,
}

impl ManageConnection for Manager {
    type Connection = Checked;
    type Error = DbError;

    fn connect(&self) -> Result<Checked, DbError> {
        Ok(Checked {
            conn: DbConn::open(&self.url)?,
            answered_at: Instant::now(),
        })
    }

    /// Runs at each check-out: a `SELECT 1` when the last one is older than
    /// `LIVENESS_CHECK_EVERY`, so a dead connection is dropped within that time.
    fn is_valid(&self, conn: &mut Checked) -> Result<(), DbError> {
        if conn.answered_at.elapsed() < LIVENESS_CHECK_EVERY {
            return Ok(());
        }
        conn.conn.batch_execute("SELECT 1").map_err(DbError::from)?;
        conn.answered_at = Instant::now();
        Ok(())
    }

    /// A connection given back by a panicking thread, or left inside a transaction
    /// that could not be finished, is not handed out again.
    fn has_broken(&self, conn: &mut Checked) -> bool {
        use diesel::r2d2::R2D2Connection;
        std::thread::panicking() || conn.conn.is_broken()
    }
}

pub type PooledConn = r2d2::PooledConnection<Manager>;

/// A pool of connections to one database.
#[derive(Clone)]
pub struct Pool {
    inner: r2d2::Pool<Manager>,
    backend: Backend,
}

impl Pool {
    /// Connects, runs pending migrations, and builds the pool. Fails with a readable
    /// error when the database cannot be reached.
    pub fn open(url: &str, size: u32, connect_timeout: Duration) -> Result<Pool, DbError> {
        let backend = Backend::of_url(url)?;
        // One direct connection first: it gives the real connection error (r2d2 would
        // only say it timed out) and runs the migrations before anyone queries.
        let mut first = DbConn::open(url)?;
        let applied = first.migrate()?;
        if !applied.is_empty() {
            tracing::info!(count = applied.len(), migrations = ?applied, "applied database migrations");
        }
        drop(first);
        let inner = r2d2::Pool::builder()
            .max_size(size)
            .min_idle(Some(1))
            .connection_timeout(connect_timeout)
            .build(Manager {
                url: url.to_string(),
            })
            .map_err(|err| DbError::Connect {
                url: redact_url(url),
                message: err.to_string(),
            })?;
        Ok(Pool { inner, backend })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The most connections the pool holds at once.
    pub fn max_size(&self) -> u32 {
        self.inner.max_size()
    }

    /// How long to wait for a free connection before giving up.
    pub fn connection_timeout(&self) -> Duration {
        self.inner.connection_timeout()
    }

    pub fn get(&self) -> Result<PooledConn, DbError> {
        Ok(self.inner.get()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact_url("postgres://qadam:s3cret@db:5432/q"),
            "postgres://qadam:***@db:5432/q"
        );
        assert_eq!(redact_url("postgres://qadam@db/q"), "postgres://qadam@db/q");
        assert_eq!(redact_url("sqlite://./x.db"), "sqlite://./x.db");
        assert_eq!(
            redact_url("postgres://qadam@db/q?sslmode=require&password=s3cret&x=1"),
            "postgres://qadam@db/q?sslmode=require&password=***&x=1"
        );
        assert_eq!(
            redact_url("postgres://qadam:p@ss@db/q?application_name=a@b"),
            "postgres://qadam:***@db/q?application_name=a@b"
        );
    }

    #[test]
    fn gss_encryption_is_off_unless_asked_for() {
        assert_eq!(
            without_gss_encryption("postgres://h/d"),
            "postgres://h/d?gssencmode=disable"
        );
        assert_eq!(
            without_gss_encryption("postgres://h/d?sslmode=require"),
            "postgres://h/d?sslmode=require&gssencmode=disable"
        );
        assert_eq!(
            without_gss_encryption("postgres://h/d?gssencmode=prefer"),
            "postgres://h/d?gssencmode=prefer"
        );
    }

    #[test]
    fn backend_comes_from_the_scheme() {
        assert_eq!(
            Backend::of_url("postgresql://h/d").unwrap(),
            Backend::Postgres
        );
        assert_eq!(Backend::of_url("sqlite://a.db").unwrap(), Backend::Sqlite);
        let err = Backend::of_url("mysql://u:pw@h/d").unwrap_err().to_string();
        assert!(err.contains("mysql://u:***@h/d"), "{err}");
    }
}
