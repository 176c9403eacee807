//! What a playground session holds, in slices that change at different rates, and the
//! one `reduce` that turns an [`Action`] into the next [`State`]. Plain Rust with no
//! browser in it, so every transition is tested natively; the yew store (`ui::store`)
//! is a thin adapter over [`reduce`].
//!
//! The slices: the [`Document`] (what the user wrote: text, call, version, preset), the
//! derived check, [`Playback`] (settings, timeline, clock), [`Preferences`] (language,
//! theme) and [`Transient`] UI (a notice, a focus request). A clock tick changes only the
//! playback slice, so views that take the document or the check are not re-rendered.

use std::borrow::Cow;
use std::ops::Deref;
use std::rc::Rc;

use crate::app::edit::{self, Edit, EditError};
use crate::app::share::Draft;
use crate::app::worker::{ReceivedView, RunPart, Task, Verdict};
use crate::engine::call_context::CallContext;
use crate::engine::diagnostic::lang::Text;
use crate::engine::diagnostic::Lang;
use crate::engine::model::ApiVersion;
use crate::engine::scenarios::{self, Mode, Preset};
use crate::engine::simulate::{Outcome, SyncFailure, Timeline};
use crate::engine::snippet::SnippetLang;
use crate::engine::source::{ellipsize, floor_char_boundary, swar, Span};
use crate::engine::validate::{self, CheckOptions, Checked};
use crate::engine::vocabulary::Vocabulary;

/// A shared, immutable value that compares by identity: a view given the same
/// `Shared` as before has nothing new to draw, without comparing megabytes.
#[derive(Debug)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }

    /// The `Rc` inside, for views that keep it.
    pub fn rc(&self) -> Rc<T> {
        Rc::clone(&self.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}

/// Light or dark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

crate::vocabulary!(Theme { Light => "light", Dark => "dark" });

/// How fast the simulated clock runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Speed {
    #[default]
    Real,
    Fast,
    Instant,
}

crate::vocabulary!(Speed { Real => "1x", Fast => "10x", Instant => "instant" });

impl Speed {
    /// Simulated milliseconds per real millisecond.
    fn factor(self) -> u64 {
        match self {
            Speed::Real => 1,
            Speed::Fast => 10,
            Speed::Instant => u64::MAX / 4,
        }
    }
}

/// A message for the user that is not a diagnostic (a broken share link, say).
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    ShareLinkUnreadable(String),
    DraftUnreadable(String),
    EditNeedsValidJson,
    /// Copied: what it was, in both languages.
    Copied(Text),
    ClipboardUnavailable,
    WasReset,
    /// A paste over `input::MAX_INPUT` bytes (its size), refused to keep the page alive.
    InputTooLarge(usize),
    /// The Web Worker that runs requests, writes code and explains received payloads
    /// could not start.
    WorkerUnavailable,
    /// What in the page's address could not be used (already in the page's language).
    LinkProblems(Vec<String>),
    /// A share link or embed code not made: its address would be this many characters,
    /// over `link::MAX_LINK`.
    LinkTooLong(usize),
    /// The browser would not keep the draft (its storage is blocked or full).
    DraftNotKept,
    /// An example took the place of the user's own request, or it was cleared; Undo
    /// brings it back.
    Replaced(Shared<Replaced>),
    /// What the user put in the Received panel (`text`) was replaced by a run's message
    /// ("Explain this"), or `cleared`; Undo brings it back.
    ReceivedReplaced {
        text: Rc<str>,
        cleared: bool,
    },
}

/// The user's own request as it was when an example replaced it (chosen, opened by the
/// tour, or reloaded by a mode switch) or it was cleared, with the run's settings then:
/// kept while the notice that offers Undo stands, since nothing else could bring it
/// back (the editor's own undo does not reach past a text the page put in).
#[derive(Debug)]
pub struct Replaced {
    pub document: Shared<Document>,
    pub mode: Mode,
    pub outcome: Outcome,
    pub seed: u64,
    pub speed: Speed,
    /// What took its place.
    pub by: ReplacedBy,
}

/// What took the place of the user's own request.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ReplacedBy {
    /// An example (chosen, opened by the tour, reloaded by a mode switch).
    Example(&'static Preset),
    /// Clear.
    Cleared,
    /// The HTTP message of the cURL command the user pasted (`engine::curl`).
    CurlMessage,
}

impl Notice {
    /// Whether it answers something the user just did (a copy, an edit, a paste), wherever
    /// on the page they did it, rather than something about the page as it opened.
    pub fn answers_an_action(&self) -> bool {
        !matches!(
            self,
            Notice::ShareLinkUnreadable(_)
                | Notice::DraftUnreadable(_)
                | Notice::WasReset
                | Notice::LinkProblems(_)
                | Notice::DraftNotKept
        )
    }
}

/// Where the user asked to go: a span in the editor and, if it has one, a form field.
#[derive(Clone, Debug, PartialEq)]
pub struct FocusRequest {
    pub span: Span,
    pub pointer: Option<String>,
    /// Changes on every request so choosing the same diagnostic twice still moves.
    pub serial: u32,
}

/// What the user wrote: the request text (held once), the call it goes into, the API
/// version and the preset it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub text: Rc<str>,
    pub context: CallContext,
    pub version: ApiVersion,
    pub preset: Option<&'static Preset>,
}

/// What the bot received, pasted or picked from a run, and what it means.
#[derive(Clone, Debug, PartialEq)]
pub struct ReceivedDoc {
    pub text: Rc<str>,
    /// The Web Worker's explanation of `text` against the request; `None` until the
    /// first one arrives. After an edit of the request the previous one stays until
    /// the new one replaces it.
    pub view: Option<Rc<ReceivedView>>,
    /// Typed, pasted or dropped here, not a run's message: nothing else holds it.
    pub own: bool,
}

impl ReceivedDoc {
    /// What the worker is asked: explain this payload against the request as it stands
    /// (asked again whenever either changes), or, without `against`, on its own.
    pub fn task(&self, document: &Document, against: Option<&Verdict>) -> Task {
        Task::Explain {
            text: self.text.to_string(),
            version: document.version,
            request: against.map(|verdict| verdict.facts.clone()),
        }
    }
}

/// The run: what the user chose for it, and where its clock stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Playback {
    pub mode: Mode,
    pub outcome: Outcome,
    pub seed: u64,
    pub speed: Speed,
    pub timeline: Option<Shared<Timeline>>,
    pub clock_ms: u64,
    pub running: bool,
    /// Run was pressed: the Web Worker simulates the run (the simulator lives only in
    /// its wasm), once the check of a large document has landed; its timeline arrives
    /// as [`Action::Ran`].
    pub queued: bool,
    /// The queued run opens paused at its start (the guided tour steps through it).
    pub start_paused: bool,
}

impl Playback {
    /// The timeline has played to its end.
    pub fn finished(&self) -> bool {
        self.timeline
            .as_ref()
            .is_some_and(|timeline| self.clock_ms >= timeline.duration_ms())
    }

    fn stop(&mut self) {
        self.timeline = None;
        self.running = false;
        self.queued = false;
        self.start_paused = false;
        self.clock_ms = 0;
    }
}

/// How the user likes the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Preferences {
    pub lang: Lang,
    pub theme: Theme,
    /// Nothing chose the theme (not the address, not the user here or before): it is
    /// the system's, follows it while the page is open, and is not kept.
    pub theme_follows_system: bool,
    /// The language of the Code view's open tab.
    pub code: SnippetLang,
}

/// What lasts until the next thing happens.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Transient {
    pub notice: Option<Notice>,
    pub focus: Option<FocusRequest>,
    /// A whole part of an abridged run, to be asked of the Web Worker and used.
    pub wanted: Option<Wanted>,
}

/// What a whole part of an abridged run is wanted for (see `Timeline::abridged`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted {
    /// Event `index` as HTTP text, to the clipboard.
    Copy(usize),
    /// Event `index` as HTTP text, into the Received panel.
    Explain(usize),
    /// The whole timeline, as a download.
    Download,
}

impl Wanted {
    pub fn part(self) -> RunPart {
        match self {
            Wanted::Copy(index) | Wanted::Explain(index) => RunPart::Message(index),
            Wanted::Download => RunPart::Report,
        }
    }
}

