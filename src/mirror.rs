//! A local mirror of codes: one file per article under folders named after sections.
//! Reads articles by their path relative to the root, finds them by number, and never
//! lets a path lead outside the root.

mod bundled;
pub mod order;
pub(crate) mod walk;

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::article::Article;
use crate::error::Error;
use crate::index::{self, Index};

/// Files larger than this are refused: the largest real article is 122 KB.
pub const MAX_ARTICLE_BYTES: u64 = 10 * 1024 * 1024;

/// Where the articles come from.
#[derive(Debug, Clone)]
enum Source {
    /// A folder on disk; the path is canonical, so containment checks are exact.
    Dir(PathBuf),
    /// The sample built into the binary from `assets/sample`.
    Bundled,
}

/// Numbered articles as (digits, prefix, position in the index).
type Numbers = Vec<(Vec<u32>, String, usize)>;

/// A mirror of one or more codes.
#[derive(Debug, Clone)]
pub struct Mirror {
    source: Source,
    /// Every file by name: from the cache on first use (built by one walk when it is
    /// missing or stale), walked again at most once more when it turns out wrong.
    index: RefCell<Option<Rc<Index>>>,
    rebuilt: Cell<bool>,
    /// Every numbered article as (digits, prefix, path), sorted by digits: ranges are
    /// a binary search away.
    numbers: RefCell<Option<Rc<Numbers>>>,
    codes: OnceCell<Vec<String>>,
    /// Folders (relative) already checked to lie inside the root, symlinks followed.
    inside_dirs: RefCell<HashMap<String, bool>>,
}

/// A mirror and its index as plain data, to send to another thread (see
/// [`Mirror::frozen`]).
#[derive(Debug, Clone)]
pub struct Frozen {
    source: Source,
    index: Vec<u8>,
}

impl Frozen {
    /// The mirror, with this index for good: it is never walked again, even when a
    /// look-up misses, so that its positions keep their meaning.
    pub fn open(self) -> Mirror {
        let index = Index::from_bytes(index::Bytes::Owned(self.index)).unwrap_or_else(Index::empty);
        Mirror {
            source: self.source,
            index: RefCell::new(Some(Rc::new(index))),
            rebuilt: Cell::new(true),
            numbers: RefCell::default(),
            codes: OnceCell::new(),
            inside_dirs: RefCell::default(),
        }
    }
}

impl Mirror {
    /// The sample mirror bundled in the binary.
    pub fn bundled() -> Mirror {
        Mirror {
            source: Source::Bundled,
            index: RefCell::default(),
            rebuilt: Cell::new(false),
            numbers: RefCell::default(),
            codes: OnceCell::new(),
            inside_dirs: RefCell::default(),
        }
    }

    /// A mirror on disk.
    pub fn open(dir: &Path) -> Result<Mirror, Error> {
        let root = fs::canonicalize(dir).map_err(|_| Error::NoMirror(dir.to_owned()))?;
        if !root.is_dir() {
            return Err(Error::NoMirror(dir.to_owned()));
        }
        Ok(Mirror {
            source: Source::Dir(root),
            index: RefCell::default(),
            rebuilt: Cell::new(false),
            numbers: RefCell::default(),
            codes: OnceCell::new(),
            inside_dirs: RefCell::default(),
        })
    }

    /// What another thread needs to open this mirror with this very index (a copy of
    /// its bytes): positions in the index then mean the same in every thread.
    pub fn frozen(&self) -> Frozen {
        Frozen {
            source: self.source.clone(),
            index: self.index().as_bytes().to_vec(),
        }
    }

    /// How to name the mirror in a message.
    pub fn name(&self) -> String {
        match &self.source {
            Source::Dir(root) => root.display().to_string(),
            Source::Bundled => "the bundled sample mirror".to_owned(),
        }
    }

    /// The root folder, for a mirror on disk.
    pub fn root(&self) -> Option<&Path> {
        match &self.source {
            Source::Dir(root) => Some(root),
            Source::Bundled => None,
        }
    }

    /// Whether the file at `rel` exists and can be read as an article: a file, not a
    /// folder, and not over the size limit.
    pub fn exists(&self, rel: &str) -> bool {
        let Some(rel) = safe_relative(rel) else {
            return false;
        };
        match &self.source {
            Source::Dir(root) => self.contained(root, &rel).is_some_and(|p| {
                fs::metadata(p).is_ok_and(|m| m.is_file() && m.len() <= MAX_ARTICLE_BYTES)
            }),
            Source::Bundled => bundled::read(&rel).is_some(),
        }
    }

