//! The index build: rows to entities, folded keys and their candidate
//! lists, compiled into the matcher.

use super::columns::PlaceColumns;
use super::fold;
use super::matcher::{KeyEntries, KeyEntry, Matcher, Req, REQ_ANY, REQ_CAPS, REQ_TITLE};
use super::parse::{self, CASE_INSENSITIVE, CASE_SMART};
use super::{CaseMode, Entity, Gazetteer, Inner};
use crate::error::Error;
use std::collections::HashMap;
use std::sync::Arc;

/// The capitalisation requirement of a name under a case mode. ASCII
/// characters are classed by byte, without decoding.
fn requirement(name: &str, mode: CaseMode) -> Req {
    if mode == CaseMode::Insensitive {
        return REQ_ANY;
    }
    let Some(first) = name.chars().find(|c| !c.is_whitespace()) else { return REQ_ANY };
    if !fold::is_capital(first) {
        return REQ_ANY;
    }
    let mut capitals = 0usize;
    let bytes = name.as_bytes();
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        let (lower, capital) = if b < 0x80 {
            i += 1;
            (b.is_ascii_lowercase(), b.is_ascii_uppercase())
        } else {
            let Some(c) = fold::char_at(name, i) else { break };
            i += c.len_utf8();
            (c.is_lowercase(), fold::is_capital(c))
        };
        if lower {
            return REQ_TITLE;
        }
        if capital {
            capitals += 1;
        }
    }
    if capitals >= 2 {
        REQ_CAPS
    } else {
        REQ_TITLE
    }
}

/// One name row of the build: its folded key in the arena, its entity (the
/// row's number until the entities are known) and the capitalisation the
/// text must have.
#[derive(Clone, Copy, Default)]
struct NameRow {
    key_start: u32,
    key_end: u32,
    entity: u32,
    req: Req,
}

/// A name row's place in the sort: the first 8 bytes of its key as one
/// number (most comparisons end there), and the row.
#[derive(Clone, Copy)]
struct SortKey {
    head: u64,
    row: u32,
}

/// The rows sharing one folded key: where they start among the sorted rows,
/// and their (entity, requirement) entries.
#[derive(Clone, Copy)]
struct KeyGroup {
    first_row: usize,
    entries_start: usize,
    entries_end: usize,
}

/// The entities of the rows: each distinct id in the order first given,
/// with the label and canonical name of its first row and the first place
/// given; and per row, its entity.
struct Entities {
    entities: Vec<Entity>,
    places: Vec<Option<Box<PlaceColumns>>>,
    of_row: Vec<u32>,
}

fn too_big() -> Error {
    Error::limit("more gazetteer names or entities than fit a u32")
}

fn entities<'a>(
    rows: impl Iterator<Item = parse::RowRef<'a>>,
    rows_len: usize,
) -> Result<Entities, Error> {
    // std's keyed SipHash: ids are untrusted input, and an unkeyed fast hash
    // let ids sharing a prefix ("x:1", "x:2", ...) collide into quadratic time.
    let mut ids: HashMap<&str, u32> = HashMap::with_capacity(rows_len / 2);
    let mut labels: HashMap<&str, Arc<str>> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut places: Vec<Option<Box<PlaceColumns>>> = Vec::new();
    let mut of_row: Vec<u32> = Vec::with_capacity(rows_len);
    // The entity and label of the row before: a gazetteer's names of one
    // entity are usually consecutive rows, which then skip the hash maps.
    let mut last_entity: Option<(&str, u32)> = None;
    let mut last_label: Option<(&str, Arc<str>)> = None;
    for row in rows {
        let known = match last_entity {
            Some((id, e)) if id == row.id => Some(e),
            _ => ids.get(row.id).copied(),
        };
        let entity = match known {
            Some(e) => e,
            None => {
                let e = u32::try_from(entities.len()).map_err(|_| too_big())?;
                let label = match &last_label {
                    Some((text, label)) if *text == row.label => label.clone(),
                    _ => {
                        let label =
                            labels.entry(row.label).or_insert_with(|| Arc::from(row.label)).clone();
                        last_label = Some((row.label, label.clone()));
                        label
                    }
                };
                let mut text = String::with_capacity(row.id.len() + row.canonical.len());
                text.push_str(row.id);
                text.push_str(row.canonical);
                let id_len = u32::try_from(row.id.len()).map_err(|_| too_big())?;
                entities.push(Entity { text: text.into_boxed_str(), id_len, label });
                ids.insert(row.id, e);
                e
            }
        };
        last_entity = Some((row.id, entity));
        // The first row of an entity that gives a place sets it.
        if let Some(place) = row.place {
            if places.len() < entities.len() {
                places.resize(entities.len(), None);
            }
            if let Some(slot @ None) = places.get_mut(entity as usize) {
                *slot = Some(Box::new(place.clone()));
            }
        }
        of_row.push(entity);
    }
    Ok(Entities { entities, places, of_row })
}

