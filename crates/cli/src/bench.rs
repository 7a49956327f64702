//! `qadam bench grader`: grading latency and throughput of the bollard path (cold and
//! with prepared sandboxes) side by side with a baseline of one plain `docker run` CLI
//! call per submission doing the same compile and tests, in one run.

use anyhow::{bail, Context};
use qadam_grader::{images, pack_job, GradeResult, GradingMaterial, Limits, Sandbox, Status};
use std::collections::VecDeque;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const CORRECT: &str =
    "int ft_strlen(char *str)\n{\n\tint i;\n\n\ti = 0;\n\twhile (str[i])\n\t\ti++;\n\treturn (i);\n}\n";

struct Row {
    mode: &'static str,
    concurrency: usize,
    latencies: Vec<Duration>,
    total: Duration,
}

pub(crate) fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

impl Row {
    fn print(&self) {
        let mut sorted = self.latencies.clone();
        sorted.sort();
        println!(
            "{:<32} {:>4} {:>10.0} {:>8.0} {:>8.2}",
            self.mode,
            self.concurrency,
            percentile(&sorted, 0.5).as_secs_f64() * 1000.0,
            percentile(&sorted, 0.95).as_secs_f64() * 1000.0,
            self.latencies.len() as f64 / self.total.as_secs_f64()
        );
    }

    fn median(&self) -> Duration {
        let mut sorted = self.latencies.clone();
        sorted.sort();
        percentile(&sorted, 0.5)
    }
}

fn check(result: &GradeResult) -> anyhow::Result<()> {
    if result.status != Status::Passed {
        bail!("a benchmark submission was not graded passed: {result:?}");
    }
    Ok(())
}

/// The baseline: `docker run` with the same image, limits and job, one per submission.
fn docker_cli_once(tag: &str, job: &[u8], limits: &Limits) -> anyhow::Result<Duration> {
    let started = Instant::now();
    let mut child = Command::new("docker")
        .args(["run", "--rm", "-i"])
        .args(qadam_grader::docker_run_flags(limits))
        .arg(tag)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("cannot run docker")?;
    child.stdin.take().expect("piped").write_all(job)?;
    let output = child.wait_with_output()?;
    let elapsed = started.elapsed();
    let text = String::from_utf8_lossy(&output.stdout);
    let result: GradeResult = serde_json::from_str(text.lines().last().unwrap_or(""))
        .with_context(|| format!("baseline run gave no result: {text}"))?;
    check(&result)?;
    Ok(elapsed)
}

fn baseline(
    tag: &str,
    job: &[u8],
    limits: &Limits,
    n: usize,
    concurrency: usize,
) -> anyhow::Result<Row> {
    let queue = Arc::new(Mutex::new((0..n).collect::<VecDeque<_>>()));
    let latencies = Arc::new(Mutex::new(Vec::new()));
    let started = Instant::now();
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let workers: Vec<_> = (0..concurrency)
            .map(|_| {
                let (queue, latencies) = (queue.clone(), latencies.clone());
                scope.spawn(move || -> anyhow::Result<()> {
                    while queue.lock().unwrap().pop_front().is_some() {
                        let elapsed = docker_cli_once(tag, job, limits)?;
                        latencies.lock().unwrap().push(elapsed);
                    }
                    Ok(())
                })
            })
            .collect();
        for worker in workers {
            worker.join().expect("worker panicked")?;
        }
        Ok(())
    })?;
    let latencies = latencies.lock().unwrap().clone();
    Ok(Row {
        mode: "docker run CLI (baseline)",
        concurrency,
        latencies,
        total: started.elapsed(),
    })
}

/// The bollard path; `prepared` keeps the next sandbox of each worker started ahead.
async fn bollard_path(
    docker: &bollard::Docker,
    tag: &str,
    job: &[u8],
    limits: &Limits,
    n: usize,
    concurrency: usize,
    prepared: bool,
) -> anyhow::Result<Row> {
    let queue = Arc::new(Mutex::new((0..n).collect::<VecDeque<_>>()));
    let prepare = |docker: bollard::Docker, tag: String, limits: Limits| async move {
        let name = format!("qadam-bench-{}", uuid_like());
        Sandbox::prepare(&docker, &name, &tag, &limits).await
    };
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (docker, tag, limits, job, queue) = (
            docker.clone(),
            tag.to_string(),
            limits.clone(),
            job.to_vec(),
            queue.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut next = prepared
                .then(|| tokio::spawn(prepare(docker.clone(), tag.clone(), limits.clone())));
            while queue.lock().unwrap().pop_front().is_some() {
                let result = if let Some(ready) = next.take() {
                    let sandbox = ready.await??;
                    next = Some(tokio::spawn(prepare(
                        docker.clone(),
                        tag.clone(),
                        limits.clone(),
                    )));
                    let job_started = Instant::now();
                    let result = sandbox.run(job.clone()).await?;
                    latencies.push(job_started.elapsed());
                    result
                } else {
                    let job_started = Instant::now();
                    let result = qadam_grader::grade(&docker, &tag, job.clone(), &limits).await?;
                    latencies.push(job_started.elapsed());
                    result
                };
                check(&result)?;
            }
            if let Some(spare) = next {
                spare.await??.discard().await?;
            }
            Ok::<_, anyhow::Error>(latencies)
        }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await??);
    }
    let mode = if prepared {
        "qadam bollard, prepared sandbox"
    } else {
        "qadam bollard, cold"
    };
    Ok(Row {
        mode,
        concurrency,
        latencies,
        total: started.elapsed(),
    })
}

fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    format!(
        "{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

pub fn grader(images_root: &Path, fixtures: &Path, project: &str, n: usize) -> anyhow::Result<()> {
    let material = GradingMaterial::from_runner_dir(&fixtures.join(project).join("tests"))
        .map_err(anyhow::Error::msg)?;
    let tag = images::image_tag(images_root, material.image())?;
    let dir = std::env::temp_dir().join(format!("qadam-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("ft_strlen.c"), CORRECT)?;
    let job = pack_job(&dir, &material)?;
    std::fs::remove_dir_all(&dir)?;
    let limits = Limits::default();
    let runtime = tokio::runtime::Runtime::new()?;
    let docker = bollard::Docker::connect_with_local_defaults().context("cannot reach Docker")?;
    runtime.block_on(async {
        if docker.inspect_image(&tag).await.is_err() {
            bail!("the grader image {tag} is not built: run `qadam images build`");
        }
        Ok(())
    })?;
    println!(
        "grading {n} correct submissions of {project} ({tag}) per row, {} CPU(s) per sandbox",
        limits.cpus
    );
    println!(
        "{:<32} {:>4} {:>10} {:>8} {:>8}",
        "mode", "conc", "median_ms", "p95_ms", "subs/s"
    );
    let mut rows = Vec::new();
    for concurrency in [1, 2] {
        let row = baseline(&tag, &job, &limits, n, concurrency)?;
        row.print();
        rows.push(row);
        for prepared in [false, true] {
            let row = runtime.block_on(bollard_path(
                &docker,
                &tag,
                &job,
                &limits,
                n,
                concurrency,
                prepared,
            ))?;
            row.print();
            rows.push(row);
        }
    }
    let base = rows[0].median().as_secs_f64();
    for row in &rows[1..3] {
        println!(
            "median latency, baseline / {} (1 at a time): {:.2}x",
            row.mode,
            base / row.median().as_secs_f64()
        );
    }
    Ok(())
}
