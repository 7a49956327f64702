//! Creating and changing campuses and accounts, for the API and the `qadam admin`
//! commands alike: one validation, one set of rules, one audit row per real change.
//! The functions taking `&mut DbConn` run inside the caller's write transaction.

use crate::error::{found, CoreError, CoreResult};
use crate::tokens::SignedIn;
use crate::Core;
use qadam_db::models::{Campus, User};
use qadam_db::queries::audit::{self, AuditActor, Event};
use qadam_db::queries::{campuses, tokens, users};
use qadam_db::{DbConn, DbError};
use qadam_domain::{validate, Actor, CampusId, Role};
use serde_json::json;

/// A unique-key violation becomes a conflict with `code`; anything else stays a
/// database error.
fn taken_or(err: DbError, code: &'static str, message: impl FnOnce() -> String) -> CoreError {
    if err.is_unique_violation() {
        CoreError::conflict(code, message())
    } else {
        err.into()
    }
}

pub fn user_by_login(conn: &mut DbConn, login: &str) -> CoreResult<User> {
    found(users::by_login(conn, login)?, "user")
}

pub fn campus_by_slug(conn: &mut DbConn, slug: &str) -> CoreResult<Campus> {
    found(campuses::by_slug(conn, slug)?, "campus")
}

/// The id of the campus with this slug, named in a request: an unknown slug is the
/// caller's mistake (invalid), not a missing resource.
pub fn campus_id_named(conn: &mut DbConn, slug: &str) -> CoreResult<CampusId> {
    match campuses::by_slug(conn, slug)? {
        Some(campus) => Ok(CampusId::new(campus.id)),
        None => Err(CoreError::invalid(
            "campus",
            format!("there is no campus {slug}"),
        )),
    }
}

/// The campus a staff list covers: `None` means every campus (admins only). Admins see
/// everything or the campus they name; staff see their own campus only.
pub fn list_scope(
    conn: &mut DbConn,
    actor: &Actor,
    requested: Option<&str>,
) -> CoreResult<Option<CampusId>> {
    actor.require_staff()?;
    let campus_id = match (requested, actor.is_admin()) {
        (Some(slug), _) => Some(campus_id_named(conn, slug)?),
        (None, true) => None,
        (None, false) => actor.campus_id.clone(),
    };
    if !actor.manages_campus(campus_id.as_ref()) {
        return Err(qadam_domain::Denied("staff can only see their own campus").into());
    }
    Ok(campus_id)
}

pub struct NewCampus {
    pub slug: String,
    pub name: String,
    pub time_zone: String,
}

impl NewCampus {
    pub fn validate(&self) -> CoreResult<()> {
        validate::slug("slug", &self.slug)?;
        validate::display_text("name", &self.name, 100)?;
        validate::time_zone(&self.time_zone)?;
        Ok(())
    }
}

