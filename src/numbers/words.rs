//! Word tables for number phrases: number words, scales, vague quantities,
//! fractions, currencies and the context words the engine consults.
//!
//! These are plain data. To teach the finder a new word, add a row to the
//! right table (lowercase, ASCII); the engine (`scan.rs`) builds its lookup
//! from every table here and in `qualifiers.rs`, so nothing else changes.

/// Cardinal words below twenty.
pub(crate) const UNITS: &[(&str, u8)] = &[
    ("zero", 0),
    ("nought", 0),
    ("naught", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

/// Multiples of ten from twenty to ninety.
pub(crate) const TENS: &[(&str, u8)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fourty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Scale words that multiply what precedes them ("1.5 million", "two thousand").
/// "hundred" is handled apart because it multiplies inside a group.
/// South-Asian scales (lakh, crore; section 9.2) compose with the others
/// ("two crore five lakh thirty thousand", "three lakh crore").
pub(crate) const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("lac", 1e5),
    ("crore", 1e7),
];

/// Scale abbreviations after digits: (abbreviation, multiplier, may stand apart
/// from the digits). "2m" and "10bn" are glued; "2.3 bn" is accepted spaced,
/// but a spaced "m" would more often be metres, so it must be glued.
pub(crate) const SCALE_ABBREVIATIONS: &[(&str, f64, bool)] = &[
    ("k", 1e3, true),
    ("m", 1e6, false),
    ("mn", 1e6, true),
    ("mln", 1e6, true),
    ("mil", 1e6, true),
    ("b", 1e9, false),
    ("bn", 1e9, true),
    ("bln", 1e9, true),
    ("tn", 1e12, true),
    ("trn", 1e12, true),
    ("tln", 1e12, true),
    ("cr", 1e7, true),
];

/// Plural units read as vague quantities: "dozens" is [2, 10) dozens.
/// `needs_of`: only counts when "of" follows ("scores of homes", not "test scores";
/// "tens" only as in "tens of thousands").
pub(crate) const VAGUE_PLURALS: &[(&str, f64, bool)] = &[
    ("tens", 10.0, true),
    ("dozens", 12.0, false),
    ("scores", 20.0, true),
    ("hundreds", 100.0, false),
    ("thousands", 1e3, false),
    ("millions", 1e6, false),
    ("billions", 1e9, false),
    ("trillions", 1e12, false),
    ("lakhs", 1e5, false),
    ("lacs", 1e5, false),
    ("crores", 1e7, false),
];

/// Vague determiners: (words, low, high) read as [low, high) of what follows
/// ("several" is [3, 10); "a few thousand" is [2000, 10000)).
pub(crate) const VAGUE_DETERMINERS: &[(&[&str], f64, f64)] =
    &[(&["several"], 3.0, 10.0), (&["a", "few"], 2.0, 10.0)];

/// Small vague quantities (section 9.8): (words, low, high, approximate,
/// takes a scale: "a couple of hundred"); `low == high` is a point.
pub(crate) const SMALL_QUANTITIES: &[(&[&str], f64, f64, bool, bool)] = &[
    (&["a", "couple"], 2.0, 2.0, true, true),
    (&["a", "pair"], 2.0, 2.0, false, false),
    (&["a", "handful"], 2.0, 10.0, true, false),
];

/// Vulgar fraction characters: (character, numerator, denominator).
pub(crate) const VULGAR_FRACTIONS: &[(&str, u8, u8)] = &[
    ("\u{bd}", 1, 2),
    ("\u{2153}", 1, 3),
    ("\u{2154}", 2, 3),
    ("\u{bc}", 1, 4),
    ("\u{be}", 3, 4),
    ("\u{2155}", 1, 5),
    ("\u{2156}", 2, 5),
    ("\u{2157}", 3, 5),
    ("\u{2158}", 4, 5),
    ("\u{2159}", 1, 6),
    ("\u{215a}", 5, 6),
    ("\u{2150}", 1, 7),
    ("\u{215b}", 1, 8),
    ("\u{215c}", 3, 8),
    ("\u{215d}", 5, 8),
    ("\u{215e}", 7, 8),
    ("\u{2151}", 1, 9),
    ("\u{2152}", 1, 10),
];

/// Ordinal words: a cardinal is never cut out of "twenty-first", "one
/// hundred and fifth" (section 9.12). Denominators ("third") are ordinals too.
pub(crate) const ORDINAL_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
    "thousandth",
    "millionth",
    "billionth",
    "trillionth",
];

/// Fraction denominators (singular and plural forms). "half" is separate.
pub(crate) const DENOMINATORS: &[(&str, &str, f64)] = &[
    ("third", "thirds", 3.0),
    ("quarter", "quarters", 4.0),
    ("fourth", "fourths", 4.0),
    ("fifth", "fifths", 5.0),
    ("sixth", "sixths", 6.0),
    ("seventh", "sevenths", 7.0),
    ("eighth", "eighths", 8.0),
    ("ninth", "ninths", 9.0),
    ("tenth", "tenths", 10.0),
    ("hundredth", "hundredths", 100.0),
    ("thousandth", "thousandths", 1000.0),
    ("millionth", "millionths", 1e6),
    ("billionth", "billionths", 1e9),
    ("trillionth", "trillionths", 1e12),
];

/// Denominators accepted in a digit fraction such as "3/4". Others ("9/11",
/// "24/7") are dates or idioms.
pub(crate) const DIGIT_DENOMINATORS: &[u64] = &[2, 3, 4, 5, 6, 7, 8, 9, 10];

/// Currency signs before the number.
/// Written before the number ("$5") or, like "%", after it ("35 €").
pub(crate) const CURRENCY_SIGNS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₽", "RUB"),
    ("\u{20be}", "GEL"),
    ("\u{20a9}", "KRW"),
    ("\u{20a6}", "NGN"),
    ("\u{20b1}", "PHP"),
    ("\u{20ba}", "TRY"),
    ("\u{20aa}", "ILS"),
    ("\u{20b4}", "UAH"),
    ("\u{20ab}", "VND"),
    ("\u{20b8}", "KZT"),
    ("\u{0e3f}", "THB"),
];

