//! Writing loi's own files safely: whole files are written beside and renamed into
//! place, so a reader never sees half of one (a kill at any moment leaves the old file
//! or the new, and at most a temporary file the next write removes); changes that read
//! the file first (add a bookmark, append to the history) hold a lock file, so two
//! `loi` at once lose nothing. An appended line never glues onto a torn one.

use std::fs::{self, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::saved::error::Error;

/// The names of the temporary files beside loi's own: `.loi-XXXXXX.tmp`.
const TEMP_PREFIX: &str = ".loi-";
const TEMP_SUFFIX: &str = ".tmp";

/// A temporary file older than this was left by a `loi` stopped between writing and
/// renaming (SIGKILL, a power cut): the next write in its folder removes it. A write
/// under way takes milliseconds, so another `loi`'s is never taken for one.
const STALE: Duration = Duration::from_secs(600);

/// Writes `bytes` to `file` at once: into a temporary file in the same folder, synced,
/// then renamed over it. The folder is made if need be.
pub fn write_atomic(file: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = folder_of(file)?;
    fs::create_dir_all(&dir)?;
    let mut temp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(file).map_err(|e| e.error)?;
    // The rename itself made lasting, as the text was: after a power cut the folder
    // names the new file, not the old one nor none.
    if let Ok(folder) = fs::File::open(&dir) {
        let _ = folder.sync_all();
    }
    remove_stale_temps(&dir);
    Ok(())
}

/// Removes the temporary files of `dir` older than [`STALE`]: loi's own, and those of
/// versions before it named them (`.tmp` and six letters or digits). Errors are
/// ignored: what is not removed now will be next time.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        if !is_temp_name(name) {
            continue;
        }
        let old = left_by_the_dead(name)
            || entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|age| age > STALE);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether `name` (`.loi-PID-XXXXXX.tmp`) was written by a process that is gone (a
/// kill -9 between writing and renaming): removed at once rather than in ten minutes.
/// Only where `/proc` says which processes live; a PID taken again by another
/// process keeps the file until it is old.
fn left_by_the_dead(name: &str) -> bool {
    let Some(pid) = name
        .strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.split_once('-'))
        .and_then(|(pid, _)| pid.parse::<u32>().ok())
    else {
        return false;
    };
    let proc = Path::new("/proc");
    pid != std::process::id() && proc.join("self").exists() && !proc.join(pid.to_string()).exists()
}

fn is_temp_name(name: &str) -> bool {
    let ours = name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX);
    let before = name
        .strip_prefix(".tmp")
        .is_some_and(|rest| rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric()));
    ours || before
}

/// Larger than any file loi writes for the user (the history is compacted at 512 kB;
/// thousands of bookmarks take a few hundred): a file over this is not read.
pub const MAX_BYTES: u64 = 64 << 20;

/// The bytes of `file`; empty when it does not exist. Never opens what is not a plain
/// file (a FIFO would block, a link to /dev/zero be read for ever).
pub fn read_bytes(file: &Path) -> io::Result<Vec<u8>> {
    let meta = match fs::metadata(file) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::unreadable(file, e)),
    };
    if !meta.is_file() {
        return Err(Error::not_a_file(file));
    }
    if meta.len() > MAX_BYTES {
        return Err(Error::too_large(file, meta.len()));
    }
    let mut bytes = Vec::new();
    fs::File::open(file)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Error::unreadable(file, e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Error::too_large(file, bytes.len() as u64));
    }
    Ok(bytes)
}

/// The text of `file`; empty when it does not exist yet. An error when it is not a
/// plain file, too large or unreadable (see [`read_bytes`]); bytes that are
/// not UTF-8 (a damaged disk) read as U+FFFD, so that the lines around them still read.
pub fn read(file: &Path) -> io::Result<String> {
    let bytes = read_bytes(file)?;
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Runs `change` while holding `file`'s lock (`file.lock` beside it, locked
/// exclusively): what another `loi` does to the file waits until it is done.
pub fn locked<T>(file: &Path, change: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
    let dir = folder_of(file)?;
    fs::create_dir_all(&dir)?;
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_file(file))?;
    lock.lock()?;
    let result = change();
    // Closing the file would release it too; unlocking first says so.
    let _ = lock.unlock();
    result
}

/// Reads `file`, changes its text with `change`, and writes the result atomically,
/// under the file's lock.
pub fn update(file: &Path, change: impl FnOnce(String) -> String) -> io::Result<()> {
    locked(file, || {
        let text = read(file)?;
        write_atomic(file, change(text).as_bytes())
    })
}

