//! What Graph declares for the invite body: property names per type and API version,
//! their JSON types, and the `@odata.type` names each position accepts.
//!
//! The validator reads these tables; it never hard-codes a property name in a rule.
//! "Declared" follows SPEC §2: it includes what the docs send on open types (`tenantId`
//! and `identityProvider` on an identity, the communications identity kinds on an
//! identity set) and `@odata.type` everywhere.

use crate::engine::model::ApiVersion;
use crate::engine::model::IdentityKind;

/// The JSON type a declared property must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PropertyType {
    /// A string, or `null` (every nullable string property).
    NullableString,
    /// A boolean, or `null`.
    NullableBoolean,
    /// A non-null array.
    Array,
    /// A non-null object.
    Object,
    /// An object or `null` (an identity slot of an identity set).
    NullableObject,
    /// A whole number (Int32/Int64), or `null`.
    Integer,
    /// An object or an array (`resourceData`), or `null`.
    ObjectOrArray,
}

/// One declared property.
#[derive(Clone, Copy, Debug)]
pub struct Property {
    pub name: &'static str,
    pub ty: PropertyType,
    /// Versions that declare it.
    pub beta: bool,
    pub v1: bool,
}

impl Property {
    pub fn in_version(&self, version: ApiVersion) -> bool {
        match version {
            ApiVersion::Beta => self.beta,
            ApiVersion::V1 => self.v1,
        }
    }
}

const fn both(name: &'static str, ty: PropertyType) -> Property {
    Property {
        name,
        ty,
        beta: true,
        v1: true,
    }
}

const ODATA_TYPE: &str = "@odata.type";

/// The invite action's parameters. The tables are statics, not consts: each has one
/// address, by which `validate::node` names where a property is declared.
pub static INVITE_BODY: &[Property] = &[
    both("participants", PropertyType::Array),
    both("clientContext", PropertyType::NullableString),
    both(ODATA_TYPE, PropertyType::NullableString),
];

/// `invitationParticipantInfo` (GRAPH-FACTS §2.1, the "now" profiles).
pub static INVITATION_PARTICIPANT_INFO: &[Property] = &[
    both(ODATA_TYPE, PropertyType::NullableString),
    both("identity", PropertyType::NullableObject),
    both("replacesCallId", PropertyType::NullableString),
    Property {
        name: "endpointType",
        ty: PropertyType::NullableString,
        beta: true,
        v1: false,
    },
    both("participantId", PropertyType::NullableString),
    both("hidden", PropertyType::NullableBoolean),
    both("removeFromDefaultAudioRoutingGroup", PropertyType::NullableBoolean),
];

/// Identity-set keys besides the identity kinds: `@odata.type` and
/// `communicationsIdentitySet.endpointType`.
pub static IDENTITY_SET_EXTRA: &[Property] = &[
    both(ODATA_TYPE, PropertyType::NullableString),
    both("endpointType", PropertyType::NullableString),
];

/// Properties every identity may carry.
pub static IDENTITY_COMMON: &[Property] = &[
    both(ODATA_TYPE, PropertyType::NullableString),
    both("id", PropertyType::NullableString),
    both("displayName", PropertyType::NullableString),
    both("tenantId", PropertyType::NullableString),
    both("identityProvider", PropertyType::NullableString),
];

/// Properties only some identity kinds declare.
pub fn identity_specific(kind: IdentityKind) -> &'static [Property] {
    const APPLICATION: &[Property] = &[
        both("applicationType", PropertyType::NullableString),
        both("hidden", PropertyType::NullableBoolean),
    ];
    const APPLICATION_INSTANCE: &[Property] = &[both("hidden", PropertyType::NullableBoolean)];
    const GUEST: &[Property] = &[both("email", PropertyType::NullableString)];
    const ACS_USER: &[Property] = &[both(
        "azureCommunicationServicesResourceId",
        PropertyType::NullableString,
    )];
    match kind {
        IdentityKind::Application => APPLICATION,
        IdentityKind::ApplicationInstance => APPLICATION_INSTANCE,
        IdentityKind::Guest => GUEST,
        IdentityKind::AzureCommunicationServicesUser => ACS_USER,
        _ => &[],
    }
}

/// What Graph sends the bot (received payloads, GRAPH-FACTS §2.4-§2.8, §6.1).
pub mod received {
    use super::{both, Property, PropertyType, ODATA_TYPE};

    const fn beta(name: &'static str, ty: PropertyType) -> Property {
        Property {
            name,
            ty,
            beta: true,
            v1: false,
        }
    }

