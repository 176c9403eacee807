//! Side effects, kept out of the reducer: loading and saving the draft, the simulated
//! clock's timer, asking the Web Worker to check a large request, and the `<html>`
//! attributes for language and theme.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::{Interval, Timeout};
use yew::prelude::*;

use super::browser::{self, Setting};
use super::store::{Action, Notice, Preferences, State, Store, Theme, Wanted, BULK_INPUT, CHECK_LATER};
use super::worker;
use crate::app::link::Link;
use crate::app::share::Draft;
use crate::app::worker::{Answer, RunPart, Task};
use crate::engine::diagnostic::lang::{Lang, Text};
use crate::engine::snippet::SnippetLang;
use crate::engine::vocabulary::Vocabulary;

/// How often the simulated clock advances while running.
const TICK_MS: u32 = 50;

/// The state the page opens with: a reset, a share link, the address's own request
/// (an embed, a docs link, a Graph Explorer link: [`Link`]), the stored draft, or the
/// default preset, in that order. A link or draft that cannot be read is reported and
/// the page opens with the default. An embed reads no storage: a third-party frame may
/// have none, and what it shows must come from its address alone.
///
/// Language and theme: the address's, else the ones chosen here before, else the
/// system's (dark colours when it prefers them; Portuguese when the browser's language
/// is any Portuguese). Not in an embed: its docs page has its own language and colours,
/// which the system's need not match, so it is English and light unless it says.
pub fn initial_state(link: &Link) -> State {
    let embed = link.presentation.embed;
    let stored = |which| (!embed).then(|| browser::load_setting(which)).flatten();
    let browser_lang = || {
        (!embed)
            .then(browser::browser_language)
            .flatten()
            .filter(|tag| tag.to_ascii_lowercase().starts_with("pt"))
            .map(|_| Lang::PtBr)
    };
    let lang = link
        .lang
        .or_else(|| stored(Setting::Lang).and_then(|tag| Lang::from_tag(&tag)))
        .or_else(browser_lang)
        .unwrap_or_default();
    let chosen = link
        .theme
        .or_else(|| stored(Setting::Theme).and_then(|name| Theme::parse(&name)));
    let theme_follows_system = chosen.is_none() && !embed;
    let theme = chosen.unwrap_or(
        if theme_follows_system && browser::media_matches(browser::DARK_COLOURS) {
            Theme::Dark
        } else {
            Theme::Light
        },
    );
    let code = stored(Setting::CodeLang)
        .and_then(|name| SnippetLang::parse(&name))
        .unwrap_or_default();
    let preferences = Preferences {
        lang,
        theme,
        theme_follows_system,
        code,
    };
    let mut state = opening_draft(link, preferences);
    // A share link's own payload (its fragment) comes before the query's.
    if let (Some(text), None) = (&link.received, &state.received) {
        state.open_received(text.as_str().into(), false);
        if !embed {
            // As with a request from the address: a share link made later must carry
            // what the panel holds then, not this.
            browser::clean_address();
        }
    }
    if let Some(speed) = link.speed {
        state.playback.speed = speed;
    }
    if state.transient.notice.is_none() && !link.problems.is_empty() {
        let messages = link.problems.iter().map(|problem| problem.message(lang)).collect();
        state.transient.notice = Some(Notice::LinkProblems(messages));
    }
    state
}

fn opening_draft(link: &Link, preferences: Preferences) -> State {
    let with_settings = |mut state: State| {
        state.preferences = preferences;
        state
    };
    if link.presentation.embed {
        return with_settings(
            link.draft
                .clone()
                .map_or_else(State::default, |draft| State::from_draft(draft, preferences)),
        );
    }
    if browser::reset_requested() {
        browser::clear_draft();
        browser::clean_address();
        let mut state = with_settings(State::default());
        state.transient.notice = Some(Notice::WasReset);
        return state;
    }
    if let Some(shared) = browser::shared_draft() {
        browser::clean_address();
        return match shared.and_then(|json| Draft::from_json(&json).map_err(|error| error.to_string())) {
            Ok(draft) => State::from_draft(draft, preferences),
            Err(why) => {
                let mut state = with_settings(State::default());
                state.transient.notice = Some(Notice::ShareLinkUnreadable(why));
                state
            }
        };
    }
    if let Some(draft) = &link.draft {
        // The page's own storage takes over from here: a reload shows the user's edits.
        browser::clean_address();
        return State::from_draft(draft.clone(), preferences);
    }
    match browser::load_draft().map(|json| Draft::from_json(&json)) {
        Some(Ok(draft)) => {
            let mut state = State::from_draft(draft, preferences);
            // What was in the Received panel comes back with the request it was beside,
            // unless the address brings its own.
            if let Some(text) = link.received.is_none().then(browser::load_received).flatten() {
                state.open_received(text.into(), true);
            }
            state
        }
        Some(Err(why)) => {
            browser::clear_draft();
            let mut state = with_settings(State::default());
            state.transient.notice = Some(Notice::DraftUnreadable(why.to_string()));
            state
        }
        None => with_settings(State::default()),
    }
}

