//! Go, for `msgraph-sdk-go` / `msgraph-beta-sdk-go` (kiota): constructors and setters
//! taking pointers, one local per value, `map[string]interface{}` additional data.

use std::fmt::Write as _;

use crate::engine::validate::json_ast::Value as Node;

use super::{c_string, camel, error_comment, pascal, property_name, Class, JsonView, Locals, Model, Request, Typed};
use crate::engine::model::ApiVersion;

pub(super) fn render(request: &Request<'_>) -> String {
    let module = match request.api {
        ApiVersion::Beta => "github.com/microsoftgraph/msgraph-beta-sdk-go",
        ApiVersion::V1 => "github.com/microsoftgraph/msgraph-sdk-go",
    };
    let mut out = error_comment(request, "//");
    out.push_str(
        "// Code snippets are only available for the latest major version. Current major version is $v1.*\n\n",
    );
    out.push_str("// Dependencies\nimport (\n\t\"context\"\n");
    let _ = writeln!(out, "\tmsgraphsdk \"{module}\"");
    let _ = writeln!(out, "\tgraphcommunications \"{module}/communications\"");
    let _ = writeln!(out, "\tgraphmodels \"{module}/models\"");
    out.push_str("\t//other-imports\n)\n\n");
    let mut writer = Writer::default();
    match &request.body {
        Some(body) => {
            writer.model(body, "requestBody");
        }
        None => writer
            .out
            .push_str("requestBody := graphcommunications.NewCallsItemParticipantsInvitePostRequestBody()\n"),
    }
    out.push_str(&writer.out);
    out.push_str("\n// To initialize your graphClient, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=go\n");
    let _ = writeln!(
        out,
        "invite, err := graphClient.Communications().Calls().ByCallId({}).Participants().Invite().Post(context.Background(), requestBody, nil)",
        c_string(request.call_id)
    );
    out
}

#[derive(Default)]
struct Writer {
    out: String,
    names: Locals,
}

impl Writer {
    fn model(&mut self, model: &Model, hint: &str) -> String {
        let var = self.names.fresh(hint);
        let constructor = match model.class {
            Class::Body => "graphcommunications.NewCallsItemParticipantsInvitePostRequestBody".to_owned(),
            other => format!("graphmodels.New{}", other.name()),
        };
        let _ = writeln!(self.out, "{var} := {constructor}()");
        for (name, typed) in &model.props {
            let property = property_name(name);
            let argument = match typed {
                Typed::Str(text) => {
                    let local = self.names.fresh(property);
                    let _ = writeln!(self.out, "{local} := {}", c_string(text));
                    format!("&{local}")
                }
                Typed::Bool(flag) => {
                    let local = self.names.fresh(property);
                    let _ = writeln!(self.out, "{local} := {flag}");
                    format!("&{local}")
                }
                Typed::Enum(ty, member) => {
                    let local = self.names.fresh(property);
                    let constant = format!("{}_{}", member.to_ascii_uppercase(), ty.to_ascii_uppercase());
                    let _ = writeln!(self.out, "{local} := graphmodels.{constant}");
                    format!("&{local}")
                }
                Typed::Object(object) => self.model(object, property),
                Typed::List(items) => {
                    let elements: Vec<String> = items
                        .iter()
                        .map(|item| self.model(item, &camel(item.class.name())))
                        .collect();
                    let list = self.names.fresh(name);
                    let class = items.first().map_or("InvitationParticipantInfo", |m| m.class.name());
                    let _ = write!(self.out, "\n{list} := []graphmodels.{class}able {{\n");
                    for element in elements {
                        let _ = writeln!(self.out, "\t{element},");
                    }
                    self.out.push_str("}\n");
                    list
                }
            };
            let _ = writeln!(self.out, "{var}.Set{}({argument})", pascal(property));
        }
        if !model.additional.is_empty() {
            let map = self.names.fresh("additionalData");
            let _ = writeln!(self.out, "{map} := map[string]interface{{}}{{");
            for &(key, value) in &model.additional {
                let _ = writeln!(self.out, "\t{} : {},", c_string(key), literal(value, 1));
            }
            self.out.push_str("}\n");
            let _ = writeln!(self.out, "{var}.SetAdditionalData({map})");
        }
        var
    }
}

/// A JSON value as a Go literal for additional data.
fn literal(value: Node<'_>, depth: usize) -> String {
    let outer = "\t".repeat(depth);
    match JsonView::of(value) {
        JsonView::Null => "nil".to_owned(),
        JsonView::Bool(flag) => flag.to_string(),
        JsonView::Number(number) if number.is_f64() => format!("float64({number})"),
        JsonView::Number(number) => format!("int64({number})"),
        JsonView::String(text) => c_string(text),
        JsonView::Array(items) => {
            let mut out = String::from("[]interface{}{\n");
            for item in &items {
                let _ = writeln!(out, "{outer}\t{},", literal(item, depth + 1));
            }
            out.push_str(&outer);
            out.push('}');
            out
        }
        JsonView::Object(object) => {
            let mut out = String::from("map[string]interface{}{\n");
            for (key, item) in object.unique() {
                let _ = writeln!(out, "{outer}\t{} : {},", c_string(key), literal(item, depth + 1));
            }
            out.push_str(&outer);
            out.push('}');
            out
        }
    }
}
