//! A serde `Serializer` that builds Python objects directly from the crate's
//! serde model (`Document`, `Interval`): structs and maps become `dict`s,
//! sequences `list`s, unit enum variants `str`s, `None` and `Option`s as in
//! JSON. No JSON text is written or parsed, struct keys and enum names are
//! interned strings shared by every record, and offset fields are converted
//! on the way (see `offsets`). A field the crate adds to its model appears
//! here without a change.
//!
//! A document can also be written with its layers left for later
//! ([`document`]: each top-level list is made by a callback from its key and
//! length, its records untouched) and one layer written alone ([`field`]):
//! see `records`.

use crate::offsets::{is_offset_field, Offsets};
use crate::ser::{forward_narrow_scalars, seq_impls, struct_impls, Error};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::ser::{self, Serialize};
use std::cell::{Cell, RefCell};

/// Python objects shared by every record of one call: interned struct keys
/// and enum names, found by the address of their `&'static str`.
#[derive(Default)]
pub struct Names {
    known: RefCell<Vec<(usize, usize, Py<PyString>)>>,
    /// Where the last name was found: the fields of a struct come in the
    /// same order record after record, so the next one is usually next.
    last: Cell<usize>,
}

impl Names {
    fn get<'py>(&self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        let key = (name.as_ptr() as usize, name.len());
        let mut known = self.known.borrow_mut();
        let next = self.last.get() + 1;
        let at = match known.get(next) {
            Some((p, l, _)) if (*p, *l) == key => Some(next),
            _ => known.iter().position(|(p, l, _)| (*p, *l) == key),
        };
        if let Some(at) = at {
            self.last.set(at);
            return known[at].2.bind(py).clone();
        }
        let s = PyString::intern(py, name);
        self.last.set(known.len());
        known.push((key.0, key.1, s.clone().unbind()));
        s
    }
}

/// Makes a document's layer from its key and its number of records.
pub type MakeLayer<'a, 'py> = dyn Fn(&'static str, usize) -> PyResult<Bound<'py, PyAny>> + 'a;

/// Converts `value` (a `Document`, an `Interval`...) to Python objects, with
/// offsets converted by `offsets`.
pub fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    names: &Names,
    offsets: &Offsets,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    run(PySer { py, names, offsets, offset: false, mode: Mode::Plain }, value)
}

/// `value` (a struct: a `Document`) as a dict whose list fields are made by
/// `layer` from their key and length; their records are not visited.
pub fn document<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    names: &Names,
    offsets: &Offsets,
    value: &T,
    layer: &MakeLayer<'_, 'py>,
) -> PyResult<Bound<'py, PyAny>> {
    run(PySer { py, names, offsets, offset: false, mode: Mode::Document(layer) }, value)
}

/// Field `key` of `value` (a struct: a `Document`) as Python objects; None
/// if it has no such field.
pub fn field<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    names: &Names,
    offsets: &Offsets,
    value: &T,
    key: &str,
) -> PyResult<Bound<'py, PyAny>> {
    run(PySer { py, names, offsets, offset: false, mode: Mode::Field(key) }, value)
}

fn run<'py, T: Serialize + ?Sized>(ser: PySer<'_, 'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(ser).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
}

