//! The start cache: per character of the common non-ASCII ranges, whether it
//! may begin a name, filled a block at a time on first use.

use super::super::fold::{char_at, fold_char, is_capital, shape_class, SPACE, WORD};
use super::walk::blocked_at;
use super::Matcher;
use std::sync::atomic::{AtomicU64, Ordering};

/// Characters whose start decision the matcher caches: the alphabetic
/// scripts below U+1000 (Latin, Greek, Cyrillic, Hebrew, Arabic, Indic,
/// Thai, ...) and general punctuation (quotes, dashes).
const CACHED: [std::ops::Range<u32>; 2] = [0x80..0x1000, 0x2000..0x2080];

impl Matcher {
    /// The start cache, all blocks unfilled.
    pub(super) fn empty_cache() -> Vec<AtomicU64> {
        let cached_len: u32 = CACHED.iter().map(|r| r.end - r.start).sum();
        (0..cached_len.div_ceil(64)).map(|_| AtomicU64::new(0)).collect()
    }

    /// Whether a name may begin with `c` (a word character: if it starts a
    /// word), and whether `c` is a capital.
    fn char_start(&self, c: char) -> Option<bool> {
        let class = shape_class(c);
        if class & SPACE != 0 {
            return None;
        }
        let word = class & WORD != 0;
        let first = *fold_char(c).as_bytes().first()?;
        // Capitalisation is costly to decide: only when a name could start here at all.
        if !(self.can_start(first, true) || self.can_start(first, false)) {
            return None;
        }
        let capital = word && is_capital(c);
        self.can_start(first, capital).then_some(capital)
    }

    /// The bits of block `block` of `cached`, whose first character is at
    /// offset `first` of `CACHED`.
    #[inline]
    fn cached_bits(&self, block: usize, first: u32) -> u64 {
        let Some(bits) = self.cached.get(block) else { return 0 };
        let done = 1u64 << (block % 64);
        if self.cached_done.load(Ordering::Acquire) & done == 0 {
            let mut word = 0u64;
            for k in 0..64u32 {
                if self.cached_char(first + k).is_some_and(|c| self.char_start(c).is_some()) {
                    word |= 1u64 << k;
                }
            }
            bits.store(word, Ordering::Relaxed);
            self.cached_done.fetch_or(done, Ordering::Release);
        }
        bits.load(Ordering::Relaxed)
    }

    /// The character at offset `k` of the ranges of `CACHED`.
    fn cached_char(&self, mut k: u32) -> Option<char> {
        for r in &CACHED {
            let len = r.end - r.start;
            if k < len {
                return char::from_u32(r.start + k);
            }
            k -= len;
        }
        None
    }

    /// Whether the non-ASCII character at `i` may begin a name: the start
    /// and whether its character is a capital.
    pub(super) fn non_ascii_start(&self, text: &str, i: usize) -> Option<(usize, bool)> {
        let c = char_at(text, i)?;
        let code = c as u32;
        let mut offset = 0;
        let mut known = false;
        for r in &CACHED {
            if r.contains(&code) {
                let k = (offset + code - r.start) as usize;
                known = true;
                let block = k / 64;
                if self.cached_bits(block, (block * 64) as u32) >> (k % 64) & 1 == 0 {
                    return None;
                }
                break;
            }
            offset += r.end - r.start;
        }
        let word = shape_class(c) & WORD != 0;
        // A word character inside a word begins nothing.
        if word && blocked_at(text, i) {
            return None;
        }
        let capital = if known { word && is_capital(c) } else { self.char_start(c)? };
        Some((i, capital))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_start_decisions_agree_with_folding() {
        let tsv = "Éire\tLOC\tx:1\tÉire\nदिल्ली\tLOC\tx:2\tदिल्ली\n’Adan\tLOC\tx:3\t’Adan\n\
                   Αθήνα\tLOC\tx:4\tΑθήνα\nal-Quds\tLOC\tx:5\tal-Quds\n";
        let g = crate::gazetteer::Gazetteer::from_tsv(tsv).unwrap();
        let m = &g.inner.matcher;
        let total: u32 = CACHED.iter().map(|r| r.end - r.start).sum();
        let mut starts = 0;
        for k in 0..total {
            let Some(c) = m.cached_char(k) else { continue };
            let block = (k / 64) as usize;
            let bit = m.cached_bits(block, k / 64 * 64) >> (k % 64) & 1 != 0;
            assert_eq!(bit, m.char_start(c).is_some(), "{c:?}");
            starts += usize::from(bit);
        }
        assert!(starts > 0);
        let text = "In Éire, दिल्ली and ’Adan; ΑΘΗΝΑ";
        let found: Vec<&str> = g.find_iter(text).map(|m| &text[m.span().range()]).collect();
        assert_eq!(found, ["Éire", "दिल्ली", "’Adan", "ΑΘΗΝΑ"]);
    }
}
