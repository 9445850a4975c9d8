//! The new mirror is written beside the old one, in `.NAME.import-PID`, and swapped in
//! whole: a reader sees the old mirror or the new one, never a mix. A lock file keeps
//! two imports of one mirror apart; what a killed import leaves (its folder, its lock,
//! or the old mirror it had swapped out) is removed by the next.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::ImportError;

/// The folder the new mirror is being written in; removed unless committed.
pub struct Stage {
    target: PathBuf,
    dir: PathBuf,
    lock: PathBuf,
    committed: bool,
}

impl Stage {
    /// Takes the lock on `target` and makes the folder to write in beside it.
    pub fn begin(target: &Path) -> Result<Stage, ImportError> {
        if target.is_file() {
            return Err(ImportError::IntoIsAFile(target.to_owned()));
        }
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "mirror".to_owned());
        fs::create_dir_all(&parent).map_err(|e| ImportError::writing(&parent, e))?;
        let lock = parent.join(format!(".{name}.import.lock"));
        take_lock(&lock, target)?;
        let mut stage = Stage {
            target: target.to_owned(),
            dir: parent.join(format!(".{name}.import-{}", std::process::id())),
            lock,
            committed: false,
        };
        // Ours now: what dead imports left beside the mirror goes.
        remove_leftovers(&parent, &format!(".{name}.import-"));
        if let Err(e) = fs::create_dir(&stage.dir) {
            stage.committed = true; // nothing of ours to remove but the lock
            let _ = fs::remove_file(&stage.lock);
            return Err(ImportError::writing(&parent, e));
        }
        Ok(stage)
    }

    /// Where the new mirror is being written.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Puts the new mirror in place of the old in one step, then removes the old.
    pub fn commit(mut self) -> Result<(), ImportError> {
        let parent = self.dir.parent().unwrap_or(Path::new(".")).to_owned();
        let sync = |p: &Path| fs::File::open(p).and_then(|f| f.sync_all());
        // The new files on disk before the swap makes them the mirror.
        let _ = sync(&self.dir);
        if self.target.exists() {
            exchange(&self.dir, &self.target).map_err(|e| ImportError::writing(&parent, e))?;
            // The old mirror is now in the stage folder: removed with it, below.
        } else {
            fs::rename(&self.dir, &self.target).map_err(|e| ImportError::writing(&parent, e))?;
            self.committed = true;
        }
        let _ = sync(&parent);
        Ok(())
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
        let _ = fs::remove_file(&self.lock);
    }
}

/// Creates `lock` holding our process id; a lock whose process is dead is taken over.
fn take_lock(lock: &Path, target: &Path) -> Result<(), ImportError> {
    let parent = lock.parent().unwrap_or(Path::new("."));
    for _ in 0..2 {
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(lock)
        {
            Ok(mut f) => {
                return write!(f, "{}", std::process::id())
                    .map_err(|e| ImportError::writing(parent, e));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let owner = fs::read_to_string(lock)
                    .ok()
                    .and_then(|s| s.trim().parse::<u32>().ok());
                if let Some(pid) = owner.filter(|&pid| alive(pid)) {
                    return Err(ImportError::Busy {
                        dir: target.to_owned(),
                        pid,
                    });
                }
                let _ = fs::remove_file(lock);
            }
            Err(e) => return Err(ImportError::writing(parent, e)),
        }
    }
    Err(ImportError::Busy {
        dir: target.to_owned(),
        pid: 0,
    })
}

/// Removes the `PREFIX<pid>` folders of imports no longer running.
fn remove_leftovers(parent: &Path, prefix: &str) {
    let Ok(read) = fs::read_dir(parent) else {
        return;
    };
    for entry in read.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(prefix)
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() || !alive(pid) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(unix)]
fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: kill with signal 0 only checks that the process exists; no memory is
    // passed.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn alive(_pid: u32) -> bool {
    false
}

/// Swaps two folders' names in one step where the system can (Linux's
/// `RENAME_EXCHANGE`), else in two renames with the old one kept until the new is in
/// place.
fn exchange(new: &Path, old: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let a = CString::new(new.as_os_str().as_bytes())?;
        let b = CString::new(old.as_os_str().as_bytes())?;
        // SAFETY: both are valid NUL-terminated paths that live across the call.
        let r = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                a.as_ptr(),
                libc::AT_FDCWD,
                b.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        if r == 0 {
            return Ok(());
        }
        let e = std::io::Error::last_os_error();
        if !matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) {
            return Err(e);
        }
    }
    // No exchange here: the old mirror steps aside, the new takes its name, and the
    // old goes where the new was (so it is removed as the stage folder).
    let aside = new.with_extension("old");
    fs::rename(old, &aside)?;
    if let Err(e) = fs::rename(new, old) {
        let _ = fs::rename(&aside, old);
        return Err(e);
    }
    fs::rename(&aside, new)
}
