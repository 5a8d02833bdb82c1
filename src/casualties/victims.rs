//! Word tables for counts and victims (README sections 2, 4 and 5): which
//! nouns name people, which name things (no fact), which counts are rates, and
//! which words may sit between a count and its outcome word.

use super::wordset::WordSet;
use once_cell::sync::Lazy;

/// Counted nouns that are not people: a count of these gives no fact
/// ("killed 500 sheep", "in 14 countries", "40 ambulances", "350 kilometers").
#[rustfmt::skip]
pub(crate) static NON_PERSON_NOUNS: &[&str] = &[
    // time
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades", "century", "centuries", "times",
    // measures
    "kilometers", "kilometres", "km", "miles", "mile", "meters", "metres", "m", "feet", "foot",
    "yards", "inches", "centimetres", "centimeters", "cm", "mm", "tonnes", "tons", "tonne", "ton",
    "kilograms", "kg", "pounds", "litres", "liters", "gallons", "barrels", "acres", "hectares",
    "degrees", "magnitude", "percent", "points", "votes", "seats",
    // places and buildings
    "countries", "nations", "states", "provinces", "districts", "regions", "cities", "towns",
    "villages", "communities", "counties", "municipalities", "neighbourhoods", "neighborhoods",
    "homes", "houses", "buildings", "structures", "schools", "hospitals", "clinics", "shelters",
    "camps", "sites", "locations", "areas", "streets", "roads", "bridges", "shops", "stores",
    "businesses", "farms", "hectares",
    // vehicles and objects
    "vehicles", "cars", "trucks", "buses", "ambulances", "boats", "ships", "vessels", "planes",
    "aircraft", "helicopters", "drones", "missiles", "rockets", "shells", "bombs", "weapons",
    "guns", "rifles", "rounds", "bullets", "tanks", "containers", "copies", "documents", "files",
    "cases", "tests", "doses", "flights", "trains",
    // animals
    "sheep", "cattle", "cows", "goats", "pigs", "chickens", "birds", "horses", "camels", "dogs",
    "cats", "animals", "livestock", "fish", "whales", "dolphins", "elephants", "head",
    // money and abstractions
    "dollars", "euros", "pounds", "rupees", "yuan", "yen", "million", "billion", "attacks",
    "incidents", "strikes", "raids", "explosions", "blasts", "bombings", "clashes", "protests",
    "rallies", "events", "reports", "cases", "jobs", "hectares", "calls", "complaints",
];

/// Nouns naming people. A signal flagged `PERSON` ("seized", "evacuated")
/// needs one of these or a person-like suffix (`PERSON_SUFFIXES`).
#[rustfmt::skip]
pub(crate) static PERSON_NOUNS: &[&str] = &[
    "people", "persons", "person", "civilians", "civilian", "children", "child", "kids", "women",
    "woman", "men", "man", "girls", "girl", "boys", "boy", "babies", "infants", "adults",
    "residents", "villagers", "soldiers", "troops", "police", "policemen", "officers", "crew",
    "members", "staff", "employees", "workers", "students", "pupils", "schoolchildren",
    "passengers", "tourists", "migrants", "refugees", "pilgrims", "worshippers", "protesters",
    "demonstrators", "activists", "journalists", "reporters", "doctors", "nurses", "patients",
    "guests", "fans", "spectators", "miners", "fishermen", "farmers", "herders", "sailors",
    "seafarers", "hostages", "prisoners", "inmates", "detainees", "suspects", "militants",
    "fighters", "rebels", "insurgents", "gunmen", "attackers", "guards", "servicemen",
    "peacekeepers", "personnel", "citizens", "nationals", "foreigners", "families", "households",
    "individuals", "victims", "survivors", "climbers", "hikers", "divers", "swimmers", "lawyers",
    "teachers", "priests", "nuns", "missionaries", "engineers", "contractors", "labourers",
    "laborers", "farmhands", "supporters", "opponents", "critics", "dissidents", "politicians",
    "officials", "leaders", "commanders", "generals", "firefighters", "rescuers", "volunteers",
    "medics", "paramedics", "aid", "relatives", "parents", "mothers", "fathers", "sons",
    "daughters", "brothers", "sisters", "elderly", "youths", "teenagers", "minors", "athletes",
    "players", "shoppers", "commuters", "drivers", "motorists", "pedestrians", "cyclists",
    "residents", "occupants", "tenants", "locals", "inhabitants", "israelis", "palestinians",
    "others",
];

/// Suffixes that mark a plural noun naming people ("protesters", "activists",
/// "Syrians", "servicemen", "employees", "migrants").
pub(crate) static PERSON_SUFFIXES: &[&str] =
    &["ers", "ors", "ists", "ians", "ans", "men", "ees", "ants", "ents", "ites", "is"];

