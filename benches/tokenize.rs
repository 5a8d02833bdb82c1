//! Tokenization and sentence splitting throughput, each side by side with its
//! unicode-segmentation baseline in one group, so results read as ratios.
//!
//! Text: the "text" fields of `news/news.jsonl` under `TEXTFACTS_DATA`
//! (default `../shared/data`), or a small built-in text when that is absent.
//!
//! ```text
//! cargo bench --bench tokenize -- --warm-up-time 1 --measurement-time 3
//! ```

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::PathBuf;
use unicode_segmentation::UnicodeSegmentation;

/// Written for this bench: news-style English with the shapes the rules
/// handle (abbreviations, clitics, numbers, quotes, a URL, a headline).
const BUILT_IN: &str = "Floods sweep northern districts\n\n\
Tuesday, March 3, 2020\n\n\
Heavy rain caused flooding across the region on Monday, officials said. At least 27 \
people were killed and 1,200 were displaced, according to Gen. A. Rahman of the U.S.-backed \
relief mission. \u{201c}We\u{2019}re doing what we can,\u{201d} he told reporters at 10:30 a.m. \
Water levels rose 6.8 metres in places -- the highest since 1998. Residents didn\u{2019}t \
expect it... Updates: https://example.org/floods (No. 4) or mail desk@example.org!\n\n\
The ministry\u{2019}s spokesman, Mr. Karim, said relief teams had reached 12,400 households. \
Schools remain closed; roads to the north are cut. \"It's not over yet,\" she said.";

fn corpus() -> (String, Vec<String>) {
    let dir = std::env::var_os("TEXTFACTS_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    let path = dir.join("news/news.jsonl");
    match std::fs::read_to_string(&path) {
        Ok(jsonl) => {
            let docs: Vec<String> = jsonl
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
                .collect();
            ("news".to_string(), docs)
        }
        Err(_) => {
            eprintln!("{} not found: benching the built-in text", path.display());
            ("built-in".to_string(), vec![BUILT_IN.to_string(); 200])
        }
    }
}

fn bench(c: &mut Criterion) {
    let (name, docs) = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    assert!(bytes > 0, "empty corpus");

    // A broken tokenizer must not post a fast number: check the counts first.
    let tokens: usize = docs.iter().map(|d| textfacts::tokens(d).count()).sum();
    let pieces: usize = docs.iter().map(|d| d.split_word_bound_indices().count()).sum();
    let words = docs.iter().map(|d| d.split_whitespace().count()).sum::<usize>();
    assert!(
        tokens >= words && tokens <= pieces,
        "{tokens} tokens for {words} words, {pieces} pieces"
    );
    let sentences: usize = docs.iter().map(|d| textfacts::sentences(d).count()).sum();
    let uax_sentences: usize = docs.iter().map(|d| d.unicode_sentences().count()).sum();
    assert!(
        sentences * 2 > uax_sentences && sentences < uax_sentences * 2,
        "{sentences} sentences vs {uax_sentences} UAX#29 sentences"
    );

    let mut group = c.benchmark_group("tokenize");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_with_input(BenchmarkId::new("textfacts::tokens", &name), &docs, |b, docs| {
        b.iter(|| docs.iter().map(|d| textfacts::tokens(black_box(d)).count()).sum::<usize>())
    });
    group.bench_with_input(
        BenchmarkId::new("split_word_bound_indices", &name),
        &docs,
        |b, docs| {
            b.iter(|| {
                docs.iter().map(|d| black_box(d).split_word_bound_indices().count()).sum::<usize>()
            })
        },
    );
    group.finish();

    let mut group = c.benchmark_group("sentences");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_with_input(BenchmarkId::new("textfacts::sentences", &name), &docs, |b, docs| {
        b.iter(|| docs.iter().map(|d| textfacts::sentences(black_box(d)).count()).sum::<usize>())
    });
    group.bench_with_input(BenchmarkId::new("unicode_sentences", &name), &docs, |b, docs| {
        b.iter(|| docs.iter().map(|d| black_box(d).unicode_sentences().count()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
