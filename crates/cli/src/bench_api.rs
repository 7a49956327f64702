//! `qadam bench api`: read paths of a running server (`qadam serve --demo` with
//! `http.bench_routes = true`) driven over keep-alive HTTP/1.1 connections for a fixed
//! time, each printed beside the server's `GET /bench/hello` measured in the same run.
//! It starts nothing itself. The client is deliberately tiny (GET and one POST over a
//! `TcpStream`, `Content-Length` bodies only), so the figures are the server's.

use anyhow::{anyhow, bail, Context};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// The demo accounts of `qadam serve --demo` (crates/cli/src/demo.rs).
const DEMO_LOGINS: [&str; 4] = ["alice", "bob", "staff", "admin"];

pub struct Options {
    pub server: String,
    pub connections: usize,
    pub duration: Duration,
    pub threads: usize,
    pub password: String,
    pub server_pid: Option<u32>,
    /// Measure only the paths whose label contains this (the baseline always).
    pub only: Option<String>,
}

/// One keep-alive connection to the server.
struct Connection {
    stream: BufReader<TcpStream>,
    host: String,
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

impl Connection {
    async fn open(address: &str) -> anyhow::Result<Connection> {
        let stream = TcpStream::connect(address)
            .await
            .with_context(|| format!("cannot connect to {address}"))?;
        stream.set_nodelay(true)?;
        Ok(Connection {
            stream: BufReader::new(stream),
            host: address.to_string(),
        })
    }

    async fn request(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> anyhow::Result<Answer> {
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\n", self.host);
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if let Some(body) = body {
            head.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            ));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(body.unwrap_or_default());
        self.stream.get_mut().write_all(&bytes).await?;
        self.read_answer().await
    }

    async fn read_answer(&mut self) -> anyhow::Result<Answer> {
        let mut line = String::new();
        if self.stream.read_line(&mut line).await? == 0 {
            bail!("the server closed the connection");
        }
        let status = line
            .split_whitespace()
            .nth(1)
            .and_then(|code| code.parse().ok())
            .ok_or_else(|| anyhow!("not an HTTP status line: {line:?}"))?;
        let mut headers = Vec::new();
        let mut length = 0usize;
        loop {
            line.clear();
            if self.stream.read_line(&mut line).await? == 0 {
                bail!("the server closed the connection in the headers");
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                let (name, value) = (name.trim(), value.trim());
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.parse().context("a bad Content-Length")?;
                }
                if name.eq_ignore_ascii_case("transfer-encoding") {
                    bail!("chunked answers are not supported by this client");
                }
                headers.push((name.to_string(), value.to_string()));
            }
        }
        let mut body = vec![0; length];
        self.stream.read_exact(&mut body).await?;
        Ok(Answer {
            status,
            headers,
            body,
        })
    }
}

/// One measured path: what is sent and the status that counts as a success.
struct Target {
    label: String,
    path: String,
    headers: Vec<(String, String)>,
    expect: u16,
    authenticated: bool,
    /// A web page: the token goes in the session cookie instead of a bearer header.
    page: bool,
}

struct Measured {
    label: String,
    requests: usize,
    failures: usize,
    seconds: f64,
    latencies_us: Vec<u32>,
}

impl Measured {
    fn per_second(&self) -> f64 {
        self.requests as f64 / self.seconds
    }

    fn percentile_ms(&self, p: f64) -> f64 {
        if self.latencies_us.is_empty() {
            return f64::NAN;
        }
        let index = ((self.latencies_us.len() as f64 - 1.0) * p).round() as usize;
        f64::from(self.latencies_us[index]) / 1000.0
    }
}

fn host_of(server: &str) -> anyhow::Result<String> {
    let rest = server
        .strip_prefix("http://")
        .ok_or_else(|| anyhow!("--server must be an http:// URL, got {server}"))?;
    Ok(rest.trim_end_matches('/').to_string())
}

async fn sign_in(address: &str, login: &str, password: &str) -> anyhow::Result<String> {
    let mut connection = Connection::open(address).await?;
    let body = serde_json::json!({"login": login, "password": password}).to_string();
    let answer = connection
        .request("POST", "/api/v1/auth/login", &[], Some(body.as_bytes()))
        .await?;
    if answer.status != 200 {
        bail!(
            "signing in {login} answered {}: {} (is the server `qadam serve --demo`?)",
            answer.status,
            String::from_utf8_lossy(&answer.body)
        );
    }
    let value: serde_json::Value = serde_json::from_slice(&answer.body)?;
    value["access_token"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| anyhow!("the login answer has no access_token"))
}

