//! The law at a date on the real data: a mirror imported from the legi-data package,
//! where `loi print --json` must say of each article what the package says (its state,
//! dates, Nota, number of versions), read here on its own with serde_json; and `loi
//! changes`, which must agree with the versions `print --json` lists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

use crate::support::legi_data::package;

const SAMPLE: usize = 300;

/// The four codes of the package imported once (half a minute in a debug build).
fn imported() -> &'static Path {
    static MIRROR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &MIRROR
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let mirror = dir.path().join("mirror");
            let out = crate::support::loi()
                .args(["import", "--into"])
                .arg(&mirror)
                .arg(package())
                .env("XDG_CACHE_HOME", dir.path().join("cache"))
                .output()
                .expect("loi runs");
            assert!(out.status.success(), "{out:?}");
            (dir, mirror)
        })
        .1
}

/// The package's articles, read once.
fn articles() -> &'static [Value] {
    static ALL: OnceLock<Vec<Value>> = OnceLock::new();
    ALL.get_or_init(package_articles)
}

/// Every article of the package, as its JSON has it (`data` of each node of type
/// `article`), read straight out of the archive.
fn package_articles() -> Vec<Value> {
    let out = Command::new("tar")
        .arg("xzf")
        .arg(package())
        .args(["-O", "--wildcards", "package/data/LEGITEXT*.json"])
        .output()
        .expect("tar runs");
    assert!(out.status.success(), "tar: {out:?}");
    let mut articles = Vec::new();
    for code in serde_json::Deserializer::from_slice(&out.stdout).into_iter::<Value>() {
        let mut stack = vec![code.expect("a code's JSON")];
        while let Some(mut node) = stack.pop() {
            if let Some(Value::Array(children)) = node.get_mut("children").map(Value::take) {
                stack.extend(children);
            }
            if node["type"] == "article" {
                articles.push(node["data"].take());
            }
        }
    }
    articles
}

/// A date as the package writes it (milliseconds since 1970) as `YYYY-MM-DD`, by
/// counting years and months: not the way loi counts.
fn day_of(millis: &Value) -> Option<String> {
    let days = millis.as_i64()?.div_euclid(86_400_000);
    let leap = |y: i64| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let (mut year, mut left) = (1970i64, days);
    while left < 0 {
        year -= 1;
        left += if leap(year) { 366 } else { 365 };
    }
    loop {
        let length = if leap(year) { 366 } else { 365 };
        if left < length {
            break;
        }
        left -= length;
        year += 1;
    }
    let months = [
        31,
        if leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut month = 1;
    for length in months {
        if left < length {
            break;
        }
        left -= length;
        month += 1;
    }
    Some(format!("{year:04}-{month:02}-{:02}", left + 1))
}

/// The package's end date: none for 2999-01-01, its "no end".
fn end_of(millis: &Value) -> Value {
    match day_of(millis) {
        Some(day) if !day.starts_with("2999-") => Value::String(day),
        _ => Value::Null,
    }
}

/// A text's letters, apart from spacing and how a letter is written: the package's
/// plain `nota` writes `1 er` where its HTML (which the mirror keeps) has `1<sup>er</sup>`,
/// which loi reads as `1ᵉʳ`; compatibility forms (NFKC) make both `1er`.
fn letters(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// A string that is one, as its letters: empty is none.
fn text_or_null(value: &Value) -> Value {
    match value.as_str() {
        Some(s) if !s.trim().is_empty() => Value::String(letters(s)),
        _ => Value::Null,
    }
}

/// `count` distinct indices below `len`, the same on every run (xorshift, fixed seed).
fn picked(len: usize, count: usize) -> Vec<usize> {
    let mut state: u64 = 0x1019_2026_0305_0019;
    let mut chosen = BTreeSet::new();
    while chosen.len() < count.min(len) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        chosen.insert(usize::try_from(state % len as u64).expect("an index"));
    }
    chosen.into_iter().collect()
}

/// Each article's path in the mirror, by its id, from the import's metadata (the
/// path and id are the first fields of each line; nothing else is read).
fn paths_by_id(mirror: &Path) -> BTreeMap<String, String> {
    let field = |line: &str, name: &str| -> Option<String> {
        let start = line.find(&format!("\"{name}\":\""))? + name.len() + 4;
        let len = line[start..].find('"')?;
        Some(line[start..start + len].to_owned())
    };
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(mirror.join(".loi/codes")).expect("the metadata") {
        let text = std::fs::read_to_string(entry.expect("a file").path()).expect("read");
        for line in text.lines() {
            if let (Some(path), Some(id)) = (field(line, "path"), field(line, "id")) {
                out.insert(id, path);
            }
        }
    }
    out
}

/// What `loi --mirror MIRROR ARGS…` prints, once it has succeeded.
fn loi_stdout(mirror: &Path, args: &[&str]) -> String {
    let out = crate::support::loi()
        .arg("--mirror")
        .arg(mirror)
        .args(args)
        .output()
        .expect("loi runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn print_json(mirror: &Path, paths: &[&String]) -> BTreeMap<String, Value> {
    let mut args = vec!["print", "--json"];
    args.extend(paths.iter().map(|p| p.as_str()));
    loi_stdout(mirror, &args)
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
            (v["path"].as_str().expect("a path").to_owned(), v)
        })
        .collect()
}

