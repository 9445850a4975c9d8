//! The law at a date, in the reader: the reading date, each article of the stack at
//! its version in force that day (and its Nota), the list of its versions and of the
//! texts that changed it, what changed between two versions. Uses the mirror's
//! `state` for the data and the model's `state` for which version is in force.

use std::rc::Rc;

use super::history::{Entry, Time};
use super::picker::{Item, Listing, Picker};
use super::view::View;
use super::{App, Overlay};
use crate::app::words::{self, dates};
use crate::mirror::state::{Shown, Uncompared};
use crate::model::article::{Article, Citations};
use crate::model::state::Standing;
use crate::model::web::Address;

impl App {
    /// The date the law is read at (`YYYY-MM-DD`): today unless the reader asked for
    /// another.
    pub fn reading_date(&self) -> &str {
        &self.date
    }

    /// Today, `YYYY-MM-DD`, as the reader started.
    pub fn today(&self) -> &str {
        &self.today
    }

    /// Whether the law is read as it is today.
    pub fn reads_today(&self) -> bool {
        self.date == self.today
    }

    /// Where the article shown stands on the reading date; `None` before it is dated.
    pub fn standing(&self) -> Option<Standing> {
        let entry = self.current();
        entry.on.as_ref()?;
        Some(match &entry.time {
            None => Standing::Unknown,
            // A version chosen from the list is said for itself.
            Some(Time {
                shown: Shown::Version(i),
                meta,
                ..
            }) => {
                let v = &meta.versions[*i];
                Standing::Other {
                    index: *i,
                    since: v.since.clone(),
                    until: v.until().map(str::to_owned),
                }
            }
            Some(time) => time.meta.standing(&self.date),
        })
    }

    /// Whether the article shown is a version other than the one in force on the
    /// reading date (chosen from the list of versions, or compared).
    pub fn other_version(&self) -> bool {
        self.current().time.as_ref().is_some_and(|t| match t.shown {
            Shown::Version(i) => t.meta.version_on(&self.date) != Some(i),
            Shown::Current => t
                .meta
                .current()
                .is_some_and(|c| t.meta.version_on(&self.date).is_some_and(|on| on != c)),
            Shown::Missing(_) => false,
        })
    }

    /// Whether the article at `path` is the law on the reading date (`true` when the
    /// mirror does not say).
    pub(super) fn in_force(&self, path: &str) -> bool {
        self.mirror
            .state(path)
            .is_none_or(|s| s.standing(&self.date).in_force())
    }

    /// An entry for `article` as it reads on the reading date.
    pub(super) fn entry_for(&self, article: Article) -> Entry {
        Entry::dated(self.mirror.at_date(article, &self.date), &self.date)
    }

    /// Reads the law at `date` from now on: every article of the stack is shown at
    /// its version in force that day.
    pub(super) fn set_date(&mut self, date: String) {
        self.date = date;
        self.date_entries();
        // Which references lead to an article in force depends on the date.
        self.history.recheck_references();
        let text = match self.current().time.as_ref().map(|t| t.shown) {
            Some(Shown::Missing(_)) => dates::version_missing(&self.date),
            _ => words::reading_on(&dates::date(&self.date), self.reads_today()),
        };
        self.say(&text, false);
    }

    /// Dates the articles of the stack not yet read at the reading date: one opened
    /// before (the first, a session's) gets its state and Nota without being parsed
    /// again; one read at another date is read again if its text changes with it.
    pub(super) fn date_entries(&mut self) {
        let date = self.date.clone();
        let pos = self.history.position();
        let mut changed_current = false;
        for i in 0..self.history.entries().len() {
            let old = &self.history.entries()[i];
            if old.on.as_deref() == Some(date.as_str())
                || old.time.as_ref().is_some_and(|t| t.diff_from.is_some())
            {
                continue;
            }
            let next = if old.on.is_none() {
                let Some(state) = self.mirror.state(&old.article.path) else {
                    // No dates: nothing to add, nothing to read again.
                    self.history.entries_mut()[i].on = Some(date.clone());
                    continue;
                };
                // The article taken out of the entry, not copied: the first one is
                // the whole of the first frame's text.
                let entry = &mut self.history.entries_mut()[i];
                let view = entry.view.clone();
                let article = std::mem::replace(&mut entry.article, Rc::new(placeholder()));
                let article = Rc::try_unwrap(article).unwrap_or_else(|rc| Article::clone(&rc));
                let dated = self.mirror.at_date_with(article, Some(state), &date);
                // The same text (and its Nota after it): the view stays as it was.
                let same = !matches!(dated.shown, Shown::Version(_));
                let mut next = Entry::dated(dated, &date);
                if same {
                    keep_view(&mut next, view);
                }
                next
            } else if let Some(shown) = same_text(old, &date) {
                let mut next = old.clone();
                next.on = Some(date.clone());
                if let Some(t) = next.time.as_mut() {
                    t.shown = shown;
                }
                next
            } else {
                match self
                    .mirror
                    .dated(&old.article.path, &date, Citations::Later)
                {
                    Ok(dated) => Entry::dated(dated, &date),
                    Err(_) => continue,
                }
            };
            changed_current |= i == pos;
            self.history.entries_mut()[i] = next;
        }
        if changed_current {
            self.relayout();
        }
    }

