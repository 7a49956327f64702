// The diesel schema shared by both backends. It must match what the migrations in
// migrations/sqlite and migrations/postgres produce; `tests/schema_matches.rs` in this
// crate introspects both databases and compares them with this file.

diesel::table! {
    app_secrets (name) {
        name -> Text,
        value -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Text,
        at -> Timestamp,
        actor_id -> Nullable<Text>,
        actor_label -> Text,
        action -> Text,
        subject_type -> Text,
        subject_id -> Text,
        campus_id -> Nullable<Text>,
        details -> Text,
    }
}

diesel::table! {
    auth_tokens (id) {
        id -> Text,
        user_id -> Text,
        issued_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    blobs (sha256) {
        sha256 -> Text,
        bytes -> Binary,
        created_at -> Timestamp,
    }
}

diesel::table! {
    campuses (id) {
        id -> Text,
        slug -> Text,
        name -> Text,
        time_zone -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    cursus (id) {
        id -> Text,
        slug -> Text,
        name -> Text,
        summary -> Text,
        content_hash -> Text,
        archived_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        translations -> Text,
    }
}

diesel::table! {
    cursus_projects (cursus_id, project_id) {
        cursus_id -> Text,
        project_id -> Text,
        stage -> Integer,
        stage_name -> Text,
        position -> Integer,
    }
}

diesel::table! {
    login_failures (id) {
        id -> Text,
        login -> Text,
        address -> Text,
        failed_at -> Timestamp,
    }
}

diesel::table! {
    project_subjects (version_id, language) {
        version_id -> Text,
        language -> Text,
        markdown -> Text,
    }
}

diesel::table! {
    project_versions (id) {
        id -> Text,
        project_id -> Text,
        version -> Integer,
        content_hash -> Text,
        definition -> Text,
        grading -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    projects (id) {
        id -> Text,
        slug -> Text,
        kind -> Text,
        name -> Text,
        current_version -> Integer,
        archived_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        login -> Text,
        display_name -> Text,
        email -> Nullable<Text>,
        role -> Text,
        campus_id -> Nullable<Text>,
        password_hash -> Text,
        disabled -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    active_registrations (user_id, project_id) {
        user_id -> Text,
        project_id -> Text,
        team_id -> Text,
    }
}

diesel::table! {
    grading_jobs (id) {
        id -> Text,
        submission_id -> Text,
        team_id -> Text,
        status -> Text,
        attempts -> Integer,
        run_after -> Timestamp,
        lease_owner -> Nullable<Text>,
        lease_expires_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        started_at -> Nullable<Timestamp>,
        finished_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    submissions (id) {
        id -> Text,
        team_id -> Text,
        sha256 -> Text,
        format -> Text,
        size_bytes -> BigInt,
        file_count -> Integer,
        submitted_by -> Text,
        submitted_at -> Timestamp,
        status -> Text,
        verdict -> Nullable<Text>,
        score -> Nullable<Double>,
        result -> Nullable<Text>,
        graded_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    team_members (team_id, user_id) {
        team_id -> Text,
        user_id -> Text,
        accepted -> Bool,
        invited_by -> Nullable<Text>,
        joined_at -> Timestamp,
    }
}

diesel::table! {
    teams (id) {
        id -> Text,
        project_id -> Text,
        version_id -> Text,
        campus_id -> Nullable<Text>,
        leader_id -> Text,
        name -> Text,
        attempt -> Integer,
        status -> Text,
        deadline_at -> Nullable<Timestamp>,
        locked_at -> Nullable<Timestamp>,
        closed_at -> Nullable<Timestamp>,
        finished_at -> Nullable<Timestamp>,
        retriable_at -> Nullable<Timestamp>,
        handed_in_submission_id -> Nullable<Text>,
        grader_mark -> Nullable<Integer>,
        final_mark -> Nullable<Integer>,
        validated -> Nullable<Bool>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    xp_events (id) {
        id -> Text,
        user_id -> Text,
        team_id -> Nullable<Text>,
        amount -> BigInt,
        reason -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    xp_levels (level) {
        level -> Integer,
        xp -> BigInt,
    }
}

diesel::table! {
    campus_evaluation_settings (campus_id) {
        campus_id -> Text,
        settings -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    slots (id) {
        id -> Text,
        user_id -> Text,
        campus_id -> Nullable<Text>,
        begin_at -> Timestamp,
        end_at -> Timestamp,
        created_at -> Timestamp,
    }
}

diesel::table! {
    waitlist_requests (id) {
        id -> Text,
        team_id -> Text,
        campus_id -> Nullable<Text>,
        requested_by -> Text,
        before_at -> Timestamp,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    evaluations (id) {
        id -> Text,
        team_id -> Text,
        submission_id -> Text,
        evaluator_id -> Text,
        campus_id -> Nullable<Text>,
        begin_at -> Timestamp,
        end_at -> Timestamp,
        status -> Text,
        booked_by -> Text,
        waitlist_request_id -> Nullable<Text>,
        cost -> Integer,
        reward -> Integer,
        presence_code -> Text,
        code_attempts -> Integer,
        remote -> Bool,
        started_at -> Nullable<Timestamp>,
        answers -> Nullable<Text>,
        flag -> Nullable<Text>,
        comment -> Nullable<Text>,
        mark -> Nullable<Integer>,
        completed_at -> Nullable<Timestamp>,
        cancelled_by -> Nullable<Text>,
        absent -> Nullable<Text>,
        ended_at -> Nullable<Timestamp>,
        void_reason -> Nullable<Text>,
        reveal_notified -> Bool,
        reminder_notified -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    evaluation_feedback (evaluation_id) {
        evaluation_id -> Text,
        rating -> Integer,
        tags -> Text,
        comment -> Text,
        given_by -> Text,
        given_at -> Timestamp,
    }
}

diesel::table! {
    point_ledger (id) {
        id -> Text,
        user_id -> Text,
        delta -> Integer,
        balance_after -> Integer,
        reason -> Text,
        evaluation_id -> Nullable<Text>,
        note -> Nullable<Text>,
        at -> Timestamp,
        seq -> BigInt,
    }
}

diesel::table! {
    point_balances (user_id) {
        user_id -> Text,
        balance -> Integer,
        seq -> BigInt,
    }
}

diesel::table! {
    point_pools (campus_id) {
        campus_id -> Text,
        balance -> Integer,
    }
}

diesel::table! {
    notifications (id) {
        id -> Text,
        user_id -> Text,
        kind -> Text,
        evaluation_id -> Nullable<Text>,
        team_id -> Nullable<Text>,
        message -> Text,
        data -> Text,
        created_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        campus_id -> Text,
        notification_id -> Text,
        body -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        delivered_at -> Nullable<Timestamp>,
        failed_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    review_flags (id) {
        id -> Text,
        evaluation_id -> Text,
        campus_id -> Nullable<Text>,
        kind -> Text,
        details -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(audit_log -> campuses (campus_id));
diesel::joinable!(auth_tokens -> users (user_id));
diesel::joinable!(cursus_projects -> cursus (cursus_id));
diesel::joinable!(cursus_projects -> projects (project_id));
diesel::joinable!(project_subjects -> project_versions (version_id));
diesel::joinable!(project_versions -> projects (project_id));
diesel::joinable!(users -> campuses (campus_id));
diesel::joinable!(teams -> projects (project_id));
diesel::joinable!(teams -> project_versions (version_id));
diesel::joinable!(team_members -> teams (team_id));
diesel::joinable!(team_members -> users (user_id));
diesel::joinable!(submissions -> teams (team_id));
diesel::joinable!(grading_jobs -> submissions (submission_id));
diesel::joinable!(active_registrations -> teams (team_id));
diesel::joinable!(xp_events -> users (user_id));
diesel::joinable!(slots -> users (user_id));
diesel::joinable!(evaluations -> teams (team_id));
diesel::joinable!(evaluations -> users (evaluator_id));
diesel::joinable!(point_ledger -> users (user_id));
diesel::joinable!(point_balances -> users (user_id));
diesel::joinable!(review_flags -> evaluations (evaluation_id));
diesel::joinable!(evaluation_feedback -> evaluations (evaluation_id));
diesel::joinable!(waitlist_requests -> teams (team_id));

diesel::table! {
    generations (name) {
        name -> Text,
        generation -> BigInt,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    active_registrations,
    app_secrets,
    audit_log,
    auth_tokens,
    blobs,
    campus_evaluation_settings,
    campuses,
    cursus,
    cursus_projects,
    evaluation_feedback,
    evaluations,
    grading_jobs,
    login_failures,
    notifications,
    point_balances,
    point_ledger,
    point_pools,
    project_subjects,
    project_versions,
    projects,
    review_flags,
    slots,
    submissions,
    team_members,
    teams,
    users,
    waitlist_requests,
    webhook_deliveries,
    xp_events,
    xp_levels,
);
