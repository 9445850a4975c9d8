//! The history of articles read (`H`): one JSON line per article opened, appended
//! under the file's lock so that several `loi` at once lose no line, and listed
//! newest first, each article once. A line torn by a full disk or a crash is left
//! alone: the next line starts after it, and readers skip it. Each line names the
//! reader's run that wrote it, so that a dossier can take one session's trail.

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
    /// The run of the reader that opened it ([`this_run`]); `None` in a line written
    /// before loi kept it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<String>,
}

/// This run of loi, told apart from every other: when it started (seconds since
/// 1970) and its process id. The articles one reader opened are its session.
pub fn this_run() -> &'static str {
    static RUN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    RUN.get_or_init(|| {
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        format!("{started}-{}", std::process::id())
    })
}

/// Which articles read a trail holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trail<'a> {
    /// Those of the last reader's session: the run of the newest line (lines that
    /// name no run, from an older loi: the day of the newest line).
    LastSession,
    /// Those of one run ([`this_run`] for the reader's own).
    Run(&'a str),
    /// Those read on or after a day, `YYYY-MM-DD`, whatever the run.
    Since(&'a str),
}

/// The articles of `mirror` a trail holds, in the order they were first read in it,
/// each once, with that first visit.
pub fn trail(file: &Path, mirror: &str, which: Trail) -> io::Result<Vec<Visit>> {
    let text = store::read(file)?;
    let read: Vec<Visit> = text
        .lines()
        .filter_map(|line| serde_json::from_str::<Visit>(line).ok())
        .filter(|v| v.mirror == mirror)
        .collect();
    let session = |v: &Visit| {
        v.run
            .clone()
            .unwrap_or_else(|| crate::model::date::of_seconds(v.at))
    };
    let last = read.last().map(session);
    let mut seen = std::collections::HashSet::new();
    Ok(read
        .into_iter()
        .filter(|v| match which {
            Trail::LastSession => last.as_ref() == Some(&session(v)),
            Trail::Run(run) => v.run.as_deref() == Some(run),
            Trail::Since(day) => crate::model::date::of_seconds(v.at).as_str() >= day,
        })
        .filter(|v| seen.insert(v.path.clone()))
        .collect())
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
            run: None,
        }
    }

    #[test]
    fn a_trail_is_one_session_or_the_days_since_in_the_order_first_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("history.jsonl");
        let day = 86_400;
        let in_run = |path: &str, at: u64, run: Option<&str>| Visit {
            run: run.map(str::to_owned),
            ..visit(path, at)
        };
        // An older loi's lines (no run), a day apart; then two runs, the second
        // reading b.md again, then c.md and b.md once more.
        for v in [
            in_run("old.md", 1, None),
            in_run("a.md", day, None),
            in_run("z.md", day + 5, None),
            in_run("a.md", 2 * day, Some("r1")),
            in_run("b.md", 2 * day + 1, Some("r2")),
            in_run("c.md", 2 * day + 2, Some("r2")),
            in_run("b.md", 2 * day + 3, Some("r2")),
            Visit {
                mirror: "other".into(),
                ..in_run("x.md", 2 * day + 4, Some("r2"))
            },
        ] {
            record(&file, &v).expect("record");
        }
        let paths = |which| -> Vec<String> {
            trail(&file, "m", which)
                .expect("read")
                .into_iter()
                .map(|v| v.path)
                .collect()
        };
        assert_eq!(paths(Trail::LastSession), ["b.md", "c.md"]);
        assert_eq!(paths(Trail::Run("r1")), ["a.md"]);
        assert_eq!(
            paths(Trail::Since("1970-01-02")),
            ["a.md", "z.md", "b.md", "c.md"]
        );
        record(&file, &in_run("y.md", 3 * day, None)).expect("record");
        assert_eq!(paths(Trail::LastSession), ["y.md"], "an older loi's day");
        assert!(paths(Trail::Run("r3")).is_empty());
        assert_eq!(this_run(), this_run(), "one run for the whole process");
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
