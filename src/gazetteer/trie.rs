//! A compact byte trie over folded names, walked anchored from word starts.
//!
//! Nodes are 8 bytes and the children of a node are contiguous and sorted, so a
//! step is a short scan of one cache line. Nodes are numbered depth first with
//! each sibling group allocated when its parent is visited: a chain of
//! single-child nodes (the tail of most names) is then laid out consecutively.
//! An unanchored automaton is not needed: matches may only start at word
//! starts, and the matcher walks the trie from each one that can start a name.

use super::image::ImageReader;
#[cfg(test)]
use super::image::ImageWriter;

/// The node reached a key's end.
pub(crate) const TERMINAL: u8 = 1;
/// The node's children are found through a dense row (`first_child` is the row).
const DENSE: u8 = 2;
/// The key's entries need different capitalisation (see `Keys`).
pub(crate) const MIXED: u8 = 4;
/// Bits 3..5: the least capitalisation requirement among the key's entries.
pub(crate) const REQ_SHIFT: u8 = 3;

/// Nodes with at least this many children get a dense row.
const DENSE_MIN_CHILDREN: usize = 8;

#[derive(Clone, Copy, Debug, Default)]
struct Node {
    /// First child, the dense row when `DENSE` is set, or the key id of a
    /// leaf.
    first_child: u32,
    n_children: u16,
    /// The byte on the edge into this node.
    label: u8,
    flags: u8,
}

/// The trie. Node 0 is the root; no other node has id 0, so 0 also means "none".
#[derive(Debug)]
pub(crate) struct Trie {
    nodes: Vec<Node>,
    /// Byte to column of a dense row (0: no key has this byte).
    class: [u8; 256],
    row_len: usize,
    /// Rows of child ids for nodes with many children (the upper levels),
    /// which a scan of the children would make slow.
    dense: Vec<u32>,
    /// Bit per node: terminal. With `rank`, gives a terminal node's key id.
    terminal_bits: Vec<u64>,
    /// Terminal nodes before each 64-node block.
    rank: Vec<u32>,
    /// Root children by byte.
    root: [u32; 256],
    keys_len: usize,
}

/// Per key, the data the trie stores in its terminal node.
#[derive(Clone, Copy, Debug)]
pub(crate) struct KeyFlags {
    pub(crate) req: u8,
    pub(crate) mixed: bool,
}

