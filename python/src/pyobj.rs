//! A serde `Serializer` that builds Python objects directly from the crate's
//! serde model (`Document`, `Interval`): structs and maps become `dict`s,
//! sequences `list`s, unit enum variants `str`s, `None` and `Option`s as in
//! JSON. No JSON text is written or parsed, struct keys and enum names are
//! created once per call and shared (interned), and offset fields are
//! converted on the way (see `offsets`). A field the crate adds to its model
//! appears here without a change.

use crate::offsets::{is_offset_field, Offsets};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::ser::{self, Serialize};
use std::cell::RefCell;
use std::fmt;

/// Python objects shared by every record of one call: interned struct keys
/// and enum names, found by the address of their `&'static str`.
#[derive(Default)]
pub struct Names {
    known: RefCell<Vec<(usize, usize, Py<PyString>)>>,
}

impl Names {
    fn get<'py>(&self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        let key = (name.as_ptr() as usize, name.len());
        let mut known = self.known.borrow_mut();
        if let Some((_, _, s)) = known.iter().find(|(p, l, _)| (*p, *l) == key) {
            return s.bind(py).clone();
        }
        let s = PyString::intern(py, name);
        known.push((key.0, key.1, s.clone().unbind()));
        s
    }
}

/// Converts `value` (a `Document`, an `Interval`...) to Python objects, with
/// offsets converted by `offsets`.
pub fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    names: &Names,
    offsets: &Offsets<'_>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    value
        .serialize(PySer { py, names, offsets, offset: false })
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.0))
}

#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

impl From<std::convert::Infallible> for Error {
    fn from(e: std::convert::Infallible) -> Error {
        match e {}
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Error {
        Error(e.to_string())
    }
}

#[derive(Clone, Copy)]
struct PySer<'a, 'py, 't> {
    py: Python<'py>,
    names: &'a Names,
    offsets: &'a Offsets<'t>,
    /// The value is an offset field (`start`/`end`).
    offset: bool,
}

impl<'py> PySer<'_, 'py, '_> {
    fn int(self, v: i64) -> Result<Bound<'py, PyAny>, Error> {
        Ok(v.into_pyobject(self.py)?.into_any())
    }

    fn plain(self) -> Self {
        PySer { offset: false, ..self }
    }
}

pub struct Seq<'a, 'py, 't> {
    ser: PySer<'a, 'py, 't>,
    items: Vec<Bound<'py, PyAny>>,
}

pub struct Dict<'a, 'py, 't> {
    ser: PySer<'a, 'py, 't>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'a, 'py, 't> ser::Serializer for PySer<'a, 'py, 't> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py, 't>;
    type SerializeTuple = Seq<'a, 'py, 't>;
    type SerializeTupleStruct = Seq<'a, 'py, 't>;
    type SerializeTupleVariant = Seq<'a, 'py, 't>;
    type SerializeMap = Dict<'a, 'py, 't>;
    type SerializeStruct = Dict<'a, 'py, 't>;
    type SerializeStructVariant = Dict<'a, 'py, 't>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok, Error> {
        Ok(pyo3::types::PyBool::new(self.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok, Error> {
        match (self.offset, u64::try_from(v)) {
            (true, Ok(u)) => self.serialize_u64(u),
            _ => self.int(v),
        }
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok, Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok, Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok, Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok, Error> {
        let v = if self.offset { self.offsets.map(v) } else { v };
        Ok(v.into_pyobject(self.py)?.into_any())
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok, Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok, Error> {
        Ok(v.into_pyobject(self.py)?.into_any())
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok, Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok, Error> {
        Ok(PyString::new(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok, Error> {
        Ok(pyo3::types::PyBytes::new(self.py, v).into_any())
    }
    fn serialize_none(self) -> Result<Self::Ok, Error> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok, Error> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, Error> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Error> {
        Ok(self.names.get(self.py, variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Error> {
        // As serde_json: {"variant": value}.
        let dict = PyDict::new(self.py);
        dict.set_item(self.names.get(self.py, variant), value.serialize(self.plain())?)?;
        Ok(dict.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Ok(Seq { ser: self.plain(), items: Vec::with_capacity(len.unwrap_or(0)) })
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Ok(Dict { ser: self.plain(), dict: PyDict::new(self.py), key: None })
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        self.serialize_map(None)
    }
}

impl<'py> Seq<'_, 'py, '_> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.items.push(value.serialize(self.ser)?);
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>, Error> {
        Ok(PyList::new(self.ser.py, self.items)?.into_any())
    }
}

macro_rules! seq_impl {
    ($trait:ident, $method:ident) => {
        impl<'py> ser::$trait for Seq<'_, 'py, '_> {
            type Ok = Bound<'py, PyAny>;
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.push(value)
            }
            fn end(self) -> Result<Self::Ok, Error> {
                self.finish()
            }
        }
    };
}
seq_impl!(SerializeSeq, serialize_element);
seq_impl!(SerializeTuple, serialize_element);
seq_impl!(SerializeTupleStruct, serialize_field);
seq_impl!(SerializeTupleVariant, serialize_field);

impl<'py> Dict<'_, 'py, '_> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let ser = PySer { offset: is_offset_field(key), ..self.ser };
        self.dict.set_item(self.ser.names.get(self.ser.py, key), value.serialize(ser)?)?;
        Ok(())
    }
}

impl<'py> ser::SerializeMap for Dict<'_, 'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(self.ser)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self.key.take().ok_or_else(|| Error("map value without a key".into()))?;
        self.dict.set_item(key, value.serialize(self.ser)?)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok, Error> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for Dict<'_, 'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStructVariant for Dict<'_, 'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        Ok(self.dict.into_any())
    }
}
