//! The work the page hands to its Web Worker: checking a large request, running the
//! request (the simulator), writing it as code and explaining what the bot received.
//! The simulator, the snippet generators, the received-payload reader and the
//! explainer's catalogue live only in the worker's wasm, so the app's first load does
//! not carry them. A run comes back as a [`TimelineWire`]; a large one abridged (each
//! body only as far as a card shows it), its whole parts on demand ([`RunPart`]).
//! [`handle`] is plain Rust: the worker binary calls it, the tests call it natively.
//! Jobs and replies cross the boundary as postcard bytes ([`encode`], [`decode`];
//! `ui::worker`, `src/worker.rs`). As JSON text, the page linked serde_json's reading of
//! every derived type both as a map and as a list, with names matched as text: 72 KB of
//! the page's code before wasm-opt. serde-wasm-bindgen was measured to add 9.7 KB gzip
//! to the first load for these few types (its own code, a second instantiation of every
//! derived (de)serializer, and 3 KB more glue).
//!
//! An explanation comes back as a [`ReceivedView`], a check as a [`Verdict`]: the words
//! already in both languages, so switching language needs no new question and the page
//! never links the explainer's message tables. A request over [`LARGE_INPUT`]
//! bytes is checked here, not on the page: its check takes hundreds of milliseconds
//! (4 MiB with 100,000 problems: about 300 ms in wasm), which would freeze the page; a
//! `Verdict` is small whatever the input, so the answer lands in a few milliseconds.

use serde::{Deserialize, Serialize};

use crate::engine::call_context::CallContext;
use crate::engine::diagnostic::lang::{Lang, Text};
use crate::engine::diagnostic::{Diagnostic, Severity};
use crate::engine::explain::{explain, Explained, Step};
use crate::engine::http::{CappedStrings, Message};
use crate::engine::model::ApiVersion;
use crate::engine::pointer::JsonPointer;
use crate::engine::scenarios::{self, Mode};
use crate::engine::simulate::{
    self, Actor, Event, EventKind, Lifeline, Note, NoteKind, Outcome, Settings, Signal, SignalKind, Subject,
    SyncFailure, Timeline,
};
use crate::engine::snippet::{snippet, SnippetLang};
use crate::engine::source::Span;
use crate::engine::validate::{self, check, CheckOptions, Checked, ReceivedOptions, RequestFacts};
use crate::engine::vocabulary::Vocabulary;

/// `value` in the wire format between the page and its worker.
pub fn encode<T: Serialize>(value: &T) -> Option<Vec<u8>> {
    postcard::to_allocvec(value).ok()
}

/// A value [`encode`] wrote; `None` for anything else (the other side is this crate, so
/// only a stale or foreign message fails).
pub fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    postcard::from_bytes(bytes).ok()
}

/// What the worker posts once it listens: the page holds its jobs until then.
pub const READY: &str = "ready";

/// How many of a received payload's findings are listed (the rest are counted).
pub const LISTED_FINDINGS: usize = 200;

/// How many of a received payload's items are explained on the page (the rest are
/// counted): a notification of 12,000 operations took the page 2.9 s to draw in full
/// (measured), and the first ones say what each kind means.
pub const LISTED_ITEMS: usize = 50;

/// How many of a request's diagnostics a [`Verdict`] lists with their words (the page's
/// list shows these; the rest are counted). Enough to fix the first ones; 200 cost the
/// page 50 ms to read and draw (measured).
pub const LISTED_DIAGNOSTICS: usize = 100;

/// How many diagnostics a [`Verdict`] marks in the text (the first, in text order):
/// each mark is an element of the editor's highlight layer, and a 100 KB body with
/// 2,424 of them took the page 330 ms to paste (measured), 200 on one line with a
/// form of cards 77 ms; as many as the list names ([`LISTED_DIAGNOSTICS`]), and the
/// counts still cover every one.
pub const MARKED_DIAGNOSTICS: usize = 100;

