//! The stack as a session saved between runs ([`crate::saved::session`]), and back:
//! each article read anew, its view within what the article now has.

use super::{Entry, History};
use crate::app::view::{Pos, View};
use crate::mirror::Mirror;
use crate::model::article::Citations;
use crate::saved::session::{Place, Session};

impl History {
    /// The stack as a session, to save.
    pub fn to_session(&self) -> Session {
        let stack = self
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
            pos: self.position(),
            home: false,
        }
    }

    /// The stack again, each article read anew from `mirror`; articles gone from it
    /// are left out. `None` when the one shown is gone.
    pub fn reopen(session: &Session, mirror: &Mirror) -> Option<History> {
        let mut entries = Vec::new();
        let mut pos = None;
        for (i, place) in session.stack.iter().enumerate() {
            let Ok(article) = mirror.article(&place.path, Citations::Later) else {
                continue;
            };
            let mut entry = Entry::new(article);
            restore_view(&mut entry, place);
            if i == session.pos {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::saved::session::{load, save};

    const SEED: &str = "code-de-leducation/partie-reglementaire/deuxieme-partie-les-enseignements-scolaires/livre-iii-lorganisation-des-enseignements-scolaires/titre-ier-lorganisation-generale-des-enseignements/chapitre-iii-linformation-et-lorientation/d313-14.md";

    #[test]
    fn a_stack_saved_reopens_with_its_views() {
        let mirror = Mirror::bundled();
        let article = mirror.article(SEED, Citations::Later).expect("seed");
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
        save(&file, "bundled", &history.to_session()).expect("save");
        save(
            &file,
            "/other",
            &Session {
                stack: vec![],
                pos: 0,
                home: false,
            },
        )
        .expect("save");
        let session = load(&file, "bundled").expect("read").value.expect("saved");
        assert_eq!(session.stack[0].toggled, [item]);
        let again = History::reopen(&session, &mirror).expect("reopens");
        assert_eq!(again.current().view, history.current().view);
        assert!(load(&file, "/nowhere").expect("read").value.is_none());
        let empty = load(&file, "/other").expect("read").value.expect("kept");
        assert!(History::reopen(&empty, &mirror).is_none());
    }
}
