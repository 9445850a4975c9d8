//! `loi changes --since DATE`: the articles that changed, or will, on or after a day,
//! from what `loi import` keeps of their versions (`.loi/codes/`): one line per
//! change, sorted by date then number, for a script to sort, filter or mail. The whole
//! mirror is read a code's metadata at a time, a line at a time; named or bookmarked
//! articles are each looked up in it. No article file is read.

use std::collections::BTreeSet;
use std::io::Write;

use serde::Serialize;

use crate::app::words::dates;
use crate::mirror::Mirror;
use crate::mirror::error::Error;
use crate::mirror::import::meta;
use crate::mirror::order;
use crate::model::codes;
use crate::model::sanitize;
use crate::model::state::ArticleMeta;
use crate::model::state::changes;
use crate::saved::{bookmarks, paths::Paths, session};

/// What the command line asks.
#[derive(Debug, Clone, Copy)]
pub struct Asked<'a> {
    /// The first day listed, `YYYY-MM-DD`.
    pub since: &'a str,
    /// What comes after it is « à venir ».
    pub today: &'a str,
    /// The articles named; none for the whole mirror (unless `bookmarks`).
    pub articles: &'a [String],
    /// The user's bookmarks of this mirror, with the articles named.
    pub bookmarks: bool,
    pub json: bool,
}

/// One change of one article, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct Row {
    date: String,
    num: String,
    /// The code's title.
    code: String,
    path: String,
    what: String,
}

/// Writes the changes `asked` lists to `out`. An article named that cannot be found,
/// or that the metadata does not hold, is said on `err` and skipped: returns how many
/// were. A mirror without metadata is an error ([`Error::NoDates`]).
pub fn run(
    mirror: &Mirror,
    asked: &Asked,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<usize, Error> {
    let Some(root) = mirror.root().filter(|r| meta::is_imported(r)) else {
        return Err(Error::NoDates(mirror.name()));
    };
    let Some(imported) = mirror.imported() else {
        return Err(Error::NoDates(mirror.name()));
    };
    let mut rows = Vec::new();
    let mut failed = 0;
    if asked.articles.is_empty() && !asked.bookmarks {
        // A thread per code: reading the JSON is the work, and the codes are apart.
        std::thread::scope(|scope| {
            let threads: Vec<_> = imported
                .codes
                .iter()
                .map(|code| {
                    scope.spawn(move || {
                        let mut rows = Vec::new();
                        meta::each_in_code(root, &code.folder, &mut |a| add(&mut rows, &a, asked));
                        rows
                    })
                })
                .collect();
            for thread in threads {
                // A thread that panicked lost its code's rows; the others stand.
                rows.extend(thread.join().unwrap_or_default());
            }
        });
    } else {
        let mut paths = Vec::new();
        for named in crate::cli::named::read(mirror, asked.articles) {
            match named.and_then(|n| n.path(mirror)) {
                Ok(path) => paths.push(path),
                Err(e) => {
                    failed += 1;
                    let _ = writeln!(err, "loi: {}", sanitize::clean(&e.to_string()));
                }
            }
        }
        if asked.bookmarks {
            let marked = bookmarked(mirror)?;
            if marked.is_empty() {
                let name = mirror.name();
                let name = sanitize::clean(&name);
                let said = crate::trf!(
                    "no bookmark in {name}: bookmark articles in the reader first",
                    "aucun signet dans {name} : mettez d'abord des articles en signet dans le lecteur"
                );
                let _ = writeln!(err, "loi: {said}");
            }
            paths.extend(marked);
        }
        let mut seen = BTreeSet::new();
        for path in paths {
            if !seen.insert(path.clone()) {
                continue;
            }
            match mirror.state(&path) {
                Some(a) => add(&mut rows, &a, asked),
                None => {
                    failed += 1;
                    let path = sanitize::clean(&path);
                    let said = crate::trf!(
                        "{path}: the mirror's metadata does not hold it (import it again with loi import)",
                        "{path} : les métadonnées du miroir ne l'ont pas (importez-le de nouveau avec loi import)"
                    );
                    let _ = writeln!(err, "loi: {said}");
                }
            }
        }
    }
    rows.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| order::compare(&a.num, &b.num))
            .then_with(|| a.code.cmp(&b.code))
            .then_with(|| a.path.cmp(&b.path))
            .then_with(|| a.what.cmp(&b.what))
    });
    for row in &rows {
        if asked.json {
            serde_json::to_writer(&mut *out, row)
                .map_err(|e| Error::Output(std::io::Error::other(e)))?;
            writeln!(out).map_err(Error::Output)?;
        } else {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                row.date,
                sanitize::clean(&row.num),
                row.code,
                row.what
            )
            .map_err(Error::Output)?;
        }
    }
    Ok(failed)
}

/// The paths of the user's bookmarks in `mirror`, newest first, each once.
fn bookmarked(mirror: &Mirror) -> Result<Vec<String>, Error> {
    let paths = Paths::from_env().ok_or(Error::NoHome)?;
    let all = bookmarks::load(&paths.bookmarks).map_err(|source| Error::Read {
        path: paths.bookmarks.display().to_string(),
        source,
    })?;
    let mut seen = BTreeSet::new();
    Ok(bookmarks::newest_first(all, &session::mirror_key(mirror))
        .into_iter()
        .map(|b| b.path)
        .filter(|p| seen.insert(p.clone()))
        .collect())
}

/// The rows of `a`'s changes.
fn add(rows: &mut Vec<Row>, a: &ArticleMeta, asked: &Asked) {
    let found = changes::since(a, asked.since, asked.today);
    if found.is_empty() {
        return;
    }
    let code = codes::title_for(a.path.split('/').next().unwrap_or_default());
    rows.extend(found.iter().map(|c| Row {
        date: c.date.clone(),
        num: a.num.clone(),
        code: code.clone(),
        path: a.path.clone(),
        what: dates::what_happened(c),
    }));
}
