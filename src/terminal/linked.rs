//! The reader's hyperlinks (`hyperlinks = true` in config.toml): which cells of the
//! screen link to which page, and a draw that writes each run of changed cells of one
//! link between an OSC 8 open and its close (`hyperlink`), so that no link is ever left
//! open past the cells it covers, however a draw cuts it.
//!
//! A terminal keeps a cell's link as it keeps its colour, and scrolls it with the text.
//! ratatui's diff sees only symbols and styles, so a cell whose text stays but whose
//! link changes (another article with the same words there, another version of the
//! same article) would keep the old link: before a draw, such cells are marked changed
//! in the screen the diff starts from, as `gaps` marks its gaps, and written again.

use std::rc::Rc;

use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

use super::hyperlink;
use crate::app::{App, LinkTo};
use crate::mirror::reference;
use crate::model::article::Article;
use crate::model::web::Address;

/// A symbol no cell holds, to mark a cell as changed.
const MARK: &str = "\u{ffff}";

/// The page each cell of a screen links to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grid {
    area: Rect,
    /// Per cell, row by row: an index in `pages`, or none.
    cells: Vec<Option<usize>>,
    pages: Vec<Address>,
}

impl Grid {
    /// A screen with no link: what a cleared terminal shows.
    pub fn empty(area: Rect) -> Grid {
        Grid {
            area,
            cells: vec![None; usize::from(area.width) * usize::from(area.height)],
            pages: Vec::new(),
        }
    }

    /// The links of the screen `app` draws on `area`, their pages from `pages`.
    pub fn of(app: &App, pages: &mut Pages, area: Rect) -> Grid {
        let mut grid = Grid::empty(area);
        for link in app.screen_links() {
            let Some(page) = pages.page(app, link.to) else {
                continue;
            };
            let index = match grid.pages.iter().position(|p| *p == page) {
                Some(i) => i,
                None => {
                    grid.pages.push(page);
                    grid.pages.len() - 1
                }
            };
            for col in link.cols {
                if let Some(cell) = grid.index(col, link.row) {
                    grid.cells[cell] = Some(index);
                }
            }
        }
        grid
    }

    fn index(&self, x: u16, y: u16) -> Option<usize> {
        let (x, y) = (x.checked_sub(self.area.x)?, y.checked_sub(self.area.y)?);
        (x < self.area.width && y < self.area.height)
            .then(|| usize::from(y) * usize::from(self.area.width) + usize::from(x))
    }

    /// The page cell (`x`, `y`) links to.
    pub fn at(&self, x: u16, y: u16) -> Option<&Address> {
        let cell = self.index(x, y)?;
        self.cells[cell].map(|i| &self.pages[i])
    }

    /// What the terminal holds once it scrolled `rows` by `shift` (`scroll::shifted`):
    /// each row's links moved with its text, the rows scrolled in with none.
    pub fn shifted(&self, rows: std::ops::Range<u16>, shift: i32) -> Grid {
        let mut out = self.clone();
        let width = usize::from(self.area.width);
        for r in rows.clone() {
            let Some(start) = self.index(self.area.x, r) else {
                continue;
            };
            let from = u16::try_from(i32::from(r) + shift)
                .ok()
                .filter(|f| rows.contains(f))
                .and_then(|f| self.index(self.area.x, f));
            match from {
                Some(from) => out.cells[start..start + width]
                    .clone_from_slice(&self.cells[from..from + width]),
                None => out.cells[start..start + width].fill(None),
            }
        }
        out
    }

    /// Marks changed, in `prev` (what the screen shows, whose links are `shown`), every
    /// cell whose link differs in this grid, so that the next draw writes it again.
    pub fn mark_changed(&self, shown: &Grid, prev: &mut Buffer) {
        if shown.area != self.area || prev.area != self.area {
            prev.content.iter_mut().for_each(|c| {
                c.set_symbol(MARK);
            });
            return;
        }
        let width = self.area.width;
        for (i, cell) in prev.content.iter_mut().enumerate() {
            let x = self.area.x + u16::try_from(i % usize::from(width)).unwrap_or(0);
            let y = self.area.y + u16::try_from(i / usize::from(width)).unwrap_or(0);
            if self.at(x, y) != shown.at(x, y) {
                cell.set_symbol(MARK);
            }
        }
    }
}

/// Writes `updates` (ratatui's diff) to `backend`, each run of cells that link to one
/// page between that link's open and its close, the others outside any link.
pub fn draw<B>(backend: &mut B, updates: &[(u16, u16, &Cell)], grid: &Grid) -> std::io::Result<()>
where
    B: Backend<Error = std::io::Error> + std::io::Write,
{
    let mut start = 0;
    while start < updates.len() {
        let page = |u: &(u16, u16, &Cell)| grid.at(u.0, u.1);
        let this = page(&updates[start]);
        let end = updates[start..]
            .iter()
            .position(|u| page(u) != this)
            .map_or(updates.len(), |n| start + n);
        if let Some(page) = this {
            backend.write_all(hyperlink::open(page).as_bytes())?;
        }
        backend.draw(updates[start..end].iter().copied())?;
        if this.is_some() {
            backend.write_all(hyperlink::CLOSE.as_bytes())?;
        }
        start = end;
    }
    Ok(())
}

/// The pages of the article shown and of its references, worked out once for each
/// article opened (a reference is resolved the first time it is on screen).
#[derive(Debug, Default)]
pub struct Pages {
    /// The article they are for, kept so that no other can take its place unseen.
    article: Option<Rc<Article>>,
    /// The version shown, whose page the heading is.
    version: Option<String>,
    heading: Option<Option<Address>>,
    references: Vec<Option<Option<Address>>>,
}

impl Pages {
    /// The page `to` links to, in the article `app` shows.
    fn page(&mut self, app: &App, to: LinkTo) -> Option<Address> {
        let entry = app.current();
        let version = entry.time.as_ref().and_then(|t| {
            let v = t.version()?;
            t.meta.versions.get(v).map(|v| v.id.clone())
        });
        let same = self
            .article
            .as_ref()
            .is_some_and(|a| Rc::ptr_eq(a, &entry.article));
        if !same || self.version != version {
            *self = Pages {
                article: Some(Rc::clone(&entry.article)),
                version,
                heading: None,
                references: vec![None; entry.article.links.len()],
            };
        }
        let article = &entry.article;
        match to {
            LinkTo::Heading => self
                .heading
                .get_or_insert_with(|| {
                    reference::article_page(app.mirror(), &article.path, self.version.as_deref())
                })
                .clone(),
            LinkTo::Reference(l) => {
                let link = article.links.get(l)?;
                self.references
                    .get_mut(l)?
                    .get_or_insert_with(|| {
                        let target = reference::resolve(app.mirror(), &article.path, link);
                        reference::reference_page(app.mirror(), &article.path, link, &target)
                    })
                    .clone()
            }
        }
    }
}

#[cfg(test)]
mod tests;
