//! The location rule (README section 6): the place mention nearest to the
//! fact, in the same sentence, excluding distance reference points, origins,
//! destinations and places of treatment, the place of the source, names
//! inside other names, the larger of two nested places, and places that
//! locate another fact. The word tables below drive each exclusion.

use super::victims::PART_WORDS;
use super::view::View;
use super::wordset::WordSet;
use once_cell::sync::Lazy;

/// Gazetteer names that are, far more often, common English words. They are
/// place mentions only where capitalisation tells (mid-sentence, not in a
/// title-case headline). Derived by listing the benchmark gazetteer's
/// one-word names that the shared news corpus writes mostly in lowercase.
#[rustfmt::skip]
pub(crate) static COMMON_WORD_PLACES: &[&str] = &[
    "acre", "ahu", "aim", "ale", "along", "alter", "ana", "angle", "annex", "area", "ate", "bad",
    "bag", "ban", "banning", "bar", "bard", "barrage", "basic", "bat", "bear", "begun", "best",
    "bid", "big", "bloom", "bone", "boom", "born", "borne", "bow", "buffalo", "but", "buy", "cage",
    "can", "care", "cars", "cat", "chair", "champion", "coca", "coin", "colon", "com", "coma",
    "come", "commonwealth", "corona", "crystal", "dam", "date", "dawn", "deal", "der", "des",
    "dire", "diva", "downtown", "drama", "drug", "dual", "due", "earnest", "era", "erode", "ever",
    "far", "fate", "federal", "fleet", "flora", "forest", "freedom", "freshwater", "from", "gap",
    "gay", "genes", "goes", "gold", "grants", "grass", "green", "grenade", "grin", "grins", "gums",
    "hang", "hire", "hit", "holiday", "horn", "hub", "human", "humble", "ibis", "imperial",
    "independence", "ita", "keen", "lag", "lander", "lend", "lens", "les", "lira", "lively", "lone",
    "lot", "luck", "magna", "male", "man", "manage", "marathon", "market", "marks", "marshal",
    "media", "mentor", "mile", "mine", "mission", "mobile", "monster", "more", "most", "much",
    "name", "never", "nice", "noisy", "normal", "off", "officer", "okay", "one", "opportunity",
    "oral", "orange", "outer", "pace", "panda", "pandas", "para", "parole", "peer", "pet", "pets",
    "plunge", "plunges", "police", "pop", "possession", "pre", "proclamation", "put", "ray",
    "reading", "res", "reservoir", "rest", "retreat", "rich", "riding", "rise", "risen", "roles",
    "rot", "sake", "sale", "salon", "salt", "same", "save", "say", "seaside", "seen", "semi", "set",
    "shaping", "she", "shone", "shot", "shut", "side", "sin", "since", "sing", "sole", "solo",
    "soo", "soul", "spire", "split", "spoken", "spray", "spring", "sue", "sulphur", "summit",
    "sumo", "sunrise", "sunset", "superior", "surprise", "tale", "tall", "tame", "tank", "tape",
    "tell", "tender", "terrace", "than", "time", "tire", "tone", "tongue", "torn", "tour", "tours",
    "tsunami", "tub", "tune", "turn", "uptown", "van", "vans", "veto", "vila", "vineyard", "von",
    "wal", "wave", "wed", "wedding", "worms", "worth", "wun", "xico", "yan", "yen", "yoga", "young",
];

/// Units whose number makes the following "of X" / "from X" a distance
/// reference point (rule 1).
#[rustfmt::skip]
pub(crate) static DISTANCE_UNITS: &[&str] = &[
    "km", "kms", "kilometers", "kilometres", "kilometer", "kilometre", "miles", "mile", "mi",
    "meters", "metres", "yards", "leagues",
];

/// Words before "with X" that make X the other side of a line, a reference
/// point ("near the border with Turkey", rule 1).
#[rustfmt::skip]
pub(crate) static BORDER_WORDS: &[&str] = &["border", "borders", "frontier", "boundary"];

/// Verbs of moving people somewhere: "flown to Tbilisi" is a destination (rule 2).
#[rustfmt::skip]
pub(crate) static MOVEMENT_WORDS: &[&str] = &[
    "flown", "flew", "taken", "took", "rushed", "airlifted", "transferred", "brought", "sent",
    "moved", "bound", "heading", "headed", "route", "travelling", "traveling", "deported",
    "returned", "returning", "relocated", "evacuated", "carried", "driven", "transported",
    "sailing", "cross", "crossing", "smuggled", "smuggling", "trafficked", "kidnapping",
];

/// Care places: "in X" after one of them is the place of treatment when the
/// people were moved there or treated (rule 2).
#[rustfmt::skip]
pub(crate) static TREATMENT_WORDS: &[&str] =
    &["hospital", "hospitals", "clinic", "clinics", "facility", "facilities", "centre", "center"];

