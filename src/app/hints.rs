//! Hints (`f`, `F`): a label of a letter or two drawn just before each reference on
//! the screen, typed to follow that reference (or, `F`, to peek at it), as vimium's
//! link hints and lynx's numbered links have it. The mode is a state of the app
//! ([`Hinting`]); the labels are worked out from the view and the layout alone
//! ([`hints`], pure), never from the mirror, so they are there in the frame after the
//! key, and the same screen always gets the same labels, in reading order.
//!
//! Where a label goes: in the cells just before the reference's first character on
//! screen, over the space or the punctuation there. A reference that starts a line
//! has the margin before it: a block's text starts at least [`SIGN_COLUMNS`] past the
//! cursor bar (the fold sign and a space), so a label of two letters fits there and
//! never hides a character of the reference it names.

use std::collections::HashSet;
use std::rc::Rc;

use super::App;
use crate::app::action::Action;
use crate::app::view::{Page, Pos, View};
use crate::app::words;
use crate::model::layout::{SIGN_COLUMNS, VLine, columns, truncate};

#[cfg(test)]
mod app_tests;
#[cfg(test)]
mod tests;

/// The letters labels are made of, the home row first, as vimium and the hands have
/// them: a label of one letter for each while they suffice.
pub const LETTERS: [char; 10] = ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', ';'];

/// What typing a label does with its reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// `f`: follows it, as Enter on it does.
    Follow,
    /// `F`: peeks at it. Until the reader has a peek, selects it, as Tab would.
    Peek,
}

impl Pick {
    /// The action that shows labels for this.
    pub fn action(self) -> Action {
        match self {
            Pick::Follow => Action::FollowHint,
            Pick::Peek => Action::PeekHint,
        }
    }
}

/// The hint mode: on while labels are shown; what to do with the one typed, and the
/// letters of a longer label typed so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hinting {
    pub pick: Pick,
    pub typed: String,
}

/// A reference's label on the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The reference, an index into the article's links.
    pub link: usize,
    pub label: String,
    /// The text row it is drawn on, from the first row of the text (0-based).
    pub row: usize,
    /// The column of the label's first letter, from the screen's left edge; the
    /// reference's own first character is just after the label.
    pub col: usize,
}

/// `n` labels, shortest first, none a prefix of another: one letter each while
/// [`LETTERS`] suffice; past them, the last letters start labels of two (`;a`, `;s`,
/// …), as few of them as it takes, the first letters staying labels of one; and so
/// on to three letters past a hundred. The same `n` always gives the same labels.
pub fn labels(n: usize) -> Vec<String> {
    let k = LETTERS.len();
    let extend = |prefixes: &[String]| -> Vec<String> {
        prefixes
            .iter()
            .flat_map(|p| LETTERS.iter().map(move |c| format!("{p}{c}")))
            .collect()
    };
    // The labels one letter shorter than the longest: all of them, k^(d-1).
    let mut level = vec![String::new()];
    while level.len() * k < n {
        level = extend(&level);
    }
    if level.len() == 1 {
        return extend(&level).into_iter().take(n).collect();
    }
    // Enough of the last ones grow a letter: each that does gives k - 1 more.
    let grown = (n - level.len()).div_ceil(k - 1);
    let kept = level.len() - grown;
    let mut out: Vec<String> = level[..kept].to_vec();
    out.extend(extend(&level[kept..]).into_iter().take(n - kept));
    out
}

/// The labels of the references on the screen `view` shows of page `f`: each
/// reference once, at its first character in view (a reference wrapped over two
/// lines, or whose first line is above the screen, is labelled where it shows
/// first), in reading order, the labels of [`labels`] given in that order. Only what
/// is drawn: a folded item's first line as far as it shows, a table wider than the
/// screen through its window (its kept first column and the columns in view).
pub fn hints(view: &View, f: Page) -> Vec<Hint> {
    let mut seen = HashSet::new();
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (row, pos) in view.visible_lines(f).into_iter().enumerate() {
        for (col, link) in starts(view, f, pos) {
            if seen.insert(link) {
                found.push((row, col, link));
            }
        }
    }
    // Rows top to bottom, and on a row left to right, already: reading order.
    labels(found.len())
        .into_iter()
        .zip(found)
        .map(|(label, (row, col, link))| Hint {
            link,
            col: col.saturating_sub(label.chars().count()),
            label,
            row,
        })
        .collect()
}

