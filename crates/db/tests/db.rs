//! Storage tests against real databases: a fresh SQLite file and a fresh PostgreSQL
//! database per test.

use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};
use qadam_db::models::{Campus, User};
use qadam_db::queries::{audit, campuses, login_failures, secrets, users};
use qadam_db::{DbConn, DbError};
use qadam_testkit::{both_backends, TestBackend, TestDatabase};
use std::collections::BTreeSet;

fn migrated(db: &TestDatabase) -> DbConn {
    let mut conn = DbConn::open(&db.url).expect("connect");
    conn.migrate().expect("migrate");
    conn
}

fn campus(slug: &str) -> Campus {
    let now = qadam_db::now();
    Campus {
        id: qadam_db::new_id(),
        slug: slug.into(),
        name: format!("Campus {slug}"),
        time_zone: "Asia/Almaty".into(),
        created_at: now,
        updated_at: now,
    }
}

fn user(login: &str, campus_id: Option<String>) -> User {
    let now = qadam_db::now();
    User {
        id: qadam_db::new_id(),
        login: login.into(),
        display_name: login.to_uppercase(),
        email: None,
        role: qadam_domain::Role::Student,
        campus_id,
        password_hash: "x".into(),
        disabled: false,
        created_at: now,
        updated_at: now,
    }
}

// ---- the schema check: both migration sets produce exactly src/schema.rs ----

#[derive(QueryableByName)]
struct ColumnRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    column_type: String,
    #[diesel(sql_type = Integer)]
    nullable: i32,
}

/// Maps a column's declared SQL type to the diesel type `print-schema` would write.
fn diesel_type(sql_type: &str) -> String {
    match sql_type.to_ascii_lowercase().as_str() {
        "text" => "Text",
        "integer" | "int4" => "Integer",
        "bigint" | "int8" => "BigInt",
        "boolean" | "bool" => "Bool",
        "timestamp" | "timestamp without time zone" => "Timestamp",
        "double precision" | "double" => "Double",
        "bytea" | "blob" => "Binary",
        other => panic!("column type {other} has no portable diesel type: add it here or avoid it"),
    }
    .to_string()
}

fn introspect(conn: &mut DbConn) -> BTreeSet<String> {
    let query = match conn {
        DbConn::Sqlite(_) => {
            "SELECT m.name AS table_name, p.name AS column_name, p.type AS column_type, \
             CASE WHEN p.\"notnull\" = 1 THEN 0 ELSE 1 END AS nullable \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
             AND m.name <> '__diesel_schema_migrations'"
        }
        DbConn::Postgres(_) => {
            "SELECT table_name::text AS table_name, column_name::text AS column_name, \
             data_type::text AS column_type, \
             CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END AS nullable \
             FROM information_schema.columns WHERE table_schema = current_schema() \
             AND table_name <> '__diesel_schema_migrations'"
        }
    };
    let rows: Vec<ColumnRow> = diesel::sql_query(query).load(conn).expect("introspect");
    rows.into_iter()
        .map(|row| {
            let ty = diesel_type(&row.column_type);
            let ty = if row.nullable == 1 {
                format!("Nullable<{ty}>")
            } else {
                ty
            };
            format!("{}.{} -> {}", row.table_name, row.column_name, ty)
        })
        .collect()
}

/// The columns declared in src/schema.rs, in the same `table.column -> Type` form.
fn declared_schema() -> BTreeSet<String> {
    let text = include_str!("../src/schema.rs");
    let mut columns = BTreeSet::new();
    let mut table: Option<String> = None;
    for line in text.lines().map(str::trim) {
        if let Some((name, _)) = line.strip_suffix('{').and_then(|l| l.split_once(" (")) {
            table = Some(name.trim().to_string());
        } else if line == "}" {
            table = None;
        } else if let (Some(table), Some((column, ty))) = (&table, line.split_once(" -> ")) {
            columns.insert(format!("{table}.{column} -> {}", ty.trim_end_matches(',')));
        }
    }
    columns
}

#[test]
fn both_migration_sets_produce_schema_rs() {
    let declared = declared_schema();
    assert!(
        declared.len() > 20,
        "parsed too few columns from schema.rs: {declared:?}"
    );
    for backend in [TestBackend::Sqlite, TestBackend::Postgres] {
        let db = TestDatabase::fresh(backend);
        let actual = introspect(&mut migrated(&db));
        let missing: Vec<_> = declared.difference(&actual).collect();
        let extra: Vec<_> = actual.difference(&declared).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{backend:?}: schema.rs and the migrations disagree\n in schema.rs only: {missing:#?}\n in the database only: {extra:#?}"
        );
    }
}

