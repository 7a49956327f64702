//! Passwords, access tokens, and the extractor that turns a bearer token into the
//! signed-in user. A handler that takes [`AuthUser`] requires a valid, unrevoked token
//! of an active account; it never has to check that again.

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use argon2::password_hash::{rand_core::OsRng, PasswordHash, SaltString};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use chrono::{Duration, NaiveDateTime};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use qadam_db::models::{AuthToken, User};
use qadam_db::queries::audit::{self, AuditActor, Event};
use qadam_db::queries::{secrets, tokens, users};
use qadam_db::DbConn;
use qadam_domain::Actor;
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, PoisonError, RwLock};

/// Access tokens name us as issuer and the API as audience; a token minted for another
/// purpose (with another audience) is refused here.
pub const ISSUER: &str = "qadam";
pub const AUDIENCE: &str = "qadam-api";

/// Hashes a password with argon2id and a random salt. Slow on purpose: call it on a
/// blocking thread.
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 with default parameters accepts any password and salt")
        .to_string()
}

/// Checks a password against a stored hash; a malformed hash never matches.
pub fn verify_password(password: &str, stored_hash: &str) -> bool {
    match PasswordHash::new(stored_hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub jti: String,
    pub iat: i64,
    pub exp: i64,
    pub iss: String,
    pub aud: String,
}

/// Signs and checks access tokens with one HMAC secret.
pub struct TokenKeys {
    /// Kept to tell whether the database holds another secret now.
    secret: Vec<u8>,
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    pub ttl: Duration,
}

impl TokenKeys {
    pub fn new(secret: &[u8], ttl_seconds: i64) -> TokenKeys {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        validation.leeway = 0;
        TokenKeys {
            secret: secret.to_vec(),
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            ttl: Duration::seconds(ttl_seconds),
        }
    }

    /// A new token row for `user` and its signed form.
    pub fn issue(&self, user: &User, now: NaiveDateTime) -> (AuthToken, String) {
        let row = AuthToken {
            id: qadam_db::new_id(),
            user_id: user.id.clone(),
            issued_at: now,
            expires_at: now + self.ttl,
            revoked_at: None,
        };
        let claims = Claims {
            sub: user.id.clone(),
            jti: row.id.clone(),
            iat: now.and_utc().timestamp(),
            exp: row.expires_at.and_utc().timestamp(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
        };
        let signed = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .expect("HS256 signing cannot fail");
        (row, signed)
    }

    pub fn verify(&self, token: &str) -> ApiResult<Claims> {
        self.decode(token).map_err(refusal)
    }

    fn decode(&self, token: &str) -> Result<Claims, jsonwebtoken::errors::Error> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
    }
}

fn refusal(err: jsonwebtoken::errors::Error) -> ApiError {
    use jsonwebtoken::errors::ErrorKind;
    match err.kind() {
        ErrorKind::ExpiredSignature => {
            ApiError::unauthenticated("the token has expired; log in again")
        }
        ErrorKind::InvalidAudience | ErrorKind::InvalidIssuer => {
            ApiError::unauthenticated("the token was not issued for this API")
        }
        _ => ApiError::unauthenticated("the token is not valid"),
    }
}

/// The name of the token-signing secret in `app_secrets`.
pub const SECRET_NAME: &str = "jwt_hs256";

/// A new random token-signing secret (48 bytes, as hex).
pub fn new_secret() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 48];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The keys in use. With `auth.jwt_secret` configured they never change. Otherwise the
/// secret lives in the database, where `qadam admin rotate-secret` (another process)
/// may replace it; a server then takes the new one at its next login, and when a token
/// fails the signature check, so servers sharing a database agree without a restart.
pub struct KeyRing {
    keys: RwLock<Arc<TokenKeys>>,
    in_database: bool,
    ttl_seconds: i64,
}

impl KeyRing {
    pub fn fixed(secret: &[u8], ttl_seconds: i64) -> KeyRing {
        KeyRing {
            keys: RwLock::new(Arc::new(TokenKeys::new(secret, ttl_seconds))),
            in_database: false,
            ttl_seconds,
        }
    }

    /// The database's secret, created on first use.
    pub fn from_database(conn: &mut DbConn, ttl_seconds: i64) -> diesel::QueryResult<KeyRing> {
        let secret = secrets::get_or_create(conn, SECRET_NAME, new_secret)?;
        Ok(KeyRing {
            keys: RwLock::new(Arc::new(TokenKeys::new(secret.as_bytes(), ttl_seconds))),
            in_database: true,
            ttl_seconds,
        })
    }

    /// Whether the secret is the database's, which another process may replace.
    pub fn follows_database(&self) -> bool {
        self.in_database
    }

