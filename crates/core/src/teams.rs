//! Registration and teams. Registering for a project starts an attempt: a team (of one
//! for a solo project, locked at once) on the project's current version. A team forms
//! by invitation, locks when its size fits, and from then on its members are fixed.
//! Only its members (and invitees) and the staff of its campus see a team; to anyone
//! else it does not exist.

use crate::{found, CoreError, CoreResult};
use chrono::{Duration, NaiveDateTime};
use qadam_db::models::{ActiveRegistration, ProjectRow, Team, TeamMember, User};
use qadam_db::queries::teams::{self, MemberRow};
use qadam_db::queries::{projects, users, xp};
use qadam_db::DbConn;
use qadam_domain::curriculum::ProjectDefinition;
use qadam_domain::flow::size_fits;
use qadam_domain::{Actor, CampusId, LevelTable, ProjectKind, Role, TeamStatus};

/// A team as its members and staff see it.
#[derive(Debug, Clone)]
pub struct TeamDetail {
    pub team: Team,
    pub project: ProjectRow,
    pub definition: ProjectDefinition,
    pub members: Vec<MemberRow>,
    pub leader_login: String,
    /// The number of the version the attempt started on.
    pub version: i32,
}

/// How the viewer relates to a team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamAccess {
    Member,
    Invited,
    /// Staff of the team's campus, or an admin.
    Staff,
}

impl TeamAccess {
    pub fn is_member(self) -> bool {
        self == TeamAccess::Member
    }
}

/// The viewer's access to a team; a team the viewer may not see is `NotFound`, so its
/// existence is not given away.
pub fn access(conn: &mut DbConn, actor: &Actor, team: &Team) -> CoreResult<TeamAccess> {
    if let Some(member) = teams::member(conn, &team.id, actor.user_id.as_str())? {
        return Ok(if member.accepted {
            TeamAccess::Member
        } else {
            TeamAccess::Invited
        });
    }
    let campus = team.campus_id.clone().map(CampusId::from);
    if actor.role != Role::Student && actor.manages_campus(campus.as_ref()) {
        return Ok(TeamAccess::Staff);
    }
    Err(CoreError::NotFound { what: "team" })
}

/// A team the viewer may see, with its access.
pub fn visible_team(
    conn: &mut DbConn,
    actor: &Actor,
    team_id: &str,
) -> CoreResult<(Team, TeamAccess)> {
    let team = found(teams::by_id(conn, team_id)?, "team")?;
    let access = access(conn, actor, &team)?;
    Ok((team, access))
}

/// The parsed public definition of a stored version.
pub fn definition_of(conn: &mut DbConn, version_id: &str) -> CoreResult<ProjectDefinition> {
    let rows = projects::definitions(conn, &[version_id.to_string()])?;
    let (_, json) = rows
        .into_iter()
        .next()
        .ok_or_else(|| CoreError::Corrupt(format!("project version {version_id} is missing")))?;
    serde_json::from_str(&json)
        .map_err(|err| CoreError::Corrupt(format!("definition of version {version_id}: {err}")))
}

pub fn detail(conn: &mut DbConn, team: Team) -> CoreResult<TeamDetail> {
    let project = found(projects::by_id(conn, &team.project_id)?, "project")?;
    let definition = definition_of(conn, &team.version_id)?;
    let members = teams::members_of(conn, &team.id)?;
    let leader_login = found(users::by_id(conn, &team.leader_id)?, "user")?.login;
    let version = projects::version_number(conn, &team.version_id)?.unwrap_or(0);
    Ok(TeamDetail {
        team,
        project,
        definition,
        members,
        leader_login,
        version,
    })
}

/// The level table synced from the catalog, or the built-in one.
pub fn level_table(conn: &mut DbConn) -> CoreResult<LevelTable> {
    let thresholds = xp::levels(conn)?;
    if thresholds.is_empty() {
        return Ok(LevelTable::builtin());
    }
    LevelTable::new(thresholds).map_err(CoreError::Corrupt)
}

/// Whether a project was validated by the user in any attempt.
fn has_validated(conn: &mut DbConn, user_id: &str, project_id: &str) -> CoreResult<bool> {
    Ok(teams::of_user_for_project(conn, user_id, project_id)?
        .iter()
        .any(|(team, accepted)| *accepted && team.validated == Some(true)))
}

