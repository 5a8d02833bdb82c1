//! Tests for the numbers layer: one table per rule family of numbers.md,
//! property tests on arbitrary input, and the dev-set floor.

use proptest::prelude::*;
use textfacts::{number_phrases, parse_number, Interval, NumberKind};

/// What a case expects of one phrase: text, interval (low, low incl., high,
/// high incl.), approximate, kind, noun.
pub(crate) type Want =
    (&'static str, (Option<f64>, bool, Option<f64>, bool), bool, NumberKind, Option<&'static str>);

const N: NumberKind = NumberKind::Number;

pub(crate) fn pt(x: f64) -> (Option<f64>, bool, Option<f64>, bool) {
    (Some(x), true, Some(x), true)
}

fn check(text: &str, want: &[Want]) {
    let got: Vec<_> = number_phrases(text).collect();
    let got_texts: Vec<&str> = got.iter().map(|p| p.as_str()).collect();
    let want_texts: Vec<&str> = want.iter().map(|w| w.0).collect();
    assert_eq!(got_texts, want_texts, "phrases of {text:?}");
    for (p, (t, (lo, lo_in, hi, hi_in), approx, kind, noun)) in got.iter().zip(want) {
        let expected = Interval::new(*lo, *lo_in, *hi, *hi_in).expect("valid test interval");
        assert_eq!(p.interval(), expected, "interval of {t:?} in {text:?}");
        assert_eq!(p.is_approximate(), *approx, "approximate of {t:?} in {text:?}");
        assert_eq!(p.kind(), *kind, "kind of {t:?} in {text:?}");
        assert_eq!(p.noun().and_then(|n| n.slice(text)), *noun, "noun of {t:?} in {text:?}");
    }
}

/// Checks every case of a table (also the section 9 tables of `numbers_forms`).
pub(crate) fn run(cases: &[(&str, &[Want])]) {
    for (text, want) in cases {
        check(text, want);
    }
}

#[test]
fn digits_and_scales() {
    run(&[
        (
            "Crews cleared 12,400 tonnes of rubble.",
            &[("12,400", pt(12400.0), false, N, Some("tonnes"))],
        ),
        ("The tremor measured 5.9 on Sunday.", &[("5.9", pt(5.9), false, N, None)]),
        (
            "Some 2.5 Million Voters Stayed Home",
            &[("Some 2.5 Million", pt(2.5e6), true, N, Some("Voters"))],
        ),
        ("Officials counted 3m displaced.", &[("3m", pt(3e6), false, N, Some("displaced"))]),
        (
            "About 40 thousand tents arrived.",
            &[("About 40 thousand", pt(40000.0), true, N, Some("tents"))],
        ),
        ("Exports reached 7.2bn barrels.", &[("7.2bn", pt(7.2e9), false, N, Some("barrels"))]),
        ("A further 10k households lost power.", &[("10k", pt(1e4), false, N, Some("households"))]),
    ]);
}

#[test]
fn number_words() {
    run(&[
        (
            "Forty-two detainees were freed.",
            &[("Forty-two", pt(42.0), false, N, Some("detainees"))],
        ),
        (
            "They found one hundred and five graves.",
            &[("one hundred and five", pt(105.0), false, N, Some("graves"))],
        ),
        (
            "Fifteen hundred families fled.",
            &[("Fifteen hundred", pt(1500.0), false, N, Some("families"))],
        ),
        (
            "Rain fell for two point five hours.",
            &[("two point five", pt(2.5), false, N, Some("hours"))],
        ),
        (
            "Half a million children need vaccines.",
            &[("Half a million", pt(5e5), false, N, Some("children"))],
        ),
        ("A dozen tanks rolled in.", &[("A dozen", pt(12.0), false, N, Some("tanks"))]),
        ("THIRTY SEVEN MINERS TRAPPED", &[("THIRTY SEVEN", pt(37.0), false, N, Some("MINERS"))]),
        (
            "Temperatures dropped to minus 15 degrees.",
            &[("minus 15", pt(-15.0), false, N, Some("degrees"))],
        ),
    ]);
}

