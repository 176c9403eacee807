//! What a received payload means: for each item, which step of the invite sequence it
//! is, what its status, `resultInfo` code and subcode or HTTP status say, and what the
//! bot should do next. The catalogue holds only facts from GRAPH-FACTS and ECOSYSTEM,
//! each entry naming its source; an unknown code says so and falls back to its class.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::engine::diagnostic::lang::{count, text as t, Lang, Text};
use crate::engine::diagnostic::message::quote;
use crate::engine::validate::json_ast::Value as Node;
use crate::engine::validate::{
    encoding_problem, is_utf16, operation_id, read_received, Received, ReceivedKind, ReceivedOptions,
};

/// Where an item sits in the invite sequence (GRAPH-FACTS §4-§5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// The invite's synchronous answer: the operation, running.
    ActionResponse,
    /// A GET on the operation, or an update that is not final.
    OperationUpdate,
    OperationCompleted,
    OperationFailed,
    RosterUpdated,
    /// The call a `replacesCallId` named, ending.
    ReplacedCall,
    /// A call's own state: the call the invite went to, or one in another state than
    /// ending (a bot's `established`).
    CallState,
    /// Graph's synchronous error envelope.
    ErrorResponse,
}

crate::vocabulary!(Step {
    ActionResponse => "action-response",
    OperationUpdate => "operation-update",
    OperationCompleted => "operation-completed",
    OperationFailed => "operation-failed",
    RosterUpdated => "roster-updated",
    ReplacedCall => "replaced-call",
    CallState => "call-state",
    ErrorResponse => "error-response",
});

impl Step {
    /// What a person calls this step.
    pub fn label(self, lang: Lang) -> &'static str {
        let (en, pt) = match self {
            Step::ActionResponse => (
                "the invite's response: operation running",
                "a resposta do invite: operação em andamento",
            ),
            Step::OperationUpdate => ("operation update", "atualização da operação"),
            Step::OperationCompleted => ("operation completed", "operação concluída"),
            Step::OperationFailed => ("operation failed", "operação falhou"),
            Step::RosterUpdated => ("roster updated", "lista atualizada"),
            Step::ReplacedCall => ("the replaced call ending", "o fim da chamada substituída"),
            Step::CallState => ("call state", "estado da chamada"),
            Step::ErrorResponse => ("error response", "resposta de erro"),
        };
        Text::new(en, pt).pick(lang)
    }

    /// One line on what this step means, and one on what the bot should do about it:
    /// what each event card and the guided tour say.
    pub fn guide(self, lang: Lang) -> (&'static str, &'static str) {
        let ((en, pt), (do_en, do_pt)) = match self {
            Step::ActionResponse => (
                ("Graph accepted the invite and started an operation: the body is the inviteParticipantsOperation, running, and `Location` is where to read it.",
                 "O Graph aceitou o convite e iniciou uma operação: o corpo é a inviteParticipantsOperation, em andamento, e `Location` diz onde lê-la."),
                ("Keep the operation id; a 200 is not a join: wait for the notifications.",
                 "Guarde o id da operação; um 200 não é uma entrada na chamada: espere as notificações."),
            ),
            Step::OperationUpdate => (
                ("The operation is still under way.", "A operação ainda está em andamento."),
                ("Nothing to do yet: keep waiting.", "Nada a fazer ainda: continue esperando."),
            ),
            Step::OperationCompleted => (
                ("The operation finished: the invitee accepted and joins the call.",
                 "A operação terminou: o convidado aceitou e entra na chamada."),
                ("Match it to your request by `clientContext` or the operation id, and mark the invite done.",
                 "Associe-a à sua solicitação pelo `clientContext` ou pelo id da operação e marque o convite como concluído."),
            ),
            Step::OperationFailed => (
                ("The operation failed: `resultInfo`'s code and subcode say why (declined, no answer, media…).",
                 "A operação falhou: o code e o subcode de `resultInfo` dizem por quê (recusa, sem resposta, mídia…)."),
                ("Tell the user why; retry only when the reason allows it (not after a decline).",
                 "Diga ao usuário por quê; tente de novo só quando o motivo permitir (não após uma recusa)."),
            ),
            Step::RosterUpdated => (
                ("The call's participant list changed: the invitee is in it now.",
                 "A lista de participantes da chamada mudou: o convidado agora está nela."),
                ("Update who is in the call from this list.", "Atualize quem está na chamada a partir desta lista."),
            ),
            Step::ReplacedCall => (
                ("The peer-to-peer call the invite replaces is ending: its participant moved to the group call.",
                 "A chamada ponto a ponto que o convite substitui está terminando: o participante foi para a chamada de grupo."),
                ("Release what you held for the old call id.", "Libere o que você mantinha para o id da chamada antiga."),
            ),
            Step::CallState => (
                ("The call's state changed: a call takes invites only while it is `established`.",
                 "O estado da chamada mudou: uma chamada só aceita convites enquanto está `established`."),
                ("Invite only into an `established` call; stop using a call id once it is `terminated`.",
                 "Convide só para uma chamada `established`; pare de usar o id de uma chamada `terminated`."),
            ),
            Step::ErrorResponse => (
                ("Graph refused the request: no operation runs and no notification follows.",
                 "O Graph recusou a solicitação: nenhuma operação roda e nenhuma notificação vem depois."),
                ("Fix what the error names (token, role, call, body); on 429 or 503 wait for `Retry-After`.",
                 "Corrija o que o erro aponta (token, função, chamada, corpo); em 429 ou 503 espere o `Retry-After`."),
            ),
        };
        (Text::new(en, pt).pick(lang), Text::new(do_en, do_pt).pick(lang))
    }
}

