//! `qadam catalog check` and `qadam catalog sync`, and the first-start sync of `serve`.

use anyhow::{bail, Context};
use qadam_catalog::{Catalog, Expected, Problem, Project, Solution};
use qadam_db::queries::audit::AuditActor;
use qadam_grader::{GradeResult, Grader, GradingMaterial, Sanitizer, Status};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Loads and checks the catalog, printing every problem as `path:line: message`.
fn load_checked(dir: &Path, images_root: Option<&Path>) -> anyhow::Result<Catalog> {
    Catalog::load(dir, images_root).or_else(|problems| {
        for problem in &problems {
            println!("{problem}");
        }
        bail!("{}: {} problem(s)", dir.display(), problems.len())
    })
}

/// `grader-images/` when it is there: then each project's image must exist in it.
fn images_root_if_present(images: &Path) -> Option<&Path> {
    images.is_dir().then_some(images)
}

/// How much grading `catalog check` does beyond reading the files.
#[derive(Debug, Clone, Copy)]
pub struct SelfCheck {
    /// Grade every solution and compare with its expected verdict.
    pub run_solutions: bool,
    /// Grade each that many times (the stability mode when above 1: verdicts must not
    /// change, timed tests must hold a 3x margin, references must pass under UBSan).
    pub repeat: u32,
}

pub fn check(dir: &Path, images_root: &Path, self_check: SelfCheck) -> anyhow::Result<()> {
    let catalog = load_checked(dir, images_root_if_present(images_root))?;
    let graded = catalog
        .projects
        .iter()
        .filter(|p| p.file.grader.is_some())
        .count();
    println!(
        "{}: {} projects ({} graded), {} cursus: no problem",
        dir.display(),
        catalog.projects.len(),
        graded,
        catalog.cursus.len()
    );
    if self_check.run_solutions {
        let failures = run_all_solutions(&catalog, images_root, self_check.repeat.max(1))?;
        if !failures.is_empty() {
            for failure in &failures {
                println!("{failure}");
            }
            bail!("{} solution(s) graded against expectations", failures.len());
        }
    }
    Ok(())
}

/// Why a solution is graded: its ordinary grading (one per round), or a stability check.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Pass {
    Round(u32),
    /// Time limits divided (references) or multiplied (known time-outs) by three: the
    /// verdict must hold, so no timed test sits near its limit.
    Margin,
    /// Built with the undefined-behaviour sanitizer: a reference that passes only by
    /// luck (signed overflow wrapping at -O0...) is caught.
    Undefined,
}

/// How much further from its limit a timed test's verdict must hold.
const TIME_MARGIN: f64 = 3.0;

struct Job<'a> {
    project: &'a Project,
    solution: Solution,
    material: GradingMaterial,
    pass: Pass,
}

/// The gradings of the self-check: every solution once per round and, in the stability
/// mode, the margin and sanitizer passes.
fn plan_jobs(catalog: &Catalog, repeat: u32) -> Vec<Job<'_>> {
    let mut jobs = Vec::new();
    for project in &catalog.projects {
        let Some(material) = project.grading_material() else {
            continue;
        };
        for solution in project.solutions() {
            for round in 1..=repeat {
                jobs.push(Job {
                    project,
                    solution: solution.clone(),
                    material: material.clone(),
                    pass: Pass::Round(round),
                });
            }
            if repeat < 2 {
                continue;
            }
            let scale = match &solution.expected {
                Expected::Pass => Some(1.0 / TIME_MARGIN),
                Expected::Fail { status, .. } if *status == Status::TimeLimit => Some(TIME_MARGIN),
                Expected::Fail { .. } => None,
            };
            if let Some(scale) = scale {
                let mut scaled = material.clone();
                scaled.spec.timeout_scale = Some(scale);
                jobs.push(Job {
                    project,
                    solution: solution.clone(),
                    material: scaled,
                    pass: Pass::Margin,
                });
            }
            if solution.expected == Expected::Pass && material.spec.image == "c" {
                let mut sanitized = material.clone();
                // valgrind adds nothing here and cannot run beside AddressSanitizer.
                sanitized.spec.valgrind = false;
                if !sanitized.spec.sanitize.contains(&Sanitizer::Undefined) {
                    sanitized.spec.sanitize.push(Sanitizer::Undefined);
                }
                jobs.push(Job {
                    project,
                    solution,
                    material: sanitized,
                    pass: Pass::Undefined,
                });
            }
        }
    }
    jobs
}

