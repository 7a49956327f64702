//! The OpenAPI 3 document, generated from the handlers' annotations (the list of
//! handlers is the route list in `routes/mod.rs`), with the statuses every route may
//! answer added where they apply.

use crate::routes::ApiDoc;
use actix_web::web::Json;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi};

/// The OpenAPI document of this API.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "health",
    responses((status = 200, description = "this document")))]
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

pub struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

/// Statuses that come from the framework or the platform rather than from one handler:
/// 401 where a token is needed, the body errors where there is a body, 404 for an
/// unknown path parameter, 422 for a query that does not fit, 500 and 503 everywhere.
/// A status a handler documents itself is kept as it wrote it.
pub struct CommonResponses;

fn error(description: &str) -> RefOr<Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/json",
                utoipa::openapi::ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("ErrorEnvelope")))
                    .build(),
            )
            .build(),
    )
}

fn add_common(operation: &mut Operation) {
    let mut add = |status: &str, description: &str| {
        operation
            .responses
            .responses
            .entry(status.to_string())
            .or_insert_with(|| error(description));
    };
    add("500", "something went wrong on our side (`internal_error`)");
    add("503", "the database is busy or unreachable (`unavailable`)");
    if operation.security.as_ref().is_some_and(|s| !s.is_empty()) {
        add("401", "no valid token (`unauthenticated`)");
    }
    if operation.request_body.is_some() {
        add(
            "400",
            "the body is not JSON (`malformed_json`, `bad_request`)",
        );
        add("413", "the body is too large (`payload_too_large`)");
        add(
            "415",
            "the body is not sent as JSON (`unsupported_media_type`)",
        );
        add("422", "the body does not fit (`invalid_request`)");
    }
    let parameters = operation.parameters.as_deref().unwrap_or_default();
    if parameters
        .iter()
        .any(|p| matches!(p.parameter_in, ParameterIn::Query))
    {
        add("422", "the query does not fit (`invalid_request`)");
    }
    if parameters
        .iter()
        .any(|p| matches!(p.parameter_in, ParameterIn::Path))
    {
        add("404", "no such resource (`not_found`)");
    }
}

impl Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for operation in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                add_common(operation);
            }
        }
    }
}
