//! The clause reader: from a count, the outcome word it is the subject of,
//! read along the clause (auxiliaries, adverbs, short prepositional
//! modifiers, relative pronouns) rather than a window of words.

use super::hedges::is_cue;
use super::outcomes::Role;
use super::victims::{is_aux, INJURY_FRAMES, NP_PREPOSITIONS, OBJECT_STARTS, PASSIVE_AUX};
use super::view::{trig_starting, Trigger, View};
use crate::text::TokenKind;
use crate::Outcome;

/// Longest stretch the subject chain walks from a count to its outcome word.
const CHAIN_STEPS: usize = 16;

/// Whether a past form at `t1` (its end) is followed by an object.
pub(crate) fn object_follows(v: &View<'_>, t1: usize) -> bool {
    OBJECT_STARTS.contains(&v.word(t1)) || v.cand_starting(t1).is_some()
}

/// Walks right from a subject count to its outcome word; returns the signal
/// occurrences it predicates (a second one for "missing, feared dead").
pub(crate) fn subject(v: &View<'_>, triggers: &[Trigger], start: usize) -> Vec<usize> {
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