    /// `commsNotifications`, the webhook body.
    pub static NOTIFICATIONS: &[Property] = &[
        both(ODATA_TYPE, PropertyType::NullableString),
        both("value", PropertyType::Array),
    ];

    /// `commsNotification`: `resource` and `resourceData` are undeclared but always sent;
    /// the subscription members appear in legacy deliveries.
    pub static NOTIFICATION: &[Property] = &[
        both(ODATA_TYPE, PropertyType::NullableString),
        both("changeType", PropertyType::NullableString),
        both("resourceUrl", PropertyType::NullableString),
        both("resource", PropertyType::NullableString),
        both("resourceData", PropertyType::ObjectOrArray),
        both("subscriptionId", PropertyType::NullableString),
        both("subscriptionExpirationDateTime", PropertyType::NullableString),
        both("clientState", PropertyType::NullableString),
        both("tenantId", PropertyType::NullableString),
    ];

    /// `inviteParticipantsOperation`.
    pub static OPERATION: &[Property] = &[
        both(ODATA_TYPE, PropertyType::NullableString),
        both("id", PropertyType::NullableString),
        both("status", PropertyType::NullableString),
        both("clientContext", PropertyType::NullableString),
        both("resultInfo", PropertyType::NullableObject),
        both("participants", PropertyType::Array),
    ];

    /// `resultInfo`.
    pub static RESULT_INFO: &[Property] = &[
        both(ODATA_TYPE, PropertyType::NullableString),
        both("code", PropertyType::Integer),
        both("subcode", PropertyType::Integer),
        both("message", PropertyType::NullableString),
    ];

    /// `participant`, one roster entry (GRAPH-FACTS §2.7, ECOSYSTEM §1).
    pub static PARTICIPANT: &[Property] = &[
        both(ODATA_TYPE, PropertyType::NullableString),
        both("id", PropertyType::NullableString),
        both("info", PropertyType::Object),
        both("isInLobby", PropertyType::NullableBoolean),
        both("isMuted", PropertyType::NullableBoolean),
        both("mediaStreams", PropertyType::Array),
        both("metadata", PropertyType::NullableString),
        both("recordingInfo", PropertyType::NullableObject),
        both("removedState", PropertyType::NullableObject),
        both("restrictedExperience", PropertyType::NullableObject),
        both("rosterSequenceNumber", PropertyType::Integer),
        beta("isIdentityAnonymized", PropertyType::NullableBoolean),
        beta("preferredDisplayName", PropertyType::NullableString),
        beta("syntheticMediaDetection", PropertyType::NullableObject),
    ];

    /// `participantInfo`.
    pub static PARTICIPANT_INFO: &[Property] = &[
        both(ODATA_TYPE, PropertyType::NullableString),
        both("identity", PropertyType::Object),
        both("endpointType", PropertyType::NullableString),
        both("countryCode", PropertyType::NullableString),
        both("languageId", PropertyType::NullableString),
        both("region", PropertyType::NullableString),
        both("participantId", PropertyType::NullableString),
        beta("platformId", PropertyType::NullableString),
        beta("nonAnonymizedIdentity", PropertyType::NullableObject),
    ];

    /// `mediaStream`.
    pub static MEDIA_STREAM: &[Property] = &[
        both(ODATA_TYPE, PropertyType::NullableString),
        both("mediaType", PropertyType::NullableString),
        both("sourceId", PropertyType::NullableString),
        both("direction", PropertyType::NullableString),
        both("serverMuted", PropertyType::NullableBoolean),
        both("label", PropertyType::NullableString),
    ];

    /// The error envelope and its `error` (GRAPH-FACTS §6.1; `innerError` is open).
    pub static ERROR_ENVELOPE: &[Property] = &[both("error", PropertyType::Object)];
    pub static ERROR: &[Property] = &[
        both("code", PropertyType::NullableString),
        both("message", PropertyType::NullableString),
        both("innerError", PropertyType::NullableObject),
        both("details", PropertyType::Array),
        both("target", PropertyType::NullableString),
    ];

    /// The docs page of a received type, found by its table (statics: one address each),
    /// for a type-mismatch's help.
    pub fn docs_name(table: &[Property]) -> Option<&'static str> {
        [
            (NOTIFICATIONS, "commsNotifications"),
            (NOTIFICATION, "commsNotification"),
            (OPERATION, "inviteParticipantsOperation"),
            (RESULT_INFO, "resultInfo"),
            (PARTICIPANT, "participant"),
            (PARTICIPANT_INFO, "participantInfo"),
            (MEDIA_STREAM, "mediaStream"),
            (ERROR_ENVELOPE, "the error envelope"),
            (ERROR, "the error envelope"),
        ]
        .into_iter()
        .find(|(declared, _)| std::ptr::eq(*declared, table))
        .map(|(_, name)| name)
    }
}

