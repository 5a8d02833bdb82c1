//! Qualifier tables: the words around a number that turn it into an interval
//! (numbers.md section 4), range connectors, and the context words that
//! cancel a reading ("rose from 12 to 19" is two points, "the dispute over two
//! islands" is no bound).
//!
//! Plain data: add a row to extend the finder; the engine reads only these
//! tables. Words are lowercase; marks (">", "+") are matched as written.

/// What a qualifier does to the number it governs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bound {
    /// `(x, ∞)`: "more than", "over".
    MoreThan,
    /// `[x, ∞)`: "at least", "or more".
    AtLeast,
    /// `(−∞, x)`: "fewer than", "under", "nearly".
    LessThan,
    /// `(−∞, x]`: "up to", "at most".
    AtMost,
    /// `[x, x]`: "about", "some", "equal to".
    Point,
    /// `[x, y]` with "and": "between".
    Between,
    /// `[x, y]` with "to": "from".
    From,
}

/// A qualifier written before the number: its words, its bound, and whether it hedges.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Prefix {
    pub words: &'static [&'static str],
    pub bound: Bound,
    pub approximate: bool,
}

const fn pre(words: &'static [&'static str], bound: Bound, approximate: bool) -> Prefix {
    Prefix { words, bound, approximate }
}

use Bound::{AtLeast, AtMost, Between, From, LessThan, MoreThan, Point};

/// Qualifiers before the number. The longest match wins.
pub(crate) const PREFIXES: &[Prefix] = &[
    // (x, ∞)
    pre(&["more", "than"], MoreThan, false),
    pre(&["over"], MoreThan, false),
    pre(&["above"], MoreThan, false),
    pre(&["beyond"], MoreThan, false),
    pre(&["exceeding"], MoreThan, false),
    pre(&["exceeded"], MoreThan, false),
    pre(&["exceeds"], MoreThan, false),
    pre(&["exceed"], MoreThan, false),
    pre(&["in", "excess", "of"], MoreThan, false),
    pre(&["well", "in", "excess", "of"], MoreThan, false),
    pre(&["upwards", "of"], MoreThan, false),
    pre(&["upward", "of"], MoreThan, false),
    pre(&["well", "over"], MoreThan, false),
    pre(&["well", "above"], MoreThan, false),
    pre(&["far", "more", "than"], MoreThan, false),
    pre(&["a", "shade", "over"], MoreThan, true),
    pre(&["a", "touch", "over"], MoreThan, true),
    pre(&["many", "more", "than"], MoreThan, false),
    pre(&["greater", "than"], MoreThan, false),
    pre(&["larger", "than"], MoreThan, false),
    pre(&["bigger", "than"], MoreThan, false),
    pre(&["higher", "than"], MoreThan, false),
    pre(&[">"], MoreThan, false),
    pre(&["just", "over"], MoreThan, true),
    pre(&["just", "above"], MoreThan, true),
    pre(&["slightly", "more", "than"], MoreThan, true),
    pre(&["slightly", "over"], MoreThan, true),
    pre(&["a", "little", "over"], MoreThan, true),
    pre(&["a", "little", "more", "than"], MoreThan, true),
    // [x, ∞)
    pre(&["at", "least"], AtLeast, false),
    pre(&["no", "fewer", "than"], AtLeast, false),
    pre(&["no", "less", "than"], AtLeast, false),
    pre(&["not", "less", "than"], AtLeast, false),
    pre(&["not", "fewer", "than"], AtLeast, false),
    pre(&["a", "minimum", "of"], AtLeast, false),
    pre(&["at", "a", "minimum"], AtLeast, false),
    pre(&["greater", "than", "or", "equal", "to"], AtLeast, false),
    pre(&["more", "than", "or", "equal", "to"], AtLeast, false),
    pre(&["equal", "to", "or", "more", "than"], AtLeast, false),
    pre(&["equal", "to", "or", "greater", "than"], AtLeast, false),
    pre(&["greater", "or", "equal", "than"], AtLeast, false),
    pre(&["greater", "or", "equal", "to"], AtLeast, false),
    pre(&["higher", "or", "equal", "than"], AtLeast, false),
    pre(&["bigger", "or", "equal", "than"], AtLeast, false),
    pre(&["larger", "or", "equal", "than"], AtLeast, false),
    pre(&["more", "or", "equal", "than"], AtLeast, false),
    pre(&["at", "least", "or", "equal", "to"], AtLeast, false),
    pre(&[">", "="], AtLeast, false),
    pre(&["\u{2265}"], AtLeast, false),
    // (−∞, x)
    pre(&["fewer", "than"], LessThan, false),
    pre(&["less", "than"], LessThan, false),
    pre(&["under"], LessThan, false),
    pre(&["below"], LessThan, false),
    pre(&["lower", "than"], LessThan, false),
    pre(&["smaller", "than"], LessThan, false),
    pre(&["<"], LessThan, false),
    pre(&["well", "under"], LessThan, false),
    pre(&["well", "below"], LessThan, false),
    pre(&["far", "fewer", "than"], LessThan, false),
    pre(&["far", "less", "than"], LessThan, false),
    pre(&["just", "under"], LessThan, true),
    pre(&["shy", "of"], LessThan, true),
    pre(&["just", "shy", "of"], LessThan, true),
    pre(&["just", "short", "of"], LessThan, true),
    pre(&["a", "shade", "under"], LessThan, true),
    pre(&["a", "touch", "under"], LessThan, true),
    pre(&["the", "best", "part", "of"], LessThan, true),
    pre(&["getting", "on", "for"], LessThan, true),
    pre(&["just", "below"], LessThan, true),
    pre(&["slightly", "less", "than"], LessThan, true),
    pre(&["slightly", "fewer", "than"], LessThan, true),
    pre(&["slightly", "under"], LessThan, true),
    pre(&["nearly"], LessThan, true),
    pre(&["almost"], LessThan, true),
    pre(&["close", "to"], LessThan, true),
    pre(&["not", "quite"], LessThan, true),
    // (−∞, x]
    pre(&["at", "most"], AtMost, false),
    pre(&["no", "more", "than"], AtMost, false),
    pre(&["not", "more", "than"], AtMost, false),
    pre(&["up", "to"], AtMost, false),
    pre(&["a", "maximum", "of"], AtMost, false),
    pre(&["as", "many", "as"], AtMost, false),
    pre(&["as", "much", "as"], AtMost, false),
    pre(&["no", "greater", "than"], AtMost, false),
    pre(&["less", "than", "or", "equal", "to"], AtMost, false),
    pre(&["fewer", "than", "or", "equal", "to"], AtMost, false),
    pre(&["equal", "to", "or", "less", "than"], AtMost, false),
    pre(&["equal", "to", "or", "fewer", "than"], AtMost, false),
    pre(&["less", "or", "equal", "than"], AtMost, false),
    pre(&["less", "or", "equal", "to"], AtMost, false),
    pre(&["smaller", "or", "equal", "than"], AtMost, false),
    pre(&["lower", "or", "equal", "than"], AtMost, false),
    pre(&["<", "="], AtMost, false),
    pre(&["\u{2264}"], AtMost, false),
    // [x, x], hedged
    pre(&["about"], Point, true),
    pre(&["around"], Point, true),
    pre(&["approximately"], Point, true),
    pre(&["approx"], Point, true),
    pre(&["roughly"], Point, true),
    pre(&["some"], Point, true),
    pre(&["an", "estimated"], Point, true),
    pre(&["circa"], Point, true),
    pre(&["in", "the", "region", "of"], Point, true),
    pre(&["in", "the", "neighborhood", "of"], Point, true),
    pre(&["in", "the", "neighbourhood", "of"], Point, true),
    pre(&["in", "the", "vicinity", "of"], Point, true),
    pre(&["an", "approximate"], Point, true),
    pre(&["on", "the", "order", "of"], Point, true),
    pre(&["of", "the", "order", "of"], Point, true),
    pre(&["somewhere", "around"], Point, true),
    pre(&["more", "or", "less"], Point, true),
    // [x, x], exact
    pre(&["equal", "to"], Point, false),
    pre(&["equals"], Point, false),
    pre(&["equaling", "to"], Point, false),
    pre(&["equalling", "to"], Point, false),
    // ranges
    pre(&["between"], Between, false),
    pre(&["from"], From, false),
];

