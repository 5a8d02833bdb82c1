//! One front door: configure once, analyse many texts, get one [`Document`].

use crate::casualties::{casualty_tolls, Count, Toll};
use crate::document::{
    CasualtyRecord, CountRecord, Document, EntityRecord, NumberRecord, SentenceRecord, TextSpan,
    TokenRecord, TollRecord,
};
use crate::numbers::read_block;
use crate::text::{Blocks, SentenceSplitter};
use crate::{
    casualty_facts, default_gazetteer, sentences, CaseMode, CasualtyFact, EntityMatch, Gazetteer,
    NumberPhrase, Sentence, Span,
};
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
        let gazetteer = self.inner.gazetteer.as_ref();
        let mut doc = Document::default();
        let mut out = Records {
            tokens: want(Layer::Tokens).then(Vec::new),
            sentences: want(Layer::Sentences).then(Vec::new),
            entities: want(Layer::Entities).then(Vec::new),
            numbers: want(Layer::Numbers).then(Vec::new),
            casualties: want(Layer::Casualties).then(Vec::new),
        };
        let casualties = out.casualties.is_some();

        // The entity iterator is lazy; the block loop below pulls from it
        // only as far as the block it reads.
        let mut match_iter = match gazetteer {
            Some(g) if out.entities.is_some() || casualties => Some(g.find_iter(text).peekable()),
            _ => None,
        };

        // Tokens, sentences, numbers and casualties read the text block by
        // block (see `text::blocks`), so their working memory is bounded by
        // one block and the text is tokenized once for all of them.
        let wants_sentences = out.sentences.is_some() || casualties;
        if out.tokens.is_some() || out.numbers.is_some() || casualties {
            let mut blocks = Blocks::new(text);
            let mut block = Vec::new();
            let mut numbers = Vec::new();
            let mut splitter = SentenceSplitter::new(text);
            let mut block_sentences = Vec::new();
            let mut places = Vec::new();
            let mut doc_facts = Vec::new();
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
                places.clear();
                if let (Some(it), Some(g)) = (&mut match_iter, gazetteer) {
                    while let Some(m) = it.next_if(|m| m.span().start < range.end) {
                        if g.entity(m.entity()).label() == "LOC" {
                            places.push(m.span());
                        }
                        out.push_entity(g, text, &m);
                    }
                }
                let facts = casualty_facts(text, &block, &block_sentences, &numbers, &places);
                if let Some(records) = &mut out.casualties {
                    records.extend(facts.iter().map(|f| casualty_record(text, f)));
                }
                doc_facts.extend(facts);
            }
            if casualties {
                doc.tolls = Some(
                    casualty_tolls(text, &doc_facts).iter().map(|t| toll_record(text, t)).collect(),
                );
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
        if let (Some(it), Some(g)) = (match_iter, gazetteer) {
            it.for_each(|m| out.push_entity(g, text, &m));
        }
        doc.tokens = out.tokens;
        doc.sentences = out.sentences;
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

impl Records {
    fn push_sentence(&mut self, s: &Sentence<'_>) {
        if let Some(records) = &mut self.sentences {
            records.push(SentenceRecord { start: s.span().start, end: s.span().end });
        }
    }

    fn push_entity(&mut self, g: &Gazetteer, text: &str, m: &EntityMatch) {
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

fn casualty_record(text: &str, f: &CasualtyFact) -> CasualtyRecord {
    CasualtyRecord {
        outcome: f.outcome(),
        count: count_record(text, &f.count()),
        victims: f.victims().map(|s| TextSpan::new(text, s)),
        location: f.location().map(|s| TextSpan::new(text, s)),
        hedged: f.is_hedged(),
    }
}
