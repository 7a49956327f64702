-- The curriculum, synced from projects-catalog/ by `qadam catalog sync`.
-- A project's content lives in immutable versions: attempts will point at the version
-- they started on, so a changed project never changes under a student. Projects and
-- cursus removed from the files are archived (archived_at), never deleted.
-- Keep in step with ../../postgres/.

CREATE TABLE projects (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('exercise', 'project', 'rush', 'exam')),
    name TEXT NOT NULL,
    current_version INTEGER NOT NULL,
    archived_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE project_versions (
    id TEXT PRIMARY KEY NOT NULL,
    project_id TEXT NOT NULL REFERENCES projects (id),
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    -- What students may see (metadata, visible tests, grading sheet), as JSON.
    definition TEXT NOT NULL,
    -- What only the grader sees (the full spec with hidden tests, harness files), as JSON.
    grading TEXT,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (project_id, version)
);

CREATE TABLE project_subjects (
    version_id TEXT NOT NULL REFERENCES project_versions (id),
    language TEXT NOT NULL,
    markdown TEXT NOT NULL,
    PRIMARY KEY (version_id, language)
);

CREATE TABLE cursus (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    summary TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    archived_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE cursus_projects (
    cursus_id TEXT NOT NULL REFERENCES cursus (id),
    project_id TEXT NOT NULL REFERENCES projects (id),
    stage INTEGER NOT NULL,
    stage_name TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (cursus_id, project_id)
);
CREATE INDEX cursus_projects_project_idx ON cursus_projects (project_id);
