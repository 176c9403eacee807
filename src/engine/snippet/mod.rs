//! The checked request as code in the bot's language: one generator per SDK language
//! (C#, Go, Java, JavaScript, TypeScript, PHP, PowerShell, Python) beside cURL, HTTP and
//! JSON, for beta and v1.0.
//!
//! Every generator renders the same [`Model`]: the request body read as the SDKs' typed
//! models read it. A property the SDK model declares, with the JSON type it declares,
//! becomes a typed setter; anything else (an undeclared key such as `identityProvider`,
//! a `null`, a value of another type, an enum member in another spelling) goes through
//! the SDK's additional-data mechanism with its JSON value, so the SDK sends exactly the
//! body that was checked. The declarations follow the SDKs' generated models
//! (`msgraph-beta-sdk` 1.66.0 / `msgraph-sdk` 1.65.0 and their siblings in other
//! languages). A request with errors still gets code, headed by a comment naming its
//! first error.

mod csharp;
mod go;
mod highlight;
mod java;
mod javascript;
mod php;
mod powershell;
mod python;

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use serde_json::Number;

pub use self::highlight::{coloured_tokens, tokens, ColourBudget, TokenKind};

use crate::engine::diagnostic::{Lang, Severity};
use crate::engine::http::{self, Message, MAX_INDENT};
use crate::engine::model::ApiVersion;
use crate::engine::source::{escape_chars, is_bidi_control};
use crate::engine::validate::json_ast::{Elements, Object, Value as Node};
use crate::engine::validate::{tree, Checked};

/// A language (or wire format) a snippet can be written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SnippetLang {
    #[default]
    CSharp,
    Go,
    Java,
    JavaScript,
    TypeScript,
    Php,
    PowerShell,
    Python,
    Curl,
    Http,
    Json,
}

crate::vocabulary!(SnippetLang {
    CSharp => "csharp",
    Go => "go",
    Java => "java",
    JavaScript => "javascript",
    TypeScript => "typescript",
    Php => "php",
    PowerShell => "powershell",
    Python => "python",
    Curl => "curl",
    Http => "http",
    Json => "json",
});

impl SnippetLang {
    /// The name on a tab.
    pub fn label(self) -> &'static str {
        match self {
            SnippetLang::CSharp => "C#",
            SnippetLang::Go => "Go",
            SnippetLang::Java => "Java",
            SnippetLang::JavaScript => "JavaScript",
            SnippetLang::TypeScript => "TypeScript",
            SnippetLang::Php => "PHP",
            SnippetLang::PowerShell => "PowerShell",
            SnippetLang::Python => "Python",
            SnippetLang::Curl => "cURL",
            SnippetLang::Http => "HTTP",
            SnippetLang::Json => "JSON",
        }
    }
}

/// The SDK classes the invite body is built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    Body,
    Participant,
    IdentitySet,
    CommunicationsIdentitySet,
    Identity,
}

