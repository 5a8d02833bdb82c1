//! Numbers written in digits: separators, decimals, glued scales and
//! exponents, digit fractions ("3/4", "2 1/4").

use super::{Core, Scan};
use crate::numbers::atoms::{Atom, Class};
use crate::numbers::lexicon::Role;
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

/// Parses digits with thousands separators and a decimal point. Returns the
/// value and, for bare integers without separators, the integer.
pub(super) fn parse_number_text(text: &str) -> Option<(f64, Option<u64>)> {
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

pub(super) fn parse_decimal(s: &str) -> Option<f64> {
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}