#[test]
fn both_backends_have_the_same_migration_names() {
    let names = |backend: &str| -> BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../migrations")
            .join(backend);
        std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names("sqlite"), names("postgres"));
}

// ---- the SQLite file on disk ----

/// The permission bits in octal, as `ls -l` and chmod speak of them.
fn mode(path: &std::path::Path) -> String {
    use std::os::unix::fs::PermissionsExt;
    format!(
        "{:o}",
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    )
}

fn conn_of(file: &std::path::Path) -> DbConn {
    DbConn::open(&format!("sqlite://{}", file.display())).unwrap()
}

#[test]
fn a_new_sqlite_database_is_private() {
    let db = TestDatabase::fresh(TestBackend::Sqlite);
    let scratch = db.scratch_dir();
    let file = scratch.join("data/nested/qadam.sqlite3");
    let mut conn = conn_of(&file);
    conn.migrate().unwrap();
    assert_eq!(mode(&scratch.join("data")), "700");
    assert_eq!(mode(&scratch.join("data/nested")), "700");
    for name in ["qadam.sqlite3", "qadam.sqlite3-wal", "qadam.sqlite3-shm"] {
        let path = file.with_file_name(name);
        assert!(path.exists(), "{name} exists while the database is open");
        assert_eq!(mode(&path), "600", "{name}");
    }
}

#[test]
fn an_existing_sqlite_file_is_made_private() {
    use std::os::unix::fs::PermissionsExt;
    let db = TestDatabase::fresh(TestBackend::Sqlite);
    let scratch = db.scratch_dir();
    let file = scratch.join("qadam.sqlite3");
    let wal = scratch.join("qadam.sqlite3-wal");
    std::fs::set_permissions(&scratch, std::fs::Permissions::from_mode(0o755)).unwrap();
    for path in [&file, &wal] {
        std::fs::write(path, b"").unwrap();
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(mode(path), "644");
    }
    // Open, and check while it is open: SQLite removes the -wal file at the last close.
    let mut conn = conn_of(&file);
    conn.migrate().unwrap();
    assert_eq!(mode(&file), "600");
    assert_eq!(mode(&wal), "600");
    assert_eq!(
        mode(&scratch),
        "755",
        "a folder that existed is left as it was"
    );
}

// ---- queries and transactions on both backends ----