/// Words of treatment: "treated in X" is the place of treatment (rule 2).
#[rustfmt::skip]
pub(crate) static TREATED: &[&str] =
    &["treated", "treatment", "hospitalised", "hospitalized", "admitted", "recovering"];

/// Bodies that speak: "the disaster agency in Manila said" locates the source (rule 3).
#[rustfmt::skip]
pub(crate) static SOURCE_NOUNS: &[&str] = &[
    "ministry", "agency", "office", "monitor", "observatory", "group", "spokesman", "spokeswoman",
    "spokesperson", "embassy", "government", "authorities", "officials", "police", "military",
    "army", "headquarters", "media", "command", "council", "department", "service", "organisation",
    "organization", "committee", "correspondent", "reporter", "newspaper",
];

/// Speech verbs that close a source phrase (rule 3).
#[rustfmt::skip]
pub(crate) static SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "reported", "reports", "announced", "announces",
    "stated", "states", "added", "confirmed", "confirms", "claimed", "claims", "estimated",
];

/// Words after a place that make it part of an organisation's name (rule 4:
/// "the Gaza health ministry").
#[rustfmt::skip]
pub(crate) static NAME_FOLLOWERS: &[&str] = &[
    "health", "interior", "defence", "defense", "foreign", "ministry", "government", "university",
    "police", "army", "authorities", "civil", "red", "emergency", "disaster", "observatory",
    "times", "post", "tribune", "herald", "fc", "club", "stock", "embassy", "consulate",
    "station", "military", "navy", "forces", "coast",
];

/// Capitalised words after a place that, before "of", make the place part of
/// an office's name ("the Texas Department of Health", rule 4).
#[rustfmt::skip]
pub(crate) static OFFICES_BEFORE_OF: &[&str] = &[
    "department", "office", "bureau", "board", "division", "institute", "council", "college",
    "school", "museum", "bank", "commission", "secretary", "minister",
];

/// Capitalised words that end the name of a site, a building or a place in
/// a town ("Mecca's Grand Mosque", "Kabul's Shahr-e Naw Park"): what
/// happened there happened in the town.
#[rustfmt::skip]
pub(crate) static SITE_WORDS: &[&str] = &[
    "mosque", "cathedral", "church", "temple", "synagogue", "shrine", "hospital", "clinic",
    "airport", "stadium", "arena", "square", "market", "bazaar", "bridge", "station", "park",
    "street", "avenue", "road", "hotel", "mall", "port", "harbour", "harbor", "beach", "camp",
    "prison", "jail", "school", "district", "neighbourhood", "neighborhood", "quarter",
];

/// Buildings after a force's name that locate in its place what happened
/// there ("at Paris police headquarters", "a Kabul army base"), where the
/// name alone would be the organisation (rule 4).
#[rustfmt::skip]
pub(crate) static FORCE_BUILDINGS: &[&str] = &[
    "headquarters", "station", "compound", "academy", "barracks", "base", "checkpoint",
];

/// People a place describes, right after it ("a 36-year-old Cheltenham man",
/// "Mexico City mayor Clara Brugada") or before "of" it ("mayor of the
/// Polish city of Gdańsk", "the former governor of Kano"): a residence or an
/// office, not where the outcome happened (rule 2).
#[rustfmt::skip]
pub(crate) static DESCRIBED_PEOPLE: &[&str] = &[
    "man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "resident", "residents",
    "native", "natives", "couple", "family", "mayor", "governor", "governors", "senator",
    "congressman", "congresswoman", "lawmaker", "councillor", "councilman", "councilwoman",
    "premier", "sheriff", "bishop", "archbishop", "ambassador", "consul", "mp",
];

/// Words between a place and the office it describes ("Kherson regional
/// governor", "Chelyabinsk regional Deputy Governor", "Kano state deputy
/// governor").
#[rustfmt::skip]
pub(crate) static OFFICE_QUALIFIERS: &[&str] = &[
    "regional", "provincial", "state", "district", "county", "city", "municipal", "deputy",
    "acting", "former", "vice", "lieutenant",
];

/// A country's people, right after its name: "Four US soldiers were
/// wounded", "10 Myanmar nationals", "three US service members", "two UK
/// aid workers" say whose, not where (rule 2).
#[rustfmt::skip]
pub(crate) static NATIONALS: &[&str] = &[
    "soldiers", "troops", "citizens", "nationals", "servicemen", "personnel", "service",
    "servicemembers", "sailors", "marines", "airmen", "diplomats", "tourists", "contractors",
    "aid",
];

/// Administrative unit words that a place's name takes ("Kaduna State",
/// "Idlib Governorate"): no longer name around the place (rule 4).
#[rustfmt::skip]
pub(crate) static ADMIN_UNITS: &[&str] = &[
    "state", "province", "county", "department", "governorate", "region", "district", "oblast",
    "prefecture", "municipality", "parish", "division", "territory", "city", "township",
    "borough", "village", "town", "krai", "republic", "regency", "canton", "commune", "raion",
];

