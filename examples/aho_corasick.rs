//! The yardstick of gazetteer matching, whole process (issue 19): what it
//! costs to build raw aho-corasick (`LeftmostLongest`, ASCII case
//! insensitive) from the names of gazetteer TSV files and count its matches
//! over the `text` of every line of a JSON Lines file, one core. `analyze
//! --jsonl --only entities` with the same gazetteers does the same job and
//! writes the matches as JSON.
//!
//! ```text
//! cargo build --release --example aho_corasick --example analyze
//! G="--gazetteer geonames_cities.tsv --gazetteer countries.tsv"
//! target/release/examples/aho_corasick $G NEWS.jsonl
//! target/release/examples/analyze --jsonl --only entities --no-default-gazetteer \
//!     --no-places $G NEWS.jsonl > /dev/null
//! ```
//!
//! Prints the number of lines, names and matches.

use aho_corasick::{AhoCorasick, MatchKind};
use std::io::{BufRead, BufReader};
use std::process::ExitCode;

#[derive(serde::Deserialize)]
struct Record {
    text: String,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut gazetteers = Vec::new();
    let mut input = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match (a.as_str(), it.clone().next()) {
            ("--gazetteer", Some(path)) => {
                gazetteers.push(path.clone());
                it.next();
            }
            _ => input = Some(a.clone()),
        }
    }
    let (Some(path), false) = (input, gazetteers.is_empty()) else {
        eprintln!("usage: aho_corasick --gazetteer FILE.tsv [--gazetteer FILE.tsv]... FILE.jsonl");
        return ExitCode::from(2);
    };
    let mut tsv = String::new();
    for g in &gazetteers {
        match std::fs::read_to_string(g) {
            Ok(text) => tsv.push_str(&text),
            Err(e) => {
                eprintln!("aho_corasick: {g}: {e}");
                return ExitCode::from(2);
            }
        }
        tsv.push('\n');
    }
    let names: Vec<&str> = tsv
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect();
    let ac = match AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&names)
    {
        Ok(ac) => ac,
        Err(e) => {
            eprintln!("aho_corasick: {e}");
            return ExitCode::from(2);
        }
    };
    let file = match std::fs::File::open(&path) {
        Ok(file) => file,
        Err(e) => {
            eprintln!("aho_corasick: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let (mut docs, mut matches) = (0usize, 0usize);
    let mut line = Vec::new();
    let mut input = BufReader::with_capacity(1 << 20, file);
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("aho_corasick: {path}: {e}");
                return ExitCode::from(2);
            }
        }
        let Ok(record) = serde_json::from_slice::<Record>(&line) else { continue };
        docs += 1;
        matches += ac.find_iter(&record.text).count();
    }
    println!("{docs} lines, {} names, {matches} matches", names.len());
    ExitCode::SUCCESS
}
