//! The stack as a session saved between runs ([`crate::saved::session`]), and back:
//! each article read anew, its view within what the article now has.

use std::rc::Rc;

use super::{Entry, History};
use crate::app::peek::look;
use crate::app::view::{Pos, opening_folds};
use crate::mirror::Mirror;
use crate::model::article::Citations;
use crate::model::peek::{self, Peek};
use crate::saved::session::{Place, SavedPeek, Session};

impl History {
    /// The stack as a session, to save.
    pub fn to_session(&self) -> Session {
        let stack = self
            .entries()
            .iter()
            .map(|e| {
                let fresh = opening_folds(e.shown(), e.spliced.as_deref());
                Place {
                    path: e.article.path.clone(),
                    cursor: e.view.cursor,
                    top_block: e.view.top.block,
                    top_line: e.view.top.line,
                    toggled: (0..e.view.folded.len())
                        .filter(|&i| fresh.get(i).is_some_and(|&f| e.view.folded[i] != f))
                        .collect(),
                    peeks: saved_peeks(&e.view.peeks, &[]),
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
            // Peeks count the references of an article whose citations are found.
            let citations = if place.peeks.is_empty() {
                Citations::Later
            } else {
                Citations::Now
            };
            let Ok(article) = mirror.article(&place.path, citations) else {
                continue;
            };
            let mut entry = Entry::new(article);
            reopen_peeks(&mut entry, &place.peeks, mirror);
            restore_view(&mut entry, place);
            if i == session.pos {
                pos = Some(entries.len());
            }
            entries.push(entry);
        }
        History::from_entries(entries, pos?)
    }
}

/// The peeks of `peeks` (inside the text at `chain`), outer ones first.
fn saved_peeks(peeks: &[Peek], chain: &[usize]) -> Vec<SavedPeek> {
    let mut out = Vec::new();
    for p in peeks {
        let mut whole = chain.to_vec();
        whole.push(p.link);
        out.push(SavedPeek {
            chain: whole.clone(),
            href: p.href.clone(),
            text: p.text_of_link.clone(),
        });
        out.extend(saved_peeks(&p.inner, &whole));
    }
    out
}

/// Opens the peeks a session kept, each where its reference still is; one whose
/// reference or target is gone is left out, quietly (and those inside it).
fn reopen_peeks(entry: &mut Entry, saved: &[SavedPeek], mirror: &Mirror) {
    if saved.is_empty() {
        return;
    }
    for s in saved {
        let Some((&own, holder)) = s.chain.split_last() else {
            continue;
        };
        let text = if holder.is_empty() {
            Rc::clone(&entry.article)
        } else {
            match peek::find(&entry.view.peeks, holder) {
                Some(p) => Rc::clone(&p.text),
                None => continue,
            }
        };
        let Some(link) = text.links.get(own) else {
            continue;
        };
        if link.href != s.href || link.text != s.text {
            continue;
        }
        let Ok(found) = look(mirror, &text.path, own, link, None) else {
            continue;
        };
        if let Some(peeks) = peek::inside_mut(&mut entry.view.peeks, holder) {
            peeks.push(found.peek);
        }
    }
    entry.resplice();
}

/// The view kept in `place`, within what the article now has (the file may have
/// changed since); the app refits it to the screen.
fn restore_view(entry: &mut Entry, place: &Place) {
    let view = &mut entry.view;
    let page = match &entry.spliced {
        Some(s) => &*s.article,
        None => &*entry.article,
    };
    let blocks = page.blocks.len();
    for &i in &place.toggled {
        if i < blocks && page.blocks[i].folds() {
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
    use crate::app::peek::tests::{file, mirror, nested, page};
    use crate::app::{App, Start};
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

    #[test]
    fn peeks_survive_a_session_saved_and_reopened_and_a_gone_target_is_dropped() {
        let dir = mirror();
        let app = nested(&dir);
        let before = page(&app);
        let session = app.history().to_session();
        assert_eq!(session.stack[0].peeks.len(), 2);
        let reopen = |session: &crate::saved::session::Session| {
            let mirror = Mirror::open(dir.path()).expect("mirror");
            let history = History::reopen(session, &mirror).expect("reopens");
            let start = Start {
                size: (80, 40),
                session: Some((history, false)),
                ..Start::default()
            };
            App::start(mirror, None, start)
        };
        let again = reopen(&session);
        assert_eq!(page(&again), before);
        assert_eq!(again.current().view.folded, app.current().view.folded);
        // A session from before peeks (no field) still reads.
        let json = serde_json::to_value(&session).expect("json");
        let mut old = json.clone();
        old["stack"][0]
            .as_object_mut()
            .expect("place")
            .remove("peeks");
        let old: crate::saved::session::Session = serde_json::from_value(old).expect("reads");
        assert!(reopen(&old).current().spliced.is_none());
        // L1-3 gone: the inner peek is left out, the outer one kept.
        std::fs::remove_file(dir.path().join(file("L1-3"))).expect("rm");
        let without = reopen(&session);
        let shown = page(&without);
        assert!(shown.contains(&"Article L1-2".to_owned()), "{shown:?}");
        assert!(!shown.contains(&"Article L1-3".to_owned()), "{shown:?}");
    }
}
