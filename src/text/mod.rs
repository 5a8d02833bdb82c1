//! Tokens and sentences: the bottom layer every other capability stands on.
//!
//! Tokens follow UAX#29 word boundaries (unicode-segmentation) with the rules
//! news text needs on top (see `rules`); sentences are built from tokens.
//! Both work on `&str` and allocate nothing per token.

mod abbreviations;
mod blocks;
pub(crate) mod chars;
mod labels;
mod raw;
mod rules;
mod sentence;
pub(crate) mod words;

pub(crate) use blocks::Blocks;
pub(crate) use sentence::SentenceSplitter;
pub use sentence::{sentences, Sentence, Sentences};

use crate::span::Span;
use std::iter::FusedIterator;

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
    /// Every kind, in declaration order (a kind's number is its place here;
    /// the JSON writer's per-kind tails are built from it).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) const ALL: [TokenKind; 7] = [
        TokenKind::Word,
        TokenKind::Number,
        TokenKind::Punct,
        TokenKind::Symbol,
        TokenKind::Url,
        TokenKind::Email,
        TokenKind::Other,
    ];

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
/// Tokens follow Unicode word boundaries (UAX#29) with the rules news needs:
/// punctuation runs ("...", "?!") stay whole; abbreviations and initials keep
/// their period ("Mr.", "U.S."); URLs, e-mail addresses, clock times and
/// numbers with separators ("12,400", "6.8") are one token; English clitics
/// split as Universal Dependencies splits syntactic words ("do" + "n't",
/// "Syria" + "'s"); a hyphen between words is its own token except after a
/// prefix such as "non-" or "e-".
///
/// # Examples
///
/// ```
/// let words: Vec<&str> = textfacts::tokens("Over 60 killed").map(|t| t.as_str()).collect();
/// assert_eq!(words, ["Over", "60", "killed"]);
///
/// let text = "Mr. Assad's forces didn't stop...";
/// let words: Vec<&str> = textfacts::tokens(text).map(|t| t.as_str()).collect();
/// assert_eq!(words, ["Mr.", "Assad", "'s", "forces", "did", "n't", "stop", "..."]);
/// ```
#[must_use]
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0, chunk_end: 0, fast: true }
}

/// The same tokens as [`tokens`], computed without the ASCII fast path.
#[cfg(test)]
pub(crate) fn tokens_general(text: &str) -> Tokens<'_> {
    Tokens { fast: false, ..tokens(text) }
}

/// Iterator over the [`Token`]s of a text, created by [`tokens`].
///
/// # Examples
///
/// ```
/// let mut it = textfacts::tokens("Hi!");
/// assert_eq!(it.next().map(|t| t.as_str()), Some("Hi"));
/// assert_eq!(it.next().map(|t| t.as_str()), Some("!"));
/// assert_eq!(it.next(), None);
/// ```
#[derive(Debug, Clone)]
pub struct Tokens<'h> {
    text: &'h str,
    /// Start of the next token (or of the whitespace before it).
    pos: usize,
    /// End of the whitespace-free chunk `pos` lies in, when `pos < chunk_end`;
    /// measured only when a token needs more than the common fast path.
    chunk_end: usize,
    /// Whether raw pieces may come from the ASCII fast path.
    fast: bool,
}

impl<'h> Tokens<'h> {
    /// Skips whitespace from `pos`. Returns `false` at the end of the text.
    #[inline]
    fn skip_whitespace(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        let found = loop {
            let Some(&b) = bytes.get(i) else { break false };
            match BYTE_CLASS[usize::from(b)] {
                SPACE => i += 1,
                NON_ASCII => match self.text.get(i..).and_then(|s| s.chars().next()) {
                    Some(c) if c.is_whitespace() => i += c.len_utf8(),
                    _ => break true,
                },
                _ => break true,
            }
        };
        self.pos = i;
        found
    }

    /// End of the chunk holding `pos`: the next whitespace or the text's end.
    fn chunk_end(&self) -> usize {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        while let Some(&b) = bytes.get(i) {
            match BYTE_CLASS[usize::from(b)] {
                PLAIN => i += 1,
                SPACE => break,
                _ => match self.text.get(i..).and_then(|s| s.chars().next()) {
                    Some(c) if !c.is_whitespace() => i += c.len_utf8(),
                    _ => break,
                },
            }
        }
        i
    }
}

