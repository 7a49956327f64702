//! The student's command line for peer evaluations: slots, booking (at a time or the
//! first evaluator free), the evaluations one gives and receives, evaluating (the
//! presence code, then the sheet question by question), rating the evaluator, points
//! and notifications. It speaks only the public API.

use crate::client::{pick_team, prompt, Api, WhichTeam};
use anyhow::{bail, Context};
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use clap::{Args, Subcommand};
use serde_json::{json, Value};

#[derive(Subcommand)]
pub enum SlotCommand {
    /// Open availability: `--from 2026-12-07T18:00 --to 2026-12-07T20:00` (UTC), or
    /// `--in 90m --for 2h` from now (rounded up to the next quarter hour).
    Add {
        #[arg(long, value_name = "TIME")]
        from: Option<String>,
        #[arg(long, value_name = "TIME")]
        to: Option<String>,
        #[arg(long = "in", value_name = "DURATION")]
        after: Option<String>,
        #[arg(long = "for", value_name = "DURATION")]
        length: Option<String>,
    },
    /// Your slots, with what is booked in them.
    List,
    /// Remove a slot (refused when an evaluation is booked in it).
    Remove { id: String },
}

#[derive(Args)]
pub struct BookArgs {
    /// The project whose team is evaluated.
    pub project: String,
    /// The start (UTC, `2026-12-07T18:15`); see the free times with `--list`.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Wait in line for the first evaluator free (booked as soon as one appears).
    #[arg(long)]
    pub first_free: bool,
    /// With --first-free: the evaluation must end by then [default: 7 days ahead].
    #[arg(long, value_name = "TIME")]
    pub before: Option<String>,
    /// Only list the times that can be booked.
    #[arg(long)]
    pub list: bool,
}

#[derive(Args)]
pub struct RateArgs {
    /// The evaluation.
    pub id: String,
    /// 1 to 5.
    #[arg(long)]
    pub rating: i32,
    #[arg(long)]
    pub comment: String,
    #[arg(long)]
    pub nice: bool,
    #[arg(long)]
    pub rigorous: bool,
    #[arg(long)]
    pub interested: bool,
    #[arg(long)]
    pub punctual: bool,
}

/// `2026-12-07T18:00`, `2026-12-07 18:00`, or with seconds and an offset (RFC 3339).
fn parse_time(text: &str) -> anyhow::Result<DateTime<Utc>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Ok(at.with_timezone(&Utc));
    }
    for format in ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(at) = NaiveDateTime::parse_from_str(text, format) {
            return Ok(at.and_utc());
        }
    }
    bail!("{text:?} is not a time: write 2026-12-07T18:00 (UTC)")
}

/// `90m`, `2h`, `1h30m`.
fn parse_duration(text: &str) -> anyhow::Result<Duration> {
    let mut total = Duration::zero();
    let mut number = String::new();
    for c in text.chars() {
        match c {
            '0'..='9' => number.push(c),
            'h' | 'm' | 'd' => {
                let n: i64 = number
                    .parse()
                    .with_context(|| format!("{text:?}: a number before {c}"))?;
                total += match c {
                    'h' => Duration::hours(n),
                    'm' => Duration::minutes(n),
                    _ => Duration::days(n),
                };
                number.clear();
            }
            _ => bail!("{text:?} is not a duration: write 90m, 2h or 1h30m"),
        }
    }
    if !number.is_empty() || total.is_zero() {
        bail!("{text:?} is not a duration: write 90m, 2h or 1h30m");
    }
    Ok(total)
}

/// The first quarter hour at or after `at`.
fn next_quarter(at: DateTime<Utc>) -> DateTime<Utc> {
    let step = 15 * 60;
    let seconds = at.timestamp();
    let rounded = (seconds + step - 1).div_euclid(step) * step;
    DateTime::from_timestamp(rounded, 0).unwrap_or(at)
}