/// What the worker is asked to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Task {
    /// Check the request (text, version, call); mark what starts before `marked_until`
    /// (the part of the text the editor shows).
    Check {
        text: String,
        version: ApiVersion,
        context: CallContext,
        marked_until: usize,
        /// The worker keeps a large text under this key (the page's revision), so a
        /// run of it need not send its megabytes again.
        key: u64,
    },
    /// Write the request (text, version, call) as code in `lang`.
    Snippet {
        text: String,
        version: ApiVersion,
        context: CallContext,
        lang: SnippetLang,
    },
    /// Read a cURL command as the HTTP message it sends (`engine::curl`).
    ReadCurl { text: String },
    /// Check and explain a received payload against the request's facts.
    Explain {
        text: String,
        version: ApiVersion,
        request: Option<RequestFacts>,
    },
    /// Run the request (text, version, call) with the playback's settings (outcome and
    /// mode by name), replaying `preset` in doc-faithful mode. With `refusal` (Graph's
    /// answer to a large request already checked), play it from the request's head.
    Run {
        text: String,
        version: ApiVersion,
        context: CallContext,
        outcome: String,
        mode: String,
        seed: u64,
        preset: Option<String>,
        refusal: Option<SyncFailure>,
        /// A whole part of the run instead of its timeline.
        part: Option<RunPart>,
        /// The text is the one checked under this key, sent empty: converting 4 MiB to
        /// a JavaScript string and posting it cost the page ~20 ms (75 ms on a phone).
        kept: Option<u64>,
    },
}

impl Task {
    fn text_mut(&mut self) -> &mut String {
        match self {
            Task::Check { text, .. }
            | Task::Snippet { text, .. }
            | Task::Explain { text, .. }
            | Task::ReadCurl { text }
            | Task::Run { text, .. } => text,
        }
    }

    /// Takes the task's text out, to cross to the worker as a string of its own: escaping
    /// megabytes into JSON (and reading them back) costs the page tens of milliseconds.
    pub fn take_text(&mut self) -> String {
        std::mem::take(self.text_mut())
    }

    /// Puts back the text [`Task::take_text`] took.
    pub fn put_text(&mut self, text: String) {
        *self.text_mut() = text;
    }
}

/// A [`Task`], numbered so that a late answer to an old question is ignored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Job {
    pub id: u64,
    pub task: Task,
}

/// What a [`Task`] produced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    Checked(Verdict),
    Snippet {
        lang: SnippetLang,
        code: String,
    },
    Explained(ReceivedView),
    /// The message a cURL command sends, if it is one that can be read.
    CurlMessage(Option<String>),
    Ran(TimelineWire),
    /// A [`RunPart`], whole.
    RunText(String),
    /// The run's text was not kept (asked by key): ask again with the text.
    NeedText,
}

/// A run's [`Timeline`] as it crosses from the worker to the page: every field, the
/// notes in both languages (the report's serialization keeps only English). The
/// simulator lives only in the worker's wasm; the page reads its timelines.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineWire {
    outcome: String,
    mode: String,
    events: Vec<EventWire>,
    signals: Vec<SignalWire>,
    invitees: Vec<String>,
    replaced_call: Option<String>,
    call_id: String,
    abridged: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct EventWire {
    at_ms: u64,
    from: Actor,
    to: Actor,
    kind: EventKind,
    message: Message,
    subject: Option<Subject>,
    notes: Vec<NoteWire>,
}

/// A [`Signal`] with its lifelines as numbers ([`lifeline_number`]): the report's
/// JSON tags a lifeline by name beside its index, a form postcard cannot read back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct SignalWire {
    at_ms: u64,
    from: usize,
    to: usize,
    kind: SignalKind,
}

/// The lifelines with no index, in the order of their numbers; an invitee's number
/// follows them.
const LIFELINES: [Lifeline; 4] = [
    Lifeline::Bot,
    Lifeline::Graph,
    Lifeline::GroupCall,
    Lifeline::ReplacedCall,
];

fn lifeline_number(lifeline: Lifeline) -> usize {
    match lifeline {
        Lifeline::Invitee(index) => LIFELINES.len().saturating_add(index),
        other => LIFELINES.iter().position(|known| *known == other).unwrap_or_default(),
    }
}

