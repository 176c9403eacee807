//! `check`: text in, every diagnostic out, plus the request as far as it could be read.
//!
//! The passes run in a fixed order and never stop at the first problem: the HTTP head
//! ([`request_line`]), strict JSON ([`syntax`]), the invite body ([`body`], which calls
//! [`identity`] per participant) and the simulated call ([`context`]).

mod body;
mod context;
mod identity;
mod json_tree;
mod node;
mod received;
mod request_line;
mod syntax;

use jsonc_parser::common::Range;
use serde::Deserialize;
use serde_json::Value;

use crate::engine::call_context::CallContext;
use crate::engine::diagnostic::lang::{text, Text};
use crate::engine::diagnostic::{Diagnostic, Rule, Severity};
use crate::engine::input::{self, HttpHead, Located};
use crate::engine::model::ApiVersion;
use crate::engine::model::InviteBody;
use crate::engine::pointer::JsonPointer;
use crate::engine::source::{first_bidi_control, LineIndex, Span};

pub use body::{MAX_CLIENT_CONTEXT, MAX_PARTICIPANTS};
/// The positioned JSON tree [`tree`] returns, and its views.
pub mod json_ast {
    pub use super::json_tree::{Array, Elements, Object, ObjectProp, StringLit, Tree, Value};
}
pub use json_tree::MAX_TEXT;
pub(crate) use received::operation_id;
pub use received::{check_received, read_received, Received, ReceivedKind, ReceivedOptions, RequestFacts};
pub use request_line::RequestTarget;
pub use syntax::{json_value, to_value, tree, Json, MAX_DEPTH};

/// What `check` needs besides the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckOptions {
    /// The user's choice; a version in the request URL wins over it.
    pub version: ApiVersion,
    pub context: CallContext,
}

/// Which form the input had.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputForm {
    #[default]
    JsonBody,
    HttpMessage,
}

/// The request as far as it could be read.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// From the URL when it names one, else the user's choice.
    pub version: ApiVersion,
    /// The HTTP head's target, when the input was an HTTP message with a readable URL.
    pub target: Option<RequestTarget>,
    /// Header name and value pairs as written.
    pub headers: Vec<(String, String)>,
    /// The body text exactly as written.
    pub raw_body: String,
    /// The body as JSON, when it parsed: see [`Request::body`].
    body: JsonBody,
}

/// A body that parsed, as a `serde_json::Value` made the first time it is asked for.
/// A check reads the text into its positioned tree and needs no second copy of it: the
/// copy was a sixth of the time of checking a docs example (perf), and a keystroke's
/// check, the Web Worker's check of a large paste and the benchmark never read it.
#[derive(Clone, Debug, Default)]
struct JsonBody {
    /// The text parsed as strict JSON with every syntax rule met.
    parsed: bool,
    value: std::cell::OnceCell<Option<Value>>,
}

impl Request {
    /// The body as JSON, when it parsed (made from [`Request::raw_body`] on first use).
    pub fn body(&self) -> Option<&Value> {
        if !self.body.parsed {
            return None;
        }
        self.body.value.get_or_init(|| json_value(&self.raw_body)).as_ref()
    }

    /// Whether the body parsed as strict JSON: [`Request::body`] is `Some`, known
    /// without making it.
    pub fn has_json_body(&self) -> bool {
        self.body.parsed
    }

    /// This request with `body` as its JSON (the text stays as it is).
    pub fn with_body(self, body: Option<Value>) -> Self {
        let body = JsonBody {
            parsed: body.is_some(),
            value: body.into(),
        };
        Self { body, ..self }
    }
}

impl PartialEq for Request {
    fn eq(&self, other: &Self) -> bool {
        (&self.version, &self.target, &self.headers, &self.raw_body)
            == (&other.version, &other.target, &other.headers, &other.raw_body)
            && self.body() == other.body()
    }
}

/// The result of [`check`]: never a first error, always all of them, counted; the
/// body's listed at most [`MAX_LISTED`] per severity.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checked {
    pub form: InputForm,
    pub request: Request,
    /// In text order; diagnostics without a position (the simulated call) come last.
    pub diagnostics: Vec<Diagnostic>,
    /// Body diagnostics found past [`MAX_LISTED`] of their severity: counted, not kept.
    pub omitted: Omitted,
}

