//! The `s` search of the whole mirror in the reader: a prompt over the text, Enter
//! searches in a thread of its own, the answers listed as they come (the loop's
//! idle turns collect them), and Enter opens one at its match with `n` ready.

use crate::app::words;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use super::super::{App, Overlay};
use super::Find;
use crate::app::action::Action;
use crate::app::picker::{Item, Picker};
use crate::app::prompt::Prompt;
use crate::app::typing::Which;
use crate::mirror::search::{Answered, Hit, Query};

/// Answers listed at most: more is not read on a screen.
const LIMIT: usize = 200;

/// The `s` search while its list is open.
#[derive(Debug)]
pub struct MirrorSearch {
    /// The query last searched for; typing more marks the list as old.
    searched: Option<String>,
    found: Option<Receiver<Found>>,
    /// The answers, in the order they came.
    hits: Vec<Hit>,
    /// Whether the list shows them in the codes' order rather than as they came.
    code_ordered: bool,
    /// The position in `hits` of each answer listed, in the list's order.
    shown: Vec<usize>,
}

impl MirrorSearch {
    /// Asks for the answers in the codes' order, or back as they came when they are
    /// in it; returns which. [`App::relist_search`] puts them so.
    pub(in crate::app) fn toggle_code_order(&mut self) -> bool {
        self.code_ordered = !self.code_ordered;
        self.code_ordered
    }

    fn paths(&self) -> Vec<&str> {
        self.hits.iter().map(|h| h.path.as_str()).collect()
    }

    /// The answer listed at `at`.
    fn listed(&self, at: usize) -> Option<&Hit> {
        self.hits.get(*self.shown.get(at)?)
    }
}

/// What the search thread sends.
#[derive(Debug)]
enum Found {
    Hit(Hit),
    Done(Answered),
}

impl App {
    /// `s`: reopens the last list as it was left (its query in the prompt, the same
    /// answer selected), else opens the prompt.
    pub(in crate::app) fn open_mirror_search(&mut self) {
        if let Some(last) = self.last_search.take() {
            let (picker, search) = *last;
            let typed = search.searched.clone().unwrap_or_default();
            let n = search.hits.len();
            self.overlay = Some(Overlay::Search(picker, search));
            self.say(&words::search_again(&self.keys(), n, &typed), false);
            return;
        }
        let mut picker = Picker::prompt(self.entries(Which::Search));
        picker.title = words::search_title().to_owned();
        let search = MirrorSearch {
            searched: None,
            found: None,
            hits: Vec::new(),
            code_ordered: false,
            shown: Vec::new(),
        };
        self.overlay = Some(Overlay::Search(picker, search));
        self.say(&words::search_prompt(), false);
    }

    /// Keys while the `s` list is open.
    pub(in crate::app) fn update_mirror_search(&mut self, action: Action) {
        let page = self.text_height().saturating_sub(2).max(1) as isize;
        let Some(Overlay::Search(picker, search)) = self.overlay.as_mut() else {
            return;
        };
        match action {
            Action::Activate => {
                let typed = picker.query.as_ref().map(|q| q.text().to_owned());
                let typed = typed.unwrap_or_default();
                if search.searched.as_deref() != Some(typed.as_str()) {
                    self.start_mirror_search(typed);
                } else if let Some(item) = picker.current().cloned() {
                    self.open_hit(&item, &typed);
                }
                return;
            }
            Action::Down => picker.step(1),
            Action::Up => picker.step(-1),
            Action::PageDown => picker.step(page),
            Action::PageUp => picker.step(-page),
            Action::CodeOrder if !search.hits.is_empty() => {
                self.code_order_list();
                return;
            }
            Action::KeepToCode => {
                self.keep_to_code();
                return;
            }
            Action::Quit | Action::Cancel | Action::FoldOrParent | Action::Back => {
                self.keep_search();
                self.status = None;
                return;
            }
            _ => return,
        }
        let section = search.listed(picker.selected).map(|h| h.section.clone());
        if let Some(section) = section {
            self.say(&section, false);
        }
    }

