//! Staff-facing lists (accounts, audit log) are scoped to a campus the same way: admins
//! see everything or the campus they name; staff see their own campus only.

use crate::error::{ApiError, ApiResult};
use qadam_db::queries::campuses;
use qadam_db::DbConn;
use qadam_domain::{Actor, Denied, Page, PageRequest};
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct CampusPageQuery {
    /// Campus slug; admins may name any campus (or none for all), staff only their own.
    pub campus: Option<String>,
    pub page: Option<u32>,
    pub per_page: Option<u32>,
}

impl CampusPageQuery {
    pub fn page(&self) -> ApiResult<Page> {
        Ok(PageRequest {
            page: self.page,
            per_page: self.per_page,
        }
        .resolve()?)
    }
}

/// The id of the campus with this slug; an unknown slug is the caller's mistake (422).
pub fn campus_id_of(conn: &mut DbConn, slug: &str) -> ApiResult<String> {
    match campuses::by_slug(conn, slug) {
        Ok(campus) => Ok(campus.id),
        Err(diesel::result::Error::NotFound) => Err(ApiError::invalid(
            "campus",
            format!("there is no campus {slug}"),
        )),
        Err(err) => Err(err.into()),
    }
}

/// The campus a staff list covers: `None` means every campus (admins only).
pub fn list_scope(
    conn: &mut DbConn,
    actor: &Actor,
    requested: Option<&str>,
) -> ApiResult<Option<String>> {
    actor.require_staff()?;
    let campus_id = match (requested, actor.is_admin()) {
        (Some(slug), _) => Some(campus_id_of(conn, slug)?),
        (None, true) => None,
        (None, false) => actor.campus_id.clone(),
    };
    if !actor.manages_campus(campus_id.as_deref()) {
        return Err(Denied("staff can only see their own campus").into());
    }
    Ok(campus_id)
}
