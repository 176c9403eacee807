//! Positions in the user's text: byte spans and their 1-based line and column, and the
//! one way a long text is cut for display ([`ellipsize`]).

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::Serialize;

/// A byte range `start..end` in the whole input text (HTTP head included).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The same span moved `offset` bytes further into the text.
    pub fn shifted(self, offset: usize) -> Self {
        Self::new(self.start + offset, self.end + offset)
    }
}

/// A 1-based line and column; the column counts Unicode scalar values, as editors do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The largest character boundary at or before `at` (clamped to the text).
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `text` cut to its first `keep` characters and `…` when it is longer: a message or
/// label quotes a value so that it can be recognised, and a megabyte of it helps nobody.
pub fn ellipsize(text: &str, keep: usize) -> Cow<'_, str> {
    match text.char_indices().nth(keep) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
        None => Cow::Borrowed(text),
    }
}

/// Maps byte offsets to line and column in `O(log lines)` plus a bounded scan.
///
/// Lines end at `\n`; a `\r` before it belongs to the line it ends, so CRLF text
/// gets the same lines and columns as LF text. Columns count characters; the number of
/// characters before every [`CHECKPOINT`]-th byte is kept, so a column is found by
/// counting at most two checkpoints' worth of bytes, however long the line: a
/// minified multi-megabyte body with thousands of diagnostics stays linear.
#[derive(Clone, Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// `chars_before[k]`: characters that start before byte `k * CHECKPOINT`.
    chars_before: Vec<usize>,
}

/// Bytes between two character-count checkpoints.
const CHECKPOINT: usize = 4096;

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(memchr_newlines(text).map(|newline| newline + 1))
            .collect();
        let mut chars_before = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut count = 0;
        for chunk in text.as_bytes().chunks(CHECKPOINT) {
            chars_before.push(count);
            count += char_starts(chunk);
        }
        chars_before.push(count);
        Self {
            text,
            line_starts,
            chars_before,
        }
    }

    /// The position of byte `offset` (clamped to the text, and to a char boundary).
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset);
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        let column = self.chars_until(offset) - self.chars_until(line_start) + 1;
        Position { line, column }
    }

    /// Characters that start before byte `offset`. In a checkpoint's span that is all
    /// ASCII (as many characters as bytes) that is the byte count: 3,000 diagnostics on
    /// one 37 KB line spent 12 ms counting characters (measured in wasm).
    fn chars_until(&self, offset: usize) -> usize {
        let checkpoint = offset / CHECKPOINT;
        let from = checkpoint * CHECKPOINT;
        let before = self.chars_before[checkpoint];
        let span = (from + CHECKPOINT).min(self.text.len()) - from;
        match self.chars_before.get(checkpoint + 1) {
            Some(&after) if after - before == span => before + (offset - from),
            _ => before + char_starts(&self.text.as_bytes()[from..offset]),
        }
    }
}

/// Bytes that start a UTF-8 character (every byte but continuation bytes).
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&byte| byte & 0xC0 != 0x80).count()
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter_map(|(offset, byte)| (byte == b'\n').then_some(offset))
}

/// `text` safe to print on a terminal or in a CI log: control characters (escape
/// sequences, bells, carriage returns, line breaks inside a quoted value) and the
/// bidirectional-text controls that can reorder what a reader sees are shown as
/// `\u{…}` instead of acting. `keep` lists the characters the caller lays out itself.
pub fn terminal_safe<'t>(text: &'t str, keep: &[char]) -> Cow<'t, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && !keep.contains(&c))
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` in at most `lines` lines of about `width` characters, broken at spaces; the
/// last line is cut with an ellipsis if the text does not fit.
pub fn wrap_words(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let fits = current.chars().count() + 1 + word.chars().count() <= width;
        if current.is_empty() || fits {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        } else {
            out.push(std::mem::take(&mut current));
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    if out.len() > lines {
        let rest = out.split_off(lines - 1).join(" ");
        out.push(rest);
    }
    if let Some(last) = out.last_mut() {
        if last.chars().count() > width {
            *last = ellipsize(last, width.saturating_sub(1)).into_owned();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_on_a_long_line_match_a_plain_count() {
        let line: String = "a\u{e9}\u{6f22}\u{1f600}".repeat(5000);
        let text = format!("x\n{line}\ny");
        let index = LineIndex::new(&text);
        for offset in (0..text.len()).step_by(997).filter(|o| text.is_char_boundary(*o)) {
            let line_start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
            let expected = text[line_start..offset].chars().count() + 1;
            assert_eq!(index.position(offset).column, expected, "at {offset}");
        }
        assert_eq!(index.position(text.len()), Position { line: 3, column: 2 });
    }

    #[test]
    fn columns_across_ascii_and_non_ascii_checkpoints_match_a_plain_count() {
        // ASCII spans, a span with one multi-byte character, and a text ending exactly
        // at a checkpoint.
        let ascii = "a".repeat(CHECKPOINT * 2 - 1);
        for text in [
            format!("{ascii}\n{}", "b".repeat(CHECKPOINT)),
            format!("{ascii}é{}", "c".repeat(CHECKPOINT * 2)),
            "d".repeat(CHECKPOINT * 3),
        ] {
            let index = LineIndex::new(&text);
            for offset in
                (0..=text.len()).filter(|o| o % 97 == 0 || o % CHECKPOINT < 3 || CHECKPOINT - o % CHECKPOINT < 3)
            {
                let offset = floor_char_boundary(&text, offset);
                let line_start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
                let expected = text[line_start..offset].chars().count() + 1;
                assert_eq!(index.position(offset).column, expected, "at {offset} of {}", text.len());
            }
        }
    }

    #[test]
    fn ellipsize_cuts_on_characters_not_bytes() {
        assert_eq!(ellipsize("short", 5), "short");
        assert_eq!(ellipsize("çãõéíúü", 3), "çãõ…");
        assert_eq!(ellipsize("", 0), "");
    }

    #[test]
    fn counts_lines_and_characters_from_one() {
        let index = LineIndex::new("ab\ncé\r\nx");
        assert_eq!(index.position(0), Position { line: 1, column: 1 });
        assert_eq!(index.position(3), Position { line: 2, column: 1 });
        // `é` is two bytes but one column.
        assert_eq!(index.position(6), Position { line: 2, column: 3 });
        assert_eq!(index.position(8), Position { line: 3, column: 1 });
        assert_eq!(index.position(99), Position { line: 3, column: 2 });
    }

    #[test]
    fn a_split_character_falls_back_to_its_start() {
        let index = LineIndex::new("é");
        assert_eq!(index.position(1), Position { line: 1, column: 1 });
    }

    #[test]
    fn words_wrap_at_spaces_and_never_exceed_their_lines() {
        assert_eq!(
            wrap_words("Notification: participants updated (+2.9 s)", 30, 2),
            vec!["Notification: participants", "updated (+2.9 s)"]
        );
        assert_eq!(wrap_words("short", 30, 2), vec!["short"]);
        let long = wrap_words(&"word ".repeat(40), 30, 2);
        assert_eq!(long.len(), 2);
        assert!(long.iter().all(|line| line.chars().count() <= 30), "{long:?}");
        assert!(long[1].ends_with('…'));
        let unbroken = wrap_words("Averyveryverylongnamewithoutspaces", 9, 2);
        assert_eq!(unbroken.len(), 1);
        assert!(unbroken[0].chars().count() <= 9);
    }
}
