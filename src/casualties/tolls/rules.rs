//! The toll rules: each fact is a candidate, or dated, hedged, superseded, a
//! part, of another event or of another scope (casualties README, section 11).
//! One function per rule; the words they read are in `words.rs`.

use super::super::Outcome;
use super::sentence::{Cue, Seen};
use super::words::*;
use crate::casualties::victims::POSSESSIVES;
use crate::text::{tokens, TokenKind};
use memchr::memmem;

/// What a fact is for its outcome's toll.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Verdict {
    /// Counts everyone with the outcome in the main event.
    Candidate,
    /// A candidate but for a year named with it ("in 2017"): used only when
    /// there is no other candidate.
    Dated,
    /// The sentence does not assert it.
    Hedged,
    /// A value an update replaced.
    Superseded,
    /// A part of a larger group.
    Part,
    /// Another event (earlier, elsewhere, a comparison).
    OtherEvent,
    /// Another scope (worldwide, nationwide) than the lede's.
    OtherScope,
}

/// The facts of the sentence of `s` that come before it, nearest first
/// (facts are in text order, so the walk stops at the sentence's start).
fn before_in_sentence<'s, 'a>(
    seen: &'s [Seen<'a>],
    s: &Seen<'_>,
) -> impl Iterator<Item = &'s Seen<'a>> {
    let sentence = s.sentence;
    seen.get(..s.order).unwrap_or(&[]).iter().rev().take_while(move |o| o.sentence == sentence)
}

/// A rule that finds a fact to be a part of a larger group.
type PartRule = fn(&Seen<'_>, &[Seen<'_>]) -> bool;

/// The part rules, one row each.
const PART_RULES: &[PartRule] = &[
    all_but,
    each,
    marked_part,
    partitive_part,
    among_group,
    added,
    np_coordinated,
    listed_before_others,
    with_a_pronoun,
    zero_on_the_ground,
];

/// Judges every fact: per-fact rules first, then the rules that compare facts.
pub(super) fn judge(seen: &[Seen<'_>]) -> Vec<Verdict> {
    let lede = seen.first().map(|s| s.sentence);
    let lede_wide = seen.iter().any(|s| Some(s.sentence) == lede && has_cue(s, Cue::Scope));
    let mut v: Vec<Verdict> = seen
        .iter()
        .map(|s| {
            if s.fact.is_hedged() {
                Verdict::Hedged
            } else if superseded(s) {
                Verdict::Superseded
            } else if PART_RULES.iter().any(|rule| rule(s, seen)) {
                Verdict::Part
            } else if has_cue(s, Cue::OtherEvent) {
                Verdict::OtherEvent
            } else if !lede_wide && has_cue(s, Cue::Scope) {
                Verdict::OtherScope
            } else if dated(s) || has_cue(s, Cue::Past) {
                Verdict::Dated
            } else {
                Verdict::Candidate
            }
        })
        .collect();
    coordinated_parts(seen, &mut v);
    first_reports(seen, &mut v);
    revised_down(seen, &mut v);
    zero_contradicted(seen, &mut v);
    v
}

/// "from 14" in "rose from 14 to 31", "up from 61": the value an update replaced.
fn superseded(s: &Seen<'_>) -> bool {
    s.before(1) == "from" || s.word(s.c0) == "from"
}

/// "an earlier toll of 27", "initially said 5 died": a first report is
/// superseded when another candidate counts the outcome ("earlier this year"
/// is another event).
fn first_reports(seen: &[Seen<'_>], v: &mut [Verdict]) {
    let first: Vec<bool> = seen
        .iter()
        .map(|s| {
            (1..=5).any(|k| {
                FIRST_REPORT.contains(&s.before(k))
                    && !matches!(s.before(k - 1), "this" | "in" | "that" | "last")
            })
        })
        .collect();
    // The outcomes some candidate counts that is no first report.
    let mut current: Vec<Outcome> = seen
        .iter()
        .enumerate()
        .filter(|(j, _)| {
            v.get(*j) == Some(&Verdict::Candidate) && !first.get(*j).copied().unwrap_or(false)
        })
        .map(|(_, o)| o.fact.outcome())
        .collect();
    current.sort_unstable();
    current.dedup();
    for (k, s) in seen.iter().enumerate() {
        if !first.get(k).copied().unwrap_or(false) || v.get(k) != Some(&Verdict::Candidate) {
            continue;
        }
        if current.contains(&s.fact.outcome()) {
            if let Some(x) = v.get_mut(k) {
                *x = Verdict::Superseded;
            }
        }
    }
}

/// "All but one of the sixteen on board died": neither count is of the dead.
fn all_but(s: &Seen<'_>, _: &[Seen<'_>]) -> bool {
    (1..=6).any(|k| s.before(k) == "but" && s.before(k + 1) == "all")
}

/// "two each from A and B": a count per group.
fn each(s: &Seen<'_>, _: &[Seen<'_>]) -> bool {
    s.after(0) == "each"
}

