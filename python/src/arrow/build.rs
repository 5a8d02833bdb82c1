//! Arrow columns written straight from the serde model: a `Serializer` that
//! appends each record to builders shaped by the traced schema (`shape`).
//! Fields the schema lacks are skipped, fields a record lacks are null, and
//! offset fields (the only `Int32` columns) are converted to the row's unit
//! as they are written (see [`UnitMap`]).

use super::recycle::{self, Element, Pool};
use super::shape::Shape;
use crate::offsets::{is_offset_field, UnitMap};
use crate::ser::{forward_narrow_scalars, seq_impls, struct_impls, Error};
use arrow_array::types::{ArrowDictionaryKeyType, Int32Type, Int8Type};
use arrow_array::{
    ArrayRef, BooleanArray, DictionaryArray, Float64Array, Int32Array, Int64Array, Int8Array,
    ListArray, PrimitiveArray, StringArray, StructArray,
};
use arrow_buffer::{BooleanBufferBuilder, Buffer, NullBufferBuilder, OffsetBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, DataType, Field, Fields};
use serde::ser::{self, Serialize};
use std::panic::RefUnwindSafe;
use std::sync::Arc;

/// Dictionary keys of an enum column: `Int8` when the names fit.
fn key_type(names: &[&str]) -> DataType {
    if names.len() <= i8::MAX as usize {
        DataType::Int8
    } else {
        DataType::Int32
    }
}

/// The Arrow type of a field (`None`: not representable, left out). Offsets
/// (`start`/`end`) are `Int32`, as in Arrow's own string arrays: a text of
/// more than 2 GiB is refused by `analyze_arrow`.
pub fn field_type(name: &str, shape: &Shape) -> Option<DataType> {
    if *shape == Shape::Int && is_offset_field(name) {
        return Some(DataType::Int32);
    }
    data_type(shape)
}

/// The Arrow type of a shape (`None`: not representable, left out). Enums
/// are dictionary-encoded strings whose dictionary is every variant name.
pub fn data_type(shape: &Shape) -> Option<DataType> {
    Some(match shape {
        Shape::Bool => DataType::Boolean,
        Shape::Int => DataType::Int64,
        Shape::Enum(names) => {
            DataType::Dictionary(Box::new(key_type(names)), Box::new(DataType::Utf8))
        }
        Shape::Float => DataType::Float64,
        Shape::Str => DataType::Utf8,
        Shape::List(item) => DataType::List(Arc::new(Field::new("item", data_type(item)?, true))),
        Shape::Struct(fields) => DataType::Struct(struct_fields(fields)),
        Shape::Unknown => return None,
    })
}

