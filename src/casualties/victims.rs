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
    "rallies", "events", "reports", "cases", "jobs", "hectares", "calls", "complaints", "pieces",
    "items", "parts", "games", "matches", "goals", "papers", "books", "songs", "films",
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
    "others", "grandchildren", "grandsons", "granddaughters", "grandparents", "siblings", "cousins", "nephews", "nieces", "wives", "husbands", "spouses", "twins", "toddlers", "newborns", "guides", "pilots", "cops", "sherpas", "colleagues", "friends", "neighbours", "neighbors", "classmates",
];

/// Suffixes that mark a plural noun naming people ("protesters", "activists",
/// "Syrians", "servicemen", "employees", "migrants").
pub(crate) static PERSON_SUFFIXES: &[&str] =
    &["ers", "ors", "ists", "ians", "ans", "men", "ees", "ants", "ents", "ites", "is"];

/// Subjects who escape or get away rather than flee a conflict: "inmates
/// fled", "the gunman fled on foot" are no displacement.
#[rustfmt::skip]
pub(crate) static ESCAPEES: &[&str] = &[
    "inmates", "prisoners", "detainees", "convicts", "suspects", "captives", "prisoner",
    "suspect", "driver", "gunman", "gunmen", "attacker", "attackers", "assailant", "assailants",
    "shooter", "shooters", "thief", "thieves", "robber", "robbers", "burglar", "burglars",
    "perpetrator", "perpetrators", "culprit", "culprits", "killer", "killers",
];

/// Words for a share of a group, before "of (the)" and its total: "Most of
/// the 300 villagers fled" says nothing of how many fled.
pub(crate) const SHARE_WORDS: &[&str] =
    &["most", "many", "some", "majority", "minority", "part", "much", "portion", "proportion"];

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

/// Past participles without "-ed" that news coordinates with an outcome
/// word after "was"/"were": "was struck and killed", "was hit by a car and
/// killed", "were run over and killed".
#[rustfmt::skip]
pub(crate) static IRREGULAR_PARTICIPLES: &[&str] = &[
    "struck", "hit", "run", "beaten", "thrown", "caught", "bitten", "swept", "taken", "stuck",
    "dragged", "pinned", "knocked",
];

/// Irregular past tenses that may open a clause whose subject later dies
/// ("A boy fell from a balcony and died").
#[rustfmt::skip]
pub(crate) static IRREGULAR_PASTS: &[&str] = &[
    "fell", "went", "came", "ran", "drove", "rode", "swam", "sank", "got", "became",
];

/// Words between "and" / "but" and a death of the clause's subject ("and
/// later died", "but then died").
#[rustfmt::skip]
pub(crate) static LATER_WORDS: &[&str] = &[
    "later", "then", "subsequently", "eventually", "soon", "ultimately", "also", "sadly",
    "tragically",
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
    "in", "of", "from", "at", "on", "aboard", "near", "inside", "outside", "across", "around",
    "downstream", "upstream", "living", "working", "travelling", "traveling", "under", "with",
];

/// People who lived through an event: a count of them never borrows a death
/// from a count before it ("finds two bodies and 39 survivors").
pub(crate) static SURVIVORS: &[&str] = &["survivors", "survivor"];

/// Possessive determiners that may stand between "and" and a coordinated count
/// ("a mother and her three children", "a man and his two sons"; the toll
/// rules read them too: "She and her two daughters").
pub(crate) static POSSESSIVES: &[&str] = &["his", "her", "their", "its", "our", "my", "your"];

/// Words skipped between an active verb and its object count ("killing all 72").
pub(crate) static OBJECT_SKIP: &[&str] =
    &["all", "another", "a", "further", "the", "some", "his", "her", "their", "its"];

/// Words after which an injury noun predicates the subject: "40 people were
/// treated for injuries", "suffered minor injuries", "left 25 people with
/// serious injuries".
#[rustfmt::skip]
pub(crate) static INJURY_FRAMES: &[&str] = &[
    "suffered", "sustained", "received", "treated", "suffering", "sustaining", "receiving", "with",
    "suffer", "sustain", "receive",
];

