DROP TABLE app_secrets;
DROP TABLE audit_log;
DROP TABLE login_failures;
DROP TABLE auth_tokens;
DROP TABLE users;
DROP TABLE campuses;
