//! Java, for `com.microsoft.graph` / `com.microsoft.graph.beta` (kiota, v6): one local
//! per object, setters, `HashMap` additional data with `Untyped*` nodes for structures.

use std::fmt::Write as _;

use crate::engine::validate::json_ast::Value as Node;

use super::{
    c_string, camel, error_comment, is_double, pascal, property_name, Class, JsonView, Locals, Model, Out, Request,
    Typed,
};
use crate::engine::model::ApiVersion;

pub(super) fn render(request: &Request<'_>, out: &mut Out<'_>) {
    let root = match request.api {
        ApiVersion::Beta => "com.microsoft.graph.beta",
        ApiVersion::V1 => "com.microsoft.graph",
    };
    let body_class = format!("{root}.communications.calls.item.participants.invite.InvitePostRequestBody");
    error_comment(out, request, "//");
    out.push_str("// Code snippets are only available for the latest version. Current version is 6.x\n\n");
    let _ = writeln!(
        out,
        "GraphServiceClient graphClient = new GraphServiceClient(requestAdapter);\n"
    );
    match &request.body {
        Some(body) => {
            Writer {
                out: &mut *out,
                names: Locals::default(),
                body_class: &body_class,
            }
            .model(body, "invitePostRequestBody");
        }
        None => {
            let _ = writeln!(out, "{body_class} invitePostRequestBody = new {body_class}();");
        }
    }
    let _ = writeln!(
        out,
        "var result = graphClient.communications().calls().byCallId({}).participants().invite().post(invitePostRequestBody);",
        c_string(request.call_id)
    );
}

/// Writes each object's local before the statement that uses it.
struct Writer<'o, 'w, 'a> {
    out: &'o mut Out<'w>,
    names: Locals,
    body_class: &'a str,
}

impl Writer<'_, '_, '_> {
    fn fresh(&mut self, base: &str) -> String {
        self.names.fresh(base)
    }

    /// Declares `model` in a local called like `hint`; returns the local's name.
    fn model(&mut self, model: &Model, hint: &str) -> String {
        let var = self.fresh(hint);
        let class = match model.class {
            Class::Body => self.body_class.to_owned(),
            other => other.name().to_owned(),
        };
        let _ = writeln!(self.out, "{class} {var} = new {class}();");
        for (name, typed) in &model.props {
            let setter = format!("set{}", pascal(property_name(name)));
            let argument = match typed {
                Typed::Str(text) => c_string(text),
                Typed::Bool(flag) => flag.to_string(),
                Typed::Enum(ty, member) => format!("{ty}.{member}"),
                Typed::Object(object) => self.model(object, property_name(name)),
                Typed::List(items) => {
                    let list = self.fresh(name);
                    let class = Class::Participant.name();
                    let _ = writeln!(self.out, "LinkedList<{class}> {list} = new LinkedList<{class}>();");
                    let hint = camel(class);
                    for item in items.iter() {
                        let element = self.model(&item, &hint);
                        let _ = writeln!(self.out, "{list}.add({element});");
                    }
                    list
                }
            };
            let _ = writeln!(self.out, "{var}.{setter}({argument});");
        }
        if model.has_additional() {
            let map = self.fresh("additionalData");
            let _ = writeln!(
                self.out,
                "HashMap<String, Object> {map} = new HashMap<String, Object>();"
            );
            for (key, value) in model.additional() {
                let _ = write!(self.out, "{map}.put({}, ", c_string(key));
                plain(self.out, value, 0);
                self.out.push_str(");\n");
            }
            let _ = writeln!(self.out, "{var}.setAdditionalData({map});");
        }
        var
    }
}

/// How a structure's members are indented, one a line (as the SDKs' own samples write).
const INDENT: &str = "    ";

/// A top-level additional-data value: primitives as Java values, structures as nodes
/// whose members are indented `depth` deep.
fn plain(out: &mut Out<'_>, value: Node<'_>, depth: usize) {
    let _ = match JsonView::of(value) {
        JsonView::Null => write!(out, "null"),
        JsonView::Bool(flag) => write!(out, "{flag}"),
        JsonView::Number(number) if is_double(&number) => write!(out, "{number}d"),
        JsonView::Number(number) => write!(out, "{number}L"),
        JsonView::String(text) => write!(out, "{}", c_string(text)),
        _ => {
            node(out, value, depth);
            Ok(())
        }
    };
}

/// Any JSON value as a kiota `UntypedNode`, written where it goes (a node per element
/// made and joined was a string per element held at once: 65 times a large array); a
/// structure's members one a line, `depth + 1` deep, and its close at `depth`.
fn node(out: &mut Out<'_>, value: Node<'_>, depth: usize) {
    let _ = match JsonView::of(value) {
        JsonView::Null => write!(out, "new UntypedNull()"),
        JsonView::Bool(flag) => write!(out, "new UntypedBoolean({flag})"),
        JsonView::Number(number) if is_double(&number) => write!(out, "new UntypedDouble({number}d)"),
        JsonView::Number(number) => write!(out, "new UntypedLong({number}L)"),
        JsonView::String(text) => write!(out, "new UntypedString({})", c_string(text)),
        JsonView::Array(items) => {
            out.push_str("new UntypedArray(Arrays.asList(");
            for (n, item) in items.iter().enumerate() {
                out.push_str(if n > 0 { ",\n" } else { "\n" });
                out.indent(INDENT, depth + 1);
                node(out, item, depth + 1);
            }
            close(out, !items.is_empty(), depth);
            write!(out, "))")
        }
        JsonView::Object(object) => {
            out.push_str("new UntypedObject(new HashMap<String, UntypedNode>(Map.ofEntries(");
            let mut members = 0;
            for (key, item) in object.unique() {
                out.push_str(if members > 0 { ",\n" } else { "\n" });
                out.indent(INDENT, depth + 1);
                let _ = write!(out, "Map.entry({}, ", c_string(key));
                node(out, item, depth + 1);
                out.push(')');
                members += 1;
            }
            close(out, members > 0, depth);
            write!(out, ")))")
        }
    };
}

/// After a structure's last member, the line its close goes on (`depth` deep); an empty
/// one closes where it opened.
fn close(out: &mut Out<'_>, any: bool, depth: usize) {
    if any {
        out.push('\n');
        out.indent(INDENT, depth);
    }
}
