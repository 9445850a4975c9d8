//! Scrolling a table wider than the screen sideways while the cursor is on it, a
//! table column at a time.

use super::{Page, View};

/// What a sideways key did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sideways {
    /// The cursor is on no table wider than the screen (or it is folded): the key
    /// keeps its other meaning.
    NotWide,
    Moved,
    /// Already as far as it goes that way.
    AtEdge,
}

impl View {
    /// How many columns the table under the cursor can be scrolled by: 0 unless it is
    /// shown, and wider than its room.
    pub fn max_shift(&self, f: Page) -> usize {
        let c = self.cursor;
        let Some(block) = f.article.blocks.get(c) else {
            return 0;
        };
        if self.is_folded(f, c) {
            return 0;
        }
        f.layout
            .table_shape(f.article, c)
            .map_or(0, |s| s.width.saturating_sub(f.layout.room(block.depth)))
    }

    /// The columns block `block` is drawn scrolled by: only the cursor's table moves.
    pub fn shift_of(&self, block: usize) -> usize {
        if block == self.cursor { self.shift } else { 0 }
    }

    /// `→`/`l` (`right`) or `←`/`h` on a table wider than the screen: brings the next
    /// (or previous) table column to the left edge.
    pub fn scroll_sideways(&mut self, f: Page, right: bool) -> Sideways {
        // Checked first: it alone knows the cursor is on a block at all.
        let max = self.max_shift(f);
        if max == 0 {
            return Sideways::NotWide;
        }
        let Some(shape) = f.layout.table_shape(f.article, self.cursor) else {
            return Sideways::NotWide;
        };
        let next = if right {
            let edge = shape.edges.iter().find(|&&e| e > self.shift);
            edge.copied().unwrap_or(max).min(max)
        } else {
            let edge = shape.edges.iter().rev().find(|&&e| e < self.shift);
            edge.copied().unwrap_or(0)
        };
        if next == self.shift {
            return Sideways::AtEdge;
        }
        self.shift = next;
        Sideways::Moved
    }

    /// Scrolls the cursor's table, when wider than the screen, so that reference
    /// `link` on its line `line` is in view: its table column at the left edge,
    /// unless it is in view already.
    pub fn reveal_column(&mut self, f: Page, line: usize, link: usize) {
        let max = self.max_shift(f);
        let Some(shape) = f.layout.table_shape(f.article, self.cursor) else {
            return;
        };
        let Some(segs) = f.layout.lines(f.article, self.cursor).get(line) else {
            return;
        };
        if max == 0 {
            return;
        }
        let mut x = 0;
        for seg in segs {
            let w = unicode_width::UnicodeWidthStr::width(seg.text.as_str());
            if seg.link == Some(link) {
                // The view, less the columns the `‹` and `›` signs cover.
                let from = self.shift + usize::from(self.shift > 0);
                let to = self.shift + shape.width - max - usize::from(self.shift < max);
                if x < from || x + w > to {
                    let edge = shape.edges.iter().rev().find(|&&e| e <= x);
                    self.shift = edge.copied().unwrap_or(0).min(max);
                }
                return;
            }
            x += w;
        }
    }

    /// The table columns wholly in view, from 1, and how many there are: `(first, last, of)`;
    /// `None` when the cursor's table fits (or there is none).
    pub fn columns_seen(&self, f: Page) -> Option<(usize, usize, usize)> {
        let max = self.max_shift(f);
        if max == 0 {
            return None;
        }
        let shape = f.layout.table_shape(f.article, self.cursor)?;
        let end = self.shift + shape.width - max;
        let edges = &shape.edges;
        let right = |i: usize| edges.get(i + 1).copied().unwrap_or(shape.width - 1);
        // The columns wholly in view; one wider than the view counts when seen at all.
        let first = (0..edges.len())
            .find(|&i| edges[i] >= self.shift || right(i) >= end)
            .unwrap_or(0);
        let last = (first..edges.len())
            .rev()
            .find(|&i| right(i) < end)
            .unwrap_or(first);
        Some((first + 1, last + 1, edges.len()))
    }
}
