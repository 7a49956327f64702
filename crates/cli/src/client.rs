//! The student's command line: log in to a Qadam server, register, form a team,
//! submit a folder and read the verdict, see progress. It speaks only the public API.
//! The token is kept in the user's config folder (`$XDG_CONFIG_HOME/qadam` or
//! `~/.config/qadam`), readable by the user alone.

use anyhow::{bail, Context};
use clap::{Args, Subcommand};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

const DEFAULT_SERVER: &str = "http://127.0.0.1:8080";

#[derive(Subcommand)]
pub enum ClientCommand {
    /// Log in to a Qadam server; the token is kept for the other commands.
    Login {
        #[command(flatten)]
        server: ServerArg,
        /// Your login (asked for when left out).
        #[arg(long)]
        login: Option<String>,
        /// Read the password from standard input instead of asking for it.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Log out (the token is revoked and forgotten).
    Logout,
    /// The curriculum's projects, with your status in each.
    Projects {
        /// Only the projects of this cursus.
        #[arg(long)]
        cursus: Option<String>,
    },
    /// Register for a project: a new attempt (and a team of one for a solo project).
    Register { project: String },
    /// Your team for a project: invite, accept, decline, lock, leave, show.
    Team {
        #[command(subcommand)]
        command: TeamCommand,
    },
    /// Pack a folder (honouring .gitignore), upload it to your team, wait for the
    /// verdict and print it. Exits 0 when it passed, 1 when not.
    Submit {
        /// The folder to submit [default: the current folder].
        dir: Option<PathBuf>,
        #[command(flatten)]
        which: WhichTeam,
        /// Upload and return without waiting for the verdict.
        #[arg(long)]
        no_wait: bool,
    },
    /// Hand in your team's latest graded submission (marks it, or waits for peers).
    Close {
        #[command(flatten)]
        which: WhichTeam,
    },
    /// Your level, XP and projects; with a project, its team and submissions.
    Status { project: Option<String> },
    /// Your evaluation slots: add, list, remove.
    Slots {
        #[command(subcommand)]
        command: crate::client_evaluations::SlotCommand,
    },
    /// Book a peer evaluation of your team: at a time, or the first evaluator free.
    Book(crate::client_evaluations::BookArgs),
    /// The evaluations you give and receive.
    Evaluations,
    /// Evaluate: type the team's code, then fill the sheet question by question.
    Evaluate { id: String },
    /// Rate the evaluator of one of your evaluations.
    Rate(crate::client_evaluations::RateArgs),
    /// Your evaluation points and their history.
    Points,
    /// Your notifications (and mark them read).
    Notifications {
        /// Show read ones too.
        #[arg(long)]
        all: bool,
    },
}

#[derive(Subcommand)]
pub enum TeamCommand {
    /// Invite a student to your forming team (leader only).
    Invite {
        login: String,
        #[command(flatten)]
        which: WhichTeam,
    },
    /// Accept an invitation.
    Accept {
        #[command(flatten)]
        which: WhichTeam,
    },
    /// Decline an invitation.
    Decline {
        #[command(flatten)]
        which: WhichTeam,
    },
    /// Lock your team: members are fixed and work can be submitted (leader only).
    Lock {
        #[command(flatten)]
        which: WhichTeam,
    },
    /// Leave a team that is still forming.
    Leave {
        #[command(flatten)]
        which: WhichTeam,
    },
    /// Show the team.
    Show {
        #[command(flatten)]
        which: WhichTeam,
    },
}

#[derive(Args, Clone)]
pub struct ServerArg {
    /// The server's URL [default: the one logged in to, else http://127.0.0.1:8080].
    #[arg(long, env = "QADAM_SERVER", value_name = "URL")]
    server: Option<String>,
}

/// Which team a command is about: a team id, or the project's current team, or (with
/// neither) the only team that fits.
#[derive(Args, Clone, Default)]
pub struct WhichTeam {
    #[arg(long, value_name = "ID")]
    pub team: Option<String>,
    #[arg(long, value_name = "SLUG")]
    pub project: Option<String>,
}

/// The server could not be reached or was busy: trying again later may work (exit 3).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Unreachable(pub String);

#[derive(Serialize, Deserialize)]
pub(crate) struct Credentials {
    server: String,
    login: String,
    token: String,
}

fn config_dir() -> anyhow::Result<PathBuf> {
    if let Some(dir) = std::env::var_os("XDG_CONFIG_HOME").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir).join("qadam"));
    }
    let home = std::env::var_os("HOME").context("neither XDG_CONFIG_HOME nor HOME is set")?;
    Ok(PathBuf::from(home).join(".config").join("qadam"))
}

