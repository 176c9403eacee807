//! The verdict and the list of diagnostics beside the editor; choosing one moves the
//! caret to it and focuses its form field.

use yew::prelude::*;

use crate::engine::vocabulary::Vocabulary;

use crate::engine::diagnostic::lang::{count, tr};
use crate::engine::diagnostic::Severity;
use crate::ui::store::{use_checked, use_dispatch, use_lang, Action};

/// Rendering tens of thousands of list items would freeze the page; the count says the rest.
const LIST_LIMIT: usize = 200;

#[derive(Properties, PartialEq)]
pub struct DiagnosticsListProps {
    /// The verdict shown is for an older text; a large input is re-checked soon.
    pub check_pending: bool,
}

#[function_component(DiagnosticsList)]
pub fn diagnostics_list(props: &DiagnosticsListProps) -> Html {
    let (lang, dispatch, checked) = (use_lang(), use_dispatch(), use_checked());
    let errors = checked.count(Severity::Error);
    let warnings = checked.count(Severity::Warning);
    let infos = checked.count(Severity::Info);
    let verdict = if errors == 0 {
        html! { <strong class="verdict valid">{ tr(lang, "Graph would accept this request", "O Graph aceitaria esta solicitação") }</strong> }
    } else {
        html! { <strong class="verdict invalid">{ tr(lang, "Graph would reject this request", "O Graph rejeitaria esta solicitação") }</strong> }
    };
    let hidden = checked.diagnostics.len().saturating_sub(LIST_LIMIT) + checked.omitted.total();
    let items = checked.diagnostics.iter().take(LIST_LIMIT).enumerate().map(|(index, diagnostic)| {
        let on_choose = {
            let dispatch = dispatch.clone();
            let span = diagnostic.span;
            let pointer = diagnostic.pointer.as_ref().map(|p| p.as_str().to_owned());
            Callback::from(move |_: MouseEvent| {
                if let Some(span) = span {
                    dispatch.dispatch(Action::Focus {
                        span,
                        pointer: pointer.clone(),
                    });
                }
            })
        };
        let place = match diagnostic.position {
            Some(position) => format!("{}:{}", position.line, position.column),
            None => tr(lang, "call", "chamada").to_owned(),
        };
        let severity = diagnostic.severity();
        html! {
            <li class={classes!("diagnostic", severity.name())} key={index}>
                <button type="button" class="diagnostic-button" onclick={on_choose} disabled={diagnostic.span.is_none()}
                        data-code={diagnostic.code()} data-line={diagnostic.position.map(|p| p.line.to_string())}>
                    <span class="severity">{ severity_label(severity, lang) }</span>
                    <span class="place">{ place }</span>
                    <code class="code">{ diagnostic.code() }</code>
                    <span class="message">{ diagnostic.message(lang) }</span>
                </button>
                if let Some(help) = diagnostic.help(lang) {
                    <p class="help">{ help }</p>
                }
            </li>
        }
    });
    html! {
        <section class="diagnostics" aria-labelledby="diagnostics-summary">
            <p id="diagnostics-summary" class="summary" aria-live="polite">
                { verdict }
                { format!(" · {} · {} · {}",
                    count(lang, errors, ("error", "errors"), ("erro", "erros")),
                    count(lang, warnings, ("warning", "warnings"), ("aviso", "avisos")),
                    count(lang, infos, ("note", "notes"), ("observação", "observações"))) }
            </p>
            if props.check_pending {
                <p class="hint" id="check-pending">{ tr(lang, "Checking once you pause typing…", "Verificando quando você parar de digitar…") }</p>
            }
            <ol class="diagnostic-list" id="diagnostic-list">{ for items }</ol>
            if hidden > 0 {
                <p class="hint" id="diagnostics-more">
                    { format!("{hidden} {}", tr(lang, "more not listed; fix the first ones or use the CLI for the full list", "outros não listados; corrija os primeiros ou use a CLI para a lista completa")) }
                </p>
            }
        </section>
    }
}

pub fn severity_label(severity: Severity, lang: crate::engine::diagnostic::lang::Lang) -> &'static str {
    match severity {
        Severity::Error => tr(lang, "error", "erro"),
        Severity::Warning => tr(lang, "warning", "aviso"),
        Severity::Info => tr(lang, "note", "observação"),
    }
}
