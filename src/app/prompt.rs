//! A one-line prompt's text as a shell edits it: a cursor inside the text, moves by
//! character and by word, deletions around the cursor, text inserted where the cursor
//! is, earlier entries recalled (readline's `previous-history`), and the part of a
//! long text a narrow prompt shows. Pure: `app` routes keys here, `screen` draws
//! [`Prompt::window`], `saved::prompts` keeps the entries across runs.

use unicode_width::UnicodeWidthChar;

/// The most characters a prompt holds: a citation or a few words, with room to spare;
/// what a paste brings past it is cut.
pub const MAX_CHARS: usize = 1000;

/// An edit of the prompt's text or a move of its cursor (readline's names in brackets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Edit {
    /// A character left (`backward-char`).
    #[default]
    Left,
    /// A character right (`forward-char`).
    Right,
    /// To the start (`beginning-of-line`).
    Home,
    /// To the end (`end-of-line`).
    End,
    /// To the start of the word before the cursor (`backward-word`).
    WordLeft,
    /// To the end of the word after the cursor (`forward-word`).
    WordRight,
    /// Delete the character under the cursor (`delete-char`).
    Delete,
    /// Delete from the start to the cursor (`unix-line-discard`).
    KillToStart,
    /// Delete from the cursor to the end (`kill-line`).
    KillToEnd,
    /// Delete the word before the cursor, up to a space (`unix-word-rubout`).
    KillWordBack,
    /// Delete to the end of the word after the cursor (`kill-word`).
    KillWordForward,
    /// The entry before the one shown (`previous-history`).
    Older,
    /// The entry after it, and after the newest the line being typed (`next-history`).
    Newer,
}

/// The text, the cursor, and the entries it may recall.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Prompt {
    text: String,
    /// A byte offset into `text`, always on a character boundary.
    cursor: usize,
    /// Earlier entries of this prompt, oldest first.
    history: Vec<String>,
    /// While an entry is recalled: which (an index into `history`) and the line that
    /// was being typed before the first recall, given back past the newest.
    recalled: Option<(usize, String)>,
}

/// What a prompt `width` columns wide shows: the text before the cursor and after
/// it, and whether more is hidden on either side.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Window {
    pub more_left: bool,
    pub before: String,
    pub after: String,
    pub more_right: bool,
}

impl Prompt {
    /// An empty prompt that recalls `history` (oldest first), each entry cleaned as a
    /// paste is.
    pub fn new(history: Vec<String>) -> Prompt {
        let history = history
            .iter()
            .map(|e| clean_paste(e, MAX_CHARS))
            .filter(|e| !e.is_empty())
            .collect();
        Prompt {
            history,
            ..Prompt::default()
        }
    }

    /// A prompt holding `text` (cleaned as a paste is), the cursor at its end.
    pub fn with_text(text: &str) -> Prompt {
        let mut p = Prompt::default();
        p.insert_text(text);
        p
    }

