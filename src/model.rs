//! The model: an article parsed into blocks, items and references, the codes, section
//! trails, an article laid out for a width, the web addresses loi opens, and text
//! written as Markdown (the dossier). Pure: it reads no file and knows no
//! terminal; it uses nothing above it.

pub mod article;
pub mod codes;
pub mod date;
pub mod diff;
pub mod lang;
pub mod layout;
pub mod markdown;
pub mod peek;
pub mod plural;
pub mod sanitize;
pub mod state;
pub mod trail;
pub mod web;
