//! `c`, cité par: the articles that cite the current one. Listing them needs every
//! reference of the mirror resolved once (`backlinks`); when that is not cached yet,
//! it runs on a thread of its own, the status line counting the articles read, and
//! the reader stays usable meanwhile.

use crate::app::words;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use super::{App, Overlay};
use crate::app::picker::{Item, Picker};
use crate::mirror::backlinks::{Backlinks, Citing};

/// Below this many articles the build takes well under a second: done at once.
const BACKGROUND_FROM: usize = 2000;

/// A build of the backlinks under way.
#[derive(Debug)]
pub struct Building {
    /// The article `c` was pressed on.
    target: String,
    /// Articles read so far, of `total`.
    done: Arc<AtomicUsize>,
    total: usize,
    /// The percentage last shown, so the status line changes only when it moves.
    shown: Option<usize>,
    built: Receiver<Backlinks>,
}

impl App {
    /// Lists the articles that cite this one, building the backlinks first when
    /// they are not cached (in the background for a mirror of any size).
    pub(in crate::app) fn cited_by(&mut self) {
        // The mirror may have changed under the reader: files added, moved or written.
        self.mirror.refresh();
        if let Some(backlinks) = self.backlinks.as_ref().filter(|b| b.current(&self.mirror)) {
            let backlinks = Rc::clone(backlinks);
            self.list_citing(&backlinks);
        } else if let Some(found) = Backlinks::cached(&self.mirror) {
            let found = Rc::new(found);
            self.backlinks = Some(Rc::clone(&found));
            self.list_citing(&found);
        } else if let Some(building) = self.building.as_mut() {
            building
                .target
                .clone_from(&self.history.current().article.path);
            building.shown = None;
            self.poll_cited_by();
        } else if self.mirror.index().len() < BACKGROUND_FROM {
            let found = Rc::new(Backlinks::load_or_build(&self.mirror));
            self.backlinks = Some(Rc::clone(&found));
            self.list_citing(&found);
        } else {
            self.build_in_background();
        }
    }

    /// Starts the build on a thread, with a copy of the mirror's index.
    pub(in crate::app) fn build_in_background(&mut self) {
        let frozen = self.mirror.frozen();
        let done = Arc::new(AtomicUsize::new(0));
        let (tx, rx) = mpsc::channel();
        let counter = Arc::clone(&done);
        let spawned = std::thread::Builder::new()
            .name("cité par".into())
            .spawn(move || {
                let mirror = frozen.open();
                let _ = tx.send(Backlinks::load_or_build_counting(&mirror, &counter));
            });
        if spawned.is_err() {
            self.say(words::cited_by_no_thread(), true);
            return;
        }
        self.building = Some(Building {
            target: self.history.current().article.path.clone(),
            done,
            total: self.mirror.index().len().max(1),
            shown: Some(0),
            built: rx,
        });
        self.say(&words::cited_by_progress(0), false);
    }

    /// Whether a build is under way.
    pub(in crate::app) fn building_backlinks(&self) -> bool {
        self.building.is_some()
    }

    /// Shows the build's progress, or its answer once done (waiting a little for it:
    /// the loop comes back here until then).
    pub(in crate::app) fn poll_cited_by(&mut self) {
        // A key may have replaced the progress with its own message: put it back.
        let cleared = self.status.is_none();
        let Some(building) = self.building.as_mut() else {
            return;
        };
        match building.built.recv_timeout(Duration::from_millis(15)) {
            Err(RecvTimeoutError::Timeout) => {
                let percent = building.done.load(Ordering::Relaxed) * 100 / building.total;
                if cleared || building.shown != Some(percent) {
                    building.shown = Some(percent);
                    self.say(&words::cited_by_progress(percent), false);
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                self.building = None;
                self.say(words::cited_by_failed(), true);
            }
            Ok(found) => {
                let target = building.target.clone();
                self.building = None;
                let found = Rc::new(found);
                self.backlinks = Some(Rc::clone(&found));
                if self.overlay.is_none() && self.history.current().article.path == target {
                    self.list_citing(&found);
                } else {
                    self.say(&words::cited_by_ready(&self.keys()), false);
                }
            }
        }
    }

    fn list_citing(&mut self, backlinks: &Backlinks) {
        let article = Rc::clone(&self.history.current().article);
        let citing = backlinks.of(&self.mirror, &article.path);
        if citing.is_empty() {
            self.say(&words::cited_by_none(&article.num), false);
            return;
        }
        let mut articles: Vec<&str> = citing.iter().map(|c| c.path.as_str()).collect();
        articles.dedup();
        let title = words::cited_by_title(&article.num, articles.len(), citing.len());
        let mut picker = Picker::of_paths(title, Vec::new());
        // Whether each citing article is the law on the reading date, in words.
        let mut states: std::collections::HashMap<String, Option<String>> =
            std::collections::HashMap::new();
        let mixed = crate::app::picker::mixes_codes(citing.iter().map(|c| c.path.as_str()));
        picker.items = citing
            .into_iter()
            .map(|c| {
                let state = states
                    .entry(c.path.clone())
                    .or_insert_with(|| {
                        let meta = self.mirror.state(&c.path)?;
                        let standing = meta.standing(&self.date);
                        Some(words::dates::short_standing(&standing))
                    })
                    .clone();
                item(c, state.as_deref(), mixed)
            })
            .collect();
        self.overlay = Some(Overlay::List(picker));
        let hint = words::cited_by_hint(&self.keys());
        self.say(&hint, false);
    }
}

/// A citing article, and (`state`) whether it is in force, when the mirror knows; its
/// code named when the list holds several (`mixed`).
fn item(c: Citing, state: Option<&str>, mixed: bool) -> Item {
    let num = if mixed {
        format!("{} · {}", c.num, crate::app::picker::code_tag(&c.path))
    } else {
        c.num.clone()
    };
    let label = match state {
        Some(state) => format!("{num} ({state}) · {}", c.snippet),
        None => format!("{num} · {}", c.snippet),
    };
    Item {
        label,
        path: c.path,
        block: Some(c.block),
        version: None,
    }
}