    /// Whether `rel` names something on disk that lies outside the root once links are
    /// followed (a symlink `evil -> /etc`): refused, and said so.
    pub fn leads_outside(&self, rel: &str) -> bool {
        match (&self.source, safe_relative(rel)) {
            (Source::Dir(root), Some(rel)) => {
                root.join(&rel).exists() && self.contained(root, &rel).is_none()
            }
            _ => false,
        }
    }

    /// The text of the file at `rel`, with invalid UTF-8 shown as U+FFFD.
    pub fn read(&self, rel: &str) -> Result<String, Error> {
        self.read_text(rel).map(|(text, _)| text)
    }

    /// The bytes of the file at `rel` into `buf` (cleared first), as [`Mirror::read_text`]
    /// reads them but undecoded: a scan of the whole mirror reads every file into one
    /// buffer rather than allocate for each.
    pub fn read_bytes_into(&self, rel: &str, buf: &mut Vec<u8>) -> Result<(), Error> {
        let clean = safe_relative(rel).ok_or_else(|| Error::OutsideMirror(rel.to_owned()))?;
        buf.clear();
        match &self.source {
            Source::Bundled => {
                buf.extend_from_slice(
                    bundled::read(&clean).ok_or_else(|| Error::NoSuchFile(clean.clone()))?,
                );
                Ok(())
            }
            Source::Dir(root) => {
                let path = self
                    .contained(root, &clean)
                    .ok_or_else(|| refusal(root, &clean))?;
                read_file_into(&path, &clean, buf)
            }
        }
    }

