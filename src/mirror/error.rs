//! Errors a user may see, each saying what to do about it.

use std::path::PathBuf;

/// Why `loi` could not open what it was asked to. Shown as one line, exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no mirror at {0}: give --mirror (or LOI_MIRROR) the folder that holds the codes")]
    NoMirror(PathBuf),
    #[error(
        "{0} holds no article (no *.md file starting with '# Article'): is it a mirror? Give --mirror the folder that holds the codes"
    )]
    NotAMirror(PathBuf),
    #[error(
        "{0} holds no code's folder (such as code-du-travail): give --mirror the folder that holds the codes"
    )]
    NoCodes(PathBuf),
    #[error("{dir} is a code's folder, not a mirror: give --mirror the folder above it, {parent}")]
    CodeFolder { dir: PathBuf, parent: PathBuf },
    #[error(
        "no article {num} in {mirror}: check the number, or name its code first (loi CODE {num})"
    )]
    NoSuchArticle { num: String, mirror: String },
    #[error(
        "no article {num} in {code}: check the number, or leave out the code's name to look in every code"
    )]
    NoSuchArticleInCode { num: String, code: String },
    /// Not a failure: an answer that is empty (exit 1, as grep).
    #[error("no article of this mirror cites {0}")]
    NothingCites(String),
    /// Not a failure: an answer that is empty (exit 1, as grep).
    #[error("no article of this mirror holds {0}: try fewer words, or a word's start")]
    NothingFound(String),
    /// A search with nothing to look for is a mistake in the command, not an empty
    /// answer: exit 2, as for any usage error.
    #[error(
        "{0:?} has no word to search for (spaces and punctuation are no words): give words, or a \"phrase\" in double quotes"
    )]
    NoWord(String),
    #[error("{num} is in several codes ({codes}): name one first, as in: loi {first} {num}")]
    Ambiguous {
        num: String,
        codes: String,
        first: String,
    },
    #[error("{0} is a code, and no article number follows it: write one after it ({0} L1234-5)")]
    CodeWithoutNumber(String),
    #[error(
        "{0} is a second article, and this opens one: name one (a number after its code if need be, or a path), or use loi print for several"
    )]
    OneArticle(String),
    #[error(
        "no article named: give a number such as L6123-1 (after its code's folder name when several codes have it) or a path to its .md file"
    )]
    NoArticleNamed,
    #[error("no code folder {code} in {mirror}: the codes there are {known}")]
    NoSuchCode {
        code: String,
        mirror: String,
        known: String,
    },
    #[error("no code is called {typed:?}: {hint}")]
    UnknownCode { typed: String, hint: String },
    #[error("no file {0}: check the path, or give an article number such as L6123-1")]
    NoSuchFile(String),
    #[error("{0} is outside the mirror: articles are opened from inside its folder only")]
    OutsideMirror(String),
    #[error("{0} is not an article of a mirror (its first line is not '# Article …')")]
    NotAnArticle(String),
    #[error(
        "{path} is {size} bytes: too large to be an article (the limit is {limit} bytes); check that it is the right file"
    )]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path} is a {kind}, not an article file: give the path of an article's .md file")]
    NotAFile { path: String, kind: &'static str },
    #[error("{0} is empty (0 bytes): this copy of the article is broken, fetch it again")]
    EmptyFile(String),
    #[error("cannot read {path}: {source} (check its permissions, and where its links lead)")]
    Read {
        path: String,
        source: std::io::Error,
    },
    /// `loi changes` on a mirror without `.loi/`: nothing to list changes from.
    #[error(
        "{0} keeps no dates (it was not made by loi import): make a mirror with loi import, from the legi-data package or DILA's LEGI archives, and run this on it"
    )]
    NoDates(String),
    #[error("the output is not a terminal: loi is a full-screen reader, run it in a terminal")]
    NotATerminal,
    /// `TERM` is `dumb`, or not set: no cursor to move, no screen to switch.
    #[error(
        "this terminal (TERM={0}) cannot show the full-screen reader: print an article instead, as in loi print L6123-1, or set TERM to your terminal's type (xterm-256color…)"
    )]
    DumbTerminal(String),
    /// Each article `loi print` could not print was reported on stderr as it came:
    /// this only sets the exit code, and is not shown.
    #[error("{0} of the articles could not be printed")]
    NotAllPrinted(usize),
    #[error("cannot write the output: {0}")]
    Output(std::io::Error),
    #[error(
        "no home folder to keep files in: set HOME (or XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_CACHE_HOME)"
    )]
    NoHome,
    #[error("the terminal failed: {0}")]
    Terminal(#[from] std::io::Error),
    #[error(transparent)]
    Import(#[from] crate::mirror::import::ImportError),
}
