//! `qadam catalog check` and `qadam catalog sync`, and the first-start sync of `serve`.

use anyhow::{bail, Context};
use qadam_catalog::{Catalog, Problem, Project};
use qadam_db::queries::{audit::AuditActor, projects};
use qadam_grader::{images, GradeResult, Status};
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

/// One grading to do: a solution folder and whether it must pass.
struct Run {
    slug: String,
    submission: PathBuf,
    must_pass: bool,
}

/// Grades every reference solution (must pass) and every known-wrong one (must not),
/// two at a time. Returns the problems found.
fn run_all_solutions(catalog: &Catalog, images_root: &Path) -> anyhow::Result<Vec<Problem>> {
    let mut runs = Vec::new();
    for project in catalog.projects.iter().filter(|p| p.file.grader.is_some()) {
        runs.push(Run {
            slug: project.slug().to_string(),
            submission: project.solution_dir(),
            must_pass: true,
        });
        for wrong in project.wrong_solutions() {
            runs.push(Run {
                slug: project.slug().to_string(),
                submission: wrong,
                must_pass: false,
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
        let mut tags = std::collections::BTreeSet::new();
        for project in catalog.projects.iter().filter_map(|p| p.grading_material()) {
            tags.insert(images::image_tag(images_root, project.image())?);
        }
        for tag in &tags {
            if docker.inspect_image(tag).await.is_err() {
                bail!("the grader image {tag} is not built: run `qadam images build`");
            }
        }
        let limit = Arc::new(tokio::sync::Semaphore::new(2));
        let mut tasks = Vec::new();
        for run in &runs {
            let project = catalog
                .project(&run.slug)
                .expect("runs name loaded projects");
            let (tag, job, limits) = prepare(images_root, project, &run.submission)?;
            let docker = docker.clone();
            let limit = limit.clone();
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

fn prepare(
    images_root: &Path,
    project: &Project,
    submission: &Path,
) -> anyhow::Result<(String, Vec<u8>, qadam_grader::Limits)> {
    let material = project
        .grading_material()
        .context("only graded projects are run")?;
    let tag = images::image_tag(images_root, material.image())?;
    let job = qadam_grader::pack_job(submission, &material)
        .with_context(|| format!("packing {}", submission.display()))?;
    Ok((tag, job, material.limits()))
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
