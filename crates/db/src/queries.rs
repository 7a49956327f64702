//! Queries, one module per table. Each takes `&mut DbConn`, so it works on a pooled
//! connection and inside a transaction alike. A lookup by key answers `Ok(None)` when
//! there is no such row: absence is normal, not an error.

use crate::{DbConn, DbError};

/// Lists come a page at a time with the total of matching rows, counted in the same
/// query (`COUNT(*) OVER ()` beside each row) rather than by a second one.
pub mod paging {
    use crate::DbError;
    use diesel::dsl::sql;
    use diesel::expression::SqlLiteral;
    use diesel::sql_types::BigInt;

    /// Selected beside each row: how many rows match the query, ignoring its page.
    pub fn total_count() -> SqlLiteral<BigInt> {
        sql::<BigInt>("COUNT(*) OVER ()")
    }

    /// The rows of a page and the total they carry. A page past the end carries none:
    /// only then is the total asked for separately (`count`).
    pub fn split<T>(
        rows: Vec<(T, i64)>,
        count: impl FnOnce() -> Result<i64, DbError>,
    ) -> Result<(Vec<T>, i64), DbError> {
        let total = match rows.first() {
            Some((_, total)) => *total,
            None => count()?,
        };
        Ok((rows.into_iter().map(|(row, _)| row).collect(), total))
    }
}

pub mod blobs;
pub mod evaluations;
pub mod jobs;
pub mod notifications;
pub mod points;
pub mod slots;
pub mod submissions;
pub mod teams;
pub mod xp;

/// The cheapest round trip: whether the database answers at all.
pub fn ping(conn: &mut DbConn) -> Result<(), DbError> {
    use diesel::connection::SimpleConnection;
    Ok(conn.batch_execute("SELECT 1")?)
}

pub mod campuses {
    use super::paging::{split, total_count};
    use crate::models::Campus;
    use crate::schema::campuses::dsl;
    use crate::DbConn;
    use crate::DbError as Error;
    use diesel::prelude::*;
    use qadam_domain::Page;

    pub fn insert(conn: &mut DbConn, campus: &Campus) -> Result<(), Error> {
        Ok(diesel::insert_into(dsl::campuses)
            .values(campus)
            .execute(conn)
            .map(drop)?)
    }

    pub fn by_slug(conn: &mut DbConn, slug: &str) -> Result<Option<Campus>, Error> {
        Ok(dsl::campuses
            .filter(dsl::slug.eq(slug))
            .select(Campus::as_select())
            .first(conn)
            .optional()?)
    }

    pub fn by_id(conn: &mut DbConn, id: &str) -> Result<Option<Campus>, Error> {
        Ok(dsl::campuses
            .find(id)
            .select(Campus::as_select())
            .first(conn)
            .optional()?)
    }

    /// Every campus id with its slug (a school has dozens, not thousands).
    pub fn slugs_by_id(
        conn: &mut DbConn,
    ) -> Result<std::collections::HashMap<String, String>, Error> {
        let pairs: Vec<(String, String)> = dsl::campuses.select((dsl::id, dsl::slug)).load(conn)?;
        Ok(pairs.into_iter().collect())
    }

    /// A page of campuses ordered by slug, and the total count.
    pub fn list(conn: &mut DbConn, page: Page) -> Result<(Vec<Campus>, i64), Error> {
        let rows = dsl::campuses
            .order(dsl::slug.asc())
            .limit(page.limit())
            .offset(page.offset())
            .select((Campus::as_select(), total_count()))
            .load(conn)?;
        split(rows, || Ok(dsl::campuses.count().get_result(conn)?))
    }

    pub fn update(conn: &mut DbConn, campus: &Campus) -> Result<(), Error> {
        Ok(diesel::update(dsl::campuses.find(&campus.id))
            .set((
                dsl::name.eq(&campus.name),
                dsl::time_zone.eq(&campus.time_zone),
                dsl::updated_at.eq(campus.updated_at),
            ))
            .execute(conn)
            .map(drop)?)
    }
}

