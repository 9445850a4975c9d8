//! What the tests share: the pseudo-terminal harness, the extracted corpus, the
//! legi-data package, reading back a drawn table, and a screen as text.

pub mod citations;
pub mod corpus;
pub mod dated;
pub mod drawn;
pub mod home;
pub mod legi_data;
pub mod pty;
pub mod screen;