/// Prepositions that bind a place to the people right before them ("one
/// person in the Philippines").
#[rustfmt::skip]
pub(crate) static BINDING_PREPOSITIONS: &[&str] = &["in", "at", "near", "outside"];

/// Compass words: before a place without making a longer name of it
/// ("Northern Syria"), and between a smaller place's comma and the larger
/// place it lies in ("Jabalia, northern Gaza", rule 5).
#[rustfmt::skip]
pub(crate) static COMPASS_WORDS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern",
];

/// Unit words that a location's name drops when the gazetteer matched them
/// with it (README section 11: "Kaduna State" -> Kaduna, "Rongjiang
/// County" -> Rongjiang). Not "City", "Town", "Republic" or "Territory",
/// which end names of their own ("Mexico City", "Cape Town", "Czech
/// Republic", "Northern Territory").
#[rustfmt::skip]
pub(crate) static DROPPED_UNITS: &[&str] = &[
    "state", "province", "county", "governorate", "region", "district", "oblast", "prefecture",
    "department", "parish", "regency", "krai", "raion", "canton",
];

/// Capitalised words that may stand right before a place without making a
/// longer name of it, besides [`COMPASS_WORDS`] ("Northern Syria") and
/// [`MONTHS`]: parts of a region and weekdays ("Upper Egypt", "On Tuesday
/// Kabul police said").
#[rustfmt::skip]
pub(crate) static BEFORE_PLACE: &[&str] = &[
    "upper", "lower", "greater", "inner", "outer", "metro", "downtown", "uptown", "midtown",
    "the", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// Prepositions that, between an office and "of X", place the person in X
/// ("the consul in the port city of Veracruz"): X is then located.
#[rustfmt::skip]
pub(crate) static OFFICE_GAP_STOPS: &[&str] = &["in", "at", "near", "on", "from", "outside"];

/// Words of a body's name after a place's genitive, beside [`SOURCE_NOUNS`]
/// ("Gaza's health ministry said": the source, rule 3).
#[rustfmt::skip]
pub(crate) static BODY_WORDS: &[&str] = &["health", "interior", "defence", "defense", "foreign"];

/// Endings of nationality adjectives ("French Alps", "Iraqi Kurdistan"),
/// which name no longer name before a place.
#[rustfmt::skip]
pub(crate) static NATIONALITY_ENDINGS: &[&str] = &["an", "ese", "ish", "ch", "i"];

/// Month names a gazetteer also lists as places ("March", Cambridgeshire):
/// the month before a day or year ("dated March 16").
#[rustfmt::skip]
pub(crate) static MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];

/// One candidate place mention: token range and byte span.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Place {
    pub t0: usize,
    pub t1: usize,
    /// Whether the place may be named as a location (not a division,
    /// island or region a list of cities and countries lacks): one that may
    /// not still locates its own fact, which then has none ...
    pub named: bool,
    /// ... or the larger place named right after it, if any ("in Eastern
    /// Cape, South Africa": the index of South Africa).
    pub named_as: Option<usize>,
}

/// The hot tables as word sets, built once.
struct Sets {
    common_word_places: WordSet,
    distance_units: WordSet,
    movement_words: WordSet,
    source_nouns: WordSet,
    speech_verbs: WordSet,
    name_followers: WordSet,
    described_people: WordSet,
    admin_units: WordSet,
    before_place: WordSet,
}

static SETS: Lazy<Sets> = Lazy::new(|| Sets {
    common_word_places: WordSet::new(COMMON_WORD_PLACES),
    distance_units: WordSet::new(DISTANCE_UNITS),
    movement_words: WordSet::new(MOVEMENT_WORDS),
    source_nouns: WordSet::new(SOURCE_NOUNS),
    speech_verbs: WordSet::new(SPEECH_VERBS),
    name_followers: WordSet::new(NAME_FOLLOWERS),
    described_people: WordSet::new(DESCRIBED_PEOPLE),
    admin_units: WordSet::new(ADMIN_UNITS),
    before_place: WordSet::new(&[BEFORE_PLACE, COMPASS_WORDS, MONTHS].concat()),
});

/// Whether the token at `i` is a capitalised word with a lowercase letter
/// ("Rebic", "Hall"; not "DC", "US"): a part of a proper name.
fn name_word(v: &View<'_>, i: usize) -> bool {
    let raw = v.raw(i);
    capitalised(v, i) && raw.chars().all(char::is_alphabetic) && raw.chars().any(char::is_lowercase)
}

/// Whether a capitalised word is a nationality adjective ("French Alps",
/// "Iraqi Kurdistan"), by its ending.
fn nationality_like(w: &str) -> bool {
    w.len() >= 4 && NATIONALITY_ENDINGS.iter().any(|e| w.ends_with(e))
}

