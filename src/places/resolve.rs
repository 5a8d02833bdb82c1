//! The resolution rules: per document, deterministic, each choice made by one
//! named rule (see [`PlaceResolver`](super::PlaceResolver) for the order).

use super::resolved::{Choice, Resolved};
use super::table::{Kind, PlaceKey, EMPTY, NONE};
use super::words::{
    ARTICLES, COMPASS_WORDS, CONTEXT_WORDS, DIVISION_WORDS, LOCATIVE_WORDS, NOT_TOWN_WORDS,
    OPENING_WORDS, PEOPLE_WORDS,
};
use super::{Place, PlaceResolver, PlaceTable, UserPlaces};
use crate::gazetteer::{EntityId, EntityMatch, Gazetteer};
use memchr::memmem::Finder;
use once_cell::sync::Lazy;
use std::cell::RefCell;

/// Weight of a candidate in a country the document names elsewhere, in units
/// of ln(population): a named country makes a place about 20 times smaller
/// as likely as the bigger one elsewhere.
const COUNTRY_BONUS: f64 = 3.0;
/// Weight of a candidate in a first-level division the document names (on
/// top of its country's): a named state or province is the more specific
/// clue ("Oregon ... Damascus").
const ADMIN1_BONUS: f64 = 5.0;
/// Weight of a candidate in a first-level division where another ambiguous
/// name of the document has a candidate too (rule 2b): "Polk County" and
/// "Lakeland" both have one in Florida. Weaker than a named division: a
/// namesake over seven times as populous still wins.
const SHARED_BONUS: f64 = 2.0;
/// Weight of the gazetteer's own first-ranked entity (its lists rank the
/// likely referent first: countries, then large cities, then states).
const RANK_BONUS: f64 = 1.0;
/// Towns of fewer people are not found by rule 1d (a document's states
/// alone): a hamlet's name is more often a word ("in English": a hamlet
/// of Indiana).
const CONTEXT_TOWN_MIN_POPULATION: u64 = 1_000;
/// A country or division that many times more people live in than any
/// other of its name (in ln units: 20 times) names itself with confidence
/// (rule 2): "Florida", the state of 16 million, not Uruguay's department.
const DECISIVE: f64 = 3.0;
/// Best candidates closer than this in score, in different countries and
/// with no context for either, are a coin toss: unresolved.
const TIE: f64 = 0.05;

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

/// What a label stands for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LabelKind {
    Place,
    Nationality,
    Other,
}

/// The kinds of the few labels a gazetteer uses, remembered by the address
/// of their shared string (entities of one label share it): candidates are
/// many, labels few. (The built-in gazetteer's labels are known by number:
/// [`PlaceResolver::table_label_flags`].)
#[derive(Default)]
struct LabelKinds {
    /// (address, length, is a place label, is a nationality label).
    seen: Vec<(usize, usize, bool, bool)>,
}

/// What a candidate with these label flags stands for (a place label first).
fn label_kind(flags: (bool, bool)) -> LabelKind {
    match flags {
        (true, _) => LabelKind::Place,
        (false, true) => LabelKind::Nationality,
        (false, false) => LabelKind::Other,
    }
}

/// What a mention whose first entity has these label flags is: `Some(true)`
/// a nationality (a nationality label first), `Some(false)` a place.
fn mention_kind(flags: (bool, bool)) -> Option<bool> {
    match flags {
        (_, true) => Some(true),
        (true, false) => Some(false),
        (false, false) => None,
    }
}

impl LabelKinds {
    /// Whether `label` is a place label and whether a nationality label.
    fn flags(&mut self, resolver: &PlaceResolver, label: &str) -> (bool, bool) {
        let key = (label.as_ptr() as usize, label.len());
        if let Some(&(_, _, place, nationality)) = self.seen.iter().find(|s| (s.0, s.1) == key) {
            return (place, nationality);
        }
        let flags = (resolver.is_place_label(label), resolver.is_nationality_label(label));
        // A bounded memory: a gazetteer with many labels is compared each time.
        if self.seen.len() < 8 {
            self.seen.push((key.0, key.1, flags.0, flags.1));
        }
        flags
    }
}

/// Words a town name is made of: letters and digits, with `.`, `'` and `-`
/// inside ("St. Marys", "O'Fallon", "Wilkes-Barre").
fn town_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '\'' | '-' | '\u{2019}')
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