pub mod users {
    use super::paging::{split, total_count};
    use crate::models::User;
    use crate::schema::users::dsl;
    use crate::DbConn;
    use crate::DbError as Error;
    use diesel::prelude::*;
    use qadam_domain::Page;

    pub fn insert(conn: &mut DbConn, user: &User) -> Result<(), Error> {
        Ok(diesel::insert_into(dsl::users)
            .values(user.clone())
            .execute(conn)
            .map(drop)?)
    }

    pub fn by_login(conn: &mut DbConn, login: &str) -> Result<Option<User>, Error> {
        Ok(dsl::users
            .filter(dsl::login.eq(login))
            .select(User::as_select())
            .first(conn)
            .optional()?)
    }

    pub fn by_id(conn: &mut DbConn, id: &str) -> Result<Option<User>, Error> {
        Ok(dsl::users
            .find(id)
            .select(User::as_select())
            .first(conn)
            .optional()?)
    }

    /// A page of users ordered by login, optionally of one campus, and the total count.
    pub fn list(
        conn: &mut DbConn,
        campus_id: Option<&str>,
        page: Page,
    ) -> Result<(Vec<User>, i64), Error> {
        let filtered = || {
            let mut query = dsl::users.into_boxed();
            if let Some(campus_id) = campus_id {
                query = query.filter(dsl::campus_id.eq(campus_id.to_string()));
            }
            query
        };
        let rows = filtered()
            .order(dsl::login.asc())
            .limit(page.limit())
            .offset(page.offset())
            .select((User::as_select(), total_count()))
            .load(conn)?;
        split(rows, || Ok(filtered().count().get_result(conn)?))
    }

    pub fn count(conn: &mut DbConn) -> Result<i64, Error> {
        Ok(dsl::users.count().get_result(conn)?)
    }

    /// Writes the editable profile and account fields (not the password). Signed-in
    /// requests carry the account, so this is a sign-in change.
    pub fn update(conn: &mut DbConn, user: &User) -> Result<(), Error> {
        diesel::update(dsl::users.find(&user.id))
            .set((
                dsl::display_name.eq(&user.display_name),
                dsl::email.eq(&user.email),
                dsl::role.eq(user.role.as_str()),
                dsl::campus_id.eq(&user.campus_id),
                dsl::disabled.eq(user.disabled),
                dsl::updated_at.eq(user.updated_at),
            ))
            .execute(conn)?;
        super::generations::bump(conn, super::generations::Generation::SignIn)
    }

    pub fn set_password_hash(
        conn: &mut DbConn,
        user_id: &str,
        hash: &str,
        at: chrono::NaiveDateTime,
    ) -> Result<(), Error> {
        diesel::update(dsl::users.find(user_id))
            .set((dsl::password_hash.eq(hash), dsl::updated_at.eq(at)))
            .execute(conn)?;
        super::generations::bump(conn, super::generations::Generation::SignIn)
    }
}

/// Generations: counters that every change of one kind moves forward, so that
/// processes keeping derived answers in memory (verified tokens, curriculum answers)
/// know when to forget them. Each change also moves this process's own counter of that
/// kind, at once and again when its transaction commits (see
/// [`crate::DbConn::write`]), so the process that made it never answers from what it
/// knew before.
pub mod generations {
    use crate::schema::generations::dsl;
    use crate::DbConn;
    use crate::DbError as Error;
    use diesel::prelude::*;
    use std::cell::Cell;
    use std::sync::atomic::{AtomicU64, Ordering};

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Generation {
        /// Who may sign in: a token revoked, an account changed.
        SignIn,
        /// The curriculum: a catalog sync that changed something.
        Catalog,
    }

    impl Generation {
        fn name(self) -> &'static str {
            match self {
                Generation::SignIn => "sign_in",
                Generation::Catalog => "catalog",
            }
        }

