//! The block scanner: reads the text 64 bytes at a time and marks the bytes
//! where a name may start, so that other bytes cost only a mask.

use super::super::fold::{APOS, BYTE_CLASS, NON_ASCII, UPPER, WORD};
use super::prefilter::{ascii_word_hash, ascii_word_hash_len};
use super::walk::blocked_at;
use super::Matcher;
use crate::util::{load8, EACH};

/// Multiplier that gathers bit 0 of each of eight bytes into the top byte.
const GATHER: u64 = 0x0102_0408_1020_4080;

/// Bytes per block of the scan: one bit of a `u64` each.
const BLOCK: usize = 64;

/// Per-byte classes of a block, bit k for byte k.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Classes {
    /// ASCII letters and digits.
    word: u64,
    /// ASCII capitals.
    upper: u64,
    /// Bytes to look at whatever comes before them: lead bytes of non-ASCII
    /// characters, the probed punctuation, and (generic probe) every ASCII
    /// byte that is neither a word byte nor whitespace.
    other: u64,
}

/// Which bytes of a block the scan must look at: the events (bit k for
/// byte k), the word starts without a capital that are filtered apart, and
/// the block's ASCII word bytes.
#[inline]
fn block_events<const GENERIC: bool>(
    block: &[u8; BLOCK],
    prev_word: bool,
    probe: &Probe,
) -> (u64, u64, u64) {
    let c = classes::<GENERIC>(block, probe);
    let start = c.word & !(c.word << 1 | u64::from(prev_word));
    let lower_start = start & !c.upper;
    let (lower_events, lower_apart) = if probe.capitals_only {
        (0, 0)
    } else if probe.split_lower {
        (0, lower_start)
    } else {
        (lower_start, 0)
    };
    ((start & c.upper) | lower_events | c.other, lower_apart, c.word)
}

/// The classes of a block with SSE2 (part of every x86-64 CPU): sixteen
/// bytes a step, each class gathered into bits by one `pmovmskb`. Signed
/// byte compares test ranges: `b - lo + 0x80 < n + 0x80` (as `i8`) holds for
/// `lo <= b < lo + n`.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline]
fn classes<const GENERIC: bool>(block: &[u8; BLOCK], probe: &Probe) -> Classes {
    // SAFETY: `classes_sse2` needs the SSE2 instructions and nothing else.
    // This code is compiled only when SSE2 is enabled for the whole build
    // (`target_feature = "sse2"`, part of the x86-64 baseline that every
    // x86-64 CPU implements), so the CPU running it has them. Tested against
    // `portable_classes` and the byte-by-byte definition.
    #[allow(unsafe_code)]
    unsafe {
        classes_sse2::<GENERIC>(block, probe)
    }
}

/// [`classes`] in SSE2 instructions.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn classes_sse2<const GENERIC: bool>(block: &[u8; BLOCK], probe: &Probe) -> Classes {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8, _mm_set_epi64x,
    };
    let splat = |b: u8| _mm_set1_epi8(b as i8);
    let in_range = |v: __m128i, lo: u8, n: u8| {
        _mm_cmplt_epi8(_mm_add_epi8(v, splat(0x80u8.wrapping_sub(lo))), splat(0x80 + n))
    };
    let bits = |v: __m128i| u64::from(_mm_movemask_epi8(v) as u16);
    let mut c = Classes::default();
    for g in 0..BLOCK / 16 {
        let lo = load8(block, 16 * g) as i64;
        let hi = load8(block, 16 * g + 8) as i64;
        let v = _mm_set_epi64x(hi, lo);
        let word =
            _mm_or_si128(in_range(_mm_or_si128(v, splat(0x20)), b'a', 26), in_range(v, b'0', 10));
        // 11xxxxxx: the byte and itself shifted left by one both have the high bit.
        let lead = _mm_and_si128(v, _mm_add_epi8(v, v));
        let probed = _mm_or_si128(
            _mm_cmpeq_epi8(v, splat(probe.punct[0])),
            _mm_cmpeq_epi8(v, splat(probe.punct[1])),
        );
        let mut other = bits(_mm_or_si128(lead, probed));
        if GENERIC {
            let space = _mm_or_si128(_mm_cmpeq_epi8(v, splat(b' ')), in_range(v, 0x09, 5));
            // Neither a word byte, nor whitespace, nor non-ASCII (high bit).
            other |= !bits(_mm_or_si128(_mm_or_si128(word, space), v)) & 0xFFFF;
        }
        c.word |= bits(word) << (16 * g);
        c.upper |= bits(in_range(v, b'A', 26)) << (16 * g);
        c.other |= other << (16 * g);
    }
    c
}

