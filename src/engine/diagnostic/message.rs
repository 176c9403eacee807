//! The words of every diagnostic, in each language.
//!
//! Messages follow one style in both languages: lowercase start, no trailing period, the
//! culprit quoted in backticks. Help names the documentation section it comes from.

use std::borrow::Cow;

use super::lang::{tr, Lang, Text};
use super::rule::{Correlated, Owner, PathProblem, PermissionProblem, Rule, Unrecognised};
use super::JsonKind;
use crate::engine::credential;
use crate::engine::model::ApiVersion;
use crate::engine::schema::PropertyType;
use crate::engine::source::{bidi_name, ellipsize};

/// Picks the text for `lang` from an English and a Portuguese version.
fn pick(lang: Lang, en: String, pt: String) -> String {
    Text::new(en, pt).into_lang(lang)
}

fn list(items: &[impl AsRef<str>]) -> String {
    items
        .iter()
        .map(|item| format!("`{}`", item.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "an object", "a string"… in `lang`.
fn kind_text(kind: JsonKind, lang: Lang) -> &'static str {
    match kind {
        JsonKind::Object => tr(lang, "an object", "um objeto"),
        JsonKind::Array => tr(lang, "an array", "uma lista"),
        JsonKind::String => tr(lang, "a string", "uma string"),
        JsonKind::Number => tr(lang, "a number", "um número"),
        JsonKind::Boolean => tr(lang, "a boolean", "um booleano"),
        JsonKind::Null => "null",
    }
}

/// What a property of type `ty` must hold, in `lang`.
fn expected_text(ty: PropertyType, lang: Lang) -> &'static str {
    match ty {
        PropertyType::NullableString => tr(lang, "a string or null", "uma string ou null"),
        PropertyType::NullableBoolean => tr(lang, "a boolean or null", "um booleano ou null"),
        PropertyType::Array => tr(lang, "an array", "uma lista"),
        PropertyType::Object => tr(lang, "an object", "um objeto"),
        PropertyType::NullableObject => tr(lang, "an object or null", "um objeto ou null"),
        PropertyType::Integer => tr(lang, "a whole number", "um número inteiro"),
        PropertyType::ObjectOrArray => tr(lang, "an object or an array", "um objeto ou uma lista"),
    }
}

/// Quoted culprits are cut at this many characters: a message quotes a value so that it
/// can be recognised, and a megabyte of it helps nobody.
const QUOTE_LIMIT: usize = 60;

/// `text` as a message quotes it, between the message's own backticks: cut at
/// [`QUOTE_LIMIT`] characters; empty text as the JSON literal `""`, since
/// "`endpointType` is ``" shows nothing to recognise. Text with backticks of its own
/// gets a longer fence, as a Markdown (CommonMark) code span does: "`` a`b ``", the
/// message's backtick being the fence's last one and the spaces keeping a backtick at
/// the text's edge off the fence; the app's `prose` reads it back as `a`b`.
pub fn quote(text: &str) -> Cow<'_, str> {
    if text.is_empty() {
        return Cow::Borrowed("\"\"");
    }
    let clipped = ellipsize(text, QUOTE_LIMIT);
    let longest = clipped.split(|c| c != '`').map(str::len).max().unwrap_or_default();
    if longest == 0 {
        return clipped;
    }
    let fence = "`".repeat(longest);
    Cow::Owned(format!("{fence} {clipped} {fence}"))
}

/// A piece of the engine's prose: plain text, or a code span (without its fence).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span<'t> {
    Text(&'t str),
    Code(&'t str),
}

/// `text` cut into its plain text and code spans, as CommonMark reads inline code: a
/// run of backticks opens a span that the next run of the same length closes; one space
/// is trimmed from each end of the span when both have one (what [`quote`] adds); a run
/// that nothing closes stays as it is. For the app, which shows the spans as code.
pub fn code_spans(text: &str) -> Vec<Span<'_>> {
    let mut spans = Vec::new();
    let (mut plain, mut at) = (0, 0);
    while let Some((open, run)) = backtick_run(text, at) {
        let inner = open + run;
        let mut close = inner;
        let closing = loop {
            match backtick_run(text, close) {
                Some((start, length)) if length == run => break Some(start),
                Some((start, length)) => close = start + length,
                None => break None,
            }
        };
        let Some(close) = closing else {
            at = inner;
            continue;
        };
        let code = &text[inner..close];
        let code = match code.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
            Some(trimmed) if !code.bytes().all(|b| b == b' ') => trimmed,
            _ => code,
        };
        if open > plain {
            spans.push(Span::Text(&text[plain..open]));
        }
        spans.push(Span::Code(code));
        at = close + run;
        plain = at;
    }
    if plain < text.len() {
        spans.push(Span::Text(&text[plain..]));
    }
    spans
}

/// The first run of backticks in `text` from `from`: where it starts and how long it is.
fn backtick_run(text: &str, from: usize) -> Option<(usize, usize)> {
    let start = from + text[from..].find('`')?;
    let length = text[start..].bytes().take_while(|&b| b == b'`').count();
    Some((start, length))
}

fn clip(text: &mut String) {
    // A quoted line may hold a token (`Authorization Bearer …` without its colon, headers
    // pasted without their status line): at most four characters of it are shown, here
    // and in Graph's simulated error that repeats the message.
    let masked = credential::masked(text);
    let quoted = quote(&masked);
    if quoted != text.as_str() {
        *text = quoted.into_owned();
    }
}

/// `rule` with every text it quotes from the input clipped to [`QUOTE_LIMIT`], its
/// credentials cut.
fn clipped(rule: &Rule) -> Rule {
    let mut rule = rule.clone();
    match &mut rule {
        Rule::JsonDuplicateKey { key: text, .. }
        | Rule::RequestLineInvalid { line: text }
        | Rule::HeaderMalformed { line: text }
        | Rule::MethodNotAllowed { method: text }
        | Rule::PathInvalid { path: text, .. }
        | Rule::PathPlaceholder { id: text }
        | Rule::HeaderContentType { found: Some(text) }
        | Rule::ContentLengthMismatch { declared: text, .. }
        | Rule::TypeMismatch { property: text, .. }
        | Rule::PhoneNotE164 { number: text }
        | Rule::GuidFormat { value: text, .. }
        | Rule::DuplicateParticipant { id: text, .. }
        | Rule::OdataTypeMismatch { found: text, .. }
        | Rule::EnumValueUnknown { value: text, .. }
        | Rule::UnknownProperty { property: text, .. }
        | Rule::PropertyNotInVersion { property: text, .. }
        | Rule::StatusCasing { found: text, .. }
        | Rule::CommunicationsKeyOnIdentitySet { key: text }
        | Rule::ResponseLineInvalid { line: text } => clip(text),
        Rule::CorrelationMismatch { found, expected, .. }
        | Rule::ChangeTypeUnexpected {
            found,
            status: expected,
        } => {
            clip(found);
            clip(expected);
        }
        _ => {}
    }
    rule
}

