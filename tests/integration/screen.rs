//! The reader drawn on ratatui's TestBackend at fixed sizes: screens and snapshots.

mod articles;
mod citations;
mod dates;
mod hints;
mod home;
mod hyperlinks;
mod languages;
mod mouse_and_colour;
mod prompts;
mod screens;
mod tables;
