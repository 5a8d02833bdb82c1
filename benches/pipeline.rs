//! Whole-pipeline throughput on the news corpus: every layer, every layer but
//! casualties (their cost is the ratio of the two), entities alone with the
//! default gazetteer, and batch analysis single-threaded vs `analyze_batch`
//! (parallel with `--features parallel`); and every layer to JSON, through
//! the `Document` (`analyze` then `append_json`) or straight
//! (`Analyzer::append_json`).
//!
//! ```text
//! cargo bench --bench pipeline --features parallel
//! ```

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use textfacts::{Analyzer, Layer};

fn pipeline(c: &mut Criterion) {
    let texts = common::news_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let full = Analyzer::new();
    let without_casualties = Analyzer::builder()
        .layers(&[Layer::Tokens, Layer::Sentences, Layer::Entities, Layer::Numbers])
        .build();
    let entities_only = Analyzer::builder().layers(&[Layer::Entities]).build();
    // Warm the lazily built default gazetteer, and check the layers produce output
    // so that a broken layer cannot post a fast number.
    let doc = full.analyze(&texts.join("\n\n"));
    assert!(doc.tokens().len() > bytes / 20, "tokens look broken");
    assert!(!doc.sentences().is_empty());

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    for (name, analyzer) in [
        ("all_layers", &full),
        ("without_casualties", &without_casualties),
        ("entities_only", &entities_only),
    ] {
        group.bench_function(BenchmarkId::new(name, "news"), |b| {
            b.iter(|| {
                let mut n = 0;
                for t in &texts {
                    n += analyzer.analyze(black_box(t)).tokens().len();
                }
                n
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("pipeline_batch");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("one_thread", "news"), |b| {
        b.iter(|| texts.iter().map(|t| full.analyze(black_box(t))).collect::<Vec<_>>())
    });
    let label =
        if cfg!(feature = "parallel") { "analyze_batch_parallel" } else { "analyze_batch_serial" };
    group.bench_function(BenchmarkId::new(label, "news"), |b| {
        b.iter(|| full.analyze_batch(black_box(&texts)))
    });
    group.finish();
    #[cfg(feature = "serde")]
    json(c, &texts, bytes, &full);
}

/// Every layer to JSON: through the document, or straight.
#[cfg(feature = "serde")]
fn json(c: &mut Criterion, texts: &[String], bytes: usize, full: &Analyzer) {
    let mut group = c.benchmark_group("pipeline_json");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    let mut json = Vec::new();
    group.bench_function(BenchmarkId::new("through_document", "news"), |b| {
        b.iter(|| {
            json.clear();
            for t in texts {
                full.analyze(black_box(t)).append_json(&mut json);
            }
            json.len()
        })
    });
    group.bench_function(BenchmarkId::new("straight", "news"), |b| {
        b.iter(|| {
            json.clear();
            for t in texts {
                full.append_json(black_box(t), &mut json);
            }
            json.len()
        })
    });
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
