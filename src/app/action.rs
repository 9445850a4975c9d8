//! Everything the user can ask of the reader. Keys map to these (see `keymap`), and
//! `App::update` is the only place that carries them out. What each does, in the
//! user's words, is `words::describe`.

/// A request to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Action {
    Down,
    Up,
    LineDown,
    LineUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    Unfold,
    FoldOrParent,
    Activate,
    UnfoldAll,
    FoldAll,
    NextReference,
    PrevReference,
    Back,
    Forward,
    OpenInBrowser,
    Copy,
    CopyText,
    Bookmark,
    Bookmarks,
    ReadHistory,
    /// Write the articles read in this run as a Markdown file (the dossier)
    Dossier,
    Delete,
    Contents,
    /// The home: the list of the mirror's codes
    Home,
    CitedBy,
    /// The versions of the article, and its dates
    Versions,
    /// The texts that created or changed the article
    Changes,
    /// What changed in the version shown, against the one before it
    Compare,
    /// Read the law as of another date
    ReadAt,
    NextArticle,
    PrevArticle,
    GoTo,
    Find,
    NextMatch,
    PrevMatch,
    SearchMirror,
    /// In a list of articles: show them in the codes' order (the code read first, each
    /// code in the order of its contents), or back in the order they came
    CodeOrder,
    /// In the list of a search: search again, kept to the highlighted answer's code
    KeepToCode,
    /// Label the references on screen; typing a label follows its reference
    FollowHint,
    /// Label the references on screen; typing a label peeks at its reference
    PeekHint,
    /// Show the selected reference's text under it, or close that peek
    Peek,
    /// A character typed into the go-to prompt; sent for keys while it is open
    Input(char),
    /// Erase the character before the cursor of the prompt open
    InputBack,
    /// Move the cursor of the prompt open, delete around it, or recall an entry
    Edit(crate::app::prompt::Edit),
    /// A bracketed paste, as the event loop sends it: its start, its characters, its
    /// end; the app takes the text as text, never as keys
    Paste(Paste),
    Help,
    Cancel,
    Quit,
    Suspend,
    /// The terminal changed size (columns, rows); sent by the event loop, not by a key
    Resize(u16, u16),
    /// Scroll the text by this many lines, down when positive, the cursor kept on
    /// screen; sent by the event loop for the mouse wheel (3 lines a notch)
    Scroll(i16),
    /// A left click at this screen cell (column, row): opens the reference there,
    /// folds or unfolds the item whose sign is there, or puts the cursor on the block;
    /// sent by the event loop for the mouse
    Click(u16, u16),
    /// No key is waiting: time for slow work such as checking where references lead;
    /// sent by the event loop, not by a key
    Idle,
    /// No browser opened an address `o` asked for; sent by the event loop
    NotOpened(crate::app::effect::NotOpened),
}

/// A piece of a bracketed paste (see [`Action::pasted`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paste {
    #[default]
    Start,
    Char(char),
    End,
}

/// The most characters of a paste sent on to the app: past a prompt's own limit, so
/// that the app sees it was cut, and short enough that a paste of a whole file does
/// not stall the reader.
const PASTE_LIMIT: usize = 4 * crate::app::prompt::MAX_CHARS;

impl Action {
    /// The actions that carry pasted `text` to the app: a start, its characters (at
    /// most a few thousand), an end. The actions stay plain values (the keymap's
    /// tables hold them), so the text goes a character at a time, and the app gathers
    /// it between the start and the end.
    pub fn pasted(text: &str) -> impl Iterator<Item = Action> + '_ {
        std::iter::once(Action::Paste(Paste::Start))
            .chain(
                text.chars()
                    .take(PASTE_LIMIT)
                    .map(|c| Action::Paste(Paste::Char(c))),
            )
            .chain(std::iter::once(Action::Paste(Paste::End)))
    }

    /// The name `config.toml` knows the action by: `page-down`, `copy-text`.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Whether a key can be bound to it (not the prompt's typing, not the event
    /// loop's own actions, not the mouse's).
    pub fn bindable(self) -> bool {
        !matches!(
            self,
            Action::Input(_)
                | Action::InputBack
                | Action::Edit(_)
                | Action::Paste(_)
                | Action::Resize(..)
                | Action::Idle
                | Action::NotOpened(_)
                | Action::Scroll(_)
                | Action::Click(..)
        )
    }

    /// The action a key can be bound to by this name, in any case, with or without
    /// dashes or underscores: `page-down`, `PageDown`, `page_down`.
    pub fn from_name(name: &str) -> Option<Action> {
        let squeeze = |s: &str| -> String {
            s.chars()
                .filter(|c| !matches!(c, '-' | '_' | ' '))
                .flat_map(char::to_lowercase)
                .collect()
        };
        let wanted = squeeze(name);
        <Action as strum::IntoEnumIterator>::iter()
            .filter(|a| a.bindable())
            .find(|a| squeeze(a.name()) == wanted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bindable_action_has_a_name_that_finds_it() {
        for a in <Action as strum::IntoEnumIterator>::iter().filter(|a| a.bindable()) {
            assert_eq!(Action::from_name(a.name()), Some(a), "{}", a.name());
        }
        assert_eq!(Action::from_name("PageDown"), Some(Action::PageDown));
        assert_eq!(Action::from_name("copy_text"), Some(Action::CopyText));
        assert_eq!(Action::from_name("idle"), None);
        assert_eq!(Action::from_name("fly"), None);
    }
}
