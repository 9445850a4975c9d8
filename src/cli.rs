//! The command-line layer: what `loi` accepts, how it picks the mirror and the
//! article, and the subcommands (`print`, `links`, `search`, `backlinks`, `changes`,
//! the man page and completions). Uses every layer below it.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

pub mod changes;
pub mod import;
pub mod links;
pub mod named;
pub mod print;
pub mod shell;

use named::looks_like_path;

use crate::mirror::Mirror;
use crate::mirror::error::Error;
use crate::model::article::{Article, Citations};
use crate::model::codes;

/// Read French legal codes in the terminal, from a local mirror.
///
/// With no argument, reopens the articles read last in this mirror, as they were left;
/// the first time, article D313-14 of the sample mirror built into loi. The mirror is
/// --mirror, else LOI_MIRROR, else `mirror` in config.toml (see --paths).
#[derive(Debug, Parser)]
#[command(
    name = "loi",
    version,
    subcommand_precedence_over_arg = true,
    after_help = EXIT_CODES
)]
pub struct Cli {
    /// The mirror's folder: the one that holds the codes' folders
    #[arg(long, env = "LOI_MIRROR", value_name = "DIR", global = true)]
    pub mirror: Option<PathBuf>,

    /// The article: a path to its .md file, a number such as L6123-1, optionally
    /// after the code's folder name (code-du-travail L6123-1), or a citation as
    /// lawyers write one ("art. L. 1234-9 C. trav.", CSS L. 242-1, "L. 1233-3, 2°")
    #[arg(value_name = "ARTICLE", num_args = 0..)]
    pub article: Vec<String>,

    /// Print where loi keeps its files (config, history, bookmarks, session, cache)
    /// and exit
    #[arg(long)]
    pub paths: bool,

    /// Colours for a dark or a light background [default: LOI_THEME, else `theme` in
    /// config.toml, else COLORFGBG's background, else dark]; NO_COLOR turns colours off
    #[arg(long, value_name = "THEME", value_parser = ["dark", "light"])]
    pub theme: Option<String>,

    /// Leave the mouse to the terminal, so that text can be selected (the wheel and
    /// clicks then do nothing in loi); `mouse = false` in config.toml does the same
    #[arg(long)]
    pub no_mouse: bool,

    /// Read the law as of this date (YYYY-MM-DD): each article at its version in
    /// force that day, on a mirror made by `loi import` (`@` changes it in the reader)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = iso_date)]
    pub date: Option<String>,

