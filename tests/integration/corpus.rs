//! Whole-corpus tests: the four-code mirror of ../shared/corpus (29,115 articles), extracted once for all of them.

mod builder;
mod citations;
mod dates;
mod import;
mod mirror;
mod nothing_lost;
mod references;
mod search;
mod structure;
mod typography;