    /// `V`: the versions of the article shown, oldest first, the one shown marked.
    pub(super) fn list_versions(&mut self) {
        let entry = self.current();
        let Some(time) = entry.time.as_ref() else {
            self.say(dates::NO_VERSIONS, true);
            return;
        };
        let shown = time.version();
        let mut order: Vec<usize> = (0..time.meta.versions.len()).collect();
        order.sort_by(|&a, &b| {
            time.meta.versions[a]
                .since
                .cmp(&time.meta.versions[b].since)
        });
        let items: Vec<Item> = order
            .iter()
            .map(|&i| Item {
                label: dates::version_label(&time.meta, i, Some(i) == shown, &self.today),
                path: entry.article.path.clone(),
                block: None,
                version: Some(i),
            })
            .collect();
        if items.is_empty() {
            self.say(dates::NO_VERSIONS, true);
            return;
        }
        let selected = order.iter().position(|&i| Some(i) == shown).unwrap_or(0);
        let title = dates::versions_title(&entry.article.num, items.len());
        let mut picker = Picker::of_items(title, items, Listing::Versions);
        picker.selected = selected;
        self.overlay = Some(Overlay::List(picker));
        let hint = words::versions_hint(&self.keys());
        self.say(&hint, false);
    }

    /// Opens version `index` of the article at `path`: its text when the mirror has
    /// it, else says where Légifrance has it.
    pub(super) fn open_version(&mut self, path: &str, index: usize) {
        let Some(meta) = self.current().time.as_ref().map(|t| Rc::clone(&t.meta)) else {
            return;
        };
        let Some(version) = meta.versions.get(index) else {
            return;
        };
        if self.current().time.as_ref().and_then(Time::version) == Some(index)
            && self.current().article.path == path
        {
            return;
        }
        let Some(article) = self
            .mirror
            .version(path, &meta, &version.id, Citations::Later)
        else {
            let text = words::version_elsewhere(
                &self.keys(),
                &dates::version_label(&meta, index, false, &self.today),
            );
            self.say(&text, true);
            return;
        };
        let shown = Shown::of(&meta, index);
        // The file's own version is read with its Nota, as it opens.
        let article = match shown {
            Shown::Current => crate::mirror::state::with_nota(article, &meta),
            _ => article,
        };
        let mut entry = Entry::new(article);
        entry.time = Some(Time {
            meta: Rc::clone(&meta),
            shown,
            diff_from: None,
        });
        // A version chosen is read as it is, whatever the reading date.
        entry.on = Some(self.date.clone());
        self.history.push(entry);
        self.relayout();
        self.note_read();
    }

    /// `i`: the texts that created, changed or codified the article shown.
    pub(super) fn list_changes(&mut self) {
        let entry = self.current();
        let Some(time) = entry.time.as_ref() else {
            self.say(dates::NO_VERSIONS, true);
            return;
        };
        let items: Vec<Item> = time
            .meta
            .changed_by
            .iter()
            .map(|c| Item {
                label: dates::change_label(c),
                path: entry.article.path.clone(),
                block: None,
                version: None,
            })
            .collect();
        if items.is_empty() {
            self.say(dates::NO_CHANGES, false);
            return;
        }
        let title = dates::changes_title(&entry.article.num);
        self.overlay = Some(Overlay::List(Picker::of_items(
            title,
            items,
            Listing::Changes,
        )));
    }
}

