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
use super::trie::{KeyFlags, Trie, MIXED, REQ_SHIFT, TERMINAL};
use super::EntityId;

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
}

/// A Bloom filter over the first words of the keys (folded, up to the first
/// non-word character). A name can only match where the text's word equals
/// its first word, so most word starts are rejected by one probe of a small
/// bit table instead of a trie walk. Probed only for all-ASCII words.
#[derive(Debug)]
struct FirstWords {
    bits: Vec<u64>,
    shift: u32,
}

impl FirstWords {
    fn build(keys: &[&KeyEntries<'_>]) -> FirstWords {
        let words = (keys.len() / 8).max(64).next_power_of_two();
        let mut f = FirstWords { bits: vec![0; words], shift: 64 - words.trailing_zeros() };
        for k in keys {
            let run =
                k.key.iter().position(|&b| b < 0x80 && BYTE_CLASS[usize::from(b)] & WORD == 0);
            let word = k.key.get(..run.unwrap_or(k.key.len())).unwrap_or(&[]);
            if !word.is_empty() && word.is_ascii() {
                let h = word.iter().fold(HASH_SEED, |h, &b| hash_step(h, b));
                let (at, mask) = f.slot(h);
                if let Some(w) = f.bits.get_mut(at) {
                    *w |= mask;
                }
            }
        }
        f
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

const HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// One step of the first-word hash over folded ASCII bytes.
#[inline]
fn hash_step(h: u64, folded: u8) -> u64 {
    (h ^ u64::from(folded)).wrapping_mul(0x0100_0000_01b3)
}

/// A trie and, per key id, its first candidate list.
#[derive(Debug)]
struct Automaton {
    trie: Trie,
    first_words: FirstWords,
    /// Per key id: its first candidate list (mixed keys have one per level).
    key_list: Vec<u32>,
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
}

/// One key's entries: (entity, requirement), ranked (entity order), deduplicated.
pub(crate) struct KeyEntries<'a> {
    pub(crate) key: &'a [u8],
    pub(crate) entries: &'a [(u32, Req)],
}

impl Automaton {
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
            key_list.push((list_starts.len() - 1) as u32);
            let mixed = flags.get(orig as usize).is_some_and(|f| f.mixed);
            let levels: &[Req] = if mixed { &[REQ_ANY, REQ_TITLE, REQ_CAPS] } else { &[max_level] };
            for &level in levels {
                ents.extend(k.entries.iter().filter(|e| e.1 <= level).map(|e| EntityId(e.0)));
                list_starts.push(ents.len() as u32);
            }
        }
        key_list.shrink_to_fit();
        Automaton { trie, first_words: FirstWords::build(keys), key_list }
    }

