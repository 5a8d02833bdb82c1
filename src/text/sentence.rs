//! Sentence boundaries.
//!
//! PLACEHOLDER: plain UAX#29 sentences; the news rules land with the tokenizer issue.

use crate::Span;
use std::iter::FusedIterator;
use unicode_segmentation::{USentenceBoundIndices, UnicodeSegmentation};

/// One sentence of a text: its byte span (without surrounding whitespace) and text.
///
/// # Examples
///
/// ```
/// let text = "Two died. Five were hurt.";
/// let second = textfacts::sentences(text).nth(1).unwrap();
/// assert_eq!(second.as_str(), "Five were hurt.");
/// assert_eq!(second.span(), textfacts::Span::new(10, 25));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence<'h> {
    text: &'h str,
    span: Span,
}

impl<'h> Sentence<'h> {
    /// The sentence's byte span.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::sentences(" Hi.").next().unwrap().span(), textfacts::Span::new(1, 4));
    /// ```
    #[inline]
    #[must_use]
    pub fn span(&self) -> Span {
        self.span
    }

    /// The sentence's text.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::sentences("Hi. Bye.").next().unwrap().as_str(), "Hi.");
    /// ```
    #[inline]
    #[must_use]
    pub fn as_str(&self) -> &'h str {
        self.text
    }
}

/// Splits `text` into sentences.
///
/// # Examples
///
/// ```
/// let n = textfacts::sentences("Rain fell. Rivers rose.").count();
/// assert_eq!(n, 2);
/// ```
#[must_use]
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences { inner: text.split_sentence_bound_indices() }
}

/// Iterator over the [`Sentence`]s of a text, created by [`sentences`].
#[derive(Debug, Clone)]
pub struct Sentences<'h> {
    inner: USentenceBoundIndices<'h>,
}

impl<'h> Iterator for Sentences<'h> {
    type Item = Sentence<'h>;

    fn next(&mut self) -> Option<Sentence<'h>> {
        for (start, piece) in self.inner.by_ref() {
            let trimmed_start = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            if trimmed.is_empty() {
                continue;
            }
            let s = start + trimmed_start;
            return Some(Sentence { text: trimmed, span: Span::new(s, s + trimmed.len()) });
        }
        None
    }
}

impl FusedIterator for Sentences<'_> {}