const PLAIN: u8 = 0;
const SPACE: u8 = 1;
const NON_ASCII: u8 = 2;

/// What a byte means for chunking: ASCII whitespace (`char::is_whitespace`
/// for ASCII: tab, LF, VT, FF, CR, space), a non-ASCII lead or continuation
/// byte, or anything else.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [PLAIN; 256];
    let mut b = 0x80;
    while b < 256 {
        table[b] = NON_ASCII;
        b += 1;
    }
    table[b'\t' as usize] = SPACE;
    table[b'\n' as usize] = SPACE;
    table[0x0b] = SPACE;
    table[0x0c] = SPACE;
    table[b'\r' as usize] = SPACE;
    table[b' ' as usize] = SPACE;
    table
};

impl<'h> Iterator for Tokens<'h> {
    type Item = Token<'h>;

    #[inline]
    fn next(&mut self) -> Option<Token<'h>> {
        if self.pos >= self.chunk_end && !self.skip_whitespace() {
            return None;
        }
        let start = self.pos;
        let (found, limit) =
            match self.fast.then(|| rules::common_token(self.text.as_bytes(), start)) {
                Some(Some(found)) => (found, self.text.len()),
                _ => {
                    if self.chunk_end <= start {
                        self.chunk_end = self.chunk_end();
                    }
                    (rules::token_at(self.text, self.chunk_end, start, self.fast), self.chunk_end)
                }
            };
        // Always make progress and stay inside the chunk, whatever a rule said.
        let end = found.end.max(start + 1).min(limit);
        let end = (end..limit).find(|&e| self.text.is_char_boundary(e)).unwrap_or(limit);
        self.pos = end;
        let text = self.text.get(start..end).unwrap_or("");
        Some(Token { text, span: Span::new(start, end), kind: found.kind })
    }
}

