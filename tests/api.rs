//! End-to-end tests of the HTTP API: each starts the real `qadam` binary against a
//! fresh SQLite file or PostgreSQL database and talks to it over HTTP.

mod support;

use jsonwebtoken::{encode, EncodingKey, Header};
use serde_json::{json, Value};
use support::{Response, Server, ADMIN_PASSWORD, JWT_SECRET};

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// A token signed with the server's real secret but with claims of our choosing.
fn mint(claims: Value) -> String {
    encode(
        &Header::default(),
        &claims,
        &EncodingKey::from_secret(JWT_SECRET.as_bytes()),
    )
    .unwrap()
}

fn claims_of(token: &str) -> Value {
    use base64_like::decode_segment;
    serde_json::from_slice(&decode_segment(token.split('.').nth(1).unwrap())).unwrap()
}

/// Just enough base64url decoding to read a JWT's claims in a test.
mod base64_like {
    pub fn decode_segment(segment: &str) -> Vec<u8> {
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut bits = 0u32;
        let mut count = 0;
        let mut out = Vec::new();
        for byte in segment.bytes() {
            let value = alphabet.iter().position(|&c| c == byte).unwrap() as u32;
            bits = (bits << 6) | value;
            count += 6;
            if count >= 8 {
                count -= 8;
                out.push((bits >> count) as u8);
                bits &= (1 << count) - 1;
            }
        }
        out
    }
}

const LOGIN_REQUEST: &str = "path=/api/v1/auth/login";
const PASSWORD_CHECKED: &str = "password checked";

/// Runs `count` calls of `call(i)` on as many threads, released together.
fn logins_at_once(count: usize, call: impl Fn(usize) -> Response + Sync) -> Vec<Response> {
    let start = std::sync::Barrier::new(count);
    std::thread::scope(|scope| {
        let running: Vec<_> = (0..count)
            .map(|i| {
                let (start, call) = (&start, &call);
                scope.spawn(move || {
                    start.wait();
                    call(i)
                })
            })
            .collect();
        running
            .into_iter()
            .map(|thread| thread.join().unwrap())
            .collect()
    })
}

/// How long a process keeps trusting a token after another process revoked it, at
/// most (the sign-in cache re-reads the stored generation a second apart; this leaves
/// room for a loaded machine).
const ACROSS_PROCESSES: std::time::Duration = std::time::Duration::from_secs(10);