/// The screen column of the first character in view of each reference on screen
/// line `pos`, left to right, as `screen/body` draws the line.
fn starts(view: &View, f: Page, pos: Pos) -> Vec<(usize, usize)> {
    let block = &f.article.blocks[pos.block];
    let text_column = f.layout.text_column(block.depth);
    let room = f.layout.room(block.depth);
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut note = |col: usize, link: usize| {
        if !out.iter().any(|&(_, l)| l == link) {
            out.push((text_column + col, link));
        }
    };
    if view.is_folded(f, pos.block) {
        let count = words::hidden_lines(view.hidden_lines(f, pos.block));
        let line = truncate(
            &f.layout.folded_line(f.article, pos.block),
            room.saturating_sub(columns(&count)),
        );
        for (x, link) in link_spans(&line) {
            note(x.start, link);
        }
        return out;
    }
    let line = &f.layout.lines(f.article, pos.block)[pos.line];
    match f.layout.table_shape(f.article, pos.block) {
        Some(shape) if shape.width > room => {
            let seen = shape.seen(view.shift_of(pos.block), room);
            let shown_at = seen.kept + usize::from(seen.left);
            for (x, link) in link_spans(line) {
                // The kept first column, then the columns in view after the sign.
                if x.start < seen.kept {
                    note(x.start, link);
                } else if x.end > seen.shown.start && x.start < seen.shown.end {
                    let first = x.start.max(seen.shown.start);
                    note(shown_at + first - seen.shown.start, link);
                }
            }
        }
        _ => {
            for (x, link) in link_spans(line) {
                note(x.start, link);
            }
        }
    }
    out.sort_unstable();
    out
}

/// The columns of a laid-out line each reference's pieces take, left to right.
fn link_spans(line: &VLine) -> Vec<(std::ops::Range<usize>, usize)> {
    let mut at = 0;
    let mut out = Vec::new();
    for seg in line {
        let w = columns(&seg.text);
        if let Some(link) = seg.link {
            out.push((at..at + w, link));
        }
        at += w;
    }
    out
}

/// Labels fit before a reference at a line's start: its text column is never closer
/// to the screen's edge than the sign's columns.
const _: () = assert!(SIGN_COLUMNS >= 2);

impl App {
    /// The hint mode, while labels are shown.
    pub fn hinting(&self) -> Option<&Hinting> {
        self.hints.as_ref()
    }

    /// The labels over the references on screen, while the hint mode is on; those
    /// that no longer start with the letters typed left out.
    pub fn hints_shown(&self) -> Vec<Hint> {
        let Some(state) = &self.hints else {
            return Vec::new();
        };
        let mut all = hints(&self.current().view, self.page());
        all.retain(|h| h.label.starts_with(&state.typed));
        all
    }

    /// `f` or `F`: labels the references on screen, unless there is none.
    pub(super) fn start_hints(&mut self, pick: Pick) {
        if hints(&self.current().view, self.page()).is_empty() {
            self.say(words::hints::none_on_screen(), false);
            return;
        }
        self.hints = Some(Hinting {
            pick,
            typed: String::new(),
        });
    }

    /// A key while labels are shown; false when it is not the labels' (the mouse, a
    /// paste), which closes them and leaves the action to the reader.
    pub(super) fn hint_key(&mut self, action: Action) -> bool {
        let Some(state) = self.hints.take() else {
            return false;
        };
        match action {
            // The screen changes size: the labels are those of the new screen.
            Action::Resize(..) | Action::Idle | Action::NotOpened(_) => {
                self.hints = Some(state);
                false
            }
            Action::Scroll(_) | Action::Click(..) | Action::Paste(_) => false,
            // Ctrl-C closes them, as it closes a prompt.
            Action::Cancel | Action::Quit => {
                self.status = None;
                true
            }
            Action::Input(c) => {
                self.type_label(state, c);
                true
            }
            _ => {
                self.say(&words::hints::no_such_label(None), false);
                true
            }
        }
    }

    /// Letter `c` typed after `state.typed`: the reference of a label it completes is
    /// followed (or peeked at); a label it only starts narrows them; else the labels
    /// close, the status line saying why.
    fn type_label(&mut self, mut state: Hinting, c: char) {
        state.typed.extend(c.to_lowercase());
        let all = hints(&self.current().view, self.page());
        if let Some(hint) = all.iter().find(|h| h.label == state.typed) {
            let (block, link) = (self.current().article.links[hint.link].block, hint.link);
            self.status = None;
            self.with_view(|view, _| {
                view.set_cursor(block);
                view.selected = Some(link);
            });
            let article = Rc::clone(&self.current().article);
            match state.pick {
                Pick::Follow => self.open_link(&article, link),
                // Where the peek is to be called once the reader has one: as `K` on
                // the reference now selected.
                Pick::Peek => {
                    self.status = Some(super::follow::describe_link(
                        &self.keys(),
                        &self.mirror,
                        &article,
                        link,
                        (&self.date, &self.today),
                    ));
                }
            }
        } else if all.iter().any(|h| h.label.starts_with(&state.typed)) {
            self.hints = Some(state);
        } else {
            self.say(&words::hints::no_such_label(Some(c)), false);
        }
    }
}
