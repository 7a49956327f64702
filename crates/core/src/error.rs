//! The one error of the use cases. The API maps each kind to a status and the JSON
//! envelope, the command line to a message and an exit code; neither looks inside.

use qadam_db::DbError;
use qadam_domain::{Denied, Invalid};

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// The request itself is wrong (a field, a value): the caller can fix it.
    #[error("{message}")]
    Invalid {
        code: &'static str,
        field: Option<&'static str>,
        message: String,
    },
    /// Who is asking could not be established (no token, a revoked one, a wrong
    /// password).
    #[error("{message}")]
    Unauthenticated { code: &'static str, message: String },
    /// Known, but not allowed.
    #[error("{message}")]
    Denied { code: &'static str, message: String },
    #[error("{what} not found")]
    NotFound { what: &'static str },
    /// It clashes with what exists (a taken login or slug).
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    /// Too many attempts: wait `retry_after` seconds.
    #[error("{message}")]
    Throttled {
        code: &'static str,
        message: String,
        retry_after: i64,
    },
    /// We cannot do it now (too busy); trying again later may work.
    #[error("{message}")]
    Unavailable {
        code: &'static str,
        message: String,
        retry_after: Option<i64>,
    },
    #[error(transparent)]
    Db(#[from] DbError),
    /// Stored data that does not read back (our fault, never the caller's).
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
}

pub type CoreResult<T> = Result<T, CoreError>;

impl CoreError {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> CoreError {
        CoreError::Invalid {
            code: "invalid_request",
            field: Some(field),
            message: message.into(),
        }
    }

    pub fn unauthenticated(message: impl Into<String>) -> CoreError {
        CoreError::Unauthenticated {
            code: "unauthenticated",
            message: message.into(),
        }
    }

    pub fn denied(code: &'static str, message: impl Into<String>) -> CoreError {
        CoreError::Denied {
            code,
            message: message.into(),
        }
    }

    pub fn conflict(code: &'static str, message: impl Into<String>) -> CoreError {
        CoreError::Conflict {
            code,
            message: message.into(),
        }
    }

    /// The stable snake_case code clients branch on.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Invalid { code, .. }
            | CoreError::Unauthenticated { code, .. }
            | CoreError::Denied { code, .. }
            | CoreError::Conflict { code, .. }
            | CoreError::Throttled { code, .. }
            | CoreError::Unavailable { code, .. } => code,
            CoreError::NotFound { .. } => "not_found",
            CoreError::Db(DbError::Pool(_) | DbError::Saturated(_)) => "unavailable",
            CoreError::Db(_) | CoreError::Corrupt(_) => "internal_error",
        }
    }
}

impl From<Denied> for CoreError {
    fn from(denied: Denied) -> Self {
        CoreError::denied("forbidden", denied.0)
    }
}

impl From<Invalid> for CoreError {
    fn from(invalid: Invalid) -> Self {
        CoreError::invalid(
            invalid.field,
            format!("{}: {}", invalid.field, invalid.message),
        )
    }
}

/// A lookup by a key the caller gave: no row is `NotFound` for `what`.
pub fn found<T>(row: Option<T>, what: &'static str) -> CoreResult<T> {
    row.ok_or(CoreError::NotFound { what })
}
