//! What the tests share: the pseudo-terminal harness, the extracted corpus, reading
//! back a drawn table, and a screen as text.

pub mod corpus;
pub mod drawn;
pub mod pty;
pub mod screen;
