//! JSON written straight from one pass's findings, as a [`Sink`]: the bytes
//! of [`Document::append_json`] without the [`Document`] (no record, no
//! `String` per record).
//!
//! Tokens, the bulk of the output, go straight to the output; the other
//! layers come interleaved with them, block by block, so each is written to
//! a part of its own (reused by the thread) and the parts are appended in
//! the contract's order at the end.
//!
//! [`Document`]: crate::document::Document
//! [`Document::append_json`]: crate::document::Document::append_json

use super::pass::{Sink, Wanted};
use super::records::toll_record;
use crate::casualties::{CasualtyFact, Toll};
use crate::document::TollRecord;
use crate::gazetteer::{EntityMatch, Gazetteer};
use crate::json::{
    sentence, tokens, CasualtyRef, EntityView, Fields, NumberRef, PlaceJson, PlaceRef, Recent,
};
use crate::numbers::NumberPhrase;
use crate::places::{Place, Resolved, Town};
use crate::span::Span;
use crate::text::Token;
use std::cell::RefCell;

/// The most reserved for a document's JSON at once; beyond it the output
/// grows as it is written.
const RESERVE_MAX: usize = 1 << 26;

/// A part's buffer larger than this is not kept for the next document.
const PART_KEPT: usize = 1 << 20;

thread_local! {
    /// Part buffers of finished documents, for the next one.
    static SPARE: RefCell<Vec<Vec<u8>>> = const { RefCell::new(Vec::new()) };
}

/// A spare buffer (empty), or a new one.
fn spare() -> Vec<u8> {
    SPARE.with(|s| s.try_borrow_mut().ok().and_then(|mut s| s.pop())).unwrap_or_default()
}

/// One layer's records, comma-separated, without the brackets.
#[derive(Default)]
struct Part {
    buf: Vec<u8>,
    any: bool,
}

impl Part {
    fn new() -> Part {
        Part { buf: spare(), any: false }
    }

    /// The buffer, with the separator before the next record written.
    fn next(&mut self) -> &mut Vec<u8> {
        if std::mem::replace(&mut self.any, true) {
            self.buf.push(b',');
        }
        &mut self.buf
    }

    /// Appends `"name":[...]` to `out` and gives the buffer back.
    fn close(mut self, out: &mut Vec<u8>, fields: &mut Fields, name: &str) {
        fields.open(out, name);
        out.push(b'[');
        out.extend_from_slice(&self.buf);
        out.push(b']');
        self.buf.clear();
        if self.buf.capacity() <= PART_KEPT {
            let buf = std::mem::take(&mut self.buf);
            SPARE.with(|s| {
                if let Ok(mut s) = s.try_borrow_mut() {
                    s.push(buf);
                }
            });
        }
    }
}

/// A town waiting for its place among the entities.
struct PendingTown {
    start: usize,
    end: usize,
    place: Place,
    candidates: usize,
}

/// The JSON of one document being written.
pub(crate) struct JsonSink<'a> {
    text: &'a str,
    out: &'a mut Vec<u8>,
    fields: Fields,
    /// Whether a token was written.
    any_token: bool,
    want: Wanted,
    sentences: Part,
    entities: Part,
    /// Places the entities' part holds already.
    recent: Recent,
    /// Towns by start, and how many were written.
    towns: Vec<PendingTown>,
    towns_written: usize,
    town_label: String,
    numbers: Part,
    casualties: Part,
    tolls: Option<Vec<TollRecord>>,
}

