//! The one redaction policy: how much of a credential the playground ever shows.
//!
//! A token pasted into the request never leaves the page whole. Stored drafts and share
//! links carry [`PLACEHOLDER`] instead ([`scrub`]); a diagnostic message quotes at most
//! [`VISIBLE_CHARS`] characters of the header ([`quote`]) or of any credential in a line
//! it quotes ([`masked`], one scanner with [`scrub`]); a simulated message keeps the
//! scheme and the same few characters ([`redact`]), enough to recognise which token it was.

use std::borrow::Cow;

use crate::engine::curl;
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
    // A scheme and its token, split at a space or a tab; or a token sent without its
    // scheme (a common slip, which the check names), hidden all the same.
    let (scheme, token) = match value.split_once([' ', '\t']) {
        Some((scheme, token)) => (Some(scheme), token.trim_start_matches([' ', '\t'])),
        None => (None, value),
    };
    if token.chars().count() < SECRET_MIN_CHARS {
        return Cow::Borrowed(value);
    }
    let token = ellipsize(token, VISIBLE_CHARS);
    Cow::Owned(match scheme {
        Some(scheme) => format!("{scheme} {token} (redacted)"),
        None => format!("{token} (redacted)"),
    })
}

/// `text` with every credential replaced, read as text rather than as an HTTP head, so
/// that no shape keeps one: an `Authorization` header's value becomes [`PLACEHOLDER`]
/// wherever it stands (a head with CRLF, CR-only or a BOM, a line without its colon or
/// with a blank before it, headers pasted without a request line or after the body),
/// and so does the token after any `Bearer`, an `access_token`, `refresh_token`,
/// `id_token` or `client_secret` in a query, a form body or JSON, and a JSON Web Token
/// standing alone. In a cURL command (kept as the editor's text after Undo, or typed)
/// so do its `--oauth2-bearer` token and its `-u` user and password. A JSON member named
/// `authorization` is not a header, and an empty value stays empty.
pub fn scrub(text: &str) -> String {
    scrubbed(text).into_owned()
}

/// Whether `text` holds a credential [`scrub`] would replace (so a share link says it
/// left one out).
pub fn holds_credential(text: &str) -> bool {
    matches!(scrubbed(text), Cow::Owned(_))
}

/// [`scrub`], borrowed when there is nothing to replace.
fn scrubbed(text: &str) -> Cow<'_, str> {
    replace_credentials(text, &|_, placeholder| Cow::Borrowed(placeholder))
}

/// `text` (what a message quotes: a malformed header, a request or status line that is
/// not one) with each credential [`scrub`] finds cut as [`quote`] cuts it, so that a
/// message, and Graph's simulated error that repeats it, never shows more of a token.
pub fn masked(text: &str) -> Cow<'_, str> {
    replace_credentials(text, &|value, _| quote(value))
}

/// `text` with each credential's value replaced by `with(value, placeholder)`.
fn replace_credentials<'t>(
    text: &'t str,
    // One copy of the scanner for both callers (it is in the page's first load).
    with: &dyn for<'v> Fn(&'v str, &'static str) -> Cow<'v, str>,
) -> Cow<'t, str> {
    let command = curl::is_command(text);
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        // Only these bytes start a credential: most of the text is passed over at once.
        let found = matches!(
            bytes[at],
            b'a' | b'A' | b'b' | b'B' | b'c' | b'C' | b'e' | b'i' | b'I' | b'r' | b'R' | b'-'
        )
        .then(|| credential_at(text, at, command))
        .flatten();
        match found {
            Some((value, placeholder)) => {
                let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
                out.push_str(&text[copied..value.start]);
                out.push_str(&with(&text[value.clone()], placeholder));
                copied = value.end;
                at = value.end;
            }
            None => at += 1,
        }
    }
    match out {
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(text),
    }
}

