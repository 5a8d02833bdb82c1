//! The shared sentence view: one sentence as lowercase tokens, with the outcome
//! signals and count candidates found in it. Every part of the casualty layer
//! (counts, the clause reader, attachment, location) reads the sentence
//! through it.

use super::outcomes::Signal;
use super::Count;
use crate::span::Span;
use crate::text::{Token, TokenKind};

/// One sentence seen as lowercase tokens.
pub(crate) struct View<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Token<'a>],
    /// Lowercase token texts.
    pub(crate) w: Vec<&'a str>,
    /// Whether the sentence is a title-case headline.
    pub(crate) title: bool,
    /// Index of the first word token.
    pub(crate) first_word: usize,
    /// For each token, the index of the signal occurrence covering it.
    pub(crate) trig_at: Vec<Option<usize>>,
    /// For each token, the index of the count starting there.
    pub(crate) cand_at: Vec<Option<usize>>,
    /// For each token, whether a count covers it.
    pub(crate) in_cand: Vec<bool>,
}

impl<'a> View<'a> {
    /// The raw text of token `i` ("" when out of range).
    pub(crate) fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.as_str())
    }

    /// The document text right after token `t1 - 1`.
    pub(crate) fn text_after(&self, t1: usize) -> &'a str {
        let end = match t1.checked_sub(1).and_then(|i| self.toks.get(i)) {
            Some(t) => t.span().end,
            None => return "",
        };
        self.text.get(end..).unwrap_or("")
    }

    /// Whether token `i` is part of an outcome signal.
    pub(crate) fn is_trigger_word(&self, i: usize) -> bool {
        self.trig_at.get(i).copied().flatten().is_some()
    }

    pub(crate) fn cand_starting(&self, i: usize) -> Option<usize> {
        self.cand_at.get(i).copied().flatten()
    }

    pub(crate) fn in_cand(&self, i: usize) -> bool {
        self.in_cand.get(i).copied().unwrap_or(false)
    }

    pub(crate) fn word(&self, i: usize) -> &'a str {
        self.w.get(i).copied().unwrap_or("")
    }

    pub(crate) fn span(&self, t0: usize, t1: usize) -> Option<Span> {
        let a = self.toks.get(t0)?.span().start;
        let b = self.toks.get(t1.checked_sub(1)?)?.span().end;
        Some(Span::new(a, b))
    }
}

impl<'a> View<'a> {
    /// The view of one sentence: `toks` are its tokens, `lower` its text in
    /// ASCII lowercase (starting at byte `start` of `text`).
    pub(crate) fn new(
        text: &'a str,
        toks: &'a [Token<'a>],
        lower: &'a str,
        start: usize,
    ) -> View<'a> {
        let w: Vec<&str> = toks
            .iter()
            .map(|t| {
                let s = t.span();
                lower.get(s.start.saturating_sub(start)..s.end.saturating_sub(start)).unwrap_or("")
            })
            .collect();
        let first_word = toks
            .iter()
            .position(|t| t.kind() == TokenKind::Word || t.kind() == TokenKind::Number)
            .unwrap_or(0);
        let (mut caps, mut words) = (0usize, 0usize);
        for t in toks {
            let s = t.as_str();
            if t.kind() == TokenKind::Word && s.len() > 3 {
                words += 1;
                if s.chars().next().is_some_and(char::is_uppercase) {
                    caps += 1;
                }
            }
        }
        let title = words >= 3 && caps * 10 >= words * 7;
        View {
            text,
            toks,
            w,
            title,
            first_word,
            trig_at: vec![None; toks.len()],
            cand_at: vec![None; toks.len()],
            in_cand: vec![false; toks.len()],
        }
    }

    /// Records the count candidates: which token each starts at, which tokens they cover.
    pub(crate) fn mark_cands(&mut self, cands: &[Cand]) {
        for (ci, c) in cands.iter().enumerate() {
            if let Some(slot) = self.cand_at.get_mut(c.t0) {
                slot.get_or_insert(ci);
            }
            for k in c.t0..c.t1 {
                if let Some(slot) = self.in_cand.get_mut(k) {
                    *slot = true;
                }
            }
        }
    }
}

/// An outcome signal occurrence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Trigger {
    pub(crate) t0: usize,
    pub(crate) t1: usize,
    pub(crate) sig: &'static Signal,
    /// "killed or injured" and the like: an unknown mixture, never a fact.
    pub(crate) mixture: bool,
}

/// What a count candidate is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CandKind {
    /// A number phrase ("27", "dozens", "at least 12").
    Number,
    /// A zero negator ("no one", "none", "no deaths").
    Zero,
    /// An isolated "one" ("killing one", "one of them died").
    One,
    /// A singular person noun phrase ("a 46-year-old man"): the span is its
    /// determiner, the noun its head.
    Singular,
}

/// A count candidate.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cand {
    pub(crate) kind: CandKind,
    pub(crate) t0: usize,
    pub(crate) t1: usize,
    pub(crate) count: Count,
    pub(crate) noun: Option<usize>,
    /// The total inside a partitive ("none of the 40 crew"): no fact of its own.
    pub(crate) inner_total: bool,
}

pub(crate) fn trig_starting(v: &View<'_>, triggers: &[Trigger], i: usize) -> Option<usize> {
    let ti = v.trig_at.get(i).copied().flatten()?;
    (triggers.get(ti)?.t0 == i).then_some(ti)
}

pub(crate) fn trig_ending(v: &View<'_>, triggers: &[Trigger], end: usize) -> Option<usize> {
    let ti = v.trig_at.get(end.checked_sub(1)?).copied().flatten()?;
    (triggers.get(ti)?.t1 == end).then_some(ti)
}
