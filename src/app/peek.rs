//! Peeks (`K`): the selected reference's text shown under it, without leaving the
//! article; `K` again, or `Esc` with the cursor inside it, closes it. The peeks are
//! the view's (`View::peeks`); the page they make, the article with them spliced in,
//! is the stack entry's (`Entry::spliced`).

use std::rc::Rc;

use super::App;
use crate::app::words;
use crate::mirror::Mirror;
use crate::mirror::reference::{self, Target};
use crate::model::article::enumeration::Marker;
use crate::model::article::{Article, Citations, Link};
use crate::model::peek::{self, Origin, Peek};

/// A range's peek shows at most this many articles: a glance, not a reading.
const RANGE_ARTICLES: usize = 20;

/// What peeking a reference found: the peek, and what to say of a point not found.
pub struct Found {
    pub peek: Peek,
    pub note: Option<String>,
}

/// The peek of reference `link` (its index `index` in its own text), written in the
/// article at `from`, as read on `date` (`None`: the file's text); `Err` says why
/// it leads nowhere.
pub fn look(
    mirror: &Mirror,
    from: &str,
    index: usize,
    link: &Link,
    date: Option<&str>,
) -> Result<Found, String> {
    let read = |path: &str| -> Result<Article, String> {
        match date {
            Some(date) => mirror
                .dated(path, date, Citations::Now)
                .map(|d| d.article)
                .map_err(|e| e.to_string()),
            None => mirror
                .article(path, Citations::Now)
                .map_err(|e| e.to_string()),
        }
    };
    let quoted = |heading: String, text: Article, clipped: bool| Peek {
        link: index,
        href: link.href.clone(),
        text_of_link: link.text.clone(),
        heading,
        text: Rc::new(text),
        clipped,
        inner: Vec::new(),
    };
    let (path, point) = match reference::resolve(mirror, from, link).map_err(|e| e.to_string())? {
        Target::Article { path, point } => (path, point),
        Target::Here { point } => (from.to_owned(), point),
        Target::Many(paths) => {
            let articles: Vec<(String, Rc<Article>)> = paths
                .iter()
                .take(RANGE_ARTICLES)
                .filter_map(|p| read(p).ok())
                .map(|a| (peek::heading(&a, from), Rc::new(a)))
                .collect();
            let heading = words::peek::range_heading(&link.text, articles.len(), paths.len());
            let text = peek::range_text(from, &articles);
            return Ok(Found {
                peek: quoted(heading, text, true),
                note: None,
            });
        }
    };
    let article = read(&path)?;
    let labels: Vec<String> = point.iter().rev().map(Marker::label).collect();
    let said = words::point(&labels);
    match article.point_block(&point) {
        Some(block) if !point.is_empty() => {
            let heading = words::peek::heading(&article.num, &said);
            let text = peek::point_text(&article, block);
            Ok(Found {
                peek: quoted(heading, text, false),
                note: None,
            })
        }
        found => {
            let note = (found.is_none() && !point.is_empty())
                .then(|| words::no_such_point(&said, &article.num));
            let heading = peek::heading(&article, from);
            Ok(Found {
                peek: quoted(heading, article, false),
                note,
            })
        }
    }
}

impl App {
    /// `K`: peeks at the selected reference, under the block holding it; closes its
    /// peek when it is open.
    pub(super) fn peek(&mut self) {
        // The references counted once their citations are found, so that a peek's
        // stays the one it was opened on.
        if self.current().article.citations_pending {
            self.check_references();
        }
        let entry = self.current();
        let Some(link) = entry.view.selected else {
            let said = words::peek::nothing_to_peek(&self.keys());
            self.say(&said, false);
            return;
        };
        let page = Rc::clone(entry.shown());
        let (chain, own, from) = match &entry.spliced {
            Some(s) => {
                let o = &s.links[link];
                (o.chain.clone(), o.link, o.path.clone())
            }
            None => (Vec::new(), link, entry.article.path.clone()),
        };
        let mut whole = chain.clone();
        whole.push(own);
        if peek::find(&entry.view.peeks, &whole).is_some() {
            self.close_peek(&whole);
            return;
        }
        let date = self.date.clone();
        match look(&self.mirror, &from, own, &page.links[link], Some(&date)) {
            Ok(Found { peek, note }) => {
                let heading = peek.heading.clone();
                let entry = self.history.current_mut();
                if let Some(peeks) = peek::inside_mut(&mut entry.view.peeks, &chain) {
                    peeks.push(peek);
                }
                entry.resplice();
                self.relayout();
                self.peeks_changed();
                self.show_peek(&whole);
                let said = note.unwrap_or_else(|| words::peek::opened(&self.keys(), &heading));
                self.say(&said, false);
            }
            Err(why) => {
                let target = &page.links[link];
                let web = reference::web_address(target, &from).is_some();
                let text = words::followed_dead(&self.keys(), &target.text, &why, web);
                self.say(&text, true);
            }
        }
    }

