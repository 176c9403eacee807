//! Reads what the user pasted: a bare JSON body, or an HTTP request message whose head
//! (request line and headers) is split from its body. No rule lives here, only structure.

use crate::engine::source::Span;

/// The largest input the front ends accept (the CLI's `--max-bytes` default): far above
/// any real invite, and low enough that memory stays bounded.
pub const MAX_INPUT: usize = 64 * 1024 * 1024;

/// A piece of the input text with its place in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Located<'a> {
    pub text: &'a str,
    pub span: Span,
}

impl<'a> Located<'a> {
    fn new(text: &'a str, start: usize) -> Self {
        Self {
            text,
            span: Span::new(start, start + text.len()),
        }
    }
}

/// One `Name: value` header line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header<'a> {
    pub name: Located<'a>,
    pub value: Located<'a>,
}

/// A head line that is neither blank nor `Name: value`.
pub type MalformedLine<'a> = Located<'a>;

/// The head of an HTTP message: a request's, or a response's in the docs' fixtures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpHead<'a> {
    /// The whole first line (request line or status line).
    pub request_line: Located<'a>,
    /// The whitespace-separated words of the first line.
    pub words: Vec<Located<'a>>,
    pub headers: Vec<Header<'a>>,
    pub malformed: Vec<MalformedLine<'a>>,
}

impl<'a> HttpHead<'a> {
    /// The first header called `name` (case-insensitive, as HTTP says).
    pub fn header(&self, name: &str) -> Option<&Header<'a>> {
        self.headers
            .iter()
            .find(|header| header.name.text.eq_ignore_ascii_case(name))
    }

    /// Every header as an owned name and value, in text order.
    pub fn header_pairs(&self) -> Vec<(String, String)> {
        self.headers
            .iter()
            .map(|header| (header.name.text.to_owned(), header.value.text.to_owned()))
            .collect()
    }
}

/// The input split into an optional HTTP head and the body text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitInput<'a> {
    pub head: Option<HttpHead<'a>>,
    /// The body exactly as written (for HTTP input: everything after the blank line).
    pub body: &'a str,
    /// Where `body` starts in the whole text.
    pub body_offset: usize,
}

/// Splits `text`, deciding by content whether it is an HTTP message or a JSON body.
pub fn split(text: &str) -> SplitInput<'_> {
    if looks_like_http(text) {
        split_head(text)
    } else {
        body_only(text)
    }
}

/// Splits a message known to be HTTP when it starts with a word: a request or a
/// response (`HTTP/1.1 200 OK`), as the docs print them, or a bare notification body.
/// Text that starts with anything else (JSON, a byte-order mark before it, a character
/// that was not UTF-8) is a body, judged as one, never a status line.
pub fn split_message(text: &str) -> SplitInput<'_> {
    if text.trim_start().starts_with(|ch: char| ch.is_ascii_alphabetic()) {
        split_head(text)
    } else {
        body_only(text)
    }
}

fn body_only(text: &str) -> SplitInput<'_> {
    SplitInput {
        head: None,
        body: text,
        body_offset: 0,
    }
}

/// The head up to the first blank line, then the body; `text` has a non-blank line.
fn split_head(text: &str) -> SplitInput<'_> {
    let mut lines = LinesWithOffsets::new(text);
    let (first_offset, first) = lines
        .by_ref()
        .find(|(_, line)| !line.trim().is_empty())
        .unwrap_or((0, ""));
    let request_line = Located::new(first.trim_end(), first_offset);
    let words = words(request_line);
    let mut headers = Vec::new();
    let mut malformed = Vec::new();
    let mut body_offset = text.len();
    for (offset, line) in lines {
        let trimmed = line.trim_end();
        if trimmed.trim_start().is_empty() {
            body_offset = offset + line.len();
            body_offset += newline_len(&text[body_offset..]);
            break;
        }
        // A pasted message sometimes lacks the blank line: the body starts at `{`/`[`.
        if trimmed.starts_with('{') || trimmed.starts_with('[') {
            body_offset = offset;
            break;
        }
        match trimmed.split_once(':') {
            Some((name, value)) if is_token(name) => {
                let value_start = offset + name.len() + 1;
                let leading = value.len() - value.trim_start().len();
                headers.push(Header {
                    name: Located::new(name, offset),
                    value: Located::new(value.trim(), value_start + leading),
                });
            }
            _ => malformed.push(Located::new(trimmed, offset)),
        }
    }
    SplitInput {
        head: Some(HttpHead {
            request_line,
            words,
            headers,
            malformed,
        }),
        body: &text[body_offset..],
        body_offset,
    }
}

/// HTTP when the first line starts like a request line: an upper-case method token
/// (`POST`, `GET`), or any word but `curl` followed by a path or URL (`post /x`).
/// Anything else, `true` and `abc` included, is read as JSON.
///
/// It reads only as far as the start of the second word: a minified body is one line
/// of megabytes, and cutting it into words first cost a 4 MiB paste 50 ms in wasm.
fn looks_like_http(text: &str) -> bool {
    let text = text.trim_start();
    let method_len = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (method, rest) = text.split_at(method_len);
    let is_method = method.len() >= 3 && method.bytes().all(|b| b.is_ascii_uppercase());
    match rest.chars().next() {
        // The first word is not all letters: not a method.
        _ if method.is_empty() => false,
        // `curl https://…` is a command, not a request line: read as JSON, its first
        // word gets the cURL hint (`syntax::parser_detail`).
        _ if method == "curl" => false,
        Some(after) if !after.is_whitespace() => false,
        // The line holds the method alone.
        None | Some('\n') => is_method,
        Some(_) => {
            let target = rest.trim_start_matches(|ch: char| ch.is_whitespace() && ch != '\n');
            is_method || target.starts_with('/') || target.starts_with("http")
        }
    }
}

fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte))
}

fn words(line: Located<'_>) -> Vec<Located<'_>> {
    // One pass over the characters: a `find` per word with a predicate pattern cost a
    // docs example a tenth of its check.
    let mut out = Vec::new();
    let mut start = None;
    for (at, ch) in line.text.char_indices() {
        match (ch.is_whitespace(), start) {
            (false, None) => start = Some(at),
            (true, Some(from)) => {
                out.push(Located::new(&line.text[from..at], line.span.start + from));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        out.push(Located::new(&line.text[from..], line.span.start + from));
    }
    out
}

fn newline_len(rest: &str) -> usize {
    if rest.starts_with("\r\n") {
        2
    } else if rest.starts_with('\n') {
        1
    } else {
        0
    }
}

/// Lines without their `\n` (a `\r` stays for `trim_end`), each with its byte offset.
struct LinesWithOffsets<'a> {
    text: &'a str,
    offset: usize,
}

impl<'a> LinesWithOffsets<'a> {
    fn new(text: &'a str) -> Self {
        Self { text, offset: 0 }
    }
}

impl<'a> Iterator for LinesWithOffsets<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.offset >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.offset..];
        let (line, advance) = match rest.find('\n') {
            Some(newline) => (&rest[..newline], newline + 1),
            None => (rest, rest.len()),
        };
        let start = self.offset;
        self.offset += advance;
        Some((start, line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_body_has_no_head() {
        for text in ["{}", "  [1]", "null", "true", "\"x\"", "", "abc", "aå", "nul"] {
            let split = split(text);
            assert!(split.head.is_none(), "{text}");
            assert_eq!(split.body, text);
        }
    }

    #[test]
    fn a_request_line_makes_it_http() {
        for text in [
            "POST",
            "POST /x",
            "get /communications/calls",
            "Post https://graph.microsoft.com/beta/x",
        ] {
            assert!(split(text).head.is_some(), "{text}");
        }
    }

    #[test]
    fn an_http_message_splits_at_the_blank_line() {
        let text = "POST /x HTTP/1.1\r\nContent-Type: application/json\r\nbad line\r\n\r\n{\"a\":1}";
        let split = split(text);
        let head = split.head.unwrap();
        assert_eq!(head.request_line.text, "POST /x HTTP/1.1");
        assert_eq!(
            head.words.iter().map(|w| w.text).collect::<Vec<_>>(),
            ["POST", "/x", "HTTP/1.1"]
        );
        assert_eq!(head.header("content-type").unwrap().value.text, "application/json");
        assert_eq!(head.malformed[0].text, "bad line");
        assert_eq!(split.body, "{\"a\":1}");
        assert_eq!(&text[split.body_offset..], split.body);
        let value = head.header("Content-Type").unwrap().value;
        assert_eq!(&text[value.span.start..value.span.end], "application/json");
    }

    #[test]
    fn a_body_without_the_blank_line_still_starts_at_the_brace() {
        let split = split("POST /x\nContent-Type: application/json\n{\n}");
        assert_eq!(split.body, "{\n}");
        assert_eq!(split.head.unwrap().headers.len(), 1);
    }

    /// `looks_like_http` reads only the first two words' starts; it must decide as
    /// cutting the whole first line into words decides.
    #[test]
    fn the_bounded_look_at_the_first_line_decides_as_the_words_do() {
        fn by_words(text: &str) -> bool {
            let first_line = text.trim_start().lines().next().unwrap_or("");
            let mut words = first_line.split_whitespace();
            let Some(method) = words.next() else { return false };
            let is_method = method.len() >= 3 && method.bytes().all(|b| b.is_ascii_uppercase());
            let target_follows = words
                .next()
                .is_some_and(|target| target.starts_with('/') || target.starts_with("http"));
            method != "curl" && method.bytes().all(|b| b.is_ascii_alphabetic()) && (is_method || target_follows)
        }
        let heads = [
            "",
            "POST",
            "post",
            "curl",
            "CURL",
            "Po",
            "PO",
            "POSTé",
            "P0ST",
            "{",
            "é",
            "  \n\t GET",
        ];
        let gaps = [
            "", " ", "\t", "\r", "\r\n", "\n", " \n", "\u{a0}", "\u{2028}", "  \r\n ",
        ];
        let tails = ["", "/x", "https://graph", "http", "x/", "{\"a\":1}", "\n/x", " /x"];
        for head in heads {
            for gap in gaps {
                for tail in tails {
                    let text = format!("{head}{gap}{tail}");
                    assert_eq!(looks_like_http(&text), by_words(&text), "{text:?}");
                }
            }
        }
    }
}
