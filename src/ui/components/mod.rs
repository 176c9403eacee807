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

/// Prose with `backticked` spans shown as code (notes, explanations, diagnostics): the
/// engine writes its words with Markdown's inline-code marks, read back by
/// `message::code_spans`.
pub(crate) fn prose(text: &str) -> yew::Html {
    use crate::engine::diagnostic::message::{code_spans, Span};
    use yew::{classes, html};
    code_spans(text)
        .into_iter()
        .map(|span| match span {
            Span::Text(text) => html! { { text } },
            // A short code without spaces (a GUID, a pointer, a name) is kept on one line
            // where the stylesheet has room: a GUID broke at its hyphens in help text.
            Span::Code(code) => {
                let whole = code.chars().count() <= WHOLE_CODE && !code.contains(char::is_whitespace);
                html! { <code class={classes!("inline", whole.then_some("whole"))}>{ code }</code> }
            }
        })
        .collect()
}

/// Code spans up to this many characters, without spaces, are kept whole: a GUID's 36,
/// about 270 px, which the stylesheet keeps whole only from 375 px wide.
const WHOLE_CODE: usize = 36;

/// The code as spans coloured by the engine's tokens (plain text stays bare text).
pub(crate) fn coloured(code: &str, lang: crate::engine::snippet::SnippetLang) -> yew::Html {
    coloured_start(code, lang, usize::MAX)
}

/// At most this many tokens of a text are coloured, each a span; the rest is one plain
/// run. 37 KB of 3,000 keys on one line (12,000 spans) took 311 ms to paste into the
/// editor and 127 ms a keystroke, and its C# code as long again to draw (measured);
/// every preset has a few hundred.
pub(crate) const COLOURED_TOKENS: usize = 1_500;

/// Only tokens that start in a line's first this many bytes are coloured: code areas do
/// not wrap, so the rest of a long line is off to the right, and a span of it still
/// costs a node and its layout: 36 KB of 1,000 participants on one line had 1,500
/// coloured spans, now about 110.
pub(crate) const COLOURED_LINE: usize = 1_000;

/// What the page colours of a text: the first [`COLOURED_TOKENS`] tokens, each in its
/// line's first [`COLOURED_LINE`] bytes, that start in the first `until` bytes.
pub(crate) fn colour_budget(until: usize) -> crate::engine::snippet::ColourBudget {
    crate::engine::snippet::ColourBudget {
        until,
        tokens: COLOURED_TOKENS,
        line: COLOURED_LINE,
    }
}

/// As [`coloured`], with [`colour_budget`]`(limit)`: only the tokens that start in the
/// first `limit` bytes are coloured. The start of a cut 4 MiB body has thousands of
/// tokens, and a span for each cost its card about 20 ms of one task.
pub(crate) fn coloured_start(code: &str, lang: crate::engine::snippet::SnippetLang, limit: usize) -> yew::Html {
    crate::engine::snippet::coloured_tokens(code, lang, colour_budget(limit))
        .into_iter()
        .map(|(kind, range)| {
            let text = code[range].to_owned();
            match kind {
                crate::engine::snippet::TokenKind::Plain => yew::html! { { text } },
                kind => yew::html! { <span class={kind.class()}>{ text }</span> },
            }
        })
        .collect()
}
