//! The `analyze` example's command-line contract (shared/docs/analyze-example.md),
//! run as a subprocess the way outside tools run it.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// `cargo test` builds the examples next to the test binary's `deps/` folder.
fn analyze_exe() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?.parent()?;
    let path = dir.join("examples").join(format!("analyze{}", std::env::consts::EXE_SUFFIX));
    if path.is_file() {
        Some(path)
    } else {
        println!("skipped analyze example test: {} not built", path.display());
        None
    }
}

fn run(args: &[&str], stdin: &[u8]) -> Option<Output> {
    let mut child = Command::new(analyze_exe()?)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn analyze");
    // Input is written from another thread: the child writes output while it
    // still reads, and would block on a full pipe that nobody reads. The
    // child may exit before reading (a bad option): a broken pipe is fine.
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("wait analyze");
    writer.join().expect("stdin writer");
    Some(output)
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

#[test]
fn plain_text_gives_one_object_with_all_layers() {
    let Some(out) = run(&["--no-default-gazetteer"], b"Two people died in Aleppo.") else { return };
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 1);
    for key in ["tokens", "sentences", "entities", "numbers", "casualties"] {
        assert!(docs[0].get(key).is_some(), "missing {key}");
    }
    assert!(docs[0].get("id").is_none());
    assert_eq!(docs[0]["tokens"][0], serde_json::json!({"start": 0, "end": 3, "kind": "word"}));
}

#[test]
fn only_limits_the_output() {
    let Some(out) = run(&["--only", "tokens,sentences", "-"], b"Hi there. Bye.") else { return };
    assert!(out.status.success());
    let doc = &json_lines(&out)[0];
    let keys: Vec<&str> = doc.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 2, "{keys:?}");
    assert_eq!(doc["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn only_casualties_prints_facts_and_tolls() {
    let input = b"Three people died. Police later said five people died.";
    let Some(out) = run(&["--only", "casualties", "--no-default-gazetteer"], input) else { return };
    assert!(out.status.success());
    let doc = &json_lines(&out)[0];
    let keys: Vec<&str> = doc.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["casualties", "tolls"]);
    let toll = &doc["tolls"][0];
    assert_eq!(toll["outcome"], "killed");
    assert_eq!(toll["count"]["text"], "five");
    assert_eq!(toll["evidence"], serde_json::json!([{"start": 37, "end": 41, "text": "five"}]));
    let Some(out) = run(&["--only", "numbers"], input) else { return };
    assert!(json_lines(&out)[0].get("tolls").is_none());
}

#[test]
fn unknown_layer_is_an_error() {
    let Some(out) = run(&["--only", "nouns"], b"") else { return };
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nouns"));
}

#[test]
fn jsonl_keeps_ids_and_skips_bad_lines_with_exit_1() {
    let input = b"{\"id\": 7, \"text\": \"One.\"}\nnot json\n\n{\"text\": 5}\n{\"id\": \"b\", \"text\": \"Two.\"}\n";
    let Some(out) = run(&["--jsonl", "--only", "tokens"], input) else { return };
    assert_eq!(out.status.code(), Some(1));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], 7);
    assert_eq!(docs[1]["id"], "b");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2"), "{err}");
    assert!(err.contains("line 4"), "{err}");
}

#[test]
fn invalid_utf8_exits_2() {
    let Some(out) = run(&[], b"caf\xff") else { return };
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-8"));
}

#[test]
fn invalid_utf8_names_line_and_byte() {
    let Some(out) = run(&[], b"Two died.\nThree were hurt in Caf\xe9 Nour.\n") else { return };
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2 at byte 32 (byte 22 of the line)"), "{err}");
    let Some(out) = run(&["--jsonl"], b"{\"text\": \"ok\"}\n{\"text\": \"caf\xe9\"}\n") else {
        return;
    };
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2: invalid UTF-8 at byte 13 of the line"), "{err}");
}

