//! Building the backlinks file: every article of the index read once and its
//! references resolved, on as many threads as there are cores. Memory stays small
//! at any size: a citation is a 20-byte record in memory, and its snippet goes to a
//! temporary file until the records are sorted and written out.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{FIELDS, position};
use crate::mirror::ids::{Ids, Votes};
use crate::mirror::reference::{self, Target};
use crate::mirror::{Frozen, Mirror};
use crate::model::article::{Article, Citations, Link};

/// How much of the citing sentence is kept, in characters.
const SNIPPET: usize = 160;
/// Characters kept before the citation, when the block is cut.
const LEAD: usize = 24;
/// Below this many articles one thread does it sooner than several would start.
const PARALLEL_FROM: usize = 2000;

/// What one thread found: records whose snippet offsets count from the start of its
/// own snippets; and, when the mirror's legacy ids are not known yet, what its legacy
/// links into the mirror's codes say of them, and those links, to resolve once they
/// are (reading the mirror for them first would read it twice).
struct Part {
    records: Vec<[u32; FIELDS]>,
    snippets: Snippets,
    votes: Votes,
    waiting: Vec<Waiting>,
}

impl Part {
    fn new() -> Part {
        Part {
            records: Vec::new(),
            snippets: Snippets::new(),
            votes: Votes::default(),
            waiting: Vec::new(),
        }
    }
}

/// A legacy link whose target waits for the mirror's legacy ids.
struct Waiting {
    source: u32,
    link: Link,
    snippet: String,
}

/// Where a thread's snippets wait: an unnamed temporary file, or memory when no
/// temporary file can be made.
enum Snippets {
    File(std::io::BufWriter<std::fs::File>, u64),
    Memory(Vec<u8>),
}

impl Snippets {
    fn new() -> Snippets {
        match tempfile::tempfile() {
            Ok(file) => Snippets::File(std::io::BufWriter::new(file), 0),
            Err(_) => Snippets::Memory(Vec::new()),
        }
    }

    /// Adds `text`; its offset and length.
    fn push(&mut self, text: &str) -> (u32, u32) {
        let len = to_u32(text.len());
        match self {
            Snippets::File(out, at) => {
                let start = *at;
                if out.write_all(text.as_bytes()).is_err() {
                    return (u32::try_from(start).unwrap_or(u32::MAX), 0);
                }
                *at += u64::from(len);
                (u32::try_from(start).unwrap_or(u32::MAX), len)
            }
            Snippets::Memory(v) => {
                let start = to_u32(v.len());
                v.extend_from_slice(text.as_bytes());
                (start, len)
            }
        }
    }

    fn len(&self) -> u32 {
        match self {
            Snippets::File(_, at) => u32::try_from(*at).unwrap_or(u32::MAX),
            Snippets::Memory(v) => to_u32(v.len()),
        }
    }

    /// The snippets, ready to be read back in any order.
    fn finish(self) -> std::io::Result<Written<'static>> {
        Ok(match self {
            Snippets::File(writer, _) => {
                Written::File(writer.into_inner().map_err(|e| e.into_error())?)
            }
            Snippets::Memory(v) => Written::Memory(v),
        })
    }
}

/// A thread's snippets once all are written, or those of the backlinks a patch keeps.
enum Written<'a> {
    File(std::fs::File),
    Memory(Vec<u8>),
    Kept(&'a [u8]),
}

impl Written<'_> {
    /// Fills `buf` from offset `at`.
    fn read_at(&self, at: u32, buf: &mut [u8]) -> std::io::Result<()> {
        match self {
            Written::File(file) => {
                std::os::unix::fs::FileExt::read_exact_at(file, buf, u64::from(at))
            }
            Written::Memory(v) => read_in(v, at, buf),
            Written::Kept(v) => read_in(v, at, buf),
        }
    }
}

/// Fills `buf` from `bytes` at offset `at`.
fn read_in(bytes: &[u8], at: u32, buf: &mut [u8]) -> std::io::Result<()> {
    let start = at as usize;
    let part = bytes
        .get(start..start + buf.len())
        .ok_or_else(|| std::io::Error::other("a snippet past the end"))?;
    buf.copy_from_slice(part);
    Ok(())
}

/// Writes the backlinks file of `mirror`'s index to `out`, `head` first.
/// `done` counts the articles read, for a progress report.
pub fn build(
    mirror: &Mirror,
    head: &[u8],
    out: &mut dyn Write,
    done: &AtomicUsize,
) -> std::io::Result<()> {
    let threads = if mirror.index().len() >= PARALLEL_FROM {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
    } else {
        1
    };
    build_on(mirror, head, out, threads, done)
}

