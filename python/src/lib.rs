//! Python bindings of textfacts: `textfacts.Analyzer` with `analyze` (one
//! dict), `analyze_batch` (all cores, the GIL released) and `analyze_arrow`
//! (Arrow in, a `pyarrow.RecordBatch` out), `textfacts.parse_number`.
//!
//! The records are not described here: both the dicts (`pyobj`) and the
//! Arrow columns (`arrow`) are written by serde serializers from the crate's
//! own model (`textfacts::Document`), so the fields it gains appear in Python
//! without a change to this crate.

mod arrow;
mod offsets;
mod pool;
mod pyobj;
mod records;
mod ser;
mod texts;

use arrow::shape::Shape;
use offsets::{Offsets, Unit};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};
use rayon::prelude::*;
use records::Analysed;
use std::borrow::Cow;
use std::sync::Arc;
use textfacts::{CaseMode, Gazetteer, Layer};

/// The analyzer: see `textfacts/__init__.pyi` for the Python documentation.
#[pyclass(module = "textfacts._textfacts", name = "Analyzer", subclass, frozen)]
struct PyAnalyzer {
    inner: textfacts::Analyzer,
    /// The `layers` argument as given (None: all), for pickling and repr.
    layers: Option<Vec<String>>,
    /// `(file name, bytes)` of each gazetteer, for pickling.
    gazetteers: Vec<(String, Vec<u8>)>,
    default_gazetteer: bool,
    case_mode: String,
    unit: Unit,
    /// The top-level keys a document has with these layers.
    columns: Vec<String>,
    /// The Arrow shape of those columns.
    shape: Shape,
    /// The large buffers of its Arrow batches, back for the next batch.
    spares: Arc<arrow::recycle::Pool>,
    /// The columns its Arrow calls' chunks are written into, for the next call.
    chunk_columns: arrow::batch::ChunkColumns,
}

fn layer_names(layers: &Option<Vec<String>>) -> PyResult<Vec<Layer>> {
    let Some(names) = layers else { return Ok(Layer::ALL.to_vec()) };
    names
        .iter()
        .map(|n| {
            Layer::from_name(n).ok_or_else(|| {
                let all: Vec<_> = Layer::ALL.iter().map(|l| l.as_str()).collect();
                PyValueError::new_err(format!("unknown layer {n:?}; layers are {}", all.join(", ")))
            })
        })
        .collect()
}

fn read_layers(layers: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<String>>> {
    let Some(layers) = layers.filter(|l| !l.is_none()) else { return Ok(None) };
    if layers.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("layers must be a list of layer names, not one str"));
    }
    let mut names = Vec::new();
    for item in layers.try_iter()? {
        let item = item?;
        let name = item
            .cast::<PyString>()
            .map_err(|_| PyTypeError::new_err("layers must be a list of str"))?;
        names.push(name.to_cow()?.into_owned());
    }
    Ok(Some(names))
}

/// The top-level keys of a document analysed by `analyzer`.
fn document_keys(analyzer: &textfacts::Analyzer) -> Vec<String> {
    match serde_json::to_value(analyzer.analyze("")) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

fn build(
    layers: &Option<Vec<String>>,
    gazetteers: &[(String, Vec<u8>)],
    default_gazetteer: bool,
    case_mode: CaseMode,
) -> PyResult<textfacts::Analyzer> {
    let mut builder = textfacts::Analyzer::builder();
    builder.layers(&layer_names(layers)?).default_gazetteer(default_gazetteer).case_mode(case_mode);
    if !gazetteers.is_empty() {
        let mut g = Gazetteer::builder();
        g.include_default(default_gazetteer).case_mode(case_mode);
        for (name, bytes) in gazetteers {
            let lower = name.to_ascii_lowercase();
            let result = if lower.ends_with(".jsonl")
                || lower.ends_with(".json")
                || lower.ends_with(".ndjson")
            {
                g.add_jsonl_bytes(bytes).map(|_| ())
            } else {
                g.add_tsv_bytes(bytes).map(|_| ())
            };
            // "file: line N: what is wrong".
            result.map_err(|e| PyValueError::new_err(format!("{name}: {e}")))?;
        }
        builder.gazetteer(g.build().map_err(|e| PyValueError::new_err(e.to_string()))?);
    }
    Ok(builder.build())
}

fn read_gazetteer(path: &Bound<'_, PyAny>) -> PyResult<(String, Vec<u8>)> {
    let os = path.py().import("os")?;
    let name: String = os.call_method1("fspath", (path,))?.extract()?;
    match std::fs::read(&name) {
        Ok(bytes) => Ok((name, bytes)),
        // OSError(errno, strerror, filename) picks the subclass (FileNotFoundError...).
        Err(e) => Err(PyOSError::new_err((e.raw_os_error().unwrap_or(0), e.to_string(), name))),
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
}

/// A `str` argument as UTF-8 (see `texts` for lone surrogates).
fn text_bytes<'py>(
    obj: &Bound<'py, PyAny>,
    what: &dyn Fn() -> String,
) -> PyResult<Bound<'py, PyBytes>> {
    let s = obj.cast::<PyString>().map_err(|_| {
        PyTypeError::new_err(format!("{} must be str, not {}", what(), type_name(obj)))
    })?;
    texts::encode(s)
}

