//! The background word-index builder when things go wrong (issue 22, item 2), on the
//! real four-code mirror through the `loi` binary: a build that cannot write ends,
//! says why once and leaves nothing; a builder killed mid-build, or its lock and runs
//! left by hand, neither stop the next search from building nor stay in the cache.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::support::corpus::corpus;

/// The build runs at nice 10 beside the other tests of this binary: on a loaded
/// two-core machine a debug build took over a minute. A deadline, not a timing.
const DEADLINE: Duration = Duration::from_secs(300);

const QUERY: &str = "salariee enceinte";

/// `loi search QUERY` with its cache in `cache`: the paths printed, in order.
fn search(cache: &Path) -> Vec<String> {
    let out = crate::support::loi()
        .arg("--mirror")
        .arg(corpus())
        .args(["search", QUERY])
        .env("XDG_CACHE_HOME", cache)
        .output()
        .expect("run loi");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_owned())
        .collect()
}

/// What a scan answers: a cache folder loi cannot make (`/dev/null` is a file), so
/// no index is read and no build starts.
fn scanned() -> Vec<String> {
    search(Path::new("/dev/null"))
}

/// The name loi gives this mirror's cache files: `index-`, `words-`… then this.
fn hash() -> String {
    let root = fs::canonicalize(corpus()).expect("canonical");
    let h = root
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{h:016x}")
}

/// The names in loi's cache folder under `cache`.
fn files(cache: &Path) -> BTreeSet<String> {
    fs::read_dir(cache.join("loi"))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

/// What only a build under way should leave: locks, runs, temporary files.
fn leftovers(cache: &Path) -> BTreeSet<String> {
    files(cache)
        .into_iter()
        .filter(|n| n.starts_with('.') || n.ends_with(".lock"))
        .collect()
}

/// Waits for `done`, up to [`DEADLINE`].
fn wait_until(mut done: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < DEADLINE {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    done()
}

/// The child's exit, or `None` (and the child killed) past the deadline.
fn wait_or_kill(child: &mut Child) -> Option<ExitStatus> {
    let mut status = None;
    wait_until(|| {
        status = child.try_wait().ok().flatten();
        status.is_some()
    });
    if status.is_none() {
        let _ = child.kill();
        let _ = child.wait();
    }
    status
}

/// A pid no process has: the highest the kernel gives, plus one.
fn dead_pid() -> u32 {
    fs::read_to_string("/proc/sys/kernel/pid_max")
        .ok()
        .and_then(|s| s.trim().parse::<u32>().ok())
        .unwrap_or(4_194_304)
        + 1
}

/// `loi index-words` on the corpus, its cache in `cache`, as a search starts it.
fn builder(cache: &Path) -> Command {
    let mut command = crate::support::loi();
    command
        .arg("--mirror")
        .arg(corpus())
        .arg("index-words")
        .env("XDG_CACHE_HOME", cache)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

/// After a builder died, the next search answers as a scan does, has the index built
/// (lock taken over at once), and the cache ends with the index and nothing else of
/// the dead one's.
fn next_search_builds_and_leaves_nothing(cache: &Path) {
    let scan = scanned();
    assert!(scan.len() > 3, "{scan:?}");
    let first = search(cache);
    assert_eq!(
        first.iter().collect::<BTreeSet<_>>(),
        scan.iter().collect::<BTreeSet<_>>()
    );
    let words = cache.join("loi").join(format!("words-{}.bin", hash()));
    assert!(
        wait_until(|| words.exists() && leftovers(cache).is_empty()),
        "the next search had the index built: {:?}",
        files(cache)
    );
    let looked_up = search(cache);
    assert_eq!(
        looked_up.iter().collect::<BTreeSet<_>>(),
        scan.iter().collect::<BTreeSet<_>>()
    );
    assert_ne!(looked_up, scan, "same order: the index was not used");
    assert_eq!(leftovers(cache), BTreeSet::new());
}

/// A build that cannot write (every write past 1 MB fails, as on a full disk: the
/// shell's `ulimit -f`, its signal ignored) ends rather than hang with its threads
/// blocked, says why once, and removes its lock and its runs.
#[test]
fn a_build_that_cannot_write_ends_says_so_once_and_leaves_nothing() {
    let cache = tempfile::tempdir().expect("temp dir");
    fs::create_dir_all(cache.path().join("loi")).expect("mkdir");
    let loi = builder(cache.path());
    let mut limited = Command::new("sh");
    limited
        .args(["-c", "trap '' XFSZ; ulimit -f 2048 && exec \"$@\"", "sh"])
        .arg(loi.get_program())
        .args(loi.get_args())
        .envs(loi.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = limited.spawn().expect("run loi");
    let status = wait_or_kill(&mut child).expect("the builder ended rather than hang");
    let mut said = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut said)
        .expect("read");
    assert_eq!(status.code(), Some(2), "{said}");
    assert_eq!(said.lines().count(), 1, "said once: {said}");
    assert!(
        said.contains("cannot build the word index in")
            && said.contains(&cache.path().join("loi").display().to_string())
            && said.contains("make room"),
        "{said}"
    );
    assert_eq!(leftovers(cache.path()), BTreeSet::new());
    assert!(!files(cache.path()).iter().any(|n| n.starts_with("words-")));
}

/// A lock, runs and temporary files left by a builder that is dead (written by hand,
/// with a pid no process has): the next search removes them and builds at once.
#[test]
fn a_dead_builders_lock_runs_and_temporary_files_are_taken_over_and_removed() {
    let cache = tempfile::tempdir().expect("temp dir");
    let dir = cache.path().join("loi");
    fs::create_dir_all(&dir).expect("mkdir");
    let dead = dead_pid();
    let h = hash();
    fs::write(dir.join(format!("words-{h}.lock")), format!("{dead}\n")).expect("write");
    let runs = dir.join(format!(".words.runs.{dead}"));
    fs::create_dir(&runs).expect("mkdir");
    fs::write(runs.join("run-0"), vec![7u8; 1 << 20]).expect("write");
    for name in [
        format!(".words.{dead}.tmp"),
        format!(".index-{h}.bin.{dead}.tmp"),
        format!(".backlinks-{h}.bin.{dead}.tmp"),
    ] {
        fs::write(dir.join(name), b"half a file").expect("write");
    }
    next_search_builds_and_leaves_nothing(cache.path());
}

/// A real builder killed with SIGKILL mid-build (its runs written): its lock and runs
/// stay, and the next search takes the lock over, builds and cleans up.
#[test]
fn a_builder_killed_mid_build_does_not_stop_the_next() {
    let cache = tempfile::tempdir().expect("temp dir");
    let dir = cache.path().join("loi");
    fs::create_dir_all(&dir).expect("mkdir");
    let mut child = builder(cache.path()).spawn().expect("run loi");
    let runs: PathBuf = dir.join(format!(".words.runs.{}", child.id()));
    let mid_build = wait_until(|| runs.exists() || child.try_wait().ok().flatten().is_some());
    child.kill().expect("kill -9");
    let _ = child.wait();
    assert!(
        mid_build && runs.exists(),
        "killed with its runs written: {:?}",
        files(cache.path())
    );
    assert!(dir.join(format!("words-{}.lock", hash())).exists());
    next_search_builds_and_leaves_nothing(cache.path());
}
