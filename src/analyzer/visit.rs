//! The layers of one analysis handed to a caller's [`LayerVisitor`] as
//! borrowed records, as a [`Sink`] of one pass: each layer serializes
//! exactly as the [`Document`]'s field would, without the `Document` (no
//! `String` per record: texts, labels and ids are borrowed from the text and
//! the gazetteer).
//!
//! The layers come interleaved, block by block, so each is gathered apart
//! and handed over in the `Document`'s field order at the end.
//!
//! [`Document`]: crate::document::Document

use super::pass::{Sink, Wanted};
use super::records::toll_record;
use crate::casualties::{CasualtyFact, Toll};
use crate::document::{EntityRecord, SentenceRecord, TokenRecord, TollRecord};
use crate::gazetteer::{EntityMatch, Gazetteer};
use crate::json::{CasualtyRef, NumberRef};
use crate::numbers::NumberPhrase;
use crate::places::{Place, Town};
use crate::span::Span;
use crate::text::Token;
use serde::Serialize;
use std::borrow::Cow;

/// Receives the layers of one analysis from
/// [`Analyzer::visit_layers`](crate::Analyzer::visit_layers).
///
/// # Examples
///
/// ```
/// use textfacts::{Analyzer, LayerVisitor};
///
/// /// Each layer as JSON, by name.
/// struct Json(Vec<(&'static str, String)>);
///
/// impl LayerVisitor for Json {
///     fn layer<T: serde::Serialize + ?Sized>(&mut self, name: &'static str, records: &T) {
///         self.0.push((name, serde_json::to_string(records).unwrap()));
///     }
/// }
///
/// let mut json = Json(Vec::new());
/// Analyzer::new().visit_layers("Two people died in Aleppo.", &mut json);
/// let names: Vec<_> = json.0.iter().map(|(name, _)| *name).collect();
/// assert_eq!(names, ["tokens", "sentences", "entities", "numbers", "casualties", "tolls"]);
/// ```
pub trait LayerVisitor {
    /// Called once for each layer the analyzer computes, in the order of the
    /// [`Document`](crate::Document)'s fields: `name` is the field's name in
    /// its serialized form (a [`Layer::as_str`](crate::Layer::as_str), and
    /// `"tolls"` after `"casualties"`) and `records` serializes exactly as
    /// that field's records do (the same fields, values, struct names and
    /// order), in any serde format. The tokens, the sentences, the entities,
    /// the numbers and the casualties come through [`tokens`](Self::tokens),
    /// [`sentences`](Self::sentences), [`entities`](Self::entities),
    /// [`numbers`](Self::numbers) and [`casualties`](Self::casualties),
    /// which call this unless the visitor overrides them.
    fn layer<T: Serialize + ?Sized>(&mut self, name: &'static str, records: &T);

    /// Called for the tokens layer instead of [`layer`](Self::layer), with
    /// the records typed, for a visitor that writes tokens its own way (they
    /// are most of a document's records). By default it hands them to
    /// `layer` as `"tokens"`.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{Analyzer, LayerVisitor, TokenRecord};
    ///
    /// /// The tokens' spans; the other layers are ignored.
    /// struct Spans(Vec<(usize, usize)>);
    ///
    /// impl LayerVisitor for Spans {
    ///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
    ///     fn tokens(&mut self, tokens: &[TokenRecord]) {
    ///         self.0.extend(tokens.iter().map(|t| (t.start, t.end)));
    ///     }
    /// }
    ///
    /// let mut spans = Spans(Vec::new());
    /// Analyzer::new().visit_layers("Two died.", &mut spans);
    /// assert_eq!(spans.0, [(0, 3), (4, 8), (8, 9)]);
    /// ```
    fn tokens(&mut self, tokens: &[TokenRecord]) {
        self.layer("tokens", tokens);
    }

    /// Called for the sentences layer instead of [`layer`](Self::layer), with
    /// the records typed; by default it hands them to `layer` as
    /// `"sentences"`.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{Analyzer, LayerVisitor, SentenceRecord};
    ///
    /// /// How many sentences; the other layers are ignored.
    /// struct Count(usize);
    ///
    /// impl LayerVisitor for Count {
    ///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
    ///     fn sentences(&mut self, sentences: &[SentenceRecord]) {
    ///         self.0 += sentences.len();
    ///     }
    /// }
    ///
    /// let mut count = Count(0);
    /// Analyzer::new().visit_layers("One. Two.", &mut count);
    /// assert_eq!(count.0, 2);
    /// ```
    fn sentences(&mut self, sentences: &[SentenceRecord]) {
        self.layer("sentences", sentences);
    }

    /// Called for the entities layer instead of [`layer`](Self::layer),
    /// with the records typed (their strings borrowed); by default it hands
    /// them to `layer` as `"entities"`.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{Analyzer, EntityRef, LayerVisitor};
    ///
    /// /// The countries of the places named; the other layers are ignored.
    /// struct Countries(Vec<String>);
    ///
    /// impl LayerVisitor for Countries {
    ///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
    ///     fn entities(&mut self, entities: &[EntityRef<'_>]) {
    ///         let places = entities.iter().filter_map(|e| e.place.as_ref());
    ///         self.0.extend(places.map(|p| p.country.to_string()));
    ///     }
    /// }
    ///
    /// let mut countries = Countries(Vec::new());
    /// Analyzer::new().visit_layers("Shelling in Aleppo and Mosul.", &mut countries);
    /// assert_eq!(countries.0, ["SY", "IQ"]);
    /// ```
    fn entities(&mut self, entities: &[EntityRef<'_>]) {
        self.layer("entities", entities);
    }

    /// Called for the numbers layer instead of [`layer`](Self::layer),
    /// with the records typed (their strings borrowed); by default it hands
    /// them to `layer` as `"numbers"`.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{Analyzer, LayerVisitor, NumberRef};
    ///
    /// /// The lowest count of each number phrase; the other layers are ignored.
    /// struct Lows(Vec<Option<f64>>);
    ///
    /// impl LayerVisitor for Lows {
    ///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
    ///     fn numbers(&mut self, numbers: &[NumberRef<'_>]) {
    ///         self.0.extend(numbers.iter().map(|n| n.interval.low()));
    ///     }
    /// }
    ///
    /// let mut lows = Lows(Vec::new());
    /// Analyzer::new().visit_layers("More than 100 people, at least 27 children.", &mut lows);
    /// assert_eq!(lows.0, [Some(100.0), Some(27.0)]);
    /// ```
    fn numbers(&mut self, numbers: &[NumberRef<'_>]) {
        self.layer("numbers", numbers);
    }

    /// Called for the casualties layer instead of [`layer`](Self::layer),
    /// with the records typed (their strings borrowed); by default it hands
    /// them to `layer` as `"casualties"`. The document tolls that follow
    /// still come through `layer` (as `"tolls"`).
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{Analyzer, CasualtyRef, LayerVisitor};
    ///
    /// /// The outcomes found; the other layers are ignored.
    /// struct Outcomes(Vec<&'static str>);
    ///
    /// impl LayerVisitor for Outcomes {
    ///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
    ///     fn casualties(&mut self, facts: &[CasualtyRef<'_>]) {
    ///         self.0.extend(facts.iter().map(|f| f.outcome.as_str()));
    ///     }
    /// }
    ///
    /// let mut outcomes = Outcomes(Vec::new());
    /// Analyzer::new().visit_layers("Two died and 12 were injured.", &mut outcomes);
    /// assert_eq!(outcomes.0, ["killed", "injured"]);
    /// ```
    fn casualties(&mut self, facts: &[CasualtyRef<'_>]) {
        self.layer("casualties", facts);
    }
}

/// An [`EntityRecord`] whose strings are borrowed from the text and the
/// gazetteer: what [`LayerVisitor::entities`] hands over. It serializes
/// exactly as the `EntityRecord` does.
///
/// # Examples
///
/// ```
/// use textfacts::{Analyzer, EntityRef, LayerVisitor};
///
/// /// The entities kept as records.
/// struct Keep(Vec<textfacts::EntityRecord>);
///
/// impl LayerVisitor for Keep {
///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
///     fn entities(&mut self, entities: &[EntityRef<'_>]) {
///         self.0.extend(entities.iter().map(EntityRef::to_record));
///     }
/// }
///
/// let (a, text) = (Analyzer::new(), "Doctors Without Borders left Aleppo.");
/// let mut keep = Keep(Vec::new());
/// a.visit_layers(text, &mut keep);
/// assert_eq!(keep.0, a.analyze(text).entities());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename = "EntityRecord")]
#[non_exhaustive]
pub struct EntityRef<'a> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The matched text.
    pub text: &'a str,
    /// Label of the first-ranked entity.
    pub label: &'a str,
    /// External id of the first-ranked entity.
    pub id: Cow<'a, str>,
    /// Canonical name of the first-ranked entity.
    pub canonical: Cow<'a, str>,
    /// How many entities the matched name belongs to.
    pub candidates: usize,
    /// The place the mention was resolved to, as in [`EntityRecord::place`].
    pub place: Option<Place>,
}

impl EntityRef<'_> {
    /// The record with its strings owned, as [`Document::entities`] holds
    /// it.
    ///
    /// [`Document::entities`]: crate::Document::entities
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{Analyzer, EntityRef, LayerVisitor};
    ///
    /// /// The first entity's record.
    /// struct First(Option<textfacts::EntityRecord>);
    ///
    /// impl LayerVisitor for First {
    ///     fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
    ///     fn entities(&mut self, entities: &[EntityRef<'_>]) {
    ///         self.0 = entities.first().map(EntityRef::to_record);
    ///     }
    /// }
    ///
    /// let mut first = First(None);
    /// Analyzer::new().visit_layers("Shelling hit Aleppo.", &mut first);
    /// let record = first.0.unwrap();
    /// assert_eq!((record.text.as_str(), record.start), ("Aleppo", 13));
    /// ```
    #[must_use]
    pub fn to_record(&self) -> EntityRecord {
        EntityRecord {
            start: self.start,
            end: self.end,
            text: self.text.to_string(),
            label: Cow::Owned(self.label.to_string()),
            id: Cow::Owned(self.id.to_string()),
            canonical: Cow::Owned(self.canonical.to_string()),
            candidates: self.candidates,
            place: self.place.clone(),
        }
    }
}

/// The layers of one document being gathered.
pub(crate) struct VisitSink<'a> {
    want: Wanted,
    tokens: Vec<TokenRecord>,
    sentences: Vec<SentenceRecord>,
    entities: Vec<EntityRef<'a>>,
    /// Towns, which join the entities at the end.
    towns: Vec<EntityRef<'a>>,
    numbers: Vec<NumberRef<'a>>,
    casualties: Vec<CasualtyRef<'a>>,
    tolls: Vec<TollRecord>,
}

impl<'a> VisitSink<'a> {
    /// Empty layers for `want` over `text`.
    pub(crate) fn new(text: &str, want: Wanted) -> VisitSink<'a> {
        // Room for the usual counts at once (as `Records::new`, which see).
        let room =
            |yes: bool, per: usize, max: usize| if yes { (text.len() / per).min(max) } else { 0 };
        VisitSink {
            want,
            tokens: Vec::with_capacity(room(want.tokens, 5, 1 << 16)),
            sentences: Vec::with_capacity(room(want.sentences, 120, 1 << 12)),
            entities: Vec::new(),
            towns: Vec::new(),
            numbers: Vec::new(),
            casualties: Vec::new(),
            tolls: Vec::new(),
        }
    }

