//! The browser app (wasm only): renders what the core returns and dispatches what the
//! user does. No rule and no message shape lives here.

pub mod browser;
mod components;
mod hooks;
mod panic_banner;
mod store;
mod worker;

/// Mounts the app on `#app` (beside the static panic banner, which must survive) after
/// installing the panic hook.
pub fn start() {
    panic_banner::install();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<components::app::App>::with_root(root).render(),
        None => yew::Renderer::<components::app::App>::new().render(),
    };
}
