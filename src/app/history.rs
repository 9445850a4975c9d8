//! The navigation stack: articles opened one from another, each with the view it had,
//! so that going back finds the scroll, cursor and folds as they were.

use std::rc::Rc;

use crate::app::view::View;
use crate::mirror::state::{Dated, Shown};
use crate::model::article::Article;
use crate::model::state::ArticleMeta;

mod saved;

/// One article on the stack and how it was being read.
#[derive(Debug, Clone)]
pub struct Entry {
    pub article: Rc<Article>,
    pub view: View,
    /// Per reference of the article, whether it leads somewhere; `None` until checked.
    pub resolvable: Option<Vec<bool>>,
    /// The answers so far while [`Entry::resolvable`] is being worked out.
    pub resolving: Vec<bool>,
    /// Per reference checked so far: whether it leads to an article that is not in
    /// force on the reading date.
    pub lapsed: Vec<bool>,
    /// What the mirror knows of the article through time, once looked up; `None` for
    /// a mirror that keeps no dates.
    pub time: Option<Time>,
    /// The reading date the entry was opened for; `None` until it is dated.
    pub on: Option<String>,
}

/// An article through time, as an entry shows it.
#[derive(Debug, Clone)]
pub struct Time {
    pub meta: Rc<ArticleMeta>,
    /// Which text is shown: the file's, another version's, or the file's for want of
    /// the version of the date.
    pub shown: Shown,
    /// When the entry shows what changed: the index of the version compared with the
    /// one shown (the text is then the diff, not an article's).
    pub diff_from: Option<usize>,
}

impl Time {
    /// The index, in `meta.versions`, of the version whose text is shown.
    pub fn version(&self) -> Option<usize> {
        self.shown.version(&self.meta)
    }
}

impl Entry {
    /// A freshly opened article.
    pub fn new(article: Article) -> Entry {
        let view = View::new(&article);
        Entry {
            article: Rc::new(article),
            view,
            resolvable: None,
            resolving: Vec::new(),
            lapsed: Vec::new(),
            time: None,
            on: None,
        }
    }

    /// An article as it reads on `date`, with what the mirror knows of it.
    pub fn dated(dated: Dated, date: &str) -> Entry {
        let mut entry = Entry::new(dated.article);
        entry.time = dated.state.map(|meta| Time {
            meta: Rc::new(meta),
            shown: dated.shown,
            diff_from: None,
        });
        entry.on = Some(date.to_owned());
        entry
    }
}

/// Back and forward through the articles read, as in a browser: opening an article
/// from the middle of the stack drops what was ahead.
#[derive(Debug, Clone)]
pub struct History {
    entries: Vec<Entry>,
    pos: usize,
}

impl History {
    pub fn new(first: Entry) -> History {
        History {
            entries: vec![first],
            pos: 0,
        }
    }

    /// A stack of `entries` showing the one at `pos`; `None` when there is none there.
    pub fn from_entries(entries: Vec<Entry>, pos: usize) -> Option<History> {
        (pos < entries.len()).then_some(History { entries, pos })
    }

    /// Every article on the stack, the first opened first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Forgets which references of every article on the stack lead somewhere, for
    /// them to be checked again: the mirror now knows more (its legacy ids).
    pub fn recheck_references(&mut self) {
        for entry in &mut self.entries {
            entry.resolvable = None;
            entry.resolving.clear();
            entry.lapsed.clear();
        }
    }

    /// Every article on the stack, to re-date them.
    pub fn entries_mut(&mut self) -> &mut [Entry] {
        &mut self.entries
    }

    /// Which of [`History::entries`] is shown.
    pub fn position(&self) -> usize {
        self.pos
    }

    pub fn current(&self) -> &Entry {
        &self.entries[self.pos]
    }

    pub fn current_mut(&mut self) -> &mut Entry {
        &mut self.entries[self.pos]
    }

    /// Opens `entry` after the current one, dropping the forward part. The blank
    /// stand-in of a reader opened on the home is replaced: it was never read, and
    /// Backspace must not lead to it.
    pub fn push(&mut self, entry: Entry) {
        if self.holds_nothing_read() {
            self.entries[0] = entry;
            return;
        }
        self.entries.truncate(self.pos + 1);
        self.entries.push(entry);
        self.pos += 1;
    }

    /// Shows `entry` in place of the current one, dropping the forward part (it was
    /// opened from the one replaced).
    pub fn replace(&mut self, entry: Entry) {
        self.entries.truncate(self.pos + 1);
        self.entries[self.pos] = entry;
    }

    /// Whether the stack holds only the blank stand-in the reader starts with when
    /// it opens on the home: nothing read yet.
    pub fn holds_nothing_read(&self) -> bool {
        self.entries.len() == 1 && self.entries[0].article.path.is_empty()
    }