/// [`build`] on `threads` threads.
pub(super) fn build_on(
    mirror: &Mirror,
    head: &[u8],
    out: &mut dyn Write,
    threads: usize,
    done: &AtomicUsize,
) -> std::io::Result<()> {
    // Whether the legacy ids are known decides, for every thread alike, whether
    // links wait for them (the threads' mirrors are made with what this one knows).
    let ids_known = mirror.legacy_ids().is_some();
    let parts = if threads > 1 {
        let frozen = mirror.frozen();
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|k| {
                    let frozen: Frozen = frozen.clone();
                    scope.spawn(move || collect(&frozen.open(), k, threads, done))
                })
                .collect();
            workers
                .into_iter()
                .map(|w| w.join())
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(|_| std::io::Error::other("a thread reading the mirror failed"))?
    } else {
        vec![collect(&mirror.frozen().open(), 0, 1, done)]
    };
    let mut parts = parts;
    if !ids_known {
        let waited = resolve_waiting(mirror, &mut parts);
        parts.push(waited);
    }
    let mut pieces = Vec::new();
    for part in parts {
        let len = part.snippets.len();
        pieces.push((part.records, len, part.snippets.finish()?));
    }
    write(out, head, pieces)
}

/// Writes to `out` the backlinks of `mirror` that `old` holds, but for the citations
/// of the articles `changed` (positions in the index), which are read again: what a
/// build would write, at the cost of reading those articles only.
pub fn patch(
    mirror: &Mirror,
    old: &super::Backlinks,
    changed: &[u32],
    head: &[u8],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    // With the legacy ids known, no link waits for them.
    mirror.read_legacy_ids();
    let again: HashSet<u32> = changed.iter().copied().collect();
    let kept: Vec<[u32; FIELDS]> = (0..old.count)
        .map(|i| old.record(i))
        .filter(|r| !again.contains(&r[1]))
        .collect();
    let snippets = old.bytes.get(old.snippets_at..).unwrap_or_default();
    let fresh = collect_docs(
        mirror,
        changed.iter().map(|&d| d as usize),
        &AtomicUsize::new(0),
    );
    let len = fresh.snippets.len();
    let pieces = vec![
        (kept, to_u32(snippets.len()), Written::Kept(snippets)),
        (fresh.records, len, fresh.snippets.finish()?),
    ];
    write(out, head, pieces)
}

/// Writes `head`, then the records of `pieces` (each with its snippets' length and
/// its snippets, which its records' offsets count from) sorted, then the snippets.
fn write(
    out: &mut dyn Write,
    head: &[u8],
    pieces: Vec<(Vec<[u32; FIELDS]>, u32, Written)>,
) -> std::io::Result<()> {
    // Offsets count from the start of the first piece's snippets: `bases` says where
    // each piece's begin.
    let mut records = Vec::new();
    let mut bases = Vec::new();
    let mut written = Vec::new();
    let mut base = 0u32;
    for (piece, len, snippets) in pieces {
        records.extend(piece.into_iter().map(|mut r| {
            r[3] = r[3].saturating_add(base);
            r
        }));
        bases.push(base);
        base = base.saturating_add(len);
        written.push(snippets);
    }
    records.sort_unstable();
    // A block citing one article by a link that waited and by another reference is
    // one citation.
    records.dedup_by_key(|r| (r[0], r[1], r[2]));
    out.write_all(head)?;
    out.write_all(&to_u32(records.len()).to_le_bytes())?;
    // The snippets go out in the records' order, so that those of one target lie
    // together and a look-up touches a page or two of them, not one page each.
    let mut next = 0u32;
    for record in &records {
        let [target, source, block, _, len] = *record;
        for word in [target, source, block, next, len] {
            out.write_all(&word.to_le_bytes())?;
        }
        next = next.saturating_add(len);
    }
    let mut buf = Vec::new();
    for record in &records {
        let part = bases.partition_point(|&b| b <= record[3]).saturating_sub(1);
        buf.resize(record[4] as usize, 0);
        written[part].read_at(record[3] - bases[part], &mut buf)?;
        out.write_all(&buf)?;
    }
    Ok(())
}