/// The classes of a block on other targets: plain loops over fixed-size
/// arrays, which the compiler turns into vector instructions.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline]
fn classes<const GENERIC: bool>(block: &[u8; BLOCK], probe: &Probe) -> Classes {
    portable_classes::<GENERIC>(block, probe)
}

/// The classes of a block, one byte at a time in vectorizable loops, then
/// gathered eight bytes a step.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2", not(test)), allow(dead_code))]
#[inline]
fn portable_classes<const GENERIC: bool>(block: &[u8; BLOCK], probe: &Probe) -> Classes {
    let mut lanes = [[0u8; BLOCK]; 3];
    for (k, &b) in block.iter().enumerate() {
        let letter = (b | 0x20).wrapping_sub(b'a') < 26;
        let digit = b.wrapping_sub(b'0') < 10;
        let word = u8::from(letter | digit);
        let lead = u8::from(b >= 0xC0);
        let punct = if GENERIC {
            let space = u8::from(b == b' ' || b.wrapping_sub(0x09) < 5);
            (word | space | (b >> 7)) ^ 1
        } else {
            0
        };
        let probed = u8::from(b == probe.punct[0]) | u8::from(b == probe.punct[1]);
        lanes[0][k] = word;
        lanes[1][k] = u8::from(b.wrapping_sub(b'A') < 26);
        lanes[2][k] = lead | punct | probed;
    }
    let [word, upper, other] = lanes.map(|lane| {
        let mut mask = 0u64;
        for (g, chunk) in lane.chunks_exact(8).enumerate() {
            mask |= ((load8(chunk, 0) & EACH).wrapping_mul(GATHER) >> 56) << (8 * g);
        }
        mask
    });
    Classes { word, upper, other }
}

/// A block and the bytes read past it by `lower_kept`.
const PADDED: usize = BLOCK + 4;

/// The lowercase word starts (bits of `lower`) where a name may begin:
/// lowercase word starts are most words, filtered here without a branch per
/// word on the first three bytes of the names that match in any case
/// (`SINGLES`: some of those names are one byte long). Past the end of the
/// text the block is zero-padded, and the table holds a zero third byte for
/// the two-byte names.
#[inline(never)]
fn lower_kept<const SINGLES: bool>(
    m: &Matcher,
    block: &[u8; PADDED],
    bytes: &[u8],
    base: usize,
    mut lower: u64,
) -> u64 {
    let mut kept = 0u64;
    let triples = m.triples();
    while lower != 0 {
        let k = lower.trailing_zeros() as usize & (BLOCK - 1);
        lower &= lower - 1;
        let x =
            u32::from_le_bytes([block[k], block[k + 1], block[k + 2], block[k + 3]]) & 0xFF_FFFF;
        let ok = if x & 0x80_8000 == 0 {
            triples.may_begin::<SINGLES>(x)
        } else {
            m.may_begin_at(bytes, base + k, false)
        };
        kept |= u64::from(ok) << k;
    }
    kept
}

/// What the scan looks for besides word starts and non-ASCII characters.
#[derive(Clone, Copy, Debug)]
pub(super) struct Probe {
    /// Only capitals may begin a name among ASCII word bytes.
    pub(super) capitals_only: bool,
    /// Word starts without a capital are filtered apart (`Cursor::load`):
    /// only the few names that match in any case may begin there.
    pub(super) split_lower: bool,
    /// Every ASCII punctuation byte must be looked at (more than two may
    /// begin a name); otherwise only the bytes of `punct`.
    pub(super) generic: bool,
    /// ASCII punctuation that may begin a name (0xFF: none; never in UTF-8).
    pub(super) punct: [u8; 2],
}

