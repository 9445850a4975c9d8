//! The command-line layer: what `loi` accepts, how it picks the mirror and the
//! article, and the subcommands (`print`, `links`, `search`, `backlinks`, `changes`,
//! `dossier`, the man page and completions). Uses every layer below it.

use std::io::Write;
use std::path::{Path, PathBuf};

pub mod args;
pub mod changes;
pub mod dossier;
pub mod import;
pub mod links;
pub mod named;
pub mod print;
pub mod shell;
pub mod words;

pub use args::{Cli, ColorChoice, Command};

use named::looks_like_path;

use crate::mirror::Mirror;
use crate::mirror::error::Error;
use crate::model::article::{Article, Citations};
use crate::model::codes;

/// The language `--lang` names in `args` (the command line, program name first),
/// read before clap reads the rest, so that clap's help and errors speak it too.
pub fn lang_asked(args: &[std::ffi::OsString]) -> Option<crate::model::lang::Lang> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            return None;
        }
        if arg == "--lang" {
            return args
                .next()
                .and_then(|v| crate::model::lang::Lang::parse(&v));
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return crate::model::lang::Lang::parse(value);
        }
    }
    None
}

/// Runs a subcommand, writing to standard output.
pub fn run_command(cli: &Cli, command: &Command) -> Result<(), Error> {
    match command {
        Command::Completions { shell } => crate::cli::shell::completions(*shell),
        Command::Man => crate::cli::shell::man(),
        Command::Import {
            into,
            codes,
            sources,
        } => crate::cli::import::run(into.as_deref(), codes, sources),
        Command::Backlinks { json, article } => {
            let mirror = mirror_for(cli.mirror.as_deref(), first_path(article))?;
            let path = match named::one(&mirror, article)? {
                Some(one) => one.path(&mirror)?,
                // clap asks for one: this is only for a caller that did not.
                None => return Err(Error::NoArticleNamed),
            };
            let citing =
                crate::mirror::backlinks::Backlinks::load_or_build(&mirror).of(&mirror, &path);
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for c in &citing {
                if *json {
                    let line = serde_json::to_string(c).map_err(std::io::Error::other)?;
                    writeln!(out, "{line}")?;
                } else {
                    writeln!(out, "{}\t{}\t{}", c.path, c.num, c.snippet)?;
                }
            }
            out.flush()?;
            if citing.is_empty() {
                return Err(Error::NothingCites(crate::mirror::number_of_file(&path)));
            }
            Ok(())
        }
        Command::Search { json, query } => {
            let mirror = mirror_for(cli.mirror.as_deref(), None)?;
            crate::mirror::search::print::run_printing(mirror.root(), &query.join(" "), *json)
        }
        Command::IndexWords => {
            let mirror = mirror_for(cli.mirror.as_deref(), None)?;
            // Started by a search, nobody reads its stderr (a build that fails is only
            // a slower next search); run by hand, it says why it failed, once.
            match mirror.root() {
                Some(root) => crate::mirror::search::background::build(root),
                None => Ok(()),
            }
        }
        Command::Links { json, articles } => {
            let mirror = mirror_for(cli.mirror.as_deref(), first_path(articles))?;
            let paths = named::read(&mirror, articles)
                .into_iter()
                .map(|n| n.and_then(|n| n.path(&mirror)))
                .collect::<Result<Vec<_>, _>>()?;
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            crate::cli::links::run(&mirror, &paths, *json, &mut out)?;
            std::io::Write::flush(&mut out)?;
            Ok(())
        }
        Command::Changes {
            since,
            bookmarks,
            json,
            articles,
        } => {
            let mirror = mirror_for(cli.mirror.as_deref(), first_path(articles))?;
            let asked = crate::cli::changes::Asked {
                since,
                today: &crate::model::date::today(),
                articles,
                bookmarks: *bookmarks,
                json: *json,
            };
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written =
                crate::cli::changes::run(&mirror, &asked, &mut out, &mut std::io::stderr())
                    .and_then(|failed| out.flush().map(|()| failed).map_err(Error::Output));
            match written {
                Ok(0) => Ok(()),
                Ok(n) => Err(Error::NotAllPrinted(n)),
                Err(Error::Output(e) | Error::Terminal(e))
                    if e.kind() == std::io::ErrorKind::BrokenPipe =>
                {
                    Ok(())
                }
                Err(e) => Err(e),
            }
        }
        Command::Dossier {
            since,
            bookmarks,
            output,
        } => {
            let mirror = mirror_for(cli.mirror.as_deref(), None)?;
            crate::cli::dossier::run(&mirror, since.as_deref(), *bookmarks, output.as_deref())
        }
        Command::Print {
            date,
            json,
            diff,
            width,
            folded,
            color,
            hyperlinks,
            no_hyperlinks,
            articles,
        } => {
            use std::io::IsTerminal;
            let mirror = mirror_for(cli.mirror.as_deref(), first_path(articles))?;
            let terminal = std::io::stdout().is_terminal();
            let options = crate::cli::print::Options {
                // The terminal is asked its width only when there is one: without,
                // crossterm runs `tput` twice to learn nothing (3.5 ms of an 8 ms print).
                width: width.unwrap_or_else(|| {
                    let columns = terminal
                        .then(|| crossterm::terminal::size().map(|(c, _)| c).ok())
                        .flatten();
                    columns.unwrap_or(80).max(20)
                }),
                folded: *folded,
                // no-color.org: set and not empty means no colour.
                styled: match color {
                    ColorChoice::Always => true,
                    ColorChoice::Never => false,
                    ColorChoice::Auto => {
                        terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    }
                },
                // A click on a link opens its page; in a pipe the sequences would be noise.
                hyperlinks: !*no_hyperlinks && (*hyperlinks || terminal),
            };
            let form = if *json {
                crate::cli::print::Form::Json
            } else if *diff {
                crate::cli::print::Form::Compared(options)
            } else {
                crate::cli::print::Form::Text(options)
            };
            let day = crate::cli::print::Day {
                today: crate::model::date::today(),
                asked: date.clone(),
            };
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written = crate::cli::print::run(
                &mirror,
                articles,
                form,
                &day,
                &mut out,
                &mut std::io::stderr(),
            )
            .and_then(|failed| std::io::Write::flush(&mut out).map(|()| failed));
            match written {
                Ok(0) => Ok(()),
                Ok(n) => Err(Error::NotAllPrinted(n)),
                // `loi print … | head` stops reading: the reader has what it wanted.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Error::Output(e)),
            }
        }
    }
}

