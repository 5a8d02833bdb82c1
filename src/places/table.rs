//! The built-in places table: the GeoNames place of every entity of the
//! built-in gazetteer (`data/default-places.tsv`, generated with the list by
//! `tools/build_default_gazetteer.py`).
//!
//! Each row names an entity id (`geonames:170063`, a US county's `fips:…`, a
//! demonym's `norp:geonames:…`) and the place it stands for. Like the
//! gazetteer, the table is embedded compiled (`data/default-places.image`:
//! strings once each, fixed-size records sorted by entity id, and the record
//! of each built-in entity by number), so reading it costs no parsing of text
//! or numbers and no hashing; a test rebuilds the image from the TSV and
//! fails when it is stale (`TEXTFACTS_WRITE_IMAGE=1` rewrites it). Strings
//! are borrowed from the embedded image, so a [`Place`] costs no allocation.

use super::Place;
use crate::gazetteer::image::ImageReader;
use crate::gazetteer::{EntityId, Gazetteer};
use std::borrow::Cow;

/// The compiled table.
const DEFAULT_IMAGE: &[u8] = include_bytes!("../../data/default-places.image");
/// First bytes of the image; the number changes with the layout.
const MAGIC: &[u8; 16] = b"textfacts-plc-01";
/// Bytes per record: entity id, place id, name, country, admin1, admin1
/// name, feature (string numbers, u32 each), lat, lon (f64), population (u64).
const RECORD: usize = 7 * 4 + 3 * 8;
/// No record for this built-in entity.
const NONE: u32 = u32::MAX;

/// Places by entity id.
#[derive(Debug, Default)]
pub(crate) struct PlaceTable {
    /// Sorted by entity id.
    places: Vec<Place>,
    entity_ids: Vec<&'static str>,
    /// Record of each built-in gazetteer entity, by entity number.
    builtin: Vec<u32>,
    /// Towns the built-in list does not name, by folded name (sorted), for
    /// "Town, State" and "Town, Country" only.
    town_keys: Vec<&'static str>,
    /// Their records, decoded on lookup (few documents name one).
    towns: Vec<&'static [u8]>,
    /// The image's strings, by number.
    strings: Vec<&'static str>,
}

