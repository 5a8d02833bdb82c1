//! The number-phrase engine: reads atoms left to right and, at each atom that
//! can start a phrase, tries `[qualifier] value [range] [suffix]`, then checks
//! the readings numbers.md excludes (years, dates, times, ordinals, ages,
//! identifiers, compound modifiers, the pronoun "one") and finds the counted noun.
//!
//! Files, one seam each: `phrases.rs` (the phrase grammar: qualifiers,
//! ranges, suffixes), `values.rs` (one value with currency, sign, percent and
//! scale; vague quantities, fractions), `cardinal.rs` (numbers in words),
//! `digits.rs` (numbers in digits), `exclusions.rs` (readings numbers.md
//! excludes) and `nouns.rs` (the counted noun). This file holds the shared
//! types and the driver. All word knowledge lives in `words.rs` and
//! `qualifiers.rs`.

mod cardinal;
mod digits;
mod exclusions;
mod nouns;
mod phrases;
mod values;

use super::atoms::{atomize, Atom, Class};
use super::exact::Exact;
use super::lexicon::{Role, Set};
use super::words::{CURRENCY_SIGNS, HYPHENS, START_MARKS, TRAILING_PUNCTUATION, VULGAR_FRACTIONS};
use super::{Interval, NumberKind};
use crate::span::Span;
use std::cell::Cell;

/// One phrase found, in byte offsets.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub span: Span,
    pub interval: Interval,
    pub approximate: bool,
    pub kind: NumberKind,
    pub unit: Option<&'static str>,
    pub noun: Option<Span>,
}

/// A value before qualifiers: a point `[lo, lo]` or a vague `[lo, hi)`.
#[derive(Clone, Copy, Debug)]
struct Core {
    first: usize,
    last: usize,
    lo: f64,
    hi: f64,
    approximate: bool,
    kind: NumberKind,
    unit: Option<&'static str>,
    /// The trailing multiplier ("three million" has 1e6), 1 when none.
    scale: f64,
    /// Bare digits without separators, decimals or scale: (value, digit count).
    plain_int: Option<(u64, usize)>,
    /// The lone word "one" (a pronoun unless context says otherwise).
    bare_one: bool,
    /// The exact value of a point (`lo` and `hi` are its `f64`), `None` for
    /// vague quantities.
    exact: Option<Exact>,
}

impl Core {
    fn point(first: usize, last: usize, x: f64) -> Core {
        Core {
            first,
            last,
            lo: x,
            hi: x,
            approximate: false,
            kind: NumberKind::Number,
            unit: None,
            scale: 1.0,
            plain_int: None,
            bare_one: false,
            exact: None,
        }
    }

    /// The closed point of an exact value.
    fn exact(first: usize, last: usize, x: Exact) -> Core {
        let mut c = Core::point(first, last, x.to_f64());
        c.exact = Some(x);
        c
    }

    /// Replaces the point value.
    fn set_exact(&mut self, x: Exact) {
        self.lo = x.to_f64();
        self.hi = self.lo;
        self.exact = Some(x);
    }

    fn is_point(&self) -> bool {
        self.lo == self.hi
    }

    /// Multiplies by a scale (an integer: 12, 1e5, 1e6), exactly for a point.
    fn scaled(&mut self, m: f64) {
        match self.exact.zip(Exact::from_int_f64(m)).and_then(|(x, m)| x.mul(m)) {
            Some(x) if self.is_point() => self.set_exact(x),
            _ => {
                self.exact = None;
                self.lo *= m;
                self.hi *= m;
            }
        }
        self.scale *= m;
        self.plain_int = None;
    }

    fn is_year_like(&self) -> bool {
        self.kind == NumberKind::Number
            && matches!(self.plain_int, Some((v, 4)) if (1000..2200).contains(&v))
    }
}