/// Checks that `user` may start an attempt of `project` now: prerequisites, level,
/// no active attempt, not validated already, retry cooldown over. Returns the number
/// of the attempt it would be.
fn check_may_start(
    conn: &mut DbConn,
    user: &User,
    project: &ProjectRow,
    definition: &ProjectDefinition,
    now: NaiveDateTime,
) -> CoreResult<i32> {
    if user.role != Role::Student {
        return Err(CoreError::denied(
            "students_only",
            "only students register for projects",
        ));
    }
    if project.archived_at.is_some() {
        return Err(CoreError::conflict(
            "project_archived",
            format!("{} was removed from the curriculum", project.slug),
        ));
    }
    if teams::active_team_of(conn, &user.id, &project.id)?.is_some() {
        return Err(CoreError::conflict(
            "already_registered",
            format!("{} is already registered for {}", user.login, project.slug),
        ));
    }
    let mut validated = std::collections::HashSet::new();
    for slug in &definition.requires.projects {
        if let Some((required, _, _)) = projects::current_meta_by_slug(conn, slug)? {
            if has_validated(conn, &user.id, &required.id)? {
                validated.insert(slug.as_str());
            }
        }
    }
    let missing = definition.requires.missing(|slug| validated.contains(slug));
    let level = level_table(conn)?.level_of(xp::total_of(conn, &user.id)?);
    if !definition
        .requires
        .met(|slug| validated.contains(slug), level)
    {
        let mut needs = Vec::new();
        if !missing.is_empty() {
            needs.push(format!("validate {} first", missing.join(", ")));
        }
        if level < definition.requires.level {
            needs.push(format!(
                "reach level {} (now {level})",
                definition.requires.level
            ));
        }
        return Err(CoreError::denied(
            "prerequisites_missing",
            format!("{}: {}", project.slug, needs.join("; ")),
        ));
    }
    let previous = teams::of_user_for_project(conn, &user.id, &project.id)?;
    let finished: Vec<&Team> = previous
        .iter()
        .filter(|(team, accepted)| *accepted && team.status == TeamStatus::Finished)
        .map(|(team, _)| team)
        .collect();
    if finished.iter().any(|team| team.validated == Some(true)) {
        return Err(CoreError::conflict(
            "already_validated",
            format!("{} has already validated {}", user.login, project.slug),
        ));
    }
    if let Some(until) = finished.iter().filter_map(|team| team.retriable_at).max() {
        if until > now {
            return Err(CoreError::conflict(
                "retry_cooldown",
                format!(
                    "{} can be retried from {} UTC",
                    project.slug,
                    until.format("%Y-%m-%d %H:%M")
                ),
            ));
        }
    }
    Ok(finished.len() as i32 + 1)
}

/// Starts an attempt of the project `slug` for `user`: a new team with `user` as its
/// leader, locked at once when the project is solo.
pub fn register(
    conn: &mut DbConn,
    user: &User,
    slug: &str,
    now: NaiveDateTime,
) -> CoreResult<TeamDetail> {
    let (project, version) = found(projects::current_by_slug(conn, slug)?, "project")?;
    let definition: ProjectDefinition = serde_json::from_str(&version.definition)
        .map_err(|err| CoreError::Corrupt(format!("definition of {slug}: {err}")))?;
    if definition.kind == ProjectKind::Exam {
        return Err(CoreError::conflict(
            "exam_sessions_only",
            format!("{slug} is an exam: it is taken in an exam session, not registered for"),
        ));
    }
    let attempt = check_may_start(conn, user, &project, &definition, now)?;
    let solo = definition.team.max <= 1;
    let team = Team {
        id: qadam_db::new_id(),
        project_id: project.id.clone(),
        version_id: version.id.clone(),
        campus_id: user.campus_id.clone(),
        leader_id: user.id.clone(),
        name: if solo {
            user.login.clone()
        } else {
            format!("{}'s team", user.login)
        },
        attempt,
        status: if solo {
            TeamStatus::InProgress
        } else {
            TeamStatus::Forming
        },
        deadline_at: definition
            .rules
            .deadline_days
            .map(|days| now + Duration::days(i64::from(days))),
        locked_at: solo.then_some(now),
        closed_at: None,
        finished_at: None,
        retriable_at: None,
        handed_in_submission_id: None,
        grader_mark: None,
        final_mark: None,
        validated: None,
        created_at: now,
        updated_at: now,
    };
    teams::insert(conn, &team)?;
    teams::insert_member(
        conn,
        &TeamMember {
            team_id: team.id.clone(),
            user_id: user.id.clone(),
            accepted: true,
            invited_by: None,
            joined_at: now,
        },
    )?;
    hold_registration(conn, &user.id, &project.id, &team.id, &user.login, slug)?;
    detail(conn, team)
}