/// Whether the place at tokens `t0..t1` lies inside a longer capitalised
/// name (rule 4): "British Transport Police", "Bontddu Hall", "Upper Big
/// Branch Mine", "Ali Reza Raisi", "Hurricane Maria", "Rift Valley
/// Province": a run of capitalised words around it holds a word that is no
/// place. Not after the sentence's first word, a compass word, a date,
/// "The" or a nationality ("The Gambia", "the French Alps"); an
/// administrative unit ends the run ("Kaduna State"); places side by side
/// make no longer name ("Madhya Pradesh India"); never in a title-case
/// headline.
fn inside_longer_name(
    v: &View<'_>,
    sets: &Sets,
    t0: usize,
    t1: usize,
    in_place: &dyn Fn(usize) -> bool,
) -> bool {
    if v.title {
        return false;
    }
    // Leftwards: the run's words up to an exempt one.
    let mut i = t0;
    while let Some(b) = i.checked_sub(1) {
        let w = word(v, b);
        if b == v.first_word
            || !name_word(v, b)
            || sets.before_place.contains(w)
            || nationality_like(w)
        {
            break;
        }
        if !in_place(b) {
            return true;
        }
        i = b;
    }
    // Rightwards, up to an administrative unit.
    let mut k = t1;
    while name_word(v, k) && !sets.admin_units.contains(word(v, k)) {
        if !in_place(k) {
            return true;
        }
        k += 1;
    }
    false
}

/// Whether the place starting at token `t0` follows a smaller place that
/// ends at token `b`, nested in it (rule 5): "Tripoli, Libya", "Potosí
/// Department, Bolivia" (administrative units between), "Jabalia, northern
/// Gaza" (a compass word before it), "Pokrovsk in Donetsk Oblast", "Nablus
/// in the occupied West Bank" ("in", "the" and one lowercase word before
/// it). `two_before` is the word two tokens before `t0`.
fn nested_after(
    v: &View<'_>,
    sets: &Sets,
    b: usize,
    (t0, t1): (usize, usize),
    two_before: &str,
) -> bool {
    let mut k = t0;
    // "(the) (occupied)" or a compass word right before the larger place.
    let lowercase = |i: usize| v.raw(i).starts_with(char::is_lowercase);
    let mut marked = true;
    if k > b + 1 && word(v, k - 1) == "the"
        || (k > b + 2 && lowercase(k - 1) && two_before == "the")
    {
        k -= if word(v, k - 1) == "the" { 1 } else { 2 };
    } else if k > b + 1 && COMPASS_WORDS.contains(&word(v, k - 1)) && lowercase(k - 1) {
        k -= 1;
    } else {
        marked = false;
    }
    // The word before the larger place ("in", "of" or a comma), after the
    // administrative units that end the smaller name ("Potosí Department,").
    if k <= b {
        return false;
    }
    let unit = |i: usize| sets.admin_units.contains(word(v, i));
    let mut end = k - 1;
    while end > b && unit(end - 1) {
        end -= 1;
    }
    if end != b {
        return false;
    }
    let smaller_unit = end < k - 1 || b.checked_sub(1).is_some_and(unit);
    match word(v, k - 1) {
        "," => true,
        // "X in Y" nests a region so marked, or when either is named with
        // its unit ("Bhamo in Kachin State", "Rostov Oblast in Russia"); not
        // "the consulate of the United States in Karachi".
        "in" => marked || smaller_unit || (t0..t1).any(unit),
        // "of" after a lowercase unit reads both ways ("the Afghanistan
        // province of Takhar", "the Hangu district of northwest Pakistan"):
        // nested only when the unit is part of the name ("the central
        // Magway Region of Myanmar") or the region is marked.
        "of" => marked || (end < k - 1 && capitalised(v, end)),
        _ => false,
    }
}

/// Whether the place at tokens `t0..t1` describes a person (rule 2): a
/// residence or an office right after it or before "of" it, or an age after
/// it ("Bryant aged 41").
fn describes_person(v: &View<'_>, sets: &Sets, t0: usize, t1: usize) -> bool {
    // "Kherson regional governor", "Chelyabinsk regional Deputy Governor":
    // the office past the words that qualify it.
    let mut k = t1;
    while k < t1 + 2 && OFFICE_QUALIFIERS.contains(&word(v, k)) {
        k += 1;
    }
    let after = word(v, k);
    if sets.described_people.contains(after)
        || (k == t1 && (NATIONALS.contains(&after) || after == "aged"))
    {
        return true;
    }
    // "mayor of the Polish city of Gdańsk": an office up to six words
    // before "of", with no verb, preposition or punctuation between ("the
    // consul in the port city of Veracruz was held" is located there).
    if before(v, t0, 1) != "of" {
        return false;
    }
    let lo = t0.saturating_sub(7);
    (lo..t0 - 1)
        .rev()
        .take_while(|&i| {
            v.raw(i).chars().all(char::is_alphanumeric)
                && !v.is_trigger_word(i)
                && !OFFICE_GAP_STOPS.contains(&word(v, i))
        })
        .any(|i| sets.described_people.contains(word(v, i)))
}