pub fn struct_fields(fields: &[(&'static str, Shape)]) -> Fields {
    fields
        .iter()
        .filter_map(|(name, shape)| Some(Field::new(*name, field_type(name, shape)?, true)))
        .collect()
}

/// The dictionary keys of an enum column.
pub enum Keys {
    Small(Vec<i8>),
    Wide(Vec<i32>),
}

/// A column being built.
pub enum Col {
    Bool(BooleanBufferBuilder, NullBufferBuilder),
    Int(Vec<i64>, NullBufferBuilder),
    Int32(Vec<i32>, NullBufferBuilder),
    Enum { names: &'static [&'static str], keys: Keys, valid: NullBufferBuilder },
    Float(Vec<f64>, NullBufferBuilder),
    Str { offsets: Vec<i32>, data: Vec<u8>, valid: NullBufferBuilder },
    List { offsets: Vec<i32>, valid: NullBufferBuilder, item: Box<Col>, field: Arc<Field> },
    Struct { names: Vec<&'static str>, cols: Vec<Col>, valid: NullBufferBuilder, fields: Fields },
}

impl Col {
    /// An empty column for field `name` of `shape` (`None` if it has no Arrow type).
    fn field(name: &str, shape: &Shape) -> Option<Col> {
        if *shape == Shape::Int && is_offset_field(name) {
            return Some(Col::Int32(Vec::new(), NullBufferBuilder::new(0)));
        }
        Col::new(shape)
    }

    /// An empty column of `shape` (`None` if it has no Arrow type).
    pub fn new(shape: &Shape) -> Option<Col> {
        let valid = NullBufferBuilder::new(0);
        Some(match shape {
            Shape::Enum(names) => Col::Enum {
                names,
                keys: if key_type(names) == DataType::Int8 {
                    Keys::Small(Vec::new())
                } else {
                    Keys::Wide(Vec::new())
                },
                valid,
            },
            Shape::Bool => Col::Bool(BooleanBufferBuilder::new(0), valid),
            Shape::Int => Col::Int(Vec::new(), valid),
            Shape::Float => Col::Float(Vec::new(), valid),
            Shape::Str => Col::Str { offsets: vec![0], data: Vec::new(), valid },
            Shape::List(item) => Col::List {
                offsets: vec![0],
                valid,
                field: Arc::new(Field::new("item", data_type(item)?, true)),
                item: Box::new(Col::new(item)?),
            },
            Shape::Struct(fields) => {
                let (names, cols): (Vec<_>, _) = fields
                    .iter()
                    .filter_map(|(name, shape)| Some((*name, Col::field(name, shape)?)))
                    .unzip();
                Col::Struct { names, cols, valid, fields: struct_fields(fields) }
            }
            Shape::Unknown => return None,
        })
    }

    pub fn push_null(&mut self) {
        match self {
            Col::Bool(values, valid) => {
                values.append(false);
                valid.append_null();
            }
            Col::Int(values, valid) => {
                values.push(0);
                valid.append_null();
            }
            Col::Float(values, valid) => {
                values.push(0.0);
                valid.append_null();
            }
            Col::Int32(values, valid) => {
                values.push(0);
                valid.append_null();
            }
            Col::Enum { keys, valid, .. } => {
                match keys {
                    Keys::Small(k) => k.push(0),
                    Keys::Wide(k) => k.push(0),
                }
                valid.append_null();
            }
            Col::Str { offsets, valid, .. } | Col::List { offsets, valid, .. } => {
                offsets.push(offsets.last().copied().unwrap_or(0));
                valid.append_null();
            }
            Col::Struct { cols, valid, .. } => {
                cols.iter_mut().for_each(Col::push_null);
                valid.append_null();
            }
        }
    }

    /// A row of this struct column written field by field (`Row::field`);
    /// fields not written are null. Offsets are written in the unit of
    /// `units`, the row's text's.
    pub fn row<'c>(&'c mut self, units: UnitMap<'c>) -> Result<Row<'c>, Error> {
        let ser = ColSer { col: self, units };
        Ok(Row { ser: ser::Serializer::serialize_struct(ser, "row", 0)?, units, error: None })
    }

    /// The finished array, its large buffers lent from `lend`'s pool (see
    /// [`recycle`](super::recycle)).
    fn finish(self, lend: &mut Lend<'_>) -> Result<ArrayRef, ArrowError> {
        Ok(match self {
            Col::Bool(mut values, mut valid) => {
                Arc::new(BooleanArray::new(values.finish(), valid.finish()))
            }
            Col::Int(values, mut valid) => {
                Arc::new(Int64Array::try_new(lend.scalars(values), valid.finish())?)
            }
            Col::Float(values, mut valid) => {
                Arc::new(Float64Array::try_new(lend.scalars(values), valid.finish())?)
            }
            Col::Int32(values, mut valid) => {
                Arc::new(Int32Array::try_new(lend.scalars(values), valid.finish())?)
            }
            Col::Enum { names, keys, mut valid } => {
                let values: ArrayRef = Arc::new(StringArray::from_iter_values(names.iter()));
                match keys {
                    Keys::Small(k) => {
                        // A negative key reads as 128 or more: out of bounds.
                        let max = k.iter().fold(0u8, |max, &key| max.max(key as u8));
                        let keys = Int8Array::try_new(lend.scalars(k), valid.finish())?;
                        dictionary::<Int8Type>(keys, values, usize::from(max))?
                    }
                    Keys::Wide(k) => {
                        let max = k.iter().fold(0u32, |max, &key| max.max(key as u32));
                        let keys = Int32Array::try_new(lend.scalars(k), valid.finish())?;
                        dictionary::<Int32Type>(keys, values, max as usize)?
                    }
                }
            }
            Col::Str { offsets, data, mut valid } => {
                // Checked as built, not here: this thread finishes the batch
                // alone once the workers are done, and checking every string
                // again (UTF-8, each offset on a char boundary: ~1.5% of the
                // call's time, news) would be serial work.
                let (offsets, data) = (lend.scalars(offsets), lend.buffer(data));
                if offsets.first() != Some(&0)
                    || offsets.windows(2).any(|w| w[0] > w[1])
                    || offsets.last().is_some_and(|&end| end as usize != data.len())
                {
                    return Err(ArrowError::InvalidArgumentError("string offsets".into()));
                }
                let nulls = valid.finish();
                if nulls.as_ref().is_some_and(|n| n.len() + 1 != offsets.len()) {
                    return Err(ArrowError::InvalidArgumentError("string validity".into()));
                }
                // SAFETY: the offsets start at 0, rise and end at the data's
                // length, and the validity has a bit per string (checked
                // above); the data is whole `&str`s one after another, each
                // offset the end of one (`Col::Str` grows only by `str`
                // pushes, nulls that repeat the last offset and appends of
                // another such column with its offsets shifted by this one's
                // end), so every string is UTF-8 on char boundaries.
                Arc::new(unsafe {
                    StringArray::new_unchecked(OffsetBuffer::new_unchecked(offsets), data, nulls)
                })
            }
            Col::List { offsets, mut valid, item, field } => {
                let offsets = OffsetBuffer::new(lend.scalars(offsets));
                Arc::new(ListArray::try_new(field, offsets, item.finish(lend)?, valid.finish())?)
            }
            Col::Struct { cols, mut valid, fields, .. } => {
                let arrays =
                    cols.into_iter().map(|c| c.finish(lend)).collect::<Result<Vec<_>, _>>()?;
                Arc::new(StructArray::try_new(fields, arrays, valid.finish())?)
            }
        })
    }

    /// Starts this (empty) column's buffers, for a batch of `text_bytes`
    /// bytes of text, from those `pool` kept ([`Pool::take`]), in the order
    /// [`Col::finish`] lends them.
    pub fn take_spares(&mut self, pool: &Pool, text_bytes: usize) {
        self.take_spares_from(&mut Spares { pool, text_bytes, slot: 0 });
    }

    fn take_spares_from(&mut self, spares: &mut Spares<'_>) {
        match self {
            Col::Bool(..) => {}
            Col::Int(values, _) => spares.take(values),
            Col::Int32(values, _) => spares.take(values),
            Col::Float(values, _) => spares.take(values),
            Col::Enum { keys: Keys::Small(k), .. } => spares.take(k),
            Col::Enum { keys: Keys::Wide(k), .. } => spares.take(k),
            Col::Str { offsets, data, .. } => {
                spares.take(offsets);
                spares.take(data);
            }
            Col::List { offsets, item, .. } => {
                spares.take(offsets);
                item.take_spares_from(spares);
            }
            Col::Struct { cols, .. } => cols.iter_mut().for_each(|c| c.take_spares_from(spares)),
        }
    }

    /// The bytes this column's buffers hold room for.
    pub fn capacity_bytes(&self) -> usize {
        fn room<T>(values: &Vec<T>) -> usize {
            values.capacity() * std::mem::size_of::<T>()
        }
        match self {
            Col::Bool(values, _) => values.capacity() / 8,
            Col::Int(values, _) => room(values),
            Col::Int32(values, _) => room(values),
            Col::Float(values, _) => room(values),
            Col::Enum { keys: Keys::Small(k), .. } => room(k),
            Col::Enum { keys: Keys::Wide(k), .. } => room(k),
            Col::Str { offsets, data, .. } => room(offsets) + room(data),
            Col::List { offsets, item, .. } => room(offsets) + item.capacity_bytes(),
            Col::Struct { cols, .. } => cols.iter().map(Col::capacity_bytes).sum(),
        }
    }

    /// Appends the rows of `other`, a column of the same shape (built
    /// alongside this one, e.g. by another worker).
    pub fn append(&mut self, other: &Col) -> Result<(), Error> {
        match (self, other) {
            (Col::Bool(values, valid), Col::Bool(more, more_valid)) => {
                values.append_packed_range(0..more.len(), more.as_slice());
                append_validity(valid, more_valid);
            }
            (Col::Int(values, valid), Col::Int(more, more_valid)) => {
                values.extend_from_slice(more);
                append_validity(valid, more_valid);
            }
            (Col::Int32(values, valid), Col::Int32(more, more_valid)) => {
                values.extend_from_slice(more);
                append_validity(valid, more_valid);
            }
            (Col::Float(values, valid), Col::Float(more, more_valid)) => {
                values.extend_from_slice(more);
                append_validity(valid, more_valid);
            }
            (Col::Enum { keys, valid, .. }, Col::Enum { keys: more, valid: more_valid, .. }) => {
                match (keys, more) {
                    (Keys::Small(k), Keys::Small(more)) => k.extend_from_slice(more),
                    (Keys::Wide(k), Keys::Wide(more)) => k.extend_from_slice(more),
                    _ => return Err(Error("enum columns of different key widths".into())),
                }
                append_validity(valid, more_valid);
            }
            (
                Col::Str { offsets, data, valid },
                Col::Str { offsets: more_offsets, data: more_data, valid: more_valid },
            ) => {
                append_offsets(offsets, more_offsets)?;
                data.extend_from_slice(more_data);
                append_validity(valid, more_valid);
            }
            (
                Col::List { offsets, valid, item, .. },
                Col::List { offsets: more_offsets, valid: more_valid, item: more_item, .. },
            ) => {
                append_offsets(offsets, more_offsets)?;
                item.append(more_item)?;
                append_validity(valid, more_valid);
            }
            (
                Col::Struct { cols, valid, .. },
                Col::Struct { cols: more_cols, valid: more_valid, .. },
            ) => {
                for (col, more) in cols.iter_mut().zip(more_cols) {
                    col.append(more)?;
                }
                append_validity(valid, more_valid);
            }
            _ => return Err(Error("appending a column of another shape".into())),
        }
        Ok(())
    }

    /// Empties the column, keeping its memory for the next rows.
    pub fn clear(&mut self) {
        match self {
            Col::Bool(values, valid) => {
                values.truncate(0);
                *valid = NullBufferBuilder::new(0);
            }
            Col::Int(values, valid) => {
                values.clear();
                *valid = NullBufferBuilder::new(0);
            }
            Col::Int32(values, valid) => {
                values.clear();
                *valid = NullBufferBuilder::new(0);
            }
            Col::Float(values, valid) => {
                values.clear();
                *valid = NullBufferBuilder::new(0);
            }
            Col::Enum { keys, valid, .. } => {
                match keys {
                    Keys::Small(k) => k.clear(),
                    Keys::Wide(k) => k.clear(),
                }
                *valid = NullBufferBuilder::new(0);
            }
            Col::Str { offsets, data, valid } => {
                offsets.truncate(1);
                data.clear();
                *valid = NullBufferBuilder::new(0);
            }
            Col::List { offsets, valid, item, .. } => {
                offsets.truncate(1);
                item.clear();
                *valid = NullBufferBuilder::new(0);
            }
            Col::Struct { cols, valid, .. } => {
                cols.iter_mut().for_each(Col::clear);
                *valid = NullBufferBuilder::new(0);
            }
        }
    }

    /// The children of a struct column, finished (the columns of a batch),
    /// their large buffers lent from `pool` (see [`recycle`](super::recycle)).
    pub fn finish_columns(self, pool: &Arc<Pool>) -> Result<(Fields, Vec<ArrayRef>), ArrowError> {
        match self {
            Col::Struct { cols, fields, .. } => {
                let mut lend = Lend { pool, slot: 0 };
                let arrays =
                    cols.into_iter().map(|c| c.finish(&mut lend)).collect::<Result<Vec<_>, _>>()?;
                Ok((fields, arrays))
            }
            _ => Err(ArrowError::SchemaError("the document is not a struct".into())),
        }
    }
}

/// The dictionary array of `keys` into `values`, `max` the largest key (a
/// negative one counted as larger than any). Keys in bounds, as the writers
/// make them, are known from `max` alone (one pass that vectorises), not
/// checked one by one with their validity as `try_new` checks them (~5
/// instructions a key, on the calling thread once the chunks are in).
fn dictionary<K: ArrowDictionaryKeyType>(
    keys: PrimitiveArray<K>,
    values: ArrayRef,
    max: usize,
) -> Result<ArrayRef, ArrowError> {
    if keys.is_empty() || max >= values.len() {
        return Ok(Arc::new(DictionaryArray::try_new(keys, values)?));
    }
    // SAFETY: every key, null or not, lies in `0..values.len()` (its largest
    // is `max`), which is all that `try_new` checks.
    Ok(Arc::new(unsafe { DictionaryArray::new_unchecked(keys, values) }))
}

/// The pool a column's buffers start from, the batch's bytes of text, and
/// the next buffer's slot.
struct Spares<'p> {
    pool: &'p Pool,
    text_bytes: usize,
    slot: usize,
}

impl Spares<'_> {
    /// Replaces `values` (empty, or an offsets column's lone 0) with the
    /// next slot's kept buffer, if there is one.
    fn take<T: Element>(&mut self, values: &mut Vec<T>) {
        if let Some(spare) = self.pool.take::<T>(self.slot, self.text_bytes) {
            let first = values.first().copied();
            *values = spare;
            values.extend(first);
        }
        self.slot += 1;
    }
}

