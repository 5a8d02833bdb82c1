//! Typed writers for the records that make most of a row: tokens (four in
//! five of a news text's records) and sentences, written into their columns
//! without a serde call per field and per value (the serde writer of
//! [`build`](super::build) spends ~280 instructions a token; these, ~15).
//!
//! They write only a column of the shape the model traces today (a list of
//! structs with exactly these fields, in this order) and say `false`
//! otherwise, so a field the crate adds to a record goes through serde, and
//! into the schema, until it is written here too.

use super::build::{key_of, offset_after, Col, Keys};
use crate::ser::Error;
use arrow_buffer::NullBufferBuilder;
use serde::ser::{self, Impossible, Serialize};
use textfacts::{SentenceRecord, TokenKind, TokenRecord};

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

/// Writes `tokens` into `col`, a `tokens` column (`Ok(false)`: not of the
/// shape written here, or a kind its dictionary lacks; nothing written).
pub fn tokens(col: &mut Col, tokens: &[TokenRecord]) -> Result<bool, Error> {
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
    // The dictionary key of each kind this module knows, looked up once a
    // call (-1: none; a kind added since is the last entry's, -1 too).
    let key = |kind: &TokenKind| {
        let (i, v) = kind.serialize(VariantOf).ok()?;
        key_of(names, i, v).and_then(|at| i8::try_from(at).ok())
    };
    let mut key_of_kind = [-1i16; KINDS.len() + 1];
    for (k, kind) in key_of_kind.iter_mut().zip(&KINDS) {
        *k = key(kind).map_or(-1, i16::from);
    }
    let (mut unknown, mut bits) = (false, 0);
    let (starts_room, ends_room, keys_room) = (
        &mut starts.spare_capacity_mut()[..n],
        &mut ends.spare_capacity_mut()[..n],
        &mut keys.spare_capacity_mut()[..n],
    );
    for (i, t) in tokens.iter().enumerate() {
        let k = key_of_kind[kind_number(t.kind)];
        unknown |= k < 0;
        // All fit in an `i32` exactly when their bits together do.
        bits |= t.start | t.end;
        starts_room[i].write(t.start as i32);
        ends_room[i].write(t.end as i32);
        keys_room[i].write(k as i8);
    }
    if unknown || offset(bits).is_err() {
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

/// The token kinds whose keys [`tokens`] looks up once a call.
const KINDS: [TokenKind; 7] = [
    TokenKind::Word,
    TokenKind::Number,
    TokenKind::Punct,
    TokenKind::Symbol,
    TokenKind::Url,
    TokenKind::Email,
    TokenKind::Other,
];

/// A kind's place in [`KINDS`] (a kind added since: its length).
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
        _ => KINDS.len(),
    }
}

/// Writes `sentences` into `col`, a `sentences` column (`Ok(false)`: not
/// of the shape written here; nothing written).
pub fn sentences(col: &mut Col, sentences: &[SentenceRecord]) -> Result<bool, Error> {
    let Some((offsets, valid, item_valid, cols)) = list_of_structs(col, &["start", "end"]) else {
        return Ok(false);
    };
    let [Col::Int32(starts, start_valid), Col::Int32(ends, end_valid)] = cols else {
        return Ok(false);
    };
    offset(sentences.iter().fold(0, |bits, s| bits | s.start | s.end))?;
    starts.extend(sentences.iter().map(|s| s.start as i32));
    ends.extend(sentences.iter().map(|s| s.end as i32));
    for v in [start_valid, end_valid] {
        v.append_n_non_nulls(sentences.len());
    }
    end_list(offsets, valid, item_valid, sentences.len())?;
    Ok(true)
}

/// The number and name of a unit variant, as its `Serialize` impl gives
/// them (anything else is an error).
struct VariantOf;

/// The error of anything but a unit variant.
fn not_a_unit_variant<T>() -> Result<T, Error> {
    Err(Error("not a unit variant".into()))
}

impl ser::Serializer for VariantOf {
    type Ok = (u32, &'static str);
    type Error = Error;
    type SerializeSeq = Impossible<Self::Ok, Error>;
    type SerializeTuple = Impossible<Self::Ok, Error>;
    type SerializeTupleStruct = Impossible<Self::Ok, Error>;
    type SerializeTupleVariant = Impossible<Self::Ok, Error>;
    type SerializeMap = Impossible<Self::Ok, Error>;
    type SerializeStruct = Impossible<Self::Ok, Error>;
    type SerializeStructVariant = Impossible<Self::Ok, Error>;

    crate::ser::forward_narrow_scalars!();

    #[inline(always)]
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Error> {
        Ok((index, variant))
    }
    fn serialize_bool(self, _: bool) -> Result<Self::Ok, Error> {
        not_a_unit_variant()
    }
    fn serialize_i64(self, _: i64) -> Result<Self::Ok, Error> {
        not_a_unit_variant()
    }
    fn serialize_u64(self, _: u64) -> Result<Self::Ok, Error> {
        not_a_unit_variant()
    }
    fn serialize_f64(self, _: f64) -> Result<Self::Ok, Error> {
        not_a_unit_variant()
    }
    fn serialize_str(self, _: &str) -> Result<Self::Ok, Error> {
        not_a_unit_variant()
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<Self::Ok, Error> {
        not_a_unit_variant()
    }
    fn serialize_none(self) -> Result<Self::Ok, Error> {
        not_a_unit_variant()
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Self::Ok, Error> {
        not_a_unit_variant()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        not_a_unit_variant()
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        not_a_unit_variant()
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        not_a_unit_variant()
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        not_a_unit_variant()
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        not_a_unit_variant()
    }
}
