//! HTTP messages: the one type for a request or response on the wire ([`Message`]), the
//! one renderer (HTTP text, cURL, pretty JSON) and the reason phrases. Used by the
//! presets, the simulator's events, the CLI and the app's export menu.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use serde_json::Value;

use crate::engine::credential;
use crate::engine::model::ApiVersion;
use crate::engine::source::floor_char_boundary;
use crate::engine::validate::{json_value, tree, Checked, InputForm, Json};

/// One HTTP message: a request (method and URL) or a response (status). Its serde
/// form carries every field (the page's timelines from the worker, `app::worker`); the
/// report writes events its own way (`simulate::timeline`).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Message {
    pub method: Option<String>,
    pub url: Option<String>,
    pub status: Option<u16>,
    pub headers: Vec<(String, String)>,
    /// The JSON body (`Null` when there is none or it did not parse, or when only its
    /// text is kept: [`Message::body_json`] streams that, [`Message::body_value`] makes
    /// a value of it). It crosses to the page as JSON text: the worker's wire format
    /// (postcard) is not self-describing, and a `Value` can be anything.
    #[serde(with = "json_text")]
    pub body: Value,
    /// The body exactly as written, when it must be shown byte for byte.
    pub body_text: Option<String>,
}

/// A `Value` (de)serialized as its JSON text, for [`Message::body`].
mod json_text {
    use serde::{de::Error as _, Deserialize, Deserializer, Serializer};
    use serde_json::Value;

    pub fn serialize<S: Serializer>(value: &Value, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&value.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        let text = <&str>::deserialize(deserializer)?;
        serde_json::from_str(text).map_err(D::Error::custom)
    }
}

impl Message {
    /// A request the playground writes itself.
    pub fn request(method: &str, url: String, headers: Vec<(String, String)>, body: Value) -> Self {
        Message {
            method: Some(method.to_owned()),
            url: Some(url),
            headers,
            body,
            ..Message::default()
        }
    }

    /// A response with a JSON body.
    pub fn response(status: u16, headers: Vec<(String, String)>, body: Value) -> Self {
        Message {
            status: Some(status),
            headers,
            body,
            ..Message::default()
        }
    }

    /// The checked request as it would be sent: the URL and headers as written (with
    /// credentials redacted when `redact`), or for a bare body the invite URL of
    /// `call_id` with the two headers the docs require. The body keeps its text, and
    /// only its text: a request's JSON is made when a report asks (the copy of a 64 MiB
    /// body of small numbers was 2 GB, for a transcript that prints the text).
    pub fn from_checked(checked: &Checked, call_id: &str, redact: bool) -> Self {
        let request = &checked.request;
        let (method, url) = match &request.target {
            Some(target) => (target.method.clone(), target.url.clone()),
            None => ("POST".to_owned(), invite_url(request.version, call_id)),
        };
        let headers = match checked.form {
            InputForm::HttpMessage => request
                .headers
                .iter()
                .map(|(name, value)| {
                    let value = if redact {
                        credential::redact(name, value).into_owned()
                    } else {
                        value.clone()
                    };
                    (name.clone(), value)
                })
                .collect(),
            InputForm::JsonBody => default_headers(),
        };
        Message {
            method: Some(method),
            url: Some(url),
            status: None,
            headers,
            body: Value::Null,
            body_text: Some(request.raw_body.clone()),
        }
    }

    /// The body as JSON: the value, or one read from the text kept instead, as a
    /// request reads its own (`validate::Request::body`); `Null` when it is no JSON.
    pub fn body_value(&self) -> Cow<'_, Value> {
        match (&self.body, &self.body_text) {
            (Value::Null, Some(text)) => Cow::Owned(json_value(text).unwrap_or(Value::Null)),
            (value, _) => Cow::Borrowed(value),
        }
    }

    /// The body as JSON to write: the value, or the kept text streamed from its tree
    /// without a value made of it (`null` when it is no JSON), as
    /// [`Message::body_value`] reads it.
    pub fn body_json(&self) -> BodyJson<'_> {
        BodyJson(self)
    }

    /// The body as people read it: verbatim when known, else pretty-printed.
    pub fn display_body(&self) -> String {
        match (&self.body_text, &self.body) {
            (Some(text), _) => text.clone(),
            (None, Value::Null) => String::new(),
            (None, value) => pretty_json(value),
        }
    }

    /// `POST https://…` for a request, `HTTP/1.1 200 OK` for a response.
    pub fn start_line(&self) -> String {
        match (&self.method, &self.url, self.status) {
            (_, _, Some(status)) => format!("HTTP/1.1 {status} {}", reason_phrase(status))
                .trim_end()
                .to_owned(),
            (Some(method), Some(url), _) => format!("{method} {url}"),
            _ => String::new(),
        }
    }

    /// The whole message as HTTP text: start line, headers, blank line, body.
    pub fn as_http(&self) -> String {
        render(&self.start_line(), &self.headers, &self.display_body())
    }

    /// The first header called `name` (case-insensitive, as HTTP says).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// `https://graph.microsoft.com/{version}/communications/calls/{call_id}/participants/invite`
