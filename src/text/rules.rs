//! The news rules on top of raw UAX#29 pieces.
//!
//! Tokens never cross whitespace, so the tokenizer works one whitespace-free
//! chunk at a time. At each position it decides the end of the next token:
//! a URL or e-mail address first, then the raw piece, which the rules may
//! extend (abbreviation periods, punctuation runs, times, phone numbers,
//! prefixes with a hyphen) or cut short (clitics, "gonna", "5pm"). Cutting
//! short needs no buffer: the next token simply starts where this one ended.

use super::abbreviations::{abbreviation, Abbreviation};
use super::chars::{alphanumeric, numeric};
use super::raw::piece_end;
use super::words::{GLUED_UNITS, HYPHEN_PREFIXES, TOP_LEVEL_DOMAINS};
use super::TokenKind;
use crate::util::{ascii_digits, ascii_letters, run_end};

/// Where the next token of a chunk ends, and what it is.
pub(crate) struct Found {
    pub(crate) end: usize,
    pub(crate) kind: TokenKind,
}

/// The token starting at `start`, a non-whitespace char of the chunk that
/// ends at `chunk_end` (the next whitespace or the end of the text).
pub(crate) fn token_at(text: &str, chunk_end: usize, start: usize, fast: bool) -> Found {
    let Some(scope) = text.get(..chunk_end) else {
        return Found { end: text.len(), kind: TokenKind::Other };
    };
    let bytes = scope.as_bytes();
    let first = bytes.get(start).copied().unwrap_or(0);

    if matches!(first, b'h' | b'H' | b'w' | b'W' | b'f' | b'F' | b'm' | b'M') {
        if let Some(end) = url_end(bytes, start) {
            return Found { end, kind: TokenKind::Url };
        }
    }
    if first.is_ascii_alphanumeric() {
        // A local part has at most 64 bytes (RFC 5321); the bound also keeps
        // chunks like "1-1-1-1-..." linear.
        let local = bytes.get(start..).map_or(0, |r| {
            r.iter().take(MAX_LOCAL_PART + 1).take_while(|&&b| is_local_part(b)).count()
        });
        if bytes.get(start + local) == Some(&b'@') {
            if let Some(end) = email_end(bytes, start, start + local) {
                return Found { end, kind: TokenKind::Email };
            }
        }
    }

    let end = piece_end(scope, start, fast);
    let piece = scope.get(start..end).unwrap_or("");
    let first_char = piece.chars().next().unwrap_or(' ');
    if piece.chars().any(alphanumeric) {
        word(text, scope, start, end, first_char, fast)
    } else {
        punct(scope, start, end, first_char, fast)
    }
}

/// The two commonest tokens, decided without the general machinery and
/// without measuring the chunk: a plain ASCII word ("killed") and a lone
/// ASCII mark (","), each followed by a byte that no rule joins to it
/// (whitespace ends the chunk, so it behaves as the end of the text here).
/// Must agree with [`token_at`] exactly: a property test compares both.
#[inline]
pub(crate) fn common_token(bytes: &[u8], start: usize) -> Option<Found> {
    let first = *bytes.get(start)?;
    if first.is_ascii_alphabetic() {
        let end = run_end(bytes, start, ascii_letters);
        let word = bytes.get(start..end)?;
        let plain = match bytes.get(end) {
            None => true,
            // A sentence-final period, unless the word is an abbreviation.
            Some(b'.') => {
                ends_cleanly(bytes.get(end + 1))
                    && !word.eq_ignore_ascii_case(b"www")
                    && std::str::from_utf8(word).is_ok_and(|w| abbreviation(w).is_none())
            }
            // Joiners and the bytes rules look at: digits, '_', mid-word
            // marks, hyphens, '&', e-mail local parts, non-ASCII.
            Some(&b) => JOINS[usize::from(b)] & JOINS_WORD == 0,
        };
        (plain && contraction_split(word).is_none()).then_some(Found { end, kind: TokenKind::Word })
    } else if first.is_ascii_digit() {
        let end = run_end(bytes, start, ascii_digits);
        let plain = match bytes.get(end) {
            None => true,
            // Not a separator: nothing after it joins ("27, 28", "in 2019.").
            Some(b'.' | b',' | b';') => ends_cleanly(bytes.get(end + 1)),
            Some(&b) => JOINS[usize::from(b)] & JOINS_NUMBER == 0,
        };
        plain.then_some(Found { end, kind: TokenKind::Number })
    } else if first.is_ascii_punctuation() && !b".!?:;='`_@".contains(&first) {
        match bytes.get(start + 1) {
            Some(&b) if b == first || !b.is_ascii() => None,
            _ => Some(Found { end: start + 1, kind: mark_kind(char::from(first)) }),
        }
    } else {
        None
    }
}

