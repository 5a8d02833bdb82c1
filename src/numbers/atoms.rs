//! Atoms: the crate's tokens cut at digit/letter/mark boundaries.
//!
//! The number engine must not depend on how the tokenizer splits "$10bn",
//! "twenty-seven", "100-plus" or "COVID-19", so it re-cuts every token into
//! atoms (a digit run with inner separators, a letter run, or one mark) and
//! records whether each atom touches the previous one. Both a raw UAX#29
//! split and a Universal Dependencies split give the same atoms.

use super::lexicon::{lookup, may_anchor, Entry, Set};
use super::words::{CURRENCY_SIGNS, LEAD_MARKS, VULGAR_FRACTIONS};
use crate::text::chars::alphabetic;
use std::cell::OnceCell;

/// What an atom is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// ASCII digits, with inner "," or "." between digits ("12,400", "6.8").
    Digits,
    /// Letters, with inner "." or apostrophe between letters ("a.m", "o'clock").
    Word,
    /// Any other single character ("$", "-", "%", "/").
    Mark,
}

/// One atom: its byte span, text, class, whether it touches the previous atom,
/// and its lexicon entry (for known words, looked up on first use: most words
/// are never near a number, and the lookup is the costliest per-word step).
#[derive(Clone, Debug)]
pub(crate) struct Atom<'h> {
    pub start: usize,
    pub end: usize,
    pub text: &'h str,
    pub class: Class,
    pub glued: bool,
    entry: OnceCell<Option<&'static Entry>>,
}

impl Atom<'_> {
    /// The lexicon entry of a known word.
    #[inline]
    pub fn entry(&self) -> Option<&'static Entry> {
        match self.class {
            Class::Word => *self.entry.get_or_init(|| lookup(self.text)),
            _ => None,
        }
    }

    /// Whether a phrase may start with this word.
    #[inline]
    pub fn starts_phrase(&self) -> bool {
        self.entry().is_some_and(|e| e.starts)
    }

    /// Whether this atom may stand before the number inside a phrase.
    #[inline]
    pub fn may_lead(&self) -> bool {
        match self.class {
            Class::Word => self.entry().is_some_and(|e| e.lead),
            Class::Digits => true,
            Class::Mark => {
                LEAD_MARKS.contains(&self.text) || CURRENCY_SIGNS.iter().any(|r| r.0 == self.text)
            }
        }
    }

    /// Whether this atom holds a number (digits or a number word); phrases
    /// are looked for only around these. A cheap filter runs before the lookup.
    #[inline]
    pub fn is_anchor(&self) -> bool {
        match self.class {
            Class::Digits => true,
            Class::Word => may_anchor(self.text) && self.entry().is_some_and(|e| e.anchor),
            Class::Mark => VULGAR_FRACTIONS.iter().any(|r| r.0 == self.text),
        }
    }

    /// Whether this atom is the (lowercase) word or the mark `w`.
    #[inline]
    pub fn is(&self, w: &str) -> bool {
        match self.class {
            Class::Word => self.entry().is_some_and(|e| e.key == w),
            Class::Mark => self.text == w,
            Class::Digits => false,
        }
    }

    /// The lowercase lexicon key of a known word.
    #[inline]
    pub fn key(&self) -> Option<&'static str> {
        match self.class {
            Class::Word => self.entry().map(|e| e.key),
            _ => None,
        }
    }

    /// Whether the atom's key (or mark) is one of `words`.
    #[inline]
    pub fn is_any(&self, words: &[&str]) -> bool {
        match self.class {
            Class::Word => self.entry().is_some_and(|e| words.contains(&e.key)),
            Class::Mark => words.contains(&self.text),
            Class::Digits => false,
        }
    }

    /// Whether the word is in one of the word tables.
    #[inline]
    pub fn in_set(&self, set: Set) -> bool {
        self.entry().is_some_and(|e| e.sets & set.bit() != 0)
    }

    /// Whether the word starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.class == Class::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Cuts the tokens of `text` into atoms.
pub(crate) fn atomize(text: &str) -> Vec<Atom<'_>> {
    // About one atom per six bytes of news text.
    let mut atoms = Vec::with_capacity(text.len() / 6);
    atomize_into(crate::text::tokens(text), &mut atoms);
    atoms
}

/// Cuts `tokens` into atoms, replacing the contents of `atoms`.
pub(crate) fn atomize_into<'h>(
    tokens: impl IntoIterator<Item = crate::text::Token<'h>>,
    atoms: &mut Vec<Atom<'h>>,
) {
    atoms.clear();
    let mut last_end = usize::MAX;
    for token in tokens {
        cut(token.as_str(), token.span().start, atoms, &mut last_end);
    }
}

fn push<'h>(
    atoms: &mut Vec<Atom<'h>>,
    last_end: &mut usize,
    text: &'h str,
    start: usize,
    class: Class,
) {
    let end = start + text.len();
    atoms.push(Atom { start, end, text, class, glued: start == *last_end, entry: OnceCell::new() });
    *last_end = end;
}

fn cut<'h>(token: &'h str, offset: usize, atoms: &mut Vec<Atom<'h>>, last_end: &mut usize) {
    let bytes = token.as_bytes();
    // Most tokens are plain ASCII words: one atom, no per-char work.
    if bytes.iter().all(u8::is_ascii_alphabetic) {
        push(atoms, last_end, token, offset, Class::Word);
        return;
    }
    let mut pos = 0;
    while let Some(c) = token.get(pos..).and_then(|rest| rest.chars().next()) {
        let start = pos;
        if c.is_ascii_digit() {
            pos += 1;
            loop {
                match bytes.get(pos) {
                    Some(b) if b.is_ascii_digit() => pos += 1,
                    Some(b',' | b'.') if bytes.get(pos + 1).is_some_and(u8::is_ascii_digit) => {
                        pos += 2
                    }
                    _ => break,
                }
            }
            push_slice(token, start, pos, offset, Class::Digits, atoms, last_end);
        } else if alphabetic(c) {
            pos += c.len_utf8();
            while let Some(d) = token.get(pos..).and_then(|rest| rest.chars().next()) {
                let inner_mark = matches!(d, '.' | '\'' | '\u{2019}')
                    && token
                        .get(pos + d.len_utf8()..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(alphabetic);
                if !(alphabetic(d) || inner_mark) {
                    break;
                }
                pos += d.len_utf8();
            }
            push_slice(token, start, pos, offset, Class::Word, atoms, last_end);
        } else {
            pos += c.len_utf8();
            push_slice(token, start, pos, offset, Class::Mark, atoms, last_end);
        }
    }
}

fn push_slice<'h>(
    token: &'h str,
    from: usize,
    to: usize,
    offset: usize,
    class: Class,
    atoms: &mut Vec<Atom<'h>>,
    last_end: &mut usize,
) {
    if let Some(piece) = token.get(from..to) {
        push(atoms, last_end, piece, offset + from, class);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(&str, bool)> {
        atomize(s).iter().map(|a| (a.text, a.glued)).collect()
    }

    #[test]
    fn cuts_glued_forms() {
        assert_eq!(texts("$10bn"), [("$", false), ("10", true), ("bn", true)]);
        assert_eq!(texts("twenty-seven"), [("twenty", false), ("-", true), ("seven", true)]);
        assert_eq!(texts("12,400 6.8"), [("12,400", false), ("6.8", false)]);
        assert_eq!(texts("3 p.m."), [("3", false), ("p.m", false), (".", true)]);
        assert_eq!(texts("MH17"), [("MH", false), ("17", true)]);
    }
}
