//! Borrowed views of the records, each written exactly as its record's
//! derived `Serialize` writes it. A view is made from a [`Document`]'s
//! record or straight from an analysis's findings (no record, no `String`
//! per record), so both routes write the same bytes.
//!
//! [`Document`]: crate::document::Document

use super::places::{PlaceJson, PlaceRef, Recent};
use super::record::record;
use crate::casualties::{CasualtyFact, Outcome};
use crate::document::{
    CasualtyRecord, CountRecord, EntityRecord, LocationRecord, NumberRecord, TextSpan,
};
use crate::numbers::{Interval, NumberKind, NumberPhrase};
use crate::places::Place;
use crate::span::Span;
use crate::util::{in_range, load8, HIGH};
use serde::Serialize;

/// A [`TextSpan`] whose text is borrowed from the analysed text: a
/// number's noun in a [`NumberRef`]. It serializes exactly as the
/// `TextSpan` does.
///
/// # Examples
///
/// ```
/// use textfacts::{Analyzer, LayerVisitor, NumberRef};
///
/// /// The nouns that the numbers count.
/// struct Nouns(Vec<String>);
///
/// impl LayerVisitor for Nouns {
///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
///     fn numbers(&mut self, numbers: &[NumberRef<'_>]) {
///         self.0.extend(numbers.iter().filter_map(|n| Some(n.noun?.text.to_string())));
///     }
/// }
///
/// let mut nouns = Nouns(Vec::new());
/// Analyzer::new().visit_layers("At least 27 people died.", &mut nouns);
/// assert_eq!(nouns.0, ["people"]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename = "TextSpan")]
#[non_exhaustive]
pub struct SpanRef<'a> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The span's text.
    pub text: &'a str,
}

impl<'a> SpanRef<'a> {
    /// The span `span` of `text`.
    pub(crate) fn of(text: &'a str, span: Span) -> SpanRef<'a> {
        SpanRef { start: span.start, end: span.end, text: span.slice(text).unwrap_or("") }
    }

    /// The span with its text owned, as the records hold it.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{Analyzer, LayerVisitor, NumberRef, TextSpan};
    ///
    /// /// The first number's noun.
    /// struct Noun(Option<TextSpan>);
    ///
    /// impl LayerVisitor for Noun {
    ///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
    ///     fn numbers(&mut self, numbers: &[NumberRef<'_>]) {
    ///         self.0 = numbers.first().and_then(|n| Some(n.noun?.to_record()));
    ///     }
    /// }
    ///
    /// let mut noun = Noun(None);
    /// Analyzer::new().visit_layers("Two soldiers died.", &mut noun);
    /// assert_eq!(noun.0.map(|n| (n.text, n.start)), Some(("soldiers".to_string(), 4)));
    /// ```
    #[must_use]
    pub fn to_record(&self) -> TextSpan {
        TextSpan { start: self.start, end: self.end, text: self.text.to_string() }
    }
}

impl<'a> From<&'a TextSpan> for SpanRef<'a> {
    fn from(s: &'a TextSpan) -> SpanRef<'a> {
        SpanRef { start: s.start, end: s.end, text: &s.text }
    }
}

/// A [`NumberRecord`] whose strings are borrowed from the analysed text:
/// what [`LayerVisitor::numbers`](crate::LayerVisitor::numbers) hands over.
/// It serializes exactly as the `NumberRecord` does.
///
/// # Examples
///
/// ```
/// use textfacts::{Analyzer, LayerVisitor, NumberRef};
///
/// /// The numbers kept as records.
/// struct Keep(Vec<textfacts::NumberRecord>);
///
/// impl LayerVisitor for Keep {
///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
///     fn numbers(&mut self, numbers: &[NumberRef<'_>]) {
///         self.0.extend(numbers.iter().map(NumberRef::to_record));
///     }
/// }
///
/// let (a, text) = (Analyzer::new(), "Over 60 people were killed and $5 million lost.");
/// let mut keep = Keep(Vec::new());
/// a.visit_layers(text, &mut keep);
/// assert_eq!(keep.0, a.analyze(text).numbers());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename = "NumberRecord")]
#[non_exhaustive]
pub struct NumberRef<'a> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The phrase's text.
    pub text: &'a str,
    /// What the phrase measures.
    pub kind: NumberKind,
    /// Currency code for money.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'a str>,
    /// The interval the phrase denotes.
    pub interval: Interval,
    /// Whether the phrase hedges or is vague.
    pub approximate: bool,
    /// The counted head noun.
    pub noun: Option<SpanRef<'a>>,
}

