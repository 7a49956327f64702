//! Request ids and request logging, and the envelope for errors actix produces itself
//! (unknown route, wrong method) so that every error a client sees has the same shape.

use crate::error::ApiError;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse};
use std::time::Instant;
use tracing::Instrument;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// A caller-supplied id is kept when it is short and plain, so a proxy's id carries
/// through; anything else gets a fresh one.
fn request_id(req: &ServiceRequest) -> String {
    req.headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .map(str::to_string)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string())
}

/// Logs one line per request (method, path without the query, status, duration) inside
/// a span carrying the request id, and echoes the id in the response. Headers and
/// bodies are never logged: they carry passwords and tokens.
pub async fn trace_requests(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let id = request_id(&req);
    let span = tracing::info_span!("request", request_id = %id);
    let method = req.method().to_string();
    let path = req.path().to_string();
    let started = Instant::now();
    let result = next.call(req).instrument(span.clone()).await;
    let _entered = span.enter();
    let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    match result {
        Ok(response) => {
            let mut response = envelope_bare_errors(response.map_into_boxed_body());
            let status = response.status().as_u16();
            tracing::info!(%method, %path, status, duration_ms, "request");
            if let Ok(value) = HeaderValue::from_str(&id) {
                response.headers_mut().insert(REQUEST_ID, value);
            }
            Ok(response)
        }
        Err(err) => {
            tracing::info!(%method, %path, status = err.as_response_error().status_code().as_u16(), duration_ms, "request");
            Err(err)
        }
    }
}

/// Replaces a body-less error from actix's own routing with our JSON envelope.
fn envelope_bare_errors(response: ServiceResponse<BoxBody>) -> ServiceResponse<BoxBody> {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    // A page's own error page is already what a person should see.
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if !(status.is_client_error() || status.is_server_error()) || is_json || is_html {
        return response;
    }
    if crate::pages::is_page_path(response.request().path()) {
        // A browser asked for a page that does not exist: the friendly page.
        let (req, _) = response.into_parts();
        let page = crate::pages::unrouted(&req, status);
        return ServiceResponse::new(req, page);
    }
    let error = match status {
        StatusCode::NOT_FOUND => ApiError::new(status, "not_found", "no such endpoint"),
        StatusCode::METHOD_NOT_ALLOWED => ApiError::new(
            status,
            "method_not_allowed",
            "this endpoint does not take that method",
        ),
        StatusCode::PAYLOAD_TOO_LARGE => {
            ApiError::new(status, "payload_too_large", "the request body is too large")
        }
        s if s.is_server_error() => ApiError::internal(),
        _ => ApiError::new(status, "bad_request", "the request could not be understood"),
    };
    let (req, _) = response.into_parts();
    ServiceResponse::new(req, HttpResponse::build(status).json(error.body()))
}