/// Runs `write` (a storage write of `len` bytes) at once, or, over `CHECK_LATER`, in a
/// task of its own that dropping the returned timer cancels (a newer change does).
fn write_soon(len: usize, write: impl FnOnce() + 'static) -> Option<Timeout> {
    if len > CHECK_LATER {
        Some(Timeout::new(0, write))
    } else {
        write();
        None
    }
}

/// Saves the draft (without credentials) and the settings whenever they change; an
/// embed (`store_nothing`) touches no storage. A draft the browser will not keep (its
/// storage blocked or full) is said once, so that a reload losing it is no surprise.
#[hook]
pub fn use_persistence(store: &Store, store_nothing: bool) {
    let current = store.clone();
    let warned = use_mut_ref(|| false);
    use_effect_with(store.revision, move |_| {
        let save = move |store: &Store| {
            if !browser::save_draft(&store.draft().to_json()) && !std::mem::replace(&mut *warned.borrow_mut(), true) {
                store.dispatch(Action::Notify(Notice::DraftNotKept));
            }
        };
        // A bulk request is not kept (the editor says so): see `BULK_INPUT`. A draft over
        // `CHECK_LATER` is saved in a task of its own (a newer change cancels it):
        // writing a 37 KB draft cost the paste's task 5 ms (measured), and only the
        // newest draft matters. A smaller one is saved at once, so a reload right after
        // a change (a script can reload within the millisecond) loses nothing.
        let len = current.document.text.len();
        let later = (!store_nothing && len <= BULK_INPUT).then(|| write_soon(len, move || save(&current)));
        move || drop(later.flatten())
    });
    // What the Received panel holds, kept beside the draft up to the size a draft is
    // kept at (a bulk payload is not: it is forgotten), written as the draft is.
    let received = store.received.as_ref().map(|doc| doc.text.clone());
    use_effect_with(received, move |text| {
        let text = text.clone().filter(|text| text.len() <= BULK_INPUT);
        let len = text.as_ref().map_or(0, |text| text.len());
        let later = (!store_nothing).then(|| write_soon(len, move || browser::save_received(text.as_deref())));
        move || drop(later.flatten())
    });
    use_effect_with(store.preferences, move |preferences| {
        let Preferences {
            lang,
            theme,
            theme_follows_system,
            code,
        } = preferences;
        if !store_nothing {
            browser::save_setting(Setting::Lang, lang.tag());
            // A theme followed from the system is not a choice: kept, it would stop
            // the page from following the system on the next visit.
            if !theme_follows_system {
                browser::save_setting(Setting::Theme, theme.name());
            }
            browser::save_setting(Setting::CodeLang, code.name());
        }
        browser::set_document_attributes(lang.tag(), theme.name());
    });
}

/// In an embed: tells the parent page the frame's height on every change, that the
/// playground is `ready`, and when a run has played to its end (`run-finished`).
#[hook]
pub fn use_embed_messages(store: &Store, embed: bool) {
    let watch: Rc<RefCell<Option<browser::HeightWatch>>> = use_mut_ref(|| None);
    use_effect_with(embed, move |embed| {
        if *embed {
            *watch.borrow_mut() = browser::watch_height(|height| {
                browser::post_to_parent("resize", &[("height", height.into())]);
            });
            browser::post_to_parent("ready", &[]);
        }
        move || drop(watch.borrow_mut().take())
    });
    let finished = store.playback.finished();
    let (outcome, events) = (
        store.playback.outcome,
        store
            .playback
            .timeline
            .as_ref()
            .map_or(0, |timeline| timeline.events.len()),
    );
    use_effect_with(finished, move |finished| {
        if embed && *finished {
            browser::post_to_parent(
                "run-finished",
                &[("outcome", outcome.name().into()), ("events", (events as f64).into())],
            );
        }
    });
}

/// Plays the run once the page is up, when the address asked for it.
#[hook]
pub fn use_autorun(store: &Store, autorun: bool) {
    let dispatcher = store.dispatcher();
    use_effect_with(autorun, move |autorun| {
        if *autorun {
            dispatcher.dispatch(Action::Run);
        }
    });
}

/// How long typing must pause before a large input is checked again.
const RECHECK_DELAY_MS: u32 = 250;

