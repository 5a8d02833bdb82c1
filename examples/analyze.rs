//! The crate's front door: analyse a report (or JSON Lines of reports) and
//! print the facts as JSON. The interface is documented in README.md.
//!
//! ```text
//! cargo run --release --example analyze -- [OPTIONS] [FILE]
//! ```

use serde_json::value::RawValue;
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;
use textfacts::{Analyzer, Document, Gazetteer, HtmlPage, Layer};

const SAMPLE: &str = include_str!("sample-report.txt");

const USAGE: &str = "usage: analyze [--jsonl] [--only LIST] [--gazetteer PATH]... \
[--no-default-gazetteer] [--pretty] [--html] [FILE]
  LIST: comma-separated subset of tokens,sentences,entities,numbers,casualties";

struct Options {
    jsonl: bool,
    pretty: bool,
    html: bool,
    only: Vec<Layer>,
    gazetteers: Vec<String>,
    default_gazetteer: bool,
    file: Option<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut opts = Options {
        jsonl: false,
        pretty: false,
        html: false,
        only: Layer::ALL.to_vec(),
        gazetteers: Vec::new(),
        default_gazetteer: true,
        file: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--jsonl" => opts.jsonl = true,
            "--pretty" => opts.pretty = true,
            "--html" => opts.html = true,
            "--no-default-gazetteer" => opts.default_gazetteer = false,
            "--only" => {
                let list = args.next().ok_or("--only needs a list")?;
                opts.only = list
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|name| {
                        Layer::from_name(name).ok_or(format!("--only: unknown layer `{name}`"))
                    })
                    .collect::<Result<_, _>>()?;
            }
            "--gazetteer" => opts.gazetteers.push(args.next().ok_or("--gazetteer needs a path")?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            "-" => opts.file = None,
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option `{flag}`\n{USAGE}"))
            }
            path => {
                if opts.file.is_some() {
                    return Err(format!("more than one input file given\n{USAGE}"));
                }
                opts.file = Some(path.to_string());
            }
        }
    }
    Ok(opts)
}

fn build_analyzer(opts: &Options) -> Result<Analyzer, textfacts::Error> {
    let mut builder = Analyzer::builder();
    builder.layers(&opts.only).default_gazetteer(opts.default_gazetteer);
    if !opts.gazetteers.is_empty() {
        let mut g = Gazetteer::builder();
        g.include_default(opts.default_gazetteer);
        for path in &opts.gazetteers {
            g.add_tsv_file(path)?;
        }
        builder.gazetteer(g.build()?);
    }
    Ok(builder.build())
}

/// Where analysed documents go: JSON objects written as they come, or
/// sections of one HTML page written at the end.
enum Sink {
    Json { pretty: bool },
    Html(HtmlPage),
}

impl Sink {
    fn emit(
        &mut self,
        out: &mut impl Write,
        heading: &str,
        id: Option<&RawValue>,
        text: &str,
        doc: &Document,
    ) -> io::Result<()> {
        match self {
            Sink::Json { pretty } => write_doc(out, *pretty, id, doc),
            Sink::Html(page) => {
                // A string id is shown without its quotes.
                let heading = match id.map(RawValue::get) {
                    Some(raw) => {
                        serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_string())
                    }
                    None => heading.to_string(),
                };
                page.add_document(&heading, text, doc);
                Ok(())
            }
        }
    }

    fn finish(self, out: &mut impl Write) -> io::Result<()> {
        match self {
            Sink::Json { .. } => Ok(()),
            Sink::Html(page) => out.write_all(page.finish().as_bytes()),
        }
    }
}

/// One output object: the input's id (if any) followed by the document's layers.
#[derive(serde::Serialize)]
struct Output<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a RawValue>,
    #[serde(flatten)]
    doc: &'a textfacts::Document,
}

