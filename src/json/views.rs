//! Borrowed views of the records, each written exactly as its record's
//! derived `Serialize` writes it. A view is made from a [`Document`]'s
//! record or straight from an analysis's findings (no record, no `String`
//! per record), so both routes write the same bytes.
//!
//! [`Document`]: crate::document::Document

use super::places::{PlaceJson, PlaceRef, Recent};
use super::record::record;
use crate::casualties::{CasualtyFact, Outcome};
use crate::document::{CasualtyRecord, CountRecord, EntityRecord, LocationRecord, TextSpan};
use crate::numbers::{Interval, NumberKind, NumberPhrase};
use crate::span::Span;
use crate::util::{in_range, load8, HIGH};
use serde::Serialize;

/// A [`TextSpan`].
#[derive(Serialize)]
#[serde(rename = "TextSpan")]
pub(crate) struct SpanView<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: &'a str,
}

impl<'a> SpanView<'a> {
    /// The span `span` of `text`.
    pub(crate) fn of(text: &'a str, span: Span) -> SpanView<'a> {
        SpanView { start: span.start, end: span.end, text: span.slice(text).unwrap_or("") }
    }
}

impl<'a> From<&'a TextSpan> for SpanView<'a> {
    fn from(s: &'a TextSpan) -> SpanView<'a> {
        SpanView { start: s.start, end: s.end, text: &s.text }
    }
}

/// A [`NumberRecord`](crate::document::NumberRecord).
#[derive(Serialize)]
#[serde(rename = "NumberRecord")]
pub(crate) struct NumberView<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: &'a str,
    pub(crate) kind: NumberKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) unit: Option<&'a str>,
    pub(crate) interval: Interval,
    pub(crate) approximate: bool,
    pub(crate) noun: Option<SpanView<'a>>,
}

impl<'a> NumberView<'a> {
    /// The phrase `p` found in `text`.
    pub(crate) fn of(text: &'a str, p: &NumberPhrase<'a>) -> NumberView<'a> {
        NumberView {
            start: p.span().start,
            end: p.span().end,
            text: p.as_str(),
            kind: p.kind(),
            unit: p.unit(),
            interval: p.interval(),
            approximate: p.is_approximate(),
            noun: p.noun().map(|n| SpanView::of(text, n)),
        }
    }
}

/// A [`CountRecord`].
#[derive(Serialize)]
#[serde(rename = "CountRecord")]
pub(crate) struct CountView<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: &'a str,
    pub(crate) interval: Interval,
    pub(crate) approximate: bool,
}

impl<'a> From<&'a CountRecord> for CountView<'a> {
    fn from(c: &'a CountRecord) -> CountView<'a> {
        CountView {
            start: c.start,
            end: c.end,
            text: &c.text,
            interval: c.interval,
            approximate: c.approximate,
        }
    }
}

/// A [`LocationRecord`]; `P` is its place: from the thread's memory of
/// places for JSON ([`PlaceJson`]), or the place itself for other formats.
#[derive(Serialize)]
#[serde(rename = "LocationRecord")]
pub(crate) struct LocationView<'a, P = PlaceJson<'a>> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: &'a str,
    pub(crate) place: P,
}

impl<'a> From<&'a LocationRecord> for LocationView<'a> {
    fn from(l: &'a LocationRecord) -> LocationView<'a> {
        LocationView {
            start: l.start,
            end: l.end,
            text: &l.text,
            place: PlaceJson(l.place.as_ref()),
        }
    }
}

/// A [`CasualtyRecord`]; `P` is its location's place (see [`LocationView`]).
#[derive(Serialize)]
#[serde(rename = "CasualtyRecord")]
pub(crate) struct CasualtyView<'a, P = PlaceJson<'a>> {
    pub(crate) outcome: Outcome,
    pub(crate) count: CountView<'a>,
    pub(crate) victims: Option<SpanView<'a>>,
    pub(crate) location: Option<LocationView<'a, P>>,
    pub(crate) hedged: bool,
}

impl<'a> From<&'a CasualtyRecord> for CasualtyView<'a> {
    fn from(c: &'a CasualtyRecord) -> CasualtyView<'a> {
        CasualtyView {
            outcome: c.outcome,
            count: CountView::from(&c.count),
            victims: c.victims.as_ref().map(SpanView::from),
            location: c.location.as_ref().map(LocationView::from),
            hedged: c.hedged,
        }
    }
}