impl Class {
    /// The SDK's class name (PascalCase in every language).
    pub(crate) fn name(self) -> &'static str {
        match self {
            Class::Body => "InvitePostRequestBody",
            Class::Participant => "InvitationParticipantInfo",
            Class::IdentitySet => "IdentitySet",
            Class::CommunicationsIdentitySet => "CommunicationsIdentitySet",
            Class::Identity => "Identity",
        }
    }

    /// The properties this class declares in `api`: wire name and declared type.
    fn declared(self, api: ApiVersion) -> &'static [(&'static str, Declared)] {
        use Declared::*;
        const PARTICIPANT_BETA: &[(&str, Declared)] = &[
            ("@odata.type", Str),
            ("endpointType", EndpointType),
            ("hidden", Bool),
            ("identity", IdentitySetOf),
            ("participantId", Str),
            ("removeFromDefaultAudioRoutingGroup", Bool),
            ("replacesCallId", Str),
        ];
        const PARTICIPANT_V1: &[(&str, Declared)] = &[
            ("@odata.type", Str),
            ("hidden", Bool),
            ("identity", IdentitySetOf),
            ("participantId", Str),
            ("removeFromDefaultAudioRoutingGroup", Bool),
            ("replacesCallId", Str),
        ];
        const IDENTITY_SET: &[(&str, Declared)] = &[
            ("@odata.type", Str),
            ("application", IdentityOf),
            ("device", IdentityOf),
            ("user", IdentityOf),
        ];
        const COMMUNICATIONS_IDENTITY_SET: &[(&str, Declared)] = &[
            ("@odata.type", Str),
            ("application", IdentityOf),
            ("applicationInstance", IdentityOf),
            ("assertedIdentity", IdentityOf),
            ("azureCommunicationServicesUser", IdentityOf),
            ("device", IdentityOf),
            ("encrypted", IdentityOf),
            ("endpointType", EndpointType),
            ("guest", IdentityOf),
            ("onPremises", IdentityOf),
            ("phone", IdentityOf),
            ("user", IdentityOf),
        ];
        match (self, api) {
            (Class::Body, _) => &[("clientContext", Str), ("participants", Participants)],
            (Class::Participant, ApiVersion::Beta) => PARTICIPANT_BETA,
            (Class::Participant, ApiVersion::V1) => PARTICIPANT_V1,
            (Class::IdentitySet, _) => IDENTITY_SET,
            (Class::CommunicationsIdentitySet, _) => COMMUNICATIONS_IDENTITY_SET,
            (Class::Identity, _) => &[("@odata.type", Str), ("displayName", Str), ("id", Str)],
        }
    }
}

/// What the SDK declares a property to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Declared {
    Str,
    Bool,
    /// `endpointType`: the members below, in their documented spelling.
    EndpointType,
    Participants,
    IdentitySetOf,
    IdentityOf,
}

/// `endpointType`'s members as the SDKs name them (PascalCase enum constants).
const ENDPOINT_TYPES: &[(&str, &str)] = &[
    ("default", "Default"),
    ("voicemail", "Voicemail"),
    ("skypeForBusiness", "SkypeForBusiness"),
    ("skypeForBusinessVoipPhone", "SkypeForBusinessVoipPhone"),
    ("unknownFutureValue", "UnknownFutureValue"),
];

/// One SDK model object: its class, the typed properties set on it (in the order the
/// request wrote them) and its additional data.
#[derive(Clone, Debug)]
pub(crate) struct Model<'a> {
    pub(crate) class: Class,
    pub(crate) props: Vec<(&'static str, Typed<'a>)>,
    /// The object it was read from: its members that are not `props` are its
    /// additional data.
    object: Object<'a>,
    /// Whether the object repeats a name, asked once (it hashes every name).
    repeated: bool,
    /// Whether any of its members is additional data.
    any_additional: bool,
}

/// A typed property's value.
#[derive(Clone, Debug)]
pub(crate) enum Typed<'a> {
    Str(&'a str),
    Bool(bool),
    /// The enum type's name and the member's SDK constant (`EndpointType`, `Default`).
    Enum(&'static str, &'static str),
    Object(Model<'a>),
    List(Participants<'a>),
}

/// The `participants` list, each read as a model when it is written (a million
/// participants' models held at once were 5 times a 64 MiB body). Every item is an
/// object: a list with anything else travels as additional data.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Participants<'a> {
    items: Elements<'a>,
    api: ApiVersion,
}

impl<'a> Participants<'a> {
    pub(crate) fn iter(&self) -> impl Iterator<Item = Model<'a>> {
        let api = self.api;
        self.items
            .iter()
            .filter_map(move |item| Some(Model::read(Class::Participant, item.as_object()?, api)))
    }
}

impl<'a> Model<'a> {
    /// Reads `object` as an instance of `class`.
    fn read(class: Class, object: &Object<'a>, api: ApiVersion) -> Model<'a> {
        let mut model = Model {
            class,
            props: Vec::new(),
            object: *object,
            repeated: object.has_repeats(),
            any_additional: false,
        };
        for (key, value) in object.unique_given(model.repeated) {
            let declared = class
                .declared(api)
                .iter()
                .find(|(name, _)| *name == key)
                .map(|(name, declared)| (*name, *declared));
            match declared.and_then(|(name, declared)| typed(declared, value, api).map(|typed| (name, typed))) {
                Some(prop) => model.props.push(prop),
                None => model.any_additional = true,
            }
        }
        model
    }

    /// Its additional data, in the request's order: views into the body's tree, found
    /// again where they are written (they can be most of a large body: 6.9 million
    /// members listed were 8 times their 64 MiB text).
    pub(crate) fn additional(&self) -> impl Iterator<Item = (&'a str, Node<'a>)> + '_ {
        self.object
            .unique_given(self.repeated)
            .filter(|(key, _)| !self.props.iter().any(|(name, _)| name == key))
    }

