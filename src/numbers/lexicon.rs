//! The one word lookup the engine does per atom: every word named by the
//! tables in `words.rs` and `qualifiers.rs`, interned with its role.

use super::qualifiers::{
    BOUND_JOINERS, CHANGE_VERBS, OVER_DURATION_KEEPERS, OVER_GOVERNORS, PREFIXES, RANGE_CONNECTORS,
    SUFFIXES,
};
use super::words::*;
use crate::util::WordHashBuild;
use once_cell::sync::Lazy;
use std::collections::HashMap;

/// What a known word does in a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Role {
    /// A word the engine consults but that carries no value.
    Plain,
    /// zero..nineteen.
    Unit(u8),
    /// twenty..ninety.
    Tens(u8),
    /// "hundred".
    Hundred,
    /// thousand, million, ...
    Scale(f64),
    /// "dozen" (a multiplier of 12).
    Dozen,
    /// A plural unit read vaguely ("hundreds").
    Vague { unit: f64, needs_of: bool },
    /// A fraction denominator ("third", "thirds").
    Denominator { d: f64, plural: bool },
    /// "half" / "halves".
    Half,
}

/// The word tables a word can belong to, tested by one bit each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Set {
    NounStop,
    NounSkip,
    OfPronoun,
    OfDeterminer,
    Irregular,
    Nominal,
    UnitAbbreviation,
    Month,
    Designator,
    TimeSuffix,
    TimeUnit,
    Age,
    ChangeVerb,
    OverGovernor,
    OverKeeper,
    HalfFollower,
    OnePronounBefore,
    Minus,
    CurrencyCode,
    PeriodOrdinal,
    Ordinal,
    GluedUnit,
    Dimension,
    LengthUnit,
    LengthNoun,
    RaceWord,
    ScoreWord,
    DialWord,
    ClockWord,
    LowerDesignator,
    Plus,
    NumberSign,
    YearWord,
    ClockFraction,
    FractionVerb,
}

impl Set {
    #[inline]
    pub(crate) const fn bit(self) -> u64 {
        1 << self as u64
    }
}

/// Each set and the table that fills it.
const SETS: &[(Set, &[&str])] = &[
    (Set::NounStop, NOUN_STOPS),
    (Set::NounSkip, NOUN_SKIPS),
    (Set::OfPronoun, OF_PRONOUNS),
    (Set::OfDeterminer, OF_DETERMINERS),
    (Set::Irregular, IRREGULAR_PLURALS),
    (Set::Nominal, NOMINAL_ADJECTIVES),
    (Set::UnitAbbreviation, UNIT_ABBREVIATIONS),
    (Set::Month, MONTHS),
    (Set::Designator, DESIGNATORS),
    (Set::TimeSuffix, TIME_SUFFIXES),
    (Set::TimeUnit, TIME_UNITS),
    (Set::Age, AGE_WORDS),
    (Set::ChangeVerb, CHANGE_VERBS),
    (Set::OverGovernor, OVER_GOVERNORS),
    (Set::OverKeeper, OVER_DURATION_KEEPERS),
    (Set::HalfFollower, HALF_FOLLOWERS),
    (Set::OnePronounBefore, ONE_PRONOUN_BEFORE),
    (Set::Minus, MINUS_WORDS),
    (Set::Plus, PLUS_WORDS),
    (Set::NumberSign, NUMBER_SIGNS),
    (Set::YearWord, YEAR_WORDS),
    (Set::ClockFraction, CLOCK_FRACTIONS),
    (Set::FractionVerb, FRACTION_VERBS),
    (Set::CurrencyCode, CURRENCY_CODES),
    (Set::PeriodOrdinal, PERIOD_ORDINALS),
    (Set::Ordinal, ORDINAL_WORDS),
    (Set::GluedUnit, GLUED_UNITS),
    (Set::Dimension, DIMENSION_WORDS),
    (Set::LengthUnit, LENGTH_UNITS),
    (Set::LengthNoun, LENGTH_NOUNS),
    (Set::RaceWord, RACE_WORDS),
    (Set::ScoreWord, SCORE_WORDS),
    (Set::DialWord, DIAL_WORDS),
    (Set::ClockWord, CLOCK_WORDS),
    (Set::LowerDesignator, LOWERCASE_DESIGNATORS),
];

/// A known word: its lowercase key, role, whether a phrase may start with it,
/// and the prefix qualifiers (indices into `PREFIXES`) that start with it.
#[derive(Debug)]
pub(crate) struct Entry {
    pub key: &'static str,
    pub role: Role,
    pub starts: bool,
    /// A number word: the scan looks for phrases around these and digits.
    pub anchor: bool,
    /// May stand in a phrase before its number (a qualifier word, "a", a
    /// currency code): the scan looks back over these only.
    pub lead: bool,
    /// The `Set`s the word belongs to, as bits.
    pub sets: u64,
    pub prefixes: Vec<u16>,
}