/// The one-sentence message of `rule` in `lang`.
pub fn rule_message(rule: &Rule, lang: Lang) -> String {
    match &clipped(rule) {
        Rule::JsonSyntax { detail, .. } => pick(
            lang,
            format!("the body is not valid JSON: {}", detail.en),
            format!("o corpo não é JSON válido: {}", detail.pt),
        ),
        Rule::JsonTooLarge { limit_mib, .. } => pick(
            lang,
            format!("the body is over {limit_mib} MiB, the most a check reads"),
            format!("o corpo passa de {limit_mib} MiB, o máximo que uma verificação lê"),
        ),
        Rule::JsonTooDeep { limit } => pick(
            lang,
            format!("the body nests deeper than {limit} levels"),
            format!("o corpo aninha mais de {limit} níveis"),
        ),
        Rule::JsonDuplicateKey { key, .. } => pick(
            lang,
            format!("the key `{key}` appears more than once in this object"),
            format!("a chave `{key}` aparece mais de uma vez neste objeto"),
        ),
        Rule::BidiControl { character } => {
            let code = format!("U+{:04X}", u32::from(*character));
            let name = bidi_name(*character).unwrap_or_default();
            pick(
                lang,
                format!("an invisible `{code}` ({name}) can change the order in which the text around it is shown"),
                format!("um `{code}` invisível ({name}) pode mudar a ordem em que o texto ao redor é mostrado"),
            )
        }
        Rule::BodyEmpty => pick(
            lang,
            "the request has no body; Graph answers \"Empty Payload. JSON content expected.\"".into(),
            "a solicitação não tem corpo; o Graph responde \"Empty Payload. JSON content expected.\"".into(),
        ),
        Rule::BodyNotObject {
            encoded_twice: true, ..
        } => pick(
            lang,
            "the body is a string that holds JSON, not a JSON object: it was encoded twice".into(),
            "o corpo é uma string que contém JSON, não um objeto JSON: ele foi codificado duas vezes".into(),
        ),
        Rule::BodyNotObject { found, .. } => pick(
            lang,
            format!("the body is {} but must be a JSON object", kind_text(*found, Lang::En)),
            format!("o corpo é {} mas precisa ser um objeto JSON", kind_text(*found, Lang::PtBr)),
        ),
        Rule::RequestLineInvalid { line } => pick(
            lang,
            format!("`{line}` is not a request line of the form `METHOD URL [HTTP/1.1]`"),
            format!("`{line}` não é uma linha de solicitação no formato `MÉTODO URL [HTTP/1.1]`"),
        ),
        Rule::HeaderMalformed { line } => pick(
            lang,
            format!("`{line}` is not a header of the form `Name: value`"),
            format!("`{line}` não é um cabeçalho no formato `Nome: valor`"),
        ),
        Rule::MethodNotAllowed { method } => pick(
            lang,
            format!("the method `{method}` is not allowed; `invite` only accepts `POST`"),
            format!("o método `{method}` não é permitido; `invite` só aceita `POST`"),
        ),
        Rule::PathInvalid { path, reason } => match reason {
            PathProblem::Shape => pick(
                lang,
                format!("`{path}` is not the invite path `/communications/calls/{{id}}/participants/invite`"),
                format!("`{path}` não é o caminho de convite `/communications/calls/{{id}}/participants/invite`"),
            ),
            PathProblem::UnknownVersion => pick(
                lang,
                format!("`{path}` names an API version other than `beta` or `v1.0`"),
                format!("`{path}` indica uma versão da API diferente de `beta` ou `v1.0`"),
            ),
            PathProblem::EmptyCallId => pick(
                lang,
                format!("`{path}` has an empty call id"),
                format!("`{path}` tem um id de chamada vazio"),
            ),
        },
        Rule::PathPlaceholder { id } => pick(
            lang,
            format!("the call id `{id}` is a placeholder, not a real call id"),
            format!("o id de chamada `{id}` é um espaço reservado, não um id real"),
        ),
        Rule::PathDeprecatedApp => pick(
            lang,
            "the `/app/calls` path is deprecated; it still works but `/communications/calls` replaces it".into(),
            "o caminho `/app/calls` foi preterido; ainda funciona, mas `/communications/calls` o substitui".into(),
        ),
        Rule::HeaderAuthorizationMissing { found } => match found {
            None => pick(
                lang,
                "the request has no `Authorization: Bearer` header".into(),
                "a solicitação não tem o cabeçalho `Authorization: Bearer`".into(),
            ),
            Some(value) => pick(
                lang,
                format!("the `Authorization` header `{value}` is not a `Bearer` token"),
                format!("o cabeçalho `Authorization` `{value}` não é um token `Bearer`"),
            ),
        },
        Rule::HeaderContentType { found } => match found {
            None => pick(
                lang,
                "the request has no `Content-Type: application/json` header".into(),
                "a solicitação não tem o cabeçalho `Content-Type: application/json`".into(),
            ),
            Some(value) => pick(
                lang,
                format!("the `Content-Type` is `{value}` but must be `application/json`"),
                format!("o `Content-Type` é `{value}` mas precisa ser `application/json`"),
            ),
        },
        Rule::ContentLengthMismatch { declared, actual } => pick(
            lang,
            format!("`Content-Length: {declared}` does not match the body, which is {actual} bytes long"),
            format!("`Content-Length: {declared}` não corresponde ao corpo, que tem {actual} bytes"),
        ),
        Rule::TypeMismatch { property, expected, found, .. } => pick(
            lang,
            format!(
                "`{property}` is {} but must be {}",
                kind_text(*found, Lang::En),
                expected_text(*expected, Lang::En)
            ),
            format!(
                "`{property}` é {} mas precisa ser {}",
                kind_text(*found, Lang::PtBr),
                expected_text(*expected, Lang::PtBr)
            ),
        ),
        Rule::ParticipantsMissing => pick(
            lang,
            "the body has no `participants`".into(),
            "o corpo não tem `participants`".into(),
        ),
        Rule::ParticipantsEmpty => pick(
            lang,
            "`participants` is empty; invite at least one participant".into(),
            "`participants` está vazio; convide pelo menos um participante".into(),
        ),
        Rule::ParticipantsTooMany { count } => pick(
            lang,
            format!("`participants` has {count} entries; the limit is 5"),
            format!("`participants` tem {count} entradas; o limite é 5"),
        ),
        Rule::IdentityMissing { index } => pick(
            lang,
            format!("participant {index} has no `identity`"),
            format!("o participante {index} não tem `identity`"),
        ),
        Rule::IdentityEmpty => pick(
            lang,
            "this `identity` sets no identity; set exactly one of `user`, `phone`, `application`, …".into(),
            "esta `identity` não define nenhuma identidade; defina exatamente uma entre `user`, `phone`, `application`, …".into(),
        ),
        Rule::IdentityMultiple { kinds } => pick(
            lang,
            format!("this `identity` sets {} identities ({}); Graph uses one", kinds.len(), list(kinds)),
            format!("esta `identity` define {} identidades ({}); o Graph usa uma", kinds.len(), list(kinds)),
        ),
        Rule::IdentityIdMissing { kind } => pick(
            lang,
            format!("the `{kind}` identity has no `id`"),
            format!("a identidade `{kind}` não tem `id`"),
        ),
        Rule::PhoneNotE164 { number } => pick(
            lang,
            format!("the phone number `{number}` is not in E.164 format"),
            format!("o número de telefone `{number}` não está no formato E.164"),
        ),
        Rule::GuidFormat { property, value } => pick(
            lang,
            format!("`{property}` is `{value}`, which is not a GUID"),
            format!("`{property}` é `{value}`, que não é um GUID"),
        ),
        Rule::DuplicateParticipant { kind, id, first_index } => pick(
            lang,
            format!("the `{kind}` `{id}` is already invited by participant {first_index}"),
            format!("o `{kind}` `{id}` já foi convidado pelo participante {first_index}"),
        ),
        Rule::ReplacesCallIdMultiple { count } => pick(
            lang,
            format!("`replacesCallId` is set and there are {count} participants; only the first is read"),
            format!("`replacesCallId` está definido e há {count} participantes; apenas o primeiro é lido"),
        ),
        Rule::ReplacesCallIdIgnored { index } => pick(
            lang,
            format!("the `replacesCallId` of participant {index} is ignored; only the first participant is read"),
            format!("o `replacesCallId` do participante {index} é ignorado; apenas o primeiro participante é lido"),
        ),
        Rule::BotInvitee { version } => match version {
            ApiVersion::Beta => pick(
                lang,
                "an `application` (a bot) is invited; in beta a bot may not invite another bot".into(),
                "um `application` (um bot) é convidado; na beta um bot não pode convidar outro bot".into(),
            ),
            ApiVersion::V1 => pick(
                lang,
                "an `application` (a bot) is invited; in v1.0 a call may hold at most one bot".into(),
                "um `application` (um bot) é convidado; na v1.0 uma chamada aceita no máximo um bot".into(),
            ),
        },
        Rule::ClientContextTooLong { length } => pick(
            lang,
            format!("`clientContext` is {length} characters long; the limit is 256"),
            format!("`clientContext` tem {length} caracteres; o limite é 256"),
        ),
        Rule::ClientContextMissing => pick(
            lang,
            "there is no `clientContext`, so notifications cannot be matched to this request".into(),
            "não há `clientContext`, então as notificações não podem ser associadas a esta solicitação".into(),
        ),
        Rule::OdataTypeMismatch { found, expected } => pick(
            lang,
            format!("`@odata.type` is `{found}` but here it must be {}", list(expected)),
            format!("`@odata.type` é `{found}` mas aqui precisa ser {}", list(expected)),
        ),
        Rule::EnumValueUnknown {
            property, value, allowed, ..
        } => pick(
            lang,
            format!("`{property}` is `{value}`, which is not one of {}", list(allowed)),
            format!("`{property}` é `{value}`, que não é um de {}", list(allowed)),
        ),
        Rule::PropertyNotInVersion { property, version } => pick(
            lang,
            format!("`{property}` is not defined in the {version} API; Graph ignores it there"),
            format!("`{property}` não existe na API {version}; o Graph o ignora"),
        ),
        Rule::UnknownProperty {
            property, suggestion, ..
        } => match suggestion {
            Some(known) => pick(
                lang,
                format!("`{property}` is not a known property; did you mean `{known}`?"),
                format!("`{property}` não é uma propriedade conhecida; você quis dizer `{known}`?"),
            ),
            None if matches!(rule, Rule::UnknownProperty { received: true, .. }) => pick(
                lang,
                format!("`{property}` is not a property the docs declare here"),
                format!("`{property}` não é uma propriedade que a documentação declara aqui"),
            ),
            None => pick(
                lang,
                format!("`{property}` is not a known property; Graph ignores it silently"),
                format!("`{property}` não é uma propriedade conhecida; o Graph a ignora em silêncio"),
            ),
        },
        Rule::CallNotEstablished { state } => pick(
            lang,
            format!("the call is `{state}`; participants can only be invited into an `established` call"),
            format!("a chamada está `{state}`; só é possível convidar para uma chamada `established`"),
        ),
        Rule::MultipleNeedsGroupCall { count } => pick(
            lang,
            format!("{count} participants are invited into a peer-to-peer call; inviting several needs a group call"),
            format!("{count} participantes são convidados para uma chamada ponto a ponto; convidar vários exige uma chamada de grupo"),
        ),
        Rule::ChatInfoRequired { count } => pick(
            lang,
            format!("{count} participants are invited into a group call that has no `chatInfo`"),
            format!("{count} participantes são convidados para uma chamada de grupo sem `chatInfo`"),
        ),
        Rule::PermissionMissing { problem } => match problem {
            PermissionProblem::DelegatedToken => pick(
                lang,
                "the token is delegated; `invite` only accepts application tokens".into(),
                "o token é delegado; `invite` só aceita tokens de aplicativo".into(),
            ),
            PermissionProblem::MissingRole => pick(
                lang,
                "the token lacks the application role `Calls.InitiateGroupCall.All`".into(),
                "o token não tem a função de aplicativo `Calls.InitiateGroupCall.All`".into(),
            ),
        },
        Rule::ReceivedKindUnknown {
            found: Unrecognised::BareNotifications,
        } => pick(
            lang,
            "this is a list of notifications without the `{\"value\": [ … ]}` Graph sends around it".into(),
            "isto é uma lista de notificações sem o `{\"value\": [ … ]}` que o Graph envia em volta dela".into(),
        ),
        Rule::ReceivedKindUnknown {
            found: Unrecognised::EncodedTwice,
        } => pick(
            lang,
            "this is a JSON string that holds the payload, not the payload itself: it was encoded twice".into(),
            "isto é uma string JSON que contém o payload, não o próprio payload: ele foi codificado duas vezes".into(),
        ),
        Rule::ReceivedKindUnknown {
            found: Unrecognised::ChangeNotifications,
        } => pick(
            lang,
            "this is a change notification from a Graph subscription (its `resource` is not a call): calls POST `commsNotification`s with `resourceUrl` and `resourceData`".into(),
            "isto é uma notificação de alteração de uma assinatura do Graph (o seu `resource` não é uma chamada): chamadas enviam `commsNotification`s com `resourceUrl` e `resourceData`".into(),
        ),
        Rule::ReceivedKindUnknown {
            found: Unrecognised::Nothing,
        } => pick(
            lang,
            "there is no body here to explain".into(),
            "não há corpo aqui para explicar".into(),
        ),
        Rule::ReceivedKindUnknown {
            found: Unrecognised::Other,
        } => pick(
            lang,
            "this is not a webhook notification, an `inviteParticipantsOperation` or a Graph error envelope".into(),
            "isto não é uma notificação de webhook, uma `inviteParticipantsOperation` nem um envelope de erro do Graph".into(),
        ),
        Rule::RequiredMissing { property } => pick(
            lang,
            format!("`{property}` is missing or null; Graph always sends it here with a value"),
            format!("`{property}` está ausente ou nulo; o Graph sempre o envia aqui com um valor"),
        ),
        Rule::ReceivedBodyMissing { status } if *status < 300 => pick(
            lang,
            format!("this `{status}` answer has no body; with it Graph sends the running `inviteParticipantsOperation`"),
            format!("esta resposta `{status}` não tem corpo; com ela o Graph envia a `inviteParticipantsOperation` em andamento"),
        ),
        Rule::ReceivedBodyMissing { status } => pick(
            lang,
            format!("this `{status}` answer has no body; with it Graph sends its `error` envelope (`code`, `message`, `innerError` with the `request-id`)"),
            format!("esta resposta `{status}` não tem corpo; com ela o Graph envia o seu envelope `error` (`code`, `message`, `innerError` com o `request-id`)"),
        ),
        Rule::ReceivedBodyNotJson { status, media } => {
            let (what_en, what_pt) = match media {
                Some(media) => {
                    let media = quote(media);
                    (format!("is `{media}`"), format!("é `{media}`"))
                }
                None => ("is HTML".to_owned(), "é HTML".to_owned()),
            };
            pick(
                lang,
                format!("the body of this `{status}` answer {what_en}, not JSON: Graph's errors are JSON, so something in front of Graph answered (a proxy, a gateway, a load balancer)"),
                format!("o corpo desta resposta `{status}` {what_pt}, não JSON: os erros do Graph são JSON, então algo na frente do Graph respondeu (um proxy, um gateway, um balanceador de carga)"),
            )
        }
        Rule::LocationMissing { .. } => pick(
            lang,
            "this answer has no `Location` header; Graph sends the operation's address there".into(),
            "esta resposta não tem o cabeçalho `Location`; o Graph envia ali o endereço da operação".into(),
        ),
        Rule::HttpStatusUnexpected {
            status,
            error_envelope: false,
        } => pick(
            lang,
            format!("the status is `{status}`, but the body is an operation; Graph sends an `inviteParticipantsOperation` with `200 OK`"),
            format!("o status é `{status}`, mas o corpo é uma operação; o Graph envia uma `inviteParticipantsOperation` com `200 OK`"),
        ),
        Rule::HttpStatusUnexpected {
            status,
            error_envelope: true,
        } => pick(
            lang,
            format!("the status is `{status}`, but the body is an `error` envelope; Graph sends one with a 4xx or 5xx status"),
            format!("o status é `{status}`, mas o corpo é um envelope `error`; o Graph o envia com um status 4xx ou 5xx"),
        ),
        Rule::NotificationsEmpty => pick(
            lang,
            "`value` holds no notification; Graph posts a batch only when something changed".into(),
            "`value` não traz nenhuma notificação; o Graph só envia um lote quando algo mudou".into(),
        ),
        Rule::ChangeTypeUnexpected { found, status } => pick(
            lang,
            format!("`changeType` is `{found}`, but the operation is `{status}`; Graph notifies a finished operation with `deleted`"),
            format!("`changeType` é `{found}`, mas a operação está `{status}`; o Graph notifica com `deleted` uma operação que terminou"),
        ),
        Rule::StatusCasing { property, found, expected } => pick(
            lang,
            format!("`{property}` is `{found}`; in this message Graph spells it `{expected}`"),
            format!("`{property}` é `{found}`; nesta mensagem o Graph escreve `{expected}`"),
        ),
        Rule::CommunicationsKeyOnIdentitySet { key } => pick(
            lang,
            format!("`{key}` is in an `identitySet`, which does not declare it; the SDKs read it only on `communicationsIdentitySet`"),
            format!("`{key}` está em um `identitySet`, que não o declara; os SDKs só o leem em `communicationsIdentitySet`"),
        ),
        Rule::ResponseLineInvalid { line } => pick(
            lang,
            format!("`{line}` is not a status line of the form `HTTP/1.1 200 OK`"),
            format!("`{line}` não é uma linha de status da forma `HTTP/1.1 200 OK`"),
        ),
        Rule::CorrelationMismatch { what, found, expected } => {
            let (en, pt) = match what {
                Correlated::ClientContext => ("`clientContext`", "`clientContext`"),
                Correlated::CallId => ("the call id", "o id da chamada"),
                Correlated::Invitee => ("the participant", "o participante"),
                Correlated::OperationId => ("the operation id", "o id da operação"),
            };
            pick(
                lang,
                format!("{en} is `{found}`, but the request has `{expected}`"),
                format!("{pt} é `{found}`, mas a solicitação tem `{expected}`"),
            )
        }
        Rule::PstnNotProvisioned => pick(
            lang,
            "a `phone` participant is invited but the bot has no PSTN-enabled application instance".into(),
            "um participante `phone` é convidado, mas o bot não tem instância de aplicativo com PSTN".into(),
        ),
    }
}

