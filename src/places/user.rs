//! The places a gazetteer's own rows give (its place columns), for
//! gazetteers whose entities are not in the built-in places table. Owned,
//! and built per document for the candidates of its matches only.

use super::table::{Kind, PlaceKey, PlaceTable, EMPTY};
use super::Place;
use crate::gazetteer::{EntityId, EntityMatch, Gazetteer};
use std::borrow::Cow;
use std::collections::HashMap;

/// The places the gazetteer rows of a document's candidates give, with
/// their keys.
#[derive(Debug, Default)]
pub(crate) struct UserPlaces {
    by_entity: HashMap<u32, (Place, PlaceKey)>,
}

/// String numbers for the keys of user places: the built-in table's number
/// for a string it holds (so that "SY" is the same country in both), else a
/// number of this document's own, counted down from `u32::MAX`.
struct Numbers<'a> {
    table: &'a PlaceTable,
    own: HashMap<String, u32>,
}

impl Numbers<'_> {
    fn of(&mut self, s: &str) -> u32 {
        if s.is_empty() {
            return EMPTY;
        }
        if let Some(n) = self.table.number(s) {
            return n;
        }
        let next = u32::MAX - u32::try_from(self.own.len()).unwrap_or(u32::MAX / 2);
        *self.own.entry(s.to_string()).or_insert(next)
    }
}

impl UserPlaces {
    /// The places of the candidates of `matches` (nothing, and no
    /// allocation, for a gazetteer without place columns).
    pub(crate) fn for_matches(g: &Gazetteer, matches: &[EntityMatch]) -> UserPlaces {
        let mut by_entity = HashMap::new();
        if !g.has_place_columns() {
            return UserPlaces { by_entity };
        }
        let mut numbers = Numbers { table: PlaceTable::builtin(), own: HashMap::new() };
        for m in matches {
            for &e in g.candidates(m) {
                if by_entity.contains_key(&e.as_u32()) {
                    continue;
                }
                let Some(c) = g.place_columns(e) else { continue };
                let entity = g.entity(e);
                let owned = |s: &str| Cow::Owned(s.to_string());
                let place = Place {
                    id: owned(entity.id()),
                    name: owned(entity.canonical()),
                    lat: c.lat,
                    lon: c.lon,
                    country: owned(&c.country),
                    admin1: owned(&c.admin1),
                    admin1_name: owned(&c.admin1_name),
                    feature: owned(&c.feature),
                    population: c.population,
                };
                let key = PlaceKey {
                    id: numbers.of(&place.id),
                    country: numbers.of(&place.country),
                    admin1: numbers.of(&place.admin1),
                    kind: Kind::of_feature(&place.feature),
                    population: place.population,
                };
                by_entity.insert(e.as_u32(), (place, key));
            }
        }
        UserPlaces { by_entity }
    }

    /// The place entity `e`'s rows give.
    #[inline]
    pub(crate) fn get(&self, e: EntityId) -> Option<&Place> {
        self.entry(e).map(|(p, _)| p)
    }

    /// The key of the place entity `e`'s rows give.
    #[inline]
    pub(crate) fn key(&self, e: EntityId) -> Option<PlaceKey> {
        self.entry(e).map(|&(_, k)| k)
    }

    fn entry(&self, e: EntityId) -> Option<&(Place, PlaceKey)> {
        if self.by_entity.is_empty() {
            return None;
        }
        self.by_entity.get(&e.as_u32())
    }
}
