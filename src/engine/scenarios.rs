//! The docs' examples as presets, the register of the docs' defects, and where each
//! defect shows up in each example; and the two truths a run can tell ([`Mode`]).
//! Shared by the simulator, the CLI, the app and the tests.

use serde::Deserialize;
use serde_json::Value;

use crate::engine::call_context::{CallContext, ReplacedCall};
use crate::engine::diagnostic::lang::{Lang, Text};
use crate::engine::diagnostic::Diagnostic;
use crate::engine::http::{self, Message};
use crate::engine::input;
use crate::engine::model::{ApiVersion, CallState, InviteBody};
use crate::engine::pointer::JsonPointer;
use crate::engine::validate::{Checked, InputForm, Request, RequestTarget};

/// Which truth the timeline tells.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// What the real service sends, with the docs' defects fixed and named.
    #[default]
    Corrected,
    /// The docs' example JSON byte for byte, each defect annotated with its register id.
    DocFaithful,
}

crate::vocabulary!(Mode { Corrected => "corrected", DocFaithful => "doc-faithful" });

/// One documented defect (GRAPH-FACTS §9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Defect {
    pub id: &'static str,
    pub text: Text,
}

macro_rules! defects {
    ($($id:literal => $en:literal, $pt:literal;)+) => {
        /// The register, in id order.
        pub const DEFECTS: &[Defect] = &[$(Defect { id: $id, text: Text::new($en, $pt) }),+];
    };
}

defects! {
    "A-1" => "both participants carry the same `replacesCallId`, though only the first participant is read when it is set",
             "os dois participantes têm o mesmo `replacesCallId`, embora só o primeiro seja lido quando ele existe";
    "A-2" => "the response echoes `replacesCallId: null` although the request set it",
             "a resposta ecoa `replacesCallId: null` embora a solicitação o tenha definido";
    "A-3" => "titled \"invite one participant\" yet the request carries `replacesCallId`, and the replaced call is never shown ending",
             "intitulado \"convidar um participante\", mas a solicitação tem `replacesCallId`, e o fim da chamada substituída nunca aparece";
    "A-4" => "the invited user appears in the roster as an `application` identity",
             "o usuário convidado aparece na lista como uma identidade `application`";
    "A-5" => "the first invitee appears as `application`, the second correctly as `user`",
             "o primeiro convidado aparece como `application`, o segundo corretamente como `user`";
    "A-6" => "the completed operation has `\"id\": null` although the response gave it an id",
             "a operação concluída tem `\"id\": null` embora a resposta lhe tenha dado um id";
    "A-7" => "the operation's path ends in `/operations/participants`: the word `participants` where the operation id belongs",
             "o caminho da operação termina em `/operations/participants`: a palavra `participants` no lugar do id da operação";
    "A-8" => "the roster notification addresses `…/operations/participants` instead of `…/participants`",
             "a notificação da lista aponta para `…/operations/participants` em vez de `…/participants`";
    "A-9" => "the roster notification is for the replaced peer-to-peer call, not the group call the invite went to",
             "a notificação da lista é da chamada ponto a ponto substituída, não da chamada de grupo convidada";
    "A-10" => "ids are copied between examples: this operation id is reused elsewhere (Example 3 even reuses a user's object id)",
              "ids são copiados entre exemplos: este id de operação é reutilizado (o Exemplo 3 reutiliza até o id de objeto de um usuário)";
    "A-11" => "roster participants have `\"id\": null` although `id` is the entity key",
              "os participantes da lista têm `\"id\": null` embora `id` seja a chave da entidade";
    "A-12" => "status casing is mixed: `Running` in responses, `completed` in notifications",
              "a grafia do status é misturada: `Running` nas respostas, `completed` nas notificações";
    "A-13" => "the response's participants carry `\"id\": null`, which `invitationParticipantInfo` does not declare, and lose their `@odata.type`",
              "os participantes da resposta têm `\"id\": null`, que `invitationParticipantInfo` não declara, e perdem o `@odata.type`";
    "A-14" => "the response identity lists eight keys, five of which `identitySet` does not declare",
              "a identidade da resposta lista oito chaves, cinco das quais `identitySet` não declara";
    "A-15" => "`Content-Length: 464` matches neither body (486 and 362 bytes)",
              "`Content-Length: 464` não corresponde a nenhum dos corpos (486 e 362 bytes)";
    "A-16" => "the note about the original peer-to-peer call ending is repeated although this example has no `replacesCallId`",
              "a observação sobre o fim da chamada ponto a ponto original se repete, embora este exemplo não tenha `replacesCallId`";
    "A-17" => "the request block reuses the name `participant-invite` of Example 1",
              "o bloco de solicitação reutiliza o nome `participant-invite` do Exemplo 1";
    "A-18" => "the text promises a `Location` header; the response shows none",
              "o texto promete um cabeçalho `Location`; a resposta não mostra nenhum";
    "A-20" => "`resource` is not declared on `commsNotification` and uses the deprecated `/app` root",
              "`resource` não é declarado em `commsNotification` e usa a raiz preterida `/app`";
    "A-21" => "the completed operation omits `resultInfo` although the response had `resultInfo: null`",
              "a operação concluída omite `resultInfo` embora a resposta tivesse `resultInfo: null`";
    "A-22" => "the permission is given as `Calls.InitiateGroupCalls.All`; the real role is `Calls.InitiateGroupCall.All`",
              "a permissão aparece como `Calls.InitiateGroupCalls.All`; a função real é `Calls.InitiateGroupCall.All`";
    "A-23" => "the note \"only supported for group calls\" contradicts replacing a peer-to-peer call",
              "a observação \"só é suportada para chamadas de grupo\" contradiz a substituição de uma chamada ponto a ponto";
    "A-24" => "this block is marked `\"truncated\": \"true\"` (a string) where the others use `true`",
              "este bloco é marcado `\"truncated\": \"true\"` (uma string) onde os outros usam `true`";
    "D-3" => "`phone` is not declared on `identitySet` (only on `communicationsIdentitySet`), yet this identity set typed or echoed as `identitySet` carries it",
             "`phone` não é declarado em `identitySet` (só em `communicationsIdentitySet`), mas este conjunto de identidades tipado ou ecoado como `identitySet` o traz";
    "R-5" => "not in the seed documents: reconstructed from the current English page in the style of examples 1–4",
             "não está nos documentos de origem: reconstruído da página atual em inglês no estilo dos exemplos 1–4";
}

