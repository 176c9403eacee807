//! What the bot received: every payload the simulator sends is recognised, placed in
//! the sequence and clean; the docs' own payloads show their register defects; mutated
//! payloads give their diagnostic at the right place; correlation with the request.

mod common;

use common::assert_places;
use invite_playground::engine::explain::{explain, Step};
use invite_playground::engine::vocabulary::Vocabulary;
use invite_playground::model::ApiVersion;
use invite_playground::scenarios::{self, DocMessage, Mode, PRESETS};
use invite_playground::simulate::{simulate, EventKind, Outcome, Settings, Subject};
use invite_playground::validate::{check, check_received, CheckOptions, ReceivedKind, ReceivedOptions, RequestFacts};

fn options(version: ApiVersion) -> ReceivedOptions {
    ReceivedOptions { version, request: None }
}

#[test]
fn every_simulated_payload_is_recognised_placed_and_clean() {
    let mut seen = 0;
    for version in [ApiVersion::Beta, ApiVersion::V1] {
        for preset in PRESETS {
            for &outcome in Outcome::ALL {
                // The preset's corrected body, bare, so that the version is the one asked for.
                let text = preset.corrected_request();
                let body = &text[text.find("\n\n").unwrap() + 2..];
                let checked = check(
                    body,
                    &CheckOptions {
                        version,
                        context: preset.context(),
                    },
                );
                let settings = Settings {
                    outcome,
                    mode: Mode::Corrected,
                    seed: 5,
                };
                let timeline = simulate(&checked, &preset.context(), settings, Some(preset));
                for event in timeline.events.iter().filter(|e| e.kind != EventKind::Request) {
                    let body_text = event.display_body();
                    // The body alone, and the whole HTTP message for a response.
                    let mut texts = vec![body_text.clone()];
                    if event.kind == EventKind::Response {
                        texts.push(event.as_http());
                    }
                    for text in texts {
                        let explained = explain(&text, &options(version));
                        let received = &explained.received;
                        let codes: Vec<_> = received.diagnostics.iter().map(|d| d.code()).collect();
                        assert!(
                            codes.is_empty(),
                            "{} {outcome} {version} {:?}: {codes:?}\n{text}",
                            preset.name,
                            event.subject
                        );
                        let expected = match (event.kind, event.subject, event.status) {
                            (EventKind::Response, _, Some(200)) => (ReceivedKind::Operation, Step::ActionResponse),
                            (EventKind::Response, _, _) => (ReceivedKind::Error, Step::ErrorResponse),
                            (_, Some(Subject::Roster), _) => (ReceivedKind::Notifications, Step::RosterUpdated),
                            (_, Some(Subject::ReplacedCall), _) => (ReceivedKind::Notifications, Step::ReplacedCall),
                            _ if event.resource_field("status") == Some("failed") => {
                                (ReceivedKind::Notifications, Step::OperationFailed)
                            }
                            _ => (ReceivedKind::Notifications, Step::OperationCompleted),
                        };
                        assert_eq!(received.kind, Some(expected.0), "{} {outcome}", preset.name);
                        assert_eq!(
                            explained.items.first().map(|i| i.step),
                            Some(expected.1),
                            "{} {outcome}",
                            preset.name
                        );
                        if text.starts_with("HTTP/") {
                            assert_eq!(received.http_status, event.status);
                        }
                        // What the simulator sends, the explainer knows: never its
                        // fallback for a code no source explains.
                        for item in &explained.items {
                            assert!(
                                !item.meaning.en.contains("no source explains"),
                                "{} {outcome}: {}",
                                preset.name,
                                item.meaning.en
                            );
                        }
                        seen += 1;
                    }
                }
            }
        }
    }
    assert!(seen > 250, "{seen}");
}

#[test]
fn the_docs_payloads_show_their_register_defects() {
    for preset in PRESETS {
        for (message, text) in [
            (DocMessage::Response, preset.fixture().response),
            (DocMessage::OperationNotification, preset.fixture().operation),
            (DocMessage::RosterNotification, preset.fixture().roster),
        ] {
            let received = check_received(text, &options(ApiVersion::Beta));
            assert!(received.kind.is_some(), "{} {message:?}", preset.name);
            let defects: Vec<&str> = preset.defects_on(message).map(|site| site.defect).collect();
            for diagnostic in &received.diagnostics {
                let explained_by = match diagnostic.code() {
                    "required-missing" => ["A-6", "A-11"].iter().any(|id| defects.contains(id)),
                    "communications-key-on-identity-set" => ["D-3", "A-14"].iter().any(|id| defects.contains(id)),
                    // Example 5 is rebuilt in the style of examples 1–4 (R-5), which omit it.
                    "location-missing" => ["A-18", "R-5"].iter().any(|id| defects.contains(id)),
                    _ => false,
                };
                assert!(
                    explained_by,
                    "{} {message:?}: {} at {:?} is not in the register {defects:?}",
                    preset.name,
                    diagnostic.code(),
                    diagnostic.pointer
                );
            }
            // And each of those register entries does show.
            for id in ["A-6", "A-11", "D-3"] {
                if defects.contains(&id) {
                    assert!(
                        !received.diagnostics.is_empty(),
                        "{} {message:?}: {id} not found",
                        preset.name
                    );
                }
            }
            assert_places(
                text,
                &invite_playground::validate::Checked {
                    diagnostics: received.diagnostics.clone(),
                    request: invite_playground::validate::Request::default().with_body(body_of(text)),
                    ..Default::default()
                },
            );
        }
    }
}

/// The JSON body of a received text (a bare body or an HTTP message), for resolving
/// diagnostics' pointers.
fn body_of(text: &str) -> Option<serde_json::Value> {
    serde_json::from_str(invite_playground::input::split_message(text).body).ok()
}

/// A corrected operation notification, mutated one way at a time.
fn notification() -> String {
    simulated(Outcome::MediaError, Subject::Operation)
}

/// The body of Example 1's corrected run with `outcome`: its message about `subject`.
fn simulated(outcome: Outcome, subject: Subject) -> String {
    let preset = scenarios::preset("example-1").unwrap();
    let checked = check(&preset.corrected_request(), &CheckOptions::default());
    let settings = Settings {
        outcome,
        mode: Mode::Corrected,
        seed: 5,
    };
    let timeline = simulate(&checked, &preset.context(), settings, Some(preset));
    timeline
        .events
        .iter()
        .find(|e| e.subject == Some(subject))
        .unwrap()
        .display_body()
}