fn short(at: &Value) -> String {
    at.as_str()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&Utc).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|| at.to_string())
}

pub fn slots(command: SlotCommand) -> anyhow::Result<()> {
    let (api, _) = Api::signed_in()?;
    match command {
        SlotCommand::Add {
            from,
            to,
            after,
            length,
        } => {
            let begin = match (&from, &after) {
                (Some(from), None) => parse_time(from)?,
                (None, Some(after)) => next_quarter(Utc::now() + parse_duration(after)?),
                (None, None) => bail!("say when: --from TIME or --in DURATION"),
                _ => bail!("give --from or --in, not both"),
            };
            let end = match (&to, &length) {
                (Some(to), None) => parse_time(to)?,
                (None, Some(length)) => begin + parse_duration(length)?,
                (None, None) => bail!("say until when: --to TIME or --for DURATION"),
                _ => bail!("give --to or --for, not both"),
            };
            let slot = api.post(
                "/api/v1/slots",
                json!({"begin_at": begin.to_rfc3339(), "end_at": end.to_rfc3339()}),
            )?;
            println!(
                "slot {}: {} to {} UTC",
                slot["id"].as_str().unwrap_or(""),
                short(&slot["begin_at"]),
                short(&slot["end_at"])
            );
            print_booked(&slot);
        }
        SlotCommand::List => {
            let slots = api.get("/api/v1/me/slots")?;
            let slots = slots.as_array().cloned().unwrap_or_default();
            if slots.is_empty() {
                println!("no slot: open one with `qadam slots add --in 1h --for 2h`");
            }
            for slot in &slots {
                println!(
                    "{}  {} to {} UTC",
                    slot["id"].as_str().unwrap_or(""),
                    short(&slot["begin_at"]),
                    short(&slot["end_at"])
                );
                print_booked(slot);
            }
        }
        SlotCommand::Remove { id } => {
            api.call("DELETE", &format!("/api/v1/slots/{id}"), None)?;
            println!("slot {id} removed");
        }
    }
    Ok(())
}

fn print_booked(slot: &Value) {
    for part in slot["booked"].as_array().into_iter().flatten() {
        println!(
            "    booked {} to {} (evaluation {})",
            short(&part["begin_at"]),
            short(&part["end_at"]),
            part["evaluation"].as_str().unwrap_or("")
        );
    }
}

pub fn book(args: BookArgs) -> anyhow::Result<()> {
    let (api, _) = Api::signed_in()?;
    let which = WhichTeam {
        team: None,
        project: Some(args.project.clone()),
    };
    let team = pick_team(&api, &which, None, &["waiting_for_evaluation"])?;
    if args.list || (args.at.is_none() && !args.first_free) {
        let times = api.get(&format!("/api/v1/teams/{team}/bookable"))?;
        let times = times.as_array().cloned().unwrap_or_default();
        if times.is_empty() {
            println!(
                "no evaluator is free yet: `qadam book {} --first-free` waits in line for one",
                args.project
            );
        }
        for time in &times {
            println!(
                "{} UTC  ({} evaluator(s) free)",
                short(&time["begin_at"]),
                time["evaluators"]
            );
        }
        if !times.is_empty() && !args.list {
            println!("\nbook one with `qadam book {} --at TIME`", args.project);
        }
        return Ok(());
    }
    if let Some(at) = &args.at {
        let evaluation = api.post(
            &format!("/api/v1/teams/{team}/evaluations"),
            json!({"begin_at": parse_time(at)?.to_rfc3339()}),
        )?;
        print_evaluation(&evaluation);
        return Ok(());
    }
    let before = match &args.before {
        Some(before) => parse_time(before)?,
        None => Utc::now() + Duration::days(7),
    };
    let request = api.post(
        &format!("/api/v1/teams/{team}/waitlist"),
        json!({"before": before.to_rfc3339()}),
    )?;
    if request["status"] == "matched" {
        println!("an evaluator was free: booked");
    } else {
        println!(
            "in line for the first evaluator free before {} UTC: you will be told (`qadam notifications`)",
            short(&request["before"])
        );
    }
    for evaluation in api
        .get(&format!("/api/v1/teams/{team}/evaluations"))?
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["status"] == "booked")
    {
        print_evaluation(evaluation);
    }
    Ok(())
}