/// The pool a column's buffers are lent from, and the next buffer's slot.
struct Lend<'p> {
    pool: &'p Arc<Pool>,
    slot: usize,
}

impl Lend<'_> {
    fn buffer<T: Element + RefUnwindSafe + Send + Sync>(&mut self, values: Vec<T>) -> Buffer {
        self.slot += 1;
        recycle::buffer(values, self.slot - 1, self.pool)
    }

    fn scalars<T: Element + RefUnwindSafe + Send + Sync>(
        &mut self,
        values: Vec<T>,
    ) -> ScalarBuffer<T> {
        self.slot += 1;
        recycle::scalars(values, self.slot - 1, self.pool)
    }
}

/// Whether two field or variant names are the same: names are short and
/// mostly the very same `&'static str`, so this beats a call to `memcmp`.
#[inline(always)]
fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && (std::ptr::eq(a.as_ptr(), b.as_ptr()) || a.bytes().zip(b.bytes()).all(|(x, y)| x == y))
}

fn append_validity(valid: &mut NullBufferBuilder, more: &NullBufferBuilder) {
    // A validity bitmap exists only once a null was appended; it is copied
    // a word at a time, with no buffer made for it.
    let Some(bits) = more.as_slice() else {
        valid.append_n_non_nulls(more.len());
        return;
    };
    let mut left = more.len();
    for word in bits.chunks(8) {
        if left == 0 {
            break;
        }
        let mut le = [0u8; 8];
        le[..word.len()].copy_from_slice(word);
        let n = left.min(64);
        valid.append_word(u64::from_le_bytes(le), n);
        left -= n;
    }
}

