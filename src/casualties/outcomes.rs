//! The outcome signal table (README section 3): which words say that people
//! were killed, injured, went missing, were displaced, arrested, kidnapped or
//! shot, and how a count attaches to each word.
//!
//! To add a signal, add a row to [`SIGNALS`]: its lowercase token sequence (as
//! the tokenizer splits it: "shot dead" is two tokens), its outcome and its
//! [`Role`]. List every inflection you want matched; nothing is stemmed. The
//! engine needs no change.

use super::wordset::{WordMap, WordSet};
use crate::casualties::Outcome;
use crate::text::Token;
use crate::util::WordHashBuild;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use once_cell::sync::Lazy;
use std::collections::HashMap;

/// How a count attaches to a signal word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Active-only verb forms ("kill", "kills", "killing"): the count is the
    /// object ("killing at least 27"); a count before it is an agent.
    Active,
    /// Past forms of a transitive verb ("killed", "detained"): object when
    /// active ("killed 40 civilians"), subject when passive or used as an
    /// adjective ("40 civilians were killed", "14 killed and 30 injured").
    Past,
    /// Intransitive verbs ("died", "fled"): the count is the subject.
    Intransitive,
    /// Adjectives ("dead", "missing", "homeless"): predicative ("12 are
    /// missing", "left 28 guests dead") or attributive ("125 dead").
    Adjective,
    /// Nouns naming the outcome itself ("deaths", "injuries", "bodies"): the
    /// count precedes ("1,200 deaths") or follows "of" ("the deaths of four").
    Noun,
    /// A running total ("death toll", "number of dead"): the count follows a
    /// linking verb or preposition ("rose to 40", "stands at 88", "at 30").
    Toll,
}

/// Extra conditions on a signal.
pub(crate) mod flag {
    /// The victims noun must name people ("seized 19 crew members", not
    /// "seized 40 tonnes of drugs").
    pub const PERSON: u8 = 1;
    /// "lives" is an outcome only when lost, claimed, cost or taken.
    pub const LIFE_VERB: u8 = 2;
    /// People who flee a prison escape: "200 inmates fled" is no displacement.
    pub const NOT_ESCAPE: u8 = 4;
    /// "shot"/"shoot" in the sense of hitting people with gunfire: not "shot
    /// at" or "shot down", not the noun ("a parting shot", "the shooting").
    pub const GUNFIRE: u8 = 8;
    /// An active form that is also intransitive: "1,000 others evacuate".
    pub const INTRANSITIVE_TOO: u8 = 16;
}

/// One signal: a token sequence, its outcome, its role and flags.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Signal {
    pub words: &'static [&'static str],
    pub outcome: Outcome,
    pub role: Role,
    pub flags: u8,
}

const fn s(words: &'static [&'static str], outcome: Outcome, role: Role) -> Signal {
    Signal { words, outcome, role, flags: 0 }
}

const fn f(words: &'static [&'static str], outcome: Outcome, role: Role, flags: u8) -> Signal {
    Signal { words, outcome, role, flags }
}

use Outcome::{Arrested, Displaced, Injured, Kidnapped, Killed, Missing, Shot};
use Role::{Active, Adjective, Intransitive, Noun, Past, Toll};

