//! Search in the reader: `/` in the open article (the prompt on the status line,
//! matches found as one types, `n`/`N` from match to match, unfolding what hides
//! one), and `s` in the whole mirror (a prompt over the text, Enter searches, answers
//! listed as a background thread finds them, Enter opens one at its match).

use crate::app::words;
use std::ops::Range;
use std::rc::Rc;

use super::App;
use crate::app::action::Action;
use crate::app::view::View;
use crate::mirror::search::Query;
use crate::model::article::Article;
use crate::model::layout::{Layout, line_text};

/// The `/` search: what is searched, where it matched, and which match is current.
#[derive(Debug, Clone)]
pub struct Find {
    /// What is typed, and where the cursor is in it.
    pub prompt: crate::app::prompt::Prompt,
    pub query: Query,
    /// The prompt is open: keys are text.
    pub typing: bool,
    /// The view before the prompt opened, for Esc.
    saved: Option<View>,
    /// The article the matches are of.
    path: String,
    /// Every match in the article: its block and which of the block's matches it is.
    pub matches: Vec<(usize, usize)>,
    pub current: Option<usize>,
}

impl Find {
    /// The matches, when they are of the article at `path`.
    pub fn matches_of(&self, path: &str) -> &[(usize, usize)] {
        if self.path == path {
            &self.matches
        } else {
            &[]
        }
    }

    /// The current match as (block, its number in the block), if any.
    pub fn current_match(&self, path: &str) -> Option<(usize, usize)> {
        (self.path == path)
            .then(|| self.current.and_then(|c| self.matches.get(c).copied()))
            .flatten()
    }
}

/// The matches of block `block`: for each, its number in the block, a screen line it
/// is on and its byte range in that line's text (a match the wrap cut is on two
/// lines). The lines are joined by a space, as the wrap took one out at each break,
/// so a phrase cut by the wrap is still found.
pub fn line_matches(
    query: &Query,
    layout: &Layout,
    article: &Article,
    block: usize,
) -> Vec<(usize, usize, Range<usize>)> {
    let lines: Vec<String> = layout.lines(article, block).iter().map(line_text).collect();
    let mut starts = Vec::with_capacity(lines.len());
    let mut at = 0;
    for l in &lines {
        starts.push(at);
        at += l.len() + 1;
    }
    let mut out = Vec::new();
    for (k, r) in query.occurrences(&lines.join(" ")).into_iter().enumerate() {
        for (i, &s) in starts.iter().enumerate() {
            let e = s + lines[i].len();
            if r.start < e && r.end > s {
                out.push((k, i, r.start.max(s) - s..r.end.min(e) - s));
            }
        }
    }
    out
}

/// How many matches block `block` has.
fn block_match_count(query: &Query, layout: &Layout, article: &Article, block: usize) -> usize {
    let lines: Vec<String> = layout.lines(article, block).iter().map(line_text).collect();
    query.occurrences(&lines.join(" ")).len()
}

impl App {
    /// Whether the `/` prompt is open.
    pub(super) fn finding(&self) -> bool {
        self.find.as_ref().is_some_and(|f| f.typing)
    }

    /// The `/` prompt, for the status line, while it is open.
    pub fn find_prompt(&self) -> Option<&crate::app::prompt::Prompt> {
        self.find.as_ref().filter(|f| f.typing).map(|f| &f.prompt)
    }

    /// Search keys while the article is read; true when `action` was one.
    pub(super) fn search_key(&mut self, action: Action) -> bool {
        match action {
            Action::Find => {
                self.status = None;
                let saved = self.current().view.clone();
                let path = self.current().article.path.clone();
                let history = self.entries(crate::app::typing::Which::Find);
                self.find = Some(Find {
                    prompt: crate::app::prompt::Prompt::new(history),
                    query: Query::default(),
                    typing: true,
                    saved: Some(saved),
                    path,
                    matches: Vec::new(),
                    current: None,
                });
            }
            Action::NextMatch | Action::PrevMatch => {
                self.status = None;
                self.step_match(action == Action::NextMatch);
            }
            Action::SearchMirror => self.open_mirror_search(),
            // Esc first puts the search away, then (as before) the selected reference.
            Action::Cancel if self.find.is_some() => {
                self.find = None;
                self.status = None;
            }
            _ => return false,
        }
        true
    }

    /// Keys while the `/` prompt is open.
    pub(super) fn update_find_prompt(&mut self, action: Action) {
        let Some(find) = self.find.as_mut() else {
            return;
        };
        match action {
            Action::Activate => {
                find.typing = false;
                find.saved = None;
                if find.query.is_empty() {
                    self.find = None;
                    self.status = None;
                } else {
                    let typed = find.prompt.text().to_owned();
                    self.remember(crate::app::typing::Which::Find, &typed);
                    self.say_match();
                }
            }
            Action::Cancel | Action::Quit => self.cancel_find(),
            _ => {}
        }
    }

