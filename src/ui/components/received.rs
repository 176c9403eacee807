//! The Received panel: what the bot got back (pasted, dropped as a file, or picked from a
//! run's event card), checked and explained item by item, matched against the request
//! in the editor. The reading and the meanings come from the engine (`explain`), run in
//! the Web Worker (`app::worker`), so the explainer is not part of the first load.

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use std::rc::Rc;

use super::code_area::{self, CodeArea, Mark, PreviewNote};
use super::diagnostics::finding_item;
use super::prose;
use crate::app::state::{ReceivedDoc, Shared};
use crate::app::worker::{Answer, ReceivedView};
use crate::engine::diagnostic::lang::{count, grouped, tr, Lang};
use crate::engine::vocabulary::Vocabulary;
use crate::ui::browser::PageText;
use crate::ui::hooks::{use_progressive, CHUNK};
use crate::ui::store::{is_previewed, preview, use_dispatch, use_document, use_lang, use_verdict, Action, Notice};
use crate::ui::worker;

#[derive(Properties, PartialEq)]
pub struct ReceivedPanelProps {
    pub received: Option<Shared<ReceivedDoc>>,
    /// Whether the payload is matched against the request: not in an embed that shows
    /// only what was received and names no request, whose default example nobody sees
    /// (a call id "other than the one in the editor" would point at nothing).
    #[prop_or(true)]
    pub correlate: bool,
    /// The run is on the page, so its cards' "Explain this" can fill the panel.
    #[prop_or(true)]
    pub with_run: bool,
}

