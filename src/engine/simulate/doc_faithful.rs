//! Doc-faithful mode: the docs' example JSON replayed byte for byte on the corrected
//! run's clock, each defect annotated with its register id where it occurs. Parts the
//! docs never show (failures, the replaced call ending) are generated and labelled.

use super::{corrected, Event, EventKind, Note, NoteKind, Settings, SignalKind, Subject, Timeline};
use crate::engine::call_context::{CallContext, DOC_CALLBACK_URL};
use crate::engine::scenarios::{self, DocMessage, Preset};
use crate::engine::validate::Checked;

pub(super) fn play(checked: &Checked, context: &CallContext, settings: Settings, preset: &Preset) -> Timeline {
    // The corrected run of the same example gives the clock, the outcome's shape and
    // whatever the docs do not show.
    // The preset's corrected request is valid by construction: no text to re-check, only
    // the simulated call's findings carry over from the user's check.
    let call_findings = checked
        .diagnostics
        .iter()
        .filter(|d| d.rule.is_call_context())
        .cloned()
        .collect();
    let corrected_checked = preset.corrected_checked(call_findings);
    let corrected_settings = Settings {
        mode: super::Mode::Corrected,
        ..settings
    };
    let mut timeline = corrected::play(&corrected_checked, context, corrected_settings, Some(preset));
    timeline.mode = settings.mode;

    let succeeded = !timeline.events.iter().any(|event| {
        event.status.is_some_and(|status| status >= 400) || event.resource_field("status") == Some("failed")
    });
    let mut replayed = Vec::with_capacity(timeline.events.len());
    for event in timeline.events {
        let doc = match (event.kind, event.subject, event.status) {
            (EventKind::Request, _, _) => Some(doc_request(preset, event.at_ms)),
            (EventKind::Response, _, Some(200)) => Some(doc_response(preset, event.at_ms)),
            (EventKind::Notification, Some(Subject::Operation), _) if succeeded => {
                Some(doc_notification(preset, DocMessage::OperationNotification, event.at_ms))
            }
            (EventKind::Notification, Some(Subject::Roster), _) => {
                Some(doc_notification(preset, DocMessage::RosterNotification, event.at_ms))
            }
            // The docs mention the replaced call's end in prose only.
            (EventKind::Notification, Some(Subject::ReplacedCall), _) => None,
            _ => Some(generated(event)),
        };
        replayed.extend(doc);
    }
    if let Some(roster) = replayed.iter_mut().find(|e| e.subject == Some(Subject::Roster)) {
        if timeline.replaced_call.is_some() {
            roster.notes.push(Note::assumed(
                "the docs say only in prose that the original peer-to-peer call is then terminated and deleted; corrected mode shows those notifications",
                "a documentação só diz em texto que a chamada ponto a ponto original é então encerrada e excluída; o modo corrigido mostra essas notificações",
            ));
        }
    }
    timeline.events = replayed;
    timeline
        .signals
        .retain(|signal| !matches!(signal.kind, SignalKind::LeaveReplacedCall | SignalKind::EndReplacedCall));
    timeline
}

fn notes(preset: &Preset, message: DocMessage) -> Vec<Note> {
    preset
        .defects_on(message)
        .map(|site| Note::defect(NoteKind::Defect, site.defect, Preset::defect_pointer(site)))
        .collect()
}

fn doc_request(preset: &Preset, at_ms: u64) -> Event {
    let message = scenarios::fixture_message(preset.fixture().request);
    Event::request(at_ms, message, notes(preset, DocMessage::Request))
}

fn doc_response(preset: &Preset, at_ms: u64) -> Event {
    let message = scenarios::fixture_message(preset.fixture().response);
    Event::response(at_ms, message, notes(preset, DocMessage::Response))
}

fn doc_notification(preset: &Preset, message: DocMessage, at_ms: u64) -> Event {
    let (text, subject) = match message {
        DocMessage::OperationNotification => (preset.fixture().operation, Subject::Operation),
        _ => (preset.fixture().roster, Subject::Roster),
    };
    let mut http = scenarios::fixture_message(text);
    http.method = Some("POST".into());
    http.url = Some(DOC_CALLBACK_URL.into());
    http.headers = vec![("Content-Type".into(), "application/json".into())];
    Event::notification(at_ms, http, subject, notes(preset, message))
}

fn generated(mut event: Event) -> Event {
    event.notes.retain(|note| note.kind != NoteKind::Fixed);
    event.notes.push(Note::assumed(
        "not in the docs: generated as corrected mode would send it",
        "não está na documentação: gerado como o modo corrigido o enviaria",
    ));
    event
}
