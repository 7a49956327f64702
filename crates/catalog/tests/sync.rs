//! `qadam_catalog::sync` on a real SQLite file and a real PostgreSQL database:
//! idempotence, versions, archiving and restoring, and one transaction.

mod support;

use qadam_catalog::{sync, Catalog, SyncReport};
use qadam_db::queries::audit::AuditActor;
use qadam_db::queries::{cursus, projects};
use qadam_db::DbConn;
use qadam_testkit::{both_backends, TestDatabase};
use support::Fixture;

fn migrated(db: &TestDatabase) -> DbConn {
    let mut conn = DbConn::open(&db.url).expect("connect");
    conn.migrate().expect("migrate");
    conn
}

fn sync_fixture(conn: &mut DbConn, fixture: &Fixture) -> SyncReport {
    let catalog = Catalog::load(&fixture.root, None).expect("the fixture is valid");
    sync(conn, &catalog, &AuditActor::cli()).expect("sync")
}

fn audit_rows(conn: &mut DbConn) -> i64 {
    let page = qadam_domain::PageRequest::default().resolve().unwrap();
    qadam_db::queries::audit::list(conn, None, page).unwrap().1
}

both_backends! {
    fn a_second_sync_changes_nothing(db) {
        let fixture = Fixture::valid();
        let mut conn = migrated(&db);
        let first = sync_fixture(&mut conn, &fixture);
        assert_eq!(first.created, vec!["exam-one", "hello", "team-up"]);
        assert_eq!(first.cursus_changed, vec!["core"]);
        let rows_before = projects::all(&mut conn).unwrap();
        let audits = audit_rows(&mut conn);
        assert_eq!(audits, 1, "one audit row for the first sync");

        let second = sync_fixture(&mut conn, &fixture);
        assert!(!second.changed_anything(), "{second:?}");
        assert_eq!(second.unchanged, 3);
        assert_eq!(projects::all(&mut conn).unwrap(), rows_before);
        assert_eq!(audit_rows(&mut conn), audits, "a no-op sync leaves no audit row");

        let core = cursus::by_slug(&mut conn, "core").unwrap().unwrap();
        let stage: Vec<String> = cursus::projects_of(&mut conn, &core.id)
            .unwrap()
            .into_iter()
            .map(|(_, slug, _, _)| slug)
            .collect();
        assert_eq!(stage, vec!["hello", "team-up"]);
    }

    fn a_changed_project_gets_a_new_version_and_keeps_the_old(db) {
        let fixture = Fixture::valid();
        let mut conn = migrated(&db);
        sync_fixture(&mut conn, &fixture);
        let (hello, v1) = projects::current_by_slug(&mut conn, "hello").unwrap().unwrap();
        assert_eq!(v1.version, 1);

        fixture.write("basics/hello/subject.en.md", "# hello\n\nPrint hello, politely.\n");
        fixture.write("basics/hello/subject.kk.md", "# сәлем\n");
        let report = sync_fixture(&mut conn, &fixture);
        assert_eq!(report.new_versions, vec!["hello@2"]);
        assert_eq!(report.unchanged, 2);

        let (after, v2) = projects::current_by_slug(&mut conn, "hello").unwrap().unwrap();
        assert_eq!(after.id, hello.id, "the same project, a new version");
        assert_eq!(v2.version, 2);
        assert_ne!(v2.content_hash, v1.content_hash);
        let versions = projects::versions_of(&mut conn, &hello.id).unwrap();
        assert_eq!(versions.len(), 2);
        assert_eq!(versions[0], v1, "version 1 is untouched: attempts on it keep it");
        let old: Vec<String> = projects::subjects_of(&mut conn, &v1.id).unwrap().into_iter().map(|s| s.markdown).collect();
        assert_eq!(old, vec!["# hello\n\nPrint hello.\n"]);
        let new_languages: Vec<String> = projects::subjects_of(&mut conn, &v2.id).unwrap().into_iter().map(|s| s.language).collect();
        assert_eq!(new_languages, vec!["en", "kk"]);

        // A hidden test changing is a change too, though students cannot see it.
        fixture.edit("basics/hello/project.toml", "says it once", "says it only once");
        assert_eq!(sync_fixture(&mut conn, &fixture).new_versions, vec!["hello@3"]);
    }

    fn a_removed_project_is_archived_and_can_come_back(db) {
        let fixture = Fixture::valid();
        let mut conn = migrated(&db);
        sync_fixture(&mut conn, &fixture);
        fixture.remove("exams/exam-one");
        let report = sync_fixture(&mut conn, &fixture);
        assert_eq!(report.archived, vec!["exam-one"]);
        let (exam, version) = projects::current_by_slug(&mut conn, "exam-one").unwrap().unwrap();
        assert!(exam.archived_at.is_some());
        assert_eq!(version.version, 1, "archiving keeps the history");
        assert!(!sync_fixture(&mut conn, &fixture).changed_anything());

        fixture.write("exams/exam-one/project.toml", support::EXAM);
        fixture.write("exams/exam-one/subject.en.md", "# Exam\n");
        let report = sync_fixture(&mut conn, &fixture);
        assert_eq!(report.restored, vec!["exam-one"]);
        assert!(report.new_versions.is_empty(), "same content, same version");
        let (exam, _) = projects::current_by_slug(&mut conn, "exam-one").unwrap().unwrap();
        assert!(exam.archived_at.is_none());
    }

    fn a_removed_cursus_is_archived(db) {
        let fixture = Fixture::valid();
        let mut conn = migrated(&db);
        sync_fixture(&mut conn, &fixture);
        fixture.remove("cursus/core.toml");
        let report = sync_fixture(&mut conn, &fixture);
        assert_eq!(report.cursus_archived, vec!["core"]);
        assert!(cursus::by_slug(&mut conn, "core").unwrap().unwrap().archived_at.is_some());
    }

    fn grading_material_is_stored_with_the_version(db) {
        let fixture = Fixture::valid();
        let mut conn = migrated(&db);
        sync_fixture(&mut conn, &fixture);
        let (_, version) = projects::current_by_slug(&mut conn, "hello").unwrap().unwrap();
        let material: qadam_grader::GradingMaterial =
            serde_json::from_str(version.grading.as_deref().unwrap()).unwrap();
        assert_eq!(material.image(), "shell");
        assert_eq!(material.spec.tests.len(), 2);
        assert_eq!(material.files["check.sh"], "echo checking\n");
        assert!(!version.definition.contains("says it once"), "hidden tests stay out of the definition");
        let (_, team) = projects::current_by_slug(&mut conn, "team-up").unwrap().unwrap();
        assert!(team.grading.is_none());
        let definition: serde_json::Value = serde_json::from_str(&team.definition).unwrap();
        assert_eq!(definition["sheet"]["flags"], serde_json::json!(["ok", "cheat", "concerning"]));
        assert_eq!(definition["team"], serde_json::json!({"min": 2, "max": 3}));
    }

    fn a_failing_sync_writes_nothing(db) {
        let fixture = Fixture::valid();
        let mut conn = migrated(&db);
        let catalog = Catalog::load(&fixture.root, None).unwrap();
        // A damaged row: "team-up" exists but its current version does not, so the sync
        // fails on "team-up" (projects go by slug), after inserting "exam-one" and "hello".
        let now = qadam_db::now();
        let damaged = qadam_db::models::ProjectRow {
            id: qadam_db::new_id(),
            slug: "team-up".into(),
            kind: qadam_domain::ProjectKind::Project,
            name: "Team up".into(),
            current_version: 7,
            archived_at: None,
            created_at: now,
            updated_at: now,
        };
        projects::insert(&mut conn, &damaged).unwrap();
        let outcome = sync(&mut conn, &catalog, &AuditActor::cli());
        assert!(outcome.is_err(), "{outcome:?}");
        let slugs: Vec<String> = projects::all(&mut conn).unwrap().into_iter().map(|p| p.slug).collect();
        assert_eq!(slugs, vec!["team-up"], "exam-one and hello were rolled back");
        assert!(cursus::all(&mut conn).unwrap().is_empty());
        assert_eq!(audit_rows(&mut conn), 0);
    }
}