    pub(crate) fn has_additional(&self) -> bool {
        self.any_additional
    }
}

/// `value` as the declared type, when it is one (a `null` never is: the SDKs skip unset
/// properties, so an explicit `null` travels as additional data).
fn typed(declared: Declared, value: Node<'_>, api: ApiVersion) -> Option<Typed<'_>> {
    match (declared, JsonView::of(value)) {
        (Declared::Str, JsonView::String(text)) => Some(Typed::Str(text)),
        (Declared::Bool, JsonView::Bool(flag)) => Some(Typed::Bool(flag)),
        (Declared::EndpointType, JsonView::String(text)) => ENDPOINT_TYPES
            .iter()
            .find(|(wire, _)| *wire == text)
            .map(|(_, constant)| Typed::Enum("EndpointType", constant)),
        (Declared::Participants, JsonView::Array(items)) => items
            .iter()
            .all(|item| item.as_object().is_some())
            .then_some(Typed::List(Participants { items, api })),
        (Declared::IdentitySetOf, JsonView::Object(object)) => {
            // The class the request names; `communicationsIdentitySet` only when named so
            // (its SDK constructor writes that `@odata.type`).
            let communications = value
                .get("@odata.type")
                .and_then(Node::as_str)
                .is_some_and(|odata| odata.eq_ignore_ascii_case("#microsoft.graph.communicationsIdentitySet"));
            let class = if communications {
                Class::CommunicationsIdentitySet
            } else {
                Class::IdentitySet
            };
            Some(Typed::Object(Model::read(class, &object, api)))
        }
        (Declared::IdentityOf, JsonView::Object(object)) => {
            Some(Typed::Object(Model::read(Class::Identity, &object, api)))
        }
        _ => None,
    }
}

/// Whether a typed language writes `number` as a double: a fraction or exponent, or an
/// integer past a 64-bit signed one (`int64(12345678901234567890)` did not compile in
/// Go, nor its `…L` in C# and Java; kiota reads such a number as a double too).
pub(crate) fn is_double(number: &serde_json::Number) -> bool {
    number.is_f64() || number.as_i64().is_none()
}

/// A value of the body's tree as the generators match it: `serde_json::Value`'s kinds,
/// a number read as `serde_json` reads it (`1.50` is written `1.5`; one too large for
/// `f64` is `null`), an object's members through [`Object::unique`]. The body is never
/// made a `Value`: 33 M small numbers in an unknown member were 2.9 GB so, 47 times
/// their text.
pub(crate) enum JsonView<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(&'a str),
    Array(Elements<'a>),
    Object(Object<'a>),
}

impl<'a> JsonView<'a> {
    pub(crate) fn of(node: Node<'a>) -> Self {
        match node {
            Node::Object(object) => JsonView::Object(object),
            Node::Array(array) => JsonView::Array(array.elements),
            Node::StringLit(string) => JsonView::String(string.value),
            Node::NumberLit(number) => number.value.parse().map_or(JsonView::Null, JsonView::Number),
            Node::BooleanLit(boolean) => JsonView::Bool(boolean.value),
            Node::NullKeyword(_) => JsonView::Null,
        }
    }
}

/// Everything a generator needs.
pub(crate) struct Request<'a> {
    pub(crate) api: ApiVersion,
    pub(crate) call_id: &'a str,
    /// The body read as SDK models; `None` when it is not a JSON object, and for the
    /// languages that send [`Request::json`] instead.
    pub(crate) body: Option<Model<'a>>,
    /// The body as JSON (`None` when it did not parse), for the languages that send a
    /// literal object (JavaScript, TypeScript, PowerShell).
    pub(crate) json: Option<Node<'a>>,
    /// The first error, for a comment on top.
    pub(crate) first_error: Option<String>,
}

/// The request of `checked` as `lang` code; a bare body is sent to `call_id`.
pub fn snippet(checked: &Checked, call_id: &str, lang: SnippetLang) -> String {
    Snippet { checked, call_id, lang }.to_string()
}

/// The request of `checked` as `lang` code, written where it is displayed as it is made:
/// the CLI prints a 64 MiB body's code without holding it (its Java was 10 times the
/// body, made in a string of its own and then copied into another).
pub struct Snippet<'a> {
    pub checked: &'a Checked,
    /// Where a bare body is sent.
    pub call_id: &'a str,
    pub lang: SnippetLang,
}

impl fmt::Display for Snippet<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = Out::new(formatter);
        write(self, &mut out);
        out.result
    }
}

