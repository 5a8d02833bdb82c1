//! The text around a place mention that the rules read: qualifiers
//! ("Ames, Iowa"; "Mosul, northern Iraq"), lists ("Ohio, Utah and
//! Wyoming"), "the state of", runs of capitalised words, whole words.
//! Functions of the text alone: no candidates, no gazetteer.

use super::words::{
    AP_STATE_ABBREVIATIONS, COMPASS_WORDS, DIVISION_WORDS, OPENING_WORDS, US_STATE_CODES,
};

/// Words a town name is made of: letters and digits, with `.`, `'` and `-`
/// inside ("St. Marys", "O'Fallon", "Wilkes-Barre").
pub(super) fn town_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '\'' | '-' | '\u{2019}')
}

/// `s` without the spaces and no-break spaces at its end (read on the
/// bytes: this runs before every mention).
pub(super) fn trim_spaces_end(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut at = bytes.len();
    loop {
        match bytes.get(at.wrapping_sub(1)) {
            Some(b' ') => at -= 1,
            // U+00A0 is C2 A0.
            Some(0xa0) if at >= 2 && bytes.get(at - 2) == Some(&0xc2) => at -= 2,
            _ => return s.get(..at).unwrap_or(s),
        }
    }
}

/// `head` (the text before a qualifier) without the spaces and no-break
/// spaces at its end, nor a compass word before them ("Kupiansk, eastern"
/// -> "Kupiansk,").
pub(super) fn before_qualifier(head: &str) -> &str {
    let trimmed = trim_spaces_end(head);
    let bytes = trimmed.as_bytes();
    // The last word, if it is of lowercase ASCII letters and hyphens.
    let mut start = bytes.len();
    while start > 0 && bytes.get(start - 1).is_some_and(|&b| b.is_ascii_lowercase() || b == b'-') {
        start -= 1;
    }
    let whole_word = start == 0 || matches!(bytes.get(start - 1), Some(b' ' | 0xa0 | b',' | b'('));
    match (trimmed.get(start..), trimmed.get(..start)) {
        (Some(word), Some(rest)) if whole_word && COMPASS_WORDS.contains(&word) => {
            trim_spaces_end(rest)
        }
        _ => trimmed,
    }
}

/// Whether a comma, an opening parenthesis or "in" after a capitalised word
/// comes before byte `end` of `text` with only spaces (and a compass word)
/// between: what both [`qualifies`] and [`town_head`] need, seen without
/// knowing where the mention before ends.
pub(super) fn marked_before(text: &str, end: usize) -> bool {
    let Some(head) = text.get(..end) else { return false };
    let head = before_qualifier(head);
    head.ends_with('(') || town_end(head).is_some()
}

/// The text before a qualifier (`head`) up to the end of a town it may
/// qualify: before a comma ("Ames, Iowa"; "Kupiansk, eastern Ukraine"), or
/// before "in" after a capitalised word ("Cellardyke in Fife", then `true`),
/// with spaces, no-break spaces and a compass word between.
pub(super) fn town_head(head: &str) -> Option<(&str, bool)> {
    town_end(before_qualifier(head))
}

/// [`town_head`] of a head [`before_qualifier`] has read.
pub(super) fn town_end(head: &str) -> Option<(&str, bool)> {
    if let Some(town) = head.strip_suffix(',') {
        return Some((town, false));
    }
    let town = head.strip_suffix(" in").or_else(|| head.strip_suffix("\u{a0}in"))?;
    // Most mentions come after "in": only a capitalised word before it may
    // end a town ("killed in Fife" is none).
    let last = town.rsplit(|c: char| !town_char(c)).next().unwrap_or("");
    last.starts_with(char::is_uppercase).then_some((town, true))
}

/// Whether the text between two mentions makes the second qualify the first:
/// a comma ("Paris, Texas"; "ALEPPO, Syria") or an opening parenthesis
/// ("Paris (Texas)"), with only spaces around it and a compass word at most
/// ("Mosul, northern Iraq").
pub(super) fn qualifies(between: &str) -> bool {
    let t = before_qualifier(between).trim_start_matches([' ', '\u{a0}']);
    t == "," || t == "("
}

