//! Document tolls: per outcome, the one count of everyone with that outcome in
//! the document's main event (casualties README, section 11).
//!
//! Every casualty fact of the document is judged by a table of rules, one
//! function each: a fact is a *candidate* unless it is hedged, superseded, a
//! part of a larger group, a count of another event or another scope. The toll
//! is then the candidate with the greatest lower bound; facts are never summed.
//! The rules (`rules.rs`, their word lists in `words.rs`) read the words
//! around each fact's count in its sentence (`sentence.rs`: the sentence is
//! tokenized again, only when it holds a fact); this file picks the toll.

mod rules;
mod sentence;
mod words;

use super::{CasualtyFact, Count, Outcome};
use crate::numbers::Interval;
use crate::span::Span;
use crate::text::Token;
use rules::{judge, second_person, uncounted_also, Verdict};
use sentence::{Seen, SentenceWords};

/// The toll of one outcome in a document: the count of everyone with that
/// outcome in the document's main event, as the text states it.
///
/// A toll is one stated count, never a sum: when a text only gives parts
/// ("five children and two drivers were killed") it has no toll for that
/// outcome. It is the greatest stated value among the candidate counts, so an
/// update ("the toll rose to 31") wins over the first report; it is what the
/// text says, not an official or final figure.
///
/// # Examples
///
/// ```
/// let doc = textfacts::Analyzer::new().analyze("A bomb killed 12 people. The toll later rose to 15.");
/// let toll = &doc.tolls()[0];
/// assert_eq!(toll.outcome, textfacts::Outcome::Killed);
/// assert_eq!(toll.count.text, "15");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Toll {
    outcome: Outcome,
    count: Count,
    evidence: Vec<Span>,
}

impl Toll {
    /// The outcome the toll counts.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "Floods killed 12 villagers.";
    /// let tokens: Vec<_> = textfacts::tokens(text).collect();
    /// let sentences: Vec<_> = textfacts::sentences(text).collect();
    /// let numbers: Vec<_> = textfacts::number_phrases(text).collect();
    /// let facts = textfacts::casualty_facts(text, &tokens, &sentences, &numbers, &[]);
    /// let tolls = textfacts::casualty_tolls(text, &facts);
    /// assert_eq!(tolls[0].outcome(), textfacts::Outcome::Killed);
    /// ```
    #[must_use]
    pub fn outcome(&self) -> Outcome {
        self.outcome
    }

    /// The winning candidate's count: its span, interval and approximate flag.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "Floods killed 12 villagers.";
    /// let tokens: Vec<_> = textfacts::tokens(text).collect();
    /// let sentences: Vec<_> = textfacts::sentences(text).collect();
    /// let numbers: Vec<_> = textfacts::number_phrases(text).collect();
    /// let facts = textfacts::casualty_facts(text, &tokens, &sentences, &numbers, &[]);
    /// let tolls = textfacts::casualty_tolls(text, &facts);
    /// assert_eq!(tolls[0].count().interval(), textfacts::Interval::point(12.0));
    /// ```
    #[must_use]
    pub fn count(&self) -> Count {
        self.count
    }

    /// Every candidate count span whose interval equals the toll's, in text order.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "Floods killed 12 villagers. All 12 died in their homes.";
    /// let tokens: Vec<_> = textfacts::tokens(text).collect();
    /// let sentences: Vec<_> = textfacts::sentences(text).collect();
    /// let numbers: Vec<_> = textfacts::number_phrases(text).collect();
    /// let facts = textfacts::casualty_facts(text, &tokens, &sentences, &numbers, &[]);
    /// let tolls = textfacts::casualty_tolls(text, &facts);
    /// assert_eq!(tolls[0].evidence().len(), 2);
    /// ```
    #[must_use]
    pub fn evidence(&self) -> &[Span] {
        &self.evidence
    }
}

/// The document tolls of `text` from its casualty facts (as
/// [`casualty_facts`](crate::casualty_facts) returns them for the whole text):
/// per outcome at most one [`Toll`], in the order of [`Outcome`].
///
/// A fact is a candidate for its outcome's toll unless it is hedged
/// ("feared dead"), superseded (the "from 14" of "rose from 14 to 31"), a part
/// ("including three children", "two of the dead", "five children and two
/// drivers", "another two"), of another event ("last year", "earlier this
/// year", "in 2019") or of another scope ("worldwide" when the lede is not).
/// A zero ("no one was hurt") is a candidate only when no positive count of
/// the outcome is stated. The toll is the candidate with the greatest lower
/// bound (at equal value an exclusive bound wins, then the first in the text);
/// its evidence is every candidate with the same interval. Never panics.
///
/// # Examples
///
/// ```
/// let text = "At least 27 people, including 9 children, were killed. \
///             Officials later said more than 30 died. Last year 40 died in a similar attack.";
/// let tokens: Vec<_> = textfacts::tokens(text).collect();
/// let sentences: Vec<_> = textfacts::sentences(text).collect();
/// let numbers: Vec<_> = textfacts::number_phrases(text).collect();
/// let facts = textfacts::casualty_facts(text, &tokens, &sentences, &numbers, &[]);
/// let tolls = textfacts::casualty_tolls(text, &facts);
/// assert_eq!(tolls.len(), 1);
/// assert_eq!(tolls[0].count().span().slice(text), Some("more than 30"));
/// ```
#[must_use]
pub fn casualty_tolls(text: &str, facts: &[CasualtyFact]) -> Vec<Toll> {
    if facts.is_empty() {
        return Vec::new();
    }
    let (sentences, of_fact) = SentenceWords::read_all(text, facts);
    pick(text, facts, &sentences, of_fact)
}

