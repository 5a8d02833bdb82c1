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
//! A name right after a title ("Ms. Corby", "Mayor Tyler", "Sen. Warren") or
//! a given name ("Michael Jordan", "Kelly Florence"), or a place's name that
//! is also a given name right before a surname ("Jordan Smith", "Austin
//! Carter"), is a person's name, not the place or group of that name.
//!
//! The word lists are in `words.rs`.

use super::fold::{char_before, is_word};
use super::words::{
    BOUND_PREFIXES, GIVEN_NAMES, INSTITUTION_HEADS, NAME_PARTICLES, PLACE_GIVEN_NAMES, SURNAMES,
    TITLES,
};
use once_cell::sync::Lazy;

/// The capitalised word of ASCII letters (and periods) that ends one space
/// before byte `start` of `text` (see [`word_of_its_own`]): what a title or
/// a given name before a match is.
fn word_before(text: &str, start: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    // Most matches follow a lowercase word or punctuation: the byte before
    // the space is seen first.
    if start < 3 || bytes.get(start - 1) != Some(&b' ') {
        return None;
    }
    let end = start - 1;
    let mut at = end;
    while at > 0 && bytes.get(at - 1).is_some_and(|&b| b.is_ascii_alphabetic() || b == b'.') {
        at -= 1;
        if end - at > 14 {
            return None;
        }
    }
    // A capital first; whether a word of its own is asked last (of the
    // words the caller looks for).
    bytes.get(at).filter(|b| b.is_ascii_uppercase())?;
    text.get(at..end)
}

/// Whether `word`, the word before byte `start - 1` of `text` that
/// [`word_before`] read, is a word of its own: no letter or digit touches
/// it.
fn word_of_its_own(text: &str, start: usize, word: &str) -> bool {
    let at = start - 1 - word.len();
    char_before(text, at).is_none_or(|c| !is_word(c))
}

/// Whether the match starting at byte `start` follows a title ("Ms.
/// Corby") or a given name ("Michael Jordan") and one space, a word of its
/// own: a person's name.
pub(crate) fn after_title_or_given_name(text: &str, start: usize) -> bool {
    static BEFORE: Lazy<WordSet> = Lazy::new(|| WordSet::new(TITLES.iter().chain(&GIVEN_NAMES)));
    word_before(text, start).is_some_and(|w| BEFORE.contains(w) && word_of_its_own(text, start, w))
}

/// A set of words looked up at every match: a word of up to seven bytes
/// is one `u64` (its bytes, then its length) in a sorted list, found in a
/// few integer comparisons; longer ones are compared as strings.
struct WordSet {
    short: Vec<u64>,
    long: Vec<&'static str>,
}

impl WordSet {
    fn new<'w>(words: impl Iterator<Item = &'w &'static str>) -> WordSet {
        let (mut short, mut long) = (Vec::new(), Vec::new());
        for &w in words {
            match WordSet::key(w) {
                Some(k) => short.push(k),
                None => long.push(w),
            }
        }
        short.sort_unstable();
        long.sort_unstable();
        WordSet { short, long }
    }

    /// `word` as a number, if it has seven bytes or fewer: the bytes, then
    /// the length (so that "Jo" and "\0Jo" differ).
    fn key(word: &str) -> Option<u64> {
        let bytes = word.as_bytes();
        (bytes.len() <= 7).then(|| {
            let packed = bytes.iter().fold(0u64, |k, &b| k << 8 | u64::from(b));
            packed << 8 | bytes.len() as u64
        })
    }

    fn contains(&self, word: &str) -> bool {
        match WordSet::key(word) {
            Some(k) => self.short.binary_search(&k).is_ok(),
            None => self.long.binary_search(&word).is_ok(),
        }
    }
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

