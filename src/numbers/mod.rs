//! Number phrases as intervals ("at least 27" is `[27, ∞)`), with the noun they count.
//!
//! The rules are those of the project's numbers.md: what is (not) a number
//! phrase, its span, interval, hedging, kind and counted noun. Layout:
//! `words.rs` and `qualifiers.rs` hold the word tables (extend them there),
//! `lexicon.rs` interns those words, `atoms.rs` re-cuts the crate's tokens so
//! the engine is independent of how "$10bn" or "twenty-seven" were split, and
//! `scan/` is the engine (one file per seam: phrase grammar, values, words,
//! digits, exclusions, nouns).

mod atoms;
mod exact;
mod lexicon;
mod qualifiers;
mod scan;
pub(crate) mod words;

use crate::span::Span;
use crate::text::Blocks;
use crate::text::Token;
use std::iter::FusedIterator;

/// A numeric interval with optional, open or closed ends.
///
/// `None` on a side means unbounded (and that side is never inclusive). A plain
/// number `x` is the closed point `[x, x]`. Bounds are always finite.
///
/// # Precision
///
/// The finder computes a phrase's value exactly (as a fraction of two
/// integers) and converts it to `f64` once, so a bound is the `f64` nearest
/// the written value: "12.99" is the `f64` nearest 12.99, "0.1 million" is
/// exactly 100000 and "1.1 million" exactly 1100000. A value whose exact
/// denominator is not a product of 2s and 5s ("two thirds of a million") is one
/// correctly rounded division of two integers. Integers above 2^53 keep 53
/// significant bits, as every `f64` does. Vague quantities ("dozens") have
/// exact integer bounds.
///
/// # Examples
///
/// ```
/// use textfacts::Interval;
///
/// let at_least_27 = Interval::at_least(27.0);
/// assert_eq!(at_least_27.low(), Some(27.0));
/// assert!(at_least_27.low_inclusive());
/// assert_eq!(at_least_27.high(), None);
/// assert!(Interval::point(5.0).is_point());
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    low: Option<f64>,
    low_inclusive: bool,
    high: Option<f64>,
    high_inclusive: bool,
}

impl Interval {
    /// An interval from its parts, or `None` if a bound is not finite or the
    /// interval is empty (low above high, or equal with an open side).
    ///
    /// Inclusivity on an unbounded side is ignored (stored as `false`).
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::Interval;
    /// assert!(Interval::new(Some(20.0), true, Some(30.0), true).is_some());
    /// assert!(Interval::new(Some(30.0), true, Some(20.0), true).is_none());
    /// assert!(Interval::new(Some(f64::NAN), true, None, false).is_none());
    /// ```
    #[must_use]
    pub fn new(
        low: Option<f64>,
        low_inclusive: bool,
        high: Option<f64>,
        high_inclusive: bool,
    ) -> Option<Interval> {
        if low.is_some_and(|x| !x.is_finite()) || high.is_some_and(|x| !x.is_finite()) {
            return None;
        }
        if let (Some(lo), Some(hi)) = (low, high) {
            if lo > hi || (lo == hi && !(low_inclusive && high_inclusive)) {
                return None;
            }
        }
        Some(Interval {
            low,
            low_inclusive: low.is_some() && low_inclusive,
            high,
            high_inclusive: high.is_some() && high_inclusive,
        })
    }

    /// The closed point `[x, x]`.
    ///
    /// A non-finite `x` saturates to `f64::MAX`/`f64::MIN` (and NaN becomes 0)
    /// so that an interval never holds a non-finite bound.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = textfacts::Interval::point(27.0);
    /// assert_eq!((p.low(), p.high()), (Some(27.0), Some(27.0)));
    /// ```
    #[must_use]
    pub fn point(x: f64) -> Interval {
        let x = finite(x);
        Interval { low: Some(x), low_inclusive: true, high: Some(x), high_inclusive: true }
    }

