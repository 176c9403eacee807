//! What the user asks to happen after the request is sent, and what each failure looks
//! like on the wire (GRAPH-FACTS §6; codes the sources do not pin down are "assumed").

use crate::engine::diagnostic::lang::{Lang, Text};

/// The simulated outcome (SPEC §3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Outcome {
    #[default]
    Success,
    NoAnswer,
    Declined,
    MediaError,
    PstnNoSponsor,
    ReplaceFailed,
    Unauthorized,
    Forbidden,
    CallNotFound,
    Throttled,
    ServerError,
}

crate::vocabulary!(Outcome {
    Success => "success",
    NoAnswer => "no-answer",
    Declined => "declined",
    MediaError => "media-error",
    PstnNoSponsor => "pstn-no-sponsor",
    ReplaceFailed => "replace-failed",
    Unauthorized => "unauthorized",
    Forbidden => "forbidden",
    CallNotFound => "call-not-found",
    Throttled => "throttled",
    ServerError => "server-error",
});

impl Outcome {
    pub fn describe(self, lang: Lang) -> &'static str {
        let (en, pt) = match self {
            Outcome::Success => ("the invitee joins", "o convidado entra"),
            Outcome::NoAnswer => (
                "the invitee does not answer (operation fails after ~60 s)",
                "o convidado não atende (a operação falha após ~60 s)",
            ),
            Outcome::Declined => ("the invitee declines", "o convidado recusa"),
            Outcome::MediaError => (
                "client media error (410/301004)",
                "erro de mídia do cliente (410/301004)",
            ),
            Outcome::PstnNoSponsor => (
                "PSTN leg has no sponsor (412/9999)",
                "a perna PSTN não tem patrocinador (412/9999)",
            ),
            Outcome::ReplaceFailed => (
                "replacing the call fails (500)",
                "a substituição da chamada falha (500)",
            ),
            Outcome::Unauthorized => ("no valid token (401)", "sem token válido (401)"),
            Outcome::Forbidden => ("token not allowed (403)", "token sem permissão (403)"),
            Outcome::CallNotFound => (
                "unknown call (404, code 9997)",
                "chamada desconhecida (404, código 9997)",
            ),
            Outcome::Throttled => ("throttled (429 with Retry-After)", "limitado (429 com Retry-After)"),
            Outcome::ServerError => ("service error (500)", "erro do serviço (500)"),
        };
        Text::new(en, pt).pick(lang)
    }

    /// How the service answers the request itself when this outcome fails it at once.
    pub(super) fn sync_failure(self) -> Option<SyncFailure> {
        let failure = |status, code: &str, message: &str, attested| SyncFailure {
            status,
            code: code.to_owned(),
            message: message.to_owned(),
            attested,
            retry_after: None,
        };
        match self {
            Outcome::Unauthorized => Some(failure(
                401,
                "InvalidAuthenticationToken",
                "Access token is empty.",
                false,
            )),
            Outcome::Forbidden => Some(failure(403, "Forbidden", "request authorization tenant mismatch", true)),
            Outcome::CallNotFound => Some(failure(404, "9997", "Call not found.", true)),
            Outcome::Throttled => Some(SyncFailure {
                retry_after: Some(5),
                ..failure(
                    429,
                    "TooManyRequests",
                    "Too many requests, retry after the indicated time.",
                    false,
                )
            }),
            Outcome::ServerError => Some(failure(500, "9999", "Unkown internal Server Error.", true)),
            _ => None,
        }
    }

    /// The `resultInfo` of the failed operation when this outcome fails it later.
    pub(super) fn async_failure(self, participant_mri: &str) -> Option<AsyncFailure> {
        let failure = |after_ms, code, subcode, message: String, attested| AsyncFailure {
            after_ms,
            code,
            subcode,
            message,
            attested,
        };
        match self {
            Outcome::NoAnswer => Some(failure(60_000, 408, 8544, "Callee could not be reached.".into(), false)),
            Outcome::Declined => Some(failure(6_000, 603, 0, "Call declined by the invitee.".into(), false)),
            Outcome::MediaError => Some(failure(
                3_000,
                410,
                301_004,
                format!("addParticipants failed for participant {participant_mri}. Underlying reason: Client Media Error. DiagCode: 410#301004.@"),
                true,
            )),
            Outcome::PstnNoSponsor => Some(failure(
                1_200,
                412,
                9999,
                format!("addParticipants failed for participant {participant_mri}. Underlying reason: Could not find the PSTN content for the sponsor of this PSTN leg.. DiagCode: 412#10073"),
                true,
            )),
            Outcome::ReplaceFailed => Some(failure(2_600, 500, 0, "Replacing the call failed.".into(), false)),
            _ => None,
        }
    }
}

/// A synchronous Graph error: a failure outcome, or a request the service refuses.
/// Plain data, so the Web Worker that checked a large request can hand it to the page
/// (which then plays the refusal without checking the request again).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SyncFailure {
    pub status: u16,
    pub code: String,
    pub message: String,
    /// Seen in a source (GRAPH-FACTS §6.1); otherwise assumed.
    pub attested: bool,
    pub retry_after: Option<u32>,
}

impl SyncFailure {
    /// `400 BadRequest` with `message`.
    pub fn bad_request(message: String, attested: bool) -> Self {
        SyncFailure {
            status: 400,
            code: "BadRequest".into(),
            message,
            attested,
            retry_after: None,
        }
    }
}

/// A failed operation, `after_ms` after the `200 OK`.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct AsyncFailure {
    pub after_ms: u64,
    pub code: i32,
    pub subcode: i32,
    pub message: String,
    pub attested: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_outcome_and_call_state_has_a_portuguese_label() {
        use crate::engine::diagnostic::lang::{wire_label, Lang};
        use crate::engine::vocabulary::Vocabulary;
        for outcome in Outcome::ALL {
            assert_ne!(
                wire_label(Lang::PtBr, outcome.name()),
                outcome.name(),
                "{}",
                outcome.name()
            );
        }
        for state in crate::engine::model::CallState::MEMBERS
            .iter()
            .filter(|m| **m != "unknownFutureValue")
        {
            assert_ne!(wire_label(Lang::PtBr, state), *state, "{state}");
        }
    }
}
