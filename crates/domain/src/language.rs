//! Which translation of a subject to show: the language asked for (`?lang=`), else the
//! best of the browser's `Accept-Language`, else the project's default, else any.

/// Language tags from an `Accept-Language` header, best first, reduced to their primary
/// subtag (`ru-KZ` -> `ru`). Tags with `q=0` are refused by the client and left out.
pub fn parse_accept_language(header: &str) -> Vec<String> {
    let mut tags: Vec<(f32, usize, String)> = header
        .split(',')
        .enumerate()
        .filter_map(|(index, part)| {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next()?.trim();
            let quality = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next()?.to_ascii_lowercase();
            let valid = primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase());
            (valid && quality > 0.0).then_some((quality, index, primary))
        })
        .collect();
    // Best quality first; equal qualities keep the header's order.
    tags.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut seen = Vec::new();
    for (_, _, tag) in tags {
        if !seen.contains(&tag) {
            seen.push(tag);
        }
    }
    seen
}

/// The first wanted language that is available, else `default` if available, else the
/// first available one. `None` only when nothing is available.
pub fn choose_language<'a>(
    wanted: &[String],
    available: &'a [String],
    default: &str,
) -> Option<&'a str> {
    wanted
        .iter()
        .find_map(|want| available.iter().find(|have| *have == want))
        .or_else(|| available.iter().find(|have| *have == default))
        .or_else(|| available.first())
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn accept_language_is_ordered_by_quality_and_reduced_to_primary_tags() {
        assert_eq!(
            parse_accept_language("kk-KZ, ru;q=0.8, en-US;q=0.9, fr;q=0, *;q=0.1"),
            strings(&["kk", "en", "ru"])
        );
        assert_eq!(parse_accept_language("ru-RU,ru;q=0.9"), strings(&["ru"]));
        assert!(parse_accept_language("").is_empty());
        assert!(parse_accept_language(";;;,q=").is_empty());
    }

    #[test]
    fn the_wanted_language_wins_then_the_default_then_any() {
        let available = strings(&["en", "kk", "ru"]);
        assert_eq!(
            choose_language(&strings(&["fr", "kk"]), &available, "en"),
            Some("kk")
        );
        assert_eq!(
            choose_language(&strings(&["fr"]), &available, "en"),
            Some("en")
        );
        assert_eq!(choose_language(&[], &available, "ru"), Some("ru"));
        assert_eq!(choose_language(&[], &strings(&["kk"]), "en"), Some("kk"));
        assert_eq!(choose_language(&[], &[], "en"), None);
    }
}