/// The whole session.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub document: Shared<Document>,
    /// The engine's full check. Of the current document unless that is large: a large
    /// one is checked fully only when a run needs it ([`State::full_check`]).
    pub checked: Shared<Checked>,
    /// The document `checked` is of.
    checked_for: Shared<Document>,
    /// What the page shows of the check: counts, the first diagnostics, marks, facts.
    /// Made from `checked` for a small document, by the Web Worker for a large one.
    pub verdict: Shared<Verdict>,
    /// `verdict` is for an older text: the Web Worker is checking a large one
    /// (`ui::hooks::use_worker_check`), or typing has not paused yet.
    pub check_pending: bool,
    pub playback: Playback,
    /// The Received panel's payload and its explanation, matched against the document.
    pub received: Option<Shared<ReceivedDoc>>,
    /// The guided tour is open: it explains the latest step of its run (Example 1).
    pub tour: bool,
    pub preferences: Preferences,
    pub transient: Transient,
    /// Bumps whenever the draft changes, so effects can depend on it without comparing
    /// (or cloning) megabytes of text.
    pub revision: u64,
    /// The key under which the Web Worker keeps the document's text (it checked it
    /// then): a run asks by key instead of sending the megabytes again.
    pub kept_text: Option<u64>,
}

/// Above this many bytes a request is "bulk": pasted around the textarea, shown as a
/// read-only preview, and not kept in local storage (which holds about 5 MB and writes
/// synchronously).
pub const BULK_INPUT: usize = 1024 * 1024;

/// A text shown as a read-only preview (the request, or what the bot received): a bulk
/// one; one over `LONG_TEXT` with a line longer than `LONG_LINE` bytes (a minified
/// body); or one of more than `EDITABLE_LINES` lines. Browsers spend hundreds of
/// milliseconds laying out such text in a textarea on every change (measured: 254 ms
/// for 1 MiB of minified JSON; Chromium ~10 µs a line on each keystroke, 40,000 lines
/// 450 ms); the text itself is kept whole.
pub fn is_previewed(text: &str) -> bool {
    text.len() > BULK_INPUT
        || (text.len() > LONG_TEXT && text.split('\n').any(|line| line.len() > LONG_LINE))
        || lines_over(text, EDITABLE_LINES)
}

/// See [`is_previewed`]: a text this long on a line or two is laid out twice (textarea
/// and highlight layer) on every change; 236 KB of minified JSON took 219 ms to paste,
/// and in 63 KiB on one line the browser's own paste and each typed character took
/// tasks of 45–60 ms, most of them its editing and layout of the line (measured).
const LONG_TEXT: usize = 40 * 1024;
const LONG_LINE: usize = 20_000;

/// See [`is_previewed`]: with more lines, a paste lays the editor out for longer than
/// 50 ms (measured in the app, Chromium 156 on 2 cores: 1,444 lines 62–84 ms, 1,985
/// lines 59–65 ms; 724 lines none over 50). No invite body or notification Graph sends
/// comes near.
pub const EDITABLE_LINES: usize = 1_000;

/// `text` has more than `limit` lines; stops reading at the line past it.
fn lines_over(text: &str, limit: usize) -> bool {
    text.len() >= limit && line_breaks(text, limit) >= limit
}

/// How many lines a textarea shows `text` in.
pub fn line_count(text: &str) -> usize {
    line_breaks(text, usize::MAX) + 1
}

/// How many times, up to `limit` (or a few more), a textarea breaks `text`: at each LF,
/// CRLF and bare CR (its value turns each into an LF). Text without a CR (almost all)
/// is counted eight bytes at a time: a 4 MiB preview note, drawn again when the
/// verdict lands, counted its lines a byte at a time in 14 ms (profiled).
fn line_breaks(text: &str, limit: usize) -> usize {
    let bytes = text.as_bytes();
    if !text.contains('\r') {
        return line_feeds(bytes, limit);
    }
    let breaks = bytes
        .iter()
        .enumerate()
        .filter(|&(at, &byte)| byte == b'\n' || (byte == b'\r' && bytes.get(at + 1) != Some(&b'\n')));
    breaks.take(limit).count()
}

/// How many LF bytes `bytes` has, counted eight at a time until there are `limit` (the
/// count may pass it by up to 7).
fn line_feeds(bytes: &[u8], limit: usize) -> usize {
    let mut count = 0;
    let mut at = 0;
    while let Some(word) = swar::word(bytes, at) {
        count += swar::equal(word, b'\n').count_ones() as usize;
        if count >= limit {
            return count;
        }
        at += 8;
    }
    count + bytes[at..].iter().filter(|&&byte| byte == b'\n').count()
}

/// How much of a previewed request the read-only editor shows: enough to see its shape;
/// more costs the page a long task to colour and lay out (64 KiB: 55 ms, measured).
pub const PREVIEW: usize = 16 * 1024;
/// Where the preview cuts each line, in characters.
const PREVIEW_LINE: usize = 500;
/// How many lines a preview shows at most (16 KiB of line feeds would be 16,384).
const PREVIEW_LINES: usize = 400;

/// What the editor's textarea holds: the text, or for a previewed request its first
/// `PREVIEW` bytes and at most `PREVIEW_LINES` lines, each cut at `PREVIEW_LINE`
/// characters; and how many of its first bytes are the text's own (so marks stop there).
pub fn preview(text: &str) -> (Cow<'_, str>, usize) {
    if !is_previewed(text) {
        return (Cow::Borrowed(text), text.len());
    }
    let (shown, faithful) = preview_start(&text[..floor_char_boundary(text, PREVIEW)]);
    (Cow::Owned(shown), faithful)
}

/// `start`, the beginning of a longer text, as a preview shows it: its first
/// `PREVIEW_LINES` lines, each cut at `PREVIEW_LINE` characters, and an ellipsis at the
/// end; and how many of its first bytes are the text's own.
pub fn preview_start(start: &str) -> (String, usize) {
    let mut shown = String::with_capacity(start.len() + 64);
    let mut faithful = None;
    for line in start.split('\n').take(PREVIEW_LINES) {
        let cut = ellipsize(line, PREVIEW_LINE);
        if matches!(cut, Cow::Owned(_)) && faithful.is_none() {
            faithful = Some(shown.len() + cut.len() - '…'.len_utf8());
        }
        shown.push_str(&cut);
        shown.push('\n');
    }
    let faithful = faithful.unwrap_or(shown.len() - 1);
    shown.push('…');
    (shown, faithful)
}

pub use crate::app::worker::LARGE_INPUT;

/// Above this many bytes, text put in at once ([`Action::SetTextInBulk`]) is checked in
/// a task after the one that puts it in: a 36 KB one-line paste of 1,000 participants
/// made one 50–57 ms task of the browser's paste, its layout, the check and the verdict
/// drawn (measured). Typing still checks at once: its marks must not blink.
pub const CHECK_LATER: usize = 16 * 1024;

impl Default for State {
    /// The first preset, corrected, as a new visitor sees it.
    fn default() -> Self {
        let preset = &scenarios::PRESETS[0];
        State::from_draft(
            Draft {
                text: preset.corrected_request(),
                context: preset.context(),
                preset: Some(preset),
                seed: 1,
                ..Draft::default()
            },
            Preferences::default(),
        )
    }
}

impl State {
    pub fn from_draft(draft: Draft, preferences: Preferences) -> Self {
        let document = Document {
            text: Rc::from(draft.text),
            context: draft.context,
            version: draft.version,
            preset: draft.preset,
        };
        // Replaced at once by `set_document`, which checks `document`.
        let nothing = Shared::new(Document {
            text: Rc::from(""),
            ..document.clone()
        });
        let mut state = State {
            checked: Shared::new(Checked::default()),
            checked_for: nothing.clone(),
            verdict: Shared::new(Verdict::default()),
            document: nothing,
            check_pending: false,
            playback: Playback {
                mode: draft.mode,
                outcome: draft.outcome,
                seed: draft.seed,
                ..Playback::default()
            },
            received: None,
            tour: false,
            preferences,
            transient: Transient::default(),
            revision: 0,
            kept_text: None,
        };
        state.set_document(document);
        if let Some(text) = draft.received {
            // A link's payload: the link still holds it, so it is not the user's own.
            state.receive(text.into(), false);
        }
        state.revision = 0;
        state
    }

    /// The Received panel opens with `text`: as an address gave it (like an example, not
    /// the user's own work, since the address still holds it), or as the page kept it
    /// (`own`).
    pub fn open_received(&mut self, text: Rc<str>, own: bool) {
        self.receive(text, own);
    }

