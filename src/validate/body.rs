//! Rules for the invite body: the root object, `participants`, each participant, and
//! `clientContext`. Identity sets are checked by [`super::identity`].

use std::collections::HashMap;

use jsonc_parser::ast::{Object, ObjectProp, Value as Node};
use jsonc_parser::common::Range;

use super::identity::{self, InvitedIdentity};
use super::syntax::name_range;
use super::Sink;
use crate::diagnostic::{ApiVersion, JsonKind, Rule};
use crate::model::{EndpointType, IdentityKind};
use crate::pointer::JsonPointer;
use crate::schema::{self, Property, PropertyType};

/// The most participants one request may invite (docs: Example 2, note).
pub const MAX_PARTICIPANTS: usize = 5;

/// The longest `clientContext`, in Unicode scalar values (docs: Request body).
pub const MAX_CLIENT_CONTEXT: usize = 256;

/// What the call-context rules need to know about a body that was read.
#[derive(Debug, Default)]
pub(super) struct BodyFacts {
    /// `/participants` and its range, when it is an array.
    pub participants: Option<Range>,
    pub participant_count: usize,
    /// Every `phone` identity being invited, with its place.
    pub phones: Vec<(JsonPointer, Range)>,
}

pub(super) fn check(root: &Node<'_>, version: ApiVersion, sink: &mut Sink<'_>) -> BodyFacts {
    let pointer = JsonPointer::root();
    let Node::Object(object) = root else {
        sink.body(Rule::BodyNotObject { found: kind(root) }, &pointer, range(root));
        return BodyFacts::default();
    };
    check_properties(object, &pointer, &[schema::INVITE_BODY], &[], version, sink);
    check_client_context(object, &pointer, sink);

    let mut facts = BodyFacts::default();
    let participants_pointer = pointer.key("participants");
    match get(object, "participants").map(|prop| &prop.value) {
        None => sink.body(Rule::ParticipantsMissing, &pointer, object.range),
        Some(Node::NullKeyword(null)) => sink.body(Rule::ParticipantsMissing, &participants_pointer, null.range),
        Some(Node::Array(array)) => {
            facts.participants = Some(array.range);
            facts.participant_count = array.elements.len();
            if array.elements.is_empty() {
                sink.body(Rule::ParticipantsEmpty, &participants_pointer, array.range);
            } else if array.elements.len() > MAX_PARTICIPANTS {
                sink.body(
                    Rule::ParticipantsTooMany {
                        count: array.elements.len(),
                    },
                    &participants_pointer,
                    array.range,
                );
            }
            check_participants(
                &array.elements,
                &participants_pointer,
                array.range,
                version,
                sink,
                &mut facts,
            );
        }
        // A wrong type was reported by `check_properties`.
        Some(_) => {}
    }
    facts
}

fn check_client_context(object: &Object<'_>, pointer: &JsonPointer, sink: &mut Sink<'_>) {
    match get(object, "clientContext") {
        None => sink.body(Rule::ClientContextMissing, pointer, object.range),
        Some(ObjectProp {
            value: Node::NullKeyword(null),
            ..
        }) => sink.body(Rule::ClientContextMissing, &pointer.key("clientContext"), null.range),
        Some(ObjectProp {
            value: Node::StringLit(text),
            ..
        }) => {
            let length = text.value.chars().count();
            if length > MAX_CLIENT_CONTEXT {
                sink.body(
                    Rule::ClientContextTooLong { length },
                    &pointer.key("clientContext"),
                    text.range,
                );
            }
        }
        Some(_) => {}
    }
}