/// The end and text of the run of one to three capitalised words that
/// starts at byte `start` (one space between words; a word's full stop
/// ends it), or `None` when none starts there, the run is longer or ends in
/// a possessive.
pub(super) fn capitalised_run(text: &str, start: usize) -> Option<(usize, &str)> {
    let rest = text.get(start..)?;
    let mut end = 0;
    for words in 0..=3 {
        let tail = rest.get(end..)?;
        let next = if words == 0 { Some(tail) } else { tail.strip_prefix(' ') };
        let starts_word = next.and_then(|t| t.chars().next()).is_some_and(char::is_uppercase);
        if !starts_word {
            break;
        }
        if words == 3 {
            return None;
        }
        let word_start = if words == 0 { end } else { end + 1 };
        let word = rest.get(word_start..)?;
        let len = word.find(|c: char| !town_char(c)).unwrap_or(word.len());
        let w = word.get(..len)?;
        // A possessive is a person's more often than a town's ("in
        // Nelson's victory", "in Richardson's place").
        if w.ends_with("'s") || w.ends_with("\u{2019}s") {
            return None;
        }
        end = word_start + len;
        // A full stop ends the sentence, or an abbreviation the list names.
        if w.ends_with('.') {
            break;
        }
    }
    let name = rest.get(..end)?.trim_end_matches(['.', '\'', '-', '\u{2019}']);
    (name.len() >= 3).then(|| (start + name.len(), name))
}

/// The town name of a dateline that opens `text` in capitals and ends in a
/// dash ("BARTOW \u{2014} Polk County deputies ..."; "BARTOW - "), as
/// (start, name): one to three words, no qualifier (a comma after it is
/// rule 1b's: "AMES, Iowa").
pub(super) fn dateline(text: &str) -> Option<(usize, &str)> {
    let start = text.len() - text.trim_start().len();
    let (end, name) = capitalised_run(text, start)?;
    if name.chars().any(char::is_lowercase) {
        return None;
    }
    let rest = text.get(end..)?.trim_start_matches([' ', '\u{a0}']);
    rest.starts_with(['\u{2014}', '\u{2013}', '-']).then_some((start, name))
}

/// Each comma of `text` followed by a space and a US state's two-letter
/// postal code as a word of its own ("Bartow, FL \u{2014}"; "Ames, IA
/// said"), as (the comma's byte, the code); not before a word in capitals
/// ("PARIS, IN THE NEWS": a headline's words).
pub(super) fn postal_codes(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b',', bytes).filter_map(move |at| {
        let code = bytes.get(at + 2..at + 4)?;
        if bytes.get(at + 1) != Some(&b' ') || !code.iter().all(u8::is_ascii_uppercase) {
            return None;
        }
        let after = bytes.get(at + 4..).unwrap_or(&[]);
        if after.first().is_some_and(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        let next_word = after.strip_prefix(b" ").unwrap_or(&[]);
        let capitals = next_word.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        if capitals >= 2 && next_word.iter().take(capitals).all(u8::is_ascii_uppercase) {
            return None;
        }
        let code = text.get(at + 2..at + 4)?;
        US_STATE_CODES.binary_search(&code).is_ok().then_some((at, code))
    })
}

/// Each comma of `text` followed by a space and a US state's abbreviation in
/// news style ([`AP_STATE_ABBREVIATIONS`]: "Lebanon, Pa., police";
/// "SPRINGFIELD, Mo. (AP)"), as (the comma's byte, the state's postal code).
pub(super) fn state_abbreviations(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b',', bytes).filter_map(move |at| {
        if bytes.get(at + 1) != Some(&b' ') || !bytes.get(at + 2)?.is_ascii_uppercase() {
            return None;
        }
        let start = at + 2;
        let len = bytes
            .get(start..)?
            .iter()
            .take(7)
            .take_while(|b| b.is_ascii_alphabetic() || **b == b'.')
            .count();
        let word = text.get(start..start + len)?;
        if !word.ends_with('.') || bytes.get(start + len).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        let k = AP_STATE_ABBREVIATIONS.binary_search_by(|(a, _)| a.cmp(&word)).ok()?;
        AP_STATE_ABBREVIATIONS.get(k).map(|&(_, code)| (at, code))
    })
}

