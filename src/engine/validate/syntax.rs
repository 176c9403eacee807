//! Strict RFC 8259 JSON: the positioned tree ([`super::json_tree`]: flat, read with
//! `jsonc-parser`'s scanner's rules and every leniency off), then the checks it does not
//! make (depth over 128, repeated keys, number and string grammar), and the conversion
//! of the positioned tree to a plain `serde_json::Value`.

use jsonc_parser::common::Range;
use jsonc_parser::errors::ParseErrorKind;
use serde_json::{Map, Number, Value};

use super::json_tree::{self, Names, Tree, Value as Node};
use super::Sink;
use crate::engine::diagnostic::lang::{text, Text};
use crate::engine::diagnostic::message::quote;
use crate::engine::diagnostic::{Rule, Severity};
use crate::engine::pointer::JsonPointer;
use crate::engine::source::{first_bidi_control, is_bidi_control, swar};

/// Up to this many keys an object's repeated keys are found by scanning, past it by
/// hashing.
const FEW_KEYS: usize = 16;

/// The deepest nesting the body may have (SPEC §1).
pub const MAX_DEPTH: usize = 128;

/// Parses `body`; on any JSON-level error reports it and returns `None`.
pub(super) fn parse<'a>(body: &'a str, sink: &mut Sink<'_>) -> Option<Tree<'a>> {
    if body.trim().is_empty() {
        sink.body(Rule::BodyEmpty, &JsonPointer::root(), Range::new(0, body.len()));
        return None;
    }
    let bidi = match lexical_problem(body) {
        Lexical::Problem(range, detail) => {
            sink.body_text(
                Rule::JsonSyntax {
                    detail,
                    received: false,
                },
                range,
            );
            return None;
        }
        Lexical::Clean { bidi } => bidi,
    };
    let root = match json_tree::parse(body) {
        Ok(root) => root,
        Err(error) => {
            // Past the parser's own nesting limit: report where our limit is crossed, with
            // its pointer, as a tree we could walk would have.
            if matches!(error.kind(), Some(ParseErrorKind::NestingDepthExceeded)) {
                if let Some((at, pointer)) = past_depth_limit(body) {
                    sink.body(Rule::JsonTooDeep { limit: MAX_DEPTH }, &pointer, Range::new(at, at + 1));
                    return None;
                }
            }
            let rule = match error.kind() {
                Some(ParseErrorKind::NestingDepthExceeded) => Rule::JsonTooDeep { limit: MAX_DEPTH },
                Some(kind) => Rule::JsonSyntax {
                    detail: parser_detail(kind, body, error.range().start),
                    received: false,
                },
                None => Rule::JsonTooLarge {
                    limit_mib: json_tree::MAX_TEXT >> 20,
                    received: false,
                },
            };
            sink.body_text(rule, error.range());
            return None;
        }
    };
    let Some(root) = root else {
        sink.body(Rule::BodyEmpty, &JsonPointer::root(), Range::new(0, body.len()));
        return None;
    };
    let mut walk = Walk {
        body,
        path: Vec::new(),
        keys: Vec::new(),
        clean: true,
        // One scan of the text: a body without them (nearly every one) walks no string.
        bidi,
    };
    walk.node(&root.root(), sink);
    walk.clean.then_some(root)
}

/// The positioned tree of a strict-JSON `body` (byte ranges on every key and value,
/// repeated keys kept), or `None` when it is not strict JSON. For tools that change
/// the text in place, such as the composer's span splices.
pub fn tree(body: &str) -> Option<Tree<'_>> {
    if let Lexical::Problem(..) = lexical_problem(body) {
        return None;
    }
    json_tree::parse(body).ok().flatten()
}

/// The bracket that opens nesting level `MAX_DEPTH + 1`, and the pointer to it, found
/// by a scan of the text (strings skipped, keys and indices tracked) for bodies nested
/// too deep for the parser to build a tree.
fn past_depth_limit(body: &str) -> Option<(usize, JsonPointer)> {
    struct Frame {
        array: bool,
        index: usize,
        key: Option<String>,
    }
    let bytes = body.as_bytes();
    let mut frames: Vec<Frame> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                let start = at;
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
                // A string in an object before its `:` is the key of what follows.
                if let Some(frame) = frames.last_mut().filter(|frame| !frame.array && frame.key.is_none()) {
                    let raw = &body[start..(at + 1).min(body.len())];
                    frame.key = Some(serde_json::from_str(raw).unwrap_or_else(|_| raw.trim_matches('"').to_owned()));
                }
            }
            open @ (b'[' | b'{') => {
                if frames.len() == MAX_DEPTH {
                    let pointer = frames.iter().fold(JsonPointer::root(), |pointer, frame| {
                        if frame.array {
                            pointer.index(frame.index)
                        } else {
                            pointer.key(frame.key.as_deref().unwrap_or(""))
                        }
                    });
                    return Some((at, pointer));
                }
                frames.push(Frame {
                    array: open == b'[',
                    index: 0,
                    key: None,
                });
            }
            b']' | b'}' => {
                frames.pop();
            }
            b',' => {
                if let Some(frame) = frames.last_mut() {
                    frame.index += 1;
                    frame.key = None;
                }
            }
            _ => {}
        }
        at += 1;
    }
    None
}

