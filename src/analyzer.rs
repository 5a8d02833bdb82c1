//! One front door: configure once, analyse many texts, get one [`Document`].

use crate::document::{
    CasualtyRecord, CountRecord, Document, EntityRecord, NumberRecord, SentenceRecord, TextSpan,
    TokenRecord,
};
use crate::{
    casualty_facts, default_gazetteer, number_phrases, sentences, tokens, CaseMode, Gazetteer,
};
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
}

impl Default for AnalyzerBuilder {
    fn default() -> AnalyzerBuilder {
        AnalyzerBuilder {
            layers: u8::MAX,
            default_gazetteer: true,
            case_mode: CaseMode::Smart,
            gazetteer: None,
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
        Analyzer { inner: Arc::new(Inner { layers: self.layers, gazetteer }) }
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
        let want = |l: Layer| self.inner.layers & l.bit() != 0;
        let casualties = want(Layer::Casualties);
        let mut doc = Document::default();

        // Borrowing tokens are kept only when the casualty layer needs them;
        // records alone are built straight from the iterator (less memory).
        let toks: Vec<_> = if casualties { tokens(text).collect() } else { Vec::new() };
        if want(Layer::Tokens) {
            let record = |t: &crate::Token<'_>| TokenRecord {
                start: t.span().start,
                end: t.span().end,
                kind: t.kind(),
            };
            doc.tokens = Some(if casualties {
                toks.iter().map(record).collect()
            } else {
                tokens(text).map(|t| record(&t)).collect()
            });
        }

        let sents: Vec<_> = if want(Layer::Sentences) || casualties {
            sentences(text).collect()
        } else {
            Vec::new()
        };
        if want(Layer::Sentences) {
            doc.sentences = Some(
                sents
                    .iter()
                    .map(|s| SentenceRecord { start: s.span().start, end: s.span().end })
                    .collect(),
            );
        }

        let matches: Vec<_> = match &self.inner.gazetteer {
            Some(g) if want(Layer::Entities) || casualties => g.find_iter(text).collect(),
            _ => Vec::new(),
        };
        if let (true, Some(g)) = (want(Layer::Entities), &self.inner.gazetteer) {
            doc.entities = Some(
                matches
                    .iter()
                    .map(|m| {
                        let e = g.entity(m.entity());
                        EntityRecord {
                            start: m.span().start,
                            end: m.span().end,
                            text: m.span().slice(text).unwrap_or("").to_string(),
                            label: e.label().to_string(),
                            id: e.id().to_string(),
                            canonical: e.canonical().to_string(),
                            candidates: g.candidates(m).len(),
                        }
                    })
                    .collect(),
            );
        } else if want(Layer::Entities) {
            doc.entities = Some(Vec::new());
        }

        let nums: Vec<_> = if want(Layer::Numbers) || casualties {
            number_phrases(text).collect()
        } else {
            Vec::new()
        };
        if want(Layer::Numbers) {
            doc.numbers = Some(
                nums.iter()
                    .map(|p| NumberRecord {
                        start: p.span().start,
                        end: p.span().end,
                        text: p.as_str().to_string(),
                        kind: p.kind(),
                        unit: p.unit().map(str::to_string),
                        interval: p.interval(),
                        approximate: p.is_approximate(),
                        noun: p.noun().map(|n| TextSpan::new(text, n)),
                    })
                    .collect(),
            );
        }

        if casualties {
            let places: Vec<_> = match &self.inner.gazetteer {
                Some(g) => matches
                    .iter()
                    .filter(|m| g.entity(m.entity()).label() == "LOC")
                    .map(|m| m.span())
                    .collect(),
                None => Vec::new(),
            };
            let facts = casualty_facts(text, &toks, &sents, &nums, &places);
            doc.casualties = Some(
                facts
                    .iter()
                    .map(|f| {
                        let c = f.count();
                        CasualtyRecord {
                            outcome: f.outcome(),
                            count: CountRecord {
                                start: c.span().start,
                                end: c.span().end,
                                text: c.span().slice(text).unwrap_or("").to_string(),
                                interval: c.interval(),
                                approximate: c.is_approximate(),
                            },
                            victims: f.victims().map(|s| TextSpan::new(text, s)),
                            location: f.location().map(|s| TextSpan::new(text, s)),
                            hedged: f.is_hedged(),
                        }
                    })
                    .collect(),
            );
        }
        doc
    }
}