/// The defect with register id `id`.
pub fn defect(id: &str) -> Option<&'static Defect> {
    DEFECTS.iter().find(|defect| defect.id == id)
}

/// The four messages every doc example shows, in doc order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocMessage {
    Request,
    Response,
    OperationNotification,
    RosterNotification,
}

/// Where a defect shows in an example: which message, and where in its JSON body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DefectSite {
    pub message: DocMessage,
    pub defect: &'static str,
    /// Escaped JSON Pointer into that message's body; `None` for the head or the page.
    pub pointer: Option<&'static str>,
}

const fn site(message: DocMessage, defect: &'static str, pointer: Option<&'static str>) -> DefectSite {
    DefectSite {
        message,
        defect,
        pointer,
    }
}

use DocMessage::{OperationNotification as Op, Request as Req, Response as Resp, RosterNotification as Roster};

/// The documented messages of one example, verbatim.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fixture {
    pub request: &'static str,
    pub response: &'static str,
    pub operation: &'static str,
    pub roster: &'static str,
}

/// A preset: a doc example with the call it happens in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    pub name: &'static str,
    pub title: Text,
    /// The group call the example's notifications talk about.
    pub call_id: &'static str,
    /// The docs' `replacesCallId`, when the example replaces a call on purpose.
    pub replaces: Option<&'static str>,
    /// Properties corrected mode removes from every participant (the docs' mistakes).
    pub corrected_drops: &'static [&'static str],
    pub defects: &'static [DefectSite],
}