/// Appends the offsets `more` (starting at 0) after the last of `offsets`.
fn append_offsets(offsets: &mut Vec<i32>, more: &[i32]) -> Result<(), Error> {
    let base = offsets.last().copied().unwrap_or(0);
    let added = more.last().copied().unwrap_or(0);
    // Offsets rise from 0, so the last is the largest: if it fits, all do.
    offset_after(offsets, usize::try_from(added).unwrap_or(usize::MAX))?;
    offsets.extend(more.iter().skip(1).map(|o| base + o));
    Ok(())
}

#[inline(always)]
pub(super) fn offset_after(offsets: &[i32], added: usize) -> Result<i32, Error> {
    let last = offsets.last().copied().unwrap_or(0);
    i32::try_from(added).ok().and_then(|a| last.checked_add(a)).ok_or_else(too_much_output)
}

#[cold]
pub(super) fn beyond_2_gib() -> Error {
    Error("an offset beyond 2 GiB: use analyze_batch for texts this long".into())
}

#[cold]
fn too_much_output() -> Error {
    Error("more than 2 GiB of output in one column: pass fewer rows".into())
}

/// A row of a struct column being written (see [`Col::row`]).
pub struct Row<'a> {
    ser: StructSer<'a>,
    /// The row's text's offsets in the unit.
    units: UnitMap<'a>,
    /// The first error, which ends the row.
    error: Option<Error>,
}

