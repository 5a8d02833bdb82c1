//! Gazetteer input: rows stored compactly in the builder, and the TSV and
//! JSON Lines loaders, which report the 1-based line of any malformed input.
//!
//! Both formats: UTF-8 (checked per line when given bytes), an optional
//! leading byte-order mark, LF or CRLF line ends; blank lines are skipped.
//! TSV also skips lines whose first character is `#`. Either may carry the
//! place columns (`columns.rs`): TSV under a header line, JSON Lines as
//! fields.

use super::columns::{parse_number, PlaceColumns, PlaceValues, PLACE_COLUMNS};
use crate::error::Error;
use crate::util::{in_range, load8, HIGH};

/// Case requirement given for one entry, overriding the gazetteer's mode.
/// 0 = none (use the gazetteer's), 1 = smart, 2 = insensitive.
pub(crate) type CaseOverride = u8;
pub(crate) const CASE_DEFAULT: CaseOverride = 0;
pub(crate) const CASE_SMART: CaseOverride = 1;
pub(crate) const CASE_INSENSITIVE: CaseOverride = 2;

/// One (name, entity) row; its four strings are consecutive in the arena.
#[derive(Clone, Copy, Debug)]
struct Row {
    /// Ends of name, label, id, canonical in the arena (the row starts where
    /// the previous one ended).
    ends: [u32; 4],
    case: CaseOverride,
    /// Its place in `Rows::places`, or `NO_PLACE`.
    place: u32,
}

/// A row without place columns.
const NO_PLACE: u32 = u32::MAX;

/// The rows added to a builder, in the order given.
#[derive(Clone, Debug, Default)]
pub(crate) struct Rows {
    arena: String,
    rows: Vec<Row>,
    /// The places rows carry.
    places: Vec<PlaceColumns>,
    /// The first problem found in an entry added from code, reported by `build`.
    pub(crate) invalid: Option<String>,
}

/// One row's fields.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RowRef<'a> {
    pub(crate) name: &'a str,
    pub(crate) label: &'a str,
    pub(crate) id: &'a str,
    pub(crate) canonical: &'a str,
    pub(crate) case: CaseOverride,
    pub(crate) place: Option<&'a PlaceColumns>,
}

impl Rows {
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// Appends a row. Fails only when the arena outgrows `u32` offsets.
    pub(crate) fn push(
        &mut self,
        name: &str,
        label: &str,
        id: &str,
        canonical: &str,
        case: CaseOverride,
        place: Option<PlaceColumns>,
    ) -> Result<(), Error> {
        let too_big = || Error::limit("gazetteer input larger than 4 GiB");
        let mut ends = [0u32; 4];
        for (slot, field) in ends.iter_mut().zip([name, label, id, canonical]) {
            self.arena.push_str(field);
            *slot = u32::try_from(self.arena.len()).map_err(|_| too_big())?;
        }
        let place = match place {
            Some(p) => {
                self.places.push(p);
                u32::try_from(self.places.len() - 1).map_err(|_| too_big())?
            }
            None => NO_PLACE,
        };
        self.rows.push(Row { ends, case, place });
        Ok(())
    }