fn write_doc(
    out: &mut impl Write,
    pretty: bool,
    id: Option<&RawValue>,
    doc: &textfacts::Document,
) -> io::Result<()> {
    let record = Output { id, doc };
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &record)?;
    } else {
        serde_json::to_writer(&mut *out, &record)?;
    }
    out.write_all(b"\n")
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(opts) => opts,
        Err(msg) => {
            eprintln!("analyze: {msg}");
            return ExitCode::from(2);
        }
    };
    let analyzer = match build_analyzer(&opts) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("analyze: {e}");
            return ExitCode::from(2);
        }
    };
    let source = opts.file.clone().unwrap_or_else(|| "<stdin>".to_string());
    let use_sample = opts.file.is_none() && io::stdin().is_terminal();
    let input: Box<dyn BufRead> = if use_sample {
        eprintln!("analyze: no input given; analysing the bundled sample report");
        Box::new(SAMPLE.as_bytes())
    } else if let Some(path) = &opts.file {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(io::BufReader::with_capacity(1 << 16, f)),
            Err(e) => {
                eprintln!("analyze: {path}: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        Box::new(io::BufReader::with_capacity(1 << 16, io::stdin()))
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut sink = if opts.html {
        Sink::Html(HtmlPage::new(&format!(
            "textfacts: {}",
            if use_sample { "sample report" } else { &source }
        )))
    } else {
        Sink::Json { pretty: opts.pretty }
    };
    let result = if opts.jsonl && !use_sample {
        run_jsonl(&analyzer, &mut sink, &source, input, &mut out)
    } else {
        run_plain(&analyzer, &mut sink, &source, input, &mut out)
    };
    let result = result.and_then(|code| sink.finish(&mut out).map(|()| code));
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(code), Ok(())) => code,
        (Err(e), _) | (_, Err(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("analyze: {e}");
            ExitCode::from(2)
        }
    }
}

fn run_plain(
    analyzer: &Analyzer,
    sink: &mut Sink,
    source: &str,
    mut input: Box<dyn BufRead>,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let mut bytes = Vec::new();
    if let Err(e) = input.read_to_end(&mut bytes) {
        eprintln!("analyze: {source}: {e}");
        return Ok(ExitCode::from(2));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("analyze: {source}: invalid UTF-8 at byte {}", e.utf8_error().valid_up_to());
            return Ok(ExitCode::from(2));
        }
    };
    sink.emit(out, source, None, &text, &analyzer.analyze(&text))?;
    Ok(ExitCode::SUCCESS)
}

/// Documents analysed together; with the `parallel` feature a chunk is spread
/// over all cores. Bounded by count and bytes so memory stays flat on any input.
const CHUNK_DOCS: usize = 256;
const CHUNK_BYTES: usize = 4 << 20;

fn run_jsonl(
    analyzer: &Analyzer,
    sink: &mut Sink,
    source: &str,
    mut input: Box<dyn BufRead>,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let mut failures = 0usize;
    let mut line = Vec::new();
    let mut line_no = 0usize;
    let mut ids: Vec<Option<Box<RawValue>>> = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    let mut chunk_bytes = 0usize;
    loop {
        line.clear();
        let at_end = match input.read_until(b'\n', &mut line) {
            Ok(n) => n == 0,
            Err(e) => {
                eprintln!("analyze: {source}: line {}: {e}", line_no + 1);
                return Ok(ExitCode::from(2));
            }
        };
        if !at_end {
            line_no += 1;
            if let Some((id, text)) = parse_record(&line, source, line_no) {
                chunk_bytes += text.len();
                ids.push(id);
                texts.push(text);
            } else if !line.iter().all(u8::is_ascii_whitespace) {
                failures += 1;
            }
        }
        if at_end || texts.len() >= CHUNK_DOCS || chunk_bytes >= CHUNK_BYTES {
            let docs = analyzer.analyze_batch(&texts);
            for ((id, text), doc) in ids.iter().zip(&texts).zip(&docs) {
                sink.emit(out, "document", id.as_deref(), text, doc)?;
            }
            ids.clear();
            texts.clear();
            chunk_bytes = 0;
        }
        if at_end {
            break;
        }
    }
    if failures > 0 {
        eprintln!("analyze: {failures} input line(s) skipped");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// A JSONL input record. Typed, so that other fields are skipped without
/// being built, and the id is kept as its raw JSON text, copied to the output.
#[derive(serde::Deserialize)]
struct Record {
    text: String,
    #[serde(default, deserialize_with = "raw_id")]
    id: Option<Box<RawValue>>,
}

/// Keeps any id, `null` included, as written.
fn raw_id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Box<RawValue>>, D::Error> {
    <Box<RawValue> as serde::Deserialize>::deserialize(d).map(Some)
}

/// One JSONL input line as `(id, text)`; blank lines give `None` silently,
/// bad lines give `None` after a report naming the line.
fn parse_record(
    line: &[u8],
    source: &str,
    line_no: usize,
) -> Option<(Option<Box<RawValue>>, String)> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let parsed = std::str::from_utf8(line)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))
        .and_then(|s| {
            serde_json::from_str::<Record>(s).map_err(|e| {
                if serde_json::from_str::<serde::de::IgnoredAny>(s).is_ok() {
                    "not an object with a string \"text\"".to_string()
                } else {
                    format!("not JSON: {e}")
                }
            })
        });
    match parsed {
        Ok(record) => Some((record.id, record.text)),
        Err(msg) => {
            eprintln!("analyze: {source}: line {line_no}: {msg}; skipped");
            None
        }
    }
}
