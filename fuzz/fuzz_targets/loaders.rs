//! The TSV loader on arbitrary text: a gazetteer or an error naming a line
//! that exists; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match textfacts::Gazetteer::from_tsv(text) {
        Ok(g) => {
            let _ = g.find_iter(text).count();
        }
        Err(e) => {
            if let Some(line) = e.line() {
                assert!(line >= 1 && line <= text.lines().count().max(1) + 1, "line {line} of {e}");
            }
        }
    }
});
