//! What the reader keeps between runs, as the user sees it: `m` bookmarks the point
//! under the cursor, `'` lists the bookmarks and `H` the articles read (both in the
//! picker's list), the session saved on quitting (and on a signal or hang-up,
//! from `tui`). The files are `App::files`.

use super::{App, Overlay};
use crate::app::picker::{Item, Listing, Picker};
use crate::app::words;
use crate::saved::bookmarks::{self, Bookmark};
use crate::saved::session::{self, Session};
use crate::saved::visits::{self, Visit};

/// A session and where it goes, apart from the app (see [`App::session_to_save`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SessionToSave {
    file: std::path::PathBuf,
    mirror: String,
    pub(super) session: Session,
}

impl SessionToSave {
    /// Saves it; where a file damaged since the start was kept aside, if one was.
    pub fn save(&self) -> std::io::Result<Option<std::path::PathBuf>> {
        session::save(&self.file, &self.mirror, &self.session)
    }
}

impl App {
    /// Records the article shown in the history of articles read.
    pub fn note_read(&mut self) {
        let Some(file) = self.files.as_ref().map(|f| f.history.clone()) else {
            return;
        };
        let article = &self.current().article;
        let visit = Visit {
            mirror: session::mirror_key(&self.mirror),
            path: article.path.clone(),
            num: article.num.clone(),
            at: bookmarks::now(),
            run: Some(visits::this_run().to_owned()),
        };
        if let Err(e) = visits::record(&file, &visit) {
            self.say(&words::history_not_saved(&e.to_string()), true);
        }
    }

    /// Saves the stack as the session of this mirror; where a file damaged since the
    /// start was kept aside, if one was.
    pub fn save_session(&self) -> std::io::Result<Option<std::path::PathBuf>> {
        self.session_to_save().map_or(Ok(None), |s| s.save())
    }

    /// The session as it stands, ready to be saved by whoever ends loi: a signal or a
    /// hang-up ends it from another thread, without the app.
    pub fn session_to_save(&self) -> Option<SessionToSave> {
        let files = self.files.as_ref()?;
        // Nothing read: nothing to reopen; the next start shows the home anyway.
        if self.nothing_read() {
            return None;
        }
        let mut session = self.history.to_session();
        // Quit from the home (or from what it opened): it opens on the home again.
        session.home = self.home().is_some() || self.home_beneath.is_some();
        Some(SessionToSave {
            file: files.session.clone(),
            mirror: session::mirror_key(&self.mirror),
            session,
        })
    }

    /// `m`: bookmarks the article at the point under the cursor.
    pub(super) fn bookmark(&mut self) {
        let Some(file) = self.files.as_ref().map(|f| f.bookmarks.clone()) else {
            self.say(words::no_bookmark_folder(), true);
            return;
        };
        let entry = self.current();
        let article = &entry.article;
        // In a peek: the article's own point holding it.
        let cursor = entry.own_block(entry.view.cursor);
        let mut chain = article.ancestors(cursor);
        chain.push(cursor);
        let point: Vec<String> = chain
            .iter()
            .filter_map(|&b| article.blocks.get(b)?.marker.map(|m| m.label()))
            .collect();
        let mark = Bookmark {
            mirror: session::mirror_key(&self.mirror),
            path: article.path.clone(),
            num: article.num.clone(),
            block: (cursor > 0).then_some(cursor),
            // A paragraph outside any item is named by its place: ¶4.
            point: if point.is_empty() && cursor > 0 {
                format!("¶{}", cursor + 1)
            } else {
                point.join(" ")
            },
            at: bookmarks::now(),
        };
        let name = mark.name();
        match bookmarks::add(&file, mark) {
            // Said once: the next write finds a sound file.
            Ok(Some(aside)) => self.say(&words::kept_aside(&file, &aside), true),
            Ok(None) => self.say(&words::bookmarked(&self.keys(), &name), false),
            Err(e) => self.say(&words::not_bookmarked(&e.to_string()), true),
        }
    }

