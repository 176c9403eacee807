//! The yew side of the app's state: `app::state::State` as a `use_reducer` store, and
//! one narrow context ([`Shelf`]) so views subscribe only to what they show.
//!
//! The reducer is `app::state::reduce` (plain Rust, tested natively); this module adds
//! no logic. Views read the language, the document and the check through [`Shelf`], which
//! changes only when those do, and a dispatcher that never changes. A clock tick therefore re-renders the simulation view and nothing else.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::state::reduce;
pub use crate::app::state::{
    is_previewed, preview, Action, Document, FocusRequest, Notice, Playback, Preferences, Shared, Speed, State, Theme,
    Wanted, BULK_INPUT, CHECK_LATER, LARGE_INPUT,
};
use crate::app::worker::Verdict;
use crate::engine::diagnostic::Lang;
use crate::engine::validate::Checked;

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match reduce(&self, action) {
            Some(next) => Rc::new(next),
            // Unchanged: the same `Rc`, so yew re-renders nothing.
            None => self,
        }
    }
}

/// The root's store handle (only `App` holds it).
pub type Store = UseReducerHandle<State>;

/// How views change the state; stable for the page's life, so taking it never
/// re-renders a view.
pub type Dispatch = UseReducerDispatcher<State>;

/// What every view may read without the whole state: the dispatcher, the language,
/// the document, its check and the verdict shown. One context (one provider in the wasm, not four); it
/// changes only when one of these does, never on a clock tick.
#[derive(Clone, PartialEq)]
pub struct Shelf {
    pub dispatch: Dispatch,
    pub lang: Lang,
    pub document: Shared<Document>,
    pub checked: Shared<Checked>,
    pub verdict: Shared<Verdict>,
}

#[hook]
fn use_shelf() -> Shelf {
    use_context::<Shelf>().expect("views render inside the App's provider")
}

/// A click handler that dispatches what `action` makes: the buttons that only say
/// "do this" (Run, Step, Skip, Undo…).
pub fn on_click(dispatch: &Dispatch, action: fn() -> Action) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_: MouseEvent| dispatch.dispatch(action()))
}

#[hook]
pub fn use_dispatch() -> Dispatch {
    use_shelf().dispatch
}

#[hook]
pub fn use_lang() -> Lang {
    use_shelf().lang
}

/// The request text, call, version and preset.
#[hook]
pub fn use_document() -> Shared<Document> {
    use_shelf().document
}

/// The engine's full check of the document; for a large document, of an older one
/// (`Document::is_large`): views that show the check read [`use_verdict`].
#[hook]
pub fn use_checked() -> Shared<Checked> {
    use_shelf().checked
}

/// What the page shows of the check: counts, the first diagnostics, marks, facts.
#[hook]
pub fn use_verdict() -> Shared<Verdict> {
    use_shelf().verdict
}
