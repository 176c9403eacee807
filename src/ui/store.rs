//! The app's one store: `use_reducer` state plus a context and `use_store()`.
//!
//! The reducer is a thin adapter over the core: it re-checks the text when the request
//! or the call changes, applies composer edits with `edit::apply`, and plays timelines
//! with `simulate`. It has no side effects: storage, timers and the DOM live in hooks.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::edit::{self, Edit, EditError};
use crate::app::share::Draft;
use crate::engine::call_context::CallContext;
use crate::engine::diagnostic::lang::Lang;
use crate::engine::model::ApiVersion;
use crate::engine::scenarios::{self, Preset};
use crate::engine::simulate::{self, Mode, Outcome, Settings, Timeline};
use crate::engine::source::Span;
use crate::engine::validate::{self, CheckOptions, Checked};

/// Light or dark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// How fast the simulated clock runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Speed {
    #[default]
    Real,
    Fast,
    Instant,
}

impl Speed {
    pub const ALL: [Speed; 3] = [Speed::Real, Speed::Fast, Speed::Instant];

    pub fn name(self) -> &'static str {
        match self {
            Speed::Real => "1x",
            Speed::Fast => "10x",
            Speed::Instant => "instant",
        }
    }

    fn factor(self) -> u64 {
        match self {
            Speed::Real => 1,
            Speed::Fast => 10,
            Speed::Instant => u64::MAX / 4,
        }
    }
}

/// A message for the user that is not a diagnostic (a broken share link, say).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    ShareLinkUnreadable(String),
    DraftUnreadable(String),
    EditNeedsValidJson,
    Copied(&'static str),
    ClipboardUnavailable,
    WasReset,
}

/// Where the user asked to go: a span in the editor and, if it has one, a form field.
#[derive(Clone, Debug, PartialEq)]
pub struct FocusRequest {
    pub span: Span,
    pub pointer: Option<String>,
    /// Changes on every request so choosing the same diagnostic twice still moves.
    pub serial: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub text: String,
    pub context: CallContext,
    pub version: ApiVersion,
    pub preset: Option<&'static Preset>,
    pub mode: Mode,
    pub outcome: Outcome,
    pub seed: u64,
    /// The core's verdict on `text` in `context`; recomputed whenever either changes.
    pub checked: Rc<Checked>,
    pub timeline: Option<Rc<Timeline>>,
    pub clock_ms: u64,
    pub running: bool,
    pub speed: Speed,
    pub lang: Lang,
    pub theme: Theme,
    pub notice: Option<Notice>,
    pub focus: Option<FocusRequest>,
    /// Bumps whenever the draft changes, so effects can depend on it without comparing
    /// (or cloning) megabytes of text.
    pub revision: u64,
    /// `checked` is for an older text: a large input is re-checked once typing pauses.
    pub check_pending: bool,
}

impl Default for State {
    fn default() -> Self {
        let preset = &scenarios::PRESETS[0];
        State::from_draft(
            Draft {
                text: preset.corrected_request(),
                context: preset.context(),
                preset: Some(preset.name.to_owned()),
                seed: 1,
                ..Draft::default()
            },
            Lang::En,
            Theme::Light,
        )
    }
}

impl State {
    pub fn from_draft(draft: Draft, lang: Lang, theme: Theme) -> Self {
        let checked = Rc::new(check(&draft.text, &draft.context, draft.version));
        State {
            preset: draft.preset.as_deref().and_then(scenarios::preset),
            mode: Mode::parse(&draft.mode).unwrap_or_default(),
            outcome: Outcome::parse(&draft.outcome).unwrap_or_default(),
            seed: draft.seed,
            text: draft.text,
            context: draft.context,
            version: draft.version,
            checked,
            timeline: None,
            clock_ms: 0,
            running: false,
            speed: Speed::default(),
            lang,
            theme,
            notice: None,
            focus: None,
            revision: 0,
            check_pending: false,
        }
    }

    /// What is stored and shared.
    pub fn draft(&self) -> Draft {
        Draft {
            text: self.text.clone(),
            context: self.context.clone(),
            version: self.version,
            mode: self.mode.name().to_owned(),
            outcome: self.outcome.name().to_owned(),
            seed: self.seed,
            preset: self.preset.map(|preset| preset.name.to_owned()),
        }
    }

    fn recheck(&mut self) {
        self.checked = Rc::new(check(&self.text, &self.context, self.version));
        self.check_pending = false;
        self.timeline = None;
        self.running = false;
        self.clock_ms = 0;
    }
}

/// Above this many bytes a request is "bulk": pasted around the textarea, shown as a
/// read-only preview, and not kept in local storage (which holds about 5 MB and writes
/// synchronously).
pub const BULK_INPUT: usize = 1024 * 1024;

/// Above this many bytes a keystroke does not re-check at once: the check waits for a
/// pause in typing, so a multi-megabyte paste never makes every keystroke slow.
pub const LARGE_INPUT: usize = 256 * 1024;

