//! Conditional GETs for the curriculum, whose content only changes with a new version:
//! a strong `ETag`, `Cache-Control: private, no-cache` (a client may keep the answer but
//! asks again each time; shared caches must not keep it, it needs a token), and `304 Not
//! Modified` when `If-None-Match` names the current tag.

use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};
use sha2::{Digest, Sha256};

pub const CACHE_CONTROL: &str = "private, no-cache";

/// A strong entity tag over `parts` (hex of their SHA-256, 32 characters, quoted).
pub fn etag_of(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    let digest = hasher.finalize();
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

/// Whether an `If-None-Match` value names `etag`: `*`, or a list of tags compared as
/// RFC 9110 asks for this header (weakly: `W/"x"` matches `"x"`).
pub fn if_none_match_names(header_value: &str, etag: &str) -> bool {
    let etag = etag.strip_prefix("W/").unwrap_or(etag);
    header_value.split(',').map(str::trim).any(|candidate| {
        candidate == "*" || candidate.strip_prefix("W/").unwrap_or(candidate) == etag
    })
}

/// Whether the request already holds the representation tagged `etag`.
pub fn not_modified(request: &HttpRequest, etag: &str) -> bool {
    request
        .headers()
        .get_all(header::IF_NONE_MATCH)
        .filter_map(|value| value.to_str().ok())
        .any(|value| if_none_match_names(value, etag))
}

/// A curriculum answer: its JSON and a strong tag of it. Kept per process while the
/// catalog does not change (see `AppState::curriculum_answers`).
pub struct Answer {
    pub etag: String,
    pub body: Bytes,
}

impl Answer {
    pub fn of_json(bytes: Vec<u8>) -> Answer {
        Answer {
            etag: etag_of(&[&bytes]),
            body: Bytes::from(bytes),
        }
    }
}

/// `304` with the validators when the request already holds the answer's tag, else
/// `200` with its JSON. Answers vary by `Accept-Language`.
pub fn respond(request: &HttpRequest, answer: &Answer) -> HttpResponse {
    let unchanged = not_modified(request, &answer.etag);
    let mut response = if unchanged {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((header::ETAG, answer.etag.as_str()))
        .insert_header((
            header::CACHE_CONTROL,
            HeaderValue::from_static(CACHE_CONTROL),
        ))
        .insert_header((header::VARY, HeaderValue::from_static("Accept-Language")));
    if unchanged {
        return response.finish();
    }
    response
        .content_type("application/json")
        .body(answer.body.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_quoted_stable_and_tell_their_parts_apart() {
        let tag = etag_of(&[b"hash", b"en"]);
        assert_eq!(tag.len(), 34);
        assert!(tag.starts_with('"') && tag.ends_with('"'));
        assert_eq!(tag, etag_of(&[b"hash", b"en"]));
        assert_ne!(tag, etag_of(&[b"hash", b"fr"]));
        assert_ne!(etag_of(&[b"ab", b"c"]), etag_of(&[b"a", b"bc"]));
    }

    #[test]
    fn if_none_match_lists_stars_and_weak_tags() {
        let tag = "\"abc\"";
        assert!(if_none_match_names("\"abc\"", tag));
        assert!(if_none_match_names("\"x\", \"abc\"", tag));
        assert!(if_none_match_names("W/\"abc\"", tag));
        assert!(if_none_match_names("*", tag));
        assert!(!if_none_match_names("\"abd\"", tag));
        assert!(!if_none_match_names("abc", tag));
        assert!(!if_none_match_names("", tag));
    }
}
