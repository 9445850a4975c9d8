//! "Cité par": the articles that cite a given one, by link or by plain-text citation,
//! each with the sentence that cites it. Finding them means resolving every reference
//! of the mirror (what `loi links` does), so it is done once and kept in the cache
//! folder as lines sorted by target, searched in place; rebuilt when the mirror's
//! index is.
//!
//! A line: target path, citing path, block number, snippet, tab-separated (none of
//! them holds a tab: paths are slugs, snippets are cleaned and collapsed).

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::article::Article;
use crate::index::Bytes;
use crate::mirror::Mirror;
use crate::reference::{self, Target};

/// How much of the citing sentence is kept, in characters.
const SNIPPET: usize = 160;

/// One article that cites another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citing {
    /// The citing article's path, relative to the mirror root.
    pub path: String,
    /// Its number, as its file name gives it.
    pub num: String,
    /// The block the citation sits in, to open the article there.
    #[serde(skip)]
    pub block: usize,
    /// The sentence that cites, cut around the citation.
    pub snippet: String,
}

/// The citations of the whole mirror, by target.
#[derive(Debug)]
pub struct Backlinks {
    bytes: Bytes,
    /// Where the first line after the stamp starts.
    first: usize,
}

impl Backlinks {
    /// From the cache when it was built for this index, else built (every article
    /// read and its references resolved) and saved.
    pub fn load_or_build(mirror: &Mirror) -> Backlinks {
        let stamp = format!("{:016x}\n", mirror.index().fingerprint());
        let file = cache_file(mirror);
        if let Some(file) = &file
            && let Some(found) = map(file).filter(|b| b.bytes.starts_with(stamp.as_bytes()))
        {
            return found;
        }
        let text = build(mirror, &stamp);
        if let Some(file) = &file {
            // Not saved is only slower next time.
            let _ = crate::index::cache::save(file, text.as_bytes());
        }
        Backlinks::from_bytes(Bytes::Owned(text.into_bytes()))
    }

    fn from_bytes(bytes: Bytes) -> Backlinks {
        // The first line is the stamp.
        let first = bytes
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| p + 1);
        Backlinks { bytes, first }
    }

    /// The line starting at `start`, and where the next one starts.
    fn line(&self, start: usize) -> (&str, usize) {
        let rest = self.bytes.get(start..).unwrap_or_default();
        let len = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        let text = std::str::from_utf8(&rest[..len]).unwrap_or_default();
        (text, start + len + 1)
    }

    /// The start of the line holding byte `at`, not before `floor` (a line start).
    fn line_start(&self, at: usize, floor: usize) -> usize {
        self.bytes[floor..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(floor, |p| floor + p + 1)
    }

    /// The articles citing the one at `target`, in path order: a binary search over
    /// the bytes, so nothing but the lines it lands on is read.
    pub fn of(&self, target: &str) -> Vec<Citing> {
        let key = |line: &str| line.split('\t').next().unwrap_or_default().to_owned();
        let (mut lo, mut hi) = (self.first, self.bytes.len());
        while lo < hi {
            let start = self.line_start(lo + (hi - lo) / 2, lo);
            let (line, next) = self.line(start);
            if key(line).as_str() < target {
                lo = next.min(hi);
            } else {
                hi = start;
            }
        }
        let mut found = Vec::new();
        let mut at = lo;
        while at < self.bytes.len() {
            let (line, next) = self.line(at);
            let mut cols = line.split('\t');
            if cols.next() != Some(target) {
                break;
            }
            let path = cols.next().unwrap_or_default().to_owned();
            found.push(Citing {
                num: crate::mirror::number_of_file(&path),
                path,
                block: cols.next().and_then(|b| b.parse().ok()).unwrap_or(0),
                snippet: cols.next().unwrap_or_default().to_owned(),
            });
            at = next;
        }
        found
    }
}

/// Every reference of the mirror that leads to an article other than its own, as
/// sorted lines after `stamp`.
fn build(mirror: &Mirror, stamp: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for path in mirror.all_files() {
        let Ok(article) = mirror.load(&path) else {
            continue;
        };
        let mut seen: Vec<(String, usize)> = Vec::new();
        for link in &article.links {
            let targets = match reference::resolve(mirror, &article.path, link) {
                Ok(Target::Article { path, .. }) => vec![path],
                Ok(Target::Many(paths)) => paths,
                _ => continue,
            };
            for target in targets {
                // One line per citing block: a sentence naming it twice is one citation.
                if target == article.path || seen.contains(&(target.clone(), link.block)) {
                    continue;
                }
                seen.push((target.clone(), link.block));
                let snippet = snippet(&article, link.block, &link.text);
                lines.push(format!(
                    "{target}\t{}\t{}\t{snippet}",
                    article.path, link.block
                ));
            }
        }
    }
    lines.sort_unstable();
    let mut out = String::from(stamp);
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The block's text around `cited`, at most `SNIPPET` characters, on one line.
fn snippet(article: &Article, block: usize, cited: &str) -> String {
    let text = article
        .blocks
        .get(block)
        .map(|b| b.plain_text())
        .unwrap_or_default();
    let text = crate::sanitize::clean(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= SNIPPET {
        return text;
    }
    let at = text.find(cited).map_or(0, |b| text[..b].chars().count());
    let start = at.saturating_sub(SNIPPET / 3).min(chars.len() - SNIPPET);
    let mut out: String = chars[start..start + SNIPPET].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if start + SNIPPET < chars.len() {
        out.push('…');
    }
    out
}

fn cache_file(mirror: &Mirror) -> Option<PathBuf> {
    let index = crate::index::cache::cache_file(mirror.root()?)?;
    let name = index.file_name()?.to_str()?.replace("index-", "backlinks-");
    Some(index.with_file_name(name))
}

fn map(file: &Path) -> Option<Backlinks> {
    let f = fs::File::open(file).ok()?;
    // SAFETY: as for the index (index::cache::map): replaced by rename only, and
    // read with bounds checks.
    let mapped = unsafe { memmap2::Mmap::map(&f) }.ok()?;
    Some(Backlinks::from_bytes(Bytes::Mapped(mapped)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_found_by_target() {
        let text =
            "stamp\na.md\tx/l1.md\t0\tvoir a\nb.md\tx/l2.md\t3\tvoir b\nb.md\ty/l3.md\t1\tet b\n";
        let b = Backlinks::from_bytes(Bytes::Owned(text.as_bytes().to_vec()));
        let of_b = b.of("b.md");
        assert_eq!(of_b.len(), 2);
        assert_eq!(of_b[0].num, "L2");
        assert_eq!(of_b[0].block, 3);
        assert_eq!(of_b[1].snippet, "et b");
        assert_eq!(b.of("a.md")[0].path, "x/l1.md");
        assert!(b.of("c.md").is_empty());
        assert!(b.of("").is_empty());
    }

    #[test]
    fn every_target_of_a_long_list_is_found_whole() {
        let mut text = String::from("stamp\n");
        for t in 0..300 {
            for s in 0..(t % 4) {
                text.push_str(&format!("t{t:03}.md\tc/l{s}.md\t{s}\tsnippet {t} {s}\n"));
            }
        }
        let b = Backlinks::from_bytes(Bytes::Owned(text.into_bytes()));
        for t in 0..300 {
            let found = b.of(&format!("t{t:03}.md"));
            assert_eq!(found.len(), t % 4, "t{t}");
            for (s, c) in found.iter().enumerate() {
                assert_eq!(c.snippet, format!("snippet {t} {s}"));
            }
        }
        assert!(b.of("t300.md").is_empty());
        assert!(b.of("a.md").is_empty());
    }
}
