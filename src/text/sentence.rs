//! Sentence boundaries.
//!
//! Sentences are runs of tokens. A sentence ends after terminal punctuation
//! ("." "!" "?" "..." and runs of them) plus any closing quotes and brackets
//! attached to it, when the next token can start a sentence; never after a
//! title ("Mr.", "Gen."), an initial ("J.") or "No." before a number; after
//! other abbreviations ("Inc.", "U.S.") only before a typical sentence opener.
//! A blank line always ends a sentence, and so does the end of a headline
//! line (a line on its own without final punctuation).

use super::abbreviations::{abbreviation, follows_its_head, is_single_letter, Abbreviation};
use super::labels::{is_bullet, is_line_bullet, label_at, Label};
use super::words::{
    AFTER_CLOCK, BEFORE_NAMES, DAY_NAMES, GREETINGS, MONTH_ABBREVIATIONS, MONTH_NAMES, OPENERS,
    SIGN_OFFS,
};
use super::{Token, TokenKind, Tokens};
use crate::span::Span;
use std::iter::FusedIterator;

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

    /// The part of this sentence inside `range`, if any (a sentence cut by
    /// block boundaries, see `text::blocks`).
    pub(crate) fn clipped(&self, full_text: &'h str, range: Span) -> Option<Sentence<'h>> {
        let span = Span::new(self.span.start.max(range.start), self.span.end.min(range.end));
        if span.start >= span.end {
            return None;
        }
        Some(Sentence { text: span.slice(full_text)?, span })
    }
}

/// Splits `text` into sentences.
///
/// # Examples
///
/// ```
/// let n = textfacts::sentences("Rain fell. Rivers rose.").count();
/// assert_eq!(n, 2);
///
/// let text = "Mr. J. Smith of Acme Inc. spoke. \"Stay,\" he said.\n\nNo. 5 is next.";
/// let all: Vec<&str> = textfacts::sentences(text).map(|s| s.as_str()).collect();
/// assert_eq!(all, ["Mr. J. Smith of Acme Inc. spoke.", "\"Stay,\" he said.", "No. 5 is next."]);
/// ```
#[must_use]
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences { tokens: super::tokens(text), splitter: SentenceSplitter::new(text) }
}

/// Iterator over the [`Sentence`]s of a text, created by [`sentences`].
///
/// # Examples
///
/// ```
/// let mut it = textfacts::sentences("Headline\nBody text.");
/// assert_eq!(it.next().map(|s| s.as_str()), Some("Headline"));
/// assert_eq!(it.next().map(|s| s.as_str()), Some("Body text."));
/// assert_eq!(it.next(), None);
/// ```
#[derive(Debug, Clone)]
pub struct Sentences<'h> {
    tokens: Tokens<'h>,
    splitter: SentenceSplitter<'h>,
}

impl<'h> Iterator for Sentences<'h> {
    type Item = Sentence<'h>;

    fn next(&mut self) -> Option<Sentence<'h>> {
        for token in self.tokens.by_ref() {
            if let Some(done) = self.splitter.push(token) {
                return Some(done);
            }
        }
        self.splitter.finish()
    }
}

impl FusedIterator for Sentences<'_> {}

/// What the last token means for a sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    /// Not a sentence end.
    No,
    /// "." "!" "?" (and runs without an ellipsis): ends the sentence before
    /// any token but closing punctuation; an exclamation mark after a
    /// capitalised word ("Gumbo! raised") goes on before a lowercase word unless
    /// the text starts its sentences in lowercase (see [`Casing`]).
    Full,
    /// An ellipsis ("...", "…", "?..", ". . . ."), the pronoun "I." at a
    /// clause end: ends the sentence only before a token that looks like a
    /// sentence start.
    Ellipsis,
    /// The spaced ellipsis ". . ." marks an omission inside a sentence: only
    /// a capitalised word other than "I" after it starts a new one.
    Omission,
    /// An abbreviation that may end a sentence ("Inc.", "U.S.").
    Abbreviation,
    /// A URL: web text often lists them without punctuation; "etc." too.
    Url,
}

/// Whether a text starts its sentences with lowercase words (chat, e-mail
/// written all in lowercase): measured once, the first time it matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Casing {
    Unknown,
    Lower,
    Normal,
}

