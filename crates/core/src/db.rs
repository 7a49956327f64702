//! Runs blocking database work on the blocking thread pool, so a slow query never
//! stalls the async workers that serve other requests.

use qadam_db::{DbConn, DbError, Pool};
use std::sync::Arc;
use tokio::sync::Semaphore;

#[derive(Clone)]
pub struct Db {
    pool: Pool,
    /// One permit per pooled connection. Work waits for a permit here, on the async
    /// side, before it takes a blocking thread: so at most as many blocking threads as
    /// connections run database work, and none of them sleeps waiting for a connection
    /// (under load, dozens of threads queued on the pool cost more in wake-ups and
    /// context switches than the queries themselves).
    permits: Arc<Semaphore>,
}

impl Db {
    pub fn new(pool: Pool) -> Db {
        let permits = Arc::new(Semaphore::new(pool.max_size().max(1) as usize));
        Db { pool, permits }
    }

    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// Runs `work` with a pooled connection (no transaction).
    pub async fn read<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let pool = self.pool.clone();
        // The same bound as waiting for a connection: the pool's connection timeout.
        let wait = pool.connection_timeout();
        let permit = match tokio::time::timeout(wait, self.permits.clone().acquire_owned()).await {
            Ok(Ok(permit)) => permit,
            Ok(Err(closed)) => return Err(E::from(DbError::Interrupted(closed.to_string()))),
            Err(_) => return Err(E::from(DbError::Saturated(wait))),
        };
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut conn = pool.get()?;
            work(&mut conn)
        })
        .await
        .map_err(|err| E::from(DbError::Interrupted(err.to_string())))?
    }

    /// Runs `work` in one write transaction: all of it lands, or none of it.
    pub async fn write<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        self.read(move |conn| conn.write(work)).await
    }
}
