//! The clause reader: from a count, the outcome word it is the subject of,
//! read along the clause (auxiliaries, adverbs, short prepositional
//! modifiers, relative pronouns) rather than a window of words.

use super::hedges::is_cue;
use super::outcomes::{flag, Role};
use super::victims::{
    is_aux, is_np_preposition, is_object_start, is_person, nounish, AGE_WORDS, INJURY_FRAMES,
    INTERRUPTERS, IRREGULAR_PARTICIPLES, IRREGULAR_PASTS, LATER_WORDS, PASSIVE_AUX, POSSESSIVES,
    RELATIVE_STOPS,
};
use super::view::{trig_starting, Cand, Trigger, View};
use crate::casualties::Outcome;
use crate::text::TokenKind;

/// Longest stretch the subject chain walks from a count to its outcome word.
const CHAIN_STEPS: usize = 20;

/// The token after an age apposition opened by the comma at `i` (", 52,",
/// ", 21 and 23,", ", ages 8 and 10,"), if one is there: whole numbers up to
/// 120 (the number layer reads them as ages, not counts).
fn age_apposition(v: &View<'_>, i: usize) -> Option<usize> {
    let age = |k: usize| {
        v.toks.get(k).is_some_and(|t| t.kind() == TokenKind::Number)
            && v.word(k).parse::<u16>().is_ok_and(|n| (1..=120).contains(&n))
    };
    let i = if AGE_WORDS.contains(&v.word(i + 1)) { i + 1 } else { i };
    if !age(i + 1) {
        return None;
    }
    match v.word(i + 2) {
        "," => Some(i + 3),
        "and" if age(i + 3) && v.word(i + 4) == "," => Some(i + 5),
        _ => None,
    }
}

/// The outcome word after the participle at `i` and "and" ("struck and
/// killed", "hit by a car and killed": up to six words between), if the
/// participle is coordinated with one. With `passive` false, or after "and"
/// or "but" further on, only a death coordinated with the first verb of the
/// clause counts: "A cyclist was hit by a bus and died at the scene", "A
/// toddler was rushed to hospital but later died", "A boy fell from a
/// balcony and died" (its subject is the clause's).
fn coordinated_participle(
    v: &View<'_>,
    triggers: &[Trigger],
    i: usize,
    passive: bool,
) -> Option<usize> {
    let w = v.word(i);
    let past = w.len() > 3 && w.ends_with("ed");
    if !(past || IRREGULAR_PARTICIPLES.contains(&w) || IRREGULAR_PASTS.contains(&w)) {
        return None;
    }
    if passive {
        let and = (i + 1..(i + 8).min(v.w.len()))
            .take_while(|&k| !matches!(v.word(k), "," | ";" | "." | ":") && !v.is_trigger_word(k))
            .find(|&k| v.word(k) == "and");
        let t = and.and_then(|and| triggers.get(trig_starting(v, triggers, and + 1)?));
        if let (Some(and), Some(t)) = (and, t) {
            if t.sig.role == Role::Past {
                return Some(and + 1);
            }
        }
    }
    // "... and (later) died": a death of the same subject.
    let conj = (i + 1..(i + 13).min(v.w.len()))
        .take_while(|&k| !matches!(v.word(k), ";" | "." | ":") && !v.is_trigger_word(k))
        .find(|&k| matches!(v.word(k), "and" | "but"))?;
    let mut k = conj + 1;
    while LATER_WORDS.contains(&v.word(k)) {
        k += 1;
    }
    let t = triggers.get(trig_starting(v, triggers, k)?)?;
    (t.sig.role == Role::Intransitive && t.sig.outcome == Outcome::Killed).then_some(k)
}

/// Whether a past form at `t1` (its end) is followed by an object.
pub(crate) fn object_follows(v: &View<'_>, t1: usize) -> bool {
    is_object_start(v.word(t1)) || v.cand_starting(t1).is_some()
}

