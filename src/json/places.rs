//! Resolved places as JSON: each written once per thread and copied after
//! that. A place of the built-in table that the analysis gives by record is
//! kept by its record number (no decoding, no hashing); other places by
//! their id, and once per document, copied from the output after that.

use crate::places::{Place, PlaceTable};
use crate::util::WordHashBuild;
use serde::ser::{Serialize, Serializer};
use serde_json::value::RawValue;
use std::borrow::{Borrow, Cow};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hash;
use std::ops::Range;

/// Places whose JSON one thread keeps; beyond it the memory starts again.
const PLACES_KEPT: usize = 1 << 16;

/// Slots of [`Recent`].
const RECENT: usize = 32;

/// The place of an entity, as a view writes it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum PlaceRef<'a> {
    /// `null`.
    None,
    /// This place.
    Place(&'a Place),
    /// Record `n` of the built-in places table (see [`table_place_json`]).
    Table(u32),
}

impl<'a> From<Option<&'a Place>> for PlaceRef<'a> {
    fn from(place: Option<&'a Place>) -> PlaceRef<'a> {
        place.map_or(PlaceRef::None, PlaceRef::Place)
    }
}

/// Places of this document whose JSON is in the buffer already, with where
/// it lies, in a slot by the address of their id (places decoded from one
/// record share it; a place in a taken slot replaces the one there): a
/// document names its places again and again, and a copy from the buffer
/// costs less than a look-up in the thread's memory. A place is kept as a
/// copy (the built-in table's borrow their strings: a copy is a few moves).
/// The slots are made on first use (a document whose places come by record
/// needs none).
#[derive(Default)]
pub(crate) struct Recent {
    slots: Vec<Option<(Place, Range<usize>)>>,
    /// The same for places of the built-in table given by record: (record,
    /// start, end) by record number.
    records: [(u32, u32, u32); RECENT],
}

impl Recent {
    /// The slot of `place`.
    fn slot(place: &Place) -> usize {
        let address = place.id.as_ptr() as usize;
        ((address >> 3) ^ (address >> 11)) % RECENT
    }

    /// Appends the JSON of the built-in table's record `record` to `buf`:
    /// copied from where `buf` has it already, else from the thread's
    /// memory by record (and remembered).
    pub(crate) fn write_record(&mut self, buf: &mut Vec<u8>, record: u32) {
        let i = record as usize % RECENT;
        if let Some(&(r, start, end)) = self.records.get(i) {
            if r == record && start < end && end as usize <= buf.len() {
                buf.extend_from_within(start as usize..end as usize);
                return;
            }
        }
        let start = buf.len();
        table_place_json(buf, record);
        let at = (u32::try_from(start), u32::try_from(buf.len()));
        if let (Some(slot), (Ok(start), Ok(end))) = (self.records.get_mut(i), at) {
            *slot = (record, start, end);
        }
    }

    /// Appends the JSON of `place` to `buf`: copied from where `buf` has it
    /// already, else from the thread's memory (and remembered).
    pub(crate) fn write(&mut self, buf: &mut Vec<u8>, place: &Place) {
        let id = (place.id.as_ptr(), place.id.len());
        let slot = Recent::slot(place);
        if self.slots.is_empty() {
            self.slots.resize(RECENT, None);
        }
        if let Some(Some((p, at))) = self.slots.get(slot) {
            if (p.id.as_ptr(), p.id.len()) == id && same_place(p, place) && at.end <= buf.len() {
                buf.extend_from_within(at.clone());
                return;
            }
        }
        let start = buf.len();
        place_json(buf, Some(place));
        if let Some(s) = self.slots.get_mut(slot) {
            *s = Some((place.clone(), start..buf.len()));
        }
    }
}

/// Appends the JSON of the place of record `record` of the built-in places
/// table, as [`place_json`] writes the decoded place: from this thread's
/// memory of the table's places by record, where it is written (and
/// decoded) the first time.
pub(crate) fn table_place_json(buf: &mut Vec<u8>, record: u32) {
    let copied = TABLE_KEPT.with(|kept| kept.try_borrow_mut().ok()?.write(buf, record));
    if copied.is_none() {
        // Never expected (nothing here re-enters): written afresh.
        place_json(buf, PlaceTable::builtin().place(record).as_ref());
    }
}

/// The JSON of the built-in table's places one thread has written, by
/// record number: at most one per record of the table (~6 MB for all).
#[derive(Default)]
struct TableKept {
    /// Per record, where its JSON lies in `json` (empty: not written yet);
    /// made the size of the table on first use.
    at: Vec<(u32, u32)>,
    json: Vec<u8>,
}

impl TableKept {
    /// Appends the JSON of record `record` to `buf`; `None` (nothing
    /// appended) when the record cannot be read.
    fn write(&mut self, buf: &mut Vec<u8>, record: u32) -> Option<()> {
        let n = record as usize;
        if let Some(&(start, end)) = self.at.get(n) {
            if end > start {
                buf.extend_from_slice(self.json.get(start as usize..end as usize)?);
                return Some(());
            }
        }
        let table = PlaceTable::builtin();
        let place = table.place(record)?;
        if self.at.len() <= n {
            self.at.resize(table.records_len().max(n + 1), (0, 0));
        }
        let start = self.json.len();
        // Writing into a Vec cannot fail, nor can a place.
        serde_json::to_writer(&mut self.json, &place).ok()?;
        let at = (u32::try_from(start).ok()?, u32::try_from(self.json.len()).ok()?);
        *self.at.get_mut(n)? = at;
        buf.extend_from_slice(self.json.get(start..)?);
        Some(())
    }
}

/// Appends the JSON of `place` (`null` for none): from this thread's memory
/// of places written before, copied straight into `buf`.
pub(crate) fn place_json(buf: &mut Vec<u8>, place: Option<&Place>) {
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

/// A place (of a casualty's location), from this thread's memory of places
/// written before. Only `serde_json` writes these views (the raw JSON means
/// nothing to other serializers), which the writers of this module guarantee.
pub(crate) struct PlaceJson<'a>(pub(crate) Option<&'a Place>);

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
    /// The built-in table's places by record.
    static TABLE_KEPT: RefCell<TableKept> = RefCell::new(TableKept::default());
    /// Places by id.
    static KEPT: RefCell<Kept<String>> = RefCell::new(HashMap::default());
    /// Places whose id is borrowed for the whole run, by the id's address
    /// and length.
    static KEPT_BY_ADDRESS: RefCell<Kept<(usize, usize)>> = RefCell::new(HashMap::default());
}

#[cfg(test)]
mod tests {
    use super::{place_json, table_place_json, Recent};
    use crate::places::PlaceTable;

    #[test]
    fn a_record_is_written_as_its_decoded_place() {
        let table = PlaceTable::builtin();
        let mut recent = Recent::default();
        let mut buf = Vec::new();
        for record in (0..table.records_len() as u32).step_by(997).chain([0, 997, 0]) {
            let mut expected = Vec::new();
            place_json(&mut expected, table.place(record).as_ref());
            let mut written = Vec::new();
            table_place_json(&mut written, record);
            assert_eq!(written, expected, "record {record}");
            // Through the document's memory: copied from the buffer when
            // written before.
            let start = buf.len();
            recent.write_record(&mut buf, record);
            assert_eq!(buf[start..], expected[..], "record {record}");
        }
    }
}
