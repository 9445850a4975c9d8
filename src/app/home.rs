//! The home: the mirror's codes, one to a pair of rows (title and abbreviation, then
//! how many articles and the date of the data), `Enter` opening a code's table of
//! contents. `loi` with no article named and no session opens on it; `M` comes back
//! to it. An overlay opened from the home (a code's contents, the help, go-to, a
//! list) goes back to it when closed without opening an article, so that Backspace
//! from a code's contents returns to the list of codes. Until an article is read the
//! stack holds a blank stand-in (`History::holds_nothing_read`), never shown: the
//! home stays up.

use std::rc::Rc;

use super::{App, Overlay};
use crate::app::action::Action;
use crate::app::words;
use crate::mirror::shelf::Shelf;
use crate::mirror::toc::view::TocView;

/// Rows each code takes on screen: its title, then its figures.
pub const ROWS_PER_CODE: usize = 2;

/// The list of codes as it is being read.
#[derive(Debug, Clone)]
pub struct HomeView {
    pub shelf: Rc<Shelf>,
    /// The code under the cursor.
    pub cursor: usize,
    /// The first code shown.
    pub top: usize,
}

impl HomeView {
    /// Moves the cursor by `delta` codes, stopping at the ends, and keeps it among
    /// the `fit` codes shown.
    fn step(&mut self, delta: isize, fit: usize) {
        let last = self.shelf.codes.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
        self.scroll_to_cursor(fit);
    }

    /// Keeps the cursor's code on screen when `fit` codes are shown.
    pub fn scroll_to_cursor(&mut self, fit: usize) {
        let fit = fit.max(1);
        if self.cursor < self.top {
            self.top = self.cursor;
        } else if self.cursor >= self.top + fit {
            self.top = self.cursor + 1 - fit;
        }
        // A taller screen shows the codes above rather than blank rows below.
        let last = self.shelf.codes.len().saturating_sub(fit);
        self.top = self.top.min(last);
    }
}

/// Whether an action that closed an overlay opened from the home goes back to it:
/// closing (`Esc`, `q`, Backspace, the key that opened it), not opening an article.
fn returns_home(action: Action) -> bool {
    matches!(
        action,
        Action::Cancel
            | Action::Back
            | Action::Quit
            | Action::Contents
            | Action::Help
            | Action::Home
            | Action::InputBack
    )
}

impl App {
    /// The list of codes, when it is shown.
    pub fn home(&self) -> Option<&HomeView> {
        match &self.overlay {
            Some(Overlay::Home(view)) => Some(view),
            _ => None,
        }
    }

    /// The mirror's codes, once the home has listed them.
    pub fn shelf(&self) -> Option<&Shelf> {
        self.shelf.as_deref()
    }

    /// Whether no article has been read yet: the home is all there is to show.
    pub fn nothing_read(&self) -> bool {
        self.history.holds_nothing_read()
    }

    /// How many codes fit in the text's rows.
    pub(super) fn codes_that_fit(&self) -> usize {
        (self.text_height() / ROWS_PER_CODE).max(1)
    }

    /// Shows the home, the cursor on the code of the article read (if any).
    pub(super) fn open_home(&mut self) {
        let shelf = match &self.shelf {
            Some(shelf) => Rc::clone(shelf),
            None => {
                let shelf = Rc::new(self.mirror.shelf());
                self.shelf = Some(Rc::clone(&shelf));
                shelf
            }
        };
        let code = self.current().article.code_slug().to_owned();
        let cursor = shelf
            .codes
            .iter()
            .position(|c| c.folder == code)
            .unwrap_or(0);
        let mut view = HomeView {
            shelf,
            cursor,
            top: 0,
        };
        view.scroll_to_cursor(self.codes_that_fit());
        self.overlay = Some(Overlay::Home(view));
        self.home_beneath = None;
        self.status = None;
    }

    /// Keys while the home is shown.
    pub(super) fn update_home(&mut self, action: Action) {
        let fit = self.codes_that_fit();
        let page = fit.saturating_sub(1).max(1) as isize;
        let nothing_read = self.nothing_read();
        let Some(Overlay::Home(view)) = self.overlay.as_mut() else {
            return;
        };
        match action {
            Action::Down => view.step(1, fit),
            Action::Up => view.step(-1, fit),
            Action::PageDown => view.step(page, fit),
            Action::PageUp => view.step(-page, fit),
            Action::Top => view.step(isize::MIN, fit),
            Action::Bottom => view.step(isize::MAX, fit),
            // `t`, the contents' own key, too: it closes them back here.
            Action::Activate | Action::Unfold | Action::Contents => {
                let home = view.clone();
                if let Some(code) = home.shelf.codes.get(home.cursor) {
                    let folder = code.folder.clone();
                    self.open_code_contents(&folder);
                    if matches!(self.overlay, Some(Overlay::Contents(_))) {
                        self.home_beneath = Some(home);
                    }
                }
            }
            // Back to the article read, if there is one; else the home stays.
            Action::Cancel | Action::Back | Action::Home => {
                if nothing_read {
                    self.say(&words::home_nothing_read(&self.keys()), false);
                } else {
                    self.overlay = None;
                    self.status = None;
                }
            }
            Action::Quit => self.quit = true,
            // What needs no article: asked from the home, it comes back to it.
            Action::Help
            | Action::GoTo
            | Action::SearchMirror
            | Action::Bookmarks
            | Action::ReadHistory => {
                let home = view.clone();
                self.overlay = None;
                self.update_reading(action);
                if self.overlay.is_some() {
                    self.home_beneath = Some(home);
                } else {
                    // Nothing opened (no bookmark yet…): the home again, what was
                    // said kept.
                    self.overlay = Some(Overlay::Home(home));
                }
            }
            _ => {}
        }
    }

