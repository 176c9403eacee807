//! C#, for `Microsoft.Graph` / `Microsoft.Graph.Beta` (kiota, v5): object initializers,
//! PascalCase properties, `AdditionalData` with plain values or `Untyped*` nodes.

use std::fmt::Write as _;

use crate::engine::validate::json_ast::Value as Node;

use super::{c_string, error_comment, is_double, pascal, property_name, Class, JsonView, Model, Out, Request, Typed};
use crate::engine::model::ApiVersion;

const INDENT: &str = "\t";

pub(super) fn render(request: &Request<'_>, out: &mut Out<'_>) {
    let root = match request.api {
        ApiVersion::Beta => "Microsoft.Graph.Beta",
        ApiVersion::V1 => "Microsoft.Graph",
    };
    let untyped = request.body.as_ref().is_some_and(needs_untyped);
    error_comment(out, request, "//");
    out.push_str("// Code snippets are only available for the latest version. Current version is 5.x\n\n");
    out.push_str("// Dependencies\n");
    let _ = writeln!(out, "using {root}.Communications.Calls.Item.Participants.Invite;");
    let _ = writeln!(out, "using {root}.Models;");
    if untyped {
        out.push_str("using Microsoft.Kiota.Abstractions.Serialization;\n");
    }
    out.push_str("\nvar requestBody = ");
    match &request.body {
        Some(body) => model(out, body, 0),
        None => out.push_str("new InvitePostRequestBody\n{\n}"),
    }
    out.push_str(";\n\n// To initialize your graphClient, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=csharp\n");
    let _ = writeln!(
        out,
        "var result = await graphClient.Communications.Calls[{}].Participants.Invite.PostAsync(requestBody);",
        c_string(request.call_id)
    );
}

fn needs_untyped(model: &Model) -> bool {
    model
        .additional()
        .any(|(_, value)| matches!(value, Node::Object(_) | Node::Array(_)))
        || model.props.iter().any(|(_, typed)| match typed {
            Typed::Object(inner) => needs_untyped(inner),
            Typed::List(items) => items.iter().any(|item| needs_untyped(&item)),
            _ => false,
        })
}

fn model(out: &mut Out<'_>, model: &Model, depth: usize) {
    let (outer, inner) = (INDENT.repeat(depth), INDENT.repeat(depth + 1));
    let _ = write!(out, "new {}\n{outer}{{\n", model.class.name());
    for (name, typed) in &model.props {
        let _ = write!(out, "{inner}{} = ", pascal(property_name(name)));
        match typed {
            Typed::Str(text) => out.push_str(&c_string(text)),
            Typed::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
            Typed::Enum(ty, member) => {
                let _ = write!(out, "{ty}.{member}");
            }
            Typed::Object(object) => self::model(out, object, depth + 1),
            Typed::List(items) => {
                let _ = write!(out, "new List<{}>\n{inner}{{\n", Class::Participant.name());
                for item in items.iter() {
                    out.indent(INDENT, depth + 2);
                    self::model(out, &item, depth + 2);
                    out.push_str(",\n");
                }
                let _ = write!(out, "{inner}}}");
            }
        }
        out.push_str(",\n");
    }
    if model.has_additional() {
        let _ = write!(
            out,
            "{inner}AdditionalData = new Dictionary<string, object>\n{inner}{{\n"
        );
        for (key, value) in model.additional() {
            let item = INDENT.repeat(depth + 2);
            let _ = write!(out, "{item}{{\n{item}\t{} , ", c_string(key));
            plain(out, value, depth + 3);
            let _ = write!(out, "\n{item}}},\n");
        }
        let _ = writeln!(out, "{inner}}},");
    }
    let _ = write!(out, "{outer}}}");
}

/// A top-level additional-data value: primitives as C# values, structures as nodes.
fn plain(out: &mut Out<'_>, value: Node<'_>, depth: usize) {
    match JsonView::of(value) {
        JsonView::Null => out.push_str("null"),
        JsonView::Bool(flag) => out.push_str(if flag { "true" } else { "false" }),
        JsonView::Number(number) if is_double(&number) => {
            let _ = write!(out, "{number}d");
        }
        JsonView::Number(number) => {
            let _ = write!(out, "{number}L");
        }
        JsonView::String(text) => out.push_str(&c_string(text)),
        _ => node(out, value, depth),
    }
}

/// Any JSON value as a kiota `UntypedNode`.
fn node(out: &mut Out<'_>, value: Node<'_>, depth: usize) {
    match JsonView::of(value) {
        JsonView::Null => out.push_str("new UntypedNull()"),
        JsonView::Bool(flag) => {
            let _ = write!(out, "new UntypedBoolean({flag})");
        }
        JsonView::Number(number) if is_double(&number) => {
            let _ = write!(out, "new UntypedDouble({number}d)");
        }
        JsonView::Number(number) => {
            let _ = write!(out, "new UntypedLong({number}L)");
        }
        JsonView::String(text) => {
            let _ = write!(out, "new UntypedString({})", c_string(text));
        }
        JsonView::Array(items) => {
            out.push_str("new UntypedArray(new List<UntypedNode>\n");
            out.indent(INDENT, depth);
            out.push_str("{\n");
            for item in &items {
                out.indent(INDENT, depth + 1);
                node(out, item, depth + 1);
                out.push_str(",\n");
            }
            out.indent(INDENT, depth);
            out.push_str("})");
        }
        JsonView::Object(object) => {
            out.push_str("new UntypedObject(new Dictionary<string, UntypedNode>\n");
            out.indent(INDENT, depth);
            out.push_str("{\n");
            for (key, item) in object.unique() {
                out.indent(INDENT, depth + 1);
                out.push_str("{\n");
                out.indent(INDENT, depth + 2);
                let _ = write!(out, "{}, ", c_string(key));
                node(out, item, depth + 2);
                out.push('\n');
                out.indent(INDENT, depth + 1);
                out.push_str("},\n");
            }
            out.indent(INDENT, depth);
            out.push_str("})");
        }
    }
}
