//! The table of contents in the reader: `t` shows it at the current article, `]` and
//! `[` step through the code's articles in its order.

use crate::app::words;
use std::rc::Rc;

use super::{App, Overlay};
use crate::app::action::Action;
use crate::mirror::toc::Toc;
use crate::mirror::toc::view::TocView;

impl App {
    /// The table of contents of the current article's code, built once per code.
    fn toc(&mut self) -> Rc<Toc> {
        let path = self.current().article.path.clone();
        let code = path.split('/').next().unwrap_or_default().to_owned();
        if let Some(toc) = self.toc.as_ref().filter(|t| t.code == code) {
            return Rc::clone(toc);
        }
        let toc = Rc::new(Toc::of_code(&self.mirror.index(), &code));
        self.toc = Some(Rc::clone(&toc));
        toc
    }

    pub(super) fn open_contents(&mut self) {
        let toc = self.toc();
        if toc.rows.is_empty() {
            self.say(words::no_contents(), true);
            return;
        }
        let path = self.current().article.path.clone();
        // The date of the code's data, for the title: read once per opening (a small
        // file), never while drawing.
        self.consolidated = self.mirror.imported().and_then(|m| {
            m.codes
                .into_iter()
                .find(|c| c.folder == toc.code)
                .and_then(|c| c.data_date)
        });
        let mut view = TocView::at(toc, &path);
        view.scroll_to_cursor(self.text_height().saturating_sub(2));
        self.overlay = Some(Overlay::Contents(view));
    }

    pub(super) fn step_article(&mut self, next: bool) {
        let toc = self.toc();
        let path = self.current().article.path.clone();
        match toc.neighbour(&path, next) {
            Some(other) => {
                let other = other.to_owned();
                self.open_path(&other, &[]);
            }
            None if toc.row_of(&path).is_none() => {
                self.say(words::not_in_contents(), true);
            }
            None if next => self.say(words::last_of_code(), false),
            None => self.say(words::first_of_code(), false),
        }
    }

    /// Keys while the table of contents is shown.
    pub(super) fn update_contents(&mut self, action: Action) {
        // The box's borders take two rows.
        let height = self.text_height().saturating_sub(2);
        let page = height.saturating_sub(1).max(1) as isize;
        let Some(Overlay::Contents(view)) = self.overlay.as_mut() else {
            return;
        };
        match action {
            Action::Down => view.step(1, height),
            Action::Up => view.step(-1, height),
            Action::PageDown => view.step(page, height),
            Action::PageUp => view.step(-page, height),
            Action::Top => view.step(isize::MIN, height),
            Action::Bottom => view.step(isize::MAX, height),
            Action::Unfold => view.fold(true, height),
            Action::FoldOrParent => view.fold(false, height),
            Action::UnfoldAll => view.fold_all(false, height),
            Action::FoldAll => view.fold_all(true, height),
            Action::Activate => match view.article().map(str::to_owned) {
                Some(path) => {
                    self.overlay = None;
                    if path != self.current().article.path {
                        self.open_path(&path, &[]);
                    }
                }
                None => {
                    let open = view.folded[view.cursor];
                    view.fold(open, height);
                }
            },
            Action::NextArticle | Action::PrevArticle => {
                self.overlay = None;
                self.step_article(action == Action::NextArticle);
            }
            Action::Contents | Action::Cancel | Action::Quit | Action::Back => {
                self.overlay = None;
            }
            _ => {}
        }
    }
}