impl Row<'_> {
    /// Writes field `name` of the row (a field the column lacks is skipped).
    pub fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        if self.error.is_none() {
            self.error = ser::SerializeStruct::serialize_field(&mut self.ser, name, value).err();
        }
    }

    /// Writes field `name` of the row with `direct` (given the column and
    /// the row's offsets in the unit) when it can (it returns `Ok(false)`,
    /// having written nothing, when the column is not of the shape it
    /// writes), else from `value` through serde.
    pub fn field_with<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        direct: impl FnOnce(&mut Col, UnitMap<'_>) -> Result<bool, Error>,
    ) {
        if self.error.is_some() {
            return;
        }
        let units = self.units;
        if let Some(col) = self.ser.column(name) {
            self.error = match direct(col, units) {
                Ok(true) => None,
                Ok(false) => value.serialize(ColSer { col, units }).err(),
                Err(e) => Some(e),
            };
        }
    }

    /// Ends the row: the fields not written are null.
    pub fn finish(self) -> Result<(), Error> {
        match self.error {
            Some(e) => Err(e),
            None => ser::SerializeStruct::end(self.ser),
        }
    }
}

struct ColSer<'a> {
    col: &'a mut Col,
    /// The row's text's offsets in the unit.
    units: UnitMap<'a>,
}

