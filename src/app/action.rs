//! Everything the user can ask of the reader. Keys map to these (see `keymap`), and
//! `App::update` is the only place that carries them out. The `///` line of each
//! variant is its description on the help screen.

/// A request to the reader.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, strum::EnumMessage, strum::EnumIter, strum::IntoStaticStr,
)]
#[strum(serialize_all = "kebab-case")]
pub enum Action {
    /// Move to the next block, or read on through a long one
    Down,
    /// Move to the previous block, or read back up a long one
    Up,
    /// Scroll the text down a line, the cursor kept on screen
    LineDown,
    /// Scroll the text up a line, the cursor kept on screen
    LineUp,
    /// Scroll one screen down
    PageDown,
    /// Scroll one screen up
    PageUp,
    /// Go to the start of the article
    Top,
    /// Go to the end of the article
    Bottom,
    /// Unfold the item or table; scroll a wide table right
    Unfold,
    /// Fold the item or table, or go up; scroll a wide table left
    FoldOrParent,
    /// Open the selected reference, or fold/unfold item or table
    Activate,
    /// Unfold every item and table
    UnfoldAll,
    /// Fold every item and table
    FoldAll,
    /// Select the next reference
    NextReference,
    /// Select the previous reference
    PrevReference,
    /// Go back to the previous article, as you left it
    Back,
    /// Go forward again after going back
    Forward,
    /// Open the selected reference on Légifrance, in a browser
    OpenInBrowser,
    /// Copy the reference, or the article, as a citation
    Copy,
    /// Copy the text of the item under the cursor, or of the whole article, plain
    CopyText,
    /// Bookmark the article at the point under the cursor
    Bookmark,
    /// List the bookmarks, newest first; Enter opens one at its point
    Bookmarks,
    /// List the articles read, newest first; Enter opens one
    ReadHistory,
    /// Delete the bookmark highlighted in the list of bookmarks
    Delete,
    /// Show the code's table of contents, open at this article
    Contents,
    /// List the articles that cite this one ("cité par")
    CitedBy,
    /// Open the next article of the code, in its table of contents' order
    NextArticle,
    /// Open the previous article of the code
    PrevArticle,
    /// Go to an article by number or by words of a section's title
    GoTo,
    /// Search this article: matches are highlighted as you type, Enter keeps the
    /// search, Esc puts the cursor back
    Find,
    /// Go to the next match of the search (round the end)
    NextMatch,
    /// Go to the previous match of the search
    PrevMatch,
    /// Search the text of the whole mirror (case and accents aside, "a phrase"); Enter
    /// opens an article at its match
    SearchMirror,
    /// A character typed into the go-to prompt; sent for keys while it is open
    Input(char),
    /// Erase the last character of the go-to prompt
    InputBack,
    /// Show this list of keys
    Help,
    /// Close the help, or drop the selected reference
    Cancel,
    /// Quit loi (in the help: close it)
    Quit,
    /// Suspend loi and give the terminal back to the shell; fg resumes it
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
}

impl Action {
    /// The description shown on the help screen: the variant's doc comment.
    pub fn description(self) -> &'static str {
        strum::EnumMessage::get_documentation(&self).unwrap_or_default()
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
                | Action::Resize(..)
                | Action::Idle
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
    fn descriptions_come_from_the_docs() {
        assert_eq!(
            Action::Back.description(),
            "Go back to the previous article, as you left it"
        );
        assert!(!Action::Resize(1, 1).description().is_empty());
    }

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
