//! Text with its findings marked: a textarea over a highlight layer that underlines each
//! finding at its span, and a line-number gutter, scrolled together. The request editor
//! and the Received panel both use it; each owns its textarea (uncontrolled) and says
//! what happens on input. Both take pastes the same way ([`paste_handler`]) and say
//! the same of a text too large to edit ([`preview_note`]).

use std::borrow::Cow;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use gloo::timers::callback::Timeout;

use super::colour_budget;
use crate::app::state::line_count;
use crate::engine::diagnostic::lang::{count, grouped, tr, Lang};
use crate::engine::diagnostic::Severity;
use crate::engine::input::MAX_INPUT;
use crate::engine::snippet::{SnippetLang, TokenKind};
use crate::engine::source::{floor_char_boundary, Span};
use crate::engine::vocabulary::Vocabulary;
use crate::ui::browser::PageText;
use crate::ui::store::{is_previewed, preview, Action, Dispatch, Notice, LARGE_INPUT};
use crate::ui::worker;

/// Above this size the highlight layer is skipped: the list still shows every problem.
const HIGHLIGHT_LIMIT: usize = 256 * 1024;

/// Up to this size the text is coloured by the engine's tokens: the highlight layer
/// draws the glyphs and the textarea's own are transparent. Above it (a keystroke would
/// rebuild too many spans) the textarea shows plain text over the marks.
const COLOUR_LIMIT: usize = 64 * 1024;

/// One finding's place in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub span: Span,
    pub severity: Severity,
    pub code: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct CodeAreaProps {
    pub id: AttrValue,
    /// What the textarea is, for screen readers.
    pub label: AttrValue,
    /// What the textarea holds, which the layers draw.
    pub text: Rc<str>,
    /// In text order.
    pub marks: Rc<Vec<Mark>>,
    /// The textarea, for its owner to write and select.
    pub area: NodeRef,
    /// The id of what describes the text (its verdict).
    pub described_by: AttrValue,
    pub oninput: Callback<InputEvent>,
    #[prop_or_default]
    pub readonly: bool,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub onpaste: Option<Callback<Event>>,
    #[prop_or_default]
    pub ondrop: Option<Callback<DragEvent>>,
}