impl ColSer<'_> {
    #[inline(always)]
    fn int(self, v: i64) -> Result<(), Error> {
        match self.col {
            Col::Int(values, valid) => {
                values.push(v);
                valid.append_non_null();
            }
            Col::Float(values, valid) => {
                values.push(v as f64);
                valid.append_non_null();
            }
            Col::Int32(values, valid) => {
                // An offset (the only `Int32` fields), in the unit.
                let v = usize::try_from(v).map_or(v, |at| self.units.map(at) as i64);
                values.push(i32::try_from(v).map_err(|_| beyond_2_gib())?);
                valid.append_non_null();
            }
            other => other.push_null(),
        }
        Ok(())
    }

    /// Variant `v`, number `index` of its enum (where the traced names
    /// have it, unless variants are skipped: then it is looked up).
    #[inline(always)]
    fn variant(self, index: u32, v: &str) -> Result<(), Error> {
        match self.col {
            Col::Enum { names, keys, valid } => match names
                .get(index as usize)
                .filter(|n| same_name(n, v))
                .map(|_| index as usize)
                .or_else(|| names.iter().position(|n| same_name(n, v)))
            {
                Some(at) => {
                    match keys {
                        Keys::Small(k) => k.push(at as i8),
                        Keys::Wide(k) => k.push(at as i32),
                    }
                    valid.append_non_null();
                }
                None => self.col.push_null(),
            },
            _ => return self.str(v),
        }
        Ok(())
    }

    #[inline(always)]
    fn str(self, v: &str) -> Result<(), Error> {
        match self.col {
            Col::Str { offsets, data, valid } => {
                let next = offset_after(offsets, v.len())?;
                data.extend_from_slice(v.as_bytes());
                offsets.push(next);
                valid.append_non_null();
            }
            other => other.push_null(),
        }
        Ok(())
    }
}

