//! `o` with the real binary and a fake browser that writes down its arguments: no
//! hostile href of an article reaches it, Légifrance links reach it rebuilt, it is
//! reaped, a browser that fails is said, `%s` and lists in `BROWSER` are honoured,
//! and a browser that draws in the terminal is given the terminal and loi redrawn
//! after it.

use crate::support::pty;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pty::{Key, Pty};

const TIMEOUT: Duration = Duration::from_secs(10);

const ARTICLE: &str = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000018499188";
/// The page of the code du travail, which `o` opens with no reference selected.
const CODE: &str = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050/";

/// The hrefs of `tests/fixtures/hrefs.tsv`, the unit tests' too, of one kind.
fn hrefs(kind: &str) -> Vec<&'static str> {
    const FILE: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hrefs.tsv"
    ));
    let all = FILE
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(k, _)| *k == kind)
        .map(|(_, rest)| rest.split('\t').next().unwrap_or(rest))
        .collect::<Vec<_>>();
    assert!(!all.is_empty(), "hrefs.tsv lists {kind} hrefs");
    all
}

/// Hrefs that once reached the browser as written.
static HOSTILE: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| hrefs("hostile"));

/// Légifrance's hrefs, each opening [`ARTICLE`].
static LEGIT: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| hrefs("legit"));

/// A mirror with article L1-1 linking to every href of the two tables, in order, and
/// a folder for the fake browsers and their log.
struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().expect("temp dir");
        let section = dir.path().join("mirror/code-du-travail/partie");
        std::fs::create_dir_all(&section).expect("mkdir");
        std::fs::create_dir_all(dir.path().join("bin")).expect("mkdir");
        let body: String = HOSTILE
            .iter()
            .chain(LEGIT.iter())
            .enumerate()
            .map(|(n, href)| format!("<p>Voir <a href='{href}'>lien {n}</a>.</p>"))
            .collect();
        std::fs::write(section.join("l1-1.md"), format!("# Article L1-1\n\n{body}"))
            .expect("write");
        Setup { dir }
    }

    fn mirror(&self) -> String {
        self.dir.path().join("mirror").display().to_string()
    }

    fn log(&self) -> PathBuf {
        self.dir.path().join("argv.log")
    }

    /// A program `bin/NAME` that writes its arguments to the log, each ended by a NUL,
    /// then `END`, and then runs `then` (shell).
    fn browser(&self, name: &str, then: &str) -> String {
        let path = self.dir.path().join("bin").join(name);
        let log = self.log().display().to_string();
        std::fs::write(
            &path,
            format!("#!/bin/sh\nprintf '%s\\0' \"$@\" END >> '{log}'\n{then}\n"),
        )
        .expect("write");
        let mut permissions = std::fs::metadata(&path).expect("stat").permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
        std::fs::set_permissions(&path, permissions).expect("chmod");
        path.display().to_string()
    }

    /// The arguments of each run of a fake browser so far.
    fn runs(&self) -> Vec<Vec<String>> {
        let bytes = std::fs::read(self.log()).unwrap_or_default();
        let mut runs = vec![Vec::new()];
        for arg in bytes.split(|b| *b == 0).filter(|a| !a.is_empty()) {
            if arg == b"END" {
                runs.push(Vec::new());
            } else if let Some(run) = runs.last_mut() {
                run.push(String::from_utf8_lossy(arg).into_owned());
            }
        }
        runs.pop();
        runs
    }

    /// Waits until the fake browsers have run `n` times (and a little more, for any
    /// run too many to show), and returns their runs.
    #[track_caller]
    fn wait_runs(&self, n: usize) -> Vec<Vec<String>> {
        let deadline = Instant::now() + TIMEOUT;
        while self.runs().len() < n && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(300));
        self.runs()
    }

    fn loi(&self, env: &[(&str, &str)], cols: u16) -> Pty {
        let mirror = self.mirror();
        let mut p = Pty::spawn(
            Path::new(env!("CARGO_BIN_EXE_loi")),
            &["--mirror", &mirror, "L1-1"],
            env,
            cols,
            40,
        );
        p.wait_for("lien 0", TIMEOUT);
        p
    }
}