/// One step of the path from the root to the node being walked.
#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The pointer to the current node, materialised only when a diagnostic needs it: most
/// nodes have none, and allocating a pointer per node made large bodies slow.
fn pointer_of(path: &[Step<'_>]) -> JsonPointer {
    let mut pointer = JsonPointer::root();
    for step in path {
        match step {
            Step::Key(key) => pointer.push_key(key),
            Step::Index(index) => pointer.push_index(*index),
        }
    }
    pointer
}

/// Depth, repeated keys, token grammar and hidden bidirectional controls, depth-first.
/// Stops descending past the limit.
struct Walk<'t> {
    body: &'t str,
    /// From the root to the node being walked.
    path: Vec<Step<'t>>,
    /// The keys of every object open on the path, each object's after its parent's (a
    /// stack: no allocation per object once it has grown).
    keys: Vec<&'t str>,
    /// No diagnostic that makes the tree unusable (too deep, a bad number) so far.
    clean: bool,
    /// The text holds a raw bidirectional control somewhere: keys and strings are read.
    bidi: bool,
}

impl<'t> Walk<'t> {
    /// Whether a value has anything to check: strings only when the text holds a
    /// bidirectional control, booleans and nulls never (most of a body's values; a call
    /// per value was most of the walk in wasm).
    fn needs_walking(&self, value: &Node<'_>) -> bool {
        matches!(value, Node::Object(_) | Node::Array(_) | Node::NumberLit(_))
            || (self.bidi && matches!(value, Node::StringLit(_)))
    }

    /// Reports the first raw bidirectional control in the key or string at `range`, at
    /// the string: the character itself is invisible, and one mark per string is enough
    /// to find it.
    fn bidi_in(&self, range: Range, sink: &mut Sink<'_>) {
        if let Some((_, character)) = first_bidi_control(&self.body[range.start..range.end]) {
            let path = &self.path;
            sink.body_with(Severity::Warning, range, |_| {
                (Rule::BidiControl { character }, pointer_of(path))
            });
        }
    }

    fn node(&mut self, node: &Node<'t>, sink: &mut Sink<'_>) {
        // Past the limit, an object or an array is reported and not entered.
        if matches!(node, Node::Object(_) | Node::Array(_)) && self.path.len() + 1 > MAX_DEPTH {
            let path = &self.path;
            sink.body_with(Severity::Error, node.range(), |_| {
                (Rule::JsonTooDeep { limit: MAX_DEPTH }, pointer_of(path))
            });
            self.clean = false;
            return;
        }
        match node {
            Node::Object(object) => {
                // Invite objects have a handful of keys: scanning the keys so far beats
                // hashing until many.
                let mut many: Option<Names> = None;
                let first = self.keys.len();
                for (at, prop) in object.properties.places() {
                    let key = prop.name.value;
                    self.path.push(Step::Key(key));
                    if self.bidi {
                        self.bidi_in(prop.name.range, sink);
                    }
                    let repeated = match many.as_mut() {
                        Some(seen) => !seen.insert(at),
                        None if self.keys.len() - first < FEW_KEYS => {
                            let repeated = self.keys[first..].contains(&key);
                            self.keys.push(key);
                            repeated
                        }
                        None => {
                            let properties = &object.properties;
                            let seen = many.insert(Names::with_capacity(properties, properties.len()));
                            for (before, _) in properties.places().take(FEW_KEYS) {
                                seen.insert(before);
                            }
                            self.keys.truncate(first);
                            !seen.insert(at)
                        }
                    };
                    if repeated {
                        // Built only when listed: a pointer repeats its parents' keys.
                        let path = &self.path;
                        sink.body_with(Severity::Warning, prop.name.range, |_| {
                            (
                                Rule::JsonDuplicateKey {
                                    key: key.to_owned(),
                                    received: false,
                                },
                                pointer_of(path),
                            )
                        });
                    }
                    if self.needs_walking(&prop.value) {
                        self.node(&prop.value, sink);
                    }
                    self.path.pop();
                }
                self.keys.truncate(first);
            }
            Node::Array(array) => {
                for (index, element) in array.elements.iter().enumerate() {
                    if self.needs_walking(&element) {
                        self.path.push(Step::Index(index));
                        self.node(&element, sink);
                        self.path.pop();
                    }
                }
            }
            Node::NumberLit(number) => {
                if !is_json_number(number.value) {
                    let number_range = number.range;
                    let number = quote(number.value);
                    let detail = Text::new(
                        format!("`{number}` is not a JSON number"),
                        format!("`{number}` não é um número JSON"),
                    );
                    sink.body_text(
                        Rule::JsonSyntax {
                            detail,
                            received: false,
                        },
                        number_range,
                    );
                    self.clean = false;
                }
            }
            Node::StringLit(string) => self.bidi_in(string.range, sink),
            Node::BooleanLit(_) | Node::NullKeyword(_) => {}
        }
    }
}

/// What [`lexical_problem`] finds.
enum Lexical {
    /// Where the first problem is, and what it is.
    Problem(Range, Text<String>),
    /// No problem; whether a string holds a raw bidirectional control.
    Clean { bidi: bool },
}

