//! The word index built apart from the search that needed it. A first search only
//! scans (`scan`), so that it costs what grep does; then it starts `loi index-words`
//! (a hidden subcommand) as a niced process of its own, detached from the terminal,
//! which reads the mirror once more and writes the index: the user's command returns
//! with its answers, and the next search is a look-up. A lock beside the index keeps
//! two builds from running at once (a kernel lock: a builder killed lets go of it,
//! `leftovers`), and the index is written beside and then renamed (`Builder::finish`),
//! so a reader never sees half of one. A build that fails (a full disk, the cache
//! folder removed) stops, removes its runs and its lock, and says why once.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use super::build::{Builder, Chunk};
use super::normalised;
use crate::mirror::error::Error;
use crate::mirror::index::Index;
use crate::mirror::leftovers::{self, Lock};
use crate::mirror::{LastDir, Mirror, decode};

/// Articles per piece of work, as in the scan.
const CHUNK: usize = 64;

/// Starts `loi index-words` for the mirror at `root` in the background, when the
/// index is not there and no build is running. The caller may wait for the child
/// (the reader does, in a thread, so that it leaves no zombie) or drop it.
pub fn spawn(root: &Path) -> Option<Child> {
    let mirror = Mirror::open(root).ok()?;
    let file = super::cache_file(&mirror)?;
    if file.exists() && super::load(&mirror, &mirror.index()).is_some() {
        return None;
    }
    if leftovers::held(&lock_file(&file)) {
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
/// What dead builders left in the cache folder goes first.
pub fn build(root: &Path) -> Result<(), Error> {
    #[cfg(unix)]
    // SAFETY: nice(2) only changes this process's priority.
    unsafe {
        libc::nice(10);
    }
    let mirror = Mirror::open(root)?;
    let Some(file) = super::cache_file(&mirror) else {
        return Err(Error::NoHome);
    };
    let dir = file.parent().unwrap_or(Path::new(".")).to_owned();
    // The search that started this made the cache folder; if it is gone (a test's,
    // removed meanwhile), loading the mirror's index would make it again.
    if !dir.is_dir() {
        return Ok(());
    }
    leftovers::sweep(&dir);
    let index = mirror.index();
    if super::load(&mirror, &index).is_some() {
        return Ok(());
    }
    let Some(_lock) = Lock::take(&lock_file(&file)) else {
        return Ok(());
    };
    let runs = file.with_file_name(format!(".words.runs.{}", std::process::id()));
    let mut builder = Builder::new(index.len(), runs.clone());
    builder.stamp(root, &index);
    let added = read_all(root, &index, &mut builder);
    let built = match added {
        Ok(()) => builder.finish(&file, index.content_hash()),
        Err(e) => {
            let _ = fs::remove_dir_all(runs);
            Err(e)
        }
    };
    built.map_err(|source| Error::WordIndex { dir, source })
}

/// Reads every article on up to two threads (it runs beside whatever the user does
/// next), handing their postings to `builder` in article order.
fn read_all(root: &Path, index: &Index, builder: &mut Builder) -> io::Result<()> {
    let files = index.len();
    let chunks = files.div_ceil(CHUNK);
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
    std::thread::scope(|s| {
        // Few chunks in flight: each holds its words' postings, and memory is the
        // limit. Made inside the scope, so that returning early (an error) drops the
        // receiver before the scope waits for the threads: a thread blocked sending
        // then wakes with an error and ends, rather than wait for ever.
        let (tx, rx) = mpsc::sync_channel::<(usize, Chunk)>(threads);
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// A build whose runs cannot be written (their folder's parent removed, as when
    /// the cache folder goes mid-build; a full disk fails the same way) with more
    /// chunks than the channel holds: its reading threads were left blocked sending,
    /// and the build never ended.
    #[test]
    fn a_build_that_cannot_write_its_runs_ends_with_the_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let code = dir.path().join("code-a").join("section");
        fs::create_dir_all(&code).expect("mkdir");
        for i in 0..CHUNK * 8 {
            let text = format!("# Article L{i}\n\n<p>Le mot{i} et le texte commun.</p>");
            fs::write(code.join(format!("l{i}.md")), text).expect("write");
        }
        let root = fs::canonicalize(dir.path()).expect("canonical");
        let cache = tempfile::tempdir().expect("temp dir");
        let runs = cache.path().join("gone").join(".words.runs.1");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mirror = Mirror::open(&root).expect("open");
            let index = mirror.index();
            // Every chunk makes a run: the first one fails.
            let mut builder = Builder::new(index.len(), runs).with_budget(0);
            let _ = tx.send(read_all(&root, &index, &mut builder).map_err(|e| e.kind()));
        });
        let ended = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the build ended rather than wait for ever");
        assert_eq!(ended, Err(io::ErrorKind::NotFound));
    }
}
