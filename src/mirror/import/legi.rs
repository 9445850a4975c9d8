//! DILA's LEGI archives (docs/LEGI.md) into a mirror: the full archive
//! (`Freemium_legi_global_*.tar.gz`) and the daily ones (`LEGI_*.tar.gz`), read straight
//! from the `.tar.gz`, one entry at a time. One pass over the archive places each
//! article version by its own `CONTEXTE` (code title, section titles) and spools the
//! ones in force; then, every article's path and ids being known, each is written with
//! its links rewritten, through the same `Writer` as the JSON import (an unchanged
//! file is linked from the old mirror, codes not in the archive are kept, the new
//! mirror is swapped in whole). A daily archive changes a mirror made from LEGI: what
//! it does not name is kept from the mirror, as its `.loi/` describes it
//! (`increment.rs`). Several archives apply in order, the full one first, each as one
//! import.

mod article;
mod increment;
mod pass;
mod read;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::io::{BufReader, Read, Write};
use std::path::Path;
use std::sync::atomic::Ordering;

use super::source::Legi;
use super::writer::CodeLines;
use super::{ImportError, Old, Options, Plan, Progress, Summary, Writer, meta, staging};
use pass::Pass;

/// A file bigger than this is no LEGI file (the largest articles are a few MB).
const MAX_ENTRY: u64 = 64 << 20;

/// Applies `archives` in order: full ones, then daily ones by their timestamp.
pub fn run(
    options: &Options,
    progress: &mut dyn Progress,
    mut archives: Vec<Legi>,
) -> Result<Summary, ImportError> {
    archives.sort_by(|a, b| (a.daily, &a.stamp).cmp(&(b.daily, &b.stamp)));
    let mut total: Option<Summary> = None;
    for archive in &archives {
        let s = apply(options, progress, archive)?;
        total = Some(match total {
            None => s,
            Some(t) => Summary {
                new: t.new + s.new,
                changed: t.changed + s.changed,
                removed: t.removed + s.removed,
                not_in_force: t.not_in_force + s.not_in_force,
                relinked: t.relinked + s.relinked,
                warnings: [t.warnings, s.warnings].concat(),
                ..s
            },
        });
    }
    total.ok_or(ImportError::NoLegiCode(options.into.clone()))
}

/// `YYYY-MM-DD` of an archive's timestamp, else today.
fn day(stamp: Option<&str>) -> String {
    match stamp {
        Some(s) if s.len() >= 8 => format!("{}-{}-{}", &s[..4], &s[4..6], &s[6..8]),
        _ => crate::model::date::today(),
    }
}

