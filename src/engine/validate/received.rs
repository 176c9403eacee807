//! What the bot received, read with the same strict positional reader as requests: a
//! webhook `commsNotifications` body, an `inviteParticipantsOperation` (the invite's
//! response or a GET on the operation), a Graph error envelope, or any of them as a full
//! HTTP message (a response's status line and headers, or the notification's POST).
//! The kind is decided by content. Diagnostics take the usual shape; correlation with
//! the request the bot sent turns mismatches into warnings.

use jsonc_parser::common::Range;
use serde_json::Value;

use super::json_tree::{Object, ObjectProp, Value as Node};
use super::node::{check_endpoint_type, check_enum, check_guid, check_properties, encoded_twice, kind};
use super::{syntax, Checked, Omitted, Sink};
use crate::engine::diagnostic::lang::{Lang, Text};
use crate::engine::diagnostic::{Correlated, Diagnostic, Owner, Rule, Unrecognised};
use crate::engine::input::{self, HttpHead};
use crate::engine::model::{
    ApiVersion, CallState, ChangeType, IdentityKind, MediaDirection, Modality, OperationStatus,
};
use crate::engine::pointer::JsonPointer;
use crate::engine::schema::{self, received as declared, PropertyType};

/// What a received payload is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReceivedKind {
    Notifications,
    Operation,
    Error,
}

crate::vocabulary!(ReceivedKind { Notifications => "notifications", Operation => "operation", Error => "error" });

impl ReceivedKind {
    /// What a person calls it.
    pub fn label(self, lang: Lang) -> &'static str {
        self.text().pick(lang)
    }

    fn text(self) -> Text {
        match self {
            ReceivedKind::Notifications => Text::new("webhook notifications", "notificações de webhook"),
            ReceivedKind::Operation => Text::new("an invite operation", "uma operação de convite"),
            ReceivedKind::Error => Text::new("a Graph error", "um erro do Graph"),
        }
    }
}

/// The request a received payload is matched against.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RequestFacts {
    pub client_context: Option<String>,
    pub call_id: Option<String>,
    /// Ids of the invited identities (any kind).
    pub invitee_ids: Vec<String>,
}

