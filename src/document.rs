//! The owned, serialisable result of an analysis.
//!
//! Record structs have public fields (they are plain data, like a JSON
//! object) and are `#[non_exhaustive]` so fields can be added in minor
//! releases. With the `serde` feature they serialise exactly to the JSON
//! contract of the `analyze` example.

use crate::casualties::Outcome;
use crate::numbers::{Interval, NumberKind};
use crate::places::Place;
use crate::span::Span;
use crate::text::TokenKind;
use std::borrow::Cow;

/// A span with the text it covers.
///
/// # Examples
///
/// ```
/// let doc = textfacts::Analyzer::new().analyze("at least 27 people");
/// let noun = doc.numbers()[0].noun.as_ref().unwrap();
/// assert_eq!((noun.start, noun.end, noun.text.as_str()), (12, 18, "people"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct TextSpan {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The covered text.
    pub text: String,
}

impl TextSpan {
    pub(crate) fn new(text: &str, span: Span) -> TextSpan {
        TextSpan {
            start: span.start,
            end: span.end,
            text: span.slice(text).unwrap_or("").to_string(),
        }
    }

    /// The byte span.
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = textfacts::Analyzer::new().analyze("at least 27 people");
    /// assert_eq!(doc.numbers()[0].noun.as_ref().unwrap().span(), textfacts::Span::new(12, 18));
    /// ```
    #[must_use]
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The location of a casualty fact: its span and the place it was resolved to.
///
/// # Examples
///
/// ```
/// let doc = textfacts::Analyzer::new().analyze("Airstrikes in Aleppo, Syria killed 27 people.");
/// let loc = doc.casualties()[0].location.as_ref().unwrap();
/// assert_eq!((loc.text.as_str(), loc.place.as_ref().map(|p| &*p.country)), ("Aleppo", Some("SY")));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct LocationRecord {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The covered text.
    pub text: String,
    /// The place of the entity at this span, as in [`EntityRecord::place`].
    pub place: Option<Place>,
}

impl LocationRecord {
    /// The byte span.
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = textfacts::Analyzer::new().analyze("Two people were killed in Aleppo.");
    /// let loc = doc.casualties()[0].location.as_ref().unwrap();
    /// assert_eq!(loc.span(), textfacts::Span::new(26, 32));
    /// ```
    #[must_use]
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// A token of the document.
///
/// # Examples
///
/// ```
/// let doc = textfacts::Analyzer::new().analyze("Hi there");
/// assert_eq!((doc.tokens()[1].start, doc.tokens()[1].end), (3, 8));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct TokenRecord {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The token's kind.
    pub kind: TokenKind,
}

/// A sentence of the document.
///
/// # Examples
///
/// ```
/// let doc = textfacts::Analyzer::new().analyze("One. Two.");
/// assert_eq!(doc.sentences()[1].start, 5);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SentenceRecord {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// A gazetteer match: the span and its first-ranked entity.
///
/// # Examples
///
/// ```
/// let g = textfacts::Gazetteer::from_tsv("Aleppo\tLOC\tgeonames:170063\tAleppo\n")?;
/// let analyzer = textfacts::Analyzer::builder().default_gazetteer(false).gazetteer(g).build();
/// let doc = analyzer.analyze("Shelling in Aleppo.");
/// assert_eq!(doc.entities()[0].id, "geonames:170063");
/// # Ok::<(), textfacts::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct EntityRecord {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The matched text.
    pub text: String,
    /// Label of the first-ranked entity. Borrowed from the built-in
    /// gazetteer ([`default_gazetteer`](crate::default_gazetteer)), which
    /// lives as long as the program; copied from any other.
    pub label: Cow<'static, str>,
    /// External id of the first-ranked entity (borrowed as `label`).
    pub id: Cow<'static, str>,
    /// Canonical name of the first-ranked entity (borrowed as `label`).
    pub canonical: Cow<'static, str>,
    /// How many entities the matched name belongs to.
    pub candidates: usize,
    /// The place the mention was resolved to (entities with a place or
    /// nationality label; see [`PlaceResolver`](crate::PlaceResolver)), or
    /// `None`: not a place, not resolved, or resolution turned off.
    pub place: Option<Place>,
}

/// A number phrase of the document.
///
/// # Examples
///
/// ```
/// let doc = textfacts::Analyzer::new().analyze("more than 100 people");
/// assert_eq!(doc.numbers()[0].interval, textfacts::Interval::more_than(100.0));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct NumberRecord {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The phrase's text.
    pub text: String,
    /// What the phrase measures.
    pub kind: NumberKind,
    /// Currency code for money.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub unit: Option<String>,
    /// The interval the phrase denotes.
    pub interval: Interval,
    /// Whether the phrase hedges or is vague.
    pub approximate: bool,
    /// The counted head noun.
    pub noun: Option<TextSpan>,
}

/// The count of a casualty fact.
///
/// # Examples
///
/// ```
/// let c = textfacts::Count::new(textfacts::Span::new(0, 2), textfacts::Interval::point(27.0), false);
/// let _ = c;
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CountRecord {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The count's text.
    pub text: String,
    /// The interval the count denotes.
    pub interval: Interval,
    /// Whether the count hedges or is vague.
    pub approximate: bool,
}

/// A casualty fact of the document.
///
/// # Examples
///
/// ```
/// let doc = textfacts::Analyzer::new().analyze("Two people died.");
/// for fact in doc.casualties() {
///     println!("{} {}", fact.outcome.as_str(), fact.count.text);
/// }
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CasualtyRecord {
    /// The outcome class.
    pub outcome: Outcome,
    /// The count.
    pub count: CountRecord,
    /// The victims' head noun.
    pub victims: Option<TextSpan>,
    /// The place where it happened.
    pub location: Option<LocationRecord>,
    /// Whether the sentence does not assert the outcome.
    pub hedged: bool,
}

