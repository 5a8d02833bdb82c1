//! Abbreviations that keep their period, and how they behave at a sentence end.
//!
//! The lists are facts of written English (titles, months, company suffixes,
//! US state abbreviations in AP style, Latin shorthands), not corpus data.

/// How an abbreviation followed by a period behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbreviation {
    /// Always precedes a name ("Mr.", "Gen."): never ends a sentence.
    Title,
    /// Usually inside a sentence, but may end one ("Inc.", "etc.", "U.S.").
    Ordinary,
    /// "No." keeps its period only before a number ("No. 5").
    Numero,
}

/// Titles written before a name, matched as written (capitalised).
const TITLES: &[&str] = &[
    "Adm", "Capt", "Cmdr", "Col", "Cpl", "Det", "Dr", "Drs", "Gen", "Gov", "Hon", "Insp", "Lt",
    "Maj", "Messrs", "Mlle", "Mme", "Mmes", "Mr", "Mrs", "Ms", "Msgr", "Pres", "Prof", "Pvt",
    "Rep", "Reps", "Rev", "Sen", "Sens", "Sgt", "Supt",
];

/// Capitalised abbreviations: months, weekdays, company and street words,
/// AP-style US states, name suffixes.
const CAPITALISED: &[&str] = &[
    "Ala", "Apr", "Ariz", "Ark", "Assn", "Aug", "Ave", "Blvd", "Bros", "Calif", "Co", "Colo",
    "Conn", "Corp", "Cos", "Dec", "Del", "Dept", "Esq", "Feb", "Fla", "Fri", "Ft", "Ga", "Hwy",
    "Ill", "Inc", "Ind", "Jan", "Jr", "Jul", "Jun", "Kan", "Kans", "Ky", "La", "Ltd", "Mar",
    "Mass", "Md", "Mfg", "Mich", "Minn", "Miss", "Mo", "Mon", "Mont", "Mt", "Neb", "Nev", "Nov",
    "Oct", "Okla", "Ore", "Pa", "Penn", "Plc", "Rd", "Sat", "Sep", "Sept", "Sr", "St", "Tenn",
    "Tex", "Thu", "Thur", "Thurs", "Tue", "Tues", "Univ", "Va", "Vt", "Wash", "Wed", "Wis", "Wyo",
];

/// Lowercase shorthands; also matched capitalised or in capitals ("Etc.", "VS.").
const LOWERCASE: &[&str] = &[
    "al", "approx", "apt", "assoc", "asst", "ave", "bldg", "blvd", "ca", "cf", "co", "dept",
    "dist", "div", "ed", "eds", "eg", "esp", "est", "etc", "ext", "fig", "figs", "govt", "hr",
    "hrs", "incl", "intl", "lb", "lbs", "mins", "misc", "mos", "natl", "oz", "pg", "pp", "rd",
    "sq", "st", "tel", "viz", "vol", "vols", "vs", "wk", "wks", "yr", "yrs",
];

/// Abbreviations written after the word or number they belong to ("Acme
/// Inc.", "6 p.m.", "John Smith Jr."): the phrase, often the sentence, ends
/// with them, so a title after one starts a new sentence.
const AFTER_HEAD: &[&str] =
    &["Bros", "Co", "Corp", "Cos", "Esq", "Inc", "Jr", "Ltd", "Plc", "Sr", "a.m", "p.m"];

/// Classifies `word` (the text before a period) as an abbreviation, if it is one.
pub(crate) fn abbreviation(word: &str) -> Option<Abbreviation> {
    // Every listed word is short; longer ones can only be initialisms.
    if word.len() > 6 && !word.contains('.') {
        return None;
    }
    if matches!(word, "No" | "no" | "Nos" | "nos" | "NO" | "N°" | "Nº") {
        return Some(Abbreviation::Numero);
    }
    if is_single_letter(word) {
        return Some(Abbreviation::Ordinary);
    }
    if word.bytes().next().is_some_and(|b| b.is_ascii_uppercase()) {
        // The lists are sorted, so a binary search finds an entry.
        if TITLES.binary_search(&word).is_ok() {
            return Some(Abbreviation::Title);
        }
        if CAPITALISED.binary_search(&word).is_ok() {
            return Some(Abbreviation::Ordinary);
        }
    }
    if word.contains('.') {
        return is_initialism(word).then_some(Abbreviation::Ordinary);
    }
    if word.len() <= 6 && word.is_ascii() {
        let mut lower = [0u8; 6];
        for (dst, src) in lower.iter_mut().zip(word.bytes()) {
            *dst = src.to_ascii_lowercase();
        }
        let lower = lower.get(..word.len()).unwrap_or(&[]);
        let shape_ok = word.bytes().skip(1).all(|b| b.is_ascii_lowercase())
            || word.bytes().all(|b| b.is_ascii_uppercase());
        if shape_ok && LOWERCASE.binary_search_by(|w| w.as_bytes().cmp(lower)).is_ok() {
            return Some(Abbreviation::Ordinary);
        }
    }
    None
}

/// Whether `word` (the text before a period) is an abbreviation written
/// after its head ("Inc", "p.m", "P.M").
pub(crate) fn follows_its_head(word: &str) -> bool {
    let lower = word.len() == 3 && word.as_bytes().get(1) == Some(&b'.');
    AFTER_HEAD.contains(&word) || (lower && AFTER_HEAD.iter().any(|w| w.eq_ignore_ascii_case(word)))
}

/// One letter ("J", "b"): an initial or a list label.
pub(crate) fn is_single_letter(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
}

/// Letters in short groups joined by periods: "U.S", "e.g", "Ph.D", "a.k.a".
fn is_initialism(word: &str) -> bool {
    let mut groups = 0;
    for group in word.split('.') {
        let len = group.chars().count();
        if len == 0 || len > 2 || !group.chars().all(char::is_alphabetic) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [TITLES, CAPITALISED, LOWERCASE, AFTER_HEAD] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn kinds() {
        assert_eq!(abbreviation("Mr"), Some(Abbreviation::Title));
        assert_eq!(abbreviation("Gen"), Some(Abbreviation::Title));
        assert_eq!(abbreviation("Inc"), Some(Abbreviation::Ordinary));
        assert_eq!(abbreviation("U.S"), Some(Abbreviation::Ordinary));
        assert_eq!(abbreviation("Ph.D"), Some(Abbreviation::Ordinary));
        assert_eq!(abbreviation("J"), Some(Abbreviation::Ordinary));
        assert_eq!(abbreviation("etc"), Some(Abbreviation::Ordinary));
        assert_eq!(abbreviation("Etc"), Some(Abbreviation::Ordinary));
        assert_eq!(abbreviation("No"), Some(Abbreviation::Numero));
        assert_eq!(abbreviation("eTc"), None);
        assert_eq!(abbreviation("killed"), None);
        assert_eq!(abbreviation("Syria"), None);
        assert_eq!(abbreviation("end.The"), None);
        assert_eq!(abbreviation("N°"), Some(Abbreviation::Numero));
        assert_eq!(abbreviation("co"), Some(Abbreviation::Ordinary));
    }

    #[test]
    fn abbreviations_after_their_head() {
        for word in ["Inc", "Jr", "p.m", "P.M", "a.m", "A.M"] {
            assert!(follows_its_head(word), "{word}");
        }
        for word in ["Mr", "U.S", "St", "e.g", "inc"] {
            assert!(!follows_its_head(word), "{word}");
        }
    }
}
