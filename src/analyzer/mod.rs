//! One front door: configure once, analyse many texts, get one [`Document`].

#[cfg(feature = "serde")]
mod json;
mod locations;
mod pass;
mod records;
#[cfg(feature = "serde")]
mod visit;

#[cfg(feature = "serde")]
use self::json::JsonSink;
use self::pass::{pass, Context, Wanted};
use self::records::Records;
#[cfg(feature = "serde")]
use self::visit::VisitSink;
#[cfg(feature = "serde")]
pub use self::visit::{EntityRef, LayerVisitor};
use crate::document::Document;
use crate::gazetteer::{default_gazetteer, CaseMode, Gazetteer};
use crate::places::{PlaceResolver, PlaceTable, DEFAULT_NATIONALITY_LABELS, DEFAULT_PLACE_LABELS};
use std::sync::Arc;

/// One layer of analysis.
///
/// # Examples
///
/// ```
/// use textfacts::{Analyzer, Layer};
/// let a = Analyzer::builder().layers(&[Layer::Numbers]).build();
/// let doc = a.analyze("about 60 people");
/// assert!(doc.tokens().is_empty());
/// assert_eq!(doc.numbers().len(), 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layer {
    /// Tokens with kinds.
    Tokens,
    /// Sentence spans.
    Sentences,
    /// Gazetteer matches.
    Entities,
    /// Number phrases.
    Numbers,
    /// Casualty facts (computes sentences, numbers and entities internally).
    Casualties,
}

impl Layer {
    /// Every layer, in output order.
    pub const ALL: [Layer; 5] =
        [Layer::Tokens, Layer::Sentences, Layer::Entities, Layer::Numbers, Layer::Casualties];

    /// The layer's name in JSON output and on the command line.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::Layer::Casualties.as_str(), "casualties");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Layer::Tokens => "tokens",
            Layer::Sentences => "sentences",
            Layer::Entities => "entities",
            Layer::Numbers => "numbers",
            Layer::Casualties => "casualties",
        }
    }

    /// The layer named `name` ("tokens", "numbers", ...), if any.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(textfacts::Layer::from_name("numbers"), Some(textfacts::Layer::Numbers));
    /// assert_eq!(textfacts::Layer::from_name("nouns"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Layer> {
        Layer::ALL.into_iter().find(|l| l.as_str() == name)
    }

    const fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Configures an [`Analyzer`].
///
/// # Examples
///
/// ```
/// let analyzer = textfacts::Analyzer::builder().default_gazetteer(true).build();
/// # let _ = analyzer;
/// ```
#[derive(Clone, Debug)]
pub struct AnalyzerBuilder {
    layers: u8,
    default_gazetteer: bool,
    case_mode: CaseMode,
    gazetteer: Option<Gazetteer>,
    resolve_places: bool,
    place_labels: Vec<String>,
    nationality_labels: Vec<String>,
}

impl Default for AnalyzerBuilder {
    fn default() -> AnalyzerBuilder {
        AnalyzerBuilder {
            layers: u8::MAX,
            default_gazetteer: true,
            case_mode: CaseMode::Smart,
            gazetteer: None,
            resolve_places: true,
            place_labels: DEFAULT_PLACE_LABELS.iter().map(|s| s.to_string()).collect(),
            nationality_labels: DEFAULT_NATIONALITY_LABELS.iter().map(|s| s.to_string()).collect(),
        }
    }
}

impl AnalyzerBuilder {
    /// Computes and returns only these layers (and computes what they need).
    /// Default: all.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{Analyzer, Layer};
    /// let doc = Analyzer::builder().layers(&[Layer::Tokens]).build().analyze("a b");
    /// assert!(doc.sentences().is_empty());
    /// ```
    pub fn layers(&mut self, layers: &[Layer]) -> &mut Self {
        self.layers = layers.iter().fold(0, |acc, l| acc | l.bit());
        self
    }

    /// Whether to match the built-in default gazetteer when no gazetteer is
    /// given (default: yes).
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = textfacts::Analyzer::builder().default_gazetteer(false).build().analyze("Paris");
    /// assert!(doc.entities().is_empty());
    /// ```
    pub fn default_gazetteer(&mut self, yes: bool) -> &mut Self {
        self.default_gazetteer = yes;
        self
    }

    /// The case mode of the built-in default gazetteer (default
    /// [`CaseMode::Smart`]); use [`CaseMode::Insensitive`] for text without
    /// reliable case. A gazetteer given with [`gazetteer`](Self::gazetteer)
    /// keeps its own mode.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{Analyzer, CaseMode};
    /// let shouting = Analyzer::builder().case_mode(CaseMode::Insensitive).build();
    /// assert!(shouting.analyze("protests in aleppo").entities().iter().any(|e| e.text == "aleppo"));
    /// assert!(Analyzer::new().analyze("protests in aleppo").entities().is_empty());
    /// ```
    pub fn case_mode(&mut self, mode: CaseMode) -> &mut Self {
        self.case_mode = mode;
        self
    }