fn credentials_path() -> anyhow::Result<PathBuf> {
    Ok(config_dir()?.join("credentials.json"))
}

fn load_credentials() -> anyhow::Result<Credentials> {
    let path = credentials_path()?;
    let text = std::fs::read_to_string(&path)
        .map_err(|_| anyhow::anyhow!("you are not logged in: run `qadam login` first"))?;
    serde_json::from_str(&text)
        .with_context(|| format!("{} is damaged: log in again", path.display()))
}

fn save_credentials(credentials: &Credentials) -> anyhow::Result<PathBuf> {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
    let path = credentials_path()?;
    let dir = path.parent().expect("a file in a folder");
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let temporary = dir.join(".credentials.json.tmp");
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&temporary)?;
    // An older file may have been made with a looser mode.
    file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    file.write_all(serde_json::to_string_pretty(credentials)?.as_bytes())?;
    file.sync_all()?;
    std::fs::rename(&temporary, &path)?;
    Ok(path)
}

/// A signed-in connection to the server.
pub(crate) struct Api {
    base: String,
    token: Option<String>,
    agent: ureq::Agent,
}

impl Api {
    fn new(base: &str, token: Option<String>) -> Api {
        Api {
            base: base.trim_end_matches('/').to_string(),
            token,
            agent: ureq::AgentBuilder::new()
                .timeout_connect(Duration::from_secs(10))
                .timeout_read(Duration::from_secs(120))
                .build(),
        }
    }

    pub(crate) fn signed_in() -> anyhow::Result<(Api, Credentials)> {
        let credentials = load_credentials()?;
        let api = Api::new(&credentials.server, Some(credentials.token.clone()));
        Ok((api, credentials))
    }

    pub(crate) fn request(&self, method: &str, path: &str) -> ureq::Request {
        let mut request = self.agent.request(method, &format!("{}{path}", self.base));
        if let Some(token) = &self.token {
            request = request.set("Authorization", &format!("Bearer {token}"));
        }
        request
    }

    pub(crate) fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> anyhow::Result<Value> {
        let request = self.request(method, path);
        let result = match body {
            Some(body) => request.send_json(body),
            None => request.call(),
        };
        self.answer(result)
    }

    pub(crate) fn get(&self, path: &str) -> anyhow::Result<Value> {
        self.call("GET", path, None)
    }

    pub(crate) fn post(&self, path: &str, body: Value) -> anyhow::Result<Value> {
        self.call("POST", path, Some(body))
    }

    /// The JSON of a success; the server's own message for a refusal.
    pub(crate) fn answer(
        &self,
        result: Result<ureq::Response, ureq::Error>,
    ) -> anyhow::Result<Value> {
        match result {
            Ok(response) => {
                let text = response.into_string()?;
                if text.is_empty() {
                    return Ok(Value::Null);
                }
                Ok(serde_json::from_str(&text)?)
            }
            Err(ureq::Error::Status(status, response)) => {
                let body: Value = response.into_json().unwrap_or(Value::Null);
                let code = body["error"]["code"]
                    .as_str()
                    .unwrap_or("error")
                    .to_string();
                let message = body["error"]["message"].as_str().unwrap_or("").to_string();
                if status == 401 {
                    bail!("{message} ({code}): run `qadam login` again");
                }
                if status == 503 || status == 429 {
                    return Err(
                        Unreachable(format!("the server is busy: {message} ({code})")).into(),
                    );
                }
                bail!("{message} ({code})")
            }
            Err(err) => {
                Err(Unreachable(format!("cannot reach the server at {}: {err}", self.base)).into())
            }
        }
    }
}

