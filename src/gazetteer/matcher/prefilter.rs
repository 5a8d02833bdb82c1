//! The prefilter: cheap tests that reject most word starts before a trie
//! walk. Bloom filters over the keys' first words, a bit table of their
//! first two bytes per capitalisation, and for the names that match in any
//! case a table of their first three text bytes; ASCII words are hashed
//! eight bytes a step.

use super::scan::Probe;
use super::{KeyEntries, Matcher};
use crate::gazetteer::fold::{BYTE_CLASS, BYTE_FOLD, SPACE, UPPER, WORD};
use crate::gazetteer::image::ImageReader;
#[cfg(test)]
use crate::gazetteer::image::ImageWriter;
use crate::util::{ascii_digits, ascii_letters, load8, CASE, HIGH};

/// A Bloom filter over how the keys begin: their first words (folded, up to
/// the first non-word character), and what follows each: the end of the key,
/// a punctuation byte, or a space and a second word. A name can only match
/// where the text agrees, so most word starts are rejected by a few probes of
/// one bit table instead of a trie walk: a capitalised "The", "I" or
/// "United" is walked only when a name begins with it and what follows it in
/// the text. Probed only for ASCII words.
#[derive(Debug)]
pub(super) struct FirstWords {
    /// The first words: small, so that its probes (one per capitalised
    /// word) mostly hit the cache.
    pub(super) first: Bloom,
    /// What follows them, probed only after a first word passed.
    pub(super) rest: Bloom,
}

/// A blocked Bloom filter: two bits in one word per entry.
#[derive(Debug)]
pub(super) struct Bloom {
    bits: Vec<u64>,
    shift: u32,
}

impl Bloom {
    #[cfg(test)]
    pub(super) fn write_image(&self, w: &mut ImageWriter) {
        w.u64s(&self.bits);
        w.u32(self.shift);
    }

    pub(super) fn read_image(r: &mut ImageReader<'_>) -> Option<Bloom> {
        Some(Bloom { bits: r.u64s()?, shift: r.u32()? })
    }

    fn with_words(words: usize) -> Bloom {
        let words = words.max(64).next_power_of_two();
        Bloom { bits: vec![0; words], shift: 64 - words.trailing_zeros() }
    }

    fn insert(&mut self, h: u64) {
        let (at, mask) = self.slot(h);
        if let Some(w) = self.bits.get_mut(at) {
            *w |= mask;
        }
    }

    #[inline]
    fn slot(&self, h: u64) -> (usize, u64) {
        let h = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        ((h >> self.shift) as usize, (1u64 << (h & 63)) | (1u64 << ((h >> 6) & 63)))
    }

    #[inline]
    fn may_contain(&self, h: u64) -> bool {
        let (at, mask) = self.slot(h);
        self.bits.get(at).is_some_and(|w| w & mask == mask)
    }
}