    /// What `y` and `o` cite from the page `page`: the article a selected reference
    /// is written in (a peek's references are its article's), or, with none
    /// selected, the article read at its own point holding the cursor (a peek's
    /// items are not points of the article read); and that point's block.
    pub(super) fn cited_from(
        &self,
        page: &Rc<Article>,
        selected: Option<usize>,
    ) -> (Rc<Article>, usize) {
        let entry = self.current();
        let cursor = entry.view.cursor;
        if entry.spliced.is_none() {
            return (Rc::clone(page), cursor);
        }
        match selected {
            Some(link) if entry.link_path(link) != entry.article.path => {
                let path = entry.link_path(link).to_owned();
                let num = crate::mirror::number_of_file(&path);
                let written_in = Article {
                    num,
                    path,
                    ..Article::clone(page)
                };
                (Rc::new(written_in), cursor)
            }
            Some(_) => (Rc::clone(page), cursor),
            None => (Rc::clone(&entry.article), entry.own_block(cursor)),
        }
    }

    /// A `/` search kept finds its matches again: the page's blocks are others.
    fn peeks_changed(&mut self) {
        if self.find.is_some() {
            self.refresh_matches();
        }
    }

    /// Scrolls the peek at `chain` into view, its heading and first lines under the
    /// reference, the reference itself kept in view and selected.
    fn show_peek(&mut self, chain: &[usize]) {
        let entry = self.current();
        let Some(s) = entry.spliced.clone() else {
            return;
        };
        let selected = entry.view.selected;
        let heading = s.block_of(&Origin {
            chain: chain.to_vec(),
            block: None,
        });
        self.with_view(|view, page| {
            if let Some(h) = heading {
                let first = (s.blocks.get(h + 1).map(|q| &q.origin.chain[..]) == Some(chain))
                    .then_some(h + 1);
                match first {
                    Some(b) => {
                        let line = view.height_of(page, b).min(2) - 1;
                        view.reveal_line(page, b, line);
                    }
                    None => view.reveal_line(page, h, 0),
                }
            }
            if let Some(link) = selected {
                view.select_link(page, link);
            }
        });
    }

    /// `Esc` with the cursor in a peek: closes the innermost one it is in, its
    /// reference selected again. False when the cursor is in no peek.
    pub(super) fn close_peek_here(&mut self) -> bool {
        let entry = self.current();
        let Some(s) = &entry.spliced else {
            return false;
        };
        let chain = s.blocks[entry.view.cursor].origin.chain.clone();
        if chain.is_empty() {
            return false;
        }
        self.close_peek(&chain);
        true
    }

    /// Closes the peek at `chain` (and those inside it), its reference selected.
    fn close_peek(&mut self, chain: &[usize]) {
        let Some((&own, holder)) = chain.split_last() else {
            return;
        };
        let entry = self.history.current_mut();
        let heading = peek::find(&entry.view.peeks, chain)
            .map(|p| p.heading.clone())
            .unwrap_or_default();
        if let Some(peeks) = peek::inside_mut(&mut entry.view.peeks, holder) {
            peeks.retain(|p| p.link != own);
        }
        entry.resplice();
        let selected = match &entry.spliced {
            Some(s) => s.link_of(holder, own),
            None => Some(own),
        };
        self.relayout();
        self.peeks_changed();
        self.with_view(|view, page| {
            if let Some(link) = selected.filter(|&l| l < page.article.links.len()) {
                view.select_link(page, link);
            }
        });
        self.say(&words::peek::closed(&heading), false);
    }
}

#[cfg(test)]
pub(crate) mod tests;
