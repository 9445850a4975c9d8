//! The sample mirror compiled into the binary from `assets/sample`, so that `loi` copied
//! alone to a server still has something to show.

use include_dir::{Dir, DirEntry, include_dir};

static SAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/sample");

/// The article the project started from, opened when nothing else is asked for.
pub const SEED: &str = "code-de-leducation/partie-reglementaire/deuxieme-partie-les-enseignements-scolaires/livre-iii-lorganisation-des-enseignements-scolaires/titre-ier-lorganisation-generale-des-enseignements/chapitre-iii-linformation-et-lorientation/d313-14.md";

/// The bytes of the sample file at `rel`.
pub fn read(rel: &str) -> Option<&'static [u8]> {
    SAMPLE.get_file(rel).map(|f| f.contents())
}

/// The code folders of the sample.
pub fn subfolders() -> Vec<String> {
    let mut names: Vec<String> = SAMPLE
        .dirs()
        .filter_map(|d| d.path().to_str().map(str::to_owned))
        .collect();
    names.sort();
    names
}

/// Every file of the sample.
pub fn each_file(mut f: impl FnMut(&str, &str)) {
    for path in all_files() {
        let (dir, name) = path.rsplit_once('/').unwrap_or(("", &path));
        f(dir, name);
    }
}

pub fn all_files() -> Vec<String> {
    let mut found = Vec::new();
    let mut stack: Vec<&Dir> = vec![&SAMPLE];
    while let Some(dir) = stack.pop() {
        for entry in dir.entries() {
            match entry {
                DirEntry::Dir(d) => stack.push(d),
                DirEntry::File(f) => found.extend(f.path().to_str().map(str::to_owned)),
            }
        }
    }
    found
}
