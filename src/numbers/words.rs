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
pub(crate) const SCALES: &[(&str, f64)] =
    &[("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)];

/// Scale abbreviations after digits: (abbreviation, multiplier, may stand apart
/// from the digits). "2m" and "10bn" are glued; "2.3 bn" is accepted spaced,
/// but a spaced "m" would more often be metres, so it must be glued.
pub(crate) const SCALE_ABBREVIATIONS: &[(&str, f64, bool)] = &[
    ("k", 1e3, true),
    ("m", 1e6, false),
    ("mn", 1e6, true),
    ("mln", 1e6, true),
    ("mil", 1e6, false),
    ("b", 1e9, false),
    ("bn", 1e9, true),
    ("bln", 1e9, true),
    ("tn", 1e12, true),
    ("trn", 1e12, true),
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
];

/// Vague determiners: (words, low, high) read as [low, high) of what follows
/// ("several" is [3, 10); "a few thousand" is [2000, 10000)).
pub(crate) const VAGUE_DETERMINERS: &[(&[&str], f64, f64)] =
    &[(&["several"], 3.0, 10.0), (&["a", "few"], 2.0, 10.0)];

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
pub(crate) const DIGIT_DENOMINATORS: &[u64] = &[2, 3, 4, 5, 6, 8, 10, 100];

/// Currency signs before the number.
pub(crate) const CURRENCY_SIGNS: &[(&str, &str)] =
    &[("$", "USD"), ("£", "GBP"), ("€", "EUR"), ("¥", "JPY"), ("₹", "INR"), ("₽", "RUB")];

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
];

/// Words after the number that make it a percentage ("per cent" is two words).
pub(crate) const PERCENT_WORDS: &[&[&str]] = &[&["percent"], &["per", "cent"], &["pct"], &["%"]];

/// Words that negate the number that follows ("minus 20").
pub(crate) const MINUS_WORDS: &[&str] = &["minus", "negative"];

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
