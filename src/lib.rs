//! Structured facts from news-style English text, fast.
//!
//! `textfacts` reads a report and returns, with exact UTF-8 byte offsets: its
//! tokens and sentences, the places and organisations it names (from a
//! gazetteer you can extend), every number phrase as an interval with the noun
//! it counts ("at least 27 people" is `[27, ∞)` people), and casualty facts
//! (outcome, count, victims, place).
//!
//! # Overview
//!
//! | layer | entry points |
//! |---|---|
//! | text | [`tokens`], [`sentences`] yielding [`Token`] (with a [`TokenKind`]) and [`Sentence`] |
//! | gazetteer | [`Gazetteer`] built by [`GazetteerBuilder`]; [`Gazetteer::find_iter`] yields [`EntityMatch`]; [`default_gazetteer`] |
//! | numbers | [`number_phrases`] yielding [`NumberPhrase`] with an [`Interval`]; [`parse_number`] for one phrase |
//! | places | [`PlaceResolver`] resolves place mentions to a [`Place`] (GeoNames id, point, country, division) |
//! | casualties | [`casualty_facts`] yielding [`CasualtyFact`] with an [`Outcome`] and a [`Count`] |
//! | all of it | [`Analyzer`] → [`Document`] (serialisable), [`HtmlPage`] to look at it |
//!
//! # Example: one paragraph, every layer
//!
//! ```
//! use textfacts::{Analyzer, Interval};
//!
//! let text = "Airstrikes hit a hospital in Aleppo, killing at least 27 people.";
//! let doc = Analyzer::new().analyze(text);
//!
//! let n = &doc.numbers()[0];
//! assert_eq!((n.start, n.end, n.text.as_str()), (45, 56, "at least 27"));
//! assert_eq!(n.interval, Interval::at_least(27.0));
//! assert_eq!(n.noun.as_ref().map(|s| s.text.as_str()), Some("people"));
//!
//! let aleppo = doc.entities().iter().find(|e| e.text == "Aleppo").unwrap();
//! assert_eq!((aleppo.start, &*aleppo.label), (29, "LOC"));
//!
//! let fact = &doc.casualties()[0];
//! assert_eq!(fact.outcome.as_str(), "killed");
//! assert_eq!(fact.location.as_ref().map(|l| l.text.as_str()), Some("Aleppo"));
//! ```
//!
//! # Example: your own gazetteer
//!
//! ```
//! use textfacts::Gazetteer;
//!
//! let g = Gazetteer::from_tsv("Halab\tLOC\tgeonames:170063\tAleppo\nAleppo\tLOC\tgeonames:170063\tAleppo\n")?;
//! let found: Vec<_> = g.find_iter("Aleppo-based doctors said Halab's hospitals were hit")
//!     .map(|m| (m.span().start, g.entity(m.entity()).canonical()))
//!     .collect();
//! assert_eq!(found, [(0, "Aleppo"), (26, "Aleppo")]);
//! # Ok::<(), textfacts::Error>(())
//! ```
//!
//! # Example: JSON
//!
//! With the default `serde` feature, [`Document`] serialises to the JSON the
//! `analyze` example prints:
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! let doc = textfacts::Analyzer::builder().layers(&[textfacts::Layer::Numbers]).build().analyze("dozens of people");
//! let json = serde_json::to_string(&doc).unwrap();
//! assert!(json.starts_with(r#"{"numbers":[{"start":0,"end":6,"text":"dozens""#));
//! # }
//! ```
//!
//! # Offsets
//!
//! Every span is a half-open range of UTF-8 byte offsets on `char` boundaries
//! of the input ([`Span`]). [`OffsetConverter`] turns them into char offsets
//! (Python) or UTF-16 offsets (JavaScript, Java).
//!
//! # Normalization
//!
//! Gazetteer matching folds case (full Unicode case folding) and accents,
//! treats any run of whitespace as one space, `’` as `'` and `–` as `-`, but
//! never copies or rewrites the text: spans point into the original. Smart
//! case ([`CaseMode::Smart`], the default) makes capitalised names match only
//! capitalised words, so "nice weather" is not a place.
//!
//! # Performance
//!
//! Build once, analyse many: [`Gazetteer`] and [`Analyzer`] are immutable
//! after building, cheap to clone (`Arc`) and `Send + Sync`, so keep one in a
//! static or share it across threads. [`Analyzer::analyze_batch`] spreads
//! documents over all cores with the `parallel` feature. The benches in
//! `benches/` report throughput against raw `aho-corasick` and
//! `unicode-segmentation` baselines measured in the same run.
//!
//! # Panics and untrusted input
//!
//! Analysis never fails and never panics, whatever `&str` it is given, and
//! runs in time and memory linear in the input. Only building returns a
//! [`Result`]: a malformed gazetteer line gives an [`Error`] naming the file
//! and the 1-based line. The crate's one `unsafe` block calls the gazetteer
//! scanner's SSE2 routine on x86-64, where SSE2 is part of every CPU
//! (`src/gazetteer/matcher/scan.rs` gives the argument); everything else is
//! safe code, and `unsafe` is denied elsewhere.
//!
//! # Crate features
//!
//! - `serde` (default): `Serialize`/`Deserialize` for [`Document`] and its
//!   records, and JSON Lines gazetteer input.
//! - `parallel`: [`Analyzer::analyze_batch`] on all cores (rayon).
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]
#![warn(missing_debug_implementations)]
#![deny(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

mod analyzer;
mod casualties;
mod document;
mod error;
mod gazetteer;
mod html;
#[cfg(feature = "serde")]
mod json;
mod numbers;
mod offsets;
mod places;
mod span;
mod text;
mod util;

pub use analyzer::{Analyzer, AnalyzerBuilder, Layer};
#[cfg(feature = "serde")]
pub use analyzer::{EntityRef, LayerVisitor};
pub use casualties::{casualty_facts, casualty_tolls, CasualtyFact, Count, Outcome, Toll};
pub use document::{
    CasualtyRecord, CountRecord, Document, EntityRecord, LocationRecord, NumberRecord,
    SentenceRecord, TextSpan, TokenRecord, TollRecord,
};
pub use error::Error;
pub use gazetteer::{
    default_gazetteer, CaseMode, Entity, EntityId, EntityMatch, FindIter, FindOverlappingIter,
    Gazetteer, GazetteerBuilder,
};
pub use html::HtmlPage;
#[cfg(feature = "serde")]
pub use json::{CasualtyRef, CountRef, LocationRef, NumberRef, SpanRef};
pub use numbers::{
    number_phrases, parse_number, Interval, NumberKind, NumberPhrase, NumberPhrases,
};
pub use offsets::OffsetConverter;
pub use places::{Place, PlaceResolver};
pub use span::Span;
pub use text::{sentences, tokens, Sentence, Sentences, Token, TokenKind, Tokens};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