    /// The language of the interface, fr or en [default: `lang` in config.toml, else
    /// the locale's: LANGUAGE, LC_ALL, LC_MESSAGES, LANG]
    #[arg(long, value_name = "LANG", value_parser = ["fr", "en"], global = true)]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

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

/// What `--help` says of exit codes, as the README does.
pub const EXIT_CODES: &str = "\
Exit codes: 0 ok; 1 nothing found (search, backlinks); 2 usage error, or a mirror \
or article that cannot be read.";

/// What loi does besides reading.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Checks references: where each one of articles (or of the mirror) leads.
    ///
    /// Lists every reference of the given articles (of the whole mirror when none is
    /// given): where it leads, or why it leads nowhere. A link checker for a mirror.
    Links {
        /// One JSON object per line: article, kind, text, target (null when
        /// unresolved), reason
        #[arg(long)]
        json: bool,
        /// Articles, each a number such as L6123-1 or a path to its .md file; a
        /// code's folder name applies to the numbers after it, until another
        #[arg(value_name = "ARTICLE")]
        articles: Vec<String>,
    },
    /// Lists the articles that cite ARTICLE ("cité par").
    ///
    /// Lists the articles that cite ARTICLE, by link or plain-text citation, each with
    /// the sentence that cites it ("cité par").
    Backlinks {
        /// One JSON object per line: path, num, snippet
        #[arg(long)]
        json: bool,
        /// A number such as L6123-1, after its code's folder name when several codes
        /// have it (code-du-travail L6123-1), a citation ("C. trav., art. L. 6123-1"),
        /// or a path to its .md file
        #[arg(value_name = "ARTICLE", required = true, num_args = 1..)]
        article: Vec<String>,
    },
    /// Searches the whole mirror's text (exit code 1 when nothing is found).
    ///
    /// Searches the text of every article of the mirror, ignoring case and accents:
    /// every word must be in the article (a word finds the words it starts), a
    /// "quoted phrase" as consecutive words. Prints each article found as it is found
    /// (best first once the word index is built): path, number and a snippet.
    /// Exit code 1 when none is found; 2 when the query has no word.
    Search {
        /// One JSON object per line: path, num, section, snippet
        #[arg(long)]
        json: bool,
        /// Words, and phrases in double quotes
        #[arg(value_name = "QUERY", required = true)]
        query: Vec<String>,
    },
    /// Builds the word index of the mirror in the cache: what a first search starts
    /// in the background, detached, once its answers are out.
    #[command(hide = true)]
    IndexWords,
    /// Prints articles as plain text or JSON, for pipes and scripts.
    ///
    /// Writes articles to standard output as the reader lays them out, unfolded, with
    /// their references numbered in the text and listed at the end: for pipes, scripts
    /// and quick looks over SSH. On a mirror made by `loi import`, the line under the
    /// heading says where the article stands (in force since…, until…), and its Nota
    /// follows its text. A bad article is reported and skipped (exit code 2).
    Print {
        /// The article as it was, or will be, in force on this day: that version's
        /// text when the mirror has it (a LEGI import), else today's, said so
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = iso_date)]
        date: Option<String>,
        /// One JSON object per line: num, code, path, id, state, since, until (ISO dates,
        /// null for none), nota, versions (state, since, until), changed_by (title,
        /// kind, date), text_version (the index in versions of the text's), text
        /// (plain, a paragraph a line)
        #[arg(long)]
        json: bool,
        /// What changed in that version against the one before it, word by word:
        /// deleted words [-so-], inserted ones {+so+} (a mirror imported from LEGI
        /// holds the texts it needs)
        #[arg(long, conflicts_with = "json")]
        diff: bool,
        /// Columns to lay the text out in [default: the terminal's width when the
        /// output is one, else 80]
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=10_000))]
        width: Option<u16>,
        /// Items folded, as the reader opens them: each shows its first line and how
        /// many lines it hides
        #[arg(long)]
        folded: bool,
        /// Bold heading and underlined references: always, never, or auto (when the
        /// output is a terminal and NO_COLOR is not set)
        #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// Articles, each a number such as L6123-1, a citation ("art. L. 1234-9 C.
        /// trav.", CSS L. 242-1) or a path to its .md file; a code's folder name
        /// applies to the numbers after it, until another
        /// (code-de-la-securite-sociale L161-1 L161-2 code-du-travail L6123-1)
        #[arg(value_name = "ARTICLE", required = true)]
        articles: Vec<String>,
    },
    /// Lists the articles changed, or to change, on or after a date.
    ///
    /// Lists what happened to articles on or after the --since day, as the versions
    /// kept by `loi import` tell it: one line per change, sorted by date then number,
    /// tab-separated: the date (YYYY-MM-DD), the number, the code, and what happened
    /// (créé, modifié, rétabli, abrogé…; « … à venir » for what comes after today).
    /// The whole mirror, or the articles named, or your bookmarks in this mirror.
    /// Reads only the mirror's metadata: a mirror without it (not made by `loi
    /// import`) is refused (exit code 2).
    Changes {
        /// The first day of the changes listed
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = iso_date, required = true)]
        since: String,
        /// The articles bookmarked in this mirror (with the ones named, if any)
        #[arg(long)]
        bookmarks: bool,
        /// One JSON object per line: date, num, code, path, what
        #[arg(long)]
        json: bool,
        /// Articles, each a number such as L6123-1 or a path to its .md file; a
        /// code's folder name applies to the numbers after it [default: every article
        /// of the mirror, unless --bookmarks]
        #[arg(value_name = "ARTICLE")]
        articles: Vec<String>,
    },
    /// Builds or updates a mirror from official open data.
    ///
    /// Reads the Légifrance API's JSON as the npm package @socialgouv/legi-data ships it
    /// (`npm pack @socialgouv/legi-data`: the .tgz, its folder, or its
    /// data/LEGITEXT*.json files), without extracting it, and writes the mirror: one
    /// file per article in force, metadata in .loi/. An existing mirror is updated:
    /// only what changed is written, codes not named are kept, and the new mirror takes
    /// the old one's place at once, when whole (an import stopped leaves it as it was).
    Import {
        /// The mirror to make or update [default: `mirror` in the data folder, which
        /// loi then reads when no other is named; see --paths]
        #[arg(long, value_name = "DIR")]
        into: Option<PathBuf>,
        /// Only these codes: a title, folder name (code-du-travail), LEGITEXT id or
        /// usual abbreviation (\"C. trav.\", CSS); repeat it, or separate them with commas
        #[arg(long, value_name = "CODE", value_delimiter = ',')]
        codes: Vec<String>,
        /// The package's .tgz, its folder, or LEGITEXT*.json files
        #[arg(value_name = "SOURCE", required = true)]
        sources: Vec<PathBuf>,
    },
    /// Prints a completion script for a shell (bash, zsh or fish) to standard output,
    /// e.g. `loi completions bash > ~/.local/share/bash-completion/completions/loi`.
    #[command(hide = true)]
    Completions {
        #[arg(value_enum)]
        shell: crate::cli::shell::Shell,
    },
    /// Prints loi's man page (roff) to standard output: `loi man | man -l -`.
    #[command(hide = true)]
    Man,
}

/// When `loi print` styles its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
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
            // Nobody reads its output: a build that fails is only a slower next search.
            if let Some(root) = mirror.root() {
                let _ = crate::mirror::search::background::build(root);
            }
            Ok(())
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
        Command::Print {
            date,
            json,
            diff,
            width,
            folded,
            color,
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
#[error("not a date: write it YYYY-MM-DD, as 2025-01-01")]
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
