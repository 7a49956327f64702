//! Runs blocking diesel work on actix's blocking thread pool, so a slow query never
//! stalls the async workers that serve other requests.

use crate::error::ApiResult;
use qadam_db::{DbConn, Pool};

#[derive(Clone)]
pub struct Db {
    pool: Pool,
}

impl Db {
    pub fn new(pool: Pool) -> Db {
        Db { pool }
    }

    /// Runs `work` with a pooled connection (no transaction).
    pub async fn read<T, F>(&self, work: F) -> ApiResult<T>
    where
        F: FnOnce(&mut DbConn) -> ApiResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = pool.get()?;
            work(&mut conn)
        })
        .await?
    }

    /// Runs `work` in one write transaction: all of it lands, or none of it.
    pub async fn write<T, F>(&self, work: F) -> ApiResult<T>
    where
        F: FnOnce(&mut DbConn) -> ApiResult<T> + Send + 'static,
        T: Send + 'static,
    {
        self.read(move |conn| conn.write(work)).await
    }
}