/// `s` without the spaces and no-break spaces at its end (read on the
/// bytes: this runs before every mention).
fn trim_spaces_end(s: &str) -> &str {
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
fn before_qualifier(head: &str) -> &str {
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
fn marked_before(text: &str, end: usize) -> bool {
    let Some(head) = text.get(..end) else { return false };
    let head = before_qualifier(head);
    head.ends_with('(') || town_end(head).is_some()
}

/// The text before a qualifier (`head`) up to the end of a town it may
/// qualify: before a comma ("Ames, Iowa"; "Kupiansk, eastern Ukraine"), or
/// before "in" after a capitalised word ("Cellardyke in Fife", then `true`),
/// with spaces, no-break spaces and a compass word between.
fn town_head(head: &str) -> Option<(&str, bool)> {
    town_end(before_qualifier(head))
}

/// [`town_head`] of a head [`before_qualifier`] has read.
fn town_end(head: &str) -> Option<(&str, bool)> {
    if let Some(town) = head.strip_suffix(',') {
        return Some((town, false));
    }
    let town = head.strip_suffix(" in").or_else(|| head.strip_suffix("\u{a0}in"))?;
    // Most mentions come after "in": only a capitalised word before it may
    // end a town ("killed in Fife" is none).
    let last = town.rsplit(|c: char| !town_char(c)).next().unwrap_or("");
    last.starts_with(char::is_uppercase).then_some((town, true))
}

/// The prior of a candidate ranked `rank` by the gazetteer, in two parts:
/// the gazetteer's own first choice ([`rank_prior`]), plus ln(population)
/// ([`population_prior`]), which only a mention of several candidates needs.
fn rank_prior(rank: usize) -> f64 {
    if rank == 0 {
        RANK_BONUS
    } else {
        0.0
    }
}

/// The population part of a candidate's prior.
fn population_prior(place: &PlaceKey) -> f64 {
    (place.population as f64 + 1.0).ln()
}

/// One candidate place of a mention: what the rules compare of it (its key
/// and prior, computed once: the rules compare them many times) and where
/// its place is decoded from once chosen.
#[derive(Clone, Copy)]
struct Candidate {
    entity: EntityId,
    prior: f64,
    key: PlaceKey,
    /// Its record in the built-in table; `NONE`: the gazetteer's own place.
    record: u32,
}

impl Candidate {
    /// Where the candidate's place comes from.
    fn choice(&self) -> Choice {
        if self.record == NONE {
            Choice::User(self.entity)
        } else {
            Choice::Table(self.record)
        }
    }
}

/// One place or nationality mention; its candidates are a run of the
/// document's one candidate list.
struct Mention<'c> {
    at: usize,
    start: usize,
    end: usize,
    nationality: bool,
    /// Whether a comma, an opening parenthesis or "in" after a capitalised
    /// word comes before it ([`marked_before`]): what rules 1 and 1b look for.
    marked: bool,
    candidates: &'c [Candidate],
    /// Its candidate list's [`Run`].
    run: usize,
}

/// One distinct candidate list of the document (all its mentions share
/// it): its part of the candidates, and what rules 2 and 3 find for an
/// unqualified mention of it, which is the same for all of them.
struct Run {
    /// The first match of the list.
    first: usize,
    /// Where its slots lie in the places table (built-in gazetteer).
    slots: std::ops::Range<usize>,
    candidates: std::ops::Range<usize>,
    nationality: bool,
    /// How many of its mentions are unqualified (rule 2).
    unqualified: usize,
    /// Rule 2: what an unqualified mention tells of the document's
    /// countries and divisions (a known country).
    own: Option<(u32, u32)>,
    /// Rule 3: the choice for an unqualified mention, once asked.
    chosen: Option<Option<Candidate>>,
}

impl Run {
    /// The run of the list of match `first`, its slots `slots`; its
    /// candidates are gathered after.
    fn new(first: usize, slots: std::ops::Range<usize>) -> Run {
        Run {
            first,
            slots,
            candidates: 0..0,
            nationality: false,
            unqualified: 0,
            own: None,
            chosen: None,
        }
    }
}

/// The document's runs by candidate list number: open addressing, at most
/// half full (it doubles as lists come: its size follows the distinct lists,
/// not the matches).
struct RunIndex {
    /// (list number, run); `usize::MAX` runs are free slots.
    slots: Vec<(u32, usize)>,
    shift: u32,
    /// Slots taken.
    len: usize,
}

impl RunIndex {
    /// Slots of a new index (a power of two).
    const FIRST: usize = 64;

    /// An empty index, in `slots`' memory.
    fn new(mut slots: Vec<(u32, usize)>) -> RunIndex {
        slots.clear();
        slots.resize(RunIndex::FIRST, (0, usize::MAX));
        RunIndex { slots, shift: 32 - RunIndex::FIRST.trailing_zeros(), len: 0 }
    }

    /// The run of list `list`, or else the free slot for it.
    #[inline]
    fn find(&self, list: u32) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut i = (list.wrapping_mul(0x9e37_79b9) >> self.shift) as usize & mask;
        // Never more steps than slots: the table is never full.
        for _ in 0..self.slots.len() {
            match self.slots.get(i) {
                Some(&(_, run)) if run == usize::MAX => return Err(i),
                Some(&(l, run)) if l == list => return Ok(run),
                _ => i = (i + 1) & mask,
            }
        }
        Err(usize::MAX)
    }

    /// Puts run `run` of list `list` in free slot `slot` (from
    /// [`find`](Self::find)).
    fn insert(&mut self, slot: usize, list: u32, run: usize) {
        if let Some(s) = self.slots.get_mut(slot) {
            *s = (list, run);
            self.len += 1;
        }
        if self.len * 2 > self.slots.len() && self.shift > 1 {
            let doubled = vec![(0, usize::MAX); self.slots.len() * 2];
            let old = std::mem::replace(&mut self.slots, doubled);
            self.shift -= 1;
            for (list, run) in old.into_iter().filter(|&(_, run)| run != usize::MAX) {
                if let Err(slot) = self.find(list) {
                    if let Some(s) = self.slots.get_mut(slot) {
                        *s = (list, run);
                    }
                }
            }
        }
    }
}

/// Appends the candidates of a built-in match to `all`, from its places
/// table's slots `slots`: whether it is a nationality mention (none appended when
/// it is neither a place nor a nationality).
#[inline]
fn gather_builtin(
    table: &PlaceTable,
    labels: &[(bool, bool); 256],
    slots: std::ops::Range<usize>,
    all: &mut Vec<Candidate>,
) -> bool {
    let mut slots = table.slots(slots).peekable();
    let flags = slots.peek().map_or((false, false), |s| labels[usize::from(s.label)]);
    let Some(nationality) = mention_kind(flags) else { return false };
    let wanted = if nationality { LabelKind::Nationality } else { LabelKind::Place };
    for (rank, s) in slots.enumerate() {
        if s.record != NONE && label_kind(labels[usize::from(s.label)]) == wanted {
            let prior = rank_prior(rank);
            all.push(Candidate { entity: s.entity, prior, key: s.key, record: s.record });
        }
    }
    nationality
}

