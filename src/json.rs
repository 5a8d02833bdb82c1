//! A [`Document`] written as JSON: the bytes of its `Serialize` through
//! `serde_json`, faster.
//!
//! The derived `Serialize` stays the model (and what every other format
//! uses); this writer walks the same records in the same order and differs in
//! one thing: a resolved [`Place`] is written from its JSON of earlier
//! mentions. Places repeat (one sense per document, the same countries in
//! every report) and their JSON is long (nine fields, two floats), so on place
//! resolution's output this halves the writing. Tests hold the two outputs
//! byte for byte equal.

use crate::document::{CasualtyRecord, Document, EntityRecord, LocationRecord};
use crate::places::Place;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::value::RawValue;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io;

/// Places whose JSON one thread keeps; beyond it the memory starts again.
const PLACES_KEPT: usize = 1 << 16;

impl Document {
    /// Writes the document as compact JSON: exactly the bytes of
    /// `serde_json::to_writer(out, &doc)`, in less time (the commonest
    /// records are written by hand, and each resolved place is written once
    /// per thread and copied after that).
    ///
    /// # Errors
    ///
    /// The writer's errors.
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = textfacts::Analyzer::new().analyze("Shelling in Aleppo killed 27 people.");
    /// let mut json = Vec::new();
    /// doc.write_json(&mut json)?;
    /// assert_eq!(json, serde_json::to_vec(&doc).unwrap());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn write_json<W: io::Write>(&self, mut out: W) -> io::Result<()> {
        let out = &mut out;
        let mut fields = Fields { first: true };
        out.write_all(b"{")?;
        if let Some(v) = &self.tokens {
            fields.open(out, "tokens")?;
            list(out, v, |out, t| {
                span(out, t.start, t.end)?;
                out.write_all(b",\"kind\":\"")?;
                out.write_all(t.kind.as_str().as_bytes())?;
                out.write_all(b"\"}")
            })?;
        }
        if let Some(v) = &self.sentences {
            fields.open(out, "sentences")?;
            list(out, v, |out, s| {
                span(out, s.start, s.end)?;
                out.write_all(b"}")
            })?;
        }
        if let Some(v) = &self.entities {
            fields.open(out, "entities")?;
            list(out, v, write_entity)?;
        }
        if let Some(v) = &self.numbers {
            fields.open(out, "numbers")?;
            serde_json::to_writer(&mut *out, v)?;
        }
        if let Some(v) = &self.casualties {
            fields.open(out, "casualties")?;
            serde_json::to_writer(&mut *out, &Each(v, CasualtyJson))?;
        }
        if let Some(v) = &self.tolls {
            fields.open(out, "tolls")?;
            serde_json::to_writer(&mut *out, v)?;
        }
        out.write_all(b"}")
    }
}

/// The fields of one JSON object, written one after the other.
struct Fields {
    first: bool,
}

impl Fields {
    /// Writes the separator and `"name":`.
    fn open(&mut self, out: &mut impl io::Write, name: &str) -> io::Result<()> {
        if !std::mem::take(&mut self.first) {
            out.write_all(b",")?;
        }
        out.write_all(b"\"")?;
        out.write_all(name.as_bytes())?;
        out.write_all(b"\":")
    }
}

/// A JSON array of `items`, each written by `item`.
fn list<W: io::Write, T>(
    out: &mut W,
    items: &[T],
    mut item: impl FnMut(&mut W, &T) -> io::Result<()>,
) -> io::Result<()> {
    out.write_all(b"[")?;
    for (i, t) in items.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        item(out, t)?;
    }
    out.write_all(b"]")
}

/// `{"start":START,"end":END` (the object left open).
fn span(out: &mut impl io::Write, start: usize, end: usize) -> io::Result<()> {
    out.write_all(b"{\"start\":")?;
    number(out, start)?;
    out.write_all(b",\"end\":")?;
    number(out, end)
}

/// A non-negative integer in decimal, as serde_json writes it.
fn number(out: &mut impl io::Write, mut n: usize) -> io::Result<()> {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    out.write_all(digits.get(at..).unwrap_or(&[]))
}

/// One entity record, as its derived `Serialize` writes it.
fn write_entity<W: io::Write>(out: &mut W, e: &EntityRecord) -> io::Result<()> {
    span(out, e.start, e.end)?;
    out.write_all(b",\"text\":")?;
    serde_json::to_writer(&mut *out, &e.text)?;
    out.write_all(b",\"label\":")?;
    serde_json::to_writer(&mut *out, &e.label)?;
    out.write_all(b",\"id\":")?;
    serde_json::to_writer(&mut *out, &e.id)?;
    out.write_all(b",\"canonical\":")?;
    serde_json::to_writer(&mut *out, &e.canonical)?;
    out.write_all(b",\"candidates\":")?;
    number(out, e.candidates)?;
    out.write_all(b",\"place\":")?;
    serde_json::to_writer(&mut *out, &PlaceJson(e.place.as_ref()))?;
    out.write_all(b"}")
}

/// A list whose items are written through the view `V`.
struct Each<'a, T, V>(&'a [T], fn(&'a T) -> V);

impl<'a, T, V: Serialize> Serialize for Each<'a, T, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(self.1))
    }
}

