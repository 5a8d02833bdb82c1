//! Golden JSON for reports written for the project: any change in tokens,
//! entities, numbers or facts shows up here and must be accepted on purpose
//! (see testdata/README.md).

use std::path::Path;

#[test]
fn golden_documents() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/golden");
    let bless = std::env::var_os("TEXTFACTS_BLESS").is_some();
    let analyzer = textfacts::Analyzer::new();
    let mut checked = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir).expect("testdata/golden").flatten().collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read report");
        let json =
            serde_json::to_string_pretty(&analyzer.analyze(&text)).expect("serialise") + "\n";
        let golden = path.with_extension("json");
        if bless {
            std::fs::write(&golden, &json).expect("write golden");
        } else {
            let want = std::fs::read_to_string(&golden).unwrap_or_else(|_| {
                panic!("{} missing: run with TEXTFACTS_BLESS=1", golden.display())
            });
            assert!(
                want == json,
                "{} changed; if deliberate, re-bless (testdata/README.md)",
                golden.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 3, "golden reports found: {checked}");
}

/// The texts of the news sample, or `None` (after one line) without the data.
fn news_texts(test: &str) -> Option<Vec<String>> {
    let dir = crate::common::data_dir(test)?;
    let news = std::fs::read_to_string(dir.join("news/news.jsonl")).expect("news.jsonl");
    let texts = news.lines().filter(|l| !l.trim().is_empty()).map(|line| {
        let record: serde_json::Value = serde_json::from_str(line).expect("news line");
        record["text"].as_str().expect("text").to_string()
    });
    Some(texts.collect())
}

/// `Document::write_json`, and `Analyzer::append_json` without the
/// document, write the bytes of `serde_json` for every document of the news
/// sample, every layer on, each document twice (its places written afresh,
/// then from the writer's memory).
#[test]
fn write_json_is_serde_json_on_the_news_sample() {
    let Some(texts) = news_texts("write_json_is_serde_json_on_the_news_sample") else { return };
    let analyzer = textfacts::Analyzer::new();
    let mut checked = 0;
    for text in &texts {
        let doc = analyzer.analyze(text);
        let want = serde_json::to_vec(&doc).expect("serialise");
        for _ in 0..2 {
            let mut got = Vec::new();
            doc.write_json(&mut got).expect("write");
            assert!(got == want, "write_json differs on document {checked}");
            let mut got = Vec::new();
            analyzer.append_json(text, &mut got);
            assert!(got == want, "Analyzer::append_json differs on document {checked}");
        }
        checked += 1;
    }
    assert!(checked > 1000, "only {checked} news documents");
}

/// `Analyzer::append_json` with each set of layers (those that write a
/// layer straight into the output, as entities alone, among them) appends
/// the document's JSON after what the buffer holds, on every 25th document
/// of the news sample, with places and without.
#[test]
fn append_json_of_every_layer_set_is_the_documents() {
    let Some(texts) = news_texts("append_json_of_every_layer_set_is_the_documents") else {
        return;
    };
    let all = textfacts::Layer::ALL;
    for set in 1..(1u32 << all.len()) {
        let layers: Vec<_> =
            all.iter().enumerate().filter(|(i, _)| set & (1 << i) != 0).map(|(_, &l)| l).collect();
        for places in [true, false] {
            let analyzer =
                textfacts::Analyzer::builder().layers(&layers).resolve_places(places).build();
            for (n, text) in texts.iter().enumerate().step_by(25) {
                let mut want = b"[prefix]".to_vec();
                analyzer.analyze(text).append_json(&mut want);
                let mut got = b"[prefix]".to_vec();
                analyzer.append_json(text, &mut got);
                assert!(got == want, "layers {layers:?}, places {places}: document {n} differs");
            }
        }
    }
}

/// The document's JSON object, written from the layers that
/// `Analyzer::visit_layers` hands over.
struct LayersJson(String);

impl textfacts::LayerVisitor for LayersJson {
    fn layer<T: serde::Serialize + ?Sized>(&mut self, name: &'static str, records: &T) {
        self.0.push(if self.0.is_empty() { '{' } else { ',' });
        self.0.push_str(&format!("{name:?}:"));
        self.0.push_str(&serde_json::to_string(records).expect("serialise"));
    }
}

fn visited(analyzer: &textfacts::Analyzer, text: &str) -> String {
    let mut json = LayersJson(String::new());
    analyzer.visit_layers(text, &mut json);
    if json.0.is_empty() {
        "{}".to_string()
    } else {
        json.0 + "}"
    }
}

/// `Analyzer::visit_layers` hands over layers that serialize as the
/// document's fields: every document of the news sample with every layer,
/// and every subset of the layers on one document in fifteen.
#[test]
fn visited_layers_are_the_document_on_the_news_sample() {
    let Some(texts) = news_texts("visited_layers_are_the_document_on_the_news_sample") else {
        return;
    };
    let analyzer = textfacts::Analyzer::new();
    for (i, text) in texts.iter().enumerate() {
        let want = serde_json::to_string(&analyzer.analyze(text)).expect("serialise");
        assert!(visited(&analyzer, text) == want, "visit_layers differs on document {i}");
    }
    let all = textfacts::Layer::ALL;
    for mask in 0..1u32 << all.len() {
        let layers: Vec<_> =
            all.iter().enumerate().filter(|(i, _)| mask & 1 << i != 0).map(|(_, &l)| l).collect();
        let analyzer = textfacts::Analyzer::builder().layers(&layers).build();
        for (i, text) in texts.iter().enumerate().step_by(15) {
            let want = serde_json::to_string(&analyzer.analyze(text)).expect("serialise");
            assert!(visited(&analyzer, text) == want, "{layers:?} differ on document {i}");
        }
    }
    assert!(texts.len() > 1000, "only {} news documents", texts.len());
}

/// The whole news sample's output, every layer on, held against a digest per
/// document (testdata/news-digests.txt): speed work must not change one byte
/// of it. Regenerate with `TEXTFACTS_BLESS=1` after a deliberate change, and
/// note it in CHANGELOG.md.
#[test]
fn news_sample_output_is_unchanged() {
    let Some(texts) = news_texts("news_sample_output_is_unchanged") else { return };
    let analyzer = textfacts::Analyzer::new();
    let mut digests = String::new();
    for (i, text) in texts.iter().enumerate() {
        let doc = analyzer.analyze(text);
        let json = serde_json::to_vec(&doc).expect("serialise");
        // FNV-1a, 64 bits: a digest to notice change, not to resist forgery.
        let digest = json.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        digests.push_str(&format!("{i} {digest:016x}\n"));
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/news-digests.txt");
    if std::env::var_os("TEXTFACTS_BLESS").is_some() {
        std::fs::write(&path, &digests).expect("write digests");
        return;
    }
    let want = std::fs::read_to_string(&path).expect("testdata/news-digests.txt");
    let changed: Vec<&str> = digests
        .lines()
        .zip(want.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a.split(' ').next().unwrap_or(""))
        .collect();
    assert!(
        changed.is_empty() && digests.lines().count() == want.lines().count(),
        "news documents whose output changed (line numbers): {changed:?}; \
         run with TEXTFACTS_BLESS=1 if deliberate"
    );
}