        fn index(self) -> usize {
            self as usize
        }
    }

    static LOCAL_CHANGES: [AtomicU64; 2] = [AtomicU64::new(0), AtomicU64::new(0)];

    thread_local! {
        /// The kinds the transaction running on this thread changed (bit per kind).
        static PENDING: Cell<u8> = const { Cell::new(0) };
    }

    pub fn read(conn: &mut DbConn, kind: Generation) -> Result<i64, Error> {
        Ok(dsl::generations
            .find(kind.name())
            .select(dsl::generation)
            .first(conn)?)
    }

    /// Records a change of this kind.
    pub fn bump(conn: &mut DbConn, kind: Generation) -> Result<(), Error> {
        diesel::update(dsl::generations.find(kind.name()))
            .set(dsl::generation.eq(dsl::generation + 1))
            .execute(conn)?;
        LOCAL_CHANGES[kind.index()].fetch_add(1, Ordering::SeqCst);
        PENDING.with(|pending| pending.set(pending.get() | 1 << kind.index()));
        Ok(())
    }

    /// How many changes of this kind this process has made (in memory, never stored).
    pub fn local_changes(kind: Generation) -> u64 {
        LOCAL_CHANGES[kind.index()].load(Ordering::SeqCst)
    }

    /// The transaction on this thread ended: a committed change counts once more, so
    /// what was read while it was in flight is not trusted after it.
    pub(crate) fn transaction_ended(committed: bool) {
        let pending = PENDING.with(|pending| pending.replace(0));
        if committed {
            for kind in [Generation::SignIn, Generation::Catalog] {
                if pending & 1 << kind.index() != 0 {
                    LOCAL_CHANGES[kind.index()].fetch_add(1, Ordering::SeqCst);
                }
            }
        }
    }
}

pub mod tokens {
    use crate::models::{AuthToken, User};
    use crate::schema::auth_tokens::dsl;
    use crate::schema::{campuses, users};
    use crate::DbConn;
    use crate::DbError as Error;
    use chrono::NaiveDateTime;
    use diesel::prelude::*;

    pub fn insert(conn: &mut DbConn, token: &AuthToken) -> Result<(), Error> {
        Ok(diesel::insert_into(dsl::auth_tokens)
            .values(token)
            .execute(conn)
            .map(drop)?)
    }

    pub fn by_id(conn: &mut DbConn, id: &str) -> Result<Option<AuthToken>, Error> {
        Ok(dsl::auth_tokens
            .find(id)
            .select(AuthToken::as_select())
            .first(conn)
            .optional()?)
    }

    /// A token with its account and the slug of the account's campus, in one query:
    /// everything a request's authentication reads.
    pub fn with_account(
        conn: &mut DbConn,
        id: &str,
    ) -> Result<Option<(AuthToken, User, Option<String>)>, Error> {
        Ok(dsl::auth_tokens
            .find(id)
            .inner_join(users::table.left_join(campuses::table))
            .select((
                AuthToken::as_select(),
                User::as_select(),
                campuses::slug.nullable(),
            ))
            .first(conn)
            .optional()?)
    }

