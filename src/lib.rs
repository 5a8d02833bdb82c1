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
//! | text | [`tokens`], [`sentences`], [`Token`], [`Sentence`], [`TokenKind`] |
//! | gazetteer | [`Gazetteer`], [`GazetteerBuilder`], [`EntityMatch`], [`default_gazetteer`] |
//! | numbers | [`number_phrases`], [`parse_number`], [`NumberPhrase`], [`Interval`] |
//! | casualties | [`casualty_facts`], [`CasualtyFact`], [`Outcome`] |
//! | all of it | [`Analyzer`] → [`Document`] |
//!
//! # Example
//!
//! ```
//! let text = "Airstrikes hit a hospital, killing at least 27 people.";
//! let doc = textfacts::Analyzer::new().analyze(text);
//! let n = &doc.numbers()[0];
//! assert_eq!((n.start, n.end, n.text.as_str()), (35, 46, "at least 27"));
//! assert_eq!(n.interval, textfacts::Interval::at_least(27.0));
//! ```
//!
//! # Panics and untrusted input
//!
//! Analysis never fails and never panics, whatever `&str` it is given; only
//! building a gazetteer from input returns a [`Result`], with an [`Error`]
//! naming the line at fault.
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]
#![warn(missing_debug_implementations)]
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

mod analyzer;
mod casualties;
mod document;
mod error;
mod gazetteer;
mod numbers;
mod span;
mod text;

pub use analyzer::{Analyzer, AnalyzerBuilder, Layer};
pub use casualties::{casualty_facts, CasualtyFact, Count, Outcome};
pub use document::{
    CasualtyRecord, CountRecord, Document, EntityRecord, NumberRecord, SentenceRecord, TextSpan,
    TokenRecord,
};
pub use error::Error;
pub use gazetteer::{
    default_gazetteer, CaseMode, Entity, EntityId, EntityMatch, FindIter, FindOverlappingIter,
    Gazetteer, GazetteerBuilder,
};
pub use numbers::{
    number_phrases, parse_number, Interval, NumberKind, NumberPhrase, NumberPhrases,
};
pub use span::Span;
pub use text::{sentences, tokens, Sentence, Sentences, Token, TokenKind, Tokens};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
