//! Case and accent folding of single characters, and the character classes
//! that decide word boundaries and capitalisation.
//!
//! Folding is per character and context free, so the matcher can fold the text
//! on the fly while it walks the name trie: spans then point straight into the
//! original text and no folded copy or offset map is ever built.

use super::fold_table::{FOLD, MARKS};
use crate::text::chars::BmpBits;

/// Class bit: part of a word (letter, digit, combining mark).
pub(crate) const WORD: u8 = 1;
/// Class bit: a capital (uppercase or titlecase letter).
pub(crate) const UPPER: u8 = 2;
/// Class bit: whitespace (any run of it matches any run in a name).
pub(crate) const SPACE: u8 = 4;
/// Class bit: an apostrophe (', ’, ʼ, ‘): inside a word unless a possessive.
pub(crate) const APOS: u8 = 8;
/// Class bit: a byte that starts a multi-byte character (decode it).
pub(crate) const NON_ASCII: u8 = 16;

/// Classes of the 256 byte values (ASCII exactly; >= 0x80 only `NON_ASCII`).
pub(crate) static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            WORD | UPPER
        } else if c.is_ascii_lowercase() || c.is_ascii_digit() {
            WORD
        } else if c == b' ' || c == b'\t' || c == b'\n' || c == b'\r' || c == 0x0b || c == 0x0c {
            SPACE
        } else if c == b'\'' {
            APOS
        } else if c >= 0x80 {
            NON_ASCII
        } else {
            0
        };
        b += 1;
    }
    t
};

/// ASCII folding: lowercase letters, whitespace becomes one space.
pub(crate) static BYTE_FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        t[b] = if c == b'\t' || c == b'\n' || c == b'\r' || c == 0x0b || c == 0x0c {
            b' '
        } else {
            c.to_ascii_lowercase()
        };
        b += 1;
    }
    t
};

/// Whether `c` is a nonspacing or enclosing combining mark.
pub(crate) fn is_mark(c: char) -> bool {
    if (c as u32) < 0x300 {
        return false;
    }
    MARKS
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Whether `c` is an apostrophe look-alike (all fold to `'`).
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{FF07}')
}

/// A capital: uppercase, or titlecase (changes when lowercased and is not lowercase).
pub(crate) fn is_capital(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    c.is_uppercase() || (!c.is_lowercase() && c.to_lowercase().next() != Some(c))
}

/// The class bits of any character (see the constants above).
#[cfg(test)]
pub(crate) fn char_class(c: char) -> u8 {
    let class = shape_class(c);
    if class & WORD != 0 && is_capital(c) {
        class | UPPER
    } else {
        class
    }
}

/// The class bits without `UPPER` (cheaper for caseless scripts).
pub(crate) fn shape_class(c: char) -> u8 {
    if c.is_ascii() {
        return BYTE_CLASS[c as usize] & !UPPER;
    }
    if is_apostrophe(c) {
        APOS
    } else if ('\u{2010}'..='\u{2027}').contains(&c) || ('\u{2030}'..='\u{205E}').contains(&c) {
        // General punctuation (dashes, quotes, bullets): common in news, never words.
        0
    } else if c.is_whitespace() {
        SPACE
    } else if is_word_slow(c) {
        WORD
    } else {
        0
    }
}

/// Word bits of the Basic Multilingual Plane, filled a block at a time on
/// first use: `char::is_alphanumeric` searches large tables (hundreds of
/// instructions for a Devanagari letter).
static WORD_BITS: BmpBits = BmpBits::new();

/// Whether a non-ASCII character that is not punctuation or space is part of
/// a word (letter, digit or combining mark).
fn is_word_slow(c: char) -> bool {
    WORD_BITS.get(c, |c| c.is_alphanumeric() || is_mark(c))
}

/// Whether `c` is part of a word.
pub(crate) fn is_word(c: char) -> bool {
    shape_class(c) & WORD != 0
}

/// The folded form of one character, as UTF-8 bytes (empty for marks).
///
/// Whitespace folds to one space; callers collapse runs.
#[derive(Clone, Copy)]
pub(crate) struct Folded {
    buf: [u8; 16],
    len: u8,
}

impl Folded {
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.buf.get(..usize::from(self.len)).unwrap_or(&[])
    }

    fn push_str(&mut self, s: &str) {
        for &b in s.as_bytes() {
            if let Some(slot) = self.buf.get_mut(usize::from(self.len)) {
                *slot = b;
                self.len = self.len.saturating_add(1);
            }
        }
    }
}