impl Preset {
    pub fn title(&self, lang: Lang) -> &'static str {
        self.title.pick(lang)
    }

    /// The call the example happens in (SPEC §4: "as the docs describe").
    pub fn context(&self) -> CallContext {
        CallContext {
            call_id: self.call_id.to_owned(),
            replaced_call: self.replaces.map(|id| ReplacedCall {
                id: id.to_owned(),
                state: CallState::Established,
            }),
            ..CallContext::default()
        }
    }

    /// The request as the docs print it, byte for byte.
    pub fn doc_request(&self) -> &'static str {
        doc_request_of(self.name)
    }

    /// Every message the docs print for the example, byte for byte. Only doc-faithful
    /// runs (in the Web Worker) and the tests read the three after the request, so the
    /// page's wasm, which asks only for [`Preset::doc_request`], leaves them out.
    pub fn fixture(&self) -> Fixture {
        fixture_of(self.name)
    }

    /// The body as it should be sent, typed: the docs' body without their mistaken
    /// properties.
    pub fn corrected_body(&self) -> InviteBody {
        InviteBody::deserialize(&self.corrected_json()).expect("fixture bodies have the invite's shape")
    }

    /// [`Preset::corrected_body`] as JSON, in the docs' key order.
    fn corrected_json(&self) -> Value {
        let mut body = fixture_body(self.doc_request());
        if let Some(participants) = body.get_mut("participants").and_then(Value::as_array_mut) {
            for participant in participants.iter_mut().filter_map(Value::as_object_mut) {
                for name in self.corrected_drops {
                    participant.shift_remove(*name);
                }
            }
        }
        body
    }

    /// The corrected request as sent: the real call id, an `Authorization` header, no
    /// `Content-Length`, and [`Preset::corrected_body`].
    pub fn corrected_message(&self) -> Message {
        let body = self.corrected_json();
        Message::request(
            "POST",
            http::invite_url(ApiVersion::Beta, self.call_id),
            http::default_headers(),
            body,
        )
    }

    /// The corrected request as text, as the editor and `preset --mode corrected` show it.
    pub fn corrected_request(&self) -> String {
        http::http_message(&self.corrected_message())
    }

    /// The corrected request as already checked: it is valid by construction, so only
    /// the simulated call's findings (`call_findings`, from the user's own check) apply.
    pub fn corrected_checked(&self, call_findings: Vec<Diagnostic>) -> Checked {
        let message = self.corrected_message();
        let url = message.url.clone().unwrap_or_default();
        let mut request = Request::default().with_body(Some(message.body));
        request.version = ApiVersion::Beta;
        request.target = Some(RequestTarget {
            method: "POST".into(),
            url,
            version: Some(ApiVersion::Beta),
            call_id: Some(self.call_id.to_owned()),
            app_path: false,
        });
        request.headers = message.headers;
        request.raw_body = request.body().map(http::pretty_json).unwrap_or_default();
        Checked {
            form: InputForm::HttpMessage,
            request,
            diagnostics: call_findings,
            omitted: Default::default(),
        }
    }

    /// The request text for `mode`.
    pub fn request(&self, mode: Mode) -> String {
        match mode {
            Mode::Corrected => self.corrected_request(),
            Mode::DocFaithful => self.doc_request().to_owned(),
        }
    }

    /// The defects shown on `message`.
    pub fn defects_on(&self, message: DocMessage) -> impl Iterator<Item = &DefectSite> {
        self.defects.iter().filter(move |site| site.message == message)
    }

    pub fn defect_pointer(site: &DefectSite) -> Option<JsonPointer> {
        site.pointer.and_then(JsonPointer::parse)
    }
}

