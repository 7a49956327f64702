//! Runs blocking database work on the blocking thread pool, so a slow query never
//! stalls the async workers that serve other requests.

use qadam_db::{DbConn, DbError, Pool};

#[derive(Clone)]
pub struct Db {
    pool: Pool,
}

impl Db {
    pub fn new(pool: Pool) -> Db {
        Db { pool }
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
        tokio::task::spawn_blocking(move || {
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
