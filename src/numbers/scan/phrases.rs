//! The phrase grammar: `[qualifier] value [range] [suffix]` around a value,
//! with the bounds of numbers.md section 4 and the joins of section 9.10.

use super::Found;
use super::{Core, Mode, Phrase, Scan};
use crate::numbers::atoms::Class;
use crate::numbers::lexicon::{Role, Set};
use crate::numbers::qualifiers::{
    Bound, Prefix, Suffix, BOUND_JOINERS, PREFIXES, RANGE_CONNECTORS, SUFFIXES,
};
use crate::numbers::words::{CHAIN_MARKS, CHANGE_LINKS, DASHES, FROM_CONNECTORS, OR_SUFFIX_WORDS};
use crate::numbers::Interval;
use crate::numbers::NumberKind;
use crate::span::Span;

impl<'h> Scan<'_, 'h> {
    pub(super) fn phrase_at(&self, i: usize) -> Option<Phrase> {
        if let Some((prefix, j)) = self.prefix_at(i) {
            if let Some(p) = self.qualified(i, prefix, j) {
                return Some(p);
            }
        }
        self.plain(i)
    }

    pub(super) fn prefix_at(&self, i: usize) -> Option<(Prefix, usize)> {
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

    pub(super) fn qualified(&self, i: usize, prefix: Prefix, j: usize) -> Option<Phrase> {
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
                    self.is_any(k, FROM_CONNECTORS)
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
                // "one over three", "3 over 4": math register, not a bound.
                if prefix.words == ["over"] && self.is_number(i.wrapping_sub(1)) {
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

    pub(super) fn plain(&self, i: usize) -> Option<Phrase> {
        let (c1, c2) = self.core_or_range(i, false)?;
        self.finish(i, c1, c2, Bound::Point, false)
    }

    /// Adds the suffix qualifier, the noun and the checks to a value or range.
    pub(super) fn finish(
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
                    // "about 300 or more": the hedge keeps the bound (section 9.10).
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

    pub(super) fn suffix_at(&self, k: usize) -> Option<(Suffix, usize)> {
        let mut best: Option<(Suffix, usize)> = None;
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

    pub(super) fn bounded(&self, i: usize, c: &Core, bound: Bound, hedge: bool) -> Phrase {
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

    pub(super) fn range_phrase(&self, i: usize, c1: &Core, c2: &Core, hedge: bool) -> Phrase {
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
    pub(super) fn core_or_range(&self, j: usize, qualified: bool) -> Option<(Core, Option<Core>)> {
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
        if connector.is("or") && self.is_any(k + 1, OR_SUFFIX_WORDS) {
            return Some((c1, None));
        }
        // "7-Eleven": digits and a capitalised word in one name.
        if connector.glued
            && connector.is_any(DASHES)
            && self.at(j).is_some_and(|d| d.class == Class::Digits)
            && self.glued(k + 1).is_some_and(|w| w.class == Class::Word && w.is_capitalized())
        {
            return None;
        }
        // "rose from 12 to 19", "grew by $4bn to $52bn", "rose 2% to 5.1
        // million", "climbed $2 to $85": two values (section 9.9).
        let amounts =
            |kind| c1.kind == kind && self.core(k + 1, true).is_some_and(|c2| c2.kind == kind);
        let after_change = (self.change_verb_before(j)
            && (c1.kind == NumberKind::Percent || amounts(NumberKind::Money)))
            || (self.before(j, 1).is_some_and(|a| a.is_any(CHANGE_LINKS))
                && j >= 1
                && self.change_verb_before(j - 1));
        if after_change && connector.is("to") {
            return Some((c1, None));
        }
        // "40–22", "3-2": a score or code written as one token, not a range.
        let dash_pair = connector.glued
            && connector.is_any(DASHES)
            && c1.plain_int.is_some()
            && self.glued(k + 1).is_some_and(|d| d.class == Class::Digits);
        let range = self.core(k + 1, true).and_then(|c2| range_pair(c1, c2));
        if dash_pair && range.is_none() {
            return None;
        }
        // "lost 1-3", "a 2-3 defeat": a score (section 9.12).
        if dash_pair
            && (self.in_set(j.wrapping_sub(1), Set::ScoreWord)
                || range.is_some_and(|(_, c2)| self.in_set(c2.last + 1, Set::ScoreWord)))
        {
            return None;
        }
        match range {
            Some((c1, c2)) => {
                if c1.is_year_like() && c2.plain_int.is_some() {
                    return None;
                }
                // "+1-222-2222-2222": a chain of numbers is an identifier.
                if self.glued(c2.last + 1).is_some_and(|m| m.is_any(CHAIN_MARKS))
                    && self.glued(c2.last + 2).is_some_and(|d| d.class == Class::Digits)
                {
                    return None;
                }
                Some((c1, Some(c2)))
            }
            None => Some((c1, None)),
        }
    }

    /// Whether the atom at `k` is digits or a number word.
    pub(super) fn is_number(&self, k: usize) -> bool {
        self.at(k).is_some_and(|a| {
            a.class == Class::Digits
                || matches!(a.entry().map(|e| e.role), Some(Role::Unit(_) | Role::Tens(_)))
        })
    }

    /// Whether a change verb stands before `i` ("rose", "fell sharply").
    pub(super) fn change_verb_before(&self, i: usize) -> bool {
        let adverb = self.before(i, 1).is_some_and(|a| {
            a.class == Class::Word
                && a.entry().is_none()
                && a.text.len() > 4
                && a.text.ends_with("ly")
        });
        let k = if adverb { i.saturating_sub(1) } else { i };
        self.before(k, 1).is_some_and(|a| a.in_set(Set::ChangeVerb))
    }

    pub(super) fn over_is_preposition(&self, i: usize) -> bool {
        self.before(i, 1).is_some_and(|a| a.in_set(Set::OverGovernor))
    }

    /// Whether `prev` (bounded on one side) and `next` (on the other) are joined
    /// by "and"/"but" into one interval ("above 1000 and below 1500").
    pub(super) fn joins(&self, prev: &Phrase, next: &Phrase) -> bool {
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

    pub(super) fn found(&self, p: &Phrase) -> Option<Found> {
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
    } else if c2.kind == NumberKind::Number && c1.kind != NumberKind::Percent {
        c2.kind = c1.kind;
        c2.unit = c2.unit.or(c1.unit);
    }
    // A range never joins phrases of different kinds ("2% to 5.1 million").
    if c1.kind != c2.kind || c1.lo >= c2.lo {
        return None;
    }
    // Nor amounts in two currencies ("35 € or 100₾").
    if c1.unit.zip(c2.unit).is_some_and(|(a, b)| a != b) {
        return None;
    }
    Some((c1, c2))
}