/// What the parser lets through but RFC 8259 forbids, found in one pass over the bytes:
/// a raw control character inside a string, or whitespace other than space, tab, line
/// feed and carriage return between tokens (form feed, no-break space, line separator…).
/// The same pass notes a hidden bidirectional control in a string (`bidi-control`): a
/// pass of its own made a valid 4 MiB body's check 45% slower natively, this one 5%
/// (1.60 → 1.68 ms; a non-ASCII one's 1.6 → 2.3 ms).
fn lexical_problem(body: &str) -> Lexical {
    let bytes = body.as_bytes();
    let mut in_string = false;
    let mut bidi = false;
    let mut at = 0;
    while at < bytes.len() {
        if in_string {
            // Every bidirectional control starts with one of two lead bytes: looked for
            // in words with a non-ASCII byte (ASCII ones, nearly all, skip the two
            // comparisons) until one is found.
            at = swar::next_marked(bytes, at, |word| {
                let stops = swar::below(word, 0x20) | swar::equal(word, b'"') | swar::equal(word, b'\\');
                if bidi || word & swar::HIGHS == 0 {
                    stops
                } else {
                    stops | swar::equal(word, 0xD8) | swar::equal(word, 0xE2)
                }
            })
            .unwrap_or(bytes.len());
            let Some(&byte) = bytes.get(at) else { break };
            match byte {
                b'\\' => at += 1,
                b'"' => in_string = false,
                0x00..=0x1f => {
                    let detail = Text::new(
                        format!("control character U+{byte:04X} must be escaped inside a string"),
                        format!("o caractere de controle U+{byte:04X} precisa de escape dentro de uma string"),
                    );
                    return Lexical::Problem(Range::new(at, at + 1), detail);
                }
                _ => bidi = body[at..].chars().next().is_some_and(is_bidi_control),
            }
            at += 1;
            continue;
        }
        // Between tokens only a quote, VT, FF or a non-ASCII byte needs a look.
        let outside =
            |word| swar::equal(word, b'"') | swar::equal(word, 0x0b) | swar::equal(word, 0x0c) | (word & swar::HIGHS);
        let Some(next) = swar::next_marked(bytes, at, outside) else {
            break;
        };
        at = next;
        let byte = bytes[at];
        if byte == b'"' {
            in_string = true;
        } else if byte == 0x0b || byte == 0x0c || byte >= 0x80 {
            let Some(ch) = body[at..].chars().next() else { break };
            if ch == '\u{feff}' {
                let detail = text(
                    "the text has a byte-order mark (U+FEFF), which JSON does not allow: save it as UTF-8 without a BOM",
                    "o texto tem uma marca de ordem de bytes (U+FEFF), que o JSON não permite: salve-o como UTF-8 sem BOM",
                );
                return Lexical::Problem(Range::new(at, at + ch.len_utf8()), detail);
            }
            if ch.is_whitespace() {
                let code = u32::from(ch);
                let detail = Text::new(
                    format!("U+{code:04X} is not JSON whitespace (only space, tab, line feed and carriage return are)"),
                    format!("U+{code:04X} não é espaço em branco do JSON (só espaço, tabulação, quebra de linha e retorno de carro são)"),
                );
                return Lexical::Problem(Range::new(at, at + ch.len_utf8()), detail);
            }
            at += ch.len_utf8();
            continue;
        }
        at += 1;
    }
    Lexical::Clean { bidi }
}

/// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
fn is_json_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = usize::from(bytes.first() == Some(&b'-'));
    let digits = |at: &mut usize| {
        let start = *at;
        while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        *at - start
    };
    match bytes.get(at) {
        Some(b'0') => at += 1,
        Some(b'1'..=b'9') => {
            digits(&mut at);
        }
        _ => return false,
    }
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        if digits(&mut at) == 0 {
            return false;
        }
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        if digits(&mut at) == 0 {
            return false;
        }
    }
    at == bytes.len()
}

/// The file name of a body that is only `@name` (no spaces) starting at `at`: cURL's
/// reference to a file, as `-d @body.json` writes it.
fn curl_file_reference(body: &str, at: usize) -> Option<&str> {
    let name = body.get(at..)?.trim_end().strip_prefix('@')?;
    let alone = body[..at].trim().is_empty();
    (alone && !name.is_empty() && !name.contains(char::is_whitespace)).then_some(name)
}

