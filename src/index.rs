//! The index of a mirror: every article file's name and folder, sorted by name, in one
//! flat block of bytes that is used where it lies (memory-mapped from the cache), so
//! that opening it costs the same at 12,000 articles as at 300,000.
//!
//! Layout (little-endian `u32`s after an 8-byte magic and a 64-bit fingerprint):
//! a header, the file table (name offset, name length, folder number; sorted by name
//! then folder), the folder table (offset, length), then the strings. Every read is
//! bounds-checked: a damaged cache file gives no answer, never a panic.

pub mod cache;

use std::collections::HashMap;

const MAGIC: &[u8; 8] = b"LOIINDX1";
/// Magic, fingerprint, then five `u32`: files, folders, and the offsets of the
/// folder table and of the strings, and the whole length.
const HEADER: usize = 8 + 8 + 5 * 4;
const FILE_ROW: usize = 12;
const DIR_ROW: usize = 8;

/// The bytes of an index: mapped from the cache, or built in memory.
pub enum Bytes {
    Mapped(memmap2::Mmap),
    Owned(Vec<u8>),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Mapped(m) => m,
            Bytes::Owned(v) => v,
        }
    }
}

impl std::fmt::Debug for Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Bytes({} bytes)", self.len())
    }
}

/// An index, checked once when opened.
#[derive(Debug)]
pub struct Index {
    bytes: Bytes,
    files: usize,
    dirs: usize,
    dirs_at: usize,
    strings_at: usize,
}

/// One article file: its folder (relative to the mirror root, may be empty) and name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    pub dir: &'a str,
    pub name: &'a str,
}

impl Entry<'_> {
    /// The file's path relative to the mirror root.
    pub fn path(&self) -> String {
        if self.dir.is_empty() {
            self.name.to_owned()
        } else {
            format!("{}/{}", self.dir, self.name)
        }
    }
}

impl Index {
    /// The index of the files `walk` gives (it calls its argument with each file's
    /// folder and name), with the mirror's `fingerprint`.
    pub fn build(fingerprint: u64, walk: impl FnOnce(&mut dyn FnMut(&str, &str))) -> Index {
        let mut dirs: Vec<String> = Vec::new();
        let mut dir_ids: HashMap<String, u32> = HashMap::new();
        let mut files: Vec<(String, u32)> = Vec::new();
        walk(&mut |dir: &str, name: &str| {
            let id = match dir_ids.get(dir) {
                Some(id) => *id,
                None => {
                    let id = to_u32(dirs.len());
                    dirs.push(dir.to_owned());
                    dir_ids.insert(dir.to_owned(), id);
                    id
                }
            };
            files.push((name.to_owned(), id));
        });
        files.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| dirs[a.1 as usize].cmp(&dirs[b.1 as usize]))
        });
        Index::from_bytes(Bytes::Owned(encode(fingerprint, &files, &dirs)))
            .unwrap_or_else(Index::empty)
    }

    /// An index with no file.
    pub fn empty() -> Index {
        Index::build(0, |_| {})
    }

    /// Checks the header and the tables' bounds; `None` for bytes that are no index.
    pub fn from_bytes(bytes: Bytes) -> Option<Index> {
        if bytes.get(..8)? != MAGIC || bytes.len() < HEADER {
            return None;
        }
        let word = |i: usize| read_u32(&bytes, 16 + 4 * i).map(|w| w as usize);
        let (files, dirs, dirs_at, strings_at, len) =
            (word(0)?, word(1)?, word(2)?, word(3)?, word(4)?);
        let fits = len == bytes.len()
            && HEADER.checked_add(files.checked_mul(FILE_ROW)?)? == dirs_at
            && dirs_at.checked_add(dirs.checked_mul(DIR_ROW)?)? == strings_at
            && strings_at <= len;
        fits.then_some(Index {
            bytes,
            files,
            dirs,
            dirs_at,
            strings_at,
        })
    }

    /// What the mirror looked like when this index was built.
    pub fn fingerprint(&self) -> u64 {
        self.bytes
            .get(8..16)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    }

    /// The bytes, to write to the cache.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// How many article files.
    pub fn len(&self) -> usize {
        self.files
    }

    /// Whether the index holds no file.
    pub fn is_empty(&self) -> bool {
        self.files == 0
    }

    fn string(&self, off: u32, len: u32) -> &str {
        let start = self.strings_at + off as usize;
        self.bytes
            .get(start..start + len as usize)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }

    fn dir(&self, id: u32) -> &str {
        let row = self.dirs_at + DIR_ROW * id as usize;
        match (read_u32(&self.bytes, row), read_u32(&self.bytes, row + 4)) {
            (Some(off), Some(len)) if (id as usize) < self.dirs => self.string(off, len),
            _ => "",
        }
    }

    fn name_at(&self, i: usize) -> &str {
        let row = HEADER + FILE_ROW * i;
        match (read_u32(&self.bytes, row), read_u32(&self.bytes, row + 4)) {
            (Some(off), Some(len)) => self.string(off, len),
            _ => "",
        }
    }

    /// The `i`th file in name order.
    pub fn entry(&self, i: usize) -> Option<Entry<'_>> {
        (i < self.files).then(|| Entry {
            dir: self.dir(read_u32(&self.bytes, HEADER + FILE_ROW * i + 8).unwrap_or(0)),
            name: self.name_at(i),
        })
    }

    /// Every file, in name order.
    pub fn entries(&self) -> impl Iterator<Item = Entry<'_>> {
        (0..self.files).filter_map(|i| self.entry(i))
    }

    /// The first position whose name is not below `name`.
    fn lower_bound(&self, name: &str) -> usize {
        let (mut lo, mut hi) = (0, self.files);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.name_at(mid) < name {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Every file named exactly `name`, by folder.
    pub fn named(&self, name: &str) -> impl Iterator<Item = Entry<'_>> {
        let start = self.lower_bound(name);
        (start..self.files).map_while(move |i| self.entry(i).filter(|e| e.name == name))
    }

    /// Every file whose name starts with `prefix`, in name order.
    pub fn starting_with<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = Entry<'a>> {
        let start = self.lower_bound(prefix);
        (start..self.files).map_while(move |i| self.entry(i).filter(|e| e.name.starts_with(prefix)))
    }

    /// The names of the files in folder `dir`.
    pub fn in_dir<'a>(&'a self, dir: &'a str) -> impl Iterator<Item = &'a str> {
        self.entries().filter(move |e| e.dir == dir).map(|e| e.name)
    }

    /// Every folder that holds an article, in the order they were walked.
    pub fn dirs(&self) -> impl Iterator<Item = &str> {
        (0..self.dirs).map(|i| self.dir(to_u32(i)))
    }
}

