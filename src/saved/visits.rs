//! The history of articles read (`H`): one JSON line per article opened, appended
//! under the file's lock so that several `loi` at once lose no line, and listed
//! newest first, each article once. A line torn by a full disk or a crash is left
//! alone: the next line starts after it, and readers skip it.

use std::io;
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

/// Appends `visit` to `file` (after a newline if the last line was torn, so that
/// this one is read whole).
pub fn record(file: &Path, visit: &Visit) -> io::Result<()> {
    let line = serde_json::to_string(visit).map_err(io::Error::other)?;
    store::locked(file, || {
        if store::append_unlocked(file, &line)? > COMPACT_AT {
            // Each article's latest line as it was written: a field of another
            // version of loi stays; torn lines go.
            let text = store::read(file)?;
            let mut kept: Vec<&str> = latest(&text, None).into_iter().map(|(_, l)| l).collect();
            kept.reverse();
            let mut out = kept.join("\n");
            out.push('\n');
            store::write_atomic(file, out.as_bytes())?;
        }
        Ok(())
    })
}

/// The articles read in `mirror`, newest first, each once (a line being written as
/// it is read, or damaged, is skipped; the lines after it are read).
pub fn newest_first(file: &Path, mirror: &str) -> io::Result<Vec<Visit>> {
    Ok(latest(&store::read(file)?, Some(mirror))
        .into_iter()
        .map(|(v, _)| v)
        .collect())
}

/// Each article's latest visit and its line, newest first, of one mirror or all.
fn latest<'a>(text: &'a str, mirror: Option<&str>) -> Vec<(Visit, &'a str)> {
    let mut seen = std::collections::HashSet::new();
    text.lines()
        .rev()
        .filter_map(|line| Some((serde_json::from_str::<Visit>(line).ok()?, line)))
        .filter(|(v, _)| mirror.is_none_or(|m| v.mirror == m))
        .filter(|(v, _)| seen.insert((v.mirror.clone(), v.path.clone())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

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

    #[test]
    fn a_visit_after_a_torn_line_is_read_and_so_are_the_ones_before() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("history.jsonl");
        record(&file, &visit("a.md", 1)).expect("record");
        record(&file, &visit("b.md", 2)).expect("record");
        // A full disk cut the next line short: no newline after it.
        std::fs::OpenOptions::new()
            .append(true)
            .open(&file)
            .and_then(|mut f| f.write_all(br#"{"mirror":"m","path":"torn.md","nu"#))
            .expect("a torn line");
        record(&file, &visit("c.md", 3)).expect("record");
        let list = newest_first(&file, "m").expect("read");
        let paths: Vec<&str> = list.iter().map(|v| v.path.as_str()).collect();
        assert_eq!(paths, ["c.md", "b.md", "a.md"]);
        let text = std::fs::read_to_string(&file).expect("read");
        assert_eq!(
            text.lines().count(),
            4,
            "the torn line alone on its own: {text}"
        );
    }

    #[test]
    fn compacting_keeps_fields_it_does_not_know_and_drops_torn_lines() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("history.jsonl");
        std::fs::write(
            &file,
            "{\"mirror\":\"m\",\"path\":\"x.md\",\"num\":\"X\",\"at\":1,\"scroll\":7}\n{\"torn\n\u{ff}\n",
        )
        .expect("write");
        // Past COMPACT_AT: compacted at least once.
        for i in 0..12_000u64 {
            record(&file, &visit(&format!("{}.md", i % 50), i)).expect("record");
        }
        let text = std::fs::read_to_string(&file).expect("read");
        assert!(
            text.contains(r#""path":"x.md","num":"X","at":1,"scroll":7}"#),
            "{}",
            &text[..200]
        );
        assert!(!text.contains("torn"));
        assert_eq!(newest_first(&file, "m").expect("read").len(), 51);
    }

    #[test]
    fn a_history_that_is_a_folder_is_an_error_not_a_hang_nor_a_write() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("history.jsonl");
        std::fs::create_dir(&file).expect("a folder");
        assert!(record(&file, &visit("a.md", 1)).is_err());
        assert!(newest_first(&file, "m").is_err());
        assert!(file.is_dir());
    }
}