/// A date the command line gives that is not one.
#[derive(Debug, thiserror::Error)]
#[error(
    "{}",
    crate::tr!(
        "not a date: write it YYYY-MM-DD, as 2025-01-01",
        "pas une date : écrivez-la AAAA-MM-JJ, comme 2025-01-01"
    )
)]
pub struct NotADate;

/// A day written `YYYY-MM-DD`, one that the calendar has (`2025-02-29` is not): what
/// `--date` and `--since` take.
pub fn iso_date(text: &str) -> Result<String, NotADate> {
    crate::model::date::parse(text).ok_or(NotADate)
}

/// The mirror a command line names: `--mirror`, else the one holding a file given as
/// `path`, else the bundled sample.
pub fn mirror_for(dir: Option<&Path>, path: Option<&str>) -> Result<Mirror, Error> {
    let file_outside = |dir: &Path, path: &str| {
        let canonical = |p: &Path| std::fs::canonicalize(p).ok();
        looks_like_path(path)
            && Path::new(path).is_file()
            && canonical(Path::new(path))
                .zip(canonical(dir))
                .is_some_and(|(file, dir)| !file.starts_with(dir))
    };
    match (dir, path) {
        // A file outside the mirror named (often by LOI_MIRROR, set once and
        // forgotten) belongs to the mirror around it.
        (Some(dir), Some(path)) if file_outside(dir, path) => {
            Mirror::open(&infer_root(Path::new(path)))
        }
        (Some(dir), _) => Mirror::open_named(dir),
        (None, Some(path)) if looks_like_path(path) && Path::new(path).is_file() => {
            Mirror::open(&infer_root(Path::new(path)))
        }
        (None, _) => Ok(Mirror::bundled()),
    }
}

