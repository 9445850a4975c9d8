//! Where the reader is in one article: folds, cursor block, scroll position and selected
//! reference, and the moves that change them. Pure logic over an article and its layout.

mod folds;
mod moves;
mod peeks;
mod sideways;

pub use peeks::opening_folds;
pub use sideways::Sideways;

use crate::model::article::Article;
use crate::model::layout::Layout;

/// A screen line of the article: line `line` of block `block`'s displayed lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pos {
    pub block: usize,
    pub line: usize,
}

/// The reading state of one article, kept on the navigation stack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// Per block: whether the item is folded (meaningless for blocks that are not items).
    pub folded: Vec<bool>,
    /// The block under the cursor; always a visible one.
    pub cursor: usize,
    /// The first screen line shown.
    pub top: Pos,
    /// The selected reference, an index into [`Article::links`].
    pub selected: Option<usize>,
    /// Columns the table under the cursor is scrolled sideways by; 0 again when the
    /// cursor moves to another block.
    pub shift: usize,
    /// The references peeked (`K`), each with the peeks opened inside it: the page
    /// shows the article with them spliced in ([`crate::model::peek`]), and the
    /// fields above count its blocks and references.
    pub peeks: Vec<crate::model::peek::Peek>,
}

/// An article, its layout and the height of the text area: what every move needs.
#[derive(Clone, Copy)]
pub struct Page<'a> {
    pub article: &'a Article,
    pub layout: &'a Layout,
    pub height: usize,
}

impl View {
    /// A freshly opened article: every item folded (tables open, like paragraphs),
    /// cursor on the first block.
    pub fn new(article: &Article) -> View {
        View {
            folded: article.blocks.iter().map(|b| b.is_item()).collect(),
            cursor: 0,
            top: Pos::default(),
            selected: None,
            shift: 0,
            peeks: Vec::new(),
        }
    }

    /// True when block `i` is an item or table shown folded and hides at least one line.
    pub fn is_folded(&self, f: Page, i: usize) -> bool {
        self.folded[i] && hides_something(f, i)
    }

    /// Lines block `i` takes on screen: 1 when folded.
    pub fn height_of(&self, f: Page, i: usize) -> usize {
        if self.is_folded(f, i) {
            1
        } else {
            f.layout.lines(f.article, i).len()
        }
    }

    /// Lines a folded item would reveal if unfolded (its children keep their folds).
    pub fn hidden_lines(&self, f: Page, i: usize) -> usize {
        // A folded table shows a line of its own, not its first: all of it is hidden.
        let shown = usize::from(f.article.blocks[i].table().is_none());
        let own = f.layout.lines(f.article, i).len() - shown;
        let mut total = own;
        let mut j = i + 1;
        while j < f.article.blocks[i].end {
            total += self.height_of(f, j);
            j = self.next_visible(f, j).unwrap_or(usize::MAX);
        }
        total
    }

    /// The visible block after `i`, skipping what a folded `i` hides.
    pub fn next_visible(&self, f: Page, i: usize) -> Option<usize> {
        let next = if self.is_folded(f, i) {
            f.article.blocks[i].end
        } else {
            i + 1
        };
        (next < f.article.blocks.len()).then_some(next)
    }

    /// The visible block before `i`: the previous block, or the folded item hiding it.
    pub fn prev_visible(&self, f: Page, i: usize) -> Option<usize> {
        let prev = i.checked_sub(1)?;
        Some(self.visible_ancestor(f, prev))
    }

    /// `i` itself when visible, else the outermost folded item that hides it.
    pub fn visible_ancestor(&self, f: Page, i: usize) -> usize {
        f.article
            .ancestors(i)
            .into_iter()
            .find(|a| self.is_folded(f, *a))
            .unwrap_or(i)
    }

    /// Screen lines from `from` down to the start of block `to` (`to` after `from`).
    fn distance(&self, f: Page, from: Pos, to: usize) -> Option<usize> {
        let mut lines = 0;
        let mut at = from.block;
        let mut skip = from.line;
        while at != to {
            if at > to {
                return None;
            }
            lines += self.height_of(f, at) - skip;
            skip = 0;
            at = self.next_visible(f, at)?;
        }
        Some(lines)
    }

    /// The screen lines to draw: `(block, line index)` from the top, at most `height`.
    pub fn visible_lines(&self, f: Page) -> Vec<Pos> {
        let mut out = Vec::with_capacity(f.height);
        if f.article.blocks.is_empty() {
            return out;
        }
        let mut at = Some(self.top.block);
        let mut line = self.top.line;
        'screen: while let Some(i) = at {
            let h = self.height_of(f, i);
            while line < h {
                if out.len() == f.height {
                    break 'screen;
                }
                out.push(Pos { block: i, line });
                line += 1;
            }
            line = 0;
            at = self.next_visible(f, i);
        }
        self.pin_header(f, &mut out);
        out
    }

    /// A table whose header rows have gone above the screen while its body goes on
    /// down it shows them at the top again, over the body lines there, as a
    /// spreadsheet's frozen rows: a row read far down still says what each column is.
    /// Not when the header would take over half the screen.
    fn pin_header(&self, f: Page, out: &mut [Pos]) {
        let Some(&Pos { block, line }) = out.first() else {
            return;
        };
        let h = self.pinned_header(f, block);
        if h == 0 || line < h || out.get(h).is_none_or(|p| p.block != block) {
            return;
        }
        for (i, pos) in out[..h].iter_mut().enumerate() {
            *pos = Pos { block, line: i };
        }
    }

    /// The header lines block `block` would keep at the top of the screen: 0 unless it
    /// is an unfolded table with header rows of at most half the screen.
    pub(crate) fn pinned_header(&self, f: Page, block: usize) -> usize {
        if self.is_folded(f, block) {
            return 0;
        }
        match f.layout.table_shape(f.article, block) {
            Some(s) if s.header_lines * 2 <= f.height => s.header_lines,
            _ => 0,
        }
    }
}

/// An item or table hides something when folded if it owns blocks or takes several
/// lines.
fn hides_something(f: Page, i: usize) -> bool {
    let block = &f.article.blocks[i];
    block.folds() && (block.end > i + 1 || f.layout.lines(f.article, i).len() > 1)
}

#[cfg(test)]
mod tests;
