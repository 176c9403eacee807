//! The yew side of the app's state: `app::state::State` as a `use_reducer` store, and
//! narrow contexts so each view subscribes only to what it shows.
//!
//! The reducer is `app::state::reduce` (plain Rust, tested natively); this module adds
//! no logic. Views read the slices they need: the language, the document and the check
//! through small contexts that change only when those do, and a dispatcher that never
//! changes. A clock tick therefore re-renders the simulation view and nothing else.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::state::reduce;
pub use crate::app::state::{
    Action, Document, FocusRequest, Notice, Playback, Preferences, Shared, Speed, State, Theme, BULK_INPUT,
};
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

#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("views render inside the App's providers")
}

#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The request text, call, version and preset.
#[hook]
pub fn use_document() -> Shared<Document> {
    use_context::<Shared<Document>>().expect("views render inside the App's providers")
}

/// The engine's verdict on the document.
#[hook]
pub fn use_checked() -> Shared<Checked> {
    use_context::<Shared<Checked>>().expect("views render inside the App's providers")
}
