//! What every handler can reach: the use cases, and the proxies whose forwarded
//! addresses are believed.

use crate::caching::Answer;
use qadam_core::{Core, GenerationCache};
use std::sync::Arc;

pub struct AppState {
    pub core: Core,
    /// Proxies whose `X-Forwarded-For` is believed (see `client_address`).
    pub trusted_proxies: Vec<qadam_settings::IpNetwork>,
    /// `http.public_url`: the web pages' cookies are `Secure` when it is https.
    pub public_url: String,
    /// The catalog folder this server was started with, compared with the database on
    /// the staff's catalog page.
    pub catalog_dir: std::path::PathBuf,
    /// Curriculum answers (JSON and tag), the same for every signed-in user, kept while
    /// the catalog does not change (see `qadam_core::GenerationCache`).
    pub curriculum_answers: Arc<GenerationCache<Arc<Answer>>>,
}
