//! The app layer: the reader's state and `App::update`, the only place it changes;
//! with its `Action`s, the keymap, the view of an article, the navigation stack, the
//! lists and overlays, and the effects that leave it. Uses the model, the mirror and
//! what is saved; never the screen or the terminal.
//!
//! `main` gives the app what it starts with ([`Start`]) and sets nothing on it after;
//! the terminal loop only feeds it actions and reads it. What leaves the reader for the
//! terminal (the clipboard, a browser) is queued as an [`effect::Effect`] for the loop.
//! The user's own files are not: `m`, `d` in the bookmarks and opening an article write
//! bookmarks and the history of articles read through `saved` at once, inside
//! `update`, because the status line must say there and then whether they were kept
//! (a full disk, a file locked). They go to the files `Start` named, so tests give
//! a temporary folder. The session is written by the terminal loop (on quitting, on a
//! signal or hang-up) from [`App::session_to_save`].

use std::rc::Rc;

use crate::app::action::Action;
use crate::app::history::{Entry, History};
use crate::app::picker::Picker;
use crate::app::view::{Page, Sideways, View};
use crate::mirror::Mirror;
use crate::mirror::toc::Toc;
use crate::mirror::toc::view::TocView;
use crate::model::article::{Article, Citations};
use crate::model::layout::Layout;
use effect::Effect;

pub mod action;
#[cfg(test)]
mod browse_tests;
mod cited_by;
mod contents;
mod dates;
pub mod dossier;
pub mod effect;
mod follow;
pub mod help;
pub mod hints;
pub mod history;
pub mod home;
pub mod keymap;
mod lists;
#[cfg(test)]
mod lists_tests;
mod mouse;
pub mod peek;
pub mod picker;
pub mod prompt;
mod saved;
pub use saved::SessionToSave;
#[cfg(test)]
mod saved_tests;
pub mod search;
mod share;
#[cfg(test)]
mod tests;
mod typing;

pub use mouse::{LinkTo, ScreenLink};
pub use share::point_under;
pub mod view;
pub mod words;

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

/// What the reader starts with besides its article, gathered by `main` from the
/// command line, `config.toml` and the environment.
#[derive(Debug, Default)]
pub struct Start {
    /// The terminal's size (columns, rows).
    pub size: (u16, u16),
    pub keymap: crate::app::keymap::Keymap,
    /// Where bookmarks and articles read are kept; `None`: nowhere.
    pub files: Option<crate::saved::paths::Paths>,
    /// The stack of the last reading of this mirror, shown when no article is named;
    /// with whether the home was shown over it when the reader quit.
    pub session: Option<(History, bool)>,
    /// The article's number is in several codes: these, to choose from.
    pub choices: Vec<String>,
    /// The point of the article to open at (a citation's `2°`), outermost first.
    pub point: Vec<crate::model::article::enumeration::Marker>,
    /// How `y` writes a citation.
    pub citation: crate::model::article::citation::written::Form,
    /// A problem to say on the first screen (`config.toml`'s).
    pub note: Option<String>,
    /// The date to read the law at (`--date`); `None`: today.
    pub date: Option<String>,
}

/// What covers the article and takes the keys before it: one at a time.
#[derive(Debug)]
pub enum Overlay {
    /// The help, scrolled this many lines.
    Help(usize),
    /// A list of articles: a range's, go-to's answers, the codes holding a number,
    /// bookmarks, the articles read, « cité par ».
    List(Picker),
    /// `s`: the whole-mirror search's prompt and its list.
    Search(Picker, search::MirrorSearch),
    /// The code's table of contents.
    Contents(TocView),
    /// The home: the mirror's codes.
    Home(home::HomeView),
}