fn lifeline_of(number: usize) -> Lifeline {
    match number.checked_sub(LIFELINES.len()) {
        Some(index) => Lifeline::Invitee(index),
        None => LIFELINES.get(number).copied().unwrap_or(Lifeline::Bot),
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct NoteWire {
    kind: NoteKind,
    defect: Option<String>,
    pointer: Option<String>,
    text: Text<String>,
}

impl From<&Timeline> for TimelineWire {
    fn from(timeline: &Timeline) -> Self {
        let events = timeline
            .events
            .iter()
            .map(|event| EventWire {
                at_ms: event.at_ms,
                from: event.from,
                to: event.to,
                kind: event.kind,
                message: event.message.clone(),
                subject: event.subject,
                notes: event
                    .notes
                    .iter()
                    .map(|note| NoteWire {
                        kind: note.kind,
                        defect: note.defect.map(str::to_owned),
                        pointer: note.pointer.as_ref().map(|pointer| pointer.as_str().to_owned()),
                        text: Text::new(note.text.en.to_owned(), note.text.pt.to_owned()),
                    })
                    .collect(),
            })
            .collect();
        TimelineWire {
            outcome: timeline.outcome.name().to_owned(),
            mode: timeline.mode.name().to_owned(),
            events,
            signals: timeline
                .signals
                .iter()
                .map(|signal| SignalWire {
                    at_ms: signal.at_ms,
                    from: lifeline_number(signal.from),
                    to: lifeline_number(signal.to),
                    kind: signal.kind,
                })
                .collect(),
            invitees: timeline.invitees.clone(),
            replaced_call: timeline.replaced_call.clone(),
            call_id: timeline.call_id.clone(),
            abridged: timeline.abridged,
        }
    }
}

impl TimelineWire {
    /// The timeline again; `None` if it names an outcome or mode this build lacks.
    pub fn into_timeline(self) -> Option<Timeline> {
        let events = self
            .events
            .into_iter()
            .map(|event| Event {
                at_ms: event.at_ms,
                from: event.from,
                to: event.to,
                kind: event.kind,
                message: event.message,
                subject: event.subject,
                notes: event
                    .notes
                    .into_iter()
                    .map(|note| Note {
                        kind: note.kind,
                        defect: note.defect.map(interned),
                        pointer: note.pointer.as_deref().and_then(JsonPointer::parse),
                        text: Text::new(interned(note.text.en), interned(note.text.pt)),
                    })
                    .collect(),
            })
            .collect();
        Some(Timeline {
            outcome: Outcome::parse(&self.outcome)?,
            mode: Mode::parse(&self.mode)?,
            events,
            signals: self
                .signals
                .into_iter()
                .map(|signal| Signal {
                    at_ms: signal.at_ms,
                    from: lifeline_of(signal.from),
                    to: lifeline_of(signal.to),
                    kind: signal.kind,
                })
                .collect(),
            invitees: self.invitees,
            replaced_call: self.replaced_call,
            call_id: self.call_id,
            abridged: self.abridged,
        })
    }

    /// The timeline with every body cut to what a card shows ([`ABRIDGED_BODY`]
    /// bytes, printed): a 4 MiB run's messages are 16 MB, which the page would take
    /// over 100 ms to read; whole messages come as [`RunPart`]s.
    pub fn abridged(timeline: &Timeline) -> Self {
        let mut wire = TimelineWire::from(timeline);
        for event in wire.events.iter_mut().map(|event| &mut event.message) {
            let value = CappedStrings {
                value: &event.body,
                limit: ABRIDGED_BODY,
            };
            event.body = value.value();
            if let Some(text) = &mut event.body_text {
                let cut = CappedStrings::text(text, ABRIDGED_BODY).len();
                text.truncate(cut);
            }
        }
        wire.abridged = true;
        wire
    }
}

/// Above this many bytes a request is "large": checked by the Web Worker once typing
/// pauses, never on the page, so a multi-megabyte paste never blocks it; and its run
/// reaches the page abridged. 64 KiB, not more: checking 100 KB of an error-heavy body
/// on the page took 27 ms of a 92–117 ms paste task (measured).
pub const LARGE_INPUT: usize = 64 * 1024;

/// How much of each body an abridged run keeps: what an event card shows.
pub const ABRIDGED_BODY: usize = 16 * 1024;

/// A whole part of a run the page holds abridged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RunPart {
    /// Event `index` as HTTP text (to copy it, or to explain it).
    Message(usize),
    /// The timeline as `simulate --format json` prints it (to download it).
    Report,
}

impl RunPart {
    /// This part of `timeline`, whole: what the page copies, explains or downloads
    /// (from its own timeline, or from the worker's when it holds the run abridged).
    pub fn text(self, timeline: &Timeline) -> String {
        match self {
            RunPart::Message(index) => timeline
                .events
                .get(index)
                .map(|event| event.as_http())
                .unwrap_or_default(),
            RunPart::Report => serde_json::to_string_pretty(timeline).unwrap_or_default(),
        }
    }
}

thread_local! {
    /// The last text checked here, under the page's key: the text a run most likely
    /// needs next. One text at most, so memory stays bounded by the largest input.
    static KEPT: std::cell::RefCell<Option<(u64, String)>> = const { std::cell::RefCell::new(None) };
}

/// The text kept under `key`, if it is the one kept.
fn kept_text(key: u64) -> Option<String> {
    KEPT.with(|kept| {
        kept.borrow()
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, text)| text.clone())
    })
}

