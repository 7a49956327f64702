//! Peer evaluations end to end: the real `qadam` binary, a real Docker engine and both
//! backends, with the server's clock moved forward by an admin (`/testing/clock`)
//! instead of waiting for the evening. A team hands in Rush 00, books a time from the
//! command line without learning who evaluates it, the housekeeping reveals both sides
//! before the start, the evaluator types the team's code, downloads exactly the
//! handed-in archive and fills the sheet from the command line; the mark, the points,
//! the feedback and the campus's signed webhook follow.

mod support;

use hmac::{Hmac, Mac};
use qadam_testkit::tar_gz;
use serde_json::{json, Value};
use sha2::Sha256;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use support::{catalog_dir, cli, images_dir, register, scratch, text, upload, verdict, Server};

const WEBHOOK_SECRET: &str = "a-webhook-secret-of-the-campus";

/// One request the campus's webhook received: its headers (lower-case names) and body.
struct Delivery {
    headers: BTreeMap<String, String>,
    body: Vec<u8>,
}

/// A webhook receiver on a free port: each request is answered 200 and passed on.
fn webhook_receiver() -> (String, mpsc::Receiver<Delivery>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hooks/qadam", listener.local_addr().unwrap());
    let (sender, received) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut headers = BTreeMap::new();
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            loop {
                line.clear();
                if reader.read_line(&mut line).unwrap() == 0 || line.trim().is_empty() {
                    break;
                }
                if let Some((name, value)) = line.split_once(':') {
                    headers.insert(name.trim().to_lowercase(), value.trim().to_string());
                }
            }
            let length: usize = headers
                .get("content-length")
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            if sender.send(Delivery { headers, body }).is_err() {
                return;
            }
        }
    });
    (url, received)
}

/// The webhook's posts until one of `kind` for `login` comes, each checked for its
/// signature (HMAC-SHA256 of the body with the campus's secret).
fn wait_for_webhook(received: &mpsc::Receiver<Delivery>, kind: &str, login: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let delivery = received
            .recv_timeout(left)
            .unwrap_or_else(|_| panic!("no {kind} webhook for {login} in a minute"));
        let mut mac = Hmac::<Sha256>::new_from_slice(WEBHOOK_SECRET.as_bytes()).unwrap();
        mac.update(&delivery.body);
        let hex: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            delivery.headers.get("x-qadam-signature"),
            Some(&format!("sha256={hex}")),
            "every post is signed"
        );
        let body: Value = serde_json::from_slice(&delivery.body).unwrap();
        assert_eq!(
            delivery.headers.get("x-qadam-event"),
            body["kind"].as_str().map(str::to_string).as_ref()
        );
        if body["kind"] == kind && body["user"] == login {
            return body;
        }
    }
}

/// Moves the server's clock forward; answers the server's time after the move.
fn advance(server: &Server, admin: &str, seconds: i64) -> chrono::DateTime<chrono::Utc> {
    let moved = server.post("/testing/clock", admin, json!({"advance_seconds": seconds}));
    assert_eq!(moved.status, 200, "{moved:?}");
    moved.body["now"].as_str().unwrap().parse().unwrap()
}

/// The first quarter hour at least an hour after `now`.
fn an_hour_after(now: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
    let step = 15 * 60;
    let at = now.timestamp() + 3600;
    chrono::DateTime::from_timestamp((at + step - 1).div_euclid(step) * step, 0).unwrap()
}

