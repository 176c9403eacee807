//! Composer edits applied to the request text as span splices, so the form and the
//! editor share one source of truth: the text, exactly as the user wrote it.
//!
//! An edit finds its place in the positioned JSON tree (`validate::tree`) and replaces
//! only the bytes of the value it changes, or inserts or removes only the member or
//! element it adds or drops. Everything else stays byte for byte: the HTTP head, the
//! layout, the key order, repeated keys, whitespace and line endings. New text is
//! indented like its neighbours (one line when the body is on one line).

use serde::Serialize;
use serde_json::ser::PrettyFormatter;
use serde_json::{json, Map, Value};

use crate::engine::input;
use crate::engine::model::IdentityKind;
use crate::engine::pointer::JsonPointer;
use crate::engine::validate::json_ast::{Array, Object, ObjectProp, Value as Node};
use crate::engine::validate::{to_value, tree};

/// One change the composer makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Sets (or with `None` removes) the value at a pointer, creating parent objects.
    Set {
        pointer: JsonPointer,
        value: Option<Value>,
    },
    /// Appends a participant with an empty `user` identity.
    AddParticipant,
    RemoveParticipant(usize),
    MoveParticipant {
        from: usize,
        to: usize,
    },
    /// Replaces participant `index`'s identity with one identity of `kind`, keeping its
    /// `id` and `displayName` when the old identity had them.
    SetIdentityKind {
        index: usize,
        kind: IdentityKind,
    },
}

/// Why an edit could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The body is not JSON yet; the editor must fix it first.
    BodyUnreadable,
    /// The body's shape does not hold the place the edit names.
    NoSuchPlace,
}

/// Applies `edit` to `text` (a JSON body or an HTTP message); returns the new text.
pub fn apply(text: &str, edit: &Edit) -> Result<String, EditError> {
    let split = input::split(text);
    if split.body.trim().is_empty() {
        // Nothing to splice into yet: start from the smallest invite body.
        let head = &text[..split.body_offset];
        let separator = if head.is_empty() || head.ends_with('\n') {
            ""
        } else {
            "\n\n"
        };
        let seeded = format!("{head}{separator}{{\n  \"participants\": []\n}}\n");
        return apply_to_body(&seeded, input::split(&seeded).body_offset, edit);
    }
    apply_to_body(text, split.body_offset, edit)
}

fn apply_to_body(text: &str, body_offset: usize, edit: &Edit) -> Result<String, EditError> {
    let body = &text[body_offset..];
    let root = tree(body).ok_or(EditError::BodyUnreadable)?;
    let splice = plan(body, &root.root(), edit)?;
    let mut out = String::with_capacity(text.len() + splice.text.len());
    out.push_str(&text[..body_offset + splice.start]);
    out.push_str(&splice.text);
    out.push_str(&text[body_offset + splice.end..]);
    Ok(out)
}

/// Bytes `start..end` of the body become `text`.
#[derive(Debug, PartialEq)]
struct Splice {
    start: usize,
    end: usize,
    text: String,
}

impl Splice {
    fn replace(start: usize, end: usize, text: String) -> Self {
        Splice { start, end, text }
    }

    fn insert(at: usize, text: String) -> Self {
        Splice::replace(at, at, text)
    }

    fn none() -> Self {
        Splice::insert(0, String::new())
    }
}

