//! The builder: options, and rows from code, TSV and JSON Lines.

use super::build::build;
use super::builtin::{default_gazetteer, DEFAULT_TSV, DEFAULT_TSV_NAME};
use super::parse::{self, CaseOverride, Rows, CASE_DEFAULT, CASE_INSENSITIVE, CASE_SMART};
use super::{CaseMode, Gazetteer};
use crate::error::Error;

/// Configures and builds a [`Gazetteer`].
///
/// Entries come from code ([`add`](Self::add)), TSV text or files, and (with
/// the `serde` feature) JSON Lines. Rows with the same id merge into one
/// entity; the first row of an id sets its label and canonical name, and
/// entities rank in the order their first row was added.
///
/// # Examples
///
/// ```
/// let g = textfacts::Gazetteer::builder().add("Idlib", "LOC", "x:1", "Idlib").build()?;
/// assert_eq!(g.entities_len(), 1);
/// # Ok::<(), textfacts::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct GazetteerBuilder {
    case_mode: CaseMode,
    include_default: bool,
    /// `None`: on exactly when the built-in list is included.
    context_rules: Option<bool>,
    rows: Rows,
}

impl GazetteerBuilder {
    /// Sets the case mode of entries without their own (default [`CaseMode::Smart`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut b = textfacts::Gazetteer::builder();
    /// b.case_mode(textfacts::CaseMode::Insensitive);
    /// ```
    pub fn case_mode(&mut self, mode: CaseMode) -> &mut Self {
        self.case_mode = mode;
        self
    }

    /// Whether to start from the built-in default gazetteer (default: no).
    /// Its entities rank before the ones added here, and its context rule
    /// applies to every name: no match glued to a bound prefix ("pro-Beijing").
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::builder().include_default(true).build()?;
    /// assert!(g.entities_len() > 100);
    /// assert_eq!(g.find_iter("the pro-Beijing camp").count(), 0);
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    pub fn include_default(&mut self, yes: bool) -> &mut Self {
        self.include_default = yes;
        self
    }

    /// Whether the built-in list's context rules apply: a name glued by a
    /// hyphen to a bound prefix ("pro-Beijing", "anti-Pyongyang",
    /// "post-Soviet") names a side or a period, a name glued to a following
    /// currency sign ("US$ 20,000") is part of the symbol, and a name after
    /// a title or a common given name ("Mayor Tyler", "Michael Jordan") is a
    /// person's, a name before an institution's head word ("Aberdeen
    /// University", "China Daily") or after a capitalised word and a
    /// particle ("Tour de France") is part of that longer name; none is a
    /// match. Default: on when the built-in list is included
    /// ([`include_default`](Self::include_default)), off otherwise, where only
    /// the whole-word rule applies.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut b = textfacts::Gazetteer::builder();
    /// b.add("Beijing", "LOC", "x:1", "Beijing").add("US", "LOC", "x:2", "United States");
    /// let text = "the pro-Beijing camp paid US$ 20";
    /// assert_eq!(b.build()?.find_iter(text).count(), 2);
    /// assert_eq!(b.context_rules(true).build()?.find_iter(text).count(), 0);
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    pub fn context_rules(&mut self, yes: bool) -> &mut Self {
        self.context_rules = Some(yes);
        self
    }

    /// Adds one name of an entity. Surrounding whitespace is trimmed.
    ///
    /// A name that is empty (or only whitespace and combining marks), or an
    /// empty label, id or canonical name, makes [`build`](Self::build) fail.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::builder().add("Halab", "LOC", "x:1", "Aleppo").build()?;
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    pub fn add(&mut self, name: &str, label: &str, id: &str, canonical: &str) -> &mut Self {
        self.add_entry(name, label, id, canonical, CASE_DEFAULT)
    }

    /// Adds one name with its own case mode, overriding the gazetteer's.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{CaseMode, Gazetteer};
    /// let g = Gazetteer::builder()
    ///     .add("Aleppo", "LOC", "x:1", "Aleppo")
    ///     .add_with_case("Idlib", "LOC", "x:2", "Idlib", CaseMode::Insensitive)
    ///     .build()?;
    /// assert_eq!(g.find_iter("aleppo and idlib").count(), 1);
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    pub fn add_with_case(
        &mut self,
        name: &str,
        label: &str,
        id: &str,
        canonical: &str,
        mode: CaseMode,
    ) -> &mut Self {
        let case = match mode {
            CaseMode::Smart => CASE_SMART,
            CaseMode::Insensitive => CASE_INSENSITIVE,
        };
        self.add_entry(name, label, id, canonical, case)
    }

