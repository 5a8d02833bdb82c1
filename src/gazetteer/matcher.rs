//! The matcher: finds word starts that can begin a name, walks the trie from
//! each over the text folded on the fly, and keeps the ends that are valid
//! (whole word, capitalisation allowed).
//!
//! Leftmost-longest is resolved here over valid candidates only: a start whose
//! longest trie path ends inside a word still yields its shorter valid names,
//! and a start with no valid name hides nothing to its right.

use super::fold::{
    char_at, char_before, fold_char, is_apostrophe, is_capital, is_word, shape_class, APOS,
    BYTE_CLASS, BYTE_FOLD, NON_ASCII, SPACE, UPPER, WORD,
};
use super::image::ImageReader;
#[cfg(test)]
use super::image::ImageWriter;
use super::trie::{KeyFlags, Trie, MIXED, REQ_SHIFT, TERMINAL};
use super::EntityId;
use std::sync::atomic::{AtomicU64, Ordering};

/// Capitalisation requirement of a name (and capitalisation level of a text
/// span): 0 any case, 1 starts with a capital, 2 all capitals.
pub(crate) type Req = u8;
pub(crate) const REQ_ANY: Req = 0;
pub(crate) const REQ_TITLE: Req = 1;
pub(crate) const REQ_CAPS: Req = 2;

/// A valid end of a walk.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub(crate) end: usize,
    node: u32,
    level: Req,
    capital: bool,
    /// The key's entry in `key_list`, read as soon as the end is found: the
    /// read (likely a cache miss) then overlaps the rest of the walk.
    entry: Option<(u32, EntityId)>,
}

/// A Bloom filter over how the keys begin: their first words (folded, up to
/// the first non-word character), and what follows each: the end of the key,
/// a punctuation byte, or a space and a second word. A name can only match
/// where the text agrees, so most word starts are rejected by a few probes of
/// one bit table instead of a trie walk: a capitalised "The", "I" or
/// "United" is walked only when a name begins with it and what follows it in
/// the text. Probed only for ASCII words.
#[derive(Debug)]
struct FirstWords {
    /// The first words: small, so that its probes (one per capitalised
    /// word) mostly hit the cache.
    first: Bloom,
    /// What follows them, probed only after a first word passed.
    rest: Bloom,
}

/// A blocked Bloom filter: two bits in one word per entry.
#[derive(Debug)]
struct Bloom {
    bits: Vec<u64>,
    shift: u32,
}

impl Bloom {
    #[cfg(test)]
    fn write_image(&self, w: &mut ImageWriter) {
        w.u64s(&self.bits);
        w.u32(self.shift);
    }