/// Every outcome signal. Longer sequences win over their prefixes.
pub(crate) static SIGNALS: &[Signal] = &[
    // killed
    s(&["kill"], Killed, Active),
    s(&["kills"], Killed, Active),
    s(&["killing"], Killed, Active),
    s(&["killed"], Killed, Past),
    s(&["dead"], Killed, Adjective),
    s(&["die"], Killed, Intransitive),
    s(&["dies"], Killed, Intransitive),
    s(&["died"], Killed, Intransitive),
    s(&["dying"], Killed, Intransitive),
    s(&["perish"], Killed, Intransitive),
    s(&["perished"], Killed, Intransitive),
    s(&["perishing"], Killed, Intransitive),
    s(&["drown"], Killed, Intransitive),
    s(&["drowned"], Killed, Intransitive),
    s(&["drowning"], Killed, Intransitive),
    s(&["succumb"], Killed, Intransitive),
    s(&["succumbed"], Killed, Intransitive),
    s(&["succumbing"], Killed, Intransitive),
    s(&["lost", "their", "lives"], Killed, Intransitive),
    s(&["lost", "his", "life"], Killed, Intransitive),
    s(&["lost", "her", "life"], Killed, Intransitive),
    s(&["lose", "their", "lives"], Killed, Intransitive),
    s(&["losing", "their", "lives"], Killed, Intransitive),
    s(&["shot", "dead"], Killed, Past),
    s(&["shoot", "dead"], Killed, Active),
    s(&["shooting", "dead"], Killed, Active),
    s(&["shot", "and", "killed"], Killed, Past),
    s(&["shot", "to", "death"], Killed, Past),
    s(&["shooting", "and", "killing"], Killed, Active),
    s(&["shoot", "and", "kill"], Killed, Active),
    s(&["gunned", "down", "and", "killed"], Killed, Past),
    s(&["stabbed", "to", "death"], Killed, Past),
    s(&["beaten", "to", "death"], Killed, Past),
    s(&["burned", "to", "death"], Killed, Past),
    s(&["burnt", "to", "death"], Killed, Past),
    s(&["crushed", "to", "death"], Killed, Past),
    s(&["hacked", "to", "death"], Killed, Past),
    s(&["fatally", "injured"], Killed, Past),
    s(&["fatally", "stabbed"], Killed, Past),
    // "Six people were shot, three of them fatally."
    s(&["fatally"], Killed, Adjective),
    s(&["fatally", "shot"], Killed, Past),
    s(&["fatally", "shooting"], Killed, Active),
    s(&["fatally", "wounded"], Killed, Past),
    s(&["execute"], Killed, Active),
    s(&["executes"], Killed, Active),
    s(&["executing"], Killed, Active),
    s(&["executed"], Killed, Past),
    s(&["massacre"], Killed, Active),
    s(&["massacres"], Killed, Active),
    s(&["massacring"], Killed, Active),
    s(&["massacred"], Killed, Past),
    s(&["death"], Killed, Noun),
    s(&["deaths"], Killed, Noun),
    s(&["fatalities"], Killed, Noun),
    s(&["fatality"], Killed, Noun),
    s(&["bodies"], Killed, Noun),
    f(&["lives"], Killed, Noun, flag::LIFE_VERB),
    // "claimed the life of an elderly woman"
    f(&["life"], Killed, Noun, flag::LIFE_VERB),
    s(&["death", "toll"], Killed, Toll),
    s(&["death", "tolls"], Killed, Toll),
    s(&["death", "tally"], Killed, Toll),
    s(&["toll"], Killed, Toll),
    s(&["number", "of", "dead"], Killed, Toll),
    s(&["number", "of", "deaths"], Killed, Toll),
    s(&["number", "of", "fatalities"], Killed, Toll),
    s(&["number", "of", "people", "killed"], Killed, Toll),
    s(&["number", "of", "those", "killed"], Killed, Toll),
    // injured
    s(&["injure"], Injured, Active),
    s(&["injures"], Injured, Active),
    s(&["injuring"], Injured, Active),
    s(&["injured"], Injured, Past),
    s(&["wound"], Injured, Active),
    s(&["wounds"], Injured, Active),
    s(&["wounding"], Injured, Active),
    s(&["wounded"], Injured, Past),
    s(&["hurt"], Injured, Past),
    s(&["hurts"], Injured, Active),
    s(&["hurting"], Injured, Active),
    s(&["maim"], Injured, Active),
    s(&["maims"], Injured, Active),
    s(&["maiming"], Injured, Active),
    s(&["maimed"], Injured, Past),
    s(&["injuries"], Injured, Noun),
    s(&["injury"], Injured, Noun),
    s(&["burns"], Injured, Noun),
    s(&["number", "of", "injured"], Injured, Toll),
    s(&["number", "of", "wounded"], Injured, Toll),
    s(&["number", "of", "injuries"], Injured, Toll),
    s(&["shot", "and", "wounded"], Injured, Past),
    s(&["shot", "and", "injured"], Injured, Past),
    s(&["shooting", "and", "wounding"], Injured, Active),
    s(&["shooting", "and", "injuring"], Injured, Active),
    // missing
    s(&["missing"], Missing, Adjective),
    s(&["unaccounted", "for"], Missing, Adjective),
    s(&["number", "of", "missing"], Missing, Toll),
    // displaced
    s(&["displace"], Displaced, Active),
    s(&["displaces"], Displaced, Active),
    s(&["displacing"], Displaced, Active),
    s(&["displaced"], Displaced, Past),
    f(&["evacuate"], Displaced, Active, flag::PERSON | flag::INTRANSITIVE_TOO),
    f(&["evacuates"], Displaced, Active, flag::PERSON | flag::INTRANSITIVE_TOO),
    f(&["evacuating"], Displaced, Active, flag::PERSON | flag::INTRANSITIVE_TOO),
    f(&["evacuated"], Displaced, Past, flag::PERSON),
    s(&["uproot"], Displaced, Active),
    s(&["uproots"], Displaced, Active),
    s(&["uprooting"], Displaced, Active),
    s(&["uprooted"], Displaced, Past),
    s(&["homeless"], Displaced, Adjective),
    f(&["flee"], Displaced, Intransitive, flag::NOT_ESCAPE),
    f(&["flees"], Displaced, Intransitive, flag::NOT_ESCAPE),
    f(&["fled"], Displaced, Intransitive, flag::NOT_ESCAPE),
    f(&["fleeing"], Displaced, Intransitive, flag::NOT_ESCAPE),
    s(&["forced", "to", "flee"], Displaced, Intransitive),
    s(&["forced", "from", "their", "homes"], Displaced, Intransitive),
    s(&["driven", "from", "their", "homes"], Displaced, Intransitive),
    // "forced 20,000 people from their homes": the frame after the object.
    s(&["from", "their", "homes"], Displaced, Adjective),
    s(&["out", "of", "their", "homes"], Displaced, Adjective),
    s(&["number", "of", "displaced"], Displaced, Toll),
    s(&["number", "of", "people", "displaced"], Displaced, Toll),
    s(&["number", "of", "people", "injured"], Injured, Toll),
    s(&["number", "of", "people", "missing"], Missing, Toll),
    s(&["number", "of", "people", "arrested"], Arrested, Toll),
    s(&["number", "of", "people", "detained"], Arrested, Toll),
    s(&["number", "of", "arrests"], Arrested, Toll),
    s(&["number", "of", "people", "dead"], Killed, Toll),
    // arrested
    s(&["arrest"], Arrested, Active),
    s(&["arrests"], Arrested, Noun),
    s(&["arresting"], Arrested, Active),
    s(&["arrested"], Arrested, Past),
    s(&["detain"], Arrested, Active),
    s(&["detains"], Arrested, Active),
    s(&["detaining"], Arrested, Active),
    s(&["detained"], Arrested, Past),
    s(&["detentions"], Arrested, Noun),
    s(&["detention"], Arrested, Noun),
    s(&["taken", "into", "custody"], Arrested, Past),
    s(&["took", "into", "custody"], Arrested, Past),
    // "took 12 people into custody": the people between the verb and its
    // complement, as after "detained".
    s(&["into", "custody"], Arrested, Past),
    s(&["round", "up"], Arrested, Active),
    s(&["rounds", "up"], Arrested, Active),
    s(&["rounding", "up"], Arrested, Active),
    s(&["rounded", "up"], Arrested, Past),
    // kidnapped
    s(&["kidnap"], Kidnapped, Active),
    s(&["kidnaps"], Kidnapped, Active),
    s(&["kidnapping"], Kidnapped, Active),
    s(&["kidnapped"], Kidnapped, Past),
    s(&["abduction"], Kidnapped, Noun),
    s(&["abductions"], Kidnapped, Noun),
    s(&["abduct"], Kidnapped, Active),
    s(&["abducts"], Kidnapped, Active),
    s(&["abducting"], Kidnapped, Active),
    s(&["abducted"], Kidnapped, Past),
    s(&["hostage"], Kidnapped, Adjective),
    s(&["taken", "hostage"], Kidnapped, Past),
    s(&["held", "hostage"], Kidnapped, Past),
    s(&["taken", "captive"], Kidnapped, Past),
    s(&["held", "captive"], Kidnapped, Past),
    s(&["captive"], Kidnapped, Adjective),
    f(&["seize"], Kidnapped, Active, flag::PERSON),
    f(&["seizes"], Kidnapped, Active, flag::PERSON),
    f(&["seizing"], Kidnapped, Active, flag::PERSON),
    f(&["seized"], Kidnapped, Past, flag::PERSON),
    // shot: hit by gunfire, result not stated (the rows above win when it is)
    f(&["shot"], Shot, Past, flag::GUNFIRE),
    f(&["shoot"], Shot, Active, flag::GUNFIRE),
    f(&["shoots"], Shot, Active, flag::GUNFIRE),
    f(&["shooting"], Shot, Active, flag::GUNFIRE),
    s(&["gunned", "down"], Shot, Past),
    s(&["struck", "by", "gunfire"], Shot, Past),
    s(&["hit", "by", "gunfire"], Shot, Past),
    s(&["struck", "by", "bullets"], Shot, Past),
    s(&["hit", "by", "bullets"], Shot, Past),
    s(&["struck", "by", "the", "bullets"], Shot, Past),
    s(&["hit", "by", "the", "bullets"], Shot, Past),
    s(&["struck", "by", "a", "bullet"], Shot, Past),
    s(&["hit", "by", "a", "bullet"], Shot, Past),
    s(&["struck", "by", "stray", "bullets"], Shot, Past),
    s(&["hit", "by", "stray", "bullets"], Shot, Past),
    s(&["suffered", "gunshot", "wounds"], Shot, Intransitive),
    s(&["gunshot", "wounds"], Shot, Noun),
    s(&["gunshot", "wound"], Shot, Noun),
    s(&["bullet", "wounds"], Shot, Noun),
    s(&["bullet", "wound"], Shot, Noun),
    s(&["sustained", "gunshot", "wounds"], Shot, Intransitive),
];

