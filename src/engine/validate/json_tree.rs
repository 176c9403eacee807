//! The positioned JSON tree: strict RFC 8259 text read into one flat list of 12-byte
//! nodes, and the views the validator and the composer read it through.
//!
//! `jsonc_parser::parse_to_ast` makes a Rust value per node: 48 bytes for a value and
//! 112 for an object member, each object's and array's `Vec` grown by doubling. A
//! 64 MiB body of small members took 15 times its text, `[0,0,…]` would take 24. Here
//! the whole tree is one `Vec<Slot>` in document order: each slot is where a token is
//! and what it is, and a container's slot says how many slots its contents take, so a
//! reader skips a member in one step. [`Value`], [`Object`], [`ObjectProp`] and the
//! rest are views made as they are read, with the fields `parse_to_ast`'s types have
//! (a string's value is decoded only when it has escapes).
//!
//! The builder follows `parse_to_ast` step for step (the tests below compare the two on
//! JSONTestSuite, on every structure error and on generated token soup: same trees,
//! same errors, same ranges), scans whitespace, punctuation, plain strings, plain
//! integers and the three literals itself, eight bytes at a time, and hands every other
//! token (escapes, fractions, signs, words, comments) to `jsonc-parser`'s own scanner
//! started at that token, so its rules and messages stay the reference.

use std::borrow::Cow;
use std::hash::BuildHasher as _;

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

/// The longest text the tree positions: a container's size has 29 bits, and every slot
/// takes at least a byte of text. Eight times the default input limit.
pub const MAX_TEXT: usize = 1 << 29;

/// Why a text is not strict JSON: the scanner's error for a bad token (its range counted
/// from `.1`, where the scanner was started), the structure's (a missing comma, an
/// unterminated object…) with the range `parse_to_ast` gives it, or a text over
/// [`MAX_TEXT`].
#[derive(Debug)]
pub(super) enum Failure {
    Scan(ParseError, usize),
    At(Range, ParseErrorKind),
    TooLarge,
}

impl Failure {
    /// What `jsonc-parser` calls the problem (`None` for a text over [`MAX_TEXT`]).
    pub(super) fn kind(&self) -> Option<&ParseErrorKind> {
        match self {
            Failure::Scan(error, _) => Some(error.kind()),
            Failure::At(_, kind) => Some(kind),
            Failure::TooLarge => None,
        }
    }

    pub(super) fn range(&self) -> Range {
        match self {
            Failure::Scan(error, from) => {
                let range = error.range();
                Range::new(range.start + from, range.end + from)
            }
            Failure::At(range, _) => *range,
            Failure::TooLarge => Range::new(0, 0),
        }
    }
}

/// The tree of `text` as strict RFC 8259 JSON (`None` for text with no value at all),
/// or the first reason it is not.
pub(super) fn parse(text: &str) -> Result<Option<Tree<'_>>, Failure> {
    parse_within(text, MAX_TEXT)
}

/// [`parse`] with the longest text it takes as a parameter, for the tests.
fn parse_within(text: &str, longest: usize) -> Result<Option<Tree<'_>>, Failure> {
    if text.len() > longest {
        return Err(Failure::TooLarge);
    }
    let mut builder = Builder {
        text,
        current: None,
        token_start: 0,
        token_end: 0,
        open: Vec::new(),
        slots: Vec::new(),
        decoded: String::new(),
        ends: Vec::new(),
    };
    builder.scan()?;
    let some = builder.value()?;
    if builder.scan()?.is_some() {
        return Err(builder.error(ParseErrorKind::MultipleRootJsonValues));
    }
    Ok(some.then_some(Tree {
        texts: Texts {
            text,
            decoded: builder.decoded,
            ends: builder.ends,
        },
        slots: builder.slots,
    }))
}

/// One token of the tree: where it is and what it is. Twelve bytes, so even `[0,0,…]`
/// (a slot per two bytes of text) makes a tree six times its text.
#[derive(Clone, Copy, Debug)]
struct Slot {
    start: u32,
    end: u32,
    /// The kind in the low [`KIND_BITS`]; above them, how many slots an object's or an
    /// array's contents take (a member is its name's slot and its value's), or for a
    /// string with escapes, its number among them counted from 1 (0 for a plain one).
    info: u32,
}