impl<'a> NumberRef<'a> {
    /// The phrase `p` found in `text`.
    pub(crate) fn of(text: &'a str, p: &NumberPhrase<'a>) -> NumberRef<'a> {
        NumberRef {
            start: p.span().start,
            end: p.span().end,
            text: p.as_str(),
            kind: p.kind(),
            unit: p.unit(),
            interval: p.interval(),
            approximate: p.is_approximate(),
            noun: p.noun().map(|n| SpanRef::of(text, n)),
        }
    }

    /// The record with its strings owned, as [`Document::numbers`] holds it.
    ///
    /// [`Document::numbers`]: crate::Document::numbers
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{Analyzer, LayerVisitor, NumberRef};
    ///
    /// /// The first number's record.
    /// struct First(Option<textfacts::NumberRecord>);
    ///
    /// impl LayerVisitor for First {
    ///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
    ///     fn numbers(&mut self, numbers: &[NumberRef<'_>]) {
    ///         self.0 = numbers.first().map(NumberRef::to_record);
    ///     }
    /// }
    ///
    /// let mut first = First(None);
    /// Analyzer::new().visit_layers("At least 27 were killed.", &mut first);
    /// let record = first.0.unwrap();
    /// assert_eq!((record.text.as_str(), record.interval.low()), ("At least 27", Some(27.0)));
    /// ```
    #[must_use]
    pub fn to_record(&self) -> NumberRecord {
        NumberRecord {
            start: self.start,
            end: self.end,
            text: self.text.to_string(),
            kind: self.kind,
            unit: self.unit.map(str::to_string),
            interval: self.interval,
            approximate: self.approximate,
            noun: self.noun.as_ref().map(SpanRef::to_record),
        }
    }
}

/// A [`CountRecord`] whose text is borrowed from the analysed text: a
/// casualty fact's count in a [`CasualtyRef`]. It serializes exactly as the
/// `CountRecord` does.
///
/// # Examples
///
/// ```
/// use textfacts::{Analyzer, CasualtyRef, LayerVisitor};
///
/// /// The counts' texts.
/// struct Counts(Vec<String>);
///
/// impl LayerVisitor for Counts {
///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
///     fn casualties(&mut self, facts: &[CasualtyRef<'_>]) {
///         self.0.extend(facts.iter().map(|f| f.count.text.to_string()));
///     }
/// }
///
/// let mut counts = Counts(Vec::new());
/// Analyzer::new().visit_layers("At least 27 people were killed.", &mut counts);
/// assert_eq!(counts.0, ["At least 27"]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename = "CountRecord")]
#[non_exhaustive]
pub struct CountRef<'a> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The count's text.
    pub text: &'a str,
    /// The interval the count denotes.
    pub interval: Interval,
    /// Whether the count hedges or is vague.
    pub approximate: bool,
}

