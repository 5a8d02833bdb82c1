//! A [`Document`] written as JSON: the bytes of its `Serialize` through
//! `serde_json`, faster.
//!
//! The derived `Serialize` stays the model (and what every other format
//! uses); this writer walks the same records in the same order and differs in
//! one thing: a resolved [`Place`] is written from its JSON of earlier
//! mentions (copied from the buffer when the document named it before, else
//! from the thread's memory of places). Places repeat (one sense per
//! document, the same countries in every report) and their JSON is long
//! (nine fields, two floats), so on place resolution's output this halves
//! the writing. Tests hold the two outputs byte for byte equal.

use crate::document::{CasualtyRecord, Document, EntityRecord, LocationRecord};
use crate::places::Place;
use crate::util::WordHashBuild;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::value::RawValue;
use std::borrow::{Borrow, Cow};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hash;
use std::io;

/// Places whose JSON one thread keeps; beyond it the memory starts again.
const PLACES_KEPT: usize = 1 << 16;

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
            list(buf, v, |buf, t| {
                record(buf, |r| {
                    r.span(t.start, t.end);
                    r.literal(b",\"kind\":\"");
                    r.short(t.kind.as_str().as_bytes());
                    r.literal(b"\"}");
                })
            });
        }
        if let Some(v) = &self.sentences {
            fields.open(buf, "sentences");
            list(buf, v, |buf, s| {
                record(buf, |r| {
                    r.span(s.start, s.end);
                    r.literal(b"}");
                })
            });
        }
        if let Some(v) = &self.entities {
            fields.open(buf, "entities");
            let mut recent = Recent::default();
            buf.push(b'[');
            for (i, e) in v.iter().enumerate() {
                if i > 0 {
                    buf.push(b',');
                }
                entity(buf, e, &mut recent);
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
            let _ = serde_json::to_writer(&mut *buf, &Each(v, CasualtyJson));
        }
        if let Some(v) = &self.tolls {
            fields.open(buf, "tolls");
            let _ = serde_json::to_writer(&mut *buf, v);
        }
        buf.push(b'}');
    }
}

/// The fields of one JSON object, written one after the other.
struct Fields {
    first: bool,
}