    /// `[x, ∞)`, as in "at least x".
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::Interval::at_least(3.0).high(), None);
    /// ```
    #[must_use]
    pub fn at_least(x: f64) -> Interval {
        Interval { low: Some(finite(x)), low_inclusive: true, high: None, high_inclusive: false }
    }

    /// `(x, ∞)`, as in "more than x".
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(!textfacts::Interval::more_than(100.0).low_inclusive());
    /// ```
    #[must_use]
    pub fn more_than(x: f64) -> Interval {
        Interval { low: Some(finite(x)), low_inclusive: false, high: None, high_inclusive: false }
    }

    /// `(−∞, x]`, as in "up to x".
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(textfacts::Interval::at_most(700.0).high_inclusive());
    /// ```
    #[must_use]
    pub fn at_most(x: f64) -> Interval {
        Interval { low: None, low_inclusive: false, high: Some(finite(x)), high_inclusive: true }
    }

    /// `(−∞, x)`, as in "fewer than x".
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(!textfacts::Interval::less_than(170.0).high_inclusive());
    /// ```
    #[must_use]
    pub fn less_than(x: f64) -> Interval {
        Interval { low: None, low_inclusive: false, high: Some(finite(x)), high_inclusive: false }
    }

    /// The lower bound, `None` if unbounded below.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::Interval::less_than(5.0).low(), None);
    /// ```
    #[inline]
    #[must_use]
    pub fn low(&self) -> Option<f64> {
        self.low
    }

    /// Whether the lower bound belongs to the interval (`false` when unbounded).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(textfacts::Interval::point(5.0).low_inclusive());
    /// ```
    #[inline]
    #[must_use]
    pub fn low_inclusive(&self) -> bool {
        self.low_inclusive
    }

    /// The upper bound, `None` if unbounded above.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::Interval::at_least(5.0).high(), None);
    /// ```
    #[inline]
    #[must_use]
    pub fn high(&self) -> Option<f64> {
        self.high
    }

    /// Whether the upper bound belongs to the interval (`false` when unbounded).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(!textfacts::Interval::less_than(5.0).high_inclusive());
    /// ```
    #[inline]
    #[must_use]
    pub fn high_inclusive(&self) -> bool {
        self.high_inclusive
    }

    /// Whether this is a closed point `[x, x]`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(!textfacts::Interval::at_least(1.0).is_point());
    /// ```
    #[must_use]
    pub fn is_point(&self) -> bool {
        matches!((self.low, self.high), (Some(a), Some(b)) if a == b)
    }
}

/// The interval in words: "27", "at least 27", "more than 100", "fewer than 5",
/// "at most 700", "20 to 30" (with "above"/"below" for open ends of a range).
///
/// # Examples
///
/// ```
/// use textfacts::Interval;
/// assert_eq!(Interval::at_least(27.0).to_string(), "at least 27");
/// assert_eq!(Interval::new(Some(24.0), true, Some(120.0), false).unwrap().to_string(), "24 to below 120");
/// ```
impl std::fmt::Display for Interval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let num = |x: f64| {
            if x.fract() == 0.0 && x.abs() < 1e15 {
                format!("{}", x as i64)
            } else {
                format!("{x}")
            }
        };
        match (self.low(), self.high()) {
            (Some(lo), Some(hi)) if lo == hi => f.write_str(&num(lo)),
            (Some(lo), Some(hi)) => {
                let from = if self.low_inclusive() { "" } else { "above " };
                let to = if self.high_inclusive() { "" } else { "below " };
                write!(f, "{from}{} to {to}{}", num(lo), num(hi))
            }
            (Some(lo), None) if self.low_inclusive() => write!(f, "at least {}", num(lo)),
            (Some(lo), None) => write!(f, "more than {}", num(lo)),
            (None, Some(hi)) if self.high_inclusive() => write!(f, "at most {}", num(hi)),
            (None, Some(hi)) => write!(f, "fewer than {}", num(hi)),
            (None, None) => f.write_str("any number"),
        }
    }
}

fn finite(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(f64::MIN, f64::MAX)
    }
}

/// What a number phrase measures.
///
/// # Examples
///
/// ```
/// assert_eq!(textfacts::NumberKind::Percent.as_str(), "percent");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum NumberKind {
    /// Counts, measures, durations.
    Number,
    /// A percentage, valued in percent units ("40 percent" is 40).
    Percent,
    /// An amount of money, valued in currency units.
    Money,
    /// A fraction or proportion ("two-thirds", "one in five").
    Fraction,
}

impl NumberKind {
    /// The lowercase name used in JSON output.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::NumberKind::Money.as_str(), "money");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            NumberKind::Number => "number",
            NumberKind::Percent => "percent",
            NumberKind::Money => "money",
            NumberKind::Fraction => "fraction",
        }
    }
}

/// One number phrase found in a text.
///
/// # Examples
///
/// ```
/// let text = "killing at least 27 people";
/// let phrase = textfacts::number_phrases(text).next().unwrap();
/// assert_eq!(phrase.as_str(), "at least 27");
/// assert_eq!(phrase.interval(), textfacts::Interval::at_least(27.0));
/// assert_eq!(phrase.noun().and_then(|n| n.slice(text)), Some("people"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberPhrase<'h> {
    text: &'h str,
    span: Span,
    interval: Interval,
    approximate: bool,
    kind: NumberKind,
    unit: Option<&'static str>,
    noun: Option<Span>,
}

impl<'h> NumberPhrase<'h> {
    /// The phrase's byte span (qualifiers included, counted noun excluded).
    ///
    /// # Examples
    ///
    /// ```
    /// let p = textfacts::number_phrases("over 60 dead").next().unwrap();
    /// assert_eq!(p.span(), textfacts::Span::new(0, 7));
    /// ```
    #[inline]
    #[must_use]
    pub fn span(&self) -> Span {
        self.span
    }

