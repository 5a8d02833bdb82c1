//! The resolution rules: per document, deterministic, each choice made by one
//! named rule (see [`PlaceResolver`](super::PlaceResolver) for the order).
//! The towns the gazetteer does not list are found by `towns.rs` (rules 1b
//! and 1d); what the rules read of the text around a mention, by
//! `marks.rs`.

use super::marks::{joins_list, marked_before, named_division_before, qualifies};
use super::resolved::{Choice, Resolved};
use super::table::{Kind, PlaceKey, EMPTY, NONE};
use super::towns::{
    qualify_by_postal_code, qualify_towns, repeat_towns, towns_in_context, towns_over_matches,
    Named, Town,
};
use super::{PlaceResolver, PlaceTable, UserPlaces};
use crate::gazetteer::{EntityId, EntityMatch, Gazetteer};
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
/// A country or division that many times more people live in than any
/// other of its name (in ln units: 20 times) names itself with confidence
/// (rule 2): "Florida", the state of 16 million, not Uruguay's department.
const DECISIVE: f64 = 3.0;
/// A town that is home to at least 1/`SEAT_SHARE` of the people of a lower
/// division of its name stands for it ([`seat_named`]).
const SEAT_SHARE: u64 = 5;
/// Best candidates closer than this in score, in different countries and
/// with no context for either, are a coin toss: unresolved.
const TIE: f64 = 0.05;

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
pub(super) struct Candidate {
    pub(super) entity: EntityId,
    pub(super) prior: f64,
    pub(super) key: PlaceKey,
    /// Its record in the built-in table; `NONE`: the gazetteer's own place.
    pub(super) record: u32,
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
pub(super) struct Mention<'c> {
    pub(super) at: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) nationality: bool,
    /// Whether a comma, an opening parenthesis or "in" after a capitalised
    /// word comes before it ([`marked_before`]): what rules 1 and 1b look for.
    pub(super) marked: bool,
    pub(super) candidates: &'c [Candidate],
    /// Its candidate list's [`Run`].
    pub(super) run: usize,
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
pub(super) struct Tally<K>(pub(super) Vec<(K, usize)>);

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

    pub(super) fn get(&self, key: &K) -> usize {
        self.0.iter().find(|(k, _)| k == key).map_or(0, |&(_, n)| n)
    }
}

/// Whether `inner` lies inside the country or division `outer`.
pub(super) fn inside(inner: &PlaceKey, outer: &PlaceKey) -> bool {
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
    // The matches a town found in their place stands for (rules 1b, 1e).
    let mut superseded = Vec::new();
    if let Some(towns) = towns_wanted.as_deref_mut() {
        let from = towns.len();
        qualify_by_postal_code(table, text, matches, &mentions, &mut fixed, towns, &mut superseded);
        repeat_towns(text, matches, towns, from);
    }
    // Rules 1 and 1b read a mark before a mention; most documents have
    // none, and nothing for one sense per document to spread then.
    if mentions.iter().any(|m| m.marked) {
        qualify_pairs(text, &mentions, &mut fixed);
        if let Some(towns) = towns_wanted.as_deref_mut() {
            let from = towns.len();
            qualify_towns(table, text, matches, &mentions, &mut fixed, towns);
            repeat_towns(text, matches, towns, from);
        }
    }
    if fixed.iter().any(Option::is_some) {
        one_sense(&mentions, &mut fixed);
    }
    divisions_named_as_such(text, &mentions, &mut fixed);
    countries_listed_as_such(text, &mentions, &mut fixed);
    let mut countries: Tally<u32> = Tally(countries);
    let mut divisions: Tally<(u32, u32)> = Tally(divisions);
    tally(&mentions, &fixed, &mut runs, &all, &mut countries, &mut divisions);
    let shared = shared_divisions(&runs, &all);
    if let Some(towns) = towns_wanted {
        if !divisions.0.is_empty() || !shared.0.is_empty() {
            let from = towns.len();
            let named = Named { countries: &countries, divisions: &divisions, shared: &shared };
            towns_over_matches(table, text, matches, &mentions, towns, &named, &mut superseded);
            towns_in_context(table, text, matches, towns, &named);
            repeat_towns(text, matches, towns, from);
        }
    }
    let context = Context { countries: &countries, divisions: &divisions, shared: &shared };
    let out = choose_all(matches.len(), &mentions, &fixed, &mut runs, &context);
    drop(mentions);
    SCRATCH.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            let (index, countries, divisions) = (index.slots, countries.0, divisions.0);
            *s = Scratch { all, runs, index, named, fixed, countries, divisions }.emptied();
        }
    });
    superseded.sort_unstable();
    superseded.dedup();
    Resolved::new(user, out).superseding(superseded)
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
        // "Syria, Iraq", "Texas, California": a list, not a qualifier; but a
        // country-first name before a division may be a town of it
        // ("Lebanon, Ohio").
        let first = |m: &Mention<'_>, kind: fn(&PlaceKey) -> bool| {
            m.candidates.first().is_some_and(|c| kind(&c.key))
        };
        let big = |m: &Mention<'_>| {
            m.candidates.first().is_none_or(|c| c.key.is_country() || c.key.is_division())
        };
        let town_of_division = first(a, PlaceKey::is_country) && first(b, PlaceKey::is_division);
        if a.nationality || b.nationality || (big(a) && !town_of_division) {
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

/// Whether `c` is a lower division named by its seat: a town of the same
/// name in its first-level division, home to at least a fifth of the
/// division's people, is a candidate too ("Kharkiv", the city, not Kharkiv
/// Raion, whose GeoNames population is larger; "Madrid", the capital, not
/// its province). News names the town; a district is named with its word
/// ("Kharkiv Raion"). A small town does not stand for its province
/// ("Rizal", the Philippine province, not its town).
fn seat_named(c: &Candidate, candidates: &[Candidate]) -> bool {
    c.key.kind == Kind::Division
        && c.key.admin1 != EMPTY
        && candidates.iter().any(|o| {
            o.key.kind == Kind::Other
                && o.key.country == c.key.country
                && o.key.admin1 == c.key.admin1
                && o.key.population.saturating_mul(SEAT_SHARE) >= c.key.population
        })
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
        if seat_named(c, candidates) {
            continue;
        }
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
    use super::RunIndex;

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
}
