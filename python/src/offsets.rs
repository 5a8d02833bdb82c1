//! Offsets in the unit the Python caller chose.
//!
//! The crate reports UTF-8 byte offsets. Every offset in its serde model is a
//! field named `start` or `end` (the JSON contract of the analyze example), so
//! the serializers of this crate convert exactly those fields: records that
//! the crate adds later are converted without a change here.

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
/// A table made once per text answers each conversion in a few steps,
/// whatever order the records come in: for every block of [`BLOCK`] bytes,
/// the units before it, a bit per byte that continues a char and one per
/// byte that starts a 4-byte sequence (two UTF-16 units). An offset's unit
/// count is the block's, plus the bytes below it in the block, less the
/// continuing ones, plus the 4-byte ones: in news, most blocks hold only
/// ASCII, and both masks below an offset are mostly empty. The table takes
/// 3/8 of the text's size, only for a non-ASCII text in a unit other than
/// bytes.
pub struct Offsets {
    /// Empty: offsets stay as they are (bytes, or an ASCII text).
    blocks: Vec<Block>,
    /// The text's length in bytes, then in the unit.
    len: usize,
    units: usize,
}

/// Bytes per block of the table (the bits of a `u64`).
const BLOCK: usize = 64;

/// One block of an [`Offsets`] table.
#[derive(Clone, Copy)]
struct Block {
    /// Units before the block.
    before: usize,
    /// Bit `i`: byte `i` of the block continues a char.
    continues: u64,
    /// Bit `i`: byte `i` starts a 4-byte sequence (UTF-16 only; else 0).
    wide: u64,
}

impl Offsets {
    pub fn new(text: &str, unit: Unit) -> Offsets {
        let bytes = text.as_bytes();
        let len = bytes.len();
        if unit == Unit::Byte || bytes.is_ascii() {
            return Offsets { blocks: Vec::new(), len, units: len };
        }
        let mut blocks = Vec::with_capacity(len.div_ceil(BLOCK));
        let mut before = 0;
        let mut add = |chunk: &[u8]| {
            let (continues, wide) = block_bits(chunk);
            let wide = if unit == Unit::Utf16 { wide } else { 0 };
            blocks.push(Block { before, continues, wide });
            before += BLOCK - continues.count_ones() as usize + wide.count_ones() as usize;
        };
        let mut chunks = bytes.chunks_exact(BLOCK);
        chunks.by_ref().for_each(&mut add);
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // Continuation bytes after the end: no units.
            let mut padded = [0x80; BLOCK];
            padded[..rest.len()].copy_from_slice(rest);
            add(&padded);
        }
        Offsets { blocks, len, units: before }
    }

    /// The offset of byte `offset` in the chosen unit.
    #[inline(always)]
    pub fn map(&self, offset: u64) -> u64 {
        if self.blocks.is_empty() {
            return offset;
        }
        // Spans are on char boundaries; should one not be (or lie beyond
        // the text), its byte offset is better than none.
        let Ok(at) = usize::try_from(offset) else { return offset };
        if at == self.len {
            return self.units as u64;
        }
        let Some(block) = self.blocks.get(at / BLOCK) else { return offset };
        let bit = at % BLOCK;
        if block.continues >> bit & 1 != 0 {
            return offset;
        }
        let units = block.before + bit;
        let below = (1u64 << bit) - 1;
        let (continues, wide) = (block.continues & below, block.wide & below);
        if (continues | wide) == 0 {
            return units as u64;
        }
        counted(units, continues, wide)
    }
}

/// The offset of every byte of one text in the chosen unit, for converting
/// many offsets at once (`analyze_arrow` converts each row's after writing
/// it): one lookup an offset. Per block of [`BLOCK`] bytes the units before
/// it, and per byte the units before it within its block, or [`INSIDE`] for
/// a byte that continues a char (its byte offset is kept, as
/// [`Offsets::map`] keeps it). About a byte a byte of text; kept and refilled
/// from text to text.
#[derive(Default)]
pub struct UnitTable {
    blocks: Vec<usize>,
    within: Vec<u8>,
}

/// [`UnitTable`]'s mark of a byte that continues a char (a block holds at
/// most [`BLOCK`] units).
const INSIDE: u8 = u8::MAX;

/// The units within an ASCII block: one a byte.
const ASCENDING: [u8; BLOCK] = {
    let mut units = [0; BLOCK];
    let mut i = 0;
    while i < BLOCK {
        units[i] = i as u8;
        i += 1;
    }
    units
};

