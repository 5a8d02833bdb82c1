//! The built-in places table: the GeoNames place of every entity of the
//! built-in gazetteer (`data/default-places.tsv`, generated with the list by
//! `tools/build_default_gazetteer.py`).
//!
//! Each row names an entity id (`geonames:170063`, a US county's `fips:…`, a
//! demonym's `norp:geonames:…`) and the place it stands for. Like the
//! gazetteer, the table is embedded compiled (`data/default-places.image`:
//! strings once each, fixed-size records sorted by entity id, and the record
//! of each built-in entity by number); a test rebuilds the image from the TSV
//! and fails when it is stale (`TEXTFACTS_WRITE_IMAGE=1` rewrites it).
//!
//! Nothing is decoded at load (the strings' UTF-8 is checked once, well
//! under a millisecond): the table is the image's sections, read in place.
//! Beside each candidate list of the built-in gazetteer lies a run of
//! [`Slot`]s, one per candidate (its entity, label, record and
//! [`PlaceKey`]: strings by number, its kind, its population), so that the
//! resolution rules read a match's candidates as one run of 32-byte slots
//! (`Gazetteer::candidate_range`), not a word, a key and the gazetteer's
//! entity each at random; only the chosen place is decoded into a [`Place`]
//! from the rest of its record, its strings borrowed from the image (no
//! allocation).

use super::Place;
use crate::gazetteer::image::ImageReader;
use crate::gazetteer::{EntityId, Gazetteer};
use std::borrow::Cow;
use std::collections::HashMap;

/// The compiled table.
const DEFAULT_IMAGE: &[u8] = include_bytes!("../../data/default-places.image");
/// First bytes of the image; the number changes with the layout.
const MAGIC: &[u8; 16] = b"textfacts-plc-05";
/// Bytes per key: place id, country, admin1 (string numbers), kind, all
/// u32; population, u64.
const KEY: usize = 24;
/// Bytes per rest of a record: the entity id (a town's folded name), name,
/// admin1 name and feature (string numbers, u32), lat, lon (f64).
const REST: usize = 32;
/// Bytes per town record: its key, then the rest.
const RECORD: usize = KEY + REST;
/// Bytes per candidate slot: the key (its kind's word carries the label's
/// number in its second byte), the record and the entity, u32 each.
const SLOT: usize = KEY + 8;
/// The bits of a key's kind word that give the kind (a slot's next byte
/// gives its label).
const KIND_BITS: u32 = 0xff;
/// No record for this built-in entity.
pub(crate) const NONE: u32 = u32::MAX;
/// The number of the empty string: the image's first string.
pub(crate) const EMPTY: u32 = 0;
/// A string's length up to this is one byte before it; longer, two.
const SHORT: usize = 0x40;

/// What a place is, as the rules ask it (from its GeoNames feature code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A populated place, a region, anything else.
    Other = 0,
    /// A country, dependent territory or continent (`PCL*`, `CONT`).
    Country = 1,
    /// A first-level division (`ADM1`).
    Adm1 = 2,
    /// Another division (`ADM2`, `ADM1H`, ...).
    Division = 3,
}

impl Kind {
    /// The kind of feature code `feature` (as [`Place::is_country`] and
    /// [`Place::is_division`] tell them).
    pub(crate) fn of_feature(feature: &str) -> Kind {
        if feature.starts_with("PCL") || feature == "CONT" {
            Kind::Country
        } else if feature == "ADM1" {
            Kind::Adm1
        } else if feature.starts_with("ADM") {
            Kind::Division
        } else {
            Kind::Other
        }
    }

    fn from_u32(n: u32) -> Option<Kind> {
        [Kind::Other, Kind::Country, Kind::Adm1, Kind::Division].get(n as usize).copied()
    }
}

/// What the resolution rules compare of a place (24 bytes): its id, country
/// and first-level division as string numbers (equal strings, equal
/// numbers; [`EMPTY`] for none), its kind and population.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PlaceKey {
    pub(crate) id: u32,
    pub(crate) country: u32,
    pub(crate) admin1: u32,
    pub(crate) kind: Kind,
    pub(crate) population: u64,
}

