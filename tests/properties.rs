//! Properties of the core on generated input: nothing panics; every pointer resolves in
//! the parsed body; every line and column is where the span starts and the span holds the
//! token the diagnostic names; a valid request round-trips through the model unchanged.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_placed, assert_places};
use invite_playground::engine::explain::explain;
use invite_playground::model::ApiVersion;
use invite_playground::model::InviteBody;
use invite_playground::validate::{check, CheckOptions, ReceivedOptions};
use proptest::prelude::*;
use serde_json::{json, Value};

fn guid() -> impl Strategy<Value = String> {
    "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
}

fn identity() -> impl Strategy<Value = Value> {
    prop_oneof![
        (guid(), proptest::option::of("[A-Za-zÀ-ÿ ]{1,12}")).prop_map(|(id, name)| {
            let mut user = json!({ "id": id });
            if let Some(name) = name {
                user["displayName"] = json!(name);
            }
            json!({ "@odata.type": "#microsoft.graph.identitySet", "user": user })
        }),
        "[1-9][0-9]{6,13}".prop_map(|digits| json!({ "phone": { "id": format!("+{digits}") } })),
        guid().prop_map(|id| json!({ "applicationInstance": { "id": id, "hidden": false } })),
    ]
}

/// Bodies that break no rule: 1–5 distinct participants, optional `clientContext`.
fn valid_body() -> impl Strategy<Value = Value> {
    (
        proptest::collection::vec(identity(), 1..=5),
        proptest::option::of("[ -~]{0,256}"),
    )
        .prop_filter_map("identities must be distinct", |(identities, context)| {
            let ids: Vec<String> = identities.iter().map(|i| i.to_string()).collect();
            let mut sorted = ids.clone();
            sorted.sort();
            sorted.dedup();
            if sorted.len() != ids.len() {
                return None;
            }
            let participants: Vec<Value> = identities
                .into_iter()
                .map(|identity| json!({ "identity": identity }))
                .collect();
            let mut body = json!({ "participants": participants });
            if let Some(context) = context {
                body["clientContext"] = json!(context);
            }
            Some(body)
        })
}