pub fn run(command: ClientCommand) -> anyhow::Result<()> {
    match command {
        ClientCommand::Login {
            server,
            login,
            password_stdin,
        } => log_in(server.server, login, password_stdin),
        ClientCommand::Logout => log_out(),
        ClientCommand::Projects { cursus } => list_projects(cursus),
        ClientCommand::Register { project } => {
            let (api, _) = Api::signed_in()?;
            let team = api.post(&format!("/api/v1/projects/{project}/register"), json!({}))?;
            print_team(&team);
            if team["status"] == "forming" {
                println!(
                    "\ninvite your teammates with `qadam team invite LOGIN --project {project}`, then `qadam team lock --project {project}`"
                );
            } else {
                println!("\nsubmit your work with `qadam submit [DIR] --project {project}`");
            }
            Ok(())
        }
        ClientCommand::Team { command } => team(command),
        ClientCommand::Submit {
            dir,
            which,
            no_wait,
        } => submit(dir, which, no_wait),
        ClientCommand::Close { which } => {
            let (api, _) = Api::signed_in()?;
            let id = pick_team(&api, &which, None, &["in_progress"])?;
            let team = api.post(&format!("/api/v1/teams/{id}/close"), json!({}))?;
            print_team(&team);
            Ok(())
        }
        ClientCommand::Status { project } => status(project),
        ClientCommand::Slots { command } => crate::client_evaluations::slots(command),
        ClientCommand::Book(args) => crate::client_evaluations::book(args),
        ClientCommand::Evaluations => crate::client_evaluations::list(),
        ClientCommand::Evaluate { id } => crate::client_evaluations::evaluate(&id),
        ClientCommand::Rate(args) => crate::client_evaluations::rate(args),
        ClientCommand::Points => crate::client_evaluations::points(),
        ClientCommand::Notifications { all } => crate::client_evaluations::notifications(all),
    }
}

pub(crate) fn prompt(question: &str) -> anyhow::Result<String> {
    eprint!("{question}");
    std::io::stderr().flush()?;
    let mut line = String::new();
    // At the end of input a question would be asked forever: stop instead.
    if std::io::stdin().lock().read_line(&mut line)? == 0 {
        anyhow::bail!("standard input ended before the question {question:?} was answered");
    }
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

/// Reads a password from the terminal without echoing it.
fn ask_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return prompt("");
    }
    // SAFETY: termios calls on the terminal of standard input, restored before return.
    unsafe {
        let mut saved: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(0, &mut saved) != 0 {
            return prompt("password: ");
        }
        let mut quiet = saved;
        quiet.c_lflag &= !libc::ECHO;
        libc::tcsetattr(0, libc::TCSANOW, &quiet);
        let answer = prompt("password: ");
        libc::tcsetattr(0, libc::TCSANOW, &saved);
        eprintln!();
        answer
    }
}

fn log_in(
    server: Option<String>,
    login: Option<String>,
    password_stdin: bool,
) -> anyhow::Result<()> {
    let server = server
        .or_else(|| load_credentials().ok().map(|c| c.server))
        .unwrap_or_else(|| DEFAULT_SERVER.to_string());
    let login = match login {
        Some(login) => login,
        None => prompt("login: ")?,
    };
    let password = if password_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    } else {
        ask_password()?
    };
    let api = Api::new(&server, None);
    let answer = api.post(
        "/api/v1/auth/login",
        json!({"login": login, "password": password}),
    )?;
    let token = answer["access_token"]
        .as_str()
        .context("the server's answer has no token")?
        .to_string();
    let path = save_credentials(&Credentials {
        server: api.base.clone(),
        login: login.clone(),
        token,
    })?;
    println!(
        "logged in to {} as {login} (token kept in {})",
        api.base,
        path.display()
    );
    Ok(())
}

fn log_out() -> anyhow::Result<()> {
    let (api, _) = Api::signed_in()?;
    let revoked = api.post("/api/v1/auth/logout", json!({}));
    std::fs::remove_file(credentials_path()?)?;
    match revoked {
        Ok(_) => println!("logged out"),
        Err(err) => println!("logged out here; the server said: {err:#}"),
    }
    Ok(())
}

fn my_progress(api: &Api, login: &str) -> anyhow::Result<Value> {
    api.get(&format!("/api/v1/users/{login}/progress"))
}