/// Folds one character.
pub(crate) fn fold_char(c: char) -> Folded {
    let mut out = Folded { buf: [0; 16], len: 0 };
    if c.is_ascii() {
        out.buf[0] = BYTE_FOLD[c as usize];
        out.len = 1;
        return out;
    }
    if c.is_whitespace() {
        out.push_str(" ");
        return out;
    }
    if matches!(c, '\u{201A}'..='\u{2031}' | '\u{2033}'..='\u{205E}') {
        // General punctuation past the dashes and apostrophes folds to itself.
        let mut tmp = [0u8; 4];
        out.push_str(c.encode_utf8(&mut tmp));
        return out;
    }
    match FOLD.binary_search_by(|&(k, _)| k.cmp(&c)) {
        Ok(i) => {
            if let Some(&(_, f)) = FOLD.get(i) {
                out.push_str(f);
            }
        }
        Err(_) => {
            if !is_mark(c) {
                let mut tmp = [0u8; 4];
                for l in c.to_lowercase() {
                    out.push_str(l.encode_utf8(&mut tmp));
                }
            }
        }
    }
    out
}

/// Appends the folded form of a name to `out`: every character folded,
/// whitespace runs collapsed to one space, leading and trailing space trimmed.
/// ASCII bytes are folded by table, without decoding.
pub(crate) fn fold_name_into(name: &str, out: &mut Vec<u8>) {
    let begin = out.len();
    let mut pending_space = false;
    let bytes = name.as_bytes();
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        let folded = if b < 0x80 {
            i += 1;
            if BYTE_CLASS[usize::from(b)] & SPACE != 0 {
                pending_space = out.len() > begin;
                continue;
            }
            None
        } else {
            let Some(c) = char_at(name, i) else { break };
            i += c.len_utf8();
            if c.is_whitespace() {
                pending_space = out.len() > begin;
                continue;
            }
            let f = fold_char(c);
            if f.as_bytes().is_empty() {
                continue;
            }
            Some(f)
        };
        if pending_space {
            out.push(b' ');
            pending_space = false;
        }
        match folded {
            None => out.push(BYTE_FOLD[usize::from(b)]),
            Some(f) => out.extend_from_slice(f.as_bytes()),
        }
    }
}

/// The folded form of a text as a `String` (the public normalisation).
pub(crate) fn fold_str(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    fold_name_into(text, &mut out);
    // Folding maps whole characters to whole characters: the bytes are UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// Decodes the character starting at byte `i` of a valid UTF-8 text.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The character ending at byte `i` of a valid UTF-8 text.
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> String {
        fold_str(s)
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(f("Zürich"), "zurich");
        assert_eq!(f("Zu\u{308}rich"), "zurich");
        assert_eq!(f("İstanbul"), "istanbul");
        assert_eq!(f("Straße"), "strasse");
        assert_eq!(f("STRAẞE"), "strasse");
        assert_eq!(f("Łódź"), "lodz");
        assert_eq!(f("Ἀθῆναι"), "αθηναι");
        assert_eq!(f("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(f("Guinea–Bissau"), "guinea-bissau");
        assert_eq!(f("  New\u{a0}\n York "), "new york");
        assert_eq!(f("Москва"), "москва");
    }

    #[test]
    fn cached_word_bits_agree() {
        for code in (0x80..0x11000).step_by(3).chain([0x905, 0x964, 0x966, 0x1F600]) {
            if let Some(c) = char::from_u32(code) {
                assert_eq!(is_word_slow(c), c.is_alphanumeric() || is_mark(c), "{code:#x}");
            }
        }
    }

    #[test]
    fn classes() {
        assert_eq!(char_class('A'), WORD | UPPER);
        assert_eq!(char_class('é'), WORD);
        assert_eq!(char_class('É'), WORD | UPPER);
        assert_eq!(char_class('\u{301}'), WORD);
        assert_eq!(char_class('’'), APOS);
        assert_eq!(char_class('\u{a0}'), SPACE);
        assert_eq!(char_class('-'), 0);
        assert_eq!(char_class('ǅ'), WORD | UPPER);
        assert!(FOLD.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(MARKS.windows(2).all(|w| w[0].1 < w[1].0));
    }
}
