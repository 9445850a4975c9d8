//! The real binary in a pseudo-terminal, driven by keys as a person drives it.

mod browser;
mod codes;
mod damaged;
mod dossier;
mod e2e;
mod edited;
mod hints;
mod home;
mod hostile;
mod language;
mod long_input;
mod output;
mod paste;
mod peek;
mod pty_harness;
mod saved;
mod search_screen;
mod soak;
mod terminal;
mod terminal_size;
