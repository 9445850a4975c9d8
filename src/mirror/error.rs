//! Errors a user may see, each saying what to do about it, in the language spoken
//! (their words: `error/said.rs`).

mod said;

use std::path::PathBuf;

/// Why `loi` could not open what it was asked to. Shown as one line, exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    NoMirror(PathBuf),
    NotAMirror(PathBuf),
    NoCodes(PathBuf),
    CodeFolder {
        dir: PathBuf,
        parent: PathBuf,
    },
    NoSuchArticle {
        num: String,
        mirror: String,
    },
    NoSuchArticleInCode {
        num: String,
        code: String,
    },
    /// Not a failure: an answer that is empty (exit 1, as grep).
    NothingCites(String),
    /// Not a failure: an answer that is empty (exit 1, as grep).
    NothingFound(String),
    /// A search with nothing to look for is a mistake in the command, not an empty
    /// answer: exit 2, as for any usage error.
    NoWord(String),
    Ambiguous {
        num: String,
        codes: String,
        first: String,
    },
    CodeWithoutNumber(String),
    OneArticle(String),
    NoArticleNamed,
    NoSuchCode {
        code: String,
        mirror: String,
        known: String,
    },
    /// A code's name or abbreviation that no code has (`hint`: the nearest ones).
    UnknownCode {
        typed: String,
        hint: String,
    },
    NoSuchFile(String),
    OutsideMirror(String),
    NotAnArticle(String),
    TooLarge {
        path: String,
        size: u64,
        limit: u64,
    },
    NotAFile {
        path: String,
        kind: &'static str,
    },
    EmptyFile(String),
    Read {
        path: String,
        source: std::io::Error,
    },
    /// `loi changes` on a mirror without `.loi/`: nothing to list changes from.
    NoDates(String),
    NotATerminal,
    /// `TERM` is `dumb`, or not set: no cursor to move, no screen to switch.
    DumbTerminal(String),
    /// Each article `loi print` could not print was reported on stderr as it came:
    /// this only sets the exit code, and is not shown.
    NotAllPrinted(usize),
    Output(std::io::Error),
    /// `loi index-words` could not write the word index into the cache folder `dir`.
    WordIndex {
        dir: PathBuf,
        source: std::io::Error,
    },
    NoHome,
    Terminal(#[from] std::io::Error),
    Import(#[from] crate::mirror::import::ImportError),
    /// An error of a layer above the mirror's (the dossier's), said as it says itself.
    Said(Box<dyn std::error::Error + Send + Sync>),
}
