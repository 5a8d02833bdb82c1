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
/// the offsets of the records `analyze_arrow` writes as it writes them: per
/// byte, the units before it, or its own byte offset for a byte that
/// continues a char (kept, as [`Offsets::map`] keeps it); one entry more for
/// the text's end. One load an offset, for four bytes a byte of text; kept
/// and refilled from text to text. A text longer than [`TABLE_TEXT_BYTES`]
/// gets an [`Offsets`] instead (3/8 of a byte a byte, a few steps an offset).
#[derive(Default)]
pub struct UnitTable {
    units: Vec<u32>,
    large: Option<Offsets>,
}

/// The longest text [`UnitTable`] fills a table of a `u32` a byte for.
const TABLE_TEXT_BYTES: usize = 4 << 20;

/// Bytes that [`UnitTable::fill`] takes at a time: eight bytes' top bits
/// tested at once, then either 64 ascending units (an ASCII block, which
/// the compiler vectorizes) or a byte at a time.
const FILL_BLOCK: usize = 64;

impl UnitTable {
    /// Fills the table for `text` and gives its map; the map keeps offsets
    /// as they are (and the table stays empty) for bytes, an ASCII text, or
    /// a text longer than an Arrow `Int32` offset reaches (which
    /// `analyze_arrow` refuses).
    pub fn fill(&mut self, text: &str, unit: Unit) -> UnitMap<'_> {
        self.fill_within(text, unit, TABLE_TEXT_BYTES)
    }

    /// [`fill`](Self::fill), with a table for texts of at most `table_bytes`.
    fn fill_within(&mut self, text: &str, unit: Unit, table_bytes: usize) -> UnitMap<'_> {
        self.units.clear();
        self.large = None;
        let bytes = text.as_bytes();
        if unit == Unit::Byte || bytes.len() > i32::MAX as usize || bytes.is_ascii() {
            return UnitMap::Table(&[]);
        }
        if bytes.len() > table_bytes {
            return UnitMap::Blocks(self.large.insert(Offsets::new(text, unit)));
        }
        let utf16 = unit == Unit::Utf16;
        // The text's end is an offset too: one entry past the last byte.
        self.units.reserve(bytes.len() + 1);
        let room = &mut self.units.spare_capacity_mut()[..bytes.len() + 1];
        let mut units = 0u32;
        for (block, (run, out)) in
            bytes.chunks(FILL_BLOCK).zip(room.chunks_mut(FILL_BLOCK)).enumerate()
        {
            if is_ascii(run) {
                for (i, slot) in out.iter_mut().enumerate() {
                    slot.write(units + i as u32);
                }
                units += run.len() as u32;
                continue;
            }
            for (i, (&b, slot)) in run.iter().zip(out.iter_mut()).enumerate() {
                if b & 0xC0 == 0x80 {
                    // Below 2 GiB: fits.
                    slot.write((block * FILL_BLOCK + i) as u32);
                } else {
                    slot.write(units);
                    units += 1 + u32::from(utf16 && b >= 0xF0);
                }
            }
            // The end, when this is the last block and the end's entry
            // falls in it (it is written last, below, in any case).
            if let Some(slot) = out.get_mut(run.len()) {
                slot.write(units);
            }
        }
        room[bytes.len()].write(units);
        // SAFETY: every entry of `room`, the first `bytes.len() + 1` past
        // the (empty) table's length, was written above: an ASCII block's
        // chunk of `room` whole, another's for each of its bytes and the one
        // past them, and the last entry again at the end.
        unsafe { self.units.set_len(bytes.len() + 1) };
        UnitMap::Table(&self.units)
    }
}

/// Whether a block holds only ASCII: eight bytes' top bits at a time.
#[inline(always)]
fn is_ascii(block: &[u8]) -> bool {
    let mut words = block.chunks_exact(8);
    let mut top = 0;
    for w in &mut words {
        let mut b = [0; 8];
        b.copy_from_slice(w);
        top |= u64::from_ne_bytes(b);
    }
    top & 0x8080_8080_8080_8080 == 0 && words.remainder().is_ascii()
}

/// The offsets of one text in the chosen unit, from a filled [`UnitTable`].
#[derive(Clone, Copy)]
pub enum UnitMap<'t> {
    /// A unit per byte (empty: offsets stay bytes).
    Table(&'t [u32]),
    /// A long text's.
    Blocks(&'t Offsets),
}

impl UnitMap<'_> {
    /// Byte offset `at` in the unit (an offset past the text is kept).
    #[inline(always)]
    pub fn map(self, at: usize) -> usize {
        match self {
            UnitMap::Table(units) => units.get(at).map_or(at, |&u| u as usize),
            // Below 2 GiB: fits.
            UnitMap::Blocks(offsets) => offsets.map(at as u64) as usize,
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
        // A char across the table's blocks (bytes 63 and 64), a block of
        // ASCII after one that is not, texts of exactly one and two blocks.
        let across = "a".repeat(63) + "é" + &"b".repeat(70);
        let one_block = "€".repeat(21) + "z";
        let two_blocks = "🙂".repeat(16) + &"c".repeat(64);
        let texts = [
            "",
            "ascii only",
            "Zürich 🙂 北京 القاهرة",
            "🙂🙂🙂",
            long.as_str(),
            across.as_str(),
            one_block.as_str(),
            two_blocks.as_str(),
        ];
        let mut table = UnitTable::default();
        for text in texts {
            for unit in [Unit::Char, Unit::Utf16, Unit::Byte] {
                let offsets = Offsets::new(text, unit);
                // With a table, and as a text too long for one.
                for limit in [usize::MAX, 0] {
                    let map = table.fill_within(text, unit, limit);
                    for at in 0..=text.len() + 1 {
                        let got = map.map(at) as u64;
                        assert_eq!(got, offsets.map(at as u64), "{text:?} {unit:?} {at} {limit}");
                    }
                }
            }
        }
    }
}