/// In [`JOINS`]: the byte may join a plain ASCII word to what follows.
const JOINS_WORD: u8 = 1;
/// In [`JOINS`]: the byte may join a run of digits to what follows.
const JOINS_NUMBER: u8 = 2;

/// Per byte after a run of letters or digits, whether a rule may join
/// across it: letters and digits, e-mail local-part marks, `_ ' : & @`,
/// and `/` after digits ("9/11"), and every non-ASCII byte. One load
/// instead of a string search per token.
static JOINS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0usize;
    while b < 256 {
        let byte = b as u8;
        let always = byte.is_ascii_alphanumeric()
            || matches!(byte, b'.' | b'_' | b'%' | b'+' | b'-' | b'\'' | b':' | b'&' | b'@')
            || byte >= 0x80;
        if always {
            table[b] = JOINS_WORD | JOINS_NUMBER;
        }
        b += 1;
    }
    table[b'/' as usize] = JOINS_NUMBER;
    table
};

/// Whether the byte after a period or comma lets no rule join across it:
/// the end, whitespace, or a mark that cannot be part of an e-mail address.
#[inline]
fn ends_cleanly(next: Option<&u8>) -> bool {
    match next {
        None => true,
        Some(&b) => {
            b.is_ascii_whitespace()
                || b == 0x0b
                || (b.is_ascii_punctuation() && !is_local_part(b) && b != b'@')
        }
    }
}

// ---------------------------------------------------------------- words