    /// The `/` prompt's text changed: its matches found again, the first after the
    /// cursor made current.
    pub(super) fn find_typed(&mut self) {
        let Some(find) = self.find.as_mut() else {
            return;
        };
        find.query = Query::phrase(find.prompt.text());
        // Each key starts again from where the reader was, so that folds opened for
        // an earlier, shorter query close again.
        if let Some(saved) = find.saved.clone() {
            self.history.current_mut().view = saved;
        }
        self.refresh_matches();
        let cursor = self.current().view.cursor;
        let first = self.find.as_ref().and_then(|f| {
            f.matches
                .iter()
                .position(|(b, _)| *b >= cursor)
                .or((!f.matches.is_empty()).then_some(0))
        });
        if let Some(find) = self.find.as_mut() {
            find.current = first;
        }
        self.show_current_match();
        self.say_match();
    }

    fn cancel_find(&mut self) {
        if let Some(saved) = self.find.take().and_then(|f| f.saved) {
            self.history.current_mut().view = saved;
        }
        self.status = None;
    }

    /// Finds the query's matches in the current article (again, after another article
    /// was opened: a search goes on from one article to the next, as in vim).
    fn refresh_matches(&mut self) {
        let article = Rc::clone(&self.history.current().article);
        let Some(find) = self.find.as_mut() else {
            return;
        };
        find.path = article.path.clone();
        find.matches.clear();
        find.current = None;
        let whole: Vec<String> = article.blocks.iter().map(|b| b.plain_text()).collect();
        // The article answers only when every term is in it, as in the mirror search.
        if find.query.find_in_text(&whole.join(" ")).is_none() {
            return;
        }
        for block in 0..article.blocks.len() {
            let n = block_match_count(&find.query, &self.layout, &article, block);
            find.matches.extend((0..n).map(|k| (block, k)));
        }
    }

    /// `n` / `N`: the next or previous match, round the article's end.
    fn step_match(&mut self, forward: bool) {
        let path = self.current().article.path.clone();
        match self.find.as_ref() {
            None => {
                self.say(&words::no_search_yet(&self.keys()), false);
                return;
            }
            Some(f) if f.path != path => {
                self.refresh_matches();
                if let Some(find) = self.find.as_mut() {
                    find.current = (!find.matches.is_empty()).then_some(0);
                }
                self.show_current_match();
                self.say_match();
                return;
            }
            Some(_) => {}
        }
        let cursor = self.current().view.cursor;
        let Some(find) = self.find.as_mut() else {
            return;
        };
        let n = find.matches.len();
        if n == 0 {
            self.say_match();
            return;
        }
        // From the cursor when it moved away from the current match.
        let here = find
            .current
            .filter(|&c| find.matches.get(c).is_some_and(|m| m.0 == cursor));
        find.current = Some(match (here, forward) {
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
            (None, true) => find.matches.iter().position(|m| m.0 > cursor).unwrap_or(0),
            (None, false) => find
                .matches
                .iter()
                .rposition(|m| m.0 < cursor)
                .unwrap_or(n - 1),
        });
        self.show_current_match();
        self.say_match();
    }

    /// Puts the cursor on the current match's block, unfolded, its line in view.
    fn show_current_match(&mut self) {
        let article = Rc::clone(&self.history.current().article);
        let Some((block, k)) = self
            .find
            .as_ref()
            .and_then(|f| f.current_match(&article.path))
        else {
            return;
        };
        let line = self.find.as_ref().map_or(0, |find| {
            line_matches(&find.query, &self.layout, &article, block)
                .into_iter()
                .find(|m| m.0 == k)
                .map_or(0, |m| m.1)
        });
        self.with_view(|view, page| {
            view.reveal_block(page, block);
            view.reveal_line(page, block, line);
        });
    }

    /// `match 3 of 12`, or `no match for …`.
    fn say_match(&mut self) {
        let Some(find) = self.find.as_ref() else {
            return;
        };
        let text = match (find.current, find.matches.len()) {
            _ if find.query.is_empty() => return,
            (_, 0) => words::no_match(find.prompt.text().trim()),
            (Some(c), n) => words::match_of(c + 1, n, find.prompt.text().trim()),
            (None, n) => words::matches(n, find.prompt.text().trim()),
        };
        let error = find.matches.is_empty();
        self.say(&text, error);
    }
}

pub(in crate::app) mod mirror;
#[cfg(test)]
mod tests;

pub use mirror::MirrorSearch;