impl Trie {
    /// Builds the trie of `keys` (sorted, distinct, non-empty byte strings).
    ///
    /// Returns the trie and, for each key id (terminal order), the index of
    /// the key in `keys`.
    pub(crate) fn build(keys: &[&[u8]], flags: &[KeyFlags]) -> (Trie, Vec<u32>) {
        let (mut nodes, pairs) = grow(keys, flags);
        let mut root = [0u32; 256];
        if let Some(&r) = nodes.first() {
            let start = r.first_child as usize;
            for id in start..start + usize::from(r.n_children) {
                if let Some(kid) = nodes.get(id) {
                    root[usize::from(kid.label)] = id as u32;
                }
            }
        }
        // Dense rows over the bytes that occur in keys, within a memory budget
        // of half the node array.
        let mut class = [0u8; 256];
        let mut row_len = 1usize;
        for n in nodes.iter().skip(1) {
            let slot = &mut class[usize::from(n.label)];
            if *slot == 0 && row_len < 256 {
                *slot = row_len as u8;
                row_len += 1;
            }
        }
        let budget = nodes.len() * std::mem::size_of::<Node>() / 2 / 4;
        let mut dense: Vec<u32> = Vec::new();
        for p in 1..nodes.len() {
            let Some(&n) = nodes.get(p) else { continue };
            let count = usize::from(n.n_children);
            if count < DENSE_MIN_CHILDREN || dense.len() + row_len > budget {
                continue;
            }
            let row = dense.len() / row_len;
            dense.resize(dense.len() + row_len, 0);
            let start = n.first_child as usize;
            for id in start..start + count {
                let Some(kid) = nodes.get(id) else { continue };
                let col = usize::from(class[usize::from(kid.label)]);
                if let Some(slot) = dense.get_mut(row * row_len + col) {
                    *slot = id as u32;
                }
            }
            if let Some(n) = nodes.get_mut(p) {
                n.first_child = row as u32;
                n.flags |= DENSE;
            }
        }
        let mut terminal_bits = vec![0u64; nodes.len().div_ceil(64)];
        for &(node, _) in &pairs {
            if let Some(word) = terminal_bits.get_mut(node as usize / 64) {
                *word |= 1u64 << (node % 64);
            }
        }
        let mut rank = Vec::with_capacity(terminal_bits.len());
        let mut seen = 0u32;
        for word in &terminal_bits {
            rank.push(seen);
            seen += word.count_ones();
        }
        // Key ids number the terminal nodes in node order: each one's is
        // its rank, found without sorting.
        let mut order = vec![0u32; pairs.len()];
        for &(node, key) in &pairs {
            let block = node as usize / 64;
            let below = terminal_bits
                .get(block)
                .map_or(0, |w| (w & ((1u64 << (node % 64)) - 1)).count_ones());
            let id = rank.get(block).map_or(0, |&r| r + below);
            if let Some(slot) = order.get_mut(id as usize) {
                *slot = key;
            }
            // A leaf has no children to point at: it holds its key id
            // instead, sparing a match the rank lookup.
            if let Some(n) = nodes.get_mut(node as usize).filter(|n| n.n_children == 0) {
                n.first_child = id;
            }
        }
        nodes.shrink_to_fit();
        dense.shrink_to_fit();
        let keys_len = pairs.len();
        let trie = Trie { nodes, class, row_len, dense, terminal_bits, rank, root, keys_len };
        (trie, order)
    }

    /// The child of the root for a walk's first byte, and its flags.
    #[inline]
    pub(crate) fn start(&self, byte: u8) -> (u32, u8) {
        let id = self.root[usize::from(byte)];
        (id, self.flags(id))
    }

    /// The child of `node` labelled `byte` and its flags, or 0.
    #[inline]
    pub(crate) fn step(&self, node: u32, byte: u8) -> (u32, u8) {
        let Some(&n) = self.nodes.get(node as usize) else { return (0, 0) };
        let child = if n.flags & DENSE != 0 {
            let col = usize::from(self.class[usize::from(byte)]);
            let at = n.first_child as usize * self.row_len + col;
            if col == 0 {
                return (0, 0);
            }
            self.dense.get(at).copied().unwrap_or(0) as usize
        } else {
            let start = n.first_child as usize;
            let Some(kids) = self.nodes.get(start..start + usize::from(n.n_children)) else {
                return (0, 0);
            };
            match kids.iter().position(|k| k.label == byte) {
                Some(k) => start + k,
                None => return (0, 0),
            }
        };
        (child as u32, self.flags(child as u32))
    }

    /// The flags of `node`.
    #[inline]
    pub(crate) fn flags(&self, node: u32) -> u8 {
        self.nodes.get(node as usize).map_or(0, |n| n.flags)
    }

    /// Whether some key starts with `byte`.
    pub(crate) fn can_start(&self, byte: u8) -> bool {
        self.root[usize::from(byte)] != 0
    }

    /// Calls `f` with the first byte of each path from the root and the
    /// second byte (`None` when the first byte ends a key).
    pub(crate) fn for_each_prefix2(&self, mut f: impl FnMut(u8, Option<u8>)) {
        for (first, node) in self.children(0) {
            if self.flags(node) & TERMINAL != 0 {
                f(first, None);
            }
            for (second, _) in self.children(node) {
                f(first, Some(second));
            }
        }
    }

