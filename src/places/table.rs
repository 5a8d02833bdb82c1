//! The built-in places table: the GeoNames place of every entity of the
//! built-in gazetteer (`data/default-places.tsv`, generated with the list by
//! `tools/build_default_gazetteer.py`), read once on first use.
//!
//! Each row names an entity id (`geonames:170063`, a US county's `fips:…`, a
//! demonym's `norp:geonames:…`) and the place it stands for. Strings are
//! borrowed from the embedded file, so a [`Place`] from here costs no
//! allocation.

use super::Place;
use std::borrow::Cow;
use std::collections::HashMap;

/// The embedded table (tab-separated, `#` comments).
const DEFAULT_PLACES: &str = include_str!("../../data/default-places.tsv");

/// Places by entity id.
#[derive(Debug, Default)]
pub(crate) struct PlaceTable {
    places: Vec<Place>,
    by_entity: HashMap<&'static str, u32>,
}

impl PlaceTable {
    /// The built-in table.
    pub(crate) fn builtin() -> &'static PlaceTable {
        static TABLE: once_cell::sync::Lazy<PlaceTable> =
            once_cell::sync::Lazy::new(|| PlaceTable::parse(DEFAULT_PLACES));
        &TABLE
    }

    /// Reads the table; a malformed row (which the generator never writes) is
    /// skipped.
    fn parse(text: &'static str) -> PlaceTable {
        let mut table = PlaceTable::default();
        let rows = text.lines().filter(|l| !l.starts_with('#') && !l.is_empty());
        for line in rows {
            let mut f = line.split('\t');
            let mut next = || f.next().unwrap_or("");
            let (entity, id, name) = (next(), next(), next());
            let (lat, lon) = (next().parse::<f64>(), next().parse::<f64>());
            let (country, admin1, admin1_name, feature) = (next(), next(), next(), next());
            let population = next().parse::<u64>().unwrap_or(0);
            let (Ok(lat), Ok(lon)) = (lat, lon) else { continue };
            if entity.is_empty() || id.is_empty() {
                continue;
            }
            let Ok(n) = u32::try_from(table.places.len()) else { break };
            table.by_entity.entry(entity).or_insert(n);
            table.places.push(Place {
                id: Cow::Borrowed(id),
                name: Cow::Borrowed(name),
                lat,
                lon,
                country: Cow::Borrowed(country),
                admin1: Cow::Borrowed(admin1),
                admin1_name: Cow::Borrowed(admin1_name),
                feature: Cow::Borrowed(feature),
                population,
            });
        }
        table
    }

    /// The place of the entity with external id `entity_id`, if the table has one.
    pub(crate) fn get(&self, entity_id: &str) -> Option<&Place> {
        let n = *self.by_entity.get(entity_id)?;
        self.places.get(n as usize)
    }

    /// Number of rows.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.places.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_reads_every_row() {
        let rows = DEFAULT_PLACES.lines().filter(|l| !l.starts_with('#')).count();
        let t = PlaceTable::builtin();
        assert_eq!(t.len(), rows);
        let aleppo = t.get("geonames:170063").unwrap();
        assert_eq!((&*aleppo.name, &*aleppo.country, &*aleppo.admin1), ("Aleppo", "SY", "09"));
        assert_eq!(t.get("norp:geonames:163843").map(|p| &*p.country), Some("SY"));
        assert!(t.get("org:msf").is_none());
    }
}