/// Accepted `@odata.type` values for an invitation participant.
pub const ODATA_PARTICIPANT: &[&str] = &["#microsoft.graph.invitationParticipantInfo"];

/// Accepted `@odata.type` values for an identity set (GRAPH-FACTS §2.2).
pub const ODATA_IDENTITY_SET: &[&str] = &[
    "#microsoft.graph.identitySet",
    "#microsoft.graph.communicationsIdentitySet",
];

/// Accepted `@odata.type` values for an identity of `kind`: the base type or the
/// communications subtype that kind holds.
pub fn odata_identity(kind: IdentityKind) -> &'static [&'static str] {
    match kind {
        IdentityKind::User | IdentityKind::OnPremises => &[
            "#microsoft.graph.identity",
            "#microsoft.graph.communicationsUserIdentity",
        ],
        IdentityKind::Application => &[
            "#microsoft.graph.identity",
            "#microsoft.graph.communicationsApplicationIdentity",
        ],
        IdentityKind::ApplicationInstance => &[
            "#microsoft.graph.identity",
            "#microsoft.graph.communicationsApplicationInstanceIdentity",
        ],
        IdentityKind::Phone => &[
            "#microsoft.graph.identity",
            "#microsoft.graph.communicationsPhoneIdentity",
        ],
        IdentityKind::Guest => &[
            "#microsoft.graph.identity",
            "#microsoft.graph.communicationsGuestIdentity",
        ],
        IdentityKind::Encrypted => &[
            "#microsoft.graph.identity",
            "#microsoft.graph.communicationsEncryptedIdentity",
        ],
        IdentityKind::AssertedIdentity => &[
            "#microsoft.graph.identity",
            "#microsoft.graph.communicationsUserIdentity",
            "#microsoft.graph.communicationsPhoneIdentity",
        ],
        IdentityKind::AzureCommunicationServicesUser => &[
            "#microsoft.graph.identity",
            "#microsoft.graph.azureCommunicationServicesUserIdentity",
        ],
        IdentityKind::Device => &["#microsoft.graph.identity"],
    }
}

/// Whether `found` names one of `accepted`. OData lets the `#` be left out and, for the
/// default namespace, the `microsoft.graph.` prefix too (assumed: Graph accepts both).
pub fn odata_type_matches(found: &str, accepted: &[&str]) -> bool {
    let bare = found.strip_prefix('#').unwrap_or(found);
    accepted.iter().any(|name| {
        let name = &name[1..];
        bare == name || name.strip_prefix("microsoft.graph.") == Some(bare)
    })
}

/// The closest declared name to `unknown`, for "did you mean" help.
///
/// Case-insensitive equality wins; otherwise the smallest optimal-string-alignment
/// distance (Levenshtein plus adjacent transpositions)
/// within a third of the name's length (at least 2), so `replaceCallId` finds
/// `replacesCallId` and `foo` finds nothing.
pub fn closest_name(unknown: &str, candidates: impl IntoIterator<Item = &'static str>) -> Option<&'static str> {
    let lower = unknown.to_ascii_lowercase();
    let limit = (unknown.chars().count() / 3).max(2);
    let mut best: Option<(usize, &'static str)> = None;
    for candidate in candidates {
        // Lengths that differ by more than the limit cannot be within it.
        if candidate.len().abs_diff(unknown.len()) > limit {
            continue;
        }
        let distance = if candidate.eq_ignore_ascii_case(unknown) {
            0
        } else {
            strsim::osa_distance(&lower, &candidate.to_ascii_lowercase())
        };
        if distance <= limit && best.is_none_or(|(best_distance, _)| distance < best_distance) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_declared_name() {
        let names = INVITATION_PARTICIPANT_INFO.iter().map(|p| p.name);
        assert_eq!(closest_name("replaceCallId", names.clone()), Some("replacesCallId"));
        assert_eq!(closest_name("Identity", names.clone()), Some("identity"));
        assert_eq!(closest_name("colour", names), None);
    }

    #[test]
    fn odata_names_may_drop_the_hash_and_namespace() {
        assert!(odata_type_matches("#microsoft.graph.identitySet", ODATA_IDENTITY_SET));
        assert!(odata_type_matches("microsoft.graph.identitySet", ODATA_IDENTITY_SET));
        assert!(odata_type_matches("#identitySet", ODATA_IDENTITY_SET));
        assert!(!odata_type_matches("#microsoft.graph.identity", ODATA_IDENTITY_SET));
    }
}
