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
    /// `serde_json::to_writer(out, &doc)`, in less time (each resolved place
    /// is written once per thread and copied after that).
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
    pub fn write_json<W: io::Write>(&self, out: W) -> io::Result<()> {
        serde_json::to_writer(out, &DocumentJson(self)).map_err(io::Error::from)
    }
}

/// The document, with entities and casualties through the views below.
struct DocumentJson<'a>(&'a Document);

impl Serialize for DocumentJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let present = [
            d.tokens.is_some(),
            d.sentences.is_some(),
            d.entities.is_some(),
            d.numbers.is_some(),
            d.casualties.is_some(),
            d.tolls.is_some(),
        ];
        let mut st = s.serialize_struct("Document", present.iter().filter(|&&p| p).count())?;
        if let Some(v) = &d.tokens {
            st.serialize_field("tokens", v)?;
        }
        if let Some(v) = &d.sentences {
            st.serialize_field("sentences", v)?;
        }
        if let Some(v) = &d.entities {
            st.serialize_field("entities", &Each(v, EntityJson))?;
        }
        if let Some(v) = &d.numbers {
            st.serialize_field("numbers", v)?;
        }
        if let Some(v) = &d.casualties {
            st.serialize_field("casualties", &Each(v, CasualtyJson))?;
        }
        if let Some(v) = &d.tolls {
            st.serialize_field("tolls", v)?;
        }
        st.end()
    }
}

/// A list whose items are written through the view `V`.
struct Each<'a, T, V>(&'a [T], fn(&'a T) -> V);

impl<'a, T, V: Serialize> Serialize for Each<'a, T, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(self.1))
    }
}

/// An entity record as its derived `Serialize` writes it.
struct EntityJson<'a>(&'a EntityRecord);

impl Serialize for EntityJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let mut st = s.serialize_struct("EntityRecord", 8)?;
        st.serialize_field("start", &e.start)?;
        st.serialize_field("end", &e.end)?;
        st.serialize_field("text", &e.text)?;
        st.serialize_field("label", &e.label)?;
        st.serialize_field("id", &e.id)?;
        st.serialize_field("canonical", &e.canonical)?;
        st.serialize_field("candidates", &e.candidates)?;
        st.serialize_field("place", &PlaceJson(e.place.as_ref()))?;
        st.end()
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
