//! Token blocks: the unit the upper layers read, so that their working memory
//! stays bounded whatever the size of the text.
//!
//! Number phrases and casualty facts never cross a paragraph break, so a long
//! text is cut at paragraph breaks once a block has enough tokens; ordinary
//! documents stay one block and read exactly as a whole. Text without paragraph
//! breaks (a book on one line, megabytes without a space) is cut at a line
//! break, then at any whitespace, then anywhere between tokens, each tried only
//! after a larger block, so a cut inside a sentence happens only in such text.

use super::{Token, Tokens};

/// Tokens a block holds before a paragraph break may end it.
const CUT_AT_PARAGRAPH: usize = 4 << 10;
/// Tokens before a single line break may end it.
const CUT_AT_LINE: usize = 16 << 10;
/// Tokens before any whitespace may end it.
const CUT_AT_SPACE: usize = 32 << 10;
/// Tokens after which the block ends between any two tokens.
const CUT_ANYWHERE: usize = 64 << 10;

/// Splits the tokens of a text into blocks (see the module docs).
#[derive(Debug, Clone)]
pub(crate) struct Blocks<'h> {
    text: &'h str,
    tokens: Tokens<'h>,
    peeked: Option<Token<'h>>,
    blocks_read: usize,
}

impl<'h> Blocks<'h> {
    pub(crate) fn new(text: &'h str) -> Blocks<'h> {
        Blocks { text, tokens: super::tokens(text), peeked: None, blocks_read: 0 }
    }

    /// An empty token buffer for `next_into` with room for the text's first
    /// block as news usually fills it (about one token per five bytes), so
    /// that it is not grown by doubling; never more than two paragraph cuts.
    pub(crate) fn buffer(&self) -> Vec<Token<'h>> {
        Vec::with_capacity((self.text.len() / 5 + 16).min(2 * CUT_AT_PARAGRAPH))
    }

    /// Replaces the contents of `block` with the next block's tokens. Returns
    /// `None` at the end of the text, else whether this block is the whole text.
    pub(crate) fn next_into(&mut self, block: &mut Vec<Token<'h>>) -> Option<bool> {
        block.clear();
        let first = self.peeked.take().or_else(|| self.tokens.next())?;
        let mut last_end = first.span.end;
        block.push(first);
        for next in self.tokens.by_ref() {
            if cuts_before(self.text, block.len(), last_end, next.span.start) {
                self.peeked = Some(next);
                break;
            }
            last_end = next.span.end;
            block.push(next);
        }
        let whole = self.blocks_read == 0 && self.peeked.is_none();
        self.blocks_read = self.blocks_read.saturating_add(1);
        Some(whole)
    }
}

/// Whether a block of `len` tokens ends in the gap `[gap_start, gap_end)`.
#[inline]
fn cuts_before(text: &str, len: usize, gap_start: usize, gap_end: usize) -> bool {
    if len < CUT_AT_PARAGRAPH {
        return false;
    }
    if len >= CUT_ANYWHERE {
        return true;
    }
    let gap = text.as_bytes().get(gap_start..gap_end).unwrap_or(&[]);
    let newlines = gap.iter().filter(|&&b| b == b'\n').count();
    newlines >= 2
        || (len >= CUT_AT_LINE && newlines == 1)
        || (len >= CUT_AT_SPACE && !gap.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<(usize, bool)> {
        let mut b = Blocks::new(text);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        while let Some(whole) = b.next_into(&mut buf) {
            out.push((buf.len(), whole));
        }
        out
    }

    #[test]
    fn a_document_is_one_block() {
        assert_eq!(blocks("Two died.\n\nFive were hurt."), [(7, true)]);
        assert!(blocks(" \n ").is_empty());
    }

    #[test]
    fn long_text_is_cut_at_paragraph_breaks() {
        let para = "Word ".repeat(3000) + "\n\n";
        let text = para.repeat(3);
        assert_eq!(blocks(&text), [(6000, false), (3000, false)]);
    }

    #[test]
    fn text_without_breaks_is_cut_at_spaces_then_anywhere() {
        let text = "a ".repeat(40_000);
        assert_eq!(blocks(&text), [(CUT_AT_SPACE, false), (40_000 - CUT_AT_SPACE, false)]);
        let text = "a,".repeat(40_000);
        assert_eq!(blocks(&text), [(CUT_ANYWHERE, false), (80_000 - CUT_ANYWHERE, false)]);
    }

    #[test]
    fn blocks_keep_every_token_in_order() {
        let text = "x. ".repeat(30_000) + "\n" + &"y\n".repeat(20_000);
        let mut b = Blocks::new(&text);
        let mut buf = Vec::new();
        let mut all = Vec::new();
        while b.next_into(&mut buf).is_some() {
            all.extend(buf.iter().map(|t| t.span()));
        }
        let direct: Vec<_> = crate::tokens(&text).map(|t| t.span()).collect();
        assert_eq!(all, direct);
    }
}