/// Currency abbreviations written as a word before the number, any case,
/// maybe with a period ("Rs 5 lakh", "Rs. 45 lakh").
pub(crate) const CURRENCY_WORD_PREFIXES: &[(&str, &str)] = &[("rs", "INR")];

/// Letters glued before "$" that name the dollar ("US$300").
pub(crate) const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("us", "USD"),
    ("a", "AUD"),
    ("au", "AUD"),
    ("c", "CAD"),
    ("ca", "CAD"),
    ("hk", "HKD"),
    ("nz", "NZD"),
    ("s", "SGD"),
    ("mex", "MXN"),
    ("r", "BRL"),
    ("usd", "USD"),
    ("nt", "TWD"),
];

/// ISO codes written before the number ("USD 5 million"); matched in upper case only.
pub(crate) const CURRENCY_CODES: &[&str] =
    &["usd", "eur", "gbp", "jpy", "chf", "cny", "inr", "aud", "cad", "rub"];

/// The code each entry of `CURRENCY_CODES` reports, in the same order.
pub(crate) const CURRENCY_CODES_UPPER: &[&str] =
    &["USD", "EUR", "GBP", "JPY", "CHF", "CNY", "INR", "AUD", "CAD", "RUB"];

/// Currency words after the number: they make the phrase money and are its noun.
pub(crate) const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("sterling", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rupee", "INR"),
    ("rupees", "INR"),
    ("rouble", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rubles", "RUB"),
    ("franc", "CHF"),
    ("francs", "CHF"),
    ("shekel", "ILS"),
    ("shekels", "ILS"),
    ("lira", "TRY"),
    ("naira", "NGN"),
    ("rand", "ZAR"),
    ("peso", "MXN"),
    ("pesos", "MXN"),
    ("bolivar", "VES"),
    ("bolivars", "VES"),
    ("shilling", "KES"),
    ("shillings", "KES"),
    ("dinar", "XXX"),
    ("dinars", "XXX"),
    ("dirham", "AED"),
    ("dirhams", "AED"),
    ("riyal", "SAR"),
    ("riyals", "SAR"),
    ("rial", "IRR"),
    ("rials", "IRR"),
    ("baht", "THB"),
    ("ringgit", "MYR"),
    ("rupiah", "IDR"),
    ("taka", "BDT"),
    ("kwacha", "ZMW"),
    ("cedi", "GHS"),
    ("cedis", "GHS"),
    ("birr", "ETB"),
    ("hryvnia", "UAH"),
    ("hryvnias", "UAH"),
    ("zloty", "PLN"),
    ("zlotys", "PLN"),
    ("forint", "HUF"),
    ("forints", "HUF"),
    ("krona", "SEK"),
    ("kronor", "SEK"),
    ("krone", "NOK"),
    ("kroner", "NOK"),
    ("lari", "GEL"),
    ("afghani", "AFN"),
    ("afghanis", "AFN"),
    ("kyat", "MMK"),
    ("kyats", "MMK"),
    ("dong", "VND"),
    ("reais", "BRL"),
    ("quetzales", "GTQ"),
    ("lempiras", "HNL"),
    ("cordobas", "NIO"),
    // Subunits keep the written value (section 9.6); the unit is the parent.
    ("cent", "USD"),
    ("cents", "USD"),
    ("penny", "GBP"),
    ("pence", "GBP"),
    ("paise", "INR"),
    ("kopeck", "RUB"),
    ("kopecks", "RUB"),
    ("kopek", "RUB"),
    ("kopeks", "RUB"),
    ("centavos", "MXN"),
    // Colloquial names ("five quid", "200 bucks").
    ("quid", "GBP"),
    ("buck", "USD"),
    ("bucks", "USD"),
    // Codes after the number ("500 USD"): the noun, as currency words are.
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("jpy", "JPY"),
    ("chf", "CHF"),
    ("cny", "CNY"),
    ("inr", "INR"),
    ("aud", "AUD"),
    ("cad", "CAD"),
    ("rub", "RUB"),
];

/// Words after the number that make it a percentage ("per cent" is two words;
/// "pct" also glued, "5pct"; British "pc" only glued, "30pc").
pub(crate) const PERCENT_WORDS: &[&[&str]] =
    &[&["percent"], &["per", "cent"], &["pct"], &["pc"], &["%"]];

/// Words that negate the number that follows ("minus 20").
pub(crate) const MINUS_WORDS: &[&str] = &["minus", "negative"];

/// Words that sign the number that follows without changing it ("plus 20").
pub(crate) const PLUS_WORDS: &[&str] = &["plus"];

/// Marks that may stand before the number inside a phrase (signs, decimal
/// point, comparison marks); currency signs may too.
pub(crate) const LEAD_MARKS: &[&str] =
    &["-", "\u{2212}", "\u{2013}", ".", ">", "<", "=", "\u{2265}", "\u{2264}", "~", "+"];

/// Marks that negate the digits glued after them ("-5", "−5").
pub(crate) const MINUS_SIGNS: &[&str] = &["-", "\u{2212}"];

/// Dashes that join a range ("5-10", "300–400") or a score ("3-1").
pub(crate) const DASHES: &[&str] = &["-", "\u{2013}", "\u{2014}"];

/// Marks glued before digits that make them part of an identifier, a time,
/// a path or an address ("/2020", "3:45", "#5", "john_99", "@10"), or the
/// exponent of a power ("10^6").
pub(crate) const IDENTIFIER_MARKS: &[&str] = &["/", ":", "#", ".", "_", "@", "&", "^"];

/// Function words the grammar consults by name ("two and a half", "one in
/// five", "point five", "three out of four", "12 years old").
pub(crate) const GRAMMAR_WORDS: &[&str] =
    &["of", "and", "or", "point", "in", "out", "every", "few", "s", "e", "old", "is", "was"];

/// Verbs after a fraction: it stands alone ("a fifth are renting"), so it
/// ends no mixed number ("26 and a fifth are" is 26, then a fifth).
pub(crate) const FRACTION_VERBS: &[&str] = &[
    "are", "is", "was", "were", "be", "been", "have", "has", "had", "will", "would", "can",
    "could", "may", "might", "must", "should", "do", "does", "did", "say", "said", "live", "lives",
    "remain", "remains", "remained",
];

/// Words after a change "by a third" that make it a share, not an ordinal
/// ("rose by a third to 1.5 million"; "by a third party" stays an ordinal).
pub(crate) const AFTER_CHANGE_BY: &[&str] =
    &["to", "from", "in", "since", "over", "on", "compared", "last", "this", "year-on-year"];

/// The indefinite article, read as one in "a hundred", "a quarter".
pub(crate) const ARTICLES: &[&str] = &["a", "an"];

/// Hyphens inside a number ("twenty-seven") or between two ("2015-16").
pub(crate) const HYPHENS: &[&str] = &["-", "\u{2013}"];

/// Words after "or" that make it a suffix, not a range ("50 or so", "5 or fewer").
pub(crate) const OR_SUFFIX_WORDS: &[&str] = &["so", "more", "less", "fewer"];

/// Marks that chain numbers into an identifier ("+1-222-2222-2222", "04/03/2021").
pub(crate) const CHAIN_MARKS: &[&str] = &["-", "/", "\u{2013}"];

/// Words after a hyphen that keep the number a count ("100-plus", "40-odd").
pub(crate) const HYPHEN_SUFFIXES: &[&str] = &["plus", "odd"];

/// Words after "scores" that make it a vague quantity ("scores of", "scores more",
/// "scores wounded"), not the plural of a score.
pub(crate) const SCORES_FOLLOWERS: &[&str] = &[
    "of", "more", // "scores of people", "scores more"
    // "left 3 dead and scores wounded"
    "dead", "wounded", "injured", "killed", "hurt", "missing", "arrested", "detained",
];

/// Words after "a couple" that make it a quantity, not the noun ("a couple of").
pub(crate) const COUPLE_FOLLOWERS: &[&str] =
    &["of", "more", "dozen", "hundred", "thousand", "million"];

/// Marks that end a phrase read whole (`parse_number("40.")`).
pub(crate) const TRAILING_PUNCTUATION: &[&str] = &[".", ",", ";", ":", "!", "?", ")", "\""];

/// Marks that end a sentence before a name ("Falcon 9" vs ". 9 people").
pub(crate) const SENTENCE_MARKS: &[&str] = &[".", "!", "?", "\"", ":"];

/// Marks that may begin a phrase (signs, decimal point, comparison marks).
pub(crate) const START_MARKS: &[&str] = &["-", "\u{2212}", ".", ">", "<", "\u{2265}", "\u{2264}"];

/// Words that end a range begun by "from" ("from 10 to 15").
pub(crate) const FROM_CONNECTORS: &[&str] = &["to", "-", "\u{2013}", "\u{2014}", "through", "thru"];

/// Words between a change verb and its first value ("rose from 12 to 19",
/// "grew by 3% to 1.1 million"): the values are two points.
pub(crate) const CHANGE_LINKS: &[&str] = &["from", "by"];

/// Whitespace that separates thousands ("25 000", "12\u{a0}500"; section 9.3).
pub(crate) const GROUP_SPACES: &[&str] = &[" ", "\u{a0}", "\u{202f}", "\u{2009}"];

/// Units glued after digits ("180ml", "29km", "100t"): the number is read,
/// the unit is its noun (section 9.7). "m" is here only as metres.
pub(crate) const GLUED_UNITS: &[&str] = &[
    "km", "kg", "mm", "cm", "dm", "ml", "mph", "kph", "kmh", "ft", "lb", "lbs", "mw", "gw", "kw",
    "kwh", "mwh", "gwh", "ha", "mi", "nm", "oz", "mg", "kt", "kv", "t", "g", "l", "m", "sqm",
    "km2", "gb", "tb", "mb", "hz", "mhz", "ghz", "kph",
];

/// Words after "2.4m" that make the "m" metres, not million (section 9.7).
pub(crate) const DIMENSION_WORDS: &[&str] = &[
    "tall", "long", "high", "wide", "deep", "away", "thick", "across", "below", "above", "deeper",
    "higher", "taller", "longer", "wider",
];

/// Words after "100m" that make it a race's distance in metres ("the 100m
/// hurdles", "the 400m final", "a 200m world record"; section 9.7's
/// measurement), unless money comes before ("£100m record").
pub(crate) const RACE_WORDS: &[&str] = &[
    "hurdles",
    "freestyle",
    "butterfly",
    "backstroke",
    "breaststroke",
    "medley",
    "relay",
    "relays",
    "sprint",
    "sprints",
    "sprinter",
    "dash",
    "steeplechase",
    "final",
    "finals",
    "heat",
    "heats",
    "semifinal",
    "semifinals",
    "race",
    "races",
    "champion",
    "title",
    "record",
    "world",
    "gold",
    "silver",
    "bronze",
];

/// Length units: beside one of these, a glued "m" is metres ("1m is equal to 10 dm").
pub(crate) const LENGTH_UNITS: &[&str] = &[
    "km",
    "cm",
    "mm",
    "dm",
    "metre",
    "metres",
    "meter",
    "meters",
    "ft",
    "feet",
    "foot",
    "inch",
    "inches",
    "yard",
    "yards",
    "kilometres",
    "kilometers",
    "centimetres",
    "centimeters",
    "millimetres",
    "millimeters",
    "miles",
];

/// Nouns of length: shortly before one of these, a glued "m" is metres
/// ("an outreach of 48m", "a height of 2m").
pub(crate) const LENGTH_NOUNS: &[&str] = &[
    "height",
    "length",
    "width",
    "depth",
    "outreach",
    "span",
    "reach",
    "radius",
    "diameter",
    "altitude",
    "elevation",
    "wingspan",
    "distance",
    "stature",
    "breadth",
    "thickness",
];

/// Words around "3-1" that make it a score or a tally, not a range.
pub(crate) const SCORE_WORDS: &[&str] = &[
    "won",
    "win",
    "wins",
    "lost",
    "lose",
    "beat",
    "beats",
    "drew",
    "draw",
    "defeat",
    "defeated",
    "victory",
    "vote",
    "votes",
    "voted",
    "loss",
    "lead",
    "led",
    "leads",
    "trailed",
    "trailing",
    "scoreline",
    "score",
    "tally",
    "thrashing",
    "margin",
    "decision",
    "ruling",
    "majority",
];

/// Verbs before a number that make it a phone or service number ("dial 112").
pub(crate) const DIAL_WORDS: &[&str] = &[
    "dial", "dials", "dialled", "dialed", "dialling", "dialing", "call", "calling", "phone",
    "ring", "text",
];

/// Words before a number that make a clock time ("half past two", "ten past six").
pub(crate) const CLOCK_WORDS: &[&str] = &["past"];

/// Words before "past" in a clock time ("half past two", "quarter past six").
pub(crate) const CLOCK_FRACTIONS: &[&str] = &["half", "quarter"];

/// Words between the numbers of an age range ("15 to 20 years old").
pub(crate) const AGE_RANGE_LINKS: &[&str] =
    &["and", "or", "to", "-", "\u{2013}", "between", "from", "%"];

/// Lowercase words that make the next number an identifier ("version 2",
/// "exit 12", "flight 17"); `DESIGNATORS` need a capital.
pub(crate) const LOWERCASE_DESIGNATORS: &[&str] =
    &["nr", "version", "exit", "highway", "route", "flight", "interstate", "platform", "gate"];

/// Month names (matched only when capitalised): a day number next to one is a date.
pub(crate) const MONTHS: &[&str] = &[
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

/// Words right after a number that make it a clock time.
pub(crate) const TIME_SUFFIXES: &[&str] =
    &["a.m", "p.m", "am", "pm", "gmt", "utc", "hrs", "o'clock", "o\u{2019}clock"];

/// Letters glued after digits that make an ordinal ("27th").
pub(crate) const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// Capitalised words that make the following number an identifier
/// ("Resolution 2254", "Article 5", "Route 66", "Flight 17", "No. 10").
pub(crate) const DESIGNATORS: &[&str] = &[
    "resolution",
    "resolutions",
    "article",
    "articles",
    "route",
    "flight",
    "chapter",
    "section",
    "room",
    "highway",
    "gate",
    "platform",
    "paragraph",
    "clause",
    "amendment",
    "phase",
    "ward",
    "block",
    "zone",
    "level",
    "grade",
    "category",
    "exit",
    "runway",
    "terminal",
    "pier",
    "bay",
    "channel",
    "page",
    "volume",
    "vol",
    "issue",
    "episode",
    "season",
    "psalm",
    "proposition",
    "prop",
    "decree",
    "no",
    "nos",
    "number",
    "apollo",
    "windows",
    "boeing",
    "airbus",
    "interstate",
    "district",
    "precinct",
    "brigade",
    "battalion",
    "division",
    "regiment",
    "squadron",
    "corps",
    "army",
    "fleet",
    "unit",
    "camp",
    "bus",
    "line",
    "lane",
    "street",
    "avenue",
    "road",
    "building",
    "tower",
    "hall",
    "villa",
    "plot",
    "lot",
    "item",
    "rule",
    "law",
    "bill",
    "act",
    "part",
    "title",
    "schedule",
    "annex",
    "protocol",
    "figure",
    "table",
    "appendix",
    "model",
    "type",
    "mark",
    "version",
    "generation",
    "pope",
    "king",
    "queen",
    "louis",
    "henry",
    "george",
    "edward",
    "world",
    "cop",
    "group",
    "sector",
    "province",
    "region",
    "area",
    "site",
    "station",
    "stage",
];

/// Words between "number" and an identifier ("the emergency number is 112").
pub(crate) const NUMBER_IS: &[&str] = &["is", "was", ":"];

/// Abbreviations of "number" before a period ("No. 10", "nr. 5").
pub(crate) const NUMBER_SIGNS: &[&str] = &["no", "nos", "nr", "num"];

/// Words between the two days of a date range ("March 15 to 17").
pub(crate) const DATE_RANGE_LINKS: &[&str] = &["to", "-", "\u{2013}", "and", "until", "through"];

/// "year(s)" before "old": an age ("12 years old").
pub(crate) const YEAR_WORDS: &[&str] = &["year", "years"];

/// Words before a number that make it an age ("aged 12").
pub(crate) const AGE_WORDS: &[&str] = &["aged", "age", "ages"];

/// Time units: "over two days" is a duration ("during"), not "more than two".
pub(crate) const TIME_UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "night",
    "nights",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
];

/// Nouns that count without a plural "s".
pub(crate) const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "police",
    "personnel",
    "staff",
    "crew",
    "cattle",
    "livestock",
    "sheep",
    "fish",
    "aircraft",
    "feet",
    "teeth",
    "geese",
    "mice",
    "deer",
    "militia",
    "infantry",
    "clergy",
    "youth",
    "offspring",
    "data",
    "media",
    "headcount",
    "kin",
    "folk",
    "bacteria",
    "criteria",
    "phenomena",
    "alumni",
    "fungi",
    "cacti",
    "nuclei",
    "vertebrae",
];

