//! Python `str` to Rust text, for any `str` a caller can make.
//!
//! A Python `str` may hold lone surrogates (`"\ud800"`), which UTF-8 cannot
//! encode. They are read as U+FFFD REPLACEMENT CHARACTER: one code point,
//! one UTF-16 unit and three UTF-8 bytes in place of one code point, one
//! unit and three bytes ("surrogatepass"), so every offset in every unit is
//! the same as in the caller's string. Only a span's `text` shows U+FFFD.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use std::borrow::Cow;

/// The UTF-8 bytes of a `str` (lone surrogates encoded as three bytes).
pub fn encode<'py>(s: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyBytes>> {
    // SAFETY: `s` is a valid str and the thread is attached; the call returns
    // a new reference or NULL with an exception set.
    unsafe {
        let bytes = pyo3::ffi::PyUnicode_AsEncodedString(
            s.as_ptr(),
            c"utf-8".as_ptr(),
            c"surrogatepass".as_ptr(),
        );
        Ok(Bound::from_owned_ptr_or_err(s.py(), bytes)?.cast_into_unchecked())
    }
}

/// `bytes` (from [`encode`]) as text: borrowed unless it held surrogates.
pub fn as_text(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(replace_surrogates(bytes)),
    }
}

/// Replaces each encoded surrogate (`ED A0..BF 80..BF`) by U+FFFD (`EF BF BD`),
/// same length; anything else invalid (never produced by `encode`) likewise
/// byte by byte through the standard lossy decoder.
fn replace_surrogates(bytes: &[u8]) -> String {
    let mut fixed = bytes.to_vec();
    let mut i = 0;
    while i + 2 < fixed.len() {
        if fixed[i] == 0xED && (0xA0..=0xBF).contains(&fixed[i + 1]) {
            fixed[i..i + 3].copy_from_slice("\u{FFFD}".as_bytes());
            i += 3;
        } else {
            i += 1;
        }
    }
    match String::from_utf8(fixed) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}
