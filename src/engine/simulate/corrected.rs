//! Corrected mode: builds the messages the real service sends for a request, with every
//! applicable doc defect fixed and named in a note.

use std::borrow::Cow;

use serde_json::Value;

use super::clock::{date, Ids};
use super::outcome::{AsyncFailure, Outcome, SyncFailure};
use super::{Event, Lifeline, Note, NoteKind, Settings, Signal, SignalKind, Subject, Timeline};
use crate::engine::call_context::CallContext;
use crate::engine::diagnostic::{Lang, Rule, Severity};
use crate::engine::http::Message;
use crate::engine::model::ApiVersion;
use crate::engine::model::{
    odata, CallResource, CallState, ChangeType, CommsNotification, CommsNotifications, EndpointType, GraphError,
    GraphErrorEnvelope, IdentityKind, IdentitySet, InnerError, InvitationParticipantInfo, InviteBody,
    InviteParticipantsOperation, MediaDirection, MediaStream, Modality, Nullable, OperationStatus, Participant,
    ParticipantInfo, ResourceData, ResultInfo, Spelled,
};
use crate::engine::pointer::JsonPointer;
use crate::engine::scenarios::{DocMessage, Preset};
use crate::engine::source::ellipsize;
use crate::engine::validate::Checked;

/// The user agent Graph's notification deliveries carry (GRAPH-FACTS §5).
const NOTIFIER_USER_AGENT: &str = "Microsoft-Skype/3.0,(Calling/1.0)";

pub(super) fn play(checked: &Checked, context: &CallContext, settings: Settings, preset: Option<&Preset>) -> Timeline {
    if let Some(rejection) = rejection(checked).or_else(|| settings.outcome.sync_failure()) {
        return refused(checked, context, settings, rejection);
    }
    let mut play = Play::new(checked, context, settings);
    play.events.push(play.request_event());
    let Some(invite) = checked.invite() else {
        // Unreachable for a request without errors; answer as Graph would, not panic.
        play.reject(SyncFailure::bad_request(
            "the body could not be read as an invite".into(),
            false,
        ));
        return play.finish();
    };
    play.accept(&invite, preset);
    play.finish()
}

/// The request, then Graph's error answer to it.
pub(super) fn refused(
    checked: &Checked,
    context: &CallContext,
    settings: Settings,
    rejection: SyncFailure,
) -> Timeline {
    let mut play = Play::new(checked, context, settings);
    play.events.push(play.request_event());
    play.reject(rejection);
    play.finish()
}

/// The answer to a request with errors: the first error in the order a service checks
/// things (each rule's [`Rejection`](crate::engine::diagnostic::Rejection) rank).
pub(super) fn rejection(checked: &Checked) -> Option<SyncFailure> {
    let diagnostic = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .min_by_key(|d| d.rule.rejection().rank)?;
    if diagnostic.rule == Rule::BodyEmpty {
        return Some(SyncFailure::bad_request(
            "Empty Payload. JSON content expected.".into(),
            true,
        ));
    }
    // A terminated call is an unknown call to the service (GRAPH-FACTS §10, F4).
    if matches!(&diagnostic.rule, Rule::CallNotEstablished { state } if state == "terminated") {
        return Outcome::CallNotFound.sync_failure();
    }
    let rejection = diagnostic.rule.rejection();
    Some(SyncFailure {
        status: rejection.status,
        code: rejection.code.to_owned(),
        message: diagnostic.message(Lang::En),
        attested: false,
        retry_after: None,
    })
}

struct Play<'a> {
    checked: &'a Checked,
    context: &'a CallContext,
    settings: Settings,
    ids: Ids,
    version: ApiVersion,
    call_id: String,
    client_request_id: String,
    events: Vec<Event>,
    signals: Vec<Signal>,
    invitees: Vec<String>,
    replaced_call: Option<String>,
}

