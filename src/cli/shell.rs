//! Shell conventions generated from the command line's own definition ([`Cli`](crate::cli::Cli)):
//! completion scripts (`loi completions bash|zsh|fish`) and the man page (`loi man`),
//! so that neither can fall out of step with `--help`.

use std::io::Write;

use crate::mirror::error::Error;

pub use crate::cli::args::Shell;

/// Writes the completion script for `shell` to standard output.
pub fn completions(shell: Shell) -> Result<(), Error> {
    let mut out = Vec::new();
    write_completions(shell, &mut out);
    write_out(&out)
}

/// The completion script for `shell`, into `out`.
pub fn write_completions(shell: Shell, out: &mut dyn Write) {
    use clap_complete::shells;
    let mut command = crate::cli::words::command();
    match shell {
        Shell::Bash => clap_complete::generate(shells::Bash, &mut command, "loi", out),
        Shell::Zsh => clap_complete::generate(shells::Zsh, &mut command, "loi", out),
        Shell::Fish => clap_complete::generate(shells::Fish, &mut command, "loi", out),
    }
}

/// Writes the man page (roff) to standard output.
pub fn man() -> Result<(), Error> {
    write_out(&man_page()?)
}

/// The man page: `loi(1)`, with a section per visible subcommand and the exit codes,
/// in the language spoken (clap_mangen names its sections in English: they are renamed).
pub fn man_page() -> std::io::Result<Vec<u8>> {
    let command = crate::cli::words::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    // clap_mangen lists subcommands by name only: each gets its description here.
    writeln!(out, ".SH {}", crate::tr!("COMMANDS", "COMMANDES"))?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        writeln!(out, ".TP\n\\fBloi {}\\fR", sub.get_name())?;
        let about = sub
            .get_long_about()
            .or(sub.get_about())
            .map(ToString::to_string)
            .unwrap_or_default();
        writeln!(out, "{}", roff_text(&about))?;
    }
    writeln!(
        out,
        ".SH \"{}\"",
        crate::tr!("EXIT STATUS", "CODE DE RETOUR")
    )?;
    writeln!(out, "{}", roff_text(crate::cli::args::exit_codes()))?;
    man.render_version_section(&mut out)?;
    Ok(match crate::model::lang::current() {
        crate::model::lang::Lang::En => out,
        crate::model::lang::Lang::Fr => french_sections(&out),
    })
}

/// clap_mangen's section names, which it writes in English only, in French, as French
/// man pages name them (SYNOPSIS, DESCRIPTION, OPTIONS and VERSION are the same).
fn french_sections(page: &[u8]) -> Vec<u8> {
    let page = String::from_utf8_lossy(page);
    let mut out = String::with_capacity(page.len());
    for line in page.lines() {
        let line = match line {
            ".SH NAME" => ".SH NOM",
            other => other,
        };
        out.push_str(line);
        out.push('\n');
    }
    out.into_bytes()
}

/// Text safe in a roff paragraph: backslashes doubled, no line starting with a dot
/// or a quote.
fn roff_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .lines()
        .map(|l| {
            let l = l.trim_start();
            if l.starts_with('.') || l.starts_with('\'') {
                format!("\\&{l}")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn write_out(bytes: &[u8]) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_man_page_names_every_visible_subcommand_and_the_exit_codes() {
        let page = String::from_utf8(man_page().expect("man page")).expect("UTF-8");
        for sub in crate::cli::words::command()
            .get_subcommands()
            .filter(|s| !s.is_hide_set())
        {
            assert!(
                page.contains(&format!("loi {}", sub.get_name())),
                "{}",
                sub.get_name()
            );
        }
        assert!(page.contains("EXIT STATUS") && page.contains("nothing found"));
        assert!(page.contains("\\-\\-mirror") || page.contains("mirror"));
    }

    #[test]
    fn the_man_page_in_french_names_its_sections_in_french() {
        crate::model::lang::set_here(crate::model::lang::Lang::Fr);
        let page = String::from_utf8(man_page().expect("man page")).expect("UTF-8");
        crate::model::lang::set_here(crate::model::lang::Lang::En);
        for section in [
            ".SH NOM",
            ".SH SYNOPSIS",
            ".SH COMMANDES",
            ".SH \"CODE DE RETOUR\"",
        ] {
            assert!(page.contains(section), "{section}");
        }
        assert!(!page.contains(".SH NAME") && !page.contains("EXIT STATUS"));
        assert!(page.contains("Lire les codes juridiques") && page.contains("<DOSSIER>"));
        assert!(!page.contains("[default") && !page.contains("possible values"));
    }

    #[test]
    fn completions_for_each_shell_know_the_subcommands() {
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
            let mut out = Vec::new();
            write_completions(shell, &mut out);
            let script = String::from_utf8(out).expect("UTF-8");
            for word in [
                "print",
                "search",
                "backlinks",
                "links",
                "mirror",
                "no-mouse",
            ] {
                assert!(script.contains(word), "{shell:?} lacks {word}");
            }
        }
    }
}
