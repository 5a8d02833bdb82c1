//! The whole Analyzer on arbitrary text, with a small custom gazetteer: never
//! panics, every reported span slices the text, and its tokens, sentences and
//! number phrases are those the layers find on their own; the JSON written
//! straight from the analysis, and the layers it hands to a visitor, are the
//! document's.
#![no_main]

use libfuzzer_sys::fuzz_target;
use once_cell::sync::Lazy;
use textfacts::{Analyzer, LayerVisitor};

static ANALYZER: Lazy<Analyzer> = Lazy::new(|| {
    let g = textfacts::Gazetteer::builder()
        .include_default(true)
        .add("Aleppo", "LOC", "x:1", "Aleppo")
        .add("no one", "ORG", "x:2", "no one")
        .build()
        .expect("gazetteer");
    Analyzer::builder().gazetteer(g).build()
});

fuzz_target!(|text: &str| {
    check(text);
    // One input in sixty-four is also read repeated to some 80 KB, so that the
    // analyzer cuts it into blocks (text::blocks) at every kind of boundary.
    if !text.is_empty() && text.len() % 64 == 0 {
        check(&text.repeat((80_000 / text.len()).max(1)));
    }
});

fn check(text: &str) {
    let doc = ANALYZER.analyze(text);
    // Blocks must not change what the layers find on their own.
    let spans: Vec<_> = doc.tokens().iter().map(|t| (t.start, t.end)).collect();
    let direct: Vec<_> = textfacts::tokens(text).map(|t| (t.span().start, t.span().end)).collect();
    assert_eq!(spans, direct);
    let found: Vec<_> = doc.numbers().iter().map(|n| (n.start, n.end)).collect();
    let direct: Vec<_> =
        textfacts::number_phrases(text).map(|p| (p.span().start, p.span().end)).collect();
    assert_eq!(found, direct);
    // The analyzer splits sentences from its block tokens; `sentences` from
    // its own.
    let found: Vec<_> = doc.sentences().iter().map(|s| (s.start, s.end)).collect();
    let direct: Vec<_> =
        textfacts::sentences(text).map(|s| (s.span().start, s.span().end)).collect();
    assert_eq!(found, direct);
    let mut last = 0;
    for s in doc.sentences() {
        assert!(s.start >= last && s.start < s.end && text.get(s.start..s.end).is_some());
        last = s.end;
    }
    for e in doc.entities() {
        assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()));
    }
    for n in doc.numbers() {
        assert_eq!(text.get(n.start..n.end), Some(n.text.as_str()));
    }
    for c in doc.casualties() {
        assert_eq!(text.get(c.count.start..c.count.end), Some(c.count.text.as_str()));
    }
    let mut want = Vec::new();
    doc.append_json(&mut want);
    let mut got = Vec::new();
    ANALYZER.append_json(text, &mut got);
    assert!(got == want, "Analyzer::append_json differs from the document's JSON");
    let mut layers = LayersJson(Vec::new());
    ANALYZER.visit_layers(text, &mut layers);
    layers.0.push(b'}');
    assert!(layers.0 == want, "Analyzer::visit_layers differs from the document");
}

/// The document's JSON object, written from the layers handed over.
struct LayersJson(Vec<u8>);

impl LayerVisitor for LayersJson {
    fn layer<T: serde::Serialize + ?Sized>(&mut self, name: &'static str, records: &T) {
        self.0.push(if self.0.is_empty() { b'{' } else { b',' });
        self.0.extend_from_slice(format!("{name:?}:").as_bytes());
        serde_json::to_writer(&mut self.0, records).expect("serialize");
    }
}
