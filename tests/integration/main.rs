//! loi's integration tests, one binary (one link, one extraction of the corpus),
//! grouped by kind: `screen` (TestBackend), `pty` (the binary in a pseudo-terminal),
//! `command` (the command line), `corpus` (the whole four-code mirror), `house` (the
//! rules of the code, properties). Helpers are in `support`. Add a test to the file of
//! its kind, or a file to its group's list.

mod command;
mod corpus;
mod house;
mod pty;
mod screen;
mod support;
