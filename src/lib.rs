//! Invite Playground: a model, validator and simulator for the Microsoft Graph
//! `participant: invite` API, shared by the browser app, the CLI and the tests.
//!
//! Code map (see ARCHITECTURE.md for the whole picture):
//! - [`input`] splits pasted text into an HTTP head and a body;
//! - [`validate`] checks it against every rule and returns all [`diagnostic`]s;
//! - [`model`] holds Graph's wire types, [`schema`] what Graph declares;
//! - [`simulate`] turns a checked request, a [`call_context`] and an outcome into a
//!   timeline of HTTP messages and webhook notifications;
//! - [`scenarios`] holds the docs' examples (presets) and their defects;
//! - `cli` (native) and `ui` (wasm) are the two front ends.
//!
//! Invariants: the core reads no clock and no randomness (ids come from a seed); it
//! never panics on user input; it knows nothing of the browser (browser crates are
//! wasm-only dependencies, so a core module that reached for them would not compile).

pub mod call_context;
pub mod diagnostic;
pub mod edit;
pub mod export;
pub mod i18n;
pub mod input;
pub mod model;
pub mod pointer;
pub mod scenarios;
pub mod schema;
pub mod share;
pub mod simulate;
pub mod source;
pub mod validate;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
pub mod ui;