/// Whether the match starting at byte `start` ends a longer name joined by a
/// lowercase particle after a capitalised word ("Ceamurlia de Jos", "Tour de
/// France", "Universidad de Chile"): [`NAME_PARTICLES`], one space each side.
pub(crate) fn after_name_particle(text: &str, start: usize) -> bool {
    let bytes = text.as_bytes();
    // Most matches follow punctuation or a longer word: the two bytes before
    // are seen first.
    if start < 4 || bytes.get(start - 1) != Some(&b' ') {
        return false;
    }
    if !bytes.get(start - 2).is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let end = start - 1;
    let mut at = end;
    while at > 0 && bytes.get(at - 1).is_some_and(u8::is_ascii_lowercase) && end - at < 5 {
        at -= 1;
    }
    let Some(particle) = text.get(at..end) else { return false };
    if NAME_PARTICLES.binary_search(&particle).is_err()
        || at < 2
        || bytes.get(at - 1) != Some(&b' ')
    {
        return false;
    }
    // The word before the particle starts with a capital.
    let Some(head) = text.get(..at - 1) else { return false };
    let word = head.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the context rules reject a match of `text[start..end]`: the one
/// definition both iterators use (the overlapping one asks
/// [`rejects_start`] once per start and [`rejects_end`] per end).
pub(crate) fn rejects(text: &str, start: usize, end: usize) -> bool {
    rejects_start(text, start) || rejects_end(text, start, end)
}

/// The rules on what precedes a match: a bound prefix ("pro-Beijing"), a
/// title ("Ms. Corby"), a given name ("Michael Jordan") or a name particle
/// ("Tour de France").
pub(crate) fn rejects_start(text: &str, start: usize) -> bool {
    after_bound_prefix(text, start)
        || after_title_or_given_name(text, start)
        || after_name_particle(text, start)
}

/// The rules on what follows the match `text[start..end]`: a currency sign
/// ("US$"), a surname after a given name ("Jordan Smith").
pub(crate) fn rejects_end(text: &str, start: usize, end: usize) -> bool {
    before_currency_sign(text, end)
        || before_institution_head(text, end)
        || (before_surname(text, end)
            && text.get(start..end).is_some_and(|n| PLACE_GIVEN_NAMES.binary_search(&n).is_ok()))
}

/// Whether one space and one of [`SURNAMES`], a word of its own, follow
/// byte `end` of `text` ("Jordan Smith", not "Jordan Smithfield").
pub(crate) fn before_surname(text: &str, end: usize) -> bool {
    let bytes = text.as_bytes();
    // Most matches end before punctuation or a lowercase word: the two bytes
    // after are seen first.
    if bytes.get(end) != Some(&b' ') || !bytes.get(end + 1).is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let start = end + 1;
    let mut at = start + 1;
    while bytes.get(at).is_some_and(u8::is_ascii_lowercase) {
        at += 1;
    }
    let whole = text.get(at..).and_then(|rest| rest.chars().next()).is_none_or(|c| !is_word(c));
    static SURNAME: Lazy<WordSet> = Lazy::new(|| WordSet::new(SURNAMES.iter()));
    whole && text.get(start..at).is_some_and(|w| SURNAME.contains(w))
}

/// Whether one space and one of [`INSTITUTION_HEADS`], a word of its own,
/// follow byte `end` of `text`: the match is part of an institution's name
/// ("Aberdeen University", "the Dresden Zoo").
pub(crate) fn before_institution_head(text: &str, end: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes.get(end) != Some(&b' ') || !bytes.get(end + 1).is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let start = end + 1;
    let mut at = start + 1;
    while bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
        at += 1;
    }
    let Some(word) = text.get(start..at) else { return false };
    if INSTITUTION_HEADS.binary_search(&word).is_err() {
        return false;
    }
    text.get(at..).and_then(|rest| rest.chars().next()).is_none_or(|c| !is_word(c))
}

/// Whether the match ending at byte `end` is glued to a currency sign.
pub(crate) fn before_currency_sign(text: &str, end: usize) -> bool {
    text.get(end..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| matches!(c, '$' | '\u{a3}' | '\u{20ac}' | '\u{a5}'))
}

#[cfg(test)]
mod tests {
    use super::{
        after_bound_prefix, after_name_particle, after_title_or_given_name, before_currency_sign,
        before_institution_head, before_surname, WordSet,
    };
    use super::{
        BOUND_PREFIXES, GIVEN_NAMES, INSTITUTION_HEADS, NAME_PARTICLES, PLACE_GIVEN_NAMES,
        SURNAMES, TITLES,
    };