/// What the parser found at byte `at` of `body`, in each language. Where a bare word
/// stands in for a value or a name, it is named with the language that writes it so
/// (Python's `True` and `None`, JavaScript's `undefined` and unquoted names, as `print`
/// and `console.log` show objects in logs) and how JSON writes it.
fn parser_detail(kind: &ParseErrorKind, body: &str, at: usize) -> Text<String> {
    use jsonc_parser::ParseStringErrorKind as S;
    use ParseErrorKind as K;
    let rest = body.get(at..).unwrap_or_default();
    let word = match rest.bytes().next() {
        Some(b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'$') => {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
                .unwrap_or(rest.len());
            &rest[..end]
        }
        _ => "",
    };
    if let Some(number) = leading_zero(body, at) {
        let number = quote(number);
        return Text::new(
            format!("the number `{number}` starts with a zero, which JSON numbers do not (a string keeps the zeros)"),
            format!("o número `{number}` começa com zero, o que números JSON não fazem (uma string mantém os zeros)"),
        );
    }
    // A cURL command, after any comment lines (the playground's own "Copy as cURL"
    // starts with one naming the request's first error).
    if word == "curl" || crate::engine::curl::is_command(body) {
        return text(
            "this is a cURL command: one pasted whole, with a URL and every quote closed, is read as the request it sends; else paste its request as an HTTP message (`POST URL`, its headers, a blank line, the body)",
            "isto é um comando cURL: um colado inteiro, com URL e todas as aspas fechadas, é lido como a solicitação que envia; senão cole a solicitação como mensagem HTTP (`POST URL`, os cabeçalhos, uma linha em branco, o corpo)",
        );
    }
    // cURL's `-d @body.json` (a file's contents as the data), read as the data itself.
    if let Some(file) = curl_file_reference(body, at) {
        let file = quote(file);
        return Text::new(
            format!("`@{file}` is how cURL sends a file's contents (`-d @file`); put the contents of `{file}` here"),
            format!("`@{file}` é como o cURL envia o conteúdo de um arquivo (`-d @arquivo`); ponha aqui o conteúdo de `{file}`"),
        );
    }
    if word.is_empty()
        && matches!(
            kind,
            K::UnexpectedToken | K::UnexpectedTokenInObject | K::UnexpectedWord
        )
    {
        if let Some(detail) = unexpected_character(body, at) {
            return detail;
        }
    }
    match kind {
        K::ExpectedStringObjectProperty if !word.is_empty() && rest[word.len()..].trim_start().starts_with(':') => {
            let name = quote(word);
            Text::new(
                format!("the name `{name}` needs double quotes: `\"{name}\"`"),
                format!("o nome `{name}` precisa de aspas duplas: `\"{name}\"`"),
            )
        }
        K::UnexpectedToken | K::UnexpectedWord | K::UnexpectedTokenInObject if !word.is_empty() => match word {
            "True" | "False" | "None" => {
                let json = match word {
                    "True" => "true",
                    "False" => "false",
                    _ => "null",
                };
                Text::new(
                    format!("`{word}` is how Python writes it; JSON writes `{json}`"),
                    format!("`{word}` é como o Python o escreve; o JSON escreve `{json}`"),
                )
            }
            "undefined" => text(
                "`undefined` is JavaScript's, not JSON: write `null` or leave the member out",
                "`undefined` é do JavaScript, não do JSON: escreva `null` ou omita o membro",
            ),
            "NaN" | "Infinity" => Text::new(
                format!("`{word}` is not a JSON number: send a number or `null`"),
                format!("`{word}` não é um número JSON: envie um número ou `null`"),
            ),
            _ => {
                let word = quote(word);
                Text::new(
                    format!("`{word}` is not a JSON value (`true`, `false`, `null`, a number, a string in double quotes, an object or an array)"),
                    format!("`{word}` não é um valor JSON (`true`, `false`, `null`, um número, uma string entre aspas duplas, um objeto ou uma lista)"),
                )
            }
        },
        K::BareDecimalPointNumbersNotAllowed => text(
            "leading or trailing decimal points on numbers are not allowed",
            "pontos decimais no início ou no fim de um número não são permitidos",
        ),
        K::CommentsNotAllowed => text("comments are not allowed", "comentários não são permitidos"),
        K::ExpectedColonAfterObjectKey => text(
            "expected a colon after the property's name",
            "esperava dois-pontos depois do nome da propriedade",
        ),
        K::ExpectedObjectValue => text(
            "expected a value after the colon",
            "esperava um valor depois dos dois-pontos",
        ),
        K::ExpectedDigit => text("expected a digit", "esperava um dígito"),
        K::ExpectedDigitFollowingNegativeSign => text(
            "expected a digit after the minus sign",
            "esperava um dígito depois do sinal de menos",
        ),
        K::ExpectedPlusMinusOrDigitInNumberLiteral => text(
            "expected plus, minus or a digit in the number's exponent",
            "esperava mais, menos ou um dígito no expoente do número",
        ),
        K::ExpectedStringObjectProperty => text(
            "expected a property name in double quotes",
            "esperava um nome de propriedade entre aspas duplas",
        ),
        K::HexadecimalNumbersNotAllowed => text(
            "hexadecimal numbers are not allowed",
            "números hexadecimais não são permitidos",
        ),
        K::ExpectedComma => text("expected a comma", "esperava uma vírgula"),
        K::MultipleRootJsonValues => text(
            "a second JSON value starts here, after the end of the first: send one object (were two bodies pasted together?)",
            "um segundo valor JSON começa aqui, depois do fim do primeiro: envie um só objeto (foram colados dois corpos juntos?)",
        ),
        K::NonFiniteNumbersNotAllowed => text("infinity and NaN are not allowed", "Infinity e NaN não são permitidos"),
        K::SingleQuotedStringsNotAllowed => text(
            "single-quoted strings are not allowed; JSON strings take double quotes",
            "strings entre aspas simples não são permitidas; strings JSON usam aspas duplas",
        ),
        K::String(S::InvalidEscapeInSingleQuoteString | S::InvalidEscapeInDoubleQuoteString | S::InvalidEscape) => {
            text(
                "invalid escape in a string (JSON's are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)",
                "escape inválido numa string (os do JSON são \\\" \\\\ \\/ \\b \\f \\n \\r \\t e \\uXXXX)",
            )
        }
        K::String(S::ExpectedFourHexDigits) => text(
            "expected four hex digits after \\u",
            "esperava quatro dígitos hexadecimais depois de \\u",
        ),
        K::String(S::ExpectedTwoHexDigits) => text("expected two hex digits", "esperava dois dígitos hexadecimais"),
        // The parser says `d800 (unpaired high surrogate)`: half of a UTF-16 pair, as a
        // string cut in the middle of an emoji leaves.
        K::String(S::InvalidUnicodeEscapeSequence(sequence)) => {
            let hex = sequence.get(..4).filter(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()));
            match hex {
                Some(hex) if sequence.contains("surrogate") => Text::new(
                    format!("the escape `\\u{hex}` is half of a UTF-16 surrogate pair without its other half, so it is not a character: write the character itself or both halves (`\\ud83d\\ude00` is 😀)"),
                    format!("o escape `\\u{hex}` é metade de um par substituto UTF-16 sem a outra metade, então não é um caractere: escreva o próprio caractere ou as duas metades (`\\ud83d\\ude00` é 😀)"),
                ),
                _ => {
                    let sequence = quote(sequence);
                    Text::new(
                        format!("the escape `{sequence}` is not a Unicode character"),
                        format!("o escape `{sequence}` não é um caractere Unicode"),
                    )
                }
            }
        }
        // Raw line breaks in strings are found before (control characters), so the
        // text ends inside it: cut, as logs and copies cut long bodies.
        K::String(S::UnterminatedStringLiteral) => text(
            "the text ends before the string that starts here is closed by a double quote (was it cut?)",
            "o texto termina antes de a string que começa aqui ser fechada por aspas duplas (foi cortado?)",
        ),
        K::TrailingCommasNotAllowed => text(
            "trailing commas are not allowed",
            "vírgulas no fim de uma lista ou objeto não são permitidas",
        ),
        K::UnaryPlusNumbersNotAllowed => text(
            "a plus sign before a number is not allowed",
            "o sinal de mais antes de um número não é permitido",
        ),
        K::UnexpectedCloseBrace => text("unexpected close brace", "chave de fechamento inesperada"),
        K::UnexpectedCloseBracket => text("unexpected close bracket", "colchete de fechamento inesperado"),
        K::UnexpectedColon => text("unexpected colon", "dois-pontos inesperados"),
        K::UnexpectedComma => text("unexpected comma", "vírgula inesperada"),
        K::UnexpectedToken => text("unexpected token", "token inesperado"),
        K::UnexpectedTokenInObject => text("unexpected token in object", "token inesperado no objeto"),
        K::UnexpectedWord => text("unexpected word", "palavra inesperada"),
        K::UnterminatedArray => text(
            "the text ends before the array that starts here is closed by `]` (was it cut?)",
            "o texto termina antes de a lista que começa aqui ser fechada por `]` (foi cortado?)",
        ),
        K::UnterminatedCommentBlock => text("a comment block is not closed", "um bloco de comentário não é fechado"),
        K::UnterminatedObject => text(
            "the text ends before the object that starts here is closed by `}` (was it cut?)",
            "o texto termina antes de o objeto que começa aqui ser fechado por `}` (foi cortado?)",
        ),
        K::NestingDepthExceeded => text(
            "maximum nesting depth exceeded",
            "profundidade máxima de aninhamento excedida",
        ),
    }
}