    fn heap_bytes(&self) -> usize {
        self.trie.heap_bytes() + self.key_list.capacity() * 4 + self.first_words.bits.capacity() * 8
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
        };
        for b in 0..0x80usize {
            let class = BYTE_CLASS[b];
            let capital = class & UPPER != 0;
            m.interesting[b] =
                class & SPACE == 0 && m.automaton(capital).trie.can_start(BYTE_FOLD[b]);
        }
        m.capitals_only = (0..0x80).all(|b| !m.interesting[b] || BYTE_CLASS[b] & UPPER != 0);
        m
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
        let key = auto.trie.key_id(found.node)?;
        let base = *auto.key_list.get(key)?;
        let mixed = auto.trie.flags(found.node) & MIXED != 0;
        let list = if mixed { base + u32::from(found.level) } else { base };
        let first = *self.list(list).first()?;
        Some((list, first))
    }

    /// Walks the trie from `start`, calling `on_end` for every valid end in
    /// increasing order. `capital`: the text's first character is a capital.
    fn walk(&self, text: &str, start: usize, capital: bool, mut on_end: impl FnMut(Found)) {
        let trie = &self.automaton(capital).trie;
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
                        node = advance(node, b' ').0;
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
                        node = advance(node, b' ').0;
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
                    on_end(Found { end: j, node, level, capital });
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

/// The first position from `from` holding an ASCII capital or a non-ASCII
/// byte (`bytes.len()` if none), eight bytes at a time.
fn next_capital_or_non_ascii(bytes: &[u8], from: usize) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const EACH: u64 = 0x0101_0101_0101_0101;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let x = u64::from_le_bytes(w);
        let y = x & LOW7;
        // Per byte, no carries: high bit set when the low 7 bits are >= 'A', and >= '['.
        let at_least_a = y + EACH * (0x80 - u64::from(b'A'));
        let past_z = y + EACH * (0x80 - u64::from(b'['));
        let hits = ((at_least_a & !past_z & !x) | x) & HIGH;
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_uppercase() || b >= 0x80 {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// Scans a text for positions where a name may start.
#[derive(Clone, Debug)]
pub(crate) struct Cursor {
    pos: usize,
    /// The previous character is a word character.
    prev_word: bool,
    /// A word character here would continue a word (after a word character, or
    /// after an apostrophe inside a word).
    blocked: bool,
}

impl Cursor {
    /// A cursor at byte `pos` (a char boundary) of `text`.
    pub(crate) fn at(text: &str, pos: usize) -> Cursor {
        let prev = char_before(text, pos);
        let prev_word = prev.is_some_and(is_word);
        let blocked = prev_word
            || prev.is_some_and(|p| {
                is_apostrophe(p) && char_before(text, pos - p.len_utf8()).is_some_and(is_word)
            });
        Cursor { pos, prev_word, blocked }
    }

    /// Moves past a word ending at `end`, and past the one space that most
    /// often follows (a space is never a start), saving a round of the scan.
    #[inline]
    fn skip_word(&mut self, bytes: &[u8], end: usize) {
        let space = bytes.get(end) == Some(&b' ');
        self.pos = end + usize::from(space);
        self.prev_word = !space;
        self.blocked = !space;
    }

    /// The next position where a name may start, and whether its character is
    /// a capital. Words are skipped whole: a name never starts inside one.
    pub(crate) fn next_start(&mut self, m: &Matcher, text: &str) -> Option<(usize, bool)> {
        let bytes = text.as_bytes();
        loop {
            if m.capitals_only {
                let next = next_capital_or_non_ascii(bytes, self.pos);
                if next != self.pos {
                    *self = Cursor::at(text, next);
                }
            }
            let i = self.pos;
            let &b = bytes.get(i)?;
            let class = BYTE_CLASS[usize::from(b)];
            if class & WORD != 0 {
                let candidate = !self.blocked && m.interesting[usize::from(b)];
                let mut j = i + 1;
                if !candidate {
                    // Most words: skip to the word's end without hashing.
                    while bytes.get(j).is_some_and(|&n| BYTE_CLASS[usize::from(n)] & WORD != 0) {
                        j += 1;
                    }
                    self.skip_word(bytes, j);
                    continue;
                }
                let mut h = hash_step(HASH_SEED, BYTE_FOLD[usize::from(b)]);
                while let Some(&next) = bytes.get(j) {
                    if BYTE_CLASS[usize::from(next)] & WORD == 0 {
                        break;
                    }
                    h = hash_step(h, BYTE_FOLD[usize::from(next)]);
                    j += 1;
                }
                self.skip_word(bytes, j);
                {
                    let capital = class & UPPER != 0;
                    // A word continuing with non-ASCII is not hashed: walk it.
                    let ascii_word = bytes.get(j).is_none_or(|&n| n < 0x80);
                    if !ascii_word || m.automaton(capital).first_words.may_contain(h) {
                        return Some((i, capital));
                    }
                }
            } else if class & NON_ASCII == 0 {
                self.pos = i + 1;
                self.blocked = class & APOS != 0 && self.prev_word;
                self.prev_word = false;
                if m.interesting[usize::from(b)] {
                    return Some((i, false));
                }
            } else {
                let c = char_at(text, i)?;
                self.pos = i + c.len_utf8();
                let class = shape_class(c);
                let word = class & WORD != 0;
                let start_ok = !(word && self.blocked) && class & SPACE == 0;
                self.blocked = word || (class & APOS != 0 && self.prev_word);
                self.prev_word = word;
                if start_ok {
                    if let Some(&first) = fold_char(c).as_bytes().first() {
                        // Capitalisation is costly to decide: only when a name
                        // could start here at all.
                        if m.can_start(first, true) || m.can_start(first, false) {
                            let capital = word && is_capital(c);
                            if m.can_start(first, capital) {
                                return Some((i, capital));
                            }
                        }
                    }
                }
            }
        }
    }
}
