//! Following references: opening an article on top of the stack, going to a point of
//! one, saying where a selected reference leads, and finding out, while the reader
//! idles, which references lead somewhere.

use std::rc::Rc;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use super::{App, Overlay, Status};
use crate::app::picker::Picker;

use crate::app::words::{self, Keys};
use crate::mirror::Mirror;
use crate::mirror::ids::Ids;
use crate::mirror::reference::{self, Target};
use crate::model::article::enumeration::Marker;
use crate::model::article::{Article, Citations};

impl App {
    /// Moves the cursor to `block` of the current article, unfolding what hides it.
    pub(super) fn reveal(&mut self, block: usize) {
        let block = self.current().page_block(block);
        self.with_view(|view, page| {
            if block < page.article.blocks.len() {
                view.reveal_block(page, block);
            }
        });
    }

    /// Works out, once per article, which references lead somewhere, so that the
    /// screen can tell them apart (this may walk the mirror, hence not before the
    /// first frame).
    pub(super) fn check_references(&mut self) {
        let entry = self.history.current_mut();
        if entry.article.citations_pending {
            let full = Rc::new(entry.article.with_citations());
            // The blocks are the same; the references, and so their numbers, are not:
            // a reference selected meanwhile stays selected (its first part, if split).
            entry.view.selected = entry.view.selected.and_then(|old| {
                let was = &entry.article.links[old];
                full.links
                    .iter()
                    .position(|l| l.block == was.block && l.href == was.href)
            });
            entry.article = full;
            self.relayout();
            return;
        }
        if entry.resolvable.is_some() {
            return;
        }
        if entry.resolving.is_empty() {
            let legacy = reference::needs_evidence(&self.mirror, &entry.article);
            self.read_ids_if_needed(legacy);
        }
        let entry = self.history.current_mut();
        // A few hundred at a time: the loop reads keys between turns, so `q` answers
        // at once even in an article of 90,000 links.
        const PER_TURN: usize = 256;
        let article = Rc::clone(&entry.article);
        let done = entry.resolving.len();
        let (more, lapsed): (Vec<bool>, Vec<bool>) = article.links[done..]
            .iter()
            .take(PER_TURN)
            .map(
                |l| match reference::resolve(&self.mirror, &article.path, l) {
                    Ok(Target::Article { path, .. }) => (true, !self.in_force(&path)),
                    found => (found.is_ok(), false),
                },
            )
            .unzip();
        let entry = self.history.current_mut();
        entry.resolving.extend(more);
        entry.lapsed.extend(lapsed);
        if entry.resolving.len() >= article.links.len() {
            entry.resolvable = Some(std::mem::take(&mut entry.resolving));
        }
    }

    /// Starts reading the mirror's legacy ids ([`crate::mirror::ids`]) on a thread,
    /// once, when an article with a legacy link into a code of the mirror is shown and
    /// they are not cached: until they come, legacy links are read by their text.
    fn read_ids_if_needed(&mut self, legacy: bool) {
        if !legacy || self.reading_ids.is_some() || self.mirror.legacy_ids().is_some() {
            return;
        }
        let frozen = self.mirror.frozen();
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("legacy ids".into())
            .spawn(move || {
                let _ = tx.send(Ids::load_or_build(&frozen.open()));
            });
        if spawned.is_ok() {
            self.reading_ids = Some(rx);
        } else {
            // No thread: the text alone, as before, and not asked again.
            self.mirror.set_legacy_ids(Ids::default());
        }
    }

    /// Takes the legacy ids once read (waiting a little for them: the loop comes back
    /// until then), and has every article's references checked again with them.
    pub(super) fn poll_ids(&mut self) {
        let Some(rx) = &self.reading_ids else {
            return;
        };
        let ids = match rx.recv_timeout(Duration::from_millis(15)) {
            Err(RecvTimeoutError::Timeout) => return,
            Err(RecvTimeoutError::Disconnected) => Ids::default(),
            Ok(ids) => ids,
        };
        self.reading_ids = None;
        self.mirror.set_legacy_ids(ids);
        self.history.recheck_references();
    }

    /// Whether the references of the article shown are still to be checked.
    pub(super) fn references_pending(&self) -> bool {
        self.current().resolvable.is_none() || self.current().article.citations_pending
    }