/// Everything the screen shows, and where the articles come from.
#[derive(Debug)]
pub struct App {
    mirror: Mirror,
    history: History,
    layout: Layout,
    size: (u16, u16),
    /// What covers the article and takes the keys first, if anything.
    overlay: Option<Overlay>,
    /// The last table of contents built, kept for `]` and `[` and for `t` again.
    toc: Option<Rc<Toc>>,
    /// The mirror's codes, once the home has listed them.
    shelf: Option<Rc<crate::mirror::shelf::Shelf>>,
    /// The home, while an overlay opened from it is shown: closing that overlay
    /// goes back to it.
    home_beneath: Option<home::HomeView>,
    status: Option<Status>,
    /// The `/` search of the article, while it is typed or kept for `n`.
    find: Option<search::Find>,
    /// `f`/`F`: on while labels are shown over the references, taking the keys.
    hints: Option<hints::Hinting>,
    /// The last `s` list, as it was left: `s` reopens it there.
    last_search: Option<Box<(crate::app::picker::Picker, search::mirror::MirrorSearch)>>,
    /// The backlinks once loaded, and their build while it runs (`c`).
    backlinks: Option<Rc<crate::mirror::backlinks::Backlinks>>,
    building: Option<cited_by::Building>,
    /// The mirror's legacy ids, read on a thread of their own the first time an
    /// article with a legacy link is shown (`follow`).
    reading_ids: Option<std::sync::mpsc::Receiver<crate::mirror::ids::Ids>>,
    /// Side effects for the terminal loop to carry out (clipboard, browser).
    effects: Vec<Effect>,
    /// The browsers `o` uses, if any (a `BROWSER` list, read from the environment at
    /// start).
    browser: Option<String>,
    /// How many addresses were handed to the browser, and the last few with their
    /// number, for a failure to name its address.
    launches: u32,
    opened: Vec<(u32, crate::model::web::Address)>,
    /// The keys in effect: the defaults with the user's overrides.
    keymap: crate::app::keymap::Keymap,
    /// Where bookmarks and the history of articles read are kept; `None`: nowhere
    /// (the lists are then empty and `m` says so).
    files: Option<crate::saved::paths::Paths>,
    /// The date the law is read at, and today's (`YYYY-MM-DD`).
    date: String,
    /// The date of the data of the code whose contents are shown, when the mirror
    /// says (`loi import`).
    consolidated: Option<String>,
    today: String,
    /// A bracketed paste being gathered, from its start to its end.
    pasting: Option<String>,
    /// The prompt whose text changed since it last answered (go-to's list, `/`'s
    /// matches): it answers when the keys pause, at the loop's idle turn.
    due: Option<typing::Which>,
    quit: bool,
    /// How `y` writes a citation (`citation =` in config.toml).
    citation_form: crate::model::article::citation::written::Form,
}

impl App {
    /// A reader showing `article` in a terminal of `size` (columns, rows).
    pub fn new(mirror: Mirror, article: Article, size: (u16, u16)) -> App {
        let layout = Layout::new(&article, size.0);
        let today = crate::model::date::today();
        let mut app = App {
            mirror,
            history: History::new(Entry::new(article)),
            layout,
            size,
            overlay: None,
            toc: None,
            shelf: None,
            home_beneath: None,
            status: None,
            find: None,
            hints: None,
            last_search: None,
            backlinks: None,
            building: None,
            reading_ids: None,
            effects: Vec::new(),
            browser: effect::browser(|k| std::env::var(k).ok()),
            launches: 0,
            opened: Vec::new(),
            keymap: crate::app::keymap::Keymap::default(),
            files: None,
            date: today.clone(),
            consolidated: None,
            today,
            pasting: None,
            due: None,
            quit: false,
            citation_form: Default::default(),
        };
        app.date_entries();
        app
    }