/// "including 9 children", "among them 3 women", "of whom 2": a part, unless
/// the group named before is of another outcome only ("Five people were shot,
/// including two who died": the two are all the dead), or no group of its
/// outcome comes before and the count's own head is the outcome word
/// ("Casualties included seven dead and 20 wounded", "500 cases, including
/// 12 deaths": the group is of no one outcome). "with" marks a part only
/// after a greater count of its outcome ("at least 80 dead, with 11 deaths
/// in Georgia alone"; "the toll passed 3,000, with 3,020 killed" restates).
fn marked_part(s: &Seen<'_>, seen: &[Seen<'_>]) -> bool {
    let p = s.before(1);
    let with = p == "with";
    let marked = with
        || PART_MARKERS.contains(&p)
        || (GROUP_PRONOUNS.contains(&p) && matches!(s.before(2), "among" | "of"));
    if !marked {
        return false;
    }
    let earlier = before_in_sentence(seen, s).filter(|o| o.c0 < s.c0);
    let (mut same, mut other) = (false, false);
    let high = s.fact.count().interval().high();
    for o in earlier {
        if o.fact.outcome() != s.fact.outcome() {
            other = true;
        } else if !with || high.zip(o.fact.count().interval().low()).is_some_and(|(h, l)| h < l) {
            same = true;
        }
    }
    same || (!with && !other && s.t0 != s.c1)
}

/// "two of the dead": the fact's own outcome word names the whole group, so
/// the count is a part; "two of them" is one when the sentence already counts
/// that outcome ("Ten died, two of them children") and the whole of it when
/// the group is of another outcome ("Six were shot, three of them fatally").
/// Zeros are whole ("none of the passengers was hurt").
fn partitive_part(s: &Seen<'_>, seen: &[Seen<'_>]) -> bool {
    if s.after(0) != "of" || s.is_zero() {
        return false;
    }
    // The outcome word right after "of (the)": "two of the dead".
    let head = s.c1 + 1;
    let det = matches!(s.word(head), "the" | "those" | "these" | "its" | "their");
    if s.in_trigger(head) || (det && s.in_trigger(head + 1)) {
        return true;
    }
    GROUP_PRONOUNS.contains(&s.after(1))
        && before_in_sentence(seen, s).any(|o| o.c0 < s.c0 && o.fact.outcome() == s.fact.outcome())
}

/// "Six children were among the dead", "Four soldiers are among those
/// killed", "Among the injured were two nurses": "among" before the outcome
/// word makes the count part of the group the outcome word names.
fn among_group(s: &Seen<'_>, _: &[Seen<'_>]) -> bool {
    let before_word = (1..=2).any(|k| s.t0.checked_sub(k).is_some_and(|i| s.word(i) == "among"));
    (s.t0 > s.c1 && (s.c1..s.t0).any(|i| s.word(i) == "among")) || (s.t0 < s.c0 && before_word)
}

/// "She and her two daughters were injured", "He and 3 friends were
/// arrested": a count coordinated with a person a pronoun names (no count:
/// README 4 (e)) is a part of the group.
fn with_a_pronoun(s: &Seen<'_>, _: &[Seen<'_>]) -> bool {
    let k = if POSSESSIVES.contains(&s.before(1)) { 2 } else { 1 };
    s.before(k) == "and" && SUBJECT_PRONOUNS.contains(&s.before(k + 1))
}

/// "no deaths were reported on the ground", "no one on the ground was
/// hurt": a zero for the people below a crash, a part beside those on board
/// (README 11: "no deaths ... on the ground" is a part).
fn zero_on_the_ground(s: &Seen<'_>, _: &[Seen<'_>]) -> bool {
    let end = s.c1.max(s.t1);
    s.is_zero()
        && (s.c1..end + 4).any(|i| {
            s.word(i) == "on"
                && s.word(i + 1) == "the"
                && s.word(i + 2) == "ground"
                && !matches!(s.word(i + 3), "floor" | "level")
        })
}