/// Has the Web Worker check a large document once typing pauses (each keystroke
/// restarts the wait; an answer for an older text is dropped by `reduce`). Without a
/// worker the page checks it itself, slowly, rather than never. A smaller document put
/// in in bulk is checked on the page after the next paint.
#[hook]
pub fn use_worker_check(store: &Store) {
    let dispatcher = store.dispatcher();
    let (pending, revision, document) = (store.check_pending, store.revision, store.document.clone());
    use_effect_with((revision, pending), move |&(revision, pending)| {
        let large = document.is_large();
        let here = {
            let dispatcher = dispatcher.clone();
            (pending && !large).then(|| after_paint(move || dispatcher.dispatch(Action::CheckHere)))
        };
        let timer = (pending && large).then(|| {
            Timeout::new(RECHECK_DELAY_MS, move || {
                let task = Task::Check {
                    text: document.text.to_string(),
                    version: document.version,
                    context: document.context.clone(),
                    marked_until: document.marked_until(),
                    key: revision,
                };
                let answered = dispatcher.clone();
                let asked = worker::ask_about(&document.text, task, move |reply| {
                    if let Answer::Checked(verdict) = reply.answer {
                        answered.dispatch(Action::Checked { revision, verdict });
                    }
                });
                if asked.is_none() {
                    dispatcher.dispatch(Action::CheckHere);
                }
            })
        });
        move || drop((here, timer))
    });
}

/// A task that runs after the next frame is painted, cancelled when dropped.
pub struct AfterPaint {
    _frame: AnimationFrame,
    _task: Rc<RefCell<Option<Timeout>>>,
}

/// Runs `task` in a task of its own after the next paint: an animation-frame callback
/// runs just before the frame is painted, and the timeout it sets after it. What the
/// current task drew (a pasted text) is then on screen before `task` starts; with a
/// plain zero timeout Chromium often ran both before painting (a frame of 80–114 ms).
pub fn after_paint(task: impl FnOnce() + 'static) -> AfterPaint {
    after_paint_boxed(Box::new(task))
}

/// One instantiation of the animation frame's and the timeout's closures for every
/// caller (each costs the page's wasm bytes).
fn after_paint_boxed(task: Box<dyn FnOnce()>) -> AfterPaint {
    let slot = Rc::new(RefCell::new(None));
    let set = slot.clone();
    let frame = request_animation_frame(move |_| *set.borrow_mut() = Some(Timeout::new(0, task)));
    AfterPaint {
        _frame: frame,
        _task: slot,
    }
}

/// Asks the Web Worker for a queued run once any background check has landed, and
/// plays the timeline it sends (the simulator lives only in the worker's wasm, and a
/// run of 4 MiB never holds the page). An answer for an older document or settings is
/// dropped by `reduce`; without a worker the run says why it cannot start.
#[hook]
pub fn use_worker_run(store: &Store) {
    let ready = store.playback.queued && !store.check_pending;
    let store = store.clone();
    use_effect_with((ready, store.revision), move |&(ready, revision)| {
        if ready {
            let dispatcher = store.dispatcher();
            let answered = dispatcher.clone();
            let asked = ask_run(&store, None, move |answer| {
                if let Answer::Ran(wire) = answer {
                    match wire.into_timeline() {
                        Some(timeline) => answered.dispatch(Action::Ran { revision, timeline }),
                        None => answered.dispatch(Action::RunFailed),
                    }
                }
            });
            if !asked {
                dispatcher.dispatch(Action::RunFailed);
            }
        }
    });
}

/// Asks the Web Worker for the whole part of an abridged run the user wants (a
/// message to copy or explain, the timeline to download) and uses it: the page holds
/// a large run's messages only as far as its cards show them.
#[hook]
pub fn use_wanted(store: &Store) {
    let wanted = store.transient.wanted;
    let store = store.clone();
    use_effect_with(wanted, move |&wanted| {
        if let Some(wanted) = wanted {
            let dispatcher = store.dispatcher();
            let answered = dispatcher.clone();
            let asked = ask_run(&store, Some(wanted.part()), move |answer| {
                answered.dispatch(Action::Want(None));
                let Answer::RunText(text) = answer else { return };
                match wanted {
                    Wanted::Copy(_) => browser::copy(&text, Text::same("HTTP"), &answered),
                    Wanted::Explain(_) => answered.dispatch(Action::ExplainMessage(Rc::from(text))),
                    Wanted::Download => browser::download("invite-timeline.json", &text, "application/json"),
                }
            });
            if !asked {
                dispatcher.dispatch(Action::Want(None));
                dispatcher.dispatch(Action::Notify(Notice::WorkerUnavailable));
            }
        }
    });
}