/// A qualifier written after the number ("50 or more", "100-plus", "200+").
#[derive(Clone, Copy, Debug)]
pub(crate) struct Suffix {
    pub words: &'static [&'static str],
    pub bound: Bound,
    pub approximate: bool,
    /// The first word must touch the number ("100-plus", "200+").
    pub glued: bool,
}

const fn suf(
    words: &'static [&'static str],
    bound: Bound,
    approximate: bool,
    glued: bool,
) -> Suffix {
    Suffix { words, bound, approximate, glued }
}

/// Qualifiers after the number. The longest match wins.
pub(crate) const SUFFIXES: &[Suffix] = &[
    suf(&["or", "more"], AtLeast, false, false),
    suf(&["or", "greater"], AtLeast, false, false),
    suf(&["or", "above"], AtLeast, false, false),
    suf(&["or", "higher"], AtLeast, false, false),
    suf(&["or", "over"], AtLeast, false, false),
    suf(&["and", "more"], AtLeast, false, false),
    suf(&["and", "above"], AtLeast, false, false),
    suf(&["and", "over"], AtLeast, false, false),
    suf(&["and", "up"], AtLeast, false, false),
    suf(&["-", "plus"], AtLeast, false, true),
    suf(&["plus"], AtLeast, false, true),
    suf(&["+"], AtLeast, false, true),
    suf(&["or", "less"], AtMost, false, false),
    suf(&["or", "fewer"], AtMost, false, false),
    suf(&["or", "below"], AtMost, false, false),
    suf(&["or", "under"], AtMost, false, false),
    suf(&["and", "below"], AtMost, false, false),
    suf(&["and", "under"], AtMost, false, false),
    suf(&["or", "so"], Point, true, false),
    suf(&["-", "odd"], Point, true, true),
    suf(&["odd"], Point, true, false),
];

