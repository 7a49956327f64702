//! Who is looking at a page, in which language, and the CSRF token of its forms.
//!
//! The session cookie holds the same access token the API hands out, so a page is
//! authenticated by the same use case (the token row, revocable) and signing out, a
//! password change or a disabled account end it like a bearer token. Forms carry a
//! CSRF token that must equal the `qadam_csrf` cookie (double submit): a page on
//! another site can make the browser send our cookies, but cannot read them.

use super::i18n::{self, Tr};
use crate::state::AppState;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use qadam_core::SignedIn;
use qadam_domain::language::parse_accept_language;
use std::future::Future;
use std::pin::Pin;

pub const SESSION_COOKIE: &str = "qadam_session";
pub const CSRF_COOKIE: &str = "qadam_csrf";
pub const LANGUAGE_COOKIE: &str = "qadam_lang";

/// Everything a page needs to know about its request.
pub struct Visit {
    pub tr: Tr,
    pub user: Option<SignedIn>,
    /// The CSRF token this page's forms carry.
    pub csrf: String,
    /// The token is new: the answer must set its cookie.
    pub csrf_is_new: bool,
    /// The path and query, for the language switcher to come back to.
    pub here: String,
    /// `Secure` cookies (the public address is https).
    pub secure: bool,
}

impl Visit {
    /// The session cookie for a freshly issued token.
    pub fn session_cookie(&self, token: String, max_age_seconds: i64) -> Cookie<'static> {
        let mut cookie = self.cookie(SESSION_COOKIE, token, SameSite::Lax);
        cookie.set_max_age(actix_web::cookie::time::Duration::seconds(max_age_seconds));
        cookie
    }

    /// A cookie that removes the session.
    pub fn ended_session_cookie(&self) -> Cookie<'static> {
        let mut cookie = self.cookie(SESSION_COOKIE, String::new(), SameSite::Lax);
        cookie.make_removal();
        cookie
    }

    pub fn csrf_cookie(&self) -> Cookie<'static> {
        self.cookie(CSRF_COOKIE, self.csrf.clone(), SameSite::Strict)
    }

    pub fn language_cookie(&self, code: &str) -> Cookie<'static> {
        let mut cookie = self.cookie(LANGUAGE_COOKIE, code.to_string(), SameSite::Lax);
        cookie.set_max_age(actix_web::cookie::time::Duration::days(365));
        cookie
    }

    fn cookie(&self, name: &'static str, value: String, same_site: SameSite) -> Cookie<'static> {
        Cookie::build(name, value)
            .path("/")
            .http_only(true)
            .secure(self.secure)
            .same_site(same_site)
            .finish()
    }

    /// Whether a submitted form's token is this browser's.
    pub fn csrf_matches(&self, submitted: &str) -> bool {
        !self.csrf_is_new && constant_time_eq(self.csrf.as_bytes(), submitted.as_bytes())
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The page's language: the switcher's cookie, then the browser's Accept-Language,
/// then English.
fn language_of(req: &HttpRequest) -> Tr {
    if let Some(code) = req
        .cookie(LANGUAGE_COOKIE)
        .and_then(|c| i18n::known(c.value()))
    {
        return Tr::new(code);
    }
    let header = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    parse_accept_language(header)
        .iter()
        .find_map(|wanted| i18n::known(wanted.split('-').next().unwrap_or(wanted)))
        .map(Tr::new)
        .unwrap_or(Tr::new(i18n::DEFAULT))
}

/// A CSRF cookie we could have made: 32 hex digits.
fn plausible_csrf(value: &str) -> bool {
    value.len() == 32 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

impl FromRequest for Visit {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Visit, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = req
            .cookie(SESSION_COOKIE)
            .map(|c| c.value().to_string())
            .filter(|t| !t.is_empty());
        let mut visit = Visit::anonymous(req);
        Box::pin(async move {
            let state = state.ok_or_else(|| actix_web::error::ErrorInternalServerError(""))?;
            visit.secure = state.public_url.starts_with("https://");
            // An expired or revoked token is simply no session: the page asks to sign in.
            if let Some(token) = token {
                visit.user = state.core.authenticate(token).await.ok();
            }
            Ok(visit)
        })
    }
}

impl Visit {
    /// The visit without looking the session up (error pages outside any handler).
    pub fn anonymous(req: &HttpRequest) -> Visit {
        let (csrf, csrf_is_new) = match req.cookie(CSRF_COOKIE) {
            Some(c) if plausible_csrf(c.value()) => (c.value().to_string(), false),
            _ => (uuid::Uuid::new_v4().simple().to_string(), true),
        };
        let secure = req
            .app_data::<web::Data<AppState>>()
            .is_some_and(|state| state.public_url.starts_with("https://"));
        Visit {
            tr: language_of(req),
            user: None,
            csrf,
            csrf_is_new,
            here: req
                .uri()
                .path_and_query()
                .map(|p| p.as_str().to_string())
                .unwrap_or_else(|| "/".into()),
            secure,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_whole() {
        assert!(constant_time_eq(b"abcd", b"abcd"));
        assert!(!constant_time_eq(b"abcd", b"abce"));
        assert!(!constant_time_eq(b"abcd", b"abc"));
        assert!(plausible_csrf("0123456789abcdef0123456789abcdef"));
        assert!(!plausible_csrf("0123456789abcdef0123456789abcdeg"));
        assert!(!plausible_csrf(""));
    }
}