#[test]
fn qualifiers_more_and_less() {
    let more = |x: f64| (Some(x), false, None, false);
    let at_least = |x: f64| (Some(x), true, None, false);
    let less = |x: f64| (None, false, Some(x), false);
    let at_most = |x: f64| (None, false, Some(x), true);
    run(&[
        (
            "More than 300 houses burned.",
            &[("More than 300", more(300.0), false, N, Some("houses"))],
        ),
        ("Losses are above 900 cattle.", &[("above 900", more(900.0), false, N, Some("cattle"))]),
        (
            "Upwards of 80 lorries queued.",
            &[("Upwards of 80", more(80.0), false, N, Some("lorries"))],
        ),
        ("Just over 70 nurses remain.", &[("Just over 70", more(70.0), true, N, Some("nurses"))]),
        ("At least 9 boats sank.", &[("At least 9", at_least(9.0), false, N, Some("boats"))]),
        (
            "No fewer than 14 envoys came.",
            &[("No fewer than 14", at_least(14.0), false, N, Some("envoys"))],
        ),
        (
            "Towns of 500 or more inhabitants.",
            &[("500 or more", at_least(500.0), false, N, Some("inhabitants"))],
        ),
        (
            "The rebels have 300-plus fighters.",
            &[("300-plus", at_least(300.0), false, N, Some("fighters"))],
        ),
        ("It drew 50+ volunteers.", &[("50+", at_least(50.0), false, N, Some("volunteers"))]),
        (
            "Fewer than 40 doctors stayed.",
            &[("Fewer than 40", less(40.0), false, N, Some("doctors"))],
        ),
        ("Children under 5 are at risk.", &[("under 5", less(5.0), false, N, None)]),
        (
            "Nearly 600 prisoners escaped.",
            &[("Nearly 600", less(600.0), true, N, Some("prisoners"))],
        ),
        ("Close to 90 firms closed.", &[("Close to 90", less(90.0), true, N, Some("firms"))]),
        (
            "Up to 700 migrants may drown.",
            &[("Up to 700", at_most(700.0), false, N, Some("migrants"))],
        ),
        (
            "As many as 45 pilots quit.",
            &[("As many as 45", at_most(45.0), false, N, Some("pilots"))],
        ),
        (
            "No more than 20 guests.",
            &[("No more than 20", at_most(20.0), false, N, Some("guests"))],
        ),
        (
            "Well below 30 lawyers applied.",
            &[("Well below 30", less(30.0), false, N, Some("lawyers"))],
        ),
        (
            "It fell just shy of 800 signatures.",
            &[("just shy of 800", less(800.0), true, N, Some("signatures"))],
        ),
        (
            "A shade over 60 ponies ran.",
            &[("A shade over 60", more(60.0), true, N, Some("ponies"))],
        ),
        (
            "In the neighbourhood of 70 stalls.",
            &[(
                "In the neighbourhood of 70",
                (Some(70.0), true, Some(70.0), true),
                true,
                N,
                Some("stalls"),
            )],
        ),
    ]);
}