    /// The phrase's text.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = textfacts::number_phrases("over 60 dead").next().unwrap();
    /// assert_eq!(p.as_str(), "over 60");
    /// ```
    #[inline]
    #[must_use]
    pub fn as_str(&self) -> &'h str {
        self.text
    }

    /// The interval the phrase denotes.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = textfacts::number_phrases("over 60 dead").next().unwrap();
    /// assert_eq!(p.interval(), textfacts::Interval::more_than(60.0));
    /// ```
    #[inline]
    #[must_use]
    pub fn interval(&self) -> Interval {
        self.interval
    }

    /// Whether the phrase hedges or is vague ("about 60", "dozens").
    ///
    /// # Examples
    ///
    /// ```
    /// let p = textfacts::number_phrases("dozens of people").next().unwrap();
    /// assert!(p.is_approximate());
    /// ```
    #[inline]
    #[must_use]
    pub fn is_approximate(&self) -> bool {
        self.approximate
    }

    /// What the phrase measures.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = textfacts::number_phrases("40 percent").next().unwrap();
    /// assert_eq!(p.kind(), textfacts::NumberKind::Percent);
    /// ```
    #[inline]
    #[must_use]
    pub fn kind(&self) -> NumberKind {
        self.kind
    }

    /// The ISO 4217 currency code for money ("USD", "GBP", "EUR"), if known.
    ///
    /// # Examples
    ///
    /// ```
    /// let p = textfacts::number_phrases("$10bn in aid").next().unwrap();
    /// assert_eq!(p.unit(), Some("USD"));
    /// ```
    #[inline]
    #[must_use]
    pub fn unit(&self) -> Option<&'static str> {
        self.unit
    }

    /// The span of the counted head noun, if any ("60 people" → "people").
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "27 soldiers";
    /// let p = textfacts::number_phrases(text).next().unwrap();
    /// assert_eq!(p.noun().and_then(|s| s.slice(text)), Some("soldiers"));
    /// ```
    #[inline]
    #[must_use]
    pub fn noun(&self) -> Option<Span> {
        self.noun
    }
}

/// Finds the number phrases of `text`, in text order.
///
/// # Examples
///
/// ```
/// let found: Vec<&str> =
///     textfacts::number_phrases("more than 100 people, mostly civilians").map(|p| p.as_str()).collect();
/// assert_eq!(found, ["more than 100"]);
/// ```
#[must_use]
pub fn number_phrases(text: &str) -> NumberPhrases<'_> {
    NumberPhrases {
        text,
        blocks: Blocks::new(text),
        tokens: Vec::new(),
        ready: Vec::new(),
        next_ready: 0,
    }
}

/// Appends to `out` the number phrases of `block`, one block of the tokens of
/// `text` (see `text::blocks`); `whole_text` says whether it is the whole text.
pub(crate) fn read_block<'h>(
    text: &'h str,
    block: &[Token<'h>],
    whole_text: bool,
    out: &mut Vec<NumberPhrase<'h>>,
) {
    // Atoms live only while their block is read: they cache lexicon lookups
    // in cells, which would make the public iterator lose `Sync`.
    let mut atoms = Vec::with_capacity(block.len().saturating_add(block.len() / 4));
    atoms::atomize_into(block.iter().copied(), &mut atoms);
    let mut found = Vec::new();
    scan::find_in(text, &atoms, whole_text, &mut found);
    out.extend(found.iter().filter_map(|f| {
        Some(NumberPhrase {
            text: f.span.slice(text)?,
            span: f.span,
            interval: f.interval,
            approximate: f.approximate,
            kind: f.kind,
            unit: f.unit,
            noun: f.noun,
        })
    }));
}

/// Parses one phrase ("twenty-seven", "more than 100", "dozens", and every form
/// of numbers.md section 9: "a million and a half", "25 000", "Rs 5 lakh") into its
/// interval, or `None` if the whole input is not one number phrase.
///
/// # Examples
///
/// ```
/// use textfacts::{parse_number, Interval};
/// assert_eq!(parse_number("twenty-seven"), Some(Interval::point(27.0)));
/// assert_eq!(parse_number("a million and a half"), Some(Interval::point(1_500_000.0)));
/// assert_eq!(parse_number("Rs 5 lakh"), Some(Interval::point(500_000.0)));
/// assert_eq!(parse_number("more than 100"), Some(Interval::more_than(100.0)));
/// assert_eq!(parse_number("hello"), None);
/// ```
#[must_use]
pub fn parse_number(phrase: &str) -> Option<Interval> {
    scan::parse_whole(phrase)
}

/// Iterator over the [`NumberPhrase`]s of a text, created by [`number_phrases`].
#[derive(Debug, Clone)]
pub struct NumberPhrases<'h> {
    text: &'h str,
    blocks: Blocks<'h>,
    tokens: Vec<Token<'h>>,
    ready: Vec<NumberPhrase<'h>>,
    next_ready: usize,
}

impl<'h> Iterator for NumberPhrases<'h> {
    type Item = NumberPhrase<'h>;

    fn next(&mut self) -> Option<NumberPhrase<'h>> {
        loop {
            if let Some(p) = self.ready.get(self.next_ready) {
                self.next_ready += 1;
                return Some(*p);
            }
            let whole_text = self.blocks.next_into(&mut self.tokens)?;
            self.ready.clear();
            self.next_ready = 0;
            read_block(self.text, &self.tokens, whole_text, &mut self.ready);
        }
    }
}

impl FusedIterator for NumberPhrases<'_> {}
