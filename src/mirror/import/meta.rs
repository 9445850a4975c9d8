//! What a mirror made by `loi import` keeps beside its articles, in `.loi/` (hidden,
//! so that nothing reading articles walks it): `mirror.json` (the codes, where they
//! came from, the date of their data, a generation that each import bumps) and, per
//! code, `codes/FOLDER.jsonl`: one JSON object per article (ids, state, dates, Nota,
//! versions, the texts that made or changed it, and, from LEGI, the texts it cites or
//! that cite it). A mirror made from DILA's LEGI archives also keeps, in
//! `versions/FOLDER/LEGIARTI….html`, the text of every version of its articles that
//! is not the one in force (past `MODIFIE` ones, future `VIGUEUR_DIFF` ones), named by
//! the version's id as `versions` lists it, in the mirror's HTML (anchors keep only
//! their `href`, as Légifrance wrote it). The README's « Corpus format » says the same
//! for users. A mirror without `.loi/` reads as before.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// The folder of the metadata, under the mirror's root.
pub const DIR: &str = ".loi";

/// The layout's version an import writes: 2, each code's lines sorted by path (1:
/// in the order of the source).
pub const FORMAT: u32 = 2;

/// The folder of the versions' texts, under [`DIR`].
pub const VERSIONS: &str = "versions";

/// `.loi/mirror.json`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MirrorMeta {
    /// This layout's version: [`FORMAT`].
    pub format: u32,
    /// One more at each import: the caches of the mirror are stamped with it.
    pub generation: u64,
    /// When the last import ran (UTC, `YYYY-MM-DD`).
    pub imported: String,
    pub codes: Vec<CodeMeta>,
    /// The timestamp (`20250715-213512`) of the last LEGI archive applied: a daily
    /// archive applies only on a mirror made from LEGI, after the ones before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legi: Option<String>,
}

/// One code of the mirror.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CodeMeta {
    /// `LEGITEXT000006072050`.
    pub id: String,
    pub title: String,
    /// The code's folder: `code-du-travail`.
    pub folder: String,
    pub articles: usize,
    /// The date the data was consolidated, as the source says (`dateModif`).
    pub data_date: Option<String>,
    /// The file it was imported from.
    pub source: String,
}

pub use crate::model::state::{ArticleMeta, ChangeMeta, VersionMeta};

/// Whether `root` is a mirror `loi import` made: one look, nothing read (asked at
/// every start without a mirror named).
pub fn is_imported(root: &Path) -> bool {
    root.join(DIR).join("mirror.json").is_file()
}

