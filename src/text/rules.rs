//! The news rules on top of raw UAX#29 pieces.
//!
//! Tokens never cross whitespace, so the tokenizer works one whitespace-free
//! chunk at a time. At each position it decides the end of the next token:
//! a URL or e-mail address first, then the raw piece, which the rules may
//! extend (abbreviation periods, punctuation runs, times, phone numbers,
//! prefixes with a hyphen) or cut short (clitics, "gonna", "5pm"). Cutting
//! short needs no buffer: the next token simply starts where this one ended.

use super::abbreviations::{abbreviation, Abbreviation};
use super::raw::piece_end;
use super::TokenKind;

/// Where the next token of a chunk ends, and what it is.
pub(crate) struct Found {
    pub(crate) end: usize,
    pub(crate) kind: TokenKind,
}

/// The chunk being tokenized: `text[..end]` holds it; `at` is the first `@`
/// in it (or `usize::MAX`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Chunk {
    pub(crate) end: usize,
    pub(crate) at: usize,
}

/// The token starting at `start` (a non-whitespace char inside `chunk`).
pub(crate) fn token_at(text: &str, chunk: Chunk, start: usize, fast: bool) -> Found {
    let Some(scope) = text.get(..chunk.end) else {
        return Found { end: text.len(), kind: TokenKind::Other };
    };
    let bytes = scope.as_bytes();
    let first = bytes.get(start).copied().unwrap_or(0);

    if matches!(first, b'h' | b'H' | b'w' | b'W' | b'f' | b'F') {
        if let Some(end) = url_end(bytes, start) {
            return Found { end, kind: TokenKind::Url };
        }
    }
    if chunk.at > start && chunk.at < chunk.end {
        if let Some(end) = email_end(bytes, start, chunk.at) {
            return Found { end, kind: TokenKind::Email };
        }
    }

    let end = piece_end(scope, start, fast);
    let piece = scope.get(start..end).unwrap_or("");
    let first_char = piece.chars().next().unwrap_or(' ');
    if first_char.is_alphanumeric() || piece.chars().any(char::is_alphanumeric) {
        word(text, scope, start, end, first_char, fast)
    } else {
        punct(scope, start, end, first_char, fast)
    }
}

// ---------------------------------------------------------------- words

fn word(text: &str, scope: &str, start: usize, end: usize, first: char, fast: bool) -> Found {
    let bytes = scope.as_bytes();
    let piece = scope.get(start..end).unwrap_or("");
    let kind = if first.is_numeric() { TokenKind::Number } else { TokenKind::Word };

    if first.is_ascii_digit() {
        if let Some(e) = phone_end(bytes, start)
            .or_else(|| time_end(bytes, start))
            .or_else(|| slash_date_end(bytes, start))
        {
            return Found { end: e, kind: TokenKind::Number };
        }
        if let Some(digits) = unit_split(piece) {
            return Found { end: start + digits, kind: TokenKind::Number };
        }
    }
    if let Some(cut) = clitic_split(piece).or_else(|| contraction_split(piece)) {
        return Found { end: start + cut, kind };
    }
    match bytes.get(end) {
        Some(b'.') if keeps_period(text, piece, end) => {
            return Found { end: end + 1, kind: TokenKind::Word };
        }
        Some(b'-')
            if is_prefix(piece) && bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) =>
        {
            let next_end = piece_end(scope, end + 1, fast);
            return Found { end: next_end, kind };
        }
        Some(b'-')
            if kind == TokenKind::Word
                && matches!(bytes.get(end + 1), None | Some(b',' | b';'))
                && piece.bytes().all(|b| b.is_ascii_alphabetic()) =>
        {
            // A word cut short in speech keeps its hyphen: "th-", "exper-".
            return Found { end: end + 1, kind };
        }
        Some(b'&') => {
            // Initialisms joined by "&": "AT&T", "S&P", "Q&A".
            let caps =
                |w: &[u8]| !w.is_empty() && w.len() <= 3 && w.iter().all(u8::is_ascii_uppercase);
            let rest = bytes.get(end + 1..).unwrap_or(&[]);
            let after = rest.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            if caps(piece.as_bytes()) && caps(rest.get(..after).unwrap_or(&[])) {
                return Found { end: end + 1 + after, kind };
            }
        }
        _ => {}
    }
    Found { end, kind }
}