    /// Uses `gazetteer` for entities. To combine it with the default entries,
    /// build it with [`GazetteerBuilder::include_default`](crate::GazetteerBuilder::include_default).
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::from_tsv("Idlib\tLOC\tx:1\tIdlib\n")?;
    /// let doc = textfacts::Analyzer::builder().gazetteer(g).build().analyze("in Idlib");
    /// assert_eq!(doc.entities()[0].text, "Idlib");
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut Self {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Whether entities with a place or nationality label are resolved to a
    /// [`Place`](crate::places::Place) (default: yes). Off, every `place` is `None`.
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = textfacts::Analyzer::builder().resolve_places(false).build().analyze("in Aleppo");
    /// assert!(doc.entities()[0].place.is_none());
    /// ```
    pub fn resolve_places(&mut self, yes: bool) -> &mut Self {
        self.resolve_places = yes;
        self
    }

    /// The entity labels that name places (default `LOC`, `GPE`, `PLACE`,
    /// `LOCATION`): their entities are resolved to places and are the
    /// locations casualty facts may use.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = textfacts::Gazetteer::from_tsv("Aleppo\tGPE\tgeonames:170063\tAleppo\n")?;
    /// let a = textfacts::Analyzer::builder().gazetteer(g).place_labels(&["GPE"]).build();
    /// let doc = a.analyze("Two people were killed in Aleppo.");
    /// assert_eq!(doc.entities()[0].place.as_ref().map(|p| &*p.country), Some("SY"));
    /// assert_eq!(doc.casualties()[0].location.as_ref().map(|l| l.text.as_str()), Some("Aleppo"));
    /// # Ok::<(), textfacts::Error>(())
    /// ```
    pub fn place_labels(&mut self, labels: &[&str]) -> &mut Self {
        self.place_labels = labels.iter().map(|s| s.to_string()).collect();
        self
    }

    /// The entity labels of nationality words (default `NORP`: "Syrian",
    /// "Americans"), resolved to their country's place.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = textfacts::Analyzer::builder().nationality_labels(&[]).build();
    /// assert!(a.analyze("Syrian forces").entities()[0].place.is_none());
    /// ```
    pub fn nationality_labels(&mut self, labels: &[&str]) -> &mut Self {
        self.nationality_labels = labels.iter().map(|s| s.to_string()).collect();
        self
    }

    /// Builds the analyzer.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = textfacts::Analyzer::builder().build();
    /// # let _ = a;
    /// ```
    #[must_use]
    pub fn build(&self) -> Analyzer {
        let gazetteer = match (&self.gazetteer, self.default_gazetteer) {
            (Some(g), _) => Some(g.clone()),
            (None, true) if self.case_mode == CaseMode::Smart => Some(default_gazetteer().clone()),
            // The embedded list always builds; an empty gazetteer is the
            // harmless fallback should that ever change.
            (None, true) => Some(
                Gazetteer::builder()
                    .include_default(true)
                    .case_mode(self.case_mode)
                    .build()
                    .unwrap_or_else(|_| default_gazetteer().clone()),
            ),
            (None, false) => None,
        };
        if self.resolve_places && gazetteer.is_some() {
            // The places table is read here, once, rather than in the first
            // analysis.
            let _ = PlaceTable::builtin();
        }
        let places: Vec<&str> = self.place_labels.iter().map(String::as_str).collect();
        let nationalities: Vec<&str> = self.nationality_labels.iter().map(String::as_str).collect();
        let resolver = PlaceResolver::with_labels(&places, &nationalities);
        Analyzer {
            inner: Arc::new(Inner {
                layers: self.layers,
                gazetteer,
                resolver,
                resolve_places: self.resolve_places,
            }),
        }
    }
}

/// Runs every layer over a text and returns one [`Document`].
///
/// Build once, analyse many: cloning is cheap (`Arc`) and it is `Send + Sync`.
///
/// # Examples
///
/// ```
/// let doc = textfacts::Analyzer::new().analyze("Over 60 people have been killed.");
/// assert_eq!(doc.numbers()[0].text, "Over 60");
/// ```
#[derive(Clone, Debug)]
pub struct Analyzer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    layers: u8,
    gazetteer: Option<Gazetteer>,
    resolver: PlaceResolver,
    resolve_places: bool,
}

impl Default for Analyzer {
    fn default() -> Analyzer {
        Analyzer::new()
    }
}