pub fn invite_url(version: ApiVersion, call_id: &str) -> String {
    format!("https://graph.microsoft.com/{version}/communications/calls/{call_id}/participants/invite")
}

/// `Authorization` (a placeholder token) and `Content-Type`, as the docs require.
pub fn default_headers() -> Vec<(String, String)> {
    vec![
        ("Authorization".to_owned(), credential::PLACEHOLDER.to_owned()),
        ("Content-Type".to_owned(), "application/json".to_owned()),
    ]
}

/// Two-space indented JSON, as the docs print it.
pub fn pretty_json(value: &impl serde::Serialize) -> String {
    // Only a map with non-string keys fails, and JSON values have none.
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// How many levels deep written JSON and code are indented at most: a structure nested
/// deeper goes on at that depth. A line was indented as deep as it nests, so 4 MB of
/// numbers 120 arrays deep made 490 MB of pretty JSON (and 982 MB of Python, measured);
/// capped, what is written grows with the values, not with values times depth, and
/// stays as valid (indentation inside JSON, or inside an expression in any of the
/// snippets' languages, Python's brackets too, means nothing).
pub const MAX_INDENT: usize = 16;

/// `serde_json`'s pretty layout (two spaces a level, a value a line), indented at most
/// [`MAX_INDENT`] levels deep. Equal to `to_string_pretty` for anything shallower.
#[derive(Default)]
pub struct CappedPretty {
    level: usize,
    has_value: bool,
}

impl CappedPretty {
    fn open<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            writer.write_all(b"\n")?;
            self.indent(writer)?;
        }
        writer.write_all(bracket)
    }

    fn item<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(writer)
    }

    fn indent<W: ?Sized + std::io::Write>(&self, writer: &mut W) -> std::io::Result<()> {
        for _ in 0..self.level.min(MAX_INDENT) {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for CappedPretty {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        self.item(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// `value` as [`CappedPretty`] JSON into `writer`, as it is serialized.
pub fn to_writer_capped<W: std::io::Write>(writer: W, value: &impl serde::Serialize) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(
        writer,
        CappedPretty::default(),
    ))
}

/// [`pretty_json`] written into `out` as `serde_json` makes it, indented at most
/// [`MAX_INDENT`] levels: the CLI prints a 64 MiB body's JSON, cURL or HTTP without
/// holding it (cURL's was made, then quoted into a second string and copied into a
/// third: 12.6 times a body of 33 M numbers).
pub fn write_pretty_json(out: &mut dyn fmt::Write, value: &impl serde::Serialize) -> fmt::Result {
    // `serde_json` writes a token at a time: gathered into 8 KiB pieces, the text is
    // checked and passed on a piece at a time.
    let pieces = Utf8Out {
        out,
        pending: Vec::new(),
    };
    let mut text = std::io::BufWriter::with_capacity(8 * 1024, pieces);
    to_writer_capped(&mut text, value).map_err(|_| fmt::Error)?;
    let text = text.into_inner().map_err(|_| fmt::Error)?;
    // A piece may end inside a character; nothing is left once the last one is passed.
    if text.pending.is_empty() {
        Ok(())
    } else {
        Err(fmt::Error)
    }
}

/// `serde_json`'s bytes passed on as text. A character split between two writes is
/// held until its end comes.
struct Utf8Out<'a> {
    out: &'a mut dyn fmt::Write,
    pending: Vec<u8>,
}

impl Utf8Out<'_> {
    fn pass(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        let refused = |_| std::io::Error::other("the output refused the text");
        let (text, rest) = match std::str::from_utf8(bytes) {
            Ok(text) => (text, &[][..]),
            // Only the end of a character that has not come yet waits; anything else
            // is not UTF-8, which `serde_json` never writes.
            Err(error) if error.error_len().is_none() => {
                let (text, rest) = bytes.split_at(error.valid_up_to());
                (std::str::from_utf8(text).unwrap_or_default(), rest)
            }
            Err(_) => return Err(std::io::ErrorKind::InvalidData.into()),
        };
        self.out.write_str(text).map_err(refused)?;
        self.pending = rest.to_vec();
        Ok(())
    }
}

