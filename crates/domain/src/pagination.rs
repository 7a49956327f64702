//! List endpoints page with `?page=N&per_page=M` (1-based pages) and answer with the
//! items plus the numbers a client needs to draw a pager.

use serde::{Deserialize, Serialize};

pub const DEFAULT_PER_PAGE: u32 = 50;
pub const MAX_PER_PAGE: u32 = 200;

/// What the client asked for, before clamping.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct PageRequest {
    pub page: Option<u32>,
    pub per_page: Option<u32>,
}

/// A valid page: `page >= 1`, `1 <= per_page <= MAX_PER_PAGE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Page {
    pub page: u32,
    pub per_page: u32,
}

impl PageRequest {
    pub fn resolve(self) -> Result<Page, crate::Invalid> {
        let page = self.page.unwrap_or(1);
        let per_page = self.per_page.unwrap_or(DEFAULT_PER_PAGE);
        if page == 0 {
            return Err(crate::Invalid::new("page", "pages are numbered from 1"));
        }
        if per_page == 0 || per_page > MAX_PER_PAGE {
            return Err(crate::Invalid::new(
                "per_page",
                format!("must be between 1 and {MAX_PER_PAGE}"),
            ));
        }
        Ok(Page { page, per_page })
    }
}

impl Page {
    pub fn offset(self) -> i64 {
        (i64::from(self.page) - 1) * i64::from(self.per_page)
    }

    pub fn limit(self) -> i64 {
        i64::from(self.per_page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_offsets() {
        let page = PageRequest::default().resolve().unwrap();
        assert_eq!((page.page, page.per_page, page.offset()), (1, 50, 0));
        let page = PageRequest {
            page: Some(3),
            per_page: Some(20),
        }
        .resolve()
        .unwrap();
        assert_eq!((page.offset(), page.limit()), (40, 20));
    }

    #[test]
    fn rejects_out_of_range() {
        let bad = |page, per_page| PageRequest { page, per_page }.resolve().is_err();
        assert!(bad(Some(0), None));
        assert!(bad(None, Some(0)));
        assert!(bad(None, Some(MAX_PER_PAGE + 1)));
        assert!(!bad(None, Some(MAX_PER_PAGE)));
    }
}
