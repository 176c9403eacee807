//! Rules for the HTTP head: request line, method, path, and the three headers the
//! invite docs talk about (`Authorization`, `Content-Type`, `Content-Length`).

use super::Sink;
use crate::engine::credential;
use crate::engine::diagnostic::{PathProblem, Rule};
use crate::engine::input::{HttpHead, Located};
use crate::engine::model::ApiVersion;
use crate::engine::vocabulary::Vocabulary;

/// What the request line's URL says, once it is known to be the invite path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestTarget {
    pub method: String,
    pub url: String,
    /// `Some` when the path names `beta` or `v1.0`.
    pub version: Option<ApiVersion>,
    /// `None` when the call id is a placeholder such as `{id}`.
    pub call_id: Option<String>,
    /// The deprecated `/app/calls/…` form.
    pub app_path: bool,
}

/// Checks the head; returns the target when the request line could be read, and the
/// API version the URL names even when the rest of its path is wrong (SPEC §1).
pub(super) fn check(
    head: &HttpHead<'_>,
    body: &str,
    sink: &mut Sink<'_>,
) -> (Option<RequestTarget>, Option<ApiVersion>) {
    for line in &head.malformed {
        let rule = Rule::HeaderMalformed {
            line: line.text.to_owned(),
        };
        sink.head_repeated(rule, *line);
    }
    check_authorization(head, sink);
    check_content_type(head, sink);
    check_content_length(head, body, sink);

    let target = match head.words.as_slice() {
        [method, url] => Some((method, url)),
        [method, url, version] if is_http_version(version.text) => Some((method, url)),
        _ => None,
    }
    .filter(|(method, _)| method.text.bytes().all(|b| b.is_ascii_alphabetic()));
    let Some((method, url)) = target else {
        sink.head(
            Rule::RequestLineInvalid {
                line: head.request_line.text.to_owned(),
            },
            Some(head.request_line),
        );
        return (None, None);
    };
    if method.text != "POST" {
        sink.head(
            Rule::MethodNotAllowed {
                method: method.text.to_owned(),
            },
            Some(*method),
        );
    }
    let path = match check_path(*url, sink) {
        Ok(path) => path,
        Err(version) => return (None, version),
    };
    let target = RequestTarget {
        method: method.text.to_owned(),
        url: url.text.to_owned(),
        version: path.version,
        call_id: path.call_id,
        app_path: path.app_path,
    };
    (Some(target), path.version)
}

fn is_http_version(text: &str) -> bool {
    text.strip_prefix("HTTP/").is_some_and(|number| {
        let mut parts = number.split('.');
        let major = parts.next().unwrap_or("");
        let minor = parts.next();
        parts.next().is_none()
            && !major.is_empty()
            && major.bytes().all(|b| b.is_ascii_digit())
            && minor.is_none_or(|minor| !minor.is_empty() && minor.bytes().all(|b| b.is_ascii_digit()))
    })
}

struct InvitePath {
    version: Option<ApiVersion>,
    call_id: Option<String>,
    app_path: bool,
}

/// `[scheme://host][/{version}][/]/(communications|app)/calls/{id}/participants/invite[?…]`;
/// the extra `/` after the version is what the Graph SDKs send (ECOSYSTEM §1). When the
/// path is not the invite path, the error carries the version the URL named.
fn check_path(url: Located<'_>, sink: &mut Sink<'_>) -> Result<InvitePath, Option<ApiVersion>> {
    let mut path_start = 0;
    if let Some(after_scheme) = url.text.find("://").map(|at| at + 3) {
        path_start = url.text[after_scheme..]
            .find('/')
            .map_or(url.text.len(), |slash| after_scheme + slash);
    }
    // Bytes, not chars: both are ASCII, and a char-pattern search costs ~20× more.
    let path_end = url.text.as_bytes()[path_start..]
        .iter()
        .position(|&byte| byte == b'?' || byte == b'#')
        .map_or(url.text.len(), |at| path_start + at);
    let path = &url.text[path_start..path_end];
    let invalid = |sink: &mut Sink<'_>, reason, version| {
        sink.head(
            Rule::PathInvalid {
                path: path.to_owned(),
                reason,
            },
            Some(url),
        );
        Err(version)
    };
    let Some(rest) = path.strip_prefix('/') else {
        return invalid(sink, PathProblem::Shape, None);
    };
    // Segments with their byte offset in the whole text.
    let base = url.span.start + path_start + 1;
    let mut segments: Vec<Located<'_>> = Vec::new();
    let mut offset = base;
    for segment in rest.trim_end_matches('/').split('/') {
        segments.push(Located {
            text: segment,
            span: crate::engine::source::Span::new(offset, offset + segment.len()),
        });
        offset += segment.len() + 1;
    }

    let mut version = None;
    if let Some(first) = segments.first() {
        if let Some(named) = parse_version(first.text) {
            version = Some(named);
            segments.remove(0);
            // The SDKs' `beta//communications/…`: one empty segment after the version.
            if segments.first().is_some_and(|segment| segment.text.is_empty()) {
                segments.remove(0);
            }
        } else if looks_like_version(first.text) {
            return invalid(sink, PathProblem::UnknownVersion, None);
        }
    }
    let [root, calls, id, participants, invite] = segments.as_slice() else {
        return invalid(sink, PathProblem::Shape, version);
    };
    let app_path = root.text.eq_ignore_ascii_case("app");
    let shape_ok = (app_path || root.text.eq_ignore_ascii_case("communications"))
        && calls.text.eq_ignore_ascii_case("calls")
        && participants.text.eq_ignore_ascii_case("participants")
        && invite.text.eq_ignore_ascii_case("invite");
    if !shape_ok {
        return invalid(sink, PathProblem::Shape, version);
    }
    if id.text.is_empty() {
        return invalid(sink, PathProblem::EmptyCallId, version);
    }
    if app_path {
        sink.head(Rule::PathDeprecatedApp, Some(*root));
    }
    let call_id = if is_placeholder(id.text) {
        sink.head(Rule::PathPlaceholder { id: id.text.to_owned() }, Some(*id));
        None
    } else {
        Some(id.text.to_owned())
    };
    Ok(InvitePath {
        version,
        call_id,
        app_path,
    })
}