const KIND_BITS: u32 = 3;
const OBJECT: u32 = 0;
const ARRAY: u32 = 1;
const STRING: u32 = 2;
const NUMBER: u32 = 3;
const TRUE: u32 = 4;
const FALSE: u32 = 5;
const NULL: u32 = 6;

impl Slot {
    fn kind(self) -> u32 {
        self.info & ((1 << KIND_BITS) - 1)
    }

    /// How many slots follow this one inside it.
    fn contents(self) -> usize {
        match self.kind() {
            OBJECT | ARRAY => self.payload(),
            _ => 0,
        }
    }

    fn payload(self) -> usize {
        (self.info >> KIND_BITS) as usize
    }

    fn range(self) -> Range {
        Range::new(self.start as usize, self.end as usize)
    }
}

/// A parsed text: its slots in document order, the root's first.
#[derive(Debug)]
pub struct Tree<'a> {
    texts: Texts<'a>,
    slots: Vec<Slot>,
}

/// Where string values are: the text, or for a string with escapes its decoded value,
/// all of them one after another in `decoded`, the `n`th ending at `ends[n]` (decoded
/// once, while the text is read: five bytes a string more than a plain one).
#[derive(Debug)]
struct Texts<'a> {
    text: &'a str,
    decoded: String,
    ends: Vec<u32>,
}

impl Texts<'_> {
    /// Whether the string at `slot` is `name`: a plain one compared as bytes, without
    /// making its view (the validator looks names up more than it reads anything).
    fn is(&self, slot: Slot, name: &str) -> bool {
        match slot.payload() {
            0 => {
                let start = slot.start as usize + 1;
                self.text.as_bytes().get(start..start + name.len()) == Some(name.as_bytes())
                    && slot.end as usize == start + name.len() + 1
            }
            _ => StringLit::read(self, slot).value == name,
        }
    }
}

impl Tree<'_> {
    pub fn root(&self) -> Value<'_> {
        Value::read(&self.texts, &self.slots)
    }
}

/// A JSON value, as `jsonc_parser::ast::Value` names its kinds. Views are `Copy`: they
/// point into the tree.
#[derive(Clone, Copy, Debug)]
pub enum Value<'t> {
    Object(Object<'t>),
    Array(Array<'t>),
    StringLit(StringLit<'t>),
    NumberLit(NumberLit<'t>),
    BooleanLit(BooleanLit),
    NullKeyword(NullKeyword),
}

#[derive(Clone, Copy, Debug)]
pub struct Object<'t> {
    pub range: Range,
    pub properties: Properties<'t>,
}

#[derive(Clone, Copy, Debug)]
pub struct Array<'t> {
    pub range: Range,
    pub elements: Elements<'t>,
}

/// A string value or name: its range includes the quotes, its value is decoded.
#[derive(Clone, Copy, Debug)]
pub struct StringLit<'t> {
    pub range: Range,
    pub value: &'t str,
}

/// A number as written (grammar checked by `syntax`, never converted here).
#[derive(Clone, Copy, Debug)]
pub struct NumberLit<'t> {
    pub range: Range,
    pub value: &'t str,
}

#[derive(Clone, Copy, Debug)]
pub struct BooleanLit {
    pub range: Range,
    pub value: bool,
}

#[derive(Clone, Copy, Debug)]
pub struct NullKeyword {
    pub range: Range,
}

/// An object member: from its name's opening quote to its value's end.
#[derive(Clone, Copy, Debug)]
pub struct ObjectProp<'t> {
    pub range: Range,
    pub name: StringLit<'t>,
    pub value: Value<'t>,
}

impl<'t> Value<'t> {
    /// The value whose slot is the first of `slots` (its contents follow it).
    fn read(texts: &'t Texts<'t>, slots: &'t [Slot]) -> Self {
        let slot = slots[0];
        let range = slot.range();
        match slot.kind() {
            OBJECT => Value::Object(Object {
                range,
                properties: Properties(Members::of(texts, slots)),
            }),
            ARRAY => Value::Array(Array {
                range,
                elements: Elements(Members::of(texts, slots)),
            }),
            STRING => Value::StringLit(StringLit::read(texts, slot)),
            NUMBER => Value::NumberLit(NumberLit {
                range,
                value: &texts.text[range.start..range.end],
            }),
            TRUE | FALSE => Value::BooleanLit(BooleanLit {
                range,
                value: slot.kind() == TRUE,
            }),
            _ => Value::NullKeyword(NullKeyword { range }),
        }
    }

