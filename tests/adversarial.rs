//! Hostile inputs: huge inputs without structure, pathological repetitions,
//! exotic Unicode, degenerate gazetteers. Each must be handled without a panic,
//! with well-formed output; time is checked by the doubling bench
//! (benches/complexity.rs), not here.

use textfacts::{Analyzer, CaseMode, Document, Gazetteer};

/// Every span of every layer slices `text` on char boundaries, in order.
fn assert_well_formed(text: &str, doc: &Document) {
    let mut last = 0;
    for t in doc.tokens() {
        assert!(t.start >= last && t.start < t.end && text.get(t.start..t.end).is_some());
        last = t.end;
    }
    let mut last = 0;
    for s in doc.sentences() {
        assert!(s.start >= last && s.start < s.end && text.get(s.start..s.end).is_some());
        last = s.end;
    }
    for e in doc.entities() {
        assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()));
    }
    for n in doc.numbers() {
        assert_eq!(text.get(n.start..n.end), Some(n.text.as_str()));
        assert!(n.interval.low().is_none_or(f64::is_finite));
        assert!(n.interval.high().is_none_or(f64::is_finite));
    }
    for c in doc.casualties() {
        assert_eq!(text.get(c.count.start..c.count.end), Some(c.count.text.as_str()));
    }
}

/// The document, checked well formed; with serde, its JSON written straight
/// from the analysis is also checked to be the document's.
fn analyze(text: &str) -> Document {
    let analyzer = Analyzer::new();
    let doc = analyzer.analyze(text);
    assert_well_formed(text, &doc);
    #[cfg(feature = "serde")]
    {
        let (mut want, mut got) = (Vec::new(), Vec::new());
        doc.append_json(&mut want);
        analyzer.append_json(text, &mut got);
        assert!(got == want, "Analyzer::append_json differs from the document's JSON");
    }
    doc
}

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

#[test]
fn twenty_megabytes_without_whitespace() {
    let text = repeat_to("abcdefghij-KLMNOP.qrs,tuv;wxyz/", 20 << 20);
    let doc = analyze(&text);
    assert!(!doc.tokens().is_empty());
}

#[test]
fn five_megabytes_of_digits() {
    let text = repeat_to("8", 5 << 20);
    let doc = analyze(&text);
    assert!(doc.tokens().len() <= text.len());
}

#[test]
fn two_megabytes_of_comma_separated_ones() {
    analyze(&repeat_to("1,", 2 << 20));
}

#[test]
fn more_than_repeated_a_hundred_thousand_times() {
    let text = "more than ".repeat(100_000) + "27 people";
    let doc = analyze(&text);
    assert!(doc.numbers().len() <= 1);
}

#[test]
fn whitespace_and_zero_width_inside_a_name() {
    let g = Gazetteer::from_tsv("New York\tLOC\tx:1\tNew York\n").expect("gazetteer");
    let spaces = [
        '\u{9}', '\u{a}', '\u{b}', '\u{c}', '\u{d}', '\u{20}', '\u{85}', '\u{a0}', '\u{1680}',
        '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}',
        '\u{2007}', '\u{2008}', '\u{2009}', '\u{200a}', '\u{2028}', '\u{2029}', '\u{202f}',
        '\u{205f}', '\u{3000}',
    ];
    for c in spaces {
        let text = format!("in New{c}York today");
        assert_eq!(g.find_iter(&text).count(), 1, "whitespace {:?}", c);
    }
    for c in ['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{180e}'] {
        let text = format!("in New{c}York and Ne{c}w York today");
        for m in g.find_iter(&text) {
            assert!(text.get(m.span().range()).is_some(), "zero-width {:?}", c);
        }
        let analyzer = Analyzer::builder().gazetteer(g.clone()).build();
        assert_well_formed(&text, &analyzer.analyze(&text));
    }
}

#[test]
fn fifty_combining_marks_on_one_letter() {
    let zalgo =
        format!("A{}leppo 27 people Z{}", "\u{301}".repeat(50), "\u{308}\u{323}".repeat(25));
    analyze(&zalgo);
    analyze(&zalgo.repeat(1000));
}

#[test]
fn right_to_left_text() {
    let text = "قُتل 27 شخصا في حلب يوم الثلاثاء. נהרגו 12 אנשים בחיפה. \u{202E}Aleppo 40\u{202C} and 13 dead.";
    analyze(text);
}

#[test]
fn emoji_zwj_sequences() {
    let text = "👩‍👩‍👧‍👦 27 people 🏳️‍🌈 in Aleppo 👨🏽‍⚕️👨🏽‍⚕️ more than 100 🇸🇾🇸🇾".repeat(50);
    analyze(&text);
}