fn check(text: &str, context: &CallContext, version: ApiVersion) -> Checked {
    validate::check(
        text,
        &CheckOptions {
            version,
            context: context.clone(),
        },
    )
}

pub enum Action {
    SetText(String),
    Recheck,
    Edit(Edit),
    SetContext(CallContext),
    SetVersion(ApiVersion),
    LoadPreset(&'static Preset, Mode),
    SetMode(Mode),
    SetOutcome(Outcome),
    SetSeed(u64),
    Run,
    Pause,
    Resume,
    Step,
    Restart,
    SetSpeed(Speed),
    Tick(u64),
    SetLang(Lang),
    SetTheme(Theme),
    Notify(Notice),
    DismissNotice,
    Focus { span: Span, pointer: Option<String> },
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::SetText(text) => {
                state.text = text;
                state.revision += 1;
                if state.text.len() > LARGE_INPUT {
                    // Checked by `Recheck` once typing pauses (see `hooks::use_deferred_check`).
                    state.check_pending = true;
                    state.timeline = None;
                } else {
                    state.recheck();
                }
            }
            Action::Recheck => {
                if !state.check_pending {
                    return self;
                }
                state.recheck();
            }
            Action::Edit(edit) => match edit::apply(&state.text, &edit) {
                Ok(text) => {
                    state.text = text;
                    state.notice = None;
                    state.revision += 1;
                    state.recheck();
                }
                Err(EditError::BodyUnreadable) => state.notice = Some(Notice::EditNeedsValidJson),
                Err(EditError::NoSuchPlace) => return self,
            },
            Action::SetContext(context) => {
                state.context = context;
                state.revision += 1;
                state.recheck();
            }
            Action::SetVersion(version) => {
                state.version = version;
                state.revision += 1;
                state.recheck();
            }
            Action::LoadPreset(preset, mode) => {
                state.preset = Some(preset);
                state.mode = mode;
                state.text = preset.request(mode);
                state.context = preset.context();
                state.revision += 1;
                state.recheck();
            }
            Action::SetMode(mode) => {
                state.mode = mode;
                state.revision += 1;
                state.timeline = None;
            }
            Action::SetOutcome(outcome) => {
                state.outcome = outcome;
                state.revision += 1;
                state.timeline = None;
            }
            Action::SetSeed(seed) => {
                state.seed = seed;
                state.revision += 1;
                state.timeline = None;
            }
            Action::Run => {
                // A large text typed a moment ago may not be checked yet.
                if state.check_pending {
                    state.recheck();
                }
                let settings = Settings {
                    outcome: state.outcome,
                    mode: state.mode,
                    seed: state.seed,
                };
                let timeline = simulate::simulate(&state.checked, &state.context, settings, state.preset);
                state.clock_ms = if state.speed == Speed::Instant {
                    timeline.duration_ms()
                } else {
                    0
                };
                state.running = state.speed != Speed::Instant;
                state.timeline = Some(Rc::new(timeline));
            }
            Action::Pause => state.running = false,
            Action::Resume => state.running = state.timeline.is_some() && !state.finished(),
            Action::Step => {
                if let Some(timeline) = &state.timeline {
                    state.clock_ms = next_moment(timeline, state.clock_ms);
                }
                state.running = false;
            }
            Action::Restart => {
                state.clock_ms = 0;
                state.running = state.timeline.is_some();
            }
            Action::SetSpeed(speed) => {
                state.speed = speed;
                if speed == Speed::Instant {
                    if let Some(timeline) = &state.timeline {
                        state.clock_ms = timeline.duration_ms();
                        state.running = false;
                    }
                }
            }
            Action::Tick(elapsed_ms) => {
                if !state.running {
                    return self;
                }
                let duration = state.timeline.as_ref().map_or(0, |t| t.duration_ms());
                state.clock_ms = state
                    .clock_ms
                    .saturating_add(elapsed_ms.saturating_mul(state.speed.factor()))
                    .min(duration);
                state.running = state.clock_ms < duration;
            }
            Action::SetLang(lang) => state.lang = lang,
            Action::SetTheme(theme) => state.theme = theme,
            Action::Notify(notice) => state.notice = Some(notice),
            Action::DismissNotice => state.notice = None,
            Action::Focus { span, pointer } => {
                let serial = state.focus.as_ref().map_or(0, |focus| focus.serial.wrapping_add(1));
                state.focus = Some(FocusRequest { span, pointer, serial });
            }
        }
        Rc::new(state)
    }
}

impl State {
    pub fn finished(&self) -> bool {
        self.timeline
            .as_ref()
            .is_some_and(|timeline| self.clock_ms >= timeline.duration_ms())
    }
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

/// The store handle every component reads and dispatches through.
pub type Store = UseReducerHandle<State>;

#[hook]
pub fn use_store() -> Store {
    use_context::<Store>().expect("components render inside the App's store provider")
}
