//! The command line without a screen: `loi print`, the shell's completions and man page, the files loi keeps.

mod print;
mod shell;
mod store;
