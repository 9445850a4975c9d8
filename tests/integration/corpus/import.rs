//! `loi import` of the real package the corpus was made from: both corpus mirrors,
//! byte for byte; a kill -9 midway; the caches after an import.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::corpus::{corpus, extract, files};
use crate::support::legi_data::package;

const LOI: &str = env!("CARGO_BIN_EXE_loi");
const CRPA: &str = "code-des-relations-entre-le-public-et-ladministration";

fn import(into: &Path, args: &[&str], sources: &[&Path]) -> std::process::Output {
    let out = crate::support::loi()
        .arg("import")
        .arg("--into")
        .arg(into)
        .args(args)
        .args(sources)
        .env("XDG_CACHE_HOME", "/dev/null")
        .output()
        .expect("loi runs");
    assert!(
        out.status.success(),
        "loi import failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn same(made: &Path, want: &Path) {
    let (made, want) = (files(made), files(want));
    assert_eq!(made.len(), want.len(), "as many files");
    for ((a, x), (b, y)) in made.iter().zip(&want) {
        assert_eq!(a, b, "the same paths");
        assert!(x == y, "{a} differs from the corpus");
    }
}

#[test]
fn the_package_imports_as_both_corpus_mirrors_byte_for_byte() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let four = tmp.path().join("four");
    let out = import(&four, &[], &[package()]);
    same(&four, corpus());
    // In a pipe: the summary and nothing else, no progress bar, no escape code.
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.starts_with("4 codes imported into "), "{said}");
    assert!(
        said.contains("29115 articles (29115 new, 0 changed"),
        "{said}"
    );
    assert!(!said.contains('\u{1b}') && out.stderr.is_empty(), "{said}");

    let two = tmp.path().join("two");
    import(
        &two,
        &["--codes", &format!("code-du-travail,{CRPA}")],
        &[package()],
    );
    let want = extract(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/mirror-travail-crpa.tar.gz"
    ));
    same(&two, want.path());

    // The package again over the four codes: nothing changes, nothing is written.
    let out = import(&four, &[], &[package()]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("(0 new, 0 changed, 29115 unchanged, 0 removed)"),
        "{said}"
    );
}

#[test]
fn an_import_killed_midway_leaves_the_old_mirror_whole_and_the_next_one_cleans_up() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mirror = tmp.path().join("mirror");
    import(&mirror, &["--codes", CRPA], &[package()]);
    let before = files(&mirror);
    let meta = fs::read(mirror.join(".loi/mirror.json")).expect("metadata");

    let mut child = crate::support::loi()
        .args(["import", "--into"])
        .arg(&mirror)
        .arg(package())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("loi runs");
    // Killed once it is writing the new mirror beside the old one.
    let stage = tmp.path().join(format!(".mirror.import-{}", child.id()));
    let start = Instant::now();
    while !stage.join("code-du-travail").exists() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the import never wrote"
        );
        assert!(
            child.try_wait().expect("wait").is_none(),
            "ended before the kill"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("kill -9");
    child.wait().expect("reaped");

    assert_eq!(files(&mirror), before, "the old mirror is whole");
    assert_eq!(
        fs::read(mirror.join(".loi/mirror.json")).expect("meta"),
        meta
    );
    let read = crate::support::loi()
        .args(["print", "--width", "60", "L100-1"])
        .arg("--mirror")
        .arg(&mirror)
        .output()
        .expect("loi runs");
    assert!(read.status.success() && String::from_utf8_lossy(&read.stdout).contains("L100-1"));

    let out = import(&mirror, &[], &[package()]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("4 codes imported"));
    let left: Vec<PathBuf> = fs::read_dir(tmp.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(".mirror"))
        })
        .collect();
    assert!(left.is_empty(), "leftovers: {left:?}");
}

/// The word index, built before an import that changes an article's text (not its
/// name), answers from the new text after it (the backlinks are stamped the same way).
#[test]
fn a_search_answers_from_the_imported_text() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (mirror, cache) = (tmp.path().join("mirror"), tmp.path().join("cache"));
    // CRPA's JSON out of the package, one article given a word no code has.
    let json = tmp.path().join("LEGITEXT000031366350.json");
    let data = Command::new("tar")
        .args(["xzf"])
        .arg(package())
        .args(["-O", "package/data/LEGITEXT000031366350.json"])
        .output()
        .expect("tar runs");
    fs::write(&json, &data.stdout).expect("write");
    import(&mirror, &[], &[&json]);
    let loi = |args: &[&str]| {
        crate::support::loi()
            .args(args)
            .arg("--mirror")
            .arg(&mirror)
            .env("XDG_CACHE_HOME", &cache)
            .output()
            .expect("loi runs")
    };
    fs::create_dir_all(cache.join("loi")).expect("the cache folder");
    assert!(loi(&["index-words"]).status.success());
    let words = |dir: &Path| {
        fs::read_dir(dir.join("loi"))
            .expect("cache")
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().starts_with("words-"))
    };
    assert!(words(&cache), "the word index is built");
    assert_eq!(loi(&["search", "zorglubesque"]).status.code(), Some(1));
    let text = String::from_utf8(data.stdout).expect("utf-8");
    // In `texteHtml`, not only in the plain `texte` before it.
    let changed = text.replace(
        "régit les relations entre le public",
        "régit zorglubesque les relations entre le public",
    );
    assert_ne!(changed, text);
    fs::write(&json, changed).expect("write");
    import(&mirror, &[], &[&json]);
    let found = loi(&["search", "zorglubesque"]);
    assert!(
        found.status.success(),
        "the word index was rebuilt: {}",
        String::from_utf8_lossy(&found.stderr)
    );
    assert!(String::from_utf8_lossy(&found.stdout).contains("l100-1.md"));
}