fn word<'a>(v: &View<'a>, i: usize) -> &'a str {
    v.w.get(i).copied().unwrap_or("")
}

fn before<'a>(v: &View<'a>, t0: usize, k: usize) -> &'a str {
    match t0.checked_sub(k) {
        Some(i) => word(v, i),
        None => "",
    }
}

/// Whether the raw token at `i` starts with an uppercase letter.
fn capitalised(v: &View<'_>, i: usize) -> bool {
    v.raw(i).chars().next().is_some_and(char::is_uppercase)
}

/// Filters the gazetteer's place spans of one sentence (sorted) down to true
/// place mentions that may locate a fact (rules 1-5; rule 6 is in
/// [`choose`]); those of `unnamed` (sorted) take part but are never named.
/// `blocked(i)` tells whether token `i` belongs to a count or outcome word.
pub(crate) fn candidates(
    v: &View<'_>,
    spans: &[(usize, usize)],
    unnamed: &[(usize, usize)],
    blocked: &dyn Fn(usize) -> bool,
) -> Vec<Place> {
    let mut out: Vec<Place> = Vec::new();
    let sets = &*SETS;
    // The end of the last span that is no place mention at all.
    let mut no_place_end = None;
    for (idx, &(t0, t1)) in spans.iter().enumerate() {
        if t0 >= t1 || (t0..t1).any(blocked) || !capitalised(v, t0) {
            continue;
        }
        let single_common = t1 == t0 + 1 && sets.common_word_places.contains(word(v, t0));
        if single_common && (v.title || t0 == v.first_word) {
            continue;
        }
        // Rule 1: reference point of a measured distance.
        let prev = before(v, t0, 1);
        if matches!(prev, "of" | "from" | "the") {
            let lo = t0.saturating_sub(9);
            if (lo..t0).any(|i| sets.distance_units.contains(word(v, i))) {
                continue;
            }
        }
        // Rule 1: the far side of a border ("near the border with Turkey in
        // Idlib province"): a reference point, not where it happened.
        if prev == "with" && BORDER_WORDS.contains(&before(v, t0, 2)) {
            continue;
        }
        // ... and a side named before a border word ("near the Syria border",
        // "across the Burundi–DRC border").
        let paired_end = spans
            .get(idx + 1)
            .filter(|s| s.0 == t1 + 1 && matches!(word(v, t1), "-" | "–" | "—" | "/"))
            .map(|s| s.1);
        if BORDER_WORDS.contains(&word(v, t1))
            || paired_end.is_some_and(|end| BORDER_WORDS.contains(&word(v, end)))
        {
            continue;
        }
        // Rule 2: origin ("migrants from Eritrea", "from the Philippines",
        // "released from a Wisconsin jail"), unless the people left it.
        let from = if matches!(prev, "a" | "an" | "the") {
            t0.wrapping_sub(2)
        } else {
            t0.wrapping_sub(1)
        };
        if word(v, from) == "from" && !v.is_trigger_word(from.wrapping_sub(1)) {
            continue;
        }
        // Rule 2: destination ("flown to Tbilisi").
        if matches!(prev, "to" | "for" | "towards" | "toward" | "into") {
            let lo = t0.saturating_sub(6);
            if (lo..t0).any(|i| sets.movement_words.contains(word(v, i))) {
                continue;
            }
        }
        // Rule 2: place of treatment ("taken to hospitals in Bratislava").
        // Dying "at a hospital in Mosul" stays located; being taken or
        // treated there does not.
        if prev == "in" {
            let head = before(v, t0, 2);
            let moved = || {
                let lo = t0.saturating_sub(8);
                (lo..t0).any(|i| {
                    sets.movement_words.contains(word(v, i)) || TREATED.contains(&word(v, i))
                })
            };
            if TREATED.contains(&head) || (TREATMENT_WORDS.contains(&head) && moved()) {
                continue;
            }
        }
        // Rule 2: a destination written as an adjective ("a Baguio-bound bus").
        if v.text_after(t1).starts_with("-bound") {
            continue;
        }
        // Rule 3: the place of the source.
        if v.text_after(t1).starts_with("-based")
            || word(v, t1) == "-" && word(v, t1 + 1) == "based"
        {
            continue;
        }
        // ... a dateline: "ROME (AP) -- Floods killed 14 in ...".
        if t0 == v.first_word
            && (t0..t1).all(|i| !v.raw(i).chars().any(char::is_lowercase))
            && matches!(word(v, t1), "(" | "," | "-" | "--" | "–" | "—")
        {
            continue;
        }
        if prev == "in"
            && sets.source_nouns.contains(before(v, t0, 2))
            && (t1..t1 + 4).any(|i| sets.speech_verbs.contains(word(v, i)))
        {
            continue;
        }
        // Rule 2: a place that describes a person.
        if describes_person(v, sets, t0, t1) {
            continue;
        }
        // Rule 4: names inside other names.
        // ... also a body with a genitive: "Gaza's health ministry said"
        // (not "Sudan's civil war").
        let genitive = matches!(word(v, t1), "'s" | "’s");
        let body = |w: &str| sets.source_nouns.contains(w) || BODY_WORDS.contains(&w);
        let force_building =
            matches!(word(v, t1), "police" | "army") && FORCE_BUILDINGS.contains(&word(v, t1 + 1));
        // ... and an office "of" something: "the Connecticut Department of
        // Emergency Services" (not "Cauca Department, Colombia").
        let office = OFFICES_BEFORE_OF.contains(&word(v, t1))
            && capitalised(v, t1)
            && word(v, t1 + 1) == "of";
        // ... and a genitive before a name that is no place: an organisation
        // or a person ("Iran's Revolutionary Guards", not "Syria's Idlib", nor
        // a site in the place: "Mecca's Grand Mosque").
        let site = (t1 + 1..t1 + 5)
            .take_while(|&i| capitalised(v, i))
            .any(|i| SITE_WORDS.contains(&word(v, i)));
        let named_after = genitive
            && !v.title
            && capitalised(v, t1 + 1)
            && !site
            && spans.binary_search_by_key(&(t1 + 1), |s| s.0).is_err();
        if (sets.name_followers.contains(word(v, t1)) && !force_building)
            || (genitive && body(word(v, t1 + 1)))
            || office
            || named_after
        {
            continue;
        }
        // A month's name before a day or a year is a date ("dated March
        // 16"); neither it nor a name inside a longer one is a place mention.
        let date = t1 == t0 + 1
            && MONTHS.contains(&word(v, t0))
            && v.raw(t1).chars().next().is_some_and(|c| c.is_ascii_digit());
        let in_place = |i: usize| {
            let k = spans.partition_point(|&(a, _)| a <= i);
            k > 0 && spans.get(k - 1).is_some_and(|&(_, b)| i < b)
        };
        if date || inside_longer_name(v, sets, t0, t1, &in_place) {
            no_place_end = Some(t1);
            continue;
        }
        if prev == "of" && t0 >= 2 && !v.title {
            let head = t0 - 2;
            let k = spans.partition_point(|&(a, _)| a <= head);
            let head_is_place = k > 0 && spans.get(k - 1).is_some_and(|&(_, b)| head < b);
            // "the Shahri Buzurg District of Badakhshan": a unit's place.
            let unit = sets.admin_units.contains(word(v, head));
            if head != v.first_word && capitalised(v, head) && !head_is_place && !unit {
                continue;
            }
        }
        // Rule 5: the larger of two nested places, where the smaller one may
        // be named ("Sudan's Darfur region", "Luzon, Philippines": Sudan, the
        // Philippines).
        if word(v, t1) == "'s" || word(v, t1) == "’s" {
            let k = spans.partition_point(|&(a, _)| a <= t1);
            if spans.get(k).is_some_and(|s| s.0 <= t1 + 3 && unnamed.binary_search(s).is_err()) {
                continue;
            }
        }
        // "Tripoli, Libya": the larger place after a smaller one (a name
        // that was no place mention does not count: "Highland Papua, Indonesia").
        // A common word the gazetteer lists ("the Paris Police Prefecture in
        // Paris") is no smaller place.
        let after_place = |&(a, b): &(usize, usize)| {
            let common = b == a + 1 && sets.common_word_places.contains(word(v, a));
            Some(b) != no_place_end
                && !common
                && nested_after(v, sets, b, (t0, t1), before(v, t0, 2))
        };
        if let Some(&smaller) = spans.get(idx.wrapping_sub(1)).filter(|s| after_place(s)) {
            if unnamed.binary_search(&smaller).is_err() {
                continue;
            }
            // A larger place stands for a smaller one that may not be named.
            let next = out.len();
            if let Some(p) = out.last_mut().filter(|p| (p.t0, p.t1) == smaller) {
                p.named_as = Some(next);
            }
        }
        if word(v, t1) == ":" && t0 == v.first_word && spans.len() > 1 {
            continue;
        }
        let named = unnamed.binary_search(&(t0, t1)).is_err();
        out.push(Place { t0, t1, named, named_as: None });
    }
    out
}