    pub fn range(&self) -> Range {
        match self {
            Value::Object(object) => object.range,
            Value::Array(array) => array.range,
            Value::StringLit(lit) => lit.range,
            Value::NumberLit(lit) => lit.range,
            Value::BooleanLit(lit) => lit.range,
            Value::NullKeyword(lit) => lit.range,
        }
    }

    pub fn as_object(&self) -> Option<&Object<'t>> {
        match self {
            Value::Object(object) => Some(object),
            _ => None,
        }
    }

    /// The value of this object's member `name` (the last when repeated), as
    /// `serde_json::Value::get` reads a key; `None` for anything but an object.
    pub fn get(self, name: &str) -> Option<Value<'t>> {
        self.as_object()?.get(name).map(|prop| prop.value)
    }

    /// A string's decoded value. By value, as views are `Copy`: `node.get("status")
    /// .and_then(Value::as_str)` reads as with `serde_json`.
    pub fn as_str(self) -> Option<&'t str> {
        match self {
            Value::StringLit(lit) => Some(lit.value),
            _ => None,
        }
    }
}

impl<'t> Object<'t> {
    /// The member called `name`; when it is repeated, the last one (as `serde_json`
    /// keeps). Values are stepped over, not read, on the way.
    pub fn get(&self, name: &str) -> Option<ObjectProp<'t>> {
        let Members { texts, slots } = self.properties.0;
        let (mut at, mut found) = (0, None);
        // A member is its name's slot, its value's, and the value's contents.
        while let (Some(key), Some(value)) = (slots.get(at), slots.get(at + 1)) {
            if texts.is(*key, name) {
                found = Some(at);
            }
            at += 2 + value.contents();
        }
        let slots = slots.get(found?..)?;
        PropertyIter(Members { texts, slots }).next()
    }

    /// Its members as `serde_json` keeps them: each name once, where it first appears,
    /// with the value it last has. What a reader that stops at a JSON value sees, read
    /// off the tree without one: the names are hashed only when some repeat.
    pub fn unique(&self) -> impl Iterator<Item = (&'t str, Value<'t>)> {
        self.unique_given(self.has_repeats())
    }

    /// Whether some name is written twice. It hashes every name of a large object:
    /// a reader that goes through the members more than once asks once and hands the
    /// answer to [`Object::unique_given`].
    pub fn has_repeats(&self) -> bool {
        has_repeated_names(&self.properties)
    }

    /// [`Object::unique`] for an object whose [`Object::has_repeats`] is `repeated`.
    pub fn unique_given(&self, repeated: bool) -> impl Iterator<Item = (&'t str, Value<'t>)> {
        let properties = self.properties;
        let mut last = std::collections::HashMap::new();
        if repeated {
            for prop in &properties {
                last.insert(prop.name.value, prop.value);
            }
        }
        properties.iter().filter_map(move |prop| {
            if !repeated {
                return Some((prop.name.value, prop.value));
            }
            // The first of its name takes the last value; the later ones are gone.
            last.remove(prop.name.value).map(|value| (prop.name.value, value))
        })
    }
}

/// Whether some name in `properties` is written twice.
fn has_repeated_names(properties: &Properties<'_>) -> bool {
    let count = properties.len();
    if count < 2 {
        return false;
    }
    let mut names = Names::with_capacity(properties, count);
    !properties.places().all(|(at, _)| names.insert(at))
}

/// An object's names met so far, for finding a repeat: each kept as its member's place
/// in the object (4 bytes), hashed and compared by the name the tree holds there. A
/// `HashSet<&str>` of 6.9 million distinct names was 4 times their 64 MiB text; this is
/// 1.2 times.
pub struct Names<'t> {
    members: Members<'t>,
    state: std::hash::RandomState,
    table: hashbrown::HashTable<u32>,
}

impl<'t> Names<'t> {
    /// Room for `count` names of `properties` (made at its size: a table grown by
    /// doubling holds both tables while it moves).
    pub fn with_capacity(properties: &Properties<'t>, count: usize) -> Self {
        Names {
            members: properties.0,
            state: std::hash::RandomState::new(),
            table: hashbrown::HashTable::with_capacity(count),
        }
    }

