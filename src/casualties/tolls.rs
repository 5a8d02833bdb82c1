//! Document tolls: per outcome, the one count of everyone with that outcome in
//! the document's main event (casualties README, section 11).
//!
//! Every casualty fact of the document is judged by a table of rules, one
//! function each: a fact is a *candidate* unless it is hedged, superseded, a
//! part of a larger group, a count of another event or another scope. The toll
//! is then the candidate with the greatest lower bound; facts are never summed.
//! The rules read the words around each fact's count in its sentence (the
//! sentence is tokenized again, and only for sentences that hold a fact).

use super::{CasualtyFact, Count, Outcome};
use crate::numbers::Interval;
use crate::span::Span;
use crate::text::{tokens, TokenKind};

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
    let seen: Vec<Seen<'_>> = facts
        .iter()
        .zip(of_fact)
        .filter_map(|(f, si)| Seen::new(f, si?, &sentences))
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

/// What a fact is for its outcome's toll.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
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

/// One sentence that holds facts, as lowercase word tokens.
struct SentenceWords {
    span: Span,
    /// Absolute token spans.
    spans: Vec<Span>,
    /// The sentence in ASCII lowercase (same byte offsets as the text).
    lower: String,
    /// Whether each token is a number (digits).
    digits: Vec<bool>,
    /// For each token, the index of its comma-delimited segment.
    seg: Vec<usize>,
    /// Where cues stand in the sentence, found once for all its facts.
    cues: Vec<(usize, Cue)>,
}

/// A kind of cue phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    /// Another event ([`OTHER_EVENT`], or [`OTHER_EVENT_WORDS`] + an event noun).
    OtherEvent,
    /// A wider scope ([`OTHER_SCOPE`]).
    Scope,
    /// A past time ([`PAST_TIME`]).
    Past,
    /// A year that is no date or clock time.
    Year,
}

impl SentenceWords {
    /// The sentences of `facts` (which come sentence by sentence) and, for
    /// each fact, the index of its sentence.
    fn read_all(text: &str, facts: &[CasualtyFact]) -> (Vec<SentenceWords>, Vec<Option<usize>>) {
        let mut out: Vec<SentenceWords> = Vec::new();
        let mut of_fact = Vec::with_capacity(facts.len());
        for f in facts {
            let span = f.sentence();
            if out.last().is_some_and(|s| s.span == span) {
                of_fact.push(out.len().checked_sub(1));
                continue;
            }
            let Some(slice) = span.slice(text) else {
                of_fact.push(None);
                continue;
            };
            of_fact.push(Some(out.len()));
            let mut s = SentenceWords {
                span,
                spans: Vec::new(),
                lower: slice.to_ascii_lowercase(),
                digits: Vec::new(),
                seg: Vec::new(),
                cues: Vec::new(),
            };
            let mut seg = 0;
            for t in tokens(slice) {
                let ts = t.span();
                s.spans.push(Span::new(ts.start + span.start, ts.end + span.start));
                s.digits.push(t.kind() == TokenKind::Number);
                s.seg.push(seg);
                if SEGMENT_BREAKS.contains(&t.as_str()) {
                    seg += 1;
                }
            }
            s.cues = s.find_cues();
            out.push(s);
        }
        (out, of_fact)
    }

    /// Every cue of the sentence, each word read once.
    fn find_cues(&self) -> Vec<(usize, Cue)> {
        let mut out = Vec::new();
        let lists =
            [(Cue::OtherEvent, OTHER_EVENT), (Cue::Scope, OTHER_SCOPE), (Cue::Past, PAST_TIME)];
        for i in 0..self.spans.len() {
            let w = self.word(i);
            for (kind, list) in lists {
                let hit = list.iter().any(|cue| {
                    cue.first() == Some(&w)
                        && cue.iter().enumerate().skip(1).all(|(k, c)| self.word(i + k) == *c)
                        // "this year's monsoon" is the event itself.
                        && !(cue.last() == Some(&"year") && self.word(i + cue.len()) == "'s")
                });
                if hit {
                    out.push((i, kind));
                }
            }
            if OTHER_EVENT_WORDS.contains(&w)
                && (EVENT_NOUNS.contains(&self.word(i + 1))
                    || EVENT_NOUNS.contains(&self.word(i + 2)))
            {
                out.push((i, Cue::OtherEvent));
            }
            if self.is_year(i) {
                out.push((i, Cue::Year));
            }
        }
        out
    }