/// Whether a word of ASCII letters (and the marks of [`town_char`]) that
/// starts with a capital comes before byte `start` of `text`, one space
/// between: a quick look on the bytes before [`capitalised_runs_before`].
pub(super) fn capitalised_word_before(text: &str, start: usize) -> bool {
    let bytes = text.as_bytes();
    if start < 2 || bytes.get(start - 1) != Some(&b' ') {
        return false;
    }
    let mut at = start - 1;
    while at > 0
        && bytes
            .get(at - 1)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'\'' | b'-'))
    {
        at -= 1;
    }
    at < start - 1 && bytes.get(at).is_some_and(u8::is_ascii_uppercase)
}

/// The runs of one, two and three capitalised words that end at byte `end`
/// (one space between words), longest first, as (start, text); none that
/// ends in a possessive ("Richardson's residents").
pub(super) fn capitalised_runs_before(text: &str, end: usize) -> [Option<(usize, &str)>; 3] {
    let mut runs = [None; 3];
    let Some(head) = text.get(..end) else { return runs };
    if head.ends_with("'s") || head.ends_with("\u{2019}s") {
        return runs;
    }
    // Where the run read so far starts; what comes before it.
    let mut before = head;
    for (words, slot) in runs.iter_mut().enumerate() {
        // One space between words.
        if words > 0 {
            let Some(rest) = before.strip_suffix(' ') else { break };
            before = rest;
        }
        let word_start = before.trim_end_matches(town_char).len();
        let word = before.get(word_start..).unwrap_or("");
        if !word.chars().next().is_some_and(char::is_uppercase) || word.len() < 2 {
            break;
        }
        before = before.get(..word_start).unwrap_or("");
        let name = head.get(word_start..).unwrap_or("");
        let name = name.trim_start_matches(['.', '\'', '-', '\u{2019}']);
        if name.len() >= 3 {
            *slot = Some((end - name.len(), name));
        }
    }
    runs.reverse();
    runs
}

/// Whether `name` also stands in `text` in lowercase, as a word.
pub(super) fn written_in_lowercase(text: &str, name: &str) -> bool {
    let lower = name.to_lowercase();
    memchr::memmem::find_iter(text.as_bytes(), lower.as_bytes())
        .any(|at| whole_word(text, at, at + lower.len()))
}

/// Whether `text[start..end]` is a whole word: no letter, digit or other
/// character of a town's name ([`town_char`]) touches it.
pub(super) fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else { return false };
    !before.chars().next_back().is_some_and(town_char)
        && !after.chars().next().is_some_and(town_char)
}

/// Whether `text[start..end]` is a whole word and not part of a longer
/// capitalised name: no letter or digit touches it, and the words beside it
/// (one space away) are not capitalised, but for a preposition opening a
/// sentence or the word ending one before it.
pub(super) fn lone_name(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else { return false };
    if !whole_word(text, start, end) {
        return false;
    }
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    let next = after.strip_prefix(' ').map(|rest| rest.split(|c: char| !town_char(c)).next());
    if next.flatten().is_some_and(capitalised) {
        return false;
    }
    let previous = before.strip_suffix(' ').map(|rest| rest.rsplit(|c: char| !town_char(c)).next());
    // A word that ends a sentence ("... in Iowa. Ames police said") is
    // longer than a title's abbreviation ("St.", "Gov.").
    let ends_sentence = |w: &str| w.ends_with('.') && w.chars().count() > 4;
    !previous
        .flatten()
        .is_some_and(|w| capitalised(w) && !OPENING_WORDS.contains(&w) && !ends_sentence(w))
}

/// Whether the text between two mentions joins them in a list: a comma,
/// "and", "or" ("Ohio, Utah and Wyoming").
pub(super) fn joins_list(between: &str) -> bool {
    let t = between.trim_matches([' ', '\u{a0}']);
    matches!(t, "," | "and" | "or" | ", and" | ", or" | "&")
}

