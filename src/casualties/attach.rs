//! Attachment: every count candidate of a sentence to the outcome signal(s)
//! it belongs to (attributive, subject, object, toll value, part of a total,
//! partitive), with the victims noun it names.

use super::clause::{object_follows, phrase_comma, subject};
use super::counts::person_head;
use super::outcomes::{
    flag, is_outcome_noun, Role, CHANGE_VERBS, ELLIPSIS_VERBS, LIFE_VERBS, NOMINAL_DETERMINERS,
    TOLL_LINKS,
};
use super::victims::{
    is_non_person, is_person, nounish, AGE_HEADS, AUX_WORDS, AVERTING_WORDS, CARE_PLACES,
    ELLIPSIS_FOLLOWERS, ESCAPEES, FREEING_NOUNS, FREEING_VERBS, GENERIC_CUES, LATER_STATUSES,
    LINK_WORDS, OBJECT_SKIP, PART_WORDS, PASSIVE_AUX, POSSESSIVES, SURPASS_WORDS, SURVIVORS,
};
use super::view::{trig_ending, trig_starting, Cand, CandKind, Trigger, View};
use crate::casualties::Outcome;

/// How far (in tokens) a toll may stand before its count.
const TOLL_WINDOW: usize = 14;
/// How far when a change verb links them ("rises to", "increased to").
const TOLL_CLAUSE: usize = 32;

