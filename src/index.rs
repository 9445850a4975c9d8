//! The index of a mirror: every article file's name and folder, sorted by name, in one
//! flat block of bytes that is used where it lies (read from the cache a page at a
//! time, as look-ups reach it: `paged`), so that opening it costs the same at 12,000
//! articles as at 300,000.
//!
//! Layout (little-endian `u32`s after an 8-byte magic and a 64-bit fingerprint):
//! a header, the file table (name offset, name length, folder; sorted by name), the folder table (parent folder, name offset, name length: a tree, as the
//! long folder names of a code repeat in every path), then the strings. Every read is
//! bounds-checked: a damaged cache file gives no answer, never a panic.

pub mod cache;
#[cfg(unix)]
pub mod paged;

use std::collections::HashMap;

const MAGIC: &[u8; 8] = b"LOIINDX4";
/// Magic, fingerprint, content hash, then six `u32`: files, folders, the offsets of
/// the folder table and of the strings, the whole length, and the offset of the
/// samples.
const HEADER: usize = 8 + 8 + 8 + 6 * 4;
/// Every `SAMPLE`th file's name is also kept in a small table of its own (the
/// samples, at the end): a look-up searches it first, then one run of `SAMPLE` rows.
/// A binary search over the whole table touched some 14 spots of a 300,000-file
/// index, and the kernel maps 64 KB around each page touched (fault-around): 1.2 MB
/// of the reader's memory. The samples of 300,000 files fit in 50 KB.
const SAMPLE: usize = 128;
const ROW: usize = 12;
/// The parent of a folder at the mirror's root.
const NO_PARENT: u32 = u32::MAX;

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

/// Where an index's bytes are: whole in memory (built, or mapped), or read in a
/// page at a time (the cache file, for a reader making a few look-ups).
#[derive(Debug)]
enum Store {
    Whole(Bytes),
    #[cfg(unix)]
    Paged(paged::Paged),
}

impl Store {
    fn len(&self) -> usize {
        match self {
            Store::Whole(b) => b.len(),
            #[cfg(unix)]
            Store::Paged(p) => p.len(),
        }
    }

    fn get(&self, range: std::ops::Range<usize>) -> Option<&[u8]> {
        match self {
            Store::Whole(b) => b.get(range),
            #[cfg(unix)]
            Store::Paged(p) => p.get(range),
        }
    }

    fn u32_at(&self, at: usize) -> Option<u32> {
        let b = self.get(at..at.checked_add(4)?)?;
        Some(u32::from_le_bytes(b.try_into().ok()?))
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
    bytes: Store,
    files: usize,
    dirs: usize,
    dirs_at: usize,
    strings_at: usize,
    samples_at: usize,
    samples: usize,
}

/// One article file of an index.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    index: &'a Index,
    /// Its position in name order.
    pub at: usize,
    /// Its folder's number in the index.
    pub dir: u32,
    pub name: &'a str,
}

impl Entry<'_> {
    /// The file's path relative to the mirror root.
    pub fn path(&self) -> String {
        let mut path = self.index.dir_path(self.dir);
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str(self.name);
        path
    }
}

/// Collects folders and files, then lays them out as an index.
#[derive(Default)]
pub struct Builder {
    dirs: Vec<(u32, String)>,
    files: Vec<(String, u32)>,
}

impl Builder {
    /// A folder named `name` inside folder `parent` (`None`: at the root); its number.
    pub fn dir(&mut self, parent: Option<u32>, name: &str) -> u32 {
        self.dirs
            .push((parent.unwrap_or(NO_PARENT), name.to_owned()));
        to_u32(self.dirs.len() - 1)
    }

    /// An article file named `name` in folder `dir` (`None`: at the root).
    pub fn file(&mut self, dir: Option<u32>, name: &str) {
        self.files.push((name.to_owned(), dir.unwrap_or(NO_PARENT)));
    }

    /// The index, files sorted by name (files of the same name, in several folders,
    /// in no set order: callers sort the few they get).
    pub fn finish(mut self, fingerprint: u64) -> Index {
        self.files.sort_unstable();
        Index::from_bytes(Bytes::Owned(encode(fingerprint, &self.files, &self.dirs)))
            .unwrap_or_else(Index::empty)
    }
}

impl Index {
    /// The index of the files `walk` gives (it calls its argument with each file's
    /// folder path and name), for small mirrors and tests.
    pub fn from_paths(fingerprint: u64, walk: impl FnOnce(&mut dyn FnMut(&str, &str))) -> Index {
        let mut builder = Builder::default();
        let mut ids: HashMap<String, u32> = HashMap::new();
        walk(&mut |dir: &str, name: &str| {
            let id = folder_id(&mut builder, &mut ids, dir);
            builder.file(id, name);
        });
        builder.finish(fingerprint)
    }

