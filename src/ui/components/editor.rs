//! The request as text: a textarea over a highlight layer that underlines each
//! diagnostic at its span, with a line-number gutter. Typing re-checks at once.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::composer::field_id;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::tr;
use crate::ui::store::{use_store, Action};

/// Above this size the highlight layer is skipped: the list still shows every problem.
const HIGHLIGHT_LIMIT: usize = 256 * 1024;

#[function_component(Editor)]
pub fn editor() -> Html {
    let store = use_store();
    let lang = store.lang;
    let textarea = use_node_ref();
    let highlight = use_node_ref();
    let gutter = use_node_ref();

    // Choosing a diagnostic: select its span here, then focus its form field if any.
    {
        let textarea = textarea.clone();
        let text = store.text.clone();
        use_effect_with(store.focus.clone(), move |focus| {
            if let (Some(focus), Some(area)) = (focus, textarea.cast::<HtmlTextAreaElement>()) {
                let start = utf16_offset(&text, focus.span.start);
                let end = utf16_offset(&text, focus.span.end.max(focus.span.start));
                let _ = area.focus();
                let _ = area.set_selection_range(start, end);
                let focused_field = focus
                    .pointer
                    .as_deref()
                    .is_some_and(|pointer| crate::ui::browser::focus_element(&field_id(pointer)));
                if !focused_field {
                    let _ = area.focus();
                }
            }
        });
    }

    let on_input = {
        let store = store.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            store.dispatch(Action::SetText(area.value()));
        })
    };
    let on_scroll = {
        let (highlight, gutter) = (highlight.clone(), gutter.clone());
        Callback::from(move |event: Event| {
            let Some(area) = event.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
                return;
            };
            for layer in [&highlight, &gutter] {
                if let Some(layer) = layer.cast::<HtmlElement>() {
                    layer.set_scroll_top(area.scroll_top());
                    layer.set_scroll_left(area.scroll_left());
                }
            }
        })
    };

    let line_count = store.text.bytes().filter(|&b| b == b'\n').count() + 1;
    let numbers: String = (1..=line_count).map(|n| format!("{n}\n")).collect();
    let highlighted = if store.text.len() <= HIGHLIGHT_LIMIT {
        highlight_layer(&store.text, &store.checked.diagnostics)
    } else {
        html! {}
    };
    html! {
        <div class="editor">
            <label for="request-editor" class="visually-hidden">
                { tr(lang, "Request text: a JSON body or an HTTP request message", "Texto da solicitação: um corpo JSON ou uma mensagem HTTP") }
            </label>
            <pre class="gutter" aria-hidden="true" ref={gutter}>{ numbers }</pre>
            <div class="code-area">
                <pre class="highlight" aria-hidden="true" ref={highlight}>{ highlighted }</pre>
                <textarea
                    id="request-editor"
                    ref={textarea}
                    spellcheck="false"
                    autocomplete="off"
                    wrap="off"
                    value={store.text.clone()}
                    oninput={on_input}
                    onscroll={on_scroll}
                    aria-describedby="diagnostics-summary"
                />
            </div>
        </div>
    }
}

/// The text split into plain runs and marked runs, one mark per diagnostic span.
fn highlight_layer(text: &str, diagnostics: &[Diagnostic]) -> Html {
    let mut marks: Vec<(usize, usize, Severity, &'static str)> = diagnostics
        .iter()
        .filter_map(|d| {
            d.span.map(|span| {
                (
                    span.start.min(text.len()),
                    span.end.min(text.len()),
                    d.severity(),
                    d.code(),
                )
            })
        })
        .collect();
    marks.sort_by_key(|mark| (mark.0, mark.2));
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, severity, code) in marks {
        let start = floor_char(text, start.max(at));
        // A zero-width span still gets one visible character.
        let end = floor_char(text, end.max(start + 1).min(text.len())).max(start);
        if start < at || start >= text.len() {
            continue;
        }
        out.push(html! { { &text[at..start] } });
        let end = if end == start { ceil_char(text, start + 1) } else { end };
        out.push(
            html! { <mark class={classes!("mark", severity.as_str())} data-code={code}>{ &text[start..end] }</mark> },
        );
        at = end;
    }
    out.push(html! { { &text[at..] } });
    // A trailing newline needs one more character for the layer to be as tall as the text.
    out.push(html! { { " " } });
    out.into_iter().collect()
}

fn floor_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The textarea counts UTF-16 units; the core counts bytes.
fn utf16_offset(text: &str, byte: usize) -> u32 {
    let byte = floor_char(text, byte);
    text[..byte].encode_utf16().count() as u32
}
