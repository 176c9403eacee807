//! Serde wire types mirroring Graph's JSON for `participant: invite`, nothing clever.
//!
//! Every Graph complex type here is open, so each keeps the properties it does not
//! declare in `extra` and a doc payload round-trips without losing `tenantId`,
//! `identityProvider`, `resource` and friends. Request-side properties that may be
//! absent *or* `null` are [`Nullable`] so both spellings survive a round trip.
//! Enums parse case-insensitively and keep members they do not know (`Other`).

use std::fmt;

use serde::de::Deserializer;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};

/// A property that may be absent, `null`, or set: Graph's request properties are
/// nullable, and the docs send `"replacesCallId": null` and `"phone": null` on purpose,
/// so both spellings must survive a round trip. Fields use
/// `#[serde(default, skip_serializing_if = "Nullable::is_absent")]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Nullable<T> {
    #[default]
    Absent,
    Null,
    Value(T),
}

impl<T> Nullable<T> {
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }

    /// The value when set (neither absent nor `null`).
    pub fn value(&self) -> Option<&T> {
        match self {
            Nullable::Value(value) => Some(value),
            _ => None,
        }
    }

    pub fn value_mut(&mut self) -> Option<&mut T> {
        match self {
            Nullable::Value(value) => Some(value),
            _ => None,
        }
    }

    pub fn into_value(self) -> Option<T> {
        match self {
            Nullable::Value(value) => Some(value),
            _ => None,
        }
    }

    /// `null` and set become `Some`; absent becomes `None`.
    pub fn present(self) -> Option<Option<T>> {
        match self {
            Nullable::Absent => None,
            Nullable::Null => Some(None),
            Nullable::Value(value) => Some(Some(value)),
        }
    }
}

impl<T: std::ops::Deref> Nullable<T> {
    /// The set value, dereferenced (`&str` for a `Nullable<String>`).
    pub fn as_deref(&self) -> Option<&T::Target> {
        self.value().map(|value| &**value)
    }
}

impl<T> From<Option<T>> for Nullable<T> {
    /// `None` is `null`: an `Option` says nothing about absence.
    fn from(value: Option<T>) -> Self {
        value.map_or(Nullable::Null, Nullable::Value)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            // Skipped by the field's `skip_serializing_if`; `null` if it is not.
            Nullable::Absent | Nullable::Null => serializer.serialize_none(),
            Nullable::Value(value) => value.serialize(serializer),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    /// Only called for a property that is there (absence is the field's `default`).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(deserializer).map(Nullable::from)
    }
}

/// The Graph API version a request targets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ApiVersion {
    /// The version of the seed documents, and the default.
    #[default]
    #[serde(rename = "beta")]
    Beta,
    #[serde(rename = "v1.0")]
    V1,
}

crate::vocabulary!(ApiVersion { Beta => "beta", V1 => "v1.0" });

macro_rules! graph_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)+
            /// A member this model does not know (Graph enums grow).
            Other(String),
        }

        impl $name {
            /// The documented members, in CSDL order.
            pub const MEMBERS: &'static [&'static str] = &[$($wire),+];

            /// Case-insensitive; unknown text becomes `Other`.
            pub fn parse(text: &str) -> Self {
                $(if text.eq_ignore_ascii_case($wire) { return $name::$variant; })+
                $name::Other(text.to_owned())
            }

            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)+
                    $name::Other(text) => text,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(|text| $name::parse(&text))
            }
        }

        impl Member for $name {
            fn parse(text: &str) -> Self {
                $name::parse(text)
            }

            fn as_str(&self) -> &str {
                $name::as_str(self)
            }
        }
    };
}

/// A Graph enum type: parsed case-insensitively, written in its documented spelling.
pub trait Member: Clone + PartialEq {
    fn parse(text: &str) -> Self;
    fn as_str(&self) -> &str;
}

/// An enum member on the wire together with the spelling it arrived in, so that
/// `"Running"` (CSDL casing, defect D-1) and `"running"` both survive a round trip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spelled<T> {
    pub value: T,
    pub text: String,
}

