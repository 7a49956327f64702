//! The world the core's tests run in: a real database of either backend with the
//! catalog's team projects synced, a campus with three students and a staff member,
//! and a clock held still and moved by hand.
#![allow(dead_code)]

use chrono::Duration;
use qadam_core::accounts::{self, NewCampus, NewUser};
use qadam_core::{submissions, teams, Clock, Core, CoreError};
use qadam_db::models::User;
use qadam_db::queries::audit::AuditActor;
use qadam_db::queries::{jobs, submissions as rows};
use qadam_db::{DbConn, Pool};
use qadam_domain::Role;
use qadam_settings::Settings;
use qadam_testkit::TestDatabase;
use std::path::Path;

pub struct World {
    pub core: Core,
    pub runtime: tokio::runtime::Runtime,
    pub alice: User,
    pub bob: User,
    pub carol: User,
    pub staff: User,
    _catalog: tempdir::Dir,
}

mod tempdir {
    /// A folder removed when dropped.
    pub struct Dir(pub std::path::PathBuf);

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// Copies a few real projects of projects-catalog/ (not its cursus) into a folder.
fn catalog_subset(projects: &[&str]) -> tempdir::Dir {
    let root = std::env::temp_dir().join(format!("qadam-flow-{}", uuid::Uuid::new_v4().simple()));
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../projects-catalog");
    for project in projects {
        copy_tree(&source.join(project), &root.join(project));
    }
    std::fs::copy(source.join("levels.toml"), root.join("levels.toml")).unwrap();
    tempdir::Dir(root)
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub fn world(db: &TestDatabase) -> World {
    let mut conn = DbConn::open(&db.url).expect("connect");
    conn.migrate().expect("migrate");
    let catalog = catalog_subset(&[
        "c-piscine/ft-strlen",
        "c-piscine/ft-split",
        "c-piscine/ft-atoi",
        "team/rush-00",
        "team/bsq",
    ]);
    let loaded = qadam_catalog::Catalog::load(&catalog.0, None).expect("the catalog checks");
    let actor = AuditActor::cli();
    qadam_core::catalog::sync(&mut conn, &loaded, &actor).expect("sync");
    let campus = conn
        .write(|conn| {
            accounts::create_campus(
                conn,
                &actor,
                NewCampus {
                    slug: "almaty".into(),
                    name: "Almaty".into(),
                    time_zone: "Asia/Almaty".into(),
                },
            )
        })
        .unwrap();
    let hash = qadam_core::hash_password("a-long-enough-password");
    let mut user = |login: &str, role: Role| {
        conn.write(|conn| {
            accounts::create_user(
                conn,
                &actor,
                NewUser {
                    login: login.into(),
                    display_name: login.into(),
                    email: None,
                    role,
                    campus_id: Some(campus.id.clone()),
                },
                hash.clone(),
            )
        })
        .unwrap()
    };
    let (alice, bob, carol, staff) = (
        user("alice", Role::Student),
        user("bob", Role::Student),
        user("carol", Role::Student),
        user("sam", Role::Staff),
    );
    let settings = Settings {
        data_dir: db.scratch_dir().join("data"),
        ..Settings::default()
    };
    let pool = Pool::open(&db.url, 4, std::time::Duration::from_secs(10)).expect("pool");
    let mut core = Core::new(&settings, pool).expect("core");
    core.clock = Clock::fixed(qadam_db::now());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    World {
        core,
        runtime,
        alice,
        bob,
        carol,
        staff,
        _catalog: catalog,
    }
}

impl World {
    pub fn write<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut DbConn) -> Result<T, CoreError> + Send + 'static,
    ) -> Result<T, CoreError> {
        self.runtime.block_on(self.core.db.write(work))
    }

    pub fn register(&self, user: &User, slug: &str) -> Result<teams::TeamDetail, CoreError> {
        let (user, slug, now) = (user.clone(), slug.to_string(), self.core.clock.now());
        self.write(move |conn| teams::register(conn, &user, &slug, now))
    }

