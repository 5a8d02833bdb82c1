//! Towns the gazetteer does not list (rules 1b and 1d): found in the text
//! beside their qualifier ("Innisfail, Queensland"), after a preposition of
//! place or before a word for their people in a state the document names
//! ("in Innisfail", "a Lakeland man"), and their other mentions (one sense
//! per document).

use super::marks::{
    capitalised_run, capitalised_runs_before, capitalised_word_before, dateline, lone_name,
    postal_codes, qualifies, state_abbreviations, town_char, town_head, written_in_lowercase,
};
use super::resolve::{inside, Candidate, Mention, Tally};
use super::table::{Kind, PlaceKey, EMPTY};
use super::words::{
    ARTICLES, COMPASS_WORDS, CONTEXT_WORDS, FACILITY_WORDS, LOCATIVE_WORDS, NOT_TOWN_WORDS,
    OPENING_WORDS, PEOPLE_WORDS,
};
use super::{Place, PlaceTable};
use crate::gazetteer::{EntityMatch, Gazetteer};
use crate::text::words::{DAY_NAMES, MONTH_NAMES};
use memchr::memmem::Finder;
use once_cell::sync::Lazy;

/// Towns of fewer people are not found by rule 1d (a document's states
/// alone): a hamlet's name is more often a word ("in English": a hamlet
/// of Indiana).
const CONTEXT_TOWN_MIN_POPULATION: u64 = 1_000;
/// A town the gazetteer does not list, found before its qualifier
/// ("Innisfail, Queensland"): its span and place.
#[derive(Clone, Debug)]
pub(crate) struct Town<'t> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) place: Place,
    /// Towns are decoded on lookup and borrow nothing from the table.
    pub(crate) table: std::marker::PhantomData<&'t Place>,
    /// How many towns of that name the table holds.
    pub(crate) candidates: usize,
}

/// The unlisted town before mention `b` ("Ames, Iowa"; "AMES, Iowa (AP) -";
/// "the village of Cellardyke in Fife"),
/// not reaching back before byte `after`, whose place lies in one of `b`'s
/// countries or divisions; with the qualifier's candidate.
fn qualified_town<'t>(
    table: &PlaceTable,
    text: &str,
    after: usize,
    b: &Mention<'_>,
) -> Option<(Town<'t>, Candidate)> {
    // Most mentions follow no comma and no "in": that is seen first.
    let (comma, by_in) = town_head(text.get(after..b.start)?)?;
    // Only a country or a first-level division qualifies a town.
    if !b.candidates.iter().any(|c| c.key.is_qualifier()) {
        return None;
    }
    let end = after + comma.len();
    // Up to three capitalised words before the comma, longest first.
    let mut starts = Vec::new();
    let mut pos = comma.len();
    for _ in 0..3 {
        let left = comma.get(..pos)?;
        let word_start = left.rfind(|c: char| !town_char(c)).map_or(0, |i| {
            i + left.get(i..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8)
        });
        let word = comma.get(word_start..pos)?;
        if !word.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        starts.push(word_start);
        // The words are separated by one space.
        match comma.get(..word_start)?.strip_suffix(' ') {
            Some(rest) if !rest.is_empty() => pos = rest.len(),
            _ => break,
        }
    }
    for &start in starts.iter().rev() {
        let name = comma.get(start..)?;
        // A lone capitalised word opening a sentence ("However, Texas ...")
        // is not a town unless it is a dateline in capitals.
        let before = comma.get(..start)?.trim_end();
        // The town is the whole capitalised run ("Post" of "The Huffington
        // Post, US" is not), after a capitalised preposition at most ("In
        // Ames, Iowa").
        let word_before = before.rsplit(|c: char| !town_char(c)).next().unwrap_or("");
        if comma.get(..start)?.ends_with(' ')
            && word_before.chars().next().is_some_and(char::is_uppercase)
            && !OPENING_WORDS.contains(&word_before)
            && !ARTICLES.contains(&word_before)
        {
            continue;
        }
        // "Cellardyke in Fife" is a town where a preposition of place
        // comes before it ("the village of Cellardyke in Fife"), not
        // "Christmas in Florida" after "spent".
        if by_in && !LOCATIVE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word_before)) {
            continue;
        }
        let opens = before.is_empty() || before.ends_with(['.', '!', '?', '"', '\n']);
        let caps = name.chars().all(|c| !c.is_lowercase());
        if opens && !caps && !name.contains(' ') {
            continue;
        }
        let towns = table.towns_named(&Gazetteer::normalize(name));
        for &(n, town) in &towns {
            let qualifier =
                b.candidates.iter().find(|c| c.key.is_qualifier() && inside(&town, &c.key));
            if let (Some(&q), Some(place)) = (qualifier, table.town(n)) {
                let town = Town {
                    start: after + start,
                    end,
                    place,
                    table: std::marker::PhantomData,
                    candidates: towns.len(),
                };
                return Some((town, q));
            }
        }
    }
    None
}