impl<'a> Play<'a> {
    fn new(checked: &'a Checked, context: &'a CallContext, settings: Settings) -> Self {
        let mut ids = Ids::new(settings.seed);
        let client_request_id = checked
            .request
            .headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("client-request-id"))
            .map(|(_, value)| value.clone())
            .unwrap_or_else(|| ids.guid());
        let call_id = checked
            .request
            .target
            .as_ref()
            .and_then(|target| target.call_id.clone())
            .unwrap_or_else(|| context.call_id.clone());
        Play {
            checked,
            context,
            settings,
            ids,
            version: checked.request.version,
            call_id,
            client_request_id,
            events: Vec::new(),
            signals: Vec::new(),
            invitees: Vec::new(),
            replaced_call: None,
        }
    }

    fn finish(self) -> Timeline {
        // Built in time order (each delay is added to the one before); tests hold it.
        debug_assert!(self.events.is_sorted_by_key(|event| event.at_ms));
        debug_assert!(self.signals.is_sorted_by_key(|signal| signal.at_ms));
        Timeline {
            outcome: self.settings.outcome,
            mode: self.settings.mode,
            events: self.events,
            signals: self.signals,
            invitees: self.invitees,
            replaced_call: self.replaced_call,
            call_id: self.call_id,
            abridged: false,
        }
    }

    fn request_event(&self) -> Event {
        request_event(self.checked, &self.call_id)
    }

    fn response_at(&mut self) -> u64 {
        150 + self.ids.below(80)
    }

    fn response_headers(&mut self) -> Vec<(String, String)> {
        vec![
            ("Content-Type".into(), "application/json".into()),
            ("request-id".into(), self.ids.guid()),
            ("client-request-id".into(), self.client_request_id.clone()),
        ]
    }

    fn reject(&mut self, rejection: SyncFailure) {
        let at_ms = self.response_at();
        let mut headers = self.response_headers();
        let request_id = headers
            .iter()
            .find(|(name, _)| name == "request-id")
            .map(|(_, id)| id.clone());
        if let Some(seconds) = rejection.retry_after {
            headers.push(("Retry-After".into(), seconds.to_string()));
        }
        let envelope = GraphErrorEnvelope {
            error: GraphError {
                code: rejection.code,
                message: rejection.message,
                inner_error: Some(InnerError {
                    date: date(at_ms),
                    request_id: request_id.unwrap_or_default(),
                    client_request_id: self.client_request_id.clone(),
                }),
            },
        };
        let mut notes = Vec::new();
        if !rejection.attested {
            notes.push(Note::assumed(
                "status and error code are assumed: the docs show no error response for invite",
                "status e código de erro presumidos: a documentação não mostra resposta de erro para invite",
            ));
        }
        let message = Message::response(rejection.status, headers, to_json(&envelope));
        self.events.push(Event::response(at_ms, message, notes));
    }

    fn accept(&mut self, invite: &InviteBody, preset: Option<&Preset>) {
        let replacing = invite.participants.iter().any(|p| p.replaces_call_id().is_some());
        // Borrowed, not copied: a participant can carry megabytes.
        let acted = if replacing {
            &invite.participants[..invite.participants.len().min(1)]
        } else {
            &invite.participants[..]
        };
        self.replaced_call = acted.first().and_then(|p| p.replaces_call_id()).map(str::to_owned);
        self.invitees = acted.iter().map(invitee_label).collect();
        let client_context = invite.client_context.value().cloned();
        let echo: Vec<InvitationParticipantInfo> = acted.iter().map(|p| self.echo(p)).collect();

        // 1. 200 OK, operation running.
        let response_at = self.response_at();
        let operation_id = self.ids.guid();
        let location = format!(
            "https://graph.microsoft.com/{}/communications/calls/{}/operations/{}",
            self.version, self.call_id, operation_id
        );
        let mut headers = self.response_headers();
        headers.insert(1, ("Location".into(), location));
        let running = InviteParticipantsOperation {
            odata_type: Some(odata::INVITE_OPERATION.into()),
            id: Some(operation_id.clone()),
            // The casing Graph shows in each context (GRAPH-FACTS §2.5, SPEC §3): `Running`
            // in the action's response, camelCase in notifications.
            status: Spelled {
                value: OperationStatus::Running,
                text: "Running".into(),
            },
            client_context: client_context.clone().into(),
            result_info: Nullable::Null,
            participants: echo,
            extra: Default::default(),
        };
        let mut notes = vec![
            Note::defect(NoteKind::Fixed, "A-18", None),
            Note::defect(NoteKind::Fixed, "A-13", Some(JsonPointer::root().key("participants"))),
        ];
        if acted.iter().any(retyped_as_communications) {
            notes.push(communications_note());
        }
        if replacing && invite.participants.len() > 1 {
            notes.push(Note::assumed(
                "only the first participant is echoed and invited: `replacesCallId` is set (docs: Example 3)",
                "só o primeiro participante é ecoado e convidado: `replacesCallId` está definido (documentação: Exemplo 3)",
            ));
        }
        let message = Message::response(200, headers, to_json(&running));
        self.events.push(Event::response(response_at, message, notes));
        for index in 0..acted.len() {
            self.signal(
                response_at + 80,
                Lifeline::Graph,
                Lifeline::Invitee(index),
                SignalKind::Ring,
            );
        }

        // 2. The operation ends; on success the roster and the replaced call follow.
        let operation_url = format!("/communications/calls/{}/operations/{}", self.call_id, operation_id);
        match self.async_failure(acted) {
            Some((failure, signal, cause_note)) => {
                let failed_at = response_at + failure.after_ms + self.ids.below(400);
                if self.settings.outcome == Outcome::NoAnswer {
                    self.signal(
                        response_at + 30_000,
                        Lifeline::Bot,
                        Lifeline::Bot,
                        SignalKind::SdkTimeout,
                    );
                }
                self.signal(failed_at - 100, Lifeline::Invitee(0), Lifeline::Graph, signal);
                let operation = InviteParticipantsOperation {
                    status: OperationStatus::Failed.into(),
                    result_info: Nullable::Value(ResultInfo {
                        odata_type: Some(odata::RESULT_INFO.into()),
                        code: failure.code,
                        subcode: failure.subcode,
                        message: Some(failure.message.clone()),
                    }),
                    ..running
                };
                let mut notes = vec![resource_note()];
                if !failure.attested {
                    notes.push(Note::assumed(
                        "the `resultInfo` code and message are assumed: no source pins them down for invite",
                        "o código e a mensagem de `resultInfo` são presumidos: nenhuma fonte os define para invite",
                    ));
                }
                notes.extend(cause_note);
                if self.settings.outcome == Outcome::PstnNoSponsor && !invites_a_phone(acted) {
                    notes.push(Note::assumed(
                        "this request invites no phone number, so there is no PSTN leg: the run plays `pstn-no-sponsor` as chosen",
                        "esta solicitação não convida nenhum número de telefone, então não há perna PSTN: a execução reproduz `pstn-no-sponsor` como escolhido",
                    ));
                }
                if self.settings.outcome == Outcome::ReplaceFailed && self.replaced_call.is_none() {
                    notes.push(Note::assumed(
                        "this request names no `replacesCallId`, so there is no call to replace: the run plays `replace-failed` as chosen, a failure inside Graph (500)",
                        "esta solicitação não traz `replacesCallId`, então não há chamada a substituir: a execução reproduz `replace-failed` como escolhido, uma falha dentro do Graph (500)",
                    ));
                }
                if self.replaced_call.is_some() {
                    notes.push(Note::assumed(
                        "the replaced call stays established: no notification ends it",
                        "a chamada substituída continua estabelecida: nenhuma notificação a encerra",
                    ));
                }
                let at_ms = failed_at;
                self.notify(
                    at_ms,
                    ChangeType::Deleted,
                    operation_url,
                    ResourceData::Operation(operation),
                    Subject::Operation,
                    notes,
                );
            }
            None => self.succeed(response_at, running, operation_url, acted, preset),
        }
    }

    fn succeed(
        &mut self,
        response_at: u64,
        running: InviteParticipantsOperation,
        operation_url: String,
        acted: &[InvitationParticipantInfo],
        preset: Option<&Preset>,
    ) {
        let joined_at = response_at + 2_200 + self.ids.below(600);
        for index in 0..acted.len() {
            self.signal(
                joined_at,
                Lifeline::Invitee(index),
                Lifeline::GroupCall,
                SignalKind::Join,
            );
        }
        let completed = InviteParticipantsOperation {
            status: OperationStatus::Completed.into(),
            ..running
        };
        let mut notes = vec![
            Note::defect(
                NoteKind::Fixed,
                "A-6",
                Some(pointer(&["value", "0", "resourceData", "id"])),
            ),
            resource_note(),
            Note::defect(
                NoteKind::Fixed,
                "A-21",
                Some(pointer(&["value", "0", "resourceData", "resultInfo"])),
            ),
        ];
        notes.extend(preset_fixes(preset, DocMessage::OperationNotification, &notes));
        self.notify(
            joined_at + 150,
            ChangeType::Deleted,
            operation_url,
            ResourceData::Operation(completed),
            Subject::Operation,
            notes,
        );

        let roster: Vec<Participant> = acted.iter().map(|p| self.roster_entry(p)).collect();
        let mut notes = vec![
            Note::defect(NoteKind::Fixed, "A-11", Some(pointer(&["value", "0", "resourceData", "0", "id"]))),
            Note::assumed(
                "the roster lists the participants that changed; newer services send `deltaParticipants` with a `sequenceNumber`",
                "a lista traz os participantes que mudaram; serviços mais novos enviam `deltaParticipants` com `sequenceNumber`",
            ),
        ];
        if acted.iter().any(retyped_as_communications) {
            notes.push(communications_note());
        }
        notes.extend(preset_fixes(preset, DocMessage::RosterNotification, &notes));
        let roster_url = format!("/communications/calls/{}/participants", self.call_id);
        self.notify(
            joined_at + 250,
            ChangeType::Updated,
            roster_url,
            ResourceData::Roster(roster),
            Subject::Roster,
            notes,
        );

        if let Some(replaced) = self.replaced_call.clone() {
            let url = format!("/communications/calls/{replaced}");
            let left_at = joined_at + 350;
            self.signal(
                left_at,
                Lifeline::Invitee(0),
                Lifeline::ReplacedCall,
                SignalKind::LeaveReplacedCall,
            );
            self.signal(
                left_at + 400,
                Lifeline::Graph,
                Lifeline::ReplacedCall,
                SignalKind::EndReplacedCall,
            );
            let call = |state: CallState, result_info| CallResource {
                odata_type: Some(odata::CALL.into()),
                id: Some(replaced.clone()),
                state: state.into(),
                result_info,
                extra: Default::default(),
            };
            let terminating = ResourceData::Call(call(CallState::Terminating, None));
            let note = Note::assumed(
                "the docs only say the original call is \"terminated and deleted\"; this follows call-delete's notifications",
                "a documentação só diz que a chamada original é \"encerrada e excluída\"; isto segue as notificações de call-delete",
            );
            let mut fixed = vec![note.clone()];
            fixed.extend(
                preset
                    .filter(|p| p.defects.iter().any(|s| s.defect == "A-3"))
                    .map(|_| Note::defect(NoteKind::Fixed, "A-3", None)),
            );
            self.notify(
                left_at + 50,
                ChangeType::Updated,
                url.clone(),
                terminating,
                Subject::ReplacedCall,
                fixed,
            );
            let result = ResultInfo {
                odata_type: Some(odata::RESULT_INFO.into()),
                code: 0,
                subcode: 0,
                message: Some("The call was replaced.".into()),
            };
            let terminated = ResourceData::Call(call(CallState::Terminated, Some(result)));
            self.notify(
                left_at + 450,
                ChangeType::Deleted,
                url,
                terminated,
                Subject::ReplacedCall,
                vec![note],
            );
        }
        // Page-level defects the corrected run also fixes are listed on the response.
        let response_notes: Vec<Note> = {
            let existing = &self
                .events
                .iter()
                .find(|e| e.status == Some(200))
                .map(|e| e.notes.clone())
                .unwrap_or_default();
            preset_fixes(preset, DocMessage::Response, existing)
                .into_iter()
                .chain(preset_fixes(preset, DocMessage::Request, existing))
                .collect()
        };
        if let Some(response) = self.events.iter_mut().find(|e| e.status == Some(200)) {
            response.notes.extend(response_notes);
        }
    }

    /// The failure this run ends in, if any: the chosen outcome, or what the call implies.
    fn async_failure(&self, acted: &[InvitationParticipantInfo]) -> Option<(AsyncFailure, SignalKind, Option<Note>)> {
        let mri = acted.first().map(skype_mri).unwrap_or_default();
        let outcome = self.settings.outcome;
        let signal = match outcome {
            Outcome::NoAnswer => SignalKind::NoAnswer,
            Outcome::Declined => SignalKind::Decline,
            Outcome::MediaError => SignalKind::MediaFailure,
            Outcome::PstnNoSponsor => SignalKind::DialOutRefused,
            _ => SignalKind::ReplaceFailure,
        };
        if let Some(failure) = outcome.async_failure(&mri) {
            return Some((failure, signal, None));
        }
        if invites_a_phone(acted) && !self.context.pstn_provisioned {
            let note = Note::assumed(
                "fails because the bot has no PSTN-enabled application instance (pstn-not-provisioned)",
                "falha porque o bot não tem instância de aplicativo com PSTN (pstn-not-provisioned)",
            );
            return Outcome::PstnNoSponsor
                .async_failure(&mri)
                .map(|f| (f, SignalKind::DialOutRefused, Some(note)));
        }
        let replaced_down = self
            .context
            .replaced_call
            .as_ref()
            .is_some_and(|call| call.state != CallState::Established);
        if self.replaced_call.is_some() && replaced_down {
            let note = Note::assumed(
                "fails because the replaced call is not established",
                "falha porque a chamada substituída não está estabelecida",
            );
            return Outcome::ReplaceFailed
                .async_failure(&mri)
                .map(|f| (f, SignalKind::ReplaceFailure, Some(note)));
        }
        None
    }

    /// The participant as the response echoes it: typed, with the tenant filled in.
    fn echo(&self, participant: &InvitationParticipantInfo) -> InvitationParticipantInfo {
        let mut echo = participant.clone();
        echo.odata_type
            .get_or_insert_with(|| odata::INVITATION_PARTICIPANT_INFO.into());
        // Today's schema: a set with phone, guest, … keys is a `communicationsIdentitySet`
        // (the SDKs read those keys on no other type); one typed so stays typed so.
        echo.identity.odata_type = Some(echo.identity.graph_type().into());
        for kind in IdentityKind::ALL
            .into_iter()
            .filter(|kind| *kind != IdentityKind::Phone)
        {
            if let Nullable::Value(identity) = echo.identity.slot_mut(kind) {
                if identity.tenant_id.value().is_none() {
                    identity.tenant_id = Nullable::Value(self.context.tenant_id.clone());
                }
            }
        }
        echo
    }

    fn roster_entry(&mut self, participant: &InvitationParticipantInfo) -> Participant {
        let mut echo = self.echo(participant);
        let mut identity = IdentitySet {
            odata_type: echo.identity.odata_type.clone(),
            ..Default::default()
        };
        // Moved out of the echo, not copied: a display name can be megabytes.
        let primary = echo.identity.primary().map(|(kind, _)| kind);
        if let Some(kind) = primary {
            if let Nullable::Value(mut found) = std::mem::take(echo.identity.slot_mut(kind)) {
                found.odata_type.get_or_insert_with(|| odata::IDENTITY.into());
                *identity.slot_mut(kind) = Nullable::Value(found);
            }
        }
        Participant {
            odata_type: Some(odata::PARTICIPANT.into()),
            info: ParticipantInfo {
                odata_type: Some(odata::PARTICIPANT_INFO.into()),
                identity,
                endpoint_type: Some(EndpointType::Default.into()),
                ..Default::default()
            },
            media_streams: vec![MediaStream {
                odata_type: Some(odata::MEDIA_STREAM.into()),
                media_type: Modality::Audio.into(),
                source_id: (1 + self.ids.below(9_999)).to_string(),
                direction: MediaDirection::SendReceive.into(),
                server_muted: false,
                label: None,
            }],
            is_muted: false,
            is_in_lobby: false,
            id: Some(self.ids.guid()),
            ..Default::default()
        }
    }

    fn signal(&mut self, at_ms: u64, from: Lifeline, to: Lifeline, kind: SignalKind) {
        self.signals.push(Signal { at_ms, from, to, kind });
    }

    fn notify(
        &mut self,
        at_ms: u64,
        change_type: ChangeType,
        resource_url: String,
        data: ResourceData,
        subject: Subject,
        notes: Vec<Note>,
    ) {
        let body = CommsNotifications {
            odata_type: Some(odata::NOTIFICATIONS.into()),
            value: vec![CommsNotification {
                odata_type: Some(odata::NOTIFICATION.into()),
                change_type: change_type.into(),
                // The same address under the legacy `/app` root, as Graph sends it.
                resource: Some(resource_url.replacen("/communications/", "/app/", 1)),
                resource_url,
                resource_data: data,
                extra: Default::default(),
            }],
        };
        let headers = vec![
            ("Content-Type".into(), "application/json".into()),
            (
                "Authorization".into(),
                "Bearer {JWT signed by Microsoft, aud = your bot's app id}".into(),
            ),
            ("User-Agent".into(), NOTIFIER_USER_AGENT.into()),
            ("Client-Request-Id".into(), self.ids.guid()),
        ];
        let message = Message::request("POST", self.context.callback_url.clone(), headers, to_json(&body));
        self.events.push(Event::notification(at_ms, message, subject, notes));
    }
}