#[function_component(ReceivedPanel)]
pub fn received_panel(props: &ReceivedPanelProps) -> Html {
    let (lang, dispatch) = (use_lang(), use_dispatch());
    let textarea = use_node_ref();
    // The textarea is uncontrolled: what was typed or pasted here is already there (the
    // same `Rc` comes back), so only a payload from elsewhere (a run's card, a file, a
    // clear) or one too large to edit (its preview) is written into it. Comparing the
    // textarea's value instead would copy megabytes out of it on every change.
    let typed = use_mut_ref(|| None::<Rc<str>>);
    {
        let (textarea, typed) = (textarea.clone(), typed.clone());
        let text = props.received.as_ref().map(|r| r.text.clone());
        use_effect_with(text, move |text| {
            let text = text.clone().unwrap_or_else(|| Rc::from(""));
            let typed_here = typed.borrow_mut().take().is_some_and(|typed| Rc::ptr_eq(&typed, &text));
            if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                if !typed_here || is_previewed(&text) {
                    area.set_value(&preview(&text).0);
                }
            }
        });
    }
    // Explained by the Web Worker whenever the payload or the request changes; only the
    // answer to the latest question lands.
    {
        let (dispatch, latest) = (dispatch.clone(), use_mut_ref(|| 0_u64));
        let (document, verdict) = (use_document(), use_verdict());
        // Keyed on the text, not the panel's state: the explanation landing changes the
        // latter and asks nothing new.
        let text = props.received.as_ref().map(|r| r.text.clone());
        let (received, correlate) = (props.received.clone(), props.correlate);
        use_effect_with((text, verdict), move |(_, verdict)| {
            *latest.borrow_mut() = match received {
                Some(received) => {
                    let (text, asked) = (received.text.clone(), latest.clone());
                    let answered = dispatch.clone();
                    let task = received.task(&document, correlate.then_some(&**verdict));
                    let id = worker::ask_about(&received.text, task, move |reply| {
                        if let (true, Answer::Explained(view)) = (reply.id == *asked.borrow(), reply.answer) {
                            answered.dispatch(Action::Explained { text, view });
                        }
                    });
                    if id.is_none() {
                        dispatch.dispatch(Action::Notify(Notice::WorkerUnavailable));
                    }
                    id.unwrap_or_default()
                }
                None => 0,
            };
        });
    }
    let on_input = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            let text: Rc<str> = PageText::of(&area).into_string().into();
            *typed.borrow_mut() = Some(text.clone());
            dispatch.dispatch(Action::SetReceived(text));
        })
    };
    let on_paste = code_area::paste_handler(dispatch.clone(), Action::SetReceived);
    let on_clear = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ClearReceived))
    };
    // A dropped file is read as text and explained.
    let on_drop = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: DragEvent| {
            let Some(file) = event
                .data_transfer()
                .and_then(|data| data.files())
                .and_then(|files| files.get(0))
            else {
                return;
            };
            event.prevent_default();
            let dispatch = dispatch.clone();
            read_file_text(file, move |text| dispatch.dispatch(Action::SetReceived(text.into())));
        })
    };

    let text: Rc<str> = props.received.as_ref().map_or_else(|| Rc::from(""), |r| r.text.clone());
    // A payload too large to edit shows its start; marks stop where the start does.
    let shown = code_area::shown(&text);
    let marks = Rc::new(
        props
            .received
            .as_ref()
            .and_then(|r| r.view.as_ref())
            .map(|view| {
                view.findings
                    .iter()
                    .filter_map(|f| {
                        Some(Mark {
                            span: f.span.filter(|span| span.end <= shown.faithful)?,
                            severity: f.severity,
                            code: AttrValue::from(f.code.clone()),
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
    );
    // Findings and items drawn so far (long lists come in chunks).
    let view = props.received.as_ref().and_then(|r| r.view.as_ref());
    let drawn = (
        use_progressive(view.map_or(0, |v| v.findings.len()), CHUNK),
        use_progressive(view.map_or(0, |v| v.items.len()), CHUNK),
    );
    let body = match props.received.as_deref() {
        None if props.with_run => html! {
            <p class="hint" id="received-empty">{ tr(lang,
                "Paste a webhook notification, the invite's response or an error response (or drop a file, or press “Explain this” on a card of a run) to see it checked, placed in the sequence and explained.",
                "Cole uma notificação de webhook, a resposta do invite ou uma resposta de erro (ou solte um arquivo, ou pressione “Explicar” num cartão de uma execução) para vê-la verificada, situada na sequência e explicada.") }</p>
        },
        None => html! {
            <p class="hint" id="received-empty">{ tr(lang,
                "Paste a webhook notification, the invite's response or an error response (or drop a file) to see it checked, placed in the sequence and explained.",
                "Cole uma notificação de webhook, a resposta do invite ou uma resposta de erro (ou solte um arquivo) para vê-la verificada, situada na sequência e explicada.") }</p>
        },
        Some(ReceivedDoc {
            view: Some(view), text, ..
        }) => explanation(view, lang, &textarea, text, drawn),
        Some(_) => html! {
            <p class="hint" id="received-pending" aria-live="polite">{ tr(lang, "Reading it…", "Lendo…") }</p>
        },
    };
    html! {
        <section class={classes!("panel", "received-panel", props.received.is_none().then_some("empty"))} id="received" tabindex="-1" aria-labelledby="received-title">
            <h2 id="received-title">{ tr(lang, "Received", "Recebido") }</h2>
            if shown.previewed {
                { code_area::preview_note(lang, PreviewNote {
                    id: "received-bulk",
                    what: tr(lang, "This payload is", "Este conteúdo tem"),
                    uses_all: tr(lang, "the explanation reads all of it.", "a explicação lê tudo."),
                    more: None,
                    clear_id: "clear-received",
                    clear_label: tr(lang, "Clear", "Limpar"),
                }, &text, on_clear) }
            }
            <CodeArea id="received-editor" area={textarea.clone()} label={tr(lang, "What the bot received", "O que o bot recebeu")}
                      text={shown.text} marks={marks} described_by="received-summary" readonly={shown.previewed}
                      onpaste={Some(on_paste)}
                      placeholder={tr(lang, "{ \"value\": [ … ] }  or  HTTP/1.1 200 OK …", "{ \"value\": [ … ] }  ou  HTTP/1.1 200 OK …")}
                      oninput={on_input} ondrop={Some(on_drop)} />
            { body }
        </section>
    }
}

fn explanation(view: &ReceivedView, lang: Lang, textarea: &NodeRef, text: &Rc<str>, drawn: (usize, usize)) -> Html {
    let kind = match &view.kind {
        Some(kind) => kind.get(lang).as_str(),
        None => tr(lang, "not recognised", "não reconhecido"),
    };
    let status = view.http_status.map(|s| format!(" · HTTP {s}")).unwrap_or_default();
    let findings = view.findings.iter().take(drawn.0).enumerate().map(|(index, finding)| {
        // Choosing a finding selects its span in the text above.
        let on_choose = {
            let (textarea, text, span) = (textarea.clone(), text.clone(), finding.span);
            Callback::from(move |_: MouseEvent| {
                if let (Some(span), Some(area)) = (span, textarea.cast::<HtmlTextAreaElement>()) {
                    code_area::select(&area, &text, span);
                }
            })
        };
        finding_item(index, finding, lang, on_choose, true)
    });
    let items = view.items.iter().take(drawn.1).map(|item| {
        html! {
            <li class="explanation" data-step={item.step.name()}>
                <strong class="step">{ item.label.get(lang) }</strong>
                <span class="facts">{ &item.facts }</span>
                <p class="meaning">{ prose(item.meaning.get(lang)) }</p>
                <p class="next"><span class="tag">{ tr(lang, "next", "próximo passo") }</span>{ " " }{ prose(item.next.get(lang)) }</p>
                <p class="source">{ &item.source }</p>
            </li>
        }
    });
    html! {
        <>
            <p class="summary" id="received-summary" aria-live="polite">
                <strong>{ kind }</strong>{ status }
                { super::diagnostics::counts(lang, view.errors, view.warnings, view.infos) }
            </p>
            if !view.findings.is_empty() {
                <ol class="diagnostic-list" id="received-diagnostics">{ for findings }</ol>
            }
            if view.unlisted > 0 {
                <p class="hint" id="received-more">{ format!("{} {}", grouped(lang, view.unlisted), tr(lang, "more not listed", "outros não listados")) }</p>
            }
            <ol class="explanations" id="received-items">{ for items }</ol>
            if view.unlisted_items > 0 {
                <p class="hint" id="received-more-items">
                    { count(lang, view.unlisted_items, ("more item", "more items"), ("item a mais", "itens a mais")) }{ " " }
                    { prose(tr(lang, "not explained here; `invite-playground explain` explains every one.",
                               "não explicados aqui; `invite-playground explain` explica cada um.")) }
                </p>
            }
        </>
    }
}

/// Reads a dropped file as text, then calls `done` with it.
fn read_file_text(file: web_sys::File, done: impl FnOnce(String) + 'static) {
    let reader = match web_sys::FileReader::new() {
        Ok(reader) => reader,
        Err(_) => return,
    };
    let on_load = {
        let reader = reader.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(text) = reader.result().ok().and_then(|value| value.as_string()) {
                done(text);
            }
        })
    };
    reader.set_onload(Some(on_load.unchecked_ref()));
    let _ = reader.read_as_text(&file);
}
