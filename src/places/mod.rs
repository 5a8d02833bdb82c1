//! Places: every place mention resolved to one GeoNames place.
//!
//! This layer sits above the gazetteer: the gazetteer finds names and lists
//! every entity a name may stand for ("Damascus": the Syrian capital, towns in
//! Oregon, Maryland, Arkansas ...); this layer picks one per mention from the
//! whole document's context, deterministically and with a reason
//! ([`resolve.rs`](resolve)), and gives its point, country and first-level
//! division from the built-in places table ([`table.rs`](table)).
//!
//! Layout: `mod.rs` the public types; `table.rs` the embedded places table;
//! `user.rs` the places a gazetteer's own rows give; `resolve.rs` the
//! resolution rules; `towns.rs` the towns the gazetteer does not list;
//! `marks.rs` the text around a mention the rules read; `words.rs` their
//! word lists; `resolved.rs` a document's choices, decoded on demand.

mod marks;
mod resolve;
mod resolved;
mod table;
mod towns;
mod user;
mod words;

use crate::gazetteer::{EntityMatch, Gazetteer};
use std::borrow::Cow;
use std::sync::Arc;

pub(crate) use resolved::Resolved;
pub(crate) use table::PlaceTable;
pub(crate) use towns::Town;
pub(crate) use user::UserPlaces;

/// A GeoNames place: what a resolved place mention stands for.
///
/// Values are those of GeoNames as shipped in the project's places table
/// (`geonames_places.tsv`); strings are borrowed from the embedded table.
///
/// # Examples
///
/// ```
/// let doc = textfacts::Analyzer::new().analyze("Shelling hit Aleppo, Syria.");
/// let place = doc.entities()[0].place.as_ref().unwrap();
/// assert_eq!((&*place.id, &*place.country, &*place.admin1), ("geonames:170063", "SY", "09"));
/// assert!((place.lat - 36.2).abs() < 0.1);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Place {
    /// GeoNames id as `geonames:<n>`; for a region the GeoNames tables lack
    /// (a sea, a macro-region: "Black Sea", "Darfur"), the built-in list's own
    /// id (`loc:black-sea`), its feature a GeoNames feature code (`SEA`,
    /// `RGN`); a user gazetteer's own id for its own places.
    pub id: Cow<'static, str>,
    /// GeoNames name of the place ("Aleppo", "Ḩalab" for the province).
    pub name: Cow<'static, str>,
    /// Latitude, WGS84 degrees.
    pub lat: f64,
    /// Longitude, WGS84 degrees.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 country code (empty for continents).
    pub country: Cow<'static, str>,
    /// GeoNames first-level division code within the country (empty for
    /// countries and continents).
    pub admin1: Cow<'static, str>,
    /// Name of that division (empty when unknown).
    pub admin1_name: Cow<'static, str>,
    /// GeoNames feature code (`PCLI` country, `ADM1` division, `PPLC`
    /// capital, `PPL` populated place, ...).
    pub feature: Cow<'static, str>,
    /// Population (for divisions, the sum of their listed places).
    pub population: u64,
}

impl Place {
    /// Whether the place is a country, dependent territory or continent.
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = textfacts::Analyzer::new().analyze("Refugees fled Syria.");
    /// assert!(doc.entities()[0].place.as_ref().unwrap().is_country());
    /// ```
    #[must_use]
    pub fn is_country(&self) -> bool {
        self.feature.starts_with("PCL") || self.feature == "CONT"
    }

    /// Whether the place is a first- or second-level division ("Texas",
    /// "Idlib Governorate", "Dorset").
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = textfacts::Analyzer::new().analyze("Floods in Texas.");
    /// assert!(doc.entities()[0].place.as_ref().unwrap().is_division());
    /// ```
    #[must_use]
    pub fn is_division(&self) -> bool {
        self.feature.starts_with("ADM")
    }

    /// Whether the place is a populated place: a city, town or village, or a
    /// section of one (GeoNames `PPL*` features), not a division, an island
    /// or a region.
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = textfacts::Analyzer::new().analyze("Floods in Houston and Texas.");
    /// let places: Vec<_> = doc.entities().iter().filter_map(|e| e.place.as_ref()).collect();
    /// assert!(places[0].is_settlement() && !places[1].is_settlement());
    /// ```
    #[must_use]
    pub fn is_settlement(&self) -> bool {
        self.feature.starts_with("PPL")
    }
}

