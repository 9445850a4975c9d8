//! The LEGI import on the fixtures of `tests/fixtures/legi/` (built into archives by
//! its `make-archives.sh`): the full archive gives `expected/` byte for byte, the daily
//! one then gives `expected-after-increment/`, and every bad input is refused with the
//! mirror left as it was.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use crate::mirror::import::{ImportError, Options, Quiet, Summary, meta, run};

const FULL: &str = "Freemium_legi_global_20250713-140000.tar.gz";
const DAILY: &str = "LEGI_20250715-213512.tar.gz";
const CODE: &str = "code-des-relations-entre-le-public-et-ladministration";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/legi")
}

/// The archives, built once per test run.
fn archives() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let made = Command::new("bash")
            .arg(fixtures().join("make-archives.sh"))
            .arg(dir.path())
            .output()
            .expect("make-archives.sh runs");
        assert!(made.status.success(), "{made:?}");
        dir
    })
    .path()
}

fn import(into: &Path, sources: &[&str], codes: &[&str]) -> Result<Summary, ImportError> {
    let stop = AtomicBool::new(false);
    run(
        &Options {
            into: into.to_owned(),
            codes: codes.iter().map(|c| (*c).to_owned()).collect(),
            sources: sources.iter().map(|s| archives().join(s)).collect(),
            stop: &stop,
        },
        &mut Quiet,
    )
}

/// Every file under `root` (its `.loi/` apart) and its bytes.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, rel: &str, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).expect("a folder").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let child = format!("{rel}{name}");
            if name == meta::DIR {
                continue;
            }
            if entry.file_type().expect("a type").is_dir() {
                walk(&entry.path(), &format!("{child}/"), out);
            } else {
                out.insert(child, fs::read(entry.path()).expect("a file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, "", &mut out);
    out
}

/// Every file under `root`, `.loi/` included (but `mirror.json`, which dates the import).
fn whole(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut all = tree(root);
    let loi = root.join(meta::DIR);
    for (k, v) in tree_all(&loi) {
        all.insert(format!(".loi/{k}"), v);
    }
    all
}

fn tree_all(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let Ok(read) = fs::read_dir(root) else {
        return out;
    };
    for entry in read.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() {
            for (k, v) in tree_all(&entry.path()) {
                out.insert(format!("{name}/{k}"), v);
            }
        } else if name != "mirror.json" {
            out.insert(name, fs::read(entry.path()).expect("a file"));
        }
    }
    out
}

fn same(made: &Path, expected: &str) {
    let want = tree(&fixtures().join(expected));
    let got = tree(made);
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &want {
        assert!(
            got[path] == *bytes,
            "{path} differs:\n{}",
            String::from_utf8_lossy(&got[path])
        );
    }
}

#[test]
fn the_full_archive_gives_the_expected_mirror_byte_for_byte() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let m = tmp.path().join("m");
    let s = import(&m, &[FULL], &[]).expect("imported");
    same(&m, "expected");
    assert_eq!((s.new, s.changed, s.removed, s.not_in_force), (7, 0, 0, 1));
    // The metadata: L300-2's cid is its first version, its links split.
    let lines = meta::read_code(&m, CODE);
    let l300_2 = lines.iter().find(|a| a.num == "L300-2").expect("L300-2");
    assert_eq!(l300_2.cid, "LEGIARTI000031367689");
    assert_eq!(l300_2.versions.len(), 2);
    assert_eq!(l300_2.changed_by[0].kind, "MODIFIE");
    assert_eq!(l300_2.citations.len(), 2);
    let l100_1 = lines.iter().find(|a| a.num == "L100-1").expect("L100-1");
    assert!(
        l100_1
            .nota
            .as_deref()
            .is_some_and(|n| n.contains("1er janvier 2016"))
    );
    let l300_4 = lines.iter().find(|a| a.num == "L300-4").expect("L300-4");
    assert_eq!(l300_4.until.as_deref(), Some("2031-01-01"));
    // The versions not in force: past (L300-2's first, D324-5-1's) and future (L330-2).
    let versions = m.join(".loi/versions").join(CODE);
    for id in [
        "LEGIARTI000031367689",
        "LEGIARTI000033502471",
        "LEGIARTI000051990003",
    ] {
        assert!(versions.join(format!("{id}.html")).is_file(), "{id}");
    }
    assert!(!versions.join("LEGIARTI000033218936.html").exists());
    let mirror = meta::read_mirror(&m).expect("mirror.json");
    assert_eq!(mirror.legi.as_deref(), Some("20250713-140000"));
    assert_eq!(mirror.codes[0].data_date.as_deref(), Some("2025-07-01"));
}