    fn read_image(r: &mut ImageReader<'_>) -> Option<Bloom> {
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
    fn build(keys: &[&KeyEntries<'_>]) -> FirstWords {
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

    fn heap_bytes(&self) -> usize {
        (self.first.bits.capacity() + self.rest.bits.capacity()) * 8
    }

    /// Whether a name may begin with the ASCII word at `start` (hash `first`,
    /// ending at `end`, followed by an ASCII byte or the end of the text).
    #[inline]
    fn may_begin(&self, bytes: &[u8], first: u64, end: usize) -> bool {
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

const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
const HIGH: u64 = 0x8080_8080_8080_8080;
const EACH: u64 = 0x0101_0101_0101_0101;
/// The ASCII case bit in every byte.
const CASE: u64 = 0x2020_2020_2020_2020;

/// Eight bytes from `at`, little endian, zero past the end.
#[inline]
fn load8(bytes: &[u8], at: usize) -> u64 {
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
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let y = x & LOW7;
    // No carries cross bytes: each byte sum stays below 0x100.
    let at_least_lo = y + EACH * u64::from(0x80 - lo);
    let above_hi = y + EACH * u64::from(0x7f - hi);
    at_least_lo & !above_hi & HIGH
}

/// Per byte, the high bit set for ASCII letters and digits (`WORD` bytes).
#[inline]
fn word_bytes(x: u64) -> u64 {
    (in_range(x, b'0', b'9') | in_range(x | CASE, b'a', b'z')) & !x & HIGH
}

/// The hash of the ASCII word (letters and digits) starting at `start`,
/// folded to lowercase, and its end, or `None` when a non-ASCII byte follows it (the word may go
/// on: only a walk can tell). Eight bytes a step; the Bloom filter of first
/// words is built with the same function over the folded keys.
#[inline]
fn ascii_word_hash(bytes: &[u8], start: usize) -> Option<(u64, usize)> {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut at = start;
    loop {
        let x = load8(bytes, at);
        let run = (!word_bytes(x) & HIGH).trailing_zeros() / 8;
        let keep = if run >= 8 { u64::MAX } else { (1u64 << (run * 8)) - 1 };
        h = (h ^ ((x | CASE) & keep)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^= h >> 29;
        at += run as usize;
        if run < 8 {
            return match bytes.get(at) {
                Some(&b) if b >= 0x80 => None,
                _ => Some((h ^ (at - start) as u64, at)),
            };
        }
    }
}

/// Characters whose start decision the matcher caches: the alphabetic
/// scripts below U+1000 (Latin, Greek, Cyrillic, Hebrew, Arabic, Indic,
/// Thai, ...) and general punctuation (quotes, dashes).
const CACHED: [std::ops::Range<u32>; 2] = [0x80..0x1000, 0x2000..0x2080];

/// A trie and, per key id, its first candidate list.
#[derive(Debug)]
struct Automaton {
    trie: Trie,
    first_words: FirstWords,
    /// Per key id: its first candidate list (mixed keys have one per level).
    /// Per key id: its first candidate list and that list's first entity,
    /// so a match costs one lookup here (mixed keys look their list up).
    key_list: Vec<(u32, EntityId)>,
}

/// The compiled names.
#[derive(Debug)]
pub(crate) struct Matcher {
    /// Every name: walked from starts with a capital.
    all: Automaton,
    /// The names that match in any case, walked from other starts; `None`
    /// when that is every name. Smart case makes this trie small, so most
    /// lowercase words cost one table lookup.
    any: Option<Automaton>,
    /// Candidate lists: `ents[list_starts[l]..list_starts[l + 1]]`.
    list_starts: Vec<u32>,
    ents: Vec<EntityId>,
    /// ASCII bytes that may begin a name at a word start.
    interesting: [bool; 256],
    /// Only capitals (and non-ASCII characters) may begin a name: the scan
    /// may jump from one to the next, eight bytes at a time.
    capitals_only: bool,
    /// Bit per (capital start, first folded byte, second folded byte) of a
    /// name (every second byte for a one-byte name).
    pairs: Vec<u64>,
    /// For the names that may start without a capital: bit per hash of the
    /// first three raw ASCII text bytes they may begin with (`triple_slot`),
    /// and per first byte that is a whole name.
    triples: Vec<u64>,
    triple_shift: u32,
    singles: [u64; 4],
    /// What the scan looks for.
    probe: Probe,
    /// Per character of `CACHED` (in order): whether it may begin a name,
    /// word characters not counting what comes before. Spares the scan
    /// folding the accented letters, quotes and dashes common in news.
    /// Filled a block of 64 characters at a time on first use (`cached_done`,
    /// bit per block), so a small gazetteer builds in microseconds; threads
    /// racing on a block compute and store the same bits.
    cached: Vec<AtomicU64>,
    cached_done: AtomicU64,
}

/// One key's entries: (entity, requirement), ranked (entity order), deduplicated.
pub(crate) struct KeyEntries<'a> {
    pub(crate) key: &'a [u8],
    pub(crate) entries: &'a [(u32, Req)],
}

impl Automaton {
    #[cfg(test)]
    fn write_image(&self, w: &mut ImageWriter) {
        self.trie.write_image(w);
        self.first_words.first.write_image(w);
        self.first_words.rest.write_image(w);
        w.len(self.key_list.len());
        for &(list, entity) in &self.key_list {
            w.u32(list);
            w.u32(entity.0);
        }
    }

    fn read_image(r: &mut ImageReader<'_>) -> Option<Automaton> {
        let trie = Trie::read_image(r)?;
        let first_words = FirstWords { first: Bloom::read_image(r)?, rest: Bloom::read_image(r)? };
        let key_list = r
            .records(8)?
            .map(|c| {
                let list = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
                (list, EntityId(u32::from_le_bytes([c[4], c[5], c[6], c[7]])))
            })
            .collect();
        Some(Automaton { trie, first_words, key_list })
    }

    /// Compiles `keys`, appending their candidate lists.
    fn build(
        keys: &[&KeyEntries<'_>],
        max_level: Req,
        list_starts: &mut Vec<u32>,
        ents: &mut Vec<EntityId>,
    ) -> Automaton {
        let flags: Vec<KeyFlags> = keys
            .iter()
            .map(|k| {
                let min = k.entries.iter().map(|e| e.1).min().unwrap_or(REQ_ANY);
                let max = k.entries.iter().map(|e| e.1).max().unwrap_or(REQ_ANY).min(max_level);
                KeyFlags { req: min, mixed: min != max }
            })
            .collect();
        let key_bytes: Vec<&[u8]> = keys.iter().map(|k| k.key).collect();
        let (trie, order) = Trie::build(&key_bytes, &flags);
        drop(key_bytes);
        let mut key_list = Vec::with_capacity(order.len());
        for &orig in &order {
            let Some(k) = keys.get(orig as usize) else { continue };
            let base = list_starts.len() - 1;
            let mixed = flags.get(orig as usize).is_some_and(|f| f.mixed);
            let levels: &[Req] = if mixed { &[REQ_ANY, REQ_TITLE, REQ_CAPS] } else { &[max_level] };
            for &level in levels {
                ents.extend(k.entries.iter().filter(|e| e.1 <= level).map(|e| EntityId(e.0)));
                list_starts.push(ents.len() as u32);
            }
            let first = list_starts.get(base).and_then(|&a| ents.get(a as usize)).copied();
            // `u32::MAX`: an empty list (no entity has that id).
            key_list.push((base as u32, first.unwrap_or(EntityId(u32::MAX))));
        }
        key_list.shrink_to_fit();
        Automaton { trie, first_words: FirstWords::build(keys), key_list }
    }

    fn heap_bytes(&self) -> usize {
        self.trie.heap_bytes()
            + self.key_list.capacity() * std::mem::size_of::<(u32, EntityId)>()
            + self.first_words.heap_bytes()
    }
}

impl Matcher {
    /// Compiles sorted, distinct, non-empty keys.
    pub(crate) fn build(keys: &[KeyEntries<'_>]) -> Matcher {
        let mut list_starts = vec![0u32];
        let mut ents: Vec<EntityId> = Vec::new();
        let all_keys: Vec<&KeyEntries<'_>> = keys.iter().collect();
        let all = Automaton::build(&all_keys, REQ_CAPS, &mut list_starts, &mut ents);
        let any_keys: Vec<&KeyEntries<'_>> =
            keys.iter().filter(|k| k.entries.iter().any(|e| e.1 == REQ_ANY)).collect();
        let any = if any_keys.len() == keys.len()
            && keys.iter().all(|k| k.entries.iter().all(|e| e.1 == REQ_ANY))
        {
            None
        } else {
            Some(Automaton::build(&any_keys, REQ_ANY, &mut list_starts, &mut ents))
        };
        list_starts.shrink_to_fit();
        ents.shrink_to_fit();
        let mut m = Matcher {
            all,
            any,
            list_starts,
            ents,
            interesting: [false; 256],
            capitals_only: false,
            pairs: vec![0u64; 2 * 65536 / 64],
            triples: Vec::new(),
            triple_shift: 0,
            singles: [0; 4],
            probe: Probe {
                capitals_only: false,
                split_lower: false,
                generic: false,
                punct: [0xFF; 2],
            },
            cached: Vec::new(),
            cached_done: AtomicU64::new(0),
        };
        for capital in [false, true] {
            let auto = m.automaton(capital);
            let mut keys = Vec::new();
            auto.trie.for_each_prefix2(|first, second| keys.push((first, second)));
            for (first, second) in keys {
                let row = usize::from(capital) << 16 | usize::from(first) << 8;
                let cols = second.map_or(0..256, |b| usize::from(b)..usize::from(b) + 1);
                for at in cols.map(|c| row | c) {
                    if let Some(w) = m.pairs.get_mut(at / 64) {
                        *w |= 1u64 << (at % 64);
                    }
                }
            }
        }
        let mut prefixes = Vec::new();
        if let Some(any) = &m.any {
            any.trie.for_each_prefix3(|a, b, c| prefixes.push((a, b, c)));
        }
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
        let mut raw: Vec<(u8, u8, u8)> = Vec::new();
        for (a, b, c) in prefixes {
            // Non-ASCII bytes: the text has non-ASCII there, which the scan
            // never looks up.
            if a >= 0x80 || b >= 0x80 {
                continue;
            }
            for b1 in variants(b) {
                match c {
                    // A two-byte name: any third byte.
                    None => raw.extend((0..0x80).map(|b2| (a, b1, b2))),
                    Some(c) if c < 0x80 => {
                        raw.extend(variants(c).into_iter().map(|b2| (a, b1, b2)))
                    }
                    Some(_) => {}
                }
            }
            if b == b' ' {
                for b1 in WHITESPACE {
                    raw.extend(WHITESPACE.iter().map(|&b2| (a, b1, b2)));
                }
            }
        }
        let words = (raw.len() / 2).max(1024).next_power_of_two();
        m.triples = vec![0u64; words];
        m.triple_shift = 32 - (words * 64).trailing_zeros();
        for (a, b, c) in raw {
            let at = m.triple_slot(a, b, c);
            if let Some(w) = m.triples.get_mut(at / 64) {
                *w |= 1u64 << (at % 64);
            }
        }
        // A one-byte name matches whatever follows it.
        let mut singles = [0u64; 4];
        if let Some(any) = &m.any {
            any.trie.for_each_prefix2(|a, b| {
                if let (Some(w), None) = (singles.get_mut(usize::from(a) / 64), b) {
                    *w |= 1u64 << (a % 64);
                }
            });
        }
        m.singles = singles;
        for b in 0..0x80usize {
            let class = BYTE_CLASS[b];
            let capital = class & UPPER != 0;
            m.interesting[b] =
                class & SPACE == 0 && m.automaton(capital).trie.can_start(BYTE_FOLD[b]);
        }
        m.capitals_only = (0..0x80).all(|b| !m.interesting[b] || BYTE_CLASS[b] & UPPER != 0);
        let punct: Vec<u8> = (0..0x80u8)
            .filter(|&b| m.interesting[usize::from(b)] && BYTE_CLASS[usize::from(b)] & WORD == 0)
            .collect();
        m.probe = Probe {
            capitals_only: m.capitals_only,
            split_lower: m.any.is_some(),
            generic: punct.len() > 2,
            punct: [punct.first().copied().unwrap_or(0xFF), punct.get(1).copied().unwrap_or(0xFF)],
        };
        m.cached = Matcher::empty_cache();
        m
    }

    /// Appends the compiled matcher to an image (see `image.rs`); the
    /// lazily filled caches are left out.
    #[cfg(test)]
    pub(crate) fn write_image(&self, w: &mut ImageWriter) {
        self.all.write_image(w);
        w.bool(self.any.is_some());
        if let Some(any) = &self.any {
            any.write_image(w);
        }
        w.u32s(&self.list_starts);
        w.len(self.ents.len());
        for e in &self.ents {
            w.u32(e.0);
        }
        for &b in &self.interesting {
            w.bool(b);
        }
        w.bool(self.capitals_only);
        w.u64s(&self.pairs);
        w.u64s(&self.triples);
        w.u32(self.triple_shift);
        for &s in &self.singles {
            w.u64(s);
        }
        let p = &self.probe;
        w.bool(p.capitals_only);
        w.bool(p.split_lower);
        w.bool(p.generic);
        w.u8(p.punct[0]);
        w.u8(p.punct[1]);
    }

    /// Reads back what `write_image` wrote.
    pub(crate) fn read_image(r: &mut ImageReader<'_>) -> Option<Matcher> {
        let all = Automaton::read_image(r)?;
        let any = if r.bool()? { Some(Automaton::read_image(r)?) } else { None };
        let list_starts = r.u32s()?;
        let ents = r.u32s()?.into_iter().map(EntityId).collect();
        let interesting = r.table(ImageReader::bool)?;
        let capitals_only = r.bool()?;
        let pairs = r.u64s()?;
        let triples = r.u64s()?;
        let triple_shift = r.u32()?;
        let singles = r.table(ImageReader::u64)?;
        let probe = Probe {
            capitals_only: r.bool()?,
            split_lower: r.bool()?,
            generic: r.bool()?,
            punct: [r.u8()?, r.u8()?],
        };
        Some(Matcher {
            all,
            any,
            list_starts,
            ents,
            interesting,
            capitals_only,
            pairs,
            triples,
            triple_shift,
            singles,
            probe,
            cached: Matcher::empty_cache(),
            cached_done: AtomicU64::new(0),
        })
    }

    /// The start cache, all blocks unfilled.
    fn empty_cache() -> Vec<AtomicU64> {
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
    fn non_ascii_start(&self, text: &str, i: usize) -> Option<(usize, bool)> {
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

    /// Whether a name may begin with the ASCII byte at `i` (a capital or
    /// not) and the next, folded as the walk folds them (whitespace to a
    /// space). One probe of a small table rejects most lowercase words.
    #[inline]
    fn may_begin_at(&self, bytes: &[u8], i: usize, capital: bool) -> bool {
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
        let x = u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c);
        (x.wrapping_mul(0x9E37_79B1) >> self.triple_shift) as usize
    }

    /// Whether a name that may start without a capital may begin with the
    /// ASCII text bytes `b0` (a word byte, not a capital), `b1`, `b2`.
    #[inline]
    fn lowercase_may_begin(&self, b0: u8, b1: u8, b2: u8) -> bool {
        let at = self.triple_slot(b0, b1, b2);
        let triple = self.triples.get(at / 64).is_some_and(|w| w >> (at % 64) & 1 != 0);
        let single =
            self.singles.get(usize::from(b0) / 64).is_some_and(|w| w >> (b0 % 64) & 1 != 0);
        triple | single
    }

    /// The automaton for a start with (or without) a capital.
    #[inline]
    fn automaton(&self, capital: bool) -> &Automaton {
        if capital {
            &self.all
        } else {
            self.any.as_ref().unwrap_or(&self.all)
        }
    }

    /// Whether a name may start with the folded byte `first`.
    pub(crate) fn can_start(&self, first: u8, capital: bool) -> bool {
        self.automaton(capital).trie.can_start(first)
    }

    /// Number of distinct folded names.
    pub(crate) fn keys_len(&self) -> usize {
        self.all.trie.keys_len()
    }

    /// Heap bytes owned.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.all.heap_bytes()
            + self.any.as_ref().map_or(0, Automaton::heap_bytes)
            + self.list_starts.capacity() * 4
            + self.pairs.capacity() * 8
            + self.triples.capacity() * 8
            + self.cached.capacity() * std::mem::size_of::<AtomicU64>()
            + self.ents.capacity() * std::mem::size_of::<EntityId>()
    }

    /// The candidate list `list`.
    pub(crate) fn list(&self, list: u32) -> &[EntityId] {
        let l = list as usize;
        match (self.list_starts.get(l), self.list_starts.get(l + 1)) {
            (Some(&a), Some(&b)) => self.ents.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The candidate list of a valid end, and its first entity.
    pub(crate) fn resolve(&self, found: Found) -> Option<(u32, EntityId)> {
        let auto = self.automaton(found.capital);
        let (base, first) = found.entry?;
        if auto.trie.flags(found.node) & MIXED == 0 {
            return (first.0 != u32::MAX).then_some((base, first));
        }
        let list = base + u32::from(found.level);
        Some((list, *self.list(list).first()?))
    }

    /// Walks the trie from `start`, calling `on_end` for every valid end in
    /// increasing order. `capital`: the text's first character is a capital.
    fn walk(&self, text: &str, start: usize, capital: bool, mut on_end: impl FnMut(Found)) {
        let auto = self.automaton(capital);
        let (trie, key_list) = (&auto.trie, &auto.key_list);
        let bytes = text.as_bytes();
        let mut node = 0u32;
        let mut flags = 0u8;
        let mut j = start;
        let mut in_space = false;
        let mut has_lower = false;
        let advance = |node: u32, byte: u8| {
            if node == 0 {
                trie.start(byte)
            } else {
                trie.step(node, byte)
            }
        };
        loop {
            let Some(&b) = bytes.get(j) else { return };
            let class = BYTE_CLASS[usize::from(b)];
            let last_word;
            if class & NON_ASCII == 0 {
                j += 1;
                if class & SPACE != 0 {
                    if !in_space {
                        in_space = true;
                        // The space's flags too: a mark that folds to nothing
                        // right after it must not re-read the word's end.
                        (node, flags) = advance(node, b' ');
                        if node == 0 {
                            return;
                        }
                    }
                    continue;
                }
                in_space = false;
                has_lower |= b.is_ascii_lowercase();
                (node, flags) = advance(node, BYTE_FOLD[usize::from(b)]);
                if node == 0 {
                    return;
                }
                last_word = class & WORD != 0;
            } else {
                let Some(c) = char_at(text, j) else { return };
                j += c.len_utf8();
                let class = shape_class(c);
                if class & SPACE != 0 {
                    if !in_space {
                        in_space = true;
                        // The space's flags too: a mark that folds to nothing
                        // right after it must not re-read the word's end.
                        (node, flags) = advance(node, b' ');
                        if node == 0 {
                            return;
                        }
                    }
                    continue;
                }
                in_space = false;
                has_lower |= c.is_lowercase();
                for &fb in fold_char(c).as_bytes() {
                    (node, flags) = advance(node, fb);
                    if node == 0 {
                        return;
                    }
                }
                last_word = class & WORD != 0;
            }
            if flags & TERMINAL != 0 {
                let level = if !capital {
                    REQ_ANY
                } else if has_lower {
                    REQ_TITLE
                } else {
                    REQ_CAPS
                };
                let req = (flags >> REQ_SHIFT) & 3;
                if req <= level && end_ok(text, j, last_word) {
                    let entry = trie.key_id(node).and_then(|k| key_list.get(k)).copied();
                    on_end(Found { end: j, node, level, capital, entry });
                }
            }
        }
    }

    /// The longest valid name starting at `start`.
    pub(crate) fn longest_at(&self, text: &str, start: usize, capital: bool) -> Option<Found> {
        let mut best = None;
        self.walk(text, start, capital, |f| best = Some(f));
        best
    }

    /// Every valid name starting at `start`, shortest first.
    pub(crate) fn all_at(&self, text: &str, start: usize, capital: bool, out: &mut Vec<Found>) {
        self.walk(text, start, capital, |f| out.push(f));
    }
}

/// Whether a match whose last character is (`last_word`) a word character
/// may end at byte `end`: the next character must not continue the word. An
/// apostrophe continues it ("O'Brien") unless it starts a possessive ("Syria's").
fn end_ok(text: &str, end: usize, last_word: bool) -> bool {
    if !last_word {
        return true;
    }
    let Some(next) = char_at(text, end) else { return true };
    if is_word(next) {
        return false;
    }
    if !is_apostrophe(next) {
        return true;
    }
    let after = end + next.len_utf8();
    match char_at(text, after) {
        None => true,
        Some(c) if !is_word(c) => true,
        Some('s' | 'S') => char_at(text, after + 1).is_none_or(|c| !is_word(c)),
        Some(_) => false,
    }
}

/// Whether a word character at `i` would continue a word: the character
/// before is a word character, or an apostrophe inside a word ("O'Brien").
fn blocked_at(text: &str, i: usize) -> bool {
    let Some(&byte) = i.checked_sub(1).and_then(|p| text.as_bytes().get(p)) else { return false };
    let class = BYTE_CLASS[usize::from(byte)];
    if class & (NON_ASCII | APOS) == 0 {
        return class & WORD != 0;
    }
    let Some(prev) = char_before(text, i) else { return false };
    is_word(prev)
        || (is_apostrophe(prev) && char_before(text, i - prev.len_utf8()).is_some_and(is_word))
}

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
struct Probe {
    /// Only capitals may begin a name among ASCII word bytes.
    capitals_only: bool,
    /// Word starts without a capital are filtered apart (`Cursor::load`):
    /// only the few names that match in any case may begin there.
    split_lower: bool,
    /// Every ASCII punctuation byte must be looked at (more than two may
    /// begin a name); otherwise only the bytes of `punct`.
    generic: bool,
    /// ASCII punctuation that may begin a name (0xFF: none; never in UTF-8).
    punct: [u8; 2],
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

    #[test]
    fn lowercase_names_are_found_in_any_case_and_spacing() {
        let tsv = "al-Quds\tLOC\tx:1\tal-Quds\nla Paz\tLOC\tx:2\tla Paz\nde la Cruz\tLOC\tx:3\tx\n\
                   ab\tLOC\tx:4\tab\nq\tLOC\tx:5\tq\nAleppo\tLOC\tx:6\tAleppo\n";
        let g = crate::Gazetteer::from_tsv(tsv).unwrap();
        let text = "AL-QUDS, la\tPaz; La\n\n Paz, de la\r\nCruz; DE  LA CRUZ; Ab q Q; lab; Aleppo";
        let found: Vec<&str> = g.find_iter(text).map(|m| &text[m.span().range()]).collect();
        assert_eq!(
            found,
            [
                "AL-QUDS",
                "la\tPaz",
                "La\n\n Paz",
                "de la\r\nCruz",
                "DE  LA CRUZ",
                "Ab",
                "q",
                "Q",
                "Aleppo"
            ]
        );
    }

    #[test]
    fn cached_start_decisions_agree_with_folding() {
        let tsv = "Éire\tLOC\tx:1\tÉire\nदिल्ली\tLOC\tx:2\tदिल्ली\n’Adan\tLOC\tx:3\t’Adan\n\
                   Αθήνα\tLOC\tx:4\tΑθήνα\nal-Quds\tLOC\tx:5\tal-Quds\n";
        let g = crate::Gazetteer::from_tsv(tsv).unwrap();
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