    /// The quick way for a scan of every file: the file at `rel` into `buf` (cleared
    /// first) with one path look-up instead of the careful way's three (at 300,000
    /// files the kernel's path walks cost more than the reading), and no cache of the
    /// folders seen (the careful way's holds 16 MB of them at 300,000 files): `last`
    /// remembers the last folder checked, and a scan goes folder by folder. The file
    /// is opened without following a link, and must be a regular file under the size
    /// limit; false for anything else (a link included), which the caller then reads
    /// the careful way ([`Mirror::read_bytes_into`]) or not at all.
    #[cfg(unix)]
    pub fn read_plain_into(&self, rel: &str, last: &mut LastDir, buf: &mut Vec<u8>) -> bool {
        use std::io::Read;
        use std::os::unix::fs::OpenOptionsExt;
        let (Source::Dir(root), Some(clean)) = (&self.source, safe_relative(rel)) else {
            return false;
        };
        use std::os::fd::{AsRawFd, FromRawFd};
        let (dir, name) = clean.rsplit_once('/').unwrap_or(("", &clean));
        if last.dir.as_deref() != Some(dir) {
            last.dir = Some(dir.to_owned());
            let inside = fs::canonicalize(root.join(dir)).is_ok_and(|d| d.starts_with(root));
            last.fd = inside
                .then(|| {
                    fs::OpenOptions::new()
                        .read(true)
                        .custom_flags(libc::O_DIRECTORY)
                        .open(root.join(dir))
                        .ok()
                })
                .flatten();
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
        let file = unsafe { fs::File::from_raw_fd(fd) };
        let Ok(meta) = file.metadata() else {
            return false;
        };
        if !meta.is_file() || meta.len() > MAX_ARTICLE_BYTES {
            return false;
        }
        buf.clear();
        buf.reserve(usize::try_from(meta.len()).unwrap_or(0));
        file.take(MAX_ARTICLE_BYTES + 1).read_to_end(buf).is_ok()
            && u64::try_from(buf.len()).is_ok_and(|n| n <= MAX_ARTICLE_BYTES)
    }

    #[cfg(not(unix))]
    pub fn read_plain_into(&self, _: &str, _: &mut LastDir, _: &mut Vec<u8>) -> bool {
        false
    }

    /// The text of the file at `rel`, decoded as [`decode`] does, and its note.
    pub fn read_text(&self, rel: &str) -> Result<(String, Option<&'static str>), Error> {
        let clean = safe_relative(rel).ok_or_else(|| Error::OutsideMirror(rel.to_owned()))?;
        let bytes = match &self.source {
            Source::Bundled => bundled::read(&clean)
                .ok_or_else(|| Error::NoSuchFile(clean.clone()))?
                .to_vec(),
            Source::Dir(root) => {
                let path = self
                    .contained(root, &clean)
                    .ok_or_else(|| refusal(root, &clean))?;
                read_file(&path, &clean)?
            }
        };
        Ok(decode(&bytes))
    }

    /// Reads and parses the article at `rel`; a file that is not UTF-8 gets a note, an
    /// empty one is refused.
    pub fn load(&self, rel: &str) -> Result<Article, Error> {
        let clean = safe_relative(rel).ok_or_else(|| Error::OutsideMirror(rel.to_owned()))?;
        let (text, note) = self.read_text(&clean)?;
        if text.is_empty() {
            return Err(Error::EmptyFile(clean));
        }
        let mut article = Article::parse(&clean, &text);
        article.note = note;
        Ok(article)
    }

    /// Why what lies at `rel` is no article file, when something does: a folder, a
    /// FIFO, a symlink loop, a file over the size limit. `None` when nothing is there,
    /// or a file that can be read.
    pub fn not_a_file(&self, rel: &str) -> Option<Error> {
        let Source::Dir(root) = &self.source else {
            return None;
        };
        let rel = safe_relative(rel)?;
        let path = root.join(&rel);
        fs::symlink_metadata(&path).ok()?;
        match fs::metadata(&path) {
            Err(source) => Some(Error::Read { path: rel, source }),
            Ok(meta) if meta.is_file() && meta.len() > MAX_ARTICLE_BYTES => {
                Some(too_large(&rel, meta.len()))
            }
            Ok(meta) if meta.is_file() => None,
            Ok(meta) => Some(Error::NotAFile {
                path: rel,
                kind: kind_of(&meta),
            }),
        }
    }

    /// Reads an article to show it: its citations are found later
    /// ([`Article::parse_links_first`]).
    pub fn load_to_read(&self, rel: &str) -> Result<Article, Error> {
        let clean = safe_relative(rel).ok_or_else(|| Error::OutsideMirror(rel.to_owned()))?;
        let (text, note) = self.read_text(&clean)?;
        if text.is_empty() {
            return Err(Error::EmptyFile(clean));
        }
        let mut article = Article::parse_links_first(&clean, &text);
        article.note = note;
        Ok(article)
    }

    /// The code folders at the root, sorted; read once (each reference asks).
    pub fn codes(&self) -> &[String] {
        self.codes.get_or_init(|| match &self.source {
            Source::Dir(root) => walk::subfolders(root),
            Source::Bundled => bundled::subfolders(),
        })
    }

    /// Every file named `file_name` under folder `under` (relative, may be empty for
    /// the whole mirror), sorted by path.
    pub fn find_named(&self, under: &str, file_name: &str) -> Vec<String> {
        let Some(under) = safe_relative(under).or_else(|| under.is_empty().then(String::new))
        else {
            return Vec::new();
        };
        let index = self.index();
        let inside = |p: &String| {
            under.is_empty() || p.strip_prefix(&under).is_some_and(|r| r.starts_with('/'))
        };
        let mut found: Vec<String> = index
            .named(file_name)
            .map(|e| e.path())
            .filter(inside)
            .collect();
        found.sort();
        if self.index_was_wrong(&found) {
            return self.find_named(&under, file_name);
        }
        found
    }

    /// The mirror's index, opened on first use.
    pub fn index(&self) -> Rc<Index> {
        if let Some(index) = self.index.borrow().as_ref() {
            return Rc::clone(index);
        }
        let index = Rc::new(match &self.source {
            Source::Dir(root) => index::cache::load_or_build(root),
            Source::Bundled => Index::from_paths(0, |f| bundled::each_file(f)),
        });
        *self.index.borrow_mut() = Some(Rc::clone(&index));
        index
    }

    /// After a look-up gave `found`: whether the index may be stale (nothing found,
    /// or a file it names is gone) and was walked again, once per run, so that the
    /// look-up should be tried again. Changes deep in a mirror do not show in the
    /// fingerprint checked at start; this is where they are caught.
    fn index_was_wrong(&self, found: &[String]) -> bool {
        let Source::Dir(root) = &self.source else {
            return false;
        };
        if self.rebuilt.get() || (!found.is_empty() && found.iter().all(|p| self.exists(p))) {
            return false;
        }
        self.rebuilt.set(true);
        *self.index.borrow_mut() = Some(Rc::new(index::cache::rebuild(root)));
        self.numbers.borrow_mut().take();
        true
    }

    /// The articles of `code` numbered from `from` to `to` (both included), in number
    /// order: what `D. 6123-19 à D. 6123-21` names.
    pub fn between(&self, code: &str, from: &str, to: &str) -> Vec<String> {
        let (Some(lo), Some(hi)) = (order::key(from), order::key(to)) else {
            return Vec::new();
        };
        let numbers = self.numbers();
        let index = self.index();
        let start = numbers.partition_point(|n| n.0 < lo.1);
        let end = numbers.partition_point(|n| n.0 <= hi.1);
        let prefix = format!("{code}/");
        // `R. 4626-25 à D. 4626-32`: in a regulatory part R and D articles interleave,
        // so a range across prefixes takes both, by their digits.
        numbers[start..end.max(start)]
            .iter()
            .filter(|n| n.1 == lo.0 || n.1 == hi.0)
            .filter_map(|n| index.entry(n.2).map(|e| e.path()))
            .filter(|p| p.starts_with(&prefix))
            .collect()
    }

    /// Every numbered article as (digits, prefix, position in the index), sorted by
    /// digits: ranges are a binary search away. Sorted from the index on first use.
    fn numbers(&self) -> Rc<Numbers> {
        if let Some(numbers) = self.numbers.borrow().as_ref() {
            return Rc::clone(numbers);
        }
        let mut all: Numbers = self
            .index()
            .entries()
            .filter_map(|e| {
                let (prefix, digits) = order::key(e.name)?;
                Some((digits, prefix, e.at))
            })
            .collect();
        all.sort();
        let numbers = Rc::new(all);
        *self.numbers.borrow_mut() = Some(Rc::clone(&numbers));
        numbers
    }

    /// The article before or after `path` in its own folder, in number order.
    pub fn neighbour(&self, path: &str, next: bool) -> Option<String> {
        let (dir, file) = path.rsplit_once('/')?;
        let index = self.index();
        let mut here = index.in_dir(dir);
        here.sort_by(|a, b| order::compare(a, b));
        let at = here.iter().position(|n| *n == file)?;
        let other = if next {
            at.checked_add(1)?
        } else {
            at.checked_sub(1)?
        };
        here.get(other).map(|n| format!("{dir}/{n}"))
    }

    /// Every `.md` file of the mirror, relative to the root, in no particular order.
    pub fn all_files(&self) -> Vec<String> {
        match &self.source {
            Source::Dir(root) => walk::all_files(root),
            Source::Bundled => bundled::all_files(),
        }
    }

    /// Finds an article by number (`L6123-1`, `l. 6123-1`), in one code or in all.
    pub fn find_number(&self, code: Option<&str>, num: &str) -> Result<String, Error> {
        if let Some(code) = code
            && !self.codes().iter().any(|c| c == code)
        {
            return Err(Error::NoSuchCode {
                code: code.to_owned(),
                mirror: self.name(),
                known: self.codes().join(", "),
            });
        }
        let file = format!("{}.md", number_slug(num));
        let found = self.find_named(code.unwrap_or(""), &file);
        match found.as_slice() {
            [] => Err(Error::NoSuchArticle {
                num: normalize_number(num),
                mirror: self.name(),
            }),
            [one] => Ok(one.clone()),
            many => {
                let mut codes: Vec<&str> =
                    many.iter().filter_map(|p| p.split('/').next()).collect();
                codes.dedup();
                if codes.len() == 1 {
                    // One code, several files of that name: the first in path order.
                    return Ok(many[0].clone());
                }
                Err(Error::Ambiguous {
                    num: normalize_number(num),
                    first: codes[0].to_owned(),
                    codes: codes.join(", "),
                })
            }
        }
    }

    /// The article numbered `num` in each code that has one, in code order: what to
    /// offer when a number alone is ambiguous.
    pub fn in_each_code(&self, num: &str) -> Vec<String> {
        let file = format!("{}.md", number_slug(num));
        let mut found = self.find_named("", &file);
        found.dedup_by(|b, a| a.split('/').next() == b.split('/').next());
        found
    }

    /// The first article in path order: what opens when no article is named.
    pub fn first_article(&self) -> Result<String, Error> {
        let first = match &self.source {
            Source::Dir(root) => walk::first_article(root),
            Source::Bundled => Some(bundled::SEED.to_owned()),
        };
        first.ok_or_else(|| Error::NotAMirror(self.root().map(Path::to_owned).unwrap_or_default()))
    }

    /// The path of `file` relative to the root, if it lies inside the mirror.
    pub fn relative(&self, file: &Path) -> Option<String> {
        let root = self.root()?;
        let canonical = fs::canonicalize(file).ok()?;
        let rel = canonical.strip_prefix(root).ok()?;
        let parts: Vec<&str> = rel.iter().map(|c| c.to_str()).collect::<Option<_>>()?;
        let joined = parts.join("/");
        // A name no walk of the mirror would list (`\x1b]0;…`) is not in it either.
        (safe_relative(&joined).as_ref() == Some(&joined)).then_some(joined)
    }
}

impl Mirror {
    /// `root/rel` when, symlinks followed, it is still inside `root`.
    ///
    /// Each folder is checked once (canonicalising a path costs a system call per
    /// component, which made `loi links` over 12,000 articles spend seconds in the
    /// kernel); the file itself only needs a second look when it is a symlink.
    fn contained(&self, root: &Path, rel: &str) -> Option<PathBuf> {
        let dir = rel.rsplit_once('/').map_or("", |(dir, _)| dir);
        let known = self.inside_dirs.borrow().get(dir).copied();
        let dir_inside = known.unwrap_or_else(|| {
            let inside = fs::canonicalize(root.join(dir)).is_ok_and(|d| d.starts_with(root));
            self.inside_dirs.borrow_mut().insert(dir.to_owned(), inside);
            inside
        });
        if !dir_inside {
            return None;
        }
        let path = root.join(rel);
        if fs::symlink_metadata(&path).ok()?.file_type().is_symlink() {
            let target = fs::canonicalize(&path).ok()?;
            return target.starts_with(root).then_some(target);
        }
        Some(path)
    }
}

/// The error for a path `contained` refused: outside the mirror, a link that cannot
/// be followed (a loop), or nothing there.
fn refusal(root: &Path, rel: &str) -> Error {
    let path = root.join(rel);
    match fs::metadata(&path) {
        Ok(_) => Error::OutsideMirror(rel.to_owned()),
        Err(source) if fs::symlink_metadata(&path).is_ok() => Error::Read {
            path: rel.to_owned(),
            source,
        },
        Err(_) => Error::NoSuchFile(rel.to_owned()),
    }
}

/// The last folder [`Mirror::read_plain_into`] checked.
#[derive(Debug, Default)]
pub struct LastDir {
    dir: Option<String>,
    /// The folder, open, when it lies inside the root.
    fd: Option<fs::File>,
}

/// Reads a file that is an article candidate: a regular file under the size limit.
///
/// Its type is checked before it is opened: opening a FIFO for reading waits for a
/// writer, forever. It is opened non-blocking too, and checked again once open, in
/// case it was swapped for a FIFO in between; and never more than the limit is read.
fn read_file(path: &Path, shown: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    read_file_into(path, shown, &mut bytes)?;
    Ok(bytes)
}

/// [`read_file`] into `bytes`, which must be empty.
fn read_file_into(path: &Path, shown: &str, bytes: &mut Vec<u8>) -> Result<(), Error> {
    use std::io::Read;
    let read_error = |source| Error::Read {
        path: shown.to_owned(),
        source,
    };
    let check = |meta: fs::Metadata| {
        if !meta.is_file() {
            return Err(Error::NotAFile {
                path: shown.to_owned(),
                kind: kind_of(&meta),
            });
        }
        if meta.len() > MAX_ARTICLE_BYTES {
            return Err(too_large(shown, meta.len()));
        }
        Ok(meta.len())
    };
    check(fs::metadata(path).map_err(read_error)?)?;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(read_error)?;
    let len = check(file.metadata().map_err(read_error)?)?;
    bytes.reserve(usize::try_from(len).unwrap_or(0));
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(bytes)
        .map_err(read_error)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_ARTICLE_BYTES {
        return Err(too_large(shown, read));
    }
    Ok(())
}

fn too_large(shown: &str, size: u64) -> Error {
    Error::TooLarge {
        path: shown.to_owned(),
        size,
        limit: MAX_ARTICLE_BYTES,
    }
}

/// What a file that is not a regular file is, for a message.
fn kind_of(meta: &fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "FIFO (named pipe)";
        }
        if kind.is_socket() {
            return "socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "device";
        }
    }
    "special file"
}

