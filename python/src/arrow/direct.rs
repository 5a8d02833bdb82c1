//! Typed writers for the records that make most of a row: tokens (four in
//! five of a news text's records), sentences, entities (with their places,
//! most of the values of the other layers) and numbers, written into their
//! columns without a serde call per field and per value (the serde writer
//! of [`build`](super::build) spends ~280 instructions a token; this, ~25).
//!
//! They write only a column of the shape the model traces today (a list of
//! structs with exactly these fields, in this order) and say `false`
//! otherwise, so a field the crate adds to a record goes through serde, and
//! into the schema, until it is written here too.

use super::build::{offset_after, Col, Keys};
use crate::offsets::UnitMap;
use crate::ser::Error;
use arrow_buffer::NullBufferBuilder;
use textfacts::{EntityRef, NumberRef, Place, SentenceRecord, TokenKind, TokenRecord};

/// A typed writer: records into their column, offsets in a unit
/// (`Ok(false)`: the column is not of the shape it writes).
#[cfg(test)]
type Writer<R> = fn(&mut Col, &[R], UnitMap<'_>) -> Result<bool, Error>;

/// A list column of structs with the fields `names` exactly: the list's
/// offsets and validity, the structs' validity and their columns.
type ListOfStructs<'c> =
    (&'c mut Vec<i32>, &'c mut NullBufferBuilder, &'c mut NullBufferBuilder, &'c mut [Col]);

fn list_of_structs<'c>(col: &'c mut Col, names: &[&str]) -> Option<ListOfStructs<'c>> {
    let Col::List { offsets, valid, item, .. } = col else { return None };
    let Col::Struct { names: have, cols, valid: item_valid, .. } = &mut **item else {
        return None;
    };
    (have.as_slice() == names).then_some((offsets, valid, item_valid, cols.as_mut_slice()))
}

/// Ends a list of `n` records whose fields are written.
fn end_list(
    offsets: &mut Vec<i32>,
    valid: &mut NullBufferBuilder,
    item_valid: &mut NullBufferBuilder,
    n: usize,
) -> Result<(), Error> {
    let next = offset_after(offsets, n)?;
    offsets.push(next);
    valid.append_non_null();
    item_valid.append_n_non_nulls(n);
    Ok(())
}

/// A byte offset as an `Int32` offset value.
#[inline(always)]
fn offset(at: usize) -> Result<i32, Error> {
    i32::try_from(at).map_err(|_| super::build::beyond_2_gib())
}

/// Writes `tokens` into `col`, a `tokens` column, offsets in the unit of
/// `units` (`Ok(false)`: not of the shape written here, or a kind its
/// dictionary lacks; nothing written).
pub fn tokens(col: &mut Col, tokens: &[TokenRecord], units: UnitMap<'_>) -> Result<bool, Error> {
    let Some((offsets, valid, item_valid, cols)) = list_of_structs(col, &["start", "end", "kind"])
    else {
        return Ok(false);
    };
    let [Col::Int32(starts, start_valid), Col::Int32(ends, end_valid), Col::Enum { names, keys: Keys::Small(keys), valid: key_valid }] =
        cols
    else {
        return Ok(false);
    };
    // One pass over the records (a long text's do not stay in cache
    // between passes), written into the columns' room for them; an offset
    // beyond `i32` ends the row with an error.
    let n = tokens.len();
    starts.reserve(n);
    ends.reserve(n);
    keys.reserve(n);
    // The dictionary key of each kind this module knows, looked up on its
    // first token (NOT_YET), by the name the model writes (`as_str`, which
    // the JSON shares); -1: none, as for a kind added since (the last slot).
    const NOT_YET: i16 = -2;
    let mut key_of_kind = [NOT_YET; KNOWN_KINDS + 1];
    let mut bits = 0;
    let (starts_room, ends_room, keys_room) = (
        &mut starts.spare_capacity_mut()[..n],
        &mut ends.spare_capacity_mut()[..n],
        &mut keys.spare_capacity_mut()[..n],
    );
    for (i, t) in tokens.iter().enumerate() {
        let number = kind_number(t.kind);
        let mut k = key_of_kind[number];
        if k == NOT_YET {
            let name = t.kind.as_str();
            let at = names.iter().position(|n| *n == name).filter(|_| number < KNOWN_KINDS);
            k = at.map_or(-1, |at| at as i16);
            key_of_kind[number] = k;
        }
        // All fit in an `i32` exactly when their bits together do (an
        // offset in the unit is never more than in bytes).
        bits |= t.start | t.end;
        starts_room[i].write(units.map(t.start) as i32);
        ends_room[i].write(units.map(t.end) as i32);
        keys_room[i].write(k as i8);
    }
    if key_of_kind.contains(&-1) || offset(bits).is_err() {
        offset(bits)?;
        return Ok(false);
    }
    // SAFETY: the first `n` values past each column's length were written
    // just above (each column had room for `n` more).
    unsafe {
        starts.set_len(starts.len() + n);
        ends.set_len(ends.len() + n);
        keys.set_len(keys.len() + n);
    }
    for v in [start_valid, end_valid, key_valid] {
        v.append_n_non_nulls(tokens.len());
    }
    end_list(offsets, valid, item_valid, tokens.len())?;
    Ok(true)
}

