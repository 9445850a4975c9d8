//! The law at a date from the command line: `loi print` (its state line, its Nota,
//! `--date`, `--json`) and `loi changes --since`, the real binary on a mirror imported
//! from the LEGI fixtures (`tests/fixtures/legi/`: seven articles of the CRPA, one with
//! a Nota, two with an older version whose text the mirror keeps, one repealed in 2031).

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use serde_json::Value;

use crate::support::dated::{FULL, archives};

const CODE: &str = "code-des-relations-entre-le-public-et-ladministration";
const CRPA: &str = "Code des relations entre le public et l'administration";

/// A new mirror imported from the full archive, in a folder of its own.
fn imported() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mirror = dir.path().join("mirror");
    let out = crate::support::loi()
        .args(["import", "--into"])
        .arg(&mirror)
        .arg(archives().join(FULL))
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .output()
        .expect("loi runs");
    assert!(out.status.success(), "{out:?}");
    (dir, mirror)
}

/// The mirror the tests only read, imported once.
fn mirror() -> &'static Path {
    static MIRROR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &MIRROR.get_or_init(imported).1
}

/// `loi --mirror MIRROR ARGS…`, with a home of its own (no bookmarks, no cache).
fn loi_in(mirror: &Path, args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("home");
    crate::support::loi()
        .arg("--mirror")
        .arg(mirror)
        .args(args)
        .env_remove("NO_COLOR")
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .output()
        .expect("loi runs")
}

fn loi(args: &[&str]) -> Output {
    loi_in(mirror(), args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Today, as loi reads it (UTC).
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    loi::model::date::of_seconds(secs)
}

/// L300-4's end, 1 January 2031, as it is said: to come, until it is past.
fn repeal_2031() -> &'static str {
    if today().as_str() < "2031-01-01" {
        "abrogation à venir"
    } else {
        "abrogé"
    }
}

fn json_lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn print_says_where_the_article_stands_under_its_heading_and_its_nota_after_its_text() {
    let out = loi(&["print", "--width", "200", "L100-1", "L300-4"]);
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], format!("Article L100-1 · {CRPA}"));
    assert_eq!(lines[1], "En vigueur depuis le 1er janvier 2016");
    assert_eq!(lines[2], "Dispositions préliminaires");
    // The Nota, an item after the text, its paragraph inside it.
    let nota = lines
        .iter()
        .position(|l| l.trim() == "Nota")
        .expect("a Nota");
    assert!(
        lines[nota - 1].contains("applicable aux relations entre l'administration"),
        "after the text: {text}"
    );
    assert!(
        lines[nota + 1]
            .trim_start()
            .starts_with("Conformément à l'article 9 de l'ordonnance n° 2015-1341"),
        "{text}"
    );
    assert!(lines[nota + 1].starts_with("    "), "inside the Nota");
    let l300_4 = lines
        .iter()
        .position(|l| l.starts_with("Article L300-4"))
        .expect("L300-4");
    let until = if today().as_str() < "2031-01-01" {
        "En vigueur jusqu'au 1er janvier 2031, puis abrogé"
    } else {
        "Abrogé depuis le 1er janvier 2031"
    };
    assert_eq!(lines[l300_4 + 1], until);
    // L300-4 has no Nota.
    assert_eq!(text.matches("Nota").count(), 1, "{text}");
}

