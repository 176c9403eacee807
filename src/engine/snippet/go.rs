//! Go, for `msgraph-sdk-go` / `msgraph-beta-sdk-go` (kiota): constructors and setters
//! taking pointers, one local per value, `map[string]interface{}` additional data.

use std::fmt::Write as _;

use crate::engine::validate::json_ast::Value as Node;

use super::{
    c_string, camel, error_comment, is_double, pascal, property_name, Class, JsonView, Locals, Model, Out, Request,
    Typed,
};
use crate::engine::model::ApiVersion;

pub(super) fn render(request: &Request<'_>, out: &mut Out<'_>) {
    let module = match request.api {
        ApiVersion::Beta => "github.com/microsoftgraph/msgraph-beta-sdk-go",
        ApiVersion::V1 => "github.com/microsoftgraph/msgraph-sdk-go",
    };
    error_comment(out, request, "//");
    out.push_str(
        "// Code snippets are only available for the latest major version. Current major version is $v1.*\n\n",
    );
    out.push_str("// Dependencies\nimport (\n\t\"context\"\n");
    let _ = writeln!(out, "\tmsgraphsdk \"{module}\"");
    let _ = writeln!(out, "\tgraphcommunications \"{module}/communications\"");
    let _ = writeln!(out, "\tgraphmodels \"{module}/models\"");
    out.push_str("\t//other-imports\n)\n\n");
    match &request.body {
        Some(body) => {
            Writer {
                out: &mut *out,
                names: Locals::default(),
            }
            .model(body, "requestBody");
        }
        None => out.push_str("requestBody := graphcommunications.NewCallsItemParticipantsInvitePostRequestBody()\n"),
    }
    out.push_str("\n// To initialize your graphClient, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=go\n");
    let _ = writeln!(
        out,
        "invite, err := graphClient.Communications().Calls().ByCallId({}).Participants().Invite().Post(context.Background(), requestBody, nil)",
        c_string(request.call_id)
    );
}

/// Writes each value's locals before the statement that uses them.
struct Writer<'o, 'w> {
    out: &'o mut Out<'w>,
    names: Locals,
}

impl Writer<'_, '_> {
    fn model(&mut self, model: &Model, hint: &str) -> String {
        let var = self.names.fresh(hint);
        match model.class {
            Class::Body => {
                let _ = writeln!(
                    self.out,
                    "{var} := graphcommunications.NewCallsItemParticipantsInvitePostRequestBody()"
                );
            }
            other => {
                let _ = writeln!(self.out, "{var} := graphmodels.New{}()", other.name());
            }
        }
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
                    let _ = writeln!(
                        self.out,
                        "{local} := graphmodels.{}_{}",
                        member.to_ascii_uppercase(),
                        ty.to_ascii_uppercase()
                    );
                    format!("&{local}")
                }
                Typed::Object(object) => self.model(object, property),
                Typed::List(items) => {
                    let hint = camel(Class::Participant.name());
                    let elements: Vec<String> = items.iter().map(|item| self.model(&item, &hint)).collect();
                    let list = self.names.fresh(name);
                    let class = Class::Participant.name();
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
        if model.has_additional() {
            let map = self.names.fresh("additionalData");
            let _ = writeln!(self.out, "{map} := map[string]interface{{}}{{");
            for (key, value) in model.additional() {
                let _ = write!(self.out, "\t{} : ", c_string(key));
                literal(self.out, value, 1);
                self.out.push_str(",\n");
            }
            self.out.push_str("}\n");
            let _ = writeln!(self.out, "{var}.SetAdditionalData({map})");
        }
        var
    }
}

/// A JSON value as a Go literal for additional data, written where it goes (each
/// level made as a string and copied into its parent's was depth times the work).
fn literal(out: &mut Out<'_>, value: Node<'_>, depth: usize) {
    match JsonView::of(value) {
        JsonView::Null => out.push_str("nil"),
        JsonView::Bool(flag) => out.push_str(if flag { "true" } else { "false" }),
        JsonView::Number(number) if is_double(&number) => {
            let _ = write!(out, "float64({number})");
        }
        JsonView::Number(number) => {
            let _ = write!(out, "int64({number})");
        }
        JsonView::String(text) => out.push_str(&c_string(text)),
        JsonView::Array(items) => {
            out.push_str("[]interface{}{\n");
            for item in &items {
                out.indent("\t", depth + 1);
                literal(out, item, depth + 1);
                out.push_str(",\n");
            }
            out.indent("\t", depth);
            out.push('}');
        }
        JsonView::Object(object) => {
            out.push_str("map[string]interface{}{\n");
            for (key, item) in object.unique() {
                out.indent("\t", depth + 1);
                let _ = write!(out, "{} : ", c_string(key));
                literal(out, item, depth + 1);
                out.push_str(",\n");
            }
            out.indent("\t", depth);
            out.push('}');
        }
    }
}
