//! The session: the navigation stack of the last reader of each mirror, with each
//! article's scroll, cursor and folds, saved on quitting and reopened by `loi` with
//! no article named. Plain data here; the app makes it of its stack and back
//! (`app::history::saved`). The file holds every mirror's session; the others' are
//! rewritten as they were read, fields loi does not know included.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::mirror::Mirror;
use crate::saved::damaged::{self, Loaded};
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
    /// The peeks open (`K`), outer ones before those inside them; the blocks above
    /// count the article with them (a file from before peeks has none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub peeks: Vec<SavedPeek>,
}

/// A peek open, as a session keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedPeek {
    /// The references peeked from the article down to this one, each an index into
    /// its own text's references.
    pub chain: Vec<usize>,
    /// The last one's address and text: a file changed since is not peeked wrong.
    pub href: String,
    pub text: String,
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

/// The session saved for `mirror_key` in `file`, if any, read under the file's lock.
/// A damaged file is kept aside, the sessions read before the damage saved in its
/// place, and `aside` says where; one that cannot be read is an error (and
/// [`save`] will not write over it either).
pub fn load(file: &Path, mirror_key: &str) -> io::Result<Loaded<Option<Session>>> {
    store::locked(file, || {
        let Loaded { value, aside } = damaged::object(file)?;
        Ok(Loaded {
            value: value
                .get(mirror_key)
                .and_then(|v| Session::deserialize(v).ok()),
            aside,
        })
    })
}

/// Saves `session` for `mirror_key`, keeping the other mirrors' sessions as the file
/// holds them now (another `loi` may have saved its own since this one started);
/// where a damaged file was kept aside, if one was.
pub fn save(file: &Path, mirror_key: &str, session: &Session) -> io::Result<Option<PathBuf>> {
    let value = serde_json::to_value(session).map_err(io::Error::other)?;
    store::locked(file, || {
        let Loaded {
            value: mut all,
            aside,
        } = damaged::object(file)?;
        all.insert(mirror_key.to_owned(), value);
        let text = serde_json::to_string_pretty(&all).map_err(io::Error::other)?;
        store::write_atomic(file, text.as_bytes())?;
        Ok(aside)
    })
}

#[cfg(test)]
mod tests;
