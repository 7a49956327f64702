//! Who may do what. Staff act within their own campus, admins everywhere, students
//! only on themselves. Every handler asks one of these functions instead of comparing
//! roles by hand, so the rules live in one place.

use crate::ids::{CampusId, UserId};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Student,
    Staff,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Student, Role::Staff, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Student => "student",
            Role::Staff => "staff",
            Role::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == text)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The authenticated user, as the rules need to see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub role: Role,
    pub campus_id: Option<CampusId>,
}

/// The account a rule is about: the campus it belongs to and its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub user_id: UserId,
    pub role: Role,
    pub campus_id: Option<CampusId>,
}

/// Why an action is refused. The message is shown to the caller as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Denied(pub &'static str);

impl Actor {
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    /// Staff of this campus, or an admin.
    pub fn manages_campus(&self, campus_id: Option<&CampusId>) -> bool {
        match self.role {
            Role::Admin => true,
            Role::Staff => campus_id.is_some() && self.campus_id.as_ref() == campus_id,
            Role::Student => false,
        }
    }

    pub fn require_staff(&self) -> Result<(), Denied> {
        match self.role {
            Role::Staff | Role::Admin => Ok(()),
            Role::Student => Err(Denied("this action is for staff")),
        }
    }

    pub fn require_admin(&self) -> Result<(), Denied> {
        if self.is_admin() {
            Ok(())
        } else {
            Err(Denied("this action is for admins"))
        }
    }

    /// Creating an account with `role` in `campus_id`.
    pub fn may_create_user(&self, role: Role, campus_id: Option<&CampusId>) -> Result<(), Denied> {
        self.require_staff()?;
        if role == Role::Admin && !self.is_admin() {
            return Err(Denied("only an admin can create an admin"));
        }
        if role != Role::Admin && campus_id.is_none() {
            return Err(Denied("students and staff belong to a campus"));
        }
        if !self.manages_campus(campus_id) {
            return Err(Denied("staff can only create accounts in their own campus"));
        }
        Ok(())
    }

    /// Reading the private part of a profile (email, status, dates).
    pub fn may_view_private(&self, target: &Target) -> bool {
        self.user_id == target.user_id
            || self.manages_campus(target.campus_id.as_ref())
            || self.is_admin()
    }

    /// Setting someone else's password without knowing it (a reset): staff for the
    /// students of their campus, admins for anyone below admin. One's own password is
    /// changed with the current one (`PUT /me/password`), never reset.
    pub fn may_reset_password(&self, target: &Target) -> Result<(), Denied> {
        if self.user_id == target.user_id {
            return Err(Denied(
                "change your own password with PUT /api/v1/me/password and your current password",
            ));
        }
        match self.role {
            Role::Admin if target.role == Role::Admin => Err(Denied(
                "an admin's password can only be changed by that admin",
            )),
            Role::Admin => Ok(()),
            Role::Staff
                if target.role == Role::Student
                    && self.manages_campus(target.campus_id.as_ref()) =>
            {
                Ok(())
            }
            Role::Staff => Err(Denied(
                "staff can reset the passwords of their own campus's students only",
            )),
            Role::Student => Err(Denied("this action is for staff")),
        }
    }

