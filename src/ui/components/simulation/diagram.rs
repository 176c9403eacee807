//! The sequence diagram: an SVG with one lifeline per party (bot, Microsoft Graph, the
//! group call, each invitee, the replaced call) and one arrow per message or signal,
//! drawn up to the simulated clock.

use yew::prelude::*;

use super::event_card::event_title;
use crate::app::state::Shared;
use crate::engine::diagnostic::lang::{tr, Lang};
use crate::engine::explain::Step;
use crate::engine::simulate::{Actor, Lifeline, Timeline};
use crate::ui::store::use_lang;

#[derive(Properties, PartialEq)]
pub struct SequenceDiagramProps {
    pub timeline: Shared<Timeline>,
    pub clock_ms: u64,
    /// A step to mark (the one the Received panel explains).
    pub highlight: Option<Step>,
}

const COLUMN: usize = 140;
const ROW: usize = 34;
const TOP: usize = 48;

struct Arrow {
    at_ms: u64,
    from: Lifeline,
    to: Lifeline,
    label: String,
    class: &'static str,
}

#[function_component(SequenceDiagram)]
pub fn sequence_diagram(props: &SequenceDiagramProps) -> Html {
    let lang = use_lang();
    let timeline = &props.timeline;

    let mut lifelines = vec![Lifeline::Bot, Lifeline::Graph, Lifeline::GroupCall];
    lifelines.extend((0..timeline.invitees.len()).map(Lifeline::Invitee));
    if timeline.replaced_call.is_some() {
        lifelines.push(Lifeline::ReplacedCall);
    }
    let column = |lifeline: Lifeline| lifelines.iter().position(|l| *l == lifeline).unwrap_or(0) * COLUMN + COLUMN / 2;
    let lifeline_of = |actor: Actor| match actor {
        Actor::Bot => Lifeline::Bot,
        Actor::Graph => Lifeline::Graph,
    };

    let messages = timeline.events.iter().map(|event| Arrow {
        at_ms: event.at_ms,
        from: lifeline_of(event.from),
        to: lifeline_of(event.to),
        label: event_title(event, lang),
        class: match (
            event.status.is_some_and(|s| s >= 400),
            props.highlight.is_some() && event.step() == props.highlight,
        ) {
            (true, true) => "message error highlight",
            (true, false) => "message error",
            (false, true) => "message highlight",
            (false, false) => "message",
        },
    });
    let signals = timeline.signals.iter().map(|signal| Arrow {
        at_ms: signal.at_ms,
        from: signal.from,
        to: signal.to,
        label: signal.kind.label(lang).to_owned(),
        class: "signal",
    });
    let arrows = merge_by_time(messages, signals);

    let width = lifelines.len() * COLUMN;
    let height = TOP + (arrows.len() + 1) * ROW;
    let heads = lifelines.iter().map(|lifeline| {
        let x = column(*lifeline);
        html! {
            <g class="lifeline">
                <rect x={(x - 62).to_string()} y="6" width="124" height="26" rx="4" />
                <text x={x.to_string()} y="24" text-anchor="middle">{ lifeline_label(*lifeline, timeline, lang) }</text>
                <line x1={x.to_string()} y1="32" x2={x.to_string()} y2={height.to_string()} />
            </g>
        }
    });
    let drawn = arrows
        .iter()
        .enumerate()
        .filter(|(_, arrow)| arrow.at_ms <= props.clock_ms)
        .map(|(row, arrow)| {
            let y = TOP + row * ROW + ROW / 2;
            let (x1, x2) = (column(arrow.from), column(arrow.to));
            let label_x = if x1 == x2 { x1 + 8 } else { (x1 + x2) / 2 };
            let anchor = if x1 == x2 { "start" } else { "middle" };
            let path = if x1 == x2 {
                // A party talking to itself (the SDK timing out) loops back.
                format!("M{x1},{} h28 v10 h-24", y - 6)
            } else {
                format!("M{x1},{y} L{x2},{y}")
            };
            html! {
                <g class={classes!("arrow", arrow.class)} data-label={arrow.label.clone()}>
                    <path d={path} marker-end="url(#arrowhead)" />
                    <text x={label_x.to_string()} y={(y - 5).to_string()} text-anchor={anchor}>
                        { format!("{} (+{})", arrow.label, crate::engine::simulate::format_seconds(arrow.at_ms, 1)) }
                    </text>
                </g>
            }
        });
    html! {
        // Focusable: on a narrow screen the diagram scrolls sideways.
        <figure class="diagram" tabindex="0" aria-label={tr(lang, "Sequence diagram (scrolls sideways on narrow screens)", "Diagrama de sequência (rola para o lado em telas estreitas)")}>
            <svg id="sequence-diagram" viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
                 role="img" aria-label={tr(lang, "Sequence diagram of the simulated exchange", "Diagrama de sequência da troca simulada")}>
                <defs>
                    <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" />
                    </marker>
                </defs>
                { for heads }
                { for drawn }
            </svg>
        </figure>
    }
}

fn lifeline_label(lifeline: Lifeline, timeline: &Timeline, lang: Lang) -> String {
    match lifeline {
        Lifeline::Bot => tr(lang, "Your bot", "Seu bot").to_owned(),
        Lifeline::Graph => "Microsoft Graph".to_owned(),
        Lifeline::GroupCall => tr(lang, "Group call", "Chamada de grupo").to_owned(),
        Lifeline::Invitee(index) => timeline.invitees.get(index).cloned().unwrap_or_default(),
        Lifeline::ReplacedCall => tr(lang, "Replaced call", "Chamada substituída").to_owned(),
    }
}

/// Both lists come in time order; the diagram wants one.
fn merge_by_time(first: impl Iterator<Item = Arrow>, second: impl Iterator<Item = Arrow>) -> Vec<Arrow> {
    let (mut first, mut second) = (first.peekable(), second.peekable());
    let mut out = Vec::new();
    loop {
        let take_first = match (first.peek(), second.peek()) {
            (Some(a), Some(b)) => a.at_ms <= b.at_ms,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return out,
        };
        out.extend(if take_first { first.next() } else { second.next() });
    }
}
