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
}
