//! Where the reader is in one article: folds, cursor block, scroll position and selected
//! reference, and the moves that change them. Pure logic over an article and its layout.

use crate::article::Article;
use crate::layout::Layout;

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
}

/// An article, its layout and the height of the text area: what every move needs.
#[derive(Clone, Copy)]
pub struct Frame<'a> {
    pub article: &'a Article,
    pub layout: &'a Layout,
    pub height: usize,
}

impl View {
    /// A freshly opened article: every item folded, cursor on the first block.
    pub fn new(article: &Article) -> View {
        View {
            folded: article.blocks.iter().map(|b| b.is_item()).collect(),
            cursor: 0,
            top: Pos::default(),
            selected: None,
        }
    }

    /// True when block `i` is an item shown folded and hides at least one line.
    pub fn is_folded(&self, f: Frame, i: usize) -> bool {
        self.folded[i] && hides_something(f, i)
    }

    /// Lines block `i` takes on screen: 1 when folded.
    pub fn height_of(&self, f: Frame, i: usize) -> usize {
        if self.is_folded(f, i) {
            1
        } else {
            f.layout.lines(f.article, i).len()
        }
    }

    /// Lines a folded item would reveal if unfolded (its children keep their folds).
    pub fn hidden_lines(&self, f: Frame, i: usize) -> usize {
        let own = f.layout.lines(f.article, i).len() - 1;
        let mut total = own;
        let mut j = i + 1;
        while j < f.article.blocks[i].end {
            total += self.height_of(f, j);
            j = self.next_visible(f, j).unwrap_or(usize::MAX);
        }
        total
    }

    /// The visible block after `i`, skipping what a folded `i` hides.
    pub fn next_visible(&self, f: Frame, i: usize) -> Option<usize> {
        let next = if self.is_folded(f, i) {
            f.article.blocks[i].end
        } else {
            i + 1
        };
        (next < f.article.blocks.len()).then_some(next)
    }

    /// The visible block before `i`: the previous block, or the folded item hiding it.
    pub fn prev_visible(&self, f: Frame, i: usize) -> Option<usize> {
        let prev = i.checked_sub(1)?;
        Some(self.visible_ancestor(f, prev))
    }

    /// `i` itself when visible, else the outermost folded item that hides it.
    pub fn visible_ancestor(&self, f: Frame, i: usize) -> usize {
        f.article
            .ancestors(i)
            .into_iter()
            .find(|a| self.is_folded(f, *a))
            .unwrap_or(i)
    }

