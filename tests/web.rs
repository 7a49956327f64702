//! The web pages: the real `qadam` binary, Docker, and headless Chromium driven over
//! WebDriver (chromedriver, from Debian's `chromium-driver`, which `scripts/test`
//! installs). A student signs in with the keyboard alone, opens the curriculum,
//! registers for ft-strlen, uploads a wrong then a right solution and watches both
//! verdicts arrive without a reload, hands in and sees the mark. Screenshots of each
//! main page in each language go to `target/ui-screenshots/`. Beside it, plain HTTP
//! checks of what a browser cannot be trusted to show: forms without the CSRF token
//! are refused, another student's cookie reads nothing of the team, and user text
//! is rendered inert.

mod support;

use fantoccini::{Client, ClientBuilder, Locator};
use qadam_testkit::{tar_gz, TestBackend};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use support::{catalog_dir, images_dir, Server};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

fn school() -> Server {
    let catalog = catalog_dir();
    let images = images_dir();
    let server = Server::start_with(
        TestBackend::Sqlite,
        &[
            ("QADAM_CATALOG_DIR", catalog.as_str()),
            ("QADAM_GRADING__IMAGES_DIR", images.as_str()),
            ("QADAM_GRADING__WORKERS", "1"),
        ],
    );
    let admin = server.admin_token();
    server.campus(&admin, "almaty");
    server.account(&admin, "alice", "student", "almaty");
    server.account(&admin, "eve", "student", "almaty");
    server
}

fn strlen_source(result: &str) -> String {
    format!("int\tft_strlen(char *s)\n{{\n\tint\ti;\n\n\ti = 0;\n\twhile (s[i])\n\t\ti++;\n\treturn ({result});\n}}\n")
}

/// A chromedriver on a port of its own, stopped with the test.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_driver() -> Driver {
    assert!(
        Path::new(CHROMEDRIVER).exists() && Path::new(CHROMIUM).exists(),
        "the browser tests need Debian's chromium and chromium-driver (scripts/test installs them)"
    );
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(30);
    // Ready when its status answers.
    while ureq::get(&format!("{url}/status")).call().is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    Driver { child, url }
}

async fn browser(driver: &Driver) -> Client {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--window-size=1280,1000"]
        }),
    );
    ClientBuilder::native()
        .capabilities(capabilities)
        .connect(&driver.url)
        .await
        .expect("connect to chromedriver")
}

fn screenshots_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ui-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.unwrap();
    std::fs::write(screenshots_dir().join(format!("{name}.png")), png).unwrap();
}

