//! The scan's quick way to read every article of the mirror: each file opened relative
//! to its folder, the folder checked to lie inside the root once for the run of files
//! read from it, and no more system calls per file than grep makes.

use std::fs;
#[cfg(unix)]
use std::path::Path;

#[cfg(unix)]
use super::Source;
use super::{MAX_ARTICLE_BYTES, Mirror};

/// The last folder [`Mirror::read_plain_into`] checked, and the root, open.
#[derive(Debug, Default)]
pub struct LastDir {
    dir: Option<String>,
    /// The folder, open, when it lies inside the root.
    fd: Option<fs::File>,
    /// The root, open, for folders opened beneath it.
    root: Option<fs::File>,
}

impl Mirror {
    /// The quick way for a scan of every file: the file at `rel` into `buf` (cleared
    /// first) with one path look-up instead of the careful way's three (at 300,000
    /// files the kernel's path walks cost more than the reading), and no cache of the
    /// folders seen, where the careful way's grows with the mirror
    /// (measured: docs/BENCHMARKS.md, « Figures behind the code »): `last` remembers
    /// the last folder checked, and a scan goes folder by folder. The file is opened
    /// without following a link, and must be a regular file under the size limit;
    /// false for anything else (a link included), which the caller then reads the
    /// careful way ([`Mirror::read_bytes_into`]) or not at all.
    #[cfg(unix)]
    pub fn read_plain_into(&self, rel: &str, last: &mut LastDir, buf: &mut Vec<u8>) -> bool {
        use std::io::Read;
        use std::os::fd::{AsRawFd, FromRawFd};
        let Source::Dir(root) = &self.source else {
            return false;
        };
        // Paths come from the index, so they are the walk's own; a plain look at their
        // parts is enough here (the folder is checked to be inside the root below, the
        // file opened without following a link), where `safe_relative` allocates and
        // checks every character of every path
        // (measured: docs/BENCHMARKS.md, « Figures behind the code »).
        let plain = |p: &str| !p.is_empty() && p != "." && p != ".." && !p.contains(['\\', '\0']);
        if !rel.split('/').all(plain) {
            return false;
        }
        let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        if last.dir.as_deref() != Some(dir) {
            last.dir = Some(dir.to_owned());
            last.fd = open_dir_inside(root, dir, &mut last.root);
        }
        let (Some(dir_fd), Ok(name)) = (&last.fd, std::ffi::CString::new(name)) else {
            return false;
        };
        // Opened relative to its folder, as grep does: the kernel walks one name, not
        // the whole path again.
        // SAFETY: `dir_fd` is an open folder and `name` a NUL-terminated file name;
        // the descriptor returned, when valid, is owned by the `File` alone.
        let fd = unsafe {
            libc::openat(
                dir_fd.as_raw_fd(),
                name.as_ptr(),
                libc::O_RDONLY | libc::O_NONBLOCK | libc::O_NOFOLLOW | libc::O_CLOEXEC,
            )
        };
        if fd < 0 {
            return false;
        }
        // SAFETY: `fd` was just opened and nothing else holds it.
        let mut file = unsafe { fs::File::from_raw_fd(fd) };
        let Ok(meta) = file.metadata() else {
            return false;
        };
        if !meta.is_file() || meta.len() > MAX_ARTICLE_BYTES {
            return false;
        }
        // Exactly the size the file has: `read_to_end` would ask once more to see the
        // end, a system call per file for nothing. A file growing meanwhile is read
        // as it was; the answers are read again the careful way anyway.
        let Ok(len) = usize::try_from(meta.len()) else {
            return false;
        };
        buf.clear();
        buf.resize(len, 0);
        let mut got = 0;
        while got < len {
            match file.read(&mut buf[got..]) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return false,
            }
        }
        buf.truncate(got);
        true
    }

    #[cfg(not(unix))]
    pub fn read_plain_into(&self, _: &str, _: &mut LastDir, _: &mut Vec<u8>) -> bool {
        false
    }
}

/// Folder `dir` of the mirror at `root`, open, if it lies inside the root.
///
/// On Linux one `openat2` beneath the root answers, refusing any link on the way
/// (such a folder is then read the careful way); canonicalising the path instead costs
/// a `readlink` per component, more system calls than the reading itself
/// (measured: docs/BENCHMARKS.md, « Figures behind the code »).
#[cfg(unix)]
fn open_dir_inside(root: &Path, dir: &str, root_fd: &mut Option<fs::File>) -> Option<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    #[cfg(target_os = "linux")]
    {
        if root_fd.is_none() {
            *root_fd = fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_DIRECTORY)
                .open(root)
                .ok();
        }
        if let Some(root_fd) = root_fd {
            match beneath(root_fd, dir) {
                Beneath::Open(file) => return Some(file),
                Beneath::Refused => return None,
                Beneath::Unsupported => {}
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = root_fd;
    let inside = fs::canonicalize(root.join(dir)).is_ok_and(|d| d.starts_with(root));
    inside
        .then(|| {
            fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_DIRECTORY)
                .open(root.join(dir))
                .ok()
        })
        .flatten()
}

