//! Numbers written in words and chains of groups and scales: "twenty-seven",
//! "one hundred and five", "two point five million", "5 thousand 2 hundred
//! and 40", "two crore five lakh", "three and a half", "a million and a half"
//! (numbers.md sections 6, 9.1, 9.2, 9.4). Values are exact (`Exact`).

use super::nouns::currency_word;
use super::{Core, Scan};
use crate::numbers::atoms::{Atom, Class};
use crate::numbers::exact::Exact;
use crate::numbers::lexicon::{Role, Set};
use crate::numbers::words::*;

/// Where a chain of number words stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum St {
    Start,
    Unit,
    Teen,
    Tens,
    /// A group written in digits ("4 thousand 3 hundred").
    Digit,
    /// A value with decimals: only scale words may follow ("3.2 million").
    Decimal,
    Hundred,
    Scale,
    And,
}

/// A chain being read: the groups closed by a scale (`total`), the open
/// group (`current`), and what was added to it since its last "hundred".
#[derive(Clone, Copy, Debug)]
pub(super) struct Chain {
    pub total: Exact,
    pub current: Exact,
    pub group: Exact,
    pub st: St,
    pub last_scale: f64,
    /// Scales read so far (a compound "lakh crore" only after the first).
    pub scales: u8,
    pub trailing: f64,
    pub last: usize,
    pub hundred: bool,
}

impl Chain {
    pub(super) fn new(last: usize) -> Chain {
        Chain {
            total: Exact::int(0),
            current: Exact::int(0),
            group: Exact::int(0),
            st: St::Start,
            last_scale: f64::INFINITY,
            scales: 0,
            trailing: 1.0,
            last,
            hundred: false,
        }
    }

    /// A chain whose first group is `x` (digits), ending at atom `last`.
    pub(super) fn from_value(x: Exact, last: usize) -> Chain {
        let mut c = Chain::new(last);
        c.current = x;
        c.group = x;
        c.st = if x.is_integer() { St::Digit } else { St::Decimal };
        c
    }

    fn value(&self) -> Option<Exact> {
        self.total.add(self.current)
    }

    fn add(&mut self, n: Exact) -> Option<()> {
        self.current = self.current.add(n)?;
        self.group = self.group.add(n)?;
        Some(())
    }

    fn scale(&mut self, s: f64) -> Option<()> {
        let m = Exact::from_int_f64(s)?;
        self.total = self.total.add(self.current.mul(m)?)?;
        self.current = Exact::int(0);
        self.group = Exact::int(0);
        self.last_scale = s;
        self.scales += 1;
        self.trailing = s;
        self.hundred = false;
        self.st = St::Scale;
        Some(())
    }

