//! Submissions: an upload is checked whole before anything is stored (safe paths,
//! plain files, sizes, counts, compression ratio, the files the project requires),
//! its bytes become a blob, and its row and grading job are written in one
//! transaction. Results are shown as the project's visibility allows.

use crate::teams::{definition_of, visible_team, TeamAccess};
use crate::{found, Core, CoreError, CoreResult};
use chrono::NaiveDateTime;
use qadam_db::models::{GradingJob, Submission, Team};
use qadam_db::queries::{jobs, submissions};
use qadam_db::DbConn;
use qadam_domain::{Actor, SubmissionStatus, TeamStatus};
use qadam_grader::upload::{self, UploadError, UploadLimits};
use qadam_grader::GradeResult;
use serde::Serialize;
use std::time::Duration;

/// What the project flow may take and hold, from the settings.
#[derive(Debug, Clone)]
pub struct FlowPolicy {
    pub upload: UploadLimits,
    pub max_queue_depth: u64,
    pub max_attempts: u32,
    pub retry_backoff: Duration,
    pub lease: Duration,
    pub heartbeat: Duration,
    pub poll_interval: Duration,
    pub max_wait: Duration,
}

impl FlowPolicy {
    pub fn from_settings(settings: &qadam_settings::Settings) -> FlowPolicy {
        let grading = &settings.grading;
        let limits = &settings.submissions;
        FlowPolicy {
            upload: UploadLimits {
                max_archive_bytes: limits.max_archive_bytes,
                max_total_bytes: limits.max_unpacked_bytes,
                max_file_bytes: limits.max_file_bytes,
                max_files: limits.max_files,
                max_ratio: limits.max_compression_ratio,
            },
            max_queue_depth: grading.max_queue_depth,
            max_attempts: grading.max_attempts,
            retry_backoff: Duration::from_secs(grading.retry_backoff_seconds),
            lease: Duration::from_secs(grading.lease_seconds),
            heartbeat: Duration::from_secs(grading.heartbeat_seconds.max(1)),
            poll_interval: Duration::from_millis(grading.poll_interval_ms.max(10)),
            max_wait: Duration::from_secs(grading.max_wait_seconds),
        }
    }
}

fn upload_refused(err: UploadError) -> CoreError {
    CoreError::Invalid {
        code: err.code(),
        field: Some("archive"),
        message: err.to_string(),
    }
}

/// Refuses work on a team that is not locked and open.
fn check_open(team: &Team, now: NaiveDateTime) -> CoreResult<()> {
    match team.status {
        TeamStatus::InProgress => {}
        TeamStatus::Forming => {
            return Err(CoreError::conflict(
                "team_not_locked",
                "lock the team before submitting: its members must be fixed first",
            ))
        }
        other => {
            return Err(CoreError::conflict(
                "team_closed",
                format!(
                    "the team is {}: it takes no more submissions",
                    other.as_str().replace('_', " ")
                ),
            ))
        }
    }
    if team.deadline_at.is_some_and(|deadline| deadline <= now) {
        return Err(CoreError::conflict(
            "deadline_passed",
            "the project's deadline has passed",
        ));
    }
    Ok(())
}

fn check_queue_depth(conn: &mut DbConn, max: u64) -> CoreResult<()> {
    if jobs::outstanding(conn)? >= max as i64 {
        return Err(CoreError::Unavailable {
            code: "queue_full",
            message: "the grader is at capacity: try again in a minute (nothing was stored)".into(),
            retry_after: Some(30),
        });
    }
    Ok(())
}

/// Puts a submission in the grading queue.
pub fn enqueue(conn: &mut DbConn, submission: &Submission, now: NaiveDateTime) -> CoreResult<()> {
    jobs::insert(
        conn,
        &GradingJob {
            id: qadam_db::new_id(),
            submission_id: submission.id.clone(),
            team_id: submission.team_id.clone(),
            status: jobs::QUEUED.into(),
            attempts: 0,
            run_after: now,
            lease_owner: None,
            lease_expires_at: None,
            last_error: None,
            created_at: now,
            started_at: None,
            finished_at: None,
        },
    )?;
    Ok(())
}

