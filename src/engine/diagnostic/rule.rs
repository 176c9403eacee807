//! Every rule the validator knows, with the data its message needs, its stable code,
//! its severity, and what Graph answers a request that breaks it.

use super::lang::Text;
use super::JsonKind;
use super::Severity;
use crate::engine::model::ApiVersion;
use crate::engine::schema::PropertyType;

/// Where a property of the wrong JSON type is declared: its help says where to look.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Owner {
    /// The invite's own parameters (`participants`, `clientContext`).
    Body,
    /// A type of the request (`invitationParticipantInfo`, `identitySet`, `identity`).
    Request(&'static str),
    /// A type of what the bot received (its docs page).
    Received(&'static str),
}

/// Every rule the validator knows, with the data its message needs.
///
/// Adding a variant forces a code, a severity, a message and a help text (in every
/// language) through the exhaustive matches below and in [`super::message`].
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    JsonSyntax {
        /// What is wrong, in each language (the parser's words are translated too).
        detail: Text<String>,
        /// In what the bot received (`validate::received`): text Graph sent, so its
        /// help is about the copy, not about what Graph reads.
        received: bool,
    },
    /// A body longer than a check reads (`validate::MAX_TEXT`): reported as
    /// `json-syntax`, since it is not read as JSON at all.
    JsonTooLarge {
        limit_mib: usize,
        received: bool,
    },
    JsonTooDeep {
        limit: usize,
    },
    JsonDuplicateKey {
        key: String,
        received: bool,
    },
    /// A raw character of `source::BIDI_CONTROLS` in a key or string of the body, or in
    /// a line of the head.
    BidiControl {
        character: char,
    },
    BodyEmpty,
    BodyNotObject {
        found: JsonKind,
        /// A string that holds an object or a list: JSON encoded twice.
        encoded_twice: bool,
    },
    RequestLineInvalid {
        line: String,
    },
    HeaderMalformed {
        line: String,
    },
    MethodNotAllowed {
        method: String,
    },
    PathInvalid {
        path: String,
        reason: PathProblem,
    },
    PathPlaceholder {
        id: String,
    },
    PathDeprecatedApp,
    HeaderAuthorizationMissing {
        found: Option<String>,
    },
    HeaderContentType {
        found: Option<String>,
    },
    ContentLengthMismatch {
        declared: String,
        actual: usize,
    },
    TypeMismatch {
        property: String,
        expected: PropertyType,
        found: JsonKind,
        /// Where the property's type is declared, for the help.
        owner: Owner,
    },
    ParticipantsMissing,
    ParticipantsEmpty,
    ParticipantsTooMany {
        count: usize,
    },
    IdentityMissing {
        index: usize,
    },
    IdentityEmpty,
    IdentityMultiple {
        kinds: Vec<String>,
    },
    IdentityIdMissing {
        kind: String,
    },
    PhoneNotE164 {
        number: String,
    },
    GuidFormat {
        property: String,
        value: String,
    },
    DuplicateParticipant {
        kind: String,
        id: String,
        first_index: usize,
    },
    ReplacesCallIdMultiple {
        count: usize,
    },
    ReplacesCallIdIgnored {
        index: usize,
    },
    BotInvitee {
        version: ApiVersion,
    },
    ClientContextTooLong {
        length: usize,
    },
    ClientContextMissing,
    OdataTypeMismatch {
        found: String,
        expected: Vec<&'static str>,
    },
    EnumValueUnknown {
        property: String,
        value: String,
        allowed: &'static [&'static str],
        /// The docs page that lists the values (the type, and the enum where it has one).
        docs: &'static str,
    },
    PropertyNotInVersion {
        property: String,
        version: ApiVersion,
    },
    UnknownProperty {
        property: String,
        suggestion: Option<&'static str>,
        /// In what the bot received: Graph sent it, so it is not ignored but undeclared.
        received: bool,
    },
    CallNotEstablished {
        state: String,
    },
    MultipleNeedsGroupCall {
        count: usize,
    },
    ChatInfoRequired {
        count: usize,
    },
    PermissionMissing {
        problem: PermissionProblem,
    },
    PstnNotProvisioned,
    // What the bot received (`validate::received`).
    ReceivedKindUnknown {
        found: Unrecognised,
    },
    RequiredMissing {
        property: String,
    },
    /// A pasted `2xx` answer to the invite with its headers but no `Location`.
    LocationMissing {
        /// Whether a body came with the head (its `id` then names the operation).
        body: bool,
    },
    /// A response head (`200 OK`, or a 4xx/5xx) pasted without its body: what the head
    /// says is still explained; the body Graph sends with it is named.
    ReceivedBodyMissing {
        status: u16,
    },
    /// A 4xx/5xx answer whose body is not JSON (a gateway's HTML or plain-text page):
    /// not Graph's own error envelope; what its head says is still explained.
    ReceivedBodyNotJson {
        status: u16,
        /// Its `Content-Type`, when it has one.
        media: Option<String>,
    },
    /// An HTTP status that does not go with its body: an operation under anything but
    /// `200`, or Graph's error envelope under a `2xx`.
    HttpStatusUnexpected {
        status: u16,
        /// The body is Graph's `error` envelope (else an operation).
        error_envelope: bool,
    },
    /// A `commsNotifications` body whose `value` list is empty: a delivery Graph does not
    /// make (assumed).
    NotificationsEmpty,
    /// A notification of a finished operation (`completed`, `failed`) whose `changeType`
    /// is not `deleted`.
    ChangeTypeUnexpected {
        found: String,
        status: String,
    },
    StatusCasing {
        property: String,
        found: String,
        expected: &'static str,
    },
    CommunicationsKeyOnIdentitySet {
        key: String,
    },
    ResponseLineInvalid {
        line: String,
    },
    CorrelationMismatch {
        what: Correlated,
        found: String,
        expected: String,
    },
}

