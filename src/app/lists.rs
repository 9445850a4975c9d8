//! Keys while a list of articles is shown: a range's articles, the go-to prompt's
//! answers, the codes that hold a number, bookmarks and the articles read.

use super::{App, Overlay};
use crate::app::action::Action;
use crate::app::picker::{Listing, Picker};
use crate::app::typing::Which;
use crate::app::words;
use crate::mirror::goto::{self, Trouble};

impl App {
    /// Offers a choice of articles of the same number in several codes (the first is
    /// the one shown, in the meantime); nothing when there is no choice to make.
    /// Returns whether it offered one.
    pub fn offer(&mut self, paths: Vec<String>) -> bool {
        if paths.len() < 2 {
            return false;
        }
        let num = crate::mirror::number_of_file(&paths[0]);
        let title = words::which_code(&num, paths.len());
        self.overlay = Some(Overlay::List(Picker::of_codes(title, paths)));
        true
    }

    /// Keys while the list of a range is shown.
    pub(super) fn update_picker(&mut self, action: Action) {
        let page = self.text_height().saturating_sub(2).max(1) as isize;
        let Some(Overlay::List(picker)) = self.overlay.as_mut() else {
            return;
        };
        match action {
            Action::Activate if picker.listing == Listing::Date => {
                let typed = picker.query.as_ref().map(|q| q.text().to_owned());
                let typed = typed.unwrap_or_default();
                self.overlay = None;
                self.status = None;
                if typed.trim().is_empty() {
                    self.set_date(self.today.clone());
                    return;
                }
                match crate::model::date::parse(&typed) {
                    Some(date) => {
                        self.remember(Which::Date, &typed);
                        self.set_date(date);
                    }
                    None => self.say(&words::not_a_date(&typed), true),
                }
            }
            Action::OpenInBrowser | Action::Copy
                if matches!(picker.listing, Listing::Versions | Listing::Changes) =>
            {
                let selected = picker.selected;
                let listing = picker.listing;
                self.share_listed(listing, selected, action == Action::Copy);
            }
            Action::Down => picker.step(1),
            Action::Up => picker.step(-1),
            Action::PageDown => picker.step(page),
            Action::PageUp => picker.step(-page),
            Action::Top => picker.step(isize::MIN),
            Action::Bottom => picker.step(isize::MAX),
            Action::Activate | Action::Unfold => {
                let item = picker.current().cloned();
                let selected = picker.selected;
                let listing = picker.listing;
                let typed = picker.query.as_ref().map(|q| q.text().to_owned());
                // A citation typed names its point too (`L. 1233-3, 2°`): the article
                // chosen opens there.
                let point = typed
                    .as_deref()
                    .and_then(goto::citation)
                    .map(|cited| cited.point)
                    .unwrap_or_default();
                self.overlay = None;
                self.status = None;
                if let Some(item) = item {
                    if let Some(typed) = typed {
                        self.remember(Which::GoTo, &typed);
                    }
                    if listing == Listing::Versions {
                        if let Some(v) = item.version {
                            self.open_version(&item.path, v);
                        }
                        return;
                    }
                    if listing == Listing::Changes {
                        self.share_listed(listing, selected, false);
                        return;
                    }
                    if listing == Listing::Codes {
                        self.open_instead(&item.path);
                        return;
                    }
                    self.open_path(&item.path, &point);
                    if let Some(block) = item.block
                        && self.current().article.path == item.path
                    {
                        self.reveal(block);
                    }
                }
            }
            Action::Quit | Action::Cancel | Action::FoldOrParent | Action::Back => {
                let listing = picker.listing;
                self.overlay = None;
                self.status = None;
                // No choice made: the article shown meanwhile is the one read.
                if listing == Listing::Codes {
                    self.note_read();
                }
            }
            Action::Delete if picker.listing == Listing::Bookmarks => {
                self.delete_bookmark();
            }
            // A list of articles of several codes, in their order: `c` where the
            // reader's own key is taken by nothing else, Alt-O in a prompt's list.
            Action::CitedBy | Action::CodeOrder
                if matches!(
                    picker.listing,
                    Listing::Articles | Listing::Bookmarks | Listing::Read
                ) && !picker.items.is_empty() =>
            {
                self.code_order_list();
            }
            _ => {}
        }
    }

    /// Puts the list shown in the codes' order, or back in its own, and says which.
    pub(super) fn code_order_list(&mut self) {
        let here = self.history.current().article.code_slug().to_owned();
        let index = self.mirror.index();
        let sorted = match self.overlay.as_mut() {
            Some(Overlay::List(picker)) => {
                picker.code_order(|paths| crate::mirror::toc::in_code_order(&index, paths, &here))
            }
            // The search's list is made again as answers come: it orders them there.
            Some(Overlay::Search(_, search)) => {
                let sorted = search.toggle_code_order();
                self.relist_search();
                sorted
            }
            _ => return,
        };
        self.say(words::code_order(sorted), false);
    }

    /// Go-to's answers for the text of its prompt, the first highlighted.
    pub(super) fn goto_answers(&mut self) {
        let here = self.history.current().article.code_slug().to_owned();
        let Some(Overlay::List(picker)) = self.overlay.as_mut() else {
            return;
        };
        let Some(query) = picker.query.as_ref().map(|q| q.text().to_owned()) else {
            return;
        };
        let mut look = goto::look(&self.mirror.index(), &query, Some(&here));
        // Nothing: an article added or moved under the reader, perhaps.
        if look.answers.is_empty() && self.mirror.refresh_on_miss() {
            look = goto::look(&self.mirror.index(), &query, Some(&here));
        }
        let items: Vec<_> = look
            .answers
            .into_iter()
            .map(crate::app::picker::Item::found)
            .collect();
        let status = match (items.len(), look.trouble) {
            (_, Some(Trouble::Unknown { typed, closest })) => {
                Some(words::cite::unknown_code(&typed, &closest))
            }
            (_, Some(Trouble::Absent(code))) => Some(words::cite::code_absent(code)),
            (_, Some(Trouble::TooLong)) => Some(words::goto_too_long(goto::LOOK_CHARS)),
            (0, None) if !query.trim().is_empty() => Some(words::nothing_matches().to_owned()),
            (goto::LIMIT, None) => Some(words::goto_limit(goto::LIMIT)),
            _ => None,
        };
        picker.answer(items);
        self.status = None;
        if let Some(status) = status {
            self.say(&status, false);
        }
    }
}