/// The character the scanner could not read at byte `at`, named for what it is and
/// what JSON writes instead: a typographic quote (word processors and chat apps turn
/// `"` into `“`), a full-width form, `=` or `;` for `:` and `,`, an ellipsis, and an
/// invisible or control character by its code point (shown, it would be nothing or
/// would rewrite a terminal). Any other character is named with what JSON expects where
/// it stands. `None` past the end of the text.
fn unexpected_character(body: &str, at: usize) -> Option<Text<String>> {
    let ch = body.get(at..)?.chars().next()?;
    let code = u32::from(ch);
    let detail = match ch {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}'
        | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => Text::new(
            format!("`{ch}` is a typographic quote, as word processors and chat apps write them; JSON strings take straight double quotes `\"`"),
            format!("`{ch}` é uma aspa tipográfica, como editores de texto e apps de chat as escrevem; strings JSON usam aspas duplas retas `\"`"),
        ),
        '\u{FF01}'..='\u{FF5E}' => {
            let ascii = char::from_u32(code - 0xFEE0)?;
            Text::new(
                format!("`{ch}` is a full-width character, as some keyboards type it; JSON takes the ASCII `{ascii}`"),
                format!("`{ch}` é um caractere de largura total, como alguns teclados o digitam; o JSON usa o `{ascii}` ASCII"),
            )
        }
        '\u{2026}' => text(
            "`…` (an ellipsis, as shortened examples write) is not JSON: write the whole value or remove it",
            "`…` (reticências, como exemplos encurtados escrevem) não é JSON: escreva o valor inteiro ou remova-o",
        ),
        '=' => text(
            "JSON separates a name from its value with `:`, not `=`",
            "o JSON separa um nome do seu valor com `:`, não com `=`",
        ),
        ';' => text(
            "JSON separates members and items with `,`, not `;`",
            "o JSON separa membros e itens com `,`, não com `;`",
        ),
        '\u{1B}' => text(
            "control character U+001B (escape) is not JSON: it starts a terminal's colour codes; copy the text without them",
            "o caractere de controle U+001B (escape) não é JSON: ele inicia os códigos de cor de um terminal; copie o texto sem eles",
        ),
        _ if ch.is_control() => Text::new(
            format!("control character U+{code:04X} cannot stand outside a string in JSON: delete it"),
            format!("o caractere de controle U+{code:04X} não pode estar fora de uma string no JSON: apague-o"),
        ),
        _ if invisible(ch) => Text::new(
            format!("U+{code:04X}, an invisible character (as web pages and chat apps copy them), cannot stand between JSON tokens: delete it"),
            format!("U+{code:04X}, um caractere invisível (como páginas web e apps de chat o copiam), não pode estar entre tokens JSON: apague-o"),
        ),
        _ => {
            let (en, pt) = expected_at(body, at);
            Text::new(
                format!("`{ch}` (U+{code:04X}) cannot stand here: JSON expects {en}"),
                format!("`{ch}` (U+{code:04X}) não pode estar aqui: o JSON espera {pt}"),
            )
        }
    };
    Some(detail)
}