/// What the invite request itself means, for the card and the tour (it is no [`Step`]:
/// nothing was received yet).
pub fn request_guide(lang: Lang) -> (&'static str, &'static str) {
    (
        Text::new(
            "Your bot asks Graph to add the participants to the call; Graph checks the request before anything happens.",
            "Seu bot pede ao Graph para adicionar os participantes à chamada; o Graph verifica a solicitação antes de tudo.",
        )
        .pick(lang),
        Text::new(
            "Send it with an app token that has Calls.InitiateGroupCall.All, and a `clientContext` to match the notifications.",
            "Envie com um token de app com Calls.InitiateGroupCall.All e um `clientContext` para associar as notificações.",
        )
        .pick(lang),
    )
}

/// One explained item of a received payload.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub step: Step,
    pub status: Option<String>,
    pub code: Option<i64>,
    pub subcode: Option<i64>,
    pub meaning: Text<String>,
    pub next: Text<String>,
    /// Where the explanation comes from (GRAPH-FACTS or ECOSYSTEM section, or "assumed").
    pub source: &'static str,
}

/// How many notifications of one payload [`explain`] explains; the rest are counted in
/// [`Explained::unexplained`]. 150,000 notifications (32 MB) took 3.7 s and 748 MB, two
/// thirds of it the explanations (their text in both languages), printed as 43 MB.
pub const MAX_EXPLAINED: usize = 10_000;

/// A received payload, checked and explained.
#[derive(Clone, Debug, PartialEq)]
pub struct Explained {
    pub received: Received,
    pub items: Vec<Item>,
    /// Notifications past the first [`MAX_EXPLAINED`]: counted, not explained.
    pub unexplained: usize,
}

/// [`explain`] for raw bytes (the CLI's input): text that is not UTF-8 is named at its
/// first invalid byte, before what else is wrong; UTF-16 is named and not read further
/// (as UTF-8 it is its characters with NULs between them).
pub fn explain_bytes(bytes: &[u8], options: &ReceivedOptions) -> Explained {
    let problem = encoding_problem(bytes);
    let utf16 = problem.is_some() && is_utf16(bytes);
    let text = if utf16 {
        "".into()
    } else {
        String::from_utf8_lossy(bytes)
    };
    let mut explained = explain(&text, options);
    if let Some(mut problem) = problem {
        problem.rule.mark_received();
        let diagnostics = &mut explained.received.diagnostics;
        if utf16 {
            diagnostics.clear();
        }
        // The lossy text's own syntax errors are the bad byte again, as `check_bytes` says.
        diagnostics.retain(|d| d.code() != "json-syntax");
        diagnostics.insert(0, problem);
    }
    explained
}

