//! The docs' examples: exact diagnostics for each seed request, round trips through the
//! model, doc-faithful replays equal to the seed JSON, and corrected runs that fix and
//! name every defect that applies.

use std::collections::BTreeSet;

use invite_playground::call_context::CallContext;
use invite_playground::input;
use invite_playground::model::{CommsNotifications, InviteBody, InviteParticipantsOperation};
use invite_playground::scenarios::{self, fixture_body, DocMessage, PRESETS};
use invite_playground::simulate::{simulate, EventKind, Mode, NoteKind, Outcome, Settings, Subject, Timeline};
use invite_playground::validate::{check, CheckOptions};
use serde_json::Value;

fn codes(text: &str, context: CallContext) -> BTreeSet<&'static str> {
    check(
        text,
        &CheckOptions {
            context,
            ..CheckOptions::default()
        },
    )
    .codes()
    .into_iter()
    .collect()
}

fn set(codes: &[&'static str]) -> BTreeSet<&'static str> {
    codes.iter().copied().collect()
}

#[test]
fn each_seed_request_produces_exactly_its_codes() {
    let expected: [(&str, &[&str], &[&str]); 5] = [
        (
            "example-1",
            &[],
            &[
                "header-authorization-missing",
                "path-placeholder",
                "content-length-mismatch",
            ],
        ),
        (
            "example-2",
            &["replaces-call-id-multiple", "replaces-call-id-ignored"],
            &[
                "header-authorization-missing",
                "replaces-call-id-multiple",
                "replaces-call-id-ignored",
            ],
        ),
        ("example-3", &[], &["header-authorization-missing"]),
        (
            "example-4",
            &[],
            &[
                "header-authorization-missing",
                "path-placeholder",
                "content-length-mismatch",
            ],
        ),
        ("example-5", &[], &["header-authorization-missing", "path-placeholder"]),
    ];
    for (name, as_json, as_http) in expected {
        let preset = scenarios::preset(name).unwrap();
        let http = preset.doc_request();
        let json = input::split(http).body;
        assert_eq!(codes(json, preset.context()), set(as_json), "{name} as JSON");
        assert_eq!(codes(http, preset.context()), set(as_http), "{name} as HTTP");
        // The corrected request is clean.
        assert_eq!(
            codes(&preset.corrected_request(), preset.context()),
            set(&[]),
            "{name} corrected"
        );
    }
}

#[test]
fn the_docs_content_length_is_measured_against_the_body() {
    let preset = scenarios::preset("example-1").unwrap();
    let checked = check(preset.doc_request(), &CheckOptions::default());
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.code() == "content-length-mismatch")
        .unwrap();
    assert!(
        d.message(Default::default()).contains("486 bytes"),
        "{}",
        d.message(Default::default())
    );
    assert_eq!(d.position.map(|p| (p.line, p.column)), Some((3, 17)));
}

#[test]
fn seed_json_round_trips_through_the_model() {
    for preset in PRESETS {
        let fixture = preset.fixture();
        let request = fixture_body(fixture.request);
        let model: InviteBody = serde_json::from_value(request.clone()).unwrap();
        assert_eq!(
            serde_json::to_value(&model).unwrap(),
            request,
            "{} request",
            preset.name
        );
        let response = fixture_body(fixture.response);
        let model: InviteParticipantsOperation = serde_json::from_value(response.clone()).unwrap();
        assert_eq!(
            serde_json::to_value(&model).unwrap(),
            response,
            "{} response",
            preset.name
        );
        for notification in [fixture.operation, fixture.roster] {
            let value = fixture_body(notification);
            let model: CommsNotifications = serde_json::from_value(value.clone()).unwrap();
            assert_eq!(
                serde_json::to_value(&model).unwrap(),
                value,
                "{} notification",
                preset.name
            );
        }
    }
}

fn run(text: &str, context: &CallContext, outcome: Outcome, mode: Mode, preset: Option<&str>) -> Timeline {
    let checked = check(
        text,
        &CheckOptions {
            context: context.clone(),
            ..CheckOptions::default()
        },
    );
    let preset = preset.and_then(scenarios::preset);
    simulate(&checked, context, Settings { outcome, mode, seed: 7 }, preset)
}

fn run_preset(name: &str, mode: Mode, outcome: Outcome) -> Timeline {
    let preset = scenarios::preset(name).unwrap();
    run(&preset.request(mode), &preset.context(), outcome, mode, Some(name))
}

#[test]
fn doc_faithful_replays_equal_the_seed_json() {
    for name in ["example-1", "example-2", "example-3", "example-4"] {
        let preset = scenarios::preset(name).unwrap();
        let timeline = run_preset(name, Mode::DocFaithful, Outcome::Success);
        let bodies: Vec<&Value> = timeline.events.iter().map(|e| &e.body).collect();
        let fixture = preset.fixture();
        let expected = [fixture.request, fixture.response, fixture.operation, fixture.roster].map(fixture_body);
        assert_eq!(
            bodies.len(),
            4,
            "{name}: {:?}",
            timeline.events.iter().map(|e| e.kind).collect::<Vec<_>>()
        );
        for (body, expected) in bodies.into_iter().zip(&expected) {
            assert_eq!(body, expected, "{name}");
        }
        // Byte for byte as shown.
        assert_eq!(timeline.events[2].display_body(), fixture.operation);
        assert_eq!(timeline.events[3].display_body(), fixture.roster);
        // Every defect of the example is annotated where it occurs, and its pointer resolves.
        for site in preset.defects {
            let index = match site.message {
                DocMessage::Request => 0,
                DocMessage::Response => 1,
                DocMessage::OperationNotification => 2,
                DocMessage::RosterNotification => 3,
            };
            let event = &timeline.events[index];
            let note = event
                .notes
                .iter()
                .find(|n| n.defect == Some(site.defect) && n.kind == NoteKind::Defect);
            let note = note.unwrap_or_else(|| panic!("{name}: {} not annotated", site.defect));
            if let Some(pointer) = &note.pointer {
                assert!(
                    event.body_value().pointer(pointer.as_str()).is_some(),
                    "{name} {}: `{pointer}` does not resolve",
                    site.defect
                );
            }
        }
    }
}

fn fixed_ids(timeline: &Timeline) -> BTreeSet<&'static str> {
    timeline
        .events
        .iter()
        .flat_map(|e| &e.notes)
        .filter(|n| n.kind == NoteKind::Fixed)
        .filter_map(|n| n.defect)
        .collect()
}

