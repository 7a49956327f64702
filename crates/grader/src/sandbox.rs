//! One grading run in a fresh, hardened container. Limits that hold whatever the
//! student's code does: no network, memory = memory + swap, a process cap, a read-only
//! root with a size-capped tmpfs for work, every capability dropped but the four the
//! runner needs to start student code as another user, no-new-privileges, an init to
//! reap orphans, a wall-clock kill from the host and a cap on the bytes we read back.

use crate::result::{GradeResult, Status};
use crate::spec::SpecLimits;
use bollard::container::{
    AttachContainerOptions, AttachContainerResults, Config, CreateContainerOptions,
    InspectContainerOptions, LogOutput, RemoveContainerOptions, StartContainerOptions,
};
use bollard::models::{HostConfig, ResourcesUlimits};
use bollard::Docker;
use futures_util::StreamExt;
use std::collections::HashMap;
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;

#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    pub memory_bytes: i64,
    pub pids: i64,
    /// The whole run, compile and all tests; the host kills the container past it.
    pub wall_clock: Duration,
    pub work_tmpfs_bytes: u64,
    /// Bytes read back from the runner; past this the run ends as `output_limit`.
    pub output_bytes: usize,
    pub open_files: i64,
    pub file_size_bytes: i64,
    /// CPU cores the container may use at once: concurrent gradings share the host
    /// fairly, and one submission cannot take every core until its wall clock.
    pub cpus: f64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            memory_bytes: 256 << 20,
            pids: 64,
            wall_clock: Duration::from_secs(60),
            work_tmpfs_bytes: 64 << 20,
            output_bytes: 1 << 20,
            open_files: 256,
            file_size_bytes: 16 << 20,
            cpus: 1.0,
        }
    }
}

/// What a project may ask for at most, whatever its spec says.
pub const MAX_MEMORY_MB: i64 = 1024;
pub const MAX_PIDS: i64 = 256;
pub const MAX_WALL_SECONDS: u64 = 300;
pub const MAX_CPUS: f64 = 2.0;

impl Limits {
    /// The defaults, changed by a spec's `limits`, each clamped to its hard maximum.
    pub fn for_project(asked: &SpecLimits) -> Limits {
        let mut limits = Limits::default();
        if let Some(mb) = asked.memory_mb {
            limits.memory_bytes = i64::from(mb).clamp(16, MAX_MEMORY_MB) << 20;
        }
        if let Some(pids) = asked.pids {
            limits.pids = i64::from(pids).clamp(8, MAX_PIDS);
        }
        if let Some(seconds) = asked.wall_seconds {
            limits.wall_clock = Duration::from_secs(u64::from(seconds).clamp(5, MAX_WALL_SECONDS));
        }
        if let Some(cpus) = asked.cpus.filter(|c| c.is_finite()) {
            limits.cpus = cpus.clamp(0.1, MAX_CPUS);
        }
        limits
    }

    fn nano_cpus(&self) -> i64 {
        (self.cpus * 1e9).round() as i64
    }
}

