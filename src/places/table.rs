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
        let string = |bytes: &[u8]| -> Option<&'static str> {
            let n = u32::from_le_bytes(bytes.try_into().ok()?);
            strings.get(n as usize).copied()
        };
        let f64_at = |bytes: &[u8]| Some(f64::from_le_bytes(bytes.try_into().ok()?));
        let mut table = PlaceTable::default();
        for rec in r.records(RECORD)? {
            let s = |i: usize| rec.get(i * 4..i * 4 + 4).and_then(string);
            let at = |i: usize| rec.get(28 + i * 8..36 + i * 8);
            table.entity_ids.push(s(0)?);
            table.places.push(Place {
                id: Cow::Borrowed(s(1)?),
                name: Cow::Borrowed(s(2)?),
                country: Cow::Borrowed(s(3)?),
                admin1: Cow::Borrowed(s(4)?),
                admin1_name: Cow::Borrowed(s(5)?),
                feature: Cow::Borrowed(s(6)?),
                lat: f64_at(at(0)?)?,
                lon: f64_at(at(1)?)?,
                population: u64::from_le_bytes(at(2)?.try_into().ok()?),
            });
        }
        table.builtin = r.u32s()?;
        r.is_done().then_some(table)
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

    /// The place of the entity with external id `entity_id`.
    pub(crate) fn by_id(&self, entity_id: &str) -> Option<&Place> {
        let n = self.entity_ids.binary_search(&entity_id).ok()?;
        self.places.get(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::image::ImageWriter;
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
        rows.sort_by(|a, b| a[0].cmp(b[0]));
        let mut strings: Vec<&str> = Vec::new();
        let mut number: HashMap<&str, u32> = HashMap::new();
        let mut intern = |s: &'static str| {
            *number.entry(s).or_insert_with(|| {
                strings.push(s);
                u32::try_from(strings.len() - 1).unwrap()
            })
        };
        let mut records = Vec::new();
        for r in &rows {
            for i in [0, 1, 2, 5, 6, 7, 8] {
                records.extend_from_slice(&intern(r[i]).to_le_bytes());
            }
            records.extend_from_slice(&r[3].parse::<f64>().unwrap().to_le_bytes());
            records.extend_from_slice(&r[4].parse::<f64>().unwrap().to_le_bytes());
            records.extend_from_slice(&r[9].parse::<u64>().unwrap().to_le_bytes());
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
        w.bytes
    }

    #[test]
    fn default_places_image_is_fresh() {
        let image = write_image();
        if std::env::var_os("TEXTFACTS_WRITE_IMAGE").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/default-places.image");
            std::fs::write(path, &image).unwrap();
            return;
        }
        assert!(
            image == DEFAULT_IMAGE,
            "data/default-places.image is stale: rewrite it with \
             `TEXTFACTS_WRITE_IMAGE=1 cargo test --lib image_is_fresh`"
        );
    }

    #[test]
    fn builtin_table_reads_every_row() {
        let rows = DEFAULT_PLACES.lines().filter(|l| !l.starts_with('#')).count();
        let t = PlaceTable::builtin();
        assert_eq!(t.places.len(), rows);
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
