//! The owned [`Document`] as a [`Sink`] of one pass: each finding copied
//! into its record.

use super::pass::{Sink, Wanted};
use crate::casualties::{CasualtyFact, Count, Toll};
use crate::document::{
    CasualtyRecord, CountRecord, Document, EntityRecord, LocationRecord, NumberRecord,
    SentenceRecord, TextSpan, TokenRecord, TollRecord,
};
use crate::gazetteer::{EntityMatch, Gazetteer};
use crate::numbers::NumberPhrase;
use crate::places::{Place, Town};
use crate::span::Span;
use crate::text::Token;
use std::borrow::Cow;

/// The records of one document, filled layer by layer.
pub(crate) struct Records {
    tokens: Option<Vec<TokenRecord>>,
    sentences: Option<Vec<SentenceRecord>>,
    entities: Option<Vec<EntityRecord>>,
    /// Towns, which join the entities at the end.
    towns: Vec<EntityRecord>,
    numbers: Option<Vec<NumberRecord>>,
    casualties: Option<Vec<CasualtyRecord>>,
    tolls: Option<Vec<TollRecord>>,
}

impl Records {
    /// Empty records for the layers of `want` over `text`.
    pub(crate) fn new(text: &str, want: Wanted) -> Records {
        // Room for the usual counts at once rather than by doubling (each
        // doubling copies the records so far): news runs about one token per
        // five bytes and one sentence per 120. Capped, so that an odd text
        // does not reserve far more than it fills; `finish` gives back what
        // a text left unused.
        Records {
            tokens: want.tokens.then(|| Vec::with_capacity((text.len() / 5).min(1 << 16))),
            sentences: want.sentences.then(|| Vec::with_capacity((text.len() / 120).min(1 << 12))),
            entities: want.entities.then(Vec::new),
            towns: Vec::new(),
            numbers: want.numbers.then(Vec::new),
            casualties: want.casualties.then(Vec::new),
            tolls: None,
        }
    }

    /// The document.
    pub(crate) fn finish(self) -> Document {
        let mut entities = self.entities;
        if let Some(records) = &mut entities {
            if !self.towns.is_empty() {
                records.extend(self.towns);
                // Stable: a town comes after a match of the same start.
                records.sort_by_key(|r| r.start);
            }
        }
        Document {
            tokens: self.tokens.map(fit),
            sentences: self.sentences.map(fit),
            entities,
            numbers: self.numbers,
            casualties: self.casualties,
            tolls: self.tolls,
        }
    }
}

/// `v` without much unused room: a reservation the text did not fill is
/// given back (shrinking in place, no copy, with the system allocator).
fn fit<T>(mut v: Vec<T>) -> Vec<T> {
    if v.capacity() > v.len() + v.len() / 4 + 16 {
        v.shrink_to_fit();
    }
    v
}

impl Sink<'_> for Records {
    fn tokens(&mut self, block: &[Token<'_>]) {
        if let Some(records) = &mut self.tokens {
            records.extend(block.iter().map(|t| TokenRecord {
                start: t.span().start,
                end: t.span().end,
                kind: t.kind(),
            }));
        }
    }

    fn expect_entities(&mut self, count: usize) {
        // Room at once, not by doubling records of ~300 bytes.
        if let Some(records) = &mut self.entities {
            records.reserve_exact(count);
        }
    }

    fn sentence(&mut self, span: Span) {
        if let Some(records) = &mut self.sentences {
            records.push(SentenceRecord { start: span.start, end: span.end });
        }
    }

    fn towns(&mut self, text: &str, label: &str, towns: &[Town<'_>]) {
        self.towns.extend(towns.iter().map(|t| EntityRecord {
            start: t.start,
            end: t.end,
            text: text.get(t.start..t.end).unwrap_or("").to_string(),
            label: Cow::Owned(label.to_string()),
            id: t.place.id.clone(),
            canonical: t.place.name.clone(),
            candidates: t.candidates,
            place: Some(t.place.clone()),
        }));
    }

    fn entity(&mut self, g: &Gazetteer, text: &str, m: &EntityMatch, place: Option<&Place>) {
        let Some(records) = &mut self.entities else { return };
        // The built-in list's strings are borrowed, not copied: three
        // allocations fewer per entity.
        let (label, id, canonical) = match g.as_builtin() {
            Some(builtin) => {
                let e = builtin.entity(m.entity());
                (Cow::Borrowed(e.label()), Cow::Borrowed(e.id()), Cow::Borrowed(e.canonical()))
            }
            None => {
                let e = g.entity(m.entity());
                let owned = |s: &str| Cow::Owned(s.to_string());
                (owned(e.label()), owned(e.id()), owned(e.canonical()))
            }
        };
        records.push(EntityRecord {
            start: m.span().start,
            end: m.span().end,
            text: m.span().slice(text).unwrap_or("").to_string(),
            label,
            id,
            canonical,
            candidates: g.candidates(m).len(),
            place: place.cloned(),
        });
    }

    fn numbers(&mut self, text: &str, phrases: &[NumberPhrase<'_>]) {
        if let Some(records) = &mut self.numbers {
            records.extend(phrases.iter().map(|p| number_record(text, p)));
        }
    }

    fn casualties<'p>(
        &mut self,
        text: &str,
        facts: &[CasualtyFact],
        place_at: impl Fn(Span) -> Option<&'p Place>,
    ) {
        if let Some(records) = &mut self.casualties {
            records.extend(facts.iter().map(|f| casualty_record(text, f, &place_at)));
        }
    }

    fn tolls(&mut self, text: &str, tolls: &[Toll]) {
        self.tolls = Some(tolls.iter().map(|t| toll_record(text, t)).collect());
    }
}

fn number_record(text: &str, p: &NumberPhrase<'_>) -> NumberRecord {
    NumberRecord {
        start: p.span().start,
        end: p.span().end,
        text: p.as_str().to_string(),
        kind: p.kind(),
        unit: p.unit().map(str::to_string),
        interval: p.interval(),
        approximate: p.is_approximate(),
        noun: p.noun().map(|n| TextSpan::new(text, n)),
    }
}

fn count_record(text: &str, c: &Count) -> CountRecord {
    CountRecord {
        start: c.span().start,
        end: c.span().end,
        text: c.span().slice(text).unwrap_or("").to_string(),
        interval: c.interval(),
        approximate: c.is_approximate(),
    }
}

/// The record of a toll (also what the JSON writer serializes: tolls are few).
pub(crate) fn toll_record(text: &str, t: &Toll) -> TollRecord {
    TollRecord {
        outcome: t.outcome(),
        count: count_record(text, &t.count()),
        evidence: t.evidence().iter().map(|&s| TextSpan::new(text, s)).collect(),
    }
}

fn casualty_record<'p>(
    text: &str,
    f: &CasualtyFact,
    place_at: &impl Fn(Span) -> Option<&'p Place>,
) -> CasualtyRecord {
    CasualtyRecord {
        outcome: f.outcome(),
        count: count_record(text, &f.count()),
        victims: f.victims().map(|s| TextSpan::new(text, s)),
        location: f.location().map(|s| LocationRecord {
            start: s.start,
            end: s.end,
            text: s.slice(text).unwrap_or("").to_string(),
            place: place_at(s).cloned(),
        }),
        hedged: f.is_hedged(),
    }
}
