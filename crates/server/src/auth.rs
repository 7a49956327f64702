//! The extractor that turns a bearer token into the signed-in user. A handler that
//! takes [`AuthUser`] requires a valid, unrevoked token of an active account; it never
//! has to check that again. The checks themselves are the core's.

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use qadam_core::SignedIn;
use std::future::Future;
use std::ops::Deref;
use std::pin::Pin;

/// The signed-in user of a request, with the id of the token that proved it.
#[derive(Debug, Clone)]
pub struct AuthUser(pub SignedIn);

impl Deref for AuthUser {
    type Target = SignedIn;

    fn deref(&self) -> &SignedIn {
        &self.0
    }
}

fn bearer_token(req: &HttpRequest) -> ApiResult<String> {
    let value = req.headers().get(header::AUTHORIZATION).ok_or_else(|| {
        ApiError::unauthenticated("log in first: this needs an Authorization: Bearer token")
    })?;
    let value = value
        .to_str()
        .map_err(|_| ApiError::unauthenticated("the Authorization header is not readable text"))?;
    match value.split_once(' ') {
        Some((scheme, token))
            if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
        {
            Ok(token.trim().to_string())
        }
        _ => Err(ApiError::unauthenticated(
            "the Authorization header must be 'Bearer <token>'",
        )),
    }
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = ApiResult<AuthUser>>>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer_token(req);
        Box::pin(async move {
            let state = state.ok_or_else(ApiError::internal)?;
            Ok(AuthUser(state.core.authenticate(token?).await?))
        })
    }
}
