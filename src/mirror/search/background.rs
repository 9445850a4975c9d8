//! The word index built apart from the search that needed it. A first search only
//! scans (`scan`), so that it costs what grep does; then it starts `loi index-words`
//! (a hidden subcommand) as a niced process of its own, detached from the terminal,
//! which reads the mirror once more and writes the index: the user's command returns
//! with its answers, and the next search is a look-up. A lock file beside the index
//! keeps two builds from running at once, and the index is written beside and then
//! renamed (`Builder::finish`), so a reader never sees half of one.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

use super::build::{Builder, Chunk};
use super::normalised;
use crate::mirror::index::Index;
use crate::mirror::{LastDir, Mirror, decode};

/// Articles per piece of work, as in the scan.
const CHUNK: usize = 64;
/// A lock older than this is a build that died: it no longer stops another.
const STALE: Duration = Duration::from_secs(30 * 60);

/// Starts `loi index-words` for the mirror at `root` in the background, when the
/// index is not there and no build is running. The caller may wait for the child
/// (the reader does, in a thread, so that it leaves no zombie) or drop it.
pub fn spawn(root: &Path) -> Option<Child> {
    let mirror = Mirror::open(root).ok()?;
    let file = super::cache_file(&mirror)?;
    if file.exists() && super::load(&mirror, &mirror.index()).is_some() {
        return None;
    }
    if lock_file(&file).exists() && !stale(&lock_file(&file)) {
        return None;
    }
    let exe = std::env::current_exe().ok()?;
    // Under `cargo test` the current executable is a test harness, which must not
    // be run again with loi's arguments.
    if exe.file_stem()? != "loi" {
        return None;
    }
    let mut command = Command::new(exe);
    command
        .arg("--mirror")
        .arg(root)
        .arg("index-words")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // Its own process group: Ctrl-C in the terminal, meant for the reader or the
    // next command, does not stop the build.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    command.spawn().ok()
}

/// `loi index-words`: builds the word index of the mirror at `root` into the cache,
/// at low priority, unless it is there already or another build holds the lock.
pub fn build(root: &Path) -> io::Result<()> {
    #[cfg(unix)]
    // SAFETY: nice(2) only changes this process's priority.
    unsafe {
        libc::nice(10);
    }
    let mirror = Mirror::open(root).map_err(io::Error::other)?;
    let file = super::cache_file(&mirror).ok_or_else(|| io::Error::other("no cache folder"))?;
    // The search that started this made the cache folder; if it is gone (a test's,
    // removed meanwhile), loading the mirror's index would make it again.
    if !file.parent().is_some_and(Path::is_dir) {
        return Ok(());
    }
    let index = mirror.index();
    if super::load(&mirror, &index).is_some() {
        return Ok(());
    }
    let Some(_lock) = Lock::take(&file) else {
        return Ok(());
    };
    let runs = file.with_file_name(format!(".words.runs.{}", std::process::id()));
    let mut builder = Builder::new(index.len(), runs.clone());
    builder.stamp(root, &index);
    let added = read_all(root, &index, &mut builder);
    match added {
        Ok(()) => builder.finish(&file, index.content_hash()),
        Err(e) => {
            let _ = fs::remove_dir_all(runs);
            Err(e)
        }
    }
}

/// Reads every article on up to two threads (it runs beside whatever the user does
/// next), handing their postings to `builder` in article order.
fn read_all(root: &Path, index: &Index, builder: &mut Builder) -> io::Result<()> {
    let files = index.len();
    let chunks = files.div_ceil(CHUNK);
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
    // Few chunks in flight: each holds its words' postings, and memory is the limit.
    let (tx, rx) = mpsc::sync_channel::<(usize, Chunk)>(threads);
    std::thread::scope(|s| {
        for _ in 0..threads {
            let (tx, next) = (tx.clone(), &next);
            s.spawn(move || {
                let Ok(mirror) = Mirror::open(root) else {
                    return;
                };
                let (mut bytes, mut normalised) = (Vec::new(), String::new());
                let mut last = LastDir::default();
                loop {
                    let c = next.fetch_add(1, Ordering::Relaxed);
                    if c >= chunks {
                        return;
                    }
                    let mut chunk = Chunk::default();
                    for doc in c * CHUNK..((c + 1) * CHUNK).min(files) {
                        normalised.clear();
                        if let Some(path) = index.entry(doc).map(|e| e.path())
                            && (mirror.read_plain_into(&path, &mut last, &mut bytes)
                                || mirror.read_bytes_into(&path, &mut bytes).is_ok())
                        {
                            match std::str::from_utf8(&bytes) {
                                Ok(file) => {
                                    normalised::normalise_article_into(file, &mut normalised)
                                }
                                Err(_) => {
                                    let (file, _) = decode(&bytes);
                                    normalised::normalise_article_into(&file, &mut normalised);
                                }
                            }
                        }
                        let words: Vec<&str> = normalised.split(' ').skip(1).collect();
                        chunk.add(doc as u32, &words);
                    }
                    if tx.send((c, chunk)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        let mut waiting: BTreeMap<usize, Chunk> = BTreeMap::new();
        let mut expected = 0;
        for (c, chunk) in rx.iter() {
            waiting.insert(c, chunk);
            while let Some(chunk) = waiting.remove(&expected) {
                expected += 1;
                // An error (no room for the runs) ends the build; dropping the
                // receiver on return stops the threads.
                builder.add(chunk)?;
            }
        }
        if expected < chunks {
            return Err(io::Error::other("a reading thread stopped"));
        }
        Ok(())
    })
}

/// `words-HASH.lock` beside `words-HASH.bin`.
fn lock_file(file: &Path) -> PathBuf {
    file.with_extension("lock")
}

fn stale(lock: &Path) -> bool {
    fs::metadata(lock)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age > STALE)
}

/// The lock of a build, removed when dropped.
struct Lock(PathBuf);

impl Lock {
    /// Takes the lock for building `file`; `None` when another build holds it.
    fn take(file: &Path) -> Option<Lock> {
        let path = lock_file(file);
        if stale(&path) {
            let _ = fs::remove_file(&path);
        }
        // Created only if absent, atomically: of two builds started at once, one wins.
        File::create_new(&path).ok()?;
        Some(Lock(path))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}