/// How many body diagnostics of each severity a check lists (malformed header lines
/// count with them). Past it they are only counted: a pasted 4 MiB body with a million
/// repeated keys needs its count and its first problems, not a million messages (nor the
/// memory they take).
pub const MAX_LISTED: usize = 10_000;

/// How many bytes of pointers the listed body diagnostics of one severity may hold beyond
/// the text's own length; past it the rest of that severity are counted, as past
/// [`MAX_LISTED`]. Pointers repeat their parents' keys: 20,000 repeated keys inside one
/// object under a 200 KB key were 10,000 pointers of 200 KB, 2 GB for a 320 KB text
/// (4 GB more as `--format json`). With the allowance, the listed pointers of a severity
/// hold at most the text's size and a mebibyte, and one pointer more (never much longer
/// than the text); a flood of warnings leaves the errors their own.
pub const POINTER_ALLOWANCE: usize = 1 << 20;

/// Diagnostics counted but not listed, by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Omitted {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Omitted {
    fn slot(&mut self, severity: Severity) -> &mut usize {
        match severity {
            Severity::Error => &mut self.errors,
            Severity::Warning => &mut self.warnings,
            Severity::Info => &mut self.infos,
        }
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

impl Checked {
    /// Every diagnostic of `severity`, listed or not.
    pub fn count(&self, severity: Severity) -> usize {
        let listed = self.diagnostics.iter().filter(|d| d.severity() == severity).count();
        let mut omitted = self.omitted;
        listed + *omitted.slot(severity)
    }

    pub fn is_valid(&self) -> bool {
        self.count(Severity::Error) == 0
    }

    pub fn codes(&self) -> Vec<&'static str> {
        self.diagnostics.iter().map(Diagnostic::code).collect()
    }

    /// The body as the typed model, when it has no errors and the model's shape: what
    /// the simulator reads. Made on demand, not by [`check`]: a keystroke's check never
    /// needs it, and it was a fifth of the time of checking a docs example.
    ///
    /// Only the action's parameters are read (`participants`, `clientContext`), from the
    /// positioned tree: an undeclared member changes nothing in a run (`unknown-property`
    /// warns of it), and made into JSON values it can be most of a large body (33 M small numbers in one were 5.8 GB, 91 times their text). The model's
    /// top-level `extra` is empty here.
    pub fn invite(&self) -> Option<InviteBody> {
        if !self.is_valid() || !self.request.body.parsed {
            return None;
        }
        let tree = tree(&self.request.raw_body)?;
        let root = tree.root();
        let declared: serde_json::Map<String, Value> = ["participants", "clientContext"]
            .into_iter()
            .filter_map(|name| Some((name.to_owned(), to_value(&root.get(name)?))))
            .collect();
        InviteBody::deserialize(Value::Object(declared)).ok()
    }
}

/// Checks a JSON body or HTTP request message against every rule.
pub fn check(text: &str, options: &CheckOptions) -> Checked {
    let split = input::split(text);
    let mut sink = Sink::new(text, split.body_offset);
    let (target, version) = request_line(&split, options, &mut sink);
    bidi_in_head(&split, &mut sink);

    let ast = syntax::parse(split.body, &mut sink);
    let facts = ast.as_ref().map(|tree| body::check(&tree.root(), version, &mut sink));
    if let Some(facts) = &facts {
        context::check(facts, &options.context, split.head.as_ref(), &mut sink);
    } else if split.head.is_some() || !split.body.trim().is_empty() {
        // The call-level rules that do not need a readable body still apply.
        context::check_token(&options.context, split.head.as_ref(), &mut sink);
    }

    // The tree is several times the text: free it before the result copies the body, so
    // the two are never held at once (the largest input's peak memory).
    let parsed = ast.is_some();
    drop(ast);
    checked(&split, sink, target, version, parsed)
}

/// The request as [`check`] reads it, without reading the body: its form, version,
/// target, headers and text, and the head's own diagnostics. What a run of a request
/// already known to be refused needs ([`crate::engine::simulate::refused`]); linear in
/// the head, whatever the body's size.
pub fn read_head(text: &str, options: &CheckOptions) -> Checked {
    let split = input::split(text);
    let mut sink = Sink::new(text, split.body_offset);
    let (target, version) = request_line(&split, options, &mut sink);
    checked(&split, sink, target, version, false)
}

