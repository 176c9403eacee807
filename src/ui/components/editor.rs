//! The request as text, with each diagnostic marked at its span (`CodeArea`). Typing
//! re-checks at once; a bulk paste skips the textarea.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::code_area::{self, CodeArea, Mark};
use super::composer::field_id;
use crate::engine::diagnostic::lang::tr;
use crate::engine::input::MAX_INPUT;
use crate::ui::browser::PageText;
use crate::ui::store::{
    is_previewed, preview, use_dispatch, use_document, use_lang, use_verdict, Action, FocusRequest, Notice, BULK_INPUT,
    LARGE_INPUT,
};

/// Pastes up to this many UTF-16 units are left to the browser (no bulk or minified
/// preview can be that small).
const SMALL_PASTE: usize = 64 * 1024;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The last place the user asked to go (a chosen diagnostic).
    pub focus: Option<FocusRequest>,
    /// The document's revision: a change made elsewhere is written into the textarea.
    pub revision: u64,
    /// An embed's `readonly=1`: the request can be read and run, not edited.
    #[prop_or_default]
    pub readonly: bool,
    /// The verdict is for an older text, so its marks are not drawn over this one.
    #[prop_or_default]
    pub check_pending: bool,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let (lang, dispatch, document, verdict) = (use_lang(), use_dispatch(), use_document(), use_verdict());
    let textarea = use_node_ref();

    // Choosing a diagnostic: select its span here, then focus its form field if any.
    {
        let textarea = textarea.clone();
        let current = document.clone();
        use_effect_with(props.focus.clone(), move |focus| {
            if let (Some(focus), Some(area)) = (focus, textarea.cast::<HtmlTextAreaElement>()) {
                code_area::select(&area, &preview(&current.text).0, focus.span);
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
                area.set_value(&preview(&document.text).0);
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
            dispatch.dispatch(Action::SetText(PageText::of(&area).into_string().into()));
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
            let Some(text) = event.clipboard_data().map(|data| PageText::pasted(&data)) else {
                return;
            };
            if text.min_bytes() > MAX_INPUT {
                event.prevent_default();
                dispatch.dispatch(Action::Notify(Notice::InputTooLarge(text.min_bytes())));
                return;
            }
            if text.min_bytes() <= SMALL_PASTE {
                // The browser pastes it into the textarea; `on_input` takes it from there.
                return;
            }
            // A large paste is read into Rust, checked for its shape and drawn in a task
            // of its own, so the paste's stays short (Chromium's getData alone takes
            // 26 ms for 4 MiB).
            event.prevent_default();
            let area = event
                .target()
                .and_then(|target| target.dyn_into::<HtmlTextAreaElement>().ok());
            let dispatch = dispatch.clone();
            let later = text.min_bytes() > LARGE_INPUT;
            let take = move || {
                let text = text.into_string();
                if text.len() > MAX_INPUT {
                    dispatch.dispatch(Action::Notify(Notice::InputTooLarge(text.len())));
                } else if is_previewed(&text) {
                    // Bulk or minified: it replaces the request (the editor says so).
                    dispatch.dispatch(Action::SetText(text.into()));
                } else if let Some(area) = area {
                    // Where the caret is, as the browser would have; `on_input` takes it.
                    let _ = area.set_range_text(&text);
                    if let Ok(input) = web_sys::Event::new("input") {
                        let _ = area.dispatch_event(&input);
                    }
                }
            };
            if later {
                Timeout::new(0, take).forget();
            } else {
                take();
            }
        })
    };
    let on_clear = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetText("".into())));

    // Drawn again only when the verdict changes; none while it is for an older text.
    let marks = use_memo((verdict.clone(), props.check_pending), |(verdict, pending)| {
        let marks = if *pending { &[][..] } else { &verdict.marks[..] };
        marks
            .iter()
            .map(|m| Mark {
                span: m.span,
                severity: m.severity,
                code: AttrValue::from(m.code.clone()),
            })
            .collect::<Vec<_>>()
    });
    let text = &document.text;
    let bulk = is_previewed(text);
    let shown: Rc<str> = match preview(text).0 {
        std::borrow::Cow::Borrowed(_) => text.clone(),
        std::borrow::Cow::Owned(preview) => Rc::from(preview),
    };
    html! {
        <>
        if bulk {
            <div class="hint bulk" id="bulk-notice" role="note">
                { format!("{} {} KiB. ", tr(lang, "This request is", "Esta solicitação tem"), text.len() / 1024) }
                { tr(lang,
                    "The editor shows its start, read-only, with long lines cut; diagnostics and the simulation use all of it.",
                    "O editor mostra o início, somente leitura, com linhas longas cortadas; os diagnósticos e a simulação usam tudo.") }
                if text.len() > BULK_INPUT {
                    { tr(lang, " It is not kept across reloads.", " Ela não é mantida ao recarregar.") }
                }
                { " " }
                <button type="button" class="button small" id="clear-request" onclick={on_clear}>{ tr(lang, "Clear the request", "Limpar a solicitação") }</button>
            </div>
        }
        <CodeArea id="request-editor" area={textarea}
                  label={tr(lang, "Request text: a JSON body or an HTTP request message", "Texto da solicitação: um corpo JSON ou uma mensagem HTTP")}
                  text={shown} marks={marks.clone()} readonly={bulk || props.readonly} described_by="diagnostics-summary"
                  oninput={on_input} onpaste={Some(on_paste)} />
        </>
    }
}
