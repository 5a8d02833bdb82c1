//! Tests for the tokenize layer: the figures the tokenizer issue names, scored
//! on the UD English dev files the way `shared/tools/tok_eval.py` scores them.

use crate::common::data_dir;
use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;

/// Precision, recall and F1 from counts.
fn f1(true_positives: usize, system: usize, gold: usize) -> f64 {
    let p = if system == 0 { 0.0 } else { true_positives as f64 / system as f64 };
    let r = if gold == 0 { 0.0 } else { true_positives as f64 / gold as f64 };
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

fn span_of(v: &Value) -> (usize, usize) {
    let n = |k: &str| v[k].as_u64().expect("offset") as usize;
    (n("start"), n("end"))
}

/// Token span F1 against the syntactic words (a token's `words` if present,
/// else the token), each gold sentence tokenized on its own.
fn token_f1(path: &Path) -> f64 {
    let (mut tp, mut system, mut gold) = (0, 0, 0);
    for sent in read_jsonl(path) {
        let text = sent["text"].as_str().expect("text");
        let mut words = HashSet::new();
        for tok in sent["tokens"].as_array().expect("tokens") {
            match tok.get("words").and_then(Value::as_array) {
                Some(ws) => words.extend(ws.iter().map(span_of)),
                None => {
                    words.insert(span_of(tok));
                }
            }
        }
        let ours: HashSet<(usize, usize)> =
            textfacts::tokens(text).map(|t| (t.span().start, t.span().end)).collect();
        tp += ours.intersection(&words).count();
        system += ours.len();
        gold += words.len();
    }
    f1(tp, system, gold)
}

/// Sentence boundary F1: per document, a boundary is the (whitespace-trimmed)
/// start of every sentence but the first.
fn sentence_f1(path: &Path) -> f64 {
    let (mut tp, mut system, mut gold) = (0, 0, 0);
    for doc in read_jsonl(path) {
        let text = doc["text"].as_str().expect("text");
        let trimmed_start = |(s, e): (usize, usize)| {
            let piece = &text[s..e];
            s + (piece.len() - piece.trim_start().len())
        };
        let gold_starts: HashSet<usize> = doc["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .skip(1)
            .map(|s| trimmed_start(span_of(s)))
            .collect();
        let mut ours: Vec<usize> = textfacts::sentences(text).map(|s| s.span().start).collect();
        ours.sort_unstable();
        let ours: HashSet<usize> = ours.into_iter().skip(1).collect();
        tp += ours.intersection(&gold_starts).count();
        system += ours.len();
        gold += gold_starts.len();
    }
    f1(tp, system, gold)
}

fn check(figure: &str, score: f64, floor: f64) {
    println!("{figure}: {score:.4} (floor {floor})");
    assert!(score >= floor, "{figure} = {score:.4} is below {floor}");
}

#[test]
fn token_f1_on_ud_dev() {
    let Some(dir) = data_dir("token_f1_on_ud_dev") else { return };
    let dir = dir.join("tokenization");
    check("EWT dev syntactic-word F1", token_f1(&dir.join("ewt-dev.tokens.jsonl")), 0.985);
    check("GUM dev syntactic-word F1", token_f1(&dir.join("gum-dev.tokens.jsonl")), 0.995);
}

#[test]
fn sentence_f1_on_ud_dev() {
    let Some(dir) = data_dir("sentence_f1_on_ud_dev") else { return };
    let dir = dir.join("tokenization");
    check("EWT dev sentence-boundary F1", sentence_f1(&dir.join("ewt-dev.docs.jsonl")), 0.93);
    check("GUM dev sentence-boundary F1", sentence_f1(&dir.join("gum-dev.docs.jsonl")), 0.97);
}

#[test]
fn news_paragraph() {
    let text = "Friday, January 4, 2019\n\nGen. Yevgeny Zinichev said 39 people, \
                incl. children, died in the U.S.-style block. \"It's over,\" he said.";
    let words: Vec<&str> = textfacts::tokens(text).map(|t| t.as_str()).collect();
    assert_eq!(&words[..6], ["Friday", ",", "January", "4", ",", "2019"]);
    assert!(words.contains(&"Gen."));
    assert!(words.contains(&"incl."));
    assert!(words.contains(&"U.S."));
    let it_is = words.iter().position(|w| *w == "It").expect("It");
    assert_eq!(words[it_is + 1], "'s");
    let sentences: Vec<&str> = textfacts::sentences(text).map(|s| s.as_str()).collect();
    assert_eq!(sentences.len(), 3, "{sentences:?}");
    assert_eq!(sentences[2], "\"It's over,\" he said.");
}

#[test]
fn tokens_iterator_traits() {
    fn assert_traits<T: Iterator + std::iter::FusedIterator + std::fmt::Debug + Clone>(_: &T) {}
    let tokens = textfacts::tokens("a b");
    assert_traits(&tokens);
    assert_traits(&textfacts::sentences("a b"));
    let token = tokens.clone().next().expect("a token");
    let copy = token;
    assert_eq!(copy, token);
    assert_eq!(tokens.count(), 2);
}
