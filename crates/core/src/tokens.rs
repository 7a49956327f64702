//! Access tokens: signed JWTs whose every issue is a row, so logging out, changing a
//! password or a role, disabling an account and rotating the secret take effect at once.

use crate::error::{CoreError, CoreResult};
use chrono::{Duration, NaiveDateTime};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use qadam_db::models::{AuthToken, User};
use qadam_db::queries::audit::{self, AuditActor, Event};
use qadam_db::queries::{secrets, tokens};
use qadam_db::DbConn;
use qadam_domain::Actor;
use serde::{Deserialize, Serialize};
use std::sync::{Arc, PoisonError, RwLock};

/// Access tokens name us as issuer and the API as audience; a token minted for another
/// purpose (with another audience) is refused.
pub const ISSUER: &str = "qadam";
pub const AUDIENCE: &str = "qadam-api";

/// The name of the token-signing secret in `app_secrets`.
pub const SECRET_NAME: &str = "jwt_hs256";

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

    pub fn verify(&self, token: &str) -> CoreResult<Claims> {
        self.decode(token).map_err(refusal)
    }

    fn decode(&self, token: &str) -> Result<Claims, jsonwebtoken::errors::Error> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
    }
}

fn refusal(err: jsonwebtoken::errors::Error) -> CoreError {
    use jsonwebtoken::errors::ErrorKind;
    match err.kind() {
        ErrorKind::ExpiredSignature => {
            CoreError::unauthenticated("the token has expired; log in again")
        }
        ErrorKind::InvalidAudience | ErrorKind::InvalidIssuer => {
            CoreError::unauthenticated("the token was not issued for this API")
        }
        _ => CoreError::unauthenticated("the token is not valid"),
    }
}

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
    pub fn from_database(conn: &mut DbConn, ttl_seconds: i64) -> CoreResult<KeyRing> {
        let secret = secrets::get_or_create(conn, SECRET_NAME, new_secret)?;
        Ok(KeyRing {
            keys: RwLock::new(Arc::new(TokenKeys::new(secret.as_bytes(), ttl_seconds))),
            in_database: true,
            ttl_seconds,
        })
    }

    /// From the settings: the configured secret, else the database's.
    pub fn from_settings(
        auth: &qadam_settings::AuthSettings,
        conn: &mut DbConn,
    ) -> CoreResult<KeyRing> {
        if auth.jwt_secret.is_empty() {
            KeyRing::from_database(conn, auth.token_ttl_seconds)
        } else {
            Ok(KeyRing::fixed(
                auth.jwt_secret.as_bytes(),
                auth.token_ttl_seconds,
            ))
        }
    }

    pub fn current(&self) -> Arc<TokenKeys> {
        self.keys
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The keys of the secret the database holds now (one primary-key read).
    pub fn refresh(&self, conn: &mut DbConn) -> CoreResult<Arc<TokenKeys>> {
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

    /// Checks a bearer token: its signature (with the database's current secret when
    /// ours no longer matches, since another process may have rotated it), its row
    /// (known, not revoked, not expired) and its account (present, not disabled).
    pub fn authenticate(
        &self,
        conn: &mut DbConn,
        token: &str,
        now: NaiveDateTime,
    ) -> CoreResult<SignedIn> {
        let claims = match self.current().decode(token) {
            Ok(claims) => claims,
            Err(err)
                if self.in_database
                    && *err.kind() == jsonwebtoken::errors::ErrorKind::InvalidSignature =>
            {
                self.refresh(conn)?.verify(token)?
            }
            Err(err) => return Err(refusal(err)),
        };
        let invalid = || CoreError::unauthenticated("the token is not valid");
        // The token, its account and the account's campus slug in one query.
        let (row, user, campus_slug) =
            tokens::with_account(conn, &claims.jti)?.ok_or_else(invalid)?;
        if row.user_id != claims.sub {
            return Err(invalid());
        }
        if row.revoked_at.is_some() {
            return Err(CoreError::unauthenticated(
                "the token was revoked; log in again",
            ));
        }
        // The row's expiry is the one we control; the JWT's `exp` was checked above
        // and must agree, but the stored one decides.
        if row.expires_at <= now {
            return Err(CoreError::unauthenticated(
                "the token has expired; log in again",
            ));
        }
        if user.disabled {
            return Err(CoreError::unauthenticated("the account is disabled"));
        }
        Ok(SignedIn {
            user,
            campus_slug,
            token_id: row.id,
            token_expires_at: row.expires_at,
        })
    }
}

/// The signed-in user of a request, with the id of the token that proved it.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: User,
    /// The slug of the user's campus, read with the token (admins may have none).
    pub campus_slug: Option<String>,
    pub token_id: String,
    /// When the token's row says it expires.
    pub token_expires_at: NaiveDateTime,
}

impl SignedIn {
    pub fn actor(&self) -> Actor {
        self.user.actor()
    }

    pub fn audit_actor(&self) -> AuditActor {
        AuditActor {
            user_id: Some(self.user.id.clone()),
            label: self.user.login.clone(),
        }
    }
}

/// Revokes one token (logging out).
pub fn revoke(conn: &mut DbConn, token_id: &str, now: NaiveDateTime) -> CoreResult<()> {
    Ok(tokens::revoke(conn, token_id, now)?)
}

/// Replaces the token-signing secret kept in the database and revokes every token, so
/// that everyone signs in again; returns how many tokens were revoked. Runs in the
/// caller's write transaction. Servers pick the new secret up by themselves.
pub fn rotate_secret(conn: &mut DbConn, actor: &AuditActor) -> CoreResult<usize> {
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
            role: qadam_domain::Role::Student,
            campus_id: None,
            password_hash: String::new(),
            disabled: false,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn tokens_round_trip_and_reject_other_keys() {
        let keys = TokenKeys::new(&[7; 32], 3600);
        let (row, signed) = keys.issue(&user(), qadam_db::now());
        let claims = keys.verify(&signed).unwrap();
        assert_eq!((claims.sub.as_str(), claims.jti), ("u1", row.id));
        let other = TokenKeys::new(&[8; 32], 3600);
        assert_eq!(other.verify(&signed).unwrap_err().code(), "unauthenticated");
    }

    #[test]
    fn expired_tokens_are_refused() {
        let keys = TokenKeys::new(&[7; 32], 3600);
        let (_, signed) = keys.issue(&user(), qadam_db::now() - Duration::hours(2));
        assert!(keys
            .verify(&signed)
            .unwrap_err()
            .to_string()
            .contains("expired"));
    }
}