/// Resolves place mentions to GeoNames places, one document at a time.
///
/// Entities whose first-ranked label is a place label (default `LOC`, `GPE`,
/// `PLACE`, `LOCATION`) are resolved among the candidates of that label;
/// entities with a nationality label (default `NORP`: "Syrian", "Americans")
/// resolve to their country. Candidates get their place from their
/// gazetteer's place columns (see
/// [`GazetteerBuilder::add_tsv`](crate::GazetteerBuilder::add_tsv)) or else
/// from the built-in places table by entity id, so a user gazetteer resolves
/// when its rows give their places or its ids are the built-in
/// `geonames:<n>` ids. Cheap to clone, `Send + Sync`.
///
/// # Rules, in order
///
/// 1. **Qualifier**: "City, State", "City, Country", "City (Country)" and a
///    dateline ("ALEPPO, Syria (Reuters) -"): the candidate of the first name
///    that lies in a candidate of the second wins (the likeliest such pair).
///    The same name elsewhere in the document takes the same place. (With
///    the [`Analyzer`](crate::Analyzer), a town the gazetteer does not list
///    is found this way too: "Ames, Iowa"; and a US state's postal code
///    qualifies too: "Washington, DC", "Ames, IA".) A name on a list beside
///    divisions is a division, beside countries a country ("Indonesia, Japan
///    and Palau").
/// 2. **Context**: countries and first-level divisions the document names
///    unambiguously (a country, a division, a place whose candidates all lie in
///    one country, a demonym, a qualified name; a country or division twenty
///    times as populous as any other of its name: "Florida") favour
///    candidates inside them. (With the [`Analyzer`](crate::Analyzer), a town
///    the gazetteer does not list is also found after "in", "near", "from" or
///    "outside", before "police", "residents", "man", "woman" or "mayor", or
///    in a dateline ("INNISFAIL \u{2014}"), when it is the only town of its
///    name in such a division (or in the one named most, or the one of rule
///    2b): "in Innisfail" in a report that names Queensland; so is a state
///    the gazetteer leaves out as a word in a country the document names ("in
///    Victoria"), and a town whose name is a word and a match ("Lake Wales",
///    over "Wales").)
///    **2b. Shared division**: names of one country and several of its
///    divisions ("Polk County", "Lakeland") favour the division where most
///    of them have a candidate (Florida, for both).
/// 3. **Prior**: population (log scale), and the gazetteer's own first choice.
///
/// A mention whose best candidates tie between countries without any context
/// stays unresolved (`None`).
///
/// # Examples
///
/// ```
/// use textfacts::{default_gazetteer, PlaceResolver};
/// let text = "Flooding closed roads in Paris, Texas.";
/// let g = default_gazetteer();
/// let matches: Vec<_> = g.find_iter(text).collect();
/// let places = PlaceResolver::new().resolve(g, text, &matches);
/// assert_eq!(places[0].as_ref().map(|p| &*p.admin1), Some("TX"));
/// ```
#[derive(Clone, Debug)]
pub struct PlaceResolver {
    labels: Arc<Labels>,
}

#[derive(Debug)]
struct Labels {
    places: Vec<Box<str>>,
    nationalities: Vec<Box<str>>,
    /// Per label number of the built-in places table: whether it is a place
    /// label and whether a nationality label (made on first use).
    builtin: once_cell::sync::OnceCell<[(bool, bool); 256]>,
}

impl Default for PlaceResolver {
    fn default() -> PlaceResolver {
        PlaceResolver::new()
    }
}

/// The place labels a resolver starts with.
pub(crate) const DEFAULT_PLACE_LABELS: [&str; 4] = ["LOC", "GPE", "PLACE", "LOCATION"];
/// The nationality labels a resolver starts with.
pub(crate) const DEFAULT_NATIONALITY_LABELS: [&str; 1] = ["NORP"];

