//! Every route of the API, in one list from which both the actix routes and the
//! OpenAPI document are made, so the two cannot drift apart. One module per resource.

use actix_web::web::{self, resource};
use openapi::{BearerAuth, CommonResponses};

pub mod audit;
pub mod auth;
pub mod bench;
pub mod campuses;
pub mod curriculum;
pub mod evaluations;
pub mod health;
pub mod me;
pub mod openapi;
pub mod progress;
pub mod scope;
pub mod submissions;
pub mod teams;
pub mod testing;
pub mod users;

/// `path => { method: handler, ... }`: one `resource` per path (so a known path with an
/// unsupported method answers 405), the handlers' `#[utoipa::path]` annotations in the
/// OpenAPI document, and the list of (method, path) pairs a test compares with it.
macro_rules! api_routes {
    ($($path:literal => { $($method:ident : $handler:path),+ $(,)? }),+ $(,)?) => {
        /// Registers every route of the API (paths under `/api/v1` are written in full).
        pub fn configure(cfg: &mut web::ServiceConfig) {
            $(
                cfg.service(resource($path)$(.route(web::$method().to($handler)))+);
            )+
        }

        /// Every (method, path) the server routes.
        pub const ROUTES: &[(&str, &str)] = &[$($((stringify!($method), $path)),+),+];

        #[derive(utoipa::OpenApi)]
        #[openapi(
            info(title = "Qadam API", description = "Peer-to-peer coding school platform. Conventions: docs/API.md."),
            paths($($($handler),+),+),
            modifiers(&BearerAuth, &CommonResponses),
            tags(
                (name = "auth", description = "Logging in and out"),
                (name = "users", description = "Accounts and profiles"),
                (name = "campuses", description = "Campuses of the school network"),
                (name = "audit", description = "Who changed what"),
                (name = "curriculum", description = "Cursus and projects, synced from projects-catalog/"),
                (name = "teams", description = "Registration, teams (one per attempt), hand-in and marks"),
                (name = "submissions", description = "Uploaded work, its grading and the queue"),
                (name = "evaluations", description = "Peer evaluations: slots, booking, the waitlist, sheets, feedback, points and notifications"),
                (name = "health", description = "Liveness"),
            )
        )]
        pub struct ApiDoc;
    };
}

api_routes! {
    "/healthz" => { get: health::healthz },
    "/api/v1/openapi.json" => { get: openapi::document },
    "/api/v1/auth/login" => { post: auth::login },
    "/api/v1/auth/logout" => { post: auth::logout },
    "/api/v1/me" => { get: me::show },
    "/api/v1/me/password" => { put: me::change_password },
    "/api/v1/users" => { get: users::list, post: users::create },
    "/api/v1/users/{login}" => { get: users::show, patch: users::update },
    "/api/v1/campuses" => { get: campuses::list, post: campuses::create },
    "/api/v1/campuses/{slug}" => { get: campuses::show, patch: campuses::update },
    "/api/v1/audit" => { get: audit::list },
    "/api/v1/cursus" => { get: curriculum::list_cursus },
    "/api/v1/cursus/{slug}" => { get: curriculum::show_cursus },
    "/api/v1/projects" => { get: curriculum::list_projects },
    "/api/v1/projects/{slug}" => { get: curriculum::show_project },
    "/api/v1/projects/{slug}/register" => { post: teams::register },
    "/api/v1/me/teams" => { get: teams::mine },
    "/api/v1/teams" => { get: teams::list },
    "/api/v1/teams/{id}" => { get: teams::show },
    "/api/v1/teams/{id}/invitations" => { post: teams::invite },
    "/api/v1/teams/{id}/accept" => { post: teams::accept },
    "/api/v1/teams/{id}/decline" => { post: teams::decline },
    "/api/v1/teams/{id}/leave" => { post: teams::leave },
    "/api/v1/teams/{id}/kick" => { post: teams::kick },
    "/api/v1/teams/{id}/lock" => { post: teams::lock },
    "/api/v1/teams/{id}/close" => { post: teams::close },
    "/api/v1/teams/{id}/mark" => { put: teams::set_mark },
    "/api/v1/teams/{id}/submissions" => { post: submissions::create, get: submissions::of_team },
    "/api/v1/submissions" => { get: submissions::list },
    "/api/v1/submissions/{id}" => { get: submissions::show },
    "/api/v1/submissions/{id}/archive" => { get: submissions::archive },
    "/api/v1/submissions/{id}/regrade" => { post: submissions::regrade },
    "/api/v1/users/{login}/progress" => { get: progress::show },
    "/api/v1/grading/queue" => { get: submissions::queue },
    "/api/v1/slots" => { post: evaluations::add_slot },
    "/api/v1/slots/{id}" => { delete: evaluations::remove_slot },
    "/api/v1/me/slots" => { get: evaluations::my_slots },
    "/api/v1/teams/{id}/bookable" => { get: evaluations::bookable },
    "/api/v1/teams/{id}/evaluations" => { post: evaluations::book, get: evaluations::of_team },
    "/api/v1/teams/{id}/waitlist" => { post: evaluations::join_waitlist, delete: evaluations::leave_waitlist },
    "/api/v1/me/evaluations" => { get: evaluations::mine },
    "/api/v1/evaluations/{id}" => { get: evaluations::show, put: evaluations::submit_sheet },
    "/api/v1/evaluations/{id}/start" => { post: evaluations::start },
    "/api/v1/evaluations/{id}/submission" => { get: evaluations::submission },
    "/api/v1/evaluations/{id}/feedback" => { post: evaluations::feedback },
    "/api/v1/evaluations/{id}/cancel" => { post: evaluations::cancel },
    "/api/v1/evaluations/{id}/no-show" => { post: evaluations::no_show },
    "/api/v1/evaluations/{id}/void" => { post: evaluations::void },
    "/api/v1/review-flags" => { get: evaluations::review_flags },
    "/api/v1/me/points" => { get: evaluations::my_points },
    "/api/v1/me/notifications" => { get: evaluations::my_notifications },
    "/api/v1/me/notifications/read" => { post: evaluations::mark_read },
    "/api/v1/campuses/{slug}/evaluation-settings" => { get: evaluations::campus_settings, patch: evaluations::update_campus_settings },
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use utoipa::OpenApi;

    #[test]
    fn the_routes_and_the_openapi_document_are_the_same_set() {
        let routed: BTreeSet<(String, String)> = ROUTES
            .iter()
            .map(|(method, path)| (method.to_string(), path.to_string()))
            .collect();
        let document = serde_json::to_value(ApiDoc::openapi()).unwrap();
        let mut documented = BTreeSet::new();
        for (path, operations) in document["paths"].as_object().unwrap() {
            for method in operations.as_object().unwrap().keys() {
                documented.insert((method.clone(), path.clone()));
            }
        }
        assert_eq!(routed, documented);
        assert_eq!(routed.len(), 62);
    }
}