/// Whether "the state of" (or another of [`DIVISION_WORDS`], then "of")
/// comes right before byte `start` of `text`.
pub(super) fn named_division_before(text: &str, start: usize) -> bool {
    let Some(head) = text.get(..start) else { return false };
    // "of" a word of its own ("the stateof" is no title of a division).
    let head = trim_spaces_end(head);
    let Some(head) = head.strip_suffix(" of").or_else(|| head.strip_suffix("\u{a0}of")) else {
        return false;
    };
    let head = trim_spaces_end(head);
    DIVISION_WORDS.iter().any(|w| {
        let Some(cut) = head.len().checked_sub(w.len()) else { return false };
        head.get(cut..).is_some_and(|word| word.eq_ignore_ascii_case(w))
            && !head.get(..cut).is_some_and(|rest| rest.ends_with(char::is_alphanumeric))
    })
}

#[cfg(test)]
mod tests {
    use super::{
        capitalised_run, capitalised_runs_before, capitalised_word_before, dateline, marked_before,
        named_division_before, postal_codes, qualifies, state_abbreviations, town_head,
    };

    #[test]
    fn capitalised_runs_before_read_one_to_three_words_longest_first() {
        fn runs(text: &str) -> Vec<&str> {
            capitalised_runs_before(text, text.len()).iter().flatten().map(|r| r.1).collect()
        }
        assert_eq!(runs("said a Lakeland"), ["Lakeland"]);
        assert_eq!(
            runs("Yesterday Rancho Mirage"),
            ["Yesterday Rancho Mirage", "Rancho Mirage", "Mirage"]
        );
        assert_eq!(runs("the St. Marys"), ["St. Marys", "Marys"]);
        assert_eq!(runs("One Two Three Four"), ["Two Three Four", "Three Four", "Four"]);
        assert_eq!(runs("Richardson's"), Vec::<&str>::new());
        assert_eq!(runs("the police"), Vec::<&str>::new());
        assert_eq!(runs("(Ab"), Vec::<&str>::new());
        assert_eq!(runs("Lakeland"), ["Lakeland"]);
        assert_eq!(runs(" Lakeland"), ["Lakeland"]);
        assert_eq!(runs(""), Vec::<&str>::new());
    }

    #[test]
    fn postal_codes_follow_a_comma() {
        fn codes(text: &str) -> Vec<(usize, &str)> {
            postal_codes(text).collect()
        }
        assert_eq!(codes("BARTOW, FL \u{2014} A"), [(6, "FL")]);
        assert_eq!(codes("Ames, IA said, and Waco, TX."), [(4, "IA"), (23, "TX")]);
        assert_eq!(codes("PARIS, IN THE NEWS"), []);
        assert_eq!(codes("Paris, INDIANA"), []);
        assert_eq!(codes("Paris, XY said"), []);
        assert_eq!(codes("Paris,FL"), []);
        assert_eq!(codes("Paris, FL"), [(5, "FL")]);
        assert_eq!(codes(","), []);
    }

    #[test]
    fn state_abbreviations_follow_a_comma() {
        fn codes(text: &str) -> Vec<(usize, &str)> {
            state_abbreviations(text).collect()
        }
        assert_eq!(codes("Lebanon, Pa., police"), [(7, "PA")]);
        assert_eq!(codes("AMES, Mo. (AP) and Reno, Nev."), [(4, "MO"), (23, "NV")]);
        assert_eq!(codes("Trenton, N.J. police"), [(7, "NJ")]);
        assert_eq!(codes("Smith, Pat said"), []);
        assert_eq!(codes("Smith, Pa said"), []);
        assert_eq!(codes("Paris, Xy. said"), []);
        assert_eq!(codes(","), []);
    }

    #[test]
    fn a_dateline_is_a_name_in_capitals_and_a_dash() {
        assert_eq!(dateline("BARTOW \u{2014} Deputies said"), Some((0, "BARTOW")));
        assert_eq!(dateline("\n LAKE WALES - A man"), Some((2, "LAKE WALES")));
        assert_eq!(dateline("WINTER HAVEN -- A man"), Some((0, "WINTER HAVEN")));
        assert_eq!(dateline("AMES, Iowa - A man"), None);
        assert_eq!(dateline("Bartow \u{2014} Deputies said"), None);
        assert_eq!(dateline("BARTOW deputies said"), None);
        assert_eq!(dateline(""), None);
    }

