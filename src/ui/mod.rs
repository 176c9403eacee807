//! The browser app (wasm only): renders what the core returns and dispatches what the
//! user does. No rule and no message shape lives here.

mod browser;
mod components;
mod hooks;
mod panic_banner;
mod store;

/// Mounts the app on `<body>` after installing the panic banner.
pub fn start() {
    panic_banner::install();
    yew::Renderer::<components::app::App>::new().render();
}
