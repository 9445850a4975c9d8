//! The index of a mirror: every article file's name and folder, sorted by name, in one
//! flat block of bytes that is used where it lies (read from the cache a page at a
//! time, as look-ups reach it: `paged`), so that opening it costs the same at 12,000
//! articles as at 300,000.
//!
//! Layout (little-endian `u32`s after an 8-byte magic and a 64-bit fingerprint):
//! a header, the file table (name offset, name length, folder; sorted by name), the folder table (parent folder, name offset, name length: a tree, as the
//! long folder names of a code repeat in every path), then the strings, the samples,
//! and last the folders' stamp (`stamps`: what every folder was when it was read).
//! Every read is bounds-checked: a damaged cache file gives no answer, never a panic.

mod build;
pub mod cache;
mod counts;
#[cfg(unix)]
pub mod paged;
pub mod stamps;
pub(crate) mod walk;

pub use build::Builder;

const MAGIC: &[u8; 8] = b"LOIINDX5";
/// Magic, fingerprint, content hash, then six `u32`: files, folders, the offsets of
/// the folder table and of the strings, the whole length, and the offset of the
/// samples.
const HEADER: usize = 8 + 8 + 8 + 6 * 4;
/// Every `SAMPLE`th file's name is also kept in a small table of its own (the
/// samples, at the end): a look-up searches it first, then one run of `SAMPLE` rows.
/// A binary search over the whole table touches spots far apart in a large index,
/// and the kernel maps 64 KB around each page touched (fault-around): every step costs
/// the reader memory (measured: docs/BENCHMARKS.md, « Figures behind the code »).
/// The samples of 300,000 files fit in 50 KB.
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

impl Index {
    /// An index with no file.
    pub fn empty() -> Index {
        let bytes = build::encode(0, 0, stamps::UNKNOWN, &[], &[]);
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
            && samples_at.checked_add(4 + samples.checked_mul(8)?)? <= len.checked_sub(8)?
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

    /// What the mirror's folders were when this index was read from them
    /// ([`stamps::UNKNOWN`] when that could not be told): the last 8 bytes.
    pub fn dirs_stamp(&self) -> u64 {
        let len = self.bytes.len();
        self.bytes
            .get(len.saturating_sub(8)..len)
            .and_then(|b| b.try_into().ok())
            .map_or(stamps::UNKNOWN, u64::from_le_bytes)
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

/// Sizes and offsets fit in a `u32`: an index of 4 GB is far past any mirror.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests;