fn encode(fingerprint: u64, files: &[(String, u32)], dirs: &[String]) -> Vec<u8> {
    let mut strings: Vec<u8> = Vec::new();
    let mut put = |s: &str| {
        let off = to_u32(strings.len());
        strings.extend_from_slice(s.as_bytes());
        (off, to_u32(s.len()))
    };
    let mut file_rows = Vec::with_capacity(files.len() * FILE_ROW);
    for (name, dir) in files {
        let (off, len) = put(name);
        for w in [off, len, *dir] {
            file_rows.extend_from_slice(&w.to_le_bytes());
        }
    }
    let mut dir_rows = Vec::with_capacity(dirs.len() * DIR_ROW);
    for dir in dirs {
        let (off, len) = put(dir);
        for w in [off, len] {
            dir_rows.extend_from_slice(&w.to_le_bytes());
        }
    }
    let dirs_at = HEADER + file_rows.len();
    let strings_at = dirs_at + dir_rows.len();
    let len = strings_at + strings.len();
    let mut out = Vec::with_capacity(len);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&fingerprint.to_le_bytes());
    for w in [files.len(), dirs.len(), dirs_at, strings_at, len] {
        out.extend_from_slice(&to_u32(w).to_le_bytes());
    }
    out.extend_from_slice(&file_rows);
    out.extend_from_slice(&dir_rows);
    out.extend_from_slice(&strings);
    out
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(b.try_into().ok()?))
}

/// Sizes and offsets fit in a `u32`: an index of 4 GB is far past any mirror.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Index {
        Index::build(42, |f| {
            f("code/b", "l2.md");
            f("code/a", "l10.md");
            f("code/a", "l1.md");
            f("other", "l1.md");
            f("", "top.md");
        })
    }

    #[test]
    fn files_are_found_by_name_and_prefix() {
        let index = sample();
        assert_eq!(index.len(), 5);
        assert_eq!(index.fingerprint(), 42);
        let l1: Vec<String> = index.named("l1.md").map(|e| e.path()).collect();
        assert_eq!(l1, ["code/a/l1.md", "other/l1.md"]);
        let l1x: Vec<&str> = index.starting_with("l1").map(|e| e.name).collect();
        assert_eq!(l1x, ["l1.md", "l1.md", "l10.md"]);
        assert_eq!(index.named("l3.md").count(), 0);
        assert_eq!(
            index.named("top.md").next().map(|e| e.path()).as_deref(),
            Some("top.md")
        );
        let mut a: Vec<&str> = index.in_dir("code/a").collect();
        a.sort_unstable();
        assert_eq!(a, ["l1.md", "l10.md"]);
    }

    #[test]
    fn bytes_survive_a_round_trip_and_damage_is_refused() {
        let index = sample();
        let copy = Index::from_bytes(Bytes::Owned(index.as_bytes().to_vec())).expect("valid");
        assert_eq!(
            copy.entries().map(|e| e.path()).collect::<Vec<_>>(),
            index.entries().map(|e| e.path()).collect::<Vec<_>>()
        );
        let bytes = index.as_bytes();
        for cut in [0, 7, HEADER - 1, HEADER + 5, bytes.len() - 1] {
            assert!(
                Index::from_bytes(Bytes::Owned(bytes[..cut].to_vec())).is_none(),
                "{cut}"
            );
        }
        let mut wrong = bytes.to_vec();
        wrong[16] = 200; // 200 files claimed
        assert!(Index::from_bytes(Bytes::Owned(wrong)).is_none());
        // Offsets pointing past the strings read as empty, not as a panic.
        let mut bad = bytes.to_vec();
        bad[HEADER..HEADER + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        let bad = Index::from_bytes(Bytes::Owned(bad)).expect("header still fits");
        assert_eq!(bad.entry(0).map(|e| e.name), Some(""));
    }
}