/// Characters that show as nothing: zero-width spaces and joiners, the soft hyphen,
/// word joiners, variation selectors and the bidirectional controls.
fn invisible(ch: char) -> bool {
    matches!(
        ch,
        '\u{00AD}' | '\u{034F}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}'
    ) || is_bidi_control(ch)
}

/// What JSON expects at byte `at`, in each language, from the tokens before it (the
/// parser read them without error): one pass, on the error path only.
fn expected_at(body: &str, at: usize) -> (&'static str, &'static str) {
    let bytes = &body.as_bytes()[..at.min(body.len())];
    // The open containers' brackets, and the last token: `{`, `[`, `,`, `:`, `k` for a
    // name, `v` for a value's end.
    let mut open = Vec::new();
    let mut last = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let name = open.last() == Some(&b'{') && matches!(last, Some(b'{' | b','));
                last = Some(if name { b'k' } else { b'v' });
            }
            bracket @ (b'{' | b'[') => {
                open.push(bracket);
                last = Some(bracket);
            }
            b'}' | b']' => {
                open.pop();
                last = Some(b'v');
            }
            punctuation @ (b',' | b':') => last = Some(punctuation),
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => last = Some(b'v'),
        }
        i += 1;
    }
    let in_object = open.last() == Some(&b'{');
    match last {
        None => ("the body's `{` here", "o `{` do corpo aqui"),
        Some(b'{') => ("a name in double quotes or `}`", "um nome entre aspas duplas ou `}`"),
        Some(b'[') => ("a value or `]`", "um valor ou `]`"),
        Some(b',') if in_object => ("a name in double quotes", "um nome entre aspas duplas"),
        Some(b',' | b':') => ("a value", "um valor"),
        Some(b'k') => ("`:` after the name", "`:` depois do nome"),
        _ if open.is_empty() => ("nothing after the end of the body", "nada depois do fim do corpo"),
        _ if in_object => ("`,` or `}`", "`,` ou `}`"),
        _ => ("`,` or `]`", "`,` ou `]`"),
    }
}

/// The number the parser stopped in when it stopped at byte `at` because a `0` began
/// it and a digit followed (`01`, `-007`): JSON forbids leading zeros, and the parser
/// only says it expected a comma.
fn leading_zero(body: &str, at: usize) -> Option<&str> {
    let bytes = body.as_bytes();
    if !bytes.get(at)?.is_ascii_digit() || bytes.get(at.checked_sub(1)?) != Some(&b'0') {
        return None;
    }
    let zero = at - 1;
    let start = match zero.checked_sub(1).map(|i| bytes[i]) {
        Some(b'-') => zero - 1,
        Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'+') => return None,
        _ => zero,
    };
    let end = at
        + bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
            .count();
    body.get(start..end)
}

/// A strict-JSON text as a `serde_json::Value`, read by the engine's own reader (its
/// tree, then [`to_value`]); `None` when it is not strict JSON. The one way the engine
/// turns text into a JSON value.
pub fn json_value(text: &str) -> Option<Value> {
    tree(text).map(|tree| to_value(&tree.root()))
}