fn pool() -> PyResult<std::sync::Arc<rayon::ThreadPool>> {
    pool::pool().map_err(PyRuntimeError::new_err)
}

#[pymethods]
impl PyAnalyzer {
    #[new]
    #[pyo3(signature = (layers=None, gazetteers=None, default_gazetteer=true, case_mode="smart", offsets="char", _gazetteer_data=None))]
    fn new(
        layers: Option<&Bound<'_, PyAny>>,
        gazetteers: Option<&Bound<'_, PyAny>>,
        default_gazetteer: bool,
        case_mode: &str,
        offsets: &str,
        _gazetteer_data: Option<Vec<(String, Vec<u8>)>>,
    ) -> PyResult<PyAnalyzer> {
        let layers = read_layers(layers)?;
        let mode = match case_mode {
            "smart" => CaseMode::Smart,
            "insensitive" => CaseMode::Insensitive,
            other => {
                return Err(PyValueError::new_err(format!(
                    "case_mode must be \"smart\" or \"insensitive\", not {other:?}"
                )))
            }
        };
        let unit = Unit::from_name(offsets).ok_or_else(|| {
            PyValueError::new_err(format!(
                "offsets must be \"char\", \"utf16\" or \"byte\", not {offsets:?}"
            ))
        })?;
        let mut data = _gazetteer_data.unwrap_or_default();
        if let Some(paths) = gazetteers.filter(|g| !g.is_none()) {
            if paths.is_instance_of::<PyString>() {
                return Err(PyTypeError::new_err(
                    "gazetteers must be a list of paths, not one str",
                ));
            }
            for path in paths.try_iter()? {
                data.push(read_gazetteer(&path?)?);
            }
        }
        let inner = build(&layers, &data, default_gazetteer, mode)?;
        let shape = arrow::columns_shape(&document_keys(&inner));
        let columns = arrow::shape_names(&shape);
        Ok(PyAnalyzer {
            inner,
            layers,
            gazetteers: data,
            default_gazetteer,
            case_mode: case_mode.to_string(),
            unit,
            columns,
            shape,
            spares: Arc::default(),
            chunk_columns: Default::default(),
        })
    }

    /// The layer names this analyzer computes.
    #[getter]
    fn layers(&self) -> PyResult<Vec<String>> {
        Ok(layer_names(&self.layers)?.iter().map(|l| l.as_str().to_string()).collect())
    }