    /// The reader as it opens: `article` (with the list of codes to choose from when
    /// its number is in several), else the session reopened if there is one, else
    /// the home (the mirror's codes); the article noted as read, and the note said.
    pub fn start(mirror: Mirror, article: Option<Article>, start: Start) -> App {
        let named = article.is_some();
        // With nothing named, a blank stand-in until the session or the home
        // replaces it: nothing is read for a screen that shows no article.
        let article = article.unwrap_or_else(|| Article::parse("", "", Citations::Later));
        let mut app = App::new(mirror, article, start.size);
        app.keymap = start.keymap;
        app.citation_form = start.citation;
        app.files = start.files;
        let mut home = !named;
        if let Some((history, at_home)) = start.session.filter(|_| !named) {
            app.history = history;
            app.relayout();
            home = at_home;
        }
        if let Some(date) = start.date {
            app.date = date;
        }
        app.date_entries();
        if home {
            app.open_home();
        } else if !app.offer(start.choices) {
            // Asking which code: what is read is noted once chosen.
            app.note_read();
        }
        // A citation named on the command line (`loi "L. 1233-3, 2°"`) opens at its
        // point; a session restored has none.
        app.go_to_point(&start.point);
        if let Some(note) = start.note {
            app.say(&crate::model::sanitize::clean(&note), true);
        }
        app
    }

