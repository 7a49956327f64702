//! Teams (one per attempt), their members, and the registrations that keep a student
//! in at most one unfinished team per project.

use super::paging::{split, total_count};
use crate::models::{ActiveRegistration, Team, TeamMember};
use crate::schema::{active_registrations, projects, team_members, teams, users};
use crate::DbConn;
use crate::DbError as Error;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use qadam_domain::{Page, TeamStatus};

pub fn insert(conn: &mut DbConn, team: &Team) -> Result<(), Error> {
    Ok(diesel::insert_into(teams::table)
        .values(team.clone())
        .execute(conn)
        .map(drop)?)
}

pub fn by_id(conn: &mut DbConn, id: &str) -> Result<Option<Team>, Error> {
    Ok(teams::table
        .find(id)
        .select(Team::as_select())
        .first(conn)
        .optional()?)
}

/// Writes every field that changes over a team's life.
pub fn update(conn: &mut DbConn, team: &Team) -> Result<(), Error> {
    Ok(diesel::update(teams::table.find(&team.id))
        .set((
            teams::leader_id.eq(&team.leader_id),
            teams::name.eq(&team.name),
            teams::status.eq(team.status.as_str()),
            teams::deadline_at.eq(team.deadline_at),
            teams::locked_at.eq(team.locked_at),
            teams::closed_at.eq(team.closed_at),
            teams::finished_at.eq(team.finished_at),
            teams::retriable_at.eq(team.retriable_at),
            teams::handed_in_submission_id.eq(&team.handed_in_submission_id),
            teams::grader_mark.eq(team.grader_mark),
            teams::final_mark.eq(team.final_mark),
            teams::validated.eq(team.validated),
            teams::updated_at.eq(team.updated_at),
        ))
        .execute(conn)
        .map(drop)?)
}

/// A member (or invitee) of a team with their login and display name.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberRow {
    pub member: TeamMember,
    pub login: String,
    pub display_name: String,
}

pub fn members_of(conn: &mut DbConn, team_id: &str) -> Result<Vec<MemberRow>, Error> {
    let rows: Vec<(TeamMember, String, String)> = team_members::table
        .inner_join(users::table)
        .filter(team_members::team_id.eq(team_id))
        .order(team_members::joined_at.asc())
        .select((TeamMember::as_select(), users::login, users::display_name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(member, login, display_name)| MemberRow {
            member,
            login,
            display_name,
        })
        .collect())
}

pub fn member(
    conn: &mut DbConn,
    team_id: &str,
    user_id: &str,
) -> Result<Option<TeamMember>, Error> {
    Ok(team_members::table
        .find((team_id, user_id))
        .select(TeamMember::as_select())
        .first(conn)
        .optional()?)
}

pub fn insert_member(conn: &mut DbConn, member: &TeamMember) -> Result<(), Error> {
    Ok(diesel::insert_into(team_members::table)
        .values(member)
        .execute(conn)
        .map(drop)?)
}

pub fn accept_member(
    conn: &mut DbConn,
    team_id: &str,
    user_id: &str,
    at: NaiveDateTime,
) -> Result<(), Error> {
    Ok(diesel::update(team_members::table.find((team_id, user_id)))
        .set((
            team_members::accepted.eq(true),
            team_members::joined_at.eq(at),
        ))
        .execute(conn)
        .map(drop)?)
}

pub fn delete_member(conn: &mut DbConn, team_id: &str, user_id: &str) -> Result<(), Error> {
    diesel::delete(team_members::table.find((team_id, user_id))).execute(conn)?;
    Ok(())
}

/// Pending invitations of a team are dropped when it locks.
pub fn delete_invitations(conn: &mut DbConn, team_id: &str) -> Result<usize, Error> {
    Ok(diesel::delete(
        team_members::table
            .filter(team_members::team_id.eq(team_id))
            .filter(team_members::accepted.eq(false)),
    )
    .execute(conn)?)
}

/// Records that a student is in an unfinished team of a project. A second one for the
/// same project fails with a unique violation: the database enforces the rule.
pub fn register(conn: &mut DbConn, registration: &ActiveRegistration) -> Result<(), Error> {
    Ok(diesel::insert_into(active_registrations::table)
        .values(registration)
        .execute(conn)
        .map(drop)?)
}

