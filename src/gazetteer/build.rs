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

/// The capitalisation requirement of a name under a case mode.
fn requirement(name: &str, mode: CaseMode) -> Req {
    if mode == CaseMode::Insensitive {
        return REQ_ANY;
    }
    let Some(first) = name.chars().find(|c| !c.is_whitespace()) else { return REQ_ANY };
    if !fold::is_capital(first) {
        return REQ_ANY;
    }
    let mut capitals = 0usize;
    for c in name.chars() {
        if c.is_lowercase() {
            return REQ_TITLE;
        }
        if fold::is_capital(c) {
            capitals += 1;
        }
    }
    if capitals >= 2 {
        REQ_CAPS
    } else {
        REQ_TITLE
    }
}

/// One name row of the build: its folded key in the arena, its entity and
/// the capitalisation the text must have.
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

pub(super) fn build<'a>(
    rows: impl Iterator<Item = parse::RowRef<'a>>,
    rows_len: usize,
    mode: CaseMode,
    context_rules: bool,
) -> Result<Gazetteer, Error> {
    let too_big = || Error::limit("more gazetteer names or entities than fit a u32");
    // std's keyed SipHash: ids are untrusted input, and an unkeyed fast hash
    // let ids sharing a prefix ("x:1", "x:2", ...) collide into quadratic time.
    let mut ids: HashMap<&str, u32> = HashMap::with_capacity(rows_len / 2);
    let mut labels: HashMap<&str, Arc<str>> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut places: Vec<Option<Box<PlaceColumns>>> = Vec::new();
    // Folded names, concatenated; per row its key, entity and requirement.
    let mut arena: Vec<u8> = Vec::new();
    let mut names: Vec<NameRow> = Vec::with_capacity(rows_len);
    for row in rows {
        let entity = match ids.get(row.id) {
            Some(&e) => e,
            None => {
                let e = u32::try_from(entities.len()).map_err(|_| too_big())?;
                let label = labels.entry(row.label).or_insert_with(|| Arc::from(row.label)).clone();
                let mut text = String::with_capacity(row.id.len() + row.canonical.len());
                text.push_str(row.id);
                text.push_str(row.canonical);
                let id_len = u32::try_from(row.id.len()).map_err(|_| too_big())?;
                entities.push(Entity { text: text.into_boxed_str(), id_len, label });
                ids.insert(row.id, e);
                e
            }
        };
        // The first row of an entity that gives a place sets it.
        if let Some(place) = row.place {
            if places.len() < entities.len() {
                places.resize(entities.len(), None);
            }
            if let Some(slot @ None) = places.get_mut(entity as usize) {
                *slot = Some(Box::new(place.clone()));
            }
        }
        let case = match row.case {
            CASE_SMART => CaseMode::Smart,
            CASE_INSENSITIVE => CaseMode::Insensitive,
            _ => mode,
        };
        let start = u32::try_from(arena.len()).map_err(|_| too_big())?;
        fold::fold_name_into(row.name, &mut arena);
        let end = u32::try_from(arena.len()).map_err(|_| too_big())?;
        if end > start {
            names.push(NameRow {
                key_start: start,
                key_end: end,
                entity,
                req: requirement(row.name, case),
            });
        }
    }
    drop(ids);
    let key = |n: &NameRow| arena.get(n.key_start as usize..n.key_end as usize).unwrap_or(&[]);
    // Sorting on the first 8 key bytes as one number first saves most of
    // the byte-string comparisons.
    let head = |n: &NameRow| {
        let k = key(n);
        let mut w = [0u8; 8];
        for (slot, &b) in w.iter_mut().zip(k) {
            *slot = b;
        }
        u64::from_be_bytes(w)
    };
    let mut order: Vec<SortKey> =
        names.iter().enumerate().map(|(i, n)| SortKey { head: head(n), row: i as u32 }).collect();
    let at = |i: u32| names.get(i as usize).copied().unwrap_or_default();
    order.sort_unstable_by(|x, y| {
        x.head.cmp(&y.head).then_with(|| {
            let (a, b) = (at(x.row), at(y.row));
            key(&a).cmp(key(&b)).then(a.entity.cmp(&b.entity)).then(a.req.cmp(&b.req))
        })
    });
    let names: Vec<NameRow> = order.iter().map(|o| at(o.row)).collect();
    drop(order);
    // One (entity, requirement) per entity and key: the least requirement
    // wins, as its names are alternatives.
    let mut entries: Vec<KeyEntry> = Vec::with_capacity(names.len());
    let mut groups: Vec<KeyGroup> = Vec::new();
    let mut i = 0usize;
    while let Some(first) = names.get(i) {
        let k = key(first);
        let begin = entries.len();
        let mut j = i;
        while let Some(n) = names.get(j) {
            if key(n) != k {
                break;
            }
            if entries.len() == begin || entries.last().is_some_and(|e| e.entity != n.entity) {
                entries.push(KeyEntry { entity: n.entity, req: n.req });
            }
            j += 1;
        }
        groups.push(KeyGroup { first_row: i, entries_start: begin, entries_end: entries.len() });
        i = j;
    }
    let keys: Vec<KeyEntries<'_>> = groups
        .iter()
        .map(|g| KeyEntries {
            key: names.get(g.first_row).map_or(&[][..], key),
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
