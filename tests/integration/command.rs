//! The command line without a screen: `loi print`, `loi changes`, the shell's completions and man page, the files loi keeps.

mod citations;
mod dates;
mod dossier;
mod fresh;
mod hyperlinks;
mod lang;
mod print;
mod shell;
mod store;
