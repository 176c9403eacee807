//! Tokens for colouring a snippet: comments, strings, numbers and keywords, found with
//! each language's own quoting rules (so a `#` inside a Python string is not a comment
//! and PowerShell's `''` stays inside its string). Views map kinds to colours; the text
//! itself is never changed.

use super::SnippetLang;

/// What a piece of code is, for colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Plain,
    Comment,
    String,
    Number,
    Keyword,
}

impl TokenKind {
    /// The CSS class a view gives it.
    pub fn class(self) -> &'static str {
        match self {
            TokenKind::Plain => "tok-plain",
            TokenKind::Comment => "tok-comment",
            TokenKind::String => "tok-string",
            TokenKind::Number => "tok-number",
            TokenKind::Keyword => "tok-keyword",
        }
    }
}

/// How a language quotes and comments.
struct Syntax {
    line_comment: &'static str,
    /// Quote characters that open a string, and whether `\` escapes inside them.
    quotes: &'static [(char, bool)],
    keywords: &'static [&'static str],
}

fn syntax(lang: SnippetLang) -> Syntax {
    match lang {
        SnippetLang::CSharp => Syntax {
            line_comment: "//",
            quotes: &[('"', true)],
            keywords: &["using", "var", "new", "await", "true", "false", "null"],
        },
        SnippetLang::Go => Syntax {
            line_comment: "//",
            quotes: &[('"', true)],
            keywords: &["import", "true", "false", "nil", "map", "interface"],
        },
        SnippetLang::Java => Syntax {
            line_comment: "//",
            quotes: &[('"', true)],
            keywords: &["new", "var", "true", "false", "null"],
        },
        SnippetLang::JavaScript | SnippetLang::TypeScript => Syntax {
            line_comment: "//",
            quotes: &[('"', true)],
            keywords: &["import", "from", "const", "await", "true", "false", "null"],
        },
        SnippetLang::Php => Syntax {
            line_comment: "//",
            quotes: &[('\'', true), ('"', true)],
            keywords: &["use", "new", "true", "false", "null"],
        },
        SnippetLang::PowerShell => Syntax {
            line_comment: "#",
            quotes: &[('\'', false)],
            keywords: &["Import-Module", "$true", "$false", "$null"],
        },
        SnippetLang::Python => Syntax {
            line_comment: "#",
            quotes: &[('"', true)],
            keywords: &["from", "import", "await", "True", "False", "None"],
        },
        SnippetLang::Curl => Syntax {
            line_comment: "#",
            quotes: &[('\'', false)],
            keywords: &["curl"],
        },
        SnippetLang::Http | SnippetLang::Json => Syntax {
            line_comment: "",
            quotes: &[('"', true)],
            keywords: &["true", "false", "null"],
        },
    }
}

/// `code` as consecutive tokens (byte ranges covering all of it). An HTTP message's
/// head is read as a head (`head_tokens`), and only its body by the JSON rules: a
/// header value is not code, so `Microsoft-Skype/3.0` or a GUID that starts with a
/// digit are no numbers, and a stray `"` in it does not turn the body inside out.
pub fn tokens(code: &str, lang: SnippetLang) -> Vec<(TokenKind, std::ops::Range<usize>)> {
    let mut out: Vec<(TokenKind, std::ops::Range<usize>)> = Vec::new();
    let mut push = |kind: TokenKind, range: std::ops::Range<usize>| match out.last_mut() {
        _ if range.is_empty() => {}
        Some((last, previous)) if *last == kind && previous.end == range.start => previous.end = range.end,
        _ => out.push((kind, range)),
    };
    let mut at = 0;
    if lang == SnippetLang::Http {
        let split = crate::engine::input::split_message(code);
        if let Some(head) = &split.head {
            head_tokens(head, split.body_offset, &mut push);
            at = split.body_offset;
        }
    }
    code_tokens(code, at, lang, &mut push);
    out
}

/// The head's request or status line as its words: a request's method is a keyword, a
/// response's status code a number; everything else in the head is plain.
fn head_tokens(
    head: &crate::engine::input::HttpHead<'_>,
    end: usize,
    push: &mut impl FnMut(TokenKind, std::ops::Range<usize>),
) {
    let mut at = 0;
    let status = head.words.first().is_some_and(|word| word.text.starts_with("HTTP/"));
    let (word, kind) = if status {
        (head.words.get(1), TokenKind::Number)
    } else {
        (head.words.first(), TokenKind::Keyword)
    };
    if let Some(word) = word {
        push(TokenKind::Plain, at..word.span.start);
        push(kind, word.span.start..word.span.end);
        at = word.span.end;
    }
    push(TokenKind::Plain, at..end);
}

