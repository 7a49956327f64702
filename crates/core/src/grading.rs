//! The grading workers. A worker claims the next job with a lease (see
//! `qadam_db::queries::jobs`), grades the submission through the grader's one entry
//! point while renewing the lease, and records the verdict with an update that lands
//! only while it still holds the lease: so a result is written exactly once, and a
//! worker that dies loses nothing (its lease runs out and another worker takes the
//! job over). Our own failures are retried with a growing wait, a bounded number of
//! times, then shown to staff as failed on our side: never as the student's fault.

use crate::submissions::FlowPolicy;
use crate::{Core, CoreError, CoreResult};
use chrono::NaiveDateTime;
use qadam_db::models::{GradingJob, Submission};
use qadam_db::queries::{jobs, projects, submissions};
use qadam_db::DbConn;
use qadam_domain::SubmissionStatus;
use qadam_grader::upload::{self};
use qadam_grader::{GradeResult, Grader, GradingMaterial, Status};
use std::time::Duration;
use tokio::sync::Notify;

/// Wake-ups inside one process: a job was queued (for idle workers), a verdict
/// landed (for requests waiting on one). Other processes poll instead.
#[derive(Default)]
pub struct Signals {
    jobs: Notify,
    pub(crate) verdicts: Notify,
}

impl Signals {
    pub fn job_queued(&self) {
        self.jobs.notify_one();
    }

    pub fn verdict_landed(&self) {
        self.verdicts.notify_waiters();
    }
}

fn chrono_of(duration: Duration) -> chrono::Duration {
    chrono::Duration::from_std(duration).unwrap_or(chrono::Duration::seconds(30))
}

/// A job this worker holds, and what grading it needs.
struct Claimed {
    job: GradingJob,
    owner: String,
    submission: Submission,
    material: Option<String>,
    required: Vec<String>,
}

/// What a claim found.
enum Claim {
    Nothing,
    /// The job had used up its attempts (its workers kept dying): marked failed.
    GaveUp,
    Run(Box<Claimed>),
}

pub struct Worker {
    core: Core,
    grader: Grader,
    name: String,
}

impl Worker {
    /// `name` appears in leases and logs (host, process and index make it unique).
    pub fn new(core: Core, grader: Grader, name: String) -> Worker {
        Worker { core, grader, name }
    }

    /// Grades jobs until the process ends.
    pub async fn run(self) {
        tracing::info!(worker = %self.name, "grading worker started");
        loop {
            match self.run_once().await {
                Ok(true) => {}
                Ok(false) => {
                    // Woken by a job queued in this process, or polling for others'.
                    let _ = tokio::time::timeout(
                        self.core.flow.poll_interval,
                        self.core.signals.jobs.notified(),
                    )
                    .await;
                }
                Err(err) => {
                    tracing::error!(worker = %self.name, error = %err, "grading worker error");
                    tokio::time::sleep(self.core.flow.poll_interval.max(Duration::from_secs(1)))
                        .await;
                }
            }
        }
    }

    /// Claims and grades one job; false when there was none.
    pub async fn run_once(&self) -> CoreResult<bool> {
        match self.claim().await? {
            Claim::Nothing => Ok(false),
            Claim::GaveUp => {
                self.core.signals.verdict_landed();
                Ok(true)
            }
            Claim::Run(claimed) => {
                self.grade(*claimed).await?;
                self.core.signals.verdict_landed();
                Ok(true)
            }
        }
    }

    async fn claim(&self) -> CoreResult<Claim> {
        let core = self.core.clone();
        let owner = format!("{}/{}", self.name, uuid::Uuid::new_v4().simple());
        let now = core.clock.now();
        let policy = core.flow.clone();
        self.core
            .db
            .write(move |conn| claim_next(conn, &owner, now, &policy))
            .await
    }