fn diagnostics(text: &str) -> Vec<(&'static str, String, usize, usize)> {
    let received = check_received(text, &options(ApiVersion::Beta));
    received
        .diagnostics
        .iter()
        .map(|d| {
            let position = d.position.unwrap();
            (
                d.code(),
                d.pointer.as_ref().map(|p| p.as_str().to_owned()).unwrap_or_default(),
                position.line,
                position.column,
            )
        })
        .collect()
}

fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle} not in {text}"));
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    (line, column)
}

#[test]
fn mutated_payloads_are_marked_where_they_go_wrong() {
    let base = notification();
    assert!(diagnostics(&base).is_empty(), "{:?}", diagnostics(&base));
    // A string code (the docs' D-7).
    let text = base.replace("\"code\": 410", "\"code\": \"410\"");
    let (line, column) = position_of(&text, "\"410\"");
    assert_eq!(
        diagnostics(&text),
        [(
            "type-mismatch",
            "/value/0/resourceData/resultInfo/code".to_owned(),
            line,
            column
        )]
    );
    // Its help names the type's own docs page, not the request's.
    let found = check_received(&text, &options(ApiVersion::Beta));
    let help = found.diagnostics[0].help(invite_playground::i18n::Lang::En).unwrap();
    assert!(
        help.contains("(docs: resultInfo)") && !help.contains("invitationParticipantInfo"),
        "{help}"
    );
    // `subCode` with a capital C: unknown, with a suggestion, and `subcode` missing is fine.
    let text = base.replace("\"subcode\"", "\"subCode\"");
    let found = check_received(&text, &options(ApiVersion::Beta));
    let unknown = found
        .diagnostics
        .iter()
        .find(|d| d.code() == "unknown-property")
        .unwrap();
    assert!(unknown.help(invite_playground::i18n::Lang::En).is_some());
    assert!(
        unknown.message(invite_playground::i18n::Lang::En).contains("subcode"),
        "{}",
        unknown.message(invite_playground::i18n::Lang::En)
    );
    // A missing required member, marked at its object.
    let text = base.replace("\"changeType\": \"deleted\",", "");
    let codes = diagnostics(&text);
    assert_eq!(codes.len(), 1);
    assert_eq!((codes[0].0, codes[0].1.as_str()), ("required-missing", "/value/0"));
    // A wrong enum member, and a camel-case status in a notification spelled otherwise.
    let text = base.replace("\"status\": \"failed\"", "\"status\": \"done\"");
    assert_eq!(diagnostics(&text)[0].0, "enum-value-unknown");
    let text = base.replace("\"status\": \"failed\"", "\"status\": \"Failed\"");
    let (line, column) = position_of(&text, "\"Failed\"");
    assert_eq!(
        diagnostics(&text),
        [("status-casing", "/value/0/resourceData/status".to_owned(), line, column)]
    );
    // Not a payload Graph sends at all.
    assert_eq!(diagnostics("{\"hello\": 1}")[0].0, "received-kind-unknown");
    // A list of objects with something else in it is marked at that element.
    for (text, pointer, property) in [
        ("{\"value\": [1]}", "/value/0", "value[0]"),
        (
            "{\"value\": [{\"changeType\": \"updated\", \"resourceUrl\": \"/communications/calls/1/participants\", \"resourceData\": [{\"id\": \"p\", \"info\": {\"identity\": {}}, \"mediaStreams\": [\"audio\"]}, null]}]}",
            "/value/0/resourceData/0/mediaStreams/0",
            "mediaStreams[0]",
        ),
    ] {
        let found = check_received(text, &options(ApiVersion::Beta));
        let first = &found.diagnostics[0];
        assert_eq!((first.code(), first.pointer.as_ref().unwrap().as_str()), ("type-mismatch", pointer), "{text}");
        assert!(first.message(invite_playground::i18n::Lang::En).starts_with(&format!("`{property}` is")));
    }
    let roster = "{\"value\": [{\"changeType\": \"updated\", \"resourceUrl\": \"/communications/calls/1/participants\", \"resourceData\": [null]}]}";
    assert_eq!(diagnostics(roster)[0].1, "/value/0/resourceData/0");
    // The invite's answer pasted whole without `Location`: a note at its status line,
    // never for a body alone or an answer that has it.
    let body =
        "{\"@odata.type\": \"#microsoft.graph.inviteParticipantsOperation\", \"id\": \"o\", \"status\": \"Running\"}";
    let without = format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{body}");
    assert_eq!(diagnostics(&without), [("location-missing", String::new(), 1, 1)]);
    let with = without.replace(
        "\r\n\r\n",
        "\r\nLocation: https://graph.microsoft.com/beta/communications/calls/c/operations/o\r\n\r\n",
    );
    assert!(diagnostics(&with).is_empty(), "{:?}", diagnostics(&with));
    assert!(diagnostics(body).is_empty());
    // Bare carriage returns (old Mac line endings) make the whole answer one line: said
    // so at its start, once, not "no body here" after a status read from that line.
    let mac = with.replace("\r\n", "\r");
    assert_eq!(diagnostics(&mac), [("response-line-invalid", String::new(), 1, 1)]);
    let found = check_received(&mac, &options(ApiVersion::Beta));
    assert_eq!(found.http_status, None);
    let help = found.diagnostics[0].help(invite_playground::i18n::Lang::En).unwrap();
    assert!(
        help.starts_with("its lines end with a bare carriage return (CR)"),
        "{help}"
    );
    // A webhook's headers logged without their request line start with Graph's signed
    // token: the line is quoted with four characters of it.
    let logged =
        "Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiSECRET\nContent-Type: application/json\n\n{\"value\": []}";
    let found = check_received(logged, &options(ApiVersion::Beta));
    let message = found.diagnostics[0].message(invite_playground::i18n::Lang::En);
    assert_eq!(
        message,
        "`Authorization: Bear…` is not a status line of the form `HTTP/1.1 200 OK`"
    );
    // The `value` list alone, as logs print it: named as such, with what to paste.
    let list = "[{\"changeType\": \"deleted\", \"resourceUrl\": \"/communications/calls/c/operations/o\", \"resourceData\": {}}]";
    let found = check_received(list, &options(ApiVersion::Beta));
    assert_eq!(found.kind, None);
    assert_eq!(found.diagnostics.len(), 1);
    let message = found.diagnostics[0].message(invite_playground::i18n::Lang::En);
    assert_eq!(
        message,
        "this is a list of notifications without the `{\"value\": [ … ]}` Graph sends around it"
    );
    // A payload a log stored as a string: encoded twice, and said so.
    let notification = simulated(Outcome::Success, Subject::Operation);
    for twice in [
        serde_json::to_string(&notification).unwrap(),
        serde_json::to_string(
            &serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&notification).unwrap()).unwrap(),
        )
        .unwrap(),
    ] {
        let found = check_received(&twice, &options(ApiVersion::Beta));
        assert_eq!(found.kind, None);
        let message = found.diagnostics[0].message(invite_playground::i18n::Lang::En);
        assert_eq!(
            message,
            "this is a JSON string that holds the payload, not the payload itself: it was encoded twice"
        );
        let help = found.diagnostics[0].help(invite_playground::i18n::Lang::En).unwrap();
        assert!(help.contains("`JSON.parse` it once"), "{help}");
    }
    for other in [
        "[1]",
        "[]",
        "[{\"status\": \"running\"}]",
        "\"running\"",
        "\"{ unbalanced\"",
    ] {
        let found = check_received(other, &options(ApiVersion::Beta));
        let message = found.diagnostics[0].message(invite_playground::i18n::Lang::En);
        assert!(
            message.starts_with("this is not a webhook notification"),
            "{other}: {message}"
        );
    }
    // Nothing at all, or a head Graph does not answer an invite with: said so, not
    // judged as a request's missing body.
    for text in [
        "",
        "  \n",
        "HTTP/1.1 302 Found\r\nLocation: https://example.com/\r\n\r\n",
        "HTTP/1.1 204 No Content\n",
    ] {
        let found = check_received(text, &options(ApiVersion::Beta));
        let codes: Vec<_> = found.diagnostics.iter().map(|d| d.code()).collect();
        assert_eq!(codes, ["received-kind-unknown"], "{text:?}");
        let message = found.diagnostics[0].message(invite_playground::i18n::Lang::En);
        assert_eq!(message, "there is no body here to explain");
    }
}