/// Splits sentences from tokens pushed in text order, one at a time: a
/// sentence is known to end only when the token after it arrives. The
/// analyzer pushes the tokens it already has (see `text::blocks`), so the
/// text is tokenized once; [`Sentences`] pushes its own.
#[derive(Debug, Clone)]
pub(crate) struct SentenceSplitter<'h> {
    text: &'h str,
    open: Option<OpenSentence<'h>>,
    casing: Casing,
}

/// The sentence being read.
#[derive(Debug, Clone, Copy)]
struct OpenSentence<'h> {
    first: Token<'h>,
    last: Token<'h>,
    /// It starts a line and has stayed on it so far: it may be a headline.
    one_line: bool,
    end: End,
    /// With `End::Full`: the word before the mark is not capitalised, so a
    /// lowercase word after it may start a sentence ("it broke. then").
    lowercase_may_follow: bool,
    /// Tokens up to here belong to the sentence whatever follows ("[12]").
    absorb_until: usize,
    /// Whether the token before `last` is a date, for "05/01/2001 08:50 PM".
    date_before_last: bool,
    /// Tokens after `first`.
    tokens_len: usize,
    /// The list label the sentence opens with ("2.", "b)"), if any.
    label: Option<Label>,
    /// Periods in a row, each after one space: ". . ." marks an omission.
    spaced_periods: u8,
}