/// Adds `line` (a newline is added) at the end of `file` in one write, under its lock.
pub fn append_line(file: &Path, line: &str) -> io::Result<()> {
    locked(file, || append_unlocked(file, line).map(|_| ()))
}

/// Adds `line` and a newline at the end of `file` in one write, the caller holding
/// its lock; the file's size after it. A file that does not end with a newline (a
/// write torn by a full disk or a power cut) gets one first, so that the torn line
/// stays alone, skipped by readers, and this one whole. Not synced: a line costs
/// nothing to lose in a crash, and a sync per article opened would be felt.
pub fn append_unlocked(file: &Path, line: &str) -> io::Result<u64> {
    match fs::metadata(file) {
        Ok(m) if !m.is_file() => return Err(Error::not_a_file(file)),
        _ => {}
    }
    let mut out = OpenOptions::new()
        .create(true)
        .read(true)
        .append(true)
        .open(file)?;
    let mut bytes = Vec::with_capacity(line.len() + 2);
    let len = out.metadata()?.len();
    if len > 0 {
        let mut last = [0u8];
        out.seek(SeekFrom::Start(len - 1))?;
        out.read_exact(&mut last)?;
        if last[0] != b'\n' {
            bytes.push(b'\n');
        }
    }
    bytes.extend_from_slice(line.as_bytes());
    bytes.push(b'\n');
    out.write_all(&bytes)?;
    Ok(len + bytes.len() as u64)
}

fn lock_file(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

fn folder_of(file: &Path) -> io::Result<PathBuf> {
    match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => Ok(dir.to_owned()),
        Some(_) => Ok(PathBuf::from(".")),
        None => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a file's path", file.display()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_write_leaves_the_whole_file_and_nothing_else() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("sub/f.json");
        write_atomic(&file, b"first").expect("write");
        write_atomic(&file, b"second, longer").expect("write");
        assert_eq!(fs::read_to_string(&file).expect("read"), "second, longer");
        let names: Vec<_> = fs::read_dir(dir.path().join("sub"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["f.json"], "no temporary file left behind");
    }

    #[test]
    fn a_write_removes_temporary_files_left_long_ago_and_only_those() {
        let dir = tempfile::tempdir().expect("temp dir");
        let age = |name: &str, secs: u64| {
            let path = dir.path().join(name);
            let f = fs::File::create(&path).expect("create");
            f.set_modified(SystemTime::now() - Duration::from_secs(secs))
                .expect("set time");
        };
        age(".loi-a1B2c3.tmp", 3600);
        age(".tmpXy12Zw", 3600);
        age(".loi-fresh1.tmp", 5);
        age(".tmp-notours", 3600);
        age("bookmarks.old", 3600);
        write_atomic(&dir.path().join("session"), b"s").expect("write");
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().into_string().expect("UTF-8"))
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                ".loi-fresh1.tmp",
                ".tmp-notours",
                "bookmarks.old",
                "session"
            ]
        );
    }

    #[test]
    fn a_write_removes_at_once_the_temporary_files_of_processes_that_are_gone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut child = std::process::Command::new("true").spawn().expect("spawn");
        let dead = child.id();
        child.wait().expect("wait");
        let dead_name = format!(".loi-{dead}-a1B2c3.tmp");
        let mine = format!(".loi-{}-zz9Yx8.tmp", std::process::id());
        for name in [&dead_name, &mine] {
            fs::write(dir.path().join(name), "half").expect("write");
        }
        write_atomic(&dir.path().join("bookmarks.json"), b"[]").expect("write");
        assert!(!dir.path().join(&dead_name).exists(), "the dead's: removed");
        assert!(
            dir.path().join(&mine).exists(),
            "a live one's (this one's): kept"
        );
    }

    #[test]
    fn a_missing_file_reads_empty() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(read(&dir.path().join("none")).expect("read"), "");
    }

    #[test]
    fn threads_updating_at_once_lose_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("list");
        let threads: Vec<_> = (0..4)
            .map(|t| {
                let file = file.clone();
                std::thread::spawn(move || {
                    for i in 0..50 {
                        update(&file, |text| format!("{text}{t}-{i}\n")).expect("update");
                        append_line(&file.with_extension("log"), &format!("{t}-{i}"))
                            .expect("append");
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().expect("thread");
        }
        for f in [file.clone(), file.with_extension("log")] {
            let text = fs::read_to_string(&f).expect("read");
            let mut lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines.len(), 200, "{}", f.display());
            lines.sort_unstable();
            lines.dedup();
            assert_eq!(lines.len(), 200);
        }
    }
}