/// Grades every solution, two at a time, and returns the problems found: a verdict
/// other than the declared one, and in the stability mode a verdict that changed
/// between rounds, a timed verdict without its margin, or undefined behaviour.
fn run_all_solutions(
    catalog: &Catalog,
    images_root: &Path,
    repeat: u32,
) -> anyhow::Result<Vec<Problem>> {
    let jobs = plan_jobs(catalog, repeat);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let started = std::time::Instant::now();
    let grader = Grader::connect(images_root).context("cannot reach the Docker engine")?;
    let results =
        runtime.block_on(async {
            // A missing image would make every run an internal error: say so once instead.
            let images: BTreeSet<&str> = jobs.iter().map(|j| j.material.image()).collect();
            for image in images {
                grader.ensure_image(image).await?;
            }
            let limit = Arc::new(tokio::sync::Semaphore::new(2));
            let mut tasks = Vec::new();
            for job in &jobs {
                let (grader, limit) = (grader.clone(), limit.clone());
                let (layers, material) = (job.solution.layers.clone(), job.material.clone());
                tasks.push(tokio::spawn(async move {
                    let _permit = limit.acquire_owned().await;
                    let layers: Vec<&Path> = layers.iter().map(PathBuf::as_path).collect();
                    grader.grade(&layers, &material).await
                }));
            }
            let mut results = Vec::new();
            for task in tasks {
                results.push(task.await?.unwrap_or_else(|err| {
                    GradeResult::outer(Status::InternalError, err.to_string())
                }));
            }
            anyhow::Ok(results)
        })?;
    let mut failures = Vec::new();
    let mut rounds: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for (job, result) in jobs.iter().zip(&results) {
        let name = format!("{}/{}", job.project.slug(), job.solution.name);
        let path = job.solution.layers.last().expect("a solution has a folder");
        let problem = judge(job, result);
        if let Pass::Round(round) = job.pass {
            rounds
                .entry((job.project.slug().to_string(), job.solution.name.clone()))
                .or_default()
                .push(verdict_line(result));
            if round == 1 {
                let mark = if problem.is_none() { "ok  " } else { "FAIL" };
                println!("  {mark} {name}: {}", verdict_line(result));
            }
        } else if problem.is_some() {
            println!("  FAIL {name} ({:?}): {}", job.pass, verdict_line(result));
        }
        if let Some(problem) = problem {
            failures.push(Problem::new(path, 1, problem));
        }
    }
    for ((slug, solution), verdicts) in &rounds {
        if verdicts.iter().any(|v| v != &verdicts[0]) {
            let project = catalog.project(slug).expect("graded projects are loaded");
            let path = if solution == "solution" {
                project.solution_dir()
            } else {
                project.dir.join(solution)
            };
            failures.push(Problem::new(
                &path,
                1,
                format!(
                    "the verdict changed between {} gradings: {}",
                    verdicts.len(),
                    verdicts.join(" | ")
                ),
            ));
        }
    }
    println!(
        "graded {} solutions in {} gradings ({} round(s){}) in {:.0} s",
        rounds.len(),
        jobs.len(),
        repeat,
        if repeat > 1 {
            ", margin and UBSan passes"
        } else {
            ""
        },
        started.elapsed().as_secs_f64()
    );
    Ok(failures)
}

/// The overall status and each test's, which must be the same in every round.
fn verdict_line(result: &GradeResult) -> String {
    let tests: Vec<&str> = result.tests.iter().map(|t| t.status.name()).collect();
    if tests.is_empty() {
        result.status.to_string()
    } else {
        format!("{} [{}]", result.status, tests.join(", "))
    }
}

/// What is wrong with a solution's result, if anything.
fn judge(job: &Job, result: &GradeResult) -> Option<String> {
    if result.status == Status::InternalError {
        return Some(format!("the grader failed on our side: {}", result.message));
    }
    let summary = || match result.first_failure() {
        Some(test) => format!("{} ({}: {})", result.message, test.name, test.message),
        None => result.message.clone(),
    };
    match (&job.solution.expected, job.pass) {
        (Expected::Pass, Pass::Round(_)) if result.status != Status::Passed => {
            Some(format!("must pass, got {}: {}", result.status, summary()))
        }
        (Expected::Pass, Pass::Margin) if result.status != Status::Passed => Some(format!(
            "passes only near the time limit: with a third of it, {}: {}",
            result.status,
            summary()
        )),
        (Expected::Pass, Pass::Undefined) if result.status != Status::Passed => Some(format!(
            "passes only by luck: built with the undefined-behaviour sanitizer, {}: {}",
            result.status,
            summary()
        )),
        (Expected::Fail { status, .. }, Pass::Margin) if result.status != *status => Some(format!(
            "times out only near the limit: with three times the time, {}: {}",
            result.status,
            summary()
        )),
        (Expected::Fail { status, test }, Pass::Round(_)) => {
            if result.status != *status {
                return Some(format!(
                    "declared to end as {status}, got {}: {}",
                    result.status,
                    summary()
                ));
            }
            let test = test.as_ref()?;
            match result.tests.iter().find(|t| &t.name == test) {
                Some(t) if !matches!(t.status, Status::Passed | Status::NotRun) => None,
                Some(t) => Some(format!(
                    "declared to fail test \"{test}\", which ended as {}",
                    t.status
                )),
                None => Some(format!(
                    "declared to fail test \"{test}\", which did not run"
                )),
            }
        }
        _ => None,
    }
}

pub fn sync(conn: &mut qadam_db::DbConn, dir: &Path) -> anyhow::Result<()> {
    let catalog = load_checked(dir, None)?;
    let report = qadam_core::catalog::sync(conn, &catalog, &AuditActor::cli())?;
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}