/// Subjects who escape rather than flee a conflict: "inmates fled" is no displacement.
pub(crate) static ESCAPEES: &[&str] =
    &["inmates", "prisoners", "detainees", "convicts", "suspects", "captives", "prisoner"];

/// Words after a count that make it a rate ("5,000 lives a year").
pub(crate) static RATE_WORDS: &[&[&str]] = &[
    &["a", "year"],
    &["a", "day"],
    &["a", "week"],
    &["a", "month"],
    &["per", "year"],
    &["per", "day"],
    &["per", "week"],
    &["per", "month"],
    &["each", "year"],
    &["every", "year"],
    &["annually"],
    &["yearly"],
    &["per", "capita"],
];

/// Auxiliaries, adverbs and raising verbs allowed between a subject count and
/// its outcome word ("were", "have been", "later", "are feared to have").
#[rustfmt::skip]
pub(crate) static AUX_WORDS: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "am", "'s", "'re", "have", "has", "had",
    "'ve", "got", "get", "gets", "remain", "remained", "remains", "remaining", "still", "also",
    "later", "all", "both", "each", "reportedly", "now", "then", "already", "since", "subsequently",
    "initially", "eventually", "more", "reported", "confirmed", "said", "officially", "feared",
    "presumed", "believed", "thought", "likely", "probably", "possibly", "may", "might", "could",
    "would", "will", "must", "should", "to", "ordered", "urged", "told", "asked", "advised",
    "forced", "expected", "say", "said", "known", "listed", "declared", "found", "pronounced", "left", "rendered", "made",
];

/// Forms of "be"/"get" that make a following past form passive.
#[rustfmt::skip]
pub(crate) static PASSIVE_AUX: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "am", "'s", "'re", "got", "get", "gets",
];

/// Words that, right after a past form, start its object (an agent count then
/// precedes it: "Two senators killed the bill").
#[rustfmt::skip]
pub(crate) static OBJECT_STARTS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those", "him",
    "them", "it", "us", "me", "some", "many", "several", "dozens", "hundreds", "thousands",
];

/// Prepositions that may start a short modifier after a count's noun
/// ("migrants from Eritrea drowned", "50,000 people downstream of Mosul").
#[rustfmt::skip]
pub(crate) static NP_PREPOSITIONS: &[&str] = &[
    "in", "from", "at", "on", "aboard", "near", "inside", "outside", "across", "around",
    "downstream", "upstream", "living", "working", "travelling", "traveling", "under", "with",
];

/// Words skipped between an active verb and its object count ("killing all 72").
pub(crate) static OBJECT_SKIP: &[&str] = &["all", "another", "a", "further", "the", "some"];

/// Words after which an injury noun predicates the subject: "40 people were
/// treated for injuries", "suffered minor injuries", "left 25 people with
/// serious injuries".
#[rustfmt::skip]
pub(crate) static INJURY_FRAMES: &[&str] = &[
    "suffered", "sustained", "received", "treated", "suffering", "sustaining", "receiving", "with",
    "suffer", "sustain", "receive",
];

/// Words that introduce a part of a total ("including three children").
pub(crate) static PART_WORDS: &[&str] =
    &["including", "included", "include", "includes", "among", ":"];

/// Verbs linking a subject to what it includes ("The 40 dead included 12 children").
pub(crate) static LINK_WORDS: &[&str] =
    &["were", "was", "are", "is", "included", "include", "includes", "including"];

static NON_PERSON: Lazy<WordSet> = Lazy::new(|| WordSet::new(NON_PERSON_NOUNS));
static PERSON: Lazy<WordSet> = Lazy::new(|| WordSet::new(PERSON_NOUNS));
static AUX: Lazy<WordSet> = Lazy::new(|| WordSet::new(AUX_WORDS));

/// Whether `word` (lowercase) may stand between a subject count and its outcome word.
pub(crate) fn is_aux(word: &str) -> bool {
    AUX.contains(word)
}

/// Whether `word` (lowercase) names things, not people.
pub(crate) fn is_non_person(word: &str) -> bool {
    NON_PERSON.contains(word)
}

/// Whether `word` (lowercase) plausibly names people.
pub(crate) fn is_person(word: &str) -> bool {
    PERSON.contains(word)
        || (!is_non_person(word) && PERSON_SUFFIXES.iter().any(|s| word.ends_with(s)))
}

/// Whether a noun-like word may be a victims head ("children", "journalists").
pub(crate) fn nounish(w: &str) -> bool {
    !w.is_empty()
        && w.chars().all(|c| c.is_alphabetic())
        && !w.ends_with("ly")
        && !is_aux(w)
        && !OBJECT_STARTS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_and_things() {
        assert!(is_person("protesters"));
        assert!(is_person("syrians"));
        assert!(is_person("crew"));
        assert!(!is_person("kilometers"));
        assert!(!is_person("sheep"));
        assert!(is_non_person("countries"));
    }
}