fn check_participants(
    elements: &[Node<'_>],
    pointer: &JsonPointer,
    array_range: Range,
    version: ApiVersion,
    sink: &mut Sink<'_>,
    facts: &mut BodyFacts,
) {
    let mut invited: Vec<(usize, InvitedIdentity<'_>)> = Vec::new();
    let mut replacing = Vec::new();
    for (index, element) in elements.iter().enumerate() {
        let pointer = pointer.index(index);
        let Node::Object(participant) = element else {
            let property = format!("participants[{index}]");
            let rule = Rule::TypeMismatch {
                property,
                expected: PropertyType::Object,
                found: kind(element),
            };
            sink.body(rule, &pointer, range(element));
            continue;
        };
        check_properties(
            participant,
            &pointer,
            &[schema::INVITATION_PARTICIPANT_INFO],
            &[],
            version,
            sink,
        );
        check_odata_type(participant, &pointer, schema::ODATA_PARTICIPANT, sink);
        for name in ["replacesCallId", "participantId"] {
            check_guid(participant, &pointer, name, sink);
        }
        if let Some(prop) = get(participant, "endpointType") {
            check_enum(prop, &pointer.key("endpointType"), EndpointType::MEMBERS, sink);
        }
        if let Some(ObjectProp {
            value: Node::StringLit(id),
            ..
        }) = get(participant, "replacesCallId")
        {
            replacing.push((index, id.range));
        }
        let identity_pointer = pointer.key("identity");
        match get(participant, "identity").map(|prop| &prop.value) {
            None => sink.body(Rule::IdentityMissing { index }, &pointer, participant.range),
            Some(Node::NullKeyword(null)) => sink.body(Rule::IdentityMissing { index }, &identity_pointer, null.range),
            Some(Node::Object(set)) => {
                for found in identity::check_set(set, &identity_pointer, version, sink) {
                    if found.kind == IdentityKind::Phone {
                        facts.phones.push((found.pointer.clone(), found.range));
                    }
                    invited.push((index, found));
                }
            }
            Some(_) => {}
        }
    }
    check_duplicates(&invited, sink);
    if elements.len() > 1 && !replacing.is_empty() {
        sink.body(
            Rule::ReplacesCallIdMultiple { count: elements.len() },
            pointer,
            array_range,
        );
    }
    for (index, range) in replacing.into_iter().filter(|(index, _)| *index > 0) {
        sink.body(
            Rule::ReplacesCallIdIgnored { index },
            &pointer.index(index).key("replacesCallId"),
            range,
        );
    }
}

/// The same identity kind and id invited twice; the later one is reported.
fn check_duplicates(invited: &[(usize, InvitedIdentity<'_>)], sink: &mut Sink<'_>) {
    // First participant to invite each (kind, id); linear, so thousands of entries stay fast.
    let mut first_seen: HashMap<(IdentityKind, &str), usize> = HashMap::with_capacity(invited.len());
    for (index, later) in invited {
        let Some(id) = &later.id else { continue };
        match first_seen.get(&(later.kind, id.normalized.as_ref())) {
            // The same participant listing the same identity twice is identity-multiple's business.
            Some(&first_index) if first_index != *index => {
                let rule = Rule::DuplicateParticipant {
                    kind: later.kind.key().to_owned(),
                    id: id.written.to_owned(),
                    first_index,
                };
                sink.body(rule, &later.pointer.key("id"), id.range);
            }
            Some(_) => {}
            None => {
                first_seen.insert((later.kind, id.normalized.as_ref()), *index);
            }
        }
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
        let name = prop.name.as_str();
        if kinds.contains(&name) {
            continue;
        }
        let Some(property) = declared().find(|property| property.name == name) else {
            let names = declared().map(|property| property.name).chain(kinds.iter().copied());
            // The first table's address names the place (participant, identity set, …).
            let place = tables.first().map_or(0, |table| table.as_ptr() as usize);
            let suggestion = sink.suggestion(name, place, names);
            let rule = Rule::UnknownProperty {
                property: name.to_owned(),
                suggestion,
            };
            sink.body(rule, &pointer.key(name), name_range(&prop.name));
            continue;
        };
        if !property.in_version(version) {
            let rule = Rule::PropertyNotInVersion {
                property: name.to_owned(),
                version,
            };
            sink.body(rule, &pointer.key(name), name_range(&prop.name));
        }
        if let Some(found) = type_mismatch(property.ty, &prop.value) {
            let rule = Rule::TypeMismatch {
                property: name.to_owned(),
                expected: property.ty,
                found,
            };
            sink.body(rule, &pointer.key(name), range(&prop.value));
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
    }) = get(object, "@odata.type")
    {
        if !schema::odata_type_matches(&found.value, accepted) {
            let rule = Rule::OdataTypeMismatch {
                found: found.value.to_string(),
                expected: accepted.to_vec(),
            };
            sink.body(rule, &pointer.key("@odata.type"), found.range);
        }
    }
}

pub(super) fn check_enum(
    prop: &ObjectProp<'_>,
    pointer: &JsonPointer,
    allowed: &'static [&'static str],
    sink: &mut Sink<'_>,
) {
    if let Node::StringLit(value) = &prop.value {
        if !allowed.iter().any(|member| member.eq_ignore_ascii_case(&value.value)) {
            let rule = Rule::EnumValueUnknown {
                property: prop.name.as_str().to_owned(),
                value: value.value.to_string(),
                allowed,
            };
            sink.body(rule, pointer, value.range);
        }
    }
}

/// `guid-format` on a string property that should hold a GUID.
pub(super) fn check_guid(object: &Object<'_>, pointer: &JsonPointer, name: &str, sink: &mut Sink<'_>) {
    if let Some(ObjectProp {
        value: Node::StringLit(value),
        ..
    }) = get(object, name)
    {
        if !is_guid(&value.value) {
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

/// The property called `name`; when it is repeated, the last one (as `serde_json` keeps).
pub(super) fn get<'v, 'a>(object: &'v Object<'a>, name: &str) -> Option<&'v ObjectProp<'a>> {
    object.properties.iter().rev().find(|prop| prop.name.as_str() == name)
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

pub(super) fn range(node: &Node<'_>) -> Range {
    match node {
        Node::Object(object) => object.range,
        Node::Array(array) => array.range,
        Node::StringLit(lit) => lit.range,
        Node::NumberLit(lit) => lit.range,
        Node::BooleanLit(lit) => lit.range,
        Node::NullKeyword(lit) => lit.range,
    }
}