#[function_component(CodeArea)]
pub fn code_area(props: &CodeAreaProps) -> Html {
    let (highlight, gutter) = (use_node_ref(), use_node_ref());
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
    // A drop is only taken where the owner reads files.
    let on_drag_over = props
        .ondrop
        .as_ref()
        .map(|_| Callback::from(|event: DragEvent| event.prevent_default()));
    // Chromium inserts a long multi-line text as one input event per line: once the
    // first has made the text a read-only preview, the others read the preview, not
    // the text, and must not replace it (2,404 events for a 2,404-line `fill`: the
    // request became its 400-line preview). `beforeinput` below now places such text
    // at once; this guards what it cannot cancel (an IME's composition).
    let on_input = {
        let oninput = props.oninput.clone();
        Callback::from(move |event: InputEvent| {
            if !event
                .target_dyn_into::<HtmlTextAreaElement>()
                .is_some_and(|area| area.read_only())
            {
                oninput.emit(event);
            }
        })
    };
    // yew has no `onbeforeinput`: the owner's paste handler also hears `beforeinput`
    // (see `paste_handler`), through a listener on the textarea.
    {
        let (area, onpaste) = (props.area.clone(), props.onpaste.clone());
        // Attached once: an owner's paste handler holds only its dispatcher, so the
        // first one stays right across renders.
        use_effect_with(onpaste.is_some(), move |_| {
            let listener = onpaste.and_then(|paste| {
                let area = area.cast::<HtmlTextAreaElement>()?;
                let listener = Closure::<dyn Fn(Event)>::new(move |event: Event| paste.emit(event));
                area.add_event_listener_with_callback("beforeinput", listener.as_ref().unchecked_ref())
                    .ok()?;
                Some((area, listener))
            });
            move || {
                if let Some((area, listener)) = listener {
                    let _ = area.remove_event_listener_with_callback("beforeinput", listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    let text = &props.text;
    let numbers: String = (1..=line_count(text)).map(|n| format!("{n}\n")).collect();
    let colour = text.len() <= COLOUR_LIMIT;
    let highlighted = if text.len() <= HIGHLIGHT_LIMIT {
        highlight_layer(text, &props.marks, colour)
    } else {
        html! {}
    };
    html! {
        <div class={classes!("editor", colour.then_some("coloured"))}>
            <label for={props.id.clone()} class="visually-hidden">{ props.label.clone() }</label>
            <pre class="gutter" aria-hidden="true" ref={gutter}>{ numbers }</pre>
            <div class="code-area">
                // Out of the tab order: Chromium makes a scroller that overflows a tab
                // stop, and this one only mirrors the textarea (hidden from readers).
                <pre class="highlight" aria-hidden="true" tabindex="-1" ref={highlight}>{ highlighted }</pre>
                <textarea
                    id={props.id.clone()}
                    ref={props.area.clone()}
                    spellcheck="false"
                    autocomplete="off"
                    wrap="off"
                    readonly={props.readonly}
                    placeholder={props.placeholder.clone()}
                    oninput={on_input}
                    onpaste={props.onpaste.clone()}
                    ondrop={props.ondrop.clone()}
                    ondragover={on_drag_over}
                    onscroll={on_scroll}
                    aria-describedby={props.described_by.clone()}
                />
            </div>
        </div>
    }
}

/// Pastes up to this many UTF-16 units are left to the browser unless they have many
/// lines (a bulk or minified one is never this small).
const SMALL_PASTE: usize = 64 * 1024;

/// Pastes of more lines than this are put in place by the page, not by the browser:
/// Chromium's own paste edits the textarea line by line (a 364-line body took a 70 ms
/// task, measured; through `setRangeText` none over 50 ms). The browser's undo then
/// does not take back that paste.
const NATIVE_PASTE_LINES: usize = 100;

/// What a text area's owner does with pastes: one larger than the playground takes is
/// refused with a notice; a small one is left to the browser (the owner's `oninput`
/// takes it); a previewed one (see `is_previewed`) replaces the whole text through
/// `replace`, as the preview note says; any other large one skips the browser's paste
/// and is put where the caret is, in a task of its own (Chromium's `getData` alone takes
/// 26 ms for 4 MiB), and `oninput` takes it from there.
///
/// It also takes a `beforeinput` that inserts text (Playwright's `fill`, a drop of
/// text, dictation): Chromium would insert a long text one line per event, laying the
/// textarea out each time (a 12,540-line `fill` did not finish in 30 s, measured), so
/// such text is placed as a paste is.
pub fn paste_handler(dispatch: Dispatch, replace: fn(Rc<str>) -> Action) -> Callback<Event> {
    Callback::from(move |event: Event| {
        let text = if let Some(paste) = event.dyn_ref::<web_sys::ClipboardEvent>() {
            paste.clipboard_data().map(|data| PageText::pasted(&data))
        } else if event
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(|input| matches!(input.input_type().as_str(), "insertText" | "insertReplacementText"))
        {
            js_sys::Reflect::get(&event, &"data".into())
                .ok()
                .and_then(|data| data.dyn_into::<js_sys::JsString>().ok())
                .map(PageText::new)
        } else {
            None
        };
        let Some(text) = text else {
            return;
        };
        if text.min_bytes() > MAX_INPUT {
            event.prevent_default();
            dispatch.dispatch(Action::Notify(Notice::InputTooLarge(text.min_bytes())));
            return;
        }
        let area = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlTextAreaElement>().ok());
        let has_area = area.is_some();
        // The page's paste: the whole text replaced by a previewed one, else `text` at
        // the caret.
        let js = text.js();
        let place = {
            let dispatch = dispatch.clone();
            move |text: String| {
                if text.len() > MAX_INPUT {
                    dispatch.dispatch(Action::Notify(Notice::InputTooLarge(text.len())));
                } else if is_previewed(&text) {
                    let text: Rc<str> = text.into();
                    worker::remember_pasted(&text, js);
                    dispatch.dispatch(replace(text));
                } else if let Some(area) = &area {
                    insert_at_caret(area, &text);
                }
            }
        };
        if text.min_bytes() <= SMALL_PASTE {
            // Reading 64 KiB costs little; laying out its lines may not.
            let text = text.into_string();
            if is_previewed(&text) || (has_area && line_count(&text) > NATIVE_PASTE_LINES) {
                event.prevent_default();
                place(text);
            }
            return;
        }
        event.prevent_default();
        if text.min_bytes() > LARGE_INPUT {
            // Read in one task and placed in the next: together a 4 MiB error-heavy
            // paste's task was 41-54 ms (measured), apart 13-17 ms and under 5.
            Timeout::new(0, move || {
                let text = text.into_string();
                Timeout::new(0, move || place(text)).forget();
            })
            .forget();
        } else {
            place(text.into_string());
        }
    })
}

/// What a code area shows of a text: the text itself, or (`previewed`) its start as
/// `state::preview` cuts it; `faithful`: how many of its first bytes are the text's own.
pub struct Shown {
    pub text: Rc<str>,
    pub faithful: usize,
    pub previewed: bool,
}

/// See [`Shown`]; the request editor and the Received panel show their texts so.
pub fn shown(text: &Rc<str>) -> Shown {
    match preview(text) {
        (Cow::Borrowed(_), faithful) => Shown {
            text: text.clone(),
            faithful,
            previewed: false,
        },
        (Cow::Owned(start), faithful) => Shown {
            text: Rc::from(start),
            faithful,
            previewed: true,
        },
    }
}

/// Puts `text` where the caret (or over the selection) is, with the caret after it, as
/// the browser's paste would; the owner's `oninput` takes it from there.
fn insert_at_caret(area: &HtmlTextAreaElement, text: &str) {
    let start = area.selection_start().ok().flatten().unwrap_or(0);
    let _ = area.set_range_text(text);
    let caret = start + text.encode_utf16().count() as u32;
    let _ = area.set_selection_range(caret, caret);
    if let Ok(input) = web_sys::Event::new("input") {
        let _ = area.dispatch_event(&input);
    }
}

/// What a preview note says besides the text's size (see [`preview_note`]).
pub struct PreviewNote {
    pub id: &'static str,
    /// "This request is", in the page's language.
    pub what: &'static str,
    /// Who still uses all of the text.
    pub uses_all: &'static str,
    /// Said after the rest (a bulk request is not kept across reloads).
    pub more: Option<&'static str>,
    pub clear_id: &'static str,
    pub clear_label: &'static str,
}

/// Says that an area shows only the start of `text`, read-only, how large the text is,
/// and who still uses all of it; with a button that clears it.
pub fn preview_note(lang: Lang, note: PreviewNote, text: &str, onclear: Callback<MouseEvent>) -> Html {
    let size = size_words(lang, note.what, text);
    html! {
        <div class="hint bulk" id={note.id} role="note">
            { size }
            { tr(lang, "Only its start is shown, read-only, with long lines cut; ", "Só o início é mostrado, somente leitura, com linhas longas cortadas; ") }
            { note.uses_all }
            if let Some(more) = note.more {
                { " " }{ more }
            }
            { " " }
            <button type="button" class="button small" id={note.clear_id} onclick={onclear}>{ note.clear_label }</button>
        </div>
    }
}

/// "This request is 3,986 KiB in 1 line. ": how large a text shown only in part is;
/// `what` says what it is, in the page's language.
pub fn size_words(lang: Lang, what: &str, text: &str) -> String {
    format!(
        "{what} {} KiB {} {}. ",
        grouped(lang, text.len() / 1024),
        tr(lang, "in", "em"),
        count(lang, line_count(text), ("line", "lines"), ("linha", "linhas"))
    )
}

/// Selects `span` of `text` (bytes) in the textarea and focuses it.
pub fn select(area: &HtmlTextAreaElement, text: &str, span: Span) {
    let start = utf16_offset(text, span.start);
    let end = utf16_offset(text, span.end.max(span.start));
    // Selected while blurred, then focused: Chromium scrolls a textarea to its caret on
    // focus, not on a selection change in an already focused one (a mark far along a
    // long line would stay out of view).
    let _ = area.blur();
    let _ = area.set_selection_range(start, end);
    let _ = area.focus();
}

/// The text split into plain runs and marked runs, one mark per span; with `colour`,
/// every run is further split into the engine's tokens (JSON and HTTP), coloured.
fn highlight_layer(text: &str, marks: &[Mark], colour: bool) -> Html {
    let tokens = if colour {
        crate::engine::snippet::coloured_tokens(text, SnippetLang::Http, colour_budget(usize::MAX))
    } else {
        vec![(TokenKind::Plain, 0..text.len())]
    };
    let mut next_token = 0;
    let mut out = Vec::new();
    let mut at = 0;
    for mark in marks {
        let start = floor_char_boundary(text, mark.span.start.min(text.len()).max(at));
        // A zero-width span still gets one visible character.
        let end = floor_char_boundary(text, mark.span.end.max(start + 1).min(text.len())).max(start);
        if start < at || start >= text.len() {
            continue;
        }
        out.extend(runs(text, at..start, &tokens, &mut next_token));
        let end = if end == start { ceil_char(text, start + 1) } else { end };
        let inner: Html = runs(text, start..end, &tokens, &mut next_token).into_iter().collect();
        out.push(html! {
            <mark class={classes!("mark", mark.severity.name())} data-code={mark.code.clone()}>{ inner }</mark>
        });
        at = end;
    }
    out.extend(runs(text, at..text.len(), &tokens, &mut next_token));
    // A trailing newline needs one more character for the layer to be as tall as the text.
    out.push(html! { { " " } });
    out.into_iter().collect()
}

/// `range` of `text` as token-coloured runs; `next` is where the tokens before `range`
/// end (they come in order and cover the text).
fn runs(
    text: &str,
    range: std::ops::Range<usize>,
    tokens: &[(TokenKind, std::ops::Range<usize>)],
    next: &mut usize,
) -> Vec<Html> {
    let mut out = Vec::new();
    while *next < tokens.len() && tokens[*next].1.end <= range.start {
        *next += 1;
    }
    let mut index = *next;
    while index < tokens.len() && tokens[index].1.start < range.end {
        let (kind, token) = &tokens[index];
        let (from, to) = (token.start.max(range.start), token.end.min(range.end));
        if from < to {
            let piece = &text[from..to];
            out.push(match kind {
                TokenKind::Plain => html! { { piece } },
                kind => html! { <span class={kind.class()}>{ piece }</span> },
            });
        }
        if token.end > range.end {
            break;
        }
        index += 1;
    }
    *next = index;
    out
}

fn ceil_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The textarea counts UTF-16 units; the engine counts bytes.
fn utf16_offset(text: &str, byte: usize) -> u32 {
    let byte = floor_char_boundary(text, byte);
    text[..byte].encode_utf16().count() as u32
}