/// Asks the Web Worker for the run (or a whole `part` of it), naming the text by the
/// worker's key when it keeps it, and again with the text if it no longer does.
/// `false` when there is no worker.
fn ask_run(store: &Store, part: Option<RunPart>, done: impl FnOnce(Answer) + 'static) -> bool {
    let again = store.clone();
    worker::ask(store.run_part_task(part, true), move |reply| match reply.answer {
        Answer::NeedText => {
            let _ = worker::ask(again.run_part_task(part, false), move |reply| done(reply.answer));
        }
        answer => done(answer),
    })
    .is_some()
}

/// Ticks the simulated clock while a timeline is running.
#[hook]
pub fn use_clock(store: &Store) {
    let timer: Rc<RefCell<Option<Interval>>> = use_mut_ref(|| None);
    let dispatcher = store.dispatcher();
    use_effect_with(store.playback.running, move |running| {
        *timer.borrow_mut() =
            running.then(|| Interval::new(TICK_MS, move || dispatcher.dispatch(Action::Tick(u64::from(TICK_MS)))));
        move || drop(timer.borrow_mut().take())
    });
}

/// How many items a long list adds in each frame.
pub const CHUNK: usize = 10;

/// How many of a list's `len` items to draw now. A list that grows by at most `chunk`
/// items draws them at once; one that grows by more keeps the items it shows in this
/// task and draws `chunk` more in each following frame. Creating a hundred findings'
/// nodes at once took 79 ms of one paste (measured), patching them little, so a list
/// that already shows n items keeps showing n when it changes; and the task of the
/// change itself (a paste: its check, its text and marks) draws none of the new items,
/// since a first chunk of findings and form cards there made a 36 KB paste's task 54 ms
/// (measured). Each chunk is drawn after a paint ([`after_paint`]): chained zero timeouts
/// kept Chromium from painting for 50–97 ms while a list filled (measured). Lists of
/// findings take [`CHUNK`]; lists of larger items (form cards) fewer.
#[hook]
pub fn use_progressive(len: usize, chunk: usize) -> usize {
    // As if a chunk were drawn already: a list drawn for the first time shows its first
    // chunk at once (all of it, if it has at most two chunks), so an embed out of view,
    // where animation frames wait, still shows its findings.
    let drawn = use_state_eq(|| chunk);
    let count = if len.saturating_sub(*drawn) > chunk {
        *drawn
    } else {
        len
    };
    use_effect_with((count, len), move |&(count, len)| {
        let more = if count < len {
            Some(after_paint(move || drawn.set(count + chunk)))
        } else {
            drawn.set(count);
            None
        };
        move || drop(more)
    });
    count
}

/// Follows the system's colours while the page is open (an OS that turns dark at dusk
/// turns the page dark), unless a theme was chosen: `Action::SystemTheme` decides.
#[hook]
pub fn use_system_theme(store: &Store) {
    let dark = use_media(browser::DARK_COLOURS);
    let dispatch = store.dispatcher();
    use_effect_with(dark, move |&dark| dispatch.dispatch(Action::SystemTheme { dark }));
}

/// How far below (or above) the viewport a panel may still be when its work starts, so
/// that it is ready by the time it is scrolled to.
const SEEN_MARGIN: &str = "200px 0px";

/// Whether the CSS media `query` holds, kept up to date as the window changes.
#[hook]
pub fn use_media(query: &'static str) -> bool {
    use_media_with(query, || {})
}

/// [`use_media`], calling `before` when the answer changes, before the page is drawn
/// anew for it (while what it shows is still there).
#[hook]
pub fn use_media_with(query: &'static str, before: fn()) -> bool {
    let matches = use_state_eq(|| browser::media_matches(query));
    {
        let matches = matches.clone();
        use_effect_with((), move |_| {
            let watch = browser::watch_media(query, move |now| {
                before();
                matches.set(now);
            });
            move || drop(watch)
        });
    }
    *matches
}

/// Whether the element behind `node` has come within [`SEEN_MARGIN`] of the viewport
/// (and stays `true` once it has). The code panel asks the Web Worker for code only
/// then: on a phone, or in an embed further down a docs page, the worker's 136 KB are
/// not fetched until the code is scrolled to. Where the browser cannot watch, at once.
#[hook]
pub fn use_seen(node: &NodeRef) -> bool {
    let seen = use_state_eq(|| false);
    {
        let (node, seen) = (node.clone(), seen.clone());
        use_effect_with((), move |_| {
            let watch = node.cast::<web_sys::Element>().and_then(|element| {
                let seen = seen.clone();
                browser::when_seen(&element, SEEN_MARGIN, move || seen.set(true))
            });
            if watch.is_none() {
                seen.set(true);
            }
            move || drop(watch)
        });
    }
    *seen
}
