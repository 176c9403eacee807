//! A panic must never leave a dead page: the hook un-hides the static banner in
//! `index.html` (in the page's language), whose "reset" link works without wasm: it
//! reloads with `?reset=1`, and the next start clears the draft.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::engine::diagnostic::lang::{tr, Lang};

/// A window event the browser tests dispatch to check the banner; no control sends it.
const FORCE_PANIC_EVENT: &str = "invite-playground-force-panic";

pub fn install() {
    // Through yew, which would otherwise replace any hook with its console-only one.
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show(&info.to_string());
    }));
    if let Some(window) = web_sys::window() {
        let force = Closure::<dyn Fn()>::new(|| panic!("forced by the {FORCE_PANIC_EVENT} event"));
        let _ = window.add_event_listener_with_callback(FORCE_PANIC_EVENT, force.as_ref().unchecked_ref());
        force.forget();
    }
}

/// Un-hides the banner, with `detail` (a panic's message) in it.
pub fn show(detail: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let lang = document
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    let set = |id: &str, text: &str| {
        if let Some(element) = document.get_element_by_id(id) {
            element.set_text_content(Some(text));
        }
    };
    set(
        "panic-title",
        tr(
            lang,
            "Something broke inside the playground.",
            "Algo quebrou dentro do playground.",
        ),
    );
    set("panic-message", &format!(" ({detail})"));
    set(
        "panic-reset",
        tr(lang, "Reset the playground", "Redefinir o playground"),
    );
    if let Some(banner) = document
        .get_element_by_id("panic-banner")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        banner.set_hidden(false);
    }
}