#[test]
fn a_roster_with_a_value_outside_its_enums_is_marked_at_it() {
    let roster = simulated(Outcome::Success, Subject::Roster);
    assert!(diagnostics(&roster).is_empty(), "{:?}", diagnostics(&roster));
    let at = "/value/0/resourceData/0";
    for (from, to, pointer) in [
        (
            "\"direction\": \"sendReceive\"",
            "\"direction\": \"sideways\"",
            "/mediaStreams/0/direction",
        ),
        (
            "\"mediaType\": \"audio\"",
            "\"mediaType\": \"smell\"",
            "/mediaStreams/0/mediaType",
        ),
        (
            "\"endpointType\": \"default\"",
            "\"endpointType\": \"fax\"",
            "/info/endpointType",
        ),
    ] {
        assert!(roster.contains(from), "{from} in\n{roster}");
        let text = roster.replacen(from, to, 1);
        let value = &to[to.find(": ").unwrap() + 2..];
        let (line, column) = position_of(&text, value);
        assert_eq!(
            diagnostics(&text),
            [("enum-value-unknown", format!("{at}{pointer}"), line, column)]
        );
    }
    // Object ids and tenants are GUIDs, as in a request: anything else is a warning.
    let id = "\"id\": \"278405a3-f568-4b3e-b684-009193463064\"";
    assert!(roster.contains(id), "{roster}");
    let text = roster.replacen(id, "\"id\": \"alice\"", 1);
    let (line, column) = position_of(&text, "\"alice\"");
    assert_eq!(
        diagnostics(&text),
        [("guid-format", format!("{at}/info/identity/user/id"), line, column)]
    );
    // The help names the enum's own docs page.
    let text = roster.replacen("\"sendReceive\"", "\"sideways\"", 1);
    let found = check_received(&text, &options(ApiVersion::Beta));
    let help = found.diagnostics[0].help(invite_playground::i18n::Lang::En).unwrap();
    assert!(help.contains("docs: mediaStream"), "{help}");
    // Spelled in another case, a member is still one (Graph's enums are read that way).
    assert!(diagnostics(&roster.replacen("\"sendReceive\"", "\"SendReceive\"", 1)).is_empty());
}

#[test]
fn a_status_that_does_not_go_with_its_body_is_a_warning_at_the_status_line() {
    let location = "Location: https://graph.microsoft.com/beta/communications/calls/c/operations/o\r\n";
    let operation =
        "{\"@odata.type\": \"#microsoft.graph.inviteParticipantsOperation\", \"id\": \"o\", \"status\": \"Running\"}";
    let envelope = "{\"error\": {\"code\": \"Forbidden\", \"message\": \"no\"}}";
    let answer = |line: &str, body: &str| format!("{line}\r\n{location}Content-Type: application/json\r\n\r\n{body}");
    for (line, body, status, envelope_body) in [
        ("HTTP/1.1 201 Created", operation, 201, false),
        ("HTTP/1.1 202 Accepted", operation, 202, false),
        ("HTTP/1.1 404 Not Found", operation, 404, false),
        ("HTTP/1.1 302 Found", operation, 302, false),
        ("HTTP/1.1 200 OK", envelope, 200, true),
        ("HTTP/1.1 204 No Content", envelope, 204, true),
    ] {
        let text = answer(line, body);
        assert_eq!(
            diagnostics(&text),
            [("http-status-unexpected", String::new(), 1, 1)],
            "{text}"
        );
        let found = check_received(&text, &options(ApiVersion::Beta));
        let message = found.diagnostics[0].message(invite_playground::i18n::Lang::En);
        assert!(
            message.starts_with(&format!("the status is `{status}`, but the body is ")),
            "{message}"
        );
        assert_eq!(message.contains("`error` envelope"), envelope_body, "{message}");
        assert!(found.diagnostics[0].pointer.is_none());
        // A running operation is only waited on under a 2xx: under a 3xx, 4xx or 5xx
        // the explanation sends the reader to what answered instead.
        if !envelope_body {
            let item = &explain(&text, &options(ApiVersion::Beta)).items[0];
            let accepted = (200..300).contains(&status);
            assert_eq!(
                item.next.en.starts_with("wait for the operation notification"),
                accepted,
                "{text}"
            );
            assert_eq!(
                item.meaning.en.contains(&format!("under HTTP {status}")),
                !accepted,
                "{text}"
            );
            assert_eq!(item.next.en.contains("find what sent it"), !accepted, "{text}");
            assert_ne!(item.next.en, item.next.pt);
        }
    }
    // The JSON rules' help speaks of what Graph sent, not of what it reads.
    for (text, help) in [
        (
            "{\"value\": [], \"value\": []}",
            "Graph does not send a key twice in one object",
        ),
        ("{\"value\": [],}", "Graph sends strict JSON (RFC 8259) in UTF-8"),
    ] {
        let found = check_received(text, &options(ApiVersion::Beta));
        let said = found.diagnostics[0].help(invite_playground::i18n::Lang::En).unwrap();
        assert!(said.starts_with(help), "{said}");
    }
    // Near misses: the pairs Graph sends, and bodies with no status to judge.
    for text in [
        answer("HTTP/1.1 200 OK", operation),
        answer("HTTP/1.1 403 Forbidden", envelope),
        answer("HTTP/1.1 404 Not Found", envelope),
        answer("HTTP/1.1 503 Service Unavailable", envelope),
        operation.to_owned(),
        envelope.to_owned(),
    ] {
        assert!(diagnostics(&text).is_empty(), "{text}: {:?}", diagnostics(&text));
    }
}

