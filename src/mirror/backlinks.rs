//! "Cité par": the articles that cite a given one, by link or by plain-text citation,
//! each with the sentence that cites it. Finding them means resolving every reference
//! of the mirror (what `loi links` does), so it is done once (see `build`) and kept in
//! the cache folder, searched in place.
//!
//! The file: a stamp line naming the index it was built for (its content hash: the
//! numbers below are positions in that index) and how many articles it has, what each
//! article's file was when read (`index::stamps`: an article written since is read
//! again and its citations patched in), a `u32` count, then that many records
//! of five `u32` sorted by target (target, citing article, block, snippet offset,
//! snippet length), then the snippets. 20 bytes a citation, whatever the paths'
//! lengths; a look-up is a binary search that reads only the records it lands on.

mod build;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;

use serde::Serialize;

use crate::mirror::Mirror;
use crate::mirror::index::{Bytes, Index, stamps};

const MAGIC: &str = "LOIBACK2";
/// How many articles written since the backlinks were built are read again and
/// patched in, rather than every article read again.
const PATCHED: usize = 2000;
/// The `u32`s of a record.
const FIELDS: usize = 5;
const RECORD: usize = FIELDS * 4;

/// One article that cites another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citing {
    /// The citing article's path, relative to the mirror root.
    pub path: String,
    /// Its number, as its file name gives it.
    pub num: String,
    /// The block the citation sits in, to open the article there.
    #[serde(skip)]
    pub block: usize,
    /// The sentence that cites, cut around the citation.
    pub snippet: String,
}

/// The citations of the whole mirror, by target.
#[derive(Debug)]
pub struct Backlinks {
    bytes: Bytes,
    /// Where the articles' stamps start.
    stamps_at: usize,
    /// Where the records start, and how many there are.
    records_at: usize,
    count: usize,
    /// Where the snippets start.
    snippets_at: usize,
}

impl Backlinks {
    /// From the cache when it was built for this index, else built (every article
    /// read and its references resolved) and saved.
    pub fn load_or_build(mirror: &Mirror) -> Backlinks {
        Backlinks::load_or_build_counting(mirror, &AtomicUsize::new(0))
    }

    /// From the cache, when it was built for this index, the articles written since
    /// (a few) read again and patched in; `None` when it must be built.
    pub fn cached(mirror: &Mirror) -> Option<Backlinks> {
        let file = cache_file(mirror)?;
        let found = map(&file).filter(|found| found.fits(mirror))?;
        let changed = found.changed(mirror);
        if changed.is_empty() {
            return Some(found);
        }
        if changed.len() > PATCHED {
            return None;
        }
        let head = head(mirror, Some(&stamps::Clock::start()));
        let patch =
            |out: &mut dyn std::io::Write| build::patch(mirror, &found, &changed, &head, out);
        crate::mirror::index::cache::save_with(&file, patch).ok()?;
        map(&file)
    }

    /// Whether these were built for the mirror's index as it is now (its files by
    /// name: their text may have changed since, [`Backlinks::current`]).
    pub fn fits(&self, mirror: &Mirror) -> bool {
        self.bytes.starts_with(stamp(&mirror.index()).as_bytes())
    }

    /// Whether these were built from the mirror's files as they are now.
    pub fn current(&self, mirror: &Mirror) -> bool {
        self.fits(mirror) && self.changed(mirror).is_empty()
    }

    /// The articles whose files were written since these were built (a stat of each).
    fn changed(&self, mirror: &Mirror) -> Vec<u32> {
        let Some(root) = mirror.root() else {
            return Vec::new();
        };
        let now = stamps::files(root, &mirror.index(), None);
        let then = self.bytes.get(self.stamps_at..).unwrap_or_default();
        stamps::changed(then, &now)
    }

    /// As [`Backlinks::load_or_build`], adding one to `done` for each article read.
    pub fn load_or_build_counting(mirror: &Mirror, done: &AtomicUsize) -> Backlinks {
        if let Some(found) = Backlinks::cached(mirror) {
            return found;
        }
        // Legacy links resolve as the mirror's own links say their ids are: from the
        // cache, else counted by the build itself (`build::resolve_waiting`).
        mirror.legacy_ids();
        let head = head(mirror, Some(&stamps::Clock::start()));
        let file = cache_file(mirror);
        let build = |out: &mut dyn std::io::Write| build::build(mirror, &head, out, done);
        if let Some(file) = &file
            && crate::mirror::index::cache::save_with(file, build).is_ok()
            && let Some(saved) = map(file)
        {
            return saved;
        }
        // No cache to keep it in: built in memory, and again next time.
        let mut bytes = Vec::new();
        let _ = build(&mut bytes);
        Backlinks::from_bytes(Bytes::Owned(bytes)).unwrap_or_else(|| Backlinks {
            bytes: Bytes::Owned(Vec::new()),
            stamps_at: 0,
            records_at: 0,
            count: 0,
            snippets_at: 0,
        })
    }

