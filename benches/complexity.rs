//! Linear time, shown by doubling: each adversarial input is analysed at size
//! n and 2n, and the ratio of the times is reported (linear ≈ 2; anything
//! above 2.5 is flagged). Not a criterion bench: the figure is the ratio.
//!
//! ```text
//! cargo bench --bench complexity
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};
use textfacts::{Analyzer, Gazetteer};

/// Best of `runs` timings of `f`, so that noise only ever makes a ratio worse.
fn best_time(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

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
    println!("{:<26} {:>10} {:>12} {:>12} {:>7}", "input", "n (bytes)", "t(n)", "t(2n)", "ratio");
    for (name, make) in texts {
        let n = 4 << 20;
        let (small, large) = (make(n), make(2 * n));
        let t1 = best_time(3, || drop(black_box(analyzer.analyze(black_box(&small)))));
        let t2 = best_time(3, || drop(black_box(analyzer.analyze(black_box(&large)))));
        let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-9);
        worst = worst.max(ratio);
        println!("{name:<26} {:>10} {:>12.3?} {:>12.3?} {ratio:>7.2}", small.len(), t1, t2);
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
        let t1 = best_time(3, || drop(black_box(build(n))));
        let t2 = best_time(3, || drop(black_box(build(2 * n))));
        let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-9);
        worst = worst.max(ratio);
        println!("{name:<26} {n:>10} {:>12.3?} {:>12.3?} {ratio:>7.2}", t1, t2);
    }
    println!(
        "worst ratio {worst:.2} ({})",
        if worst <= 2.5 { "linear: <= 2.5" } else { "FLAGGED: > 2.5" }
    );
}