/// The database's guard against two active attempts of one project, also when two
/// requests race past the check above.
fn hold_registration(
    conn: &mut DbConn,
    user_id: &str,
    project_id: &str,
    team_id: &str,
    login: &str,
    slug: &str,
) -> CoreResult<()> {
    let registration = ActiveRegistration {
        user_id: user_id.to_string(),
        project_id: project_id.to_string(),
        team_id: team_id.to_string(),
    };
    match teams::register(conn, &registration) {
        Err(err) if err.is_unique_violation() => Err(CoreError::conflict(
            "already_registered",
            format!("{login} is already registered for {slug}"),
        )),
        other => Ok(other?),
    }
}

/// A team that is still forming, for a change by one of its members.
fn forming_team(conn: &mut DbConn, actor: &Actor, team_id: &str) -> CoreResult<(Team, TeamAccess)> {
    let (team, access) = visible_team(conn, actor, team_id)?;
    if team.status != TeamStatus::Forming {
        return Err(CoreError::conflict(
            "team_locked",
            format!(
                "the team is {}: its members are fixed",
                team.status.as_str().replace('_', " ")
            ),
        ));
    }
    Ok((team, access))
}

fn require_leader(team: &Team, actor: &Actor) -> CoreResult<()> {
    if team.leader_id != actor.user_id.as_str() {
        return Err(CoreError::denied(
            "not_leader",
            "only the team's leader may do this",
        ));
    }
    Ok(())
}

/// The leader invites a student by login.
pub fn invite(
    conn: &mut DbConn,
    actor: &Actor,
    team_id: &str,
    login: &str,
    now: NaiveDateTime,
) -> CoreResult<TeamDetail> {
    let (team, _) = forming_team(conn, actor, team_id)?;
    require_leader(&team, actor)?;
    let invitee = found(users::by_login(conn, login)?, "user")?;
    if invitee.role != Role::Student || invitee.disabled {
        return Err(CoreError::conflict(
            "not_invitable",
            format!("{login} is not an active student"),
        ));
    }
    if teams::member(conn, &team.id, &invitee.id)?.is_some() {
        return Err(CoreError::conflict(
            "already_invited",
            format!("{login} is already in or invited to this team"),
        ));
    }
    if teams::active_team_of(conn, &invitee.id, &team.project_id)?.is_some() {
        return Err(CoreError::conflict(
            "already_registered",
            format!("{login} is already in a team for this project"),
        ));
    }
    let definition = definition_of(conn, &team.version_id)?;
    let taken = teams::members_of(conn, &team.id)?.len() as u32;
    if taken >= definition.team.max {
        return Err(CoreError::conflict(
            "team_full",
            format!(
                "a team of this project has at most {} members (invitations included)",
                definition.team.max
            ),
        ));
    }
    teams::insert_member(
        conn,
        &TeamMember {
            team_id: team.id.clone(),
            user_id: invitee.id,
            accepted: false,
            invited_by: Some(actor.user_id.as_str().to_string()),
            joined_at: now,
        },
    )?;
    touch(conn, team, now)
}

/// An invitee joins the team: they must be free to start this project themselves.
pub fn accept(
    conn: &mut DbConn,
    user: &User,
    team_id: &str,
    now: NaiveDateTime,
) -> CoreResult<TeamDetail> {
    let (team, access) = forming_team(conn, &user.actor(), team_id)?;
    if access != TeamAccess::Invited {
        return Err(CoreError::conflict(
            "not_invited",
            "there is no invitation to this team for you",
        ));
    }
    let project = found(projects::by_id(conn, &team.project_id)?, "project")?;
    let definition = definition_of(conn, &team.version_id)?;
    check_may_start(conn, user, &project, &definition, now)?;
    hold_registration(
        conn,
        &user.id,
        &project.id,
        &team.id,
        &user.login,
        &project.slug,
    )?;
    teams::accept_member(conn, &team.id, &user.id, now)?;
    touch(conn, team, now)
}