/// Scans a text for positions where a name may start.
///
/// The text is read a block at a time; per block, a mask of "events" marks
/// the bytes worth a look: the first byte of each ASCII word (only capitals
/// when only capitals may begin a name), every non-ASCII character and the
/// ASCII punctuation that may begin a name. Other bytes cost only the mask.
#[derive(Clone, Debug)]
pub(crate) struct Cursor {
    /// Start of the next block to load.
    next: usize,
    /// Start of the current block.
    base: usize,
    /// Events left in the current block, bit k for byte `base + k`.
    events: u64,
    /// The byte before `next` is an ASCII word byte.
    prev_word: bool,
    /// The ASCII word bytes of the current block, bit k for byte `base + k`:
    /// where a word ends inside the block, without reading it again.
    words: u64,
}

impl Cursor {
    /// A cursor at byte `pos` (a char boundary) of `text`.
    pub(crate) fn at(text: &str, pos: usize) -> Cursor {
        let prev_word = pos
            .checked_sub(1)
            .and_then(|p| text.as_bytes().get(p))
            .is_some_and(|&b| BYTE_CLASS[usize::from(b)] & WORD != 0);
        Cursor { next: pos, base: pos, events: 0, prev_word, words: 0 }
    }

    /// Moves the cursor to byte `pos` (a char boundary past every start
    /// already returned), as [`Cursor::at`] would place it. Within the
    /// loaded block this only drops the events before `pos`: a block's
    /// events depend on the bytes alone, not on where the scan entered it,
    /// so the block need not be read again after each match.
    pub(crate) fn skip_to(&mut self, text: &str, pos: usize) {
        match pos.checked_sub(self.base) {
            Some(k) if pos < self.next => {
                self.events &= u64::MAX.checked_shl(k as u32).unwrap_or(0)
            }
            _ => *self = Cursor::at(text, pos),
        }
    }

    /// Loads the block at `self.next`; false at the end of the text.
    #[inline]
    fn load(&mut self, m: &Matcher, bytes: &[u8]) -> bool {
        let base = self.next;
        // The block and four bytes past it (for the three-byte test below,
        // read as a `u32`), read in place; only the end of the text is
        // copied, zero-padded.
        let rest = bytes.get(base..).unwrap_or(&[]);
        if rest.is_empty() {
            return false;
        }
        let len = rest.len().min(PADDED);
        let mut padded = [0u8; PADDED];
        let block: &[u8; PADDED] =
            match rest.get(..PADDED).and_then(|full| <&[u8; PADDED]>::try_from(full).ok()) {
                Some(full) => full,
                None => {
                    if let (Some(dst), Some(src)) = (padded.get_mut(..len), rest.get(..len)) {
                        dst.copy_from_slice(src);
                    }
                    &padded
                }
            };
        let Some(head) = block.get(..BLOCK).and_then(|h| <&[u8; BLOCK]>::try_from(h).ok()) else {
            return false;
        };
        let (mut events, mut lower, words) = if m.probe.generic {
            block_events::<true>(head, self.prev_word, &m.probe)
        } else {
            block_events::<false>(head, self.prev_word, &m.probe)
        };
        if rest.len() < BLOCK {
            let valid = (1u64 << rest.len()) - 1;
            events &= valid;
            lower &= valid;
        }
        let kept = if lower == 0 {
            0
        } else if m.lower_singles {
            lower_kept::<true>(m, block, bytes, base, lower)
        } else {
            lower_kept::<false>(m, block, bytes, base, lower)
        };
        self.events = events | kept;
        self.prev_word = words >> 63 != 0;
        self.words = words;
        self.base = base;
        self.next = base + BLOCK;
        true
    }