fn plan(body: &str, root: &Node<'_>, edit: &Edit) -> Result<Splice, EditError> {
    let layout = Layout::of(body);
    match edit {
        Edit::Set { pointer, value } => {
            let segments: Vec<String> = pointer.segments().collect();
            match value {
                Some(value) => set(body, &layout, root, &segments, value),
                None => Ok(remove_at(body, root, &segments).unwrap_or_else(Splice::none)),
            }
        }
        Edit::AddParticipant => {
            let participant = json!({
                "@odata.type": "#microsoft.graph.invitationParticipantInfo",
                "identity": {
                    "@odata.type": "#microsoft.graph.identitySet",
                    "user": { "@odata.type": "#microsoft.graph.identity", "id": "" }
                }
            });
            let root_object = root.as_object().ok_or(EditError::NoSuchPlace)?;
            match root_object.get("participants").map(|prop| prop.value) {
                Some(Node::Array(array)) => Ok(append_element(body, &layout, &array, &participant)),
                Some(other) => {
                    let range = range_of(other);
                    let multiline = spans_lines(body, 0, body.len());
                    let text = layout.value(&json!([participant]), indent_at(body, range.0), multiline);
                    Ok(Splice::replace(range.0, range.1, text))
                }
                None => Ok(insert_member(
                    body,
                    &layout,
                    root_object,
                    "participants",
                    &json!([participant]),
                )),
            }
        }
        Edit::RemoveParticipant(index) => {
            let array = participants(root)?;
            if *index >= array.elements.len() {
                return Err(EditError::NoSuchPlace);
            }
            let spans: Vec<(usize, usize)> = array.elements.iter().map(range_of).collect();
            let doomed: Vec<bool> = (0..spans.len()).map(|i| i == *index).collect();
            Ok(remove_items(body, &spans, &doomed))
        }
        Edit::MoveParticipant { from, to } => {
            let array = participants(root)?;
            let count = array.elements.len();
            if *from >= count || *to >= count {
                return Err(EditError::NoSuchPlace);
            }
            let spans: Vec<(usize, usize)> = array.elements.iter().map(range_of).collect();
            let mut order: Vec<usize> = (0..count).collect();
            let moved = order.remove(*from);
            order.insert(*to, moved);
            // The elements trade places; the separators between them stay where they are.
            let mut text = String::new();
            for (slot, element) in order.iter().enumerate() {
                text.push_str(&body[spans[*element].0..spans[*element].1]);
                if slot + 1 < count {
                    text.push_str(&body[spans[slot].1..spans[slot + 1].0]);
                }
            }
            Ok(Splice::replace(spans[0].0, spans[count - 1].1, text))
        }
        Edit::SetIdentityKind { index, kind } => {
            let participant = participants(root)?
                .elements
                .get(*index)
                .and_then(|element| element.as_object().copied())
                .ok_or(EditError::NoSuchPlace)?;
            let old = match participant.get("identity").map(|prop| to_value(&prop.value)) {
                Some(Value::Object(old)) => old,
                _ => Map::new(),
            };
            let identity = Value::Object(retyped_identity(&old, *kind));
            let pointer = [String::from("identity")];
            set(body, &layout, &Node::Object(participant), &pointer, &identity)
        }
    }
}

/// The participant's new identity set: one identity of `kind`, keeping the old
/// identity's `displayName`, and its `id` when both hold the same sort of id.
fn retyped_identity(old: &Map<String, Value>, kind: IdentityKind) -> Map<String, Value> {
    let previous = IdentityKind::ALL
        .iter()
        .find_map(|k| old.get(k.key()).and_then(Value::as_object))
        .cloned()
        .unwrap_or_default();
    let mut identity = Map::new();
    identity.insert("@odata.type".into(), json!("#microsoft.graph.identity"));
    // A phone number is not an object id and the other way round: keep the id only
    // between kinds that hold the same sort of id.
    let was_phone = old.get("phone").is_some_and(Value::is_object);
    let id = (was_phone == (kind == IdentityKind::Phone))
        .then(|| previous.get("id").cloned())
        .flatten()
        .unwrap_or(json!(""));
    identity.insert("id".into(), id);
    if let Some(name) = previous.get("displayName") {
        identity.insert("displayName".into(), name.clone());
    }
    let odata = old
        .get("@odata.type")
        .cloned()
        .unwrap_or(json!("#microsoft.graph.identitySet"));
    let mut set = Map::new();
    set.insert("@odata.type".into(), odata);
    set.insert(kind.key().into(), Value::Object(identity));
    set
}