/// The token kinds [`kind_number`] knows.
const KNOWN_KINDS: usize = 7;

/// A kind's number, below [`KNOWN_KINDS`] (a kind added since: that).
#[inline(always)]
fn kind_number(kind: TokenKind) -> usize {
    match kind {
        TokenKind::Word => 0,
        TokenKind::Number => 1,
        TokenKind::Punct => 2,
        TokenKind::Symbol => 3,
        TokenKind::Url => 4,
        TokenKind::Email => 5,
        TokenKind::Other => 6,
        _ => KNOWN_KINDS,
    }
}

/// Writes `sentences` into `col`, a `sentences` column, offsets in the unit
/// of `units` (`Ok(false)`: not of the shape written here; nothing written).
pub fn sentences(
    col: &mut Col,
    sentences: &[SentenceRecord],
    units: UnitMap<'_>,
) -> Result<bool, Error> {
    let Some((offsets, valid, item_valid, cols)) = list_of_structs(col, &["start", "end"]) else {
        return Ok(false);
    };
    let [Col::Int32(starts, start_valid), Col::Int32(ends, end_valid)] = cols else {
        return Ok(false);
    };
    offset(sentences.iter().fold(0, |bits, s| bits | s.start | s.end))?;
    starts.extend(sentences.iter().map(|s| units.map(s.start) as i32));
    ends.extend(sentences.iter().map(|s| units.map(s.end) as i32));
    for v in [start_valid, end_valid] {
        v.append_n_non_nulls(sentences.len());
    }
    end_list(offsets, valid, item_valid, sentences.len())?;
    Ok(true)
}

/// The fields of an entity record, and of its place, as the model has them.
const ENTITY_FIELDS: [&str; 8] =
    ["start", "end", "text", "label", "id", "canonical", "candidates", "place"];
const PLACE_FIELDS: [&str; 9] =
    ["id", "name", "lat", "lon", "country", "admin1", "admin1_name", "feature", "population"];

/// A string column's parts.
struct Strs<'c>(&'c mut Vec<i32>, &'c mut Vec<u8>, &'c mut NullBufferBuilder);

impl Strs<'_> {
    fn of(col: &mut Col) -> Option<Strs<'_>> {
        match col {
            Col::Str { offsets, data, valid } => Some(Strs(offsets, data, valid)),
            _ => None,
        }
    }

    #[inline(always)]
    fn push(&mut self, s: &str) -> Result<(), Error> {
        let next = offset_after(self.0, s.len())?;
        self.1.extend_from_slice(s.as_bytes());
        self.0.push(next);
        self.2.append_non_null();
        Ok(())
    }

    /// A null string (as `Col::push_null` writes it).
    fn push_null(&mut self) {
        self.0.push(self.0.last().copied().unwrap_or(0));
        self.2.append_null();
    }
}

