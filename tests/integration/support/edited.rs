//! A small mirror whose articles the tests edit under loi (issue 22, item 1): three
//! articles of one folder, the first citing the second, each file and folder given a
//! time an hour back, as between two edits (times just written are not trusted by the
//! caches), and the caches of its own.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The folder of the test mirror's articles.
pub const LIVRE: &str = "code-du-travail/partie-legislative/livre-i";

/// A whole second an hour back: the time every file and folder of the mirror is
/// given, as between two edits (times just written are not trusted by the caches).
pub fn an_hour_ago() -> SystemTime {
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    SystemTime::UNIX_EPOCH + Duration::from_secs(secs - 3600)
}

pub fn set_time(path: &Path, time: SystemTime) {
    let file = if path.is_dir() {
        fs::File::open(path)
    } else {
        fs::File::options().write(true).open(path)
    };
    file.and_then(|f| f.set_modified(time)).expect("set time");
}

/// Every file and folder under `root` given `time`.
pub fn age(root: &Path, time: SystemTime) {
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

pub struct Mirror {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
    pub cache: PathBuf,
}

impl Mirror {
    pub fn new() -> Mirror {
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

    pub fn loi(&self, args: &[&str]) -> Vec<String> {
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

    pub fn search(&self, words: &str) -> Vec<String> {
        self.loi(&["search", words])
    }

    pub fn cited_by(&self, num: &str) -> Vec<String> {
        self.loi(&["backlinks", num])
    }

    /// Writes `from` as `to` in article `name`, in place (the same file), and gives
    /// it back the second of `time`, a millisecond later.
    pub fn edit(&self, name: &str, from: &str, to: &str, time: SystemTime) {
        let path = self.root.join(LIVRE).join(name);
        let text = fs::read_to_string(&path).expect("read");
        assert!(text.contains(from));
        fs::write(&path, text.replace(from, to)).expect("write in place");
        set_time(&path, time + Duration::from_millis(1));
    }
}

pub fn l(n: &str) -> String {
    format!("{LIVRE}/l{n}.md L{n}")
}
