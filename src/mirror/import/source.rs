//! Where `loi import` reads from: the `@socialgouv/legi-data` package as npm packs it
//! (`.tgz`), its folder, its `data/` folder, or single `LEGITEXT*.json` files; or
//! DILA's LEGI archives (`Freemium_legi_global_*.tar.gz`, daily `LEGI_*.tar.gz`), told
//! apart by their name or, failing that, by their first entry being under `legi/`.
//! Each code's JSON is handed over as a stream, read straight out of the archive:
//! nothing is extracted to disk, nothing is held whole.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use super::error::ImportError;

/// One thing named on the command line, checked to be readable.
#[derive(Debug, Clone)]
pub enum Source {
    /// A `.tgz`/`.tar.gz` (npm's package): its `LEGITEXT*.json` entries.
    Archive(PathBuf),
    /// Code JSON files: from a folder (the package's, or its `data/`), or named.
    Files(Vec<PathBuf>),
    /// A LEGI archive of DILA's (read by `legi.rs`).
    Legi(Legi),
}

/// A LEGI archive: full or daily, and its timestamp.
#[derive(Debug, Clone)]
pub struct Legi {
    pub path: PathBuf,
    /// `20250713-140000`, from the name; `None` when the name has none.
    pub stamp: Option<String>,
    /// A daily archive (`LEGI_…`, entries under `STAMP/legi/`): changes only.
    pub daily: bool,
}

/// What each source's name says it is, after checking it is there.
pub fn open_all(paths: &[PathBuf]) -> Result<Vec<Source>, ImportError> {
    paths.iter().map(|p| open(p)).collect()
}

fn open(path: &Path) -> Result<Source, ImportError> {
    let meta = std::fs::metadata(path).map_err(|e| ImportError::Unreadable {
        file: path.to_owned(),
        source: e,
    })?;
    if meta.is_dir() {
        // The package's folder holds data/; its data/ folder holds the codes.
        let data = if path.join("data").is_dir() {
            path.join("data")
        } else {
            path.to_owned()
        };
        let files = code_files_in(&data)?;
        if files.is_empty() {
            return Err(ImportError::NoCodeIn(path.to_owned()));
        }
        return Ok(Source::Files(files));
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.ends_with(".tgz") || name.ends_with(".tar.gz") {
        return Ok(legi(path, name).map_or_else(|| Source::Archive(path.to_owned()), Source::Legi));
    }
    if name.ends_with(".json") {
        return Ok(Source::Files(vec![path.to_owned()]));
    }
    Err(ImportError::UnknownSource(path.to_owned()))
}

/// A LEGI archive, by its name (legi.py's `(.+_)?legi(_global)?_STAMP`) or, failing
/// that, by its first entry: `legi/…` (full) or `STAMP/legi/…` (daily).
fn legi(path: &Path, name: &str) -> Option<Legi> {
    let lower = name.to_ascii_lowercase();
    let stamp = stamp_in(name);
    if lower.starts_with("freemium_legi") || lower.starts_with("legi_") {
        let daily = !lower.contains("global");
        return Some(Legi {
            path: path.to_owned(),
            stamp,
            daily,
        });
    }
    let first = first_entry(path)?;
    let mut parts = first.split('/').filter(|p| !p.is_empty() && *p != ".");
    let (one, two) = (parts.next()?, parts.next());
    let daily = one != "legi" && two == Some("legi");
    (one == "legi" || daily).then(|| Legi {
        path: path.to_owned(),
        stamp: stamp.or_else(|| daily.then(|| one.to_owned())),
        daily,
    })
}

/// `YYYYMMDD-HHMMSS` in a name.
fn stamp_in(name: &str) -> Option<String> {
    let b = name.as_bytes();
    (0..b.len().saturating_sub(14)).find_map(|i| {
        let s = &b[i..i + 15];
        let ok = s.iter().enumerate().all(|(j, c)| {
            if j == 8 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        ok.then(|| name[i..i + 15].to_owned())
    })
}

/// The name of an archive's first entry, when it reads.
fn first_entry(path: &Path) -> Option<String> {
    let mut tar = tar_gz(path).ok()?;
    let entry = tar.entries().ok()?.next()?.ok()?;
    let name = entry.path().ok()?.to_string_lossy().into_owned();
    Some(name)
}

/// `LEGITEXT*.json` in `dir`, sorted: the package's codes (not its `index.json`).
fn code_files_in(dir: &Path) -> Result<Vec<PathBuf>, ImportError> {
    let read = std::fs::read_dir(dir).map_err(|e| ImportError::Unreadable {
        file: dir.to_owned(),
        source: e,
    })?;
    let mut files: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_code_json(p))
        .collect();
    files.sort();
    Ok(files)
}

fn is_code_json(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("LEGITEXT") && n.ends_with(".json"))
}

impl Source {
    /// Calls `each(name, stream)` for every code JSON of the source, in order. `name`
    /// says where the stream comes from, for messages (`package.tgz:data/LEGI….json`).
    pub fn each_code(
        &self,
        each: &mut dyn FnMut(&str, &mut dyn Read) -> Result<(), ImportError>,
    ) -> Result<(), ImportError> {
        match self {
            Source::Files(files) => {
                for file in files {
                    let f = open_file(file)?;
                    each(
                        &file.display().to_string(),
                        &mut BufReader::with_capacity(1 << 16, f),
                    )?;
                }
                Ok(())
            }
            Source::Archive(archive) => each_in_archive(archive, each),
            Source::Legi(_) => Ok(()),
        }
    }
}

/// A file of the sources, opened; a message naming it when it cannot be.
pub(super) fn open_file(file: &Path) -> Result<File, ImportError> {
    File::open(file).map_err(|e| ImportError::Unreadable {
        file: file.to_owned(),
        source: e,
    })
}

/// A `.tar.gz` read as a stream of entries, inflated as they are read.
pub(super) fn tar_gz(
    archive: &Path,
) -> Result<tar::Archive<flate2::read::GzDecoder<BufReader<File>>>, ImportError> {
    let f = open_file(archive)?;
    let gz = flate2::read::GzDecoder::new(BufReader::with_capacity(1 << 16, f));
    Ok(tar::Archive::new(gz))
}

fn each_in_archive(
    archive: &Path,
    each: &mut dyn FnMut(&str, &mut dyn Read) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    let damaged = |e: std::io::Error| ImportError::Damaged {
        file: archive.to_owned(),
        source: e,
    };
    let mut tar = tar_gz(archive)?;
    let mut found = 0;
    for entry in tar.entries().map_err(damaged)? {
        let entry = entry.map_err(damaged)?;
        // Only the name is used, to pick the codes: nothing is written where an
        // entry's path says, so a path that climbs out (`../`) leads nowhere.
        let name = entry
            .path()
            .map_err(damaged)?
            .to_string_lossy()
            .into_owned();
        if !is_code_json(Path::new(&name)) || !entry.header().entry_type().is_file() {
            continue;
        }
        found += 1;
        let label = format!("{}:{name}", archive.display());
        let mut reader = BufReader::with_capacity(1 << 16, entry);
        each(&label, &mut reader)?;
    }
    if found == 0 {
        return Err(ImportError::NoCodeIn(archive.to_owned()));
    }
    Ok(())
}
