//! Starts the real `qadam` binary on a free port against a fresh database and talks
//! to it over HTTP, as a client would.

#![allow(dead_code)]

use qadam_testkit::{TestBackend, TestDatabase};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

pub const ADMIN_PASSWORD: &str = "admin-password-123";
pub const JWT_SECRET: &str = "test-secret-of-at-least-thirty-two-chars";

/// The base URL in the server's "listening" log line, if `line` is that line.
pub fn listening_address(line: &str) -> Option<String> {
    let at = line.find("address=http://")?;
    Some(line[at + "address=".len()..].trim().to_string())
}

pub fn qadam() -> Command {
    Command::new(env!("CARGO_BIN_EXE_qadam"))
}

/// How long a test waits for a log line before it fails.
const LOG_DEADLINE: Duration = Duration::from_secs(30);

/// What a server wrote to stderr so far, and whether it closed it (it exited); the
/// thread reading it notifies the condition variable after each line.
#[derive(Default)]
struct Log {
    text: String,
    closed: bool,
}

type SharedLog = Arc<(Mutex<Log>, Condvar)>;

pub struct Server {
    child: Child,
    pub base: String,
    pub db: TestDatabase,
    pub data_dir: PathBuf,
    log: SharedLog,
}

pub struct Response {
    pub status: u16,
    pub body: Value,
    pub headers: Vec<(String, String)>,
}

impl Response {
    pub fn code(&self) -> &str {
        self.body["error"]["code"].as_str().unwrap_or("")
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl std::fmt::Debug for Response {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status, self.body)
    }
}