/// Reads, checks and explains what the bot received. Items are read from the body's
/// positioned tree, never a `serde_json::Value` copy of it.
pub fn explain(text: &str, options: &ReceivedOptions) -> Explained {
    let (received, (items, unexplained)) = read_received(text, options, |received, body| match (received.kind, body) {
        (Some(ReceivedKind::Notifications), Some(body)) => {
            let Some(Node::Array(list)) = body.get("value") else {
                return (Vec::new(), 0);
            };
            let mut notifications = list.elements.iter();
            let items = notifications
                .by_ref()
                .take(MAX_EXPLAINED)
                .filter_map(|item| notification(item, options))
                .collect();
            // The rest are stepped over, not read.
            (items, notifications.count())
        }
        (Some(ReceivedKind::Operation), Some(body)) => (vec![operation(body, received.http_status, false)], 0),
        // The invite's `200 OK` without its body.
        (Some(ReceivedKind::Operation), None) => (vec![accepted(received)], 0),
        (Some(ReceivedKind::Error), body) => (vec![error(body, received)], 0),
        _ => (Vec::new(), 0),
    });
    Explained {
        received,
        items,
        unexplained,
    }
}

fn notification(item: Node<'_>, options: &ReceivedOptions) -> Option<Item> {
    let data = item.get("resourceData")?;
    if let Node::Array(roster) = data {
        let (mut listed, mut without_identity) = (0, 0);
        for participant in &roster.elements {
            listed += 1;
            let identity = participant.get("info").and_then(|info| info.get("identity"));
            let hidden = identity.as_ref().and_then(Node::as_object).is_none_or(|set| {
                set.properties
                    .iter()
                    .all(|prop| prop.name.value.starts_with('@') || matches!(prop.value, Node::NullKeyword(_)))
            });
            without_identity += usize::from(hidden);
        }
        let said = |lang| {
            count(
                lang,
                listed,
                ("participant as it is now", "participants as they are now"),
                ("participante como está agora", "participantes como estão agora"),
            )
        };
        let mut meaning = t(
            format!("the call's roster changed: {} (joined, muted, left…)", said(Lang::En)),
            format!("a lista da chamada mudou: {} (entrou, mudo, saiu…)", said(Lang::PtBr)),
        );
        if without_identity > 0 {
            meaning.en.push_str(&format!(
                "; {without_identity} without an identity (Graph hides some, e.g. recording bots)"
            ));
            meaning.pt.push_str(&format!(
                "; {without_identity} sem identidade (o Graph oculta alguns, p. ex. bots de gravação)"
            ));
        }
        return Some(Item {
            step: Step::RosterUpdated,
            status: None,
            code: None,
            subcode: None,
            meaning,
            next: t(
                "update your view of who is in the call; the roster may arrive before or after the operation, or not at all (comms-samples #599)",
                "atualize sua visão de quem está na chamada; a lista pode chegar antes ou depois da operação, ou nem chegar (comms-samples #599)",
            ),
            source: "GRAPH-FACTS §5",
        });
    }
    // Neither a roster nor a resource (a string, a number): its `type-mismatch` says so,
    // and there is no step of the sequence to name.
    data.as_object()?;
    let odata = data.get("@odata.type").and_then(Node::as_str).unwrap_or_default();
    if odata.ends_with(".call") || data.get("state").is_some() {
        let state = data.get("state").and_then(Node::as_str).unwrap_or("?");
        let (code, subcode) = result_codes(data.get("resultInfo"));
        let id = resource_call(item);
        // The call the invite went to, or a call not ending, is no replaced call.
        let invited_into = options.request.as_ref().and_then(|r| r.call_id.as_deref()) == Some(id);
        let ending = ["terminating", "terminated"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(state));
        let (call, quoted_state) = (quote(id), quote(state));
        if invited_into || !ending {
            return Some(call_state(&call, state, code, subcode, invited_into));
        }
        return Some(Item {
            step: Step::ReplacedCall,
            status: Some(state.to_owned()),
            code,
            subcode,
            meaning: t(
                format!("the call `{call}` is `{quoted_state}`: with `replacesCallId`, the peer-to-peer call ends once the invitee moved"),
                format!("a chamada `{call}` está `{quoted_state}`: com `replacesCallId`, a chamada ponto a ponto termina depois que o convidado muda"),
            ),
            next: t(
                "stop using that call id; `deleted` with `terminated` is its last notification",
                "pare de usar esse id de chamada; `deleted` com `terminated` é sua última notificação",
            ),
            source: "GRAPH-FACTS §5 (call-delete)",
        });
    }
    Some(operation(data, None, true))
}

