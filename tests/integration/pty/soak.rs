//! kill -9 at random moments while loi writes what a user owns (bookmarks, history,
//! session), builds its caches (the name index, the word index, the backlinks) and
//! imports a mirror: nothing written before the kill is lost, nothing answered after
//! it is wrong, no build hangs on what a dead one left, and the next whole run leaves
//! no lock, no partial run and no temporary file behind.
//!
//! `LOI_SOAK` is the number of kills (10 by default, two of each kind; the 200 of
//! docs/RELIABILITY.md are `LOI_SOAK=200 cargo test --release --test integration soak
//! -- --nocapture`), `LOI_SOAK_SEED` the moments (printed, so a failure can be run
//! again). Each kill falls at a moment drawn between the start and 1.2 times the length
//! of a whole run of the same command, measured first.

use crate::support::corpus::files;
use crate::support::legi_data::package;
use crate::support::pty::Pty;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const LOI: &str = env!("CARGO_BIN_EXE_loi");
const CRPA: &str = "code-des-relations-entre-le-public-et-ladministration";
/// Long enough for a debug build on a loaded machine: a run past it has hung.
const HANG: Duration = Duration::from_secs(120);

/// The moments: xorshift, so that a seed gives the same kills again.
struct Moments(u64);

impl Moments {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A moment in `0..=1.2 × whole`.
    fn within(&mut self, whole: Duration) -> Duration {
        let span = whole.as_micros() as u64 * 6 / 5 + 1;
        Duration::from_micros(self.next() % span)
    }
}

/// loi's own folders (config, data, cache) and the mirrors, for one soak.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn cache(&self) -> PathBuf {
        self.path("cache").join("loi")
    }

    fn data(&self, file: &str) -> PathBuf {
        self.path("data").join("loi").join(file)
    }

    fn env(&self) -> [(&'static str, String); 4] {
        let dir = |n: &str| self.path(n).to_string_lossy().into_owned();
        [
            ("XDG_CONFIG_HOME", dir("config")),
            ("XDG_DATA_HOME", dir("data")),
            ("XDG_CACHE_HOME", dir("cache")),
            ("LANGUAGE", "en".to_owned()),
        ]
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(LOI);
        c.args(args)
            .envs(self.env())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c
    }

    /// `loi args` to its end, which must come before [`HANG`].
    fn run(&self, args: &[&str]) -> Output {
        let child = self.command(args).spawn().expect("loi runs");
        finish(child, args)
    }

    /// `loi args`, killed after `after` if still running; whether it was.
    fn killed(&self, args: &[&str], after: Duration) -> bool {
        let mut child = self
            .command(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("loi runs");
        std::thread::sleep(after);
        let running = child.try_wait().expect("wait").is_none();
        child.kill().expect("kill -9");
        child.wait().expect("reaped");
        running
    }

    /// The reader in a pseudo-terminal, with these folders.
    fn reader(&self, args: &[&str]) -> Pty {
        let env = self.env();
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        Pty::spawn(Path::new(LOI), args, &env, 80, 24)
    }
}

fn finish(child: Child, args: &[&str]) -> Output {
    // Read in a thread of its own: a full pipe would stop the program.
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(child.wait_with_output()));
    match rx.recv_timeout(HANG) {
        Ok(out) => out.expect("output"),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("loi {args:?} hung past {HANG:?}");
        }
    }
}

/// The cache folder's files whose name starts with one of `kinds`.
fn cache_files(home: &Home, kinds: &[&str]) -> Vec<PathBuf> {
    let Ok(dir) = fs::read_dir(home.cache()) else {
        return Vec::new();
    };
    dir.filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            kinds.iter().any(|k| name.starts_with(k))
        })
        .collect()
}

/// What a dead or finished build may not leave: locks, partial runs, temporary files.
fn leftovers(folder: &Path) -> Vec<String> {
    let Ok(dir) = fs::read_dir(folder) else {
        return Vec::new();
    };
    dir.filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".lock") || n.contains("runs") || n.contains(".tmp"))
        .collect()
}