impl Entry {
    /// Whether the word is known only as context of a number (a unit, a
    /// score or dimension word, an ordinal): capitalised before a bare
    /// number, it may still be a name ("Clermont Foot 63").
    pub(crate) fn is_context_only(&self) -> bool {
        const CONTEXT: &[Set] = &[
            Set::Ordinal,
            Set::GluedUnit,
            Set::Dimension,
            Set::LengthUnit,
            Set::LengthNoun,
            Set::RaceWord,
            Set::ScoreWord,
            Set::DialWord,
            Set::ClockWord,
            Set::YearWord,
            Set::ClockFraction,
        ];
        let mask = CONTEXT.iter().fold(0u64, |m, s| m | s.bit());
        self.role == Role::Plain
            && !self.starts
            && !self.lead
            && self.prefixes.is_empty()
            && self.sets & !mask == 0
    }
}

type Map = HashMap<&'static [u8], Entry, WordHashBuild>;

static LEXICON: Lazy<Map> = Lazy::new(build);

/// A Bloom filter over (first, second and last letter, length) of the words
/// that can anchor a number ("twenty", "dozens", "half"): most words of a
/// text are ruled out here without a lookup.
static ANCHORS: Lazy<[u64; 64]> = Lazy::new(|| {
    let mut bits = [0u64; 64];
    for e in LEXICON.values().filter(|e| e.anchor) {
        let h = shape(e.key.as_bytes());
        if let Some(w) = bits.get_mut(h / 64) {
            *w |= 1 << (h % 64);
        }
    }
    bits
});

#[inline]
fn shape(b: &[u8]) -> usize {
    let first = usize::from(b.first().map_or(0, u8::to_ascii_lowercase));
    let second = usize::from(b.get(1).map_or(0, u8::to_ascii_lowercase));
    let last = usize::from(b.last().map_or(0, u8::to_ascii_lowercase));
    (first * 31 + second * 7 + last * 1009 + b.len() * 131) % 4096
}

/// Whether `word` may be a number word (no false negatives).
#[inline]
pub(crate) fn may_anchor(word: &str) -> bool {
    let h = shape(word.as_bytes());
    ANCHORS.get(h / 64).is_some_and(|w| w & (1 << (h % 64)) != 0)
}