/// A call's state, for the call the invite went to or a call that is not ending.
fn call_state(call: &str, state: &str, code: Option<i64>, subcode: Option<i64>, invited_into: bool) -> Item {
    let quoted_state = quote(state);
    let (which_en, which_pt) = if invited_into {
        (", which the invite went to,", ", para a qual o convite foi enviado,")
    } else {
        ("", "")
    };
    let lower = state.to_ascii_lowercase();
    let (next, source) = match lower.as_str() {
        "established" => (
            t(
                "it takes invites now; invite into it with this call id",
                "ela aceita convites agora; convide para ela com este id de chamada",
            ),
            "GRAPH-FACTS §1 (comms-samples #16)",
        ),
        "terminating" | "terminated" => (
            t(
                "it takes no more invites; stop using this call id (an invite to it is answered 404)",
                "ela não aceita mais convites; pare de usar este id de chamada (um convite para ela recebe 404)",
            ),
            "GRAPH-FACTS §5, §6.1",
        ),
        _ => (
            t(
                "wait for `established` before inviting into it",
                "espere `established` antes de convidar para ela",
            ),
            "GRAPH-FACTS §1 (comms-samples #16)",
        ),
    };
    Item {
        step: Step::CallState,
        status: Some(state.to_owned()),
        code,
        subcode,
        meaning: t(
            format!("the call `{call}`{which_en} is `{quoted_state}`"),
            format!("a chamada `{call}`{which_pt} está `{quoted_state}`"),
        ),
        next,
        source,
    }
}

/// The call id in a notification's `resourceUrl` (`/communications/calls/{id}/…`).
fn resource_call(item: Node<'_>) -> &str {
    item.get("resourceUrl")
        .and_then(Node::as_str)
        .and_then(|url| url.split('/').nth(3))
        .unwrap_or("?")
}

/// `resultInfo`'s code and subcode: numbers, or (as some samples send them) strings of
/// digits. A number that is no `i64` (a fraction, an exponent, too large) is no code, as
/// `serde_json::Value::as_i64` read it.
fn result_codes(result: Option<Node<'_>>) -> (Option<i64>, Option<i64>) {
    let number = |name: &str| match result?.get(name)? {
        Node::NumberLit(number) => number.value.parse().ok(),
        Node::StringLit(text) => text.value.parse().ok(),
        _ => None,
    };
    (number("code"), number("subcode"))
}

