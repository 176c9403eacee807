//! The timeline the simulator produces: events (HTTP messages with who, when and
//! notes), signals between lifelines for the sequence diagram, and how they serialize.

use std::ops::{Deref, DerefMut};

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use super::Outcome;
use crate::engine::diagnostic::lang::{serialize_english, Lang, Text};
use crate::engine::explain::Step;
use crate::engine::http::Message;
use crate::engine::pointer::JsonPointer;
use crate::engine::scenarios::{self, Mode};
use crate::engine::vocabulary::Vocabulary;

/// Who sends an HTTP message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Actor {
    Bot,
    Graph,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Request,
    Response,
    Notification,
}

/// What a notification is about, for titles and the sequence diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Subject {
    Operation,
    Roster,
    ReplacedCall,
}

/// What kind of remark a note makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    /// In English in the JSON report; both languages for the app.
    #[serde(serialize_with = "serialize_english")]
    pub text: Text,
}

impl Note {
    pub fn text(&self, lang: Lang) -> &'static str {
        self.text.pick(lang)
    }

    /// A value no source pins down, and why the simulator chose it.
    pub(crate) fn assumed(en: &'static str, pt: &'static str) -> Self {
        Note {
            kind: NoteKind::Assumed,
            defect: None,
            pointer: None,
            text: Text::new(en, pt),
        }
    }

    /// Defect `id` of the register, shown (or fixed) at `pointer`.
    pub(crate) fn defect(kind: NoteKind, id: &'static str, pointer: Option<JsonPointer>) -> Self {
        Note {
            kind,
            defect: Some(id),
            pointer,
            text: scenarios::defect(id).map_or(Text::default(), |defect| defect.text),
        }
    }
}

/// One HTTP message on the timeline: who sends it when, and what the docs' register
/// says about it. The message's own fields (`status`, `headers`, `body`…) read through.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub at_ms: u64,
    pub from: Actor,
    pub to: Actor,
    pub kind: EventKind,
    pub message: Message,
    pub subject: Option<Subject>,
    pub notes: Vec<Note>,
}

impl Deref for Event {
    type Target = Message;

    fn deref(&self) -> &Message {
        &self.message
    }
}

impl DerefMut for Event {
    fn deref_mut(&mut self) -> &mut Message {
        &mut self.message
    }
}

impl Event {
    /// The bot's request to Graph.
    pub fn request(at_ms: u64, message: Message, notes: Vec<Note>) -> Self {
        Event {
            at_ms,
            from: Actor::Bot,
            to: Actor::Graph,
            kind: EventKind::Request,
            message,
            subject: None,
            notes,
        }
    }

    /// Graph's synchronous answer.
    pub fn response(at_ms: u64, message: Message, notes: Vec<Note>) -> Self {
        Event {
            at_ms,
            from: Actor::Graph,
            to: Actor::Bot,
            kind: EventKind::Response,
            message,
            subject: None,
            notes,
        }
    }

    /// A webhook notification Graph POSTs to the bot's callback URL.
    pub fn notification(at_ms: u64, message: Message, subject: Subject, notes: Vec<Note>) -> Self {
        Event {
            at_ms,
            from: Actor::Graph,
            to: Actor::Bot,
            kind: EventKind::Notification,
            message,
            subject: Some(subject),
            notes,
        }
    }

    /// The step of the invite sequence this message is, as `explain` names it.
    pub fn step(&self) -> Option<Step> {
        match (self.kind, self.subject, self.status) {
            (EventKind::Request, _, _) => None,
            (EventKind::Response, _, Some(200)) => Some(Step::ActionResponse),
            (EventKind::Response, _, _) => Some(Step::ErrorResponse),
            (_, Some(Subject::Roster), _) => Some(Step::RosterUpdated),
            (_, Some(Subject::ReplacedCall), _) => Some(Step::ReplacedCall),
            _ => match self.resource_field("status").map(str::to_ascii_lowercase).as_deref() {
                Some("completed") => Some(Step::OperationCompleted),
                Some("failed") => Some(Step::OperationFailed),
                _ => Some(Step::OperationUpdate),
            },
        }
    }

    /// A string property of the notification's `resourceData` (`status`, `state`…).
    pub fn resource_field(&self, name: &str) -> Option<&str> {
        self.body.get("value")?.get(0)?.get("resourceData")?.get(name)?.as_str()
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
        // A request keeps its body only as text: streamed from its tree, never a value.
        map.serialize_entry("body", &self.body_json())?;
        if !self.notes.is_empty() {
            map.serialize_entry("notes", &self.notes)?;
        }
        map.end()
    }
}

/// A participant in the sequence diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "lifeline", content = "index")]
pub enum Lifeline {
    Bot,
    Graph,
    GroupCall,
    Invitee(usize),
    ReplacedCall,
}

/// Something that happens between lifelines without an HTTP message to the bot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
        Text::new(en, pt).pick(lang)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    /// Its bodies are only their starts: a large run as the page holds it (the Web
    /// Worker, which simulated it, gives whole messages on demand). Never abridged
    /// where the simulator runs.
    pub abridged: bool,
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
