//! Words stored as text columns (a role, a kind of project): each enum reads back from
//! its text or fails loudly, never falling back to a default.

use std::fmt;

/// A stored word that no variant of `kind` spells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownWord {
    pub kind: &'static str,
    pub word: String,
}

impl fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} {:?} in the database", self.kind, self.word)
    }
}

impl std::error::Error for UnknownWord {}

/// `TryFrom<String>` and `From<Self> for String` for an enum with `parse` and `as_str`,
/// which is what the storage layer needs to keep it in a text column.
macro_rules! stored_as_text {
    ($type:ty, $kind:literal) => {
        impl TryFrom<String> for $type {
            type Error = $crate::stored::UnknownWord;

            fn try_from(word: String) -> Result<Self, Self::Error> {
                <$type>::parse(&word).ok_or($crate::stored::UnknownWord { kind: $kind, word })
            }
        }

        impl From<$type> for String {
            fn from(value: $type) -> String {
                value.as_str().to_string()
            }
        }
    };
}

stored_as_text!(crate::Role, "role");
stored_as_text!(crate::ProjectKind, "project kind");
stored_as_text!(crate::TeamStatus, "team status");
stored_as_text!(crate::SubmissionStatus, "submission status");
stored_as_text!(crate::EvaluationStatus, "evaluation status");

#[cfg(test)]
mod tests {
    use crate::{ProjectKind, Role};

    #[test]
    fn stored_words_round_trip_and_unknown_ones_fail() {
        for role in Role::ALL {
            assert_eq!(Role::try_from(String::from(role)), Ok(role));
        }
        assert_eq!(
            ProjectKind::try_from("rush".to_string()),
            Ok(ProjectKind::Rush)
        );
        let err = Role::try_from("root".to_string()).unwrap_err();
        assert_eq!(err.to_string(), "unknown role \"root\" in the database");
    }
}