    fn has_value(&self) -> bool {
        matches!(self.st, St::Unit | St::Teen | St::Tens | St::Digit | St::Decimal)
    }
}

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
            // "hundred twelve", "thousand four hundred ten" (section 9.2).
            Role::Hundred | Role::Scale(_)
                if matches!(self.role(j + 1), Some(Role::Unit(_) | Role::Tens(_)))
                    && !self.before(j, 1).is_some_and(|p| {
                        p.class == Class::Digits || p.entry().is_some_and(|e| e.role != Role::Plain)
                    }) =>
            {
                self.cardinal(j, true)?
            }
            Role::Vague { unit, needs_of } => self.vague_plural(j, unit, needs_of)?,
            Role::Half => self.half(j, qualified)?,
            _ if a.is("point") => self.point_decimal(j)?,
            // "quarter of a million" (section 9.1).
            Role::Denominator { plural: false, .. }
                if self.is(j + 1, "of")
                    && self.is_any(j + 2, ARTICLES)
                    && matches!(self.role(j + 3), Some(Role::Scale(_))) =>
            {
                self.fraction_of(j, j, Exact::int(1))?
            }
            _ if a.is("a") || a.is("an") => self.article(j)?,
            _ => return None,
        };
        // "two-day", "five-storey", "a five-pound note": a hyphenated
        // modifier, not a count; but a scaled amount of a currency is ("a
        // ten-million-dollar house").
        let amount = |w: &Atom<'_>| c.scale >= 1000.0 && currency_word(w).is_some();
        if self.glued(c.last + 1).is_some_and(|h| h.is("-") || h.is("\u{2013}"))
            && self.glued(c.last + 2).is_some_and(|w| w.class == Class::Word && !amount(w))
            && !self.may_follow_hyphen(c.last + 2)
        {
            return None;
        }
        Some(c)
    }

    /// "point five" (section 9.4): a decimal without its whole part.
    fn point_decimal(&self, j: usize) -> Option<Core> {
        let (frac, end) = self.decimal_words(j + 1)?;
        let mut chain = Chain::from_value(frac, end);
        chain.st = St::Decimal;
        self.chain(j, end + 1, chain)
    }

    /// "a hundred", "a dozen", "a million", "a half", "a quarter of",
    /// "a couple (of hundred)", "a pair", "a handful".
    pub(super) fn article(&self, j: usize) -> Option<Core> {
        if let Some(c) = self.small_quantity(j) {
            return Some(c);
        }
        match self.role(j + 1)? {
            Role::Hundred | Role::Scale(_) | Role::Dozen => self.cardinal(j, true),
            Role::Half | Role::Denominator { plural: false, .. } => {
                self.fraction_of(j, j + 1, Exact::int(1))
            }
            _ => None,
        }
    }

    /// Number words: "twenty-seven", "one hundred and five", "fifteen hundred",
    /// "two point five", "one and a half million"; `article` reads the word at
    /// `j` ("a", or a scale word that begins the number) as one.
    pub(super) fn cardinal(&self, j: usize, article: bool) -> Option<Core> {
        let mut chain = Chain::new(j);
        let mut k = j;
        if article {
            chain.current = Exact::int(1);
            chain.group = Exact::int(1);
            chain.st = St::Unit;
            if !self.is_any(j, ARTICLES) {
                // A scale word that begins the number: read it as "one <scale>".
                k = j;
            } else {
                k = j + 1;
            }
        }
        let c = self.chain(j, k, chain)?;
        // Fractions: "two-thirds", "three quarters", "one fifth of"; and no
        // cardinal cut out of an ordinal ("twenty-first", "two millionth").
        let mut d = c.last + 1;
        if self.is(d, "-") && self.glued(d).is_some() {
            d += 1;
        }
        let denominator = matches!(self.role(d), Some(Role::Denominator { .. } | Role::Half));
        if denominator && c.exact.is_some_and(Exact::is_integer) && c.scale == 1.0 {
            if let Some(f) = self.fraction_of(j, d, c.exact?) {
                return Some(f);
            }
        }
        if denominator && !self.is(d, "halves") || self.in_set(d, Set::Ordinal) {
            return None;
        }
        // "one hundred and first"
        if self.is(c.last + 1, "and") && self.in_set(c.last + 2, Set::Ordinal) {
            return None;
        }
        // "nineteen ninety-five": number words that do not make one number
        // (a year, a list) are not read (the first principle of section 9).
        let word_number = |k: usize| matches!(self.role(k), Some(Role::Unit(_) | Role::Tens(_)));
        // ... but "three five-pointed stars" counts stars with a modifier.
        let modifier_next = self.glued(c.last + 2).is_some_and(|h| h.is("-"))
            && self.glued(c.last + 3).is_some_and(|w| w.class == Class::Word)
            && !self.may_follow_hyphen(c.last + 3);
        let tail_of_compound = self.at(j).is_some_and(|a| a.glued)
            && self.before(j, 1).is_some_and(|h| h.is("-") && h.glued)
            && matches!(self.role(j.wrapping_sub(2)), Some(Role::Tens(_)))
            && matches!(self.role(j), Some(Role::Unit(1..=9)));
        if !article
            && ((word_number(c.last + 1) && !modifier_next)
                || (word_number(j) && word_number(j.wrapping_sub(1)))
                || tail_of_compound)
        {
            return None;
        }
        // "one thirty-fifth": a compound-ordinal denominator (not read).
        let mut k = c.last + 1;
        while k <= c.last + 4
            && (matches!(self.role(k), Some(Role::Unit(_) | Role::Tens(_) | Role::Hundred))
                || (self.is(k, "-") && self.glued(k).is_some()))
        {
            k += 1;
        }
        if k > c.last + 1
            && (self.in_set(k, Set::Ordinal)
                || self.role(k).is_some_and(|r| matches!(r, Role::Denominator { .. })))
        {
            return None;
        }
        // "one in five", "three out of four"
        if let Some(f) = self.ratio(j, &c) {
            return Some(f);
        }
        Some(c)
    }

    /// Reads a chain of number words, digit groups and scales from atom `k`,
    /// the phrase starting at `j`, in the state `chain`.
    pub(super) fn chain(&self, j: usize, mut k: usize, mut chain: Chain) -> Option<Core> {
        let started = chain.st != St::Start;
        let mut words = usize::from(started);
        while let Some(a) = self.at(k) {
            let role = a.entry().map(|e| e.role);
            let st = chain.st;
            match (role, st) {
                (Some(Role::Unit(n)), St::Start | St::Hundred | St::Scale | St::And) => {
                    chain.add(Exact::int(i128::from(n)))?;
                    chain.st = if n >= 10 { St::Teen } else { St::Unit };
                    chain.trailing = 1.0;
                }
                (Some(Role::Unit(n)), St::Tens) if (1..=9).contains(&n) => {
                    chain.add(Exact::int(i128::from(n)))?;
                    chain.st = St::Unit;
                }
                (Some(Role::Tens(n)), St::Start | St::Hundred | St::Scale | St::And) => {
                    chain.add(Exact::int(i128::from(n)))?;
                    chain.st = St::Tens;
                    chain.trailing = 1.0;
                }
                (None, St::Scale | St::And | St::Hundred) if a.class == Class::Digits => {
                    // "1 thousand and 50", "4 thousand 3 hundred": a digit group
                    // joins only after "and" or before its own scale.
                    let next_scale =
                        matches!(self.role(k + 1), Some(Role::Hundred | Role::Scale(_)));
                    if a.glued || !(st == St::And || next_scale) {
                        break;
                    }
                    let Some(x) = Exact::parse_decimal(a.text) else { break };
                    if !x.is_integer() || x.to_f64() >= 1000.0 {
                        break;
                    }
                    if st == St::Hundred && !next_scale {
                        break;
                    }
                    chain.add(x)?;
                    chain.st = St::Digit;
                    chain.trailing = 1.0;
                }
                (Some(Role::Hundred), St::Unit | St::Teen | St::Tens | St::Digit)
                    if !chain.hundred && chain.current.to_f64() < 1000.0 =>
                {
                    chain.current = chain.current.mul(Exact::int(100))?;
                    chain.group = Exact::int(0);
                    chain.hundred = true;
                    chain.st = St::Hundred;
                    chain.trailing = 100.0;
                }
                (Some(Role::Scale(s)), _) if chain.has_value() || st == St::Hundred => {
                    if s >= chain.last_scale {
                        break;
                    }
                    chain.scale(s)?;
                    if st == St::Decimal {
                        chain.st = St::Decimal;
                    }
                }
                // "two thousand millions": a larger plural scale right after
                // the first scale multiplies the whole, and ends the number.
                (Some(Role::Vague { unit, needs_of: false }), St::Scale)
                    if chain.scales == 1 && unit > chain.last_scale =>
                {
                    chain.total = chain.total.mul(Exact::from_int_f64(unit)?)?;
                    chain.trailing = chain.last_scale * unit;
                    chain.last = k;
                    words += 1;
                    break;
                }
                // "lakh crore", "two thousand millions": a larger scale right
                // after the first one multiplies the whole.
                (Some(Role::Scale(s)), St::Scale) if chain.scales == 1 && s > chain.last_scale => {
                    chain.total = chain.total.mul(Exact::from_int_f64(s)?)?;
                    chain.last_scale *= s;
                    chain.trailing = chain.last_scale;
                    chain.scales += 1;
                }
                (Some(Role::Dozen), St::Unit | St::Teen | St::Tens | St::Digit | St::Decimal) => {
                    // "three hundred and two dozen": only the last group is dozens.
                    chain.current = chain.current.add(chain.group.mul(Exact::int(11))?)?;
                    chain.trailing = 12.0;
                    chain.last = k;
                    words += 1;
                    k += 1;
                    // "a dozen and a half"
                    let half = self.is(k, "and").then(|| self.and_fraction(k + 1, true)).flatten();
                    if let Some((f, end)) = half {
                        chain.current = chain.current.add(f.mul(Exact::int(12))?)?;
                        chain.last = end;
                    }
                    break;
                }
                // A plural scale after a number multiplies ("four billions",
                // "two dozens", "forty hundreds"), and ends the number.
                (Some(Role::Vague { unit, needs_of: false }), _)
                    if matches!(st, St::Unit | St::Teen | St::Tens | St::Digit | St::Hundred)
                        && unit < chain.last_scale
                        && !(unit == 100.0 && chain.hundred) =>
                {
                    if unit == 12.0 {
                        chain.current = chain.current.add(chain.group.mul(Exact::int(11))?)?;
                        chain.trailing = 12.0;
                    } else if unit == 100.0 {
                        chain.current = chain.current.mul(Exact::int(100))?;
                        chain.trailing = 100.0;
                    } else {
                        chain.scale(unit)?;
                    }
                    chain.last = k;
                    words += 1;
                    break;
                }
                _ => {
                    // "sixty-six thousand, six hundred and sixty-six": a
                    // comma after a scale, then a smaller group that no
                    // scale as large follows ("one thousand, two thousand"
                    // is a list).
                    if a.is(",")
                        && st == St::Scale
                        && self.group_after_comma(k + 1, chain.last_scale)
                    {
                        chain.st = St::And;
                        k += 1;
                        continue;
                    }
                    // "two-and-a-half", "a hundred-and-fifty"
                    if a.is("-")
                        && a.glued
                        && self.glued(k + 1).is_some_and(|n| n.is("and"))
                        && matches!(st, St::Unit | St::Teen | St::Tens | St::Hundred | St::Scale)
                    {
                        k += 1;
                        continue;
                    }
                    if a.is("and") {
                        // "three and a half", "forty and three quarters",
                        // "a million and a half", "six and a half thousand"
                        if let Some((f, end)) = self.and_fraction(k + 1, st == St::Scale) {
                            if st == St::Scale {
                                let unit = Exact::from_int_f64(chain.last_scale)?;
                                chain.total = chain.total.add(f.mul(unit)?)?;
                                chain.last = end;
                                words += 1;
                                break;
                            }
                            if !matches!(
                                st,
                                St::Unit | St::Teen | St::Tens | St::Digit | St::Hundred
                            ) {
                                break;
                            }
                            chain.current = chain.current.add(f)?;
                            chain.last = end;
                            words += 1;
                            // a scale may still follow ("one and a quarter
                            // million", "two and a half dozen")
                            match self.role(end + 1) {
                                Some(Role::Scale(s)) if s < chain.last_scale && !chain.hundred => {
                                    chain.scale(s)?;
                                    chain.last = end + 1;
                                }
                                Some(Role::Dozen) if chain.scales == 0 && !chain.hundred => {
                                    chain.current = chain.current.mul(Exact::int(12))?;
                                    chain.trailing = 12.0;
                                    chain.last = end + 1;
                                }
                                _ => {}
                            }
                            break;
                        }
                        let n = self.past_hyphen(k + 1);
                        let next_group =
                            matches!(self.role(n), Some(Role::Unit(_) | Role::Tens(_)))
                                || (n == k + 1
                                    && self.at(n).is_some_and(|d| d.class == Class::Digits));
                        if matches!(st, St::Hundred | St::Scale) && next_group {
                            chain.st = St::And;
                            k = n;
                            continue;
                        }
                    }
                    if (a.is("-") || a.is("\u{2013}"))
                        && st == St::Tens
                        && a.glued
                        && matches!(self.role(k + 1), Some(Role::Unit(1..=9)))
                    {
                        k += 1;
                        continue;
                    }
                    // "one-hundred", "two-thousand", "half-a-dozen"
                    if a.is("-")
                        && a.glued
                        && matches!(st, St::Unit | St::Teen | St::Tens)
                        && self.glued(k + 1).is_some()
                        && matches!(
                            self.role(k + 1),
                            Some(Role::Hundred | Role::Scale(_) | Role::Dozen)
                        )
                    {
                        k += 1;
                        continue;
                    }
                    // "two point five", "nine point forty-five"
                    if a.is("point")
                        && matches!(st, St::Unit | St::Teen | St::Tens | St::Hundred)
                        && chain.total == Exact::int(0)
                    {
                        if let Some((frac, end)) = self.decimal_words(k + 1) {
                            chain.current = chain.current.add(frac)?;
                            chain.st = St::Decimal;
                            chain.last = end;
                            words += 1;
                            k = end + 1;
                            continue;
                        }
                    }
                    break;
                }
            }
            chain.last = k;
            words += 1;
            k += 1;
        }
        // A trailing "and" that led nowhere is not part of the number
        // ("$5 million and 142,000 ..."): `chain.last` stops before it.
        if words == 0 {
            return None;
        }
        let mut c = Core::exact(j, chain.last, chain.value()?);
        c.scale = chain.trailing;
        c.bare_one = !started && c.last == j && self.is(j, "one");
        Some(c)
    }

    /// Whether number words from `k` make a group of hundreds below `scale`
    /// that no scale word of `scale` or more ends ("six hundred and
    /// sixty-six" after "sixty-six thousand,"; not "ten thousand, six were
    /// hurt", nor the list "one thousand, two thousand").
    fn group_after_comma(&self, k: usize, scale: f64) -> bool {
        let mut q = k;
        let mut hundred = false;
        while let Some(a) = self.at(q) {
            match a.entry().map(|e| e.role) {
                Some(Role::Hundred) => hundred = true,
                Some(Role::Unit(_) | Role::Tens(_)) => {}
                _ if a.is("and") || (a.is("-") && a.glued) => {}
                _ => break,
            }
            q += 1;
        }
        let larger_scale = matches!(self.role(q), Some(Role::Scale(s)) if s >= scale);
        hundred && !larger_scale && !matches!(self.role(q), Some(Role::Vague { .. }))
    }

    /// "and a half", "and a quarter", "and three quarters", "and one third",
    /// "and twenty-five hundredths" from `k` (after "and"): a proper fraction
    /// and its last atom. After a scale only the article forms are read
    /// ("a million and a half"); "four million and one third" is not settled.
    pub(super) fn and_fraction(&self, k: usize, article_only: bool) -> Option<(Exact, usize)> {
        // "-and-a-half": hyphens for spaces.
        let k = self.past_hyphen(k);
        if self.is_any(k, ARTICLES) {
            let f = self.past_hyphen(k + 1);
            let d = match self.role(f)? {
                Role::Half if !self.is(f, "halves") => 2,
                Role::Denominator { d, plural: false } => d as i128,
                _ => return None,
            };
            self.fraction_ends(f)?;
            return Some((Exact::ratio(1, d)?, f));
        }
        if article_only {
            return None;
        }
        // A numerator in words below the denominator, then a denominator.
        let mut n: i128;
        let mut m = k;
        match self.role(m)? {
            Role::Unit(u) if u > 0 => n = i128::from(u),
            Role::Tens(t) => {
                n = i128::from(t);
                let step = if self.is(m + 1, "-") { 2 } else { 1 };
                if let Some(Role::Unit(u @ 1..=9)) = self.role(m + step) {
                    n += i128::from(u);
                    m += step;
                }
            }
            _ => return None,
        }
        let mut d = m + 1;
        if self.is(d, "-") && self.glued(d).is_some() {
            d += 1;
        }
        let (den, plural) = match self.role(d)? {
            Role::Half => (2, self.is(d, "halves")),
            Role::Denominator { d, plural } => (d as i128, plural),
            _ => return None,
        };
        if n >= den || plural != (n > 1) {
            return None;
        }
        self.fraction_ends(d)?;
        Some((Exact::ratio(n, den)?, d))
    }

    /// Whether the fraction of a mixed number may end at `d`: not before a
    /// verb ("at least 26 and a fifth are not paying" is 26, then a fifth).
    fn fraction_ends(&self, d: usize) -> Option<()> {
        (!self.in_set(d + 1, Set::FractionVerb)).then_some(())
    }

    /// Digits after "point", one word each ("five", "zero"), a two-digit word
    /// giving two ("twelve", "forty-five"): the fraction and its last atom.
    pub(super) fn decimal_words(&self, mut k: usize) -> Option<(Exact, usize)> {
        let mut digits = String::from("0.");
        let mut last = None;
        while let Some(role) = self.role(k) {
            match role {
                Role::Unit(n) if n < 10 => digits.push(char::from(b'0' + n)),
                Role::Unit(n) => digits.push_str(&n.to_string()),
                Role::Tens(n) => {
                    let mut v = n;
                    let step = if self.is(k + 1, "-") { 2 } else { 1 };
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
            if digits.len() > 20 {
                break;
            }
        }
        let last = last?;
        Some((Exact::parse_decimal(&digits)?, last))
    }
}
