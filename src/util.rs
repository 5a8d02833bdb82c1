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