impl Server {
    /// A server with an `admin` account, on `backend`, with `env` added to its environment.
    pub fn start_with(backend: TestBackend, env: &[(&str, &str)]) -> Server {
        let db = TestDatabase::fresh(backend);
        let data_dir = db.scratch_dir().join("data");
        let mut create = qadam()
            .args([
                "admin",
                "create-user",
                "--login",
                "admin",
                "--role",
                "admin",
                "--password-stdin",
            ])
            .args([
                "--data-dir",
                data_dir.to_str().unwrap(),
                "--database-url",
                &db.url,
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("run qadam admin create-user");
        writeln!(create.stdin.take().unwrap(), "{ADMIN_PASSWORD}").unwrap();
        assert!(create.wait().unwrap().success(), "create-user failed");
        Server::spawn(db, data_dir, env)
    }

    /// A second server process on this server's database (as behind a load balancer).
    pub fn join(&self, env: &[(&str, &str)]) -> Server {
        Server::spawn(self.db.shared(), self.data_dir.clone(), env)
    }

    /// Runs `qadam admin ARGS` on this server's database.
    pub fn admin_command(&self, args: &[&str]) -> std::process::Output {
        let mut full = vec!["admin"];
        full.extend_from_slice(args);
        self.command(&full)
    }

    /// Runs `qadam ARGS` on this server's database and data folder.
    pub fn command(&self, args: &[&str]) -> std::process::Output {
        qadam()
            .args(args)
            .args([
                "--data-dir",
                self.data_dir.to_str().unwrap(),
                "--database-url",
                &self.db.url,
            ])
            .stdin(Stdio::null())
            .output()
            .expect("run qadam admin")
    }

    fn spawn(db: TestDatabase, data_dir: PathBuf, env: &[(&str, &str)]) -> Server {
        let mut command = qadam();
        command
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args([
                "--data-dir",
                data_dir.to_str().unwrap(),
                "--database-url",
                &db.url,
            ])
            .env("QADAM_AUTH__JWT_SECRET", JWT_SECRET)
            // No curriculum unless a test asks for one (QADAM_CATALOG_DIR in `env`).
            .env("QADAM_CATALOG_DIR", "")
            // No grading workers unless a test asks for them.
            .env("QADAM_GRADING__WORKERS", "0")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("start qadam serve");
        let (log, address) = capture_log(&mut child);
        let base = match address.recv_timeout(Duration::from_secs(60)) {
            Ok(base) => base,
            Err(_) => {
                let _ = child.kill();
                panic!("the server did not start: {}", log.0.lock().unwrap().text);
            }
        };
        Server {
            child,
            base,
            db,
            data_dir,
            log,
        }
    }

    /// Stops the server at once (SIGKILL), as a crash would; its database stays.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Starts `qadam worker` on this server's database and data folder.
    pub fn worker(&self, env: &[(&str, &str)]) -> Process {
        self.worker_in(&self.data_dir, env)
    }

    /// Starts `qadam worker` on this server's database with a data folder of its own,
    /// as on another machine.
    pub fn worker_in(&self, data_dir: &std::path::Path, env: &[(&str, &str)]) -> Process {
        let mut command = qadam();
        command
            .args(["worker"])
            .args([
                "--data-dir",
                data_dir.to_str().unwrap(),
                "--database-url",
                &self.db.url,
            ])
            .env("QADAM_AUTH__JWT_SECRET", JWT_SECRET)
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("start qadam worker");
        let (log, _) = capture_log(&mut child);
        Process { child, log }
    }

    pub fn start(backend: TestBackend) -> Server {
        Server::start_with(backend, &[])
    }

    /// Everything the server logged once `ready` holds for it: the log is read as it
    /// grows, without a fixed pause. Fails the test, naming `awaited`, when `ready`
    /// still does not hold after 30 s or once the server has closed its log.
    ///
    /// There is deliberately no way to read the log without waiting for something:
    /// a line a test looks for may still be on its way through the pipe, and a test
    /// that checks something is absent first waits for a line proving the code ran.
    #[track_caller]
    pub fn log_when(&self, awaited: &str, ready: impl Fn(&str) -> bool) -> String {
        wait_for(&self.log, awaited, ready)
    }

    /// The log once `what` appears in it.
    #[track_caller]
    pub fn log_containing(&self, what: &str) -> String {
        self.wait_for_log(what, 1)
    }

    /// The log once `what` appears in it at least `count` times.
    #[track_caller]
    pub fn wait_for_log(&self, what: &str, count: usize) -> String {
        self.log_when(&format!("{what:?} {count} time(s)"), |log| {
            log.matches(what).count() >= count
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Sends a request with an optional bearer token and JSON body.
    pub fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Response {
        let mut request = ureq::request(method, &self.url(path)).timeout(Duration::from_secs(30));
        if let Some(token) = token {
            request = request.set("Authorization", &format!("Bearer {token}"));
        }
        let result = match body {
            Some(body) => request.send_json(body),
            None => request.call(),
        };
        into_response(result)
    }

    /// Sends raw bytes with the given content type.
    pub fn raw(&self, method: &str, path: &str, content_type: &str, body: &[u8]) -> Response {
        let result = ureq::request(method, &self.url(path))
            .set("Content-Type", content_type)
            .send_bytes(body);
        into_response(result)
    }

    /// Sends raw bytes with a bearer token (an upload).
    pub fn upload(&self, path: &str, token: &str, body: &[u8]) -> Response {
        let result = ureq::post(&self.url(path))
            .timeout(Duration::from_secs(60))
            .set("Authorization", &format!("Bearer {token}"))
            .set("Content-Type", "application/gzip")
            .send_bytes(body);
        into_response(result)
    }

    /// A GET whose answer is bytes (a download): the status and the body.
    pub fn get_bytes(&self, path: &str, token: &str) -> (u16, Vec<u8>) {
        let result = ureq::get(&self.url(path))
            .timeout(Duration::from_secs(30))
            .set("Authorization", &format!("Bearer {token}"))
            .call();
        let response = match result {
            Ok(response) => response,
            Err(ureq::Error::Status(_, response)) => response,
            Err(err) => panic!("request failed: {err}"),
        };
        let status = response.status();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut response.into_reader(), &mut bytes).unwrap();
        (status, bytes)
    }

    pub fn get(&self, path: &str, token: &str) -> Response {
        self.call("GET", path, Some(token), None)
    }

    /// A GET with one extra request header.
    pub fn get_with_header(&self, path: &str, token: &str, header: (&str, &str)) -> Response {
        let result = ureq::get(&self.url(path))
            .timeout(Duration::from_secs(30))
            .set("Authorization", &format!("Bearer {token}"))
            .set(header.0, header.1)
            .call();
        into_response(result)
    }

    pub fn post(&self, path: &str, token: &str, body: Value) -> Response {
        self.call("POST", path, Some(token), Some(body))
    }

    pub fn patch(&self, path: &str, token: &str, body: Value) -> Response {
        self.call("PATCH", path, Some(token), Some(body))
    }

    pub fn login(&self, login: &str, password: &str) -> Response {
        self.call(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({"login": login, "password": password})),
        )
    }

    /// A login attempt carrying an `X-Forwarded-For` header.
    pub fn login_from(&self, login: &str, password: &str, forwarded_for: &str) -> Response {
        let result = ureq::post(&self.url("/api/v1/auth/login"))
            .timeout(Duration::from_secs(30))
            .set("X-Forwarded-For", forwarded_for)
            .send_json(json!({"login": login, "password": password}));
        into_response(result)
    }

    /// Logs in and returns the access token, failing the test otherwise.
    pub fn token(&self, login: &str, password: &str) -> String {
        let response = self.login(login, password);
        assert_eq!(response.status, 200, "login {login}: {response:?}");
        response.body["access_token"].as_str().unwrap().to_string()
    }

    pub fn admin_token(&self) -> String {
        self.token("admin", ADMIN_PASSWORD)
    }

    /// Creates a campus as admin.
    pub fn campus(&self, admin: &str, slug: &str) {
        let response = self.post(
            "/api/v1/campuses",
            admin,
            json!({"slug": slug, "name": format!("Campus {slug}")}),
        );
        assert_eq!(response.status, 201, "{response:?}");
    }

    /// Creates an account and returns a token for it.
    pub fn account(&self, creator: &str, login: &str, role: &str, campus: &str) -> String {
        let password = format!("{login}-password-1");
        let response = self.post(
            "/api/v1/users",
            creator,
            json!({"login": login, "display_name": login, "role": role, "campus": campus, "password": password}),
        );
        assert_eq!(response.status, 201, "{response:?}");
        self.token(login, &password)
    }
}

/// Reads a child's stderr into a shared log on a thread of its own; the receiver
/// gets the address of the first "listening" line, if one comes.
fn capture_log(child: &mut Child) -> (SharedLog, mpsc::Receiver<String>) {
    let stderr = child.stderr.take().unwrap();
    let log: SharedLog = Arc::default();
    let (found, address) = mpsc::channel();
    let log_writer = log.clone();
    std::thread::spawn(move || {
        let (text, written) = &*log_writer;
        let mut found = Some(found);
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            {
                let mut log = text.lock().unwrap();
                log.text.push_str(&line);
                log.text.push('\n');
            }
            written.notify_all();
            if let Some(address) = listening_address(&line) {
                if let Some(sender) = found.take() {
                    let _ = sender.send(address);
                }
            }
        }
        text.lock().unwrap().closed = true;
        written.notify_all();
    });
    (log, address)
}

/// The log once `ready` holds for it; fails the test after 30 s or once the process
/// closed its log without it.
#[track_caller]
fn wait_for(log: &SharedLog, awaited: &str, ready: impl Fn(&str) -> bool) -> String {
    wait_for_within(log, awaited, ready, LOG_DEADLINE)
}

#[track_caller]
fn wait_for_within(
    log: &SharedLog,
    awaited: &str,
    ready: impl Fn(&str) -> bool,
    within: Duration,
) -> String {
    let (text, written) = &**log;
    let deadline = Instant::now() + within;
    let mut log = text.lock().unwrap();
    loop {
        if ready(&log.text) {
            return log.text.clone();
        }
        let now = Instant::now();
        if log.closed || now >= deadline {
            let when = if log.closed {
                "before the process exited".to_string()
            } else {
                format!("within {within:?}")
            };
            let text = log.text.clone();
            // Not while holding the lock: that would poison it for the reader.
            drop(log);
            panic!("{awaited} not seen in the log {when}: {text}");
        }
        log = written.wait_timeout(log, deadline - now).unwrap().0;
    }
}

/// Another `qadam` process (a worker) whose log a test can wait on.
pub struct Process {
    pub child: Child,
    log: SharedLog,
}

impl Process {
    #[track_caller]
    pub fn wait_for_log(&self, what: &str, count: usize, within: Duration) -> String {
        wait_for_within(
            &self.log,
            &format!("{what:?} {count} time(s)"),
            |log| log.matches(what).count() >= count,
            within,
        )
    }

    /// Stops it at once (SIGKILL).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        self.kill();
    }
}

fn into_response(result: Result<ureq::Response, ureq::Error>) -> Response {
    let response = match result {
        Ok(response) => response,
        Err(ureq::Error::Status(_, response)) => response,
        Err(err) => panic!("request failed: {err}"),
    };
    let status = response.status();
    let headers = response
        .headers_names()
        .into_iter()
        .map(|name| {
            let value = response.header(&name).unwrap_or("").to_string();
            (name, value)
        })
        .collect();
    let text = response.into_string().unwrap_or_default();
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("response is not JSON: {text}"))
    };
    Response {
        status,
        body,
        headers,
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Declares each test once and runs it against both backends with a fresh server.
#[macro_export]
macro_rules! server_tests {
    ($(fn $name:ident($server:ident) $body:block)*) => {
        mod sqlite {
            $(
                #[test]
                fn $name() {
                    super::$name(qadam_testkit::TestBackend::Sqlite)
                }
            )*
        }
        mod postgres {
            $(
                #[test]
                fn $name() {
                    super::$name(qadam_testkit::TestBackend::Postgres)
                }
            )*
        }
        $(
            fn $name($server: qadam_testkit::TestBackend) $body
        )*
    };
}

// The student's side, shared by the end-to-end tests of the project flow.

pub fn catalog_dir() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("projects-catalog")
        .display()
        .to_string()
}

