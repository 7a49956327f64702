//! Grading workers: inside `qadam serve` (`grading.workers`), or as `qadam worker`
//! processes against a shared PostgreSQL database, on any machine with a Docker
//! engine and the grader images.

use anyhow::Context;
use qadam_core::{Core, Worker};
use qadam_grader::Grader;
use qadam_settings::Settings;
use std::time::Duration;

/// How often attempts past their deadline are looked for.
const HOUSEKEEPING_EVERY: Duration = Duration::from_secs(30);

/// A name unique to this process and worker, shown in leases and logs.
fn worker_name(index: usize) -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|name| name.trim().to_string())
        .unwrap_or_else(|_| "host".into());
    format!("{host}:{}:{index}", std::process::id())
}

/// Starts `count` workers and the deadline housekeeping on the current runtime.
pub fn spawn(core: &Core, settings: &Settings, count: usize) -> anyhow::Result<()> {
    if count == 0 {
        tracing::info!("no grading workers in this process (grading.workers = 0)");
        return Ok(());
    }
    let grader = Grader::connect(&settings.grading.images_dir)
        .context("grading workers need a Docker engine")?;
    for index in 0..count {
        let worker = Worker::new(core.clone(), grader.clone(), worker_name(index));
        tokio::spawn(worker.run());
    }
    tokio::spawn(qadam_core::grading::housekeeping(
        core.clone(),
        HOUSEKEEPING_EVERY,
    ));
    Ok(())
}

/// `qadam worker`: grades until stopped.
pub fn run(settings: Settings, count: usize) -> anyhow::Result<()> {
    let pool = crate::open_pool(&settings)?;
    let core = Core::new(&settings, pool)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        Grader::connect(&settings.grading.images_dir)?
            .warn_without_user_namespaces()
            .await;
        spawn(&core, &settings, count.max(1))?;
        tracing::info!(workers = count.max(1), "qadam worker ready");
        wait_for_stop().await;
        tracing::info!(
            "qadam worker stopping; running gradings are taken over when their leases run out"
        );
        anyhow::Ok(())
    })
}

async fn wait_for_stop() {
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("SIGTERM can be watched");
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate.recv() => {}
    }
}
