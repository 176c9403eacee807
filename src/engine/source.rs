//! Positions in the user's text: byte spans and their 1-based line and column, and the
//! one way a long text is cut for display ([`ellipsize`]).

use std::borrow::Cow;

use serde::Serialize;

/// A byte range `start..end` in the whole input text (HTTP head included).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
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

/// Maps byte offsets to line and column in `O(log lines)`.
///
/// Lines end at `\n`; a `\r` before it belongs to the line it ends, so CRLF text
/// gets the same lines and columns as LF text.
#[derive(Clone, Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(memchr_newlines(text).map(|newline| newline + 1))
            .collect();
        Self { text, line_starts }
    }

    /// The position of byte `offset` (clamped to the text, and to a char boundary).
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset);
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        let column = self.text[line_start..offset].chars().count() + 1;
        Position { line, column }
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter_map(|(offset, byte)| (byte == b'\n').then_some(offset))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
