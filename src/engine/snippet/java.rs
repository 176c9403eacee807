//! Java, for `com.microsoft.graph` / `com.microsoft.graph.beta` (kiota, v6): one local
//! per object, setters, `HashMap` additional data with `Untyped*` nodes for structures.

use std::fmt::Write as _;

use serde_json::Value;

use super::{c_string, camel, error_comment, pascal, property_name, Class, Locals, Model, Request, Typed};
use crate::engine::model::ApiVersion;

pub(super) fn render(request: &Request<'_>) -> String {
    let root = match request.api {
        ApiVersion::Beta => "com.microsoft.graph.beta",
        ApiVersion::V1 => "com.microsoft.graph",
    };
    let body_class = format!("{root}.communications.calls.item.participants.invite.InvitePostRequestBody");
    let mut out = error_comment(request, "//");
    out.push_str("// Code snippets are only available for the latest version. Current version is 6.x\n\n");
    let _ = writeln!(
        out,
        "GraphServiceClient graphClient = new GraphServiceClient(requestAdapter);\n"
    );
    let mut writer = Writer {
        out: String::new(),
        names: Locals::default(),
        body_class: &body_class,
    };
    match &request.body {
        Some(body) => {
            writer.model(body, "invitePostRequestBody");
        }
        None => {
            let _ = writeln!(writer.out, "{body_class} invitePostRequestBody = new {body_class}();");
        }
    }
    out.push_str(&writer.out);
    let _ = writeln!(
        out,
        "var result = graphClient.communications().calls().byCallId({}).participants().invite().post(invitePostRequestBody);",
        c_string(request.call_id)
    );
    out
}

struct Writer<'a> {
    out: String,
    names: Locals,
    body_class: &'a str,
}

impl Writer<'_> {
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
                    let class = items.first().map_or("InvitationParticipantInfo", |m| m.class.name());
                    let _ = writeln!(self.out, "LinkedList<{class}> {list} = new LinkedList<{class}>();");
                    for item in items {
                        let element = self.model(item, &camel(item.class.name()));
                        let _ = writeln!(self.out, "{list}.add({element});");
                    }
                    list
                }
            };
            let _ = writeln!(self.out, "{var}.{setter}({argument});");
        }
        if !model.additional.is_empty() {
            let map = self.fresh("additionalData");
            let _ = writeln!(
                self.out,
                "HashMap<String, Object> {map} = new HashMap<String, Object>();"
            );
            for (key, value) in &model.additional {
                let value = plain(value);
                let _ = writeln!(self.out, "{map}.put({}, {value});", c_string(key));
            }
            let _ = writeln!(self.out, "{var}.setAdditionalData({map});");
        }
        var
    }
}

fn plain(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) if number.is_f64() => format!("{number}d"),
        Value::Number(number) => format!("{number}L"),
        Value::String(text) => c_string(text),
        _ => node(value),
    }
}

fn node(value: &Value) -> String {
    match value {
        Value::Null => "new UntypedNull()".to_owned(),
        Value::Bool(flag) => format!("new UntypedBoolean({flag})"),
        Value::Number(number) if number.is_f64() => format!("new UntypedDouble({number}d)"),
        Value::Number(number) => format!("new UntypedLong({number}L)"),
        Value::String(text) => format!("new UntypedString({})", c_string(text)),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(node).collect();
            format!("new UntypedArray(Arrays.asList({}))", items.join(", "))
        }
        Value::Object(object) => {
            let entries: Vec<String> = object
                .iter()
                .map(|(key, item)| format!("Map.entry({}, {})", c_string(key), node(item)))
                .collect();
            format!(
                "new UntypedObject(new HashMap<String, UntypedNode>(Map.ofEntries({})))",
                entries.join(", ")
            )
        }
    }
}
