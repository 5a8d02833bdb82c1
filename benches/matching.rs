//! Gazetteer matching throughput against raw aho-corasick in the same groups,
//! and build cost apart.
//!
//! Data from `TEXTFACTS_DATA` (default `../shared/data`): the ~147k-name
//! benchmark gazetteer (geonames_cities.tsv + countries.tsv), its first 1000
//! rows, and the texts of news/news.jsonl. Without data, a tiny built-in
//! gazetteer and text are used so the bench still runs.
//!
//! Run: `cargo bench --bench matching -- --warm-up-time 1 --measurement-time 3`

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::atomic::{AtomicIsize, Ordering};
use textfacts::{CaseMode, Gazetteer};

/// Counts live heap bytes, to check `memory_usage()` against the allocator.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: forwards to the system allocator, only counting sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

struct Data {
    /// TSV of the ~147k-name gazetteer, and of its first 1000 rows.
    full_tsv: String,
    small_tsv: String,
    text: String,
    label: &'static str,
}

/// Bench text size: large enough to be representative, small enough that the
/// slowest engine runs 10 samples in a few seconds.
const TEXT_BYTES: usize = 2_000_000;

fn load() -> Data {
    let dir = std::env::var_os("TEXTFACTS_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    let read = |p: &str| std::fs::read_to_string(dir.join(p)).ok();
    match (
        read("gazetteer/geonames_cities.tsv"),
        read("gazetteer/countries.tsv"),
        read("news/news.jsonl"),
    ) {
        (Some(cities), Some(countries), Some(news)) => {
            let small_tsv: String = cities.lines().take(1000).map(|l| format!("{l}\n")).collect();
            let mut text = String::new();
            for line in news.lines() {
                let v: serde_json::Value = serde_json::from_str(line).expect("news line");
                text.push_str(v["text"].as_str().unwrap_or(""));
                text.push_str("\n\n");
                if text.len() >= TEXT_BYTES {
                    break;
                }
            }
            Data { full_tsv: cities + &countries, small_tsv, text, label: "news" }
        }
        _ => {
            println!(
                "matching bench: no data at {} (set TEXTFACTS_DATA); tiny built-in set",
                dir.display()
            );
            let tsv =
                "Aleppo\tLOC\tx:1\tAleppo\nSyria\tLOC\tx:2\tSyria\nNew York\tLOC\tx:3\tNew York\n";
            let text = "Shelling in Aleppo, Syria's north; aid from New York. ".repeat(2000);
            Data { full_tsv: tsv.to_string(), small_tsv: tsv.to_string(), text, label: "tiny" }
        }
    }
}

fn names(tsv: &str) -> Vec<&str> {
    tsv.lines().filter_map(|l| l.split('\t').next()).collect()
}

fn build(tsv: &str, mode: CaseMode) -> Gazetteer {
    Gazetteer::builder().case_mode(mode).add_tsv(tsv).expect("tsv").build().expect("build")
}

/// Checks a matcher before timing it: leftmost-longest must equal a greedy
/// pass over the overlapping candidates, and real text must give matches.
fn check(g: &Gazetteer, text: &str) -> usize {
    let count = g.find_iter(text).count();
    let mut pos = 0;
    let mut greedy = 0;
    let mut all: Vec<_> = g.find_overlapping_iter(text).map(|m| m.span()).collect();
    all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    for s in all {
        if s.start >= pos {
            pos = s.end;
            greedy += 1;
        }
    }
    assert_eq!(count, greedy, "leftmost-longest disagrees with the candidates");
    assert!(count * 20_000 > text.len(), "too few matches ({count}) for {} bytes", text.len());
    count
}

fn matching(c: &mut Criterion) {
    let data = load();
    let text = data.text.as_str();

    // ~147k names: the default aho-corasick automaton, as a user would build it.
    let full_names = names(&data.full_tsv);
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&full_names)
        .expect("aho-corasick");
    let smart = build(&data.full_tsv, CaseMode::Smart);
    let insensitive = build(&data.full_tsv, CaseMode::Insensitive);
    let ac_count = ac.find_iter(text).count();
    assert!(ac_count > 0);
    println!(
        "147k names: aho-corasick {ac_count} raw matches; textfacts smart {}, insensitive {}",
        check(&smart, text),
        check(&insensitive, text)
    );
    let mut group = c.benchmark_group("matching_147k");
    group.sample_size(10).throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("aho_corasick_leftmost_longest", data.label),
        text,
        |b, t| b.iter(|| ac.find_iter(black_box(t)).count()),
    );
    group.bench_with_input(BenchmarkId::new("textfacts_smart", data.label), text, |b, t| {
        b.iter(|| smart.find_iter(black_box(t)).count())
    });
    group.bench_with_input(BenchmarkId::new("textfacts_insensitive", data.label), text, |b, t| {
        b.iter(|| insensitive.find_iter(black_box(t)).count())
    });
    group.finish();
    drop((ac, smart, insensitive));

    // The built-in list (widened by issue 18: divisions, abbreviations, and
    // every place sharing a listed name as a further candidate).
    let default_tsv = include_str!("../data/default-gazetteer.tsv");
    let default_names: Vec<&str> = default_tsv
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect();
    let ac_default = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&default_names)
        .expect("aho-corasick");
    let builtin = textfacts::default_gazetteer();
    let mut group = c.benchmark_group("matching_default");
    group.sample_size(10).throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("aho_corasick_leftmost_longest", data.label),
        text,
        |b, t| b.iter(|| ac_default.find_iter(black_box(t)).count()),
    );
    group.bench_with_input(BenchmarkId::new("textfacts_default", data.label), text, |b, t| {
        b.iter(|| builtin.find_iter(black_box(t)).count())
    });
    group.finish();
    drop(ac_default);

    // 1k names: aho-corasick's DFA.
    let small_names = names(&data.small_tsv);
    let dfa = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&small_names)
        .expect("aho-corasick dfa");
    let small = build(&data.small_tsv, CaseMode::Smart);
    assert!(dfa.find_iter(text).count() > 0);
    println!("1k names: textfacts smart {}", check(&small, text));
    let mut group = c.benchmark_group("matching_1k");
    group.sample_size(10).throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(BenchmarkId::new("aho_corasick_dfa", data.label), text, |b, t| {
        b.iter(|| dfa.find_iter(black_box(t)).count())
    });
    group.bench_with_input(BenchmarkId::new("textfacts_smart", data.label), text, |b, t| {
        b.iter(|| small.find_iter(black_box(t)).count())
    });
    group.finish();
}