#[test]
fn a_finished_operation_notified_as_anything_but_deleted_is_a_warning_at_change_type() {
    for outcome in [Outcome::Success, Outcome::MediaError] {
        let text = simulated(outcome, Subject::Operation);
        assert!(text.contains("\"changeType\": \"deleted\""), "{text}");
        assert!(diagnostics(&text).is_empty(), "{:?}", diagnostics(&text));
        for found in ["created", "updated"] {
            let mutated = text.replacen("\"deleted\"", &format!("\"{found}\""), 1);
            let (line, column) = position_of(&mutated, &format!("\"{found}\""));
            assert_eq!(
                diagnostics(&mutated),
                [("change-type-unexpected", "/value/0/changeType".to_owned(), line, column)],
                "{outcome}"
            );
            let message = check_received(&mutated, &options(ApiVersion::Beta)).diagnostics[0]
                .message(invite_playground::i18n::Lang::En);
            assert!(
                message.starts_with(&format!("`changeType` is `{found}`, but the operation is `")),
                "{message}"
            );
        }
        // Real notifications capitalise it (GRAPH-FACTS §2.5): still `deleted`.
        assert!(diagnostics(&text.replacen("\"deleted\"", "\"Deleted\"", 1)).is_empty());
    }
    // A running operation is updated, not deleted: nothing to say.
    let running = simulated(Outcome::Success, Subject::Operation)
        .replacen("\"deleted\"", "\"updated\"", 1)
        .replacen("\"completed\"", "\"running\"", 1);
    assert!(diagnostics(&running).is_empty(), "{:?}", diagnostics(&running));
}

#[test]
fn a_payload_for_another_request_is_a_warning_at_both_ends() {
    let base = notification();
    let request = RequestFacts {
        client_context: Some("not-this-one".into()),
        call_id: Some("another-call".into()),
        invitee_ids: Vec::new(),
    };
    let received = check_received(
        &base,
        &ReceivedOptions {
            version: ApiVersion::Beta,
            request: Some(request),
        },
    );
    let codes: Vec<_> = received
        .diagnostics
        .iter()
        .map(|d| (d.code(), d.pointer.as_ref().unwrap().as_str().to_owned()))
        .collect();
    assert!(
        codes.contains(&("correlation-mismatch", "/value/0/resourceData/clientContext".to_owned())),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("correlation-mismatch", "/value/0/resourceUrl".to_owned())),
        "{codes:?}"
    );
    assert!(received
        .diagnostics
        .iter()
        .all(|d| d.severity() == invite_playground::diagnostic::Severity::Warning));
    // The same request: no warning.
    let preset = scenarios::preset("example-1").unwrap();
    let checked = check(&preset.corrected_request(), &CheckOptions::default());
    let facts = RequestFacts::of(&checked, preset.call_id);
    let received = check_received(
        &base,
        &ReceivedOptions {
            version: ApiVersion::Beta,
            request: Some(facts),
        },
    );
    assert!(received.diagnostics.is_empty(), "{:?}", received.diagnostics);
}

#[test]
fn a_notification_whose_resource_is_no_object_is_not_explained_as_an_operation() {
    for data in ["\"str\"", "1", "true", "null"] {
        let text = format!(
            "{{\"value\": [{{\"changeType\": \"deleted\", \"resourceUrl\": \"/communications/calls/c/operations/o\", \"resourceData\": {data}}}]}}"
        );
        let explained = explain(&text, &options(ApiVersion::Beta));
        assert!(explained.items.is_empty(), "{data}: {:?}", explained.items);
        assert_eq!(explained.received.diagnostics.len(), 1, "{data}");
    }
    // An error envelope's `error` is always an object with a code and a message.
    assert_eq!(
        diagnostics("{\"error\": null}"),
        [("required-missing", "/error".to_owned(), 1, 11)]
    );
}

#[test]
fn a_call_that_is_not_a_replaced_one_ending_gets_its_own_state_explained() {
    let call = |id: &str, change: &str, state: &str| {
        format!(
            "{{\"value\": [{{\"changeType\": \"{change}\", \"resourceUrl\": \"/communications/calls/{id}\", \"resourceData\": {{\"@odata.type\": \"#microsoft.graph.call\", \"state\": \"{state}\"}}}}]}}"
        )
    };
    let group = "421f0000-0000-0000-0000-000000000000";
    let peer = "a7ebfb2d-871e-419c-87af-27290b22e8db";
    let invite = format!(
        "POST /beta/communications/calls/{group}/participants/invite\nAuthorization: Bearer x\nContent-Type: application/json\n\n{{\"participants\": [{{\"identity\": {{\"user\": {{\"id\": \"278405a3-f568-4b3e-b684-009193463064\"}}}}}}], \"clientContext\": \"c\"}}"
    );
    let request = RequestFacts::of(&check(&invite, &CheckOptions::default()), "1");
    let with_request = ReceivedOptions {
        version: ApiVersion::Beta,
        request: Some(request),
    };
    // The bot's own call becoming established: its state, never a replaced call.
    let explained = explain(&call(group, "updated", "established"), &options(ApiVersion::Beta));
    assert_eq!(explained.items[0].step, Step::CallState);
    assert!(explained.items[0].next.en.starts_with("it takes invites now"));
    // Another call ending, with or without the request: the replaced call.
    for options in [options(ApiVersion::Beta), with_request.clone()] {
        let explained = explain(&call(peer, "deleted", "terminated"), &options);
        assert_eq!(explained.items[0].step, Step::ReplacedCall);
    }
    // The call the invite went to ending is that call's state, named as such.
    let explained = explain(&call(group, "deleted", "terminated"), &with_request);
    assert_eq!(explained.items[0].step, Step::CallState);
    assert_eq!(
        explained.items[0].meaning.en,
        format!("the call `{group}`, which the invite went to, is `terminated`")
    );
    assert!(explained.items[0].next.en.contains("stop using this call id"));
    let explained = explain(&call(group, "updated", "establishing"), &with_request);
    assert!(explained.items[0].next.en.starts_with("wait for `established`"));
}

