//! The simulation view: controls (run, pause, step, restart, speed, seed), the
//! sequence diagram and the timeline of event cards, both drawn up to the clock.

mod diagram;
mod event_card;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use self::diagram::SequenceDiagram;
use self::event_card::EventCard;
use super::export_menu::ExportMenu;
use crate::engine::diagnostic::lang::tr;
use crate::engine::simulate::Mode;
use crate::ui::store::{use_store, Action, Speed};

#[function_component(Simulation)]
pub fn simulation() -> Html {
    let store = use_store();
    let lang = store.lang;
    let send = |action: fn() -> Action| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(action()))
    };
    let on_speed = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let name = event.target_unchecked_into::<HtmlSelectElement>().value();
            let speed = Speed::ALL.into_iter().find(|s| s.name() == name).unwrap_or_default();
            store.dispatch(Action::SetSpeed(speed));
        })
    };
    let on_seed = {
        let store = store.clone();
        Callback::from(move |event: InputEvent| {
            if let Ok(seed) = event.target_unchecked_into::<HtmlInputElement>().value().parse() {
                store.dispatch(Action::SetSeed(seed));
            }
        })
    };
    let has_timeline = store.timeline.is_some();
    let clock = format!("t = {}", crate::engine::simulate::format_seconds(store.clock_ms, 3));
    let doc_without_preset = store.mode == Mode::DocFaithful && store.preset.is_none();
    let doc_edited =
        store.mode == Mode::DocFaithful && store.preset.is_some_and(|preset| preset.doc_request() != store.text);
    let visible_events = store
        .timeline
        .as_ref()
        .map(|timeline| {
            timeline
                .events
                .iter()
                .filter(|e| e.at_ms <= store.clock_ms)
                .cloned()
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();

    html! {
        <div class="simulation">
            <div class="sim-controls" role="group" aria-label={tr(lang, "Simulation controls", "Controles da simulação")}>
                <button type="button" class="button primary" id="run-button" onclick={send(|| Action::Run)}>{ tr(lang, "Run", "Executar") }</button>
                if store.running {
                    <button type="button" class="button" id="pause-button" onclick={send(|| Action::Pause)}>{ tr(lang, "Pause", "Pausar") }</button>
                } else {
                    <button type="button" class="button" id="pause-button" onclick={send(|| Action::Resume)} disabled={!has_timeline || store.finished()}>{ tr(lang, "Resume", "Continuar") }</button>
                }
                <button type="button" class="button" id="step-button" onclick={send(|| Action::Step)} disabled={!has_timeline}>{ tr(lang, "Step", "Avançar") }</button>
                <button type="button" class="button" id="restart-button" onclick={send(|| Action::Restart)} disabled={!has_timeline}>{ tr(lang, "Restart", "Reiniciar") }</button>
                <label class="control inline">
                    <span>{ tr(lang, "Speed", "Velocidade") }</span>
                    <select id="speed-select" onchange={on_speed}>
                        { for Speed::ALL.iter().map(|speed| html! {
                            <option value={speed.name()} selected={*speed == store.speed}>{ speed_label(*speed, lang) }</option>
                        }) }
                    </select>
                </label>
                <label class="control inline">
                    <span>{ tr(lang, "Seed", "Semente") }</span>
                    <input id="seed-input" type="number" min="0" value={store.seed.to_string()} oninput={on_seed} class="seed" />
                </label>
                <span class="clock" id="sim-clock" aria-live="off">{ clock }</span>
            </div>
            if doc_without_preset {
                <p class="hint">{ tr(lang, "Doc-faithful mode replays a docs example: choose one above. Without one, the run is corrected.", "O modo fiel à documentação reproduz um exemplo: escolha um acima. Sem exemplo, a execução é corrigida.") }</p>
            }
            if doc_edited {
                <p class="hint" id="doc-edited">{ tr(lang, "Doc-faithful mode replays the docs' example as printed; your edits show in the diagnostics, not in the run.", "O modo fiel à documentação reproduz o exemplo como impresso; suas edições aparecem nos diagnósticos, não na execução.") }</p>
            }
            <ExportMenu />
            if let Some(timeline) = store.timeline.clone() {
                <SequenceDiagram timeline={timeline} clock_ms={store.clock_ms} />
                <ol class="timeline" id="timeline" aria-label={tr(lang, "Timeline", "Linha do tempo")}>
                    { for visible_events.into_iter().enumerate().map(|(index, event)| html! {
                        <EventCard key={index} index={index} event={event} />
                    }) }
                </ol>
            } else {
                <p class="empty">{ tr(lang, "Press Run to send the request to the simulated Graph.", "Pressione Executar para enviar a solicitação ao Graph simulado.") }</p>
            }
        </div>
    }
}

fn speed_label(speed: Speed, lang: crate::engine::diagnostic::lang::Lang) -> &'static str {
    match speed {
        Speed::Real => tr(lang, "1× (real time)", "1× (tempo real)"),
        Speed::Fast => "10×",
        Speed::Instant => tr(lang, "instant", "instantâneo"),
    }
}
