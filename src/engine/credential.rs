//! The one redaction policy: how much of a credential the playground ever shows.
//!
//! A token pasted into the request never leaves the page whole. Stored drafts and share
//! links carry [`PLACEHOLDER`] instead ([`scrub`]); a diagnostic message quotes at most
//! [`VISIBLE_CHARS`] characters of the header ([`quote`]); a simulated message keeps the
//! scheme and the same few characters ([`redact`]), enough to recognise which token it was.

use std::borrow::Cow;

use crate::engine::input;
use crate::engine::source::ellipsize;

/// What an `Authorization` value becomes in a stored or shared draft, and in requests
/// the playground writes itself.
pub const PLACEHOLDER: &str = "Bearer {token}";

/// How many characters of a credential may be shown.
pub const VISIBLE_CHARS: usize = 4;

/// Tokens shorter than this are placeholders or typos, not secrets worth hiding.
const SECRET_MIN_CHARS: usize = 9;

/// Whether a header carries a credential.
pub fn is_credential(header_name: &str) -> bool {
    header_name.eq_ignore_ascii_case("Authorization")
}

/// A credential header's value as a message may quote it: its first few characters.
pub fn quote(value: &str) -> Cow<'_, str> {
    ellipsize(value, VISIBLE_CHARS)
}

/// A header's value as a simulated message shows it: `Bearer eyJ0… (redacted)`.
pub fn redact<'a>(name: &str, value: &'a str) -> Cow<'a, str> {
    if !is_credential(name) {
        return Cow::Borrowed(value);
    }
    match value.split_once(' ') {
        Some((scheme, token)) if token.chars().count() >= SECRET_MIN_CHARS => {
            Cow::Owned(format!("{scheme} {} (redacted)", ellipsize(token, VISIBLE_CHARS)))
        }
        _ => Cow::Borrowed(value),
    }
}

/// `text` with every credential header's value replaced by [`PLACEHOLDER`]; a bare
/// JSON body is returned as it is.
pub fn scrub(text: &str) -> String {
    let Some(head) = input::split(text).head else {
        return text.to_owned();
    };
    let mut out = text.to_owned();
    // Back to front so earlier spans stay valid (headers come in text order).
    let spans: Vec<_> = head
        .headers
        .iter()
        .filter(|header| is_credential(header.name.text) && header.value.text != PLACEHOLDER)
        .map(|header| header.value.span)
        .collect();
    for span in spans.into_iter().rev() {
        out.replace_range(span.start..span.end, PLACEHOLDER);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_quote_four_characters() {
        assert_eq!(quote("Basic dXNlcjpwYXNz"), "Basi…");
        assert_eq!(quote("abc"), "abc");
    }

    #[test]
    fn simulated_messages_keep_the_scheme_and_four_characters() {
        assert_eq!(
            redact("authorization", "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi"),
            "Bearer eyJ0… (redacted)"
        );
        assert_eq!(redact("Authorization", "Bearer {token}"), "Bearer {token}");
        assert_eq!(redact("Content-Type", "application/json"), "application/json");
    }

    #[test]
    fn stored_text_carries_the_placeholder() {
        let text = "POST /x\nauthorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi\n\n{}";
        assert_eq!(scrub(text), "POST /x\nauthorization: Bearer {token}\n\n{}");
        assert_eq!(scrub("{\"a\": 1}"), "{\"a\": 1}");
    }
}