/// The tolls of a document read block by block, as the analyzer reads it: each
/// block's facts are read on the block's tokens, which the analyzer already
/// holds (the same result as [`casualty_tolls`] on all the facts).
#[derive(Default)]
pub(crate) struct TollReader {
    facts: Vec<CasualtyFact>,
    sentences: Vec<SentenceWords>,
    of_fact: Vec<Option<usize>>,
}

impl TollReader {
    /// Reads the facts of one block; `block` holds its tokens.
    pub(crate) fn read_block(&mut self, text: &str, block: &[Token<'_>], facts: &[CasualtyFact]) {
        SentenceWords::read_block(text, block, facts, &mut self.sentences, &mut self.of_fact);
        self.facts.extend_from_slice(facts);
    }

    /// The document tolls of the facts read.
    pub(crate) fn tolls(&self, text: &str) -> Vec<Toll> {
        if self.facts.is_empty() {
            return Vec::new();
        }
        pick(text, &self.facts, &self.sentences, self.of_fact.iter().copied())
    }
}

/// The tolls of `facts`, each read in its sentence (`of_fact` gives its index
/// in `sentences`).
fn pick(
    text: &str,
    facts: &[CasualtyFact],
    sentences: &[SentenceWords],
    of_fact: impl IntoIterator<Item = Option<usize>>,
) -> Vec<Toll> {
    let seen: Vec<Seen<'_>> = facts
        .iter()
        .zip(of_fact)
        .filter_map(|(f, si)| Seen::new(f, si?, sentences))
        .enumerate()
        .map(|(order, s)| Seen { order, ..s })
        .collect();
    let verdicts = judge(&seen);

    let mut outcomes: Vec<Outcome> = seen.iter().map(|s| s.fact.outcome()).collect();
    outcomes.sort_unstable();
    outcomes.dedup();
    let title = headline_end(text);
    let mut tolls = Vec::new();
    for outcome in outcomes {
        let of = |tier: Verdict| {
            seen.iter()
                .zip(&verdicts)
                .filter(move |(s, v)| s.fact.outcome() == outcome && **v == tier)
                .map(|(s, _)| s.fact.count())
        };
        // Counts dated to a year are of another event unless nothing else
        // counts the outcome (an aftermath story dates its own event).
        let mut cands: Vec<Count> = of(Verdict::Candidate).collect();
        if cands.is_empty() {
            cands = of(Verdict::Dated).collect();
        }
        // "Fourteen officers were injured. A number of journalists were also
        // injured": the counts before are parts.
        if !cands.is_empty() {
            let counted = |from: usize, to: usize| {
                facts.iter().any(|f| {
                    f.outcome() == outcome && {
                        let sp = f.count().span();
                        sp.start >= from && sp.end <= to
                    }
                })
            };
            if let Some((para, at)) = uncounted_also(text, outcome, counted) {
                cands.retain(|c| !(para..at).contains(&c.span().start));
            }
        }
        // The first in the body, unless a later one is strictly greater; the
        // headline's only when the body has none as great (README 11.3).
        let in_title = |c: &Count| c.span().start < title;
        let Some(best) = cands.iter().copied().reduce(|a, b| {
            let wins = greater(b.interval(), a.interval())
                || (in_title(&a) && !in_title(&b) && !greater(a.interval(), b.interval()));
            if wins {
                b
            } else {
                a
            }
        }) else {
            continue;
        };
        // A count of one while a second person had the outcome is a part.
        if best.interval() == Interval::point(1.0) && second_person(text, outcome) {
            continue;
        }
        let mut evidence: Vec<Span> =
            cands.iter().filter(|c| c.interval() == best.interval()).map(Count::span).collect();
        evidence.sort_unstable();
        evidence.dedup();
        tolls.push(Toll { outcome, count: best, evidence });
    }
    tolls
}

/// The end of the headline, when the text opens with one: a first line
/// without end punctuation followed by more text (0 otherwise).
fn headline_end(text: &str) -> usize {
    let lead = text.len() - text.trim_start().len();
    let Some(nl) = text.get(lead..).and_then(|t| t.find('\n')) else { return 0 };
    let end = lead + nl;
    let line = text.get(lead..end).unwrap_or("").trim_end();
    let closed = line.ends_with(['.', '!', '?', '"', '\u{201d}', ':']);
    if closed || line.is_empty() || text.get(end..).is_none_or(|r| r.trim().is_empty()) {
        0
    } else {
        end
    }
}

/// Whether `a` has a greater lower bound than `b` (README 11.2): by value, then
/// an exclusive bound over an inclusive one; no lower bound ranks lowest.
fn greater(a: Interval, b: Interval) -> bool {
    let key = |i: Interval| i.low().map(|x| (x, !i.low_inclusive()));
    match (key(a), key(b)) {
        (Some(x), Some(y)) => x.0 > y.0 || (x.0 == y.0 && x.1 && !y.1),
        (Some(_), None) => true,
        _ => false,
    }
}
