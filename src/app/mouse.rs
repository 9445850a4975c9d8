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
                let article = Rc::clone(&self.current().article);
                self.open_link(&article, link);
            }
            Spot::Block(block) => self.with_view(|view, _| view.set_cursor(block)),
        }
    }
}

/// What a run of cells on the screen links to, for the terminal to make it a
/// hyperlink (`terminal::hyperlink`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkTo {
    /// The article's heading, on the header's first row.
    Heading,
    /// A reference of the article, by its index.
    Reference(usize),
}

/// Cells `cols` of screen row `row` link to `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenLink {
    pub row: u16,
    pub cols: std::ops::Range<u16>,
    pub to: LinkTo,
}

impl App {
    /// Where the heading and each reference are on the screen as drawn from this
    /// state, found as a click finds them: none under an overlay, nor on the home.
    pub fn screen_links(&self) -> Vec<ScreenLink> {
        let mut links = Vec::new();
        if self.home().is_some() || self.nothing_read() {
            return links;
        }
        let (width, height) = self.size;
        // The header writes ` {heading}` from its first column.
        let heading = 1 + self.current().article.heading().width();
        if width > 1 {
            links.push(ScreenLink {
                row: 0,
                cols: 1..width.min(u16::try_from(heading).unwrap_or(u16::MAX)),
                to: LinkTo::Heading,
            });
        }
        if self.overlay.is_some() {
            return links;
        }
        let view = &self.current().view;
        let f = self.page();
        let lines = view.visible_lines(f);
        let rows = HEADER_ROWS..height.saturating_sub(super::STATUS_ROWS);
        for (row, pos) in rows.zip(lines) {
            // Most rows hold no reference: not looked at cell by cell.
            let linked = |line: &VLine| line.iter().any(|seg| seg.link.is_some());
            let any = if view.is_folded(f, pos.block) {
                linked(&f.layout.folded_line(f.article, pos.block))
            } else {
                f.layout
                    .lines(f.article, pos.block)
                    .get(pos.line)
                    .is_some_and(linked)
            };
            if !any {
                continue;
            }
            let mut run: Option<(u16, usize)> = None;
            for col in 0..=width {
                let here = (col < width)
                    .then(|| spot_on(view, f, pos, col))
                    .and_then(|spot| match spot {
                        Spot::Link(_, l) => Some(l),
                        _ => None,
                    });
                if run.map(|(_, l)| l) != here {
                    if let Some((start, l)) = run {
                        links.push(ScreenLink {
                            row,
                            cols: start..col,
                            to: LinkTo::Reference(l),
                        });
                    }
                    run = here.map(|l| (col, l));
                }
            }
        }
        links
    }
}

/// What is drawn at (`col`, `row`) of the article's text, as `screen/body` draws it.
fn spot(view: &View, f: Page, col: u16, row: u16) -> Option<Spot> {
    let index = usize::from(row.checked_sub(HEADER_ROWS)?);
    let pos = *view.visible_lines(f).get(index)?;
    Some(spot_on(view, f, pos, col))
}

/// What is drawn at column `col` of the screen row that shows `pos`.
fn spot_on(view: &View, f: Page, pos: crate::app::view::Pos, col: u16) -> Spot {
    let block = &f.article.blocks[pos.block];
    let text_column = f.layout.text_column(block.depth);
    let col = usize::from(col);
    let sign = text_column.saturating_sub(SIGN_COLUMNS);
    if pos.line == 0 && block.folds() && col == sign {
        return Spot::Sign(pos.block);
    }
    let Some(x) = col.checked_sub(text_column) else {
        return Spot::Block(pos.block);
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
    match link {
        Some(l) => Spot::Link(pos.block, l),
        None => Spot::Block(pos.block),
    }
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
