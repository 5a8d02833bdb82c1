//! A [`Document`] written as JSON: the bytes of its `Serialize` through
//! `serde_json`, faster.
//!
//! The derived `Serialize` stays the model (and what every other format
//! uses); this writer walks the same records in the same order and differs in
//! one thing: a resolved [`Place`](crate::places::Place) is written from its JSON of earlier
//! mentions (copied from the buffer when the document named it before, else
//! from the thread's memory of places). Places repeat (one sense per
//! document, the same countries in every report) and their JSON is long
//! (nine fields, two floats), so on place resolution's output this halves
//! the writing. Tests hold the two outputs byte for byte equal.

mod places;
mod record;
mod views;

pub(crate) use places::{PlaceJson, PlaceRef, Recent};
pub(crate) use record::{sentence, tokens};
pub(crate) use views::EntityView;
pub use views::{CasualtyRef, CountRef, LocationRef, NumberRef, SpanRef};

use crate::document::Document;
use serde::ser::{Serialize, Serializer};
use std::io;

impl Document {
    /// Writes the document as compact JSON: exactly the bytes of
    /// `serde_json::to_writer(out, &doc)`, in less time (see
    /// [`append_json`](Self::append_json)).
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
        let mut buf = Vec::new();
        self.append_json(&mut buf);
        out.write_all(&buf)
    }

    /// Appends the document as compact JSON to `buf`: exactly the bytes of
    /// `serde_json::to_writer(buf, &doc)`, in less time (the commonest
    /// records are written by hand, and each resolved place is written once
    /// per thread and copied after that).
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = textfacts::Analyzer::new().analyze("Over 60 people were killed in Aleppo.");
    /// let mut json = b"[".to_vec();
    /// doc.append_json(&mut json);
    /// assert_eq!(&json[1..], serde_json::to_vec(&doc).unwrap());
    /// ```
    pub fn append_json(&self, buf: &mut Vec<u8>) {
        // Room for the usual sizes at once, not by doubling (a doubling
        // copies all written so far). On news a token's record averages 40
        // bytes, a sentence's 26, an entity's 266 with its place, a number's
        // 190 and a fact's 384; each is given a tenth more.
        buf.reserve(
            44 * self.tokens().len()
                + 30 * self.sentences().len()
                + 300 * self.entities().len()
                + 210 * self.numbers().len()
                + 430 * self.casualties().len()
                + 64,
        );
        let mut fields = Fields { first: true };
        buf.push(b'{');
        if let Some(v) = &self.tokens {
            fields.open(buf, "tokens");
            buf.push(b'[');
            tokens(buf, v.iter().map(|t| (t.start, t.end, t.kind)), &mut false);
            buf.push(b']');
        }
        if let Some(v) = &self.sentences {
            fields.open(buf, "sentences");
            list(buf, v, |buf, s| sentence(buf, s.start, s.end));
        }
        if let Some(v) = &self.entities {
            fields.open(buf, "entities");
            let mut recent = Recent::default();
            buf.push(b'[');
            for (i, e) in v.iter().enumerate() {
                if i > 0 {
                    buf.push(b',');
                }
                EntityView::from(e).write(buf, &mut recent);
            }
            buf.push(b']');
        }
        // Writing into a Vec cannot fail, nor can these records.
        if let Some(v) = &self.numbers {
            fields.open(buf, "numbers");
            let _ = serde_json::to_writer(&mut *buf, v);
        }
        if let Some(v) = &self.casualties {
            fields.open(buf, "casualties");
            let _ = serde_json::to_writer(&mut *buf, &Each(v, CasualtyRef::json));
        }
        if let Some(v) = &self.tolls {
            fields.open(buf, "tolls");
            let _ = serde_json::to_writer(&mut *buf, v);
        }
        buf.push(b'}');
    }
}

/// The fields of one JSON object, written one after the other.
pub(crate) struct Fields {
    pub(crate) first: bool,
}

impl Fields {
    /// Appends the separator and `"name":`.
    pub(crate) fn open(&mut self, buf: &mut Vec<u8>, name: &str) {
        if !std::mem::take(&mut self.first) {
            buf.push(b',');
        }
        buf.push(b'"');
        buf.extend_from_slice(name.as_bytes());
        buf.extend_from_slice(b"\":");
    }
}

/// A JSON array of `items`, each appended by `item`.
fn list<T>(buf: &mut Vec<u8>, items: &[T], mut item: impl FnMut(&mut Vec<u8>, &T)) {
    buf.push(b'[');
    for (i, t) in items.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        item(buf, t);
    }
    buf.push(b']');
}

/// A list whose items are written through the view `V`.
struct Each<'a, T, V>(&'a [T], fn(&'a T) -> V);

impl<'a, T, V: Serialize> Serialize for Each<'a, T, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(self.1))
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
    fn a_place_named_again_with_other_fields_is_written_afresh() {
        let a = Analyzer::new();
        let doc = a.analyze("Shelling in Aleppo. Aleppo was quiet. Later Aleppo wept.");
        let mut other = doc.clone();
        // The second mention keeps the first's id (same address), not its name.
        if let Some(p) = other.entities.as_mut().and_then(|e| e.get_mut(1)?.place.as_mut()) {
            p.name = "Not Aleppo".into();
        }
        for d in [&doc, &other] {
            let mut json = Vec::new();
            d.write_json(&mut json).unwrap();
            assert_eq!(String::from_utf8(json).unwrap(), serde_json::to_string(d).unwrap());
        }
    }

    #[test]
    fn numbers_as_serde_json_writes_them() {
        for n in [0, 7, 9, 10, 99, 100, 12_345, usize::MAX / 7, usize::MAX] {
            let mut buf = b"x".to_vec();
            super::record::record(&mut buf, |r| r.number(n));
            assert_eq!(buf[1..], serde_json::to_vec(&n).unwrap());
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