/// [`gather_builtin`] for any gazetteer: its entities' labels, their places
/// from the gazetteer's own rows or else the built-in table by id.
fn gather(
    table: &PlaceTable,
    user: &UserPlaces,
    resolver: &PlaceResolver,
    kinds: &mut LabelKinds,
    g: &Gazetteer,
    m: &EntityMatch,
    all: &mut Vec<Candidate>,
) -> bool {
    let flags = kinds.flags(resolver, g.entity(m.entity()).label());
    let Some(nationality) = mention_kind(flags) else { return false };
    let wanted = if nationality { LabelKind::Nationality } else { LabelKind::Place };
    for (rank, &entity) in g.candidates(m).iter().enumerate() {
        let prior = rank_prior(rank);
        // The gazetteer's own place first, then the built-in table's.
        let Some((record, key)) =
            user.key(entity).map(|k| (NONE, k)).or_else(|| table.get(g, entity))
        else {
            continue;
        };
        if label_kind(kinds.flags(resolver, g.entity(entity).label())) == wanted {
            all.push(Candidate { entity, prior, key, record });
        }
    }
    nationality
}

/// A count per key, for the few distinct countries and divisions a document
/// names: a short list searched in order beats hashing here.
struct Tally<K>(Vec<(K, usize)>);

impl<K: PartialEq> Tally<K> {
    fn new() -> Tally<K> {
        Tally(Vec::new())
    }

    /// Counts `key` `n` times more.
    fn add(&mut self, key: K, n: usize) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, count)) => *count += n,
            None => self.0.push((key, n)),
        }
    }

    fn get(&self, key: &K) -> usize {
        self.0.iter().find(|(k, _)| k == key).map_or(0, |&(_, n)| n)
    }
}

/// Whether `inner` lies inside the country or division `outer`.
fn inside(inner: &PlaceKey, outer: &PlaceKey) -> bool {
    if inner.id == outer.id || inner.is_country() || inner.country != outer.country {
        return false;
    }
    if outer.is_country() {
        return true;
    }
    outer.is_division()
        && outer.admin1 != EMPTY
        && inner.admin1 == outer.admin1
        && inner.kind != Kind::Adm1
}

/// Whether the text between two mentions makes the second qualify the first:
/// a comma ("Paris, Texas"; "ALEPPO, Syria") or an opening parenthesis
/// ("Paris (Texas)"), with only spaces around it and a compass word at most
/// ("Mosul, northern Iraq").
fn qualifies(between: &str) -> bool {
    let t = before_qualifier(between).trim_start_matches([' ', '\u{a0}']);
    t == "," || t == "("
}

/// The place of each match of `matches` (see
/// [`PlaceResolver::resolve`](super::PlaceResolver::resolve)); with `towns`,
/// the unlisted towns qualified by a mention are added there. The rules are
/// applied in order, each by its function.
#[inline(never)]
pub(super) fn resolve<'t, 'u>(
    table: &PlaceTable,
    user: &'u UserPlaces,
    resolver: &PlaceResolver,
    g: &Gazetteer,
    text: &str,
    matches: &[EntityMatch],
    mut towns_wanted: Option<&mut Vec<Town<'t>>>,
) -> Resolved<'u> {
    // Every distinct candidate list's candidates go to one list (one
    // allocation per document, not per mention), read once however often
    // the document names it; `runs` remembers each list's part.
    // The working lists are the thread's, kept from one document to the
    // next (no allocation per document, and memory already in cache).
    let Scratch { mut all, mut runs, index, mut named, mut fixed, countries, divisions } = SCRATCH
        .with(|s| s.try_borrow_mut().map(|mut s| std::mem::take(&mut *s)).unwrap_or_default());
    let mut index = RunIndex::new(index);
    // The built-in gazetteer's candidates are read from the places table's
    // slots beside its candidate lists (one run per list: entity, label,
    // record and key), not from its entities.
    let builtin = g.as_builtin().is_some()
        && !g.has_place_columns()
        && table.slots_len() == g.candidate_lists().len();
    find_runs(g, matches, builtin, &mut index, &mut runs, &mut named);
    gather_runs(table, user, resolver, g, matches, builtin, &mut runs, &mut all);
    let mentions = mentions(text, matches, &runs, &all, &named);
    fixed.resize(mentions.len(), None);
    // Rules 1 and 1b read a mark before a mention; most documents have
    // none, and nothing for one sense per document to spread then.
    if mentions.iter().any(|m| m.marked) {
        qualify_pairs(text, &mentions, &mut fixed);
        if let Some(towns) = towns_wanted.as_deref_mut() {
            let from = towns.len();
            qualify_towns(table, text, matches, &mentions, &mut fixed, towns);
            repeat_towns(text, matches, towns, from);
        }
        one_sense(&mentions, &mut fixed);
    }
    divisions_named_as_such(text, &mentions, &mut fixed);
    countries_listed_as_such(text, &mentions, &mut fixed);
    let mut countries: Tally<u32> = Tally(countries);
    let mut divisions: Tally<(u32, u32)> = Tally(divisions);
    tally(&mentions, &fixed, &mut runs, &all, &mut countries, &mut divisions);
    if let Some(towns) = towns_wanted {
        if !divisions.0.is_empty() {
            let from = towns.len();
            towns_in_context(table, text, matches, towns, &divisions);
            repeat_towns(text, matches, towns, from);
        }
    }
    let shared = shared_divisions(&runs, &all);
    let context = Context { countries: &countries, divisions: &divisions, shared: &shared };
    let out = choose_all(matches.len(), &mentions, &fixed, &mut runs, &context);
    drop(mentions);
    SCRATCH.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            let (index, countries, divisions) = (index.slots, countries.0, divisions.0);
            *s = Scratch { all, runs, index, named, fixed, countries, divisions }.emptied();
        }
    });
    Resolved::new(user, out)
}

