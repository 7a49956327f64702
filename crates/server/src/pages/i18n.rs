//! The web pages' words, through Mozilla Fluent: one `.ftl` file per language under
//! `crates/server/locales/`, compiled into the binary. Pages never hold literal text;
//! they ask a [`Tr`] for a key. A key missing in one language falls back to English
//! (and a test makes sure none is missing).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// The interface languages, with their own names (for the switcher).
pub const LANGUAGES: [(&str, &str); 4] = [
    ("en", "English"),
    ("ru", "Русский"),
    ("kk", "Қазақша"),
    ("fr", "Français"),
];

pub const DEFAULT: &str = "en";

const SOURCES: [(&str, &str); 4] = [
    ("en", include_str!("../../locales/en.ftl")),
    ("ru", include_str!("../../locales/ru.ftl")),
    ("kk", include_str!("../../locales/kk.ftl")),
    ("fr", include_str!("../../locales/fr.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

struct Catalogue {
    bundles: Vec<(&'static str, Bundle)>,
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| Catalogue {
        bundles: SOURCES
            .iter()
            .map(|(code, source)| (*code, bundle(code, source)))
            .collect(),
    })
}

fn bundle(code: &str, source: &str) -> Bundle {
    let resource =
        FluentResource::try_new(source.to_string()).unwrap_or_else(|(resource, errors)| {
            // A broken line loses its message only; the test of the files reports it.
            tracing::error!(language = code, ?errors, "a locale file does not parse");
            resource
        });
    let language = code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // Unicode isolation marks around placeables would end up inside attributes and
    // copied text; our placeables are names, numbers and dates.
    bundle.set_use_isolating(false);
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!(language = code, ?errors, "a locale file repeats a key");
    }
    bundle
}

/// The known language of a two-letter code.
pub fn known(code: &str) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .map(|(known, _)| *known)
        .find(|known| known.eq_ignore_ascii_case(code))
}

/// Translations in one language.
#[derive(Clone, Copy)]
pub struct Tr {
    pub lang: &'static str,
}

impl Tr {
    pub fn new(lang: &str) -> Tr {
        Tr {
            lang: known(lang).unwrap_or(DEFAULT),
        }
    }

    pub fn t(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// A message with arguments: `tr.t_with("dashboard-xp", &[("xp", 120.into())])`.
    pub fn t_with(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(key, Some(&fluent_args))
    }

    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let catalogue = catalogue();
        for code in [self.lang, DEFAULT] {
            let Some((_, bundle)) = catalogue.bundles.iter().find(|(c, _)| *c == code) else {
                continue;
            };
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(
                        key,
                        language = code,
                        ?errors,
                        "a message did not format cleanly"
                    );
                }
                return text.into_owned();
            }
        }
        tracing::warn!(key, "no message for this key in any language");
        key.to_string()
    }
}

/// The keys of one language's file, in order (for the test that all languages agree).
pub fn keys(code: &str) -> Vec<String> {
    let source = SOURCES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, s)| *s)
        .unwrap_or_default();
    source
        .lines()
        .filter_map(|line| {
            let (key, _) = line.split_once(" =")?;
            let first = key.chars().next()?;
            (first.is_ascii_lowercase()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .then(|| key.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_exists_in_every_language_and_every_file_parses() {
        let english = keys("en");
        assert!(english.len() > 50, "{english:?}");
        for (code, source) in SOURCES {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("{code}.ftl does not parse: {errors:?}");
            }
            let theirs = keys(code);
            let missing: Vec<_> = english.iter().filter(|k| !theirs.contains(k)).collect();
            let extra: Vec<_> = theirs.iter().filter(|k| !english.contains(k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{code}.ftl: missing {missing:?}, unknown {extra:?}"
            );
        }
    }

    #[test]
    fn messages_take_their_arguments_and_plurals() {
        let points = |lang: &str, n: i64| {
            Tr::new(lang).t_with("dashboard-points-balance", &[("points", n.into())])
        };
        assert_eq!(points("en", 1), "1 point");
        assert_eq!(points("en", 5), "5 points");
        assert!(points("ru", 5).starts_with('5'), "{}", points("ru", 5));
        assert_ne!(points("ru", 1), points("ru", 5));
        assert_eq!(Tr::new("xx").lang, "en");
        assert_eq!(Tr::new("KK").lang, "kk");
        assert_ne!(
            Tr::new("fr").t("nav-sign-out"),
            Tr::new("en").t("nav-sign-out")
        );
    }
}