/// A member uploads the team's work (a .tar.gz or .zip). The row, the blob and the
/// grading job all exist afterwards, or none of them does.
pub async fn submit(
    core: &Core,
    actor: Actor,
    team_id: String,
    bytes: Vec<u8>,
) -> CoreResult<Submission> {
    let now = core.clock.now();
    let max_depth = core.flow.max_queue_depth;
    let (team, definition) = core
        .db
        .read(move |conn| {
            let (team, access) = visible_team(conn, &actor, &team_id)?;
            if access != TeamAccess::Member {
                return Err(CoreError::denied(
                    "not_member",
                    "only the team's members submit its work",
                ));
            }
            check_open(&team, now)?;
            check_queue_depth(conn, max_depth)?;
            let definition = definition_of(conn, &team.version_id)?;
            Ok((team, (definition, actor)))
        })
        .await?;
    let (definition, actor) = definition;
    let graded = definition.grader.is_some();
    let required = definition
        .grader
        .as_ref()
        .map(|g| g.required_files.clone())
        .unwrap_or_default();
    let limits = core.flow.upload.clone();
    let blobs = core.blobs.clone();
    // Unpacking and hashing are CPU work: off the async threads.
    let keep_in_database = core.db.pool().backend() == qadam_db::Backend::Postgres;
    let (files, format, sha, created, bytes) = tokio::task::spawn_blocking(move || {
        let mut files = upload::unpack(&bytes, &limits).map_err(upload_refused)?;
        files.unwrap_single_folder(&required);
        let missing = files.missing(&required);
        if !missing.is_empty() {
            return Err(CoreError::Invalid {
                code: "missing_files",
                field: Some("archive"),
                message: format!("the archive lacks required files: {}", missing.join(", ")),
            });
        }
        let (sha, created) = blobs.put(&bytes).map_err(|err| CoreError::Unavailable {
            code: "storage_unavailable",
            message: format!("the submission could not be stored: {err}"),
            retry_after: Some(10),
        })?;
        Ok::<_, CoreError>((files.files.len(), files.format, sha, created, bytes))
    })
    .await
    .map_err(|err| CoreError::Corrupt(format!("the upload check stopped: {err}")))??;
    let bytes_len = bytes.len();
    let submission = Submission {
        id: qadam_db::new_id(),
        team_id: team.id.clone(),
        sha256: sha.clone(),
        format: format.as_str().to_string(),
        size_bytes: bytes_len as i64,
        file_count: files as i32,
        submitted_by: actor.user_id.as_str().to_string(),
        submitted_at: now,
        status: if graded {
            SubmissionStatus::Queued
        } else {
            SubmissionStatus::Graded
        },
        verdict: (!graded).then(|| "not_graded".to_string()),
        score: None,
        result: None,
        graded_at: (!graded).then_some(now),
    };
    let row = submission.clone();
    let written = core
        .db
        .write(move |conn| {
            // The team may have closed, or the queue filled, since the first look.
            let team = found(qadam_db::queries::teams::by_id(conn, &row.team_id)?, "team")?;
            check_open(&team, now)?;
            check_queue_depth(conn, max_depth)?;
            if keep_in_database {
                qadam_db::queries::blobs::insert_if_absent(conn, &row.sha256, &bytes, now)?;
            }
            submissions::insert(conn, &row)?;
            if graded {
                enqueue(conn, &row, now)?;
            }
            Ok::<_, CoreError>(())
        })
        .await;
    if let Err(err) = written {
        if created {
            forget_blob(core, sha).await;
        }
        return Err(err);
    }
    core.signals.job_queued();
    tracing::info!(submission = %submission.id, team = %submission.team_id, sha256 = %submission.sha256, bytes = bytes_len, "submission stored");
    Ok(submission)
}

/// Removes a blob this upload created when its row could not be written, unless a
/// row refers to it after all (the same bytes submitted at the same moment).
async fn forget_blob(core: &Core, sha: String) {
    let blobs = core.blobs.clone();
    let result = core
        .db
        .write(move |conn| {
            if submissions::count_with_sha(conn, &sha)? == 0 {
                blobs.remove(&sha).map_err(|err| {
                    CoreError::Corrupt(format!("cannot remove blob {sha}: {err}"))
                })?;
            }
            Ok::<_, CoreError>(())
        })
        .await;
    if let Err(err) = result {
        tracing::warn!(error = %err, "an unused blob stays in the blob store");
    }
}

/// A submission the viewer may see, with their access to its team.
pub fn visible_submission(
    conn: &mut DbConn,
    actor: &Actor,
    id: &str,
) -> CoreResult<(Submission, Team, TeamAccess)> {
    let submission = found(submissions::by_id(conn, id)?, "submission")?;
    let (team, access) = match visible_team(conn, actor, &submission.team_id) {
        Ok(found) => found,
        Err(CoreError::NotFound { .. }) => return Err(CoreError::NotFound { what: "submission" }),
        Err(err) => return Err(err),
    };
    if access == TeamAccess::Invited {
        return Err(CoreError::NotFound { what: "submission" });
    }
    Ok((submission, team, access))
}

