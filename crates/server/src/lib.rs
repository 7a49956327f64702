//! Qadam's HTTP API on actix-web: everything under `/api/v1`, one JSON error envelope,
//! bearer tokens, OpenAPI at `/api/v1/openapi.json`. See docs/API.md.

pub mod auth;
mod caching;
mod client_address;
pub mod error;
mod middleware;
pub mod pages;
pub mod routes;
mod state;
pub mod views;
pub mod views_evaluations;
pub mod views_flow;

use actix_web::{web, App, HttpServer};
use qadam_core::{Core, CoreError, GenerationCache};
use qadam_db::queries::generations::Generation;
use qadam_db::Pool;
use qadam_settings::Settings;
pub use state::AppState;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {address}: {source}")]
    Bind {
        address: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error("the HTTP server stopped with an error: {0}")]
    Run(std::io::Error),
}

/// How long a curriculum answer is kept at most (a catalog change forgets it sooner).
const CURRICULUM_ANSWER_LIFETIME: std::time::Duration = std::time::Duration::from_secs(3600);
/// How many curriculum answers (by path, query and languages) a process keeps.
const CURRICULUM_ANSWERS_KEPT: usize = 4096;

pub fn app_state(settings: &Settings, pool: Pool) -> Result<AppState, CoreError> {
    Ok(AppState {
        core: Core::new(settings, pool)?,
        trusted_proxies: settings.http.trusted_proxies.clone(),
        public_url: settings.http.public_url.clone(),
        catalog_dir: settings.catalog_dir.clone(),
        curriculum_answers: Arc::new(GenerationCache::new(
            Generation::Catalog,
            CURRICULUM_ANSWER_LIFETIME,
            CURRICULUM_ANSWERS_KEPT,
        )),
    })
}

/// Serves the API until the process is asked to stop (Ctrl-C or SIGTERM).
/// `alongside` is given the use cases once they are ready, on the server's runtime,
/// to start what runs beside the API (the grading workers).
pub async fn serve(
    settings: Settings,
    pool: Pool,
    alongside: impl FnOnce(Core),
) -> Result<(), ServeError> {
    let state = web::Data::new(app_state(&settings, pool)?);
    alongside(state.core.clone());
    let max_json = settings.http.max_json_bytes;
    let bench_routes = settings.http.bench_routes;
    let movable_clock = settings.evaluations.movable_clock;
    if bench_routes {
        tracing::warn!("http.bench_routes is on: serving GET /bench/hello for `qadam bench api`");
    }
    let mut server = HttpServer::new(move || {
        App::new()
            .configure(|cfg| {
                if bench_routes {
                    cfg.route(
                        routes::bench::HELLO_PATH,
                        web::get().to(routes::bench::hello),
                    );
                }
                if movable_clock {
                    cfg.route(
                        routes::testing::CLOCK_PATH,
                        web::post().to(routes::testing::advance),
                    );
                }
            })
            .app_data(state.clone())
            .app_data(
                web::JsonConfig::default()
                    .limit(max_json)
                    .error_handler(|err, _| error::json_error(err).into()),
            )
            .app_data(
                web::QueryConfig::default().error_handler(|err, _| error::query_error(err).into()),
            )
            .app_data(
                web::PathConfig::default().error_handler(|err, _| error::path_error(err).into()),
            )
            .app_data(web::PayloadConfig::default().limit(max_json))
            .configure(routes::configure)
            .configure(pages::configure)
            .default_service(web::to(pages::not_found))
            .wrap(actix_web::middleware::from_fn(middleware::trace_requests))
    });
    if settings.http.workers > 0 {
        server = server.workers(settings.http.workers);
    }
    let server = server
        .bind(&settings.listen)
        .map_err(|source| ServeError::Bind {
            address: settings.listen.clone(),
            source,
        })?;
    for address in server.addrs() {
        tracing::info!(address = %format!("http://{address}"), "listening");
    }
    server.run().await.map_err(ServeError::Run)
}

/// Runs a future on actix's runtime; lets the command line start the server without
/// depending on actix itself.
pub fn run_system<F: std::future::Future>(future: F) -> F::Output {
    actix_web::rt::System::new().block_on(future)
}