fn print_evaluation(e: &Value) {
    let who = match e["role"].as_str() {
        Some("evaluator") => match e["team_members"].as_array() {
            Some(members) => format!(
                "you evaluate {}",
                members
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => "you evaluate a team (revealed shortly before)".into(),
        },
        _ => match e["evaluator"].as_str() {
            Some(login) => format!("evaluated by {login}"),
            None => format!("evaluator revealed at {} UTC", short(&e["reveal_at"])),
        },
    };
    println!(
        "{}  {}  {} to {} UTC  {}  {who}",
        e["id"].as_str().unwrap_or(""),
        e["project"].as_str().unwrap_or(""),
        short(&e["begin_at"]),
        short(&e["end_at"]),
        e["status"].as_str().unwrap_or("")
    );
    if let Some(code) = e["presence_code"].as_str() {
        println!("    your presence code: {code} (show it to your evaluator at the start)");
    }
    if let Some(mark) = e["mark"].as_i64() {
        println!(
            "    mark {mark}, flag {}: {}",
            e["flag"].as_str().unwrap_or(""),
            e["comment"].as_str().unwrap_or("")
        );
    }
}

pub fn list() -> anyhow::Result<()> {
    let (api, _) = Api::signed_in()?;
    let evaluations = api.get("/api/v1/me/evaluations")?;
    let evaluations = evaluations.as_array().cloned().unwrap_or_default();
    if evaluations.is_empty() {
        println!(
            "no evaluation: book one with `qadam book SLUG`, or open slots with `qadam slots add`"
        );
    }
    for evaluation in &evaluations {
        print_evaluation(evaluation);
    }
    Ok(())
}

/// The evaluator's session: the code, the submission, then the sheet.
pub fn evaluate(id: &str) -> anyhow::Result<()> {
    let (api, _) = Api::signed_in()?;
    let mut evaluation = api.get(&format!("/api/v1/evaluations/{id}"))?;
    if evaluation["status"] == "booked" {
        loop {
            let code = prompt("the team's presence code: ")?;
            match api.post(
                &format!("/api/v1/evaluations/{id}/start"),
                json!({"code": code}),
            ) {
                Ok(started) => {
                    evaluation = started;
                    break;
                }
                Err(err) if err.to_string().contains("wrong_code") => eprintln!("{err}"),
                Err(err) => return Err(err),
            }
        }
    }
    if evaluation["status"] != "in_progress" {
        bail!(
            "the evaluation is {}: nothing to fill in",
            evaluation["status"].as_str().unwrap_or("?")
        );
    }
    let archive = api
        .request("GET", &format!("/api/v1/evaluations/{id}/submission"))
        .call()
        .map_err(|err| anyhow::anyhow!("cannot download the submission: {err}"))?;
    let name = format!("submission-{id}.tar.gz");
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut archive.into_reader(), &mut bytes)?;
    std::fs::write(&name, &bytes)?;
    println!(
        "the handed-in submission is in ./{name} ({} bytes): read it, run it, ask questions",
        bytes.len()
    );
    let sheet = &evaluation["sheet"];
    if !sheet["guidelines"].as_str().unwrap_or("").is_empty() {
        println!("\n{}", sheet["guidelines"].as_str().unwrap_or(""));
    }
    let mut answers = serde_json::Map::new();
    for (s, section) in sheet["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        println!("\n## {}", section["name"].as_str().unwrap_or(""));
        for (q, question) in section["questions"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            let key = format!("{}.{}", s + 1, q + 1);
            let bonus = question["bonus"].as_bool().unwrap_or(false);
            println!(
                "\n{key}{} {}",
                if bonus { " (bonus)" } else { "" },
                question["text"].as_str().unwrap_or("")
            );
            let value = loop {
                let rating = question["kind"] == "rating";
                let asked = prompt(if rating { "0-5: " } else { "yes/no: " })?;
                let asked = asked.trim().to_lowercase();
                if rating {
                    if let Ok(n @ 0..=5) = asked.parse::<u8>() {
                        break json!(n);
                    }
                } else if asked == "yes" || asked == "y" {
                    break json!(true);
                } else if asked == "no" || asked == "n" {
                    break json!(false);
                }
                if bonus && asked.is_empty() {
                    break Value::Null;
                }
            };
            if !value.is_null() {
                answers.insert(key, value);
            }
        }
    }
    let flags: Vec<&str> = sheet["flags"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let flag = loop {
        let flag = prompt(&format!("\nflag ({}): ", flags.join(", ")))?;
        if flags.contains(&flag.trim()) {
            break flag.trim().to_string();
        }
    };
    let comment = prompt("comment: ")?;
    let done = api.call(
        "PUT",
        &format!("/api/v1/evaluations/{id}"),
        Some(json!({"answers": answers, "flag": flag, "comment": comment})),
    )?;
    print_evaluation(&done);
    Ok(())
}

pub fn rate(args: RateArgs) -> anyhow::Result<()> {
    let (api, _) = Api::signed_in()?;
    let rated = api.post(
        &format!("/api/v1/evaluations/{}/feedback", args.id),
        json!({"rating": args.rating, "comment": args.comment, "nice": args.nice,
            "rigorous": args.rigorous, "interested": args.interested, "punctual": args.punctual}),
    )?;
    println!("rated {}/5", rated["feedback"]["rating"]);
    Ok(())
}

pub fn points() -> anyhow::Result<()> {
    let (api, _) = Api::signed_in()?;
    let points = api.get("/api/v1/me/points")?;
    println!("{} evaluation point(s)", points["balance"]);
    for row in points["history"].as_array().into_iter().flatten() {
        println!(
            "  {}  {:+}  -> {}  {}",
            short(&row["at"]),
            row["delta"].as_i64().unwrap_or(0),
            row["balance_after"],
            row["reason"].as_str().unwrap_or("")
        );
    }
    Ok(())
}

pub fn notifications(all: bool) -> anyhow::Result<()> {
    let (api, _) = Api::signed_in()?;
    let path = if all {
        "/api/v1/me/notifications"
    } else {
        "/api/v1/me/notifications?unread=true"
    };
    let notes = api.get(path)?;
    let notes = notes.as_array().cloned().unwrap_or_default();
    if notes.is_empty() {
        println!("nothing new");
    }
    for note in &notes {
        println!(
            "{}  {}",
            short(&note["created_at"]),
            note["message"].as_str().unwrap_or("")
        );
    }
    if !notes.is_empty() {
        api.post("/api/v1/me/notifications/read", json!({}))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_durations_read_as_people_write_them() {
        assert_eq!(
            parse_time("2026-12-07T18:00").unwrap().to_rfc3339(),
            "2026-12-07T18:00:00+00:00"
        );
        assert_eq!(
            parse_time("2026-12-07T19:00:00+01:00")
                .unwrap()
                .to_rfc3339(),
            "2026-12-07T18:00:00+00:00"
        );
        assert!(parse_time("tomorrow").is_err());
        assert_eq!(parse_duration("1h30m").unwrap(), Duration::minutes(90));
        assert!(parse_duration("90").is_err() && parse_duration("x").is_err());
        let at = parse_time("2026-12-07T18:01").unwrap();
        assert_eq!(next_quarter(at).to_rfc3339(), "2026-12-07T18:15:00+00:00");
    }
}
