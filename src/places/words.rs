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