/// What the serializer makes of the value at hand.
#[derive(Clone, Copy)]
enum Mode<'a, 'py> {
    /// Python objects, all the way down.
    Plain,
    /// A struct whose list fields are made by the callback.
    Document(&'a MakeLayer<'a, 'py>),
    /// The value of field `.1` of such a struct.
    Layer(&'a MakeLayer<'a, 'py>, &'static str),
    /// A struct of which only this field is wanted (the result is its value).
    Field(&'a str),
}

#[derive(Clone, Copy)]
struct PySer<'a, 'py> {
    py: Python<'py>,
    names: &'a Names,
    offsets: &'a Offsets,
    /// The value is an offset field (`start`/`end`).
    offset: bool,
    mode: Mode<'a, 'py>,
}

impl<'a, 'py> PySer<'a, 'py> {
    fn plain(self) -> Self {
        PySer { offset: false, mode: Mode::Plain, ..self }
    }
}

pub struct Seq<'a, 'py> {
    ser: PySer<'a, 'py>,
    items: Vec<Bound<'py, PyAny>>,
    /// A layer left for later: its maker and key, and the records counted.
    later: Option<(&'a MakeLayer<'a, 'py>, &'static str, usize)>,
}

pub struct Dict<'a, 'py> {
    ser: PySer<'a, 'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    mode: Mode<'a, 'py>,
    /// In `Mode::Field`: the wanted field's value.
    picked: Option<Bound<'py, PyAny>>,
}

impl<'a, 'py> ser::Serializer for PySer<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Seq<'a, 'py>;
    type SerializeMap = Dict<'a, 'py>;
    type SerializeStruct = Dict<'a, 'py>;
    type SerializeStructVariant = Dict<'a, 'py>;

    forward_narrow_scalars!();

    fn serialize_bool(self, v: bool) -> Result<Self::Ok, Error> {
        Ok(pyo3::types::PyBool::new(self.py, v).to_owned().into_any())
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok, Error> {
        match (self.offset, u64::try_from(v)) {
            (true, Ok(u)) => self.serialize_u64(u),
            _ => Ok(v.into_pyobject(self.py)?.into_any()),
        }
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok, Error> {
        let v = if self.offset { self.offsets.map(v) } else { v };
        Ok(v.into_pyobject(self.py)?.into_any())
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok, Error> {
        Ok(v.into_pyobject(self.py)?.into_any())
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
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Error> {
        Ok(self.names.get(self.py, variant).into_any())
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
        let later = match self.mode {
            Mode::Layer(make, key) => Some((make, key, 0)),
            _ => None,
        };
        let capacity = if later.is_some() { 0 } else { len.unwrap_or(0) };
        Ok(Seq { ser: self.plain(), items: Vec::with_capacity(capacity), later })
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        let dict = PyDict::new(self.py);
        Ok(Dict { ser: self.plain(), dict, key: None, mode: Mode::Plain, picked: None })
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        let dict = PyDict::new(self.py);
        Ok(Dict { ser: self.plain(), dict, key: None, mode: self.mode, picked: None })
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

impl<'py> Seq<'_, 'py> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        match &mut self.later {
            Some((_, _, n)) => *n += 1,
            None => self.items.push(value.serialize(self.ser)?),
        }
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>, Error> {
        match self.later {
            Some((make, key, n)) => Ok(make(key, n)?),
            None => Ok(PyList::new(self.ser.py, self.items)?.into_any()),
        }
    }
}

seq_impls!(['py] Seq<'_, 'py> => Bound<'py, PyAny>);

impl<'py> Dict<'_, 'py> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let ser = PySer { offset: is_offset_field(key), ..self.ser };
        match self.mode {
            Mode::Field(wanted) => {
                if key == wanted {
                    self.picked = Some(value.serialize(ser)?);
                }
                return Ok(());
            }
            Mode::Document(make) => {
                let value = value.serialize(PySer { mode: Mode::Layer(make, key), ..ser })?;
                self.dict.set_item(self.ser.names.get(self.ser.py, key), value)?;
            }
            Mode::Plain | Mode::Layer(..) => {
                self.dict.set_item(self.ser.names.get(self.ser.py, key), value.serialize(ser)?)?;
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>, Error> {
        match self.mode {
            Mode::Field(_) => {
                Ok(self.picked.unwrap_or_else(|| self.ser.py.None().into_bound(self.ser.py)))
            }
            _ => Ok(self.dict.into_any()),
        }
    }
}

struct_impls!(['py] Dict<'_, 'py> => Bound<'py, PyAny>);

impl<'py> ser::SerializeMap for Dict<'_, 'py> {
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
