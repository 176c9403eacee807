//! Call-context rules: the request checked against the simulated call and token the
//! user describes (SPEC §2, second table). These have no place in the body, or only
//! the place of the participants they concern.

use super::body::{self, BodyFacts};
use super::Sink;
use crate::engine::call_context::{CallContext, CallKind, TokenKind};
use crate::engine::diagnostic::{PermissionProblem, Rule};
use crate::engine::input::HttpHead;
use crate::engine::model::{CallState, IdentityKind};
use crate::engine::pointer::JsonPointer;

pub(super) fn check(facts: &BodyFacts, context: &CallContext, head: Option<&HttpHead<'_>>, sink: &mut Sink<'_>) {
    check_token(context, head, sink);
    if context.state != CallState::Established {
        sink.head(
            Rule::CallNotEstablished {
                state: context.state.to_string(),
            },
            None,
        );
    }
    let count = facts.participant_count;
    if let Some(range) = facts.participants.filter(|_| count > 1) {
        let participants = JsonPointer::root().key("participants");
        match context.kind {
            CallKind::PeerToPeer => sink.body(Rule::MultipleNeedsGroupCall { count }, &participants, range),
            CallKind::Group if !context.chat_info => sink.body(Rule::ChatInfoRequired { count }, &participants, range),
            CallKind::Group => {}
        }
    }
    if !context.pstn_provisioned {
        let participants = JsonPointer::root().key("participants");
        for &(index, range) in &facts.phones {
            let pointer = body::identity_pointer(&participants, index, IdentityKind::Phone);
            sink.body(Rule::PstnNotProvisioned, &pointer, range);
        }
    }
}

/// `permission-missing`, placed on the `Authorization` header when there is one.
pub(super) fn check_token(context: &CallContext, head: Option<&HttpHead<'_>>, sink: &mut Sink<'_>) {
    let problem = match context.token {
        TokenKind::Delegated => Some(PermissionProblem::DelegatedToken),
        TokenKind::Application if !context.has_invite_role() => Some(PermissionProblem::MissingRole),
        TokenKind::Application => None,
    };
    if let Some(problem) = problem {
        let at = head
            .and_then(|head| head.header("Authorization"))
            .map(|header| header.value);
        sink.head(Rule::PermissionMissing { problem }, at);
    }
}