    #[test]
    fn capitalised_word_before_looks_at_the_one_word_before() {
        let before = |text: &str| capitalised_word_before(text, text.len());
        assert!(before("a Lake "));
        assert!(before("Lake "));
        assert!(before("St. "));
        assert!(!before("the "));
        assert!(!before("Lake"));
        assert!(!before("Lake  "));
        assert!(!before(" "));
        assert!(!before(""));
        assert!(!before("\u{c9}vry "));
    }

    #[test]
    fn capitalised_run_reads_one_to_three_words() {
        fn run(text: &str) -> Option<(usize, &str)> {
            capitalised_run(text, 0)
        }
        assert_eq!(run("Innisfail overnight"), Some((9, "Innisfail")));
        assert_eq!(run("Rancho Mirage uses"), Some((13, "Rancho Mirage")));
        assert_eq!(run("Innisfail. Innisfail residents"), Some((9, "Innisfail")));
        assert_eq!(run("Saltburn-by-the-Sea near"), Some((19, "Saltburn-by-the-Sea")));
        assert_eq!(run("Richardson's office"), None);
        assert_eq!(run("One Two Three Four"), None);
        assert_eq!(run("the town"), None);
        assert_eq!(run("Ab"), None);
    }

    #[test]
    fn the_state_of_names_a_division() {
        let before = |text: &str| named_division_before(text, text.find("Ohio").unwrap());
        assert!(before("in the state of Ohio"));
        assert!(before("The State  of\u{a0}Ohio"));
        assert!(before("state of Ohio"));
        assert!(!before("in the stateof Ohio"));
        assert!(!before("the estate of Ohio"));
        assert!(!before("the province of Ohio"));
        assert!(!before("the state Ohio"));
        assert!(!before("Ohio"));
    }

    #[test]
    fn town_head_reads_as_the_trimmed_head() {
        // (text, what comes before "Iowa" from its start: a comma (`Some(false)`),
        // "in" (`Some(true)`) or neither, and whether it qualifies).
        let cases = [
            ("Ames, Iowa", Some(false), false),
            ("Ames,\u{a0} Iowa", Some(false), false),
            ("Ames ,Iowa", Some(false), false),
            ("Ames Iowa", None, false),
            (", Iowa", Some(false), true),
            (" Iowa", None, false),
            ("Ames (Iowa", None, false),
            ("Ames ( \u{a0}Iowa", None, false),
            ("é(Iowa", None, false),
            ("(Iowa", None, true),
            ("Ames, central Iowa", Some(false), false),
            ("Ames, north-east\u{a0}Iowa", Some(false), false),
            (", eastern Iowa", Some(false), true),
            ("( upstate Iowa", None, true),
            ("Ames, Central Iowa", None, false),
            ("Ames, rural Iowa", None, false),
            ("Ames eastern Iowa", None, false),
            ("Ames in Iowa", Some(true), false),
            ("Ames in central Iowa", Some(true), false),
            ("Ames\u{a0}in Iowa", Some(true), false),
            ("Amesin Iowa", None, false),
            ("Ames inside Iowa", None, false),
            ("killed in Iowa", None, false),
            ("Ames x.eastern Iowa", None, false),
        ];
        for (text, head, qualifying) in cases {
            let end = text.find("Iowa").unwrap();
            assert_eq!(town_head(&text[..end]).map(|(_, by_in)| by_in), head, "{text:?}");
            assert_eq!(qualifies(&text[..end]), qualifying, "{text:?}");
            // The town ends before its comma or "in".
            if let Some((town, _)) = town_head(&text[..end]) {
                assert!(text.starts_with(town), "{text:?}");
            }
            // The mark the rules' gate reads is there whenever a rule
            // would see one.
            for after in (0..=end).filter(|&a| text.is_char_boundary(a)) {
                if town_head(&text[after..end]).is_some() || qualifies(&text[after..end]) {
                    assert!(marked_before(text, end), "{text:?} {after}");
                }
            }
        }
    }
}
