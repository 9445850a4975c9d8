//! What a cache was built from: each folder's modification time, and each article
//! file's size and time, to the nanosecond. A folder's time changes when a file is
//! added to it, removed or renamed (what the name index holds); a file's, when its
//! text is written, in place or by a rename (what the word index and the backlinks
//! hold). Compared where a cache is used, they tell it whether it is current.
//!
//! A time read close to the moment of the build is not trusted (git's « racy » entries):
//! a file system keeps times at its clock's tick (a few milliseconds, a second on some,
//! two on FAT), so a file written again in the tick it was read in keeps its time, and
//! its size may not change. Such a stamp is kept as unknown, and the cache is found
//! stale at its next check, by then read at a time that can be trusted.

use std::fs;
use std::hash::Hasher;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::Index;

/// The stamp of what could not be told: never current.
pub const UNKNOWN: u64 = 0;
/// A file's time that was too close to the build's: never matches one read later.
const RACY: u64 = u64::MAX;
/// How close to a build a time is not trusted: the coarsest clock of a file system in
/// use (FAT's two seconds), with room for the build's own length.
const MARGIN: Duration = Duration::from_secs(3);
/// A file's stamp: its size, and its modification time in nanoseconds.
pub const ROW: usize = 16;

/// When a build started reading the mirror: a time read since, within [`MARGIN`], may
/// be a write's that is not over.
#[derive(Debug, Clone, Copy)]
pub struct Clock(SystemTime);

impl Clock {
    /// Now, before anything is read.
    pub fn start() -> Clock {
        Clock(SystemTime::now())
    }

    /// Whether `ns` (a time read since the start) is too close to the build to trust.
    fn racy(&self, ns: u64) -> bool {
        let from = nanos(self.0.checked_sub(MARGIN).unwrap_or(SystemTime::UNIX_EPOCH));
        let to = nanos(SystemTime::now() + MARGIN);
        (from..=to).contains(&ns)
    }
}

fn nanos(t: SystemTime) -> u64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(UNKNOWN, |d| {
            u64::try_from(d.as_nanos()).unwrap_or(u64::MAX - 1)
        })
}

/// The modification time of what `meta` describes, in nanoseconds.
fn time_of(meta: &fs::Metadata) -> u64 {
    meta.modified().map_or(UNKNOWN, nanos)
}

/// The modification time of the folder at `path`; [`UNKNOWN`] when it cannot be read.
pub fn dir_time(path: &Path) -> u64 {
    fs::metadata(path).map_or(UNKNOWN, |m| time_of(&m))
}

/// The stamp of the folders' times, the root's then each folder's in the index's
/// order, as read by the walk that built it: [`UNKNOWN`] when one is too recent.
pub fn of_dirs(times: &[u64], clock: &Clock) -> u64 {
    if times.iter().any(|&t| clock.racy(t)) {
        return UNKNOWN;
    }
    hash(times.iter().copied())
}

fn hash(times: impl Iterator<Item = u64>) -> u64 {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    for t in times {
        h.write(&t.to_le_bytes());
    }
    // Never the unknown stamp by chance.
    h.finish().max(1)
}

/// Whether the mirror at `root` still has the folders `index` was read from, each
/// unchanged since: no file added, removed or renamed anywhere. A stat per folder,
/// no folder read.
pub fn dirs_current(root: &Path, index: &Index) -> bool {
    let stamp = index.dirs_stamp();
    stamp != UNKNOWN
        && stamp
            == hash(
                // Each path made and dropped: kept all at once, they doubled the
                // peak memory of a run whose look-up missed.
                std::iter::once(dir_time(root)).chain(
                    (0..u32::try_from(index.dir_count()).unwrap_or(u32::MAX))
                        .map(|id| dir_time(&root.join(index.dir_path(id)))),
                ),
            )
}