/// Raw bidirectional controls in the head (the request or status line, the headers):
/// one warning per line that holds one, at the line. The body's are found by
/// [`syntax::parse`], at their key or string.
fn bidi_in_head(split: &input::SplitInput<'_>, sink: &mut Sink<'_>) {
    let head = &sink.text[..split.body_offset];
    if split.head.is_none() || first_bidi_control(head).is_none() {
        return;
    }
    let mut start = 0;
    for line in head.split_inclusive('\n') {
        let text = line.trim_end_matches(['\r', '\n']);
        if let Some((_, character)) = first_bidi_control(text) {
            let span = Span::new(start, start + text.len());
            sink.head_repeated(Rule::BidiControl { character }, Located { text, span });
        }
        start += line.len();
    }
}

/// The request line's target and the version in force (the URL's, else the user's).
fn request_line(
    split: &input::SplitInput<'_>,
    options: &CheckOptions,
    sink: &mut Sink<'_>,
) -> (Option<RequestTarget>, ApiVersion) {
    let (target, url_version) = split
        .head
        .as_ref()
        .map_or((None, None), |head| request_line::check(head, split.body, sink));
    (target, url_version.unwrap_or(options.version))
}

fn checked(
    split: &input::SplitInput<'_>,
    sink: Sink<'_>,
    target: Option<RequestTarget>,
    version: ApiVersion,
    parsed: bool,
) -> Checked {
    Checked {
        form: if split.head.is_some() {
            InputForm::HttpMessage
        } else {
            InputForm::JsonBody
        },
        request: Request {
            version,
            target,
            headers: split.head.as_ref().map(HttpHead::header_pairs).unwrap_or_default(),
            raw_body: split.body.to_owned(),
            body: JsonBody {
                parsed,
                value: Default::default(),
            },
        },
        omitted: sink.omitted,
        diagnostics: sink.finish(),
    }
}

/// How many unknown names [`Sink::suggestion`] remembers per place: the typos a bulk
/// body repeats, not every name of a body of millions of different ones (remembering
/// those took eight times the text).
const REMEMBERED_SUGGESTIONS: usize = 1024;

/// Collects diagnostics, turning spans into line and column as they arrive.
pub(crate) struct Sink<'t> {
    text: &'t str,
    /// Built on the first diagnostic: a clean input never pays for the line scan.
    lines: Option<LineIndex<'t>>,
    body_offset: usize,
    diagnostics: Vec<Diagnostic>,
    /// Body diagnostics listed so far, and those past [`MAX_LISTED`], by severity.
    listed: Omitted,
    /// The bytes of the listed diagnostics' pointers, by severity: see
    /// [`POINTER_ALLOWANCE`].
    pointer_bytes: Omitted,
    omitted: Omitted,
    /// "Did you mean" answers by place, then unknown name: bulk input repeats its typos.
    suggestions: std::collections::HashMap<usize, std::collections::HashMap<String, Option<&'static str>>>,
}

impl<'t> Sink<'t> {
    fn new(text: &'t str, body_offset: usize) -> Self {
        Self {
            text,
            lines: None,
            body_offset,
            diagnostics: Vec::new(),
            listed: Omitted::default(),
            omitted: Omitted::default(),
            pointer_bytes: Omitted::default(),
            suggestions: Default::default(),
        }
    }

    fn push(&mut self, rule: Rule, pointer: Option<JsonPointer>, span: Option<Span>) {
        let text = self.text;
        let position = span.map(|span| {
            self.lines
                .get_or_insert_with(|| LineIndex::new(text))
                .position(span.start)
        });
        self.diagnostics.push(Diagnostic {
            rule,
            pointer,
            span,
            position,
        });
    }

    /// A problem in the HTTP head, or about the call, at `at` in the whole text.
    fn head(&mut self, rule: Rule, at: Option<Located<'_>>) {
        self.push(rule, None, at.map(|located| located.span));
    }

    /// [`Sink::head`] for a head rule a text can repeat without end (a malformed header
    /// line: a body of 300,000 lines pasted under a request line), counted and listed as
    /// body diagnostics are.
    fn head_repeated(&mut self, rule: Rule, at: Located<'_>) {
        if !self.over_limit(rule.severity()) {
            self.head(rule, Some(at));
        }
    }

