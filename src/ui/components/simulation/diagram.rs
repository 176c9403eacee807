//! The sequence diagram: an SVG with one lifeline per party (bot, Microsoft Graph, the
//! group call, each invitee, the replaced call) and one arrow per message or signal,
//! drawn up to the simulated clock.
//!
//! Drawn at its natural size (never scaled down, so text stays 13 px). Each row is a
//! band with the message's label on top and its arrow below; lifelines are drawn as
//! segments through the arrow part of each row only, so a label never crosses a
//! lifeline or another label, whatever the number of parties. Where the screen is
//! narrower than the lifelines, the figure scrolls with a visible cue. The latest
//! message of a running timeline is marked `current`.

use yew::prelude::*;

use super::event_card::event_title;
use crate::app::state::Shared;
use crate::engine::diagnostic::lang::{tr, Lang};
use crate::engine::explain::Step;
use crate::engine::simulate::{Actor, Lifeline, Timeline};
use crate::engine::source::wrap_words;
use crate::ui::store::use_lang;

#[derive(Properties, PartialEq)]
pub struct SequenceDiagramProps {
    pub timeline: Shared<Timeline>,
    pub clock_ms: u64,
    /// A step to mark (the one the Received panel explains).
    pub highlight: Option<Step>,
    /// The clock is running: the latest arrow is marked as the current step.
    #[prop_or_default]
    pub running: bool,
}

/// A lifeline's width; its head box is `COLUMN - 6` wide.
const COLUMN: usize = 76;
/// One row: the label band, then the arrow.
const ROW: usize = 44;
/// Where the label band of a row ends (lifeline segments start below it).
const BAND: usize = 20;
const TOP: usize = 46;
/// Average width of a character at 13 px on the sans stack, with room (for placing and
/// cutting labels; the SVG cannot measure text before it is drawn).
const CHAR_PX: usize = 8;
/// Characters per head line in a head box.
const HEAD_LINE: usize = 9;

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
    let height = TOP + arrows.len() * ROW + 4;
    let heads = lifelines.iter().map(|lifeline| {
        let x = column(*lifeline);
        let label = lifeline_label(*lifeline, timeline, lang);
        // An invitee's id is digits and hex, wider than the average letter (at 13 px,
        // "7e1b434…" ran past its box): two characters less.
        let line_width = if matches!(lifeline, Lifeline::Invitee(_)) {
            HEAD_LINE - 2
        } else {
            HEAD_LINE
        };
        let lines = wrap_words(&label, line_width, 2);
        let first_y = if lines.len() == 1 { 26 } else { 19 };
        // The lifeline runs through each row's arrow part, never through a label band.
        let segments = std::iter::once((42, TOP))
            .chain((0..arrows.len()).map(|row| (TOP + row * ROW + BAND, TOP + (row + 1) * ROW)));
        html! {
            <g class="lifeline">
                <title>{ label.clone() }</title>
                <rect x={(x - COLUMN / 2 + 3).to_string()} y="4" width={(COLUMN - 6).to_string()} height="38" rx="4" />
                <text x={x.to_string()} y={first_y.to_string()} text-anchor="middle">
                    { for lines.iter().enumerate().map(|(i, line)| html! {
                        <tspan x={x.to_string()} dy={if i == 0 { "0" } else { "15" }}>{ line.clone() }</tspan>
                    }) }
                </text>
                { for segments.map(|(y1, y2)| html! {
                    <line x1={x.to_string()} y1={y1.to_string()} x2={x.to_string()} y2={y2.to_string()} />
                }) }
            </g>
        }
    });
    let visible: Vec<(usize, &Arrow)> = arrows
        .iter()
        .enumerate()
        .filter(|(_, arrow)| arrow.at_ms <= props.clock_ms)
        .collect();
    let latest = visible.last().map(|(row, _)| *row);
    let described: Vec<String> = visible
        .iter()
        .map(|(_, arrow)| {
            format!(
                "{} (+{})",
                arrow.label,
                crate::engine::simulate::format_seconds(arrow.at_ms, 1)
            )
        })
        .collect();
    let fits = (width - 8) / CHAR_PX;
    let drawn = visible.iter().zip(&described).map(|((row, arrow), text)| {
        let top = TOP + row * ROW;
        let y = top + BAND + (ROW - BAND) / 2;
        let (x1, x2) = (column(arrow.from), column(arrow.to));
        let path = if x1 == x2 {
            // A party talking to itself (the SDK timing out) loops back.
            format!("M{x1},{} h24 v10 h-20", y - 6)
        } else {
            format!("M{x1},{y} L{x2},{y}")
        };
        let label = crate::engine::source::ellipsize(text, fits.saturating_sub(1));
        // From the arrow's left end, moved left as far as it needs to stay inside.
        let label_px = label.chars().count() * CHAR_PX;
        let label_x = (x1.min(x2).saturating_sub(COLUMN / 2 - 4))
            .min(width.saturating_sub(label_px + 4))
            .max(4);
        let current = props.running && Some(*row) == latest;
        html! {
            <g class={classes!("arrow", arrow.class, current.then_some("current"))} data-label={arrow.label.clone()}>
                <title>{ text.clone() }</title>
                <text x={label_x.to_string()} y={(top + BAND - 5).to_string()}>{ label.into_owned() }</text>
                <path d={path} marker-end="url(#arrowhead)" />
            </g>
        }
    });
    html! {
        <>
        // Focusable: where the screen is narrower than the diagram, it scrolls sideways.
        <figure class="diagram" tabindex="0" aria-label={tr(lang, "Sequence diagram", "Diagrama de sequência")}>
            <svg id="sequence-diagram" viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
                 role="img" aria-label={format!("{}: {}", tr(lang, "Sequence diagram", "Diagrama de sequência"), described.join("; "))}>
                <defs>
                    <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" />
                    </marker>
                </defs>
                { for heads }
                { for drawn }
            </svg>
        </figure>
        // Shown by the stylesheet where the diagram is wider than the screen (phones).
        <p class="hint scroll-cue" aria-hidden="true">{ tr(lang, "The diagram scrolls sideways \u{2192}", "O diagrama rola para o lado \u{2192}") }</p>
        </>
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
