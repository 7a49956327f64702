//! The web pages: server-rendered HTML (maud) over the same use cases as the API, in
//! four languages (Fluent), with session cookies bound to the API's revocable tokens,
//! a CSRF token on every form and a Content-Security-Policy without inline script.
//! One module per area; the cross-cutting pieces in `session`, `layout` and `i18n`.
//! The little JavaScript there is (`static/app.js`) only adds live updates and drag
//! and drop: every page works without it.

mod curriculum;
mod dashboard;
mod evaluations;
pub mod i18n;
mod layout;
mod markdown;
mod progress;
mod project;
mod session;
mod staff;

use crate::client_address::client_address;
use crate::state::AppState;
use actix_web::http::{header, StatusCode};
use actix_web::web::{self, Data, Form, Path, Query};
use actix_web::{HttpRequest, HttpResponse};
use layout::{csrf_field, page, see_other};
use maud::html;
use serde::Deserialize;
pub use session::Visit;

/// Registers every page.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(dashboard::show))
        .route("/login", web::get().to(login_form))
        .route("/login", web::post().to(login))
        .route("/logout", web::post().to(logout))
        .route("/language/{code}", web::get().to(language))
        .route("/password", web::get().to(password_form))
        .route("/password", web::post().to(change_password))
        .route("/curriculum", web::get().to(curriculum::show))
        .route("/projects/{slug}", web::get().to(project::show))
        .route(
            "/projects/{slug}/register",
            web::post().to(project::register),
        )
        .route("/teams/{id}/invite", web::post().to(project::invite))
        .route("/teams/{id}/answer", web::post().to(project::answer))
        .route("/teams/{id}/lock", web::post().to(project::lock))
        .route("/teams/{id}/upload", web::post().to(project::upload))
        .route("/teams/{id}/close", web::post().to(project::close))
        .route(
            "/submissions/{id}/card",
            web::get().to(project::submission_card),
        )
        .route("/evaluations", web::get().to(evaluations::overview))
        .route("/slots", web::post().to(evaluations::add_slot))
        .route(
            "/slots/calendar",
            web::post().to(evaluations::calendar_cell),
        )
        .route(
            "/slots/{id}/remove",
            web::post().to(evaluations::remove_slot),
        )
        .route("/teams/{id}/book", web::post().to(evaluations::book))
        .route(
            "/teams/{id}/waitlist",
            web::post().to(evaluations::waitlist),
        )
        .route("/evaluations/{id}", web::get().to(evaluations::show))
        .route(
            "/evaluations/{id}/start",
            web::post().to(evaluations::start),
        )
        .route(
            "/evaluations/{id}/sheet",
            web::post().to(evaluations::sheet),
        )
        .route(
            "/evaluations/{id}/feedback",
            web::post().to(evaluations::feedback),
        )
        .route(
            "/evaluations/{id}/cancel",
            web::post().to(evaluations::cancel),
        )
        .route(
            "/evaluations/{id}/submission",
            web::get().to(evaluations::submission),
        )
        .route("/progress", web::get().to(progress::show))
        .route("/staff", web::get().to(staff::students))
        .route("/staff/students/{login}", web::get().to(staff::student))
        .route(
            "/staff/teams/{id}/mark",
            web::post().to(staff::override_mark),
        )
        .route("/staff/review-flags", web::get().to(staff::review_flags))
        .route("/staff/evaluations/{id}/void", web::post().to(staff::void))
        .route("/staff/queue", web::get().to(staff::queue))
        .route("/staff/accounts", web::get().to(staff::accounts))
        .route("/staff/accounts", web::post().to(staff::import))
        .route("/staff/accounts/new", web::post().to(staff::create_account))
        .route("/staff/catalog", web::get().to(staff::catalog))
        .route("/static/app.css", web::get().to(stylesheet))
        .route("/static/app.js", web::get().to(script));
}

/// Whether a path belongs to the pages (for the friendly error pages) rather than to
/// the API.
pub fn is_page_path(path: &str) -> bool {
    !(path.starts_with("/api/")
        || path == "/healthz"
        || path.starts_with("/bench/")
        || path.starts_with("/testing/"))
}

/// What no route answers: for a page path, the friendly 404 with the visitor's
/// session (the header shows who is signed in); the API keeps its JSON envelope.
pub async fn not_found(req: HttpRequest, visit: Visit) -> HttpResponse {
    if is_page_path(req.path()) {
        return layout::error_page(&visit, StatusCode::NOT_FOUND, None);
    }
    HttpResponse::NotFound().finish()
}

/// The friendly 404 (or 405) for a path no page answers, built outside any handler.
pub fn unrouted(req: &HttpRequest, status: StatusCode) -> HttpResponse {
    let visit = Visit::anonymous(req);
    layout::error_page(&visit, status, None)
}

async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../static/app.css"))
}

async fn script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../static/app.js"))
}

#[derive(Deserialize)]
struct Back {
    back: Option<String>,
}

async fn login_form(visit: Visit, query: Query<Back>) -> HttpResponse {
    if visit.user.is_some() {
        return see_other(query.back.as_deref().unwrap_or("/"));
    }
    login_page(&visit, query.back.as_deref().unwrap_or("/"), None, "")
}

