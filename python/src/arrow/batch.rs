//! `analyze_arrow`'s work: texts analysed on the worker pool, each chunk's
//! columns written by the worker that analysed it, the chunks appended in
//! order into the batch's columns.
//!
//! A worker writes each document's records into its chunk's columns right
//! after analysing it and drops the document, so no more documents are alive
//! than there are workers. The calling thread appends each finished chunk to
//! the batch's columns as soon as the chunks before it are in, and hands its
//! emptied columns back for a later chunk: the memory of a chunk is reused,
//! and beyond the output only a few chunks' columns are ever alive.

use super::build::Col;
use super::shape::Shape;
use crate::offsets::{Offsets, Unit};
use arrow_array::ArrayRef;
use arrow_schema::Fields;
use rayon::ThreadPool;
use std::sync::mpsc;
use std::sync::Mutex;
use textfacts::Analyzer;

/// Bytes of text per task of the worker pool (a task has one row at least):
/// small enough that the last tasks end together and a few chunks' columns
/// weigh little, large enough that appending them costs nothing.
const CHUNK_BYTES: usize = 64 << 10;

/// `rows` cut into chunks of about [`CHUNK_BYTES`] (a row counts one byte
/// more than its text, so that empty and null rows weigh too).
fn chunks<'r, 't>(rows: &'r [Option<&'t str>]) -> Vec<&'r [Option<&'t str>]> {
    let mut chunks = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, row) in rows.iter().enumerate() {
        bytes += row.map_or(0, str::len) + 1;
        if bytes >= CHUNK_BYTES {
            chunks.push(&rows[start..=i]);
            (start, bytes) = (i + 1, 0);
        }
    }
    if start < rows.len() {
        chunks.push(&rows[start..]);
    }
    chunks
}

/// The columns of `rows` (a null row gives a null row) analysed by
/// `analyzer` on `pool`, offsets in `unit`, as the fields and arrays of a
/// batch of `shape` (a struct of the document's columns).
pub fn analyze(
    pool: &ThreadPool,
    analyzer: &Analyzer,
    rows: &[Option<&str>],
    unit: Unit,
    shape: &Shape,
) -> Result<(Fields, Vec<ArrayRef>), String> {
    let new_col =
        || Col::new(shape).ok_or_else(|| "the document model has no Arrow form".to_string());
    // Emptied chunk columns, for the next chunks.
    let spare: Mutex<Vec<Col>> = Mutex::new(Vec::new());
    let take_spare = || spare.lock().map_or(None, |mut s| s.pop());
    let part = |chunk: &[Option<&str>]| -> Result<Col, String> {
        let mut col = match take_spare() {
            Some(col) => col,
            None => new_col()?,
        };
        for text in chunk {
            match text {
                Some(text) => col
                    .push(&analyzer.analyze(text), &Offsets::new(text, unit))
                    .map_err(|e| e.to_string())?,
                None => col.push_null(),
            }
        }
        Ok(col)
    };
    let chunks = chunks(rows);
    let mut root = new_col()?;
    let (tx, rx) = mpsc::channel::<(usize, Result<Col, String>)>();
    pool.in_place_scope(|scope| -> Result<(), String> {
        for (i, chunk) in chunks.iter().enumerate() {
            let tx = tx.clone();
            let part = &part;
            scope.spawn(move |_| {
                let _ = tx.send((i, part(chunk)));
            });
        }
        drop(tx);
        // Chunks finished out of order wait here for those before them.
        let mut ready: Vec<Option<Result<Col, String>>> = (0..chunks.len()).map(|_| None).collect();
        for i in 0..chunks.len() {
            while ready[i].is_none() {
                let (j, col) = rx.recv().map_err(|_| "a worker failed".to_string())?;
                ready[j] = Some(col);
            }
            let mut col = ready[i].take().ok_or("a chunk went missing")??;
            root.append(&col).map_err(|e| e.to_string())?;
            col.clear();
            if let Ok(mut spare) = spare.lock() {
                spare.push(col);
            }
        }
        Ok(())
    })?;
    drop(spare);
    root.finish_columns().map_err(|e| e.to_string())
}
