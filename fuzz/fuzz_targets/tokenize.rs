//! Tokens and sentences: never panic; spans ordered, non-empty, on char
//! boundaries, and tokens cover every non-whitespace char.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut last_end = 0;
    let mut covered = 0;
    for t in textfacts::tokens(text) {
        let s = t.span();
        assert!(s.start >= last_end && s.start < s.end, "ordered, non-empty");
        assert_eq!(s.slice(text), Some(t.as_str()));
        covered += t.as_str().chars().count();
        last_end = s.end;
    }
    assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
    let mut last_end = 0;
    for s in textfacts::sentences(text) {
        let span = s.span();
        assert!(span.start >= last_end && span.start < span.end);
        assert_eq!(span.slice(text), Some(s.as_str()));
        last_end = span.end;
    }
});
