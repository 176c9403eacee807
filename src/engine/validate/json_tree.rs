//! The positioned JSON tree: strict RFC 8259 text read into `jsonc-parser`'s AST with
//! every leniency off, every object and array sized exactly, and the common tokens
//! scanned eight bytes at a time.
//!
//! `jsonc_parser::parse_to_ast` grows each object's and array's `Vec` by doubling from
//! four and never gives the spare room back: an object of one property holds four
//! 112-byte slots, and an error-heavy 64 MiB list of small participants made a tree 26
//! times the text. Its scanner reads strings a byte at a time (two thirds of checking a
//! large valid body). This builder follows `parse_to_ast` step for step (the tests
//! below compare the two on JSONTestSuite, on every structure error and on generated
//! token soup: same trees, same errors, same ranges), gives each container's spare room
//! back when it closes (`shrink_to_fit`), scans whitespace, punctuation, plain
//! strings, plain integers and the three literals itself, and hands every other token
//! (escapes, fractions, signs, words, comments) to `jsonc-parser`'s own scanner started
//! at that token, so its rules and messages stay the reference.

use std::borrow::Cow;

use jsonc_parser::ast::{
    Array, BooleanLit, NullKeyword, NumberLit, Object, ObjectProp, ObjectPropName, StringLit, Value,
};
use jsonc_parser::common::Range;
use jsonc_parser::errors::{ParseError, ParseErrorKind};
use jsonc_parser::tokens::Token;
use jsonc_parser::{Scanner, ScannerOptions};

use crate::engine::source::swar;

/// `parse_to_ast`'s own nesting limit, counted as it counts: every object, array and
/// object property open at once.
const NESTING_LIMIT: usize = 512;

/// The scanner with every leniency off (single quotes, hex, `+1`, `.5`, `NaN`, `\x41`).
const STRICT: ScannerOptions = ScannerOptions {
    allow_single_quoted_strings: false,
    allow_hexadecimal_numbers: false,
    allow_unary_plus_numbers: false,
    allow_bare_decimal_point_numbers: false,
    allow_non_finite_numbers: false,
    allow_extended_string_escapes: false,
};

/// Why a text is not strict JSON: the scanner's error for a bad token (its range counted
/// from `.1`, where the scanner was started), or the structure's (a missing comma, an
/// unterminated object…) with the range `parse_to_ast` gives it.
#[derive(Debug)]
pub(super) enum Failure {
    Scan(ParseError, usize),
    At(Range, ParseErrorKind),
}

impl Failure {
    pub(super) fn kind(&self) -> &ParseErrorKind {
        match self {
            Failure::Scan(error, _) => error.kind(),
            Failure::At(_, kind) => kind,
        }
    }

    pub(super) fn range(&self) -> Range {
        match self {
            Failure::Scan(error, from) => {
                let range = error.range();
                Range::new(range.start + from, range.end + from)
            }
            Failure::At(range, _) => *range,
        }
    }
}

/// The tree of `text` as strict RFC 8259 JSON (`None` for text with no value at all),
/// or the first reason it is not.
pub(super) fn parse(text: &str) -> Result<Option<Value<'_>>, Failure> {
    let mut builder = Builder {
        text,
        current: None,
        token_start: 0,
        token_end: 0,
        open: Vec::new(),
    };
    builder.scan()?;
    let value = builder.value()?;
    if builder.scan()?.is_some() {
        return Err(builder.error(ParseErrorKind::MultipleRootJsonValues));
    }
    Ok(value)
}

/// Where the run of plain string bytes starting at `at` ends: the first `"`, `\\` or
/// control character, or the end. Eight bytes at a time: the 4 MiB of a long string
/// value is most of a large body, and a byte loop was half of `check`'s time on one
/// (perf, valid-4m natively).
pub(super) fn plain_run_end(bytes: &[u8], at: usize) -> usize {
    swar::next_marked(bytes, at, |word| {
        swar::below(word, 0x20) | swar::equal(word, b'"') | swar::equal(word, b'\\')
    })
    .unwrap_or(bytes.len())
}