/// Rule 1b: a town the list does not name, qualified by the next mention.
pub(super) fn qualify_towns<'t>(
    table: &PlaceTable,
    text: &str,
    matches: &[EntityMatch],
    mentions: &[Mention<'_>],
    fixed: &mut [Option<Candidate>],
    towns: &mut Vec<Town<'t>>,
) {
    for (i, b) in mentions.iter().enumerate().filter(|(_, b)| b.marked) {
        let after = b.at.checked_sub(1).and_then(|p| matches.get(p)).map_or(0, |m| m.span().end);
        if b.nationality || fixed.get(i).is_some_and(Option::is_some) {
            continue;
        }
        if let Some((town, qualifier)) = qualified_town(table, text, after, b) {
            towns.push(town);
            if let Some(slot) = fixed.get_mut(i) {
                *slot = Some(qualifier);
            }
        }
    }
}

/// Rule 1b with a US state's postal code or news-style abbreviation for the
/// qualifier ("Lakeland, FL"; "Bartow, FL \u{2014}"; "a Lake Wales, FL
/// woman"; "Lebanon, Pa., police"; [`postal_codes`],
/// [`state_abbreviations`]): a name
/// the list gives right before the comma is its candidate in that state; a
/// run of capitalised words there is the town of that name the places
/// table holds in that state, in place of a match the run ends with (whose
/// index goes to `superseded`: "Wales").
pub(super) fn qualify_by_postal_code<'t>(
    table: &PlaceTable,
    text: &str,
    matches: &[EntityMatch],
    mentions: &[Mention<'_>],
    fixed: &mut [Option<Candidate>],
    towns: &mut Vec<Town<'t>>,
    superseded: &mut Vec<usize>,
) {
    for (comma, code) in postal_codes(text).chain(state_abbreviations(text)) {
        let in_state = |k: &PlaceKey| table.in_division(k, "US", code);
        // The match that ends at the comma, if any, and the one before.
        let next = matches.partition_point(|m| m.span().start < comma);
        let last =
            next.checked_sub(1).filter(|&i| matches.get(i).is_some_and(|m| m.span().end == comma));
        if let Some(i) = last {
            let k = mentions.partition_point(|m| m.at < i);
            if let Some(m) = mentions.get(k).filter(|m| m.at == i && !m.nationality) {
                if let Some(c) = m.candidates.iter().find(|c| in_state(&c.key)) {
                    if let Some(slot) = fixed.get_mut(k).filter(|slot| slot.is_none()) {
                        *slot = Some(*c);
                    }
                    continue;
                }
            }
        }
        // Before it, no match may reach into the run.
        let before = last.unwrap_or(next).checked_sub(1).and_then(|p| matches.get(p));
        let after = before.map_or(0, |p| p.span().end);
        let runs = capitalised_runs_before(text, comma).into_iter().flatten();
        let found = runs.filter(|&(start, _)| start >= after).find_map(|(start, name)| {
            if last.is_some_and(|i| matches.get(i).is_some_and(|m| m.span().start < start)) {
                return None;
            }
            let found = table.towns_named(&Gazetteer::normalize(name));
            let &(n, _) = found.iter().find(|(_, t)| in_state(t))?;
            let place = table.town(n)?;
            let overlaps = towns.iter().any(|t| t.start < comma && start < t.end);
            (!overlaps).then_some(Town {
                start,
                end: comma,
                place,
                table: std::marker::PhantomData,
                candidates: found.len(),
            })
        });
        if let Some(town) = found {
            towns.push(town);
            superseded.extend(last);
        }
    }
}