/// What a received payload that is none of Graph's turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unrecognised {
    /// Nothing at all (a head without a body): said so, not judged as a request's
    /// missing body would be.
    Nothing,
    /// A list whose first element is a notification: the `value` list copied without
    /// the object around it, as logs often print it.
    BareNotifications,
    /// A JSON string holding an object or a list: the payload encoded twice, as a log
    /// that stores the body as a string prints it.
    EncodedTwice,
    /// A change notification from a Graph subscription (a `resource` outside calls, or
    /// a lifecycle event: chat messages, presence, call records…), which a bot's webhook
    /// may also receive; calls POST `commsNotification`s instead.
    ChangeNotifications,
    /// Anything else.
    Other,
}

/// What a received payload is matched against in the request the bot sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Correlated {
    /// The request's `clientContext`, echoed by the operation.
    ClientContext,
    /// The call the request went to, in `resourceUrl`.
    CallId,
    /// An invitee of the request, against the echoed or roster participants.
    Invitee,
    /// The operation id the `Location` header named, against the body's `id`.
    OperationId,
}

/// Why a request path is not the invite path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathProblem {
    /// The path is not `[/{version}]/communications/calls/{id}/participants/invite`.
    Shape,
    /// The first segment names a version other than `beta` or `v1.0`.
    UnknownVersion,
    /// The call id segment is empty.
    EmptyCallId,
}

/// What the simulated token lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PermissionProblem {
    DelegatedToken,
    MissingRole,
}