/// A note for the status line when a file is not UTF-8.
pub const NOTE_WINDOWS_1252: &str =
    "This file is not UTF-8: read as Windows-1252 (Latin-1), its characters may be wrong";
/// A note for the status line when a file is UTF-8 with bad bytes.
pub const NOTE_BAD_UTF8: &str = "This file is not valid UTF-8: the bad bytes show as �";

/// A file's bytes as text, and a note when they were not UTF-8. A file with bad bytes
/// but no valid multi-byte UTF-8 sequence is read as Windows-1252, as older French
/// files were written (`é` is the byte 0xE9); any other is read as UTF-8, with U+FFFD
/// for each bad byte.
pub fn decode(bytes: &[u8]) -> (String, Option<&'static str>) {
    let mut multibyte = false;
    let mut bad = false;
    for chunk in bytes.utf8_chunks() {
        multibyte |= !chunk.valid().is_ascii();
        bad |= !chunk.invalid().is_empty();
    }
    if !bad {
        return (String::from_utf8_lossy(bytes).into_owned(), None);
    }
    if multibyte {
        return (
            String::from_utf8_lossy(bytes).into_owned(),
            Some(NOTE_BAD_UTF8),
        );
    }
    let text = bytes.iter().map(|&b| windows_1252(b)).collect();
    (text, Some(NOTE_WINDOWS_1252))
}