struct Builder<'a> {
    text: &'a str,
    /// The token just scanned, moved into the tree when it becomes a node.
    current: Option<Token<'a>>,
    token_start: usize,
    token_end: usize,
    /// Where each open object, array and property starts (`parse_to_ast`'s range stack).
    open: Vec<usize>,
}

impl<'a> Builder<'a> {
    /// The next token; comments are not JSON.
    fn scan(&mut self) -> Result<Option<&Token<'a>>, Failure> {
        self.current = self.next_token()?;
        if matches!(self.current, Some(Token::CommentLine(_) | Token::CommentBlock(_))) {
            return Err(self.error(ParseErrorKind::CommentsNotAllowed));
        }
        Ok(self.current.as_ref())
    }

    /// The token after the current one: the common ones here, the rest by
    /// `jsonc-parser`'s scanner.
    fn next_token(&mut self) -> Result<Option<Token<'a>>, Failure> {
        let bytes = self.text.as_bytes();
        let mut at = self.token_end;
        while matches!(bytes.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            at += 1;
        }
        let (token, end) = match bytes.get(at) {
            None => (None, at),
            Some(b'{') => (Some(Token::OpenBrace), at + 1),
            Some(b'}') => (Some(Token::CloseBrace), at + 1),
            Some(b'[') => (Some(Token::OpenBracket), at + 1),
            Some(b']') => (Some(Token::CloseBracket), at + 1),
            Some(b',') => (Some(Token::Comma), at + 1),
            Some(b':') => (Some(Token::Colon), at + 1),
            Some(b'"') => match plain_run_end(bytes, at + 1) {
                close if bytes.get(close) == Some(&b'"') => {
                    (Some(Token::String(Cow::Borrowed(&self.text[at + 1..close]))), close + 1)
                }
                _ => return self.scanned_by_jsonc(at),
            },
            Some(b'1'..=b'9') => {
                let end = digits_end(bytes, at + 1);
                if matches!(bytes.get(end), Some(b'.' | b'e' | b'E')) {
                    return self.scanned_by_jsonc(at);
                }
                (Some(Token::Number(&self.text[at..end])), end)
            }
            Some(b't' | b'f' | b'n') => {
                let literal = [
                    ("true", Token::Boolean(true)),
                    ("false", Token::Boolean(false)),
                    ("null", Token::Null),
                ]
                .into_iter()
                .find(|(word, _)| bytes[at..].starts_with(word.as_bytes()));
                match literal {
                    // jsonc-parser's `try_move_word` refuses a literal that runs on into a word.
                    Some((word, token)) if ends_a_word(bytes.get(at + word.len())) => (Some(token), at + word.len()),
                    _ => return self.scanned_by_jsonc(at),
                }
            }
            Some(_) => return self.scanned_by_jsonc(at),
        };
        self.token_start = at;
        self.token_end = end;
        Ok(token)
    }

    /// The token at `at` as `jsonc-parser`'s scanner reads it (whitespace JSON does not
    /// have, escapes, fractions, signs, words, comments, and every error).
    fn scanned_by_jsonc(&mut self, at: usize) -> Result<Option<Token<'a>>, Failure> {
        let mut scanner = Scanner::new(&self.text[at..], &STRICT);
        let token = scanner.scan().map_err(|error| Failure::Scan(error, at))?;
        self.token_start = at + scanner.token_start();
        self.token_end = at + scanner.token_end();
        Ok(token)
    }

    fn token_range(&self) -> Range {
        Range::new(self.token_start, self.token_end)
    }

    fn start(&mut self) {
        self.open.push(self.token_start);
    }

    fn end(&mut self) -> Range {
        let start = self.open.pop().expect("every range ended was started");
        Range::new(start, self.token_end)
    }

    /// An error at the current token, or at the character after it when there is none
    /// (the scanner's own rule).
    fn error(&self, kind: ParseErrorKind) -> Failure {
        let (start, end) = (self.token_start, self.token_end);
        let end = if end > start {
            end
        } else {
            self.text[end..]
                .chars()
                .next()
                .map_or(self.text.len(), |c| end + c.len_utf8())
        };
        Failure::At(Range::new(start, end), kind)
    }

    /// An error spanning the innermost open object, array or property.
    fn error_for_open(&mut self, kind: ParseErrorKind) -> Failure {
        Failure::At(self.end(), kind)
    }

    fn value(&mut self) -> Result<Option<Value<'a>>, Failure> {
        if self.open.len() > NESTING_LIMIT {
            return Err(self.error_for_open(ParseErrorKind::NestingDepthExceeded));
        }
        let range = self.token_range();
        let Some(token) = self.current.take() else {
            return Ok(None);
        };
        Ok(Some(match token {
            Token::OpenBrace => Value::Object(self.object()?),
            Token::OpenBracket => Value::Array(self.array()?),
            Token::String(value) => Value::StringLit(StringLit { range, value }),
            Token::Boolean(value) => Value::BooleanLit(BooleanLit { range, value }),
            Token::Number(value) => Value::NumberLit(NumberLit { range, value }),
            Token::Null => Value::NullKeyword(NullKeyword { range }),
            Token::CloseBracket => return Err(self.error(ParseErrorKind::UnexpectedCloseBracket)),
            Token::CloseBrace => return Err(self.error(ParseErrorKind::UnexpectedCloseBrace)),
            Token::Comma => return Err(self.error(ParseErrorKind::UnexpectedComma)),
            Token::Colon => return Err(self.error(ParseErrorKind::UnexpectedColon)),
            Token::Word(_) => return Err(self.error(ParseErrorKind::UnexpectedWord)),
            Token::CommentLine(_) | Token::CommentBlock(_) => {
                return Err(self.error(ParseErrorKind::CommentsNotAllowed))
            }
        }))
    }

    fn object(&mut self) -> Result<Object<'a>, Failure> {
        let mut properties = Vec::new();
        self.start();
        self.scan()?;
        loop {
            match self.current.take() {
                Some(Token::CloseBrace) => break,
                Some(Token::String(name)) => properties.push(self.property(name)?),
                None => return Err(self.error_for_open(ParseErrorKind::UnterminatedObject)),
                Some(Token::Word(_) | Token::Number(_) | Token::Boolean(_) | Token::Null) => {
                    // A bare name: `parse_to_ast` starts the property's range first.
                    self.start();
                    return Err(self.error(ParseErrorKind::ExpectedStringObjectProperty));
                }
                Some(_) => return Err(self.error(ParseErrorKind::UnexpectedTokenInObject)),
            }
            // What `parse_to_ast` takes for a member after a missing comma differs: a
            // name (or a word) in an object, any value in an array.
            self.separator(
                |token| matches!(token, Token::CloseBrace),
                |token| {
                    matches!(
                        token,
                        Token::String(_) | Token::Word(_) | Token::Number(_) | Token::Boolean(_) | Token::Null
                    )
                },
            )?;
        }
        properties.shrink_to_fit();
        Ok(Object {
            range: self.end(),
            properties,
        })
    }

    fn property(&mut self, name: Cow<'a, str>) -> Result<ObjectProp<'a>, Failure> {
        self.start();
        let name = ObjectPropName::String(StringLit {
            range: self.token_range(),
            value: name,
        });
        if !matches!(self.scan()?, Some(Token::Colon)) {
            return Err(self.error(ParseErrorKind::ExpectedColonAfterObjectKey));
        }
        self.scan()?;
        match self.value()? {
            Some(value) => Ok(ObjectProp {
                range: self.end(),
                name,
                value,
            }),
            None => Err(self.error(ParseErrorKind::ExpectedObjectValue)),
        }
    }

    fn array(&mut self) -> Result<Array<'a>, Failure> {
        let mut elements = Vec::new();
        self.start();
        self.scan()?;
        loop {
            match self.current {
                Some(Token::CloseBracket) => break,
                None => return Err(self.error_for_open(ParseErrorKind::UnterminatedArray)),
                _ => match self.value()? {
                    Some(value) => elements.push(value),
                    None => return Err(self.error_for_open(ParseErrorKind::UnterminatedArray)),
                },
            }
            self.separator(
                |token| matches!(token, Token::CloseBracket),
                |token| {
                    matches!(
                        token,
                        Token::OpenBrace
                            | Token::OpenBracket
                            | Token::String(_)
                            | Token::Boolean(_)
                            | Token::Number(_)
                            | Token::Null
                    )
                },
            )?;
        }
        elements.shrink_to_fit();
        Ok(Array {
            range: self.end(),
            elements,
        })
    }

    /// What follows a member of an object or array: a comma, not before the closing
    /// token (`closes`), or else no member (`member` marks what would be one).
    fn separator(&mut self, closes: fn(&Token<'_>) -> bool, member: fn(&Token<'_>) -> bool) -> Result<(), Failure> {
        let after_member = self.token_end;
        match self.scan()? {
            Some(Token::Comma) => {
                let comma = self.token_range();
                if self.scan()?.is_some_and(closes) {
                    return Err(Failure::At(comma, ParseErrorKind::TrailingCommasNotAllowed));
                }
            }
            Some(token) if member(token) => {
                let at = Range::new(after_member, after_member);
                return Err(Failure::At(at, ParseErrorKind::ExpectedComma));
            }
            _ => {}
        }
        Ok(())
    }
}