pub fn images_dir() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("grader-images")
        .display()
        .to_string()
}

/// Runs the student's command line with its own config folder, in that folder.
pub fn cli(home: &Path, server: &Server, args: &[&str], stdin: Option<&str>) -> Output {
    cli_in(home, home, server, args, stdin)
}

/// `qadam ARGS` run from the folder `dir`, as a student in a project's folder.
pub fn cli_in(
    dir: &Path,
    home: &Path,
    server: &Server,
    args: &[&str],
    stdin: Option<&str>,
) -> Output {
    let mut child = qadam()
        .args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", home)
        .env("QADAM_SERVER", &server.base)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run qadam");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

pub fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

pub fn register(server: &Server, token: &str, slug: &str) -> String {
    let response = server.post(
        &format!("/api/v1/projects/{slug}/register"),
        token,
        json!({}),
    );
    assert_eq!(response.status, 201, "{response:?}");
    response.body["id"].as_str().unwrap().to_string()
}

pub fn upload(server: &Server, token: &str, team: &str, archive: &[u8]) -> String {
    let response = server.upload(&format!("/api/v1/teams/{team}/submissions"), token, archive);
    assert_eq!(response.status, 202, "{response:?}");
    response.body["id"].as_str().unwrap().to_string()
}

/// The submission once it is graded (or failed on our side), waiting as a client does.
pub fn verdict(server: &Server, token: &str, id: &str) -> Value {
    for _ in 0..6 {
        let response = server.get(&format!("/api/v1/submissions/{id}?wait=30"), token);
        assert_eq!(response.status, 200, "{response:?}");
        if matches!(response.body["status"].as_str(), Some("graded" | "failed")) {
            return response.body;
        }
    }
    panic!("submission {id} got no verdict in three minutes");
}

pub fn scratch(server: &Server, name: &str) -> PathBuf {
    let dir = server.data_dir.parent().unwrap().join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Copies a folder tree (a catalog to change in a test).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