impl FusedIterator for Tokens<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).map(|t| t.as_str()).collect()
    }

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        tokens(text).map(|t| (t.as_str(), t.kind())).collect()
    }

    #[test]
    fn whitespace_is_not_a_token() {
        assert!(words(" \t\n\u{a0}\u{3000} ").is_empty());
        assert_eq!(words("a\u{a0}b"), ["a", "b"]);
    }

    #[test]
    fn punctuation_runs_stay_whole() {
        assert_eq!(
            words("Wait... what?! No -- never!!!"),
            ["Wait", "...", "what", "?!", "No", "--", "never", "!!!"]
        );
        assert_eq!(words("end.\" Next"), ["end", ".", "\"", "Next"]);
        assert_eq!(words("so…"), ["so", "…"]);
    }

    #[test]
    fn abbreviations_and_initials_keep_their_period() {
        assert_eq!(
            words("Mr. Smith of the U.S. met Gen. J. Doe of Acme Inc. on Oct. 5."),
            [
                "Mr.", "Smith", "of", "the", "U.S.", "met", "Gen.", "J.", "Doe", "of", "Acme",
                "Inc.", "on", "Oct.", "5", "."
            ]
        );
        assert_eq!(words("e.g. at 5 p.m. etc."), ["e.g.", "at", "5", "p.m.", "etc."]);
        assert_eq!(words("No. 5 but I said no."), ["No.", "5", "but", "I", "said", "no", "."]);
        assert_eq!(words("They left."), ["They", "left", "."]);
    }

    #[test]
    fn urls_and_emails_are_one_token() {
        assert_eq!(
            kinds("See https://example.org/a?b=c(d)."),
            [
                ("See", TokenKind::Word),
                ("https://example.org/a?b=c(d)", TokenKind::Url),
                (".", TokenKind::Punct)
            ]
        );
        assert_eq!(words("(www.bbc.co.uk/news)"), ["(", "www.bbc.co.uk/news", ")"]);
        assert_eq!(
            kinds("<jane.doe@example.com>,"),
            [
                ("<", TokenKind::Symbol),
                ("jane.doe@example.com", TokenKind::Email),
                (">", TokenKind::Symbol),
                (",", TokenKind::Punct)
            ]
        );
        assert_eq!(words("Kay Mann@ENRON"), ["Kay", "Mann@ENRON"]);
        assert_eq!(words("me@home"), ["me", "@", "home"]);
    }

    #[test]
    fn numbers_with_separators_are_one_token() {
        assert_eq!(
            kinds("12,400 and 6.8 and 1,000.5"),
            [
                ("12,400", TokenKind::Number),
                ("and", TokenKind::Word),
                ("6.8", TokenKind::Number),
                ("and", TokenKind::Word),
                ("1,000.5", TokenKind::Number)
            ]
        );
        assert_eq!(
            words("at 10:30, on 11/28/2000, call 713-853-1234"),
            ["at", "10:30", ",", "on", "11/28/2000", ",", "call", "713-853-1234"]
        );
        assert_eq!(words("$5 or 5% or €3"), ["$", "5", "or", "5", "%", "or", "€", "3"]);
        assert_eq!(words("5pm 10km 5th 1990s"), ["5", "pm", "10", "km", "5th", "1990s"]);
    }

    #[test]
    fn clitics_split_like_ud() {
        assert_eq!(words("don't"), ["do", "n't"]);
        assert_eq!(
            words("Syria's we're I'm they'll she'd you've"),
            ["Syria", "'s", "we", "'re", "I", "'m", "they", "'ll", "she", "'d", "you", "'ve"]
        );
        assert_eq!(words("can’t won’t Assad’s"), ["ca", "n’t", "wo", "n’t", "Assad", "’s"]);
        assert_eq!(words("O'Brien's o'clock"), ["O'Brien", "'s", "o'clock"]);
        assert_eq!(words("gonna cannot dont"), ["gon", "na", "can", "not", "do", "nt"]);
        assert_eq!(words("the students' 's"), ["the", "students", "'", "'s"]);
        // Stacked clitics each split off.
        assert_eq!(words("We'd've mightn't've"), ["We", "'d", "'ve", "might", "n't", "'ve"]);
    }

    #[test]
    fn hyphens_follow_ud() {
        assert_eq!(words("a counter-attack"), ["a", "counter-attack"]);
        assert_eq!(
            words("twenty-seven well-known"),
            ["twenty", "-", "seven", "well", "-", "known"]
        );
        assert_eq!(words("non-stop e-mail re-elected"), ["non-stop", "e-mail", "re-elected"]);
        assert_eq!(words("1990-2000 and/or"), ["1990", "-", "2000", "and", "/", "or"]);
        assert_eq!(words("th- the"), ["th-", "the"]);
    }

    #[test]
    fn missing_space_after_a_period() {
        assert_eq!(words("president.In the"), ["president", ".", "In", "the"]);
        assert_eq!(words("Hello.World"), ["Hello", ".", "World"]);
        assert_eq!(words("on Tuesday.Mr. Smith"), ["on", "Tuesday", ".", "Mr.", "Smith"]);
        // Initialisms, abbreviations, domains and initials keep their period.
        assert_eq!(
            words("Ph.D. bbc.co.uk www.Example.com St.Louis Newsfeed.Com J.Smith"),
            ["Ph.D.", "bbc.co.uk", "www.Example.com", "St.Louis", "Newsfeed.Com", "J.Smith"]
        );
        assert_eq!(words("Ann.Lee@example"), ["Ann.Lee", "@", "example"]);
    }

    #[test]
    fn mailto_and_bracketed_urls() {
        assert_eq!(
            kinds("<mailto:ann@example.org>"),
            [
                ("<", TokenKind::Symbol),
                ("mailto:ann@example.org", TokenKind::Url),
                (">", TokenKind::Symbol)
            ]
        );
        for (text, url) in [
            ("(https://example.org/a_(b))", "https://example.org/a_(b)"),
            ("[http://example.org/x]", "http://example.org/x"),
            ("\"www.example.org/y\",", "www.example.org/y"),
            ("'http://example.org/'", "http://example.org/"),
            ("“https://example.org/z?q=1”.", "https://example.org/z?q=1"),
            ("<http://example.org>", "http://example.org"),
        ] {
            let toks = kinds(text);
            assert!(toks.contains(&(url, TokenKind::Url)), "{text}: {toks:?}");
        }
    }

    #[test]
    fn degrees_and_clock_abbreviations_are_one_token() {
        assert_eq!(
            kinds("40°C and 98.6°F."),
            [
                ("40°C", TokenKind::Number),
                ("and", TokenKind::Word),
                ("98.6°F", TokenKind::Number),
                (".", TokenKind::Punct)
            ]
        );
        assert_eq!(
            words("at 11p.m. and 7A.M. or 9 a.m."),
            ["at", "11p.m.", "and", "7A.M.", "or", "9", "a.m."]
        );
        assert_eq!(
            words("N°. 4 and Nº 5 but N°x"),
            ["N°.", "4", "and", "Nº", "5", "but", "N", "°", "x"]
        );
    }

    #[test]
    fn other_shapes() {
        assert_eq!(words("AT&T and R&D"), ["AT&T", "and", "R&D"]);
        assert_eq!(words("great :) ok"), ["great", ":)", "ok"]);
        assert_eq!(words("«Zürich» 東京"), ["«", "Zürich", "»", "東", "京"]);
        assert_eq!(kinds("👍"), [("👍", TokenKind::Symbol)]);
        assert_eq!(kinds("\u{1}"), [("\u{1}", TokenKind::Other)]);
    }

    #[test]
    fn long_chunks_stay_linear() {
        // Each would take minutes if any rule rescanned the chunk per token.
        for unit in ["1-", "a.", "a-", "x@", "-.", "'s", "http://a.b/", "((", ":)", "a'", "1/"] {
            let text = unit.repeat(10_000);
            let n = tokens(&text).count();
            assert!(n > 0 && n <= text.len(), "{unit}");
            assert!(sentences(&text).count() <= n);
        }
    }

    #[test]
    fn token_kinds_have_json_names() {
        let names: Vec<&str> = TokenKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(names, ["word", "number", "punct", "symbol", "url", "email", "other"]);
    }

    fn newsy_char() -> impl Strategy<Value = char> {
        prop_oneof![
            6 => proptest::char::range(' ', '~'),
            1 => proptest::sample::select(vec![
                '\n', '\t', '’', '‘', '“', '”', '—', '–', '…', 'é', '\u{301}', '\u{200d}', '\u{a0}',
                '€', '👍', '🇸', 'ß', '日', '@', '.', '\'', '-', '/', ':',
            ]),
            1 => any::<char>(),
        ]
    }

    fn newsy_text() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::collection::vec(newsy_char(), 0..60).prop_map(|v| v.into_iter().collect()),
            proptest::collection::vec(
                proptest::sample::select(vec![
                    "Mr.",
                    "U.S.",
                    "don't",
                    "Syria's",
                    "12,400",
                    "6.8",
                    "...",
                    "?!",
                    "http://a.b/c",
                    "a@b.com",
                    "non-stop",
                    "counter-attack",
                    "5pm",
                    "10:30",
                    "\"",
                    "(",
                    ")",
                    " ",
                    "\n\n",
                    "No.",
                    "5",
                    "The",
                    "he",
                    "etc.",
                    "J.",
                    "’s",
                    "—",
                    ".",
                ]),
                0..30,
            )
            .prop_map(|v| v.concat()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn spans_are_ordered_and_cover_all_non_whitespace(text in newsy_text()) {
            let mut covered = 0;
            for tok in tokens(&text) {
                let span = tok.span();
                prop_assert!(span.start < span.end, "empty token at {}", span.start);
                prop_assert!(span.start >= covered, "overlap at {}", span.start);
                prop_assert_eq!(span.slice(&text), Some(tok.as_str()));
                // The gap before a token is whitespace only.
                let gap = text.get(covered..span.start).unwrap_or("x");
                prop_assert!(gap.chars().all(char::is_whitespace), "gap {:?}", gap);
                prop_assert!(!tok.as_str().starts_with(char::is_whitespace));
                covered = span.end;
            }
            let tail = text.get(covered..).unwrap_or("x");
            prop_assert!(tail.chars().all(char::is_whitespace), "uncovered tail {:?}", tail);
        }

        #[test]
        fn ascii_fast_path_equals_general_path(text in newsy_text()) {
            let fast: Vec<Token<'_>> = tokens(&text).collect();
            let general: Vec<Token<'_>> = tokens_general(&text).collect();
            prop_assert_eq!(fast, general);
        }

        #[test]
        fn arbitrary_unicode_never_panics(text in any::<String>()) {
            let n = tokens(&text).count();
            prop_assert!(n <= text.len());
            prop_assert!(sentences(&text).count() <= n);
        }
    }
}
