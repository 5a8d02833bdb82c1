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
//!
//! A name right after a title ("Ms. Corby", "Mayor Tyler", "Sen. Warren") is
//! a person's name, not the place or group of that name.

use super::fold::{char_before, is_word};

/// Prefixes that make one word with what follows their hyphen. Lowercase;
/// compared case-insensitively ("Pro-Beijing" at a sentence start).
const BOUND_PREFIXES: [&str; 12] =
    ["anti", "counter", "ex", "mid", "neo", "non", "pan", "post", "pre", "pro", "sub", "trans"];

/// Titles before a person's name (case as written; with and without the
/// period where both are written).
const TITLES: [&str; 26] = [
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Prof.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Gen.",
    "Col.",
    "Capt.",
    "Lt.",
    "Sgt.",
    "Judge",
    "Mayor",
    "Senator",
    "Governor",
    "Sheriff",
    "Detective",
    "Officer",
    "Justice",
    "Rev.",
];

/// Whether the match starting at byte `start` follows a title and one space
/// ("Ms. Corby"), the title a word of its own.
pub(crate) fn after_title(text: &str, start: usize) -> bool {
    let bytes = text.as_bytes();
    // Most matches follow a lowercase word or punctuation: the byte before
    // the space is seen first.
    if start < 3 || bytes.get(start - 1) != Some(&b' ') {
        return false;
    }
    let end = start - 1;
    let mut at = end;
    while at > 0 && bytes.get(at - 1).is_some_and(|&b| b.is_ascii_alphabetic() || b == b'.') {
        at -= 1;
        if end - at > 9 {
            return false;
        }
    }
    let Some(word) = text.get(at..end) else { return false };
    TITLES.contains(&word) && char_before(text, at).is_none_or(|c| !is_word(c))
}

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

/// The rules on what precedes a match: a bound prefix ("pro-Beijing"), a
/// title ("Ms. Corby").
pub(crate) fn rejects_start(text: &str, start: usize) -> bool {
    after_bound_prefix(text, start) || after_title(text, start)
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
    use super::{after_bound_prefix, after_title, before_currency_sign};

    #[test]
    fn titles_make_a_person() {
        let after = |text: &str, name: &str| after_title(text, text.find(name).unwrap());
        assert!(after("said Ms. Corby on Monday", "Corby"));
        assert!(after("Mayor Tyler spoke", "Tyler"));
        assert!(after("(Sen. Warren)", "Warren"));
        assert!(after("Dr York Chow", "York"));
        assert!(!after("in Tyler on Monday", "Tyler"));
        assert!(!after("Mr.Tyler", "Tyler"));
        assert!(!after("Mayors Tyler", "Tyler"));
        assert!(!after("XMr. Tyler", "Tyler"));
        assert!(!after("Mr.  Tyler", "Tyler"));
        assert!(!after("Tyler", "Tyler"));
        assert!(!after("é Tyler", "Tyler"));
    }

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