    pub fn submit(
        &self,
        user: &User,
        team_id: &str,
        archive: Vec<u8>,
    ) -> Result<qadam_db::models::Submission, CoreError> {
        self.runtime.block_on(submissions::submit(
            &self.core,
            user.actor(),
            team_id.to_string(),
            archive,
        ))
    }

    /// Claims the next job as `owner` would and records `score` as its verdict.
    pub fn grade_next(&self, owner: &str, score: f64) -> String {
        let (owner, now) = (owner.to_string(), self.core.clock.now());
        self.write(move |conn| {
            let id = jobs::next_claimable(conn, now)?.expect("a job to grade");
            let job = jobs::lease(conn, &id, &owner, now, now + Duration::seconds(30))?;
            assert!(jobs::finish(conn, &id, &owner, jobs::DONE, None, now)?);
            let verdict = if score >= 100.0 { "passed" } else { "failed" };
            let result = serde_json::json!({"schema_version": 1, "status": verdict, "score": score,
                "message": "", "tests": [], "tool_versions": {}});
            rows::record_result(
                conn,
                &job.submission_id,
                verdict,
                score,
                &result.to_string(),
                now,
            )?;
            Ok(job.submission_id)
        })
        .unwrap()
    }

    pub fn count(&self, sql: &'static str) -> i64 {
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        self.write(move |conn| {
            use diesel::RunQueryDsl;
            let row: Count = diesel::sql_query(sql)
                .get_result(conn)
                .map_err(qadam_db::DbError::from)?;
            Ok(row.n)
        })
        .unwrap()
    }
}

pub fn audit_actor(user: &User) -> AuditActor {
    AuditActor {
        user_id: Some(user.id.clone()),
        label: user.login.clone(),
    }
}

impl World {
    /// One more student of the campus.
    pub fn student(&self, login: &str) -> User {
        let (login, campus) = (login.to_string(), self.alice.campus_id.clone());
        self.write(move |conn| {
            accounts::create_user(
                conn,
                &AuditActor::cli(),
                NewUser {
                    login: login.clone(),
                    display_name: login,
                    email: None,
                    role: Role::Student,
                    campus_id: campus,
                },
                "not-a-real-hash".into(),
            )
        })
        .unwrap()
    }

    /// A rush-00 team of `leader` and `mate`, locked, graded `score` and handed in:
    /// waiting for its peer evaluation. Returns the team's id.
    pub fn handed_in_rush(&self, leader: &User, mate: &User, score: f64) -> String {
        let id = self.register(leader, "rush-00").unwrap().team.id;
        let now = self.core.clock.now();
        let (l, i, m) = (leader.actor(), id.clone(), mate.login.clone());
        self.write(move |c| teams::invite(c, &l, &i, &m, now))
            .unwrap();
        let (m, i) = (mate.clone(), id.clone());
        self.write(move |c| teams::accept(c, &m, &i, now)).unwrap();
        let (l, i) = (leader.actor(), id.clone());
        self.write(move |c| teams::lock(c, &l, &i, now)).unwrap();
        let archive = qadam_testkit::tar_gz(&[
            ("rush.c", b"void rush(int x, int y);\n"),
            ("ft_putchar.c", b"x"),
        ]);
        self.submit(leader, &id, archive).unwrap();
        let owner = format!("worker-{id}");
        let (owner, now) = (owner, self.core.clock.now());
        let team = id.clone();
        self.write(move |conn| {
            let job = jobs::next_claimable(conn, now)?.expect("the team's job");
            let leased = jobs::lease(conn, &job, &owner, now, now + Duration::seconds(30))?;
            assert_eq!(leased.team_id, team);
            jobs::finish(conn, &job, &owner, jobs::DONE, None, now)?;
            let result = serde_json::json!({"schema_version": 1, "status": "failed", "score": score,
                "message": "", "tests": [], "tool_versions": {}});
            rows::record_result(
                conn,
                &leased.submission_id,
                "failed",
                score,
                &result.to_string(),
                now,
            )?;
            Ok(())
        })
        .unwrap();
        let (l, i) = (leader.actor(), id.clone());
        self.write(move |c| qadam_core::marks::close(c, &l, &i, now))
            .unwrap();
        id
    }
}