    fn start_mirror_search(&mut self, typed: String) {
        let (scope, words_typed) = match scoped(&typed) {
            Ok(scoped) => scoped,
            Err(named) => {
                self.say(&words::search_no_such_code(&named), true);
                return;
            }
        };
        let query = Query::parse(&words_typed);
        if query.is_empty() {
            self.say(words::search_no_words(), true);
            return;
        }
        self.remember(Which::Search, &typed);
        let (tx, rx) = mpsc::channel();
        let root = self.mirror.root().map(std::path::Path::to_owned);
        // A thread: the first search reads the whole mirror, and keys must still work.
        let spawned = std::thread::Builder::new()
            .name("search".into())
            .spawn(move || {
                let mut sent = 0;
                let answered = crate::mirror::search::run(root.as_deref(), &query, &mut |hit| {
                    if scope.as_ref().is_some_and(|code| !in_code(&hit.path, code)) {
                        return true;
                    }
                    sent += 1;
                    tx.send(Found::Hit(hit)).is_ok() && sent < LIMIT
                });
                if let Ok(how) = answered {
                    let _ = tx.send(Found::Done(how));
                }
                // The index for the next search, built by a process of its own; this
                // thread only waits for it, so that it leaves no zombie.
                if let (Ok(Answered::Scan), Some(root)) = (answered, root.as_deref())
                    && let Some(mut child) = crate::mirror::search::background::spawn(root)
                {
                    let _ = child.wait();
                }
            });
        if spawned.is_err() {
            self.say(words::search_no_thread(), true);
            return;
        }
        if let Some(Overlay::Search(picker, search)) = self.overlay.as_mut() {
            picker.answer(Vec::new());
            search.hits.clear();
            search.shown.clear();
            search.searched = Some(typed);
            search.found = Some(rx);
        }
        self.say(words::searching_now(), false);
    }

    /// Closes the list, kept for `s` to reopen when it has answers (or is finding
    /// them: its thread goes on up to the limit). A list of nothing is dropped.
    fn keep_search(&mut self) {
        if let Some(Overlay::Search(picker, search)) = self.overlay.take()
            && search.searched.is_some()
            && (!search.hits.is_empty() || search.found.is_some())
        {
            self.last_search = Some(Box::new((picker, search)));
        }
    }

    /// Opens an answer at its first match, the search kept for `n` and the list for `s`.
    fn open_hit(&mut self, item: &Item, typed: &str) {
        self.keep_search();
        self.status = None;
        self.open_path(&item.path, &[]);
        if self.current().article.path != item.path {
            return;
        }
        // `n` walks the words found, not the code they were kept to.
        let typed = scoped(typed).map_or_else(|_| typed.to_owned(), |(_, words)| words);
        let typed = typed.as_str();
        let query = Query::parse(typed);
        self.find = Some(Find {
            prompt: Prompt::with_text(typed),
            query,
            typing: false,
            saved: None,
            path: String::new(),
            matches: Vec::new(),
            current: None,
        });
        self.refresh_matches();
        if let Some(find) = self.find.as_mut() {
            find.current = (!find.matches.is_empty()).then_some(0);
        }
        self.show_current_match();
        self.say_match();
    }

    /// Lists the search's answers in the list's order (the codes', when asked, worked
    /// out again for answers come since), the same answer highlighted.
    pub(in crate::app) fn relist_search(&mut self) {
        let here = self.history.current().article.code_slug().to_owned();
        let index = self.mirror.index();
        let Some(Overlay::Search(picker, search)) = self.overlay.as_mut() else {
            return;
        };
        search.shown = if search.code_ordered {
            crate::mirror::toc::in_code_order(&index, &search.paths(), &here)
        } else {
            (0..search.hits.len()).collect()
        };
        let mixed = crate::app::picker::mixes_codes(search.hits.iter().map(|h| h.path.as_str()));
        let items: Vec<Item> = search
            .shown
            .iter()
            .filter_map(|&i| search.hits.get(i))
            .map(|h| Item {
                label: if mixed {
                    let code = crate::app::picker::code_tag(&h.path);
                    format!("{} · {code} · {}", h.num, h.snippet)
                } else {
                    format!("{} · {}", h.num, h.snippet)
                },
                path: h.path.clone(),
                block: None,
                version: None,
            })
            .collect();
        let highlighted = picker.current().map(|i| i.path.clone());
        let n = items.len();
        picker.items = items;
        picker.selected = highlighted
            .and_then(|h| picker.items.iter().position(|i| i.path == h))
            .unwrap_or(picker.selected)
            .min(n.saturating_sub(1));
    }

    /// Alt-C: the search typed again, kept to the highlighted answer's code (`code:`
    /// and its shortest name, in place of a `code:` already typed).
    fn keep_to_code(&mut self) {
        let Some(Overlay::Search(picker, search)) = self.overlay.as_mut() else {
            return;
        };
        let Some(hit) = search.listed(picker.selected) else {
            self.say(words::keep_to_code_nothing(), true);
            return;
        };
        let folder = hit.path.split('/').next().unwrap_or_default().to_owned();
        let typed = search.searched.clone().unwrap_or_default();
        let words_typed = scoped(&typed).map_or(typed, |(_, words)| words);
        let name = code_name(&folder);
        let typed = format!("{words_typed} code:{name}");
        if let Some(query) = picker.query.as_mut() {
            query.set_text(&typed);
        }
        self.start_mirror_search(typed);
    }

    /// Whether a mirror search is running and its answers are awaited.
    pub(in crate::app) fn searching(&self) -> bool {
        matches!(&self.overlay, Some(Overlay::Search(_, s)) if s.found.is_some())
    }

