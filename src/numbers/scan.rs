//! The number-phrase engine: reads atoms left to right and, at each atom that
//! can start a phrase, tries `[qualifier] value [range] [suffix]`, then checks
//! the readings numbers.md excludes (years, dates, times, ordinals, ages,
//! identifiers, compound modifiers, the pronoun "one") and finds the counted noun.
//!
//! All word knowledge lives in `words.rs` and `qualifiers.rs`.

use super::atoms::{atomize, Atom, Class};
use super::lexicon::{Role, Set};
use super::qualifiers::{Bound, Prefix, BOUND_JOINERS, PREFIXES, RANGE_CONNECTORS, SUFFIXES};
use super::words::*;
use super::{Interval, NumberKind};
use crate::Span;

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
        }
    }

    fn is_point(&self) -> bool {
        self.lo == self.hi
    }

    fn scaled(&mut self, m: f64) {
        self.lo *= m;
        self.hi *= m;
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
    mode: Mode,
}

/// How far before its number a phrase may start, in atoms.
const WINDOW: usize = 8;

/// Finds every number phrase in `atoms`, the atoms of one block of a text
/// (see `text::blocks`); `whole_text` says whether the block is the whole text.
pub(crate) fn find_in(atoms: &[Atom<'_>], whole_text: bool, found: &mut Vec<Found>) {
    let content = atoms.iter().filter(|a| a.class != Class::Mark).take(2).count();
    // A text that is nothing but one phrase is read as that phrase ("one").
    let mode = if whole_text && content <= 1 { Mode::Whole } else { Mode::Text };
    let scan = Scan { a: atoms, mode };
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
        let hit = (from..=n)
            .filter(|&s| scan.can_start(s))
            .find_map(|s| scan.phrase_at(s).filter(|p| p.last >= n));
        match hit {
            Some(p) => {
                free = p.last + 1;
                n = free;
                match phrases.last_mut() {
                    Some(prev) if scan.joins(prev, &p) => *prev = merge(prev, &p),
                    _ => phrases.push(p),
                }
            }
            None => n += 1,
        }
    }
    found.extend(phrases.iter().filter_map(|p| scan.found(p)));
}

/// Parses `text` as one whole phrase.
pub(crate) fn parse_whole(text: &str) -> Option<Interval> {
    let atoms = atomize(text);
    let last_content =
        atoms.iter().rposition(|a| a.class != Class::Mark || !is_trailing_punct(a))?;
    let scan = Scan { a: &atoms, mode: Mode::Whole };
    let p = scan.phrase_at(0)?;
    if p.last != last_content {
        return None;
    }
    scan.found(&p).map(|f| f.interval)
}

