//! `qadam bench submissions`: the whole way of a submission through a running server
//! (HTTP upload, the queue, a worker, the sandbox, the verdict read back with
//! `?wait=`), beside `qadam grade` of the same folder on this machine, in one run; then
//! a deadline burst: many students submitting at once, timed until the last verdict,
//! and checked for none lost and none graded twice. It starts no server itself: run
//! `qadam serve --demo` (its admin account creates the bench's students).

use crate::bench::percentile;
use anyhow::{bail, Context};
use qadam_grader::Grader;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Options {
    pub server: String,
    pub admin_password: String,
    pub students: usize,
    pub submissions: usize,
    pub burst_per_student: usize,
    pub catalog: PathBuf,
    pub images: PathBuf,
}

const PROJECT: &str = "ft-strlen";
const STUDENT_PASSWORD: &str = "bench-student-password";

struct Client {
    base: String,
    agent: ureq::Agent,
}

impl Client {
    fn new(base: &str) -> Client {
        Client {
            base: base.trim_end_matches('/').to_string(),
            agent: ureq::AgentBuilder::new()
                .timeout(Duration::from_secs(120))
                .build(),
        }
    }

    fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> anyhow::Result<(u16, Value)> {
        let mut request = self.agent.request(method, &format!("{}{path}", self.base));
        if let Some(token) = token {
            request = request.set("Authorization", &format!("Bearer {token}"));
        }
        let result = match body {
            Some(body) => request.send_json(body),
            None => request.call(),
        };
        let response = match result {
            Ok(response) => response,
            Err(ureq::Error::Status(_, response)) => response,
            Err(err) => return Err(err).with_context(|| format!("{method} {path}")),
        };
        let status = response.status();
        let text = response.into_string()?;
        Ok((status, serde_json::from_str(&text).unwrap_or(Value::Null)))
    }

    fn token(&self, login: &str, password: &str) -> anyhow::Result<String> {
        let (status, body) = self.call(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({"login": login, "password": password})),
        )?;
        if status != 200 {
            bail!("cannot log in as {login}: {body}");
        }
        Ok(body["access_token"]
            .as_str()
            .unwrap_or_default()
            .to_string())
    }

    fn upload(&self, token: &str, team: &str, archive: &[u8]) -> anyhow::Result<String> {
        let response = self
            .agent
            .post(&format!("{}/api/v1/teams/{team}/submissions", self.base))
            .set("Authorization", &format!("Bearer {token}"))
            .set("Content-Type", "application/gzip")
            .send_bytes(archive);
        match response {
            Ok(response) => {
                let body: Value = response.into_json()?;
                Ok(body["id"].as_str().unwrap_or_default().to_string())
            }
            Err(ureq::Error::Status(status, response)) => {
                bail!(
                    "upload refused ({status}): {}",
                    response.into_string().unwrap_or_default()
                )
            }
            Err(err) => Err(err.into()),
        }
    }

    /// Waits for the verdict as a client does (`?wait=`), returning the submission.
    fn verdict(&self, token: &str, id: &str) -> anyhow::Result<Value> {
        loop {
            let (status, body) = self.call(
                "GET",
                &format!("/api/v1/submissions/{id}?wait=60"),
                Some(token),
                None,
            )?;
            if status != 200 {
                bail!("reading {id}: {body}");
            }
            if matches!(body["status"].as_str(), Some("graded" | "failed")) {
                return Ok(body);
            }
        }
    }
}

/// A student of the bench: an account, a token and a team of ft-strlen in progress.
struct Student {
    token: String,
    team: String,
}

