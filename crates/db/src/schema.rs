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

diesel::joinable!(audit_log -> campuses (campus_id));
diesel::joinable!(auth_tokens -> users (user_id));
diesel::joinable!(cursus_projects -> cursus (cursus_id));
diesel::joinable!(cursus_projects -> projects (project_id));
diesel::joinable!(project_subjects -> project_versions (version_id));
diesel::joinable!(project_versions -> projects (project_id));
diesel::joinable!(users -> campuses (campus_id));

diesel::allow_tables_to_appear_in_same_query!(
    app_secrets,
    audit_log,
    auth_tokens,
    campuses,
    cursus,
    cursus_projects,
    login_failures,
    project_subjects,
    project_versions,
    projects,
    users,
);
