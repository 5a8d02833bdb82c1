//! The Arrow schema of a `Document`, read off the crate's serde model.
//!
//! A tracing `Deserializer` walks `Document::deserialize` once: every struct
//! field the model asks for, the type it asks for, lists and options. So a
//! field or record the crate adds (tolls, places, ...) gets its column without
//! a change here. Dummy values given back on the way are valid ones (`true`,
//! `0`, `""`, the first enum variant), so validating `Deserialize` impls
//! (`Interval`: `[0, 0]`) accept them.

use crate::ser::Error;
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

/// The type of one value of the model.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Bool,
    Int,
    Float,
    Str,
    /// A unit-variant enum, written as one of these names.
    Enum(&'static [&'static str]),
    List(Box<Shape>),
    Struct(Vec<(&'static str, Shape)>),
    /// Not representable (maps, `deserialize_any`): left out of the schema.
    Unknown,
}

/// The shape of `T` as its `Deserialize` impl reads it.
pub fn trace<'de, T: de::Deserialize<'de>>() -> Shape {
    let mut shape = Shape::Unknown;
    // An impl that rejects even valid dummies still leaves what it traced.
    let _ = T::deserialize(Tracer { out: &mut shape });
    shape
}

struct Tracer<'a> {
    out: &'a mut Shape,
}

macro_rules! leaf {
    ($($method:ident => $shape:expr, $visit:ident($value:expr);)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            *self.out = $shape;
            visitor.$visit($value)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Tracer<'_> {
    type Error = Error;

    leaf! {
        deserialize_bool => Shape::Bool, visit_bool(true);
        deserialize_i8 => Shape::Int, visit_i8(0);
        deserialize_i16 => Shape::Int, visit_i16(0);
        deserialize_i32 => Shape::Int, visit_i32(0);
        deserialize_i64 => Shape::Int, visit_i64(0);
        deserialize_u8 => Shape::Int, visit_u8(0);
        deserialize_u16 => Shape::Int, visit_u16(0);
        deserialize_u32 => Shape::Int, visit_u32(0);
        deserialize_u64 => Shape::Int, visit_u64(0);
        deserialize_f32 => Shape::Float, visit_f32(0.0);
        deserialize_f64 => Shape::Float, visit_f64(0.0);
        deserialize_char => Shape::Str, visit_char('a');
        deserialize_str => Shape::Str, visit_borrowed_str("");
        deserialize_string => Shape::Str, visit_borrowed_str("");
        deserialize_bytes => Shape::Unknown, visit_borrowed_bytes(&[]);
        deserialize_byte_buf => Shape::Unknown, visit_borrowed_bytes(&[]);
        deserialize_identifier => Shape::Str, visit_borrowed_str("");
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        *self.out = Shape::Unknown;
        visitor.visit_unit()
    }
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // Every column is nullable: an option is its inner type.
        visitor.visit_some(self)
    }
    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        *self.out = Shape::Unknown;
        visitor.visit_unit()
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let mut item = Shape::Unknown;
        let value = visitor.visit_seq(OneItem { out: &mut item, done: false });
        *self.out = Shape::List(Box::new(item));
        value
    }
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        *self.out = Shape::Unknown;
        visitor.visit_seq(OneItem { out: &mut Shape::Unknown, done: true })
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_tuple(len, visitor)
    }
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        *self.out = Shape::Unknown;
        visitor.visit_map(Fields { fields: &[], at: 0, shapes: Vec::new() })
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let mut access = Fields { fields, at: 0, shapes: Vec::new() };
        let value = visitor.visit_map(&mut access);
        let shapes = access.shapes.into_iter().filter(|(_, s)| *s != Shape::Unknown).collect();
        *self.out = Shape::Struct(shapes);
        value
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // Enums of the model are unit variants written as their names.
        *self.out = Shape::Enum(variants);
        let first: &'static str = variants.first().copied().unwrap_or("");
        visitor.visit_enum(IntoDeserializer::<Error>::into_deserializer(first))
    }
}

/// A sequence of one traced item.
struct OneItem<'a> {
    out: &'a mut Shape,
    done: bool,
}

impl<'de> de::SeqAccess<'de> for OneItem<'_> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.done {
            return Ok(None);
        }
        self.done = true;
        seed.deserialize(Tracer { out: self.out }).map(Some)
    }
}

/// Every field of a struct, each traced.
struct Fields {
    fields: &'static [&'static str],
    at: usize,
    shapes: Vec<(&'static str, Shape)>,
}

impl<'de> de::MapAccess<'de> for Fields {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(&name) = self.fields.get(self.at) else { return Ok(None) };
        self.at += 1;
        self.shapes.push((name, Shape::Unknown));
        seed.deserialize(IntoDeserializer::<Error>::into_deserializer(name)).map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let out = match self.shapes.last_mut() {
            Some((_, shape)) => shape,
            None => return Err(de::Error::custom("value before key")),
        };
        seed.deserialize(Tracer { out })
    }
}
