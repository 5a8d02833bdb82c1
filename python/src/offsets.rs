//! Offsets in the unit the Python caller chose.
//!
//! The crate reports UTF-8 byte offsets. Every offset in its serde model is a
//! field named `start` or `end` (the JSON contract of the analyze example), so
//! the serializers of this crate convert exactly those fields: records that
//! the crate adds later are converted without a change here.

use std::cell::{Cell, RefCell};

/// The unit of `start`/`end` offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Unicode code points: Python `str` indices.
    Char,
    /// UTF-16 code units (JavaScript, Java).
    Utf16,
    /// UTF-8 bytes, as the crate reports them.
    Byte,
}

impl Unit {
    pub fn from_name(name: &str) -> Option<Unit> {
        match name {
            "char" => Some(Unit::Char),
            "utf16" => Some(Unit::Utf16),
            "byte" => Some(Unit::Byte),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Char => "char",
            Unit::Utf16 => "utf16",
            Unit::Byte => "byte",
        }
    }
}

/// Whether a struct field of the serde model holds an offset.
pub fn is_offset_field(key: &str) -> bool {
    key == "start" || key == "end"
}

/// Converts the byte offsets of one text.
///
/// Records come layer by layer in text order, so a conversion mostly moves a
/// little forward from the previous one: it counts the units of the bytes in
/// between (a char per non-continuation byte, one more UTF-16 unit per 4-byte
/// sequence). A step backwards (the next layer) counts from the nearest
/// point passed earlier: one is kept every [`TRAIL_STRIDE`] bytes.
pub struct Offsets<'t> {
    text: &'t [u8],
    /// False: offsets stay as they are (bytes, or an ASCII text).
    convert: bool,
    unit: Unit,
    /// The last conversion: (byte offset, offset in `unit`).
    at: Cell<(usize, usize)>,
    /// Conversions passed so far, in byte order, from `(0, 0)`.
    trail: RefCell<Vec<(usize, usize)>>,
}

/// Bytes between two kept points of the trail at least.
const TRAIL_STRIDE: usize = 512;

impl<'t> Offsets<'t> {
    pub fn new(text: &'t str, unit: Unit) -> Offsets<'t> {
        let convert = unit != Unit::Byte && !text.is_ascii();
        let trail = RefCell::new(if convert { vec![(0, 0)] } else { Vec::new() });
        Offsets { text: text.as_bytes(), convert, unit, at: Cell::new((0, 0)), trail }
    }

    /// The offset of byte `offset` in the chosen unit.
    #[inline]
    pub fn map(&self, offset: u64) -> u64 {
        if !self.convert {
            return offset;
        }
        // Spans are on char boundaries; should one not be, its byte offset
        // is better than none.
        let Ok(to) = usize::try_from(offset) else { return offset };
        if !is_boundary(self.text, to) {
            return offset;
        }
        let (from, units) = self.at.get();
        let forward = to >= from;
        let (from, units) = if forward { (from, units) } else { self.passed(to) };
        let converted = units + count_units(&self.text[from..to], self.unit);
        self.at.set((to, converted));
        if forward {
            let mut trail = self.trail.borrow_mut();
            if trail.last().is_none_or(|&(b, _)| to >= b + TRAIL_STRIDE) {
                trail.push((to, converted));
            }
        }
        converted as u64
    }

    /// The last point of the trail at or before byte `to`.
    fn passed(&self, to: usize) -> (usize, usize) {
        let trail = self.trail.borrow();
        let i = trail.partition_point(|&(b, _)| b <= to);
        trail.get(i.wrapping_sub(1)).copied().unwrap_or((0, 0))
    }
}

/// Whether byte `at` of `text` starts a char or ends the text (false beyond it).
fn is_boundary(text: &[u8], at: usize) -> bool {
    at == text.len() || text.get(at).is_some_and(|b| (*b as i8) >= -0x40)
}

/// Chars (or UTF-16 units) in `bytes`, which start and end on char boundaries.
fn count_units(bytes: &[u8], unit: Unit) -> usize {
    let chars = bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
    match unit {
        Unit::Utf16 => chars + bytes.iter().filter(|&&b| b >= 0xF0).count(),
        _ => chars,
    }
}