fn word(text: &str, scope: &str, start: usize, end: usize, first: char, fast: bool) -> Found {
    let bytes = scope.as_bytes();
    let piece = scope.get(start..end).unwrap_or("");
    let kind = if numeric(first) { TokenKind::Number } else { TokenKind::Word };

    if first.is_ascii_digit() {
        if let Some(e) = phone_end(bytes, start)
            .or_else(|| time_end(bytes, start))
            .or_else(|| slash_date_end(bytes, start))
        {
            return Found { end: e, kind: TokenKind::Number };
        }
        if let Some(e) =
            degrees_end(bytes, end).or_else(|| clock_abbreviation_end(text, piece, end))
        {
            return Found { end: e, kind: TokenKind::Number };
        }
        if let Some(digits) = unit_split(piece) {
            return Found { end: start + digits, kind: TokenKind::Number };
        }
    }
    if matches!(piece, "N" | "n") {
        if let Some(e) = numero_end(text, end) {
            return Found { end: e, kind: TokenKind::Word };
        }
    }
    // "Tana.Jones@...": an e-mail address cut short is not a missing space.
    let local_part = bytes.get(end) == Some(&b'@');
    if let Some(cut) = stacked_clitic_split(piece)
        .or_else(|| contraction_split(piece.as_bytes()))
        .or_else(|| missing_space_split(piece.as_bytes()).filter(|_| !local_part))
    {
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
    if is_temperature_scale(text, piece, dot) {
        return false;
    }
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

/// Whether `piece`, ending at `dot`, is a temperature scale after a degree
/// sign or a number ("40 °C.", "98.6 F."): a unit, not an initial, so the
/// period after it is the sentence's.
fn is_temperature_scale(text: &str, piece: &str, dot: usize) -> bool {
    if !matches!(piece, "C" | "F" | "K") {
        return false;
    }
    let start = dot.saturating_sub(piece.len());
    let before = text.get(..start).unwrap_or("").trim_end_matches(' ');
    before.ends_with('°') || before.ends_with(|c: char| c.is_ascii_digit())
}

/// [`clitic_split`] repeated while the host still ends in a clitic:
/// "They'd've" -> "They" ("'d" and "'ve" follow), "wouldn't've" -> "would".
fn stacked_clitic_split(piece: &str) -> Option<usize> {
    let mut cut = clitic_split(piece)?;
    while let Some(inner) = piece.get(..cut).and_then(clitic_split) {
        cut = inner;
    }
    Some(cut)
}

/// Clitics split off the way UD splits syntactic words: "do|n't", "Syria|'s".
/// Returns the byte length of the host. Looks at the last bytes only: this
/// runs on every word.
fn clitic_split(piece: &str) -> Option<usize> {
    let bytes = piece.as_bytes();
    let letters = match bytes.last()?.to_ascii_lowercase() {
        b's' | b'd' | b'm' | b't' => 1,
        b'e' | b'l' => 2,
        _ => return None,
    };
    let suffix_start = bytes.len().checked_sub(letters)?;
    let suffix = bytes.get(suffix_start..)?;
    let known = [&b"s"[..], b"d", b"m", b"t", b"re", b"ve", b"ll"];
    if !known.iter().any(|k| suffix.eq_ignore_ascii_case(k)) {
        return None;
    }
    // The apostrophe before the suffix: ' or ’ (E2 80 99).
    let apos = if suffix_start >= 1 && bytes.get(suffix_start - 1) == Some(&b'\'') {
        suffix_start - 1
    } else if suffix_start >= 3
        && bytes.get(suffix_start - 3..suffix_start) == Some(&[0xE2, 0x80, 0x99][..])
    {
        suffix_start - 3
    } else {
        return None;
    };
    if apos == 0 {
        return None;
    }
    if letters == 1 && suffix.eq_ignore_ascii_case(b"t") {
        // "n't": the host ends before the n.
        let host = apos - 1;
        let n = bytes.get(host)?;
        return (host > 0 && n.eq_ignore_ascii_case(&b'n')).then_some(host);
    }
    Some(apos)
}

/// A sentence period with the space after it missing, "president.In the",
/// "Tuesday.Mr": a word of two letters or more in lowercase or capitalised,
/// a period, then a capitalised word. Initials, abbreviations ("St.Louis"),
/// initialisms ("Ph.D") and domains ("bbc.co.uk") do not have that shape.
fn missing_space_split(piece: &[u8]) -> Option<usize> {
    let dot = piece.iter().position(|&b| b == b'.')?;
    let (before, after) = (piece.get(..dot)?, piece.get(dot + 1..)?);
    let word = before.len() >= 2
        && before.first().is_some_and(u8::is_ascii_alphabetic)
        && before.iter().skip(1).all(u8::is_ascii_lowercase);
    let capitalised = after.first().is_some_and(u8::is_ascii_uppercase)
        && after.get(1).is_some_and(u8::is_ascii_lowercase)
        && after.iter().all(u8::is_ascii_alphabetic);
    let not_abbreviation = || {
        !before.eq_ignore_ascii_case(b"www")
            && !is_top_level_domain(after)
            && std::str::from_utf8(before).is_ok_and(|w| abbreviation(w).is_none())
    };
    (word && capitalised && not_abbreviation()).then_some(dot)
}

/// Generic top-level domains written capitalised ("Newsfeed.Com").
fn is_top_level_domain(word: &[u8]) -> bool {
    TOP_LEVEL_DOMAINS.iter().any(|t| word.eq_ignore_ascii_case(t))
}

/// "40°C", "98.6°F": a number's degree sign and scale letter, right after the
/// digits (which end at `end`). Returns the end of the scale letter.
fn degrees_end(bytes: &[u8], end: usize) -> Option<usize> {
    let [0xC2, 0xB0, scale, rest @ ..] = bytes.get(end..)? else { return None };
    let alone = rest.first().is_none_or(|b| !b.is_ascii_alphanumeric() && *b < 0x80);
    (matches!(scale, b'C' | b'F' | b'K') && alone).then_some(end + 3)
}

/// "11p.m.", "7A.M.": a clock time written against its "a.m."/"p.m.", kept
/// whole with its final period. `piece` ("11p.m") ends at `end`.
fn clock_abbreviation_end(text: &str, piece: &str, end: usize) -> Option<usize> {
    let letters = piece.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = piece.len() - letters.len();
    let clock = matches!(letters.as_bytes(), [b'a' | b'p', b'.', b'm'] | [b'A' | b'P', b'.', b'M']);
    let dot = text.as_bytes().get(end) == Some(&b'.');
    ((1..=2).contains(&digits) && clock && dot).then_some(end + 1)
}

/// "N°", "Nº" (numero) with its period when a number follows ("N°. 4",
/// "N° 4"); `end` is just after the "N". Returns the end of the token.
fn numero_end(text: &str, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let [0xC2, 0xB0 | 0xBA, rest @ ..] = bytes.get(end..)? else { return None };
    let mut e = end + 2;
    let period = rest.first() == Some(&b'.');
    if period {
        e += 1;
    }
    let after = text.get(e..)?;
    let number_follows = after.trim_start().starts_with(|c: char| c.is_ascii_digit());
    let glued = after.starts_with(alphanumeric);
    (number_follows && (!period || after.starts_with(char::is_whitespace)) && !glued).then_some(e)
}

/// Contractions written without an apostrophe, split as UD does ("gon|na",
/// "can|not", "do|nt"). Returns the byte length of the first word.
#[inline]
fn contraction_split(piece: &[u8]) -> Option<usize> {
    if piece.len() > 8 || piece.len() < 2 || !piece.is_ascii() {
        return None;
    }
    // Length, first and last letter of every entry: most words stop here.
    let first = piece.first()?.to_ascii_lowercase();
    let last = piece.last()?.to_ascii_lowercase();
    let candidate = matches!(
        (piece.len(), first, last),
        (2, b'i', b'm')
            | (3, b'i', b'e')
            | (3, b'h', b's')
            | (4, b'a' | b'c' | b'd' | b'i' | b'w', b't')
            | (4, b's', b's')
            | (5, b'g' | b'o' | b'w', b'a')
            | (5, b'a' | b'd' | b'h' | b'w', b't')
            | (5, b'y', b'e' | b'l')
            | (5, b't' | b'w', b's')
            | (6, b'c' | b'd' | b'h' | b'w', b't')
            | (6, b't', b'e' | b'l' | b's')
            | (7, b'c' | b'w', b't')
            | (8, b's', b't')
    );
    if !candidate {
        return None;
    }
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(piece.iter()) {
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
    GLUED_UNITS.iter().any(|u| unit.eq_ignore_ascii_case(u)).then_some(digits)
}

/// Prefixes that keep their hyphen in UD English ("non-stop", "e-mail").
fn is_prefix(piece: &str) -> bool {
    piece.len() <= 7 && HYPHEN_PREFIXES.iter().any(|p| piece.eq_ignore_ascii_case(p))
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
    let is_url = starts(b"http://")
        || starts(b"https://")
        || starts(b"ftp://")
        || starts(b"www.")
        || starts(b"mailto:");
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
                Some(c) if !alphanumeric(c) => end -= c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    (end > start + 4).then_some(end)
}

/// Longest e-mail local part (before the `@`).
const MAX_LOCAL_PART: usize = 64;

/// Bytes of an e-mail address before the `@`.
#[inline]
fn is_local_part(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"._%+-'".contains(&b)
}

fn email_end(bytes: &[u8], start: usize, at: usize) -> Option<usize> {
    let local = bytes.get(start..at)?;
    let first = *local.first()?;
    if !first.is_ascii_alphanumeric() || !local.iter().all(|&b| is_local_part(b)) {
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
        // Arabic comma, semicolon, question mark, percent, full stop;
        // Devanagari danda and double danda.
        '\u{60c}'
        | '\u{61b}'
        | '\u{61f}'
        | '\u{66a}'..='\u{66d}'
        | '\u{6d4}'
        | '\u{964}'
        | '\u{965}' => TokenKind::Punct,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_table_is_its_definition() {
        for b in 0..=255u8 {
            let word = b.is_ascii_alphanumeric()
                || is_local_part(b)
                || b"_':&@".contains(&b)
                || !b.is_ascii();
            let number = word || b == b'/';
            assert_eq!(JOINS[usize::from(b)] & JOINS_WORD != 0, word, "{b:#x}");
            assert_eq!(JOINS[usize::from(b)] & JOINS_NUMBER != 0, number, "{b:#x}");
        }
    }
}
