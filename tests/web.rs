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
use support::{catalog_dir, copy_dir, images_dir, Server};

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
    server.account(&admin, "sam", "staff", "almaty");
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
    let mut child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    // Ready when it says so; its output is read to the end so it never blocks on it.
    let stdout = child.stdout.take().unwrap();
    let (ready, started) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if line.contains("started successfully") {
                let _ = ready.send(());
            }
        }
    });
    started
        .recv_timeout(Duration::from_secs(30))
        .expect("chromedriver did not say it started");
    let url = format!("http://127.0.0.1:{port}");
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
        let before = client
            .execute(
                "return document.querySelectorAll('.submission').length;",
                vec![],
            )
            .await
            .unwrap();
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
        // The upload answers with a new page: wait for it, not for the old one's cards.
        wait_for(
            &client,
            &format!("document.querySelectorAll('.submission').length > {before}"),
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

    // Staff overrides the mark, with a reason, from alice's page.
    sign_in_as(&client, &server, "sam").await;
    client
        .goto(&format!("{}/staff", server.base))
        .await
        .unwrap();
    check_accessibility(&client, "staff").await;
    screenshot(&client, "staff-students-en").await;
    click(&client, "a[href='/staff/students/alice']").await;
    wait_for(
        &client,
        "document.querySelector('form[action$=\"/mark\"]')",
        "the override form",
    )
    .await;
    check_accessibility(&client, "staff student").await;
    client
        .find(Locator::Css("form[action$='/mark'] input[name=mark]"))
        .await
        .unwrap()
        .send_keys("80")
        .await
        .unwrap();
    client
        .find(Locator::Css("form[action$='/mark'] input[name=reason]"))
        .await
        .unwrap()
        .send_keys("Plagiarism found after the hand-in")
        .await
        .unwrap();
    click(&client, "form[action$='/mark'] button[type=submit]").await;
    wait_for(&client, "document.querySelector('table.attempts') && document.querySelector('table.attempts').textContent.includes('80')", "the new mark").await;
    let sam = server.token("sam", "sam-password-1");
    let progress = server.get("/api/v1/users/alice/progress", &sam);
    assert!(
        progress.body.to_string().contains("\"final_mark\":80"),
        "{progress:?}"
    );
    // Her page lists both uploads, newest first, with their verdicts.
    let uploads = text_of(&client, "#submissions tbody").await;
    assert_eq!(uploads.matches("ft-strlen").count(), 2, "{uploads}");
    let (passed, failed) = (uploads.find("passed"), uploads.find("failed"));
    assert!(passed.unwrap() < failed.unwrap(), "newest first: {uploads}");

    // The catalog page: the server synced the folder it was started with, so both agree.
    client
        .goto(&format!("{}/staff/catalog", server.base))
        .await
        .unwrap();
    check_accessibility(&client, "staff catalog").await;
    assert!(!text_of(&client, "#in-sync").await.is_empty());
    assert_eq!(text_of(&client, "#stored-version").await.len(), 12);
    assert!(text_of(&client, "table.catalog-projects")
        .await
        .contains("ft-strlen"));

    // One account through the form: it can sign in.
    client
        .goto(&format!("{}/staff/accounts", server.base))
        .await
        .unwrap();
    check_accessibility(&client, "staff accounts").await;
    for (field, value) in [
        ("#new-login", "nurlan"),
        ("#new-name", "Nurlan B."),
        ("#new-password", "nurlan-password-1"),
    ] {
        client
            .find(Locator::Css(field))
            .await
            .unwrap()
            .send_keys(value)
            .await
            .unwrap();
    }
    click(&client, "#create-account button[type=submit]").await;
    wait_for(
        &client,
        "document.querySelector('#import-report')",
        "the report",
    )
    .await;
    assert!(text_of(&client, "#import-report").await.contains("nurlan"));
    server.token("nurlan", "nurlan-password-1");

    // The staff pages in each language.
    for lang in ["en", "ru", "kk", "fr"] {
        client
            .goto(&format!("{}/language/{lang}?back=/staff", server.base))
            .await
            .unwrap();
        for (path, name) in [
            ("/staff", "staff-students"),
            ("/staff/students/alice", "staff-student"),
            ("/staff/review-flags", "staff-review-flags"),
            ("/staff/catalog", "staff-catalog"),
            ("/staff/accounts", "staff-accounts"),
        ] {
            client
                .goto(&format!("{}{path}", server.base))
                .await
                .unwrap();
            screenshot(&client, &format!("{name}-{lang}")).await;
        }
    }
    sign_in_as(&client, &server, "alice").await;

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
        for page in ["evaluations", "progress"] {
            client
                .goto(&format!("{}/{page}", server.base))
                .await
                .unwrap();
            screenshot(&client, &format!("{page}-{lang}")).await;
        }
        client
            .goto(&format!("{}/no-such-page", server.base))
            .await
            .unwrap();
        screenshot(&client, &format!("not-found-{lang}")).await;
        let missing = client.source().await.unwrap();
        assert!(
            missing.contains("action=\"/logout\""),
            "the 404 page keeps the signed-in header"
        );
    }
    let french = text_of(&client, "h1").await;
    assert!(!french.contains("Something went wrong"), "{french}");
    client.close().await.unwrap();
}