/// Folded names, concatenated, and their rows.
#[derive(Default)]
struct Names {
    arena: Vec<u8>,
    rows: Vec<NameRow>,
}

impl Names {
    fn key(&self, n: &NameRow) -> &[u8] {
        self.arena.get(n.key_start as usize..n.key_end as usize).unwrap_or(&[])
    }

    /// The first 8 key bytes as one number: sorting on it first saves most
    /// of the byte-string comparisons.
    fn head(&self, n: &NameRow) -> u64 {
        let mut w = [0u8; 8];
        for (slot, &b) in w.iter_mut().zip(self.key(n)) {
            *slot = b;
        }
        u64::from_be_bytes(w)
    }

    /// The names of `rows` (numbered from `first`), folded, each row's
    /// number in `entity`, sorted by key.
    fn fold_sorted<'a>(
        rows: impl Iterator<Item = parse::RowRef<'a>>,
        first: usize,
        len: usize,
        mode: CaseMode,
    ) -> Result<Names, Error> {
        let mut names = Names { arena: Vec::new(), rows: Vec::with_capacity(len) };
        for (i, row) in rows.enumerate() {
            let case = match row.case {
                CASE_SMART => CaseMode::Smart,
                CASE_INSENSITIVE => CaseMode::Insensitive,
                _ => mode,
            };
            let start = u32::try_from(names.arena.len()).map_err(|_| too_big())?;
            fold::fold_name_into(row.name, &mut names.arena);
            let end = u32::try_from(names.arena.len()).map_err(|_| too_big())?;
            if end > start {
                names.rows.push(NameRow {
                    key_start: start,
                    key_end: end,
                    entity: u32::try_from(first + i).map_err(|_| too_big())?,
                    req: requirement(row.name, case),
                });
            }
        }
        let mut order: Vec<SortKey> = names
            .rows
            .iter()
            .enumerate()
            .map(|(i, n)| SortKey { head: names.head(n), row: i as u32 })
            .collect();
        let at = |i: u32| names.rows.get(i as usize).copied().unwrap_or_default();
        order.sort_unstable_by(|x, y| {
            x.head.cmp(&y.head).then_with(|| names.key(&at(x.row)).cmp(names.key(&at(y.row))))
        });
        names.rows = order.iter().map(|o| at(o.row)).collect();
        Ok(names)
    }

    /// Merges two sorted halves into one, sorted by key.
    fn merge(mut self, tail: Names) -> Result<Names, Error> {
        if tail.rows.is_empty() {
            return Ok(self);
        }
        let base = self.arena.len();
        self.arena.extend_from_slice(&tail.arena);
        u32::try_from(self.arena.len()).map_err(|_| too_big())?;
        let shift = |n: NameRow| NameRow {
            key_start: n.key_start + base as u32,
            key_end: n.key_end + base as u32,
            ..n
        };
        let mut rows = Vec::with_capacity(self.rows.len() + tail.rows.len());
        let (mut a, mut b) =
            (self.rows.iter().peekable(), tail.rows.iter().map(|&n| shift(n)).peekable());
        loop {
            let take_a = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) => self.key(x) <= self.key(y),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let next = if take_a { a.next().copied() } else { b.next() };
            rows.extend(next);
        }
        self.rows = rows;
        Ok(self)
    }
}