/// Whether the period right after `piece` (at `dot`) belongs to it.
fn keeps_period(text: &str, piece: &str, dot: usize) -> bool {
    match abbreviation(piece) {
        Some(Abbreviation::Numero) => {
            // "No. 5" but "I said no."
            let after = text.get(dot + 1..).unwrap_or("");
            after.trim_start().starts_with(|c: char| c.is_ascii_digit())
        }
        Some(_) => true,
        None => false,
    }
}

/// Clitics split off the way UD splits syntactic words: "do|n't", "Syria|'s".
/// Returns the byte length of the host.
fn clitic_split(piece: &str) -> Option<usize> {
    let (apos, apos_len) = piece
        .char_indices()
        .rfind(|&(_, c)| c == '\'' || c == '’')
        .map(|(i, c)| (i, c.len_utf8()))?;
    let suffix = piece.get(apos + apos_len..)?;
    if apos == 0 {
        return None;
    }
    if suffix.eq_ignore_ascii_case("t") {
        let host = apos.checked_sub(1)?;
        let n = piece.as_bytes().get(host)?;
        return (host > 0 && n.eq_ignore_ascii_case(&b'n')).then_some(host);
    }
    let clitic = ["s", "re", "ve", "ll", "d", "m"].iter().any(|c| suffix.eq_ignore_ascii_case(c));
    clitic.then_some(apos)
}

/// Contractions written without an apostrophe, split as UD does ("gon|na",
/// "can|not", "do|nt"). Returns the byte length of the first word.
fn contraction_split(piece: &str) -> Option<usize> {
    if piece.len() > 8 || !piece.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(piece.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let lower = buf.get(..piece.len())?;
    let cut = match lower {
        b"gonna" | b"wanna" | b"gotta" | b"outta" => 3,
        b"cannot" => 3,
        b"dont" | b"didnt" | b"doesnt" | b"isnt" | b"wasnt" | b"arent" | b"werent" | b"hasnt"
        | b"havent" | b"hadnt" | b"couldnt" | b"wouldnt" | b"shouldnt" | b"cant" | b"wont"
        | b"aint" => piece.len() - 2,
        b"im" => 1,
        b"ive" => 1,
        b"youre" | b"youll" | b"youve" | b"theyre" | b"theyve" | b"theyll" => {
            if lower.starts_with(b"you") {
                3
            } else {
                4
            }
        }
        b"thats" | b"theres" | b"whats" | b"hes" | b"shes" => piece.len() - 1,
        _ => return None,
    };
    Some(cut)
}

/// Units written straight after a number ("5pm", "10km") are their own token
/// in UD; ordinals and decades ("5th", "1990s") are not. Returns the digit count.
fn unit_split(piece: &str) -> Option<usize> {
    let digits = piece.bytes().take_while(u8::is_ascii_digit).count();
    let unit = piece.get(digits..)?;
    if digits == 0 || unit.is_empty() || !unit.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    const UNITS: &[&str] = &[
        "am", "pm", "k", "m", "b", "bn", "km", "cm", "mm", "kg", "mg", "g", "lb", "lbs", "oz",
        "ft", "mph", "kph", "kmh", "mi", "min", "mins", "hr", "hrs", "h", "gb", "mb", "kb", "tb",
        "ghz", "mhz", "khz", "hz", "kw", "mw", "gw", "kwh", "ml", "l", "x",
    ];
    UNITS.iter().any(|u| unit.eq_ignore_ascii_case(u)).then_some(digits)
}

/// Prefixes that keep their hyphen in UD English ("non-stop", "e-mail").
fn is_prefix(piece: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "anti", "co", "counter", "cross", "e", "ex", "inter", "intra", "mid", "mini", "multi",
        "neo", "non", "over", "post", "pre", "pro", "psycho", "re", "semi", "socio", "sub", "un",
    ];
    piece.len() <= 7 && PREFIXES.iter().any(|p| piece.eq_ignore_ascii_case(p))
}