impl PlaceTable {
    /// The built-in table (empty should the image ever be unreadable).
    pub(crate) fn builtin() -> &'static PlaceTable {
        static TABLE: once_cell::sync::Lazy<PlaceTable> = once_cell::sync::Lazy::new(|| {
            PlaceTable::read_image(DEFAULT_IMAGE).unwrap_or_default()
        });
        &TABLE
    }

    /// Reads the image, or `None` for anything inconsistent.
    fn read_image(bytes: &'static [u8]) -> Option<PlaceTable> {
        let mut r = ImageReader::new(bytes.strip_prefix(MAGIC)?);
        let ends = r.u32s()?;
        let arena = std::str::from_utf8(r.bytes()?).ok()?;
        let mut strings = Vec::with_capacity(ends.len());
        let mut start = 0usize;
        for &end in &ends {
            strings.push(arena.get(start..end as usize)?);
            start = end as usize;
        }
        let mut table = PlaceTable { strings, ..PlaceTable::default() };
        let records = r.records(RECORD)?;
        // Exact sizes: growing by doubling would touch up to twice the memory.
        table.entity_ids.reserve_exact(records.len());
        table.places.reserve_exact(records.len());
        for rec in records {
            let (id, place) = table.record(rec)?;
            table.entity_ids.push(id);
            table.places.push(place);
        }
        table.builtin = r.u32s()?;
        for rec in r.records(RECORD)? {
            let key = table.string(rec.get(..4)?)?;
            table.town_keys.push(key);
            table.towns.push(rec);
        }
        r.is_done().then_some(table)
    }

    /// String number `bytes` (four little-endian bytes).
    fn string(&self, bytes: &[u8]) -> Option<&'static str> {
        let n = u32::from_le_bytes(bytes.try_into().ok()?);
        self.strings.get(n as usize).copied()
    }

    /// One record: its first string (entity id or town key) and its place.
    fn record(&self, rec: &[u8]) -> Option<(&'static str, Place)> {
        let f64_at = |bytes: &[u8]| Some(f64::from_le_bytes(bytes.try_into().ok()?));
        let s = |i: usize| rec.get(i * 4..i * 4 + 4).and_then(|b| self.string(b));
        let at = |i: usize| rec.get(28 + i * 8..36 + i * 8);
        let place = Place {
            id: Cow::Borrowed(s(1)?),
            name: Cow::Borrowed(s(2)?),
            country: Cow::Borrowed(s(3)?),
            admin1: Cow::Borrowed(s(4)?),
            admin1_name: Cow::Borrowed(s(5)?),
            feature: Cow::Borrowed(s(6)?),
            lat: f64_at(at(0)?)?,
            lon: f64_at(at(1)?)?,
            population: u64::from_le_bytes(at(2)?.try_into().ok()?),
        };
        Some((s(0)?, place))
    }

    /// The place of entity `entity` of gazetteer `g`, if the table has one
    /// for its id.
    pub(crate) fn get(&self, g: &Gazetteer, entity: EntityId) -> Option<&Place> {
        if g.as_builtin().is_some() {
            let n = *self.builtin.get(entity.as_u32() as usize)?;
            return if n == NONE { None } else { self.places.get(n as usize) };
        }
        self.by_id(g.entity(entity).id())
    }

    /// The towns whose folded name ([`Gazetteer::normalize`]) is `key`,
    /// most populous first.
    pub(crate) fn towns_named(&self, key: &str) -> Vec<Place> {
        let from = self.town_keys.partition_point(|k| *k < key);
        let to = self.town_keys.partition_point(|k| *k <= key);
        let records = self.towns.get(from..to).unwrap_or(&[]);
        records.iter().filter_map(|rec| Some(self.record(rec)?.1)).collect()
    }

    /// The place of the entity with external id `entity_id`.
    pub(crate) fn by_id(&self, entity_id: &str) -> Option<&Place> {
        let n = self.entity_ids.binary_search(&entity_id).ok()?;
        self.places.get(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::image::{self, ImageWriter};
    use std::collections::HashMap;

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
        let mut strings: Vec<&str> = Vec::new();
        let mut number: HashMap<&str, u32> = HashMap::new();
        let mut intern = |s: &'static str| {
            *number.entry(s).or_insert_with(|| {
                strings.push(s);
                u32::try_from(strings.len() - 1).unwrap()
            })
        };
        let mut record = |out: &mut Vec<u8>, first: &'static str, r: &Vec<&'static str>| {
            out.extend_from_slice(&intern(first).to_le_bytes());
            for i in [1, 2, 5, 6, 7, 8] {
                out.extend_from_slice(&intern(r[i]).to_le_bytes());
            }
            out.extend_from_slice(&r[3].parse::<f64>().unwrap().to_le_bytes());
            out.extend_from_slice(&r[4].parse::<f64>().unwrap().to_le_bytes());
            out.extend_from_slice(&r[9].parse::<u64>().unwrap().to_le_bytes());
        };
        let (mut records, mut town_records) = (Vec::new(), Vec::new());
        for r in &rows {
            record(&mut records, r[0], r);
        }
        for (key, r) in &towns {
            record(&mut town_records, key, r);
        }
        let g = crate::gazetteer::default_gazetteer();
        let builtin: Vec<u32> = (0..g.entities_len())
            .map(|e| {
                let id = g.entity(EntityId::from_u32(e as u32)).id();
                rows.binary_search_by(|r| r[0].cmp(id)).map_or(NONE, |n| n as u32)
            })
            .collect();
        let mut w = ImageWriter::default();
        w.bytes.extend_from_slice(MAGIC);
        let mut ends = Vec::new();
        let mut arena = String::new();
        for s in &strings {
            arena.push_str(s);
            ends.push(u32::try_from(arena.len()).unwrap());
        }
        w.u32s(&ends);
        w.bytes(arena.as_bytes());
        w.len(rows.len());
        w.bytes.extend_from_slice(&records);
        w.u32s(&builtin);
        w.len(towns.len());
        w.bytes.extend_from_slice(&town_records);
        w.bytes
    }

    #[test]
    fn default_places_image_is_fresh() {
        let file = "data/default-places.image";
        image::assert_fresh(&write_image(), DEFAULT_IMAGE, file, "image_is_fresh");
    }

    #[test]
    fn builtin_table_reads_every_row() {
        let rows = DEFAULT_PLACES.lines().filter(|l| !l.starts_with('#')).count();
        let t = PlaceTable::builtin();
        assert_eq!(t.places.len() + t.towns.len(), rows);
        let ames = t.towns_named("ames");
        assert_eq!(ames.first().map(|p| &*p.admin1), Some("IA"));
        let aleppo = t.by_id("geonames:170063").unwrap();
        assert_eq!((&*aleppo.name, &*aleppo.country, &*aleppo.admin1), ("Aleppo", "SY", "09"));
        assert_eq!(t.by_id("norp:geonames:163843").map(|p| &*p.country), Some("SY"));
        assert!(t.by_id("org:msf").is_none());
        let g = crate::gazetteer::default_gazetteer();
        let m = g.find_iter("in Aleppo").next().unwrap();
        assert_eq!(t.get(g, m.entity()), Some(aleppo));
        // Every cut of the image is refused, never a panic.
        for cut in (0..DEFAULT_IMAGE.len()).step_by(99_991) {
            let cut: &'static [u8] = DEFAULT_IMAGE.get(..cut).unwrap();
            assert!(PlaceTable::read_image(cut).is_none());
        }
    }
}
