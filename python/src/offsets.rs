//! Offsets in the unit the Python caller chose.
//!
//! The crate reports UTF-8 byte offsets. Every offset in its serde model is a
//! field named `start` or `end` (the JSON contract of the analyze example), so
//! the serializers of this crate convert exactly those fields: records that
//! the crate adds later are converted without a change here.

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
pub struct Offsets<'t> {
    /// `None`: offsets stay as they are (bytes, or an ASCII text).
    conv: Option<OffsetConverter<'t>>,
    unit: Unit,
}

impl<'t> Offsets<'t> {
    pub fn new(text: &'t str, unit: Unit) -> Offsets<'t> {
        let conv = (unit != Unit::Byte && !text.is_ascii()).then(|| OffsetConverter::new(text));
        Offsets { conv, unit }
    }

    /// The offset of byte `offset` in the chosen unit.
    #[inline]
    pub fn map(&self, offset: u64) -> u64 {
        let Some(conv) = &self.conv else { return offset };
        let Ok(at) = usize::try_from(offset) else { return offset };
        let converted = match self.unit {
            Unit::Char => conv.char_offset(at),
            Unit::Utf16 => conv.utf16_offset(at),
            Unit::Byte => Some(at),
        };
        // Spans are on char boundaries; should one not be, its byte offset is
        // better than none.
        converted.map_or(offset, |c| c as u64)
    }
}