    /// The keys in effect, as the words name them in hints.
    pub fn keys(&self) -> crate::app::words::Keys<'_> {
        crate::app::words::Keys(&self.keymap)
    }

    /// The keys in effect, which the event loop reads keys with and the help lists.
    pub fn keymap(&self) -> &crate::app::keymap::Keymap {
        &self.keymap
    }

    /// The date of the data of the code whose contents are shown, if known.
    pub fn consolidated(&self) -> Option<&str> {
        self.consolidated.as_deref()
    }

    /// The mirror the articles come from.
    pub fn mirror(&self) -> &Mirror {
        &self.mirror
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
    pub fn page(&self) -> Page<'_> {
        Page {
            article: self.history.current().shown(),
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
        if let Action::NotOpened(failed) = action {
            self.not_opened(failed);
            return;
        }
        // A line's scroll is the wheel's, a line at a time (vim's Ctrl-E and Ctrl-Y).
        let action = match action {
            Action::LineDown => Action::Scroll(1),
            Action::LineUp => Action::Scroll(-1),
            other => other,
        };
        if action == Action::Idle {
            if self.due.is_some() {
                self.answer_due();
            } else if self.searching() {
                self.poll_search();
            } else if self.references_pending() && self.hints.is_none() {
                // Not while labels are shown: the citations found would renumber and
                // move the references under them.
                self.check_references();
            } else if self.reading_ids.is_some() {
                self.poll_ids();
            } else {
                self.poll_cited_by();
            }
            return;
        }
        if self.hints.is_some() && self.hint_key(action) {
            return;
        }
        if let Action::Paste(piece) = action {
            self.paste_piece(piece);
            return;
        }
        if self.typing() && self.typing_key(action) {
            return;
        }
        // A key past the prompt's editing acts on its answers (Enter opens the first):
        // they must be the text's. A prompt closed does not wait for them.
        if matches!(action, Action::Cancel | Action::Quit) {
            self.due = None;
        } else {
            self.answer_due();
        }
        // Who takes the key or the click: nobody's mouse while a prompt is typed into;
        // the overlay shown, else the `/` prompt, else the article.
        let mouse = matches!(action, Action::Scroll(_) | Action::Click(..));
        match &self.overlay {
            _ if mouse && self.typing() => {}
            Some(_) if mouse => self.mouse_over_overlay(action),
            Some(Overlay::Help(scroll)) => self.update_help(action, *scroll),
            Some(Overlay::List(_)) => self.update_picker(action),
            Some(Overlay::Search(..)) => self.update_mirror_search(action),
            Some(Overlay::Contents(_)) => self.update_contents(action),
            Some(Overlay::Home(_)) => self.update_home(action),
            None if self.finding() => self.update_find_prompt(action),
            None => self.update_reading(action),
        }
        self.back_home_if_closed(action);
    }

    /// Keys while the help is shown: it scrolls, and closes.
    fn update_help(&mut self, action: Action, scroll: usize) {
        let last = help::height(&self.keymap, self.size.0).saturating_sub(self.text_height());
        self.overlay = match action {
            Action::Down => Some((scroll + 1).min(last)),
            Action::Up => Some(scroll.saturating_sub(1)),
            Action::PageDown => Some((scroll + self.text_height()).min(last)),
            Action::PageUp => Some(scroll.saturating_sub(self.text_height())),
            Action::Top => Some(0),
            Action::Bottom => Some(last),
            Action::Quit | Action::Cancel | Action::Help => None,
            _ => Some(scroll),
        }
        .map(Overlay::Help);
    }

    /// Keys while the article is read, nothing over it.
    fn update_reading(&mut self, action: Action) {
        match action {
            Action::Scroll(lines) => return self.wheel(lines),
            Action::Click(col, row) => return self.click(col, row),
            _ => {}
        }
        if self.search_key(action) {
            return;
        }
        self.status = None;
        let article = Rc::clone(self.history.current().shown());
        // An article with no text has no block to move to; what needs none works.
        if article.blocks.is_empty()
            && !matches!(
                action,
                Action::Back
                    | Action::Forward
                    | Action::Help
                    | Action::Quit
                    | Action::Home
                    | Action::GoTo
                    | Action::Bookmarks
                    | Action::ReadHistory
            )
        {
            self.say(words::no_text(), false);
            return;
        }
        let f = Page {
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
            Action::Unfold => match view.scroll_sideways(f, true) {
                Sideways::NotWide => {
                    view.unfold(f);
                }
                Sideways::Moved => {}
                Sideways::AtEdge => self.say(words::right_edge(), false),
            },
            Action::FoldOrParent => match view.scroll_sideways(f, false) {
                Sideways::NotWide => view.fold_or_parent(f),
                Sideways::Moved => {}
                Sideways::AtEdge => self.say(&words::left_edge(&self.keys()), false),
            },
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
                        let from = self.history.current().link_path(link);
                        self.status = Some(follow::describe_link(
                            &self.keys(),
                            &self.mirror,
                            (&article, from),
                            link,
                            (&self.date, &self.today),
                        ));
                    }
                    None => self.say(words::no_more_references(), false),
                }
            }
            Action::Back => {
                if self.history.back() {
                    self.relayout();
                } else {
                    self.say(words::nothing_back(), false);
                }
            }
            Action::Forward => {
                if self.history.forward() {
                    self.relayout();
                } else {
                    self.say(words::nothing_forward(), false);
                }
            }
            Action::OpenInBrowser => {
                let selected = view.selected;
                let (article, _) = self.cited_from(&article, selected);
                self.browse(&article, selected);
            }
            Action::Copy => {
                let selected = view.selected;
                let (article, cursor) = self.cited_from(&article, selected);
                self.copy(&article, selected, cursor);
            }
            Action::CopyText => {
                let cursor = view.cursor;
                self.copy_text(&article, cursor);
            }
            Action::Bookmark => self.bookmark(),
            Action::Bookmarks => self.list_bookmarks(),
            Action::ReadHistory => self.list_read(),
            Action::Dossier => self.write_dossier(),
            Action::Delete => self.say(&words::delete_where(&self.keys()), false),
            Action::Help => self.overlay = Some(Overlay::Help(0)),
            Action::Contents => self.open_contents(),
            Action::Home => self.open_home(),
            Action::CitedBy => self.cited_by(),
            Action::Versions => self.list_versions(),
            Action::Changes => self.list_changes(),
            Action::Compare => self.compare(),
            Action::ReadAt => {
                let picker = Picker::date_prompt(self.entries(typing::Which::Date));
                self.overlay = Some(Overlay::List(picker));
                self.say(words::date_prompt(), false);
            }
            Action::NextArticle => self.step_article(true),
            Action::PrevArticle => self.step_article(false),
            Action::GoTo => self.open_goto(),
            Action::FollowHint => self.start_hints(hints::Pick::Follow),
            Action::PeekHint => self.start_hints(hints::Pick::Peek),
            Action::Cancel => {
                if !self.close_peek_here() {
                    self.history.current_mut().view.selected = None;
                }
            }
            Action::Peek => self.peek(),
            Action::Quit => self.quit = true,
            // Suspending is the terminal loop's to do.
            Action::Resize(..)
            | Action::NotOpened(_)
            | Action::CodeOrder
            | Action::KeepToCode
            | Action::Scroll(_)
            | Action::LineDown
            | Action::LineUp
            | Action::Click(..)
            | Action::Idle
            | Action::Suspend
            | Action::Input(_)
            | Action::InputBack
            | Action::Edit(_)
            | Action::Paste(_)
            | Action::Find
            | Action::NextMatch
            | Action::PrevMatch
            | Action::SearchMirror => {}
        }
    }

    /// Whether keys are text now: the go-to prompt or a search prompt is open.
    pub fn typing(&self) -> bool {
        self.picker().is_some_and(|p| p.query.is_some()) || self.finding()
    }

    /// What covers the article, if anything.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    /// The list shown (of articles, or of the whole-mirror search), if one is.
    pub fn picker(&self) -> Option<&Picker> {
        match &self.overlay {
            Some(Overlay::List(p) | Overlay::Search(p, _)) => Some(p),
            _ => None,
        }
    }

    /// How far the help is scrolled, when it is shown.
    pub fn help_scroll(&self) -> Option<usize> {
        match self.overlay {
            Some(Overlay::Help(scroll)) => Some(scroll),
            _ => None,
        }
    }

    /// The table of contents, when it is shown.
    pub fn contents(&self) -> Option<&TocView> {
        match &self.overlay {
            Some(Overlay::Contents(view)) => Some(view),
            _ => None,
        }
    }

    /// What the status line says, if anything but the hints.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// The `/` search of the article, while it is typed or kept for `n`.
    pub fn find(&self) -> Option<&search::Find> {
        self.find.as_ref()
    }

    /// Whether the reader is done (`q`).
    pub fn quitting(&self) -> bool {
        self.quit
    }

    /// The side effects queued since the last call, for the terminal loop.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Whether the event loop has slow work for [`Action::Idle`].
    pub fn has_idle_work(&self) -> bool {
        self.due.is_some()
            || (self.references_pending() && self.hints.is_none())
            || self.searching()
            || self.building_backlinks()
            || self.reading_ids.is_some()
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
        let fit = self.codes_that_fit();
        if let Some(Overlay::Home(view)) = self.overlay.as_mut() {
            view.scroll_to_cursor(fit);
        }
        if width_changed {
            self.relayout();
        } else {
            self.refit();
        }
    }

    /// A new layout for the current article and width (after navigation or resize).
    fn relayout(&mut self) {
        let entry = self.history.current();
        let clipped = entry.spliced.as_ref().map(|s| s.clipped());
        self.layout = Layout::new(entry.shown(), self.size.0).clipping(clipped.unwrap_or_default());
        self.refit();
    }

    /// Keeps the scroll position and cursor valid for the current layout and height.
    fn refit(&mut self) {
        self.with_view(|view, page| view.refit(page));
    }

    /// Runs `act` on the view of the article shown and the page it is shown on: what
    /// every move of the cursor, the scroll or the folds needs.
    fn with_view<R>(&mut self, act: impl FnOnce(&mut View, Page<'_>) -> R) -> R {
        let height = self.text_height();
        let entry = self.history.current_mut();
        let shown = match &entry.spliced {
            Some(s) => &*s.article,
            None => &*entry.article,
        };
        let page = Page {
            article: shown,
            layout: &self.layout,
            height,
        };
        act(&mut entry.view, page)
    }
}