    /// A problem in the body at `pointer`, whose value, key or token spans `range`
    /// (relative to the body).
    fn body(&mut self, rule: Rule, pointer: &JsonPointer, range: Range) {
        if !self.over_limit(rule.severity()) {
            self.listed_body(rule, pointer.clone(), range);
        }
    }

    /// [`Sink::body`] for a diagnostic of `severity` worth building only when it is
    /// listed: past [`MAX_LISTED`] it is counted and `build` never runs. A body of
    /// millions of wrong elements or unknown names spent most of its check building
    /// messages, pointers and "did you mean"s that were then dropped.
    fn body_with(&mut self, severity: Severity, range: Range, build: impl FnOnce(&mut Self) -> (Rule, JsonPointer)) {
        if self.over_limit(severity) {
            return;
        }
        let (rule, pointer) = build(self);
        debug_assert_eq!(rule.severity(), severity, "{}", rule.code());
        self.listed_body(rule, pointer, range);
    }

    /// A body diagnostic already counted as listed.
    fn listed_body(&mut self, rule: Rule, pointer: JsonPointer, range: Range) {
        let mut span = Span::new(range.start, range.end).shifted(self.body_offset);
        // A problem with a whole object or array (a missing property, too many entries)
        // marks its opening bracket: marking all of it would bury the other marks.
        if matches!(self.text.as_bytes().get(span.start), Some(b'{' | b'[')) {
            span.end = span.start + 1;
        }
        *self.pointer_bytes.slot(rule.severity()) += pointer.as_str().len();
        self.push(rule, Some(pointer), Some(span));
    }

    /// A problem in the body text that has no pointer (it did not parse).
    fn body_text(&mut self, rule: Rule, range: Range) {
        if self.over_limit(rule.severity()) {
            return;
        }
        let span = Span::new(range.start, range.end).shifted(self.body_offset);
        self.push(rule, None, Some(span));
    }

    /// Counts a body diagnostic (or a repeated head one); `true` when its severity is past
    /// [`MAX_LISTED`], or the pointers listed are past [`POINTER_ALLOWANCE`] (the head's
    /// and the call's other diagnostics, a few at most, are always listed).
    fn over_limit(&mut self, severity: Severity) -> bool {
        let pointers_fit = *self.pointer_bytes.slot(severity) <= self.text.len() + POINTER_ALLOWANCE;
        let listed = self.listed.slot(severity);
        if *listed < MAX_LISTED && pointers_fit {
            *listed += 1;
            return false;
        }
        *self.omitted.slot(severity) += 1;
        true
    }

    /// The closest declared name to `unknown` among `candidates`, remembered per `place`
    /// (any value that identifies the candidate list).
    fn suggestion(
        &mut self,
        unknown: &str,
        place: usize,
        candidates: impl IntoIterator<Item = &'static str>,
    ) -> Option<&'static str> {
        let answers = self.suggestions.entry(place).or_default();
        if let Some(known) = answers.get(unknown) {
            return *known;
        }
        let known = crate::engine::schema::closest_name(unknown, candidates);
        if answers.len() < REMEMBERED_SUGGESTIONS {
            answers.insert(unknown.to_owned(), known);
        }
        known
    }

    fn finish(self) -> Vec<Diagnostic> {
        // Sort small (position, arrival) keys, then move each diagnostic once: moving the
        // large diagnostics themselves through a sort cost more than the rules did.
        let mut order: Vec<(usize, u32)> = self
            .diagnostics
            .iter()
            .enumerate()
            .map(|(arrival, d)| (d.span.map_or(usize::MAX, |span| span.start), arrival as u32))
            .collect();
        order.sort_unstable();
        let mut slots: Vec<Option<Diagnostic>> = self.diagnostics.into_iter().map(Some).collect();
        order
            .into_iter()
            .filter_map(|(_, arrival)| slots[arrival as usize].take())
            .collect()
    }
}