/// Appends `v` to a numeric column's parts.
#[inline(always)]
fn nums<T>(values: &mut Vec<T>, valid: &mut NullBufferBuilder, v: T) {
    values.push(v);
    valid.append_non_null();
}

/// Appends a null to a numeric column's parts (as `Col::push_null` does).
fn null_num<T: Default>(values: &mut Vec<T>, valid: &mut NullBufferBuilder) {
    values.push(T::default());
    valid.append_null();
}

/// The columns of a place struct ([`PLACE_FIELDS`]).
struct Places<'c> {
    valid: &'c mut NullBufferBuilder,
    /// id, name, country, admin1, admin1_name, feature.
    strs: [Strs<'c>; 6],
    lat: (&'c mut Vec<f64>, &'c mut NullBufferBuilder),
    lon: (&'c mut Vec<f64>, &'c mut NullBufferBuilder),
    population: (&'c mut Vec<i64>, &'c mut NullBufferBuilder),
}

impl Places<'_> {
    fn of(col: &mut Col) -> Option<Places<'_>> {
        let Col::Struct { names, cols, valid, .. } = col else { return None };
        if names.as_slice() != PLACE_FIELDS {
            return None;
        }
        let [id, name, Col::Float(lat, lat_valid), Col::Float(lon, lon_valid), country, admin1, admin1_name, feature, Col::Int(population, population_valid)] =
            cols.as_mut_slice()
        else {
            return None;
        };
        Some(Places {
            valid,
            strs: [
                Strs::of(id)?,
                Strs::of(name)?,
                Strs::of(country)?,
                Strs::of(admin1)?,
                Strs::of(admin1_name)?,
                Strs::of(feature)?,
            ],
            lat: (lat, lat_valid),
            lon: (lon, lon_valid),
            population: (population, population_valid),
        })
    }

    /// Writes `place`, or a null place.
    fn push(&mut self, place: Option<&Place>) -> Result<(), Error> {
        let Some(p) = place else {
            self.strs.iter_mut().for_each(Strs::push_null);
            null_num(self.lat.0, self.lat.1);
            null_num(self.lon.0, self.lon.1);
            null_num(self.population.0, self.population.1);
            self.valid.append_null();
            return Ok(());
        };
        let [id, name, country, admin1, admin1_name, feature] = &mut self.strs;
        id.push(&p.id)?;
        name.push(&p.name)?;
        nums(self.lat.0, self.lat.1, p.lat);
        nums(self.lon.0, self.lon.1, p.lon);
        country.push(&p.country)?;
        admin1.push(&p.admin1)?;
        admin1_name.push(&p.admin1_name)?;
        feature.push(&p.feature)?;
        // As serde writes a `u64` beyond `i64`: null.
        match i64::try_from(p.population) {
            Ok(n) => nums(self.population.0, self.population.1, n),
            Err(_) => null_num(self.population.0, self.population.1),
        }
        self.valid.append_non_null();
        Ok(())
    }
}

