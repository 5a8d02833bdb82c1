//! `analyze_arrow`'s work: texts analysed on the worker pool, each chunk's
//! columns written by the worker that analysed it, the chunks appended in
//! order into the batch's columns.
//!
//! A worker writes each document's records into its chunk's columns as the
//! analysis hands them over, borrowed (`Analyzer::visit_layers`: no
//! `Document` is built), so no more analyses are alive than there are
//! workers. The calling thread hands the pool a few chunks at
//! a time, appends each finished chunk to the batch's columns as soon as the
//! chunks before it are in, and hands back empty columns with the room the
//! chunk's had (allocated by the calling thread, see [`analyze`]): beyond the
//! output only a few small chunks' columns are ever alive.

use super::build::{Col, Row};
use super::direct;
use super::recycle::Pool;
use super::shape::Shape;
use crate::offsets::{Unit, UnitTable};
use arrow_array::ArrayRef;
use arrow_schema::Fields;
use rayon::ThreadPool;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use textfacts::{Analyzer, EntityRef, LayerVisitor, SentenceRecord, TokenRecord};

/// A document's row, written from the layers of its analysis as they are
/// handed over (borrowed records: no `Document` is built).
struct Layers<'a>(Row<'a>);

impl LayerVisitor for Layers<'_> {
    fn layer<T: serde::Serialize + ?Sized>(&mut self, name: &'static str, records: &T) {
        self.0.field(name, records);
    }

    fn tokens(&mut self, tokens: &[TokenRecord]) {
        self.0.field_with("tokens", tokens, |col, units| direct::tokens(col, tokens, units));
    }

    fn sentences(&mut self, sentences: &[SentenceRecord]) {
        self.0.field_with("sentences", sentences, |col, units| {
            direct::sentences(col, sentences, units)
        });
    }

    fn entities(&mut self, entities: &[EntityRef<'_>]) {
        self.0
            .field_with("entities", entities, |col, units| direct::entities(col, entities, units));
    }
}

/// Bytes of text per task of the worker pool (a task has one row at least):
/// small enough that the last tasks end together and a chunk's columns
/// weigh little, large enough that appending them costs nothing.
const CHUNK_BYTES: usize = 32 << 10;

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
/// batch of `shape` (a struct of the document's columns), written into the
/// buffers `spares` kept from earlier batches and lent from it again.
pub fn analyze(
    pool: &ThreadPool,
    analyzer: &Analyzer,
    rows: &[Option<&str>],
    unit: Unit,
    shape: &Shape,
    spares: &Arc<Pool>,
) -> Result<(Fields, Vec<ArrayRef>), String> {
    let new_col =
        || Col::new(shape).ok_or_else(|| "the document model has no Arrow form".to_string());
    // Emptied chunk columns, for the next chunks.
    let spare: Mutex<Vec<Col>> = Mutex::new(Vec::new());
    let take_spare = || spare.lock().map_or(None, |mut s| s.pop());
    // A chunk's columns, and whether they were made for it (no spare was left).
    let part = |chunk: &[Option<&str>]| -> Result<(Col, bool), String> {
        let (mut col, made) = match take_spare() {
            Some(col) => (col, false),
            None => (new_col()?, true),
        };
        // The offsets of the row's text in the unit.
        let mut table = UnitTable::default();
        for text in chunk {
            match text {
                Some(text) if text.len() > i32::MAX as usize => {
                    return Err(super::build::beyond_2_gib().to_string());
                }
                Some(text) => {
                    let units = table.fill(text, unit);
                    let mut row = Layers(col.row(units).map_err(|e| e.to_string())?);
                    analyzer.visit_layers(text, &mut row);
                    row.0.finish().map_err(|e| e.to_string())?;
                }
                None => col.push_null(),
            }
        }
        Ok((col, made))
    };
    let chunks = chunks(rows);
    // Chunks handed to the pool and not yet appended: enough to keep every
    // worker busy while the calling thread waits for a core to append (the
    // machine may be busy), few enough that their columns weigh little
    // (about 100 KB a chunk, news text) even when it waits long.
    let in_flight = 2 * pool.current_num_threads() + 2;
    let mut root = new_col()?;
    // A kept buffer far larger than this batch's output (news: ~3.5 bytes
    // of columns a byte of text) stays for a larger batch.
    let text_bytes: usize = rows.iter().map(|r| r.map_or(0, str::len)).sum();
    root.take_spares(spares, text_bytes.saturating_mul(8).saturating_add(1 << 20));
    let (tx, rx) = mpsc::channel::<(usize, Result<(Col, bool), String>)>();
    pool.in_place_scope(|scope| -> Result<(), String> {
        let spawn = |i: usize| {
            let (tx, part, chunk) = (tx.clone(), &part, chunks[i]);
            scope.spawn(move |_| {
                // A panic would leave the calling thread waiting for the chunk.
                let col = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| part(chunk)))
                    .unwrap_or_else(|_| Err("a worker failed".to_string()));
                let _ = tx.send((i, col));
            });
        };
        let mut next = 0;
        while next < chunks.len().min(in_flight) {
            spawn(next);
            next += 1;
        }
        // Chunks finished out of order wait here for those before them.
        let mut ready: Vec<Option<Result<(Col, bool), String>>> =
            (0..chunks.len()).map(|_| None).collect();
        for i in 0..chunks.len() {
            while ready[i].is_none() {
                let (j, col) = rx.recv().map_err(|_| "a worker failed".to_string())?;
                ready[j] = Some(col);
            }
            let (col, made) = ready[i].take().ok_or("a chunk went missing")??;
            root.append(&col).map_err(|e| e.to_string())?;
            // The chunk's columns go back to the workers emptied. Columns
            // that a worker made are first swapped for empty ones with the
            // same room, allocated by this thread: memory that a worker
            // allocates stays in its thread's allocator arena once freed
            // (glibc keeps up to a few MB an arena), where neither the batch's
            // columns nor other threads can use it. A worker that needs more
            // room grows the columns where they are, in this thread's arena.
            let col = if made {
                let mut fresh = new_col()?;
                fresh.reserve_like(&col);
                fresh
            } else {
                let mut col = col;
                col.clear();
                col
            };
            if let Ok(mut spare) = spare.lock() {
                spare.push(col);
            }
            if next < chunks.len() {
                spawn(next);
                next += 1;
            }
        }
        Ok(())
    })?;
    drop(spare);
    root.finish_columns(spares).map_err(|e| e.to_string())
}
