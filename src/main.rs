//! The `loi` binary: reads the command line, opens the article, runs the reader.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use loi::app::history::History;
use loi::app::{App, Start};
use loi::cli;
use loi::mirror::Mirror;
use loi::model::lang::Lang;
use loi::saved::config::Config;
use loi::saved::paths::Paths;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let paths = Paths::from_env();
    let (config, mut problems) = match &paths {
        Some(p) => Config::load(&p.config),
        None => (Config::default(), Vec::new()),
    };
    // --lang, else `lang` in config.toml, else the locale; chosen before anything is
    // said, clap's help included.
    let lang = cli::lang_asked(&args)
        .or(config.lang)
        .unwrap_or_else(|| Lang::from_env(|name| std::env::var(name).ok()));
    if lang != loi::model::lang::current() {
        loi::model::lang::set(lang);
        if !problems.is_empty() {
            // Said in the language chosen, which the file itself may have named.
            problems = paths
                .as_ref()
                .map(|p| Config::load(&p.config).1)
                .unwrap_or_default();
        }
    }
    let mut cli = match cli::words::parse(&args) {
        Ok(cli) => cli,
        Err(e) => return command_line_error(&e),
    };
    if cli.paths {
        return match &paths {
            Some(p) => finish(
                std::io::stdout()
                    .write_all(p.describe().as_bytes())
                    .map_err(loi::mirror::error::Error::Output),
            ),
            None => finish(Err(loi::mirror::error::Error::NoHome)),
        };
    }
    let (keymap, key_problems) = loi::app::keymap::settings::keymap(&config);
    problems.extend(key_problems);
    problems.sort_by_key(|p| p.line);
    for p in &problems {
        let _ = writeln!(
            std::io::stderr(),
            "loi: {}",
            loi::model::sanitize::clean(&told(p))
        );
    }
    // --mirror, else LOI_MIRROR (clap reads both), else config.toml, else the mirror
    // `loi import` made in the data folder, else (cli::mirror_for) the sample.
    if cli.mirror.is_none() {
        cli.mirror = config.mirror.clone();
    }
    if cli.mirror.is_none() {
        cli.mirror = paths
            .as_ref()
            .map(|p| p.mirror.clone())
            .filter(|m| loi::mirror::import::meta::is_imported(m));
    }
    if let Some(command) = &cli.command {
        return finish(cli::run_command(&cli, command));
    }
    // Asking which code needs the screen: without one, an ambiguous number is an error.
    let ask = std::io::stdout().is_terminal();
    let opened = cli::target(&cli, ask).map(|opened| {
        // Without a terminal the reader will not start: nothing read, nothing to keep.
        let files = paths.clone().filter(|_| ask);
        let (session, session_note) = files
            .as_ref()
            .filter(|_| cli.article.is_empty())
            .map_or((None, None), |f| reopen_session(f, &opened.mirror));
        let start = Start {
            size: crossterm::terminal::size().unwrap_or((80, 24)),
            keymap,
            files,
            session,
            choices: opened.choices,
            point: opened.point,
            citation: config.citation.unwrap_or_default(),
            date: cli.date.clone(),
            // Said on stderr too, but the screen hides it: the first frame says it
            // again, short, for one line (home as ~).
            note: problems
                .first()
                .map(|p| {
                    let p = tilde(p);
                    loi::trf!("{p} · defaults used", "{p} · réglages par défaut")
                })
                .or(session_note)
                .or_else(|| {
                    // `loi` alone, with no mirror of one's own yet: how to make one,
                    // once, at start.
                    (opened.mirror.root().is_none() && cli.article.is_empty())
                        .then(|| loi::app::words::sample_note().to_owned())
                }),
        };
        App::start(opened.mirror, opened.article, start)
    });
    // --theme, else LOI_THEME, else config.toml, else the terminal's background.
    let env = |k: &str| std::env::var(k).ok();
    let theme = config.theme_choice(cli.theme.as_deref(), env("LOI_THEME").is_some());
    let options = loi::terminal::Options {
        mouse: config.mouse(cli.no_mouse),
        theme: loi::screen::theme::Theme::pick(theme.as_deref(), env),
        output_layers: std::env::var_os("LOI_PLAIN_OUTPUT").is_none(),
        hyperlinks: config.hyperlinks(),
    };
    let result = opened
        .and_then(|app| loi::terminal::run(app, options))
        .map(|app| {
            let said = match app.save_session() {
                Ok(None) => return,
                // Damaged since the start (by hand, another program): said once, here.
                Ok(Some(aside)) => paths
                    .as_ref()
                    .map(|p| loi::app::words::kept_aside(&p.session, &aside))
                    .unwrap_or_default(),
                Err(e) => loi::trf!(
                    "the session was not saved: {e}",
                    "la session n'a pas été enregistrée : {e}"
                ),
            };
            let _ = writeln!(std::io::stderr(), "loi: {said}");
        });
    finish(result)
}

