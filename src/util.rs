//! Small helpers shared by several layers (bottom layer: imports nothing above it).

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a for the static word tables of the number and casualty layers: the
/// keys are short words, where SipHash would cost more than the rest of the
/// per-word work. Not for maps keyed by untrusted data (the tables are fixed,
/// so lookups of arbitrary words cannot be made to collide into long chains).
#[derive(Clone, Copy, Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// The hasher builder of every static word map and set.
pub(crate) type WordHashBuild = BuildHasherDefault<WordHasher>;

/// One in every byte lane of a `u64`.
pub(crate) const EACH: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte lane.
pub(crate) const HIGH: u64 = EACH * 0x80;
/// The low seven bits of every byte lane.
pub(crate) const LOW7: u64 = EACH * 0x7f;
/// The ASCII case bit of every byte lane.
pub(crate) const CASE: u64 = EACH * 0x20;

/// Eight bytes of `bytes` from `at`, little-endian (byte `at` in the low
/// lane), zero-padded past the end.
#[inline]
pub(crate) fn load8(bytes: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    match bytes.get(at..at + 8) {
        Some(chunk) => w.copy_from_slice(chunk),
        None => {
            let rest = bytes.get(at..).unwrap_or(&[]);
            if let Some(dst) = w.get_mut(..rest.len()) {
                dst.copy_from_slice(rest);
            }
        }
    }
    u64::from_le_bytes(w)
}

/// Per byte of `x`, the high bit set when the byte is in `lo..=hi` (ASCII
/// bounds; bytes >= 0x80 are tested on their low 7 bits, callers mask them).
#[inline]
pub(crate) fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let y = x & LOW7;
    // No carries cross bytes: each byte sum stays below 0x100.
    let at_least_lo = y + EACH * u64::from(0x80 - lo);
    let above_hi = y + EACH * u64::from(0x7f - hi);
    at_least_lo & !above_hi & HIGH
}

/// Per byte of `x`, the high bit set for ASCII letters.
#[inline]
pub(crate) fn ascii_letters(x: u64) -> u64 {
    in_range(x | CASE, b'a', b'z') & !x & HIGH
}

/// Per byte of `x`, the high bit set for ASCII digits.
#[inline]
pub(crate) fn ascii_digits(x: u64) -> u64 {
    in_range(x, b'0', b'9') & !x & HIGH
}

/// The end of the run of bytes from `at` that `lanes` marks (an
/// [`ascii_letters`]-like function), eight bytes a step: one branch per
/// word of up to eight letters instead of one per letter.
#[inline]
pub(crate) fn run_end(bytes: &[u8], mut at: usize, lanes: fn(u64) -> u64) -> usize {
    loop {
        let run = (!lanes(load8(bytes, at)) & HIGH).trailing_zeros() / 8;
        at += run as usize;
        if run < 8 {
            // Zero padding is in no run, so a run never passes the end.
            return at.min(bytes.len());
        }
    }
}

/// Removes from `items` the items at the indices `sorted` (ascending, each
/// once), keeping the others in order.
pub(crate) fn remove_indices<T>(items: &mut Vec<T>, sorted: &[usize]) {
    if sorted.is_empty() {
        return;
    }
    let mut i = 0;
    items.retain(|_| {
        let keep = sorted.binary_search(&i).is_err();
        i += 1;
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remove_indices_keeps_the_others_in_order() {
        let mut v = vec!['a', 'b', 'c', 'd', 'e'];
        remove_indices(&mut v, &[0, 2, 4]);
        assert_eq!(v, ['b', 'd']);
        remove_indices(&mut v, &[]);
        assert_eq!(v, ['b', 'd']);
        remove_indices(&mut v, &[7]);
        assert_eq!(v, ['b', 'd']);
    }

    #[test]
    fn lanes_agree_with_std() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let x = u64::from(b) << (8 * lane) | 0x2e2e_2e2e_2e2e_2e2e & !(0xff << (8 * lane));
                let bit = |m: u64| m >> (8 * lane + 7) & 1 == 1;
                assert_eq!(bit(ascii_letters(x)), b.is_ascii_alphabetic(), "{b:#x} {lane}");
                assert_eq!(bit(ascii_digits(x)), b.is_ascii_digit(), "{b:#x} {lane}");
            }
        }
    }

    #[test]
    fn runs_agree_with_take_while() {
        let texts =
            ["", "a", "killed.", "abcdefgh", "abcdefghi", "abcdefgh!", "x1", "12345678901", "é"];
        for t in texts {
            for at in 0..=t.len() {
                let b = t.as_bytes();
                let rest = b.get(at..).unwrap_or(&[]);
                let letters = at + rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
                let digits = at + rest.iter().take_while(|c| c.is_ascii_digit()).count();
                assert_eq!(run_end(b, at, ascii_letters), letters, "{t:?} {at}");
                assert_eq!(run_end(b, at, ascii_digits), digits, "{t:?} {at}");
            }
        }
    }
}
