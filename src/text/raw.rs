//! Raw pieces: UAX#29 word segments, the material the news rules work on.
//!
//! The general path asks unicode-segmentation for the first word segment of
//! the rest of the current whitespace-free chunk. The fast path answers the
//! same question for ASCII with a few byte comparisons and gives up (returns
//! `None`) as soon as it would have to look at a non-ASCII byte, because any
//! non-ASCII character may change the answer (an Extend or Format character
//! joins the previous one, WB4; a letter continues a word, WB5). A property
//! test checks both paths agree on arbitrary text.

use unicode_segmentation::UnicodeSegmentation;

/// End of the raw piece that starts at `start` in `chunk` (`start < chunk.len()`,
/// on a char boundary). Always greater than `start` and on a char boundary.
#[inline]
pub(crate) fn piece_end(chunk: &str, start: usize, fast: bool) -> usize {
    if fast {
        if let Some(end) = ascii_piece_end(chunk.as_bytes(), start) {
            return end;
        }
    }
    general_piece_end(chunk, start)
}

/// The general path: the first UAX#29 word segment of `chunk[start..]`.
pub(crate) fn general_piece_end(chunk: &str, start: usize) -> usize {
    let rest = chunk.get(start..).unwrap_or("");
    match rest.split_word_bound_indices().next() {
        Some((_, piece)) if !piece.is_empty() => start + piece.len(),
        // Unreachable for a non-empty `rest`; stepping one char keeps progress.
        _ => start + rest.chars().next().map_or(1, char::len_utf8),
    }
}

/// The UAX#29 classes that matter for ASCII text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ALetter (WB5).
    Letter,
    /// Numeric (WB8).
    Digit,
    /// ExtendNumLet `_` (WB13a/b).
    Connector,
    /// Anything that is a segment of its own in ASCII text.
    Single,
    /// A byte of a non-ASCII character (or a space): the fast path cannot decide.
    NonAscii,
}

#[inline]
fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Connector,
        // Space runs join (WB3d); chunks never hold spaces, so leave them to UAX#29.
        0x80.. | b' ' => Class::NonAscii,
        _ => Class::Single,
    }
}

/// Joins two letters across it (MidLetter `:`, MidNumLetQ `.` `'`; WB6/WB7).
#[inline]
fn is_mid_letter(b: u8) -> bool {
    matches!(b, b':' | b'.' | b'\'')
}

/// Joins two digits across it (MidNum `,` `;`, MidNumLetQ `.` `'`; WB11/WB12).
#[inline]
fn is_mid_number(b: u8) -> bool {
    matches!(b, b',' | b';' | b'.' | b'\'')
}

/// The fast path: `Some(end)` when the piece is decided by ASCII bytes alone.
#[inline]
pub(crate) fn ascii_piece_end(bytes: &[u8], start: usize) -> Option<usize> {
    let first_byte = *bytes.get(start)?;
    let first = class(first_byte);
    let next_is_ascii = |i: usize| bytes.get(i).is_none_or(|b| b.is_ascii());
    match first {
        Class::NonAscii => None,
        Class::Single => {
            // A following Extend/Format/ZWJ character would join (WB4).
            let end = start + 1;
            if !next_is_ascii(end) {
                return None;
            }
            // CR LF stays together (WB3); chunks never hold them, but the
            // fast path should not depend on that.
            if first_byte == b'\r' && bytes.get(end) == Some(&b'\n') {
                return Some(end + 1);
            }
            Some(end)
        }
        Class::Letter | Class::Digit | Class::Connector => {
            let mut last = first;
            let mut i = start + 1;
            loop {
                let Some(&b) = bytes.get(i) else { return Some(i) };
                match class(b) {
                    Class::NonAscii => return None,
                    c @ (Class::Letter | Class::Digit | Class::Connector) => {
                        last = c;
                        i += 1;
                    }
                    Class::Single => {
                        let joins = match last {
                            Class::Letter => is_mid_letter(b),
                            Class::Digit => is_mid_number(b),
                            _ => false,
                        };
                        if !joins {
                            return Some(i);
                        }
                        match bytes.get(i + 1).map(|&n| class(n)) {
                            Some(Class::NonAscii) => return None,
                            Some(c) if c == last => i += 2,
                            _ => return Some(i),
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pieces(chunk: &str, fast: bool) -> Vec<&str> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < chunk.len() {
            let end = piece_end(chunk, i, fast);
            out.push(&chunk[i..end]);
            i = end;
        }
        out
    }

    #[test]
    fn ascii_words_and_infixes() {
        assert_eq!(pieces("U.S.", true), ["U.S", "."]);
        assert_eq!(pieces("1,000.5%", true), ["1,000.5", "%"]);
        assert_eq!(pieces("don't", true), ["don't"]);
        assert_eq!(pieces("a_1.b", true), ["a_1", ".", "b"]);
        assert_eq!(pieces("3:30", true), ["3", ":", "30"]);
        assert_eq!(pieces("x:y", true), ["x:y"]);
    }

    #[test]
    fn non_ascii_falls_back() {
        assert_eq!(ascii_piece_end("café".as_bytes(), 0), None);
        assert_eq!(pieces("café’s", true), ["café’s"]);
        assert_eq!(pieces("“Hi”", true), ["“", "Hi", "”"]);
    }

    fn mixed_char() -> impl Strategy<Value = char> {
        prop_oneof![
            4 => proptest::char::range('!', '~'),
            1 => proptest::sample::select(vec![
                'é', '’', '‘', '“', '”', '\u{301}', '\u{200d}', '\u{200b}', '—', '…', 'ß', '٣',
                '日', '🇸', '🇾', '👍', '\u{5d0}', '"', '\'', '.', ':', ',', '_', '\r', '\n',
            ]),
            1 => any::<char>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn fast_path_equals_general_path(chars in proptest::collection::vec(mixed_char(), 0..40)) {
            let s: String = chars.into_iter().collect();
            prop_assert_eq!(pieces(&s, true), pieces(&s, false));
        }

        #[test]
        fn fast_path_decides_whitespace_free_ascii(s in "[!-~]{0,40}") {
            let mut i = 0;
            while i < s.len() {
                let fast = ascii_piece_end(s.as_bytes(), i);
                prop_assert_eq!(fast, Some(general_piece_end(&s, i)));
                i = general_piece_end(&s, i);
            }
        }
    }
}
