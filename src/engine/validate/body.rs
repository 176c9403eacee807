//! Rules for the invite body: the root object, `participants`, each participant, and
//! `clientContext`. Identity sets are checked by [`super::identity`].

use std::collections::HashMap;

use jsonc_parser::common::Range;

use super::identity::{self, InvitedIdentity};
use super::json_tree::{Elements, Object, ObjectProp, Value as Node};
use super::node::{check_endpoint_type, check_guid, check_odata_type, check_properties, encoded_twice, kind};
use super::Sink;
use crate::engine::diagnostic::{Owner, Rule, Severity};
use crate::engine::model::ApiVersion;
use crate::engine::model::IdentityKind;
use crate::engine::pointer::JsonPointer;
use crate::engine::schema::{self, PropertyType};

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
    /// Every `phone` identity being invited: its participant's index and its range.
    pub phones: Vec<(usize, Range)>,
}

pub(super) fn check(root: &Node<'_>, version: ApiVersion, sink: &mut Sink<'_>) -> BodyFacts {
    let pointer = JsonPointer::root();
    let Node::Object(object) = root else {
        let rule = Rule::BodyNotObject {
            found: kind(root),
            encoded_twice: encoded_twice(root),
        };
        sink.body(rule, &pointer, root.range());
        return BodyFacts::default();
    };
    check_properties(object, &pointer, &[schema::INVITE_BODY], &[], version, sink);
    check_client_context(object, &pointer, sink);

    let mut facts = BodyFacts::default();
    let participants_pointer = pointer.key("participants");
    match object.get("participants").map(|prop| prop.value) {
        None => sink.body(Rule::ParticipantsMissing, &pointer, object.range),
        Some(Node::NullKeyword(null)) => sink.body(Rule::ParticipantsMissing, &participants_pointer, null.range),
        Some(Node::Array(array)) => {
            facts.participants = Some(array.range);
            // Counted once: counting steps over every element (33 million in a 64 MiB
            // `[0,0,…]`).
            let count = array.elements.len();
            facts.participant_count = count;
            if count == 0 {
                sink.body(Rule::ParticipantsEmpty, &participants_pointer, array.range);
            } else if count > MAX_PARTICIPANTS {
                sink.body(Rule::ParticipantsTooMany { count }, &participants_pointer, array.range);
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
    match object.get("clientContext") {
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
    elements: &Elements<'_>,
    pointer: &JsonPointer,
    array_range: Range,
    version: ApiVersion,
    sink: &mut Sink<'_>,
    facts: &mut BodyFacts,
) {
    let mut invited: Vec<(usize, InvitedIdentity<'_>)> = Vec::new();
    let mut replacing = Vec::new();
    for (index, element) in elements.iter().enumerate() {
        let Node::Object(participant) = &element else {
            sink.body_with(Severity::Error, element.range(), |_| {
                let rule = Rule::TypeMismatch {
                    property: format!("participants[{index}]"),
                    expected: PropertyType::Object,
                    found: kind(&element),
                    owner: Owner::Body,
                };
                (rule, pointer.index(index))
            });
            continue;
        };
        let pointer = pointer.index(index);
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
        check_endpoint_type(participant, &pointer, sink);
        if let Some(ObjectProp {
            value: Node::StringLit(id),
            ..
        }) = participant.get("replacesCallId")
        {
            replacing.push((index, id.range));
        }
        let identity_pointer = pointer.key("identity");
        match participant.get("identity").map(|prop| prop.value) {
            None => sink.body(Rule::IdentityMissing { index }, &pointer, participant.range),
            Some(Node::NullKeyword(null)) => sink.body(Rule::IdentityMissing { index }, &identity_pointer, null.range),
            Some(Node::Object(set)) => {
                for found in identity::check_set(&set, &identity_pointer, version, sink) {
                    if found.kind == IdentityKind::Phone {
                        facts.phones.push((index, found.range));
                    }
                    invited.push((index, found));
                }
            }
            Some(_) => {}
        }
    }
    check_duplicates(&invited, pointer, sink);
    // Counted only when needed: counting steps over every element.
    let count = if replacing.is_empty() { 0 } else { elements.len() };
    if count > 1 {
        sink.body(Rule::ReplacesCallIdMultiple { count }, pointer, array_range);
    }
    for (index, range) in replacing.into_iter().filter(|(index, _)| *index > 0) {
        sink.body(
            Rule::ReplacesCallIdIgnored { index },
            &pointer.index(index).key("replacesCallId"),
            range,
        );
    }
}

/// The pointer to the identity of `kind` of the participant at `index` of
/// `/participants`, made when a rule reports it.
pub(super) fn identity_pointer(participants: &JsonPointer, index: usize, kind: IdentityKind) -> JsonPointer {
    participants.index(index).key("identity").key(kind.key())
}

/// The same identity kind and id invited twice; the later one is reported.
fn check_duplicates(invited: &[(usize, InvitedIdentity<'_>)], participants: &JsonPointer, sink: &mut Sink<'_>) {
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
                let pointer = identity_pointer(participants, *index, later.kind).key("id");
                sink.body(rule, &pointer, id.range);
            }
            Some(_) => {}
            None => {
                first_seen.insert((later.kind, id.normalized.as_ref()), *index);
            }
        }
    }
}
