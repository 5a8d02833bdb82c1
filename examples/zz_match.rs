use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use textfacts::{CaseMode, Gazetteer};
#[inline(never)]
fn scan_tf(g: &Gazetteer, t: &str) -> usize {
    g.find_iter(std::hint::black_box(t)).count()
}
#[inline(never)]
fn scan_ac(a: &AhoCorasick, t: &str) -> usize {
    a.find_iter(std::hint::black_box(t)).count()
}
#[inline(never)]
fn scan_tf_small(g: &Gazetteer, t: &str) -> usize {
    g.find_iter(std::hint::black_box(t)).count()
}
#[inline(never)]
fn scan_dfa(a: &AhoCorasick, t: &str) -> usize {
    a.find_iter(std::hint::black_box(t)).count()
}
fn main() {
    let d = "/work/shared/data/";
    let cities = std::fs::read_to_string(format!("{d}gazetteer/geonames_cities.tsv")).unwrap();
    let countries = std::fs::read_to_string(format!("{d}gazetteer/countries.tsv")).unwrap();
    let news = std::fs::read_to_string(format!("{d}news/news.jsonl")).unwrap();
    let mut text = String::new();
    for line in news.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        text.push_str(v["text"].as_str().unwrap_or(""));
        text.push_str("\n\n");
        if text.len() >= 2_000_000 {
            break;
        }
    }
    let full = cities.clone() + &countries;
    let names: Vec<&str> = full.lines().filter_map(|l| l.split('\t').next()).collect();
    let small_tsv: String = cities.lines().take(1000).map(|l| format!("{l}\n")).collect();
    let small_names: Vec<&str> = small_tsv.lines().filter_map(|l| l.split('\t').next()).collect();
    let which = std::env::args().nth(1).unwrap_or_default();
    if which == "big" {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&names)
            .unwrap();
        let g = Gazetteer::builder()
            .case_mode(CaseMode::Smart)
            .add_tsv(&full)
            .unwrap()
            .build()
            .unwrap();
        println!("{} {}", scan_tf(&g, &text), scan_ac(&ac, &text));
    } else {
        let dfa = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&small_names)
            .unwrap();
        let g = Gazetteer::builder()
            .case_mode(CaseMode::Smart)
            .add_tsv(&small_tsv)
            .unwrap()
            .build()
            .unwrap();
        println!("{} {}", scan_tf_small(&g, &text), scan_dfa(&dfa, &text));
    }
}
