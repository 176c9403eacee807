//! Side effects, kept out of the reducer: loading and saving the draft, the simulated
//! clock's timer, and the `<html>` attributes for language and theme.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::{Interval, Timeout};
use yew::prelude::*;

use super::browser::{self, Setting};
use super::store::{Action, Notice, Preferences, State, Store, Theme, BULK_INPUT};
use crate::app::share::Draft;
use crate::engine::diagnostic::lang::Lang;
use crate::engine::snippet::SnippetLang;
use crate::engine::vocabulary::Vocabulary;

/// How often the simulated clock advances while running.
const TICK_MS: u32 = 50;

/// The state the page opens with: a reset, a share link, the stored draft, or the
/// default preset, in that order. A link or draft that cannot be read is reported and
/// the page opens with the default.
pub fn initial_state() -> State {
    let lang = browser::load_setting(Setting::Lang)
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    let theme = browser::load_setting(Setting::Theme)
        .and_then(|name| Theme::parse(&name))
        .unwrap_or_default();
    let code = browser::load_setting(Setting::CodeLang)
        .and_then(|name| SnippetLang::parse(&name))
        .unwrap_or_default();
    let preferences = Preferences { lang, theme, code };
    let with_settings = |mut state: State| {
        state.preferences = preferences;
        state
    };
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
    match browser::load_draft().map(|json| Draft::from_json(&json)) {
        Some(Ok(draft)) => State::from_draft(draft, preferences),
        Some(Err(why)) => {
            browser::clear_draft();
            let mut state = with_settings(State::default());
            state.transient.notice = Some(Notice::DraftUnreadable(why.to_string()));
            state
        }
        None => with_settings(State::default()),
    }
}

/// Saves the draft (without credentials) and the settings whenever they change.
#[hook]
pub fn use_persistence(store: &Store) {
    let current = store.clone();
    use_effect_with(store.revision, move |_| {
        // A bulk request is not kept (the editor says so): see `BULK_INPUT`.
        if current.document.text.len() <= BULK_INPUT {
            browser::save_draft(&current.draft().to_json());
        }
    });
    use_effect_with(store.preferences, |Preferences { lang, theme, code }| {
        browser::save_setting(Setting::Lang, lang.tag());
        browser::save_setting(Setting::Theme, theme.name());
        browser::save_setting(Setting::CodeLang, code.name());
        browser::set_document_attributes(lang.tag(), theme.name());
    });
}

/// How long typing must pause before a large input is re-checked.
const RECHECK_DELAY_MS: u32 = 250;

/// Re-checks a large input once typing pauses; each keystroke restarts the wait.
#[hook]
pub fn use_deferred_check(store: &Store) {
    let dispatcher = store.dispatcher();
    let pending = store.check_pending;
    use_effect_with((store.revision, pending), move |(_, pending)| {
        let timer = pending.then(|| Timeout::new(RECHECK_DELAY_MS, move || dispatcher.dispatch(Action::Recheck)));
        move || drop(timer)
    });
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