#[test]
fn qualifiers_hedges_and_ranges() {
    let range = |a: f64, b: f64| (Some(a), true, Some(b), true);
    run(&[
        ("About 250 homes flooded.", &[("About 250", pt(250.0), true, N, Some("homes"))]),
        (
            "Roughly 18 percent voted.",
            &[("Roughly 18 percent", pt(18.0), true, NumberKind::Percent, None)],
        ),
        ("An estimated 4,000 fled.", &[("An estimated 4,000", pt(4000.0), true, N, None)]),
        ("Some 60 or so trucks waited.", &[("Some 60 or so", pt(60.0), true, N, Some("trucks"))]),
        ("100 or so residents stayed.", &[("100 or so", pt(100.0), true, N, Some("residents"))]),
        (
            "Each tent holds 6 to 8 people.",
            &[("6 to 8", range(6.0, 8.0), false, N, Some("people"))],
        ),
        (
            "Between 15 and 25 villages.",
            &[("Between 15 and 25", range(15.0, 25.0), false, N, Some("villages"))],
        ),
        (
            "From 40 to 60 lorries a day.",
            &[("From 40 to 60", range(40.0, 60.0), false, N, Some("lorries"))],
        ),
        ("It took 3-4 weeks.", &[("3-4", range(3.0, 4.0), false, N, Some("weeks"))]),
        (
            "Three or four shells landed.",
            &[("Three or four", range(3.0, 4.0), false, N, Some("shells"))],
        ),
        (
            "Roughly 50 to 70 boats left.",
            &[("Roughly 50 to 70", range(50.0, 70.0), true, N, Some("boats"))],
        ),
        (
            "Between four and five million people.",
            &[("Between four and five million", range(4e6, 5e6), false, N, Some("people"))],
        ),
        (
            "Prices rose from 30 to 45 dollars.",
            &[
                ("30", pt(30.0), false, N, None),
                ("45", pt(45.0), false, NumberKind::Money, Some("dollars")),
            ],
        ),
        (
            "Debt grew by $4bn to $52bn.",
            &[
                ("$4bn", pt(4e9), false, NumberKind::Money, None),
                ("$52bn", pt(5.2e10), false, NumberKind::Money, None),
            ],
        ),
        (
            "Above 1000 and below 1500 units.",
            &[(
                "Above 1000 and below 1500",
                (Some(1000.0), false, Some(1500.0), false),
                false,
                N,
                Some("units"),
            )],
        ),
        ("The final score was 40-22.", &[]),
        ("Call +1-222-2222-2222 now.", &[]),
        (
            "The motion passed 210 votes to 190.",
            &[("210", pt(210.0), false, N, Some("votes")), ("190", pt(190.0), false, N, None)],
        ),
    ]);
}

#[test]
fn vague_quantities() {
    let v = |lo: f64, hi: f64| (Some(lo), true, Some(hi), false);
    run(&[
        ("Dozens of shops were looted.", &[("Dozens", v(24.0, 120.0), true, N, Some("shops"))]),
        ("Scores of cars burned.", &[("Scores", v(40.0, 200.0), true, N, Some("cars"))]),
        ("Hundreds were detained.", &[("Hundreds", v(200.0, 1000.0), true, N, None)]),
        (
            "Thousands of pilgrims prayed.",
            &[("Thousands", v(2000.0, 10000.0), true, N, Some("pilgrims"))],
        ),
        ("Tens of thousands marched.", &[("Tens of thousands", v(2e4, 1e5), true, N, None)]),
        (
            "Millions of euros vanished.",
            &[("Millions", v(2e6, 1e7), true, NumberKind::Money, Some("euros"))],
        ),
        (
            "Several hundred guards.",
            &[("Several hundred", v(300.0, 1000.0), true, N, Some("guards"))],
        ),
        ("A few soldiers deserted.", &[("A few", v(2.0, 10.0), true, N, Some("soldiers"))]),
        ("Several ministers resigned.", &[("Several", v(3.0, 10.0), true, N, Some("ministers"))]),
        ("The team scores goals.", &[]),
    ]);
}

#[test]
fn money_percent_fractions() {
    let m = NumberKind::Money;
    let f = NumberKind::Fraction;
    run(&[
        ("Aid worth $2.3 billion arrived.", &[("$2.3 billion", pt(2.3e9), false, m, None)]),
        ("A US$300 fee applies.", &[("US$300", pt(300.0), false, m, None)]),
        ("The club paid £45m for him.", &[("£45m", pt(4.5e7), false, m, None)]),
        ("They owe 40 million dollars.", &[("40 million", pt(4e7), false, m, Some("dollars"))]),
        (
            "Turnout was 61 per cent.",
            &[("61 per cent", pt(61.0), false, NumberKind::Percent, None)],
        ),
        ("Two-thirds of the wells dried up.", &[("Two-thirds", pt(2.0 / 3.0), false, f, None)]),
        ("One in five adults is jobless.", &[("One in five", pt(0.2), false, f, None)]),
        (
            "More than half of the staff left.",
            &[("More than half", (Some(0.5), false, None, false), false, f, None)],
        ),
        ("A quarter of the wheat rotted.", &[("A quarter", pt(0.25), false, f, None)]),
    ]);
    let dollars = number_phrases("A US$300 fee applies.").next().and_then(|p| p.unit());
    assert_eq!(dollars, Some("USD"));
}

