//! Which place matches a casualty fact may name as its location (casualties
//! README section 6: the names of a list of cities, countries and US states
//! and counties). The others still take part in the location rules.

use crate::casualties::without_unit_word;
use crate::gazetteer::{EntityMatch, Gazetteer};
use crate::places::{Place, PlaceTable};

/// The population from which a list of cities holds a town (GeoNames'
/// cities over 15,000, casualties README section 6).
const LISTED_TOWN_POPULATION: u64 = 15_000;

/// Whether a place match may be named as a casualty fact's location: a
/// name of the kinds of places a list of cities and countries holds
/// (casualties README section 6), a settlement, a country, territory or
/// continent, or a US state or county. A name only of a division elsewhere
/// ("Eastern Cape"), an island ("Luzon") or a region ("Gaza Strip") is not,
/// unless one of its other places is such a place ("Idlib" the province is
/// also the city) or its name without its unit word names one ("Kaduna
/// State": Kaduna); it still takes part in the location rules (it locates its
/// own fact: "21 hurt in Davao del Sur, 7 in General Santos": not General
/// Santos for the 21). A match without a place (places not resolved, a user's
/// row without place columns) or with a feature code of its own may.
pub(super) fn may_be_named(
    g: &Gazetteer,
    text: &str,
    m: &EntityMatch,
    place: Option<&Place>,
) -> bool {
    let listed = |p: &Place| {
        p.feature.is_empty()
            || p.is_settlement()
            || p.is_country()
            || (p.is_division() && p.country == "US")
    };
    let Some(place) = place else { return true };
    let name = m.span().slice(text).unwrap_or("");
    if place.is_country() {
        // Its own name, not a short or older form the list lacks ("US",
        // "Britain", "Burma"; "the Netherlands" is the Netherlands).
        let own = Gazetteer::normalize(&place.name);
        return Gazetteer::normalize(name) == own.strip_prefix("the ").unwrap_or(&own);
    }
    if listed(place) {
        return true;
    }
    // Another place of the name counts when a list of cities would hold it
    // too: not a suburb ("Queensland", a part of Calgary).
    let table = PlaceTable::builtin();
    let names_listed = |m: &EntityMatch| {
        g.candidates(m).iter().any(|&e| {
            table.get(g, e).and_then(|(n, _)| table.place(n)).is_some_and(|p| {
                listed(&p) && (!p.is_settlement() || p.population >= LISTED_TOWN_POPULATION)
            })
        })
    };
    if names_listed(m) {
        return true;
    }
    let bare = without_unit_word(name);
    bare.len() < name.len()
        && g.find_iter(bare)
            .next()
            .is_some_and(|b| b.span().len() == bare.len() && names_listed(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::PlaceResolver;

    /// Whether each place match of `text` may be named, by its text.
    fn named(text: &str) -> Vec<(&str, bool)> {
        let g = crate::gazetteer::default_gazetteer();
        let matches: Vec<_> = g.find_iter(text).collect();
        let places = PlaceResolver::new().resolve(g, text, &matches);
        matches
            .iter()
            .zip(&places)
            .map(|(m, p)| {
                (m.span().slice(text).unwrap_or(""), may_be_named(g, text, m, p.as_ref()))
            })
            .collect()
    }

    #[test]
    fn cities_countries_and_us_divisions_may_be_named() {
        let text = "Floods hit Lyon, France, Texas and Orange County, then Eastern Cape, \
                    Luzon, the Gaza Strip, Idlib Governorate and Kaduna State; the US and \
                    Britain sent aid.";
        let got = named(text);
        for (name, want) in [
            ("Lyon", true),
            ("France", true),
            ("Texas", true),
            ("Orange County", true),
            ("Eastern Cape", false),
            ("Luzon", false),
            ("Gaza Strip", false),
            ("Idlib", true),
            ("Kaduna State", true),
            ("US", false),
            ("Britain", false),
        ] {
            assert!(got.contains(&(name, want)), "{name}: {got:?}");
        }
    }
}
