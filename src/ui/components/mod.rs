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

/// Prose with `backticked` spans shown as code (notes, explanations): the engine writes
/// its words with Markdown's inline-code marks. An unpaired backtick stays as it is.
pub(crate) fn prose(text: &str) -> yew::Html {
    use yew::html;
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return html! { { text } };
    }
    parts
        .into_iter()
        .enumerate()
        .map(|(index, part)| match index % 2 {
            0 => html! { { part } },
            _ => html! { <code class="inline">{ part }</code> },
        })
        .collect()
}

/// The code as spans coloured by the engine's tokens (plain text stays bare text).
pub(crate) fn coloured(code: &str, lang: crate::engine::snippet::SnippetLang) -> yew::Html {
    coloured_start(code, lang, usize::MAX)
}

/// At most this many tokens of a text are coloured, each a span; the rest is one plain
/// run. 37 KB of 3,000 keys on one line (12,000 spans) took 311 ms to paste into the
/// editor and 127 ms a keystroke, and its C# code as long again to draw (measured);
/// every preset has a few hundred.
pub(crate) const COLOURED_TOKENS: usize = 1_500;

/// As [`coloured`], but only the tokens that start in the first `limit` bytes (and the
/// first [`COLOURED_TOKENS`]) are coloured; the rest is one text node. The start of a
/// cut 4 MiB body has thousands of tokens, and a span for each cost its card about
/// 20 ms of one task.
pub(crate) fn coloured_start(code: &str, lang: crate::engine::snippet::SnippetLang, limit: usize) -> yew::Html {
    let mut nodes: Vec<yew::Html> = Vec::new();
    let mut rest = code.len();
    for (index, (kind, range)) in crate::engine::snippet::tokens(code, lang).into_iter().enumerate() {
        if range.start >= limit || index >= COLOURED_TOKENS {
            rest = range.start;
            break;
        }
        let text = code[range].to_owned();
        nodes.push(match kind {
            crate::engine::snippet::TokenKind::Plain => yew::html! { { text } },
            kind => yew::html! { <span class={kind.class()}>{ text }</span> },
        });
    }
    if rest < code.len() {
        nodes.push(yew::html! { { code[rest..].to_owned() } });
    }
    nodes.into_iter().collect()
}
