//! The request as text, with each diagnostic marked at its span (`CodeArea`). Typing
//! re-checks at once; a bulk paste skips the textarea.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::code_area::{self, CodeArea, Mark, PreviewNote};
use super::composer::field_id;
use crate::app::worker::{Answer, Task};
use crate::engine::curl;
use crate::engine::diagnostic::lang::tr;
use crate::ui::browser::PageText;
use crate::ui::store::{preview, use_dispatch, use_document, use_lang, use_verdict, Action, FocusRequest, BULK_INPUT};
use crate::ui::worker;

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
    /// The text took the place of the user's own (an example, a cleared request, a
    /// pasted cURL command's message): shown from its start.
    #[prop_or_default]
    pub replaced: bool,
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
    let shown = code_area::shown(&document.text);
    let shown_example = use_mut_ref(|| document.preset.map(|preset| preset.name));
    {
        let (textarea, own_revision) = (textarea.clone(), own_revision.clone());
        let (shown_text, previewed) = (shown.text.clone(), shown.previewed);
        let example = document.preset.map(|preset| preset.name);
        let replaced = props.replaced;
        use_effect_with(props.revision, move |revision| {
            // What was typed or pasted here is already there, unless it made the text
            // too large to edit: then the preview replaces it.
            let typed_here = own_revision.borrow_mut().take() == Some(*revision) && !previewed;
            if let Some(area) = textarea.cast::<HtmlTextAreaElement>().filter(|_| !typed_here) {
                area.set_value(&shown_text);
                // Another example, the user's own request back (Undo), or a text that
                // took its place: shown from its start, not scrolled where the text it
                // replaced was (a form edit or a mode switch keeps the place).
                if *shown_example.borrow() != example || replaced {
                    area.set_scroll_top(0);
                    area.set_scroll_left(0);
                    let _ = area.set_selection_range(0, 0);
                }
            }
            *shown_example.borrow_mut() = example;
        });
    }
    let on_input = {
        let dispatch = dispatch.clone();
        let own_revision = own_revision.clone();
        let revision = props.revision;
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            // `SetText` and `SetTextInBulk` bump the revision by exactly one.
            *own_revision.borrow_mut() = Some(revision + 1);
            let text: Rc<str> = PageText::of(&area).into_string().into();
            // A paste or a drop (`insertFromPaste`, `insertFromDrop`…), or the page's own
            // paste (a plain `input` event, `code_area::paste_handler`): text put in at once.
            let bulk = event
                .dyn_ref::<web_sys::InputEvent>()
                .is_none_or(|input| input.input_type().starts_with("insertFrom"));
            // A pasted cURL command: the Web Worker reads the message it sends, which
            // then takes its place (typed, it is not whole until it is).
            if bulk && curl::is_command(&text) {
                let (answered, command) = (dispatch.clone(), text.clone());
                worker::ask(Task::ReadCurl { text: text.to_string() }, move |reply| {
                    if let Answer::CurlMessage(Some(message)) = reply.answer {
                        let message = message.into();
                        answered.dispatch(Action::CurlRead { command, message });
                    }
                });
            }
            dispatch.dispatch(if bulk {
                Action::SetTextInBulk(text)
            } else {
                Action::SetText(text)
            });
        })
    };
    // A bulk paste skips the textarea: a browser spends seconds laying out megabytes
    // (or many thousands of lines) of pasted text there. The store takes the text; the
    // editor shows its start.
    let on_paste = code_area::paste_handler(dispatch.clone(), Action::SetTextInBulk);
    let on_clear = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Clear));

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
    let bulk = shown.previewed;
    html! {
        <>
        if bulk {
            { code_area::preview_note(lang, PreviewNote {
                id: "bulk-notice",
                what: tr(lang, "This request is", "Esta solicitação tem"),
                uses_all: tr(lang, "diagnostics and the simulation use all of it.", "os diagnósticos e a simulação usam tudo."),
                more: (text.len() > BULK_INPUT).then(|| tr(lang, "It is not kept across reloads.", "Ela não é mantida ao recarregar.")),
                clear_id: "clear-request",
                clear_label: tr(lang, "Clear the request", "Limpar a solicitação"),
            }, text, on_clear) }
        }
        <CodeArea id="request-editor" area={textarea}
                  label={tr(lang, "Request text: a JSON body or an HTTP request message", "Texto da solicitação: um corpo JSON ou uma mensagem HTTP")}
                  text={shown.text} marks={marks.clone()} readonly={bulk || props.readonly} described_by="diagnostics-summary"
                  oninput={on_input} onpaste={Some(on_paste)} />
        </>
    }
}
