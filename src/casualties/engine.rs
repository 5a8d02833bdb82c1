//! The casualty engine: per sentence, find outcome signals, counts (number
//! phrases and zero negators), attach each count to the signal it belongs to,
//! then read victims, hedging and location.
//!
//! Linear in the sentence length for practical inputs: every search is
//! bounded by a small window. Sentences without any signal word are skipped
//! before anything is allocated for them.

use super::hedges::{is_cue, is_modal, CLAUSE_BREAKS, CUE_NEGATORS, MODAL_REACH};
use super::location::{self, Place};
use super::outcomes::{
    flag, has_key, is_outcome_noun, signal_at, starts_signal, Role, Signal, LIFE_VERBS,
    NOT_GUNFIRE_AFTER, NOT_GUNFIRE_BEFORE,
};
use super::victims::{
    is_aux, is_non_person, is_person, ESCAPEES, INJURY_FRAMES, LINK_WORDS, NP_PREPOSITIONS,
    OBJECT_SKIP, OBJECT_STARTS, PART_WORDS, PASSIVE_AUX, RATE_WORDS,
};
use super::{CasualtyFact, Count};
use crate::{
    parse_number, Interval, NumberKind, NumberPhrase, Outcome, Sentence, Span, Token, TokenKind,
};

/// How far (in tokens) a toll may stand before its count.
const TOLL_WINDOW: usize = 14;
/// Words right before a count that link it to a running total ("reached 1,300").
const TOLL_LINKS: &[&str] = &[
    "to",
    "at",
    "reached",
    "reach",
    "hit",
    "topped",
    "passed",
    "surpassed",
    "was",
    "is",
    "stood",
    "stands",
    "as",
    "totalled",
    "totaled",
    "numbered",
    "of",
];
/// Longest stretch the subject chain walks from a count to its outcome word.
const CHAIN_STEPS: usize = 16;

/// One sentence seen as lowercase tokens.
pub(crate) struct View<'a> {
    text: &'a str,
    toks: &'a [Token<'a>],
    /// Lowercase token texts.
    pub w: Vec<&'a str>,
    /// Whether the sentence is a title-case headline.
    pub title: bool,
    /// Index of the first word token.
    pub first_word: usize,
    /// For each token, the index of the signal occurrence covering it.
    trig_at: Vec<Option<usize>>,
    /// For each token, the index of the count starting there.
    cand_at: Vec<Option<usize>>,
    /// For each token, whether a count covers it.
    in_cand: Vec<bool>,
}

impl<'a> View<'a> {
    /// The raw text of token `i` ("" when out of range).
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.as_str())
    }

    /// The document text right after token `t1 - 1`.
    pub fn text_after(&self, t1: usize) -> &'a str {
        let end = match t1.checked_sub(1).and_then(|i| self.toks.get(i)) {
            Some(t) => t.span().end,
            None => return "",
        };
        self.text.get(end..).unwrap_or("")
    }

    /// Whether token `i` is part of an outcome signal.
    pub fn is_trigger_word(&self, i: usize) -> bool {
        self.trig_at.get(i).copied().flatten().is_some()
    }

    fn cand_starting(&self, i: usize) -> Option<usize> {
        self.cand_at.get(i).copied().flatten()
    }

    fn in_cand(&self, i: usize) -> bool {
        self.in_cand.get(i).copied().unwrap_or(false)
    }

    fn word(&self, i: usize) -> &'a str {
        self.w.get(i).copied().unwrap_or("")
    }

    fn span(&self, t0: usize, t1: usize) -> Option<Span> {
        let a = self.toks.get(t0)?.span().start;
        let b = self.toks.get(t1.checked_sub(1)?)?.span().end;
        Some(Span::new(a, b))
    }
}

/// An outcome signal occurrence.
#[derive(Clone, Copy, Debug)]
struct Trigger {
    t0: usize,
    t1: usize,
    sig: &'static Signal,
    /// "killed or injured" and the like: an unknown mixture, never a fact.
    mixture: bool,
}