/// The answer of a request, whatever its status.
fn answered(result: Result<ureq::Response, ureq::Error>) -> ureq::Response {
    match result {
        Ok(r) | Err(ureq::Error::Status(_, r)) => r,
        Err(err) => panic!("{err}"),
    }
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

    /// One request with this visitor's cookies, redirects not followed; keeps the
    /// cookies the answer sets.
    fn request(
        &mut self,
        method: &str,
        path: &str,
        send: impl FnOnce(ureq::Request) -> ureq::Response,
    ) -> ureq::Response {
        let agent = ureq::AgentBuilder::new().redirects(0).build();
        let request = agent
            .request(method, &self.server.url(path))
            .set("Cookie", &self.cookie_header());
        let response = send(request);
        self.keep(&response);
        response
    }

    /// GET: the status and the body.
    fn get(&mut self, path: &str) -> (u16, String) {
        let response = self.request("GET", path, |r| answered(r.call()));
        (response.status(), response.into_string().unwrap())
    }

    /// POST of a form: the status and where it sends the browser.
    fn post(&mut self, path: &str, form: &[(&str, &str)]) -> (u16, String) {
        let response = self.request("POST", path, |r| answered(r.send_form(form)));
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

    // A hostile subject, synced from a catalog like any other: shown, inert.
    let changed = server.db.scratch_dir().join("hostile-catalog");
    copy_dir(Path::new(&catalog_dir()), &changed);
    let subject = changed.join("c-piscine/ft-print-alphabet/subject.en.md");
    let text = std::fs::read_to_string(&subject).unwrap();
    std::fs::write(
        &subject,
        format!("{text}\nHOSTILE-SUBJECT <script>window.pwned = 1</script>\n\n<img src=x onerror=\"alert(2)\">\n\n[click](javascript:alert(3))\n"),
    )
    .unwrap();
    let synced = server.command(&["catalog", "sync", changed.to_str().unwrap()]);
    assert!(
        synced.status.success(),
        "{}",
        String::from_utf8_lossy(&synced.stderr)
    );
    let (status, page) = alice.get("/projects/ft-print-alphabet?lang=en");
    assert_eq!(status, 200);
    assert!(page.contains("HOSTILE-SUBJECT"), "the new version is shown");
    for inert in ["<script>window.pwned", "onerror", "javascript:alert"] {
        assert!(!page.contains(inert), "{inert} in the page");
    }

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
    let content_type = format!("multipart/form-data; boundary={boundary}");
    let upload = alice.request("POST", &format!("/teams/{team}/upload"), |r| {
        answered(r.set("Content-Type", &content_type).send_bytes(&body))
    });
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

    // Staff imports a cohort: one row per account, each created or refused with why.
    let mut sam = Visitor::new(&server);
    sam.sign_in("sam");
    let sam_csrf = sam.cookie("qadam_csrf");
    let (status, _) = eve.post(
        "/staff/accounts",
        &[
            ("csrf", &eve_csrf),
            ("csv", "zed,Zed,,student,a-long-password-1"),
        ],
    );
    assert_eq!(status, 403, "a student imports nothing");
    let (status, _) = eve.post(
        "/staff/accounts/new",
        &[
            ("csrf", &eve_csrf),
            ("login", "zed"),
            ("display_name", "Zed"),
            ("email", ""),
            ("role", "admin"),
            ("password", "a-long-password-1"),
        ],
    );
    assert_eq!(status, 403, "a student creates no account");
    for page in ["/staff/catalog", "/staff/students/alice"] {
        let (status, html) = eve.get(page);
        assert_eq!(status, 403, "{page}");
        assert!(!html.contains("ft-strlen"), "{page}: {html}");
    }
    let (status, html) = sam.get("/staff/students/alice");
    assert_eq!(status, 200);
    assert!(
        html.contains("ft-strlen"),
        "staff see alice's upload: {html}"
    );
    let report = sam
        .request("POST", "/staff/accounts", |r| {
            answered(r.send_form(&[
                ("csrf", sam_csrf.as_str()),
                ("csv", "login,display name,email,role,password\ndana,Dana K.,,student,dana-password-1\nalice,Again,,student,another-password-1\nbad row"),
            ]))
        })
        .into_string()
        .unwrap();
    assert_eq!(report.matches("class=\"created\"").count(), 1, "{report}");
    assert_eq!(report.matches("class=\"refused\"").count(), 2, "{report}");
    server.token("dana", "dana-password-1");
    assert_eq!(
        server.login("zed", "a-long-password-1").status,
        401,
        "eve's import made nothing"
    );

    // Signing out revokes the token behind the cookie.
    let session = alice.cookie("qadam_session");
    let (status, location) = alice.post("/logout", &[("csrf", &csrf)]);
    assert_eq!((status, location.as_str()), (303, "/login"));
    let me = server.get("/api/v1/me", &session);
    assert_eq!(me.status, 401, "{me:?}");
    alice.cookies.push(("qadam_session".into(), session));
    let (status, _) = alice.get("/");
    assert_eq!(status, 303, "a revoked session is no session");

    // A password change: a wrong current password changes nothing; the right one ends
    // every session and the new password signs in.
    let mut alice = Visitor::new(&server);
    alice.sign_in("alice");
    let csrf = alice.cookie("qadam_csrf");
    let session = alice.cookie("qadam_session");
    let (status, _) = alice.post(
        "/password",
        &[
            ("csrf", &csrf),
            ("current_password", "not-my-password"),
            ("new_password", "a-brand-new-password"),
        ],
    );
    assert_eq!(status, 422);
    assert_eq!(
        server.get("/api/v1/me", &session).status,
        200,
        "nothing changed yet"
    );
    let (status, location) = alice.post(
        "/password",
        &[
            ("csrf", &csrf),
            ("current_password", "alice-password-1"),
            ("new_password", "a-brand-new-password"),
        ],
    );
    assert_eq!((status, location.as_str()), (303, "/login"));
    assert_eq!(
        server.get("/api/v1/me", &session).status,
        401,
        "the session ended"
    );
    server.token("alice", "a-brand-new-password");
}

fn rush_solution() -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects-catalog/team/rush-00/solution");
    let rush = std::fs::read(dir.join("rush.c")).unwrap();
    let putchar = std::fs::read(dir.join("ft_putchar.c")).unwrap();
    tar_gz(&[("rush.c", &rush), ("ft_putchar.c", &putchar)])
}

