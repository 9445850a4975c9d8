//! The mirror layer: files → model. A local mirror of codes is one file per article
//! under folders named after sections; [`Mirror`] reads articles by their path
//! relative to the root, finds them by number, and never lets a path lead outside the
//! root. Beside it: the index, search, backlinks (« cité par »), the table of
//! contents, go-to, and resolving references. Uses the model only.

pub mod backlinks;
mod bundled;
pub mod error;
mod find;
pub mod goto;
pub mod ids;
pub mod import;
pub mod index;
pub mod leftovers;
mod names;
pub mod order;
mod plain;
mod read;
pub mod reference;
pub mod search;
pub mod shelf;
pub mod state;
pub mod toc;

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::mirror::error::Error;
use crate::model::article::{Article, Citations};
use ids::Ids;
use index::Index;

pub use names::{normalize_number, number_of_file, number_slug, slug};
pub use plain::LastDir;
pub use read::{decode, note_bad_utf8, note_windows_1252};
use read::{decode_owned, kind_of, read_file, read_file_into, too_large};

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
    /// missing or its top folders changed), walked again when its folders are found
    /// changed ([`Mirror::refresh`]).
    index: RefCell<Option<Rc<Index>>>,
    /// Never walked again (another thread's copy, whose positions must keep their
    /// meaning).
    frozen: bool,
    /// When the index was last found current, or walked again.
    checked: Cell<Option<std::time::Instant>>,
    /// Every numbered article as (digits, prefix, path), sorted by digits: ranges are
    /// a binary search away.
    numbers: RefCell<Option<Rc<Numbers>>>,
    codes: OnceCell<Vec<String>>,
    /// Folders (relative) already checked to lie inside the root, symlinks followed.
    inside_dirs: RefCell<HashMap<String, bool>>,
    /// What the mirror's links say legacy ids are, once known; whether the cache was
    /// looked in for it.
    ids: RefCell<Option<Rc<Ids>>>,
    ids_looked_up: Cell<bool>,
}

/// A mirror and its index as plain data, to send to another thread (see
/// [`Mirror::frozen`]).
#[derive(Debug, Clone)]
pub struct Frozen {
    source: Source,
    index: Vec<u8>,
    ids: Option<Ids>,
}

impl Frozen {
    /// The mirror, with this index for good: it is never walked again, even when a
    /// look-up misses, so that its positions keep their meaning.
    pub fn open(self) -> Mirror {
        let index = Index::from_bytes(index::Bytes::Owned(self.index)).unwrap_or_else(Index::empty);
        let mut mirror = Mirror::with_source(self.source);
        mirror.index = RefCell::new(Some(Rc::new(index)));
        mirror.frozen = true;
        mirror.ids = RefCell::new(self.ids.map(Rc::new));
        mirror.ids_looked_up = Cell::new(true);
        mirror
    }
}

impl Mirror {
    /// The sample mirror bundled in the binary.
    pub fn bundled() -> Mirror {
        Mirror::with_source(Source::Bundled)
    }

    fn with_source(source: Source) -> Mirror {
        Mirror {
            source,
            index: RefCell::default(),
            frozen: false,
            checked: Cell::new(None),
            numbers: RefCell::default(),
            codes: OnceCell::new(),
            inside_dirs: RefCell::default(),
            ids: RefCell::default(),
            ids_looked_up: Cell::new(false),
        }
    }

    /// A mirror on disk.
    pub fn open(dir: &Path) -> Result<Mirror, Error> {
        let root = fs::canonicalize(dir).map_err(|_| Error::NoMirror(dir.to_owned()))?;
        if !root.is_dir() {
            return Err(Error::NoMirror(dir.to_owned()));
        }
        Ok(Mirror::with_source(Source::Dir(root)))
    }

    /// The mirror the user named (`--mirror`, `LOI_MIRROR`, `config.toml`): as
    /// [`Mirror::open`], and refused when it holds no code's folder, before anything
    /// walks it.
    pub fn open_named(dir: &Path) -> Result<Mirror, Error> {
        let mirror = Mirror::open(dir)?;
        if let Some(root) = mirror.root() {
            check_holds_codes(root)?;
        }
        Ok(mirror)
    }

