//! Composer edits applied to the request text, so the form and the editor share one
//! source of truth: the text. An edit parses the body, changes it, and writes it back
//! pretty-printed under the same HTTP head.

use serde_json::{json, Map, Value};

use crate::input;
use crate::model::IdentityKind;
use crate::pointer::JsonPointer;

/// One change the composer makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Sets (or with `None` removes) the value at a pointer, creating parent objects.
    Set {
        pointer: JsonPointer,
        value: Option<Value>,
    },
    /// Appends a participant with an empty `user` identity.
    AddParticipant,
    RemoveParticipant(usize),
    MoveParticipant {
        from: usize,
        to: usize,
    },
    /// Replaces participant `index`'s identity with one identity of `kind`, keeping its
    /// `id` and `displayName` when the old identity had them.
    SetIdentityKind {
        index: usize,
        kind: IdentityKind,
    },
}

/// Why an edit could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The body is not JSON yet; the editor must fix it first.
    BodyUnreadable,
    /// The body's shape does not hold the place the edit names.
    NoSuchPlace,
}

/// Applies `edit` to `text` (a JSON body or an HTTP message); returns the new text.
pub fn apply(text: &str, edit: &Edit) -> Result<String, EditError> {
    let split = input::split(text);
    let mut body: Value = if split.body.trim().is_empty() {
        json!({ "participants": [] })
    } else {
        serde_json::from_str(split.body).map_err(|_| EditError::BodyUnreadable)?
    };
    change(&mut body, edit)?;
    let head = &text[..split.body_offset];
    let mut out = String::with_capacity(text.len() + 64);
    out.push_str(head);
    if !head.is_empty() && !head.ends_with('\n') {
        out.push_str("\n\n");
    }
    out.push_str(&crate::export::pretty_json(&body));
    out.push('\n');
    Ok(out)
}

fn change(body: &mut Value, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::Set { pointer, value } => set(body, pointer, value.clone()),
        Edit::AddParticipant => {
            let participants = participants(body)?;
            participants.push(json!({
                "@odata.type": "#microsoft.graph.invitationParticipantInfo",
                "identity": {
                    "@odata.type": "#microsoft.graph.identitySet",
                    "user": { "@odata.type": "#microsoft.graph.identity", "id": "" }
                }
            }));
            Ok(())
        }
        Edit::RemoveParticipant(index) => {
            let participants = participants(body)?;
            (*index < participants.len())
                .then(|| participants.remove(*index))
                .map(drop)
                .ok_or(EditError::NoSuchPlace)
        }
        Edit::MoveParticipant { from, to } => {
            let participants = participants(body)?;
            if *from >= participants.len() || *to >= participants.len() {
                return Err(EditError::NoSuchPlace);
            }
            let moved = participants.remove(*from);
            participants.insert(*to, moved);
            Ok(())
        }
        Edit::SetIdentityKind { index, kind } => {
            let participant = participants(body)?
                .get_mut(*index)
                .and_then(Value::as_object_mut)
                .ok_or(EditError::NoSuchPlace)?;
            let old = participant
                .get("identity")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            let previous = IdentityKind::ALL
                .iter()
                .find_map(|k| old.get(k.key()).and_then(Value::as_object))
                .cloned()
                .unwrap_or_default();
            let mut identity = Map::new();
            identity.insert("@odata.type".into(), json!("#microsoft.graph.identity"));
            // A phone number is not an object id and the other way round: keep the id
            // only between kinds that hold the same sort of id.
            let was_phone = old.get("phone").is_some_and(Value::is_object);
            if was_phone == (*kind == IdentityKind::Phone) {
                if let Some(id) = previous.get("id") {
                    identity.insert("id".into(), id.clone());
                }
            }
            if !identity.contains_key("id") {
                identity.insert("id".into(), json!(""));
            }
            if let Some(name) = previous.get("displayName") {
                identity.insert("displayName".into(), name.clone());
            }
            let odata = old
                .get("@odata.type")
                .cloned()
                .unwrap_or(json!("#microsoft.graph.identitySet"));
            let mut set = Map::new();
            set.insert("@odata.type".into(), odata);
            set.insert(kind.key().into(), Value::Object(identity));
            participant.insert("identity".into(), Value::Object(set));
            Ok(())
        }
    }
}