impl std::io::Write for Utf8Out<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.pending.is_empty() {
            self.pass(bytes)?;
        } else {
            let mut joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(bytes);
            self.pass(&joined)?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Text inside a single-quoted POSIX-shell argument: each `'` closes the quote, is
/// escaped and opens it again.
struct ShellQuoted<'a>(&'a mut dyn fmt::Write);

impl fmt::Write for ShellQuoted<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        for (n, part) in text.split('\'').enumerate() {
            if n > 0 {
                self.0.write_str(r"'\''")?;
            }
            self.0.write_str(part)?;
        }
        Ok(())
    }
}

/// [`Message::body_json`].
pub struct BodyJson<'a>(&'a Message);

impl serde::Serialize for BodyJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (&self.0.body, &self.0.body_text) {
            (Value::Null, Some(text)) => match tree(text) {
                Some(tree) => Json(tree.root()).serialize(serializer),
                None => serializer.serialize_unit(),
            },
            (value, _) => value.serialize(serializer),
        }
    }
}

/// A value to print only the first `limit` bytes of: any string (or key) longer than
/// that is cut a little past `limit` bytes, on a character. Escaping never shortens a
/// string, so the first `limit` bytes printed are the whole value's first `limit` bytes;
/// serde_json would otherwise scan each megabyte-long string whole to print a few
/// kilobytes of it (a 4 MiB run's event cards spent ~10 ms of one task on it).
pub struct CappedStrings<'a> {
    pub value: &'a Value,
    pub limit: usize,
}

impl CappedStrings<'_> {
    fn cut<'t>(&self, text: &'t str) -> &'t str {
        Self::text(text, self.limit)
    }

    /// The value with its strings (and keys) cut as printing cuts them, and arrays and
    /// objects kept to their first `limit + 1` entries (each prints at least a byte):
    /// printed, its first `limit` bytes are the whole value's. What a large run's
    /// messages are on the page, where only their starts are shown.
    pub fn value(&self) -> Value {
        let keep = self.limit.saturating_add(1);
        let limit = self.limit;
        match self.value {
            Value::String(text) => Value::String(self.cut(text).to_owned()),
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .take(keep)
                    .map(|value| CappedStrings { value, limit }.value())
                    .collect(),
            ),
            Value::Object(map) => Value::Object(
                map.iter()
                    .take(keep)
                    .map(|(key, value)| (self.cut(key).to_owned(), CappedStrings { value, limit }.value()))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    /// `text` cut as [`CappedStrings::value`] cuts a string: at or past `limit` bytes
    /// (a character is at most four).
    pub fn text(text: &str, limit: usize) -> &str {
        &text[..floor_char_boundary(text, limit.saturating_add(3))]
    }
}

impl serde::Serialize for CappedStrings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let limit = self.limit;
        match self.value {
            Value::String(text) => serializer.serialize_str(self.cut(text)),
            Value::Array(items) => serializer.collect_seq(items.iter().map(|value| CappedStrings { value, limit })),
            Value::Object(map) => serializer.collect_map(
                map.iter()
                    .map(|(key, value)| (self.cut(key), CappedStrings { value, limit })),
            ),
            other => other.serialize(serializer),
        }
    }
}

/// The one HTTP text layout: start line, `Name: value` lines, a blank line, the body.
pub fn render(start_line: &str, headers: &[(String, String)], body: &str) -> String {
    let mut out = String::with_capacity(start_line.len() + body.len() + 64 * (headers.len() + 1));
    let _ = write_layout(&mut out, start_line, headers, |out| out.write_str(body));
    out
}