    /// "in 2019", "2018 saw": a year, not a date ("January 4, 2019") or a
    /// clock time ("2024 UTC").
    fn is_year(&self, i: usize) -> bool {
        let w = self.word(i);
        let year = self.digits.get(i).copied().unwrap_or(false)
            && w.len() == 4
            && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
        if !year {
            return false;
        }
        let month = |k: usize| i.checked_sub(k).is_some_and(|j| MONTHS.contains(&self.word(j)));
        let date = month(1) || (i >= 3 && self.word(i - 1) == "," && month(3));
        !date && !CLOCK_AFTER.contains(&self.word(i + 1))
    }

    fn word(&self, i: usize) -> &str {
        let Some(t) = self.spans.get(i) else { return "" };
        let base = self.span.start;
        self.lower.get(t.start - base..t.end - base).unwrap_or("")
    }

    fn seg(&self, i: usize) -> usize {
        self.seg.get(i).copied().unwrap_or(usize::MAX)
    }

    /// Index of the first token starting at or after `pos`.
    fn at(&self, pos: usize) -> usize {
        self.spans.partition_point(|s| s.start < pos)
    }
}

/// A fact with its place among the words of its sentence.
struct Seen<'a> {
    fact: &'a CasualtyFact,
    /// Index of the fact among the facts judged (text order).
    order: usize,
    /// Index of its sentence among the sentences with facts.
    sentence: usize,
    s: &'a SentenceWords,
    /// Token range of the count.
    c0: usize,
    c1: usize,
    /// Token range of the outcome word(s).
    t0: usize,
    t1: usize,
}

impl<'a> Seen<'a> {
    fn new(fact: &'a CasualtyFact, sentence: usize, all: &'a [SentenceWords]) -> Option<Seen<'a>> {
        let s = all.get(sentence)?;
        let c = fact.count().span();
        let t = fact.trigger();
        let c0 = s.at(c.start);
        let t0 = s.at(t.start);
        Some(Seen {
            fact,
            order: 0,
            sentence,
            s,
            c0,
            c1: s.at(c.end).max(c0 + 1),
            t0,
            t1: s.at(t.end),
        })
    }

    fn word(&self, i: usize) -> &str {
        self.s.word(i)
    }

    /// The word `k` places before the count ("" outside the sentence).
    fn before(&self, k: usize) -> &str {
        self.c0.checked_sub(k).map_or("", |i| self.word(i))
    }

    /// The word `k` places after the count (k = 0: the first after it).
    fn after(&self, k: usize) -> &str {
        self.word(self.c1 + k)
    }

    fn is_zero(&self) -> bool {
        self.fact.count().interval().high() == Some(0.0)
    }

    /// Whether token `i` belongs to this fact's outcome word(s).
    fn in_trigger(&self, i: usize) -> bool {
        (self.t0..self.t1).contains(&i)
    }
}