/// A casualty record as its derived `Serialize` writes it.
struct CasualtyJson<'a>(&'a CasualtyRecord);

impl Serialize for CasualtyJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut st = s.serialize_struct("CasualtyRecord", 5)?;
        st.serialize_field("outcome", &c.outcome)?;
        st.serialize_field("count", &c.count)?;
        st.serialize_field("victims", &c.victims)?;
        st.serialize_field("location", &c.location.as_ref().map(LocationJson))?;
        st.serialize_field("hedged", &c.hedged)?;
        st.end()
    }
}

/// A casualty location as its derived `Serialize` writes it.
struct LocationJson<'a>(&'a LocationRecord);

impl Serialize for LocationJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let l = self.0;
        let mut st = s.serialize_struct("LocationRecord", 4)?;
        st.serialize_field("start", &l.start)?;
        st.serialize_field("end", &l.end)?;
        st.serialize_field("text", &l.text)?;
        st.serialize_field("place", &PlaceJson(l.place.as_ref()))?;
        st.end()
    }
}

/// A place, from this thread's memory of places written before. Only
/// `serde_json` writes these views (the raw JSON means nothing to other
/// serializers), which [`Document::write_json`] guarantees.
struct PlaceJson<'a>(Option<&'a Place>);

impl Serialize for PlaceJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Some(place) = self.0 else { return s.serialize_none() };
        KEPT.with(|kept| {
            let Ok(mut kept) = kept.try_borrow_mut() else {
                // Never expected (nothing here re-enters): write it afresh.
                return s.serialize_some(place);
            };
            if let Some((p, json)) = kept.get(&*place.id) {
                if same_place(p, place) {
                    return s.serialize_some(&**json);
                }
            }
            let Ok(json) = serde_json::value::to_raw_value(place) else {
                return s.serialize_some(place);
            };
            if kept.len() >= PLACES_KEPT {
                kept.clear();
            }
            let written = s.serialize_some(&*json);
            kept.insert(place.id.to_string(), (place.clone(), json));
            written
        })
    }
}

/// Whether two places are equal, field by field; a string the two share (the
/// built-in table's places are all borrowed from one image) is not read.
fn same_place(a: &Place, b: &Place) -> bool {
    let same = |x: &str, y: &str| (x.as_ptr() == y.as_ptr() && x.len() == y.len()) || x == y;
    same(&a.id, &b.id)
        && same(&a.name, &b.name)
        && a.lat == b.lat
        && a.lon == b.lon
        && same(&a.country, &b.country)
        && same(&a.admin1, &b.admin1)
        && same(&a.admin1_name, &b.admin1_name)
        && same(&a.feature, &b.feature)
        && a.population == b.population
}

thread_local! {
    /// The JSON of places this thread has written, by id, with the place
    /// (a place of the same id but other fields is written afresh).
    static KEPT: RefCell<HashMap<String, (Place, Box<RawValue>), Fnv>> =
        RefCell::new(HashMap::default());
}

/// FNV-1a: ids are short ASCII strings hashed once per mention; SipHash's
/// resistance to chosen keys buys nothing for a table of places.
type Fnv = BuildHasherDefault<FnvHasher>;

/// The state of one FNV-1a hash.
struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for FnvHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use crate::analyzer::Analyzer;

    #[test]
    fn the_bytes_of_serde_json() {
        let texts = [
            "",
            "Shelling in Aleppo, Syria killed 27 people. Aleppo was quiet later.",
            "Two people died in Paris, Texas, and 3 in Paris. Syrian forces left.",
            "\"Quotes\" and \\ back\u{7f}slashes \u{1} in Zürich, Switzerland",
        ];
        let a = Analyzer::new();
        for text in texts {
            let doc = a.analyze(text);
            // Twice: once written afresh, once from memory.
            for _ in 0..2 {
                let mut json = Vec::new();
                doc.write_json(&mut json).unwrap();
                assert_eq!(String::from_utf8(json).unwrap(), serde_json::to_string(&doc).unwrap());
            }
        }
    }

    #[test]
    fn numbers_as_serde_json_writes_them() {
        for n in [0, 7, 9, 10, 99, 100, 12_345, usize::MAX / 7, usize::MAX] {
            let mut out = Vec::new();
            super::number(&mut out, n).unwrap();
            assert_eq!(out, serde_json::to_vec(&n).unwrap());
        }
    }

    #[test]
    fn a_place_of_the_same_id_with_other_fields_is_written_afresh() {
        let a = Analyzer::new();
        let doc = a.analyze("Shelling in Aleppo.");
        let mut json = Vec::new();
        doc.write_json(&mut json).unwrap();
        let mut other = doc.clone();
        if let Some(p) = other.entities.as_mut().and_then(|e| e.first_mut()?.place.as_mut()) {
            p.name = "Not Aleppo".into();
            p.lat = 1.5;
        }
        let mut json = Vec::new();
        other.write_json(&mut json).unwrap();
        assert_eq!(String::from_utf8(json).unwrap(), serde_json::to_string(&other).unwrap());
    }
}