/// Where the digits starting at `at` end.
fn digits_end(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_digit) {
        at += 1;
    }
    at
}

/// Whether the byte after a literal ends it where `jsonc-parser` would: punctuation,
/// JSON whitespace or the end of the text. Anything else goes to its scanner.
fn ends_a_word(next: Option<&u8>) -> bool {
    matches!(
        next,
        None | Some(b',' | b'}' | b']' | b':' | b' ' | b'\t' | b'\n' | b'\r')
    )
}

#[cfg(test)]
mod tests {
    use jsonc_parser::{parse_to_ast, CollectOptions, ParseOptions};

    use super::*;

    #[test]
    fn plain_runs_end_at_the_first_quote_backslash_or_control_wherever_it_falls() {
        // Every special byte at every offset around the 8-byte words, after plain ASCII
        // and after multi-byte UTF-8 (whose bytes are all >= 0x80).
        for filler in ["a", "é"] {
            for len in 0..24 {
                let plain = filler.repeat(len);
                for special in [b'"', b'\\', 0x00, 0x09, 0x1f] {
                    let mut bytes = plain.clone().into_bytes();
                    bytes.push(special);
                    bytes.extend_from_slice(b"tail\"");
                    for start in 0..=plain.len().min(9) {
                        assert_eq!(
                            plain_run_end(&bytes, start),
                            plain.len(),
                            "{filler} × {len}, {special:#x} from {start}"
                        );
                    }
                }
                // No special byte at all: the run ends with the text.
                assert_eq!(plain_run_end(plain.as_bytes(), 0), plain.len());
            }
        }
        // Bytes just above the specials are plain: space, `!`, `#`, `[`, `]`, DEL.
        let near = b" !#[]\x7f azAZ09 !#[]";
        assert_eq!(plain_run_end(near, 0), near.len());
    }