/// The engine's notes hold `&'static str` texts; on the page they arrive as strings.
/// Each distinct text is leaked once and then reused: the simulator says a fixed set of
/// things (the defect register, its assumptions), so the memory is bounded by that set.
fn interned(text: String) -> &'static str {
    thread_local! {
        static SEEN: std::cell::RefCell<std::collections::HashSet<&'static str>> = Default::default();
    }
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if let Some(&known) = seen.get(text.as_str()) {
            return known;
        }
        let leaked: &'static str = Box::leak(text.into_boxed_str());
        seen.insert(leaked);
        leaked
    })
}

/// The answer to the [`Job`] with the same id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub id: u64,
    pub answer: Answer,
}

/// A received payload as the Received panel shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReceivedView {
    /// What the payload is (`None`: not recognised).
    pub kind: Option<Text<String>>,
    /// The status line's code, for a full HTTP response.
    pub http_status: Option<u16>,
    /// Errors, warnings and notes among all findings (listed or not).
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// The first [`LISTED_FINDINGS`] findings.
    pub findings: Vec<Finding>,
    /// Findings found but not listed.
    pub unlisted: usize,
    /// The first [`LISTED_ITEMS`] items, explained.
    pub items: Vec<ItemView>,
    /// Items read but not explained on the page.
    pub unlisted_items: usize,
}

/// The verdict on a request as the page shows it, however large the request: the
/// counts, the first diagnostics in both languages, where to mark them and the facts
/// a received payload is matched against.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// The first [`LISTED_DIAGNOSTICS`] diagnostics, in text order.
    pub findings: Vec<Finding>,
    /// Diagnostics counted but not in `findings`.
    pub unlisted: usize,
    /// The simulated call's own diagnostics (no place in the text), all of them: the
    /// call panel shows them.
    pub call: Vec<Finding>,
    /// Where each diagnostic starting before the `marked_until` asked for is (the first
    /// [`MARKED_DIAGNOSTICS`]).
    pub marks: Vec<Marked>,
    /// The version the request's URL names, if it names one.
    pub url_version: Option<ApiVersion>,
    pub facts: RequestFacts,
    /// How Graph refuses the request at once, when it has an error: enough to play a
    /// large request's run without checking it again on the page.
    pub refusal: Option<SyncFailure>,
}

/// Where one diagnostic is in the text, for the editor's highlight layer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Marked {
    pub span: Span,
    pub severity: Severity,
    pub code: String,
}