/// `beta` and `v1.0`; Graph treats URL segments case-insensitively (assumed for versions).
fn parse_version(segment: &str) -> Option<ApiVersion> {
    ApiVersion::parse(&segment.to_ascii_lowercase())
}

/// `v2.0`, `v1`, `1.0`, `alpha`, `preview`: a version segment, just not a real one.
fn looks_like_version(segment: &str) -> bool {
    let lower = segment.to_ascii_lowercase();
    let digits = lower.strip_prefix('v').unwrap_or(&lower);
    (!digits.is_empty() && digits.chars().all(|ch| ch.is_ascii_digit() || ch == '.'))
        || matches!(lower.as_str(), "alpha" | "preview" | "canary" | "stable")
}

/// `{id}`, `{call-id}`, `<id>`, `:id`, `%7Bid%7D`, `id`, `callId`.
fn is_placeholder(id: &str) -> bool {
    let lower = id.to_ascii_lowercase();
    lower.bytes().any(|byte| matches!(byte, b'{' | b'}' | b'<' | b'>'))
        || lower.contains("%7b")
        || lower.starts_with(':')
        || matches!(lower.as_str(), "id" | "callid" | "call-id" | "call_id" | "...")
}

/// Where a missing header is reported: the end of the request line, zero wide, so it
/// marks no text that another diagnostic needs.
fn end_of_request_line<'a>(head: &HttpHead<'a>) -> Located<'a> {
    let end = head.request_line.span.end;
    Located {
        text: "",
        span: crate::engine::source::Span::new(end, end),
    }
}

fn check_authorization(head: &HttpHead<'_>, sink: &mut Sink<'_>) {
    let Some(header) = head.header("Authorization") else {
        sink.head(
            Rule::HeaderAuthorizationMissing { found: None },
            Some(end_of_request_line(head)),
        );
        return;
    };
    let value = header.value.text;
    let bearer = value
        .split_once(' ')
        .is_some_and(|(scheme, token)| scheme.eq_ignore_ascii_case("Bearer") && !token.trim().is_empty());
    if !bearer {
        sink.head(
            Rule::HeaderAuthorizationMissing {
                found: Some(credential::quote(value).into_owned()),
            },
            Some(header.value),
        );
    }
}

fn check_content_type(head: &HttpHead<'_>, sink: &mut Sink<'_>) {
    let Some(header) = head.header("Content-Type") else {
        sink.head(Rule::HeaderContentType { found: None }, Some(end_of_request_line(head)));
        return;
    };
    // Parameters (`charset=utf-8`, OData's `odata.metadata=…`) are allowed.
    let media_type = header.value.text.split(';').next().unwrap_or("").trim();
    if !media_type.eq_ignore_ascii_case("application/json") {
        sink.head(
            Rule::HeaderContentType {
                found: Some(header.value.text.to_owned()),
            },
            Some(header.value),
        );
    }
}

fn check_content_length(head: &HttpHead<'_>, body: &str, sink: &mut Sink<'_>) {
    let Some(header) = head.header("Content-Length") else {
        return;
    };
    // A pasted message usually ends with a line break the sender never sent: accept the
    // exact length and the length without trailing line breaks.
    let exact = body.len();
    let trimmed = body.trim_end_matches(['\r', '\n']).len();
    let declared = header.value.text.parse::<usize>().ok();
    if declared != Some(exact) && declared != Some(trimmed) {
        sink.head(
            Rule::ContentLengthMismatch {
                declared: header.value.text.to_owned(),
                actual: trimmed,
            },
            Some(header.value),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_http_versions() {
        assert!(is_http_version("HTTP/1.1"));
        assert!(is_http_version("HTTP/2"));
        assert!(!is_http_version("HTTP/"));
        assert!(!is_http_version("HTTP/1."));
        assert!(!is_http_version("http/1.1"));
    }

    #[test]
    fn recognises_placeholders() {
        for id in ["{id}", "{call-id}", "<id>", ":id", "%7Bid%7D", "id", "callId"] {
            assert!(is_placeholder(id), "{id}");
        }
        assert!(!is_placeholder("ab6233a5-20b7-4c5e-bea2-ce56c9776429"));
    }

    #[test]
    fn never_repeats_a_token() {
        assert_eq!(credential::quote("Basic dXNlcjpwYXNz"), "Basi…");
        assert_eq!(credential::quote("abc"), "abc");
        // Nor from a line that is not a header: the message, and Graph's simulated 400
        // that repeats it, keep four characters.
        let token = "eyJ0eXAiOiJKV1QiLCJhbGciOiSECRET";
        for text in [
            format!("POST https://graph.microsoft.com/beta/communications/calls/c/participants/invite\nAuthorization Bearer {token}\n\n{{}}"),
            format!("POST https://graph.microsoft.com/beta/communications/calls/c/participants/invite\n Authorization: Bearer {token}\n\n{{}}"),
        ] {
            let checked = crate::engine::validate::check(&text, &Default::default());
            let said: Vec<_> = checked.diagnostics.iter().map(|d| d.message(crate::engine::diagnostic::lang::Lang::En)).collect();
            assert!(said.iter().any(|m| m.contains("Bear…")), "{said:?}");
            assert!(said.iter().all(|m| !m.contains("SECRET")), "{said:?}");
        }
    }
}
