//! The built-in gazetteer compiled ahead of time.
//!
//! Building the built-in list from its TSV (parse, fold, hash, sort, trie,
//! tables) takes ~20 ms and several MB of transient memory, which a program
//! that analyses one file pays on every start. The compiled structures are
//! therefore stored in `data/default-gazetteer.image`, a little-endian dump
//! read back in about a millisecond. A test rebuilds the image from the TSV
//! and fails if the file differs (`TEXTFACTS_WRITE_IMAGE=1` rewrites it), so
//! the image can never drift from the list or from the build code.
//!
//! Reading never panics: any inconsistency (a truncated or foreign file)
//! yields `None`, and the caller builds from the TSV instead.

use super::matcher::Matcher;
use super::{CaseMode, Entity, Inner};
use std::sync::Arc;

/// First bytes of an image; the number changes with the layout.
pub(crate) const MAGIC: &[u8; 16] = b"textfacts-gaz-01";

/// Appends values to an image.
#[cfg(test)]
#[derive(Default)]
pub(crate) struct ImageWriter {
    pub(crate) bytes: Vec<u8>,
}

#[cfg(test)]
impl ImageWriter {
    pub(crate) fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }

    pub(crate) fn bool(&mut self, v: bool) {
        self.u8(u8::from(v));
    }

    pub(crate) fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn u64(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    /// A length or index; the structures it describes fit a u32.
    pub(crate) fn len(&mut self, v: usize) {
        self.u32(u32::try_from(v).unwrap_or(u32::MAX));
    }

    pub(crate) fn bytes(&mut self, v: &[u8]) {
        self.len(v.len());
        self.bytes.extend_from_slice(v);
    }

    pub(crate) fn u32s(&mut self, v: &[u32]) {
        self.len(v.len());
        for &x in v {
            self.u32(x);
        }
    }

    pub(crate) fn u64s(&mut self, v: &[u64]) {
        self.len(v.len());
        for &x in v {
            self.u64(x);
        }
    }
}

/// Reads values back in the order they were written.
pub(crate) struct ImageReader<'a> {
    rest: &'a [u8],
}

impl<'a> ImageReader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> ImageReader<'a> {
        ImageReader { rest: bytes }
    }

    pub(crate) fn is_done(&self) -> bool {
        self.rest.is_empty()
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.rest.len() {
            return None;
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Some(head)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    pub(crate) fn u8(&mut self) -> Option<u8> {
        Some(self.array::<1>()?[0])
    }

    pub(crate) fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    pub(crate) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.array()?))
    }

    pub(crate) fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.array()?))
    }

    pub(crate) fn len(&mut self) -> Option<usize> {
        Some(self.u32()? as usize)
    }

    pub(crate) fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.len()?;
        self.take(n)
    }

    /// A fixed-size table of values, each read by `read`.
    pub(crate) fn table<T: Copy + Default, const N: usize>(
        &mut self,
        read: fn(&mut Self) -> Option<T>,
    ) -> Option<[T; N]> {
        let mut table = [T::default(); N];
        for slot in &mut table {
            *slot = read(self)?;
        }
        Some(table)
    }

    /// The next `n` bytes, checked for length: a count read from a damaged
    /// image must not make a huge allocation.
    fn items(&mut self, n: usize, size: usize) -> Option<&'a [u8]> {
        self.take(n.checked_mul(size)?)
    }

    pub(crate) fn u32s(&mut self) -> Option<Vec<u32>> {
        let n = self.len()?;
        let raw = self.items(n, 4)?;
        Some(raw.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }

    pub(crate) fn u64s(&mut self) -> Option<Vec<u64>> {
        let n = self.len()?;
        let raw = self.items(n, 8)?;
        Some(
            raw.chunks_exact(8)
                .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
                .collect(),
        )
    }

    /// `n` records of `size` bytes each, for the caller to decode.
    pub(crate) fn records(&mut self, size: usize) -> Option<std::slice::ChunksExact<'a, u8>> {
        Some(self.section(size)?.chunks_exact(size))
    }

    /// A count `n` and the `n` items of `size` bytes each that follow it,
    /// undecoded (as `u32s`, `u64s` and `records` wrote them): for tables
    /// read in place, item by item, rather than decoded at load.
    pub(crate) fn section(&mut self, size: usize) -> Option<&'a [u8]> {
        let n = self.len()?;
        self.items(n, size)
    }
}

