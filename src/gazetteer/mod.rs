//! Gazetteer entity matching on the raw text: whole words, leftmost-longest,
//! case- and accent-folded, smart case.
//!
//! PLACEHOLDER: the API shape the analyzer relies on; the matcher lands with the
//! gazetteer issue.

use crate::{Error, Span};
use std::iter::FusedIterator;
use std::sync::Arc;

/// A dense entity number inside one [`Gazetteer`].
///
/// # Examples
///
/// ```
/// let g = textfacts::Gazetteer::from_tsv("Idlib\tLOC\tgeonames:1\tIdlib\n")?;
/// let m = g.find_iter("in Idlib").next().unwrap();
/// assert_eq!(g.entity(m.entity()).canonical(), "Idlib");
/// # Ok::<(), textfacts::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(u32);

impl EntityId {
    /// The id as a number, `0..entities_len()`.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::from_tsv("Idlib\tLOC\tgeonames:1\tIdlib\n")?;
    /// assert_eq!(g.find_iter("Idlib").next().unwrap().entity().as_u32(), 0);
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    #[inline]
    #[must_use]
    pub fn as_u32(self) -> u32 {
        self.0
    }
}

/// One entity: its external id, label and canonical name.
///
/// # Examples
///
/// ```
/// let g = textfacts::Gazetteer::from_tsv("Aleppo\tLOC\tgeonames:170063\tAleppo\n")?;
/// let e = g.entity(g.find_iter("Aleppo").next().unwrap().entity());
/// assert_eq!((e.id(), e.label(), e.canonical()), ("geonames:170063", "LOC", "Aleppo"));
/// # Ok::<(), textfacts::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    id: String,
    label: String,
    canonical: String,
}

impl Entity {
    /// The entity's external id ("geonames:170063").
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::from_tsv("Aleppo\tLOC\tx:1\tAleppo\n")?;
    /// assert_eq!(g.entity(g.find_iter("Aleppo").next().unwrap().entity()).id(), "x:1");
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The entity's label ("LOC", "ORG", ...).
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::from_tsv("Aleppo\tLOC\tx:1\tAleppo\n")?;
    /// assert_eq!(g.entity(g.find_iter("Aleppo").next().unwrap().entity()).label(), "LOC");
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    #[must_use]
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The entity's canonical name.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::from_tsv("Halab\tLOC\tx:1\tAleppo\n")?;
    /// assert_eq!(g.entity(g.find_iter("Halab").next().unwrap().entity()).canonical(), "Aleppo");
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    #[must_use]
    pub fn canonical(&self) -> &str {
        &self.canonical
    }
}

/// One gazetteer match: a span of the text and the entities its name belongs to.
///
/// # Examples
///
/// ```
/// let g = textfacts::Gazetteer::from_tsv("Aleppo\tLOC\tx:1\tAleppo\n")?;
/// let m = g.find_iter("Shelling in Aleppo.").next().unwrap();
/// assert_eq!(m.span(), textfacts::Span::new(12, 18));
/// # Ok::<(), textfacts::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityMatch {
    span: Span,
    name: u32,
}

impl EntityMatch {
    /// The matched span of the text.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::from_tsv("Aleppo\tLOC\tx:1\tAleppo\n")?;
    /// assert_eq!(g.find_iter("Aleppo").next().unwrap().span().end, 6);
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    #[inline]
    #[must_use]
    pub fn span(&self) -> Span {
        self.span
    }

    /// The first-ranked entity of the matched name.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::from_tsv("Aleppo\tLOC\tx:1\tAleppo\n")?;
    /// let m = g.find_iter("Aleppo").next().unwrap();
    /// assert_eq!(g.entity(m.entity()).id(), "x:1");
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    #[inline]
    #[must_use]
    pub fn entity(&self) -> EntityId {
        EntityId(self.name)
    }
}

/// How letter case in the text must agree with a name.
///
/// # Examples
///
/// ```
/// use textfacts::{CaseMode, Gazetteer};
/// let g = Gazetteer::builder().case_mode(CaseMode::Insensitive).add("Nice", "LOC", "x:1", "Nice").build()?;
/// assert_eq!(g.find_iter("a nice day").count(), 1);
/// # Ok::<(), textfacts::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CaseMode {
    /// Capitalised names match only capitalised words; all-caps names only
    /// all-caps words; lowercase names match in any case.
    #[default]
    Smart,
    /// Any case matches any case.
    Insensitive,
}

/// A built, immutable gazetteer. Cheap to clone (`Arc`), `Send + Sync`.
///
/// # Examples
///
/// ```
/// let g = textfacts::Gazetteer::from_tsv("Aleppo\tLOC\tx:1\tAleppo\n")?;
/// let spans: Vec<_> = g.find_iter("Aleppo-based doctors").map(|m| m.span()).collect();
/// assert_eq!(spans, [textfacts::Span::new(0, 6)]);
/// # Ok::<(), textfacts::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    names: Vec<(String, u32)>,
    entities: Vec<Entity>,
}

/// Configures and builds a [`Gazetteer`].
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
    rows: Vec<[String; 4]>,
}

impl GazetteerBuilder {
    /// Sets the case mode (default [`CaseMode::Smart`]).
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
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::builder().include_default(true).build()?;
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    pub fn include_default(&mut self, yes: bool) -> &mut Self {
        self.include_default = yes;
        self
    }

    /// Adds one name of an entity.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::builder().add("Halab", "LOC", "x:1", "Aleppo").build()?;
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    pub fn add(&mut self, name: &str, label: &str, id: &str, canonical: &str) -> &mut Self {
        self.rows.push([name.into(), label.into(), id.into(), canonical.into()]);
        self
    }