    /// Calls `f` with the first two bytes of each path from the root and the
    /// third (`None` when the second byte ends a key). One-byte keys are
    /// left out.
    pub(crate) fn for_each_prefix3(&self, mut f: impl FnMut(u8, u8, Option<u8>)) {
        for (first, node) in self.children(0) {
            for (second, child) in self.children(node) {
                if self.flags(child) & TERMINAL != 0 {
                    f(first, second, None);
                }
                for (third, _) in self.children(child) {
                    f(first, second, Some(third));
                }
            }
        }
    }

    /// The children of `node` with their labels.
    fn children(&self, node: u32) -> Vec<(u8, u32)> {
        let Some(&n) = self.nodes.get(node as usize) else { return Vec::new() };
        if node == 0 {
            return (0u8..=255).zip(self.root.iter().copied()).filter(|c| c.1 != 0).collect();
        }
        if n.flags & DENSE != 0 {
            return (0u8..=255).map(|b| (b, self.step(node, b).0)).filter(|c| c.1 != 0).collect();
        }
        let start = n.first_child as usize;
        let kids = self.nodes.get(start..start + usize::from(n.n_children)).unwrap_or(&[]);
        kids.iter().enumerate().map(|(k, kid)| (kid.label, (start + k) as u32)).collect()
    }

    /// The key id of a terminal node.
    pub(crate) fn key_id(&self, node: u32) -> Option<usize> {
        let n = self.nodes.get(node as usize)?;
        if n.flags & TERMINAL != 0 && n.n_children == 0 {
            return Some(n.first_child as usize);
        }
        let block = node as usize / 64;
        let word = *self.terminal_bits.get(block)?;
        let bit = 1u64 << (node % 64);
        if word & bit == 0 {
            return None;
        }
        let before = (word & (bit - 1)).count_ones();
        Some((*self.rank.get(block)? + before) as usize)
    }

    /// Number of keys.
    pub(crate) fn keys_len(&self) -> usize {
        self.keys_len
    }

    /// Appends the trie to a compiled image (see `image.rs`).
    #[cfg(test)]
    pub(crate) fn write_image(&self, w: &mut ImageWriter) {
        w.len(self.nodes.len());
        for n in &self.nodes {
            w.u32(n.first_child);
            w.bytes.extend_from_slice(&n.n_children.to_le_bytes());
            w.u8(n.label);
            w.u8(n.flags);
        }
        w.bytes.extend_from_slice(&self.class);
        w.len(self.row_len);
        w.u32s(&self.dense);
        w.u64s(&self.terminal_bits);
        w.u32s(&self.rank);
        for &r in &self.root {
            w.u32(r);
        }
        w.len(self.keys_len);
    }

    /// Reads back what `write_image` wrote.
    pub(crate) fn read_image(r: &mut ImageReader<'_>) -> Option<Trie> {
        let nodes = r
            .records(8)?
            .map(|c| Node {
                first_child: u32::from_le_bytes([c[0], c[1], c[2], c[3]]),
                n_children: u16::from_le_bytes([c[4], c[5]]),
                label: c[6],
                flags: c[7],
            })
            .collect();
        let class = r.table(ImageReader::u8)?;
        let row_len = r.len()?;
        let dense = r.u32s()?;
        let terminal_bits = r.u64s()?;
        let rank = r.u32s()?;
        let root = r.table(ImageReader::u32)?;
        let keys_len = r.len()?;
        Some(Trie { nodes, class, row_len, dense, terminal_bits, rank, root, keys_len })
    }

    /// Heap bytes owned.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.nodes.capacity() * std::mem::size_of::<Node>()
            + self.dense.capacity() * 4
            + self.terminal_bits.capacity() * 8
            + self.rank.capacity() * 4
    }
}

/// A node to expand: its id, depth, and the range of keys below it.
type Pending = (u32, usize, usize, usize);