    /// Appends the rows of `other` (parsed apart, as the second half of an
    /// input). Fails only when the arena outgrows `u32` offsets; the rows
    /// before that stay added.
    fn append(&mut self, other: Rows) -> Result<(), Error> {
        let too_big = || Error::limit("gazetteer input larger than 4 GiB");
        let base = self.arena.len();
        let places = u32::try_from(self.places.len()).map_err(|_| too_big())?;
        self.places.extend(other.places);
        let mut start = 0usize;
        for row in &other.rows {
            let text = other.arena.get(start..row.ends[3] as usize).unwrap_or("");
            start = row.ends[3] as usize;
            let mut ends = [0u32; 4];
            for (slot, &end) in ends.iter_mut().zip(&row.ends) {
                *slot = u32::try_from(base + end as usize).map_err(|_| too_big())?;
            }
            self.arena.push_str(text);
            let place = if row.place == NO_PLACE {
                NO_PLACE
            } else {
                places.checked_add(row.place).filter(|&p| p != NO_PLACE).ok_or_else(too_big)?
            };
            self.rows.push(Row { ends, case: row.case, place });
        }
        Ok(())
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = RowRef<'_>> + '_ {
        let mut start = 0usize;
        self.rows.iter().map(move |row| {
            let [a, b, c, d] = row.ends.map(|e| e as usize);
            let field = |from: usize, to: usize| self.arena.get(from..to).unwrap_or("");
            let r = RowRef {
                name: field(start, a),
                label: field(a, b),
                id: field(b, c),
                canonical: field(c, d),
                case: row.case,
                place: self.places.get(row.place as usize),
            };
            start = d;
            r
        })
    }
}

/// Whether a name is empty once folded (only whitespace and combining marks).
pub(crate) fn name_is_blank(name: &str) -> bool {
    if name.bytes().any(|b| b.is_ascii_graphic()) {
        return false;
    }
    name.chars().all(|c| c.is_whitespace() || super::fold::fold_char(c).as_bytes().is_empty())
}

/// The lines of an input, numbered from 1, with BOM and CR removed. Valid
/// UTF-8 is checked once for the whole input and lines are cut from it (the
/// common case, fast); otherwise each line is checked, so that the first bad
/// one is named.
#[derive(Clone)]
struct Lines<'a> {
    bytes: &'a [u8],
    /// `bytes` as text when all of it is valid UTF-8.
    text: Option<&'a str>,
    /// Where the next line starts, and where these lines end.
    at: usize,
    end: usize,
    /// The number of the last line returned.
    number: usize,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Lines<'a> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).ok();
        Lines { bytes, text, at: 0, end: bytes.len(), number: 0 }
    }

    /// The remaining lines cut in two at a line end near their middle, when
    /// they are valid UTF-8 and large enough to be worth two threads.
    fn halves(&self) -> Option<(Lines<'a>, Lines<'a>)> {
        self.text?;
        let rest = self.bytes.get(self.at..self.end)?;
        if !super::parallel::worth_splitting(rest.len()) {
            return None;
        }
        let half = rest.len() / 2;
        let cut = self.at + half + memchr::memchr(b'\n', rest.get(half..)?)? + 1;
        let head = Lines { end: cut, ..self.clone() };
        let lines_in_head = memchr::memchr_iter(b'\n', self.bytes.get(self.at..cut)?).count();
        let tail = Lines { at: cut, number: self.number + lines_in_head, ..self.clone() };
        Some((head, tail))
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = (usize, Result<&'a str, Error>);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.bytes.get(self.at..self.end).filter(|r| !r.is_empty())?;
        let start = self.at;
        let end = start + memchr::memchr(b'\n', rest).unwrap_or(rest.len());
        self.at = end + 1;
        self.number = self.number.saturating_add(1);
        let end =
            if end > start && self.bytes.get(end - 1) == Some(&b'\r') { end - 1 } else { end };
        let text = match self.text {
            // Cut at ASCII bytes: always on character boundaries.
            Some(text) => Ok(text.get(start..end).unwrap_or("")),
            None => std::str::from_utf8(self.bytes.get(start..end).unwrap_or(&[])).map_err(|e| {
                Error::syntax(
                    self.number,
                    format!(
                        "invalid UTF-8 at byte {} of the line",
                        e.valid_up_to().saturating_add(1)
                    ),
                )
            }),
        };
        Some((self.number, text))
    }
}