/// Sets the value at `segments` under `node`: replaces the value that is there, or
/// inserts the first missing member with the rest of the path as nested objects.
fn set(body: &str, layout: &Layout, node: &Node<'_>, segments: &[String], value: &Value) -> Result<Splice, EditError> {
    let Some((first, rest)) = segments.split_first() else {
        // A scalar stays on one line; a new object or array is laid out like the body.
        let (start, end) = range_of(*node);
        let multiline = (value.is_object() || value.is_array()) && spans_lines(body, 0, body.len());
        return Ok(Splice::replace(
            start,
            end,
            layout.value(value, indent_at(body, start), multiline),
        ));
    };
    match node {
        Node::Object(object) => match object.get(first) {
            Some(prop) => set(body, layout, &prop.value, rest, value),
            None => Ok(insert_member(body, layout, object, first, &nested(rest, value))),
        },
        Node::Array(array) => {
            let element = first
                .parse::<usize>()
                .ok()
                .and_then(|index| array.elements.get(index))
                .ok_or(EditError::NoSuchPlace)?;
            set(body, layout, &element, rest, value)
        }
        // A `null` on the way becomes the object the path needs.
        Node::NullKeyword(null) => {
            let multiline = spans_lines(body, 0, body.len());
            let text = layout.value(&nested(segments, value), indent_at(body, null.range.start), multiline);
            Ok(Splice::replace(null.range.start, null.range.end, text))
        }
        _ => Err(EditError::NoSuchPlace),
    }
}

/// `{"a": {"b": value}}` for the path `a/b`.
fn nested(segments: &[String], value: &Value) -> Value {
    segments.iter().rev().fold(value.clone(), |inner, segment| {
        let mut object = Map::new();
        object.insert(segment.clone(), inner);
        Value::Object(object)
    })
}

/// Removes every member called like the last segment (a repeated key would otherwise
/// come back); `None` when the path is not there.
fn remove_at(body: &str, node: &Node<'_>, segments: &[String]) -> Option<Splice> {
    let (first, rest) = segments.split_first()?;
    match node {
        Node::Object(object) if rest.is_empty() => {
            let spans: Vec<(usize, usize)> = object.properties.iter().map(|p| (p.range.start, p.range.end)).collect();
            let doomed: Vec<bool> = object.properties.iter().map(|p| p.name.value == first).collect();
            doomed.contains(&true).then(|| remove_items(body, &spans, &doomed))
        }
        Node::Object(object) => remove_at(body, &object.get(first)?.value, rest),
        Node::Array(array) => {
            let index = first.parse::<usize>().ok()?;
            let element = array.elements.get(index)?;
            if !rest.is_empty() {
                return remove_at(body, &element, rest);
            }
            let spans: Vec<(usize, usize)> = array.elements.iter().map(range_of).collect();
            let doomed: Vec<bool> = (0..spans.len()).map(|i| i == index).collect();
            Some(remove_items(body, &spans, &doomed))
        }
        _ => None,
    }
}

/// Drops the `doomed` items of a container whose items sit at `spans`: the survivors
/// keep their text and, between two of them, the separator that followed the first.
fn remove_items(body: &str, spans: &[(usize, usize)], doomed: &[bool]) -> Splice {
    let survivors: Vec<usize> = (0..spans.len()).filter(|&i| !doomed[i]).collect();
    let mut text = String::new();
    for (n, &item) in survivors.iter().enumerate() {
        text.push_str(&body[spans[item].0..spans[item].1]);
        if n + 1 < survivors.len() {
            text.push_str(&body[spans[item].1..spans[item + 1].0]);
        }
    }
    Splice::replace(spans[0].0, spans[spans.len() - 1].1, text)
}