/// The plain JSON value of a tree that passed [`parse`]. Repeated keys keep the last
/// value, as `serde_json` does. A number too large for `f64` becomes `null` (RFC 8259
/// leaves such numbers to the implementation; no invite property is a number).
pub fn to_value(node: &Node<'_>) -> Value {
    match node {
        Node::Object(object) => {
            let mut map = Map::with_capacity(object.properties.len());
            for prop in &object.properties {
                map.insert(prop.name.value.to_owned(), to_value(&prop.value));
            }
            Value::Object(map)
        }
        Node::Array(array) => {
            // Made at its size: grown by doubling, 33 M small elements left 1 GB spare.
            let mut values = Vec::with_capacity(array.elements.len());
            values.extend(array.elements.iter().map(|element| to_value(&element)));
            Value::Array(values)
        }
        Node::StringLit(string) => Value::String(string.value.to_string()),
        Node::NumberLit(number) => number.value.parse::<Number>().map_or(Value::Null, Value::Number),
        Node::BooleanLit(boolean) => Value::Bool(boolean.value),
        Node::NullKeyword(_) => Value::Null,
    }
}

/// A tree value that serializes exactly as its [`to_value`] would, without making that
/// value: a report streams a large body as it writes it (a 64 MiB body of small numbers
/// was 2.4 GB as a `Value`, 36 times its text).
#[derive(Clone, Copy, Debug)]
pub struct Json<'t>(pub Node<'t>);