impl CountRef<'_> {
    /// The count with its text owned, as the records hold it.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{Analyzer, CasualtyRef, CountRecord, LayerVisitor};
    ///
    /// /// The first fact's count.
    /// struct First(Option<CountRecord>);
    ///
    /// impl LayerVisitor for First {
    ///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
    ///     fn casualties(&mut self, facts: &[CasualtyRef<'_>]) {
    ///         self.0 = facts.first().map(|f| f.count.to_record());
    ///     }
    /// }
    ///
    /// let mut first = First(None);
    /// Analyzer::new().visit_layers("Two soldiers died.", &mut first);
    /// assert_eq!(first.0.map(|c| c.text), Some("Two".to_string()));
    /// ```
    #[must_use]
    pub fn to_record(&self) -> CountRecord {
        CountRecord {
            start: self.start,
            end: self.end,
            text: self.text.to_string(),
            interval: self.interval,
            approximate: self.approximate,
        }
    }
}

impl<'a> From<&'a CountRecord> for CountRef<'a> {
    fn from(c: &'a CountRecord) -> CountRef<'a> {
        CountRef {
            start: c.start,
            end: c.end,
            text: &c.text,
            interval: c.interval,
            approximate: c.approximate,
        }
    }
}

/// A [`LocationRecord`] whose text is borrowed from the analysed text: a
/// casualty fact's place in a [`CasualtyRef`]. It serializes exactly as the
/// `LocationRecord` does. `P` is how the place is held: the place itself, as
/// visitors get it (the crate's JSON writer holds it another way).
///
/// # Examples
///
/// ```
/// use textfacts::{Analyzer, CasualtyRef, LayerVisitor};
///
/// /// Where the facts happened, and the country.
/// struct Wheres(Vec<(String, String)>);
///
/// impl LayerVisitor for Wheres {
///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
///     fn casualties(&mut self, facts: &[CasualtyRef<'_>]) {
///         for l in facts.iter().filter_map(|f| f.location.as_ref()) {
///             let country = l.place.as_ref().map_or("", |p| &p.country).to_string();
///             self.0.push((l.text.to_string(), country));
///         }
///     }
/// }
///
/// let mut wheres = Wheres(Vec::new());
/// Analyzer::new().visit_layers("Airstrikes killed 27 people in Aleppo.", &mut wheres);
/// assert_eq!(wheres.0, [("Aleppo".to_string(), "SY".to_string())]);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename = "LocationRecord")]
#[non_exhaustive]
pub struct LocationRef<'a, P = Option<Place>> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The covered text.
    pub text: &'a str,
    /// The place of the entity at this span, as in
    /// [`EntityRecord::place`].
    pub place: P,
}

impl LocationRef<'_> {
    /// The location with its text owned, as the records hold it.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{Analyzer, CasualtyRef, LayerVisitor, LocationRecord};
    ///
    /// /// The first fact's location.
    /// struct First(Option<LocationRecord>);
    ///
    /// impl LayerVisitor for First {
    ///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
    ///     fn casualties(&mut self, facts: &[CasualtyRef<'_>]) {
    ///         self.0 = facts.first().and_then(|f| Some(f.location.as_ref()?.to_record()));
    ///     }
    /// }
    ///
    /// let mut first = First(None);
    /// Analyzer::new().visit_layers("Shelling killed 5 people in Aleppo.", &mut first);
    /// assert_eq!(first.0.map(|l| l.text), Some("Aleppo".to_string()));
    /// ```
    #[must_use]
    pub fn to_record(&self) -> LocationRecord {
        LocationRecord {
            start: self.start,
            end: self.end,
            text: self.text.to_string(),
            place: self.place.clone(),
        }
    }
}

impl<'a> LocationRef<'a, PlaceJson<'a>> {
    /// The location `l` for the JSON writer.
    fn json(l: &'a LocationRecord) -> Self {
        LocationRef {
            start: l.start,
            end: l.end,
            text: &l.text,
            place: PlaceJson(l.place.as_ref()),
        }
    }
}

