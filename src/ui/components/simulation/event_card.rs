//! One HTTP message as a card: direction, status line, headers, pretty JSON, notes
//! (doc defects, fixes, assumptions) and a copy button.

use yew::prelude::*;

use crate::app::state::{preview_start, Shared};
use crate::app::worker::RunPart;
use crate::engine::diagnostic::lang::{tr, wire_label, Lang, Text};
use crate::engine::http::CappedStrings;
use crate::engine::simulate::{reason_phrase, Actor, Event, EventKind, NoteKind, Subject, Timeline};
use crate::engine::snippet::SnippetLang;
use crate::engine::source::floor_char_boundary;
use crate::ui::browser;
use crate::ui::components::prose;
use crate::ui::store::{use_dispatch, use_lang, Action, Wanted};

/// Event `index` of `timeline`: the card borrows it, so a clock tick (which gives the
/// same timeline) neither clones a body nor re-renders the card.
#[derive(Properties, PartialEq)]
pub struct EventCardProps {
    pub index: usize,
    pub timeline: Shared<Timeline>,
    /// The Received panel is on the page to explain this message in (an embed may
    /// leave it out, and a button that fills a hidden panel does nothing one can see).
    #[prop_or(true)]
    pub explainable: bool,
}

/// A short title: `POST invite`, `200 OK`, `operation completed`, `roster updated`…
pub fn event_title(event: &Event, lang: Lang) -> String {
    match (event.kind, event.subject, event.status) {
        (EventKind::Request, _, _) => {
            format!("{} invite", event.method.as_deref().unwrap_or("POST"))
        }
        (EventKind::Response, _, Some(status)) => format!("{status} {}", reason_phrase(status)),
        (EventKind::Notification, Some(Subject::Operation), _) => {
            format!(
                "{} {}",
                tr(lang, "operation", "operação"),
                wire_label(lang, event.resource_field("status").unwrap_or("?"))
            )
        }
        (EventKind::Notification, Some(Subject::Roster), _) => {
            tr(lang, "roster updated", "lista atualizada").to_owned()
        }
        (EventKind::Notification, Some(Subject::ReplacedCall), _) => {
            format!(
                "{} {}",
                tr(lang, "replaced call", "chamada substituída"),
                wire_label(lang, event.resource_field("state").unwrap_or("?"))
            )
        }
        _ => String::new(),
    }
}

/// What an event means and what the bot should do about it (the card's one line, the
/// tour's two).
pub fn event_guide(event: &Event, lang: Lang) -> (&'static str, &'static str) {
    match event.step() {
        Some(step) => step.guide(lang),
        None => crate::engine::explain::request_guide(lang),
    }
}

fn actor(actor: Actor, lang: Lang) -> &'static str {
    match actor {
        Actor::Bot => tr(lang, "bot", "bot"),
        Actor::Graph => "Microsoft Graph",
    }
}

/// How much of a body a card shows: browsers take seconds to lay out megabytes of text,
/// and colouring 64 KiB of error-heavy JSON took a Run's one task 80-140 ms (measured),
/// so as much as the editor's preview. The copy button and the timeline download still
/// carry all of it.
const BODY_LIMIT: usize = crate::app::state::PREVIEW;

/// The start of `event`'s body a card shows: all of it up to `BODY_LIMIT`, else its
/// start as the editor previews a large request (each long line cut too: a 16 KiB
/// minified line of coloured tokens took a Run's task 90 ms to lay out); and whether
/// it was cut.
fn shown_body(event: &Event) -> (String, bool) {
    let (start, cut) = body_start(event, BODY_LIMIT);
    if cut {
        (preview_start(&start).0, true)
    } else {
        (start, false)
    }
}

/// How much of a cut body is coloured (the rest is plain text): the first screenfuls.
const COLOURED_BYTES: usize = 4 * 1024;

/// The body as `Message::display_body` gives it, but at most its first `limit` bytes
/// (cut on a character), and whether it was cut. Pretty-printing a multi-megabyte
/// notification whole to show 16 KiB of it was most of a large run's time on the page.
/// (Here, not in the engine: it needs a `std::io::Write`, which the engine never names.)
fn body_start(event: &Event, limit: usize) -> (String, bool) {
    if let Some(text) = &event.body_text {
        let end = floor_char_boundary(text, limit);
        return (text[..end].to_owned(), end < text.len());
    }
    if event.body.is_null() {
        return (String::new(), false);
    }
    let mut out = Bounded {
        bytes: Vec::new(),
        limit,
    };
    // Stops with an error once `limit` bytes are written: the rest is never printed.
    let capped = CappedStrings {
        value: &event.body,
        limit,
    };
    let cut = serde_json::to_writer_pretty(&mut out, &capped).is_err();
    let text = match String::from_utf8(out.bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let mut bytes = error.into_bytes();
            bytes.truncate(valid);
            String::from_utf8(bytes).unwrap_or_default()
        }
    };
    (text, cut)
}