/// A count candidate.
#[derive(Clone, Copy, Debug)]
struct Cand {
    t0: usize,
    t1: usize,
    count: Count,
    noun: Option<usize>,
    /// The total inside a partitive ("none of the 40 crew"): no fact of its own.
    inner_total: bool,
}

#[derive(Clone, Copy, Debug)]
struct Draft {
    cand: usize,
    trig: usize,
    /// The outcome word is another count's ("and 10 in Mozambique"): it does
    /// not anchor this fact's location.
    borrowed: bool,
    outcome: Outcome,
    victims: Option<usize>,
}

/// Victims override found while reading a count's noun phrase.
#[derive(Clone, Copy, Debug, Default)]
struct Np {
    /// First token after the noun phrase.
    end: usize,
    /// The victims head, if any.
    victims: Option<usize>,
    /// "N of the dead ...": the outcome named by the partitive.
    partitive: Option<usize>,
    /// "N of them" / "N of whom".
    of_them: bool,
}

pub(crate) fn extract(
    text: &str,
    tokens: &[Token<'_>],
    sentences: &[Sentence<'_>],
    numbers: &[NumberPhrase<'_>],
    places: &[Span],
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
    for sent in sentences {
        let ss = sent.span();
        let a = tokens.partition_point(|t| t.span().start < ss.start);
        let b = tokens.partition_point(|t| t.span().start < ss.end);
        let Some(toks) = tokens.get(a..b) else { continue };
        let na = numbers.partition_point(|p| p.span().start < ss.start);
        let nb = numbers.partition_point(|p| p.span().start < ss.end);
        // Most sentences hold no fact. Cheap checks first: a fact needs a
        // count (a number phrase, digits, or a zero word), then an outcome
        // word (one automaton pass over the sentence).
        let countable = nb > na
            || toks.iter().any(|t| t.kind() == TokenKind::Number || is_zero_word(t.as_str()));
        let Some(sent_text) = ss.slice(text) else { continue };
        if !countable || !has_key(sent_text) {
            continue;
        }
        let lower = sent_text.to_ascii_lowercase();
        let pa = places.partition_point(|p| p.start < ss.start);
        let pb = places.partition_point(|p| p.start < ss.end);
        sentence_facts(
            text,
            ss,
            toks,
            &lower,
            numbers.get(na..nb).unwrap_or(&[]),
            places.get(pa..pb).unwrap_or(&[]),
            &mut facts,
        );
    }
    facts
}

/// "no", "none", "nobody": the words of zero counts, any case.
fn is_zero_word(s: &str) -> bool {
    s.len() <= 6
        && (s.eq_ignore_ascii_case("no")
            || s.eq_ignore_ascii_case("none")
            || s.eq_ignore_ascii_case("nobody"))
}

fn sentence_facts(
    text: &str,
    ss: Span,
    toks: &[Token<'_>],
    lower: &str,
    numbers: &[NumberPhrase<'_>],
    places: &[Span],
    out: &mut Vec<CasualtyFact>,
) {
    let w: Vec<&str> = toks
        .iter()
        .map(|t| {
            let s = t.span();
            lower
                .get(s.start.saturating_sub(ss.start)..s.end.saturating_sub(ss.start))
                .unwrap_or("")
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
    let mut v = View {
        text,
        toks,
        w,
        title,
        first_word,
        trig_at: vec![None; toks.len()],
        cand_at: vec![None; toks.len()],
        in_cand: vec![false; toks.len()],
    };

    let triggers = find_triggers(&mut v);
    if triggers.is_empty() {
        return;
    }
    let mut cands = find_counts(&v, &triggers, ss, numbers);
    if cands.is_empty() {
        return;
    }
    for (ci, c) in cands.iter().enumerate() {
        if let Some(slot) = v.cand_at.get_mut(c.t0) {
            slot.get_or_insert(ci);
        }
        for k in c.t0..c.t1 {
            if let Some(slot) = v.in_cand.get_mut(k) {
                *slot = true;
            }
        }
    }
    let drafts = attach(&v, &triggers, &mut cands);
    if drafts.is_empty() {
        return;
    }

    // Location: candidate places of this sentence as token ranges.
    let mut spans: Vec<(usize, usize)> = places
        .iter()
        .filter(|p| ss.contains(**p) && !p.is_empty())
        .map(|p| {
            let t0 = toks.partition_point(|t| t.span().start < p.start);
            let t1 = toks.partition_point(|t| t.span().start < p.end);
            (t0, t1)
        })
        .collect();
    spans.sort_unstable();
    spans.dedup();
    let blocked = |i: usize| v.is_trigger_word(i) || v.in_cand(i);
    let cands_places: Vec<Place> = location::candidates(&v, &spans, &blocked);
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
    let chosen = location::choose(&anchors, &cands_places);
    let hedges = HedgeIndex::new(&v);

    for (k, d) in drafts.iter().enumerate() {
        let (Some(c), Some(t)) = (cands.get(d.cand), triggers.get(d.trig)) else { continue };
        let Some(trigger) = v.span(t.t0, t.t1) else { continue };
        let victims = d.victims.and_then(|n| v.span(n, n + 1));
        let location = chosen
            .get(k)
            .copied()
            .flatten()
            .and_then(|pi| cands_places.get(pi))
            .and_then(|p| v.span(p.t0, p.t1));
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
            let other_sense = sig.flags & flag::GUNFIRE != 0
                && (NOT_GUNFIRE_AFTER.contains(&v.word(t1))
                    || i.checked_sub(1).is_some_and(|p| NOT_GUNFIRE_BEFORE.contains(&v.word(p))));
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

/// Number phrases that may count people, plus zero negators.
fn find_counts(
    v: &View<'_>,
    triggers: &[Trigger],
    ss: Span,
    numbers: &[NumberPhrase<'_>],
) -> Vec<Cand> {
    let toks = v.toks;
    let tok_at = |pos: usize| toks.partition_point(|t| t.span().start < pos);
    let mut out: Vec<Cand> = Vec::new();
    for p in numbers.iter().filter(|p| ss.contains(p.span())) {
        if p.kind() != NumberKind::Number {
            continue;
        }
        let sp = p.span();
        let t0 = tok_at(sp.start);
        let t1 = tok_at(sp.end).max(t0 + 1);
        // Compound modifiers ("a 9-year-old girl") are no counts.
        if v.text_after(t1).starts_with('-') {
            continue;
        }
        let noun = p
            .noun()
            .and_then(|n| {
                let i = tok_at(n.start);
                (i >= t1 && i <= t1 + 6 && toks.get(i).is_some_and(|t| t.span().start == n.start))
                    .then_some(i)
            })
            .or_else(|| person_head(v, t1))
            .map(|n| compound_head(v, n));
        out.push(Cand { t0, t1, count: Count::from(p), noun, inner_total: false });
    }
    // Zero counts: "no one", "nobody", "none (of ...)", "no" + outcome or people noun.
    let n = v.w.len();
    let mut covered = vec![false; n];
    for c in &out {
        for k in c.t0..c.t1 {
            if let Some(slot) = covered.get_mut(k) {
                *slot = true;
            }
        }
    }
    for i in 0..n {
        if covered.get(i).copied().unwrap_or(true) {
            continue;
        }
        // Digits right after an outcome verb that the number layer left out
        // (it reads "Kills 24" in a title-case headline like "Route 66").
        let is_digits = v.toks.get(i).is_some_and(|t| t.kind() == TokenKind::Number);
        if is_digits {
            let after_verb = trig_ending(v, triggers, i)
                .and_then(|ti| triggers.get(ti))
                .is_some_and(|t| matches!(t.sig.role, Role::Active | Role::Past));
            let value = parse_number(v.raw(i)).filter(Interval::is_point);
            if let (true, Some(iv), Some(span)) = (after_verb, value, v.span(i, i + 1)) {
                let noun = person_head(v, i + 1).map(|n| compound_head(v, n));
                out.push(Cand {
                    t0: i,
                    t1: i + 1,
                    count: Count::new(span, iv, false),
                    noun,
                    inner_total: false,
                });
            }
            continue;
        }
        let (t1, noun) = match v.word(i) {
            "nobody" | "none" => (i + 1, None),
            "no" if v.word(i + 1) == "one" => (i + 2, None),
            "no" => {
                let head = (i + 1..(i + 3).min(n)).find(|&k| {
                    let w = v.word(k);
                    is_outcome_noun(w) || is_person(w)
                });
                match head {
                    Some(k) => (i + 1, Some(k)),
                    None => continue,
                }
            }
            _ => continue,
        };
        let Some(span) = v.span(i, t1) else { continue };
        out.push(Cand {
            t0: i,
            t1,
            count: Count::new(span, Interval::point(0.0), false),
            noun,
            inner_total: false,
        });
    }
    out.sort_by_key(|c| c.t0);
    // Superseded values, rates and counts of things.
    out.retain(|c| {
        let prev = c.t0.checked_sub(1).map_or("", |i| v.word(i));
        if prev == "from" {
            return false;
        }
        // The noun, or when there is none the word right after the count
        // ("2 million head of cattle").
        if is_non_person(v.word(c.noun.unwrap_or(c.t1))) {
            return false;
        }
        let end = c.noun.map_or(c.t1, |i| i + 1);
        !RATE_WORDS.iter().any(|r| r.iter().enumerate().all(|(k, w)| v.word(end + k) == *w))
    });
    out
}

/// The head of a compound whose first part the number layer took for the
/// head: "crew members", "police officers", "aid workers".
fn compound_head(v: &View<'_>, mut n: usize) -> usize {
    for _ in 0..2 {
        let next = v.word(n + 1);
        let lowercase = v.raw(n + 1).chars().next().is_some_and(char::is_lowercase);
        if lowercase && is_person(next) && nounish(next) && !starts_signal(next) {
            n += 1;
        } else {
            break;
        }
    }
    n
}

/// A people noun right after a count, possibly behind up to two modifiers,
/// when the number layer gave none ("Forty fishermen", "62 servicemen").
fn person_head(v: &View<'_>, t1: usize) -> Option<usize> {
    for k in t1..t1 + 3 {
        let w = v.word(k);
        let is_word = v.toks.get(k).is_some_and(|t| t.kind() == TokenKind::Word);
        if !is_word || !nounish(w) || NP_PREPOSITIONS.contains(&w) || starts_signal(w) {
            return None;
        }
        if is_person(w) {
            return Some(k);
        }
    }
    None
}

fn trig_starting(v: &View<'_>, triggers: &[Trigger], i: usize) -> Option<usize> {
    let ti = v.trig_at.get(i).copied().flatten()?;
    (triggers.get(ti)?.t0 == i).then_some(ti)
}

fn trig_ending(v: &View<'_>, triggers: &[Trigger], end: usize) -> Option<usize> {
    let ti = v.trig_at.get(end.checked_sub(1)?).copied().flatten()?;
    (triggers.get(ti)?.t1 == end).then_some(ti)
}

/// Whether a noun-like word may be a victims head ("children", "journalists").
fn nounish(w: &str) -> bool {
    !w.is_empty()
        && w.chars().all(|c| c.is_alphabetic())
        && !w.ends_with("ly")
        && !is_aux(w)
        && !OBJECT_STARTS.contains(&w)
}

/// "lives" is a fact only when lost, claimed, cost or taken (within 4 tokens before `at`).
fn life_verb_before(v: &View<'_>, at: usize) -> bool {
    (at.saturating_sub(4)..at).any(|i| LIFE_VERBS.contains(&v.word(i)))
}

fn read_np(v: &View<'_>, triggers: &[Trigger], cands: &mut [Cand], ci: usize) -> Np {
    let Some(c) = cands.get(ci).copied() else { return Np::default() };
    let mut np =
        Np { end: c.noun.map_or(c.t1, |n| n + 1), victims: None, partitive: None, of_them: false };
    if let Some(n) = c.noun {
        if !is_outcome_noun(v.word(n)) {
            np.victims = Some(n);
        }
    }
    if v.word(c.t1) != "of" {
        return np;
    }
    match v.word(c.t1 + 1) {
        "them" | "whom" | "us" => {
            np.of_them = true;
            np.end = c.t1 + 2;
            let mut k = c.t1 + 2;
            if LINK_WORDS.contains(&v.word(k)) {
                k += 1;
            }
            let next = v.word(k + 1);
            if nounish(v.word(k))
                && trig_starting(v, triggers, k).is_none()
                && (next.is_empty() || matches!(next, "," | "." | "and" | ";" | "in" | "on" | ")"))
            {
                np.victims = Some(k);
                np.end = k + 1;
            } else {
                np.victims = None;
            }
        }
        "the" | "those" | "these" | "his" | "her" | "their" | "its" => {
            let k = c.t1 + 2;
            if let Some(ti) = trig_starting(v, triggers, k) {
                let role = triggers.get(ti).map(|t| t.sig.role);
                if matches!(role, Some(Role::Adjective | Role::Past | Role::Noun)) {
                    np.partitive = Some(ti);
                    np.victims = None;
                    np.end = triggers.get(ti).map_or(k + 1, |t| t.t1);
                }
            } else if let Some(inner) = v.cand_starting(k) {
                // "none of the 40 crew": the inner total names the victims.
                if let Some(d) = cands.get_mut(inner) {
                    d.inner_total = true;
                    np.victims = d.noun.filter(|&n| !is_outcome_noun(v.word(n)));
                    np.end = d.noun.map_or(d.t1, |n| n + 1);
                }
            } else if let Some(n) = c.noun.filter(|&n| n >= k) {
                np.end = n + 1;
            } else if let Some(n) = person_head(v, k) {
                // "Three of the passengers were killed."
                np.victims = Some(n);
                np.end = n + 1;
            }
        }
        _ => {}
    }
    np
}

/// Whether a past form at `t1` (its end) is followed by an object.
fn object_follows(v: &View<'_>, t1: usize) -> bool {
    OBJECT_STARTS.contains(&v.word(t1)) || v.cand_starting(t1).is_some()
}

/// Walks right from a subject count to its outcome word; returns the signal
/// occurrences it predicates (a second one for "missing, feared dead").
fn subject(v: &View<'_>, triggers: &[Trigger], start: usize) -> Vec<usize> {
    let n = v.w.len();
    let mut i = start;
    let mut passive = false;
    let mut pps = 0;
    let mut steps = 0;
    let mut found = None;
    while i < n && steps < CHAIN_STEPS {
        steps += 1;
        if v.cand_starting(i).is_some() {
            return Vec::new();
        }
        if let Some(ti) = trig_starting(v, triggers, i) {
            let Some(t) = triggers.get(ti) else { break };
            let ok = match t.sig.role {
                Role::Intransitive | Role::Adjective => true,
                Role::Past => passive || !object_follows(v, t.t1),
                Role::Active => i > 0 && v.word(i - 1) == "to",
                Role::Noun | Role::Toll => false,
            };
            if ok {
                found = Some(ti);
            }
            break;
        }
        let w = v.word(i);
        if w == "among" && matches!(v.word(i + 1), "the" | "those") {
            found = trig_starting(v, triggers, i + 2);
            break;
        }
        if INJURY_FRAMES.contains(&w) {
            // "treated for injuries", "suffered minor injuries": up to two
            // words ("for", adjectives) before an injury noun.
            let hit = (i + 1..(i + 4).min(n)).find_map(|j| {
                let ti = trig_starting(v, triggers, j)?;
                let t = triggers.get(ti)?;
                (t.sig.outcome == Outcome::Injured && t.sig.role != Role::Past).then_some(ti)
            });
            if let Some(ti) = hit {
                let clear = triggers.get(ti).is_some_and(|t| {
                    (i + 1..t.t0).all(|j| {
                        v.toks
                            .get(j)
                            .is_some_and(|k| k.kind() == TokenKind::Word || k.as_str() == "-")
                    })
                });
                if clear {
                    found = Some(ti);
                    break;
                }
            }
        }
        if is_aux(w) {
            passive |= PASSIVE_AUX.contains(&w);
            i += 1;
            continue;
        }
        // A relative clause on the counted people: "34 people who drowned".
        if matches!(w, "who" | "that") && i == start {
            i += 1;
            continue;
        }
        if w.len() > 4 && w.ends_with("ly") {
            i += 1;
            continue;
        }
        if NP_PREPOSITIONS.contains(&w) && pps < 2 {
            let mut j = i + 1;
            while j < n && j - i <= 6 {
                let wj = v.word(j);
                let tok_ok = v.toks.get(j).is_some_and(|t| {
                    matches!(t.kind(), TokenKind::Word | TokenKind::Number)
                        || matches!(t.as_str(), "-" | "'s" | "’s")
                });
                if !tok_ok
                    || v.is_trigger_word(j)
                    || is_aux(wj)
                    || v.cand_starting(j).is_some()
                    || matches!(
                        wj,
                        "and" | "or" | "when" | "after" | "as" | "who" | "that" | "which"
                    )
                {
                    break;
                }
                j += 1;
            }
            if j == i + 1 {
                break;
            }
            pps += 1;
            i = j;
            continue;
        }
        break;
    }
    let Some(ti) = found else { return Vec::new() };
    let Some(t) = triggers.get(ti) else { return Vec::new() };
    let mut out = vec![ti];
    // ", feared dead": a second, hedged outcome for the same count.
    let mut k = t.t1;
    if matches!(v.word(k), "," | "and" | "or") {
        k += 1;
        let mut hedge = false;
        while k < n && k < t.t1 + 6 && is_aux(v.word(k)) {
            hedge |= is_cue(v.word(k));
            k += 1;
        }
        if let Some(tj) = trig_starting(v, triggers, k) {
            if let Some(u) = triggers.get(tj) {
                if hedge
                    && u.sig.outcome != t.sig.outcome
                    && matches!(u.sig.role, Role::Adjective | Role::Past)
                {
                    out.push(tj);
                }
            }
        }
    }
    out
}

/// Attaches every count to its outcome signal(s).
fn attach(v: &View<'_>, triggers: &[Trigger], cands: &mut [Cand]) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    // The first count each outcome word was given to; later ones borrow it.
    let mut trig_owner: Vec<Option<usize>> = vec![None; triggers.len()];
    for ci in 0..cands.len() {
        let np = read_np(v, triggers, cands, ci);
        let Some(c) = cands.get(ci).copied() else { continue };
        if c.inner_total {
            continue;
        }
        let noun_word = c.noun.map(|n| v.word(n));
        let mut found: Vec<(usize, Option<usize>)> = Vec::new();

        // 1. Attributive or adjacent: "125 dead", "30 wounded soldiers", "1,000 deaths".
        if np.partitive.is_none() && !np.of_them {
            let last = c.noun.map_or(c.t1, |n| n);
            for i in c.t1..=last {
                if let Some(ti) = trig_starting(v, triggers, i) {
                    let Some(t) = triggers.get(ti) else { continue };
                    let ok = match t.sig.role {
                        Role::Adjective | Role::Noun => true,
                        Role::Past => c.noun.is_some() || !object_follows(v, t.t1),
                        _ => false,
                    };
                    if ok {
                        found.push((ti, np.victims));
                    }
                    break;
                }
            }
        }
        // 2. Subject of a passive, intransitive or predicative outcome word;
        // also after an attributive one ("two injured people died").
        if found.is_empty() || !np.of_them {
            for ti in subject(v, triggers, np.end) {
                if !found.iter().any(|f| f.0 == ti) {
                    found.push((ti, np.victims));
                }
            }
        }
        // 3. Object of an active verb, or "the deaths of", "the bodies of".
        if found.is_empty() {
            let mut k = c.t0;
            let mut skipped = 0;
            while k > 0 && skipped < 2 && OBJECT_SKIP.contains(&v.word(k - 1)) {
                k -= 1;
                skipped += 1;
            }
            if k > 0 && v.word(k - 1) == "of" {
                if let Some(ti) = trig_ending(v, triggers, k - 1) {
                    if triggers.get(ti).is_some_and(|t| t.sig.role == Role::Noun) {
                        found.push((ti, np.victims));
                    }
                }
            } else if let Some(ti) = trig_ending(v, triggers, k) {
                if triggers.get(ti).is_some_and(|t| matches!(t.sig.role, Role::Active | Role::Past))
                {
                    found.push((ti, np.victims));
                }
            }
        }
        // 4. A toll's value: "the death toll ... rose to 40", "put the toll at 30".
        if found.is_empty() {
            let lo = c.t0.saturating_sub(TOLL_WINDOW);
            let linked = c.t0 > 0 && TOLL_LINKS.contains(&v.word(c.t0 - 1));
            let toll = (lo..c.t0).rev().find_map(|i| {
                let ti = trig_starting(v, triggers, i)?;
                let t = triggers.get(ti)?;
                // "Deaths from the outbreak have reached 1,300": an outcome
                // noun with no count of its own reads like a toll.
                let noun_total = t.sig.role == Role::Noun
                    && linked
                    && !(t.t0.saturating_sub(3)..t.t0).any(|k| v.in_cand(k));
                (t.sig.role == Role::Toll || noun_total).then_some(ti)
            });
            if let Some(ti) = toll {
                let t0 = triggers.get(ti).map_or(c.t0, |t| t.t1);
                let clear = !(t0..c.t0).any(|i| {
                    v.cand_starting(i).and_then(|k| cands.get(k)).is_some_and(|d| !d.inner_total)
                }) && !(t0..c.t0).any(|i| v.word(i) == ";" || v.is_trigger_word(i));
                if clear {
                    found.push((ti, None));
                }
            }
        }
        // 5. Parts and partitives that borrow their outcome.
        if found.is_empty() {
            let prev = c.t0.checked_sub(1).map_or("", |i| v.word(i));
            let last_fact = drafts
                .iter()
                .rev()
                .find(|d| cands.get(d.cand).is_some_and(|e| e.t0 < c.t0))
                .copied();
            if let Some(ti) = np.partitive {
                // "Two of the dead in Beirut were journalists."
                let mut victims = None;
                let mut k = np.end;
                while k < np.end + 6 && k < v.w.len() {
                    if LINK_WORDS.contains(&v.word(k)) {
                        if nounish(v.word(k + 1)) && trig_starting(v, triggers, k + 1).is_none() {
                            victims = Some(k + 1);
                        }
                        break;
                    }
                    k += 1;
                }
                found.push((ti, victims));
            } else if np.of_them {
                if let Some(d) = last_fact {
                    found.push((d.trig, np.victims));
                }
            } else if PART_WORDS.contains(&prev)
                || (matches!(prev, "them" | "whom") && c.t0 >= 2 && v.word(c.t0 - 2) == "among")
            {
                if let Some(d) = last_fact {
                    found.push((d.trig, np.victims));
                } else if matches!(prev, "included" | "include" | "includes" | "including") {
                    let lo = c.t0.saturating_sub(8);
                    if let Some(ti) = (lo..c.t0).rev().find_map(|i| {
                        let ti = trig_starting(v, triggers, i)?;
                        matches!(
                            triggers.get(ti)?.sig.role,
                            Role::Noun | Role::Adjective | Role::Past
                        )
                        .then_some(ti)
                    }) {
                        found.push((ti, np.victims));
                    }
                }
            } else if matches!(prev, "and" | ",") {
                if let Some(d) = last_fact {
                    let e = cands.get(d.cand).copied();
                    let nearest_prev = cands
                        .get(..ci)
                        .unwrap_or(&[])
                        .iter()
                        .rev()
                        .find(|x| !x.inner_total)
                        .map(|x| x.t0);
                    if let Some(e) = e {
                        // Only the shared outcome word may stand between them:
                        // "5 were arrested in Manchester and 3 in Liverpool".
                        let own = triggers.get(d.trig).map_or(0..0, |t| t.t0..t.t1);
                        let between_clear =
                            !(e.t1..c.t0).any(|i| v.is_trigger_word(i) && !own.contains(&i));
                        // Elliptical only: "and 40 were taken to hospital"
                        // has a predicate of its own.
                        let elliptical = matches!(
                            v.word(np.end),
                            "" | "."
                                | ","
                                | ";"
                                | ":"
                                | ")"
                                | "and"
                                | "in"
                                | "at"
                                | "near"
                                | "on"
                                | "across"
                                | "around"
                                | "outside"
                        );
                        if nearest_prev == Some(e.t0)
                            && between_clear
                            && elliptical
                            && c.t0 - e.t1 <= 8
                        {
                            found.push((d.trig, np.victims));
                        }
                    }
                }
            }
            // "Among the wounded were six children."
            if found.is_empty() && (LINK_WORDS.contains(&prev) || matches!(prev, "and" | ",")) {
                let lo = c.t0.saturating_sub(8);
                for i in lo..c.t0 {
                    if v.word(i) == "among" && matches!(v.word(i + 1), "the" | "those") {
                        if let Some(ti) = trig_starting(v, triggers, i + 2) {
                            found.push((ti, np.victims));
                            break;
                        }
                    }
                }
            }
        }

        for (ti, victims) in found {
            let Some(t) = triggers.get(ti) else { continue };
            if t.mixture {
                continue;
            }
            if t.sig.flags & flag::LIFE_VERB != 0 && !life_verb_before(v, c.t0.min(t.t0)) {
                continue;
            }
            let vw = victims.map(|n| v.word(n)).or(noun_word);
            if t.sig.flags & flag::PERSON != 0
                && vw.is_some_and(|w| !is_person(w) && !is_outcome_noun(w))
            {
                continue;
            }
            if t.sig.flags & flag::NOT_ESCAPE != 0 && vw.is_some_and(|w| ESCAPEES.contains(&w)) {
                continue;
            }
            if drafts.iter().rev().take_while(|d| d.cand == ci).any(|d| d.trig == ti) {
                continue;
            }
            let first = trig_owner.get_mut(ti).map(|o| *o.get_or_insert(ci));
            let borrowed = first.is_some_and(|o| o != ci);
            drafts.push(Draft { cand: ci, trig: ti, borrowed, outcome: t.sig.outcome, victims });
        }
    }
    drafts
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
            let live = !CUE_NEGATORS.contains(&v.word(i + 1)) && !v.is_trigger_word(i);
            if live && is_cue(w) {
                cues += 1;
            }
            if live && is_modal(w) {
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
        let from = lo.min(trigger.saturating_sub(MODAL_REACH)).max(start);
        let modal = at(&self.modals_before, hi) > at(&self.modals_before, from);
        clause || modal
    }
}