    /// The next position where a name may start, and whether its character is
    /// a capital.
    pub(crate) fn next_start(&mut self, m: &Matcher, text: &str) -> Option<(usize, bool)> {
        let bytes = text.as_bytes();
        loop {
            while self.events == 0 {
                if !self.load(m, bytes) {
                    return None;
                }
            }
            let i = self.base + self.events.trailing_zeros() as usize;
            self.events &= self.events - 1;
            let &b = bytes.get(i)?;
            let class = BYTE_CLASS[usize::from(b)];
            if class & WORD != 0 {
                // The first byte of an ASCII word: the byte before is not an
                // ASCII word byte, but may be an apostrophe or non-ASCII.
                let capital = class & UPPER != 0;
                if (!capital || m.capital_pairs) && !m.may_begin_at(bytes, i, capital) {
                    continue;
                }
                let before = i.checked_sub(1).and_then(|p| bytes.get(p)).copied().unwrap_or(b' ');
                if BYTE_CLASS[usize::from(before)] & (APOS | NON_ASCII) != 0 && blocked_at(text, i)
                {
                    continue;
                }
                let auto = m.automaton(capital);
                // A word running into non-ASCII has no hash: walk it.
                // The word's end from the block's word bytes when it ends
                // inside the block.
                let k = (i - self.base) as u32;
                let run = (!(self.words >> k)).trailing_zeros();
                let hash = if k + run < BLOCK as u32 {
                    ascii_word_hash_len(bytes, i, run as usize)
                } else {
                    ascii_word_hash(bytes, i)
                };
                match hash {
                    Some((h, end)) if !auto.first_words.may_begin(bytes, h, end) => continue,
                    _ => return Some((i, capital)),
                }
            } else if class & NON_ASCII == 0 {
                if m.may_begin_at(bytes, i, false) {
                    return Some((i, false));
                }
            } else if let Some(found) = m.non_ascii_start(text, i) {
                return Some(found);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::fold::SPACE;
    use super::*;

    /// The events of a block by the definition, byte by byte: other events,
    /// and word starts that are not capitals.
    fn naive_events(block: &[u8], prev_word: bool, probe: &Probe) -> (u64, u64) {
        let (mut mask, mut lower) = (0, 0);
        let mut before = prev_word;
        for (k, &b) in block.iter().enumerate() {
            let class = BYTE_CLASS[usize::from(b)];
            let word = class & WORD != 0;
            let start = word && !before;
            let capital = class & UPPER != 0;
            let punct = b < 0x80 && class & (WORD | SPACE) == 0;
            let hit = (start && capital)
                || b >= 0xC0
                || (probe.generic && punct)
                || probe.punct.contains(&b);
            mask |= u64::from(hit) << k;
            let lower_start = start && !capital && !probe.capitals_only;
            mask |= u64::from(lower_start && !probe.split_lower) << k;
            lower |= u64::from(lower_start && probe.split_lower) << k;
            before = word;
        }
        (mask, lower)
    }

    #[test]
    fn every_class_implementation_agrees() {
        let text =
            "Syria's north, «Zürich» - 42 UN-run\tcamps\x0b\x0c\r\n al-Quds ‘Adan` İstanbul!";
        let mut bytes: Vec<u8> = text.bytes().collect();
        bytes.extend(0..=255u8);
        bytes.extend((0..=255u8).rev());
        let probes = [
            Probe { capitals_only: false, split_lower: true, generic: false, punct: [b'\'', b'`'] },
            Probe { capitals_only: false, split_lower: false, generic: true, punct: [0xFF; 2] },
        ];
        for probe in &probes {
            for start in 0..bytes.len() - BLOCK {
                let block: &[u8; BLOCK] = bytes[start..start + BLOCK].try_into().unwrap();
                assert_eq!(
                    classes::<true>(block, probe),
                    portable_classes::<true>(block, probe),
                    "at {start}"
                );
                assert_eq!(
                    classes::<false>(block, probe),
                    portable_classes::<false>(block, probe),
                    "at {start}"
                );
            }
        }
    }

    #[test]
    fn block_events_follow_the_definition() {
        let text = "Syria's north, O'Brien said: «Zürich» - 42 UN-run\tcamps\n in al-Quds ‘Adan` İstanbul!";
        let mut bytes: Vec<u8> = text.bytes().collect();
        bytes.extend((0..=255u8).rev());
        let probes = [
            Probe { capitals_only: false, split_lower: true, generic: false, punct: [b'\'', b'`'] },
            Probe { capitals_only: true, split_lower: true, generic: false, punct: [0xFF; 2] },
            Probe { capitals_only: false, split_lower: false, generic: true, punct: [0xFF; 2] },
        ];
        for probe in &probes {
            for start in 0..bytes.len().saturating_sub(BLOCK) {
                let mut block = [0u8; BLOCK];
                block.copy_from_slice(&bytes[start..start + BLOCK]);
                for prev in [false, true] {
                    let (mask, lower, last) = if probe.generic {
                        block_events::<true>(&block, prev, probe)
                    } else {
                        block_events::<false>(&block, prev, probe)
                    };
                    assert_eq!((mask, lower), naive_events(&block, prev, probe), "at {start}");
                    assert_eq!(
                        last >> 63 != 0,
                        BYTE_CLASS[usize::from(block[BLOCK - 1])] & WORD != 0
                    );
                }
            }
        }
    }
}