/// A writer that takes `limit` bytes, then refuses.
struct Bounded {
    bytes: Vec<u8>,
    limit: usize,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let room = self.limit - self.bytes.len();
        if room == 0 {
            return Err(std::io::ErrorKind::WriteZero.into());
        }
        let taken = buf.len().min(room);
        self.bytes.extend_from_slice(&buf[..taken]);
        Ok(taken)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[function_component(EventCard)]
pub fn event_card(props: &EventCardProps) -> Html {
    let (lang, dispatch) = (use_lang(), use_dispatch());
    let Some(event) = props.timeline.events.get(props.index) else {
        return html! {};
    };
    let (body, cut) = shown_body(event);
    let start_line = event.start_line();
    let on_copy = {
        let (timeline, index, dispatch) = (props.timeline.clone(), props.index, dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            if timeline.abridged {
                // The page holds only the start of this run's bodies: the worker copies.
                dispatch.dispatch(Action::Want(Some(Wanted::Copy(index))));
                return;
            }
            // Rendered on demand: a card does not keep a second copy of a large body.
            let message = RunPart::Message(index).text(&timeline);
            browser::copy(&message, Text::same("HTTP"), &dispatch);
        })
    };
    let on_explain = {
        let (dispatch, index) = (dispatch.clone(), props.index);
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::ExplainEvent(index));
            // The explanation is in the Received panel, a screen or more away (under the
            // run on a phone, beside the request above it on a desktop): go there.
            browser::focus_panel("received");
        })
    };
    let kind_class = match event.kind {
        EventKind::Request => "request",
        EventKind::Response if event.status.is_some_and(|s| s >= 400) => "response error",
        EventKind::Response => "response",
        EventKind::Notification => "notification",
    };
    html! {
        <li class={classes!("event-card", kind_class)} data-kind={kind_class} data-title={event_title(event, Lang::En)}>
            <div class="event-head">
                <span class="at">{ format!("+{}", crate::engine::simulate::format_seconds(event.at_ms, 3)) }</span>
                <span class="direction">{ format!("{} → {}", actor(event.from, lang), actor(event.to, lang)) }</span>
                <strong class="title">{ event_title(event, lang) }</strong>
                // One group, so that a long title wraps both buttons together.
                <span class="event-actions">
                    if event.kind != EventKind::Request && props.explainable {
                        <button type="button" class="button small explain-event" onclick={on_explain}
                                aria-label={format!("{} ({} {})", tr(lang, "Explain this", "Explicar"), tr(lang, "message", "mensagem"), props.index + 1)}>{ tr(lang, "Explain this", "Explicar") }</button>
                    }
                    <button type="button" class="button small" onclick={on_copy}
                            aria-label={format!("{} {}", tr(lang, "Copy message", "Copiar mensagem"), props.index + 1)}>{ tr(lang, "Copy", "Copiar") }</button>
                </span>
            </div>
            <p class="meaning">{ prose(event_guide(event, lang).0) }</p>
            <pre class="start-line">{ start_line }</pre>
            if !event.headers.is_empty() {
                <table class="headers">
                    <tbody>
                        { for event.headers.iter().map(|(name, value)| html! { <tr><th scope="row">{ name }</th><td>{ value }</td></tr> }) }
                    </tbody>
                </table>
            }
            if !body.trim().is_empty() {
                // Focusable: a long body scrolls, and keyboard users must reach it.
                <pre class="json-body" tabindex="0">{ crate::ui::components::coloured_start(&body, SnippetLang::Json, if cut { COLOURED_BYTES } else { usize::MAX }) }</pre>
                if cut {
                    <p class="hint">{ tr(lang, "Only the start of this body is shown: copy the message or download the timeline to see all of it.", "Só o início deste corpo é mostrado: copie a mensagem ou baixe a linha do tempo para ver tudo.") }</p>
                }
            }
            if !event.notes.is_empty() {
                <ul class="notes">
                    { for event.notes.iter().map(|note| {
                        let (class, tag) = match note.kind {
                            NoteKind::Defect => ("defect", tr(lang, "docs defect", "defeito da documentação")),
                            NoteKind::Fixed => ("fixed", tr(lang, "fixed", "corrigido")),
                            NoteKind::Assumed => ("assumed", tr(lang, "assumed", "presumido")),
                        };
                        html! {
                            <li class={classes!("note", class)} data-defect={note.defect}>
                                <span class="tag">{ tag }</span>
                                if let Some(id) = note.defect { <span class="defect-id">{ id }</span> }
                                if let Some(pointer) = &note.pointer { <code class="pointer">{ pointer.as_str() }</code> }
                                <span>{ prose(note.text(lang)) }</span>
                            </li>
                        }
                    }) }
                </ul>
            }
        </li>
    }
}
