//! The HTML view: markup is well-formed and nested, every span appears once,
//! input is never interpreted as markup, and (where Chromium is installed) the
//! page renders in a real browser.

use std::collections::HashMap;
use textfacts::{Analyzer, Gazetteer, HtmlPage};

const SAMPLE: &str = include_str!("../examples/sample-report.txt");

/// Text written to break naive HTML output: tags, entities, quotes, a script,
/// right-to-left text and emoji around names and numbers.
const HOSTILE: &str = "<script>alert('x')</script> At least 27 people died in <b>Aleppo</b> & \
\"Idlib\"; 'quoted' &amp; &lt;tag&gt; </div></span> مقتل 12 شخصا في حلب 👩‍👩‍👧 \u{202E}reversed\u{202C} \
Doctors Without Borders said <img src=x onerror=alert(1)> more than 100 were hurt.";

/// A minimal reader of our own markup: returns the text content (entities
/// decoded), the ids of every element, and fails on unbalanced tags.
fn read_markup(html: &str) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut ids = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find(['<', '&']) {
        text.push_str(&rest[..lt]);
        rest = &rest[lt..];
        if rest.starts_with('&') {
            let semi = rest.find(';').expect("unterminated entity");
            text.push(match &rest[..=semi] {
                "&amp;" => '&',
                "&lt;" => '<',
                "&gt;" => '>',
                "&quot;" => '"',
                "&#39;" => '\'',
                other => panic!("unknown entity {other}"),
            });
            rest = &rest[semi + 1..];
            continue;
        }
        let gt = rest.find('>').expect("unterminated tag");
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "unbalanced </{name}>");
            continue;
        }
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        assert!(!tag.contains('<'), "a '<' inside a tag: {tag}");
        if let Some(at) = tag.find(" id=\"") {
            let id = &tag[at + 5..];
            ids.push(id[..id.find('"').expect("closed id")].to_string());
        }
        if !tag.starts_with('!') && !matches!(name.as_str(), "meta" | "br") {
            stack.push(name);
        }
        if matches!(tag, "style" | "script") {
            // Our own CSS/JS: skip to the closing tag.
            let close = format!("</{tag}>");
            let end = rest.find(&close).expect("closed style/script");
            rest = &rest[end..];
        }
    }
    text.push_str(rest);
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
    (text, ids)
}

fn the_text_div(html: &str) -> &str {
    let start = html.find("<div class=\"text\">").expect("text div") + "<div class=\"text\">".len();
    let end = start + html[start..].find("</div>\n").expect("end of text div");
    &html[start..end]
}

fn render(text: &str, analyzer: &Analyzer) -> (String, textfacts::Document) {
    let doc = analyzer.analyze(text);
    let mut page = HtmlPage::new("test <page>");
    page.add_document("doc \"1\"", text, &doc);
    (page.finish(), doc)
}

fn check(text: &str, analyzer: &Analyzer) {
    let (html, doc) = render(text, analyzer);
    let (all_text, ids) = read_markup(&html);
    assert!(all_text.contains(text), "the document text must come back verbatim");
    let (div_text, _) = read_markup(the_text_div(&html));
    assert_eq!(div_text, text, "text content of the marked-up document");
    // Each id once; every entity and number phrase has its element.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for id in &ids {
        *seen.entry(id).or_default() += 1;
    }
    assert!(seen.values().all(|&n| n == 1), "duplicate ids: {seen:?}");
    let spans = doc.entities().len() + doc.numbers().len();
    let shown = ids.iter().filter(|id| id.contains("-e") || id.contains("-n")).count();
    let note = html.contains("overlapping span(s) not shown");
    assert!(shown == spans || note, "{shown} of {spans} spans shown");
    assert_eq!(html.matches("<script>").count(), 1, "only our own script");
}

#[test]
fn sample_report_markup_is_well_formed() {
    check(SAMPLE, &Analyzer::new());
}

#[test]
fn hostile_input_is_rendered_as_text() {
    let g = Gazetteer::from_tsv(
        "Aleppo\tLOC\tx:1\tAleppo\nIdlib\tLOC\tx:2\t<Idlib>\nحلب\tLOC\tx:1\tAleppo\n",
    )
    .expect("gazetteer");
    let analyzer = Analyzer::builder().gazetteer(g).build();
    check(HOSTILE, &analyzer);
    let (html, _) = render(HOSTILE, &analyzer);
    assert!(!html.contains("<b>") && !html.contains("<img"), "input tags must be escaped");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
}

#[test]
fn tolls_stand_above_the_text_and_point_at_their_evidence() {
    let text = "Two people died. Police later said five people died and five were hurt.";
    let (html, doc) = render(text, &Analyzer::new());
    check(text, &Analyzer::new());
    let table = html.find("<table class=\"tolls\">").expect("tolls table");
    assert!(table < html.find("<div class=\"text\">").expect("text div"));
    assert_eq!(doc.tolls().len(), 2);
    // Each toll row names the marks of its evidence, and they exist.
    let rows: Vec<&str> = html[table..].split("<tr data-ev=\"").skip(1).take(2).collect();
    for row in rows {
        let ids = &row[..row.find('"').expect("end of data-ev")];
        for id in ids.split(' ') {
            assert!(html.contains(&format!("id=\"{id}\"")), "evidence mark {id}");
        }
    }
}

/// Headless Chromium loads the sample page and takes a screenshot.
#[test]
fn renders_in_chromium() {
    let Some(browser) = ["chromium", "chromium-browser", "google-chrome"].into_iter().find(|b| {
        std::process::Command::new(b).arg("--version").output().is_ok_and(|o| o.status.success())
    }) else {
        println!("skipped renders_in_chromium: no Chromium installed");
        return;
    };
    let dir = std::env::temp_dir().join(format!("textfacts-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let page = dir.join("sample.html");
    let shot = dir.join("sample.png");
    let (html, _) = render(SAMPLE, &Analyzer::new());
    std::fs::write(&page, html).expect("write page");
    let status = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1000,900",
        ])
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "a real screenshot");
}