    /// Checks the stamp line and the records' bounds; `None` for bytes that are no
    /// backlinks file (a damaged cache gives no answer, never a panic).
    fn from_bytes(bytes: Bytes) -> Option<Backlinks> {
        let stamps_at = bytes.iter().position(|&b| b == b'\n')? + 1;
        let line = std::str::from_utf8(bytes.get(..stamps_at - 1)?).ok()?;
        let files: usize = line.rsplit(' ').next()?.parse().ok()?;
        let count_at = stamps_at.checked_add(files.checked_mul(stamps::ROW)?)?;
        let count = read_u32(&bytes, count_at)? as usize;
        let records_at = count_at + 4;
        let snippets_at = records_at.checked_add(count.checked_mul(RECORD)?)?;
        (snippets_at <= bytes.len()).then_some(Backlinks {
            bytes,
            stamps_at,
            records_at,
            count,
            snippets_at,
        })
    }

    fn record(&self, i: usize) -> [u32; FIELDS] {
        let at = self.records_at + i * RECORD;
        std::array::from_fn(|f| read_u32(&self.bytes, at + 4 * f).unwrap_or(u32::MAX))
    }

    /// The articles citing the one at `target`, in path order (so by code, then
    /// partie législative before réglementaire, and so on down).
    pub fn of(&self, mirror: &Mirror, target: &str) -> Vec<Citing> {
        let index = mirror.index();
        let Some(id) = position(&index, target) else {
            return Vec::new();
        };
        let start = partition_point(self.count, |i| self.record(i)[0] < id);
        let mut found = (start..self.count)
            .map(|i| self.record(i))
            .take_while(|r| r[0] == id)
            .filter_map(|[_, source, block, at, len]| {
                let path = index.entry(source as usize)?.path();
                let snippet = self
                    .bytes
                    .get(self.snippets_at + at as usize..)?
                    .get(..len as usize)?;
                Some(Citing {
                    num: crate::mirror::number_of_file(&path),
                    path,
                    block: block as usize,
                    snippet: String::from_utf8_lossy(snippet).into_owned(),
                })
            })
            .collect::<Vec<_>>();
        found.sort_by(|a, b| (&a.path, a.block).cmp(&(&b.path, b.block)));
        found
    }
}

/// The first line of a backlinks file built for `index`.
fn stamp(index: &Index) -> String {
    format!("{MAGIC} {:016x} {}\n", index.content_hash(), index.len())
}

/// What a backlinks file of `mirror` starts with: its stamp line, then what each
/// article's file is (as a build that starts now will read it, with `clock`).
fn head(mirror: &Mirror, clock: Option<&stamps::Clock>) -> Vec<u8> {
    let index = mirror.index();
    let mut head = stamp(&index).into_bytes();
    match mirror.root() {
        Some(root) => head.extend(stamps::files(root, &index, clock)),
        None => head.resize(head.len() + index.len() * stamps::ROW, 0),
    }
    head
}

/// The position in `index` of the file at `path` (relative to the root).
fn position(index: &Index, path: &str) -> Option<u32> {
    let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
    index
        .named(name)
        .find(|e| index.dir_path(e.dir) == dir)
        .and_then(|e| u32::try_from(e.at).ok())
}

/// The first of `0..len` for which `below` is false (`below` true, then false).
fn partition_point(len: usize, below: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if below(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(b.try_into().ok()?))
}

fn cache_file(mirror: &Mirror) -> Option<PathBuf> {
    let index = crate::mirror::index::cache::cache_file(mirror.root()?)?;
    let name = index.file_name()?.to_str()?.replace("index-", "backlinks-");
    Some(index.with_file_name(name))
}

fn map(file: &Path) -> Option<Backlinks> {
    let f = fs::File::open(file).ok()?;
    // SAFETY: loi's cache files are only ever replaced by a rename
    // (index::cache::save_with), never written in place, and
    // read with bounds checks.
    let mapped = unsafe { memmap2::Mmap::map(&f) }.ok()?;
    Backlinks::from_bytes(Bytes::Mapped(mapped))
}

#[cfg(test)]
mod tests;
