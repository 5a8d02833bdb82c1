//! Fast membership for the word tables: the tables stay plain slices that a
//! contributor edits; the hot ones are looked up through a hash set built once.

use crate::util::WordHashBuild;
use std::collections::HashSet;

/// A set of lowercase words.
#[derive(Debug)]
pub(crate) struct WordSet(HashSet<&'static str, WordHashBuild>);

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