impl Verdict {
    /// The verdict on `checked` (a request into the call `call_id`), marking the
    /// diagnostics that start before `marked_until`.
    pub fn of(checked: &Checked, call_id: &str, marked_until: usize) -> Self {
        let findings: Vec<Finding> = checked
            .diagnostics
            .iter()
            .take(LISTED_DIAGNOSTICS)
            .map(Finding::of)
            .collect();
        let [errors, warnings, infos] = [Severity::Error, Severity::Warning, Severity::Info].map(|s| checked.count(s));
        Verdict {
            errors,
            warnings,
            infos,
            unlisted: errors + warnings + infos - findings.len(),
            findings,
            call: checked
                .diagnostics
                .iter()
                .filter(|d| d.rule.is_call_context() && d.pointer.is_none())
                .map(Finding::of)
                .collect(),
            marks: checked
                .diagnostics
                .iter()
                .filter_map(|d| {
                    let span = d.span.filter(|span| span.start < marked_until)?;
                    Some(Marked {
                        span,
                        severity: d.severity(),
                        code: d.code().to_owned(),
                    })
                })
                .take(MARKED_DIAGNOSTICS)
                .collect(),
            url_version: checked.request.target.as_ref().and_then(|t| t.version),
            facts: RequestFacts::of(checked, call_id),
            refusal: simulate::refusal(checked),
        }
    }
}

/// One problem with a request or a received payload, in both languages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub code: String,
    pub severity: Severity,
    /// Bytes of the offending value, key or token in the text.
    pub span: Option<Span>,
    /// `line:column`, when the problem has a place in the text.
    pub place: Option<String>,
    pub pointer: Option<String>,
    pub message: Text<String>,
    pub help: Option<Text<String>>,
}

impl Finding {
    pub fn of(d: &Diagnostic) -> Self {
        Finding {
            code: d.code().to_owned(),
            severity: d.severity(),
            span: d.span,
            place: d.position.map(|p| format!("{}:{}", p.line, p.column)),
            pointer: d.pointer.as_ref().map(|p| p.as_str().to_owned()),
            message: both(|lang| d.message(lang)),
            help: d
                .help(Lang::En)
                .zip(d.help(Lang::PtBr))
                .map(|(en, pt)| Text::new(en, pt)),
        }
    }
}

/// One explained item: its step in the sequence and what it means.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemView {
    pub step: Step,
    pub label: Text<String>,
    /// ` · status · code/subcode`, as far as the item has them.
    pub facts: String,
    pub meaning: Text<String>,
    pub next: Text<String>,
    pub source: String,
}

/// Both languages of a text the engine writes per language.
fn both(text: impl Fn(Lang) -> String) -> Text<String> {
    Text::new(text(Lang::En), text(Lang::PtBr))
}

impl From<&Explained> for ReceivedView {
    fn from(explained: &Explained) -> Self {
        let read = &explained.received;
        let total = read.diagnostics.len() + read.omitted.total();
        let counted =
            |severity, omitted| read.diagnostics.iter().filter(|d| d.severity() == severity).count() + omitted;
        let findings = read
            .diagnostics
            .iter()
            .take(LISTED_FINDINGS)
            .map(Finding::of)
            .collect::<Vec<_>>();
        let items = explained
            .items
            .iter()
            .take(LISTED_ITEMS)
            .map(|item| {
                let code = match (item.code, item.subcode) {
                    (Some(code), Some(sub)) => format!(" · {code}/{sub}"),
                    (Some(code), None) => format!(" · {code}"),
                    _ => String::new(),
                };
                let status = item.status.as_ref().map(|s| format!(" · {s}")).unwrap_or_default();
                ItemView {
                    step: item.step,
                    label: both(|lang| item.step.label(lang).to_owned()),
                    facts: format!("{status}{code}"),
                    meaning: item.meaning.clone(),
                    next: item.next.clone(),
                    source: item.source.to_owned(),
                }
            })
            .collect();
        ReceivedView {
            kind: read.label().map(|label| both(|lang| label.pick(lang).to_owned())),
            http_status: read.http_status,
            errors: counted(Severity::Error, read.omitted.errors),
            warnings: counted(Severity::Warning, read.omitted.warnings),
            infos: counted(Severity::Info, read.omitted.infos),
            unlisted: total - findings.len(),
            findings,
            unlisted_items: explained.items.len().saturating_sub(LISTED_ITEMS) + explained.unexplained,
            items,
        }
    }
}