    /// Marks one token revoked; revoking twice keeps the first time.
    pub fn revoke(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> Result<(), Error> {
        diesel::update(dsl::auth_tokens.find(id).filter(dsl::revoked_at.is_null()))
            .set(dsl::revoked_at.eq(at))
            .execute(conn)?;
        super::generations::bump(conn, super::generations::Generation::SignIn)
    }

    /// Revokes every live token of a user (password change, account disabled).
    pub fn revoke_all_of_user(
        conn: &mut DbConn,
        user_id: &str,
        at: NaiveDateTime,
    ) -> Result<usize, Error> {
        let revoked = diesel::update(
            dsl::auth_tokens
                .filter(dsl::user_id.eq(user_id))
                .filter(dsl::revoked_at.is_null())
                .filter(dsl::expires_at.gt(at)),
        )
        .set(dsl::revoked_at.eq(at))
        .execute(conn)?;
        super::generations::bump(conn, super::generations::Generation::SignIn)?;
        Ok(revoked)
    }

    /// Revokes every live token of everyone (the signing secret was replaced).
    pub fn revoke_all(conn: &mut DbConn, at: NaiveDateTime) -> Result<usize, Error> {
        let revoked = diesel::update(
            dsl::auth_tokens
                .filter(dsl::revoked_at.is_null())
                .filter(dsl::expires_at.gt(at)),
        )
        .set(dsl::revoked_at.eq(at))
        .execute(conn)?;
        super::generations::bump(conn, super::generations::Generation::SignIn)?;
        Ok(revoked)
    }

    /// Forgets tokens that expired before `before`; they can no longer be used anyway.
    pub fn delete_expired(conn: &mut DbConn, before: NaiveDateTime) -> Result<usize, Error> {
        Ok(diesel::delete(dsl::auth_tokens.filter(dsl::expires_at.lt(before))).execute(conn)?)
    }
}

pub mod login_failures {
    use crate::models::LoginFailure;
    use crate::schema::login_failures::dsl;
    use crate::DbConn;
    use crate::DbError as Error;
    use chrono::NaiveDateTime;
    use diesel::prelude::*;

    pub fn insert(conn: &mut DbConn, failure: &LoginFailure) -> Result<(), Error> {
        Ok(diesel::insert_into(dsl::login_failures)
            .values(failure)
            .execute(conn)
            .map(drop)?)
    }

    /// The latest `limit` failure times for a login since `since`, most recent first.
    pub fn recent_for_login(
        conn: &mut DbConn,
        login: &str,
        since: NaiveDateTime,
        limit: i64,
    ) -> Result<Vec<NaiveDateTime>, Error> {
        Ok(dsl::login_failures
            .filter(dsl::login.eq(login))
            .filter(dsl::failed_at.gt(since))
            .order(dsl::failed_at.desc())
            .limit(limit)
            .select(dsl::failed_at)
            .load(conn)?)
    }

    /// The latest `limit` failure times from an address since `since`, most recent first.
    pub fn recent_for_address(
        conn: &mut DbConn,
        address: &str,
        since: NaiveDateTime,
        limit: i64,
    ) -> Result<Vec<NaiveDateTime>, Error> {
        Ok(dsl::login_failures
            .filter(dsl::address.eq(address))
            .filter(dsl::failed_at.gt(since))
            .order(dsl::failed_at.desc())
            .limit(limit)
            .select(dsl::failed_at)
            .load(conn)?)
    }

    /// Makes attempts on the same login, or from the same address, take their turn
    /// until the calling transaction ends, so that counting the earlier failures and
    /// recording this one cannot interleave with another attempt. SQLite needs nothing:
    /// its write transactions (`DbConn::write`) already run one at a time.
    pub fn lock_for_attempt(conn: &mut DbConn, login: &str, address: &str) -> Result<(), Error> {
        use diesel::sql_types::Text;
        if let DbConn::Postgres(pg) = conn {
            // Two key spaces (1: logins, 2: addresses), always taken in that order, so
            // two attempts can never wait for each other in a circle.
            diesel::sql_query("SELECT pg_advisory_xact_lock(1, hashtext($1))")
                .bind::<Text, _>(login)
                .execute(pg)?;
            diesel::sql_query("SELECT pg_advisory_xact_lock(2, hashtext($1))")
                .bind::<Text, _>(address)
                .execute(pg)?;
        }
        Ok(())
    }

    pub fn delete(conn: &mut DbConn, id: &str) -> Result<usize, Error> {
        Ok(diesel::delete(dsl::login_failures.find(id)).execute(conn)?)
    }

    /// A successful login wipes that login's failures (not the address's).
    pub fn clear_login(conn: &mut DbConn, login: &str) -> Result<usize, Error> {
        Ok(diesel::delete(dsl::login_failures.filter(dsl::login.eq(login))).execute(conn)?)
    }

