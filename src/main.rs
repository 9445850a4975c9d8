//! The `loi` binary: reads the command line, opens the article, runs the reader.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use loi::app::App;
use loi::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return command_line_error(&e),
    };
    if let Some(command) = &cli.command {
        return finish(cli::run_command(&cli, command));
    }
    // Asking which code needs the screen: without one, an ambiguous number is an error.
    let ask = std::io::stdout().is_terminal();
    let opened = cli::target(&cli, ask).map(|opened| {
        let size = crossterm::terminal::size().unwrap_or((80, 24));
        let mut app = App::new(opened.mirror, opened.article, size);
        app.offer(opened.choices);
        app.theme = loi::ui::theme::Theme::pick(cli.theme.as_deref(), |k| std::env::var(k).ok());
        app
    });
    let options = loi::tui::Options {
        mouse: !cli.no_mouse,
    };
    finish(opened.and_then(|app| loi::tui::run(app, options)))
}

/// Help and version on stdout; a mistake on stderr, exit 2. clap quotes the argument
/// it could not take, which may hold escape sequences: the message goes out cleaned,
/// without clap's colours.
fn command_line_error(e: &clap::Error) -> ExitCode {
    let text = e.render().to_string();
    let mut clean = String::with_capacity(text.len());
    for line in text.lines() {
        clean.push_str(&loi::sanitize::clean(line));
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
fn finish(result: Result<(), loi::error::Error>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `loi links | head`: the reader of the pipe has all it wanted.
        Err(loi::error::Error::Terminal(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        // Said already, one line per article, as `cat` does.
        Err(loi::error::Error::NotAllPrinted(_)) => ExitCode::from(2),
        Err(e) => {
            // writeln!, not eprintln!: with the terminal gone, a failed write must not
            // turn into a panic. Cleaned: the message may quote a file name or an
            // argument, and stderr is the terminal.
            let message = e.to_string();
            let _ = writeln!(std::io::stderr(), "loi: {}", loi::sanitize::clean(&message));
            match e {
                loi::error::Error::NothingCites(_) | loi::error::Error::NothingFound(_) => {
                    ExitCode::from(1)
                }
                _ => ExitCode::from(2),
            }
        }
    }
}
