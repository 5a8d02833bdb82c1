//! The block scanner: reads the text 64 bytes at a time and marks the bytes
//! where a name may start, so that other bytes cost only a mask.

use super::super::fold::{APOS, BYTE_CLASS, NON_ASCII, UPPER, WORD};
use super::prefilter::ascii_word_hash;
use super::walk::blocked_at;
use super::Matcher;
use crate::util::EACH;

/// Multiplier that gathers bit 0 of each of eight bytes into the top byte.
const GATHER: u64 = 0x0102_0408_1020_4080;

/// Bytes per block of the scan: one bit of a `u64` each.
const BLOCK: usize = 64;

/// Which bytes of a block the scan must look at.
///
/// Written as plain loops over fixed-size arrays, which the compiler turns
/// into vector instructions: the cost per byte is a fraction of a cycle.
#[inline]
fn block_events<const GENERIC: bool>(
    block: &[u8; BLOCK],
    prev_word: bool,
    probe: &Probe,
) -> (u64, u64, bool) {
    let mut word = [0u8; BLOCK + 1];
    word[0] = u8::from(prev_word);
    for (w, &b) in word.iter_mut().skip(1).zip(block) {
        let letter = (b | 0x20).wrapping_sub(b'a') < 26;
        let digit = b.wrapping_sub(b'0') < 10;
        *w = u8::from(letter | digit);
    }
    // Word starts without a capital: events (bit 0), set apart (bit 1) or
    // nothing.
    let lower_events = u8::from(!probe.capitals_only && !probe.split_lower);
    let lower_apart = u8::from(!probe.capitals_only && probe.split_lower) << 1;
    let mut events = [0u8; BLOCK];
    for (k, e) in events.iter_mut().enumerate() {
        let (b, here, before) = (block[k], word[k + 1], word[k]);
        let upper = u8::from(b.wrapping_sub(b'A') < 26);
        let start = here & (before ^ 1);
        // Bit 1: a word start that is not a capital.
        let start = (start & (upper | lower_events)) | ((start & (upper ^ 1)) << 1 & lower_apart);
        // Lead bytes of non-ASCII characters: 11xxxxxx.
        let lead = u8::from(b >= 0xC0);
        let punct = if GENERIC {
            let space = u8::from(b == b' ' || b.wrapping_sub(0x09) < 5);
            (here | space | (b >> 7)) ^ 1
        } else {
            0
        };
        let probed = u8::from(b == probe.punct[0]) | u8::from(b == probe.punct[1]);
        *e = start | lead | punct | probed;
    }
    let (mut mask, mut lower) = (0u64, 0u64);
    for (g, chunk) in events.chunks_exact(8).enumerate() {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let x = u64::from_le_bytes(w);
        mask |= ((x & EACH).wrapping_mul(GATHER) >> 56) << (8 * g);
        lower |= (((x >> 1) & EACH).wrapping_mul(GATHER) >> 56) << (8 * g);
    }
    (mask, lower, word[BLOCK] != 0)
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
}

impl Cursor {
    /// A cursor at byte `pos` (a char boundary) of `text`.
    pub(crate) fn at(text: &str, pos: usize) -> Cursor {
        let prev_word = pos
            .checked_sub(1)
            .and_then(|p| text.as_bytes().get(p))
            .is_some_and(|&b| BYTE_CLASS[usize::from(b)] & WORD != 0);
        Cursor { next: pos, base: pos, events: 0, prev_word }
    }

    /// Loads the block at `self.next`; false at the end of the text.
    #[inline]
    fn load(&mut self, m: &Matcher, bytes: &[u8]) -> bool {
        let base = self.next;
        // The block and two bytes past it (for the three-byte test below),
        // read in place; only the end of the text is copied, zero-padded.
        let rest = bytes.get(base..).unwrap_or(&[]);
        if rest.is_empty() {
            return false;
        }
        let len = rest.len().min(BLOCK + 2);
        let mut padded = [0u8; BLOCK + 2];
        let block: &[u8] = match rest.get(..BLOCK + 2) {
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
        let (mut events, mut lower, last_word) = if m.probe.generic {
            block_events::<true>(head, self.prev_word, &m.probe)
        } else {
            block_events::<false>(head, self.prev_word, &m.probe)
        };
        if rest.len() < BLOCK {
            let valid = (1u64 << rest.len()) - 1;
            events &= valid;
            lower &= valid;
        }
        // Lowercase word starts are most words: filter them here, without a
        // branch per word, on the first three bytes of the names that match
        // in any case.
        let mut kept = 0u64;
        while lower != 0 {
            let k = lower.trailing_zeros() as usize;
            lower &= lower - 1;
            let ok = match block.get(k..k + 3) {
                Some(&[b0, b1, b2]) if (b1 | b2) < 0x80 && k + 3 <= len => {
                    m.lowercase_may_begin(b0, b1, b2)
                }
                _ => m.may_begin_at(bytes, base + k, false),
            };
            kept |= u64::from(ok) << k;
        }
        self.events = events | kept;
        self.prev_word = last_word;
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
                if !m.may_begin_at(bytes, i, capital) {
                    continue;
                }
                let before = i.checked_sub(1).and_then(|p| bytes.get(p)).copied().unwrap_or(b' ');
                if BYTE_CLASS[usize::from(before)] & (APOS | NON_ASCII) != 0 && blocked_at(text, i)
                {
                    continue;
                }
                let auto = m.automaton(capital);
                // A word running into non-ASCII has no hash: walk it.
                match ascii_word_hash(bytes, i) {
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
                    assert_eq!(last, BYTE_CLASS[usize::from(block[BLOCK - 1])] & WORD != 0);
                }
            }
        }
    }
}