    async fn grade(&self, claimed: Claimed) -> CoreResult<()> {
        let Claimed {
            job,
            owner,
            submission,
            material,
            required,
        } = claimed;
        tracing::info!(worker = %self.name, job = %job.id, submission = %submission.id, attempt = job.attempts, "grading");
        let started = std::time::Instant::now();
        let outcome = tokio::select! {
            outcome = self.grade_submission(&submission, material, required) => Some(outcome),
            () = self.keep_lease(&job.id, &owner) => None,
        };
        let Some(outcome) = outcome else {
            // Dropping the grading future removes its container.
            tracing::warn!(worker = %self.name, job = %job.id, "lost the job's lease; another worker has it");
            return Ok(());
        };
        let duration_ms = started.elapsed().as_millis() as u64;
        let core = self.core.clone();
        let now = core.clock.now();
        let policy = core.flow.clone();
        let (job_id, submission_id) = (job.id.clone(), submission.id.clone());
        let landed = self
            .core
            .db
            .write(move |conn| match outcome {
                Ok(result) if result.status != Status::InternalError => {
                    record_verdict(conn, &job, &owner, &submission, &result, now)
                        .map(|landed| landed.then_some(result))
                }
                Ok(result) => retry_or_fail(
                    conn,
                    &job,
                    &owner,
                    &submission,
                    &result.message,
                    now,
                    &policy,
                )
                .map(|()| None),
                Err(message) => {
                    retry_or_fail(conn, &job, &owner, &submission, &message, now, &policy)
                        .map(|()| None)
                }
            })
            .await?;
        // Told only once committed: a process killed before then grades it again.
        if let Some(result) = landed {
            tracing::info!(worker = %self.name, job = %job_id, submission = %submission_id, verdict = result.status.name(), score = result.score, duration_ms, "graded");
        }
        Ok(())
    }

    /// Reads the blob, unpacks it as the upload was checked, and grades it.
    async fn grade_submission(
        &self,
        submission: &Submission,
        material: Option<String>,
        required: Vec<String>,
    ) -> Result<GradeResult, String> {
        let material: GradingMaterial = serde_json::from_str(
            material
                .as_deref()
                .ok_or("the project version has no grading material")?,
        )
        .map_err(|err| format!("the grading material does not read back: {err}"))?;
        let bytes = crate::submissions::read_blob(&self.core, &submission.sha256).await?;
        let limits = self.core.flow.upload.clone();
        let files = tokio::task::spawn_blocking(move || {
            let mut files = upload::unpack(&bytes, &limits).map_err(|err| err.to_string())?;
            files.unwrap_single_folder(&required);
            Ok::<_, String>(files)
        })
        .await
        .map_err(|err| err.to_string())??;
        self.grader
            .grade_files(&files.files, &material)
            .await
            .map_err(|err| err.to_string())
    }

    /// Renews the lease every heartbeat; returns once it is lost.
    async fn keep_lease(&self, job_id: &str, owner: &str) {
        let mut ticks = tokio::time::interval(self.core.flow.heartbeat);
        ticks.tick().await;
        loop {
            ticks.tick().await;
            let (job_id, owner) = (job_id.to_string(), owner.to_string());
            let until = self.core.clock.now() + chrono_of(self.core.flow.lease);
            let held = self
                .core
                .db
                .write(move |conn| jobs::heartbeat(conn, &job_id, &owner, until))
                .await;
            match held {
                Ok(true) => {}
                Ok(false) => return,
                // A database hiccup: the lease still runs; try again at the next beat.
                Err(err) => tracing::warn!(error = %err, "cannot renew a grading lease"),
            }
        }
    }
}

fn claim_next(
    conn: &mut DbConn,
    owner: &str,
    now: NaiveDateTime,
    policy: &FlowPolicy,
) -> CoreResult<Claim> {
    let Some(id) = jobs::next_claimable(conn, now)? else {
        return Ok(Claim::Nothing);
    };
    let job = jobs::lease(conn, &id, owner, now, now + chrono_of(policy.lease))?;
    let submission = submissions::by_id(conn, &job.submission_id)?
        .ok_or_else(|| CoreError::Corrupt(format!("job {id} has no submission")))?;
    if job.attempts as u32 > policy.max_attempts {
        let message = "its gradings kept stopping (lost workers): given up";
        jobs::finish(conn, &id, owner, jobs::FAILED, Some(message), now)?;
        submissions::set_status(conn, &submission.id, SubmissionStatus::Failed)?;
        tracing::error!(job = %id, submission = %submission.id, "grading given up after {} attempts", job.attempts - 1);
        return Ok(Claim::GaveUp);
    }
    submissions::set_status(conn, &submission.id, SubmissionStatus::Running)?;
    let team = qadam_db::queries::teams::by_id(conn, &submission.team_id)?
        .ok_or_else(|| CoreError::Corrupt(format!("submission {} has no team", submission.id)))?;
    let material = projects::grading_of(conn, &team.version_id)?;
    let definition = crate::teams::definition_of(conn, &team.version_id)?;
    let required = definition
        .grader
        .map(|g| g.required_files)
        .unwrap_or_default();
    Ok(Claim::Run(Box::new(Claimed {
        job,
        owner: owner.to_string(),
        submission,
        material,
        required,
    })))
}

