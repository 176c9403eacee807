//! Every rule code has a case that triggers it and a near miss that must not, and every
//! diagnostic any case produces points into the body where it says it does.

mod common;

use common::assert_places;
use invite_playground::call_context::{CallContext, CallKind, TokenKind};
use invite_playground::diagnostic::ApiVersion;
use invite_playground::engine::vocabulary::Vocabulary;
use invite_playground::model::CallState;
use invite_playground::validate::{check, CheckOptions, Checked};

const USER: &str = "278405a3-f568-4b3e-b684-009193463064";
const OTHER_USER: &str = "7e1b4346-85a6-4bdd-abe3-d11c5d420efe";

fn user(id: &str) -> String {
    format!(r#"{{"identity":{{"user":{{"id":"{id}"}}}}}}"#)
}

fn body(participants: &[String]) -> String {
    format!(
        r#"{{"participants":[{}],"clientContext":"c1"}}"#,
        participants.join(",")
    )
}

fn valid() -> String {
    body(&[user(USER)])
}

fn http(request_line: &str, headers: &str, body: &str) -> String {
    format!("{request_line}\n{headers}\n\n{body}")
}

const GOOD_LINE: &str = "POST https://graph.microsoft.com/beta/communications/calls/ab6233a5-20b7-4c5e-bea2-ce56c9776429/participants/invite";
const GOOD_HEADERS: &str = "Authorization: Bearer eyJ0eXAi\nContent-Type: application/json";

fn nested(depth: usize) -> String {
    let inner = format!("{}{}", "[".repeat(depth - 2), "]".repeat(depth - 2));
    format!(
        r#"{{"participants":[{}],"clientContext":"c1","deep":{inner}}}"#,
        user(USER)
    )
}

struct Case {
    code: &'static str,
    fails: String,
    passes: String,
    options: CheckOptions,
    /// Options for the near miss, when they differ.
    passes_options: Option<CheckOptions>,
}

fn case(code: &'static str, fails: impl Into<String>, passes: impl Into<String>) -> Case {
    Case {
        code,
        fails: fails.into(),
        passes: passes.into(),
        options: CheckOptions::default(),
        passes_options: None,
    }
}

fn with_context(context: CallContext) -> CheckOptions {
    CheckOptions {
        context,
        ..CheckOptions::default()
    }
}

/// A participant whose display name is `name`, written as JSON text as it is.
fn named(name: &str) -> String {
    format!(r#"{{"identity":{{"user":{{"id":"{USER}","displayName":"{name}"}}}}}}"#)
}

fn cases() -> Vec<Case> {
    let six: Vec<String> = (0..6)
        .map(|i| user(&format!("278405a3-f568-4b3e-b684-00919346306{i}")))
        .collect();
    let phone = r#"{"identity":{"phone":{"id":"+12345678901"}}}"#.to_owned();
    let peer_to_peer = CallContext {
        kind: CallKind::PeerToPeer,
        ..CallContext::default()
    };
    let no_chat = CallContext {
        chat_info: false,
        ..CallContext::default()
    };
    vec![
        case("json-syntax", r#"{"participants": [],}"#, r#"{"participants": []}"#),
        case("json-too-deep", nested(130), nested(100)),
        case(
            "json-duplicate-key",
            format!(
                r#"{{"participants":[{}],"clientContext":"a","clientContext":"b"}}"#,
                user(USER)
            ),
            valid(),
        ),
        // The near miss is the same character written as an escape: visible as text.
        case(
            "bidi-control",
            body(&[named("Admin\u{202e}exe.txt")]),
            body(&[named("Admin\\u202eexe.txt")]),
        ),
        case("body-empty", "  \n ", valid()),
        case("body-not-object", "[1, 2]", valid()),
        // The body encoded twice (a string holding it): said so; its decoded text passes.
        case("body-not-object", serde_json::to_string(&valid()).unwrap(), valid()),
        case(
            "request-line-invalid",
            http("POST", GOOD_HEADERS, &valid()),
            http(GOOD_LINE, GOOD_HEADERS, &valid()),
        ),
        case(
            "header-malformed",
            http(
                GOOD_LINE,
                "Authorization: Bearer eyJ0eXAi\nnot a header\nContent-Type: application/json",
                &valid(),
            ),
            http(GOOD_LINE, GOOD_HEADERS, &valid()),
        ),
        case(
            "method-not-allowed",
            http(&GOOD_LINE.replacen("POST", "GET", 1), GOOD_HEADERS, &valid()),
            http(GOOD_LINE, GOOD_HEADERS, &valid()),
        ),
        case(
            "path-invalid",
            http(
                "POST /communications/calls/abc/participants/add",
                GOOD_HEADERS,
                &valid(),
            ),
            http(
                "POST /communications/calls/abc/participants/invite",
                GOOD_HEADERS,
                &valid(),
            ),
        ),
        case(
            "path-placeholder",
            http(
                "POST /v1.0/communications/calls/{id}/participants/invite HTTP/1.1",
                GOOD_HEADERS,
                &valid(),
            ),
            http(
                "POST /v1.0/communications/calls/abc/participants/invite HTTP/1.1",
                GOOD_HEADERS,
                &valid(),
            ),
        ),
        case(
            "path-deprecated-app",
            http("POST /beta/app/calls/abc/participants/invite", GOOD_HEADERS, &valid()),
            http(
                "POST /beta/communications/calls/abc/participants/invite",
                GOOD_HEADERS,
                &valid(),
            ),
        ),
        case(
            "header-authorization-missing",
            http(GOOD_LINE, "Content-Type: application/json", &valid()),
            http(
                GOOD_LINE,
                "authorization: bearer abc.def\nContent-Type: application/json",
                &valid(),
            ),
        ),
        case(
            "header-content-type",
            http(GOOD_LINE, "Authorization: Bearer x\nContent-Type: text/plain", &valid()),
            http(
                GOOD_LINE,
                "Authorization: Bearer x\ncontent-type: Application/JSON; charset=utf-8",
                &valid(),
            ),
        ),
        case(
            "content-length-mismatch",
            http(GOOD_LINE, &format!("{GOOD_HEADERS}\nContent-Length: 464"), &valid()),
            http(
                GOOD_LINE,
                &format!("{GOOD_HEADERS}\nContent-Length: {}", valid().len()),
                &valid(),
            ),
        ),
        case(
            "type-mismatch",
            format!(r#"{{"participants":[{}],"clientContext":5}}"#, user(USER)),
            format!(r#"{{"participants":[{}],"clientContext":"5"}}"#, user(USER)),
        ),
        case("participants-missing", r#"{"clientContext":"c1"}"#, valid()),
        case("participants-empty", body(&[]), valid()),
        case("participants-too-many", body(&six), body(&six[..5])),
        case(
            "identity-missing",
            body(&[r#"{"replacesCallId":null}"#.into()]),
            valid(),
        ),
        case(
            "identity-empty",
            body(&[r#"{"identity":{"user":null}}"#.into()]),
            valid(),
        ),
        case(
            "identity-multiple",
            body(&[format!(
                r#"{{"identity":{{"user":{{"id":"{USER}"}},"phone":{{"id":"+12345678901"}}}}}}"#
            )]),
            valid(),
        ),
        case(
            "identity-id-missing",
            body(&[r#"{"identity":{"user":{"displayName":"Ana"}}}"#.into()]),
            valid(),
        ),
        case(
            "phone-not-e164",
            body(&[r#"{"identity":{"phone":{"id":"12345678901"}}}"#.into()]),
            body(std::slice::from_ref(&phone)),
        ),
        case("guid-format", body(&[user("ana@contoso.com")]), valid()),
        case(
            "duplicate-participant",
            body(&[user(USER), user(&USER.to_uppercase())]),
            body(&[user(USER), user(OTHER_USER)]),
        ),
        case(
            "replaces-call-id-multiple",
            body(&[
                format!(r#"{{"replacesCallId":"{USER}","identity":{{"user":{{"id":"{USER}"}}}}}}"#),
                user(OTHER_USER),
            ]),
            body(&[format!(
                r#"{{"replacesCallId":"{USER}","identity":{{"user":{{"id":"{USER}"}}}}}}"#
            )]),
        ),
        case(
            "replaces-call-id-ignored",
            body(&[
                user(USER),
                format!(r#"{{"replacesCallId":"{USER}","identity":{{"user":{{"id":"{OTHER_USER}"}}}}}}"#),
            ]),
            body(&[
                format!(r#"{{"replacesCallId":"{USER}","identity":{{"user":{{"id":"{USER}"}}}}}}"#),
                user(OTHER_USER),
            ]),
        ),
        case(
            "bot-invitee",
            body(&[format!(r#"{{"identity":{{"application":{{"id":"{USER}"}}}}}}"#)]),
            valid(),
        ),
        case(
            "client-context-too-long",
            format!(
                r#"{{"participants":[{}],"clientContext":"{}"}}"#,
                user(USER),
                "é".repeat(257)
            ),
            format!(
                r#"{{"participants":[{}],"clientContext":"{}"}}"#,
                user(USER),
                "é".repeat(256)
            ),
        ),
        case(
            "client-context-missing",
            format!(r#"{{"participants":[{}]}}"#, user(USER)),
            valid(),
        ),
        case(
            "odata-type-mismatch",
            body(&[format!(
                r##"{{"@odata.type":"#microsoft.graph.identity","identity":{{"user":{{"id":"{USER}"}}}}}}"##
            )]),
            body(&[format!(
                r##"{{"@odata.type":"#microsoft.graph.invitationParticipantInfo","identity":{{"user":{{"id":"{USER}"}}}}}}"##
            )]),
        ),
        case(
            "enum-value-unknown",
            body(&[format!(
                r#"{{"endpointType":"phone","identity":{{"user":{{"id":"{USER}"}}}}}}"#
            )]),
            body(&[format!(
                r#"{{"endpointType":"Voicemail","identity":{{"user":{{"id":"{USER}"}}}}}}"#
            )]),
        ),
        Case {
            passes_options: Some(CheckOptions::default()),
            ..Case {
                options: CheckOptions {
                    version: ApiVersion::V1,
                    ..CheckOptions::default()
                },
                ..case(
                    "property-not-in-version",
                    body(&[format!(
                        r#"{{"endpointType":"default","identity":{{"user":{{"id":"{USER}"}}}}}}"#
                    )]),
                    body(&[format!(
                        r#"{{"endpointType":"default","identity":{{"user":{{"id":"{USER}"}}}}}}"#
                    )]),
                )
            }
        },
        case(
            "unknown-property",
            body(&[format!(
                r#"{{"replaceCallId":"{USER}","identity":{{"user":{{"id":"{USER}"}}}}}}"#
            )]),
            body(&[format!(
                r#"{{"replacesCallId":"{USER}","identity":{{"user":{{"id":"{USER}"}}}}}}"#
            )]),
        ),
        Case {
            options: with_context(CallContext {
                state: CallState::Establishing,
                ..CallContext::default()
            }),
            ..case("call-not-established", valid(), valid())
        },
        Case {
            options: with_context(peer_to_peer.clone()),
            passes_options: Some(with_context(peer_to_peer)),
            ..case(
                "multiple-needs-group-call",
                body(&[user(USER), user(OTHER_USER)]),
                valid(),
            )
        },
        Case {
            options: with_context(no_chat.clone()),
            passes_options: Some(CheckOptions::default()),
            ..case(
                "chat-info-required",
                body(&[user(USER), user(OTHER_USER)]),
                body(&[user(USER), user(OTHER_USER)]),
            )
        },
        Case {
            options: with_context(CallContext {
                token: TokenKind::Delegated,
                ..CallContext::default()
            }),
            ..case("permission-missing", valid(), valid())
        },
        Case {
            options: with_context(CallContext {
                pstn_provisioned: false,
                ..CallContext::default()
            }),
            ..case(
                "pstn-not-provisioned",
                body(std::slice::from_ref(&phone)),
                body(&[phone]),
            )
        },
    ]
}

fn codes(checked: &Checked) -> Vec<&'static str> {
    checked.codes()
}

#[test]
fn every_rule_has_a_failing_case_and_a_near_miss() {
    let mut seen = Vec::new();
    for case in cases() {
        let checked = check(&case.fails, &case.options);
        assert!(
            codes(&checked).contains(&case.code),
            "{}: expected it in {:?} for\n{}",
            case.code,
            codes(&checked),
            case.fails
        );
        assert_places(&case.fails, &checked);
        let options = case.passes_options.as_ref().unwrap_or(&CheckOptions::default()).clone();
        let near_miss = check(&case.passes, &options);
        assert!(
            !codes(&near_miss).contains(&case.code),
            "{}: near miss still triggers it: {:?}\n{}",
            case.code,
            codes(&near_miss),
            case.passes
        );
        assert_places(&case.passes, &near_miss);
        seen.push(case.code);
    }
    // The SPEC's minimum set, all covered.
    for code in SPEC_CODES {
        assert!(seen.contains(code), "no case for `{code}`");
    }
}

const SPEC_CODES: &[&str] = &[
    "json-syntax",
    "json-too-deep",
    "json-duplicate-key",
    "body-empty",
    "body-not-object",
    "request-line-invalid",
    "method-not-allowed",
    "path-invalid",
    "path-placeholder",
    "path-deprecated-app",
    "header-authorization-missing",
    "header-content-type",
    "content-length-mismatch",
    "type-mismatch",
    "participants-missing",
    "participants-empty",
    "participants-too-many",
    "identity-missing",
    "identity-empty",
    "identity-multiple",
    "identity-id-missing",
    "phone-not-e164",
    "guid-format",
    "duplicate-participant",
    "replaces-call-id-multiple",
    "replaces-call-id-ignored",
    "bot-invitee",
    "client-context-too-long",
    "client-context-missing",
    "odata-type-mismatch",
    "enum-value-unknown",
    "property-not-in-version",
    "unknown-property",
    "call-not-established",
    "multiple-needs-group-call",
    "chat-info-required",
    "permission-missing",
    "pstn-not-provisioned",
];

#[test]
fn a_valid_request_has_no_diagnostics() {
    let checked = check(&http(GOOD_LINE, GOOD_HEADERS, &valid()), &CheckOptions::default());
    assert_eq!(codes(&checked), Vec::<&str>::new());
    assert!(checked.invite().is_some());
}

#[test]
fn severities_follow_the_spec() {
    use invite_playground::diagnostic::Severity::*;
    let expect = [
        ("client-context-missing", Info),
        ("guid-format", Warning),
        ("phone-not-e164", Error),
        ("unknown-property", Warning),
    ];
    for case in cases() {
        let checked = check(&case.fails, &case.options);
        for (code, severity) in expect {
            if let Some(d) = checked.diagnostics.iter().find(|d| d.code() == code) {
                assert_eq!(d.severity(), severity, "{code}");
            }
        }
    }
}

#[test]
fn positions_name_the_offending_token() {
    let text = "{\n  \"participants\": [\n    {\"identity\": {\"phone\": {\"id\": \"0800\"}}}\n  ],\n  \"clientContxt\": \"x\"\n}";
    let checked = check(text, &CheckOptions::default());
    let phone = checked
        .diagnostics
        .iter()
        .find(|d| d.code() == "phone-not-e164")
        .unwrap();
    let position = phone.position.unwrap();
    assert_eq!((position.line, position.column), (3, 35));
    assert_eq!(&text[phone.span.unwrap().start..phone.span.unwrap().end], "\"0800\"");
    assert_eq!(
        phone.pointer.as_ref().unwrap().as_str(),
        "/participants/0/identity/phone/id"
    );
    let typo = checked
        .diagnostics
        .iter()
        .find(|d| d.code() == "unknown-property")
        .unwrap();
    assert_eq!(typo.position.map(|p| (p.line, p.column)), Some((5, 3)));
    assert!(
        typo.message(Default::default())
            .contains("did you mean `clientContext`?"),
        "{}",
        typo.message(Default::default())
    );
    // A missing property is reported at its parent object.
    let missing = check("{\"clientContext\": \"c\"}", &CheckOptions::default());
    let d = missing
        .diagnostics
        .iter()
        .find(|d| d.code() == "participants-missing")
        .unwrap();
    assert_eq!(d.pointer.as_ref().unwrap().as_str(), "");
    assert_eq!(d.position.map(|p| (p.line, p.column)), Some((1, 1)));
}

#[test]
fn strict_json_rejects_every_leniency() {
    for text in [
        "{\"participants\": [] // comment\n}",
        "{'participants': []}",
        "{\"participants\": [],}",
        "{\"a\": NaN}",
        "{\"a\": 0x10}",
        "{\"a\": .5}",
        "{\"a\": +1}",
        "{\"a\": 01}",
        "{participants: []}",
        "{\"a\": \"tab\there\"}",
        "{\"a\": 1} {\"b\": 2}",
    ] {
        let checked = check(text, &CheckOptions::default());
        assert!(checked.codes().contains(&"json-syntax"), "accepted: {text}");
        let d = checked.diagnostics.iter().find(|d| d.code() == "json-syntax").unwrap();
        assert!(d.position.is_some(), "no position for {text}");
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [129, 600, 100_000] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let checked = check(&text, &CheckOptions::default());
        assert!(
            checked.codes().contains(&"json-too-deep"),
            "{depth}: {:?}",
            checked.codes()
        );
    }
}

#[test]
fn every_message_is_one_lowercase_sentence_in_both_languages() {
    use invite_playground::i18n::Lang;
    for case in cases() {
        for diagnostic in check(&case.fails, &case.options).diagnostics {
            for &lang in Lang::ALL {
                let message = diagnostic.message(lang);
                let first = message.chars().next().unwrap();
                assert!(!first.is_uppercase(), "{}: {message}", diagnostic.code());
                assert!(!message.ends_with('.'), "{}: {message}", diagnostic.code());
                assert!(diagnostic.help(lang).is_some());
            }
            assert_ne!(
                diagnostic.message(Lang::En),
                diagnostic.message(Lang::PtBr),
                "{} is not translated",
                diagnostic.code()
            );
        }
    }
}

#[test]
fn a_wrongly_typed_identity_is_a_type_mismatch_not_an_empty_set() {
    let checked = check(
        r#"{"participants":[{"identity":{"user":5}}],"clientContext":"c"}"#,
        &CheckOptions::default(),
    );
    assert_eq!(codes(&checked), ["type-mismatch"]);
    let two = check(
        r#"{"participants":[{"identity":{"user":{"id":"278405a3-f568-4b3e-b684-009193463064"},"phone":"+1"}}],"clientContext":"c"}"#,
        &CheckOptions::default(),
    );
    assert!(codes(&two).contains(&"identity-multiple"), "{:?}", codes(&two));
}

#[test]
fn a_type_mismatch_says_where_the_property_is_declared() {
    use invite_playground::diagnostic::Lang;
    let id = format!(r#"{{"id":"{USER}"}}"#);
    for (body, en, pt) in [
        (
            format!(r#"{{"participants":[{{"identity":{{"user":{id}}}}}],"clientContext":5}}"#),
            "see the invite's parameters and their types (docs: Request body)",
            "veja os parâmetros do convite e seus tipos (documentação: Corpo da solicitação)",
        ),
        (
            r#"{"participants":[7],"clientContext":"c"}"#.to_owned(),
            "see the invite's parameters and their types (docs: Request body)",
            "veja os parâmetros do convite e seus tipos (documentação: Corpo da solicitação)",
        ),
        (
            format!(r#"{{"participants":[{{"identity":{{"user":{id}}},"hidden":"no"}}],"clientContext":"c"}}"#),
            "see the property's type in invitationParticipantInfo (docs: invitationParticipantInfo)",
            "veja o tipo da propriedade em invitationParticipantInfo (documentação: invitationParticipantInfo)",
        ),
        (
            r#"{"participants":[{"identity":{"user":5}}],"clientContext":"c"}"#.to_owned(),
            "see the property's type in identitySet (docs: identitySet)",
            "veja o tipo da propriedade em identitySet (documentação: identitySet)",
        ),
        (
            format!(
                r#"{{"participants":[{{"identity":{{"user":{{"id":"{USER}","displayName":3}}}}}}],"clientContext":"c"}}"#
            ),
            "see the property's type in identity (docs: identity)",
            "veja o tipo da propriedade em identity (documentação: identity)",
        ),
    ] {
        let checked = check(&body, &CheckOptions::default());
        assert_eq!(codes(&checked), ["type-mismatch"], "{body}");
        let mismatch = &checked.diagnostics[0];
        assert_eq!(mismatch.help(Lang::En).as_deref(), Some(en), "{body}");
        assert_eq!(mismatch.help(Lang::PtBr).as_deref(), Some(pt), "{body}");
    }
}

#[test]
fn messages_quote_a_huge_culprit_only_in_part() {
    let long = "x".repeat(100_000);
    let text = format!(r#"{{"participants":[{{"identity":{{"user":{{"id":"{long}"}}}}}}],"clientContext":"c"}}"#);
    let checked = check(&text, &CheckOptions::default());
    let guid = checked.diagnostics.iter().find(|d| d.code() == "guid-format").unwrap();
    for &lang in invite_playground::i18n::Lang::ALL {
        let message = guid.message(lang);
        assert!(message.chars().count() < 200, "{} characters", message.chars().count());
        assert!(message.contains("xxxxxxxxxx…"), "{message}");
    }
}

/// What the real Graph SDKs send and read (ECOSYSTEM §1), accepted as Graph accepts it.
#[test]
fn the_sdks_double_slash_url_is_the_invite_path_in_both_versions() {
    for version in ["beta", "v1.0"] {
        let line = format!(
            "POST https://graph.microsoft.com/{version}//communications/calls/ab6233a5-20b7-4c5e-bea2-ce56c9776429/participants/invite"
        );
        let text = http(
            &line,
            "authorization: Bearer eyJ0eXAi\ncontent-type: application/json",
            &valid(),
        );
        let checked = check(&text, &CheckOptions::default());
        assert_eq!(codes(&checked), Vec::<&str>::new(), "{version}");
        assert_eq!(checked.request.version.name(), version);
        let target = checked.request.target.expect("the path is the invite path");
        assert_eq!(target.call_id.as_deref(), Some("ab6233a5-20b7-4c5e-bea2-ce56c9776429"));
    }
    // Near misses: two empty segments, or one before the version, are not the SDKs'.
    for url in [
        "https://graph.microsoft.com/beta///communications/calls/x/participants/invite",
        "https://graph.microsoft.com//beta/communications/calls/x/participants/invite",
    ] {
        let text = http(&format!("POST {url}"), GOOD_HEADERS, &valid());
        assert!(
            codes(&check(&text, &CheckOptions::default())).contains(&"path-invalid"),
            "{url}"
        );
    }
}

#[test]
fn a_wrong_path_keeps_the_version_its_url_names() {
    let text = http(
        "POST https://graph.microsoft.com/v1.0/communications/calls/abc/participants/add",
        GOOD_HEADERS,
        &body(&[format!(
            r#"{{"endpointType":"default","identity":{{"user":{{"id":"{USER}"}}}}}}"#
        )]),
    );
    let checked = check(&text, &CheckOptions::default());
    assert!(codes(&checked).contains(&"path-invalid"));
    assert_eq!(checked.request.version, ApiVersion::V1);
    // v1.0-only findings stay: `endpointType` is beta-only on invitationParticipantInfo.
    assert!(
        codes(&checked).contains(&"property-not-in-version"),
        "{:?}",
        codes(&checked)
    );
}

#[test]
fn an_asserted_identity_beside_a_phone_is_not_a_second_participant() {
    let phone_asserted = r##"{"identity":{"@odata.type":"#microsoft.graph.communicationsIdentitySet","phone":{"id":"+12345678901"},"assertedIdentity":{"id":"+14255550100"}}}"##;
    let checked = check(&body(&[phone_asserted.to_owned()]), &CheckOptions::default());
    assert!(!codes(&checked).contains(&"identity-multiple"), "{:?}", codes(&checked));
    // Near miss: two real identities still are.
    let phone_user = format!(r#"{{"identity":{{"phone":{{"id":"+12345678901"}},"user":{{"id":"{USER}"}}}}}}"#);
    assert!(codes(&check(&body(&[phone_user]), &CheckOptions::default())).contains(&"identity-multiple"));
}

/// A body with more problems of one severity than `MAX_LISTED` lists the first ones and
/// counts the rest; the verdict and the counts stay exact, and the head's and the call's
/// diagnostics are always listed.
#[test]
fn a_flood_of_one_problem_is_counted_and_the_first_ones_listed() {
    use invite_playground::diagnostic::Severity;
    use invite_playground::validate::MAX_LISTED;
    let repeats = MAX_LISTED + 2_500;
    let body = format!(
        r#"{{"participants":[{}],"clientContext":"c"{}}}"#,
        user(USER),
        r#","a":1"#.repeat(repeats)
    );
    let text = http(
        "POST https://graph.microsoft.com/beta/communications/calls/x/participants/invite",
        "Content-Type: application/json",
        &body,
    );
    let checked = check(
        &text,
        &with_context(CallContext {
            token: TokenKind::Delegated,
            ..CallContext::default()
        }),
    );
    // Every `a` is an unknown property, and every one after the first also a repeat.
    let warnings = 2 * repeats - 1;
    assert_eq!(checked.count(Severity::Warning), warnings);
    assert_eq!(checked.omitted.warnings, warnings - MAX_LISTED);
    assert!(checked.diagnostics.len() <= MAX_LISTED + 10);
    let codes = codes(&checked);
    assert!(
        codes.contains(&"header-authorization-missing") && codes.contains(&"permission-missing"),
        "{codes:?}"
    );
    assert!(!checked.is_valid());
    assert_places(&text, &checked);
}

/// Each hidden bidirectional control, raw in a key, in a string of an array, in a value
/// and in a header line, is reported once per key, string or line, at it; the
/// characters that look like them (joiners, spaces, other punctuation with the same lead
/// byte, right-to-left letters) and escapes are not.
#[test]
fn hidden_bidirectional_controls_are_found_in_every_place_and_nothing_else_is() {
    use invite_playground::source::BIDI_CONTROLS;
    for (control, _) in BIDI_CONTROLS {
        let c = control.to_string();
        let body = format!(
            r#"{{"participants":[{}],"clientContext":"c","note{c}":["a", "b{c}c{c}"],"tag":"x{c}"}}"#,
            named("Ana")
        );
        let text = http(GOOD_LINE, &format!("{GOOD_HEADERS}\nX-Note: a{c}b"), &body);
        let checked = check(&text, &CheckOptions::default());
        let found: Vec<(Option<&str>, usize)> = checked
            .diagnostics
            .iter()
            .filter(|d| d.code() == "bidi-control")
            .map(|d| (d.pointer.as_ref().map(|p| p.as_str()), d.span.unwrap().start))
            .collect();
        let at = |needle: &str| text.find(needle).unwrap();
        let key = format!("/note{c}");
        assert_eq!(
            found,
            [
                (None, at("X-Note")),
                (Some(key.as_str()), at(&format!(r#""note{c}""#))),
                (Some(format!("{key}/1").as_str()), at(&format!(r#""b{c}"#))),
                (Some("/tag"), at(&format!(r#""x{c}""#))),
            ],
            "U+{:04X}",
            u32::from(control)
        );
        let message = checked.diagnostics.iter().find(|d| d.code() == "bidi-control").unwrap();
        assert!(message
            .message(invite_playground::i18n::Lang::En)
            .contains(&format!("U+{:04X}", u32::from(control))));
        assert_places(&text, &checked);
    }
    for innocent in [
        "\u{200d}",
        "\u{2060}",
        "\u{202f}",
        "\u{2026}",
        "\u{2014}",
        "שלום",
        "مرحبا",
        "\\u202e",
    ] {
        let text = http(
            GOOD_LINE,
            &format!("{GOOD_HEADERS}\nX-Note: {innocent}"),
            &body(&[named(innocent)]),
        );
        let checked = check(&text, &CheckOptions::default());
        assert!(
            !codes(&checked).contains(&"bidi-control"),
            "{innocent:?}: {:?}",
            codes(&checked)
        );
    }
}

/// A repeat among many names (past the few the check scans, where it hashes) is found
/// wherever it is, spelled with an escape too, and only the later one is reported.
#[test]
fn a_repeated_key_among_many_is_reported_at_its_second_place() {
    let keys: Vec<String> = (0..40).map(|n| format!(r#""k{n}":{n}"#)).collect();
    let body = format!(
        r#"{{"participants":[{}],"clientContext":"c",{},"k3":0,"\u006b20":0}}"#,
        user(USER),
        keys.join(",")
    );
    let checked = check(&body, &CheckOptions::default());
    let repeats: Vec<(&str, usize)> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code() == "json-duplicate-key")
        .map(|d| (d.pointer.as_ref().unwrap().as_str(), d.span.unwrap().start))
        .collect();
    let at = |needle: &str| body.rfind(needle).unwrap();
    assert_eq!(repeats, [("/k3", at(r#""k3""#)), ("/k20", at(r#""\u006b20""#))]);
    assert_places(&body, &checked);
}

/// Past `MAX_LISTED` errors the rest are only counted (the check no longer builds their
/// messages and pointers): the count stays exact, the listed ones are the first in text
/// order with their own pointers, and a problem found before the flood is listed.
#[test]
fn a_flood_of_wrong_elements_is_counted_exactly_and_the_first_listed() {
    use invite_playground::diagnostic::Severity;
    use invite_playground::validate::MAX_LISTED;
    let elements = MAX_LISTED + 1_234;
    let body = format!(
        r#"{{"clientContext":5,"participants":[{}0],"typo":1}}"#,
        "0,".repeat(elements - 1)
    );
    let checked = check(&body, &CheckOptions::default());
    // One wrong clientContext and one wrong element each; the array is also too long.
    assert_eq!(checked.count(Severity::Error), elements + 2);
    assert_eq!(checked.omitted.errors, elements + 2 - MAX_LISTED);
    assert_eq!(checked.count(Severity::Warning), 1, "the unknown `typo` is listed");
    let pointers: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code() == "type-mismatch")
        .filter_map(|d| d.pointer.as_ref().map(|p| p.as_str().to_owned()))
        .collect();
    assert_eq!(pointers[0], "/clientContext");
    assert_eq!(pointers[1], "/participants/0");
    assert_eq!(
        pointers.last().map(String::as_str),
        Some(format!("/participants/{}", MAX_LISTED - 3).as_str())
    );
    assert_places(&body, &checked);
}

/// Malformed header lines are the one head problem a text can repeat without end (a
/// body pasted as headers): past `MAX_LISTED` they are counted, not listed (300,000 such
/// lines took 200 MB), and the call's own diagnostics are still listed.
#[test]
fn a_flood_of_malformed_header_lines_is_counted_and_the_first_listed() {
    use invite_playground::diagnostic::Severity;
    use invite_playground::validate::MAX_LISTED;
    let lines = MAX_LISTED + 321;
    let headers = format!("Content-Type: application/json\n{}", "no colon here\n".repeat(lines));
    let text = http(
        "POST https://graph.microsoft.com/v1.0/communications/calls/x/participants/invite",
        headers.trim_end(),
        &body(&[user(USER)]),
    );
    let checked = check(
        &text,
        &with_context(CallContext {
            token: TokenKind::Delegated,
            ..CallContext::default()
        }),
    );
    let malformed = checked
        .diagnostics
        .iter()
        .filter(|d| d.code() == "header-malformed")
        .count();
    assert_eq!(malformed, MAX_LISTED);
    let codes = codes(&checked);
    assert!(
        codes.contains(&"header-authorization-missing") && codes.contains(&"permission-missing"),
        "{codes:?}"
    );
    // Every line is counted: the listed errors and the omitted ones add up.
    let other_errors = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error && d.code() != "header-malformed")
        .count();
    assert_eq!(checked.omitted.errors, lines - MAX_LISTED);
    assert_eq!(checked.count(Severity::Error), lines + other_errors);
    assert_places(&text, &checked);
}

/// Pointers repeat their parents' keys, so a flood under a long key would list pointers
/// many times the text (a 320 KB text took 2 GB): what the listed pointers of a severity
/// hold stays near the text's size, the rest are counted, and the errors are still listed.
#[test]
fn pointers_under_a_long_key_stay_within_the_texts_size() {
    use invite_playground::diagnostic::Severity;
    use invite_playground::validate::POINTER_ALLOWANCE;
    let key = "k".repeat(200_000);
    let body = format!(
        r#"{{"participants":[],"{key}":{{{}}}}}"#,
        vec![r#""a":1"#; 20_000].join(",")
    );
    let checked = check(&body, &CheckOptions::default());
    // 19,999 repeats of `a` and the unknown long key: all counted.
    assert_eq!(checked.count(Severity::Warning), 20_000);
    assert!(checked.omitted.warnings > 19_000, "{:?}", checked.omitted);
    let listed_bytes = |severity| -> usize {
        checked
            .diagnostics
            .iter()
            .filter(|d| d.severity() == severity)
            .filter_map(|d| d.pointer.as_ref().map(|p| p.as_str().len()))
            .sum()
    };
    let longest = key.len() + 3;
    assert!(listed_bytes(Severity::Warning) <= body.len() + POINTER_ALLOWANCE + longest);
    assert!(listed_bytes(Severity::Warning) >= POINTER_ALLOWANCE, "some are listed");
    // The error the warnings came before is listed all the same.
    assert!(codes(&checked).contains(&"participants-empty"), "{:?}", codes(&checked));
    assert_places(&body, &checked);
}

/// However deep the nesting, `json-too-deep` marks the bracket that crosses the limit
/// (column 129 on one line) with the pointer to it, like a shallower body gets.
#[test]
fn too_deep_is_marked_where_the_limit_is_crossed_at_any_depth() {
    for depth in [129, 600, 100_000] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let checked = check(&text, &CheckOptions::default());
        let deep = checked
            .diagnostics
            .iter()
            .find(|d| d.code() == "json-too-deep")
            .unwrap();
        assert_eq!(deep.position.map(|p| (p.line, p.column)), Some((1, 129)), "{depth}");
        let pointer = deep.pointer.as_ref().map(|p| p.as_str().to_owned());
        assert_eq!(pointer.as_deref(), Some("/0".repeat(128).as_str()), "{depth}");
    }
    // Keys are tracked too, including escaped ones.
    let text = format!("{}1{}", r#"{"a~b":"#.repeat(600), "}".repeat(600));
    let checked = check(&text, &CheckOptions::default());
    let deep = checked
        .diagnostics
        .iter()
        .find(|d| d.code() == "json-too-deep")
        .unwrap();
    assert_eq!(deep.pointer.as_ref().unwrap().as_str(), "/a~0b".repeat(128));
}

#[test]
fn did_you_mean_holds_after_thousands_of_different_unknown_names() {
    // The answers are remembered for the first names of a place only; later ones are
    // worked out again, never dropped or mixed up.
    let mut members: Vec<String> = (0..3000).map(|n| format!("\"unknown{n}\": 0")).collect();
    members.push("\"clientContex\": \"c\"".into());
    members.push("\"participantz\": []".into());
    let text = format!("{{{}}}", members.join(", "));
    let checked = check(&text, &CheckOptions::default());
    let messages: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code() == "unknown-property")
        .map(|d| d.message(Default::default()))
        .collect();
    assert_eq!(messages.len(), 3002);
    assert!(messages[..3000].iter().all(|m| !m.contains("did you mean")));
    assert!(
        messages[3000].contains("did you mean `clientContext`?"),
        "{}",
        messages[3000]
    );
    assert!(
        messages[3001].contains("did you mean `participants`?"),
        "{}",
        messages[3001]
    );
}

/// A run reads the action's parameters only: an undeclared top-level member stays text
/// (it can be most of a large body), a participant's own extras are read, and a
/// repeated name keeps its last value. The request event still carries the whole body,
/// written as its JSON value would be.
#[test]
fn a_run_reads_the_parameters_and_the_request_event_keeps_every_member() {
    use invite_playground::simulate::{simulate, Settings};
    use invite_playground::validate::json_value;
    let text = format!(
        r#"{{"participants":[{{"identity":{{"user":{{"id":"{USER}"}}}},"note":[1]}}],"clientContext":"c1","x":[0,0,{{"y":1,"y":2}}],"clientContext":"c2"}}"#
    );
    let checked = check(&text, &CheckOptions::default());
    assert!(checked.is_valid(), "{:?}", codes(&checked));
    let invite = checked.invite().unwrap();
    assert!(invite.extra.is_empty(), "{:?}", invite.extra);
    assert_eq!(invite.client_context.value().map(String::as_str), Some("c2"));
    assert_eq!(invite.participants[0].extra["note"], serde_json::json!([1]));

    let timeline = simulate(&checked, &CallContext::default(), Settings::default(), None);
    let request = serde_json::to_value(&timeline.events[0]).unwrap();
    assert_eq!(request["body"], json_value(&text).unwrap());
    let written = serde_json::to_string(&request["body"]).unwrap();
    assert!(
        written.starts_with(r#"{"participants":"#) && written.contains(r#""clientContext":"c2","x":[0,0,{"y":2}]}"#),
        "{written}"
    );
}

/// A body encoded twice (a JSON string that holds the object) is named as such, in both
/// languages, with the fix; a string that holds no JSON gets the plain message.
#[test]
fn a_body_encoded_twice_is_named() {
    use invite_playground::i18n::Lang;
    let first = |text: &str| check(text, &CheckOptions::default()).diagnostics.remove(0);
    let twice = first(&serde_json::to_string(&valid()).unwrap());
    assert_eq!(twice.code(), "body-not-object");
    assert_eq!(
        twice.message(Lang::En),
        "the body is a string that holds JSON, not a JSON object: it was encoded twice"
    );
    assert!(twice.message(Lang::PtBr).contains("codificado duas vezes"));
    assert!(twice.help(Lang::En).unwrap().starts_with("send the object itself"));
    for plain in ["\"hello\"", "\" {\"", "\"[1, 2\""] {
        assert_eq!(
            first(plain).message(Lang::En),
            "the body is a string but must be a JSON object",
            "{plain}"
        );
    }
}

/// A malformed header line's help fits what is wrong with it: a name, a blank and a
/// value lacks its colon; a name with a blank before its colon is not one word; a line
/// of the body before the blank line is the body started too soon. Its credential is
/// quoted to four characters.
#[test]
fn a_malformed_header_gets_the_help_that_fits_it() {
    use invite_playground::i18n::Lang;
    for (line, en, pt) in [
        (
            "Authorization Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi",
            "a header needs a `:` after its name: write `Authorization: …`",
            "um cabeçalho precisa de `:` depois do nome: escreva `Authorization: …`",
        ),
        (
            "Content-Type\tapplication/json",
            "a header needs a `:` after its name: write `Content-Type: …`",
            "escreva `Content-Type: …`",
        ),
        (
            "Content Type: application/json",
            "a header name is one word of letters, digits and `-` (no spaces) before its `:`",
            "sem espaços",
        ),
        (
            "participants",
            "a header line is `Name: value`; end the headers with a blank line before the JSON body",
            "linha em branco",
        ),
    ] {
        let text = http(GOOD_LINE, &format!("{GOOD_HEADERS}\n{line}"), &valid());
        let checked = check(&text, &CheckOptions::default());
        let malformed = checked
            .diagnostics
            .iter()
            .find(|d| d.code() == "header-malformed")
            .expect(line);
        assert!(
            malformed.help(Lang::En).unwrap().starts_with(en),
            "{line}: {:?}",
            malformed.help(Lang::En)
        );
        assert!(
            malformed.help(Lang::PtBr).unwrap().contains(pt),
            "{line}: {:?}",
            malformed.help(Lang::PtBr)
        );
        assert!(!malformed.message(Lang::En).contains("eyJ0eXAiOiJK"), "{line}");
    }
}