/// The tokens of the location named by place `p`: without a trailing unit
/// word ([`DROPPED_UNITS`]: "Kaduna State" -> "Kaduna").
pub(crate) fn name_tokens(v: &View<'_>, p: &Place) -> (usize, usize) {
    let last = p.t1.saturating_sub(1);
    if p.t1 >= p.t0 + 2 && DROPPED_UNITS.contains(&word(v, last)) {
        (p.t0, last)
    } else {
        (p.t0, p.t1)
    }
}

/// A place's name without a trailing unit word ([`DROPPED_UNITS`]: "Kaduna
/// State" -> "Kaduna"), as [`name_tokens`] names a location; the name itself
/// when it has none.
pub(crate) fn without_unit_word(name: &str) -> &str {
    match name.trim_end().rsplit_once(' ') {
        Some((head, unit))
            if !head.is_empty() && DROPPED_UNITS.iter().any(|u| u.eq_ignore_ascii_case(unit)) =>
        {
            head.trim_end()
        }
        _ => name,
    }
}

/// The place that a fact's count or victims name with a preposition right
/// after them ("one person in the Philippines and one in Hong Kong have
/// died", "Two people in Gaza were killed"): the fact's own place, before
/// any nearer one (rule 6: it locates that fact). `heads` are the count's
/// and the victims' token ranges.
pub(crate) fn bound_place(
    v: &View<'_>,
    heads: &[(usize, usize)],
    places: &[Place],
) -> Option<usize> {
    heads.iter().rev().find_map(|&(_, end)| {
        if !BINDING_PREPOSITIONS.contains(&word(v, end)) {
            return None;
        }
        let at = if word(v, end + 1) == "the" { end + 2 } else { end + 1 };
        places.iter().position(|p| p.t0 == at)
    })
}

