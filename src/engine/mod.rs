//! The engine: everything the playground knows about `participant: invite`, with no
//! browser, terminal, clock or randomness in it. Compiled natively and to wasm.
//!
//! Modules in layer order, from the ground up; a module imports only from its own layer
//! or below (checked by `tests/layers.rs`):
//! 1. [`model`] (wire types), [`pointer`], [`source`] (spans, lines, clipping),
//!    [`vocabulary`] (enum ↔ name);
//! 2. [`input`] (text → HTTP head + body), [`curl`] (a cURL command → the message it
//!    sends), [`credential`] (the one redaction policy),
//!    [`schema`] (what Graph declares), [`call_context`] (the simulated call);
//! 3. [`diagnostic`] (rules, messages in two languages, [`diagnostic::lang`]);
//! 4. [`validate`] (`check`: every rule, every problem);
//! 5. [`http`] (a request or response as HTTP text, cURL, JSON);
//! 6. [`scenarios`] (the docs' examples and defects, [`scenarios::Mode`]), [`explain`]
//!    (what a received payload means);
//! 7. [`simulate`] (the timeline of messages and notifications);
//! 8. [`report`] (the JSON results the CLI prints and the ES module API returns).

pub mod model;
pub mod pointer;
pub mod source;
pub mod vocabulary;

pub mod call_context;
pub mod credential;
pub mod curl;
pub mod input;
pub mod schema;

pub mod diagnostic;

pub mod validate;

pub mod http;

pub mod explain;
pub mod scenarios;

pub mod simulate;

pub mod report;

pub mod snippet;