/// [`render`]'s layout written into `out`, the body by `body`.
fn write_layout(
    out: &mut dyn fmt::Write,
    start_line: &str,
    headers: &[(String, String)],
    body: impl FnOnce(&mut dyn fmt::Write) -> fmt::Result,
) -> fmt::Result {
    out.write_str(start_line)?;
    for (name, value) in headers {
        write!(out, "\n{name}: {value}")?;
    }
    out.write_str("\n\n")?;
    body(out)
}

/// A request to export: `METHOD URL`, the headers, a blank line, the pretty body and a
/// final newline.
pub fn http_message(request: &Message) -> String {
    written(|out| http_message_with(out, request, whole_body(request)))
}

/// [`http_message`] written into `out` as it is made.
pub fn write_http_message(out: &mut dyn fmt::Write, request: &Message) -> fmt::Result {
    http_message_with(out, request, streamed_body(request))
}

fn http_message_with(
    out: &mut dyn fmt::Write,
    request: &Message,
    body: impl FnOnce(&mut dyn fmt::Write) -> fmt::Result,
) -> fmt::Result {
    write_layout(out, &request.start_line(), &request.headers, body)?;
    out.write_char('\n')
}

/// A POSIX-shell cURL command; every argument single-quoted so nothing is expanded.
pub fn curl(request: &Message) -> String {
    written(|out| curl_with(out, request, whole_body(request)))
}

/// [`curl`] written into `out` as it is made.
pub fn write_curl(out: &mut dyn fmt::Write, request: &Message) -> fmt::Result {
    curl_with(out, request, streamed_body(request))
}

/// What `write` writes, as a string (writing into a `String` never fails).
fn written(write: impl FnOnce(&mut String) -> fmt::Result) -> String {
    let mut out = String::new();
    let _ = write(&mut out);
    out
}

/// A request's body made whole first, as the page's exports make it: its small requests
/// need no streaming, and streaming `serde_json` through text would cost its wasm
/// 1.4 KB brotli.
fn whole_body(request: &Message) -> impl FnOnce(&mut dyn fmt::Write) -> fmt::Result + '_ {
    move |out| out.write_str(&pretty_json(&request.body_json()))
}

/// A request's body written as `serde_json` makes it ([`write_pretty_json`]).
fn streamed_body(request: &Message) -> impl FnOnce(&mut dyn fmt::Write) -> fmt::Result + '_ {
    move |out| write_pretty_json(out, &request.body_json())
}

fn curl_with(
    out: &mut dyn fmt::Write,
    request: &Message,
    body: impl FnOnce(&mut dyn fmt::Write) -> fmt::Result,
) -> fmt::Result {
    let method = request.method.as_deref().unwrap_or("POST");
    let url = request.url.as_deref().unwrap_or_default();
    write!(out, "curl -X {method} {}", shell_quote(url))?;
    for (name, value) in &request.headers {
        write!(out, " \\\n  -H {}", shell_quote(&format!("{name}: {value}")))?;
    }
    out.write_str(" \\\n  --data-raw '")?;
    body(&mut ShellQuoted(out))?;
    out.write_str("'\n")
}

fn shell_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    let _ = ShellQuoted(&mut out).write_str(text);
    out.push('\'');
    out
}

