//! The simulator: a checked request, the call it goes into and an outcome in; a
//! timeline of HTTP messages and webhook notifications out, exactly as Graph would send
//! them (corrected mode) or as the docs print them (doc-faithful mode).
//!
//! Time is an input: every event carries `atMs` on a simulated clock, and every id and
//! date comes from [`clock`] and the user's seed, so a run is reproducible byte for byte.

mod clock;
mod corrected;
mod doc_faithful;
mod outcome;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::call_context::CallContext;
use crate::i18n::Lang;
use crate::pointer::JsonPointer;
use crate::scenarios::Preset;
use crate::validate::Checked;

pub use clock::Ids;
pub use corrected::KEPT_AS_GRAPH_SENDS;
pub use outcome::Outcome;

/// Which truth the timeline tells.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// What the real service sends, with the docs' defects fixed and named.
    #[default]
    Corrected,
    /// The docs' example JSON byte for byte, each defect annotated with its register id.
    DocFaithful,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Corrected => "corrected",
            Mode::DocFaithful => "doc-faithful",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "corrected" => Some(Mode::Corrected),
            "doc-faithful" => Some(Mode::DocFaithful),
            _ => None,
        }
    }
}

/// Who sends an HTTP message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Actor {
    Bot,
    Graph,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Request,
    Response,
    Notification,
}

/// What a notification is about, for titles and the sequence diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Subject {
    Operation,
    Roster,
    ReplacedCall,
}

/// What kind of remark a note makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteKind {
    /// A defect of the docs, shown where it occurs (doc-faithful mode).
    Defect,
    /// A defect of the docs that this message fixes (corrected mode).
    Fixed,
    /// A value no source pins down: the simulator's choice.
    Assumed,
}

/// A remark attached to an event, optionally at a place in its body.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    pub kind: NoteKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub defect: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<JsonPointer>,
    pub text: String,
    #[serde(skip)]
    pub text_pt: String,
}

impl Note {
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.text,
            Lang::PtBr => &self.text_pt,
        }
    }

    fn assumed(en: impl Into<String>, pt: impl Into<String>) -> Self {
        Note {
            kind: NoteKind::Assumed,
            defect: None,
            pointer: None,
            text: en.into(),
            text_pt: pt.into(),
        }
    }

    fn defect(kind: NoteKind, id: &'static str, pointer: Option<JsonPointer>) -> Self {
        let defect = crate::scenarios::defect(id);
        Note {
            kind,
            defect: Some(id),
            pointer,
            text: defect.map_or("", |d| d.en).to_owned(),
            text_pt: defect.map_or("", |d| d.pt).to_owned(),
        }
    }
}

/// One HTTP message on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub at_ms: u64,
    pub from: Actor,
    pub to: Actor,
    pub kind: EventKind,
    pub method: Option<String>,
    pub url: Option<String>,
    pub status: Option<u16>,
    pub headers: Vec<(String, String)>,
    /// The JSON body (`Null` when there is none or it did not parse).
    pub body: Value,
    /// The body exactly as written, when it must be shown byte for byte.
    pub body_text: Option<String>,
    pub subject: Option<Subject>,
    pub notes: Vec<Note>,
}

impl Event {
    /// The body as people read it: verbatim when known, else pretty-printed.
    pub fn display_body(&self) -> String {
        match (&self.body_text, &self.body) {
            (Some(text), _) => text.clone(),
            (None, Value::Null) => String::new(),
            (None, value) => crate::export::pretty_json(value),
        }
    }

    /// A string property of the notification's `resourceData` (`status`, `state`…).
    pub fn resource_field(&self, name: &str) -> Option<&str> {
        self.body.get("value")?.get(0)?.get("resourceData")?.get(name)?.as_str()
    }

    /// `POST https://…` for a request or notification, `HTTP/1.1 200 OK` for a response.
    pub fn start_line(&self) -> String {
        match (&self.method, &self.url, self.status) {
            (_, _, Some(status)) => format!("HTTP/1.1 {status} {}", reason_phrase(status))
                .trim_end()
                .to_owned(),
            (Some(method), Some(url), _) => format!("{method} {url}"),
            _ => String::new(),
        }
    }

    /// The whole message as HTTP text: start line, headers, blank line, body.
    pub fn as_http(&self) -> String {
        let mut out = self.start_line();
        for (name, value) in &self.headers {
            out.push_str(&format!("\n{name}: {value}"));
        }
        out.push_str("\n\n");
        out.push_str(&self.display_body());
        out
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("atMs", &self.at_ms)?;
        map.serialize_entry("from", &self.from)?;
        map.serialize_entry("to", &self.to)?;
        map.serialize_entry("kind", &self.kind)?;
        if let Some(method) = &self.method {
            map.serialize_entry("method", method)?;
        }
        if let Some(url) = &self.url {
            map.serialize_entry("url", url)?;
        }
        if let Some(status) = self.status {
            map.serialize_entry("status", &status)?;
        }
        let headers: serde_json::Map<String, Value> = self
            .headers
            .iter()
            .map(|(name, value)| (name.clone(), Value::String(value.clone())))
            .collect();
        map.serialize_entry("headers", &headers)?;
        if let Some(subject) = self.subject {
            map.serialize_entry("subject", &subject)?;
        }
        map.serialize_entry("body", &self.body)?;
        if !self.notes.is_empty() {
            map.serialize_entry("notes", &self.notes)?;
        }
        map.end()
    }
}

