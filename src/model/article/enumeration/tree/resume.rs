//! Taking up a list again that text closed: which item a marker resumes, and the
//! blocks that, coming between, move inside it.

use super::{Open, Tree, follows};
use crate::model::article::enumeration::{Marker, MarkerKind, Opening};

impl Tree {
    /// The item `m` would follow, if the text closed its list and `m` takes it up
    /// again: the latest item of `m`'s family, or the one before the lists of the family
    /// started again since, numbered one less, with each numbered
    /// item above it, up to one still open (or the article), holding the latest of its
    /// own family. Were one followed since by its next (`2°` after `1°` and its `a)`), `m`
    /// (`b)`) would have to take that one inside it: it opens a list of its own. Dashes
    /// since, having no numbers, go inside.
    pub(super) fn resumable(&self, m: &Marker, inserted: bool) -> Option<(Marker, usize)> {
        if m.value == 0 {
            return None;
        }
        // The latest item of the family, or before lists of it started again since
        // (`1.`, `2.` inside `11.`), the one they came after.
        let mut sibling = (self.latest.iter())
            .find(|(k, _)| *k == m.kind)
            .map(|(_, block)| *block)?;
        let value = |b: usize| self.blocks[b].marker.map_or(0, |s| s.value);
        // Lists started again are gone back over only for an item past the first,
        // which a list numbered from 1 can hold: a `1.` would follow a `0.` (rare,
        // `1.0.` then `1.1.`) only as the latest. Past a few, an article is hostile or
        // strange enough to stop looking.
        let most = if m.value > 1 || inserted { 64 } else { 0 };
        let mut steps = 0;
        while !follows(m, inserted, value(sibling)) {
            let start = self.items[sibling].run_start;
            steps += 1;
            if value(start) != 1 || steps > most {
                return None;
            }
            sibling = self.items[start].before_run?;
        }
        let open = |block: usize| self.open.iter().any(|o| o.block == block);
        // Open, it is continued, not resumed.
        if open(sibling) {
            return None;
        }
        let mut above = self.blocks[sibling].parent;
        while let Some(p) = above {
            if open(p) {
                break;
            }
            if self.followed_outside(p) {
                return None;
            }
            above = self.blocks[p].parent;
        }
        Some((*m, sibling))
    }

    /// The item a decimal's own number places it in (`6.` for `6.1.`), when it is the
    /// latest of its family, and open or to be taken up again as [`Tree::resumable`]
    /// says.
    pub(super) fn holder(&self, line: &Opening) -> Option<(Marker, usize)> {
        let m = *line.markers.first()?;
        let MarkerKind::Decimal { levels } = m.kind else {
            return None;
        };
        let kind = MarkerKind::Decimal { levels: levels - 1 };
        let value = line.within?;
        let (_, latest) = *self.latest.iter().find(|(k, _)| *k == kind)?;
        if self.blocks[latest].marker.map(|h| h.value) != Some(value) {
            return None;
        }
        if self.open.iter().any(|o| o.block == latest) {
            return Some((m, latest));
        }
        let next = Marker {
            kind,
            value: value.checked_add(1)?,
        };
        let (_, holder) = self.resumable(&next, false)?;
        Some((m, holder))
    }

    /// Opens `holder` again (and the items above it, see [`Tree::resume`]) for a new
    /// item inside it: returns where on the stack that item goes.
    pub(super) fn reopen(&mut self, holder: usize, next: usize) -> usize {
        if let Some(at) = self.open.iter().position(|o| o.block == holder) {
            return at + 1;
        }
        self.resume(holder, next);
        if let Some(m) = self.blocks[holder].marker {
            self.open.push(Open {
                kind: m.kind,
                value: m.value,
                block: holder,
                inner: self.items[holder].inner,
            });
        }
        self.open.len()
    }

    /// Whether an item of `item`'s family came since, outside it, in `item`'s run or
    /// in one that follows it (`12.` after `11.`, even as a list of its own), so that
    /// nothing may go inside `item` again. A list started again since (`1.`, `2.`
    /// after `11.`) does not end it. Dashes, having no numbers, never end one.
    fn followed_outside(&self, item: usize) -> bool {
        let Some(m) = self.blocks[item].marker else {
            return false;
        };
        if m.kind == MarkerKind::Dash {
            return false;
        }
        let mut latest = self.latest.iter().find(|(k, _)| *k == m.kind).map(|l| l.1);
        // Each step goes back one run; past a few, an article is hostile or strange
        // enough to keep it closed, and the cost of a placement bounded.
        for _ in 0..64 {
            let Some(last) = latest.filter(|l| *l > item) else {
                return false;
            };
            if self.holds(item, last) {
                return false;
            }
            let start = self.items[last].run_start;
            let first = self.blocks[start].marker.map_or(0, |s| s.value);
            if start <= item || first == m.value + 1 {
                return true;
            }
            latest = self.items[start].before_run;
        }
        true
    }

    /// Whether block `item` is `block` or holds it, at any depth.
    fn holds(&self, item: usize, block: usize) -> bool {
        let mut at = Some(block);
        while let Some(b) = at.filter(|b| *b >= item) {
            if b == item {
                return true;
            }
            at = self.blocks[b].parent;
        }
        false
    }

    /// Opens again the items from `sibling` up to the innermost one still open, moves
    /// under `sibling` every block since that sat beside it or above it, and returns
    /// where on the stack the item that follows `sibling` goes.
    pub(super) fn resume(&mut self, sibling: usize, next: usize) -> usize {
        let mut chain = Vec::new();
        let mut above = self.blocks[sibling].parent;
        let at = loop {
            match above {
                None => break 0,
                Some(p) => {
                    if let Some(at) = self.open.iter().position(|o| o.block == p) {
                        break at + 1;
                    }
                    chain.push(p);
                    above = self.blocks[p].parent;
                }
            }
        };
        self.open.truncate(at);
        for &p in chain.iter().rev() {
            if let Some(m) = self.blocks[p].marker {
                self.open.push(Open {
                    kind: m.kind,
                    value: m.value,
                    block: p,
                    inner: self.items[p].inner,
                });
            }
        }
        // Blocks since `sibling` whose parent is above it: the open item `at` stops
        // at, the reopened chain, or the article. Each parent's children since are the
        // end of its list.
        let stop = at.checked_sub(1).map(|i| self.open[i].block);
        let mut moved = std::mem::take(&mut self.moved);
        moved.clear();
        for parent in std::iter::once(stop).chain(chain.iter().map(|&p| Some(p))) {
            let last = match parent {
                Some(p) => self.items[p].last_child,
                None => self.root_last_child,
            };
            let mut at = last;
            while let Some(b) = at.filter(|b| *b > sibling) {
                moved.push(b);
                at = self.items[b].prev_sibling;
            }
            match parent {
                Some(p) => self.items[p].last_child = at,
                None => self.root_last_child = at,
            }
        }
        moved.sort_unstable();
        for &b in &moved {
            debug_assert!(b < next);
            self.blocks[b].parent = Some(sibling);
            self.items[b].prev_sibling = self.items[sibling].last_child.replace(b);
        }
        self.moved = moved;
        self.open.len()
    }
}
