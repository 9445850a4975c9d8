//! A search with no word index: every article read, by as many threads as there are
//! cores, each answer given as soon as its file is read. Only matching happens here
//! (the word index is built afterwards, by `background`), so a first search costs
//! about what `grep -rlF` does: each thread reads into one buffer, normalises the text
//! into another (`normalised`) and looks for each term there with a
//! substring search; only the files that answer are read again, for their snippets.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use memchr::memmem::Finder;

use super::{Hit, Query, normalised};
use crate::mirror::index::Index;
use crate::mirror::{LastDir, Mirror, decode};

/// Articles per piece of work: small enough that the first answers come at once,
/// large enough that the threads do not wait on each other.
const CHUNK: usize = 64;

/// Reads every article of `index` (the mirror at `root`, `None`: the sample),
/// calling `each` with the answers to `query` until it returns false.
pub fn run(root: Option<&Path>, index: &Index, query: &Query, each: &mut dyn FnMut(Hit) -> bool) {
    let files = index.len();
    let chunks = files.div_ceil(CHUNK);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
    let needles = query.needles();
    let (tx, rx) = mpsc::sync_channel::<Hit>(threads * 16);
    std::thread::scope(|s| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, stop, needles) = (&next, &stop, &needles);
            s.spawn(move || {
                let mirror = match root {
                    Some(root) => Mirror::open(root).ok(),
                    None => Some(Mirror::bundled()),
                };
                let Some(mirror) = mirror else {
                    return;
                };
                let finders: Vec<Finder> = needles.iter().map(Finder::new).collect();
                let mut reading = Reading::default();
                loop {
                    let c = next.fetch_add(1, Ordering::Relaxed);
                    if c >= chunks || stop.load(Ordering::Relaxed) {
                        return;
                    }
                    // Folder by folder: each folder is opened once for its files.
                    let mut docs: Vec<_> = (c * CHUNK..((c + 1) * CHUNK).min(files))
                        .filter_map(|doc| index.entry(doc))
                        .collect();
                    docs.sort_by_key(|e| e.dir);
                    for path in docs.iter().map(|e| e.path()) {
                        if reading.answers(&mirror, &path, &finders)
                            && let Some(hit) = super::read_hit(&mirror, &path, query)
                            && tx.send(hit).is_err()
                        {
                            return;
                        }
                    }
                }
            });
        }
        drop(tx);
        for hit in rx.iter() {
            if !each(hit) {
                stop.store(true, Ordering::Relaxed);
                break;
            }
        }
        // Dropping the receiver ends the threads at their next answer or chunk.
        drop(rx);
    });
}

/// One thread's buffers, reused from file to file.
#[derive(Default)]
struct Reading {
    bytes: Vec<u8>,
    last: LastDir,
    normalised: String,
}

impl Reading {
    /// Whether the file at `path` holds every term (each of `finders`).
    fn answers(&mut self, mirror: &Mirror, path: &str, finders: &[Finder]) -> bool {
        if !mirror.read_plain_into(path, &mut self.last, &mut self.bytes)
            && mirror.read_bytes_into(path, &mut self.bytes).is_err()
        {
            return false;
        }
        match std::str::from_utf8(&self.bytes) {
            Ok(file) => normalised::normalise_article_into(file, &mut self.normalised),
            // Rare: decoded as the reader does, at the cost of a copy.
            Err(_) => {
                let (file, _) = decode(&self.bytes);
                normalised::normalise_article_into(&file, &mut self.normalised);
            }
        }
        let normalised = self.normalised.as_bytes();
        finders.iter().all(|f| f.find(normalised).is_some())
    }
}
