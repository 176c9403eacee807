//! The simulation view: controls (run, pause, step, restart, speed, seed), the
//! sequence diagram and the timeline of event cards, both drawn up to the clock.

mod diagram;
mod event_card;
mod tour;

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use self::diagram::SequenceDiagram;
use self::event_card::EventCard;
use self::tour::TourPanel;
use super::export_menu::{ExportMenu, ExportMenuProps};
use crate::engine::diagnostic::lang::tr;
use crate::engine::explain::Step;
use crate::engine::vocabulary::Vocabulary;
use crate::ui::store::{on_click, use_dispatch, use_lang, Action, Playback, Speed};

#[derive(Properties, PartialEq)]
pub struct SimulationProps {
    /// The run and its clock: the one view a clock tick re-renders.
    pub playback: Playback,
    /// Doc-faithful mode without an example to replay.
    pub doc_without_preset: bool,
    /// Doc-faithful mode with the example's text edited (edits do not reach the run).
    pub doc_edited: bool,
    /// The step the Received panel explains, marked on the diagram.
    pub highlight: Option<Step>,
    /// The guided tour is open.
    #[prop_or_default]
    pub tour: bool,
    /// The Web Worker is still checking a large request (a queued run waits for it).
    #[prop_or_default]
    pub checking: bool,
    /// What the Received panel holds, for the embed code.
    #[prop_or_default]
    pub received: Option<Rc<str>>,
    /// The Received panel is on the page, so a card's message can be explained there.
    #[prop_or(true)]
    pub with_received: bool,
    /// In an embed, which has no menus: no tour (it would put Example 1 in place of the
    /// docs page's own example and send the reader to the Outcome menu), and hints that
    /// point at no menu.
    #[prop_or_default]
    pub in_embed: bool,
}