    fn add_entry(
        &mut self,
        name: &str,
        label: &str,
        id: &str,
        canonical: &str,
        case: CaseOverride,
    ) -> &mut Self {
        let (name, label, id, canonical) = (name.trim(), label.trim(), id.trim(), canonical.trim());
        if let Err(problem) = parse::check_entry(name, label, id, canonical) {
            self.rows.invalid.get_or_insert(problem);
            return self;
        }
        if let Err(e) = self.rows.push(name, label, id, canonical, case, None) {
            self.rows.invalid.get_or_insert(e.to_string());
        }
        self
    }

    /// Adds the rows of a TSV text: one `name<TAB>label<TAB>id<TAB>canonical`
    /// row per name. Blank lines and lines starting with `#` are skipped; CRLF
    /// line ends and a leading byte-order mark are accepted; fields are trimmed.
    ///
    /// # Place columns
    ///
    /// Rows may give the place their entity stands for, so that it resolves
    /// (see [`PlaceResolver`](crate::PlaceResolver)) without the built-in
    /// places table. The text's first line (blank and `#` lines aside) is then
    /// a header: `name<TAB>label<TAB>id<TAB>canonical` followed by any of the
    /// place columns, in any order:
    ///
    /// | column | value |
    /// |---|---|
    /// | `lat`, `lon` | WGS84 degrees (-90..90, -180..180): a place needs both |
    /// | `country` | ISO 3166-1 alpha-2 code in capitals (`SY`), or empty |
    /// | `admin1`, `admin1_name` | first-level division code and name, or empty |
    /// | `feature` | GeoNames feature code (`PPL`, `ADM1`, `PCLI`, ...), or empty |
    /// | `population` | a whole number (0 when empty) |
    ///
    /// The place's id and name are the entity's id and canonical name. A row
    /// without `lat` and `lon` (empty, or missing at the end of the row)
    /// gives no place (its other place values are checked, then ignored); the
    /// first row of an id that gives a place sets it.
    ///
    /// # Errors
    ///
    /// [`Error::Syntax`] with the 1-based line of the first malformed row (not
    /// four fields, or more fields than the header names, an empty name,
    /// label, id or canonical name, a header naming an unknown column, a
    /// place value that is not a number or out of range, or a `lat` without a
    /// `lon` or the reverse). Rows before it stay added.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut b = textfacts::Gazetteer::builder();
    /// b.add_tsv("# places\nIdlib\tLOC\tx:1\tIdlib\r\n")?;
    /// let err = b.add_tsv("Idlib\tLOC\tx:1\tIdlib\nHama\tLOC\n").unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    ///
    /// // With place columns: the place resolves.
    /// let g = textfacts::Gazetteer::from_tsv(
    ///     "name\tlabel\tid\tcanonical\tlat\tlon\tcountry\tfeature\n\
    ///      Springfield\tLOC\tmy:1\tSpringfield\t39.8\t-89.64\tUS\tPPLA\n",
    /// )?;
    /// let doc = textfacts::Analyzer::builder().gazetteer(g).build().analyze("in Springfield");
    /// let place = doc.entities()[0].place.as_ref().unwrap();
    /// assert_eq!((&*place.id, &*place.country, place.lat), ("my:1", "US", 39.8));
    /// let err = textfacts::Gazetteer::from_tsv("name\tlabel\tid\tcanonical\tlat\tlon\nA\tLOC\tx:1\tA\t95\t0\n");
    /// assert_eq!(err.unwrap_err().line(), Some(2));
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    pub fn add_tsv(&mut self, text: &str) -> Result<&mut Self, Error> {
        parse::parse_tsv(text.as_bytes(), &mut self.rows)?;
        Ok(self)
    }

    /// Adds the rows of TSV bytes, checking UTF-8 line by line.
    ///
    /// # Errors
    ///
    /// As [`add_tsv`](Self::add_tsv), and [`Error::Syntax`] naming the line
    /// that is not valid UTF-8.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut b = textfacts::Gazetteer::builder();
    /// let err = b.add_tsv_bytes(b"Idlib\tLOC\tx:1\tIdlib\nHam\xE2\tLOC\tx:2\tHama\n").unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// ```
    pub fn add_tsv_bytes(&mut self, bytes: &[u8]) -> Result<&mut Self, Error> {
        parse::parse_tsv(bytes, &mut self.rows)?;
        Ok(self)
    }