/// Token distance between two half-open token ranges (0 when they overlap).
fn gap(a: (usize, usize), b: (usize, usize)) -> usize {
    if a.1 <= b.0 {
        b.0 - a.1 + 1
    } else if b.1 <= a.0 {
        a.0 - b.1 + 1
    } else {
        0
    }
}

/// Distance of a place to a fact (its nearest anchor), and whether the place follows it.
fn distance(anchors: &[(usize, usize)], p: &Place) -> (usize, bool) {
    let mut best = usize::MAX;
    let mut follows = false;
    for &a in anchors {
        let d = gap(a, (p.t0, p.t1));
        if d < best || (d == best && p.t0 >= a.1) {
            best = d;
            follows = p.t0 >= a.1;
        }
    }
    (best, follows)
}

/// Places considered on each side of a fact: the nearest few always contain
/// the answer, and the bound keeps huge sentences linear.
const SIDE: usize = 4;

/// Indices of the places near a fact (places are sorted by position).
fn near(anchors: &[(usize, usize)], places: &[Place]) -> std::ops::Range<usize> {
    let lo = anchors.iter().map(|a| a.0).min().unwrap_or(0);
    let hi = anchors.iter().map(|a| a.1).max().unwrap_or(0);
    let a = places.partition_point(|p| p.t1 <= lo).saturating_sub(SIDE);
    let b = (places.partition_point(|p| p.t0 < hi) + SIDE).min(places.len());
    a..b.max(a)
}

/// A fact's count (token range), the place it names right after its count
/// or victims ([`bound_place`]), if any, and whether the count is a part
/// ("including 35 in Gaza City", "with 11 deaths in Georgia").
#[derive(Clone, Copy, Debug)]
pub(crate) struct Bound {
    pub count: (usize, usize),
    pub place: Option<usize>,
    pub part: bool,
}

impl Bound {
    /// The bound of a fact whose count spans tokens `count`: the place its
    /// count, victims or outcome noun (`heads`) names right after them, and
    /// whether a part word or "with" opens the count.
    pub(crate) fn new(
        v: &View<'_>,
        count: (usize, usize),
        heads: &[(usize, usize)],
        places: &[Place],
    ) -> Bound {
        let part = count.0.checked_sub(1).is_some_and(|i| {
            let w = word(v, i);
            w == "with" || PART_WORDS.contains(&w)
        });
        Bound { count, place: bound_place(v, heads, places), part }
    }
}

/// The place nearest to a fact's anchors (ties: the following one), among
/// those `allowed`.
fn nearest(
    anchors: &[(usize, usize)],
    places: &[Place],
    allowed: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<(usize, bool, usize)> = None;
    for i in near(anchors, places) {
        let Some(p) = places.get(i) else { continue };
        if !allowed(i) {
            continue;
        }
        let (d, follows) = distance(anchors, p);
        let better = match best {
            None => true,
            // Ties go to the following place.
            Some((bd, bf, _)) => d < bd || (d == bd && follows && !bf),
        };
        if better {
            best = Some((d, follows, i));
        }
    }
    best.map(|(_, _, i)| i)
}