#[test]
fn print_on_a_date_gives_that_days_version_or_says_the_mirror_lacks_it() {
    let now = stdout(&loi(&["print", "--width", "200", "L300-2"]));
    assert!(now.contains("codes sources et décisions"), "{now}");
    let then = loi(&["print", "--width", "200", "--date", "2016-06-01", "L300-2"]);
    assert!(then.status.success(), "{then:?}");
    let then = stdout(&then);
    let lines: Vec<&str> = then.lines().collect();
    assert_eq!(
        lines[1],
        "Version en vigueur du 1er janvier 2016 au 9 octobre 2016 · lu au 1er juin 2016"
    );
    assert!(lines[2].starts_with("Livre III"), "{then}");
    assert!(
        then.contains("prévisions et décisions") && !then.contains("codes sources"),
        "the text of 2016: {then}"
    );
    // The day the new version starts is its own.
    let on = stdout(&loi(&["print", "--date", "2016-10-09", "L300-2"]));
    assert!(on.contains("codes sources"), "{on}");
    // Before the article, and after its repeal: today's text, and what the day was.
    let before = stdout(&loi(&["print", "--date", "2015-01-01", "L300-4"]));
    assert_eq!(
        before.lines().nth(1),
        Some("Pas encore en vigueur : le sera le 9 octobre 2016 · lu au 1er janvier 2015")
    );
    let after = stdout(&loi(&["print", "--date", "2040-01-01", "L300-4"]));
    assert_eq!(
        after.lines().nth(1),
        Some("Abrogé depuis le 1er janvier 2031 · lu au 1er janvier 2040")
    );

    // The same mirror without the old version's text: today's text, said so.
    let (_dir, lacking) = imported();
    let old = lacking
        .join(".loi/versions")
        .join(CODE)
        .join("LEGIARTI000031367689.html");
    std::fs::remove_file(&old).expect("the old version's text was kept");
    let out = loi_in(
        &lacking,
        &["print", "--width", "200", "--date", "2016-06-01", "L300-2"],
    );
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].starts_with("Version en vigueur du 1er janvier 2016"));
    assert_eq!(
        lines[2],
        "Le texte en vigueur le 1er juin 2016 n'est pas dans ce miroir : texte actuel affiché"
    );
    assert!(text.contains("codes sources"), "today's text: {text}");
}

#[test]
fn a_bad_date_is_refused_with_the_form_expected() {
    for bad in ["2016-02-30", "01/06/2016", "2016-6-1", "hier"] {
        for args in [
            ["print", "--date", bad, "L300-2"],
            ["changes", "--since", bad, "L300-2"],
        ] {
            let out = loi(&args);
            assert_eq!(out.status.code(), Some(2), "{bad}");
            let err = stderr(&out);
            assert!(err.contains("YYYY-MM-DD") && err.contains(bad), "{err}");
            assert!(out.stdout.is_empty());
        }
    }
}

#[test]
fn print_json_gives_dates_versions_changes_and_text_a_line_each() {
    let out = loi(&["print", "--json", "L100-1", "L300-4", "L300-2"]);
    assert!(out.status.success(), "{out:?}");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3);
    let l100_1 = &lines[0];
    assert_eq!(l100_1["num"], "L100-1");
    assert_eq!(l100_1["code"], CRPA);
    assert_eq!(
        l100_1["path"],
        format!("{CODE}/dispositions-preliminaires/l100-1.md")
    );
    assert_eq!(l100_1["id"], "LEGIARTI000031367304");
    assert_eq!(l100_1["state"], "VIGUEUR");
    assert_eq!(l100_1["since"], "2016-01-01");
    assert_eq!(l100_1["until"], Value::Null);
    assert_eq!(
        l100_1["nota"],
        "Conformément à l'article 9 de l'ordonnance n° 2015-1341 du 23 octobre 2015, les présentes dispositions entrent en vigueur le 1er janvier 2016."
    );
    assert_eq!(
        l100_1["changed_by"][1],
        serde_json::json!({
            "title": "Ordonnance n°2015-1341 du 23 octobre 2015 - art. 1",
            "kind": "CREATION",
            "date": "2015-10-23"
        })
    );
    let text = l100_1["text"].as_str().expect("text");
    assert!(text.starts_with("Le présent code régit"), "{text}");
    assert!(!text.contains("Conformément"), "the Nota is apart: {text}");

    let l300_4 = &lines[1];
    assert_eq!(l300_4["state"], "ABROGE_DIFF");
    assert_eq!(l300_4["until"], "2031-01-01");
    assert_eq!(l300_4["nota"], Value::Null);
    assert_eq!(
        l300_4["versions"],
        serde_json::json!([{"state": "ABROGE_DIFF", "since": "2016-10-09", "until": "2031-01-01"}])
    );

    let l300_2 = &lines[2];
    assert_eq!(
        l300_2["versions"],
        serde_json::json!([
            {"state": "MODIFIE", "since": "2016-01-01", "until": "2016-10-09"},
            {"state": "VIGUEUR", "since": "2016-10-09", "until": null}
        ])
    );
    assert_eq!(l300_2["text_version"], 1);
    // Paragraphs a line each; references are not marked in plain text.
    let text = l300_2["text"].as_str().expect("text");
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("codes sources") && !text.contains("[1]"));

    // On a date, the text of that day's version, and which one it is.
    let then = loi(&["print", "--json", "--date", "2016-06-01", "L300-2"]);
    let then = &json_lines(&then)[0];
    assert_eq!(then["text_version"], 0);
    assert!(
        !then["text"]
            .as_str()
            .expect("text")
            .contains("codes sources")
    );
    assert_eq!(then["since"], "2016-10-09", "the article's own dates still");
}

