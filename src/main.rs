//! The `loi` binary: reads the command line, opens the article, runs the reader.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use loi::app::App;
use loi::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        return finish(cli::run_command(&cli, command));
    }
    let opened = cli::target(&cli).map(|(mirror, article)| {
        let size = crossterm::terminal::size().unwrap_or((80, 24));
        App::new(mirror, article, size)
    });
    finish(opened.and_then(loi::tui::run))
}

/// The exit code, and the error's one line on stderr.
fn finish(result: Result<(), loi::error::Error>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // writeln!, not eprintln!: with the terminal gone, a failed write must not
            // turn into a panic. Cleaned: the message may quote a file name or an
            // argument, and stderr is the terminal.
            let message = e.to_string();
            let _ = writeln!(std::io::stderr(), "loi: {}", loi::sanitize::clean(&message));
            ExitCode::from(2)
        }
    }
}
