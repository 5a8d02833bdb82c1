//! Print one report's facts as human-readable tables: places and organisations,
//! number phrases with their intervals, and casualty facts.
//!
//! ```text
//! cargo run --example facts_table -- [TEXT_FILE]
//! ```
//!
//! Without an argument it reads the bundled sample report.

use std::process::ExitCode;
use textfacts::Analyzer;

fn main() -> ExitCode {
    let text = match std::env::args().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("facts_table: {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => include_str!("sample-report.txt").to_string(),
    };
    let doc = Analyzer::new().analyze(&text);

    println!("ENTITIES");
    println!("  {:<34} {:<6} canonical", "text", "label");
    for e in doc.entities() {
        println!("  {:<34} {:<6} {}", e.text, e.label, e.canonical);
    }

    println!("\nNUMBERS");
    println!("  {:<22} {:<34} {:<7} {:<8} counts", "text", "interval", "approx", "kind");
    for n in doc.numbers() {
        let noun = n.noun.as_ref().map_or("-", |s| s.text.as_str());
        let approx = if n.approximate { "yes" } else { "no" };
        println!(
            "  {:<22} {:<34} {:<7} {:<8} {}",
            n.text,
            n.interval.to_string(),
            approx,
            n.kind.as_str(),
            noun
        );
    }

    println!("\nCASUALTIES");
    println!(
        "  {:<10} {:<22} {:<24} {:<14} {:<16} hedged",
        "outcome", "count", "interval", "victims", "place"
    );
    for f in doc.casualties() {
        let victims = f.victims.as_ref().map_or("-", |s| s.text.as_str());
        let place = f.location.as_ref().map_or("-", |s| s.text.as_str());
        println!(
            "  {:<10} {:<22} {:<24} {:<14} {:<16} {}",
            f.outcome.as_str(),
            f.count.text,
            f.count.interval.to_string(),
            victims,
            place,
            if f.hedged { "yes" } else { "no" }
        );
    }
    ExitCode::SUCCESS
}