/// The nodes of the trie of `keys`, numbered depth first with each sibling
/// group allocated when its parent is visited, and per key (its index in
/// `keys`) its terminal node, in no particular order.
///
/// A large trie grows on two cores: the root's children are allocated here,
/// the subtrees of the first ones (about half the keys) grown on this
/// thread and the others on a second, then numbered after the first ones,
/// as one depth-first walk would number them.
fn grow(keys: &[&[u8]], flags: &[KeyFlags]) -> (Vec<Node>, Vec<(u32, u32)>) {
    // A key's bytes bound the nodes it adds.
    let bound = keys.iter().map(|k| k.len()).sum::<usize>() + 1;
    let mut nodes = Vec::with_capacity(bound);
    nodes.push(Node::default());
    let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(keys.len());
    let split = super::parallel::worth_splitting(bound.saturating_mul(8));
    let mut groups = Vec::new();
    child_groups(keys, 0, 0, keys.len(), &mut groups);
    // The subtrees of the root's children from `mid` on go to the second thread.
    let mid = groups.partition_point(|g| g.1 < keys.len() / 2).max(1);
    if !split || mid >= groups.len() {
        grow_from(&mut nodes, &mut pairs, vec![(0, 0, 0, keys.len())], keys, flags);
        return (nodes, pairs);
    }
    if let Some(root) = nodes.first_mut() {
        root.first_child = 1;
        root.n_children = groups.len() as u16;
    }
    nodes.extend(groups.iter().map(|&(label, _, _)| Node { label, ..Node::default() }));
    let (here, there) = groups.split_at(mid);
    let pending = |first: u32, groups: &[(u8, usize, usize)]| -> Vec<Pending> {
        groups.iter().enumerate().rev().map(|(k, &(_, i, j))| (first + k as u32, 1, i, j)).collect()
    };
    // The second thread numbers its nodes from 0: first its subtrees' roots
    // (the root's children from `mid`), then what it allocates.
    let mut far: Vec<Node> =
        there.iter().map(|&(label, _, _)| Node { label, ..Node::default() }).collect();
    let mut far_pairs: Vec<(u32, u32)> = Vec::new();
    let ((), ()) = super::parallel::join(
        true,
        || grow_from(&mut nodes, &mut pairs, pending(1, here), keys, flags),
        || grow_from(&mut far, &mut far_pairs, pending(0, there), keys, flags),
    );
    // Its ids to ours: its subtrees' roots are the root's children from
    // `mid`; the nodes it allocated follow ours.
    let roots = there.len();
    let base = nodes.len();
    let global = |id: u32| -> u32 {
        let id = id as usize;
        (if id < roots { 1 + mid + id } else { base + id - roots }) as u32
    };
    let relink = |mut n: Node| {
        if n.n_children > 0 {
            n.first_child = global(n.first_child);
        }
        n
    };
    for (slot, &n) in nodes.iter_mut().skip(1 + mid).zip(far.iter().take(roots)) {
        *slot = relink(n);
    }
    nodes.extend(far.iter().skip(roots).map(|&n| relink(n)));
    pairs.extend(far_pairs.iter().map(|&(node, key)| (global(node), key)));
    (nodes, pairs)
}

