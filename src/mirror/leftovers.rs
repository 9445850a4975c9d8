//! What a cache writer that died leaves in the cache folder, and how the next `loi`
//! gets past it: a build's lock is a kernel lock on its file (`flock`), which the
//! kernel drops when its holder dies however it dies, so a dead builder's lock is
//! taken over at once; its temporary files and runs carry its pid in their names
//! (`.NAME.PID.tmp`, `.words.runs.PID`), and [`sweep`] removes those whose writer is
//! no longer running.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A leftover older than this is removed even when a process of its pid runs: that is
/// another process given the dead writer's pid (no build takes a tenth of this).
const STALE: Duration = Duration::from_secs(30 * 60);

/// A lock on a build, held until dropped; the file is removed then.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    /// Holds the kernel's lock; closed on drop, after the file is removed.
    _file: File,
}

impl Lock {
    /// Takes the lock at `path`: `None` when a living process holds it, or when the
    /// file cannot be made (the build then does not run: it could not be written).
    pub fn take(path: &Path) -> Option<Lock> {
        // A few tries: each can only fail so when the holder let go meanwhile.
        for _ in 0..3 {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(path)
                .ok()?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => return None,
                Err(TryLockError::Error(_)) => return None,
            }
            // Opened just before its holder removed it: locked, but an inode that the
            // path no longer names, which a third process would not see. Again.
            if !names(path, &file) {
                continue;
            }
            // For a person looking: who builds. Nothing reads it.
            let _ = file.set_len(0);
            let _ = writeln!(file, "{}", std::process::id());
            return Some(Lock {
                path: path.to_owned(),
                _file: file,
            });
        }
        None
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held: whoever opens the old file after this finds it
        // unnamed (`names`) and tries again.
        let _ = fs::remove_file(&self.path);
    }
}

/// Whether a living process holds the lock at `path`.
pub fn held(path: &Path) -> bool {
    File::open(path).is_ok_and(|f| matches!(f.try_lock(), Err(TryLockError::WouldBlock)))
}

/// Whether `path` still names the file open as `file`.
#[cfg(unix)]
fn names(path: &Path, file: &File) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(path), file.metadata()) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn names(path: &Path, _file: &File) -> bool {
    path.exists()
}

/// Removes from the cache folder `dir` what writers that died left: temporary files
/// and runs whose pid runs no more (or that are older than [`STALE`]), and locks
/// nobody holds. Errors are ignored: what is not removed now will be next time.
pub fn sweep(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        if name.ends_with(".lock") {
            // Taken and dropped at once: removed, unless someone holds it.
            drop(Lock::take(&entry.path()));
            continue;
        }
        let Some(pid) = writer_of(name) else {
            continue;
        };
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > STALE);
        if pid == me || (alive(pid) && !old) {
            continue;
        }
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = fs::remove_dir_all(path);
        } else {
            let _ = fs::remove_file(path);
        }
    }
}

/// The pid in the name of a file a cache writer makes and removes when done:
/// `.words.runs.PID` (a word-index build's runs), `.NAME.PID.tmp` (a cache file being
/// written, renamed to NAME when whole).
fn writer_of(name: &str) -> Option<u32> {
    let pid = match name.strip_prefix(".words.runs.") {
        Some(pid) => pid,
        None => {
            let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
            rest.rsplit_once('.')?.1
        }
    };
    pid.parse().ok().filter(|&p| p > 0)
}

/// Whether a process `pid` runs (on this machine, in this pid namespace).
#[cfg(unix)]
fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
    if unsafe { libc::kill(pid, 0) } == 0 {
        return true;
    }
    // It exists, but belongs to another user.
    std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Elsewhere, only age tells a dead writer's files.
#[cfg(not(unix))]
fn alive(_pid: u32) -> bool {
    true
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// A pid no process has: the highest one the kernel gives, plus one.
    fn dead_pid() -> u32 {
        let max = fs::read_to_string("/proc/sys/kernel/pid_max")
            .ok()
            .and_then(|s| s.trim().parse::<u32>().ok())
            .unwrap_or(4_194_304);
        max + 1
    }

    #[test]
    fn names_of_writers() {
        assert_eq!(writer_of(".words.runs.4242"), Some(4242));
        assert_eq!(writer_of(".words.4242.tmp"), Some(4242));
        assert_eq!(writer_of(".index-00ff.bin.4242.tmp"), Some(4242));
        assert_eq!(writer_of(".backlinks-00ff.bin.7.tmp"), Some(7));
        for other in [
            "words-00ff.bin",
            "index-00ff.bin",
            ".words.runs.",
            ".words.runs.0",
            ".x.tmp",
            ".a.b.tmp",
            "a.4242.tmp",
        ] {
            assert_eq!(writer_of(other), None, "{other}");
        }
    }

    #[test]
    fn a_dead_writers_leftovers_go_and_a_living_ones_stay() {
        let dir = tempfile::tempdir().expect("temp dir");
        let dead = dead_pid();
        let me = std::process::id();
        // This test's parent runs, as the writer of another loi would.
        let living = std::os::unix::process::parent_id();
        let runs = dir.path().join(format!(".words.runs.{dead}"));
        fs::create_dir(&runs).expect("mkdir");
        fs::write(runs.join("run-0"), b"postings").expect("write");
        for name in [
            format!(".words.{dead}.tmp"),
            format!(".index-00ff.bin.{dead}.tmp"),
            format!(".words.{living}.tmp"),
            format!(".index-00ff.bin.{me}.tmp"),
            "words-00ff.bin".to_owned(),
            "index-00ff.bin".to_owned(),
        ] {
            fs::write(dir.path().join(name), b"x").expect("write");
        }
        // A lock a dead builder left, its pid written in it: nobody holds it.
        fs::write(dir.path().join("words-00ff.lock"), format!("{dead}\n")).expect("write");
        sweep(dir.path());
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .expect("read")
            .map(|e| e.expect("entry").file_name().into_string().expect("utf-8"))
            .collect();
        left.sort();
        let mut want = vec![
            format!(".index-00ff.bin.{me}.tmp"),
            format!(".words.{living}.tmp"),
            "index-00ff.bin".to_owned(),
            "words-00ff.bin".to_owned(),
        ];
        want.sort();
        assert_eq!(left, want);
    }

    #[test]
    fn a_lock_is_taken_once_and_taken_over_when_let_go() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("words-00ff.lock");
        // Left by hand, as a builder killed with -9 leaves it.
        fs::write(&path, format!("{}\n", dead_pid())).expect("write");
        assert!(!held(&path));
        let lock = Lock::take(&path).expect("a dead builder's lock is taken over");
        assert!(held(&path));
        assert!(Lock::take(&path).is_none(), "held: not taken twice");
        // Swept while held: kept.
        sweep(dir.path());
        assert!(path.exists());
        drop(lock);
        assert!(!path.exists(), "removed when let go");
        assert!(Lock::take(&path).is_some());
    }
}
