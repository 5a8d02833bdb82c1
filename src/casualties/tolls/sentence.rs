//! A sentence that holds facts, read once as lowercase words with its comma
//! segments and cue phrases, and each fact's place among those words.

use super::words::{
    CLOCK_AFTER, EVENT_NOUNS, OTHER_EVENT, OTHER_EVENT_WORDS, OTHER_SCOPE, PAST_TIME,
    SEGMENT_BREAKS,
};
use crate::casualties::wordset::WordMap;
use crate::casualties::CasualtyFact;
use crate::numbers::words::MONTHS;
use crate::span::Span;
use crate::text::{tokens, Token, TokenKind};
use crate::util::WordHashBuild;
use once_cell::sync::Lazy;
use std::collections::HashMap;

/// The cue phrases of [`OTHER_EVENT`], [`OTHER_SCOPE`] and [`PAST_TIME`] by
/// their first word, so that each word of a sentence is looked up once.
type CuePhrases = Vec<(Cue, &'static [&'static str])>;
static CUES_BY_FIRST: Lazy<WordMap<CuePhrases>> = Lazy::new(|| {
    let mut map: HashMap<&'static str, CuePhrases, WordHashBuild> = HashMap::default();
    let lists = [(Cue::OtherEvent, OTHER_EVENT), (Cue::Scope, OTHER_SCOPE), (Cue::Past, PAST_TIME)];
    for (kind, list) in lists {
        for &cue in list {
            if let Some(first) = cue.first() {
                map.entry(*first).or_default().push((kind, cue));
            }
        }
    }
    WordMap::new(map)
});

/// One sentence that holds facts, as lowercase word tokens.
pub(super) struct SentenceWords {
    pub(super) span: Span,
    /// Absolute token spans.
    pub(super) spans: Vec<Span>,
    /// The sentence in ASCII lowercase (same byte offsets as the text).
    pub(super) lower: String,
    /// Whether each token is a number (digits).
    pub(super) digits: Vec<bool>,
    /// For each token, the index of its comma-delimited segment.
    pub(super) seg: Vec<usize>,
    /// Where cues stand in the sentence, found once for all its facts.
    pub(super) cues: Vec<(usize, Cue)>,
}

/// A kind of cue phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cue {
    /// Another event ([`OTHER_EVENT`], or [`OTHER_EVENT_WORDS`] + an event noun).
    OtherEvent,
    /// A wider scope ([`OTHER_SCOPE`]).
    Scope,
    /// A past time ([`PAST_TIME`]).
    Past,
    /// A year that is no date or clock time.
    Year,
}

impl SentenceWords {
    /// The sentences of `facts` (which come sentence by sentence) and, for
    /// each fact, the index of its sentence, each sentence tokenized anew.
    pub(super) fn read_all(
        text: &str,
        facts: &[CasualtyFact],
    ) -> (Vec<SentenceWords>, Vec<Option<usize>>) {
        let mut out = Vec::new();
        let mut of_fact = Vec::with_capacity(facts.len());
        for f in facts {
            let span = f.sentence();
            if let Some(slice) = Self::place(text, span, &out, &mut of_fact) {
                let at = |s: Span| Span::new(s.start + span.start, s.end + span.start);
                let toks = tokens(slice).map(|t| (at(t.span()), t.kind(), t.as_str()));
                out.push(SentenceWords::new(span, slice, toks));
            }
        }
        (out, of_fact)
    }