impl FirstWords {
    pub(super) fn build(keys: &[&KeyEntries<'_>]) -> FirstWords {
        // About 11 and 16 bits per entry (first words repeat).
        let mut f = FirstWords {
            first: Bloom::with_words(keys.len() / 8),
            rest: Bloom::with_words(keys.len() / 4),
        };
        for k in keys {
            // The scan hashes text words the same way; a key is folded, so its
            // words hash as any capitalisation of them in the text.
            let Some((first, end)) = ascii_word_at(k.key, 0) else { continue };
            f.first.insert(first);
            f.rest.insert(match k.key.get(end) {
                None => first ^ ENDS,
                Some(b' ') => match ascii_word_at(k.key, end + 1) {
                    Some((second, _)) => pair_hash(first, second),
                    None => first ^ SPACE_OTHER,
                },
                // Punctuation: ASCII (a key's first word ending in a
                // non-ASCII byte has no hash).
                Some(&b) => pair_hash(first, u64::from(b)),
            });
        }
        f
    }

    pub(super) fn heap_bytes(&self) -> usize {
        (self.first.bits.capacity() + self.rest.bits.capacity()) * 8
    }

    /// Whether a name may begin with the ASCII word at `start` (hash `first`,
    /// ending at `end`, followed by an ASCII byte or the end of the text).
    #[inline]
    pub(super) fn may_begin(&self, bytes: &[u8], first: u64, end: usize) -> bool {
        if !self.first.may_contain(first) {
            return false;
        }
        if self.rest.may_contain(first ^ ENDS) {
            return true;
        }
        let Some(&after) = bytes.get(end) else { return false };
        if BYTE_CLASS[usize::from(after)] & SPACE == 0 {
            return self
                .rest
                .may_contain(pair_hash(first, u64::from(BYTE_FOLD[usize::from(after)])));
        }
        if self.rest.may_contain(first ^ SPACE_OTHER) {
            return true;
        }
        // The word after the whitespace run (the walk folds the run to one space).
        let mut next = end + 1;
        while bytes.get(next).is_some_and(|&b| BYTE_CLASS[usize::from(b)] & SPACE != 0) {
            next += 1;
        }
        match bytes.get(next) {
            // Non-ASCII: only a walk can tell.
            Some(&b) if b >= 0x80 => true,
            Some(&b) if BYTE_CLASS[usize::from(b)] & WORD != 0 => ascii_word_at(bytes, next)
                .is_none_or(|(second, _)| self.rest.may_contain(pair_hash(first, second))),
            _ => false,
        }
    }
}

/// Salt of the `FirstWords` entries of first words that are whole keys.
const ENDS: u64 = 0x5bd1_e995_27d4_eb2f;
/// Salt of the entries of first words followed by a space and no ASCII word.
const SPACE_OTHER: u64 = 0x2545_f491_4f6c_dd1d;

/// The `FirstWords` entry of a first and second word.
#[inline]
fn pair_hash(first: u64, second: u64) -> u64 {
    (first ^ second.rotate_left(23)).wrapping_mul(0xff51_afd7_ed55_8ccd) ^ 0x7f4a_7c15
}

/// The hash and end of the ASCII word at `at` (see `ascii_word_hash`), or
/// `None` when `at` is not a word byte.
#[inline]
fn ascii_word_at(bytes: &[u8], at: usize) -> Option<(u64, usize)> {
    let starts = bytes.get(at).is_some_and(|&b| BYTE_CLASS[usize::from(b)] & WORD != 0);
    if starts {
        ascii_word_hash(bytes, at)
    } else {
        None
    }
}

/// Per byte, the high bit set for ASCII letters and digits (`WORD` bytes).
#[inline]
fn word_bytes(x: u64) -> u64 {
    ascii_digits(x) | ascii_letters(x)
}

/// The hash of the ASCII word (letters and digits) starting at `start`,
/// folded to lowercase, and its end, or `None` when a non-ASCII byte follows it (the word may go
/// on: only a walk can tell). Eight bytes a step; the Bloom filter of first
/// words is built with the same function over the folded keys.
#[inline]
pub(super) fn ascii_word_hash(bytes: &[u8], start: usize) -> Option<(u64, usize)> {
    let mut h: u64 = WORD_HASH_SEED;
    let mut at = start;
    loop {
        let x = load8(bytes, at);
        let run = (!word_bytes(x) & HIGH).trailing_zeros() / 8;
        h = word_hash_step(h, x, run);
        at += run as usize;
        if run < 8 {
            return word_hash_end(bytes, h, start, at);
        }
    }
}

/// `ascii_word_hash` of a word whose length, `len` bytes, the caller knows.
#[inline]
pub(super) fn ascii_word_hash_len(bytes: &[u8], start: usize, len: usize) -> Option<(u64, usize)> {
    let mut h: u64 = WORD_HASH_SEED;
    let mut at = start;
    let end = start + len;
    loop {
        let run = (end - at).min(8) as u32;
        h = word_hash_step(h, load8(bytes, at), run);
        at += run as usize;
        if run < 8 {
            return word_hash_end(bytes, h, start, at);
        }
    }
}

const WORD_HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// Mixes the first `run` (at most 8) bytes of `x` into `h`, folded to lowercase.
#[inline]
fn word_hash_step(h: u64, x: u64, run: u32) -> u64 {
    let keep = if run >= 8 { u64::MAX } else { (1u64 << (run * 8)) - 1 };
    let h = (h ^ ((x | CASE) & keep)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ h >> 29
}

/// The hash of the word from `start` to `end`, or `None` when a non-ASCII
/// byte follows it.
#[inline]
fn word_hash_end(bytes: &[u8], h: u64, start: usize, end: usize) -> Option<(u64, usize)> {
    match bytes.get(end) {
        Some(&b) if b >= 0x80 => None,
        _ => Some((h ^ (end - start) as u64, end)),
    }
}

/// Whether the (first, second byte) pairs of names with a capital start
/// reject enough capitalised words to be worth a probe: at least half of the
/// pairs of a capital and a lowercase letter are unset. With tens of
/// thousands of names nearly every such pair is set, and the probe costs more
/// than the words it rejects; the Bloom filters of first words decide.
pub(super) fn capital_pairs_reject(pairs: &[u64]) -> bool {
    let mut set = 0;
    for first in b'a'..=b'z' {
        for second in b'a'..=b'z' {
            let at = 1 << 16 | usize::from(first) << 8 | usize::from(second);
            set += usize::from(pairs.get(at / 64).is_some_and(|w| w >> (at % 64) & 1 != 0));
        }
    }
    set * 2 <= 26 * 26
}

impl Matcher {
    /// Fills the tables the scan probes before it walks: the (capital, first,
    /// second byte) pairs, the lowercase triples and singles, the bytes that
    /// may begin a name, and what the scan looks for.
    pub(super) fn build_start_tables(&mut self) {
        // Bit per (capital start, first folded byte, second folded byte).
        let mut pairs = vec![0u64; 2 * 65536 / 64];
        for capital in [false, true] {
            self.automaton(capital).trie.for_each_prefix2(|first, second| {
                let row = usize::from(capital) << 16 | usize::from(first) << 8;
                let cols = second.map_or(0..256, |b| usize::from(b)..usize::from(b) + 1);
                for at in cols.map(|c| row | c) {
                    if let Some(w) = pairs.get_mut(at / 64) {
                        *w |= 1u64 << (at % 64);
                    }
                }
            });
        }
        self.capital_pairs = capital_pairs_reject(&pairs);
        self.pairs = pairs;
        // The table holds the raw text bytes the walk accepts: both cases of
        // a letter, every whitespace byte for a space (and a run of two).
        const WHITESPACE: [u8; 6] = [b' ', b'\t', b'\n', 0x0b, 0x0c, b'\r'];
        let variants = |c: u8| -> Vec<u8> {
            if c == b' ' {
                WHITESPACE.to_vec()
            } else if c.is_ascii_lowercase() {
                vec![c, c.to_ascii_uppercase()]
            } else {
                vec![c]
            }
        };
        // The first three text bytes of the names that match in any case.
        let mut raw: Vec<[u8; 3]> = Vec::new();
        if let Some(any) = &self.any {
            any.trie.for_each_prefix3(|a, b, c| {
                // Non-ASCII bytes: the text has non-ASCII there, which the
                // scan never looks up.
                if a >= 0x80 || b >= 0x80 {
                    return;
                }
                for b1 in variants(b) {
                    match c {
                        // A two-byte name: any third byte.
                        None => raw.extend((0..0x80).map(|b2| [a, b1, b2])),
                        Some(c) if c < 0x80 => {
                            raw.extend(variants(c).into_iter().map(|b2| [a, b1, b2]))
                        }
                        Some(_) => {}
                    }
                }
                if b == b' ' {
                    for b1 in WHITESPACE {
                        raw.extend(WHITESPACE.iter().map(|&b2| [a, b1, b2]));
                    }
                }
            });
        }
        let words = (raw.len() / 2).max(1024).next_power_of_two();
        self.triples = vec![0u64; words];
        self.triple_shift = 32 - (words * 64).trailing_zeros();
        for [a, b, c] in raw {
            let at = self.triple_slot(a, b, c);
            if let Some(w) = self.triples.get_mut(at / 64) {
                *w |= 1u64 << (at % 64);
            }
        }
        // A one-byte name matches whatever follows it.
        let mut singles = [0u64; 4];
        if let Some(any) = &self.any {
            any.trie.for_each_prefix2(|a, b| {
                if let (Some(w), None) = (singles.get_mut(usize::from(a) / 64), b) {
                    *w |= 1u64 << (a % 64);
                }
            });
        }
        self.singles = singles;
        self.lower_singles = singles != [0; 4];
        for b in 0..0x80usize {
            let class = BYTE_CLASS[b];
            let capital = class & UPPER != 0;
            self.interesting[b] =
                class & SPACE == 0 && self.automaton(capital).trie.can_start(BYTE_FOLD[b]);
        }
        let interesting = &self.interesting;
        self.capitals_only = (0..0x80).all(|b| !interesting[b] || BYTE_CLASS[b] & UPPER != 0);
        let punct: Vec<u8> = (0..0x80u8)
            .filter(|&b| interesting[usize::from(b)] && BYTE_CLASS[usize::from(b)] & WORD == 0)
            .collect();
        self.probe = Probe {
            capitals_only: self.capitals_only,
            split_lower: self.any.is_some(),
            generic: punct.len() > 2,
            punct: [punct.first().copied().unwrap_or(0xFF), punct.get(1).copied().unwrap_or(0xFF)],
        };
    }

    /// Whether a name may begin with the ASCII byte at `i` (a capital or
    /// not) and the next, folded as the walk folds them (whitespace to a
    /// space). One probe of a small table rejects most lowercase words.
    #[inline]
    pub(super) fn may_begin_at(&self, bytes: &[u8], i: usize, capital: bool) -> bool {
        let Some(&b) = bytes.get(i) else { return false };
        match bytes.get(i + 1) {
            Some(&next) if next < 0x80 => {
                let at = usize::from(capital) << 16
                    | usize::from(BYTE_FOLD[usize::from(b)]) << 8
                    | usize::from(BYTE_FOLD[usize::from(next)]);
                self.pairs.get(at / 64).is_some_and(|w| w >> (at % 64) & 1 != 0)
            }
            _ => self.interesting[usize::from(b)],
        }
    }

    /// The bit of the bytes `a`, `b`, `c` in `triples`.
    #[inline]
    fn triple_slot(&self, a: u8, b: u8, c: u8) -> usize {
        triple_slot_le(u32::from_le_bytes([a, b, c, 0]), self.triple_shift)
    }

    /// The tables of the names that may start without a capital, as the
    /// scan's loop over lowercase word starts reads them.
    #[inline]
    pub(super) fn triples(&self) -> Triples<'_> {
        Triples { bits: &self.triples, shift: self.triple_shift, singles: self.singles }
    }
}

/// The bit of three bytes packed little-endian (`a` in the low byte) in a
/// triple table of `2^(32 - shift)` bits.
#[inline]
fn triple_slot_le(x: u32, shift: u32) -> usize {
    // The table's order is big-endian: `a << 16 | b << 8 | c`.
    let x = x.swap_bytes() >> 8;
    (x.wrapping_mul(0x9E37_79B1) >> shift) as usize
}

/// A borrowed view of the lowercase-start tables (`Matcher::triples`).
#[derive(Clone, Copy)]
pub(super) struct Triples<'m> {
    bits: &'m [u64],
    shift: u32,
    singles: [u64; 4],
}