/// Statuses after an outcome that the rules leave out (README 3: charged,
/// released, taken to hospital...): "12 of whom were later charged" states
/// one of them, not the outcome of the group.
#[rustfmt::skip]
pub(crate) static LATER_STATUSES: &[&str] = &[
    "charged", "released", "freed", "sentenced", "jailed", "convicted", "indicted", "deported",
    "acquitted", "bailed", "questioned", "interrogated", "prosecuted", "hospitalised",
    "hospitalized", "treated", "discharged", "rescued", "taken", "rushed", "airlifted",
    "transferred", "admitted",
];

/// Verbs that free people, before the part freed of a total ("freed 20 of
/// the 50 hostages kidnapped").
pub(crate) static FREEING_VERBS: &[&str] = &[
    "freed",
    "freeing",
    "frees",
    "free",
    "released",
    "releasing",
    "releases",
    "release",
    "rescued",
    "rescuing",
    "rescues",
    "rescue",
    "recovered",
    "evacuated",
];

/// Nouns of freeing before "of" and the part freed ("the release of 100 of
/// the 315 students abducted").
pub(crate) static FREEING_NOUNS: &[&str] = &["release", "rescue", "return", "freeing"];

/// Words that introduce a part of a total ("including three children").
pub(crate) static PART_WORDS: &[&str] =
    &["including", "included", "include", "includes", "among", ":"];

/// Verbs linking a subject to what it includes ("The 40 dead included 12 children").
pub(crate) static LINK_WORDS: &[&str] =
    &["were", "was", "are", "is", "included", "include", "includes", "including"];

/// Determiners that open a singular person noun phrase counted as 1 (README
/// section 4, rules v2): "A police officer was killed", "killed her brother".
pub(crate) static SINGULAR_DETERMINERS: &[&str] = &["a", "an", "the", "his", "her", "their", "its"];

