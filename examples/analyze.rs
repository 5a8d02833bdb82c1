//! The crate's front door: analyse a report (or JSON Lines of reports) and
//! print the facts as JSON. The interface is documented in README.md.
//!
//! ```text
//! cargo run --release --example analyze -- [OPTIONS] [FILE]
//! ```

use rayon::prelude::*;
use serde_json::value::RawValue;
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;
use textfacts::{Analyzer, Document, Gazetteer, HtmlPage, Layer};

const SAMPLE: &str = include_str!("sample-report.txt");

const USAGE: &str = "usage: analyze [--jsonl] [--only LIST] [--gazetteer PATH]... \
[--no-default-gazetteer] [--no-places] [--pretty] [--html] [FILE]
  LIST: comma-separated subset of tokens,sentences,entities,numbers,casualties
        (casualties also prints the document's tolls)
  --gazetteer PATH: a TSV file of name<TAB>label<TAB>id<TAB>canonical rows; a first
        line `name label id canonical` + any of lat lon country admin1 admin1_name
        feature population (tab-separated) adds place columns: those places resolve
  --no-places: do not resolve places (every entity's `place` is null)";

struct Options {
    jsonl: bool,
    pretty: bool,
    html: bool,
    only: Vec<Layer>,
    gazetteers: Vec<String>,
    default_gazetteer: bool,
    places: bool,
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
        places: true,
        file: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--jsonl" => opts.jsonl = true,
            "--pretty" => opts.pretty = true,
            "--html" => opts.html = true,
            "--no-default-gazetteer" => opts.default_gazetteer = false,
            "--no-places" => opts.places = false,
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

fn build_analyzer(
    only: &[Layer],
    gazetteers: &[String],
    default_gazetteer: bool,
    places: bool,
) -> Result<Analyzer, textfacts::Error> {
    let mut builder = Analyzer::builder();
    builder.layers(only).default_gazetteer(default_gazetteer).resolve_places(places);
    if !gazetteers.is_empty() {
        let mut g = Gazetteer::builder();
        g.include_default(default_gazetteer);
        for path in gazetteers {
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

/// Appends the compact JSON line of `text`'s analysis to `buf`: the bytes
/// of [`write_doc`], written straight from the analysis
/// ([`Analyzer::append_json`]: no `Document` is built).
fn append_line(buf: &mut Vec<u8>, id: Option<&RawValue>, analyzer: &Analyzer, text: &str) {
    // The id opens the object, `{"id":ID`, and the document's own `{` becomes
    // the comma after it (or its `{}` the closing brace): nothing written is
    // moved.
    if let Some(id) = id {
        buf.extend_from_slice(b"{\"id\":");
        buf.extend_from_slice(id.get().as_bytes());
    }
    let at = buf.len();
    analyzer.append_json(text, buf);
    if id.is_some() {
        if buf.get(at + 1) == Some(&b'}') {
            buf.truncate(at);
            buf.push(b'}');
        } else if let Some(open) = buf.get_mut(at) {
            *open = b',';
        }
    }
    buf.push(b'\n');
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(opts) => opts,
        Err(msg) => {
            eprintln!("analyze: {msg}");
            return ExitCode::from(2);
        }
    };
    let analyzer = LazyAnalyzer::start(&opts);
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
    analyzer: &LazyAnalyzer,
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
            let at = e.utf8_error().valid_up_to();
            eprintln!("analyze: {source}: {}", invalid_utf8(e.as_bytes(), at));
            return Ok(ExitCode::from(2));
        }
    };
    let analyzer = match analyzer.get() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("analyze: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    sink.emit(out, source, None, &text, &analyzer.analyze(&text))?;
    Ok(ExitCode::SUCCESS)
}

/// Bytes of whole lines read before they are analysed together (more only for
/// one longer line). Memory stays flat on any input, and since the input
/// buffer is reused from chunk to chunk, a run touches little fresh memory
/// (each new page costs a fault: a 16 MB first chunk made the run ~10% slower).
const CHUNK_BYTES: usize = 1 << 20;
/// Input bytes parsed ahead at most while the analyzer is being built (the
/// parsed texts are held until it is: with the 147k GeoNames names, ~60 MB
/// are parsed in the time the build takes).
const AHEAD_BYTES: usize = 64 << 20;
/// Bytes asked of the input per read.
const READ_BYTES: usize = 256 << 10;
/// Documents up to this size are serialized by the worker that analysed them.
const SERIALIZE_IN_WORKER: usize = 1 << 20;

/// One input line once a worker has read it.
enum Item {
    /// Blank: nothing to report or print.
    Blank,
    /// Not a record: the report to print on stderr.
    Bad(String),
    /// A document serialized by its worker.
    Json(Vec<u8>),
    /// A document for the main thread to write (HTML output, or a large one).
    Doc { id: Option<Box<RawValue>>, text: String, doc: Document },
}

fn run_jsonl(
    analyzer: &LazyAnalyzer,
    sink: &mut Sink,
    source: &str,
    mut input: Box<dyn BufRead>,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    // Lines are parsed, analysed and serialized on every core (rayon's pool:
    // its workers stay up between the phases and steal each other's lines,
    // ~10% faster than threads started per phase), a chunk at a time; reports
    // and output are then written in input order.
    let mut failures = 0usize;
    let mut line_no = 0usize;
    // Input is read in blocks of whole lines into one reused buffer; lines are
    // ranges of it, so a line is copied only once, from the kernel.
    let mut block: Vec<u8> = Vec::new();
    let mut lines: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    let mut at_end = false;
    // Chunks parsed ahead (their first line's number and their lines), and
    // the input bytes they came from.
    let mut ahead: Vec<(usize, Vec<Parsed>)> = Vec::new();
    let mut ahead_bytes = 0usize;
    while !at_end {
        // The end of the last complete line in `block`, searched in new bytes only.
        let mut complete = block.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        while !at_end && (block.len() < CHUNK_BYTES || complete == 0) {
            let old = block.len();
            block.resize(old + READ_BYTES, 0);
            let read = loop {
                match input.read(block.get_mut(old..).unwrap_or(&mut [])) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    other => break other,
                }
            };
            match read {
                Ok(n) => {
                    block.truncate(old + n);
                    at_end = n == 0;
                    if let Some(i) = block.get(old..).and_then(last_newline) {
                        complete = old + i + 1;
                    }
                }
                Err(e) => {
                    let done = block.get(..old).map_or(0, count_newlines);
                    eprintln!("analyze: {source}: line {}: {e}", line_no + done + 1);
                    return Ok(ExitCode::from(2));
                }
            }
        }
        let end = if at_end { block.len() } else { complete };
        lines.clear();
        let mut from = 0;
        while from < end {
            let to = block.get(from..end).and_then(first_newline).map_or(end, |i| from + i + 1);
            line_no += 1;
            lines.push((line_no, from..to));
            from = to;
        }
        let chunk = lines.as_slice();
        if chunk.is_empty() {
            break;
        }
        // Lines are parsed on every core first, then analysed. While the
        // analyzer is still being built, whole chunks are parsed ahead on this
        // thread and kept: a large gazetteer's build keeps only about one core
        // busy, and parsing on both would slow the build, which every line
        // waits for.
        let parse = |(no, range): &(usize, std::ops::Range<usize>)| {
            parse_line(block.get(range.clone()).unwrap_or(&[]), source, *no)
        };
        let parsed: Vec<Parsed> = if analyzer.is_ready() {
            chunk.par_iter().map(parse).collect()
        } else {
            chunk.iter().map(parse).collect()
        };
        let first_line = chunk.first().map_or(line_no, |(no, _)| *no);
        if !at_end && ahead_bytes + end <= AHEAD_BYTES && !analyzer.is_ready() {
            ahead_bytes += end;
            ahead.push((first_line, parsed));
        } else {
            ahead.push((first_line, parsed));
            for (first_line, parsed) in ahead.drain(..) {
                if !write_parsed(analyzer, sink, source, first_line, &parsed, out, &mut failures)? {
                    return Ok(ExitCode::from(2));
                }
            }
            ahead_bytes = 0;
        }
        // The partial line goes to the front; a buffer grown for a huge line
        // is not kept for the rest of the run.
        block.drain(..end);
        if block.capacity() > 4 * CHUNK_BYTES && block.len() < CHUNK_BYTES {
            block.shrink_to(2 * CHUNK_BYTES);
        }
    }
    for (first_line, parsed) in ahead.drain(..) {
        if !write_parsed(analyzer, sink, source, first_line, &parsed, out, &mut failures)? {
            return Ok(ExitCode::from(2));
        }
    }
    // An input without lines still has its gazetteer checked.
    if let Err(e) = analyzer.get() {
        eprintln!("analyze: {e}");
        return Ok(ExitCode::from(2));
    }
    if failures > 0 {
        eprintln!("analyze: {failures} input line(s) skipped");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Analyses the parsed lines of one chunk on every core (line numbers from
/// `first_line` on) and writes them in input order, counting the lines
/// skipped in `failures`; `false` when the analyzer could not be built (its
/// error is reported).
fn write_parsed(
    analyzer: &LazyAnalyzer,
    sink: &mut Sink,
    source: &str,
    first_line: usize,
    parsed: &[Parsed],
    out: &mut impl Write,
    failures: &mut usize,
) -> io::Result<bool> {
    let json = match sink {
        Sink::Json { pretty } => Some(*pretty),
        Sink::Html(_) => None,
    };
    let items: Vec<Item> = parsed
        .par_iter()
        .enumerate()
        .map(|(i, p)| {
            let run = || match analyzer.get() {
                Ok(analyzer) => finish_line(analyzer, json, p),
                Err(_) => Item::Blank,
            };
            // Never expected: a panic loses its line only.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).unwrap_or_else(|_| {
                let no = first_line + i;
                Item::Bad(format!("analyze: {source}: line {no}: internal error; skipped"))
            })
        })
        .collect();
    if let Err(e) = analyzer.get() {
        eprintln!("analyze: {e}");
        return Ok(false);
    }
    for item in items {
        match item {
            Item::Blank => {}
            Item::Bad(report) => {
                *failures += 1;
                eprintln!("{report}");
            }
            Item::Json(json) => out.write_all(&json)?,
            Item::Doc { id, text, doc } => {
                sink.emit(out, "document", id.as_deref(), &text, &doc)?
            }
        }
    }
    Ok(true)
}

/// Where the first `\n` of `bytes` is; eight bytes at a time, since input
/// lines are long.
fn first_newline(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for word in words.by_ref() {
        let x = u64::from_le_bytes(word.try_into().unwrap_or([0; 8])) ^ (ONES * u64::from(b'\n'));
        // Some byte of `x` is zero exactly when this is non-zero.
        if x.wrapping_sub(ONES) & !x & HIGHS != 0 {
            break;
        }
        at += 8;
    }
    bytes.get(at..)?.iter().position(|&b| b == b'\n').map(|i| at + i)
}

fn last_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().rposition(|&b| b == b'\n')
}

fn count_newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// One input line, parsed.
enum Parsed {
    Blank,
    Bad(String),
    Record(Option<Box<RawValue>>, String),
}

fn parse_line(line: &[u8], source: &str, line_no: usize) -> Parsed {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Parsed::Blank;
    }
    match parse_record(line) {
        Ok((id, text)) => Parsed::Record(id, text),
        Err(msg) => Parsed::Bad(format!("analyze: {source}: line {line_no}: {msg}; skipped")),
    }
}

/// Analyses a parsed line and (for JSON output, `Some(pretty)`) serializes it.
fn finish_line(analyzer: &Analyzer, json: Option<bool>, parsed: &Parsed) -> Item {
    let (id, text) = match parsed {
        Parsed::Blank => return Item::Blank,
        Parsed::Bad(report) => return Item::Bad(report.clone()),
        Parsed::Record(id, text) => (id, text),
    };
    match json {
        // A large document is written straight to the output later, not held
        // twice (records and JSON) in memory.
        Some(false) if text.len() <= SERIALIZE_IN_WORKER => {
            // `append_json` reserves what the records need.
            let mut buf = Vec::with_capacity(id.as_ref().map_or(0, |id| id.get().len()) + 64);
            append_line(&mut buf, id.as_deref(), analyzer, text);
            Item::Json(buf)
        }
        Some(true) if text.len() <= SERIALIZE_IN_WORKER => {
            let mut buf = Vec::new();
            // Writing into a Vec cannot fail.
            let _ = write_doc(&mut buf, true, id.as_deref(), &analyzer.analyze(text));
            Item::Json(buf)
        }
        _ => Item::Doc { id: id.clone(), text: text.clone(), doc: analyzer.analyze(text) },
    }
}

/// Where invalid UTF-8 starts in `bytes` (at byte offset `at`): the 1-based
/// line, the 0-based byte offset in the input, and the offset in the line.
fn invalid_utf8(bytes: &[u8], at: usize) -> String {
    let before = bytes.get(..at).unwrap_or(bytes);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    format!("invalid UTF-8 on line {line} at byte {at} (byte {} of the line)", at - line_start)
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

/// One JSONL input line as `(id, text)`, or what is wrong with it.
fn parse_record(line: &[u8]) -> Result<(Option<Box<RawValue>>, String), String> {
    // serde_json checks the UTF-8 of what it reads; a separate pass over the
    // line is made only to explain an error.
    match serde_json::from_slice::<Record>(line) {
        Ok(record) => Ok((record.id, record.text)),
        Err(e) => Err(match std::str::from_utf8(line) {
            Err(bad) => format!("invalid UTF-8 at byte {} of the line", bad.valid_up_to()),
            Ok(s) if serde_json::from_str::<serde::de::IgnoredAny>(s).is_ok() => {
                "not an object with a string \"text\"".to_string()
            }
            Ok(_) => format!("not JSON: {e}"),
        }),
    }
}

/// The analyzer, built on another thread while the input is being read: the
/// built-in gazetteer takes milliseconds that need not delay the first line.
struct LazyAnalyzer {
    pending: std::sync::Mutex<Option<std::thread::JoinHandle<Result<Analyzer, textfacts::Error>>>>,
    built: std::sync::OnceLock<Result<Analyzer, String>>,
}

impl LazyAnalyzer {
    fn start(opts: &Options) -> LazyAnalyzer {
        let only = opts.only.clone();
        let gazetteers = opts.gazetteers.clone();
        let (default_gazetteer, places) = (opts.default_gazetteer, opts.places);
        let handle = std::thread::spawn(move || {
            build_analyzer(&only, &gazetteers, default_gazetteer, places)
        });
        LazyAnalyzer {
            pending: std::sync::Mutex::new(Some(handle)),
            built: std::sync::OnceLock::new(),
        }
    }

    /// Whether [`LazyAnalyzer::get`] would return without waiting.
    fn is_ready(&self) -> bool {
        self.built.get().is_some()
            || self.pending.lock().map_or(true, |h| h.as_ref().is_none_or(|h| h.is_finished()))
    }

    /// The analyzer, or the error that building it gave.
    fn get(&self) -> Result<&Analyzer, &str> {
        self.built
            .get_or_init(|| {
                let handle = self.pending.lock().ok().and_then(|mut h| h.take());
                match handle.map(std::thread::JoinHandle::join) {
                    Some(Ok(Ok(a))) => Ok(a),
                    Some(Ok(Err(e))) => Err(e.to_string()),
                    _ => Err("the analyzer could not be built".to_string()),
                }
            })
            .as_ref()
            .map_err(String::as_str)
    }
}