/// A [`CasualtyRecord`] whose strings are borrowed from the analysed text:
/// what [`LayerVisitor::casualties`](crate::LayerVisitor::casualties) hands
/// over. It serializes exactly as the `CasualtyRecord` does. `P` is how its
/// location's place is held (see [`LocationRef`]).
///
/// # Examples
///
/// ```
/// use textfacts::{Analyzer, CasualtyRef, LayerVisitor};
///
/// /// The facts kept as records.
/// struct Keep(Vec<textfacts::CasualtyRecord>);
///
/// impl LayerVisitor for Keep {
///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
///     fn casualties(&mut self, facts: &[CasualtyRef<'_>]) {
///         self.0.extend(facts.iter().map(CasualtyRef::to_record));
///     }
/// }
///
/// let (a, text) = (Analyzer::new(), "Over 60 people have been killed in Aleppo; 12 were hurt.");
/// let mut keep = Keep(Vec::new());
/// a.visit_layers(text, &mut keep);
/// assert_eq!(keep.0, a.analyze(text).casualties());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename = "CasualtyRecord")]
#[non_exhaustive]
pub struct CasualtyRef<'a, P = Option<Place>> {
    /// The outcome class.
    pub outcome: Outcome,
    /// The count.
    pub count: CountRef<'a>,
    /// The victims' head noun.
    pub victims: Option<SpanRef<'a>>,
    /// The place where it happened.
    pub location: Option<LocationRef<'a, P>>,
    /// Whether the sentence does not assert the outcome.
    pub hedged: bool,
}

impl CasualtyRef<'_> {
    /// The record with its strings owned, as [`Document::casualties`] holds
    /// it.
    ///
    /// [`Document::casualties`]: crate::Document::casualties
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{Analyzer, CasualtyRef, LayerVisitor};
    ///
    /// /// The first fact's record.
    /// struct First(Option<textfacts::CasualtyRecord>);
    ///
    /// impl LayerVisitor for First {
    ///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
    ///     fn casualties(&mut self, facts: &[CasualtyRef<'_>]) {
    ///         self.0 = facts.first().map(CasualtyRef::to_record);
    ///     }
    /// }
    ///
    /// let mut first = First(None);
    /// Analyzer::new().visit_layers("Three people died.", &mut first);
    /// let fact = first.0.unwrap();
    /// assert_eq!((fact.outcome.as_str(), fact.count.text.as_str()), ("killed", "Three"));
    /// ```
    #[must_use]
    pub fn to_record(&self) -> CasualtyRecord {
        CasualtyRecord {
            outcome: self.outcome,
            count: self.count.to_record(),
            victims: self.victims.as_ref().map(SpanRef::to_record),
            location: self.location.as_ref().map(LocationRef::to_record),
            hedged: self.hedged,
        }
    }
}

impl<'a> CasualtyRef<'a, PlaceJson<'a>> {
    /// The record `c` for the JSON writer.
    pub(crate) fn json(c: &'a CasualtyRecord) -> Self {
        CasualtyRef {
            outcome: c.outcome,
            count: CountRef::from(&c.count),
            victims: c.victims.as_ref().map(SpanRef::from),
            location: c.location.as_ref().map(LocationRef::json),
            hedged: c.hedged,
        }
    }
}

impl<'a, P> CasualtyRef<'a, P> {
    /// The fact `f` found in `text`; `place` gives its location's place.
    pub(crate) fn of(text: &'a str, f: &CasualtyFact, place: impl FnOnce(Span) -> P) -> Self {
        let count = f.count();
        let span = count.span();
        CasualtyRef {
            outcome: f.outcome(),
            count: CountRef {
                start: span.start,
                end: span.end,
                text: span.slice(text).unwrap_or(""),
                interval: count.interval(),
                approximate: count.is_approximate(),
            },
            victims: f.victims().map(|s| SpanRef::of(text, s)),
            location: f.location().map(|s| LocationRef {
                start: s.start,
                end: s.end,
                text: s.slice(text).unwrap_or(""),
                place: place(s),
            }),
            hedged: f.is_hedged(),
        }
    }
}

