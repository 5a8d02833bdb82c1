//! Converting UTF-8 byte offsets to the offsets other languages use: Unicode
//! scalar values (Python `str` indices) and UTF-16 code units (JavaScript,
//! Java, C#).

use crate::span::Span;

/// Byte offsets are sampled every `STRIDE` bytes, so a lookup scans at most
/// `STRIDE` bytes and the table costs 8 bytes per `STRIDE` bytes of text.
const STRIDE: usize = 64;

/// Converts byte offsets of one text to char (code point) and UTF-16 offsets.
///
/// Building it is one pass over the text; each conversion then costs at most a
/// short scan. For ASCII text every offset maps to itself and nothing is
/// stored.
///
/// # Examples
///
/// ```
/// use textfacts::{OffsetConverter, Span};
///
/// let text = "Zürich 😀 Aleppo";
/// let conv = OffsetConverter::new(text);
/// let aleppo = Span::new(text.find("Aleppo").unwrap(), text.len());
/// assert_eq!(aleppo, Span::new(13, 19));
/// assert_eq!(conv.char_span(aleppo), Some(Span::new(9, 15)));   // Python indices
/// assert_eq!(conv.utf16_span(aleppo), Some(Span::new(10, 16))); // JavaScript indices
/// ```
#[derive(Clone, Debug)]
pub struct OffsetConverter<'h> {
    text: &'h str,
    /// `(chars, utf16_units)` before byte `i * STRIDE`; empty for ASCII text.
    checkpoints: Vec<(u32, u32)>,
    /// Totals before each checkpoint can exceed `u32` only for texts over 4 GiB;
    /// those fall back to scanning from the start.
    wide: bool,
}

impl<'h> OffsetConverter<'h> {
    /// Prepares conversions for `text`.
    ///
    /// # Examples
    ///
    /// ```
    /// let conv = textfacts::OffsetConverter::new("naïve");
    /// assert_eq!(conv.char_offset(5), Some(4));
    /// ```
    #[must_use]
    pub fn new(text: &'h str) -> OffsetConverter<'h> {
        if text.is_ascii() {
            return OffsetConverter { text, checkpoints: Vec::new(), wide: false };
        }
        let wide = u32::try_from(text.len()).is_err();
        let mut checkpoints = Vec::new();
        if !wide {
            checkpoints.reserve(text.len() / STRIDE + 1);
            let (mut chars, mut units) = (0u32, 0u32);
            let mut next = 0usize;
            for (i, c) in text.char_indices() {
                // A checkpoint belongs to the first char starting at or after it,
                // so record every checkpoint we have passed.
                while next <= i {
                    checkpoints.push((chars, units));
                    next += STRIDE;
                }
                chars += 1;
                units += c.len_utf16() as u32;
            }
        }
        OffsetConverter { text, checkpoints, wide }
    }

    /// The `(chars, utf16 units)` before byte `offset`, or `None` if `offset`
    /// is past the end or inside a character.
    fn counts(&self, offset: usize) -> Option<(usize, usize)> {
        if !self.text.is_char_boundary(offset) {
            return None;
        }
        if self.checkpoints.is_empty() && !self.wide {
            return Some((offset, offset));
        }
        // Start from the last checkpoint at or before a char boundary <= offset.
        let mut slot = (offset / STRIDE).min(self.checkpoints.len().saturating_sub(1));
        let (mut chars, mut units, mut from) = (0usize, 0usize, 0usize);
        while let Some(&(c, u)) = self.checkpoints.get(slot) {
            let at = slot * STRIDE;
            // The checkpoint counts apply at the first char boundary >= at.
            let boundary = (at..=offset).find(|&b| self.text.is_char_boundary(b));
            if let Some(b) = boundary {
                chars = c as usize;
                units = u as usize;
                from = b;
                break;
            }
            if slot == 0 {
                break;
            }
            slot -= 1;
        }
        let piece = self.text.get(from..offset)?;
        for ch in piece.chars() {
            chars += 1;
            units += ch.len_utf16();
        }
        Some((chars, units))
    }

    /// The char (Unicode scalar value) offset of byte `offset`, or `None` if it
    /// is out of bounds or not on a char boundary.
    ///
    /// # Examples
    ///
    /// ```
    /// let conv = textfacts::OffsetConverter::new("é!");
    /// assert_eq!(conv.char_offset(2), Some(1));
    /// assert_eq!(conv.char_offset(1), None);
    /// ```
    #[must_use]
    pub fn char_offset(&self, offset: usize) -> Option<usize> {
        self.counts(offset).map(|(c, _)| c)
    }

    /// The UTF-16 code unit offset of byte `offset`, or `None` if it is out of
    /// bounds or not on a char boundary.
    ///
    /// # Examples
    ///
    /// ```
    /// let conv = textfacts::OffsetConverter::new("😀 x");
    /// assert_eq!(conv.utf16_offset(5), Some(3));
    /// ```
    #[must_use]
    pub fn utf16_offset(&self, offset: usize) -> Option<usize> {
        self.counts(offset).map(|(_, u)| u)
    }

    /// `span` in char offsets.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{OffsetConverter, Span};
    /// assert_eq!(OffsetConverter::new("ü ab").char_span(Span::new(3, 5)), Some(Span::new(2, 4)));
    /// ```
    #[must_use]
    pub fn char_span(&self, span: Span) -> Option<Span> {
        Some(Span::new(self.char_offset(span.start)?, self.char_offset(span.end)?))
    }

    /// `span` in UTF-16 code unit offsets.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{OffsetConverter, Span};
    /// assert_eq!(OffsetConverter::new("😀ab").utf16_span(Span::new(4, 6)), Some(Span::new(2, 4)));
    /// ```
    #[must_use]
    pub fn utf16_span(&self, span: Span) -> Option<Span> {
        Some(Span::new(self.utf16_offset(span.start)?, self.utf16_offset(span.end)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str, offset: usize) -> Option<(usize, usize)> {
        let prefix = text.get(..offset)?;
        Some((prefix.chars().count(), prefix.encode_utf16().count()))
    }

    #[test]
    fn matches_reference_on_mixed_text() {
        let text = "Zürich, Kyiv (Київ) and 😀 emoji; ".repeat(20) + "İstanbul ß end";
        let conv = OffsetConverter::new(&text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(conv.counts(offset), reference(&text, offset), "offset {offset}");
        }
    }

    #[test]
    fn ascii_is_identity() {
        let conv = OffsetConverter::new("plain ascii");
        assert_eq!(conv.char_offset(5), Some(5));
        assert_eq!(conv.utf16_offset(11), Some(11));
        assert_eq!(conv.char_offset(12), None);
    }

    #[test]
    fn multibyte_run_longer_than_stride() {
        let text = "😀".repeat(100) + "x";
        let conv = OffsetConverter::new(&text);
        assert_eq!(conv.char_offset(400), Some(100));
        assert_eq!(conv.utf16_offset(400), Some(200));
        assert_eq!(conv.char_offset(401), Some(101));
        assert_eq!(conv.char_offset(65), None);
    }
}
