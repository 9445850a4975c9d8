//! The history of articles read (`H`): one JSON line per article opened, appended
//! under the file's lock so that several `loi` at once lose no line, and listed
//! newest first, each article once.

use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::saved::store;

/// One article opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    /// The mirror it is in (see `session::mirror_key`).
    pub mirror: String,
    /// The article's path in the mirror.
    pub path: String,
    /// The article's number: `L6123-1`.
    pub num: String,
    /// When, in seconds since 1970.
    pub at: u64,
}

/// Past this size the file is rewritten with each article's latest visit only.
const COMPACT_AT: u64 = 512 * 1024;

/// Appends `visit` to `file`.
pub fn record(file: &Path, visit: &Visit) -> io::Result<()> {
    let mut line = serde_json::to_string(visit).map_err(io::Error::other)?;
    line.push('\n');
    store::locked(file, || {
        let mut out = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(file)?;
        out.write_all(line.as_bytes())?;
        if out.metadata()?.len() > COMPACT_AT {
            let kept: Vec<Visit> = latest(&store::read(file)?, None);
            let mut text = String::new();
            for v in kept.iter().rev() {
                text.push_str(&serde_json::to_string(v).map_err(io::Error::other)?);
                text.push('\n');
            }
            store::write_atomic(file, text.as_bytes())?;
        }
        Ok(())
    })
}

/// The articles read in `mirror`, newest first, each once (a line being written as
/// it is read, or damaged, is skipped).
pub fn newest_first(file: &Path, mirror: &str) -> io::Result<Vec<Visit>> {
    Ok(latest(&store::read(file)?, Some(mirror)))
}

/// Each article's latest visit, newest first, of one mirror or all.
fn latest(text: &str, mirror: Option<&str>) -> Vec<Visit> {
    let mut seen = std::collections::HashSet::new();
    text.lines()
        .rev()
        .filter_map(|line| serde_json::from_str::<Visit>(line).ok())
        .filter(|v| mirror.is_none_or(|m| v.mirror == m))
        .filter(|v| seen.insert((v.mirror.clone(), v.path.clone())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(path: &str, at: u64) -> Visit {
        Visit {
            mirror: "m".into(),
            path: path.into(),
            num: path.trim_end_matches(".md").to_uppercase(),
            at,
        }
    }

    #[test]
    fn newest_first_each_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("history.jsonl");
        for (p, at) in [("a.md", 1), ("b.md", 2), ("a.md", 3), ("c.md", 4)] {
            record(&file, &visit(p, at)).expect("record");
        }
        std::fs::OpenOptions::new()
            .append(true)
            .open(&file)
            .and_then(|mut f| f.write_all(b"{\"broken"))
            .expect("a torn line");
        let list = newest_first(&file, "m").expect("read");
        let paths: Vec<&str> = list.iter().map(|v| v.path.as_str()).collect();
        assert_eq!(paths, ["c.md", "a.md", "b.md"]);
        assert!(newest_first(&file, "n").expect("read").is_empty());
    }

    #[test]
    fn a_long_history_is_compacted_keeping_every_article() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("history.jsonl");
        for i in 0..6000u64 {
            record(&file, &visit(&format!("{}.md", i % 50), i)).expect("record");
        }
        assert!(std::fs::metadata(&file).expect("size").len() <= COMPACT_AT);
        let list = newest_first(&file, "m").expect("read");
        assert_eq!(list.len(), 50);
        assert_eq!(list[0].at, 5999);
    }
}