#[test]
fn what_is_not_a_number_phrase() {
    run(&[
        // ordinals
        ("Shelling entered a third day.", &[]),
        ("The 4th battalion withdrew for the first time.", &[]),
        // years, dates, times, decades
        ("The war began in 2011.", &[]),
        ("The 2014 agreement collapsed.", &[]),
        ("Talks were held on March 3.", &[]),
        ("He left on 12 January.", &[]),
        ("The curfew runs from 10 p.m. to 6 a.m.", &[]),
        ("The 2015-16 season ended.", &[]),
        ("They arrived at 3:45 a.m.", &[]),
        ("Art of the 1990s.", &[]),
        ("Remembering 9/11.", &[]),
        // ages
        ("A 12-year-old boy was hurt.", &[]),
        ("Most are in their 20s.", &[]),
        // identifiers
        ("Resolution 2254 was adopted.", &[]),
        ("The COVID-19 wave passed.", &[]),
        ("Leaders of the G7 met.", &[]),
        ("Flight MH17 was downed.", &[]),
        ("It bought F-16 jets.", &[]),
        ("Under Article 5 of the treaty.", &[]),
        ("Drive along Route 66.", &[]),
        // compound modifiers
        ("A two-day ceasefire began.", &[]),
        ("The five-storey block fell.", &[]),
        ("A 7.8-magnitude quake hit.", &[]),
        // idioms, pronoun "one", articles
        ("Open 24/7.", &[]),
        ("It is one of the last clinics.", &[]),
        ("No one was hurt.", &[]),
        ("They blamed one another.", &[]),
        ("She was the only one left.", &[]),
        ("A single shot and a police officer.", &[]),
    ]);
}

#[test]
fn pronoun_one_and_counted_one() {
    run(&[
        ("One journalist was killed.", &[("One", pt(1.0), false, N, Some("journalist"))]),
        (
            "At least one person died.",
            &[("At least one", (Some(1.0), true, None, false), false, N, Some("person"))],
        ),
    ]);
}

#[test]
fn counted_nouns() {
    run(&[
        ("27 Syrian government soldiers died.", &[("27", pt(27.0), false, N, Some("soldiers"))]),
        ("Three UN staff members were freed.", &[("Three", pt(3.0), false, N, Some("members"))]),
        ("1,000 more troops arrived.", &[("1,000", pt(1000.0), false, N, Some("troops"))]),
        (
            "Hundreds of thousands of refugees.",
            &[(
                "Hundreds of thousands",
                (Some(2e5), true, Some(1e6), false),
                true,
                N,
                Some("refugees"),
            )],
        ),
        (
            "There were 31 dead, 78 wounded.",
            &[
                ("31", pt(31.0), false, N, Some("dead")),
                ("78", pt(78.0), false, N, Some("wounded")),
            ],
        ),
        (
            "Killing at least 27, including doctors.",
            &[("at least 27", (Some(27.0), true, None, false), false, N, None)],
        ),
        ("Six were hurt.", &[("Six", pt(6.0), false, N, None)]),
        (
            "Police held 50, 12 of whom were minors.",
            &[("50", pt(50.0), false, N, None), ("12", pt(12.0), false, N, None)],
        ),
        ("The 350 kilometres of road.", &[("350", pt(350.0), false, N, Some("kilometres"))]),
    ]);
}