/// Polls an evaluation as `token` sees it until `ready` holds (the housekeeping runs
/// every 200 ms here).
fn evaluation_when(
    server: &Server,
    token: &str,
    id: &str,
    ready: impl Fn(&Value) -> bool,
) -> Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let seen = server.get(&format!("/api/v1/evaluations/{id}"), token);
        assert_eq!(seen.status, 200, "{seen:?}");
        if ready(&seen.body) {
            return seen.body;
        }
        assert!(
            Instant::now() < deadline,
            "the evaluation never got there: {:?}",
            seen.body
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn balance(server: &Server, token: &str) -> i64 {
    let points = server.get("/api/v1/me/points", token);
    assert_eq!(points.status, 200, "{points:?}");
    assert_eq!(
        points.body["balance"], points.body["ledger_sum"],
        "a balance is its ledger's sum"
    );
    points.body["balance"].as_i64().unwrap()
}

fn signed_in(server: &Server, name: &str, login: &str) -> std::path::PathBuf {
    let home = scratch(server, name);
    let password = format!("{login}-password-1\n");
    let done = cli(
        &home,
        server,
        &["login", "--login", login, "--password-stdin"],
        Some(&password),
    );
    assert!(done.status.success(), "{}", text(&done));
    home
}

fn rush_solution() -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects-catalog/team/rush-00/solution");
    let rush = std::fs::read(dir.join("rush.c")).unwrap();
    let putchar = std::fs::read(dir.join("ft_putchar.c")).unwrap();
    tar_gz(&[("rush.c", &rush), ("ft_putchar.c", &putchar)])
}

