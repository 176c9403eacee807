//! What the app keeps and shares: the draft (request text, call context, choices),
//! encoded as JSON. A bearer token never leaves in it: credential headers are replaced
//! by a placeholder ([`credential::scrub`]) before a draft is stored or put in a link.
//!
//! The stored form ([`StoredDraft`]) is plain strings, as old links and storage hold
//! it; [`Draft`] is typed and comes from it through `TryFrom`, so a name this version
//! does not know is an error that says which, never a silent default.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::engine::call_context::CallContext;
use crate::engine::credential;
use crate::engine::model::ApiVersion;
use crate::engine::scenarios::{self, Mode, Preset};
use crate::engine::simulate::Outcome;
use crate::engine::vocabulary::Vocabulary;

/// The user's work, typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub text: String,
    pub context: CallContext,
    pub version: ApiVersion,
    pub mode: Mode,
    pub outcome: Outcome,
    pub seed: u64,
    pub preset: Option<&'static Preset>,
    /// What the bot received, in a share link ("my request and what my bot got"); the
    /// stored draft leaves it out, as a payload of megabytes would crowd out the request.
    pub received: Option<String>,
}

/// A draft as stored and shared: every choice by name; absent or empty members take
/// defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StoredDraft {
    pub text: String,
    pub context: CallContext,
    pub version: ApiVersion,
    /// Empty for the default.
    pub mode: String,
    /// Empty for the default.
    pub outcome: String,
    pub seed: u64,
    pub preset: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received: Option<String>,
}

/// Why a stored or shared draft cannot be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// Not JSON, or JSON of another shape (serde's words: where and what).
    Unreadable(String),
    UnknownMode(String),
    UnknownOutcome(String),
    UnknownPreset(String),
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::Unreadable(why) => f.write_str(why),
            DraftError::UnknownMode(name) => write!(f, "unknown mode `{name}`"),
            DraftError::UnknownOutcome(name) => write!(f, "unknown outcome `{name}`"),
            DraftError::UnknownPreset(name) => write!(f, "unknown example `{name}`"),
        }
    }
}

impl std::error::Error for DraftError {}

/// An empty (or absent) name means the default; any other must be known.
fn named<T: Vocabulary + Default>(name: String, error: fn(String) -> DraftError) -> Result<T, DraftError> {
    if name.is_empty() {
        return Ok(T::default());
    }
    T::parse(&name).ok_or_else(|| error(name))
}

impl TryFrom<StoredDraft> for Draft {
    type Error = DraftError;

    fn try_from(stored: StoredDraft) -> Result<Self, DraftError> {
        let StoredDraft {
            text,
            context,
            version,
            mode,
            outcome,
            seed,
            preset,
            received,
        } = stored;
        let preset = match preset {
            None => None,
            Some(name) => Some(scenarios::preset(&name).ok_or(DraftError::UnknownPreset(name))?),
        };
        Ok(Draft {
            text: credential::scrub(&text),
            context,
            version,
            mode: named(mode, DraftError::UnknownMode)?,
            outcome: named(outcome, DraftError::UnknownOutcome)?,
            seed,
            preset,
            received: received.map(|text| credential::scrub(&text)),
        })
    }
}

impl From<&Draft> for StoredDraft {
    fn from(draft: &Draft) -> Self {
        StoredDraft {
            text: credential::scrub(&draft.text),
            context: draft.context.clone(),
            version: draft.version,
            mode: draft.mode.name().to_owned(),
            outcome: draft.outcome.name().to_owned(),
            seed: draft.seed,
            preset: draft.preset.map(|preset| preset.name.to_owned()),
            received: draft.received.as_deref().map(credential::scrub),
        }
    }
}

impl Draft {
    /// Whether the request or what the Received panel holds has a credential that
    /// [`Draft::to_json`] leaves out.
    pub fn holds_credential(&self) -> bool {
        credential::holds_credential(&self.text) || self.received.as_deref().is_some_and(credential::holds_credential)
    }

    /// The draft without credentials, as JSON, ready to store or share.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&StoredDraft::from(self)).unwrap_or_default()
    }

    /// Reads a stored or shared draft; the error says what was wrong with it.
    pub fn from_json(text: &str) -> Result<Draft, DraftError> {
        let stored: StoredDraft =
            serde_json::from_str(text).map_err(|error| DraftError::Unreadable(error.to_string()))?;
        Draft::try_from(stored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_never_survives_scrubbing() {
        let text = "POST /x\nauthorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi\nContent-Type: application/json\n\n{}";
        let draft = Draft {
            text: text.into(),
            ..Draft::default()
        };
        let json = draft.to_json();
        assert!(!json.contains("eyJ0eXAi"));
        let back = Draft::from_json(&json).unwrap();
        assert!(back.text.contains("authorization: Bearer {token}"));
        assert_eq!(credential::scrub("{\"a\": 1}"), "{\"a\": 1}");
        // The link's notice says a token was left out, and only when one was.
        assert!(draft.holds_credential() && !back.holds_credential() && !Draft::default().holds_credential());
        let received = Draft {
            received: Some("Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi\n\n{}".into()),
            ..Draft::default()
        };
        assert!(received.holds_credential());
    }

    #[test]
    fn a_corrupt_draft_says_why() {
        assert!(Draft::from_json("{\"text\": 3}")
            .unwrap_err()
            .to_string()
            .contains("invalid type"));
        assert!(Draft::from_json("not json").is_err());
    }

    #[test]
    fn names_round_trip_and_unknown_names_are_errors() {
        let draft = Draft {
            mode: Mode::DocFaithful,
            outcome: Outcome::Throttled,
            preset: scenarios::preset("example-4"),
            seed: 9,
            ..Draft::default()
        };
        assert_eq!(Draft::from_json(&draft.to_json()), Ok(draft));
        assert_eq!(
            Draft::from_json(r#"{"mode": "faithful"}"#),
            Err(DraftError::UnknownMode("faithful".into()))
        );
        assert_eq!(
            Draft::from_json(r#"{"outcome": "maybe"}"#),
            Err(DraftError::UnknownOutcome("maybe".into()))
        );
        assert_eq!(
            Draft::from_json(r#"{"preset": "example-9"}"#),
            Err(DraftError::UnknownPreset("example-9".into()))
        );
        // What the bot received travels without its token, and only when there is any.
        let shared = Draft {
            received: Some("POST /api/calls\nAuthorization: Bearer eyJ0eXAiOiJKV1QiLCJh\n\n{\"value\": []}".into()),
            ..Draft::default()
        };
        let json = shared.to_json();
        assert!(
            !json.contains("eyJ0eXAi") && !Draft::default().to_json().contains("received"),
            "{json}"
        );
        assert_eq!(
            Draft::from_json(&json).unwrap().received.as_deref(),
            Some("POST /api/calls\nAuthorization: Bearer {token}\n\n{\"value\": []}")
        );
        // Old drafts wrote empty names for the defaults.
        assert_eq!(Draft::from_json(r#"{"mode": "", "outcome": ""}"#), Ok(Draft::default()));
    }
}
