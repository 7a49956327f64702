//! Every route of the API, wired in one place. One module per resource.

use actix_web::web::{self, get, patch, post, put, resource};

pub mod audit;
pub mod auth;
pub mod campuses;
pub mod curriculum;
pub mod health;
pub mod me;
pub mod openapi;
pub mod scope;
pub mod users;

/// One `resource` per path, so a known path with an unsupported method answers 405.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(resource("/healthz").route(get().to(health::healthz)))
        .service(
            web::scope("/api/v1")
                .service(resource("/openapi.json").route(get().to(openapi::document)))
                .service(resource("/auth/login").route(post().to(auth::login)))
                .service(resource("/auth/logout").route(post().to(auth::logout)))
                .service(resource("/me").route(get().to(me::show)))
                .service(resource("/me/password").route(put().to(me::change_password)))
                .service(
                    resource("/users")
                        .route(get().to(users::list))
                        .route(post().to(users::create)),
                )
                .service(
                    resource("/users/{login}")
                        .route(get().to(users::show))
                        .route(patch().to(users::update)),
                )
                .service(
                    resource("/campuses")
                        .route(get().to(campuses::list))
                        .route(post().to(campuses::create)),
                )
                .service(
                    resource("/campuses/{slug}")
                        .route(get().to(campuses::show))
                        .route(patch().to(campuses::update)),
                )
                .service(resource("/audit").route(get().to(audit::list)))
                .service(resource("/cursus").route(get().to(curriculum::list_cursus)))
                .service(resource("/cursus/{slug}").route(get().to(curriculum::show_cursus)))
                .service(resource("/projects").route(get().to(curriculum::list_projects)))
                .service(resource("/projects/{slug}").route(get().to(curriculum::show_project))),
        );
}
