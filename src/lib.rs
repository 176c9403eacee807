//! Invite Playground: a model, validator and simulator for the Microsoft Graph
//! `participant: invite` API, shared by the browser app, the CLI and the tests.
//!
//! Three layers, each only importing the ones below it (ARCHITECTURE.md; `tests/layers.rs`
//! holds the rule):
//! - [`engine`]: pure and target-independent: wire model, input reading, validation,
//!   diagnostics in two languages, HTTP rendering, the docs' scenarios, the simulator;
//! - [`app`]: the front end's logic without a browser: state, actions and `reduce`,
//!   composer edits as span splices, the stored and shared draft;
//! - `cli` (native) and `ui` (wasm, yew) are the two front ends on top.
//!
//! Invariants: the engine reads no clock and no randomness (ids come from a seed); it
//! never panics on user input; it knows nothing of the browser or the terminal (browser
//! crates are wasm-only dependencies and the CLI's are native-only, so an engine module
//! that reached for them would not compile on the other target).

pub mod app;
pub mod engine;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod mock;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Every wasm binary (the page, its Web Worker, the ES module API, the benchmark)
/// allocates with talc instead of std's dlmalloc: smaller and faster.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// The engine's modules at the crate root, so tests, fuzz targets and benches name them
// by their short paths (`invite_playground::validate::check`).
pub use engine::diagnostic::lang as i18n;
pub use engine::{
    call_context, diagnostic, http, input, model, pointer, scenarios, schema, simulate, source, validate,
};