/// Waits for the cache folder to hold no lock, no run, no temporary file.
fn settle(home: &Home, round: usize) {
    let start = Instant::now();
    while !leftovers(&home.cache()).is_empty() {
        assert!(
            start.elapsed() < HANG,
            "round {round}: {:?} still there after {HANG:?}",
            leftovers(&home.cache())
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The bookmarks in the file as (mirror, path), which must be readable JSON.
fn bookmarks(home: &Home) -> Vec<(String, String)> {
    let Ok(text) = fs::read_to_string(home.data("bookmarks.json")) else {
        return Vec::new();
    };
    let all: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("bookmarks.json unreadable after a kill ({e}): {text}"));
    let list = all
        .as_array()
        .or_else(|| all.get("bookmarks").and_then(|b| b.as_array()))
        .unwrap_or_else(|| panic!("bookmarks.json holds no list: {text}"));
    list.iter()
        .map(|b| {
            let field = |f: &str| b[f].as_str().unwrap_or_default().to_owned();
            (field("mirror"), field("path"))
        })
        .collect()
}

/// The sessions in the file, by mirror, which must be readable JSON when it exists.
fn sessions(home: &Home) -> serde_json::Map<String, serde_json::Value> {
    let Ok(text) = fs::read_to_string(home.data("session.json")) else {
        return serde_json::Map::new();
    };
    match serde_json::from_str(&text) {
        Ok(serde_json::Value::Object(all)) => all,
        _ => panic!("session.json unreadable after a kill: {text}"),
    }
}

/// The path of the article shown in `mirror`'s session.
fn shown(sessions: &serde_json::Map<String, serde_json::Value>, mirror: &str) -> Option<String> {
    let s = sessions.get(mirror)?;
    let pos = s["pos"].as_u64()? as usize;
    Some(s["stack"][pos]["path"].as_str()?.to_owned())
}

/// Waits for `needle` on the screen; false when loi died first.
fn seen(p: &mut Pty, needle: &str) -> bool {
    let start = Instant::now();
    loop {
        if p.screen().contains(needle) {
            return true;
        }
        if p.wait_exit(Duration::ZERO).is_some() {
            return p.screen().contains(needle);
        }
        assert!(
            start.elapsed() < HANG,
            "{needle:?} never came:\n{}",
            p.screen()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Kills `pid` after `after`, from a thread of its own.
fn kill_later(pid: u32, after: Duration) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        std::thread::sleep(after);
        let _ = Command::new("kill")
            .args(["-9", &pid.to_string()])
            .stderr(Stdio::null())
            .status();
    })
}

/// The mirror's articles as (file relative to the mirror, number), in file order.
fn articles(mirror: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![mirror.to_owned()];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(&dir).expect("dir").filter_map(Result::ok) {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "md") {
                let text = fs::read_to_string(&path).expect("article");
                let num = text
                    .lines()
                    .next()
                    .and_then(|l| l.strip_prefix("# Article "))
                    .expect("a heading")
                    .to_owned();
                let rel = path.strip_prefix(mirror).expect("inside");
                out.push((rel.to_string_lossy().into_owned(), num));
            }
        }
    }
    out.sort();
    out
}

/// What a reader round did that loi said it had saved.
#[derive(Default)]
struct Said {
    bookmarks: Vec<(String, String)>,
    /// The article shown when the last reader quitting by itself saved the session.
    session: Option<String>,
}

/// One reader: opens an article, bookmarks it, goes to another, quits; killed at
/// `after` (never, with `None`). What it confirmed is added to `said`; returns how
/// long it ran.
fn read_once(
    home: &Home,
    mirror: &Path,
    key: &str,
    (a, b): (&(String, String), &(String, String)),
    after: Option<Duration>,
    said: &mut Said,
) -> Duration {
    let start = Instant::now();
    let mut p = home.reader(&["--mirror", &mirror.to_string_lossy(), &a.1]);
    let killer = after.map(|t| kill_later(p.pid(), t));
    let mut steps = || -> Option<()> {
        seen(&mut p, &format!("Article {}", a.1)).then_some(())?;
        p.send(b"m");
        seen(&mut p, "Bookmarked").then_some(())?;
        said.bookmarks.push((key.to_owned(), a.0.clone()));
        p.send(b"g");
        seen(&mut p, "Go to").then_some(())?;
        p.send(format!("{}\r", b.1).as_bytes());
        seen(&mut p, &format!("Article {}", b.1)).then_some(())?;
        p.send(b"q");
        (p.wait_exit(HANG)? == 0).then_some(())?;
        said.session = Some(b.0.clone());
        Some(())
    };
    let _ = steps();
    let took = start.elapsed();
    if let Some(k) = killer {
        k.join().expect("killer");
    }
    assert!(p.wait_exit(HANG).is_some(), "the reader never ended");
    took
}