    /// Changing an account's role, campus or status to `new_role` / `new_campus`.
    pub fn may_change_user(
        &self,
        target: &Target,
        new_role: Role,
        new_campus: Option<&CampusId>,
    ) -> Result<(), Denied> {
        self.require_staff()?;
        if self.user_id == target.user_id && new_role != target.role {
            return Err(Denied("nobody can change their own role"));
        }
        if self.is_admin() {
            if new_role != Role::Admin && new_campus.is_none() {
                return Err(Denied("students and staff belong to a campus"));
            }
            return Ok(());
        }
        if target.role == Role::Admin || new_role == Role::Admin {
            return Err(Denied(
                "only an admin can change an admin account or make one",
            ));
        }
        if !self.manages_campus(target.campus_id.as_ref()) || !self.manages_campus(new_campus) {
            return Err(Denied("staff can only manage accounts of their own campus"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, campus: Option<&str>) -> Actor {
        Actor {
            user_id: UserId::new("me"),
            role,
            campus_id: campus.map(CampusId::new),
        }
    }

    /// Campus ids "a" and "b", and the two users, as the rules see them.
    fn campus(id: &str) -> &'static CampusId {
        static A: std::sync::OnceLock<CampusId> = std::sync::OnceLock::new();
        static B: std::sync::OnceLock<CampusId> = std::sync::OnceLock::new();
        match id {
            "a" => A.get_or_init(|| CampusId::new("a")),
            _ => B.get_or_init(|| CampusId::new("b")),
        }
    }

    fn user(id: &str) -> &'static UserId {
        static ME: std::sync::OnceLock<UserId> = std::sync::OnceLock::new();
        static OTHER: std::sync::OnceLock<UserId> = std::sync::OnceLock::new();
        match id {
            "me" => ME.get_or_init(|| UserId::new("me")),
            _ => OTHER.get_or_init(|| UserId::new("other")),
        }
    }

    fn target(role: Role, campus_id: Option<&str>) -> Target {
        Target {
            user_id: user("other").clone(),
            role,
            campus_id: campus_id.map(|id| campus(id).clone()),
        }
    }

    #[test]
    fn role_round_trips_through_text() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn staff_create_accounts_only_in_their_campus() {
        let staff = actor(Role::Staff, Some("a"));
        assert!(staff
            .may_create_user(Role::Student, Some(campus("a")))
            .is_ok());
        assert!(staff
            .may_create_user(Role::Staff, Some(campus("a")))
            .is_ok());
        assert!(staff
            .may_create_user(Role::Student, Some(campus("b")))
            .is_err());
        assert!(staff.may_create_user(Role::Admin, None).is_err());
        assert!(staff.may_create_user(Role::Student, None).is_err());
    }

    #[test]
    fn students_create_nothing_and_admins_anything_sensible() {
        assert!(actor(Role::Student, Some("a"))
            .may_create_user(Role::Student, Some(campus("a")))
            .is_err());
        let admin = actor(Role::Admin, None);
        assert!(admin
            .may_create_user(Role::Student, Some(campus("b")))
            .is_ok());
        assert!(admin.may_create_user(Role::Admin, None).is_ok());
        assert!(admin.may_create_user(Role::Staff, None).is_err());
    }

    #[test]
    fn staff_without_campus_manage_nothing() {
        let staff = actor(Role::Staff, None);
        assert!(!staff.manages_campus(None));
        assert!(!staff.manages_campus(Some(campus("a"))));
    }

    #[test]
    fn private_profile_visible_to_self_campus_staff_and_admins() {
        let student = actor(Role::Student, Some("a"));
        let me = Target {
            user_id: user("me").clone(),
            role: Role::Student,
            campus_id: Some(campus("a").clone()),
        };
        assert!(student.may_view_private(&me));
        assert!(!student.may_view_private(&target(Role::Student, Some("a"))));
        assert!(actor(Role::Staff, Some("a")).may_view_private(&target(Role::Student, Some("a"))));
        assert!(!actor(Role::Staff, Some("b")).may_view_private(&target(Role::Student, Some("a"))));
        assert!(actor(Role::Admin, None).may_view_private(&target(Role::Student, Some("a"))));
    }

    #[test]
    fn password_resets_go_down_the_ranks_only() {
        let staff = actor(Role::Staff, Some("a"));
        assert!(staff
            .may_reset_password(&target(Role::Student, Some("a")))
            .is_ok());
        assert!(staff
            .may_reset_password(&target(Role::Staff, Some("a")))
            .is_err());
        assert!(staff
            .may_reset_password(&target(Role::Student, Some("b")))
            .is_err());
        assert!(staff
            .may_reset_password(&target(Role::Admin, None))
            .is_err());

        let admin = actor(Role::Admin, None);
        assert!(admin
            .may_reset_password(&target(Role::Staff, Some("b")))
            .is_ok());
        assert!(admin
            .may_reset_password(&target(Role::Student, Some("a")))
            .is_ok());
        assert!(admin
            .may_reset_password(&target(Role::Admin, None))
            .is_err());

        assert!(actor(Role::Student, Some("a"))
            .may_reset_password(&target(Role::Student, Some("a")))
            .is_err());
        for role in Role::ALL {
            let me = Target {
                user_id: user("me").clone(),
                role,
                campus_id: Some(campus("a").clone()),
            };
            let refused = actor(role, Some("a")).may_reset_password(&me).unwrap_err();
            assert!(refused.0.contains("/me/password"), "{role}: {refused}");
        }
    }

    #[test]
    fn role_changes_respect_campus_and_rank() {
        let staff = actor(Role::Staff, Some("a"));
        let student_a = target(Role::Student, Some("a"));
        assert!(staff
            .may_change_user(&student_a, Role::Staff, Some(campus("a")))
            .is_ok());
        assert!(staff
            .may_change_user(&student_a, Role::Admin, None)
            .is_err());
        assert!(staff
            .may_change_user(&student_a, Role::Student, Some(campus("b")))
            .is_err());
        assert!(staff
            .may_change_user(
                &target(Role::Student, Some("b")),
                Role::Student,
                Some(campus("b"))
            )
            .is_err());
        assert!(staff
            .may_change_user(&target(Role::Admin, None), Role::Admin, None)
            .is_err());
        let admin = actor(Role::Admin, None);
        assert!(admin.may_change_user(&student_a, Role::Admin, None).is_ok());
        let me = Target {
            user_id: user("me").clone(),
            role: Role::Admin,
            campus_id: None,
        };
        assert!(admin
            .may_change_user(&me, Role::Student, Some(campus("a")))
            .is_err());
    }
}