/// `doc_request_of` and `fixture_of` a preset's name (its folder in `fixtures/`): two
/// functions, not a field, so that code asking only for the request links only requests.
macro_rules! fixtures {
    ($($dir:literal),*) => {
        fn doc_request_of(name: &str) -> &'static str {
            match name {
                $($dir => include_str!(concat!("../../fixtures/", $dir, "/request.http")),)*
                _ => "",
            }
        }

        fn fixture_of(name: &str) -> Fixture {
            match name {
                $($dir => Fixture {
                    request: include_str!(concat!("../../fixtures/", $dir, "/request.http")),
                    response: include_str!(concat!("../../fixtures/", $dir, "/response.http")),
                    operation: include_str!(concat!("../../fixtures/", $dir, "/operation.json")),
                    roster: include_str!(concat!("../../fixtures/", $dir, "/roster.json")),
                },)*
                _ => Fixture::default(),
            }
        }
    };
}

fixtures!("example-1", "example-2", "example-3", "example-4", "example-5");

const REPLACED_CALL_ID: &str = "a7ebfb2d-871e-419c-87af-27290b22e8db";

/// Every preset, in menu order.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "example-1",
        title: Text::new(
            "Example 1: invite one participant to an existing group call",
            "Exemplo 1: convidar um participante para uma chamada de grupo existente",
        ),
        call_id: "ab6233a5-20b7-4c5e-bea2-ce56c9776429",
        replaces: None,
        corrected_drops: &["replacesCallId"],
        defects: &[
            site(Req, "A-3", Some("/participants/0/replacesCallId")),
            site(Req, "A-15", None),
            site(Req, "A-22", None),
            site(Resp, "A-18", None),
            site(Resp, "A-10", Some("/id")),
            site(Resp, "A-12", Some("/status")),
            site(Resp, "A-13", Some("/participants/0/id")),
            site(Resp, "D-3", Some("/participants/0/identity/phone")),
            site(Op, "A-20", Some("/value/0/resource")),
            site(Op, "A-21", Some("/value/0/resourceData")),
            site(Roster, "A-4", Some("/value/0/resourceData/0/info/identity/application")),
            site(Roster, "A-11", Some("/value/0/resourceData/0/id")),
            site(Roster, "A-3", None),
        ],
    },
    Preset {
        name: "example-2",
        title: Text::new(
            "Example 2: invite multiple participants to an existing group call",
            "Exemplo 2: convidar vários participantes para uma chamada de grupo existente",
        ),
        call_id: "7531d31f-d10d-44de-802f-c569dbca451c",
        replaces: None,
        corrected_drops: &["replacesCallId"],
        defects: &[
            site(Req, "A-1", Some("/participants/1/replacesCallId")),
            site(Resp, "A-18", None),
            site(Resp, "A-2", Some("/participants/0/replacesCallId")),
            site(Resp, "A-10", Some("/id")),
            site(Resp, "A-12", Some("/status")),
            site(Resp, "A-13", Some("/participants/0/id")),
            site(Resp, "D-3", Some("/participants/0/identity/phone")),
            site(Resp, "D-3", Some("/participants/1/identity/phone")),
            site(Op, "A-6", Some("/value/0/resourceData/id")),
            site(Op, "A-7", Some("/value/0/resourceUrl")),
            site(Op, "A-21", Some("/value/0/resourceData")),
            site(Op, "A-24", None),
            site(Roster, "A-8", Some("/value/0/resourceUrl")),
            site(Roster, "A-20", Some("/value/0/resource")),
            site(Roster, "A-5", Some("/value/0/resourceData/0/info/identity/application")),
            site(Roster, "A-11", Some("/value/0/resourceData/0/id")),
        ],
    },
    Preset {
        name: "example-3",
        title: Text::new(
            "Example 3: invite a participant to a group call, replacing a peer-to-peer call",
            "Exemplo 3: convidar um participante para uma chamada de grupo, substituindo uma chamada ponto a ponto",
        ),
        call_id: "ab6233a5-20b7-4c5e-bea2-ce56c9776429",
        replaces: Some(REPLACED_CALL_ID),
        corrected_drops: &[],
        defects: &[
            site(Req, "A-23", None),
            site(Resp, "A-18", None),
            site(Resp, "A-10", Some("/id")),
            site(Resp, "A-12", Some("/status")),
            site(Resp, "A-13", Some("/participants/0/id")),
            site(Resp, "D-3", Some("/participants/0/identity/phone")),
            site(Op, "A-20", Some("/value/0/resource")),
            site(Op, "A-21", Some("/value/0/resourceData")),
            site(Roster, "A-9", Some("/value/0/resourceUrl")),
            site(Roster, "A-11", Some("/value/0/resourceData/0/id")),
        ],
    },
    Preset {
        name: "example-4",
        title: Text::new(
            "Example 4: invite one PSTN participant to an existing group call",
            "Exemplo 4: convidar um participante PSTN para uma chamada de grupo existente",
        ),
        call_id: "ab6233a5-20b7-4c5e-bea2-ce56c9776429",
        replaces: None,
        corrected_drops: &[],
        defects: &[
            site(Req, "A-15", None),
            site(Req, "A-17", None),
            site(Resp, "A-18", None),
            site(Resp, "A-10", Some("/id")),
            site(Resp, "A-14", Some("/participants/0/identity")),
            site(Resp, "A-13", Some("/participants/0/id")),
            site(Op, "A-20", Some("/value/0/resource")),
            site(Op, "A-21", Some("/value/0/resourceData")),
            site(Op, "A-14", Some("/value/0/resourceData/participants/0/identity/phone")),
            site(Roster, "A-11", Some("/value/0/resourceData/0/id")),
            site(Roster, "A-14", Some("/value/0/resourceData/0/info/identity/phone")),
            site(Roster, "A-16", None),
        ],
    },
    Preset {
        name: "example-5",
        title: Text::new(
            "Example 5: move a participant from one meeting to another",
            "Exemplo 5: mover um participante de uma reunião para outra",
        ),
        call_id: "ab6233a5-20b7-4c5e-bea2-ce56c9776429",
        replaces: Some(REPLACED_CALL_ID),
        corrected_drops: &[],
        defects: &[
            site(Req, "R-5", None),
            site(Resp, "R-5", None),
            site(Resp, "A-13", Some("/participants/0/id")),
            site(Resp, "D-3", Some("/participants/0/identity/phone")),
            site(Op, "R-5", None),
            site(Roster, "R-5", None),
            site(Roster, "A-11", Some("/value/0/resourceData/0/id")),
        ],
    },
];

