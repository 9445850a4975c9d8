//! `loi import`: the progress bar on a terminal (nothing but the summary in a pipe),
//! Ctrl-C turned into a clean stop, and the summary of what was imported.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use indicatif::{ProgressBar, ProgressStyle};

use crate::mirror::error::Error;
use crate::mirror::import::{self, ImportError, Options, Progress, Quiet, Summary};
use crate::saved::paths::Paths;

/// Imports `sources` into `into` (else the data folder's mirror) and prints what it did.
pub fn run(into: Option<&Path>, codes: &[String], sources: &[PathBuf]) -> Result<(), Error> {
    let into = match into {
        Some(dir) => dir.to_owned(),
        None => Paths::from_env().ok_or(ImportError::NoDataFolder)?.mirror,
    };
    let stop = Arc::new(AtomicBool::new(false));
    // A first Ctrl-C (or a TERM) stops the import cleanly; a second one ends loi.
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        let _ = signal_hook::flag::register_conditional_shutdown(signal, 130, Arc::clone(&stop));
        let _ = signal_hook::flag::register(signal, Arc::clone(&stop));
    }
    let options = Options {
        into,
        codes: codes.to_vec(),
        sources: sources.to_vec(),
        stop: &stop,
    };
    let summary = if std::io::stderr().is_terminal() {
        let mut bar = Bar::default();
        let done = import::run(&options, &mut bar);
        bar.done();
        done?
    } else {
        import::run(&options, &mut Quiet)?
    };
    let mut out = std::io::stdout().lock();
    out.write_all(said(&summary).as_bytes())?;
    for w in &summary.warnings {
        writeln!(
            std::io::stderr(),
            "loi: {} {}",
            crate::tr!("warning:", "attention :"),
            crate::model::sanitize::clean(w)
        )?;
    }
    Ok(())
}

/// The summary: the counts first, then a line per code.
pub fn said(s: &Summary) -> String {
    let n = crate::model::plural::count;
    let codes = n(s.codes.len(), "code", "codes");
    let into = s.into.display();
    let articles = n(s.articles(), "article", "articles");
    let (new, changed, unchanged, removed) = (s.new, s.changed, s.unchanged, s.removed);
    let skipped = s.not_in_force;
    let mut text = crate::trf!(
        "{codes} imported into {into}: {articles} ({new} new, {changed} changed, {unchanged} unchanged, {removed} removed); {skipped} not in force, skipped\n",
        "{codes} importés dans {into} : {articles} ({new} nouveaux, {changed} modifiés, {unchanged} inchangés, {removed} supprimés) ; {skipped} non en vigueur, sautés\n"
    );
    for c in &s.codes {
        let date = c
            .data_date
            .as_deref()
            .map(|d| crate::trf!(", data of {d}", ", données du {d}"))
            .unwrap_or_default();
        text.push_str(&format!(
            "  {} ({}): {}{date}\n",
            c.title,
            c.folder,
            n(c.articles, "article", "articles")
        ));
    }
    if !s.kept.is_empty() {
        let kept = s.kept.join(", ");
        text.push_str(&crate::trf!("  kept: {kept}\n", "  gardés : {kept}\n"));
    }
    if s.relinked > 0 {
        let relinked = n(s.relinked, "article", "articles");
        text.push_str(&crate::trf!(
            "  {relinked} of the codes kept now link to the codes imported\n",
            "  {relinked} des codes gardés renvoient désormais aux codes importés\n"
        ));
    }
    // Titles come from the data: never an escape code on the terminal.
    text.lines()
        .map(|l| format!("{}\n", crate::model::sanitize::clean(l)))
        .collect()
}

/// indicatif's bar on stderr: a spinner while the sources are read, then articles.
#[derive(Default)]
struct Bar(Option<ProgressBar>);

impl Progress for Bar {
    fn reading(&mut self) {
        let spinner = ProgressBar::new_spinner();
        spinner.set_message(crate::tr!("reading the sources", "lecture des sources"));
        spinner.enable_steady_tick(std::time::Duration::from_millis(120));
        self.0 = Some(spinner);
    }
    fn writing(&mut self, total: u64) {
        if let Some(old) = self.0.take() {
            old.finish_and_clear();
        }
        let bar = ProgressBar::new(total);
        // The bar takes what the counts leave of the width; a narrow terminal gets
        // the counts alone, so that the line never wraps.
        let columns = crossterm::terminal::size().map_or(80, |(c, _)| c);
        let template = if columns >= 64 {
            crate::trf!(
                "{{wide_bar}} {{human_pos}}/{{human_len}} articles · {{rate}} · {{eta}} left",
                "{{wide_bar}} {{human_pos}}/{{human_len}} articles · {{rate}} · reste {{eta}}"
            )
        } else {
            "{wide_bar} {human_pos}/{human_len} · {eta}".to_owned()
        };
        if let Ok(style) = ProgressStyle::with_template(&template) {
            let rate = |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}/s", state.per_sec());
            };
            bar.set_style(style.with_key("rate", rate));
        }
        self.0 = Some(bar);
    }
    fn wrote(&mut self, n: u64) {
        if let Some(bar) = &self.0 {
            bar.inc(n);
        }
    }
    fn done(&mut self) {
        if let Some(bar) = self.0.take() {
            bar.finish_and_clear();
        }
    }
}