    pub fn delete_older_than(conn: &mut DbConn, before: NaiveDateTime) -> Result<usize, Error> {
        Ok(diesel::delete(dsl::login_failures.filter(dsl::failed_at.lt(before))).execute(conn)?)
    }
}

pub mod audit {
    use super::paging::{split, total_count};
    use crate::models::AuditEntry;
    use crate::schema::audit_log::dsl;
    use crate::DbConn;
    use crate::DbError as Error;
    use diesel::prelude::*;
    use qadam_domain::Page;

    /// Who did something: a signed-in user, or the command line on the server.
    #[derive(Debug, Clone)]
    pub struct AuditActor {
        pub user_id: Option<String>,
        pub label: String,
    }

    impl AuditActor {
        pub fn cli() -> AuditActor {
            AuditActor {
                user_id: None,
                label: "qadam-cli".into(),
            }
        }
    }

    pub struct Event<'a> {
        pub action: &'a str,
        pub subject_type: &'a str,
        pub subject_id: &'a str,
        pub campus_id: Option<&'a str>,
        pub details: serde_json::Value,
    }

    pub fn record(conn: &mut DbConn, actor: &AuditActor, event: Event<'_>) -> Result<(), Error> {
        let entry = AuditEntry {
            id: crate::new_id(),
            at: crate::now(),
            actor_id: actor.user_id.clone(),
            actor_label: actor.label.clone(),
            action: event.action.to_string(),
            subject_type: event.subject_type.to_string(),
            subject_id: event.subject_id.to_string(),
            campus_id: event.campus_id.map(str::to_string),
            details: event.details.to_string(),
        };
        Ok(diesel::insert_into(dsl::audit_log)
            .values(&entry)
            .execute(conn)
            .map(drop)?)
    }

    /// The newest entry of one action, such as `catalog.sync`.
    pub fn latest_of_action(conn: &mut DbConn, action: &str) -> Result<Option<AuditEntry>, Error> {
        Ok(dsl::audit_log
            .filter(dsl::action.eq(action.to_string()))
            .order((dsl::at.desc(), dsl::id.desc()))
            .select(AuditEntry::as_select())
            .first(conn)
            .optional()?)
    }

    /// Newest first, optionally of one campus.
    pub fn list(
        conn: &mut DbConn,
        campus_id: Option<&str>,
        page: Page,
    ) -> Result<(Vec<AuditEntry>, i64), Error> {
        let filtered = || {
            let mut query = dsl::audit_log.into_boxed();
            if let Some(campus_id) = campus_id {
                query = query.filter(dsl::campus_id.eq(campus_id.to_string()));
            }
            query
        };
        let rows = filtered()
            .order((dsl::at.desc(), dsl::id.desc()))
            .limit(page.limit())
            .offset(page.offset())
            .select((AuditEntry::as_select(), total_count()))
            .load(conn)?;
        split(rows, || Ok(filtered().count().get_result(conn)?))
    }
}

pub mod secrets {
    use crate::models::AppSecret;
    use crate::schema::app_secrets::dsl;
    use crate::DbConn;
    use crate::DbError as Error;
    use diesel::prelude::*;

    /// The secret called `name`, created with `generate` if there is none yet. When two
    /// processes race to create it, both end up with the one that was stored first.
    pub fn get_or_create(
        conn: &mut DbConn,
        name: &str,
        generate: impl FnOnce() -> String,
    ) -> Result<String, Error> {
        let candidate = AppSecret {
            name: name.to_string(),
            value: generate(),
            created_at: crate::now(),
        };
        match conn {
            DbConn::Postgres(pg) => diesel::insert_into(dsl::app_secrets)
                .values(&candidate)
                .on_conflict_do_nothing()
                .execute(pg)?,
            DbConn::Sqlite(sqlite) => diesel::insert_or_ignore_into(dsl::app_secrets)
                .values(&candidate)
                .execute(sqlite)?,
        };
        Ok(dsl::app_secrets.find(name).select(dsl::value).first(conn)?)
    }