#[test]
fn a_mirror_without_metadata_gives_nulls_and_no_changes() {
    // The sample built into loi keeps no dates.
    let out = crate::support::loi()
        .args(["print", "--json", "D313-14"])
        .env_remove("LOI_MIRROR")
        .output()
        .expect("loi runs");
    assert!(out.status.success(), "{out:?}");
    let line = &json_lines(&out)[0];
    for field in ["id", "state", "since", "until", "nota", "text_version"] {
        assert_eq!(line[field], Value::Null, "{field}");
    }
    assert_eq!(line["versions"], serde_json::json!([]));
    assert_eq!(line["changed_by"], serde_json::json!([]));
    assert_eq!(line["code"], "Code de l'éducation");
    assert!(line["text"].as_str().is_some_and(|t| t.len() > 100));
    // Its text has no state line, unless a date is asked.
    let plain = crate::support::loi()
        .args(["print", "D313-14"])
        .env_remove("LOI_MIRROR")
        .output()
        .expect("loi runs");
    let plain = stdout(&plain);
    assert!(
        plain
            .lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("Partie"))
    );
    let dated = crate::support::loi()
        .args(["print", "--date", "2020-01-01", "D313-14"])
        .env_remove("LOI_MIRROR")
        .output()
        .expect("loi runs");
    assert_eq!(
        stdout(&dated).lines().nth(1),
        Some(loi::app::words::dates::UNKNOWN)
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let bare = dir.path().join("bare");
    let section = bare.join(CODE).join("livre-ier");
    std::fs::create_dir_all(&section).expect("mkdir");
    std::fs::write(section.join("l1-1.md"), "# Article L1-1\n\n<p>Texte.</p>").expect("write");
    for args in [
        &["changes", "--since", "2020-01-01"][..],
        &["changes", "--since", "2020-01-01", "L1-1"],
    ] {
        let out = loi_in(&bare, args);
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        let err = stderr(&out);
        assert!(
            err.starts_with("loi: ")
                && err.contains("keeps no dates")
                && err.contains("loi import"),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn changes_lists_each_change_on_or_after_the_day_by_date_then_number() {
    let out = loi(&["changes", "--since", "2016-06-01"]);
    assert!(out.status.success(), "{out:?}");
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    let want = [
        format!("2016-10-09\tL300-2\t{CRPA}\tmodifié"),
        format!("2016-10-09\tL300-4\t{CRPA}\tcréé"),
        format!("2016-12-01\tD324-5-1\t{CRPA}\tcréé"),
        format!("2017-01-01\tD324-5-1\t{CRPA}\tmodifié"),
        format!("2031-01-01\tL300-4\t{CRPA}\t{}", repeal_2031()),
    ];
    assert_eq!(stdout(&out).lines().collect::<Vec<_>>(), want);
    // The first day counts; the one after it does not.
    let on = stdout(&loi(&["changes", "--since", "2016-10-09"]));
    assert!(on.starts_with("2016-10-09\tL300-2"), "{on}");
    let after = stdout(&loi(&["changes", "--since", "2016-10-10"]));
    assert!(!after.contains("2016-10-09"), "{after}");
    // All: the articles created with the code on 1 January 2016, by number.
    let all = stdout(&loi(&["changes", "--since", "2000-01-01"]));
    let first: Vec<&str> = all
        .lines()
        .take_while(|l| l.starts_with("2016-01-01"))
        .map(|l| l.split('\t').nth(1).expect("a number"))
        .collect();
    assert_eq!(first, ["L100-1", "L100-2", "L100-3", "L300-2", "L330-1"]);
    assert!(stdout(&loi(&["changes", "--since", "2031-01-02"])).is_empty());
}

#[test]
fn changes_of_the_articles_named_and_of_the_bookmarks() {
    let out = loi(&[
        "changes",
        "--since",
        "2016-01-01",
        "--json",
        "L300-2",
        "L300-4",
    ]);
    assert!(out.status.success(), "{out:?}");
    let rows = json_lines(&out);
    let what: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["date"].as_str().unwrap_or(""),
                r["what"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        what,
        [
            ("2016-01-01", "créé"),
            ("2016-10-09", "modifié"),
            ("2016-10-09", "créé"),
            ("2031-01-01", repeal_2031())
        ]
    );
    assert_eq!(rows[0]["num"], "L300-2");
    assert_eq!(rows[0]["code"], CRPA);
    assert!(
        rows[0]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("/l300-2.md"))
    );

    // An article that is not there is said and skipped; the others are listed.
    let out = loi(&["changes", "--since", "2016-01-01", "L300-4", "L999-9"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("L999-9"), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 2);

    // Bookmarks: those of this mirror only, each article once.
    let home = tempfile::tempdir().expect("home");
    let data = home.path().join("data");
    std::fs::create_dir_all(data.join("loi")).expect("mkdir");
    let key = std::fs::canonicalize(mirror()).expect("the mirror");
    let mark = |mirror: &str, path: &str, block: Option<usize>| serde_json::json!({"mirror": mirror, "path": path, "num": "x", "block": block, "point": "", "at": 1});
    let key = key.to_str().expect("UTF-8");
    let l300_4 = format!(
        "{CODE}/livre-iii-lacces-aux-documents-administratifs-et-la-reutilisation-des-informations-publiques/l300-4.md"
    );
    let l100_1 = format!("{CODE}/dispositions-preliminaires/l100-1.md");
    let marks = serde_json::json!([
        mark(key, &l300_4, None),
        mark(key, &l300_4, Some(2)),
        mark("/elsewhere", &l100_1, None),
    ]);
    let file = data.join("loi").join("bookmarks.json");
    std::fs::write(&file, marks.to_string()).expect("write");
    let bookmarked = |args: &[&str]| {
        crate::support::loi()
            .arg("--mirror")
            .arg(mirror())
            .args(["changes", "--since", "2016-01-01", "--bookmarks"])
            .args(args)
            .env("XDG_DATA_HOME", &data)
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .output()
            .expect("loi runs")
    };
    let out = bookmarked(&[]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        stdout(&out).lines().collect::<Vec<_>>(),
        [
            format!("2016-10-09\tL300-4\t{CRPA}\tcréé"),
            format!("2031-01-01\tL300-4\t{CRPA}\t{}", repeal_2031())
        ]
    );
    // With articles named too, each once.
    let out = bookmarked(&["L300-4", "L100-1"]);
    let got = stdout(&out);
    assert_eq!(got.lines().count(), 3, "{got}");
    assert!(got.starts_with("2016-01-01\tL100-1\t"), "{got}");

    // None in this mirror: said, and nothing listed.
    std::fs::write(&file, "[]").expect("write");
    let out = bookmarked(&[]);
    assert!(out.status.success() && out.stdout.is_empty(), "{out:?}");
    assert!(stderr(&out).contains("no bookmark"), "{}", stderr(&out));
}

#[test]
fn print_diff_marks_what_a_version_changed_and_says_when_there_is_nothing_to_compare() {
    let out = loi(&["print", "--diff", "--color=never", "L300-2"]);
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    assert!(text.contains("Modifications du 9 octobre 2016"), "{text}");
    assert!(
        text.contains("2 mots insérés {+…+}, 0 mot supprimé [-…-]"),
        "{text}"
    );
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        joined.contains("prévisions{+, codes sources+} et décisions"),
        "{text}"
    );
    // At a date of its first version: nothing before it, said, exit code 2.
    let first = loi(&["print", "--diff", "--date", "2016-05-01", "L300-2"]);
    assert_eq!(first.status.code(), Some(2), "{first:?}");
    assert!(String::from_utf8_lossy(&first.stderr).contains("première version"));
    // --diff and --json are one or the other.
    let both = loi(&["print", "--diff", "--json", "L300-2"]);
    assert_eq!(both.status.code(), Some(2));
}