/// The tokens of `code` from `at` on, by `lang`'s quoting, comment and keyword rules.
fn code_tokens(code: &str, mut at: usize, lang: SnippetLang, push: &mut impl FnMut(TokenKind, std::ops::Range<usize>)) {
    let syntax = syntax(lang);
    let bytes = code.as_bytes();
    while at < code.len() {
        let rest = &code[at..];
        let c = rest.chars().next().unwrap_or(' ');
        if !syntax.line_comment.is_empty() && rest.starts_with(syntax.line_comment) {
            let end = rest.find('\n').map_or(code.len(), |n| at + n);
            push(TokenKind::Comment, at..end);
            at = end;
        } else if let Some((quote, escapes)) = syntax.quotes.iter().find(|(q, _)| *q == c) {
            let mut end = at + c.len_utf8();
            let mut chars = code[end..].char_indices();
            while let Some((offset, ch)) = chars.next() {
                if *escapes && ch == '\\' {
                    chars.next();
                    continue;
                }
                if ch == *quote {
                    // PowerShell and shells double a quote to keep it.
                    end = at + c.len_utf8() + offset + ch.len_utf8();
                    if !*escapes && code[end..].starts_with(*quote) && lang == SnippetLang::PowerShell {
                        chars.next();
                        continue;
                    }
                    break;
                }
                end = at + c.len_utf8() + offset + ch.len_utf8();
            }
            push(TokenKind::String, at..end);
            at = end;
        } else if c.is_ascii_digit() && (at == 0 || !is_word(bytes[at - 1])) {
            let end = rest
                .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '.'))
                .map_or(code.len(), |n| at + n);
            push(TokenKind::Number, at..end);
            at = end;
        } else if (c.is_ascii() && is_word(c as u8)) || c == '$' {
            let len = rest
                .char_indices()
                .skip(1)
                .find(|(_, ch)| {
                    !(ch.is_ascii_alphanumeric() || *ch == '_' || *ch == '-' && lang == SnippetLang::PowerShell)
                })
                .map_or(rest.len(), |(n, _)| n);
            let word = &rest[..len];
            let kind = if syntax.keywords.contains(&word) {
                TokenKind::Keyword
            } else {
                TokenKind::Plain
            };
            push(kind, at..at + len);
            at += len;
        } else {
            push(TokenKind::Plain, at..at + c.len_utf8());
            at += c.len_utf8();
        }
    }
}

fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// How much of a text [`coloured_tokens`] colours: tokens that start in the first
/// `until` bytes, at most `tokens` of them, each starting in its line's first `line`
/// bytes. A viewer draws a span per coloured token, and spans are what cost it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColourBudget {
    pub until: usize,
    pub tokens: usize,
    pub line: usize,
}