#[test]
fn parse_number_reads_whole_phrases() {
    assert_eq!(parse_number("twenty-seven"), Some(Interval::point(27.0)));
    assert_eq!(parse_number("one hundred and twenty three"), Some(Interval::point(123.0)));
    assert_eq!(parse_number("1,234,567"), Some(Interval::point(1_234_567.0)));
    assert_eq!(parse_number("3.5 million"), Some(Interval::point(3.5e6)));
    assert_eq!(parse_number("a dozen"), Some(Interval::point(12.0)));
    assert_eq!(parse_number("half a dozen"), Some(Interval::point(6.0)));
    assert_eq!(parse_number("one"), Some(Interval::point(1.0)));
    assert_eq!(parse_number("more than 30"), Some(Interval::more_than(30.0)));
    assert_eq!(parse_number("no less than 30"), Some(Interval::at_least(30.0)));
    assert_eq!(parse_number("up to 700"), Some(Interval::at_most(700.0)));
    assert_eq!(parse_number("under 170"), Some(Interval::less_than(170.0)));
    assert_eq!(parse_number("30 or more"), Some(Interval::at_least(30.0)));
    assert_eq!(
        parse_number("between 20 and 30"),
        Interval::new(Some(20.0), true, Some(30.0), true)
    );
    assert_eq!(parse_number("dozens"), Interval::new(Some(24.0), true, Some(120.0), false));
    assert_eq!(parse_number("2015"), Some(Interval::point(2015.0)));
    assert_eq!(parse_number("1e10"), Some(Interval::point(1e10)));
    assert_eq!(parse_number("2 1/4"), Some(Interval::point(2.25)));
    assert_eq!(parse_number("three hundred and two dozen"), Some(Interval::point(324.0)));
    assert_eq!(parse_number("1 in 10"), Some(Interval::point(0.1)));
    assert_eq!(parse_number("five and a quarter"), Some(Interval::point(5.25)));
    assert_eq!(parse_number("minus one"), Some(Interval::point(-1.0)));
    assert_eq!(parse_number(".08"), Some(Interval::point(0.08)));
    assert_eq!(parse_number("1e999"), None);
    assert_eq!(parse_number("60 people"), None);
    assert_eq!(parse_number(""), None);
    assert_eq!(parse_number("hello"), None);
}

#[test]
fn absurd_input_saturates_or_is_rejected() {
    let huge = "9".repeat(400);
    assert_eq!(number_phrases(&huge).count(), 0);
    let many = "nine hundred ninety nine trillion ".repeat(50);
    for p in number_phrases(&many) {
        assert!(p.interval().low().is_none_or(f64::is_finite));
    }
    let scales = "1 trillion trillion trillion trillion trillion";
    for p in number_phrases(scales) {
        assert!(p.interval().high().is_none_or(f64::is_finite));
    }
}