/// Signs `login` in on a fresh set of cookies.
async fn sign_in_as(client: &Client, server: &Server, login: &str) {
    client
        .goto(&format!("{}/login", server.base))
        .await
        .unwrap();
    client.delete_all_cookies().await.unwrap();
    client
        .goto(&format!("{}/login", server.base))
        .await
        .unwrap();
    client
        .find(Locator::Css("#login"))
        .await
        .unwrap()
        .send_keys(login)
        .await
        .unwrap();
    client
        .find(Locator::Css("#password"))
        .await
        .unwrap()
        .send_keys(&format!("{login}-password-1\u{E007}"))
        .await
        .unwrap();
    wait_for(client, "document.querySelector('#level')", "the dashboard").await;
}

async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("no {css}"))
        .click()
        .await
        .unwrap();
}

/// An evaluator's comment that would run script if it were markup.
const HOSTILE_COMMENT: &str = "Clean code, every shape right <script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 1\"> and explained well.";

#[tokio::test(flavor = "current_thread")]
async fn a_team_books_an_evaluation_the_evaluator_fills_the_sheet_and_the_team_rates_it() {
    let catalog = catalog_dir();
    let images = images_dir();
    let server = Server::start_with(
        TestBackend::Sqlite,
        &[
            ("QADAM_CATALOG_DIR", catalog.as_str()),
            ("QADAM_GRADING__IMAGES_DIR", images.as_str()),
            ("QADAM_GRADING__WORKERS", "1"),
            ("QADAM_EVALUATIONS__MOVABLE_CLOCK", "true"),
            ("QADAM_EVALUATIONS__HOUSEKEEPING_MS", "200"),
        ],
    );
    let admin = server.admin_token();
    server.campus(&admin, "almaty");
    let alice = server.account(&admin, "alice", "student", "almaty");
    let bob = server.account(&admin, "bob", "student", "almaty");
    server.account(&admin, "carol", "student", "almaty");

    // Alice and Bob hand in Rush 00 (over the API: the browser part is the evaluation).
    let register = server.post("/api/v1/projects/rush-00/register", &alice, json!({}));
    assert_eq!(register.status, 201, "{register:?}");
    let team = register.body["id"].as_str().unwrap().to_string();
    let invited = server.post(
        &format!("/api/v1/teams/{team}/invitations"),
        &alice,
        json!({"login": "bob"}),
    );
    assert_eq!(invited.status, 200, "{invited:?}");
    assert_eq!(
        server
            .post(&format!("/api/v1/teams/{team}/accept"), &bob, json!({}))
            .status,
        200
    );
    assert_eq!(
        server
            .post(&format!("/api/v1/teams/{team}/lock"), &alice, json!({}))
            .status,
        200
    );
    let uploaded = server.upload(
        &format!("/api/v1/teams/{team}/submissions"),
        &alice,
        &rush_solution(),
    );
    assert_eq!(uploaded.status, 202, "{uploaded:?}");
    let submission = uploaded.body["id"].as_str().unwrap();
    support::verdict(&server, &alice, submission);
    let closed = server.post(&format!("/api/v1/teams/{team}/close"), &alice, json!({}));
    assert_eq!(closed.status, 200, "{closed:?}");

    let driver = start_driver();
    let client = browser(&driver).await;

    // Carol opens the suggested time (an hour ahead, two hours long).
    sign_in_as(&client, &server, "carol").await;
    client
        .goto(&format!("{}/evaluations", server.base))
        .await
        .unwrap();
    check_accessibility(&client, "evaluations").await;
    // The calendar: next week's Wednesday 10:00 opens with a click, and closes again.
    let cell = "table.calendar tbody tr:nth-child(11) td:nth-of-type(3)";
    click(&client, "nav.weeks a[href^='/evaluations?week=1']").await;
    wait_for(
        &client,
        &format!("document.querySelector(\"{cell}.closed\")"),
        "a free hour",
    )
    .await;
    check_accessibility(&client, "calendar").await;
    click(&client, &format!("{cell} button")).await;
    wait_for(
        &client,
        &format!("document.querySelector(\"{cell}.open\")"),
        "the opened hour",
    )
    .await;
    let slots = text_of(&client, "#slots ul").await;
    assert!(slots.contains("10:00"), "{slots}");
    screenshot(&client, "evaluations-calendar-en").await;
    click(&client, &format!("{cell} button")).await;
    wait_for(
        &client,
        &format!("document.querySelector(\"{cell}.closed\")"),
        "the removed hour",
    )
    .await;
    assert_eq!(text_of(&client, "#slots ul").await, "", "the hour is gone");
    click(&client, "form[action='/slots'] button[type=submit]").await;
    wait_for(
        &client,
        "document.querySelector(\"form[action$='/remove']\")",
        "carol's slot",
    )
    .await;
    screenshot(&client, "evaluations-en").await;

    // Alice books a time: no name anywhere, the code is hers to show.
    sign_in_as(&client, &server, "alice").await;
    client
        .goto(&format!("{}/projects/rush-00", server.base))
        .await
        .unwrap();
    wait_for(
        &client,
        "document.querySelector('#booking form.inline')",
        "a free time",
    )
    .await;
    let booking = text_of(&client, "#booking").await;
    assert!(!booking.contains("carol"), "{booking}");
    // A first booking, cancelled an hour ahead (within the campus's two hours of
    // notice): cancelled, and the points are not refunded.
    let balance = |token: &str| {
        server.get("/api/v1/me/points", token).body["balance"]
            .as_i64()
            .unwrap()
    };
    let before = balance(&alice);
    click(&client, "#booking form.inline button[type=submit]").await;
    wait_for(
        &client,
        "document.querySelector('#cancel-evaluation')",
        "the cancel button",
    )
    .await;
    assert!(balance(&alice) < before, "booking costs points");
    click(&client, "#cancel-evaluation").await;
    wait_for(
        &client,
        "document.querySelector('#evaluation-status') && !document.querySelector('#cancel-evaluation')",
        "the cancellation",
    )
    .await;
    let after = balance(&alice);
    assert!(
        after < before,
        "a late cancellation is not refunded: {after} of {before}"
    );
    let status = text_of(&client, "#evaluation-status").await;
    assert_eq!(status, "Cancelled");
    client
        .goto(&format!("{}/projects/rush-00", server.base))
        .await
        .unwrap();
    wait_for(
        &client,
        "document.querySelector('#booking form.inline')",
        "a free time again",
    )
    .await;
    click(&client, "#booking form.inline button[type=submit]").await;
    wait_for(
        &client,
        "document.querySelector('#evaluation-status')",
        "the booked evaluation",
    )
    .await;
    let page = client.source().await.unwrap();
    assert!(
        !page.contains("carol"),
        "the evaluator is hidden before the reveal"
    );
    assert!(
        !page.contains("presence-code"),
        "the code shows at the reveal, not before"
    );
    let evaluation = client
        .current_url()
        .await
        .unwrap()
        .path()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();

    // The evening comes: a minute after the start.
    let booked = server.get(&format!("/api/v1/evaluations/{evaluation}"), &alice);
    let begin: chrono::DateTime<chrono::Utc> =
        booked.body["begin_at"].as_str().unwrap().parse().unwrap();
    let now: chrono::DateTime<chrono::Utc> = server
        .post("/testing/clock", &admin, json!({"advance_seconds": 0}))
        .body["now"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let moved = server.post(
        "/testing/clock",
        &admin,
        json!({"advance_seconds": (begin - now).num_seconds() + 60}),
    );
    assert_eq!(moved.status, 200, "{moved:?}");
    client.refresh().await.unwrap();
    wait_for(
        &client,
        "document.querySelector('#presence-code')",
        "the presence code",
    )
    .await;
    let code = text_of(&client, "#presence-code").await;
    screenshot(&client, "evaluation-team-en").await;

    // Carol types the code and fills the sheet: every question right, flag ok.
    sign_in_as(&client, &server, "carol").await;
    client
        .goto(&format!("{}/evaluations/{evaluation}", server.base))
        .await
        .unwrap();
    client
        .find(Locator::Css("#code"))
        .await
        .unwrap()
        .send_keys(&code)
        .await
        .unwrap();
    click(&client, "form[action$='/start'] button[type=submit]").await;
    wait_for(&client, "document.querySelector('form.sheet')", "the sheet").await;
    check_accessibility(&client, "sheet").await;
    screenshot(&client, "evaluation-sheet-en").await;
    client
        .execute(
            r#"for (const radio of document.querySelectorAll("form.sheet input[value=yes]")) radio.checked = true;
               for (const select of document.querySelectorAll("form.sheet select:not(#flag)")) select.value = "5";
               return null;"#,
            vec![],
        )
        .await
        .unwrap();
    client
        .find(Locator::Css("#comment"))
        .await
        .unwrap()
        .send_keys(HOSTILE_COMMENT)
        .await
        .unwrap();
    click(&client, "form.sheet button[type=submit]").await;
    wait_for(
        &client,
        "document.querySelector('#evaluation-mark')",
        "the mark",
    )
    .await;
    let mark = text_of(&client, "#evaluation-mark").await;
    assert!(mark.parse::<i32>().unwrap() >= 100, "{mark}");

    // Alice sees the mark and rates Carol; the comment's markup is text, never run.
    sign_in_as(&client, &server, "alice").await;
    client
        .goto(&format!("{}/evaluations/{evaluation}", server.base))
        .await
        .unwrap();
    assert_eq!(text_of(&client, "#evaluation-mark").await, mark);
    let comment = text_of(&client, "#evaluation-comment").await;
    assert!(comment.contains("<script>"), "shown as text: {comment}");
    let ran = client
        .execute("return [typeof window.pwned, document.querySelectorAll('main script, main img').length];", vec![])
        .await
        .unwrap();
    assert_eq!(ran, json!(["undefined", 0]), "the comment stays inert");
    click(&client, "#punctual").await;
    client
        .find(Locator::Css("#feedback-comment"))
        .await
        .unwrap()
        .send_keys("Clear and fair, thank you.")
        .await
        .unwrap();
    click(&client, "form.feedback button[type=submit]").await;
    wait_for(
        &client,
        "!document.querySelector('form.feedback')",
        "the feedback to be taken",
    )
    .await;
    let api = server.get(&format!("/api/v1/evaluations/{evaluation}"), &alice);
    assert_eq!(api.body["feedback"]["rating"], json!(5), "{api:?}");
    assert_eq!(
        api.body["feedback"]["tags"]["punctual"],
        json!(true),
        "{api:?}"
    );
    let team_view = server.get(&format!("/api/v1/teams/{team}"), &alice);
    assert!(
        team_view.body["final_mark"].as_i64().is_some(),
        "{team_view:?}"
    );
    for lang in ["en", "ru", "kk", "fr"] {
        client
            .goto(&format!(
                "{}/language/{lang}?back=/evaluations",
                server.base
            ))
            .await
            .unwrap();
        screenshot(&client, &format!("evaluations-overview-{lang}")).await;
        client
            .goto(&format!("{}/evaluations/{evaluation}", server.base))
            .await
            .unwrap();
        screenshot(&client, &format!("evaluation-done-{lang}")).await;
    }
    client.close().await.unwrap();
}
