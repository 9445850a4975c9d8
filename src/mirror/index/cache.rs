//! Where a mirror's index is kept between runs (the user's cache folder), and when it
//! is built again: when it is missing or damaged, when the mirror's top folders
//! changed (checked at start), or when a folder deeper down did (checked where the
//! index must be current: a search, « cité par », a look-up that misses; `stamps`).
//! A cache that cannot be written costs a walk per run, no more.

use std::fs;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

#[cfg(not(unix))]
use super::Bytes;
use super::Index;
use super::walk;

/// The index of the mirror at `root` (canonical): from the cache when it is there and
/// the mirror's top folders have not changed since, else walked and saved.
pub fn load_or_build(root: &Path) -> Index {
    let file = cache_file(root);
    let fingerprint = fingerprint(root);
    if let Some(index) = file.as_deref().and_then(open)
        && index.fingerprint() == fingerprint
    {
        return index;
    }
    build_and_save(root, file.as_deref(), fingerprint)
}

/// Walks the mirror again and replaces the cache.
pub fn rebuild(root: &Path) -> Index {
    build_and_save(root, cache_file(root).as_deref(), fingerprint(root))
}

fn build_and_save(root: &Path, file: Option<&Path>, fingerprint: u64) -> Index {
    let mut builder = super::Builder::default();
    builder.generation = crate::mirror::import::meta::generation(root);
    let clock = super::stamps::Clock::start();
    let times = walk::into_index(root, &mut builder);
    builder.dirs_stamp = super::stamps::of_dirs(&times, &clock);
    let index = builder.finish(fingerprint);
    if let Some(file) = file {
        // Not saved is only slower next time: nothing to tell the reader.
        let _ = save(file, index.as_bytes());
    }
    index
}

/// `…/loi/index-HASH.bin` in the cache folder (`XDG_CACHE_HOME` honoured), one per
/// mirror root.
pub fn cache_file(root: &Path) -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "loi")?;
    Some(
        dirs.cache_dir()
            .join(format!("index-{:016x}.bin", stable_hash(root))),
    )
}

/// FNV-1a of the root's bytes: the same name from one build of loi to the next
/// (std's hasher promises no such thing).
fn stable_hash(root: &Path) -> u64 {
    root.as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// The cache file, read a page at a time as look-ups need them (index/paged.rs says
/// why not mapped). The file is only ever replaced by a rename, never written in
/// place, so what this open file holds does not change under us.
#[cfg(unix)]
fn open(file: &Path) -> Option<Index> {
    let f = fs::File::open(file).ok()?;
    let len = usize::try_from(f.metadata().ok()?.len()).ok()?;
    Index::from_paged(super::paged::Paged::new(f, len)?)
}

#[cfg(not(unix))]
fn open(file: &Path) -> Option<Index> {
    Index::from_bytes(Bytes::Owned(fs::read(file).ok()?))
}

/// Written beside, then renamed: two loi building at once leave one whole file.
pub fn save(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    save_with(file, |out| out.write_all(bytes))
}

/// Saves what `write` writes, beside then renamed as [`save`] does.
pub fn save_with(
    file: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    // What writers killed before renaming left (a kill -9, a power cut) goes now.
    crate::mirror::leftovers::sweep(dir);
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        file.file_name().and_then(|n| n.to_str()).unwrap_or("index"),
        std::process::id()
    ));
    let written = fs::File::create(&tmp).and_then(|f| {
        let mut out = std::io::BufWriter::with_capacity(PAGE, PageWriter(f));
        write(&mut out)?;
        out.flush()
    });
    written
        .and_then(|()| fs::rename(&tmp, file))
        .inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
}

const PAGE: usize = 4096;

/// A file written at most a page per write. The page cache keeps what one write
/// brings in as one folio, and a later mapping maps a whole folio per fault: written
/// in one go, a large index made one look-up bring most of the file into memory
/// (measured: docs/BENCHMARKS.md, « Figures behind the code »).
struct PageWriter(fs::File);

impl Write for PageWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(&buf[..buf.len().min(PAGE)])
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// What the mirror's root and code folders look like: names and modification times,
/// and when an import last wrote its metadata.
/// A few system calls, so checked at every start; changes deeper down are caught when
/// the index turns out wrong.
pub fn fingerprint(root: &Path) -> u64 {
    let mut hasher = Fnv(stable_hash(root));
    let mtime = |p: &Path| {
        fs::metadata(p)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map(|d| d.as_nanos())
    };
    mtime(root).hash(&mut hasher);
    // An import rewrites `.loi/mirror.json` (its generation) whatever else changed.
    mtime(
        &root
            .join(crate::mirror::import::meta::DIR)
            .join("mirror.json"),
    )
    .hash(&mut hasher);
    for code in walk::subfolders(root) {
        code.hash(&mut hasher);
        mtime(&root.join(&code)).hash(&mut hasher);
    }
    hasher.finish()
}

/// FNV-1a as a `Hasher`, for a fingerprint that means the same in every build.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn mirror_with(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for f in files {
            let path = dir.path().join(f);
            fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
            fs::write(&path, "# Article X\n\n<p>x</p>").expect("write");
        }
        dir
    }

    #[test]
    fn saved_then_read_then_rebuilt_when_the_top_changes() {
        let mirror = mirror_with(&["code-a/s/l1.md", "code-a/t/l2.md"]);
        let root = fs::canonicalize(mirror.path()).expect("canonical");
        let cache = tempfile::tempdir().expect("temp dir");
        let file = cache.path().join("index.bin");
        let fp = fingerprint(&root);
        let built = build_and_save(&root, Some(&file), fp);
        assert_eq!(built.len(), 2);
        let mapped = open(&file).expect("the cache opens");
        assert!(matches!(mapped.bytes, super::super::Store::Paged(_)));
        assert_eq!(mapped.fingerprint(), fp);
        assert_eq!(
            mapped.named("l2.md").next().map(|e| e.path()).as_deref(),
            Some("code-a/t/l2.md")
        );
        // A new code folder changes the fingerprint.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::create_dir_all(root.join("code-b")).expect("mkdir");
        assert_ne!(fingerprint(&root), fp);
    }

    #[test]
    fn a_cache_that_cannot_be_written_still_gives_an_index() {
        let mirror = mirror_with(&["code-a/l1.md"]);
        let root = fs::canonicalize(mirror.path()).expect("canonical");
        // A file where the cache folder should be: create_dir_all fails.
        let blocker = tempfile::NamedTempFile::new().expect("temp file");
        let file = blocker.path().join("index.bin");
        let index = build_and_save(&root, Some(&file), fingerprint(&root));
        assert_eq!(index.len(), 1);
        assert!(open(&file).is_none());
    }
}
