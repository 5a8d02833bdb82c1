//! The word lists of the toll rules: cue phrases of other events, scopes and
//! past times, part markers, and the words that tell a clause from a noun
//! phrase. A list changes by a row; the rules that read them are in `rules.rs`.

/// Words right before a count that make it a part of a group: "including 9
/// children", "among them 3 women", "of whom 2 died".
/// ("among 12 people who died" is the whole group: "among" alone is no marker).
pub(super) const PART_MARKERS: &[&str] = &["including", "included", "include", "includes", "incl"];
/// Pronouns of a group just named: "of them", "among whom".
pub(super) const GROUP_PRONOUNS: &[&str] = &["them", "whom", "which", "those"];
/// Words that add a count to one already given: "another 11", "two more".
pub(super) const ADDED_BEFORE: &[&str] = &["another", "further", "additional", "also"];
pub(super) const ADDED_AFTER: &[&str] = &["more", "additional", "further"];
/// Auxiliaries and verbs of saying: a clause, not a noun phrase.
pub(super) const VERBISH: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "said", "says", "say", "told", "reported", "died", "dies", "die", "shot", "hurt", "left",
    "leaving", "remain", "remained", "remains", "lost", "got", "took", "saw", "fell", "went",
    "came", "made", "gave", "found", "sent", "kept", "held", "hit", "struck", "caught", "ran",
    "drove", "flew", "tore", "swept", "sank", "suffer", "suffers", "sustain", "sustains",
];
/// Words that begin a noun phrase after "and" ("... officers and a number of
/// journalists", "... children and two drivers").
pub(super) const NP_STARTS: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "some", "several", "many", "dozens",
    "hundreds", "scores", "other", "others", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten",
];
/// Punctuation between the segments of a sentence: a cue of another event
/// or a year applies to its own segment ("killed 7 on Monday, a year after a
/// similar attack killed 40") and from the opening one to the rest ("Last
/// year, 40 died").
pub(super) const SEGMENT_BREAKS: &[&str] = &[",", ";", ":", "(", ")", "—", "–", "--"];
/// Cues that the sentence speaks of another, earlier or recurring event.
pub(super) const OTHER_EVENT: &[&[&str]] = &[
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
pub(super) const OTHER_EVENT_WORDS: &[&str] = &["another", "other", "earlier"];
/// Nouns of events (not of people): "attack", "shootings", "crash".
pub(super) const EVENT_NOUNS: &[&str] = &[
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
pub(super) const PAST_TIME: &[&[&str]] = &[
    &["last", "year"],
    &["last", "month"],
    &["previous", "year"],
    &["the", "year", "before"],
    &["a", "year", "earlier"],
    &["years", "earlier"],
    &["ago"],
];
/// Cues that a count covers a wider scope than one event's place.
pub(super) const OTHER_SCOPE: &[&[&str]] = &[
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
pub(super) const REVISED_DOWN: &[&str] =
    &["lowered", "downgraded", "down", "downward", "downwards"];
/// Words before a count that mark it as a first report ("an earlier toll of
/// 27", "initially reported 5 dead"): superseded when the text gives another
/// count of the outcome.
pub(super) const FIRST_REPORT: &[&str] =
    &["earlier", "initial", "initially", "original", "originally", "preliminary"];
/// Words after a four-digit number that make it a clock time ("(2024 Friday, UTC)").
pub(super) const CLOCK_AFTER: &[&str] = &[
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

/// Words that bring in a second person ("another died", "a passenger in the
/// other car died later", "a second victim died"): with an outcome word after
/// them, a count of one is no longer everyone with that outcome.
pub(super) const SECOND_PERSON: &[&str] = &["another", "other", "second"];
/// Words before a second-person word that make it none: nobody ("no other
/// people were hurt") or a count of its own ("one other person", "2 others";
/// `#` stands for digits).
pub(super) const NOT_SECOND: &[&str] = &[
    "no", "any", "#", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];
/// Outcome words that say a second person died, on their own ("another
/// died") or after "was"/"were" ("another was killed").
pub(super) const SECOND_KILLED: &[&str] = &["died", "dies", "dead", "succumbed", "perished"];
pub(super) const SECOND_KILLED_PASSIVE: &[&str] = &["killed"];
/// The same for the injured ("another was hurt").
pub(super) const SECOND_INJURED_PASSIVE: &[&str] = &["injured", "hurt", "wounded"];
/// How many words may stand between the second-person word and its outcome word.
pub(super) const SECOND_REACH: usize = 6;

/// Subject pronouns: a person the text names without a count ("She and her
/// two daughters were injured").
pub(super) const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "i", "we", "you"];
