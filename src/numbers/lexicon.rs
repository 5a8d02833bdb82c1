//! The one word lookup the engine does per atom: every word named by the
//! tables in `words.rs` and `qualifiers.rs`, interned with its role.

use super::qualifiers::{
    BOUND_JOINERS, CHANGE_VERBS, OVER_DURATION_KEEPERS, OVER_GOVERNORS, PREFIXES, RANGE_CONNECTORS,
    SUFFIXES,
};
use super::words::*;
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
    Denominator { d: u32, plural: bool },
    /// "half" / "halves".
    Half,
}

/// A known word: its lowercase key, role, and whether a phrase may start with it.
#[derive(Debug)]
pub(crate) struct Entry {
    pub key: &'static str,
    pub role: Role,
    pub starts: bool,
}

static LEXICON: Lazy<HashMap<&'static str, Entry>> = Lazy::new(build);

fn build() -> HashMap<&'static str, Entry> {
    let mut map: HashMap<&'static str, Entry> = HashMap::new();
    let mut add = |key: &'static str, role: Role, starts: bool| {
        let e = map.entry(key).or_insert(Entry { key, role: Role::Plain, starts: false });
        if role != Role::Plain {
            e.role = role;
        }
        e.starts |= starts;
    };
    for &(w, n) in UNITS {
        add(w, Role::Unit(n), true);
    }
    for &(w, n) in TENS {
        add(w, Role::Tens(n), true);
    }
    add("hundred", Role::Hundred, false);
    for &(w, s) in SCALES {
        add(w, Role::Scale(s), false);
    }
    add("dozen", Role::Dozen, false);
    for &(w, unit, needs_of) in VAGUE_PLURALS {
        add(w, Role::Vague { unit, needs_of }, true);
    }
    for &(one, many, d) in DENOMINATORS {
        add(one, Role::Denominator { d, plural: false }, false);
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
    for &w in MINUS_WORDS {
        add(w, Role::Plain, true);
    }
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
        HALF_FOLLOWERS,
        ONE_PRONOUN_BEFORE,
        &["of", "and", "or", "point", "in", "out", "every", "few", "s", "old", "is", "was"],
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
    let key = std::str::from_utf8(lower).ok()?;
    LEXICON.get(key)
}