/// The header name a malformed header line starts with, if the line is a name, a blank
/// and a value with no colon anywhere (`Authorization Bearer …`, `Content-Type application/json`) rather than
/// a line of the body.
fn header_name_before_forgotten_colon(rule: &Rule) -> Option<&str> {
    let Rule::HeaderMalformed { line } = rule else {
        return None;
    };
    if line.contains(':') {
        return None;
    }
    let (name, value) = line.split_once([' ', '\t'])?;
    let is_name = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    (is_name && name.bytes().any(|b| b.is_ascii_alphabetic()) && !value.trim().is_empty()).then_some(name)
}

/// How to fix `rule`, in `lang`, with the documentation section it comes from.
pub fn rule_help(rule: &Rule, lang: Lang) -> Option<String> {
    // A header whose colon was forgotten is told so, before the other malformed lines.
    if let Some(name) = header_name_before_forgotten_colon(rule) {
        return Some(pick(
            lang,
            format!("a header needs a `:` after its name: write `{name}: …`"),
            format!("um cabeçalho precisa de `:` depois do nome: escreva `{name}: …`"),
        ));
    }
    let (en, pt): (&str, &str) = match rule {
        Rule::BidiControl { character } => {
            let escape = format!("\\u{:04x}", u32::from(*character));
            return Some(pick(
                lang,
                format!("what you read is not the order Graph reads (Trojan Source, CVE-2021-42574): delete it, or write the escape `{escape}` where a value needs it"),
                format!("o que se lê não é a ordem em que o Graph lê (Trojan Source, CVE-2021-42574): apague-o ou escreva o escape `{escape}` onde um valor precisar dele"),
            ));
        }
        Rule::JsonSyntax { received: true, .. } => (
            "Graph sends strict JSON (RFC 8259) in UTF-8; text that is not was cut or changed after it was sent, or copied in part: paste the whole body as your webhook or HTTP client got it",
            "o Graph envia JSON estrito (RFC 8259) em UTF-8; um texto que não é foi cortado ou alterado depois do envio, ou copiado em parte: cole o corpo inteiro como o seu webhook ou cliente HTTP o recebeu",
        ),
        Rule::JsonTooLarge { received: true, .. } => (
            "Graph's notifications and answers are far smaller; paste one notification or one answer at a time",
            "as notificações e respostas do Graph são bem menores; cole uma notificação ou uma resposta de cada vez",
        ),
        Rule::JsonDuplicateKey { received: true, .. } => (
            "Graph does not send a key twice in one object; which of the values a JSON reader keeps differs from reader to reader",
            "o Graph não envia uma chave duas vezes no mesmo objeto; qual dos valores um leitor de JSON mantém varia de leitor para leitor",
        ),
        Rule::JsonSyntax { .. } => (
            "Graph reads strict JSON (RFC 8259) in UTF-8: no comments, trailing commas, single quotes or NaN",
            "o Graph lê JSON estrito (RFC 8259) em UTF-8: sem comentários, vírgulas finais, aspas simples ou NaN",
        ),
        Rule::JsonTooLarge { .. } => (
            "an invite body is a few kilobytes (at most five participants); check the body you meant to send",
            "um corpo de convite tem poucos kilobytes (no máximo cinco participantes); verifique o corpo que pretendia enviar",
        ),
        Rule::JsonTooDeep { .. } => (
            "nothing Graph reads or sends nests this deep (an invite body has five levels at most); remove the extra nesting",
            "nada que o Graph lê ou envia tem tantos níveis (um corpo de convite tem no máximo cinco); remova o aninhamento extra",
        ),
        Rule::JsonDuplicateKey { .. } => (
            "which of the values Graph keeps is undefined; keep one",
            "qual dos valores o Graph mantém é indefinido; mantenha apenas um",
        ),
        Rule::BodyNotObject {
            encoded_twice: true, ..
        } => (
            "send the object itself: serialise the body once (a `JSON.stringify` or `json.dumps` of text that already is JSON makes it one string)",
            "envie o próprio objeto: serialize o corpo uma vez só (um `JSON.stringify` ou `json.dumps` de um texto que já é JSON o torna uma string)",
        ),
        Rule::BodyEmpty | Rule::BodyNotObject { .. } => (
            "send a JSON object with `participants` (docs: Request body)",
            "envie um objeto JSON com `participants` (documentação: Corpo da solicitação)",
        ),
        // A message with bare carriage returns (old Mac line endings) reads as one line.
        Rule::RequestLineInvalid { line } | Rule::ResponseLineInvalid { line } if line.contains('\r') => (
            "its lines end with a bare carriage return (CR), so it reads as one line: save it with LF or CRLF line endings",
            "as linhas terminam com um retorno de carro isolado (CR), então tudo é lido como uma linha: salve com quebras LF ou CRLF",
        ),
        Rule::RequestLineInvalid { .. } | Rule::MethodNotAllowed { .. } | Rule::PathInvalid { .. } => (
            "write `POST https://graph.microsoft.com/beta/communications/calls/{id}/participants/invite` (docs: HTTP request)",
            "escreva `POST https://graph.microsoft.com/beta/communications/calls/{id}/participants/invite` (documentação: Solicitação HTTP)",
        ),
        Rule::HeaderMalformed { line } if !line.contains(':') => (
            "a header line is `Name: value`; end the headers with a blank line before the JSON body",
            "uma linha de cabeçalho é `Nome: valor`; termine os cabeçalhos com uma linha em branco antes do corpo JSON",
        ),
        Rule::HeaderMalformed { .. } => (
            "a header name is one word of letters, digits and `-` (no spaces) before its `:`, as in `Content-Type: application/json`",
            "o nome de um cabeçalho é uma palavra de letras, dígitos e `-` (sem espaços) antes do `:`, como em `Content-Type: application/json`",
        ),
        Rule::PathPlaceholder { .. } => (
            "use the id of a call your bot created or answered (`POST /communications/calls`)",
            "use o id de uma chamada que seu bot criou ou atendeu (`POST /communications/calls`)",
        ),
        Rule::PathDeprecatedApp => (
            "replace `/app/calls` with `/communications/calls` (docs: HTTP request, note)",
            "troque `/app/calls` por `/communications/calls` (documentação: Solicitação HTTP, observação)",
        ),
        Rule::HeaderAuthorizationMissing { .. } => (
            "add `Authorization: Bearer {token}` with an application token (docs: Request headers)",
            "adicione `Authorization: Bearer {token}` com um token de aplicativo (documentação: Cabeçalhos de solicitação)",
        ),
        Rule::HeaderContentType { .. } => (
            "add `Content-Type: application/json` (docs: Request headers)",
            "adicione `Content-Type: application/json` (documentação: Cabeçalhos de solicitação)",
        ),
        Rule::ContentLengthMismatch { declared, .. } if declared.trim() == "464" => (
            "drop the header and let your HTTP client compute it; the docs' `464` matches none of their bodies (defect A-15)",
            "remova o cabeçalho e deixe o cliente HTTP calculá-lo; o `464` da documentação não corresponde a nenhum corpo (defeito A-15)",
        ),
        Rule::ContentLengthMismatch { .. } => (
            "drop the header and let your HTTP client compute it from the bytes it sends",
            "remova o cabeçalho e deixe o cliente HTTP calculá-lo a partir dos bytes que envia",
        ),
        Rule::TypeMismatch {
            owner: Owner::Received(owner),
            property,
            ..
        } => {
            return Some(pick(
                lang,
                format!("Graph sends `{property}` with the type {owner} declares; a payload with another did not come from Graph as sent, or was changed on the way (docs: {owner})"),
                format!("o Graph envia `{property}` com o tipo que {owner} declara; um payload com outro não veio do Graph como enviado, ou foi alterado no caminho (documentação: {owner})"),
            ));
        }
        Rule::TypeMismatch {
            owner: Owner::Request(owner),
            ..
        } => {
            return Some(pick(
                lang,
                format!("see the property's type in {owner} (docs: {owner})"),
                format!("veja o tipo da propriedade em {owner} (documentação: {owner})"),
            ));
        }
        Rule::TypeMismatch { owner: Owner::Body, .. } => (
            "see the invite's parameters and their types (docs: Request body)",
            "veja os parâmetros do convite e seus tipos (documentação: Corpo da solicitação)",
        ),
        Rule::ParticipantsMissing | Rule::ParticipantsEmpty => (
            "add `\"participants\": [{\"identity\": {\"user\": {\"id\": \"…\"}}}]` (docs: Request body)",
            "adicione `\"participants\": [{\"identity\": {\"user\": {\"id\": \"…\"}}}]` (documentação: Corpo da solicitação)",
        ),
        Rule::ParticipantsTooMany { .. } => (
            "split the invite into requests of at most 5 participants (docs: Example 2, note)",
            "divida o convite em solicitações de no máximo 5 participantes (documentação: Exemplo 2, observação)",
        ),
        Rule::IdentityMissing { .. } | Rule::IdentityEmpty => (
            "give the participant an identity set with one identity, e.g. `\"identity\": {\"user\": {\"id\": \"…\"}}`",
            "dê ao participante um conjunto de identidades com uma identidade, p. ex. `\"identity\": {\"user\": {\"id\": \"…\"}}`",
        ),
        Rule::IdentityMultiple { .. } => (
            "keep one identity kind per participant; invite each person as a separate participant",
            "mantenha um tipo de identidade por participante; convide cada pessoa como um participante separado",
        ),
        Rule::IdentityIdMissing { .. } => (
            "set `id`: the Azure AD object id for `user`/`application`, the E.164 number for `phone`",
            "defina `id`: o id de objeto do Azure AD para `user`/`application`, o número E.164 para `phone`",
        ),
        Rule::PhoneNotE164 { .. } => (
            "write `+`, the country code and the number, digits only, e.g. `+12345678901` (docs: Example 4)",
            "escreva `+`, o código do país e o número, só dígitos, p. ex. `+12345678901` (documentação: Exemplo 4)",
        ),
        Rule::GuidFormat { .. } => (
            "Azure AD object ids, tenant ids and call ids are GUIDs such as `278405a3-f568-4b3e-b684-009193463064`",
            "ids de objeto do Azure AD, ids de locatário e ids de chamada são GUIDs como `278405a3-f568-4b3e-b684-009193463064`",
        ),
        Rule::DuplicateParticipant { .. } => (
            "the same identity cannot be invited twice; remove one (docs: call resource)",
            "a mesma identidade não pode ser convidada duas vezes; remova uma (documentação: recurso call)",
        ),
        Rule::ReplacesCallIdMultiple { .. } | Rule::ReplacesCallIdIgnored { .. } => (
            "send one participant per request when replacing a call (docs: Example 3, note)",
            "envie um participante por solicitação ao substituir uma chamada (documentação: Exemplo 3, observação)",
        ),
        Rule::BotInvitee { .. } => (
            "invite people, phones or application instances; bots join calls themselves (docs: notes)",
            "convide pessoas, telefones ou instâncias de aplicativo; bots entram nas chamadas sozinhos (documentação: observações)",
        ),
        Rule::ClientContextTooLong { .. } => (
            "shorten it; a GUID (36 characters) is the usual choice (docs: Request body)",
            "encurte-o; um GUID (36 caracteres) é a escolha comum (documentação: Corpo da solicitação)",
        ),
        Rule::ClientContextMissing => (
            "add a unique `clientContext`, e.g. a new GUID; the SDKs match operations by it",
            "adicione um `clientContext` único, p. ex. um novo GUID; os SDKs associam operações por ele",
        ),
        Rule::OdataTypeMismatch { .. } => (
            "remove `@odata.type` or name the type this position holds",
            "remova `@odata.type` ou indique o tipo que esta posição contém",
        ),
        Rule::EnumValueUnknown { docs, .. } => {
            return Some(pick(
                lang,
                format!("use one of the listed values (docs: {docs})"),
                format!("use um dos valores listados (documentação: {docs})"),
            ));
        }
        Rule::PropertyNotInVersion { .. } => (
            "remove it, or send the request to the beta endpoint",
            "remova-a, ou envie a solicitação para o endpoint beta",
        ),
        Rule::UnknownProperty { received: true, .. } => (
            "Graph's types are open, so it may send members its docs do not list (an SDK keeps them in `additionalData`); if a test double or your own code wrote this payload, check the name's spelling against the docs",
            "os tipos do Graph são abertos, então ele pode enviar membros que a documentação não lista (um SDK os guarda em `additionalData`); se um dublê de teste ou o seu próprio código escreveu este payload, confira a grafia do nome na documentação",
        ),
        Rule::UnknownProperty { .. } => (
            "Graph ignores properties it does not declare, so a typo fails silently",
            "o Graph ignora propriedades que não declara, então um erro de digitação falha em silêncio",
        ),
        Rule::CallNotEstablished { .. } => (
            "wait for the call's `established` notification before inviting",
            "aguarde a notificação `established` da chamada antes de convidar",
        ),
        Rule::MultipleNeedsGroupCall { .. } | Rule::ChatInfoRequired { .. } => (
            "invite several participants only into a group call with a valid `chatInfo` (docs: Example 2, note)",
            "convide vários participantes apenas para uma chamada de grupo com `chatInfo` válido (documentação: Exemplo 2, observação)",
        ),
        Rule::PermissionMissing { .. } => (
            "grant the application permission `Calls.InitiateGroupCall.All` with admin consent; the docs misspell it `Calls.InitiateGroupCalls.All` (defect A-22)",
            "conceda a permissão de aplicativo `Calls.InitiateGroupCall.All` com consentimento do administrador; a documentação a escreve errado como `Calls.InitiateGroupCalls.All` (defeito A-22)",
        ),
        Rule::ReceivedKindUnknown {
            found: Unrecognised::BareNotifications,
        } => (
            "paste the whole body Graph POSTed to your callback URL, `{\"value\": [ … ]}`, or put the list in it",
            "cole o corpo inteiro que o Graph enviou por POST à sua URL de callback, `{\"value\": [ … ]}`, ou coloque a lista nele",
        ),
        Rule::ReceivedKindUnknown {
            found: Unrecognised::EncodedTwice,
        } => (
            "paste the text between the quotes with its escapes undone (`JSON.parse` it once), or the body as your bot received it; a log that stores the body as a string writes it this way",
            "cole o texto entre as aspas sem os escapes (um `JSON.parse` dele), ou o corpo como o seu bot o recebeu; um log que guarda o corpo como string o escreve assim",
        ),
        Rule::ReceivedKindUnknown {
            found: Unrecognised::ChangeNotifications,
        } => (
            "this playground explains what Graph POSTs about a call to the callback URL the call was created with (`callbackUri`); a subscription's notifications go to its `notificationUrl` and follow the change-notifications docs",
            "este playground explica o que o Graph envia sobre uma chamada à URL de callback com que ela foi criada (`callbackUri`); as notificações de uma assinatura vão para a `notificationUrl` dela e seguem a documentação de notificações de alteração",
        ),
        Rule::ReceivedKindUnknown { .. } => (
            "paste the body Graph POSTed to your callback URL, the body of the invite's response or of a GET on its operation, or the whole HTTP response",
            "cole o corpo que o Graph enviou por POST à sua URL de callback, o corpo da resposta do invite ou de um GET na operação, ou a resposta HTTP inteira",
        ),
        Rule::RequiredMissing { .. } => (
            "a payload without it did not come from Graph as sent, or was changed on the way (GRAPH-FACTS §2)",
            "um payload sem ele não veio do Graph como enviado, ou foi alterado no caminho (GRAPH-FACTS §2)",
        ),
        Rule::ReceivedBodyMissing { .. } => (
            "what the status line and headers say is still explained; paste the body too (an HTTP client's log may print it apart) to check it (GRAPH-FACTS §4, §6.1)",
            "o que a linha de status e os cabeçalhos dizem continua explicado; cole também o corpo (o log de um cliente HTTP pode imprimi-lo à parte) para verificá-lo (GRAPH-FACTS §4, §6.1)",
        ),
        Rule::ReceivedBodyNotJson { .. } => (
            "what the status line and headers say is still explained; a bot reads the status and `Retry-After` before the body, since such an answer has no `error` envelope to read (GRAPH-FACTS §6.1)",
            "o que a linha de status e os cabeçalhos dizem continua explicado; um bot lê o status e o `Retry-After` antes do corpo, já que uma resposta assim não tem envelope `error` para ler (GRAPH-FACTS §6.1)",
        ),
        Rule::LocationMissing { body: true } => (
            "if your HTTP client dropped it, the operation is `/communications/calls/{id}/operations/{the body's id}`; the docs' examples omit it too (defect A-18)",
            "se o seu cliente HTTP o descartou, a operação é `/communications/calls/{id}/operations/{o id do corpo}`; os exemplos da documentação também o omitem (defeito A-18)",
        ),
        Rule::LocationMissing { body: false } => (
            "with neither `Location` nor the body, nothing here names the operation: log the whole response (its body's `id` is the operation's); the docs' examples omit `Location` too (defect A-18)",
            "sem `Location` e sem o corpo, nada aqui nomeia a operação: registre a resposta inteira (o `id` do corpo é o da operação); os exemplos da documentação também omitem `Location` (defeito A-18)",
        ),
        Rule::HttpStatusUnexpected {
            error_envelope: false, ..
        } => (
            "the invite and a GET on its operation answer `200 OK`, and a refused request gets Graph's `error` envelope with its 4xx or 5xx status (GRAPH-FACTS §1, §6.1); this answer was not sent by Graph as it is, or was changed on the way",
            "o invite e um GET na sua operação respondem `200 OK`, e uma solicitação recusada recebe o envelope `error` do Graph com o seu status 4xx ou 5xx (GRAPH-FACTS §1, §6.1); esta resposta não foi enviada pelo Graph como está, ou foi alterada no caminho",
        ),
        Rule::HttpStatusUnexpected { error_envelope: true, .. } => (
            "an SDK reads a 2xx answer as success and never raises this error; Graph's errors come with their 4xx or 5xx status (GRAPH-FACTS §6.1)",
            "um SDK lê uma resposta 2xx como sucesso e nunca levanta este erro; os erros do Graph vêm com o seu status 4xx ou 5xx (GRAPH-FACTS §6.1)",
        ),
        Rule::NotificationsEmpty => (
            "there is nothing here for the bot to act on; a delivery with an empty `value` did not come from Graph as sent, or was emptied on the way (assumed: the docs show no empty batch, GRAPH-FACTS §5)",
            "não há nada aqui para o bot tratar; uma entrega com `value` vazio não veio do Graph como enviada, ou foi esvaziada no caminho (presumido: a documentação não mostra lote vazio, GRAPH-FACTS §5)",
        ),
        Rule::ChangeTypeUnexpected { .. } => (
            "the operation resource goes away once it has finished, so its last notification is `deleted` (GRAPH-FACTS §5); a webhook that waits for `deleted` would not see this one as the end",
            "o recurso da operação deixa de existir quando ela termina, então a sua última notificação é `deleted` (GRAPH-FACTS §5); um webhook que espera `deleted` não veria esta como o fim",
        ),
        Rule::StatusCasing { .. } => (
            "Graph writes `Running` in the invite's response and camelCase in notifications (GRAPH-FACTS §2.5); compare case-insensitively",
            "o Graph escreve `Running` na resposta do invite e camelCase nas notificações (GRAPH-FACTS §2.5); compare sem diferenciar maiúsculas",
        ),
        Rule::CommunicationsKeyOnIdentitySet { .. } => (
            "type the set `#microsoft.graph.communicationsIdentitySet` or read the key from additionalData (ECOSYSTEM §1)",
            "tipe o conjunto como `#microsoft.graph.communicationsIdentitySet` ou leia a chave de additionalData (ECOSYSTEM §1)",
        ),
        Rule::ResponseLineInvalid { .. } => (
            "paste the response from its status line, or only its JSON body",
            "cole a resposta a partir da linha de status, ou só o corpo JSON",
        ),
        Rule::CorrelationMismatch { .. } => (
            "this payload belongs to another request or call than the one it is matched against; match notifications by `clientContext` and the call id",
            "este payload pertence a outra solicitação ou chamada, não àquela com que é comparado; associe notificações por `clientContext` e pelo id da chamada",
        ),
        Rule::PstnNotProvisioned => (
            "create an application instance, license it and assign it a PSTN number (docs: Example 4, steps 1–4)",
            "crie uma instância de aplicativo, licencie-a e atribua um número PSTN (documentação: Exemplo 4, etapas 1–4)",
        ),
    };
    Some(Text::new(en, pt).pick(lang).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An empty culprit is quoted as the JSON literal, never as an empty pair of backticks.
    #[test]
    fn an_empty_value_is_quoted_as_the_json_literal() {
        let rule = Rule::GuidFormat {
            property: "replacesCallId".into(),
            value: String::new(),
        };
        assert_eq!(
            rule_message(&rule, Lang::En),
            "`replacesCallId` is `\"\"`, which is not a GUID"
        );
        assert_eq!(
            rule_message(&rule, Lang::PtBr),
            "`replacesCallId` é `\"\"`, que não é um GUID"
        );
        assert_eq!(quote(""), "\"\"");
        assert_eq!(quote("abc"), "abc");
    }

    /// A culprit with backticks of its own is fenced as CommonMark fences it, and the
    /// app's reading (`code_spans`) gives back exactly the culprit as one code span.
    #[test]
    fn culprits_with_backticks_read_back_whole() {
        let rule = Rule::UnknownProperty {
            property: "a`b".into(),
            suggestion: None,
            received: false,
        };
        assert!(rule_message(&rule, Lang::En).starts_with("`` a`b `` is not a known property"));
        for culprit in [
            "a`b", "`x", "x`", "`", "``", "a``b`c", " ` ", "```x```", "plain", "a b", "é`中",
        ] {
            let message = format!("the name `{}` is here", quote(culprit));
            assert_eq!(
                code_spans(&message),
                [Span::Text("the name "), Span::Code(culprit), Span::Text(" is here")],
                "{message}"
            );
        }
        // CommonMark's own cases: unmatched runs stay text, spaces trimmed once, only
        // when both ends have one and the span is not all spaces.
        assert_eq!(code_spans("a ` b"), [Span::Text("a ` b")]);
        assert_eq!(code_spans("``a` b"), [Span::Text("``a` b")]);
        assert_eq!(code_spans("`` x ``"), [Span::Code("x")]);
        assert_eq!(code_spans("`  x  `"), [Span::Code(" x ")]);
        assert_eq!(code_spans("` x`"), [Span::Code(" x")]);
        assert_eq!(code_spans("`  `"), [Span::Code("  ")]);
        assert_eq!(
            code_spans("``a`` and `b`"),
            [Span::Code("a"), Span::Text(" and "), Span::Code("b")]
        );
        assert_eq!(code_spans("```a`"), [Span::Text("```a`")]);
        assert_eq!(code_spans(""), []);
    }

    /// A body over the most a check reads is `json-syntax` (it is never read as JSON),
    /// but says what is wrong in each language and gives help that fits it, not the
    /// strict-JSON advice.
    #[test]
    fn a_body_too_large_to_read_says_so_in_each_language() {
        let rule = Rule::JsonTooLarge {
            limit_mib: 512,
            received: false,
        };
        assert_eq!(rule.code(), "json-syntax");
        assert_eq!(rule.severity(), super::super::Severity::Error);
        assert_eq!(
            rule_message(&rule, Lang::En),
            "the body is over 512 MiB, the most a check reads"
        );
        assert_eq!(
            rule_message(&rule, Lang::PtBr),
            "o corpo passa de 512 MiB, o máximo que uma verificação lê"
        );
        for lang in [Lang::En, Lang::PtBr] {
            let help = rule_help(&rule, lang).unwrap();
            let syntax = Rule::JsonSyntax {
                detail: Text::new("x".into(), "x".into()),
                received: false,
            };
            let syntax = rule_help(&syntax, lang).unwrap();
            assert!(help.contains("kilobytes") && help != syntax, "{help}");
        }
    }
}
