//! Why an import stopped, each saying what to do. Whatever the error, the mirror that
//! was there before is left as it was.

mod said;

use std::path::PathBuf;

/// What each says, in the language spoken: `error/said.rs`.
#[derive(Debug)]
pub enum ImportError {
    Unreadable {
        file: PathBuf,
        source: std::io::Error,
    },
    Damaged {
        file: PathBuf,
        source: std::io::Error,
    },
    NoCodeIn(PathBuf),
    UnknownSource(PathBuf),
    Shape {
        file: String,
        why: String,
    },
    CutShort {
        file: String,
        why: String,
    },
    NoSuchCode {
        asked: String,
        held: String,
    },
    IntoIsAFile(PathBuf),
    NotAnImportedMirror(PathBuf),
    Busy {
        dir: PathBuf,
        pid: u32,
    },
    DiskFull(PathBuf),
    Write {
        dir: PathBuf,
        source: std::io::Error,
    },
    NoDataFolder,
    Interrupted,
    DamagedEntry {
        archive: PathBuf,
        entry: String,
        source: std::io::Error,
    },
    Doctype {
        archive: PathBuf,
        entry: String,
    },
    UnknownRoot {
        archive: PathBuf,
        entry: String,
        root: String,
    },
    BadXml {
        archive: PathBuf,
        entry: String,
        why: String,
    },
    EntryTooLarge {
        archive: PathBuf,
        entry: String,
        size: u64,
    },
    NoLegiCode(PathBuf),
    DailyFirst(PathBuf),
    MixedSources,
}

impl ImportError {
    /// An error met while writing the new mirror in `dir`: a full disk says so.
    pub fn writing(dir: &std::path::Path, e: std::io::Error) -> ImportError {
        if e.kind() == std::io::ErrorKind::StorageFull {
            ImportError::DiskFull(dir.to_owned())
        } else {
            ImportError::Write {
                dir: dir.to_owned(),
                source: e,
            }
        }
    }
}
