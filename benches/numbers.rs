//! Number-phrase extraction throughput on news text, against the tokenizer
//! alone (the floor: extraction must tokenize first).
//!
//! Reads `news/news.jsonl` (JSON lines with a "text" field) under
//! `TEXTFACTS_DATA` (default `../shared/data`); falls back to a small built-in
//! text when the data is absent.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::PathBuf;

const FALLBACK: &str = "Airstrikes killed at least 27 people, including four children, \
the monitor said on Tuesday. More than 1.5 million people have fled since 2015, and \
the UN says $4.5bn is needed. Hundreds of thousands of refugees crossed the border; \
about 20 to 30 boats leave each night. The 2014 agreement, signed by 12 member states, \
was never implemented. Nearly half of the population needs aid, and two-thirds of \
homes were damaged. Rescuers found 105 bodies, 23 of them children.\n";

fn news_docs() -> Vec<String> {
    let dir = std::env::var_os("TEXTFACTS_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    let path = dir.join("news").join("news.jsonl");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        eprintln!("no news text at {}; using the built-in sample", path.display());
        return vec![FALLBACK.repeat(20); 100];
    };
    let docs: Vec<String> = raw
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
        .collect();
    if docs.is_empty() {
        vec![FALLBACK.repeat(20); 100]
    } else {
        docs
    }
}

fn bench(c: &mut Criterion) {
    let docs = news_docs();
    let bytes: usize = docs.iter().map(String::len).sum();
    let phrases = |docs: &[String]| -> usize {
        docs.iter().map(|d| textfacts::number_phrases(black_box(d)).count()).sum()
    };
    // A sane count before timing: news has a number phrase every few hundred bytes.
    let found = phrases(&docs);
    assert!(found > bytes / 2000, "only {found} number phrases in {bytes} bytes");
    eprintln!("{} documents, {bytes} bytes, {found} number phrases", docs.len());

    let mut group = c.benchmark_group("numbers");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("tokens (reference)", |b| {
        b.iter(|| docs.iter().map(|d| textfacts::tokens(black_box(d)).count()).sum::<usize>())
    });
    group.bench_function("number_phrases", |b| b.iter(|| phrases(&docs)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
