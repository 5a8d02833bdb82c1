//! The words the resolution rules read around a mention: English function
//! words and compass adjectives (common words, no source to attribute).

/// Capitalised words that may open a sentence before a town ("In Ames,
/// Iowa"): not part of the town's name.
pub(super) const OPENING_WORDS: [&str; 12] =
    ["In", "At", "From", "Near", "Outside", "To", "Of", "For", "On", "By", "And", "Around"];

/// Articles that may open a sentence before a town its qualifier names ("A
/// Midland, Michigan, newspaper"); before a bare name they make it a
/// modifier more often than a place ("The Stanford mirror").
pub(super) const ARTICLES: [&str; 3] = ["A", "An", "The"];

/// Prepositions of place before a town its qualifier follows with "in" ("the
/// village of Cellardyke in Fife"; "at Eastern Creek in New South Wales"),
/// in any case.
pub(super) const LOCATIVE_WORDS: [&str; 12] = [
    "in", "at", "near", "from", "to", "of", "outside", "around", "into", "inside", "toward",
    "towards",
];

/// Prepositions of place before a town the document's states and provinces
/// place ("in Innisfail" in a report that names Queensland; "from Tarifa",
/// "in nearby Nyanza"), in lowercase between spaces: fewer than
/// [`LOCATIVE_WORDS`], since no qualifier follows. Not "of", "at" nor "to":
/// read on the news sample, a third of the names they add are no towns
/// ("the Medal of Freedom", "the Department of Energy", "reached out to
/// Walker"). Each is a search of the whole text (~1% of `--only entities`).
pub(super) const CONTEXT_WORDS: [&str; 5] = ["in", "near", "nearby", "from", "outside"];

/// Words for a town's people, police or mayor after its name ("Innisfail
/// police", "a Lakeland man"), in lowercase between spaces: a town of a
/// state or province the document names (rule 1d). Each is a search of the
/// whole text (~0.7% of `--only entities`); not "officials" (most come
/// after a state or a body the list names: "Iowa officials").
pub(super) const PEOPLE_WORDS: [&str; 5] = ["police", "residents", "man", "woman", "mayor"];

/// Lowercase words after a capitalised name that make it part of the name
/// of a building, a street or a feature ("near Victoria station", "in
/// Lakeland hospital"), not a town or a state by itself (rule 1d).
pub(super) const FACILITY_WORDS: [&str; 14] = [
    "station", "street", "road", "square", "bridge", "airport", "park", "harbour", "harbor",
    "hospital", "stadium", "lake", "river", "falls",
];

/// Capitalised words after a preposition of place that name an institution,
/// not a town ("in Congress": a town of Arizona); months and days
/// ([`MONTH_NAMES`](crate::text::words::MONTH_NAMES), "in March", "in May":
/// towns of England and elsewhere) are no towns either.
pub(super) const NOT_TOWN_WORDS: [&str; 5] =
    ["Congress", "Parliament", "Senate", "Court", "Heaven"];

/// Words that may stand between a town's comma and its qualifier ("Kupiansk,
/// eastern Ukraine"; "Oskarshamn, southeast Sweden"; "Utica, upstate New
/// York"): where in the qualifier the town lies.
pub(super) const COMPASS_WORDS: [&str; 27] = [
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "upstate",
    "downstate",
];

/// Words that, with "of", make the name after them a first-level division
/// ("the state of Washington"), in any case. Not "province" nor "region":
/// the provinces of Spain and Italy and the regions of many countries are
/// second-level divisions ("the province of Granada").
pub(super) const DIVISION_WORDS: [&str; 1] = ["state"];

/// The states' abbreviations in news style (the AP's), with their postal
/// codes: after a town and a comma they qualify it ("Lebanon, Pa.,
/// police"; "SPRINGFIELD, Mo. (AP)"), even those that alone are too often a
/// title or a word to be a match ("Pa.", "Mo.", "Miss.", "Ind.", "La.").
/// Sorted by abbreviation (a binary search).
pub(super) const AP_STATE_ABBREVIATIONS: [(&str, &str); 43] = [
    ("Ala.", "AL"),
    ("Ariz.", "AZ"),
    ("Ark.", "AR"),
    ("Calif.", "CA"),
    ("Colo.", "CO"),
    ("Conn.", "CT"),
    ("D.C.", "DC"),
    ("Del.", "DE"),
    ("Fla.", "FL"),
    ("Ga.", "GA"),
    ("Ill.", "IL"),
    ("Ind.", "IN"),
    ("Kan.", "KS"),
    ("Ky.", "KY"),
    ("La.", "LA"),
    ("Mass.", "MA"),
    ("Md.", "MD"),
    ("Mich.", "MI"),
    ("Minn.", "MN"),
    ("Miss.", "MS"),
    ("Mo.", "MO"),
    ("Mont.", "MT"),
    ("N.C.", "NC"),
    ("N.D.", "ND"),
    ("N.H.", "NH"),
    ("N.J.", "NJ"),
    ("N.M.", "NM"),
    ("N.Y.", "NY"),
    ("Neb.", "NE"),
    ("Nev.", "NV"),
    ("Okla.", "OK"),
    ("Ore.", "OR"),
    ("Pa.", "PA"),
    ("R.I.", "RI"),
    ("S.C.", "SC"),
    ("S.D.", "SD"),
    ("Tenn.", "TN"),
    ("Va.", "VA"),
    ("Vt.", "VT"),
    ("W.Va.", "WV"),
    ("Wash.", "WA"),
    ("Wis.", "WI"),
    ("Wyo.", "WY"),
];

/// The two-letter postal codes of the US states and the District of
/// Columbia (USPS; GeoNames' first-level division codes for the US are the
/// same), sorted (a binary search): a qualifier after a town and a comma
/// ("Bartow, FL").
pub(super) const US_STATE_CODES: [&str; 51] = [
    "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN",
    "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ",
    "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA",
    "WI", "WV", "WY",
];