/// The request as the bot sends it; a token is never repeated, only its first characters.
pub(super) fn request_event(checked: &Checked, call_id: &str) -> Event {
    Event::request(0, Message::from_checked(checked, call_id, true), Vec::new())
}

/// Doc "defects" that are what the service really does, so corrected mode keeps them:
/// A-12, the status casing differing between the response and the notifications; A-20,
/// the undeclared `resource` under `/app` that every notification carries in practice
/// (GRAPH-FACTS §2.8) and bots read.
pub const KEPT_AS_GRAPH_SENDS: &[&str] = &["A-12", "A-20"];

fn resource_note() -> Note {
    Note::assumed(
        "`resource` is not declared on `commsNotification` and uses the deprecated `/app` root, but Graph sends it on every notification, so it is kept (A-20); `resourceUrl` is the declared address",
        "`resource` não é declarado em `commsNotification` e usa a raiz preterida `/app`, mas o Graph o envia em toda notificação, então é mantido (A-20); `resourceUrl` é o endereço declarado",
    )
}

/// Notes for the preset's defects on `message` that corrected mode fixes, skipping ids
/// already noted.
fn preset_fixes(preset: Option<&Preset>, message: DocMessage, existing: &[Note]) -> Vec<Note> {
    let Some(preset) = preset else {
        return Vec::new();
    };
    preset
        .defects_on(message)
        .filter(|site| site.defect.starts_with("A-") && !KEPT_AS_GRAPH_SENDS.contains(&site.defect))
        .filter(|site| !existing.iter().any(|note| note.defect == Some(site.defect)))
        .map(|site| Note::defect(NoteKind::Fixed, site.defect, None))
        .collect()
}