impl<'h> SentenceSplitter<'h> {
    pub(crate) fn new(text: &'h str) -> SentenceSplitter<'h> {
        SentenceSplitter { text, open: None, casing: Casing::Unknown }
    }

    /// Reads the next token; returns the sentence it ends, if any.
    pub(crate) fn push(&mut self, next: Token<'h>) -> Option<Sentence<'h>> {
        let Some(open) = &mut self.open else {
            self.open = Some(self.start(next));
            return None;
        };
        open.tokens_len += 1;
        let word = next.as_str();
        let last = open.last;
        let mut end = open.end;
        let gap = self.text.as_bytes().get(last.span.end..next.span.start).unwrap_or(&[]);
        let newlines = match gap {
            [] | [b' '] => 0,
            _ => gap.iter().filter(|&&b| b == b'\n').count(),
        };
        // A list item may start here: the sentence opened a list, the last
        // token is a colon, or this is a bullet. Checked cheaply first.
        let maybe_item = open.label.is_some() || is_mark(last.as_str(), b':') || is_bullet(word);
        let mut attached = false;
        // Inside a sentence on one line nothing can end it: the common case.
        if end != End::No || newlines != 0 || next.span.end <= open.absorb_until || maybe_item {
            let next_item = maybe_item && starts_next_item(self.text, open, &next, gap);
            if end != End::No && newlines == 0 && is_mark(word, b'[') {
                open.absorb_until = citation_end(self.text, next.span.start);
            }
            if end == End::Ellipsis && newlines == 0 && is_mark(word, b'(') {
                // '... "the plot drags [...]" (Hale 112).': a source after a
                // quotation or an ellipsis.
                open.absorb_until = open.absorb_until.max(source_end(self.text, next.span.start));
            }
            attached = next.span.end <= open.absorb_until
                || (end != End::No && gap.is_empty() && is_closer(word))
                || (end != End::No && newlines == 0 && is_emoticon(&next));
            let stop = if newlines >= 2 {
                true
            } else if attached {
                false
            } else if next_item || is_bullet(word) {
                true
            } else if newlines == 1 && is_item_start(self.text, &next) {
                // A list item on its own line: "You need:\n1. A passport".
                true
            } else if gap.is_empty() {
                // "president.In the": a period missing its space; "I
                // wonder...Is it": an ellipsis before a word that opens
                // sentences (not "to you...Rocky Linux", nor an ellipsis
                // that opens the sentence: "...Now comes").
                let capitalised = next.kind() == TokenKind::Word
                    && word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
                    && word.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase);
                capitalised
                    && (end == End::Full
                        || (end == End::Ellipsis && open.tokens_len > 1 && is_opener_word(word)))
            } else {
                match end {
                    // "It went on. ...and then": an ellipsis opening the next sentence.
                    End::Full if end_kind(&next) == End::Ellipsis => true,
                    End::Full => {
                        !word.starts_with(['.', ',', ';', ':', '?', '!', ')', ']', '}'])
                            && (!starts_lowercase(word)
                                || open.lowercase_may_follow
                                || lowercase_text(&mut self.casing, self.text))
                    }
                    End::Ellipsis => can_start(word) || next.kind() == TokenKind::Url,
                    // "jo@example.com <mailto:jo@example.com>"
                    End::Url => {
                        (can_start(word) && !opens_link(self.text, &next))
                            || next.kind() == TokenKind::Url
                    }
                    End::Omission => can_start(word) && word != "I",
                    End::Abbreviation => {
                        is_opener_word(word)
                            // "home at 6 P.M. Mrs. Cole stayed", but "By 8 a.m. Dr. Lee had".
                            || (open.tokens_len > 3
                                && is_title(word)
                                && follows_its_head(abbreviated(last.as_str())))
                            || opens_after_time(self.text, open.tokens_len, last.as_str(), &next)
                    }
                    End::No => {
                        newlines == 1
                            && open.one_line
                            && !is_continuation(last.as_str())
                            && can_start(word)
                    }
                }
            };
            if stop {
                let done = open.sentence(self.text);
                self.open = Some(self.start(next));
                return Some(done);
            }
            if newlines > 0 {
                open.one_line = false;
            }
            if attached && end == End::Full && is_closer(word) {
                // '"Why?" she asked': after a quote, a lowercase word goes on.
                end = End::Ellipsis;
            }
        }
        if !attached {
            end = end_kind(&next);
        }
        // The rarer ends, behind one test for the common word.
        if !attached && (end != End::No || word == "I.") {
            if is_mark(word, b'.') {
                // ". . ." inside a sentence marks an omission; a fourth
                // period ends the sentence ("as he said . . . . Then").
                let spaced = gap == b" " && last.as_str().ends_with('.');
                open.spaced_periods =
                    if spaced { open.spaced_periods.saturating_add(1) } else { 1 };
                end = match open.spaced_periods {
                    3 => End::Omission,
                    4.. => End::Ellipsis,
                    _ => end,
                };
            }
            if end == End::Full {
                // "He won on Jeopardy! last spring": a name with its "!".
                open.lowercase_may_follow =
                    !word.starts_with('!') || !is_capitalised(last.as_str());
            }
            if end != End::No
                && open.tokens_len == 1
                && last.kind() == TokenKind::Number
                && is_mark(word, b'.')
            {
                // "2.1. Methods": a section number is not a sentence end.
                end = End::No;
            }
            if word == "I." && is_pronoun_context(last.as_str()) {
                // "it was up to Anna and I. Nobody else came."
                end = End::Ellipsis;
            }
        }
        if next.kind() == TokenKind::Symbol {
            if is_emoticon(&next) {
                end = End::Ellipsis;
            }
            if (word == ">"
                && gap.is_empty()
                && matches!(last.kind(), TokenKind::Email | TokenKind::Url))
                || word == ">>"
            {
                // "<jo@example.com>", "<< File: notes.xls >>" close a line of
                // a message like a URL.
                end = End::Url;
            }
        }
        if open.tokens_len <= 4 && is_mark(word, b',') && is_greeting(open.first.as_str()) {
            // "Dear Mr. Horton," / "Hi Kay," opening a letter.
            end = End::Url;
        }
        if open.tokens_len <= 2 && is_mark(word, b',') && is_sign_off(open.first.as_str()) {
            // "Regards," / "Thanks," closing a letter, before the name.
            end = End::Url;
        }
        if open.date_before_last && matches!(word, "AM" | "PM") && is_clock_time(&last) {
            // "Sara Shackleton 05/01/2001 08:50 PM" heading a message.
            end = End::Url;
        }
        if open.tokens_len == 1 && open.label.is_none() && is_item_mark(open.first.as_str()) {
            // "• 4. Sign in", "*2. Next": the label after a bullet.
            open.label = label_at(self.text, &next);
            if let Some(label) = open.label {
                open.absorb_until = open.absorb_until.max(label.end);
            }
        }
        open.date_before_last = is_slash_date(&last);
        open.end = end;
        open.last = next;
        None
    }

    /// The last sentence, once every token is pushed.
    pub(crate) fn finish(&mut self) -> Option<Sentence<'h>> {
        self.open.take().map(|open| open.sentence(self.text))
    }