/// Gives each distinct candidate list of `matches` its run (where its slots
/// lie, for the built-in gazetteer), and each match its run, in `named`.
fn find_runs(
    g: &Gazetteer,
    matches: &[EntityMatch],
    builtin: bool,
    index: &mut RunIndex,
    runs: &mut Vec<Run>,
    named: &mut Vec<(usize, usize)>,
) {
    for (at, m) in matches.iter().enumerate() {
        let run = match index.find(m.list()) {
            Ok(run) => run,
            Err(slot) => {
                let slots = if builtin { g.candidate_range(m) } else { 0..0 };
                runs.push(Run::new(at, slots));
                index.insert(slot, m.list(), runs.len() - 1);
                runs.len() - 1
            }
        };
        named.push((at, run));
    }
}

/// Gathers each run's candidates into `all`, with their priors.
#[allow(clippy::too_many_arguments)]
fn gather_runs(
    table: &PlaceTable,
    user: &UserPlaces,
    resolver: &PlaceResolver,
    g: &Gazetteer,
    matches: &[EntityMatch],
    builtin: bool,
    runs: &mut [Run],
    all: &mut Vec<Candidate>,
) {
    let mut kinds = LabelKinds::default();
    let labels = resolver.table_label_flags(table);
    for r in runs {
        let Some(m) = matches.get(r.first) else { continue };
        let from = all.len();
        r.nationality = if builtin {
            gather_builtin(table, labels, r.slots.clone(), all)
        } else {
            gather(table, user, resolver, &mut kinds, g, m, all)
        };
        // A lone candidate's prior is compared with nothing (the pairs of
        // rule 1 compare the priors of one mention's candidates): the
        // logarithms are taken for lists of several candidates only.
        let candidates = all.get_mut(from..).unwrap_or(&mut []);
        if candidates.len() > 1 {
            for c in candidates {
                c.prior += population_prior(&c.key);
            }
        }
        r.candidates = from..all.len();
    }
}

/// The place and nationality mentions among the matches (those with
/// candidates), in order.
fn mentions<'c>(
    text: &str,
    matches: &[EntityMatch],
    runs: &[Run],
    all: &'c [Candidate],
    named: &[(usize, usize)],
) -> Vec<Mention<'c>> {
    let mut mentions: Vec<Mention<'_>> = Vec::with_capacity(named.len());
    for &(at, run) in named {
        let (Some(m), Some(r)) = (matches.get(at), runs.get(run)) else { continue };
        let Some(candidates) = all.get(r.candidates.clone()).filter(|c| !c.is_empty()) else {
            continue;
        };
        let span = m.span();
        let nationality = r.nationality;
        let marked = marked_before(text, span.start);
        mentions.push(Mention {
            at,
            start: span.start,
            end: span.end,
            nationality,
            marked,
            candidates,
            run,
        });
    }
    mentions
}

/// Rule 1: qualifiers ("Paris, Texas"). `fixed[i]` is the candidate chosen
/// for mention i.
fn qualify_pairs(text: &str, mentions: &[Mention<'_>], fixed: &mut [Option<Candidate>]) {
    for i in 0..mentions.len().saturating_sub(1) {
        let (Some(a), Some(b)) = (mentions.get(i), mentions.get(i + 1)) else { continue };
        if !b.marked {
            continue;
        }
        // "Syria, Iraq", "Texas, California": a list, not a qualifier.
        let listed = |m: &Mention<'_>| {
            m.candidates.first().is_none_or(|c| c.key.is_country() || c.key.is_division())
        };
        if a.nationality || b.nationality || listed(a) {
            continue;
        }
        if !text.get(a.end..b.start).is_some_and(qualifies) {
            continue;
        }
        // "Washington, West Virginia and Wyoming": the second goes on a
        // list of divisions, so the first is one more, not its town.
        if let Some(c) = mentions.get(i + 2) {
            if text.get(b.end..c.start).is_some_and(joins_list) && division_first(c) {
                continue;
            }
        }
        // The pair whose first place is likeliest by the prior, then the
        // larger qualifier.
        let mut best: Option<(f64, u64, Candidate, Candidate)> = None;
        for ca in a.candidates {
            for cb in b.candidates {
                if !cb.key.is_qualifier() || !inside(&ca.key, &cb.key) {
                    continue;
                }
                let score = (ca.prior, cb.key.population);
                if best.is_none_or(|(pa, pb, _, _)| score > (pa, pb)) {
                    best = Some((score.0, score.1, *ca, *cb));
                }
            }
        }
        if let Some((_, _, ca, cb)) = best {
            if let Some(slot) = fixed.get_mut(i) {
                *slot = Some(ca);
            }
            if let Some(slot) = fixed.get_mut(i + 1) {
                *slot = Some(cb);
            }
        }
    }
}

