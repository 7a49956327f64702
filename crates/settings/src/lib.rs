//! Qadam's settings: one typed struct, read from an optional TOML file, then from
//! `QADAM_*` environment variables, then from command-line flags (applied by the
//! caller). Unknown keys are errors wherever they come from, so a typo never silently
//! falls back to a default. `qadam.example.toml` documents every key; a test keeps it true.

mod network;

pub use network::IpNetwork;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The prefix of every environment variable that sets a key. Nested keys join their
/// parts with a double underscore: `QADAM_AUTH__TOKEN_TTL_SECONDS` sets `auth.token_ttl_seconds`.
pub const ENV_PREFIX: &str = "QADAM_";
/// Environment variables with this prefix that are not settings (the config file path
/// itself, the test harness's variables, and the student client's server URL).
const ENV_NOT_SETTINGS: [&str; 3] = ["QADAM_CONFIG", "QADAM_TEST_", "QADAM_SERVER"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Address and port the HTTP server listens on.
    pub listen: String,
    /// Where an embedded deployment keeps its files: the SQLite database and blobs.
    pub data_dir: PathBuf,
    /// `postgres://...` for PostgreSQL, `sqlite://PATH` for a given SQLite file, or
    /// empty for `<data_dir>/qadam.sqlite3`.
    pub database_url: String,
    /// Log filter in `tracing` syntax, e.g. `info` or `qadam_server=debug,info`.
    pub log: String,
    /// The curriculum folder that `qadam serve` syncs on its first start (when the
    /// database has no project yet); empty: never.
    pub catalog_dir: PathBuf,
    pub database: DatabaseSettings,
    pub http: HttpSettings,
    pub auth: AuthSettings,
    pub grading: GradingSettings,
    pub submissions: SubmissionSettings,
    pub evaluations: EvaluationProcessSettings,
}

/// How this process runs peer evaluations' timed work. The rules and the economy are
/// each campus's own (`PUT /api/v1/campuses/{slug}/evaluation-settings`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EvaluationProcessSettings {
    /// How often identities are revealed, reminders sent, no-shows recorded, the
    /// waitlist matched and webhooks posted.
    pub housekeeping_ms: u64,
    /// Tests only: lets an admin move this server's clock forward
    /// (`POST /api/v1/testing/clock`). Never on in production.
    pub movable_clock: bool,
}

