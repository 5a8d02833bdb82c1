//! The yardstick of full analysis (issue 19): what it costs only to read a
//! JSON Lines file and run unicode-segmentation's word bounds over its
//! lines, one core, nothing else. `analyze --jsonl` reads the same lines,
//! parses them, runs every layer of analysis over their texts and writes
//! JSON. With `--text`, the yardstick parses each line and segments only its
//! `text` field instead.
//!
//! ```text
//! cargo build --release --example word_bounds --example analyze
//! taskset -c 0 target/release/examples/word_bounds NEWS.jsonl
//! taskset -c 0 target/release/examples/analyze --jsonl NEWS.jsonl > /dev/null
//! ```
//!
//! Prints the number of lines, bytes segmented and word-bound pieces.

use std::io::{BufRead, BufReader};
use std::process::ExitCode;
use unicode_segmentation::UnicodeSegmentation;

#[derive(serde::Deserialize)]
struct Record {
    text: String,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text_only = args.iter().any(|a| a == "--text");
    let Some(path) = args.iter().find(|a| *a != "--text").cloned() else {
        eprintln!("usage: word_bounds [--text] FILE.jsonl");
        return ExitCode::from(2);
    };
    let file = match std::fs::File::open(&path) {
        Ok(file) => file,
        Err(e) => {
            eprintln!("word_bounds: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let (mut docs, mut bytes, mut pieces) = (0usize, 0usize, 0usize);
    let mut line = Vec::new();
    let mut input = BufReader::with_capacity(1 << 20, file);
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("word_bounds: {path}: {e}");
                return ExitCode::from(2);
            }
        }
        let counted = if text_only {
            serde_json::from_slice::<Record>(&line)
                .ok()
                .map(|r| (r.text.len(), r.text.split_word_bound_indices().count()))
        } else {
            std::str::from_utf8(&line).ok().map(|l| (l.len(), l.split_word_bound_indices().count()))
        };
        let Some((len, count)) = counted else { continue };
        docs += 1;
        bytes += len;
        pieces += count;
    }
    println!("{docs} lines, {bytes} bytes segmented, {pieces} word-bound pieces");
    ExitCode::SUCCESS
}