    /// What another thread needs to open this mirror with this very index (a copy of
    /// its bytes): positions in the index then mean the same in every thread.
    pub fn frozen(&self) -> Frozen {
        Frozen {
            source: self.source.clone(),
            index: self.index().as_bytes().to_vec(),
            ids: self.legacy_ids().as_deref().cloned(),
        }
    }

    /// What the mirror's links say the ids of legacy links are ([`ids`]): as set, or
    /// from the cache when it was built for this index. `None` until one or the other:
    /// references are then read by their text alone.
    pub fn legacy_ids(&self) -> Option<Rc<Ids>> {
        if !self.ids_looked_up.replace(true)
            && let Some(cached) = Ids::cached(self)
        {
            *self.ids.borrow_mut() = Some(Rc::new(cached));
        }
        self.ids.borrow().clone()
    }

    /// Sets what [`Mirror::legacy_ids`] answers (read on another thread).
    pub fn set_legacy_ids(&self, ids: Ids) {
        self.ids_looked_up.set(true);
        *self.ids.borrow_mut() = Some(Rc::new(ids));
    }

    /// Reads the mirror's legacy ids now when neither set nor cached: for a command
    /// that reads the whole mirror anyway (`loi links`, the backlinks).
    pub fn read_legacy_ids(&self) {
        if self.legacy_ids().is_none() {
            self.set_legacy_ids(Ids::load_or_build(self));
        }
    }

    /// How to name the mirror in a message.
    pub fn name(&self) -> String {
        match &self.source {
            Source::Dir(root) => root.display().to_string(),
            Source::Bundled => {
                crate::tr!("the bundled sample mirror", "le miroir d'exemple intégré").to_owned()
            }
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
        Ok(decode_owned(bytes))
    }

    /// Reads and parses the article at `rel`, its citations found when `citations`
    /// says; a file that is not UTF-8 gets a note, an empty one is refused.
    pub fn article(&self, rel: &str, citations: Citations) -> Result<Article, Error> {
        let clean = safe_relative(rel).ok_or_else(|| Error::OutsideMirror(rel.to_owned()))?;
        let (text, note) = self.read_text(&clean)?;
        if text.is_empty() {
            return Err(Error::EmptyFile(clean));
        }
        let mut article = Article::parse(&clean, &text, citations);
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

    /// The code folders at the root, sorted; read once (each reference asks).
    pub fn codes(&self) -> &[String] {
        self.codes.get_or_init(|| match &self.source {
            Source::Dir(root) => index::walk::subfolders(root),
            Source::Bundled => bundled::subfolders(),
        })
    }

    /// The first article in path order: what opens when no article is named.
    pub fn first_article(&self) -> Result<String, Error> {
        let first = match &self.source {
            Source::Dir(root) => index::walk::first_article(root),
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
    /// Each folder is checked once: canonicalising a path costs a system call per
    /// component, and doing so for every file kept `loi links` over a whole mirror
    /// waiting on the kernel
    /// (measured: docs/BENCHMARKS.md, « Figures behind the code »).
    /// The file itself only needs a second look when it is a symlink.
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

/// Refuses a folder that is no mirror before anything walks it: a mirror's folders
/// are codes (`code-du-travail`; a name from the table of codes, or one starting with
/// `code`). `--mirror /tmp` walked the whole of it for a minute and cached an index of
/// hundreds of megabytes; `--mirror …/code-du-travail` read its parts as codes.
fn check_holds_codes(root: &Path) -> Result<(), Error> {
    let is_code =
        |name: &str| name.starts_with("code") || crate::model::codes::by_slug(name).is_some();
    if index::walk::subfolders(root)
        .iter()
        .any(|name| is_code(name))
    {
        return Ok(());
    }
    let name = root
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    match root.parent() {
        Some(parent) if is_code(name) => Err(Error::CodeFolder {
            dir: root.to_owned(),
            parent: parent.to_owned(),
        }),
        _ => Err(Error::NoCodes(root.to_owned())),
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
        if risky || !crate::model::sanitize::is_clean(part) {
            return None;
        }
        parts.push(part);
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests;