/// Head nouns of a singular person noun phrase (README section 4): a singular
/// noun that denotes a person.
#[rustfmt::skip]
pub(crate) static SINGULAR_PERSON_NOUNS: &[&str] = &[
    "man", "woman", "boy", "girl", "child", "baby", "infant", "toddler", "newborn", "teenager",
    "teen", "youth", "minor", "juvenile", "person", "individual", "adult", "driver", "motorist",
    "motorcyclist", "cyclist", "pedestrian", "passenger", "pilot", "rider", "officer",
    "policeman", "policewoman", "constable", "trooper", "sheriff", "deputy", "agent", "ranger",
    "soldier", "serviceman", "sergeant", "corporal", "lieutenant", "captain", "colonel",
    "commander", "guard", "civilian", "resident", "villager", "student", "pupil", "schoolboy",
    "schoolgirl", "worker", "labourer", "laborer", "employee", "contractor", "engineer",
    "journalist", "reporter", "photographer", "cameraman", "victim", "suspect", "gunman",
    "attacker", "assailant", "shooter", "bomber", "militant", "fighter", "rebel", "insurgent",
    "son", "daughter", "wife", "husband", "mother", "father", "brother", "sister", "grandmother",
    "grandfather", "grandson", "granddaughter", "nephew", "niece", "cousin", "uncle", "aunt",
    "stepson", "stepdaughter", "stepfather", "stepmother", "fiancé", "fiancée", "girlfriend",
    "boyfriend", "partner", "friend", "neighbour", "neighbor", "colleague", "relative",
    "bystander", "passer-by", "passerby", "fisherman", "farmer", "herder", "shepherd", "hiker",
    "climber", "tourist", "visitor", "traveller", "traveler", "mathematician", "scientist",
    "researcher", "professor", "teacher", "lecturer", "doctor", "surgeon", "nurse", "paramedic",
    "medic", "firefighter", "rescuer", "volunteer", "priest", "imam", "pastor",
    "monk", "nun", "bishop", "cleric", "player", "athlete", "footballer", "boxer", "owner",
    "shopkeeper", "vendor", "trader", "businessman", "businesswoman", "chief", "mayor",
    "governor", "minister", "official", "politician", "lawmaker", "senator", "councillor",
    "councilor", "candidate", "activist", "protester", "protestor", "demonstrator", "leader",
    "lawyer", "judge", "prosecutor", "secretary", "adviser", "advisor", "aide", "assistant",
    "staffer", "spokesman", "spokeswoman", "inmate", "prisoner", "detainee", "migrant",
    "refugee", "pilgrim", "worshipper", "hostage", "captive", "guest", "customer", "patient",
    "tenant", "occupant", "homeowner", "miner", "sailor", "seaman", "crewman", "diver",
    "swimmer", "surfer", "skier", "jogger", "singer", "actor", "actress", "musician", "artist",
    "writer", "author", "poet", "rapper", "cashier", "clerk", "waiter",
    "waitress", "cook", "chef", "janitor", "bodyguard", "pensioner", "retiree",
    "veteran", "mechanic", "electrician", "plumber", "carpenter", "builder", "trucker",
    "conductor", "courier", "member", "fan", "spectator", "onlooker", "witness", "president",
    "king", "queen", "prince", "princess", "pope", "ambassador", "envoy", "diplomat", "consul",
    "chairman", "chairwoman", "director", "manager", "coach", "referee", "founder", "premier",
    "chancellor", "congressman", "congresswoman", "sheikh", "emir", "cardinal", "rabbi",
    "archbishop", "inspector", "detective", "investigator", "correspondent", "editor",
    "blogger", "dissident", "warlord", "photojournalist", "peacekeeper", "marine", "airman",
    "cadet", "recruit", "gunwoman", "robber", "burglar", "thief", "hijacker",
    "kidnapper", "smuggler", "trafficker", "dealer", "local", "guide", "porter", "sherpa", "lifeguard", "caretaker", "nanny", "babysitter", "grandchild", "twin", "spouse", "dad", "mum", "mom", "parent", "grandparent", "sibling", "stepbrother", "stepsister", "classmate", "roommate", "housemate", "flatmate", "coworker", "co-worker", "cop", "marshal", "gendarme", "attendant", "steward", "stewardess", "bartender", "jockey", "mountaineer", "camper", "kayaker", "angler", "hunter", "poacher", "biker", "commuter", "shopper", "physician", "pharmacist", "dentist", "midwife", "headteacher", "schoolteacher",
    "supporter", "follower", "voter", "mourner", "attendee", "participant", "parishioner", "opponent", "critic", "influencer", "broadcaster", "presenter", "comedian", "dancer", "executive", "entrepreneur", "investor", "banker", "accountant", "analyst", "consultant", "landlord", "landowner", "caregiver", "trainee", "apprentice", "intern", "sniper", "jihadist", "separatist", "extremist", "terrorist", "gangster", "killer", "murderer", "stranger", "hitchhiker", "elder", "tribesman", "settler", "herdsman", "widow", "orphan", "cricketer", "boater", "trekker", "backpacker", "worshiper", "churchgoer", "believer", "missionary", "gunner", "dockworker", "welder", "technician", "guardsman", "militiaman", "recruiter", "informant", "collaborator", "defector", "deserter", "runaway", "escapee", "vigilante",
];

/// Words inside a singular noun phrase that make it no count (README section
/// 4 (f)): ordinals, series words, "another" / "other".
#[rustfmt::skip]
pub(crate) static SERIES_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "last", "final", "next", "latest", "other", "another", "same", "previous", "former",
];

/// Words before an isolated "one" that make it no count of people ("the
/// only one", "all but one", "each one", "no one" is a zero).
#[rustfmt::skip]
pub(crate) static ONE_NOT_AFTER: &[&str] = &[
    "the", "this", "that", "which", "any", "every", "each", "only", "no", "but", "another", "a",
    "same", "than", "-", "no.", "number", "#", "at", "for", "as",
];

/// Words after "one of the" that make the "one" a thing ("one of the
/// deadliest roads", "one of the worst").
pub(crate) static ONE_OF_SUPERLATIVE: &[&str] = &["most", "many", "few", "worst", "best"];

/// Words that end a singular noun phrase before its head could come.
#[rustfmt::skip]
pub(crate) static NP_BREAKS: &[&str] = &[
    "and", "or", "but", "of", "who", "whom", "whose", "which", "that", "to", "by", "than", "as",
    "not", "no", "this", "these", "those", "there", "here", "he", "she", "it", "they", "we", "i",
    "you", "him", "them", "if", "when", "while", "after", "before", "for", "into", "over", "about",
    "against", "during", "since", "until", "because", "via", "per",
];

