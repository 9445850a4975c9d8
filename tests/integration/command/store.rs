//! Two `loi` at once: processes (this test binary run again as a helper) writing the
//! history of articles read and the bookmarks in the same files lose nothing and
//! leave every line whole.

use std::path::{Path, PathBuf};
use std::process::Command;

use loi::saved::bookmarks::{self, Bookmark};
use loi::saved::visits::{self, Visit};

const PER_WRITER: usize = 300;
const BOOKMARKS_PER_WRITER: usize = 40;

/// The helper: does nothing unless run by the test below, which names the folder.
#[test]
fn writer() {
    let (Some(dir), Some(id)) = (
        std::env::var_os("LOI_TEST_WRITER_DIR"),
        std::env::var("LOI_TEST_WRITER_ID").ok(),
    ) else {
        return;
    };
    let dir = PathBuf::from(dir);
    for i in 0..PER_WRITER {
        let visit = Visit {
            mirror: "m".into(),
            path: format!("code/{id}-{i}.md"),
            num: format!("L{i}"),
            at: 1,
            run: None,
        };
        visits::record(&dir.join("history.jsonl"), &visit).expect("record");
        if i < BOOKMARKS_PER_WRITER {
            let mark = Bookmark {
                mirror: "m".into(),
                path: format!("code/{id}-{i}.md"),
                num: format!("L{i}"),
                block: None,
                point: String::new(),
                at: 1,
            };
            bookmarks::add(&dir.join("bookmarks.json"), mark).expect("bookmark");
        }
    }
}

fn spawn_writer(dir: &Path, id: &str) -> std::process::Child {
    // The test's name as the harness lists it: its module path, the binary's name off.
    let module = module_path!().split_once("::").map_or("", |(_, m)| m);
    let writer = format!("{module}::writer");
    Command::new(std::env::current_exe().expect("the test binary"))
        .args(["--exact", &writer, "--test-threads=1", "--quiet"])
        .env("LOI_TEST_WRITER_DIR", dir)
        .env("LOI_TEST_WRITER_ID", id)
        .spawn()
        .expect("spawn a writer")
}

#[test]
fn two_processes_writing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let writers = [spawn_writer(dir.path(), "a"), spawn_writer(dir.path(), "b")];
    for mut w in writers {
        assert!(w.wait().expect("wait").success(), "a writer failed");
    }
    let text = std::fs::read_to_string(dir.path().join("history.jsonl")).expect("history");
    assert_eq!(text.lines().count(), 2 * PER_WRITER, "one line per visit");
    for line in text.lines() {
        serde_json::from_str::<Visit>(line).unwrap_or_else(|e| panic!("{e}: {line:?}"));
    }
    let list = visits::newest_first(&dir.path().join("history.jsonl"), "m").expect("read");
    assert_eq!(list.len(), 2 * PER_WRITER, "every article, once");
    let marks = bookmarks::load(&dir.path().join("bookmarks.json")).expect("bookmarks");
    assert_eq!(marks.len(), 2 * BOOKMARKS_PER_WRITER);
}