/// A problem of config.toml as the user is told it.
fn told(p: &loi::saved::config::Problem) -> String {
    // A problem that says what was ignored needs no second word on it.
    if p.problem.contains(loi::tr!("ignored", "ignoré")) {
        p.to_string()
    } else {
        loi::trf!(
            "{p} (ignored: loi goes on with its defaults)",
            "{p} (ignoré : loi continue avec ses réglages par défaut)"
        )
    }
}

/// The problem with the home folder written `~`.
fn tilde(p: &loi::saved::config::Problem) -> String {
    let text = p.to_string();
    match std::env::var("HOME") {
        Ok(home) if !home.is_empty() && text.starts_with(&format!("{home}/")) => {
            format!("~{}", &text[home.len()..])
        }
        _ => text,
    }
}

/// The stack saved when this mirror was last read, if its article is still there,
/// and whether the home was shown over it; and what the first screen says of the
/// file, if it was damaged (kept aside) or cannot be read (then never written over).
fn reopen_session(files: &Paths, mirror: &Mirror) -> (Option<(History, bool)>, Option<String>) {
    let key = loi::saved::session::mirror_key(mirror);
    match loi::saved::session::load(&files.session, &key) {
        Ok(loaded) => (
            loaded
                .value
                .and_then(|s| History::reopen(&s, mirror).map(|h| (h, s.home))),
            loaded
                .aside
                .map(|aside| loi::app::words::kept_aside(&files.session, &aside)),
        ),
        Err(e) => (None, Some(e.to_string())),
    }
}

/// Help and version on stdout; a mistake on stderr, exit 2, in the language spoken.
/// clap quotes the argument it could not take, which may hold escape sequences: the
/// message goes out cleaned, without clap's colours.
fn command_line_error(e: &clap::Error) -> ExitCode {
    let text = cli::words::error_text(e);
    let mut clean = String::with_capacity(text.len());
    for line in text.lines() {
        clean.push_str(&loi::model::sanitize::clean(line));
        clean.push('\n');
    }
    let _ = if e.use_stderr() {
        std::io::stderr().write_all(clean.as_bytes())
    } else {
        std::io::stdout().write_all(clean.as_bytes())
    };
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// The exit code, and the error's one line on stderr.
fn finish(result: Result<(), loi::mirror::error::Error>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `loi links | head`: the reader of the pipe has all it wanted.
        Err(loi::mirror::error::Error::Terminal(e))
            if e.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            ExitCode::SUCCESS
        }
        // Said already, one line per article, as `cat` does.
        Err(loi::mirror::error::Error::NotAllPrinted(_)) => ExitCode::from(2),
        Err(e) => {
            // writeln!, not eprintln!: with the terminal gone, a failed write must not
            // turn into a panic. Cleaned: the message may quote a file name or an
            // argument, and stderr is the terminal.
            let message = e.to_string();
            let _ = writeln!(
                std::io::stderr(),
                "loi: {}",
                loi::model::sanitize::clean(&message)
            );
            match e {
                loi::mirror::error::Error::NothingCites(_)
                | loi::mirror::error::Error::NothingFound(_) => ExitCode::from(1),
                _ => ExitCode::from(2),
            }
        }
    }
}