#[test]
fn length_changing_case_folds() {
    let g = Gazetteer::from_tsv(
        "İstanbul\tLOC\tx:1\tIstanbul\nStraße\tLOC\tx:2\tStrasse\nﬁnland\tLOC\tx:3\tFinland\n",
    )
    .expect("gazetteer");
    let text = "İSTANBUL, İstanbul, ISTANBUL, STRASSE, Straße, ǅ ǆ ﬃ ΐ ẞ İİİ ﬁnland";
    for m in g.find_iter(text) {
        assert!(text.get(m.span().range()).is_some());
    }
    let analyzer = Analyzer::builder().gazetteer(g).build();
    assert_well_formed(text, &analyzer.analyze(text));
    analyze(&"İ".repeat(100_000));
}

#[test]
fn a_name_of_ten_thousand_characters() {
    let long = "Ab".repeat(5_000);
    let g = Gazetteer::builder().add(&long, "LOC", "x:1", "long").build().expect("gazetteer");
    let text = format!("{long} and {long}x and {}", &long[..9_998]);
    assert_eq!(g.find_iter(&text).count(), 1);
}

#[test]
fn a_million_names() {
    let mut b = Gazetteer::builder();
    for i in 0..1_000_000u32 {
        b.add(&format!("Place{i:07}"), "LOC", &format!("x:{i}"), "p");
    }
    let g = b.build().expect("a million names build");
    assert_eq!(g.entities_len(), 1_000_000);
    assert_eq!(g.find_iter("from Place0999999 to Place0000000 via Place12").count(), 2);
}

#[test]
fn names_of_only_punctuation_or_whitespace() {
    let mut b = Gazetteer::builder();
    b.add("...", "LOC", "x:1", "dots")
        .add("   ", "LOC", "x:2", "spaces")
        .add("-", "LOC", "x:3", "dash");
    b.add("\t", "LOC", "x:4", "tab").add("", "LOC", "x:5", "empty");
    // Either rejected at build time with a clear error, or never matching inside
    // words; never a panic.
    if let Ok(g) = b.build() {
        let text = "Wait... what - really?   Yes.";
        for m in g.find_iter(text) {
            assert!(text.get(m.span().range()).is_some());
        }
    }
    for bad in ["...\tLOC\tx:1\tdots\n", " \tLOC\tx:1\tspace\n"] {
        if let Err(e) = Gazetteer::from_tsv(bad) {
            assert_eq!(e.line(), Some(1), "{e}");
        }
    }
}

#[test]
fn duplicate_ids_with_conflicting_labels() {
    let tsv = "Aleppo\tLOC\tx:1\tAleppo\nHalab\tORG\tx:1\tAleppo City\n";
    match Gazetteer::from_tsv(tsv) {
        Ok(g) => {
            let m = g.find_iter("Halab").next().expect("a match");
            assert!(!g.entity(m.entity()).label().is_empty());
        }
        Err(e) => assert_eq!(e.line(), Some(2), "{e}"),
    }
}

#[test]
fn crlf_and_bom_in_tsv() {
    let tsv = "\u{feff}Aleppo\tLOC\tx:1\tAleppo\r\nIdlib\tLOC\tx:2\tIdlib\r\n";
    let g = Gazetteer::from_tsv(tsv).expect("BOM and CRLF are accepted");
    let canon: Vec<_> = g
        .find_iter("Aleppo and Idlib")
        .map(|m| g.entity(m.entity()).canonical().to_string())
        .collect();
    assert_eq!(canon, ["Aleppo", "Idlib"]);
    let bad = "Aleppo\tLOC\tx:1\tAleppo\r\nIdlib\tLOC\r\n";
    assert_eq!(Gazetteer::from_tsv(bad).unwrap_err().line(), Some(2));
}

#[test]
fn insensitive_mode_on_hostile_text() {
    let g = Gazetteer::builder()
        .case_mode(CaseMode::Insensitive)
        .include_default(true)
        .build()
        .expect("gazetteer");
    let text = "İ".repeat(1000) + &"ß".repeat(1000) + &"\u{301}".repeat(1000);
    for m in g.find_iter(&text) {
        assert!(text.get(m.span().range()).is_some());
    }
}

#[test]
fn long_texts_read_in_blocks_lose_nothing() {
    // Thousands of short reports in one text: the analyzer reads it in
    // blocks, and must find what it finds in each report alone.
    let report = "Floods killed at least 12 villagers in Assam on Monday. \
                  Officials said about 300 homes were damaged.\n\n";
    let text = report.repeat(2_000);
    let doc = analyze(&text);
    let alone = analyze(report);
    assert_eq!(doc.numbers().len(), 2_000 * alone.numbers().len());
    assert_eq!(doc.casualties().len(), 2_000 * alone.casualties().len());
    assert_eq!(doc.sentences().len(), 2_000 * alone.sentences().len());
    assert_eq!(doc.entities().len(), 2_000 * alone.entities().len());
    assert_eq!(doc.numbers().len(), textfacts::number_phrases(&text).count());
    // One sentence far longer than a block still yields one sentence record,
    // and its fact is found.
    let long = format!("{} killed 40 people.", "word, ".repeat(70_000));
    let doc = analyze(&long);
    assert_eq!(doc.sentences().len(), 1);
    assert_eq!(doc.casualties().len(), 1);
}
