//! What goes wrong with the user's files, said so that they know what to do (their
//! words: `error/said.rs`). Each is carried in an `io::Error` of the matching kind, so
//! that the files' functions keep `io::Result`.

mod said;

use std::io;
use std::path::{Path, PathBuf};

/// A file of the user's that loi leaves as it is, writing nothing over it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// It exists but cannot be read (permissions, an I/O error).
    Unreadable { file: PathBuf, source: io::Error },
    /// A folder, a FIFO, a device: no file of loi's.
    NotAFile { file: PathBuf },
    /// Larger than any file loi writes.
    TooLarge { file: PathBuf, size: u64 },
}

impl Error {
    pub fn unreadable(file: &Path, source: io::Error) -> io::Error {
        let kind = source.kind();
        io::Error::new(
            kind,
            Error::Unreadable {
                file: file.to_owned(),
                source,
            },
        )
    }

    pub fn not_a_file(file: &Path) -> io::Error {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            Error::NotAFile {
                file: file.to_owned(),
            },
        )
    }

    pub fn too_large(file: &Path, size: u64) -> io::Error {
        io::Error::new(
            io::ErrorKind::InvalidData,
            Error::TooLarge {
                file: file.to_owned(),
                size,
            },
        )
    }
}

/// The last part of `path`, as the status line names a file of the data folder.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
