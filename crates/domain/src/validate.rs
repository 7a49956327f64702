//! Shapes of user-supplied names and secrets. Each check returns the field and a
//! message a person understands, which the API turns into a 422.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct Invalid {
    pub field: &'static str,
    pub message: String,
}

impl Invalid {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Invalid {
            field,
            message: message.into(),
        }
    }
}

pub const PASSWORD_MIN_CHARS: usize = 10;
/// Argon2 cost grows with the input; a cap keeps one request from hashing megabytes.
pub const PASSWORD_MAX_BYTES: usize = 256;

/// A login: 2 to 32 characters, lowercase ASCII letters, digits, `-` and `_`,
/// starting with a letter (the shape 42 logins have).
pub fn login(value: &str) -> Result<(), Invalid> {
    let ok_len = (2..=32).contains(&value.len());
    let starts_with_letter = value.chars().next().is_some_and(|c| c.is_ascii_lowercase());
    let ok_chars = value
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok_len && starts_with_letter && ok_chars {
        Ok(())
    } else {
        Err(Invalid::new(
            "login",
            "a login has 2 to 32 characters: lowercase letters, digits, '-' or '_', starting with a letter",
        ))
    }
}

/// A slug (campus, project, cursus): 1 to 63 characters, lowercase letters, digits
/// and `-`, not starting or ending with `-`.
pub fn slug(field: &'static str, value: &str) -> Result<(), Invalid> {
    let ok_len = (1..=63).contains(&value.len());
    let ok_chars = value
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok_len && ok_chars && !value.starts_with('-') && !value.ends_with('-') {
        Ok(())
    } else {
        Err(Invalid::new(
            field,
            "a slug has 1 to 63 characters: lowercase letters, digits and '-', not at either end",
        ))
    }
}

/// A human-readable name: trimmed, 1 to `max` characters, no control characters.
pub fn display_text(field: &'static str, value: &str, max: usize) -> Result<(), Invalid> {
    let count = value.chars().count();
    if value.trim() != value {
        return Err(Invalid::new(field, "must not start or end with spaces"));
    }
    if count == 0 || count > max {
        return Err(Invalid::new(
            field,
            format!("must have 1 to {max} characters"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(Invalid::new(field, "must not contain control characters"));
    }
    Ok(())
}

pub fn password(value: &str) -> Result<(), Invalid> {
    if value.chars().count() < PASSWORD_MIN_CHARS {
        return Err(Invalid::new(
            "password",
            format!("must have at least {PASSWORD_MIN_CHARS} characters"),
        ));
    }
    if value.len() > PASSWORD_MAX_BYTES {
        return Err(Invalid::new(
            "password",
            format!("must have at most {PASSWORD_MAX_BYTES} bytes"),
        ));
    }
    Ok(())
}

/// An email address, checked loosely: one `@` with text on both sides and a dot in
/// the domain. Real validation is sending a mail, which is not this function's job.
pub fn email(value: &str) -> Result<(), Invalid> {
    let bad = || Invalid::new("email", "is not an email address");
    if value.len() > 254 || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    match value.split_once('@') {
        Some((local, domain))
            if !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.') =>
        {
            Ok(())
        }
        _ => Err(bad()),
    }
}

/// An IANA time zone name such as `Asia/Almaty` or `UTC`. Checked for shape only;
/// the list of zones changes and is not worth pinning here.
pub fn time_zone(value: &str) -> Result<(), Invalid> {
    let ok = !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/_+-".contains(c))
        && !value.starts_with('/')
        && !value.ends_with('/');
    if ok {
        Ok(())
    } else {
        Err(Invalid::new(
            "time_zone",
            "must be a time zone name such as Asia/Almaty or UTC",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins() {
        for good in ["jdoe", "a1", "ab-c_d", "x23456789012345678901234567890ab"] {
            assert!(login(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "a",
            "1abc",
            "Abc",
            "a b",
            "ab/c",
            "é",
            "x234567890123456789012345678901ab",
        ] {
            assert!(login(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn slugs() {
        assert!(slug("slug", "almaty").is_ok());
        assert!(slug("slug", "c-piscine-2026").is_ok());
        for bad in ["", "-a", "a-", "A", "a_b", "a b", &"a".repeat(64)] {
            assert!(slug("slug", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn display_texts() {
        assert!(display_text("name", "Qadam Almaty", 10).is_err());
        assert!(display_text("name", "Алматы", 10).is_ok());
        assert!(display_text("name", " x", 10).is_err());
        assert!(display_text("name", "", 10).is_err());
        assert!(display_text("name", "a\u{7}b", 10).is_err());
    }

    #[test]
    fn passwords() {
        assert!(password("correct horse").is_ok());
        assert!(password("short").is_err());
        assert!(password(&"x".repeat(PASSWORD_MAX_BYTES + 1)).is_err());
    }

    #[test]
    fn emails_and_zones() {
        assert!(email("a@b.kz").is_ok());
        for bad in ["a", "@b.kz", "a@b", "a@@b.kz", "a b@c.kz", "a@.kz"] {
            assert!(email(bad).is_err(), "{bad}");
        }
        assert!(time_zone("Asia/Almaty").is_ok());
        assert!(time_zone("UTC").is_ok());
        assert!(time_zone("Etc/GMT+5").is_ok());
        assert!(time_zone("").is_err());
        assert!(time_zone("Asia/Almaty; DROP").is_err());
    }
}