fn is_trailing_punct(a: &Atom<'_>) -> bool {
    matches!(a.text, "." | "," | ";" | ":" | "!" | "?" | ")" | "\"")
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

    /// The cheap test that keeps the scan fast: only digits, a few marks and
    /// known starting words can begin a phrase.
    fn can_start(&self, i: usize) -> bool {
        let Some(a) = self.at(i) else { return false };
        match a.class {
            // Not the tail of a range we did not take ("2015-16").
            Class::Digits => {
                !(a.glued
                    && self.before(i, 1).is_some_and(|p| p.is_any(&["-", "\u{2013}"]) && p.glued)
                    && self.before(i, 2).is_some_and(|q| q.class == Class::Digits))
            }
            Class::Word => a.starts_phrase(),
            Class::Mark => {
                matches!(a.text, "-" | "\u{2212}" | "." | ">" | "<" | "\u{2265}" | "\u{2264}")
                    || CURRENCY_SIGNS.iter().any(|(s, _)| *s == a.text)
            }
        }
    }

    // ---- phrases ------------------------------------------------------

    fn phrase_at(&self, i: usize) -> Option<Phrase> {
        if let Some((prefix, j)) = self.prefix_at(i) {
            if let Some(p) = self.qualified(i, prefix, j) {
                return Some(p);
            }
        }
        self.plain(i)
    }

    fn prefix_at(&self, i: usize) -> Option<(Prefix, usize)> {
        let mut best: Option<(Prefix, usize)> = None;
        let a = self.at(i)?;
        let candidates: &[u16] = match a.class {
            Class::Word => a.entry().map_or(&[], |e| e.prefixes.as_slice()),
            Class::Mark => &[],
            Class::Digits => return None,
        };
        let by_mark =
            PREFIXES.iter().filter(|p| a.class == Class::Mark && p.words.first() == Some(&a.text));
        let by_word = candidates.iter().filter_map(|&x| PREFIXES.get(usize::from(x)));
        let rows = by_word.chain(by_mark);
        for p in rows {
            let n = p.words.len();
            if best.is_some_and(|(b, _)| b.words.len() >= n) {
                continue;
            }
            if p.words.iter().enumerate().all(|(k, w)| self.is(i + k, w)) {
                best = Some((*p, i + n));
            }
        }
        best
    }

    fn qualified(&self, i: usize, prefix: Prefix, j: usize) -> Option<Phrase> {
        match prefix.bound {
            Bound::Between | Bound::From => {
                if prefix.bound == Bound::From && self.change_verb_before(i) {
                    return None;
                }
                let c1 = self.core(j, true)?;
                let k = c1.last + 1;
                let ok = if prefix.bound == Bound::Between {
                    self.is(k, "and")
                } else {
                    self.is_any(k, &["to", "-", "\u{2013}", "\u{2014}", "through", "thru"])
                };
                if !ok {
                    return None;
                }
                let c2 = self.core(k + 1, true)?;
                let (c1, c2) = range_pair(c1, c2)?;
                let mut p = self.range_phrase(i, &c1, &c2, prefix.approximate);
                p.noun = self.noun_for(&p, &c2);
                self.money_from_noun(&mut p);
                self.checked(p, &[c1, c2], Some(prefix.bound))
            }
            bound => {
                if prefix.words == ["over"] && self.over_is_preposition(i) {
                    return None;
                }
                let (c1, c2) = self.core_or_range(j, true)?;
                let p = self.finish(i, c1, c2, bound, prefix.approximate)?;
                if prefix.words == ["over"]
                    && p.noun.and_then(|n| self.at(n)).is_some_and(|a| a.in_set(Set::TimeUnit))
                    && !self.before(i, 1).is_some_and(|a| a.in_set(Set::OverKeeper))
                {
                    return None;
                }
                Some(p)
            }
        }
    }

    fn plain(&self, i: usize) -> Option<Phrase> {
        let (c1, c2) = self.core_or_range(i, false)?;
        self.finish(i, c1, c2, Bound::Point, false)
    }

    /// Adds the suffix qualifier, the noun and the checks to a value or range.
    fn finish(
        &self,
        i: usize,
        c1: Core,
        c2: Option<Core>,
        bound: Bound,
        hedge: bool,
    ) -> Option<Phrase> {
        let mut p = match c2 {
            Some(c2) => self.range_phrase(i, &c1, &c2, hedge),
            None if bound != Bound::Point => self.bounded(i, &c1, bound, hedge),
            None => match self.suffix_at(c1.last + 1) {
                Some((s, last)) => {
                    // "about 500 or more": the hedge stays outside the bound (as RT).
                    if hedge && i != c1.first && s.bound != Bound::Point {
                        return None;
                    }
                    let mut p = self.bounded(i, &c1, s.bound, s.approximate || hedge);
                    p.last = last;
                    p
                }
                None => self.bounded(i, &c1, Bound::Point, hedge),
            },
        };
        p.noun = self.noun_for(&p, &c2.unwrap_or(c1));
        self.money_from_noun(&mut p);
        let cores = [c1, c2.unwrap_or(c1)];
        let qualified = i != c1.first;
        if !qualified
            && c2.is_none()
            && c1.bare_one
            && p.last == c1.last
            && !(self.one_is_number(c1.first) && (p.noun.is_some() || self.mode == Mode::Whole))
        {
            return None;
        }
        let bound = match (p.lo, p.hi) {
            (Some(lo), Some(hi)) if lo == hi => None,
            (Some(_), None) => Some(Bound::AtLeast),
            (None, Some(_)) => Some(Bound::AtMost),
            _ => Some(Bound::Between),
        };
        self.checked(p, &cores, bound)
    }

    fn suffix_at(&self, k: usize) -> Option<(super::qualifiers::Suffix, usize)> {
        let mut best: Option<(super::qualifiers::Suffix, usize)> = None;
        for s in SUFFIXES {
            let n = s.words.len();
            if best.is_some_and(|(b, _)| b.words.len() >= n) {
                continue;
            }
            if s.glued && self.glued(k).is_none() {
                continue;
            }
            // "5000 or less than 6000" is two phrases.
            if s.words.iter().enumerate().all(|(x, w)| self.is(k + x, w)) && !self.is(k + n, "than")
            {
                best = Some((*s, k + n - 1));
            }
        }
        best
    }

    fn bounded(&self, i: usize, c: &Core, bound: Bound, hedge: bool) -> Phrase {
        let vague = !c.is_point();
        let (lo, lo_incl, hi, hi_incl) = match bound {
            Bound::MoreThan => (Some(c.lo), false, None, false),
            Bound::AtLeast => (Some(c.lo), true, None, false),
            Bound::LessThan => (None, false, Some(c.hi), false),
            Bound::AtMost => (None, false, Some(c.hi), !vague),
            _ => (Some(c.lo), true, Some(c.hi), !vague),
        };
        Phrase {
            first: i,
            last: c.last,
            lo,
            lo_incl,
            hi,
            hi_incl,
            approximate: hedge || c.approximate,
            kind: c.kind,
            unit: c.unit,
            noun: None,
        }
    }

    fn range_phrase(&self, i: usize, c1: &Core, c2: &Core, hedge: bool) -> Phrase {
        let kind = if c2.kind != NumberKind::Number { c2.kind } else { c1.kind };
        Phrase {
            first: i,
            last: c2.last,
            lo: Some(c1.lo),
            lo_incl: true,
            hi: Some(c2.hi),
            hi_incl: true,
            approximate: hedge || c1.approximate || c2.approximate,
            kind,
            unit: c1.unit.or(c2.unit),
            noun: None,
        }
    }

    /// A value, or two values joined by a range connector ("20 to 30").
    fn core_or_range(&self, j: usize, qualified: bool) -> Option<(Core, Option<Core>)> {
        let c1 = self.core(j, qualified)?;
        let k = c1.last + 1;
        let connector = self.at(k).filter(|a| a.is_any(RANGE_CONNECTORS));
        let Some(connector) = connector else { return Some((c1, None)) };
        // A dash joins a range only when spaced alike on both sides ("5-10",
        // "5 - 10"); "7 –6" is a tennis score.
        if connector.class == Class::Mark
            && connector.glued != self.at(k + 1).is_some_and(|n| n.glued)
        {
            return Some((c1, None));
        }
        if connector.is("or") && self.is_any(k + 1, &["so", "more", "less", "fewer"]) {
            return Some((c1, None));
        }
        // "rose from 12 to 19", "grew by $4bn to $52bn": two values.
        let after_change = self.before(j, 1).is_some_and(|a| a.is_any(&["from", "by"]))
            && j >= 1
            && self.change_verb_before(j - 1);
        if after_change && connector.is("to") {
            return Some((c1, None));
        }
        // "40–22", "3-2": a score or code written as one token, not a range.
        let dash_pair = connector.glued
            && connector.is_any(&["-", "\u{2013}", "\u{2014}"])
            && c1.plain_int.is_some()
            && self.glued(k + 1).is_some_and(|d| d.class == Class::Digits);
        let range = self.core(k + 1, true).and_then(|c2| range_pair(c1, c2));
        if dash_pair && range.is_none() {
            return None;
        }
        match range {
            Some((c1, c2)) => {
                if c1.is_year_like() && c2.plain_int.is_some() {
                    return None;
                }
                // "+1-222-2222-2222": a chain of numbers is an identifier.
                if self.glued(c2.last + 1).is_some_and(|m| m.is_any(&["-", "/", "\u{2013}"]))
                    && self.glued(c2.last + 2).is_some_and(|d| d.class == Class::Digits)
                {
                    return None;
                }
                Some((c1, Some(c2)))
            }
            None => Some((c1, None)),
        }
    }

    fn change_verb_before(&self, i: usize) -> bool {
        self.before(i, 1).is_some_and(|a| a.in_set(Set::ChangeVerb))
    }

    fn over_is_preposition(&self, i: usize) -> bool {
        self.before(i, 1).is_some_and(|a| a.in_set(Set::OverGovernor))
    }

    /// Whether `prev` (bounded on one side) and `next` (on the other) are joined
    /// by "and"/"but" into one interval ("above 1000 and below 1500").
    fn joins(&self, prev: &Phrase, next: &Phrase) -> bool {
        let one_sided = |p: &Phrase| p.lo.is_some() != p.hi.is_some();
        if !one_sided(prev) || !one_sided(next) || prev.lo.is_some() == next.lo.is_some() {
            return false;
        }
        if prev.noun.is_some() || !matches!(self.at(next.first), Some(a) if a.class == Class::Word)
        {
            return false;
        }
        let gap = next.first.saturating_sub(prev.last + 1);
        let joined = BOUND_JOINERS.iter().any(|j| {
            j.len() == gap && j.iter().enumerate().all(|(x, w)| self.is(prev.last + 1 + x, w))
        });
        let (lo, hi) = if prev.lo.is_some() { (prev.lo, next.hi) } else { (next.lo, prev.hi) };
        joined && matches!((lo, hi), (Some(l), Some(h)) if l < h)
    }

    /// Applies the readings numbers.md excludes; `None` drops the phrase.
    fn checked(&self, p: Phrase, cores: &[Core; 2], bound: Option<Bound>) -> Option<Phrase> {
        if self.mode == Mode::Whole {
            return Some(p);
        }
        let first_core = &cores[0];
        // Identifiers: "Resolution 2254", "No. 10", "the emergency number is 112".
        if p.first == first_core.first {
            if let Some(prev) = self.before(p.first, 1) {
                if prev.is_capitalized() && prev.in_set(Set::Designator) {
                    return None;
                }
                if prev.is(".") && self.before(p.first, 2).is_some_and(|a| a.is_any(&["no", "nos"]))
                {
                    return None;
                }
                if prev.is_any(&["is", "was", ":"])
                    && self.before(p.first, 2).is_some_and(|a| a.is("number"))
                {
                    return None;
                }
                if prev.in_set(Set::Age)
                    || (prev.is("of") && self.before(p.first, 2).is_some_and(|a| a.is("age")))
                {
                    return None;
                }
                // "Falcon 9 rocket", "Windows 10": a name then a bare number
                // that counts nothing.
                let sentence_start = self.before(p.first, 2).is_none_or(|a| {
                    a.class == Class::Mark && matches!(a.text, "." | "!" | "?" | "\"" | ":")
                });
                if prev.is_capitalized()
                    && !sentence_start
                    && prev.entry().is_none()
                    && first_core.plain_int.is_some()
                    && p.noun.is_none()
                    && p.first == first_core.first
                {
                    return None;
                }
            }
        }
        // Ages: "12 years old" (a bound on an age, "more than thirty years old", stays).
        if bound.is_none()
            && self.is_any(p.last + 1, &["year", "years"])
            && self.is(p.last + 2, "old")
        {
            return None;
        }
        // Dates: "March 3", "12 January".
        if first_core.plain_int.is_some_and(|(v, _)| (1..=31).contains(&v)) {
            let month = |a: Option<&Atom<'_>>| {
                a.is_some_and(|a| a.is_capitalized() && a.in_set(Set::Month))
            };
            // "March 15 to 17": the second day of a date range.
            let range_tail = self
                .before(first_core.first, 1)
                .is_some_and(|a| a.is_any(&["to", "-", "\u{2013}", "and", "until", "through"]))
                && self.before(first_core.first, 2).is_some_and(|a| a.class == Class::Digits)
                && month(self.before(first_core.first, 3));
            if month(self.before(first_core.first, 1))
                || range_tail
                || month(self.at(p.last + 1))
                || (self.is(p.last + 1, "of") && month(self.at(p.last + 2)))
            {
                return None;
            }
        }
        // Years: "in 2016", "the 2014 agreement"; kept when they count something
        // ("2000 people") or a comparative bounds them ("more than 2000").
        let comparative = matches!(
            bound,
            Some(Bound::MoreThan | Bound::AtLeast | Bound::LessThan | Bound::AtMost)
        );
        if cores.iter().any(Core::is_year_like) && !comparative {
            // Only a plain plural right after it ("2000 people"; not "the 2025
            // Brit Awards", "2025 California wildfires").
            let counted =
                p.noun.filter(|&n| n == p.last + 1).and_then(|n| self.at(n)).is_some_and(|a| {
                    !a.is_capitalized()
                        && (is_plural(a.text) || a.in_set(Set::Irregular) || a.in_set(Set::Nominal))
                });
            if !counted {
                return None;
            }
        }
        Some(p)
    }

    /// Whether a lone "one" at `i` counts (numbers.md: "One journalist" does,
    /// "one of the", "no one", "one another", "the only one" do not).
    fn one_is_number(&self, i: usize) -> bool {
        if self.mode == Mode::Whole {
            return true;
        }
        if let Some(prev) = self.before(i, 1) {
            if prev.in_set(Set::OnePronounBefore)
                || (prev.is("only") && self.before(i, 2).is_some_and(|a| a.is("the")))
            {
                return false;
            }
        }
        match self.at(i + 1) {
            Some(next) if next.class == Class::Word => !next.in_set(Set::NounStop),
            _ => false,
        }
    }

    fn found(&self, p: &Phrase) -> Option<Found> {
        let first = self.at(p.first)?;
        let last = self.at(p.last)?;
        let interval = Interval::new(p.lo, p.lo_incl, p.hi, p.hi_incl)?;
        let noun = p.noun.and_then(|n| self.at(n)).map(|a| Span::new(a.start, a.end));
        Some(Found {
            span: Span::new(first.start, last.end),
            interval,
            approximate: p.approximate,
            kind: p.kind,
            unit: p.unit,
            noun,
        })
    }

    // ---- values -------------------------------------------------------

    /// One value with its currency, sign, scale and percent sign.
    fn core(&self, i: usize, qualified: bool) -> Option<Core> {
        let mut j = i;
        let mut money: Option<&'static str> = None;
        if let Some((code, next)) = self.currency_prefix(i) {
            money = Some(code);
            j = next;
        }
        let mut negative = false;
        if money.is_none() {
            let a = self.at(j)?;
            let minus_word =
                a.in_set(Set::Minus) && self.at(j + 1).is_some_and(|n| n.class != Class::Mark);
            // "-1", but not the hyphen of "5-10" or "F-16".
            let minus_sign = a.is_any(&["-", "\u{2212}"])
                && self.glued(j + 1).is_some_and(|n| n.class == Class::Digits)
                && !(a.glued && self.before(j, 1).is_some_and(|p| p.class != Class::Mark));
            if minus_word || minus_sign {
                negative = true;
                j += 1;
            }
        }
        let mut c = self.amount(j, qualified)?;
        c.first = i;
        if negative {
            if !c.is_point() {
                return None;
            }
            c.lo = -c.lo;
            c.hi = c.lo;
            c.plain_int = None;
            c.bare_one = false;
        }
        if let Some(code) = money {
            c.kind = NumberKind::Money;
            c.unit = Some(code);
            c.plain_int = None;
        } else if let Some(end) = self.percent_after(c.last) {
            c.kind = NumberKind::Percent;
            c.last = end;
            c.plain_int = None;
        }
        // Clock times: "3 p.m.", "10 am".
        if c.is_point() && c.lo <= 24.0 && self.in_set(c.last + 1, Set::TimeSuffix) {
            return None;
        }
        Some(c)
    }

    fn currency_prefix(&self, i: usize) -> Option<(&'static str, usize)> {
        let a = self.at(i)?;
        let sign = |x: &Atom<'_>| CURRENCY_SIGNS.iter().find(|(s, _)| *s == x.text).map(|r| r.1);
        let digits_at = |k: usize| self.at(k).is_some_and(|d| d.class == Class::Digits);
        match a.class {
            Class::Mark => {
                let code = sign(a)?;
                if digits_at(i + 1) || self.at(i + 1).is_some_and(|n| n.class == Class::Word) {
                    return Some((code, i + 1));
                }
                None
            }
            Class::Word => {
                if let Some(&(_, code)) = DOLLAR_PREFIXES.iter().find(|(p, _)| a.is(p)) {
                    let dollar = self.glued(i + 1).filter(|d| d.text == "$")?;
                    let _ = dollar;
                    if self.glued(i + 2).is_some_and(|d| d.class == Class::Digits) {
                        return Some((code, i + 2));
                    }
                }
                if a.in_set(Set::CurrencyCode)
                    && a.text.chars().all(|c| c.is_ascii_uppercase())
                    && digits_at(i + 1)
                {
                    let code = CURRENCY_CODES.iter().find(|c| a.is(c))?;
                    return Some((static_upper(code), i + 1));
                }
                None
            }
            Class::Digits => None,
        }
    }

    fn percent_after(&self, last: usize) -> Option<usize> {
        PERCENT_WORDS.iter().find_map(|words| {
            words
                .iter()
                .enumerate()
                .all(|(x, w)| self.is(last + 1 + x, w))
                .then(|| last + words.len())
        })
    }

    fn amount(&self, j: usize, qualified: bool) -> Option<Core> {
        let a = self.at(j)?;
        match a.class {
            Class::Digits => self.digits(j),
            Class::Mark => {
                // ".08"
                let d = self.glued(j + 1).filter(|d| d.class == Class::Digits)?;
                if a.text != "."
                    || (a.glued && self.before(j, 1).is_some_and(|p| p.class != Class::Mark))
                {
                    return None;
                }
                if !d.text.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let x = parse_decimal(&format!("0.{}", d.text))?;
                if self.glued(j + 2).is_some_and(|n| n.class != Class::Mark || n.text == ".") {
                    return None;
                }
                Some(Core::point(j, j + 1, x))
            }
            Class::Word => self.words(j, qualified),
        }
    }

    /// Digits with their glued or following scale ("12,400", "2m", "1.5 million").
    fn digits(&self, j: usize) -> Option<Core> {
        let a = self.at(j)?;
        if a.glued {
            let p = self.before(j, 1)?;
            match p.class {
                Class::Word => return None, // "MH17", "G7"
                Class::Digits => return None,
                Class::Mark => match p.text {
                    "/" | ":" | "#" | "." | "_" | "@" | "&" => return None,
                    // "F-16", "COVID-19"
                    // (but "2.5m-3m" is a range: the letters belong to a number)
                    "-" | "\u{2013}"
                        if p.glued
                            && self.before(j, 2).is_some_and(|q| {
                                q.class == Class::Word
                                    && !(q.glued
                                        && self
                                            .before(j, 3)
                                            .is_some_and(|d| d.class == Class::Digits))
                            }) =>
                    {
                        return None;
                    }
                    _ => {}
                },
            }
        }
        // "0800", "007": codes, not quantities.
        if a.text.len() > 1
            && a.text.starts_with('0')
            && a.text.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        let (x, plain) = parse_number_text(a.text)?;
        let mut c = Core::point(j, j, x);
        c.plain_int = plain.map(|v| (v, a.text.len()));
        if let Some(n) = self.glued(j + 1) {
            match n.class {
                Class::Word => {
                    if let Some(m) = scale_abbreviation(n, false) {
                        c.scaled(m);
                        c.last = j + 1;
                    } else if let Some(Role::Scale(m)) = self.role(j + 1) {
                        c.scaled(m);
                        c.last = j + 1;
                    } else if n.is("e") && self.exponent(j + 2).is_some() {
                        // "1e10", "12.32e+14"
                        let (e, last) = self.exponent(j + 2)?;
                        let v = x * 10f64.powi(e);
                        if !v.is_finite() {
                            return None;
                        }
                        let mut c = Core::point(j, last, v);
                        c.scale = 1.0;
                        return Some(c);
                    } else {
                        // "27th", "1990s", "10pm", "5G", "4x4"
                        return None;
                    }
                }
                Class::Mark => match n.text {
                    "/" => {
                        let d = self.glued(j + 2).filter(|d| d.class == Class::Digits)?;
                        let (dv, dplain) = parse_number_text(d.text)?;
                        let num = plain?;
                        let den = dplain?;
                        if self.glued(j + 3).is_some_and(|z| z.text == "/")
                            || !DIGIT_DENOMINATORS.contains(&den)
                            || num >= den
                        {
                            return None;
                        }
                        let mut f = Core::point(j, j + 2, x / dv);
                        f.kind = NumberKind::Fraction;
                        return Some(f);
                    }
                    // "3:45", "192.168.1.2"
                    ":" | "." | ","
                        if self.glued(j + 2).is_some_and(|d| d.class == Class::Digits) =>
                    {
                        return None;
                    }
                    // "1990's"
                    "'" | "\u{2019}" if self.glued(j + 2).is_some_and(|s| s.is("s")) => {
                        return None
                    }
                    "-" | "\u{2013}" => {
                        if let Some(w) = self.glued(j + 2) {
                            if w.class == Class::Word && !self.may_follow_hyphen(j + 2) {
                                return None; // "7.8-magnitude", "12-year-old"
                            }
                            if w.class == Class::Digits && c.is_year_like() {
                                return None; // "2015-16"
                            }
                        }
                    }
                    _ => {}
                },
                Class::Digits => {}
            }
        }
        // "2 1/4": a whole number then a digit fraction.
        let spaced_digits = self.at(j + 1).is_some_and(|a| !a.glued && a.class == Class::Digits);
        if c.last == j
            && plain.is_some()
            && spaced_digits
            && self.glued(j + 2).is_some_and(|m| m.text == "/")
        {
            if let Some(frac) = self.digits(j + 1).filter(|f| f.kind == NumberKind::Fraction) {
                return Some(Core::point(j, frac.last, x + frac.lo));
            }
        }
        // "1 in 10", "9 out of 10"
        if c.last == j && plain.is_some() {
            if let Some(f) = self.ratio(j, &c) {
                return Some(f);
            }
        }
        if c.last == j {
            let k = j + 1;
            if let Some(n) = self.at(k) {
                if let Some(m) = scale_abbreviation(n, true).filter(|_| !n.glued) {
                    c.scaled(m);
                    c.last = k;
                } else {
                    self.scale_words(&mut c, k);
                }
            }
        }
        Some(c)
    }

    /// The exponent after a glued "e": digits, maybe signed, all glued.
    fn exponent(&self, k: usize) -> Option<(i32, usize)> {
        let mut k = k;
        let mut sign = 1;
        if let Some(m) = self.glued(k).filter(|m| m.class == Class::Mark) {
            sign = match m.text {
                "+" => 1,
                "-" | "\u{2212}" => -1,
                _ => return None,
            };
            k += 1;
        }
        let d = self.glued(k).filter(|d| d.class == Class::Digits)?;
        let e: i32 = d.text.parse().ok().filter(|e: &i32| *e <= 400)?;
        Some((sign * e, k))
    }

    /// Scale words after a value: "million", "hundred thousand", "dozen".
    fn scale_words(&self, c: &mut Core, mut k: usize) {
        let mut last_scale = f64::INFINITY;
        let mut hundred = false;
        loop {
            match self.role(k) {
                Some(Role::Hundred) if !hundred && last_scale.is_infinite() => {
                    hundred = true;
                    c.scaled(100.0);
                }
                Some(Role::Scale(s)) if s < last_scale => {
                    last_scale = s;
                    c.scaled(s);
                }
                Some(Role::Dozen | Role::Vague { unit: 12.0, .. })
                    if last_scale.is_infinite() && !hundred =>
                {
                    c.scaled(12.0);
                    c.last = k;
                    return;
                }
                _ => return,
            }
            c.last = k;
            k += 1;
        }
    }

    fn may_follow_hyphen(&self, k: usize) -> bool {
        matches!(
            self.role(k),
            Some(
                Role::Unit(_)
                    | Role::Tens(_)
                    | Role::Hundred
                    | Role::Scale(_)
                    | Role::Denominator { .. }
                    | Role::Half
            )
        ) || self.is_any(k, &["plus", "odd"])
    }

    /// Values written in words (and "a dozen", "several hundred", "dozens", "half").
    fn words(&self, j: usize, qualified: bool) -> Option<Core> {
        let a = self.at(j)?;
        let entry = a.entry()?;
        let determiner = VAGUE_DETERMINERS
            .iter()
            .find(|(w, _, _)| w.iter().enumerate().all(|(x, w)| self.is(j + x, w)));
        let c = match entry.role {
            _ if determiner.is_some() => {
                let &(words, lo, hi) = determiner?;
                self.vague(j, j + words.len() - 1, lo, hi)
            }
            Role::Unit(_) | Role::Tens(_) => self.cardinal(j, false)?,
            Role::Vague { unit, needs_of } => self.vague_plural(j, unit, needs_of)?,
            Role::Half => self.half(j, qualified)?,
            _ if a.is("a") || a.is("an") => self.article(j)?,
            _ => return None,
        };
        // "two-day", "five-storey": a hyphenated modifier, not a count.
        if self.glued(c.last + 1).is_some_and(|h| h.is("-") || h.is("\u{2013}"))
            && self.glued(c.last + 2).is_some_and(|w| w.class == Class::Word)
            && !self.may_follow_hyphen(c.last + 2)
        {
            return None;
        }
        Some(c)
    }

    /// "a hundred", "a dozen", "a million", "a few", "a half", "a quarter of".
    fn article(&self, j: usize) -> Option<Core> {
        match self.role(j + 1)? {
            Role::Hundred | Role::Scale(_) | Role::Dozen => self.cardinal(j, true),
            Role::Half | Role::Denominator { plural: false, .. } => self.fraction_of(j, j + 1, 1.0),
            _ => None,
        }
    }

    /// Number words: "twenty-seven", "one hundred and five", "fifteen hundred",
    /// "two point five", "one and a half million"; `article` reads "a" as one.
    fn cardinal(&self, j: usize, article: bool) -> Option<Core> {
        #[derive(Clone, Copy, PartialEq)]
        enum St {
            Start,
            Unit,
            Teen,
            Tens,
            Hundred,
            Scale,
            And,
        }
        let mut total = 0.0f64;
        let mut current = 0.0f64;
        // What was added to `current` since its last "hundred" or scale.
        let mut group = 0.0f64;
        let mut st = St::Start;
        let mut last_scale = f64::INFINITY;
        let mut trailing = 1.0f64;
        let mut last = j;
        let mut k = j;
        let mut words = 0usize;
        if article {
            current = 1.0;
            group = 1.0;
            st = St::Unit;
            k = j + 1;
        }
        while let Some(a) = self.at(k) {
            let role = a.entry().map(|e| e.role);
            match (role, st) {
                (Some(Role::Unit(n)), St::Start | St::Hundred | St::Scale | St::And) => {
                    current += f64::from(n);
                    group += f64::from(n);
                    st = if n >= 10 { St::Teen } else { St::Unit };
                    trailing = 1.0;
                }
                (Some(Role::Unit(n)), St::Tens) if (1..=9).contains(&n) => {
                    current += f64::from(n);
                    group += f64::from(n);
                    st = St::Unit;
                }
                (Some(Role::Tens(n)), St::Start | St::Hundred | St::Scale | St::And) => {
                    current += f64::from(n);
                    group += f64::from(n);
                    st = St::Tens;
                    trailing = 1.0;
                }
                (Some(Role::Hundred), St::Unit | St::Teen | St::Tens)
                    if current > 0.0 && current % 100.0 < 100.0 && current < 100.0 =>
                {
                    current *= 100.0;
                    group = 0.0;
                    st = St::Hundred;
                    trailing = 100.0;
                }
                (Some(Role::Scale(s)), St::Unit | St::Teen | St::Tens | St::Hundred)
                    if s < last_scale =>
                {
                    total += current * s;
                    current = 0.0;
                    group = 0.0;
                    last_scale = s;
                    st = St::Scale;
                    trailing = s;
                }
                (
                    Some(Role::Dozen | Role::Vague { unit: 12.0, .. }),
                    St::Unit | St::Teen | St::Tens,
                ) => {
                    // "three hundred and two dozen": only the last group is dozens.
                    current += group * 11.0;
                    trailing = 12.0;
                    last = k;
                    words += 1;
                    break;
                }
                _ => {
                    if a.is("and")
                        && matches!(st, St::Hundred | St::Scale)
                        && matches!(self.role(k + 1), Some(Role::Unit(_) | Role::Tens(_)))
                    {
                        st = St::And;
                        k += 1;
                        continue;
                    }
                    if (a.is("-") || a.is("\u{2013}"))
                        && st == St::Tens
                        && matches!(self.role(k + 1), Some(Role::Unit(1..=9)))
                    {
                        k += 1;
                        continue;
                    }
                    // "one and a half", "two and a quarter"
                    if a.is("and")
                        && matches!(st, St::Unit | St::Teen | St::Tens)
                        && self.is_any(k + 1, &["a", "an"])
                    {
                        let d = match self.role(k + 2) {
                            Some(Role::Half) => 2.0,
                            Some(Role::Denominator { d, plural: false }) => d,
                            _ => break,
                        };
                        current += 1.0 / d;
                        last = k + 2;
                        k += 3;
                        words += 1;
                        // a scale may still follow ("one and a half million")
                        if let Some(Role::Scale(s)) = self.role(k) {
                            if s < last_scale {
                                total += current * s;
                                current = 0.0;
                                trailing = s;
                                last = k;
                            }
                        }
                        break;
                    }
                    break;
                }
            }
            last = k;
            words += 1;
            k += 1;
        }
        if words == 0 {
            return None;
        }
        let mut value = total + current;
        let mut c = Core::point(j, last, value);
        c.scale = trailing;
        // "two point five"
        if self.is(last + 1, "point") {
            if let Some((frac, end)) = self.decimal_words(last + 2) {
                value += frac;
                c = Core::point(j, end, value);
            }
        }
        c.bare_one = !article && c.last == j && self.is(j, "one");
        // Fractions: "two-thirds", "three quarters", "one fifth of".
        let mut d = c.last + 1;
        if self.is(d, "-") && self.glued(d).is_some() {
            d += 1;
        }
        if matches!(self.role(d), Some(Role::Denominator { .. } | Role::Half))
            && value.fract() == 0.0
        {
            if let Some(f) = self.fraction_of(j, d, value) {
                return Some(f);
            }
        }
        // "one in five", "three out of four"
        if let Some(f) = self.ratio(j, &c) {
            return Some(f);
        }
        Some(c)
    }

    fn decimal_words(&self, mut k: usize) -> Option<(f64, usize)> {
        let mut digits = String::new();
        let mut last = None;
        while let Some(role) = self.role(k) {
            match role {
                Role::Unit(n) if n < 10 => digits.push(char::from(b'0' + n)),
                Role::Tens(n) => {
                    let mut v = n;
                    let mut step = 1;
                    if self.is(k + 1, "-") {
                        step = 2;
                    }
                    if let Some(Role::Unit(u @ 1..=9)) = self.role(k + step) {
                        v += u;
                        k += step;
                    }
                    digits.push_str(&v.to_string());
                }
                _ => break,
            }
            last = Some(k);
            k += 1;
            if digits.len() > 12 {
                break;
            }
        }
        let last = last?;
        Some((parse_decimal(&format!("0.{digits}"))?, last))
    }

    /// `numerator` over the denominator word at `d` ("two-thirds", "a quarter").
    fn fraction_of(&self, first: usize, d: usize, numerator: f64) -> Option<Core> {
        let (den, plural) = match self.role(d)? {
            Role::Half => (2.0, self.is(d, "halves")),
            Role::Denominator { d, plural } => (d, plural),
            _ => return None,
        };
        if plural {
            if numerator < 2.0 {
                return None;
            }
        } else {
            // "a third day" is an ordinal; "a third of", "one fifth." are fractions.
            // Not "a fourth and final round" either: only "of", or nothing after.
            let after_ok = match self.at(d + 1) {
                None => true,
                Some(n) => n.class == Class::Mark || n.is("of") || self.mode == Mode::Whole,
            };
            if numerator != 1.0 || !after_ok {
                return None;
            }
        }
        let mut c = Core::point(first, d, numerator / den);
        c.kind = NumberKind::Fraction;
        Some(c)
    }

    fn ratio(&self, j: usize, c: &Core) -> Option<Core> {
        let num = c.lo;
        if !c.is_point() || num.fract() != 0.0 || num < 1.0 {
            return None;
        }
        let k = c.last + 1;
        let start = if self.is(k, "in") && num == 1.0 {
            if self.is(k + 1, "every") {
                k + 2
            } else {
                k + 1
            }
        } else if self.is(k, "out") && self.is(k + 1, "of") {
            k + 2
        } else {
            return None;
        };
        let den = match self.class(start)? {
            Class::Digits => self.digits(start)?,
            Class::Word => self.cardinal(start, false)?,
            Class::Mark => return None,
        };
        if !den.is_point() || den.lo <= num {
            return None;
        }
        let mut f = Core::point(j, den.last, num / den.lo);
        f.kind = NumberKind::Fraction;
        Some(f)
    }

    /// "dozens", "hundreds of thousands", "tens of millions": [2U, 10U).
    fn vague_plural(&self, j: usize, unit: f64, needs_of: bool) -> Option<Core> {
        let mut u = unit;
        let mut k = j;
        let mut chained = false;
        while self.is(k + 1, "of") {
            match self.role(k + 2) {
                Some(Role::Vague { unit: u2, .. }) if u2 > u && u2 >= 1000.0 => {
                    u *= u2;
                    k += 2;
                    chained = true;
                }
                _ => break,
            }
        }
        if needs_of && !chained {
            let scores_ok = self.is(j, "scores") && self.is_any(j + 1, &["of", "more"]);
            if !scores_ok {
                return None;
            }
        }
        let mut c = Core::point(j, k, 2.0 * u);
        c.hi = 10.0 * u;
        c.approximate = true;
        c.scale = u;
        Some(c)
    }

    /// "several", "a few" with optional scales: [lo·S, hi·S).
    fn vague(&self, first: usize, last: usize, lo: f64, hi: f64) -> Core {
        let mut c = Core::point(first, last, lo);
        c.hi = hi;
        c.approximate = true;
        self.scale_words(&mut c, last + 1);
        c.scale = 1.0;
        c
    }

    /// "half a million", "half a dozen", or the fraction "half (of)".
    fn half(&self, j: usize, qualified: bool) -> Option<Core> {
        if self.is_any(j + 1, &["a", "an"])
            && matches!(self.role(j + 2), Some(Role::Dozen | Role::Hundred | Role::Scale(_)))
        {
            let mut c = self.cardinal(j + 1, true)?;
            c.first = j;
            c.lo *= 0.5;
            c.hi = c.lo;
            c.bare_one = false;
            return Some(c);
        }
        if let Some(Role::Scale(s)) = self.role(j + 1) {
            let mut c = Core::point(j, j + 1, 0.5 * s);
            c.scale = s;
            return Some(c);
        }
        // "the first half of 2024" is a period, not a fraction.
        if self.before(j, 1).is_some_and(|a| a.in_set(Set::PeriodOrdinal)) {
            return None;
        }
        let ok = qualified || self.mode == Mode::Whole || self.in_set(j + 1, Set::HalfFollower);
        if !ok || self.is(j, "halves") {
            return None;
        }
        let mut c = Core::point(j, j, 0.5);
        c.kind = NumberKind::Fraction;
        Some(c)
    }

    // ---- nouns --------------------------------------------------------

    /// "40 million dollars": the currency word makes the phrase money.
    fn money_from_noun(&self, p: &mut Phrase) {
        if p.kind == NumberKind::Number {
            if let Some(code) = p.noun.and_then(|n| self.at(n)).and_then(currency_word) {
                p.kind = NumberKind::Money;
                p.unit = Some(code);
            }
        }
    }

    fn noun_for(&self, p: &Phrase, c: &Core) -> Option<usize> {
        match p.kind {
            NumberKind::Percent | NumberKind::Fraction => return None,
            NumberKind::Money => {
                return self.at(p.last + 1).and_then(currency_word).map(|_| p.last + 1);
            }
            _ => {}
        }
        let one = c.is_point() && c.lo == 1.0;
        self.noun_after(p.last + 1, one)
    }

    fn noun_after(&self, start: usize, one: bool) -> Option<usize> {
        let mut k = start;
        if self.is(k, "of") {
            // "40 of them" counts nothing new; "three of the victims" counts victims.
            if self.in_set(k + 1, Set::OfPronoun) {
                return None;
            }
            k += 1;
            if self.in_set(k, Set::OfDeterminer) {
                k += 1;
            }
        }
        let mut singular = None;
        let mut nominal = None;
        let mut steps = 0;
        while steps < 4 {
            let Some(a) = self.at(k) else { break };
            if a.class != Class::Word {
                if a.is("-") && a.glued && self.glued(k + 1).is_some_and(|w| w.class == Class::Word)
                {
                    k += 1;
                    continue;
                }
                break;
            }
            if a.in_set(Set::NounSkip) {
                k += 1;
                continue;
            }
            if a.in_set(Set::NounStop) {
                break;
            }
            if steps == 0 && a.in_set(Set::Nominal) {
                nominal = Some(k);
                let next_plural = self.at(k + 1).is_some_and(|n| {
                    n.class == Class::Word && !n.in_set(Set::NounStop) && is_plural(n.text)
                });
                if !next_plural {
                    break;
                }
                k += 1;
                steps += 1;
                continue;
            }
            if a.in_set(Set::Irregular)
                || a.in_set(Set::UnitAbbreviation)
                || currency_word(a).is_some()
                || is_plural(a.text)
            {
                // "two police officers", "six crew members": the head is last.
                let next_plural = self.at(k + 1).is_some_and(|n| {
                    n.class == Class::Word && !n.in_set(Set::NounStop) && is_plural(n.text)
                });
                if next_plural {
                    k += 1;
                    steps += 1;
                    continue;
                }
                return Some(k);
            }
            if is_verb_like(a.text) {
                // "two unidentified assailants", "the 59 remaining hostages":
                // a participle before a plural noun modifies it.
                let next_plural = self.at(k + 1).is_some_and(|n| {
                    n.class == Class::Word && !n.in_set(Set::NounStop) && is_plural(n.text)
                });
                if !next_plural {
                    break;
                }
            }
            singular = Some(k);
            k += 1;
            steps += 1;
        }
        nominal.or(if one { singular } else { None })
    }
}

