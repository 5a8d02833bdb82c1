//! Unicode character classes answered fast, for the tokenizer and (through
//! [`BmpBits`]) the gazetteer's word class.
//!
//! `char::is_alphabetic`, `is_alphanumeric` and `is_numeric` search std's tables:
//! hundreds of instructions for a character of a script such as Devanagari,
//! asked once or twice per word. ASCII, accented Latin letters and the
//! punctuation blocks are decided by ranges here; any other character of the
//! Basic Multilingual Plane is answered from a bitmap of its 64-character
//! block, filled on first use (a text in one script asks about the same few
//! blocks again and again).

use std::sync::atomic::{AtomicU64, Ordering};

/// One predicate's answers for the Basic Multilingual Plane, 64 characters a
/// block, each block filled on first use. Threads racing on a block compute
/// the same bits: storing them twice is harmless.
pub(crate) struct BmpBits {
    bits: [AtomicU64; 1024],
    /// Bit per block of `bits`: filled.
    done: [AtomicU64; 16],
}

impl BmpBits {
    /// An empty cache.
    pub(crate) const fn new() -> BmpBits {
        BmpBits {
            bits: [const { AtomicU64::new(0) }; 1024],
            done: [const { AtomicU64::new(0) }; 16],
        }
    }

    /// `test(c)`, from the cache (computed directly beyond the BMP). The
    /// same cache must always be asked with the same `test`.
    pub(crate) fn get(&self, c: char, test: fn(char) -> bool) -> bool {
        let code = c as usize;
        let block = code / 64;
        let (Some(bits), Some(done)) = (self.bits.get(block), self.done.get(block / 64)) else {
            return test(c);
        };
        let done_bit = 1u64 << (block % 64);
        if done.load(Ordering::Acquire) & done_bit == 0 {
            let mut word = 0u64;
            for k in 0..64 {
                if char::from_u32((block * 64 + k) as u32).is_some_and(test) {
                    word |= 1u64 << k;
                }
            }
            bits.store(word, Ordering::Relaxed);
            done.fetch_or(done_bit, Ordering::Release);
        }
        bits.load(Ordering::Relaxed) & (1u64 << (code % 64)) != 0
    }
}

static ALPHABETIC: BmpBits = BmpBits::new();
static ALPHANUMERIC: BmpBits = BmpBits::new();
static NUMERIC: BmpBits = BmpBits::new();

/// `char::is_alphabetic`.
#[inline]
pub(crate) fn alphabetic(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphabetic(),
        // Latin-1 letters and Latin Extended-A/B: letters but for × and ÷.
        '\u{C0}'..='\u{24F}' => !matches!(c, '\u{D7}' | '\u{F7}'),
        '\u{2000}'..='\u{206F}' | '\u{20A0}'..='\u{20CF}' => false,
        _ => ALPHABETIC.get(c, char::is_alphabetic),
    }
}

/// `char::is_alphanumeric`.
#[inline]
pub(crate) fn alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphanumeric(),
        // Latin-1 letters and Latin Extended-A/B: letters but for × and ÷.
        '\u{C0}'..='\u{24F}' => !matches!(c, '\u{D7}' | '\u{F7}'),
        // General Punctuation and Currency Symbols: curly quotes, dashes,
        // ellipses, currency signs; none alphanumeric.
        '\u{2000}'..='\u{206F}' | '\u{20A0}'..='\u{20CF}' => false,
        _ => ALPHANUMERIC.get(c, char::is_alphanumeric),
    }
}

/// `char::is_numeric`.
#[inline]
pub(crate) fn numeric(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_digit(),
        '\u{C0}'..='\u{24F}' | '\u{2000}'..='\u{206F}' | '\u{20A0}'..='\u{20CF}' => false,
        _ => NUMERIC.get(c, char::is_numeric),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_std() {
        // Twice: the second pass reads the cache.
        for _ in 0..2 {
            for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
                assert_eq!(alphabetic(c), c.is_alphabetic(), "{c:?}");
                assert_eq!(alphanumeric(c), c.is_alphanumeric(), "{c:?}");
                assert_eq!(numeric(c), c.is_numeric(), "{c:?}");
            }
        }
    }
}
