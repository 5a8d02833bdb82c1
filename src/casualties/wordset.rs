//! Fast membership for the word tables: the tables stay plain slices that a
//! contributor edits; the hot ones are looked up through a hash set built once.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the words are short, so a simple hash beats SipHash several times.
#[derive(Clone, Copy, Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// The hasher builder for every map and set of the casualty layer.
pub(crate) type FnvBuild = BuildHasherDefault<Fnv>;

/// A set of lowercase words.
#[derive(Debug)]
pub(crate) struct WordSet(HashSet<&'static str, FnvBuild>);

impl WordSet {
    /// The set of the words of `table`.
    pub(crate) fn new(table: &[&'static str]) -> WordSet {
        WordSet(table.iter().copied().collect())
    }

    /// Whether `word` (lowercase) is in the set.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn membership() {
        let s = super::WordSet::new(&["dead", "wounded"]);
        assert!(s.contains("dead"));
        assert!(!s.contains("Dead"));
    }
}
