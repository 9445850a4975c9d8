//! What is kept for the user between runs: where loi's own files live, how they are
//! written (rename, lock) and read (a damaged one kept aside, an unreadable one never
//! written over), `config.toml`, the session, bookmarks, articles read and
//! what was typed in the prompts.
//! Uses the model and the mirror layer.

pub mod bookmarks;
pub mod config;
pub mod damaged;
pub mod error;
pub mod paths;
pub mod prompts;
pub mod session;
pub mod store;
pub mod visits;