impl PlaceKey {
    /// A country, dependent territory or continent.
    pub(crate) fn is_country(&self) -> bool {
        self.kind == Kind::Country
    }

    /// A first- or lower-level division.
    pub(crate) fn is_division(&self) -> bool {
        matches!(self.kind, Kind::Adm1 | Kind::Division)
    }

    /// A country or a first-level division: what may qualify a town.
    pub(crate) fn is_qualifier(&self) -> bool {
        matches!(self.kind, Kind::Country | Kind::Adm1)
    }
}

/// Places by entity id: the image's sections, read in place.
#[derive(Debug, Default)]
pub(crate) struct PlaceTable {
    /// The strings, each once, one after the other, each after its length
    /// (see [`PlaceTable::entry`]); a string's number is where it starts,
    /// so that equal strings have equal numbers and reading one is one
    /// access. Checked UTF-8 once, at load (the lengths are ASCII).
    arena: &'static str,
    /// The labels of the built-in gazetteer (string numbers, u32 each).
    labels: &'static [u8],
    /// The keys of the records, sorted by entity id.
    keys: &'static [u8],
    /// The rest of each record, in the same order.
    rests: &'static [u8],
    /// Parallel to the built-in gazetteer's candidate lists
    /// (`Gazetteer::candidate_lists`), a [`Slot`] per candidate.
    slots: &'static [u8],
    /// Towns the built-in list does not name, by folded name, then
    /// population (descending), for "Town, State" and "Town, Country" only.
    towns: &'static [u8],
    /// The first eight bytes of each town's folded name, big-endian (so
    /// that they sort as the names do): a dense array to search.
    town_prefixes: &'static [u8],
    /// The number of every string, built on first use (only for gazetteers
    /// whose own rows give places).
    numbers: once_cell::sync::OnceCell<HashMap<&'static str, u32>>,
    /// Where the towns whose names start with each two bytes begin (by the
    /// prefix's top 16 bits; one more for the end), built on first use: a
    /// look-up searches the towns of its first two letters only, in a few
    /// cache lines, not the whole array.
    town_buckets: once_cell::sync::OnceCell<Vec<u32>>,
}

/// The little-endian u32 number `i` of `bytes`.
fn u32_at(bytes: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(i * 4..i * 4 + 4)?.try_into().ok()?))
}

/// The little-endian u64 at byte `at` of `bytes`.
fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

/// The first eight bytes of `s`, big-endian, zero-padded.
fn prefix(s: &str) -> u64 {
    let mut packed = [0u8; 8];
    for (slot, &b) in packed.iter_mut().zip(s.as_bytes()) {
        *slot = b;
    }
    u64::from_be_bytes(packed)
}

/// The key of `rec` (its first `KEY` bytes).
fn key(rec: &[u8]) -> Option<PlaceKey> {
    Some(PlaceKey {
        id: u32_at(rec, 0)?,
        country: u32_at(rec, 1)?,
        admin1: u32_at(rec, 2)?,
        kind: Kind::from_u32(u32_at(rec, 3)? & KIND_BITS)?,
        population: u64_at(rec, 16)?,
    })
}

/// What the table holds of one candidate of the built-in gazetteer: the
/// entity, its label's number, its place's record and key.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Slot {
    pub(crate) entity: EntityId,
    pub(crate) label: u8,
    /// [`NONE`] when the entity has no place (then `key` is empty).
    pub(crate) record: u32,
    pub(crate) key: PlaceKey,
}

impl Slot {
    /// The slot of `bytes` (`SLOT` of them; an unknown kind reads as
    /// [`Kind::Other`], never expected: the image is checked by a test).
    #[inline]
    fn read(bytes: &[u8; SLOT]) -> Slot {
        let word = |i: usize| {
            let at = i * 4;
            u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
        };
        let population = u64::from(word(4)) | u64::from(word(5)) << 32;
        Slot {
            entity: EntityId::from_u32(word(7)),
            label: (word(3) >> 8) as u8,
            record: word(6),
            key: PlaceKey {
                id: word(0),
                country: word(1),
                admin1: word(2),
                kind: Kind::from_u32(word(3) & KIND_BITS).unwrap_or(Kind::Other),
                population,
            },
        }
    }
}