impl Rule {
    /// The stable kebab-case code users and tests rely on.
    pub fn code(&self) -> &'static str {
        match self {
            Rule::JsonSyntax { .. } | Rule::JsonTooLarge { .. } => "json-syntax",
            Rule::JsonTooDeep { .. } => "json-too-deep",
            Rule::JsonDuplicateKey { .. } => "json-duplicate-key",
            Rule::BidiControl { .. } => "bidi-control",
            Rule::BodyEmpty => "body-empty",
            Rule::BodyNotObject { .. } => "body-not-object",
            Rule::RequestLineInvalid { .. } => "request-line-invalid",
            Rule::HeaderMalformed { .. } => "header-malformed",
            Rule::MethodNotAllowed { .. } => "method-not-allowed",
            Rule::PathInvalid { .. } => "path-invalid",
            Rule::PathPlaceholder { .. } => "path-placeholder",
            Rule::PathDeprecatedApp => "path-deprecated-app",
            Rule::HeaderAuthorizationMissing { .. } => "header-authorization-missing",
            Rule::HeaderContentType { .. } => "header-content-type",
            Rule::ContentLengthMismatch { .. } => "content-length-mismatch",
            Rule::TypeMismatch { .. } => "type-mismatch",
            Rule::ParticipantsMissing => "participants-missing",
            Rule::ParticipantsEmpty => "participants-empty",
            Rule::ParticipantsTooMany { .. } => "participants-too-many",
            Rule::IdentityMissing { .. } => "identity-missing",
            Rule::IdentityEmpty => "identity-empty",
            Rule::IdentityMultiple { .. } => "identity-multiple",
            Rule::IdentityIdMissing { .. } => "identity-id-missing",
            Rule::PhoneNotE164 { .. } => "phone-not-e164",
            Rule::GuidFormat { .. } => "guid-format",
            Rule::DuplicateParticipant { .. } => "duplicate-participant",
            Rule::ReplacesCallIdMultiple { .. } => "replaces-call-id-multiple",
            Rule::ReplacesCallIdIgnored { .. } => "replaces-call-id-ignored",
            Rule::BotInvitee { .. } => "bot-invitee",
            Rule::ClientContextTooLong { .. } => "client-context-too-long",
            Rule::ClientContextMissing => "client-context-missing",
            Rule::OdataTypeMismatch { .. } => "odata-type-mismatch",
            Rule::EnumValueUnknown { .. } => "enum-value-unknown",
            Rule::PropertyNotInVersion { .. } => "property-not-in-version",
            Rule::UnknownProperty { .. } => "unknown-property",
            Rule::CallNotEstablished { .. } => "call-not-established",
            Rule::MultipleNeedsGroupCall { .. } => "multiple-needs-group-call",
            Rule::ChatInfoRequired { .. } => "chat-info-required",
            Rule::PermissionMissing { .. } => "permission-missing",
            Rule::PstnNotProvisioned => "pstn-not-provisioned",
            Rule::ReceivedKindUnknown { .. } => "received-kind-unknown",
            Rule::RequiredMissing { .. } => "required-missing",
            Rule::LocationMissing { .. } => "location-missing",
            Rule::ReceivedBodyMissing { .. } => "received-body-missing",
            Rule::ReceivedBodyNotJson { .. } => "received-body-not-json",
            Rule::HttpStatusUnexpected { .. } => "http-status-unexpected",
            Rule::ChangeTypeUnexpected { .. } => "change-type-unexpected",
            Rule::NotificationsEmpty => "notifications-empty",
            Rule::StatusCasing { .. } => "status-casing",
            Rule::CommunicationsKeyOnIdentitySet { .. } => "communications-key-on-identity-set",
            Rule::ResponseLineInvalid { .. } => "response-line-invalid",
            Rule::CorrelationMismatch { .. } => "correlation-mismatch",
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            Rule::JsonDuplicateKey { .. }
            | Rule::BidiControl { .. }
            | Rule::PathDeprecatedApp
            | Rule::ContentLengthMismatch { .. }
            | Rule::IdentityMultiple { .. }
            | Rule::GuidFormat { .. }
            | Rule::ReplacesCallIdMultiple { .. }
            | Rule::ReplacesCallIdIgnored { .. }
            | Rule::BotInvitee { .. }
            | Rule::PropertyNotInVersion { .. }
            | Rule::UnknownProperty { .. }
            | Rule::PstnNotProvisioned
            | Rule::StatusCasing { .. }
            | Rule::CommunicationsKeyOnIdentitySet { .. }
            | Rule::CorrelationMismatch { .. }
            | Rule::HttpStatusUnexpected { .. }
            | Rule::ReceivedBodyMissing { .. }
            | Rule::ReceivedBodyNotJson { .. }
            | Rule::ChangeTypeUnexpected { .. }
            | Rule::NotificationsEmpty => Severity::Warning,
            Rule::ClientContextMissing | Rule::LocationMissing { .. } => Severity::Info,
            _ => Severity::Error,
        }
    }

    /// The rule as found in what the bot received rather than in a request: the JSON
    /// rules' help then speaks of the text Graph sent, and an undeclared member of
    /// something Graph sends is not one Graph ignores.
    pub fn mark_received(&mut self) {
        if let Rule::JsonSyntax { received, .. }
        | Rule::JsonTooLarge { received, .. }
        | Rule::JsonDuplicateKey { received, .. }
        | Rule::UnknownProperty { received, .. } = self
        {
            *received = true;
        }
    }

    /// Whether the rule is about the simulated call rather than the request text.
    pub fn is_call_context(&self) -> bool {
        matches!(
            self,
            Rule::CallNotEstablished { .. }
                | Rule::MultipleNeedsGroupCall { .. }
                | Rule::ChatInfoRequired { .. }
                | Rule::PermissionMissing { .. }
                | Rule::PstnNotProvisioned
        )
    }
}

/// How Graph turns down a request that breaks a rule: the HTTP status, the error code
/// of its envelope, and the order in which a service checks things (the request line,
/// the method, the path, the token, the media type, then the body and the call).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rejection {
    pub status: u16,
    pub code: &'static str,
    /// Lower is checked first; rules with the same rank keep their order in the text.
    pub rank: u8,
}

impl Rule {
    /// What Graph answers; statuses the docs do not show are "assumed" (ARCHITECTURE.md).
    pub fn rejection(&self) -> Rejection {
        let (status, code, rank) = match self {
            Rule::RequestLineInvalid { .. } | Rule::HeaderMalformed { .. } => (400, "BadRequest", 0),
            Rule::MethodNotAllowed { .. } => (405, "MethodNotAllowed", 1),
            Rule::PathInvalid { .. } | Rule::PathPlaceholder { .. } => (400, "BadRequest", 2),
            Rule::HeaderAuthorizationMissing { .. } => (401, "InvalidAuthenticationToken", 3),
            Rule::PermissionMissing { .. } => (403, "Forbidden", 4),
            Rule::HeaderContentType { .. } => (415, "UnsupportedMediaType", 5),
            Rule::CallNotEstablished { .. } => (409, "Conflict", 7),
            rule if rule.is_call_context() => (400, "BadRequest", 7),
            _ => (400, "BadRequest", 6),
        };
        Rejection { status, code, rank }
    }
}