/// "another 11", "two more", "also died": an addition to a count of the same
/// outcome given before, not the whole. Without one before, "more" contrasts
/// with another outcome ("killing seven and injuring three more").
fn added(s: &Seen<'_>, seen: &[Seen<'_>]) -> bool {
    let lo = s.c0.min(s.t0);
    let hi = s.c1.max(s.t1);
    let also_between = (lo..hi).any(|i| s.word(i) == "also")
        || s.t0.checked_sub(1).is_some_and(|i| s.word(i) == "also");
    let marked =
        ADDED_BEFORE.contains(&s.before(1)) || ADDED_AFTER.contains(&s.after(0)) || also_between;
    // Nearest first: a document that counts the outcome usually did so recently.
    marked
        && seen
            .get(..s.order)
            .unwrap_or(&[])
            .iter()
            .rev()
            .any(|o| o.fact.outcome() == s.fact.outcome() && !o.fact.is_hedged())
}

/// Whether word `w` reads as a verb or auxiliary (a clause, not a noun phrase).
fn verbish(w: &str) -> bool {
    VERBISH.contains(&w) || (w.len() > 4 && w.ends_with("ed"))
}

/// A count coordinated with a noun phrase that has no count of its own: "The
/// local police chief and two others were injured", "injured fourteen police
/// officers and a number of journalists". The whole is never stated.
fn np_coordinated(s: &Seen<'_>, _: &[Seen<'_>]) -> bool {
    // "X and N other(s)", "X, Y, and N others": X a noun phrase without a
    // verb of its own ("two died, and three others were injured" joins clauses).
    if s.before(1) == "and" && matches!(s.after(0), "other" | "others") {
        let mut i = s.c0.saturating_sub(if s.before(2) == "," { 2 } else { 1 });
        let (mut words, mut clause_verb) = (0, false);
        while i > 0 {
            i -= 1;
            let w = s.word(i);
            if matches!(w, "," | ";" | ":" | "(" | "—" | "–" | "--") {
                break;
            }
            if verbish(w) || s.in_trigger(i) || w.ends_with("ing") {
                clause_verb = true;
                break;
            }
            words += 1;
        }
        if !clause_verb && words > 0 {
            return true;
        }
    }
    // "N NOUN ... and DET ...": scan the count's noun phrase to "and".
    let n = s.s.spans.len();
    let mut i = s.c1;
    while i < n && i < s.c1 + 6 {
        let w = s.word(i);
        if s.in_trigger(i) || verbish(w) || !w.chars().next().is_some_and(char::is_alphanumeric) {
            return false;
        }
        if w == "and" {
            let next = s.word(i + 1);
            let np = NP_STARTS.contains(&next) || s.s.digits.get(i + 1).copied().unwrap_or(false);
            if !np {
                return false;
            }
            // "... and the rescue work ended": a new clause.
            let mut j = i + 2;
            while j < n && j < i + 8 {
                let wj = s.word(j);
                if !wj.chars().next().is_some_and(char::is_alphanumeric) {
                    break;
                }
                if verbish(wj) {
                    return false;
                }
                j += 1;
            }
            return true;
        }
        i += 1;
    }
    false
}

/// "A police officer and two others were injured", "The pilot, his son, and
/// seven others were killed": a count in the list that "and N others" closes
/// is a part too (a singular person is a count of 1 by rules v2); the whole
/// is never stated.
fn listed_before_others(s: &Seen<'_>, seen: &[Seen<'_>]) -> bool {
    let later = seen.get(s.order + 1..).unwrap_or(&[]);
    later.iter().take_while(|o| o.sentence == s.sentence).any(|o| {
        o.fact.outcome() == s.fact.outcome()
            && o.before(1) == "and"
            && matches!(o.after(0), "other" | "others")
            && o.c0 > s.c1
            && o.c0 <= s.c1 + 12
            && (s.c1..o.c0).all(|i| {
                let w = s.word(i);
                !s.in_trigger(i)
                    && !verbish(w)
                    && !matches!(w, ";" | ":" | "(" | ")" | "—" | "–" | "--")
                    && !w.ends_with("ing")
            })
    })
}

/// Whether a cue of `kind` in the sentence speaks of the count of `s`.
fn has_cue(s: &Seen<'_>, kind: Cue) -> bool {
    s.s.cues.iter().any(|&(i, k)| k == kind && applies(s, i) && trails_near(s, i))
}

