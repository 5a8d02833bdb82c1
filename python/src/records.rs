//! Documents whose layers are filled in on first use.
//!
//! A batch of news makes millions of records; building a dict for each costs
//! more than analysing the text. So a document is a real `dict` whose layers
//! (`tokens`, `numbers`...) are `textfacts.Records` lists left unfilled
//! until first used: the analysis (a `Document` and the text its offsets
//! need) waits in a `LayerSource`, and the first method called on the list
//! (`len`, iteration, indexing, `==`, `repr`, pickling...) fills it from
//! there with plain dicts and turns it into a plain `Records` list. The
//! Python side (`textfacts/_records.py`) routes every list method through
//! [`fill`]; see python/README.md for what users can count on.
//!
//! Until then the list holds one placeholder, so that code which reads a
//! list's memory without calling its methods (pyarrow's type inference,
//! orjson) fails naming `textfacts.materialize` instead of reading an empty
//! list.

use crate::offsets::{Offsets, Unit};
use crate::pyobj::{self, Names};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyModule, PyType};
use std::sync::Arc;
use textfacts::Document;

/// One analysed text, kept until its layers are filled.
pub struct Analysed {
    doc: Document,
    /// The text, when offsets need it (`None`: an ASCII text, or bytes).
    text: Option<Box<str>>,
    unit: Unit,
}

impl Analysed {
    pub fn new(doc: Document, text: &str, unit: Unit) -> Analysed {
        let text = (unit != Unit::Byte && !text.is_ascii()).then(|| text.into());
        Analysed { doc, text, unit }
    }

    /// Offsets of ASCII text need no converting: the empty text stands in.
    fn offsets(&self) -> Offsets {
        Offsets::new(self.text.as_deref().unwrap_or(""), self.unit)
    }
}

/// Where a layer not yet filled will be filled from.
#[pyclass(module = "textfacts._textfacts", name = "LayerSource", frozen)]
pub struct LayerSource {
    analysed: Arc<Analysed>,
    key: &'static str,
}

#[pymethods]
impl LayerSource {
    fn __repr__(&self) -> String {
        format!("<textfacts layer {:?}, not filled yet>", self.key)
    }
}

/// The classes of `textfacts/_records.py`.
struct Classes {
    records: Py<PyType>,
    pending: Py<PyType>,
    placeholder: Py<PyAny>,
}

fn classes(py: Python<'_>) -> PyResult<&Classes> {
    static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();
    CLASSES.get_or_try_init(py, || {
        let m = py.import("textfacts._records")?;
        Ok(Classes {
            records: m.getattr("Records")?.cast_into::<PyType>()?.unbind(),
            pending: m.getattr("_PendingRecords")?.cast_into::<PyType>()?.unbind(),
            placeholder: m.getattr("_NOT_FILLED")?.unbind(),
        })
    })
}

/// The document dict of `analysed`, its layers not yet filled.
pub fn document<'py>(py: Python<'py>, analysed: Arc<Analysed>) -> PyResult<Bound<'py, PyAny>> {
    let classes = classes(py)?;
    let layer = |key: &'static str, len: usize| -> PyResult<Bound<'py, PyAny>> {
        if len == 0 {
            return classes.records.bind(py).call0();
        }
        let layer = classes.pending.bind(py).call0()?;
        layer.cast::<PyList>()?.append(classes.placeholder.bind(py))?;
        let source = LayerSource { analysed: Arc::clone(&analysed), key };
        layer.setattr(intern!(py, "_src"), Bound::new(py, source)?)?;
        Ok(layer)
    };
    let names = Names::default();
    pyobj::document(py, &names, &analysed.offsets(), &analysed.doc, &layer)
}

/// Fills `layer` if it is a `Records` list not yet filled; otherwise does
/// nothing. Safe from any thread: nothing here runs Python code (the garbage
/// collector is paused), so no other thread sees the list half done.
#[pyfunction]
#[pyo3(name = "_fill")]
pub fn fill(layer: &Bound<'_, PyAny>) -> PyResult<()> {
    let classes = classes(layer.py())?;
    if !layer.get_type().is(classes.pending.bind(layer.py())) {
        return Ok(());
    }
    let _paused = GcPause::new(layer.py())?;
    fill_one(layer, classes)
}

/// [`fill`] for each of `layers`, the garbage collector paused once for all.
#[pyfunction]
#[pyo3(name = "_fill_all")]
pub fn fill_all(layers: &Bound<'_, PyList>) -> PyResult<()> {
    let classes = classes(layers.py())?;
    let _paused = GcPause::new(layers.py())?;
    for layer in layers.iter() {
        if layer.get_type().is(classes.pending.bind(layers.py())) {
            fill_one(&layer, classes)?;
        }
    }
    Ok(())
}

fn fill_one(layer: &Bound<'_, PyAny>, classes: &Classes) -> PyResult<()> {
    let py = layer.py();
    let Ok(source) = layer.getattr(intern!(py, "_src")) else { return Ok(()) };
    let Ok(src) = source.cast::<LayerSource>() else { return Ok(()) };
    let src = src.get();
    let names = Names::default();
    let records = pyobj::field(py, &names, &src.analysed.offsets(), &src.analysed.doc, src.key)?;
    let records = if records.is_none() { PyList::empty(py).into_any() } else { records };
    let list = layer.cast::<PyList>()?;
    list.set_slice(0, list.len(), &records)?;
    layer.delattr(intern!(py, "_src"))?;
    layer.setattr(intern!(py, "__class__"), classes.records.bind(py))
}

/// The garbage collector paused while a layer's records are made (each new
/// dict counts towards a collection that has nothing to collect).
struct GcPause<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    fn new(py: Python<'py>) -> PyResult<GcPause<'py>> {
        static GC: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
        let gc = GC.get_or_try_init(py, || py.import("gc").map(Bound::unbind))?.bind(py);
        if gc.call_method0(intern!(py, "isenabled"))?.is_truthy()? {
            gc.call_method0(intern!(py, "disable"))?;
            return Ok(GcPause { gc: Some(gc.clone()) });
        }
        Ok(GcPause { gc: None })
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            let _ = gc.call_method0(intern!(gc.py(), "enable"));
        }
    }
}

/// Adds `_fill`, `_fill_all` and `LayerSource` to the extension module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<LayerSource>()?;
    m.add_function(wrap_pyfunction!(fill, m)?)?;
    m.add_function(wrap_pyfunction!(fill_all, m)?)
}
