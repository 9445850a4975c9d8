//! `loi dossier`: the articles of the last reading session (or those read since a day,
//! or the bookmarks) as a Markdown file ([`crate::app::dossier`] writes it): to
//! standard output in a pipe, to `-o FILE`, or on a terminal to a new file in the
//! current folder, whose path is said.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::app::dossier::{self, Day, DossierError, Source};
use crate::app::words::dossier as said;
use crate::mirror::Mirror;
use crate::mirror::error::Error;
use crate::saved::paths::Paths;
use crate::saved::visits::Trail;

/// Writes the dossier `since` or `bookmarks` ask for (else the last session's).
pub fn run(
    mirror: &Mirror,
    since: Option<&str>,
    bookmarks: bool,
    output: Option<&Path>,
) -> Result<(), Error> {
    let said = |e: DossierError| Error::Said(Box::new(e));
    let files = Paths::from_env().ok_or_else(|| said(DossierError::NoFolder))?;
    let source = match (bookmarks, since) {
        (true, _) => Source::Bookmarks,
        (false, Some(day)) => Source::Read(Trail::Since(day)),
        (false, None) => Source::Read(Trail::LastSession),
    };
    let entries = dossier::gather(mirror, &files, source).map_err(said)?;
    let today = crate::model::date::today();
    let day = Day {
        date: &today,
        today: &today,
    };
    let to_stdout = match output {
        Some(path) => path == Path::new("-"),
        None => !std::io::stdout().is_terminal(),
    };
    if to_stdout {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        return match dossier::write(mirror, &entries, source, day, &mut out)
            .and_then(|()| out.flush())
        {
            // `loi dossier | head`: the reader of the pipe has all it wanted.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            written => written.map_err(Error::Output),
        };
    }
    let (path, file) = match output {
        Some(path) => std::fs::File::create(path)
            .map(|f| (path.to_owned(), f))
            .map_err(|source| DossierError::Write {
                path: path.to_owned(),
                source,
            }),
        None => std::env::current_dir()
            .map_err(|source| DossierError::Write {
                path: ".".into(),
                source,
            })
            .and_then(|dir| dossier::new_file(&dir, crate::saved::bookmarks::now())),
    }
    .map_err(said)?;
    let mut out = std::io::BufWriter::new(file);
    dossier::write(mirror, &entries, source, day, &mut out)
        .and_then(|()| out.flush())
        .map_err(|source| {
            said(DossierError::Write {
                path: path.clone(),
                source,
            })
        })?;
    let shown = path.display().to_string();
    let line = said::written(entries.len(), &crate::model::sanitize::clean(&shown));
    let _ = writeln!(std::io::stderr(), "loi: {line}");
    Ok(())
}
