//! Folding and unfolding items and tables, and selecting references (which unfolds what hides
//! them).

use super::{Page, Pos, View, hides_something};

impl View {
    /// `→`: unfolds the item under the cursor. Returns false when there was nothing to.
    pub fn unfold(&mut self, f: Page) -> bool {
        let c = self.cursor;
        if self.is_folded(f, c) {
            self.folded[c] = false;
            self.reveal_cursor(f);
            return true;
        }
        false
    }

    /// Enter with no reference selected: unfolds the item or table under the cursor,
    /// or folds it when open. A paragraph stays as it is.
    pub fn toggle(&mut self, f: Page) {
        let c = self.cursor;
        if !self.unfold(f) && hides_something(f, c) {
            self.folded[c] = true;
            self.refit(f);
        }
    }

    /// `←`: folds the item under the cursor, or, when it is folded already or not an
    /// item, moves to the item that owns it.
    pub fn fold_or_parent(&mut self, f: Page) {
        let c = self.cursor;
        if !self.folded[c] && hides_something(f, c) {
            self.folded[c] = true;
            self.refit(f);
        } else if let Some(parent) = f.article.blocks[c].parent {
            self.set_cursor(parent);
            self.reveal_cursor(f);
        }
    }

    /// Folds or unfolds every item and table (`zM`, `zR`).
    pub fn fold_all(&mut self, f: Page, folded: bool) {
        for (i, block) in f.article.blocks.iter().enumerate() {
            self.folded[i] = folded && block.folds();
        }
        self.refit(f);
    }

    /// After folds, width or height changed: cursor and top move out of anything now
    /// hidden, and the view stops at the last screen.
    pub fn refit(&mut self, f: Page) {
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
        // At the very top nothing is past the last screen: finding where that starts
        // lays out the article's end, which an article just opened does not show.
        if self.top != Pos::default() {
            let limit = self.max_top(f);
            if self.top.block > limit.block
                || (self.top.block == limit.block && self.top.line > limit.line)
            {
                self.top = limit;
            }
        }
        let c = self.visible_ancestor(f, self.cursor);
        self.set_cursor(c);
        if self.selected.is_some_and(|l| self.hides_link(f, l)) {
            self.selected = None;
        }
        self.shift = self.shift.min(self.max_shift(f));
        // The cursor's block scrolled partly off the top is where the reader left it
        // (a page key, `j` through a tall block): a resize, a new layout or a reopened
        // session keeps it so, rather than jump back to the block's first line.
        if !(self.top.block == self.cursor && self.top.line > 0) {
            self.reveal_cursor(f);
        }
    }

    /// Whether reference `link` is out of sight behind a fold (or not in this article).
    fn hides_link(&self, f: Page, link: usize) -> bool {
        let Some(block) = f.article.links.get(link).map(|l| l.block) else {
            return true;
        };
        if self.visible_ancestor(f, block) != block {
            return true;
        }
        self.is_folded(f, block)
            && !f
                .layout
                .lines(f.article, block)
                .first()
                .is_some_and(|l| l.iter().any(|s| s.link == Some(link)))
    }

    /// Puts the cursor on block `block` with its own items shown: unfolds what encloses
    /// it and the block itself, and scrolls it to view.
    pub fn reveal_block(&mut self, f: Page, block: usize) {
        if block >= f.article.blocks.len() {
            return;
        }
        for a in f.article.ancestors(block) {
            self.folded[a] = false;
        }
        self.folded[block] = false;
        self.set_cursor(block);
        self.selected = None;
        self.refit(f);
        self.reveal_line(f, block, 0);
    }

    /// Puts the cursor on the first words a comparison marks as deleted or inserted,
    /// scrolled so that their line shows. Nothing when none is.
    pub fn reveal_change(&mut self, f: Page) {
        let changed = |block: usize| {
            f.layout
                .lines(f.article, block)
                .iter()
                .position(|l| l.iter().any(|s| s.style.deleted || s.style.inserted))
        };
        let Some((block, line)) =
            (0..f.article.blocks.len()).find_map(|b| changed(b).map(|line| (b, line)))
        else {
            return;
        };
        self.set_cursor(block);
        self.selected = None;
        self.refit(f);
        // Half a screen after it shown too, when the block has it: a change reads with
        // what follows it.
        let last = f.layout.lines(f.article, block).len().saturating_sub(1);
        self.reveal_line(f, block, (line + f.height / 2).min(last));
        self.reveal_line(f, block, line);
    }

    /// Selects reference `link`: unfolds what hides it and scrolls to it.
    pub fn select_link(&mut self, f: Page, link: usize) {
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
        self.reveal_column(f, line, link);
    }

    /// The reference Tab goes to: after the selected one, or the first at or after the
    /// cursor. In the order of the page: a peek's references come between those of
    /// the article around it, though they are numbered after them.
    pub fn next_link(&self, f: Page) -> Option<usize> {
        let links = &f.article.links;
        let after =
            |i: usize, block: usize| match self.selected.and_then(|s| Some((s, links.get(s)?))) {
                Some((s, l)) => (block, i) > (l.block, s),
                None => block >= self.cursor,
            };
        links
            .iter()
            .enumerate()
            .filter(|(i, l)| after(*i, l.block))
            .min_by_key(|(i, l)| (l.block, *i))
            .map(|(i, _)| i)
    }

    /// The reference Shift-Tab goes to.
    pub fn prev_link(&self, f: Page) -> Option<usize> {
        let links = &f.article.links;
        let before =
            |i: usize, block: usize| match self.selected.and_then(|s| Some((s, links.get(s)?))) {
                Some((s, l)) => (block, i) < (l.block, s),
                None => block < self.cursor,
            };
        links
            .iter()
            .enumerate()
            .filter(|(i, l)| before(*i, l.block))
            .max_by_key(|(i, l)| (l.block, *i))
            .map(|(i, _)| i)
    }
}