/// Parses the lines of `bytes` into `rows` with `parse`, which keeps its
/// state in `state` (one copy per half of the input). Until `ready(state)`
/// (a header read, say) lines go one by one; after it, a large input is
/// parsed in two halves at once, and the second half's rows appended to the
/// first's: the same rows, and the same first error, as one by one.
fn parse_lines<S, P>(
    bytes: &[u8],
    rows: &mut Rows,
    mut state: S,
    ready: impl Fn(&S) -> bool,
    parse: P,
) -> Result<(), Error>
where
    S: Clone + Send,
    P: Fn(&mut S, usize, &str, &mut Rows) -> Result<(), Error> + Sync,
{
    let mut lines = Lines::new(bytes);
    while !ready(&state) {
        let Some((number, line)) = lines.next() else { return Ok(()) };
        parse(&mut state, number, line?, rows)?;
    }
    let all = |lines: Lines<'_>, state: &mut S, rows: &mut Rows| -> Result<(), Error> {
        for (number, line) in lines {
            parse(state, number, line?, rows)?;
        }
        Ok(())
    };
    let Some((head, tail)) = lines.halves() else { return all(lines, &mut state, rows) };
    let mut tail_state = state.clone();
    let mut tail_rows = Rows::default();
    let (first, second) = super::parallel::join(
        true,
        || all(head, &mut state, rows),
        || all(tail, &mut tail_state, &mut tail_rows),
    );
    first?;
    rows.append(tail_rows)?;
    second
}

/// The TSV parser's state: the place columns the header names.
#[derive(Clone)]
struct Tsv {
    /// Per column after the fourth, its place column (index in PLACE_COLUMNS).
    header: Option<Vec<usize>>,
    /// No line with content seen yet: the next may be the header.
    first: bool,
}

impl Tsv {
    fn line(&mut self, number: usize, line: &str, rows: &mut Rows) -> Result<(), Error> {
        if is_blank(line) || line.starts_with('#') {
            return Ok(());
        }
        if std::mem::take(&mut self.first) {
            if let Some(columns) = parse_header(line).map_err(|m| Error::syntax(number, m))? {
                self.header = Some(columns);
                return Ok(());
            }
        }
        tsv_row(number, line, self.header.as_deref().unwrap_or(&[]), rows)
    }
}

/// Parses TSV rows (`name<TAB>label<TAB>id<TAB>canonical`, then the place
/// columns a header line names) into `rows`.
///
/// On error, rows of earlier lines stay added.
pub(crate) fn parse_tsv(bytes: &[u8], rows: &mut Rows) -> Result<(), Error> {
    let start = Tsv { header: None, first: true };
    parse_lines(bytes, rows, start, |tsv| !tsv.first, Tsv::line)
}

/// The fields a row may have: four, and the place columns.
const MAX_FIELDS: usize = 4 + PLACE_COLUMNS.len();

/// Parses one TSV row (not blank, not a comment, not the header) under the
/// header's place `columns`.
fn tsv_row(number: usize, line: &str, columns: &[usize], rows: &mut Rows) -> Result<(), Error> {
    // The tab-separated fields, trimmed, and how many there are.
    let mut fields = [""; MAX_FIELDS];
    let mut count = 0usize;
    let mut start = 0usize;
    let bytes = line.as_bytes();
    loop {
        let end = start + tab_or_end(bytes.get(start..).unwrap_or(&[]));
        if let Some(slot) = fields.get_mut(count) {
            // Cut at tabs: always on character boundaries.
            *slot = trim(line.get(start..end).unwrap_or(""));
        }
        count += 1;
        if end >= bytes.len() {
            break;
        }
        start = end + 1;
    }
    if count < 4 || count - 4 > columns.len() {
        return Err(wrong_count(number, line, columns.len()));
    }
    let [name, label, id, canonical, ..] = fields;
    check_entry(name, label, id, canonical).map_err(|m| Error::syntax(number, m))?;
    let extra = fields.get(4..count).unwrap_or(&[]);
    let place = tsv_place(columns, extra, name).map_err(|m| Error::syntax(number, m))?;
    rows.push(name, label, id, canonical, CASE_DEFAULT, place)
}

/// Where the first tab of `field` is, or its length: eight bytes a step
/// (fields are short: a `memchr` call costs more than the search).
#[inline]
fn tab_or_end(field: &[u8]) -> usize {
    let mut at = 0usize;
    while at < field.len() {
        let x = load8(field, at);
        // Tab bytes; the padding past the end is zeros.
        let tabs = in_range(x, b'\t', b'\t') & !x & HIGH;
        if tabs != 0 {
            return (at + tabs.trailing_zeros() as usize / 8).min(field.len());
        }
        at += 8;
    }
    field.len()
}