/// Writes `entities` into `col`, an `entities` column, offsets in the unit
/// of `units` (`Ok(false)`: not of the shape written here; nothing written).
pub fn entities(
    col: &mut Col,
    entities: &[EntityRef<'_>],
    units: UnitMap<'_>,
) -> Result<bool, Error> {
    let Some((offsets, valid, item_valid, cols)) = list_of_structs(col, &ENTITY_FIELDS) else {
        return Ok(false);
    };
    let [Col::Int32(starts, start_valid), Col::Int32(ends, end_valid), text, label, id, canonical, Col::Int(candidates, candidates_valid), place] =
        cols
    else {
        return Ok(false);
    };
    let (Some(mut text), Some(mut label), Some(mut id), Some(mut canonical), Some(mut place)) =
        (Strs::of(text), Strs::of(label), Strs::of(id), Strs::of(canonical), Places::of(place))
    else {
        return Ok(false);
    };
    for e in entities {
        nums(starts, start_valid, offset(units.map(e.start))?);
        nums(ends, end_valid, offset(units.map(e.end))?);
        text.push(e.text)?;
        label.push(e.label)?;
        id.push(&e.id)?;
        canonical.push(&e.canonical)?;
        // A count: far below `i64::MAX`.
        nums(candidates, candidates_valid, e.candidates as i64);
        place.push(e.place.as_ref())?;
    }
    end_list(offsets, valid, item_valid, entities.len())?;
    Ok(true)
}

/// The fields of a number record, of its interval and of its noun, as the
/// model has them.
const NUMBER_FIELDS: [&str; 8] =
    ["start", "end", "text", "kind", "unit", "interval", "approximate", "noun"];
const INTERVAL_FIELDS: [&str; 4] = ["low", "low_inclusive", "high", "high_inclusive"];
const SPAN_FIELDS: [&str; 3] = ["start", "end", "text"];

/// A bound as the model writes it: an integral value below 2^53 as an
/// integer, read back as a float (so -0.0 becomes 0.0), else as it is.
#[inline(always)]
fn bound(v: f64) -> f64 {
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if v.fract() == 0.0 && v.abs() < EXACT {
        v as i64 as f64
    } else {
        v
    }
}

/// The columns of a struct with the fields `names` exactly, and its validity.
fn struct_cols<'c>(
    col: &'c mut Col,
    names: &[&str],
) -> Option<(&'c mut [Col], &'c mut NullBufferBuilder)> {
    let Col::Struct { names: have, cols, valid, .. } = col else { return None };
    (have.as_slice() == names).then_some((cols.as_mut_slice(), valid))
}

