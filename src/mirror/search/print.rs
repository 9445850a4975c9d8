//! `loi search`: the answers on standard output as they are found, one line each
//! (path, number, snippet, tab-separated; or one JSON object), so that a pipe gets
//! the first at once.

use std::io::Write;
use std::path::Path;

use super::{Answered, Query, run};
use crate::mirror::error::Error;

/// Searches the mirror at `root` for `typed`, printing as it goes.
pub fn run_printing(root: Option<&Path>, typed: &str, json: bool) -> Result<(), Error> {
    let query = Query::parse(typed);
    if query.is_empty() {
        return Err(Error::NoWord(typed.to_owned()));
    }
    let mut out = std::io::stdout().lock();
    let mut found = 0usize;
    let mut failed: Option<std::io::Error> = None;
    let answered = run(root, &query, &mut |hit| {
        let line = if json {
            serde_json::to_string(&hit).unwrap_or_default()
        } else {
            format!("{}\t{}\t{}", hit.path, hit.num, hit.snippet)
        };
        // Line by line, flushed: whoever reads the pipe sees each answer as it comes.
        match writeln!(out, "{line}").and_then(|()| out.flush()) {
            Ok(()) => {
                found += 1;
                true
            }
            Err(e) => {
                failed = Some(e);
                false
            }
        }
    })?;
    if let (Answered::Scan, Some(root)) = (answered, root) {
        // Built while the user reads the answers; the child is left to finish alone.
        drop(super::background::spawn(root));
    }
    match failed {
        // `loi search … | head`: the reader of the pipe has all it wanted.
        Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Some(e) => Err(Error::Output(e)),
        None if found == 0 => Err(Error::NothingFound(query.typed)),
        None => Ok(()),
    }
}
