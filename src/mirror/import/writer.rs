//! The new mirror in the stage folder: the article files (through the writer thread),
//! each code's metadata, what the old mirror keeps (codes not imported, relinked),
//! and `.loi/mirror.json`.

use std::collections::HashSet;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::files;
use super::links;
use super::meta::{self, CodeMeta, MirrorMeta};
use super::plan::{Plan, key};
use super::{ImportError, Old, Summary};

/// A code's `.jsonl`, written in any order and sorted by path when done: the reader
/// finds an article's line by a binary search ([`meta::find`]).
pub(super) struct CodeLines {
    file: BufWriter<fs::File>,
    path: PathBuf,
}

impl CodeLines {
    /// Writes out what is buffered and sorts the file's lines by path.
    pub(super) fn finish(mut self) -> std::io::Result<()> {
        self.file.flush()?;
        drop(self.file);
        meta::sort_lines(&self.path)
    }
}

impl Write for CodeLines {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// Writes the new mirror in the stage folder.
pub(super) struct Writer {
    pub(super) stage: PathBuf,
    pub(super) old: PathBuf,
    pub(super) made: HashSet<PathBuf>,
    /// The paths claimed, by [`key`] (the paths themselves are in the plan).
    pub(super) written: HashSet<u128>,
    pub(super) codes: Vec<CodeMeta>,
    /// The article files, written by a thread of their own.
    pub(super) files: files::Files,
    /// Articles kept from the old mirror whose links were rewritten.
    pub(super) relinked: usize,
    /// Articles a daily archive left alone, linked from the old mirror (the others
    /// are counted by the writer thread).
    pub(super) unchanged: usize,
    /// The LEGI archive applied, for `mirror.json`.
    pub(super) legi: Option<String>,
}

impl Writer {
    pub(super) fn new(stage: &Path, old: &Path, plan: &Plan) -> Writer {
        Writer {
            stage: stage.to_owned(),
            old: old.to_owned(),
            made: HashSet::new(),
            written: HashSet::with_capacity(plan.articles),
            codes: Vec::new(),
            files: files::Files::start(stage, old),
            relinked: 0,
            unchanged: 0,
            legi: None,
        }
    }

    pub(super) fn failed(&self, e: std::io::Error) -> ImportError {
        ImportError::writing(&self.stage, e)
    }

    /// Whether `path` is still free (the first of two articles with one path wins).
    pub(super) fn claim(&mut self, path: &str) -> bool {
        self.written.insert(key(path))
    }

    pub(super) fn folder(&mut self, dir: &Path) -> Result<(), ImportError> {
        if !self.made.contains(dir) {
            fs::create_dir_all(dir).map_err(|e| self.failed(e))?;
            self.made.insert(dir.to_owned());
        }
        Ok(())
    }

    pub(super) fn code_file(&mut self, folder: &str) -> Result<CodeLines, ImportError> {
        let dir = self.stage.join(meta::DIR).join("codes");
        self.folder(&dir)?;
        let path = dir.join(format!("{folder}.jsonl"));
        let f = fs::File::create(&path).map_err(|e| self.failed(e))?;
        Ok(CodeLines {
            file: BufWriter::new(f),
            path,
        })
    }

    /// Writes one article, or links the old mirror's file when it holds these bytes.
    pub(super) fn article(
        &mut self,
        path: &str,
        num: &str,
        html: &str,
        plan: &Plan,
    ) -> Result<(), ImportError> {
        let mut text = String::with_capacity(html.len() + 32);
        text.push_str("# Article ");
        text.push_str(num);
        text.push_str("\n\n");
        links::rewrite(html, &|href| plan.link(href), &mut text);
        if self.files.send(path.to_owned(), text) {
            return Ok(());
        }
        // The writer stopped: its error is the one to tell.
        let files = std::mem::replace(&mut self.files, files::Files::idle());
        Err(match files.finish() {
            Err(e) => self.failed(e),
            Ok(_) => self.failed(std::io::Error::other("the writer thread stopped")),
        })
    }