    /// An index with no file.
    pub fn empty() -> Index {
        let bytes = encode(0, &[], &[]);
        Index {
            files: 0,
            dirs: 0,
            dirs_at: HEADER,
            strings_at: HEADER,
            samples_at: HEADER,
            samples: 0,
            bytes: Store::Whole(Bytes::Owned(bytes)),
        }
    }

    /// Checks the header and the tables' bounds; `None` for bytes that are no index.
    pub fn from_bytes(bytes: Bytes) -> Option<Index> {
        Index::from_store(Store::Whole(bytes))
    }

    /// An index read from its file a page at a time, as look-ups need them.
    #[cfg(unix)]
    pub fn from_paged(paged: paged::Paged) -> Option<Index> {
        Index::from_store(Store::Paged(paged))
    }

    fn from_store(bytes: Store) -> Option<Index> {
        if bytes.len() < HEADER || bytes.get(0..8)? != MAGIC {
            return None;
        }
        let word = |i: usize| bytes.u32_at(24 + 4 * i).map(|w| w as usize);
        let (files, dirs, dirs_at, strings_at, len, samples_at) =
            (word(0)?, word(1)?, word(2)?, word(3)?, word(4)?, word(5)?);
        let samples = bytes.u32_at(samples_at)? as usize;
        let fits = len == bytes.len()
            && HEADER.checked_add(files.checked_mul(ROW)?)? == dirs_at
            && dirs_at.checked_add(dirs.checked_mul(ROW)?)? == strings_at
            && strings_at <= samples_at
            && samples_at.checked_add(4 + samples.checked_mul(8)?)? <= len
            && samples == files.div_ceil(SAMPLE);
        fits.then_some(Index {
            bytes,
            files,
            dirs,
            dirs_at,
            strings_at,
            samples_at,
            samples,
        })
    }

    /// What the mirror looked like when this index was built.
    pub fn fingerprint(&self) -> u64 {
        self.bytes
            .get(8..16)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    }

    /// A hash of the index's tables: what is derived from positions in this index
    /// (the backlinks' article numbers) is valid for an index with the same hash only.
    pub fn content_hash(&self) -> u64 {
        self.bytes
            .get(16..24)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    }