    /// `parse_to_ast` with every leniency off: what this module must agree with.
    fn reference(text: &str) -> Result<Option<Value<'_>>, (Range, String)> {
        let strict = ParseOptions {
            allow_comments: false,
            allow_loose_object_property_names: false,
            allow_trailing_commas: false,
            allow_missing_commas: false,
            allow_single_quoted_strings: false,
            allow_hexadecimal_numbers: false,
            allow_unary_plus_numbers: false,
            allow_bare_decimal_point_numbers: false,
            allow_non_finite_numbers: false,
            allow_extended_string_escapes: false,
        };
        parse_to_ast(text, &CollectOptions::default(), &strict)
            .map(|result| result.value)
            .map_err(|error| (error.range(), error.kind().to_string()))
    }

    fn assert_agrees(text: &str) {
        let ours = parse(text).map_err(|failure| (failure.range(), failure.kind().to_string()));
        assert_eq!(ours, reference(text), "on {text:?}");
    }

    #[test]
    fn agrees_with_parse_to_ast_on_the_json_test_suite() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/JSONTestSuite/test_parsing");
        let mut read = 0;
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            if let Ok(text) = std::str::from_utf8(&bytes) {
                assert_agrees(text);
                read += 1;
            }
        }
        assert!(read > 280, "the suite is incomplete: {read} UTF-8 files");
    }

    #[test]
    fn agrees_with_parse_to_ast_on_every_structure_error() {
        for text in [
            "",
            " ",
            "{",
            "[",
            "}",
            "]",
            ",",
            ":",
            "{}",
            "[]",
            "{,}",
            "[,]",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "[1,]",
            "{\"a\":1 \"b\":2}",
            "[1 2]",
            "[1 {}]",
            "[1 true]",
            "{\"a\":1 {}",
            "{a:1}",
            "{1:1}",
            "{true:1}",
            "{null:1}",
            "{[]:1}",
            "{\"a\":1 :",
            "[}",
            "{]",
            "[1,,2]",
            "{\"a\"::1}",
            "1 2",
            "{} {}",
            "[] x",
            "x",
            "nul",
            "tru",
            "// c\n{}",
            "{} /* c */",
            "{\"a\": /* c */ 1}",
            "'a'",
            "+1",
            ".5",
            "5.",
            "0x1F",
            "NaN",
            "-Infinity",
            "\"\\x41\"",
            "\"a",
            "\"\\u12\"",
            "{\"é\": \"ü\"}",
            "[\"\\ud83d\\ude00\"]",
            "{\"a\":[{\"b\":[1,2,{\"c\":null}]}]}",
            "é",
            "{é}",
            "[1,é]",
            "\u{feff}{}",
        ] {
            assert_agrees(text);
        }
    }

    #[test]
    fn agrees_with_parse_to_ast_at_the_nesting_limit() {
        for depth in [200, 255, 256, 257, 300, 511, 512, 513, 600] {
            assert_agrees(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
            assert_agrees(&"[".repeat(depth));
            assert_agrees(&format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)));
        }
    }

    #[test]
    fn agrees_with_parse_to_ast_on_generated_token_soup() {
        const PIECES: [&str; 48] = [
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"a\"",
            "\"é\\n\"",
            "\"x\\\"y\"",
            "1",
            "-0.5e3",
            "true",
            "false",
            "null",
            "nul",
            "tru",
            "// c\n",
            "/* c */",
            " ",
            "\n",
            "\r\n",
            "'s'",
            "+1",
            ".5",
            "0x1",
            "NaN",
            "\"open",
            "é",
            "\\",
            "\"a\":",
            "{\"k\":",
            "[[",
            "]]",
            "\t",
            "12",
            "0",
            "07",
            "1.",
            "1e",
            "x",
            "$",
            "\u{a0}",
            "\u{b}",
            "\"c\u{1}d\"",
            "\u{2028}",
            "\"\\u00e9\"",
            "true_",
            "-",
        ];
        // xorshift64: deterministic, no dependency.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut accepted = 0;
        for _ in 0..60_000 {
            let length = 1 + next() % 12;
            let text: String = (0..length)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            assert_agrees(&text);
            accepted += usize::from(matches!(parse(&text), Ok(Some(_))));
        }
        // The soup must reach whole trees as well as errors.
        assert!(accepted > 1_000, "only {accepted} texts parsed");
    }

    #[test]
    fn containers_hold_no_spare_room() {
        let Ok(Some(Value::Object(root))) = parse(r#"{"a": {"b": 1}, "c": [1, 2, 3, 4, 5], "d": []}"#) else {
            panic!("valid JSON");
        };
        assert_eq!(root.properties.capacity(), 3);
        let Value::Object(inner) = &root.properties[0].value else {
            panic!("an object")
        };
        assert_eq!(inner.properties.capacity(), 1);
        let Value::Array(list) = &root.properties[1].value else {
            panic!("an array")
        };
        assert_eq!(list.elements.capacity(), 5);
        // Large containers too.
        for count in [1023, 1024, 1025, 3079] {
            let text = format!("[{}]", vec![r#"{"a": [1], "b": {}}"#; count].join(","));
            let Ok(Some(Value::Array(list))) = parse(&text) else {
                panic!("valid JSON")
            };
            assert_eq!((list.elements.len(), list.elements.capacity()), (count, count));
            let Value::Object(first) = &list.elements[0] else {
                panic!("an object")
            };
            assert_eq!(first.properties.capacity(), 2);
            assert_agrees(&text);
        }
    }
}