    /// Keeps what the old mirror had besides the codes imported, counts what the
    /// imported codes lost, and writes `.loi/mirror.json`.
    pub(super) fn finish(mut self, plan: &Plan, old: &Old) -> Result<Summary, ImportError> {
        let files = std::mem::replace(&mut self.files, files::Files::idle());
        let counts = files.finish().map_err(|e| self.failed(e))?;
        let imported: HashSet<&str> = self.codes.iter().map(|c| c.folder.as_str()).collect();
        let mut kept = Vec::new();
        let paths: HashSet<&str> = plan.paths.iter().map(String::as_str).collect();
        let mut relinked = self.relinked;
        for entry in &old.entries {
            if imported.contains(entry.as_str()) {
                continue;
            }
            let (from, to) = (self.old.join(entry), self.stage.join(entry));
            let done = if old.codes.contains(entry) {
                // A code kept: its links follow the codes imported beside it.
                relink_tree(&from, &to, &|href| plan.relink(href, &paths), &mut relinked)
            } else {
                link_tree(&from, &to)
            };
            done.map_err(|e| self.failed(e))?;
            kept.push(entry.clone());
        }
        let mut removed = 0;
        for folder in &imported {
            count_files(&self.old.join(folder), folder, &mut |rel| {
                if !self.written.contains(&key(rel)) {
                    removed += 1;
                }
            });
        }
        let mut codes: Vec<CodeMeta> = old
            .meta
            .iter()
            .flat_map(|m| m.codes.iter())
            .filter(|c| kept.contains(&c.folder))
            .cloned()
            .collect();
        for code in &codes {
            let name = format!("{}.jsonl", code.folder);
            let from = self.old.join(meta::DIR).join("codes").join(&name);
            let to = self.stage.join(meta::DIR).join("codes").join(&name);
            self.folder(&self.stage.join(meta::DIR).join("codes"))?;
            fs::hard_link(&from, &to)
                .or_else(|_| fs::copy(&from, &to).map(|_| ()))
                .map_err(|e| self.failed(e))?;
            // Its versions' texts (LEGI), when it has them.
            let versions = self.old.join(meta::DIR).join(meta::VERSIONS);
            if versions.join(&code.folder).is_dir() {
                let to = self.stage.join(meta::DIR).join(meta::VERSIONS);
                self.folder(&to)?;
                link_tree(&versions.join(&code.folder), &to.join(&code.folder))
                    .map_err(|e| self.failed(e))?;
            }
        }
        codes.extend(self.codes.iter().cloned());
        let mirror = MirrorMeta {
            format: meta::FORMAT,
            generation: old.meta.as_ref().map_or(0, |m| m.generation) + 1,
            imported: crate::model::date::today(),
            codes,
            legi: self
                .legi
                .clone()
                .or_else(|| old.meta.as_ref().and_then(|m| m.legi.clone())),
        };
        self.folder(&self.stage.join(meta::DIR))?;
        let json = serde_json::to_vec_pretty(&mirror).map_err(std::io::Error::from);
        json.and_then(|j| fs::write(self.stage.join(meta::DIR).join("mirror.json"), j))
            .map_err(|e| self.failed(e))?;
        Ok(Summary {
            into: PathBuf::new(),
            codes: self.codes,
            kept: kept
                .into_iter()
                .filter(|k| mirror.codes.iter().any(|c| &c.folder == k))
                .collect(),
            new: counts.new,
            changed: counts.changed,
            unchanged: counts.unchanged + self.unchanged,
            removed,
            relinked,
            not_in_force: plan.not_in_force,
            warnings: plan.warnings.clone(),
        })
    }
}

/// Recreates `from`'s folders under `to` and hard-links its files (copies where a
/// link cannot be made); symlinks are not followed.
pub(super) fn link_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    let kind = fs::symlink_metadata(from)?.file_type();
    if kind.is_file() {
        return fs::hard_link(from, to).or_else(|_| fs::copy(from, to).map(|_| ()));
    }
    if !kind.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        link_tree(&entry.path(), &to.join(entry.file_name()))?;
    }
    Ok(())
}

/// As [`link_tree`], but each article's links are rewritten by `target` first: a file
/// that changes is written anew (and counted), the others linked.
pub(super) fn relink_tree(
    from: &Path,
    to: &Path,
    target: &dyn Fn(&str) -> Option<String>,
    relinked: &mut usize,
) -> std::io::Result<()> {
    let kind = fs::symlink_metadata(from)?.file_type();
    if kind.is_dir() {
        fs::create_dir_all(to)?;
        for entry in fs::read_dir(from)? {
            let entry = entry?;
            relink_tree(&entry.path(), &to.join(entry.file_name()), target, relinked)?;
        }
        return Ok(());
    }
    let is_article = from.extension().is_some_and(|e| e == "md");
    if kind.is_file() && is_article {
        if relink(&fs::read(from)?, from, to, target)? {
            *relinked += 1;
        }
        return Ok(());
    }
    link_tree(from, to)
}

/// The article `from` of the old mirror, whose bytes are `old`, put at `to` with its
/// links rewritten by `target`: written anew when they change (`true`), else linked
/// (copied where a link cannot be made).
pub(super) fn relink(
    old: &[u8],
    from: &Path,
    to: &Path,
    target: &dyn Fn(&str) -> Option<String>,
) -> std::io::Result<bool> {
    if let Ok(text) = std::str::from_utf8(old) {
        let mut out = String::with_capacity(text.len());
        links::rewrite(text, target, &mut out);
        if out != text {
            fs::write(to, out)?;
            return Ok(true);
        }
    }
    fs::hard_link(from, to).or_else(|_| fs::write(to, old))?;
    Ok(false)
}

/// Calls `f` with the path (from the mirror's root) of every file under `dir`.
pub(super) fn count_files(dir: &Path, rel: &str, f: &mut dyn FnMut(&str)) {
    let Ok(read) = fs::read_dir(dir) else {
        return;
    };
    for entry in read.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let child = format!("{rel}/{name}");
        match entry.file_type() {
            Ok(t) if t.is_dir() => count_files(&entry.path(), &child, f),
            Ok(t) if t.is_file() => f(&child),
            _ => {}
        }
    }
}
