//! What each action does, as the help says it.

use crate::app::action::Action;

/// What `action` does, in the words of the help screen.
pub fn describe(action: Action) -> &'static str {
    match action {
        Action::Down => "Move to the next block, or read on through a long one",
        Action::Up => "Move to the previous block, or read back up a long one",
        Action::LineDown => "Scroll the text down a line, the cursor kept on screen",
        Action::LineUp => "Scroll the text up a line, the cursor kept on screen",
        Action::PageDown => "Scroll one screen down",
        Action::PageUp => "Scroll one screen up",
        Action::Top => "Go to the start of the article",
        Action::Bottom => "Go to the end of the article",
        Action::Unfold => "Unfold the item or table; scroll a wide table right",
        Action::FoldOrParent => "Fold the item or table, or go up; scroll a wide table left",
        Action::Activate => "Open the selected reference, or fold/unfold item or table",
        Action::UnfoldAll => "Unfold every item and table",
        Action::FoldAll => "Fold every item and table",
        Action::NextReference => "Select the next reference",
        Action::PrevReference => "Select the previous reference",
        Action::Back => "Go back to the previous article, as you left it",
        Action::Forward => "Go forward again after going back",
        Action::OpenInBrowser => "Open the selected reference on Légifrance, in a browser",
        Action::Copy => "Copy the reference, or the article, as a citation",
        Action::CopyText => {
            "Copy the text of the item under the cursor, or of the whole article, plain"
        }
        Action::Bookmark => "Bookmark the article at the point under the cursor",
        Action::Bookmarks => "List the bookmarks, newest first; Enter opens one at its point",
        Action::ReadHistory => "List the articles read, newest first; Enter opens one",
        Action::Delete => "Delete the bookmark highlighted in the list of bookmarks",
        Action::Contents => "Show the code's table of contents, open at this article",
        Action::CitedBy => "List the articles that cite this one (\"cité par\")",
        Action::Versions => "List the article's versions and their dates; Enter opens one",
        Action::Changes => "List the texts that created or changed the article",
        Action::Compare => "Show what changed in this version, word by word",
        Action::ReadAt => "Read the law as of a date (each article at its version then)",
        Action::NextArticle => "Open the next article of the code, in its table of contents' order",
        Action::PrevArticle => "Open the previous article of the code",
        Action::GoTo => "Go to an article by number or by words of a section's title",
        Action::Find => {
            "Search this article: matches are highlighted as you type, Enter keeps the search, Esc puts the cursor back"
        }
        Action::NextMatch => "Go to the next match of the search (round the end)",
        Action::PrevMatch => "Go to the previous match of the search",
        Action::SearchMirror => {
            "Search the text of the whole mirror (case and accents aside, \"a phrase\"); Enter opens an article at its match"
        }
        Action::Help => "Show this list of keys",
        Action::Cancel => "Close the help, or drop the selected reference",
        Action::Quit => "Quit loi (in the help: close it)",
        Action::Suspend => "Suspend loi and give the terminal back to the shell; fg resumes it",
        // Sent by the event loop or typed into a prompt: no key is bound to them, and the help never lists them.
        Action::Input(_)
        | Action::InputBack
        | Action::Edit(_)
        | Action::Paste(_)
        | Action::Resize(..)
        | Action::Scroll(_)
        | Action::Click(..)
        | Action::Idle => "",
    }
}

#[cfg(test)]
mod tests {
    use super::describe;
    use crate::app::action::Action;

    #[test]
    fn every_action_a_key_can_have_is_described_once() {
        let bindable: Vec<Action> = <Action as strum::IntoEnumIterator>::iter()
            .filter(|a| a.bindable())
            .collect();
        let mut seen: Vec<&str> = Vec::new();
        for a in bindable {
            let text = describe(a);
            assert!(!text.is_empty(), "{a:?} has no description");
            assert!(!seen.contains(&text), "{a:?} says what another says");
            seen.push(text);
        }
    }
}
