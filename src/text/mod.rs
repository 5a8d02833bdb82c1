//! Tokens and sentences: the bottom layer every other capability stands on.
//!
//! PLACEHOLDER: a plain UAX#29 tokenizer; the news rules land with the tokenizer issue.

mod sentence;

pub use sentence::{sentences, Sentence, Sentences};

use crate::Span;
use std::iter::FusedIterator;
use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

/// What a [`Token`] is.
///
/// # Examples
///
/// ```
/// use textfacts::TokenKind;
/// let kinds: Vec<TokenKind> = textfacts::tokens("27 killed.").map(|t| t.kind()).collect();
/// assert_eq!(kinds, [TokenKind::Number, TokenKind::Word, TokenKind::Punct]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters (possibly with digits, marks, inner apostrophes or periods).
    Word,
    /// Digits, possibly with thousands separators and a decimal point.
    Number,
    /// Punctuation: a run of the same mark ("...", "--") stays one token.
    Punct,
    /// Symbols such as currency signs, `%`, `+`, emoji.
    Symbol,
    /// A URL.
    Url,
    /// An e-mail address.
    Email,
    /// Anything else (unassigned or control characters).
    Other,
}

impl TokenKind {
    /// The lowercase name used in JSON output (`"word"`, `"number"`, `"punct"`, ...).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::TokenKind::Punct.as_str(), "punct");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Other => "other",
        }
    }
}

/// One token of a text: its byte span, its text and its kind.
///
/// # Examples
///
/// ```
/// let text = "Shelling hit Aleppo.";
/// let tok = textfacts::tokens(text).nth(2).unwrap();
/// assert_eq!(tok.as_str(), "Aleppo");
/// assert_eq!((tok.span().start, tok.span().end), (13, 19));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'h> {
    text: &'h str,
    span: Span,
    kind: TokenKind,
}

impl<'h> Token<'h> {
    /// The token's byte span in the text it came from.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::tokens(" hi").next().unwrap().span(), textfacts::Span::new(1, 3));
    /// ```
    #[inline]
    #[must_use]
    pub fn span(&self) -> Span {
        self.span
    }

    /// The token's text.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::tokens("hi").next().unwrap().as_str(), "hi");
    /// ```
    #[inline]
    #[must_use]
    pub fn as_str(&self) -> &'h str {
        self.text
    }

    /// The token's kind.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::tokens("hi").next().unwrap().kind(), textfacts::TokenKind::Word);
    /// ```
    #[inline]
    #[must_use]
    pub fn kind(&self) -> TokenKind {
        self.kind
    }
}

/// Splits `text` into tokens. Whitespace is never a token.
///
/// # Examples
///
/// ```
/// let words: Vec<&str> = textfacts::tokens("Over 60 killed").map(|t| t.as_str()).collect();
/// assert_eq!(words, ["Over", "60", "killed"]);
/// ```
#[must_use]
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { inner: text.split_word_bound_indices() }
}

/// Iterator over the [`Token`]s of a text, created by [`tokens`].
#[derive(Debug, Clone)]
pub struct Tokens<'h> {
    inner: UWordBoundIndices<'h>,
}

impl<'h> Iterator for Tokens<'h> {
    type Item = Token<'h>;

    fn next(&mut self) -> Option<Token<'h>> {
        for (start, piece) in self.inner.by_ref() {
            if piece.chars().all(char::is_whitespace) {
                continue;
            }
            let kind = classify(piece);
            return Some(Token { text: piece, span: Span::new(start, start + piece.len()), kind });
        }
        None
    }
}

impl FusedIterator for Tokens<'_> {}

fn classify(piece: &str) -> TokenKind {
    let first = piece.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() {
        TokenKind::Number
    } else if first.is_alphanumeric() {
        TokenKind::Word
    } else if first.is_ascii_punctuation()
        && !matches!(first, '$' | '%' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~')
    {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}