/// Inserts `"key": value` as the object's last member.
fn insert_member(body: &str, layout: &Layout, object: &Object<'_>, key: &str, value: &Value) -> Splice {
    let key_text = serde_json::to_string(key).unwrap_or_default();
    let (open, close) = (object.range.start, object.range.end);
    let spans: Vec<(usize, usize)> = object.properties.iter().map(|p| (p.range.start, p.range.end)).collect();
    // An empty `{}` is laid out like the body; a non-empty object like itself.
    let multiline = if spans.is_empty() {
        spans_lines(body, 0, body.len())
    } else {
        spans_lines(body, open, close)
    };
    match spans.last() {
        Some(last) => {
            let indent = indent_at(body, last.0);
            let member = format!("{key_text}: {}", layout.value(value, indent, multiline));
            Splice::insert(last.1, format!(",{}{member}", layout.gap(body, open, &spans)))
        }
        None => Splice::replace(
            open,
            close,
            wrap(body, layout, open, close, '{', '}', |inner| {
                format!("{key_text}: {}", layout.value(value, inner, multiline))
            }),
        ),
    }
}

/// Appends `value` to an array, after its last element.
fn append_element(body: &str, layout: &Layout, array: &Array<'_>, value: &Value) -> Splice {
    let (open, close) = (array.range.start, array.range.end);
    let spans: Vec<(usize, usize)> = array.elements.iter().map(range_of).collect();
    let multiline = if spans.is_empty() {
        spans_lines(body, 0, body.len())
    } else {
        spans_lines(body, open, close)
    };
    match spans.last() {
        Some(last) => {
            let indent = indent_at(body, last.0);
            let element = layout.value(value, indent, multiline);
            Splice::insert(last.1, format!(",{}{element}", layout.gap(body, open, &spans)))
        }
        None => Splice::replace(
            open,
            close,
            wrap(body, layout, open, close, '[', ']', |inner| {
                layout.value(value, inner, multiline)
            }),
        ),
    }
}

/// An empty container at `open..close` holding one item: on its own indented line when
/// the body spans lines, else inline.
fn wrap(
    body: &str,
    layout: &Layout,
    open: usize,
    close: usize,
    left: char,
    right: char,
    item: impl Fn(&str) -> String,
) -> String {
    if !spans_lines(body, 0, body.len()) {
        return format!("{left}{}{right}", item(""));
    }
    let _ = close;
    let outer = indent_at(body, open);
    let inner = format!("{outer}{}", layout.unit);
    let newline = layout.newline;
    format!("{left}{newline}{inner}{}{newline}{outer}{right}", item(&inner))
}

/// How the body is laid out, so new text looks like the text around it.
struct Layout {
    /// `\r\n` when the body uses it, else `\n`.
    newline: &'static str,
    /// One level of indentation (two spaces unless the body says otherwise).
    unit: String,
}

impl Layout {
    fn of(body: &str) -> Self {
        let newline = if body.contains("\r\n") { "\r\n" } else { "\n" };
        let unit = body
            .trim()
            .lines()
            .skip(1)
            .map(|line| &line[..line.len() - line.trim_start_matches([' ', '\t']).len()])
            .find(|indent| !indent.is_empty())
            .unwrap_or("  ")
            .to_owned();
        Layout { newline, unit }
    }

    /// `value` as JSON text: on one line when `multiline` is false, else pretty in the
    /// body's indentation unit with every line after the first indented by `indent`.
    fn value(&self, value: &Value, indent: &str, multiline: bool) -> String {
        if !multiline {
            return serde_json::to_string(value).unwrap_or_default();
        }
        let mut out = Vec::new();
        let formatter = PrettyFormatter::with_indent(self.unit.as_bytes());
        let _ = value.serialize(&mut serde_json::Serializer::with_formatter(&mut out, formatter));
        let pretty = String::from_utf8(out).unwrap_or_default();
        pretty.replace('\n', &format!("{}{indent}", self.newline))
    }