server_tests! {
    fn a_team_books_is_evaluated_from_the_command_line_and_is_marked(backend) {
        let (catalog, images) = (catalog_dir(), images_dir());
        let server = Server::start_with(backend, &[
            ("QADAM_CATALOG_DIR", catalog.as_str()),
            ("QADAM_GRADING__IMAGES_DIR", images.as_str()),
            ("QADAM_GRADING__WORKERS", "1"),
            ("QADAM_EVALUATIONS__MOVABLE_CLOCK", "true"),
            ("QADAM_EVALUATIONS__HOUSEKEEPING_MS", "200"),
        ]);
        let server = &server;
        let admin = server.admin_token();
        server.campus(&admin, "almaty");
        let alice = server.account(&admin, "alice", "student", "almaty");
        let bob = server.account(&admin, "bob", "student", "almaty");
        let carol = server.account(&admin, "carol", "student", "almaty");
        let eve = server.account(&admin, "eve", "student", "almaty");
        let sam = server.account(&admin, "sam", "staff", "almaty");
        let (hook_url, hooks) = webhook_receiver();
        let configured = server.patch("/api/v1/campuses/almaty/evaluation-settings", &sam,
            json!({"webhook_url": hook_url, "webhook_secret": WEBHOOK_SECRET}));
        assert_eq!(configured.status, 200, "{configured:?}");
        assert_eq!(configured.body["webhook_secret"], json!(true), "the secret is never shown back");
        assert_eq!(server.post("/testing/clock", &alice, json!({"advance_seconds": 60})).status, 403);

        // Alice and Bob hand in Rush 00 as a team.
        let team = register(server, &alice, "rush-00");
        let invited = server.post(&format!("/api/v1/teams/{team}/invitations"), &alice, json!({"login": "bob"}));
        assert_eq!(invited.status, 200, "{invited:?}");
        assert_eq!(server.post(&format!("/api/v1/teams/{team}/accept"), &bob, json!({})).status, 200);
        assert_eq!(server.post(&format!("/api/v1/teams/{team}/lock"), &alice, json!({})).status, 200);
        let archive = rush_solution();
        let submission = upload(server, &alice, &team, &archive);
        assert_eq!(verdict(server, &alice, &submission)["score"], json!(100.0));
        let closed = server.post(&format!("/api/v1/teams/{team}/close"), &alice, json!({}));
        assert_eq!(closed.body["status"], "waiting_for_evaluation", "{closed:?}");

        // Carol opens an hour of availability; the team sees times, never her name.
        let begin = an_hour_after(advance(server, &admin, 0));
        let slot = server.post("/api/v1/slots", &carol, json!({
            "begin_at": begin.to_rfc3339(), "end_at": (begin + chrono::Duration::minutes(60)).to_rfc3339()}));
        assert_eq!(slot.status, 201, "{slot:?}");
        let bookable = server.get(&format!("/api/v1/teams/{team}/bookable"), &alice);
        assert_eq!(bookable.body.as_array().map(Vec::len), Some(3), "{bookable:?}");
        assert!(!bookable.body.to_string().contains("carol"));
        assert_eq!(server.get(&format!("/api/v1/teams/{team}/bookable"), &eve).status, 404);

        let alice_home = signed_in(server, "alice-home", "alice");
        let listed = cli(&alice_home, server, &["book", "rush-00", "--list"], None);
        assert!(listed.status.success(), "{}", text(&listed));
        assert!(text(&listed).contains(&begin.format("%Y-%m-%d %H:%M").to_string()), "{}", text(&listed));
        let at = begin.format("%Y-%m-%dT%H:%M").to_string();
        let booked = cli(&alice_home, server, &["book", "rush-00", "--at", &at], None);
        assert!(booked.status.success(), "{}", text(&booked));
        assert!(!text(&booked).contains("carol"), "{}", text(&booked));
        let of_team = server.get(&format!("/api/v1/teams/{team}/evaluations"), &bob);
        let id = of_team.body[0]["id"].as_str().expect("the booked evaluation").to_string();
        assert_eq!(server.get(&format!("/api/v1/evaluations/{id}"), &eve).status, 404, "an outsider sees nothing");
        let refused = server.post(&format!("/api/v1/teams/{team}/evaluations"), &bob,
            json!({"begin_at": (begin + chrono::Duration::minutes(30)).to_rfc3339()}));
        assert_eq!(refused.code(), "enough_evaluations", "{refused:?}");
        assert_eq!((balance(server, &alice), balance(server, &bob), balance(server, &carol)), (4, 4, 5));

        // Before the reveal neither side learns the other's name, nor the webhook.
        let seen = server.get(&format!("/api/v1/evaluations/{id}"), &alice).body;
        assert_eq!((seen["revealed"].clone(), seen["evaluator"].clone(), seen["presence_code"].clone()),
            (json!(false), Value::Null, Value::Null), "{seen}");
        let seen = server.get(&format!("/api/v1/evaluations/{id}"), &carol).body;
        assert_eq!((seen["team"].clone(), seen["team_members"].clone()), (Value::Null, Value::Null), "{seen}");
        let told = wait_for_webhook(&hooks, "evaluation_booked", "alice");
        assert!(!told.to_string().contains("carol"), "{told}");

        // Ten minutes before the start both sides learn who the other is.
        let now = advance(server, &admin, 0);
        // Rounded up to the second, so the later ten minutes land at the start or after.
        advance(server, &admin, (begin - now).num_seconds() + 1 - 600);
        let revealed = evaluation_when(server, &alice, &id, |e| e["revealed"] == true);
        assert_eq!(revealed["evaluator"], "carol");
        let code = revealed["presence_code"].as_str().expect("the team shows its code").to_string();
        let revealed_note = wait_for_webhook(&hooks, "identity_revealed", "alice");
        assert!(revealed_note["message"].as_str().unwrap().contains("carol"), "{revealed_note}");
        let for_carol = server.get(&format!("/api/v1/evaluations/{id}"), &carol).body;
        let mut members: Vec<String> = serde_json::from_value(for_carol["team_members"].clone()).unwrap();
        members.sort();
        assert_eq!(members, ["alice", "bob"]);
        assert_eq!(for_carol["presence_code"], Value::Null, "the evaluator types the code, never reads it");
        let early = server.post(&format!("/api/v1/evaluations/{id}/start"), &carol, json!({"code": code}));
        assert_eq!(early.code(), "too_early", "{early:?}");
        assert_eq!(server.get_bytes(&format!("/api/v1/evaluations/{id}/submission"), &carol).0, 409);

        // At the start Carol evaluates from the command line: a wrong code first.
        advance(server, &admin, 600);
        let carol_home = signed_in(server, "carol-home", "carol");
        let wrong = if code == "000000" { "111111" } else { "000000" };
        let sheet = server.get("/api/v1/projects/rush-00", &carol).body;
        let questions: Vec<Value> = sheet["definition"]["sheet"]["sections"].as_array().expect("the project shows its sheet")
            .iter().flat_map(|s| s["questions"].as_array().unwrap().clone()).collect();
        let mut answers = format!("{wrong}\n{code}\n");
        for question in &questions {
            answers.push_str(match (question["bonus"].as_bool().unwrap(), question["kind"].as_str().unwrap()) {
                (true, _) => "\n",
                (false, "rating") => "5\n",
                (false, _) => "yes\n",
            });
        }
        answers.push_str("ok\nEvery shape was right and the team explained the corner cases well.\n");
        let evaluated = cli(&carol_home, server, &["evaluate", &id], Some(&answers));
        let report = text(&evaluated);
        assert!(evaluated.status.success(), "{report}");
        assert!(report.contains("wrong_code"), "the wrong code is refused first: {report}");
        let downloaded = std::fs::read(carol_home.join(format!("submission-{id}.tar.gz"))).unwrap();
        assert_eq!(downloaded, archive, "the evaluator gets exactly the handed-in archive");

        // One evaluation was required: the attempt is marked, validated, XP follows.
        let done = server.get(&format!("/api/v1/evaluations/{id}"), &alice).body;
        assert_eq!((done["status"].clone(), done["mark"].clone()), (json!("completed"), json!(100)), "{done}");
        let marked = server.get(&format!("/api/v1/teams/{team}"), &bob).body;
        assert_eq!((marked["status"].clone(), marked["final_mark"].clone(), marked["validated"].clone()),
            (json!("finished"), json!(100), json!(true)), "{marked}");
        let progress = server.get("/api/v1/users/bob/progress", &bob).body;
        assert!(progress.to_string().contains("rush-00"), "{progress}");
        assert_eq!(balance(server, &carol), 6, "the evaluator earns the reward");

        // Bob rates Carol from the command line; Carol is told; she cannot rate herself.
        let bob_home = signed_in(server, "bob-home", "bob");
        let rated = cli(&bob_home, server, &["rate", &id, "--rating", "5", "--nice", "--punctual",
            "--comment", "Patient, and she made us draw the corners by hand."], None);
        assert!(rated.status.success(), "{}", text(&rated));
        let again = cli(&alice_home, server, &["rate", &id, "--rating", "1", "--comment", "twice"], None);
        assert!(!again.status.success() && text(&again).contains("feedback_given"), "{}", text(&again));
        let self_rated = server.post(&format!("/api/v1/evaluations/{id}/feedback"), &carol,
            json!({"rating": 5, "comment": "I was great."}));
        assert_eq!(self_rated.code(), "team_only", "{self_rated:?}");
        wait_for_webhook(&hooks, "feedback_received", "carol");
        let points = cli(&carol_home, server, &["points"], None);
        assert!(text(&points).contains("6 evaluation point(s)"), "{}", text(&points));
        let notes = cli(&carol_home, server, &["notifications", "--all"], None);
        assert!(text(&notes).contains("alice") || text(&notes).contains("bob"), "{}", text(&notes));

        // Staff see the sheet filled in no time flagged; the team never sees flags.
        let for_staff = server.get(&format!("/api/v1/evaluations/{id}"), &sam).body;
        assert!(for_staff["review_flags"].to_string().contains("too_fast"), "{for_staff}");
        assert_eq!(server.get(&format!("/api/v1/evaluations/{id}"), &alice).body["review_flags"], json!([]));
        let flags = server.get("/api/v1/review-flags", &sam);
        assert!(flags.body.to_string().contains(&id), "{flags:?}");
        assert_eq!(server.get("/api/v1/review-flags", &alice).status, 403);
    }
}
