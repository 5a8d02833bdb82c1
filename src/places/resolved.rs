//! One document's resolution: per match, where its chosen place comes from
//! (a record of the built-in table or a gazetteer row's place), decoded only
//! when asked. JSON is written from the record itself
//! (`json::places::table_place_json`), so a mention of a built-in place
//! costs no decoding.

use super::table::PlaceTable;
use super::{Place, UserPlaces};
use crate::gazetteer::EntityId;
use crate::util::remove_indices;
use std::borrow::Cow;

/// Where a match's chosen place comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Choice {
    /// Record `n` of the built-in places table.
    Table(u32),
    /// The place the gazetteer's own rows give this entity.
    User(EntityId),
}

/// The places resolution chose for one document's matches.
#[derive(Debug, Default)]
pub(crate) struct Resolved<'u> {
    user: Option<&'u UserPlaces>,
    /// One per match (empty when nothing was resolved).
    choices: Vec<Option<Choice>>,
    /// Every match's place, once [`decode_all`](Self::decode_all) made them.
    decoded: Vec<Option<Place>>,
    /// The matches a town found in their place stands for, in order
    /// ("Wales" of "Lake Wales").
    superseded: Vec<usize>,
}

impl<'u> Resolved<'u> {
    /// The choices `choices` (one per match), with the gazetteer's own
    /// places `user`.
    pub(crate) fn new(user: &'u UserPlaces, choices: Vec<Option<Choice>>) -> Resolved<'u> {
        Resolved { user: Some(user), choices, decoded: Vec::new(), superseded: Vec::new() }
    }

    /// These choices, with the matches `superseded` (in order) that towns
    /// stand for.
    pub(crate) fn superseding(mut self, superseded: Vec<usize>) -> Resolved<'u> {
        self.superseded = superseded;
        self
    }

    /// Drops the choices of the matches a town stands for and gives their
    /// indices (in order), for the caller to drop those matches too.
    pub(crate) fn take_superseded(&mut self) -> Vec<usize> {
        let superseded = std::mem::take(&mut self.superseded);
        remove_indices(&mut self.choices, &superseded);
        superseded
    }

    /// Where the place of match `i` comes from (`None`: not a place, or
    /// unresolved).
    #[inline]
    pub(crate) fn choice(&self, i: usize) -> Option<Choice> {
        self.choices.get(i).copied().flatten()
    }

    /// The record of the built-in places table that match `i`'s place comes
    /// from, if it comes from there (for the JSON route).
    #[cfg(feature = "serde")]
    #[inline]
    pub(crate) fn table_record(&self, i: usize) -> Option<u32> {
        match self.choice(i)? {
            Choice::Table(n) => Some(n),
            Choice::User(_) => None,
        }
    }

    /// The place of match `i`, decoded (borrowed when it is already, and a
    /// gazetteer row's place).
    pub(crate) fn place(&self, i: usize) -> Option<Cow<'_, Place>> {
        if !self.decoded.is_empty() {
            return self.decoded(i).map(Cow::Borrowed);
        }
        match self.choice(i)? {
            Choice::Table(n) => PlaceTable::builtin().place(n).map(Cow::Owned),
            Choice::User(e) => self.user?.get(e).map(Cow::Borrowed),
        }
    }

    /// The place of match `i` as [`decode_all`](Self::decode_all) made it
    /// (`None` before).
    pub(crate) fn decoded(&self, i: usize) -> Option<&Place> {
        self.decoded.get(i)?.as_ref()
    }

    /// Decodes the place of every match, for [`decoded`](Self::decoded).
    pub(crate) fn decode_all(&mut self) {
        if self.decoded.is_empty() {
            self.decoded = self.places();
        }
    }

    /// The place of every match, in order; a record a document names again
    /// is decoded once and copied after that.
    pub(crate) fn places(&self) -> Vec<Option<Place>> {
        let table = PlaceTable::builtin();
        let mut out: Vec<Option<Place>> = Vec::with_capacity(self.choices.len());
        // The match a record was last decoded for, in a slot by its number:
        // a document names its places again and again (one sense per
        // document), and a copy costs less than decoding.
        let mut decoded = [(u32::MAX, 0usize); 64];
        for (i, choice) in self.choices.iter().enumerate() {
            let place = match *choice {
                None => None,
                Some(Choice::User(e)) => self.user.and_then(|u| u.get(e)).cloned(),
                Some(Choice::Table(n)) => match decoded.get_mut(n as usize % 64) {
                    Some(&mut (record, at)) if record == n => out.get(at).cloned().flatten(),
                    Some(slot) => {
                        *slot = (n, i);
                        table.place(n)
                    }
                    None => table.place(n),
                },
            };
            out.push(place);
        }
        out
    }
}