    /// Adds the rows of a TSV file (UTF-8 checked per line).
    ///
    /// # Errors
    ///
    /// [`Error::Io`] if the file cannot be read, [`Error::Syntax`] naming the
    /// file and line for a malformed line.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut b = textfacts::Gazetteer::builder();
    /// assert!(b.add_tsv_file("/no/such/file.tsv").is_err());
    /// ```
    pub fn add_tsv_file(&mut self, path: impl AsRef<std::path::Path>) -> Result<&mut Self, Error> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| Error::io(&name, &e))?;
        parse::parse_tsv(&bytes, &mut self.rows).map_err(|e| e.in_file(&name))?;
        Ok(self)
    }

    /// Adds entities from JSON Lines: one object per line,
    /// `{"id": .., "label": .., "canonical": .., "names": [..], "case": ..}`.
    /// `canonical` defaults to the first name; `case` (`"smart"` or
    /// `"insensitive"`) is optional; other keys are ignored. Blank lines are
    /// skipped; CRLF and a leading byte-order mark are accepted.
    ///
    /// A record may give the place its entity stands for with the optional
    /// fields `lat`, `lon` (numbers), `country`, `admin1`, `admin1_name`,
    /// `feature` (strings) and `population` (a whole number), as the place
    /// columns of [`add_tsv`](Self::add_tsv) (same meaning and checks).
    ///
    /// # Errors
    ///
    /// [`Error::Syntax`] with the 1-based line of the first record that is not
    /// valid JSON of that shape, has no names, an empty name, id or label, or
    /// place fields of the wrong type or out of range, or a `lat` without a
    /// `lon` or the reverse.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut b = textfacts::Gazetteer::builder();
    /// b.add_jsonl(r#"{"id": "x:1", "label": "LOC", "canonical": "Aleppo", "names": ["Aleppo", "Halab"]}"#)?;
    /// let g = b.build()?;
    /// assert_eq!(g.find_iter("Halab and Aleppo").count(), 2);
    /// assert_eq!(b.add_jsonl("\n{\"id\": 3}").unwrap_err().line(), Some(2));
    ///
    /// // With place fields: the place resolves.
    /// let g = textfacts::Gazetteer::from_jsonl(
    ///     r#"{"id": "my:7", "label": "LOC", "names": ["Halab"], "lat": 36.2, "lon": 37.16, "country": "SY"}"#,
    /// )?;
    /// let doc = textfacts::Analyzer::builder().gazetteer(g).build().analyze("in Halab");
    /// assert_eq!(doc.entities()[0].place.as_ref().map(|p| &*p.country), Some("SY"));
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    #[cfg(feature = "serde")]
    pub fn add_jsonl(&mut self, text: &str) -> Result<&mut Self, Error> {
        parse::parse_jsonl(text.as_bytes(), &mut self.rows)?;
        Ok(self)
    }

    /// Adds entities from JSON Lines bytes, checking UTF-8 line by line.
    ///
    /// # Errors
    ///
    /// As [`add_jsonl`](Self::add_jsonl), and a line that is not UTF-8.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut b = textfacts::Gazetteer::builder();
    /// assert_eq!(b.add_jsonl_bytes(b"\xFF").unwrap_err().line(), Some(1));
    /// ```
    #[cfg(feature = "serde")]
    pub fn add_jsonl_bytes(&mut self, bytes: &[u8]) -> Result<&mut Self, Error> {
        parse::parse_jsonl(bytes, &mut self.rows)?;
        Ok(self)
    }

    /// Adds entities from a JSON Lines file.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] if the file cannot be read, [`Error::Syntax`] naming the
    /// file and line of a malformed record.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut b = textfacts::Gazetteer::builder();
    /// assert!(b.add_jsonl_file("/no/such/file.jsonl").is_err());
    /// ```
    #[cfg(feature = "serde")]
    pub fn add_jsonl_file(
        &mut self,
        path: impl AsRef<std::path::Path>,
    ) -> Result<&mut Self, Error> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| Error::io(&name, &e))?;
        parse::parse_jsonl(&bytes, &mut self.rows).map_err(|e| e.in_file(&name))?;
        Ok(self)
    }

    /// Builds the gazetteer. The builder stays usable.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] if an entry added with [`add`](Self::add) was invalid
    /// (empty name, label, id or canonical name); [`Error::Limit`] if there are
    /// more entities or name bytes than fit a `u32`.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::builder().add("Idlib", "LOC", "x:1", "Idlib").build()?;
    /// assert!(textfacts::Gazetteer::builder().add(" ", "LOC", "x:1", "Idlib").build().is_err());
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    pub fn build(&self) -> Result<Gazetteer, Error> {
        if let Some(problem) = &self.rows.invalid {
            return Err(Error::invalid(problem.clone()));
        }
        let context_rules = self.context_rules.unwrap_or(self.include_default);
        // The built-in list alone, as `default_gazetteer` has it: shared.
        if self.include_default
            && self.rows.len() == 0
            && self.case_mode == CaseMode::Smart
            && context_rules
        {
            return Ok(default_gazetteer().clone());
        }
        let mut default_rows = Rows::default();
        if self.include_default {
            parse::parse_tsv(DEFAULT_TSV.as_bytes(), &mut default_rows)
                .map_err(|e| e.in_file(DEFAULT_TSV_NAME))?;
        }
        build(&[&default_rows, &self.rows], self.case_mode, context_rules)
    }
}
