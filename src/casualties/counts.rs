//! Count candidates of a sentence (README section 4): the number layer's
//! phrases that may count people, digits it left out after an outcome verb,
//! and the casualty layer's own counts: zero negators ("no one", "none of").

use super::outcomes::{is_outcome_noun, starts_signal, Role};
use super::victims::{is_non_person, is_person, nounish, NP_PREPOSITIONS, RATE_WORDS};
use super::view::{trig_ending, Cand, Trigger, View};
use super::Count;
use crate::numbers::{parse_number, Interval, NumberKind, NumberPhrase};
use crate::span::Span;
use crate::text::TokenKind;

/// "no", "none", "nobody": the words of zero counts, any case.
pub(crate) fn is_zero_word(s: &str) -> bool {
    s.len() <= 6
        && (s.eq_ignore_ascii_case("no")
            || s.eq_ignore_ascii_case("none")
            || s.eq_ignore_ascii_case("nobody"))
}

/// Number phrases that may count people, plus zero negators.
pub(crate) fn find_counts(
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
pub(crate) fn person_head(v: &View<'_>, t1: usize) -> Option<usize> {
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