impl Analyzer {
    /// An analyzer with every layer and the built-in default gazetteer.
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = textfacts::Analyzer::new().analyze("Hello.");
    /// assert_eq!(doc.tokens().len(), 2);
    /// ```
    #[must_use]
    pub fn new() -> Analyzer {
        AnalyzerBuilder::default().build()
    }

    /// A builder with default options.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = textfacts::Analyzer::builder().build();
    /// # let _ = a;
    /// ```
    #[must_use]
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    /// Analyses many texts, in input order. With the `parallel` feature the
    /// texts are spread over all cores (rayon's global pool); without it they
    /// are analysed one after another.
    ///
    /// # Examples
    ///
    /// ```
    /// let docs = textfacts::Analyzer::new().analyze_batch(&["Two died.", "Five were hurt."]);
    /// assert_eq!(docs.len(), 2);
    /// assert_eq!(docs[1].tokens().len(), 4);
    /// ```
    #[must_use]
    pub fn analyze_batch<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Document> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            texts.par_iter().map(|t| self.analyze(t.as_ref())).collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            texts.iter().map(|t| self.analyze(t.as_ref())).collect()
        }
    }

    /// Analyses `text`. Never fails and never panics.
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = textfacts::Analyzer::new().analyze("");
    /// assert!(doc.tokens().is_empty());
    /// ```
    #[must_use]
    pub fn analyze(&self, text: &str) -> Document {
        let want = self.wanted();
        let mut records = Records::new(text, want);
        pass(&self.context(), text, want, &mut records);
        records.finish()
    }

    /// Appends the JSON of `text`'s analysis to `buf`: exactly the bytes of
    /// `self.analyze(text).append_json(buf)` (the JSON contract of the
    /// `analyze` example), written straight from the analysis without
    /// building the [`Document`] (no record and no `String` per finding),
    /// in less time. Never fails and never panics.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = textfacts::Analyzer::new();
    /// let text = "Over 60 people were killed in Aleppo.";
    /// let mut json = Vec::new();
    /// a.append_json(text, &mut json);
    /// let mut expected = Vec::new();
    /// a.analyze(text).append_json(&mut expected);
    /// assert_eq!(json, expected);
    /// ```
    #[cfg(feature = "serde")]
    pub fn append_json(&self, text: &str, buf: &mut Vec<u8>) {
        let want = self.wanted();
        let mut sink = JsonSink::new(text, want, buf);
        pass(&self.context(), text, want, &mut sink);
        sink.finish();
    }

    /// Hands `visitor` each layer of `text`'s analysis, in the order of the
    /// [`Document`]'s fields, as borrowed records that serialize exactly as
    /// that field of `self.analyze(text)` does (see [`LayerVisitor`]):
    /// written straight from the analysis without building the `Document`
    /// (no `String` per record), for a caller that serializes the records
    /// into a format of its own (Arrow columns, say). Only the layers this
    /// analyzer computes are handed over. Never fails and never panics.
    ///
    /// # Examples
    ///
    /// ```
    /// use textfacts::{Analyzer, LayerVisitor};
    ///
    /// /// The document's JSON object, written layer by layer.
    /// struct Json(serde_json::Map<String, serde_json::Value>);
    ///
    /// impl LayerVisitor for Json {
    ///     fn layer<T: serde::Serialize + ?Sized>(&mut self, name: &'static str, records: &T) {
    ///         self.0.insert(name.to_string(), serde_json::to_value(records).unwrap());
    ///     }
    /// }
    ///
    /// let a = Analyzer::new();
    /// let text = "Over 60 people were killed in Aleppo.";
    /// let mut json = Json(serde_json::Map::new());
    /// a.visit_layers(text, &mut json);
    /// let expected = serde_json::to_value(a.analyze(text)).unwrap();
    /// assert_eq!(serde_json::Value::Object(json.0), expected);
    /// ```
    #[cfg(feature = "serde")]
    pub fn visit_layers(&self, text: &str, visitor: &mut impl LayerVisitor) {
        let want = self.wanted();
        let mut sink = VisitSink::new(text, want);
        pass(&self.context(), text, want, &mut sink);
        sink.finish(visitor);
    }

    /// The layers this analyzer writes.
    fn wanted(&self) -> Wanted {
        let want = |l: Layer| self.inner.layers & l.bit() != 0;
        Wanted {
            tokens: want(Layer::Tokens),
            sentences: want(Layer::Sentences),
            entities: want(Layer::Entities),
            numbers: want(Layer::Numbers),
            casualties: want(Layer::Casualties),
        }
    }

    /// What a pass reads besides the text.
    fn context(&self) -> Context<'_> {
        Context {
            gazetteer: self.inner.gazetteer.as_ref(),
            resolver: &self.inner.resolver,
            resolve_places: self.inner.resolve_places,
        }
    }
}
