//! `loi import`: official open data → a mirror. Reads the Légifrance API's JSON as
//! `@socialgouv/legi-data` packages it (`json`: the package's `.tgz`, its folder, or
//! its `data/LEGITEXT*.json` files) and DILA's LEGI archives (`legi`: full and daily),
//! streamed, never extracted. First every article's path and ids are learnt (the
//! `plan`, so that links to later articles can be rewritten), then the new mirror is
//! written beside the old one (`writer`, `files`) and takes its place in one step
//! (`staging`). An article whose file would not change is linked from the old mirror,
//! not written again; codes not imported this time are kept. Uses the mirror's slug
//! rule; no terminal (the command line draws the progress).

pub mod error;
mod files;
mod json;
mod legi;
mod legi_data;
mod links;
pub mod meta;
mod plan;
mod source;
mod staging;
#[cfg(test)]
mod tests;
mod writer;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

pub use error::ImportError;
// What the sources' readers share, named here as they were before the split.
use json::{learn, write_code};
use meta::{CodeMeta, MirrorMeta};
use plan::{Plan, article_path, names_code};
use source::Source;
use writer::Writer;

/// What to import, and where.
pub struct Options<'a> {
    /// The mirror to make or update.
    pub into: PathBuf,
    /// Only these codes (title, folder name, LEGITEXT id or abbreviation); all when
    /// empty.
    pub codes: Vec<String>,
    pub sources: Vec<PathBuf>,
    /// Set (by Ctrl-C) to stop: the old mirror is left as it was.
    pub stop: &'a AtomicBool,
}

/// What an import tells as it goes.
pub trait Progress {
    /// Reading the sources for their articles' names and ids.
    fn reading(&mut self) {}
    /// Writing `total` articles.
    fn writing(&mut self, _total: u64) {}
    /// `n` more written.
    fn wrote(&mut self, _n: u64) {}
    /// The new mirror is in place (or the import stopped).
    fn done(&mut self) {}
}

/// No progress shown.
pub struct Quiet;
impl Progress for Quiet {}

/// What an import did.
#[derive(Debug, Default)]
pub struct Summary {
    pub into: PathBuf,
    /// The codes imported.
    pub codes: Vec<CodeMeta>,
    /// The codes of the mirror left as they were.
    pub kept: Vec<String>,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    /// Articles of the imported codes that the mirror had and the source no longer has.
    pub removed: usize,
    /// Articles of the source no longer in force (repealed, cancelled…), not written.
    pub not_in_force: usize,
    /// Articles of the codes kept whose links were rewritten to follow the import.
    pub relinked: usize,
    pub warnings: Vec<String>,
}

impl Summary {
    /// Articles written in all (new, changed and unchanged).
    pub fn articles(&self) -> usize {
        self.new + self.changed + self.unchanged
    }
}

/// Imports `options.sources` into `options.into`.
pub fn run(options: &Options, progress: &mut dyn Progress) -> Result<Summary, ImportError> {
    let sources = source::open_all(&options.sources)?;
    let legi: Vec<source::Legi> = sources
        .iter()
        .filter_map(|s| match s {
            Source::Legi(l) => Some(l.clone()),
            _ => None,
        })
        .collect();
    if !legi.is_empty() {
        if legi.len() < sources.len() {
            return Err(ImportError::MixedSources);
        }
        return legi::run(options, progress, legi);
    }
    let target = &options.into;
    let old = Old::look(target)?;
    let stage = staging::Stage::begin(target)?;
    progress.reading();
    let mut plan = learn(&sources, &options.codes, options.stop)?;
    let imported: Vec<String> = plan.codes.iter().map(|c| c.3.clone()).collect();
    for folder in &old.codes {
        let kept = !imported.contains(folder);
        let code = old.code_id(folder).to_owned();
        meta::each_in_code(target, folder, &mut |a| {
            if kept {
                plan.remember_old(a);
            } else {
                plan.was(a, &code);
            }
        });
    }
    progress.writing(plan.articles as u64);
    let mut writer = Writer::new(stage.dir(), target, &plan);
    for (index, source) in sources.iter().enumerate() {
        source.each_code(&mut |label, input| {
            write_code(
                label,
                index,
                input,
                &plan,
                &mut writer,
                options.stop,
                progress,
            )
        })?;
    }
    let mut summary = writer.finish(&plan, &old)?;
    summary.into = target.clone();
    stage.commit()?;
    progress.done();
    Ok(summary)
}

/// What is known of the mirror being replaced.
struct Old {
    meta: Option<MirrorMeta>,
    /// Top-level entries of the old mirror (code folders and anything else).
    entries: Vec<String>,
    codes: Vec<String>,
}

impl Old {
    /// The LEGITEXT id of a code of the old mirror.
    fn code_id(&self, folder: &str) -> &str {
        self.meta
            .iter()
            .flat_map(|m| m.codes.iter())
            .find(|c| c.folder == folder)
            .map_or("", |c| c.id.as_str())
    }

    fn look(target: &Path) -> Result<Old, ImportError> {
        let meta = meta::read_mirror(target);
        let entries: Vec<String> = match fs::read_dir(target) {
            Ok(read) => read
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n != meta::DIR)
                .collect(),
            Err(_) => Vec::new(),
        };
        // Never swap away a folder that holds something else than a mirror made here.
        if meta.is_none() && !entries.is_empty() {
            return Err(ImportError::NotAnImportedMirror(target.to_owned()));
        }
        let codes = meta
            .iter()
            .flat_map(|m| m.codes.iter().map(|c| c.folder.clone()))
            .collect();
        Ok(Old {
            meta,
            entries,
            codes,
        })
    }
}
