//! The docs' seeds, broken a few characters at a time, through every door the engine
//! has: the check, every snippet language, the simulator in both modes, the explainer
//! with the request's facts, each composer edit, the share link and the stored draft
//! (which must read back with no credential left), the cURL reader.
//! None may panic, and every diagnostic is placed inside the text on character
//! boundaries. Deterministic (the simulator's own seeded `Ids`); `MUTATIONS=n` runs more.

use invite_playground::app::edit::{apply, Edit};
use invite_playground::app::link::{decode_base64_text, Link};
use invite_playground::app::share::Draft;
use invite_playground::engine::explain::explain;
use invite_playground::engine::snippet::{snippet, SnippetLang};
use invite_playground::engine::vocabulary::Vocabulary;
use invite_playground::engine::{credential, curl};
use invite_playground::i18n::Lang;
use invite_playground::model::IdentityKind;
use invite_playground::pointer::JsonPointer;
use invite_playground::scenarios::{Mode, Preset, PRESETS};
use invite_playground::simulate::{refusal, refused, simulate, Ids, Outcome, Settings};
use invite_playground::validate::{check, CheckOptions, ReceivedOptions, RequestFacts};

/// A number in `0..n` from the simulator's seeded generator: the same on every machine.
fn below(ids: &mut Ids, n: usize) -> usize {
    ids.below(n as u64) as usize
}

/// Pieces that steer the readers into their edges: JSON's punctuation and escapes,
/// line endings, invisible and astral characters, HTTP heads, link and draft syntax.
const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u",
    "\\ud83d",
    "null",
    "true",
    "1e999",
    "-0",
    "\r\n",
    "\r",
    "\n",
    "\u{0}",
    "\u{202e}",
    "é",
    "😀",
    "\t",
    "\u{feff}",
    "\u{ffff}",
    "/*",
    "'",
    "@odata.type",
    "\"#microsoft.graph.identity\"",
    "\"phone\"",
    "\"participants\"",
    "\"replacesCallId\"",
    "\"clientContext\"",
    "\"id\":",
    "HTTP/1.1 200 OK\n",
    "Location: x\n",
    "Content-Length: 99999999999999999999\n",
    "POST ",
    " HTTP/1.1",
    "{\"value\":[",
    "\"resourceData\":{",
    "\"status\":\"failed\"",
    "\"code\":",
    "%00",
    "%F0%9F",
    "%ZZ",
    "../",
    "?request=",
    "&lang=pt-BR",
    "&mode=doc",
    "#",
    "+",
    "{\"version\":1,\"text\":\"",
    "curl ",
    " -d @",
    " --json @-",
    "^\"",
    "$'",
    "Authorization",
    "Bearer ",
    "eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.",
    "access_token=",
    "\"refresh_token\": \"",
    " --oauth2-bearer ",
    " -u ",
];

/// One to six deletions, insertions of a piece, copies of a stretch or ASCII overwrites.
fn mutate(rng: &mut Ids, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + below(rng, 6) {
        let at = below(rng, chars.len() + 1);
        match below(rng, 4) {
            0 if at < chars.len() => {
                let end = (at + 1 + below(rng, 20)).min(chars.len());
                chars.drain(at..end);
            }
            1 if !chars.is_empty() => {
                let from = below(rng, chars.len());
                let stretch = chars[from..(from + below(rng, 40)).min(chars.len())].to_vec();
                chars.splice(at..at, stretch);
            }
            2 if at < chars.len() => chars[at] = char::from(below(rng, 0x80) as u8),
            _ => {
                chars.splice(at..at, PIECES[below(rng, PIECES.len())].chars());
            }
        }
    }
    chars.into_iter().collect()
}

/// Received payloads of each kind, to mutate beside the presets' requests.
const RECEIVED: &[&str] = &[
    "HTTP/1.1 200 OK\nLocation: https://graph.microsoft.com/beta/communications/calls/x/operations/abc\nContent-Type: application/json\n\n{\"@odata.type\":\"#microsoft.graph.inviteParticipantsOperation\",\"id\":\"abc\",\"status\":\"running\",\"clientContext\":\"c\",\"resultInfo\":null,\"participants\":[]}",
    "{\"value\":[{\"@odata.type\":\"#microsoft.graph.commsNotification\",\"changeType\":\"deleted\",\"resource\":\"/app/calls/x/operations/y\",\"resourceUrl\":\"/communications/calls/x/operations/y\",\"resourceData\":{\"@odata.type\":\"#microsoft.graph.inviteParticipantsOperation\",\"status\":\"failed\",\"resultInfo\":{\"code\":410,\"subcode\":7000,\"message\":\"m\"}}}]}",
    "HTTP/1.1 502 Bad Gateway\nContent-Type: text/html\nRetry-After: 3\n\n<html></html>",
    "HTTP/1.1 404 Not Found\n\n{\"error\":{\"code\":\"9997\",\"message\":\"Call not found.\",\"innerError\":{\"request-id\":\"r\"}}}",
];