impl<T: Member> Spelled<T> {
    /// `value` in its documented spelling.
    pub fn new(value: T) -> Self {
        let text = value.as_str().to_owned();
        Spelled { value, text }
    }
}

impl<T: Member> From<T> for Spelled<T> {
    fn from(value: T) -> Self {
        Spelled::new(value)
    }
}

impl<T> Serialize for Spelled<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de, T: Member> Deserialize<'de> for Spelled<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|text| Spelled {
            value: T::parse(&text),
            text,
        })
    }
}

graph_enum!(
    /// `operationStatus`. CSDL spells members PascalCase, the docs camelCase (defect D-1).
    OperationStatus { NotStarted = "notStarted", Running = "running", Completed = "completed", Failed = "failed" }
);
graph_enum!(
    /// `changeType` of a notification.
    ChangeType { Created = "created", Updated = "updated", Deleted = "deleted" }
);
graph_enum!(
    /// `endpointType`, beta only on `invitationParticipantInfo`.
    EndpointType {
        Default = "default",
        Voicemail = "voicemail",
        SkypeForBusiness = "skypeForBusiness",
        SkypeForBusinessVoipPhone = "skypeForBusinessVoipPhone",
        UnknownFutureValue = "unknownFutureValue",
    }
);
graph_enum!(
    /// `mediaDirection` of a media stream.
    MediaDirection { Inactive = "inactive", SendOnly = "sendOnly", ReceiveOnly = "receiveOnly", SendReceive = "sendReceive" }
);
graph_enum!(
    /// `modality`; v1.0 has no `unknown` (defect D-5).
    Modality {
        Unknown = "unknown",
        Audio = "audio",
        Video = "video",
        VideoBasedScreenSharing = "videoBasedScreenSharing",
        Data = "data",
        UnknownFutureValue = "unknownFutureValue",
    }
);
graph_enum!(
    /// `callState`; v1.0 has no `ringing`.
    CallState {
        Incoming = "incoming",
        Establishing = "establishing",
        Ringing = "ringing",
        Established = "established",
        Hold = "hold",
        Transferring = "transferring",
        TransferAccepted = "transferAccepted",
        Redirecting = "redirecting",
        Terminating = "terminating",
        Terminated = "terminated",
        UnknownFutureValue = "unknownFutureValue",
    }
);

/// The body of `POST …/participants/invite` (the action's parameters).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InviteBody {
    pub participants: Vec<InvitationParticipantInfo>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub client_context: Nullable<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `invitationParticipantInfo`: who to invite and how.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvitationParticipantInfo {
    #[serde(rename = "@odata.type", default, skip_serializing_if = "Option::is_none")]
    pub odata_type: Option<String>,
    pub identity: IdentitySet,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub replaces_call_id: Nullable<String>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub endpoint_type: Nullable<Spelled<EndpointType>>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub participant_id: Nullable<String>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub hidden: Nullable<bool>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub remove_from_default_audio_routing_group: Nullable<bool>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl InvitationParticipantInfo {
    /// `replacesCallId` when it is set to a value (not absent, not `null`).
    pub fn replaces_call_id(&self) -> Option<&str> {
        self.replaces_call_id.as_deref()
    }
}

/// The identity kinds an identity set can carry, in the order the docs list them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IdentityKind {
    User,
    Application,
    Device,
    Phone,
    Guest,
    Encrypted,
    OnPremises,
    ApplicationInstance,
    AssertedIdentity,
    AzureCommunicationServicesUser,
}

impl IdentityKind {
    pub const ALL: [IdentityKind; 10] = [
        IdentityKind::User,
        IdentityKind::Application,
        IdentityKind::Device,
        IdentityKind::Phone,
        IdentityKind::Guest,
        IdentityKind::Encrypted,
        IdentityKind::OnPremises,
        IdentityKind::ApplicationInstance,
        IdentityKind::AssertedIdentity,
        IdentityKind::AzureCommunicationServicesUser,
    ];

    /// Every kind's JSON key, in [`IdentityKind::ALL`] order.
    pub const KEYS: [&'static str; 10] = [
        "user",
        "application",
        "device",
        "phone",
        "guest",
        "encrypted",
        "onPremises",
        "applicationInstance",
        "assertedIdentity",
        "azureCommunicationServicesUser",
    ];