impl PlaceTable {
    /// The built-in table (empty should the image ever be unreadable).
    pub(crate) fn builtin() -> &'static PlaceTable {
        static TABLE: once_cell::sync::Lazy<PlaceTable> = once_cell::sync::Lazy::new(|| {
            PlaceTable::read_image(DEFAULT_IMAGE).unwrap_or_default()
        });
        &TABLE
    }

    /// Reads the image's sections, or `None` when they are inconsistent
    /// (a string or record out of range is found on use, as `None`).
    fn read_image(bytes: &'static [u8]) -> Option<PlaceTable> {
        let mut r = ImageReader::new(bytes.strip_prefix(MAGIC)?);
        // One check of the whole arena (about a millisecond) instead of one
        // per string read.
        let arena = std::str::from_utf8(r.bytes()?).ok()?;
        let labels = r.section(4)?;
        let keys = r.section(KEY)?;
        let rests = r.section(REST)?;
        let slots = r.section(SLOT)?;
        let towns = r.section(RECORD)?;
        let town_prefixes = r.section(8)?;
        let consistent = arena.as_bytes().first() == Some(&0)
            && keys.len() / KEY == rests.len() / REST
            && towns.len() / RECORD == town_prefixes.len() / 8
            && r.is_done();
        let numbers = once_cell::sync::OnceCell::new();
        consistent.then_some(PlaceTable {
            arena,
            labels,
            keys,
            rests,
            slots,
            towns,
            town_prefixes,
            numbers,
            town_buckets: once_cell::sync::OnceCell::new(),
        })
    }

    /// The string at byte `at` of the arena and where the next one starts.
    /// Its length comes first: one byte below `SHORT` (0 to 63 bytes), or
    /// two, `SHORT + len / 128` and `len % 128` (up to 8,191 bytes).
    fn entry(&self, at: usize) -> Option<(&'static str, usize)> {
        let bytes = self.arena.as_bytes();
        let first = usize::from(*bytes.get(at)?);
        let (len, start) = if first < SHORT {
            (first, at + 1)
        } else {
            let low = usize::from(*bytes.get(at + 1)?);
            ((first.checked_sub(SHORT)? << 7) | low, at + 2)
        };
        let end = start.checked_add(len)?;
        Some((self.arena.get(start..end)?, end))
    }

    /// String number `n`.
    #[inline]
    fn string(&self, n: u32) -> Option<&'static str> {
        Some(self.entry(n as usize)?.0)
    }

    /// Whether `key` lies in the first-level division of `country` whose
    /// code is `admin1` ("US", "FL"), compared as strings.
    pub(crate) fn in_division(&self, key: &PlaceKey, country: &str, admin1: &str) -> bool {
        self.string(key.admin1) == Some(admin1) && self.string(key.country) == Some(country)
    }

    /// The number of string `s`, if the table holds it.
    pub(crate) fn number(&self, s: &str) -> Option<u32> {
        let numbers = self.numbers.get_or_init(|| {
            let mut numbers = HashMap::new();
            let mut at = 0;
            while let Some((s, next)) = self.entry(at) {
                numbers.insert(s, u32::try_from(at).unwrap_or(u32::MAX));
                at = next;
            }
            numbers
        });
        numbers.get(s).copied()
    }

    /// Item `n` of `size` bytes of `section`.
    fn item(section: &'static [u8], size: usize, n: u32) -> Option<&'static [u8]> {
        let at = (n as usize).checked_mul(size)?;
        section.get(at..at.checked_add(size)?)
    }

    /// The place of key `key` and rest `rest`, decoded.
    fn decode(&self, key: &[u8], rest: &[u8]) -> Option<Place> {
        let s = |bytes: &[u8], i: usize| self.string(u32_at(bytes, i)?);
        let f64_at = |at: usize| Some(f64::from_bits(u64_at(rest, at)?));
        Some(Place {
            id: Cow::Borrowed(s(key, 0)?),
            name: Cow::Borrowed(s(rest, 1)?),
            lat: f64_at(16)?,
            lon: f64_at(24)?,
            country: Cow::Borrowed(s(key, 1)?),
            admin1: Cow::Borrowed(s(key, 2)?),
            admin1_name: Cow::Borrowed(s(rest, 2)?),
            feature: Cow::Borrowed(s(rest, 3)?),
            population: u64_at(key, 16)?,
        })
    }

    /// The number of records (of places by entity id, not towns; for the
    /// JSON route's memory by record).
    #[cfg(feature = "serde")]
    pub(crate) fn records_len(&self) -> usize {
        self.keys.len() / KEY
    }

    /// The number of candidate slots: the length of the built-in
    /// gazetteer's `candidate_lists`, whose slots these are.
    pub(crate) fn slots_len(&self) -> usize {
        self.slots.len() / SLOT
    }

    /// The slots `range` (a built-in match's `candidate_range`), in order;
    /// none out of range.
    #[inline]
    pub(crate) fn slots(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = Slot> {
        let bytes = match (range.start.checked_mul(SLOT), range.end.checked_mul(SLOT)) {
            (Some(a), Some(b)) => self.slots.get(a..b).unwrap_or(&[]),
            _ => &[],
        };
        bytes.chunks_exact(SLOT).filter_map(|s| Some(Slot::read(s.try_into().ok()?)))
    }

    /// Label number `n` of the built-in gazetteer.
    pub(crate) fn label(&self, n: u8) -> Option<&'static str> {
        self.string(u32_at(self.labels, usize::from(n))?)
    }

    /// The key of record `n`.
    #[inline]
    pub(crate) fn key(&self, n: u32) -> Option<PlaceKey> {
        key(PlaceTable::item(self.keys, KEY, n)?)
    }

    /// The record number and key of the place of entity `entity` of
    /// gazetteer `g`, if the table has one for its id.
    pub(crate) fn get(&self, g: &Gazetteer, entity: EntityId) -> Option<(u32, PlaceKey)> {
        let n = self.by_id(g.entity(entity).id())?;
        Some((n, self.key(n)?))
    }

    /// The place of record `n` (a number [`get`](Self::get) gave).
    pub(crate) fn place(&self, n: u32) -> Option<Place> {
        let key = PlaceTable::item(self.keys, KEY, n)?;
        self.decode(key, PlaceTable::item(self.rests, REST, n)?)
    }

    /// The towns whose folded name ([`Gazetteer::normalize`]) is `name`,
    /// most populous first: their town numbers and keys.
    pub(crate) fn towns_named(&self, name: &str) -> Vec<(u32, PlaceKey)> {
        let p = prefix(name);
        let len = self.town_prefixes.len() / 8;
        let at = |i: usize| u64_at(self.town_prefixes, i * 8).unwrap_or(u64::MAX);
        // The run of towns whose names share the first eight bytes, then
        // those whose whole name is `name` (a run: names are sorted), searched
        // among the towns of the same first two bytes.
        let buckets = self.town_buckets.get_or_init(|| {
            // Counted per bucket, then summed: `starts[b]` is the number
            // of towns in the buckets before `b` (the prefixes are sorted).
            let mut starts = vec![0u32; (1 << 16) + 1];
            for i in 0..len {
                if let Some(count) = starts.get_mut((at(i) >> 48) as usize + 1) {
                    *count += 1;
                }
            }
            let mut sum = 0u32;
            for start in &mut starts {
                sum += *start;
                *start = sum;
            }
            starts
        });
        let bucket = (p >> 48) as usize;
        let (mut lo, mut hi) = match (buckets.get(bucket), buckets.get(bucket + 1)) {
            (Some(&lo), Some(&hi)) => (lo as usize, (hi as usize).min(len)),
            _ => (0, len),
        };
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if at(mid) < p {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let mut out = Vec::new();
        for n in lo..len {
            if at(n) != p {
                break;
            }
            let Some(rec) = PlaceTable::item(self.towns, RECORD, n as u32) else { break };
            match u32_at(rec, 6).and_then(|s| self.string(s)).map(|s| s.cmp(name)) {
                Some(std::cmp::Ordering::Equal) => {
                    if let Some(k) = key(rec) {
                        out.push((n as u32, k));
                    }
                }
                Some(std::cmp::Ordering::Greater) | None => break,
                Some(std::cmp::Ordering::Less) => {}
            }
        }
        out
    }

    /// Town number `n` (a number [`towns_named`](Self::towns_named) gave).
    pub(crate) fn town(&self, n: u32) -> Option<Place> {
        let rec = PlaceTable::item(self.towns, RECORD, n)?;
        self.decode(rec.get(..KEY)?, rec.get(KEY..)?)
    }

    /// The record number of the entity with external id `entity_id`.
    pub(crate) fn by_id(&self, entity_id: &str) -> Option<u32> {
        let (mut lo, mut hi) = (0, self.rests.len() / REST);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let rest = PlaceTable::item(self.rests, REST, mid as u32)?;
            match self.string(u32_at(rest, 0)?)?.cmp(entity_id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return u32::try_from(mid).ok(),
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::image::{self, ImageWriter};

    const DEFAULT_PLACES: &str = include_str!("../../data/default-places.tsv");

    /// The image of the TSV, for the built-in gazetteer's entity numbers.
    fn write_image() -> Vec<u8> {
        let mut rows: Vec<Vec<&str>> = DEFAULT_PLACES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| l.split('\t').collect())
            .collect();
        assert!(rows.iter().all(|r| r.len() == 10), "rows of 10 fields");
        let (town_rows, mut rows): (Vec<_>, Vec<_>) =
            rows.drain(..).partition(|r| r[0].starts_with("town:"));
        rows.sort_by(|a, b| a[0].cmp(b[0]));
        // Towns by folded name, then population (descending), then id.
        let folded: Vec<&'static str> = town_rows
            .iter()
            .map(|r| &*Box::leak(Gazetteer::normalize(&r[0]["town:".len()..]).into_boxed_str()))
            .collect();
        let mut towns: Vec<(&str, &Vec<&str>)> = folded.into_iter().zip(&town_rows).collect();
        towns.sort_by(|a, b| {
            let pop = |r: &Vec<&str>| r[9].parse::<u64>().unwrap();
            a.0.cmp(b.0).then(pop(b.1).cmp(&pop(a.1))).then(a.1[1].cmp(b.1[1]))
        });
        // Strings once each, each after its length, the empty string first
        // (number EMPTY).
        let mut arena = String::new();
        let mut number: HashMap<&str, u32> = HashMap::new();
        let mut intern = |s: &'static str| {
            *number.entry(s).or_insert_with(|| {
                let at = u32::try_from(arena.len()).unwrap();
                let len = s.len();
                if len < SHORT {
                    arena.push(char::from(len as u8));
                } else {
                    assert!(len < (0x80 - SHORT) << 7, "string too long: {s}");
                    arena.push(char::from((SHORT + (len >> 7)) as u8));
                    arena.push(char::from((len & 0x7f) as u8));
                }
                arena.push_str(s);
                at
            })
        };
        assert_eq!(intern(""), EMPTY);
        // The key (place id, country, admin1, kind, population) to `keys`,
        // the rest to `rests`.
        let mut record = |keys: &mut Vec<u8>,
                          rests: &mut Vec<u8>,
                          first: &'static str,
                          r: &Vec<&'static str>| {
            let (k, o) = (keys.len(), rests.len());
            for i in [1, 5, 6] {
                keys.extend_from_slice(&intern(r[i]).to_le_bytes());
            }
            keys.extend_from_slice(&(Kind::of_feature(r[8]) as u32).to_le_bytes());
            keys.extend_from_slice(&r[9].parse::<u64>().unwrap().to_le_bytes());
            rests.extend_from_slice(&intern(first).to_le_bytes());
            for i in [2, 7, 8] {
                rests.extend_from_slice(&intern(r[i]).to_le_bytes());
            }
            rests.extend_from_slice(&r[3].parse::<f64>().unwrap().to_le_bytes());
            rests.extend_from_slice(&r[4].parse::<f64>().unwrap().to_le_bytes());
            assert_eq!((keys.len() - k, rests.len() - o), (KEY, REST));
        };
        let (mut keys, mut rests) = (Vec::new(), Vec::new());
        for r in &rows {
            record(&mut keys, &mut rests, r[0], r);
        }
        // A town's record is its key then the rest.
        let mut town_records = Vec::new();
        for (key, r) in &towns {
            let (mut k, mut o) = (Vec::new(), Vec::new());
            record(&mut k, &mut o, key, r);
            town_records.extend_from_slice(&k);
            town_records.extend_from_slice(&o);
        }
        // Per candidate of the built-in gazetteer's lists: its record's key
        // (an empty key for none) with its label's number beside the kind,
        // its record, its entity.
        let g = crate::gazetteer::default_gazetteer();
        let mut labels: Vec<&'static str> = Vec::new();
        assert!(rows.len() < NONE as usize);
        let mut slots = Vec::new();
        for &e in g.candidate_lists() {
            let entity = g.entity(e);
            let label = labels.iter().position(|l| *l == entity.label()).unwrap_or_else(|| {
                labels.push(Box::leak(entity.label().to_string().into_boxed_str()));
                labels.len() - 1
            });
            let found = rows.binary_search_by(|r| r[0].cmp(entity.id())).ok();
            let mut key = [0u8; KEY];
            if let Some(n) = found {
                key.copy_from_slice(&keys[n * KEY..(n + 1) * KEY]);
            }
            key[13] = u8::try_from(label).unwrap();
            slots.extend_from_slice(&key);
            slots.extend_from_slice(&found.map_or(NONE, |n| n as u32).to_le_bytes());
            slots.extend_from_slice(&e.as_u32().to_le_bytes());
        }
        let labels: Vec<u32> = labels.iter().map(|l| intern(l)).collect();
        let mut w = ImageWriter::default();
        w.bytes.extend_from_slice(MAGIC);
        w.bytes(arena.as_bytes());
        w.u32s(&labels);
        w.len(rows.len());
        w.bytes.extend_from_slice(&keys);
        w.len(rows.len());
        w.bytes.extend_from_slice(&rests);
        w.len(g.candidate_lists().len());
        w.bytes.extend_from_slice(&slots);
        w.len(towns.len());
        w.bytes.extend_from_slice(&town_records);
        let prefixes: Vec<u64> = towns.iter().map(|(key, _)| prefix(key)).collect();
        w.u64s(&prefixes);
        w.bytes
    }

    #[test]
    fn default_places_image_is_fresh() {
        let file = "data/default-places.image";
        image::assert_fresh(&write_image(), DEFAULT_IMAGE, file, "image_is_fresh");
    }

    #[test]
    fn every_town_is_found_by_its_name() {
        let t = PlaceTable::builtin();
        let towns = t.towns.len() / RECORD;
        assert!(towns > 1000);
        // Every 37th town, and the first and last (the ends of the buckets).
        for n in (0..towns).step_by(37).chain([0, towns - 1]) {
            let rec = PlaceTable::item(t.towns, RECORD, n as u32).unwrap();
            let name = t.string(u32_at(rec, 6).unwrap()).unwrap();
            let found = t.towns_named(name);
            assert!(found.iter().any(|&(m, _)| m as usize == n), "town {n} {name:?}");
            // All towns of that name and no other, in one run.
            let same = (0..towns)
                .filter(|&m| {
                    let rec = PlaceTable::item(t.towns, RECORD, m as u32).unwrap();
                    t.string(u32_at(rec, 6).unwrap()) == Some(name)
                })
                .count();
            assert_eq!(found.len(), same, "{name:?}");
        }
    }

    #[test]
    fn builtin_table_reads_every_row() {
        let rows = DEFAULT_PLACES.lines().filter(|l| !l.starts_with('#')).count();
        let t = PlaceTable::builtin();
        assert_eq!(t.keys.len() / KEY + t.towns.len() / RECORD, rows);
        let ames = t.towns_named("ames");
        assert!(ames.windows(2).all(|w| w[0].1.population >= w[1].1.population));
        let first = ames.first().and_then(|&(n, _)| t.town(n));
        assert_eq!(first.map(|p| p.admin1), Some("IA".into()));
        assert!(t.towns_named("ame").is_empty() && t.towns_named("amesx").is_empty());
        let aleppo = t.place(t.by_id("geonames:170063").unwrap()).unwrap();
        assert_eq!((&*aleppo.name, &*aleppo.country, &*aleppo.admin1), ("Aleppo", "SY", "09"));
        assert_eq!((&*aleppo.id, &*aleppo.feature), ("geonames:170063", "PPLA"));
        assert!((aleppo.lat - 36.2).abs() < 0.1 && aleppo.population > 1_000_000);
        let syrian = t.by_id("norp:geonames:163843").and_then(|n| t.place(n));
        assert_eq!(syrian.map(|p| p.country), Some("SY".into()));
        assert!(t.by_id("org:msf").is_none());
        let g = crate::gazetteer::default_gazetteer();
        let m = g.find_iter("in Aleppo").next().unwrap();
        let (n, key) = t.get(g, m.entity()).unwrap();
        assert_eq!(t.place(n), Some(aleppo));
        assert_eq!(Some(key.country), t.number("SY"));
        assert_eq!((key.kind, t.number("")), (Kind::Other, Some(EMPTY)));
        assert_eq!(t.slots_len(), g.candidate_lists().len());
        let slot = t.slots(g.candidate_range(&m)).next().unwrap();
        assert_eq!(
            (t.label(slot.label), slot.record, slot.key, slot.entity),
            (Some("LOC"), n, key, m.entity())
        );
        let msf = g.find_iter("Doctors Without Borders").next().unwrap();
        let slot = t.slots(g.candidate_range(&msf)).next().unwrap();
        assert_eq!(
            (t.label(slot.label), slot.record, slot.entity),
            (Some("ORG"), NONE, msf.entity())
        );
        // Every candidate's slot holds its entity and the place of its id.
        for (i, slot) in t.slots(0..t.slots_len()).enumerate() {
            let e = g.candidate_lists()[i];
            assert_eq!(slot.entity, e);
            assert_eq!(t.label(slot.label), Some(g.entity(e).label()));
            let placed = t.get(g, e);
            assert_eq!(placed.map(|(n, _)| n), (slot.record != NONE).then_some(slot.record));
            assert_eq!(placed.map(|(_, k)| k), (slot.record != NONE).then_some(slot.key));
        }
        // Every cut of the image is refused, never a panic.
        for cut in (0..DEFAULT_IMAGE.len()).step_by(99_991) {
            let cut: &'static [u8] = DEFAULT_IMAGE.get(..cut).unwrap();
            assert!(PlaceTable::read_image(cut).is_none());
        }
    }

    #[test]
    fn strings_short_and_long_read_back() {
        let long = "x".repeat(200);
        // "", "ab", then 200 bytes: 0x40 + 200 / 128 and 200 % 128 first.
        let arena = format!("\0\u{2}ab{}{}{long}", char::from(0x41u8), char::from(72u8));
        let t = PlaceTable { arena: Box::leak(arena.into_boxed_str()), ..PlaceTable::default() };
        assert_eq!(t.entry(0), Some(("", 1)));
        assert_eq!(t.entry(1), Some(("ab", 4)));
        assert_eq!(t.entry(4), Some((long.as_str(), 206)));
        assert_eq!(t.entry(206), None);
        assert_eq!((t.number("ab"), t.number(&long), t.number("x")), (Some(1), Some(4), None));
    }

    #[test]
    fn kinds_of_features() {
        for (feature, kind) in [
            ("PCLI", Kind::Country),
            ("CONT", Kind::Country),
            ("ADM1", Kind::Adm1),
            ("ADM2", Kind::Division),
            ("ADM1H", Kind::Division),
            ("PPLA", Kind::Other),
        ] {
            assert_eq!(Kind::of_feature(feature), kind, "{feature}");
            assert_eq!(Kind::from_u32(kind as u32), Some(kind));
        }
    }
}
