//! What the app keeps and shares: the draft (request text, call context, choices),
//! encoded as JSON. A bearer token never leaves in it: `Authorization` values are
//! replaced by a placeholder before a draft is stored or put in a link.

use serde::{Deserialize, Serialize};

use crate::call_context::CallContext;
use crate::diagnostic::ApiVersion;
use crate::input;

/// What `Authorization` becomes in a stored or shared draft.
pub const TOKEN_PLACEHOLDER: &str = "Bearer {token}";

/// The user's work.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Draft {
    pub text: String,
    pub context: CallContext,
    pub version: ApiVersion,
    pub mode: String,
    pub outcome: String,
    pub seed: u64,
    pub preset: Option<String>,
}

impl Draft {
    /// The draft without credentials, ready to store or share.
    pub fn scrubbed(&self) -> Draft {
        Draft {
            text: scrub_credentials(&self.text),
            ..self.clone()
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.scrubbed()).unwrap_or_default()
    }

    /// Reads a stored or shared draft; the error says what was wrong with it.
    pub fn from_json(text: &str) -> Result<Draft, String> {
        serde_json::from_str::<Draft>(text)
            .map(|draft| draft.scrubbed())
            .map_err(|error| error.to_string())
    }
}

/// `text` with every `Authorization` header value replaced by [`TOKEN_PLACEHOLDER`].
pub fn scrub_credentials(text: &str) -> String {
    let Some(head) = input::split(text).head else {
        return text.to_owned();
    };
    let mut out = text.to_owned();
    // Back to front so earlier spans stay valid (headers come in text order).
    let spans: Vec<_> = head
        .headers
        .iter()
        .filter(|header| {
            header.name.text.eq_ignore_ascii_case("Authorization") && header.value.text != TOKEN_PLACEHOLDER
        })
        .map(|header| header.value.span)
        .collect();
    for span in spans.into_iter().rev() {
        out.replace_range(span.start..span.end, TOKEN_PLACEHOLDER);
    }
    out
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
        assert_eq!(scrub_credentials("{\"a\": 1}"), "{\"a\": 1}");
    }

    #[test]
    fn a_corrupt_draft_says_why() {
        assert!(Draft::from_json("{\"text\": 3}").unwrap_err().contains("invalid type"));
        assert!(Draft::from_json("not json").is_err());
    }
}
