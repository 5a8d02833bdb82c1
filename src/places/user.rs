//! The places a gazetteer's own rows give (its place columns), for
//! gazetteers whose entities are not in the built-in places table. Owned,
//! and built per document for the candidates of its matches only.

use super::Place;
use crate::gazetteer::{EntityId, EntityMatch, Gazetteer};
use std::borrow::Cow;
use std::collections::HashMap;

/// The places the gazetteer rows of a document's candidates give.
#[derive(Debug, Default)]
pub(crate) struct UserPlaces {
    by_entity: HashMap<u32, Place>,
}

impl UserPlaces {
    /// The places of the candidates of `matches` (nothing, and no
    /// allocation, for a gazetteer without place columns).
    pub(crate) fn for_matches(g: &Gazetteer, matches: &[EntityMatch]) -> UserPlaces {
        let mut by_entity = HashMap::new();
        if !g.has_place_columns() {
            return UserPlaces { by_entity };
        }
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
                by_entity.insert(e.as_u32(), place);
            }
        }
        UserPlaces { by_entity }
    }

    /// The place entity `e`'s rows give.
    #[inline]
    pub(crate) fn get(&self, e: EntityId) -> Option<&Place> {
        if self.by_entity.is_empty() {
            return None;
        }
        self.by_entity.get(&e.as_u32())
    }
}