/// An invitee turns the invitation down.
pub fn decline(conn: &mut DbConn, actor: &Actor, team_id: &str) -> CoreResult<()> {
    let (team, access) = forming_team(conn, actor, team_id)?;
    if access != TeamAccess::Invited {
        return Err(CoreError::conflict(
            "not_invited",
            "there is no invitation to this team for you",
        ));
    }
    teams::delete_member(conn, &team.id, actor.user_id.as_str())?;
    Ok(())
}

/// A member leaves a team that is still forming. A leaving leader hands over to the
/// longest-standing member; the last one out abandons the team.
pub fn leave(
    conn: &mut DbConn,
    actor: &Actor,
    team_id: &str,
    now: NaiveDateTime,
) -> CoreResult<TeamDetail> {
    let (mut team, access) = forming_team(conn, actor, team_id)?;
    if !access.is_member() {
        return Err(CoreError::conflict(
            "not_member",
            "you are not a member of this team",
        ));
    }
    remove_member(conn, &team, actor.user_id.as_str())?;
    let remaining: Vec<MemberRow> = teams::members_of(conn, &team.id)?
        .into_iter()
        .filter(|m| m.member.accepted)
        .collect();
    match remaining.first() {
        Some(next) if team.leader_id == actor.user_id.as_str() => {
            team.leader_id = next.member.user_id.clone();
        }
        Some(_) => {}
        None => {
            team.status = TeamStatus::Abandoned;
            team.finished_at = Some(now);
            teams::delete_invitations(conn, &team.id)?;
            teams::unregister_team(conn, &team.id)?;
        }
    }
    touch(conn, team, now)
}

/// The leader removes a member or withdraws an invitation.
pub fn kick(
    conn: &mut DbConn,
    actor: &Actor,
    team_id: &str,
    login: &str,
    now: NaiveDateTime,
) -> CoreResult<TeamDetail> {
    let (team, _) = forming_team(conn, actor, team_id)?;
    require_leader(&team, actor)?;
    let target = found(users::by_login(conn, login)?, "user")?;
    if target.id == team.leader_id {
        return Err(CoreError::conflict(
            "cannot_kick_leader",
            "the leader leaves the team instead of kicking themselves",
        ));
    }
    if teams::member(conn, &team.id, &target.id)?.is_none() {
        return Err(CoreError::NotFound {
            what: "team member",
        });
    }
    remove_member(conn, &team, &target.id)?;
    touch(conn, team, now)
}

fn remove_member(conn: &mut DbConn, team: &Team, user_id: &str) -> CoreResult<()> {
    teams::delete_member(conn, &team.id, user_id)?;
    teams::unregister(conn, user_id, &team.project_id)?;
    Ok(())
}

/// The leader locks the team: its accepted members are fixed, pending invitations
/// dropped, and work can be submitted.
pub fn lock(
    conn: &mut DbConn,
    actor: &Actor,
    team_id: &str,
    now: NaiveDateTime,
) -> CoreResult<TeamDetail> {
    let (mut team, _) = forming_team(conn, actor, team_id)?;
    require_leader(&team, actor)?;
    let definition = definition_of(conn, &team.version_id)?;
    let accepted = teams::members_of(conn, &team.id)?
        .iter()
        .filter(|m| m.member.accepted)
        .count() as u32;
    if !size_fits(accepted, definition.team.min, definition.team.max) {
        return Err(CoreError::conflict(
            "team_size",
            format!(
                "a team of {} needs {} to {} members; it has {accepted}",
                definition.slug, definition.team.min, definition.team.max
            ),
        ));
    }
    teams::delete_invitations(conn, &team.id)?;
    team.status = TeamStatus::InProgress;
    team.locked_at = Some(now);
    touch(conn, team, now)
}

fn touch(conn: &mut DbConn, mut team: Team, now: NaiveDateTime) -> CoreResult<TeamDetail> {
    team.updated_at = now;
    teams::update(conn, &team)?;
    detail(conn, team)
}