    /// Adds the name of the member at `at` (a place from [`Properties::places`]);
    /// `false` when that name was met before.
    pub fn insert(&mut self, at: u32) -> bool {
        let Members { texts, slots } = self.members;
        let name_at = |at: &u32| StringLit::read(texts, slots[*at as usize]).value;
        let name = name_at(&at);
        let hash = self.state.hash_one(name);
        if self.table.find(hash, |other| name_at(other) == name).is_some() {
            return false;
        }
        let state = &self.state;
        self.table
            .insert_unique(hash, at, |other| state.hash_one(name_at(other)));
        true
    }
}

impl<'t> StringLit<'t> {
    fn read(texts: &'t Texts<'t>, slot: Slot) -> Self {
        let value = match slot.payload() {
            0 => &texts.text[slot.start as usize + 1..slot.end as usize - 1],
            nth => {
                let start = nth.checked_sub(2).map_or(0, |before| texts.ends[before] as usize);
                &texts.decoded[start..texts.ends[nth - 1] as usize]
            }
        };
        StringLit {
            range: slot.range(),
            value,
        }
    }
}

/// The slots inside one container, read a member at a time.
#[derive(Clone, Copy, Debug)]
struct Members<'t> {
    texts: &'t Texts<'t>,
    slots: &'t [Slot],
}

impl<'t> Members<'t> {
    /// The contents of a container: `slots` are its own slot and its contents, exactly
    /// (every reader hands a value its own slots).
    fn of(texts: &'t Texts<'t>, slots: &'t [Slot]) -> Self {
        Members {
            texts,
            slots: &slots[1..],
        }
    }

    /// The next value's slots, stepped over.
    fn step(&mut self) -> Option<&'t [Slot]> {
        let first = self.slots.first()?;
        let (value, rest) = self.slots.split_at(1 + first.contents());
        self.slots = rest;
        Some(value)
    }

    fn next_value(&mut self) -> Option<Value<'t>> {
        self.step().map(|slots| Value::read(self.texts, slots))
    }

    /// How many values there are, stepped over without reading them.
    fn count(mut self) -> usize {
        let mut count = 0;
        while self.step().is_some() {
            count += 1;
        }
        count
    }
}

/// An object's members, in document order (repeated names kept).
#[derive(Clone, Copy, Debug)]
pub struct Properties<'t>(Members<'t>);

impl<'t> Properties<'t> {
    pub fn iter(&self) -> PropertyIter<'t> {
        PropertyIter(self.0)
    }

    /// The members with their places in the object, for [`Names`]. A text is under
    /// 2^29 bytes ([`MAX_TEXT`]) and a slot takes a byte of it at least, so a place fits.
    pub fn places(&self) -> impl Iterator<Item = (u32, ObjectProp<'t>)> {
        let all = self.0.slots.len();
        let mut members = self.iter();
        std::iter::from_fn(move || {
            let at = (all - members.0.slots.len()) as u32;
            members.next().map(|prop| (at, prop))
        })
    }

    /// Counted by stepping over them: call once, not per member.
    pub fn len(&self) -> usize {
        // A member is two values: its name and its value.
        self.0.count() / 2
    }

    pub fn is_empty(&self) -> bool {
        self.0.slots.is_empty()
    }
}

impl<'t> IntoIterator for &Properties<'t> {
    type Item = ObjectProp<'t>;
    type IntoIter = PropertyIter<'t>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

pub struct PropertyIter<'t>(Members<'t>);

impl<'t> Iterator for PropertyIter<'t> {
    type Item = ObjectProp<'t>;

    fn next(&mut self) -> Option<ObjectProp<'t>> {
        let Members { texts, slots } = self.0;
        let (&[name, value], _) = slots.split_first_chunk::<2>()?;
        let (member, rest) = slots.split_at(2 + value.contents());
        self.0.slots = rest;
        Some(ObjectProp {
            range: Range::new(name.start as usize, value.end as usize),
            name: StringLit::read(texts, name),
            value: Value::read(texts, &member[1..]),
        })
    }
}

/// An array's elements, in order.
#[derive(Clone, Copy, Debug)]
pub struct Elements<'t>(Members<'t>);

