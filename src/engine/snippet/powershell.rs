//! PowerShell, for the Microsoft Graph PowerShell SDK: the body as a hashtable, sent
//! with `Invoke-MgBetaInviteCommunicationCallParticipant` (v1.0:
//! `Invoke-MgInviteCommunicationCallParticipant`). Strings are single-quoted, so `$`
//! and backticks in ids are never expanded.

use std::fmt::Write as _;

use crate::engine::validate::json_ast::Value as Node;

use super::{error_comment, escaped_in_code, JsonView, Out, Request};
use crate::engine::model::ApiVersion;

const INDENT: &str = "\t";

pub(super) fn render(request: &Request<'_>, out: &mut Out<'_>) {
    let (module, command) = match request.api {
        ApiVersion::Beta => (
            "Microsoft.Graph.Beta.CloudCommunications",
            "Invoke-MgBetaInviteCommunicationCallParticipant",
        ),
        ApiVersion::V1 => (
            "Microsoft.Graph.CloudCommunications",
            "Invoke-MgInviteCommunicationCallParticipant",
        ),
    };
    error_comment(out, request, "#");
    let _ = writeln!(out, "Import-Module {module}\n");
    out.push_str("$params = ");
    match request.json {
        Some(json @ Node::Object(_)) => literal(out, json, 0),
        _ => out.push_str("@{}"),
    }
    let _ = write!(
        out,
        "\n\n$callId = {}\n\n{command} -CallId $callId -BodyParameter $params\n",
        quote(request.call_id)
    );
}

/// A single-quoted PowerShell string: every kind of single quote PowerShell accepts
/// (`'`, `‘`, `’`, `‚`, `‛`) is doubled, nothing else is special. A text with a
/// character written as an escape is the single-quoted runs between such characters
/// joined with `[char]0x…` in parentheses: PowerShell 5.1, which the Graph module
/// supports, has no escape for a code point inside a string.
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    let special = text.chars().any(escaped_in_code);
    if special {
        out.push('(');
    }
    out.push('\'');
    for c in text.chars() {
        if special && escaped_in_code(c) {
            let _ = write!(out, "' + [char]0x{:04X} + '", u32::from(c));
            continue;
        }
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    if special {
        out.push(')');
    }
    out
}

fn key(name: &str) -> String {
    let bare = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if bare {
        name.to_owned()
    } else {
        quote(name)
    }
}

fn literal(out: &mut Out<'_>, value: Node<'_>, depth: usize) {
    match JsonView::of(value) {
        JsonView::Null => out.push_str("$null"),
        JsonView::Bool(flag) => out.push_str(if flag { "$true" } else { "$false" }),
        JsonView::Number(number) => {
            let _ = write!(out, "{number}");
        }
        JsonView::String(text) => out.push_str(&quote(text)),
        JsonView::Array(items) => {
            out.push_str("@(\n");
            for item in &items {
                out.indent(INDENT, depth + 1);
                literal(out, item, depth + 1);
                out.push('\n');
            }
            out.indent(INDENT, depth);
            out.push(')');
        }
        JsonView::Object(object) => {
            out.push_str("@{\n");
            for (name, item) in object.unique() {
                out.indent(INDENT, depth + 1);
                let _ = write!(out, "{} = ", key(name));
                literal(out, item, depth + 1);
                out.push('\n');
            }
            out.indent(INDENT, depth);
            out.push('}');
        }
    }
}
