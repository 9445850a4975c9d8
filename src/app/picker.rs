//! A list to choose one article from: the articles a range such as `D. 6123-19 à
//! D. 6123-21` names, or what the go-to prompt's text names. Pure state;
//! `screen::picker` draws it.

/// One article offered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The number as shown: `D6123-19`.
    pub label: String,
    /// The path in the mirror.
    pub path: String,
    /// The block to open the article at, if not its start.
    pub block: Option<usize>,
    /// In a list of versions: the version's index in the article's `versions`.
    pub version: Option<usize>,
}

impl Item {
    /// A go-to answer: `L6123-1 · Code du travail`, or with the section its words
    /// matched.
    pub fn found(answer: crate::mirror::goto::Answer) -> Item {
        let num = crate::mirror::number_of_file(&answer.path);
        let place = answer
            .section
            .map_or_else(|| place(&answer.path), |s| s.replace('-', " "));
        Item {
            label: format!("{num} · {place}"),
            path: answer.path,
            block: None,
            version: None,
        }
    }
}

/// Where the article at `path` is, to choose it from others of its number: its
/// code, and whether it is of the code's former numbering (then not today's law).
pub fn place(path: &str) -> String {
    let code = crate::model::codes::title_for(path.split('/').next().unwrap_or_default());
    if crate::model::trail::is_former_numbering(path) {
        format!("{code} · {}", crate::model::trail::FORMER_NUMBERING)
    } else {
        code
    }
}

/// Whether the articles at `paths` are of more than one code: their list then says
/// which code each is from ([`code_tag`]).
pub fn mixes_codes<'a>(mut paths: impl Iterator<Item = &'a str>) -> bool {
    let folder = |p: &'a str| p.split('/').next().unwrap_or_default();
    let Some(first) = paths.next().map(folder) else {
        return false;
    };
    paths.any(|p| folder(p) != first)
}

/// The code of the article at `path` as a brief names it (`C. trav.`), else its title.
pub fn code_tag(path: &str) -> String {
    let folder = path.split('/').next().unwrap_or_default();
    match crate::model::codes::by_slug(folder).and_then(|c| c.abbreviation()) {
        Some(abbreviation) => abbreviation.to_owned(),
        None => crate::model::codes::title_for(folder),
    }
}

/// What a list holds, for the keys that act on its items (`d` deletes a bookmark).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Listing {
    /// Articles to open: a range's, go-to's answers, codes to choose from.
    #[default]
    Articles,
    /// The bookmarks, newest first (see `bookmarks`).
    Bookmarks,
    /// The articles read, newest first (see `visits`).
    Read,
    /// The articles of one number in each code that has it: the one chosen takes the
    /// place of the one shown meanwhile, which was no choice of the reader's.
    Codes,
    /// The versions of the article shown (`V`): Enter opens one.
    Versions,
    /// The texts that created or changed it (`i`): Enter opens one on Légifrance.
    Changes,
    /// The reading date's prompt (`@`): what is typed is a date, not a search.
    Date,
}

/// The list, the highlighted item and the first one shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub title: String,
    pub items: Vec<Item>,
    pub selected: usize,
    /// The prompt over the list (go-to, `s`, `@`); `None` for a fixed list.
    pub query: Option<crate::app::prompt::Prompt>,
    pub listing: Listing,
    /// The items in the order they came, while the list shows them in the codes'
    /// order (see [`Picker::code_order`]).
    pub unsorted: Option<Vec<Item>>,
}

impl Picker {
    /// A list of the articles at `paths`, labelled by their file names.
    pub fn of_paths(title: String, paths: Vec<String>) -> Picker {
        let items = paths
            .into_iter()
            .map(|path| Item {
                label: crate::mirror::number_of_file(&path),
                path,
                block: None,
                version: None,
            })
            .collect();
        Picker {
            title,
            items,
            selected: 0,
            query: None,
            listing: Listing::Articles,
            unsorted: None,
        }
    }

