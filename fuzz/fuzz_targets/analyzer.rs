//! The whole Analyzer on arbitrary text, with a small custom gazetteer: never
//! panics, and every reported span slices the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use once_cell::sync::Lazy;
use textfacts::Analyzer;

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
    let doc = ANALYZER.analyze(text);
    for t in doc.tokens() {
        assert!(text.get(t.start..t.end).is_some());
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
});
