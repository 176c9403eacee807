//! The Code view: the request in the editor as code for each SDK language (and cURL,
//! HTTP, JSON), one tab per language, remembered across visits, with a copy button.
//! The code comes from `engine::snippet`; this view only shows it.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::worker::{Answer, Task};
use crate::engine::diagnostic::lang::tr;
use crate::engine::snippet::SnippetLang;
use crate::engine::vocabulary::Vocabulary;
use crate::ui::browser;
use crate::ui::store::{use_dispatch, use_document, use_lang, use_verdict, Action, Notice};
use crate::ui::worker;

/// Requests longer than this get a pointer to the CLI instead of code in the page.
const CODE_LIMIT: usize = 64 * 1024;

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
    let code: UseStateHandle<Option<(SnippetLang, Rc<str>)>> = use_state(|| None);
    let latest = use_mut_ref(|| 0_u64);
    {
        let (code, latest, document, dispatch) = (code.clone(), latest.clone(), document.clone(), dispatch.clone());
        use_effect_with(
            (verdict.clone(), selected, too_large),
            move |(_, selected, too_large)| {
                if !*too_large {
                    let task = Task::Snippet {
                        text: document.text.to_string(),
                        version: document.version,
                        context: document.context.clone(),
                        lang: *selected,
                    };
                    let asked = latest.clone();
                    let id = worker::ask(task, move |reply| {
                        // Only the answer to the latest question is shown.
                        if let (true, Answer::Snippet { lang, code: text }) =
                            (reply.id == *asked.borrow(), reply.answer)
                        {
                            code.set(Some((lang, Rc::from(text))));
                        }
                    });
                    if id.is_none() {
                        dispatch.dispatch(Action::Notify(Notice::WorkerUnavailable));
                    }
                    *latest.borrow_mut() = id.unwrap_or_default();
                }
            },
        );
    }
    // The previous language's code stays while the selected one's comes.
    let shown: Option<Rc<str>> = code.as_ref().map(|(_, text)| text.clone());
    let ready = code.as_ref().is_some_and(|(lang, _)| *lang == selected);
    let on_copy = {
        let (dispatch, code) = (dispatch.clone(), shown.clone());
        Callback::from(move |_: MouseEvent| {
            let notice = code.as_deref().map_or(Notice::ClipboardUnavailable, |code| {
                browser::copied(code, selected.label())
            });
            dispatch.dispatch(Action::Notify(notice));
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
        <section class="panel code-view" aria-labelledby="code-title">
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
                        <button type="button" class="button small" id="copy-code" onclick={on_copy}>
                            { format!("{} {}", tr(lang, "Copy", "Copiar"), selected.label()) }
                        </button>
                    </div>
                    <pre class="code-block" id="code-block" tabindex="0" aria-busy={(!ready).to_string()}
                         data-lang={if ready { selected.name() } else { "" }}><code>{ shown.as_deref().map(|text| super::coloured(text, selected)).unwrap_or_default() }</code></pre>
                }
            </div>
        </section>
    }
}
