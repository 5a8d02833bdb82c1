//! Build a gazetteer from a TSV file and print every match in a text.
//!
//! ```text
//! cargo run --example custom_gazetteer -- [GAZETTEER.tsv] [TEXT_FILE]
//! ```
//!
//! Without arguments it uses `examples/custom-gazetteer.tsv` and the bundled
//! sample report. The TSV rows are `name<TAB>label<TAB>id<TAB>canonical`; rows
//! with the same id are one entity with several names.

use std::process::ExitCode;
use textfacts::Gazetteer;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let tsv = args.next().unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/custom-gazetteer.tsv").into()
    });
    let text = match args.next() {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("custom_gazetteer: {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => include_str!("sample-report.txt").to_string(),
    };
    // Errors name the file and the 1-based line at fault.
    let gazetteer = match Gazetteer::from_tsv_file(&tsv) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("custom_gazetteer: {e}");
            return ExitCode::from(2);
        }
    };
    println!("{:>5} {:>5}  {:<28} {:<5} {:<26} candidates", "start", "end", "text", "label", "id");
    for m in gazetteer.find_iter(&text) {
        let span = m.span();
        let best = gazetteer.entity(m.entity());
        println!(
            "{:>5} {:>5}  {:<28} {:<5} {:<26} {}",
            span.start,
            span.end,
            span.slice(&text).unwrap_or(""),
            best.label(),
            best.id(),
            gazetteer.candidates(&m).len()
        );
    }
    ExitCode::SUCCESS
}