/// Whether place `pi` locates a part counted between the fact (its anchors)
/// and the place: bound to a count that is a part or follows one there. "at
/// least 80 dead across three states, with 11 deaths in Georgia alone"
/// (Georgia locates the 11 only); "Five are missing, including three in
/// Luanda and two in Benguela" (neither locates the five); "Eight are killed
/// and 13 injured in the Gaza Strip" shares its place.
fn bound_beyond(anchors: &[(usize, usize)], places: &[Place], bound: &[Bound], pi: usize) -> bool {
    let Some(p) = places.get(pi) else { return false };
    let lo = anchors.iter().map(|a| a.0).min().unwrap_or(0);
    let hi = anchors.iter().map(|a| a.1).max().unwrap_or(0);
    let own = |b: &Bound| anchors.contains(&b.count);
    // The count nearest the fact of a part between, if any.
    let first_part = |after: bool| {
        bound
            .iter()
            .filter(|b| b.part && !own(b))
            .filter(|b| {
                if after {
                    hi <= b.count.0 && b.count.1 <= p.t0
                } else {
                    p.t1 <= b.count.0 && b.count.1 <= lo
                }
            })
            .map(|b| b.count)
            .reduce(|a, b| if (b.0 < a.0) == after { b } else { a })
    };
    let ties = |after: bool, part: (usize, usize)| {
        bound.iter().any(|b| {
            b.place == Some(pi)
                && !own(b)
                && if after {
                    part.0 <= b.count.0 && b.count.1 <= p.t0
                } else {
                    p.t1 <= b.count.0 && b.count.1 <= part.1
                }
        })
    };
    [true, false].into_iter().any(|after| first_part(after).is_some_and(|part| ties(after, part)))
}

/// For each fact (given by its anchors: trigger, count, victims token ranges,
/// and by its [`Bound`]), the index of its place in `places` (sorted by
/// position): the place its count or victims name, else the nearest one.
/// Rule 6: a place that locates another clause or fact is nearer to that
/// fact's words ("killed 53 in Malawi and 10 in Mozambique") or bound to a
/// fact between ("80 dead, with 11 deaths in Georgia alone"); facts of one
/// event share theirs ("Nevada crash near Las Vegas leaves two dead, three
/// injured": Las Vegas for both).
pub(crate) fn choose(
    facts: &[Vec<(usize, usize)>],
    places: &[Place],
    bound: &[Bound],
) -> Vec<Option<usize>> {
    facts
        .iter()
        .zip(bound)
        .map(|(a, b)| match b.place {
            // A place that may not be named still locates its own fact.
            Some(pi) => places.get(pi).and_then(|p| if p.named { Some(pi) } else { p.named_as }),
            None => nearest(a, places, |pi| {
                places.get(pi).is_some_and(|p| p.named) && !bound_beyond(a, places, bound, pi)
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_counts_tokens_between() {
        assert_eq!(gap((0, 1), (1, 2)), 1);
        assert_eq!(gap((0, 3), (1, 2)), 0);
        assert_eq!(gap((5, 6), (1, 2)), 4);
    }

    #[test]
    fn each_fact_keeps_its_own_place() {
        // "killed 53 people in Malawi and 10 in Mozambique"
        let facts = vec![vec![(0, 1), (1, 2), (2, 3)], vec![(0, 1), (6, 7)]];
        let places = [
            Place { t0: 4, t1: 5, named: true, named_as: None },
            Place { t0: 8, t1: 9, named: true, named_as: None },
        ];
        let bound = [
            Bound { count: (1, 2), place: Some(0), part: false },
            Bound { count: (6, 7), place: None, part: false },
        ];
        assert_eq!(choose(&facts, &places, &bound), vec![Some(0), Some(1)]);
    }

    #[test]
    fn a_place_bound_to_a_later_fact_is_not_an_earlier_ones() {
        // "80 dead across three states , with 11 deaths in Georgia"
        let facts = vec![vec![(0, 1), (1, 2)], vec![(8, 9), (9, 10)]];
        let places = [Place { t0: 11, t1: 12, named: true, named_as: None }];
        let bound = [
            Bound { count: (0, 1), place: None, part: false },
            Bound { count: (8, 9), place: Some(0), part: true },
        ];
        assert_eq!(choose(&facts, &places, &bound), vec![None, Some(0)]);
    }

    #[test]
    fn a_place_that_may_not_be_named_locates_its_own_fact_only() {
        // "21 hurt in Davao , 36 in Cotabato , Philippines and 7 in Santos":
        // Davao may not be named; Cotabato may not either, and the
        // Philippines stands for it; Santos may.
        let facts = vec![vec![(0, 1), (1, 2)], vec![(5, 6)], vec![(12, 13)]];
        let places = [
            Place { t0: 3, t1: 4, named: false, named_as: None },
            Place { t0: 7, t1: 8, named: false, named_as: Some(2) },
            Place { t0: 9, t1: 10, named: true, named_as: None },
            Place { t0: 14, t1: 15, named: true, named_as: None },
        ];
        let bound = [
            Bound { count: (0, 1), place: Some(0), part: false },
            Bound { count: (5, 6), place: Some(1), part: false },
            Bound { count: (12, 13), place: Some(3), part: false },
        ];
        assert_eq!(choose(&facts, &places, &bound), vec![None, Some(2), Some(3)]);
        // Unbound, the nearest place that may be named.
        let free = [Bound { count: (0, 1), place: None, part: false }];
        assert_eq!(choose(&facts[..1], &places, &free), vec![Some(2)]);
    }
}