/// The first argument that is a file's path: the mirror may be found from it.
fn first_path(args: &[String]) -> Option<&str> {
    args.iter().map(String::as_str).find(|a| looks_like_path(a))
}

/// What the command line opens: the mirror, the article, and when its number is in
/// several codes, those articles (the first is the one opened) to ask which. No
/// article when none is named and the mirror's articles are in codes' folders: the
/// reader then opens on the session, else on the home (the list of codes).
pub struct Opened {
    pub mirror: Mirror,
    pub article: Option<Article>,
    pub choices: Vec<String>,
    /// The point a citation named (`loi "L. 1233-3, 2°"`), outermost first.
    pub point: Vec<crate::model::article::enumeration::Marker>,
}

/// Picks the mirror and opens the article the command line asks for, reading its
/// file once. A number found in several codes is an error unless `ask`: then the
/// first is opened and all are offered.
pub fn target(cli: &Cli, ask: bool) -> Result<Opened, Error> {
    let mirror = mirror_for(cli.mirror.as_deref(), first_path(&cli.article))?;
    let mut choices = Vec::new();
    let mut point = Vec::new();
    let rel = match named::one(&mirror, &cli.article)? {
        None => {
            // Whether it is a mirror at all: one look at the first file, as before.
            let first = mirror.first_article()?;
            // A folder of loose articles, in no code's folder, has no home to list.
            if first.contains('/') {
                return Ok(Opened {
                    mirror,
                    article: None,
                    choices,
                    point,
                });
            }
            first
        }
        Some(one) => match one.path(&mirror).inspect(|_| point = one.point().to_vec()) {
            Err(Error::Ambiguous { num, .. }) if ask => {
                choices = mirror.in_each_code(&num);
                choices
                    .first()
                    .cloned()
                    .ok_or_else(|| Error::NoSuchArticle {
                        num,
                        mirror: mirror.name(),
                    })?
            }
            found => found?,
        },
    };
    let article = named::article(&mirror, &rel, Citations::Later)?;
    Ok(Opened {
        mirror,
        article: Some(article),
        choices,
        point,
    })
}

/// The mirror a file belongs to, when no `--mirror` is given: the folder above the
/// nearest enclosing folder named after a code, else the file's own folder.
pub fn infer_root(file: &Path) -> PathBuf {
    let file = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_owned());
    for dir in file.ancestors().skip(1) {
        let is_code = dir
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| codes::by_slug(n).is_some());
        if is_code && let Some(parent) = dir.parent() {
            return parent.to_owned();
        }
    }
    file.parent().map(Path::to_owned).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_a_day_of_the_calendar_written_iso() {
        for good in ["2025-01-01", "2024-02-29", "2000-02-29", "2999-12-31"] {
            assert_eq!(iso_date(good).ok().as_deref(), Some(good));
        }
        for bad in [
            "2025-02-29",
            "1900-02-29",
            "2025-04-31",
            "2025-13-01",
            "2025-00-10",
            "2025-01-00",
            "20250101",
            "2025-1-01",
            "2025-01-01T00:00",
            "le 1er janvier",
            "２０２５-01-01",
            "",
        ] {
            assert!(iso_date(bad).is_err(), "{bad}");
        }
        assert!(
            NotADate.to_string().contains("YYYY-MM-DD"),
            "says the form expected"
        );
    }
}
