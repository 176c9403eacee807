//! The Code view: the request in the editor as code for each SDK language (and cURL,
//! HTTP, JSON), one tab per language, remembered across visits, with a copy button.
//! The code comes from `engine::snippet`; this view only shows it.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::code_area::{shown, size_words, Shown};
use crate::app::state::Shared;
use crate::app::worker::{Answer, Task, Verdict};
use crate::engine::diagnostic::lang::{tr, Text};
use crate::engine::snippet::SnippetLang;
use crate::engine::vocabulary::Vocabulary;
use crate::ui::browser;
use crate::ui::hooks::use_seen;
use crate::ui::store::{use_dispatch, use_document, use_lang, use_verdict, Action, Notice};
use crate::ui::worker;

/// Requests longer than this get a pointer to the CLI instead of code in the page.
const CODE_LIMIT: usize = 64 * 1024;

/// The worker's code for one language, what the page shows of it, and the check it was
/// asked under.
struct Code {
    lang: SnippetLang,
    text: Rc<str>,
    shown: Shown,
    asked_under: Shared<Verdict>,
}

#[derive(Properties, PartialEq)]
pub struct CodeViewProps {
    /// The open tab.
    pub selected: SnippetLang,
}

#[function_component(CodeView)]
pub fn code_view(props: &CodeViewProps) -> Html {
    let (lang, dispatch, document, verdict) = (use_lang(), use_dispatch(), use_document(), use_verdict());
    let selected = props.selected;
    // Asked of the Web Worker again only when the check or the tab changes, never on a
    // clock tick. A large request is not turned into megabytes of coloured code in the
    // page (tens of thousands of spans block the main thread): the CLI writes it.
    let too_large = document.text.len() > CODE_LIMIT;
    // The code, what the page shows of it (past a thousand lines only its start,
    // `code_area::shown`, since laying out 7,000 lines of code took 55 ms, measured) and
    // the check it was asked under: code for an older request is not ready.
    let code: UseStateHandle<Option<Code>> = use_state(|| None);
    let latest = use_mut_ref(|| 0_u64);
    // Nothing is asked before the panel is near the viewport (`use_seen`).
    let section = use_node_ref();
    let seen = use_seen(&section);
    {
        let (code, latest, document, dispatch) = (code.clone(), latest.clone(), document.clone(), dispatch.clone());
        use_effect_with(
            (verdict.clone(), selected, too_large, seen),
            move |(asked_under, selected, too_large, seen)| {
                // Asked in a task of its own, cancelled by a newer change: the copy of
                // the text for the worker cost a 37 KB paste's task 5 ms (measured).
                let (selected, asked_under) = (*selected, asked_under.clone());
                let ask = (*seen && !*too_large).then(|| {
                    Timeout::new(0, move || {
                        let task = Task::Snippet {
                            text: document.text.to_string(),
                            version: document.version,
                            context: document.context.clone(),
                            lang: selected,
                        };
                        let asked = latest.clone();
                        let id = worker::ask(task, move |reply| {
                            // Only the answer to the latest question is shown.
                            if let (true, Answer::Snippet { lang, code: text }) =
                                (reply.id == *asked.borrow(), reply.answer)
                            {
                                let text: Rc<str> = Rc::from(text);
                                let shown = shown(&text);
                                code.set(Some(Code {
                                    lang,
                                    text,
                                    shown,
                                    asked_under,
                                }));
                            }
                        });
                        if id.is_none() {
                            dispatch.dispatch(Action::Notify(Notice::WorkerUnavailable));
                        }
                        *latest.borrow_mut() = id.unwrap_or_default();
                    })
                });
                move || drop(ask)
            },
        );
    }
    // The previous code stays while the new one comes, marked busy.
    let full: Option<Rc<str>> = code.as_ref().map(|code| code.text.clone());
    let ready = code
        .as_ref()
        .is_some_and(|code| code.lang == selected && code.asked_under == verdict);
    let on_copy = {
        let (dispatch, code) = (dispatch.clone(), full.clone());
        Callback::from(move |_: MouseEvent| match code.as_deref() {
            Some(code) => browser::copy(code, Text::same(selected.label()), &dispatch),
            None => dispatch.dispatch(Action::Notify(Notice::ClipboardUnavailable)),
        })
    };
    let on_key = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: KeyboardEvent| {
            let all = SnippetLang::ALL;
            let at = all.iter().position(|l| *l == selected).unwrap_or(0);
            let next = match event.key().as_str() {
                "ArrowRight" => all[(at + 1) % all.len()],
                "ArrowLeft" => all[(at + all.len() - 1) % all.len()],
                "Home" => all[0],
                "End" => all[all.len() - 1],
                _ => return,
            };
            event.prevent_default();
            dispatch.dispatch(Action::SetCodeLang(next));
            browser::focus_element(&format!("code-tab-{}", next.name()));
        })
    };
    let has_errors = verdict.errors > 0;
    html! {
        <section class="panel code-view" aria-labelledby="code-title" ref={section}>
            <h2 id="code-title">{ tr(lang, "Code", "Código") }</h2>
            <div class="code-tabs" role="tablist" aria-label={tr(lang, "Language", "Linguagem")} onkeydown={on_key}>
                { for SnippetLang::ALL.iter().map(|tab| {
                    let on_select = {
                        let dispatch = dispatch.clone();
                        let tab = *tab;
                        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetCodeLang(tab)))
                    };
                    let active = *tab == selected;
                    html! {
                        <button type="button" role="tab" id={format!("code-tab-{}", tab.name())}
                                class={classes!("code-tab", active.then_some("active"))}
                                aria-selected={active.to_string()} aria-controls="code-panel"
                                tabindex={if active { "0" } else { "-1" }} onclick={on_select}>
                            { tab.label() }
                        </button>
                    }
                }) }
            </div>
            <div id="code-panel" class="code-panel" role="tabpanel" aria-labelledby={format!("code-tab-{}", selected.name())}>
                if too_large {
                    <p class="hint" id="code-too-large">{ tr(lang,
                        "This request is too large to show as code here; `invite-playground snippet --lang LANG FILE` writes it.",
                        "Esta solicitação é grande demais para mostrar como código aqui; `invite-playground snippet --lang LANG FILE` a escreve.") }</p>
                } else if has_errors {
                    <p class="hint" id="code-has-errors">{ tr(lang,
                        "Graph would reject this request; the code sends it as it is, with the first error in a comment.",
                        "O Graph rejeitaria esta solicitação; o código a envia como está, com o primeiro erro em um comentário.") }</p>
                }
                if !too_large {
                    <div class="code-actions">
                        <button type="button" class="button small" id="copy-code" onclick={on_copy} disabled={code.is_none()}>
                            { format!("{} {}", tr(lang, "Copy", "Copiar"), selected.label()) }
                        </button>
                    </div>
                    <pre class={classes!("code-block", code.is_none().then_some("waiting"))} id="code-block" tabindex="0" aria-busy={(!ready).to_string()}
                         data-lang={if ready { selected.name() } else { "" }}><code>{ code.as_ref().map_or_else(
                             || html! { tr(lang, "Writing the code\u{2026}", "Escrevendo o código\u{2026}") },
                             |code| super::coloured(&code.shown.text, selected)) }</code></pre>
                    if let Some(Code { text, shown: Shown { previewed: true, .. }, .. }) = code.as_ref() {
                        <p class="hint" id="code-preview" role="note">
                            { size_words(lang, tr(lang, "This code is", "Este código tem"), text) }
                            { tr(lang, "Only its start is shown, with long lines cut; the copy button copies all of it.",
                                "Só o início é mostrado, com linhas longas cortadas; o botão de copiar copia tudo.") }
                        </p>
                    }
                }
            </div>
        </section>
    }
}