/// One sense per document for the towns of rule 1b (`towns[from..]`): the
/// document's other mentions of a town's name, as written or as GeoNames
/// writes it ("AMES, Iowa (AP) - ... Ames police said"), are that town.
/// A mention is a whole word outside the gazetteer's matches and the towns
/// found, and not part of a longer capitalised name ("Tyler Johnson",
/// "Mayor Tyler"; a capitalised preposition before it is no name: "In
/// Ames").
pub(super) fn repeat_towns(
    text: &str,
    matches: &[EntityMatch],
    towns: &mut Vec<Town<'_>>,
    from: usize,
) {
    let found = towns.len();
    for i in from..found {
        let Some(t) = towns.get(i) else { continue };
        let written = text.get(t.start..t.end).unwrap_or("");
        let (place, candidates) = (t.place.clone(), t.candidates);
        let names = [written, &*place.name];
        for (n, name) in names.iter().enumerate() {
            if name.is_empty() || names.get(..n).is_some_and(|before| before.contains(name)) {
                continue;
            }
            // memchr's vectorised search: this scans the whole text per town.
            for start in memchr::memmem::find_iter(text.as_bytes(), name.as_bytes()) {
                let end = start + name.len();
                if !lone_name(text, start, end) || taken(matches, towns, start, end) {
                    continue;
                }
                towns.push(Town {
                    start,
                    end,
                    place: place.clone(),
                    table: std::marker::PhantomData,
                    candidates,
                });
            }
        }
    }
}

/// Rule 1d: a town the list does not name, after a preposition of place
/// ([`CONTEXT_WORDS`]: "in Innisfail"), before a word for its people
/// ([`PEOPLE_WORDS`]: "Innisfail police", "a Lakeland man") or in a
/// dateline ([`dateline`]: "INNISFAIL \u{2014}"), in a state or
/// province the document names with confidence (rule 2's divisions: a
/// report that names Queensland or its towns) or that its ambiguous names
/// share (rule 2b: "Polk County" and "Lakeland" in a local report that
/// names no state): a run of capitalised words
/// ([`capitalised_run`], [`capitalised_runs_before`]) outside the matches
/// and towns found, the only town of that name with
/// [`CONTEXT_TOWN_MIN_POPULATION`] people or more in the named divisions, or
/// the one in the division named most ([`town_in_divisions`]). A
/// first-level division the list leaves out as a word ("Victoria", "Delta")
/// is found the same way in a country the document names ("in Victoria" in
/// a report that names Australia or its towns).
pub(super) fn towns_in_context<'t>(
    table: &PlaceTable,
    text: &str,
    matches: &[EntityMatch],
    towns: &mut Vec<Town<'t>>,
    named: &Named<'_>,
) {
    // A dateline: the town's name opens the text ("BARTOW \u{2014} ...").
    if let Some((start, name)) = dateline(text) {
        towns.extend(town_in_divisions(table, text, matches, towns, named, start, name));
    }
    let (before, after) = context_finders();
    for finder in before {
        for at in finder.find_iter(text.as_bytes()) {
            let start = at + finder.needle().len();
            // Most words after a preposition are lowercase, most capitalised
            // ones are matches: both seen first.
            if text.as_bytes().get(start).is_none_or(u8::is_ascii_lowercase)
                || taken(matches, towns, start, start + 1)
            {
                continue;
            }
            let Some((end, name)) = capitalised_run(text, start) else { continue };
            // A name a qualifier follows ("in Randolph, New Hampshire") was
            // read by rule 1b, which did not place it there.
            if qualified_after(text, matches, end) {
                continue;
            }
            if let Some(town) = town_in_divisions(table, text, matches, towns, named, start, name) {
                towns.push(town);
            }
        }
    }
    for finder in after {
        for end in finder.find_iter(text.as_bytes()) {
            // Most words before are lowercase ("the police"), or matches.
            if !text.as_bytes().get(end.wrapping_sub(1)).is_some_and(u8::is_ascii_alphabetic)
                || taken(matches, towns, end - 1, end)
            {
                continue;
            }
            // The longest run that names a town: a sentence's first word may
            // come before it ("Yesterday Innisfail police"; "A Lakeland man").
            let found = capitalised_runs_before(text, end).into_iter().flatten().find_map(
                |(start, name)| town_in_divisions(table, text, matches, towns, named, start, name),
            );
            towns.extend(found);
        }
    }
}

