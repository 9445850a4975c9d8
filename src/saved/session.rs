//! The session: the navigation stack of the last reader of each mirror, with each
//! article's scroll, cursor and folds, saved on quitting and reopened by `loi` with
//! no article named. Plain data here; the app makes it of its stack and back
//! (`app::history::saved`).

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

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
    /// Whether the home (the list of codes) was shown over the stack: `loi` then
    /// opens on it again, the stack under it (a file from before the home has none).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub home: bool,
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

    #[test]
    fn a_session_is_kept_per_mirror() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("session.json");
        let one = Session {
            stack: vec![Place {
                path: "c/l1.md".into(),
                cursor: 3,
                top_block: 2,
                top_line: 1,
                toggled: vec![3],
            }],
            pos: 0,
            home: false,
        };
        let other = Session {
            stack: vec![],
            pos: 0,
            home: false,
        };
        save(&file, "bundled", &one).expect("save");
        save(&file, "/other", &other).expect("save");
        assert_eq!(load(&file, "bundled"), Some(one));
        assert_eq!(load(&file, "/other"), Some(other));
        assert!(load(&file, "/nowhere").is_none());
        // A damaged file loses what it held, and is written anew.
        std::fs::write(&file, "{ nope").expect("damage");
        assert!(load(&file, "bundled").is_none());
        save(
            &file,
            "bundled",
            &Session {
                stack: vec![],
                pos: 0,
                home: false,
            },
        )
        .expect("save");
        assert!(load(&file, "bundled").is_some());
    }

    #[test]
    fn a_session_from_before_the_home_reads_as_not_on_it_and_home_is_written_only_when_on_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("session.json");
        std::fs::write(&file, r#"{"bundled": {"stack": [], "pos": 0}}"#).expect("write");
        let old = load(&file, "bundled").expect("reads");
        assert!(!old.home);
        save(&file, "bundled", &old).expect("save");
        assert!(
            !std::fs::read_to_string(&file)
                .expect("read")
                .contains("home")
        );
        save(&file, "bundled", &Session { home: true, ..old }).expect("save");
        assert!(load(&file, "bundled").expect("reads").home);
    }
}
