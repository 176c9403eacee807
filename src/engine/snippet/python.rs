//! Python, for `msgraph-beta-sdk` / `msgraph-sdk` (kiota): dataclass keyword arguments,
//! snake_case attributes, `additional_data` dictionaries with the wire's camelCase keys.

use std::fmt::Write as _;

use crate::engine::validate::json_ast::Value as Node;

use super::{c_string, camel, error_comment, property_name, snake, Class, JsonView, Model, Out, Request, Typed};
use crate::engine::model::ApiVersion;

const INDENT: &str = "    ";

pub(super) fn render(request: &Request<'_>, out: &mut Out<'_>) {
    let root = match request.api {
        ApiVersion::Beta => "msgraph_beta",
        ApiVersion::V1 => "msgraph",
    };
    let mut classes = Vec::new();
    let mut enums = Vec::new();
    if let Some(body) = &request.body {
        collect(body, &mut classes, &mut enums);
    }
    error_comment(out, request, "#");
    let _ = writeln!(out, "from {root} import GraphServiceClient");
    let _ = writeln!(
        out,
        "from {root}.generated.communications.calls.item.participants.invite.invite_post_request_body import InvitePostRequestBody"
    );
    for class in classes.iter().filter(|class| **class != Class::Body) {
        let _ = writeln!(
            out,
            "from {root}.generated.models.{} import {}",
            snake(&camel(class.name())),
            class.name()
        );
    }
    for name in &enums {
        let _ = writeln!(
            out,
            "from {root}.generated.models.{} import {name}",
            snake(&camel(name))
        );
    }
    out.push_str("\n# To initialize your graph_client, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=python\n");
    out.push_str("graph_client = GraphServiceClient(credentials, scopes)\n\n");
    out.push_str("request_body = ");
    match &request.body {
        Some(body) => model(out, body, 0),
        None => out.push_str("InvitePostRequestBody()"),
    }
    let _ = write!(
        out,
        "\n\nresult = await graph_client.communications.calls.by_call_id({}).participants.invite.post(request_body)\n",
        c_string(request.call_id)
    );
}

fn collect(model: &Model, classes: &mut Vec<Class>, enums: &mut Vec<&'static str>) {
    if !classes.contains(&model.class) {
        classes.push(model.class);
    }
    for (_, typed) in &model.props {
        match typed {
            Typed::Object(inner) => collect(inner, classes, enums),
            Typed::List(items) => items.iter().for_each(|item| collect(&item, classes, enums)),
            Typed::Enum(name, _) if !enums.contains(name) => enums.push(name),
            _ => {}
        }
    }
}

fn model(out: &mut Out<'_>, model: &Model, depth: usize) {
    let inner = INDENT.repeat(depth + 1);
    let _ = writeln!(out, "{}(", model.class.name());
    for (name, typed) in &model.props {
        let _ = write!(out, "{inner}{} = ", snake(property_name(name)));
        match typed {
            Typed::Str(text) => out.push_str(&c_string(text)),
            Typed::Bool(flag) => out.push_str(if *flag { "True" } else { "False" }),
            Typed::Enum(ty, member) => {
                let _ = write!(out, "{ty}.{member}");
            }
            Typed::Object(object) => self::model(out, object, depth + 1),
            Typed::List(items) => {
                out.push_str("[\n");
                for item in items.iter() {
                    out.indent(INDENT, depth + 2);
                    self::model(out, &item, depth + 2);
                    out.push_str(",\n");
                }
                let _ = write!(out, "{inner}]");
            }
        }
        out.push_str(",\n");
    }
    if model.has_additional() {
        let _ = writeln!(out, "{inner}additional_data = {{");
        for (key, value) in model.additional() {
            out.indent(INDENT, depth + 2);
            let _ = write!(out, "{} : ", c_string(key));
            literal(out, value, depth + 2);
            out.push_str(",\n");
        }
        let _ = writeln!(out, "{inner}}},");
    }
    out.indent(INDENT, depth);
    out.push(')');
}

/// A JSON value as a Python literal (dict, list, str, int, float, bool, None).
fn literal(out: &mut Out<'_>, value: Node<'_>, depth: usize) {
    match JsonView::of(value) {
        JsonView::Null => out.push_str("None"),
        JsonView::Bool(flag) => out.push_str(if flag { "True" } else { "False" }),
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
            for (key, item) in object.unique() {
                out.indent(INDENT, depth + 1);
                let _ = write!(out, "{} : ", c_string(key));
                literal(out, item, depth + 1);
                out.push_str(",\n");
            }
            out.indent(INDENT, depth);
            out.push('}');
        }
    }
}