    /// Puts `text` in the Received panel, to be explained (by the Web Worker, see
    /// [`ReceivedDoc::task`]); empty text clears the panel. When that takes the place
    /// of what the user put there (`Action::ExplainEvent`, `Action::ClearReceived`),
    /// Undo is offered for it.
    fn receive(&mut self, text: Rc<str>, own: bool) {
        let replaced = self
            .received
            .as_ref()
            .filter(|old| old.own && !own && old.text != text)
            .map(|old| old.text.clone());
        if matches!(self.transient.notice, Some(Notice::ReceivedReplaced { .. })) {
            self.transient.notice = None;
        }
        let cleared = text.trim().is_empty();
        if let Some(old) = replaced {
            self.transient.notice = Some(Notice::ReceivedReplaced { text: old, cleared });
        }
        self.received = (!cleared).then(|| Shared::new(ReceivedDoc { text, view: None, own }));
    }

    /// What is stored and shared.
    pub fn draft(&self) -> Draft {
        Draft {
            text: self.document.text.to_string(),
            context: self.document.context.clone(),
            version: self.document.version,
            mode: self.playback.mode,
            outcome: self.playback.outcome,
            seed: self.playback.seed,
            preset: self.document.preset,
            // Shared by the export menu's link, never stored (see `Draft::received`).
            received: None,
        }
    }

    /// Replaces the document and checks it, or leaves a large one to the Web Worker.
    fn set_document(&mut self, document: Document) {
        self.replace_document(document, false);
    }

    /// Replaces the document; checks it now unless `later` or it is large (then
    /// `ui::hooks::use_worker_check` has it checked: on the page after the next paint, or
    /// by the Web Worker once typing pauses).
    fn replace_document(&mut self, document: Document, later: bool) {
        // Undo would now throw away what came after the replacement.
        if matches!(self.transient.notice, Some(Notice::Replaced(_))) {
            self.transient.notice = None;
        }
        self.revision += 1;
        self.kept_text = None;
        self.playback.stop();
        self.document = Shared::new(document);
        if later || self.document.is_large() {
            self.check_pending = true;
        } else {
            self.check_here();
        }
    }

    /// The request as it stands, to be offered back once `by` has replaced it, if it is the user's own work: neither empty nor an example as it
    /// loaded.
    fn own_work(&self, by: ReplacedBy) -> Option<Replaced> {
        let text = &*self.document.text;
        let as_loaded = self
            .document
            .preset
            .is_some_and(|preset| preset.request(self.playback.mode) == text);
        (!as_loaded && !text.trim().is_empty()).then(|| Replaced {
            document: self.document.clone(),
            mode: self.playback.mode,
            outcome: self.playback.outcome,
            seed: self.playback.seed,
            speed: self.playback.speed,
            by,
        })
    }

    /// Loads `preset`, offering to undo it when it replaced the user's own request.
    fn load_example(&mut self, preset: &'static Preset, mode: Mode) {
        let replaced = self.own_work(ReplacedBy::Example(preset));
        self.playback.mode = mode;
        load_preset(self, preset);
        self.offer_undo(replaced);
    }

    /// Offers Undo for `replaced` if the text did change: an example that brings the
    /// very same text took nothing away.
    fn offer_undo(&mut self, replaced: Option<Replaced>) {
        if let Some(replaced) = replaced.filter(|replaced| replaced.document.text != self.document.text) {
            self.transient.notice = Some(Notice::Replaced(Shared::new(replaced)));
        }
    }

    /// Checks the document on the page (and the verdict from it).
    fn check_here(&mut self) {
        self.full_check();
        let document = &self.document;
        self.verdict = Shared::new(Verdict::of(
            &self.checked,
            &document.context.call_id,
            document.marked_until(),
        ));
        self.check_pending = false;
    }

    /// Makes `checked` the full check of the document, if it is not yet.
    pub fn full_check(&mut self) -> &Shared<Checked> {
        if self.checked_for != self.document {
            self.checked = Shared::new(self.document.check());
            self.checked_for = self.document.clone();
        }
        &self.checked
    }

    /// What the Web Worker is asked to run: the document with the playback's settings.
    /// A large document it found refused plays from its head and that refusal (a full
    /// check of 4 MiB with errors takes hundreds of milliseconds).
    pub fn run_task(&self) -> Task {
        self.run_part_task(None, true)
    }

    /// [`State::run_task`], asking for a whole `part` of the run instead of its
    /// timeline; by the worker's key for the text when it keeps it and `by_key`.
    pub fn run_part_task(&self, part: Option<RunPart>, by_key: bool) -> Task {
        let (document, playback) = (&self.document, &self.playback);
        let kept = self.kept_text.filter(|_| by_key);
        Task::Run {
            text: if kept.is_some() {
                String::new()
            } else {
                document.text.to_string()
            },
            version: document.version,
            context: document.context.clone(),
            outcome: playback.outcome.name().to_owned(),
            mode: playback.mode.name().to_owned(),
            seed: playback.seed,
            preset: document.preset.map(|preset| preset.name.to_owned()),
            refusal: self.known_refusal().cloned(),
            part,
            kept,
        }
    }

    /// Graph's refusal of a large document, as the worker found it: enough to play the
    /// run from the request's head. Doc-faithful mode replays the preset with the call
    /// findings of a full check, so it never takes this path.
    fn known_refusal(&self) -> Option<&SyncFailure> {
        let document = &self.document;
        let corrected = self.playback.mode == Mode::Corrected || document.preset.is_none();
        self.verdict
            .refusal
            .as_ref()
            .filter(|_| document.is_large() && !self.check_pending && corrected)
    }

    /// Queues a run: the page asks the worker for it (`ui::hooks::use_worker_run`)
    /// once any background check has landed, and plays it when it arrives.
    fn run(&mut self) {
        self.playback.stop();
        self.playback.queued = true;
    }

    /// Plays an arrived run from its start (or at its end at instant speed).
    fn play(&mut self, timeline: Timeline) {
        let playback = &mut self.playback;
        let instant = playback.speed == Speed::Instant && !playback.start_paused;
        playback.clock_ms = if instant { timeline.duration_ms() } else { 0 };
        playback.running = !instant && !playback.start_paused;
        playback.queued = false;
        playback.start_paused = false;
        playback.timeline = Some(Shared::new(timeline));
    }

    /// A copy of the document to change.
    fn edited(&self) -> Document {
        Document::clone(&self.document)
    }
}

impl Document {
    /// Checked by the Web Worker, and fully only when a run or an export needs it.
    pub fn is_large(&self) -> bool {
        self.text.len() > LARGE_INPUT
    }

    /// Where the verdict's marks stop: the editor shows only the start of a previewed
    /// request.
    pub fn marked_until(&self) -> usize {
        preview(&self.text).1
    }

    /// The engine's full check of the request into its call.
    pub fn check(&self) -> Checked {
        validate::check(&self.text, &self.options())
    }

    /// What the engine checks the text with: its version and call.
    fn options(&self) -> CheckOptions {
        CheckOptions {
            version: self.version,
            context: self.context.clone(),
        }
    }
}

/// Everything the user (or a timer) can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The request's text, as typed.
    SetText(Rc<str>),
    /// The request's text after text was put in at once (a paste, a drop, a fill): as
    /// `SetText`, but a text over [`CHECK_LATER`] bytes is checked in a task of its own.
    SetTextInBulk(Rc<str>),
    /// The Web Worker's verdict on the document of `revision` (ignored when the document
    /// has changed since).
    Checked {
        revision: u64,
        verdict: Verdict,
    },
    /// Check the pending document on the page: text put in in bulk, a task later; or a
    /// large document the Web Worker could not be started for.
    CheckHere,
    Edit(Edit),
    SetContext(CallContext),
    SetVersion(ApiVersion),
    LoadPreset(&'static Preset),
    /// Switches the truth a run tells; with a preset loaded, reloads it in that mode.
    SetMode(Mode),
    SetOutcome(Outcome),
    SetSeed(u64),
    Run,
    Pause,
    Resume,
    Step,
    Restart,
    SetSpeed(Speed),
    /// `elapsed_ms` of real time passed while running.
    Tick(u64),
    SetLang(Lang),
    SetTheme(Theme),
    /// The system's colours are (now) dark, or not: followed unless a theme was chosen.
    SystemTheme {
        dark: bool,
    },
    /// Opens the Code view's tab for a language.
    SetCodeLang(SnippetLang),
    Notify(Notice),
    DismissNotice,
    Focus {
        span: Span,
        pointer: Option<String>,
    },
    /// What the bot received, pasted or typed into the Received panel.
    SetReceived(Rc<str>),
    /// The worker's run of the document of `revision` (ignored when anything the run
    /// depends on has changed since).
    Ran {
        revision: u64,
        timeline: Timeline,
    },
    /// The worker could not be asked for a queued run.
    RunFailed,
    /// Opens the guided tour: Example 1, corrected, succeeding, its run paused at the
    /// request; `Step` moves it on.
    StartTour,
    EndTour,
    /// The Web Worker read the pasted cURL command `command` as `message`, the HTTP
    /// request it sends: it takes the command's place, with Undo.
    CurlRead {
        command: Rc<str>,
        message: Rc<str>,
    },
    /// Empties the request (its Clear button), offering Undo for the user's own work.
    Clear,
    /// Empties the Received panel (its preview's Clear button).
    ClearReceived,
    /// A run's whole message for the Received panel, given by the Web Worker for an
    /// abridged run's "Explain this" (`Wanted::Explain`).
    ExplainMessage(Rc<str>),
    /// Brings back the request an example replaced, or Clear emptied (`Notice::Replaced`),
    /// or what the user put in the Received panel (`Notice::ReceivedReplaced`).
    Undo,
    /// Explain event `index` of the current run (its whole HTTP message).
    ExplainEvent(usize),
    /// A whole part of the current (abridged) run is wanted; `None`: it was handled.
    Want(Option<Wanted>),
    /// The worker's explanation of the received `text` (ignored when the panel holds
    /// another text by now).
    Explained {
        text: Rc<str>,
        view: ReceivedView,
    },
}

