//! Structure-aware: an arbitrary JSON tree built from invite-shaped keys, written out
//! compact or pretty, is checked; a body without errors must also deserialize.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use invite_playground::validate::{check, CheckOptions};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

const KEYS: &[&str] = &[
    "participants", "clientContext", "identity", "user", "phone", "application", "applicationInstance", "guest",
    "id", "displayName", "tenantId", "identityProvider", "replacesCallId", "participantId", "endpointType",
    "@odata.type", "hidden", "removeFromDefaultAudioRoutingGroup", "device", "encrypted", "onPremises", "x",
];
const STRINGS: &[&str] = &[
    "", "+12345678901", "12345", "278405a3-f568-4b3e-b684-009193463064", "#microsoft.graph.identitySet",
    "#microsoft.graph.invitationParticipantInfo", "default", "voicemail", "phone", "AAD", "é\u{202e}<script>",
];

fn value(u: &mut Unstructured<'_>, depth: usize) -> arbitrary::Result<Value> {
    let choice = if depth > 6 { u.int_in_range(0..=3)? } else { u.int_in_range(0..=5)? };
    Ok(match choice {
        0 => Value::Null,
        1 => Value::Bool(bool::arbitrary(u)?),
        2 => Value::from(i64::arbitrary(u)?),
        3 => Value::String(if bool::arbitrary(u)? { u.choose(STRINGS)?.to_string() } else { String::arbitrary(u)? }),
        4 => {
            let len = u.int_in_range(0..=7)?;
            Value::Array((0..len).map(|_| value(u, depth + 1)).collect::<Result<_, _>>()?)
        }
        _ => {
            let len = u.int_in_range(0..=6)?;
            let mut map = Map::new();
            for _ in 0..len {
                map.insert(u.choose(KEYS)?.to_string(), value(u, depth + 1)?);
            }
            Value::Object(map)
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(root) = value(&mut u, 0) else { return };
    let text = if data.first().is_some_and(|b| b % 2 == 0) {
        serde_json::to_string(&root).unwrap()
    } else {
        serde_json::to_string_pretty(&root).unwrap()
    };
    let checked = check(&text, &CheckOptions::default());
    // Serializer output is valid JSON: never a syntax error (nesting stays under the limit).
    assert!(!checked.codes().contains(&"json-syntax"), "{text}");
    if checked.is_valid() {
        assert!(checked.invite().is_some(), "valid but not deserializable: {text}");
    }
    for diagnostic in &checked.diagnostics {
        if let (Some(pointer), Some(body)) = (&diagnostic.pointer, &checked.request.body) {
            assert!(body.pointer(pointer.as_str()).is_some(), "{} at {pointer} in {text}", diagnostic.code());
        }
    }
});
