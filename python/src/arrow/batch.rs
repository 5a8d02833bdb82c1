//! `analyze_arrow`'s work: texts analysed on the worker pool, each chunk's
//! columns written by the worker that analysed it, the chunks appended in
//! order into the batch's columns.
//!
//! A worker writes each document's records into its chunk's columns as the
//! analysis hands them over, borrowed (`Analyzer::visit_layers`: no
//! `Document` is built), so no more analyses are alive than there are
//! workers. The workers take the chunks in order and append the finished
//! ones themselves, whichever finds the batch's columns free (see
//! [`analyze`]): the calling thread sleeps until the batch is whole, and a
//! worker runs at most a few chunks ahead of the last one appended, so
//! beyond the output only a few small chunks' columns are ever alive.

use super::build::{Col, Row};
use super::direct;
use super::recycle::Pool;
use super::shape::Shape;
use crate::offsets::{Unit, UnitTable};
use arrow_array::ArrayRef;
use arrow_schema::Fields;
use rayon::ThreadPool;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, TryLockError};
use textfacts::{
    Analyzer, CasualtyRef, EntityRef, LayerVisitor, NumberRef, SentenceRecord, TokenRecord,
};

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

    fn numbers(&mut self, numbers: &[NumberRef<'_>]) {
        self.0.field_with("numbers", numbers, |col, units| direct::numbers(col, numbers, units));
    }

    fn casualties(&mut self, facts: &[CasualtyRef<'_>]) {
        self.0.field_with("casualties", facts, |col, units| direct::casualties(col, facts, units));
    }
}

/// Bytes of text per chunk (a chunk has one row at least): small enough
/// that the workers' last chunks end together and a chunk's columns stay in
/// cache, large enough that appending them costs little.
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

/// Chunks a worker may run ahead of the last one appended: enough that a
/// worker seldom waits for a slower one, few enough that the columns of
/// chunks waiting to be appended weigh little (about 230 KB a chunk, news)
/// when one worker is slow on a long text.
const AHEAD: usize = 4;

/// The most room a chunk's emptied columns may hold to be used again
/// (news: ~3.5 bytes of columns a byte of text, doubled as they grow).
const KEEP_BYTES: usize = 8 * CHUNK_BYTES;

/// The emptied chunk columns of an analyzer's calls, kept for its next call:
/// their memory is in place (made again, each call would fault their pages
/// in afresh; kept, they are [`KEPT_COLUMNS`] at most, each of at most
/// [`KEEP_BYTES`]). Never waited for: a busy one (another call of the same
/// analyzer) gives and takes none.
#[derive(Default)]
pub struct ChunkColumns(Mutex<Vec<Col>>);

/// The most chunk columns an analyzer keeps between calls: as many as one
/// call has at a time (a chunk per worker and those waiting to be appended).
const KEPT_COLUMNS: usize = 16;

/// The chunks finished and not yet appended, and the emptied columns.
struct Finished {
    /// Finished chunks' columns by chunk number, from `appended` on.
    ready: Vec<Option<Col>>,
    /// The chunks appended to the batch's columns (all before this one).
    appended: usize,
    /// Emptied chunk columns, for the next chunks.
    spare: Vec<Col>,
    /// The first failure: the workers stop taking chunks.
    error: Option<String>,
}

/// The columns of `rows` (a null row gives a null row) analysed by
/// `analyzer` on `pool`, offsets in `unit`, as the fields and arrays of a
/// batch of `shape` (a struct of the document's columns), written into the
/// buffers `spares` kept from earlier batches and lent from it again.
///
/// Each worker takes the next chunk, writes its columns and leaves them
/// finished; whichever worker finds the batch's columns free appends every
/// finished chunk that is next in order (the others go on analysing: nobody
/// waits for a lock, and the calling thread sleeps until all is done, so no
/// thread is woken per chunk).
pub fn analyze(
    pool: &ThreadPool,
    analyzer: &Analyzer,
    rows: &[Option<&str>],
    unit: Unit,
    shape: &Shape,
    spares: &Arc<Pool>,
    kept: &ChunkColumns,
) -> Result<(Fields, Vec<ArrayRef>), String> {
    let new_col =
        || Col::new(shape).ok_or_else(|| "the document model has no Arrow form".to_string());
    let chunks = chunks(rows);
    let mut root = new_col()?;
    let text_bytes: usize = rows.iter().map(|r| r.map_or(0, str::len)).sum();
    root.take_spares(spares, text_bytes);
    let root = Mutex::new(root);
    let finished = Mutex::new(Finished {
        ready: (0..chunks.len()).map(|_| None).collect(),
        appended: 0,
        spare: kept.0.try_lock().map(|mut cols| std::mem::take(&mut *cols)).unwrap_or_default(),
        error: None,
    });
    let appended_one = Condvar::new();
    let next_chunk = AtomicUsize::new(0);
    let lock = || finished.lock().map_err(|_| "a worker failed".to_string());
    // Appends the finished chunks that are next in order, unless another
    // worker is at it (it looks again once it lets the columns go).
    let append_ready = || -> Result<(), String> {
        loop {
            let mut root = match root.try_lock() {
                Ok(root) => root,
                Err(TryLockError::WouldBlock) => return Ok(()),
                Err(TryLockError::Poisoned(_)) => return Err("a worker failed".to_string()),
            };
            loop {
                let col = {
                    let mut f = lock()?;
                    let at = f.appended;
                    f.ready.get_mut(at).and_then(Option::take)
                };
                let Some(mut col) = col else { break };
                root.append(&col).map_err(|e| e.to_string())?;
                col.clear();
                let mut f = lock()?;
                f.appended += 1;
                // A chunk of long texts leaves its columns large: kept, every
                // column would grow to the largest chunk's size.
                if col.capacity_bytes() <= KEEP_BYTES {
                    f.spare.push(col);
                }
                appended_one.notify_all();
            }
            drop(root);
            // A chunk finished while the columns were held, after the look
            // above, found them busy: take it now.
            let f = lock()?;
            if !f.ready.get(f.appended).is_some_and(Option::is_some) {
                return Ok(());
            }
        }
    };
    // One worker's loop: the next chunk, until none is left or one failed.
    let work = || -> Result<(), String> {
        loop {
            let i = next_chunk.fetch_add(1, Ordering::Relaxed);
            let Some(chunk) = chunks.get(i) else { return Ok(()) };
            let spare = {
                let mut f = lock()?;
                while f.error.is_none() && i >= f.appended + AHEAD {
                    f = appended_one.wait(f).map_err(|_| "a worker failed".to_string())?;
                }
                if f.error.is_some() {
                    return Ok(());
                }
                f.spare.pop()
            };
            let mut col = match spare {
                Some(col) => col,
                None => new_col()?,
            };
            write_chunk(analyzer, chunk, unit, &mut col)?;
            lock()?.ready[i] = Some(col);
            append_ready()?;
        }
    };
    let fail = |error: String| {
        if let Ok(mut f) = finished.lock() {
            f.error.get_or_insert(error);
        }
        appended_one.notify_all();
    };
    pool.in_place_scope(|scope| {
        for _ in 0..pool.current_num_threads().max(1) {
            scope.spawn(|_| {
                // A panic must not leave the other workers waiting.
                let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
                    .unwrap_or_else(|_| Err("a worker failed".to_string()));
                if let Err(error) = done {
                    fail(error);
                }
            });
        }
    });
    let mut f = finished.into_inner().map_err(|_| "a worker failed".to_string())?;
    if let Some(error) = f.error {
        return Err(error);
    }
    if let Ok(mut cols) = kept.0.try_lock() {
        f.spare.truncate(KEPT_COLUMNS);
        *cols = f.spare;
    }
    if f.appended != chunks.len() {
        return Err("a chunk went missing".to_string());
    }
    let root = root.into_inner().map_err(|_| "a worker failed".to_string())?;
    root.finish_columns(spares).map_err(|e| e.to_string())
}

/// Writes the rows of `chunk` into `col` (a null row gives a null row),
/// offsets in `unit`.
fn write_chunk(
    analyzer: &Analyzer,
    chunk: &[Option<&str>],
    unit: Unit,
    col: &mut Col,
) -> Result<(), String> {
    // The offsets of each text in the unit (a table for the chunk: kept for
    // the whole call, it would stay the size of the longest text's).
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
    Ok(())
}
