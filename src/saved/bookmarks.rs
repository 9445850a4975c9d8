//! Bookmarks: an article, or a point of it, to come back to (`m` adds, `'` lists).
//! Kept in one JSON list in the data folder, changed under its lock and re-read
//! under it, so that two `loi` at once lose none; each entry is rewritten as it was
//! read, so a field or an entry loi does not know survives.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::saved::damaged::{self, Loaded};
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

/// Every bookmark in `file`, oldest first, as far as it can be read: a damaged file
/// gives the bookmarks before the damage (and is left as it is: see [`open`]), one
/// that cannot be read is an error.
pub fn load(file: &Path) -> io::Result<Vec<Bookmark>> {
    let (_, list) = damaged::parse_list(&store::read(file)?);
    Ok(list.iter().filter_map(as_bookmark).collect())
}

/// Every bookmark in `file`, oldest first, under its lock; a damaged file is kept
/// aside (its readable bookmarks saved in its place) and `aside` says where.
pub fn open(file: &Path) -> io::Result<Loaded<Vec<Bookmark>>> {
    store::locked(file, || {
        let Loaded { value, aside } = damaged::list(file)?;
        Ok(Loaded {
            value: value.iter().filter_map(as_bookmark).collect(),
            aside,
        })
    })
}

/// The bookmarks of `mirror`, newest first.
pub fn newest_first(all: Vec<Bookmark>, mirror: &str) -> Vec<Bookmark> {
    let mut list: Vec<Bookmark> = all.into_iter().filter(|b| b.mirror == mirror).collect();
    list.reverse();
    list
}

/// Adds `bookmark` (the same point bookmarked again moves to the top); where a
/// damaged file was kept aside, if one was.
pub fn add(file: &Path, bookmark: Bookmark) -> io::Result<Option<PathBuf>> {
    let value = serde_json::to_value(&bookmark).map_err(io::Error::other)?;
    change(file, |list| {
        list.retain(|v| !as_bookmark(v).is_some_and(|b| same_point(&b, &bookmark)));
        list.push(value);
    })
}

/// Deletes `bookmark`; where a damaged file was kept aside, if one was.
pub fn remove(file: &Path, bookmark: &Bookmark) -> io::Result<Option<PathBuf>> {
    change(file, |list| {
        list.retain(|v| !as_bookmark(v).is_some_and(|b| same_point(&b, bookmark)));
    })
}

fn same_point(a: &Bookmark, b: &Bookmark) -> bool {
    a.mirror == b.mirror && a.path == b.path && a.block == b.block
}

/// A bookmark as loi reads it; `None` for an entry it does not know, which is kept
/// in the file as it is.
fn as_bookmark(value: &Value) -> Option<Bookmark> {
    Bookmark::deserialize(value).ok()
}

/// Changes the list as the file holds it now, under its lock: what another `loi`
/// wrote since this one last read it is kept, and each entry stays as it was written
/// (fields and entries of another version of loi included).
fn change(file: &Path, edit: impl FnOnce(&mut Vec<Value>)) -> io::Result<Option<PathBuf>> {
    store::locked(file, || {
        let Loaded { mut value, aside } = damaged::list(file)?;
        edit(&mut value);
        let text = serde_json::to_string_pretty(&value).map_err(io::Error::other)?;
        store::write_atomic(file, text.as_bytes())?;
        Ok(aside)
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
    fn a_damaged_file_is_kept_aside_with_its_bookmarks_saved_and_never_written_over() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("bookmarks.json");
        add(&file, mark("a.md", None, 1)).expect("add");
        add(&file, mark("b.md", None, 2)).expect("add");
        let whole = std::fs::read(&file).expect("read");
        let cut = &whole[..whole.len() - 30];
        std::fs::write(&file, cut).expect("torn");
        // Listed: what can be read, the file left as it is.
        assert_eq!(load(&file).expect("load").len(), 1);
        assert_eq!(std::fs::read(&file).expect("read"), cut);
        let aside = add(&file, mark("c.md", None, 3))
            .expect("add")
            .expect("kept aside");
        assert_eq!(std::fs::read(&aside).expect("aside"), cut);
        let paths: Vec<String> = load(&file)
            .expect("load")
            .into_iter()
            .map(|b| b.path)
            .collect();
        assert_eq!(paths, ["a.md", "c.md"]);
        assert!(open(&file).expect("open").aside.is_none(), "said once");
    }

    #[test]
    fn a_field_or_an_entry_loi_does_not_know_survives_adding_a_bookmark() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("bookmarks.json");
        std::fs::write(
            &file,
            r#"[{"mirror": "m", "path": "a.md", "num": "L1", "at": 1, "note": "to read again"},
                {"kind": "folder", "name": "from a newer loi"}]"#,
        )
        .expect("write");
        add(&file, mark("b.md", None, 2)).expect("add");
        let all: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("JSON");
        assert_eq!(all[0]["note"], "to read again");
        assert_eq!(all[1]["name"], "from a newer loi");
        assert_eq!(all[2]["path"], "b.md");
        assert_eq!(load(&file).expect("load").len(), 2);
        remove(&file, &mark("a.md", None, 0)).expect("remove");
        let all: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("JSON");
        assert_eq!(all[0]["name"], "from a newer loi");
    }

    #[test]
    fn an_unreadable_file_is_never_written_over() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("bookmarks.json");
        std::fs::create_dir(&file).expect("a folder in its place");
        let e = add(&file, mark("a.md", None, 1)).expect_err("refused");
        assert!(e.to_string().contains("not a plain file"), "{e}");
        assert!(file.is_dir());
        std::fs::remove_dir(&file).expect("remove");

        add(&file, mark("a.md", None, 1)).expect("add");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        // Root reads it anyway: then it is merged, not lost.
        let readable = std::fs::File::open(&file).is_ok();
        let added = add(&file, mark("b.md", None, 2));
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        assert_eq!(added.is_ok(), readable, "{added:?}");
        let paths: Vec<String> = load(&file)
            .expect("load")
            .into_iter()
            .map(|b| b.path)
            .collect();
        assert_eq!(paths[0], "a.md");
    }
}
