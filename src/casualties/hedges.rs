//! Hedge cues (README section 7): words by which a sentence does not assert
//! that the outcome happened. Attribution ("said", "according to", "claimed")
//! and estimates are no hedges and are deliberately absent.
//!
//! A cue hedges a fact when it stands in the fact's clause before the fact's
//! last word (count or outcome word). Extend the tables; the engine needs no
//! change.

use super::wordset::WordSet;
use once_cell::sync::Lazy;

/// Modal, projection, hypothesis, fear/belief, threat, denial and
/// not-yet-carried-out order cues (lowercase single tokens).
#[rustfmt::skip]
pub(crate) static HEDGE_CUES: &[&str] = &[
    // projection
    "expect", "expects", "expected", "expecting", "projected", "projects", "forecast", "forecasts",
    "predicted", "predicts", "predict",
    // hypothesis
    "if", "unless",
    // fear or belief
    "feared", "fear", "fears", "fearing", "presumed", "believed", "thought",
    // threats
    "threatened", "threaten", "threatens", "threatening", "vowed",
    // denial
    "denied", "deny", "denies", "denying",
    // orders not yet carried out
    "ordered", "orders", "urged", "advised",
];

/// Modal cues: they hedge only the verb they govern, so they must stand
/// between the count and the outcome word or just before the outcome word
/// ("may have died", "could kill", "the toll could reach 1,000"), not
/// anywhere in the clause ("the blast, which could be heard for miles, killed 12").
#[rustfmt::skip]
pub(crate) static MODAL_CUES: &[&str] = &["may", "might", "could", "would", "possibly", "perhaps"];

/// How many tokens before the outcome word a modal may stand ("could kill").
pub(crate) const MODAL_REACH: usize = 3;

/// Words after a cue that cancel it ("could not be confirmed" is attribution).
pub(crate) static CUE_NEGATORS: &[&str] = &["not", "n't", "never"];

/// Words that start a new clause for the purpose of hedge scope.
pub(crate) static CLAUSE_BREAKS: &[&str] = &[";", "but", "while", "whereas", "although"];

/// Whether `word` (lowercase) is a modal cue.
pub(crate) fn is_modal(word: &str) -> bool {
    MODAL_CUES.contains(&word)
}

/// Whether `word` (lowercase) is a clause-wide hedge cue.
pub(crate) fn is_cue(word: &str) -> bool {
    CUES.contains(word)
}

static CUES: Lazy<WordSet> = Lazy::new(|| WordSet::new(HEDGE_CUES));

#[cfg(test)]
mod tests {
    #[test]
    fn attribution_is_no_cue() {
        for w in ["said", "according", "claimed", "reported", "estimated"] {
            assert!(!super::is_cue(w), "{w}");
        }
        assert!(super::is_cue("feared"));
        assert!(super::is_modal("might"));
    }
}