#[cfg(target_os = "linux")]
enum Beneath {
    Open(fs::File),
    /// Not there, not a folder, outside the root or through a link.
    Refused,
    /// A kernel before 5.6, or a sandbox that forbids the call.
    Unsupported,
}

#[cfg(target_os = "linux")]
fn beneath(root: &fs::File, dir: &str) -> Beneath {
    use std::os::fd::{AsRawFd, FromRawFd};
    let path = if dir.is_empty() { "." } else { dir };
    let Ok(path) = std::ffi::CString::new(path) else {
        return Beneath::Refused;
    };
    // SAFETY: `open_how` is plain data; all-zero is its "no options" value.
    let mut how: libc::open_how = unsafe { std::mem::zeroed() };
    how.flags = (libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC) as u64;
    how.resolve = libc::RESOLVE_BENEATH | libc::RESOLVE_NO_SYMLINKS | libc::RESOLVE_NO_MAGICLINKS;
    // SAFETY: `root` is an open folder, `path` NUL-terminated, `how` a valid
    // `open_how` of the size passed; the descriptor returned is owned by the `File`.
    let fd = unsafe {
        libc::syscall(
            libc::SYS_openat2,
            root.as_raw_fd(),
            path.as_ptr(),
            &how as *const libc::open_how,
            std::mem::size_of::<libc::open_how>(),
        )
    };
    if fd >= 0 {
        let Ok(fd) = i32::try_from(fd) else {
            return Beneath::Refused;
        };
        // SAFETY: `fd` was just opened and nothing else holds it.
        return Beneath::Open(unsafe { fs::File::from_raw_fd(fd) });
    }
    match std::io::Error::last_os_error().raw_os_error() {
        Some(libc::ENOSYS | libc::EPERM | libc::EINVAL | libc::E2BIG) => Beneath::Unsupported,
        _ => Beneath::Refused,
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn folders_beneath_the_root_open_and_links_or_escapes_do_not() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("m");
        fs::create_dir_all(root.join("code/titre")).unwrap();
        fs::create_dir_all(tmp.path().join("outside")).unwrap();
        std::os::unix::fs::symlink(tmp.path().join("outside"), root.join("evil")).unwrap();
        std::os::unix::fs::symlink(root.join("code"), root.join("alias")).unwrap();
        let root_fd = fs::File::open(&root).unwrap();
        let opens = |dir: &str| match beneath(&root_fd, dir) {
            Beneath::Open(_) => Some(true),
            Beneath::Refused => Some(false),
            Beneath::Unsupported => None,
        };
        if opens("code").is_none() {
            return; // an old kernel or a sandbox: the canonical fallback is tested below
        }
        assert_eq!(opens("code/titre"), Some(true));
        assert_eq!(opens(""), Some(true));
        assert_eq!(opens("evil"), Some(false), "a link leading out");
        assert_eq!(
            opens("alias"),
            Some(false),
            "a link, even inside: read carefully"
        );
        assert_eq!(opens("../outside"), Some(false));
        assert_eq!(opens("missing"), Some(false));
    }

    #[test]
    fn the_plain_read_gives_the_file_and_refuses_what_is_not_inside() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("m");
        fs::create_dir_all(root.join("code/titre")).unwrap();
        fs::create_dir_all(tmp.path().join("outside")).unwrap();
        fs::write(
            root.join("code/titre/l1.md"),
            "# Article L1\n\n<p>Texte</p>",
        )
        .unwrap();
        fs::write(tmp.path().join("outside/l2.md"), "# Article L2\n\nsecret").unwrap();
        std::os::unix::fs::symlink(tmp.path().join("outside"), root.join("code/evil")).unwrap();
        let mirror = Mirror::open(&root).unwrap();
        let mut last = LastDir::default();
        let mut buf = b"old".to_vec();
        assert!(mirror.read_plain_into("code/titre/l1.md", &mut last, &mut buf));
        assert_eq!(buf, b"# Article L1\n\n<p>Texte</p>");
        assert!(!mirror.read_plain_into("code/evil/l2.md", &mut last, &mut buf));
        assert!(!mirror.read_plain_into("code/titre/none.md", &mut last, &mut buf));
        assert!(!mirror.read_plain_into("../outside/l2.md", &mut last, &mut buf));
        assert!(!mirror.read_plain_into("code/../../outside/l2.md", &mut last, &mut buf));
        assert!(!mirror.read_plain_into("/etc/passwd", &mut last, &mut buf));
        assert!(!mirror.read_plain_into("code/titre", &mut last, &mut buf));
        // Both ways agree that the folder outside is refused.
        let mut root_fd = None;
        assert!(open_dir_inside(&mirror_root(&mirror), "code/evil", &mut root_fd).is_none());
        assert!(open_dir_inside(&mirror_root(&mirror), "code/titre", &mut root_fd).is_some());
    }

    fn mirror_root(mirror: &Mirror) -> std::path::PathBuf {
        mirror.root().unwrap().to_owned()
    }
}