    /// Hands `visitor` the layers, in the `Document`'s field order.
    pub(crate) fn finish(mut self, visitor: &mut impl LayerVisitor) {
        let want = self.want;
        if !self.towns.is_empty() {
            self.entities.append(&mut self.towns);
            // Stable: a town comes after a match of the same start.
            self.entities.sort_by_key(|e| e.start);
        }
        if want.tokens {
            visitor.tokens(&self.tokens);
        }
        if want.sentences {
            visitor.sentences(&self.sentences);
        }
        if want.entities {
            visitor.entities(&self.entities);
        }
        if want.numbers {
            visitor.numbers(&self.numbers);
        }
        if want.casualties {
            visitor.casualties(&self.casualties);
            visitor.layer("tolls", self.tolls.as_slice());
        }
    }
}

impl<'a> Sink<'a> for VisitSink<'a> {
    fn tokens(&mut self, block: &[Token<'_>]) {
        self.tokens.extend(block.iter().map(|t| TokenRecord {
            start: t.span().start,
            end: t.span().end,
            kind: t.kind(),
        }));
    }

    fn expect_entities(&mut self, count: usize) {
        self.entities.reserve_exact(count);
    }

    fn sentence(&mut self, span: Span) {
        self.sentences.push(SentenceRecord { start: span.start, end: span.end });
    }

    fn towns(&mut self, text: &'a str, label: &'a str, towns: &[Town<'_>]) {
        self.towns.extend(towns.iter().map(|t| EntityRef {
            start: t.start,
            end: t.end,
            text: text.get(t.start..t.end).unwrap_or(""),
            label,
            id: t.place.id.clone(),
            canonical: t.place.name.clone(),
            candidates: t.candidates,
            place: Some(t.place.clone()),
        }));
    }

    fn entity(&mut self, g: &'a Gazetteer, text: &'a str, m: &EntityMatch, place: Option<&Place>) {
        let e = g.entity(m.entity());
        self.entities.push(EntityRef {
            start: m.span().start,
            end: m.span().end,
            text: m.span().slice(text).unwrap_or(""),
            label: e.label(),
            id: Cow::Borrowed(e.id()),
            canonical: Cow::Borrowed(e.canonical()),
            candidates: g.candidates(m).len(),
            place: place.cloned(),
        });
    }

    fn numbers(&mut self, text: &'a str, phrases: &[NumberPhrase<'a>]) {
        self.numbers.extend(phrases.iter().map(|p| NumberRef::of(text, p)));
    }

    fn casualties<'p>(
        &mut self,
        text: &'a str,
        facts: &[CasualtyFact],
        place_at: impl Fn(Span) -> Option<&'p Place>,
    ) {
        self.casualties
            .extend(facts.iter().map(|f| CasualtyRef::of(text, f, |s| place_at(s).cloned())));
    }

    fn tolls(&mut self, text: &'a str, tolls: &[Toll]) {
        self.tolls = tolls.iter().map(|t| toll_record(text, t)).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::LayerVisitor;
    use crate::analyzer::json::tests::{every_layer, layer_subsets, TEXTS};
    use crate::analyzer::Analyzer;
    use crate::json::{CasualtyRef, NumberRef};
    use serde::Serialize;

    /// The document's JSON object, written from the layers handed over.
    struct Json(String);

    impl LayerVisitor for Json {
        fn layer<T: Serialize + ?Sized>(&mut self, name: &'static str, records: &T) {
            self.0.push(if self.0.is_empty() { '{' } else { ',' });
            self.0.push_str(&format!("{name:?}:"));
            self.0.push_str(&serde_json::to_string(records).expect("serialize"));
        }
    }

    fn check(a: &Analyzer) {
        for text in TEXTS {
            let want = serde_json::to_string(&a.analyze(text)).expect("serialize");
            let mut got = Json(String::new());
            a.visit_layers(text, &mut got);
            let got = if got.0.is_empty() { "{}".to_string() } else { got.0 + "}" };
            assert_eq!(got, want, "{text}");
        }
    }

    /// The typed tokens, sentences, entities, numbers and casualties, and
    /// the other layers' names.
    #[derive(Default)]
    struct Typed {
        tokens: Vec<crate::document::TokenRecord>,
        sentences: Vec<crate::document::SentenceRecord>,
        entities: Vec<crate::document::EntityRecord>,
        numbers: Vec<crate::document::NumberRecord>,
        casualties: Vec<crate::document::CasualtyRecord>,
        names: Vec<&'static str>,
    }

    impl LayerVisitor for Typed {
        fn layer<T: Serialize + ?Sized>(&mut self, name: &'static str, _: &T) {
            self.names.push(name);
        }
        fn tokens(&mut self, tokens: &[crate::document::TokenRecord]) {
            self.tokens.extend_from_slice(tokens);
        }
        fn sentences(&mut self, sentences: &[crate::document::SentenceRecord]) {
            self.sentences.extend_from_slice(sentences);
        }
        fn entities(&mut self, entities: &[super::EntityRef<'_>]) {
            self.entities.extend(entities.iter().map(super::EntityRef::to_record));
        }
        fn numbers(&mut self, numbers: &[NumberRef<'_>]) {
            self.numbers.extend(numbers.iter().map(NumberRef::to_record));
        }
        fn casualties(&mut self, facts: &[CasualtyRef<'_>]) {
            self.casualties.extend(facts.iter().map(CasualtyRef::to_record));
        }
    }

    #[test]
    fn typed_layers_are_the_documents_and_skip_layer() {
        for a in every_layer().iter().chain(&layer_subsets().collect::<Vec<_>>()) {
            for text in TEXTS {
                let doc = a.analyze(text);
                let mut typed = Typed::default();
                a.visit_layers(text, &mut typed);
                assert_eq!(typed.tokens, doc.tokens(), "{text}");
                assert_eq!(typed.sentences, doc.sentences(), "{text}");
                assert_eq!(typed.entities, doc.entities(), "{text}");
                assert_eq!(typed.numbers, doc.numbers(), "{text}");
                assert!(!typed.names.iter().any(|n| [
                    "tokens",
                    "sentences",
                    "entities",
                    "numbers"
                ]
                .contains(n)));
            }
        }
    }

    #[test]
    fn the_layers_of_the_document_with_every_layer() {
        every_layer().iter().for_each(check);
    }

    #[test]
    fn the_layers_of_the_document_with_any_layers() {
        layer_subsets().for_each(|a| check(&a));
    }
}