/// A phrase before its noun: atom range, interval parts and flags.
#[derive(Clone, Copy, Debug)]
struct Phrase {
    first: usize,
    last: usize,
    lo: Option<f64>,
    lo_incl: bool,
    hi: Option<f64>,
    hi_incl: bool,
    approximate: bool,
    kind: NumberKind,
    unit: Option<&'static str>,
    noun: Option<usize>,
}

/// How the scan reads context: in a running text, or one whole phrase.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Text,
    Whole,
}

struct Scan<'a, 'h> {
    a: &'a [Atom<'h>],
    /// The text the atoms index (for the spaces between them).
    text: &'h str,
    mode: Mode,
    /// The last atom of the latest phrase an exclusion dropped: none of its
    /// parts is read on its own.
    rejected_to: Cell<usize>,
    /// Whether the latest exclusion was a year (whose range tail may be read).
    year_rejected: Cell<bool>,
}

/// How far before its number a phrase may start, in atoms.
const WINDOW: usize = 8;

/// Finds every number phrase in `atoms`, the atoms of one block of a text
/// (see `text::blocks`); `whole_text` says whether the block is the whole text.
pub(crate) fn find_in<'h>(
    text: &'h str,
    atoms: &[Atom<'h>],
    whole_text: bool,
    found: &mut Vec<Found>,
) {
    let content = atoms.iter().filter(|a| a.class != Class::Mark).take(2).count();
    // A text that is nothing but one phrase is read as that phrase ("one").
    let mode = if whole_text && content <= 1 { Mode::Whole } else { Mode::Text };
    let scan =
        Scan { a: atoms, text, mode, rejected_to: Cell::new(0), year_rejected: Cell::new(false) };
    let mut phrases: Vec<Phrase> = Vec::new();
    // Every phrase holds a number (digits or a number word), its anchor; the
    // phrase starts at most WINDOW atoms before it ("greater than or equal to
    // US$ 5"). Looking only around anchors keeps the scan fast.
    let mut free = 0;
    let mut n = 0;
    while n < atoms.len() {
        if !atoms.get(n).is_some_and(Atom::is_anchor) {
            n += 1;
            continue;
        }
        // Look back only over words that can lead a phrase ("more than", "$").
        let mut from = n;
        while from > free && n - from < WINDOW && atoms.get(from - 1).is_some_and(Atom::may_lead) {
            from -= 1;
        }
        let mut hit = None;
        for s in (from..=n).filter(|&s| scan.can_start(s)) {
            hit = scan.phrase_at(s).filter(|p| p.last >= n);
            // An excluded phrase over the anchor, from a qualifier word: its
            // parts are not read from a later start ("aged between 18 and
            // 50": not "18").
            let from_word = scan.at(s).is_some_and(|a| a.class == Class::Word);
            if hit.is_some() || (from_word && scan.rejected_to.get() >= n) {
                break;
            }
        }
        match hit {
            Some(p) => {
                free = p.last + 1;
                n = free;
                match phrases.last_mut() {
                    Some(prev) if scan.joins(prev, &p) => *prev = merge(prev, &p),
                    _ => phrases.push(p),
                }
            }
            None => {
                // Past the parts of an excluded phrase.
                let rejected = scan.rejected_to.get();
                if rejected >= n {
                    n = rejected + 1;
                    free = free.max(n);
                } else {
                    n += 1;
                }
            }
        }
    }
    found.extend(phrases.iter().filter_map(|p| scan.found(p)));
}

/// Parses `text` as one whole phrase.
pub(crate) fn parse_whole(text: &str) -> Option<Interval> {
    let atoms = atomize(text);
    let last_content =
        atoms.iter().rposition(|a| a.class != Class::Mark || !is_trailing_punct(a))?;
    let scan = Scan {
        a: &atoms,
        text,
        mode: Mode::Whole,
        rejected_to: Cell::new(0),
        year_rejected: Cell::new(false),
    };
    let p = scan.phrase_at(0)?;
    if p.last != last_content {
        return None;
    }
    scan.found(&p).map(|f| f.interval)
}