    /// `'`: the bookmarks of this mirror, newest first.
    pub(super) fn list_bookmarks(&mut self) {
        let Some(file) = self.files.as_ref().map(|f| f.bookmarks.clone()) else {
            self.say(words::no_bookmarks_folder(), true);
            return;
        };
        let (list, aside) = match bookmarks::open(&file) {
            Ok(all) => (
                bookmarks::newest_first(all.value, &session::mirror_key(&self.mirror)),
                all.aside,
            ),
            Err(e) => return self.say(&e.to_string(), true),
        };
        let aside = aside.map(|a| words::kept_aside(&file, &a));
        if list.is_empty() {
            match aside {
                Some(said) => self.say(&said, true),
                None => self.say(&words::no_bookmarks_yet(&self.keys()), false),
            }
            return;
        }
        let items = list
            .iter()
            .map(|b| Item {
                label: shown(&format!(
                    "{} · {} · {}",
                    b.name(),
                    crate::model::codes::title_for(b.path.split('/').next().unwrap_or_default()),
                    crate::model::date::of_seconds(b.at)
                )),
                path: b.path.clone(),
                block: b.block,
                version: None,
            })
            .collect();
        let title = words::bookmarks_title(list.len());
        self.overlay = Some(Overlay::List(Picker::of_items(
            title,
            items,
            Listing::Bookmarks,
        )));
        match aside {
            Some(said) => self.say(&said, true),
            None => self.say(&words::bookmarks_hint(&self.keys()), false),
        }
    }

    /// `H`: the articles read in this mirror, newest first.
    pub(super) fn list_read(&mut self) {
        let Some(file) = self.files.as_ref().map(|f| f.history.clone()) else {
            self.say(words::no_history_folder(), true);
            return;
        };
        let list = match visits::newest_first(&file, &session::mirror_key(&self.mirror)) {
            Ok(list) => list,
            Err(e) => return self.say(&words::history_unreadable(&e.to_string()), true),
        };
        if list.is_empty() {
            self.say(words::nothing_read(), false);
            return;
        }
        let items = list
            .iter()
            .map(|v| Item {
                label: shown(&format!(
                    "{} · {} · {}",
                    v.num,
                    crate::model::codes::title_for(v.path.split('/').next().unwrap_or_default()),
                    crate::model::date::of_seconds(v.at)
                )),
                path: v.path.clone(),
                block: None,
                version: None,
            })
            .collect();
        let title = words::history_title(list.len());
        self.overlay = Some(Overlay::List(Picker::of_items(title, items, Listing::Read)));
        self.say(&words::history_hint(&self.keys()), false);
    }

    /// `d` in the list of bookmarks: deletes the highlighted one.
    pub(super) fn delete_bookmark(&mut self) {
        let (Some(file), Some(picker)) = (
            self.files.as_ref().map(|f| f.bookmarks.clone()),
            match self.overlay.as_mut() {
                Some(Overlay::List(picker)) => Some(picker),
                _ => None,
            },
        ) else {
            return;
        };
        let Some(item) = picker.current().cloned() else {
            return;
        };
        let mark = Bookmark {
            mirror: session::mirror_key(&self.mirror),
            path: item.path,
            num: String::new(),
            block: item.block,
            point: String::new(),
            at: 0,
        };
        let aside = match bookmarks::remove(&file, &mark) {
            Ok(aside) => aside,
            Err(e) => return self.say(&words::not_deleted(&e.to_string()), true),
        };
        picker.items.remove(picker.selected);
        picker.step(0);
        let name = item
            .label
            .split(" · ")
            .next()
            .unwrap_or_default()
            .to_owned();
        let left = picker.items.len();
        picker.title = words::bookmarks_title(left);
        if left == 0 {
            self.overlay = None;
        }
        match aside {
            Some(aside) => self.say(&words::kept_aside(&file, &aside), true),
            None => self.say(&words::deleted(&name), false),
        }
    }
}

/// A line of the files as the screen may show it: they are the user's, but a file
/// edited by hand (or by someone else) must not reach the terminal as a control
/// sequence either.
fn shown(text: &str) -> String {
    crate::model::sanitize::clean(text).into_owned()
}
