//! Keys while a prompt is open (go-to, `/`, `s`, `@`), and pastes: the text is edited
//! by `prompt::Prompt` whichever prompt it is, then the prompt that changed answers
//! (go-to lists again, `/` finds again); an entry accepted is kept for ↑ to recall
//! (`saved::prompts`). A paste is gathered between its start and its end, then taken
//! as text: into the prompt open, or onto the article as go-to's text.

use super::{App, Overlay};
use crate::app::action::{Action, Paste};
use crate::app::picker::{Listing, Picker};
use crate::app::prompt::{Edit, Prompt};
use crate::app::words;

/// The prompts, each with entries of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Which {
    GoTo,
    Find,
    Search,
    Date,
}

impl Which {
    /// Its name in `prompts.json`: the name of the action that opens it.
    fn name(self) -> &'static str {
        match self {
            Which::GoTo => Action::GoTo.name(),
            Which::Find => Action::Find.name(),
            Which::Search => Action::SearchMirror.name(),
            Which::Date => Action::ReadAt.name(),
        }
    }
}

impl App {
    /// The prompt open, if any: its text, cursor and entries.
    pub fn prompt(&self) -> Option<&Prompt> {
        if let Some(find) = self.find.as_ref().filter(|f| f.typing) {
            return Some(&find.prompt);
        }
        self.picker().and_then(|p| p.query.as_ref())
    }

    /// The prompt open and which it is.
    fn prompt_mut(&mut self) -> Option<(Which, &mut Prompt)> {
        if let Some(find) = self.find.as_mut().filter(|f| f.typing) {
            return Some((Which::Find, &mut find.prompt));
        }
        match self.overlay.as_mut() {
            Some(Overlay::Search(p, _)) => p.query.as_mut().map(|q| (Which::Search, q)),
            Some(Overlay::List(p)) => {
                let which = if p.listing == Listing::Date {
                    Which::Date
                } else {
                    Which::GoTo
                };
                p.query.as_mut().map(|q| (which, q))
            }
            _ => None,
        }
    }

    /// The entries of `which` kept from earlier, oldest first (none without a data
    /// folder).
    pub(super) fn entries(&self, which: Which) -> Vec<String> {
        self.files
            .as_ref()
            .map(|f| crate::saved::prompts::load(&f.prompts, which.name()))
            .unwrap_or_default()
    }

    /// Keeps `text`, accepted in `which`, for ↑ to recall. A failure to write it is
    /// not said: the status line is saying what the entry did, and a prompt's history
    /// is a convenience, not the user's work.
    pub(super) fn remember(&mut self, which: Which, text: &str) {
        if let Some(files) = self.files.as_ref() {
            let _ = crate::saved::prompts::add(&files.prompts, which.name(), text);
        }
    }

    /// The go-to prompt, open over the article.
    pub(super) fn open_goto(&mut self) {
        let picker = Picker::prompt(self.entries(Which::GoTo));
        self.overlay = Some(Overlay::List(picker));
        self.say(words::goto_prompt(), false);
    }

    /// Carries out `action` if it is a prompt's editing, while one is open; returns
    /// whether it was. ↑/↓ recall entries where there is no list to move in.
    pub(super) fn typing_key(&mut self, action: Action) -> bool {
        if matches!(action, Action::Up | Action::Down) {
            self.answer_due();
        }
        let listed = self.picker().is_some_and(|p| !p.items.is_empty());
        let action = match action {
            Action::Up if !listed => Action::Edit(Edit::Older),
            Action::Down if !listed => Action::Edit(Edit::Newer),
            other => other,
        };
        let Some((which, prompt)) = self.prompt_mut() else {
            return false;
        };
        let changed = match action {
            Action::Input(c) => prompt.insert(c),
            Action::InputBack => {
                let empty = prompt.text().is_empty();
                let changed = prompt.backspace();
                // Backspace on an empty `/` prompt closes it, as in less and vim.
                if empty && which == Which::Find {
                    self.update_find_prompt(Action::Cancel);
                    return true;
                }
                changed
            }
            Action::Edit(edit) => prompt.edit(edit),
            _ => return false,
        };
        if changed {
            self.prompt_changed(which);
        }
        true
    }