impl UnitTable {
    /// Fills the table for `text`; `false` (the table left empty) when
    /// offsets stay as they are: bytes, or an ASCII text.
    pub fn fill(&mut self, text: &str, unit: Unit) -> bool {
        self.blocks.clear();
        self.within.clear();
        let bytes = text.as_bytes();
        if unit == Unit::Byte || bytes.is_ascii() {
            return false;
        }
        let utf16 = unit == Unit::Utf16;
        let len = bytes.len();
        self.blocks.reserve(len / BLOCK + 1);
        // The text's end is an offset too: one entry past the last byte.
        self.within.resize(len + 1, 0);
        let mut units = 0;
        for (block, within) in bytes.chunks(BLOCK).zip(self.within.chunks_mut(BLOCK)) {
            self.blocks.push(units);
            if block.is_ascii() {
                within[..block.len()].copy_from_slice(&ASCENDING[..block.len()]);
                units += block.len();
                continue;
            }
            let before = units;
            for (&b, within) in block.iter().zip(within) {
                if b & 0xC0 == 0x80 {
                    *within = INSIDE;
                } else {
                    // At most BLOCK: fits, and is never INSIDE.
                    *within = (units - before) as u8;
                    units += 1 + usize::from(utf16 && b >= 0xF0);
                }
            }
        }
        if len.is_multiple_of(BLOCK) {
            self.blocks.push(units);
        } else {
            let before = self.blocks.last().copied().unwrap_or(0);
            self.within[len] = (units - before) as u8;
        }
        true
    }

    /// Converts byte offsets `values` in place (a filled table; an offset
    /// past the text is kept).
    pub fn map_all(&self, values: &mut [i32]) {
        let (within, blocks) = (self.within.as_slice(), self.blocks.as_slice());
        for v in values {
            // A negative offset reads as one far past the text: kept.
            let at = *v as u32 as usize;
            if let (Some(&w), Some(&before)) = (within.get(at), blocks.get(at / BLOCK)) {
                // Never more than the byte offset, so it fits.
                let units = (before + usize::from(w)) as i32;
                *v = if w == INSIDE { *v } else { units };
            }
        }
    }
}

/// `units` less the continuation bytes, plus the 4-byte leading bytes, of
/// a block below an offset (out of line: the common case needs neither).
#[inline(never)]
fn counted(units: usize, continues: u64, wide: u64) -> u64 {
    (units - continues.count_ones() as usize + wide.count_ones() as usize) as u64
}

/// The bits of one block of [`BLOCK`] bytes: bytes that continue a char,
/// bytes that start a 4-byte sequence. Eight bytes at a time: a byte
/// continues a char when its top bits are `10`, starts a 4-byte one when
/// they are `1111`; the flags, on each byte's top bit, are gathered into
/// eight bits by one multiplication.
fn block_bits(block: &[u8]) -> (u64, u64) {
    const TOP: u64 = 0x8080_8080_8080_8080;
    let gather = |flags: u64| (flags >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
    let (mut continues, mut wide) = (0, 0);
    for (i, word) in block.chunks_exact(8).enumerate() {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(word);
        let w = u64::from_le_bytes(bytes);
        continues |= gather(w & !(w << 1) & TOP) << (8 * i);
        wide |= gather(w & (w << 1) & (w << 2) & (w << 3) & TOP) << (8 * i);
    }
    (continues, wide)
}

#[cfg(test)]
mod tests {
    use super::{Offsets, Unit, UnitTable};

    /// The table gives every byte offset (on a boundary or not, the end, one
    /// past it) what `Offsets::map` gives, in every unit.
    #[test]
    fn the_table_agrees_with_offsets() {
        let long = "é🙂x".repeat(40) + &"a".repeat(70) + "北京";
        let texts = ["", "ascii only", "Zürich 🙂 北京 القاهرة", "🙂🙂🙂", long.as_str()];
        let mut table = UnitTable::default();
        for text in texts {
            for unit in [Unit::Char, Unit::Utf16, Unit::Byte] {
                let offsets = Offsets::new(text, unit);
                let filled = table.fill(text, unit);
                assert_eq!(filled, unit != Unit::Byte && !text.is_ascii(), "{text:?}");
                let mut values: Vec<i32> = (0..=text.len() as i32 + 1).collect();
                if filled {
                    table.map_all(&mut values);
                }
                for (at, v) in values.iter().enumerate() {
                    assert_eq!(*v as u64, offsets.map(at as u64), "{text:?} {unit:?} {at}");
                }
            }
        }
    }
}