fn login_page(visit: &Visit, back: &str, problem: Option<String>, login: &str) -> HttpResponse {
    let tr = &visit.tr;
    let status = if problem.is_some() {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::OK
    };
    let main = html! {
        section.narrow {
            h1 { (tr.t("login-title")) }
            p { (tr.t("login-intro")) }
            @if let Some(problem) = &problem {
                p.problem role="alert" { (problem) }
            }
            form method="post" action="/login" {
                (csrf_field(visit))
                input type="hidden" name="back" value=(layout::local_path(back));
                label for="login" { (tr.t("login-login")) }
                input #login type="text" name="login" value=(login) autocomplete="username" required autofocus;
                label for="password" { (tr.t("login-password")) }
                input #password type="password" name="password" autocomplete="current-password" required;
                button type="submit" { (tr.t("login-submit")) }
            }
        }
    };
    page(visit, status, &tr.t("login-title"), main)
}

#[derive(Deserialize)]
struct LoginForm {
    csrf: String,
    login: String,
    password: String,
    back: Option<String>,
}

async fn login(
    state: Data<AppState>,
    visit: Visit,
    req: HttpRequest,
    form: Form<LoginForm>,
) -> HttpResponse {
    let LoginForm {
        csrf,
        login,
        password,
        back,
    } = form.into_inner();
    let back = back.unwrap_or_else(|| "/".into());
    if !visit.csrf_matches(&csrf) {
        return layout::error_page(
            &visit,
            StatusCode::FORBIDDEN,
            Some(&visit.tr.t("error-csrf")),
        );
    }
    let address = client_address(&req, &state.trusted_proxies);
    match state.core.login(login.clone(), password, address).await {
        Ok(issued) => HttpResponse::SeeOther()
            .cookie(visit.session_cookie(issued.signed, issued.expires_in_seconds))
            .insert_header((header::LOCATION, layout::local_path(&back)))
            .finish(),
        Err(err) => {
            let key = match err.code() {
                "too_many_attempts" => "login-too-many",
                "server_busy" => "login-busy",
                _ => "login-invalid",
            };
            login_page(&visit, &back, Some(visit.tr.t(key)), &login)
        }
    }
}

#[derive(Deserialize)]
struct CsrfOnly {
    csrf: String,
}

async fn logout(state: Data<AppState>, visit: Visit, form: Form<CsrfOnly>) -> HttpResponse {
    if !visit.csrf_matches(&form.csrf) {
        return layout::error_page(
            &visit,
            StatusCode::FORBIDDEN,
            Some(&visit.tr.t("error-csrf")),
        );
    }
    if let Some(user) = &visit.user {
        let now = state.core.clock.now();
        let token_id = user.token_id.clone();
        if let Err(err) = state
            .core
            .db
            .write(move |conn| qadam_core::tokens::revoke(conn, &token_id, now))
            .await
        {
            return layout::core_error_page(&visit, err);
        }
    }
    HttpResponse::SeeOther()
        .cookie(visit.ended_session_cookie())
        .insert_header((header::LOCATION, "/login"))
        .finish()
}

/// The language switcher: remembers the choice in a cookie and goes back.
async fn language(visit: Visit, code: Path<String>, query: Query<Back>) -> HttpResponse {
    let back = query.back.as_deref().unwrap_or("/");
    let Some(code) = i18n::known(&code) else {
        return layout::error_page(&visit, StatusCode::NOT_FOUND, None);
    };
    HttpResponse::SeeOther()
        .cookie(visit.language_cookie(code))
        .insert_header((header::LOCATION, layout::local_path(back)))
        .finish()
}

fn password_page(visit: &Visit, problem: Option<String>) -> HttpResponse {
    let tr = &visit.tr;
    let status = if problem.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let main = html! {
        section.narrow {
            h1 { (tr.t("password-title")) }
            p { (tr.t("password-help")) }
            @if let Some(problem) = &problem {
                p.problem role="alert" { (problem) }
            }
            form method="post" action="/password" {
                (csrf_field(visit))
                label for="current-password" { (tr.t("password-current")) }
                input #current-password type="password" name="current_password" autocomplete="current-password" required;
                label for="new-password" { (tr.t("password-new")) }
                input #new-password type="password" name="new_password" autocomplete="new-password" required minlength="10";
                button type="submit" { (tr.t("password-submit")) }
            }
        }
    };
    page(visit, status, &tr.t("password-title"), main)
}

async fn password_form(visit: Visit) -> HttpResponse {
    if visit.user.is_none() {
        return layout::sign_in_first(&visit);
    }
    password_page(&visit, None)
}

#[derive(Deserialize)]
struct PasswordForm {
    csrf: String,
    current_password: String,
    new_password: String,
}

/// Changes one's password through the same use case as the API: every token of the
/// account is revoked, this session's too, so the next page asks to sign in again.
async fn change_password(
    state: Data<AppState>,
    visit: Visit,
    req: HttpRequest,
    form: Form<PasswordForm>,
) -> HttpResponse {
    let PasswordForm {
        csrf,
        current_password,
        new_password,
    } = form.into_inner();
    if !visit.csrf_matches(&csrf) {
        return layout::error_page(
            &visit,
            StatusCode::FORBIDDEN,
            Some(&visit.tr.t("error-csrf")),
        );
    }
    let Some(me) = visit.user.clone() else {
        return layout::sign_in_first(&visit);
    };
    let address = client_address(&req, &state.trusted_proxies);
    match state
        .core
        .change_own_password(&me, current_password, new_password, address)
        .await
    {
        Ok(()) => HttpResponse::SeeOther()
            .cookie(visit.ended_session_cookie())
            .insert_header((header::LOCATION, "/login"))
            .finish(),
        Err(err) => {
            let message = crate::error::ApiError::from(err).message;
            password_page(&visit, Some(message))
        }
    }
}