impl RequestFacts {
    /// What a checked request tells about the payloads that answer it.
    pub fn of(checked: &Checked, default_call_id: &str) -> Self {
        let body = checked.request.body();
        let client_context = body
            .and_then(|b| b.get("clientContext"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let call_id = checked
            .request
            .target
            .as_ref()
            .and_then(|t| t.call_id.clone())
            .or_else(|| Some(default_call_id.to_owned()));
        let invitee_ids = body
            .and_then(|b| b.get("participants"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|p| p.get("identity")?.as_object())
            .flat_map(|set| set.values().filter_map(|identity| identity.get("id")?.as_str()))
            .map(str::to_owned)
            .collect();
        RequestFacts {
            client_context,
            call_id,
            invitee_ids,
        }
    }
}

/// What `check_received` needs besides the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReceivedOptions {
    pub version: ApiVersion,
    pub request: Option<RequestFacts>,
}

/// The result of [`check_received`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Received {
    pub kind: Option<ReceivedKind>,
    /// The status line's code, for a full HTTP response.
    pub http_status: Option<u16>,
    pub headers: Vec<(String, String)>,
    /// The body is a page from something in front of Graph (a proxy's, gateway's or
    /// load balancer's HTML or text), so its status is not Graph's own refusal.
    pub gateway_page: bool,
    pub diagnostics: Vec<Diagnostic>,
    pub omitted: Omitted,
}

impl Received {
    /// What a person calls what was received: its kind's name, or a gateway's page.
    pub fn label(&self) -> Option<Text> {
        match self.kind? {
            ReceivedKind::Error if self.gateway_page => {
                Some(Text::new("a gateway's error page", "uma página de erro de um gateway"))
            }
            kind => Some(kind.text()),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Reads and checks what the bot received.
pub fn check_received(text: &str, options: &ReceivedOptions) -> Received {
    read_received(text, options, |_, _| ()).0
}

/// Reads and checks what the bot received, and hands `then` the result with the body's
/// positioned tree (when the body parsed), so that an explanation reads the tree instead
/// of a `serde_json::Value` copy (one was 42× a 64 MiB payload of small numbers).
pub fn read_received<R>(
    text: &str,
    options: &ReceivedOptions,
    then: impl FnOnce(&Received, Option<Node<'_>>) -> R,
) -> (Received, R) {
    let split = input::split_message(text);
    let mut sink = Sink::new(text, split.body_offset);
    let http_status = split.head.as_ref().and_then(|head| status_of(head, &mut sink));
    super::bidi_in_head(&split, &mut sink);
    let headers = split.head.as_ref().map(HttpHead::header_pairs).unwrap_or_default();
    let location_op = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("Location"))
        .and_then(|(_, v)| operation_id(v))
        .map(str::to_owned);

    // A head without a body is not a request without its body: the invite's `200 OK`
    // or one of Graph's refusals says what it says without one (the body is named as
    // missing); any other is nothing to explain. A head of bare carriage returns
    // swallowed its body, and says so.
    let swallowed = split.head.as_ref().is_some_and(bare_carriage_returns);
    // The status with what it alone says the body is, when it says anything.
    let answered = http_status.and_then(|status| Some((status, kind_by_status(status)?)));
    let media = split
        .head
        .as_ref()
        .and_then(|head| head.header("Content-Type"))
        .map(|header| header.value.text.trim());
    // A refusal whose body is a page from in front of Graph (a gateway's).
    let gateway = answered
        .filter(|&(_, kind)| kind == ReceivedKind::Error && not_json(media, split.body))
        .map(|(status, _)| status);
    let mut head_only = None;
    let mut gateway_page = false;
    let ast = if swallowed {
        None
    } else if split.body.trim().is_empty() {
        head_only = answered.map(|(_, kind)| kind);
        let rule = match answered {
            Some((status, _)) => Rule::ReceivedBodyMissing { status },
            None => Rule::ReceivedKindUnknown {
                found: Unrecognised::Nothing,
            },
        };
        sink.body(rule, &JsonPointer::root(), Range::new(0, split.body.len()));
        None
    } else if let Some(status) = gateway {
        // Its status still says what happened.
        head_only = Some(ReceivedKind::Error);
        gateway_page = true;
        let media = media.map(str::to_owned);
        let rule = Rule::ReceivedBodyNotJson { status, media };
        let start = split.body.len() - split.body.trim_start().len();
        sink.body(
            rule,
            &JsonPointer::root(),
            Range::new(start, split.body.trim_end().len()),
        );
        None
    } else {
        syntax::parse(split.body, &mut sink)
    };
    let mut reader = Reader {
        sink: &mut sink,
        version: options.version,
        request: options.request.as_ref(),
        in_notification: false,
    };
    let kind = match &ast {
        Some(tree) => reader.root(&tree.root(), location_op.as_deref()),
        None => head_only,
    };
    if let (Some(status), Some(head)) = (http_status, &split.head) {
        // An operation comes only with `200 OK`; the error envelope only with a failure.
        let error_envelope = match kind {
            Some(ReceivedKind::Operation) if status != 200 => Some(false),
            Some(ReceivedKind::Error) if (200..300).contains(&status) => Some(true),
            _ => None,
        };
        if let Some(error_envelope) = error_envelope {
            let rule = Rule::HttpStatusUnexpected { status, error_envelope };
            sink.head(rule, Some(head.request_line));
        }
        // The invite's answer, pasted whole, names its operation in `Location`.
        let answered = kind == Some(ReceivedKind::Operation) && (200..300).contains(&status);
        if answered && head.header("Location").is_none() {
            let body = ast.is_some();
            sink.head(Rule::LocationMissing { body }, Some(head.request_line));
        }
    }
    let omitted = sink.omitted;
    let mut diagnostics = sink.finish();
    diagnostics.iter_mut().for_each(|d| d.rule.mark_received());
    let received = Received {
        kind,
        http_status,
        headers,
        gateway_page,
        omitted,
        diagnostics,
    };
    let then = then(&received, ast.as_ref().map(|tree| tree.root()));
    (received, then)
}

/// What a response's status alone says its body is: the invite's operation (`200 OK`)
/// or Graph's refusal (4xx/5xx); nothing for any other status.
fn kind_by_status(status: u16) -> Option<ReceivedKind> {
    match status {
        200 => Some(ReceivedKind::Operation),
        400..=599 => Some(ReceivedKind::Error),
        _ => None,
    }
}

/// A body that is no JSON: one starting with `<` (an HTML page), or one whose
/// `Content-Type` names no JSON type and which does not start as an object or a list
/// would (a JSON body under the wrong type is still read as the JSON it is).
fn not_json(media: Option<&str>, body: &str) -> bool {
    let first = body.trim_start().chars().next();
    first == Some('<')
        || (media.is_some_and(|media| !media.to_ascii_lowercase().contains("json"))
            && !matches!(first, Some('{' | '[')))
}

/// The operation's id in a `Location` header: what follows its last `/operations/`, if
/// anything does.
pub(crate) fn operation_id(location: &str) -> Option<&str> {
    location
        .rsplit_once("/operations/")
        .map(|(_, id)| id.trim())
        .filter(|id| !id.is_empty())
}

/// The status code of `HTTP/1.1 200 OK`; a request line (the notification's POST) has none.
fn status_of(head: &HttpHead<'_>, sink: &mut Sink<'_>) -> Option<u16> {
    let words: Vec<&str> = head.words.iter().map(|w| w.text).collect();
    let invalid = |sink: &mut Sink<'_>| {
        let line = head.request_line.text.to_owned();
        sink.head(Rule::ResponseLineInvalid { line }, Some(head.request_line));
        None
    };
    match words.as_slice() {
        // Bare carriage returns (old Mac line endings): the whole message is one line.
        _ if bare_carriage_returns(head) => invalid(sink),
        [version, code, ..] if version.starts_with("HTTP/") => match code.parse::<u16>() {
            Ok(status) if (100..600).contains(&status) => Some(status),
            _ => invalid(sink),
        },
        [method, _, ..] if method.bytes().all(|b| b.is_ascii_uppercase()) => None,
        _ => invalid(sink),
    }
}

/// A change notification from a Graph subscription, not a call's `commsNotification`:
/// a lifecycle event, or a `resource` outside calls with no `resourceUrl`. A call's
/// carries `resource` too, under `/app/calls/` beside its `resourceUrl`, and legacy ones
/// a `subscriptionId` (GRAPH-FACTS §2.8), so neither tells them apart alone.
fn from_a_subscription(item: Node<'_>) -> bool {
    let outside_calls = |resource: &str| {
        let path = resource.trim_start_matches('/');
        !(path.starts_with("app/calls") || path.starts_with("communications/calls"))
    };
    item.get("lifecycleEvent").is_some()
        || (item.get("resourceUrl").is_none() && item.get("resource").and_then(Node::as_str).is_some_and(outside_calls))
}

/// The first element of `node` if it is a list (of notifications, when it is one).
fn first_element(node: Node<'_>) -> Option<Node<'_>> {
    match node {
        Node::Array(list) => list.elements.get(0),
        _ => None,
    }
}

/// A first line that holds carriage returns not followed by a line feed.
fn bare_carriage_returns(head: &HttpHead<'_>) -> bool {
    head.request_line.text.contains('\r')
}

struct Reader<'s, 't, 'r> {
    sink: &'s mut Sink<'t>,
    version: ApiVersion,
    request: Option<&'r RequestFacts>,
    /// Status casing differs between the response and notifications (GRAPH-FACTS §2.5).
    in_notification: bool,
}

impl Reader<'_, '_, '_> {
    fn root(&mut self, root: &Node<'_>, location_op: Option<&str>) -> Option<ReceivedKind> {
        let pointer = JsonPointer::root();
        let Node::Object(object) = root else {
            // The `value` list alone: its first element names a change.
            let found = match first_element(*root) {
                Some(item) if from_a_subscription(item) => Unrecognised::ChangeNotifications,
                Some(item) if item.get("changeType").is_some() => Unrecognised::BareNotifications,
                _ if encoded_twice(root) => Unrecognised::EncodedTwice,
                _ => Unrecognised::Other,
            };
            self.sink
                .body(Rule::ReceivedKindUnknown { found }, &pointer, root.range());
            return None;
        };
        let odata = string_at(object, "@odata.type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let first_item = object.get("value").and_then(|value| first_element(value.value));
        if first_item.is_some_and(from_a_subscription) {
            let found = Unrecognised::ChangeNotifications;
            self.sink
                .body(Rule::ReceivedKindUnknown { found }, &pointer, object.range);
            None
        } else if object.get("error").is_some() {
            self.error(object, &pointer);
            Some(ReceivedKind::Error)
        } else if object.get("value").is_some() || odata.ends_with("commsnotifications") {
            self.notifications(object, &pointer);
            Some(ReceivedKind::Notifications)
        } else if object.get("status").is_some() || odata.ends_with("inviteparticipantsoperation") {
            self.operation(object, &pointer, location_op);
            Some(ReceivedKind::Operation)
        } else {
            self.sink.body(
                Rule::ReceivedKindUnknown {
                    found: Unrecognised::Other,
                },
                &pointer,
                object.range,
            );
            None
        }
    }

    /// An element of a list of objects that is not one (`value[0]` a number): the list's
    /// type, `owner`, declares objects there.
    fn not_an_object(&mut self, item: &Node<'_>, list: &str, index: usize, owner: &'static str, at: &JsonPointer) {
        let rule = Rule::TypeMismatch {
            property: format!("{list}[{index}]"),
            expected: PropertyType::Object,
            found: kind(item),
            owner: Owner::Received(owner),
        };
        self.sink.body(rule, at, item.range());
    }

    /// Members Graph always sends with a value: absent is marked at the object, `null`
    /// at the value (the docs' `"id": null` on operations and roster entries, A-6/A-11).
    fn required(&mut self, object: &Object<'_>, pointer: &JsonPointer, names: &[&str]) {
        for name in names {
            let rule = Rule::RequiredMissing {
                property: (*name).to_owned(),
            };
            match object.get(name) {
                None => self.sink.body(rule, pointer, object.range),
                Some(ObjectProp {
                    value: Node::NullKeyword(null),
                    ..
                }) => self.sink.body(rule, &pointer.key(name), null.range),
                Some(_) => {}
            }
        }
    }

    fn notifications(&mut self, object: &Object<'_>, pointer: &JsonPointer) {
        check_properties(
            object,
            pointer,
            &[declared::NOTIFICATIONS],
            &[],
            self.version,
            self.sink,
        );
        self.required(object, pointer, &["value"]);
        let Some(Node::Array(items)) = object.get("value").map(|p| p.value) else {
            return;
        };
        if items.elements.is_empty() {
            self.sink
                .body(Rule::NotificationsEmpty, &pointer.key("value"), items.range);
        }
        self.in_notification = true;
        for (index, item) in items.elements.iter().enumerate() {
            let at = pointer.key("value").index(index);
            match item {
                Node::Object(item) => self.notification(&item, &at),
                other => self.not_an_object(&other, "value", index, "commsNotifications", &at),
            }
        }
    }

    fn notification(&mut self, object: &Object<'_>, pointer: &JsonPointer) {
        check_properties(object, pointer, &[declared::NOTIFICATION], &[], self.version, self.sink);
        self.required(object, pointer, &["changeType", "resourceUrl", "resourceData"]);
        if let Some(prop) = object.get("changeType") {
            check_enum(
                &prop,
                &pointer.key("changeType"),
                ChangeType::MEMBERS,
                "commsNotification",
                self.sink,
            );
        }
        if let (Some(url), Some(call_id)) = (
            string_prop(object, "resourceUrl"),
            self.request.and_then(|r| r.call_id.as_deref()),
        ) {
            let found = url.1.split('/').nth(3).unwrap_or_default();
            let replaced = url.1.split('/').count() == 4; // `/communications/calls/{id}`: a replaced call
            if !found.is_empty() && found != call_id && !replaced {
                self.mismatch(Correlated::CallId, found, call_id, &pointer.key("resourceUrl"), url.0);
            }
        }
        match object.get("resourceData").map(|p| p.value) {
            Some(Node::Object(data)) => {
                let at = pointer.key("resourceData");
                let odata = string_at(&data, "@odata.type").unwrap_or_default().to_ascii_lowercase();
                if odata.ends_with(".call") || data.get("state").is_some() {
                    self.call(&data, &at);
                } else {
                    self.operation(&data, &at, None);
                    self.finished_change(object, &data, pointer);
                }
            }
            Some(Node::Array(list)) => {
                for (index, participant) in list.elements.iter().enumerate() {
                    let at = pointer.key("resourceData").index(index);
                    match participant {
                        Node::Object(participant) => self.participant(&participant, &at),
                        other => self.not_an_object(&other, "resourceData", index, "commsNotification", &at),
                    }
                }
            }
            _ => {}
        }
    }

    fn operation(&mut self, object: &Object<'_>, pointer: &JsonPointer, location_op: Option<&str>) {
        check_properties(object, pointer, &[declared::OPERATION], &[], self.version, self.sink);
        self.required(object, pointer, &["id", "status"]);
        if let Some(prop) = object.get("status") {
            let at = pointer.key("status");
            let docs = "inviteParticipantsOperation, operationStatus";
            check_enum(&prop, &at, OperationStatus::MEMBERS, docs, self.sink);
            if let Node::StringLit(found) = &prop.value {
                let camel = OperationStatus::parse(found.value);
                let expected = camel.as_str();
                // Notifications use the documented camelCase; the response may say `Running`.
                if self.in_notification && !matches!(camel, OperationStatus::Other(_)) && found.value != expected {
                    let rule = Rule::StatusCasing {
                        property: "status".into(),
                        found: found.value.to_string(),
                        expected: OperationStatus::MEMBERS
                            .iter()
                            .find(|m| m.eq_ignore_ascii_case(found.value))
                            .copied()
                            .unwrap_or("running"),
                    };
                    self.sink.body(rule, &at, found.range);
                }
            }
        }
        if let (Some(op), Some((range, id))) = (location_op, string_prop(object, "id")) {
            if op != id {
                self.mismatch(Correlated::OperationId, &id, op, &pointer.key("id"), range);
            }
        }
        if let (Some(expected), Some((range, found))) = (
            self.request.and_then(|r| r.client_context.as_deref()),
            string_prop(object, "clientContext"),
        ) {
            if found != expected {
                self.mismatch(
                    Correlated::ClientContext,
                    &found,
                    expected,
                    &pointer.key("clientContext"),
                    range,
                );
            }
        }
        if let Some(Node::Object(result)) = object.get("resultInfo").map(|p| p.value) {
            let at = pointer.key("resultInfo");
            check_properties(&result, &at, &[declared::RESULT_INFO], &[], self.version, self.sink);
            self.required(&result, &at, &["code"]);
        }
        if let Some(Node::Array(list)) = object.get("participants").map(|p| p.value) {
            for (index, item) in list.elements.iter().enumerate() {
                let at = pointer.key("participants").index(index);
                let Node::Object(participant) = item else {
                    self.not_an_object(&item, "participants", index, "inviteParticipantsOperation", &at);
                    continue;
                };
                // The docs' responses add an undeclared `"id": null` here: tolerated.
                check_properties(
                    &participant,
                    &at,
                    &[schema::INVITATION_PARTICIPANT_INFO],
                    &["id"],
                    self.version,
                    self.sink,
                );
                if let Some(Node::Object(set)) = participant.get("identity").map(|p| p.value) {
                    self.identity_set(&set, &at.key("identity"));
                }
            }
        }
    }

    /// A finished operation's notification is its `deleted` (GRAPH-FACTS §5); the case
    /// of `changeType` is not judged here, as real notifications capitalise it.
    fn finished_change(&mut self, notification: &Object<'_>, operation: &Object<'_>, pointer: &JsonPointer) {
        let Some(status) = string_at(operation, "status") else {
            return;
        };
        let finished = ["completed", "failed"].iter().any(|s| s.eq_ignore_ascii_case(status));
        if let (true, Some((range, found))) = (finished, string_prop(notification, "changeType")) {
            if !found.eq_ignore_ascii_case("deleted") {
                let rule = Rule::ChangeTypeUnexpected {
                    found,
                    status: status.to_owned(),
                };
                self.sink.body(rule, &pointer.key("changeType"), range);
            }
        }
    }

    fn participant(&mut self, object: &Object<'_>, pointer: &JsonPointer) {
        check_properties(object, pointer, &[declared::PARTICIPANT], &[], self.version, self.sink);
        self.required(object, pointer, &["id", "info"]);
        if let Some(Node::Object(info)) = object.get("info").map(|p| p.value) {
            let at = pointer.key("info");
            check_properties(&info, &at, &[declared::PARTICIPANT_INFO], &[], self.version, self.sink);
            self.required(&info, &at, &["identity"]);
            check_endpoint_type(&info, &at, self.sink);
            if let Some(Node::Object(set)) = info.get("identity").map(|p| p.value) {
                self.identity_set(&set, &at.key("identity"));
            }
        }
        if let Some(Node::Array(streams)) = object.get("mediaStreams").map(|p| p.value) {
            for (index, stream) in streams.elements.iter().enumerate() {
                let at = pointer.key("mediaStreams").index(index);
                let Node::Object(stream) = stream else {
                    self.not_an_object(&stream, "mediaStreams", index, "participant", &at);
                    continue;
                };
                check_properties(&stream, &at, &[declared::MEDIA_STREAM], &[], self.version, self.sink);
                // A bot reads these to know who hears whom: a value outside the enum is not
                // one Graph sends.
                for (name, members) in [("mediaType", Modality::MEMBERS), ("direction", MediaDirection::MEMBERS)] {
                    if let Some(prop) = stream.get(name) {
                        check_enum(&prop, &at.key(name), members, "mediaStream", self.sink);
                    }
                }
            }
        }
    }

    fn identity_set(&mut self, set: &Object<'_>, pointer: &JsonPointer) {
        let kinds: Vec<&'static str> = IdentityKind::KEYS.to_vec();
        check_properties(
            set,
            pointer,
            &[schema::IDENTITY_SET_EXTRA],
            &kinds,
            self.version,
            self.sink,
        );
        let communications = string_at(set, "@odata.type")
            .is_some_and(|odata| odata.to_ascii_lowercase().ends_with("communicationsidentityset"));
        for prop in &set.properties {
            let key = prop.name.value;
            let only_communications = IdentityKind::from_key(key).is_some_and(IdentityKind::is_communications_only);
            // Even `"phone": null` names a key the type does not declare (D-3).
            if only_communications && !communications {
                let rule = Rule::CommunicationsKeyOnIdentitySet { key: key.to_owned() };
                self.sink.body(rule, &pointer.key(key), prop.name.range);
            }
            if let (Node::Object(identity), Some(kind)) = (&prop.value, IdentityKind::from_key(key)) {
                let at = pointer.key(key);
                let tables = [schema::IDENTITY_COMMON, schema::identity_specific(kind)];
                check_properties(identity, &at, &tables, &[], self.version, self.sink);
                // Object ids and tenants are GUIDs wherever Graph writes them, as in a request.
                check_guid(identity, &at, "tenantId", self.sink);
                if matches!(kind, IdentityKind::User | IdentityKind::Application) {
                    check_guid(identity, &at, "id", self.sink);
                }
            }
        }
    }

    fn call(&mut self, object: &Object<'_>, pointer: &JsonPointer) {
        // `call` has many members; only the ones an invite's notifications carry are read.
        if let Some(prop) = object.get("state") {
            check_enum(
                &prop,
                &pointer.key("state"),
                CallState::MEMBERS,
                "call, callState",
                self.sink,
            );
        }
        if let Some(Node::Object(result)) = object.get("resultInfo").map(|p| p.value) {
            let at = pointer.key("resultInfo");
            check_properties(&result, &at, &[declared::RESULT_INFO], &[], self.version, self.sink);
        }
    }

    fn error(&mut self, object: &Object<'_>, pointer: &JsonPointer) {
        check_properties(
            object,
            pointer,
            &[declared::ERROR_ENVELOPE],
            &[],
            self.version,
            self.sink,
        );
        self.required(object, pointer, &["error"]);
        if let Some(Node::Object(error)) = object.get("error").map(|p| p.value) {
            let at = pointer.key("error");
            check_properties(&error, &at, &[declared::ERROR], &[], self.version, self.sink);
            self.required(&error, &at, &["code", "message"]);
        }
    }

    fn mismatch(
        &mut self,
        what: Correlated,
        found: &str,
        expected: &str,
        pointer: &JsonPointer,
        at: jsonc_parser::common::Range,
    ) {
        let rule = Rule::CorrelationMismatch {
            what,
            found: found.to_owned(),
            expected: expected.to_owned(),
        };
        self.sink.body(rule, pointer, at);
    }
}

fn string_at<'t>(object: &Object<'t>, name: &str) -> Option<&'t str> {
    object.get(name)?.value.as_str()
}

/// A string property's value and the range of its literal.
fn string_prop(object: &Object<'_>, name: &str) -> Option<(jsonc_parser::common::Range, String)> {
    match object.get(name) {
        Some(ObjectProp {
            value: Node::StringLit(text),
            ..
        }) => Some((text.range, text.value.to_string())),
        _ => None,
    }
}
