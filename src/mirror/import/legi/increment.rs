//! A daily archive on a mirror made from LEGI. It holds only what changed: an
//! article's new version (and its old one, now `MODIFIE`), new articles, and in
//! `liste_suppression_legi.dat` the files to delete. What it does not name is kept as
//! the mirror's `.loi/` describes it: each article's path, id, cid and versions say
//! where it lives and which of the archive's files replace or retire it; its file is
//! linked from the old mirror (its links rewritten when a target moved, left or
//! arrived), and so are the versions' texts not deleted.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::Write;
use std::path::Path;

use super::pass::Pass;
use crate::mirror::import::meta::{self, ArticleMeta, CodeMeta};
use crate::mirror::import::writer::{CodeLines, relink};
use crate::mirror::import::{ImportError, Old, Plan, Progress, Writer};

/// The articles of the codes the archive touches that it leaves as they were, by
/// code; those it replaces, retires or deletes are remembered as gone (a link to
/// them becomes Légifrance's address again). The versions' texts kept are linked
/// into the new mirror here.
pub fn kept(
    plan: &mut Plan,
    pass: &Pass<'_>,
    touched: &[usize],
    target: &Path,
    old: &Old,
    writer: &mut Writer,
) -> Result<HashMap<usize, Vec<ArticleMeta>>, ImportError> {
    let mut kept = HashMap::new();
    for &i in touched {
        let code = &pass.codes[i];
        if !old.codes.contains(&code.folder) {
            continue;
        }
        let replaced: HashSet<&str> = pass
            .pending
            .iter()
            .filter(|p| p.code == i)
            .map(|p| p.cid.as_str())
            .collect();
        let mut lines = Vec::new();
        for a in meta::read_code(target, &code.folder) {
            let gone = replaced.contains(a.cid.as_str())
                || pass.retired.contains(&a.id)
                || pass.deleted.contains(&a.id);
            if gone {
                plan.was(a, &code.id);
            } else {
                lines.push(a);
            }
        }
        kept.insert(i, lines);
        versions(writer, &code.folder, &pass.deleted)?;
    }
    Ok(kept)
}

/// Links the old mirror's versions of a code into the new one, less those deleted
/// and those the archive sent again.
fn versions(
    writer: &mut Writer,
    folder: &str,
    deleted: &HashSet<String>,
) -> Result<(), ImportError> {
    let from = writer.old.join(meta::DIR).join(meta::VERSIONS).join(folder);
    let Ok(read) = fs::read_dir(&from) else {
        return Ok(());
    };
    let to = writer
        .stage
        .join(meta::DIR)
        .join(meta::VERSIONS)
        .join(folder);
    writer.folder(&to)?;
    for entry in read.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let id = name.strip_suffix(".html").unwrap_or(&name);
        let dest = to.join(&name);
        if deleted.contains(id) || dest.exists() {
            continue;
        }
        fs::hard_link(entry.path(), &dest)
            .or_else(|_| fs::copy(entry.path(), &dest).map(|_| ()))
            .map_err(|e| writer.failed(e))?;
    }
    Ok(())
}

/// Writes the articles kept: linked from the old mirror, or written anew when a link
/// of theirs now leads elsewhere; their metadata lines follow the new ones.
pub fn write_kept(
    kept: &HashMap<usize, Vec<ArticleMeta>>,
    lines: &mut [Option<(CodeMeta, CodeLines)>],
    plan: &Plan,
    writer: &mut Writer,
    progress: &mut dyn Progress,
) -> Result<(), ImportError> {
    let paths: HashSet<&str> = plan.paths.iter().map(String::as_str).collect();
    let mut codes: Vec<&usize> = kept.keys().collect();
    codes.sort();
    for &i in codes {
        for a in &kept[&i] {
            if !keep(writer, &a.path, &|href| plan.relink(href, &paths))? {
                continue;
            }
            let Some((meta, file)) = lines.get_mut(i).and_then(Option::as_mut) else {
                continue;
            };
            meta.articles += 1;
            serde_json::to_writer(&mut *file, a)
                .map_err(std::io::Error::from)
                .and_then(|()| file.write_all(b"\n"))
                .map_err(|e| writer.failed(e))?;
            progress.wrote(1);
        }
    }
    Ok(())
}

/// One article of the old mirror into the new: linked when its links stay, else
/// written with them rewritten. `false` when the old mirror has lost its file.
fn keep(
    writer: &mut Writer,
    path: &str,
    target: &dyn Fn(&str) -> Option<String>,
) -> Result<bool, ImportError> {
    let from = writer.old.join(path);
    let Ok(text) = fs::read_to_string(&from) else {
        return Ok(false);
    };
    let to = writer.stage.join(path);
    if let Some(dir) = to.parent() {
        writer.folder(dir)?;
    }
    if relink(text.as_bytes(), &from, &to, target).map_err(|e| writer.failed(e))? {
        writer.relinked += 1;
    } else {
        writer.unchanged += 1;
    }
    Ok(true)
}