/// Writes `numbers` into `col`, a `numbers` column, offsets in the unit of
/// `units` (`Ok(false)`: not of the shape written here, or a kind its
/// dictionary lacks; nothing written).
pub fn numbers(
    col: &mut Col,
    numbers: &[NumberRef<'_>],
    units: UnitMap<'_>,
) -> Result<bool, Error> {
    let Some((offsets, valid, item_valid, cols)) = list_of_structs(col, &NUMBER_FIELDS) else {
        return Ok(false);
    };
    let [Col::Int32(starts, start_valid), Col::Int32(ends, end_valid), text, Col::Enum { names, keys: Keys::Small(keys), valid: key_valid }, unit, interval, Col::Bool(approximate, approximate_valid), noun] =
        cols
    else {
        return Ok(false);
    };
    // Every kind in the dictionary, looked up before anything is written.
    let mut kind_keys = Vec::with_capacity(numbers.len());
    for n in numbers {
        let name = n.kind.as_str();
        match names.iter().position(|k| *k == name).and_then(|at| i8::try_from(at).ok()) {
            Some(key) => kind_keys.push(key),
            None => return Ok(false),
        }
    }
    let (Some(mut text), Some(mut unit)) = (Strs::of(text), Strs::of(unit)) else {
        return Ok(false);
    };
    let Some((interval, interval_valid)) = struct_cols(interval, &INTERVAL_FIELDS) else {
        return Ok(false);
    };
    let [Col::Float(lows, low_valid), Col::Bool(low_in, low_in_valid), Col::Float(highs, high_valid), Col::Bool(high_in, high_in_valid)] =
        interval
    else {
        return Ok(false);
    };
    let Some((noun_cols, noun_valid)) = struct_cols(noun, &SPAN_FIELDS) else {
        return Ok(false);
    };
    let [Col::Int32(noun_starts, noun_start_valid), Col::Int32(noun_ends, noun_end_valid), noun_text] =
        noun_cols
    else {
        return Ok(false);
    };
    let Some(mut noun_text) = Strs::of(noun_text) else { return Ok(false) };
    for (n, key) in numbers.iter().zip(kind_keys) {
        nums(starts, start_valid, offset(units.map(n.start))?);
        nums(ends, end_valid, offset(units.map(n.end))?);
        text.push(n.text)?;
        nums(keys, key_valid, key);
        match n.unit {
            Some(u) => unit.push(u)?,
            None => unit.push_null(),
        }
        let i = n.interval;
        match i.low() {
            Some(v) => nums(lows, low_valid, bound(v)),
            None => null_num(lows, low_valid),
        }
        low_in.append(i.low_inclusive());
        low_in_valid.append_non_null();
        match i.high() {
            Some(v) => nums(highs, high_valid, bound(v)),
            None => null_num(highs, high_valid),
        }
        high_in.append(i.high_inclusive());
        high_in_valid.append_non_null();
        interval_valid.append_non_null();
        approximate.append(n.approximate);
        approximate_valid.append_non_null();
        match n.noun {
            Some(s) => {
                nums(noun_starts, noun_start_valid, offset(units.map(s.start))?);
                nums(noun_ends, noun_end_valid, offset(units.map(s.end))?);
                noun_text.push(s.text)?;
                noun_valid.append_non_null();
            }
            None => {
                null_num(noun_starts, noun_start_valid);
                null_num(noun_ends, noun_end_valid);
                noun_text.push_null();
                noun_valid.append_null();
            }
        }
    }
    end_list(offsets, valid, item_valid, numbers.len())?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::super::build::Col;
    use super::super::shape::Shape;
    use crate::offsets::{Unit, UnitTable};
    use textfacts::{Analyzer, EntityRef, LayerVisitor, NumberRef, SentenceRecord, TokenRecord};

    /// An empty column of the document model's field `name`.
    fn column(name: &str) -> Col {
        let Shape::Struct(fields) = super::super::document_shape() else {
            panic!("the document is a struct");
        };
        let (_, shape) = fields.iter().find(|(n, _)| *n == name).expect("a field of the model");
        Col::new(shape).expect("an Arrow type")
    }

    /// The analysed text, and whether each typed writer wrote the column
    /// the model traces.
    struct Took(&'static str, Vec<(&'static str, bool)>);

    impl Took {
        fn write<R>(&mut self, name: &'static str, records: &[R], writer: super::Writer<R>) {
            let mut table = UnitTable::default();
            let units = table.fill(self.0, Unit::Char);
            let took = writer(&mut column(name), records, units).expect("written");
            self.1.push((name, took));
        }
    }

    impl LayerVisitor for Took {
        fn layer<T: serde::Serialize + ?Sized>(&mut self, _: &'static str, _: &T) {}
        fn tokens(&mut self, tokens: &[TokenRecord]) {
            self.write("tokens", tokens, super::tokens);
        }
        fn sentences(&mut self, sentences: &[SentenceRecord]) {
            self.write("sentences", sentences, super::sentences);
        }
        fn entities(&mut self, entities: &[EntityRef<'_>]) {
            self.write("entities", entities, super::entities);
        }
        fn numbers(&mut self, numbers: &[NumberRef<'_>]) {
            self.write("numbers", numbers, super::numbers);
        }
    }

    /// A writer that declined its column would leave the layer to serde,
    /// right but slow, and no other test would tell.
    #[test]
    fn every_typed_writer_takes_the_column_the_model_traces() {
        // Non-ASCII, so that offsets go through the unit table.
        let text = "Over 60 people were killed in Aleppo, Syria — Médecins said.";
        let mut took = Took(text, Vec::new());
        Analyzer::new().visit_layers(text, &mut took);
        let names: Vec<_> = took.1.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["tokens", "sentences", "entities", "numbers"]);
        assert!(took.1.iter().all(|(_, took)| *took), "{:?}", took.1);
    }
}
