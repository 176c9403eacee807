//! RFC 6901 JSON Pointers, built segment by segment while the validator walks the body.

use std::fmt;

use serde::{Serialize, Serializer};

/// A JSON Pointer such as `/participants/0/identity`; `""` is the whole document.
///
/// Segments are escaped (`~` → `~0`, `/` → `~1`) when pushed, so a pointer is never
/// assembled with `format!`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct JsonPointer(String);

impl JsonPointer {
    /// The pointer to the document root.
    pub fn root() -> Self {
        Self(String::new())
    }

    /// Parses an already-escaped pointer (`""` or text starting with `/`).
    pub fn parse(text: &str) -> Option<Self> {
        (text.is_empty() || text.starts_with('/')).then(|| Self(text.to_owned()))
    }

    /// A new pointer one level deeper, under the object key `key`.
    pub fn key(&self, key: &str) -> Self {
        let mut out = Self(String::with_capacity(self.0.len() + key.len() + 1));
        out.0.push_str(&self.0);
        out.push_key(key);
        out
    }

    /// A new pointer one level deeper, at array index `index`.
    pub fn index(&self, index: usize) -> Self {
        let mut out = self.clone();
        out.push_index(index);
        out
    }

    /// This pointer one level deeper, under `key`: a pointer built down a long path in
    /// place, where [`JsonPointer::key`] at each step would copy it once a level.
    pub fn push_key(&mut self, key: &str) {
        self.0.push('/');
        if key.bytes().any(|byte| byte == b'~' || byte == b'/') {
            // `~` first, so the `~` of an escaped `/` is not escaped again.
            self.0.push_str(&key.replace('~', "~0").replace('/', "~1"));
        } else {
            self.0.push_str(key);
        }
    }

    /// This pointer one level deeper, at array index `index`.
    pub fn push_index(&mut self, index: usize) {
        use fmt::Write;
        // Writing to a `String` cannot fail.
        let _ = write!(self.0, "/{index}");
    }

    /// The escaped pointer text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The unescaped segments, outermost first.
    pub fn segments(&self) -> impl Iterator<Item = String> + '_ {
        self.0
            .split('/')
            .skip(1)
            .map(|segment| segment.replace("~1", "/").replace("~0", "~"))
    }
}

impl fmt::Display for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for JsonPointer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_tilde_and_slash_in_keys() {
        let pointer = JsonPointer::root().key("a/b").key("m~n").index(3);
        assert_eq!(pointer.as_str(), "/a~1b/m~0n/3");
        let value = serde_json::json!({"a/b": {"m~n": [0, 1, 2, "x"]}});
        assert_eq!(value.pointer(pointer.as_str()), Some(&serde_json::json!("x")));
        assert_eq!(pointer.segments().collect::<Vec<_>>(), vec!["a/b", "m~n", "3"]);
    }

    #[test]
    fn root_is_the_empty_string() {
        assert_eq!(JsonPointer::root().as_str(), "");
        assert_eq!(JsonPointer::root().segments().count(), 0);
        assert!(JsonPointer::parse("participants").is_none());
    }
}