#[test]
fn explanations_name_meaning_next_step_and_source() {
    let explained = explain(&notification(), &options(ApiVersion::Beta));
    let item = &explained.items[0];
    assert_eq!(item.step, Step::OperationFailed);
    assert_eq!((item.code, item.subcode), (Some(410), Some(301004)));
    assert!(item.meaning.en.contains("media error") && item.meaning.pt.contains("mídia"));
    assert!(item.source.contains("GRAPH-FACTS §6.2"));
    // An unknown code says so and falls back to its class.
    let text = notification()
        .replace("\"code\": 410", "\"code\": 486")
        .replace("\"subcode\": 301004", "\"subcode\": 1");
    let item = &explain(&text, &options(ApiVersion::Beta)).items[0];
    assert!(
        item.meaning.en.contains("486/1, which no source explains") && item.meaning.en.contains("client-side"),
        "{}",
        item.meaning.en
    );
    // 429 with Retry-After: wait that long.
    let throttled = "HTTP/1.1 429 Too Many Requests\nRetry-After: 7\nContent-Type: application/json\n\n{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}";
    let explained = explain(throttled, &options(ApiVersion::Beta));
    assert_eq!(explained.received.http_status, Some(429));
    assert!(
        explained.items[0].next.en.contains("7 s"),
        "{}",
        explained.items[0].next.en
    );
    // Retry-After as an HTTP date is a date, not seconds; without one, backoff.
    for (header, next) in [
        (
            "Retry-After: Wed, 21 Oct 2026 07:28:00 GMT\n",
            "wait until the `Retry-After` date, `Wed, 21 Oct 2026 07:28:00 GMT`",
        ),
        ("", "this response has no `Retry-After`: wait with exponential backoff"),
    ] {
        let text = format!("HTTP/1.1 429 Too Many Requests\n{header}Content-Type: application/json\n\n{{\"error\":{{\"code\":\"TooManyRequests\"}}}}");
        let item = &explain(&text, &options(ApiVersion::Beta)).items[0];
        assert!(item.next.en.starts_with(next), "{}", item.next.en);
        assert!(!item.next.en.contains(" s before") && item.next.pt != item.next.en);
    }
    // A 503 with Retry-After waits for it too; without one, backoff.
    for (header, next) in [
        ("Retry-After: 30\n", "wait the `Retry-After` 30 s"),
        ("", "retry with backoff"),
    ] {
        let text =
            format!("HTTP/1.1 503 Service Unavailable\n{header}\n{{\"error\":{{\"code\":\"ServiceUnavailable\"}}}}");
        let item = &explain(&text, &options(ApiVersion::Beta)).items[0];
        assert!(item.next.en.starts_with(next), "{}", item.next.en);
    }
    // A real 404 without innerError (GRAPH-FACTS §6.1).
    let not_found = "{\"error\":{\"code\":\"9997\",\"message\":\"Call not found.\"}}";
    let explained = explain(not_found, &options(ApiVersion::Beta));
    assert!(explained.received.diagnostics.is_empty());
    assert!(explained.items[0].meaning.en.contains("not known"));
    assert_eq!(Step::RosterUpdated.name(), "roster-updated");
}

/// A payload of more notifications than `MAX_EXPLAINED` explains the first ones and
/// counts the rest (150,000 of them took 748 MB, most of it their explanations); its
/// diagnostics are still all counted.
#[test]
fn a_flood_of_notifications_explains_the_first_and_counts_the_rest() {
    use invite_playground::engine::explain::MAX_EXPLAINED;
    use invite_playground::engine::report;
    use invite_playground::i18n::Lang;
    let one: serde_json::Value = serde_json::from_str(&notification()).unwrap();
    let item = one["value"][0].clone();
    let extra = 7;
    let payload = serde_json::json!({ "value": vec![item; MAX_EXPLAINED + extra] }).to_string();
    let explained = explain(&payload, &options(ApiVersion::Beta));
    assert_eq!(explained.items.len(), MAX_EXPLAINED);
    assert_eq!(explained.unexplained, extra);
    let report = report::explain(&explained, Lang::En);
    assert_eq!(report["unexplained"], extra);
    assert_eq!(report["items"].as_array().unwrap().len(), MAX_EXPLAINED);
    // Near miss: at the cap exactly, nothing is left unexplained and the field is absent.
    let payload = serde_json::json!({ "value": vec![one["value"][0].clone(); MAX_EXPLAINED] }).to_string();
    let explained = explain(&payload, &options(ApiVersion::Beta));
    assert_eq!((explained.items.len(), explained.unexplained), (MAX_EXPLAINED, 0));
    assert!(report::explain(&explained, Lang::En).get("unexplained").is_none());
}

/// Codes as samples send them (numbers, or strings of digits) and near misses that are
/// no code (a fraction, an exponent, a number past `i64`); read from the positioned tree
/// as `serde_json` read them.
#[test]
fn result_codes_are_numbers_or_digit_strings_and_nothing_else() {
    let base = notification();
    for (code, expected) in [
        ("\"410\"", Some(410)),
        ("-410", Some(-410)),
        ("410.0", None),
        ("4.1e2", None),
        ("9223372036854775808", None),
        ("\"4x\"", None),
        ("null", None),
        ("[410]", None),
    ] {
        let text = base.replace("\"code\": 410", &format!("\"code\": {code}"));
        assert_ne!(text, base);
        let item = &explain(&text, &options(ApiVersion::Beta)).items[0];
        assert_eq!(item.code, expected, "{code}");
        assert_eq!(item.subcode, Some(301004), "{code}");
    }
}