fn participants(body: &mut Value) -> Result<&mut Vec<Value>, EditError> {
    let object = body.as_object_mut().ok_or(EditError::NoSuchPlace)?;
    let participants = object.entry("participants").or_insert_with(|| json!([]));
    if !participants.is_array() {
        *participants = json!([]);
    }
    participants.as_array_mut().ok_or(EditError::NoSuchPlace)
}

fn set(body: &mut Value, pointer: &JsonPointer, value: Option<Value>) -> Result<(), EditError> {
    let segments: Vec<String> = pointer.segments().collect();
    let Some((last, parents)) = segments.split_last() else {
        *body = value.unwrap_or(Value::Null);
        return Ok(());
    };
    let mut current = body;
    for segment in parents {
        current = match current {
            Value::Object(map) => map.entry(segment.clone()).or_insert_with(|| json!({})),
            Value::Array(items) => segment
                .parse::<usize>()
                .ok()
                .and_then(|i| items.get_mut(i))
                .ok_or(EditError::NoSuchPlace)?,
            _ => return Err(EditError::NoSuchPlace),
        };
        if current.is_null() {
            *current = json!({});
        }
    }
    match (current, value) {
        (Value::Object(map), Some(value)) => {
            map.insert(last.clone(), value);
        }
        (Value::Object(map), None) => {
            map.shift_remove(last);
        }
        (Value::Array(items), Some(value)) => {
            let slot = last
                .parse::<usize>()
                .ok()
                .and_then(|i| items.get_mut(i))
                .ok_or(EditError::NoSuchPlace)?;
            *slot = value;
        }
        _ => return Err(EditError::NoSuchPlace),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Value {
        serde_json::from_str(input::split(text).body).unwrap()
    }

    #[test]
    fn an_edit_keeps_the_http_head() {
        let text =
            "POST /communications/calls/1/participants/invite\nContent-Type: application/json\n\n{\"participants\":[]}";
        let pointer = JsonPointer::root().key("clientContext");
        let out = apply(
            text,
            &Edit::Set {
                pointer,
                value: Some(json!("abc")),
            },
        )
        .unwrap();
        assert!(
            out.starts_with("POST /communications/calls/1/participants/invite\nContent-Type: application/json\n\n{")
        );
        assert_eq!(body(&out)["clientContext"], "abc");
    }

    #[test]
    fn participants_are_added_moved_removed_and_retyped() {
        let mut text = "{}".to_owned();
        text = apply(&text, &Edit::AddParticipant).unwrap();
        text = apply(&text, &Edit::AddParticipant).unwrap();
        let id = JsonPointer::root()
            .key("participants")
            .index(1)
            .key("identity")
            .key("user")
            .key("id");
        text = apply(
            &text,
            &Edit::Set {
                pointer: id,
                value: Some(json!("second")),
            },
        )
        .unwrap();
        text = apply(&text, &Edit::MoveParticipant { from: 1, to: 0 }).unwrap();
        assert_eq!(body(&text)["participants"][0]["identity"]["user"]["id"], "second");
        text = apply(
            &text,
            &Edit::SetIdentityKind {
                index: 0,
                kind: IdentityKind::Application,
            },
        )
        .unwrap();
        assert_eq!(
            body(&text)["participants"][0]["identity"]["application"]["id"],
            "second"
        );
        text = apply(
            &text,
            &Edit::SetIdentityKind {
                index: 0,
                kind: IdentityKind::Phone,
            },
        )
        .unwrap();
        assert_eq!(body(&text)["participants"][0]["identity"]["phone"]["id"], "");
        text = apply(&text, &Edit::RemoveParticipant(1)).unwrap();
        assert_eq!(body(&text)["participants"].as_array().unwrap().len(), 1);
        assert_eq!(apply(&text, &Edit::RemoveParticipant(5)), Err(EditError::NoSuchPlace));
    }

    #[test]
    fn an_unreadable_body_is_left_alone() {
        assert_eq!(
            apply("{\"participants\": [", &Edit::AddParticipant),
            Err(EditError::BodyUnreadable)
        );
    }
}