    /// What a prompt does when its text changed. Go-to and `/` answer later, once
    /// the keys pause ([`App::answer_due`]): each key is drawn at once however long
    /// the answer takes, and keys typed or held faster than it cost one answer, not
    /// one each.
    fn prompt_changed(&mut self, which: Which) {
        match which {
            Which::GoTo | Which::Find => self.due = Some(which),
            Which::Search => self.say(&words::search_to_start(), false),
            Which::Date => {}
        }
    }

    /// The prompt whose text changed answers it now: go-to lists, `/` finds.
    pub(super) fn answer_due(&mut self) {
        let Some(which) = self.due.take() else {
            return;
        };
        // Only the prompt that changed, if it is still open.
        if self.prompt_mut().map(|(open, _)| open) != Some(which) {
            return;
        }
        match which {
            Which::GoTo => self.goto_answers(),
            Which::Find => self.find_typed(),
            Which::Search | Which::Date => {}
        }
    }

    /// Whether a prompt's answers are waiting for the keys to pause: the loop's idle
    /// turn gives them.
    pub fn answers_due(&self) -> bool {
        self.due.is_some()
    }

    /// A piece of a paste: gathered until its end, then taken as text.
    pub(super) fn paste_piece(&mut self, piece: Paste) {
        match piece {
            Paste::Start => self.pasting = Some(String::new()),
            Paste::Char(c) => {
                if let Some(text) = self.pasting.as_mut() {
                    text.push(c);
                }
            }
            Paste::End => {
                if let Some(text) = self.pasting.take() {
                    self.paste(&text);
                }
            }
        }
    }

    /// Pasted `text`: into the prompt open, at its cursor; onto the article, as
    /// go-to's text, and the article opened at once when go-to's answers name one
    /// (Enter would open it); never keys.
    fn paste(&mut self, text: &str) {
        if let Some((which, prompt)) = self.prompt_mut() {
            if prompt.insert_text(text) {
                self.prompt_changed(which);
            }
            return;
        }
        if self.overlay.is_some() {
            self.say(&words::prompt::paste_nowhere(&self.keys()), false);
            return;
        }
        self.open_goto();
        let Some((which, prompt)) = self.prompt_mut() else {
            return;
        };
        if !prompt.insert_text(text) {
            return;
        }
        self.prompt_changed(which);
        // Whether the paste names an article is in the answers: they are needed now.
        self.answer_due();
        let here = self.history.current().article.code_slug().to_owned();
        let Some(Overlay::List(picker)) = self.overlay.as_mut() else {
            return;
        };
        if let Some(at) = named_alone(picker, &here) {
            picker.selected = at;
            self.update_picker(Action::Activate);
        }
    }
}

/// Which of go-to's answers the text names alone: the only answer, or the only one
/// whose number is the text's (`L. 6123-1` lists L6123-1, then L6123-10…), the text
/// read as a citation (`art. L. 6123-1 C. trav.`: its number, its code's answers);
/// of a number in several codes and no code named, the one of the code being read
/// (`here`), as a brief's « article L. 1234-9 » means the code it is about, and as
/// go-to lists it first for Enter.
fn named_alone(picker: &Picker, here: &str) -> Option<usize> {
    if picker.items.len() == 1 {
        return Some(0);
    }
    let text = picker.query.as_ref()?.text();
    let num =
        crate::mirror::goto::citation(text).map_or_else(|| text.to_owned(), |cited| cited.num);
    let typed = crate::mirror::number_slug(&num);
    let exact: Vec<usize> = picker
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| {
            let stem = item.path.rsplit('/').next().unwrap_or_default();
            stem.strip_suffix(".md") == Some(typed.as_str())
        })
        .map(|(at, _)| at)
        .collect();
    let in_here: Vec<usize> = exact
        .iter()
        .copied()
        .filter(|&at| picker.items[at].path.split('/').next() == Some(here))
        .collect();
    match (exact.as_slice(), in_here.as_slice()) {
        ([one], _) | (_, [one]) => Some(*one),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