/// A participant in the sequence diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase", tag = "lifeline", content = "index")]
pub enum Lifeline {
    Bot,
    Graph,
    GroupCall,
    Invitee(usize),
    ReplacedCall,
}

/// Something that happens between lifelines without an HTTP message to the bot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SignalKind {
    Ring,
    Join,
    Decline,
    NoAnswer,
    MediaFailure,
    DialOutRefused,
    ReplaceFailure,
    LeaveReplacedCall,
    EndReplacedCall,
    SdkTimeout,
}

impl SignalKind {
    pub fn label(self, lang: Lang) -> &'static str {
        let (en, pt) = match self {
            SignalKind::Ring => ("invites (rings)", "convida (toca)"),
            SignalKind::Join => ("joins the call", "entra na chamada"),
            SignalKind::Decline => ("declines", "recusa"),
            SignalKind::NoAnswer => ("does not answer", "não atende"),
            SignalKind::MediaFailure => ("media fails", "a mídia falha"),
            SignalKind::DialOutRefused => ("PSTN dial-out refused", "discagem PSTN recusada"),
            SignalKind::ReplaceFailure => ("replacing fails", "a substituição falha"),
            SignalKind::LeaveReplacedCall => ("leaves the replaced call", "sai da chamada substituída"),
            SignalKind::EndReplacedCall => ("ends the replaced call", "encerra a chamada substituída"),
            SignalKind::SdkTimeout => ("SDK stops waiting (30 s)", "o SDK para de esperar (30 s)"),
        };
        match lang {
            Lang::En => en,
            Lang::PtBr => pt,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Signal {
    pub at_ms: u64,
    pub from: Lifeline,
    pub to: Lifeline,
    pub kind: SignalKind,
}

/// The whole simulated exchange.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub outcome: Outcome,
    pub mode: Mode,
    pub events: Vec<Event>,
    pub signals: Vec<Signal>,
    /// Labels of the invitees acted on, for the diagram's lifelines.
    pub invitees: Vec<String>,
    /// The call a `replacesCallId` named, when one is replaced.
    pub replaced_call: Option<String>,
    /// The group call the invite went to.
    pub call_id: String,
}

impl Timeline {
    /// When the last thing happens.
    pub fn duration_ms(&self) -> u64 {
        let events = self.events.iter().map(|event| event.at_ms);
        let signals = self.signals.iter().map(|signal| signal.at_ms);
        events.chain(signals).max().unwrap_or(0)
    }
}

impl Serialize for Timeline {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("outcome", self.outcome.name())?;
        map.serialize_entry("mode", self.mode.name())?;
        map.serialize_entry("callId", &self.call_id)?;
        map.serialize_entry("events", &self.events)?;
        map.serialize_entry("signals", &self.signals)?;
        map.end()
    }
}

/// The reason phrase of the statuses the simulator sends.
pub fn reason_phrase(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// `2.863 s`: milliseconds as seconds, in integer arithmetic (no float formatting code
/// in the wasm).
pub fn format_seconds(ms: u64, decimals: u32) -> String {
    let scale = 10u64.pow(3 - decimals.min(3));
    let rounded = (ms + scale / 2) / scale;
    let unit = 10u64.pow(decimals.min(3));
    if decimals == 0 {
        format!("{rounded} s")
    } else {
        format!(
            "{}.{:0width$} s",
            rounded / unit,
            rounded % unit,
            width = decimals as usize
        )
    }
}

/// What the user chose besides the request and the call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    pub outcome: Outcome,
    pub mode: Mode,
    pub seed: u64,
}

/// Plays the exchange for a checked request. Doc-faithful mode needs `preset` (it
/// replays that example's JSON); without one it falls back to corrected mode.
pub fn simulate(checked: &Checked, context: &CallContext, settings: Settings, preset: Option<&Preset>) -> Timeline {
    match (settings.mode, preset) {
        (Mode::DocFaithful, Some(preset)) => doc_faithful::play(checked, context, settings, preset),
        _ => corrected::play(
            checked,
            context,
            Settings {
                mode: Mode::Corrected,
                ..settings
            },
            preset,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::format_seconds;

    #[test]
    fn seconds_are_formatted_without_floats() {
        assert_eq!(format_seconds(2863, 3), "2.863 s");
        assert_eq!(format_seconds(2863, 1), "2.9 s");
        assert_eq!(format_seconds(50, 1), "0.1 s");
        assert_eq!(format_seconds(60_250, 0), "60 s");
        assert_eq!(format_seconds(0, 3), "0.000 s");
    }
}