fn operation(body: Node<'_>, http_status: Option<u16>, in_notification: bool) -> Item {
    let status = body.get("status").and_then(Node::as_str).unwrap_or("?").to_owned();
    let (code, subcode) = result_codes(body.get("resultInfo"));
    let lower = status.to_ascii_lowercase();
    let (step, meaning, next, source) = match lower.as_str() {
        "running" | "notstarted" if !in_notification && http_status.is_none_or(|s| (200..300).contains(&s)) => (
            Step::ActionResponse,
            ringing(),
            wait_for_operation(),
            "GRAPH-FACTS §4",
        ),
        "completed" => (
            Step::OperationCompleted,
            t("the invite succeeded: the invitees joined the call", "o convite deu certo: os convidados entraram na chamada"),
            t(
                "stop waiting and polling; the operation is gone (`deleted`); the roster notification shows the participants",
                "pare de esperar e de consultar; a operação não existe mais (`deleted`); a notificação da lista mostra os participantes",
            ),
            "GRAPH-FACTS §2.4, §5",
        ),
        "failed" => {
            let (meaning, next, source) = failure(code, subcode);
            (Step::OperationFailed, meaning, next, source)
        }
        // Under a 4xx or 5xx (`http-status-unexpected` says so): not an invite Graph
        // accepted, so nothing to wait for.
        "running" | "notstarted" if !in_notification => {
            let code = http_status.unwrap_or_default();
            (
                Step::OperationUpdate,
                t(
                    format!("an operation that is `{}` under HTTP {code}: Graph answers an accepted invite with `200 OK` and a refused one with its `error` envelope, never this", quote(&status)),
                    format!("uma operação `{}` sob HTTP {code}: o Graph responde a um convite aceito com `200 OK` e a um recusado com seu envelope `error`, nunca assim", quote(&status)),
                ),
                t(
                    "do not wait for notifications on the strength of this answer: find what sent it (a proxy, a gateway, a test double) and look at Graph's own answer",
                    "não espere notificações com base nesta resposta: descubra o que a enviou (um proxy, um gateway, um dublê de teste) e veja a resposta do próprio Graph",
                ),
                "GRAPH-FACTS §1, §6.1",
            )
        }
        _ => (
            Step::OperationUpdate,
            t(format!("the operation is `{}`", quote(&status)), format!("a operação está `{}`", quote(&status))),
            t(
                "keep waiting for a notification with `completed` or `failed`",
                "continue esperando uma notificação com `completed` ou `failed`",
            ),
            "GRAPH-FACTS §2.4",
        ),
    };
    Item {
        step,
        status: Some(status),
        code,
        subcode,
        meaning,
        next,
        source,
    }
}

/// What the invite's `200 OK` means.
fn ringing() -> Text<String> {
    t(
        "Graph accepted the invite and is ringing the invitees; the operation runs",
        "o Graph aceitou o convite e está chamando os convidados; a operação está em andamento",
    )
}

/// What a bot does once Graph accepted the invite.
fn wait_for_operation() -> Text<String> {
    t(
        "wait for the operation notification on your callback URL (matched by `clientContext`); the C# SDK gives up after 30 s, while an unanswered invite fails after about 60 s",
        "espere a notificação da operação na sua URL de callback (associada pelo `clientContext`); o SDK C# desiste após 30 s, enquanto um convite não atendido falha após cerca de 60 s",
    )
}

/// The invite's `200 OK` pasted without its body: its `Location` names the operation.
fn accepted(received: &Received) -> Item {
    let meaning = match received.header("Location").and_then(operation_id) {
        Some(id) => {
            let id = quote(id);
            t(
                format!("Graph accepted the invite and is ringing the invitees; `Location` names the running operation, `{id}`"),
                format!("o Graph aceitou o convite e está chamando os convidados; `Location` indica a operação em andamento, `{id}`"),
            )
        }
        None => ringing(),
    };
    Item {
        step: Step::ActionResponse,
        status: None,
        code: None,
        subcode: None,
        meaning,
        next: wait_for_operation(),
        source: "GRAPH-FACTS §4",
    }
}