impl Triples<'_> {
    /// Whether a name that may start without a capital may begin with the
    /// ASCII text bytes of `x`, packed little-endian: a word byte that is not
    /// a capital, then two more. `SINGLES`: some of those names are one byte
    /// long (`Matcher::lower_singles`).
    #[inline]
    pub(super) fn may_begin<const SINGLES: bool>(self, x: u32) -> bool {
        let at = triple_slot_le(x, self.shift);
        let triple = self.bits.get(at / 64).is_some_and(|w| w >> (at % 64) & 1 != 0);
        if !SINGLES {
            return triple;
        }
        let b0 = x & 0x7F;
        let single = self.singles.get(b0 as usize / 64).is_some_and(|w| w >> (b0 % 64) & 1 != 0);
        triple | single
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_bytes_agree_with_the_class_table() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let x = u64::from(b) << (8 * lane) | 0x2e2e_2e2e_2e2e_2e2e & !(0xff << (8 * lane));
                let expected = BYTE_CLASS[usize::from(b)] & WORD != 0;
                assert_eq!(
                    word_bytes(x) >> (8 * lane + 7) & 1 == 1,
                    expected,
                    "{b:#x} lane {lane}"
                );
            }
        }
    }

    #[test]
    fn word_hashes_of_known_length_agree() {
        let text = "Aleppo ALEPPO-based Democratically 12345678 abcdefgh abcdefghijklmnop Zu\u{308}rich Zurich\u{a0}x q";
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            if BYTE_CLASS[usize::from(bytes[start])] & WORD == 0 {
                continue;
            }
            let len = bytes[start..]
                .iter()
                .position(|&b| BYTE_CLASS[usize::from(b)] & WORD == 0)
                .unwrap_or(bytes.len() - start);
            assert_eq!(
                ascii_word_hash_len(bytes, start, len),
                ascii_word_hash(bytes, start),
                "at {start}"
            );
        }
    }

    #[test]
    fn word_hashes_fold_case_and_stop_at_non_ascii() {
        let h = |s: &str, at| ascii_word_hash(s.as_bytes(), at);
        assert_eq!(h("Aleppo", 0).map(|x| x.0), h("ALEPPO-based", 0).map(|x| x.0));
        assert_eq!(h("in aleppo", 3), Some((h("aleppo", 0).unwrap().0, 9)));
        assert_ne!(h("Aleppo", 0), h("Alepp", 0));
        assert_eq!(h("Democratic Republic", 0).map(|x| x.1), Some(10));
        assert_eq!(h("Democratically", 0).map(|x| x.1), Some(14));
        assert_ne!(h("Democratically", 0).unwrap().0, h("Democrat", 0).unwrap().0);
        assert_eq!(h("Zu\u{308}rich", 0), None);
        assert_eq!(h("Zurich\u{a0}", 0), None);
    }
}