/// The reason phrase of the statuses the simulator sends.
pub fn reason_phrase(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn curl_quotes_every_argument() {
        let body = json!({"clientContext": "it's"});
        let command = curl(&Message::request(
            "POST",
            "https://graph.microsoft.com/beta/x".into(),
            vec![("Content-Type".into(), "application/json".into())],
            body,
        ));
        assert!(command.starts_with("curl -X POST 'https://graph.microsoft.com/beta/x'"));
        assert!(command.contains("-H 'Content-Type: application/json'"));
        assert!(command.contains(r#""it'\''s""#));
    }

    /// The streamed forms write what the strings hold, with characters of every width,
    /// quotes and escapes; a character split between two writes waits for its end.
    #[test]
    fn pretty_json_is_indented_at_most_max_indent_levels_and_reads_back_the_same() {
        let nest = |depth: usize| -> Value {
            let numbers = format!("[{}]", vec!["1"; 100].join(","));
            let text = format!("{{\"a\":{}{numbers}{}}}", "[".repeat(depth), "]".repeat(depth));
            serde_json::from_str(&text).unwrap()
        };
        let written = |value: &Value| written(|out| write_pretty_json(out, value));
        for depth in [0, 5, MAX_INDENT - 2] {
            // Shallower than the cap: exactly serde_json's pretty layout.
            let value = nest(depth);
            assert_eq!(
                written(&value),
                serde_json::to_string_pretty(&value).unwrap(),
                "{depth}"
            );
        }
        for depth in [MAX_INDENT, 60, 120] {
            let value = nest(depth);
            let text = written(&value);
            let widest = text.lines().map(|line| line.len() - line.trim_start().len()).max();
            assert_eq!(widest, Some(2 * MAX_INDENT), "{depth}");
            assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value, "{depth}");
        }
        // 100 values 120 deep: a line each and two a level, none wider than the cap.
        let text = written(&nest(120));
        assert!(text.len() < (100 + 2 * 121) * (2 * MAX_INDENT + 6), "{}", text.len());
    }

    #[test]
    fn streamed_json_curl_and_http_are_the_strings() {
        let body = json!({"a'b": "é ' 😀 \u{7} \"", "n": [1.5, -2, null], "x": {"\u{2028}": true}});
        let request = Message::request(
            "POST",
            "https://graph.microsoft.com/beta/x".into(),
            default_headers(),
            body.clone(),
        );
        let mut streamed = String::new();
        write_pretty_json(&mut streamed, &body).unwrap();
        assert_eq!(streamed, serde_json::to_string_pretty(&body).unwrap());
        let mut streamed = String::new();
        write_curl(&mut streamed, &request).unwrap();
        let quoted = serde_json::to_string_pretty(&body).unwrap().replace('\'', r"'\''");
        assert!(
            streamed.ends_with(&format!(" \\\n  --data-raw '{quoted}'\n")),
            "{streamed}"
        );
        let mut streamed = String::new();
        write_http_message(&mut streamed, &request).unwrap();
        assert_eq!(
            streamed,
            format!(
                "POST https://graph.microsoft.com/beta/x\nAuthorization: {}\nContent-Type: application/json\n\n{}\n",
                credential::PLACEHOLDER,
                serde_json::to_string_pretty(&body).unwrap()
            )
        );
        // "😀" is four bytes: every split of "é😀" into two writes gives it whole.
        let bytes = "é😀".as_bytes();
        for split in 0..=bytes.len() {
            let mut text = String::new();
            let mut out = Utf8Out {
                out: &mut text,
                pending: Vec::new(),
            };
            std::io::Write::write_all(&mut out, &bytes[..split]).unwrap();
            std::io::Write::write_all(&mut out, &bytes[split..]).unwrap();
            assert!(out.pending.is_empty());
            assert_eq!(text, "é😀", "split at {split}");
        }
    }

    #[test]
    fn one_layout_for_requests_and_responses() {
        let response = Message::response(429, vec![("Retry-After".into(), "3".into())], json!({"a": 1}));
        assert_eq!(
            response.as_http(),
            "HTTP/1.1 429 Too Many Requests\nRetry-After: 3\n\n{\n  \"a\": 1\n}"
        );
        let request = Message::request("POST", "/x".into(), Vec::new(), json!({}));
        assert_eq!(http_message(&request), "POST /x\n\n{}\n");
    }

    #[test]
    fn capped_strings_print_the_same_first_bytes() {
        let long = "é\"x\u{1}".repeat(300);
        let many: Vec<u32> = (0..3000).collect();
        let values = [
            serde_json::json!({ "a": long, "b": [1, long, { "c": long }] }),
            serde_json::json!({ "many": many }),
            serde_json::json!([long, long]),
            serde_json::json!({ long.clone(): 1, "n": null, "t": true, "f": 1.5 }),
            serde_json::json!("short"),
            serde_json::json!({}),
        ];
        for value in &values {
            let full = serde_json::to_string_pretty(value).unwrap();
            for limit in [0, 1, 2, 3, 5, 16, 99, 100, 101, 1000, 1001, 1002, 5000, 100_000] {
                let capped = serde_json::to_string_pretty(&CappedStrings { value, limit }).unwrap();
                let n = limit.min(full.len());
                assert_eq!(capped.as_bytes()[..n], full.as_bytes()[..n], "{limit}");
                let cut_value = CappedStrings { value, limit }.value();
                let printed = serde_json::to_string_pretty(&cut_value).unwrap();
                assert_eq!(printed.as_bytes()[..n], full.as_bytes()[..n], "value, {limit}");
                if full.len() <= limit {
                    assert_eq!(capped, full);
                }
            }
        }
    }
}