impl<'t> Elements<'t> {
    pub fn iter(&self) -> ElementIter<'t> {
        ElementIter(self.0)
    }

    /// Counted by stepping over them: call once, not per element.
    pub fn len(&self) -> usize {
        self.0.count()
    }

    pub fn is_empty(&self) -> bool {
        self.0.slots.is_empty()
    }

    /// The element at `index`, stepping over the ones before it.
    pub fn get(&self, index: usize) -> Option<Value<'t>> {
        let mut members = self.0;
        for _ in 0..index {
            members.step()?;
        }
        members.next_value()
    }
}

impl<'t> IntoIterator for &Elements<'t> {
    type Item = Value<'t>;
    type IntoIter = ElementIter<'t>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

pub struct ElementIter<'t>(Members<'t>);

impl<'t> Iterator for ElementIter<'t> {
    type Item = Value<'t>;

    fn next(&mut self) -> Option<Value<'t>> {
        self.0.next_value()
    }
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
    slots: Vec<Slot>,
    /// The decoded values of strings with escapes ([`Texts`]).
    decoded: String,
    ends: Vec<u32>,
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
            // A lone zero (never `07`, `0.5`, `0x1`: those go to the scanner).
            Some(b'0') if ends_a_word(bytes.get(at + 1)) => (Some(Token::Number(&self.text[at..at + 1])), at + 1),
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

    /// Adds the current token's slot.
    fn push(&mut self, info: u32) {
        // Offsets fit: `parse` refuses a text over `MAX_TEXT`.
        self.slots.push(Slot {
            start: self.token_start as u32,
            end: self.token_end as u32,
            info,
        });
    }

    /// A string's slot, and its decoded value when that differs from its text.
    fn push_string(&mut self, value: &str) {
        let plain = &self.text.as_bytes()[self.token_start + 1..self.token_end - 1];
        if value.as_ptr() == plain.as_ptr() && value.len() == plain.len() {
            return self.push(STRING);
        }
        // Decoded values are never longer than their text, so these fit.
        self.decoded.push_str(value);
        self.ends.push(self.decoded.len() as u32);
        self.push(STRING | (self.ends.len() as u32) << KIND_BITS);
    }

    /// Closes the container whose slot is at `at`: its end, and how many slots it holds.
    fn close(&mut self, at: usize) {
        let range = self.end();
        let contents = self.slots.len() - at - 1;
        let slot = &mut self.slots[at];
        slot.end = range.end as u32;
        slot.info |= (contents as u32) << KIND_BITS;
    }

    /// Reads the value at the current token into the tree; `false` when there is none.
    fn value(&mut self) -> Result<bool, Failure> {
        if self.open.len() > NESTING_LIMIT {
            return Err(self.error_for_open(ParseErrorKind::NestingDepthExceeded));
        }
        let Some(token) = self.current.take() else {
            return Ok(false);
        };
        match token {
            Token::OpenBrace => self.object()?,
            Token::OpenBracket => self.array()?,
            Token::String(value) => self.push_string(&value),
            Token::Boolean(true) => self.push(TRUE),
            Token::Boolean(false) => self.push(FALSE),
            Token::Number(_) => self.push(NUMBER),
            Token::Null => self.push(NULL),
            Token::CloseBracket => return Err(self.error(ParseErrorKind::UnexpectedCloseBracket)),
            Token::CloseBrace => return Err(self.error(ParseErrorKind::UnexpectedCloseBrace)),
            Token::Comma => return Err(self.error(ParseErrorKind::UnexpectedComma)),
            Token::Colon => return Err(self.error(ParseErrorKind::UnexpectedColon)),
            Token::Word(_) => return Err(self.error(ParseErrorKind::UnexpectedWord)),
            Token::CommentLine(_) | Token::CommentBlock(_) => {
                return Err(self.error(ParseErrorKind::CommentsNotAllowed))
            }
        }
        Ok(true)
    }

    fn object(&mut self) -> Result<(), Failure> {
        let at = self.slots.len();
        self.push(OBJECT);
        self.start();
        self.scan()?;
        loop {
            match self.current.take() {
                Some(Token::CloseBrace) => break,
                Some(Token::String(name)) => self.property(&name)?,
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
        self.close(at);
        Ok(())
    }

    fn property(&mut self, name: &str) -> Result<(), Failure> {
        self.start();
        self.push_string(name);
        if !matches!(self.scan()?, Some(Token::Colon)) {
            return Err(self.error(ParseErrorKind::ExpectedColonAfterObjectKey));
        }
        self.scan()?;
        if !self.value()? {
            return Err(self.error(ParseErrorKind::ExpectedObjectValue));
        }
        self.end();
        Ok(())
    }

    fn array(&mut self) -> Result<(), Failure> {
        let at = self.slots.len();
        self.push(ARRAY);
        self.start();
        self.scan()?;
        loop {
            match self.current {
                Some(Token::CloseBracket) => break,
                None => return Err(self.error_for_open(ParseErrorKind::UnterminatedArray)),
                _ => {
                    if !self.value()? {
                        return Err(self.error_for_open(ParseErrorKind::UnterminatedArray));
                    }
                }
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
        self.close(at);
        Ok(())
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
    use jsonc_parser::ast;
    use jsonc_parser::{parse_to_ast, CollectOptions, ParseOptions};

    use super::*;

    /// Our tree as `parse_to_ast`'s types, to compare the two whole.
    fn to_jsonc(value: Value<'_>) -> ast::Value<'_> {
        let string = |lit: StringLit<'_>| ast::StringLit {
            range: lit.range,
            value: Cow::Owned(lit.value.to_owned()),
        };
        match value {
            Value::Object(object) => ast::Value::Object(ast::Object {
                range: object.range,
                properties: object
                    .properties
                    .iter()
                    .map(|prop| ast::ObjectProp {
                        range: prop.range,
                        name: ast::ObjectPropName::String(string(prop.name)),
                        value: to_jsonc(prop.value),
                    })
                    .collect(),
            }),
            Value::Array(array) => ast::Value::Array(ast::Array {
                range: array.range,
                elements: array.elements.iter().map(to_jsonc).collect(),
            }),
            Value::StringLit(lit) => ast::Value::StringLit(string(lit)),
            Value::NumberLit(lit) => ast::Value::NumberLit(ast::NumberLit {
                range: lit.range,
                value: lit.value,
            }),
            Value::BooleanLit(lit) => ast::Value::BooleanLit(ast::BooleanLit {
                range: lit.range,
                value: lit.value,
            }),
            Value::NullKeyword(lit) => ast::Value::NullKeyword(ast::NullKeyword { range: lit.range }),
        }
    }

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
    fn reference(text: &str) -> Result<Option<ast::Value<'_>>, (Range, String)> {
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
        let tree = parse(text);
        let ours = match &tree {
            Ok(tree) => Ok(tree.as_ref().map(|tree| to_jsonc(tree.root()))),
            Err(failure) => Err((
                failure.range(),
                failure.kind().map(ToString::to_string).unwrap_or_default(),
            )),
        };
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
    fn a_slot_is_twelve_bytes_and_each_value_and_name_has_one() {
        assert_eq!(std::mem::size_of::<Slot>(), 12);
        let text = r#"{"a": {"b": 1}, "c": [1, 2, 3, 4, 5], "d": [], "e\u00e9": "x\ny"}"#;
        let Ok(Some(tree)) = parse(text) else {
            panic!("valid JSON")
        };
        // The root, 4 names, the inner object, "b", 1, the list and its 5, [], the string.
        assert_eq!(tree.slots.len(), 1 + 4 + 1 + 2 + 1 + 5 + 1 + 1);
    }

    #[test]
    fn the_smallest_values_make_a_tree_at_most_six_times_their_text() {
        for (text, times) in [
            (format!("[{}0]", "0,".repeat(100_000)), 6.01),
            (format!("{{{}\"a\":0}}", "\"a\":0,".repeat(100_000)), 4.1),
            (format!("[{}\"\\n\"]", "\"\\n\",".repeat(100_000)), 3.41),
        ] {
            let Ok(Some(tree)) = parse(&text) else {
                panic!("valid JSON")
            };
            let bytes = tree.slots.len() * std::mem::size_of::<Slot>()
                + tree.texts.decoded.len()
                + tree.texts.ends.len() * std::mem::size_of::<u32>();
            let ratio = bytes as f64 / text.len() as f64;
            assert!(ratio <= times, "{ratio:.2} times the text for {}…", &text[..12]);
        }
    }

    /// `unique` keeps what `serde_json` keeps (first place, last value) for objects of
    /// few and many names, with the repeat anywhere and spelled with an escape.
    #[test]
    fn repeated_names_are_found_among_few_and_many_wherever_they_are() {
        for count in [2, 3, 15, 16, 17, 40, 300] {
            for (first, second) in [(0, 1), (0, count - 1), (count / 2, count - 1), (count - 2, count - 1)] {
                if first >= second {
                    continue;
                }
                let members: Vec<String> = (0..count)
                    .map(|n| match n {
                        // The repeat writes `k…` as `\u006b…`: the same name decoded.
                        _ if n == second => format!("\"\\u006b{first}\": {n}"),
                        _ => format!("\"k{n}\": {n}"),
                    })
                    .collect();
                let text = format!("{{{}}}", members.join(", "));
                let Ok(Some(tree)) = parse(&text) else {
                    panic!("valid JSON")
                };
                let Value::Object(object) = tree.root() else {
                    panic!("an object")
                };
                let expected: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
                let names: Vec<&str> = object.unique().map(|(name, _)| name).collect();
                assert_eq!(names, expected.keys().collect::<Vec<_>>(), "{count} {first} {second}");
                assert!(has_repeated_names(&object.properties), "{count} {first} {second}");
                let values: Vec<i64> = object
                    .unique()
                    .map(|(_, value)| match value {
                        Value::NumberLit(number) => number.value.parse().unwrap(),
                        _ => panic!("a number"),
                    })
                    .collect();
                let serde_values: Vec<i64> = expected.values().map(|v| v.as_i64().unwrap()).collect();
                assert_eq!(values, serde_values, "{count} {first} {second}");
            }
            let distinct = format!(
                "{{{}}}",
                (0..count).map(|n| format!("\"k{n}\": 0")).collect::<Vec<_>>().join(",")
            );
            let Ok(Some(tree)) = parse(&distinct) else {
                panic!("valid JSON")
            };
            let Value::Object(object) = tree.root() else {
                panic!("an object")
            };
            assert!(!has_repeated_names(&object.properties), "{count}");
            assert_eq!(object.unique().count(), count);
        }
    }

    #[test]
    fn a_text_over_the_longest_is_refused_before_it_is_read() {
        let text = "[1, 2, 3]";
        assert!(matches!(parse_within(text, text.len()), Ok(Some(_))));
        let Err(failure) = parse_within(text, text.len() - 1) else {
            panic!("a text over the longest is refused")
        };
        assert!(matches!(failure, Failure::TooLarge));
        assert!(failure.kind().is_none());
        assert_eq!(failure.range(), Range::new(0, 0));
    }

    #[test]
    fn views_count_index_and_decode_as_they_read() {
        let text = r#"{"a": {"b": [1, {"c": null}]}, "c": [true, false, "x", -1.5e3], "é\"": "\u00e9\n", "d": {}}"#;
        let Ok(Some(tree)) = parse(text) else {
            panic!("valid JSON")
        };
        let Value::Object(root) = tree.root() else {
            panic!("an object")
        };
        assert_eq!(root.properties.len(), 4);
        assert!(!root.properties.is_empty());
        let names: Vec<String> = root.properties.iter().map(|prop| prop.name.value.to_owned()).collect();
        assert_eq!(names, ["a", "c", "é\"", "d"]);
        let props: Vec<ObjectProp<'_>> = root.properties.iter().collect();
        let Value::Array(list) = &props[1].value else {
            panic!("an array")
        };
        assert_eq!(list.elements.len(), 4);
        assert!(matches!(
            list.elements.get(1),
            Some(Value::BooleanLit(BooleanLit { value: false, .. }))
        ));
        assert!(matches!(
            list.elements.get(3),
            Some(Value::NumberLit(NumberLit { value: "-1.5e3", .. }))
        ));
        assert!(list.elements.get(4).is_none());
        let Value::StringLit(escaped) = &props[2].value else {
            panic!("a string")
        };
        assert_eq!(escaped.value, "é\n");
        assert_eq!(&text[escaped.range.start..escaped.range.end], r#""\u00e9\n""#);
        assert_eq!(&text[props[2].range.start..props[2].range.end], r#""é\"": "\u00e9\n""#);
        let Value::Object(empty) = &props[3].value else {
            panic!("an object")
        };
        assert!(empty.properties.is_empty());
        assert_eq!(empty.properties.len(), 0);
        // Whole trees, small and large, agree with `parse_to_ast`.
        assert_agrees(text);
        for count in [1023, 1024, 1025, 3079] {
            assert_agrees(&format!("[{}]", vec![r#"{"a": [1], "b": {}}"#; count].join(",")));
        }
    }
}
