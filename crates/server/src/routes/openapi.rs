//! The OpenAPI 3 document, generated from the handlers' annotations.

use crate::routes::{audit, auth, campuses, curriculum, health, me, users};
use actix_web::web::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "Qadam API", description = "Peer-to-peer coding school platform. Conventions: docs/API.md."),
    paths(
        health::healthz,
        auth::login, auth::logout,
        me::show, me::change_password,
        users::list, users::create, users::show, users::update,
        campuses::list, campuses::create, campuses::show, campuses::update,
        audit::list,
        curriculum::list_cursus, curriculum::show_cursus,
        curriculum::list_projects, curriculum::show_project,
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "auth", description = "Logging in and out"),
        (name = "users", description = "Accounts and profiles"),
        (name = "campuses", description = "Campuses of the school network"),
        (name = "audit", description = "Who changed what"),
        (name = "curriculum", description = "Cursus and projects, synced from projects-catalog/"),
        (name = "health", description = "Liveness"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

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

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