    /// Adds the rows of a TSV text (`name<TAB>label<TAB>id<TAB>canonical`).
    ///
    /// # Errors
    ///
    /// A malformed line gives [`Error::Syntax`] with its 1-based number.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut b = textfacts::Gazetteer::builder();
    /// assert!(b.add_tsv("Idlib\tLOC\n").is_err());
    /// ```
    pub fn add_tsv(&mut self, text: &str) -> Result<&mut Self, Error> {
        for (i, line) in text.lines().enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != 4 {
                return Err(Error::syntax(
                    i + 1,
                    format!("expected 4 tab-separated fields, found {}", fields.len()),
                ));
            }
            if fields[0].trim().is_empty() {
                return Err(Error::syntax(i + 1, "empty name"));
            }
            self.add(fields[0], fields[1], fields[2], fields[3]);
        }
        Ok(self)
    }

    /// Adds the rows of a TSV file.
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
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(&name, &e))?;
        self.add_tsv(&text).map_err(|e| e.in_file(&name))
    }

    /// Builds the gazetteer.
    ///
    /// # Errors
    ///
    /// [`Error::Limit`] if there are more entities or names than fit a `u32`.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::builder().add("Idlib", "LOC", "x:1", "Idlib").build()?;
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    pub fn build(&self) -> Result<Gazetteer, Error> {
        let _ = (self.case_mode, self.include_default);
        let mut names = Vec::new();
        let mut entities = Vec::new();
        for row in &self.rows {
            let id =
                u32::try_from(entities.len()).map_err(|_| Error::limit("too many entities"))?;
            entities.push(Entity {
                id: row[2].clone(),
                label: row[1].clone(),
                canonical: row[3].clone(),
            });
            names.push((row[0].clone(), id));
        }
        Ok(Gazetteer { inner: Arc::new(Inner { names, entities }) })
    }
}

impl Gazetteer {
    /// A builder with default options.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::builder().build()?;
    /// assert_eq!(g.entities_len(), 0);
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    #[must_use]
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Builds a gazetteer from TSV text with default options.
    ///
    /// # Errors
    ///
    /// [`Error::Syntax`] naming the first malformed line.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::from_tsv("Idlib\tLOC\tx:1\tIdlib\n")?;
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    pub fn from_tsv(text: &str) -> Result<Gazetteer, Error> {
        Gazetteer::builder().add_tsv(text)?.build()
    }

    /// Builds a gazetteer from a TSV file with default options.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] or [`Error::Syntax`] naming the file.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(textfacts::Gazetteer::from_tsv_file("/no/such/file.tsv").is_err());
    /// ```
    pub fn from_tsv_file(path: impl AsRef<std::path::Path>) -> Result<Gazetteer, Error> {
        Gazetteer::builder().add_tsv_file(path)?.build()
    }

    /// Finds the non-overlapping, leftmost-longest whole-word matches in `text`.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::from_tsv("Oman\tLOC\tx:1\tOman\n")?;
    /// assert_eq!(g.find_iter("Romania").count(), 0);
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    #[must_use]
    pub fn find_iter<'g, 'h>(&'g self, text: &'h str) -> FindIter<'g, 'h> {
        let mut found = Vec::new();
        for (name, id) in &self.inner.names {
            if let Some(at) = text.find(name.as_str()) {
                found.push(EntityMatch { span: Span::new(at, at + name.len()), name: *id });
            }
        }
        found.sort_by_key(|m| m.span);
        FindIter { gazetteer: self, text, inner: found.into_iter() }
    }

    /// The entities the matched name belongs to, best-ranked first.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::from_tsv("Idlib\tLOC\tx:1\tIdlib\n")?;
    /// let m = g.find_iter("Idlib").next().unwrap();
    /// assert_eq!(g.candidates(&m).len(), 1);
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    #[must_use]
    pub fn candidates(&self, m: &EntityMatch) -> Vec<EntityId> {
        vec![EntityId(m.name)]
    }

    /// The entity with id `id`.
    ///
    /// # Panics
    ///
    /// If `id` does not come from this gazetteer.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::from_tsv("Idlib\tLOC\tx:1\tIdlib\n")?;
    /// let m = g.find_iter("Idlib").next().unwrap();
    /// assert_eq!(g.entity(m.entity()).label(), "LOC");
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    #[must_use]
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.inner.entities[id.0 as usize]
    }

    /// Number of entities.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::Gazetteer::from_tsv("A\tLOC\tx:1\tA\n")?.entities_len(), 1);
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    #[must_use]
    pub fn entities_len(&self) -> usize {
        self.inner.entities.len()
    }
}

/// Iterator over the [`EntityMatch`]es of a text, created by [`Gazetteer::find_iter`].
#[derive(Debug)]
pub struct FindIter<'g, 'h> {
    gazetteer: &'g Gazetteer,
    text: &'h str,
    inner: std::vec::IntoIter<EntityMatch>,
}

impl Iterator for FindIter<'_, '_> {
    type Item = EntityMatch;

    fn next(&mut self) -> Option<EntityMatch> {
        let _ = (self.gazetteer, self.text);
        self.inner.next()
    }
}

impl FusedIterator for FindIter<'_, '_> {}

/// The built-in default gazetteer (countries, major cities, organisations),
/// built once on first use.
///
/// # Examples
///
/// ```
/// let g = textfacts::default_gazetteer();
/// let _ = g.find_iter("Peace talks in Geneva").count();
/// ```
#[must_use]
pub fn default_gazetteer() -> &'static Gazetteer {
    static DEFAULT: once_cell::sync::Lazy<Gazetteer> = once_cell::sync::Lazy::new(|| Gazetteer {
        inner: Arc::new(Inner { names: Vec::new(), entities: Vec::new() }),
    });
    &DEFAULT
}