    /// Takes the answers the search thread found since last time, waiting a little
    /// for the first (the loop comes back here until the search is done).
    pub(in crate::app) fn poll_search(&mut self) {
        let Some(Overlay::Search(_, search)) = self.overlay.as_mut() else {
            return;
        };
        let Some(rx) = search.found.as_ref() else {
            return;
        };
        let mut got = Vec::new();
        let mut done = None;
        match rx.recv_timeout(Duration::from_millis(15)) {
            Ok(first) => {
                got.push(first);
                got.extend(rx.try_iter());
            }
            Err(RecvTimeoutError::Timeout) => return,
            Err(RecvTimeoutError::Disconnected) => done = Some(None),
        }
        for found in got {
            match found {
                Found::Hit(hit) => search.hits.push(hit),
                Found::Done(how) => done = Some(Some(how)),
            }
        }
        let n = search.hits.len();
        if done.is_some() {
            search.found = None;
        }
        self.relist_search();
        let Some(how) = done else {
            self.say(&words::searching(n), false);
            return;
        };
        let text = match (n, how) {
            (0, _) => words::found_nothing().to_owned(),
            (LIMIT, _) => words::found_limit(LIMIT),
            (n, how) => {
                let mixed = matches!(&self.overlay, Some(Overlay::Search(p, _))
                    if crate::app::picker::mixes_codes(p.items.iter().map(|i| i.path.as_str())));
                words::found(&self.keys(), n, how == Some(Answered::Index), mixed)
            }
        };
        self.say(&text, n == 0);
    }
}

/// The code a search is kept to, `code:css` (or `code:C.trav.`, `code:code-rural…`:
/// any name `g` knows, without spaces) anywhere in what was typed, and the other
/// words; `Err` with the name when no code has it.
fn scoped(typed: &str) -> Result<(Option<crate::model::codes::Code>, String), String> {
    let mut scope = None;
    let mut rest = Vec::new();
    for word in typed.split_whitespace() {
        let named = ["code:", "Code:", "CODE:"]
            .iter()
            .find_map(|p| word.strip_prefix(p));
        match named {
            Some(name) if !name.is_empty() => match crate::model::codes::by_name(name)
                .cloned()
                .or_else(|| crate::model::codes::by_slug(name))
            {
                Some(code) => scope = Some(code),
                None => return Err(name.to_owned()),
            },
            _ => rest.push(word),
        }
    }
    Ok((scope, rest.join(" ")))
}

/// The shortest name of the code of folder `folder` that `code:` reads back as it:
/// its usual abbreviation without spaces (`C.trav.`), else its folder.
fn code_name(folder: &str) -> String {
    let code = crate::model::codes::by_slug(folder);
    code.and_then(|c| c.abbreviation())
        .map(|a| a.replace(' ', ""))
        .filter(|a| {
            scoped(&format!("code:{a}")).is_ok_and(|(c, _)| c.is_some_and(|c| c.slug == folder))
        })
        .unwrap_or_else(|| folder.to_owned())
}

/// Whether the article at `path` (in the mirror) is in `code`, or in the same text
/// under another of its names.
fn in_code(path: &str, code: &crate::model::codes::Code) -> bool {
    let folder = path.split('/').next().unwrap_or_default();
    folder == code.slug
        || crate::model::codes::same_text(folder)
            .iter()
            .any(|c| c.slug == code.slug)
}

#[cfg(test)]
mod scope_tests {
    use super::*;

    #[test]
    fn code_colon_keeps_a_search_to_one_code_named_any_way() {
        let (code, rest) = scoped("délai code:css recours").expect("known");
        assert_eq!(
            code.as_ref().map(|c| c.slug),
            Some("code-de-la-securite-sociale")
        );
        assert_eq!(rest, "délai recours");
        let (code, _) = scoped("code:C.trav. délai").expect("known");
        assert_eq!(code.as_ref().map(|c| c.slug), Some("code-du-travail"));
        let (code, _) = scoped("code:code-rural-et-de-la-peche-maritime x").expect("known");
        assert_eq!(
            code.as_ref().map(|c| c.slug),
            Some("code-rural-et-de-la-peche-maritime")
        );
        assert_eq!(scoped("délai").expect("none").0, None);
        assert_eq!(scoped("code:zzz délai").err().as_deref(), Some("zzz"));
        for folder in [
            "code-du-travail",
            "code-de-la-securite-sociale",
            "code-rural-et-de-la-peche-maritime",
            "code-des-relations-entre-le-public-et-ladministration",
            "no-such-code",
        ] {
            let name = code_name(folder);
            assert!(!name.contains(' '), "{name}");
            if folder != "no-such-code" {
                let (code, _) = scoped(&format!("x code:{name}")).expect("read back");
                assert_eq!(code.map(|c| c.slug), Some(folder), "{name}");
            }
        }
        assert_eq!(code_name("code-du-travail"), "C.trav.");
        let css = scoped("code:css").expect("known").0.expect("a code");
        assert!(in_code("code-de-la-securite-sociale/partie/l1.md", &css));
        assert!(!in_code("code-du-travail/partie/l1.md", &css));
    }
}