#[function_component(Simulation)]
pub fn simulation(props: &SimulationProps) -> Html {
    let (lang, dispatch) = (use_lang(), use_dispatch());
    let playback = &props.playback;
    let send = |action| on_click(&dispatch, action);
    let on_speed = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let name = event.target_unchecked_into::<HtmlSelectElement>().value();
            let speed = Speed::parse(&name).unwrap_or_default();
            dispatch.dispatch(Action::SetSpeed(speed));
        })
    };
    let seed_rule = tr(
        lang,
        "A seed is a whole number from 0 to 2⁶⁴ − 1, in digits; runs keep the last one.",
        "Uma semente é um número inteiro de 0 a 2⁶⁴ − 1, em algarismos; as execuções mantêm a última.",
    );
    let on_seed = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            let value = input.value();
            // The browser's own check (min, step) misses `1e3` and numbers past a u64:
            // they are not seeds either, so the field says so the same way.
            let seed = value.parse();
            input.set_custom_validity(if seed.is_err() && !value.is_empty() {
                seed_rule
            } else {
                ""
            });
            if let Ok(seed) = seed {
                dispatch.dispatch(Action::SetSeed(seed));
            }
        })
    };
    let has_timeline = playback.timeline.is_some();
    let clock = format!("t = {}", crate::engine::simulate::format_seconds(playback.clock_ms, 3));
    let (doc_without_preset, doc_edited) = (props.doc_without_preset, props.doc_edited);
    // Cards for the events the clock has reached; each borrows its event by index.
    let visible = playback.timeline.as_ref().map_or(0, |timeline| {
        timeline
            .events
            .partition_point(|event| event.at_ms <= playback.clock_ms)
    });

    html! {
        <div class="simulation">
            <div class="sim-controls" role="group" aria-label={tr(lang, "Simulation controls", "Controles da simulação")}>
                <button type="button" class="button primary" id="run-button" onclick={send(|| Action::Run)}
                        title={tr(lang, "Run the request (Ctrl+Enter in the editor)", "Executar a solicitação (Ctrl+Enter no editor)")} aria-keyshortcuts="Control+Enter Meta+Enter">{ tr(lang, "Run", "Executar") }</button>
                if playback.running {
                    <button type="button" class="button" id="pause-button" onclick={send(|| Action::Pause)}>{ tr(lang, "Pause", "Pausar") }</button>
                } else {
                    <button type="button" class="button" id="pause-button" onclick={send(|| Action::Resume)} disabled={!has_timeline || playback.finished()}>{ tr(lang, "Resume", "Continuar") }</button>
                }
                <button type="button" class="button" id="step-button" onclick={send(|| Action::Step)} disabled={!has_timeline}>{ tr(lang, "Step", "Avançar") }</button>
                <button type="button" class="button" id="restart-button" onclick={send(|| Action::Restart)} disabled={!has_timeline}>{ tr(lang, "Restart", "Reiniciar") }</button>
                <label class="control inline">
                    <span>{ tr(lang, "Speed", "Velocidade") }</span>
                    <select id="speed-select" onchange={on_speed}>
                        { for Speed::ALL.iter().map(|speed| html! {
                            <option value={speed.name()} selected={*speed == playback.speed}>{ speed_label(*speed, lang) }</option>
                        }) }
                    </select>
                </label>
                <label class="control inline">
                    <span>{ tr(lang, "Seed", "Semente") }</span>
                    <input id="seed-input" type="number" min="0" step="1" value={playback.seed.to_string()} oninput={on_seed} class="seed" />
                    // Shown by the stylesheet while the field is :invalid (the browser's own
                    // check of min and step, and `on_seed`'s), when runs keep the last seed.
                    <span class="field-diagnostic error seed-error" id="seed-error">{ seed_rule }</span>
                </label>
                <span class="clock" id="sim-clock" aria-live="off">{ clock }</span>
            </div>
            if doc_without_preset && props.in_embed {
                <p class="hint">{ tr(lang, "Doc-faithful mode replays a docs example, and this request is none of them: the run is corrected.", "O modo fiel à documentação reproduz um exemplo da documentação, e esta solicitação não é nenhum deles: a execução é corrigida.") }</p>
            } else if doc_without_preset {
                <p class="hint">{ tr(lang, "Doc-faithful mode replays a docs example: choose one above. Without one, the run is corrected.", "O modo fiel à documentação reproduz um exemplo: escolha um acima. Sem exemplo, a execução é corrigida.") }</p>
            }
            if doc_edited {
                <p class="hint" id="doc-edited">{ tr(lang, "Doc-faithful mode replays the docs' example as printed; your edits show in the diagnostics, not in the run.", "O modo fiel à documentação reproduz o exemplo como impresso; suas edições aparecem nos diagnósticos, não na execução.") }</p>
            }
            <ExportMenu received={props.received.clone()} ..ExportMenuProps::of(playback) />
            if props.tour {
                <TourPanel timeline={playback.timeline.clone()} clock_ms={playback.clock_ms} queued={playback.queued} />
            }
            if let Some(timeline) = playback.timeline.clone() {
                <SequenceDiagram timeline={timeline.clone()} clock_ms={playback.clock_ms} highlight={props.highlight} running={playback.running} />
                <ol class="timeline" id="timeline" aria-label={tr(lang, "Timeline", "Linha do tempo")}>
                    { for (0..visible).map(|index| html! {
                        <EventCard key={index} index={index} timeline={timeline.clone()} explainable={props.with_received} />
                    }) }
                </ol>
            } else if playback.queued {
                <p class="empty" id="run-queued" role="status">
                    <span class="spinner" aria-hidden="true"></span>
                    { if props.checking {
                        tr(lang, "The run starts as soon as the background check of this request finishes.", "A execução começa assim que a verificação em segundo plano desta solicitação terminar.")
                    } else {
                        tr(lang, "Running the request…", "Executando a solicitação…")
                    } }
                </p>
            } else {
                <p class="empty">{ tr(lang, "Press Run to send the request to the simulated Graph.", "Pressione Executar para enviar a solicitação ao Graph simulado.") }</p>
                if !props.tour && !props.in_embed {
                    <p class="tour-invite">
                        { tr(lang, "New to this API? ", "Novo nesta API? ") }
                        <button type="button" class="button small" id="tour-start" onclick={send(|| Action::StartTour)}>
                            { tr(lang, "Take the guided tour", "Fazer o tour guiado") }
                        </button>
                        { tr(lang, " Example 1, one step at a time.", " Exemplo 1, um passo por vez.") }
                    </p>
                }
            }
        </div>
    }
}

fn speed_label(speed: Speed, lang: crate::engine::diagnostic::Lang) -> &'static str {
    match speed {
        Speed::Real => tr(lang, "1× (real time)", "1× (tempo real)"),
        Speed::Fast => "10×",
        Speed::Instant => tr(lang, "instant", "instantâneo"),
    }
}