/// Walks right from a subject count to its outcome word; returns the signal
/// occurrences it predicates (a second one for "missing, feared dead").
///
/// `start` is the first token after the subject's noun phrase; `cands` are
/// the sentence's counts. The walk crosses what real syntax puts between a
/// subject and its verb: coordinated counts ("a man and a woman were
/// killed"), parentheses and dashes, comma-delimited interruptions
/// ("Three people, including a child, were killed", "One child was,
/// according to the fire service, among the dead"), the rest of an
/// apposition ("Ali Musa, a 19-year-old student who ..., died") and a
/// reduced relative ("A man suspected of ... was arrested").
pub(crate) fn subject(
    v: &View<'_>,
    triggers: &[Trigger],
    cands: &[Cand],
    start: usize,
) -> Vec<usize> {
    let n = v.w.len();
    let mut i = start;
    let mut passive = false;
    let mut pps = 0;
    let mut steps = 0;
    let mut found = None;
    // The subject is an apposition ("X, a retired engineer, died"): the next
    // comma closes it.
    let head = cands.iter().find(|c| c.noun.map_or(c.t1, |n| n + 1) == start);
    let mut appositive = head.is_some_and(|c| {
        c.t0.checked_sub(1).is_some_and(|k| matches!(v.word(k), "," | "—" | "–" | "("))
    });
    let mut after_relative = false;
    // Where the last noun phrase of the subject ended (an age may follow).
    let mut head_end = start;
    while i < n && steps < CHAIN_STEPS {
        steps += 1;
        let w = v.word(i);
        // Coordinated counts share the predicate: "a man and a woman",
        // "17 children and nine adults", "150 troops, 95 civilians and ...".
        if matches!(w, "and" | "or" | ",") {
            let mut k = if w == "," && v.word(i + 1) == "and" { i + 2 } else { i + 1 };
            // "a man and his two sons": a possessive before the count.
            if v.cand_starting(k).is_none() && POSSESSIVES.contains(&v.word(k)) {
                k += 1;
            }
            if let Some(c) = v.cand_starting(k).and_then(|ci| cands.get(ci)) {
                let end = c.noun.map_or(c.t1, |n| n + 1);
                // After a comma, only a list continues ("95 civilians and
                // ..."); "seven tourists, five of whom died" is a part.
                let listed =
                    w != "," || matches!(v.word(end), "," | "and" | "or" | "—" | "–" | "--");
                if listed {
                    // After a comma the list may be an apposition that a
                    // comma closes: "Two people, a man and a woman, died".
                    appositive |= w == ",";
                    i = end;
                    head_end = end;
                    pps = 0;
                    continue;
                }
            }
            // "One person, a mother of three, died", "A man, a woman from
            // Leeds, and a child": the comma after a noun phrase's modifiers
            // closes an apposition or goes on with the list.
            if w == "," {
                let close = v
                    .cand_starting(k)
                    .and_then(|ci| cands.get(ci))
                    .and_then(|c| phrase_comma(v, c.noun.map_or(c.t1, |n| n + 1)));
                if let Some(close) = close {
                    appositive = true;
                    i = close;
                    head_end = close;
                    pps = 0;
                    continue;
                }
            }
            // "students and staff abducted": a second plain noun.
            if w != "," && is_person(v.word(k)) && !v.is_trigger_word(k) && k + 1 < n {
                i = k + 1;
                continue;
            }
        }
        if matches!(w, "\"" | "“" | "”" | "'" | "‘" | "’") {
            // Quotation marks around the subject: "three terrorists" were killed.
            i += 1;
            continue;
        }
        // A name or an age right after the subject's head: "his daughter
        // Gianna, aged 13", "Bryant aged 41".
        let name = i == start
            && !v.title
            && !v.is_trigger_word(i)
            && v.raw(i).starts_with(char::is_uppercase)
            && nounish(w);
        if name || (w == "aged" && v.toks.get(i + 1).is_some_and(|t| t.kind() == TokenKind::Number))
        {
            i += if name { 1 } else { 2 };
            continue;
        }
        // An age set off by commas, as news writes it: "a woman, 52, was
        // stabbed", "two men, 21 and 23, were killed", "a man, 27, and a
        // woman, 25, were hurt".
        if let Some(next) = (i == head_end && w == ",").then(|| age_apposition(v, i)).flatten() {
            i = next;
            continue;
        }
        if w == "or" && matches!(v.word(i + 1), "more" | "so") {
            i += 2;
            continue;
        }
        if let Some(next) = skip_interruption(v, i, appositive) {
            appositive = false;
            i = next;
            continue;
        }
        if appositive && w != "," && !is_aux(w) && trig_starting(v, triggers, i).is_none() {
            // The rest of an apposition: up to the comma that closes it.
            if let Some(close) = (i..(i + 20).min(n))
                .take_while(|&k| !matches!(v.word(k), ";" | ".") && !v.is_trigger_word(k))
                .find(|&k| v.word(k) == ",")
            {
                appositive = false;
                i = close + 1;
                continue;
            }
        }
        // "Six children are among the 17 people killed": a part of the
        // counted group shares its outcome word.
        if w == "among" && i > 0 && is_aux(v.word(i - 1)) {
            let k = if matches!(v.word(i + 1), "the" | "those") { i + 2 } else { i + 1 };
            if let Some(c) = v.cand_starting(k).and_then(|ci| cands.get(ci)) {
                i = c.noun.map_or(c.t1, |n| n + 1);
                passive = true;
                continue;
            }
        }
        if v.cand_starting(i).is_some() {
            return Vec::new();
        }
        if let Some(ti) = trig_starting(v, triggers, i) {
            let Some(t) = triggers.get(ti) else { break };
            let ok = match t.sig.role {
                Role::Intransitive | Role::Adjective => true,
                Role::Past => passive || !object_follows(v, t.t1),
                Role::Active => {
                    (i > 0 && v.word(i - 1) == "to")
                        || (t.sig.flags & flag::INTRANSITIVE_TOO != 0 && !object_follows(v, t.t1))
                }
                Role::Noun | Role::Toll => false,
            };
            if ok {
                found = Some(ti);
            }
            break;
        }
        if w == "among" && matches!(v.word(i + 1), "the" | "those") {
            found = trig_starting(v, triggers, i + 2);
            break;
        }
        if INJURY_FRAMES.contains(&w) {
            // "treated for injuries", "suffered life-threatening injuries": up to four
            // tokens ("for", adjectives, hyphens) before an injury noun.
            let hit = (i + 1..(i + 6).min(n)).find_map(|j| {
                let ti = trig_starting(v, triggers, j)?;
                let t = triggers.get(ti)?;
                let harm = matches!(t.sig.outcome, Outcome::Injured | Outcome::Shot);
                (harm && t.sig.role != Role::Past).then_some(ti)
            });
            if let Some(ti) = hit {
                // "suffered smoke inhalation and a firefighter was treated
                // for a minor injury": no other count between.
                let clear = triggers.get(ti).is_some_and(|t| {
                    (i + 1..t.t0).all(|j| {
                        v.toks
                            .get(j)
                            .is_some_and(|k| k.kind() == TokenKind::Word || k.as_str() == "-")
                            && v.cand_starting(j).is_none()
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
        // A participle coordinated with the outcome word: "was struck and
        // killed", "was hit by a car and killed".
        if let Some(next) = coordinated_participle(v, triggers, i, passive) {
            i = next;
            continue;
        }
        // A relative clause on the counted people: "34 people who drowned".
        if matches!(w, "who" | "that") && i == start {
            after_relative = true;
            i += 1;
            continue;
        }
        // A reduced relative or a relative clause with a verb of its own:
        // "A man suspected of supplying the gun was arrested".
        if (i == start || after_relative) && (w.ends_with("ed") || w.ends_with("ing")) {
            // "Two residents suffered smoke inhalation and three were hurt":
            // "and" before a count opens a clause with a subject of its own.
            if let Some(k) = (i + 1..(i + 12).min(n))
                .take_while(|&k| {
                    let new_subject = v.word(k) == "and" && v.cand_starting(k + 1).is_some();
                    !RELATIVE_STOPS.contains(&v.word(k)) && !new_subject
                })
                .find(|&k| {
                    // "suspected of killing three people": a gerund after a
                    // preposition is inside the relative.
                    let gerund = matches!(v.word(k - 1), "of" | "for" | "in" | "after" | "over");
                    PASSIVE_AUX.contains(&v.word(k)) || (v.is_trigger_word(k) && !gerund)
                })
            {
                after_relative = false;
                i = k;
                continue;
            }
        }
        if w.len() > 4 && w.ends_with("ly") {
            i += 1;
            continue;
        }
        if is_np_preposition(w) && pps < 2 {
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
                        "and"
                            | "or"
                            | "when"
                            | "after"
                            | "as"
                            | "who"
                            | "that"
                            | "which"
                            | "whom"
                            | "them"
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

/// The comma that closes a noun phrase's few modifiers ("a mother of three,",
/// "a woman from Leeds,"), looked for from `end`, the first token after its
/// head: no outcome word, conjunction or sentence break before it.
pub(crate) fn phrase_comma(v: &View<'_>, end: usize) -> Option<usize> {
    (end..end + 5)
        .take_while(|&k| {
            let w = v.word(k);
            w == "," || (!v.is_trigger_word(k) && !matches!(w, "and" | "or" | "" | "." | ";"))
        })
        .find(|&k| v.word(k) == ",")
}

/// If token `i` opens an interruption between a subject and its verb, the
/// first token after it: a parenthesis, a pair of dashes, a closing comma of
/// an apposition, or a comma-delimited aside that starts with a word of
/// `INTERRUPTERS` ("including four children", "according to police",
/// "mostly civilians"). Nothing inside may be an outcome word.
fn skip_interruption(v: &View<'_>, i: usize, appositive: bool) -> Option<usize> {
    let n = v.w.len();
    let w = v.word(i);
    let close = |closer: &[&str], reach: usize| {
        (i + 1..(i + reach).min(n))
            .take_while(|&k| !matches!(v.word(k), ";" | ".") && !v.is_trigger_word(k))
            .find(|&k| closer.contains(&v.word(k)))
    };
    match w {
        "(" => close(&[")"], 16).map(|k| k + 1),
        "—" | "–" | "--" => {
            // A closing dash of an aside that opened before the subject:
            // "All on board — the pilot, his son and two others — died".
            let opened = (i.saturating_sub(40)..i).any(|k| matches!(v.word(k), "—" | "–" | "--"));
            close(&["—", "–", "--"], 20).map(|k| k + 1).or((appositive || opened).then_some(i + 1))
        }
        "," if appositive => Some(i + 1),
        "," if INTERRUPTERS.contains(&v.word(i + 1)) || v.word(i + 1).ends_with("ed") => {
            close(&[","], 16).map(|k| k + 1)
        }
        _ => None,
    }
    .map(|mut next| {
        // An age between commas may follow: "The victim, identified as X, 34, was ...".
        while v.toks.get(next).is_some_and(|t| t.kind() == TokenKind::Number)
            && v.word(next + 1) == ","
        {
            next += 2;
        }
        next
    })
}