/// Words or marks between two numbers that make a closed range `[x, y]`
/// ("20 to 30", "5-10", "300–400", "two or three").
pub(crate) const RANGE_CONNECTORS: &[&str] =
    &["to", "through", "thru", "-", "\u{2013}", "\u{2014}", "~", "or"];

/// Connectors that join a lower and an upper bound into one interval
/// ("above 1000 and below 1500").
pub(crate) const BOUND_JOINERS: &[&[&str]] =
    &[&["and"], &["but"], &[","], &[",", "and"], &[",", "but"]];

/// Change verbs: "rose from 12 to 19" is two values, not a range.
pub(crate) const CHANGE_VERBS: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "rising",
    "risen",
    "fell",
    "fall",
    "falls",
    "falling",
    "fallen",
    "increased",
    "increase",
    "increases",
    "increasing",
    "decreased",
    "decrease",
    "decreases",
    "decreasing",
    "dropped",
    "drop",
    "drops",
    "dropping",
    "climbed",
    "climb",
    "climbs",
    "climbing",
    "jumped",
    "jump",
    "jumps",
    "jumping",
    "soared",
    "soar",
    "soars",
    "surged",
    "surge",
    "surges",
    "grew",
    "grow",
    "grows",
    "growing",
    "grown",
    "declined",
    "decline",
    "declines",
    "declining",
    "slipped",
    "plunged",
    "plummeted",
    "doubled",
    "tripled",
    "trebled",
    "went",
    "raised",
    "lowered",
    "cut",
    "cuts",
    "reduced",
    "revised",
    "upgraded",
    "downgraded",
    "swelled",
    "shrank",
    "shrunk",
    "leapt",
    "leaped",
    "edged",
    "spiked",
    "slid",
    "sank",
    "tumbled",
    "up",
    "down",
    "changed",
    "moved",
    "expanded",
    "narrowed",
    "widened",
    "rebounded",
    "recovered",
    "slumped",
    "slump",
    "slumps",
    "shrink",
    "shrinks",
    "shrinking",
    "raise",
    "raises",
    "raising",
    "double",
    "doubles",
    "doubling",
    "move",
    "moves",
    "moving",
    "slowed",
    "slow",
    "slows",
    "slowing",
    "eased",
    "ease",
    "eases",
    "easing",
    "jumps",
    "soaring",
    "surging",
    "plunge",
    "plunges",
    "plunging",
    "tumble",
    "tumbles",
    "tumbling",
    "slip",
    "slips",
    "slipping",
    "dip",
    "dips",
    "dipped",
    "dipping",
    "gained",
    "gain",
    "gains",
    "gaining",
    "widen",
    "reduce",
    "reduces",
    "advanced",
    "retreated",
    "accelerated",
    "spiralled",
    "ballooned",
    "halved",
    "quadrupled",
    "contracted",
    "expand",
    "expands",
];

/// Nouns after which "over" is a preposition ("the dispute over two islands").
pub(crate) const OVER_GOVERNORS: &[&str] = &[
    "dispute",
    "disputes",
    "row",
    "rows",
    "talks",
    "tension",
    "tensions",
    "concern",
    "concerns",
    "fear",
    "fears",
    "anger",
    "fight",
    "fights",
    "battle",
    "battles",
    "control",
    "clash",
    "clashes",
    "protest",
    "protests",
    "outrage",
    "war",
    "standoff",
    "deal",
    "negotiation",
    "negotiations",
    "debate",
    "debates",
    "worry",
    "worries",
    "criticism",
    "feud",
    "quarrel",
    "split",
    "rift",
    "conflict",
    "sovereignty",
    "jurisdiction",
    "authority",
    "power",
    "victory",
    "win",
    "lead",
    "dominance",
    "advantage",
    "argument",
    "arguments",
    "friction",
    "spat",
    "impasse",
    "sanctions",
    "charges",
    "lawsuit",
    "suit",
    "probe",
    "inquiry",
    "investigation",
    "scandal",
    "controversy",
    "uproar",
    "furore",
    "furor",
    "backlash",
    "stake",
];

/// Words before "over" + duration that still make it "more than" ("for over two days").
pub(crate) const OVER_DURATION_KEEPERS: &[&str] =
    &["for", "in", "of", "after", "lasting", "lasted"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifier_words_are_lowercase() {
        for p in PREFIXES {
            assert!(!p.words.is_empty());
            for w in p.words {
                assert_eq!(*w, w.to_lowercase(), "{w}");
            }
        }
        for s in SUFFIXES {
            assert!(!s.words.is_empty());
        }
    }
}
