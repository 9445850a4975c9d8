//! A search with no word index: every article read, by as many threads as there are
//! cores, each answer given as soon as its chunk is read; and, when there is a cache
//! to keep it in, the word index built from the same reading.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use super::build::{Builder, Chunk};
use super::{Hit, Query, text};
use crate::index::Index;
use crate::mirror::Mirror;

/// Articles per piece of work: small enough that the first answers come at once,
/// large enough that the threads do not wait on each other.
const CHUNK: usize = 64;

enum Msg {
    Hit(Hit),
    Chunk(usize, Chunk),
}

/// Reads every article of `index` (the mirror at `root`, `None`: the sample),
/// calling `each` with the answers to `query` until it returns false, and builds
/// the word index into `file` when given.
pub fn run(
    root: Option<&Path>,
    index: &Index,
    query: &Query,
    file: Option<&Path>,
    each: &mut dyn FnMut(Hit) -> bool,
) {
    let files = index.len();
    let chunks = files.div_ceil(CHUNK);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
    let building = file.is_some();
    let (tx, rx) = mpsc::sync_channel::<Msg>(threads * 4);
    let runs_dir = file.map(runs_dir);
    let mut builder = runs_dir.clone().map(|dir| Builder::new(files, dir));
    std::thread::scope(|s| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, stop) = (&next, &stop);
            s.spawn(move || {
                let mirror = match root {
                    Some(root) => Mirror::open(root).ok(),
                    None => Some(Mirror::bundled()),
                };
                let Some(mirror) = mirror else {
                    return;
                };
                loop {
                    let c = next.fetch_add(1, Ordering::Relaxed);
                    if c >= chunks || stop.load(Ordering::Relaxed) {
                        return;
                    }
                    let mut chunk = Chunk::default();
                    for doc in c * CHUNK..((c + 1) * CHUNK).min(files) {
                        let Some(path) = index.entry(doc).map(|e| e.path()) else {
                            continue;
                        };
                        let text = mirror
                            .read_text(&path)
                            .map(|(t, _)| text::article_text(&t))
                            .unwrap_or_default();
                        let tokens = text::tokens(&text);
                        let words: Vec<&str> = tokens.iter().map(|t| t.word.as_str()).collect();
                        if let Some(found) = query.find(&words) {
                            let at = found.first().map_or(0, |r| tokens[r.start].span.start);
                            let _ = tx.send(Msg::Hit(super::hit(&path, &text, at)));
                        }
                        if building {
                            chunk.add(doc as u32, &words);
                        }
                    }
                    if building && tx.send(Msg::Chunk(c, chunk)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        let mut listing = true;
        let mut waiting: BTreeMap<usize, Chunk> = BTreeMap::new();
        let mut expected = 0;
        for msg in rx {
            match msg {
                Msg::Hit(hit) => {
                    if listing && !each(hit) {
                        listing = false;
                        if !building {
                            stop.store(true, Ordering::Relaxed);
                        }
                    }
                }
                Msg::Chunk(c, chunk) => {
                    waiting.insert(c, chunk);
                    while let Some(chunk) = waiting.remove(&expected) {
                        expected += 1;
                        if let Some(b) = builder.as_mut()
                            && b.add(chunk).is_err()
                        {
                            // No room for the runs: searching goes on, unindexed.
                            builder = None;
                        }
                    }
                }
            }
        }
    });
    if let (Some(builder), Some(file)) = (builder, file) {
        // Not saved is only slower next time.
        let _ = builder.finish(file, index.content_hash());
    } else if let Some(dir) = runs_dir {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// Where the runs of a build are kept: beside the index file, one folder per process.
fn runs_dir(file: &Path) -> PathBuf {
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("words");
    file.with_file_name(format!(".{name}.runs.{}", std::process::id()))
}
