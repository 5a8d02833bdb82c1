//! The matcher: finds word starts that can begin a name, walks the trie from
//! each over the text folded on the fly, and keeps the ends that are valid
//! (whole word, capitalisation allowed).
//!
//! Leftmost-longest is resolved here over valid candidates only: a start whose
//! longest trie path ends inside a word still yields its shorter valid names,
//! and a start with no valid name hides nothing to its right.

//!
//! Layout, one job a file: `mod.rs` the compiled names (automata and
//! candidate lists) and their build; `prefilter.rs` the tables and Bloom
//! filters that reject most word starts before a walk; `cache.rs` the lazily
//! filled start decisions of non-ASCII characters; `scan.rs` the block
//! scanner that finds candidate starts; `walk.rs` the trie walk over the
//! folded text and the word-boundary rules.

mod cache;
mod prefilter;
mod scan;
mod walk;

pub(crate) use scan::Cursor;

use super::image::ImageReader;
#[cfg(test)]
use super::image::ImageWriter;
use super::trie::{KeyFlags, Trie, MIXED};
use super::EntityId;
use prefilter::{Bloom, FirstWords};
use scan::Probe;
use std::sync::atomic::AtomicU64;

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
    entry: Option<CandidateList>,
}

/// A trie and, per key id, its first candidate list.
#[derive(Debug)]
struct Automaton {
    trie: Trie,
    first_words: FirstWords,
    /// Per key id: its first candidate list (mixed keys have one per level)
    /// and that list's first entity, so a match costs one lookup here (mixed
    /// keys look their list up).
    key_list: Vec<CandidateList>,
}

/// A candidate list and its first entity (`EntityId(u32::MAX)` when empty).
#[derive(Clone, Copy, Debug)]
pub(crate) struct CandidateList {
    pub(crate) list: u32,
    pub(crate) first: EntityId,
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
    /// `pairs` rejects enough capitalised words to be probed for them
    /// (`prefilter::capital_pairs_reject`).
    capital_pairs: bool,
    /// For the names that may start without a capital: bit per hash of the
    /// first three raw ASCII text bytes they may begin with (`triple_slot`),
    /// and per first byte that is a whole name.
    triples: Vec<u64>,
    triple_shift: u32,
    singles: [u64; 4],
    /// Some of `singles` is set.
    lower_singles: bool,
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

/// One key's entries, ranked (entity order), deduplicated.
pub(crate) struct KeyEntries<'a> {
    pub(crate) key: &'a [u8],
    pub(crate) entries: &'a [KeyEntry],
}

/// An entity of a key and the capitalisation the text must have for it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct KeyEntry {
    pub(crate) entity: u32,
    pub(crate) req: Req,
}

impl Automaton {
    #[cfg(test)]
    fn write_image(&self, w: &mut ImageWriter) {
        self.trie.write_image(w);
        self.first_words.first.write_image(w);
        self.first_words.rest.write_image(w);
        w.len(self.key_list.len());
        for l in &self.key_list {
            w.u32(l.list);
            w.u32(l.first.0);
        }
    }