    /// Steps back; false at the first article.
    pub fn back(&mut self) -> bool {
        if self.pos == 0 {
            return false;
        }
        self.pos -= 1;
        true
    }

    /// Steps forward again; false when nothing is ahead.
    pub fn forward(&mut self) -> bool {
        if self.pos + 1 >= self.entries.len() {
            return false;
        }
        self.pos += 1;
        true
    }

    /// The articles from the first to the current one: the trail in the header.
    pub fn trail(&self) -> impl Iterator<Item = &Entry> {
        self.entries[..=self.pos].iter()
    }

    /// The trail as the header writes it: each article's number, and where the trail
    /// holds several codes, the code's tag before the first article of each run of
    /// one code (`C. trav. L1233-3 › D313-14 › CSS L161-1`), so that a number is never
    /// read in the wrong code.
    pub fn trail_labels(&self) -> Vec<String> {
        let paths = || self.trail().map(|e| e.article.path.as_str());
        let mixed = crate::app::picker::mixes_codes(paths());
        let mut before: Option<&str> = None;
        self.trail()
            .map(|e| {
                let code = e.article.code_slug();
                let label = if mixed && before != Some(code) {
                    format!(
                        "{} {}",
                        crate::app::picker::code_tag(&e.article.path),
                        e.article.num
                    )
                } else {
                    e.article.num.clone()
                };
                before = Some(code);
                label
            })
            .collect()
    }

    /// How many articles are ahead (for the status line).
    pub fn ahead(&self) -> usize {
        self.entries.len() - self.pos - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::Citations;

    fn entry(num: &str) -> Entry {
        Entry::new(Article::parse(
            &format!("c/{num}.md"),
            &format!("# Article {num}\n\n<p>I.-Un.</p><p>1° Deux.</p>"),
            Citations::Now,
        ))
    }

    fn nums(h: &History) -> Vec<String> {
        h.trail().map(|e| e.article.num.clone()).collect()
    }

    #[test]
    fn the_trail_names_a_code_where_it_changes_and_only_when_it_mixes_codes() {
        let at = |path: &str| {
            Entry::new(Article::parse(
                path,
                "# Article X\n\n<p>Un.</p>",
                Citations::Now,
            ))
        };
        let mut h = History::new(at("code-du-travail/l1233-3.md"));
        h.push(at("code-du-travail/d313-14.md"));
        assert_eq!(h.trail_labels(), ["X", "X"], "one code: numbers only");
        h.push(at("code-de-la-securite-sociale/l161-1.md"));
        h.push(at("code-de-la-securite-sociale/l161-2.md"));
        h.push(at("code-du-travail/l1.md"));
        let labels = h.trail_labels();
        let tag = |p: &str| crate::app::picker::code_tag(p);
        assert_eq!(
            labels,
            [
                format!("{} X", tag("code-du-travail/x")),
                "X".to_owned(),
                format!("{} X", tag("code-de-la-securite-sociale/x")),
                "X".to_owned(),
                format!("{} X", tag("code-du-travail/x")),
            ]
        );
        assert_ne!(
            tag("code-du-travail/x"),
            tag("code-de-la-securite-sociale/x")
        );
    }

    #[test]
    fn back_and_forward_keep_views() {
        let mut h = History::new(entry("A"));
        h.current_mut().view.folded[0] = false;
        h.push(entry("B"));
        h.push(entry("C"));
        assert_eq!(nums(&h), ["A", "B", "C"]);
        assert!(h.back() && h.back());
        assert!(!h.back());
        assert_eq!(nums(&h), ["A"]);
        assert!(
            !h.current().view.folded[0],
            "A's unfolded item stays unfolded"
        );
        assert_eq!(h.ahead(), 2);
        assert!(h.forward());
        assert_eq!(h.current().article.num, "B");
    }

    #[test]
    fn replacing_keeps_what_is_behind_and_drops_what_is_ahead() {
        let mut h = History::new(entry("A"));
        h.push(entry("B"));
        h.push(entry("C"));
        h.back();
        h.replace(entry("D"));
        assert_eq!(nums(&h), ["A", "D"]);
        assert_eq!(h.entries().len(), 2);
        assert!(!h.forward());
        assert!(h.back());
        assert_eq!(h.current().article.num, "A");
    }

    #[test]
    fn opening_from_the_middle_drops_the_forward_part() {
        let mut h = History::new(entry("A"));
        h.push(entry("B"));
        h.back();
        h.push(entry("D"));
        assert_eq!(nums(&h), ["A", "D"]);
        assert!(!h.forward());
    }
}
