//! Typed writers for the records that make most of a row: tokens (four in
//! five of a news text's records), sentences, entities (with their places,
//! most of the values of the other layers), numbers and casualties, written
//! into their columns without a serde call per field and per value (the serde writer
//! of [`build`](super::build) spends ~280 instructions a token; this, ~25).
//!
//! They write only a column of the shape the model traces today (a list of
//! structs with exactly these fields, in this order) and say `false`
//! otherwise, so a field the crate adds to a record goes through serde, and
//! into the schema, until it is written here too.

use super::build::{offset_after, Col, Keys};
use crate::offsets::UnitMap;
use crate::ser::Error;
use arrow_buffer::BooleanBufferBuilder;
use arrow_buffer::NullBufferBuilder;
use textfacts::{
    CasualtyRef, EntityRef, Interval, NumberRef, Place, SentenceRecord, TokenKind, TokenRecord,
};

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

/// The fields of a number record, of a casualty record, of its count and
/// location, of an interval and of a span, as the model has them.
const NUMBER_FIELDS: [&str; 8] =
    ["start", "end", "text", "kind", "unit", "interval", "approximate", "noun"];
const CASUALTY_FIELDS: [&str; 5] = ["outcome", "count", "victims", "location", "hedged"];
const COUNT_FIELDS: [&str; 5] = ["start", "end", "text", "interval", "approximate"];
const LOCATION_FIELDS: [&str; 4] = ["start", "end", "text", "place"];
const INTERVAL_FIELDS: [&str; 4] = ["low", "low_inclusive", "high", "high_inclusive"];
const SPAN_FIELDS: [&str; 3] = ["start", "end", "text"];

/// The columns of a struct with the fields `names` exactly, and its validity.
fn struct_cols<'c>(
    col: &'c mut Col,
    names: &[&str],
) -> Option<(&'c mut [Col], &'c mut NullBufferBuilder)> {
    let Col::Struct { names: have, cols, valid, .. } = col else { return None };
    (have.as_slice() == names).then_some((cols.as_mut_slice(), valid))
}

/// The dictionary key of each of `names` (variant names) in an enum
/// column, looked up before anything is written (`None`: not an enum
/// column of small keys, or a name its dictionary lacks).
fn enum_keys(
    col: &mut Col,
    names: impl Iterator<Item = &'static str>,
) -> Option<(Vec<i8>, &mut Vec<i8>, &mut NullBufferBuilder)> {
    let Col::Enum { names: have, keys: Keys::Small(keys), valid } = col else { return None };
    let mut found = Vec::new();
    for name in names {
        found.push(have.iter().position(|n| *n == name).and_then(|at| i8::try_from(at).ok())?);
    }
    Some((found, keys, valid))
}

/// A bool column's parts.
struct Bools<'c>(&'c mut BooleanBufferBuilder, &'c mut NullBufferBuilder);

impl Bools<'_> {
    fn of(col: &mut Col) -> Option<Bools<'_>> {
        match col {
            Col::Bool(values, valid) => Some(Bools(values, valid)),
            _ => None,
        }
    }

    #[inline(always)]
    fn push(&mut self, v: bool) {
        self.0.append(v);
        self.1.append_non_null();
    }
}

/// The columns of an interval struct ([`INTERVAL_FIELDS`]).
struct Intervals<'c> {
    valid: &'c mut NullBufferBuilder,
    low: (&'c mut Vec<f64>, &'c mut NullBufferBuilder),
    low_inclusive: Bools<'c>,
    high: (&'c mut Vec<f64>, &'c mut NullBufferBuilder),
    high_inclusive: Bools<'c>,
}

impl Intervals<'_> {
    fn of(col: &mut Col) -> Option<Intervals<'_>> {
        let (cols, valid) = struct_cols(col, &INTERVAL_FIELDS)?;
        let [Col::Float(low, low_valid), low_inclusive, Col::Float(high, high_valid), high_inclusive] =
            cols
        else {
            return None;
        };
        Some(Intervals {
            valid,
            low: (low, low_valid),
            low_inclusive: Bools::of(low_inclusive)?,
            high: (high, high_valid),
            high_inclusive: Bools::of(high_inclusive)?,
        })
    }

    /// Writes `i`, each bound as the model writes it: an integral value
    /// below 2^53 as an integer, read back as a float (so -0.0 is 0.0).
    fn push(&mut self, i: Interval) {
        fn bound((values, valid): &mut (&mut Vec<f64>, &mut NullBufferBuilder), v: Option<f64>) {
            const EXACT: f64 = 9_007_199_254_740_992.0;
            match v {
                Some(v) if v.fract() == 0.0 && v.abs() < EXACT => {
                    nums(values, valid, v as i64 as f64)
                }
                Some(v) => nums(values, valid, v),
                None => null_num(values, valid),
            }
        }
        bound(&mut self.low, i.low());
        self.low_inclusive.push(i.low_inclusive());
        bound(&mut self.high, i.high());
        self.high_inclusive.push(i.high_inclusive());
        self.valid.append_non_null();
    }
}

/// The columns of a span struct ([`SPAN_FIELDS`]), or of a location's
/// first three (its place apart).
struct Spans<'c> {
    valid: &'c mut NullBufferBuilder,
    start: (&'c mut Vec<i32>, &'c mut NullBufferBuilder),
    end: (&'c mut Vec<i32>, &'c mut NullBufferBuilder),
    text: Strs<'c>,
}