/// The citations of every `threads`th article of the index from the `k`th: each
/// reference to another article, once per citing block.
fn collect(mirror: &Mirror, k: usize, threads: usize, done: &AtomicUsize) -> Part {
    collect_docs(mirror, (k..mirror.index().len()).step_by(threads), done)
}

/// The citations of the articles at positions `docs` of the index.
fn collect_docs(mirror: &Mirror, docs: impl Iterator<Item = usize>, done: &AtomicUsize) -> Part {
    let index = mirror.index();
    let mut part = Part::new();
    let wait_for_ids = mirror.legacy_ids().is_none();
    for i in docs {
        done.fetch_add(1, Ordering::Relaxed);
        let Some(path) = index.entry(i).map(|e| e.path()) else {
            continue;
        };
        let Ok(article) = mirror.article(&path, Citations::Now) else {
            continue;
        };
        let source = to_u32(i);
        let mut seen: HashSet<(u32, usize)> = HashSet::new();
        let mut texts: HashMap<usize, String> = HashMap::new();
        if wait_for_ids {
            part.votes.count(mirror, &article);
        }
        for link in &article.links {
            if wait_for_ids && crate::mirror::ids::corrects(mirror, link) {
                let text = texts
                    .entry(link.block)
                    .or_insert_with(|| block_text(&article, link.block));
                part.waiting.push(Waiting {
                    source,
                    link: link.clone(),
                    snippet: snippet(text, &link.text),
                });
                continue;
            }
            let targets = match reference::resolve(mirror, &article.path, link) {
                Ok(Target::Article { path, .. }) => vec![path],
                Ok(Target::Many(paths)) => paths,
                _ => continue,
            };
            for target in targets {
                let Some(target) = position(&index, &target) else {
                    continue;
                };
                // One record per citing block: a sentence naming it twice is one.
                if target == source || !seen.insert((target, link.block)) {
                    continue;
                }
                let text = texts
                    .entry(link.block)
                    .or_insert_with(|| block_text(&article, link.block));
                let (at, len) = part.snippets.push(&snippet(text, &link.text));
                part.records
                    .push([target, source, to_u32(link.block), at, len]);
            }
        }
    }
    part
}

/// Once every thread is done: the mirror's legacy ids from their votes (set on the
/// mirror and cached, as [`Ids::load_or_build`] would), then the links that waited
/// for them resolved, as a part of their own.
fn resolve_waiting(mirror: &Mirror, parts: &mut [Part]) -> Part {
    let mut votes = Votes::default();
    for part in parts.iter_mut() {
        votes.merge(std::mem::take(&mut part.votes));
    }
    let ids = Ids::from_votes(votes);
    ids.save(mirror);
    mirror.set_legacy_ids(ids);
    let index = mirror.index();
    let mut out = Part::new();
    for part in parts.iter_mut() {
        for wait in std::mem::take(&mut part.waiting) {
            let Some(from) = index.entry(wait.source as usize).map(|e| e.path()) else {
                continue;
            };
            let targets = match reference::resolve(mirror, &from, &wait.link) {
                Ok(Target::Article { path, .. }) => vec![path],
                Ok(Target::Many(paths)) => paths,
                _ => continue,
            };
            let mut pushed = HashSet::new();
            for target in targets {
                let Some(target) = position(&index, &target) else {
                    continue;
                };
                if target == wait.source || !pushed.insert(target) {
                    continue;
                }
                let (at, len) = out.snippets.push(&wait.snippet);
                out.records
                    .push([target, wait.source, to_u32(wait.link.block), at, len]);
            }
        }
    }
    out
}

/// The block's text, cleaned and on one line.
fn block_text(article: &Article, block: usize) -> String {
    let text = article
        .blocks
        .get(block)
        .map(|b| b.plain_text())
        .unwrap_or_default();
    crate::model::sanitize::clean(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` around `cited`, at most `SNIPPET` characters.
pub(super) fn snippet(text: &str, cited: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= SNIPPET {
        return text.to_owned();
    }
    let at = text.find(cited).map_or(0, |b| text[..b].chars().count());
    // A little before the citation only: a list row at 80 columns shows some 65
    // characters of the snippet, and the citation must be among them.
    let start = at.saturating_sub(LEAD).min(chars.len() - SNIPPET);
    let mut out: String = chars[start..start + SNIPPET].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if start + SNIPPET < chars.len() {
        out.push('…');
    }
    out
}

/// Counts and offsets fit in a `u32`: 4 GB of snippets is far past any mirror.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