#[test]
fn no_hostile_href_reaches_the_browser_and_legifrance_links_open_rebuilt() {
    let s = Setup::new();
    let fake = s.browser("fake", "");
    let mut p = s.loi(&[("BROWSER", &fake)], 160);
    for _ in HOSTILE.iter().chain(LEGIT.iter()) {
        p.key(Key::Tab);
        p.key(Key::Char('o'));
    }
    let runs = s.wait_runs(LEGIT.len());
    assert_eq!(runs, vec![vec![ARTICLE.to_owned()]; LEGIT.len()]);
    p.wait_for(&format!("Opening {ARTICLE}"), TIMEOUT);
}

/// The state letter and the parent of each process whose parent is `pid`.
fn children(pid: u32) -> Vec<char> {
    let mut states = Vec::new();
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        let Some(close) = stat.rfind(')') else {
            continue;
        };
        let fields: Vec<&str> = stat[close + 1..].split_whitespace().collect();
        if fields.get(1) == Some(&pid.to_string().as_str())
            && let Some(state) = fields.first().and_then(|f| f.chars().next())
        {
            states.push(state);
        }
    }
    states
}

#[test]
fn fifteen_presses_leave_no_zombie() {
    let s = Setup::new();
    let fake = s.browser("fake", "");
    let mut p = s.loi(&[("BROWSER", &fake)], 120);
    for _ in 0..15 {
        p.key(Key::Char('o'));
    }
    let runs = s.wait_runs(15);
    assert_eq!(runs, vec![vec![CODE.to_owned()]; 15]);
    // The watching threads reap their browser as it ends.
    let deadline = Instant::now() + TIMEOUT;
    let mut states = children(p.pid());
    while states.contains(&'Z') && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        states = children(p.pid());
    }
    assert!(!states.contains(&'Z'), "zombies: {states:?}");
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn a_browser_that_is_not_there_or_fails_at_once_is_said_with_the_address() {
    let s = Setup::new();
    let mut p = s.loi(&[("BROWSER", "/nowhere/browser")], 160);
    p.key(Key::Char('o'));
    p.wait_for(
        &format!("browser did not open the address (no such program); y copies it: {CODE}"),
        TIMEOUT,
    );
    let failing = s.browser("failing", "exit 3");
    let mut p = s.loi(&[("BROWSER", &failing)], 160);
    p.key(Key::Char('o'));
    p.wait_for(
        &format!("failing did not open the address (exit status 3); y copies it: {CODE}"),
        TIMEOUT,
    );
    assert_eq!(s.runs(), [[CODE]]);
}

#[test]
fn browser_is_a_list_tried_in_turn_and_percent_s_places_the_address() {
    let s = Setup::new();
    let fake = s.browser("fake", "");
    let list = format!("/nowhere/browser --x:{fake} --first %s --last 100%%");
    let mut p = s.loi(&[("BROWSER", &list)], 120);
    p.key(Key::Char('o'));
    p.wait_for(&format!("Opening {CODE}"), TIMEOUT);
    assert_eq!(s.wait_runs(1), [["--first", CODE, "--last", "100%"]]);
}

#[test]
fn a_browser_in_the_terminal_gets_it_and_loi_is_drawn_again_after() {
    let s = Setup::new();
    s.browser(
        "lynx",
        "printf 'FAKE LYNX %s\\n' \"$1\"; read line; printf 'read %s\\n' \"$line\"",
    );
    let path = format!(
        "{}:{}",
        s.dir.path().join("bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut p = s.loi(&[("BROWSER", "lynx"), ("PATH", &path)], 120);
    p.key(Key::Char('o'));
    let screen = p.wait_for(&format!("FAKE LYNX {CODE}"), TIMEOUT);
    assert!(!screen.contains("lien 0"), "loi's screen left:\n{screen}");
    assert_eq!(p.modes(), (false, false), "the normal screen, a cursor");
    // The terminal is cooked: the line typed reaches the browser whole.
    p.send(b"ok\r");
    p.wait_for("lien 0", TIMEOUT);
    let deadline = Instant::now() + TIMEOUT;
    while p.modes() != (true, true) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(p.modes(), (true, true), "loi's screen again");
    let screen = p.wait_for(&format!("Opening {CODE}"), TIMEOUT);
    assert!(screen.contains("Article L1-1"), "{screen}");
    // Still the reader: keys work.
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
    assert_eq!(s.runs(), [[CODE]]);
}