    /// The sentence being read, as far as it has been read.
    pub(crate) fn so_far(&self) -> Option<Sentence<'h>> {
        self.open.map(|open| open.sentence(self.text))
    }

    fn start(&self, first: Token<'h>) -> OpenSentence<'h> {
        let start = first.span.start;
        // A sentence that starts a line and stays on it may be a headline.
        let one_line = self.text.get(..start).is_none_or(|before| {
            let before = before.trim_end_matches([' ', '\t', '\r']);
            before.is_empty() || before.ends_with('\n')
        });
        // "1. Register early": the label is not a sentence end.
        let label = label_at(self.text, &first);
        OpenSentence {
            first,
            last: first,
            one_line,
            // "P.S. By the way": an abbreviation opening a sentence does not end it.
            end: match end_kind(&first) {
                End::Abbreviation => End::No,
                end => end,
            },
            lowercase_may_follow: true,
            absorb_until: label.map_or(0, |l| l.end),
            date_before_last: false,
            tokens_len: 0,
            label,
            spaced_periods: u8::from(is_mark(first.as_str(), b'.')),
        }
    }
}

impl<'h> OpenSentence<'h> {
    fn sentence(&self, text: &'h str) -> Sentence<'h> {
        let span = Span::new(self.first.span.start, self.last.span.end);
        Sentence { text: text.get(span.range()).unwrap_or(""), span }
    }
}

/// Whether `next` starts a new item of a list: the next label of the list
/// the open sentence opened ("1) Go 2) Stop", but "1) that ... and 2) that"),
/// or a label after a colon ("check the following: 1. Is the tank clean?").
fn starts_next_item(text: &str, open: &OpenSentence<'_>, next: &Token<'_>, gap: &[u8]) -> bool {
    if gap.is_empty() || !matches!(next.kind(), TokenKind::Number | TokenKind::Word) {
        return false;
    }
    let Some(label) = label_at(text, next) else { return false };
    if starts_lowercase(after_label(text, &label)) {
        return false;
    }
    let last = open.last.as_str();
    is_mark(last, b':')
        || open.label.is_some_and(|opened| opened.is_followed_by(&label) && !is_joiner(last))
}

/// Whether the text starts its sentences in lowercase, measured once: more
/// sentence-like starts (the text's first letter, and a letter after ". ",
/// "! " or "? ") are lowercase than capitalised.
fn lowercase_text(casing: &mut Casing, text: &str) -> bool {
    if *casing == Casing::Unknown {
        *casing = if starts_mostly_lowercase(text) { Casing::Lower } else { Casing::Normal };
    }
    *casing == Casing::Lower
}

fn starts_mostly_lowercase(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut lower, mut upper) = (0usize, 0usize);
    let mut count = |b: Option<&u8>| match b {
        Some(b) if b.is_ascii_lowercase() => lower += 1,
        Some(b) if b.is_ascii_uppercase() => upper += 1,
        _ => {}
    };
    count(bytes.iter().find(|b| b.is_ascii_alphabetic()));
    let mut i = 0;
    while let Some(at) = bytes.get(i..).and_then(|r| r.iter().position(|b| b"!.?".contains(b))) {
        let mark = i + at;
        let mut j = mark + 1;
        while bytes.get(j).is_some_and(|b| b"!.?\"')]".contains(b)) {
            j += 1;
        }
        i = j;
        // An ellipsis says nothing about the next word.
        let run = bytes.get(mark..j).unwrap_or(&[]);
        if run.starts_with(b"..") || !bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
            continue;
        }
        while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        count(bytes.get(j));
    }
    lower > upper
}

/// What goes on a message line after an address or attachment: "<" before
/// the address it encloses ("<mailto:jo@example.com>"), another attachment
/// ("<<notes.doc>>"), a quoted reply's ">".
fn opens_link(text: &str, token: &Token<'_>) -> bool {
    let after = text.get(token.span().end..).unwrap_or("").as_bytes();
    let starts = |p: &[u8]| after.get(..p.len()).is_some_and(|a| a.eq_ignore_ascii_case(p));
    let address = starts(b"mailto:") || starts(b"http") || starts(b"www.");
    matches!(token.as_str(), "<<" | ">") || (is_mark(token.as_str(), b'<') && address)
}

