//! Half-open byte ranges into a document's text.

use std::ops::Range;

/// A half-open range of UTF-8 byte offsets, `start..end`, into a text.
///
/// Every span this crate returns lies on `char` boundaries of the text it was
/// computed from, so [`Span::slice`] (or `&text[span.range()]`) never panics on
/// that text. The fields are public because the layout is the contract.
///
/// # Examples
///
/// ```
/// use textfacts::Span;
///
/// let text = "Aid reached Aleppo.";
/// let span = Span::new(12, 18);
/// assert_eq!(span.slice(text), Some("Aleppo"));
/// assert_eq!(span.len(), 6);
/// assert_eq!(Span::from(12..18), span);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates the span `start..end`.
    ///
    /// # Examples
    ///
    /// ```
    /// let span = textfacts::Span::new(3, 5);
    /// assert_eq!(span.range(), 3..5);
    /// ```
    #[inline]
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Number of bytes covered (zero when `end <= start`).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::Span::new(4, 10).len(), 6);
    /// ```
    #[inline]
    #[must_use]
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no byte.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(textfacts::Span::new(4, 4).is_empty());
    /// ```
    #[inline]
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The span as a `Range<usize>`, for slicing.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "in Idlib";
    /// assert_eq!(&text[textfacts::Span::new(3, 8).range()], "Idlib");
    /// ```
    #[inline]
    #[must_use]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The text the span covers, or `None` if it is out of bounds or not on
    /// `char` boundaries of `text`.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::Span;
    ///
    /// let text = "Zürich";
    /// assert_eq!(Span::new(0, 3).slice(text), Some("Zü"));
    /// assert_eq!(Span::new(0, 2).slice(text), None); // inside "ü"
    /// ```
    #[inline]
    #[must_use]
    pub fn slice<'h>(&self, text: &'h str) -> Option<&'h str> {
        text.get(self.range())
    }

    /// Whether `other` lies entirely within this span.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 5)));
    /// assert!(!Span::new(0, 4).contains(Span::new(2, 5)));
    /// ```
    #[inline]
    #[must_use]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::Span;
    /// assert!(Span::new(0, 4).overlaps(Span::new(3, 6)));
    /// assert!(!Span::new(0, 3).overlaps(Span::new(3, 6)));
    /// ```
    #[inline]
    #[must_use]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(range: Range<usize>) -> Span {
        Span { start: range.start, end: range.end }
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}
