//! What the resolution rules compare of a place, packed into 48 bytes.
//!
//! The rules look at every candidate's population, country, division and
//! kind, but choose one place per mention. Read from the place records and
//! their strings, each candidate costs several cache misses (the records and
//! the image's strings are megabytes, read at random); read from a dense
//! array of keys, about one. Only the chosen place's record is read after.

use super::Place;

/// A place's kind, as the rules ask about it.
const COUNTRY: u8 = 1;
const DIVISION: u8 = 2;
const ADM1: u8 = 4;

/// The comparable parts of a [`Place`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct PlaceKey {
    /// Population.
    pub(crate) population: u64,
    /// ln(population + 1): the population prior.
    pub(crate) ln_population: f64,
    id: Code,
    country: Code,
    admin1: Code,
    kind: u8,
}

impl PlaceKey {
    /// The key of `place`.
    pub(crate) fn of(place: &Place) -> PlaceKey {
        let mut kind = 0;
        if place.is_country() {
            kind |= COUNTRY;
        }
        if place.is_division() {
            kind |= DIVISION;
        }
        if place.feature == "ADM1" {
            kind |= ADM1;
        }
        PlaceKey {
            population: place.population,
            ln_population: (place.population as f64 + 1.0).ln(),
            id: Code::new(&place.id),
            country: Code::new(&place.country),
            admin1: Code::new(&place.admin1),
            kind,
        }
    }

    /// [`Place::is_country`].
    pub(crate) fn is_country(&self) -> bool {
        self.kind & COUNTRY != 0
    }

    /// [`Place::is_division`].
    pub(crate) fn is_division(&self) -> bool {
        self.kind & DIVISION != 0
    }

    /// Whether the place is a first-level division (feature `ADM1`).
    pub(crate) fn is_adm1(&self) -> bool {
        self.kind & ADM1 != 0
    }

    /// Whether the two places have the same id.
    pub(crate) fn same_id(&self, other: &PlaceKey) -> bool {
        self.id == other.id
    }

    /// The country code, comparable.
    pub(crate) fn country(&self) -> Code {
        self.country
    }

    /// The first-level division code, comparable.
    pub(crate) fn admin1(&self) -> Code {
        self.admin1
    }
}

/// A short code (country "SY", division "09", id "geonames:170063") compared
/// in two steps: its first eight bytes and its length, then, for longer
/// codes, a 64-bit FNV-1a hash of the rest (equal codes are always equal
/// here; two different codes sharing their first eight bytes and length
/// collide with odds of 2^-64).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Code {
    head: u64,
    rest: u64,
    len: u32,
}

impl Code {
    pub(crate) fn new(code: &str) -> Code {
        let bytes = code.as_bytes();
        let mut head = [0u8; 8];
        for (slot, &b) in head.iter_mut().zip(bytes) {
            *slot = b;
        }
        let rest = bytes.get(8..).unwrap_or(&[]).iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        Code { head: u64::from_le_bytes(head), rest, len: code.len() as u32 }
    }

    /// Whether the code is empty.
    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_compare_as_their_strings() {
        let codes = ["", "SY", "09", "0", "geonames:170063", "geonames:170064", "geonames:17006"];
        for a in codes {
            for b in codes {
                assert_eq!(Code::new(a) == Code::new(b), a == b, "{a:?} {b:?}");
            }
        }
    }
}
