//! The dossier: the articles of a reading trail (a session's, those read since a day,
//! or the bookmarks) written as one Markdown file a lawyer can paste into a memo. Each
//! article under its citation, where it stands on the reading date, its section
//! trail, its points bookmarked, and its text as `loi print` lays it out (unfolded),
//! with its references to the other articles of the file as links to their headings.
//! Nothing of the mirror's text can turn into Markdown's structure or reach a
//! terminal as a control code ([`crate::model::markdown`]). `D` writes it from the
//! reader; `loi dossier` from the command line.

mod body;
mod error;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use body::body;
pub use error::DossierError;

use super::App;
use crate::app::words::{dates, dossier as said};
use crate::mirror::Mirror;
use crate::mirror::reference::{self, Target};
use crate::mirror::state::{Dated, Shown};
use crate::model::article::Citations;
use crate::model::article::citation::written::{self, Form};
use crate::model::markdown;
use crate::model::sanitize;
use crate::saved::bookmarks::{self, Bookmark};
use crate::saved::paths::Paths;
use crate::saved::session;
use crate::saved::visits::{self, Trail};

/// Columns the text is laid out in: `loi print`'s width when it writes to a file.
const WIDTH: u16 = 80;

/// Which articles a dossier holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source<'a> {
    /// Articles read (each once, in the order first read).
    Read(Trail<'a>),
    /// The bookmarked articles, in the order bookmarked.
    Bookmarks,
}

/// One article of the dossier: where it is, and its bookmarked points (the block, if
/// not the whole article, and how the text names it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub num: String,
    pub marks: Vec<(Option<usize>, String)>,
}

/// The day the articles are read on, and today (`YYYY-MM-DD`).
#[derive(Debug, Clone, Copy)]
pub struct Day<'a> {
    pub date: &'a str,
    pub today: &'a str,
}

/// The articles `source` names in `mirror`, with the points bookmarked in each; an
/// error saying what to do when there are none.
pub fn gather(mirror: &Mirror, files: &Paths, source: Source) -> Result<Vec<Entry>, DossierError> {
    let key = session::mirror_key(mirror);
    let marks: Vec<Bookmark> = bookmarks::load(&files.bookmarks)
        .map_err(|source| DossierError::Unreadable {
            path: files.bookmarks.clone(),
            source,
        })?
        .into_iter()
        .filter(|b| b.mirror == key)
        .collect();
    let mut entries: Vec<Entry> = match source {
        Source::Read(trail) => visits::trail(&files.history, &key, trail)
            .map_err(|source| DossierError::Unreadable {
                path: files.history.clone(),
                source,
            })?
            .into_iter()
            .map(|v| (v.path, v.num))
            .map(|(path, num)| Entry {
                path,
                num,
                marks: Vec::new(),
            })
            .collect(),
        Source::Bookmarks => {
            let mut seen = std::collections::HashSet::new();
            marks
                .iter()
                .filter(|b| seen.insert(b.path.clone()))
                .map(|b| Entry {
                    path: b.path.clone(),
                    num: b.num.clone(),
                    marks: Vec::new(),
                })
                .collect()
        }
    };
    for entry in &mut entries {
        for b in marks.iter().filter(|b| b.path == entry.path) {
            let mark = (b.block, b.point.clone());
            if !entry.marks.contains(&mark) {
                entry.marks.push(mark);
            }
        }
    }
    if entries.is_empty() {
        let mirror = mirror.name();
        return Err(match source {
            Source::Read(Trail::Since(since)) => DossierError::NothingReadSince {
                mirror,
                since: since.to_owned(),
            },
            Source::Read(_) => DossierError::NothingRead { mirror },
            Source::Bookmarks => DossierError::NoBookmarks { mirror },
        });
    }
    Ok(entries)
}