fn list_projects(cursus: Option<String>) -> anyhow::Result<()> {
    let (api, credentials) = Api::signed_in()?;
    let progress = my_progress(&api, &credentials.login)?;
    let status_of = |slug: &str| -> String {
        progress["projects"]
            .as_array()
            .and_then(|projects| projects.iter().find(|p| p["project"] == slug))
            .map(|p| match (&p["status"], &p["final_mark"]) {
                (Value::String(status), Value::Number(mark)) => format!("{status} ({mark})"),
                (Value::String(status), _) => status.clone(),
                _ => String::new(),
            })
            .unwrap_or_default()
    };
    let mut page = 1;
    loop {
        let mut path = format!("/api/v1/projects?per_page=100&page={page}");
        if let Some(cursus) = &cursus {
            path.push_str(&format!("&cursus={cursus}"));
        }
        let answer = api.get(&path)?;
        let items = answer["items"].as_array().cloned().unwrap_or_default();
        for project in &items {
            let slug = project["slug"].as_str().unwrap_or("");
            println!(
                "{slug:<28} {:<9} {:>5} XP  {:<32} {}",
                project["kind"].as_str().unwrap_or(""),
                project["xp"],
                project["name"].as_str().unwrap_or(""),
                status_of(slug)
            );
        }
        let total = answer["total"].as_i64().unwrap_or(0);
        if items.is_empty() || (page * 100) as i64 >= total {
            return Ok(());
        }
        page += 1;
    }
}

/// The id of the team a command is about, among the user's teams in `statuses`.
pub(crate) fn pick_team(
    api: &Api,
    which: &WhichTeam,
    folder: Option<&Path>,
    statuses: &[&str],
) -> anyhow::Result<String> {
    if let Some(id) = &which.team {
        return Ok(id.clone());
    }
    let teams = api.get("/api/v1/me/teams")?;
    let candidates: Vec<&Value> = teams
        .as_array()
        .map(|teams| {
            teams
                .iter()
                .filter(|t| statuses.iter().any(|s| t["status"] == *s))
                .collect()
        })
        .unwrap_or_default();
    let by_project = |slug: &str| candidates.iter().find(|t| t["project"] == slug).copied();
    if let Some(slug) = &which.project {
        return by_project(slug)
            .and_then(|t| t["id"].as_str().map(str::to_string))
            .with_context(|| {
                format!(
                    "you have no team of {slug} that is {}",
                    statuses.join(" or ")
                )
            });
    }
    // Run from a project's folder, a command knows which project it means, as
    // `submit` does with the folder it packs.
    let here = std::env::current_dir().ok();
    let folder_name = folder
        .or(here.as_deref())
        .and_then(|dir| dir.canonicalize().ok())
        .and_then(|dir| dir.file_name().map(|n| n.to_string_lossy().to_string()));
    if let Some(team) = folder_name.as_deref().and_then(by_project) {
        return Ok(team["id"].as_str().unwrap_or_default().to_string());
    }
    match candidates.as_slice() {
        [only] => Ok(only["id"].as_str().unwrap_or_default().to_string()),
        [] => bail!(
            "you have no team that is {}: register first (`qadam register SLUG`)",
            statuses.join(" or ")
        ),
        many => {
            let projects: Vec<&str> = many.iter().filter_map(|t| t["project"].as_str()).collect();
            bail!("say which project with --project: {}", projects.join(", "))
        }
    }
}

fn team(command: TeamCommand) -> anyhow::Result<()> {
    let (api, _) = Api::signed_in()?;
    let active = ["forming", "in_progress", "waiting_for_evaluation"];
    let team = match command {
        TeamCommand::Invite { login, which } => {
            let id = pick_team(&api, &which, None, &["forming"])?;
            api.post(
                &format!("/api/v1/teams/{id}/invitations"),
                json!({"login": login}),
            )?
        }
        TeamCommand::Accept { which } => {
            let id = pick_invitation(&api, &which)?;
            api.post(&format!("/api/v1/teams/{id}/accept"), json!({}))?
        }
        TeamCommand::Decline { which } => {
            let id = pick_invitation(&api, &which)?;
            api.post(&format!("/api/v1/teams/{id}/decline"), json!({}))?;
            println!("invitation declined");
            return Ok(());
        }
        TeamCommand::Lock { which } => {
            let id = pick_team(&api, &which, None, &["forming"])?;
            api.post(&format!("/api/v1/teams/{id}/lock"), json!({}))?
        }
        TeamCommand::Leave { which } => {
            let id = pick_team(&api, &which, None, &["forming"])?;
            api.post(&format!("/api/v1/teams/{id}/leave"), json!({}))?;
            println!("you left the team");
            return Ok(());
        }
        TeamCommand::Show { which } => {
            let id = pick_team(&api, &which, None, &active)?;
            api.get(&format!("/api/v1/teams/{id}"))?
        }
    };
    print_team(&team);
    Ok(())
}

