//! One front door: configure once, analyse many texts, get one [`Document`].

use crate::casualties::{casualty_facts, CasualtyFact, Count, Toll, TollReader};
use crate::document::{
    CasualtyRecord, CountRecord, Document, EntityRecord, LocationRecord, NumberRecord,
    SentenceRecord, TextSpan, TokenRecord, TollRecord,
};
use crate::gazetteer::{default_gazetteer, CaseMode, EntityMatch, Gazetteer};
use crate::numbers::read_block;
use crate::numbers::NumberPhrase;
use crate::places::{
    Place, PlaceResolver, PlaceTable, UserPlaces, DEFAULT_NATIONALITY_LABELS, DEFAULT_PLACE_LABELS,
};
use crate::span::Span;
use crate::text::{sentences, Blocks, Sentence, SentenceSplitter};
use std::borrow::Cow;
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
    /// [`Place`] (default: yes). Off, every `place` is `None`.
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
        let want = |l: Layer| self.inner.layers & l.bit() != 0;
        let gazetteer = self.inner.gazetteer.as_ref();
        let mut doc = Document::default();
        // Room for the usual counts at once rather than by doubling (each
        // doubling copies the records so far): news runs about one token per
        // five bytes and one sentence per 120. Capped, so that an odd text
        // does not reserve far more than it fills; the end gives back what a
        // text left unused.
        let mut out = Records {
            tokens: want(Layer::Tokens).then(|| Vec::with_capacity((text.len() / 5).min(1 << 16))),
            sentences: want(Layer::Sentences)
                .then(|| Vec::with_capacity((text.len() / 120).min(1 << 12))),
            entities: want(Layer::Entities).then(Vec::new),
            numbers: want(Layer::Numbers).then(Vec::new),
            casualties: want(Layer::Casualties).then(Vec::new),
        };
        let casualties = out.casualties.is_some();

        // Places are resolved from the whole document's context, so every
        // match is found first (16 bytes each); the block loop below takes
        // them as far as the block it reads.
        let matches: Vec<EntityMatch> = match gazetteer {
            Some(g) if out.entities.is_some() || casualties => g.find_iter(text).collect(),
            _ => Vec::new(),
        };
        // One entity record per match (and a few towns): room at once, not
        // by doubling records of ~300 bytes.
        if let Some(entities) = &mut out.entities {
            entities.reserve_exact(matches.len());
        }
        // The places the gazetteer's own rows give (none for the built-in list).
        let user_places = match gazetteer {
            Some(g) if self.inner.resolve_places => UserPlaces::for_matches(g, &matches),
            _ => UserPlaces::default(),
        };
        if let Some(records) = &mut out.entities {
            records.reserve_exact(matches.len());
        }
        let mut towns = Vec::new();
        let places: Vec<Option<Place>> = match gazetteer {
            Some(g) if self.inner.resolve_places && !matches.is_empty() => {
                self.inner.resolver.resolve_with_towns(g, text, &matches, &user_places, &mut towns)
            }
            _ => Vec::new(),
        };
        let place_of = |i: usize| places.get(i).and_then(Option::as_ref);
        let mut next_match = 0usize;

        // Tokens, sentences, numbers and casualties read the text block by
        // block (see `text::blocks`), so their working memory is bounded by
        // one block and the text is tokenized once for all of them.
        let wants_sentences = out.sentences.is_some() || casualties;
        if out.tokens.is_some() || out.numbers.is_some() || casualties {
            let mut blocks = Blocks::new(text);
            let mut block = blocks.buffer();
            let mut numbers = Vec::new();
            let mut splitter = SentenceSplitter::new(text);
            let mut block_sentences = Vec::new();
            let mut place_spans = Vec::new();
            let mut tolls = TollReader::default();
            while let Some(whole_text) = blocks.next_into(&mut block) {
                let (Some(first), Some(last)) = (block.first(), block.last()) else { continue };
                let range = Span::new(first.span().start, last.span().end);
                if let Some(records) = &mut out.tokens {
                    records.extend(block.iter().map(|t| TokenRecord {
                        start: t.span().start,
                        end: t.span().end,
                        kind: t.kind(),
                    }));
                }
                block_sentences.clear();
                if wants_sentences {
                    // A sentence ends when the token after it is read: each
                    // one that ends here is recorded, and its part in this
                    // block goes to the casualty engine (none when it ended
                    // with the last block).
                    for &token in &block {
                        if let Some(s) = splitter.push(token) {
                            out.push_sentence(&s);
                            if casualties {
                                block_sentences.extend(s.clipped(text, range));
                            }
                        }
                    }
                    // The sentence still open may go on in the next block,
                    // which reads it again.
                    if casualties {
                        block_sentences
                            .extend(splitter.so_far().and_then(|s| s.clipped(text, range)));
                    }
                }
                if out.numbers.is_none() && !casualties {
                    continue;
                }
                numbers.clear();
                read_block(text, &block, whole_text, &mut numbers);
                if let Some(records) = &mut out.numbers {
                    records.extend(numbers.iter().map(|p| number_record(text, p)));
                }
                if !casualties {
                    continue;
                }
                place_spans.clear();
                if let Some(g) = gazetteer {
                    while let Some(m) =
                        matches.get(next_match).filter(|m| m.span().start < range.end)
                    {
                        if self.inner.resolver.is_place_label(g.entity(m.entity()).label()) {
                            place_spans.push(m.span());
                        }
                        out.push_entity(g, text, m, place_of(next_match));
                        next_match += 1;
                    }
                }
                let facts = casualty_facts(text, &block, &block_sentences, &numbers, &place_spans);
                if let Some(records) = &mut out.casualties {
                    let place_at = |span: Span| {
                        let i = matches.partition_point(|m| m.span().start < span.start);
                        matches.get(i).filter(|m| m.span() == span).and_then(|_| place_of(i))
                    };
                    records.extend(facts.iter().map(|f| casualty_record(text, f, place_at)));
                }
                tolls.read_block(text, &block, &facts);
            }
            if casualties {
                doc.tolls = Some(tolls.tolls(text).iter().map(|t| toll_record(text, t)).collect());
            }
            if wants_sentences {
                if let Some(s) = splitter.finish() {
                    out.push_sentence(&s);
                }
            }
        } else if out.sentences.is_some() {
            // No tokens are needed otherwise: the splitter reads its own.
            sentences(text).for_each(|s| out.push_sentence(&s));
        }
        // Whatever the blocks did not need is still reported.
        if let Some(g) = gazetteer {
            for (i, m) in matches.iter().enumerate().skip(next_match) {
                out.push_entity(g, text, m, place_of(i));
            }
        }
        // Towns the gazetteer does not list, named with their state or
        // country, join the entities in text order.
        if let (Some(records), Some(label)) =
            (&mut out.entities, self.inner.resolver.first_place_label())
        {
            if !towns.is_empty() {
                for t in &towns {
                    records.push(EntityRecord {
                        start: t.start,
                        end: t.end,
                        text: text.get(t.start..t.end).unwrap_or("").to_string(),
                        label: Cow::Owned(label.to_string()),
                        id: t.place.id.clone(),
                        canonical: t.place.name.clone(),
                        candidates: t.candidates,
                        place: Some(t.place.clone()),
                    });
                }
                records.sort_by_key(|r| r.start);
            }
        }
        doc.tokens = out.tokens.map(fit);
        doc.sentences = out.sentences.map(fit);
        doc.entities = out.entities;
        doc.numbers = out.numbers;
        doc.casualties = out.casualties;
        doc
    }
}

