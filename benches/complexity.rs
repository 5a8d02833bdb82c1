//! Linear time, shown by doubling: each adversarial input is analysed at size
//! n and 2n, in interleaved pairs, and the median ratio of the times is
//! reported with its range (linear ≈ 2; a median above 2.5 is flagged). Not a
//! criterion bench: the figure is the ratio.
//!
//! ```text
//! cargo bench --bench complexity
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};
use textfacts::{Analyzer, Gazetteer};

/// Pairs of timings `(t(n), t(2n))`, interleaved so that drift of a busy
/// machine hits both sides alike; returns the median ratio and the median times.
fn doubling(pairs: usize, mut small: impl FnMut(), mut large: impl FnMut()) -> Doubling {
    let time = |f: &mut dyn FnMut()| {
        let start = Instant::now();
        f();
        start.elapsed()
    };
    // One untimed round first: page faults of the first allocation are not the input's cost.
    small();
    large();
    let mut runs: Vec<(Duration, Duration)> =
        (0..pairs).map(|_| (time(&mut small), time(&mut large))).collect();
    let ratio = |&(a, b): &(Duration, Duration)| b.as_secs_f64() / a.as_secs_f64().max(1e-9);
    runs.sort_by(|x, y| ratio(x).total_cmp(&ratio(y)));
    let median = runs.get(runs.len() / 2).copied().unwrap_or_default();
    Doubling {
        small: median.0,
        large: median.1,
        ratio: ratio(&median),
        min: runs.first().map_or(0.0, ratio),
        max: runs.last().map_or(0.0, ratio),
    }
}

struct Doubling {
    small: Duration,
    large: Duration,
    ratio: f64,
    min: f64,
    max: f64,
}

impl Doubling {
    fn print(&self, name: &str, n: usize) {
        println!(
            "{name:<26} {n:>10} {:>12.3?} {:>12.3?} {:>7.2} {:>11}",
            self.small,
            self.large,
            self.ratio,
            format!("{:.2}-{:.2}", self.min, self.max)
        );
    }
}

/// Timed pairs per input; the median of an odd count is one of them.
const PAIRS: usize = 7;

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

type Case = (&'static str, fn(usize) -> String);
type BuildCase = (&'static str, fn(usize) -> Gazetteer);

fn main() {
    let analyzer = Analyzer::new();
    let _ = analyzer.analyze("warm up the default gazetteer");
    let texts: [Case; 9] = [
        ("no whitespace", |n| repeat_to("abcdefghij-KLMNOP.qrs,tuv;wxyz/", n)),
        ("digits", |n| repeat_to("8", n)),
        ("1,1,1,...", |n| repeat_to("1,", n)),
        ("more than more than ...", |n| repeat_to("more than ", n)),
        ("combining marks", |n| repeat_to(&format!("A{}leppo ", "\u{301}".repeat(50)), n)),
        ("right-to-left", |n| repeat_to("قُتل 27 شخصا في حلب. ", n)),
        ("emoji ZWJ", |n| repeat_to("👩‍👩‍👧‍👦 27 people 🏳️‍🌈 in Aleppo ", n)),
        ("dotted capital I", |n| repeat_to("İ", n)),
        ("news-like prose", |n| {
            repeat_to(
                "At least 27 people were killed in Aleppo, and more than 100 were wounded. ",
                n,
            )
        }),
    ];
    let mut worst: f64 = 0.0;
    println!(
        "{:<26} {:>10} {:>12} {:>12} {:>7} {:>11}",
        "input", "n", "t(n)", "t(2n)", "ratio", "range"
    );
    for (name, make) in texts {
        let n = 4 << 20;
        let (small, large) = (make(n), make(2 * n));
        let d = doubling(
            PAIRS,
            || drop(black_box(analyzer.analyze(black_box(&small)))),
            || drop(black_box(analyzer.analyze(black_box(&large)))),
        );
        worst = worst.max(d.ratio);
        d.print(name, small.len());
    }
    let builds: [BuildCase; 2] = [
        ("gazetteer build: names", |n| {
            let mut b = Gazetteer::builder();
            for i in 0..n {
                b.add(&format!("Place{i:08}"), "LOC", &format!("x:{i}"), "p");
            }
            b.build().expect("build")
        }),
        ("gazetteer build: name len", |n| {
            Gazetteer::builder()
                .add(&"Ab".repeat(n / 2), "LOC", "x:1", "long")
                .build()
                .expect("build")
        }),
    ];
    for (name, build) in builds {
        let n = 200_000;
        let d = doubling(PAIRS, || drop(black_box(build(n))), || drop(black_box(build(2 * n))));
        worst = worst.max(d.ratio);
        d.print(name, n);
    }
    println!(
        "worst median ratio {worst:.2} ({})",
        if worst <= 2.5 { "linear: <= 2.5" } else { "FLAGGED: > 2.5" }
    );
}