/// Sequence and struct serializers; `Skip` swallows what the schema lacks.
pub enum SeqSer<'a> {
    List {
        offsets: &'a mut Vec<i32>,
        valid: &'a mut NullBufferBuilder,
        item: &'a mut Col,
        n: usize,
        units: UnitMap<'a>,
    },
    Skip,
}

pub enum StructSer<'a> {
    Struct {
        names: &'a [&'static str],
        cols: &'a mut [Col],
        valid: &'a mut NullBufferBuilder,
        /// Bit `i`: field `i` was written (structs of up to 64 fields; later
        /// ones are never null-filled, which no record of the model needs).
        seen: u64,
        next: usize,
        units: UnitMap<'a>,
    },
    Skip,
}

impl<'a> ser::Serializer for ColSer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = SeqSer<'a>;
    type SerializeTuple = SeqSer<'a>;
    type SerializeTupleStruct = SeqSer<'a>;
    type SerializeTupleVariant = SeqSer<'a>;
    type SerializeMap = StructSer<'a>;
    type SerializeStruct = StructSer<'a>;
    type SerializeStructVariant = StructSer<'a>;

    forward_narrow_scalars!();

    #[inline(always)]
    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        match self.col {
            Col::Bool(values, valid) => {
                values.append(v);
                valid.append_non_null();
            }
            other => other.push_null(),
        }
        Ok(())
    }
    #[inline(always)]
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.int(v)
    }
    #[inline(always)]
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        match i64::try_from(v) {
            Ok(v) => self.int(v),
            Err(_) => {
                self.col.push_null();
                Ok(())
            }
        }
    }
    #[inline(always)]
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        match self.col {
            Col::Float(values, valid) => {
                values.push(v);
                valid.append_non_null();
            }
            other => other.push_null(),
        }
        Ok(())
    }
    #[inline(always)]
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.str(v)
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        self.col.push_null();
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.col.push_null();
        Ok(())
    }
    #[inline(always)]
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.variant(index, variant)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        self.serialize_none()
    }
    #[inline(always)]
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqSer<'a>, Error> {
        match self.col {
            Col::List { offsets, valid, item, .. } => {
                let _ = len;
                Ok(SeqSer::List { offsets, valid, item, n: 0, units: self.units })
            }
            other => {
                other.push_null();
                Ok(SeqSer::Skip)
            }
        }
    }
    fn serialize_tuple(self, _len: usize) -> Result<SeqSer<'a>, Error> {
        self.col.push_null();
        Ok(SeqSer::Skip)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<StructSer<'a>, Error> {
        self.col.push_null();
        Ok(StructSer::Skip)
    }
    #[inline(always)]
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<StructSer<'a>, Error> {
        match self.col {
            Col::Struct { names, cols, valid, .. } => {
                Ok(StructSer::Struct { seen: 0, names, cols, valid, next: 0, units: self.units })
            }
            other => {
                other.push_null();
                Ok(StructSer::Skip)
            }
        }
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<StructSer<'a>, Error> {
        self.col.push_null();
        Ok(StructSer::Skip)
    }
}