    /// Puts `text` (cleaned as a paste is) in place of what is typed, the cursor at
    /// its end, the entries it recalls kept.
    pub fn set_text(&mut self, text: &str) {
        self.text.clear();
        self.cursor = 0;
        self.insert_text(text);
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, as a byte offset into [`Prompt::text`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The entries it recalls, oldest first.
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// Types `c` at the cursor; a control character is no text and is dropped.
    /// Returns whether the text changed.
    pub fn insert(&mut self, c: char) -> bool {
        if c.is_control() || self.text.chars().count() >= MAX_CHARS {
            return false;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        self.recalled = None;
        true
    }

    /// Inserts pasted `text` at the cursor as text: line breaks and tabs become
    /// spaces (the ends' line breaks dropped), other control characters are dropped,
    /// and what would take the prompt past [`MAX_CHARS`] is cut. Returns whether the
    /// text changed.
    pub fn insert_text(&mut self, text: &str) -> bool {
        let room = MAX_CHARS.saturating_sub(self.text.chars().count());
        let clean = clean_paste(text, room);
        if clean.is_empty() {
            return false;
        }
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
        self.recalled = None;
        true
    }

    /// Deletes the character before the cursor (Backspace); false when there is none.
    pub fn backspace(&mut self) -> bool {
        let Some(c) = self.text[..self.cursor].chars().next_back() else {
            return false;
        };
        self.cursor -= c.len_utf8();
        self.text.remove(self.cursor);
        self.recalled = None;
        true
    }

    /// Carries out `edit`. Returns whether the text changed (a move only moves the
    /// cursor).
    pub fn edit(&mut self, edit: Edit) -> bool {
        let (text, at) = (&self.text, self.cursor);
        match edit {
            Edit::Left => {
                self.cursor = prev_char(text, at);
                false
            }
            Edit::Right => {
                self.cursor = next_char(text, at);
                false
            }
            Edit::Home => {
                self.cursor = 0;
                false
            }
            Edit::End => {
                self.cursor = text.len();
                false
            }
            Edit::WordLeft => {
                self.cursor = word_start(text, at);
                false
            }
            Edit::WordRight => {
                self.cursor = word_end(text, at);
                false
            }
            Edit::Delete => self.cut(at, next_char(text, at)),
            Edit::KillToStart => self.cut(0, at),
            Edit::KillToEnd => self.cut(at, text.len()),
            // As bash's Ctrl-W: back over spaces, then to the space before the word.
            Edit::KillWordBack => {
                let trimmed = text[..at].trim_end_matches(char::is_whitespace).len();
                let start = text[..trimmed]
                    .rfind(char::is_whitespace)
                    .map_or(0, |i| next_char(text, i));
                self.cut(start, at)
            }
            Edit::KillWordForward => self.cut(at, word_end(text, at)),
            Edit::Older => self.recall(true),
            Edit::Newer => self.recall(false),
        }
    }

    /// Removes `from..to` (a range of character boundaries, possibly empty), the
    /// cursor put at `from`.
    fn cut(&mut self, from: usize, to: usize) -> bool {
        if from >= to {
            return false;
        }
        self.text.replace_range(from..to, "");
        self.cursor = from;
        self.recalled = None;
        true
    }

    /// Shows the entry before (`older`) or after the one shown, as a shell's ↑/↓: the
    /// first ↑ keeps the line being typed, ↓ past the newest gives it back. Returns
    /// whether the text changed.
    fn recall(&mut self, older: bool) -> bool {
        let n = self.history.len();
        let next = match (&self.recalled, older) {
            (None, true) if n > 0 => Some(n - 1),
            (None, _) => return false,
            (Some((at, _)), true) => Some(at.saturating_sub(1)),
            (Some((at, _)), false) if at + 1 < n => Some(at + 1),
            (Some(_), false) => None,
        };
        let draft = match self.recalled.take() {
            Some((_, draft)) => draft,
            None => self.text.clone(),
        };
        let shown = match next {
            Some(at) => {
                let entry = self.history[at].clone();
                self.recalled = Some((at, draft));
                entry
            }
            None => draft,
        };
        let changed = shown != self.text;
        self.text = shown;
        self.cursor = self.text.len();
        changed
    }

    /// What a prompt `width` columns wide shows, the cursor taking a column of its
    /// own. A text that fits is shown whole; a longer one scrolls by half the width,
    /// as readline's horizontal mode does, so that the cursor stays in view and the
    /// text does not move at each key; `‹` and `›` (a column each) say what is hidden.
    pub fn window(&self, width: usize) -> Window {
        let cols: Vec<(usize, char)> = self.text.char_indices().collect();
        let w = |c: char| c.width().unwrap_or(0);
        let total: usize = cols.iter().map(|&(_, c)| w(c)).sum();
        let at: usize = self.text[..self.cursor].chars().map(w).sum();
        if total < width {
            return Window {
                before: self.text[..self.cursor].to_owned(),
                after: self.text[self.cursor..].to_owned(),
                ..Window::default()
            };
        }
        // Room for the text once the markers and the cursor have theirs (a wide
        // character needs two).
        let room = width.saturating_sub(3).max(2);
        let step = (room / 2).max(1);
        let mut start = 0;
        while at >= start + room {
            start += step;
        }
        let mut shown = Window {
            more_left: start > 0,
            ..Window::default()
        };
        let mut col = 0;
        for &(i, c) in &cols {
            let cw = w(c);
            if col < start {
                col += cw;
                continue;
            }
            if col + cw > start + room {
                shown.more_right = true;
                break;
            }
            if i < self.cursor {
                shown.before.push(c);
            } else {
                shown.after.push(c);
            }
            col += cw;
        }
        shown
    }
}

/// `text` as a prompt takes a paste: line breaks at its ends dropped, the others and
/// tabs a space, other control characters dropped, at most `room` characters.
pub fn clean_paste(text: &str, room: usize) -> String {
    text.trim_matches(['\r', '\n'])
        .chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .take(room)
        .collect()
}

fn prev_char(text: &str, at: usize) -> usize {
    text[..at]
        .chars()
        .next_back()
        .map_or(at, |c| at - c.len_utf8())
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(at, |c| at + c.len_utf8())
}

/// Letters and digits make words, as readline's Alt-B and Alt-F have them
/// (`L. 6123-1`: `L`, `6123`, `1`).
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// The start of the word before `at`, over what is not a word first.
fn word_start(text: &str, at: usize) -> usize {
    let mut i = at;
    let mut seen_word = false;
    for c in text[..at].chars().rev() {
        if is_word(c) {
            seen_word = true;
        } else if seen_word {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

/// The end of the word after `at`, over what is not a word first.
fn word_end(text: &str, at: usize) -> usize {
    let mut i = at;
    let mut seen_word = false;
    for c in text[at..].chars() {
        if is_word(c) {
            seen_word = true;
        } else if seen_word {
            break;
        }
        i += c.len_utf8();
    }
    i
}

#[cfg(test)]
mod tests;