    /// The JSON key of this kind in an identity set.
    pub fn key(self) -> &'static str {
        Self::KEYS[self as usize]
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// Kinds declared only on `communicationsIdentitySet`, not on `identitySet` (the
    /// SDKs put them in `additionalData` of a plain `identitySet`; ECOSYSTEM §1).
    pub fn is_communications_only(self) -> bool {
        !matches!(
            self,
            IdentityKind::User | IdentityKind::Application | IdentityKind::Device
        )
    }

    /// Kinds whose identity must carry an `id` (SPEC §2, `identity-id-missing`).
    pub fn requires_id(self) -> bool {
        matches!(
            self,
            IdentityKind::User | IdentityKind::Application | IdentityKind::ApplicationInstance | IdentityKind::Phone
        )
    }
}

/// `identitySet` (or `communicationsIdentitySet`): one identity per kind.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentitySet {
    #[serde(rename = "@odata.type", default, skip_serializing_if = "Option::is_none")]
    pub odata_type: Option<String>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub user: Nullable<Identity>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub application: Nullable<Identity>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub device: Nullable<Identity>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub phone: Nullable<Identity>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub guest: Nullable<Identity>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub encrypted: Nullable<Identity>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub on_premises: Nullable<Identity>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub application_instance: Nullable<Identity>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub asserted_identity: Nullable<Identity>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub azure_communication_services_user: Nullable<Identity>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl IdentitySet {
    pub fn slot(&self, kind: IdentityKind) -> &Nullable<Identity> {
        match kind {
            IdentityKind::User => &self.user,
            IdentityKind::Application => &self.application,
            IdentityKind::Device => &self.device,
            IdentityKind::Phone => &self.phone,
            IdentityKind::Guest => &self.guest,
            IdentityKind::Encrypted => &self.encrypted,
            IdentityKind::OnPremises => &self.on_premises,
            IdentityKind::ApplicationInstance => &self.application_instance,
            IdentityKind::AssertedIdentity => &self.asserted_identity,
            IdentityKind::AzureCommunicationServicesUser => &self.azure_communication_services_user,
        }
    }

    pub fn slot_mut(&mut self, kind: IdentityKind) -> &mut Nullable<Identity> {
        match kind {
            IdentityKind::User => &mut self.user,
            IdentityKind::Application => &mut self.application,
            IdentityKind::Device => &mut self.device,
            IdentityKind::Phone => &mut self.phone,
            IdentityKind::Guest => &mut self.guest,
            IdentityKind::Encrypted => &mut self.encrypted,
            IdentityKind::OnPremises => &mut self.on_premises,
            IdentityKind::ApplicationInstance => &mut self.application_instance,
            IdentityKind::AssertedIdentity => &mut self.asserted_identity,
            IdentityKind::AzureCommunicationServicesUser => &mut self.azure_communication_services_user,
        }
    }

    /// The identities that are set (non-null), in kind order.
    pub fn present(&self) -> impl Iterator<Item = (IdentityKind, &Identity)> {
        IdentityKind::ALL
            .into_iter()
            .filter_map(|kind| self.slot(kind).value().map(|identity| (kind, identity)))
    }

    /// The first identity that is set.
    pub fn primary(&self) -> Option<(IdentityKind, &Identity)> {
        self.present().next()
    }

    /// The `@odata.type` Graph gives this set today: `communicationsIdentitySet` when it
    /// carries a key only that type declares, or when it was typed so; else `identitySet`.
    pub fn graph_type(&self) -> &'static str {
        let typed_communications = self
            .odata_type
            .as_deref()
            .is_some_and(|odata| odata.eq_ignore_ascii_case(odata::COMMUNICATIONS_IDENTITY_SET));
        if typed_communications || self.present().any(|(kind, _)| kind.is_communications_only()) {
            odata::COMMUNICATIONS_IDENTITY_SET
        } else {
            odata::IDENTITY_SET
        }
    }
}