/// The team of a pending invitation: the one named, or the only one.
fn pick_invitation(api: &Api, which: &WhichTeam) -> anyhow::Result<String> {
    if let Some(id) = &which.team {
        return Ok(id.clone());
    }
    let teams = api.get("/api/v1/me/teams")?;
    let invitations: Vec<&Value> = teams
        .as_array()
        .map(|all| {
            all.iter()
                .filter(|t| t["invited"] == true)
                .filter(|t| {
                    which
                        .project
                        .as_ref()
                        .is_none_or(|slug| t["project"] == slug.as_str())
                })
                .collect()
        })
        .unwrap_or_default();
    match invitations.as_slice() {
        [only] => Ok(only["id"].as_str().unwrap_or_default().to_string()),
        [] => bail!("you have no pending invitation"),
        _ => bail!("you have several invitations: say which with --project or --team"),
    }
}

fn print_team(team: &Value) {
    println!(
        "{} team {} ({}), attempt {}: {}",
        team["project"].as_str().unwrap_or(""),
        team["name"].as_str().unwrap_or(""),
        team["id"].as_str().unwrap_or(""),
        team["attempt"],
        team["status"].as_str().unwrap_or("").replace('_', " ")
    );
    if let Some(members) = team["members"].as_array() {
        let names: Vec<String> = members
            .iter()
            .map(|m| {
                let mut name = m["login"].as_str().unwrap_or("").to_string();
                if m["leader"] == true {
                    name.push_str(" (leader)");
                }
                if m["accepted"] == false {
                    name.push_str(" (invited)");
                }
                name
            })
            .collect();
        println!(
            "  members: {} (team size {}..{})",
            names.join(", "),
            team["team_size"]["min"],
            team["team_size"]["max"]
        );
    }
    if let Some(deadline) = team["deadline_at"].as_str() {
        println!("  deadline: {deadline}");
    }
    if let Some(mark) = team["final_mark"].as_i64() {
        let verdict = if team["validated"] == true {
            "validated"
        } else {
            "failed"
        };
        println!("  final mark: {mark} ({verdict})");
    } else if team["status"] == "waiting_for_evaluation" {
        println!(
            "  handed in; grader mark {}; waiting for peer evaluations",
            team["grader_mark"]
        );
    }
    if let Some(at) = team["retriable_at"].as_str() {
        println!("  may be retried from {at}");
    }
}

/// The folder as a .tar.gz: every file a `git add` would take (.gitignore, .ignore
/// and the global excludes honoured, hidden files and .git left out).
pub fn pack(dir: &Path) -> anyhow::Result<(Vec<u8>, usize)> {
    let mut builder = tar::Builder::new(flate2::write::GzEncoder::new(
        Vec::new(),
        flate2::Compression::default(),
    ));
    let mut count = 0;
    let walk = ignore::WalkBuilder::new(dir)
        .require_git(false)
        .hidden(true)
        .sort_by_file_path(|a, b| a.cmp(b))
        .build();
    for entry in walk {
        let entry = entry?;
        let path = entry.path();
        let Some(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            continue;
        }
        if !kind.is_file() {
            bail!(
                "{} is a link or special file: a submission holds only files and folders",
                path.display()
            );
        }
        let relative = path.strip_prefix(dir)?;
        let data =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut header = tar::Header::new_gnu();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_entry_type(tar::EntryType::Regular);
        builder.append_data(&mut header, relative, data.as_slice())?;
        count += 1;
    }
    if count == 0 {
        bail!("{} holds no file to submit", dir.display());
    }
    Ok((builder.into_inner()?.finish()?, count))
}

/// Counts the bytes read for the progress bar.
struct Counted<R> {
    inner: R,
    bar: indicatif::ProgressBar,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bar.inc(n as u64);
        Ok(n)
    }
}