/// Words that, right after a `GUNFIRE` signal, give it another sense ("shot
/// at", "shot down").
pub(crate) static NOT_GUNFIRE_AFTER: &[&str] = &["at", "down", "up"];

/// Words that, right before a `GUNFIRE` signal, make it a noun ("a parting
/// shot", "the shooting", "a photo shoot").
#[rustfmt::skip]
pub(crate) static NOT_GUNFIRE_BEFORE: &[&str] = &[
    "a", "an", "the", "this", "that", "his", "her", "their", "its", "our", "my", "your", "parting",
    "warning", "long", "photo", "mug", "big", "first", "mass", "school", "police", "drive-by",
    "fatal", "deadly",
];

/// Counted nouns that are no victims nouns besides the outcome words
/// themselves ("injured about 100 others"). Every one-word signal of
/// [`SIGNALS`] with the role `Past`, `Adjective` or `Noun` is an outcome noun
/// too ("125 dead", "1,000 deaths", "14 killed"), so a new outcome word needs
/// only its row there.
pub(crate) static OTHER_OUTCOME_NOUNS: &[&str] = &["others", "killed", "death"];

/// Verbs that make "lives" an outcome ("cost 18 lives", "claimed the lives of").
#[rustfmt::skip]
pub(crate) static LIFE_VERBS: &[&str] = &[
    "lost", "lose", "loses", "losing", "claimed", "claim", "claims", "claiming", "cost", "costs",
    "costing", "took", "take", "takes", "taking", "taken",
];

