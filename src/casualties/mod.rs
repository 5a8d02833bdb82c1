//! Casualty facts: outcome, count interval, victims and place, read from each
//! sentence on top of tokens, number phrases and gazetteer places.
//!
//! The annotation rules are those of the casualties data set's README: seven
//! outcome classes and their signal words ([`outcomes`]), counts from the
//! number layer plus zero negators ([`counts`]), victims nouns ([`victims`]),
//! hedges ([`hedges`]) and the location rule ([`location`]). [`engine`] runs
//! them per sentence on a shared [`view`]; [`attach`] gives each count its
//! outcome word, reading the clause with [`clause`].
//! [`tolls`] reads the document toll per outcome from the facts.

mod attach;
mod clause;
mod counts;
mod engine;
mod hedges;
mod location;
mod outcomes;
mod tolls;
mod victims;
mod view;
mod wordset;

pub(crate) use engine::extract as casualty_facts_among;
pub(crate) use location::without_unit_word;
pub(crate) use tolls::TollReader;
pub use tolls::{casualty_tolls, Toll};

use crate::numbers::{Interval, NumberPhrase};
use crate::span::Span;
use crate::text::{Sentence, Token};

/// What happened to the people counted.
///
/// # Examples
///
/// ```
/// assert_eq!(textfacts::Outcome::Killed.as_str(), "killed");
/// assert_eq!(textfacts::Outcome::Shot.as_str(), "shot");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Outcome {
    /// Died, whatever the cause.
    Killed,
    /// Injured, wounded, hurt.
    Injured,
    /// Missing or unaccounted for.
    Missing,
    /// Displaced, fled, evacuated, made homeless.
    Displaced,
    /// Arrested or detained.
    Arrested,
    /// Kidnapped, abducted, taken hostage.
    Kidnapped,
    /// Hit by gunfire, with no result stated ("Four people were shot"); a
    /// stated result wins ("shot dead" is [`Outcome::Killed`], "shot and
    /// wounded" is [`Outcome::Injured`]).
    Shot,
}

impl Outcome {
    /// The lowercase name used in JSON output.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::Outcome::Displaced.as_str(), "displaced");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Outcome::Killed => "killed",
            Outcome::Injured => "injured",
            Outcome::Missing => "missing",
            Outcome::Displaced => "displaced",
            Outcome::Arrested => "arrested",
            Outcome::Kidnapped => "kidnapped",
            Outcome::Shot => "shot",
        }
    }
}

impl std::fmt::Display for Outcome {
    /// Writes [`Outcome::as_str`].
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The count of a casualty fact: a number phrase, or a negator ("no one") read as zero.
///
/// # Examples
///
/// ```
/// use textfacts::{Count, Interval, Span};
/// let c = Count::new(Span::new(0, 6), Interval::point(0.0), false);
/// assert!(c.interval().is_point());
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Count {
    span: Span,
    interval: Interval,
    approximate: bool,
}

impl Count {
    /// A count from its parts.
    ///
    /// # Examples
    ///
    /// ```
    /// let c = textfacts::Count::new(textfacts::Span::new(0, 2), textfacts::Interval::point(27.0), false);
    /// assert_eq!(c.span().end, 2);
    /// ```
    #[must_use]
    pub fn new(span: Span, interval: Interval, approximate: bool) -> Count {
        Count { span, interval, approximate }
    }

    /// The span of the count phrase.
    ///
    /// # Examples
    ///
    /// ```
    /// let c = textfacts::Count::new(textfacts::Span::new(0, 2), textfacts::Interval::point(27.0), false);
    /// assert_eq!(c.span(), textfacts::Span::new(0, 2));
    /// ```
    #[must_use]
    pub fn span(&self) -> Span {
        self.span
    }

    /// The interval the count denotes.
    ///
    /// # Examples
    ///
    /// ```
    /// let c = textfacts::Count::new(textfacts::Span::new(0, 2), textfacts::Interval::point(27.0), false);
    /// assert_eq!(c.interval().low(), Some(27.0));
    /// ```
    #[must_use]
    pub fn interval(&self) -> Interval {
        self.interval
    }