/// GETs `path` once and returns the answer, failing unless it is a 200.
async fn fetch(address: &str, path: &str, token: &str) -> anyhow::Result<Answer> {
    let mut connection = Connection::open(address).await?;
    let bearer = format!("Bearer {token}");
    let answer = connection
        .request("GET", path, &[("Authorization", &bearer)], None)
        .await?;
    if answer.status != 200 {
        bail!("GET {path} answered {}", answer.status);
    }
    Ok(answer)
}

async fn drive(
    address: String,
    target: std::sync::Arc<Target>,
    token: String,
    until: Instant,
) -> anyhow::Result<(usize, Vec<u32>)> {
    let mut connection = Connection::open(&address).await?;
    let bearer = format!("Bearer {token}");
    let cookie = format!("qadam_session={token}");
    let mut headers: Vec<(&str, &str)> = target
        .headers
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    if target.authenticated {
        headers.push(("Authorization", &bearer));
    }
    if target.page {
        headers.push(("Cookie", &cookie));
    }
    let mut failures = 0;
    let mut latencies = Vec::with_capacity(64 * 1024);
    while Instant::now() < until {
        let started = Instant::now();
        let answer = connection
            .request("GET", &target.path, &headers, None)
            .await?;
        let took = started.elapsed().as_micros().min(u128::from(u32::MAX)) as u32;
        if answer.status == target.expect {
            latencies.push(took);
        } else {
            failures += 1;
        }
    }
    Ok((failures, latencies))
}

async fn measure(
    address: &str,
    target: Target,
    tokens: &[String],
    options: &Options,
) -> anyhow::Result<Measured> {
    let target = std::sync::Arc::new(target);
    let started = Instant::now();
    let until = started + options.duration;
    let mut tasks = Vec::new();
    for connection in 0..options.connections {
        let token = tokens[connection % tokens.len()].clone();
        tasks.push(tokio::spawn(drive(
            address.to_string(),
            target.clone(),
            token,
            until,
        )));
    }
    let mut failures = 0;
    let mut latencies_us = Vec::new();
    for task in tasks {
        let (failed, latencies) = task.await.context("a benchmark connection panicked")??;
        failures += failed;
        latencies_us.extend(latencies);
    }
    let seconds = started.elapsed().as_secs_f64();
    latencies_us.sort_unstable();
    Ok(Measured {
        label: target.label.clone(),
        requests: latencies_us.len(),
        failures,
        seconds,
        latencies_us,
    })
}

fn resident_memory_kb(pid: u32) -> anyhow::Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .with_context(|| format!("cannot read /proc/{pid}/status"))?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or_else(|| anyhow!("no VmRSS in /proc/{pid}/status"))
}

pub fn api(options: Options) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(options.threads.max(1))
        .enable_all()
        .build()?;
    runtime.block_on(run(options))
}