impl<'a> JsonSink<'a> {
    /// Starts the object of `text`'s analysis at the end of `out`.
    pub(crate) fn new(text: &'a str, want: Wanted, out: &'a mut Vec<u8>) -> JsonSink<'a> {
        let part = |yes: bool| if yes { Part::new() } else { Part::default() };
        let mut fields = Fields { first: true };
        // Room for the whole object at once: growing by doubling copies all
        // written so far. News JSON runs ~7.6 bytes of tokens per byte of
        // text, 1.4 of entities (with places), 0.4 of numbers, 0.3 of
        // sentences and 0.2 of facts; each is given a tenth more. Capped, so
        // that a huge text does not ask for far more than it may fill.
        let per_byte = |yes: bool, tenths: usize| if yes { tenths } else { 0 };
        let tenths = per_byte(want.tokens, 84)
            + per_byte(want.sentences, 3)
            + per_byte(want.entities, 16)
            + per_byte(want.numbers, 5)
            + per_byte(want.casualties, 3);
        out.reserve((text.len().saturating_mul(tenths) / 10).min(RESERVE_MAX) + 64);
        out.push(b'{');
        if want.tokens {
            fields.open(out, "tokens");
            out.push(b'[');
        }
        JsonSink {
            text,
            out,
            fields,
            any_token: false,
            want,
            sentences: part(want.sentences),
            entities: part(want.entities),
            recent: Recent::default(),
            towns: Vec::new(),
            towns_written: 0,
            town_label: String::new(),
            numbers: part(want.numbers),
            casualties: part(want.casualties),
            tolls: None,
        }
    }

    /// Closes the object: the parts after the tokens, in the contract's order.
    pub(crate) fn finish(mut self) {
        self.write_towns_before(usize::MAX);
        let out = self.out;
        // One growth at most, not one per part.
        let parts = [&self.sentences, &self.entities, &self.numbers, &self.casualties];
        out.reserve(parts.iter().map(|p| p.buf.len() + 16).sum::<usize>() + 256);
        let fields = &mut self.fields;
        if self.want.tokens {
            out.push(b']');
        }
        if self.want.sentences {
            self.sentences.close(out, fields, "sentences");
        }
        if self.want.entities {
            self.entities.close(out, fields, "entities");
        }
        if self.want.numbers {
            self.numbers.close(out, fields, "numbers");
        }
        if self.want.casualties {
            self.casualties.close(out, fields, "casualties");
            fields.open(out, "tolls");
            // Writing into a Vec cannot fail, nor can these records.
            let _ = serde_json::to_writer(&mut *out, self.tolls.as_deref().unwrap_or(&[]));
        }
        out.push(b'}');
    }

    /// Writes a gazetteer match with its place.
    fn write_entity(&mut self, g: &Gazetteer, text: &str, m: &EntityMatch, place: PlaceRef<'_>) {
        // A town comes after a match of the same start.
        self.write_towns_before(m.span().start);
        let e = g.entity(m.entity());
        let view = EntityView {
            start: m.span().start,
            end: m.span().end,
            text: m.span().slice(text).unwrap_or(""),
            label: e.label(),
            id: e.id(),
            canonical: e.canonical(),
            candidates: g.candidates(m).len(),
            place,
        };
        view.write(self.entities.next(), &mut self.recent);
    }

    /// Writes the towns that start before `at`.
    fn write_towns_before(&mut self, at: usize) {
        while let Some(t) = self.towns.get(self.towns_written).filter(|t| t.start < at) {
            let view = EntityView {
                start: t.start,
                end: t.end,
                text: self.text.get(t.start..t.end).unwrap_or(""),
                label: &self.town_label,
                id: &t.place.id,
                canonical: &t.place.name,
                candidates: t.candidates,
                place: PlaceRef::Place(&t.place),
            };
            view.write(self.entities.next(), &mut self.recent);
            self.towns_written += 1;
        }
    }
}