    pub fn get(conn: &mut DbConn, name: &str) -> Result<Option<String>, Error> {
        Ok(dsl::app_secrets
            .find(name)
            .select(dsl::value)
            .first(conn)
            .optional()?)
    }

    /// Sets the secret called `name` to `value`, whether or not it existed.
    pub fn replace(conn: &mut DbConn, name: &str, value: &str) -> Result<(), Error> {
        let now = crate::now();
        let updated = diesel::update(dsl::app_secrets.find(name))
            .set((dsl::value.eq(value), dsl::created_at.eq(now)))
            .execute(conn)?;
        if updated == 0 {
            diesel::insert_into(dsl::app_secrets)
                .values(&AppSecret {
                    name: name.to_string(),
                    value: value.to_string(),
                    created_at: now,
                })
                .execute(conn)?;
        }
        Ok(())
    }
}

/// The curriculum: projects, their immutable versions and subjects (written by
/// `qadam catalog sync`, read by the API).
pub mod projects {
    use super::paging::{split, total_count};
    use crate::models::{ProjectRow, ProjectSubject, ProjectVersion};
    use crate::schema::{cursus_projects, project_subjects, project_versions, projects};
    use crate::DbConn;
    use crate::DbError as Error;
    use diesel::prelude::*;
    use qadam_domain::Page;

    pub fn by_id(conn: &mut DbConn, id: &str) -> Result<Option<ProjectRow>, Error> {
        Ok(projects::table
            .find(id)
            .select(ProjectRow::as_select())
            .first(conn)
            .optional()?)
    }

    pub fn all(conn: &mut DbConn) -> Result<Vec<ProjectRow>, Error> {
        Ok(projects::table
            .order(projects::slug.asc())
            .select(ProjectRow::as_select())
            .load(conn)?)
    }

    pub fn count(conn: &mut DbConn) -> Result<i64, Error> {
        Ok(projects::table.count().get_result(conn)?)
    }

    /// Every project with the content hash of its current version, in one query.
    pub fn all_with_current_hash(conn: &mut DbConn) -> Result<Vec<(ProjectRow, String)>, Error> {
        Ok(projects::table
            .inner_join(
                project_versions::table.on(project_versions::project_id
                    .eq(projects::id)
                    .and(project_versions::version.eq(projects::current_version))),
            )
            .order(projects::slug.asc())
            .select((ProjectRow::as_select(), project_versions::content_hash))
            .load(conn)?)
    }

    pub fn insert(conn: &mut DbConn, project: &ProjectRow) -> Result<(), Error> {
        Ok(diesel::insert_into(projects::table)
            .values(project.clone())
            .execute(conn)
            .map(drop)?)
    }

    pub fn update(conn: &mut DbConn, project: &ProjectRow) -> Result<(), Error> {
        Ok(diesel::update(projects::table.find(&project.id))
            .set((
                projects::kind.eq(project.kind.as_str()),
                projects::name.eq(&project.name),
                projects::current_version.eq(project.current_version),
                projects::archived_at.eq(project.archived_at),
                projects::updated_at.eq(project.updated_at),
            ))
            .execute(conn)
            .map(drop)?)
    }

    pub fn insert_version(
        conn: &mut DbConn,
        version: &ProjectVersion,
        subjects: &[ProjectSubject],
    ) -> Result<(), Error> {
        diesel::insert_into(project_versions::table)
            .values(version)
            .execute(conn)?;
        for subject in subjects {
            diesel::insert_into(project_subjects::table)
                .values(subject)
                .execute(conn)?;
        }
        Ok(())
    }

    pub fn version(
        conn: &mut DbConn,
        project_id: &str,
        version: i32,
    ) -> Result<Option<ProjectVersion>, Error> {
        Ok(project_versions::table
            .filter(project_versions::project_id.eq(project_id))
            .filter(project_versions::version.eq(version))
            .select(ProjectVersion::as_select())
            .first(conn)
            .optional()?)
    }