/// What rule 2 found that the document names with confidence: countries
/// and first-level divisions, with how often.
pub(super) struct Named<'a> {
    pub(super) countries: &'a Tally<u32>,
    pub(super) divisions: &'a Tally<(u32, u32)>,
    /// Rule 2b's divisions, shared by the document's ambiguous names.
    pub(super) shared: &'a Tally<(u32, u32)>,
}

/// The town `name` at byte `start` of `text` names, when it is the only
/// town of that name with [`CONTEXT_TOWN_MIN_POPULATION`] people or more
/// in the `named` divisions, or the one in the division the document names
/// most, and not taken by a match or a town found. A first-level division
/// of that name counts as often as the document names its country, unless
/// a town of its name lies in it (then the town is meant: "in Mendoza").
/// Not a time or an institution ("in March", "in Congress";
/// [`NOT_TOWN_WORDS`]), a compass word, a name the document also writes in
/// lowercase ("in Hope" beside "hope"): words more often than towns.
fn town_in_divisions<'t>(
    table: &PlaceTable,
    text: &str,
    matches: &[EntityMatch],
    towns: &[Town<'t>],
    named: &Named<'_>,
    start: usize,
    name: &str,
) -> Option<Town<'t>> {
    let end = start + name.len();
    if taken(matches, towns, start, end) {
        return None;
    }
    town_named_in_divisions(table, text, named, start, name)
}

/// [`town_in_divisions`] but for the matches and towns found: the town
/// `name` at byte `start` names in the `named` divisions, if it may be a
/// town there.
fn town_named_in_divisions<'t>(
    table: &PlaceTable,
    text: &str,
    named: &Named<'_>,
    start: usize,
    name: &str,
) -> Option<Town<'t>> {
    let end = start + name.len();
    if NOT_TOWN_WORDS.contains(&name)
        || MONTH_NAMES.contains(&name)
        || DAY_NAMES.contains(&name)
        || COMPASS_WORDS.iter().any(|w| w.eq_ignore_ascii_case(name))
        || names_a_facility(text, end)
    {
        return None;
    }
    let found = table.towns_named(&Gazetteer::normalize(name));
    let town_in = |d: &PlaceKey| {
        found
            .iter()
            .any(|(_, t)| t.kind != Kind::Adm1 && (t.country, t.admin1) == (d.country, d.admin1))
    };
    // (town, how often the document names its division, or the division's
    // country)
    let inside = found
        .iter()
        .filter(|(_, k)| k.admin1 != EMPTY && k.population >= CONTEXT_TOWN_MIN_POPULATION);
    let inside = inside.map(|&(n, k)| match k.kind {
        Kind::Adm1 if town_in(&k) => (n, 0),
        Kind::Adm1 => (n, named.countries.get(&k.country)),
        _ => {
            let division = (k.country, k.admin1);
            (n, named.divisions.get(&division) + named.shared.get(&division))
        }
    });
    // The only one in a named division, or the one in the division named
    // most ("Rancho Mirage, near Palm Springs" in a report that names
    // California twice and Florida once); a tie: none.
    let (mut best, mut runner_up) = (None, 0);
    for (n, count) in inside.filter(|&(_, count)| count > 0) {
        match best {
            Some((_, top)) if count <= top => runner_up = runner_up.max(count),
            _ => {
                runner_up = best.map_or(runner_up, |(_, top)| top);
                best = Some((n, count));
            }
        }
    }
    let n = match best {
        Some((n, top)) if top > runner_up => n,
        _ => return None,
    };
    if written_in_lowercase(text, name) {
        return None;
    }
    let place = table.town(n)?;
    Some(Town { start, end, place, table: std::marker::PhantomData, candidates: found.len() })
}