impl Sink<'_> for JsonSink<'_> {
    fn tokens(&mut self, block: &[Token<'_>]) {
        let items = block.iter().map(|t| (t.span().start, t.span().end, t.kind()));
        tokens(self.out, items, &mut self.any_token);
    }

    fn expect_entities(&mut self, count: usize) {
        // An entity's JSON averages ~270 bytes with its place.
        self.entities.buf.reserve(count * 300);
    }

    fn sentence(&mut self, span: Span) {
        sentence(self.sentences.next(), span.start, span.end);
    }

    fn towns(&mut self, _text: &str, label: &str, towns: &[Town<'_>]) {
        self.town_label = label.to_string();
        self.towns = towns
            .iter()
            .map(|t| PendingTown {
                start: t.start,
                end: t.end,
                place: t.place.clone(),
                candidates: t.candidates,
            })
            .collect();
        // Stable: in resolution's order among towns of one start.
        self.towns.sort_by_key(|t| t.start);
    }

    fn entity(&mut self, g: &Gazetteer, text: &str, m: &EntityMatch, place: Option<&Place>) {
        self.write_entity(g, text, m, place.into());
    }

    fn chosen_entity(
        &mut self,
        g: &Gazetteer,
        text: &str,
        m: &EntityMatch,
        places: &Resolved<'_>,
        i: usize,
    ) {
        // A place of the built-in table is written from its record.
        match places.table_record(i) {
            Some(record) => self.write_entity(g, text, m, PlaceRef::Table(record)),
            _ => self.write_entity(g, text, m, places.place(i).as_deref().into()),
        }
    }

    fn numbers(&mut self, text: &str, phrases: &[NumberPhrase<'_>]) {
        for p in phrases {
            let view = NumberRef::of(text, p);
            // Writing into a Vec cannot fail, nor can these records.
            let _ = serde_json::to_writer(self.numbers.next(), &view);
        }
    }

    fn casualties<'p>(
        &mut self,
        text: &str,
        facts: &[CasualtyFact],
        place_at: impl Fn(Span) -> Option<&'p Place>,
    ) {
        for f in facts {
            let view = CasualtyRef::of(text, f, |s| PlaceJson(place_at(s)));
            // Writing into a Vec cannot fail, nor can these records.
            let _ = serde_json::to_writer(self.casualties.next(), &view);
        }
    }

    fn tolls(&mut self, text: &str, tolls: &[Toll]) {
        self.tolls = Some(tolls.iter().map(|t| toll_record(text, t)).collect());
    }
}

#[cfg(test)]
pub(super) mod tests {
    use crate::analyzer::{Analyzer, Layer};
    use crate::gazetteer::Gazetteer;

    /// Texts with every kind of finding: towns the gazetteer does not list,
    /// places named again, numbers with units and nouns, facts with and
    /// without a location, tolls, odd characters; and none at all. (Also
    /// the texts of `visit.rs`'s tests.)
    pub(in crate::analyzer) const TEXTS: [&str; 9] = [
        "",
        "   \n\t ",
        "Storms hit Ames, Iowa and Elmhaven, England; 3 people died in Ames, Iowa.",
        "Shelling in Aleppo, Syria killed 27 people. Aleppo was quiet. Later Aleppo wept.",
        "Over 60 people have been killed and $5 million was pledged. In all more than 100 \
         people, mostly civilians, have been killed, 350 kilometers north of Damascus.",
        "\"Quotes\" and \\ back\u{7f}slashes \u{1} in Zürich, Switzerland: 2 dead, 7 hurt.",
        "Elmhaven and Elm Haven flooded; twelve were missing in Elmhaven.",
        "北京 and القاهرة 🙂 and Paris, Texas: five people died. 1,200 fled.",
        "Mr. Smith said 4 were killed. The toll rose to five. A.B.C. Corp. reported 2 dead.",
    ];

    /// The built-in list and a user gazetteer's town with its place columns.
    pub(in crate::analyzer) fn elmhaven() -> Gazetteer {
        let tsv = "name\tlabel\tid\tcanonical\tlat\tlon\tcountry\tadmin1\tadmin1_name\tfeature\tpopulation\n\
                   Elmhaven\tLOC\tmy:1\tElmhaven\t44.05\t-123.09\tUS\tOR\tOregon\tPPL\t5000\n\
                   Elm Haven\tLOC\tmy:1\tElmhaven\t44.05\t-123.09\tUS\tOR\tOregon\tPPL\t5000\n";
        let mut b = Gazetteer::builder();
        b.include_default(true);
        // The rows parse (the place columns are tested in tests/places.rs).
        let _ = b.add_tsv(tsv);
        b.build()
            .unwrap_or_else(|_| Gazetteer::from_tsv("Elmhaven\tLOC\tmy:1\tElmhaven\n").unwrap())
    }

    fn check(a: &Analyzer) {
        for text in TEXTS {
            let mut want = b"prefix".to_vec();
            a.analyze(text).append_json(&mut want);
            // Twice: the second time the thread's memory of places is warm.
            for _ in 0..2 {
                let mut got = b"prefix".to_vec();
                a.append_json(text, &mut got);
                assert_eq!(String::from_utf8_lossy(&got), String::from_utf8_lossy(&want), "{text}");
            }
        }
    }

    /// Analyzers with every layer: the built-in list, a user gazetteer with
    /// places, no resolution, no gazetteer. (Also used by `visit.rs`.)
    pub(in crate::analyzer) fn every_layer() -> [Analyzer; 4] {
        [
            Analyzer::new(),
            Analyzer::builder().gazetteer(elmhaven()).build(),
            Analyzer::builder().resolve_places(false).build(),
            Analyzer::builder().default_gazetteer(false).build(),
        ]
    }

    /// An analyzer for each subset of the layers, with the user gazetteer.
    pub(in crate::analyzer) fn layer_subsets() -> impl Iterator<Item = Analyzer> {
        (0..32u32).map(|mask| {
            let layers: Vec<Layer> = Layer::ALL
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, &l)| l)
                .collect();
            Analyzer::builder().layers(&layers).gazetteer(elmhaven()).build()
        })
    }

    #[test]
    fn the_bytes_of_the_document_with_every_layer() {
        every_layer().iter().for_each(check);
    }

    #[test]
    fn the_bytes_of_the_document_with_any_layers() {
        layer_subsets().for_each(|a| check(&a));
    }
}