/// One byte of Windows-1252: Latin-1, but for 0x80-0x9F (typographic quotes, `€`,
/// `œ`…), five of which are undefined and become U+FFFD.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{fffd}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{fffd}', 'Ž',
        '\u{fffd}', '\u{fffd}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{fffd}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// A mirror-relative path made safe: `/`-separated, no empty or `.` parts, and `None`
/// for anything that could lead elsewhere (`..`, `\`, `:`, NUL, `%`-escapes) or act
/// on the terminal when shown (control and bidi characters).
pub fn safe_relative(path: &str) -> Option<String> {
    let mut parts = Vec::new();
    for part in path.split('/') {
        if part.is_empty() || part == "." {
            continue;
        }
        let risky = part == ".." || part.contains(['\\', ':', '\0', '%']);
        if risky || !crate::sanitize::is_clean(part) {
            return None;
        }
        parts.push(part);
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// `l. 6123-1` → `L6123-1`: the letters before the number in capitals, with no dot or
/// space; the rest as given (`L1234-5 A`). Anything else (`Annexe II`) is only trimmed.
pub fn normalize_number(num: &str) -> String {
    let num = num.trim();
    let split = num.find(|c: char| c.is_ascii_digit()).unwrap_or(num.len());
    let (prefix, rest) = num.split_at(split);
    let prefix: String = prefix
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    let letters = prefix.trim_end_matches('*');
    let is_code_prefix = letters.len() <= 3 && letters.chars().all(|c| c.is_ascii_alphabetic());
    if is_code_prefix && !rest.is_empty() {
        format!("{}{}", prefix.to_uppercase(), rest.to_uppercase())
    } else {
        num.to_owned()
    }
}

/// The number an article file is named for, as the text writes it: `l5214-1-a.md` →
/// `L5214-1 A`, `r-1234-5.md` → `R*1234-5`. File names are slugs, so this guesses
/// back what the slug rule dropped; it is for display, never for finding a file.
pub fn number_of_file(rel: &str) -> String {
    let stem = rel.rsplit('/').next().unwrap_or_default();
    let stem = stem.strip_suffix(".md").unwrap_or(stem);
    let letters = stem.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(0);
    let mut num = if letters > 0
        && stem[letters..].starts_with('-')
        && stem[letters + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        format!("{}*{}", &stem[..letters], &stem[letters + 1..])
    } else {
        stem.to_owned()
    };
    num = normalize_number(&num);
    let bytes = num.as_bytes();
    if let [.., d, b'-', letter] = bytes
        && d.is_ascii_digit()
        && letter.is_ascii_uppercase()
    {
        let cut = num.len() - 2;
        num.replace_range(cut..=cut, " ");
    }
    num
}

/// The file-name slug of an article number: lower case, accents dropped, every other
/// run of non-alphanumerics a `-` (`R*1234-5` → `r-1234-5`), as the mirror names files.
pub fn number_slug(num: &str) -> String {
    slug(&normalize_number(num))
}

/// The mirror's slug rule, for names the reader has to guess.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        if c == '\'' || c == '’' {
            continue;
        }
        match fold_accent(c.to_lowercase().next().unwrap_or(c)) {
            Some(c) if c.is_ascii_alphanumeric() => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(c);
            }
            _ => dash = true,
        }
    }
    out.chars().take(120).collect()
}

fn fold_accent(c: char) -> Option<char> {
    Some(match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        c if c.is_ascii() => c,
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
