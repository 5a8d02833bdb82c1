//! Numbers written in digits: separators, decimals, glued scales and
//! exponents, digit fractions ("3/4", "2 1/4").

use super::cardinal::Chain;
use super::nouns::{currency_word, is_plural};
use super::{Core, Scan};
use crate::numbers::atoms::{Atom, Class};
use crate::numbers::exact::Exact;
use crate::numbers::lexicon::{Role, Set};
use crate::numbers::words::*;
use crate::numbers::NumberKind;

impl<'h> Scan<'_, 'h> {
    /// Digits with their glued or following scale ("12,400", "2m", "1.5 million").
    pub(super) fn digits(&self, j: usize) -> Option<Core> {
        let a = self.at(j)?;
        if a.glued {
            let p = self.before(j, 1)?;
            match p.class {
                Class::Word => return None, // "MH17", "G7"
                Class::Digits => return None,
                Class::Mark => match p.text {
                    m if IDENTIFIER_MARKS.contains(&m) => return None,
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
        // "0800 555 0199", "+44 20 7946 0958": phone numbers (section 9.12);
        // "12 500", "7\u{a0}843\u{a0}000": thousands (section 9.3).
        let run = self.digit_run(j);
        if run.phone || (run.grouped && run.first != j) {
            return None;
        }
        let (x, plain, g) = if run.grouped {
            let mut digits = String::new();
            for k in j..=run.last {
                digits.push_str(self.at(k)?.text);
            }
            (Exact::parse_decimal(&digits)?, None, run.last)
        } else {
            let (x, plain) = parse_number_text(a.text)?;
            (x, plain, j)
        };
        let mut c = Core::exact(j, g, x);
        c.plain_int = plain.map(|v| (v, a.text.len()));
        // "2½": a whole number and a vulgar fraction.
        if let Some(f) = self.glued(g + 1).and_then(vulgar_fraction) {
            if plain.is_some() {
                c.set_exact(x.add(f)?);
                c.plain_int = None;
                c.last = g + 1;
                return Some(c);
            }
            return None;
        }
        let j = g;
        if let Some(n) = self.glued(j + 1) {
            match n.class {
                Class::Word => {
                    let unit = n.in_set(Set::GluedUnit)
                        && (n.text.len() > 1 || n.text.bytes().all(|b| b.is_ascii_lowercase()));
                    // "a 5km-long queue", "a 1.2m-strong army", "a 10m-high
                    // wall": a compound modifier (section 2), but not an
                    // amount of money ("a $5m-a-year deal").
                    if (unit || scale_abbreviation(n, false).is_some())
                        && self.hyphenated_modifier(j + 1)
                        && !self.is_money_at(c.first)
                    {
                        return None;
                    }
                    if n.is("m") && unit && self.metres(j + 1) {
                        // "2.4m high": metres, the unit is the noun.
                    } else if let Some(m) = scale_abbreviation(n, false) {
                        c.scaled(m);
                        c.last = j + 1;
                    } else if n.is("pct") || n.is("pc") {
                        // "5pct", "30pc": a percentage (the word follows).
                    } else if unit {
                        // "180ml", "29km": the number, the unit is its noun.
                    } else if n.in_set(Set::CurrencyCode)
                        && n.text.bytes().all(|b| b.is_ascii_uppercase())
                    {
                        // "115USD": the code is the noun (section 9.6).
                    } else if let Some(Role::Scale(m)) = self.role(j + 1) {
                        c.scaled(m);
                        c.last = j + 1;
                    } else if n.is("e") && self.exponent(j + 2).is_some() {
                        // "1e10", "12.32e+14"
                        let (e, last) = self.exponent(j + 2)?;
                        let p = Exact::pow10(e.unsigned_abs());
                        let exact = p.and_then(|p| if e < 0 { x.div(p) } else { x.mul(p) });
                        if let Some(v) = exact {
                            return Some(Core::exact(c.first, last, v));
                        }
                        let v = x.to_f64() * 10f64.powi(e);
                        if !v.is_finite() {
                            return None;
                        }
                        return Some(Core::point(c.first, last, v));
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
                        let mut f = Core::exact(j, j + 2, x.div(dv)?);
                        f.kind = NumberKind::Fraction;
                        return Some(f);
                    }
                    // "3:45", "192.168.1.2"
                    ":" | "." | ","
                        if self.glued(j + 2).is_some_and(|d| d.class == Class::Digits) =>
                    {
                        return None;
                    }
                    // "10^6", "1.1^23": a power (math register, not read).
                    "^" => return None,
                    // "1990's"
                    "'" | "\u{2019}" if self.glued(j + 2).is_some_and(|s| s.is("s")) => {
                        return None
                    }
                    // "5-million people", "$2.5-million": a hyphen for a
                    // space before the scale; not "a 2-million-strong crowd"
                    // (a compound modifier, section 2), but an amount of a
                    // currency ("a 100-billion-forint package").
                    "-" if self.glued(j + 2).is_some()
                        && matches!(self.role(j + 2), Some(Role::Scale(_))) =>
                    {
                        let Some(Role::Scale(s)) = self.role(j + 2) else { return None };
                        if self.glued(j + 3).is_some_and(|h| h.is_any(HYPHENS))
                            && self.glued(j + 4).is_some_and(|w| {
                                w.class == Class::Word && currency_word(w).is_none()
                            })
                        {
                            return None;
                        }
                        c.scaled(s);
                        c.last = j + 2;
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
                return Some(Core::exact(j, frac.last, x.add(frac.exact?)?));
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
                } else if self.takes_scale(&c, k) {
                    // "3.2 million", "4 thousand 3 hundred", "2,000 crore"
                    let mut chained = self.chain(c.first, k, Chain::from_value(x, j))?;
                    chained.plain_int = None;
                    return Some(chained);
                }
            }
        }
        Some(c)
    }

    /// Whether the scale word at `k` multiplies the digits `c` ("1990
    /// thousands of people" is a year then a vague quantity).
    fn takes_scale(&self, c: &Core, k: usize) -> bool {
        // "1 and a half", "2 and three quarters"
        if self.is(k, "and") && c.plain_int.is_some() && self.and_fraction(k + 1, false).is_some() {
            return true;
        }
        match self.role(k) {
            Some(Role::Hundred | Role::Scale(_) | Role::Dozen) => true,
            Some(Role::Vague { needs_of: false, .. }) => {
                c.plain_int.is_some_and(|(v, len)| v < 1000 && len <= 3)
            }
            _ => false,
        }
    }

    /// Whether the glued "m" at `k` is metres: before a dimension word or a
    /// race word ("the 100m hurdles"), in a race's time, or
    /// in a measurement ("1m is equal to 10 dm", "an outreach of 48m"); never
    /// in an amount ("£2m") or before a counted noun ("2m people").
    fn metres(&self, k: usize) -> bool {
        if self.in_set(k + 1, Set::Dimension) {
            return true;
        }
        let money = self.is_money_at(k.saturating_sub(1));
        // A race: "the 100m hurdles", "ran the 100m in 9.58 seconds".
        let timed = self.is(k + 1, "in") && (k + 2..k + 7).any(|x| self.is(x, "seconds"));
        if !money && (self.in_set(k + 1, Set::RaceWord) || timed) {
            return true;
        }
        let counted = self.at(k + 1).is_some_and(|n| {
            n.class == Class::Word
                && (is_plural(n.text) || n.in_set(Set::Irregular) || currency_word(n).is_some())
        });
        if money || counted {
            return false;
        }
        (k.saturating_sub(6)..k + 7).any(|x| x != k && self.in_set(x, Set::LengthUnit))
            || (k.saturating_sub(4)..k).any(|x| self.in_set(x, Set::LengthNoun))
    }

    /// Whether the number whose first atom is at `first` follows a currency
    /// sign ("$5m") or code ("USD 5m").
    fn is_money_at(&self, first: usize) -> bool {
        self.is_currency_sign(first.wrapping_sub(1))
            || self.before(first, 1).is_some_and(|p| p.in_set(Set::CurrencyCode))
    }

    /// Whether the word glued at `k` is followed by a glued hyphen and a word
    /// that makes the whole a modifier ("-long", "-strong", "-high"; not a
    /// currency word, "a 5m-krone cost").
    fn hyphenated_modifier(&self, k: usize) -> bool {
        self.glued(k + 1).is_some_and(|h| h.is_any(HYPHENS))
            && self
                .glued(k + 2)
                .is_some_and(|w| w.class == Class::Word && currency_word(w).is_none())
            && !self.may_follow_hyphen(k + 2)
    }

    /// The digit groups around `j` separated by single spaces: whether they
    /// make one number with spaced thousands, or a phone number.
    fn digit_run(&self, j: usize) -> DigitRun {
        let bare = |k: usize| {
            self.at(k).is_some_and(|a| {
                a.class == Class::Digits && a.text.bytes().all(|b| b.is_ascii_digit())
            })
        };
        let gap = |k: usize| -> Option<&str> {
            let (p, a) = (self.before(k, 1)?, self.at(k)?);
            let g = self.text.get(p.end..a.start)?;
            GROUP_SPACES.contains(&g).then_some(g)
        };
        let mut run = DigitRun { first: j, last: j, grouped: false, phone: false };
        if !bare(j) {
            return run;
        }
        while run.first > 0 && bare(run.first - 1) && gap(run.first).is_some() {
            run.first -= 1;
        }
        while bare(run.last + 1) && gap(run.last + 1).is_some() {
            run.last += 1;
        }
        // A decimal part on the last group ("1 234.5").
        if self
            .at(run.last + 1)
            .is_some_and(|a| a.class == Class::Digits && !a.glued && gap(run.last + 1).is_some())
        {
            if let Some(a) = self.at(run.last + 1) {
                let mut parts = a.text.split('.');
                let whole_ok = parts.next().is_some_and(|w| w.len() == 3);
                if whole_ok && a.text.contains('.') && !a.text.contains(',') {
                    run.last += 1;
                }
            }
        }
        if run.first == run.last {
            return run;
        }
        let texts: Vec<&str> =
            (run.first..=run.last).filter_map(|k| self.at(k).map(|a| a.text)).collect();
        let gaps: Vec<Option<&str>> = (run.first + 1..=run.last).map(gap).collect();
        let same_gap = gaps.windows(2).all(|w| w.first() == w.get(1));
        let first_len = texts.first().map_or(0, |t| t.len());
        let groups_ok =
            texts.iter().skip(1).all(|t| t.split('.').next().is_some_and(|w| w.len() == 3));
        // "the 4 100-metre relay": the last group belongs to a modifier.
        let modifier = self.glued(run.last + 1).is_some_and(|m| m.is_any(DASHES) || m.is("/"));
        let whole = |t: &&str| t.split('.').next().unwrap_or("").len();
        let zero = |t: &&str| whole(t) > 1 && t.starts_with('0');
        let leading_zero = texts.first().is_some_and(zero)
            || texts.iter().skip(1).any(|t| zero(t) && whole(t) != 3);
        let plus = self.before(run.first, 1).is_some_and(|p| p.text == "+");
        // "On March 3 200 people ...": a day, then a count.
        let after_month =
            self.before(run.first, 1).is_some_and(|p| p.is_capitalized() && p.in_set(Set::Month));
        if (1..=3).contains(&first_len)
            && groups_ok
            && same_gap
            && !leading_zero
            && !plus
            && !after_month
            && !modifier
        {
            run.grouped = true;
        } else if plus || leading_zero || texts.len() >= 3 {
            run.phone = true;
        }
        run
    }

    /// The exponent after a glued "e": digits, maybe signed, all glued.
    pub(super) fn exponent(&self, k: usize) -> Option<(i32, usize)> {
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
}

pub(super) fn scale_abbreviation(a: &Atom<'_>, spaced: bool) -> Option<f64> {
    let key = a.key()?;
    SCALE_ABBREVIATIONS
        .iter()
        .find(|(w, _, spaced_ok)| *w == key && (!spaced || *spaced_ok))
        .map(|r| r.1)
}

/// Parses digits with thousands separators and a decimal point: western
/// groups ("12,400") or Indian ones ("12,34,567"; section 9.3). Returns the
/// exact value and, for bare integers without separators, the integer.
pub(super) fn parse_number_text(text: &str) -> Option<(Exact, Option<u64>)> {
    // Most digit runs are bare integers ("27", "2016").
    if text.len() <= 18 && text.bytes().all(|b| b.is_ascii_digit()) {
        let v: u64 = text.parse().ok()?;
        return Some((Exact::int(i128::from(v)), Some(v)));
    }
    let (whole, frac) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let groups: Vec<&str> = whole.split(',').collect();
    if groups.iter().any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    if let [first, rest @ ..] = groups.as_slice() {
        if let [middle @ .., last] = rest {
            let western = first.len() <= 3 && rest.iter().all(|g| g.len() == 3);
            let indian = first.len() <= 2
                && !middle.is_empty()
                && middle.iter().all(|g| g.len() == 2)
                && last.len() == 3;
            if !western && !indian {
                return None;
            }
        }
    }
    let mut digits: String = groups.concat();
    if let Some(f) = frac {
        digits.push('.');
        digits.push_str(f);
    }
    let x = Exact::parse_decimal(&digits)?;
    let plain = if frac.is_none() && groups.len() == 1 { whole.parse::<u64>().ok() } else { None };
    Some((x, plain))
}

/// The run of digit groups around one atom (see `Scan::digit_run`).
struct DigitRun {
    first: usize,
    last: usize,
    grouped: bool,
    phone: bool,
}

/// The value of a vulgar fraction character ("½").
pub(super) fn vulgar_fraction(a: &Atom<'_>) -> Option<Exact> {
    let &(_, n, d) = VULGAR_FRACTIONS.iter().find(|(c, ..)| *c == a.text)?;
    Exact::ratio(i128::from(n), i128::from(d))
}
