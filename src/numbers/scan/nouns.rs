//! The counted noun (numbers.md section 7) and currency words after a number.

use super::{Core, Phrase, Scan};
use crate::numbers::atoms::{Atom, Class};
use crate::numbers::lexicon::Set;
use crate::numbers::words::*;
use crate::numbers::NumberKind;

impl<'h> Scan<'_, 'h> {
    /// "40 million dollars": the currency word makes the phrase money.
    pub(super) fn money_from_noun(&self, p: &mut Phrase) {
        if p.kind == NumberKind::Number {
            if let Some(code) = p.noun.and_then(|n| self.at(n)).and_then(currency_word) {
                p.kind = NumberKind::Money;
                p.unit = Some(code);
            }
        }
    }

    pub(super) fn noun_for(&self, p: &Phrase, c: &Core) -> Option<usize> {
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

    pub(super) fn noun_after(&self, start: usize, one: bool) -> Option<usize> {
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
            // "7.62mm rounds": a unit glued to the number is its noun.
            if a.glued && a.in_set(Set::GluedUnit) {
                return Some(k);
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

/// The currency code of a currency word after the number ("dollars"):
/// lowercase, or a code in capitals ("USD"), not a name ("Dong Nguyen").
pub(super) fn currency_word(a: &Atom<'_>) -> Option<&'static str> {
    let key = a.key()?;
    if a.is_capitalized() && !a.text.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    CURRENCY_WORDS.iter().find(|(w, _)| *w == key).map(|r| r.1)
}

/// A word ending in a plural "s" ("soldiers", not "press", "virus", "crisis", "US").
pub(super) fn is_plural(word: &str) -> bool {
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