/// Writes the dossier of `entries` to `out`, each article as it reads on `day`.
pub fn write(
    mirror: &Mirror,
    entries: &[Entry],
    source: Source,
    day: Day,
    out: &mut impl Write,
) -> io::Result<()> {
    let read: Vec<Result<Dated, String>> = entries
        .iter()
        .map(|e| {
            mirror
                .dated(&e.path, day.date, Citations::Now)
                .map_err(|e| e.to_string())
        })
        .collect();
    let headings: Vec<String> = entries.iter().map(|e| heading(&e.num, &e.path)).collect();
    let anchors = unique_anchors(&headings);
    let anchor_of: HashMap<&str, &str> = entries
        .iter()
        .zip(&anchors)
        .map(|(e, a)| (e.path.as_str(), a.as_str()))
        .collect();

    writeln!(out, "# {}\n", markdown::text(said::title()))?;
    let n = entries.len();
    let intro = match source {
        Source::Read(Trail::Since(since)) => said::of_since(n, since, day.date),
        Source::Read(_) => said::of_session(n, day.date),
        Source::Bookmarks => said::of_bookmarks(n, day.date),
    };
    writeln!(out, "{}\n", markdown::line(&markdown::text(&intro)))?;
    for (i, (heading, anchor)) in headings.iter().zip(&anchors).enumerate() {
        let link = markdown::link(&markdown::text(heading), anchor);
        writeln!(out, "{}. {link}", i + 1)?;
    }
    writeln!(
        out,
        "\n{}",
        markdown::line(&markdown::text(said::how_to_read()))
    )?;

    for (((entry, dated), heading), anchor) in
        entries.iter().zip(&read).zip(&headings).zip(&anchors)
    {
        writeln!(
            out,
            "\n## <a id=\"{anchor}\"></a>{}\n",
            markdown::text(heading)
        )?;
        let dated = match dated {
            Ok(dated) => dated,
            Err(why) => {
                writeln!(
                    out,
                    "{}",
                    markdown::line(&markdown::text(&said::unreadable(why)))
                )?;
                continue;
            }
        };
        let article = &dated.article;
        let mut cited = written::write(&article.num, article.code_slug(), &[], Form::Short);
        if crate::model::trail::is_former_numbering(&article.path) {
            cited = format!("{cited} · {}", crate::model::trail::FORMER_NUMBERING);
        }
        let standing = standing(dated, day);
        writeln!(
            out,
            "{}\n",
            markdown::line(&markdown::text(&format!("{cited} · {standing}")))
        )?;
        let trail = article.section_trail();
        if !trail.is_empty() {
            writeln!(out, "{}\n", markdown::line(&markdown::text(&trail)))?;
        }
        if !entry.marks.is_empty() {
            let points: Vec<String> = entry.marks.iter().map(|(_, p)| p.clone()).collect();
            writeln!(
                out,
                "{}\n",
                markdown::line(&markdown::text(&said::bookmarked(&points)))
            )?;
        }
        reference::read_evidence(mirror, article);
        let links: Vec<Option<&str>> = article
            .links
            .iter()
            .map(
                |link| match reference::resolve(mirror, &article.path, link) {
                    Ok(Target::Article { path, .. }) => anchor_of.get(path.as_str()).copied(),
                    _ => None,
                },
            )
            .collect();
        let mut quoted = vec![false; article.blocks.len()];
        for block in entry.marks.iter().filter_map(|(b, _)| *b) {
            let end = article.blocks.get(block).map_or(block, |b| b.end);
            for q in quoted.iter_mut().take(end).skip(block) {
                *q = true;
            }
        }
        body(article, &links, &quoted, out)?;
    }
    Ok(())
}

/// `Article L. 6123-1 du code du travail`: an article's heading in the file, as a
/// brief names it in full.
fn heading(num: &str, path: &str) -> String {
    if !path.contains('/') {
        return format!("Article {num}");
    }
    let code = path.split('/').next().unwrap_or_default();
    let long = written::write(num, code, &[], Form::Long);
    let mut chars = long.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Each heading's anchor, told apart as GitHub tells apart headings that say the same
/// (`-1`, `-2` after the second and third).
fn unique_anchors(headings: &[String]) -> Vec<String> {
    let mut used: HashMap<String, usize> = HashMap::new();
    headings
        .iter()
        .map(|h| {
            let base = markdown::anchor(&sanitize::clean(h));
            let n = used.entry(base.clone()).or_insert(0);
            let anchor = if *n == 0 { base } else { format!("{base}-{n}") };
            *n += 1;
            anchor
        })
        .collect()
}

/// Where the article stands on the reading day, as the reader's header says it;
/// `Dates inconnues` for a mirror that keeps no dates.
fn standing(dated: &Dated, day: Day) -> String {
    let Some(meta) = &dated.state else {
        return dates::UNKNOWN.to_owned();
    };
    let mut line = dates::standing(&meta.standing(day.date), Some(meta), day.today);
    if day.date != day.today {
        line = format!("{line} · {}", dates::read_on(day.date));
    }
    if let Shown::Missing(_) = dated.shown {
        line = format!("{line} · {}", dates::version_missing(day.date));
    }
    line
}

/// A new file for the dossier in `dir`, `dossier-YYYY-MM-DD-HHMM.md` (UTC) at `secs`
/// since 1970, numbered `-2`, `-3`… rather than written over one already there.
pub fn new_file(dir: &Path, secs: u64) -> Result<(PathBuf, std::fs::File), DossierError> {
    let minutes = secs % 86_400 / 60;
    let stamp = format!(
        "{}-{:02}{:02}",
        crate::model::date::of_seconds(secs),
        minutes / 60,
        minutes % 60
    );
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("dossier-{stamp}.md")
        } else {
            format!("dossier-{stamp}-{n}.md")
        };
        let path = dir.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            Err(source) => return Err(DossierError::Write { path, source }),
        }
    }
}

impl App {
    /// `D`: the dossier of the articles read in this run of the reader, written to a
    /// new file in the current folder; the status line says where.
    pub(super) fn write_dossier(&mut self) {
        match self.dossier_file() {
            Ok((path, n)) => {
                // Written in the folder loi was started from: its name is enough.
                let shown = path
                    .file_name()
                    .map_or_else(|| path.clone(), |name| Path::new(".").join(name));
                let shown = sanitize::clean(&shown.display().to_string()).into_owned();
                self.say(&said::wrote(n, &shown), false);
            }
            Err(e) => self.say(&e.to_string(), true),
        }
    }

    fn dossier_file(&self) -> Result<(PathBuf, usize), DossierError> {
        let files = self.files.as_ref().ok_or(DossierError::NoFolder)?;
        let source = Source::Read(Trail::Run(visits::this_run()));
        let entries = gather(&self.mirror, files, source)?;
        let dir = std::env::current_dir().map_err(|source| DossierError::Write {
            path: PathBuf::from("."),
            source,
        })?;
        let (path, file) = new_file(&dir, bookmarks::now())?;
        let day = Day {
            date: &self.date,
            today: &self.today,
        };
        let mut out = io::BufWriter::new(file);
        write(&self.mirror, &entries, source, day, &mut out)
            .and_then(|()| out.flush())
            .map_err(|source| DossierError::Write {
                path: path.clone(),
                source,
            })?;
        Ok((path, entries.len()))
    }
}
