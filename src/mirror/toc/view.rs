//! The table of contents on screen: which sections are folded, the cursor, the first
//! row shown. Pure state; `screen::toc` draws it and `App` moves it.

use std::rc::Rc;

use super::Toc;

/// A table of contents being read.
#[derive(Debug, Clone)]
pub struct TocView {
    pub toc: Rc<Toc>,
    /// Per row; only sections are ever folded.
    pub folded: Vec<bool>,
    pub cursor: usize,
    pub top: usize,
}

impl TocView {
    /// Opens at the article at `path`: every section folded but those that hold it,
    /// the cursor on it (on the first row when it is not in the table).
    pub fn at(toc: Rc<Toc>, path: &str) -> TocView {
        let mut folded: Vec<bool> = toc.rows.iter().map(|r| r.path.is_none()).collect();
        let cursor = toc.row_of(path).unwrap_or(0);
        for (i, row) in toc.rows.iter().enumerate() {
            if row.path.is_none() && i < cursor && cursor < row.end {
                folded[i] = false;
            }
        }
        TocView {
            toc,
            folded,
            cursor,
            top: 0,
        }
    }

    /// The rows shown, in order: those inside a folded section are not.
    pub fn visible(&self) -> Vec<usize> {
        let mut shown = Vec::new();
        let mut i = 0;
        while let Some(row) = self.toc.rows.get(i) {
            shown.push(i);
            i = if self.folded[i] {
                row.end.max(i + 1)
            } else {
                i + 1
            };
        }
        shown
    }

    /// Moves the cursor by `delta` shown rows, stopping at the ends, and keeps it
    /// within `height` rows of the top.
    pub fn step(&mut self, delta: isize, height: usize) {
        let shown = self.visible();
        let at = shown.iter().position(|&r| r == self.cursor).unwrap_or(0);
        let to = at
            .saturating_add_signed(delta)
            .min(shown.len().saturating_sub(1));
        self.cursor = shown.get(to).copied().unwrap_or(0);
        self.scroll_to_cursor(height);
    }

    /// Keeps the cursor's row on screen.
    pub fn scroll_to_cursor(&mut self, height: usize) {
        let shown = self.visible();
        let at = shown.iter().position(|&r| r == self.cursor).unwrap_or(0);
        let height = height.max(1);
        if at < self.top {
            self.top = at;
        } else if at >= self.top + height {
            self.top = at + 1 - height;
        }
    }

    /// Unfolds (`open`) or folds the section under the cursor; on an article or an
    /// already folded section, folding goes to the section that holds it.
    pub fn fold(&mut self, open: bool, height: usize) {
        let is_section = self.toc.rows[self.cursor].path.is_none();
        if is_section && self.folded[self.cursor] == open {
            self.folded[self.cursor] = !open;
        } else if !open && let Some(parent) = self.parent(self.cursor) {
            self.cursor = parent;
            self.folded[parent] = true;
        }
        self.scroll_to_cursor(height);
    }

    /// Folds or unfolds every section.
    pub fn fold_all(&mut self, fold: bool, height: usize) {
        for (i, row) in self.toc.rows.iter().enumerate() {
            if row.path.is_none() {
                self.folded[i] = fold;
            }
        }
        // The cursor goes to the section now holding it, if it was hidden.
        while let Some(parent) = self.hidden_by(self.cursor) {
            self.cursor = parent;
        }
        self.scroll_to_cursor(height);
    }

    /// The article under the cursor.
    pub fn article(&self) -> Option<&str> {
        self.toc.rows.get(self.cursor)?.path.as_deref()
    }

    fn parent(&self, row: usize) -> Option<usize> {
        let depth = self.toc.rows[row].depth;
        (0..row)
            .rev()
            .find(|&i| self.toc.rows[i].depth < depth && self.toc.rows[i].end > row)
    }

    /// The outermost folded section hiding `row`.
    fn hidden_by(&self, row: usize) -> Option<usize> {
        (0..row).find(|&i| self.folded[i] && self.toc.rows[i].end > row)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mirror::toc::Row;

    fn toc() -> Rc<Toc> {
        let row = |depth, label: &str, path: Option<&str>, end| Row {
            depth,
            label: label.into(),
            path: path.map(str::to_owned),
            end,
        };
        Rc::new(Toc {
            code: "c".into(),
            rows: vec![
                row(0, "Livre I", None, 5),
                row(1, "Chapitre 1", None, 3),
                row(2, "L1-1", Some("c/1/a/l1-1.md"), 3),
                row(1, "Chapitre 2", None, 5),
                row(2, "L1-2", Some("c/1/b/l1-2.md"), 5),
                row(0, "Livre II", None, 7),
                row(1, "L2-1", Some("c/2/l2-1.md"), 7),
            ],
        })
    }

    #[test]
    fn opens_at_the_article_with_only_its_sections_unfolded() {
        let v = TocView::at(toc(), "c/1/b/l1-2.md");
        assert_eq!(v.cursor, 4);
        assert_eq!(v.visible(), [0, 1, 3, 4, 5]);
        assert_eq!(v.article(), Some("c/1/b/l1-2.md"));
    }

    #[test]
    fn folds_move_and_hide() {
        let mut v = TocView::at(toc(), "c/1/b/l1-2.md");
        v.step(1, 10);
        assert_eq!(v.cursor, 5);
        v.fold(true, 10);
        assert_eq!(v.visible(), [0, 1, 3, 4, 5, 6]);
        v.step(1, 10);
        assert_eq!(v.article(), Some("c/2/l2-1.md"));
        // Folding on an article folds its section and goes there.
        v.fold(false, 10);
        assert_eq!(v.cursor, 5);
        assert_eq!(v.visible(), [0, 1, 3, 4, 5]);
        v.fold_all(false, 10);
        assert_eq!(v.visible().len(), 7);
        v.step(-1, 10);
        assert_eq!(v.cursor, 4);
        v.fold_all(true, 10);
        assert_eq!(v.cursor, 0);
        assert_eq!(v.visible(), [0, 5]);
        // The top follows the cursor.
        v.fold_all(false, 10);
        v.step(isize::MAX, 2);
        assert_eq!((v.cursor, v.top), (6, 5));
    }
}