impl Default for EvaluationProcessSettings {
    fn default() -> Self {
        EvaluationProcessSettings {
            housekeeping_ms: 5000,
            movable_clock: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseSettings {
    /// Connections kept in the pool of one process.
    pub pool_size: u32,
    /// How long to wait for a connection before giving up.
    pub connect_timeout_seconds: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HttpSettings {
    /// actix worker threads; 0 means one per core.
    pub workers: usize,
    /// Largest JSON request body accepted, in bytes.
    pub max_json_bytes: usize,
    /// Networks of the reverse proxies whose `X-Forwarded-For` is believed. Empty: the
    /// client is the socket's peer, whatever the header says.
    pub trusted_proxies: Vec<IpNetwork>,
    /// Serve `GET /bench/hello` (a constant answer, no database), the baseline that
    /// `qadam bench api` measures beside the real paths. Off in production.
    pub bench_routes: bool,
    /// The address students open in a browser, e.g. `https://intra.example.org`. When it
    /// is https, the web pages' cookies are `Secure`. Empty: plain http on this machine.
    pub public_url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuthSettings {
    /// Secret that signs access tokens. Empty: a random secret is generated once and
    /// kept in the database, so every process sharing the database agrees on it.
    pub jwt_secret: String,
    /// Lifetime of an access token.
    pub token_ttl_seconds: i64,
    /// Failed logins allowed per login within the window before waiting is required.
    pub max_failures_per_login: u32,
    /// Failed logins allowed per client address within the window.
    pub max_failures_per_address: u32,
    /// The sliding window for both counts.
    pub failure_window_seconds: i64,
    /// Password hashes and checks (argon2) run at once; 0 means one per core.
    pub max_concurrent_password_checks: usize,
    /// How long a login waits for its turn at a password check before the answer is
    /// 503 `server_busy`.
    pub password_check_wait_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GradingSettings {
    /// Grading workers that `qadam serve` runs itself (0: none, grading is left to
    /// `qadam worker` processes). Each grades one submission at a time on one core.
    pub workers: usize,
    /// The grader images folder (their tags are the hash of their folders).
    pub images_dir: PathBuf,
    /// How long a claimed job stays a worker's without a heartbeat; past it, another
    /// worker takes the job over.
    pub lease_seconds: u64,
    /// How often a running job's lease is renewed.
    pub heartbeat_seconds: u64,
    /// Gradings of one submission that failed on our side before it is shown to
    /// staff as failed (a lost lease counts as one).
    pub max_attempts: u32,
    /// The wait before the first retry; it doubles with each attempt.
    pub retry_backoff_seconds: u64,
    /// Submissions waiting or running past which new ones are refused (503
    /// `queue_full`), rather than left to wait longer than anyone would.
    pub max_queue_depth: u64,
    /// How often an idle worker looks for work that another process queued.
    pub poll_interval_ms: u64,
    /// The longest `?wait=` a request for a verdict may hold.
    pub max_wait_seconds: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SubmissionSettings {
    /// The uploaded archive (.tar.gz or .zip), as sent.
    pub max_archive_bytes: u64,
    /// All files together, unpacked.
    pub max_unpacked_bytes: u64,
    pub max_file_bytes: u64,
    pub max_files: usize,
    /// Unpacked bytes per archive byte beyond the first MiB (compression bombs).
    pub max_compression_ratio: u64,
}

impl Default for GradingSettings {
    fn default() -> Self {
        GradingSettings {
            workers: 2,
            images_dir: PathBuf::from("grader-images"),
            lease_seconds: 30,
            heartbeat_seconds: 5,
            max_attempts: 3,
            retry_backoff_seconds: 5,
            max_queue_depth: 2000,
            poll_interval_ms: 250,
            max_wait_seconds: 60,
        }
    }
}

impl Default for SubmissionSettings {
    fn default() -> Self {
        SubmissionSettings {
            max_archive_bytes: 4 * 1024 * 1024,
            max_unpacked_bytes: 8 * 1024 * 1024,
            max_file_bytes: 2 * 1024 * 1024,
            max_files: 500,
            max_compression_ratio: 100,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            listen: "127.0.0.1:8080".into(),
            data_dir: PathBuf::from("./qadam-data"),
            database_url: String::new(),
            log: "info".into(),
            catalog_dir: PathBuf::from("projects-catalog"),
            database: DatabaseSettings::default(),
            http: HttpSettings::default(),
            auth: AuthSettings::default(),
            grading: GradingSettings::default(),
            submissions: SubmissionSettings::default(),
            evaluations: EvaluationProcessSettings::default(),
        }
    }
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        DatabaseSettings {
            pool_size: 8,
            connect_timeout_seconds: 5,
        }
    }
}

impl Default for HttpSettings {
    fn default() -> Self {
        HttpSettings {
            workers: 0,
            max_json_bytes: 64 * 1024,
            trusted_proxies: Vec::new(),
            bench_routes: false,
            public_url: String::new(),
        }
    }
}

impl Default for AuthSettings {
    fn default() -> Self {
        AuthSettings {
            jwt_secret: String::new(),
            token_ttl_seconds: 24 * 3600,
            max_failures_per_login: 5,
            max_failures_per_address: 30,
            failure_window_seconds: 15 * 60,
            max_concurrent_password_checks: 0,
            password_check_wait_ms: 2000,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path}: {message}")]
    File { path: PathBuf, message: String },
    #[error("environment variable {name}: {message}")]
    Env { name: String, message: String },
    #[error("setting {key}: {message}")]
    Invalid { key: &'static str, message: String },
}

impl Settings {
    /// Reads the optional file, then the given environment (name, value) pairs.
    pub fn load(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Settings, SettingsError> {
        let mut tree = match file {
            Some(path) => read_file(path)?,
            None => toml::Table::new(),
        };
        let known = key_paths(&Settings::default());
        for (name, raw) in env {
            let Some(rest) = name.strip_prefix(ENV_PREFIX) else {
                continue;
            };
            if ENV_NOT_SETTINGS.iter().any(|skip| name.starts_with(skip)) {
                continue;
            }
            let path: Vec<String> = rest.split("__").map(|p| p.to_ascii_lowercase()).collect();
            if !known.contains(&path.join(".")) {
                return Err(SettingsError::Env {
                    name,
                    message: "is not a Qadam setting (every key is listed in qadam.example.toml)"
                        .into(),
                });
            }
            set_path(&mut tree, &path, env_value(&raw));
        }
        let settings: Settings =
            Settings::deserialize(toml::Value::Table(tree)).map_err(|err| SettingsError::Env {
                name: "QADAM_*".into(),
                message: err.message().to_string(),
            })?;
        settings.validate()?;
        Ok(settings)
    }

    /// Checks that hold whatever the source of a value.
    pub fn validate(&self) -> Result<(), SettingsError> {
        let invalid = |key, message: &str| {
            Err(SettingsError::Invalid {
                key,
                message: message.into(),
            })
        };
        if self.listen.parse::<std::net::SocketAddr>().is_err() {
            return invalid(
                "listen",
                "must be an address and port such as 127.0.0.1:8080",
            );
        }
        if self.database.pool_size == 0 {
            return invalid("database.pool_size", "must be at least 1");
        }
        if self.http.max_json_bytes < 1024 {
            return invalid("http.max_json_bytes", "must be at least 1024");
        }
        if self.auth.token_ttl_seconds < 60 {
            return invalid("auth.token_ttl_seconds", "must be at least 60");
        }
        if self.auth.failure_window_seconds < 1 {
            return invalid("auth.failure_window_seconds", "must be at least 1");
        }
        if !self.auth.jwt_secret.is_empty() && self.auth.jwt_secret.len() < 32 {
            return invalid(
                "auth.jwt_secret",
                "must be empty (generated) or at least 32 characters",
            );
        }
        if self.grading.lease_seconds < 2 * self.grading.heartbeat_seconds.max(1) {
            return invalid(
                "grading.lease_seconds",
                "must be at least twice grading.heartbeat_seconds",
            );
        }
        if self.evaluations.housekeeping_ms < 50 {
            return invalid("evaluations.housekeeping_ms", "must be at least 50");
        }
        if self.grading.max_attempts == 0 {
            return invalid("grading.max_attempts", "must be at least 1");
        }
        if self.submissions.max_files == 0 || self.submissions.max_archive_bytes == 0 {
            return invalid(
                "submissions",
                "max_files and max_archive_bytes must be at least 1",
            );
        }
        Ok(())
    }

    /// The database to use: the configured URL, or the SQLite file in the data dir.
    pub fn effective_database_url(&self) -> String {
        if self.database_url.is_empty() {
            format!("sqlite://{}", self.data_dir.join("qadam.sqlite3").display())
        } else {
            self.database_url.clone()
        }
    }
}

fn read_file(path: &Path) -> Result<toml::Table, SettingsError> {
    let text = std::fs::read_to_string(path).map_err(|source| SettingsError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let file_error = |message: String| SettingsError::File {
        path: path.to_path_buf(),
        message,
    };
    // Deserialising the text directly gives the place of the error.
    let one_line = |err: toml::de::Error| {
        let message = err.message().trim().replace('\n', " ");
        match err.span() {
            Some(span) => {
                let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                file_error(format!("line {line}: {message}"))
            }
            None => file_error(message),
        }
    };
    toml::from_str::<Settings>(&text).map_err(one_line)?;
    toml::from_str::<toml::Table>(&text).map_err(one_line)
}

/// An environment value is read as a TOML value when it is one (`8`, `true`) and as a
/// string otherwise (`127.0.0.1:8080`, `postgres://...`).
fn env_value(raw: &str) -> toml::Value {
    match toml::from_str::<toml::Table>(&format!("v = {raw}")) {
        Ok(mut table) => table.remove("v").unwrap_or_else(|| raw.into()),
        Err(_) => toml::Value::String(raw.to_string()),
    }
}

fn set_path(tree: &mut toml::Table, path: &[String], value: toml::Value) {
    let (last, parents) = path.split_last().expect("a key path is never empty");
    let mut node = tree;
    for part in parents {
        let entry = node
            .entry(part.clone())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        if !entry.is_table() {
            *entry = toml::Value::Table(toml::Table::new());
        }
        node = entry.as_table_mut().expect("made a table just above");
    }
    node.insert(last.clone(), value);
}

/// Every key of the settings as a dotted path (`auth.token_ttl_seconds`).
pub fn key_paths(settings: &Settings) -> BTreeSet<String> {
    let value = toml::Value::try_from(settings).expect("settings always serialise");
    let mut paths = BTreeSet::new();
    collect_paths(&value, "", &mut paths);
    paths
}

fn collect_paths(value: &toml::Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value.as_table() {
        Some(table) => {
            for (key, child) in table {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                collect_paths(child, &path, out);
            }
        }
        None => {
            out.insert(prefix.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn example_path() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../qadam.example.toml")
    }

    #[test]
    fn no_configuration_gives_the_embedded_defaults() {
        let settings = Settings::load(None, env(&[])).unwrap();
        assert_eq!(settings, Settings::default());
        assert_eq!(settings.listen, "127.0.0.1:8080");
        assert_eq!(
            settings.effective_database_url(),
            "sqlite://./qadam-data/qadam.sqlite3"
        );
    }

    #[test]
    fn the_example_file_documents_every_key_with_its_default() {
        let text = std::fs::read_to_string(example_path()).unwrap();
        let parsed: Settings = toml::from_str(&text).expect("the example parses strictly");
        assert_eq!(
            parsed,
            Settings::default(),
            "the example shows the defaults"
        );
        let raw: toml::Value = toml::from_str(&text).unwrap();
        let mut in_example = BTreeSet::new();
        collect_paths(&raw, "", &mut in_example);
        assert_eq!(in_example, key_paths(&Settings::default()));
    }

    #[test]
    fn environment_overrides_the_file() {
        let dir = std::env::temp_dir().join(format!("qadam-settings-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("q.toml");
        std::fs::write(
            &file,
            "listen = \"0.0.0.0:9000\"\n[auth]\ntoken_ttl_seconds = 120\n",
        )
        .unwrap();
        let settings = Settings::load(
            Some(&file),
            env(&[
                ("QADAM_AUTH__TOKEN_TTL_SECONDS", "3600"),
                ("QADAM_DATABASE_URL", "postgres://u:p@localhost/q"),
                ("QADAM_CONFIG", "ignored"),
                ("QADAM_TEST_DATABASE", "ignored"),
                ("HOME", "/root"),
            ]),
        )
        .unwrap();
        assert_eq!(settings.listen, "0.0.0.0:9000");
        assert_eq!(settings.auth.token_ttl_seconds, 3600);
        assert_eq!(
            settings.effective_database_url(),
            "postgres://u:p@localhost/q"
        );
    }

    #[test]
    fn unknown_keys_are_errors_with_their_place() {
        let dir = std::env::temp_dir().join(format!("qadam-settings-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("bad.toml");
        std::fs::write(&file, "listen = \"127.0.0.1:1\"\n[auth]\ntoken_ttl = 5\n").unwrap();
        let message = Settings::load(Some(&file), env(&[]))
            .unwrap_err()
            .to_string();
        assert!(message.contains("bad.toml"), "{message}");
        assert!(message.contains("line 3"), "{message}");
        assert!(message.contains("token_ttl"), "{message}");

        let message = Settings::load(None, env(&[("QADAM_LISTN", "x")]))
            .unwrap_err()
            .to_string();
        assert!(message.contains("QADAM_LISTN"), "{message}");
    }

    #[test]
    fn wrong_types_and_values_are_errors() {
        let err = Settings::load(None, env(&[("QADAM_DATABASE__POOL_SIZE", "many")])).unwrap_err();
        assert!(err.to_string().contains("QADAM_"), "{err}");
        let err = Settings::load(None, env(&[("QADAM_LISTEN", "nowhere")])).unwrap_err();
        assert!(err.to_string().contains("listen"), "{err}");
        let err = Settings::load(None, env(&[("QADAM_AUTH__JWT_SECRET", "short")])).unwrap_err();
        assert!(err.to_string().contains("jwt_secret"), "{err}");
    }

    #[test]
    fn trusted_proxies_are_networks_from_file_or_environment() {
        let settings = Settings::load(
            None,
            env(&[("QADAM_HTTP__TRUSTED_PROXIES", "[\"10.0.0.0/8\", \"::1\"]")]),
        )
        .unwrap();
        let written: Vec<String> = settings
            .http
            .trusted_proxies
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(written, ["10.0.0.0/8", "::1/128"]);

        let dir = std::env::temp_dir().join(format!("qadam-settings-net-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("proxies.toml");
        std::fs::write(&file, "[http]\ntrusted_proxies = [\"10.0.0.1/8\"]\n").unwrap();
        let message = Settings::load(Some(&file), env(&[]))
            .unwrap_err()
            .to_string();
        assert!(message.contains("line 2"), "{message}");
        assert!(message.contains("10.0.0.1/8"), "{message}");
    }

    #[test]
    fn a_missing_file_is_a_clear_error() {
        let err = Settings::load(Some(Path::new("/nonexistent/q.toml")), env(&[])).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/q.toml"), "{err}");
    }
}