/// [`check`] for raw bytes: text that is not UTF-8 is checked as far as it can be read,
/// with a `json-syntax` error where the first invalid byte is (RFC 8259 requires UTF-8).
/// UTF-16 is named as such at the start, with or without its byte-order mark (without
/// one, ASCII text in UTF-16 is valid UTF-8 full of NULs).
pub fn check_bytes(bytes: &[u8], options: &CheckOptions) -> Checked {
    let at = match as_text(bytes) {
        Ok(text) => return check(text, options),
        Err(at) => at,
    };
    // Borrowed for UTF-16 without a mark, which is valid UTF-8.
    let text = String::from_utf8_lossy(bytes);
    let mut checked = check(&text, options);
    checked.diagnostics.retain(|d| d.code() != "json-syntax");
    checked.diagnostics.insert(0, encoding_diagnostic(bytes, &text, at));
    checked.request = checked.request.with_body(None);
    checked
}

/// A `json-syntax` error for `bytes` that are not UTF-8 text, if they are not: at the
/// first invalid byte, or at the start for UTF-16. What the CLI's `explain` reads
/// checks this too.
pub fn encoding_problem(bytes: &[u8]) -> Option<Diagnostic> {
    utf8_text(bytes).err().map(|problem| *problem)
}

/// `bytes` as UTF-8 text, or the [`encoding_problem`] that says why they are not (the
/// mock's answer to a body it cannot read).
pub fn utf8_text(bytes: &[u8]) -> Result<&str, Box<Diagnostic>> {
    as_text(bytes).map_err(|at| Box::new(encoding_diagnostic(bytes, &String::from_utf8_lossy(&bytes[..at]), at)))
}

/// `bytes` as UTF-8 text, or where they stop being it: the first invalid byte, or the
/// start for UTF-16 (without a mark, its ASCII is valid UTF-8 full of NULs).
fn as_text(bytes: &[u8]) -> Result<&str, usize> {
    match std::str::from_utf8(bytes) {
        Ok(_) if looks_utf16(bytes) => Err(0),
        Ok(text) => Ok(text),
        Err(error) => Err(error.valid_up_to()),
    }
}

/// Whether `bytes` are UTF-16, with or without a byte-order mark: not worth reading as
/// anything else.
pub fn is_utf16(bytes: &[u8]) -> bool {
    has_utf16_mark(bytes) || looks_utf16(bytes)
}

fn has_utf16_mark(bytes: &[u8]) -> bool {
    matches!(bytes, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..])
}

/// The error at byte `at` of `bytes` (read as `text` at least that far).
fn encoding_diagnostic(bytes: &[u8], text: &str, at: usize) -> Diagnostic {
    Diagnostic {
        rule: Rule::JsonSyntax {
            detail: not_utf8(bytes, at),
            received: false,
        },
        pointer: None,
        span: Some(Span::new(at, at + 1)),
        position: Some(LineIndex::new(text).position(at)),
    }
}

/// Why `bytes` are not UTF-8 at `at`. A UTF-16 byte-order mark is named: Windows
/// PowerShell's `>` and `Out-File`, and Notepad's "Unicode", write UTF-16, and "byte 0xFF
/// is not valid UTF-8" does not say what to do.
/// A mark further on starts a UTF-16 part: a body a cURL command's `-d @file` read from
/// such a file under a head typed as UTF-8.
fn not_utf8(bytes: &[u8], at: usize) -> Text<String> {
    if has_utf16_mark(bytes) {
        let (first, second) = (bytes[0], bytes[1]);
        Text::new(
            format!("the text is UTF-16 (it starts with the byte-order mark {first:02X} {second:02X}), as Windows PowerShell's `>` writes it: save it as UTF-8"),
            format!("o texto está em UTF-16 (começa com a marca de ordem de bytes {first:02X} {second:02X}), como o `>` do Windows PowerShell o grava: salve-o como UTF-8"),
        )
    } else if has_utf16_mark(&bytes[at..]) {
        let (first, second) = (bytes[at], bytes[at + 1]);
        Text::new(
            format!("the text is UTF-16 from here on (the byte-order mark {first:02X} {second:02X}), as Windows PowerShell's `>` writes a file: save it as UTF-8"),
            format!("o texto está em UTF-16 daqui em diante (a marca de ordem de bytes {first:02X} {second:02X}), como o `>` do Windows PowerShell grava um arquivo: salve-o como UTF-8"),
        )
    } else if looks_utf16(bytes) {
        text(
            "the text is UTF-16 without a byte-order mark (every other byte is 0): save it as UTF-8",
            "o texto está em UTF-16 sem marca de ordem de bytes (um byte a cada dois é 0): salve-o como UTF-8",
        )
    } else {
        let byte = bytes[at];
        Text::new(
            format!("byte 0x{byte:02X} is not valid UTF-8"),
            format!("o byte 0x{byte:02X} não é UTF-8 válido"),
        )
    }
}

