//! Random gazetteers and options: building never panics, and matches are
//! well-formed, non-overlapping spans of the text. (The built-in entries are
//! left to the analyzer target: rebuilding them per input would starve this one.)
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use textfacts::{CaseMode, Gazetteer};

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    names: Vec<(&'a str, &'a str)>,
    insensitive: bool,
    context_rules: bool,
    text: &'a str,
}

fuzz_target!(|input: Input<'_>| {
    let mut builder = Gazetteer::builder();
    builder
        .case_mode(if input.insensitive { CaseMode::Insensitive } else { CaseMode::Smart })
        .context_rules(input.context_rules);
    for (i, (name, label)) in input.names.iter().enumerate() {
        builder.add(name, label, &format!("id:{i}"), name);
    }
    let Ok(g) = builder.build() else { return };
    let mut last_end = 0;
    for m in g.find_iter(input.text) {
        let s = m.span();
        assert!(s.start >= last_end && s.start < s.end);
        assert!(s.slice(input.text).is_some());
        assert!(!g.candidates(&m).is_empty());
        last_end = s.end;
    }
    for m in g.find_overlapping_iter(input.text) {
        assert!(m.span().slice(input.text).is_some());
    }
});
