//! The words of the prompts' editing keys and of a paste: the help's section on the
//! keys of a prompt, and what the status line says of a paste.

use crate::app::action::Action;
use crate::app::prompt::Edit;
use crate::app::words::Keys;

/// The title of the help's section on a prompt's keys.
pub const PROMPT_KEYS_TITLE: &str = "In a prompt (go-to, search, date)";

/// What a key of a prompt does, in the words of the help (see `keymap::TYPING`).
pub fn describe_typing(action: Action) -> &'static str {
    match action {
        Action::Activate => "Go, search or set the date, as the prompt asks",
        Action::Cancel => "Close the prompt",
        Action::Edit(Edit::Left) => "Move the cursor a character left",
        Action::Edit(Edit::Right) => "Move the cursor a character right",
        Action::Edit(Edit::WordLeft) => "Move the cursor to the start of the word before it",
        Action::Edit(Edit::WordRight) => "Move the cursor to the end of the word after it",
        Action::Edit(Edit::Home) => "Move the cursor to the start",
        Action::Edit(Edit::End) => "Move the cursor to the end",
        Action::InputBack => "Delete the character before the cursor",
        Action::Edit(Edit::Delete) => "Delete the character under the cursor",
        Action::Edit(Edit::KillWordBack) => "Delete the word before the cursor",
        Action::Edit(Edit::KillWordForward) => "Delete the word after the cursor",
        Action::Edit(Edit::KillToStart) => "Delete from the start to the cursor",
        Action::Edit(Edit::KillToEnd) => "Delete from the cursor to the end",
        Action::Down => {
            "Next answer in the list; with no answer listed, a later entry of this prompt"
        }
        Action::Up => {
            "Previous answer in the list; with no answer listed, an earlier entry of this prompt (kept across runs)"
        }
        Action::Edit(Edit::Older) => "An earlier entry of this prompt, even with answers listed",
        Action::Edit(Edit::Newer) => "A later entry, then back to the line being typed",
        Action::PageDown => "A page down the list of answers",
        Action::PageUp => "A page up the list of answers",
        Action::Quit => "Close the prompt too (pressed again, quit loi)",
        Action::Suspend => "Suspend loi, as outside a prompt",
        _ => "",
    }
}

/// The help's line on pasting.
pub const PASTE_HELP: &str = "A paste is text, never keys: in a prompt it goes where the cursor is; on the article it opens go-to with it, and the article it names if only one";

/// A paste where nothing takes text (a list, the help, the contents).
pub fn paste_nowhere(keys: &Keys) -> String {
    match keys.of(Action::Cancel) {
        Some(k) => format!("A paste goes into a prompt or onto the article: {k} closes this first"),
        None => "A paste goes into a prompt or onto the article".to_owned(),
    }
}