fn building(c: &mut Criterion) {
    let data = load();
    // Retained heap of the ~147k-name gazetteer, counted by the allocator.
    let before = LIVE.load(Ordering::Relaxed);
    let g = build(&data.full_tsv, CaseMode::Smart);
    let retained = LIVE.load(Ordering::Relaxed) - before;
    println!(
        "147k names: {} distinct folded names, {} entities; retained heap {:.2} MB (allocator), memory_usage() {:.2} MB",
        g.names_len(),
        g.entities_len(),
        retained as f64 / 1e6,
        g.memory_usage() as f64 / 1e6
    );
    if data.label == "news" {
        assert!(retained <= 16_000_000, "retained heap {retained} bytes");
    }
    drop(g);

    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("textfacts_147k", data.label), |b| {
        b.iter(|| build(black_box(&data.full_tsv), CaseMode::Smart))
    });
    // The built-in list alone is read once per process from its compiled
    // image (see src/gazetteer/image.rs; measure it in a fresh process). This
    // is what extending it costs: the list is built from its TSV with the
    // user's rows.
    group.bench_function("textfacts_default_gazetteer_extended", |b| {
        b.iter(|| {
            let mut builder = Gazetteer::builder();
            builder.include_default(true).add("Kafr Nabl", "LOC", "x:1", "Kafr Nabl");
            builder.build().expect("default")
        })
    });
    group.finish();
}

criterion_group!(benches, building, matching);
criterion_main!(benches);