#[derive(Clone, Copy, Debug)]
pub(crate) struct Draft {
    pub(crate) cand: usize,
    pub(crate) trig: usize,
    /// The outcome word is another count's ("and 10 in Mozambique"): it does
    /// not anchor this fact's location.
    pub(crate) borrowed: bool,
    pub(crate) outcome: Outcome,
    pub(crate) victims: Option<usize>,
    /// A part of a counted total ("killed five, including a woman").
    pub(crate) part: bool,
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

/// The outcome word whose object the count `c` is: an active or past verb
/// right before it ("killed three people", "arrested his son"), or a noun
/// or nominal verb before "of" ("the deaths of four", "the arrest of 13
/// people", "the killing of two").
fn object_of(v: &View<'_>, triggers: &[Trigger], c: &Cand) -> Option<usize> {
    let mut k = c.t0;
    let mut skipped = 0;
    while k > 0 && skipped < 2 && OBJECT_SKIP.contains(&v.word(k - 1)) {
        k -= 1;
        skipped += 1;
    }
    if k > 0 && v.word(k - 1) == "of" {
        let ti = trig_ending(v, triggers, k - 1)?;
        let nominal = |t: &Trigger| {
            t.sig.role == Role::Noun
                || (t.sig.role == Role::Active
                    && t.t0 > 0
                    && NOMINAL_DETERMINERS.contains(&v.word(t.t0 - 1)))
        };
        triggers.get(ti).is_some_and(nominal).then_some(ti)
    } else {
        let ti = trig_ending(v, triggers, k)?;
        triggers
            .get(ti)
            .is_some_and(|t| matches!(t.sig.role, Role::Active | Role::Past))
            .then_some(ti)
    }
}

/// Whether a past or adjective outcome word stands at token `at`, right
/// after a noun phrase: a reduced relative ("the 12 people killed").
fn reduced_outcome(v: &View<'_>, triggers: &[Trigger], at: usize) -> bool {
    // "the 315 students and staff abducted": past a coordinated noun.
    let at = if matches!(v.word(at), "and" | "or")
        && nounish(v.word(at + 1))
        && trig_starting(v, triggers, at + 1).is_none()
    {
        at + 2
    } else {
        at
    };
    trig_starting(v, triggers, at)
        .and_then(|ti| triggers.get(ti))
        .is_some_and(|t| matches!(t.sig.role, Role::Past | Role::Adjective))
}

/// Whether the count starting at token `t0` is what was freed: right after a
/// freeing verb ("freed 20 of the 50 hostages") or "the release of".
fn freed_before(v: &View<'_>, t0: usize) -> bool {
    let prev = t0.checked_sub(1).map_or("", |i| v.word(i));
    let noun = t0.checked_sub(2).map_or("", |i| v.word(i));
    FREEING_VERBS.contains(&prev) || (prev == "of" && FREEING_NOUNS.contains(&noun))
}

/// The outcome word of "before/after being ..." in the clause from token
/// `from` ("... before being shot dead"): what befell the clause's subject.
fn own_end(v: &View<'_>, triggers: &[Trigger], from: usize) -> Option<usize> {
    (from..v.w.len())
        .take_while(|&k| v.word(k) != ";")
        .find(|&k| matches!(v.word(k), "before" | "after") && v.word(k + 1) == "being")
        .and_then(|k| trig_starting(v, triggers, k + 2))
        .filter(|&ti| {
            triggers.get(ti).is_some_and(|t| matches!(t.sig.role, Role::Past | Role::Adjective))
        })
}

/// Whether "N of whom/them" is the subject of a clause of its own that
/// states a later status the rules leave out (README 3: charged, released,
/// taken to hospital...): "arrested 37, 12 of whom were later charged", "two
/// of whom were taken to hospital". `k` is the first token after "of
/// whom/them"; an outcome word there is a trigger, read before this.
fn own_predicate(v: &View<'_>, k: usize) -> bool {
    let mut i = k;
    let mut aux = false;
    while i < k + 5 && AUX_WORDS.contains(&v.word(i)) && !v.is_trigger_word(i) {
        aux |= PASSIVE_AUX.contains(&v.word(i)) || matches!(v.word(i), "has" | "have" | "had");
        i += 1;
    }
    aux && LATER_STATUSES.contains(&v.word(i))
}

/// Whether "lives" or "life" is lost, claimed, cost or taken: one of
/// [`LIFE_VERBS`] within `within` tokens before `at` (a fact's own count
/// or outcome word: 4; the word itself, to be a trigger at all: 8).
pub(crate) fn life_verb_before(v: &View<'_>, at: usize, within: usize) -> bool {
    (at.saturating_sub(within)..at).any(|i| LIFE_VERBS.contains(&v.word(i)))
}

fn read_np(v: &View<'_>, triggers: &[Trigger], cands: &mut [Cand], ci: usize) -> Np {
    let Some(c) = cands.get(ci).copied() else { return Np::default() };
    let mut np =
        Np { end: c.noun.map_or(c.t1, |n| n + 1), victims: None, partitive: None, of_them: false };
    if let Some(n) = c.noun {
        // An outcome word or an age is no victims noun ("one fatally", "a 19-year-old").
        let w = v.word(n);
        if !is_outcome_noun(w) && !AGE_HEADS.contains(&w) && !v.is_trigger_word(n) {
            np.victims = Some(n);
        }
    }
    if v.word(c.t1) != "of" {
        return np;
    }
    // "Three of five members": a count right after "of".
    let inner_after = v.cand_starting(c.t1 + 1);
    match v.word(c.t1 + 1) {
        "them" | "whom" | "us" => {
            np.of_them = true;
            np.end = c.t1 + 2;
            let mut k = c.t1 + 2;
            if LINK_WORDS.contains(&v.word(k)) {
                k += 1;
            }
            let next = v.word(k + 1);
            // "five of them decapitated": a participle, no noun.
            let participle = v.word(k).len() > 4 && v.word(k).ends_with("ed");
            if nounish(v.word(k))
                && (!participle || is_person(v.word(k)))
                && trig_starting(v, triggers, k).is_none()
                && (next.is_empty()
                    || matches!(
                        next,
                        "," | "." | "and" | ";" | "in" | "on" | ")" | "—" | "–" | "-"
                    ))
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
                // "Seven of the 12 people killed": an outcome word right
                // after it makes the total a fact of its own too.
                if let Some(d) = cands.get_mut(inner) {
                    let end = d.noun.map_or(d.t1, |n| n + 1);
                    d.inner_total = !reduced_outcome(v, triggers, end);
                    np.victims = d.noun.filter(|&n| !is_outcome_noun(v.word(n)));
                    np.end = end;
                }
            } else if let Some(n) = c.noun.filter(|&n| n >= k) {
                np.end = n + 1;
            } else if let Some(n) = person_head(v, k) {
                // "Three of the passengers were killed."
                np.victims = Some(n);
                np.end = n + 1;
            }
        }
        _ if inner_after.is_some() => {
            // "Three of five members were killed": the inner total names
            // the victims, as "of the 40 crew" does.
            if let Some(d) = inner_after.and_then(|inner| cands.get_mut(inner)) {
                let end = d.noun.map_or(d.t1, |n| n + 1);
                d.inner_total = !reduced_outcome(v, triggers, end);
                np.victims = d.noun.filter(|&n| !is_outcome_noun(v.word(n)));
                np.end = end;
            }
        }
        _ if c.noun.is_some_and(|n| n > c.t1) => {
            // The number layer read the noun ("dozens of Houthi fighters").
        }
        w => {
            // "hundreds of Taliban", "two of Khan's victims".
            let k = c.t1 + 1;
            let genitive = matches!(v.word(k + 1), "'s" | "’s");
            let head = if genitive { person_head(v, k + 2) } else { Some(k) };
            let plain = nounish(w) && !is_outcome_noun(w) && !is_non_person(w);
            if let Some(n) = head.filter(|&n| plain && trig_starting(v, triggers, n).is_none()) {
                if genitive || is_person(w) || v.raw(k).starts_with(char::is_uppercase) {
                    np.victims = Some(n);
                    np.end = n + 1;
                }
            }
        }
    }
    np
}