/// The records of one document, filled layer by layer.
struct Records {
    tokens: Option<Vec<TokenRecord>>,
    sentences: Option<Vec<SentenceRecord>>,
    entities: Option<Vec<EntityRecord>>,
    numbers: Option<Vec<NumberRecord>>,
    casualties: Option<Vec<CasualtyRecord>>,
}

/// `v` without much unused room: a reservation the text did not fill is
/// given back (shrinking in place, no copy, with the system allocator).
fn fit<T>(mut v: Vec<T>) -> Vec<T> {
    if v.capacity() > v.len() + v.len() / 4 + 16 {
        v.shrink_to_fit();
    }
    v
}

impl Records {
    fn push_sentence(&mut self, s: &Sentence<'_>) {
        if let Some(records) = &mut self.sentences {
            records.push(SentenceRecord { start: s.span().start, end: s.span().end });
        }
    }

    fn push_entity(&mut self, g: &Gazetteer, text: &str, m: &EntityMatch, place: Option<&Place>) {
        if let Some(records) = &mut self.entities {
            // The built-in list's strings are borrowed, not copied: three
            // allocations fewer per entity.
            let (label, id, canonical) = match g.as_builtin() {
                Some(builtin) => {
                    let e = builtin.entity(m.entity());
                    (Cow::Borrowed(e.label()), Cow::Borrowed(e.id()), Cow::Borrowed(e.canonical()))
                }
                None => {
                    let e = g.entity(m.entity());
                    let owned = |s: &str| Cow::Owned(s.to_string());
                    (owned(e.label()), owned(e.id()), owned(e.canonical()))
                }
            };
            records.push(EntityRecord {
                start: m.span().start,
                end: m.span().end,
                text: m.span().slice(text).unwrap_or("").to_string(),
                label,
                id,
                canonical,
                candidates: g.candidates(m).len(),
                place: place.cloned(),
            });
        }
    }
}

fn number_record(text: &str, p: &NumberPhrase<'_>) -> NumberRecord {
    NumberRecord {
        start: p.span().start,
        end: p.span().end,
        text: p.as_str().to_string(),
        kind: p.kind(),
        unit: p.unit().map(str::to_string),
        interval: p.interval(),
        approximate: p.is_approximate(),
        noun: p.noun().map(|n| TextSpan::new(text, n)),
    }
}

fn count_record(text: &str, c: &Count) -> CountRecord {
    CountRecord {
        start: c.span().start,
        end: c.span().end,
        text: c.span().slice(text).unwrap_or("").to_string(),
        interval: c.interval(),
        approximate: c.is_approximate(),
    }
}

fn toll_record(text: &str, t: &Toll) -> TollRecord {
    TollRecord {
        outcome: t.outcome(),
        count: count_record(text, &t.count()),
        evidence: t.evidence().iter().map(|&s| TextSpan::new(text, s)).collect(),
    }
}

fn casualty_record<'p>(
    text: &str,
    f: &CasualtyFact,
    place_at: impl Fn(Span) -> Option<&'p Place>,
) -> CasualtyRecord {
    CasualtyRecord {
        outcome: f.outcome(),
        count: count_record(text, &f.count()),
        victims: f.victims().map(|s| TextSpan::new(text, s)),
        location: f.location().map(|s| LocationRecord {
            start: s.start,
            end: s.end,
            text: s.slice(text).unwrap_or("").to_string(),
            place: place_at(s).cloned(),
        }),
        hedged: f.is_hedged(),
    }
}
