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
        let line_starts = line_starts(text.as_bytes());
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

/// Where each line starts: offset 0 and the byte after every LF. Eight bytes at a time:
/// building the index was a ninth of checking a docs example (perf, natively).
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    let mut at = 0;
    while let Some(word) = swar::word(bytes, at) {
        let mut feeds = swar::equal(word, b'\n');
        while feeds != 0 {
            starts.push(at + swar::first(feeds) + 1);
            feeds &= feeds - 1;
        }
        at += 8;
    }
    starts.extend((at..bytes.len()).filter(|&i| bytes[i] == b'\n').map(|i| i + 1));
    starts
}

/// Bytes that start a UTF-8 character (every byte but continuation bytes, `10xxxxxx`),
/// eight at a time.
fn char_starts(bytes: &[u8]) -> usize {
    let mut continuations = 0;
    let mut at = 0;
    while let Some(word) = swar::word(bytes, at) {
        // A byte's bit 6 shifted into its bit 7: high bit set and bit 6 clear.
        continuations += (word & !(word << 1) & swar::HIGHS).count_ones() as usize;
        at += 8;
    }
    continuations += bytes[at..].iter().filter(|&&byte| byte & 0xC0 == 0x80).count();
    bytes.len() - continuations
}

/// Scanning text eight bytes at a time (SWAR on a `u64`): the one home of the bit tricks
/// the line index, the JSON scanner and the editor's line count share. Masks are
/// exact: the high bit of precisely the matching bytes is set (no borrow crosses from
/// one byte into the next, unlike the classic "has a zero byte" test), so
/// [`first`] names the first match.
pub mod swar {
    pub const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    const LOWS: u64 = u64::from_le_bytes([0x7f; 8]);
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);

    /// The eight bytes at `at`, the first in the lowest bits; `None` past the last whole word.
    pub fn word(bytes: &[u8], at: usize) -> Option<u64> {
        let chunk: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
        Some(u64::from_le_bytes(chunk))
    }

    /// The high bit of each byte of `word` that equals `byte`.
    pub fn equal(word: u64, byte: u8) -> u64 {
        let x = word ^ (ONES * u64::from(byte));
        !(((x & LOWS) + LOWS) | x | LOWS)
    }

    /// The high bit of each byte of `word` below `n` (`n` ≤ 0x80): its own high bit is
    /// clear and adding `0x80 - n` to its low seven bits does not reach 0x80.
    pub fn below(word: u64, n: u8) -> u64 {
        !(((word & LOWS) + ONES * u64::from(0x80 - n.min(0x80))) | word) & HIGHS
    }

    /// The index in its word of the first byte a non-zero mask marks.
    pub fn first(mask: u64) -> usize {
        (mask.trailing_zeros() / 8) as usize
    }

    /// The first byte at or after `at` that `special` marks in its word (a mask built
    /// with [`equal`] and [`below`]; the last partial word is read padded with spaces,
    /// which no caller marks).
    pub fn next_marked(bytes: &[u8], mut at: usize, special: impl Fn(u64) -> u64) -> Option<usize> {
        while at < bytes.len() {
            let word = word(bytes, at).unwrap_or_else(|| {
                let mut padded = [b' '; 8];
                padded[..bytes.len() - at].copy_from_slice(&bytes[at..]);
                u64::from_le_bytes(padded)
            });
            let marked = special(word);
            if marked != 0 {
                return Some(at + first(marked)).filter(|&found| found < bytes.len());
            }
            at += 8;
        }
        None
    }
}

/// The invisible characters that change the order in which text around them is shown
/// (the marks, embeddings, overrides and isolates of Unicode's bidirectional
/// algorithm, UAX #9), with their Unicode names: the set editors flag as "hidden
/// bidirectional text" since Trojan Source (CVE-2021-42574).
pub const BIDI_CONTROLS: [(char, &str); 12] = [
    ('\u{061C}', "ARABIC LETTER MARK"),
    ('\u{200E}', "LEFT-TO-RIGHT MARK"),
    ('\u{200F}', "RIGHT-TO-LEFT MARK"),
    ('\u{202A}', "LEFT-TO-RIGHT EMBEDDING"),
    ('\u{202B}', "RIGHT-TO-LEFT EMBEDDING"),
    ('\u{202C}', "POP DIRECTIONAL FORMATTING"),
    ('\u{202D}', "LEFT-TO-RIGHT OVERRIDE"),
    ('\u{202E}', "RIGHT-TO-LEFT OVERRIDE"),
    ('\u{2066}', "LEFT-TO-RIGHT ISOLATE"),
    ('\u{2067}', "RIGHT-TO-LEFT ISOLATE"),
    ('\u{2068}', "FIRST STRONG ISOLATE"),
    ('\u{2069}', "POP DIRECTIONAL ISOLATE"),
];