/// `identity` (and its communications subtypes): an id and a display name, plus the
/// dynamic `tenantId` and `identityProvider` the calling docs send.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Identity {
    #[serde(rename = "@odata.type", default, skip_serializing_if = "Option::is_none")]
    pub odata_type: Option<String>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub id: Nullable<String>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub display_name: Nullable<String>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub identity_provider: Nullable<String>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub tenant_id: Nullable<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Identity {
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    pub fn display_name(&self) -> Option<&str> {
        self.display_name.as_deref()
    }
}

/// `resultInfo`: why an operation or call ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultInfo {
    #[serde(rename = "@odata.type", default, skip_serializing_if = "Option::is_none")]
    pub odata_type: Option<String>,
    pub code: i32,
    pub subcode: i32,
    #[serde(default)]
    pub message: Option<String>,
}

/// `inviteParticipantsOperation`, the action's result and the operation notification's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InviteParticipantsOperation {
    #[serde(rename = "@odata.type", default, skip_serializing_if = "Option::is_none")]
    pub odata_type: Option<String>,
    pub id: Option<String>,
    pub status: Spelled<OperationStatus>,
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub client_context: Nullable<String>,
    /// `null` while running; absent from the docs' completed notifications (defect A-21).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub result_info: Nullable<ResultInfo>,
    pub participants: Vec<InvitationParticipantInfo>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `mediaStream` of a roster participant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MediaStream {
    #[serde(rename = "@odata.type", default, skip_serializing_if = "Option::is_none")]
    pub odata_type: Option<String>,
    pub media_type: Spelled<Modality>,
    pub source_id: String,
    pub direction: Spelled<MediaDirection>,
    pub server_muted: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// `participantInfo`: who a roster participant is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantInfo {
    #[serde(rename = "@odata.type", default, skip_serializing_if = "Option::is_none")]
    pub odata_type: Option<String>,
    pub identity: IdentitySet,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_type: Option<Spelled<EndpointType>>,
    /// ISO 3166-1 alpha-2 country of the participant's best estimated location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// BCP 47 language the participant uses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_id: Option<String>,
    /// The home region of the participant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_id: Option<String>,
    /// Beta only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_id: Option<String>,
    /// Beta only: the identity behind an anonymized one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_anonymized_identity: Option<IdentitySet>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `participant`, one roster entry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    #[serde(rename = "@odata.type", default, skip_serializing_if = "Option::is_none")]
    pub odata_type: Option<String>,
    pub info: ParticipantInfo,
    #[serde(default)]
    pub media_streams: Vec<MediaStream>,
    pub is_muted: bool,
    pub is_in_lobby: bool,
    pub id: Option<String>,
    // Newer members (ECOSYSTEM §1): v1.0 has `metadata` … `restrictedExperience`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recording_info: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed_state: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restricted_experience: Option<Value>,
    /// Beta only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_identity_anonymized: Option<bool>,
    /// Beta only: orders roster updates (Int64).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster_sequence_number: Option<i64>,
    /// Beta only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synthetic_media_detection: Option<Value>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The few `call` properties the replaced-call notifications carry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CallResource {
    #[serde(rename = "@odata.type", default, skip_serializing_if = "Option::is_none")]
    pub odata_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub state: Spelled<CallState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_info: Option<ResultInfo>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// What a notification is about: an operation, a roster, or a call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ResourceData {
    Roster(Vec<Participant>),
    Operation(InviteParticipantsOperation),
    Call(CallResource),
}

/// `commsNotification`, one change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommsNotification {
    #[serde(rename = "@odata.type", default, skip_serializing_if = "Option::is_none")]
    pub odata_type: Option<String>,
    pub change_type: Spelled<ChangeType>,
    /// Undeclared and under the deprecated `/app` root (defect A-20); kept for round trips.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    pub resource_url: String,
    pub resource_data: ResourceData,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `commsNotifications`, the body Graph POSTs to the bot's callback URL.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommsNotifications {
    #[serde(rename = "@odata.type", default, skip_serializing_if = "Option::is_none")]
    pub odata_type: Option<String>,
    pub value: Vec<CommsNotification>,
}

