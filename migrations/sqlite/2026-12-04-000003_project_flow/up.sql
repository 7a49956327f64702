-- The student's project flow: one team per attempt of a project, its members, the
-- submissions and the grading queue, the XP earned and the level table.
-- Keep in step with ../../postgres/.

CREATE TABLE teams (
    id TEXT PRIMARY KEY NOT NULL,
    project_id TEXT NOT NULL REFERENCES projects (id),
    -- The project version the attempt started on; it is graded and marked by it.
    version_id TEXT NOT NULL REFERENCES project_versions (id),
    -- The leader's campus, whose staff oversee the team.
    campus_id TEXT REFERENCES campuses (id),
    leader_id TEXT NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    -- 1 for a first attempt, 2 for the first retry, ...
    attempt INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN
        ('forming', 'in_progress', 'waiting_for_evaluation', 'finished', 'abandoned')),
    deadline_at TIMESTAMP,
    locked_at TIMESTAMP,
    closed_at TIMESTAMP,
    finished_at TIMESTAMP,
    retriable_at TIMESTAMP,
    handed_in_submission_id TEXT,
    grader_mark INTEGER,
    final_mark INTEGER,
    validated BOOLEAN,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX teams_project_idx ON teams (project_id, status);
CREATE INDEX teams_campus_idx ON teams (campus_id, status);
CREATE INDEX teams_deadline_idx ON teams (status, deadline_at);

CREATE TABLE team_members (
    team_id TEXT NOT NULL REFERENCES teams (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    -- false while invited; an invitation declined, a member who left or was kicked
    -- is removed.
    accepted BOOLEAN NOT NULL,
    invited_by TEXT REFERENCES users (id),
    joined_at TIMESTAMP NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user_idx ON team_members (user_id);

-- One row per student and project while the student is in an unfinished team of it,
-- so the database itself refuses a second one, whatever the concurrency.
CREATE TABLE active_registrations (
    user_id TEXT NOT NULL REFERENCES users (id),
    project_id TEXT NOT NULL REFERENCES projects (id),
    team_id TEXT NOT NULL REFERENCES teams (id),
    PRIMARY KEY (user_id, project_id)
);
CREATE INDEX active_registrations_team_idx ON active_registrations (team_id);

-- A submission's bytes are a content-addressed blob (sha256) in the blob store.
CREATE TABLE submissions (
    id TEXT PRIMARY KEY NOT NULL,
    team_id TEXT NOT NULL REFERENCES teams (id),
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('tar.gz', 'zip')),
    size_bytes BIGINT NOT NULL,
    file_count INTEGER NOT NULL,
    submitted_by TEXT NOT NULL REFERENCES users (id),
    submitted_at TIMESTAMP NOT NULL,
    -- queued -> running -> graded (a verdict) | failed (our side, retries used up)
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'graded', 'failed')),
    verdict TEXT,
    score DOUBLE PRECISION,
    -- The runner's result JSON (hidden expectations included: filtered when shown).
    result TEXT,
    graded_at TIMESTAMP
);
CREATE INDEX submissions_team_idx ON submissions (team_id, submitted_at);
CREATE INDEX submissions_sha_idx ON submissions (sha256);

-- On PostgreSQL, where workers run on many machines, submissions' bytes are kept
-- here too (beside the blob folder), so a worker anywhere can read them.
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY NOT NULL,
    bytes BLOB NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- The durable grading queue. A job is claimed with a lease, heartbeated while it
-- runs, and finished by a conditional update on its lease.
CREATE TABLE grading_jobs (
    id TEXT PRIMARY KEY NOT NULL,
    submission_id TEXT NOT NULL REFERENCES submissions (id),
    team_id TEXT NOT NULL REFERENCES teams (id),
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts INTEGER NOT NULL,
    run_after TIMESTAMP NOT NULL,
    lease_owner TEXT,
    lease_expires_at TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    started_at TIMESTAMP,
    finished_at TIMESTAMP
);
CREATE INDEX grading_jobs_status_idx ON grading_jobs (status, run_after);
CREATE INDEX grading_jobs_team_idx ON grading_jobs (team_id, status);
CREATE INDEX grading_jobs_submission_idx ON grading_jobs (submission_id);

-- XP is the sum of a user's events; a corrected mark adds the difference.
CREATE TABLE xp_events (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    team_id TEXT REFERENCES teams (id),
    amount BIGINT NOT NULL,
    reason TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX xp_events_user_idx ON xp_events (user_id);

-- A cursus's name, summary and stage names in other languages (JSON), synced from
-- its file like the subjects of projects.
ALTER TABLE cursus ADD COLUMN translations TEXT NOT NULL DEFAULT '{}';

-- The cumulative XP needed for each level, synced from projects-catalog/levels.toml.
CREATE TABLE xp_levels (
    level INTEGER PRIMARY KEY NOT NULL,
    xp BIGINT NOT NULL
);