    /// Follows reference `link` of `article`: opens its article on top of the stack at
    /// the point it names, moves to a point of this article, or lists a range.
    pub(super) fn open_link(&mut self, article: &Article, link: usize) {
        let target = &article.links[link];
        let from = self.current().link_path(link).to_owned();
        match reference::resolve(&self.mirror, &from, target) {
            Ok(Target::Article { path, point }) => self.open_path(&path, &point),
            // A point of the article a peek quotes is a point of that article.
            Ok(Target::Here { point }) if from != self.current().article.path => {
                self.open_path(&from, &point)
            }
            Ok(Target::Here { point }) => self.go_to_point(&point),
            Ok(Target::Many(paths)) => {
                let title = words::range_title(&target.text, paths.len());
                self.overlay = Some(Overlay::List(Picker::of_paths(title, paths)));
                let hint = words::range_hint(&self.keys());
                self.say(&hint, false);
            }
            Err(why) => {
                let web = reference::web_address(target, &from).is_some();
                let why = why.to_string();
                let text = words::followed_dead(&self.keys(), &target.text, &why, web);
                self.say(&text, true);
            }
        }
    }

    /// Opens the article at `path` on top of the stack, at `point` when one is named.
    /// The article shown is not stacked again: Backspace would only show it twice.
    pub(super) fn open_path(&mut self, path: &str, point: &[Marker]) {
        if self.history.current().article.path == path {
            self.go_to_point(point);
            return;
        }
        match self.mirror.article(path, Citations::Later) {
            Ok(next) => {
                let entry = self.entry_for(next);
                self.history.push(entry);
                self.relayout();
                self.go_to_point(point);
                self.note_read();
            }
            Err(why) => self.say(&why.to_string(), true),
        }
    }

    /// Shows the article at `path` in place of the current one: what choosing among
    /// the codes that hold a number does, the article shown until then having been a
    /// stand-in, not one the reader opened.
    pub(super) fn open_instead(&mut self, path: &str) {
        if self.history.current().article.path != path {
            match self.mirror.article(path, Citations::Later) {
                Ok(next) => {
                    let entry = self.entry_for(next);
                    self.history.replace(entry);
                    self.relayout();
                }
                Err(why) => {
                    self.say(&why.to_string(), true);
                    return;
                }
            }
        }
        self.note_read();
    }

    /// Puts the cursor on a point of the current article, unfolded.
    pub(super) fn go_to_point(&mut self, point: &[Marker]) {
        if point.is_empty() {
            return;
        }
        let article = Rc::clone(&self.history.current().article);
        let labels: Vec<String> = point.iter().rev().map(Marker::label).collect();
        let point_words = words::point(&labels);
        let Some(block) = article.point_block(point) else {
            self.say(&words::no_such_point(&point_words, &article.num), true);
            return;
        };
        let block = self.current().page_block(block);
        self.with_view(|view, page| view.reveal_block(page, block));
        self.say(&words::at_point(&point_words, &article.num), false);
    }
}

/// What the status line says of a selected reference: where it leads, or why it
/// leads nowhere and what can be done instead.
pub(super) fn describe_link(
    keys: &Keys,
    mirror: &Mirror,
    (article, from): (&Article, &str),
    link: usize,
    (date, today): (&str, &str),
) -> Status {
    let l = &article.links[link];
    let labels = |point: &[Marker]| -> String {
        let labels: Vec<String> = point.iter().rev().map(Marker::label).collect();
        words::point(&labels)
    };
    let text = match reference::resolve(mirror, from, l) {
        Ok(Target::Article { path, point }) => {
            let mut num = crate::mirror::number_of_file(&path);
            // Its state on the reading date, when it is not the law then.
            if let Some(state) = mirror.state(&path) {
                let standing = state.standing(date);
                if !standing.in_force() {
                    let said = words::dates::aside(&standing, &state, today);
                    num = format!("{num} ({said})");
                }
            }
            let at = if point.is_empty() {
                String::new()
            } else {
                format!(", {}", labels(&point))
            };
            let doubt = reference::disagreement(mirror, l).map(|d| d.to_string());
            words::link_to(keys, &l.text, &num, &at, doubt.as_deref())
        }
        Ok(Target::Here { point }) if from != article.path => {
            let num = crate::mirror::number_of_file(from);
            words::link_to(keys, &l.text, &num, &format!(", {}", labels(&point)), None)
        }
        Ok(Target::Here { point }) => words::link_here(keys, &l.text, &labels(&point)),
        Ok(Target::Many(paths)) => words::link_to_many(keys, &l.text, paths.len()),
        Err(why) => {
            let web = reference::web_address(l, from).is_some();
            words::link_dead(keys, &l.text, &why.to_string(), web)
        }
    };
    Status { text, error: false }
}