    pub fn version_number(conn: &mut DbConn, version_id: &str) -> Result<Option<i32>, Error> {
        Ok(project_versions::table
            .find(version_id)
            .select(project_versions::version)
            .first(conn)
            .optional()?)
    }

    /// What only the grader reads of a version (hidden tests, harness files).
    pub fn grading_of(conn: &mut DbConn, version_id: &str) -> Result<Option<String>, Error> {
        Ok(project_versions::table
            .find(version_id)
            .select(project_versions::grading)
            .first::<Option<String>>(conn)
            .optional()?
            .flatten())
    }

    pub fn versions_of(conn: &mut DbConn, project_id: &str) -> Result<Vec<ProjectVersion>, Error> {
        Ok(project_versions::table
            .filter(project_versions::project_id.eq(project_id))
            .order(project_versions::version.asc())
            .select(ProjectVersion::as_select())
            .load(conn)?)
    }

    /// A project and its current version.
    pub fn current_by_slug(
        conn: &mut DbConn,
        slug: &str,
    ) -> Result<Option<(ProjectRow, ProjectVersion)>, Error> {
        let project: Option<ProjectRow> = projects::table
            .filter(projects::slug.eq(slug))
            .select(ProjectRow::as_select())
            .first(conn)
            .optional()?;
        let Some(project) = project else {
            return Ok(None);
        };
        // Every project has its current version (written in the same transaction).
        let version = version(conn, &project.id, project.current_version)?
            .ok_or(Error::Query(diesel::result::Error::NotFound))?;
        Ok(Some((project, version)))
    }

    /// Every project not archived, with its current version's id, in one query.
    pub fn all_current(conn: &mut DbConn) -> Result<Vec<(ProjectRow, String)>, Error> {
        Ok(projects::table
            .inner_join(
                project_versions::table.on(project_versions::project_id
                    .eq(projects::id)
                    .and(project_versions::version.eq(projects::current_version))),
            )
            .filter(projects::archived_at.is_null())
            .select((ProjectRow::as_select(), project_versions::id))
            .load(conn)?)
    }

    /// A project with the id and content hash of its current version, in one query and
    /// without the version's (large) definition and grading columns.
    pub fn current_meta_by_slug(
        conn: &mut DbConn,
        slug: &str,
    ) -> Result<Option<(ProjectRow, String, String)>, Error> {
        Ok(projects::table
            .inner_join(
                project_versions::table.on(project_versions::project_id
                    .eq(projects::id)
                    .and(project_versions::version.eq(projects::current_version))),
            )
            .filter(projects::slug.eq(slug))
            .select((
                ProjectRow::as_select(),
                project_versions::id,
                project_versions::content_hash,
            ))
            .first(conn)
            .optional()?)
    }

    /// The public definitions (JSON) of the given versions, as `(version id, definition)`.
    pub fn definitions(
        conn: &mut DbConn,
        version_ids: &[String],
    ) -> Result<Vec<(String, String)>, Error> {
        if version_ids.is_empty() {
            return Ok(Vec::new());
        }
        Ok(project_versions::table
            .filter(project_versions::id.eq_any(version_ids))
            .select((project_versions::id, project_versions::definition))
            .load(conn)?)
    }

    pub fn subjects_of(conn: &mut DbConn, version_id: &str) -> Result<Vec<ProjectSubject>, Error> {
        Ok(project_subjects::table
            .filter(project_subjects::version_id.eq(version_id))
            .order(project_subjects::language.asc())
            .select(ProjectSubject::as_select())
            .load(conn)?)
    }