both_backends! {
    fn a_page_comes_with_the_total_counted_in_the_same_query(db) {
        let mut conn = migrated(&db);
        for slug in ["a1", "a2", "a3", "a4", "a5"] {
            campuses::insert(&mut conn, &campus(slug)).unwrap();
        }
        let page = |page, per_page| {
            qadam_domain::PageRequest { page: Some(page), per_page: Some(per_page) }
                .resolve()
                .unwrap()
        };
        let (items, total) = campuses::list(&mut conn, page(2, 2)).unwrap();
        let slugs: Vec<&str> = items.iter().map(|c| c.slug.as_str()).collect();
        assert_eq!((slugs, total), (vec!["a3", "a4"], 5));
        let (items, total) = campuses::list(&mut conn, page(9, 2)).unwrap();
        assert_eq!((items.len(), total), (0, 5), "past the end, the total still comes");
    }

    fn migrating_twice_is_a_no_op(db) {
        let mut conn = migrated(&db);
        assert!(conn.migrate().unwrap().is_empty());
    }

    fn unique_logins_and_slugs_are_enforced(db) {
        let mut conn = migrated(&db);
        let a = campus("almaty");
        campuses::insert(&mut conn, &a).unwrap();
        let err = campuses::insert(&mut conn, &campus("almaty")).unwrap_err();
        assert!(err.is_unique_violation(), "{err}");
        users::insert(&mut conn, &user("jdoe", Some(a.id.clone()))).unwrap();
        let err = users::insert(&mut conn, &user("jdoe", None)).unwrap_err();
        assert!(err.is_unique_violation(), "{err}");
    }

    fn foreign_keys_hold(db) {
        let mut conn = migrated(&db);
        let orphan = user("orphan", Some("no-such-campus".into()));
        assert!(users::insert(&mut conn, &orphan).is_err());
    }

    fn a_failed_write_leaves_nothing_behind(db) {
        let mut conn = migrated(&db);
        let result: Result<(), DbError> = conn.write(|conn| {
            campuses::insert(conn, &campus("astana"))?;
            // The second insert violates the unique slug: the first must roll back.
            campuses::insert(conn, &campus("astana"))?;
            Ok(())
        });
        assert!(result.is_err());
        assert!(campuses::by_slug(&mut conn, "astana").unwrap().is_none());
        // And the connection is usable for the next transaction.
        conn.write(|conn| campuses::insert(conn, &campus("astana"))).unwrap();
        assert_eq!(campuses::by_slug(&mut conn, "astana").unwrap().unwrap().slug, "astana");
    }

    fn timestamps_round_trip_exactly(db) {
        let mut conn = migrated(&db);
        let written = campus("shymkent");
        campuses::insert(&mut conn, &written).unwrap();
        assert_eq!(campuses::by_slug(&mut conn, "shymkent").unwrap(), Some(written));
    }

    fn lists_page_and_count(db) {
        let mut conn = migrated(&db);
        for slug in ["c", "a", "b"] {
            campuses::insert(&mut conn, &campus(slug)).unwrap();
        }
        let page = qadam_domain::PageRequest { page: Some(2), per_page: Some(2) }.resolve().unwrap();
        let (items, total) = campuses::list(&mut conn, page).unwrap();
        assert_eq!(total, 3);
        assert_eq!(items.iter().map(|c| c.slug.as_str()).collect::<Vec<_>>(), ["c"]);
    }

    fn login_failures_are_counted_newest_first(db) {
        let mut conn = migrated(&db);
        let now = qadam_db::now();
        for (i, login) in ["a", "a", "b", "a"].iter().enumerate() {
            login_failures::insert(&mut conn, &qadam_db::models::LoginFailure {
                id: qadam_db::new_id(),
                login: login.to_string(),
                address: "10.0.0.1".into(),
                failed_at: now - chrono::Duration::seconds(10 - i as i64),
            }).unwrap();
        }
        let since = now - chrono::Duration::seconds(60);
        let times = login_failures::recent_for_login(&mut conn, "a", since, 10).unwrap();
        assert_eq!(times.len(), 3);
        assert!(times.windows(2).all(|w| w[0] >= w[1]));
        assert_eq!(login_failures::recent_for_address(&mut conn, "10.0.0.1", since, 2).unwrap().len(), 2);
        login_failures::clear_login(&mut conn, "a").unwrap();
        assert!(login_failures::recent_for_login(&mut conn, "a", since, 10).unwrap().is_empty());
    }

    fn a_secret_is_created_once(db) {
        let mut conn = migrated(&db);
        let first = secrets::get_or_create(&mut conn, "jwt", || "one".into()).unwrap();
        let second = secrets::get_or_create(&mut conn, "jwt", || "two".into()).unwrap();
        assert_eq!((first.as_str(), second.as_str()), ("one", "one"));
    }

    fn a_secret_can_be_replaced(db) {
        let mut conn = migrated(&db);
        assert_eq!(secrets::get(&mut conn, "jwt").unwrap(), None);
        secrets::replace(&mut conn, "jwt", "one").unwrap();
        assert_eq!(secrets::get(&mut conn, "jwt").unwrap().as_deref(), Some("one"));
        secrets::replace(&mut conn, "jwt", "two").unwrap();
        assert_eq!(secrets::get_or_create(&mut conn, "jwt", || "three".into()).unwrap(), "two");
    }

    fn audit_entries_list_newest_first_per_campus(db) {
        let mut conn = migrated(&db);
        let a = campus("a");
        campuses::insert(&mut conn, &a).unwrap();
        for subject in ["1", "2"] {
            audit::record(&mut conn, &audit::AuditActor::cli(), audit::Event {
                action: "test.event",
                subject_type: "thing",
                subject_id: subject,
                campus_id: Some(&a.id),
                details: serde_json::json!({"n": subject}),
            }).unwrap();
        }
        audit::record(&mut conn, &audit::AuditActor::cli(), audit::Event {
            action: "test.other",
            subject_type: "thing",
            subject_id: "3",
            campus_id: None,
            details: serde_json::json!({}),
        }).unwrap();
        let page = qadam_domain::PageRequest::default().resolve().unwrap();
        let (items, total) = audit::list(&mut conn, Some(&a.id), page).unwrap();
        assert_eq!(total, 2);
        assert_eq!(items[0].subject_id, "2");
        assert_eq!(audit::list(&mut conn, None, page).unwrap().1, 3);
    }
}