impl SeqSer<'_> {
    #[inline(always)]
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        if let SeqSer::List { item, n, units, .. } = self {
            value.serialize(ColSer { col: item, units: *units })?;
            *n += 1;
        }
        Ok(())
    }

    #[inline(always)]
    fn finish(self) -> Result<(), Error> {
        if let SeqSer::List { offsets, valid, n, .. } = self {
            let next = offset_after(offsets, n)?;
            offsets.push(next);
            valid.append_non_null();
        }
        Ok(())
    }
}

seq_impls!([] SeqSer<'_> => ());

impl StructSer<'_> {
    /// The column of field `key`, marked written (`None`: the schema lacks
    /// it, or it was written already).
    #[inline(always)]
    fn column(&mut self, key: &'static str) -> Option<&mut Col> {
        let StructSer::Struct { names, cols, seen, next, .. } = self else {
            return None;
        };
        // Fields come in schema order: look where the last one ended first.
        let at = if names.get(*next).is_some_and(|n| same_name(n, key)) {
            *next
        } else {
            names.iter().position(|n| same_name(n, key))?
        };
        let col = cols.get_mut(at)?;
        *next = at + 1;
        let bit = 1u64.checked_shl(at as u32).unwrap_or(0);
        if *seen & bit != 0 {
            return None;
        }
        *seen |= bit;
        Some(col)
    }

    #[inline(always)]
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let units = match self {
            StructSer::Struct { units, .. } => *units,
            StructSer::Skip => return Ok(()),
        };
        match self.column(key) {
            Some(col) => value.serialize(ColSer { col, units }),
            None => Ok(()),
        }
    }

    #[inline(always)]
    fn finish(self) -> Result<(), Error> {
        if let StructSer::Struct { cols, valid, seen, .. } = self {
            let every = 1u64.checked_shl(cols.len() as u32).map_or(u64::MAX, |b| b - 1);
            if seen != every {
                for (i, col) in cols.iter_mut().enumerate() {
                    if i < 64 && seen & (1 << i) == 0 {
                        col.push_null();
                    }
                }
            }
            valid.append_non_null();
        }
        Ok(())
    }
}

struct_impls!([] StructSer<'_> => ());

impl ser::SerializeMap for StructSer<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, _key: &T) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, _value: &T) -> Result<(), Error> {
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::append_validity;
    use arrow_buffer::NullBufferBuilder;

    /// A builder holding `bits` as validity.
    fn builder(bits: &[bool]) -> NullBufferBuilder {
        let mut b = NullBufferBuilder::new(0);
        bits.iter().for_each(|&v| b.append(v));
        b
    }

    /// The validity `b` holds.
    fn read(b: &NullBufferBuilder) -> Vec<bool> {
        (0..b.len()).map(|i| b.is_valid(i)).collect()
    }

    #[test]
    fn validity_is_appended_bit_for_bit_across_words() {
        // Lengths around a byte and a word, nulls at their edges, onto
        // builders with and without a bitmap, ending inside a byte.
        let pattern = |n: usize, null: &dyn Fn(usize) -> bool| -> Vec<bool> {
            (0..n).map(|i| !null(i)).collect()
        };
        let heads = [pattern(0, &|_| false), pattern(5, &|_| false), pattern(13, &|i| i == 3)];
        let tails = [
            pattern(0, &|_| false),
            pattern(7, &|_| false),
            pattern(64, &|i| i == 63),
            pattern(65, &|i| i == 64),
            pattern(130, &|i| i % 9 == 0),
            pattern(3, &|i| i == 0),
        ];
        for head in &heads {
            for tail in &tails {
                let mut b = builder(head);
                append_validity(&mut b, &builder(tail));
                let want: Vec<bool> = head.iter().chain(tail).copied().collect();
                assert_eq!(read(&b), want, "{} + {} bits", head.len(), tail.len());
            }
        }
    }
}