/// The toll of one outcome in the document: the count of everyone with that
/// outcome in the document's main event, as the text states it (see
/// [`Toll`](crate::Toll) for how to read it).
///
/// # Examples
///
/// ```
/// let doc = textfacts::Analyzer::new().analyze("Three people died and 12 were hurt.");
/// let toll = &doc.tolls()[0];
/// assert_eq!((toll.outcome.as_str(), toll.count.text.as_str()), ("killed", "Three"));
/// assert_eq!(toll.evidence[0].text, "Three");
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct TollRecord {
    /// The outcome counted.
    pub outcome: Outcome,
    /// The winning candidate's count.
    pub count: CountRecord,
    /// Every candidate count whose interval equals the toll's, in text order.
    pub evidence: Vec<TextSpan>,
}

/// Everything an [`Analyzer`](crate::Analyzer) found in one text.
///
/// Layers that were not computed are absent from the serialised form and
/// empty through the accessors.
///
/// # Examples
///
/// ```
/// let doc = textfacts::Analyzer::new().analyze("Over 60 people were killed.");
/// assert_eq!(doc.tokens().len(), 6);
/// assert_eq!(doc.sentences().len(), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Document {
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub(crate) tokens: Option<Vec<TokenRecord>>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub(crate) sentences: Option<Vec<SentenceRecord>>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub(crate) entities: Option<Vec<EntityRecord>>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub(crate) numbers: Option<Vec<NumberRecord>>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub(crate) casualties: Option<Vec<CasualtyRecord>>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub(crate) tolls: Option<Vec<TollRecord>>,
}

impl Document {
    /// The tokens (empty if the layer was not computed).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::Analyzer::new().analyze("a b").tokens().len(), 2);
    /// ```
    #[must_use]
    pub fn tokens(&self) -> &[TokenRecord] {
        self.tokens.as_deref().unwrap_or(&[])
    }

    /// The sentences (empty if the layer was not computed).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::Analyzer::new().analyze("Rain fell. Rivers rose.").sentences().len(), 2);
    /// ```
    #[must_use]
    pub fn sentences(&self) -> &[SentenceRecord] {
        self.sentences.as_deref().unwrap_or(&[])
    }

    /// The gazetteer matches (empty if the layer was not computed).
    ///
    /// # Examples
    ///
    /// ```
    /// let _ = textfacts::Analyzer::new().analyze("Peace talks in Geneva").entities();
    /// ```
    #[must_use]
    pub fn entities(&self) -> &[EntityRecord] {
        self.entities.as_deref().unwrap_or(&[])
    }

    /// The number phrases (empty if the layer was not computed).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::Analyzer::new().analyze("dozens of people").numbers().len(), 1);
    /// ```
    #[must_use]
    pub fn numbers(&self) -> &[NumberRecord] {
        self.numbers.as_deref().unwrap_or(&[])
    }

    /// The casualty facts (empty if the layer was not computed).
    ///
    /// # Examples
    ///
    /// ```
    /// let _ = textfacts::Analyzer::new().analyze("Two people died.").casualties();
    /// ```
    #[must_use]
    pub fn casualties(&self) -> &[CasualtyRecord] {
        self.casualties.as_deref().unwrap_or(&[])
    }

    /// The document tolls, at most one per outcome (empty if the casualties
    /// layer was not computed): see [`casualty_tolls`](crate::casualty_tolls).
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = textfacts::Analyzer::new().analyze("Two people died. The toll rose to five.");
    /// assert_eq!(doc.tolls()[0].count.text, "five");
    /// ```
    #[must_use]
    pub fn tolls(&self) -> &[TollRecord] {
        self.tolls.as_deref().unwrap_or(&[])
    }
}

#[cfg(feature = "serde")]
mod interval_serde {
    use crate::numbers::Interval;
    use serde::de::Error as _;
    use serde::ser::SerializeStruct;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// A bound as JSON: integral values print as integers ("27", not "27.0").
    #[derive(Serialize, Deserialize)]
    #[serde(untagged)]
    enum Bound {
        Int(i64),
        Float(f64),
    }

    fn bound(x: Option<f64>) -> Option<Bound> {
        // 2^53: beyond it not every integer is representable, so keep the float.
        const EXACT: f64 = 9_007_199_254_740_992.0;
        x.map(|v| {
            if v.fract() == 0.0 && v.abs() < EXACT {
                Bound::Int(v as i64)
            } else {
                Bound::Float(v)
            }
        })
    }

    impl Serialize for Interval {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Interval", 4)?;
            st.serialize_field("low", &bound(self.low()))?;
            st.serialize_field("low_inclusive", &self.low_inclusive())?;
            st.serialize_field("high", &bound(self.high()))?;
            st.serialize_field("high_inclusive", &self.high_inclusive())?;
            st.end()
        }
    }

    #[derive(Deserialize)]
    struct Raw {
        low: Option<f64>,
        #[serde(default)]
        low_inclusive: bool,
        high: Option<f64>,
        #[serde(default)]
        high_inclusive: bool,
    }

    impl<'de> Deserialize<'de> for Interval {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Interval, D::Error> {
            let r = Raw::deserialize(d)?;
            Interval::new(r.low, r.low_inclusive, r.high, r.high_inclusive)
                .ok_or_else(|| D::Error::custom("empty or non-finite interval"))
        }
    }
}
