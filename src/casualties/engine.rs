//! The casualty engine: per sentence, find outcome signals ([`super::outcomes`])
//! and counts ([`super::counts`]), attach each count to the signal it belongs
//! to ([`super::attach`], reading the clause with [`super::clause`]), then
//! read hedging and location.
//!
//! Linear in the sentence length for practical inputs: every search is
//! bounded by a small window. Sentences without any signal word are skipped
//! before anything is allocated for them.

use super::attach::{attach, life_verb_before};
use super::counts::{find_counts, is_zero_word, opens_count};
use super::hedges::{is_cue, is_modal, CLAUSE_BREAKS, CUE_NEGATORS, MODAL_REACH};
use super::location::{self, Place};
use super::outcomes::{
    flag, has_key, key_starts, signal_at, Role, NOT_GUNFIRE_AFTER, NOT_GUNFIRE_BEFORE,
};
use super::view::{Trigger, View};
use super::CasualtyFact;
use crate::numbers::NumberPhrase;
use crate::span::Span;
use crate::text::{Sentence, Token, TokenKind};

/// The casualty facts of `text` ([`super::casualty_facts`]), where the
/// places `unnamed` (some of `places`, in text order) take part in the
/// location rules but are never a fact's location: a fact they locate gets
/// none, or the larger place named right after them.
pub(crate) fn extract(
    text: &str,
    tokens: &[Token<'_>],
    sentences: &[Sentence<'_>],
    numbers: &[NumberPhrase<'_>],
    places: &[Span],
    unnamed: &[Span],
) -> Vec<CasualtyFact> {
    let mut facts = Vec::new();
    // Both come in text order from the analyzer; sort a copy otherwise so
    // that each sentence finds its own by binary search (linear overall).
    let in_order = |a: usize, b: usize| a <= b;
    let numbers_sorted: Vec<NumberPhrase<'_>>;
    let numbers = if numbers
        .windows(2)
        .all(|w| matches!(w, [a, b] if in_order(a.span().start, b.span().start)))
    {
        numbers
    } else {
        let mut v = numbers.to_vec();
        v.sort_by_key(|p| p.span().start);
        numbers_sorted = v;
        &numbers_sorted
    };
    let places_sorted: Vec<Span>;
    let places = if places.windows(2).all(|w| matches!(w, [a, b] if in_order(a.start, b.start))) {
        places
    } else {
        let mut v = places.to_vec();
        v.sort_by_key(|p| p.start);
        places_sorted = v;
        &places_sorted
    };
    // Most sentences hold no fact. Cheap checks first: a fact needs an
    // outcome word, so a token that is a key (found in one pass over all the
    // tokens: a bit table, then a hash lookup), then a count (a number
    // phrase, digits, or a zero word), then a key as a whole word of the
    // text (one automaton pass).
    let keys = key_starts(tokens);
    let (mut next_key, mut next_number, mut next_place, mut next_unnamed) = (0, 0, 0, 0);
    for sent in sentences {
        let ss = sent.span();
        let (ka, kb) = starting_in(&keys, |&k| k, ss, &mut next_key);
        if ka == kb {
            continue;
        }
        let a = tokens.partition_point(|t| t.span().start < ss.start);
        let b = tokens.partition_point(|t| t.span().start < ss.end);
        let Some(toks) = tokens.get(a..b) else { continue };
        let (na, nb) = starting_in(numbers, |p| p.span().start, ss, &mut next_number);
        let countable = nb > na
            || toks.iter().any(|t| {
                t.kind() == TokenKind::Number || is_zero_word(t.as_str()) || opens_count(t.as_str())
            });
        let Some(sent_text) = ss.slice(text) else { continue };
        if !countable || !has_key(sent_text) {
            continue;
        }
        let lower = sent_text.to_ascii_lowercase();
        let (pa, pb) = starting_in(places, |p| p.start, ss, &mut next_place);
        let (ua, ub) = starting_in(unnamed, |p| p.start, ss, &mut next_unnamed);
        sentence_facts(
            text,
            ss,
            toks,
            &lower,
            numbers.get(na..nb).unwrap_or(&[]),
            SentencePlaces {
                spans: places.get(pa..pb).unwrap_or(&[]),
                unnamed: unnamed.get(ua..ub).unwrap_or(&[]),
            },
            &mut facts,
        );
    }
    facts
}

/// The index range of the items (in order of their `start`) that start in
/// `span`. Sentences come in text order, so the search goes on from `*next`,
/// where the previous one ended (linear overall); it starts over by binary
/// search when a sentence starts before that.
fn starting_in<T>(
    items: &[T],
    start: impl Fn(&T) -> usize,
    span: Span,
    next: &mut usize,
) -> (usize, usize) {
    let before = |i: usize, pos: usize| items.get(i).is_some_and(|x| start(x) < pos);
    let on_from = *next <= items.len() && (*next == 0 || before(*next - 1, span.start));
    let mut a = if on_from { *next } else { items.partition_point(|x| start(x) < span.start) };
    while before(a, span.start) {
        a += 1;
    }
    let mut b = a;
    while before(b, span.end) {
        b += 1;
    }
    *next = b;
    (a, b)
}

fn sentence_facts(
    text: &str,
    ss: Span,
    toks: &[Token<'_>],
    lower: &str,
    numbers: &[NumberPhrase<'_>],
    places: SentencePlaces<'_>,
    out: &mut Vec<CasualtyFact>,
) {
    let mut v = View::new(text, toks, lower, ss.start);

    let triggers = find_triggers(&mut v);
    if triggers.is_empty() {
        return;
    }
    let mut cands = find_counts(&v, &triggers, ss, numbers);
    if cands.is_empty() {
        return;
    }
    v.mark_cands(&cands);
    let drafts = attach(&v, &triggers, &mut cands);
    if drafts.is_empty() {
        return;
    }

    // Location: candidate places of this sentence as token ranges.
    let tokens_of = |p: &Span| {
        let t0 = toks.partition_point(|t| t.span().start < p.start);
        let t1 = toks.partition_point(|t| t.span().start < p.end);
        (t0, t1)
    };
    let mut spans: Vec<(usize, usize)> =
        places.spans.iter().filter(|p| ss.contains(**p) && !p.is_empty()).map(tokens_of).collect();
    spans.sort_unstable();
    spans.dedup();
    let mut unnamed: Vec<(usize, usize)> = places
        .unnamed
        .iter()
        .filter(|p| ss.contains(**p) && !p.is_empty())
        .map(tokens_of)
        .collect();
    unnamed.sort_unstable();
    let blocked = |i: usize| v.is_trigger_word(i) || v.in_cand(i);
    let cands_places: Vec<Place> = location::candidates(&v, &spans, &unnamed, &blocked);
    let anchors: Vec<Vec<(usize, usize)>> = drafts
        .iter()
        .filter_map(|d| {
            let c = cands.get(d.cand)?;
            let t = triggers.get(d.trig)?;
            let mut a = vec![(c.t0, c.t1)];
            if !d.borrowed {
                a.push((t.t0, t.t1));
            }
            if let Some(n) = d.victims {
                a.push((n, n + 1));
            }
            Some(a)
        })
        .collect();
    // Each fact's own place ("two people in Gaza", "11 deaths in Georgia":
    // after its count, its victims, or an outcome noun right after the
    // count), then the nearest one that no part counted beyond it binds.
    let bound: Vec<location::Bound> = drafts
        .iter()
        .map(|d| {
            let c = cands.get(d.cand).map_or((0, 0), |c| (c.t0, c.t1));
            let mut heads = vec![c];
            heads.extend(d.victims.map(|n| (n, n + 1)));
            if let Some(t) = triggers.get(d.trig).filter(|t| !d.borrowed && t.t0 == c.1) {
                heads.push((t.t0, t.t1));
            }
            location::Bound::new(&v, c, &heads, &cands_places)
        })
        .collect();
    let chosen = location::choose(&anchors, &cands_places, &bound);
    let hedges = HedgeIndex::new(&v);

    for (k, d) in drafts.iter().enumerate() {
        let (Some(c), Some(t)) = (cands.get(d.cand), triggers.get(d.trig)) else { continue };
        let Some(trigger) = v.span(t.t0, t.t1) else { continue };
        let victims = d.victims.and_then(|n| v.span(n, n + 1));
        let location =
            chosen.get(k).copied().flatten().and_then(|pi| cands_places.get(pi)).and_then(|p| {
                let (t0, t1) = location::name_tokens(&v, p);
                v.span(t0, t1)
            });
        let lo = t.t0.min(c.t0);
        let hi = t.t1.max(c.t1);
        out.push(CasualtyFact {
            outcome: d.outcome,
            count: c.count,
            victims,
            location,
            hedged: hedges.hedged(lo, hi, t.t0),
            trigger,
            sentence: ss,
        });
    }
}

/// The place matches that start in one sentence, and those of them that may
/// not be named as a location ([`super::casualty_facts_among`]).
#[derive(Clone, Copy)]
struct SentencePlaces<'a> {
    spans: &'a [Span],
    unnamed: &'a [Span],
}

/// Finds the signal occurrences and marks the tokens they cover.
fn find_triggers(v: &mut View<'_>) -> Vec<Trigger> {
    let mut out: Vec<Trigger> = Vec::new();
    let n = v.w.len();
    let mut i = 0;
    while i < n {
        let rest = v.w.get(i..).unwrap_or(&[]);
        if let Some(sig) = signal_at(rest) {
            let t1 = i + sig.words.len();
            // A capitalised outcome word inside an ordinary sentence is part
            // of a name ("the album Dead Letters").
            let named = i != v.first_word
                && !v.title
                && v.raw(i).chars().next().is_some_and(char::is_uppercase);
            let other_sense = (sig.flags & flag::GUNFIRE != 0
                && (NOT_GUNFIRE_AFTER.contains(&v.word(t1))
                    || i.checked_sub(1).is_some_and(|p| NOT_GUNFIRE_BEFORE.contains(&v.word(p)))))
                // "a member all his life": no life lost, claimed or cost
                // anywhere before (the fact's own check is in `attach`).
                || (sig.flags & flag::LIFE_VERB != 0 && !life_verb_before(v, i, 8));
            if !named && !other_sense {
                for k in i..t1 {
                    if let Some(slot) = v.trig_at.get_mut(k) {
                        *slot = Some(out.len());
                    }
                }
                out.push(Trigger { t0: i, t1, sig, mixture: false });
                i = t1;
                continue;
            }
        }
        i += 1;
    }
    // "killed or injured", "dead and wounded": mixtures of outcomes.
    for k in 0..out.len() {
        let (Some(a), Some(b)) = (out.get(k).copied(), out.get(k + 1).copied()) else { continue };
        if b.t0 == a.t1 + 1
            && matches!(v.word(a.t1), "or" | "and" | "/")
            && a.sig.outcome != b.sig.outcome
            && a.sig.role != Role::Toll
            && b.sig.role != Role::Toll
        {
            if let Some(x) = out.get_mut(k) {
                x.mixture = true;
            }
            if let Some(x) = out.get_mut(k + 1) {
                x.mixture = true;
            }
        }
    }
    out
}

/// Per-sentence hedge index: for each token, the start of its clause and the
/// number of live cues before it, so that each fact's check is O(1).
struct HedgeIndex {
    clause_start: Vec<usize>,
    cues_before: Vec<usize>,
    modals_before: Vec<usize>,
}

impl HedgeIndex {
    fn new(v: &View<'_>) -> HedgeIndex {
        let n = v.w.len();
        let mut clause_start = Vec::with_capacity(n + 1);
        let mut cues_before = Vec::with_capacity(n + 1);
        let mut modals_before = Vec::with_capacity(n + 1);
        let (mut start, mut cues, mut modals) = (0, 0, 0);
        for i in 0..n {
            clause_start.push(start);
            cues_before.push(cues);
            modals_before.push(modals);
            let w = v.word(i);
            if CLAUSE_BREAKS.contains(&w) {
                start = i + 1;
            }
            let (cue, modal) = (is_cue(w), is_modal(w));
            if !cue && !modal {
                continue;
            }
            // A cue inside a compound is no cue ("life-threatening injuries").
            let compound = i > 0 && v.word(i - 1) == "-";
            // "the May shooting": the month, capitalised inside a sentence.
            let month = v.raw(i) == "May" && i != v.first_word && !v.title;
            let live = !CUE_NEGATORS.contains(&v.word(i + 1))
                && !v.is_trigger_word(i)
                && !compound
                && !month;
            if live && cue {
                cues += 1;
            }
            if live && modal {
                modals += 1;
            }
        }
        clause_start.push(start);
        cues_before.push(cues);
        modals_before.push(modals);
        HedgeIndex { clause_start, cues_before, modals_before }
    }

    /// Whether a fact spanning tokens `lo..hi`, with its outcome word starting
    /// at `trigger`, is hedged: a clause cue in its clause before `hi`, or a
    /// modal inside it or just before the outcome word.
    fn hedged(&self, lo: usize, hi: usize, trigger: usize) -> bool {
        let at = |p: &Vec<usize>, i: usize| p.get(i).or(p.last()).copied().unwrap_or(0);
        let start = self.clause_start.get(lo).copied().unwrap_or(0);
        let clause = at(&self.cues_before, hi) > at(&self.cues_before, start);
        // A modal just before the count governs the verb that takes it: "may
        // cause roughly 32,000 more deaths", "could leave 500 dead".
        let from = lo.saturating_sub(2).min(trigger.saturating_sub(MODAL_REACH)).max(start);
        let modal = at(&self.modals_before, hi) > at(&self.modals_before, from);
        clause || modal
    }
}

#[cfg(test)]
mod tests {
    use super::starting_in;
    use crate::span::Span;

    #[test]
    fn items_starting_in_spans_in_any_order() {
        let starts = [0, 3, 3, 7, 12, 20];
        let brute = |s: Span| {
            let a = starts.iter().filter(|&&x| x < s.start).count();
            (a, a + starts.iter().filter(|&&x| x >= s.start && x < s.end).count())
        };
        let spans = [(0, 3), (3, 8), (8, 12), (12, 30), (2, 9), (30, 40), (0, 1), (5, 5), (21, 25)];
        let mut next = 0;
        for (a, b) in spans {
            let s = Span::new(a, b);
            assert_eq!(starting_in(&starts, |&x| x, s, &mut next), brute(s), "{s:?}");
        }
    }
}