/// Words right before a count that link it to a running total ("reached 1,300").
pub(crate) static TOLL_LINKS: &[&str] = &[
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

/// Verbs of change before a toll's new value ("rises to 25", "increased to
/// 57"): the toll is then the subject of the clause, however far before.
#[rustfmt::skip]
pub(crate) static CHANGE_VERBS: &[&str] = &[
    "rise", "rises", "rose", "risen", "rising", "increase", "increases", "increased",
    "increasing", "climb", "climbs", "climbed", "climbing", "jump", "jumps", "jumped", "grow",
    "grows", "grew", "grown", "reach", "reaches", "reached", "reaching", "hit", "hits", "stand",
    "stands", "stood", "mount", "mounts", "mounted", "soar", "soars", "soared", "revised",
    "raised", "raising", "raises", "put", "puts", "placed", "places", "surpass", "surpasses",
    "surpassed", "passed", "passes", "exceeded", "exceeds", "topped", "tops",
];

/// Auxiliaries of an elliptical clause: "..., as were 17 police officers".
pub(crate) static ELLIPSIS_VERBS: &[&str] = &["were", "was", "are", "is", "did", "have", "had"];

/// Determiners that make an active verb form a noun naming the outcome: "the
/// arrest of 13 people", "the killing of two".
pub(crate) static NOMINAL_DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its"];

/// Signals indexed by their first word.
static BY_FIRST: Lazy<WordMap<Vec<&'static Signal>>> = Lazy::new(|| {
    let mut map: HashMap<&'static str, Vec<&'static Signal>, WordHashBuild> = HashMap::default();
    for sig in SIGNALS {
        if let Some(first) = sig.words.first() {
            map.entry(*first).or_default().push(sig);
        }
    }
    for list in map.values_mut() {
        // Longest first, so that "death toll" wins over "death".
        list.sort_by_key(|sig| std::cmp::Reverse(sig.words.len()));
    }
    WordMap::new(map)
});