/// Phone numbers and ZIP+4 codes stay one token: 713-853-1234, 853-1234,
/// 77002-1234, 1-800-555-1234.
fn phone_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut groups = [0usize; 4];
    let mut n = 0;
    let mut i = start;
    loop {
        let len = bytes.get(i..)?.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 || n == groups.len() {
            return None;
        }
        *groups.get_mut(n)? = len;
        n += 1;
        i += len;
        if bytes.get(i) == Some(&b'-') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else {
            break;
        }
    }
    if bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80) {
        return None;
    }
    let shape = groups.get(..n)?;
    matches!(shape, [3, 3, 4] | [3, 4] | [5, 4] | [1, 3, 3, 4]).then_some(i)
}

/// Dates and fractions written with slashes stay one token: "11/28/2000", "9/11", "1/2".
fn slash_date_end(bytes: &[u8], start: usize) -> Option<usize> {
    let digits = |i: usize| {
        bytes.get(i..).map_or(0, |r| r.iter().take_while(|b| b.is_ascii_digit()).count())
    };
    let first = digits(start);
    if !(1..=4).contains(&first) {
        return None;
    }
    let mut i = start + first;
    let mut parts = 0;
    while parts < 2 && bytes.get(i) == Some(&b'/') && (1..=4).contains(&digits(i + 1)) {
        i += 1 + digits(i + 1);
        parts += 1;
    }
    let ends_clean = !bytes.get(i).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'/');
    (parts > 0 && ends_clean).then_some(i)
}

/// Clock times stay one token: "3:30", "10:45:07".
fn time_end(bytes: &[u8], start: usize) -> Option<usize> {
    let hours = bytes.get(start..)?.iter().take_while(|b| b.is_ascii_digit()).count();
    if hours == 0 || hours > 2 {
        return None;
    }
    let mut i = start + hours;
    let mut parts = 0;
    while bytes.get(i) == Some(&b':')
        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        && bytes.get(i + 2).is_some_and(u8::is_ascii_digit)
        && !bytes.get(i + 3).is_some_and(u8::is_ascii_digit)
    {
        i += 3;
        parts += 1;
    }
    (parts > 0).then_some(i)
}

// ---------------------------------------------------------------- URLs, e-mail

