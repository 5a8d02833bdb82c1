//! Fast membership for the word tables: the tables stay plain slices that a
//! contributor edits; the hot ones are looked up through a hash set or map
//! built once, with a bit table of word shapes in front of it.

use crate::util::WordHashBuild;
use std::collections::{HashMap, HashSet};

/// One bit per word shape: the length, first and third byte (ASCII case
/// folded), each taken mod 32. A word whose shape has no bit is none of the
/// words the table was built from, so most words of a text are ruled out
/// with a few shifts and a mask before anything is hashed (a table of a
/// hundred words sets about one bit in three hundred; on the news sample the
/// third byte rules out more words than the last, as suffixes are shared).
#[derive(Debug)]
pub(crate) struct Shapes([u64; 512]);

impl Shapes {
    /// The shapes of `words`.
    pub(crate) fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Shapes {
        let mut bits = [0u64; 512];
        for w in words {
            let bit = shape(w.as_bytes());
            if let Some(slot) = bits.get_mut(bit / 64) {
                *slot |= 1 << (bit % 64);
            }
        }
        Shapes(bits)
    }

    /// Whether `word` (in any ASCII case) may be one of the words: false
    /// means it is not.
    #[inline]
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        let bit = shape(word.as_bytes());
        self.0.get(bit / 64).is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }
}

/// The shape bit of a word.
#[inline]
fn shape(word: &[u8]) -> usize {
    let low5 = |b: Option<&u8>| usize::from(b.map_or(0, |b| b.to_ascii_lowercase() & 31));
    ((word.len() & 31) << 10) | (low5(word.first()) << 5) | low5(word.get(2))
}

/// A set of lowercase words.
#[derive(Debug)]
pub(crate) struct WordSet {
    set: HashSet<&'static str, WordHashBuild>,
    shapes: Shapes,
}

impl WordSet {
    /// The set of the words of `table`.
    pub(crate) fn new(table: &[&'static str]) -> WordSet {
        WordSet { set: table.iter().copied().collect(), shapes: Shapes::new(table.iter().copied()) }
    }

    /// Whether `word` (lowercase) is in the set.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.shapes.may_hold(word) && self.set.contains(word)
    }

    /// Whether `word` in ASCII lowercase is in the set.
    #[inline]
    pub(crate) fn contains_folded(&self, word: &str) -> bool {
        self.shapes.may_hold(word) && self.contains_folded_slow(word)
    }

    #[inline(never)]
    fn contains_folded_slow(&self, word: &str) -> bool {
        let mut buf = [0u8; 32];
        match buf.get_mut(..word.len()) {
            Some(lower) => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(|w| self.set.contains(w))
            }
            None => self.set.contains(word.to_ascii_lowercase().as_str()),
        }
    }
}

/// A map from lowercase words.
#[derive(Debug)]
pub(crate) struct WordMap<V> {
    map: HashMap<&'static str, V, WordHashBuild>,
    shapes: Shapes,
}

impl<V> WordMap<V> {
    /// The map of `map`'s entries.
    pub(crate) fn new(map: HashMap<&'static str, V, WordHashBuild>) -> WordMap<V> {
        let shapes = Shapes::new(map.keys().copied());
        WordMap { map, shapes }
    }

    /// The value of `word` (lowercase).
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&V> {
        if self.shapes.may_hold(word) {
            self.map.get(word)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn membership() {
        let s = WordSet::new(&["dead", "wounded"]);
        assert!(s.contains("dead"));
        assert!(!s.contains("Dead"));
        assert!(!s.contains("deed"));
        assert!(!s.contains(""));
        assert!(s.contains_folded("DEAD"));
        assert!(s.contains_folded("Wounded"));
        assert!(!s.contains_folded("Deaf"));
        assert!(!s.contains_folded("dead-and-wounded-and-dead-and-wounded"));
    }

    #[test]
    fn shapes_rule_out_only_other_words() {
        let words = ["a", "killed", "unaccounted", "é", "—", "thirty-two-year-old-man"];
        let shapes = Shapes::new(words);
        for w in words {
            assert!(shapes.may_hold(w), "{w}");
            assert!(shapes.may_hold(&w.to_ascii_uppercase()), "{w}");
        }
        assert!(!shapes.may_hold("said"));
        assert!(!shapes.may_hold(""));
    }

    #[test]
    fn map_lookup() {
        let mut m = HashMap::default();
        m.insert("shot", 1);
        let m = WordMap::new(m);
        assert_eq!(m.get("shot"), Some(&1));
        assert_eq!(m.get("shut"), None);
        assert_eq!(m.get("Shot"), None);
    }
}
