//! The real four-code, 29,115-article mirror of `../shared/corpus`, extracted once per test
//! binary to a temporary folder, for the whole-corpus tests.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const TARBALL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/mirror-four-codes.tar.gz"
);

/// The extracted mirror, shared by the tests of one binary (extracting takes a second).
pub fn corpus() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| extract(TARBALL)).path()
}

/// A tarball of `../shared/corpus`, extracted to a new temporary folder.
pub fn extract(tarball: &str) -> tempfile::TempDir {
    assert!(
        Path::new(tarball).exists(),
        "the shared corpus is missing: {tarball}"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let status = Command::new("tar")
        .args(["xzf", tarball, "-C"])
        .arg(dir.path())
        .status()
        .expect("run tar");
    assert!(status.success(), "tar failed on {tarball}");
    dir
}

/// Every article file, relative to the root, sorted.
pub fn articles() -> Vec<String> {
    let root = corpus();
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                let rel = path.strip_prefix(root).expect("inside");
                out.push(rel.to_str().expect("utf-8 name").to_owned());
            }
        }
    }
    out.sort();
    out
}

/// Every file under `root` but MANIFEST.tsv and `.loi/` (what `loi import` keeps for
/// itself), with its bytes, sorted: two mirrors compared byte for byte.
pub fn files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(&dir).expect("dir").filter_map(Result::ok) {
            let path = e.path();
            let rel = path
                .strip_prefix(root)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            if rel == "MANIFEST.tsv" || rel == ".loi" {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push((rel, fs::read(&path).expect("read")));
            }
        }
    }
    out.sort();
    out
}