/// The Unicode name of `c` if it is one of [`BIDI_CONTROLS`] (the one list of them).
pub fn bidi_name(c: char) -> Option<&'static str> {
    // Outside U+061C and U+200E…U+2069 (nearly every character) the list is not read.
    if !matches!(c, '\u{061C}' | '\u{200E}'..='\u{2069}') {
        return None;
    }
    BIDI_CONTROLS
        .iter()
        .find(|(control, _)| *control == c)
        .map(|(_, name)| *name)
}

/// Whether `c` is one of [`BIDI_CONTROLS`].
pub fn is_bidi_control(c: char) -> bool {
    bidi_name(c).is_some()
}

/// `text` with each character `escaped` picks written by `escape` instead; borrowed when
/// there is none. The one loop behind [`terminal_safe`] and the snippets' string literals.
pub fn escape_chars<'t>(
    text: &'t str,
    escaped: impl Fn(char) -> bool,
    escape: impl Fn(&mut String, char),
) -> Cow<'t, str> {
    if !text.chars().any(&escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if escaped(c) {
            escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The first of [`BIDI_CONTROLS`] in `text`, with its byte offset. Eight bytes at a
/// time: every one of them is written with a lead byte of `0xD8` or `0xE2`, so only
/// those bytes are decoded.
pub fn first_bidi_control(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(next) = swar::next_marked(bytes, at, |word| swar::equal(word, 0xD8) | swar::equal(word, 0xE2)) {
        // A lead byte always starts a character.
        let c = text[next..].chars().next()?;
        if is_bidi_control(c) {
            return Some((next, c));
        }
        at = next + 1;
    }
    None
}

/// `text` safe to print on a terminal or in a CI log: control characters (escape
/// sequences, bells, carriage returns, line breaks inside a quoted value) and the
/// bidirectional-text controls that can reorder what a reader sees are shown as
/// `\u{…}` instead of acting. `keep` lists the characters the caller lays out itself.
pub fn terminal_safe<'t>(text: &'t str, keep: &[char]) -> Cow<'t, str> {
    escape_chars(
        text,
        |c| (c.is_control() && !keep.contains(&c)) || is_bidi_control(c),
        |out, c| {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        },
    )
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
    fn swar_masks_mark_exactly_the_matching_bytes() {
        // Every byte value at every place in a word, beside neighbours that would make
        // a borrow or carry cross into it.
        for value in 0..=255_u8 {
            for place in 0..8 {
                for fill in [0x00_u8, 0x01, 0x7f, 0x80, 0xff, b'\n'] {
                    let mut bytes = [fill; 8];
                    bytes[place] = value;
                    let word = swar::word(&bytes, 0).unwrap();
                    let want = |test: &dyn Fn(u8) -> bool| {
                        bytes
                            .iter()
                            .enumerate()
                            .fold(0_u64, |mask, (i, &b)| mask | (u64::from(test(b)) << (i * 8 + 7)))
                    };
                    for byte in [b'\n', b'"', 0x0b, 0x00, 0xff] {
                        assert_eq!(swar::equal(word, byte), want(&|b| b == byte), "{bytes:?} = {byte:#x}");
                    }
                    for n in [0x01, 0x20, 0x80] {
                        assert_eq!(swar::below(word, n), want(&|b| b < n), "{bytes:?} < {n:#x}");
                    }
                    let marked = swar::equal(word, value);
                    assert_eq!(swar::first(marked), bytes.iter().position(|&b| b == value).unwrap());
                }
            }
        }
        assert_eq!(swar::word(b"1234567", 0), None);
        assert_eq!(swar::word(b"123456789", 1), Some(u64::from_le_bytes(*b"23456789")));
        assert_eq!(swar::word(b"", usize::MAX), None);
    }

    #[test]
    fn the_index_matches_a_plain_count_at_every_byte() {
        // LF, CRLF and characters of one to four bytes at every offset from a word's
        // start, in texts of every length up to four words.
        let pieces = ["a", "\n", "\r\n", "é", "漢", "😀", "\t", " "];
        for len in 0..=32 {
            for seed in 0..pieces.len() * 2 {
                let text: String = (0..len)
                    .map(|i| pieces[(i * 5 + seed * (i + 3)) % pieces.len()])
                    .collect();
                let index = LineIndex::new(&text);
                for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                    let before = &text[..offset];
                    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
                    let want = Position {
                        line: before.matches('\n').count() + 1,
                        column: text[line_start..offset].chars().count() + 1,
                    };
                    assert_eq!(index.position(offset), want, "{text:?} at {offset}");
                }
                assert_eq!(char_starts(text.as_bytes()), text.chars().count(), "{text:?}");
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
