//! Moving through an article: scrolling by lines and pages, the cursor from block to
//! block, and keeping what must be seen on screen.

use super::{Page, Pos, View};

impl View {
    /// The last scroll position that still fills the screen (less stops there too).
    pub fn max_top(&self, f: Page) -> Pos {
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

    /// Whether the whole article, as folded, fits on one screen (then
    /// [`View::max_top`] is its start), found without laying out the article's end.
    pub fn fits_on_screen(&self, f: Page) -> bool {
        let room = f.height.max(1);
        let mut lines = 0;
        let mut at = (!f.article.blocks.is_empty()).then_some(0);
        while let Some(i) = at {
            lines += self.height_of(f, i);
            if lines > room {
                return false;
            }
            at = self.next_visible(f, i);
        }
        true
    }

    /// Moves the view down by up to `n` lines, never past [`View::max_top`].
    pub fn scroll_down(&mut self, f: Page, n: usize) {
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
    pub fn scroll_up(&mut self, f: Page, n: usize) {
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
    pub(super) fn row_of(&self, f: Page, i: usize) -> Option<usize> {
        if i == self.top.block {
            return (self.top.line == 0).then_some(0);
        }
        self.distance(f, self.top, i)
    }

    /// Scrolls the least needed for the cursor's block to be in view: its start when
    /// it is taller than the screen, else all of it.
    pub fn reveal_cursor(&mut self, f: Page) {
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
    pub fn reveal_line(&mut self, f: Page, block: usize, line: usize) {
        let row = if block == self.top.block {
            line.checked_sub(self.top.line)
        } else {
            self.row_of(f, block).map(|r| r + line)
        };
        // Under a table's header kept at the top (`visible_lines`): as good as above.
        let pinned = match row {
            Some(r) if block == self.top.block && self.top.line > 0 => {
                let h = self.pinned_header(f, block);
                (self.top.line >= h && r < h).then_some(h)
            }
            _ => None,
        };
        match (row, pinned) {
            (_, Some(h)) => {
                self.top = Pos {
                    block,
                    line: line.saturating_sub(h),
                }
            }
            (None, _) => {
                // Placed at the top, a line of a table's body would be under its header.
                let h = self.pinned_header(f, block);
                let line = if h > 0 && line >= h { line - h } else { line };
                self.top = Pos { block, line }
            }
            (Some(r), _) if r >= f.height => self.scroll_down(f, r + 1 - f.height),
            _ => {}
        }
    }

    /// `j`: reads on through a block taller than the screen, else moves to the next one.
    pub fn cursor_down(&mut self, f: Page) {
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
    pub fn cursor_up(&mut self, f: Page) {
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
                    line: h.saturating_sub(f.height.max(1)),
                };
            }
        }
    }

    /// Puts the cursor on `block`, dropping the selected reference and the sideways
    /// scroll when it moves.
    pub fn set_cursor(&mut self, block: usize) {
        if self.cursor != block {
            self.selected = None;
            self.shift = 0;
        }
        self.cursor = block;
    }

    /// After a scroll, keeps the cursor on screen: the first block starting in view.
    pub fn cursor_into_view(&mut self, f: Page) {
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
    pub fn page_down(&mut self, f: Page) {
        self.scroll_down(f, f.height.max(1));
        self.cursor_into_view(f);
    }

    /// Page up, as `b` in less.
    pub fn page_up(&mut self, f: Page) {
        self.scroll_up(f, f.height.max(1));
        self.cursor_into_view(f);
    }

    pub fn home(&mut self) {
        self.top = Pos::default();
        self.set_cursor(0);
    }

    pub fn end(&mut self, f: Page) {
        self.top = self.max_top(f);
        if let Some(last) = f.article.blocks.len().checked_sub(1) {
            let last = self.visible_ancestor(f, last);
            self.set_cursor(last);
        }
    }
}