/// The preset called `name`.
pub fn preset(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|preset| preset.name == name)
}

/// A documented HTTP message or notification block as a [`Message`], its body kept
/// byte for byte. A status line gives the status; a request line, method and URL.
pub fn fixture_message(text: &str) -> Message {
    let split = input::split_message(text);
    let mut message = Message {
        body: fixture_body(text),
        body_text: Some(split.body.to_owned()),
        ..Message::default()
    };
    if let Some(head) = split.head {
        let words: Vec<&str> = head.words.iter().map(|word| word.text).collect();
        match words.as_slice() {
            [version, status, ..] if version.starts_with("HTTP/") => message.status = status.parse().ok(),
            [method, url, ..] => {
                message.method = Some((*method).to_owned());
                message.url = Some((*url).to_owned());
            }
            _ => {}
        }
        message.headers = head.header_pairs();
    }
    message
}

/// The JSON body of a documented HTTP message or notification block.
pub fn fixture_body(text: &str) -> Value {
    serde_json::from_str(input::split_message(text).body).expect("fixture bodies are valid JSON")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every preset's name is a folder of `fixtures/` with its four messages: a preset
    /// named otherwise would find none (the fallback is empty).
    #[test]
    fn every_preset_finds_its_four_documented_messages() {
        for preset in PRESETS {
            let fixture = preset.fixture();
            for (what, text) in [
                ("request", fixture.request),
                ("response", fixture.response),
                ("operation", fixture.operation),
                ("roster", fixture.roster),
            ] {
                assert!(!text.trim().is_empty(), "{}: no {what}", preset.name);
            }
            assert_eq!(preset.doc_request(), fixture.request, "{}", preset.name);
        }
        assert_eq!(fixture_of("example-9"), Fixture::default());
    }
}
