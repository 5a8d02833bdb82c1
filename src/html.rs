//! A self-contained HTML view of analysed documents: the document tolls above
//! the text, entities highlighted by label (the resolved place on hover),
//! number phrases underlined with their intervals, a table of the places per
//! country and division, and a table of casualty facts; toll and fact rows
//! highlight their evidence when clicked.
//!
//! Everything taken from the input is escaped; the page needs no network.

use crate::document::Document;
use crate::numbers::Interval;
use crate::places::Place;
use crate::span::Span;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

const STYLE: &str = "body{font:15px/1.55 Georgia,serif;max-width:60em;margin:1.5em auto;padding:0 1em;color:#222}
h1{font:600 1.3em sans-serif}h2{font:600 1.05em sans-serif;border-top:1px solid #ccc;padding-top:.8em}
.text{white-space:pre-wrap}
mark{background:#eee;border-radius:3px;padding:0 1px}
.ent-LOC{background:#cfe8ff}.ent-ORG{background:#ffe3b8}.ent-NORP{background:#e4d7ff}.ent-PER{background:#d6f5d6}
.num{background:none;border-bottom:2px solid #c0392b}
.num.approx{border-bottom-style:dashed}
.ev{background:none;border-bottom:2px dotted #555}
.hl{outline:2px solid #e67e22;background:#ffe9a8}
table{border-collapse:collapse;margin:.6em 0;font:13px sans-serif}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}
tr[data-ev]{cursor:pointer}tr[data-ev]:hover{background:#f6f6f6}
.legend span{margin-right:1em}.note{color:#777;font:12px sans-serif}
@media print{.hl{outline:none}}";

// Clicking a fact row highlights its evidence spans (ids listed in data-ev).
const SCRIPT: &str = "document.addEventListener('click',function(e){var r=e.target.closest('tr[data-ev]');if(!r)return;\
document.querySelectorAll('.hl').forEach(function(x){x.classList.remove('hl')});var ids=r.dataset.ev.split(' ');\
ids.forEach(function(i){var x=document.getElementById(i);if(x)x.classList.add('hl')});\
var f=document.getElementById(ids[0]);if(f)f.scrollIntoView({block:'center'});});";

/// Builds one HTML page showing one or more analysed documents, one section each.
///
/// # Examples
///
/// ```
/// use textfacts::{Analyzer, HtmlPage};
///
/// let text = "At least 27 people were killed in <b>Aleppo</b>.";
/// let doc = Analyzer::new().analyze(text);
/// let mut page = HtmlPage::new("Report");
/// page.add_document("report-1", text, &doc);
/// let html = page.finish();
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains("&lt;b&gt;") && !html.contains("<b>"));
/// ```
#[derive(Clone, Debug)]
pub struct HtmlPage {
    html: String,
    sections: usize,
}

/// One element to open in the text: a byte span with its classes, tooltip and id.
struct Mark {
    span: Span,
    id: String,
    classes: String,
    title: String,
}

impl HtmlPage {
    /// Starts a page with the given title.
    ///
    /// # Examples
    ///
    /// ```
    /// let page = textfacts::HtmlPage::new("Today's reports");
    /// assert!(page.finish().contains("Today&#39;s reports"));
    /// ```
    #[must_use]
    pub fn new(title: &str) -> HtmlPage {
        let mut html = String::with_capacity(1 << 16);
        html.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
        escape_into(&mut html, title);
        html.push_str("</title><style>");
        html.push_str(STYLE);
        html.push_str("</style></head><body>\n<h1>");
        escape_into(&mut html, title);
        html.push_str("</h1>\n<p class=\"legend note\"><span><mark class=\"ent-LOC\">place</mark></span>\
<span><mark class=\"ent-ORG\">organisation</mark></span><span><mark class=\"ent-NORP\">nationality</mark></span>\
<span><span class=\"num\">number</span> (dashed: approximate)</span><span>hover for details; click a fact row to see its evidence</span></p>\n");
        HtmlPage { html, sections: 0 }
    }

    /// Adds a section for one document: its `heading`, its tolls, its `text`
    /// with marks, and its casualty facts. `doc` must be the analysis of `text`; spans
    /// that do not fit `text` are skipped.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "Two people died.";
    /// let doc = textfacts::Analyzer::new().analyze(text);
    /// let mut page = textfacts::HtmlPage::new("t");
    /// page.add_document("doc-1", text, &doc);
    /// assert!(page.finish().contains("doc-1"));
    /// ```
    pub fn add_document(&mut self, heading: &str, text: &str, doc: &Document) -> &mut Self {
        let d = self.sections;
        self.sections += 1;
        let mut marks = Vec::new();
        for (i, e) in doc.entities().iter().enumerate() {
            let mut title = format!(
                "{} · {} · {} · {} candidate{}",
                e.label,
                e.canonical,
                e.id,
                e.candidates,
                if e.candidates == 1 { "" } else { "s" }
            );
            if let Some(p) = &e.place {
                let _ = write!(title, " · place: {}", place_line(p));
            }
            let label: String = e.label.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
            marks.push(Mark {
                span: Span::new(e.start, e.end),
                id: format!("d{d}-e{i}"),
                classes: format!("ent ent-{label}"),
                title,
            });
        }
        for (i, n) in doc.numbers().iter().enumerate() {
            let mut title = describe(&n.interval);
            title.push_str(if n.approximate { " (approximate)" } else { " (exact)" });
            let _ = write!(title, " · {}", n.kind.as_str());
            if let Some(unit) = &n.unit {
                let _ = write!(title, " {unit}");
            }
            if let Some(noun) = &n.noun {
                let _ = write!(title, " · counts: {}", noun.text);
            }
            let approx = if n.approximate { " approx" } else { "" };
            marks.push(Mark {
                span: Span::new(n.start, n.end),
                id: format!("d{d}-n{i}"),
                classes: format!("num{approx}"),
                title,
            });
        }
        // Evidence of casualty facts reuses an existing mark with the same span,
        // else gets its own dotted mark.
        let mut rows = Vec::new();
        for (i, f) in doc.casualties().iter().enumerate() {
            let mut ids = Vec::new();
            let parts = [
                ("count", Some(Span::new(f.count.start, f.count.end))),
                ("victims", f.victims.as_ref().map(|v| v.span())),
                ("location", f.location.as_ref().map(|l| l.span())),
            ];
            for (what, span) in parts {
                let Some(span) = span else { continue };
                if let Some(m) = marks.iter().find(|m| m.span == span) {
                    ids.push(m.id.clone());
                } else {
                    let id = format!("d{d}-c{i}-{what}");
                    marks.push(Mark {
                        span,
                        id: id.clone(),
                        classes: "ev".to_string(),
                        title: format!("{what} of a {} fact", f.outcome.as_str()),
                    });
                    ids.push(id);
                }
            }
            rows.push(ids);
        }
        // Each toll's evidence spans, marked like a fact's count.
        let mut toll_rows = Vec::new();
        for (i, t) in doc.tolls().iter().enumerate() {
            let mut ids = Vec::new();
            for (k, e) in t.evidence.iter().enumerate() {
                let span = e.span();
                if let Some(m) = marks.iter().find(|m| m.span == span) {
                    ids.push(m.id.clone());
                } else {
                    let id = format!("d{d}-t{i}-{k}");
                    marks.push(Mark {
                        span,
                        id: id.clone(),
                        classes: "ev".to_string(),
                        title: format!("evidence of the {} toll", t.outcome.as_str()),
                    });
                    ids.push(id);
                }
            }
            toll_rows.push(ids);
        }
        let (kept, dropped) = nestable(text, marks);

        self.html.push_str("<section>\n<h2>");
        escape_into(&mut self.html, heading);
        self.html.push_str("</h2>\n");
        if !doc.tolls().is_empty() {
            self.html.push_str(
                "<table class=\"tolls\"><tr><th>toll</th><th>count</th><th>interval</th>\
<th>evidence</th></tr>\n",
            );
            for (t, ids) in doc.tolls().iter().zip(&toll_rows) {
                let _ = write!(
                    self.html,
                    "<tr data-ev=\"{}\"><td>{}</td><td>",
                    ids.join(" "),
                    t.outcome.as_str()
                );
                escape_into(&mut self.html, &t.count.text);
                self.html.push_str("</td><td>");
                let mut interval = describe(&t.count.interval);
                if t.count.approximate {
                    interval.push_str(" (approximate)");
                }
                escape_into(&mut self.html, &interval);
                let n = t.evidence.len();
                let _ = writeln!(
                    self.html,
                    "</td><td>{n} phrase{}</td></tr>",
                    if n == 1 { "" } else { "s" }
                );
            }
            self.html.push_str("</table>\n");
        }
        self.html.push_str("<div class=\"text\">");
        write_marked_text(&mut self.html, text, &kept);
        self.html.push_str("</div>\n");
        if dropped > 0 {
            let _ = writeln!(
                self.html,
                "<p class=\"note\">{dropped} overlapping span(s) not shown.</p>"
            );
        }
        write_places_table(&mut self.html, doc);
        if !doc.casualties().is_empty() {
            self.html.push_str(
                "<table><tr><th>outcome</th><th>count</th><th>interval</th><th>victims</th>\
<th>location</th><th>hedged</th></tr>\n",
            );
            for (f, ids) in doc.casualties().iter().zip(&rows) {
                let _ = write!(
                    self.html,
                    "<tr data-ev=\"{}\"><td>{}</td><td>",
                    ids.join(" "),
                    f.outcome.as_str()
                );
                escape_into(&mut self.html, &f.count.text);
                self.html.push_str("</td><td>");
                let mut interval = describe(&f.count.interval);
                if f.count.approximate {
                    interval.push_str(" (approximate)");
                }
                escape_into(&mut self.html, &interval);
                self.html.push_str("</td><td>");
                escape_into(&mut self.html, f.victims.as_ref().map_or("–", |v| v.text.as_str()));
                self.html.push_str("</td><td>");
                escape_into(&mut self.html, f.location.as_ref().map_or("–", |l| l.text.as_str()));
                let _ = writeln!(
                    self.html,
                    "</td><td>{}</td></tr>",
                    if f.hedged { "yes" } else { "no" }
                );
            }
            self.html.push_str("</table>\n");
        }
        self.html.push_str("</section>\n");
        self
    }

    /// Closes the page and returns the HTML.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(textfacts::HtmlPage::new("t").finish().ends_with("</html>\n"));
    /// ```
    #[must_use]
    pub fn finish(mut self) -> String {
        self.html.push_str("<script>");
        self.html.push_str(SCRIPT);
        self.html.push_str("</script>\n</body></html>\n");
        self.html
    }
}

/// A resolved place in one line: name, division, country, point, GeoNames id.
fn place_line(p: &Place) -> String {
    let mut line = p.name.to_string();
    if !p.admin1_name.is_empty() && p.admin1_name != p.name {
        let _ = write!(line, ", {}", p.admin1_name);
    }
    if !p.country.is_empty() {
        let _ = write!(line, ", {}", p.country);
    }
    let _ = write!(line, " ({:.2}, {:.2}) {} {}", p.lat, p.lon, p.feature, p.id);
    line
}

/// The document's resolved places counted per country and first-level
/// division (mentions, and the distinct places named).
fn write_places_table(html: &mut String, doc: &Document) {
    let mut rows: BTreeMap<(&str, &str), (usize, BTreeSet<&str>)> = BTreeMap::new();
    for e in doc.entities() {
        if let Some(p) = &e.place {
            let row = rows.entry((&*p.country, &*p.admin1_name)).or_default();
            row.0 += 1;
            row.1.insert(&*p.name);
        }
    }
    if rows.is_empty() {
        return;
    }
    html.push_str(
        "<table class=\"places\"><tr><th>country</th><th>division</th><th>mentions</th>\
<th>places</th></tr>\n",
    );
    for ((country, division), (mentions, names)) in &rows {
        // Continents, seas and regions across borders lie in no country.
        html.push_str("<tr><td>");
        escape_into(html, if country.is_empty() { "–" } else { country });
        html.push_str("</td><td>");
        escape_into(html, if division.is_empty() { "–" } else { division });
        let _ = write!(html, "</td><td>{mentions}</td><td>");
        escape_into(html, &names.iter().copied().collect::<Vec<_>>().join(", "));
        html.push_str("</td></tr>\n");
    }
    html.push_str("</table>\n");
}

/// Keeps the marks that lie on char boundaries of `text` and nest properly
/// (sorted outermost first); a mark crossing an earlier one is dropped and
/// counted, so that every shown span is one element.
fn nestable(text: &str, mut marks: Vec<Mark>) -> (Vec<Mark>, usize) {
    marks.retain(|m| !m.span.is_empty() && m.span.slice(text).is_some());
    marks.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    let mut kept: Vec<Mark> = Vec::with_capacity(marks.len());
    let mut open: Vec<Span> = Vec::new();
    let mut dropped = 0;
    for m in marks {
        while open.last().is_some_and(|o| o.end <= m.span.start) {
            open.pop();
        }
        let fits = open.last().is_none_or(|o| o.contains(m.span));
        let duplicate = kept.last().is_some_and(|k| k.span == m.span);
        if fits && !duplicate {
            open.push(m.span);
            kept.push(m);
        } else {
            dropped += 1;
        }
    }
    (kept, dropped)
}

/// Writes `text` escaped, with `marks` (properly nested, outermost first) as elements.
fn write_marked_text(html: &mut String, text: &str, marks: &[Mark]) {
    let mut pos = 0;
    let mut open: Vec<usize> = Vec::new();
    let close_until = |html: &mut String, pos: &mut usize, open: &mut Vec<usize>, limit: usize| {
        while let Some(&end) = open.last() {
            if end > limit {
                break;
            }
            escape_into(html, text.get(*pos..end).unwrap_or(""));
            *pos = end;
            html.push_str("</span>");
            open.pop();
        }
    };
    for m in marks {
        close_until(html, &mut pos, &mut open, m.span.start);
        escape_into(html, text.get(pos..m.span.start).unwrap_or(""));
        pos = m.span.start;
        html.push_str("<span class=\"");
        escape_into(html, &m.classes);
        html.push_str("\" id=\"");
        escape_into(html, &m.id);
        html.push_str("\" title=\"");
        escape_into(html, &m.title);
        html.push_str("\">");
        open.push(m.span.end);
    }
    close_until(html, &mut pos, &mut open, usize::MAX);
    escape_into(html, text.get(pos..).unwrap_or(""));
}

/// An interval in words: "27", "at least 27", "more than 100", "20 to 30".
fn describe(interval: &Interval) -> String {
    interval.to_string()
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}