/// Whether a lowercase word starts any signal.
pub(crate) fn starts_signal(lower: &str) -> bool {
    BY_FIRST.get(lower).is_some()
}

/// One word per signal that every occurrence of it contains: the last word,
/// or the first when the last is a particle ("unaccounted for", "rounded up",
/// "gunned down").
/// A sentence without any of them holds no signal.
fn keys() -> impl Iterator<Item = &'static str> {
    SIGNALS.iter().filter_map(|sig| match sig.words {
        [first, .., "for" | "up" | "down"] => Some(*first),
        [.., last] => Some(*last),
        [] => None,
    })
}

/// All keys in one automaton: one pass over a sentence tells whether it may
/// hold a signal.
static KEY_MATCHER: Lazy<Option<AhoCorasick>> = Lazy::new(|| {
    let mut words: Vec<&str> = keys().collect();
    words.sort_unstable();
    words.dedup();
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .ok()
});

static KEY_WORDS: Lazy<WordSet> = Lazy::new(|| WordSet::new(&keys().collect::<Vec<_>>()));

/// The start of every token of `tokens` that is a key in any ASCII case, in
/// order. A sentence without such a token holds no signal (every signal word
/// is a token), so this is the cheap first filter in front of [`has_key`],
/// run once over a block: the key set's bit table rules out nearly every
/// other token before anything is hashed.
pub(crate) fn key_starts(tokens: &[Token<'_>]) -> Vec<usize> {
    let keys = &*KEY_WORDS;
    tokens.iter().filter(|t| keys.contains_folded(t.as_str())).map(|t| t.span().start).collect()
}

/// Whether `text` holds a key as a whole word.
pub(crate) fn has_key(text: &str) -> bool {
    let Some(ac) = KEY_MATCHER.as_ref() else { return false };
    let bytes = text.as_bytes();
    let wordish = |i: Option<usize>| {
        i.and_then(|i| bytes.get(i)).is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
    };
    ac.find_iter(text).any(|m| !wordish(m.start().checked_sub(1)) && !wordish(Some(m.end())))
}

/// The longest signal whose words equal `words[..n]` (lowercase tokens).
pub(crate) fn signal_at(words: &[&str]) -> Option<&'static Signal> {
    let first = words.first()?;
    let list = BY_FIRST.get(first)?;
    list.iter()
        .find(|sig| {
            sig.words.len() <= words.len() && sig.words.iter().zip(words).all(|(a, b)| a == b)
        })
        .copied()
}