/// A byte that is ASCII and not whitespace: a field that begins and ends
/// with one needs no trimming.
#[inline]
fn plain(b: u8) -> bool {
    b < 0x80 && !b.is_ascii_whitespace() && b != 0x0b
}

/// `str::trim`, without its decoding in the common case of nothing to trim.
#[inline]
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(&a), Some(&z)) if plain(a) && plain(z) => s,
        _ => s.trim(),
    }
}

/// Whether a line is empty once trimmed.
#[inline]
fn is_blank(line: &str) -> bool {
    !line.as_bytes().first().is_some_and(|&b| plain(b)) && line.trim().is_empty()
}

/// The place columns a header line names (after `name label id canonical`),
/// `None` when the line is not a header.
fn parse_header(line: &str) -> Result<Option<Vec<usize>>, String> {
    let mut fields = line.split('\t').map(str::trim);
    if !["name", "label", "id", "canonical"].iter().all(|&c| fields.next() == Some(c)) {
        return Ok(None);
    }
    let mut columns: Vec<usize> = Vec::new();
    for field in fields {
        let Some(at) = PLACE_COLUMNS.iter().position(|&c| c == field) else {
            return Err(format!(
                "unknown column `{field}` in the header (place columns: {})",
                PLACE_COLUMNS.join(", ")
            ));
        };
        if columns.contains(&at) {
            return Err(format!("column `{field}` twice in the header"));
        }
        columns.push(at);
    }
    Ok(Some(columns))
}

/// The error of a row with too few or too many fields.
fn wrong_count(number: usize, line: &str, extra: usize) -> Error {
    let found = line.split('\t').count();
    let message = if extra == 0 {
        format!("expected 4 tab-separated fields (name, label, id, canonical), found {found}")
    } else {
        format!("expected 4 to {} tab-separated fields (as the header), found {found}", 4 + extra)
    };
    Error::syntax(number, message)
}

/// The place of a TSV row: `extra` holds its values of the header's place
/// `columns` (missing ones at the end are empty).
fn tsv_place(
    columns: &[usize],
    extra: &[&str],
    name: &str,
) -> Result<Option<PlaceColumns>, String> {
    if extra.iter().all(|v| v.is_empty()) {
        return Ok(None);
    }
    let mut given = [""; PLACE_COLUMNS.len()];
    for (&column, &value) in columns.iter().zip(extra) {
        if let Some(slot) = given.get_mut(column) {
            *slot = value;
        }
    }
    let [lat, lon, country, admin1, admin1_name, feature, population] = given;
    PlaceValues {
        lat: parse_number("lat", lat, name, "a number of degrees")?,
        lon: parse_number("lon", lon, name, "a number of degrees")?,
        country,
        admin1,
        admin1_name,
        feature,
        population: parse_number("population", population, name, "a whole number")?,
    }
    .check(name)
}

/// The problem with an entry, if any.
pub(crate) fn check_entry(
    name: &str,
    label: &str,
    id: &str,
    canonical: &str,
) -> Result<(), String> {
    if name_is_blank(name) {
        return Err(if name.is_empty() {
            "empty name".to_string()
        } else {
            format!("name `{name}` has no letters, digits or symbols")
        });
    }
    if label.is_empty() {
        return Err(format!("empty label for name `{name}`"));
    }
    if id.is_empty() {
        return Err(format!("empty id for name `{name}`"));
    }
    if canonical.is_empty() {
        return Err(format!("empty canonical name for name `{name}`"));
    }
    Ok(())
}

/// One JSON Lines record: an entity with all its names.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct JsonEntity {
    id: String,
    label: String,
    #[serde(default)]
    canonical: Option<String>,
    names: Vec<String>,
    #[serde(default)]
    case: Option<String>,
    #[serde(default)]
    lat: Option<f64>,
    #[serde(default)]
    lon: Option<f64>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    admin1: Option<String>,
    #[serde(default)]
    admin1_name: Option<String>,
    #[serde(default)]
    feature: Option<String>,
    #[serde(default)]
    population: Option<u64>,
}

