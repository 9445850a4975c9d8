//! The reader's state and `App::update`, the only place it changes.

use std::rc::Rc;

use crate::action::Action;
use crate::article::Article;
use crate::history::{Entry, History};
use crate::layout::Layout;
use crate::mirror::Mirror;
use crate::reference;
use crate::view::Frame;

/// Rows above the text: the title, the section trail and a rule.
pub const HEADER_ROWS: u16 = 3;
/// Rows below the text: the status line.
pub const STATUS_ROWS: u16 = 1;

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Everything the screen shows, and where the articles come from.
#[derive(Debug)]
pub struct App {
    mirror: Mirror,
    history: History,
    layout: Layout,
    size: (u16, u16),
    /// The help screen's scroll offset, when it is shown.
    pub help: Option<usize>,
    pub status: Option<Status>,
    pub quit: bool,
}

impl App {
    /// A reader showing `article` in a terminal of `size` (columns, rows).
    pub fn new(mirror: Mirror, article: Article, size: (u16, u16)) -> App {
        let layout = Layout::new(&article, size.0);
        App {
            mirror,
            history: History::new(Entry::new(article)),
            layout,
            size,
            help: None,
            status: None,
            quit: false,
        }
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn current(&self) -> &Entry {
        self.history.current()
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// Rows available to the article's text.
    pub fn text_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(HEADER_ROWS + STATUS_ROWS))
    }

    /// The current article, its layout and the text height, for the view's moves.
    pub fn frame(&self) -> Frame<'_> {
        Frame {
            article: &self.history.current().article,
            layout: &self.layout,
            height: self.text_height(),
        }
    }

    /// Carries out one action.
    pub fn update(&mut self, action: Action) {
        if let Action::Resize(cols, rows) = action {
            self.resize(cols, rows);
            return;
        }
        if let Some(scroll) = self.help {
            let last = (crate::keymap::help_rows().len() + 2).saturating_sub(self.text_height());
            self.help = match action {
                Action::Down => Some((scroll + 1).min(last)),
                Action::Up => Some(scroll.saturating_sub(1)),
                Action::PageDown => Some((scroll + self.text_height()).min(last)),
                Action::PageUp => Some(scroll.saturating_sub(self.text_height())),
                Action::Top => Some(0),
                Action::Bottom => Some(last),
                Action::Quit | Action::Cancel | Action::Help => None,
                _ => Some(scroll),
            };
            return;
        }
        self.status = None;
        let article = Rc::clone(&self.history.current().article);
        if article.blocks.is_empty()
            && !matches!(
                action,
                Action::Back | Action::Forward | Action::Help | Action::Quit
            )
        {
            self.say("This article has no text", false);
            return;
        }
        let f = Frame {
            article: &article,
            layout: &self.layout,
            height: self.text_height(),
        };
        let view = &mut self.history.current_mut().view;
        match action {
            Action::Down => view.cursor_down(f),
            Action::Up => view.cursor_up(f),
            Action::PageDown => view.page_down(f),
            Action::PageUp => view.page_up(f),
            Action::Top => view.home(),
            Action::Bottom => view.end(f),
            Action::Unfold => {
                view.unfold(f);
            }
            Action::FoldOrParent => view.fold_or_parent(f),
            Action::UnfoldAll => view.fold_all(f, false),
            Action::FoldAll => view.fold_all(f, true),
            Action::Activate => match view.selected {
                Some(link) => self.open_link(&article, link),
                None => view.toggle(f),
            },
            Action::NextReference | Action::PrevReference => {
                let next = if action == Action::NextReference {
                    view.next_link(f)
                } else {
                    view.prev_link(f)
                };
                match next {
                    Some(link) => {
                        view.select_link(f, link);
                        self.status = Some(describe_link(&article, link));
                    }
                    None => self.say("No more references this way", false),
                }
            }
            Action::Back => {
                if self.history.back() {
                    self.relayout();
                } else {
                    self.say("This is the first article: nothing to go back to", false);
                }
            }
            Action::Forward => {
                if self.history.forward() {
                    self.relayout();
                } else {
                    self.say("Nothing to go forward to", false);
                }
            }
            Action::Help => self.help = Some(0),
            Action::Cancel => view.selected = None,
            Action::Quit => self.quit = true,
            Action::Resize(..) => {}
        }
    }

    /// Opens reference `link` of `article` on top of the stack, or says why it cannot.
    fn open_link(&mut self, article: &Article, link: usize) {
        let target = &article.links[link];
        let opened = reference::resolve(&self.mirror, target)
            .map_err(|why| why.to_string())
            .and_then(|path| self.mirror.load(&path).map_err(|e| e.to_string()));
        match opened {
            Ok(next) => {
                self.history.push(Entry::new(next));
                self.relayout();
            }
            Err(why) => self.say(&format!("{}: {why}", target.text), true),
        }
    }

    fn say(&mut self, text: &str, error: bool) {
        self.status = Some(Status {
            text: text.to_owned(),
            error,
        });
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        let width_changed = cols != self.size.0;
        self.size = (cols, rows);
        if width_changed {
            self.relayout();
        } else {
            self.refit();
        }
    }

    /// A new layout for the current article and width (after navigation or resize).
    fn relayout(&mut self) {
        self.layout = Layout::new(&self.history.current().article, self.size.0);
        self.refit();
    }

    /// Keeps the scroll position and cursor valid for the current layout and height.
    fn refit(&mut self) {
        let article = Rc::clone(&self.history.current().article);
        let f = Frame {
            article: &article,
            layout: &self.layout,
            height: self.text_height(),
        };
        self.history.current_mut().view.refit(f);
    }
}

/// What the status line says of a selected reference.
fn describe_link(article: &Article, link: usize) -> Status {
    let l = &article.links[link];
    let kind = if l.href.contains("affichCodeArticle") {
        " (Légifrance link)"
    } else {
        ""
    };
    Status {
        text: format!("{}{kind} · Enter opens it", l.text),
        error: false,
    }
}
