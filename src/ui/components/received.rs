//! The Received panel: what the bot got back (pasted, dropped as a file, or picked from a
//! run's event card), checked and explained item by item, matched against the request
//! in the editor. The reading and the meanings come from the engine (`explain`).

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::diagnostics::severity_label;
use crate::app::state::{ReceivedDoc, Shared};
use crate::engine::diagnostic::lang::{tr, Lang};
use crate::engine::vocabulary::Vocabulary;
use crate::ui::store::{use_dispatch, use_lang, Action};

#[derive(Properties, PartialEq)]
pub struct ReceivedPanelProps {
    pub received: Option<Shared<ReceivedDoc>>,
}

#[function_component(ReceivedPanel)]
pub fn received_panel(props: &ReceivedPanelProps) -> Html {
    let (lang, dispatch) = (use_lang(), use_dispatch());
    let textarea = use_node_ref();
    // The textarea is uncontrolled; a payload picked from a run is written into it.
    {
        let textarea = textarea.clone();
        let text = props.received.as_ref().map(|r| r.text.clone());
        use_effect_with(text, move |text| {
            if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                let text = text.as_deref().unwrap_or("");
                if area.value() != text {
                    area.set_value(text);
                }
            }
        });
    }
    let on_input = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            dispatch.dispatch(Action::SetReceived(area.value().into()));
        })
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
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());

    let body = match &props.received {
        None => html! {
            <p class="hint" id="received-empty">{ tr(lang,
                "Paste a webhook notification, the invite's response or an error response (or drop a file, or press “Explain this” on a card of a run) to see it checked, placed in the sequence and explained.",
                "Cole uma notificação de webhook, a resposta do invite ou uma resposta de erro (ou solte um arquivo, ou pressione “Explicar” num cartão de uma execução) para vê-la verificada, situada na sequência e explicada.") }</p>
        },
        Some(received) => explanation(received, lang),
    };
    html! {
        <section class="panel received-panel" aria-labelledby="received-title">
            <h2 id="received-title">{ tr(lang, "Received", "Recebido") }</h2>
            <label for="received-editor" class="visually-hidden">{ tr(lang, "What the bot received", "O que o bot recebeu") }</label>
            <textarea id="received-editor" class="received-editor" ref={textarea} spellcheck="false" autocomplete="off"
                      placeholder={tr(lang, "{ \"value\": [ … ] }  or  HTTP/1.1 200 OK …", "{ \"value\": [ … ] }  ou  HTTP/1.1 200 OK …")}
                      oninput={on_input} ondrop={on_drop} ondragover={on_drag_over} />
            { body }
        </section>
    }
}

fn explanation(received: &ReceivedDoc, lang: Lang) -> Html {
    let read = &received.explained.received;
    let kind = match read.kind {
        Some(kind) => kind.label(lang),
        None => tr(lang, "not recognised", "não reconhecido"),
    };
    let status = read.http_status.map(|s| format!(" · HTTP {s}")).unwrap_or_default();
    let diagnostics = read.diagnostics.iter().take(200).map(|d| {
        let place = d
            .position
            .map(|p| format!("{}:{}", p.line, p.column))
            .unwrap_or_default();
        html! {
            <li class={classes!("diagnostic", d.severity().name())} data-code={d.code()}>
                <span class="severity">{ severity_label(d.severity(), lang) }</span>{ " " }
                <span class="place">{ place }</span>{ " " }
                <code class="code">{ d.code() }</code>{ " " }
                <span class="message">{ d.message(lang) }</span>
                if let Some(pointer) = &d.pointer { { " " }<code class="pointer">{ pointer.as_str() }</code> }
            </li>
        }
    });
    let items = received.explained.items.iter().map(|item| {
        let code = match (item.code, item.subcode) {
            (Some(code), Some(sub)) => format!(" · {code}/{sub}"),
            (Some(code), None) => format!(" · {code}"),
            _ => String::new(),
        };
        let status = item.status.as_ref().map(|s| format!(" · {s}")).unwrap_or_default();
        html! {
            <li class="explanation" data-step={item.step.name()}>
                <strong class="step">{ item.step.label(lang) }</strong>
                <span class="facts">{ format!("{status}{code}") }</span>
                <p class="meaning">{ item.meaning.get(lang).clone() }</p>
                <p class="next"><span class="tag">{ tr(lang, "next", "próximo passo") }</span>{ " " }{ item.next.get(lang).clone() }</p>
                <p class="source">{ item.source }</p>
            </li>
        }
    });
    let errors = read
        .diagnostics
        .iter()
        .filter(|d| d.severity().name() == "error")
        .count();
    html! {
        <>
            <p class="summary" id="received-summary" aria-live="polite">
                <strong>{ kind }</strong>{ status }
                { format!(" · {errors} {}", tr(lang, "error(s)", "erro(s)")) }
            </p>
            if !read.diagnostics.is_empty() {
                <ol class="diagnostic-list" id="received-diagnostics">{ for diagnostics }</ol>
            }
            <ol class="explanations" id="received-items">{ for items }</ol>
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
