//! Logins against a real database on both backends, with the clock held still and
//! moved by hand: the throttle window is tested without waiting for it to pass.

use chrono::Duration;
use qadam_core::accounts::{self, NewUser};
use qadam_core::{Clock, Core, CoreError};
use qadam_db::queries::audit::AuditActor;
use qadam_db::Pool;
use qadam_domain::Role;
use qadam_settings::Settings;
use qadam_testkit::{both_backends, TestDatabase};

const PASSWORD: &str = "a-long-enough-password";

/// A core on a migrated database with one student, `bob`, throttled after 3 failures
/// in a 60-second window, its clock standing still.
fn core_with_bob(db: &TestDatabase) -> (Core, tokio::runtime::Runtime) {
    let mut conn = qadam_db::DbConn::open(&db.url).expect("connect");
    conn.migrate().expect("migrate");
    let bob = NewUser {
        login: "bob".into(),
        display_name: "Bob".into(),
        email: None,
        role: Role::Student,
        campus_id: None,
    };
    let hash = qadam_core::hash_password(PASSWORD);
    conn.write(|conn| accounts::create_user(conn, &AuditActor::cli(), bob, hash))
        .expect("create bob");
    let mut settings = Settings::default();
    settings.auth.max_failures_per_login = 3;
    settings.auth.failure_window_seconds = 60;
    let pool = Pool::open(&db.url, 2, std::time::Duration::from_secs(5)).expect("pool");
    let mut core = Core::new(&settings, pool).expect("core");
    core.clock = Clock::fixed(qadam_db::now());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    (core, runtime)
}

both_backends! {
    fn failures_leave_the_window_when_the_clock_moves(db) {
        let (core, runtime) = core_with_bob(&db);
        let login = |password: &str| {
            runtime.block_on(core.login("bob".into(), password.into(), "192.0.2.1".into()))
        };
        for _ in 0..3 {
            let refused = login("wrong-wrong-wrong").unwrap_err();
            assert_eq!(refused.code(), "invalid_credentials");
        }
        match login(PASSWORD).unwrap_err() {
            CoreError::Throttled { retry_after, .. } => assert_eq!(retry_after, 60),
            other => panic!("expected a throttle, got {other:?}"),
        }
        core.clock.advance(Duration::seconds(30));
        match login(PASSWORD).unwrap_err() {
            CoreError::Throttled { retry_after, .. } => assert_eq!(retry_after, 30),
            other => panic!("still throttled half-way, got {other:?}"),
        }
        core.clock.advance(Duration::seconds(31));
        let token = login(PASSWORD).expect("the failures have left the window");
        let me = runtime
            .block_on(core.authenticate(token.signed))
            .expect("the new token works");
        assert_eq!(me.user.login, "bob");
    }

    fn a_token_stops_working_when_its_stored_expiry_passes(db) {
        let (core, runtime) = core_with_bob(&db);
        let token = runtime
            .block_on(core.login("bob".into(), PASSWORD.into(), "192.0.2.1".into()))
            .unwrap();
        assert!(runtime.block_on(core.authenticate(token.signed.clone())).is_ok());
        core.clock.advance(Duration::seconds(token.expires_in_seconds));
        let refused = runtime.block_on(core.authenticate(token.signed)).unwrap_err();
        assert!(refused.to_string().contains("expired"), "{refused}");
    }
}