#[test]
fn corrected_runs_fix_and_name_every_defect_that_applies() {
    for preset in PRESETS {
        let timeline = run_preset(preset.name, Mode::Corrected, Outcome::Success);
        let fixed = fixed_ids(&timeline);
        let kept = invite_playground::simulate::KEPT_AS_GRAPH_SENDS;
        for site in preset
            .defects
            .iter()
            .filter(|s| s.defect.starts_with("A-") && !kept.contains(&s.defect))
        {
            assert!(
                fixed.contains(site.defect),
                "{}: {} not named as fixed in {fixed:?}",
                preset.name,
                site.defect
            );
        }
        let response = timeline.events.iter().find(|e| e.status == Some(200)).unwrap();
        let operation_id = response.body["id"].as_str().unwrap().to_owned();
        // A-18: the Location header names the operation.
        let location = response.header("Location").unwrap();
        assert_eq!(
            location,
            format!(
                "https://graph.microsoft.com/beta/communications/calls/{}/operations/{operation_id}",
                timeline.call_id
            )
        );
        // A-13: echoes are typed and carry no undeclared `id`.
        for echo in response.body["participants"].as_array().unwrap() {
            assert!(echo.get("id").is_none());
            assert_eq!(echo["@odata.type"], "#microsoft.graph.invitationParticipantInfo");
        }
        assert_eq!(response.body["status"], "Running");
        assert_eq!(response.body["resultInfo"], Value::Null);
        let operation = timeline
            .events
            .iter()
            .find(|e| e.subject == Some(Subject::Operation))
            .unwrap();
        let change = &operation.body["value"][0];
        // A-6, A-7, A-20, A-21.
        assert_eq!(change["resourceData"]["id"], operation_id.as_str());
        assert_eq!(
            change["resourceUrl"],
            format!("/communications/calls/{}/operations/{operation_id}", timeline.call_id)
        );
        // `resource` is what Graph really sends, under `/app` (kept: A-20).
        assert_eq!(
            change["resource"],
            format!("/app/calls/{}/operations/{operation_id}", timeline.call_id)
        );
        assert!(change["resourceData"].get("resultInfo").is_some());
        assert_eq!(change["changeType"], "deleted");
        assert_eq!(change["resourceData"]["status"], "completed");
        // A-4, A-5, A-8, A-9, A-11: the roster is the group call's, with the invited kinds and real ids.
        let roster = timeline
            .events
            .iter()
            .find(|e| e.subject == Some(Subject::Roster))
            .unwrap();
        let change = &roster.body["value"][0];
        assert_eq!(
            change["resourceUrl"],
            format!("/communications/calls/{}/participants", timeline.call_id)
        );
        let request: InviteBody = serde_json::from_str(input::split(&preset.corrected_request()).body).unwrap();
        let entries = change["resourceData"].as_array().unwrap();
        for (entry, invited) in entries.iter().zip(&request.participants) {
            let (kind, identity) = invited.identity.primary().unwrap();
            assert_eq!(
                entry["info"]["identity"][kind.key()]["id"],
                identity.id().unwrap(),
                "{}",
                preset.name
            );
            assert!(entry["id"].as_str().is_some_and(|id| id.len() == 36));
            assert_eq!(entry["info"]["endpointType"], "default");
            assert_eq!(entry["mediaStreams"][0]["mediaType"], "audio");
            assert_eq!(entry["mediaStreams"][0]["direction"], "sendReceive");
            assert_eq!(entry["isMuted"], false);
            assert_eq!(entry["isInLobby"], false);
        }
    }
}

