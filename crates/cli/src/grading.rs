//! `qadam images build` and `qadam grade`: the same grading code path the server's
//! workers will use, run on a folder.

use anyhow::{bail, Context};
use qadam_grader::{images, Grader, Status};
use std::path::{Path, PathBuf};

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
    submission: &[PathBuf],
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
        let layers: Vec<&Path> = submission.iter().map(PathBuf::as_path).collect();
        anyhow::Ok(grader.grade(&layers, &material).await?)
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

/// `qadam serve`'s look at the Docker engine: a warning when root in a grading
/// container would be root on this host. Never stops the server.
pub fn warn_about_the_engine(images_root: &Path) {
    let check = async {
        match Grader::connect(images_root) {
            Ok(grader) => {
                let asked = grader.warn_without_user_namespaces();
                if tokio::time::timeout(std::time::Duration::from_secs(3), asked)
                    .await
                    .is_err()
                {
                    tracing::warn!("the Docker engine did not answer within 3 s");
                }
            }
            Err(err) => tracing::info!(%err, "no Docker engine here: grading needs one"),
        }
    };
    match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime.block_on(check),
        Err(err) => tracing::warn!(%err, "cannot check the Docker engine"),
    }
}