/// Words right before a count that make it a part of a group: "including 9
/// children", "among them 3 women", "of whom 2 died".
/// ("among 12 people who died" is the whole group: "among" alone is no marker).
const PART_MARKERS: &[&str] = &["including", "included", "include", "includes", "incl"];
/// Pronouns of a group just named: "of them", "among whom".
const GROUP_PRONOUNS: &[&str] = &["them", "whom", "which", "those"];
/// Words that add a count to one already given: "another 11", "two more".
const ADDED_BEFORE: &[&str] = &["another", "further", "additional", "also"];
const ADDED_AFTER: &[&str] = &["more", "additional", "further"];
/// Auxiliaries and verbs of saying: a clause, not a noun phrase.
const VERBISH: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "said", "says", "say", "told", "reported", "died", "dies", "die", "shot", "hurt", "left",
    "leaving", "remain", "remained", "remains",
];
/// Words that begin a noun phrase after "and" ("... officers and a number of
/// journalists", "... children and two drivers").
const NP_STARTS: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "some", "several", "many", "dozens",
    "hundreds", "scores", "other", "others", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten",
];
/// Punctuation between the segments of a sentence: a cue of another event
/// or a year applies to its own segment ("killed 7 on Monday, a year after a
/// similar attack killed 40") and from the opening one to the rest ("Last
/// year, 40 died").
const SEGMENT_BREAKS: &[&str] = &[",", ";", ":", "(", ")", "—", "–", "--"];
/// Cues that the sentence speaks of another, earlier or recurring event.
const OTHER_EVENT: &[&[&str]] = &[
    &["earlier", "this", "year"],
    &["earlier", "this", "month"],
    &["earlier", "in", "the", "year"],
    &["previous"],
    &["previously"],
    &["prior"],
    &["similar"],
    &["separate"],
    &["unrelated"],
    &["so", "far", "this", "year"],
    &["so", "far", "this", "month"],
    &["since", "the", "start", "of", "the", "year"],
    &["since", "the", "beginning", "of", "the", "year"],
    &["in", "recent", "years"],
    &["over", "the", "years"],
    &["this", "year", "alone"],
    &["year", "to", "date"],
    &["year-to-date"],
    &["annually"],
    &["each", "year"],
    &["every", "year"],
    &["compared"],
    &["comparison"],
    &["since", "records", "began"],
];
/// Words that, before an event noun, name another event: "in another
/// shooting", "two other attacks", "an earlier crash".
const OTHER_EVENT_WORDS: &[&str] = &["another", "other", "earlier"];
/// Nouns of events (not of people): "attack", "shootings", "crash".
const EVENT_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "incident",
    "incidents",
    "shooting",
    "shootings",
    "bombing",
    "bombings",
    "crash",
    "crashes",
    "accident",
    "accidents",
    "stabbing",
    "stabbings",
    "explosion",
    "explosions",
    "blast",
    "blasts",
    "raid",
    "raids",
    "fire",
    "fires",
];

/// Cues of a past time that may be the event's own in a story that follows it
/// up ("arrested in January of last year" in a sentencing report): like a
/// year, they make a count a candidate only when nothing else counts the outcome.
const PAST_TIME: &[&[&str]] = &[
    &["last", "year"],
    &["last", "month"],
    &["previous", "year"],
    &["the", "year", "before"],
    &["a", "year", "earlier"],
    &["years", "earlier"],
    &["ago"],
];
/// Cues that a count covers a wider scope than one event's place.
const OTHER_SCOPE: &[&[&str]] = &[
    &["worldwide"],
    &["globally"],
    &["global"],
    &["around", "the", "world"],
    &["across", "the", "world"],
    &["nationwide"],
    &["nationally"],
    &["across", "the", "country"],
    &["statewide"],
    &["citywide"],
];
/// Words right before a count that mark a downward revision: "revised the
/// toll down to 31", "lowered the toll to 31".
const REVISED_DOWN: &[&str] = &["lowered", "downgraded", "down", "downward", "downwards"];
/// Words before a count that mark it as a first report ("an earlier toll of
/// 27", "initially reported 5 dead"): superseded when the text gives another
/// count of the outcome.
const FIRST_REPORT: &[&str] =
    &["earlier", "initial", "initially", "original", "originally", "preliminary"];
/// Month names and abbreviations: a year after one is a date ("January 4, 2019").
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
/// Words after a four-digit number that make it a clock time ("(2024 Friday, UTC)").
const CLOCK_AFTER: &[&str] = &[
    "utc",
    "gmt",
    "local",
    "hours",
    "hrs",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

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
const PART_RULES: &[PartRule] =
    &[all_but, each, marked_part, partitive_part, added, np_coordinated];

/// Judges every fact: per-fact rules first, then the rules that compare facts.
fn judge(seen: &[Seen<'_>]) -> Vec<Verdict> {
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
/// including two who died": the two are all the dead).
fn marked_part(s: &Seen<'_>, seen: &[Seen<'_>]) -> bool {
    let p = s.before(1);
    let marked = PART_MARKERS.contains(&p)
        || (GROUP_PRONOUNS.contains(&p) && matches!(s.before(2), "among" | "of"));
    if !marked {
        return false;
    }
    let earlier = before_in_sentence(seen, s).filter(|o| o.c0 < s.c0);
    let (mut same, mut other) = (false, false);
    for o in earlier {
        if o.fact.outcome() == s.fact.outcome() {
            same = true;
        } else {
            other = true;
        }
    }
    same || !other
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
            match w {
                "and" | "," | "plus" | "&" => joined = true,
                ";" | ":" | "(" | ")" | "while" | "whereas" | "but" | "then" | "when" | "since"
                | "after" | "before" | "as" | "than" | "because" | "where" | "who" | "which"
                | "that" => blocked = true,
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
