//! The verdict and the list of diagnostics beside the editor (the first
//! `app::worker::LISTED_DIAGNOSTICS`, the rest counted: tens of thousands of items would
//! freeze the page); choosing one moves the caret to it and focuses its form field.

use yew::prelude::*;

use crate::engine::vocabulary::Vocabulary;

use super::prose;
use crate::app::worker::Finding;
use crate::engine::diagnostic::lang::{count, grouped, tr, Lang};
use crate::engine::diagnostic::Severity;
use crate::ui::hooks::{use_progressive, CHUNK};
use crate::ui::store::{use_dispatch, use_document, use_lang, use_verdict, Action};

#[derive(Properties, PartialEq)]
pub struct DiagnosticsListProps {
    /// The verdict shown is for an older text; a large input is re-checked soon.
    pub check_pending: bool,
}

/// " · 2 errors · 1 warning · 0 notes": the counts a summary line gives, for a request
/// and for what the bot received alike.
pub fn counts(lang: Lang, errors: usize, warnings: usize, infos: usize) -> String {
    format!(
        " · {} · {} · {}",
        count(lang, errors, ("error", "errors"), ("erro", "erros")),
        count(lang, warnings, ("warning", "warnings"), ("aviso", "avisos")),
        count(lang, infos, ("note", "notes"), ("observação", "observações"))
    )
}

#[function_component(DiagnosticsList)]
pub fn diagnostics_list(props: &DiagnosticsListProps) -> Html {
    let (lang, dispatch, document, verdict) = (use_lang(), use_dispatch(), use_document(), use_verdict());
    let verdict_html = if verdict.errors == 0 {
        html! { <strong class="verdict valid">{ tr(lang, "Graph would accept this request", "O Graph aceitaria esta solicitação") }</strong> }
    } else {
        html! { <strong class="verdict invalid">{ tr(lang, "Graph would reject this request", "O Graph rejeitaria esta solicitação") }</strong> }
    };
    let drawn = use_progressive(verdict.findings.len(), CHUNK);
    let items = verdict.findings.iter().take(drawn).enumerate().map(|(index, finding)| {
        let on_choose = {
            let dispatch = dispatch.clone();
            let (span, pointer) = (finding.span, finding.pointer.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(span) = span {
                    dispatch.dispatch(Action::Focus {
                        span,
                        pointer: pointer.clone(),
                    });
                }
            })
        };
        finding_item(index, finding, lang, on_choose, false)
    });
    html! {
        <section class="diagnostics" aria-labelledby="diagnostics-summary">
            <p id="diagnostics-summary" class="summary" aria-live="polite">
                { verdict_html }
                { counts(lang, verdict.errors, verdict.warnings, verdict.infos) }
            </p>
            // A large text waits for the Web Worker; a smaller one put in in bulk is
            // checked after the next paint, too soon to say so.
            if props.check_pending && document.is_large() {
                <p class="hint checking" id="check-pending" role="status">
                    <span class="spinner" aria-hidden="true"></span>
                    { format!("{} {} KiB {}", tr(lang, "Checking", "Verificando"), grouped(lang, document.text.len() / 1024),
                        tr(lang, "in the background once you pause typing; the verdict above is for the previous text",
                               "em segundo plano quando você parar de digitar; o veredito acima é do texto anterior")) }
                </p>
            }
            <ol class="diagnostic-list" id="diagnostic-list">{ for items }</ol>
            if verdict.unlisted > 0 {
                <p class="hint" id="diagnostics-more">
                    { format!("{} {}", grouped(lang, verdict.unlisted), tr(lang, "more not listed; fix the first ones or use the CLI for the full list", "outros não listados; corrija os primeiros ou use a CLI para a lista completa")) }
                </p>
            }
        </section>
    }
}

/// One finding as a list item: a button that goes to its place (disabled when it has
/// none), its help below. The request's list (where a finding without a place is the
/// simulated call's) and the Received panel's (`received`: with pointers) both use it.
pub fn finding_item(
    index: usize,
    finding: &Finding,
    lang: Lang,
    on_choose: Callback<MouseEvent>,
    received: bool,
) -> Html {
    let place = match &finding.place {
        Some(place) => place.as_str(),
        None if !received => tr(lang, "call", "chamada"),
        None => "",
    };
    let line = finding
        .place
        .as_deref()
        .and_then(|place| place.split(':').next())
        .map(str::to_owned);
    html! {
        <li class={classes!("diagnostic", finding.severity.name())} key={index}>
            <button type="button" class="diagnostic-button" onclick={on_choose} disabled={finding.span.is_none()}
                    data-code={finding.code.clone()} data-line={line}>
                <span class="severity">{ severity_label(finding.severity, lang) }</span>
                <span class="place">{ place }</span>
                <code class="code">{ &finding.code }</code>
                if let (true, Some(pointer)) = (received, &finding.pointer) { <code class="pointer">{ pointer }</code> }
                <span class="message">{ prose(finding.message.get(lang)) }</span>
            </button>
            if let Some(help) = &finding.help {
                <p class="help">{ prose(help.get(lang)) }</p>
            }
        </li>
    }
}

pub fn severity_label(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Error => tr(lang, "error", "erro"),
        Severity::Warning => tr(lang, "warning", "aviso"),
        Severity::Info => tr(lang, "note", "observação"),
    }
}