    /// Whether the count is hedged or vague.
    ///
    /// # Examples
    ///
    /// ```
    /// let c = textfacts::Count::new(textfacts::Span::new(0, 2), textfacts::Interval::point(27.0), true);
    /// assert!(c.is_approximate());
    /// ```
    #[must_use]
    pub fn is_approximate(&self) -> bool {
        self.approximate
    }
}

impl From<&NumberPhrase<'_>> for Count {
    fn from(p: &NumberPhrase<'_>) -> Count {
        Count::new(p.span(), p.interval(), p.is_approximate())
    }
}

/// One casualty fact with its evidence.
///
/// # Examples
///
/// ```
/// let text = "Airstrikes hit a hospital in Idlib, killing at least 27.";
/// let doc = textfacts::Analyzer::new().analyze(text);
/// for fact in doc.casualties() {
///     println!("{} {}", fact.outcome.as_str(), fact.count.text);
/// }
/// assert_eq!(textfacts::Outcome::Killed.to_string(), "killed");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CasualtyFact {
    outcome: Outcome,
    count: Count,
    victims: Option<Span>,
    location: Option<Span>,
    hedged: bool,
    trigger: Span,
    sentence: Span,
}

impl CasualtyFact {
    /// The outcome class.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "Floods killed 12 villagers in Assam.";
    /// let tokens: Vec<_> = textfacts::tokens(text).collect();
    /// let sentences: Vec<_> = textfacts::sentences(text).collect();
    /// let numbers: Vec<_> = textfacts::number_phrases(text).collect();
    /// let places = [textfacts::Span::new(30, 35)];
    /// let facts = textfacts::casualty_facts(text, &tokens, &sentences, &numbers, &places);
    /// let fact = &facts[0];
    /// assert_eq!(fact.outcome(), textfacts::Outcome::Killed);
    /// ```
    #[must_use]
    pub fn outcome(&self) -> Outcome {
        self.outcome
    }

    /// The count.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "Floods killed 12 villagers in Assam.";
    /// let tokens: Vec<_> = textfacts::tokens(text).collect();
    /// let sentences: Vec<_> = textfacts::sentences(text).collect();
    /// let numbers: Vec<_> = textfacts::number_phrases(text).collect();
    /// let places = [textfacts::Span::new(30, 35)];
    /// let facts = textfacts::casualty_facts(text, &tokens, &sentences, &numbers, &places);
    /// let fact = &facts[0];
    /// assert_eq!(fact.count().span().slice(text), Some("12"));
    /// ```
    #[must_use]
    pub fn count(&self) -> Count {
        self.count
    }

    /// The victims' head noun, if stated.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "Floods killed 12 villagers in Assam.";
    /// let tokens: Vec<_> = textfacts::tokens(text).collect();
    /// let sentences: Vec<_> = textfacts::sentences(text).collect();
    /// let numbers: Vec<_> = textfacts::number_phrases(text).collect();
    /// let places = [textfacts::Span::new(30, 35)];
    /// let facts = textfacts::casualty_facts(text, &tokens, &sentences, &numbers, &places);
    /// let fact = &facts[0];
    /// assert_eq!(fact.victims().and_then(|s| s.slice(text)), Some("villagers"));
    /// ```
    #[must_use]
    pub fn victims(&self) -> Option<Span> {
        self.victims
    }

    /// The place where the outcome happened, if named in the sentence.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "Floods killed 12 villagers in Assam.";
    /// let tokens: Vec<_> = textfacts::tokens(text).collect();
    /// let sentences: Vec<_> = textfacts::sentences(text).collect();
    /// let numbers: Vec<_> = textfacts::number_phrases(text).collect();
    /// let places = [textfacts::Span::new(30, 35)];
    /// let facts = textfacts::casualty_facts(text, &tokens, &sentences, &numbers, &places);
    /// let fact = &facts[0];
    /// assert_eq!(fact.location().and_then(|s| s.slice(text)), Some("Assam"));
    /// ```
    #[must_use]
    pub fn location(&self) -> Option<Span> {
        self.location
    }

    /// Whether the sentence does not assert that the outcome happened.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "Floods killed 12 villagers in Assam.";
    /// let tokens: Vec<_> = textfacts::tokens(text).collect();
    /// let sentences: Vec<_> = textfacts::sentences(text).collect();
    /// let numbers: Vec<_> = textfacts::number_phrases(text).collect();
    /// let places = [textfacts::Span::new(30, 35)];
    /// let facts = textfacts::casualty_facts(text, &tokens, &sentences, &numbers, &places);
    /// let fact = &facts[0];
    /// assert!(!fact.is_hedged());
    /// ```
    #[must_use]
    pub fn is_hedged(&self) -> bool {
        self.hedged
    }