    pub fn current(&self) -> Arc<TokenKeys> {
        self.keys
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The keys of the secret the database holds now (one primary-key read).
    pub fn refresh(&self, conn: &mut DbConn) -> diesel::QueryResult<Arc<TokenKeys>> {
        let current = self.current();
        if !self.in_database {
            return Ok(current);
        }
        let secret = match secrets::get(conn, SECRET_NAME)? {
            Some(secret) => secret,
            None => secrets::get_or_create(conn, SECRET_NAME, new_secret)?,
        };
        if secret.as_bytes() == current.secret.as_slice() {
            return Ok(current);
        }
        let fresh = Arc::new(TokenKeys::new(secret.as_bytes(), self.ttl_seconds));
        *self.keys.write().unwrap_or_else(PoisonError::into_inner) = fresh.clone();
        tracing::info!("the token-signing secret was replaced in the database; using the new one");
        Ok(fresh)
    }
}

/// Replaces the token-signing secret kept in the database and revokes every token, so
/// that everyone signs in again; returns how many tokens were revoked. Runs in the
/// caller's write transaction. Servers pick the new secret up by themselves.
pub fn rotate_secret(conn: &mut DbConn, actor: &AuditActor) -> ApiResult<usize> {
    let now = qadam_db::now();
    secrets::replace(conn, SECRET_NAME, &new_secret())?;
    let revoked = tokens::revoke_all(conn, now)?;
    audit::record(
        conn,
        actor,
        Event {
            action: "auth.secret_rotate",
            subject_type: "app_secret",
            subject_id: SECRET_NAME,
            campus_id: None,
            details: serde_json::json!({"tokens_revoked": revoked}),
        },
    )?;
    Ok(revoked)
}

/// The signed-in user of a request, with the id of the token that proved it.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub user: User,
    pub token_id: String,
}

impl AuthUser {
    pub fn actor(&self) -> Actor {
        self.user.actor()
    }

    pub fn audit_actor(&self) -> qadam_db::queries::audit::AuditActor {
        qadam_db::queries::audit::AuditActor {
            user_id: Some(self.user.id.clone()),
            label: self.user.login.clone(),
        }
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
            let token = token?;
            let claims = match state.tokens.current().decode(&token) {
                Ok(claims) => claims,
                // Signed with another secret: perhaps the database's was rotated by
                // another process; look once with the secret it holds now.
                Err(err)
                    if state.tokens.follows_database()
                        && *err.kind() == jsonwebtoken::errors::ErrorKind::InvalidSignature =>
                {
                    let ring = state.clone();
                    let keys = state
                        .db
                        .read(move |conn| Ok(ring.tokens.refresh(conn)?))
                        .await?;
                    keys.verify(&token)?
                }
                Err(err) => return Err(refusal(err)),
            };
            state
                .db
                .read(move |conn| {
                    // An unknown token is the caller's problem; a database failure is ours.
                    let row = match tokens::by_id(conn, &claims.jti) {
                        Err(diesel::result::Error::NotFound) => {
                            return Err(ApiError::unauthenticated("the token is not valid"))
                        }
                        other => other?,
                    };
                    if row.user_id != claims.sub {
                        return Err(ApiError::unauthenticated("the token is not valid"));
                    }
                    if row.revoked_at.is_some() {
                        return Err(ApiError::unauthenticated(
                            "the token was revoked; log in again",
                        ));
                    }
                    // The row's expiry is the one we control; the JWT's `exp` was
                    // checked above and must agree, but the stored one decides.
                    if row.expires_at <= qadam_db::now() {
                        return Err(ApiError::unauthenticated(
                            "the token has expired; log in again",
                        ));
                    }
                    let user = match users::by_id(conn, &row.user_id) {
                        Err(diesel::result::Error::NotFound) => {
                            return Err(ApiError::unauthenticated("the account no longer exists"))
                        }
                        other => other?,
                    };
                    if user.disabled {
                        return Err(ApiError::unauthenticated("the account is disabled"));
                    }
                    Ok(AuthUser {
                        user,
                        token_id: row.id,
                    })
                })
                .await
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user() -> User {
        let now = qadam_db::now();
        User {
            id: "u1".into(),
            login: "jdoe".into(),
            display_name: "J".into(),
            email: None,
            role: "student".into(),
            campus_id: None,
            password_hash: String::new(),
            disabled: false,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn passwords_verify_only_themselves() {
        let hash = hash_password("correct horse battery");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse batterY", &hash));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn tokens_round_trip_and_reject_other_keys() {
        let keys = TokenKeys::new(&[7; 32], 3600);
        let (row, signed) = keys.issue(&user(), qadam_db::now());
        let claims = keys.verify(&signed).unwrap();
        assert_eq!((claims.sub.as_str(), claims.jti), ("u1", row.id));
        let other = TokenKeys::new(&[8; 32], 3600);
        assert_eq!(other.verify(&signed).unwrap_err().code, "unauthenticated");
    }

    #[test]
    fn expired_tokens_are_refused() {
        let keys = TokenKeys::new(&[7; 32], 3600);
        let (_, signed) = keys.issue(&user(), qadam_db::now() - Duration::hours(2));
        assert!(keys
            .verify(&signed)
            .unwrap_err()
            .message
            .contains("expired"));
    }
}