    /// The gap before a new item after `last` in a container opened at `open`: the
    /// separator the container already uses after its comma, else a line break when
    /// the container spans lines, else a space.
    fn gap(&self, body: &str, open: usize, spans: &[(usize, usize)]) -> String {
        if let [.., previous, last] = spans {
            let separator = &body[previous.1..last.0];
            let after_comma = separator.split_once(',').map_or(separator, |(_, after)| after);
            return after_comma.to_owned();
        }
        match spans.first() {
            Some(first) if body[open..first.0].contains('\n') => {
                format!("{}{}", self.newline, indent_at(body, first.0))
            }
            _ => " ".to_owned(),
        }
    }
}

/// Whether bytes `open..close` of the body span more than one line.
fn spans_lines(body: &str, open: usize, close: usize) -> bool {
    body[open..close].contains('\n')
}

/// The whitespace that starts the line holding byte `at`.
fn indent_at(body: &str, at: usize) -> &str {
    let line_start = body[..at].rfind('\n').map_or(0, |newline| newline + 1);
    let line = &body[line_start..at];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

fn participants<'t>(root: &Node<'t>) -> Result<Array<'t>, EditError> {
    match root.as_object().and_then(|object| object.get("participants")) {
        Some(ObjectProp {
            value: Node::Array(array),
            ..
        }) => Ok(array),
        _ => Err(EditError::NoSuchPlace),
    }
}