/// A capitalised word ("Gumbo"), not one in capitals ("WOW").
fn is_capitalised(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// Words and marks after which a list label goes on the same sentence.
fn is_joiner(s: &str) -> bool {
    matches!(s, "," | ";" | "and" | "or" | "&")
}

/// The text after a list label and its space.
fn after_label<'h>(text: &'h str, label: &Label) -> &'h str {
    text.get(label.end..).unwrap_or("").trim_start()
}

/// A word starting with a lowercase letter.
fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// The word before "I.": "Anna and I." is the pronoun, "Albert I." an
/// initial, "by I. Newton" a name.
fn is_pronoun_context(before: &str) -> bool {
    starts_lowercase(before) && !BEFORE_NAMES.contains(&before)
}

/// A bullet, or a star or dash that may stand for one before a label ("*2.").
fn is_item_mark(s: &str) -> bool {
    is_bullet(s) || matches!(s, "*" | "-")
}

/// A list item starting a line: a label ("2.", "b)") or a bullet ("- ", "• ").
fn is_item_start(text: &str, token: &Token<'_>) -> bool {
    is_line_bullet(text, token) || label_at(text, token).is_some()
}

/// A title with its period ("Mr.", "Dr.").
fn is_title(s: &str) -> bool {
    abbreviation(abbreviated(s)) == Some(Abbreviation::Title)
}

/// The word before an abbreviation's final period ("P.M" of "P.M."), without
/// a number glued before it ("p.m" of "11p.m.").
fn abbreviated(s: &str) -> &str {
    let s = s.strip_suffix('.').unwrap_or(s);
    s.trim_start_matches(|c: char| c.is_ascii_digit())
}

/// End of a source in parentheses after a sentence's final mark, "(Smith
/// 55)." or "(AP)" at a line's end, starting at `at` (the "("), or 0: a
/// short parenthesis starting with a capital or a digit, holding a number
/// or one or two capitalised words, not itself ending in terminal
/// punctuation, followed by a period, a line end or the text's end.
fn source_end(text: &str, at: usize) -> usize {
    const MAX_SOURCE: usize = 60;
    let bytes = text.as_bytes();
    let inside = bytes.get(at + 1..).unwrap_or(&[]);
    let Some(close) = inside.iter().take(MAX_SOURCE).position(|b| b"()\n".contains(b)) else {
        return 0;
    };
    let body = inside.get(..close).unwrap_or(&[]);
    let opens_well = body.first().is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let ends_open = body.last().is_some_and(|b| !b"!.?".contains(b) && !b.is_ascii_whitespace());
    let names = || {
        let mut words = body.split(|b| *b == b' ');
        words.clone().count() <= 2 && words.all(|w| w.first().is_some_and(u8::is_ascii_uppercase))
    };
    let cites = body.iter().any(u8::is_ascii_digit) || names();
    if inside.get(close) != Some(&b')') || !opens_well || !ends_open || !cites {
        return 0;
    }
    let mut end = at + close + 2;
    if bytes.get(end) == Some(&b'.') {
        end += 1;
    }
    let then = bytes.get(end..).unwrap_or(&[]);
    let line_ends =
        then.iter().find(|b| !matches!(b, b' ' | b'\t' | b'\r')).is_none_or(|b| *b == b'\n');
    if line_ends
        || (bytes.get(end - 1) == Some(&b'.') && then.first().is_some_and(u8::is_ascii_whitespace))
    {
        end
    } else {
        0
    }
}

/// Whether `s` is the one ASCII mark `mark`.
#[inline]
fn is_mark(s: &str, mark: u8) -> bool {
    s.len() == 1 && s.as_bytes().first() == Some(&mark)
}