/// The credential that starts at byte `at` of `text`, if one does: where its value is,
/// and what stands in for it. An `Authorization` header's value runs to its line's end
/// or its quoted word's (a token has no quote, and a cURL command quotes each header:
/// bash's `'…'`, `"…"`, `$'…'`, `cmd`'s `^"…^"`); a `Bearer` token, and in a `command`
/// `--oauth2-bearer`'s and `-u`'s (`--user`) value, is one word.
fn credential_at(text: &str, at: usize, command: bool) -> Option<(std::ops::Range<usize>, &'static str)> {
    let bytes = text.as_bytes();
    if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || matches!(bytes[at - 1], b'-' | b'_')) {
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
    // line's end, or for a `word`, also at a blank or a backslash.
    let end = |from: usize, word: bool| {
        from + bytes[from..]
            .iter()
            .position(|&b| {
                matches!(b, b'\'' | b'"' | b'^' | b'\n' | b'\r') || (word && matches!(b, b' ' | b'\t' | b'\\'))
            })
            .unwrap_or(bytes.len() - from)
    };
    let (value, placeholder) = if starts("authorization") {
        let after = at + "authorization".len();
        let from = skip_blanks(after);
        let from = match bytes.get(from) {
            Some(b':' | b'=') => skip_blanks(from + 1),
            // `Authorization Bearer …`, its colon forgotten.
            _ if from > after => from,
            _ => return None,
        };
        (from..end(from, false), PLACEHOLDER)
    } else if starts("bearer") && blank(at + "bearer".len()) {
        let from = skip_blanks(at + "bearer".len());
        let value = from..end(from, true);
        if text[value.clone()].chars().count() < SECRET_MIN_CHARS {
            return None;
        }
        (value, "{token}")
    } else if let Some(length) = jwt_length(rest) {
        // A JSON Web Token on its own (`eyJ….eyJ….…`): an access or ID token pasted bare.
        (at..at + length, "{token}")
    } else if let Some(name) = ["access_token", "refresh_token", "id_token", "client_secret"]
        .into_iter()
        .find(|name| starts(name))
    {
        // RFC 6750's other two ways to send a token (`?access_token=…`, a form body),
        // and a token endpoint's JSON answer pasted by mistake (`"access_token": "…"`).
        let mut from = at + name.len();
        if bytes.get(from) == Some(&b'"') {
            from += 1;
        }
        let from = skip_blanks(from);
        if !matches!(bytes.get(from), Some(b'=' | b':')) {
            return None;
        }
        let from = skip_blanks(from + 1);
        let from = if bytes.get(from) == Some(&b'"') { from + 1 } else { from };
        let value = from..end(from, true);
        let value = value.start..value.start + text[value.clone()].find('&').unwrap_or(value.len());
        (value, if name == "client_secret" { "{secret}" } else { "{token}" })
    } else if command {
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
    } else {
        return None;
    };
    (!value.is_empty() && &text[value.clone()] != placeholder).then_some((value, placeholder))
}