impl<'a, P> CasualtyView<'a, P> {
    /// The fact `f` found in `text`; `place` gives its location's place.
    pub(crate) fn of(text: &'a str, f: &CasualtyFact, place: impl FnOnce(Span) -> P) -> Self {
        let count = f.count();
        let span = count.span();
        CasualtyView {
            outcome: f.outcome(),
            count: CountView {
                start: span.start,
                end: span.end,
                text: span.slice(text).unwrap_or(""),
                interval: count.interval(),
                approximate: count.is_approximate(),
            },
            victims: f.victims().map(|s| SpanView::of(text, s)),
            location: f.location().map(|s| LocationView {
                start: s.start,
                end: s.end,
                text: s.slice(text).unwrap_or(""),
                place: place(s),
            }),
            hedged: f.is_hedged(),
        }
    }
}

/// An [`EntityRecord`], written by hand (the commonest long record).
pub(crate) struct EntityView<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: &'a str,
    pub(crate) label: &'a str,
    pub(crate) id: &'a str,
    pub(crate) canonical: &'a str,
    pub(crate) candidates: usize,
    pub(crate) place: PlaceRef<'a>,
}

impl<'a> From<&'a EntityRecord> for EntityView<'a> {
    fn from(e: &'a EntityRecord) -> EntityView<'a> {
        EntityView {
            start: e.start,
            end: e.end,
            text: &e.text,
            label: &e.label,
            id: &e.id,
            canonical: &e.canonical,
            candidates: e.candidates,
            place: e.place.as_ref().into(),
        }
    }
}

impl EntityView<'_> {
    /// Appends the record's JSON; a place of this document written before
    /// is copied from `buf` (`recent` knows where).
    pub(crate) fn write(&self, buf: &mut Vec<u8>, recent: &mut Recent) {
        record(buf, |r| {
            r.span(self.start, self.end);
            r.literal(b",\"text\":");
        });
        string(buf, self.text);
        buf.extend_from_slice(b",\"label\":");
        string(buf, self.label);
        buf.extend_from_slice(b",\"id\":");
        string(buf, self.id);
        buf.extend_from_slice(b",\"canonical\":");
        string(buf, self.canonical);
        record(buf, |r| {
            r.literal(b",\"candidates\":");
            r.number(self.candidates);
            r.literal(b",\"place\":");
        });
        match self.place {
            PlaceRef::Place(place) => recent.write(buf, place),
            PlaceRef::Table(record) => recent.write_record(buf, record),
            PlaceRef::None => buf.extend_from_slice(b"null"),
        }
        buf.push(b'}');
    }
}

/// Appends `s` as a JSON string, as serde_json writes it: quoted as it is
/// when nothing in it needs escaping (no control character, quote or
/// backslash; checked eight bytes a step), else through serde_json.
pub(crate) fn string(buf: &mut Vec<u8>, s: &str) {
    if needs_escape(s.as_bytes()) {
        // Writing into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *buf, s);
    } else {
        buf.reserve(s.len() + 2);
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    }
}

/// Whether a byte of `bytes` is below 0x20, a quote or a backslash.
fn needs_escape(bytes: &[u8]) -> bool {
    let mut words = bytes.chunks_exact(8);
    for word in words.by_ref() {
        let x = load8(word, 0);
        let lanes = in_range(x, 0, 0x1f) | in_range(x, b'"', b'"') | in_range(x, b'\\', b'\\');
        // `in_range` reads seven bits a byte: non-ASCII bytes are not marks.
        if lanes & !x & HIGH != 0 {
            return true;
        }
    }
    words.remainder().iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

#[cfg(test)]
mod tests {
    use super::{needs_escape, string};

    #[test]
    fn strings_as_serde_json_writes_them() {
        let mut cases: Vec<String> = [
            "",
            "Aleppo",
            "Zürich, Switzerland",
            "a\"b",
            "back\\slash",
            "tab\there",
            "\u{1f}",
            "\u{7f}del",
            "北京 🙂",
            "exactly8",
            "sixteen bytes!!!",
            "seventeen bytes!!",
            // Bytes whose low seven bits are a quote, a backslash or a control.
            "price ¢ in Ü\u{9c}ber ÜÜ",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every byte value below 0x80 at every place of a 17-byte string.
        for b in 0u8..0x80 {
            for at in 0..17 {
                let mut bytes = vec![b'x'; 17];
                bytes[at] = b;
                cases.push(String::from_utf8(bytes).unwrap());
            }
        }
        for s in &cases {
            let mut buf = b"x".to_vec();
            string(&mut buf, s);
            assert_eq!(buf[1..], serde_json::to_vec(s).unwrap(), "{s:?}");
            let escaped = s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\');
            assert_eq!(needs_escape(s.as_bytes()), escaped, "{s:?}");
        }
    }
}
