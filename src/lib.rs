//! `loi`, a terminal reader for French legal codes kept as a local mirror.
//!
//! Seven layers, each a folder; a layer uses those listed before it, never one after:
//!
//! - [`model`]: an article and its parts (HTML readers, enumeration, tables,
//!   citations), the codes, section trails, the layout for a width. Pure: no files,
//!   no terminal.
//! - [`mirror`]: files → model. Reading articles, the index, search, « cité par »,
//!   the table of contents, resolving references.
//! - [`saved`]: what is kept for the user: paths, config, session, bookmarks, visits.
//! - [`app`]: the reader's state, `Action`, the keymap, overlays, the view, the
//!   navigation stack; `App::update` is the only mutator.
//! - [`screen`]: widgets drawn from `&App`.
//! - [`terminal`]: the event loop, giving the terminal back, the output layers.
//! - [`cli`]: the command line: `loi print`, `links`, `search`, `backlinks`, the shell.

pub mod app;
pub mod cli;
pub mod mirror;
pub mod model;
pub mod saved;
pub mod screen;
pub mod terminal;