async fn run(options: Options) -> anyhow::Result<()> {
    let address = host_of(&options.server)?;
    let mut tokens = Vec::new();
    for login in DEMO_LOGINS {
        tokens.push(sign_in(&address, login, &options.password).await?);
    }
    let mut probe = Connection::open(&address).await?;
    let hello = probe
        .request("GET", qadam_server::routes::bench::HELLO_PATH, &[], None)
        .await?;
    // Without the baseline route (an older server, or bench_routes off) the paths are
    // still measured, without ratios.
    let has_baseline = hello.status == 200;
    if !has_baseline {
        println!(
            "note: GET {} answered {}: no baseline (start the server with \
             QADAM_HTTP__BENCH_ROUTES=true for the ratios)",
            qadam_server::routes::bench::HELLO_PATH,
            hello.status
        );
    }
    let projects = fetch(&address, "/api/v1/projects", &tokens[0]).await?;
    let list: serde_json::Value = serde_json::from_slice(&projects.body)?;
    let slug = list["items"][0]["slug"]
        .as_str()
        .ok_or_else(|| anyhow!("the server has no project: sync a catalog first"))?
        .to_string();
    let project_path = format!("/api/v1/projects/{slug}");
    let project_etag = fetch(&address, &project_path, &tokens[0])
        .await?
        .header("etag")
        .map(str::to_string);
    let cursus_etag = fetch(&address, "/api/v1/cursus", &tokens[0])
        .await?
        .header("etag")
        .map(str::to_string);

    let plain = |label: &str, path: &str, authenticated: bool| Target {
        label: label.to_string(),
        path: path.to_string(),
        headers: Vec::new(),
        expect: 200,
        authenticated,
        page: false,
    };
    let revalidated = |label: &str, path: &str, etag: &str| Target {
        label: label.to_string(),
        path: path.to_string(),
        headers: vec![("If-None-Match".to_string(), etag.to_string())],
        expect: 304,
        authenticated: true,
        page: false,
    };
    let web_page = |label: &str, path: &str| Target {
        label: label.to_string(),
        path: path.to_string(),
        headers: Vec::new(),
        expect: 200,
        authenticated: false,
        page: true,
    };
    let mut targets = Vec::new();
    if has_baseline {
        targets.push(plain(
            "GET /bench/hello (baseline)",
            qadam_server::routes::bench::HELLO_PATH,
            false,
        ));
    }
    targets.push(plain("GET /healthz", "/healthz", false));
    targets.push(plain("GET /api/v1/me", "/api/v1/me", true));
    targets.push(plain("GET /api/v1/cursus", "/api/v1/cursus", true));
    if let Some(etag) = &cursus_etag {
        targets.push(revalidated(
            "GET /api/v1/cursus (304)",
            "/api/v1/cursus",
            etag,
        ));
    }
    targets.push(plain("GET /api/v1/projects", "/api/v1/projects", true));
    targets.push(plain(&format!("GET {project_path}"), &project_path, true));
    match &project_etag {
        Some(etag) => targets.push(revalidated(
            &format!("GET {project_path} (304)"),
            &project_path,
            etag,
        )),
        None => println!("note: {project_path} carries no ETag: no revalidation measured"),
    }
    // The web pages, signed in by the session cookie (servers without pages skip them).
    let login_page = probe.request("GET", "/login", &[], None).await?;
    if login_page.status == 200 {
        targets.push(web_page("GET / (page: dashboard)", "/"));
        targets.push(web_page("GET /curriculum (page)", "/curriculum"));
        targets.push(web_page(
            &format!("GET /projects/{slug} (page)"),
            &format!("/projects/{slug}"),
        ));
    }
    println!(
        "qadam bench api: {} connections, {} s per path, {} client threads, against {}",
        options.connections,
        options.duration.as_secs_f64(),
        options.threads,
        options.server
    );
    println!(
        "{:<44} {:>10} {:>9} {:>9} {:>9} {:>8} {:>8}",
        "path", "req/s", "p50 ms", "p95 ms", "p99 ms", "x hello", "failed"
    );
    let mut baseline = None;
    for target in targets {
        let is_baseline = target.path == qadam_server::routes::bench::HELLO_PATH;
        if let Some(only) = &options.only {
            if !is_baseline && !target.label.contains(only.as_str()) {
                continue;
            }
        }
        let measured = measure(&address, target, &tokens, &options).await?;
        let rate = measured.per_second();
        if is_baseline {
            baseline = Some(rate);
        }
        let ratio = match baseline {
            Some(baseline) => format!("{:.3}", rate / baseline),
            None => "-".to_string(),
        };
        println!(
            "{:<44} {:>10.0} {:>9.2} {:>9.2} {:>9.2} {:>8} {:>8}",
            measured.label,
            rate,
            measured.percentile_ms(0.5),
            measured.percentile_ms(0.95),
            measured.percentile_ms(0.99),
            ratio,
            measured.failures
        );
    }
    if let Some(pid) = options.server_pid {
        println!(
            "server RSS after the run: {:.1} MB (VmRSS of pid {pid})",
            resident_memory_kb(pid)? as f64 / 1024.0
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_url_gives_the_address() {
        assert_eq!(host_of("http://127.0.0.1:8080/").unwrap(), "127.0.0.1:8080");
        assert!(host_of("https://example.org").is_err());
    }

    #[test]
    fn percentiles_read_the_sorted_latencies() {
        let measured = Measured {
            label: String::new(),
            requests: 100,
            failures: 0,
            seconds: 1.0,
            latencies_us: (1..=100).map(|ms| ms * 1000).collect(),
        };
        assert_eq!(measured.percentile_ms(0.5), 51.0);
        assert_eq!(measured.percentile_ms(0.99), 99.0);
        assert_eq!(measured.per_second(), 100.0);
    }
}