/// Every folder's path, by its number: each from its parent's, which comes first.
fn dir_paths(index: &Index) -> Vec<String> {
    let mut paths: Vec<String> = Vec::with_capacity(index.dir_count());
    for id in 0..u32::try_from(index.dir_count()).unwrap_or(u32::MAX) {
        let name = index.dir_name(id).unwrap_or_default();
        let path = match index.dir_parent(id) {
            None => name.to_owned(),
            Some(parent) => match paths.get(parent as usize) {
                Some(up) if parent < id => format!("{up}/{name}"),
                _ => index.dir_path(id),
            },
        };
        paths.push(path);
    }
    paths
}

/// Each article file's stamp, in the order of `index`, as the files of the mirror at
/// `root` are now; with `clock` (a build's), those too recent to trust marked so.
pub fn files(root: &Path, index: &Index, clock: Option<&Clock>) -> Vec<u8> {
    let mut rows = vec![[0u64; 2]; index.len()];
    // Folder by folder, each opened once: a stat by name inside it, not by a path
    // walked from the root each time.
    let mut by_dir: Vec<(u32, usize)> = index.entries().map(|e| (e.dir, e.at)).collect();
    by_dir.sort_unstable();
    let paths = dir_paths(index);
    for group in by_dir.chunk_by(|a, b| a.0 == b.0) {
        let dir = match paths.get(group[0].0 as usize) {
            Some(path) => root.join(path),
            None => root.to_owned(),
        };
        let names = group
            .iter()
            .map(|&(_, at)| (at, index.entry(at).map(|e| e.name).unwrap_or_default()));
        stat_in(&dir, names, &mut |at, len, time| {
            if let Some(row) = rows.get_mut(at) {
                let racy = clock.is_some_and(|c| c.racy(time));
                *row = [len, if racy { RACY } else { time }];
            }
        });
    }
    let mut out = Vec::with_capacity(rows.len() * ROW);
    for [len, time] in rows {
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&time.to_le_bytes());
    }
    out
}

/// Calls `found(at, size, time)` for each `(at, name)` of `names` that can be read in
/// folder `dir`.
#[cfg(unix)]
fn stat_in<'a>(
    dir: &Path,
    names: impl Iterator<Item = (usize, &'a str)>,
    found: &mut dyn FnMut(usize, u64, u64),
) {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let Ok(path) = CString::new(dir.as_os_str().as_bytes()) else {
        return;
    };
    // SAFETY: `path` is a valid C string; the descriptor is closed below.
    let fd = unsafe {
        libc::open(
            path.as_ptr(),
            libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC,
        )
    };
    if fd < 0 {
        return;
    }
    for (at, name) in names {
        let Ok(name) = CString::new(name) else {
            continue;
        };
        // SAFETY: `stat` is plain data that fstatat fills; `fd` is open, `name` valid.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstatat(fd, name.as_ptr(), &mut st, 0) } != 0 {
            continue;
        }
        let secs = u64::try_from(st.st_mtime).unwrap_or(0);
        let ns = u64::try_from(st.st_mtime_nsec).unwrap_or(0);
        let time = secs.saturating_mul(1_000_000_000).saturating_add(ns);
        found(at, u64::try_from(st.st_size).unwrap_or(0), time);
    }
    // SAFETY: `fd` was opened above and is closed once.
    unsafe {
        libc::close(fd);
    }
}

#[cfg(not(unix))]
fn stat_in<'a>(
    dir: &Path,
    names: impl Iterator<Item = (usize, &'a str)>,
    found: &mut dyn FnMut(usize, u64, u64),
) {
    for (at, name) in names {
        if let Ok(meta) = fs::metadata(dir.join(name)) {
            found(at, meta.len(), time_of(&meta));
        }
    }
}

/// The positions whose stamp in `now` is not the one in `then` (both as [`files`]
/// gives them, for the same index): the files written since.
pub fn changed(then: &[u8], now: &[u8]) -> Vec<u32> {
    then.chunks_exact(ROW)
        .zip(now.chunks_exact(ROW))
        .enumerate()
        .filter(|(_, (a, b))| a != b || a[8..] == RACY.to_le_bytes())
        .map(|(at, _)| u32::try_from(at).unwrap_or(u32::MAX))
        .collect()
}

/// FNV-1a, the same in every build.
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
