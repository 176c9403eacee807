//! PHP, for `microsoft/msgraph-sdk` / `microsoft/msgraph-beta-sdk` (kiota): one variable
//! per object, setters, arrays for additional data. Strings are single-quoted, so `$`
//! in ids is never interpolated.

use std::fmt::Write as _;

use crate::engine::validate::json_ast::Value as Node;

use super::{
    camel, error_comment, escaped_in_code, pascal, property_name, Class, JsonView, Locals, Model, Out, Request, Typed,
};
use crate::engine::model::ApiVersion;

pub(super) fn render(request: &Request<'_>, out: &mut Out<'_>) {
    let root = match request.api {
        ApiVersion::Beta => "Microsoft\\Graph\\Beta",
        ApiVersion::V1 => "Microsoft\\Graph",
    };
    let mut classes = vec![Class::Body];
    let mut enums = false;
    if let Some(body) = &request.body {
        collect(body, &mut classes, &mut enums);
    }
    out.push_str("<?php\n");
    error_comment(out, request, "//");
    out.push_str("\n// THIS SNIPPET IS A PREVIEW VERSION OF THE SDK. NON-PRODUCTION USE ONLY\n");
    let _ = writeln!(out, "use {root}\\GraphServiceClient;");
    let _ = writeln!(
        out,
        "use {root}\\Generated\\Communications\\Calls\\Item\\Participants\\Invite\\InvitePostRequestBody;"
    );
    for class in classes.iter().filter(|class| **class != Class::Body) {
        let _ = writeln!(out, "use {root}\\Generated\\Models\\{};", class.name());
    }
    if enums {
        let _ = writeln!(out, "use {root}\\Generated\\Models\\EndpointType;");
    }
    out.push_str("\n\n$graphServiceClient = new GraphServiceClient($tokenRequestContext, $scopes);\n\n");
    match &request.body {
        Some(body) => {
            Writer {
                out: &mut *out,
                names: Locals::default(),
            }
            .model(body, "requestBody");
        }
        None => out.push_str("$requestBody = new InvitePostRequestBody();\n"),
    }
    let _ = write!(
        out,
        "\n$result = $graphServiceClient->communications()->calls()->byCallId({})->participants()->invite()->post($requestBody)->wait();\n",
        quote(request.call_id)
    );
}

fn collect(model: &Model, classes: &mut Vec<Class>, enums: &mut bool) {
    if !classes.contains(&model.class) {
        classes.push(model.class);
    }
    for (_, typed) in &model.props {
        match typed {
            Typed::Object(inner) => collect(inner, classes, enums),
            Typed::List(items) => items.iter().for_each(|item| collect(&item, classes, enums)),
            Typed::Enum(..) => *enums = true,
            _ => {}
        }
    }
}

/// A single-quoted PHP string (only `\` and `'` are escaped there), or a double-quoted
/// one when the text has a character written as an escape (`\u{…}`, PHP 7+; `\`, `"`
/// and `$` escaped too).
pub(super) fn quote(text: &str) -> String {
    if !text.chars().any(escaped_in_code) {
        return format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"));
    }
    let mut out = String::with_capacity(text.len() + 16);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' | '"' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if escaped_in_code(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes each object's variable before the statement that uses it.
struct Writer<'o, 'w> {
    out: &'o mut Out<'w>,
    names: Locals,
}

impl Writer<'_, '_> {
    fn model(&mut self, model: &Model, hint: &str) -> String {
        let var = self.names.fresh(hint);
        let _ = writeln!(self.out, "${var} = new {}();", model.class.name());
        for (name, typed) in &model.props {
            let property = property_name(name);
            let argument = match typed {
                Typed::Str(text) => quote(text),
                Typed::Bool(flag) => flag.to_string(),
                Typed::Enum(ty, member) => format!("new {ty}({})", quote(&camel(member))),
                Typed::Object(object) => format!("${}", self.model(object, &format!("{var}{}", pascal(property)))),
                Typed::List(items) => {
                    let list = self.names.fresh(&format!("{name}Array"));
                    let _ = writeln!(self.out, "${list} = [];");
                    let hint = format!("{name}{}", Class::Participant.name());
                    for item in items.iter() {
                        let element = self.model(&item, &hint);
                        let _ = writeln!(self.out, "${list} []= ${element};");
                    }
                    format!("${list}")
                }
            };
            let _ = writeln!(self.out, "${var}->set{}({argument});", pascal(property));
        }
        if model.has_additional() {
            let map = self.names.fresh("additionalData");
            let _ = write!(self.out, "${map} = ");
            array_literal(self.out, model.additional(), 0);
            self.out.push_str(";\n");
            let _ = writeln!(self.out, "${var}->setAdditionalData(${map});");
        }
        var
    }
}

/// A JSON value as a PHP literal (arrays for objects and lists), written where it goes
/// (each level made as a string and copied into its parent's was depth times the work).
fn literal(out: &mut Out<'_>, value: Node<'_>, depth: usize) {
    match JsonView::of(value) {
        JsonView::Null => out.push_str("null"),
        JsonView::Bool(flag) => out.push_str(if flag { "true" } else { "false" }),
        JsonView::Number(number) => {
            let _ = write!(out, "{number}");
        }
        JsonView::String(text) => out.push_str(&quote(text)),
        JsonView::Array(items) => {
            out.push_str("[\n");
            for item in &items {
                out.indent("\t", depth + 1);
                literal(out, item, depth + 1);
                out.push_str(",\n");
            }
            out.indent("\t", depth);
            out.push(']');
        }
        JsonView::Object(object) => array_literal(out, object.unique(), depth),
    }
}

/// An associative array of `entries` (an object's members, or a model's additional data).
fn array_literal<'v>(out: &mut Out<'_>, entries: impl Iterator<Item = (&'v str, Node<'v>)>, depth: usize) {
    out.push_str("[\n");
    for (key, item) in entries {
        out.indent("\t", depth + 1);
        let _ = write!(out, "{} => ", quote(key));
        literal(out, item, depth + 1);
        out.push_str(",\n");
    }
    out.indent("\t", depth);
    out.push(']');
}
