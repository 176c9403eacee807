//! The simulated call an invite is sent into: what the user describes in the call-context
//! panel, with the docs' happy path as the default.

use serde::{Deserialize, Serialize};

use crate::engine::model::CallState;

/// The application role `invite` needs. The docs misspell it `Calls.InitiateGroupCalls.All`
/// (defect A-22); the real role is this one.
pub const INVITE_ROLE: &str = "Calls.InitiateGroupCall.All";

/// The group call id the docs' examples 1, 3 and 4 notify about.
pub const DOC_GROUP_CALL_ID: &str = "ab6233a5-20b7-4c5e-bea2-ce56c9776429";

/// The tenant id of every doc example.
pub const DOC_TENANT_ID: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";

/// The callback URL of every doc example.
pub const DOC_CALLBACK_URL: &str = "https://bot.contoso.com/api/calls";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CallKind {
    #[default]
    Group,
    PeerToPeer,
}

crate::vocabulary!(CallKind { Group => "group", PeerToPeer => "peerToPeer" });

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TokenKind {
    #[default]
    Application,
    Delegated,
}

crate::vocabulary!(TokenKind { Application => "application", Delegated => "delegated" });

/// The peer-to-peer call a `replacesCallId` names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplacedCall {
    pub id: String,
    pub state: CallState,
}

/// Everything about the call and the bot that the request text does not say.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CallContext {
    /// Used when the request does not name a call (a bare JSON body or `{id}`).
    pub call_id: String,
    pub kind: CallKind,
    pub state: CallState,
    pub chat_info: bool,
    pub callback_url: String,
    pub tenant_id: String,
    pub token: TokenKind,
    pub roles: Vec<String>,
    pub pstn_provisioned: bool,
    /// `None`: the call named by the first participant's `replacesCallId`, established.
    pub replaced_call: Option<ReplacedCall>,
}

impl Default for CallContext {
    /// The happy path of the docs (SPEC §3).
    fn default() -> Self {
        Self {
            call_id: DOC_GROUP_CALL_ID.to_owned(),
            kind: CallKind::Group,
            state: CallState::Established,
            chat_info: true,
            callback_url: DOC_CALLBACK_URL.to_owned(),
            tenant_id: DOC_TENANT_ID.to_owned(),
            token: TokenKind::Application,
            roles: vec![INVITE_ROLE.to_owned()],
            pstn_provisioned: true,
            replaced_call: None,
        }
    }
}

impl CallContext {
    pub fn has_invite_role(&self) -> bool {
        self.roles.iter().any(|role| role == INVITE_ROLE)
    }

    /// The members a written call context may have (`callId`, `kind`, …), as serde names
    /// them: read from a serialized context, so no list can fall behind the fields.
    pub fn members() -> Vec<String> {
        names(&Self::default())
    }

    /// Reads a call context someone wrote (the CLI's `--call` file, the JavaScript API's
    /// `call`), refusing a member no field reads: serde would drop `calId` silently and
    /// check against the docs' call instead, the typo unseen. A stored or shared draft is
    /// read leniently instead (plain `Deserialize`), so that older links keep opening.
    pub fn from_written(value: serde_json::Value) -> Result<Self, String> {
        fn unknown(value: &serde_json::Value, known: &[String], at: &str) -> Result<(), String> {
            // serde reads a struct from a list too, field by field in order: `[]` would be
            // the docs' call unseen, `["c"]` a call id.
            if value.is_array() {
                return Err(match at {
                    "" => "a call context is an object of named members, not a list".to_owned(),
                    _ => format!(
                        "`{}` is an object of named members, not a list",
                        at.trim_end_matches('.')
                    ),
                });
            }
            let Some(members) = value.as_object() else {
                return Ok(());
            };
            match members.keys().find(|name| !known.contains(name)) {
                Some(name) => Err(format!(
                    "unknown member `{at}{name}`; the members are {}",
                    known.join(", ")
                )),
                None => Ok(()),
            }
        }
        unknown(&value, &Self::members(), "")?;
        let replaced = ReplacedCall {
            id: String::new(),
            state: CallState::Established,
        };
        unknown(&value["replacedCall"], &names(&replaced), "replacedCall.")?;
        serde_json::from_value(value).map_err(|e| e.to_string())
    }
}

/// The member names `value` serializes with.
fn names(value: &impl Serialize) -> Vec<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::Object(members)) => members.into_iter().map(|(name, _)| name).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_written_context_names_a_member_no_field_reads() {
        let read =
            CallContext::from_written(json!({"callId": "c", "replacedCall": {"id": "p", "state": "established"}}));
        assert_eq!(read.map(|c| c.call_id), Ok("c".to_owned()));
        let typo = CallContext::from_written(json!({"calId": "c"})).unwrap_err();
        assert!(
            typo.starts_with("unknown member `calId`; the members are callId, kind,"),
            "{typo}"
        );
        assert!(typo.contains("replacedCall"), "{typo}");
        let nested = CallContext::from_written(json!({"replacedCall": {"id": "p", "sate": "x"}})).unwrap_err();
        assert_eq!(nested, "unknown member `replacedCall.sate`; the members are id, state");
        // Near misses: a wrong value is serde's to name; null and {} are the defaults.
        assert!(CallContext::from_written(json!({"kind": "x"}))
            .unwrap_err()
            .contains("unknown variant"));
        assert_eq!(CallContext::from_written(json!({})), Ok(CallContext::default()));
        assert!(CallContext::from_written(json!({"replacedCall": null})).is_ok());
        assert!(CallContext::from_written(json!([1])).is_err());
        // A list is never a call, even one serde could read field by field.
        for list in [json!([]), json!(["c"]), json!({"replacedCall": []})] {
            let error = CallContext::from_written(list.clone()).unwrap_err();
            assert!(error.contains("not a list"), "{list}: {error}");
        }
    }
}