/// An asynchronous failure's `resultInfo` (GRAPH-FACTS §6.2), or its class.
fn failure(code: Option<i64>, subcode: Option<i64>) -> (Text<String>, Text<String>, &'static str) {
    match (code, subcode) {
        (Some(410), Some(301004)) => (
            t("the invitee's client had a media error (app-hosted media)", "o cliente do convidado teve um erro de mídia (mídia hospedada no app)"),
            t("check the media platform's setup and invite again", "verifique a configuração da plataforma de mídia e convide de novo"),
            "GRAPH-FACTS §6.2 (comms-samples #700)",
        ),
        (Some(412), Some(9999)) => (
            t(
                "the PSTN leg has no sponsor: no PSTN-enabled application instance stands behind the call",
                "a perna PSTN não tem patrocinador: nenhuma instância de aplicativo com PSTN está por trás da chamada",
            ),
            t(
                "create, license and number an application instance and use it as the call's source (docs: Example 4, steps 1-4)",
                "crie, licencie e atribua número a uma instância de aplicativo e use-a como origem da chamada (documentação: Exemplo 4, etapas 1-4)",
            ),
            "GRAPH-FACTS §6.2 (comms-samples #410)",
        ),
        (Some(408), Some(8544)) => (
            t("the invitee could not be reached (no answer)", "não foi possível alcançar o convidado (sem resposta)"),
            t("invite again later; after 30 s the C# SDK has already stopped waiting", "convide de novo mais tarde; após 30 s o SDK C# já parou de esperar"),
            "GRAPH-FACTS §6.2 (msteams-docs #9159)",
        ),
        // The simulator's `declined` outcome sends this; no source attests the code Graph
        // uses for a declined invite (GRAPH-FACTS §8), so it is SIP's own, assumed.
        (Some(603), _) => (
            t(
                "the invitee declined the call (603 is SIP's Decline; assumed: no source pins the code Graph sends for a declined invite)",
                "o convidado recusou a chamada (603 é o Decline do SIP; presumido: nenhuma fonte fixa o código que o Graph envia para um convite recusado)",
            ),
            t(
                "do not invite again at once: the person said no; tell the call's organiser or offer another time",
                "não convide de novo em seguida: a pessoa recusou; avise o organizador da chamada ou proponha outro horário",
            ),
            "assumed (SIP 603 Decline, RFC 3261 §21.6.2; GRAPH-FACTS §8)",
        ),
        (Some(500), Some(560500)) => (
            t("Graph had an internal error", "o Graph teve um erro interno"),
            t("retry with backoff", "tente de novo com espera crescente"),
            "GRAPH-FACTS §6.2 (MS Q&A 704763)",
        ),
        (Some(500), _) => (
            t(
                "the invite failed inside Graph; with `replacesCallId` this is how a failed replace ends",
                "o convite falhou dentro do Graph; com `replacesCallId` é assim que uma substituição com falha termina",
            ),
            t("retry with backoff; for a replace, check that the replaced call is still established", "tente de novo com espera; numa substituição, confira se a chamada substituída continua estabelecida"),
            "GRAPH-FACTS §6.2 (comms-samples #511, #119)",
        ),
        (Some(code), _) => {
            let class = match code {
                200..=299 => Text::new("a success", "um sucesso"),
                400..=499 => Text::new("a client-side error", "um erro do lado do cliente"),
                500..=599 => Text::new("a server-side error", "um erro do lado do servidor"),
                // resultInfo codes follow SIP's classes (408, 410, 487…), whose 6xx is a
                // global failure: the callee refuses everywhere.
                600..=699 => Text::new(
                    "a global failure (SIP's 6xx: the invitee refused everywhere; assumed)",
                    "uma falha global (6xx do SIP: o convidado recusou em todo lugar; presumido)",
                ),
                _ => Text::new("outside the documented classes", "fora das classes documentadas"),
            };
            (
                t(
                    format!("the invite failed with code {code}{}, which no source explains; by its class it is {}", subcode.map(|s| format!("/{s}")).unwrap_or_default(), class.en),
                    format!("o convite falhou com o código {code}{}, que nenhuma fonte explica; pela classe é {}", subcode.map(|s| format!("/{s}")).unwrap_or_default(), class.pt),
                ),
                t("read `resultInfo.message` (its DiagCode repeats code#subcode) and invite again if it is transient", "leia `resultInfo.message` (o DiagCode repete código#subcódigo) e convide de novo se for passageiro"),
                "GRAPH-FACTS §2.6",
            )
        }
        (None, _) => (
            t("the invite failed without a `resultInfo` code", "o convite falhou sem um código em `resultInfo`"),
            t("read the message, if any, and invite again", "leia a mensagem, se houver, e convide de novo"),
            "GRAPH-FACTS §2.4",
        ),
    }
}