/// Rule 1e: a town the list does not name whose name is one or two
/// capitalised words and a match ("Lake Wales", "Middle Swan"), in a state
/// or province the document names with confidence (as rule 1d): the town,
/// in place of the match ("Wales"), whose index goes to `superseded`. Not
/// after a capitalised preposition or an article opening a sentence ("In
/// Wales", "The Gambia"), nor a compass word ("Western Syria").
pub(super) fn towns_over_matches<'t>(
    table: &PlaceTable,
    text: &str,
    matches: &[EntityMatch],
    mentions: &[Mention<'_>],
    towns: &mut Vec<Town<'t>>,
    named: &Named<'_>,
    superseded: &mut Vec<usize>,
) {
    // Place mentions only: a nationality word is no town's end ("North
    // American"), nor an organisation's name ("Air Canada").
    for (i, m) in
        mentions.iter().filter(|m| !m.nationality).filter_map(|m| Some((m.at, matches.get(m.at)?)))
    {
        let span = m.span();
        // Most matches follow a lowercase word or a mark: seen first, on
        // the bytes.
        if !capitalised_word_before(text, span.start) {
            continue;
        }
        // The match before, if any, ends before the words read.
        let after = i.checked_sub(1).and_then(|p| matches.get(p)).map_or(0, |p| p.span().end);
        let runs = capitalised_runs_before(text, span.start - 1);
        let found = runs.into_iter().flatten().filter(|&(start, _)| start >= after).find_map(
            |(start, words)| {
                let first = words.split(' ').next().unwrap_or("");
                // Not after a compass word: a part of the place ("Southern
                // California"); the built-in list names the towns that
                // begin with one ("New Albany", "South Portland").
                if words.split(' ').count() > 2
                    || OPENING_WORDS.contains(&first)
                    || ARTICLES.contains(&first)
                    || COMPASS_WORDS.iter().any(|w| w.eq_ignore_ascii_case(first))
                {
                    return None;
                }
                let name = text.get(start..span.end)?;
                let town = town_named_in_divisions(table, text, named, start, name)?;
                // A town found already there (rule 1b, 1d) stands.
                (!towns.iter().any(|t| t.start < span.end && start < t.end)).then_some(town)
            },
        );
        if let Some(town) = found {
            towns.push(town);
            superseded.push(i);
        }
    }
}

/// Whether one of [`FACILITY_WORDS`] follows byte `end` of `text` after a
/// space, as a whole word ("Victoria station", not "Victoria stationed").
fn names_a_facility(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else { return false };
    let word = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    FACILITY_WORDS.contains(&word)
}

/// The searches, built once: for each of [`CONTEXT_WORDS`] between spaces
/// (a match ends where the town starts), and for each of [`PEOPLE_WORDS`]
/// after a space (a match starts where the town ends).
fn context_finders() -> &'static (Vec<Finder<'static>>, Vec<Finder<'static>>) {
    static FINDERS: Lazy<(Vec<Finder<'static>>, Vec<Finder<'static>>)> = Lazy::new(|| {
        let finder = |w: String| Finder::new(&w).into_owned();
        (
            CONTEXT_WORDS.iter().map(|w| finder(format!(" {w} "))).collect(),
            PEOPLE_WORDS.iter().map(|w| finder(format!(" {w} "))).collect(),
        )
    });
    &FINDERS
}

/// Whether a match follows byte `end` after a comma or an opening
/// parenthesis: a qualifier ("in Goa, India"), which rule 1b reads; a town
/// it did not place there is not in it.
fn qualified_after(text: &str, matches: &[EntityMatch], end: usize) -> bool {
    let next = matches.partition_point(|m| m.span().start < end);
    matches.get(next).is_some_and(|m| text.get(end..m.span().start).is_some_and(qualifies))
}

/// Whether `start..end` overlaps a match (in text order, not overlapping
/// each other) or a town.
fn taken(matches: &[EntityMatch], towns: &[Town<'_>], start: usize, end: usize) -> bool {
    let first_after = matches.partition_point(|m| m.span().start < end);
    let overlaps_match = first_after
        .checked_sub(1)
        .and_then(|i| matches.get(i))
        .is_some_and(|m| m.span().end > start);
    overlaps_match || towns.iter().any(|t| t.start < end && start < t.end)
}