#[derive(Debug, thiserror::Error)]
pub enum GraderError {
    #[error("Docker: {0}")]
    Docker(#[from] bollard::errors::Error),
    #[error("cannot send the job to the sandbox: {0}")]
    Stdin(std::io::Error),
    #[error("the grader image {0} is not built: run `qadam images build`")]
    ImageMissing(String),
    #[error(transparent)]
    Image(#[from] crate::images::ImageError),
    #[error(transparent)]
    Pack(#[from] crate::ArchiveError),
}

/// Removes the container when dropped, also on timeout, error or panic. The normal
/// path awaits [`ContainerGuard::remove`] so that nothing is left when `grade` returns.
struct ContainerGuard {
    docker: Docker,
    id: String,
}

fn remove_options() -> Option<RemoveContainerOptions> {
    Some(RemoveContainerOptions {
        force: true,
        v: true,
        ..Default::default()
    })
}

impl ContainerGuard {
    async fn remove(mut self) -> Result<(), GraderError> {
        let id = std::mem::take(&mut self.id);
        self.docker.remove_container(&id, remove_options()).await?;
        Ok(())
    }
}

impl Drop for ContainerGuard {
    fn drop(&mut self) {
        if self.id.is_empty() {
            return;
        }
        let docker = self.docker.clone();
        let id = std::mem::take(&mut self.id);
        let remove = async move {
            if let Err(err) = docker.remove_container(&id, remove_options()).await {
                tracing::error!(container = %id, error = %err, "could not remove a grading container");
            }
        };
        match tokio::runtime::Handle::try_current() {
            Ok(handle) => {
                handle.spawn(remove);
            }
            Err(_) => tracing::error!("no runtime to remove a grading container"),
        }
    }
}

fn host_config(limits: &Limits) -> HostConfig {
    let ulimit = |name: &str, value: i64| ResourcesUlimits {
        name: Some(name.to_string()),
        soft: Some(value),
        hard: Some(value),
    };
    HostConfig {
        network_mode: Some("none".into()),
        memory: Some(limits.memory_bytes),
        memory_swap: Some(limits.memory_bytes),
        pids_limit: Some(limits.pids),
        nano_cpus: Some(limits.nano_cpus()),
        readonly_rootfs: Some(true),
        tmpfs: Some(HashMap::from([
            (
                "/work".to_string(),
                format!("size={},mode=755,exec", limits.work_tmpfs_bytes),
            ),
            ("/tmp".to_string(), "size=16m,mode=1777".to_string()),
        ])),
        cap_drop: Some(vec!["ALL".into()]),
        cap_add: Some(vec![
            "SETUID".into(),
            "SETGID".into(),
            "KILL".into(),
            "CHOWN".into(),
        ]),
        security_opt: Some(vec!["no-new-privileges".into()]),
        init: Some(true),
        ulimits: Some(vec![
            ulimit("nofile", limits.open_files),
            ulimit("fsize", limits.file_size_bytes),
        ]),
        ..Default::default()
    }
}

/// The same sandbox as `docker run` flags (the benchmark's baseline), made from the
/// same host configuration so that the two cannot drift apart.
pub fn docker_run_flags(limits: &Limits) -> Vec<String> {
    let host = host_config(limits);
    let mut flags = vec![
        format!("--network={}", host.network_mode.unwrap_or_default()),
        format!("--memory={}", host.memory.unwrap_or_default()),
        format!("--memory-swap={}", host.memory_swap.unwrap_or_default()),
        format!("--pids-limit={}", host.pids_limit.unwrap_or_default()),
        format!("--cpus={}", limits.cpus),
    ];
    if host.readonly_rootfs == Some(true) {
        flags.push("--read-only".into());
    }
    if host.init == Some(true) {
        flags.push("--init".into());
    }
    let mut tmpfs: Vec<_> = host.tmpfs.unwrap_or_default().into_iter().collect();
    tmpfs.sort();
    flags.extend(
        tmpfs
            .into_iter()
            .map(|(path, options)| format!("--tmpfs={path}:{options}")),
    );
    flags.extend(
        host.cap_drop
            .unwrap_or_default()
            .into_iter()
            .map(|c| format!("--cap-drop={c}")),
    );
    flags.extend(
        host.cap_add
            .unwrap_or_default()
            .into_iter()
            .map(|c| format!("--cap-add={c}")),
    );
    flags.extend(
        host.security_opt
            .unwrap_or_default()
            .into_iter()
            .map(|o| format!("--security-opt={o}")),
    );
    for ulimit in host.ulimits.unwrap_or_default() {
        flags.push(format!(
            "--ulimit={}={}:{}",
            ulimit.name.unwrap_or_default(),
            ulimit.soft.unwrap_or_default(),
            ulimit.hard.unwrap_or_default()
        ));
    }
    flags
}

/// Grades one packed job (see [`crate::pack_job`]) with `image`. Returns a verdict
/// whenever one was reached; an error only when grading itself failed.
pub async fn grade(
    docker: &Docker,
    image: &str,
    job: Vec<u8>,
    limits: &Limits,
) -> Result<GradeResult, GraderError> {
    let name = format!("qadam-grade-{}", uuid::Uuid::new_v4().simple());
    grade_in(docker, &name, image, job, limits).await
}

/// [`grade`] in a container of the given name (tests use it to check the container is gone).
pub async fn grade_in(
    docker: &Docker,
    name: &str,
    image: &str,
    job: Vec<u8>,
    limits: &Limits,
) -> Result<GradeResult, GraderError> {
    Sandbox::prepare(docker, name, image, limits)
        .await?
        .run(job)
        .await
}

type OutputStream = std::pin::Pin<
    Box<dyn futures_util::Stream<Item = Result<LogOutput, bollard::errors::Error>> + Send>,
>;

/// A started, single-use sandbox whose runner waits for its job on standard input.
/// Preparing one ahead of time hides container start-up from the student; a sandbox
/// is never given a second job (`run` consumes it).
pub struct Sandbox {
    guard: ContainerGuard,
    input: std::pin::Pin<Box<dyn tokio::io::AsyncWrite + Send>>,
    output: OutputStream,
    image: String,
    limits: Limits,
}

impl Sandbox {
    pub async fn prepare(
        docker: &Docker,
        name: &str,
        image: &str,
        limits: &Limits,
    ) -> Result<Sandbox, GraderError> {
        let config = Config {
            image: Some(image.to_string()),
            attach_stdin: Some(true),
            attach_stdout: Some(true),
            attach_stderr: Some(true),
            open_stdin: Some(true),
            stdin_once: Some(true),
            network_disabled: Some(true),
            // No secrets reach a sandbox: its environment is only what the image sets.
            env: Some(vec![]),
            stop_timeout: Some(0),
            host_config: Some(host_config(limits)),
            ..Default::default()
        };
        let created = docker
            .create_container(
                Some(CreateContainerOptions {
                    name,
                    platform: None,
                }),
                config,
            )
            .await?;
        let guard = ContainerGuard {
            docker: docker.clone(),
            id: created.id,
        };
        let AttachContainerResults { output, input } = docker
            .attach_container(
                &guard.id,
                Some(AttachContainerOptions::<String> {
                    stdin: Some(true),
                    stdout: Some(true),
                    stderr: Some(true),
                    stream: Some(true),
                    ..Default::default()
                }),
            )
            .await?;
        docker
            .start_container(&guard.id, None::<StartContainerOptions<String>>)
            .await?;
        Ok(Sandbox {
            guard,
            input,
            output,
            image: image.to_string(),
            limits: limits.clone(),
        })
    }

    /// Removes a prepared sandbox that will not be used.
    pub async fn discard(self) -> Result<(), GraderError> {
        self.guard.remove().await
    }

    /// Sends the job, reads the verdict within the limits, removes the container.
    pub async fn run(self, job: Vec<u8>) -> Result<GradeResult, GraderError> {
        let Sandbox {
            guard,
            mut input,
            mut output,
            image,
            limits,
        } = self;
        let docker = guard.docker.clone();
        let started = Instant::now();
        input.write_all(&job).await.map_err(GraderError::Stdin)?;
        input.shutdown().await.map_err(GraderError::Stdin)?;
        drop(input);
        let mut stdout = Vec::new();
        let mut stderr_bytes = 0usize;
        let deadline = tokio::time::sleep(limits.wall_clock);
        tokio::pin!(deadline);
        let mut outer: Option<GradeResult> = None;
        loop {
            tokio::select! {
                _ = &mut deadline => {
                    outer = Some(GradeResult::outer(Status::TimeLimit, format!(
                        "the whole run took longer than {} s", limits.wall_clock.as_secs())));
                    break;
                }
                item = output.next() => match item {
                    None => break,
                    Some(Ok(LogOutput::StdOut { message })) => {
                        stdout.extend_from_slice(&message);
                    }
                    Some(Ok(LogOutput::StdErr { message })) => {
                        stderr_bytes += message.len();
                    }
                    Some(Ok(_)) => {}
                    Some(Err(err)) => return Err(err.into()),
                },
            }
            if stdout.len() + stderr_bytes > limits.output_bytes {
                outer = Some(GradeResult::outer(
                    Status::OutputLimit,
                    format!("more than {} bytes of output", limits.output_bytes),
                ));
                break;
            }
        }
        let state = docker
            .inspect_container(&guard.id, None::<InspectContainerOptions>)
            .await?
            .state
            .unwrap_or_default();
        guard.remove().await?;
        let elapsed_ms = started.elapsed().as_millis();
        if let Some(result) = outer {
            tracing::info!(%image, status = ?result.status, elapsed_ms, "graded (sandbox limit)");
            return Ok(result);
        }
        let last_line = String::from_utf8_lossy(&stdout)
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .map(str::to_string);
        // The runner reports a test that ran out of memory itself; only a run that ended
        // without a result is put down to the container's memory limit.
        let result = match last_line.map(|line| serde_json::from_str::<GradeResult>(&line)) {
            Some(Ok(result)) => result,
            _ if state.oom_killed == Some(true) => GradeResult::outer(
                Status::MemoryLimit,
                format!("used more than {} MiB of memory", limits.memory_bytes >> 20),
            ),
            Some(Err(err)) => GradeResult::outer(
                Status::InternalError,
                format!("the runner's result is not valid JSON: {err}"),
            ),
            None => GradeResult::outer(
                Status::InternalError,
                format!(
                    "the runner wrote no result (exit code {:?})",
                    state.exit_code
                ),
            ),
        };
        tracing::info!(%image, status = ?result.status, elapsed_ms, "graded");
        Ok(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_limits_are_clamped_to_the_hard_maxima() {
        assert_eq!(
            Limits::for_project(&SpecLimits::default()),
            Limits::default()
        );
        let asked = Limits::for_project(&SpecLimits {
            memory_mb: Some(512),
            pids: Some(32),
            wall_seconds: Some(20),
            cpus: Some(0.5),
        });
        assert_eq!((asked.memory_bytes, asked.pids), (512 << 20, 32));
        assert_eq!(asked.wall_clock, Duration::from_secs(20));
        assert_eq!(asked.nano_cpus(), 500_000_000);
        let greedy = Limits::for_project(&SpecLimits {
            memory_mb: Some(999_999),
            pids: Some(100_000),
            wall_seconds: Some(99_999),
            cpus: Some(64.0),
        });
        assert_eq!(greedy.memory_bytes, MAX_MEMORY_MB << 20);
        assert_eq!(greedy.pids, MAX_PIDS);
        assert_eq!(greedy.wall_clock, Duration::from_secs(MAX_WALL_SECONDS));
        assert_eq!(greedy.cpus, MAX_CPUS);
        assert_eq!(
            Limits::default().nano_cpus(),
            1_000_000_000,
            "one core by default"
        );
    }
}