/// How long to wait before sending again, from a `Retry-After` (seconds or an HTTP
/// date, RFC 9110 §10.2.3); without one, backoff.
fn wait(retry: Option<&str>) -> Text<String> {
    match retry.map(quote) {
        Some(seconds) if seconds.bytes().all(|b| b.is_ascii_digit()) => t(
            format!("wait the `Retry-After` {seconds} s before sending again"),
            format!("espere os {seconds} s de `Retry-After` antes de enviar de novo"),
        ),
        Some(date) => t(
            format!("wait until the `Retry-After` date, `{date}`, before sending again"),
            format!("espere até a data de `Retry-After`, `{date}`, antes de enviar de novo"),
        ),
        None => t(
            "this response has no `Retry-After`: wait with exponential backoff (a few seconds, doubling each time) before sending again",
            "esta resposta não tem `Retry-After`: espere com recuo exponencial (alguns segundos, dobrando a cada vez) antes de enviar de novo",
        ),
    }
}

/// Graph's refusal: from its status (and `Retry-After`) first, then its `error.code`;
/// a head pasted without its body is read from the status alone.
fn error(body: Option<Node<'_>>, received: &Received) -> Item {
    let code = body
        .and_then(|body| body.get("error"))
        .and_then(|error| error.get("code"))
        .and_then(Node::as_str)
        .unwrap_or("?")
        .to_owned();
    let status = received.http_status;
    let retry = received.header("Retry-After");
    let (meaning, next, source) = match (status, code.as_str()) {
        // A page from in front of Graph: its status is that machine's, not Graph's.
        (Some(status), _) if received.gateway_page => gateway(status, retry),
        (Some(404), _) | (_, "9997") => (
            t("the call is not known to Graph (ended, or never existed for this app)", "a chamada não é conhecida pelo Graph (terminou ou nunca existiu para este app)"),
            t("check the call id; a terminated call cannot take invites", "confira o id da chamada; uma chamada encerrada não aceita convites"),
            "GRAPH-FACTS §6.1 (comms-samples #81)",
        ),
        (Some(401), _) => (
            t("the token is missing, expired or not for Graph", "o token está ausente, expirado ou não é para o Graph"),
            t("get an application token for https://graph.microsoft.com and send it as `Authorization: Bearer`", "obtenha um token de aplicativo para https://graph.microsoft.com e envie como `Authorization: Bearer`"),
            "GRAPH-FACTS §6.1",
        ),
        (Some(403), _) => (
            t("the token is not allowed to invite: a delegated token, a missing `Calls.InitiateGroupCall.All`, no admin consent, or another tenant", "o token não pode convidar: token delegado, falta `Calls.InitiateGroupCall.All`, sem consentimento do administrador, ou outro locatário"),
            t("use an application token with the role admin-consented in the call's tenant", "use um token de aplicativo com a função consentida pelo administrador no locatário da chamada"),
            "GRAPH-FACTS §6.1",
        ),
        (Some(429), _) => (
            t("Graph is throttling this app", "o Graph está limitando este app"),
            wait(retry),
            "GRAPH-FACTS §6.1",
        ),
        (Some(400), _) => (
            t("Graph could not accept the request as sent (JSON, participants, types, limits)", "o Graph não aceitou a solicitação como enviada (JSON, participantes, tipos, limites)"),
            t("check the request in the editor: its diagnostics name the problem", "verifique a solicitação no editor: os diagnósticos apontam o problema"),
            "GRAPH-FACTS §6.1",
        ),
        (Some(status), _) if status >= 500 => (
            match body {
                Some(_) => t("Graph had a fault", "o Graph teve uma falha"),
                // No envelope: a gateway's fault reads the same.
                None => t("Graph, or a gateway in front of it, had a fault", "o Graph, ou um gateway na frente dele, teve uma falha"),
            },
            match retry {
                Some(_) => wait(retry),
                None => t("retry with backoff", "tente de novo com espera crescente"),
            },
            "GRAPH-FACTS §6.1",
        ),
        (Some(405), _) => (
            t("Graph takes the invite only as a `POST`", "o Graph só aceita o invite como `POST`"),
            t("send it with `POST`, as the docs' request line shows", "envie com `POST`, como mostra a linha de solicitação da documentação"),
            "GRAPH-FACTS §1, §6.1",
        ),
        (Some(409), _) => (
            t("the call is not in a state that takes invites (illustrative: the docs name no code for it)", "a chamada não está num estado que aceita convites (ilustrativo: a documentação não dá um código para isso)"),
            t("invite only into an `established` call: wait for its notification", "convide só para uma chamada `established`: espere a notificação dela"),
            "GRAPH-FACTS §6.1",
        ),
        (Some(status), _) if body.is_none() => (
            t(format!("Graph refused the request with HTTP {status}"), format!("o Graph recusou a solicitação com HTTP {status}")),
            t("its `error` body names the reason: find it in your HTTP client's log", "o corpo `error` diz o motivo: procure-o no log do seu cliente HTTP"),
            "GRAPH-FACTS §6.1",
        ),
        _ => (
            t(format!("Graph answered with the error code `{}`", quote(&code)), format!("o Graph respondeu com o código de erro `{}`", quote(&code))),
            t("read `error.message`; paste the whole HTTP response to see what its status means", "leia `error.message`; cole a resposta HTTP inteira para ver o que o status significa"),
            "GRAPH-FACTS §6.1",
        ),
    };
    Item {
        step: Step::ErrorResponse,
        status: status.map(|s| s.to_string()),
        code: None,
        subcode: None,
        meaning,
        next,
        source,
    }
}

