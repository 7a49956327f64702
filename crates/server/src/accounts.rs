//! Creating and changing campuses and accounts. Shared by the API and the `qadam admin`
//! commands so both validate the same way and both leave audit rows. Every function
//! here runs inside the caller's write transaction.

use crate::error::{ApiError, ApiResult};
use qadam_db::models::{Campus, User};
use qadam_db::queries::audit::{self, AuditActor, Event};
use qadam_db::queries::{campuses, users};
use qadam_db::{DbConn, DbError};
use qadam_domain::{validate, Role};
use serde_json::json;

/// A unique-key violation becomes a 409 with `code`; anything else stays a database error.
fn taken_or(
    err: diesel::result::Error,
    code: &'static str,
    message: impl FnOnce() -> String,
) -> ApiError {
    let err = DbError::from(err);
    if err.is_unique_violation() {
        ApiError::conflict(code, message())
    } else {
        err.into()
    }
}

pub struct NewCampus {
    pub slug: String,
    pub name: String,
    pub time_zone: String,
}

impl NewCampus {
    pub fn validate(&self) -> ApiResult<()> {
        validate::slug("slug", &self.slug)?;
        validate::display_text("name", &self.name, 100)?;
        validate::time_zone(&self.time_zone)?;
        Ok(())
    }
}

pub fn create_campus(conn: &mut DbConn, actor: &AuditActor, new: NewCampus) -> ApiResult<Campus> {
    new.validate()?;
    let now = qadam_db::now();
    let campus = Campus {
        id: qadam_db::new_id(),
        slug: new.slug,
        name: new.name,
        time_zone: new.time_zone,
        created_at: now,
        updated_at: now,
    };
    campuses::insert(conn, &campus).map_err(|err| {
        taken_or(err, "slug_taken", || {
            format!("a campus with slug {} exists", campus.slug)
        })
    })?;
    audit::record(
        conn,
        actor,
        Event {
            action: "campus.create",
            subject_type: "campus",
            subject_id: &campus.id,
            campus_id: Some(&campus.id),
            details: json!({"slug": campus.slug, "name": campus.name, "time_zone": campus.time_zone}),
        },
    )?;
    Ok(campus)
}

/// An account to create. The password is checked by [`NewUser::validate`] and hashed
/// by the caller before the transaction (hashing is slow).
pub struct NewUser {
    pub login: String,
    pub display_name: String,
    pub email: Option<String>,
    pub role: Role,
    pub campus_id: Option<String>,
}

impl NewUser {
    pub fn validate(&self, password: &str) -> ApiResult<()> {
        validate::login(&self.login)?;
        validate::display_text("display_name", &self.display_name, 100)?;
        if let Some(email) = &self.email {
            validate::email(email)?;
        }
        validate::password(password)?;
        Ok(())
    }
}

pub fn create_user(
    conn: &mut DbConn,
    actor: &AuditActor,
    new: NewUser,
    password_hash: String,
) -> ApiResult<User> {
    let now = qadam_db::now();
    let user = User {
        id: qadam_db::new_id(),
        login: new.login,
        display_name: new.display_name,
        email: new.email,
        role: new.role.as_str().into(),
        campus_id: new.campus_id,
        password_hash,
        disabled: false,
        created_at: now,
        updated_at: now,
    };
    users::insert(conn, &user).map_err(|err| {
        let err = DbError::from(err);
        if err.is_unique_violation() {
            ApiError::conflict("login_taken", format!("the login {} is taken", user.login))
        } else {
            err.into()
        }
    })?;
    audit::record(
        conn,
        actor,
        Event {
            action: "user.create",
            subject_type: "user",
            subject_id: &user.id,
            campus_id: user.campus_id.as_deref(),
            details: json!({"login": user.login, "role": user.role}),
        },
    )?;
    Ok(user)
}

/// Writes `changed` over `before` and records what differs. Disabling an account or
/// changing its role revokes its tokens, so the change takes effect at once.
pub fn update_user(
    conn: &mut DbConn,
    actor: &AuditActor,
    before: &User,
    changed: User,
) -> ApiResult<User> {
    let mut diff = serde_json::Map::new();
    let mut note = |field: &str, old: serde_json::Value, new: serde_json::Value| {
        if old != new {
            diff.insert(field.into(), json!({"from": old, "to": new}));
        }
    };
    note(
        "display_name",
        json!(before.display_name),
        json!(changed.display_name),
    );
    note("email", json!(before.email), json!(changed.email));
    note("role", json!(before.role), json!(changed.role));
    note(
        "campus_id",
        json!(before.campus_id),
        json!(changed.campus_id),
    );
    note("disabled", json!(before.disabled), json!(changed.disabled));
    if diff.is_empty() {
        return Ok(changed);
    }
    let now = qadam_db::now();
    let changed = User {
        updated_at: now,
        ..changed
    };
    users::update(conn, &changed)?;
    if changed.disabled || changed.role != before.role {
        qadam_db::queries::tokens::revoke_all_of_user(conn, &changed.id, now)?;
    }
    let action = if changed.role != before.role {
        "user.role_change"
    } else {
        "user.update"
    };
    audit::record(
        conn,
        actor,
        Event {
            action,
            subject_type: "user",
            subject_id: &changed.id,
            campus_id: changed.campus_id.as_deref().or(before.campus_id.as_deref()),
            details: json!({"login": changed.login, "changes": diff}),
        },
    )?;
    Ok(changed)
}

/// Who sets a password: the account's owner, who gave the current one, or staff
/// resetting it without knowing it. The audit log tells the two apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordSetBy {
    Owner,
    Reset,
}

/// Sets a new password hash, revokes every token of the account, and records it
/// (without the hash).
pub fn set_password(
    conn: &mut DbConn,
    actor: &AuditActor,
    user: &User,
    password_hash: &str,
    by: PasswordSetBy,
) -> ApiResult<()> {
    let now = qadam_db::now();
    users::set_password_hash(conn, &user.id, password_hash, now)?;
    qadam_db::queries::tokens::revoke_all_of_user(conn, &user.id, now)?;
    let action = match by {
        PasswordSetBy::Owner => "user.password_change",
        PasswordSetBy::Reset => "user.password_reset",
    };
    audit::record(
        conn,
        actor,
        Event {
            action,
            subject_type: "user",
            subject_id: &user.id,
            campus_id: user.campus_id.as_deref(),
            details: json!({"login": user.login}),
        },
    )?;
    Ok(())
}
