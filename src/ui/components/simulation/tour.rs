//! The guided tour: Example 1 played one moment at a time, each explained (what the
//! message or call event means, what the bot should do), in both languages. Opened from
//! the empty simulation or the header's help button; `Step` moves it on, and it can be
//! skipped at any moment (Escape too), focus going back to what opened it.

use yew::prelude::*;

use super::event_card::{event_guide, event_title};
use crate::app::state::Shared;
use crate::engine::diagnostic::lang::tr;
use crate::engine::simulate::Timeline;
use crate::ui::browser;
use crate::ui::components::prose;
use crate::ui::store::{on_click, use_dispatch, use_lang, Action};

#[derive(Properties, PartialEq)]
pub struct TourPanelProps {
    pub timeline: Option<Shared<Timeline>>,
    pub clock_ms: u64,
    /// The tour's run is on its way from the Web Worker.
    pub queued: bool,
}

#[function_component(TourPanel)]
pub fn tour_panel(props: &TourPanelProps) -> Html {
    let (lang, dispatch) = (use_lang(), use_dispatch());
    // Opened from the header's button, the tour may start a screen or more below it (on
    // a phone, under the request): bring it into view and take focus there, and again
    // once its run has landed (the diagram and the cards it brings can move it).
    // Only then: a request edited during the tour takes its run away, and focus must
    // stay where the typing is.
    let landed = use_mut_ref(|| false);
    use_effect_with(props.timeline.is_some(), move |&has_run| {
        let mut landed = landed.borrow_mut();
        if !*landed {
            browser::focus_panel("tour");
            *landed = has_run;
        }
    });
    // Ending the tour takes its buttons away: focus goes back to what opened it (the
    // header's `?` when that was the empty simulation's button, now gone).
    let opener = use_mut_ref(browser::focused);
    use_effect_with((), move |_| {
        move || browser::return_focus("tour", opener.take(), "help-button")
    });
    // Escape ends it, as it closes a dialog.
    let on_key = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                dispatch.dispatch(Action::EndTour);
            }
        })
    };
    let send = |action| on_click(&dispatch, action);
    let skip = html! {
        <button type="button" class="button small" id="tour-skip" onclick={send(|| Action::EndTour)}>
            { tr(lang, "Skip the tour", "Pular o tour") }
        </button>
    };
    let Some(timeline) = &props.timeline else {
        if props.queued {
            return html! {
                <section class="tour" id="tour" tabindex="-1" aria-labelledby="tour-title" onkeydown={on_key.clone()}>
                    <h3 id="tour-title">{ tr(lang, "Guided tour", "Tour guiado") }</h3>
                    <p role="status">{ tr(lang, "Sending Example 1 to the simulated Graph…", "Enviando o Exemplo 1 ao Graph simulado…") }</p>
                    { skip }
                </section>
            };
        }
        // The user changed the request: the tour's run is gone.
        return html! {
            <section class="tour" id="tour" tabindex="-1" aria-labelledby="tour-title" onkeydown={on_key.clone()}>
                <h3 id="tour-title">{ tr(lang, "Guided tour", "Tour guiado") }</h3>
                <p>{ tr(lang, "The request changed, so the tour's run stopped.", "A solicitação mudou, então a execução do tour parou.") }</p>
                <button type="button" class="button small primary" onclick={send(|| Action::StartTour)}>{ tr(lang, "Start again", "Recomeçar") }</button>
                { " " }{ skip }
            </section>
        };
    };
    // Every moment something happens, in order; the tour stands on the latest one.
    let mut moments: Vec<u64> = timeline
        .events
        .iter()
        .map(|e| e.at_ms)
        .chain(timeline.signals.iter().map(|s| s.at_ms))
        .collect();
    moments.sort_unstable();
    moments.dedup();
    let done = moments.iter().filter(|at| **at <= props.clock_ms).count().max(1);
    let finished = props.clock_ms >= timeline.duration_ms();
    // At one moment a call event (a signal) happens after the message that caused it.
    let event = timeline.events.iter().rev().find(|e| e.at_ms <= props.clock_ms);
    let signal = timeline
        .signals
        .iter()
        .rev()
        .find(|s| s.at_ms <= props.clock_ms)
        .filter(|s| event.is_none_or(|e| s.at_ms > e.at_ms));
    let (title, meaning, todo) = match (signal, event) {
        (Some(signal), _) => (
            signal.kind.label(lang).to_owned(),
            tr(
                lang,
                "This happens in the call itself, not on the wire: your bot receives no message for it.",
                "Isto acontece na própria chamada, não na rede: seu bot não recebe mensagem por isso.",
            ),
            tr(
                lang,
                "Nothing: the next notification will tell.",
                "Nada: a próxima notificação dirá.",
            ),
        ),
        (None, Some(event)) => {
            let (meaning, todo) = event_guide(event, lang);
            (event_title(event, lang), meaning, todo)
        }
        (None, None) => (String::new(), "", ""),
    };
    html! {
        <section class="tour" id="tour" tabindex="-1" aria-labelledby="tour-title" onkeydown={on_key} aria-live="polite">
            <h3 id="tour-title">
                { format!("{} · {} {done} {} {}", tr(lang, "Guided tour", "Tour guiado"), tr(lang, "step", "passo"), tr(lang, "of", "de"), moments.len()) }
            </h3>
            <p class="tour-what"><strong>{ title }</strong>{ ": " }{ prose(meaning) }</p>
            <p class="tour-do"><strong>{ tr(lang, "Your bot should: ", "Seu bot deve: ") }</strong>{ prose(todo) }</p>
            if finished {
                <p>{ tr(lang,
                    "That is the whole exchange. Try another outcome (Outcome, above) or your own request, and press Run.",
                    "Essa é a troca inteira. Experimente outro resultado (Resultado, acima) ou sua própria solicitação e pressione Executar.") }</p>
                <button type="button" class="button small primary" id="tour-finish" onclick={send(|| Action::EndTour)}>{ tr(lang, "Finish", "Concluir") }</button>
            } else {
                <button type="button" class="button small primary" id="tour-next" onclick={send(|| Action::Step)}>{ tr(lang, "Next", "Próximo") }</button>
                { " " }{ skip }
            }
        </section>
    }
}