/// Two ASCII characters in UTF-16, either byte order, at the start: `{\0"\0` or
/// `\0{\0"`. No JSON or HTTP text starts with a NUL in its first two bytes.
fn looks_utf16(bytes: &[u8]) -> bool {
    let ascii = |b: u8| b != 0 && b.is_ascii();
    matches!(bytes, [a, 0, b, 0, ..] | [0, a, 0, b, ..] if ascii(*a) && ascii(*b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn text_that_is_not_utf8_says_where_and_utf16_says_so() {
        let detail = |bytes: &[u8]| match &check_bytes(bytes, &CheckOptions::default()).diagnostics[0].rule {
            Rule::JsonSyntax { detail, .. } => detail.en.clone(),
            other => panic!("{other:?}"),
        };
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("{}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert!(detail(&utf16le).starts_with("the text is UTF-16 (it starts with the byte-order mark FF FE)"));
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("{}".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert!(detail(&utf16be).contains("byte-order mark FE FF"));
        // Without the mark, ASCII in UTF-16 is valid UTF-8 full of NULs: named all the same.
        for bytes in [
            "{\"a\": 1}"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
            "POST /x".encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ] {
            assert!(
                detail(&bytes).starts_with("the text is UTF-16 without a byte-order mark"),
                "{bytes:?}"
            );
        }
        // Near miss: a stray 0xFF later is a byte, not an encoding.
        assert_eq!(detail(b"{\"a\": \"\xFF\"}"), "byte 0xFF is not valid UTF-8");
        // A UTF-16 body under a UTF-8 head (a cURL command's `-d @file` of such a file)
        // is named where it starts.
        let mut message = b"POST https://x/y\nContent-Type: application/json\n\n".to_vec();
        message.extend_from_slice(&utf16le);
        let checked = check_bytes(&message, &CheckOptions::default());
        let first = &checked.diagnostics[0];
        assert_eq!(first.position.map(|p| (p.line, p.column)), Some((4, 1)));
        assert!(detail(&message).starts_with("the text is UTF-16 from here on (the byte-order mark FF FE)"));
    }

    #[test]
    fn the_body_is_read_as_json_on_first_use_and_only_when_it_parsed() {
        let options = CheckOptions::default();
        let text = "{\"participants\": [], \"n\": -1.5e3, \"o\": {\"b\": [true, null, \"é😀\\u00e9\"]}}";
        let checked = check(text, &options);
        let unread = checked.clone();
        assert_eq!(
            checked.request.body(),
            Some(&serde_json::from_str::<Value>(text).unwrap())
        );
        assert_eq!(checked, unread, "reading the body changes nothing a comparison sees");
        assert_eq!(unread.request.body(), checked.request.body(), "a clone reads its own");
        // The body of an HTTP message, CRLF and all.
        let http = format!("POST https://graph.microsoft.com/v1.0/communications/calls/x/participants/invite HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{text}");
        assert_eq!(check(&http, &options).request.body(), checked.request.body());
        // Repeated keys keep the last value, as serde_json does.
        let repeated = check("{\"a\": 1, \"a\": [2]}", &options);
        assert_eq!(
            repeated.request.body().map_or(&json!({"a": [2]}), |body| body),
            &json!({"a": [2]})
        );
        // Text that is not strict JSON has no body, whatever a lenient parser would make of it.
        for text in [
            "",
            "{",
            "{\"a\": 1,}",
            "{\"a\": \"\u{1}\"}",
            "{'a': 1}",
            "\u{feff}{}",
            "[1] [2]",
        ] {
            let request = check(text, &options).request;
            assert_eq!((request.body(), request.has_json_body()), (None, false), "{text:?}");
        }
        assert!(checked.request.has_json_body() && repeated.request.has_json_body());
        assert_eq!(check_bytes(b"{\"a\": \"\xff\"}", &options).request.body(), None);
        // A request made with its JSON keeps it, text or not.
        assert_eq!(
            Request::default().with_body(Some(json!({"x": 1}))).body(),
            Some(&json!({"x": 1}))
        );
        assert_eq!(Request::default().with_body(None).body(), None);
    }
}