    #[test]
    fn word_lists_are_sorted_for_their_binary_search() {
        assert!(TITLES.windows(2).all(|w| w[0] < w[1]));
        assert!(GIVEN_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(SURNAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(PLACE_GIVEN_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(INSTITUTION_HEADS.windows(2).all(|w| w[0] < w[1]));
        assert!(NAME_PARTICLES.windows(2).all(|w| w[0] < w[1]));
        assert!(BOUND_PREFIXES.iter().all(|p| p.chars().all(|c| c.is_ascii_lowercase())));
    }

    #[test]
    fn a_word_set_holds_its_words_short_and_long() {
        let set = WordSet::new(["Ann", "Jo", "Michael", "Christopher", "Superintendent"].iter());
        for w in ["Ann", "Jo", "Michael", "Christopher", "Superintendent"] {
            assert!(set.contains(w), "{w}");
        }
        for w in ["An", "Anne", "J", "", "Michaels", "Christophe", "Jo\0", "\0Jo", "ann"] {
            assert!(!set.contains(w), "{w:?}");
        }
    }

    #[test]
    fn surnames_make_a_person() {
        let before = |text: &str, name: &str| {
            let at = text.find(name).unwrap() + name.len();
            before_surname(text, at)
        };
        assert!(before("Jordan Smith scored", "Jordan"));
        assert!(before("(Austin Carter)", "Austin"));
        assert!(before("said Chad Johnson.", "Chad"));
        assert!(!before("Jordan Smithfield", "Jordan"));
        assert!(!before("Jordan smith", "Jordan"));
        assert!(!before("Jordan  Smith", "Jordan"));
        assert!(!before("Jordan, Smith said", "Jordan"));
        assert!(!before("Jordan Young", "Jordan"));
        assert!(!before("Jordan", "Jordan"));
    }

    #[test]
    fn given_names_make_a_person() {
        let after =
            |text: &str, name: &str| after_title_or_given_name(text, text.find(name).unwrap());
        assert!(after("Michael Jordan scored", "Jordan"));
        assert!(after("said Kelly Florence.", "Florence"));
        assert!(after("(George Washington Carver)", "Washington"));
        assert!(!after("in Jordan", "Jordan"));
        assert!(!after("Will Jordan", "Jordan"));
        assert!(!after("Michaels Jordan", "Jordan"));
        assert!(!after("XMichael Jordan", "Jordan"));
        assert!(!after("Michael  Jordan", "Jordan"));
    }

    #[test]
    fn titles_make_a_person() {
        let after =
            |text: &str, name: &str| after_title_or_given_name(text, text.find(name).unwrap());
        assert!(after("said Ms. Corby on Monday", "Corby"));
        assert!(after("Mayor Tyler spoke", "Tyler"));
        assert!(after("(Sen. Warren)", "Warren"));
        assert!(after("Dr York Chow", "York"));
        assert!(after("Coach Austin said", "Austin"));
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

    #[test]
    fn institution_heads_continue_a_name() {
        let ends = |text: &str, name: &str| {
            let end = text.find(name).unwrap() + name.len();
            before_institution_head(text, end)
        };
        assert!(ends("at Leeds University.", "Leeds"));
        assert!(ends("the Perth Zoo", "Perth"));
        assert!(ends("Oslo Ltd. said", "Oslo"));
        // A government body names its place's government.
        assert!(!ends("the Canada Department of Health", "Canada"));
        assert!(!ends("the Samoa Health Ministry", "Samoa"));
        assert!(!ends("in Leeds University", "in"));
        assert!(!ends("Leeds Universityville", "Leeds"));
        assert!(!ends("Leeds university", "Leeds"));
    }

    #[test]
    fn a_particle_after_a_capitalised_word_joins_a_longer_name() {
        let after = |text: &str, name: &str| after_name_particle(text, text.find(name).unwrap());
        assert!(after("in Ceamurlia de Jos, a village", "Jos"));
        assert!(after("the Tour de France", "France"));
        assert!(after("Universidad del Valle", "Valle"));
        assert!(after("Évora de Jos", "Jos"));
        // Not after a lowercase word, nor another word than a particle.
        assert!(!after("the gates de Jos", "Jos"));
        assert!(!after("fled to Jos", "Jos"));
        assert!(!after("Made in France", "France"));
        assert!(!after("Jos", "Jos"));
        assert!(!after("de Jos", "Jos"));
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