    /// As [`SentenceWords::read_all`] for the facts of one block, appending to
    /// `out` and `of_fact`: `block` holds the block's tokens (the sentences of
    /// its facts lie in it), which are read instead of tokenizing again.
    pub(super) fn read_block(
        text: &str,
        block: &[Token<'_>],
        facts: &[CasualtyFact],
        out: &mut Vec<SentenceWords>,
        of_fact: &mut Vec<Option<usize>>,
    ) {
        for f in facts {
            let span = f.sentence();
            if let Some(slice) = Self::place(text, span, out, of_fact) {
                let a = block.partition_point(|t| t.span().start < span.start);
                let b = block.partition_point(|t| t.span().start < span.end);
                let toks = block.get(a..b).unwrap_or(&[]).iter();
                out.push(SentenceWords::new(
                    span,
                    slice,
                    toks.map(|t| (t.span(), t.kind(), t.as_str())),
                ));
            }
        }
    }

    /// Gives the fact of sentence `span` its sentence's index in `of_fact`:
    /// the last of `out` when the fact shares it (facts come sentence by
    /// sentence), else the next, whose text is returned to be read.
    fn place<'t>(
        text: &'t str,
        span: Span,
        out: &[SentenceWords],
        of_fact: &mut Vec<Option<usize>>,
    ) -> Option<&'t str> {
        if out.last().is_some_and(|s| s.span == span) {
            of_fact.push(out.len().checked_sub(1));
            return None;
        }
        let slice = span.slice(text);
        of_fact.push(slice.map(|_| out.len()));
        slice
    }

    /// One sentence (`slice` is the text of `span`) from its tokens: absolute
    /// span, kind and text.
    fn new<'t>(
        span: Span,
        slice: &str,
        toks: impl Iterator<Item = (Span, TokenKind, &'t str)>,
    ) -> SentenceWords {
        let n = toks.size_hint().0;
        let mut s = SentenceWords {
            span,
            spans: Vec::with_capacity(n),
            lower: slice.to_ascii_lowercase(),
            digits: Vec::with_capacity(n),
            seg: Vec::with_capacity(n),
            cues: Vec::new(),
        };
        let mut seg = 0;
        for (ts, kind, word) in toks {
            s.spans.push(ts);
            s.digits.push(kind == TokenKind::Number);
            s.seg.push(seg);
            if SEGMENT_BREAKS.contains(&word) {
                seg += 1;
            }
        }
        s.cues = s.find_cues();
        s
    }

    /// Every cue of the sentence, each word read once.
    pub(super) fn find_cues(&self) -> Vec<(usize, Cue)> {
        let mut out = Vec::new();
        for i in 0..self.spans.len() {
            let w = self.word(i);
            if let Some(phrases) = CUES_BY_FIRST.get(w) {
                for kind in [Cue::OtherEvent, Cue::Scope, Cue::Past] {
                    let hit = phrases.iter().any(|&(k, cue)| {
                        k == kind
                            && cue.iter().enumerate().skip(1).all(|(k, c)| self.word(i + k) == *c)
                            // "this year's monsoon" is the event itself.
                            && !(cue.last() == Some(&"year") && self.word(i + cue.len()) == "'s")
                    });
                    if hit {
                        out.push((i, kind));
                    }
                }
            }
            if OTHER_EVENT_WORDS.contains(&w)
                && (EVENT_NOUNS.contains(&self.word(i + 1))
                    || EVENT_NOUNS.contains(&self.word(i + 2)))
            {
                out.push((i, Cue::OtherEvent));
            }
            if self.is_year(i) {
                out.push((i, Cue::Year));
            }
        }
        out
    }

    /// "in 2019", "2018 saw": a year, not a date ("January 4, 2019") or a
    /// clock time ("2024 UTC").
    pub(super) fn is_year(&self, i: usize) -> bool {
        if !self.digits.get(i).copied().unwrap_or(false) {
            return false;
        }
        let w = self.word(i);
        let year = w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
        if !year {
            return false;
        }
        let month = |k: usize| i.checked_sub(k).is_some_and(|j| MONTHS.contains(&self.word(j)));
        let date = month(1) || (i >= 3 && self.word(i - 1) == "," && month(3));
        !date && !CLOCK_AFTER.contains(&self.word(i + 1))
    }

    pub(super) fn word(&self, i: usize) -> &str {
        let Some(t) = self.spans.get(i) else { return "" };
        let base = self.span.start;
        self.lower.get(t.start - base..t.end - base).unwrap_or("")
    }

    pub(super) fn seg(&self, i: usize) -> usize {
        self.seg.get(i).copied().unwrap_or(usize::MAX)
    }

    /// Index of the first token starting at or after `pos`.
    pub(super) fn at(&self, pos: usize) -> usize {
        self.spans.partition_point(|s| s.start < pos)
    }
}

/// A fact with its place among the words of its sentence.
pub(super) struct Seen<'a> {
    pub(super) fact: &'a CasualtyFact,
    /// Index of the fact among the facts judged (text order).
    pub(super) order: usize,
    /// Index of its sentence among the sentences with facts.
    pub(super) sentence: usize,
    pub(super) s: &'a SentenceWords,
    /// Token range of the count.
    pub(super) c0: usize,
    pub(super) c1: usize,
    /// Token range of the outcome word(s).
    pub(super) t0: usize,
    pub(super) t1: usize,
}

impl<'a> Seen<'a> {
    pub(super) fn new(
        fact: &'a CasualtyFact,
        sentence: usize,
        all: &'a [SentenceWords],
    ) -> Option<Seen<'a>> {
        let s = all.get(sentence)?;
        let c = fact.count().span();
        let t = fact.trigger();
        let c0 = s.at(c.start);
        let t0 = s.at(t.start);
        Some(Seen {
            fact,
            order: 0,
            sentence,
            s,
            c0,
            c1: s.at(c.end).max(c0 + 1),
            t0,
            t1: s.at(t.end),
        })
    }

    pub(super) fn word(&self, i: usize) -> &str {
        self.s.word(i)
    }

    /// The word `k` places before the count ("" outside the sentence).
    pub(super) fn before(&self, k: usize) -> &str {
        self.c0.checked_sub(k).map_or("", |i| self.word(i))
    }

    /// The word `k` places after the count (k = 0: the first after it).
    pub(super) fn after(&self, k: usize) -> &str {
        self.word(self.c1 + k)
    }

    pub(super) fn is_zero(&self) -> bool {
        self.fact.count().interval().high() == Some(0.0)
    }

    /// Whether token `i` belongs to this fact's outcome word(s).
    pub(super) fn in_trigger(&self, i: usize) -> bool {
        (self.t0..self.t1).contains(&i)
    }
}
