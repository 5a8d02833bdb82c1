//! Context rules that reject a whole-word match which is still not a mention
//! of the name on its own.
//!
//! A name glued by a hyphen to a bound prefix ("pro-Beijing camp",
//! "anti-Pyongyang broadcasts", "post-Soviet states") is part of one
//! modifier word: it names a side or a period, not the place or group.
//! Treebank tokenisation keeps such words whole (UD English: "pro-Beijing" is
//! one token) and entity annotation does not mark a mention inside them. A
//! name before the hyphen ("Aleppo-based", "US-led") stays a match: there the
//! hyphen joins two words.
//!
//! A name glued to a following currency sign ("US$ 20,000", "HK$5") is part
//! of the currency's symbol, not a mention of the country.

use super::fold::{char_before, is_word};

/// Prefixes that make one word with what follows their hyphen. Lowercase;
/// compared case-insensitively ("Pro-Beijing" at a sentence start).
const BOUND_PREFIXES: [&str; 12] =
    ["anti", "counter", "ex", "mid", "neo", "non", "pan", "post", "pre", "pro", "sub", "trans"];

/// Whether the match starting at byte `start` is glued to a bound prefix:
/// `text[..start]` ends with `<prefix>-` and the prefix starts a word.
pub(crate) fn after_bound_prefix(text: &str, start: usize) -> bool {
    let Some(head) = text.get(..start) else {
        return false;
    };
    let Some(before_hyphen) = head
        .strip_suffix('-')
        .or_else(|| head.strip_suffix('\u{2010}'))
        .or_else(|| head.strip_suffix('\u{2011}'))
    else {
        return false;
    };
    BOUND_PREFIXES.iter().any(|prefix| {
        let Some(at) = before_hyphen.len().checked_sub(prefix.len()) else {
            return false;
        };
        before_hyphen.get(at..).is_some_and(|word| word.eq_ignore_ascii_case(prefix))
            && char_before(before_hyphen, at).is_none_or(|c| !is_word(c))
    })
}

/// Whether the context rules reject a match of `text[start..end]`: the one
/// definition both iterators use (the overlapping one asks
/// [`rejects_start`] once per start and [`rejects_end`] per end).
pub(crate) fn rejects(text: &str, start: usize, end: usize) -> bool {
    rejects_start(text, start) || rejects_end(text, end)
}

/// The rules on what precedes a match: a bound prefix ("pro-Beijing").
pub(crate) fn rejects_start(text: &str, start: usize) -> bool {
    after_bound_prefix(text, start)
}

/// The rules on what follows a match: a currency sign ("US$").
pub(crate) fn rejects_end(text: &str, end: usize) -> bool {
    before_currency_sign(text, end)
}

/// Whether the match ending at byte `end` is glued to a currency sign.
pub(crate) fn before_currency_sign(text: &str, end: usize) -> bool {
    text.get(end..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| matches!(c, '$' | '\u{a3}' | '\u{20ac}' | '\u{a5}'))
}

#[cfg(test)]
mod tests {
    use super::{after_bound_prefix, before_currency_sign};

    #[test]
    fn currency_signs_glue() {
        assert!(before_currency_sign("US$ 20,000", 2));
        assert!(before_currency_sign("HK\u{a3}5", 2));
        assert!(!before_currency_sign("US $20", 2));
        assert!(!before_currency_sign("US", 2));
        assert!(!before_currency_sign("US", 9));
    }

    fn glued(text: &str, name: &str) -> bool {
        let start = text.find(name).unwrap();
        after_bound_prefix(text, start)
    }

    #[test]
    fn bound_prefixes_glue() {
        assert!(glued("the pro-Beijing camp", "Beijing"));
        assert!(glued("Pro-Beijing lawmakers", "Beijing"));
        assert!(glued("anti-Pyongyang leaflets", "Pyongyang"));
        assert!(glued("post\u{2010}Soviet states", "Soviet"));
        assert!(glued("(non-EU citizens)", "EU"));
    }

    #[test]
    fn other_hyphens_do_not_glue() {
        assert!(!glued("Aleppo-based doctors", "based"));
        assert!(!glued("the Paris-Berlin line", "Berlin"));
        assert!(!glued("a Sino-Russian pact", "Russian"));
        assert!(!glued("impro-Beijing", "Beijing"));
        assert!(!glued("Beijing", "Beijing"));
        assert!(!glued("pro Beijing", "Beijing"));
        assert!(!glued("-Beijing", "Beijing"));
    }
}