/// Expands the `pending` nodes depth first (the last one first), appending
/// the nodes they allocate to `nodes` and each key's terminal node to `pairs`.
fn grow_from(
    nodes: &mut Vec<Node>,
    pairs: &mut Vec<(u32, u32)>,
    mut stack: Vec<Pending>,
    keys: &[&[u8]],
    flags: &[KeyFlags],
) {
    let mut groups: Vec<(u8, usize, usize)> = Vec::new();
    let terminal = |kf: Option<&KeyFlags>| {
        let kf = kf.copied().unwrap_or(KeyFlags { req: 0, mixed: false });
        TERMINAL | (kf.req << REQ_SHIFT) | if kf.mixed { MIXED } else { 0 }
    };
    while let Some((node, depth, mut lo, hi)) = stack.pop() {
        if hi == lo + 1 {
            // One key: the rest of it is a chain of single children,
            // numbered in a row (as the general case below would).
            let key = keys.get(lo).copied().unwrap_or(&[]);
            let mut at = node;
            for &label in key.get(depth..).unwrap_or(&[]) {
                let child = nodes.len() as u32;
                if let Some(n) = nodes.get_mut(at as usize) {
                    n.first_child = child;
                    n.n_children = 1;
                }
                nodes.push(Node { first_child: 0, n_children: 0, label, flags: 0 });
                at = child;
            }
            if let Some(n) = nodes.get_mut(at as usize) {
                n.flags |= terminal(flags.get(lo));
            }
            pairs.push((at, lo as u32));
            continue;
        }
        let node_ix = node as usize;
        if lo < hi && keys.get(lo).is_some_and(|k| k.len() == depth) {
            if let Some(n) = nodes.get_mut(node_ix) {
                n.flags |= terminal(flags.get(lo));
            }
            pairs.push((node, lo as u32));
            lo += 1;
        }
        child_groups(keys, depth, lo, hi, &mut groups);
        let first = nodes.len() as u32;
        if let Some(n) = nodes.get_mut(node_ix) {
            n.first_child = first;
            n.n_children = groups.len() as u16;
        }
        for &(label, _, _) in &groups {
            nodes.push(Node { first_child: 0, n_children: 0, label, flags: 0 });
        }
        for (k, &(_, i, j)) in groups.iter().enumerate().rev() {
            stack.push((first + k as u32, depth + 1, i, j));
        }
    }
}

/// The children of the node of `keys[lo..hi]` at `depth` (none of which
/// ends there): per byte at `depth`, its range of keys.
fn child_groups(
    keys: &[&[u8]],
    depth: usize,
    lo: usize,
    hi: usize,
    groups: &mut Vec<(u8, usize, usize)>,
) {
    groups.clear();
    let mut i = lo;
    while i < hi {
        let byte = keys.get(i).and_then(|k| k.get(depth)).copied().unwrap_or(0);
        // Keys are sorted: the group of `byte` ends at the first larger byte.
        let rest = keys.get(i..hi).unwrap_or(&[]);
        let len = rest.partition_point(|k| k.get(depth).copied() == Some(byte));
        let j = i + len.max(1);
        groups.push((byte, i, j));
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_keys() {
        let keys: Vec<&[u8]> = vec![b"ab", b"abc", b"b", b"bd"];
        let flags = vec![KeyFlags { req: 1, mixed: false }; 4];
        let (t, order) = Trie::build(&keys, &flags);
        assert_eq!(order.len(), 4);
        let (a, _) = t.start(b'a');
        assert_ne!(a, 0);
        let (ab, flags) = t.step(a, b'b');
        assert!(flags & TERMINAL != 0);
        let (abc, _) = t.step(ab, b'c');
        let k = t.key_id(abc).unwrap();
        assert_eq!(keys[order[k] as usize], b"abc");
        assert_eq!(t.step(abc, b'c'), (0, 0));
    }

    #[test]
    fn dense_rows_agree_with_scans() {
        let words: Vec<Vec<u8>> =
            (b'a'..=b'z').flat_map(|x| (b'a'..=b'k').map(move |y| vec![x, y])).collect();
        let keys: Vec<&[u8]> = words.iter().map(Vec::as_slice).collect();
        let flags = vec![KeyFlags { req: 0, mixed: false }; keys.len()];
        let (t, order) = Trie::build(&keys, &flags);
        assert!(!t.dense.is_empty());
        for (i, k) in keys.iter().enumerate() {
            let (a, _) = t.start(k[0]);
            let (b, f) = t.step(a, k[1]);
            assert!(f & TERMINAL != 0);
            assert_eq!(order[t.key_id(b).unwrap()] as usize, i);
            assert_eq!(t.step(a, b'z'), (0, 0));
        }
    }
}
