//! Short JSON records written in place at the end of the output: each
//! piece a few moves, numbers two digits a step.

use crate::text::TokenKind;

/// The two decimal digits of every number below 100, in order.
const DIGIT_PAIRS: [u8; 200] = {
    let mut pairs = [0u8; 200];
    let mut n = 0;
    while n < 100 {
        pairs[2 * n] = b'0' + (n / 10) as u8;
        pairs[2 * n + 1] = b'0' + (n % 10) as u8;
        n += 1;
    }
    pairs
};

/// Longest record `record` writes.
pub(crate) const RECORD_MAX: usize = 80;

/// Appends one short record to `buf`, written by `write` straight into a
/// window of `RECORD_MAX` bytes at its end (then cut to what was written):
/// appending each piece to the output would cost a call and a capacity check
/// per piece, and a record built elsewhere a copy of unknown length.
#[inline]
pub(crate) fn record(buf: &mut Vec<u8>, write: impl FnOnce(&mut Record<'_>)) {
    let at = buf.len();
    buf.resize(at + RECORD_MAX, 0);
    let window = buf.get_mut(at..).and_then(|w| <&mut [u8; RECORD_MAX]>::try_from(w).ok());
    let len = window.map_or(0, |bytes| {
        let mut r = Window { bytes, len: 0 };
        write(&mut r);
        r.len
    });
    buf.truncate(at + len);
}

/// A record being written into its window (`record`).
pub(crate) type Record<'a> = Window<'a, RECORD_MAX>;

/// Records being written into a window of `N` bytes.
pub(crate) struct Window<'a, const N: usize> {
    bytes: &'a mut [u8; N],
    len: usize,
}

impl<const N: usize> Window<'_, N> {
    /// `{"start":START,"end":END` (the object left open).
    #[inline]
    pub(crate) fn span(&mut self, start: usize, end: usize) {
        self.literal(b"{\"start\":");
        self.number(start);
        self.literal(b",\"end\":");
        self.number(end);
    }

    /// Appends a fixed piece (its length known here, so the copy is a few
    /// moves). Beyond the window nothing more is written; the records
    /// written this way fit theirs.
    #[inline]
    pub(crate) fn literal<const L: usize>(&mut self, piece: &[u8; L]) {
        if let Some(dst) = self.bytes.get_mut(self.len..self.len + L) {
            dst.copy_from_slice(piece);
            self.len += L;
        }
    }

    /// Appends the first `len` bytes of `piece`, copying all of it (a fixed
    /// size: a few moves) into room the window has.
    #[inline]
    pub(crate) fn prefix<const L: usize>(&mut self, piece: &[u8; L], len: usize) {
        if let Some(dst) = self.bytes.get_mut(self.len..self.len + L) {
            dst.copy_from_slice(piece);
            self.len += len.min(L);
        }
    }

    /// Appends a short piece byte by byte.
    #[inline]
    pub(crate) fn short(&mut self, piece: &[u8]) {
        for &b in piece {
            if let Some(dst) = self.bytes.get_mut(self.len) {
                *dst = b;
                self.len += 1;
            }
        }
    }

    /// Appends a non-negative integer in decimal, as serde_json writes it:
    /// two digits a step, from a table.
    #[inline]
    pub(crate) fn number(&mut self, n: usize) {
        let digits = n.checked_ilog10().map_or(1, |d| d as usize + 1);
        let end = self.len + digits;
        let Some(slots) = self.bytes.get_mut(self.len..end) else { return };
        let mut n = n;
        let mut at = digits;
        while at >= 2 {
            let pair = n % 100 * 2;
            n /= 100;
            at -= 2;
            if let (Some(dst), Some(src)) =
                (slots.get_mut(at..at + 2), DIGIT_PAIRS.get(pair..pair + 2))
            {
                dst.copy_from_slice(src);
            }
        }
        if let (1, Some(first)) = (at, slots.first_mut()) {
            *first = b'0' + (n % 10) as u8;
        }
        self.len = end;
    }
}

/// Room for one token's record: `,{"start":S,"end":E` and its kind's tail.
const TOKEN_MAX: usize = 1 + 9 + 20 + 7 + 20 + TAIL;

/// Room for `,"kind":"KIND"}`.
const TAIL: usize = 24;

/// `,"kind":"KIND"}` of every token kind, by the kind's number, with its
/// length: one fixed-size copy per token, not a loop over the name.
const TAILS: [([u8; TAIL], usize); TokenKind::ALL.len()] = {
    let mut tails = [([0u8; TAIL], 0); TokenKind::ALL.len()];
    let mut k = 0;
    while k < TokenKind::ALL.len() {
        let kind = TokenKind::ALL[k];
        let mut tail = [0u8; TAIL];
        let mut len = 0;
        let parts: [&[u8]; 3] = [b",\"kind\":\"", kind.as_str().as_bytes(), b"\"}"];
        let mut p = 0;
        while p < parts.len() {
            let mut i = 0;
            while i < parts[p].len() {
                tail[len] = parts[p][i];
                len += 1;
                i += 1;
            }
            p += 1;
        }
        tails[k] = (tail, len);
        k += 1;
    }
    tails
};

/// Appends the records of `tokens` (start, end, kind) to a JSON array being
/// written, a comma before each but the array's first (`any`: whether one
/// was written). One window for them all: the cost per token is the writing.
pub(crate) fn tokens(
    buf: &mut Vec<u8>,
    tokens: impl ExactSizeIterator<Item = (usize, usize, TokenKind)>,
    any: &mut bool,
) {
    let at = buf.len();
    buf.resize(at + tokens.len() * TOKEN_MAX, 0);
    let mut len = at;
    for (start, end, kind) in tokens {
        let Some(bytes) = buf
            .get_mut(len..len + TOKEN_MAX)
            .and_then(|w| <&mut [u8; TOKEN_MAX]>::try_from(w).ok())
        else {
            break;
        };
        let mut r = Window { bytes, len: 0 };
        if std::mem::replace(any, true) {
            r.literal(b",");
        }
        r.literal(b"{\"start\":");
        r.number(start);
        r.literal(b",\"end\":");
        r.number(end);
        match TAILS.get(kind as usize) {
            Some((tail, tail_len)) => r.prefix(tail, *tail_len),
            None => {
                r.literal(b",\"kind\":\"");
                r.short(kind.as_str().as_bytes());
                r.literal(b"\"}");
            }
        }
        len += r.len;
    }
    buf.truncate(len);
}

/// Appends a sentence's record.
#[inline]
pub(crate) fn sentence(buf: &mut Vec<u8>, start: usize, end: usize) {
    record(buf, |r| {
        r.span(start, end);
        r.literal(b"}");
    });
}

#[cfg(test)]
mod tests {
    use super::tokens;
    use crate::document::TokenRecord;
    use crate::text::TokenKind;

    #[test]
    fn token_records_as_serde_json_writes_them() {
        for (i, &kind) in TokenKind::ALL.iter().enumerate() {
            // The tails are found by the kind's number.
            assert_eq!(kind as usize, i);
            let records = [
                TokenRecord { start: 0, end: 9, kind },
                TokenRecord { start: 99, end: 100, kind },
                TokenRecord { start: usize::MAX - 1, end: usize::MAX, kind },
            ];
            let mut buf = b"[".to_vec();
            tokens(&mut buf, records.iter().map(|t| (t.start, t.end, t.kind)), &mut false);
            buf.push(b']');
            assert_eq!(String::from_utf8_lossy(&buf), serde_json::to_string(&records).unwrap());
        }
    }
}
