//! Number phrases: never panic, finite bounds, well-formed spans; the
//! single-phrase parser never panics either.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut last_end = 0;
    for p in textfacts::number_phrases(text) {
        let s = p.span();
        assert!(s.start >= last_end && s.start < s.end);
        assert_eq!(s.slice(text), Some(p.as_str()));
        let i = p.interval();
        assert!(i.low().is_none_or(f64::is_finite) && i.high().is_none_or(f64::is_finite));
        if let Some(noun) = p.noun() {
            assert!(noun.slice(text).is_some());
        }
        last_end = s.end;
    }
    if let Some(i) = textfacts::parse_number(text) {
        assert!(i.low().is_none_or(f64::is_finite) && i.high().is_none_or(f64::is_finite));
    }
});