fn submit(dir: Option<PathBuf>, which: WhichTeam, no_wait: bool) -> anyhow::Result<()> {
    let dir = dir.unwrap_or_else(|| PathBuf::from("."));
    if !dir.is_dir() {
        bail!("{} is not a folder", dir.display());
    }
    let (api, _) = Api::signed_in()?;
    let team_id = pick_team(&api, &which, Some(&dir), &["in_progress"])?;
    let (archive, files) = pack(&dir)?;
    eprintln!(
        "packed {files} file(s) of {} ({} bytes)",
        dir.display(),
        archive.len()
    );
    let bar = indicatif::ProgressBar::new(archive.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("uploading {bar:30} {bytes}/{total_bytes}")
            .expect("a valid template"),
    );
    let length = archive.len();
    let reader = Counted {
        inner: std::io::Cursor::new(archive),
        bar: bar.clone(),
    };
    let result = api
        .request("POST", &format!("/api/v1/teams/{team_id}/submissions"))
        .set("Content-Type", "application/gzip")
        .set("Content-Length", &length.to_string())
        .send(reader);
    bar.finish_and_clear();
    let accepted = api.answer(result)?;
    let id = accepted["id"]
        .as_str()
        .context("no submission id in the answer")?
        .to_string();
    eprintln!("submitted {id}");
    if no_wait {
        println!("{id}");
        return Ok(());
    }
    let submission = loop {
        let submission = api.get(&format!("/api/v1/submissions/{id}?wait=60"))?;
        if matches!(submission["status"].as_str(), Some("graded" | "failed")) {
            break submission;
        }
        eprintln!(
            "still {}…",
            submission["status"].as_str().unwrap_or("waiting")
        );
    };
    print_submission(&submission);
    if submission["verdict"] == "passed" {
        Ok(())
    } else {
        Err(anyhow::Error::new(NotPassed))
    }
}

/// A verdict other than passed: exit 1 without an error line of its own.
#[derive(Debug, thiserror::Error)]
#[error("not passed")]
pub struct NotPassed;

fn print_submission(submission: &Value) {
    if submission["status"] == "failed" {
        println!(
            "grading failed on our side (not your fault): staff have been told; your submission {} is kept",
            submission["id"].as_str().unwrap_or("")
        );
        return;
    }
    let verdict = submission["verdict"]
        .as_str()
        .unwrap_or("")
        .replace('_', " ");
    println!(
        "{verdict} ({}/100): {}",
        submission["score"].as_f64().unwrap_or(0.0).floor(),
        submission["message"].as_str().unwrap_or("")
    );
    for test in submission["tests"].as_array().into_iter().flatten() {
        let status = test["status"].as_str().unwrap_or("");
        let mark = match status {
            "passed" => "ok  ",
            "not_run" => "-   ",
            _ => "FAIL",
        };
        let hidden = if test["visibility"] == "hidden" {
            " (hidden)"
        } else {
            ""
        };
        println!(
            "  {mark} {}{hidden} [{status}]",
            test["name"].as_str().unwrap_or("")
        );
        let message = test["message"].as_str().unwrap_or("");
        if status != "passed" && test["visibility"] == "visible" && !message.is_empty() {
            for line in message.lines() {
                println!("       {line}");
            }
        }
    }
}

fn status(project: Option<String>) -> anyhow::Result<()> {
    let (api, credentials) = Api::signed_in()?;
    let progress = my_progress(&api, &credentials.login)?;
    let Some(slug) = project else {
        println!(
            "{}: level {:.2}, {} XP",
            credentials.login,
            progress["level"].as_f64().unwrap_or(0.0),
            progress["xp"]
        );
        for p in progress["projects"].as_array().into_iter().flatten() {
            let mark = p["final_mark"]
                .as_i64()
                .map(|m| m.to_string())
                .unwrap_or_else(|| "-".into());
            println!(
                "  {:<28} {:<24} mark {mark:<4} attempts {}",
                p["project"].as_str().unwrap_or(""),
                p["status"].as_str().unwrap_or("").replace('_', " "),
                p["attempts"]
            );
        }
        return Ok(());
    };
    let entry = progress["projects"]
        .as_array()
        .and_then(|all| all.iter().find(|p| p["project"] == slug.as_str()).cloned())
        .with_context(|| format!("you have not registered for {slug}"))?;
    let team_id = entry["team"].as_str().unwrap_or_default();
    print_team(&api.get(&format!("/api/v1/teams/{team_id}"))?);
    let submissions = api.get(&format!("/api/v1/teams/{team_id}/submissions"))?;
    for s in submissions.as_array().into_iter().flatten().take(10) {
        println!(
            "  {} {} {} {}",
            s["submitted_at"].as_str().unwrap_or(""),
            s["id"].as_str().unwrap_or(""),
            s["status"].as_str().unwrap_or(""),
            s["verdict"].as_str().unwrap_or("")
        );
    }
    Ok(())
}