    /// Screen lines from `from` down to the start of block `to` (`to` after `from`).
    fn distance(&self, f: Frame, from: Pos, to: usize) -> Option<usize> {
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

    /// The last scroll position that still fills the screen (less stops there too).
    pub fn max_top(&self, f: Frame) -> Pos {
        let Some(mut at) = f
            .article
            .blocks
            .len()
            .checked_sub(1)
            .map(|last| self.visible_ancestor(f, last))
        else {
            return Pos::default();
        };
        let mut remaining = f.height.max(1);
        loop {
            let h = self.height_of(f, at);
            if h >= remaining {
                return Pos {
                    block: at,
                    line: h - remaining,
                };
            }
            remaining -= h;
            match self.prev_visible(f, at) {
                Some(prev) => at = prev,
                None => return Pos::default(),
            }
        }
    }

    /// Moves the view down by up to `n` lines, never past [`View::max_top`].
    pub fn scroll_down(&mut self, f: Frame, n: usize) {
        let limit = self.max_top(f);
        let mut pos = self.top;
        for _ in 0..n {
            if pos == limit || pos.block > limit.block {
                break;
            }
            if pos.line + 1 < self.height_of(f, pos.block) {
                pos.line += 1;
            } else if let Some(next) = self.next_visible(f, pos.block) {
                pos = Pos {
                    block: next,
                    line: 0,
                };
            } else {
                break;
            }
        }
        self.top = pos;
    }

    /// Moves the view up by up to `n` lines.
    pub fn scroll_up(&mut self, f: Frame, n: usize) {
        for _ in 0..n {
            if self.top.line > 0 {
                self.top.line -= 1;
            } else if let Some(prev) = self.prev_visible(f, self.top.block) {
                self.top = Pos {
                    block: prev,
                    line: self.height_of(f, prev) - 1,
                };
            } else {
                break;
            }
        }
    }

    /// Screen row (from the top of the text area) where block `i` starts, if on or
    /// below the top; `None` when it starts above.
    fn row_of(&self, f: Frame, i: usize) -> Option<usize> {
        if i == self.top.block {
            return (self.top.line == 0).then_some(0);
        }
        self.distance(f, self.top, i)
    }

    /// Scrolls the least needed for the cursor's block to be in view: its start when
    /// it is taller than the screen, else all of it.
    pub fn reveal_cursor(&mut self, f: Frame) {
        let c = self.cursor;
        let h = self.height_of(f, c);
        match self.row_of(f, c) {
            None => self.top = Pos { block: c, line: 0 },
            Some(row) if row + h > f.height => {
                if h >= f.height {
                    self.top = Pos { block: c, line: 0 };
                } else {
                    self.scroll_down(f, row + h - f.height);
                }
            }
            Some(_) => {}
        }
    }

    /// Brings line `line` of block `block` into view, scrolling as little as possible.
    pub fn reveal_line(&mut self, f: Frame, block: usize, line: usize) {
        let row = if block == self.top.block {
            line.checked_sub(self.top.line)
        } else {
            self.row_of(f, block).map(|r| r + line)
        };
        match row {
            None => self.top = Pos { block, line },
            Some(r) if r >= f.height => self.scroll_down(f, r + 1 - f.height),
            Some(_) => {}
        }
    }

    /// `j`: reads on through a block taller than the screen, else moves to the next one.
    pub fn cursor_down(&mut self, f: Frame) {
        let c = self.cursor;
        let bottom_hidden = match self.row_of(f, c) {
            Some(row) => row + self.height_of(f, c) > f.height,
            None => {
                let seen = self.height_of(f, c) - self.top.line;
                seen > f.height
            }
        };
        if bottom_hidden {
            self.scroll_down(f, 1);
            return;
        }
        match self.next_visible(f, c) {
            Some(next) => {
                self.set_cursor(next);
                self.reveal_cursor(f);
            }
            None => self.scroll_down(f, 1),
        }
    }

    /// `k`: reads back up a block whose start is above the screen, else moves to the
    /// previous block.
    pub fn cursor_up(&mut self, f: Frame) {
        if self.cursor == self.top.block && self.top.line > 0 {
            self.scroll_up(f, 1);
            return;
        }
        if let Some(prev) = self.prev_visible(f, self.cursor) {
            self.set_cursor(prev);
            let h = self.height_of(f, prev);
            if self.row_of(f, prev).is_none() {
                // Coming from below, show the end of a tall block, not its start.
                self.top = Pos {
                    block: prev,
                    line: h.saturating_sub(f.height),
                };
            }
        }
    }

    fn set_cursor(&mut self, block: usize) {
        if self.cursor != block {
            self.selected = None;
        }
        self.cursor = block;
    }

    /// After a scroll, keeps the cursor on screen: the first block starting in view.
    pub fn cursor_into_view(&mut self, f: Frame) {
        let c = self.cursor;
        let in_view = match self.row_of(f, c) {
            Some(row) => row < f.height,
            None => c == self.top.block,
        };
        if in_view {
            return;
        }
        let mut at = Some(self.top.block);
        let mut row = 0usize;
        while let Some(i) = at {
            if row >= f.height {
                break;
            }
            if i != self.top.block || self.top.line == 0 {
                self.set_cursor(i);
                return;
            }
            row += self.height_of(f, i) - self.top.line;
            at = self.next_visible(f, i);
        }
        self.set_cursor(self.top.block);
    }

    /// Page down, as `Space` in less.
    pub fn page_down(&mut self, f: Frame) {
        self.scroll_down(f, f.height.max(1));
        self.cursor_into_view(f);
    }

    /// Page up, as `b` in less.
    pub fn page_up(&mut self, f: Frame) {
        self.scroll_up(f, f.height.max(1));
        self.cursor_into_view(f);
    }

    pub fn home(&mut self) {
        self.top = Pos::default();
        self.set_cursor(0);
    }

    pub fn end(&mut self, f: Frame) {
        self.top = self.max_top(f);
        if let Some(last) = f.article.blocks.len().checked_sub(1) {
            let last = self.visible_ancestor(f, last);
            self.set_cursor(last);
        }
    }

    /// `→`: unfolds the item under the cursor. Returns false when there was nothing to.
    pub fn unfold(&mut self, f: Frame) -> bool {
        let c = self.cursor;
        if self.is_folded(f, c) {
            self.folded[c] = false;
            self.reveal_cursor(f);
            return true;
        }
        false
    }

    /// `←`: folds the item under the cursor, or, when it is folded already or not an
    /// item, moves to the item that owns it.
    pub fn fold_or_parent(&mut self, f: Frame) {
        let c = self.cursor;
        if f.article.blocks[c].is_item() && !self.folded[c] && hides_something(f, c) {
            self.folded[c] = true;
            self.refit(f);
        } else if let Some(parent) = f.article.blocks[c].parent {
            self.set_cursor(parent);
            self.reveal_cursor(f);
        }
    }

    /// Folds or unfolds every item (`zM`, `zR`).
    pub fn fold_all(&mut self, f: Frame, folded: bool) {
        for (i, block) in f.article.blocks.iter().enumerate() {
            self.folded[i] = folded && block.is_item();
        }
        self.refit(f);
    }

    /// After folds, width or height changed: cursor and top move out of anything now
    /// hidden, and the view stops at the last screen.
    pub fn refit(&mut self, f: Frame) {
        if f.article.blocks.is_empty() {
            return;
        }
        let top = self.visible_ancestor(f, self.top.block);
        if top != self.top.block {
            self.top = Pos {
                block: top,
                line: 0,
            };
        }
        self.top.line = self.top.line.min(self.height_of(f, self.top.block) - 1);
        let limit = self.max_top(f);
        if self.top.block > limit.block
            || (self.top.block == limit.block && self.top.line > limit.line)
        {
            self.top = limit;
        }
        let c = self.visible_ancestor(f, self.cursor);
        self.set_cursor(c);
        self.reveal_cursor(f);
    }

    /// Selects reference `link`: unfolds what hides it and scrolls to it.
    pub fn select_link(&mut self, f: Frame, link: usize) {
        let block = f.article.links[link].block;
        for a in f.article.ancestors(block) {
            self.folded[a] = false;
        }
        let line = f
            .layout
            .lines(f.article, block)
            .iter()
            .position(|l| l.iter().any(|s| s.link == Some(link)))
            .unwrap_or(0);
        if line > 0 {
            self.folded[block] = false;
        }
        self.set_cursor(block);
        self.selected = Some(link);
        self.refit(f);
        self.reveal_line(f, block, line);
    }

    /// The reference Tab goes to: after the selected one, or the first at or after the
    /// cursor.
    pub fn next_link(&self, f: Frame) -> Option<usize> {
        match self.selected {
            Some(l) => (l + 1 < f.article.links.len()).then_some(l + 1),
            None => f.article.links.iter().position(|l| l.block >= self.cursor),
        }
    }

    /// The reference Shift-Tab goes to.
    pub fn prev_link(&self, f: Frame) -> Option<usize> {
        match self.selected {
            Some(l) => l.checked_sub(1),
            None => f.article.links.iter().rposition(|l| l.block < self.cursor),
        }
    }

    /// The screen lines to draw: `(block, line index)` from the top, at most `height`.
    pub fn visible_lines(&self, f: Frame) -> Vec<Pos> {
        let mut out = Vec::with_capacity(f.height);
        if f.article.blocks.is_empty() {
            return out;
        }
        let mut at = Some(self.top.block);
        let mut line = self.top.line;
        while let Some(i) = at {
            let h = self.height_of(f, i);
            while line < h {
                if out.len() == f.height {
                    return out;
                }
                out.push(Pos { block: i, line });
                line += 1;
            }
            line = 0;
            at = self.next_visible(f, i);
        }
        out
    }
}

/// An item hides something when folded if it owns blocks or wraps to several lines.
fn hides_something(f: Frame, i: usize) -> bool {
    let block = &f.article.blocks[i];
    block.is_item() && (block.end > i + 1 || f.layout.lines(f.article, i).len() > 1)
}

#[cfg(test)]
mod tests;