fn end_kind(token: &Token<'_>) -> End {
    let s = token.as_str();
    match token.kind() {
        TokenKind::Punct if s.chars().all(is_terminal) => {
            if s.contains("..") || s.contains('…') {
                End::Ellipsis
            } else {
                End::Full
            }
        }
        // "Inc.", "U.S.", "11p.m."
        TokenKind::Word | TokenKind::Number if s.len() > 1 && s.ends_with('.') => {
            let word = abbreviated(s);
            match abbreviation(word) {
                _ if word.eq_ignore_ascii_case("etc") => End::Url,
                Some(Abbreviation::Ordinary) if !is_single_letter(word) => End::Abbreviation,
                _ => End::No,
            }
        }
        TokenKind::Url | TokenKind::Email => End::Url,
        _ => End::No,
    }
}

/// Marks that end a sentence: Latin, Devanagari danda, Arabic, CJK.
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '।' | '॥' | '؟' | '۔' | '。' | '！' | '？')
}

/// End of a bracketed reference number such as "[12]" starting at `at`, or 0.
fn citation_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let digits =
        bytes.get(at + 1..).map_or(0, |b| b.iter().take_while(|b| b.is_ascii_digit()).count());
    if (1..=3).contains(&digits) && bytes.get(at + 1 + digits) == Some(&b']') {
        at + digits + 2
    } else {
        0
    }
}

/// Words that open a letter's salutation.
fn is_greeting(s: &str) -> bool {
    GREETINGS.iter().any(|w| s.eq_ignore_ascii_case(w))
}

/// Formulas that close a letter or message: a sentence of their own.
fn is_sign_off(s: &str) -> bool {
    SIGN_OFFS.iter().any(|w| s.eq_ignore_ascii_case(w))
}

/// A date written with slashes ("05/01/2001").
fn is_slash_date(token: &Token<'_>) -> bool {
    token.kind() == TokenKind::Number && token.as_str().bytes().filter(|&b| b == b'/').count() == 2
}

/// A clock time ("08:50").
fn is_clock_time(token: &Token<'_>) -> bool {
    token.kind() == TokenKind::Number && token.as_str().contains(':')
}

/// ":)", ";-)" and the like close the sentence they follow.
fn is_emoticon(token: &Token<'_>) -> bool {
    token.kind() == TokenKind::Symbol
        && token.as_str().len() >= 2
        && token.as_str().starts_with([':', ';', '='])
}

