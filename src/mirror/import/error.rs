//! Why an import stopped, each saying what to do. Whatever the error, the mirror that
//! was there before is left as it was.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {file}: {source}")]
    Unreadable {
        file: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{file} is damaged or cut short ({source}): download it again; the mirror is unchanged"
    )]
    Damaged {
        file: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{0} holds no code (no LEGITEXT*.json): give the legi-data package (.tgz), its folder, or its data/LEGITEXT*.json files"
    )]
    NoCodeIn(PathBuf),
    #[error(
        "{0} is not something loi import reads: give the legi-data package (.tgz), its folder, or LEGITEXT*.json files"
    )]
    UnknownSource(PathBuf),
    #[error("{file} is not a code as legi-data ships it: {why}; the mirror is unchanged")]
    Shape { file: String, why: String },
    #[error(
        "{file} could not be read to the end ({why}): download it again; the mirror is unchanged"
    )]
    CutShort { file: String, why: String },
    #[error(
        "no code of the sources is {asked}: give a code's title, folder name, LEGITEXT id or abbreviation; the sources hold {held}"
    )]
    NoSuchCode { asked: String, held: String },
    #[error("{0} is a file: give --into a folder (a new one, or a mirror loi import made)")]
    IntoIsAFile(PathBuf),
    #[error(
        "{0} holds files but is not a mirror loi import made: give --into a new or empty folder, or that mirror"
    )]
    NotAnImportedMirror(PathBuf),
    #[error("another loi import (process {pid}) is writing {dir}: wait for it to end")]
    Busy { dir: PathBuf, pid: u32 },
    #[error("no space left on the disk of {0}: free some and run again; the mirror is unchanged")]
    DiskFull(PathBuf),
    #[error(
        "cannot write in {dir} ({source}): check it is yours and writable; the mirror is unchanged"
    )]
    Write {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error("no folder to import into: give --into DIR (loi found no data folder in this home)")]
    NoDataFolder,
    #[error("stopped: the mirror is unchanged")]
    Interrupted,
    #[error(
        "{archive}: damaged or cut short at {entry} ({source}): download it again; the mirror is unchanged"
    )]
    DamagedEntry {
        archive: PathBuf,
        entry: String,
        source: std::io::Error,
    },
    #[error(
        "{archive}: {entry} declares a DOCTYPE: DILA's files have none, and loi never reads a DTD nor expands or fetches an entity; download the archive again from DILA; the mirror is unchanged"
    )]
    Doctype { archive: PathBuf, entry: String },
    #[error(
        "{archive}: {entry} is not a LEGI file (its root is <{root}>, not ARTICLE, SECTION_TA, TEXTELR nor TEXTE_VERSION); the mirror is unchanged"
    )]
    UnknownRoot {
        archive: PathBuf,
        entry: String,
        root: String,
    },
    #[error(
        "{archive}: {entry} is not well-formed XML ({why}): download the archive again; the mirror is unchanged"
    )]
    BadXml {
        archive: PathBuf,
        entry: String,
        why: String,
    },
    #[error(
        "{archive}: {entry} is {size} bytes, more than any LEGI file: this is not DILA's archive; the mirror is unchanged"
    )]
    EntryTooLarge {
        archive: PathBuf,
        entry: String,
        size: u64,
    },
    #[error(
        "{0} holds no code of LEGI (no legi/global/code_et_TNC_en_vigueur/code_en_vigueur/… file): give DILA's Freemium_legi_global_….tar.gz or a daily LEGI_….tar.gz"
    )]
    NoLegiCode(PathBuf),
    #[error(
        "{0} is a daily LEGI archive: import the full archive (Freemium_legi_global_….tar.gz) into this mirror first, then the daily ones after it"
    )]
    DailyFirst(PathBuf),
    #[error(
        "LEGI archives and legi-data sources cannot be imported together: run loi import once for each"
    )]
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