/// Whether `word` (lowercase) is an outcome noun, i.e. never a victims noun.
pub(crate) fn is_outcome_noun(word: &str) -> bool {
    OUTCOME_SET.contains(word)
}

static OUTCOME_SET: Lazy<WordSet> = Lazy::new(|| {
    let mut words: Vec<&'static str> = OTHER_OUTCOME_NOUNS.to_vec();
    for sig in SIGNALS {
        if let ([w], Role::Past | Role::Adjective | Role::Noun) = (sig.words, sig.role) {
            words.push(w);
        }
    }
    WordSet::new(&words)
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_signal_wins() {
        let sig = signal_at(&["death", "toll", "rose"]).unwrap();
        assert_eq!(sig.role, Role::Toll);
        let sig = signal_at(&["death", "of"]).unwrap();
        assert_eq!(sig.role, Role::Noun);
        assert!(signal_at(&["casualties"]).is_none());
    }

    #[test]
    fn key_tokens_in_any_case() {
        let is_key_token = |w: &str| KEY_WORDS.contains_folded(w);
        for w in ["killed", "KILLED", "Dead", "unaccounted", "gunned"] {
            assert!(is_key_token(w), "{w}");
        }
        for w in
            ["", "skilled", "down", "for", "deadline", "a", "killedkilledkilledkilledkilledkilled"]
        {
            assert!(!is_key_token(w), "{w}");
        }
        // Every key is one.
        for k in keys() {
            assert!(is_key_token(k), "{k}");
        }
        let starts = |text: &str| key_starts(&crate::text::tokens(text).collect::<Vec<_>>());
        assert_eq!(starts("Two men DIED, one was hurt."), [8, 22]);
        assert!(starts("Two men left.").is_empty());
    }

    #[test]
    fn keys_are_whole_words() {
        assert!(has_key("Skilled workers: 3 KILLED."));
        assert!(!has_key("Skilled workers met the deadline."));
        assert!(has_key("12 unaccounted for"));
        assert!(has_key("Two were gunned down"));
        assert!(!has_key("Prices went down 12 percent"));
    }

    #[test]
    fn outcome_nouns_include_the_old_table() {
        for w in [
            "dead",
            "wounded",
            "injured",
            "hurt",
            "killed",
            "missing",
            "displaced",
            "homeless",
            "detained",
            "arrested",
            "abducted",
            "kidnapped",
            "death",
            "deaths",
            "injuries",
            "fatalities",
            "bodies",
            "lives",
            "arrests",
            "detentions",
            "others",
        ] {
            assert!(is_outcome_noun(w), "{w}");
        }
        assert!(!is_outcome_noun("civilians"));
    }

    /// The number layer's counted nouns and the outcome tables agree: every
    /// outcome word the number layer reads as the counted noun ("31 dead")
    /// is an outcome noun here, so it is never taken for the victims.
    #[test]
    fn outcome_tables_in_step_with_the_number_layer() {
        let countable = |s: &&Signal| matches!(s.role, Role::Past | Role::Adjective | Role::Noun);
        for sig in SIGNALS.iter().filter(countable) {
            let [w] = sig.words else { continue };
            let text = format!("Officials said 31 {w} yesterday.");
            let Some(p) = crate::numbers::number_phrases(&text).next() else { continue };
            if p.noun().and_then(|n| n.slice(&text)) == Some(*w) {
                assert!(
                    is_outcome_noun(w),
                    "the number layer counts \"{w}\": add it to the outcome nouns"
                );
            }
        }
    }

    #[test]
    fn every_signal_is_lowercase_and_nonempty() {
        for sig in SIGNALS {
            assert!(!sig.words.is_empty());
            for w in sig.words {
                assert_eq!(*w, w.to_lowercase(), "{w}");
            }
        }
    }
}