fn write(snippet: &Snippet<'_>, out: &mut Out<'_>) {
    let Snippet { checked, call_id, lang } = *snippet;
    let api = checked.request.version;
    let call_id = checked
        .request
        .target
        .as_ref()
        .and_then(|target| target.call_id.as_deref())
        .unwrap_or(call_id);
    let first_error = checked
        .diagnostics
        .iter()
        .find(|d| d.severity() == Severity::Error)
        .map(|d| format!("{}: {}", d.code(), one_line(&d.message(Lang::En))));
    let message = || Message::from_checked(checked, call_id, false);
    match lang {
        // A failed write is kept by `out`, which the caller asks.
        SnippetLang::Curl => {
            if let Some(error) = first_error {
                let _ = writeln!(out, "# {error}");
            }
            let _ = http::write_curl(out, &message());
        }
        SnippetLang::Http => {
            let _ = http::write_http_message(out, &message());
        }
        SnippetLang::Json => {
            let _ = http::write_pretty_json(out, &message().body_json());
            out.push('\n');
        }
        _ => {
            // Read from the checked text's tree, as `Message::body_json` reads it.
            let tree = tree(&checked.request.raw_body);
            let json = tree.as_ref().map(|tree| tree.root());
            let request = Request {
                api,
                call_id,
                // The languages that send a literal object write `json` and need no model.
                body: json
                    .filter(|_| {
                        !matches!(
                            lang,
                            SnippetLang::JavaScript | SnippetLang::TypeScript | SnippetLang::PowerShell
                        )
                    })
                    .and_then(|json| Some(Model::read(Class::Body, json.as_object()?, api))),
                json,
                first_error,
            };
            match lang {
                SnippetLang::CSharp => csharp::render(&request, out),
                SnippetLang::Go => go::render(&request, out),
                SnippetLang::Java => java::render(&request, out),
                SnippetLang::JavaScript => javascript::render(&request, false, out),
                SnippetLang::TypeScript => javascript::render(&request, true, out),
                SnippetLang::Php => php::render(&request, out),
                SnippetLang::PowerShell => powershell::render(&request, out),
                _ => python::render(&request, out),
            }
        }
    }
}

/// Where a generator writes: a `String` for the page, standard output for the CLI. The
/// first failure is kept and every later write skipped, so a generator writes plainly
/// (`push_str`, `write!`) and the failure reaches the caller once, at the end.
pub(crate) struct Out<'w> {
    inner: &'w mut dyn fmt::Write,
    result: fmt::Result,
}

impl<'w> Out<'w> {
    pub(crate) fn new(inner: &'w mut dyn fmt::Write) -> Self {
        Out { inner, result: Ok(()) }
    }

    pub(crate) fn push_str(&mut self, text: &str) {
        if self.result.is_ok() {
            self.result = self.inner.write_str(text);
        }
    }

    pub(crate) fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }

    /// `unit` `depth` times, without making the string of them; never more than
    /// [`MAX_INDENT`] times, as pretty JSON (4 MB of numbers 120 arrays deep was 982 MB
    /// of Python and 288 MB of C#, measured).
    pub(crate) fn indent(&mut self, unit: &str, depth: usize) {
        for _ in 0..depth.min(MAX_INDENT) {
            self.push_str(unit);
        }
    }
}

