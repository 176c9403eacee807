//! JavaScript and TypeScript, for `@microsoft/microsoft-graph-client`: the body as an
//! object literal, sent with `client.api(path).version(…).post(body)`. (The kiota
//! JavaScript SDK publishes no communications package to npm, so this is the client a
//! JavaScript bot can install for this API.)

use std::fmt::Write as _;

use crate::engine::validate::json_ast::Value as Node;

use super::{c_string, error_comment, JsonView, Out, Request};

const INDENT: &str = "  ";

pub(super) fn render(request: &Request<'_>, typescript: bool, out: &mut Out<'_>) {
    error_comment(out, request, "//");
    if typescript {
        out.push_str("import { Client } from \"@microsoft/microsoft-graph-client\";\n\n");
    }
    out.push_str("const options = {\n  authProvider,\n};\n\n");
    if typescript {
        out.push_str("const client: Client = Client.init(options);\n\n");
        out.push_str("const participantsInvite: Record<string, unknown> = ");
    } else {
        out.push_str("const client = Client.init(options);\n\n");
        out.push_str("const participantsInvite = ");
    }
    match request.json {
        Some(json @ Node::Object(_)) => literal(out, json, 0),
        _ => out.push_str("{}"),
    }
    let path = format!("/communications/calls/{}/participants/invite", request.call_id);
    let _ = write!(
        out,
        ";\n\nawait client.api({})\n  .version({})\n  .post(participantsInvite);\n",
        c_string(&path),
        c_string(request.api.to_string().as_str())
    );
}

/// A key as JavaScript writes it: bare when it is an identifier, else quoted.
fn key(name: &str) -> String {
    let identifier = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if identifier {
        name.to_owned()
    } else {
        c_string(name)
    }
}

fn literal(out: &mut Out<'_>, value: Node<'_>, depth: usize) {
    match JsonView::of(value) {
        JsonView::Null => out.push_str("null"),
        JsonView::Bool(flag) => out.push_str(if flag { "true" } else { "false" }),
        JsonView::Number(number) => {
            let _ = write!(out, "{number}");
        }
        JsonView::String(text) => out.push_str(&c_string(text)),
        JsonView::Array(items) => {
            out.push_str("[\n");
            for item in &items {
                out.indent(INDENT, depth + 1);
                literal(out, item, depth + 1);
                out.push_str(",\n");
            }
            out.indent(INDENT, depth);
            out.push(']');
        }
        JsonView::Object(object) => {
            out.push_str("{\n");
            for (name, item) in object.unique() {
                out.indent(INDENT, depth + 1);
                let _ = write!(out, "{}: ", key(name));
                literal(out, item, depth + 1);
                out.push_str(",\n");
            }
            out.indent(INDENT, depth);
            out.push('}');
        }
    }
}