/// The next state; `None` when the action changes nothing (so no view re-renders).
pub fn reduce(state: &State, action: Action) -> Option<State> {
    let mut next = state.clone();
    match action {
        Action::SetText(text) => {
            let document = Document { text, ..next.edited() };
            next.set_document(document);
        }
        Action::SetTextInBulk(text) => {
            let later = text.len() > CHECK_LATER;
            let document = Document { text, ..next.edited() };
            next.replace_document(document, later);
        }
        Action::Checked { revision, verdict } => {
            if !next.check_pending || revision != next.revision {
                return None;
            }
            // A queued run is asked for now (`ui::hooks::use_worker_run`).
            next.verdict = Shared::new(verdict);
            next.check_pending = false;
            next.kept_text = Some(revision);
        }
        Action::CheckHere => {
            if !next.check_pending {
                return None;
            }
            next.check_here();
        }
        Action::Edit(edit) => match edit::apply(&next.document.text, &edit) {
            Ok(text) => {
                let document = Document {
                    text: Rc::from(text),
                    ..next.edited()
                };
                next.transient.notice = None;
                next.set_document(document);
            }
            Err(EditError::BodyUnreadable) => next.transient.notice = Some(Notice::EditNeedsValidJson),
            Err(EditError::NoSuchPlace) => return None,
        },
        Action::SetContext(context) => {
            let document = Document {
                context,
                ..next.edited()
            };
            next.set_document(document);
        }
        Action::SetVersion(version) => {
            let document = Document {
                version,
                ..next.edited()
            };
            next.set_document(document);
        }
        Action::LoadPreset(preset) => next.load_example(preset, next.playback.mode),
        Action::SetMode(mode) => match next.document.preset {
            Some(preset) => next.load_example(preset, mode),
            None => {
                next.playback.mode = mode;
                next.revision += 1;
                next.playback.stop();
            }
        },
        Action::SetOutcome(outcome) => {
            next.playback.outcome = outcome;
            next.revision += 1;
            next.playback.stop();
        }
        Action::SetSeed(seed) => {
            next.playback.seed = seed;
            next.revision += 1;
            next.playback.stop();
        }
        Action::Run if next.playback.queued => return None,
        Action::Run => next.run(),
        Action::Ran { revision, timeline } => {
            if !next.playback.queued || revision != next.revision {
                return None;
            }
            next.play(timeline);
        }
        Action::RunFailed => {
            if !next.playback.queued {
                return None;
            }
            next.playback.stop();
            next.transient.notice = Some(Notice::WorkerUnavailable);
        }
        Action::StartTour => {
            next.load_example(&scenarios::PRESETS[0], Mode::Corrected);
            next.playback.outcome = Outcome::Success;
            next.playback.seed = 1;
            next.playback.speed = Speed::Real;
            next.run();
            next.playback.start_paused = true;
            next.tour = true;
        }
        Action::Clear => {
            if next.document.text.is_empty() {
                return None;
            }
            let replaced = next.own_work(ReplacedBy::Cleared);
            let document = Document {
                text: Rc::from(""),
                ..next.edited()
            };
            next.set_document(document);
            next.offer_undo(replaced);
        }
        Action::CurlRead { command, message } => {
            // Only if the command is still what the editor holds.
            if next.document.text != command {
                return None;
            }
            let replaced = next.own_work(ReplacedBy::CurlMessage);
            let document = Document {
                text: message,
                ..next.edited()
            };
            next.set_document(document);
            next.offer_undo(replaced);
        }
        Action::Undo => {
            let replaced = match next.transient.notice.take() {
                Some(Notice::Replaced(replaced)) => replaced,
                Some(Notice::ReceivedReplaced { text, .. }) => {
                    next.receive(text, true);
                    return Some(next);
                }
                _ => return None,
            };
            next.tour = false;
            next.playback.mode = replaced.mode;
            next.playback.outcome = replaced.outcome;
            next.playback.seed = replaced.seed;
            next.playback.speed = replaced.speed;
            next.set_document((*replaced.document).clone());
        }
        Action::EndTour => {
            if !next.tour {
                return None;
            }
            next.tour = false;
        }
        Action::Pause => {
            if !next.playback.running {
                return None;
            }
            next.playback.running = false;
        }
        Action::Resume => next.playback.running = next.playback.timeline.is_some() && !next.playback.finished(),
        Action::Step => {
            let playback = &mut next.playback;
            if let Some(timeline) = &playback.timeline {
                playback.clock_ms = next_moment(timeline, playback.clock_ms);
            }
            playback.running = false;
        }
        Action::Restart => {
            next.playback.clock_ms = 0;
            next.playback.running = next.playback.timeline.is_some();
        }
        Action::SetSpeed(speed) => {
            let playback = &mut next.playback;
            playback.speed = speed;
            if speed == Speed::Instant {
                if let Some(timeline) = &playback.timeline {
                    playback.clock_ms = timeline.duration_ms();
                    playback.running = false;
                }
            }
        }
        Action::Tick(elapsed_ms) => {
            let playback = &mut next.playback;
            if !playback.running {
                return None;
            }
            let duration = playback.timeline.as_ref().map_or(0, |t| t.duration_ms());
            playback.clock_ms = playback
                .clock_ms
                .saturating_add(elapsed_ms.saturating_mul(playback.speed.factor()))
                .min(duration);
            playback.running = playback.clock_ms < duration;
        }
        Action::SetLang(lang) => next.preferences.lang = lang,
        Action::SetTheme(theme) => {
            next.preferences.theme = theme;
            next.preferences.theme_follows_system = false;
        }
        Action::SystemTheme { dark } => {
            let theme = if dark { Theme::Dark } else { Theme::Light };
            if !next.preferences.theme_follows_system || next.preferences.theme == theme {
                return None;
            }
            next.preferences.theme = theme;
        }
        Action::SetCodeLang(code) => {
            if next.preferences.code == code {
                return None;
            }
            next.preferences.code = code;
        }
        Action::Notify(notice) => next.transient.notice = Some(notice),
        Action::DismissNotice => next.transient.notice = None,
        Action::Focus { span, pointer } => {
            let serial = next
                .transient
                .focus
                .as_ref()
                .map_or(0, |focus| focus.serial.wrapping_add(1));
            next.transient.focus = Some(FocusRequest { span, pointer, serial });
        }
        Action::SetReceived(text) => {
            // The same text again (the textarea reports its value again) keeps its
            // explanation: nothing would ask for it anew.
            if next.received.as_ref().is_some_and(|r| r.text == text) {
                return None;
            }
            next.receive(text, true);
        }
        Action::ClearReceived => {
            next.received.as_ref()?;
            next.receive(Rc::from(""), false);
        }
        Action::ExplainMessage(text) => next.receive(text, false),
        Action::ExplainEvent(index) => {
            let timeline = next.playback.timeline.as_ref()?;
            timeline.events.get(index)?;
            if timeline.abridged {
                // Its whole message is the worker's to give (`ui::hooks::use_wanted`).
                next.transient.wanted = Some(Wanted::Explain(index));
            } else {
                let text: Rc<str> = Rc::from(RunPart::Message(index).text(timeline));
                next.receive(text, false);
            }
        }
        Action::Want(wanted) => {
            if next.transient.wanted == wanted {
                return None;
            }
            next.transient.wanted = wanted;
        }
        Action::Explained { text, view } => {
            // By content: the same text may come back as another `Rc` (the textarea
            // reports a value again), and the question was about the text, not the `Rc`.
            next.received.as_ref().filter(|r| r.text == text)?;
            let own = next.received.as_ref().is_some_and(|r| r.own);
            next.received = Some(Shared::new(ReceivedDoc {
                text,
                view: Some(Rc::new(view)),
                own,
            }));
        }
    }
    Some(next)
}

