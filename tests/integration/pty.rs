//! The real binary in a pseudo-terminal, driven by keys as a person drives it.

mod codes;
mod e2e;
mod edited;
mod home;
mod hostile;
mod language;
mod output;
mod paste;
mod pty_harness;
mod saved;
mod search_screen;
mod terminal;
mod terminal_size;