/// Adjectives used as nouns for people ("31 dead, 78 wounded").
pub(crate) const NOMINAL_ADJECTIVES: &[&str] = &[
    "dead",
    "wounded",
    "injured",
    "missing",
    "displaced",
    "homeless",
    "hurt",
    "elderly",
    "sick",
    "unemployed",
    "detained",
    "jailed",
    "arrested",
    "evacuated",
    "rescued",
    "abducted",
];

/// Measurement abbreviations that count without a plural "s" ("5-10 km").
pub(crate) const UNIT_ABBREVIATIONS: &[&str] = &[
    "km", "kg", "mm", "cm", "ml", "mph", "kph", "kmh", "ft", "lb", "lbs", "mw", "gw", "kw", "kwh",
    "mwh", "gwh", "ha", "sq", "km2", "mi", "nm", "oz", "mg", "kt", "kv", "bpd", "mbps", "gb", "tb",
];

/// Words that end a counted-noun search: function words, auxiliaries and the
/// like. A number followed by one of these has no noun ("six were hurt").
pub(crate) const NOUN_STOPS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "without",
    "near",
    "into",
    "onto",
    "over",
    "under",
    "during",
    "across",
    "after",
    "before",
    "since",
    "until",
    "per",
    "as",
    "than",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "not",
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "this",
    "these",
    "those",
    "it",
    "its",
    "they",
    "them",
    "their",
    "there",
    "here",
    "he",
    "she",
    "we",
    "you",
    "i",
    "his",
    "her",
    "our",
    "each",
    "every",
    "all",
    "some",
    "any",
    "no",
    "another",
    "only",
    "also",
    "now",
    "still",
    "remain",
    "remained",
    "remains",
    "reportedly",
    "including",
    "among",
    "between",
    "against",
    "toward",
    "towards",
    "around",
    "about",
    "within",
    "through",
    "via",
    "while",
    "when",
    "where",
    "if",
    "because",
    "says",
    "said",
    "say",
    "told",
    "according",
    "lies",
    "dies",
    "goes",
    "gets",
    "got",
    "less",
    "fewer",
    "least",
    "most",
    "up",
    "down",
    "out",
    "off",
    "away",
    "back",
    "ago",
    "later",
    "earlier",
    "again",
    "apiece",
    "each",
    "altogether",
    "overall",
    "total",
    "respectively",
    "whereas",
    "whereby",
    "whether",
    "such",
    "both",
    "either",
    "neither",
    "one",
    "ones",
    "depends",
    "lacks",
    "includes",
    "means",
    "requires",
    "seems",
    "appears",
    "becomes",
    "continues",
    "represents",
    "suggests",
    "belongs",
    "exceeds",
    "equals",
    "contains",
    "receives",
    "affects",
    "what",
    "how",
    "why",
    "plus",
    "versus",
    "vs",
    "alone",
    "instead",
    "others",
    "another",
    "ones",
    "too",
    "very",
    "just",
    "even",
    "already",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "overnight",
    "along",
    "beside",
    "behind",
    "beyond",
    "inside",
    "outside",
    "amid",
    "amidst",
    "upon",
    "next",
    "last",
    "first",
    "per",
    "percent",
    "cent",
    "cannot",
    // How badly: "three were hurt, one critically".
    "critically",
    "seriously",
    "severely",
    "slightly",
    "gravely",
    "fatally",
    "mortally",
    "badly",
    "lightly",
    "moderately",
];