impl Fields {
    /// Appends the separator and `"name":`.
    fn open(&mut self, buf: &mut Vec<u8>, name: &str) {
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

/// The two decimal digits of every number below 100, in order.
const DIGIT_PAIRS: [u8; 200] = {
    let mut pairs = [0u8; 200];
    let mut n = 0;
    while n < 100 {
        pairs[2 * n] = b'0' + (n / 10) as u8;
        pairs[2 * n + 1] = b'0' + (n % 10) as u8;
        n += 1;
    }
    pairs
};

/// Longest record `record` writes.
const RECORD_MAX: usize = 80;

/// Appends one short record to `buf`, written by `write` straight into a
/// window of `RECORD_MAX` bytes at its end (then cut to what was written):
/// appending each piece to the output would cost a call and a capacity check
/// per piece, and a record built elsewhere a copy of unknown length.
#[inline]
fn record(buf: &mut Vec<u8>, write: impl FnOnce(&mut Record<'_>)) {
    let at = buf.len();
    buf.resize(at + RECORD_MAX, 0);
    let window = buf.get_mut(at..).and_then(|w| <&mut [u8; RECORD_MAX]>::try_from(w).ok());
    let len = window.map_or(0, |bytes| {
        let mut r = Record { bytes, len: 0 };
        write(&mut r);
        r.len
    });
    buf.truncate(at + len);
}

/// A record being written into its window (`record`).
struct Record<'a> {
    bytes: &'a mut [u8; RECORD_MAX],
    len: usize,
}

impl Record<'_> {
    /// `{"start":START,"end":END` (the object left open).
    #[inline]
    fn span(&mut self, start: usize, end: usize) {
        self.literal(b"{\"start\":");
        self.number(start);
        self.literal(b",\"end\":");
        self.number(end);
    }

    /// Appends a fixed piece (its length known here, so the copy is a few
    /// moves). Beyond 80 bytes nothing more is written; the records written
    /// this way stay under 70.
    #[inline]
    fn literal<const N: usize>(&mut self, piece: &[u8; N]) {
        if let Some(dst) = self.bytes.get_mut(self.len..self.len + N) {
            dst.copy_from_slice(piece);
            self.len += N;
        }
    }

    /// Appends a short piece byte by byte.
    #[inline]
    fn short(&mut self, piece: &[u8]) {
        for &b in piece {
            if let Some(dst) = self.bytes.get_mut(self.len) {
                *dst = b;
                self.len += 1;
            }
        }
    }

    /// Appends a non-negative integer in decimal, as serde_json writes it:
    /// two digits a step, from a table.
    #[inline]
    fn number(&mut self, n: usize) {
        let digits = n.checked_ilog10().map_or(1, |d| d as usize + 1);
        let end = self.len + digits;
        let Some(slots) = self.bytes.get_mut(self.len..end) else { return };
        let mut n = n;
        let mut at = digits;
        while at >= 2 {
            let pair = n % 100 * 2;
            n /= 100;
            at -= 2;
            if let (Some(dst), Some(src)) =
                (slots.get_mut(at..at + 2), DIGIT_PAIRS.get(pair..pair + 2))
            {
                dst.copy_from_slice(src);
            }
        }
        if let (1, Some(first)) = (at, slots.first_mut()) {
            *first = b'0' + (n % 10) as u8;
        }
        self.len = end;
    }
}

/// Slots of [`Recent`].
const RECENT: usize = 32;

/// Places of this document whose JSON is in the buffer already, with where
/// it lies, in a slot by the address of their id (places decoded from one
/// record share it; a place in a taken slot replaces the one there): a
/// document names its places again and again, and a copy from the buffer
/// costs less than a look-up in the thread's memory.
#[derive(Default)]
struct Recent<'d> {
    slots: [Option<(&'d Place, std::ops::Range<usize>)>; RECENT],
}

impl<'d> Recent<'d> {
    /// The slot of `place`.
    fn slot(place: &Place) -> usize {
        let address = place.id.as_ptr() as usize;
        ((address >> 3) ^ (address >> 11)) % RECENT
    }

    /// Where the JSON of a place equal to `place` lies in the buffer.
    fn find(&self, place: &Place) -> Option<std::ops::Range<usize>> {
        let id = (place.id.as_ptr(), place.id.len());
        match self.slots.get(Recent::slot(place)) {
            Some(Some((p, at))) if (p.id.as_ptr(), p.id.len()) == id && same_place(p, place) => {
                Some(at.clone())
            }
            _ => None,
        }
    }

    /// Remembers that the JSON of `place` lies at `at` in the buffer.
    fn add(&mut self, place: &'d Place, at: std::ops::Range<usize>) {
        if let Some(slot) = self.slots.get_mut(Recent::slot(place)) {
            *slot = Some((place, at));
        }
    }
}

/// One entity record, as its derived `Serialize` writes it.
fn entity<'d>(buf: &mut Vec<u8>, e: &'d EntityRecord, recent: &mut Recent<'d>) {
    record(buf, |r| {
        r.span(e.start, e.end);
        r.literal(b",\"text\":");
    });
    // Writing into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *buf, &e.text);
    buf.extend_from_slice(b",\"label\":");
    let _ = serde_json::to_writer(&mut *buf, &e.label);
    buf.extend_from_slice(b",\"id\":");
    let _ = serde_json::to_writer(&mut *buf, &e.id);
    buf.extend_from_slice(b",\"canonical\":");
    let _ = serde_json::to_writer(&mut *buf, &e.canonical);
    record(buf, |r| {
        r.literal(b",\"candidates\":");
        r.number(e.candidates);
        r.literal(b",\"place\":");
    });
    match &e.place {
        Some(place) => match recent.find(place) {
            Some(at) => buf.extend_from_within(at),
            None => {
                let start = buf.len();
                place_json(buf, Some(place));
                recent.add(place, start..buf.len());
            }
        },
        None => buf.extend_from_slice(b"null"),
    }
    buf.push(b'}');
}

/// Appends the JSON of `place` (`null` for none): from this thread's memory
/// of places written before, copied straight into `buf`.
fn place_json(buf: &mut Vec<u8>, place: Option<&Place>) {
    let Some(place) = place else {
        buf.extend_from_slice(b"null");
        return;
    };
    if with_kept_json(place, |json| buf.extend_from_slice(json.get().as_bytes())).is_none() {
        // Never expected: written afresh. Writing into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *buf, place);
    }
}

/// Calls `write` with the JSON of `place`, from this thread's memory of
/// places written before (written now and remembered when new); `None` when
/// the memory is not at hand (never expected: nothing here re-enters).
fn with_kept_json<R>(place: &Place, write: impl FnOnce(&RawValue) -> R) -> Option<R> {
    match &place.id {
        // An id borrowed for the whole run (the built-in table's) is known by
        // its address: no hashing of its text, no comparing of ids.
        Cow::Borrowed(id) => KEPT_BY_ADDRESS.with(|kept| {
            let key = (id.as_ptr() as usize, id.len());
            remember(&mut *kept.try_borrow_mut().ok()?, &key, || key, place, write)
        }),
        Cow::Owned(id) => KEPT.with(|kept| {
            remember(&mut *kept.try_borrow_mut().ok()?, id.as_str(), || id.clone(), place, write)
        }),
    }
}

/// [`with_kept_json`] with the memory `kept`, where `place` is `key`.
fn remember<K, Q, R>(
    kept: &mut Kept<K>,
    key: &Q,
    owned_key: impl FnOnce() -> K,
    place: &Place,
    write: impl FnOnce(&RawValue) -> R,
) -> Option<R>
where
    K: Hash + Eq + Borrow<Q>,
    Q: Hash + Eq + ?Sized,
{
    if let Some((p, json)) = kept.get(key) {
        if same_place(p, place) {
            return Some(write(json));
        }
    }
    let json = serde_json::value::to_raw_value(place).ok()?;
    if kept.len() >= PLACES_KEPT {
        kept.clear();
    }
    let written = write(&json);
    kept.insert(owned_key(), (place.clone(), json));
    Some(written)
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

/// A place (of a casualty's location), from this thread's memory of places
/// written before. Only `serde_json` writes these views (the raw JSON means
/// nothing to other serializers), which [`Document::write_json`] guarantees.
struct PlaceJson<'a>(Option<&'a Place>);

impl Serialize for PlaceJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Some(place) = self.0 else { return s.serialize_none() };
        match with_kept_json(place, RawValue::to_owned) {
            Some(json) => s.serialize_some(&*json),
            None => s.serialize_some(place),
        }
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

/// The JSON of places one thread has written, with the place (a place of
/// the same key but other fields is written afresh). Keys are short: FNV-1a,
/// not SipHash.
type Kept<K> = HashMap<K, (Place, Box<RawValue>), WordHashBuild>;

thread_local! {
    /// Places by id.
    static KEPT: RefCell<Kept<String>> = RefCell::new(HashMap::default());
    /// Places whose id is borrowed for the whole run, by the id's address
    /// and length.
    static KEPT_BY_ADDRESS: RefCell<Kept<(usize, usize)>> = RefCell::new(HashMap::default());
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
            super::record(&mut buf, |r| r.number(n));
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