/// Attaches every count to its outcome signal(s).
pub(crate) fn attach(v: &View<'_>, triggers: &[Trigger], cands: &mut [Cand]) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    // The first count each outcome word was given to; later ones borrow it.
    let mut trig_owner: Vec<Option<usize>> = vec![None; triggers.len()];
    for ci in 0..cands.len() {
        let np = read_np(v, triggers, cands, ci);
        let Some(c) = cands.get(ci).copied() else { continue };
        if c.inner_total {
            continue;
        }
        // "the release of 100 of the 315 students abducted": the part was
        // freed (README 3: out); the inner total keeps its fact.
        if v.word(c.t1) == "of" && np.end > c.t1 + 1 && freed_before(v, c.t0) {
            continue;
        }
        if c.kind == CandKind::Singular && appositive(v, cands, ci) {
            continue;
        }
        let noun_word = c.noun.map(|n| v.word(n));
        let mut found: Vec<(usize, Option<usize>)> = Vec::new();
        let mut part = false;

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
                        // "No deaths or injuries": a zero carries both nouns.
                        let partner = triggers.get(ti + 1).filter(|u| {
                            t.mixture && u.mixture && u.sig.role == Role::Noun && u.t0 == t.t1 + 1
                        });
                        if c.kind == CandKind::Zero && partner.is_some() {
                            found.push((ti + 1, np.victims));
                        }
                    }
                    break;
                }
            }
        }
        // 3, read first: the object of an active verb, or "the deaths of",
        // "the bodies of", is the subject of no later verb but its own
        // relative clause's ("A man suspected of killing three people was
        // arrested"; "the bodies of two hostages abducted in 2023": both).
        let object = object_of(v, triggers, &c);
        let relative = |ti: usize| {
            triggers.get(ti).is_some_and(|t| {
                // "3 fishermen reported missing": no finite verb between.
                (np.end..t.t0).all(|k| {
                    let w = v.word(k);
                    AUX_WORDS.contains(&w) && (w.ends_with("ed") || w.ends_with("ly"))
                }) || matches!(v.word(np.end), "who" | "that" | "whom")
            })
        };
        // 2. Subject of a passive, intransitive or predicative outcome word;
        // also after an attributive one ("two injured people died").
        if found.is_empty() || !np.of_them {
            for ti in subject(v, triggers, cands, np.end) {
                if (object.is_none() || relative(ti)) && !found.iter().any(|f| f.0 == ti) {
                    found.push((ti, np.victims));
                }
            }
        }
        // 3. Object.
        if let Some(ti) = object.filter(|ti| !found.iter().any(|f| f.0 == *ti)) {
            found.push((ti, np.victims));
        }
        // 4. A toll's value: "the death toll ... rose to 40", "put the toll at 30".
        if found.is_empty() {
            let linked = c.t0 > 0 && TOLL_LINKS.contains(&v.word(c.t0 - 1))
                || SURPASS_WORDS.contains(&v.word(c.t0));
            // A change verb makes the toll the subject of the clause, however
            // long its modifiers ("The death toll from the typhoon's impact on
            // Luzon, Philippines, rises to 25").
            let changed = (c.t0.saturating_sub(2)..c.t0).any(|k| CHANGE_VERBS.contains(&v.word(k)))
                || SURPASS_WORDS.contains(&v.word(c.t0));
            let lo = c.t0.saturating_sub(if changed { TOLL_CLAUSE } else { TOLL_WINDOW });
            let toll = (lo..c.t0).rev().find_map(|i| {
                let ti = trig_starting(v, triggers, i)?;
                let t = triggers.get(ti)?;
                // "Deaths from the outbreak have reached 1,300": an outcome
                // noun with no count of its own reads like a toll.
                let noun_total = t.sig.role == Role::Noun
                    && linked
                    && !(t.t0.saturating_sub(3)..t.t0).any(|k| v.in_cand(k));
                // "The number of (people) confirmed dead has risen to 61".
                let number_of = linked
                    && matches!(t.sig.role, Role::Adjective | Role::Past)
                    && (t.t0.saturating_sub(4)..t.t0)
                        .any(|k| v.word(k) == "number" && v.word(k + 1) == "of");
                (t.sig.role == Role::Toll || noun_total || number_of).then_some(ti)
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
            let mut prev = c.t0.checked_sub(1).map_or("", |i| v.word(i));
            // "a mother and her three children": the possessive is the count's own.
            if POSSESSIVES.contains(&prev) && c.t0 >= 2 && v.word(c.t0 - 2) == "and" {
                prev = "and";
            }
            let last_fact = drafts
                .iter()
                .rev()
                .find(|d| cands.get(d.cand).is_some_and(|e| e.t0 < c.t0))
                .copied();
            // Ellipsis: "90 civilians were wounded, as were 17 police officers".
            let elided = c.t0 >= 2 && v.word(c.t0 - 2) == "as" && ELLIPSIS_VERBS.contains(&prev);
            if let (true, Some(d)) = (elided, last_fact) {
                found.push((d.trig, np.victims));
            }
            if !found.is_empty() {
            } else if let Some(ti) = np.partitive {
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
                if let Some(d) = last_fact.filter(|_| !own_predicate(v, np.end)) {
                    found.push((d.trig, np.victims));
                }
            } else if PART_WORDS.contains(&prev)
                || (matches!(prev, "them" | "whom") && c.t0 >= 2 && v.word(c.t0 - 2) == "among")
            {
                // A part is no greater than its whole: "two deaths among
                // 500,000 recipients" names the population, not the dead.
                let no_greater = |d: &Draft| {
                    let whole = cands.get(d.cand).map(|e| e.count.interval());
                    !whole
                        .and_then(|w| Some((w.high()?, c.count.interval().low()?)))
                        .is_some_and(|(high, low)| low > high)
                };
                if last_fact.is_some() {
                    // The nearest earlier fact that can hold it ("injuring 70
                    // others, one seriously, including three children").
                    let holder = drafts
                        .iter()
                        .rev()
                        .filter(|d| cands.get(d.cand).is_some_and(|e| e.t0 < c.t0))
                        .find(|d| no_greater(d));
                    if let Some(d) = holder {
                        part = true;
                        found.push((d.trig, np.victims));
                    }
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
                        // has a predicate of its own; an adverb of how
                        // badly may come first ("injured, one seriously,").
                        let np_end =
                            if v.word(np.end).ends_with("ly") { np.end + 1 } else { np.end };
                        let after = v.word(np_end);
                        let elliptical = (after.len() > 4 && after.ends_with("ing"))
                            || ELLIPSIS_FOLLOWERS.contains(&after)
                            || matches!(
                                after,
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
                        // The last member of a list of parts whose first
                        // members are no counts: "14 were injured, including
                        // all on board the plane, and one airport worker".
                        let listed_part = (e.t1..c.t0).any(|i| v.word(i) == "including");
                        let reach = if listed_part { 16 } else { 8 };
                        if nearest_prev == Some(e.t0)
                            && between_clear
                            && elliptical
                            && c.t0 - e.t1 <= reach
                        {
                            part = d.part || listed_part;
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
        // 6. The sentence's subject, which an outcome of its own ends: "A man
        // kills 14 people ... before being shot dead", "The suspect was
        // arrested after being wounded" (not a plain "shot" after a stated
        // result: "is killed after being shot").
        if c.t0 == v.first_word {
            let outcome = |ti: usize| triggers.get(ti).map(|t| t.sig.outcome);
            let new = own_end(v, triggers, np.end).filter(|&ti| {
                found.is_empty()
                    || (outcome(ti) != Some(Outcome::Shot)
                        && found.iter().all(|f| outcome(f.0) != outcome(ti)))
            });
            if let Some(ti) = new {
                found.push((ti, np.victims));
            }
        }

        for (ti, victims) in found {
            let Some(t) = triggers.get(ti) else { continue };
            if t.mixture && c.kind != CandKind::Zero {
                continue;
            }
            if t.sig.flags & flag::LIFE_VERB != 0 && !life_verb_before(v, c.t0.min(t.t0), 4) {
                continue;
            }
            let vw = victims.map(|n| v.word(n)).or(noun_word);
            if t.sig.flags & flag::PERSON != 0
                && vw.is_some_and(|w| !is_person(w) && !is_outcome_noun(w))
            {
                continue;
            }
            // Prisoners who escape and offenders who get away ("the driver
            // fled the scene") are not displaced.
            let fled_scene = v.word(t.t1) == "the" && v.word(t.t1 + 1) == "scene";
            if t.sig.flags & flag::NOT_ESCAPE != 0
                && (fled_scene || vw.is_some_and(|w| ESCAPEES.contains(&w)))
            {
                continue;
            }
            if drafts.iter().rev().take_while(|d| d.cand == ci).any(|d| d.trig == ti) {
                continue;
            }
            let first = trig_owner.get_mut(ti).map(|o| *o.get_or_insert(ci));
            let borrowed = first.is_some_and(|o| o != ci);
            if borrowed
                && t.sig.outcome == Outcome::Killed
                && vw.is_some_and(|w| SURVIVORS.contains(&w))
            {
                continue;
            }
            if t.sig.outcome == Outcome::Displaced && to_care(v, t.t1.max(c.t1)) {
                continue;
            }
            if averted(v, c.t0.min(t.t0), c.t1.max(t.t1)) {
                continue;
            }
            if c.kind == CandKind::Singular && (part || generic(v, &c, t)) {
                // README section 4: a singular covered by a number of the
                // sentence, or a generic one ("a driver who kills a pedestrian").
                continue;
            }
            drafts.push(Draft {
                cand: ci,
                trig: ti,
                borrowed,
                outcome: t.sig.outcome,
                victims,
                part,
            });
        }
    }
    drafts
}

/// Whether the singular noun phrase `ci` is an apposition to the count just
/// before it ("one person, a 23-year-old man, died"; "two visitors - a man
/// from ..."): the same person, already counted. After a singular person it
/// is one only when a comma closes it before a word that continues no list
/// ("The driver, a 62-year-old woman, died"; "a man, a woman and a child"
/// are three).
fn appositive(v: &View<'_>, cands: &[Cand], ci: usize) -> bool {
    let Some(c) = cands.get(ci) else { return false };
    let Some(prev) = ci.checked_sub(1).and_then(|k| cands.get(k)) else { return false };
    let sep = c.t0.checked_sub(1).map_or("", |k| v.word(k));
    let prev_end = prev.noun.map_or(prev.t1, |n| n + 1);
    let closed = phrase_comma(v, c.noun.map_or(c.t1, |n| n + 1)).is_some_and(|k| {
        !matches!(v.word(k + 1), "and" | "or") && v.cand_starting(k + 1).is_none()
    });
    (prev.kind != CandKind::Singular || (sep == "," && closed))
        && matches!(sep, "," | "-" | "—" | "–" | ":" | "(")
        && prev_end + 1 == c.t0
}

/// Whether a singular noun phrase names no particular person: an indefinite
/// object of a present-tense verb in a relative or conditional clause ("a
/// driver who kills a pedestrian faces ten years", "if a worker is hurt").
fn generic(v: &View<'_>, c: &Cand, t: &Trigger) -> bool {
    if !matches!(v.word(c.t0), "a" | "an") {
        return false;
    }
    let lo = c.t0.min(t.t0).saturating_sub(4);
    let present = t.sig.role == Role::Active && !v.word(t.t0).ends_with("ing");
    let relative = present && t.t0 > 0 && matches!(v.word(t.t0 - 1), "who" | "that");
    relative || (lo..c.t0.min(t.t0)).any(|k| GENERIC_CUES.contains(&v.word(k)))
}

/// Whether "to (a / the / nearby ...) hospital" follows within a few tokens
/// of `from`: an evacuation for care, no displacement.
fn to_care(v: &View<'_>, from: usize) -> bool {
    let Some(to) = (from..from + 8).find(|&k| v.word(k) == "to") else { return false };
    (to + 1..to + 4).any(|k| CARE_PLACES.contains(&v.word(k)))
}

/// Whether the outcome of the fact spanning tokens `lo..hi` did not happen:
/// "thousands of deaths could be prevented", "saved 300 lives".
fn averted(v: &View<'_>, lo: usize, hi: usize) -> bool {
    let before = lo.saturating_sub(3)..lo;
    let after = hi..hi + 4;
    before.chain(after).any(|k| AVERTING_WORDS.contains(&v.word(k)))
}
