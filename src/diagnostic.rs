//! The one shape every problem takes: a rule (with its data), where it is, and how bad.
//!
//! The stable `code` and the `severity` come from the [`Rule`]; the message and help are
//! rendered from the rule's data in the requested [`Lang`], so positions never live inside
//! message text and every front end (CLI, app, tests) shows the same words.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::pointer::JsonPointer;
use crate::schema::PropertyType;
use crate::source::{Position, Span};

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Graph rejects the request or the operation cannot succeed.
    Error,
    /// Accepted, but ignored, surprising or contradicting the docs.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The JSON type a value has, for type-mismatch messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

/// Every rule the validator knows, with the data its message needs.
///
/// Adding a variant forces a code, a severity, a message and a help text (in every
/// language) through the exhaustive matches below and in [`crate::i18n`].
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    JsonSyntax {
        detail: String,
    },
    JsonTooDeep {
        limit: usize,
    },
    JsonDuplicateKey {
        key: String,
    },
    BodyEmpty,
    BodyNotObject {
        found: JsonKind,
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
    },
    PropertyNotInVersion {
        property: String,
        version: ApiVersion,
    },
    UnknownProperty {
        property: String,
        suggestion: Option<&'static str>,
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

impl ApiVersion {
    pub fn as_str(self) -> &'static str {
        match self {
            ApiVersion::Beta => "beta",
            ApiVersion::V1 => "v1.0",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "beta" => Some(ApiVersion::Beta),
            "v1.0" => Some(ApiVersion::V1),
            _ => None,
        }
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Rule {
    /// The stable kebab-case code users and tests rely on.
    pub fn code(&self) -> &'static str {
        match self {
            Rule::JsonSyntax { .. } => "json-syntax",
            Rule::JsonTooDeep { .. } => "json-too-deep",
            Rule::JsonDuplicateKey { .. } => "json-duplicate-key",
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
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            Rule::JsonDuplicateKey { .. }
            | Rule::PathDeprecatedApp
            | Rule::ContentLengthMismatch { .. }
            | Rule::IdentityMultiple { .. }
            | Rule::GuidFormat { .. }
            | Rule::ReplacesCallIdMultiple { .. }
            | Rule::ReplacesCallIdIgnored { .. }
            | Rule::BotInvitee { .. }
            | Rule::PropertyNotInVersion { .. }
            | Rule::UnknownProperty { .. }
            | Rule::PstnNotProvisioned => Severity::Warning,
            Rule::ClientContextMissing => Severity::Info,
            _ => Severity::Error,
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

/// One problem found in one input.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub rule: Rule,
    /// Into the JSON body; for a missing property, its parent object. `None` for the
    /// request line, headers and the simulated call.
    pub pointer: Option<JsonPointer>,
    /// Bytes of the offending value, key or token in the whole input.
    pub span: Option<Span>,
    /// Where `span` starts.
    pub position: Option<Position>,
}

impl Diagnostic {
    pub fn code(&self) -> &'static str {
        self.rule.code()
    }

    pub fn severity(&self) -> Severity {
        self.rule.severity()
    }

    /// One sentence, lowercase start, no trailing period, quoting the culprit.
    pub fn message(&self, lang: Lang) -> String {
        crate::i18n::rule_message(&self.rule, lang)
    }

    /// How to fix it, naming the documentation section it comes from.
    pub fn help(&self, lang: Lang) -> Option<String> {
        crate::i18n::rule_help(&self.rule, lang)
    }

    /// The serializable form the CLI prints and the app downloads.
    pub fn report(&self, lang: Lang) -> DiagnosticReport {
        DiagnosticReport {
            severity: self.severity(),
            code: self.code(),
            pointer: self.pointer.clone(),
            line: self.position.map(|p| p.line),
            column: self.position.map(|p| p.column),
            message: self.message(lang),
            help: self.help(lang),
        }
    }
}

/// A diagnostic as `check --format json` prints it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DiagnosticReport {
    pub severity: Severity,
    pub code: &'static str,
    pub pointer: Option<JsonPointer>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}