    pub struct Filter<'a> {
        pub cursus_id: Option<&'a str>,
        pub kind: Option<&'a str>,
        pub include_archived: bool,
    }

    /// A page of projects with the id of their current version, by slug, and the total
    /// count. The versions' definitions are not read: callers keep them parsed per
    /// version id (a version never changes) and ask `definitions` for those they lack.
    pub fn list(
        conn: &mut DbConn,
        filter: &Filter<'_>,
        page: Page,
    ) -> Result<(Vec<(ProjectRow, String)>, i64), Error> {
        let filtered = || {
            let mut query = projects::table
                .inner_join(
                    project_versions::table.on(project_versions::project_id
                        .eq(projects::id)
                        .and(project_versions::version.eq(projects::current_version))),
                )
                .into_boxed();
            if let Some(cursus_id) = filter.cursus_id {
                query = query.filter(
                    projects::id.eq_any(
                        cursus_projects::table
                            .filter(cursus_projects::cursus_id.eq(cursus_id.to_string()))
                            .select(cursus_projects::project_id),
                    ),
                );
            }
            if let Some(kind) = filter.kind {
                query = query.filter(projects::kind.eq(kind.to_string()));
            }
            if !filter.include_archived {
                query = query.filter(projects::archived_at.is_null());
            }
            query
        };
        let rows: Vec<(ProjectRow, String, i64)> = filtered()
            .order(projects::slug.asc())
            .limit(page.limit())
            .offset(page.offset())
            .select((ProjectRow::as_select(), project_versions::id, total_count()))
            .load(conn)?;
        let rows = rows
            .into_iter()
            .map(|(project, version, total)| ((project, version), total))
            .collect();
        split(rows, || Ok(filtered().count().get_result(conn)?))
    }
}

pub mod cursus {
    use crate::models::{CursusProject, CursusRow};
    use crate::schema::{cursus, cursus_projects, projects};
    use crate::DbConn;
    use crate::DbError as Error;
    use diesel::prelude::*;

    pub fn all(conn: &mut DbConn) -> Result<Vec<CursusRow>, Error> {
        Ok(cursus::table
            .order(cursus::slug.asc())
            .select(CursusRow::as_select())
            .load(conn)?)
    }

    pub fn by_slug(conn: &mut DbConn, slug: &str) -> Result<Option<CursusRow>, Error> {
        Ok(cursus::table
            .filter(cursus::slug.eq(slug))
            .select(CursusRow::as_select())
            .first(conn)
            .optional()?)
    }

    pub fn insert(conn: &mut DbConn, row: &CursusRow) -> Result<(), Error> {
        Ok(diesel::insert_into(cursus::table)
            .values(row)
            .execute(conn)
            .map(drop)?)
    }

    pub fn update(conn: &mut DbConn, row: &CursusRow) -> Result<(), Error> {
        Ok(diesel::update(cursus::table.find(&row.id))
            .set((
                cursus::name.eq(&row.name),
                cursus::summary.eq(&row.summary),
                cursus::content_hash.eq(&row.content_hash),
                cursus::translations.eq(&row.translations),
                cursus::archived_at.eq(row.archived_at),
                cursus::updated_at.eq(row.updated_at),
            ))
            .execute(conn)
            .map(drop)?)
    }

    /// Replaces the cursus's stages.
    pub fn set_projects(
        conn: &mut DbConn,
        cursus_id: &str,
        rows: &[CursusProject],
    ) -> Result<(), Error> {
        diesel::delete(cursus_projects::table.filter(cursus_projects::cursus_id.eq(cursus_id)))
            .execute(conn)?;
        for row in rows {
            diesel::insert_into(cursus_projects::table)
                .values(row)
                .execute(conn)?;
        }
        Ok(())
    }

    /// The cursus's projects in stage order, with each project's slug, name and kind.
    pub fn projects_of(
        conn: &mut DbConn,
        cursus_id: &str,
    ) -> Result<Vec<(CursusProject, String, String, String)>, Error> {
        Ok(cursus_projects::table
            .inner_join(projects::table)
            .filter(cursus_projects::cursus_id.eq(cursus_id))
            .order((
                cursus_projects::stage.asc(),
                cursus_projects::position.asc(),
            ))
            .select((
                CursusProject::as_select(),
                projects::slug,
                projects::name,
                projects::kind,
            ))
            .load(conn)?)
    }
}