/// The currency code of a currency word after the number ("dollars").
fn currency_word(a: &Atom<'_>) -> Option<&'static str> {
    let key = a.key()?;
    CURRENCY_WORDS.iter().find(|(w, _)| *w == key).map(|r| r.1)
}

/// Orders and completes a range: distributes a trailing scale or percent
/// ("between two and three million", "10 to 12 percent") and requires low < high.
fn range_pair(mut c1: Core, mut c2: Core) -> Option<(Core, Core)> {
    if !c1.is_point()
        || !c2.is_point()
        || c1.kind == NumberKind::Fraction
        || c2.kind == NumberKind::Fraction
    {
        return None;
    }
    if c1.scale == 1.0 && c2.scale > 1.0 && c1.lo * c2.scale <= c2.lo {
        c1.lo *= c2.scale;
        c1.hi = c1.lo;
        c1.plain_int = None;
    }
    if c1.kind == NumberKind::Number {
        c1.kind = c2.kind;
        c1.unit = c1.unit.or(c2.unit);
    } else if c2.kind == NumberKind::Number {
        c2.kind = c1.kind;
        c2.unit = c2.unit.or(c1.unit);
    }
    if c1.kind != c2.kind || c1.lo >= c2.lo {
        return None;
    }
    Some((c1, c2))
}

fn scale_abbreviation(a: &Atom<'_>, spaced: bool) -> Option<f64> {
    let key = a.key()?;
    SCALE_ABBREVIATIONS
        .iter()
        .find(|(w, _, spaced_ok)| *w == key && (!spaced || *spaced_ok))
        .map(|r| r.1)
}

fn static_upper(code: &str) -> &'static str {
    match code {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "chf" => "CHF",
        "cny" => "CNY",
        "inr" => "INR",
        "aud" => "AUD",
        "cad" => "CAD",
        "rub" => "RUB",
        _ => "XXX",
    }
}