/// A team's submissions, newest first.
pub fn of_team(conn: &mut DbConn, actor: &Actor, team_id: &str) -> CoreResult<Vec<Submission>> {
    let (team, access) = visible_team(conn, actor, team_id)?;
    if access == TeamAccess::Invited {
        return Err(CoreError::NotFound { what: "team" });
    }
    Ok(submissions::of_team(conn, &team.id)?)
}

/// Holds until the submission is graded (or failed on our side), or `wait` is over.
pub async fn wait_for_verdict(
    core: &Core,
    actor: Actor,
    id: String,
    wait: Duration,
) -> CoreResult<(Submission, TeamAccess)> {
    let deadline = tokio::time::Instant::now() + wait.min(core.flow.max_wait);
    loop {
        // Registered before the read, so a verdict landing in between is not missed.
        let verdict = core.signals.verdicts.notified();
        let (actor2, id2) = (actor.clone(), id.clone());
        let (submission, _, access) = core
            .db
            .read(move |conn| visible_submission(conn, &actor2, &id2))
            .await?;
        let now = tokio::time::Instant::now();
        if submission.status.is_settled() || now >= deadline {
            return Ok((submission, access));
        }
        // Verdicts from workers in other processes are not signalled here: look again
        // at the poll interval.
        let nap = core.flow.poll_interval.min(deadline - now);
        let _ = tokio::time::timeout(nap, verdict).await;
    }
}

/// A submission's bytes: from this machine's blob folder, else (a worker on
/// another machine than the server that took the upload) from the database,
/// checked against their hash and kept in the folder for next time.
pub async fn read_blob(core: &Core, sha: &str) -> Result<Vec<u8>, String> {
    let blobs = core.blobs.clone();
    let wanted = sha.to_string();
    let local = tokio::task::spawn_blocking(move || blobs.get(&wanted))
        .await
        .map_err(|err| err.to_string())?;
    match local {
        Ok(bytes) => return Ok(bytes),
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
            return Err(format!("blob {sha}: {err}"))
        }
        Err(_) => {}
    }
    let wanted = sha.to_string();
    let stored = core
        .db
        .read(move |conn| qadam_db::queries::blobs::get(conn, &wanted))
        .await
        .map_err(|err| format!("blob {sha}: {err}"))?
        .ok_or_else(|| {
            format!("blob {sha} is neither in this machine's blob folder nor in the database")
        })?;
    if crate::blobs::sha256_hex(&stored) != sha {
        return Err(format!(
            "blob {sha} in the database does not match its hash"
        ));
    }
    let blobs = core.blobs.clone();
    let copy = stored.clone();
    if let Ok(Err(err)) = tokio::task::spawn_blocking(move || blobs.put(&copy)).await {
        tracing::warn!(%sha, error = %err, "cannot keep a blob in the local folder");
    }
    Ok(stored)
}

/// The archive as it was uploaded.
pub async fn archive(core: &Core, actor: Actor, id: String) -> CoreResult<(Submission, Vec<u8>)> {
    let (submission, _, _) = core
        .db
        .read(move |conn| visible_submission(conn, &actor, &id))
        .await?;
    let bytes = read_blob(core, &submission.sha256)
        .await
        .map_err(CoreError::Corrupt)?;
    Ok((submission, bytes))
}

/// One test of a result as the viewer may see it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ShownTest {
    pub name: String,
    pub status: String,
    pub visibility: String,
    /// What went wrong (expected and got) for a visible test; for a hidden one only
    /// the kind of failure.
    pub message: String,
    pub output: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signal: Option<String>,
}

/// A stored result's tests: visible tests in full; hidden ones by name and status
/// only, unless `full` (staff).
pub fn shown_tests(result: &GradeResult, full: bool) -> Vec<ShownTest> {
    result
        .tests
        .iter()
        .map(|test| {
            let hidden = test.visibility != "visible" && !full;
            ShownTest {
                name: test.name.clone(),
                status: test.status.name().to_string(),
                visibility: test.visibility.clone(),
                message: if hidden {
                    test.status.name().replace('_', " ")
                } else {
                    test.message.clone()
                },
                output: if hidden {
                    String::new()
                } else {
                    test.output.clone()
                },
                signal: test.signal.clone(),
            }
        })
        .collect()
}

/// The stored result JSON, parsed.
pub fn stored_result(submission: &Submission) -> CoreResult<Option<GradeResult>> {
    submission
        .result
        .as_deref()
        .map(|json| {
            serde_json::from_str(json).map_err(|err| {
                CoreError::Corrupt(format!("result of submission {}: {err}", submission.id))
            })
        })
        .transpose()
}
