//! What the tests share: the pseudo-terminal harness, the extracted corpus, the
//! legi-data package, reading back a drawn table, and a screen as text.

pub mod citations;
pub mod corpus;
pub mod dated;
pub mod drawn;
pub mod edited;
pub mod home;
pub mod legi_data;
pub mod pty;
pub mod screen;

/// The `loi` binary to run, speaking English whatever the developer's locale
/// (`LANGUAGE` comes first): a test that reads its words is not one of the locale's.
/// A test of another language sets `LANGUAGE` again.
pub fn loi() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_loi"));
    command.env("LANGUAGE", "en");
    command
}