fn url_end(bytes: &[u8], start: usize) -> Option<usize> {
    let rest = bytes.get(start..)?;
    let starts = |p: &[u8]| {
        rest.len() > p.len() && rest.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    let is_url = starts(b"http://") || starts(b"https://") || starts(b"ftp://") || starts(b"www.");
    if !is_url {
        return None;
    }
    let mut end = bytes.len();
    let opens = rest.iter().filter(|&&b| b == b'(').count();
    let mut closes = rest.iter().filter(|&&b| b == b')').count();
    // Trailing punctuation belongs to the sentence, not the URL.
    while end > start {
        let last = *bytes.get(end - 1)?;
        let trim = match last {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'"' | b']' | b'}' | b'>' | b'*' => {
                true
            }
            b')' if closes > opens => {
                closes -= 1;
                true
            }
            _ => false,
        };
        if trim {
            end -= 1;
        } else if last >= 0x80 {
            // Curly quotes and the like after a URL.
            let s = std::str::from_utf8(bytes.get(start..end)?).ok()?;
            match s.chars().next_back() {
                Some(c) if !c.is_alphanumeric() => end -= c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    (end > start + 4).then_some(end)
}

fn email_end(bytes: &[u8], start: usize, at: usize) -> Option<usize> {
    let local = bytes.get(start..at)?;
    let first = *local.first()?;
    if !first.is_ascii_alphanumeric()
        || !local.iter().all(|&b| b.is_ascii_alphanumeric() || b"._%+-'".contains(&b))
    {
        return None;
    }
    let mut i = at + 1;
    let mut labels = 0;
    let mut end = 0;
    loop {
        let len = bytes
            .get(i..)?
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b'_')
            .count();
        if len == 0 {
            break;
        }
        labels += 1;
        i += len;
        end = i;
        if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        } else {
            break;
        }
    }
    // "Kay Mann@ENRON": an in-house address without a dot.
    let in_house = labels == 1
        && bytes
            .get(at + 1..end)
            .is_some_and(|d| d.iter().all(|b| b.is_ascii_uppercase() || *b == b'_'));
    (labels >= 2 || in_house).then_some(end)
}

// ---------------------------------------------------------------- punctuation

fn punct(scope: &str, start: usize, end: usize, first: char, fast: bool) -> Found {
    let bytes = scope.as_bytes();
    // A clitic after its host was cut off: "'s", "’re".
    if matches!(first, '\'' | '’' | '`') {
        if let Some(e) = clitic_word_end(bytes, end) {
            return Found { end: e, kind: TokenKind::Word };
        }
    }
    if matches!(first, '.' | '!' | '?' | '…') {
        // "...", "?!", "!!!": one token.
        let mut e = end;
        loop {
            let next = piece_end(scope, e, fast);
            match scope.get(e..next) {
                Some("." | "!" | "?" | "…") => e = next,
                _ => break,
            }
        }
        return Found { end: e, kind: TokenKind::Punct };
    }
    if matches!(first, ':' | ';' | '=') {
        if let Some(e) = emoticon_end(bytes, start) {
            return Found { end: e, kind: TokenKind::Symbol };
        }
    }
    // A run of the same mark ("--", "**", "''") is one token.
    let piece = scope.get(start..end).unwrap_or("");
    let mut e = end;
    while e < scope.len() {
        let next = piece_end(scope, e, fast);
        if scope.get(e..next) != Some(piece) {
            break;
        }
        e = next;
    }
    Found { end: e, kind: mark_kind(first) }
}

/// End of "s", "re", ... right after an apostrophe ending at `from`.
fn clitic_word_end(bytes: &[u8], from: usize) -> Option<usize> {
    let letters = bytes.get(from..)?.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let word = bytes.get(from..from + letters)?;
    if bytes.get(from + letters).is_some_and(|&b| b >= 0x80) {
        return None;
    }
    let clitic =
        [&b"s"[..], b"re", b"ve", b"ll", b"d", b"m", b"S", b"RE", b"VE", b"LL", b"D", b"M"]
            .contains(&word);
    clitic.then_some(from + letters)
}

/// ":)", ":-(", ";)", "=)", ":D" at the end of a chunk.
fn emoticon_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    if bytes.get(i) == Some(&b'-') {
        i += 1;
    }
    let mouth = *bytes.get(i)?;
    let end = i + 1;
    let after = bytes.get(end);
    match mouth {
        b')' | b'(' => Some(end),
        b'D' | b'P' | b'p' if after.is_none_or(|b| !b.is_ascii_alphanumeric()) => Some(end),
        _ => None,
    }
}

/// Punctuation, symbol or other, for a char that is not alphanumeric.
pub(crate) fn mark_kind(c: char) -> TokenKind {
    match c {
        '$' | '%' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~' => TokenKind::Symbol,
        '!'..='~' => TokenKind::Punct,
        _ if c.is_control() => TokenKind::Other,
        '\u{a1}' | '\u{a7}' | '\u{ab}' | '\u{b6}' | '\u{b7}' | '\u{bb}' | '\u{bf}' => {
            TokenKind::Punct
        }
        // General punctuation (dashes, quotes, ellipsis, daggers, primes).
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}' => TokenKind::Punct,
        // Supplemental and CJK punctuation, small and fullwidth forms.
        '\u{2e00}'..='\u{2e7f}' | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' => {
            TokenKind::Punct
        }
        '\u{fe10}'..='\u{fe19}' | '\u{fe30}'..='\u{fe4f}' | '\u{fe50}'..='\u{fe6b}' => {
            TokenKind::Punct
        }
        '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' => TokenKind::Punct,
        // Combining marks with nothing to combine with, format characters,
        // private use: nothing meaningful.
        '\u{300}'..='\u{36f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2060}'..='\u{2064}'
        | '\u{feff}'
        | '\u{e000}'..='\u{f8ff}' => TokenKind::Other,
        _ => TokenKind::Symbol,
    }
}