/// The request's identity set carries keys only `communicationsIdentitySet` declares,
/// but was not typed so: Graph's answer types it (today's schema).
fn retyped_as_communications(participant: &InvitationParticipantInfo) -> bool {
    let identity = &participant.identity;
    identity.graph_type() == odata::COMMUNICATIONS_IDENTITY_SET
        && identity.odata_type.as_deref() != Some(odata::COMMUNICATIONS_IDENTITY_SET)
}

fn communications_note() -> Note {
    Note::assumed(
        "the identity set is sent as `communicationsIdentitySet`: today's schema declares `phone`, `guest`, `encrypted`, `onPremises`, `applicationInstance` and `azureCommunicationServicesUser` only there (the docs send them on `identitySet`; older services did too)",
        "o conjunto de identidades é enviado como `communicationsIdentitySet`: o esquema atual declara `phone`, `guest`, `encrypted`, `onPremises`, `applicationInstance` e `azureCommunicationServicesUser` só nele (a documentação os envia em `identitySet`; serviços antigos também)",
    )
}

fn pointer(segments: &[&str]) -> JsonPointer {
    segments
        .iter()
        .fold(JsonPointer::root(), |pointer, segment| pointer.key(segment))
}

/// How the media stack names a participant in failure messages (GRAPH-FACTS §6.2).
fn skype_mri(participant: &InvitationParticipantInfo) -> String {
    match participant.identity.primary() {
        Some((IdentityKind::Phone, identity)) => format!("4:{}", identity.id().unwrap_or_default()),
        Some((IdentityKind::User, identity)) => {
            format!("8:orgid:{}", identity.id().unwrap_or_default())
        }
        Some((kind, identity)) => format!("8:{}:{}", kind.key(), identity.id().unwrap_or_default()),
        None => "8:unknown".to_owned(),
    }
}

fn invitee_label(participant: &InvitationParticipantInfo) -> String {
    match participant.identity.primary() {
        Some((kind, identity)) => {
            let name = identity.display_name().or(identity.id()).unwrap_or("?");
            format!("{} {}", kind.key(), short(name))
        }
        None => "?".to_owned(),
    }
}

/// Diagram labels stay short: a long name shows its first eight characters.
fn short(text: &str) -> Cow<'_, str> {
    if text.chars().count() > 13 {
        ellipsize(text, 8)
    } else {
        Cow::Borrowed(text)
    }
}

fn to_json(value: &impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// Whether a phone number is among the participants acted on (a PSTN leg).
fn invites_a_phone(acted: &[InvitationParticipantInfo]) -> bool {
    acted.iter().any(|p| {
        p.identity
            .primary()
            .is_some_and(|(kind, _)| kind == IdentityKind::Phone)
    })
}