/// One archive, as one import.
fn apply(
    options: &Options,
    progress: &mut dyn Progress,
    archive: &Legi,
) -> Result<Summary, ImportError> {
    let target = &options.into;
    let old = Old::look(target)?;
    let applied = old.meta.as_ref().and_then(|m| m.legi.clone());
    if archive.daily {
        match (&applied, &archive.stamp) {
            (None, _) => return Err(ImportError::DailyFirst(archive.path.clone())),
            (Some(done), Some(stamp)) if stamp <= done => {
                let mut s = Summary {
                    into: target.clone(),
                    ..Summary::default()
                };
                let path = archive.path.display();
                s.warnings.push(crate::trf!(
                    "{path}: the mirror already has LEGI's data of {done}; this archive is older and was skipped",
                    "{path} : le miroir a déjà les données LEGI du {done} ; cette archive est plus ancienne et a été sautée"
                ));
                return Ok(s);
            }
            _ => {}
        }
    }
    let stage = staging::Stage::begin(target)?;
    progress.reading();
    let before: Vec<meta::CodeMeta> = old.meta.iter().flat_map(|m| m.codes.clone()).collect();
    let mut writer = Writer::new(stage.dir(), target, &Plan::default());
    writer.legi = archive
        .stamp
        .clone()
        .or_else(|| Some(crate::model::date::today()));
    let spool = tempfile::tempfile_in(stage.dir()).map_err(|e| writer.failed(e))?;
    let date = day(archive.stamp.as_deref());
    let mut pass = Pass::new(&archive.path, date, &options.codes, &before, spool);
    each_entry(&archive.path, &mut |name, bytes| {
        if options.stop.load(Ordering::Relaxed) {
            return Err(ImportError::Interrupted);
        }
        pass.take(name, bytes, &mut writer)
    })?;
    if pass.seen == 0 {
        return Err(ImportError::NoLegiCode(archive.path.clone()));
    }
    if let Some(i) = pass.matched.iter().position(|m| !m) {
        return Err(ImportError::NoSuchCode {
            asked: options.codes[i].clone(),
            held: pass.held.join(", "),
        });
    }
    let mut plan = Plan {
        not_in_force: pass.not_in_force,
        warnings: std::mem::take(&mut pass.warnings),
        ..Plan::default()
    };
    let label = archive.path.display().to_string();
    let touched: Vec<usize> = (0..pass.codes.len())
        .filter(|&i| pass.codes[i].wanted)
        .collect();
    let folders: Vec<&str> = touched
        .iter()
        .map(|&i| pass.codes[i].folder.as_str())
        .collect();
    // Codes the archive does not hold are kept: links to them become their paths.
    for folder in &old.codes {
        if !folders.contains(&folder.as_str()) {
            for a in meta::read_code(target, folder) {
                plan.remember_old(a);
            }
        }
    }
    let kept = if archive.daily {
        increment::kept(&mut plan, &pass, &touched, target, &old, &mut writer)?
    } else {
        for folder in &folders {
            let id = old.code_id(folder).to_owned();
            for a in meta::read_code(target, folder) {
                plan.was(a, &id);
            }
        }
        HashMap::new()
    };
    // Each article in force claims its path, first come first served; then what a
    // daily archive keeps, unless an article of the archive now has its path.
    let mut at: Vec<Option<usize>> = Vec::with_capacity(pass.pending.len());
    for p in &mut pass.pending {
        if writer.claim(&p.path) {
            at.push(Some(plan.paths.len()));
            plan.remember(std::mem::take(&mut p.path), std::mem::take(&mut p.ids));
        } else {
            let path = &p.path;
            plan.warnings.push(crate::trf!(
                "{label}: two articles would be {path}; the first is kept",
                "{label} : deux articles seraient {path} ; le premier est gardé"
            ));
            at.push(None);
        }
    }
    let mut kept = kept;
    for lines in kept.values_mut() {
        lines.retain(|a| writer.claim(&a.path));
        for a in lines.iter() {
            let ids = std::iter::once(a.id.clone())
                .chain(std::iter::once(a.cid.clone()))
                .chain(a.versions.iter().map(|v| v.id.clone()));
            plan.remember(a.path.clone(), ids);
        }
    }
    let kept_count: usize = kept.values().map(Vec::len).sum();
    let accepted = at.iter().flatten().count();
    progress.writing((accepted + kept_count) as u64);
    let spool = pass
        .spool
        .into_inner()
        .map_err(|e| writer.failed(e.into_error()))?;
    let mut lines: Vec<Option<(meta::CodeMeta, CodeLines)>> =
        (0..pass.codes.len()).map(|_| None).collect();
    for &i in &touched {
        let c = &pass.codes[i];
        let file = writer.code_file(&c.folder)?;
        let meta = meta::CodeMeta {
            id: c.id.clone(),
            title: c.title.clone(),
            folder: c.folder.clone(),
            articles: 0,
            data_date: c.data_date.clone().or_else(|| {
                before
                    .iter()
                    .find(|b| b.id == c.id)
                    .and_then(|b| b.data_date.clone())
            }),
            source: label.clone(),
        };
        lines[i] = Some((meta, file));
    }
    let mut spool = BufReader::with_capacity(1 << 16, spool);
    std::io::Seek::rewind(&mut spool).map_err(|e| writer.failed(e))?;
    let (mut body, mut line) = (Vec::new(), Vec::new());
    for (p, at) in pass.pending.iter().zip(&at) {
        body.resize(p.body, 0);
        line.resize(p.meta, 0);
        spool
            .read_exact(&mut body)
            .and_then(|()| spool.read_exact(&mut line))
            .map_err(|e| writer.failed(e))?;
        let Some(at) = *at else {
            continue;
        };
        let path = plan.paths[at].clone();
        let html = String::from_utf8_lossy(&body);
        writer.article(&path, &p.num, &html, &plan)?;
        let Some((meta, file)) = lines[p.code].as_mut() else {
            continue;
        };
        meta.articles += 1;
        file.write_all(&line)
            .and_then(|()| file.write_all(b"\n"))
            .map_err(|e| writer.failed(e))?;
        progress.wrote(1);
    }
    increment::write_kept(&kept, &mut lines, &plan, &mut writer, progress)?;
    for (meta, file) in lines.into_iter().flatten() {
        file.finish().map_err(|e| writer.failed(e))?;
        writer.codes.push(meta);
    }
    let mut summary = writer.finish(&plan, &old)?;
    summary.into = target.clone();
    stage.commit()?;
    progress.done();
    Ok(summary)
}

/// What is done with each entry read: its name and its bytes.
type EachEntry<'a> = dyn FnMut(&str, &[u8]) -> Result<(), ImportError> + 'a;

/// Calls `each(name, bytes)` for every regular file of the archive, read from the
/// stream one at a time (links, folders and devices are passed over). The stream is
/// read to its end, so that a cut or corrupt archive is an error even after its last
/// entry.
fn each_entry(archive: &Path, each: &mut EachEntry<'_>) -> Result<(), ImportError> {
    let mut tar = super::source::tar_gz(archive)?;
    let mut last = "its first entry".to_owned();
    let damaged = |entry: &str, e: std::io::Error| ImportError::DamagedEntry {
        archive: archive.to_owned(),
        entry: entry.to_owned(),
        source: e,
    };
    let mut buf = Vec::new();
    for entry in tar.entries().map_err(|e| damaged(&last, e))? {
        let mut entry = entry.map_err(|e| damaged(&format!("the entry after {last}"), e))?;
        let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        if !entry.header().entry_type().is_file() || pass::place(&name).is_none() {
            last = name;
            continue;
        }
        let size = entry.header().size().unwrap_or(0);
        if size > MAX_ENTRY {
            return Err(ImportError::EntryTooLarge {
                archive: archive.to_owned(),
                entry: name,
                size,
            });
        }
        buf.clear();
        entry.read_to_end(&mut buf).map_err(|e| damaged(&name, e))?;
        each(&name, &buf)?;
        last = name;
    }
    let mut rest = tar.into_inner();
    std::io::copy(&mut rest, &mut std::io::sink())
        .map_err(|e| damaged(&format!("its end, after {last}"), e))?;
    Ok(())
}
