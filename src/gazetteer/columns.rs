//! The optional place columns of a gazetteer's rows: the point, country,
//! first-level division, feature code and population of the place an entity
//! stands for (its id and canonical name complete the place). The places
//! layer resolves such entities without the built-in places table. A place
//! needs its point: a row with neither lat nor lon gives none.
//!
//! In TSV they follow the four columns under a header line; in JSON Lines
//! they are fields of the entity's record (see `parse.rs`).

/// The place column names, as a TSV header and JSON Lines fields spell them.
pub(crate) const PLACE_COLUMNS: [&str; 7] =
    ["lat", "lon", "country", "admin1", "admin1_name", "feature", "population"];

/// The place an entity's row gives.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlaceColumns {
    /// Latitude, WGS84 degrees.
    pub(crate) lat: f64,
    /// Longitude, WGS84 degrees.
    pub(crate) lon: f64,
    /// ISO 3166-1 alpha-2 country code, or empty.
    pub(crate) country: Box<str>,
    /// First-level division code, or empty.
    pub(crate) admin1: Box<str>,
    /// First-level division name, or empty.
    pub(crate) admin1_name: Box<str>,
    /// GeoNames feature code (`PPL`, `ADM1`, `PCLI`, ...), or empty.
    pub(crate) feature: Box<str>,
    /// Population, 0 when not given.
    pub(crate) population: u64,
}

impl PlaceColumns {
    /// Heap bytes owned.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.country.len() + self.admin1.len() + self.admin1_name.len() + self.feature.len()
    }
}

/// A row's place values as given, before they are checked: each `None`
/// (or empty) when its column is absent or empty.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PlaceValues<'a> {
    pub(crate) lat: Option<f64>,
    pub(crate) lon: Option<f64>,
    pub(crate) country: &'a str,
    pub(crate) admin1: &'a str,
    pub(crate) admin1_name: &'a str,
    pub(crate) feature: &'a str,
    pub(crate) population: Option<u64>,
}

impl PlaceValues<'_> {
    /// The checked place: `Ok(None)` without a point (neither lat nor lon:
    /// a place needs one, and other values alone give none); an error
    /// message (naming the entity's `name`) for a value out of range, or a
    /// lat without a lon or the reverse.
    pub(crate) fn check(&self, name: &str) -> Result<Option<PlaceColumns>, String> {
        let country = self.country;
        if !(country.is_empty()
            || country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase()))
        {
            return Err(format!(
                "country `{country}` of name `{name}` is not a two-letter code (ISO 3166-1, capitals)"
            ));
        }
        let (lat, lon) = match (self.lat, self.lon) {
            (None, None) => return Ok(None),
            (Some(lat), Some(lon)) => (lat, lon),
            _ => return Err(format!("place of name `{name}` needs both lat and lon")),
        };
        if !(-90.0..=90.0).contains(&lat) {
            return Err(format!("lat {lat} of name `{name}` is not between -90 and 90 degrees"));
        }
        if !(-180.0..=180.0).contains(&lon) {
            return Err(format!("lon {lon} of name `{name}` is not between -180 and 180 degrees"));
        }
        Ok(Some(PlaceColumns {
            lat,
            lon,
            country: country.into(),
            admin1: self.admin1.into(),
            admin1_name: self.admin1_name.into(),
            feature: self.feature.into(),
            population: self.population.unwrap_or(0),
        }))
    }
}

/// A TSV value of a number column: `Ok(None)` when empty.
pub(crate) fn parse_number<T: std::str::FromStr>(
    column: &str,
    value: &str,
    name: &str,
    what: &str,
) -> Result<Option<T>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    value
        .parse()
        .map(Some)
        .map_err(|_| format!("{column} `{value}` of name `{name}` is not {what}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked() {
        let v = PlaceValues { lat: Some(36.2), lon: Some(37.16), ..PlaceValues::default() };
        assert_eq!(v.check("Aleppo").unwrap().map(|p| (p.lat, p.population)), Some((36.2, 0)));
        assert_eq!(PlaceValues::default().check("x"), Ok(None));
        let no_lon = PlaceValues { lat: Some(1.0), ..PlaceValues::default() };
        assert!(no_lon.check("x").unwrap_err().contains("lat and lon"));
        let no_lat = PlaceValues { lon: Some(1.0), ..PlaceValues::default() };
        assert!(no_lat.check("x").is_err());
        // No point, no place: the other values alone are checked, not kept.
        let only_country = PlaceValues { country: "SY", population: Some(3), ..no_lat };
        assert_eq!(PlaceValues { lon: None, ..only_country }.check("x"), Ok(None));
        let bad_country = PlaceValues { lon: None, country: "sy", ..only_country };
        assert!(bad_country.check("x").is_err());
        let far = PlaceValues { lat: Some(91.0), lon: Some(0.0), ..PlaceValues::default() };
        assert!(far.check("x").unwrap_err().starts_with("lat 91"));
        let nan = PlaceValues { lat: Some(f64::NAN), lon: Some(0.0), ..PlaceValues::default() };
        assert!(nan.check("x").is_err());
        let lon = PlaceValues { lat: Some(0.0), lon: Some(-180.5), ..PlaceValues::default() };
        assert!(lon.check("x").unwrap_err().starts_with("lon"));
        let bad = PlaceValues { lat: Some(0.0), lon: Some(0.0), country: "Syria", ..v };
        assert!(bad.check("x").unwrap_err().contains("two-letter"));
        assert_eq!(parse_number::<f64>("lat", "", "x", "a number"), Ok(None));
        assert_eq!(parse_number::<u64>("population", "12", "x", "a number"), Ok(Some(12)));
        assert!(parse_number::<f64>("lat", "north", "x", "a number").is_err());
    }
}