/// Graph's error envelope for a synchronous failure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GraphErrorEnvelope {
    pub error: GraphError,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphError {
    pub code: String,
    pub message: String,
    /// Real 404s and some SDK-surfaced errors come without it (ECOSYSTEM §1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inner_error: Option<InnerError>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InnerError {
    pub date: String,
    #[serde(rename = "request-id")]
    pub request_id: String,
    #[serde(rename = "client-request-id")]
    pub client_request_id: String,
}

/// The `@odata.type` values the simulator writes.
pub mod odata {
    pub const INVITE_OPERATION: &str = "#microsoft.graph.inviteParticipantsOperation";
    pub const INVITATION_PARTICIPANT_INFO: &str = "#microsoft.graph.invitationParticipantInfo";
    pub const IDENTITY_SET: &str = "#microsoft.graph.identitySet";
    pub const COMMUNICATIONS_IDENTITY_SET: &str = "#microsoft.graph.communicationsIdentitySet";
    pub const IDENTITY: &str = "#microsoft.graph.identity";
    pub const NOTIFICATIONS: &str = "#microsoft.graph.commsNotifications";
    pub const NOTIFICATION: &str = "#microsoft.graph.commsNotification";
    pub const PARTICIPANT: &str = "#microsoft.graph.participant";
    pub const PARTICIPANT_INFO: &str = "#microsoft.graph.participantInfo";
    pub const MEDIA_STREAM: &str = "#microsoft.graph.mediaStream";
    pub const CALL: &str = "#microsoft.graph.call";
    pub const RESULT_INFO: &str = "#microsoft.graph.resultInfo";
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn enums_parse_case_insensitively_and_keep_unknown_members() {
        assert_eq!(OperationStatus::parse("Running"), OperationStatus::Running);
        assert_eq!(EndpointType::parse("Default"), EndpointType::Default);
        assert_eq!(CallState::parse("onHold"), CallState::Other("onHold".into()));
        assert_eq!(
            serde_json::to_value(OperationStatus::Completed).unwrap(),
            json!("completed")
        );
    }

    #[test]
    fn absent_and_null_survive_a_round_trip() {
        let body = json!({
            "participants": [{
                "replacesCallId": null,
                "identity": {"user": {"id": "x", "tenantId": null}, "phone": null, "custom": 1}
            }],
            "extraRoot": true
        });
        let model: InviteBody = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(model.participants[0].replaces_call_id, Nullable::Null);
        assert_eq!(model.participants[0].endpoint_type, Nullable::Absent);
        assert_eq!(serde_json::to_value(&model).unwrap(), body);
    }

    #[test]
    fn an_error_envelope_without_inner_error_reads() {
        let envelope: GraphErrorEnvelope =
            serde_json::from_value(json!({"error": {"code": "itemNotFound", "message": "not found"}})).unwrap();
        assert_eq!(envelope.error.inner_error, None);
        assert_eq!(
            serde_json::to_value(&envelope).unwrap(),
            json!({"error": {"code": "itemNotFound", "message": "not found"}})
        );
    }

    #[test]
    fn roster_members_the_sdks_declare_are_read_by_name() {
        let participant = json!({
            "info": {"identity": {"user": {"id": "u"}}, "countryCode": "BR", "languageId": "pt-BR",
                     "region": "amer", "participantId": "p", "platformId": "4",
                     "nonAnonymizedIdentity": {"user": {"id": "v"}}},
            "mediaStreams": [], "isMuted": false, "isInLobby": false, "id": "x",
            "metadata": "m", "preferredDisplayName": "Ana", "recordingInfo": {"status": "notRecording"},
            "removedState": {"reason": "r"}, "restrictedExperience": {"onlineMeetingRole": "attendee"},
            "isIdentityAnonymized": false, "rosterSequenceNumber": 42, "syntheticMediaDetection": {}
        });
        let model: Participant = serde_json::from_value(participant.clone()).unwrap();
        assert!(
            model.extra.is_empty() && model.info.extra.is_empty(),
            "{:?} {:?}",
            model.extra,
            model.info.extra
        );
        assert_eq!(model.roster_sequence_number, Some(42));
        assert_eq!(model.info.country_code.as_deref(), Some("BR"));
        assert_eq!(serde_json::to_value(&model).unwrap(), participant);
    }
}
