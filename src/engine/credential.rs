//! The one redaction policy: how much of a credential the playground ever shows.
//!
//! A token pasted into the request never leaves the page whole. Stored drafts and share
//! links carry [`PLACEHOLDER`] instead ([`scrub`]); a diagnostic message quotes at most
//! [`VISIBLE_CHARS`] characters of the header ([`quote`]); a simulated message keeps the
//! scheme and the same few characters ([`redact`]), enough to recognise which token it was.

use std::borrow::Cow;

use crate::engine::curl;
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
/// JSON body is returned as it is. A cURL command (kept as the editor's text after
/// Undo, or typed) loses its `Authorization` header's value, its `--oauth2-bearer`
/// token and its `-u` user and password ([`scrub_command`]).
pub fn scrub(text: &str) -> String {
    if curl::is_command(text) {
        return scrub_command(text);
    }
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

/// [`scrub`] for a cURL command, read as text rather than as words: a credential sits
/// in one quoted word in every quoting (bash's `'…'`, `"…"`, `$'…'`, `cmd`'s `^"…^"`),
/// and a token has none of the characters that end one.
fn scrub_command(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        match command_credential(text, at) {
            Some((value, placeholder)) => {
                out.push_str(&text[copied..value.start]);
                out.push_str(placeholder);
                copied = value.end;
                at = value.end;
            }
            None => at += 1,
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// The credential that starts at byte `at` of a cURL command, if one does: where its
/// value is, and what stands in for it. An `Authorization:` header's value runs to the
/// end of its quoted word; `--oauth2-bearer`'s and `-u`'s (`--user`) is the next word.
fn command_credential(text: &str, at: usize) -> Option<(std::ops::Range<usize>, &'static str)> {
    let bytes = text.as_bytes();
    if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'-') {
        return None;
    }
    let rest = &bytes[at..];
    let starts =
        |prefix: &str| rest.len() >= prefix.len() && rest[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes());
    let blank = |i: usize| bytes.get(i).is_some_and(|&b| b == b' ' || b == b'\t');
    let skip_blanks = |mut i: usize| {
        while blank(i) {
            i += 1;
        }
        i
    };
    // Where a value that starts at `from` ends: at a quote, a caret (`cmd`'s `^"`), a
    // line's end, or with `word`, also at a blank or a backslash.
    let end = |from: usize, word: bool| {
        from + bytes[from..]
            .iter()
            .position(|&b| {
                matches!(b, b'\'' | b'"' | b'^' | b'\n' | b'\r') || (word && matches!(b, b' ' | b'\t' | b'\\'))
            })
            .unwrap_or(bytes.len() - from)
    };
    let (value, placeholder) = if starts("authorization") {
        let colon = skip_blanks(at + "authorization".len());
        if bytes.get(colon) != Some(&b':') {
            return None;
        }
        let from = skip_blanks(colon + 1);
        (from..end(from, false), PLACEHOLDER)
    } else {
        let (flag, placeholder) = [
            ("--oauth2-bearer", "{token}"),
            ("--user", "{user}:{password}"),
            ("-u", "{user}:{password}"),
        ]
        .into_iter()
        .find(|(flag, _)| starts(flag))?;
        let after = at + flag.len();
        let from = match bytes.get(after) {
            Some(b'=') if flag.starts_with("--") => after + 1,
            _ if blank(after) => skip_blanks(after),
            _ => return None,
        };
        // The value's own opening quote (`'`, `"`, `$'` or `^"`).
        let from = match &bytes[from..] {
            [b'$' | b'^', b'\'' | b'"', ..] => from + 2,
            [b'\'' | b'"', ..] => from + 1,
            _ => from,
        };
        (from..end(from, true), placeholder)
    };
    (!value.is_empty() && &text[value.clone()] != placeholder).then_some((value, placeholder))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cURL command kept as text (Undo after the editor read it, or typed) keeps no
    /// credential in any quoting, and is still read as the same request; what is not a
    /// credential (a JSON member named `authorization`, `--user-agent`) stays.
    #[test]
    fn curl_commands_lose_their_credentials() {
        let token = "eyJ0eXAiOiJKV1QiLCJhbGciOi";
        for (command, scrubbed) in [
            (
                format!("curl -X POST https://x/y -H 'Authorization: Bearer {token}' -d '{{\"authorization\": 1}}'"),
                "curl -X POST https://x/y -H 'Authorization: Bearer {token}' -d '{\"authorization\": 1}'".to_owned(),
            ),
            (
                format!("curl ^\"https://x/y^\" ^\r\n  -H ^\"authorization: Bearer {token}^\" ^\r\n  --data-raw ^\"^{{^}}^\""),
                "curl ^\"https://x/y^\" ^\r\n  -H ^\"authorization: Bearer {token}^\" ^\r\n  --data-raw ^\"^{^}^\"".to_owned(),
            ),
            (
                "curl https://x/y -H \"AUTHORIZATION:Basic dXNlcjpwYXNz\" -H $'x-a: b' --user-agent a/1".to_owned(),
                "curl https://x/y -H \"AUTHORIZATION:Bearer {token}\" -H $'x-a: b' --user-agent a/1".to_owned(),
            ),
            (
                format!("curl https://x/y --oauth2-bearer {token} -u me:secret --user=\"me:pw\" -d @b.json"),
                "curl https://x/y --oauth2-bearer {token} -u {user}:{password} --user=\"{user}:{password}\" -d @b.json".to_owned(),
            ),
            (
                format!("# first error: …\ncurl https://x/y --oauth2-bearer='{token}'\\\n -d a"),
                "# first error: …\ncurl https://x/y --oauth2-bearer='{token}'\\\n -d a".to_owned(),
            ),
        ] {
            assert_eq!(scrub(&command), scrubbed, "{command}");
            assert_eq!(scrub(&scrubbed), scrubbed);
            let message = curl::request_of(&scrubbed).unwrap();
            assert!(!message.contains(token), "{message}");
            assert_eq!(
                curl::request_of(&command).map(|m| scrub(&m).replace("Bearer {token}", "")),
                Some(message.replace("Bearer {token}", "")),
                "{command}"
            );
        }
    }

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