    /// The bytes, to write to the cache.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(0..self.bytes.len()).unwrap_or_default()
    }

    /// How many article files.
    pub fn len(&self) -> usize {
        self.files
    }

    /// Whether the index holds no file.
    pub fn is_empty(&self) -> bool {
        self.files == 0
    }

    fn word(&self, at: usize) -> u32 {
        self.bytes.u32_at(at).unwrap_or(NO_PARENT)
    }

    fn string(&self, off: u32, len: u32) -> &str {
        let Some(start) = self.strings_at.checked_add(off as usize) else {
            return "";
        };
        self.bytes
            .get(start..start.saturating_add(len as usize))
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// A folder's parent and own name.
    fn dir(&self, id: u32) -> Option<(u32, &str)> {
        let row = self.dirs_at + ROW * id as usize;
        ((id as usize) < self.dirs).then(|| {
            (
                self.word(row),
                self.string(self.word(row + 4), self.word(row + 8)),
            )
        })
    }

    /// How many folders.
    pub fn dir_count(&self) -> usize {
        self.dirs
    }

    /// A folder's own name (the slug of its section's title).
    pub fn dir_name(&self, id: u32) -> Option<&str> {
        self.dir(id).map(|(_, name)| name)
    }

    /// A folder's parent; `None` at the mirror's root.
    pub fn dir_parent(&self, id: u32) -> Option<u32> {
        self.dir(id)
            .map(|(parent, _)| parent)
            .filter(|&p| p != NO_PARENT)
    }

    /// A folder's path relative to the mirror root.
    pub fn dir_path(&self, mut id: u32) -> String {
        let mut parts = Vec::new();
        while let Some((parent, name)) = self.dir(id) {
            parts.push(name);
            if parent >= id {
                break;
            }
            id = parent;
        }
        parts.reverse();
        parts.join("/")
    }

    /// The number of the folder at `path`, if it holds articles or folders that do.
    pub fn dir_id(&self, path: &str) -> Option<u32> {
        let mut current = NO_PARENT;
        for part in path.split('/').filter(|p| !p.is_empty()) {
            current = (0..to_u32(self.dirs))
                .find(|&d| self.dir(d).is_some_and(|(p, n)| p == current && n == part))?;
        }
        Some(current)
    }

    fn name_at(&self, i: usize) -> &str {
        let row = HEADER + ROW * i;
        self.string(self.word(row), self.word(row + 4))
    }

    /// The `i`th file in name order.
    pub fn entry(&self, i: usize) -> Option<Entry<'_>> {
        (i < self.files).then(|| Entry {
            index: self,
            at: i,
            dir: self.word(HEADER + ROW * i + 8),
            name: self.name_at(i),
        })
    }

    /// Every file, in name order.
    pub fn entries(&self) -> impl Iterator<Item = Entry<'_>> {
        (0..self.files).filter_map(|i| self.entry(i))
    }

    /// The name of file `j * SAMPLE`, from the samples.
    fn sample(&self, j: usize) -> &str {
        let row = self.samples_at + 4 + 8 * j;
        let strings = self.samples_at + 4 + 8 * self.samples;
        let (off, len) = (self.word(row) as usize, self.word(row + 4) as usize);
        strings
            .checked_add(off)
            .and_then(|start| self.bytes.get(start..start.checked_add(len)?))
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// The first position whose name is not below `name`: the samples first, then
    /// the one run of rows between two of them.
    fn lower_bound(&self, name: &str) -> usize {
        let (mut lo, mut hi) = (0, self.samples);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.sample(mid) < name {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        // Sample `lo` is the first not below `name`: the answer is after the one
        // before it, and not after it.
        let (mut lo, mut hi) = match lo {
            0 => (0, 0),
            j => ((j - 1) * SAMPLE, (j * SAMPLE).min(self.files)),
        };
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

    /// The names of the files in folder `dir` (a path relative to the root).
    pub fn in_dir(&self, dir: &str) -> Vec<&str> {
        let id = if dir.is_empty() {
            Some(NO_PARENT)
        } else {
            self.dir_id(dir)
        };
        id.map(|id| {
            self.entries()
                .filter(|e| e.dir == id)
                .map(|e| e.name)
                .collect()
        })
        .unwrap_or_default()
    }
}

/// The number of folder `path`, adding it and its parents to `builder` as needed.
fn folder_id(builder: &mut Builder, ids: &mut HashMap<String, u32>, path: &str) -> Option<u32> {
    if path.is_empty() {
        return None;
    }
    if let Some(id) = ids.get(path) {
        return Some(*id);
    }
    let (parent, name) = match path.rsplit_once('/') {
        Some((parent, name)) => (folder_id(builder, ids, parent), name),
        None => (None, path),
    };
    let id = builder.dir(parent, name);
    ids.insert(path.to_owned(), id);
    Some(id)
}

fn encode(fingerprint: u64, files: &[(String, u32)], dirs: &[(u32, String)]) -> Vec<u8> {
    let mut strings: Vec<u8> = Vec::new();
    let mut put = |s: &str| {
        let off = to_u32(strings.len());
        strings.extend_from_slice(s.as_bytes());
        (off, to_u32(s.len()))
    };
    let mut file_rows = Vec::with_capacity(files.len() * ROW);
    for (name, dir) in files {
        let (off, len) = put(name);
        for w in [off, len, *dir] {
            file_rows.extend_from_slice(&w.to_le_bytes());
        }
    }
    let mut dir_rows = Vec::with_capacity(dirs.len() * ROW);
    for (parent, name) in dirs {
        let (off, len) = put(name);
        for w in [*parent, off, len] {
            dir_rows.extend_from_slice(&w.to_le_bytes());
        }
    }
    let mut samples = Vec::new();
    let mut sample_strings = Vec::new();
    samples.extend_from_slice(&to_u32(files.len().div_ceil(SAMPLE)).to_le_bytes());
    for (name, _) in files.iter().step_by(SAMPLE) {
        samples.extend_from_slice(&to_u32(sample_strings.len()).to_le_bytes());
        samples.extend_from_slice(&to_u32(name.len()).to_le_bytes());
        sample_strings.extend_from_slice(name.as_bytes());
    }
    samples.extend_from_slice(&sample_strings);
    let dirs_at = HEADER + file_rows.len();
    let strings_at = dirs_at + dir_rows.len();
    let samples_at = strings_at + strings.len();
    let len = samples_at + samples.len();
    let mut out = Vec::with_capacity(len);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&fingerprint.to_le_bytes());
    let content = [file_rows.as_slice(), &dir_rows, &strings]
        .iter()
        .flat_map(|part| part.iter())
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    out.extend_from_slice(&content.to_le_bytes());
    for w in [
        files.len(),
        dirs.len(),
        dirs_at,
        strings_at,
        len,
        samples_at,
    ] {
        out.extend_from_slice(&to_u32(w).to_le_bytes());
    }
    out.extend_from_slice(&file_rows);
    out.extend_from_slice(&dir_rows);
    out.extend_from_slice(&strings);
    out.extend_from_slice(&samples);
    out
}

/// Sizes and offsets fit in a `u32`: an index of 4 GB is far past any mirror.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Index {
        Index::from_paths(42, |f| {
            f("code/b", "l2.md");
            f("code/a", "l10.md");
            f("code/a", "l1.md");
            f("other", "l1.md");
            f("", "top.md");
        })
    }

    #[test]
    fn look_ups_through_the_samples_find_what_a_scan_finds() {
        // Several runs of SAMPLE rows, with names repeated across folders and
        // straddling the runs' edges.
        let names: Vec<String> = (0..1000)
            .map(|i| format!("l{}-{}.md", i % 97, i % 13))
            .collect();
        let index = Index::from_paths(1, |f| {
            for (i, name) in names.iter().enumerate() {
                f(&format!("code/s{}", i % 7), name);
            }
        });
        assert_eq!(index.len(), 1000);
        assert!(index.samples > 5);
        let mut probes: Vec<String> = names.clone();
        probes.extend(["", "a", "l", "l1", "l5", "l96-12.md", "l96-12.mdz", "z"].map(String::from));
        for probe in &probes {
            let want = names.iter().filter(|n| *n == probe).count();
            assert_eq!(index.named(probe).count(), want, "{probe}");
            let want = names
                .iter()
                .filter(|n| n.starts_with(probe.as_str()))
                .count();
            assert_eq!(index.starting_with(probe).count(), want, "prefix {probe}");
        }
    }

    #[test]
    fn the_content_hash_follows_the_files_not_the_fingerprint() {
        let same = Index::from_paths(7, |f| {
            f("code/b", "l2.md");
            f("code/a", "l10.md");
            f("code/a", "l1.md");
            f("other", "l1.md");
            f("", "top.md");
        });
        assert_eq!(same.content_hash(), sample().content_hash());
        let other = Index::from_paths(42, |f| f("code/b", "l2.md"));
        assert_ne!(other.content_hash(), sample().content_hash());
        assert_ne!(sample().content_hash(), 0);
    }

    #[test]
    fn files_are_found_by_name_and_prefix() {
        let index = sample();
        assert_eq!(index.len(), 5);
        assert_eq!(index.fingerprint(), 42);
        let mut l1: Vec<String> = index.named("l1.md").map(|e| e.path()).collect();
        l1.sort();
        assert_eq!(l1, ["code/a/l1.md", "other/l1.md"]);
        let l1x: Vec<&str> = index.starting_with("l1").map(|e| e.name).collect();
        assert_eq!(l1x, ["l1.md", "l1.md", "l10.md"]);
        assert_eq!(index.named("l3.md").count(), 0);
        assert_eq!(
            index.named("top.md").next().map(|e| e.path()).as_deref(),
            Some("top.md")
        );
        let mut a: Vec<&str> = index.in_dir("code/a");
        a.sort_unstable();
        assert_eq!(a, ["l1.md", "l10.md"]);
        assert_eq!(index.in_dir(""), ["top.md"]);
        assert!(index.in_dir("code/z").is_empty());
        assert_eq!(
            index.dir_id("code").map(|d| index.dir_path(d)).as_deref(),
            Some("code")
        );
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
        wrong[24] = 200; // 200 files claimed
        assert!(Index::from_bytes(Bytes::Owned(wrong)).is_none());
        // Offsets pointing past the strings read as empty, not as a panic.
        let mut bad = bytes.to_vec();
        bad[HEADER..HEADER + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        let bad = Index::from_bytes(Bytes::Owned(bad)).expect("header still fits");
        assert_eq!(bad.entry(0).map(|e| e.name), Some(""));
        // A folder claiming a later folder as parent ends the path, not the program.
        let mut looped = bytes.to_vec();
        let dirs_at = HEADER + ROW * index.len();
        looped[dirs_at..dirs_at + 4].copy_from_slice(&3u32.to_le_bytes());
        let looped = Index::from_bytes(Bytes::Owned(looped)).expect("header fits");
        let paths: Vec<String> = looped.entries().map(|e| e.path()).collect();
        assert_eq!(paths.len(), 5);
    }
}
