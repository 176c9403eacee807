//! A panic must never leave a dead page: the hook un-hides the static banner in
//! `index.html`, whose "reset" link works without wasm (it reloads with `?reset=1`).

use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        if let Some(message) = document.get_element_by_id("panic-message") {
            message.set_text_content(Some(&format!(" ({info})")));
        }
        if let Some(banner) = document
            .get_element_by_id("panic-banner")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            banner.set_hidden(false);
        }
    }));
}