/// Rule 1b: a town the list does not name, qualified by the next mention.
fn qualify_towns<'t>(
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

/// One sense per document for the towns of rule 1b (`towns[from..]`): the
/// document's other mentions of a town's name, as written or as GeoNames
/// writes it ("AMES, Iowa (AP) - ... Ames police said"), are that town.
/// A mention is a whole word outside the gazetteer's matches and the towns
/// found, and not part of a longer capitalised name ("Tyler Johnson",
/// "Mayor Tyler"; a capitalised preposition before it is no name: "In
/// Ames").
fn repeat_towns(text: &str, matches: &[EntityMatch], towns: &mut Vec<Town<'_>>, from: usize) {
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
/// ([`CONTEXT_WORDS`]: "in Innisfail") or before a word for its people
/// ([`PEOPLE_WORDS`]: "Innisfail police", "a Lakeland man"), in a state or
/// province the document names with confidence (rule 2's `divisions`: a
/// report that names Queensland or its towns): a run of capitalised words
/// ([`capitalised_run`], [`capitalised_runs_before`]) outside the matches
/// and towns found, the only town of that name with
/// [`CONTEXT_TOWN_MIN_POPULATION`] people or more in the named divisions, or
/// the one in the division named most ([`town_in_divisions`]).
fn towns_in_context<'t>(
    table: &PlaceTable,
    text: &str,
    matches: &[EntityMatch],
    towns: &mut Vec<Town<'t>>,
    divisions: &Tally<(u32, u32)>,
) {
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
            if let Some(town) =
                town_in_divisions(table, text, matches, towns, divisions, start, name)
            {
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
                |(start, name)| {
                    town_in_divisions(table, text, matches, towns, divisions, start, name)
                },
            );
            towns.extend(found);
        }
    }
}

/// The town `name` at byte `start` of `text` names, when it is the only
/// town of that name with [`CONTEXT_TOWN_MIN_POPULATION`] people or more
/// in the named `divisions`, or the one in the division the document names
/// most, and not taken by a match or a town found.
/// Not a time or an institution ("in March", "in Congress";
/// [`NOT_TOWN_WORDS`]), a compass word, a name the document also writes in
/// lowercase ("in Hope" beside "hope"): words more often than towns.
fn town_in_divisions<'t>(
    table: &PlaceTable,
    text: &str,
    matches: &[EntityMatch],
    towns: &[Town<'t>],
    divisions: &Tally<(u32, u32)>,
    start: usize,
    name: &str,
) -> Option<Town<'t>> {
    let end = start + name.len();
    if NOT_TOWN_WORDS.contains(&name)
        || COMPASS_WORDS.iter().any(|w| w.eq_ignore_ascii_case(name))
        || taken(matches, towns, start, end)
    {
        return None;
    }
    let named = table.towns_named(&Gazetteer::normalize(name));
    // (town, how often the document names its division)
    let inside = named
        .iter()
        .filter(|(_, k)| k.admin1 != EMPTY && k.population >= CONTEXT_TOWN_MIN_POPULATION);
    let inside = inside.map(|&(n, k)| (n, divisions.get(&(k.country, k.admin1))));
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
    Some(Town { start, end, place, table: std::marker::PhantomData, candidates: named.len() })
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