    /// The offset unit: "char", "utf16" or "byte".
    #[getter]
    fn offsets(&self) -> &'static str {
        self.unit.as_str()
    }

    fn __repr__(&self) -> PyResult<String> {
        let names: Vec<_> = self.gazetteers.iter().map(|(n, _)| format!("{n:?}")).collect();
        Ok(format!(
            "Analyzer(layers={:?}, gazetteers=[{}], default_gazetteer={}, case_mode={:?}, offsets={:?})",
            self.layers()?,
            names.join(", "),
            if self.default_gazetteer { "True" } else { "False" },
            self.case_mode,
            self.unit.as_str()
        ))
    }

    /// Pickling: the constructor arguments and the gazetteers' bytes.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let data = PyList::empty(py);
        for (name, bytes) in &this.gazetteers {
            data.append((name.as_str(), PyBytes::new(py, bytes)))?;
        }
        let args = (
            this.layers.clone(),
            PyTuple::empty(py),
            this.default_gazetteer,
            this.case_mode.as_str(),
            this.unit.as_str(),
            data,
        );
        PyTuple::new(py, [slf.get_type().into_any(), args.into_pyobject(py)?.into_any()])
    }

    /// Analyses one text: a dict as the analyze example's JSON (its layers
    /// filled on first use: see `records`).
    fn analyze<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let bytes = text_bytes(text, &|| "text".to_string())?;
        let text = texts::as_text(bytes.as_bytes());
        let text: &str = &text;
        let unit = self.unit;
        let analysed = py.detach(|| Analysed::new(self.inner.analyze(text), text, unit));
        records::document(py, Arc::new(analysed))
    }

    /// Analyses many texts on all cores: a list of dicts, in order. The
    /// analysis is all done here, the GIL released; each document's layers
    /// become dicts when first used (see `records`).
    fn analyze_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("texts must be a sequence of str, not one str"));
        }
        let mut encoded = Vec::new();
        for (i, item) in texts.try_iter()?.enumerate() {
            encoded.push(text_bytes(&item?, &|| format!("texts[{i}]"))?);
        }
        let owned: Vec<Cow<'_, str>> =
            encoded.iter().map(|b| texts::as_text(b.as_bytes())).collect();
        let strs: Vec<&str> = owned.iter().map(|c| &**c).collect();
        let pool = pool()?;
        let analyzer = &self.inner;
        let unit = self.unit;
        let analysed: Vec<Analysed> = py.detach(|| {
            pool.install(|| {
                strs.par_iter().map(|t| Analysed::new(analyzer.analyze(t), t, unit)).collect()
            })
        });
        let docs = analysed
            .into_iter()
            .map(|a| records::document(py, Arc::new(a)))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, docs)
    }

    /// Analyses an Arrow string array: a pyarrow.RecordBatch, a column per layer.
    fn analyze_arrow<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let arrays = arrow::import_texts(texts)?;
        let rows = arrow::rows(&arrays);
        let pool = pool()?;
        let n = rows.len();
        let built = py.detach(|| {
            arrow::batch::analyze(
                &pool,
                &self.inner,
                &rows,
                self.unit,
                &self.shape,
                &self.spares,
                &self.chunk_columns,
            )
        });
        let (fields, columns) = built.map_err(PyValueError::new_err)?;
        drop(arrays);
        arrow::export_batch(py, fields, columns, n)
    }

    /// Benchmark aid: seconds that the Rust `Analyzer::analyze_batch` takes on
    /// `texts` in this process's pool (the records are made, then dropped
    /// untimed), for comparing `analyze_batch` with Rust on the same texts and
    /// cores.
    fn _rust_batch_seconds(&self, py: Python<'_>, texts: Vec<String>) -> PyResult<f64> {
        let pool = pool()?;
        let analyzer = &self.inner;
        Ok(py.detach(|| {
            let start = std::time::Instant::now();
            let docs = pool.install(|| analyzer.analyze_batch(&texts));
            let seconds = start.elapsed().as_secs_f64();
            drop(docs);
            seconds
        }))
    }

    /// The Arrow schema of `analyze_arrow`'s batches for this analyzer.
    fn _arrow_schema<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        arrow::export_schema(py, &self.shape)
    }

    /// The Arrow schema for `layers` (None: all).
    #[staticmethod]
    #[pyo3(signature = (layers=None))]
    fn _schema_for<'py>(
        py: Python<'py>,
        layers: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let layers = read_layers(layers)?;
        let analyzer = build(&layers, &[], false, CaseMode::Smart)?;
        arrow::export_schema(py, &arrow::columns_shape(&document_keys(&analyzer)))
    }

    /// The top-level keys of this analyzer's documents (and its Arrow columns).
    #[getter]
    fn columns(&self) -> Vec<String> {
        self.columns.clone()
    }
}

/// The interval of one number phrase, or None.
#[pyfunction]
fn parse_number<'py>(py: Python<'py>, phrase: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let bytes = text_bytes(phrase, &|| "phrase".to_string())?;
    let text = texts::as_text(bytes.as_bytes());
    match textfacts::parse_number(&text) {
        Some(interval) => {
            pyobj::to_python(py, &pyobj::Names::default(), &Offsets::new("", Unit::Byte), &interval)
        }
        None => Ok(py.None().into_bound(py)),
    }
}

#[pymodule]
fn _textfacts(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyAnalyzer>()?;
    m.add_function(wrap_pyfunction!(parse_number, m)?)?;
    records::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
