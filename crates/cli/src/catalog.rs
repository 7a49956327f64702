//! `qadam catalog check` and `qadam catalog sync`, and the first-start sync of `serve`.

use anyhow::{bail, Context};
use qadam_catalog::{Catalog, Problem};
use qadam_db::queries::{audit::AuditActor, projects};
use qadam_grader::{images, GradeResult, GradingMaterial, Status};
use std::collections::BTreeSet;
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

pub fn check(dir: &Path, images_root: &Path, run_solutions: bool) -> anyhow::Result<()> {
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
    if run_solutions {
        let failures = run_all_solutions(&catalog, images_root)?;
        if !failures.is_empty() {
            for failure in &failures {
                println!("{failure}");
            }
            bail!("{} solution(s) graded against expectations", failures.len());
        }
    }
    Ok(())
}

/// One grading to do: a solution folder of a graded project and whether it must pass.
struct Run<'a> {
    project: &'a Graded,
    submission: PathBuf,
    must_pass: bool,
}

/// A graded project's material and image tag, worked out once for all its solutions.
struct Graded {
    material: GradingMaterial,
    tag: String,
}

/// Grades every reference solution (must pass) and every known-wrong one (must not),
/// two at a time. Returns the problems found.
fn run_all_solutions(catalog: &Catalog, images_root: &Path) -> anyhow::Result<Vec<Problem>> {
    let mut graded = Vec::new();
    for project in &catalog.projects {
        if let Some(material) = project.grading_material() {
            let tag = images::image_tag(images_root, material.image())?;
            graded.push((project, Graded { material, tag }));
        }
    }
    let mut runs = Vec::new();
    for (project, prepared) in &graded {
        let solutions = std::iter::once((project.solution_dir(), true))
            .chain(project.wrong_solutions().into_iter().map(|w| (w, false)));
        for (submission, must_pass) in solutions {
            runs.push(Run {
                project: prepared,
                submission,
                must_pass,
            });
        }
    }
    println!(
        "grading {} solutions with the sandboxed grader...",
        runs.len()
    );
    let runtime = tokio::runtime::Runtime::new()?;
    let docker =
        bollard::Docker::connect_with_local_defaults().context("cannot reach the Docker engine")?;
    let started = std::time::Instant::now();
    let results = runtime.block_on(async {
        // A missing image would make every run an internal error: say so once instead.
        let tags: BTreeSet<&str> = graded.iter().map(|(_, g)| g.tag.as_str()).collect();
        for tag in tags {
            if docker.inspect_image(tag).await.is_err() {
                bail!("the grader image {tag} is not built: run `qadam images build`");
            }
        }
        let limit = Arc::new(tokio::sync::Semaphore::new(2));
        let mut tasks = Vec::new();
        for run in &runs {
            let job = qadam_grader::pack_job(&run.submission, &run.project.material)
                .with_context(|| format!("packing {}", run.submission.display()))?;
            let (docker, limit) = (docker.clone(), limit.clone());
            let (tag, limits) = (run.project.tag.clone(), run.project.material.limits());
            tasks.push(tokio::spawn(async move {
                let _permit = limit.acquire_owned().await;
                qadam_grader::grade(&docker, &tag, job, &limits).await
            }));
        }
        let mut results = Vec::new();
        for task in tasks {
            results.push(task.await?);
        }
        anyhow::Ok(results)
    })?;
    let mut failures = Vec::new();
    for (run, result) in runs.iter().zip(results) {
        let outcome = match result {
            Ok(result) => result,
            Err(err) => GradeResult::outer(Status::InternalError, err.to_string()),
        };
        let passed = outcome.status == Status::Passed;
        let name = run
            .submission
            .strip_prefix(&catalog.root)
            .unwrap_or(&run.submission);
        let verdict = status_label(outcome.status);
        println!(
            "  {} {name}: {verdict}",
            if passed == run.must_pass {
                "ok  "
            } else {
                "FAIL"
            },
            name = name.display()
        );
        if passed != run.must_pass || outcome.status == Status::InternalError {
            let expectation = if run.must_pass {
                "the reference solution must pass"
            } else {
                "a known-wrong solution must not pass"
            };
            failures.push(Problem::new(
                &run.submission,
                1,
                format!("{expectation}, got {verdict}: {}", outcome.message),
            ));
        }
    }
    println!(
        "graded {} solutions in {:.0} s",
        runs.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(failures)
}

pub fn status_label(status: Status) -> String {
    serde_json::to_value(status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

pub fn sync(conn: &mut qadam_db::DbConn, dir: &Path) -> anyhow::Result<()> {
    let catalog = load_checked(dir, None)?;
    let report = qadam_catalog::sync(conn, &catalog, &AuditActor::cli())?;
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}

/// `qadam serve`'s first start: sync the configured catalog into an empty database, so
/// the quickstart has a curriculum. A broken catalog is logged and skipped: the
/// platform still starts.
pub fn sync_on_first_start(pool: &qadam_db::Pool, dir: &Path) -> anyhow::Result<()> {
    if dir.as_os_str().is_empty() {
        return Ok(());
    }
    let mut conn = pool.get()?;
    if projects::count(&mut conn)? > 0 {
        return Ok(());
    }
    if !dir.is_dir() {
        tracing::warn!(catalog = %dir.display(), "no catalog folder: starting without a curriculum");
        return Ok(());
    }
    match Catalog::load(dir, None) {
        // Several processes starting together on one PostgreSQL database may race
        // here; the loser's transaction fails whole and the winner's curriculum stands.
        Ok(catalog) => match qadam_catalog::sync(&mut conn, &catalog, &AuditActor::cli()) {
            Ok(report) => tracing::info!(
                catalog = %dir.display(),
                projects = report.created.len(),
                cursus = report.cursus_changed.len(),
                "synced the catalog on first start"
            ),
            Err(err) => tracing::warn!(
                %err,
                "the first-start catalog sync failed; run `qadam catalog sync`"
            ),
        },
        Err(problems) => {
            for problem in problems.iter().take(20) {
                tracing::warn!(%problem, "catalog problem");
            }
            tracing::warn!(
                catalog = %dir.display(),
                problems = problems.len(),
                "the catalog has problems and was not synced: run `qadam catalog check`"
            );
        }
    }
    Ok(())
}
