//! Bench inputs shared by the bench files: the news corpus of the shared data
//! (through `TEXTFACTS_DATA`, default `../shared/data`), or a small text of our
//! own when it is absent so that benches still run anywhere.

#![allow(dead_code)]

use std::path::PathBuf;

/// The shared data directory, if present.
pub fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("TEXTFACTS_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    dir.is_dir().then_some(dir)
}

/// The texts of `news/news.jsonl`, or the bundled sample report repeated.
pub fn news_texts() -> Vec<String> {
    let from_file =
        data_dir().and_then(|dir| std::fs::read_to_string(dir.join("news/news.jsonl")).ok());
    match from_file {
        Some(jsonl) => jsonl
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect(),
        None => {
            eprintln!("bench: no shared data; using the bundled sample report");
            vec![include_str!("../../examples/sample-report.txt").to_string(); 200]
        }
    }
}

/// All news texts joined by blank lines, as one haystack.
pub fn news_text() -> String {
    news_texts().join("\n\n")
}
