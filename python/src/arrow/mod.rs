//! Arrow in and out through the Arrow C data interface (PyCapsules), so any
//! library that speaks it (pyarrow, Polars, DuckDB, nanoarrow...) can pass
//! texts in and take the facts out without a copy.

pub mod batch;
pub mod build;
pub mod direct;
pub mod recycle;
pub mod shape;

use arrow_array::cast::AsArray;
use arrow_array::ffi::{from_ffi, to_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::ffi_stream::{ArrayStreamReader, FFI_ArrowArrayStream};
use arrow_array::{make_array, Array, ArrayRef, StructArray};
use arrow_schema::{DataType, Fields, Schema};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods, PyTuple};
use shape::Shape;
use std::sync::OnceLock;

/// The shape of a whole `Document`, traced once.
pub fn document_shape() -> &'static Shape {
    static SHAPE: OnceLock<Shape> = OnceLock::new();
    SHAPE.get_or_init(shape::trace::<textfacts::Document>)
}

/// The document shape restricted to `columns`, in the model's order.
pub fn columns_shape(columns: &[String]) -> Shape {
    match document_shape() {
        Shape::Struct(fields) => Shape::Struct(
            fields.iter().filter(|(name, _)| columns.iter().any(|c| c == name)).cloned().collect(),
        ),
        other => other.clone(),
    }
}

/// The field names of a struct shape.
pub fn shape_names(shape: &Shape) -> Vec<String> {
    match shape {
        Shape::Struct(fields) => fields.iter().map(|(name, _)| name.to_string()).collect(),
        _ => Vec::new(),
    }
}

fn arrow_err(e: arrow_schema::ArrowError) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// The string arrays of `texts`: an object with `__arrow_c_array__` or
/// `__arrow_c_stream__` (pyarrow arrays and chunked arrays, Polars series...),
/// or else anything `pyarrow.array(texts, pyarrow.large_string())` accepts.
pub fn import_texts(texts: &Bound<'_, PyAny>) -> PyResult<Vec<ArrayRef>> {
    let py = texts.py();
    let arrays = if texts.hasattr("__arrow_c_array__")? {
        let pair = texts.call_method0("__arrow_c_array__")?;
        let pair = pair.cast::<PyTuple>()?;
        let schema = pair.get_item(0)?;
        let array = pair.get_item(1)?;
        let schema = schema.cast::<PyCapsule>()?;
        let array = array.cast::<PyCapsule>()?;
        let schema_ptr = schema.pointer_checked(Some(c"arrow_schema"))?.cast::<FFI_ArrowSchema>();
        let array_ptr = array.pointer_checked(Some(c"arrow_array"))?.cast::<FFI_ArrowArray>();
        // SAFETY: the capsules hold a valid schema and array (named as the
        // protocol says); the array is moved out, leaving a released one for
        // the capsule's destructor.
        let data = unsafe {
            let moved = std::ptr::replace(array_ptr.as_ptr(), FFI_ArrowArray::empty());
            from_ffi(moved, schema_ptr.as_ref())
        }
        .map_err(arrow_err)?;
        vec![make_array(data)]
    } else if texts.hasattr("__arrow_c_stream__")? {
        let capsule = texts.call_method0("__arrow_c_stream__")?;
        let capsule = capsule.cast::<PyCapsule>()?;
        let ptr =
            capsule.pointer_checked(Some(c"arrow_array_stream"))?.cast::<FFI_ArrowArrayStream>();
        // SAFETY: the capsule holds a valid stream; it is moved out.
        let reader = unsafe { ArrayStreamReader::from_raw(ptr.as_ptr()) }.map_err(arrow_err)?;
        reader.collect::<Result<Vec<_>, _>>().map_err(arrow_err)?
    } else {
        let pa = py.import("pyarrow")?;
        let ty = pa.call_method0("large_string")?;
        // pyarrow's own error (TypeError for non-str values,
        // UnicodeEncodeError for lone surrogates) goes to the caller.
        let array = pa.call_method1("array", (texts, ty))?;
        return import_texts(&array);
    };
    for a in &arrays {
        match a.data_type() {
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {}
            other => {
                return Err(PyTypeError::new_err(format!(
                    "texts must be an Arrow string array, not {other}"
                )))
            }
        }
    }
    Ok(arrays)
}

/// The rows of string arrays checked by [`import_texts`].
pub fn rows(arrays: &[ArrayRef]) -> Vec<Option<&str>> {
    let mut rows = Vec::with_capacity(arrays.iter().map(|a| a.len()).sum());
    for a in arrays {
        match a.data_type() {
            DataType::Utf8 => rows.extend(a.as_string::<i32>().iter()),
            DataType::LargeUtf8 => rows.extend(a.as_string::<i64>().iter()),
            DataType::Utf8View => rows.extend(a.as_string_view().iter()),
            _ => rows.extend(std::iter::repeat_n(None, a.len())),
        }
    }
    rows
}

/// A pyarrow `RecordBatch` of `columns` (from the children of a struct column).
pub fn export_batch<'py>(
    py: Python<'py>,
    fields: Fields,
    arrays: Vec<ArrayRef>,
    len: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let array = if fields.is_empty() {
        StructArray::new_empty_fields(len, None)
    } else {
        StructArray::try_new(fields, arrays, None).map_err(arrow_err)?
    };
    let (ffi_array, ffi_schema) = to_ffi(&array.to_data()).map_err(arrow_err)?;
    let schema = PyCapsule::new_with_value(py, ffi_schema, c"arrow_schema")?;
    let array = PyCapsule::new_with_value(py, ffi_array, c"arrow_array")?;
    py.import("pyarrow")?
        .getattr("RecordBatch")?
        .call_method1("_import_from_c_capsule", (schema, array))
}

/// A pyarrow `Schema` with a field per column of `shape` (a struct).
pub fn export_schema<'py>(py: Python<'py>, shape: &Shape) -> PyResult<Bound<'py, PyAny>> {
    let fields = match shape {
        Shape::Struct(fields) => build::struct_fields(fields),
        _ => Fields::empty(),
    };
    let ffi = FFI_ArrowSchema::try_from(&Schema::new(fields)).map_err(arrow_err)?;
    let capsule = PyCapsule::new_with_value(py, ffi, c"arrow_schema")?;
    py.import("pyarrow")?.getattr("Schema")?.call_method1("_import_from_c_capsule", (capsule,))
}