    /// A list of articles of one number, labelled by their codes' titles.
    pub fn of_codes(title: String, paths: Vec<String>) -> Picker {
        let items = paths
            .into_iter()
            .map(|path| Item {
                label: place(&path),
                path,
                block: None,
                version: None,
            })
            .collect();
        Picker {
            title,
            items,
            selected: 0,
            query: None,
            listing: Listing::Codes,
            unsorted: None,
        }
    }

    /// The go-to prompt, empty, recalling `history` (oldest first).
    pub fn prompt(history: Vec<String>) -> Picker {
        Picker {
            title: crate::app::words::goto_title().to_owned(),
            items: Vec::new(),
            selected: 0,
            query: Some(crate::app::prompt::Prompt::new(history)),
            listing: Listing::Articles,
            unsorted: None,
        }
    }

    /// A fixed list of `items` of kind `listing`.
    pub fn of_items(title: String, items: Vec<Item>, listing: Listing) -> Picker {
        Picker {
            title,
            items,
            selected: 0,
            query: None,
            listing,
            unsorted: None,
        }
    }

    /// The reading date's prompt, empty, recalling `history` (oldest first).
    pub fn date_prompt(history: Vec<String>) -> Picker {
        Picker {
            title: crate::app::words::date_title().to_owned(),
            items: Vec::new(),
            selected: 0,
            query: Some(crate::app::prompt::Prompt::new(history)),
            listing: Listing::Date,
            unsorted: None,
        }
    }

    /// New answers for what was typed, the first highlighted.
    pub fn answer(&mut self, items: Vec<Item>) {
        self.items = items;
        self.unsorted = None;
        self.selected = 0;
    }

    /// Moves the highlight by `delta` items, stopping at the ends.
    pub fn step(&mut self, delta: isize) {
        let last = self.items.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Puts the items in `order` (positions, as `mirror::toc::in_code_order` gives
    /// them), or back in the order they came when they are in it already; the same
    /// item stays highlighted. Returns whether the list is now in the codes' order.
    pub fn code_order(&mut self, order: impl FnOnce(&[&str]) -> Vec<usize>) -> bool {
        let highlighted = self.current().cloned();
        let sorted = if let Some(unsorted) = self.unsorted.take() {
            self.items = unsorted;
            false
        } else {
            let paths: Vec<&str> = self.items.iter().map(|i| i.path.as_str()).collect();
            let order = order(&paths);
            let items: Vec<Item> = order
                .into_iter()
                .filter_map(|i| self.items.get(i).cloned())
                .collect();
            self.unsorted = Some(std::mem::replace(&mut self.items, items));
            true
        };
        self.selected = highlighted
            .and_then(|h| self.items.iter().position(|i| *i == h))
            .unwrap_or(0);
        sorted
    }

    pub fn current(&self) -> Option<&Item> {
        self.items.get(self.selected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stop_at_the_ends() {
        let mut p = Picker::of_paths(
            "x".into(),
            vec!["c/d6123-19.md".into(), "c/d6123-20.md".into()],
        );
        assert_eq!(p.items[0].label, "D6123-19");
        p.step(-1);
        assert_eq!(p.selected, 0);
        p.step(5);
        assert_eq!(p.current().map(|i| i.path.as_str()), Some("c/d6123-20.md"));
    }

    #[test]
    fn code_order_sorts_keeps_the_highlight_and_comes_back() {
        let paths = ["b/x2.md", "a/x1.md", "b/x1.md"];
        let mut p = Picker::of_paths("x".into(), paths.map(String::from).to_vec());
        p.step(1);
        let reversed = |ps: &[&str]| (0..ps.len()).rev().collect();
        assert!(p.code_order(reversed));
        let now: Vec<&str> = p.items.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(now, ["b/x1.md", "a/x1.md", "b/x2.md"]);
        assert_eq!(p.current().map(|i| i.path.as_str()), Some("a/x1.md"));
        p.step(1);
        assert!(!p.code_order(|_| unreachable!("back: no sort")));
        let now: Vec<&str> = p.items.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(now, paths);
        assert_eq!(p.current().map(|i| i.path.as_str()), Some("b/x2.md"));
    }
}