#[test]
fn the_daily_archive_then_gives_the_mirror_after_it() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let m = tmp.path().join("m");
    import(&m, &[FULL], &[]).expect("full");
    let s = import(&m, &[DAILY], &[]).expect("daily");
    same(&m, "expected-after-increment");
    assert_eq!((s.new, s.changed, s.removed), (1, 1, 1));
    let lines = meta::read_code(&m, CODE);
    assert!(lines.iter().all(|a| a.num != "L100-3"));
    let l100_2 = lines.iter().find(|a| a.num == "L100-2").expect("L100-2");
    assert_eq!(l100_2.id, "LEGIARTI000052000011");
    // L100-2's old text is now a version; the deleted L100-3 is nowhere.
    let versions = m.join(".loi/versions").join(CODE);
    assert!(versions.join("LEGIARTI000031367306.html").is_file());
    assert!(versions.join("LEGIARTI000033502471.html").is_file());
    // Both in one command, in any order, give the same mirror.
    let both = tmp.path().join("both");
    import(&both, &[DAILY, FULL], &[]).expect("both");
    assert_eq!(whole(&both), whole(&m));
    // Applied again, the daily archive is skipped.
    let again = import(&m, &[DAILY], &[]).expect("again");
    assert_eq!(again.warnings.len(), 1);
    same(&m, "expected-after-increment");
}

#[test]
fn a_daily_archive_needs_a_mirror_made_from_legi() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let m = tmp.path().join("m");
    let e = import(&m, &[DAILY], &[]).expect_err("no full archive");
    assert!(matches!(e, ImportError::DailyFirst(_)), "{e}");
    assert!(!m.exists());
}

#[test]
fn codes_are_chosen_by_name_and_a_code_not_there_is_named() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let m = tmp.path().join("m");
    import(&m, &[FULL], &["CRPA"]).expect("by abbreviation");
    same(&m, "expected");
    let e = import(&m, &[FULL], &["code du travail"]).expect_err("not there");
    assert!(e.to_string().contains(CODE), "{e}");
}

#[test]
fn every_bad_input_is_refused_and_leaves_the_mirror_as_it_was() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let m = tmp.path().join("m");
    import(&m, &[FULL], &[]).expect("full");
    let before = whole(&m);
    type Check = fn(&ImportError) -> bool;
    let cases: [(&str, Check); 7] = [
        (
            "bad/truncated.xml.tar.gz",
            |e| matches!(e, ImportError::BadXml { why, .. } if why.contains("ends inside")),
        ),
        (
            "bad/unknown-root.xml.tar.gz",
            |e| matches!(e, ImportError::UnknownRoot { root, .. } if root == "JO"),
        ),
        ("bad/doctype-billion-laughs.xml.tar.gz", |e| {
            matches!(e, ImportError::Doctype { .. })
        }),
        ("bad/doctype-external-entity.xml.tar.gz", |e| {
            matches!(e, ImportError::Doctype { .. })
        }),
        ("bad/truncated-archive.tar.gz", |e| {
            matches!(e, ImportError::DamagedEntry { .. })
        }),
        ("bad/dotdot.tar.gz", |e| {
            matches!(e, ImportError::NoLegiCode(_))
        }),
        ("bad/symlink.tar.gz", |e| {
            matches!(e, ImportError::NoLegiCode(_))
        }),
    ];
    for (bad, expected) in cases {
        let e = import(&m, &[bad], &[]).expect_err(bad);
        assert!(expected(&e), "{bad}: {e}");
        let said = e.to_string();
        assert!(said.contains(bad.trim_start_matches("bad/")), "{said}");
        assert_eq!(whole(&m), before, "{bad} changed the mirror");
    }
    // The entry that climbs out led nowhere, nor did the symlink.
    assert!(
        !archives()
            .parent()
            .expect("a parent")
            .join("loi-escape.xml")
            .exists()
    );
    assert!(!tmp.path().join("loi-escape.xml").exists());
    assert!(!m.join("legi").exists() && !m.join("escape.xml").exists());
}

#[test]
fn the_legi_data_package_still_reads_as_json() {
    // A .tgz whose entries are not under legi/ is npm's package, as before.
    let tmp = tempfile::tempdir().expect("temp dir");
    let tgz = tmp.path().join("package.tgz");
    let file = fs::File::create(&tgz).expect("create");
    let gz = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
    let mut tar = tar::Builder::new(gz);
    let json = br#"{"data":{"id":"LEGITEXT000000000009","title":"Code de test"},"type":"code","children":[]}"#;
    let mut header = tar::Header::new_gnu();
    header.set_size(json.len() as u64);
    header.set_mode(0o644);
    header.set_cksum();
    tar.append_data(
        &mut header,
        "package/data/LEGITEXT000000000009.json",
        &json[..],
    )
    .expect("append");
    tar.into_inner().expect("tar").finish().expect("gz");
    let stop = AtomicBool::new(false);
    let s = run(
        &Options {
            into: tmp.path().join("m"),
            codes: Vec::new(),
            sources: vec![tgz],
            stop: &stop,
        },
        &mut Quiet,
    )
    .expect("imported");
    assert_eq!(s.codes[0].folder, "code-de-test");
}