/// Words that, after a number, make it the start of a continuation rather
/// than a count: "more" ("1,000 more troops") is skipped when looking for the
/// noun, not a stop.
pub(crate) const NOUN_SKIPS: &[&str] = &["more", "additional", "extra", "other", "further"];

/// Pronouns after "of": the count has no noun of its own ("40 of them", "23 of whom").
pub(crate) const OF_PRONOUNS: &[&str] =
    &["them", "whom", "these", "those", "us", "you", "which", "this", "that", "it", "all", "each"];

/// Determiners skipped after "of" on the way to the noun ("three of the victims").
pub(crate) const OF_DETERMINERS: &[&str] =
    &["the", "its", "their", "his", "her", "our", "my", "your"];

/// Words after "half" that make it a fraction of something ("half the town").
pub(crate) const HALF_FOLLOWERS: &[&str] =
    &["of", "the", "its", "their", "his", "her", "our", "all", "these", "those", "them"];

/// Words before "half" that make it a period ("the first half of 2024").
pub(crate) const PERIOD_ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "last", "latter", "former", "final", "opening",
    "closing", "top", "bottom", "upper", "lower", "back", "front", "other", "better",
];

/// Words before "one" that make it a pronoun ("no one", "the only one", "each one").
pub(crate) const ONE_PRONOUN_BEFORE: &[&str] =
    &["no", "the", "this", "that", "each", "every", "any", "which", "anyone", "someone"];

#[cfg(test)]
mod tests {
    use super::*;

    fn all_lowercase_ascii(words: impl IntoIterator<Item = &'static str>) {
        for w in words {
            assert!(!w.is_empty() && !w.chars().any(|c| c.is_ascii_uppercase()), "{w:?}");
        }
    }

    #[test]
    fn tables_are_lowercase() {
        all_lowercase_ascii(UNITS.iter().map(|r| r.0));
        all_lowercase_ascii(TENS.iter().map(|r| r.0));
        all_lowercase_ascii(SCALES.iter().map(|r| r.0));
        all_lowercase_ascii(MONTHS.iter().copied());
        all_lowercase_ascii(DESIGNATORS.iter().copied());
        all_lowercase_ascii(NOUN_STOPS.iter().copied());
        all_lowercase_ascii(CURRENCY_WORDS.iter().map(|r| r.0));
    }
}
