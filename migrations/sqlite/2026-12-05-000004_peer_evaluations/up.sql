-- Peer evaluations: evaluators' slots, booked evaluations with their sheets and
-- feedback, the waitlist, the evaluation-point ledger with its balances and campus
-- pools, notifications and their webhook deliveries, and review flags for staff.
-- Keep in step with ../../postgres/.

-- A campus's evaluation rules and economy (JSON); no row means the defaults.
CREATE TABLE campus_evaluation_settings (
    campus_id TEXT PRIMARY KEY NOT NULL REFERENCES campuses (id),
    settings TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- An evaluator's availability; one user's overlapping or touching slots are merged
-- into one row. What is booked is read from evaluations, not cut out of the slot.
CREATE TABLE slots (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    campus_id TEXT REFERENCES campuses (id),
    begin_at TIMESTAMP NOT NULL,
    end_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    CHECK (end_at > begin_at)
);
CREATE INDEX slots_user_idx ON slots (user_id, begin_at);
CREATE INDEX slots_campus_idx ON slots (campus_id, end_at);

-- "Book us the first evaluator free before `before`": filled oldest first.
CREATE TABLE waitlist_requests (
    id TEXT PRIMARY KEY NOT NULL,
    team_id TEXT NOT NULL REFERENCES teams (id),
    campus_id TEXT REFERENCES campuses (id),
    requested_by TEXT NOT NULL REFERENCES users (id),
    before_at TIMESTAMP NOT NULL,
    -- waiting -> matched (every evaluation the team needs is booked) | cancelled | expired
    status TEXT NOT NULL CHECK (status IN ('waiting', 'matched', 'cancelled', 'expired')),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX waitlist_requests_status_idx ON waitlist_requests (status, campus_id, created_at);
CREATE INDEX waitlist_requests_team_idx ON waitlist_requests (team_id, status);

CREATE TABLE evaluations (
    id TEXT PRIMARY KEY NOT NULL,
    team_id TEXT NOT NULL REFERENCES teams (id),
    -- The submission that was handed in: the one the evaluator downloads and grades.
    submission_id TEXT NOT NULL REFERENCES submissions (id),
    evaluator_id TEXT NOT NULL REFERENCES users (id),
    campus_id TEXT REFERENCES campuses (id),
    begin_at TIMESTAMP NOT NULL,
    end_at TIMESTAMP NOT NULL,
    -- booked -> in_progress -> completed (-> voided by staff) | cancelled | no_show
    status TEXT NOT NULL CHECK (status IN
        ('booked', 'in_progress', 'completed', 'cancelled', 'no_show', 'voided')),
    booked_by TEXT NOT NULL REFERENCES users (id),
    waitlist_request_id TEXT REFERENCES waitlist_requests (id),
    -- What each team member paid to book it (refunded exactly once, if at all).
    cost INTEGER NOT NULL,
    reward INTEGER NOT NULL,
    -- Shown to the team from the reveal time; typed in by the evaluator at the start.
    presence_code TEXT NOT NULL,
    code_attempts INTEGER NOT NULL,
    remote BOOLEAN NOT NULL,
    started_at TIMESTAMP,
    -- The sheet: answers by question ("1.2": true or 0..5), the flag and the comment.
    answers TEXT,
    flag TEXT,
    comment TEXT,
    mark INTEGER,
    completed_at TIMESTAMP,
    -- cancelled: by whom; no_show: who was absent ('team', 'evaluator', 'unknown').
    cancelled_by TEXT REFERENCES users (id),
    absent TEXT,
    ended_at TIMESTAMP,
    void_reason TEXT,
    -- Time-driven notifications already sent (exactly once each).
    reveal_notified BOOLEAN NOT NULL,
    reminder_notified BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX evaluations_team_idx ON evaluations (team_id, status);
CREATE INDEX evaluations_evaluator_idx ON evaluations (evaluator_id, begin_at);
CREATE INDEX evaluations_status_idx ON evaluations (status, begin_at);

-- The team's rating of its evaluator, once per evaluation: 1..5, the four tags
-- (nice, rigorous, interested, punctual) as JSON, and a comment.
CREATE TABLE evaluation_feedback (
    evaluation_id TEXT PRIMARY KEY NOT NULL REFERENCES evaluations (id),
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    tags TEXT NOT NULL,
    comment TEXT NOT NULL,
    given_by TEXT NOT NULL REFERENCES users (id),
    given_at TIMESTAMP NOT NULL
);

-- Append-only: every move of a user's evaluation points, with the balance after it.
CREATE TABLE point_ledger (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    delta INTEGER NOT NULL,
    balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
    reason TEXT NOT NULL,
    evaluation_id TEXT REFERENCES evaluations (id),
    note TEXT,
    at TIMESTAMP NOT NULL,
    -- Orders one user's rows even when two share a timestamp.
    seq BIGINT NOT NULL,
    UNIQUE (user_id, seq)
);
CREATE INDEX point_ledger_evaluation_idx ON point_ledger (evaluation_id);

-- Each user's balance: the sum of their ledger, moved in the same transaction as it.
CREATE TABLE point_balances (
    user_id TEXT PRIMARY KEY NOT NULL REFERENCES users (id),
    balance INTEGER NOT NULL CHECK (balance >= 0),
    seq BIGINT NOT NULL
);

-- Points taken out of circulation per campus (above a balance's cap, late cancels).
CREATE TABLE point_pools (
    campus_id TEXT PRIMARY KEY NOT NULL REFERENCES campuses (id),
    balance INTEGER NOT NULL
);

CREATE TABLE notifications (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    evaluation_id TEXT REFERENCES evaluations (id),
    team_id TEXT REFERENCES teams (id),
    message TEXT NOT NULL,
    -- The event's facts as JSON (never an identity before its reveal time).
    data TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at);

-- Notifications posted to a campus's webhook, HMAC-signed, retried with backoff.
CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY NOT NULL,
    campus_id TEXT NOT NULL REFERENCES campuses (id),
    notification_id TEXT NOT NULL REFERENCES notifications (id),
    body TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    delivered_at TIMESTAMP,
    failed_at TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (delivered_at, failed_at, next_attempt_at);

-- What staff should look at: a peer mark far from the grader's, a sheet filled too
-- fast, a pair that meets too often, an evaluator who always gives 100, an alert flag.
CREATE TABLE review_flags (
    id TEXT PRIMARY KEY NOT NULL,
    evaluation_id TEXT NOT NULL REFERENCES evaluations (id),
    campus_id TEXT REFERENCES campuses (id),
    kind TEXT NOT NULL,
    details TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX review_flags_campus_idx ON review_flags (campus_id, created_at);
CREATE INDEX review_flags_evaluation_idx ON review_flags (evaluation_id);