    fn read_image(r: &mut ImageReader<'_>) -> Option<Automaton> {
        let trie = Trie::read_image(r)?;
        let first_words = FirstWords { first: Bloom::read_image(r)?, rest: Bloom::read_image(r)? };
        let key_list = r
            .records(8)?
            .map(|c| {
                let list = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
                CandidateList {
                    list,
                    first: EntityId(u32::from_le_bytes([c[4], c[5], c[6], c[7]])),
                }
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
                let min = k.entries.iter().map(|e| e.req).min().unwrap_or(REQ_ANY);
                let max = k.entries.iter().map(|e| e.req).max().unwrap_or(REQ_ANY).min(max_level);
                KeyFlags { req: min, mixed: min != max }
            })
            .collect();
        let key_bytes: Vec<&[u8]> = keys.iter().map(|k| k.key).collect();
        // Many keys: the Bloom filters fill on another core meanwhile.
        let split = super::parallel::worth_splitting(keys.len().saturating_mul(64));
        let ((trie, order), first_words) = super::parallel::join(
            split,
            || Trie::build(&key_bytes, &flags),
            || FirstWords::build(keys),
        );
        drop(key_bytes);
        let mut key_list = Vec::with_capacity(order.len());
        for &orig in &order {
            let Some(k) = keys.get(orig as usize) else { continue };
            let base = list_starts.len() - 1;
            let mixed = flags.get(orig as usize).is_some_and(|f| f.mixed);
            let levels: &[Req] = if mixed { &[REQ_ANY, REQ_TITLE, REQ_CAPS] } else { &[max_level] };
            for &level in levels {
                ents.extend(
                    k.entries.iter().filter(|e| e.req <= level).map(|e| EntityId(e.entity)),
                );
                list_starts.push(ents.len() as u32);
            }
            let first = list_starts.get(base).and_then(|&a| ents.get(a as usize)).copied();
            // `u32::MAX`: an empty list (no entity has that id).
            key_list.push(CandidateList {
                list: base as u32,
                first: first.unwrap_or(EntityId(u32::MAX)),
            });
        }
        key_list.shrink_to_fit();
        Automaton { trie, first_words, key_list }
    }

    fn heap_bytes(&self) -> usize {
        self.trie.heap_bytes()
            + self.key_list.capacity() * std::mem::size_of::<CandidateList>()
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
            keys.iter().filter(|k| k.entries.iter().any(|e| e.req == REQ_ANY)).collect();
        let any = if any_keys.len() == keys.len()
            && keys.iter().all(|k| k.entries.iter().all(|e| e.req == REQ_ANY))
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
            pairs: Vec::new(),
            capital_pairs: true,
            triples: Vec::new(),
            triple_shift: 0,
            singles: [0; 4],
            lower_singles: false,
            probe: Probe {
                capitals_only: false,
                split_lower: false,
                generic: false,
                punct: [0xFF; 2],
            },
            cached: Vec::new(),
            cached_done: AtomicU64::new(0),
        };
        m.build_start_tables();
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
            capital_pairs: prefilter::capital_pairs_reject(&pairs),
            pairs,
            triples,
            triple_shift,
            lower_singles: singles != [0; 4],
            singles,
            probe,
            cached: Matcher::empty_cache(),
            cached_done: AtomicU64::new(0),
        })
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
        self.ents.get(self.list_range(list)).unwrap_or(&[])
    }

    /// Where the candidate list `list` lies in [`lists`](Self::lists)
    /// (empty for a list this matcher does not hold).
    pub(crate) fn list_range(&self, list: u32) -> std::ops::Range<usize> {
        let l = list as usize;
        match (self.list_starts.get(l), self.list_starts.get(l + 1)) {
            (Some(&a), Some(&b)) if a <= b && b as usize <= self.ents.len() => {
                a as usize..b as usize
            }
            _ => 0..0,
        }
    }

    /// Every candidate list, one after the other.
    pub(crate) fn lists(&self) -> &[EntityId] {
        &self.ents
    }

    /// The candidate list of a valid end, and its first entity.
    pub(crate) fn resolve(&self, found: Found) -> Option<CandidateList> {
        let auto = self.automaton(found.capital);
        let entry = found.entry?;
        if auto.trie.flags(found.node) & MIXED == 0 {
            return (entry.first.0 != u32::MAX).then_some(entry);
        }
        let list = entry.list + u32::from(found.level);
        Some(CandidateList { list, first: *self.list(list).first()? })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lowercase_names_are_found_in_any_case_and_spacing() {
        let tsv = "al-Quds\tLOC\tx:1\tal-Quds\nla Paz\tLOC\tx:2\tla Paz\nde la Cruz\tLOC\tx:3\tx\n\
                   ab\tLOC\tx:4\tab\nq\tLOC\tx:5\tq\nAleppo\tLOC\tx:6\tAleppo\n";
        let g = crate::gazetteer::Gazetteer::from_tsv(tsv).unwrap();
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
}
