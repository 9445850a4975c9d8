//! Bookmarks: an article, or a point of it, to come back to (`m` adds, `'` lists).
//! Kept in one JSON list in the data folder, changed under its lock.

use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::saved::store;

/// One bookmark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// The mirror it is in (see `session::mirror_key`).
    pub mirror: String,
    /// The article's path in the mirror.
    pub path: String,
    /// The article's number: `L6123-1`.
    pub num: String,
    /// The block the cursor was on; `None` for the article's start.
    #[serde(default)]
    pub block: Option<usize>,
    /// How the text names that point: `II 3°`; empty for the article.
    #[serde(default)]
    pub point: String,
    /// When it was made, in seconds since 1970.
    pub at: u64,
}

impl Bookmark {
    /// `L6123-1 II 3°`.
    pub fn name(&self) -> String {
        if self.point.is_empty() {
            self.num.clone()
        } else {
            format!("{} {}", self.num, self.point)
        }
    }
}

/// Every bookmark in `file`, oldest first. A file that is not a list of bookmarks
/// is an error, so that adding one does not write over it.
pub fn load(file: &Path) -> io::Result<Vec<Bookmark>> {
    parse(file, &store::read(file)?)
}

fn parse(file: &Path, text: &str) -> io::Result<Vec<Bookmark>> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    serde_json::from_str(text).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{} is not a list of bookmarks ({e}): move it aside and loi starts a new one",
                file.display()
            ),
        )
    })
}

/// The bookmarks of `mirror`, newest first.
pub fn newest_first(all: Vec<Bookmark>, mirror: &str) -> Vec<Bookmark> {
    let mut list: Vec<Bookmark> = all.into_iter().filter(|b| b.mirror == mirror).collect();
    list.reverse();
    list
}

/// Adds `bookmark` (the same point bookmarked again moves to the top).
pub fn add(file: &Path, bookmark: Bookmark) -> io::Result<()> {
    change(file, |list| {
        list.retain(|b| !same_point(b, &bookmark));
        list.push(bookmark);
    })
}

/// Deletes `bookmark`.
pub fn remove(file: &Path, bookmark: &Bookmark) -> io::Result<()> {
    change(file, |list| list.retain(|b| !same_point(b, bookmark)))
}

fn same_point(a: &Bookmark, b: &Bookmark) -> bool {
    a.mirror == b.mirror && a.path == b.path && a.block == b.block
}

fn change(file: &Path, edit: impl FnOnce(&mut Vec<Bookmark>)) -> io::Result<()> {
    store::locked(file, || {
        let mut list = load(file)?;
        edit(&mut list);
        let text = serde_json::to_string_pretty(&list).map_err(io::Error::other)?;
        store::write_atomic(file, text.as_bytes())
    })
}

/// Seconds since 1970, now.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(path: &str, block: Option<usize>, at: u64) -> Bookmark {
        Bookmark {
            mirror: "m".into(),
            path: path.into(),
            num: "L1".into(),
            block,
            point: block.map(|_| "II 3°".to_owned()).unwrap_or_default(),
            at,
        }
    }

    #[test]
    fn add_list_and_remove() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("bookmarks.json");
        add(&file, mark("a.md", None, 1)).expect("add");
        add(&file, mark("b.md", Some(4), 2)).expect("add");
        add(&file, mark("a.md", None, 3)).expect("again: to the top");
        let list = newest_first(load(&file).expect("load"), "m");
        let paths: Vec<&str> = list.iter().map(|b| b.path.as_str()).collect();
        assert_eq!(paths, ["a.md", "b.md"]);
        assert_eq!(list[1].name(), "L1 II 3°");
        assert!(newest_first(load(&file).expect("load"), "other").is_empty());
        remove(&file, &list[0]).expect("remove");
        assert_eq!(load(&file).expect("load").len(), 1);
    }

    #[test]
    fn a_damaged_file_is_not_written_over() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("bookmarks.json");
        std::fs::write(&file, "not json").expect("write");
        let err = add(&file, mark("a.md", None, 1)).expect_err("refused");
        assert!(err.to_string().contains("move it aside"), "{err}");
        assert_eq!(std::fs::read_to_string(&file).expect("read"), "not json");
    }
}