/// Closing quotes and brackets.
fn is_closer(s: &str) -> bool {
    s.chars().all(|c| matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›'))
}

/// Whether a token can begin a sentence after terminal punctuation.
fn can_start(s: &str) -> bool {
    match s.chars().next() {
        Some(c) if c.is_alphabetic() => !c.is_lowercase(),
        Some(c) => !matches!(c, '.' | ',' | ';' | ':' | '?' | '!' | ')' | ']' | '}'),
        None => false,
    }
}

/// Marks at a line end that say the sentence goes on.
fn is_continuation(s: &str) -> bool {
    matches!(s, "," | ";" | ":" | "-" | "(" | "&" | "/" | "–" | "—")
}

/// A capitalised word after a clock time or a month's abbreviation that ends
/// its sentence ("started at 3 a.m. Firefighters arrived", "prices rose in
/// Jan. Analysts had"); not a day, month or time zone ("at 9 a.m. Monday",
/// "3 p.m. ET", "10 a.m. Moscow time", "10 a.m. Jan. 4"), nor after a time
/// that opens the sentence ("By 8 a.m. Lee had left", "In early Jan. Lee
/// left"): `tokens_len` counts the sentence's tokens after its first, `next`
/// included.
fn opens_after_time(text: &str, tokens_len: usize, last: &str, next: &Token<'_>) -> bool {
    let time = abbreviated(last);
    let word = next.as_str();
    let bytes = word.as_bytes();
    let clock = time.eq_ignore_ascii_case("a.m") || time.eq_ignore_ascii_case("p.m");
    // A clock time comes with its number: "At around 5 a.m." opens a sentence.
    ((clock && tokens_len > 4) || (tokens_len > 3 && MONTH_ABBREVIATIONS.contains(&time)))
        && next.kind() == TokenKind::Word
        && bytes.first().is_some_and(u8::is_ascii_uppercase)
        && bytes.get(1).is_some_and(u8::is_ascii_lowercase)
        && ![AFTER_CLOCK, &MONTH_NAMES, &DAY_NAMES, MONTH_ABBREVIATIONS]
            .iter()
            .any(|list| list.contains(&word.trim_end_matches('.')))
        && !text.get(next.span.end..).is_some_and(|rest| {
            let rest = rest.trim_start_matches(' ');
            rest.starts_with("time") || rest.starts_with("Time")
        })
}

/// Capitalised words that typically open a sentence: after an abbreviation
/// such as "Inc." or "U.S." they signal a sentence end; a name would not.
fn is_opener_word(s: &str) -> bool {
    OPENERS.contains(&s) || s.starts_with(['"', '“', '‘'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).map(|s| s.as_str()).collect()
    }

    #[test]
    fn terminal_punctuation_ends_a_sentence() {
        assert_eq!(
            split("Two died. Five were hurt! Why? Nobody knows..."),
            ["Two died.", "Five were hurt!", "Why?", "Nobody knows..."]
        );
        assert_eq!(split("it broke. then it rained"), ["it broke.", "then it rained"]);
        assert_eq!(split("He paused... and left."), ["He paused... and left."]);
    }

    #[test]
    fn no_break_after_titles_initials_or_numero() {
        assert_eq!(
            split("Mr. Smith met Gen. Lee and J. R. Doe. No. 5 won."),
            ["Mr. Smith met Gen. Lee and J. R. Doe.", "No. 5 won."]
        );
        assert_eq!(
            split("Acme Inc. said so. Acme Inc. The end."),
            ["Acme Inc. said so.", "Acme Inc.", "The end."]
        );
        assert_eq!(split("in the U.S. Army"), ["in the U.S. Army"]);
        assert_eq!(split("in the U.S. The army"), ["in the U.S.", "The army"]);
    }

    #[test]
    fn closing_quotes_and_brackets_stay() {
        assert_eq!(
            split("He said \"stop.\" Then (they left.) Done."),
            ["He said \"stop.\"", "Then (they left.)", "Done."]
        );
        assert_eq!(split("“Go!” He went."), ["“Go!”", "He went."]);
        assert_eq!(split("It rose.[12] Later it fell."), ["It rose.[12]", "Later it fell."]);
        assert_eq!(split("\"Why?\" she asked."), ["\"Why?\" she asked."]);
        assert_eq!(split("He won.In 2019 he lost."), ["He won.", "In 2019 he lost."]);
        assert_eq!(split("वह आया। फिर गया।"), ["वह आया।", "फिर गया।"]);
    }

    #[test]
    fn paragraphs_and_headlines() {
        assert_eq!(
            split("Floods hit Dhaka\nRains fell for days.\n\nmore text here"),
            ["Floods hit Dhaka", "Rains fell for days.", "more text here"]
        );
        // A line wrapped inside a sentence is not a headline.
        assert_eq!(
            split("The rains,\nwhich fell for days, stopped."),
            ["The rains,\nwhich fell for days, stopped."]
        );
        assert_eq!(split("1. Introduction\n\n2. Methods"), ["1. Introduction", "2. Methods"]);
    }

    #[test]
    fn spans_are_trimmed() {
        let text = "  Hi there.  Bye.  ";
        let spans: Vec<Span> = sentences(text).map(|s| s.span()).collect();
        assert_eq!(spans, [Span::new(2, 11), Span::new(13, 17)]);
        assert_eq!(sentences(" \n ").next(), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn sentences_partition_the_tokens(text in "[A-Za-z .!?\"()\n’“”]{0,80}") {
            let mut covered = 0;
            let mut tokens = super::super::tokens(&text);
            for s in sentences(&text) {
                prop_assert!(s.span().start >= covered);
                prop_assert_eq!(s.span().slice(&text), Some(s.as_str()));
                prop_assert_eq!(s.as_str().trim(), s.as_str());
                // Every sentence starts and ends on a token edge.
                let first = tokens.next();
                prop_assert_eq!(first.map(|t| t.span().start), Some(s.span().start));
                let mut last = first;
                while last.is_some_and(|t| t.span().end < s.span().end) {
                    last = tokens.next();
                }
                prop_assert_eq!(last.map(|t| t.span().end), Some(s.span().end));
                covered = s.span().end;
            }
            prop_assert_eq!(tokens.next(), None);
        }
    }
}