/// Whether a cue at token `i` speaks of the count of `s`: same segment, or
/// the opening segment before the count.
fn applies(s: &Seen<'_>, i: usize) -> bool {
    let seg = s.s.seg(i);
    seg == s.s.seg(s.c0) || (seg == 0 && i < s.c0)
}

/// How far (in tokens) after a fact's count and outcome word a cue may stand.
const CUE_REACH: usize = 6;

/// A cue after the fact belongs to it when near and no other number stands
/// between ("killed 813 in China and infected 35,000 worldwide": the cue is
/// the 35,000's). A cue before it always may.
fn trails_near(s: &Seen<'_>, i: usize) -> bool {
    let end = s.c1.max(s.t1);
    i < s.c0
        || (i < end + CUE_REACH && !(end..i).any(|k| s.s.digits.get(k).copied().unwrap_or(false)))
}

/// "in 2019", "2018 saw 750 deaths", "since 2015": a count dated to a
/// year, not a date ("January 4, 2019") or a clock time ("2024 UTC").
fn dated(s: &Seen<'_>) -> bool {
    s.s.cues.iter().any(|&(i, k)| k == Cue::Year && (applies(s, i) || when_of(s, i)))
}

/// "since 2004, when 30 died": the count's segment opens with "when" right
/// after the segment of token `i`.
fn when_of(s: &Seen<'_>, i: usize) -> bool {
    let seg = s.s.seg(s.c0);
    let opens = s.s.seg.iter().position(|&g| g == seg).map(|k| s.word(k));
    seg == s.s.seg(i) + 1 && opens == Some("when")
}

