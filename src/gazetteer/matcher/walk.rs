//! The trie walk over the text folded on the fly, and the word-boundary
//! rules a match must meet at its start and end.

use super::super::fold::{
    char_at, char_before, fold_char, is_apostrophe, is_word, shape_class, APOS, BYTE_CLASS,
    BYTE_FOLD, NON_ASCII, SPACE, WORD,
};
use super::super::trie::{REQ_SHIFT, TERMINAL};
use super::{Found, Matcher, REQ_ANY, REQ_CAPS, REQ_TITLE};

impl Matcher {
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
pub(super) fn blocked_at(text: &str, i: usize) -> bool {
    let Some(&byte) = i.checked_sub(1).and_then(|p| text.as_bytes().get(p)) else { return false };
    let class = BYTE_CLASS[usize::from(byte)];
    if class & (NON_ASCII | APOS) == 0 {
        return class & WORD != 0;
    }
    let Some(prev) = char_before(text, i) else { return false };
    is_word(prev)
        || (is_apostrophe(prev) && char_before(text, i - prev.len_utf8()).is_some_and(is_word))
}
