//! List items: the labels ("2.", "2)", "2.)", "b.", "b)") and bullets
//! ("•", "‣", "⁃") that open an item, which the sentence splitter treats as
//! the start of a sentence of its own.

use super::{Token, TokenKind};

/// How a label is closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Closer {
    /// "2." "b."
    Period,
    /// "2)" "b)"
    Paren,
    /// "2.)"
    PeriodParen,
}

/// A list label: its ordinal, whether it is a letter, how it is closed and
/// where it ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label {
    /// 1 for "1" and "a", 2 for "2" and "b", ...
    pub(crate) ordinal: u32,
    /// A letter label ("b)"), not a number.
    pub(crate) letter: bool,
    pub(crate) closer: Closer,
    /// Byte offset just after the label's closing mark.
    pub(crate) end: usize,
}

impl Label {
    /// Whether `next` is the label that follows this one in the same list
    /// ("2." after "1.", "c)" after "b)").
    pub(crate) fn is_followed_by(&self, next: &Label) -> bool {
        next.ordinal == self.ordinal + 1 && next.letter == self.letter && next.closer == self.closer
    }
}

/// The label that `token` begins, if it is one: one or two digits, or one
/// letter, closed by ".", ")" or ".)" and followed by whitespace. A capital
/// letter with a period ("A. Smith") is an initial, not a label.
pub(crate) fn label_at(text: &str, token: &Token<'_>) -> Option<Label> {
    let s = token.as_str().as_bytes();
    let span = token.span();
    let (ordinal, letter, marks_at) = match (token.kind(), s) {
        (TokenKind::Number, [d]) if d.is_ascii_digit() => (u32::from(d - b'0'), false, span.end),
        (TokenKind::Number, [d, e]) if d.is_ascii_digit() && e.is_ascii_digit() && *d != b'0' => {
            (u32::from(d - b'0') * 10 + u32::from(e - b'0'), false, span.end)
        }
        (TokenKind::Word, [c] | [c, b'.']) if c.is_ascii_alphabetic() => {
            let ordinal = u32::from(c.to_ascii_lowercase() - b'a') + 1;
            (ordinal, true, span.start + 1)
        }
        _ => return None,
    };
    let bytes = text.as_bytes();
    let (closer, len) = match bytes.get(marks_at..)? {
        [b'.', b')', ..] => (Closer::PeriodParen, 2),
        [b'.', ..] => (Closer::Period, 1),
        [b')', ..] => (Closer::Paren, 1),
        _ => return None,
    };
    let end = marks_at + len;
    if !bytes.get(end).is_some_and(u8::is_ascii_whitespace) {
        return None;
    }
    let initial =
        letter && closer == Closer::Period && s.first().is_some_and(u8::is_ascii_uppercase);
    (ordinal > 0 && !initial).then_some(Label { ordinal, letter, closer, end })
}

/// Bullets that open a list item wherever they stand.
#[inline]
pub(crate) fn is_bullet(s: &str) -> bool {
    // Every bullet is three bytes from 0xE2: one comparison for ASCII words.
    s.as_bytes().first().is_some_and(|&b| b == 0xE2)
        && matches!(s, "•" | "‣" | "⁃" | "◦" | "▪" | "●")
}

/// Marks that open a list item at the start of a line when a space or a
/// numbered label follows ("- boots", "* a coat", "*2. Wait").
pub(crate) fn is_line_bullet(text: &str, token: &Token<'_>) -> bool {
    let after = text.as_bytes().get(token.span().end..).unwrap_or(&[]);
    let spaced = after.first().is_some_and(|b| *b == b' ' || *b == b'\t');
    let digits = after.iter().take(3).take_while(|b| b.is_ascii_digit()).count();
    let numbered = (1..=2).contains(&digits)
        && matches!(after.get(digits), Some(b'.' | b')'))
        && after.get(digits + 1).is_some_and(u8::is_ascii_whitespace);
    is_bullet(token.as_str()) || (matches!(token.as_str(), "-" | "*" | "–") && (spaced || numbered))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn first_label(text: &str) -> Option<(u32, bool, Closer)> {
        let token = tokens(text).next()?;
        label_at(text, &token).map(|l| (l.ordinal, l.letter, l.closer))
    }

    #[test]
    fn labels() {
        assert_eq!(first_label("1. Go"), Some((1, false, Closer::Period)));
        assert_eq!(first_label("12) Go"), Some((12, false, Closer::Paren)));
        assert_eq!(first_label("3.) Go"), Some((3, false, Closer::PeriodParen)));
        assert_eq!(first_label("b. Go"), Some((2, true, Closer::Period)));
        assert_eq!(first_label("C) Go"), Some((3, true, Closer::Paren)));
        // Not labels: an initial, a year, a decimal, nothing after the label.
        assert_eq!(first_label("A. Smith"), None);
        assert_eq!(first_label("2019. Go"), None);
        assert_eq!(first_label("1.5 Go"), None);
        assert_eq!(first_label("1."), None);
        assert_eq!(first_label("0. Go"), None);
    }

    #[test]
    fn successors() {
        let label = |text: &str| label_at(text, &tokens(text).next().unwrap()).unwrap();
        assert!(label("1. a").is_followed_by(&label("2. b")));
        assert!(!label("1. a").is_followed_by(&label("3. b")));
        assert!(!label("1. a").is_followed_by(&label("2) b")));
        assert!(label("a) x").is_followed_by(&label("b) y")));
        assert!(!label("a) x").is_followed_by(&label("2) y")));
    }
}