/// Words that open a comma-delimited aside between a subject and its verb
/// ("Three people, including a child, were killed"; "One child was,
/// according to the fire service, among the dead").
#[rustfmt::skip]
pub(crate) static INTERRUPTERS: &[&str] = &[
    "including", "mostly", "mainly", "largely", "chiefly", "primarily", "many", "most", "some",
    "several", "all", "both", "among", "according", "police", "officials", "authorities",
    "witnesses", "sources", "reports", "he", "she", "they", "it", "we", "however", "though",
    "meanwhile", "reportedly", "apparently", "who", "whose", "which", "aged", "in", "on", "the",
];

/// Words after a coordinated count that show it has no predicate of its own,
/// so it shares its neighbour's ("detain 17 children and nine adults
/// belonging to ...", "killed 3 soldiers and 2 civilians who ...").
pub(crate) static ELLIPSIS_FOLLOWERS: &[&str] = &[
    "who",
    "whose",
    "from",
    "with",
    "aged",
    "including",
    "among",
    "during",
    "after",
    "before",
    "when",
    "while",
    "—",
    "–",
];

/// Places of care: people evacuated to one of them are patients, not
/// displaced ("evacuates two children to a nearby hospital").
pub(crate) static CARE_PLACES: &[&str] = &["hospital", "hospitals", "clinic", "clinics"];

/// Words that end the search for the verb after a reduced relative ("A man
/// suspected of ... was arrested"): clause ends and embedded questions.
pub(crate) static RELATIVE_STOPS: &[&str] =
    &[";", ",", ".", "how", "what", "whether", "why", "that", "if"];

/// Words before an age set off by commas: "Two brothers, ages 8 and 10,
/// drowned", "a boy, age 9, died".
pub(crate) static AGE_WORDS: &[&str] = &["age", "ages", "aged"];

/// Heads of a singular person phrase that are an age used as a noun ("a
/// 19-year-old was shot"): a count of 1 with no victims noun.
pub(crate) static AGE_HEADS: &[&str] = &["old"];

/// Words by which an outcome did not happen: "deaths could be prevented",
/// "saved 300 lives", "averted thousands of deaths".
#[rustfmt::skip]
pub(crate) static AVERTING_WORDS: &[&str] = &[
    "prevent", "prevents", "prevented", "preventing", "avert", "averts", "averted", "averting",
    "avoid", "avoids", "avoided", "avoiding", "save", "saves", "saved", "saving",
];

/// Words that make an indefinite singular hypothetical ("if a worker is hurt").
pub(crate) static GENERIC_CUES: &[&str] = &["if", "unless", "whenever", "should"];

/// Months and their abbreviations: a number right after one is a date ("on
/// Sept. 3 died", "the Jan. 28 death").
#[rustfmt::skip]
pub(crate) static MONTH_WORDS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
    "sept.", "oct.", "nov.", "dec.",
];

/// Words right before a number that make it an identifier, an age or a rank
/// ("Route 66", "number 27", "aged 57", "No. 9").
#[rustfmt::skip]
pub(crate) static IDENTIFIER_BEFORE: &[&str] = &[
    "number", "no", "no.", "nos", "nos.", "#", "route", "highway", "interstate", "flight", "room",
    "platform", "gate", "channel", "article", "section", "chapter", "category", "level", "grade",
    "ward", "ranked", "ranking", "rank", "aged", "age", "ages", "page", "line", "bus", "unit",
    "apartment", "suite", "block", "lot", "exit", "terminal", "pier", "bay", "model", "version",
    "size", "team", "squad", "kilometre", "kilometer", "mile", "km", "junction", "district",
    "precinct", "zone", "sector", "phase", "stage", "round", "day", "week", "year", "season",
    "episode", "volume", "issue", "cell",
];