/// The mirror's `.loi/mirror.json`, when it has one that reads.
pub fn read_mirror(root: &Path) -> Option<MirrorMeta> {
    let bytes = std::fs::read(root.join(DIR).join("mirror.json")).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The generation of the mirror at `root` (0 when it was not imported): what the
/// caches of its index are stamped with, besides its files' names.
pub fn generation(root: &Path) -> u64 {
    #[derive(Deserialize)]
    struct Only {
        generation: u64,
    }
    std::fs::read(root.join(DIR).join("mirror.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<Only>(&b).ok())
        .map_or(0, |o| o.generation)
}

/// The articles of one code of an imported mirror, as its metadata lists them.
pub fn read_code(root: &Path, folder: &str) -> Vec<ArticleMeta> {
    let mut all = Vec::new();
    each_in_code(root, folder, &mut |a| all.push(a));
    all
}

/// Calls `f` with each article of one code's metadata, a line at a time (a large
/// code's metadata is never held whole). A line that does not read is skipped.
pub fn each_in_code(root: &Path, folder: &str, f: &mut dyn FnMut(ArticleMeta)) {
    use std::io::BufRead;
    let file = root.join(DIR).join("codes").join(format!("{folder}.jsonl"));
    let Ok(file) = std::fs::File::open(file) else {
        return;
    };
    for line in std::io::BufReader::new(file).lines().map_while(Result::ok) {
        if let Ok(a) = serde_json::from_str(&line) {
            f(a);
        }
    }
}

/// The line of `path` (from the mirror's root) in its code's metadata: a binary search
/// over the lines, which an import writes sorted by path ([`sort_lines`]), reading a
/// few pages of a file of megabytes. A miss is a miss, but in a mirror of format 1,
/// whose files an import wrote unsorted: that one is read whole.
pub fn find(root: &Path, path: &str) -> Option<ArticleMeta> {
    let folder = path.split('/').next()?;
    let file = root.join(DIR).join("codes").join(format!("{folder}.jsonl"));
    let file = std::fs::File::open(file).ok()?;
    if let Some(line) = search::line(&file, path.as_bytes()) {
        return serde_json::from_slice(&line).ok();
    }
    if read_mirror(root).is_some_and(|m| m.format >= FORMAT) {
        return None;
    }
    let mut found = None;
    each_in_code(root, folder, &mut |a| {
        if found.is_none() && a.path == path {
            found = Some(a);
        }
    });
    found
}

/// Sorts the lines of a code's metadata by path (the key of [`find`]).
pub fn sort_lines(file: &Path) -> std::io::Result<()> {
    let bytes = std::fs::read(file)?;
    let mut lines: Vec<&[u8]> = bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_sorted_by_key(|l| search::key(l)) {
        return Ok(());
    }
    lines.sort_by_key(|l| search::key(l));
    let mut out = Vec::with_capacity(bytes.len());
    for line in lines {
        out.extend_from_slice(line);
        out.push(b'\n');
    }
    std::fs::write(file, out)
}

mod search {
    use std::cmp::Ordering;
    use std::fs::File;
    use std::os::unix::fs::FileExt;

    const PREFIX: &[u8] = br#"{"path":""#;

    /// A line's path: what follows `{"path":"` up to the closing quote (paths are
    /// slugs: nothing in them is escaped).
    pub fn key(line: &[u8]) -> &[u8] {
        let rest = line.strip_prefix(PREFIX).unwrap_or(line);
        let end = rest.iter().position(|&b| b == b'"').unwrap_or(rest.len());
        &rest[..end]
    }

    /// Reads from `at` to the end of its line (or of the file), `chunk` bytes at a
    /// time: a probe needs only a line's start, the match the whole line.
    fn read_line(file: &File, at: u64, chunk: usize, whole: bool) -> Option<Vec<u8>> {
        let mut line = Vec::new();
        let mut buf = vec![0u8; chunk];
        let mut pos = at;
        loop {
            let n = file.read_at(&mut buf, pos).ok()?;
            if n == 0 {
                return Some(line);
            }
            if let Some(nl) = buf[..n].iter().position(|&b| b == b'\n') {
                line.extend_from_slice(&buf[..nl]);
                return Some(line);
            }
            line.extend_from_slice(&buf[..n]);
            // A key ends at the path's closing quote: enough of the line for a probe.
            if !whole && key_complete(&line) {
                return Some(line);
            }
            pos += n as u64;
        }
    }

    /// Whether `line` holds its whole key (the path's closing quote is in it).
    fn key_complete(line: &[u8]) -> bool {
        line.strip_prefix(PREFIX)
            .is_some_and(|rest| rest.contains(&b'"'))
    }

    /// Where the line after the one holding byte `at - 1` starts.
    fn next_start(file: &File, at: u64) -> Option<u64> {
        let mut buf = [0u8; 512];
        let mut pos = at - 1;
        loop {
            let n = file.read_at(&mut buf, pos).ok()?;
            if n == 0 {
                return Some(pos);
            }
            if let Some(nl) = buf[..n].iter().position(|&b| b == b'\n') {
                return Some(pos + nl as u64 + 1);
            }
            pos += n as u64;
        }
    }

    /// The first line starting at or after byte `at`, where it starts, and its start
    /// (at least its key).
    fn line_after(file: &File, at: u64, size: u64) -> Option<(u64, Vec<u8>)> {
        let start = if at == 0 { 0 } else { next_start(file, at)? };
        (start < size).then(|| read_line(file, start, 1024, false).map(|l| (start, l)))?
    }

    /// The line whose key is `want`, in a file sorted by key.
    pub fn line(file: &File, want: &[u8]) -> Option<Vec<u8>> {
        let size = file.metadata().ok()?.len();
        let (mut lo, mut hi) = (0u64, size);
        // Invariant: every line starting before `lo` has a smaller key; the line
        // sought, if any, starts in [lo, hi).
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let Some((start, line)) = line_after(file, mid, size) else {
                hi = mid;
                continue;
            };
            if start >= hi {
                hi = mid;
                continue;
            }
            match key(&line).cmp(want) {
                Ordering::Equal => return read_line(file, start, 4096, true),
                Ordering::Less => lo = start + 1,
                Ordering::Greater => hi = mid,
            }
        }
        // `lo` may sit at the start of the one line the probes stepped over.
        let (start, line) = line_after(file, lo, size)?;
        (key(&line) == want).then(|| read_line(file, start, 4096, true))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mirror_with(lines: &[String]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let codes = dir.path().join(DIR).join("codes");
        std::fs::create_dir_all(&codes).unwrap();
        std::fs::write(codes.join("c.jsonl"), lines.concat()).unwrap();
        dir
    }

    fn line(path: &str, nota_len: usize) -> String {
        let a = ArticleMeta {
            path: path.into(),
            num: path.into(),
            nota: Some("n".repeat(nota_len)),
            ..ArticleMeta::default()
        };
        serde_json::to_string(&a).unwrap() + "\n"
    }

    #[test]
    fn every_line_of_a_sorted_file_is_found_and_no_other() {
        // Lines short and long (past the 4 KB read), paths that prefix each other.
        let mut paths: Vec<String> = (0..300).map(|i| format!("c/s/l{i}.md")).collect();
        paths.push("c/s/l1.md-bis".into());
        paths.push("c/t.md".into());
        paths.sort();
        let lines: Vec<String> = paths
            .iter()
            .enumerate()
            .map(|(i, p)| line(p, (i * 997) % 9000))
            .collect();
        let dir = mirror_with(&lines);
        for p in &paths {
            assert_eq!(find(dir.path(), p).map(|a| a.path), Some(p.clone()));
        }
        for absent in ["c/a.md", "c/s/l1", "c/s/l10.mc", "c/u.md", "c/s/l299.md-"] {
            assert!(find(dir.path(), absent).is_none(), "{absent}");
        }
        assert!(find(dir.path(), "d/s/l1.md").is_none(), "no such code");
    }

    #[test]
    fn an_unsorted_file_is_sorted_once_and_read_whole_before() {
        let lines: Vec<String> = ["c/z.md", "c/a.md", "c/m.md"]
            .iter()
            .map(|p| line(p, 10))
            .collect();
        let dir = mirror_with(&lines);
        for p in ["c/z.md", "c/a.md", "c/m.md"] {
            assert_eq!(find(dir.path(), p).map(|a| a.path).as_deref(), Some(p));
        }
        // A mirror of today's format says its files are sorted: a miss is not
        // followed by a read of the whole file, so the unsorted one loses lines.
        let current = MirrorMeta {
            format: FORMAT,
            ..MirrorMeta::default()
        };
        let json = dir.path().join(DIR).join("mirror.json");
        std::fs::write(&json, serde_json::to_string(&current).unwrap()).unwrap();
        let found = ["c/z.md", "c/a.md", "c/m.md"]
            .iter()
            .filter(|p| find(dir.path(), p).is_some())
            .count();
        assert!(
            found < 3,
            "the binary search alone misses in an unsorted file"
        );
        std::fs::remove_file(&json).unwrap();
        let file = dir.path().join(DIR).join("codes").join("c.jsonl");
        sort_lines(&file).unwrap();
        let sorted = std::fs::read_to_string(&file).unwrap();
        let order: Vec<String> = sorted
            .lines()
            .map(|l| serde_json::from_str::<ArticleMeta>(l).unwrap().path)
            .collect();
        assert_eq!(order, ["c/a.md", "c/m.md", "c/z.md"]);
        sort_lines(&file).unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), sorted);
    }
}