/// A roster counts its participants, and those Graph sent without an identity: absent,
/// not an object, or holding only `@odata` annotations and nulls.
#[test]
fn a_roster_counts_participants_and_those_without_an_identity() {
    let participant = |identity: &str| format!(r#"{{"info":{{"identity":{identity}}},"id":"p"}}"#);
    let roster = [
        participant(r#"{"user":{"id":"u1"}}"#),
        participant(r##"{"@odata.type":"#microsoft.graph.identitySet","user":null}"##),
        participant("null"),
        r#"{"id":"p"}"#.to_owned(),
        participant(r#"{"application":{"id":"a1"}}"#),
    ]
    .join(",");
    let updated = |roster: &str| {
        format!(
            r#"{{"value":[{{"changeType":"updated","resource":"/app/calls/c/participants","resourceData":[{roster}]}}]}}"#
        )
    };
    let text = updated(&roster);
    let explained = explain(&text, &options(ApiVersion::Beta));
    let item = &explained.items[0];
    assert_eq!(item.step, Step::RosterUpdated);
    assert!(
        item.meaning.en.contains(": 5 participants as they are now"),
        "{}",
        item.meaning.en
    );
    assert!(
        item.meaning.pt.contains(": 5 participantes como estão agora"),
        "{}",
        item.meaning.pt
    );
    assert!(
        item.meaning.en.contains("; 3 without an identity"),
        "{}",
        item.meaning.en
    );
    // One participant is one, in both languages.
    let one = updated(&participant(r#"{"user":{"id":"u1"}}"#));
    let item = &explain(&one, &options(ApiVersion::Beta)).items[0];
    assert!(
        item.meaning.en.contains(": 1 participant as it is now ("),
        "{}",
        item.meaning.en
    );
    assert!(
        item.meaning.pt.contains(": 1 participante como está agora ("),
        "{}",
        item.meaning.pt
    );
    // Near miss: every participant with an identity says nothing about hidden ones.
    let text = text.replace("\"user\":null", "\"user\":{\"id\":\"u2\"}");
    let item = &explain(&text, &options(ApiVersion::Beta)).items[0];
    assert!(
        item.meaning.en.contains("; 2 without an identity"),
        "{}",
        item.meaning.en
    );
}

/// An explanation quotes what the payload says (a status, a call state, an error code, a
/// call id, `Retry-After`) as a diagnostic does: cut at 60 characters, however long the
/// value; the item's own `status` keeps the whole value as data.
#[test]
fn explanations_quote_long_values_cut_as_messages_do() {
    let long = "x".repeat(5_000);
    let cut = format!("`{}…`", "x".repeat(60));
    let status = notification().replace("\"status\": \"failed\"", &format!("\"status\": \"{long}\""));
    assert_ne!(status, notification());
    let error = format!("{{\"error\":{{\"code\":\"{long}\",\"message\":\"m\"}}}}");
    let throttled = format!("HTTP/1.1 429 Too Many Requests\nRetry-After: {long}\n\n{{\"error\":{{\"code\":\"c\"}}}}");
    let replaced = format!(
        "{{\"value\":[{{\"changeType\":\"updated\",\"resourceUrl\":\"/communications/calls/{long}\",\"resourceData\":{{\"@odata.type\":\"#microsoft.graph.call\",\"state\":\"{long}\"}}}}]}}"
    );
    for (text, says) in [
        (&status, "status"),
        (&error, "code"),
        (&throttled, "Retry-After"),
        (&replaced, "call"),
    ] {
        let explained = explain(text, &options(ApiVersion::Beta));
        let item = &explained.items[0];
        for sentence in [&item.meaning.en, &item.meaning.pt, &item.next.en, &item.next.pt] {
            assert!(sentence.chars().count() < 400, "{says}: {} characters", sentence.len());
        }
        let all = format!("{} {}", item.meaning.en, item.next.en);
        assert!(
            all.contains(&cut) || all.contains(&format!("{}… s", "x".repeat(60))),
            "{says}: {all}"
        );
    }
    let item = &explain(&status, &options(ApiVersion::Beta)).items[0];
    assert_eq!(item.status.as_deref(), Some(long.as_str()));
}

#[test]
fn an_empty_notification_batch_is_a_warning_at_value() {
    for text in [
        "{\"value\": []}".to_owned(),
        "{\r\n  \"@odata.type\": \"#microsoft.graph.commsNotifications\",\r\n  \"value\": [ ]\r\n}".to_owned(),
        "POST https://bot.contoso.com/api/calls\nContent-Type: application/json\n\n{\"value\":[]}".to_owned(),
    ] {
        let (line, column) = position_of(&text, "[");
        assert_eq!(
            diagnostics(&text),
            [("notifications-empty", "/value".to_owned(), line, column)],
            "{text}"
        );
        let received = check_received(&text, &options(ApiVersion::Beta));
        assert_eq!(received.kind, Some(ReceivedKind::Notifications));
        let message = received.diagnostics[0].message(invite_playground::i18n::Lang::En);
        assert!(message.starts_with("`value` holds no notification"), "{message}");
    }
    // Near misses: one notification, and a `value` that is not a list (a type mismatch).
    let one = simulated(Outcome::Success, Subject::Operation);
    assert!(diagnostics(&one).is_empty(), "{:?}", diagnostics(&one));
    let codes: Vec<_> = diagnostics("{\"value\": {}}").into_iter().map(|d| d.0).collect();
    assert_eq!(codes, ["type-mismatch"]);
}

/// A change notification from a Graph subscription (chat messages, a lifecycle event),
/// which a bot's webhook may also get, is named as one and not explained as a call's
/// operation; a call's own notification with its `/app/calls/` `resource` (and a legacy
/// `subscriptionId`) but no `resourceUrl` is still a call's, missing its `resourceUrl`.
#[test]
fn a_change_notification_from_a_subscription_is_named_not_explained() {
    use invite_playground::i18n::Lang;
    let chat = r#"{"value": [{"subscriptionId": "7f105c7d-2dc5-4530-97cd-4e7ae6534c07", "changeType": "created", "clientState": "s", "resource": "chats/19:a@thread.v2/messages/1", "resourceData": {"id": "1"}}]}"#;
    let lifecycle = r#"{"value": [{"subscriptionId": "7f105c7d", "lifecycleEvent": "reauthorizationRequired", "resource": "users/x/presence"}]}"#;
    let only_resource =
        r#"{"value": [{"changeType": "updated", "resource": "communications/callRecords/9", "resourceData": {}}]}"#;
    let bare = r#"[{"subscriptionId": "7f105c7d", "changeType": "updated", "resource": "chats/1"}]"#;
    for text in [chat, lifecycle, only_resource, bare] {
        let found = check_received(text, &options(ApiVersion::Beta));
        assert_eq!(found.kind, None, "{text}");
        assert_eq!(found.diagnostics.len(), 1, "{text}");
        let (en, pt) = (
            found.diagnostics[0].message(Lang::En),
            found.diagnostics[0].message(Lang::PtBr),
        );
        assert!(
            en.starts_with("this is a change notification from a Graph subscription"),
            "{en}"
        );
        assert!(pt.starts_with("isto é uma notificação de alteração"), "{pt}");
        assert!(found.diagnostics[0]
            .help(Lang::En)
            .unwrap()
            .contains("`notificationUrl`"));
        assert!(explain(text, &options(ApiVersion::Beta)).items.is_empty(), "{text}");
    }
    // A call's, with its `resource` and, as legacy ones have, a `subscriptionId`.
    for resource in [
        "/app/calls/c/operations/o",
        "/communications/calls/c/participants",
        "app/calls/c",
    ] {
        let call = format!(
            r#"{{"value": [{{"subscriptionId": "2887a7ed", "subscriptionExpirationDateTime": "2026-12-08T00:00:00Z", "changeType": "deleted", "resource": "{resource}", "resourceData": {{}}}}]}}"#
        );
        let found = check_received(&call, &options(ApiVersion::Beta));
        assert_eq!(found.kind, Some(ReceivedKind::Notifications), "{call}");
        assert!(
            found.diagnostics.iter().any(|d| d.code() == "required-missing"),
            "{call}"
        );
    }
}

/// An undeclared member of what Graph sent is said to be undeclared, not "ignored by
/// Graph" as a request's would be; a near-miss spelling still gets its suggestion.
#[test]
fn an_undeclared_member_graph_sent_is_not_one_graph_ignores() {
    use invite_playground::i18n::Lang;
    let notification = simulated(Outcome::Success, Subject::Operation);
    for (member, message) in [
        (
            "\"newThing\": 1, ",
            "`newThing` is not a property the docs declare here",
        ),
        (
            "\"clientContxt\": \"x\", ",
            "`clientContxt` is not a known property; did you mean `clientContext`?",
        ),
    ] {
        let text = notification.replacen("\"status\"", &format!("{member}\"status\""), 1);
        let found = check_received(&text, &options(ApiVersion::Beta));
        let unknown = found
            .diagnostics
            .iter()
            .find(|d| d.code() == "unknown-property")
            .expect(&text);
        assert_eq!(unknown.message(Lang::En), message);
        let help = unknown.help(Lang::En).unwrap();
        assert!(
            help.starts_with("Graph's types are open") && !help.contains("ignores"),
            "{help}"
        );
        assert_ne!(unknown.message(Lang::PtBr), unknown.message(Lang::En));
        assert!(unknown
            .help(Lang::PtBr)
            .unwrap()
            .starts_with("os tipos do Graph são abertos"));
    }
}

/// A response head pasted without its body (a log that prints heads apart): the invite's
/// `200 OK` is read as accepted, with the operation its `Location` names, and a refusal
/// from its status and `Retry-After`; the missing body is a warning where it would start.
#[test]
fn a_head_without_its_body_is_explained_from_its_status_and_headers() {
    let accepted = "HTTP/1.1 200 OK\r\nLocation: https://graph.microsoft.com/beta/communications/calls/2f1a1100-726f-4705-a6b1-3c5c3e9f1f2e/operations/0fe0623f-d628-42ed-b4bd-8ac290072cc5\r\n\r\n";
    let explained = explain(accepted, &options(ApiVersion::Beta));
    assert_eq!(explained.received.kind, Some(ReceivedKind::Operation));
    assert_eq!(diagnostics(accepted), [("received-body-missing", String::new(), 4, 1)]);
    let message = explained.received.diagnostics[0].message(invite_playground::i18n::Lang::En);
    assert_eq!(
        message,
        "this `200` answer has no body; with it Graph sends the running `inviteParticipantsOperation`"
    );
    let item = &explained.items[0];
    assert_eq!((item.step, item.status.as_deref()), (Step::ActionResponse, None));
    for meaning in [&item.meaning.en, &item.meaning.pt] {
        assert!(meaning.ends_with("`0fe0623f-d628-42ed-b4bd-8ac290072cc5`"), "{meaning}");
    }
    assert!(item.next.en.starts_with("wait for the operation notification"));
    // A `Location` that names no operation id says no more than none.
    let empty = "HTTP/1.1 200 OK\nLocation: https://graph.microsoft.com/beta/communications/calls/x/operations/\n";
    assert!(explain(empty, &options(ApiVersion::Beta)).items[0]
        .meaning
        .en
        .ends_with("the operation runs"));
    // Without `Location` too: both are named, and the item says the operation runs.
    let bare = "HTTP/1.1 200 OK\nContent-Type: application/json\n";
    let codes: Vec<_> = diagnostics(bare).into_iter().map(|d| d.0).collect();
    assert_eq!(codes, ["location-missing", "received-body-missing"]);
    let explained = explain(bare, &options(ApiVersion::Beta));
    assert!(explained.items[0].meaning.en.ends_with("the operation runs"));
    // Its help does not send the reader to a body that is not there.
    let help = explained.received.diagnostics[0]
        .help(invite_playground::i18n::Lang::En)
        .unwrap_or_default();
    assert!(help.starts_with("with neither `Location` nor the body"), "{help}");
    assert!(!help.contains("{the body's id}"), "{help}");

    // Refusals: their status and `Retry-After` say what to do; nothing claims a code.
    for (head, meaning, next) in [
        (
            "HTTP/1.1 429 Too Many Requests\nRetry-After: 7\n\n",
            "Graph is throttling this app",
            "wait the `Retry-After` 7 s",
        ),
        (
            "HTTP/1.1 404 Not Found\n",
            "the call is not known to Graph",
            "check the call id",
        ),
        (
            "HTTP/1.1 403 Forbidden\r\n\r\n",
            "the token is not allowed to invite",
            "use an application token",
        ),
        (
            "HTTP/1.1 405 Method Not Allowed\n",
            "Graph takes the invite only as a `POST`",
            "send it with `POST`",
        ),
        (
            "HTTP/1.1 409 Conflict\n",
            "the call is not in a state that takes invites",
            "invite only into an `established` call",
        ),
        (
            "HTTP/1.1 504 Gateway Timeout\n",
            "Graph, or a gateway in front of it, had a fault",
            "retry with backoff",
        ),
        (
            "HTTP/1.1 418 I'm a teapot\n",
            "Graph refused the request with HTTP 418",
            "its `error` body names the reason",
        ),
    ] {
        let explained = explain(head, &options(ApiVersion::Beta));
        assert_eq!(explained.received.kind, Some(ReceivedKind::Error), "{head:?}");
        let codes: Vec<_> = explained.received.diagnostics.iter().map(|d| d.code()).collect();
        assert_eq!(codes, ["received-body-missing"], "{head:?}");
        let message = explained.received.diagnostics[0].message(invite_playground::i18n::Lang::PtBr);
        assert!(
            message.contains("não tem corpo") && message.contains("`error`"),
            "{message}"
        );
        let item = &explained.items[0];
        assert_eq!(item.step, Step::ErrorResponse);
        assert!(item.meaning.en.starts_with(meaning), "{head:?}: {}", item.meaning.en);
        assert!(item.next.en.starts_with(next), "{head:?}: {}", item.next.en);
        assert!(!item.meaning.en.contains('?'), "{}", item.meaning.en);
    }
}

/// A 4xx/5xx answer whose body is a gateway's page (HTML, plain text) is not Graph's
/// envelope: a warning says what answered, and the status and `Retry-After` are still
/// explained. A JSON body under a wrong `Content-Type` is still read as JSON; a 2xx
/// with HTML is still not JSON.
#[test]
fn an_error_answer_whose_body_is_not_json_is_explained_from_its_head() {
    for (text, media, next) in [
        (
            "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n\r\n<html><body><h1>502 Bad Gateway</h1></body></html>\r\n",
            "is `text/html`, not JSON",
            "retry with backoff",
        ),
        (
            "HTTP/1.1 503 Service Unavailable\nRetry-After: 30\nContent-Type: text/plain; charset=utf-8\n\nService Unavailable\n",
            "is `text/plain; charset=utf-8`, not JSON",
            "wait the `Retry-After` 30 s",
        ),
        ("HTTP/1.1 504 Gateway Timeout\n\n  <!DOCTYPE html>\n<html></html>", "is HTML, not JSON", "retry with backoff"),
        ("HTTP/1.1 429 Too Many Requests\nRetry-After: 5\nContent-Type: text/plain\n\nslow down", "is `text/plain`", "wait the `Retry-After` 5 s"),
        // A proxy's or firewall's refusal is not Graph's: not a token or a call problem.
        ("HTTP/1.1 403 Forbidden\nContent-Type: text/html\n\n<h1>Access denied</h1>", "is `text/html`", "check the way from your bot to graph.microsoft.com"),
        ("HTTP/1.1 407 Proxy Authentication Required\n\n<html></html>", "is HTML", "check the way from your bot"),
        ("HTTP/1.1 404 Not Found\nContent-Type: text/html\n\n<html>Not Found</html>", "is `text/html`", "check the way from your bot"),
    ] {
        let explained = explain(text, &options(ApiVersion::Beta));
        assert_eq!(explained.received.kind, Some(ReceivedKind::Error), "{text:?}");
        let found: Vec<_> = explained.received.diagnostics.iter().map(|d| d.code()).collect();
        assert_eq!(found, ["received-body-not-json"], "{text:?}");
        let message = explained.received.diagnostics[0].message(invite_playground::i18n::Lang::En);
        assert!(message.contains(media) && message.contains("something in front of Graph answered"), "{message}");
        // Named as what it is, not as Graph's error, and its status read as that machine's.
        let label = explained.received.label().expect("a kind");
        assert_eq!((label.en, label.pt), ("a gateway's error page", "uma página de erro de um gateway"));
        let item = &explained.items[0];
        assert_eq!(item.step, Step::ErrorResponse);
        assert!(item.meaning.en.starts_with("something in front of Graph"), "{text:?}: {}", item.meaning.en);
        assert!(item.meaning.pt.starts_with("algo na frente do Graph"), "{text:?}: {}", item.meaning.pt);
        assert!(item.next.en.starts_with(next), "{text:?}: {}", item.next.en);
        assert!(item.source.contains("assumed"), "{}", item.source);
    }
    // Marked where the page starts, not at the blank before it.
    let gateway = "HTTP/1.1 504 Gateway Timeout\n\n  <!DOCTYPE html>\n<html></html>";
    assert_eq!(diagnostics(gateway), [("received-body-not-json", String::new(), 3, 3)]);
    // A gateway's fault may have come after Graph took the invite.
    let item = &explain(gateway, &options(ApiVersion::Beta)).items[0];
    assert!(
        item.meaning.en.contains("Graph may never have seen the invite"),
        "{}",
        item.meaning.en
    );
    assert!(
        item.next.en.contains("the invite may have reached Graph"),
        "{}",
        item.next.en
    );
    // Graph's own error keeps its label.
    let own = explain(
        "HTTP/1.1 404 Not Found\n\n{\"error\":{\"code\":\"9997\"}}",
        &options(ApiVersion::Beta),
    );
    assert_eq!(own.received.label().map(|label| label.en), Some("a Graph error"));

    // Graph's own envelope under a wrong type is still read as the envelope.
    let envelope = "HTTP/1.1 404 Not Found\nContent-Type: text/plain\n\n{\"error\":{\"code\":\"9997\",\"message\":\"Call not found.\"}}";
    let explained = explain(envelope, &options(ApiVersion::Beta));
    assert!(
        explained.received.diagnostics.is_empty(),
        "{:?}",
        explained.received.diagnostics
    );
    assert!(explained.items[0].meaning.en.contains("not known"));
    // A success with a page is not an answer Graph sends: the JSON error stays.
    let page = "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html></html>";
    let codes: Vec<_> = diagnostics(page).into_iter().map(|d| d.0).collect();
    assert_eq!(codes, ["json-syntax"]);
}