/// Every door one mutated text goes through; `i` varies the choices per text.
fn through_every_door(text: &str, preset: &Preset, i: usize) {
    let context = preset.context();
    let options = CheckOptions {
        context: context.clone(),
        ..CheckOptions::default()
    };
    let checked = check(text, &options);
    let lines = text.split('\n').count();
    for d in &checked.diagnostics {
        assert_eq!(d.span.is_some(), d.position.is_some(), "{d:?}");
        if let (Some(span), Some(position)) = (d.span, d.position) {
            assert!(span.start <= span.end && span.end <= text.len(), "{d:?}");
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{d:?}"
            );
            assert!((1..=lines).contains(&position.line) && position.column >= 1, "{d:?}");
        }
        assert!(!d.message(Lang::PtBr).is_empty());
    }
    for lang in SnippetLang::ALL {
        snippet(&checked, "x", *lang);
    }
    for mode in [Mode::Corrected, Mode::DocFaithful] {
        let settings = Settings {
            outcome: Outcome::ALL[i % Outcome::ALL.len()],
            mode,
            seed: i as u64,
        };
        match refusal(&checked) {
            Some(refusal) => refused(&checked, &context, settings, refusal),
            None => simulate(&checked, &context, settings, Some(preset)),
        };
    }
    let request = Some(RequestFacts::of(&checked, "x"));
    explain(
        text,
        &ReceivedOptions {
            request,
            ..ReceivedOptions::default()
        },
    );

    let pointers = [
        "/participants/0/identity/user/id",
        "/clientContext",
        "/participants/3/replacesCallId",
        "/a~1b/0",
    ];
    let pointer = |n: usize| JsonPointer::parse(pointers[n % pointers.len()]).unwrap_or_else(JsonPointer::root);
    let edits = [
        Edit::AddParticipant,
        Edit::RemoveParticipant(i % 3),
        Edit::MoveParticipant {
            from: i % 3,
            to: i / 3 % 3,
        },
        Edit::SetIdentityKind {
            index: i % 2,
            kind: IdentityKind::ALL[i % IdentityKind::ALL.len()],
        },
        Edit::Set {
            pointer: pointer(i),
            value: Some(serde_json::json!("v\u{202e}😀")),
        },
        Edit::Set {
            pointer: pointer(i / 7),
            value: None,
        },
    ];
    for edit in &edits {
        if let Ok(edited) = apply(text, edit) {
            check(&edited, &options);
        }
    }
    Link::parse(text);
    let _ = Draft::from_json(text);
    decode_base64_text(text);
    // What the page stores and shares, scrubbed; a command read as its request.
    let draft = Draft {
        text: text.to_owned(),
        received: Some(text.to_owned()),
        ..Draft::default()
    };
    let stored = draft.to_json();
    assert!(
        Draft::from_json(&stored).is_ok_and(|back| !back.holds_credential()),
        "{stored}"
    );
    credential::masked(text);
    if let Some(message) = curl::request_of(text) {
        check(&message, &options);
    }
}

#[test]
fn broken_seeds_never_panic_and_are_placed_inside_the_text() {
    let count = std::env::var("MUTATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let seeds: Vec<String> = PRESETS
        .iter()
        .flat_map(|preset| [preset.request(Mode::Corrected), preset.request(Mode::DocFaithful)])
        .chain(RECEIVED.iter().map(|text| text.to_string()))
        // The playground's own "Copy as cURL" of a request with a token.
        .chain([snippet(
            &check(
                &PRESETS[2]
                    .request(Mode::Corrected)
                    .replace("Bearer {token}", "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi"),
                &CheckOptions::default(),
            ),
            "x",
            SnippetLang::Curl,
        )])
        .collect();
    let mut rng = Ids::new(7);
    for i in 0..count {
        let seed = &seeds[below(&mut rng, seeds.len())];
        let text = mutate(&mut rng, seed);
        let preset = &PRESETS[i % PRESETS.len()];
        if std::panic::catch_unwind(|| through_every_door(&text, preset, i)).is_err() {
            panic!("mutation {i} panicked; its text: {:?}", text);
        }
    }
}
