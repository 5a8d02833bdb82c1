//! Numbers written in words: "twenty-seven", "one hundred and five",
//! "two point five", "a dozen", "several hundred".

use super::digits::parse_decimal;
use super::{Core, Scan};
use crate::numbers::atoms::Class;
use crate::numbers::lexicon::Role;
use crate::numbers::words::*;

impl<'h> Scan<'_, 'h> {
    /// Values written in words (and "a dozen", "several hundred", "dozens", "half").
    pub(super) fn words(&self, j: usize, qualified: bool) -> Option<Core> {
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
    pub(super) fn article(&self, j: usize) -> Option<Core> {
        match self.role(j + 1)? {
            Role::Hundred | Role::Scale(_) | Role::Dozen => self.cardinal(j, true),
            Role::Half | Role::Denominator { plural: false, .. } => self.fraction_of(j, j + 1, 1.0),
            _ => None,
        }
    }

    /// Number words: "twenty-seven", "one hundred and five", "fifteen hundred",
    /// "two point five", "one and a half million"; `article` reads "a" as one.
    pub(super) fn cardinal(&self, j: usize, article: bool) -> Option<Core> {
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

    pub(super) fn decimal_words(&self, mut k: usize) -> Option<(f64, usize)> {
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
}