    /// The outcome word(s) that signalled the fact.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "Floods killed 12 villagers in Assam.";
    /// let tokens: Vec<_> = textfacts::tokens(text).collect();
    /// let sentences: Vec<_> = textfacts::sentences(text).collect();
    /// let numbers: Vec<_> = textfacts::number_phrases(text).collect();
    /// let places = [textfacts::Span::new(30, 35)];
    /// let facts = textfacts::casualty_facts(text, &tokens, &sentences, &numbers, &places);
    /// let fact = &facts[0];
    /// assert_eq!(fact.trigger().slice(text), Some("killed"));
    /// ```
    #[must_use]
    pub fn trigger(&self) -> Span {
        self.trigger
    }

    /// The sentence the fact was read from.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "Floods killed 12 villagers in Assam.";
    /// let tokens: Vec<_> = textfacts::tokens(text).collect();
    /// let sentences: Vec<_> = textfacts::sentences(text).collect();
    /// let numbers: Vec<_> = textfacts::number_phrases(text).collect();
    /// let places = [textfacts::Span::new(30, 35)];
    /// let facts = textfacts::casualty_facts(text, &tokens, &sentences, &numbers, &places);
    /// let fact = &facts[0];
    /// assert_eq!(fact.sentence(), textfacts::Span::new(0, text.len()));
    /// ```
    #[must_use]
    pub fn sentence(&self) -> Span {
        self.sentence
    }
}

/// Reads the casualty facts of `text` from its analysis layers: `places` are
/// the spans of place mentions (gazetteer matches labelled as places).
///
/// Counts follow the rules v2 of the casualties README: besides number
/// phrases and zero negators ("no one"), a singular person noun phrase ("a
/// 46-year-old man was killed": span "a", victims "man") and an isolated
/// "one" ("killing one") count 1; ages, dates, addresses and identifiers
/// never count. The subject or object of an outcome word is read across
/// the clause (coordination, appositions, parentheses, dashes, asides).
///
/// Facts come sentence by sentence, in text order of their counts. One count
/// may carry several facts ("12 are missing, feared dead": missing 12 and a
/// hedged killed 12); parts overlap totals ("40 civilians, including three
/// children" gives 40 and 3), so facts of one text are never to be summed.
/// Never panics; spans that do not fit the text are ignored.
///
/// # Examples
///
/// ```
/// let text = "Two people died.";
/// let tokens: Vec<_> = textfacts::tokens(text).collect();
/// let sentences: Vec<_> = textfacts::sentences(text).collect();
/// let numbers: Vec<_> = textfacts::number_phrases(text).collect();
/// let facts = textfacts::casualty_facts(text, &tokens, &sentences, &numbers, &[]);
/// assert_eq!(facts.len(), 1);
/// assert_eq!(facts[0].outcome(), textfacts::Outcome::Killed);
/// assert_eq!(facts[0].count().span().slice(text), Some("Two"));
/// assert_eq!(facts[0].victims().and_then(|s| s.slice(text)), Some("people"));
///
/// let text = "A 46-year-old man was shot near Lyon.";
/// let tokens: Vec<_> = textfacts::tokens(text).collect();
/// let sentences: Vec<_> = textfacts::sentences(text).collect();
/// let numbers: Vec<_> = textfacts::number_phrases(text).collect();
/// let facts = textfacts::casualty_facts(text, &tokens, &sentences, &numbers, &[]);
/// assert_eq!(facts[0].outcome(), textfacts::Outcome::Shot);
/// assert_eq!(facts[0].count().span().slice(text), Some("A"));
/// assert_eq!(facts[0].count().interval().low(), Some(1.0));
/// assert_eq!(facts[0].victims().and_then(|s| s.slice(text)), Some("man"));
/// ```
#[must_use]
pub fn casualty_facts(
    text: &str,
    tokens: &[Token<'_>],
    sentences: &[Sentence<'_>],
    numbers: &[NumberPhrase<'_>],
    places: &[Span],
) -> Vec<CasualtyFact> {
    engine::extract(text, tokens, sentences, numbers, places, &[])
}