/// Parses JSON Lines records into `rows`.
#[cfg(feature = "serde")]
pub(crate) fn parse_jsonl(bytes: &[u8], rows: &mut Rows) -> Result<(), Error> {
    parse_lines(bytes, rows, (), |_| true, |_, number, line, rows| jsonl_record(number, line, rows))
}

/// Parses one JSON Lines record.
#[cfg(feature = "serde")]
fn jsonl_record(number: usize, line: &str, rows: &mut Rows) -> Result<(), Error> {
    if is_blank(line) {
        return Ok(());
    }
    let entity: JsonEntity = serde_json::from_str(line).map_err(|e| {
        Error::syntax(
            number,
            format!("invalid JSON record at column {}: {}", e.column(), json_reason(&e)),
        )
    })?;
    let case = match entity.case.as_deref() {
        None => CASE_DEFAULT,
        Some("smart") => CASE_SMART,
        Some("insensitive") => CASE_INSENSITIVE,
        Some(other) => {
            return Err(Error::syntax(
                number,
                format!("unknown case `{other}` (expected `smart` or `insensitive`)"),
            ))
        }
    };
    if entity.names.is_empty() {
        return Err(Error::syntax(number, format!("entity `{}` has no names", entity.id)));
    }
    let label = entity.label.trim();
    let id = entity.id.trim();
    let first = entity.names.first().map_or("", |n| n.trim());
    let canonical = entity.canonical.as_deref().map_or(first, str::trim);
    fn text(s: &Option<String>) -> &str {
        s.as_deref().map_or("", str::trim)
    }
    let mut place = PlaceValues {
        lat: entity.lat,
        lon: entity.lon,
        country: text(&entity.country),
        admin1: text(&entity.admin1),
        admin1_name: text(&entity.admin1_name),
        feature: text(&entity.feature),
        population: entity.population,
    }
    .check(first)
    .map_err(|m| Error::syntax(number, m))?;
    for name in &entity.names {
        let name = name.trim();
        check_entry(name, label, id, canonical).map_err(|m| Error::syntax(number, m))?;
        // The entity's place rides on its first row.
        rows.push(name, label, id, canonical, case, place.take())?;
    }
    Ok(())
}

/// serde_json's message without its trailing " at line L column C".
#[cfg(feature = "serde")]
fn json_reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) => text.get(..at).unwrap_or(&text).to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_found_eight_bytes_a_step_as_one_by_one() {
        // `É` is C3 89: its second byte has a tab's low seven bits.
        let line = "\u{c9}\u{c9}\u{c9}\u{c9}\u{c9}\u{c9}\u{c9}x\tab\t\t\u{c9}cole 12345678\t";
        let bytes = line.as_bytes();
        for start in 0..=bytes.len() {
            for end in start..=bytes.len() {
                let field = &bytes[start..end];
                let expected = field.iter().position(|&b| b == b'\t').unwrap_or(field.len());
                assert_eq!(tab_or_end(field), expected, "{start}..{end}");
            }
        }
    }

    #[test]
    fn tsv_lines_bom_crlf_comments() {
        let mut rows = Rows::default();
        parse_tsv(b"\xEF\xBB\xBFA\tLOC\tx:1\tA\r\n\r\n# note\n  \nB\tLOC\tx:2\tB", &mut rows)
            .unwrap();
        let names: Vec<_> = rows.iter().map(|r| r.name).collect();
        assert_eq!(names, ["A", "B"]);
        let err = parse_tsv(b"A\tLOC\tx:1\tA\nB\tLOC\n", &mut rows).unwrap_err();
        assert_eq!(err.line(), Some(2));
        let err = parse_tsv(b"A\tLOC\tx:1\tA\n\n\xFF\tLOC\tx:1\tA\n", &mut rows).unwrap_err();
        assert_eq!(err.line(), Some(3));
        assert!(err.to_string().contains("UTF-8"), "{err}");
    }
}
