//! Count candidates of a sentence (README section 4): the number layer's
//! phrases that may count people, digits it left out after an outcome verb,
//! and the casualty layer's own counts: zero negators ("no one", "none of").

use super::outcomes::{is_outcome_noun, starts_signal, Role};
use super::victims::{
    is_aux, is_identifier_cue, is_month, is_non_person, is_np_break, is_np_preposition, is_person,
    is_singular_determiner, is_singular_person, is_street_word, nounish, INJURY_FRAMES,
    ONE_NOT_AFTER, ONE_OF_SUPERLATIVE, RATE_WORDS, SERIES_WORDS, SHARE_WORDS, SINGULAR_DETERMINERS,
    SURPASS_WORDS,
};
use super::view::{trig_ending, trig_starting, Cand, CandKind, Trigger, View};
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

/// Whether a token may open a count of the casualty layer's own: an isolated
/// "one" or the determiner of a singular person noun phrase (any case).
pub(crate) fn opens_count(s: &str) -> bool {
    s.len() <= 5
        && (s.eq_ignore_ascii_case("one")
            || SINGULAR_DETERMINERS.iter().any(|d| s.eq_ignore_ascii_case(d)))
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
    // The token after each share ("More than half", "40 percent").
    let mut after_shares: Vec<usize> = Vec::new();
    for p in numbers.iter().filter(|p| ss.contains(p.span())) {
        if matches!(p.kind(), NumberKind::Fraction | NumberKind::Percent) {
            after_shares.push(tok_at(p.span().end));
        }
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
            // "one person dead": a people noun before the layer's noun is the head.
            .map(|n| person_head(v, t1).filter(|&p| p < n).unwrap_or(n))
            .or_else(|| person_head(v, t1))
            .map(|n| compound_head(v, n));
        out.push(Cand {
            kind: CandKind::Number,
            t0,
            t1,
            count: Count::from(p),
            noun,
            inner_total: false,
        });
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
            let value = parse_number(v.raw(i))
                .filter(Interval::is_point)
                .filter(|_| !v.text_after(i + 1).starts_with('-'));
            if let (true, Some(iv), Some(span)) = (after_verb, value, v.span(i, i + 1)) {
                let noun = person_head(v, i + 1).map(|n| compound_head(v, n));
                out.push(Cand {
                    kind: CandKind::Number,
                    t0: i,
                    t1: i + 1,
                    count: Count::new(span, iv, false),
                    noun,
                    inner_total: false,
                });
            }
            continue;
        }
        // Every zero word starts with "n": one cheap test for all other words.
        if !v.word(i).starts_with('n') {
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
            kind: CandKind::Zero,
            t0: i,
            t1,
            count: Count::new(span, Interval::point(0.0), false),
            noun,
            inner_total: false,
        });
    }
    // Isolated "one" and singular person noun phrases (rules v2).
    for c in &out {
        for k in c.t0..c.t1 {
            if let Some(slot) = covered.get_mut(k) {
                *slot = true;
            }
        }
    }
    let mut i = 0;
    while i < n {
        if covered.get(i).copied().unwrap_or(true) {
            i += 1;
            continue;
        }
        if v.word(i) == "one" && isolated_one(v, triggers, i) {
            if let Some(span) = v.span(i, i + 1) {
                out.push(Cand {
                    kind: CandKind::One,
                    t0: i,
                    t1: i + 1,
                    count: Count::new(span, Interval::point(1.0), false),
                    noun: None,
                    inner_total: false,
                });
            }
        } else if let Some(head) = singular_head(v, triggers, i) {
            if let Some(span) = v.span(i, i + 1) {
                out.push(Cand {
                    kind: CandKind::Singular,
                    t0: i,
                    t1: i + 1,
                    count: Count::new(span, Interval::point(1.0), false),
                    noun: Some(head),
                    inner_total: false,
                });
                i = head + 1;
                continue;
            }
        }
        i += 1;
    }
    out.sort_by_key(|c| c.t0);
    for c in &mut out {
        if c.kind == CandKind::Number {
            read_change(v, c);
            read_threshold(v, c);
        }
    }
    let one_at: Vec<usize> = out.iter().filter(|c| c.kind == CandKind::One).map(|c| c.t0).collect();
    let nouns: Vec<usize> = out.iter().filter_map(|c| c.noun).collect();
    // Superseded values, rates, counts of things, and numbers that are no
    // counts: dates, ages, addresses, identifiers.
    out.retain(|c| {
        let prev = c.t0.checked_sub(1).map_or("", |i| v.word(i));
        if prev == "from" || v.word(c.t0) == "from" {
            return false;
        }
        // A count that modifies a counted noun ("Five members of one
        // family", "Two members of the National Guard", like "six people
        // from one village"); not an outcome noun ("the mother of a freed
        // hostage").
        let outcome_noun = c.noun.is_some_and(|n| v.is_trigger_word(n));
        if prev == "of" && c.t0 >= 2 && nouns.contains(&(c.t0 - 2)) && !outcome_noun {
            return false;
        }
        if c.kind == CandKind::Number && not_a_count(v, c) {
            return false;
        }
        // The total of a partitive whose "one" is no count ("All but one of
        // the sixteen on board died": the survivor) gives no fact either.
        let w = |k: usize| c.t0.checked_sub(k).map_or("", |i| v.word(i));
        let of_at = if w(1) == "of" {
            1
        } else if w(2) == "of" && matches!(w(1), "the" | "those") {
            2
        } else {
            0
        };
        if of_at > 0 && w(of_at + 1) == "one" && one_at.binary_search(&(c.t0 - of_at - 1)).is_err()
        {
            return false;
        }
        // The total of a share is not the number the outcome happened to
        // (README section 2, rule 4): "More than half of the 400 residents
        // fled", "Most of the 300 villagers fled"; unless the total carries
        // the outcome itself ("Two-thirds of the 90 dead", "Half of the 12
        // people killed": an adjective, a noun or a participle after it; a
        // verb there is the share's, "Most of the 300 villagers fled").
        let share = of_at > 0
            && (after_shares.contains(&(c.t0 - of_at)) || SHARE_WORDS.contains(&w(of_at + 1)));
        if share && !outcome_noun {
            let end = c.noun.map_or(c.t1, |i| i + 1);
            let own = trig_starting(v, triggers, end)
                .and_then(|ti| triggers.get(ti))
                .is_some_and(|t| matches!(t.sig.role, Role::Adjective | Role::Noun | Role::Past));
            if !own {
                return false;
            }
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

/// Whether number candidate `c` is a date, an age, an address or an
/// identifier rather than a count (README section 4).
fn not_a_count(v: &View<'_>, c: &Cand) -> bool {
    let prev = c.t0.checked_sub(1).map_or("", |i| v.word(i));
    if is_month(prev) || is_identifier_cue(prev) {
        return true;
    }
    // "Sept. 3": the tokenizer may keep the period apart.
    if prev == "." && c.t0 >= 2 && is_month(v.word(c.t0 - 2)) {
        return true;
    }
    // "14 Elm Street": the noun the number layer gave, or the next words.
    let street = |k: usize| is_street_word(v.word(k)) && v.raw(k).starts_with(char::is_uppercase);
    let no_person = c.noun.is_none() || c.noun.is_some_and(|n| !is_person(v.word(n)));
    if no_person && (street(c.t1) || street(c.t1 + 1) || street(c.t1 + 2)) {
        return true;
    }
    // "Andrew Kinsman, 49, was ...": a bare number between commas after a name is an age.
    let name_before = c.t0 >= 2 && v.raw(c.t0 - 2).starts_with(char::is_uppercase);
    if prev == "," && v.word(c.t1) == "," && c.noun.is_none() && name_before {
        return true;
    }
    // "aged 41", "41 years old", "at 103 years of age" (years is no person).
    matches!((v.word(c.t1), v.word(c.t1 + 1)), ("years" | "year", "old"))
}

/// "from 14 to 31" is a change, not a range: the superseded "from" value is no
/// fact, the new one is (README section 4: "climbed from 9 to 14" -> 14).
fn read_change(v: &View<'_>, c: &mut Cand) {
    if v.word(c.t0) != "from" {
        return;
    }
    let Some(to) = (c.t0 + 1..c.t1).find(|&k| v.word(k) == "to") else { return };
    let Some(span) = v.span(to + 1, c.t1) else { return };
    let Some(text) = span.slice(v.text) else { return };
    if let Some(iv) = parse_number(text) {
        c.count = Count::new(span, iv, c.count.is_approximate());
        c.t0 = to + 1;
    }
}

/// "surpassed 100,000" is read like "exceeded 100,000": (X, inf), the verb
/// inside the span; "66 people or more" is [66, inf) (README section 11).
fn read_threshold(v: &View<'_>, c: &mut Cand) {
    let Some(x) = c.count.interval().low().filter(|_| c.count.interval().is_point()) else {
        return;
    };
    if c.t0 > 0 && SURPASS_WORDS.contains(&v.word(c.t0 - 1)) {
        if let Some(span) = v.span(c.t0 - 1, c.t1) {
            c.count = Count::new(span, Interval::more_than(x), c.count.is_approximate());
            c.t0 -= 1;
        }
        return;
    }
    let end = c.noun.map_or(c.t1, |n| n + 1);
    if v.word(end) == "or" && v.word(end + 1) == "more" {
        c.count = Count::new(c.count.span(), Interval::at_least(x), c.count.is_approximate());
    }
}

/// Whether the "one" at `i` counts a person with no noun after it ("killing
/// one", "one was pronounced dead", "one of them died"), not a pronoun for a
/// thing ("one of the deadliest roads", "the only one", "all but one").
fn isolated_one(v: &View<'_>, triggers: &[Trigger], i: usize) -> bool {
    let prev = i.checked_sub(1).map_or("", |k| v.word(k));
    if ONE_NOT_AFTER.contains(&prev) {
        return false;
    }
    let next = v.word(i + 1);
    match next {
        "of" => {
            let after = v.word(i + 2);
            match after {
                "them" | "whom" | "us" => true,
                "the" | "those" | "these" | "its" | "their" | "his" | "her" => {
                    let w = v.word(i + 3);
                    !(w.ends_with("est") || ONE_OF_SUPERLATIVE.contains(&w))
                }
                _ => false,
            }
        }
        "another" => false,
        "" | "." | "," | ";" | ":" | ")" | "-" | "—" | "–" | "and" | "or" | "but" => true,
        w => {
            is_aux(w)
                || trig_starting(v, triggers, i + 1).is_some()
                || is_np_preposition(w)
                || w.ends_with("ly")
        }
    }
}

/// The head noun of a singular person noun phrase opened by the determiner
/// at `i` ("a 46-year-old man", "The local police chief", "her personal
/// secretary"), if there is one: up to six modifiers (words, ages such as
/// "66-year-old", attributive outcome words as in "the detained suspect"),
/// no ordinal or series word ("a second man", "another man"), and no
/// genitive ("the suspect's wife" names the wife, not the suspect).
fn singular_head(v: &View<'_>, triggers: &[Trigger], i: usize) -> Option<usize> {
    if !is_singular_determiner(v.word(i)) {
        return None;
    }
    let n = v.w.len();
    let mut j = i + 1;
    let mut attributive = false;
    while j < n && j <= i + 7 {
        let w = v.word(j);
        if SERIES_WORDS.contains(&w) {
            return None;
        }
        let tok = v.toks.get(j)?;
        // "a 19-year-old was shot": the age itself names the person.
        let age_noun = w == "old"
            && v.word(j.wrapping_sub(1)) == "-"
            && !v.toks.get(j + 1).is_some_and(|t| {
                t.kind() == TokenKind::Word && !is_aux(v.word(j + 1)) && !v.is_trigger_word(j + 1)
            });
        if age_noun {
            return Some(j);
        }
        // "a minor injury": a person noun used as an adjective.
        let adjective = trig_starting(v, triggers, j + 1)
            .and_then(|ti| triggers.get(ti))
            .is_some_and(|t| t.sig.role == Role::Noun);
        if tok.kind() == TokenKind::Word && is_singular_person(w) && !adjective {
            let next = v.word(j + 1);
            // "a woman driver", "the local police chief": the last noun is the head.
            let later = (j + 1..j + 3).find(|&k| is_singular_person(v.word(k)));
            let plain = |k: usize| {
                v.raw(k).starts_with(char::is_lowercase)
                    && v.word(k).chars().all(char::is_alphabetic)
                    && !is_np_break(v.word(k))
                    && !is_aux(v.word(k))
                    && !is_np_preposition(v.word(k))
            };
            // "A driver suffered minor injuries": a verb between ends the phrase.
            let verb = |k: usize| v.word(k).ends_with("ed") || INJURY_FRAMES.contains(&v.word(k));
            if let Some(k) = later.filter(|&k| (j + 1..=k).all(plain) && !(j + 1..k).any(verb)) {
                j = k;
                continue;
            }
            if matches!(next, "'s" | "’s" | "'" | "’") && !attributive {
                return None;
            }
            return Some(j);
        }
        let modifier = match tok.kind() {
            TokenKind::Word => {
                if let Some(ti) = trig_starting(v, triggers, j) {
                    // An attributive outcome word right after the determiner
                    // or an adverb: "the injured man", "a badly wounded soldier".
                    let role = triggers.get(ti).map(|t| t.sig.role);
                    let early = (i + 1..j).all(|k| v.word(k).ends_with("ly"));
                    let ok = early && matches!(role, Some(Role::Past | Role::Adjective));
                    attributive |= ok;
                    ok && triggers.get(ti).is_some_and(|t| t.t1 == j + 1)
                } else {
                    w.chars().all(|ch| ch.is_alphabetic() || ch == '-' || ch == '.')
                        && !is_aux(w)
                        && !is_np_preposition(w)
                        && !is_singular_determiner(w)
                        && !is_np_break(w)
                }
            }
            TokenKind::Number => v.text_after(j + 1).starts_with('-'),
            _ => w == "-" && !v.word(j + 1).is_empty(),
        };
        if !modifier {
            return None;
        }
        j += 1;
    }
    None
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
        if !is_word || !nounish(w) || is_np_preposition(w) || starts_signal(w) {
            return None;
        }
        if is_person(w) {
            return Some(k);
        }
    }
    None
}
