//! The request as text: a textarea over a highlight layer that underlines each
//! diagnostic at its span, with a line-number gutter. Typing re-checks at once.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::engine::vocabulary::Vocabulary;

use super::composer::field_id;
use crate::engine::diagnostic::lang::tr;
use crate::engine::diagnostic::{Diagnostic, Severity};
use crate::engine::input::MAX_INPUT;
use crate::engine::source::{ellipsize, floor_char_boundary};
use crate::ui::store::{use_checked, use_dispatch, use_document, use_lang, Action, FocusRequest, Notice, BULK_INPUT};

/// Above this size the highlight layer is skipped: the list still shows every problem.
const HIGHLIGHT_LIMIT: usize = 256 * 1024;

/// How much of a bulk request the read-only editor shows.
const PREVIEW: usize = 64 * 1024;
const PREVIEW_LINE: usize = 500;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The last place the user asked to go (a chosen diagnostic).
    pub focus: Option<FocusRequest>,
    /// The document's revision: a change made elsewhere is written into the textarea.
    pub revision: u64,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let (lang, dispatch, document, checked) = (use_lang(), use_dispatch(), use_document(), use_checked());
    let textarea = use_node_ref();
    let highlight = use_node_ref();
    let gutter = use_node_ref();

    // Choosing a diagnostic: select its span here, then focus its form field if any.
    {
        let textarea = textarea.clone();
        let current = document.clone();
        use_effect_with(props.focus.clone(), move |focus| {
            if let (Some(focus), Some(area)) = (focus, textarea.cast::<HtmlTextAreaElement>()) {
                let text = shown_text(&current.text);
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

    // The textarea is uncontrolled: text typed into it is already there, and writing a
    // multi-megabyte value back on every keystroke would stall typing. Only a change
    // made elsewhere (a preset, the form, a share link) is written into it.
    let own_revision = use_mut_ref(|| None::<u64>);
    {
        let (textarea, own_revision, document) = (textarea.clone(), own_revision.clone(), document.clone());
        use_effect_with(props.revision, move |revision| {
            let typed_here = own_revision.borrow_mut().take() == Some(*revision);
            if let Some(area) = textarea.cast::<HtmlTextAreaElement>().filter(|_| !typed_here) {
                area.set_value(&shown_text(&document.text));
            }
        });
    }
    let on_input = {
        let dispatch = dispatch.clone();
        let own_revision = own_revision.clone();
        let revision = props.revision;
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            // `SetText` bumps the revision by exactly one.
            *own_revision.borrow_mut() = Some(revision + 1);
            dispatch.dispatch(Action::SetText(area.value().into()));
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

    // A bulk paste skips the textarea: a browser spends seconds laying out megabytes
    // of pasted text there. The store takes the text; the editor shows its start.
    let on_paste = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let Some(event) = event.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let Some(text) = event.clipboard_data().and_then(|data| data.get_data("text").ok()) else {
                return;
            };
            if text.len() > MAX_INPUT {
                event.prevent_default();
                dispatch.dispatch(Action::Notify(Notice::InputTooLarge(text.len())));
            } else if text.len() > BULK_INPUT {
                event.prevent_default();
                dispatch.dispatch(Action::SetText(text.into()));
            }
        })
    };
    let on_clear = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetText("".into())));

    let text = &document.text;
    let bulk = text.len() > BULK_INPUT;
    let shown = shown_text(text);
    let line_count = shown.bytes().filter(|&b| b == b'\n').count() + 1;
    let numbers: String = (1..=line_count).map(|n| format!("{n}\n")).collect();
    let highlighted = if text.len() <= HIGHLIGHT_LIMIT {
        highlight_layer(text, &checked.diagnostics)
    } else {
        html! {}
    };
    html! {
        <>
        if bulk {
            <div class="hint bulk" id="bulk-notice" role="note">
                { format!("{} {} KiB. ", tr(lang, "This request is", "Esta solicitação tem"), text.len() / 1024) }
                { tr(lang,
                    "The editor shows its start, read-only; diagnostics and the simulation use all of it. It is not kept across reloads.",
                    "O editor mostra o início, somente leitura; os diagnósticos e a simulação usam tudo. Ela não é mantida ao recarregar.") }
                { " " }
                <button type="button" class="button small" id="clear-request" onclick={on_clear}>{ tr(lang, "Clear the request", "Limpar a solicitação") }</button>
            </div>
        }
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
                    readonly={bulk}
                    oninput={on_input}
                    onpaste={on_paste}
                    onscroll={on_scroll}
                    aria-describedby="diagnostics-summary"
                />
            </div>
        </div>
        </>
    }
}

/// What the textarea holds: the text, or for a bulk request a preview of its first
/// `PREVIEW` bytes with each line cut at `PREVIEW_LINE` characters (browsers take long
/// to lay out a line of hundreds of thousands of characters).
fn shown_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= BULK_INPUT {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut preview = String::with_capacity(PREVIEW + 64);
    for line in text[..floor_char_boundary(text, PREVIEW)].split('\n') {
        preview.push_str(&ellipsize(line, PREVIEW_LINE));
        preview.push('\n');
    }
    preview.push('…');
    std::borrow::Cow::Owned(preview)
}

/// The text split into plain runs and marked runs, one mark per diagnostic span.
fn highlight_layer(text: &str, diagnostics: &[Diagnostic]) -> Html {
    let marks: Vec<(usize, usize, Severity, &'static str)> = diagnostics
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
    // `check` returns diagnostics in text order already.
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, severity, code) in marks {
        let start = floor_char_boundary(text, start.max(at));
        // A zero-width span still gets one visible character.
        let end = floor_char_boundary(text, end.max(start + 1).min(text.len())).max(start);
        if start < at || start >= text.len() {
            continue;
        }
        out.push(html! { { &text[at..start] } });
        let end = if end == start { ceil_char(text, start + 1) } else { end };
        out.push(
            html! { <mark class={classes!("mark", severity.name())} data-code={code}>{ &text[start..end] }</mark> },
        );
        at = end;
    }
    out.push(html! { { &text[at..] } });
    // A trailing newline needs one more character for the layer to be as tall as the text.
    out.push(html! { { " " } });
    out.into_iter().collect()
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
    let byte = floor_char_boundary(text, byte);
    text[..byte].encode_utf16().count() as u32
}