/// Asks `server` for /me with `token` until it is refused (401), and says how long it
/// took; fails past [`ACROSS_PROCESSES`].
fn refused_soon(server: &Server, token: &str) -> std::time::Duration {
    let asked = std::time::Instant::now();
    loop {
        let answer = server.get("/api/v1/me", token);
        if answer.status == 401 {
            assert_error(&answer, 401, "unauthenticated");
            return asked.elapsed();
        }
        assert_eq!(answer.status, 200, "{answer:?}");
        assert!(
            asked.elapsed() < ACROSS_PROCESSES,
            "still accepted {:?} after the change",
            asked.elapsed()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

fn assert_error(response: &Response, status: u16, code: &str) {
    assert_eq!(response.status, status, "{response:?}");
    assert_eq!(response.code(), code, "{response:?}");
    assert!(
        response.body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "an error has a message: {response:?}"
    );
}

server_tests! {
    fn health_and_request_ids(backend) {
        let server = Server::start(backend);
        let response = server.call("GET", "/healthz", None, None);
        assert_eq!(response.status, 200);
        assert_eq!(response.body["status"], "ok");
        let expected = match backend {
            qadam_testkit::TestBackend::Sqlite => "sqlite",
            qadam_testkit::TestBackend::Postgres => "postgres",
        };
        assert_eq!(response.body["database"], expected);
        assert!(response.header("x-request-id").is_some_and(|id| id.len() >= 16));
    }

    fn login_me_and_logout(backend) {
        let server = Server::start(backend);
        let response = server.login("admin", ADMIN_PASSWORD);
        assert_eq!(response.status, 200, "{response:?}");
        assert_eq!(response.body["token_type"], "Bearer");
        assert_eq!(response.body["expires_in"], 86400);
        let token = response.body["access_token"].as_str().unwrap().to_string();
        let claims = claims_of(&token);
        assert_eq!(claims["iss"], "qadam");
        assert_eq!(claims["aud"], "qadam-api");

        let me = server.get("/api/v1/me", &token);
        assert_eq!(me.status, 200, "{me:?}");
        assert_eq!(me.body["login"], "admin");
        assert_eq!(me.body["role"], "admin");

        let logout = server.call("POST", "/api/v1/auth/logout", Some(&token), None);
        assert_eq!(logout.status, 204, "{logout:?}");
        assert_error(&server.get("/api/v1/me", &token), 401, "unauthenticated");
        // Another session of the same user is unaffected.
        let other = server.admin_token();
        assert_eq!(server.get("/api/v1/me", &other).status, 200);
    }

    fn wrong_credentials_are_refused_alike(backend) {
        let server = Server::start(backend);
        let wrong_password = server.login("admin", "not-the-password");
        assert_error(&wrong_password, 401, "invalid_credentials");
        let unknown = server.login("nobody", "not-the-password");
        assert_error(&unknown, 401, "invalid_credentials");
        assert_eq!(wrong_password.body, unknown.body, "no hint whether the login exists");
    }

    fn a_disabled_account_is_refused_like_a_wrong_password(backend) {
        let server = Server::start_with(backend, &[("QADAM_AUTH__MAX_FAILURES_PER_LOGIN", "3")]);
        let admin = server.admin_token();
        server.campus(&admin, "almaty");
        server.account(&admin, "alice", "student", "almaty");
        assert_eq!(server.patch("/api/v1/users/alice", &admin, json!({"disabled": true})).status, 200);

        let right = server.login("alice", "alice-password-1");
        let wrong = server.login("alice", "not-her-password");
        assert_error(&right, 401, "invalid_credentials");
        assert_eq!((right.status, &right.body), (wrong.status, &wrong.body), "nothing tells them apart");
        // Both counted as failures: one more is allowed, then the login waits.
        assert_error(&server.login("alice", "alice-password-1"), 401, "invalid_credentials");
        assert_error(&server.login("alice", "alice-password-1"), 429, "too_many_attempts");
    }

    fn the_stored_token_expiry_is_checked(backend) {
        let server = Server::start(backend);
        let token = server.admin_token();
        assert_eq!(server.get("/api/v1/me", &token).status, 200);
        // The JWT still says it is valid for a day; the row says it has expired. A
        // writer outside the platform moves the sign-in generation too, as the
        // platform's own writes do, so processes forget what they verified.
        let changed = server.db.execute("UPDATE auth_tokens SET expires_at = '2000-01-01 00:00:00'");
        assert_eq!(changed, 1);
        assert_eq!(server.db.execute("UPDATE generations SET generation = generation + 1 WHERE name = 'sign_in'"), 1);
        refused_soon(&server, &token);
        let refused = server.get("/api/v1/me", &token);
        assert!(refused.body["error"]["message"].as_str().unwrap().contains("expired"), "{refused:?}");
        let fresh = server.admin_token();
        assert_eq!(server.get("/api/v1/me", &fresh).status, 200);
    }

    fn rotating_the_secret_signs_everyone_out(backend) {
        // No auth.jwt_secret: the secret lives in the database, as in most deployments.
        let in_database = [("QADAM_AUTH__JWT_SECRET", "")];
        let server = Server::start_with(backend, &in_database);
        let old = server.admin_token();
        assert_eq!(server.get("/api/v1/me", &old).status, 200);

        let rotated = server.admin_command(&["rotate-secret"]);
        assert!(rotated.status.success(), "{}", String::from_utf8_lossy(&rotated.stderr));
        let said = String::from_utf8_lossy(&rotated.stdout);
        assert!(said.contains("revoked 1 token(s)"), "{said}");
        refused_soon(&server, &old);

        // A server started now knows only the new secret. The first server has not
        // seen the change yet, and takes it when the new server's token fails its check.
        let second = server.join(&in_database);
        let from_second = second.admin_token();
        assert_eq!(server.get("/api/v1/me", &from_second).status, 200);

        // After another rotation, a login on the first server signs with the newest
        // secret at once: a server that knows only that one accepts the token.
        assert!(server.admin_command(&["rotate-secret"]).status.success());
        refused_soon(&server, &from_second);
        let from_first = server.admin_token();
        let third = server.join(&in_database);
        assert_eq!(third.get("/api/v1/me", &from_first).status, 200);
        assert_eq!(server.get("/api/v1/me", &from_first).status, 200);

        let audit = server.get("/api/v1/audit", &from_first);
        let rotations: Vec<&Value> = audit.body["items"].as_array().unwrap().iter()
            .filter(|e| e["action"] == "auth.secret_rotate")
            .collect();
        assert_eq!(rotations.len(), 2, "{audit:?}");
        assert_eq!(rotations[1]["actor"], "qadam-cli");
        assert_eq!(rotations[1]["details"]["tokens_revoked"], 1);
    }

    fn bad_tokens_get_401(backend) {
        let server = Server::start(backend);
        let token = server.admin_token();
        let claims = claims_of(&token);
        let me = |auth: Option<&str>| {
            let mut request = ureq::get(&server.url("/api/v1/me"));
            if let Some(value) = auth {
                request = request.set("Authorization", value);
            }
            match request.call() {
                Ok(response) => response.status(),
                Err(ureq::Error::Status(code, response)) => {
                    let body: Value = response.into_json().unwrap();
                    assert_eq!(body["error"]["code"], "unauthenticated", "{body}");
                    code
                }
                Err(err) => panic!("{err}"),
            }
        };
        assert_eq!(me(Some(&format!("Bearer {token}"))), 200);
        assert_eq!(me(None), 401, "missing");
        assert_eq!(me(Some("Bearer")), 401, "malformed: no token");
        assert_eq!(me(Some(&format!("Basic {token}"))), 401, "malformed: wrong scheme");
        assert_eq!(me(Some("Bearer not.a.jwt")), 401, "malformed: garbage");

        // Tampered: change the claims, keep the signature.
        let mut parts: Vec<String> = token.split('.').map(str::to_string).collect();
        let mut forged = claims.clone();
        forged["sub"] = json!("someone-else");
        parts[1] = jsonwebtoken_segment(&forged);
        assert_eq!(me(Some(&format!("Bearer {}", parts.join(".")))), 401, "tampered");

        let valid = |patch: Value| {
            let mut c = claims.clone();
            for (k, v) in patch.as_object().unwrap() {
                c[k] = v.clone();
            }
            mint(c)
        };
        assert_eq!(me(Some(&format!("Bearer {}", valid(json!({}))))), 200, "control: re-signed as is");
        let expired = valid(json!({"iat": now() - 7200, "exp": now() - 3600}));
        assert_eq!(me(Some(&format!("Bearer {expired}"))), 401, "expired");
        let audience = valid(json!({"aud": "qadam-invite"}));
        assert_eq!(me(Some(&format!("Bearer {audience}"))), 401, "wrong audience");
        let issuer = valid(json!({"iss": "someone"}));
        assert_eq!(me(Some(&format!("Bearer {issuer}"))), 401, "wrong issuer");
        let unknown_jti = valid(json!({"jti": "00000000-0000-0000-0000-000000000000"}));
        assert_eq!(me(Some(&format!("Bearer {unknown_jti}"))), 401, "never issued");
        let other_key = encode(&Header::default(), &claims, &EncodingKey::from_secret(b"another-secret-another-secret-xx")).unwrap();
        assert_eq!(me(Some(&format!("Bearer {other_key}"))), 401, "wrong key");

        // Revoked.
        assert_eq!(server.call("POST", "/api/v1/auth/logout", Some(&token), None).status, 204);
        assert_eq!(me(Some(&format!("Bearer {token}"))), 401, "revoked");
    }

    fn students_cannot_use_staff_endpoints(backend) {
        let server = Server::start(backend);
        let admin = server.admin_token();
        server.campus(&admin, "almaty");
        let student = server.account(&admin, "alice", "student", "almaty");
        assert_error(&server.get("/api/v1/users", &student), 403, "forbidden");
        assert_error(&server.get("/api/v1/audit", &student), 403, "forbidden");
        let create = server.post("/api/v1/users", &student, json!({
            "login": "mallory", "display_name": "M", "role": "student", "password": "long-enough-1"
        }));
        assert_error(&create, 403, "forbidden");
        assert_error(&server.post("/api/v1/campuses", &student, json!({"slug": "x", "name": "X"})), 403, "forbidden");
        assert_error(&server.patch("/api/v1/users/alice", &student, json!({"role": "admin"})), 403, "forbidden");
        // A student reads others' public profile only.
        server.account(&admin, "bob", "student", "almaty");
        let bob = server.get("/api/v1/users/bob", &student);
        assert_eq!(bob.status, 200);
        assert_eq!(bob.body["login"], "bob");
        assert!(bob.body.get("email").is_none() && bob.body.get("disabled").is_none(), "{bob:?}");
        let me = server.get("/api/v1/users/alice", &student);
        assert_eq!(me.body["disabled"], false, "own profile is private-visible");
    }

    fn staff_stay_within_their_campus(backend) {
        let server = Server::start(backend);
        let admin = server.admin_token();
        server.campus(&admin, "almaty");
        server.campus(&admin, "astana");
        let staff_a = server.account(&admin, "staffa", "staff", "almaty");
        server.account(&admin, "studb", "student", "astana");

        // Creating in their own campus works, campus defaulting to theirs.
        let created = server.post("/api/v1/users", &staff_a, json!({
            "login": "newbie", "display_name": "Newbie", "role": "student", "password": "long-enough-1"
        }));
        assert_eq!(created.status, 201, "{created:?}");
        assert_eq!(created.body["campus"], "almaty");

        let in_b = server.post("/api/v1/users", &staff_a, json!({
            "login": "intruder", "display_name": "I", "role": "student", "campus": "astana", "password": "long-enough-1"
        }));
        assert_error(&in_b, 403, "forbidden");
        assert_error(&server.patch("/api/v1/users/studb", &staff_a, json!({"disabled": true})), 403, "forbidden");
        assert_error(&server.get("/api/v1/users?campus=astana", &staff_a), 403, "forbidden");
        assert_error(&server.get("/api/v1/audit?campus=astana", &staff_a), 403, "forbidden");
        assert_error(&server.patch("/api/v1/users/newbie", &staff_a, json!({"campus": "astana"})), 403, "forbidden");
        assert_error(&server.patch("/api/v1/users/newbie", &staff_a, json!({"role": "admin"})), 403, "forbidden");
        let admin_create = server.post("/api/v1/users", &staff_a, json!({
            "login": "boss", "display_name": "B", "role": "admin", "password": "long-enough-1"
        }));
        assert_error(&admin_create, 403, "forbidden");
        assert_error(&server.post("/api/v1/campuses", &staff_a, json!({"slug": "x", "name": "X"})), 403, "forbidden");

        // Their own campus list holds only their campus's accounts.
        let list = server.get("/api/v1/users", &staff_a);
        assert_eq!(list.status, 200);
        let logins: Vec<&str> = list.body["items"].as_array().unwrap().iter().map(|u| u["login"].as_str().unwrap()).collect();
        assert_eq!(logins, ["newbie", "staffa"]);
        // Private fields of another campus's student stay hidden.
        let other = server.get("/api/v1/users/studb", &staff_a);
        assert!(other.body.get("disabled").is_none(), "{other:?}");
    }

    fn role_changes_are_audited_and_take_effect(backend) {
        let server = Server::start(backend);
        let admin = server.admin_token();
        server.campus(&admin, "almaty");
        let staff = server.account(&admin, "staffa", "staff", "almaty");
        let student = server.account(&admin, "alice", "student", "almaty");

        let promoted = server.patch("/api/v1/users/alice", &staff, json!({"role": "staff"}));
        assert_eq!(promoted.status, 200, "{promoted:?}");
        assert_eq!(promoted.body["role"], "staff");
        assert_error(&server.get("/api/v1/me", &student), 401, "unauthenticated");

        let disabled = server.patch("/api/v1/users/alice", &admin, json!({"disabled": true}));
        assert_eq!(disabled.body["disabled"], true);
        assert_error(&server.login("alice", "alice-password-1"), 401, "invalid_credentials");

        let audit = server.get("/api/v1/audit?campus=almaty", &staff);
        assert_eq!(audit.status, 200, "{audit:?}");
        let actions: Vec<(String, String)> = audit.body["items"].as_array().unwrap().iter()
            .map(|e| (e["action"].as_str().unwrap().to_string(), e["actor"].as_str().unwrap().to_string()))
            .collect();
        assert_eq!(actions[0], ("user.update".to_string(), "admin".to_string()));
        assert_eq!(actions[1], ("user.role_change".to_string(), "staffa".to_string()));
        assert!(actions.contains(&("user.create".to_string(), "admin".to_string())));
        assert_eq!(audit.body["items"][1]["details"]["changes"]["role"], json!({"from": "student", "to": "staff"}));
        let everything = server.get("/api/v1/audit", &admin);
        assert!(everything.body["total"].as_i64().unwrap() >= 5, "{everything:?}");
        let text = everything.body.to_string();
        assert!(!text.contains("argon2"), "no password hash in the audit log");
    }

    fn revocations_reach_every_server_process_within_a_second(backend) {
        // Two processes on one database, as behind a load balancer: the process that
        // revokes refuses the token on its very next request; the other, which keeps
        // verified tokens in memory, within a second (its next read of the sign-in
        // generation).
        let first = Server::start(backend);
        let second = first.join(&[]);
        let admin = first.admin_token();
        first.campus(&admin, "almaty");
        first.account(&admin, "alice", "student", "almaty");
        let me = |server: &Server, token: &str| server.get("/api/v1/me", token).status;
        let mut delays = Vec::new();

        // Logout on the first process; the second has just accepted the token.
        let token = first.token("alice", "alice-password-1");
        assert_eq!((me(&first, &token), me(&second, &token)), (200, 200));
        assert_eq!(first.call("POST", "/api/v1/auth/logout", Some(&token), None).status, 204);
        assert_error(&first.get("/api/v1/me", &token), 401, "unauthenticated");
        delays.push(refused_soon(&second, &token));

        // A role change on the second process.
        let token = first.token("alice", "alice-password-1");
        assert_eq!((me(&first, &token), me(&second, &token)), (200, 200));
        let promoted = second.patch("/api/v1/users/alice", &admin, json!({"role": "staff"}));
        assert_eq!(promoted.status, 200, "{promoted:?}");
        assert_error(&second.get("/api/v1/me", &token), 401, "unauthenticated");
        delays.push(refused_soon(&first, &token));

        // A password reset on the first process.
        let token = second.token("alice", "alice-password-1");
        assert_eq!((me(&first, &token), me(&second, &token)), (200, 200));
        let reset = first.patch("/api/v1/users/alice", &admin, json!({"password": "alice-password-2"}));
        assert_eq!(reset.status, 200, "{reset:?}");
        assert_error(&first.get("/api/v1/me", &token), 401, "unauthenticated");
        delays.push(refused_soon(&second, &token));

        // Disabling on the second process.
        let token = first.token("alice", "alice-password-2");
        assert_eq!((me(&first, &token), me(&second, &token)), (200, 200));
        let disabled = second.patch("/api/v1/users/alice", &admin, json!({"disabled": true}));
        assert_eq!(disabled.status, 200, "{disabled:?}");
        assert_error(&second.get("/api/v1/me", &token), 401, "unauthenticated");
        delays.push(refused_soon(&first, &token));
        eprintln!("refused by the other process after {delays:?}");

        // A profile change made through one process shows on the other's /me soon,
        // with the campus read alongside the token.
        let bob = first.account(&admin, "bob", "student", "almaty");
        assert_eq!(second.get("/api/v1/me", &bob).body["display_name"], "bob");
        let renamed = first.patch("/api/v1/users/bob", &admin, json!({"display_name": "Bob B."}));
        assert_eq!(renamed.status, 200, "{renamed:?}");
        let asked = std::time::Instant::now();
        let seen = loop {
            let seen = second.get("/api/v1/me", &bob);
            if seen.body["display_name"] != "bob" || asked.elapsed() > ACROSS_PROCESSES {
                break seen;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        assert_eq!((seen.body["display_name"].as_str(), seen.body["campus"].as_str()), (Some("Bob B."), Some("almaty")), "{seen:?}");
    }

    fn password_change_revokes_tokens(backend) {
        let server = Server::start(backend);
        let token = server.admin_token();
        let wrong = server.call("PUT", "/api/v1/me/password", Some(&token),
            Some(json!({"current_password": "nope-nope-nope", "new_password": "brand-new-password"})));
        assert_error(&wrong, 422, "invalid_request");
        let weak = server.call("PUT", "/api/v1/me/password", Some(&token),
            Some(json!({"current_password": ADMIN_PASSWORD, "new_password": "short"})));
        assert_error(&weak, 422, "invalid_request");
        assert_eq!(weak.body["error"]["field"], "password");
        let ok = server.call("PUT", "/api/v1/me/password", Some(&token),
            Some(json!({"current_password": ADMIN_PASSWORD, "new_password": "brand-new-password"})));
        assert_eq!(ok.status, 204, "{ok:?}");
        assert_error(&server.get("/api/v1/me", &token), 401, "unauthenticated");
        assert_error(&server.login("admin", ADMIN_PASSWORD), 401, "invalid_credentials");
        server.token("admin", "brand-new-password");
        let audit = server.get("/api/v1/audit", &server.token("admin", "brand-new-password"));
        assert_eq!(audit.body["items"][0]["action"], "user.password_change", "{audit:?}");
    }

    fn nobody_resets_their_own_password(backend) {
        let server = Server::start(backend);
        let admin = server.admin_token();
        server.campus(&admin, "almaty");
        let staff = server.account(&admin, "staffa", "staff", "almaty");
        let student = server.account(&admin, "alice", "student", "almaty");
        for (token, login) in [(&admin, "admin"), (&staff, "staffa"), (&student, "alice")] {
            let own = server.patch(&format!("/api/v1/users/{login}"), token, json!({"password": "a-fresh-password-1"}));
            assert_error(&own, 403, "current_password_required");
            assert!(own.body["error"]["message"].as_str().unwrap().contains("PUT /api/v1/me/password"), "{own:?}");
            assert_eq!(server.get("/api/v1/me", token).status, 200, "{login}: nothing was changed or revoked");
        }
        server.token("staffa", "staffa-password-1");
        // Other changes to one's own account still go through PATCH.
        let renamed = server.patch("/api/v1/users/staffa", &staff, json!({"display_name": "Staff A"}));
        assert_eq!(renamed.status, 200, "{renamed:?}");
    }

    fn password_resets_go_down_the_ranks_within_the_campus(backend) {
        let server = Server::start(backend);
        let admin = server.admin_token();
        server.campus(&admin, "almaty");
        server.campus(&admin, "astana");
        let staff = server.account(&admin, "staffa", "staff", "almaty");
        server.account(&admin, "staffb", "staff", "almaty");
        let alice = server.account(&admin, "alice", "student", "almaty");
        server.account(&admin, "studb", "student", "astana");
        let other_admin = server.post("/api/v1/users", &admin, json!({
            "login": "boss", "display_name": "Boss", "role": "admin", "password": "boss-password-1"
        }));
        assert_eq!(other_admin.status, 201, "{other_admin:?}");
        let reset = |token: &str, login: &str| {
            server.patch(&format!("/api/v1/users/{login}"), token, json!({"password": "a-fresh-password-1"}))
        };

        // Staff: students of their own campus only; never staff or admins.
        for login in ["staffb", "studb", "admin", "boss"] {
            assert_error(&reset(&staff, login), 403, "forbidden");
        }
        assert_error(&reset(&alice, "studb"), 403, "forbidden");
        server.token("staffb", "staffb-password-1");
        server.token("studb", "studb-password-1");

        assert_eq!(reset(&staff, "alice").status, 200);
        assert_error(&server.get("/api/v1/me", &alice), 401, "unauthenticated");
        assert_error(&server.login("alice", "alice-password-1"), 401, "invalid_credentials");
        server.token("alice", "a-fresh-password-1");

        // Admins: anyone below admin, in any campus; not another admin.
        let studb = server.token("studb", "studb-password-1");
        assert_eq!(reset(&admin, "staffb").status, 200);
        assert_eq!(reset(&admin, "studb").status, 200);
        assert_error(&server.get("/api/v1/me", &studb), 401, "unauthenticated");
        assert_error(&reset(&admin, "boss"), 403, "forbidden");
        server.token("boss", "boss-password-1");

        // Every reset is in the audit log as a reset, by whoever did it.
        let audit = server.get("/api/v1/audit?per_page=200", &admin);
        let resets: Vec<(String, String)> = audit.body["items"].as_array().unwrap().iter()
            .filter(|e| e["action"] == "user.password_reset")
            .map(|e| (e["actor"].as_str().unwrap().to_string(), e["details"]["login"].as_str().unwrap().to_string()))
            .collect();
        let expected = [("admin", "studb"), ("admin", "staffb"), ("staffa", "alice")]
            .map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(resets, expected);
    }

    fn wrong_current_passwords_count_as_failed_logins(backend) {
        let server = Server::start_with(backend, &[("QADAM_AUTH__MAX_FAILURES_PER_LOGIN", "2")]);
        let token = server.admin_token();
        let change = |current: &str| server.call("PUT", "/api/v1/me/password", Some(&token),
            Some(json!({"current_password": current, "new_password": "brand-new-password"})));
        for _ in 0..2 {
            assert_error(&change("guess-guess-guess"), 422, "invalid_request");
        }
        // A stolen token is no way around the login throttle.
        assert_error(&change(ADMIN_PASSWORD), 429, "too_many_attempts");
        assert_error(&server.login("admin", ADMIN_PASSWORD), 429, "too_many_attempts");
    }

    fn bad_input_gets_4xx_envelopes(backend) {
        let server = Server::start(backend);
        let admin = server.admin_token();
        let unknown_field = server.post("/api/v1/campuses", &admin, json!({"slug": "a", "name": "A", "colour": "red"}));
        assert_error(&unknown_field, 422, "invalid_request");
        assert!(unknown_field.body["error"]["message"].as_str().unwrap().contains("colour"));
        assert_error(&server.post("/api/v1/campuses", &admin, json!({"slug": 5, "name": "A"})), 422, "invalid_request");
        assert_error(&server.post("/api/v1/campuses", &admin, json!({"name": "A"})), 422, "invalid_request");
        let bad_slug = server.post("/api/v1/campuses", &admin, json!({"slug": "Not A Slug", "name": "A"}));
        assert_error(&bad_slug, 422, "invalid_request");
        assert_eq!(bad_slug.body["error"]["field"], "slug");
        assert_error(&server.post("/api/v1/users", &admin, json!({
            "login": "x", "display_name": "X", "role": "student", "campus": "nowhere", "password": "long-enough-1"
        })), 422, "invalid_request");
        assert_error(&server.post("/api/v1/users", &admin, json!({
            "login": "okay", "display_name": "X", "role": "emperor", "password": "long-enough-1"
        })), 422, "invalid_request");

        assert_error(&server.raw("POST", "/api/v1/auth/login", "application/json", b"{\"login\": "), 400, "malformed_json");
        assert_error(&server.raw("POST", "/api/v1/auth/login", "text/plain", b"login=admin"), 415, "unsupported_media_type");
        let huge = format!("{{\"login\": \"admin\", \"password\": \"{}\"}}", "x".repeat(200_000));
        assert_error(&server.raw("POST", "/api/v1/auth/login", "application/json", huge.as_bytes()), 413, "payload_too_large");

        assert_error(&server.get("/api/v1/users?page=0", &admin), 422, "invalid_request");
        assert_error(&server.get("/api/v1/users?per_page=1000", &admin), 422, "invalid_request");
        assert_error(&server.get("/api/v1/users?page=abc", &admin), 422, "invalid_request");
        assert_error(&server.get("/api/v1/users/nobody", &admin), 404, "not_found");
        assert_error(&server.get("/api/v1/campuses/nowhere", &admin), 404, "not_found");
        assert_error(&server.call("GET", "/api/v1/no-such-thing", None, None), 404, "not_found");
        assert_error(&server.call("DELETE", "/api/v1/me", Some(&admin), None), 405, "method_not_allowed");

        server.campus(&admin, "almaty");
        let duplicate = server.post("/api/v1/campuses", &admin, json!({"slug": "almaty", "name": "Again"}));
        assert_error(&duplicate, 409, "slug_taken");
        server.account(&admin, "alice", "student", "almaty");
        let taken = server.post("/api/v1/users", &admin, json!({
            "login": "alice", "display_name": "A", "role": "student", "campus": "almaty", "password": "long-enough-1"
        }));
        assert_error(&taken, 409, "login_taken");
        // The last request's line is logged after every earlier one's: all ran.
        let log = server.log_containing("method=POST path=/api/v1/users status=409");
        assert!(!log.contains("panicked"), "no handler panicked: {log}");
    }

    fn brute_force_is_throttled_per_login(backend) {
        let server = Server::start_with(backend, &[
            ("QADAM_AUTH__MAX_FAILURES_PER_LOGIN", "3"),
            ("QADAM_AUTH__FAILURE_WINDOW_SECONDS", "2"),
        ]);
        let admin = server.admin_token();
        server.campus(&admin, "almaty");
        server.account(&admin, "bob", "student", "almaty");
        for _ in 0..3 {
            assert_error(&server.login("admin", "guess-guess-guess"), 401, "invalid_credentials");
        }
        let throttled = server.login("admin", ADMIN_PASSWORD);
        assert_error(&throttled, 429, "too_many_attempts");
        let wait: i64 = throttled.header("retry-after").unwrap().parse().unwrap();
        assert!((1..=2).contains(&wait), "retry-after {wait}");
        // Another login from the same address is not affected by this login's count.
        // (That the failures leave the window is tested with a clock that the test
        // moves: crates/core/tests/login.rs.)
        assert_eq!(server.login("bob", "bob-password-1").status, 200);
    }

    fn simultaneous_wrong_passwords_are_checked_at_most_the_limit(backend) {
        let server = Server::start_with(backend, &[
            ("QADAM_AUTH__MAX_FAILURES_PER_LOGIN", "5"),
            ("QADAM_AUTH__MAX_FAILURES_PER_ADDRESS", "1000"),
            ("QADAM_LOG", "qadam_core::passwords=debug,info"),
        ]);
        // Each password check logs one line; first see that one wrong login counts one.
        assert_error(&server.login("nobody", "guess-guess-guess"), 401, "invalid_credentials");
        let log = server.wait_for_log(LOGIN_REQUEST, 1);
        assert_eq!(log.matches(PASSWORD_CHECKED).count(), 1, "{log}");

        let statuses = logins_at_once(50, |_| server.login("admin", "guess-guess-guess"));
        // Every request's line comes after its check's, so all checks are in the log now.
        let log = server.wait_for_log(LOGIN_REQUEST, 51);
        let checks = log.matches(PASSWORD_CHECKED).count() - 1;
        let refused = statuses.iter().filter(|r| r.status == 401).count();
        let throttled = statuses.iter().filter(|r| r.status == 429).count();
        assert_eq!((checks, refused, throttled), (5, 5, 45), "{statuses:?}");
        assert_error(&server.login("admin", ADMIN_PASSWORD), 429, "too_many_attempts");
    }

    fn password_checks_past_the_bound_get_503(backend) {
        let server = Server::start_with(backend, &[
            ("QADAM_AUTH__MAX_CONCURRENT_PASSWORD_CHECKS", "1"),
            ("QADAM_AUTH__PASSWORD_CHECK_WAIT_MS", "0"),
            ("QADAM_AUTH__MAX_FAILURES_PER_ADDRESS", "25"),
        ]);
        let responses = logins_at_once(20, |i| server.login(&format!("user{i}"), "guess-guess-guess"));
        let checked = responses.iter().filter(|r| r.status == 401).count();
        let busy: Vec<&Response> = responses.iter().filter(|r| r.status == 503).collect();
        assert_eq!(checked + busy.len(), 20, "{responses:?}");
        assert!(!busy.is_empty(), "one check at a time: {responses:?}");
        for response in busy {
            assert_error(response, 503, "server_busy");
            assert_eq!(response.header("retry-after"), Some("1"));
        }
        // A refused attempt was never checked, so it does not count against the
        // address: exactly 25 - checked more failures fit before the limit.
        for i in checked..25 {
            assert_error(&server.login(&format!("later{i}"), "guess-guess-guess"), 401, "invalid_credentials");
        }
        assert_error(&server.login("admin", ADMIN_PASSWORD), 429, "too_many_attempts");
    }

    fn throttling_by_address(backend) {
        let server = Server::start_with(backend, &[("QADAM_AUTH__MAX_FAILURES_PER_ADDRESS", "4")]);
        for login in ["a1", "a2", "a3", "a4"] {
            assert_error(&server.login(login, "guess-guess-guess"), 401, "invalid_credentials");
        }
        assert_error(&server.login("admin", ADMIN_PASSWORD), 429, "too_many_attempts");
    }

    fn a_forged_forwarded_for_does_not_change_the_counted_address(backend) {
        let server = Server::start_with(backend, &[("QADAM_AUTH__MAX_FAILURES_PER_ADDRESS", "3")]);
        for (login, forged) in [("a1", "198.51.100.1"), ("a2", "198.51.100.2"), ("a3", "198.51.100.3")] {
            assert_error(&server.login_from(login, "guess-guess-guess", forged), 401, "invalid_credentials");
        }
        // No proxy is trusted: all three came from 127.0.0.1, whatever they claimed.
        assert_error(&server.login_from("admin", ADMIN_PASSWORD, "198.51.100.4"), 429, "too_many_attempts");
    }

    fn behind_a_trusted_proxy_each_client_is_counted_apart(backend) {
        let server = Server::start_with(backend, &[
            ("QADAM_AUTH__MAX_FAILURES_PER_ADDRESS", "3"),
            ("QADAM_HTTP__TRUSTED_PROXIES", "[\"127.0.0.1\"]"),
        ]);
        for login in ["a1", "a2", "a3"] {
            assert_error(&server.login_from(login, "guess-guess-guess", "203.0.113.7"), 401, "invalid_credentials");
        }
        // That client is throttled, also when it puts a forged address in front...
        assert_error(&server.login_from("admin", ADMIN_PASSWORD, "203.0.113.7"), 429, "too_many_attempts");
        let forged = server.login_from("admin", ADMIN_PASSWORD, "198.51.100.9, 203.0.113.7");
        assert_error(&forged, 429, "too_many_attempts");
        // ...while another client behind the same proxy is not.
        assert_eq!(server.login_from("admin", ADMIN_PASSWORD, "203.0.113.8").status, 200);

        // An IPv6 client is counted by its /64, whichever address of it it uses.
        for (login, address) in [("b1", "2001:db8:1:2::1"), ("b2", "2001:db8:1:2::2"), ("b3", "2001:db8:1:2:ffff::3")] {
            assert_error(&server.login_from(login, "guess-guess-guess", address), 401, "invalid_credentials");
        }
        assert_error(&server.login_from("admin", ADMIN_PASSWORD, "2001:db8:1:2::99"), 429, "too_many_attempts");
        assert_eq!(server.login_from("admin", ADMIN_PASSWORD, "2001:db8:1:3::1").status, 200);
    }

    fn lists_are_paginated(backend) {
        let server = Server::start(backend);
        let admin = server.admin_token();
        for slug in ["c1", "c2", "c3", "c4", "c5"] {
            server.campus(&admin, slug);
        }
        let page = server.get("/api/v1/campuses?page=2&per_page=2", &admin);
        assert_eq!(page.status, 200);
        assert_eq!(page.body["total"], 5);
        assert_eq!(page.body["page"], 2);
        assert_eq!(page.body["per_page"], 2);
        let slugs: Vec<&str> = page.body["items"].as_array().unwrap().iter().map(|c| c["slug"].as_str().unwrap()).collect();
        assert_eq!(slugs, ["c3", "c4"]);
        let past_the_end = server.get("/api/v1/campuses?page=9", &admin);
        assert_eq!(past_the_end.body["items"], json!([]));
    }

    fn openapi_document_describes_the_api(backend) {
        let server = Server::start(backend);
        let doc = server.call("GET", "/api/v1/openapi.json", None, None);
        assert_eq!(doc.status, 200);
        assert!(doc.body["openapi"].as_str().unwrap().starts_with("3."));
        for path in ["/api/v1/auth/login", "/api/v1/auth/logout", "/api/v1/me", "/api/v1/users", "/api/v1/users/{login}", "/api/v1/campuses", "/api/v1/audit", "/healthz"] {
            assert!(doc.body["paths"].get(path).is_some(), "{path} missing from the OpenAPI document");
        }
        assert!(doc.body["components"]["securitySchemes"]["bearer"].is_object());
        let statuses = |path: &str, method: &str| -> Vec<String> {
            doc.body["paths"][path][method]["responses"].as_object().unwrap().keys().cloned().collect()
        };
        // Every status a route can answer is documented: its own, and those of the
        // framework and platform (body errors, a missing token, an unknown key, 500, 503).
        assert_eq!(statuses("/api/v1/auth/login", "post"), ["200", "400", "401", "413", "415", "422", "429", "500", "503"]);
        assert_eq!(statuses("/api/v1/me/password", "put"), ["204", "400", "401", "413", "415", "422", "429", "500", "503"]);
        assert_eq!(statuses("/api/v1/campuses/{slug}", "get"), ["200", "401", "404", "500", "503"]);
        assert_eq!(statuses("/api/v1/projects", "get"), ["200", "401", "404", "422", "500", "503"]);
        assert_eq!(statuses("/healthz", "get"), ["200", "500", "503"]);
        assert!(doc.body["components"]["schemas"]["ErrorEnvelope"].is_object());
    }

    fn secrets_never_reach_the_log(backend) {
        let server = Server::start(backend);
        let token = server.admin_token();
        server.get("/api/v1/me", &token);
        server.login("admin", "a-wrong-password-here");
        // The wrong login is the last request: once its line is in, all of them are.
        let log = server.log_containing("path=/api/v1/auth/login status=401");
        assert!(log.contains("request_id="), "requests are logged with ids: {log}");
        for secret in [ADMIN_PASSWORD, "a-wrong-password-here", token.as_str(), JWT_SECRET] {
            assert!(!log.contains(secret), "the log contains a secret");
        }
        // The server names its database in the log; whatever password the URL it was
        // given carries (from QADAM_TEST_POSTGRES_URL), the log must not show it.
        let name = server.db.url.rsplit('/').next().unwrap().split('?').next().unwrap();
        let ready = log.lines().find(|line| line.contains("database ready")).unwrap_or_else(|| panic!("{log}"));
        assert!(ready.contains(name), "the database is named: {ready}");
        match password_in_url(&server.db.url) {
            Some(password) => {
                let leak = log.lines().find(|line| line.contains(password));
                assert_eq!(leak, None, "the database password ({password}) is in the log");
            }
            None => eprintln!("no password in {}: only the other secrets are checked", server.db.url),
        }
    }
}

/// The password in a database URL, as the URL writes it: `:PASSWORD@` in
/// `scheme://user:PASSWORD@host/db`, or `password=PASSWORD` in its query (libpq).
/// Either is how a URL that reached the log unredacted would show it.
fn password_in_url(url: &str) -> Option<&str> {
    let (_, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    if let Some((credentials, _host)) = authority.rsplit_once('@') {
        let at = credentials.len();
        if let Some(colon) = credentials.find(':').filter(|&colon| colon + 1 < at) {
            return Some(&authority[colon..=at]);
        }
    }
    let query = url.split_once('?')?.1.split('#').next()?;
    query
        .split('&')
        .find(|pair| pair.starts_with("password=") && pair.len() > "password=".len())
}

#[test]
fn password_in_url_is_what_a_leaked_url_would_show() {
    assert_eq!(
        password_in_url("postgres://qadam:s3cret@db:5432/q?sslmode=disable"),
        Some(":s3cret@")
    );
    assert_eq!(
        password_in_url("postgres://u:p%40ss:x@h/q"),
        Some(":p%40ss:x@")
    );
    assert_eq!(
        password_in_url("postgres://qadam@db/q?sslmode=disable&password=s3cret"),
        Some("password=s3cret")
    );
    assert_eq!(password_in_url("postgres://qadam@db/q"), None);
    assert_eq!(password_in_url("postgres://qadam:@db/q"), None);
    assert_eq!(password_in_url("postgres://qadam@db/q?password="), None);
    assert_eq!(password_in_url("sqlite:///tmp/x/qadam.sqlite3"), None);
}

fn jsonwebtoken_segment(value: &Value) -> String {
    let bytes = serde_json::to_vec(value).unwrap();
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | (u32::from(b) << (16 - 8 * i)));
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(alphabet[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

#[test]
fn the_bench_route_exists_only_when_switched_on() {
    let server = Server::start(qadam_testkit::TestBackend::Sqlite);
    let absent = server.call("GET", "/bench/hello", None, None);
    assert_error(&absent, 404, "not_found");
    let benched = server.join(&[("QADAM_HTTP__BENCH_ROUTES", "true")]);
    let hello = benched.call("GET", "/bench/hello", None, None);
    assert_eq!(hello.status, 200, "{hello:?}");
    assert_eq!(hello.body["hello"], "world");
    benched.log_containing("http.bench_routes is on");
}
