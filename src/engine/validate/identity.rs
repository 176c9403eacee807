//! Rules for an identity set and the identities in it: which kinds are set, ids, E.164
//! phone numbers, GUIDs, `@odata.type`, and bots being invited.

use std::borrow::Cow;

use jsonc_parser::common::Range;

use super::json_tree::{Object, ObjectProp, Value as Node};
use super::node::{self, check_endpoint_type, check_guid, check_odata_type, check_properties};
use super::Sink;
use crate::engine::diagnostic::{Owner, Rule};
use crate::engine::model::ApiVersion;
use crate::engine::model::IdentityKind;
use crate::engine::pointer::JsonPointer;
use crate::engine::schema;

/// An identity that is set, for duplicate detection and the call-context rules. It
/// borrows from the parsed body and holds no pointer (the caller knows where the set
/// is, and a pointer is made when a rule reports): a million participants should not
/// mean a million copies.
#[derive(Debug)]
pub(super) struct InvitedIdentity<'n> {
    pub kind: IdentityKind,
    pub range: Range,
    pub id: Option<IdentityId<'n>>,
}

/// An identity's id, as written and as compared (GUIDs ignore case), and where it is.
#[derive(Debug)]
pub(super) struct IdentityId<'n> {
    pub written: &'n str,
    pub normalized: Cow<'n, str>,
    pub range: Range,
}

pub(super) fn check_set<'n>(
    set: &Object<'n>,
    pointer: &JsonPointer,
    version: ApiVersion,
    sink: &mut Sink<'_>,
) -> Vec<InvitedIdentity<'n>> {
    check_properties(
        set,
        pointer,
        &[schema::IDENTITY_SET_EXTRA],
        &IdentityKind::KEYS,
        version,
        sink,
    );
    check_odata_type(set, pointer, schema::ODATA_IDENTITY_SET, sink);
    check_endpoint_type(set, pointer, sink);

    let mut present = Vec::new();
    // Kinds set to something other than null; a wrong type is reported as such, not as
    // an empty set.
    let mut set_kinds = Vec::new();
    // Each kind's value in one pass over the set (a repeated key: the last), not a
    // lookup per kind: ten lookups a set were a tenth of checking a large body.
    let mut values: [Option<Node<'n>>; IdentityKind::ALL.len()] = [None; IdentityKind::ALL.len()];
    for prop in &set.properties {
        if let Some(at) = IdentityKind::KEYS.iter().position(|key| *key == prop.name.value) {
            values[at] = Some(prop.value);
        }
    }
    for (kind, value) in IdentityKind::ALL.into_iter().zip(values) {
        if value.is_some_and(|value| !matches!(value, Node::NullKeyword(_))) {
            set_kinds.push(kind.key());
        }
        match value {
            None | Some(Node::NullKeyword(_)) => {}
            Some(Node::Object(identity)) => {
                present.push(check_identity(kind, &identity, pointer.key(kind.key()), version, sink))
            }
            Some(other) => {
                let found = node::kind(&other);
                let rule = Rule::TypeMismatch {
                    property: kind.key().to_owned(),
                    expected: crate::engine::schema::PropertyType::NullableObject,
                    found,
                    owner: Owner::Request("identitySet"),
                };
                sink.body(rule, &pointer.key(kind.key()), other.range());
            }
        }
    }
    // `assertedIdentity` is the identity the participant presents (the SDKs document it
    // so), not a second participant: beside another identity it does not count.
    let counted = set_kinds
        .iter()
        .filter(|key| **key != IdentityKind::AssertedIdentity.key())
        .count()
        .max(usize::from(!set_kinds.is_empty()));
    match counted {
        0 => sink.body(Rule::IdentityEmpty, pointer, set.range),
        1 => {}
        _ => {
            let kinds = set_kinds.into_iter().map(str::to_owned).collect();
            sink.body(Rule::IdentityMultiple { kinds }, pointer, set.range);
        }
    }
    present
}

fn check_identity<'n>(
    kind: IdentityKind,
    identity: &Object<'n>,
    pointer: JsonPointer,
    version: ApiVersion,
    sink: &mut Sink<'_>,
) -> InvitedIdentity<'n> {
    check_properties(
        identity,
        &pointer,
        &[schema::IDENTITY_COMMON, schema::identity_specific(kind)],
        &[],
        version,
        sink,
    );
    check_odata_type(identity, &pointer, schema::odata_identity(kind), sink);
    check_guid(identity, &pointer, "tenantId", sink);
    if kind == IdentityKind::Application {
        sink.body(Rule::BotInvitee { version }, &pointer, identity.range);
    }

    let id_missing = |sink: &mut Sink<'_>, at: &JsonPointer, range: Range| {
        sink.body(
            Rule::IdentityIdMissing {
                kind: kind.key().to_owned(),
            },
            at,
            range,
        );
    };
    let mut id = None;
    match identity.get("id") {
        Some(ObjectProp {
            value: Node::StringLit(lit),
            ..
        }) if !lit.value.trim().is_empty() => {
            let written = lit.value;
            match kind {
                IdentityKind::Phone if !is_e164(written) => {
                    let rule = Rule::PhoneNotE164 {
                        number: written.to_owned(),
                    };
                    sink.body(rule, &pointer.key("id"), lit.range);
                }
                IdentityKind::User | IdentityKind::Application => check_guid(identity, &pointer, "id", sink),
                _ => {}
            }
            let normalized = if kind == IdentityKind::Phone || !written.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Borrowed(written)
            } else {
                Cow::Owned(written.to_ascii_lowercase())
            };
            id = Some(IdentityId {
                written,
                normalized,
                range: lit.range,
            });
        }
        Some(ObjectProp {
            value: Node::StringLit(lit),
            ..
        }) if kind.requires_id() => id_missing(sink, &pointer.key("id"), lit.range),
        Some(ObjectProp {
            value: Node::NullKeyword(null),
            ..
        }) if kind.requires_id() => id_missing(sink, &pointer.key("id"), null.range),
        None if kind.requires_id() => id_missing(sink, &pointer, identity.range),
        _ => {}
    }
    InvitedIdentity {
        kind,
        range: identity.range,
        id,
    }
}

/// `+` then 2–15 digits, the first not 0 (ITU-T E.164).
pub fn is_e164(number: &str) -> bool {
    number.strip_prefix('+').is_some_and(|digits| {
        (2..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
    })
}

#[cfg(test)]
mod tests {
    use super::is_e164;

    #[test]
    fn e164_is_plus_and_two_to_fifteen_digits() {
        for good in ["+12345678901", "+44", "+123456789012345"] {
            assert!(is_e164(good), "{good}");
        }
        for bad in [
            "12345678901",
            "+0123",
            "+1",
            "+1234567890123456",
            "+1 234",
            "+1-234",
            "",
        ] {
            assert!(!is_e164(bad), "{bad}");
        }
    }
}