pub fn unregister(conn: &mut DbConn, user_id: &str, project_id: &str) -> Result<(), Error> {
    diesel::delete(active_registrations::table.find((user_id, project_id))).execute(conn)?;
    Ok(())
}

/// Every member of a finished or abandoned team is free to register again.
pub fn unregister_team(conn: &mut DbConn, team_id: &str) -> Result<(), Error> {
    diesel::delete(active_registrations::table.filter(active_registrations::team_id.eq(team_id)))
        .execute(conn)?;
    Ok(())
}

pub fn active_team_of(
    conn: &mut DbConn,
    user_id: &str,
    project_id: &str,
) -> Result<Option<String>, Error> {
    Ok(active_registrations::table
        .find((user_id, project_id))
        .select(active_registrations::team_id)
        .first(conn)
        .optional()?)
}

/// The teams a user belongs to (or is invited to) for one project, newest first.
pub fn of_user_for_project(
    conn: &mut DbConn,
    user_id: &str,
    project_id: &str,
) -> Result<Vec<(Team, bool)>, Error> {
    Ok(teams::table
        .inner_join(team_members::table)
        .filter(team_members::user_id.eq(user_id))
        .filter(teams::project_id.eq(project_id))
        .order(teams::created_at.desc())
        .select((Team::as_select(), team_members::accepted))
        .load(conn)?)
}

/// A user's teams (accepted or invited) with each project's slug, newest first.
pub fn of_user(conn: &mut DbConn, user_id: &str) -> Result<Vec<(Team, bool, String)>, Error> {
    Ok(teams::table
        .inner_join(team_members::table)
        .inner_join(projects::table)
        .filter(team_members::user_id.eq(user_id))
        .order(teams::created_at.desc())
        .select((Team::as_select(), team_members::accepted, projects::slug))
        .load(conn)?)
}

pub struct Filter<'a> {
    pub campus_id: Option<&'a str>,
    pub project_id: Option<&'a str>,
    pub status: Option<TeamStatus>,
    /// Only the teams this user is an accepted member of.
    pub member_id: Option<&'a str>,
}

/// A page of teams with their project's slug, newest first, and the total.
pub fn list(
    conn: &mut DbConn,
    filter: &Filter<'_>,
    page: Page,
) -> Result<(Vec<(Team, String)>, i64), Error> {
    let filtered = || {
        let mut query = teams::table.inner_join(projects::table).into_boxed();
        if let Some(campus_id) = filter.campus_id {
            query = query.filter(teams::campus_id.eq(campus_id.to_string()));
        }
        if let Some(project_id) = filter.project_id {
            query = query.filter(teams::project_id.eq(project_id.to_string()));
        }
        if let Some(status) = filter.status {
            query = query.filter(teams::status.eq(status.as_str()));
        }
        if let Some(member_id) = filter.member_id {
            query = query.filter(
                teams::id.eq_any(
                    team_members::table
                        .filter(team_members::user_id.eq(member_id.to_string()))
                        .filter(team_members::accepted.eq(true))
                        .select(team_members::team_id),
                ),
            );
        }
        query
    };
    let rows: Vec<(Team, String, i64)> = filtered()
        .order((teams::created_at.desc(), teams::id.asc()))
        .limit(page.limit())
        .offset(page.offset())
        .select((Team::as_select(), projects::slug, total_count()))
        .load(conn)?;
    let rows = rows
        .into_iter()
        .map(|(team, slug, total)| ((team, slug), total))
        .collect();
    split(rows, || Ok(filtered().count().get_result(conn)?))
}

/// Unfinished teams whose deadline has passed (forming or in progress).
pub fn past_deadline(
    conn: &mut DbConn,
    now: NaiveDateTime,
    limit: i64,
) -> Result<Vec<Team>, Error> {
    Ok(teams::table
        .filter(teams::status.eq_any([
            TeamStatus::Forming.as_str(),
            TeamStatus::InProgress.as_str(),
        ]))
        .filter(teams::deadline_at.le(now))
        .order(teams::deadline_at.asc())
        .limit(limit)
        .select(Team::as_select())
        .load(conn)?)
}
