//! The query of staff-facing lists (accounts, audit log), scoped to a campus the same
//! way (see `qadam_core::accounts::list_scope`).

use crate::error::ApiResult;
use qadam_domain::{Page, PageRequest};
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