#[test]
fn kill_9_at_random_moments_loses_nothing_and_answers_nothing_wrong() {
    let kills: usize = std::env::var("LOI_SOAK")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let seed: u64 = std::env::var("LOI_SOAK_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64 | 1)
        });
    eprintln!("soak: {kills} kills, LOI_SOAK_SEED={seed}");
    let mut moments = Moments(seed);

    let home = Home {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    // A one-code mirror, copied out of the four codes: a build of each cache takes a
    // moment (so kills land inside it) but not a minute.
    let mirror = home.path("mirror");
    fs::create_dir_all(&mirror).expect("mirror");
    let copied = Command::new("cp")
        .arg("-a")
        .arg(crate::support::corpus::corpus().join(CRPA))
        .arg(&mirror)
        .status()
        .expect("cp");
    assert!(copied.success());
    let root = mirror.to_string_lossy().into_owned();
    let key = fs::canonicalize(&mirror)
        .expect("canonical")
        .to_string_lossy()
        .into_owned();
    let list = articles(&mirror);
    // A cited article, for « cité par ».
    let cited = "R312-4";

    // What each command answers on a cache of its own, never killed.
    let clean = Home {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    let search = ["--mirror", &root, "search", "délai"];
    let backlinks = ["--mirror", &root, "backlinks", cited];
    let links = ["--mirror", &root, "links"];
    let index_words = ["--mirror", &root, "index-words"];
    let answer = |h: &Home, args: &[&str]| {
        let out = h.run(args);
        assert!(out.status.success(), "loi {args:?}: {out:?}");
        // As a set: a search answered by a scan and by the index lists the same
        // articles in another order.
        let mut lines: Vec<String> = String::from_utf8(out.stdout)
            .expect("UTF-8")
            .lines()
            .map(str::to_owned)
            .collect();
        lines.sort();
        lines
    };
    let want_search = answer(&clean, &search);
    let want_backlinks = answer(&clean, &backlinks);
    let want_links = answer(&clean, &links);
    assert!(!want_search.is_empty() && !want_backlinks.is_empty());

    // Another mirror's session (the sample's), which no kill may take away.
    let mut p = home.reader(&["D313-14"]);
    assert!(seen(&mut p, "Article D313-14"));
    p.send(b"q");
    assert_eq!(p.wait_exit(HANG), Some(0));
    assert!(sessions(&home).contains_key("bundled"));

    // How long each whole run takes, to draw the kills' moments.
    let mut said = Said::default();
    let whole_reader = read_once(&home, &mirror, &key, (&list[0], &list[1]), None, &mut said);
    assert!(
        said.session.is_some(),
        "an unkilled reader saves its session"
    );
    let timed = |args: &[&str], clear: &[&str]| {
        for f in cache_files(&home, clear) {
            let _ = fs::remove_file(f);
        }
        let start = Instant::now();
        home.run(args);
        start.elapsed()
    };
    let whole_words = timed(&index_words, &["words-"]);
    let whole_backlinks = timed(&backlinks, &["backlinks-"]);
    let whole_links = timed(&links, &["index-", "ids-"]);
    let imported = home.path("imported");
    let import = [
        "import",
        "--into",
        &imported.to_string_lossy(),
        "--codes",
        CRPA,
        &package().to_string_lossy(),
    ]
    .map(str::to_owned);
    let import: Vec<&str> = import.iter().map(String::as_str).collect();
    let start = Instant::now();
    assert!(home.run(&import).status.success());
    let whole_import = start.elapsed();
    let want_imported = files(&imported);
    eprintln!(
        "soak: whole runs: reader {whole_reader:?}, index-words {whole_words:?}, backlinks {whole_backlinks:?}, links {whole_links:?}, import {whole_import:?}"
    );

    let mut landed = 0;
    for round in 0..kills {
        let history_before = fs::read(home.data("history.jsonl")).unwrap_or_default();
        match round % 5 {
            0 => {
                let (a, b) = (
                    &list[round % list.len()],
                    &list[(round * 7 + 3) % list.len()],
                );
                let at = moments.within(whole_reader);
                let before = said.bookmarks.len();
                let took = read_once(&home, &mirror, &key, (a, b), Some(at), &mut said);
                landed += usize::from(took >= at);
                // Every bookmark loi said it set is there, from this round and all others.
                let now = bookmarks(&home);
                for b in &said.bookmarks {
                    assert!(
                        now.contains(b),
                        "round {round}: bookmark {b:?} lost (of {before} before)"
                    );
                }
                // The other mirror's session survives; this one's is the last saved, or
                // this round's own when the kill came after it was written.
                let s = sessions(&home);
                assert!(
                    s.contains_key("bundled"),
                    "round {round}: the sample's session lost"
                );
                let top = shown(&s, &key);
                assert!(
                    top == said.session || top.as_deref() == Some(b.0.as_str()),
                    "round {round}: the session shows {top:?}, saved {:?}",
                    said.session
                );
                // Killed after writing it and before exiting, it saved this round's.
                said.session = top;
                // The history only grows: what was there is still there, and no line
                // is glued onto another.
                let history = fs::read(home.data("history.jsonl")).unwrap_or_default();
                assert!(
                    history.starts_with(&history_before),
                    "round {round}: history rewritten"
                );
                for line in String::from_utf8_lossy(&history).lines() {
                    assert!(line.matches("\"mirror\"").count() <= 1, "glued: {line}");
                }
            }
            1 => {
                let left = leftovers(&home.cache());
                for f in cache_files(&home, &["words-"]) {
                    if !left.iter().any(|l| f.ends_with(l)) {
                        let _ = fs::remove_file(f);
                    }
                }
                landed += usize::from(home.killed(&index_words, moments.within(whole_words)));
                assert!(
                    answer(&home, &search) == want_search,
                    "round {round}: search"
                );
                // The search started a build of its own, unless a dead one's lock stops
                // it: either way, no lock may outlive its owner for long.
                settle(&home, round);
                home.run(&index_words);
                assert_eq!(
                    answer(&home, &search),
                    want_search,
                    "round {round}: search, indexed"
                );
                assert!(
                    !cache_files(&home, &["words-"]).is_empty(),
                    "round {round}: no word index built after a killed build"
                );
            }
            2 => {
                for f in cache_files(&home, &["backlinks-"]) {
                    let _ = fs::remove_file(f);
                }
                landed += usize::from(home.killed(&backlinks, moments.within(whole_backlinks)));
                assert_eq!(
                    answer(&home, &backlinks),
                    want_backlinks,
                    "round {round}: backlinks"
                );
            }
            3 => {
                for f in cache_files(&home, &["index-", "ids-"]) {
                    let _ = fs::remove_file(f);
                }
                landed += usize::from(home.killed(&links, moments.within(whole_links)));
                assert!(answer(&home, &links) == want_links, "round {round}: links");
            }
            _ => {
                landed += usize::from(home.killed(&import, moments.within(whole_import)));
                // The mirror the last whole import made is whole, and answers.
                assert!(
                    files(&imported) == want_imported,
                    "round {round}: the imported mirror changed"
                );
                assert!(
                    home.run(&import).status.success(),
                    "round {round}: import again"
                );
                assert!(files(&imported) == want_imported);
            }
        }
        // A whole run after each kill leaves nothing of the dead one behind.
        settle(&home, round);
        // A write cut by the kill may leave its temporary file (nothing of the user's
        // is in it that the file does not have); the next write removes it, so they
        // never pile up: one per reader killed since the last one that wrote, at most.
        // (The data folder's `.lock` files are held with flock, and stay.)
        let temps = data_temps(&home);
        assert!(
            temps.len() <= 3,
            "round {round}: left in the data folder: {temps:?}"
        );
        let beside: Vec<String> = fs::read_dir(home.dir.path())
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".imported"))
            .collect();
        assert!(
            beside.is_empty(),
            "round {round}: import leftovers {beside:?}"
        );
    }
    // A whole reader after the last kill: its writes leave no temporary file behind.
    let mut said_last = Said::default();
    read_once(
        &home,
        &mirror,
        &key,
        (&list[2], &list[3]),
        None,
        &mut said_last,
    );
    assert!(said_last.session.is_some());
    assert_eq!(
        data_temps(&home),
        Vec::<String>::new(),
        "left in the data folder"
    );
    eprintln!("soak: {kills} kills, {landed} while the program ran, LOI_SOAK_SEED={seed}");
    // Most kills must land while the program runs, or the soak tested nothing.
    assert!(landed * 2 >= kills, "only {landed} of {kills} kills landed");
}

/// The temporary files in loi's data folder.
fn data_temps(home: &Home) -> Vec<String> {
    leftovers(&home.path("data").join("loi"))
        .into_iter()
        .filter(|n| n.contains(".tmp"))
        .collect()
}