/// The freshness test of a compiled image: `built` (the image its source
/// builds today) must equal `embedded`, the image in `file` (relative to the
/// crate root), else the test fails naming the command that rewrites it;
/// with `TEXTFACTS_WRITE_IMAGE` set, the file is rewritten instead.
#[cfg(test)]
pub(crate) fn assert_fresh(built: &[u8], embedded: &[u8], file: &str, test: &str) {
    if std::env::var_os("TEXTFACTS_WRITE_IMAGE").is_some() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        std::fs::write(&path, built).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    assert!(
        built == embedded,
        "{file} is stale: rewrite it with `TEXTFACTS_WRITE_IMAGE=1 cargo test --lib {test}`"
    );
}

impl Inner {
    /// The gazetteer as a compiled image (see `image.rs`).
    #[cfg(test)]
    pub(super) fn write_image(&self) -> Vec<u8> {
        let mut w = ImageWriter::default();
        w.bytes.extend_from_slice(MAGIC);
        w.u8(match self.case_mode {
            CaseMode::Smart => 0,
            CaseMode::Insensitive => 1,
        });
        w.bool(self.context_rules);
        // Labels once each, then per entity its label's number.
        let mut labels: Vec<&Arc<str>> = Vec::new();
        let mut label_of = Vec::with_capacity(self.entities.len());
        for e in &self.entities {
            let n = labels.iter().position(|l| Arc::ptr_eq(l, &e.label)).unwrap_or_else(|| {
                labels.push(&e.label);
                labels.len() - 1
            });
            label_of.push(n);
        }
        w.len(labels.len());
        for l in &labels {
            w.bytes(l.as_bytes());
        }
        w.len(self.entities.len());
        for (e, &label) in self.entities.iter().zip(&label_of) {
            w.len(label);
            w.u32(e.id_len);
            w.bytes(e.text.as_bytes());
        }
        self.matcher.write_image(&mut w);
        w.bytes
    }

    /// Reads back what `write_image` wrote, or `None` for anything else.
    pub(super) fn read_image(bytes: &[u8]) -> Option<Inner> {
        let mut r = ImageReader::new(bytes.strip_prefix(MAGIC)?);
        let case_mode = match r.u8()? {
            0 => CaseMode::Smart,
            1 => CaseMode::Insensitive,
            _ => return None,
        };
        let context_rules = r.bool()?;
        let labels_len = r.len()?;
        let labels = (0..labels_len)
            .map(|_| Some(Arc::from(std::str::from_utf8(r.bytes()?).ok()?)))
            .collect::<Option<Vec<Arc<str>>>>()?;
        let entities_len = r.len()?;
        let mut entities = Vec::with_capacity(entities_len.min(bytes.len()));
        for _ in 0..entities_len {
            let label = labels.get(r.len()?)?.clone();
            let id_len = r.u32()?;
            let text: Box<str> = std::str::from_utf8(r.bytes()?).ok()?.into();
            if !text.is_char_boundary(id_len as usize) {
                return None;
            }
            entities.push(Entity { text, id_len, label });
        }
        let matcher = Matcher::read_image(&mut r)?;
        r.is_done().then_some(Inner {
            matcher,
            entities,
            case_mode,
            context_rules,
            builtin: false,
            places: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_and_damage_is_none() {
        let mut w = ImageWriter::default();
        w.u8(7);
        w.bool(true);
        w.u32(0xdead_beef);
        w.u64(u64::MAX - 1);
        w.bytes(b"abc");
        w.u32s(&[1, 2, 3]);
        w.u64s(&[4, 5]);
        let mut r = ImageReader::new(&w.bytes);
        assert_eq!(r.u8(), Some(7));
        assert_eq!(r.bool(), Some(true));
        assert_eq!(r.u32(), Some(0xdead_beef));
        assert_eq!(r.u64(), Some(u64::MAX - 1));
        assert_eq!(r.bytes(), Some(&b"abc"[..]));
        assert_eq!(r.u32s(), Some(vec![1, 2, 3]));
        assert_eq!(r.u64s(), Some(vec![4, 5]));
        assert!(r.is_done());
        assert_eq!(r.u8(), None);
        let mut r = ImageReader::new(&[1, 0, 1]);
        assert_eq!(r.table::<bool, 3>(ImageReader::bool), Some([true, false, true]));
        assert_eq!(ImageReader::new(&[1, 0]).table::<bool, 3>(ImageReader::bool), None);
        // A huge count in a short image.
        let mut r = ImageReader::new(&[0xff, 0xff, 0xff, 0xff, 1, 2]);
        assert_eq!(r.u64s(), None);
        assert_eq!(ImageReader::new(&[2]).bool(), None);
    }
}
