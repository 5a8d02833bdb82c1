//! Offsets in the unit the Python caller chose.
//!
//! The crate reports UTF-8 byte offsets. Every offset in its serde model is a
//! field named `start` or `end` (the JSON contract of the analyze example), so
//! the serializers of this crate convert exactly those fields: records that
//! the crate adds later are converted without a change here.

use std::cell::{Cell, OnceCell};
use textfacts::OffsetConverter;

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
/// sequence). A step backwards (the next layer) asks the crate's
/// checkpointed `OffsetConverter`, built on the first such step.
pub struct Offsets<'t> {
    text: &'t str,
    /// False: offsets stay as they are (bytes, or an ASCII text).
    convert: bool,
    conv: OnceCell<OffsetConverter<'t>>,
    unit: Unit,
    /// The last conversion: (byte offset, offset in `unit`).
    at: Cell<(usize, usize)>,
}

impl<'t> Offsets<'t> {
    pub fn new(text: &'t str, unit: Unit) -> Offsets<'t> {
        let convert = unit != Unit::Byte && !text.is_ascii();
        Offsets { text, convert, conv: OnceCell::new(), unit, at: Cell::new((0, 0)) }
    }

    /// The offset of byte `offset` in the chosen unit.
    #[inline]
    pub fn map(&self, offset: u64) -> u64 {
        if !self.convert {
            return offset;
        }
        let Ok(to) = usize::try_from(offset) else { return offset };
        let (from, units) = self.at.get();
        let bytes = self.text.as_bytes();
        let converted = match bytes.get(from..to) {
            Some(between) if to >= from && is_boundary(bytes, to) => {
                Some(units + count_units(between, self.unit))
            }
            _ => match self.unit {
                Unit::Char => self.converter().char_offset(to),
                Unit::Utf16 => self.converter().utf16_offset(to),
                Unit::Byte => Some(to),
            },
        };
        match converted {
            Some(c) => {
                self.at.set((to, c));
                c as u64
            }
            // Spans are on char boundaries; should one not be, its byte
            // offset is better than none.
            None => offset,
        }
    }

    fn converter(&self) -> &OffsetConverter<'t> {
        self.conv.get_or_init(|| OffsetConverter::new(self.text))
    }
}

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
