//! The page shell (head, navigation, language switcher) and the answers every page
//! gives the same way: security headers, the CSRF cookie, redirects, error pages.

use super::i18n::LANGUAGES;
use super::session::Visit;
use crate::state::AppState;
use actix_web::http::{header, StatusCode};
use actix_web::HttpResponse;
use chrono::NaiveDateTime;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use qadam_core::{CoreError, CoreResult, SignedIn};
use qadam_db::DbConn;

/// No inline script or style, nothing from elsewhere: a user's text that slipped
/// through as markup still could not run.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; \
     frame-ancestors 'none'";

/// A whole page: the shell around `main`.
pub fn page(visit: &Visit, status: StatusCode, title: &str, main: Markup) -> HttpResponse {
    let tr = &visit.tr;
    let markup = html! {
        (DOCTYPE)
        html lang=(tr.lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · " (tr.t("app-name")) }
                link rel="stylesheet" href="/static/app.css";
                script src="/static/app.js" defer {}
            }
            body {
                a.skip href="#main" { (tr.t("skip-to-content")) }
                header.top {
                    a.brand href="/" { (tr.t("app-name")) }
                    @if let Some(user) = &visit.user {
                        nav aria-label=(tr.t("app-name")) {
                            a href="/" { (tr.t("nav-dashboard")) }
                            a href="/curriculum" { (tr.t("nav-curriculum")) }
                            a href="/evaluations" { (tr.t("nav-evaluations")) }
                            a href="/progress" { (tr.t("nav-progress")) }
                            @if user.actor().require_staff().is_ok() {
                                a href="/staff" { (tr.t("nav-staff")) }
                            }
                        }
                        form.inline method="post" action="/logout" {
                            (csrf_field(visit))
                            a.who href="/password" title=(tr.t("password-title")) { (user.user.login) }
                            button type="submit" { (tr.t("nav-sign-out")) }
                        }
                    }
                    nav.languages aria-label=(tr.t("nav-language")) {
                        @for (code, name) in LANGUAGES {
                            @if code == tr.lang {
                                span.current lang=(code) aria-current="true" { (name) }
                            } @else {
                                a lang=(code) hreflang=(code)
                                    href=(format!("/language/{code}?back={}", encode_query(&visit.here))) { (name) }
                            }
                        }
                    }
                }
                main #main { (main) }
            }
        }
    };
    let mut response = HttpResponse::build(status);
    response
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::REFERRER_POLICY, "same-origin"))
        .insert_header((header::CACHE_CONTROL, "no-store"));
    if visit.csrf_is_new {
        response.cookie(visit.csrf_cookie());
    }
    response.body(markup.into_string())
}

/// An HTML fragment (what the page's script swaps in), with the same headers.
pub fn fragment(markup: Markup) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(markup.into_string())
}

pub fn csrf_field(visit: &Visit) -> Markup {
    html! { input type="hidden" name="csrf" value=(visit.csrf); }
}

/// After a form: back to a page of ours (303, so the browser follows with a GET).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, local_path(location)))
        .finish()
}

/// A path on this site, never another site's address (`//evil`, `https://...`).
pub fn local_path(location: &str) -> &str {
    if location.starts_with('/') && !location.starts_with("//") && !location.contains('\\') {
        location
    } else {
        "/"
    }
}

/// Percent-encodes a path and query for use as one query value.
pub fn encode_query(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The friendly page for an error, in the visitor's language.
pub fn error_page(visit: &Visit, status: StatusCode, detail: Option<&str>) -> HttpResponse {
    let tr = &visit.tr;
    let message = match status {
        StatusCode::NOT_FOUND => tr.t("error-not-found"),
        StatusCode::FORBIDDEN => tr.t("error-forbidden"),
        s if s.is_server_error() => tr.t("error-internal"),
        _ => tr.t("error-conflict"),
    };
    let main = html! {
        section.error {
            h1 { (tr.t("error-title")) " (" (status.as_u16()) ")" }
            p { (message) }
            @if let Some(detail) = detail { p.detail { (detail) } }
            p { a href="/" { (tr.t("error-back")) } }
        }
    };
    page(visit, status, &tr.t("error-title"), main)
}

/// The page for a refused use case: its status, and its message where it is the
/// student's to read (a rule of the school), never an internal cause.
pub fn core_error_page(visit: &Visit, err: CoreError) -> HttpResponse {
    // The API's mapping decides the status and logs a server-side failure once.
    let api = crate::error::ApiError::from(err);
    match api.status {
        StatusCode::UNAUTHORIZED => sign_in_first(visit),
        status if status.is_server_error() => error_page(visit, status, None),
        status => error_page(visit, status, Some(&api.message)),
    }
}

/// A form's change: the CSRF check, the signed-in user, one write transaction of the
/// core, then on to the page the change names (or the error's page). Who may do what
/// is the core's to decide, as for the API.
pub async fn act<F>(state: &AppState, visit: &Visit, csrf: &str, change: F) -> HttpResponse
where
    F: FnOnce(&mut DbConn, &SignedIn, NaiveDateTime) -> CoreResult<String> + Send + 'static,
{
    if !visit.csrf_matches(csrf) {
        return error_page(
            visit,
            StatusCode::FORBIDDEN,
            Some(&visit.tr.t("error-csrf")),
        );
    }
    let Some(me) = visit.user.clone() else {
        return sign_in_first(visit);
    };
    let now = state.core.clock.now();
    match state
        .core
        .db
        .write(move |conn| change(conn, &me, now))
        .await
    {
        Ok(next) => see_other(&next),
        Err(err) => core_error_page(visit, err),
    }
}

/// The page that asks to sign in first, coming back here afterwards.
pub fn sign_in_first(visit: &Visit) -> HttpResponse {
    see_other(&format!("/login?back={}", encode_query(&visit.here)))
}

/// Marks up trusted static text that holds markup (our own SVG).
pub fn trusted(markup: String) -> PreEscaped<String> {
    PreEscaped(markup)
}