/// What a proxy's, gateway's or load balancer's error page says (GRAPH-FACTS §6.1:
/// Graph's own errors are JSON): a fault or a limit on the way, to wait out or retry;
/// any other refusal is that machine's, which Graph may never have seen.
fn gateway(status: u16, retry: Option<&str>) -> (Text<String>, Text<String>, &'static str) {
    let source = "GRAPH-FACTS §6.1; assumed";
    match status {
        429 => (
            t("something in front of Graph (a proxy, a gateway) is limiting this app's requests", "algo na frente do Graph (um proxy, um gateway) está limitando as solicitações deste app"),
            wait(retry),
            source,
        ),
        500..=599 => (
            t(
                format!("something in front of Graph (a proxy, a gateway, a load balancer) answered HTTP {status}: it could not reach Graph or had a fault, so Graph may never have seen the invite"),
                format!("algo na frente do Graph (um proxy, um gateway, um balanceador de carga) respondeu HTTP {status}: não alcançou o Graph ou teve uma falha, então o Graph pode nunca ter visto o convite"),
            ),
            match retry {
                Some(_) => wait(retry),
                None => t("retry with backoff; before inviting again, check the call's roster notifications, since the invite may have reached Graph", "tente de novo com espera crescente; antes de convidar de novo, confira as notificações de participantes da chamada, já que o convite pode ter chegado ao Graph"),
            },
            source,
        ),
        _ => (
            t(
                format!("something in front of Graph (a proxy, a firewall) refused the request with HTTP {status}; Graph never answered it"),
                format!("algo na frente do Graph (um proxy, um firewall) recusou a solicitação com HTTP {status}; o Graph não a respondeu"),
            ),
            t(
                "check the way from your bot to graph.microsoft.com (proxy settings and credentials, firewall rules, TLS inspection): Graph's own refusals are JSON with an `error` envelope",
                "confira o caminho do seu bot até graph.microsoft.com (configuração e credenciais do proxy, regras de firewall, inspeção TLS): as recusas do próprio Graph são JSON com um envelope `error`",
            ),
            source,
        ),
    }
}

impl Item {
    /// The item as `explain --format json` prints it.
    pub fn report(&self, lang: Lang) -> Value {
        let mut out = serde_json::json!({
            "step": self.step,
            "meaning": self.meaning.get(lang),
            "next": self.next.get(lang),
            "source": self.source,
        });
        if let Some(status) = &self.status {
            out["status"] = Value::String(status.clone());
        }
        if let Some(code) = self.code {
            out["code"] = code.into();
        }
        if let Some(subcode) = self.subcode {
            out["subcode"] = subcode.into();
        }
        out
    }
}
