//! Issue 22, item 1: the caches built from a mirror's text (the word index, the
//! backlinks) follow the mirror when it changes under them. An article edited in
//! place (its size and the second of its time kept), one added to a folder that
//! already had some, a citation removed: `loi search` and `loi backlinks` answer from
//! the text as it is, never from the text the cache was built from.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The folder of the test mirror's articles.
const LIVRE: &str = "code-du-travail/partie-legislative/livre-i";

/// A whole second an hour back: the time every file and folder of the mirror is
/// given, as between two edits (times just written are not trusted by the caches).
fn an_hour_ago() -> SystemTime {
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    SystemTime::UNIX_EPOCH + Duration::from_secs(secs - 3600)
}

fn set_time(path: &Path, time: SystemTime) {
    let file = if path.is_dir() {
        fs::File::open(path)
    } else {
        fs::File::options().write(true).open(path)
    };
    file.and_then(|f| f.set_modified(time)).expect("set time");
}

/// Every file and folder under `root` given `time`.
fn age(root: &Path, time: SystemTime) {
    for entry in fs::read_dir(root).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            age(&path, time);
        } else {
            set_time(&path, time);
        }
    }
    set_time(root, time);
}

struct Mirror {
    _dir: tempfile::TempDir,
    root: PathBuf,
    cache: PathBuf,
}

impl Mirror {
    fn new() -> Mirror {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("mirror");
        let cache = dir.path().join("cache");
        fs::create_dir_all(root.join(LIVRE)).expect("mkdir");
        for (name, text) in [
            ("l1-1.md", "<p>Selon l'article L. 1-2, alpha beta.</p>"),
            ("l1-2.md", "<p>Texte du second article.</p>"),
            ("l1-3.md", "<p>Rien ici, gamma.</p>"),
        ] {
            let num = name.trim_end_matches(".md").to_uppercase();
            fs::write(
                root.join(LIVRE).join(name),
                format!("# Article {num}\n\n{text}\n"),
            )
            .expect("write");
        }
        Mirror {
            _dir: dir,
            root,
            cache,
        }
    }

    fn loi(&self, args: &[&str]) -> Vec<String> {
        let out = crate::support::loi()
            .arg("--mirror")
            .arg(&self.root)
            .args(args)
            .env("XDG_CACHE_HOME", &self.cache)
            .output()
            .expect("run loi");
        String::from_utf8(out.stdout)
            .expect("utf-8")
            .lines()
            .map(|l| l.split('\t').take(2).collect::<Vec<_>>().join(" "))
            .collect()
    }

    fn search(&self, words: &str) -> Vec<String> {
        self.loi(&["search", words])
    }

    fn cited_by(&self, num: &str) -> Vec<String> {
        self.loi(&["backlinks", num])
    }

    /// Writes `from` as `to` in article `name`, in place (the same file), and gives
    /// it back the second of `time`, a millisecond later.
    fn edit(&self, name: &str, from: &str, to: &str, time: SystemTime) {
        let path = self.root.join(LIVRE).join(name);
        let text = fs::read_to_string(&path).expect("read");
        assert!(text.contains(from));
        fs::write(&path, text.replace(from, to)).expect("write in place");
        set_time(&path, time + Duration::from_millis(1));
    }
}

fn l(n: &str) -> String {
    format!("{LIVRE}/l{n}.md L{n}")
}

#[test]
fn search_and_backlinks_follow_an_edit_of_the_same_size_and_second() {
    let m = Mirror::new();
    let then = an_hour_ago();
    age(&m.root, then);
    // Both caches built, from the text as it is.
    m.loi(&["index-words"]);
    assert_eq!(m.search("alpha"), [l("1-1")]);
    assert_eq!(m.cited_by("L1-2"), [l("1-1")]);
    assert!(m.cited_by("L1-3").is_empty());
    // The same size, and the same second: only the nanoseconds tell.
    m.edit("l1-1.md", "alpha", "omega", then);
    m.edit("l1-1.md", "L. 1-2", "L. 1-3", then);
    assert_eq!(m.search("omega"), [l("1-1")], "a word added");
    assert!(m.search("alpha").is_empty(), "a word no longer there");
    assert!(m.cited_by("L1-2").is_empty(), "a citation removed");
    assert_eq!(m.cited_by("L1-3"), [l("1-1")], "a citation added");
    // And once more, the caches having been patched for the first edit.
    m.edit("l1-3.md", "gamma", "delta", then);
    assert_eq!(m.search("delta"), [l("1-3")]);
    assert!(m.search("gamma").is_empty());
}

#[test]
fn an_article_added_to_a_folder_is_searched_and_cites() {
    let m = Mirror::new();
    age(&m.root, an_hour_ago());
    m.loi(&["index-words"]);
    assert!(m.search("zeta").is_empty());
    assert_eq!(m.cited_by("L1-2"), [l("1-1")]);
    fs::write(
        m.root.join(LIVRE).join("l1-4.md"),
        "# Article L1-4\n\n<p>Comme l'article L. 1-2, zeta.</p>\n",
    )
    .expect("write");
    assert_eq!(m.search("zeta"), [l("1-4")]);
    assert_eq!(m.cited_by("L1-2"), [l("1-1"), l("1-4")]);
    // Removed again: neither answers with it.
    fs::remove_file(m.root.join(LIVRE).join("l1-4.md")).expect("rm");
    assert!(m.search("zeta").is_empty());
    assert_eq!(m.cited_by("L1-2"), [l("1-1")]);
}