/// What `entry` shows on `date` when that is the text it has already (the file's, or
/// the same other version): no need to read it again. `None` when it must be read.
fn same_text(entry: &Entry, date: &str) -> Option<Shown> {
    let Some(t) = entry.time.as_ref() else {
        return Some(Shown::Current);
    };
    let current = t.meta.current();
    match (t.meta.version_on(date), t.shown) {
        (Some(v), Shown::Version(w)) if v == w => Some(Shown::Version(v)),
        // The file's text is shown, and the date has another version: read it.
        (Some(v), Shown::Current | Shown::Missing(_)) if Some(v) != current => None,
        (_, Shown::Current | Shown::Missing(_)) => Some(Shown::Current),
        _ => None,
    }
}

/// The view `old` kept in `next`, the same article with blocks added after its own
/// (the Nota): folds, cursor and scroll stay where they were.
fn keep_view(next: &mut Entry, old: View) {
    if !old.peeks.is_empty() {
        // The same text: its peeks open again, on a page that only grew at its end
        // (a Nota after the text).
        let page = old.folded.len();
        next.view = old;
        next.splice_again();
        if next.shown().blocks.len() < page {
            next.view = View::new(&next.article);
            next.spliced = None;
            return;
        }
        let fresh = crate::app::view::opening_folds(next.shown(), next.spliced.as_deref());
        next.view.folded.extend_from_slice(&fresh[page..]);
        return;
    }
    if next.view.folded.len() < old.folded.len() {
        return;
    }
    let folded = next.view.folded.split_off(old.folded.len());
    next.view = old;
    next.view.folded.extend(folded);
}

/// What stands in an entry for the moment its article is taken out to be dated.
fn placeholder() -> Article {
    Article {
        num: String::new(),
        path: String::new(),
        blocks: Vec::new(),
        links: Vec::new(),
        citations_pending: false,
        has_heading: false,
        note: None,
    }
}

impl App {
    /// `o` or `y` on a version or a text of the lists: its address on Légifrance,
    /// opened or copied.
    pub(super) fn share_listed(&mut self, listing: Listing, selected: usize, copy: bool) {
        let Some(time) = self.current().time.as_ref() else {
            return;
        };
        let address = match listing {
            Listing::Versions => {
                let Some(Overlay::List(picker)) = self.overlay.as_ref() else {
                    return;
                };
                picker
                    .items
                    .get(selected)
                    .and_then(|item| item.version)
                    .and_then(|v| time.meta.versions.get(v))
                    .and_then(|v| version_address(&v.id))
            }
            _ => time
                .meta
                .changed_by
                .get(selected)
                .and_then(|c| c.text.as_deref())
                .and_then(Address::journal),
        };
        let Some(address) = address else {
            self.say(words::no_address(), true);
            return;
        };
        if copy {
            self.say(&words::copied(address.as_str()), false);
            self.effects.push(super::Effect::Copy(address.to_string()));
        } else {
            self.open_address(address);
        }
    }
}

/// Where Légifrance shows one version of an article; none for an id not of the shape
/// of one (the dates file is text of the mirror).
pub fn version_address(id: &str) -> Option<Address> {
    Address::article(id)
}

impl App {
    /// `=`: what changed in the version shown, against the version before it, word by
    /// word, as an article of its own on the stack.
    pub(super) fn compare(&mut self) {
        let entry = self.current();
        let Some(time) = entry.time.as_ref() else {
            self.say(dates::NO_VERSIONS, true);
            return;
        };
        let meta = Rc::clone(&time.meta);
        let Some(shown) = time.version() else {
            self.say(dates::NO_VERSIONS, true);
            return;
        };
        let path = entry.article.path.clone();
        let compared = match self.mirror.compare(&path, &meta, shown) {
            Ok(compared) => compared,
            Err(Uncompared::First) => {
                self.say(words::first_version(), false);
                return;
            }
            Err(Uncompared::Missing(i)) => {
                let label = dates::version_label(&meta, i, false, &self.today);
                self.say(&words::nothing_to_compare(&label), true);
                return;
            }
        };
        let (article, before) = (compared.article, compared.before);
        let counted = compared.diff.words();
        let coarse = compared.diff.coarse;
        let mut entry = Entry::new(article);
        entry.time = Some(Time {
            meta: Rc::clone(&meta),
            shown: Shown::of(&meta, shown),
            diff_from: Some(before),
        });
        entry.on = Some(self.date.clone());
        self.history.push(entry);
        self.relayout();
        // The cursor on the first change, its line on screen.
        self.with_view(|view, page| view.reveal_change(page));
        let text = words::compared(counted.inserted, counted.deleted, coarse, &self.keys());
        self.say(&text, false);
    }
}