    /// After an action routed to an overlay: one opened from the home that the
    /// action closed goes back to it, and the blank stand-in of a stack with nothing
    /// read is never shown.
    pub(super) fn back_home_if_closed(&mut self, action: Action) {
        if self.overlay.is_some() {
            return;
        }
        if let Some(home) = self.home_beneath.take()
            && returns_home(action)
        {
            self.overlay = Some(Overlay::Home(home));
            return;
        }
        if self.nothing_read() {
            let said = self.status.take();
            self.open_home();
            self.status = said;
        }
    }

    /// The contents of the code in `folder`, from the top (the article read, if in
    /// it, marked as always).
    fn open_code_contents(&mut self, folder: &str) {
        let toc = self.toc_of(folder);
        if toc.rows.is_empty() {
            self.say(words::no_contents(), true);
            return;
        }
        self.consolidated = self.data_date_of(folder);
        let path = self.current().article.path.clone();
        let mut view = TocView::at(toc, &path);
        view.scroll_to_cursor(self.text_height().saturating_sub(2));
        self.overlay = Some(Overlay::Contents(view));
        self.status = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Start;
    use crate::app::history::History;
    use crate::mirror::Mirror;
    use crate::model::article::Citations;
    use crate::saved::paths::Paths;

    /// The reader as `loi` opens it on the bundled sample with nothing named and no
    /// session, its files in `home`.
    fn at_home(home: &std::path::Path) -> App {
        let files = Paths::in_folders(home.join("c"), home.join("d"), home.join("k"));
        App::start(
            Mirror::bundled(),
            None,
            Start {
                size: (80, 24),
                files: Some(files),
                ..Start::default()
            },
        )
    }

    #[test]
    fn nothing_read_saves_no_session_and_quitting_from_the_home_says_so() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = at_home(dir.path());
        assert!(app.home().is_some() && app.nothing_read());
        assert!(app.session_to_save().is_none(), "nothing to reopen");
        // Code de l'éducation, its one article: every section unfolded down to it.
        app.update(Action::Activate);
        for _ in 0..6 {
            app.update(Action::Unfold);
            app.update(Action::Down);
        }
        app.update(Action::Activate);
        assert_eq!(app.current().article.num, "D313-14");
        assert_eq!(app.history().entries().len(), 1, "the stand-in replaced");
        let saved = app.session_to_save().expect("a session").session;
        assert!(!saved.home, "quit from the article: reopens it");
        app.update(Action::Home);
        let saved = app.session_to_save().expect("a session").session;
        assert!(saved.home, "quit from the home: reopens on it");
        assert_eq!(saved.stack.len(), 1);
        // Or from what the home opened.
        app.update(Action::Activate);
        assert!(app.contents().is_some());
        assert!(app.session_to_save().expect("a session").session.home);
    }

    #[test]
    fn a_session_saved_on_the_home_reopens_on_it_over_its_stack() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mirror = Mirror::bundled();
        let article = mirror
            .article(&mirror.first_article().expect("seed"), Citations::Later)
            .expect("reads");
        let history = History::new(crate::app::history::Entry::new(article));
        let files = Paths::in_folders(
            dir.path().join("c"),
            dir.path().join("d"),
            dir.path().join("k"),
        );
        let start = |session| Start {
            size: (80, 24),
            files: Some(files.clone()),
            session,
            ..Start::default()
        };
        let app = App::start(mirror.clone(), None, start(Some((history.clone(), true))));
        assert!(app.home().is_some());
        assert_eq!(app.current().article.num, "D313-14", "under it");
        let app = App::start(mirror.clone(), None, start(Some((history.clone(), false))));
        assert!(app.home().is_none());
        // An article named wins over the session and the home.
        let named = mirror
            .article(&mirror.first_article().expect("seed"), Citations::Later)
            .expect("reads");
        let app = App::start(mirror, Some(named), start(Some((history, true))));
        assert!(app.home().is_none());
    }
}