/// [`tokens`] of `code` within `budget`: the tokens past it become plain and merge with
/// their plain neighbours, so the result still covers the text exactly and a long
/// uncoloured stretch is one run. Linear in the text.
pub fn coloured_tokens(
    code: &str,
    lang: SnippetLang,
    budget: ColourBudget,
) -> Vec<(TokenKind, std::ops::Range<usize>)> {
    let mut out: Vec<(TokenKind, std::ops::Range<usize>)> = Vec::new();
    let (mut line_start, mut scanned, mut coloured) = (0, 0, 0);
    for (kind, range) in tokens(code, lang) {
        // Only the bytes since the last token can hold this token's line break.
        if let Some(newline) = code.as_bytes()[scanned..range.start].iter().rposition(|&b| b == b'\n') {
            line_start = scanned + newline + 1;
        }
        scanned = range.start;
        let colour = kind != TokenKind::Plain
            && range.start < budget.until
            && coloured < budget.tokens
            && range.start - line_start < budget.line;
        match out.last_mut() {
            Some((TokenKind::Plain, last)) if !colour => last.end = range.end,
            _ if colour => {
                coloured += 1;
                out.push((kind, range));
            }
            _ => out.push((TokenKind::Plain, range)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(code: &str, lang: SnippetLang) -> Vec<(TokenKind, &str)> {
        tokens(code, lang)
            .into_iter()
            .filter(|(kind, _)| *kind != TokenKind::Plain)
            .map(|(kind, range)| (kind, &code[range]))
            .collect()
    }

    #[test]
    fn strings_comments_numbers_and_keywords() {
        let code = "# a comment\nx = \"has # and \\\" inside\" + 42\nawait y";
        assert_eq!(
            kinds(code, SnippetLang::Python),
            [
                (TokenKind::Comment, "# a comment"),
                (TokenKind::String, "\"has # and \\\" inside\""),
                (TokenKind::Number, "42"),
                (TokenKind::Keyword, "await"),
            ]
        );
        assert_eq!(
            kinds("$a = 'it''s' # c", SnippetLang::PowerShell),
            [(TokenKind::String, "'it''s'"), (TokenKind::Comment, "# c")]
        );
        assert_eq!(kinds("x1 = 2", SnippetLang::Go), [(TokenKind::Number, "2")]);
    }

    #[test]
    fn an_http_head_is_read_as_a_head_and_only_its_body_as_json() {
        let request = "POST https://graph.microsoft.com/v1.0/communications/calls/2a1b/participants/invite\n\
                       User-Agent: Microsoft-Skype/3.0,(Calling/1.0)\nClient-Request-Id: 491718de-357e\n\
                       If-Match: \"unclosed\n\n{\"a\": 1, \"b\": true}";
        assert_eq!(
            kinds(request, SnippetLang::Http),
            [
                (TokenKind::Keyword, "POST"),
                (TokenKind::String, "\"a\""),
                (TokenKind::Number, "1"),
                (TokenKind::String, "\"b\""),
                (TokenKind::Keyword, "true"),
            ]
        );
        let response = "HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n{\"id\": null}";
        assert_eq!(
            kinds(response, SnippetLang::Http),
            [
                (TokenKind::Number, "200"),
                (TokenKind::String, "\"id\""),
                (TokenKind::Keyword, "null"),
            ]
        );
        // A bare body, and a head with no body, are still covered.
        assert_eq!(
            kinds("{\"n\": 2}", SnippetLang::Http),
            [(TokenKind::String, "\"n\""), (TokenKind::Number, "2")]
        );
        assert_eq!(kinds("GET /x 1", SnippetLang::Http), [(TokenKind::Keyword, "GET")]);
        // JSON text is not HTTP: its quotes and numbers are read as before.
        assert_eq!(
            kinds("x: \"1\" 2", SnippetLang::Json),
            [(TokenKind::String, "\"1\""), (TokenKind::Number, "2")]
        );
    }

    #[test]
    fn tokens_cover_the_text_exactly() {
        let codes = [
            "é \"漢\" // 😀\n'unterminated",
            "PUT é\r\nX: \"\r\n\r\n{\"漢\": 1",
            "\n\nGET\n\n",
        ];
        for code in codes {
            for lang in [
                SnippetLang::CSharp,
                SnippetLang::Php,
                SnippetLang::PowerShell,
                SnippetLang::Json,
                SnippetLang::Http,
            ] {
                let tokens = tokens(code, lang);
                let joined: String = tokens.iter().map(|(_, r)| &code[r.clone()]).collect();
                assert_eq!(joined, code);
                assert!(tokens.iter().all(|(_, range)| !range.is_empty()), "{tokens:?}");
            }
        }
    }

    #[test]
    fn coloured_tokens_keep_to_the_budget_and_cover_the_text() {
        let line = format!(
            "{{{}}}",
            (0..50).map(|i| format!("\"k{i}\": {i}")).collect::<Vec<_>>().join(", ")
        );
        let code = format!("{line}\n{line}\n\"é\": true");
        let all = tokens(&code, SnippetLang::Json)
            .iter()
            .filter(|(k, _)| *k != TokenKind::Plain)
            .count();
        let budget = |until, tokens, line| ColourBudget { until, tokens, line };
        let coloured = |budget| {
            let out = coloured_tokens(&code, SnippetLang::Json, budget);
            let joined: String = out.iter().map(|(_, r)| &code[r.clone()]).collect();
            assert_eq!(joined, code, "{budget:?}");
            // Plain runs are merged: never two in a row.
            assert!(out
                .windows(2)
                .all(|w| w[0].0 != TokenKind::Plain || w[1].0 != TokenKind::Plain));
            out.into_iter()
                .filter(|(k, _)| *k != TokenKind::Plain)
                .collect::<Vec<_>>()
        };
        assert_eq!(coloured(budget(usize::MAX, usize::MAX, usize::MAX)).len(), all);
        assert_eq!(coloured(budget(usize::MAX, 7, usize::MAX)).len(), 7);
        // Each line is coloured for its first 40 bytes only, the last line whole.
        let short = coloured(budget(usize::MAX, usize::MAX, 40));
        let second = line.len() + 1;
        assert!(short
            .iter()
            .all(|(_, r)| r.start < 40 || (r.start >= second && r.start < second + 40) || r.start > 2 * second - 1));
        assert_eq!(short.last().map(|(_, r)| &code[r.clone()]), Some("true"));
        assert!(short.len() > 6 && short.len() < all / 4);
        // Nothing starting past `until`.
        assert!(coloured(budget(30, usize::MAX, usize::MAX))
            .iter()
            .all(|(_, r)| r.start < 30));
        assert!(coloured(budget(0, usize::MAX, usize::MAX)).is_empty());
    }
}