fn range_of(node: Node<'_>) -> (usize, usize) {
    let range = node.range();
    (range.start, range.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Value {
        serde_json::from_str(input::split(text).body).unwrap()
    }

    fn set(text: &str, pointer: JsonPointer, value: Value) -> String {
        apply(
            text,
            &Edit::Set {
                pointer,
                value: Some(value),
            },
        )
        .unwrap()
    }

    fn user_id(index: usize) -> JsonPointer {
        JsonPointer::root()
            .key("participants")
            .index(index)
            .key("identity")
            .key("user")
            .key("id")
    }

    #[test]
    fn an_edit_keeps_the_http_head() {
        let text =
            "POST /communications/calls/1/participants/invite\nContent-Type: application/json\n\n{\"participants\":[]}";
        let pointer = JsonPointer::root().key("clientContext");
        let out = set(text, pointer, json!("abc"));
        assert!(
            out.starts_with("POST /communications/calls/1/participants/invite\nContent-Type: application/json\n\n{")
        );
        assert_eq!(body(&out)["clientContext"], "abc");
    }

    /// A body pasted from a log: odd spacing, CRLF, a repeated key, keys out of order.
    const ODD: &str = "{ \"clientContext\":\"a\" ,\r\n\t\"participants\" : [ {\"identity\":{ \"user\" : {\"id\":\"old\",  \"id\":\"42\"} } } ],\r\n\t\"zeta\":1 }";

    #[test]
    fn a_form_edit_replaces_only_the_value_it_changes() {
        let out = set(ODD, user_id(0), json!("new"));
        // Only the last `id` (the one that counts) changed; every other byte is kept.
        assert_eq!(out, ODD.replace("\"id\":\"42\"", "\"id\":\"new\""));
        let out = set(ODD, JsonPointer::root().key("clientContext"), json!("b\"c"));
        assert_eq!(
            out,
            ODD.replace("\"clientContext\":\"a\"", "\"clientContext\":\"b\\\"c\"")
        );
    }

    #[test]
    fn a_new_member_is_inserted_after_the_last_one_and_nothing_else_moves() {
        let out = set(
            ODD,
            JsonPointer::root().key("participants").index(0).key("hidden"),
            json!(true),
        );
        let expected = ODD.replace("} } } ]", "} }, \"hidden\": true } ]");
        assert_eq!(out, expected);
        assert_eq!(body(&out)["participants"][0]["hidden"], true);
    }

    #[test]
    fn removing_a_member_takes_its_comma_and_every_repeat() {
        let out = apply(
            ODD,
            &Edit::Set {
                pointer: user_id(0),
                value: None,
            },
        )
        .unwrap();
        assert_eq!(body(&out)["participants"][0]["identity"]["user"], json!({}));
        assert!(out.starts_with("{ \"clientContext\":\"a\" ,\r\n\t\"participants\""));
        let out = apply(
            ODD,
            &Edit::Set {
                pointer: JsonPointer::root().key("zeta"),
                value: None,
            },
        )
        .unwrap();
        assert_eq!(out, ODD.replace(",\r\n\t\"zeta\":1", ""));
        // Removing what is not there changes nothing.
        let missing = Edit::Set {
            pointer: JsonPointer::root().key("nope").key("deeper"),
            value: None,
        };
        assert_eq!(apply(ODD, &missing).unwrap(), ODD);
    }

    #[test]
    fn new_text_is_indented_like_its_neighbours() {
        let pretty = "{\n    \"participants\": [\n        {\n            \"identity\": {}\n        }\n    ]\n}\n";
        let out = set(pretty, JsonPointer::root().key("clientContext"), json!({"a": 1}));
        assert_eq!(
            out,
            "{\n    \"participants\": [\n        {\n            \"identity\": {}\n        }\n    ],\n    \"clientContext\": {\n        \"a\": 1\n    }\n}\n"
        );
        let out = set(pretty, user_id(0), json!("x"));
        assert!(out.contains("\"identity\": {\n                \"user\": {\n                    \"id\": \"x\"\n                }\n            }"), "{out}");
    }

    #[test]
    fn participants_are_added_moved_removed_and_retyped() {
        let mut text = "{}".to_owned();
        text = apply(&text, &Edit::AddParticipant).unwrap();
        text = apply(&text, &Edit::AddParticipant).unwrap();
        text = set(&text, user_id(1), json!("second"));
        text = apply(&text, &Edit::MoveParticipant { from: 1, to: 0 }).unwrap();
        assert_eq!(body(&text)["participants"][0]["identity"]["user"]["id"], "second");
        text = apply(
            &text,
            &Edit::SetIdentityKind {
                index: 0,
                kind: IdentityKind::Application,
            },
        )
        .unwrap();
        assert_eq!(
            body(&text)["participants"][0]["identity"]["application"]["id"],
            "second"
        );
        text = apply(
            &text,
            &Edit::SetIdentityKind {
                index: 0,
                kind: IdentityKind::Phone,
            },
        )
        .unwrap();
        assert_eq!(body(&text)["participants"][0]["identity"]["phone"]["id"], "");
        text = apply(&text, &Edit::RemoveParticipant(1)).unwrap();
        assert_eq!(body(&text)["participants"].as_array().unwrap().len(), 1);
        text = apply(&text, &Edit::RemoveParticipant(0)).unwrap();
        assert_eq!(body(&text)["participants"], json!([]));
        assert_eq!(apply(&text, &Edit::RemoveParticipant(5)), Err(EditError::NoSuchPlace));
    }

    #[test]
    fn moving_keeps_the_separators_and_the_elements_verbatim() {
        let text = "{\"participants\": [ {\"a\":1},\n  {\"b\" : 2} ,{\"c\":3}]}";
        let out = apply(text, &Edit::MoveParticipant { from: 2, to: 0 }).unwrap();
        assert_eq!(out, "{\"participants\": [ {\"c\":3},\n  {\"a\":1} ,{\"b\" : 2}]}");
    }

    #[test]
    fn a_null_on_the_way_becomes_an_object() {
        let text = "{\"participants\": [{\"identity\": null}]}";
        let out = set(text, user_id(0), json!("x"));
        assert_eq!(out, "{\"participants\": [{\"identity\": {\"user\":{\"id\":\"x\"}}}]}");
    }

    #[test]
    fn an_empty_body_gets_one_to_edit() {
        let out = apply("POST /x\nContent-Type: application/json", &Edit::AddParticipant).unwrap();
        assert!(out.starts_with("POST /x\nContent-Type: application/json\n\n{"));
        assert_eq!(body(&out)["participants"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn an_unreadable_body_is_left_alone() {
        assert_eq!(
            apply("{\"participants\": [", &Edit::AddParticipant),
            Err(EditError::BodyUnreadable)
        );
    }
}