/// How long the JSON Web Token `bytes` start with is, if they start with one: a header
/// and a payload in base64url that each start `eyJ` (the encoding of `{"`), a dot after
/// each, and a signature (empty when unsigned).
fn jwt_length(bytes: &[u8]) -> Option<usize> {
    let segment = |from: usize| {
        bytes[from..]
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
            .unwrap_or(bytes.len() - from)
    };
    let encoded_json = |from: usize| bytes[from..].starts_with(b"eyJ") && segment(from) >= 8;
    if !encoded_json(0) {
        return None;
    }
    let payload = segment(0) + 1;
    if bytes.get(payload - 1) != Some(&b'.') || !encoded_json(payload) {
        return None;
    }
    let signature = payload + segment(payload) + 1;
    if bytes.get(signature - 1) != Some(&b'.') {
        return None;
    }
    Some(signature + segment(signature))
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

    /// Every shape a pasted head comes in loses its token, not only a well-formed one;
    /// what is not a credential stays byte for byte.
    #[test]
    fn no_shape_keeps_a_token() {
        let token = "eyJ0eXAiOiJKV1QiLCJhbGciOi";
        for text in [
            "POST https://x/y\nAuthorization Bearer TOKEN\n\n{}",
            "POST https://x/y\nAuthorization : Bearer TOKEN\n\n{}",
            "POST https://x/y\n Authorization: Bearer TOKEN\n\n{}",
            "POST https://x/y\r\nAuthorization: Bearer TOKEN\r\n\r\n{}",
            "POST https://x/y\rAuthorization: Bearer TOKEN\r\r{}",
            "Authorization: Bearer TOKEN\n\n{}",
            "\u{feff}POST https://x/y\nAuthorization: Bearer TOKEN\n\n{}",
            "POST https://x/y\nContent-Type: application/json\n{\"a\":1}\nAuthorization: Bearer TOKEN\n\n{}",
            "POST https://x/y\nX: y\nAuthorization: Bearer TOKEN",
            "GET https://x/y HTTP/1.1\nHost: x\nauthorization:Basic TOKEN\n",
            "{\"participants\": []}\nAuthorization: Bearer TOKEN",
            "Bearer TOKEN",
            "{\"note\": \"bearer\tTOKEN\"}",
            "POST https://x/y?access_token=TOKEN&a=b\n\n{}",
            "POST https://x/y\nContent-Type: application/x-www-form-urlencoded\n\nclient_id=c&client_secret=TOKEN&grant_type=client_credentials",
            "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"TOKEN\"}",
            "{\n  \"refresh_token\" : \"TOKEN\",\n  \"id_token\": \"TOKEN\"\n}",
            "TOKEN.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2lnbmF0dXJl",
            "{\"participants\": [], \"note\": \"TOKEN.eyJhdWQiOiJ9.\"}",
        ] {
            let text = text.replace("TOKEN", token);
            let scrubbed = scrub(&text);
            assert!(!scrubbed.contains(token), "{text:?} → {scrubbed:?}");
            assert_eq!(scrub(&scrubbed), scrubbed, "{text:?}");
        }
        for kept in [
            "{\"authorization\": \"Bearer x\", \"authorizationCode\": 1}",
            "POST https://x/y\nAuthorization:\nX-Authorization-Hint: a\n\n{\"Bearer\": \"short\"}",
            "POST https://x/y\nAuthorization: Bearer {token}\n\n{\"displayName\": \"Bearer of news\"}",
            "curl https://x/y --user-agent a -uX",
            "{\"access_tokens\": 1, \"my_access_token\": \"x\", \"client_secret\": \"\"}",
            "{\"id\": \"eyJhbGciOi.nope\", \"x\": \"eyJ.eyJ.\", \"y\": \"keyJhbGciOiJSUzI1.eyJhdWQiOiJ9.x\"}",
        ] {
            assert_eq!(scrub(kept), kept);
        }
    }

    #[test]
    fn quoted_lines_keep_four_characters_of_a_credential() {
        assert_eq!(
            masked("Authorization Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi"),
            "Authorization Bear…"
        );
        assert_eq!(masked(" authorization : Basic dXNlcjpwYXNz"), " authorization : Basi…");
        assert_eq!(
            masked("X-Trace: bearer eyJ0eXAiOiJKV1QiLCJhbGciOi"),
            "X-Trace: bearer eyJ0…"
        );
        assert!(matches!(masked("Content-Type application/json"), Cow::Borrowed(_)));
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
        // A tab, blanks, or no scheme at all hide the token the same way.
        assert_eq!(
            redact("Authorization", "Bearer\t  eyJ0eXAiOiJKV1QiLCJhbGciOi"),
            "Bearer eyJ0… (redacted)"
        );
        assert_eq!(
            redact("Authorization", "eyJ0eXAiOiJKV1QiLCJhbGciOi"),
            "eyJ0… (redacted)"
        );
        assert_eq!(redact("Content-Type", "application/json"), "application/json");
    }

    #[test]
    fn stored_text_carries_the_placeholder() {
        let text = "POST /x\nauthorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi\n\n{}";
        assert_eq!(scrub(text), "POST /x\nauthorization: Bearer {token}\n\n{}");
        assert_eq!(scrub("{\"a\": 1}"), "{\"a\": 1}");
    }
}