/// Builds a gazetteer of `sets` of rows, in order.
pub(super) fn build(
    sets: &[&parse::Rows],
    mode: CaseMode,
    context_rules: bool,
) -> Result<Gazetteer, Error> {
    let rows = || sets.iter().flat_map(|r| r.iter());
    let rows_len: usize = sets.iter().map(|r| r.len()).sum();
    // A large gazetteer: two thirds of the names here, the entities and the
    // last third of the names on a second core (the entities cost about as
    // much as folding and sorting a third of the names: callgrind, GeoNames).
    let split = super::parallel::worth_splitting(rows_len.saturating_mul(64));
    let cut = if split { rows_len / 3 * 2 } else { rows_len };
    let (head, second) = super::parallel::join(
        split,
        || Names::fold_sorted(rows().take(cut), 0, cut, mode),
        || -> Result<_, Error> {
            let entities = entities(rows(), rows_len)?;
            Ok((entities, Names::fold_sorted(rows().skip(cut), cut, rows_len - cut, mode)?))
        },
    );
    let (Entities { mut entities, mut places, of_row }, tail) = second?;
    let mut names = head?.merge(tail)?;
    // Rows to entities; within a key, by entity and requirement.
    for n in &mut names.rows {
        n.entity = of_row.get(n.entity as usize).copied().unwrap_or_default();
    }
    drop(of_row);
    // One (entity, requirement) per entity and key: the least requirement
    // wins, as its names are alternatives.
    let mut entries: Vec<KeyEntry> = Vec::with_capacity(names.rows.len());
    let mut groups: Vec<KeyGroup> = Vec::new();
    let mut i = 0usize;
    while let Some(first) = names.rows.get(i) {
        let run = {
            let k = names.key(first);
            let rest = names.rows.get(i..).unwrap_or(&[]);
            rest.iter().take_while(|n| names.key(n) == k).count().max(1)
        };
        let same = names.rows.get_mut(i..i + run).unwrap_or(&mut []);
        if run > 1 {
            same.sort_unstable_by_key(|n| (n.entity, n.req));
        }
        let begin = entries.len();
        for n in same.iter() {
            if entries.len() == begin || entries.last().is_some_and(|e| e.entity != n.entity) {
                entries.push(KeyEntry { entity: n.entity, req: n.req });
            }
        }
        groups.push(KeyGroup { first_row: i, entries_start: begin, entries_end: entries.len() });
        i += run;
    }
    let keys: Vec<KeyEntries<'_>> = groups
        .iter()
        .map(|g| KeyEntries {
            key: names.rows.get(g.first_row).map_or(&[][..], |n| names.key(n)),
            entries: entries.get(g.entries_start..g.entries_end).unwrap_or(&[]),
        })
        .collect();
    let matcher = Matcher::build(&keys);
    entities.shrink_to_fit();
    places.shrink_to_fit();
    Ok(Gazetteer {
        inner: Arc::new(Inner {
            matcher,
            entities,
            case_mode: mode,
            context_rules,
            builtin: false,
            places,
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirement_rules() {
        let s = CaseMode::Smart;
        assert_eq!(requirement("Aleppo", s), REQ_TITLE);
        assert_eq!(requirement("New York", s), REQ_TITLE);
        assert_eq!(requirement("UN", s), REQ_CAPS);
        assert_eq!(requirement("U.S.", s), REQ_CAPS);
        assert_eq!(requirement("A", s), REQ_TITLE);
        assert_eq!(requirement("al-Quds", s), REQ_ANY);
        assert_eq!(requirement("10 Downing Street", s), REQ_ANY);
        assert_eq!(requirement("UN", CaseMode::Insensitive), REQ_ANY);
    }
}