/// The end and text of the run of one to three capitalised words that
/// starts at byte `start` (one space between words; a word's full stop
/// ends it), or `None` when none starts there, the run is longer or ends in
/// a possessive.
fn capitalised_run(text: &str, start: usize) -> Option<(usize, &str)> {
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

/// The runs of one, two and three capitalised words that end at byte `end`
/// (one space between words), longest first, as (start, text); none that
/// ends in a possessive ("Richardson's residents").
fn capitalised_runs_before(text: &str, end: usize) -> [Option<(usize, &str)>; 3] {
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

/// Whether a match follows byte `end` after a comma or an opening
/// parenthesis: a qualifier ("in Goa, India"), which rule 1b reads; a town
/// it did not place there is not in it.
fn qualified_after(text: &str, matches: &[EntityMatch], end: usize) -> bool {
    let next = matches.partition_point(|m| m.span().start < end);
    matches.get(next).is_some_and(|m| text.get(end..m.span().start).is_some_and(qualifies))
}

/// Whether `name` also stands in `text` in lowercase, as a word.
fn written_in_lowercase(text: &str, name: &str) -> bool {
    let lower = name.to_lowercase();
    memchr::memmem::find_iter(text.as_bytes(), lower.as_bytes())
        .any(|at| whole_word(text, at, at + lower.len()))
}

/// Whether `text[start..end]` is a whole word: no letter, digit or other
/// character of a town's name ([`town_char`]) touches it.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else { return false };
    !before.chars().next_back().is_some_and(town_char)
        && !after.chars().next().is_some_and(town_char)
}

/// Whether `text[start..end]` is a whole word and not part of a longer
/// capitalised name: no letter or digit touches it, and the words beside it
/// (one space away) are not capitalised, but for a preposition opening a
/// sentence or the word ending one before it.
fn lone_name(text: &str, start: usize, end: usize) -> bool {
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

/// Whether the text between two mentions joins them in a list: a comma,
/// "and", "or" ("Ohio, Utah and Wyoming").
fn joins_list(between: &str) -> bool {
    let t = between.trim_matches([' ', '\u{a0}']);
    matches!(t, "," | "and" | "or" | ", and" | ", or" | "&")
}

/// Whether a mention's first candidate (the gazetteer's first reading) is a
/// first-level division.
fn division_first(m: &Mention<'_>) -> bool {
    m.candidates.first().is_some_and(|c| c.key.kind == Kind::Adm1)
}

/// Rule 1c: a name the text itself makes a first-level division, where it
/// may be one. A name whose first reading is a division stays one on a list
/// beside a division of the same country ("Manitoba, Ontario and New
/// Brunswick", "West Virginia and Wyoming": not the towns of Ontario,
/// California, New Brunswick, New Jersey, or Wyoming, Michigan, which the
/// divisions named elsewhere would favour); a name after "the state of" is
/// a division wherever it may be one ("the state of Washington"). Applied
/// after one sense per document: another mention of the name is not held
/// to it.
fn divisions_named_as_such(text: &str, mentions: &[Mention<'_>], fixed: &mut [Option<Candidate>]) {
    let is_division = |c: &&Candidate| c.key.kind == Kind::Adm1;
    for (i, m) in mentions.iter().enumerate() {
        if m.nationality || fixed.get(i).is_none_or(Option::is_some) {
            continue;
        }
        if !m.candidates.iter().any(|c| is_division(&c)) {
            continue;
        }
        // The country its divisions may lie in: the neighbour's, or any.
        let country = match listed_beside(text, mentions, i, is_division, true) {
            Some(n) if division_first(m) => n.candidates.first().map(|c| c.key.country),
            _ if named_division_before(text, m.start) => None,
            _ => continue,
        };
        // The likeliest of its divisions there.
        let division = m
            .candidates
            .iter()
            .filter(is_division)
            .filter(|c| country.is_none_or(|country| c.key.country == country))
            .fold(None, |best: Option<&Candidate>, c| match best {
                Some(b) if b.prior >= c.prior => Some(b),
                _ => Some(c),
            });
        if let (Some(slot), Some(&c)) = (fixed.get_mut(i), division) {
            *slot = Some(c);
        }
    }
}

/// Rule 1c for countries: a name that may be a country is the country on a
/// list beside a name whose first reading is a country ("the Philippines,
/// Indonesia and Palau": not Palaú, a town of Mexico, which Mexico named
/// elsewhere would favour; "Chad, Niger and Mali"; not "Georgia, U.S.",
/// where the comma qualifies). Applied after one sense per document, as
/// rule 1c.
fn countries_listed_as_such(text: &str, mentions: &[Mention<'_>], fixed: &mut [Option<Candidate>]) {
    let is_country = |c: &&Candidate| c.key.is_country();
    for (i, m) in mentions.iter().enumerate() {
        if m.nationality || fixed.get(i).is_none_or(Option::is_some) {
            continue;
        }
        let Some(country) = m.candidates.iter().find(is_country) else { continue };
        // A comma before a country may qualify ("Georgia, U.S."): only "and"
        // or "or" makes a list of what follows.
        if listed_beside(text, mentions, i, is_country, false).is_some() {
            if let Some(slot) = fixed.get_mut(i) {
                *slot = Some(*country);
            }
        }
    }
}

/// The mention beside mention `i` on a list with it (a comma, "and", "or":
/// [`joins_list`]) whose first reading is of the kind `first` accepts, the
/// one before it first; with one after joined by a bare comma only if
/// `comma_after` (rules 1c: "Manitoba, Ontario and New Brunswick", "Chad,
/// Niger and Mali").
fn listed_beside<'m, 'c>(
    text: &str,
    mentions: &'m [Mention<'c>],
    i: usize,
    first: impl Fn(&&Candidate) -> bool,
    comma_after: bool,
) -> Option<&'m Mention<'c>> {
    let m = mentions.get(i)?;
    let like = |n: &&Mention<'_>| !n.nationality && n.candidates.first().is_some_and(|c| first(&c));
    let before = i
        .checked_sub(1)
        .and_then(|p| mentions.get(p))
        .filter(|p| like(p) && text.get(p.end..m.start).is_some_and(joins_list));
    before.or_else(|| {
        mentions.get(i + 1).filter(|n| {
            like(n)
                && text
                    .get(m.end..n.start)
                    .is_some_and(|t| joins_list(t) && (comma_after || t.trim() != ","))
        })
    })
}

/// Whether "the state of" (or another of [`DIVISION_WORDS`], then "of")
/// comes right before byte `start` of `text`.
fn named_division_before(text: &str, start: usize) -> bool {
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

/// One sense per document: a name qualified once keeps that place.
fn one_sense(mentions: &[Mention<'_>], fixed: &mut [Option<Candidate>]) {
    let mut qualified: Vec<(EntityId, Candidate)> = Vec::new();
    for (m, f) in mentions.iter().zip(fixed.iter()) {
        if let (Some(c), Some(first)) = (f, m.candidates.first()) {
            if !qualified.iter().any(|(e, _)| *e == first.entity) {
                qualified.push((first.entity, *c));
            }
        }
    }
    if qualified.is_empty() {
        return;
    }
    for (m, f) in mentions.iter().zip(fixed.iter_mut()) {
        if f.is_none() {
            if let Some(first) = m.candidates.first() {
                // Only a place this mention may be: another name whose
                // first entity is the same need not hold it ("Elm Haven"
                // after "Elmhaven, England").
                *f = qualified
                    .iter()
                    .find(|(e, _)| *e == first.entity)
                    .map(|&(_, c)| c)
                    .filter(|c| m.candidates.iter().any(|own| own.entity == c.entity));
            }
        }
    }
}

/// Rule 2: the document's confident countries and divisions, counted per
/// mention; a mention's own contribution never counts for itself. The
/// unqualified mentions of one list contribute alike: counted per list.
fn tally(
    mentions: &[Mention<'_>],
    fixed: &[Option<Candidate>],
    runs: &mut [Run],
    all: &[Candidate],
    countries: &mut Tally<u32>,
    divisions: &mut Tally<(u32, u32)>,
) {
    let mut count = |contribution: Option<(u32, u32)>, n: usize| {
        if let Some((country, admin1)) = contribution {
            countries.add(country, n);
            if admin1 != EMPTY {
                divisions.add((country, admin1), n);
            }
        }
    };
    for (m, f) in mentions.iter().zip(fixed) {
        match (f, runs.get_mut(m.run)) {
            (Some(c), _) => count(Some((c.key.country, c.key.admin1)).filter(known), 1),
            (None, Some(run)) => run.unqualified += 1,
            (None, None) => {}
        }
    }
    for run in runs.iter_mut().filter(|r| r.unqualified > 0) {
        let candidates = all.get(run.candidates.clone()).unwrap_or(&[]);
        run.own = contribution(candidates).filter(known);
        count(run.own, run.unqualified);
    }
}

/// Rule 2b: per country, the one first-level division where the most of
/// the document's ambiguous names (unqualified, in one country and several
/// of its divisions) have a candidate, two at least: towns of a local
/// report lie near one another ("Polk County ... a Lakeland man": both
/// have one in Florida). Between divisions where as many have one, the
/// likeliest: the most people in the names' biggest candidates there (so
/// "Orange County" and "Lake County" are one state's pair, not California's
/// Orange County and Indiana's Lake County). Divisions themselves are not
/// counted (a named division is rule 2's).
fn shared_divisions(runs: &[Run], all: &[Candidate]) -> Tally<(u32, u32)> {
    // Per division: (country, admin1), names with a candidate there, the
    // sum of their best priors there.
    let mut found: Vec<((u32, u32), usize, f64)> = Vec::new();
    let mut mine: Vec<((u32, u32), f64)> = Vec::new();
    for run in runs.iter().filter(|r| r.unqualified > 0 && !r.nationality) {
        let candidates = all.get(run.candidates.clone()).unwrap_or(&[]);
        if !within_one_country(candidates) {
            continue;
        }
        mine.clear();
        for c in candidates.iter().filter(|c| c.key.admin1 != EMPTY && c.key.kind != Kind::Adm1) {
            let at = (c.key.country, c.key.admin1);
            match mine.iter_mut().find(|(d, _)| *d == at) {
                Some((_, best)) => *best = best.max(c.prior),
                None => mine.push((at, c.prior)),
            }
        }
        if mine.len() < 2 {
            continue;
        }
        for &(at, prior) in &mine {
            match found.iter_mut().find(|(d, _, _)| *d == at) {
                Some((_, names, sum)) => (*names, *sum) = (*names + 1, *sum + prior),
                None => found.push((at, 1, prior)),
            }
        }
    }
    let mut shared = Tally::new();
    let better =
        |a: &((u32, u32), usize, f64), b: &((u32, u32), usize, f64)| (a.1, a.2) > (b.1, b.2);
    for d in found.iter().filter(|d| d.1 > 1) {
        let best_of_country = found
            .iter()
            .filter(|o| o.0 .0 == d.0 .0 && o.1 > 1)
            .all(|o| o.0 == d.0 || !better(o, d));
        if best_of_country {
            shared.add(d.0, d.1);
        }
    }
    shared
}

/// Whether `candidates` are places of one country and none of them the
/// country ("Polk County": twelve US counties): rule 2b's names. A name
/// of several countries is more often the country or city the world
/// knows ("Lebanon", "Palestine", "Paris") than a town of the report's.
fn within_one_country(candidates: &[Candidate]) -> bool {
    let country = candidates.first().map(|c| c.key.country);
    candidates.iter().all(|c| Some(c.key.country) == country && !c.key.is_country())
}

/// What rules 2 and 2b found in a document, for rule 3.
struct Context<'t> {
    countries: &'t Tally<u32>,
    divisions: &'t Tally<(u32, u32)>,
    shared: &'t Tally<(u32, u32)>,
}

impl Context<'static> {
    /// No context: the prior alone.
    const NONE: Context<'static> = Context {
        countries: &Tally(Vec::new()),
        divisions: &Tally(Vec::new()),
        shared: &Tally(Vec::new()),
    };
}

/// Rule 3: population prior plus context; an unqualified mention's choice
/// is its list's (its own contribution is the list's), made once. Nothing
/// is decoded here: the choice of each of the `matches` matches.
fn choose_all(
    matches: usize,
    mentions: &[Mention<'_>],
    fixed: &[Option<Candidate>],
    runs: &mut [Run],
    context: &Context<'_>,
) -> Vec<Option<Choice>> {
    let mut out: Vec<Option<Choice>> = vec![None; matches];
    for (m, f) in mentions.iter().zip(fixed) {
        let chosen = match (f, runs.get_mut(m.run)) {
            (Some(c), _) => Some(*c),
            (None, Some(run)) => {
                *run.chosen.get_or_insert_with(|| choose(m.candidates, context, run.own))
            }
            (None, None) => None,
        };
        if let (Some(c), Some(slot)) = (chosen, out.get_mut(m.at)) {
            *slot = Some(c.choice());
        }
    }
    out
}

/// The working lists of [`resolve`], kept by each thread between documents
/// (empty; lists grown past [`Scratch::KEPT`] items are let go).
#[derive(Default)]
struct Scratch {
    all: Vec<Candidate>,
    runs: Vec<Run>,
    index: Vec<(u32, usize)>,
    named: Vec<(usize, usize)>,
    fixed: Vec<Option<Candidate>>,
    countries: Vec<(u32, usize)>,
    divisions: Vec<((u32, u32), usize)>,
}

impl Scratch {
    /// Items a kept list may hold.
    const KEPT: usize = 1 << 14;

    /// The lists, emptied, to keep.
    fn emptied(self) -> Scratch {
        fn empty<T>(mut v: Vec<T>) -> Vec<T> {
            if v.capacity() > Scratch::KEPT {
                return Vec::new();
            }
            v.clear();
            v
        }
        let Scratch { all, runs, index, named, fixed, countries, divisions } = self;
        Scratch {
            all: empty(all),
            runs: empty(runs),
            index: empty(index),
            named: empty(named),
            fixed: empty(fixed),
            countries: empty(countries),
            divisions: empty(divisions),
        }
    }
}

thread_local! {
    /// This thread's working lists for [`resolve`].
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// What an unqualified mention of `candidates` tells of the document's
/// countries and divisions (rule 2): its country and division when it
/// names one with confidence.
fn contribution(candidates: &[Candidate]) -> Option<(u32, u32)> {
    let first = candidates.first()?;
    let p = first.key;
    // One candidate names its own country and division (both branches
    // below agree on it).
    if candidates.len() == 1 {
        return Some((p.country, p.admin1));
    }
    let big = |c: &&Candidate| c.key.is_qualifier();
    // (A region of the list that is a division by another name is that
    // division: the same place twice is one.)
    if big(&first)
        && candidates
            .iter()
            .filter(big)
            .all(|c| c.key.id == p.id || first.prior - c.prior >= DECISIVE)
        && choose(candidates, &Context::NONE, None).is_some_and(|q| q.key.id == p.id)
    {
        // The list's first choice is the name's only country or division,
        // or the far biggest, and the prior agrees: "Syria", "Texas",
        // "Florida" (the state, not Uruguay's department; not "Georgia", the
        // country and the state).
        Some((p.country, p.admin1))
    } else if candidates.iter().all(|c| c.key.country == p.country) {
        let same = candidates.iter().all(|c| c.key.admin1 == p.admin1);
        Some((p.country, if same { p.admin1 } else { EMPTY }))
    } else {
        None
    }
}

/// Whether a contribution names a country.
fn known(contribution: &(u32, u32)) -> bool {
    contribution.0 != EMPTY
}

/// The best of an unqualified mention's `candidates` by prior and context.
fn choose(
    candidates: &[Candidate],
    context: &Context<'_>,
    own: Option<(u32, u32)>,
) -> Option<Candidate> {
    let Context { countries, divisions, shared } = context;
    let within_country = !shared.0.is_empty() && within_one_country(candidates);
    // How many other mentions name this country / division.
    let others = |count: usize, mine: bool| count > usize::from(mine);
    if let [only] = candidates {
        return Some(*only);
    }
    // (score, in context, candidate) of the best and the runner-up; the
    // first listed wins a tie.
    let mut best: Option<(f64, bool, &Candidate)> = None;
    let mut second: Option<(f64, bool, &Candidate)> = None;
    for c in candidates {
        let p = c.key;
        let mut s = c.prior;
        let mut in_context = false;
        let own_country = own.is_some_and(|(c, _)| c == p.country);
        if others(countries.get(&p.country), own_country) {
            s += COUNTRY_BONUS;
            in_context = true;
        }
        if p.admin1 != EMPTY
            && p.kind != Kind::Adm1
            && others(
                divisions.get(&(p.country, p.admin1)),
                own_country && own.is_some_and(|(_, a)| a == p.admin1),
            )
        {
            s += ADMIN1_BONUS;
            in_context = true;
        }
        // (The division itself too: "Nagasaki", the prefecture or its city.)
        if within_country && p.admin1 != EMPTY && shared.get(&(p.country, p.admin1)) > 0 {
            s += SHARED_BONUS;
            in_context = true;
        }
        let scored = Some((s, in_context, c));
        if best.is_none_or(|b| s > b.0) {
            second = best;
            best = scored;
        } else if second.is_none_or(|b| s > b.0) {
            second = scored;
        }
    }
    let best = best?;
    if let Some(second) = second {
        if best.0 - second.0 < TIE
            && !best.1
            && !second.1
            && best.2.key.country != second.2.key.country
        {
            return None;
        }
    }
    Some(*best.2)
}

#[cfg(test)]
mod tests {
    use super::{marked_before, named_division_before, qualifies, town_head, RunIndex};

    #[test]
    fn capitalised_runs_before_read_one_to_three_words_longest_first() {
        fn runs(text: &str) -> Vec<&str> {
            super::capitalised_runs_before(text, text.len()).iter().flatten().map(|r| r.1).collect()
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
    fn capitalised_run_reads_one_to_three_words() {
        fn run(text: &str) -> Option<(usize, &str)> {
            super::capitalised_run(text, 0)
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
    fn run_index_finds_every_list_as_it_grows() {
        let mut index = RunIndex::new(Vec::new());
        let lists: Vec<u32> = (0..5000u32).map(|i| i.wrapping_mul(2_654_435_761)).collect();
        for (run, &list) in lists.iter().enumerate() {
            let slot = index.find(list).unwrap_err();
            index.insert(slot, list, run);
            assert!(index.len * 2 <= index.slots.len());
        }
        for (run, &list) in lists.iter().enumerate() {
            assert_eq!(index.find(list), Ok(run));
        }
        assert!(index.find(u32::MAX).is_err());
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