#[test]
fn bad_gazetteer_names_file_and_line() {
    let dir = std::env::temp_dir().join(format!("textfacts-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.tsv");
    std::fs::write(&path, "Aleppo\tLOC\tx:1\tAleppo\nIdlib\tLOC\n").unwrap();
    let Some(out) = run(&["--gazetteer", path.to_str().unwrap()], b"text") else { return };
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.tsv") && err.contains("line 2"), "{err}");
    let missing = run(&["--gazetteer", "/no/such/file.tsv"], b"text").unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/no/such/file.tsv"));
}

#[test]
fn jsonl_keeps_input_order_across_chunks_and_threads() {
    // Lines enough for several chunks (1 MB each), a bad line and a blank
    // line among them.
    let mut input = String::new();
    let filler = "x".repeat(2_000);
    for i in 0..1_500 {
        match i {
            700 => input.push_str("[1, 2]\n"),
            900 => input.push('\n'),
            _ => input.push_str(&format!(
                "{{\"id\": {i}, \"text\": \"{i} people died.\", \"other\": \"{filler}\"}}\n"
            )),
        }
    }
    assert!(input.len() > 2_500_000);
    let Some(out) = run(&["--jsonl", "--only", "numbers"], input.as_bytes()) else { return };
    assert_eq!(out.status.code(), Some(1));
    let docs = json_lines(&out);
    let ids: Vec<u64> = docs.iter().map(|d| d["id"].as_u64().unwrap()).collect();
    let expected: Vec<u64> = (0..1_500).filter(|&i| i != 700 && i != 900).collect();
    assert_eq!(ids, expected);
    for d in &docs {
        assert_eq!(d["numbers"][0]["interval"]["low"], d["id"]);
    }
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 701") && err.contains("1 input line(s) skipped"), "{err}");
}

#[test]
fn jsonl_without_lines_still_checks_the_gazetteer() {
    let Some(out) = run(&["--jsonl", "--gazetteer", "/no/such/file.tsv"], b"") else { return };
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn jsonl_lines_parsed_while_a_large_gazetteer_builds_keep_order_and_numbers() {
    // A gazetteer large enough to take a while to build: the first chunks of
    // lines are parsed ahead and analysed when it is ready.
    let dir = std::env::temp_dir().join(format!("textfacts-ahead-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("towns.tsv");
    let mut tsv = String::from("Aleppo\tLOC\tx:aleppo\tAleppo\n");
    for i in 0..100_000 {
        tsv.push_str(&format!("Qaryat {i}\tLOC\tx:{i}\tQaryat {i}\n"));
    }
    std::fs::write(&path, tsv).unwrap();
    let mut input = String::new();
    let filler = "y".repeat(1_500);
    for i in 0..2_000 {
        match i {
            3 | 1_333 => input.push_str("{\"text\": null}\n"),
            _ => input.push_str(&format!(
                "{{\"id\": {i}, \"text\": \"Shelling near Aleppo.\", \"other\": \"{filler}\"}}\n"
            )),
        }
    }
    assert!(input.len() > 3_000_000);
    let args = ["--jsonl", "--only", "entities", "--no-default-gazetteer", "--gazetteer"];
    let mut args = args.to_vec();
    args.push(path.to_str().unwrap());
    let Some(out) = run(&args, input.as_bytes()) else { return };
    assert_eq!(out.status.code(), Some(1));
    let docs = json_lines(&out);
    let ids: Vec<u64> = docs.iter().map(|d| d["id"].as_u64().unwrap()).collect();
    let expected: Vec<u64> = (0..2_000).filter(|&i| i != 3 && i != 1_333).collect();
    assert_eq!(ids, expected);
    assert!(docs.iter().all(|d| d["entities"][0]["id"] == "x:aleppo"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 4:") && err.contains("line 1334:"), "{err}");
    assert!(err.contains("2 input line(s) skipped"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