/// From an empty home, as the README says: loi on its sample says how to make a
/// mirror; `loi import` makes one in the data folder; loi then reads it, unasked.
#[test]
fn a_new_user_imports_a_code_and_reads_it() {
    use crate::support::pty::Pty;
    let home = tempfile::tempdir().expect("home");
    let data = home.path().join("data");
    let loi = |args: &[&str]| {
        crate::support::loi()
            .args(args)
            .env_remove("LOI_MIRROR")
            .env("XDG_DATA_HOME", &data)
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .output()
            .expect("loi runs")
    };
    let data_str = data.to_str().expect("utf-8");
    let env = [("XDG_DATA_HOME", data_str)];
    let mut first = Pty::spawn(Path::new(LOI), &[], &env, 80, 24);
    first.wait_for("loi import", Duration::from_secs(20));
    first.send(b"q");
    first.wait_exit(Duration::from_secs(10));

    assert_eq!(
        loi(&["print", "L100-1"]).status.code(),
        Some(2),
        "not in the sample"
    );
    let pkg = package().to_str().expect("utf-8");
    let out = loi(&["import", "--codes", "CRPA", pkg]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let paths = String::from_utf8_lossy(&loi(&["--paths"]).stdout).into_owned();
    let mirror = data.join("loi").join("mirror");
    assert!(
        paths.contains(&format!("mirror\t{}", mirror.display())),
        "{paths}"
    );
    assert!(mirror.join(CRPA).is_dir());
    let printed = loi(&["print", "--width", "60", "L100-1"]);
    assert!(printed.status.success());
    assert!(String::from_utf8_lossy(&printed.stdout).contains("Le présent code régit"));

    let mut reader = Pty::spawn(Path::new(LOI), &["L100-1"], &env, 80, 24);
    let screen = reader.wait_for("Le présent code", Duration::from_secs(20));
    assert!(
        !screen.contains("loi import"),
        "no word of the sample now:\n{screen}"
    );
    reader.send(b"q");
    reader.wait_exit(Duration::from_secs(10));
}

/// A disk that fills up midway: the import says so, and the mirror before it is whole
/// and alone (no half-written folder left beside it). The disk is a 3 MB tmpfs in a
/// user and mount namespace of the test's own (`unshare -rm`, no privilege needed
/// where user namespaces are allowed): the CRPA fits, the code du travail does not.
/// A read-only disk, mounted the same way, is a folder that cannot be written.
#[test]
fn a_full_disk_leaves_the_old_mirror_whole_and_a_read_only_one_is_refused() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (disk, read_only) = (tmp.path().join("disk"), tmp.path().join("ro"));
    fs::create_dir(&disk).expect("mkdir");
    fs::create_dir(&read_only).expect("mkdir");
    let json = |id: &str| {
        let file = tmp.path().join(format!("{id}.json"));
        let out = Command::new("tar")
            .arg("xzf")
            .arg(package())
            .args(["-O", &format!("package/data/{id}.json")])
            .output()
            .expect("tar runs");
        fs::write(&file, out.stdout).expect("write");
        file
    };
    let (crpa, travail) = (json("LEGITEXT000031366350"), json("LEGITEXT000006072050"));
    let script = r#"mount -t tmpfs -o size=3m tmpfs "$1" || exit 99
"$2" import --into "$1/m" "$3" >/dev/null || exit 98
"$2" import --into "$1/m" "$4"
echo "rc=$?"
ls -A "$1"
find "$1/m" -type f | wc -l
mount -t tmpfs -o ro,size=1m tmpfs "$5" || exit 99
"$2" import --into "$5/m" "$3"
echo "ro=$?""#;
    let out = Command::new("unshare")
        .args(["-rm", "sh", "-c", script, "sh"])
        .args([disk.as_path(), Path::new(LOI), &crpa, &travail, &read_only])
        .output()
        .expect("unshare runs");
    let said = String::from_utf8_lossy(&out.stdout);
    let told = String::from_utf8_lossy(&out.stderr);
    assert_ne!(
        out.status.code(),
        Some(99),
        "this test needs `unshare -rm` (user namespaces) to mount a small disk: {told}"
    );
    assert!(said.contains("rc=2"), "{said}{told}");
    assert!(
        told.contains("no space left") && told.contains("the mirror is unchanged"),
        "{told}"
    );
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(
        lines[1..3],
        ["m", "476"],
        "the old mirror alone, whole: {said}"
    );
    assert_eq!(lines.get(3), Some(&"ro=2"), "{said}");
    assert!(
        told.contains("cannot write in") || told.contains("Read-only"),
        "{told}"
    );
}