/// Does the work.
pub fn handle(job: Job) -> Reply {
    let answer = match job.task {
        Task::Check {
            text,
            version,
            context,
            marked_until,
            key,
        } => {
            let call_id = context.call_id.clone();
            let checked = check(&text, &CheckOptions { version, context });
            let verdict = Verdict::of(&checked, &call_id, marked_until);
            KEPT.with(|kept| *kept.borrow_mut() = Some((key, text)));
            Answer::Checked(verdict)
        }
        Task::Snippet {
            text,
            version,
            context,
            lang,
        } => {
            let call_id = context.call_id.clone();
            let checked = check(&text, &CheckOptions { version, context });
            Answer::Snippet {
                lang,
                code: snippet(&checked, &call_id, lang),
            }
        }
        Task::ReadCurl { text } => Answer::CurlMessage(crate::engine::curl::request_of(&text)),
        Task::Explain { text, version, request } => Answer::Explained(ReceivedView::from(&explain(
            &text,
            &ReceivedOptions { version, request },
        ))),
        Task::Run {
            text,
            version,
            context,
            outcome,
            mode,
            seed,
            preset,
            refusal,
            part,
            kept,
        } => {
            let text = match kept.map(kept_text) {
                Some(Some(text)) => text,
                Some(None) => {
                    return Reply {
                        id: job.id,
                        answer: Answer::NeedText,
                    }
                }
                None => text,
            };
            let large = text.len() > LARGE_INPUT;
            let settings = Settings {
                outcome: Outcome::parse(&outcome).unwrap_or_default(),
                mode: Mode::parse(&mode).unwrap_or_default(),
                seed,
            };
            let options = CheckOptions { version, context };
            let timeline = match refusal {
                Some(refusal) => simulate::refused(
                    &validate::read_head(&text, &options),
                    &options.context,
                    settings,
                    refusal,
                ),
                None => {
                    let preset = preset.as_deref().and_then(scenarios::preset);
                    simulate::simulate(&check(&text, &options), &options.context, settings, preset)
                }
            };
            match part {
                None if large => Answer::Ran(TimelineWire::abridged(&timeline)),
                None => Answer::Ran(TimelineWire::from(&timeline)),
                Some(part) => Answer::RunText(part.text(&timeline)),
            }
        }
    };
    Reply { id: job.id, answer }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenarios::{Mode, PRESETS};
    use crate::engine::simulate::{simulate, EventKind, Settings};

    /// Every job and reply survives the trip as data (the worker boundary: the text
    /// beside the bytes, as `ui::worker::ask` sends it and `src/worker.rs` reads it).
    fn round_trip(mut job: Job) -> Reply {
        let text = job.task.take_text();
        let bytes = encode(&job).unwrap();
        assert!(
            bytes.len() < 1024 || text.is_empty(),
            "the text is not in the bytes: {} B",
            bytes.len()
        );
        let mut job: Job = decode(&bytes).unwrap();
        job.task.put_text(text);
        let reply = handle(job);
        let back: Reply = decode(&encode(&reply).unwrap()).unwrap();
        assert_eq!(back, reply);
        reply
    }

    /// What is not a message of this crate's (truncated, or anything else) is `None`,
    /// never a panic: the page ignores it.
    #[test]
    fn bytes_that_are_no_reply_are_refused() {
        let reply = Reply {
            id: 7,
            answer: Answer::Snippet {
                lang: SnippetLang::Python,
                code: "print()".into(),
            },
        };
        let bytes = encode(&reply).unwrap();
        assert_eq!(decode::<Reply>(&bytes), Some(reply));
        for cut in 0..bytes.len() {
            assert_eq!(decode::<Reply>(&bytes[..cut]), None, "{cut}");
        }
        assert_eq!(decode::<Reply>(&[0xff; 12]), None);
    }

    /// A run job answers with the simulator's own timeline, every field and both
    /// languages of every note, for every preset, outcome and mode; the notes' texts
    /// are interned (the same text twice is the same leaked string).
    #[test]
    fn a_run_job_brings_the_simulators_timeline_whole() {
        for preset in PRESETS {
            for outcome in Outcome::ALL.iter().copied() {
                for mode in Mode::ALL.iter().copied() {
                    let settings = Settings { outcome, mode, seed: 3 };
                    let text = preset.request(mode);
                    let context = preset.context();
                    let options = CheckOptions {
                        version: ApiVersion::Beta,
                        context: context.clone(),
                    };
                    let expected = simulate(&check(&text, &options), &context, settings, Some(preset));
                    let reply = round_trip(Job {
                        id: 1,
                        task: Task::Run {
                            text,
                            version: ApiVersion::Beta,
                            context,
                            outcome: outcome.name().to_owned(),
                            mode: mode.name().to_owned(),
                            seed: 3,
                            preset: Some(preset.name.to_owned()),
                            refusal: None,
                            part: None,
                            kept: None,
                        },
                    });
                    let Answer::Ran(wire) = reply.answer else {
                        panic!("a run answers with a timeline")
                    };
                    let timeline = wire.into_timeline().unwrap();
                    assert_eq!(timeline, expected, "{} {outcome} {mode}", preset.name);
                }
            }
        }
        assert!(std::ptr::eq(interned("A-1".to_owned()), interned("A-1".to_owned())));
    }

    /// A run may name the text the worker checked last by its key instead of sending
    /// it again; a key the worker does not hold asks for the text.
    #[test]
    fn a_run_by_key_uses_the_text_checked_under_it() {
        let preset = &PRESETS[1];
        let text = preset.corrected_request();
        let run = |text: String, kept| Task::Run {
            text,
            version: ApiVersion::Beta,
            context: preset.context(),
            outcome: "success".to_owned(),
            mode: "corrected".to_owned(),
            seed: 5,
            preset: None,
            refusal: None,
            part: Some(RunPart::Report),
            kept,
        };
        let whole = handle(Job {
            id: 1,
            task: run(text.clone(), None),
        })
        .answer;
        assert!(matches!(&whole, Answer::RunText(report) if report.contains("\"events\"")));
        let check = Task::Check {
            text,
            version: ApiVersion::Beta,
            context: preset.context(),
            marked_until: usize::MAX,
            key: 41,
        };
        assert!(matches!(handle(Job { id: 2, task: check }).answer, Answer::Checked(_)));
        assert_eq!(
            handle(Job {
                id: 3,
                task: run(String::new(), Some(41))
            })
            .answer,
            whole
        );
        assert_eq!(
            handle(Job {
                id: 4,
                task: run(String::new(), Some(40))
            })
            .answer,
            Answer::NeedText
        );
    }

    #[test]
    fn a_snippet_job_writes_the_request_as_code() {
        let preset = &PRESETS[0];
        let reply = round_trip(Job {
            id: 7,
            task: Task::Snippet {
                text: preset.corrected_request(),
                version: ApiVersion::Beta,
                context: preset.context(),
                lang: SnippetLang::Python,
            },
        });
        assert_eq!(reply.id, 7);
        let Answer::Snippet { lang, code } = reply.answer else {
            panic!("not a snippet: {:?}", reply.answer)
        };
        assert_eq!(lang, SnippetLang::Python);
        assert!(code.contains("from msgraph_beta import GraphServiceClient"));
    }

    #[test]
    fn an_explain_job_places_a_run_event_and_counts_what_it_does_not_list() {
        let preset = &PRESETS[0];
        let context = preset.context();
        let checked = check(
            &preset.corrected_request(),
            &CheckOptions {
                version: ApiVersion::Beta,
                context: context.clone(),
            },
        );
        let facts = RequestFacts::of(&checked, &context.call_id);
        let settings = Settings {
            outcome: Default::default(),
            mode: Mode::Corrected,
            seed: 1,
        };
        let timeline = simulate(&checked, &context, settings, Some(preset));
        let event = timeline
            .events
            .iter()
            .find(|e| e.kind == EventKind::Notification)
            .unwrap();
        let explain_job = |text: String, request: Option<RequestFacts>| Job {
            id: 1,
            task: Task::Explain {
                text,
                version: ApiVersion::Beta,
                request,
            },
        };
        let Answer::Explained(view) = round_trip(explain_job(event.as_http(), Some(facts.clone()))).answer else {
            panic!("not an explanation")
        };
        assert_eq!(view.errors, 0, "{:?}", view.findings);
        assert_eq!(view.items[0].step, event.step().unwrap());
        assert_eq!(view.kind.unwrap().en, "webhook notifications");
        assert!(!view.items[0].meaning.pt.is_empty());

        // Another clientContext than the request's is a mismatch, in both languages.
        let other = RequestFacts {
            client_context: Some("another".into()),
            ..facts
        };
        let Answer::Explained(view) = round_trip(explain_job(event.as_http(), Some(other))).answer else {
            panic!("not an explanation")
        };
        let codes: Vec<_> = view.findings.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["correlation-mismatch"]);
        assert_eq!(
            (view.errors, view.warnings, view.infos),
            (0, 1, 0),
            "counted for the summary"
        );
        assert_ne!(view.findings[0].message.en, view.findings[0].message.pt);
        let span = view.findings[0].span.unwrap();
        // Marked at the payload's clientContext value.
        let http = event.as_http();
        assert!(
            http[..span.start].trim_end().ends_with("\"clientContext\":"),
            "{}",
            &http[span.start..span.end]
        );

        // Thousands of findings: the first ones are listed, all are counted.
        let many = format!(
            "{{\"value\":[{}]}}",
            vec!["{\"changeType\":1}"; LISTED_FINDINGS * 2].join(",")
        );
        let Answer::Explained(view) = round_trip(explain_job(many, None)).answer else {
            panic!("not an explanation")
        };
        assert_eq!(view.findings.len(), LISTED_FINDINGS);
        assert!(view.unlisted > 0);
        assert!(view.errors > LISTED_FINDINGS, "{}", view.errors);

        // Every notification is an item: the first are explained, the rest counted.
        let one = event.message.body["value"][0].to_string();
        let many = format!("{{\"value\":[{}]}}", vec![one; LISTED_ITEMS * 3].join(","));
        let Answer::Explained(view) = round_trip(explain_job(many, None)).answer else {
            panic!("not an explanation")
        };
        assert_eq!(view.items.len(), LISTED_ITEMS);
        assert_eq!(view.unlisted_items, LISTED_ITEMS * 2);
    }

    #[test]
    fn a_check_job_lists_the_first_diagnostics_counts_all_and_marks_only_the_start() {
        let participant = r#"{"identity":{"user":{"id":"u"}},"endpointType":"phone"}"#;
        let text = format!(
            "{{\"clientContext\":\"c\",\"participants\":[{}]}}",
            vec![participant; MARKED_DIAGNOSTICS * 2].join(",\n")
        );
        let job = |marked_until| Job {
            id: 2,
            task: Task::Check {
                text: text.clone(),
                version: ApiVersion::Beta,
                context: CallContext::default(),
                marked_until,
                key: 1,
            },
        };
        let Answer::Checked(verdict) = round_trip(job(usize::MAX)).answer else {
            panic!("not a verdict")
        };
        assert_eq!(verdict.findings.len(), LISTED_DIAGNOSTICS);
        let total = verdict.errors + verdict.warnings + verdict.infos;
        assert!(total > MARKED_DIAGNOSTICS * 2, "{total}");
        assert_eq!(verdict.unlisted, total - LISTED_DIAGNOSTICS);
        // The first ones are marked, in text order.
        assert_eq!(verdict.marks.len(), MARKED_DIAGNOSTICS);
        assert!(verdict
            .marks
            .windows(2)
            .all(|pair| pair[0].span.start <= pair[1].span.start));
        assert_eq!(verdict.marks[0].span, verdict.findings[0].span.unwrap());
        assert_eq!(verdict.facts.client_context.as_deref(), Some("c"));
        assert!(!verdict.findings[0].message.pt.is_empty());

        // Only what starts before `marked_until` is marked: the editor shows no more.
        let Answer::Checked(start) = round_trip(job(1000)).answer else {
            panic!("not a verdict")
        };
        assert!(!start.marks.is_empty() && start.marks.len() < verdict.marks.len());
        assert!(start.marks.iter().all(|m| m.span.start < 1000));
        assert_eq!(start.findings, verdict.findings);
    }
}