/// Bodies with mistakes in them: wrong types, bad numbers, typos, extra participants.
fn any_body() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i32>().prop_map(Value::from),
        "[ -~é\u{202e}]{0,20}".prop_map(Value::from),
        Just(json!("+12345678901")),
        Just(json!("278405a3-f568-4b3e-b684-009193463064")),
    ];
    let keys = prop_oneof![
        Just("participants"),
        Just("identity"),
        Just("user"),
        Just("phone"),
        Just("id"),
        Just("clientContext"),
        Just("replacesCallId"),
        Just("endpointType"),
        Just("@odata.type"),
        Just("application"),
        Just("tenantId"),
        Just("replaceCallId"),
        Just("x/y~z"),
    ];
    leaf.prop_recursive(6, 64, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..7).prop_map(Value::Array),
            proptest::collection::vec((keys.clone(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
}

/// Payloads in the shape of what a bot receives, with mistakes in them: notifications,
/// operations, rosters, calls and error envelopes, members of the wrong type or case.
fn any_received() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i32>().prop_map(Value::from),
        "[ -~é\u{202e}]{0,12}".prop_map(Value::from),
        prop_oneof![
            Just("deleted"),
            Just("Updated"),
            Just("created"),
            Just("completed"),
            Just("Failed"),
            Just("Running"),
            Just("terminated"),
            Just("established"),
            Just("#microsoft.graph.call"),
            Just("#microsoft.graph.inviteParticipantsOperation"),
            Just("/communications/calls/421f0000-0000-0000-0000-000000000000/operations/o"),
            Just("278405a3-f568-4b3e-b684-009193463064"),
        ]
        .prop_map(Value::from),
    ];
    let keys = prop_oneof![
        Just("value"),
        Just("changeType"),
        Just("resourceUrl"),
        Just("resourceData"),
        Just("@odata.type"),
        Just("status"),
        Just("id"),
        Just("resultInfo"),
        Just("code"),
        Just("subcode"),
        Just("participants"),
        Just("info"),
        Just("identity"),
        Just("user"),
        Just("mediaStreams"),
        Just("state"),
        Just("error"),
        Just("message"),
        Just("clientContext"),
    ];
    leaf.prop_recursive(6, 64, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            proptest::collection::vec((keys.clone(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_received_payload_is_explained_without_a_panic_and_placed_precisely(
        body in any_received(),
        pretty in any::<bool>(),
        head in proptest::option::of(prop_oneof![
            Just("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"),
            Just("HTTP/1.1 404 Not Found\n\n"),
            Just("POST https://bot.contoso.com/api/calls HTTP/1.1\nContent-Type: application/json\n\n"),
        ]),
    ) {
        let json = if pretty { serde_json::to_string_pretty(&body).unwrap() } else { body.to_string() };
        let text = format!("{}{json}", head.unwrap_or_default());
        let options = ReceivedOptions { version: ApiVersion::Beta, request: None };
        let explained = explain(&text, &options);
        let diagnostics = &explained.received.diagnostics;
        prop_assert!(!diagnostics.iter().any(|d| d.code() == "json-syntax"));
        // Pointers resolve in the body, positions count from the whole text.
        assert_placed(&text, diagnostics, Some(&body));
        for item in &explained.items {
            prop_assert!(!item.meaning.en.is_empty() && !item.meaning.pt.is_empty());
        }
    }

    /// What the page stores and shares never holds a token, whatever surrounds its
    /// `Authorization` line (quotes, a cURL command, CR line ends, other credentials),
    /// and scrubbing twice changes nothing more.
    #[test]
    fn a_scrubbed_text_holds_no_token_and_scrubs_to_itself(
        before in "[ -~\r\n\té]{0,60}",
        after in "[ -~\r\n\té]{0,60}",
        name in prop_oneof![Just("Authorization"), Just("authorization"), Just("AUTHORIZATION")],
        separator in prop_oneof![Just(": "), Just(":"), Just(" : "), Just(" "), Just(":\t")],
        scheme in prop_oneof![Just("Bearer "), Just("bearer\t"), Just("Basic "), Just("")],
        token in "[A-Za-z0-9_-]{12,40}",
        line_end in prop_oneof![Just("\n"), Just("\r\n"), Just("\r"), Just("'"), Just("\""), Just("^\"")],
        curl in any::<bool>(),
    ) {
        let start = if curl { "curl https://x/y -H '" } else { "" };
        let text = format!("{start}{before}\n{name}{separator}{scheme}{token}{line_end}{after}");
        let scrubbed = invite_playground::engine::credential::scrub(&text);
        prop_assert!(!scrubbed.contains(&token), "{text:?} → {scrubbed:?}");
        prop_assert_eq!(invite_playground::engine::credential::scrub(&scrubbed), scrubbed.clone());
        let any = invite_playground::engine::credential::scrub(&format!("{before}{after}"));
        prop_assert_eq!(invite_playground::engine::credential::scrub(&any), any);
    }

    /// Any command line after `curl` (quotes, `$'…'` escapes, backslashes, comments)
    /// is read without a panic, and a body in single quotes comes back byte for byte.
    #[test]
    fn curl_commands_never_panic_and_quoted_data_comes_back(
        rest in "[ -~\n\\\\'\"$é]{0,120}",
        data in "[^']{0,80}",
    ) {
        let _ = invite_playground::engine::curl::request_of(&format!("curl {rest}"));
        let command = format!("curl https://x/y -H 'Content-Type: application/json' --data-raw '{data}'");
        let message = invite_playground::engine::curl::request_of(&command).unwrap();
        prop_assert_eq!(message.split_once("\n\n").map(|(_, body)| body), Some(data.as_str()));
    }

    /// Any data without a backslash written as Chrome's "Copy as cURL (cmd)" writes it
    /// (its `escapeStringWin`: `"` as `\"`, a `^` before anything not plain, `%^` before
    /// what could name a variable, a line break as `^` and two) comes back byte for
    /// byte, and any caret-laden line reads without a panic. (Chrome also doubles every
    /// backslash, which curl.exe keeps doubled unless a quote follows: the reader reads
    /// what curl.exe gets, see `engine::curl`'s tests.)
    #[test]
    fn windows_cmd_data_comes_back(data in "[ -\\[\\]-~\né%^\"]{0,80}", rest in "[ -~\n^\"]{0,80}") {
        let _ = invite_playground::engine::curl::request_of(&format!("curl ^\"{rest}"));
        let mut escaped = String::new();
        let doubled = data.replace('\\', "\\\\").replace('"', "\\\"");
        let mut chars = doubled.chars().peekable();
        while let Some(ch) = chars.next() {
            match ch {
                '\n' => escaped.push_str("^\n\n"),
                c if c.is_ascii_alphanumeric() || " \t_-:=+~'/.,?;()*`&".contains(c) => escaped.push(c),
                '%' if chars.peek().is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_') => escaped.push_str("^%^"),
                c => {
                    escaped.push('^');
                    escaped.push(c);
                }
            }
        }
        let command = format!("curl ^\"https://x/y^\" ^\n  -H ^\"content-type: application/json^\" ^\n  --data-raw ^\"{escaped}^\"");
        let message = invite_playground::engine::curl::request_of(&command).unwrap();
        prop_assert_eq!(message.split_once("\n\n").map(|(_, body)| body), Some(data.as_str()));
    }

    #[test]
    fn arbitrary_received_text_never_panics(text in "\\PC{0,200}") {
        let options = ReceivedOptions { version: ApiVersion::Beta, request: None };
        let explained = explain(&text, &options);
        let body = serde_json::from_str(invite_playground::input::split_message(&text).body).ok();
        assert_placed(&text, &explained.received.diagnostics, body.as_ref());
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let checked = check(&text, &CheckOptions::default());
        assert_places(&text, &checked);
    }

    #[test]
    fn arbitrary_http_never_panics(line in "[A-Za-z]{1,7} [ -~]{0,60}", rest in "[ -~\n\r]{0,200}") {
        let text = format!("{line}\n{rest}");
        let checked = check(&text, &CheckOptions::default());
        assert_places(&text, &checked);
    }

    #[test]
    fn generated_bodies_are_placed_precisely(body in any_body(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&body).unwrap() } else { body.to_string() };
        let checked = check(&text, &CheckOptions::default());
        prop_assert!(!checked.codes().contains(&"json-syntax"));
        assert_places(&text, &checked);
    }

    #[test]
    fn the_mock_answers_any_request_with_a_status(
        method in prop_oneof!["POST", "GET", "[A-Za-z]{1,7}"],
        path in prop_oneof![
            "/(beta|v1\\.0)/+(communications|app)/calls/[ -~]{0,12}/(participants/invite|operations/[ -~]{0,8})",
            "[ -~]{0,80}",
        ],
        headers in proptest::collection::vec(("[ -~]{1,24}", "\\PC{0,40}"), 0..5),
        outcome in proptest::option::of("\\PC{0,16}"),
        body in prop_oneof![any_body().prop_map(|b| b.to_string()), "\\PC{0,200}"],
    ) {
        use invite_playground::mock::graph;
        let mut headers = headers;
        if let Some(outcome) = outcome {
            headers.push(("X-Playground-Outcome".to_owned(), outcome));
        }
        let _ = graph::route(&method, &path);
        if let Ok(settings) = graph::settings_for(Default::default(), 1, &headers) {
            let text = graph::request_text(&method, &path, &headers, &body);
            let played = graph::invite(&text, &Default::default(), settings, Some("client"));
            let status = played.response.status.unwrap_or(0);
            prop_assert!((200..600).contains(&status), "{status}");
            prop_assert_eq!(status == 200, played.operation.is_some());
            prop_assert!(played.deliveries.windows(2).all(|w| w[0].0 <= w[1].0));
        }
    }

    #[test]
    fn valid_requests_round_trip_through_the_model(body in valid_body(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&body).unwrap() } else { body.to_string() };
        let checked = check(&text, &CheckOptions::default());
        prop_assert!(checked.is_valid(), "{:?} for {}", checked.codes(), text);
        let invite: InviteBody = checked.invite().unwrap();
        prop_assert_eq!(serde_json::to_value(invite).unwrap(), body);
    }
}
