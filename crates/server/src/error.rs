//! The one error type of the API. Every failure leaves as
//! `{"error": {"code": "snake_case", "message": "...", "field": "..."}}` with a status
//! that follows docs/API.md; a 500 never shows its cause, which is logged once here.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use qadam_core::CoreError;
use qadam_db::DbError;
use qadam_domain::{Denied, Invalid};
use serde::Serialize;
use std::fmt;
use utoipa::ToSchema;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub field: Option<&'static str>,
    /// Seconds the client should wait (429), sent as `Retry-After`.
    pub retry_after: Option<i64>,
}

/// The JSON body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorEnvelope {
    pub error: ErrorBody,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// Stable, snake_case; clients branch on it.
    pub code: String,
    /// For people; may change wording between versions.
    pub message: String,
    /// The request field at fault, for validation errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            field: None,
            retry_after: None,
        }
    }

    pub fn unauthenticated(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthenticated", message)
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("{what} not found"),
        )
    }

    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            field: Some(field),
            ..Self::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_request", message)
        }
    }

    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "something went wrong on our side; it has been logged",
        )
    }

    pub fn body(&self) -> ErrorEnvelope {
        ErrorEnvelope {
            error: ErrorBody {
                code: self.code.to_string(),
                message: self.message.clone(),
                field: self.field.map(str::to_string),
            },
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.code,
            self.message
        )
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status);
        if let Some(seconds) = self.retry_after {
            response.insert_header((header::RETRY_AFTER, seconds.to_string()));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        response.json(self.body())
    }
}

impl From<Denied> for ApiError {
    fn from(denied: Denied) -> Self {
        CoreError::from(denied).into()
    }
}

impl From<Invalid> for ApiError {
    fn from(invalid: Invalid) -> Self {
        CoreError::from(invalid).into()
    }
}

impl From<DbError> for ApiError {
    fn from(err: DbError) -> Self {
        CoreError::Db(err).into()
    }
}

/// Each kind of use-case error has its status; its code and message pass through. A
/// server-side failure is logged here, once, and never shown to the client.
impl From<CoreError> for ApiError {
    fn from(err: CoreError) -> Self {
        let code = err.code();
        match err {
            CoreError::Invalid { field, message, .. } => ApiError {
                field,
                ..ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, code, message)
            },
            CoreError::Unauthenticated { message, .. } => {
                ApiError::new(StatusCode::UNAUTHORIZED, code, message)
            }
            CoreError::Denied { message, .. } => {
                ApiError::new(StatusCode::FORBIDDEN, code, message)
            }
            CoreError::NotFound { what } => ApiError::not_found(what),
            CoreError::Conflict { message, .. } => {
                ApiError::new(StatusCode::CONFLICT, code, message)
            }
            CoreError::Throttled {
                message,
                retry_after,
                ..
            } => ApiError {
                retry_after: Some(retry_after),
                ..ApiError::new(StatusCode::TOO_MANY_REQUESTS, code, message)
            },
            CoreError::Unavailable {
                message,
                retry_after,
                ..
            } => ApiError {
                retry_after,
                ..ApiError::new(StatusCode::SERVICE_UNAVAILABLE, code, message)
            },
            CoreError::Db(err @ (DbError::Pool(_) | DbError::Saturated(_))) => {
                tracing::error!(error = %err, "database unavailable");
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    code,
                    "the database is busy or unreachable; try again shortly",
                )
            }
            CoreError::Db(err) => {
                tracing::error!(error = %err, "database error");
                ApiError::internal()
            }
            CoreError::Corrupt(what) => {
                tracing::error!(%what, "corrupt stored data");
                ApiError::internal()
            }
        }
    }
}

/// Body errors of the JSON extractor: too large, wrong content type, bad syntax, or
/// well-formed JSON of the wrong shape (unknown field, wrong type, missing field).
pub fn json_error(err: actix_web::error::JsonPayloadError) -> ApiError {
    use actix_web::error::JsonPayloadError as E;
    match &err {
        E::Overflow { limit } | E::OverflowKnownLength { limit, .. } => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the request body is larger than {limit} bytes"),
        ),
        E::ContentType => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the body as JSON with Content-Type: application/json",
        ),
        E::Deserialize(inner) if inner.is_data() => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_request",
            format!("the request body does not fit: {inner}"),
        ),
        E::Deserialize(inner) => ApiError::new(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            format!("the request body is not valid JSON: {inner}"),
        ),
        _ => ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_request",
            format!("cannot read the request body: {err}"),
        ),
    }
}

pub fn query_error(err: actix_web::error::QueryPayloadError) -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_request",
        format!("the query string does not fit: {err}"),
    )
}

pub fn path_error(err: actix_web::error::PathError) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        format!("no such resource: {err}"),
    )
}

pub type ApiResult<T> = Result<T, ApiError>;
