//! The one shape every problem takes: a rule (with its data), where it is, and how bad.
//!
//! The stable `code`, the `severity` and the HTTP status Graph answers with come from the
//! [`Rule`] ([`rule`]); the message and help are rendered from the rule's data in the
//! requested [`Lang`] ([`message`], [`lang`]), so positions never live inside message
//! text and every front end (CLI, app, tests) shows the same words.

pub mod lang;
pub mod message;
pub mod rule;

use serde::Serialize;

pub use self::lang::Lang;
pub use self::rule::{Correlated, Owner, PathProblem, PermissionProblem, Rejection, Rule, Unrecognised};
pub use crate::engine::model::ApiVersion;
use crate::engine::pointer::JsonPointer;
use crate::engine::source::{Position, Span};

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Graph rejects the request or the operation cannot succeed.
    Error,
    /// Accepted, but ignored, surprising or contradicting the docs.
    Warning,
    /// Worth knowing.
    Info,
}

crate::vocabulary!(Severity { Error => "error", Warning => "warning", Info => "info" });

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
        message::rule_message(&self.rule, lang)
    }

    /// How to fix it, naming the documentation section it comes from.
    pub fn help(&self, lang: Lang) -> Option<String> {
        message::rule_help(&self.rule, lang)
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
    /// Absent (not `null`) for the request line, headers and the call (SPEC §2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<JsonPointer>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}