fn sequence(timeline: &Timeline) -> Vec<String> {
    timeline
        .events
        .iter()
        .map(|e| match (e.kind, e.subject) {
            (EventKind::Request, _) => "request".to_owned(),
            (EventKind::Response, _) => format!("response {}", e.status.unwrap()),
            (_, Some(Subject::Operation)) => format!(
                "operation {}",
                e.body["value"][0]["resourceData"]["status"].as_str().unwrap()
            ),
            (_, Some(Subject::Roster)) => "roster updated".to_owned(),
            (_, Some(Subject::ReplacedCall)) => format!(
                "replaced call {}",
                e.body["value"][0]["resourceData"]["state"].as_str().unwrap()
            ),
            _ => "?".to_owned(),
        })
        .collect()
}

#[test]
fn notifications_come_in_doc_order() {
    assert_eq!(
        sequence(&run_preset("example-1", Mode::Corrected, Outcome::Success)),
        ["request", "response 200", "operation completed", "roster updated"]
    );
    assert_eq!(
        sequence(&run_preset("example-3", Mode::Corrected, Outcome::Success)),
        [
            "request",
            "response 200",
            "operation completed",
            "roster updated",
            "replaced call terminating",
            "replaced call terminated"
        ]
    );
    let timeline = run_preset("example-3", Mode::Corrected, Outcome::Success);
    let times: Vec<u64> = timeline.events.iter().map(|e| e.at_ms).collect();
    assert!(times.windows(2).all(|w| w[0] < w[1]), "{times:?}");
    let replaced = &timeline.events[5].body["value"][0];
    assert_eq!(
        replaced["resourceUrl"],
        "/communications/calls/a7ebfb2d-871e-419c-87af-27290b22e8db"
    );
    assert_eq!(replaced["changeType"], "deleted");
}