/// Words right after a number that make it an address ("at 14 Elm Street"):
/// checked on the word after the next one too (the street name between).
#[rustfmt::skip]
pub(crate) static STREET_WORDS: &[&str] = &[
    "street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "rd.", "boulevard", "blvd",
    "blvd.", "lane", "ln", "drive", "dr", "dr.", "way", "place", "court", "ct", "terrace",
    "crescent", "highway", "parkway", "square", "alley",
];

/// Verbs that put a count past a threshold: "surpassed 100,000" is read
/// (100000, inf) with the verb inside the count's span (README section 11).
pub(crate) static SURPASS_WORDS: &[&str] = &["surpass", "surpasses", "surpassed", "surpassing"];

static NON_PERSON: Lazy<WordSet> = Lazy::new(|| WordSet::new(NON_PERSON_NOUNS));
static MONTHS: Lazy<WordSet> = Lazy::new(|| WordSet::new(MONTH_WORDS));
static IDENTIFIER_CUES: Lazy<WordSet> = Lazy::new(|| WordSet::new(IDENTIFIER_BEFORE));
static STREETS: Lazy<WordSet> = Lazy::new(|| WordSet::new(STREET_WORDS));

static NP_PREPOSITION_SET: Lazy<WordSet> = Lazy::new(|| WordSet::new(NP_PREPOSITIONS));
static NP_BREAK_SET: Lazy<WordSet> = Lazy::new(|| WordSet::new(NP_BREAKS));
static OBJECT_START_SET: Lazy<WordSet> = Lazy::new(|| WordSet::new(OBJECT_STARTS));
static SINGULAR_DETERMINER_SET: Lazy<WordSet> = Lazy::new(|| WordSet::new(SINGULAR_DETERMINERS));

/// Whether `word` (lowercase) is in [`NP_PREPOSITIONS`].
pub(crate) fn is_np_preposition(word: &str) -> bool {
    NP_PREPOSITION_SET.contains(word)
}

/// Whether `word` (lowercase) is in [`NP_BREAKS`].
pub(crate) fn is_np_break(word: &str) -> bool {
    NP_BREAK_SET.contains(word)
}

/// Whether `word` (lowercase) is in [`OBJECT_STARTS`].
pub(crate) fn is_object_start(word: &str) -> bool {
    OBJECT_START_SET.contains(word)
}

/// Whether `word` (lowercase) is in [`SINGULAR_DETERMINERS`].
pub(crate) fn is_singular_determiner(word: &str) -> bool {
    SINGULAR_DETERMINER_SET.contains(word)
}

/// Whether `word` (lowercase) is in [`MONTH_WORDS`].
pub(crate) fn is_month(word: &str) -> bool {
    MONTHS.contains(word)
}

/// Whether `word` (lowercase) is in [`IDENTIFIER_BEFORE`].
pub(crate) fn is_identifier_cue(word: &str) -> bool {
    IDENTIFIER_CUES.contains(word)
}

/// Whether `word` (lowercase) is in [`STREET_WORDS`].
pub(crate) fn is_street_word(word: &str) -> bool {
    STREETS.contains(word)
}
static PERSON: Lazy<WordSet> = Lazy::new(|| WordSet::new(PERSON_NOUNS));
static AUX: Lazy<WordSet> = Lazy::new(|| WordSet::new(AUX_WORDS));
static SINGULAR_PERSON: Lazy<WordSet> = Lazy::new(|| WordSet::new(SINGULAR_PERSON_NOUNS));

/// Whether `word` (lowercase) is a singular noun naming a person ("man", "officer").
pub(crate) fn is_singular_person(word: &str) -> bool {
    SINGULAR_PERSON.contains(word)
}

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
        && !is_object_start(w)
        && !is_np_preposition(w)
        && !is_np_break(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_tables_are_lowercase_without_duplicates() {
        for table in [SINGULAR_PERSON_NOUNS, SINGULAR_DETERMINERS, SERIES_WORDS, NP_BREAKS] {
            let mut seen = std::collections::HashSet::new();
            for w in table {
                assert_eq!(*w, w.to_lowercase(), "{w}");
                assert!(seen.insert(*w), "duplicate {w}");
            }
        }
        assert!(is_singular_person("officer"));
        assert!(!is_singular_person("officers"));
    }

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
