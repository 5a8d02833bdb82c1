//! What every serde (de)serializer of this crate shares: the error type, the
//! scalar methods that only widen their value, and the compound-serializer
//! impls that only forward to the type's own `element`/`field`/`finish`.
//! The Python serializer (`pyobj`), the Arrow writer (`arrow::build`) and the
//! Arrow schema tracer (`arrow::shape`) each keep only what differs.

use std::fmt;

/// An error of a serializer or deserializer: its message (boxed, so that a
/// `Result<(), Error>` comes back in registers).
#[derive(Debug)]
pub struct Error(pub Box<str>);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl serde::ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error(msg.to_string().into())
    }
}

impl serde::de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error(msg.to_string().into())
    }
}

impl From<pyo3::PyErr> for Error {
    fn from(e: pyo3::PyErr) -> Error {
        Error(e.to_string().into())
    }
}

impl From<std::convert::Infallible> for Error {
    fn from(e: std::convert::Infallible) -> Error {
        match e {}
    }
}

/// The `serde::Serializer` methods that hand their value on, widened or
/// unwrapped: the narrower integers to `serialize_i64`/`serialize_u64`, `f32`
/// to `serialize_f64`, `char` to `serialize_str`, options, newtype structs
/// and units to what they hold, tuple structs and variants to
/// `serialize_tuple`. Used inside `impl Serializer for ...`, which writes the
/// wide ones itself.
macro_rules! forward_narrow_scalars {
    () => {
        fn serialize_i8(self, v: i8) -> Result<Self::Ok, Self::Error> {
            self.serialize_i64(v.into())
        }
        fn serialize_i16(self, v: i16) -> Result<Self::Ok, Self::Error> {
            self.serialize_i64(v.into())
        }
        fn serialize_i32(self, v: i32) -> Result<Self::Ok, Self::Error> {
            self.serialize_i64(v.into())
        }
        fn serialize_u8(self, v: u8) -> Result<Self::Ok, Self::Error> {
            self.serialize_u64(v.into())
        }
        fn serialize_u16(self, v: u16) -> Result<Self::Ok, Self::Error> {
            self.serialize_u64(v.into())
        }
        fn serialize_u32(self, v: u32) -> Result<Self::Ok, Self::Error> {
            self.serialize_u64(v.into())
        }
        fn serialize_f32(self, v: f32) -> Result<Self::Ok, Self::Error> {
            self.serialize_f64(v.into())
        }
        fn serialize_char(self, v: char) -> Result<Self::Ok, Self::Error> {
            self.serialize_str(v.encode_utf8(&mut [0; 4]))
        }
        fn serialize_some<T: serde::Serialize + ?Sized>(
            self,
            value: &T,
        ) -> Result<Self::Ok, Self::Error> {
            value.serialize(self)
        }
        fn serialize_unit(self) -> Result<Self::Ok, Self::Error> {
            self.serialize_none()
        }
        fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, Self::Error> {
            self.serialize_none()
        }
        fn serialize_newtype_struct<T: serde::Serialize + ?Sized>(
            self,
            _name: &'static str,
            value: &T,
        ) -> Result<Self::Ok, Self::Error> {
            value.serialize(self)
        }
        fn serialize_tuple_struct(
            self,
            _name: &'static str,
            len: usize,
        ) -> Result<Self::SerializeTupleStruct, Self::Error> {
            self.serialize_tuple(len)
        }
        fn serialize_tuple_variant(
            self,
            _name: &'static str,
            _index: u32,
            _variant: &'static str,
            len: usize,
        ) -> Result<Self::SerializeTupleVariant, Self::Error> {
            self.serialize_tuple(len)
        }
    };
}
pub(crate) use forward_narrow_scalars;

/// `SerializeSeq`, `SerializeTuple`, `SerializeTupleStruct` and
/// `SerializeTupleVariant` for a type with inherent `element(&mut self,
/// &T)` and `finish(self)`: `seq_impls!(['py] Seq<'_, 'py> => Bound<'py,
/// PyAny>)` (the generics of the impl in brackets, then the type and its `Ok`).
macro_rules! seq_impls {
    ([$($gen:tt)*] $ty:ty => $ok:ty) => {
        $crate::ser::seq_impls!(@one [$($gen)*] $ty => $ok, SerializeSeq, serialize_element);
        $crate::ser::seq_impls!(@one [$($gen)*] $ty => $ok, SerializeTuple, serialize_element);
        $crate::ser::seq_impls!(@one [$($gen)*] $ty => $ok, SerializeTupleStruct, serialize_field);
        $crate::ser::seq_impls!(@one [$($gen)*] $ty => $ok, SerializeTupleVariant, serialize_field);
    };
    (@one [$($gen:tt)*] $ty:ty => $ok:ty, $trait:ident, $method:ident) => {
        impl<$($gen)*> serde::ser::$trait for $ty {
            type Ok = $ok;
            type Error = $crate::ser::Error;
            #[inline(always)]
            fn $method<T: serde::Serialize + ?Sized>(
                &mut self,
                value: &T,
            ) -> Result<(), $crate::ser::Error> {
                self.element(value)
            }
            #[inline(always)]
            fn end(self) -> Result<$ok, $crate::ser::Error> {
                self.finish()
            }
        }
    };
}
pub(crate) use seq_impls;

/// `SerializeStruct` and `SerializeStructVariant` for a type with inherent
/// `field(&mut self, &'static str, &T)` and `finish(self)`; same arguments as
/// [`seq_impls`].
macro_rules! struct_impls {
    ([$($gen:tt)*] $ty:ty => $ok:ty) => {
        $crate::ser::struct_impls!(@one [$($gen)*] $ty => $ok, SerializeStruct);
        $crate::ser::struct_impls!(@one [$($gen)*] $ty => $ok, SerializeStructVariant);
    };
    (@one [$($gen:tt)*] $ty:ty => $ok:ty, $trait:ident) => {
        impl<$($gen)*> serde::ser::$trait for $ty {
            type Ok = $ok;
            type Error = $crate::ser::Error;
            #[inline(always)]
            fn serialize_field<T: serde::Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), $crate::ser::Error> {
                self.field(key, value)
            }
            #[inline(always)]
            fn end(self) -> Result<$ok, $crate::ser::Error> {
                self.finish()
            }
        }
    };
}
pub(crate) use struct_impls;