pub fn create_campus(conn: &mut DbConn, actor: &AuditActor, new: NewCampus) -> CoreResult<Campus> {
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

/// What a campus update may change; `None` keeps the value.
#[derive(Debug, Default)]
pub struct CampusChanges {
    pub name: Option<String>,
    pub time_zone: Option<String>,
}

/// Changes a campus (admins only). Only a real change is written and audited.
pub fn update_campus(
    conn: &mut DbConn,
    actor: &Actor,
    audit_actor: &AuditActor,
    slug: &str,
    changes: CampusChanges,
) -> CoreResult<Campus> {
    actor.require_admin()?;
    let before = campus_by_slug(conn, slug)?;
    let changed = Campus {
        name: changes.name.unwrap_or_else(|| before.name.clone()),
        time_zone: changes
            .time_zone
            .unwrap_or_else(|| before.time_zone.clone()),
        ..before.clone()
    };
    NewCampus {
        slug: changed.slug.clone(),
        name: changed.name.clone(),
        time_zone: changed.time_zone.clone(),
    }
    .validate()?;
    let mut diff = serde_json::Map::new();
    for (field, old, new) in [
        ("name", &before.name, &changed.name),
        ("time_zone", &before.time_zone, &changed.time_zone),
    ] {
        if old != new {
            diff.insert(field.into(), json!({"from": old, "to": new}));
        }
    }
    if diff.is_empty() {
        return Ok(before);
    }
    let changed = Campus {
        updated_at: qadam_db::now(),
        ..changed
    };
    campuses::update(conn, &changed)?;
    audit::record(
        conn,
        audit_actor,
        Event {
            action: "campus.update",
            subject_type: "campus",
            subject_id: &changed.id,
            campus_id: Some(&changed.id),
            details: serde_json::Value::Object(diff),
        },
    )?;
    Ok(changed)
}

/// An account to create. The password is checked by [`NewUser::validate`] and hashed
/// before the transaction (hashing is slow).
pub struct NewUser {
    pub login: String,
    pub display_name: String,
    pub email: Option<String>,
    pub role: Role,
    pub campus_id: Option<String>,
}

impl NewUser {
    pub fn validate(&self, password: &str) -> CoreResult<()> {
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
) -> CoreResult<User> {
    let now = qadam_db::now();
    let user = User {
        id: qadam_db::new_id(),
        login: new.login,
        display_name: new.display_name,
        email: new.email,
        role: new.role,
        campus_id: new.campus_id,
        password_hash,
        disabled: false,
        created_at: now,
        updated_at: now,
    };
    users::insert(conn, &user).map_err(|err| {
        taken_or(err, "login_taken", || {
            format!("the login {} is taken", user.login)
        })
    })?;
    if user.role == Role::Student {
        // A student starts with the campus's evaluation points.
        let settings = crate::evaluations::campus_settings(conn, user.campus_id.as_deref())?;
        crate::points::ensure_account(conn, &user.id, &settings, now)?;
    }
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
) -> CoreResult<User> {
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
        tokens::revoke_all_of_user(conn, &changed.id, now)?;
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
) -> CoreResult<()> {
    let now = qadam_db::now();
    users::set_password_hash(conn, &user.id, password_hash, now)?;
    tokens::revoke_all_of_user(conn, &user.id, now)?;
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

/// An account as a staff member asks to create it: the campus by slug (staff may
/// leave it out for their own campus).
pub struct AccountRequest {
    pub login: String,
    pub display_name: String,
    pub email: Option<String>,
    pub role: Role,
    pub campus: Option<String>,
    pub password: String,
}

/// What a staff member may change of an account; `None` keeps the value.
#[derive(Debug, Default)]
pub struct AccountChanges {
    pub display_name: Option<String>,
    pub email: Option<String>,
    pub role: Option<Role>,
    /// Campus slug to move the account to.
    pub campus: Option<String>,
    pub disabled: Option<bool>,
    /// A reset of someone else's password.
    pub password: Option<String>,
}

fn own_password_refused() -> CoreError {
    CoreError::denied(
        "current_password_required",
        "change your own password with PUT /api/v1/me/password, which asks for the current one",
    )
}

impl Core {
    /// Creates an account (staff: in their campus; admins: anywhere, admins included).
    pub async fn create_account(&self, me: &SignedIn, request: AccountRequest) -> CoreResult<User> {
        let actor = me.actor();
        actor.require_staff()?;
        let new = NewUser {
            login: request.login,
            display_name: request.display_name,
            email: request.email,
            role: request.role,
            campus_id: None,
        };
        new.validate(&request.password)?;
        let hash = self.passwords.hash(request.password).await?;
        let (audit_actor, campus) = (me.audit_actor(), request.campus);
        self.db
            .write(move |conn| {
                let campus_id = match (&campus, new.role) {
                    (Some(slug), _) => Some(campus_id_named(conn, slug)?),
                    (None, Role::Admin) => None,
                    (None, _) => actor.campus_id.clone(),
                };
                actor.may_create_user(new.role, campus_id.as_ref())?;
                let campus_id = campus_id.map(CampusId::into_string);
                create_user(conn, &audit_actor, NewUser { campus_id, ..new }, hash)
            })
            .await
    }

    /// Changes an account: staff within their campus, admins anywhere. A password here
    /// is a reset (staff: students of their campus; admins: anyone below admin) and
    /// never one's own, which goes through the current password.
    pub async fn change_account(
        &self,
        me: &SignedIn,
        login: String,
        mut changes: AccountChanges,
    ) -> CoreResult<User> {
        // Before anything else, so that a student trying it learns where to go too.
        if changes.password.is_some() && login == me.user.login {
            return Err(own_password_refused());
        }
        let actor = me.actor();
        actor.require_staff()?;
        if let Some(name) = &changes.display_name {
            validate::display_text("display_name", name, 100)?;
        }
        if let Some(email) = &changes.email {
            validate::email(email)?;
        }
        let hash = match changes.password.take() {
            Some(password) => {
                validate::password(&password)?;
                // Refuse before paying for the hash; the transaction below checks again.
                let (target, actor) = (login.clone(), actor.clone());
                self.db
                    .read(move |conn| {
                        let user = user_by_login(conn, &target)?;
                        Ok::<_, CoreError>(actor.may_reset_password(&user.target())?)
                    })
                    .await?;
                Some(self.passwords.hash(password).await?)
            }
            None => None,
        };
        let audit_actor = me.audit_actor();
        self.db
            .write(move |conn| {
                let before = user_by_login(conn, &login)?;
                let campus_id = match &changes.campus {
                    Some(slug) => Some(campus_id_named(conn, slug)?),
                    None => before.campus_id.clone().map(CampusId::new),
                };
                let role = changes.role.unwrap_or(before.role);
                actor.may_change_user(&before.target(), role, campus_id.as_ref())?;
                if hash.is_some() {
                    actor.may_reset_password(&before.target())?;
                }
                let campus_id = campus_id.map(CampusId::into_string);
                let changed = User {
                    display_name: changes
                        .display_name
                        .unwrap_or_else(|| before.display_name.clone()),
                    email: changes.email.or_else(|| before.email.clone()),
                    role,
                    campus_id,
                    disabled: changes.disabled.unwrap_or(before.disabled),
                    ..before.clone()
                };
                let user = update_user(conn, &audit_actor, &before, changed)?;
                if let Some(hash) = &hash {
                    set_password(conn, &audit_actor, &user, hash, PasswordSetBy::Reset)?;
                }
                Ok(user)
            })
            .await
    }
}