fn is_trailing_punct(a: &Atom<'_>) -> bool {
    TRAILING_PUNCTUATION.contains(&a.text)
}

fn merge(a: &Phrase, b: &Phrase) -> Phrase {
    let (lower, upper) = if a.lo.is_some() { (a, b) } else { (b, a) };
    Phrase {
        first: a.first,
        last: b.last,
        lo: lower.lo,
        lo_incl: lower.lo_incl,
        hi: upper.hi,
        hi_incl: upper.hi_incl,
        approximate: a.approximate || b.approximate,
        kind: if a.kind == NumberKind::Number { b.kind } else { a.kind },
        unit: a.unit.or(b.unit),
        noun: b.noun,
    }
}

impl<'h> Scan<'_, 'h> {
    #[inline]
    fn at(&self, j: usize) -> Option<&Atom<'h>> {
        self.a.get(j)
    }

    #[inline]
    fn is(&self, j: usize, w: &str) -> bool {
        self.at(j).is_some_and(|a| a.is(w))
    }

    #[inline]
    fn is_any(&self, j: usize, ws: &[&str]) -> bool {
        self.at(j).is_some_and(|a| a.is_any(ws))
    }

    #[inline]
    fn in_set(&self, j: usize, set: Set) -> bool {
        self.at(j).is_some_and(|a| a.in_set(set))
    }

    fn before(&self, j: usize, back: usize) -> Option<&Atom<'h>> {
        j.checked_sub(back).and_then(|k| self.at(k))
    }

    fn role(&self, j: usize) -> Option<Role> {
        self.at(j).and_then(Atom::entry).map(|e| e.role)
    }

    fn glued(&self, j: usize) -> Option<&Atom<'h>> {
        self.at(j).filter(|a| a.glued)
    }

    fn class(&self, j: usize) -> Option<Class> {
        self.at(j).map(|a| a.class)
    }

    /// The word after a hyphen at `k` that joins it to the word before
    /// ("two-and-a-half", "half-a-dozen", "a hundred-and-fifty": hyphens
    /// written for spaces), else `k`.
    fn past_hyphen(&self, k: usize) -> usize {
        let hyphen = self.glued(k).is_some_and(|h| h.is("-"));
        if hyphen && self.glued(k + 1).is_some_and(|w| w.class == Class::Word) {
            k + 1
        } else {
            k
        }
    }

    /// The value of the scale word at `k` that a fraction or a half
    /// multiplies: "million", "dozen" ("half a dozen", "a quarter million").
    fn scale_at(&self, k: usize) -> Option<f64> {
        match self.role(k)? {
            Role::Scale(s) => Some(s),
            Role::Dozen => Some(12.0),
            _ => None,
        }
    }

    /// The cheap test that keeps the scan fast: only digits, a few marks and
    /// known starting words can begin a phrase.
    fn can_start(&self, i: usize) -> bool {
        let Some(a) = self.at(i) else { return false };
        match a.class {
            // Not the tail of a range we did not take ("2015-16").
            Class::Digits => {
                !(a.glued
                    && self.before(i, 1).is_some_and(|p| p.is_any(HYPHENS) && p.glued)
                    && self.before(i, 2).is_some_and(|q| q.class == Class::Digits))
            }
            // Not the word of a name like "7-Eleven".
            Class::Word => {
                a.starts_phrase()
                    && !(a.glued
                        && a.is_capitalized()
                        && self.before(i, 1).is_some_and(|p| p.is_any(HYPHENS) && p.glued)
                        && self.before(i, 2).is_some_and(|q| q.class == Class::Digits))
            }
            Class::Mark => {
                START_MARKS.contains(&a.text)
                    || CURRENCY_SIGNS.iter().any(|(s, _)| *s == a.text)
                    || VULGAR_FRACTIONS.iter().any(|(s, ..)| *s == a.text)
            }
        }
    }
}