fn build() -> Map {
    let mut map = Map::default();
    for (i, p) in PREFIXES.iter().enumerate() {
        if let (Some(first), Ok(i)) = (p.words.first(), u16::try_from(i)) {
            map.entry(first.as_bytes())
                .or_insert(Entry {
                    key: first,
                    role: Role::Plain,
                    starts: true,
                    anchor: false,
                    lead: false,
                    sets: 0,
                    prefixes: Vec::new(),
                })
                .prefixes
                .push(i);
        }
    }
    let mut add = |key: &'static str, role: Role, starts: bool| {
        let e = map.entry(key.as_bytes()).or_insert(Entry {
            key,
            role: Role::Plain,
            starts: false,
            anchor: false,
            lead: false,
            sets: 0,
            prefixes: Vec::new(),
        });
        if role != Role::Plain {
            e.role = role;
            e.anchor = true;
        }
        e.starts |= starts;
    };
    for &(w, n) in UNITS {
        add(w, Role::Unit(n), true);
    }
    for &(w, n) in TENS {
        add(w, Role::Tens(n), true);
    }
    // A scale word may begin a number ("hundred twelve"; section 9.2).
    add("hundred", Role::Hundred, true);
    for &(w, s) in SCALES {
        add(w, Role::Scale(s), true);
    }
    add("dozen", Role::Dozen, false);
    for &(w, unit, needs_of) in VAGUE_PLURALS {
        add(w, Role::Vague { unit, needs_of }, true);
    }
    for &(one, many, d) in DENOMINATORS {
        // "quarter of a million" may begin a phrase.
        add(one, Role::Denominator { d, plural: false }, true);
        add(many, Role::Denominator { d, plural: true }, false);
    }
    add("half", Role::Half, true);
    add("halves", Role::Half, false);
    for &(words, _, _) in VAGUE_DETERMINERS {
        for (i, w) in words.iter().enumerate() {
            add(w, Role::Plain, i == 0);
        }
    }
    for p in PREFIXES {
        for (i, w) in p.words.iter().enumerate() {
            add(w, Role::Plain, i == 0);
        }
    }
    for s in SUFFIXES {
        for w in s.words {
            add(w, Role::Plain, false);
        }
    }
    for &(w, _) in DOLLAR_PREFIXES {
        add(w, Role::Plain, true);
    }
    for &w in CURRENCY_CODES {
        add(w, Role::Plain, true);
    }
    for &w in MINUS_WORDS.iter().chain(PLUS_WORDS) {
        add(w, Role::Plain, true);
    }
    for &(w, _) in CURRENCY_WORD_PREFIXES {
        add(w, Role::Plain, true);
    }
    for &(words, ..) in SMALL_QUANTITIES {
        for (i, w) in words.iter().enumerate() {
            add(w, Role::Plain, i == 0);
        }
    }
    add("point", Role::Plain, true);
    add("a", Role::Plain, true);
    add("an", Role::Plain, true);
    let plain: &[&[&str]] = &[
        RANGE_CONNECTORS,
        CHANGE_VERBS,
        OVER_GOVERNORS,
        OVER_DURATION_KEEPERS,
        MONTHS,
        TIME_SUFFIXES,
        ORDINAL_SUFFIXES,
        DESIGNATORS,
        AGE_WORDS,
        TIME_UNITS,
        IRREGULAR_PLURALS,
        NOMINAL_ADJECTIVES,
        UNIT_ABBREVIATIONS,
        NOUN_STOPS,
        NOUN_SKIPS,
        OF_DETERMINERS,
        OF_PRONOUNS,
        HALF_FOLLOWERS,
        ONE_PRONOUN_BEFORE,
        PERIOD_ORDINALS,
        ORDINAL_WORDS,
        GLUED_UNITS,
        DIMENSION_WORDS,
        LENGTH_UNITS,
        LENGTH_NOUNS,
        RACE_WORDS,
        SCORE_WORDS,
        DIAL_WORDS,
        CLOCK_WORDS,
        LOWERCASE_DESIGNATORS,
        NUMBER_SIGNS,
        YEAR_WORDS,
        AGE_RANGE_LINKS,
        FRACTION_VERBS,
        NUMBER_IS,
        DATE_RANGE_LINKS,
        CHANGE_LINKS,
        GRAMMAR_WORDS,
        ARTICLES,
        HYPHENS,
        OR_SUFFIX_WORDS,
        HYPHEN_SUFFIXES,
        SCORES_FOLLOWERS,
        COUPLE_FOLLOWERS,
    ];
    for table in plain {
        for w in *table {
            add(w, Role::Plain, false);
        }
    }
    for joiner in BOUND_JOINERS {
        for w in *joiner {
            add(w, Role::Plain, false);
        }
    }
    for &(w, _, _) in SCALE_ABBREVIATIONS {
        add(w, Role::Plain, false);
    }
    for &(w, _) in CURRENCY_WORDS {
        add(w, Role::Plain, false);
    }
    for words in PERCENT_WORDS {
        for w in *words {
            add(w, Role::Plain, false);
        }
    }
    for &(set, table) in SETS {
        for w in table {
            if let Some(e) = map.get_mut(w.as_bytes()) {
                e.sets |= set.bit();
            }
        }
    }
    // Words that may come before the number inside a phrase.
    let mut leads: Vec<&'static str> = Vec::new();
    for p in PREFIXES {
        leads.extend(p.words.iter().copied());
    }
    for &(words, _, _) in VAGUE_DETERMINERS {
        leads.extend(words.iter().copied());
    }
    leads.extend(DOLLAR_PREFIXES.iter().map(|r| r.0));
    leads.extend(CURRENCY_CODES.iter().copied());
    leads.extend(MINUS_WORDS.iter().copied());
    leads.extend(PLUS_WORDS.iter().copied());
    leads.extend(CURRENCY_WORD_PREFIXES.iter().map(|r| r.0));
    leads.extend(["point"]);
    leads.extend(["a", "an", "half", "and", "to", "or"]);
    for w in leads {
        if let Some(e) = map.get_mut(w.as_bytes()) {
            e.lead = true;
        }
    }
    for e in map.values_mut() {
        if e.role != Role::Plain {
            e.lead = true;
        }
    }
    // "several", "few", "couple", "point": vague quantities and decimals
    // without a numeric role.
    let unvalued = VAGUE_DETERMINERS
        .iter()
        .map(|r| r.0)
        .chain(SMALL_QUANTITIES.iter().map(|r| r.0))
        .chain([&["point"] as &[&str]]);
    for words in unvalued {
        if let Some(e) = words.last().and_then(|w| map.get_mut(w.as_bytes())) {
            e.anchor = true;
        }
    }
    map
}

/// Longest key in any table; longer words are never looked up.
const MAX_KEY: usize = 24;

/// The entry of `word` (any ASCII case), if it is a known word.
pub(crate) fn lookup(word: &str) -> Option<&'static Entry> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_KEY {
        return None;
    }
    let mut buf = [0u8; MAX_KEY];
    let lower = buf.get_mut(..bytes.len())?;
    for (dst, src) in lower.iter_mut().zip(bytes) {
        if !src.is_ascii() {
            return None;
        }
        *dst = src.to_ascii_lowercase();
    }
    LEXICON.get(&*lower)
}
