//! The app's views, grouped by what the user sees: the header bar, the composer (call
//! context and participants), the editor with its diagnostics, and the simulation
//! (controls, sequence diagram, timeline).

pub mod app;
mod code_area;
mod code_view;
mod composer;
mod diagnostics;
mod editor;
mod export_menu;
mod header;
mod notice;
mod received;
mod simulation;