impl fmt::Write for Out<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.push_str(text);
        Ok(())
    }
}

/// A message fit for a one-line comment: the characters a string would escape
/// ([`escaped_in_code`]: line breaks, controls, hidden bidirectional controls) become
/// spaces.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if escaped_in_code(c) { ' ' } else { c }).collect()
}

/// Whether a generator writes `c` as an escape rather than as itself: control
/// characters (a raw one in source code is mangled by editors, terminals and line-ending
/// conversions), U+2028 and U+2029 (some editors and older JavaScript engines end a line
/// there) and the hidden bidirectional controls (a raw one makes the code read in
/// another order than it runs: Trojan Source, CVE-2021-42574).
pub(crate) fn escaped_in_code(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') || is_bidi_control(c)
}

/// `text` as a double-quoted string literal that C#, Go, Java, JavaScript and Python all
/// read back as `text`: JSON's escapes are a subset of each of theirs, and `\uXXXX` is
/// in all of them for the rest of [`escaped_in_code`].
pub(crate) fn c_string(text: &str) -> String {
    let quoted = serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned());
    // JSON has escaped the control characters already; this writes the rest.
    let escaped = escape_chars(&quoted, escaped_in_code, |out, c| {
        let _ = write!(out, "\\u{:04x}", u32::from(c));
    });
    match escaped {
        Cow::Borrowed(_) => quoted,
        Cow::Owned(escaped) => escaped,
    }
}

/// `camelCase` → `snake_case`, for Python's attribute names.
pub(crate) fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `camelCase` → `PascalCase`, for C# properties and Go/Java/PHP setters.
pub(crate) fn pascal(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// The SDK property for a wire name: `@odata.type` is `odataType` everywhere.
pub(crate) fn property_name(wire: &str) -> &str {
    if wire == "@odata.type" {
        "odataType"
    } else {
        wire
    }
}

/// Names for the locals a builder-style snippet declares, each used once
/// (`identity`, `identity1`, …). Each base remembers how many names it has tried, so a
/// request of a million participants names its locals in linear time (counting up from
/// `1` again for each was cubic: hours for 64 MiB), and only the bases are kept: a name
/// is taken when some base followed by one of its tried numbers spells it. (A set of
/// every name given was most of a Go snippet's memory: 5 times a 64 MiB body.)
#[derive(Default)]
pub(crate) struct Locals {
    tried: std::collections::HashMap<String, usize>,
}

impl Locals {
    pub(crate) fn fresh(&mut self, base: &str) -> String {
        let mut n = self.tried.get(base).copied().unwrap_or(0);
        let name = loop {
            let name = if n == 0 { base.to_owned() } else { format!("{base}{n}") };
            n += 1;
            // `identity1` may be taken already, as a base of its own.
            if !self.taken(&name) {
                break name;
            }
        };
        self.tried.insert(base.to_owned(), n);
        name
    }

    /// Whether `name` was given: it is `base` + `m` (none when `m` is 0) for a base that
    /// tried `m` already. Only the digits that end `name` can be a number.
    fn taken(&self, name: &str) -> bool {
        let digits = name.bytes().rev().take_while(u8::is_ascii_digit).count();
        (name.len() - digits..=name.len()).any(|split| {
            let (base, number) = name.split_at(split);
            let m = match number {
                "" => Some(0),
                _ if number.starts_with('0') => None,
                _ => number.parse::<usize>().ok(),
            };
            m.zip(self.tried.get(base)).is_some_and(|(m, &tried)| m < tried)
        })
    }
}

/// `PascalCase` → `camelCase`, for locals named after a class.
pub(crate) fn camel(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_ascii_lowercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// The comment line on top for a request with errors, with `marker` (`//`, `#`).
pub(crate) fn error_comment(out: &mut Out<'_>, request: &Request<'_>, marker: &str) {
    if let Some(error) = &request.first_error {
        let _ = writeln!(out, "{marker} Graph would reject this request: {error}");
    }
}

#[cfg(test)]
mod tests;
