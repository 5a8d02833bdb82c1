//! The one pass of an analysis over a text, feeding every layer asked for,
//! and the [`Sink`] its findings go to: the owned [`Document`]
//! (`records.rs`), JSON written straight from the borrowed findings
//! (`json.rs`), or borrowed records handed to a caller's visitor
//! (`visit.rs`).
//!
//! [`Document`]: crate::document::Document

use super::locations::may_be_named;
use crate::casualties::{casualty_facts_among, CasualtyFact, Toll, TollReader};
use crate::gazetteer::{EntityMatch, Gazetteer};
use crate::numbers::{read_block, NumberPhrase};
use crate::places::{Place, PlaceResolver, Resolved, Town, UserPlaces};
use crate::span::Span;
use crate::text::{sentences, Blocks, SentenceSplitter, Token};
use crate::util::remove_indices;

/// The layers one analysis writes.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Wanted {
    pub(crate) tokens: bool,
    pub(crate) sentences: bool,
    pub(crate) entities: bool,
    pub(crate) numbers: bool,
    pub(crate) casualties: bool,
}

/// Where the findings of one pass go, in text order within each layer; a
/// sink is only called for the layers [`Wanted`]. The text, the gazetteer
/// and the town label live for `'a` (the analyzer's and the text's), so a
/// sink may keep what it borrows from them.
pub(crate) trait Sink<'a> {
    /// The tokens of one block.
    fn tokens(&mut self, block: &[Token<'_>]);
    /// How many entities will come (from the gazetteer; towns come apart).
    fn expect_entities(&mut self, count: usize);
    /// A sentence, once it has ended.
    fn sentence(&mut self, span: Span);
    /// The towns the gazetteer does not list (`label` is their label), in
    /// the order resolution found them; they join the entities by start, a
    /// town after a match of the same start. Called once, before any entity.
    fn towns(&mut self, text: &'a str, label: &'a str, towns: &[Town<'_>]);
    /// A gazetteer match, with the place it was resolved to.
    fn entity(
        &mut self,
        gazetteer: &'a Gazetteer,
        text: &'a str,
        m: &EntityMatch,
        place: Option<&Place>,
    );
    /// A gazetteer match, match `i` of the document's `places`: by default
    /// its place decoded for [`entity`](Sink::entity); a sink may write
    /// from where the place comes from instead.
    fn chosen_entity(
        &mut self,
        gazetteer: &'a Gazetteer,
        text: &'a str,
        m: &EntityMatch,
        places: &Resolved<'_>,
        i: usize,
    ) {
        let place = places.place(i);
        self.entity(gazetteer, text, m, place.as_deref());
    }
    /// The number phrases of one block.
    fn numbers(&mut self, text: &'a str, phrases: &[NumberPhrase<'a>]);
    /// The casualty facts of one block; `place_at` gives the place of the
    /// entity at a location's span.
    fn casualties<'p>(
        &mut self,
        text: &'a str,
        facts: &[CasualtyFact],
        place_at: impl Fn(Span) -> Option<&'p Place>,
    );
    /// The document's tolls (called once, when casualties are wanted).
    fn tolls(&mut self, text: &'a str, tolls: &[Toll]);
}

/// What one pass reads besides the text.
pub(crate) struct Context<'a> {
    pub(crate) gazetteer: Option<&'a Gazetteer>,
    pub(crate) resolver: &'a PlaceResolver,
    pub(crate) resolve_places: bool,
}

/// Reads `text` once and gives `sink` the findings of every layer in `want`.
pub(crate) fn pass<'a>(cx: &Context<'a>, text: &'a str, want: Wanted, sink: &mut impl Sink<'a>) {
    let gazetteer = cx.gazetteer;
    let casualties = want.casualties;

    // Places are resolved from the whole document's context, so every match
    // is found first (16 bytes each); the block loop below takes them as far
    // as the block it reads.
    let mut matches: Vec<EntityMatch> = match gazetteer {
        Some(g) if want.entities || casualties => g.find_iter(text).collect(),
        _ => Vec::new(),
    };
    if want.entities {
        sink.expect_entities(matches.len());
    }
    // The places the gazetteer's own rows give (none for the built-in list).
    let user_places = match gazetteer {
        Some(g) if cx.resolve_places => UserPlaces::for_matches(g, &matches),
        _ => UserPlaces::default(),
    };
    let mut towns = Vec::new();
    let mut places = match gazetteer {
        // Even without a match: a town and its state's postal code ("Bartow,
        // FL").
        Some(g) if cx.resolve_places && (want.entities || casualties) => {
            cx.resolver.resolve_with_towns(g, text, &matches, &user_places, &mut towns)
        }
        _ => Resolved::default(),
    };
    // A town named by a word and a match ("Lake Wales" in a Florida
    // report) stands in place of the match ("Wales").
    remove_indices(&mut matches, &places.take_superseded());
    let matches = matches;
    // A casualty's location borrows its place: decoded (each record once)
    // only when facts are wanted.
    if casualties {
        places.decode_all();
    }
    let places = places;
    // Towns the gazetteer does not list, named with their state or country,
    // join the entities in text order.
    if want.entities && !towns.is_empty() {
        if let Some(label) = cx.resolver.first_place_label() {
            sink.towns(text, label, &towns);
        }
    }
    let mut next_match = 0usize;

    // Tokens, sentences, numbers and casualties read the text block by block
    // (see `text::blocks`), so their working memory is bounded by one block
    // and the text is tokenized once for all of them.
    let wants_sentences = want.sentences || casualties;
    if want.tokens || want.numbers || casualties {
        let mut blocks = Blocks::new(text);
        let mut block = blocks.buffer();
        let mut numbers = Vec::new();
        let mut splitter = SentenceSplitter::new(text);
        let mut block_sentences = Vec::new();
        let mut place_spans = Vec::new();
        let mut unnamed_spans = Vec::new();
        let mut tolls = TollReader::default();
        while let Some(whole_text) = blocks.next_into(&mut block) {
            let (Some(first), Some(last)) = (block.first(), block.last()) else { continue };
            let range = Span::new(first.span().start, last.span().end);
            if want.tokens {
                sink.tokens(&block);
            }
            block_sentences.clear();
            if wants_sentences {
                // A sentence ends when the token after it is read: each one
                // that ends here is recorded, and its part in this block goes
                // to the casualty engine (none when it ended with the last
                // block).
                for &token in &block {
                    if let Some(s) = splitter.push(token) {
                        if want.sentences {
                            sink.sentence(s.span());
                        }
                        if casualties {
                            block_sentences.extend(s.clipped(text, range));
                        }
                    }
                }
                // The sentence still open may go on in the next block, which
                // reads it again.
                if casualties {
                    block_sentences.extend(splitter.so_far().and_then(|s| s.clipped(text, range)));
                }
            }
            if !want.numbers && !casualties {
                continue;
            }
            numbers.clear();
            read_block(text, &block, whole_text, &mut numbers);
            if want.numbers {
                sink.numbers(text, &numbers);
            }
            if !casualties {
                continue;
            }
            place_spans.clear();
            unnamed_spans.clear();
            if let Some(g) = gazetteer {
                while let Some(m) = matches.get(next_match).filter(|m| m.span().start < range.end) {
                    if cx.resolver.is_place_label(g.entity(m.entity()).label()) {
                        place_spans.push(m.span());
                        if !may_be_named(g, text, m, places.decoded(next_match)) {
                            unnamed_spans.push(m.span());
                        }
                    }
                    if want.entities {
                        sink.chosen_entity(g, text, m, &places, next_match);
                    }
                    next_match += 1;
                }
            }
            let facts = casualty_facts_among(
                text,
                &block,
                &block_sentences,
                &numbers,
                &place_spans,
                &unnamed_spans,
            );
            // A location is a place match, or its start without a unit word
            // ("Kaduna" of "Kaduna State"): the match's place.
            let place_at = |span: Span| {
                let i = matches.partition_point(|m| m.span().start < span.start);
                matches
                    .get(i)
                    .filter(|m| m.span().start == span.start && m.span().end >= span.end)
                    .and_then(|_| places.decoded(i))
            };
            sink.casualties(text, &facts, place_at);
            tolls.read_block(text, &block, &facts);
        }
        if casualties {
            sink.tolls(text, &tolls.tolls(text));
        }
        if want.sentences {
            if let Some(s) = splitter.finish() {
                sink.sentence(s.span());
            }
        }
    } else if want.sentences {
        // No tokens are needed otherwise: the splitter reads its own.
        sentences(text).for_each(|s| sink.sentence(s.span()));
    }
    // Whatever the blocks did not need is still reported.
    if let (Some(g), true) = (gazetteer, want.entities) {
        for (i, m) in matches.iter().enumerate().skip(next_match) {
            sink.chosen_entity(g, text, m, &places, i);
        }
    }
}