/// Parses digits with thousands separators and a decimal point. Returns the
/// value and, for bare integers without separators, the integer.
fn parse_number_text(text: &str) -> Option<(f64, Option<u64>)> {
    let mut buf = [0u8; 64];
    let mut n = 0usize;
    let mut groups_ok = true;
    let mut seen_comma = false;
    let mut since_comma = 0usize;
    let mut first_group = 0usize;
    let mut dot = false;
    for &b in text.as_bytes() {
        match b {
            b'0'..=b'9' => {
                *buf.get_mut(n)? = b;
                n += 1;
                if dot {
                    continue;
                }
                if seen_comma {
                    since_comma += 1;
                } else {
                    first_group += 1;
                }
            }
            b',' => {
                if dot || (seen_comma && since_comma != 3) {
                    groups_ok = false;
                }
                seen_comma = true;
                since_comma = 0;
            }
            b'.' => {
                if dot {
                    return None;
                }
                if seen_comma && since_comma != 3 {
                    groups_ok = false;
                }
                dot = true;
                *buf.get_mut(n)? = b'.';
                n += 1;
            }
            _ => return None,
        }
    }
    if seen_comma && (!groups_ok || first_group > 3 || (!dot && since_comma != 3)) {
        return None;
    }
    let s = std::str::from_utf8(buf.get(..n)?).ok()?;
    let x: f64 = s.parse().ok()?;
    if !x.is_finite() {
        return None;
    }
    let plain = if !dot && !seen_comma { s.parse::<u64>().ok() } else { None };
    Some((x, plain))
}

fn parse_decimal(s: &str) -> Option<f64> {
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// A word ending in a plural "s" ("soldiers", not "press", "virus", "crisis", "US").
pub(crate) fn is_plural(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() < 3 || !b.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    // Acronyms ("US", "UN") are not plural nouns; "NGOs" and headline
    // capitals ("MINERS") are.
    let upper = b.iter().filter(|c| c.is_ascii_uppercase()).count();
    if upper == b.len() {
        if b.len() < 4 {
            return false;
        }
    } else if upper > 1 {
        return b.last() == Some(&b's') && upper == b.len() - 1;
    }
    ends_with_ci(b, b"s")
        && !ends_with_ci(b, b"ss")
        && !ends_with_ci(b, b"us")
        && !ends_with_ci(b, b"is")
}

fn ends_with_ci(word: &[u8], suffix: &[u8]) -> bool {
    word.len() >= suffix.len()
        && word.iter().rev().zip(suffix.iter().rev()).all(|(a, b)| a.eq_ignore_ascii_case(b))
}

fn is_verb_like(word: &str) -> bool {
    let b = word.as_bytes();
    (b.len() > 5 && ends_with_ci(b, b"ing")) || (b.len() > 3 && ends_with_ci(b, b"ed"))
}
