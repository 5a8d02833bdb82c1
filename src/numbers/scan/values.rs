//! One value with its currency, sign, percent sign and scale words; vague
//! quantities (sections 5 and 9.8) and fractions (section 9.1).

use super::digits::vulgar_fraction;
use super::{Core, Mode, Scan};
use crate::numbers::atoms::{Atom, Class};
use crate::numbers::exact::Exact;
use crate::numbers::lexicon::{Role, Set};
use crate::numbers::words::*;
use crate::numbers::NumberKind;

impl<'h> Scan<'_, 'h> {
    /// One value with its currency, sign, scale and percent sign.
    pub(super) fn core(&self, i: usize, qualified: bool) -> Option<Core> {
        let mut j = i;
        let mut negative = false;
        // A sign ("-5", "−5", "minus 5", "plus 20", "-$2,400"; section 9.5).
        if let Some(a) = self.at(j) {
            // "plus or minus 3" is a tolerance, no sign.
            let tolerance = a.in_set(Set::Minus)
                && self.before(j, 1).is_some_and(|p| p.is_any(&["or", "/"]))
                && self.before(j, 2).is_some_and(|p| p.in_set(Set::Plus));
            let sign_word = (a.in_set(Set::Minus) || a.in_set(Set::Plus))
                && !tolerance
                && self
                    .at(j + 1)
                    .is_some_and(|n| n.class != Class::Mark || self.is_currency_sign(j + 1));
            // "-1", but not the hyphen of "5-10", "F-16" or "52%-48%".
            let sign_mark = a.is_any(MINUS_SIGNS)
                && self.glued(j + 1).is_some_and(|n| {
                    n.class == Class::Digits
                        || (self.is_currency_sign(j + 1)
                            && self.glued(j + 2).is_some_and(|d| d.class == Class::Digits))
                })
                && !(a.glued
                    && self.before(j, 1).is_some_and(|p| {
                        p.class != Class::Mark || p.is_any(&["%", "‰", ")", "]"])
                    }));
            if sign_word || sign_mark {
                negative = !a.in_set(Set::Plus);
                j += 1;
            }
        }
        let mut money: Option<&'static str> = None;
        if let Some((code, next)) = self.currency_prefix(j) {
            money = Some(code);
            j = next;
        }
        let mut c = self.amount(j, qualified)?;
        c.first = i;
        if negative {
            if !c.is_point() {
                return None;
            }
            match c.exact.and_then(Exact::neg) {
                Some(x) => c.set_exact(x),
                None => {
                    c.lo = -c.lo;
                    c.hi = c.lo;
                }
            }
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
        } else if let Some((code, end)) = self.currency_after(c.last) {
            c.kind = NumberKind::Money;
            c.unit = Some(code);
            c.last = end;
            c.plain_int = None;
        }
        // Clock times: "3 p.m.", "10 am".
        if c.is_point() && c.lo <= 24.0 && self.in_set(c.last + 1, Set::TimeSuffix) {
            return None;
        }
        Some(c)
    }

    /// Whether the atom at `k` is a currency sign ("$", "€").
    pub(super) fn is_currency_sign(&self, k: usize) -> bool {
        self.at(k).is_some_and(|a| {
            a.class == Class::Mark && CURRENCY_SIGNS.iter().any(|(s, _)| *s == a.text)
        })
    }

    /// A currency sign after the number, as "%" is ("35 €", "100₾"), unless
    /// it begins the next amount ("5 $10 bills").
    fn currency_after(&self, last: usize) -> Option<(&'static str, usize)> {
        let k = last + 1;
        let a = self.at(k)?;
        let code = CURRENCY_SIGNS.iter().find(|(s, _)| *s == a.text)?.1;
        let near =
            a.glued || self.before(k, 1).and_then(|p| self.text.get(p.end..a.start)) == Some(" ");
        let starts_next = self.at(k + 1).is_some_and(|n| n.class == Class::Digits);
        (near && !starts_next).then_some((code, k))
    }

    pub(super) fn currency_prefix(&self, i: usize) -> Option<(&'static str, usize)> {
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
                // "US$300", "HK$ 30"
                if let Some(&(_, code)) = DOLLAR_PREFIXES.iter().find(|(p, _)| a.is(p)) {
                    if self.glued(i + 1).is_some_and(|d| d.text == "$") && digits_at(i + 2) {
                        return Some((code, i + 2));
                    }
                }
                // "Rs 5 lakh", "Rs. 45 lakh"
                if let Some(&(_, code)) = CURRENCY_WORD_PREFIXES.iter().find(|(p, _)| a.is(p)) {
                    let k = if self.glued(i + 1).is_some_and(|d| d.text == ".") {
                        i + 2
                    } else {
                        i + 1
                    };
                    if self.at(k).is_some_and(|d| d.class == Class::Digits && !d.glued) {
                        return Some((code, k));
                    }
                }
                if a.in_set(Set::CurrencyCode)
                    && a.text.chars().all(|c| c.is_ascii_uppercase())
                    && digits_at(i + 1)
                {
                    let at = CURRENCY_CODES.iter().position(|c| a.is(c))?;
                    return Some((*CURRENCY_CODES_UPPER.get(at)?, i + 1));
                }
                None
            }
            Class::Digits => None,
        }
    }

    pub(super) fn percent_after(&self, last: usize) -> Option<usize> {
        // "pc" glued and in lowercase only ("30pc"): "10 PC games" counts
        // computers, "(38 pc)" is parsecs.
        if self.is(last + 1, "pc") && self.at(last + 1).is_some_and(|a| a.text != "pc" || !a.glued)
        {
            return None;
        }
        PERCENT_WORDS.iter().find_map(|words| {
            words
                .iter()
                .enumerate()
                .all(|(x, w)| self.is(last + 1 + x, w))
                .then(|| last + words.len())
        })
    }

    pub(super) fn amount(&self, j: usize, qualified: bool) -> Option<Core> {
        let a = self.at(j)?;
        match a.class {
            Class::Digits => self.digits(j),
            Class::Mark => {
                // "½" standing alone is a fraction ("2½" is read with its digits).
                if let Some(f) = vulgar_fraction(a) {
                    if a.glued && self.before(j, 1).is_some_and(|p| p.class != Class::Mark) {
                        return None;
                    }
                    let mut c = Core::exact(j, j, f);
                    c.kind = NumberKind::Fraction;
                    return Some(c);
                }
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
                let x = Exact::parse_decimal(&format!("0.{}", d.text))?;
                if self.glued(j + 2).is_some_and(|n| n.class != Class::Mark || n.text == ".") {
                    return None;
                }
                let mut c = Core::exact(j, j + 1, x);
                // ".5 million"
                if matches!(self.role(j + 2), Some(Role::Scale(_))) {
                    self.scale_words(&mut c, j + 2);
                }
                Some(c)
            }
            Class::Word => self.words(j, qualified),
        }
    }

    /// Scale words after a value: "million", "hundred thousand", "dozen".
    pub(super) fn scale_words(&self, c: &mut Core, mut k: usize) {
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

    pub(super) fn may_follow_hyphen(&self, k: usize) -> bool {
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
        ) || self.is_any(k, HYPHEN_SUFFIXES)
    }

    /// `numerator` over the denominator word at `d` ("two-thirds", "a quarter"),
    /// and a scale it takes ("a quarter million", "two thirds of a million").
    pub(super) fn fraction_of(&self, first: usize, d: usize, numerator: Exact) -> Option<Core> {
        let (den, plural) = match self.role(d)? {
            Role::Half => (2.0, self.is(d, "halves")),
            Role::Denominator { d, plural } => (d, plural),
            _ => return None,
        };
        let n = numerator.to_f64();
        // Scaled fractions: "a quarter million", "three quarters billion",
        // "a half-million", "a half dozen", "two thirds of a million" ("of a
        // million" in the span).
        let next = self.past_hyphen(d + 1);
        let scale_at = if self.scale_at(next).is_some() {
            Some(next)
        } else if self.is(d + 1, "of")
            && self.is_any(d + 2, ARTICLES)
            && matches!(self.role(d + 3), Some(Role::Scale(_)))
        {
            Some(d + 3)
        } else {
            None
        };
        if plural {
            // Proper fractions only: "seventeen thirds" is not read.
            if n < 2.0 || n >= den {
                return None;
            }
        } else {
            // "a third day" is an ordinal; "a third of", "one fifth." are fractions.
            // Not "a fourth and final round" either: only "of", or nothing after.
            let after_ok = match self.at(d + 1) {
                None => true,
                Some(a) => {
                    a.class == Class::Mark
                        || a.is("of")
                        || a.in_set(Set::FractionVerb)
                        // "one-third from last year": hyphenated, a fraction.
                        || self.before(d, 1).is_some_and(|h| h.is("-") && h.glued)
                        || scale_at.is_some()
                        || self.mode == Mode::Whole
                        || self.change_by_share(first, d + 1)
                }
            };
            if n != 1.0 || !after_ok {
                return None;
            }
        }
        let value = numerator.div(Exact::from_int_f64(den)?)?;
        if let Some(k) = scale_at {
            let s = self.scale_at(k)?;
            let mut c = Core::exact(first, k, value.mul(Exact::from_int_f64(s)?)?);
            c.scale = s;
            return Some(c);
        }
        let mut c = Core::exact(first, d, value);
        c.kind = NumberKind::Fraction;
        Some(c)
    }

    pub(super) fn ratio(&self, j: usize, c: &Core) -> Option<Core> {
        let num = c.lo;
        if !c.is_point() || num.fract() != 0.0 || num < 1.0 {
            return None;
        }
        let k = c.last + 1;
        let in_ratio = self.is(k, "in");
        let start = if in_ratio {
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
        if in_ratio && num != 1.0 && !self.poll_share(&den) {
            return None;
        }
        let value = c.exact?.div(den.exact?)?;
        let mut f = Core::exact(j, den.last, value);
        f.kind = NumberKind::Fraction;
        Some(f)
    }

    /// Whether the share whose first word is at `first` is what something
    /// changed by ("rose by a third to 1.5 million", "cut by half.", "fell
    /// by a quarter in 2020"), the word at `next` ending it ("by a third
    /// party" stays an ordinal).
    fn change_by_share(&self, first: usize, next: usize) -> bool {
        self.before(first, 1).is_some_and(|b| b.is("by"))
            && self.at(next).is_none_or(|a| a.class == Class::Mark || a.is_any(AFTER_CHANGE_BY))
    }

    /// Whether "N in `den`" with N above one is a share ("eight in ten",
    /// "3 in 10 voters", "seven in 100"): a denominator of ten or less, or
    /// a hundred or a thousand, and no time unit after it ("2 in 10
    /// minutes", a count; a year, "four in 2011", is no such denominator).
    fn poll_share(&self, den: &Core) -> bool {
        let small = den.lo <= 10.0 || den.lo == 100.0 || den.lo == 1000.0;
        small && !self.in_set(den.last + 1, Set::TimeUnit)
    }

    /// "dozens", "hundreds of thousands", "tens of millions": [2U, 10U).
    pub(super) fn vague_plural(&self, j: usize, unit: f64, needs_of: bool) -> Option<Core> {
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
            let scores_ok = self.is(j, "scores") && self.is_any(j + 1, SCORES_FOLLOWERS);
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
    pub(super) fn vague(&self, first: usize, last: usize, lo: f64, hi: f64) -> Core {
        let mut c = Core::point(first, last, lo);
        c.hi = hi;
        c.approximate = true;
        self.scale_words(&mut c, last + 1);
        c.scale = 1.0;
        c
    }

    /// "half a million", "half a dozen", or the fraction "half (of)".
    pub(super) fn half(&self, j: usize, qualified: bool) -> Option<Core> {
        // "half a million", "half-a-dozen"
        let article = self.past_hyphen(j + 1);
        if self.is_any(article, ARTICLES)
            && matches!(
                self.role(self.past_hyphen(article + 1)),
                Some(Role::Dozen | Role::Hundred | Role::Scale(_))
            )
        {
            let mut c = self.cardinal(article, true)?;
            c.first = j;
            c.set_exact(c.exact?.mul(Exact::ratio(1, 2)?)?);
            c.bare_one = false;
            return Some(c);
        }
        // "half million", "half-million", "half dozen", "half of a million"
        let next = self.past_hyphen(j + 1);
        let scale_at = if self.scale_at(next).is_some() {
            Some(next)
        } else if self.is(j + 1, "of")
            && self.is_any(j + 2, ARTICLES)
            && matches!(self.role(j + 3), Some(Role::Scale(_)))
        {
            Some(j + 3)
        } else {
            None
        };
        if let Some(k) = scale_at {
            let s = self.scale_at(k)?;
            let mut c = Core::exact(j, k, Exact::from_int_f64(s)?.mul(Exact::ratio(1, 2)?)?);
            c.scale = s;
            return Some(c);
        }
        // "the first half of 2024" is a period, not a fraction.
        if self.before(j, 1).is_some_and(|a| a.in_set(Set::PeriodOrdinal)) {
            return None;
        }
        let ok = qualified
            || self.mode == Mode::Whole
            || self.in_set(j + 1, Set::HalfFollower)
            || self.change_by_share(j, j + 1);
        if !ok || self.is(j, "halves") {
            return None;
        }
        let mut c = Core::exact(j, j, Exact::ratio(1, 2)?);
        c.kind = NumberKind::Fraction;
        Some(c)
    }

    /// "a couple", "a couple of hundred", "a couple dozen", "a pair", "a handful"
    /// (section 9.8).
    pub(super) fn small_quantity(&self, j: usize) -> Option<Core> {
        let &(_, lo, hi, approximate, scales) = SMALL_QUANTITIES
            .iter()
            .find(|(w, ..)| w.iter().enumerate().all(|(x, w)| self.is(j + x, w)))?;
        let last = j + 1;
        // "A couple was found": the noun "couple", not a quantity.
        let next_ok = self.is_any(last + 1, COUPLE_FOLLOWERS)
            || self.at(last + 1).is_none_or(|a| a.class == Class::Mark)
            || self.is(j + 1, "handful");
        if !next_ok {
            return None;
        }
        let mut c = Core::point(j, last, lo);
        c.hi = hi;
        c.approximate = approximate;
        if lo == hi {
            c.exact = Exact::from_int_f64(lo);
        }
        // "a couple of hundred", "a couple hundred"
        if scales {
            let k = if self.is(last + 1, "of") { last + 2 } else { last + 1 };
            if let Some(Role::Hundred | Role::Scale(_) | Role::Dozen) = self.role(k) {
                let mut scaled = c;
                self.scale_words(&mut scaled, k);
                if scaled.last >= k {
                    return Some(scaled);
                }
            }
        }
        Some(c)
    }
}