/// Records the verdict if the lease still holds; answers whether it landed.
fn record_verdict(
    conn: &mut DbConn,
    job: &GradingJob,
    owner: &str,
    submission: &Submission,
    result: &GradeResult,
    now: NaiveDateTime,
) -> CoreResult<bool> {
    if !jobs::finish(conn, &job.id, owner, jobs::DONE, None, now)? {
        tracing::warn!(job = %job.id, "verdict discarded: the lease was lost before it landed");
        return Ok(false);
    }
    let json = serde_json::to_string(result)
        .map_err(|err| CoreError::Corrupt(format!("a result does not serialise: {err}")))?;
    submissions::record_result(
        conn,
        &submission.id,
        result.status.name(),
        result.score,
        &json,
        now,
    )?;
    Ok(true)
}

fn retry_or_fail(
    conn: &mut DbConn,
    job: &GradingJob,
    owner: &str,
    submission: &Submission,
    error: &str,
    now: NaiveDateTime,
    policy: &FlowPolicy,
) -> CoreResult<()> {
    let attempts = job.attempts.max(1) as u32;
    if attempts < policy.max_attempts {
        let wait = policy.retry_backoff * 2u32.saturating_pow(attempts - 1);
        if jobs::requeue(conn, &job.id, owner, now + chrono_of(wait), error)? {
            submissions::set_status(conn, &submission.id, SubmissionStatus::Queued)?;
            tracing::warn!(job = %job.id, submission = %submission.id, attempt = attempts, retry_in_s = wait.as_secs(), %error, "grading failed on our side; retrying");
        }
        return Ok(());
    }
    if jobs::finish(conn, &job.id, owner, jobs::FAILED, Some(error), now)? {
        submissions::set_status(conn, &submission.id, SubmissionStatus::Failed)?;
        tracing::error!(job = %job.id, submission = %submission.id, attempts, %error, "grading failed on our side; retries used up");
    }
    Ok(())
}

/// Closes attempts whose deadline passed, now and then; every process that grades
/// runs it (each closing happens in its own transaction, so two never clash).
pub async fn housekeeping(core: Core, every: Duration) {
    loop {
        let now = core.clock.now();
        match core
            .db
            .write(move |conn| crate::marks::close_past_deadlines(conn, now))
            .await
        {
            Ok(0) => {}
            Ok(closed) => tracing::info!(closed, "attempts closed at their deadline"),
            Err(err) => tracing::warn!(error = %err, "cannot close attempts past their deadline"),
        }
        tokio::time::sleep(every).await;
    }
}

/// What staff see of the queue.
#[derive(Debug, Clone, serde::Serialize)]
pub struct QueueOverview {
    pub queued: i64,
    pub running: i64,
    pub failed: i64,
    /// The newest jobs that failed on our side, with why.
    pub recent_failures: Vec<FailedJob>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct FailedJob {
    pub job: String,
    pub submission: String,
    pub team: String,
    pub attempts: i32,
    pub error: Option<String>,
    pub finished_at: Option<chrono::DateTime<chrono::Utc>>,
}

pub fn queue_overview(conn: &mut DbConn) -> CoreResult<QueueOverview> {
    let recent_failures = jobs::with_status(conn, jobs::FAILED, 20)?
        .into_iter()
        .map(|job| FailedJob {
            job: job.id,
            submission: job.submission_id,
            team: job.team_id,
            attempts: job.attempts,
            error: job.last_error,
            finished_at: job.finished_at.map(|at| at.and_utc()),
        })
        .collect();
    Ok(QueueOverview {
        queued: jobs::count_with_status(conn, jobs::QUEUED)?,
        running: jobs::count_with_status(conn, jobs::RUNNING)?,
        failed: jobs::count_with_status(conn, jobs::FAILED)?,
        recent_failures,
    })
}