#[test]
fn print_json_says_what_the_package_says_of_300_articles_picked_at_random() {
    let mirror = imported();
    let articles = articles();
    assert!(articles.len() > 29_000, "{} articles", articles.len());
    let by_id = paths_by_id(mirror);
    let sample: Vec<&Value> = picked(articles.len(), SAMPLE)
        .into_iter()
        .map(|i| &articles[i])
        .collect();
    let paths: Vec<&String> = sample
        .iter()
        .map(|a| {
            let id = a["id"].as_str().expect("an id");
            by_id
                .get(id)
                .unwrap_or_else(|| panic!("{id} is in the mirror"))
        })
        .collect();
    let printed = print_json(mirror, &paths);
    assert_eq!(printed.len(), SAMPLE, "a line per article");

    let (mut with_nota, mut with_end, mut versions) = (0, 0, 0);
    for (a, path) in sample.iter().zip(&paths) {
        let got = &printed[*path];
        let num = a["num"].as_str().unwrap_or_default();
        assert_eq!(got["id"], a["id"], "{num}");
        assert_eq!(got["num"], a["num"], "{path}");
        let etat = a["etat"].as_str().filter(|e| !e.is_empty());
        assert_eq!(got["state"].as_str(), etat, "{num}: etat");
        let since = day_of(&a["dateDebut"]).map_or(Value::Null, Value::String);
        assert_eq!(got["since"], since, "{num}: dateDebut");
        assert_eq!(got["until"], end_of(&a["dateFin"]), "{num}: dateFin");
        let nota = got["nota"]
            .as_str()
            .map_or(Value::Null, |n| Value::String(letters(n)));
        assert_eq!(nota, text_or_null(&a["nota"]), "{num}: nota");
        let listed = a["articleVersions"].as_array().map_or(0, Vec::len);
        let printed_versions = got["versions"].as_array().expect("a list");
        assert_eq!(printed_versions.len(), listed, "{num}: articleVersions");
        for (v, w) in printed_versions
            .iter()
            .zip(a["articleVersions"].as_array().into_iter().flatten())
        {
            assert_eq!(
                v["since"],
                day_of(&w["dateDebut"]).map_or(Value::Null, Value::String),
                "{num}"
            );
            assert_eq!(v["until"], end_of(&w["dateFin"]), "{num}");
        }
        assert!(
            got["text"].as_str().is_some_and(|t| !t.is_empty()),
            "{num}: text"
        );
        with_nota += usize::from(!nota.is_null());
        with_end += usize::from(!got["until"].is_null());
        versions += listed;
    }
    // The sample holds the cases compared, not only the plain ones.
    assert!(with_nota > 30, "{with_nota} with a Nota");
    assert!(with_end > 0, "{with_end} with an end");
    assert!(versions > SAMPLE, "{versions} versions");
}

/// Each line of `loi changes --since 2025-01-01` is a day one of the article's
/// versions starts or ends in the package; and every version the package starts on or
/// after that day (but one never in force) is listed on its day.
#[test]
fn changes_since_a_day_are_the_package_s_versions_starting_or_ending_then() {
    const SINCE: &str = "2025-01-01";
    let mirror = imported();
    let by_id = paths_by_id(mirror);
    let package: BTreeMap<&str, &Value> = articles()
        .iter()
        .filter_map(|a| Some((by_id.get(a["id"].as_str()?)?.as_str(), a)))
        .collect();
    let rows: Vec<Value> = loi_stdout(mirror, &["changes", "--json", "--since", SINCE])
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert!(rows.len() > 1000, "{} changes", rows.len());
    let dates = |a: &Value, field: &str| -> Vec<String> {
        a["articleVersions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| day_of(&v[field]))
            .collect()
    };
    let mut listed = BTreeSet::new();
    for (i, row) in rows.iter().enumerate() {
        let (date, path) = (
            row["date"].as_str().expect("a date"),
            row["path"].as_str().expect("a path"),
        );
        assert!(date >= SINCE, "{row}");
        if let Some(next) = rows.get(i + 1) {
            assert!(
                next["date"].as_str() >= Some(date),
                "sorted by date: {row} {next}"
            );
        }
        let a = package
            .get(path)
            .unwrap_or_else(|| panic!("{path} in the package"));
        let starts = dates(a, "dateDebut");
        let ends = dates(a, "dateFin");
        assert!(
            starts.iter().chain(&ends).any(|d| d == date),
            "{row}: no version of {} starts or ends then",
            a["num"]
        );
        listed.insert((date.to_owned(), path.to_owned()));
    }
    let mut expected = 0;
    for (path, a) in &package {
        for v in a["articleVersions"].as_array().into_iter().flatten() {
            let (Some(start), end) = (day_of(&v["dateDebut"]), day_of(&v["dateFin"])) else {
                continue;
            };
            if start.as_str() < SINCE
                || v["etat"] == "MODIFIE_MORT_NE"
                || end.as_ref() == Some(&start)
            {
                continue;
            }
            expected += 1;
            assert!(
                listed.contains(&(start.clone(), (*path).to_owned())),
                "{} starts a version on {start}, not listed",
                a["num"]
            );
        }
    }
    assert!(expected > 1000, "{expected} versions since {SINCE}");
}