impl<'c> Spans<'c> {
    fn of(col: &'c mut Col) -> Option<Spans<'c>> {
        let (cols, valid) = struct_cols(col, &SPAN_FIELDS)?;
        Spans::of_cols(cols, valid)
    }

    fn of_cols(cols: &'c mut [Col], valid: &'c mut NullBufferBuilder) -> Option<Spans<'c>> {
        let [Col::Int32(start, start_valid), Col::Int32(end, end_valid), text, ..] = cols else {
            return None;
        };
        Some(Spans {
            valid,
            start: (start, start_valid),
            end: (end, end_valid),
            text: Strs::of(text)?,
        })
    }

    /// Writes the span `start..end` of text `text`, or a null span.
    fn push(
        &mut self,
        span: Option<(usize, usize, &str)>,
        units: UnitMap<'_>,
    ) -> Result<(), Error> {
        match span {
            Some((start, end, text)) => {
                nums(self.start.0, self.start.1, offset(units.map(start))?);
                nums(self.end.0, self.end.1, offset(units.map(end))?);
                self.text.push(text)?;
                self.valid.append_non_null();
            }
            None => {
                null_num(self.start.0, self.start.1);
                null_num(self.end.0, self.end.1);
                self.text.push_null();
                self.valid.append_null();
            }
        }
        Ok(())
    }
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
    let [Col::Int32(starts, start_valid), Col::Int32(ends, end_valid), text, kind, unit, interval, approximate, noun] =
        cols
    else {
        return Ok(false);
    };
    let (
        Some((kinds, keys, key_valid)),
        Some(mut text),
        Some(mut unit),
        Some(mut interval),
        Some(mut approximate),
        Some(mut noun),
    ) = (
        enum_keys(kind, numbers.iter().map(|n| n.kind.as_str())),
        Strs::of(text),
        Strs::of(unit),
        Intervals::of(interval),
        Bools::of(approximate),
        Spans::of(noun),
    )
    else {
        return Ok(false);
    };
    for (n, key) in numbers.iter().zip(kinds) {
        nums(starts, start_valid, offset(units.map(n.start))?);
        nums(ends, end_valid, offset(units.map(n.end))?);
        text.push(n.text)?;
        nums(keys, key_valid, key);
        match n.unit {
            Some(u) => unit.push(u)?,
            None => unit.push_null(),
        }
        interval.push(n.interval);
        approximate.push(n.approximate);
        noun.push(n.noun.map(|s| (s.start, s.end, s.text)), units)?;
    }
    end_list(offsets, valid, item_valid, numbers.len())?;
    Ok(true)
}

/// Writes `facts` into `col`, a `casualties` column, offsets in the unit of
/// `units` (`Ok(false)`: not of the shape written here, or an outcome its
/// dictionary lacks; nothing written).
pub fn casualties(
    col: &mut Col,
    facts: &[CasualtyRef<'_>],
    units: UnitMap<'_>,
) -> Result<bool, Error> {
    let Some((offsets, valid, item_valid, cols)) = list_of_structs(col, &CASUALTY_FIELDS) else {
        return Ok(false);
    };
    let [outcome, count, victims, location, hedged] = cols else { return Ok(false) };
    let Some((count_cols, count_valid)) = struct_cols(count, &COUNT_FIELDS) else {
        return Ok(false);
    };
    let Some((count_span, [count_interval, count_approximate])) =
        count_cols.split_at_mut_checked(3)
    else {
        return Ok(false);
    };
    let (Some(mut count_interval), Some(mut count_approximate)) =
        (Intervals::of(count_interval), Bools::of(count_approximate))
    else {
        return Ok(false);
    };
    let Some((location_cols, location_valid)) = struct_cols(location, &LOCATION_FIELDS) else {
        return Ok(false);
    };
    let Some((location_span, [place])) = location_cols.split_at_mut_checked(3) else {
        return Ok(false);
    };
    let Some(mut place) = Places::of(place) else { return Ok(false) };
    let (
        Some((outcomes, keys, key_valid)),
        Some(mut count),
        Some(mut victims),
        Some(mut location),
        Some(mut hedged),
    ) = (
        enum_keys(outcome, facts.iter().map(|f| f.outcome.as_str())),
        Spans::of_cols(count_span, count_valid),
        Spans::of(victims),
        Spans::of_cols(location_span, location_valid),
        Bools::of(hedged),
    )
    else {
        return Ok(false);
    };
    for (f, key) in facts.iter().zip(outcomes) {
        nums(keys, key_valid, key);
        let c = &f.count;
        count.push(Some((c.start, c.end, c.text)), units)?;
        count_interval.push(c.interval);
        count_approximate.push(c.approximate);
        victims.push(f.victims.map(|s| (s.start, s.end, s.text)), units)?;
        location.push(f.location.as_ref().map(|l| (l.start, l.end, l.text)), units)?;
        // A null location: its place is null too, as serde writes it.
        place.push(f.location.as_ref().and_then(|l| l.place.as_ref()))?;
        hedged.push(f.hedged);
    }
    end_list(offsets, valid, item_valid, facts.len())?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::super::build::Col;
    use super::super::shape::Shape;
    use crate::offsets::{Unit, UnitTable};
    use textfacts::{
        Analyzer, CasualtyRef, EntityRef, LayerVisitor, NumberRef, SentenceRecord, TokenRecord,
    };

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
        fn casualties(&mut self, facts: &[CasualtyRef<'_>]) {
            self.write("casualties", facts, super::casualties);
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
        assert_eq!(names, ["tokens", "sentences", "entities", "numbers", "casualties"]);
        assert!(took.1.iter().all(|(_, took)| *took), "{:?}", took.1);
    }
}