/// Same-outcome counts of one sentence joined by "and" or a comma with no
/// verb of their own between them ("killed five children in a bus and two
/// truck drivers", "5 in Manchester and 3 in Liverpool"): parts of a whole the
/// text never states. A "including" between them makes only the second a part.
/// A participle after a comma or the second's own outcome word between them
/// makes a clause of its own ("Two more died, raising the toll to eight").
fn coordinated_parts(seen: &[Seen<'_>], v: &mut [Verdict]) {
    for (k, b) in seen.iter().enumerate() {
        let prev = before_in_sentence(seen, b)
            .find(|a| a.fact.outcome() == b.fact.outcome() && a.c1 <= b.c0);
        let Some(a) = prev else { continue };
        let j = a.order;
        // The second must still be a candidate: "Ten died, two of them
        // children" and "Three died and 20 are feared dead" keep the first.
        let open = |i: usize| matches!(v.get(i), Some(Verdict::Candidate | Verdict::Dated));
        if !open(k) || !(open(j) || v.get(j) == Some(&Verdict::Part)) {
            continue;
        }
        if a.fact.count().span() == b.fact.count().span() || b.c0 > a.c1 + 10 {
            continue;
        }
        let gap = a.c1..b.c0;
        let mut joined = false;
        let mut blocked = false;
        let mut marker = false;
        for i in gap {
            let w = b.word(i);
            // The second's own outcome word, or a participle clause, stands
            // between: "Two more died, raising the toll to eight".
            let own = b.t0 != a.t0 && (b.t0..b.t1).contains(&i);
            let participle = w.len() > 4
                && w.ends_with("ing")
                && i > 0
                && b.word(i - 1) == ","
                && !PART_MARKERS.contains(&w);
            if own || participle {
                blocked = true;
            }
            match w {
                "and" | "," | "plus" | "&" => joined = true,
                ";" | ":" | "(" | ")" | "while" | "whereas" | "but" | "then" | "when" | "since"
                | "after" | "before" | "as" | "than" | "because" | "where" | "who" | "which"
                | "that" | "with" => blocked = true,
                _ if PART_MARKERS.contains(&w) => marker = true,
                _ if verbish(w) && !a.in_trigger(i) && !matches!(w, "was" | "were" | "been") => {
                    blocked = true;
                }
                _ => {}
            }
        }
        if blocked || !joined {
            continue;
        }
        let parts = if marker { &[k][..] } else { &[j, k][..] };
        for &i in parts {
            if let Some(x) = v.get_mut(i) {
                *x = Verdict::Part;
            }
        }
    }
}

/// "revised the toll down to 31": earlier candidates of that outcome are superseded.
fn revised_down(seen: &[Seen<'_>], v: &mut [Verdict]) {
    // Facts before this index are already superseded where they must be.
    let mut done: Vec<(Outcome, usize)> = Vec::new();
    for (k, s) in seen.iter().enumerate() {
        if v.get(k) != Some(&Verdict::Candidate) {
            continue;
        }
        let down = (1..=6).any(|d| REVISED_DOWN.contains(&s.before(d)))
            && (1..=8)
                .any(|d| matches!(s.before(d), "revised" | "lowered" | "corrected" | "downgraded"));
        if !down {
            continue;
        }
        let outcome = s.fact.outcome();
        let from = done.iter().find(|d| d.0 == outcome).map_or(0, |d| d.1);
        for (j, o) in seen.iter().enumerate().take(k).skip(from) {
            if o.fact.outcome() == outcome && v.get(j) == Some(&Verdict::Candidate) {
                if let Some(x) = v.get_mut(j) {
                    *x = Verdict::Superseded;
                }
            }
        }
        done.retain(|d| d.0 != outcome);
        done.push((outcome, k));
    }
}

/// A zero is a candidate only when no positive count of the outcome is
/// asserted for the event: "no deaths on the ground" beside "fifteen on board
/// died" is a part.
fn zero_contradicted(seen: &[Seen<'_>], v: &mut [Verdict]) {
    let mut positive: Vec<Outcome> = seen
        .iter()
        .zip(v.iter())
        .filter(|(o, ov)| {
            !o.is_zero()
                && !matches!(ov, Verdict::Hedged | Verdict::OtherEvent | Verdict::OtherScope)
        })
        .map(|(o, _)| o.fact.outcome())
        .collect();
    positive.sort_unstable();
    positive.dedup();
    for (k, s) in seen.iter().enumerate() {
        if !s.is_zero() || !matches!(v.get(k), Some(Verdict::Candidate | Verdict::Dated)) {
            continue;
        }
        if positive.contains(&s.fact.outcome()) {
            if let Some(x) = v.get_mut(k) {
                *x = Verdict::Part;
            }
        }
    }
}

/// "One driver was pronounced dead at the scene. A passenger in the other car
/// died later": a second person with the outcome is named without a count
/// (a series word makes none), so a count of one is a part (README 11, the
/// isolated "one"). Read in the text's sentences that hold such a word,
/// only when the toll would be one;
/// a sentence that speaks of another event ("Another man died in a similar
/// crash last year") names no second person of this one.
pub(super) fn second_person(text: &str, outcome: Outcome) -> bool {
    let (plain, passive): (&[&str], &[&str]) = match outcome {
        Outcome::Killed => (SECOND_KILLED, SECOND_KILLED_PASSIVE),
        Outcome::Injured => (&[], SECOND_INJURED_PASSIVE),
        _ => return false,
    };
    let mut words: Vec<String> = Vec::new();
    let mut done = 0;
    second_person_words(text).any(|(start, end)| {
        // The sentence around the word, read once.
        let (from, to) = sentence_around(text, start, end);
        if from < done {
            return false;
        }
        done = to.max(from + 1);
        let Some(sentence) = text.get(from..to) else { return false };
        lowercase_words(sentence, &mut words);
        names_second(&words, plain, passive) && !other_event(&words)
    })
}

/// The bounds of the sentence around bytes `start..end` of `text`: the
/// nearest end marks or line breaks.
fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let ends = |b: &u8| matches!(b, b'.' | b'!' | b'?' | b'\n');
    let bytes = text.as_bytes();
    let from = bytes.get(..start).and_then(|h| h.iter().rposition(ends)).map_or(0, |i| i + 1);
    let to = bytes.get(end..).and_then(|t| t.iter().position(ends)).map_or(text.len(), |i| end + i);
    (from, to)
}

/// The tokens of `sentence` into `words`: words lowercase, numbers "#".
fn lowercase_words(sentence: &str, words: &mut Vec<String>) {
    words.clear();
    words.extend(tokens(sentence).map(|t| match t.kind() {
        TokenKind::Word => t.as_str().to_ascii_lowercase(),
        TokenKind::Number => "#".to_owned(),
        _ => t.as_str().to_owned(),
    }));
}

/// Where the text says, without a count, that more people had `outcome`
/// ("A number of journalists were also injured", "Several passers-by were
/// also hurt" without a number, "He also died"): the start of the paragraph
/// (line) and of the sentence saying so. A count between them is then a part
/// (README 11.1: a candidate counts everyone with the outcome), unless that
/// sentence speaks of another event. `counted` tells whether a byte range
/// holds a fact's count of the outcome (then the sentence counts its people:
/// "Two died. A bystander was also injured").
pub(super) fn uncounted_also(
    text: &str,
    outcome: Outcome,
    counted: impl Fn(usize, usize) -> bool,
) -> Option<(usize, usize)> {
    let (plain, passive): (&[&str], &[&str]) = match outcome {
        Outcome::Killed => (SECOND_KILLED, SECOND_KILLED_PASSIVE),
        Outcome::Injured => (&[], SECOND_INJURED_PASSIVE),
        _ => return None,
    };
    let bytes = text.as_bytes();
    let mut words: Vec<String> = Vec::new();
    memmem::find_iter(bytes, " also ").find_map(|at| {
        let (from, to) = sentence_around(text, at, at + 1);
        let sentence = text.get(from..to)?;
        lowercase_words(sentence, &mut words);
        let k = words.iter().position(|w| w == "also")?;
        // "were also injured", "also (later) died": the outcome word after.
        let mut i = k + 1;
        while words.get(i).is_some_and(|w| w == "later" || w.ends_with("ly")) {
            i += 1;
        }
        let w = words.get(i)?.as_str();
        let was = k
            .checked_sub(1)
            .and_then(|p| words.get(p))
            .is_some_and(|p| matches!(p.as_str(), "was" | "were" | "been" | "is" | "are"));
        // Written in lowercase: "Dead associates" is a name.
        let said = (plain.contains(&w) || (was && passive.contains(&w)))
            && tokens(sentence).nth(i).is_some_and(|t| t.as_str() == w);
        let fired =
            said && !words.iter().any(|w| w == "#") && !other_event(&words) && !counted(from, to);
        let paragraph = bytes.get(..from).and_then(|h| h.iter().rposition(|&b| b == b'\n'));
        fired.then_some((paragraph.map_or(0, |i| i + 1), from))
    })
}

/// The byte spans of the words "another", "other" and "second" (any case of
/// the first letter) in `text`, found by a substring search: most texts hold
/// none or a few, so the sentences around them are all the rule reads.
fn second_person_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let other = memmem::find_iter(bytes, "ther").filter_map(move |at| {
        // "other", "Other", "another", "Another".
        let o = at.checked_sub(1)?;
        let start = match o.checked_sub(2).and_then(|a| bytes.get(a..o)) {
            Some(b"an" | b"An") => o - 2,
            _ => o,
        };
        matches!(bytes.get(o), Some(b'o' | b'O')).then_some((start, at + 4))
    });
    let second = memmem::find_iter(bytes, "econd").filter_map(move |at| {
        let start = at.checked_sub(1)?;
        matches!(bytes.get(start), Some(b's' | b'S')).then_some((start, at + 5))
    });
    let mut spans: Vec<(usize, usize)> = other
        .chain(second)
        .filter(|&(start, end)| {
            let letter = |i: Option<usize>| {
                i.and_then(|i| bytes.get(i)).is_some_and(|b| b.is_ascii_alphanumeric())
            };
            !letter(start.checked_sub(1)) && !letter(Some(end))
        })
        .collect();
    spans.sort_unstable();
    spans.into_iter()
}

/// Whether lowercase `words` hold a second-person word with an outcome word
/// of `plain` (or of `passive` after "was"/"were") within [`SECOND_REACH`]
/// words, no mark or number between.
fn names_second(words: &[String], plain: &[&str], passive: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        let prev = i.checked_sub(1).and_then(|k| words.get(k)).map_or("", String::as_str);
        if !SECOND_PERSON.contains(&w.as_str()) || NOT_SECOND.contains(&prev) {
            return false;
        }
        let after = words.get(i + 1..).unwrap_or(&[]);
        after
            .iter()
            .take(SECOND_REACH + 1)
            .take_while(|x| x.chars().next().is_some_and(char::is_alphabetic))
            .enumerate()
            .any(|(k, x)| {
                let aux = k > 0
                    && matches!(
                        after.get(k - 1).map(String::as_str),
                        Some("was" | "were" | "been" | "is")
                    );
                plain.contains(&x.as_str()) || (aux && passive.contains(&x.as_str()))
            })
    })
}

/// Whether lowercase `words` hold a cue of another event ("a similar crash",
/// "last year", "a separate attack").
fn other_event(words: &[String]) -> bool {
    (0..words.len()).any(|i| {
        OTHER_EVENT.iter().any(|cue| {
            cue.iter().enumerate().all(|(k, c)| words.get(i + k).is_some_and(|w| w == c))
        }) || matches!(words.get(i).map(String::as_str), Some("last" | "ago"))
    })
}