/// Loads `preset` in the current mode: its text, its call.
fn load_preset(state: &mut State, preset: &'static Preset) {
    let document = Document {
        text: Rc::from(preset.request(state.playback.mode)),
        context: preset.context(),
        version: state.document.version,
        preset: Some(preset),
    };
    state.set_document(document);
}

/// The next time something happens after `now`, or the end.
fn next_moment(timeline: &Timeline, now: u64) -> u64 {
    let events = timeline.events.iter().map(|event| event.at_ms);
    let signals = timeline.signals.iter().map(|signal| signal.at_ms);
    events
        .chain(signals)
        .filter(|&at| at > now)
        .min()
        .unwrap_or_else(|| timeline.duration_ms())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::worker::{handle, Answer, Job, Reply, Task};
    use crate::engine::diagnostic::Severity;
    use crate::engine::pointer::JsonPointer;
    use crate::engine::simulate::{self, EventKind, Settings};
    use crate::engine::validate::RequestFacts;

    fn apply(state: &State, action: Action) -> State {
        reduce(state, action).unwrap_or_else(|| state.clone())
    }

    /// Run pressed, and the worker's run applied, as the page does it.
    fn run(state: &State) -> State {
        worker_ran(&apply(state, Action::Run))
    }

    /// The worker's verdict on the state's current text, applied.
    fn verdict_lands(state: &State, verdict: Verdict) -> State {
        apply(
            state,
            Action::Checked {
                revision: state.revision,
                verdict,
            },
        )
    }

    /// The worker's answer to a queued run, applied.
    fn worker_ran(state: &State) -> State {
        assert!(state.playback.queued && !state.check_pending, "a run waits to be asked");
        use crate::app::worker::{handle, Answer, Job};
        let mut reply = handle(Job {
            id: 0,
            task: state.run_task(),
        });
        // Asked by key for a text this worker did not check: again, with the text.
        if reply.answer == Answer::NeedText {
            reply = handle(Job {
                id: 0,
                task: state.run_part_task(None, false),
            });
        }
        let Answer::Ran(wire) = reply.answer else {
            panic!("a run answers with a timeline");
        };
        let timeline = wire.into_timeline().expect("names it knows");
        apply(
            state,
            Action::Ran {
                revision: state.revision,
                timeline,
            },
        )
    }

    #[test]
    fn the_first_visit_shows_the_first_preset_checked_and_valid() {
        let state = State::default();
        assert_eq!(state.document.preset.map(|p| p.name), Some("example-1"));
        assert!(state.checked.is_valid(), "{:?}", state.checked.codes());
        assert!(state.playback.timeline.is_none());
    }

    #[test]
    fn run_starts_the_clock_and_ticks_advance_it_to_the_end() {
        let state = run(&State::default());
        let duration = state.playback.timeline.as_ref().unwrap().duration_ms();
        assert!(state.playback.running);
        assert_eq!(state.playback.clock_ms, 0);

        let ticked = apply(&state, Action::Tick(50));
        assert_eq!(ticked.playback.clock_ms, 50);
        // A tick touches only the playback slice: the document and check are the same.
        assert!(ticked.document == state.document && ticked.checked == state.checked);

        let done = apply(&ticked, Action::Tick(duration * 2));
        assert_eq!(done.playback.clock_ms, duration);
        assert!(!done.playback.running && done.playback.finished());
        assert_eq!(reduce(&done, Action::Tick(50)), None, "a stopped clock ignores ticks");
    }

    #[test]
    fn step_pause_resume_and_restart() {
        let state = run(&State::default());
        let paused = apply(&state, Action::Pause);
        assert!(!paused.playback.running);
        assert_eq!(reduce(&paused, Action::Pause), None);

        let stepped = apply(&paused, Action::Step);
        let timeline = stepped.playback.timeline.clone().unwrap();
        let first_after_zero = timeline
            .events
            .iter()
            .map(|e| e.at_ms)
            .chain(timeline.signals.iter().map(|s| s.at_ms))
            .filter(|&at| at > 0)
            .min()
            .unwrap();
        assert_eq!(stepped.playback.clock_ms, first_after_zero);
        assert!(!stepped.playback.running);

        let resumed = apply(&stepped, Action::Resume);
        assert!(resumed.playback.running);
        let restarted = apply(&resumed, Action::Restart);
        assert_eq!(restarted.playback.clock_ms, 0);
        assert!(restarted.playback.running);
    }

    #[test]
    fn instant_speed_jumps_to_the_end() {
        let state = apply(&State::default(), Action::SetSpeed(Speed::Instant));
        let state = run(&state);
        let timeline = state.playback.timeline.clone().unwrap();
        assert_eq!(state.playback.clock_ms, timeline.duration_ms());
        assert!(!state.playback.running);
        assert!(timeline.events.iter().any(|e| e.kind == EventKind::Notification));

        let real = apply(&run(&State::default()), Action::SetSpeed(Speed::Instant));
        assert!(real.playback.finished() && !real.playback.running);
    }

    #[test]
    fn switching_mode_reloads_the_preset_in_that_mode() {
        let state = apply(&State::default(), Action::SetMode(Mode::DocFaithful));
        let preset = state.document.preset.unwrap();
        assert_eq!(&*state.document.text, preset.doc_request());
        assert_eq!(state.playback.mode, Mode::DocFaithful);
        let back = apply(&state, Action::SetMode(Mode::Corrected));
        assert_eq!(&*back.document.text, preset.corrected_request());
        assert!(back.revision > state.revision);
    }

    #[test]
    fn changing_the_request_or_the_run_settings_stops_a_run() {
        let running = run(&State::default());
        for action in [
            Action::SetOutcome(Outcome::Declined),
            Action::SetSeed(7),
            Action::SetText(Rc::from("{}")),
            Action::SetVersion(ApiVersion::V1),
        ] {
            let next = apply(&running, action.clone());
            assert!(next.playback.timeline.is_none(), "{action:?} keeps the timeline");
            assert!(next.revision > running.revision);
        }
    }

    #[test]
    fn a_large_text_is_checked_by_the_worker_and_fully_only_for_a_run() {
        let big: String = format!("{{\"participants\": [], \"pad\": \"{}\"}}", "x".repeat(LARGE_INPUT));
        let typed = apply(&State::default(), Action::SetText(Rc::from(big.clone())));
        assert!(typed.check_pending);
        assert_eq!(
            typed.verdict.errors, 0,
            "the old verdict stays until the worker answers"
        );
        assert!(typed.checked.is_valid(), "not checked on the page");

        // What the UI asks the worker (ui::hooks::use_worker_check), and its answer landing.
        let job = Job {
            id: 3,
            task: Task::Check {
                text: big.clone(),
                version: typed.document.version,
                context: typed.document.context.clone(),
                marked_until: typed.document.marked_until(),
                key: typed.revision,
            },
        };
        let Answer::Checked(verdict) = handle(job).answer else {
            panic!("not a verdict")
        };
        let stale = Action::Checked {
            revision: typed.revision - 1,
            verdict: verdict.clone(),
        };
        assert_eq!(reduce(&typed, stale), None, "an answer for an older text is dropped");
        let checked = verdict_lands(&typed, verdict);
        assert!(!checked.check_pending);
        let codes: Vec<_> = checked.verdict.findings.iter().map(|f| f.code.as_str()).collect();
        assert!(codes.contains(&"participants-empty"), "{codes:?}");
        assert_eq!(
            checked.verdict.errors,
            codes.len() - checked.verdict.warnings - checked.verdict.infos
        );
        assert_eq!(reduce(&checked, Action::CheckHere), None);

        // A run plays the worker's refusal without checking a large text again on the page:
        // Graph's 400 for the empty participants, as the full run has it.
        // The worker keeps the text it checked: the run names it by key, sent empty.
        let Task::Run { text, kept, .. } = checked.run_task() else {
            panic!("a run task")
        };
        assert!(text.is_empty() && kept == Some(typed.revision));
        let ran = run(&checked);
        assert!(ran.checked.is_valid(), "no full check on the page");
        let timeline = ran.playback.timeline.clone().unwrap();
        assert!(
            timeline.events[1].as_http().starts_with("HTTP/1.1 400"),
            "{}",
            timeline.events[1].as_http()
        );
        let full = simulate::simulate(
            &typed.document.check(),
            &typed.document.context,
            Settings {
                seed: 1,
                ..Settings::default()
            },
            None,
        );
        // The page holds it abridged: each body only as far as a card shows it.
        assert!(timeline.abridged);
        assert_eq!(timeline.events[1], full.events[1]);
        assert!(full.events[0]
            .display_body()
            .starts_with(&timeline.events[0].display_body()));
        // Downloaded (from the worker), it is the full run's timeline, request body included.
        let mut task = ran.run_task();
        if let Task::Run { part, .. } = &mut task {
            *part = Some(crate::app::worker::RunPart::Report);
        }
        let reply = crate::app::worker::handle(crate::app::worker::Job { id: 1, task });
        let crate::app::worker::Answer::RunText(report) = reply.answer else {
            panic!("a part answers with text");
        };
        assert!(
            report == serde_json::to_string_pretty(&full).unwrap(),
            "the whole timeline"
        );

        // Run pressed while the worker checks: queued, then played when its verdict lands.
        let queued = apply(&typed, Action::Run);
        assert!(queued.playback.queued && queued.playback.timeline.is_none());
        assert_eq!(reduce(&queued, Action::Run), None, "pressing again changes nothing");
        let answered = verdict_lands(&queued, (*checked.verdict).clone());
        assert!(answered.playback.queued && answered.playback.timeline.is_none());
        let played = worker_ran(&answered);
        assert!(!played.playback.queued);
        assert_eq!(played.playback.timeline.as_deref(), ran.playback.timeline.as_deref());
        // Typing cancels the queued run, and its late answer is dropped.
        let retyped = apply(&queued, Action::SetText(Rc::from(format!("{big} "))));
        assert!(!retyped.playback.queued);
        let late = Action::Ran {
            revision: queued.revision,
            timeline: (**ran.playback.timeline.as_ref().unwrap()).clone(),
        };
        assert_eq!(reduce(&retyped, late), None);

        // Without a worker, the page checks it itself; a run cannot start and says why.
        let here = apply(&typed, Action::CheckHere);
        assert!(!here.check_pending);
        assert_eq!(*here.verdict, *checked.verdict);
        let here = apply(&queued, Action::CheckHere);
        assert!(here.playback.queued && !here.check_pending);
        let failed = apply(&here, Action::RunFailed);
        assert!(!failed.playback.queued && failed.playback.timeline.is_none());
        assert_eq!(failed.transient.notice, Some(Notice::WorkerUnavailable));
    }

    #[test]
    fn text_put_in_in_bulk_over_check_later_is_checked_in_the_next_task() {
        let participant = r#"{"identity":{"user":{"id":"u1"}}}"#;
        let body = |n: usize| format!(r#"{{"participants":[{}]}}"#, vec![participant; n].join(","));
        let (small, medium) = (body(3), body(CHECK_LATER / participant.len() + 1));
        assert!(small.len() <= CHECK_LATER && medium.len() > CHECK_LATER && medium.len() <= LARGE_INPUT);

        // Small bulk text, and any typed text, are checked at once.
        let pasted = apply(&State::default(), Action::SetTextInBulk(Rc::from(small.as_str())));
        let typed = apply(&State::default(), Action::SetText(Rc::from(small.as_str())));
        assert!(!pasted.check_pending);
        assert_eq!(*pasted.verdict, *typed.verdict);
        let typed = apply(&State::default(), Action::SetText(Rc::from(medium.as_str())));
        assert!(!typed.check_pending && typed.verdict.errors > 0);

        // Larger bulk text waits for `CheckHere`, then has the same verdict as typed text;
        // the old verdict's marks are not drawn over it meanwhile (`check_pending`).
        let pasted = apply(&State::default(), Action::SetTextInBulk(Rc::from(medium.as_str())));
        assert!(pasted.check_pending);
        assert_eq!(pasted.revision, typed.revision);
        assert_eq!(*pasted.verdict, *State::default().verdict);
        let checked = apply(&pasted, Action::CheckHere);
        assert!(!checked.check_pending);
        assert_eq!(*checked.verdict, *typed.verdict);
        assert_eq!(reduce(&checked, Action::CheckHere), None, "checked once");
        // A keystroke before the check replaces the pending text and checks at once.
        let retyped = apply(&pasted, Action::SetText(Rc::from(format!("{medium} "))));
        assert!(!retyped.check_pending);
        assert_eq!(reduce(&retyped, Action::CheckHere), None);
    }

    #[test]
    fn a_large_valid_run_is_simulated_by_the_worker_never_on_the_page() {
        let name = "N".repeat(LARGE_INPUT);
        let text = format!(
            r#"{{"participants":[{{"identity":{{"user":{{"id":"550fae72-d251-43ec-868c-373732c2704f","displayName":"{name}"}}}}}}],"clientContext":"c"}}"#
        );
        let typed = apply(&State::default(), Action::SetText(Rc::from(text)));
        assert!(typed.check_pending);
        let verdict = Verdict::of(&typed.document.check(), &typed.document.context.call_id, 0);
        assert!(verdict.refusal.is_none());
        let checked = verdict_lands(&typed, verdict);

        // The worker checks and simulates it; the page never checks it.
        let queued = apply(&checked, Action::Run);
        assert!(queued.playback.queued && queued.playback.timeline.is_none());
        let ran = worker_ran(&queued);
        assert!(!ran.playback.queued);
        assert!(ran.checked_for != ran.document, "never checked on the page");
        let timeline = ran.playback.timeline.clone().unwrap();
        let full = simulate::simulate(
            &typed.document.check(),
            &typed.document.context,
            Settings {
                seed: 1,
                ..Settings::default()
            },
            typed.document.preset,
        );
        // Not assert_eq: a failure would print megabytes.
        let abridged = crate::app::worker::TimelineWire::abridged(&full)
            .into_timeline()
            .unwrap();
        assert!(
            *timeline == abridged,
            "the run is the full simulation of the text, abridged"
        );
        assert!(timeline.events[1].as_http().starts_with("HTTP/1.1 200"));

        // A run queued during the worker's check is asked for when its verdict lands.
        let queued = apply(&typed, Action::Run);
        let answered = verdict_lands(&queued, (*checked.verdict).clone());
        assert!(answered.playback.queued && answered.playback.timeline.is_none());
        assert!(worker_ran(&answered).playback.timeline.as_deref() == Some(&abridged));
    }

    #[test]
    fn a_small_text_is_checked_at_once_with_its_verdict() {
        let state = apply(&State::default(), Action::SetText(Rc::from("{\"participants\": []}")));
        assert!(!state.check_pending);
        let empty = state
            .verdict
            .findings
            .iter()
            .find(|f| f.code == "participants-empty")
            .unwrap();
        assert_eq!(empty.place.as_deref(), Some("1:18"));
        assert!(state.verdict.marks.iter().any(|m| Some(m.span) == empty.span));
        assert_eq!(state.verdict.errors, state.checked.count(Severity::Error));
        assert_eq!(
            state.verdict.facts,
            RequestFacts::of(&state.checked, &state.document.context.call_id)
        );
    }

    #[test]
    fn edits_change_the_text_and_an_unreadable_body_asks_for_json() {
        let edit = Edit::Set {
            pointer: JsonPointer::root().key("clientContext"),
            value: Some(serde_json::json!("abc")),
        };
        let edited = apply(&State::default(), Action::Edit(edit.clone()));
        assert!(edited.document.text.contains("\"clientContext\": \"abc\""));
        assert!(edited.checked.is_valid());

        let broken = apply(&State::default(), Action::SetText(Rc::from("{\"participants\": [")));
        let refused = apply(&broken, Action::Edit(edit));
        assert_eq!(refused.transient.notice, Some(Notice::EditNeedsValidJson));
        assert_eq!(refused.document.text, broken.document.text);
        assert_eq!(reduce(&edited, Action::Edit(Edit::RemoveParticipant(9))), None);
    }

    #[test]
    fn focus_requests_are_numbered_so_the_same_target_moves_twice() {
        let focus = || Action::Focus {
            span: Span::new(1, 2),
            pointer: None,
        };
        let once = apply(&State::default(), focus());
        let twice = apply(&once, focus());
        assert_ne!(once.transient.focus, twice.transient.focus);
    }

    #[test]
    fn the_draft_round_trips_through_the_state() {
        let state = apply(&State::default(), Action::SetOutcome(Outcome::NoAnswer));
        let again = State::from_draft(state.draft(), Preferences::default());
        assert_eq!(again.draft(), state.draft());
        assert_eq!(again.playback.outcome, Outcome::NoAnswer);
    }

    #[test]
    fn an_event_of_the_run_is_explained_against_the_request() {
        let state = apply(&State::default(), Action::SetSpeed(Speed::Instant));
        let state = run(&state);
        let timeline = state.playback.timeline.clone().unwrap();
        let index = timeline
            .events
            .iter()
            .position(|e| e.kind == EventKind::Notification)
            .unwrap();
        let picked = apply(&state, Action::ExplainEvent(index));
        let received = picked.received.clone().unwrap();
        assert!(received.text.starts_with("POST https://bot.contoso.com/api/calls"));
        assert_eq!(received.view, None, "explained by the worker, not yet");

        // What the worker does with the question the state asks, and its answer landing.
        let answer = |state: &State| {
            let job = Job {
                id: 1,
                task: state
                    .received
                    .as_ref()
                    .unwrap()
                    .task(&state.document, Some(&state.verdict)),
            };
            let Answer::Explained(view) = handle(job).answer else {
                panic!("not an explanation")
            };
            view
        };
        let view = answer(&picked);
        assert_eq!(view.errors, 0, "{:?}", view.findings);
        assert_eq!(view.items[0].step, timeline.events[index].step().unwrap());
        let text = received.text.clone();
        let explained = apply(
            &picked,
            Action::Explained {
                text: text.clone(),
                view,
            },
        );
        assert_eq!(explained.received.as_ref().unwrap().view.as_ref().unwrap().errors, 0);
        // The same text typed again (as another `Rc`) keeps the explanation.
        assert_eq!(reduce(&explained, Action::SetReceived(Rc::from(&*text))), None);

        // A change of request asks again: another clientContext is now a mismatch, and
        // the previous explanation stays until the new one lands.
        let edit = Edit::Set {
            pointer: JsonPointer::root().key("clientContext"),
            value: Some(serde_json::json!("another")),
        };
        let edited = apply(&explained, Action::Edit(edit));
        assert!(edited.received.as_ref().unwrap().view.is_some());
        let view = answer(&edited);
        let codes: Vec<_> = view.findings.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["correlation-mismatch"]);

        // A late answer for a text the panel no longer holds changes nothing.
        let other = apply(&edited, Action::SetReceived(Rc::from("{}")));
        assert_eq!(reduce(&other, Action::Explained { text, view }), None);
        // Clearing the panel, and an index past the run, change nothing else.
        assert!(apply(&edited, Action::SetReceived(Rc::from("  "))).received.is_none());
        assert_eq!(reduce(&state, Action::ExplainEvent(99)), None);
    }

    #[test]
    fn the_tour_plays_example_one_step_by_step_and_ends() {
        let edited = reduce(&State::default(), Action::SetText(Rc::from("{}"))).unwrap();
        let tour = worker_ran(&reduce(&edited, Action::StartTour).unwrap());
        assert!(tour.tour && !tour.playback.running && tour.playback.timeline.is_some());
        assert_eq!(tour.document.preset.map(|p| p.name), Some("example-1"));
        assert_eq!(tour.playback.outcome, Outcome::Success);
        assert_eq!(tour.playback.clock_ms, 0);
        let mut state = tour;
        let mut moments = 0;
        while !state.playback.finished() {
            state = reduce(&state, Action::Step).unwrap();
            moments += 1;
            assert!(moments < 50, "the tour ends");
        }
        assert!(moments >= 3, "request, 200, notifications: {moments}");
        let ended = reduce(&state, Action::EndTour).unwrap();
        assert!(!ended.tour);
        assert_eq!(reduce(&ended, Action::EndTour), None);
    }

    #[test]
    fn a_pasted_curl_command_becomes_the_request_it_sends_and_undo_gives_it_back() {
        let command: Rc<str> = Rc::from(
            "curl -X POST 'https://graph.microsoft.com/beta/communications/calls/c1/participants/invite' \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '{\"participants\": []}'",
        );
        // The editor asks the worker when a paste is a command; the worker's answer.
        assert!(crate::engine::curl::is_command(&command));
        let Reply { answer, .. } = handle(Job {
            id: 1,
            task: Task::ReadCurl {
                text: command.to_string(),
            },
        });
        let Answer::CurlMessage(Some(message)) = answer else {
            panic!("{answer:?}")
        };
        let message: Rc<str> = message.into();
        let pasted = apply(&State::default(), Action::SetTextInBulk(command.clone()));
        assert_eq!(pasted.document.text, command, "as pasted until the worker answers");
        let read = apply(
            &pasted,
            Action::CurlRead {
                command: command.clone(),
                message: message.clone(),
            },
        );
        assert_eq!(
            &*read.document.text,
            "POST https://graph.microsoft.com/beta/communications/calls/c1/participants/invite\nContent-Type: application/json\n\n{\"participants\": []}"
        );
        // Checked as that message, and written into the editor (not its own text).
        let codes: Vec<_> = read.checked.diagnostics.iter().map(|d| d.code()).collect();
        assert!(
            codes.contains(&"participants-empty") && codes.contains(&"header-authorization-missing"),
            "{codes:?}"
        );
        assert!(read.revision > pasted.revision);
        assert!(matches!(&read.transient.notice, Some(Notice::Replaced(r)) if r.by == ReplacedBy::CurlMessage));
        let undone = apply(&read, Action::Undo);
        assert_eq!(undone.document.text, command);
        assert_eq!(undone.transient.notice, None);
        // Near miss: an answer about a text the editor no longer holds changes nothing.
        let typed_on = apply(&pasted, Action::SetText(Rc::from("{}")));
        assert_eq!(reduce(&typed_on, Action::CurlRead { command, message }), None);
    }

    #[test]
    fn an_example_that_replaces_the_users_own_request_can_be_undone() {
        let own: Rc<str> = Rc::from("{\"participants\": [], \"mine\": true}");
        let typed = apply(&State::default(), Action::SetText(own.clone()));
        let second = &scenarios::PRESETS[1];
        let replaced = apply(&typed, Action::LoadPreset(second));
        assert_eq!(replaced.document.preset.map(|p| p.name), Some(second.name));
        assert!(matches!(&replaced.transient.notice, Some(Notice::Replaced(r)) if r.by == ReplacedBy::Example(second)));
        let undone = apply(&replaced, Action::Undo);
        assert_eq!(undone.document.text, own);
        assert_eq!(undone.transient.notice, None);
        assert_eq!(reduce(&undone, Action::Undo), None, "once");

        // Near misses: an example as it loaded, or an empty request, is nobody's work.
        let pristine = apply(&State::default(), Action::LoadPreset(second));
        assert_eq!(pristine.transient.notice, None);
        let empty = apply(
            &apply(&State::default(), Action::SetText(Rc::from(" "))),
            Action::LoadPreset(second),
        );
        assert_eq!(empty.transient.notice, None);

        // A mode switch reloading an edited example offers it too, and Undo brings back
        // the mode with the text.
        let edited = apply(&pristine, Action::SetText(own.clone()));
        let switched = apply(&edited, Action::SetMode(Mode::DocFaithful));
        assert!(matches!(switched.transient.notice, Some(Notice::Replaced(_))));
        let back = apply(&switched, Action::Undo);
        assert_eq!(
            (back.document.text.clone(), back.playback.mode),
            (own.clone(), Mode::Corrected)
        );

        // So does the tour, which Undo ends, with the run's settings as they were.
        let seeded = apply(&typed, Action::SetSeed(42));
        let tour = apply(&seeded, Action::StartTour);
        assert!(tour.tour && matches!(tour.transient.notice, Some(Notice::Replaced(_))));
        let back = apply(&tour, Action::Undo);
        assert!(!back.tour);
        assert_eq!((back.document.text.clone(), back.playback.seed), (own.clone(), 42));

        // Clear empties it, with Undo; an example as it loaded is just cleared.
        let cleared = apply(&typed, Action::Clear);
        assert_eq!(&*cleared.document.text, "");
        assert_eq!(apply(&cleared, Action::Undo).document.text, own);
        assert_eq!(apply(&State::default(), Action::Clear).transient.notice, None);
        assert_eq!(reduce(&cleared, Action::Clear), None, "nothing left to clear");

        // Once the example is edited, Undo is gone: it would throw that edit away.
        let later = apply(&replaced, Action::SetText(Rc::from("{}")));
        assert_eq!(later.transient.notice, None);
        assert_eq!(reduce(&later, Action::Undo), None);
    }

    #[test]
    fn what_the_user_put_in_received_can_be_undone_when_a_run_or_clear_replaces_it() {
        let ran = run(&apply(&State::default(), Action::SetSpeed(Speed::Instant)));
        let pasted: Rc<str> = Rc::from("{\"value\": []}");
        let mine = apply(&ran, Action::SetReceived(pasted.clone()));
        let picked = apply(&mine, Action::ExplainEvent(1));
        assert_ne!(picked.received.as_ref().unwrap().text, pasted);
        assert!(matches!(
            picked.transient.notice,
            Some(Notice::ReceivedReplaced { cleared: false, .. })
        ));
        let back = apply(&picked, Action::Undo);
        assert_eq!(
            back.received.as_ref().map(|r| (r.text.clone(), r.own)),
            Some((pasted.clone(), true))
        );
        assert_eq!(back.transient.notice, None);

        // Clear offers it too; a run's message, picked or cleared, is not the user's.
        let cleared = apply(&mine, Action::ClearReceived);
        assert!(cleared.received.is_none());
        assert!(matches!(
            cleared.transient.notice,
            Some(Notice::ReceivedReplaced { cleared: true, .. })
        ));
        assert_eq!(
            apply(&cleared, Action::Undo).received.map(|r| r.text.clone()),
            Some(pasted.clone())
        );
        let again = apply(&picked, Action::DismissNotice);
        assert_eq!(apply(&again, Action::ExplainEvent(2)).transient.notice, None);
        assert_eq!(apply(&again, Action::ClearReceived).transient.notice, None);
        let message = apply(&again, Action::ExplainMessage(Rc::from("{}")));
        assert_eq!(
            (message.received.as_ref().map(|r| r.own), message.transient.notice),
            (Some(false), None)
        );
        assert_eq!(
            reduce(&cleared, Action::ClearReceived).map(|s| s.transient.notice),
            None,
            "nothing to clear"
        );

        // Typing there afterwards withdraws it.
        let typed = apply(&picked, Action::SetReceived(Rc::from("{}")));
        assert_eq!(typed.transient.notice, None);
    }

    #[test]
    fn a_shared_draft_opens_what_the_bot_received_but_never_stores_it() {
        let sample = "{\"value\": []}";
        let draft = Draft {
            received: Some(sample.into()),
            ..State::default().draft()
        };
        let opened = State::from_draft(draft, Preferences::default());
        assert_eq!(
            opened.received.as_ref().map(|r| (&*r.text, r.own)),
            Some((sample, false)),
            "the link still holds it: not the user's own"
        );
        assert_eq!(opened.draft().received, None, "a stored draft leaves it out");
        let blank = Draft {
            received: Some(" ".into()),
            ..State::default().draft()
        };
        assert!(State::from_draft(blank, Preferences::default()).received.is_none());
    }

    #[test]
    fn the_system_theme_is_followed_until_a_theme_is_chosen() {
        let mut state = State::default();
        state.preferences.theme_follows_system = true;
        assert_eq!(
            reduce(&state, Action::SystemTheme { dark: false }),
            None,
            "already light"
        );
        let dark = reduce(&state, Action::SystemTheme { dark: true }).unwrap();
        assert_eq!(dark.preferences.theme, Theme::Dark);
        assert!(dark.preferences.theme_follows_system);
        let chosen = reduce(&dark, Action::SetTheme(Theme::Light)).unwrap();
        assert!(!chosen.preferences.theme_follows_system);
        assert_eq!(
            reduce(&chosen, Action::SystemTheme { dark: true }),
            None,
            "a choice wins"
        );
        // An embed, or a theme from the address or an earlier visit, never follows.
        assert_eq!(reduce(&State::default(), Action::SystemTheme { dark: true }), None);
    }

    #[test]
    fn line_feeds_counted_eight_at_a_time_match_a_byte_count() {
        // Every byte value around LF (0x0a), and 0x8a (LF with its high bit), at every
        // offset from a word's start, in texts of every length up to three words.
        let alphabet = [b'\n', 0x0b, 0x09, 0x8a, 0x00, 0xff, b'a', 0x0a ^ 0x80, 0x7f];
        for len in 0..=24 {
            for seed in 0..alphabet.len() * 3 {
                let bytes: Vec<u8> = (0..len)
                    .map(|i| alphabet[(i * 7 + seed * (i + 1)) % alphabet.len()])
                    .collect();
                let want = bytes.iter().filter(|&&b| b == b'\n').count();
                assert_eq!(line_feeds(&bytes, usize::MAX), want, "{bytes:?}");
                for limit in 0..=want {
                    let got = line_feeds(&bytes, limit);
                    assert!(got >= limit && got <= want, "{bytes:?} limit {limit}: {got}");
                }
            }
        }
        assert_eq!(line_count(&"é\n".repeat(1000)), 1001);
        assert_eq!(line_count("a\r\nb\rc\n"), 4, "CRLF, bare CR and LF are one break each");
    }

    #[test]
    fn long_minified_requests_and_many_lines_are_previewed_and_pretty_ones_are_not() {
        let minified = format!("{{\"participants\": [], \"x\": \"{}\"}}", "a".repeat(300_000));
        assert!(is_previewed(&minified));
        // Over LARGE_INPUT in few, long lines: editable.
        let pretty = format!("{{\n{}\n}}", format!("  \"a\": \"{}\",\n", "b".repeat(300)).repeat(900));
        assert!(pretty.len() > LARGE_INPUT && !is_previewed(&pretty));
        assert!(!is_previewed(&"a".repeat(LONG_TEXT)), "40 KiB on one line is editable");
        assert!(is_previewed(&"a".repeat(LONG_TEXT + 1)));
        assert!(is_previewed(&"\n".repeat(BULK_INPUT + 1)));
        // Lines, however short: EDITABLE_LINES of them are editable, one more is not.
        let lines = |n: usize| vec!["x"; n].join("\n");
        assert_eq!(line_count(&lines(EDITABLE_LINES)), EDITABLE_LINES);
        assert!(!is_previewed(&lines(EDITABLE_LINES)));
        assert!(is_previewed(&lines(EDITABLE_LINES + 1)));
        assert!(!is_previewed(&"x\r\n".repeat(EDITABLE_LINES - 1)), "CRLF is one break");
        assert!(is_previewed(&"x\r\n".repeat(EDITABLE_LINES)));
        assert!(
            is_previewed(&"x\r".repeat(EDITABLE_LINES)),
            "a textarea breaks at a bare CR too"
        );
        assert_eq!(line_count(""), 1);
        assert_eq!(line_count("a\r\nb\rc\n"), 4);
    }

    #[test]
    fn a_preview_is_marked_only_as_far_as_it_is_the_text() {
        let minified = format!("{{\"participants\": [], \"x\": \"{}\"}}", "é".repeat(300_000));
        let (shown, faithful) = preview(&minified);
        assert_eq!(shown[..faithful], minified[..faithful]);
        assert!(shown[faithful..].starts_with('…'));
        assert_eq!(shown.chars().count(), 500 + 3);

        let pretty = format!("  \"a\": \"{}\",\n", "b".repeat(100)).repeat(20_000);
        let (shown, faithful) = preview(&pretty);
        assert!(shown.len() < PREVIEW + 10 && shown.ends_with('…'));
        assert_eq!(shown[..faithful], pretty[..faithful]);
        assert!(faithful > PREVIEW - 20);

        let small = "{}";
        assert_eq!(preview(small), (Cow::Borrowed(small), 2));

        // Many short lines: at most PREVIEW_LINES of them, each the text's own.
        let lines = "x\n".repeat(100_000);
        let (shown, faithful) = preview(&lines);
        assert_eq!(line_count(&shown), PREVIEW_LINES + 1, "the lines, then the ellipsis");
        assert_eq!(shown[..faithful], lines[..faithful]);
        assert_eq!(faithful, 2 * PREVIEW_LINES - 1);
    }
}