#[test]
fn with_replaces_call_id_only_the_first_participant_is_acted_on() {
    // Example 2's documented body (replacesCallId on both) sent properly.
    let preset = scenarios::preset("example-2").unwrap();
    let body = input::split(preset.doc_request()).body;
    let text = format!(
        "POST https://graph.microsoft.com/beta/communications/calls/7531d31f-d10d-44de-802f-c569dbca451c/participants/invite\nAuthorization: Bearer x\nContent-Type: application/json\n\n{body}"
    );
    let timeline = run(&text, &preset.context(), Outcome::Success, Mode::Corrected, None);
    let roster = timeline
        .events
        .iter()
        .find(|e| e.subject == Some(Subject::Roster))
        .unwrap();
    let entries = roster.body["value"][0]["resourceData"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(
        entries[0]["info"]["identity"]["user"]["id"],
        "7e1b4346-85a6-4bdd-abe3-d11c5d420efe"
    );
    assert_eq!(timeline.invitees.len(), 1);
    assert!(sequence(&timeline).contains(&"replaced call terminated".to_owned()));
    let response = timeline.events.iter().find(|e| e.status == Some(200)).unwrap();
    assert_eq!(response.body["participants"].as_array().unwrap().len(), 1);
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    let preset = scenarios::preset("example-2").unwrap();
    let checked = check(
        &preset.corrected_request(),
        &CheckOptions {
            context: preset.context(),
            ..CheckOptions::default()
        },
    );
    let settings = |seed| Settings {
        outcome: Outcome::Success,
        mode: Mode::Corrected,
        seed,
    };
    let a = serde_json::to_string(&simulate(&checked, &preset.context(), settings(42), Some(preset))).unwrap();
    let b = serde_json::to_string(&simulate(&checked, &preset.context(), settings(42), Some(preset))).unwrap();
    let c = serde_json::to_string(&simulate(&checked, &preset.context(), settings(43), Some(preset))).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert!(
        a.contains("2020-12-19T09:00:") || !a.contains("\"date\""),
        "dates come from the simulated clock"
    );
}

#[test]
fn every_outcome_has_its_shape() {
    let sync = [
        (Outcome::Unauthorized, 401, "InvalidAuthenticationToken"),
        (Outcome::Forbidden, 403, "Forbidden"),
        (Outcome::CallNotFound, 404, "9997"),
        (Outcome::Throttled, 429, "TooManyRequests"),
        (Outcome::ServerError, 500, "9999"),
    ];
    for (outcome, status, code) in sync {
        let timeline = run_preset("example-1", Mode::Corrected, outcome);
        assert_eq!(timeline.events.len(), 2, "{outcome:?}");
        let response = &timeline.events[1];
        assert_eq!(response.status, Some(status));
        assert_eq!(response.body["error"]["code"], code);
        assert!(response.body["error"]["innerError"]["request-id"].is_string());
        assert!(response.body["error"]["innerError"]["date"]
            .as_str()
            .unwrap()
            .starts_with("2020-12-19T09:00:00"));
        if outcome == Outcome::Throttled {
            assert_eq!(response.header("Retry-After"), Some("5"));
        }
    }
    let asynchronous = [
        (Outcome::NoAnswer, 408, 8544),
        (Outcome::Declined, 603, 0),
        (Outcome::MediaError, 410, 301_004),
        (Outcome::PstnNoSponsor, 412, 9999),
        (Outcome::ReplaceFailed, 500, 0),
    ];
    for (outcome, code, subcode) in asynchronous {
        let timeline = run_preset("example-3", Mode::Corrected, outcome);
        assert_eq!(
            sequence(&timeline),
            ["request", "response 200", "operation failed"],
            "{outcome:?}"
        );
        let result = &timeline.events[2].body["value"][0]["resourceData"]["resultInfo"];
        assert_eq!(
            (result["code"].as_i64(), result["subcode"].as_i64()),
            (Some(code), Some(subcode)),
            "{outcome:?}"
        );
    }
    // Chosen for a request that replaces no call, replace-failed still plays, and says
    // there was nothing to replace; with one, it does not.
    let notes = |preset, outcome, says| {
        run_preset(preset, Mode::Corrected, outcome).events[2]
            .notes
            .iter()
            .any(|note| note.text.en.contains(says))
    };
    assert!(notes("example-1", Outcome::ReplaceFailed, "no call to replace"));
    assert!(!notes("example-3", Outcome::ReplaceFailed, "no call to replace"));
    // The same for a PSTN failure of a request that invites no phone number.
    assert!(notes("example-1", Outcome::PstnNoSponsor, "no PSTN leg"));
    assert!(!notes("example-4", Outcome::PstnNoSponsor, "no PSTN leg"));
    let no_answer = run_preset("example-1", Mode::Corrected, Outcome::NoAnswer);
    let timeout = no_answer
        .signals
        .iter()
        .find(|s| format!("{:?}", s.kind) == "SdkTimeout")
        .unwrap();
    assert!((30_000..31_000).contains(&timeout.at_ms));
    assert!(
        (59_000..62_000).contains(&no_answer.events[2].at_ms),
        "{}",
        no_answer.events[2].at_ms
    );
    let pstn = run_preset("example-4", Mode::Corrected, Outcome::PstnNoSponsor);
    let message = pstn.events[2].body["value"][0]["resourceData"]["resultInfo"]["message"]
        .as_str()
        .unwrap();
    assert!(
        message.contains("4:+12345678901") && message.contains("DiagCode: 412#10073"),
        "{message}"
    );
}

#[test]
fn requests_with_errors_end_at_a_graph_error() {
    let preset = scenarios::preset("example-1").unwrap();
    let cases = [
        (preset.doc_request().to_owned(), CallContext::default(), 400),
        (
            preset
                .corrected_request()
                .replace("Authorization: Bearer {token}\n", ""),
            CallContext::default(),
            401,
        ),
        (
            preset.corrected_request().replacen("POST", "PUT", 1),
            CallContext::default(),
            405,
        ),
        (
            preset.corrected_request(),
            CallContext {
                token: invite_playground::call_context::TokenKind::Delegated,
                ..CallContext::default()
            },
            403,
        ),
        ("{\"participants\": []}".to_owned(), CallContext::default(), 400),
        (String::new(), CallContext::default(), 400),
    ];
    for (text, context, status) in cases {
        let timeline = run(&text, &context, Outcome::Success, Mode::Corrected, None);
        assert_eq!(timeline.events.len(), 2, "{text}");
        assert_eq!(timeline.events[1].status, Some(status), "{text}");
        assert!(timeline.events[1].body["error"]["message"].is_string());
    }
    let empty = run("", &CallContext::default(), Outcome::Success, Mode::Corrected, None);
    assert_eq!(
        empty.events[1].body["error"]["message"],
        "Empty Payload. JSON content expected."
    );
}

#[test]
fn a_bearer_token_is_never_echoed_whole() {
    let text = "POST /communications/calls/abc/participants/invite\nAuthorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret\nContent-Type: application/json\n\n{\"participants\":[{\"identity\":{\"user\":{\"id\":\"278405a3-f568-4b3e-b684-009193463064\"}}}]}";
    let timeline = run(text, &CallContext::default(), Outcome::Success, Mode::Corrected, None);
    let json = serde_json::to_string(&timeline).unwrap();
    assert!(!json.contains("secret"));
    assert!(!json.contains("eyJ0eXAiOiJKV1Qi"));
}

/// The SDKs read `phone`, `guest`… only on `communicationsIdentitySet` (ECOSYSTEM §1):
/// corrected mode types every identity set that carries them so, in the 200 response,
/// the operation notification and the roster; a set typed so by the request stays so.
#[test]
fn communications_identities_travel_in_a_communications_identity_set() {
    const COMMS: &str = "#microsoft.graph.communicationsIdentitySet";
    let timeline = run_preset("example-4", Mode::Corrected, Outcome::Success);
    let response = timeline.events.iter().find(|e| e.status == Some(200)).unwrap();
    assert_eq!(response.body["participants"][0]["identity"]["@odata.type"], COMMS);
    assert!(response
        .notes
        .iter()
        .any(|n| n.text.en.contains("communicationsIdentitySet")));
    let operation = timeline
        .events
        .iter()
        .find(|e| e.subject == Some(Subject::Operation))
        .unwrap();
    assert_eq!(
        operation.body["value"][0]["resourceData"]["participants"][0]["identity"]["@odata.type"],
        COMMS
    );
    let roster = timeline
        .events
        .iter()
        .find(|e| e.subject == Some(Subject::Roster))
        .unwrap();
    assert_eq!(
        roster.body["value"][0]["resourceData"][0]["info"]["identity"]["@odata.type"],
        COMMS
    );
    assert!(roster.body["value"][0]["resourceData"][0]["info"]["identity"]["phone"].is_object());

    // A user typed `communicationsIdentitySet` by the request keeps the type everywhere.
    let text = r##"{"participants":[{"identity":{"@odata.type":"#microsoft.graph.communicationsIdentitySet","user":{"id":"278405a3-f568-4b3e-b684-009193463064"}}}],"clientContext":"c"}"##;
    let timeline = run(text, &CallContext::default(), Outcome::Success, Mode::Corrected, None);
    let roster = timeline
        .events
        .iter()
        .find(|e| e.subject == Some(Subject::Roster))
        .unwrap();
    assert_eq!(
        roster.body["value"][0]["resourceData"][0]["info"]["identity"]["@odata.type"],
        COMMS
    );
    let response = timeline.events.iter().find(|e| e.status == Some(200)).unwrap();
    assert!(!response
        .notes
        .iter()
        .any(|n| n.text.en.contains("communicationsIdentitySet")));

    // Near miss: a plain user stays a plain `identitySet`.
    let timeline = run_preset("example-1", Mode::Corrected, Outcome::Success);
    let roster = timeline
        .events
        .iter()
        .find(|e| e.subject == Some(Subject::Roster))
        .unwrap();
    assert_eq!(
        roster.body["value"][0]["resourceData"][0]["info"]["identity"]["@odata.type"],
        "#microsoft.graph.identitySet"
    );
}

/// Every defect site names a register entry and, where it has one, a place that exists in
/// that message's documented JSON (the doc-faithful annotations land on real values).
#[test]
fn every_defect_site_points_into_its_documented_message() {
    for preset in PRESETS {
        for site in preset.defects {
            assert!(
                scenarios::defect(site.defect).is_some(),
                "{} {}",
                preset.name,
                site.defect
            );
            let Some(pointer) = site.pointer else { continue };
            let text = match site.message {
                DocMessage::Request => preset.fixture().request,
                DocMessage::Response => preset.fixture().response,
                DocMessage::OperationNotification => preset.fixture().operation,
                DocMessage::RosterNotification => preset.fixture().roster,
            };
            assert!(
                fixture_body(text).pointer(pointer).is_some(),
                "{} {}: `{pointer}` is not in the documented {:?}",
                preset.name,
                site.defect,
                site.message
            );
        }
    }
    // The register's additions for the SDKs' reading (ECOSYSTEM §1): D-3, A-13, A-14.
    let sites = |name: &str| {
        scenarios::preset(name)
            .unwrap()
            .defects
            .iter()
            .map(|s| s.defect)
            .collect::<Vec<_>>()
    };
    for name in ["example-1", "example-2", "example-3", "example-5"] {
        assert!(sites(name).contains(&"D-3"), "{name}");
    }
    assert_eq!(sites("example-4").iter().filter(|d| **d == "A-14").count(), 3);
    assert!(sites("example-4").contains(&"A-13") && sites("example-5").contains(&"A-13"));
}