/// An [`EntityRecord`], written by hand (the commonest long record).
pub(crate) struct EntityView<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: &'a str,
    pub(crate) label: &'a str,
    pub(crate) id: &'a str,
    pub(crate) canonical: &'a str,
    pub(crate) candidates: usize,
    pub(crate) place: PlaceRef<'a>,
}

impl<'a> From<&'a EntityRecord> for EntityView<'a> {
    fn from(e: &'a EntityRecord) -> EntityView<'a> {
        EntityView {
            start: e.start,
            end: e.end,
            text: &e.text,
            label: &e.label,
            id: &e.id,
            canonical: &e.canonical,
            candidates: e.candidates,
            place: e.place.as_ref().into(),
        }
    }
}

impl EntityView<'_> {
    /// Appends the record's JSON; a place of this document written before
    /// is copied from `buf` (`recent` knows where).
    pub(crate) fn write(&self, buf: &mut Vec<u8>, recent: &mut Recent) {
        record(buf, |r| {
            r.span(self.start, self.end);
            r.literal(b",\"text\":");
        });
        string(buf, self.text);
        buf.extend_from_slice(b",\"label\":");
        string(buf, self.label);
        buf.extend_from_slice(b",\"id\":");
        string(buf, self.id);
        buf.extend_from_slice(b",\"canonical\":");
        string(buf, self.canonical);
        record(buf, |r| {
            r.literal(b",\"candidates\":");
            r.number(self.candidates);
            r.literal(b",\"place\":");
        });
        match self.place {
            PlaceRef::Place(place) => recent.write(buf, place),
            PlaceRef::Table(record) => recent.write_record(buf, record),
            PlaceRef::None => buf.extend_from_slice(b"null"),
        }
        buf.push(b'}');
    }
}

/// Appends `s` as a JSON string, as serde_json writes it: quoted as it is
/// when nothing in it needs escaping (no control character, quote or
/// backslash; checked eight bytes a step), else through serde_json.
pub(crate) fn string(buf: &mut Vec<u8>, s: &str) {
    if needs_escape(s.as_bytes()) {
        // Writing into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *buf, s);
    } else {
        buf.reserve(s.len() + 2);
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    }
}

/// Whether a byte of `bytes` is below 0x20, a quote or a backslash.
fn needs_escape(bytes: &[u8]) -> bool {
    let mut words = bytes.chunks_exact(8);
    for word in words.by_ref() {
        let x = load8(word, 0);
        let lanes = in_range(x, 0, 0x1f) | in_range(x, b'"', b'"') | in_range(x, b'\\', b'\\');
        // `in_range` reads seven bits a byte: non-ASCII bytes are not marks.
        if lanes & !x & HIGH != 0 {
            return true;
        }
    }
    words.remainder().iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

#[cfg(test)]
mod tests {
    use super::{needs_escape, string};

    #[test]
    fn strings_as_serde_json_writes_them() {
        let mut cases: Vec<String> = [
            "",
            "Aleppo",
            "Zürich, Switzerland",
            "a\"b",
            "back\\slash",
            "tab\there",
            "\u{1f}",
            "\u{7f}del",
            "北京 🙂",
            "exactly8",
            "sixteen bytes!!!",
            "seventeen bytes!!",
            // Bytes whose low seven bits are a quote, a backslash or a control.
            "price ¢ in Ü\u{9c}ber ÜÜ",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every byte value below 0x80 at every place of a 17-byte string.
        for b in 0u8..0x80 {
            for at in 0..17 {
                let mut bytes = vec![b'x'; 17];
                bytes[at] = b;
                cases.push(String::from_utf8(bytes).unwrap());
            }
        }
        for s in &cases {
            let mut buf = b"x".to_vec();
            string(&mut buf, s);
            assert_eq!(buf[1..], serde_json::to_vec(s).unwrap(), "{s:?}");
            let escaped = s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\');
            assert_eq!(needs_escape(s.as_bytes()), escaped, "{s:?}");
        }
    }
}