fn finite(i: Interval) -> bool {
    i.low().is_none_or(f64::is_finite) && i.high().is_none_or(f64::is_finite)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_text_gives_well_formed_phrases(text in "\\PC{0,80}") {
        let mut prev_end = 0;
        for p in number_phrases(&text) {
            let span = p.span();
            prop_assert!(span.start < span.end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prop_assert!(span.start >= prev_end, "phrases overlap");
            prop_assert_eq!(span.slice(&text), Some(p.as_str()));
            prop_assert!(finite(p.interval()));
            if let Some(noun) = p.noun() {
                prop_assert!(noun.start >= span.end && noun.end <= text.len());
                prop_assert!(text.is_char_boundary(noun.start) && text.is_char_boundary(noun.end));
            }
            prev_end = span.end;
        }
    }

    #[test]
    fn numberish_text_gives_well_formed_phrases(
        words in proptest::collection::vec(
            prop_oneof![
                Just("twenty"), Just("-"), Just("seven"), Just("hundred"), Just("and"),
                Just("million"), Just("a"), Just("half"), Just("dozen"), Just("more"),
                Just("than"), Just("between"), Just("to"), Just("or"), Just("12,400"),
                Just("$"), Just("2m"), Just("%"), Just("people"), Just("of"), Just("one"),
                Just("9999999999999999999999"), Just("1e308"), Just("thousands"), Just("+"),
                Just("point"), Just("five"), Just("é"), Just("."), Just("3/4"), Just("over"),
            ],
            0..24,
        ),
        spaces in proptest::collection::vec(any::<bool>(), 24),
    ) {
        let mut text = String::new();
        for (w, sp) in words.iter().zip(&spaces) {
            text.push_str(w);
            if *sp {
                text.push(' ');
            }
        }
        let mut prev_end = 0;
        for p in number_phrases(&text) {
            let span = p.span();
            prop_assert!(span.start >= prev_end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prop_assert!(finite(p.interval()));
            if let Some(noun) = p.noun() {
                prop_assert!(noun.start >= span.end);
            }
            prev_end = span.end;
        }
        if let Some(i) = parse_number(&text) {
            prop_assert!(finite(i));
        }
    }

    #[test]
    fn parse_number_is_finite(text in "\\PC{0,40}") {
        if let Some(i) = parse_number(&text) {
            prop_assert!(finite(i));
        }
    }
}

/// End-to-end F1 on the dev set (span exact and interval exact), and
/// negative markers hit, recomputed here as shared/tools/eval_numbers.py does.
#[test]
fn dev_set_floor() {
    let Some(dir) = crate::common::data_dir("numbers::dev_set_floor") else { return };
    let path = dir.join("numbers").join("dev.jsonl");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        println!("skipped numbers::dev_set_floor: no {}", path.display());
        return;
    };
    let score = score_set(&raw);
    println!("numbers dev: e2e F1 {:.3}, negatives hit {}", score.f1, score.negatives_hit);
    assert!(score.f1 >= 0.97, "dev e2e F1 {:.3} < 0.97", score.f1);
    assert!(score.negatives_hit <= 1, "{} negative markers hit", score.negatives_hit);
}

/// Scores of a gold set in the format of shared/data/numbers.
pub(crate) struct SetScore {
    pub f1: f64,
    pub negatives_hit: usize,
    /// Per case `category`: (category, gold phrases found exactly, gold phrases).
    pub categories: Vec<(String, usize, usize)>,
}

/// Scores `raw` (JSON lines) as shared/tools/eval_numbers.py does: a hit is a
/// gold phrase with the same code-point span and interval.
pub(crate) fn score_set(raw: &str) -> SetScore {
    let (mut gold_n, mut sys_n, mut hits, mut neg_hits) = (0usize, 0usize, 0usize, 0usize);
    let mut categories: Vec<(String, usize, usize)> = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("gold line is JSON");
        let input = case["input"].as_str().expect("input");
        // byte offset -> code-point offset
        let cp = |b: usize| input.get(..b).map_or(0, |s| s.chars().count());
        let found: Vec<_> = number_phrases(input).collect();
        sys_n += found.len();
        let expected = case["expected"].as_array().cloned().unwrap_or_default();
        gold_n += expected.len();
        let mut case_hits = 0;
        let mut used = vec![false; found.len()];
        for g in &expected {
            let (gs, ge) = (
                g["start"].as_u64().unwrap_or(0) as usize,
                g["end"].as_u64().unwrap_or(0) as usize,
            );
            let pos = found
                .iter()
                .enumerate()
                .position(|(k, p)| !used[k] && cp(p.span().start) == gs && cp(p.span().end) == ge);
            if let Some(k) = pos {
                used[k] = true;
                if interval_matches(&g["interval"], found[k].interval()) {
                    hits += 1;
                    case_hits += 1;
                }
            }
        }
        if let Some(category) = case["category"].as_str() {
            match categories.iter_mut().find(|c| c.0 == category) {
                Some(c) => {
                    c.1 += case_hits;
                    c.2 += expected.len();
                }
                None => categories.push((category.to_owned(), case_hits, expected.len())),
            }
        }
        for n in case["negatives"].as_array().cloned().unwrap_or_default() {
            let (ns, ne) = (
                n["start"].as_u64().unwrap_or(0) as usize,
                n["end"].as_u64().unwrap_or(0) as usize,
            );
            neg_hits +=
                found.iter().filter(|p| cp(p.span().start) < ne && ns < cp(p.span().end)).count();
        }
    }
    let p = hits as f64 / sys_n.max(1) as f64;
    let r = hits as f64 / gold_n.max(1) as f64;
    let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    SetScore { f1, negatives_hit: neg_hits, categories }
}

fn interval_matches(gold: &serde_json::Value, got: Interval) -> bool {
    let close = |g: &serde_json::Value, s: Option<f64>| match (g.as_f64(), s) {
        (None, None) => g.is_null(),
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-3),
        _ => false,
    };
    let side = |v: &str, inc: &str, s: Option<f64>, s_inc: bool| {
        close(&gold[v], s) && (gold[v].is_null() || gold[inc].as_bool() == Some(s_inc))
    };
    side("low", "low_inclusive", got.low(), got.low_inclusive())
        && side("high", "high_inclusive", got.high(), got.high_inclusive())
}
