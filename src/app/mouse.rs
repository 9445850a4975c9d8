//! The mouse: the wheel scrolls the text, a left click on a reference opens it, on a
//! fold sign folds or unfolds its item, elsewhere on the text puts the cursor there.
//! The screen position is mapped back to the text the way `ui/body` lays it out.

use std::rc::Rc;

use unicode_width::UnicodeWidthStr;

use super::{App, HEADER_ROWS};
use crate::app::action::Action;
use crate::app::view::{Page, View};
use crate::model::layout::{SIGN_COLUMNS, VLine};

/// What lies under a click in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spot {
    /// The fold sign of a block.
    Sign(usize),
    /// A reference, in its block.
    Link(usize, usize),
    /// Any other place of a block.
    Block(usize),
}

impl App {
    /// The mouse over the help, a list or the table of contents: the wheel moves as
    /// the arrow keys do, a click does nothing.
    pub(super) fn mouse_over_overlay(&mut self, action: Action) {
        if let Action::Scroll(n) = action {
            let step = if n > 0 { Action::Down } else { Action::Up };
            for _ in 0..n.unsigned_abs() {
                self.update(step);
            }
        }
    }

    /// Scrolls the text by `lines` (down when positive), keeping the cursor on screen.
    pub(super) fn wheel(&mut self, lines: i16) {
        let n = usize::from(lines.unsigned_abs());
        self.with_view(|view, page| {
            if page.article.blocks.is_empty() {
                return;
            }
            if lines > 0 {
                view.scroll_down(page, n);
            } else {
                view.scroll_up(page, n);
            }
            view.cursor_into_view(page);
        });
    }

    /// A left click at screen cell (`col`, `row`).
    pub(super) fn click(&mut self, col: u16, row: u16) {
        let Some(spot) = spot(&self.current().view, self.page(), col, row) else {
            return;
        };
        self.status = None;
        match spot {
            Spot::Sign(block) => self.with_view(|view, page| {
                view.set_cursor(block);
                view.toggle(page);
            }),
            Spot::Link(block, link) => {
                self.with_view(|view, _| {
                    view.set_cursor(block);
                    view.selected = Some(link);
                });
                let article = Rc::clone(self.current().shown());
                self.open_link(&article, link);
            }
            Spot::Block(block) => self.with_view(|view, _| view.set_cursor(block)),
        }
    }
}

/// What is drawn at (`col`, `row`) of the article's text, as `screen/body` draws it.
fn spot(view: &View, f: Page, col: u16, row: u16) -> Option<Spot> {
    let index = usize::from(row.checked_sub(HEADER_ROWS)?);
    let pos = *view.visible_lines(f).get(index)?;
    let block = &f.article.blocks[pos.block];
    let text_column = f.layout.text_column(block.depth);
    let col = usize::from(col);
    let sign = text_column.saturating_sub(SIGN_COLUMNS);
    if pos.line == 0 && block.folds() && col == sign {
        return Some(Spot::Sign(pos.block));
    }
    let Some(x) = col.checked_sub(text_column) else {
        return Some(Spot::Block(pos.block));
    };
    let link = if view.is_folded(f, pos.block) {
        link_at(&f.layout.folded_line(f.article, pos.block), x)
    } else {
        let line = &f.layout.lines(f.article, pos.block)[pos.line];
        let room = f.layout.room(block.depth);
        match f.layout.table_shape(f.article, pos.block) {
            // A wide table is drawn from its shift on, its first column kept.
            Some(shape) if shape.width > room => shape
                .column_at(x, view.shift_of(pos.block), room)
                .and_then(|x| link_at(line, x)),
            _ => link_at(line, x),
        }
    };
    Some(match link {
        Some(l) => Spot::Link(pos.block, l),
        None => Spot::Block(pos.block),
    })
}

/// The reference at column `x` of a laid-out line, if any.
fn link_at(line: &VLine, x: usize) -> Option<usize> {
    let mut at = 0;
    for seg in line {
        let w = seg.text.width();
        if x < at + w {
            return seg.link;
        }
        at += w;
    }
    None
}
