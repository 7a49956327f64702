//! `qadam images build` and `qadam grade`: the same grading code path the server's
//! workers will use, run on a folder.

use anyhow::{bail, Context};
use qadam_grader::{images, Grader, Status};
use std::path::Path;

pub fn build_images(root: &Path, names: &[String], offline: bool) -> anyhow::Result<()> {
    let tags = images::build(root, names, offline)?;
    for tag in tags {
        println!("{tag}");
    }
    Ok(())
}

pub fn grade(
    images_root: &Path,
    catalog: &Path,
    slug: &str,
    submission: &Path,
    json: bool,
) -> anyhow::Result<()> {
    let project = qadam_catalog::load_project(catalog, slug).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        anyhow::anyhow!("{}", lines.join("\n"))
    })?;
    let Some(material) = project.grading_material() else {
        bail!("{slug} has no [grader] section: it is evaluated by peers only");
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let result = runtime.block_on(async {
        let grader = Grader::connect(images_root).context("cannot reach the Docker engine")?;
        grader.warn_without_user_namespaces().await;
        anyhow::Ok(grader.grade(&[submission], &material).await?)
    })?;
    if json {
        println!("{}", serde_json::to_string_pretty(&result)?);
        return Ok(());
    }
    println!(
        "{slug}: {} ({:.0}/100) - {}",
        result.status, result.score, result.message
    );
    for test in &result.tests {
        let mark = match test.status {
            Status::Passed => "ok  ",
            Status::NotRun => "-   ",
            _ => "FAIL",
        };
        println!("  {mark} {} [{}]", test.name, test.status);
    }
    if let Some(failure) = result.first_failure() {
        if !failure.message.is_empty() {
            println!("\nfirst failure, {}:\n{}", failure.name, failure.message);
        }
    }
    Ok(())
}
