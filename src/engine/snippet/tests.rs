use serde_json::{json, Value};

use super::*;
use crate::engine::validate::to_value;

/// `body` read as the generators read a request's: from its text's tree (leaked, as a
/// model borrows it).
fn read(body: &Value, api: ApiVersion) -> Model<'static> {
    let text: &'static str = Box::leak(body.to_string().into_boxed_str());
    let tree = Box::leak(Box::new(tree(text).unwrap()));
    Model::read(Class::Body, tree.root().as_object().unwrap(), api)
}

fn participant<'a>(model: &Model<'a>) -> Model<'a> {
    match &model.props.iter().find(|(n, _)| *n == "participants").unwrap().1 {
        Typed::List(items) => items.iter().next().unwrap(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn declared_properties_are_typed_and_the_rest_is_additional_data() {
    let body = json!({"participants": [{
        "identity": {"user": {"id": "x", "identityProvider": "AAD"}},
        "replacesCallId": null,
        "hidden": "yes",
        "endpointType": "Default",
        "participantId": "p"
    }], "clientContext": "c", "extra": 1});
    let model = read(&body, ApiVersion::Beta);
    let additional: Vec<(&str, Value)> = model.additional().map(|(k, v)| (k, to_value(&v))).collect();
    assert_eq!(additional, vec![("extra", json!(1))]);
    let p = participant(&model);
    let typed: Vec<&str> = p.props.iter().map(|(n, _)| *n).collect();
    assert_eq!(typed, ["identity", "participantId"]);
    let additional: Vec<&str> = p.additional().map(|(k, _)| k).collect();
    // `null`, a wrong type and an enum member in another spelling travel as they are.
    assert_eq!(additional, ["replacesCallId", "hidden", "endpointType"]);
}

#[test]
fn the_identity_set_class_follows_the_request_and_the_version() {
    let body = json!({"participants": [{"identity": {"phone": {"id": "+1"}}, "endpointType": "default"}]});
    let beta = read(&body, ApiVersion::Beta);
    let p = participant(&beta);
    let Some(Typed::Object(set)) = p.props.iter().find(|(n, _)| *n == "identity").map(|(_, t)| t) else {
        panic!()
    };
    // Untyped: a plain identitySet, whose SDK class does not declare `phone`.
    assert_eq!(set.class, Class::IdentitySet);
    assert_eq!(set.additional().next().unwrap().0, "phone");
    assert!(p
        .props
        .iter()
        .any(|(n, t)| *n == "endpointType" && matches!(t, Typed::Enum("EndpointType", "Default"))));
    // v1.0's invitationParticipantInfo has no `endpointType`.
    let v1 = read(&body, ApiVersion::V1);
    assert_eq!(participant(&v1).additional().next().unwrap().0, "endpointType");
    let typed = json!({"participants": [{"identity": {"@odata.type": "#microsoft.graph.communicationsIdentitySet", "phone": {"id": "+1"}}}]});
    let model = read(&typed, ApiVersion::Beta);
    let p = participant(&model);
    let Some(Typed::Object(set)) = p.props.first().map(|(_, t)| t) else {
        panic!()
    };
    assert_eq!(set.class, Class::CommunicationsIdentitySet);
    assert!(!set.has_additional());
}

#[test]
fn names_and_literals() {
    assert_eq!(
        snake("removeFromDefaultAudioRoutingGroup"),
        "remove_from_default_audio_routing_group"
    );
    assert_eq!(pascal("odataType"), "OdataType");
    assert_eq!(camel("InvitationParticipantInfo"), "invitationParticipantInfo");
    assert_eq!(c_string("a\"b\\c\nd\u{2028}"), r#""a\"b\\c\nd\u2028""#);
    let mut locals = Locals::default();
    assert_eq!(
        [locals.fresh("id"), locals.fresh("id"), locals.fresh("id")],
        ["id", "id1", "id2"]
    );
    // A base that is another base's numbered name never takes a name twice.
    assert_eq!(
        [
            locals.fresh("id3"),
            locals.fresh("id"),
            locals.fresh("id3"),
            locals.fresh("id")
        ],
        ["id3", "id4", "id31", "id5"]
    );
    assert_eq!(one_line("a\nb\tc\u{2028}d\u{202e}e"), "a b c d e");
    // What each kind of literal makes of the characters written as escapes.
    assert_eq!(c_string("a\u{202e}b\u{7}\u{2029}"), r#""a\u202eb\u0007\u2029""#);
    assert_eq!(php::quote("a'b"), r"'a\'b'");
    assert_eq!(php::quote("$a\u{2066}\n\"\\"), r#""\$a\u{2066}\n\"\\""#);
    assert_eq!(powershell::quote("a'b"), "'a''b'");
    assert_eq!(powershell::quote("a'\u{202e}b"), "('a''' + [char]0x202E + 'b')");
}

/// `Locals` keeps only its bases: it gives the names a set of every name given would
/// (the first untaken of `base`, `base1`, `base2`…, counting on from the base's last),
/// for bases that are each other's numbered names (`x`, `x1`, `x11`, `x10`, `x0`, `1`).
#[test]
fn locals_never_give_a_name_twice() {
    let bases = ["x", "x1", "x11", "x10", "x0", "x01", "1", "11", "y2x"];
    let mut locals = Locals::default();
    let mut given = std::collections::HashSet::new();
    let mut next = std::collections::HashMap::new();
    // A fixed walk through the bases, so every base meets every other's numbers.
    let mut state = 7_u32;
    for _ in 0..3_000 {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let base = bases[(state >> 16) as usize % bases.len()];
        let n: &mut usize = next.entry(base).or_default();
        let expected = loop {
            let name = if *n == 0 { base.to_owned() } else { format!("{base}{n}") };
            *n += 1;
            if !given.contains(&name) {
                break name;
            }
        };
        assert_eq!(locals.fresh(base), expected);
        given.insert(expected);
    }
}
