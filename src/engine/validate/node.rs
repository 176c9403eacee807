//! Reading the positional JSON tree the validator walks: find a property, its kind and
//! range, and the checks every object shares (declared properties and their types,
//! `@odata.type`, enum members, GUIDs). Used by [`super::body`] and [`super::identity`].

use super::json_tree::{Object, ObjectProp, Value as Node};
use super::Sink;
use crate::engine::diagnostic::{JsonKind, Owner, Rule, Severity};
use crate::engine::model::{ApiVersion, EndpointType};
use crate::engine::pointer::JsonPointer;
use crate::engine::schema::{self, Property, PropertyType};

/// Where `table`'s properties are declared, for a type-mismatch's help: the invite's
/// parameters, a request type, or a received type's docs page (statics: one address
/// each).
fn owner(table: &[Property]) -> Owner {
    let request = [
        (schema::INVITATION_PARTICIPANT_INFO, "invitationParticipantInfo"),
        (schema::IDENTITY_SET_EXTRA, "identitySet"),
        (schema::IDENTITY_COMMON, "identity"),
    ];
    match request.into_iter().find(|(declared, _)| std::ptr::eq(*declared, table)) {
        Some((_, name)) => Owner::Request(name),
        None => schema::received::docs_name(table).map_or(Owner::Body, Owner::Received),
    }
}

/// Unknown properties, properties the version lacks, and JSON types, for one object.
/// `kinds` are extra declared keys (identity kinds on an identity set) checked elsewhere.
pub(super) fn check_properties(
    object: &Object<'_>,
    pointer: &JsonPointer,
    tables: &[&[Property]],
    kinds: &[&'static str],
    version: ApiVersion,
    sink: &mut Sink<'_>,
) {
    let declared = || tables.iter().flat_map(|table| table.iter());
    for prop in &object.properties {
        let name = prop.name.value;
        if kinds.contains(&name) {
            continue;
        }
        let Some(property) = declared().find(|property| property.name == name) else {
            sink.body_with(Severity::Warning, prop.name.range, |sink| {
                let names = declared().map(|property| property.name).chain(kinds.iter().copied());
                // The first table's address names the place (participant, identity set, …).
                let place = tables.first().map_or(0, |table| table.as_ptr() as usize);
                let suggestion = sink.suggestion(name, place, names);
                let rule = Rule::UnknownProperty {
                    property: name.to_owned(),
                    suggestion,
                    received: false,
                };
                (rule, pointer.key(name))
            });
            continue;
        };
        if !property.in_version(version) {
            sink.body_with(Severity::Warning, prop.name.range, |_| {
                let rule = Rule::PropertyNotInVersion {
                    property: name.to_owned(),
                    version,
                };
                (rule, pointer.key(name))
            });
        }
        if let Some(found) = type_mismatch(property.ty, &prop.value) {
            sink.body_with(Severity::Error, prop.value.range(), |_| {
                let rule = Rule::TypeMismatch {
                    property: name.to_owned(),
                    expected: property.ty,
                    found,
                    owner: tables.first().map_or(Owner::Body, |table| owner(table)),
                };
                (rule, pointer.key(name))
            });
        }
    }
}

/// The JSON type `value` has when it is not `ty`. `null` passes here: where a value is
/// required, the rule for that property says so.
fn type_mismatch(ty: PropertyType, value: &Node<'_>) -> Option<JsonKind> {
    let found = kind(value);
    let ok = match ty {
        PropertyType::NullableString => matches!(found, JsonKind::String | JsonKind::Null),
        PropertyType::NullableBoolean => matches!(found, JsonKind::Boolean | JsonKind::Null),
        PropertyType::Array => matches!(found, JsonKind::Array | JsonKind::Null),
        PropertyType::Object | PropertyType::NullableObject => matches!(found, JsonKind::Object | JsonKind::Null),
        PropertyType::ObjectOrArray => matches!(found, JsonKind::Object | JsonKind::Array | JsonKind::Null),
        PropertyType::Integer => match value {
            Node::NumberLit(number) => !number.value.contains(['.', 'e', 'E']),
            Node::NullKeyword(_) => true,
            _ => false,
        },
    };
    (!ok).then_some(found)
}

pub(super) fn check_odata_type(
    object: &Object<'_>,
    pointer: &JsonPointer,
    accepted: &'static [&'static str],
    sink: &mut Sink<'_>,
) {
    if let Some(ObjectProp {
        value: Node::StringLit(found),
        ..
    }) = object.get("@odata.type")
    {
        if !schema::odata_type_matches(found.value, accepted) {
            let rule = Rule::OdataTypeMismatch {
                found: found.value.to_string(),
                expected: accepted.to_vec(),
            };
            sink.body(rule, &pointer.key("@odata.type"), found.range);
        }
    }
}

/// `enum-value-unknown` on a string outside `allowed`; `docs` is the page that lists
/// them, for the help.
pub(super) fn check_enum(
    prop: &ObjectProp<'_>,
    pointer: &JsonPointer,
    allowed: &'static [&'static str],
    docs: &'static str,
    sink: &mut Sink<'_>,
) {
    if let Node::StringLit(value) = &prop.value {
        if !allowed.iter().any(|member| member.eq_ignore_ascii_case(value.value)) {
            let rule = Rule::EnumValueUnknown {
                property: prop.name.value.to_owned(),
                value: value.value.to_string(),
                allowed,
                docs,
            };
            sink.body(rule, pointer, value.range);
        }
    }
}

/// `enum-value-unknown` on an `endpointType` member of `object`, if it has one.
pub(super) fn check_endpoint_type(object: &Object<'_>, pointer: &JsonPointer, sink: &mut Sink<'_>) {
    if let Some(prop) = object.get("endpointType") {
        let at = pointer.key("endpointType");
        check_enum(&prop, &at, EndpointType::MEMBERS, "invitationParticipantInfo", sink);
    }
}

/// `guid-format` on a string property that should hold a GUID.
pub(super) fn check_guid(object: &Object<'_>, pointer: &JsonPointer, name: &str, sink: &mut Sink<'_>) {
    if let Some(ObjectProp {
        value: Node::StringLit(value),
        ..
    }) = object.get(name)
    {
        if !is_guid(value.value) {
            let rule = Rule::GuidFormat {
                property: name.to_owned(),
                value: value.value.to_string(),
            };
            sink.body(rule, &pointer.key(name), value.range);
        }
    }
}

/// `8-4-4-4-12` hexadecimal digits, either case, no braces.
pub fn is_guid(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(at, byte)| match at {
            8 | 13 | 18 | 23 => *byte == b'-',
            _ => byte.is_ascii_hexdigit(),
        })
}

/// A root that is a JSON string holding an object or a list: JSON encoded twice
/// (`JSON.stringify` or `json.dumps` of text that already was JSON), as logs and some
/// HTTP clients write it. Told by its shape, without reading it.
pub(super) fn encoded_twice(node: &Node<'_>) -> bool {
    let Node::StringLit(text) = node else {
        return false;
    };
    let text = text.value.trim();
    (text.starts_with('{') && text.ends_with('}')) || (text.starts_with('[') && text.ends_with(']'))
}

pub(super) fn kind(node: &Node<'_>) -> JsonKind {
    match node {
        Node::Object(_) => JsonKind::Object,
        Node::Array(_) => JsonKind::Array,
        Node::StringLit(_) => JsonKind::String,
        Node::NumberLit(_) => JsonKind::Number,
        Node::BooleanLit(_) => JsonKind::Boolean,
        Node::NullKeyword(_) => JsonKind::Null,
    }
}
