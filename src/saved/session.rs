//! The session: the navigation stack of the last reader of each mirror, with each
//! article's scroll, cursor and folds, saved on quitting and reopened by `loi` with
//! no article named.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::app::history::{Entry, History};
use crate::app::view::{Pos, View};
use crate::mirror::Mirror;
use crate::saved::store;

/// How a mirror is named in loi's files: its folder, as an absolute path, or
/// `bundled` for the sample built into loi.
pub fn mirror_key(mirror: &Mirror) -> String {
    match mirror.root() {
        Some(root) => std::fs::canonicalize(root)
            .unwrap_or_else(|_| root.to_owned())
            .display()
            .to_string(),
        None => "bundled".to_owned(),
    }
}

/// One article of the stack as it was being read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Its path in the mirror.
    pub path: String,
    pub cursor: usize,
    pub top_block: usize,
    pub top_line: usize,
    /// The blocks whose fold is not the one an article opens with.
    pub toggled: Vec<usize>,
}

/// The stack and which of its articles was shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub stack: Vec<Place>,
    pub pos: usize,
}

impl Session {
    /// The stack as the reader has it.
    pub fn of(history: &History) -> Session {
        let stack = history
            .entries()
            .iter()
            .map(|e| {
                let fresh = View::new(&e.article);
                Place {
                    path: e.article.path.clone(),
                    cursor: e.view.cursor,
                    top_block: e.view.top.block,
                    top_line: e.view.top.line,
                    toggled: (0..e.view.folded.len())
                        .filter(|&i| e.view.folded[i] != fresh.folded[i])
                        .collect(),
                }
            })
            .collect();
        Session {
            stack,
            pos: history.position(),
        }
    }

    /// The stack again, each article read anew from `mirror`; articles gone from it
    /// are left out. `None` when the one shown is gone.
    pub fn reopen(&self, mirror: &Mirror) -> Option<History> {
        let mut entries = Vec::new();
        let mut pos = None;
        for (i, place) in self.stack.iter().enumerate() {
            let Ok(article) = mirror.load_to_read(&place.path) else {
                continue;
            };
            let mut entry = Entry::new(article);
            restore_view(&mut entry, place);
            if i == self.pos {
                pos = Some(entries.len());
            }
            entries.push(entry);
        }
        History::from_entries(entries, pos?)
    }
}

/// The view kept in `place`, within what the article now has (the file may have
/// changed since); the app refits it to the screen.
fn restore_view(entry: &mut Entry, place: &Place) {
    let view = &mut entry.view;
    let blocks = entry.article.blocks.len();
    for &i in &place.toggled {
        if i < blocks && entry.article.blocks[i].folds() {
            view.folded[i] = !view.folded[i];
        }
    }
    if blocks > 0 {
        view.cursor = place.cursor.min(blocks - 1);
        view.top = Pos {
            block: place.top_block.min(blocks - 1),
            line: place.top_line,
        };
    }
}

/// The file: a session per mirror.
type Sessions = BTreeMap<String, Session>;

/// The session saved for `mirror_key` in `file`, if any.
pub fn load(file: &Path, mirror_key: &str) -> Option<Session> {
    let text = store::read(file).ok()?;
    let mut all: Sessions = serde_json::from_str(&text).ok()?;
    all.remove(mirror_key)
}

/// Saves `session` for `mirror_key`, keeping the other mirrors' sessions.
pub fn save(file: &Path, mirror_key: &str, session: &Session) -> io::Result<()> {
    store::update(file, |text| {
        // A damaged file only loses the sessions it held.
        let mut all: Sessions = serde_json::from_str(&text).unwrap_or_default();
        all.insert(mirror_key.to_owned(), session.clone());
        serde_json::to_string_pretty(&all).unwrap_or(text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = "code-de-leducation/partie-reglementaire/deuxieme-partie-les-enseignements-scolaires/livre-iii-lorganisation-des-enseignements-scolaires/titre-ier-lorganisation-generale-des-enseignements/chapitre-iii-linformation-et-lorientation/d313-14.md";

    #[test]
    fn a_stack_saved_reopens_with_its_views() {
        let mirror = Mirror::bundled();
        let article = mirror.load_to_read(SEED).expect("seed");
        let mut entry = Entry::new(article);
        let item = entry
            .article
            .blocks
            .iter()
            .position(|b| b.is_item())
            .expect("an item");
        entry.view.folded[item] = false;
        entry.view.cursor = item;
        let history = History::new(entry);
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("session.json");
        save(&file, "bundled", &Session::of(&history)).expect("save");
        save(
            &file,
            "/other",
            &Session {
                stack: vec![],
                pos: 0,
            },
        )
        .expect("save");
        let session = load(&file, "bundled").expect("saved");
        assert_eq!(session.stack[0].toggled, [item]);
        let again = session.reopen(&mirror).expect("reopens");
        assert_eq!(again.current().view, history.current().view);
        assert!(load(&file, "/nowhere").is_none());
        assert!(
            load(&file, "/other")
                .expect("kept")
                .reopen(&mirror)
                .is_none()
        );
    }
}
