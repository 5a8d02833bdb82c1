//! One value with its currency, sign, percent sign and scale words; vague
//! quantities (sections 5 and 9.8) and fractions (section 9.1).

use super::digits::parse_decimal;
use super::{Core, Mode, Scan};
use crate::numbers::atoms::{Atom, Class};
use crate::numbers::lexicon::{Role, Set};
use crate::numbers::words::*;
use crate::numbers::NumberKind;

impl<'h> Scan<'_, 'h> {
    /// One value with its currency, sign, scale and percent sign.
    pub(super) fn core(&self, i: usize, qualified: bool) -> Option<Core> {
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
                    let at = CURRENCY_CODES.iter().position(|c| a.is(c))?;
                    return Some((*CURRENCY_CODES_UPPER.get(at)?, i + 1));
                }
                None
            }
            Class::Digits => None,
        }
    }

    pub(super) fn percent_after(&self, last: usize) -> Option<usize> {
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
        ) || self.is_any(k, &["plus", "odd"])
    }

    /// `numerator` over the denominator word at `d` ("two-thirds", "a quarter").
    pub(super) fn fraction_of(&self, first: usize, d: usize, numerator: f64) -> Option<Core> {
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

    pub(super) fn ratio(&self, j: usize, c: &Core) -> Option<Core> {
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
}
