//! The readings numbers.md excludes (sections 2 and 9.12): identifiers,
//! ages, dates, years, ordinals, phone numbers and the pronoun "one".

use super::nouns::currency_word;
use super::nouns::is_plural;
use super::{Core, Mode, Phrase, Scan};
use crate::numbers::atoms::{Atom, Class};
use crate::numbers::lexicon::{Role, Set};
use crate::numbers::qualifiers::Bound;
use crate::numbers::words::{AGE_RANGE_LINKS, DATE_RANGE_LINKS, NUMBER_IS, SENTENCE_MARKS};

fn currency_word_at(scan: &Scan<'_, '_>, k: usize) -> bool {
    scan.at(k).and_then(currency_word).is_some()
}

impl<'h> Scan<'_, 'h> {
    /// An age set off by commas after a person, as news writes it (section
    /// 2: ages are not counts): "a woman, 52, was stabbed", "Smith, 34, of
    /// Tulsa", "two men, 21 and 23, were killed". A bare whole number up to
    /// 120 between a word and its comma and a comma (or "and" and the other
    /// age).
    fn age_apposition(&self, p: &Phrase, c: &Core) -> bool {
        let age = |k: usize| {
            self.at(k).is_some_and(|a| {
                a.class == Class::Digits
                    && a.text.len() <= 3
                    && a.text.bytes().all(|b| b.is_ascii_digit())
                    && a.text.parse::<u16>().is_ok_and(|v| (1..=120).contains(&v))
            })
        };
        // "word, N": a word (not a number) and its comma before the age.
        let after_word = |k: usize| {
            self.before(k, 1).is_some_and(|m| m.is(",") && m.glued)
                && self.before(k, 2).is_some_and(|w| w.class == Class::Word)
                && !self.is_number(k.wrapping_sub(2))
                // Not the scale of an amount: "Debts of 7bln, 3 mil".
                && !(self.at(k.wrapping_sub(2)).is_some_and(|w| w.glued)
                    && self.before(k, 3).is_some_and(|d| d.class == Class::Digits))
        };
        let comma = |k: usize| self.is(k, ",");
        if p.noun.is_some() || p.first != p.last || p.first != c.first || !age(p.first) {
            return false;
        }
        let (i, k) = (p.first, p.last);
        // One age follows one person ("Of the passengers, 12, died" counts).
        let singular =
            !self.before(i, 2).is_some_and(|w| is_plural(w.text) || w.in_set(Set::Irregular));
        // A full name and an age end the sentence: "identified him as Tom
        // Reed, 41."
        let full_name = self.before(i, 2).is_some_and(|w| w.is_capitalized())
            && self.before(i, 3).is_some_and(|w| w.class == Class::Word && w.is_capitalized());
        let ends = self.at(k + 1).is_none_or(|a| a.is("."));
        (after_word(i) && singular && comma(k + 1))
            || (after_word(i) && full_name && ends)
            || (after_word(i) && self.is(k + 1, "and") && age(k + 2) && comma(k + 3))
            || (self.before(i, 1).is_some_and(|a| a.is("and"))
                && age(i.wrapping_sub(2))
                && after_word(i.wrapping_sub(2))
                && comma(k + 1))
    }

    /// Applies the readings numbers.md excludes; `None` drops the phrase.
    pub(super) fn checked(
        &self,
        p: Phrase,
        cores: &[Core; 2],
        bound: Option<Bound>,
    ) -> Option<Phrase> {
        self.year_rejected.set(false);
        let kept = self.kept(p, cores, bound);
        if kept.is_none() && !self.year_rejected.get() {
            // No part of an excluded phrase is read on its own ("version 0.3
            // to 0.4", "between 3,000 and 6,000 years old").
            self.rejected_to.set(self.rejected_to.get().max(p.last));
        }
        kept
    }

    fn kept(&self, p: Phrase, cores: &[Core; 2], bound: Option<Bound>) -> Option<Phrase> {
        if self.mode == Mode::Whole {
            return Some(p);
        }
        let first_core = &cores[0];
        // "aged over 65", "aged between 18 and 25": an age with its qualifier
        // (a bare "aged 25" is checked with the identifiers below).
        if p.first != first_core.first
            && self.before(p.first, 1).is_some_and(|a| a.in_set(Set::Age))
        {
            return None;
        }
        // Identifiers: "Resolution 2254", "No. 10", "the emergency number is 112".
        if p.first == first_core.first {
            if let Some(prev) = self.before(p.first, 1) {
                if prev.is_capitalized() && prev.in_set(Set::Designator) {
                    return None;
                }
                // "No. 10", "nr. 5"
                if prev.is(".")
                    && self.before(p.first, 2).is_some_and(|a| a.in_set(Set::NumberSign))
                {
                    return None;
                }
                // "version 2", "exit 12", "flight 17", "number 10"
                if prev.in_set(Set::LowerDesignator) || prev.is("number") {
                    return None;
                }
                if prev.is_any(NUMBER_IS) && self.before(p.first, 2).is_some_and(|a| a.is("number"))
                {
                    return None;
                }
                // "dial 112", "call 999": a service or phone number.
                if prev.in_set(Set::DialWord) && p.noun.is_none() && first_core.plain_int.is_some()
                {
                    return None;
                }
                // "half past two", "quarter past six": a clock time.
                if prev.in_set(Set::ClockWord)
                    && p.noun.is_none()
                    && self.before(p.first, 2).is_some_and(|h| {
                        h.in_set(Set::ClockFraction)
                            || h.class == Class::Digits
                            || h.entry()
                                .is_some_and(|e| matches!(e.role, Role::Unit(_) | Role::Tens(_)))
                    })
                {
                    return None;
                }
                // "15 dollars 50": a bare number after an amount's currency word.
                if p.noun.is_none()
                    && self.before(p.first, 1).is_some_and(|a| a.class == Class::Word)
                    && currency_word_at(self, p.first - 1)
                    && self.before(p.first, 2).is_some_and(|a| a.class == Class::Digits)
                {
                    return None;
                }
                if prev.in_set(Set::Age)
                    || (prev.is("of") && self.before(p.first, 2).is_some_and(|a| a.is("age")))
                {
                    return None;
                }
                // "ages 8 and 10": the second age.
                if prev.is_any(&["and", "or", "to"])
                    && self.before(p.first, 2).is_some_and(|a| a.class == Class::Digits)
                    && self.before(p.first, 3).is_some_and(|a| a.in_set(Set::Age))
                {
                    return None;
                }
                // "iPhone 15 owners", "iOS 17": a product's name in camel
                // case, then its model number.
                let camel = prev.class == Class::Word
                    && prev.text.chars().next().is_some_and(char::is_lowercase)
                    && prev.text.chars().skip(1).any(char::is_uppercase);
                if camel && first_core.plain_int.is_some() {
                    return None;
                }
                // "Falcon 9 rocket", "Windows 10": a name then a bare number
                // that counts nothing.
                let sentence_start = self
                    .before(p.first, 2)
                    .is_none_or(|a| a.class == Class::Mark && SENTENCE_MARKS.contains(&a.text));
                if prev.is_capitalized()
                    && !sentence_start
                    && prev.entry().is_none_or(|e| e.is_context_only())
                    && first_core.plain_int.is_some()
                    && p.noun.is_none()
                    && p.first == first_core.first
                {
                    return None;
                }
            }
        }
        if self.age_apposition(&p, first_core) {
            return None;
        }
        // "one over three": X over Y is math register (section 9.1).
        let plain_number = |c: &Core| c.kind == crate::numbers::NumberKind::Number && c.is_point();
        let last_word = self.at(p.last + 3).is_none_or(|a| {
            a.class != Class::Word || !(is_plural(a.text) || a.in_set(Set::TimeUnit))
        });
        if plain_number(first_core)
            && p.noun.is_none()
            && self.is(p.last + 1, "over")
            && self.is_number(p.last + 2)
            && last_word
        {
            return None;
        }
        if p.noun.is_none()
            && self.before(p.first, 1).is_some_and(|a| a.is("over"))
            && self.is_number(p.first.wrapping_sub(2))
        {
            return None;
        }
        // Ages: "12 years old", "over thirty years old" (section 9.12).
        // ... and each number of "between 15 and 70 million years old".
        let mut k = p.last + 1;
        while k < p.last + 6
            && self.at(k).is_some_and(|a| {
                a.class == Class::Digits
                    || a.is_any(AGE_RANGE_LINKS)
                    || a.entry().is_some_and(|e| e.role != Role::Plain)
            })
        {
            k += 1;
        }
        if self.in_set(k, Set::YearWord) && self.is(k + 1, "old") {
            return None;
        }
        // Dates: "March 3", "12 January".
        if first_core.plain_int.is_some_and(|(v, _)| (1..=31).contains(&v)) {
            // A month: capitalised, or an abbreviation with its period ("oct. 13").
            let month = |a: Option<&Atom<'_>>| {
                a.is_some_and(|a| a.is_capitalized() && a.in_set(Set::Month))
            };
            let abbreviated = self.before(first_core.first, 1).is_some_and(|d| d.is("."))
                && self.before(first_core.first, 2).is_some_and(|m| m.in_set(Set::Month));
            if abbreviated {
                return None;
            }
            // "March 15 to 17": the second day of a date range.
            let range_tail =
                self.before(first_core.first, 1).is_some_and(|a| a.is_any(DATE_RANGE_LINKS))
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
                        && self.role(p.last + 1).is_none_or(|r| r == Role::Plain)
                        && (is_plural(a.text) || a.in_set(Set::Irregular) || a.in_set(Set::Nominal))
                });
            // A unit glued to it makes a measure ("a 1500km trip", "the 1500m final").
            let measured = self.glued(p.last + 1).is_some_and(|u| u.in_set(Set::GluedUnit));
            if !counted && !measured {
                // A year is no range start: what follows it may be read
                // ("from 16.4 million in 1970 to 6.8 million").
                self.year_rejected.set(true);
                return None;
            }
        }
        Some(p)
    }

    /// Whether a lone "one" at `i` counts (numbers.md: "One journalist" does,
    /// "one of the", "no one", "one another", "the only one" do not).
    pub(super) fn one_is_number(&self, i: usize) -> bool {
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
}