/// Waits for the page to satisfy a script's condition (a boolean expression).
async fn wait_for(client: &Client, condition: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(180);
    loop {
        let value = client
            .execute(&format!("return Boolean({condition});"), vec![])
            .await
            .unwrap();
        if value.as_bool() == Some(true) {
            return;
        }
        if Instant::now() > deadline {
            screenshot(client, "failure").await;
            let source = client.source().await.unwrap_or_default();
            panic!("waited three minutes for {what}; the page:\n{source}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn text_of(client: &Client, css: &str) -> String {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("no {css}"))
        .text()
        .await
        .unwrap()
}

/// Every visible input has a label, every image a text alternative, the page its
/// language.
async fn check_accessibility(client: &Client, page: &str) {
    let problems = client
        .execute(
            r#"const problems = [];
               if (!document.documentElement.lang) problems.push("no lang on <html>");
               for (const input of document.querySelectorAll("input:not([type=hidden]), select, textarea")) {
                 if (!input.labels || input.labels.length === 0) problems.push("unlabelled " + (input.name || input.id));
               }
               for (const img of document.querySelectorAll("img")) {
                 if (!img.hasAttribute("alt")) problems.push("image without alt: " + img.src);
               }
               for (const svg of document.querySelectorAll("svg")) {
                 if (!svg.getAttribute("aria-labelledby") && !svg.getAttribute("aria-label")) problems.push("svg without a name");
               }
               return problems;"#,
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(problems, json!([]), "{page}: {problems}");
}

fn write_archive(dir: &Path, name: &str, source: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, tar_gz(&[("ft_strlen.c", source.as_bytes())])).unwrap();
    path.display().to_string()
}

#[tokio::test(flavor = "current_thread")]
async fn a_student_signs_in_registers_submits_and_hands_in_in_a_browser() {
    let server = school();
    let driver = start_driver();
    let client = browser(&driver).await;
    let scratch = server.data_dir.parent().unwrap().join("browser");
    std::fs::create_dir_all(&scratch).unwrap();

    // Signing in with the keyboard alone: type, Tab, type, Enter.
    client.goto(&format!("{}/", server.base)).await.unwrap();
    wait_for(
        &client,
        "document.querySelector('#login')",
        "the sign-in form",
    )
    .await;
    check_accessibility(&client, "login").await;
    screenshot(&client, "login-en").await;
    client
        .active_element()
        .await
        .unwrap()
        .send_keys("alice\u{E004}alice-password-1\u{E007}")
        .await
        .unwrap();
    wait_for(&client, "document.querySelector('#level')", "the dashboard").await;
    assert_eq!(text_of(&client, "h1").await, "Hello, alice");
    check_accessibility(&client, "dashboard").await;

    // The curriculum, then the project from its graph's list.
    client
        .find(Locator::LinkText("Curriculum"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        &client,
        "document.querySelector('figure.graph svg')",
        "the curriculum graph",
    )
    .await;
    check_accessibility(&client, "curriculum").await;
    client
        .find(Locator::Css("ol.stages a[href='/projects/ft-strlen']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        &client,
        "document.querySelector('article.markdown h1, article.markdown p')",
        "the subject",
    )
    .await;
    client
        .find(Locator::Css("section.team button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        &client,
        "document.querySelector('#archive')",
        "the upload form",
    )
    .await;
    check_accessibility(&client, "project").await;

    // A wrong solution, then a right one; each verdict arrives on the same page.
    for (name, source, verdict) in [
        ("wrong.tar.gz", strlen_source("i + 1"), "failed"),
        ("right.tar.gz", strlen_source("i"), "passed"),
    ] {
        let path = write_archive(&scratch, name, &source);
        client
            .find(Locator::Css("#archive"))
            .await
            .unwrap()
            .send_keys(&path)
            .await
            .unwrap();
        client
            .find(Locator::Css("form.upload button[type=submit]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for(
            &client,
            "document.querySelector('.submission')",
            "the new submission",
        )
        .await;
        // Proof that what follows happens without a reload: a mark on this page.
        client
            .execute("window.qadamNoReload = 'still here'; return null;", vec![])
            .await
            .unwrap();
        wait_for(
            &client,
            "document.querySelector('ol.submissions li:first-child .submission[data-status=graded]')",
            &format!("the {verdict} verdict"),
        )
        .await;
        let still = client
            .execute("return window.qadamNoReload;", vec![])
            .await
            .unwrap();
        assert_eq!(still, json!("still here"), "the page was reloaded");
        let shown = text_of(&client, "ol.submissions li:first-child .verdict").await;
        assert_eq!(shown, verdict);
    }
    let report = text_of(&client, "ol.submissions li:last-child ul.tests").await;
    assert!(report.contains("failed"), "{report}");
    screenshot(&client, "project-submissions-en").await;

    // Hand in: the mark shows.
    client
        .find(Locator::Css("#hand-in"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&client, "document.querySelector('#final-mark')", "the mark").await;
    assert_eq!(text_of(&client, "#final-mark").await, "100");

    // Each main page in each language, with the switcher.
    for lang in ["en", "ru", "kk", "fr"] {
        client
            .goto(&format!("{}/language/{lang}?back=/", server.base))
            .await
            .unwrap();
        let html_lang = client
            .execute("return document.documentElement.lang;", vec![])
            .await
            .unwrap();
        assert_eq!(html_lang, json!(lang));
        screenshot(&client, &format!("dashboard-{lang}")).await;
        client
            .goto(&format!("{}/curriculum", server.base))
            .await
            .unwrap();
        screenshot(&client, &format!("curriculum-{lang}")).await;
        client
            .goto(&format!("{}/projects/ft-strlen", server.base))
            .await
            .unwrap();
        screenshot(&client, &format!("project-{lang}")).await;
        client
            .goto(&format!("{}/no-such-page", server.base))
            .await
            .unwrap();
        screenshot(&client, &format!("not-found-{lang}")).await;
    }
    let french = text_of(&client, "h1").await;
    assert!(!french.contains("Something went wrong"), "{french}");
    client.close().await.unwrap();
}

/// Cookies as a browser keeps them, for the checks that need no browser.
struct Visitor<'a> {
    server: &'a Server,
    cookies: Vec<(String, String)>,
}

impl<'a> Visitor<'a> {
    fn new(server: &'a Server) -> Visitor<'a> {
        Visitor {
            server,
            cookies: Vec::new(),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep(&mut self, response: &ureq::Response) {
        for header in response.all("set-cookie") {
            let pair = header.split(';').next().unwrap_or_default();
            if let Some((name, value)) = pair.split_once('=') {
                self.cookies.retain(|(n, _)| n != name);
                if !value.is_empty() {
                    self.cookies.push((name.to_string(), value.to_string()));
                }
            }
        }
    }

    fn cookie(&self, name: &str) -> String {
        self.cookies
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// GET: the status and the body.
    fn get(&mut self, path: &str) -> (u16, String) {
        let agent = ureq::AgentBuilder::new().redirects(0).build();
        let response = match agent
            .get(&self.server.url(path))
            .set("Cookie", &self.cookie_header())
            .call()
        {
            Ok(r) | Err(ureq::Error::Status(_, r)) => r,
            Err(err) => panic!("{err}"),
        };
        self.keep(&response);
        (response.status(), response.into_string().unwrap())
    }

    /// POST of a form: the status and where it sends the browser.
    fn post(&mut self, path: &str, form: &[(&str, &str)]) -> (u16, String) {
        let agent = ureq::AgentBuilder::new().redirects(0).build();
        let response = match agent
            .post(&self.server.url(path))
            .set("Cookie", &self.cookie_header())
            .send_form(form)
        {
            Ok(r) | Err(ureq::Error::Status(_, r)) => r,
            Err(err) => panic!("{err}"),
        };
        self.keep(&response);
        (
            response.status(),
            response.header("location").unwrap_or_default().to_string(),
        )
    }

    fn sign_in(&mut self, login: &str) {
        self.get("/login");
        let csrf = self.cookie("qadam_csrf");
        let password = format!("{login}-password-1");
        let (status, location) = self.post(
            "/login",
            &[
                ("csrf", &csrf),
                ("login", login),
                ("password", &password),
                ("back", "/"),
            ],
        );
        assert_eq!(
            (status, location.as_str()),
            (303, "/"),
            "sign in as {login}"
        );
    }
}

#[test]
fn forms_need_the_csrf_token_other_students_see_nothing_and_text_is_inert() {
    let server = school();
    let admin = server.admin_token();
    // A display name that would be script if it were not escaped.
    let renamed = server.patch(
        "/api/v1/users/alice",
        &admin,
        json!({"display_name": "<script>alert('x')</script>"}),
    );
    assert_eq!(renamed.status, 200, "{renamed:?}");
    let mut alice = Visitor::new(&server);
    alice.sign_in("alice");
    let (status, dashboard) = alice.get("/");
    assert_eq!(status, 200);
    assert!(dashboard.contains("&lt;script&gt;alert"), "{dashboard}");
    assert!(!dashboard.contains("<script>alert"), "{dashboard}");

    // Without the token, or with another one, nothing is registered.
    for token in ["", "0123456789abcdef0123456789abcdef"] {
        let (status, _) = alice.post("/projects/ft-strlen/register", &[("csrf", token)]);
        assert_eq!(status, 403, "csrf {token:?}");
    }
    let (_, page) = alice.get("/projects/ft-strlen");
    assert!(
        page.contains("action=\"/projects/ft-strlen/register\""),
        "still unregistered"
    );
    let csrf = alice.cookie("qadam_csrf");
    let (status, location) = alice.post("/projects/ft-strlen/register", &[("csrf", &csrf)]);
    assert_eq!(
        (status, location.as_str()),
        (303, "/projects/ft-strlen#team")
    );
    let (_, page) = alice.get("/projects/ft-strlen");
    let team = page
        .split("action=\"/teams/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("the team's forms")
        .to_string();

    // Alice uploads through the page's form (multipart); Eve, another student, reads
    // nothing of it and changes nothing.
    let boundary = "qadamboundary7";
    let archive = tar_gz(&[("ft_strlen.c", strlen_source("i").as_bytes())]);
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"archive\"; filename=\"a.tar.gz\"\r\nContent-Type: application/gzip\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(&archive);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let upload = ureq::AgentBuilder::new()
        .redirects(0)
        .build()
        .post(&server.url(&format!("/teams/{team}/upload")))
        .set("Cookie", &alice.cookie_header())
        .set(
            "Content-Type",
            &format!("multipart/form-data; boundary={boundary}"),
        )
        .send_bytes(&body);
    let upload = match upload {
        Ok(r) | Err(ureq::Error::Status(_, r)) => r,
        Err(err) => panic!("{err}"),
    };
    assert_eq!(upload.status(), 303);
    let (_, page) = alice.get("/projects/ft-strlen");
    let submission = page
        .split("id=\"submission-")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the submission on alice's page")
        .to_string();

    let mut eve = Visitor::new(&server);
    eve.sign_in("eve");
    let (status, card) = eve.get(&format!("/submissions/{submission}/card"));
    assert_eq!(status, 404, "{card}");
    assert!(!card.contains("ft_strlen"), "{card}");
    let (_, eve_page) = eve.get("/projects/ft-strlen");
    assert!(
        !eve_page.contains(&submission) && !eve_page.contains(&team),
        "eve sees alice's team"
    );
    let eve_csrf = eve.cookie("qadam_csrf");
    for path in ["close", "lock", "invite"] {
        let (status, _) = eve.post(
            &format!("/teams/{team}/{path}"),
            &[("csrf", &eve_csrf), ("login", "eve")],
        );
        assert_eq!(status, 404, "{path}");
    }
    // Alice's own view of the card is there (the check above is not an empty page).
    let (status, card) = alice.get(&format!("/submissions/{submission}/card"));
    assert_eq!(status, 200, "{card}");

    // Signing out revokes the token behind the cookie.
    let session = alice.cookie("qadam_session");
    let (status, location) = alice.post("/logout", &[("csrf", &csrf)]);
    assert_eq!((status, location.as_str()), (303, "/login"));
    let me = server.get("/api/v1/me", &session);
    assert_eq!(me.status, 401, "{me:?}");
    alice.cookies.push(("qadam_session".into(), session));
    let (status, _) = alice.get("/");
    assert_eq!(status, 303, "a revoked session is no session");
}
