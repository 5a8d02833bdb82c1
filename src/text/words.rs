//! The word lists of the sentence splitter (`sentence.rs`) and the
//! tokenizer's rules (`rules.rs`): facts of written English, written for
//! this crate. Abbreviations have their own file (`abbreviations.rs`). The
//! month and day names are the crate's (the place rules read them too).

/// Capitalised words that typically open a sentence: after an abbreviation
/// such as "Inc." or "U.S." or a glued ellipsis they signal a sentence end;
/// a name would not.
pub(super) const OPENERS: &[&str] = &[
    "A",
    "After",
    "All",
    "Also",
    "Although",
    "An",
    "And",
    "Are",
    "As",
    "At",
    "Authorities",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "During",
    "Each",
    "Earlier",
    "Everybody",
    "Everyone",
    "For",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Is",
    "It",
    "Its",
    "Later",
    "Many",
    "Meanwhile",
    "Most",
    "My",
    "Neither",
    "No",
    "Nobody",
    "Nothing",
    "Now",
    "Officials",
    "On",
    "One",
    "Our",
    "Police",
    "Several",
    "She",
    "Since",
    "So",
    "Some",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Today",
    "Until",
    "Was",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yesterday",
    "You",
];

/// The months' names, capitalised as written.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The days' names, capitalised as written.
pub(crate) const DAY_NAMES: [&str; 7] =
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The months' abbreviations, capitalised as written ("Jan. 4").
pub(super) const MONTH_ABBREVIATIONS: &[&str] =
    &["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"];

/// Capitalised words that go on a clock time ("at 9 a.m. Monday", "3 p.m.
/// Eastern", "10 a.m. Jan. 4") besides [`MONTH_NAMES`], [`DAY_NAMES`] and
/// [`MONTH_ABBREVIATIONS`]:
/// after "a.m."/"p.m." any other capitalised word opens a sentence ("at 3
/// a.m. Firefighters arrived").
pub(super) const AFTER_CLOCK: &[&str] = &[
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thur",
    "Thurs",
    "Fri",
    "Sat",
    "Sun",
    "Eastern",
    "Pacific",
    "Central",
    "Mountain",
    "Atlantic",
    "Greenwich",
    "Local",
    "Today",
    "Tomorrow",
    "Tonight",
    "Yesterday",
];

/// Lowercase words before "I." that make it an initial of a name ("by I.
/// Newton"), not the pronoun ("Anna and I.").
pub(super) const BEFORE_NAMES: &[&str] = &["by", "of", "to", "from", "with", "for", "at", "dear"];

/// Formulas that close a letter or message: a sentence of their own.
pub(super) const SIGN_OFFS: &[&str] =
    &["Best", "Cheers", "Cordially", "Love", "Regards", "Sincerely", "Thanks", "Thx", "Yours"];

/// Words that open a letter or message ("Dear Anna,").
pub(super) const GREETINGS: &[&str] = &["Dear", "Hello"];

/// Generic top-level domains written capitalised ("Newsfeed.Com"): the
/// period before them joins a domain, not two sentences.
pub(super) const TOP_LEVEL_DOMAINS: &[&[u8]] =
    &[b"com", b"edu", b"gov", b"info", b"mil", b"net", b"org"];

/// Units written straight after a number ("5pm", "10km"), their own token in
/// UD English.
#[rustfmt::skip]
pub(super) const GLUED_UNITS: &[&str] = &[
    "am", "pm", "k", "m", "b", "bn", "km", "cm", "mm", "kg", "mg", "g", "lb", "lbs", "oz",
    "ft", "mph", "kph", "kmh", "mi", "min", "mins", "hr", "hrs", "h", "gb", "mb", "kb", "tb",
    "ghz", "mhz", "khz", "hz", "kw", "mw", "gw", "kwh", "ml", "l", "x",
];

/// Prefixes that keep their hyphen in UD English ("non-stop", "e-mail").
#[rustfmt::skip]
pub(super) const HYPHEN_PREFIXES: &[&str] = &[
    "anti", "co", "counter", "cross", "e", "ex", "inter", "intra", "mid", "mini", "multi",
    "neo", "non", "over", "post", "pre", "pro", "psycho", "re", "semi", "socio", "sub", "un",
];
