//! Scrolling a table wider than the screen sideways while the cursor is on it, a
//! table column at a time.

use super::{Page, View};
use crate::model::layout::TableShape;

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
            .map_or(0, |s| s.max_shift(f.layout.room(block.depth)))
    }

    /// The columns block `block` is drawn scrolled by: only the cursor's table moves.
    pub fn shift_of(&self, block: usize) -> usize {
        if block == self.cursor { self.shift } else { 0 }
    }

    /// The cursor's table, when it is wider than its room, and that room.
    fn wide<'a>(&self, f: Page<'a>) -> Option<(&'a TableShape, usize)> {
        if self.max_shift(f) == 0 {
            return None;
        }
        let room = f.layout.room(f.article.blocks.get(self.cursor)?.depth);
        Some((f.layout.table_shape(f.article, self.cursor)?, room))
    }

    /// `→`/`l` (`right`) or `←`/`h` on a table wider than the screen: brings the next
    /// (or previous) table column to the left edge (beside the first column, which
    /// stays: see `TableShape`).
    pub fn scroll_sideways(&mut self, f: Page, right: bool) -> Sideways {
        let Some((shape, room)) = self.wide(f) else {
            return Sideways::NotWide;
        };
        let stops = shape.stops(room);
        let next = if right {
            stops.iter().find(|&&e| e > self.shift)
        } else {
            stops.iter().rev().find(|&&e| e < self.shift)
        };
        match next {
            Some(&next) => {
                self.shift = next;
                Sideways::Moved
            }
            None => Sideways::AtEdge,
        }
    }

    /// Scrolls the cursor's table, when wider than the screen, so that reference
    /// `link` on its line `line` is in view: its table column at the left edge,
    /// unless it is in view already.
    pub fn reveal_column(&mut self, f: Page, line: usize, link: usize) {
        let Some((shape, room)) = self.wide(f) else {
            return;
        };
        let Some(segs) = f.layout.lines(f.article, self.cursor).get(line) else {
            return;
        };
        let mut x = 0;
        for seg in segs {
            let w = unicode_width::UnicodeWidthStr::width(seg.text.as_str());
            if seg.link == Some(link) {
                let seen = shape.seen(self.shift, room);
                let in_view =
                    x + w <= seen.kept || (seen.shown.contains(&x) && x + w <= seen.shown.end);
                if !in_view {
                    let stops = shape.stops(room);
                    let stop = stops.iter().rev().find(|&&e| e <= x);
                    self.shift = stop.copied().unwrap_or(0);
                }
                return;
            }
            x += w;
        }
    }

    /// The table columns wholly in view, from 1, and how many there are: `(first, last, of)`;
    /// `None` when the cursor's table fits (or there is none). Scrolled, the first
    /// column kept at the left is not counted: these are the columns scrolled to.
    pub fn columns_seen(&self, f: Page) -> Option<(usize, usize, usize)> {
        let (shape, room) = self.wide(f)?;
        let seen = shape.seen(self.shift, room);
        let end = self.shift + room - seen.kept;
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