impl serde::Serialize for Json<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self.0 {
            Node::Object(object) => {
                let mut map = serializer.serialize_map(None)?;
                for (name, value) in object.unique() {
                    map.serialize_entry(name, &Json(value))?;
                }
                map.end()
            }
            Node::Array(array) => {
                let mut seq = serializer.serialize_seq(None)?;
                for element in &array.elements {
                    seq.serialize_element(&Json(element))?;
                }
                seq.end()
            }
            Node::StringLit(string) => serializer.serialize_str(string.value),
            Node::NumberLit(number) => match number.value.parse::<Number>() {
                Ok(number) => number.serialize(serializer),
                Err(_) => serializer.serialize_unit(),
            },
            Node::BooleanLit(boolean) => serializer.serialize_bool(boolean.value),
            Node::NullKeyword(_) => serializer.serialize_unit(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each syntax error says what is wrong in both languages (the parser's own words
    /// are English only), and a bare word is named with the language that writes it so.
    #[test]
    fn syntax_errors_are_said_in_each_language_and_bare_words_are_named() {
        let detail = |body: &str| {
            let mut sink = Sink::new(body, 0);
            assert!(parse(body, &mut sink).is_none(), "{body}");
            match sink.finish().remove(0).rule {
                Rule::JsonSyntax { detail, .. } => detail,
                other => panic!("{body}: {other:?}"),
            }
        };
        let cases = [
            (r#"{"x": True}"#, "`True` is how Python writes it; JSON writes `true`"),
            (
                r#"{"x": [1, False]}"#,
                "`False` is how Python writes it; JSON writes `false`",
            ),
            ("None", "`None` is how Python writes it; JSON writes `null`"),
            (r#"{"x": undefined}"#, "`undefined` is JavaScript's, not JSON"),
            (r#"{"x": NaN}"#, "`NaN` is not a JSON number"),
            ("{ value: 1 }", "the name `value` needs double quotes: `\"value\"`"),
            (r#"{"x": tru}"#, "`tru` is not a JSON value"),
            ("{'value': 1}", "single-quoted strings are not allowed"),
            (r#"{"a":1} // c"#, "comments are not allowed"),
            (r#"{"a": "\q"}"#, "invalid escape in a string"),
            (r#"{"a": "\u12"}"#, "expected four hex digits"),
            (r#"{"a": 1,}"#, "trailing commas are not allowed"),
            (r#"{"a" 1}"#, "expected a colon after the property's name"),
            (
                r#"{"a": "x"#,
                "the text ends before the string that starts here is closed",
            ),
            ("[1", "the text ends before the array that starts here is closed by `]`"),
            (
                r#"{"a":1"#,
                "the text ends before the object that starts here is closed by `}`",
            ),
            (r#"{"a": +1}"#, "a plus sign before a number is not allowed"),
            (r#"{"a": .5}"#, "leading or trailing decimal points"),
            (r#"{"a": 1e}"#, "expected plus, minus or a digit"),
            (r#"{"a": 0x1F}"#, "hexadecimal numbers are not allowed"),
            (r#"{"a": 01}"#, "the number `01` starts with a zero"),
            (r#"[-007.5, 1]"#, "the number `-007.5` starts with a zero"),
            ("curl -X POST 'https://graph.microsoft.com'", "this is a cURL command"),
            (
                "curl https://graph.microsoft.com/v1.0/x -d '{}'",
                "this is a cURL command",
            ),
            ("# error: x\ncurl -X POST https://x", "this is a cURL command"),
            ("{} {}", "a second JSON value starts here"),
            (
                "@body.json",
                "`@body.json` is how cURL sends a file's contents (`-d @file`); put the contents of `body.json` here",
            ),
            ("\n @body.json\n", "put the contents of `body.json` here"),
            ("@ body.json", "`@` (U+0040) cannot stand here"),
            ("{\"a\": @x}", "`@` (U+0040) cannot stand here"),
            ("{“a”: 1}", "`“` is a typographic quote"),
            (
                "{\"a\"：1}",
                "`：` is a full-width character, as some keyboards type it; JSON takes the ASCII `:`",
            ),
            ("{\"a\": […]}", "`…` (an ellipsis"),
            ("{\"a\"=1}", "with `:`, not `=`"),
            ("{\"a\":1;\"b\":2}", "with `,`, not `;`"),
            ("{}\u{1b}[0m", "U+001B (escape)"),
            ("{}\u{0}", "control character U+0000 cannot stand outside a string"),
            ("{\"a\":[1\u{7f}]}", "control character U+007F"),
            ("{}\u{200b}", "U+200B, an invisible character"),
            (
                "{\"a\":\"\\ud800\"}",
                "the escape `\\ud800` is half of a UTF-16 surrogate pair",
            ),
            ("{\"a\":\"\\udc00x\"}", "the escape `\\udc00` is half"),
            ("#", "`#` (U+0023) cannot stand here: JSON expects the body's `{` here"),
            ("{#", "JSON expects a name in double quotes or `}`"),
            ("{\"a\":1,#", "JSON expects a name in double quotes"),
            ("{\"a\":[1,#", "JSON expects a value"),
            ("{\"a\":#", "JSON expects a value"),
            ("{\"a\"#", "JSON expects `:` after the name"),
            ("{\"a\":\"x,{\" #", "JSON expects `,` or `}`"),
            ("{\"a\":[\"}\\\"\" #", "JSON expects `,` or `]`"),
            ("{\"a\":[]}@", "JSON expects nothing after the end of the body"),
            ("{\"a\": \"\u{1}\"}", "control character U+0001"),
            ("\u{feff}{}", "byte-order mark"),
            ("{\u{a0}}", "U+00A0 is not JSON whitespace"),
        ];
        for (body, en) in cases {
            let detail = detail(body);
            assert!(detail.en.contains(en), "{body}: {}", detail.en);
            assert_ne!(detail.en, detail.pt, "{body}: not translated");
        }
        // A bare word is cut as any quoted culprit is.
        let long = format!("[{}]", "w".repeat(500));
        assert!(detail(&long).en.len() < 200);
    }

    #[test]
    fn lexical_problems_are_found_wherever_they_fall_between_tokens() {
        // Each character JSON forbids between tokens, after every amount of plain
        // whitespace and structure (so at every offset in an eight-byte word), in a
        // body whose first key holds the same character (raw where a string may hold
        // it, escaped where it is a control character).
        for bad in ['\u{0b}', '\u{0c}', '\u{a0}', '\u{2028}', '\u{feff}'] {
            let in_key = if bad.is_control() {
                format!("\\u{:04x}", u32::from(bad))
            } else {
                bad.to_string()
            };
            for pad in 0..20 {
                let before = format!("{{\"k{in_key}\": [1, 2],{}", " ".repeat(pad));
                let body = format!("{before}{bad}\"v\": true}}");
                let Lexical::Problem(range, detail) = lexical_problem(&body) else {
                    panic!("{body:?}")
                };
                assert_eq!(
                    (range.start, range.end),
                    (before.len(), before.len() + bad.len_utf8()),
                    "{body:?}"
                );
                let code = format!("{:04X}", u32::from(bad));
                assert!(detail.en.contains(&code) && detail.pt.contains(&code), "{detail:?}");
            }
        }
        // Non-ASCII inside strings and plain whitespace of every length: nothing to report.
        for pad in 0..20 {
            let body = format!("{{{}\"é漢\": \"😀\u{a0}\"}}\r\n", " \t\n".repeat(pad));
            assert!(
                matches!(lexical_problem(&body), Lexical::Clean { bidi: false }),
                "{body:?}"
            );
        }
    }

    /// The pass notes a raw bidirectional control in a string at every offset in an
    /// eight-byte word, before or after other characters of the same lead byte, and
    /// nothing for those characters, an escape or a control between tokens.
    #[test]
    fn the_lexical_pass_notes_a_hidden_bidirectional_control_in_a_string() {
        let bidi = |body: &str| match lexical_problem(body) {
            Lexical::Clean { bidi } => bidi,
            Lexical::Problem(_, detail) => panic!("{body:?}: {}", detail.en),
        };
        for pad in 0..20 {
            let x = "x".repeat(pad);
            for value in [format!("{x}\u{202e}"), format!("{x}…\u{2067}—"), format!("\u{61c}{x}…")] {
                assert!(bidi(&format!(r#"{{"k":"{value}"}}"#)), "{value:?}");
            }
            let innocent = "…—\u{200d}\u{2060}مرحبا \\u202e";
            assert!(!bidi(&format!(r#"{{"k{x}":"{innocent}"}}"#)), "{pad}");
        }
    }

    #[test]
    fn number_grammar_is_rfc_8259() {
        for good in ["0", "-0", "12", "1.5", "1e9", "-1.25E-3", "0.0e+1"] {
            assert!(is_json_number(good), "{good}");
        }
        for bad in ["01", "1.", ".5", "+1", "1e", "-", "0x1F", "1.e3", "--1", "Infinity"] {
            assert!(!is_json_number(bad), "{bad}");
        }
    }
}