impl PlaceResolver {
    /// A resolver with the default labels.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(textfacts::PlaceResolver::new().is_place_label("GPE"));
    /// ```
    #[must_use]
    pub fn new() -> PlaceResolver {
        PlaceResolver::with_labels(&DEFAULT_PLACE_LABELS, &DEFAULT_NATIONALITY_LABELS)
    }

    /// A resolver for these place labels and nationality labels.
    ///
    /// # Examples
    ///
    /// ```
    /// let r = textfacts::PlaceResolver::with_labels(&["GPE"], &[]);
    /// assert!(r.is_place_label("GPE") && !r.is_place_label("LOC"));
    /// ```
    #[must_use]
    pub fn with_labels(places: &[&str], nationalities: &[&str]) -> PlaceResolver {
        let own = |l: &[&str]| l.iter().map(|s| Box::from(*s)).collect();
        PlaceResolver {
            labels: Arc::new(Labels {
                places: own(places),
                nationalities: own(nationalities),
                builtin: once_cell::sync::OnceCell::new(),
            }),
        }
    }

    /// Whether `label` is one of the resolver's place labels.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(textfacts::PlaceResolver::new().is_place_label("LOC"));
    /// ```
    #[must_use]
    pub fn is_place_label(&self, label: &str) -> bool {
        self.labels.places.iter().any(|l| **l == *label)
    }

    /// Whether `label` is one of the resolver's nationality labels.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(textfacts::PlaceResolver::new().is_nationality_label("NORP"));
    /// ```
    #[must_use]
    pub fn is_nationality_label(&self, label: &str) -> bool {
        self.labels.nationalities.iter().any(|l| **l == *label)
    }

    /// The place of each match of `matches` (the document's matches from
    /// `gazetteer`, in text order), `None` for matches that are not places or
    /// could not be resolved. The result has one entry per match.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{default_gazetteer, PlaceResolver};
    /// let text = "Georgia's governor met voters in Atlanta.";
    /// let g = default_gazetteer();
    /// let matches: Vec<_> = g.find_iter(text).collect();
    /// let places = PlaceResolver::new().resolve(g, text, &matches);
    /// assert_eq!(places[0].as_ref().map(|p| &*p.country), Some("US"));
    /// ```
    #[must_use]
    pub fn resolve(
        &self,
        gazetteer: &Gazetteer,
        text: &str,
        matches: &[EntityMatch],
    ) -> Vec<Option<Place>> {
        let user = UserPlaces::for_matches(gazetteer, matches);
        resolve::resolve(PlaceTable::builtin(), &user, self, gazetteer, text, matches, None)
            .places()
    }

    /// As [`resolve`](Self::resolve), with the places of the gazetteer's
    /// place columns given (`user`, [`UserPlaces::for_matches`]), and adding
    /// to `towns` the towns the gazetteer does not list that the text names
    /// with their state or country ("Ames, Iowa") or in a state it names
    /// ("in Innisfail"; "Lake Wales", a town where the list names "Wales":
    /// [`Resolved::take_superseded`] gives the matches such towns stand
    /// for); the places are given as choices, decoded on demand.
    pub(crate) fn resolve_with_towns<'a>(
        &self,
        gazetteer: &Gazetteer,
        text: &str,
        matches: &[EntityMatch],
        user: &'a UserPlaces,
        towns: &mut Vec<Town<'a>>,
    ) -> Resolved<'a> {
        let table = PlaceTable::builtin();
        resolve::resolve(table, user, self, gazetteer, text, matches, Some(towns))
    }

    /// Per label number of `table` (the built-in places table): whether the
    /// label is a place label and whether a nationality label.
    pub(crate) fn table_label_flags(&self, table: &PlaceTable) -> &[(bool, bool); 256] {
        self.labels.builtin.get_or_init(|| {
            let mut flags = [(false, false); 256];
            for (n, slot) in (0..=u8::MAX).zip(flags.iter_mut()) {
                if let Some(label) = table.label(n) {
                    *slot = (self.is_place_label(label), self.is_nationality_label(label));
                }
            }
            flags
        })
    }

    /// The first place label (the label of towns found with their qualifier).
    pub(crate) fn first_place_label(&self) -> Option<&str> {
        self.labels.places.first().map(|l| &**l)
    }
}
