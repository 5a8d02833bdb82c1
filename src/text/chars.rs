//! The Unicode character classes the tokenizer asks about, answered fast.
//!
//! `char::is_alphanumeric` and `char::is_numeric` search std's tables:
//! hundreds of instructions for a character of a script such as Devanagari,
//! asked once or twice per word. ASCII, accented Latin letters and the
//! punctuation blocks are decided by ranges here; any other character is
//! looked up once and remembered in a small shared cache (a text in one
//! script uses few distinct characters).

use std::sync::atomic::{AtomicU32, Ordering};

/// `char::is_alphanumeric`.
#[inline]
pub(crate) fn alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphanumeric(),
        // Latin-1 letters and Latin Extended-A/B: letters but for × and ÷.
        '\u{C0}'..='\u{24F}' => !matches!(c, '\u{D7}' | '\u{F7}'),
        // General Punctuation and Currency Symbols: curly quotes, dashes,
        // ellipses, currency signs; none alphanumeric.
        '\u{2000}'..='\u{206F}' | '\u{20A0}'..='\u{20CF}' => false,
        _ => classes(c) & ALPHANUMERIC != 0,
    }
}

/// `char::is_numeric`.
#[inline]
pub(crate) fn numeric(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_digit(),
        '\u{C0}'..='\u{24F}' | '\u{2000}'..='\u{206F}' | '\u{20A0}'..='\u{20CF}' => false,
        _ => classes(c) & NUMERIC != 0,
    }
}

const ALPHANUMERIC: u32 = 1;
const NUMERIC: u32 = 2;
/// No character: shifted left by two, a `char` never reaches it.
const EMPTY: u32 = u32::MAX;

/// Direct-mapped by the character's low bits: each slot holds one character
/// (shifted left by two) with its two class bits, or `EMPTY`. Slots are
/// written whole, so a reader sees an old entry or a new one, never a mix;
/// a miss only costs the table search.
static CACHE: [AtomicU32; 512] = [const { AtomicU32::new(EMPTY) }; 512];

/// The class bits of `c`, from the cache or std's tables.
fn classes(c: char) -> u32 {
    let code = u32::from(c);
    let Some(slot) = CACHE.get(code as usize % CACHE.len()) else {
        return compute(c);
    };
    let seen = slot.load(Ordering::Relaxed);
    if seen != EMPTY && seen >> 2 == code {
        return seen & 3;
    }
    let bits = compute(c);
    slot.store(code << 2 | bits, Ordering::Relaxed);
    bits
}

fn compute(c: char) -> u32 {
    (u32::from(c.is_alphanumeric()) * ALPHANUMERIC) | (u32::from(c.is_numeric()) * NUMERIC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_std() {
        // Twice: the second pass reads the cache.
        for _ in 0..2 {
            for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
                assert_eq!(alphanumeric(c), c.is_alphanumeric(), "{c:?}");
                assert_eq!(numeric(c), c.is_numeric(), "{c:?}");
            }
        }
    }
}