fn prepare_students(client: &Client, admin: &str, count: usize) -> anyhow::Result<Vec<Student>> {
    let mut students = Vec::new();
    for n in 0..count {
        let login = format!("bench-{n:03}");
        let (status, body) = client.call(
            "POST",
            "/api/v1/users",
            Some(admin),
            Some(json!({"login": login, "display_name": login, "role": "student", "campus": "demo", "password": STUDENT_PASSWORD})),
        )?;
        if status != 201 && body["error"]["code"] != "login_taken" {
            bail!("cannot create {login}: {body}");
        }
        let token = client.token(&login, STUDENT_PASSWORD)?;
        let (_, teams) = client.call("GET", "/api/v1/me/teams", Some(&token), None)?;
        let current = teams.as_array().and_then(|teams| {
            teams
                .iter()
                .find(|t| t["project"] == PROJECT && t["status"] == "in_progress")
                .and_then(|t| t["id"].as_str().map(str::to_string))
        });
        let team = match current {
            Some(team) => team,
            None => {
                let (status, body) = client.call(
                    "POST",
                    &format!("/api/v1/projects/{PROJECT}/register"),
                    Some(&token),
                    Some(json!({})),
                )?;
                if status != 201 {
                    bail!("{login} cannot register for {PROJECT}: {body}");
                }
                body["id"].as_str().unwrap_or_default().to_string()
            }
        };
        students.push(Student { token, team });
    }
    Ok(students)
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn summary(latencies: &mut [Duration]) -> (f64, f64) {
    latencies.sort();
    (
        ms(percentile(latencies, 0.5)),
        ms(percentile(latencies, 0.95)),
    )
}

pub fn submissions(options: Options) -> anyhow::Result<()> {
    let client = Client::new(&options.server);
    let admin = client.token("admin", &options.admin_password)?;
    let solution = options
        .catalog
        .join("c-piscine")
        .join(PROJECT)
        .join("solution");
    let (archive, _) = crate::client::pack(&solution)?;
    let students = prepare_students(&client, &admin, options.students.max(1))?;
    eprintln!(
        "{} students ready, each with a team of {PROJECT}",
        students.len()
    );

    // (a) One submission at a time through the platform, then the same folder
    // graded here as `qadam grade` does, alternately, so both see the same machine.
    let project = qadam_catalog::load_project(&options.catalog, PROJECT).map_err(|problems| {
        anyhow::anyhow!(
            "{}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })?;
    let material = project
        .grading_material()
        .context("ft-strlen has no grader")?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let grader = Grader::connect(&options.images)?;
    let mut platform = Vec::new();
    let mut local = Vec::new();
    for n in 0..options.submissions.max(1) {
        let student = &students[n % students.len()];
        let started = Instant::now();
        let id = client.upload(&student.token, &student.team, &archive)?;
        let verdict = client.verdict(&student.token, &id)?;
        platform.push(started.elapsed());
        if verdict["verdict"] != "passed" {
            bail!("the reference was not graded passed through the platform: {verdict}");
        }
        let started = Instant::now();
        let result = runtime.block_on(grader.grade(&[solution.as_path()], &material))?;
        local.push(started.elapsed());
        if result.status != qadam_grader::Status::Passed {
            bail!("the reference was not graded passed here: {result:?}");
        }
    }
    let (platform_p50, platform_p95) = summary(&mut platform);
    let (local_p50, local_p95) = summary(&mut local);
    println!(
        "submit-to-verdict, one at a time ({} submissions of the {PROJECT} reference):",
        platform.len()
    );
    println!("{:<44} {:>9} {:>9}", "path", "p50 ms", "p95 ms");
    println!(
        "{:<44} {:>9.0} {:>9.0}",
        "qadam grade (the sandbox alone)", local_p50, local_p95
    );
    println!(
        "{:<44} {:>9.0} {:>9.0}",
        "platform: HTTP + queue + worker + sandbox", platform_p50, platform_p95
    );
    println!(
        "the platform adds {:.0} ms to the grader's median ({:.2}x)",
        platform_p50 - local_p50,
        platform_p50 / local_p50
    );

    // (b) A deadline burst: every student submits `burst_per_student` times at once.
    let total = students.len() * options.burst_per_student;
    let ids = Arc::new(Mutex::new(Vec::new()));
    let started = Instant::now();
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let mut handles = Vec::new();
        for chunk in students.chunks(students.len().div_ceil(16).max(1)) {
            let (client, archive, ids) = (&client, &archive, ids.clone());
            handles.push(scope.spawn(move || -> anyhow::Result<()> {
                for _ in 0..options.burst_per_student {
                    for student in chunk {
                        let id = client.upload(&student.token, &student.team, archive)?;
                        ids.lock()
                            .expect("not poisoned")
                            .push((id, student.token.clone()));
                    }
                }
                Ok(())
            }));
        }
        for handle in handles {
            handle.join().expect("an upload thread panicked")?;
        }
        Ok(())
    })?;
    let uploaded = started.elapsed();
    let ids = ids.lock().expect("not poisoned").clone();
    let mut passed = 0;
    for (id, token) in &ids {
        if client.verdict(token, id)?["verdict"] == "passed" {
            passed += 1;
        }
    }
    let cleared = started.elapsed();
    let mut graded_twice = 0;
    for (id, _) in &ids {
        let (_, seen) = client.call(
            "GET",
            &format!("/api/v1/submissions/{id}"),
            Some(&admin),
            None,
        )?;
        if seen["gradings"].as_i64() != Some(1) {
            graded_twice += 1;
        }
    }
    println!();
    println!(
        "deadline burst: {total} submissions from {} students at once",
        students.len()
    );
    println!("  all uploaded (202) after {:.1} s", uploaded.as_secs_f64());
    println!(
        "  last verdict after        {:.1} s ({:.2} verdicts/s)",
        cleared.as_secs_f64(),
        ids.len() as f64 / cleared.as_secs_f64()
    );
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!(
        "  the sandbox alone needs about {:.1} s for them here ({total} x {local_p50:.0} ms / {cores} cores)",
        total as f64 * local_p50 / 1000.0 / cores as f64
    );
    println!("  accepted {} of {total}, graded passed {passed}, lost {}, graded more than once {graded_twice}", ids.len(), total - passed);
    if passed != total || graded_twice != 0 {
        bail!("the burst lost or repeated work");
    }
    Ok(())
}
