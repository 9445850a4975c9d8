//! `loi print` end to end: the real binary, to a pipe and to a pseudo-terminal, on the
//! bundled sample and on fixtures set in a mirror of their own.

use crate::support::pty;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use unicode_width::UnicodeWidthStr;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn loi(args: &[&str]) -> Output {
    crate::support::loi()
        .args(args)
        .env_remove("LOI_MIRROR")
        .env_remove("NO_COLOR")
        .output()
        .expect("run loi")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

/// A mirror holding the fixtures, each in the code and section folders a real
/// mirror would put it in (so that its heading names its code).
fn fixture_mirror() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let section = dir
        .path()
        .join("code-du-travail/partie-legislative/sixieme-partie");
    std::fs::create_dir_all(&section).expect("mkdir");
    for entry in std::fs::read_dir(FIXTURES).expect("fixtures") {
        let path = entry.expect("entry").path();
        // Articles only: tests/fixtures/legi/ holds archive fixtures, not articles.
        if !path.is_file() {
            continue;
        }
        let name = path.file_name().expect("name");
        std::fs::copy(&path, section.join(name)).expect("copy");
    }
    let root = dir.path().to_owned();
    (dir, root)
}

/// The entries of the `References` list, continuation lines joined to their entry.
fn entries(text: &str) -> Vec<String> {
    let Some((_, list)) = text.split_once("\nReferences\n") else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for line in list.lines() {
        match out.last_mut() {
            Some(entry) if line.starts_with(' ') => {
                entry.push(' ');
                entry.push_str(line.trim_start());
            }
            _ => out.push(line.to_owned()),
        }
    }
    out
}

/// Whether `line` is an address of the `References` list alone on its line: never cut,
/// it may be wider than the width.
fn is_address_alone(text: &str, line: &str) -> bool {
    let list = text.split_once("\nReferences\n").map_or("", |(_, l)| l);
    let word = line.trim_start();
    word.contains('/') && !word.contains(' ') && list.lines().any(|l| l == line)
}

/// Every line at most `width` columns (but an address, never cut), and the list saying
/// of each reference what `loi links` says of it, in the same order. Returns how many
/// references were checked.
fn check_against_links(mirror: &[&str], article: &str, width: usize) -> usize {
    let w = width.to_string();
    let printed = loi(&[mirror, &["print", "--width", &w, "--color=never", article]].concat());
    assert!(printed.status.success(), "{printed:?}");
    let text = stdout(&printed);
    assert!(!text.contains('\x1b'));
    for line in text.lines() {
        assert!(
            line.width() <= width || is_address_alone(&text, line),
            "{article} at {width}: {line:?}"
        );
    }
    let links = loi(&[mirror, &["links", article]].concat());
    let rows: Vec<Vec<String>> = stdout(&links)
        .lines()
        .filter(|l| l.contains('\t'))
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect();
    let entries = entries(&text);
    assert_eq!(entries.len(), rows.len(), "{article}:\n{text}");
    for (n, (entry, row)) in entries.iter().zip(&rows).enumerate() {
        let (citing, reference, target) = (&row[0], &row[2], &row[3]);
        let marker = format!("[{}]", n + 1);
        assert!(text.contains(&marker), "{marker} in the text");
        assert!(
            entry.starts_with(&format!("{marker} {reference} → ")),
            "{entry} / {row:?}"
        );
        let said = &entry[entry.find(" → ").expect("an arrow") + " → ".len()..];
        match target.as_str() {
            "-" => assert!(
                said.starts_with("(unresolved: ") || said.starts_with("https://"),
                "{entry}"
            ),
            t if t.split(' ').next() == Some(citing.as_str()) => {
                assert!(said.starts_with("this article"), "{entry}")
            }
            t => {
                let file = t.split(' ').next().and_then(|p| p.rsplit('/').next());
                assert!(said.contains(file.expect("a file")), "{entry} / {t}");
            }
        }
    }
    rows.len()
}

#[test]
fn lines_fit_and_the_list_matches_the_references() {
    assert_eq!(check_against_links(&[], "D313-14", 40), 12);
    assert_eq!(check_against_links(&[], "D313-14", 80), 12);
    let (_dir, root) = fixture_mirror();
    let root = root.to_str().expect("UTF-8 path");
    let checked: usize = ["L6123-1", "R4222-6", "L4121-3-1", "L5312-1", "D313-14"]
        .iter()
        .map(|article| check_against_links(&["--mirror", root], article, 40))
        .sum();
    assert!(checked > 20, "{checked} references");
}

#[test]
fn several_articles_each_set_apart_and_a_bad_one_said_and_skipped() {
    let out = loi(&["print", "--width", "50", "D313-14", "L9999-1", "L6123-1"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    let parts: Vec<&str> = text.split(&format!("\n\n{}\n\n", "═".repeat(50))).collect();
    assert_eq!(parts.len(), 2, "{text}");
    assert!(parts[0].starts_with("Article D313-14 · Code de l'éducation\n"));
    assert!(parts[1].starts_with("Article L6123-1 · Code du travail\n"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("loi: no article L9999-1 in the bundled sample mirror"));
    // A lone file outside any code folder is printed too, named by its number.
    let alone = loi(&["print", &format!("{FIXTURES}/l6123-1.md")]);
    assert!(stdout(&alone).starts_with("Article L6123-1\n"), "{alone:?}");
    let none = loi(&["print"]);
    assert_eq!(none.status.code(), Some(2), "an article is required");
}

/// An article of a code's former numbering says so in its heading, in words (a pipe
/// has no styles), and its trail names its part in full; today's articles say nothing.
#[test]
fn a_former_numbering_is_said_in_the_heading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let parts = [
        ("partie-reglementaire-ancienne-decrets-simples", "d1-1"),
        ("partie-legislative", "l2-1"),
    ];
    for (part, num) in parts {
        let folder = dir.path().join("code-x").join(part).join("livre-ier");
        std::fs::create_dir_all(&folder).expect("mkdir");
        std::fs::write(
            folder.join(format!("{num}.md")),
            format!("# Article {}\n\n<p>Texte.</p>", num.to_uppercase()),
        )
        .expect("write");
    }
    let root = dir.path().to_str().expect("utf-8 path");
    let out = loi(&["--mirror", root, "print", "--color=never", "D1-1", "L2-1"]);
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("Article ")).collect();
    assert_eq!(headings.len(), 2, "{text}");
    assert!(
        headings[0].ends_with(" · Ancienne numérotation"),
        "{}",
        headings[0]
    );
    assert!(!headings[1].contains("Ancienne"), "{}", headings[1]);
    assert!(
        text.contains("\nPartie réglementaire ancienne - Décrets simples › Livre Ier\n"),
        "{text}"
    );
}

#[test]
fn styles_when_asked_and_never_in_a_pipe() {
    let never = loi(&["print", "--color=never", "D313-14"]);
    let auto = loi(&["print", "D313-14"]);
    assert!(!never.stdout.contains(&0x1b));
    assert_eq!(auto.stdout, never.stdout, "a pipe gets plain text");
    let rule = format!("\n{}\n", "─".repeat(80));
    assert!(stdout(&auto).contains(&rule), "80 columns in a pipe");
    let always = stdout(&loi(&["print", "--color=always", "D313-14"]));
    assert!(always.starts_with("\x1b[1mArticle D313-14"), "{always}");
    assert!(always.contains("\x1b[4marticles L. 6123-1\x1b[0m[4]"));
    // The text is the same once the styles are taken out.
    let mut plain = always.clone();
    for sgr in ["\x1b[1m", "\x1b[3m", "\x1b[4m", "\x1b[0m"] {
        plain = plain.replace(sgr, "");
    }
    assert_eq!(plain.as_bytes(), never.stdout);
}

/// In a terminal: its width, styles unless NO_COLOR says otherwise, and hyperlinks
/// unless --no-hyperlinks does.
#[test]
fn a_terminal_gets_its_width_and_styles() {
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let loi = Path::new(env!("CARGO_BIN_EXE_loi"));
        let args: Vec<&str> = ["print", "D313-14"].iter().chain(args).copied().collect();
        let mut p = pty::Pty::spawn(loi, &args, env, 50, 200);
        assert_eq!(p.wait_exit(Duration::from_secs(10)), Some(0));
        String::from_utf8(p.output()).expect("UTF-8")
    };
    let styled = run(&[], &[]);
    let code = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006071191/";
    assert!(
        styled.contains(&format!("\x1b]8;;{code}\x1b\\\x1b[1mArticle D313-14")),
        "{styled:?}"
    );
    let plain = run(&["--no-hyperlinks"], &[("NO_COLOR", "1")]);
    assert!(!plain.contains('\x1b'), "{plain:?}");
    let text = plain.replace("\r\n", "\n");
    assert!(
        text.lines()
            .all(|l| l.width() <= 50 || is_address_alone(&text, l)),
        "{text}"
    );
    assert!(
        plain.contains(&format!("{}\r\n", "─".repeat(50))),
        "{plain}"
    );
}

#[test]
fn l6123_1_printed_at_80_columns() {
    let (_dir, root) = fixture_mirror();
    let root = root.to_str().expect("UTF-8 path");
    let out = loi(&["--mirror", root, "print", "--width", "80", "L6123-1"]);
    assert!(out.status.success());
    insta::assert_snapshot!(stdout(&out));
}

/// D4163-2: tables in box lines, a header across rows and one across columns, body
/// cells across rows, at the width asked.
#[test]
fn tables_are_printed_in_box_lines() {
    let (_dir, root) = fixture_mirror();
    let root = root.to_str().expect("UTF-8 path");
    let out = loi(&["--mirror", root, "print", "--width", "80", "D4163-2"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.lines().all(|l| l.width() <= 80));
    insta::assert_snapshot!(text);
}

/// R4412-149's table of 11 columns cannot fit 80: a pipe does not scroll, so it is
/// printed whole, every line of it as wide as the box; the text around keeps 80.
#[test]
fn a_table_wider_than_the_width_is_printed_whole() {
    let (_dir, root) = fixture_mirror();
    let root = root.to_str().expect("UTF-8 path");
    let out = loi(&["--mirror", root, "print", "--width", "80", "R4412-149"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("  ┌"))
        .take_while(|l| !l.starts_with("References"))
        .filter(|l| l.starts_with("  ") && !l.trim().is_empty())
        .collect();
    let width = table[0].width();
    assert!(width > 120, "{width}");
    assert!(table.iter().all(|l| l.width() == width), "{table:#?}");
    assert!(table.last().is_some_and(|l| l.starts_with("  └")));
    assert!(table.iter().any(|l| l.contains("│ Xylène : mélange")));
    let around = text.lines().filter(|l| !table.contains(l));
    assert!(around.clone().all(|l| l.width() <= 80));
    assert!(
        around
            .clone()
            .any(|l| l.starts_with("  Les concentrations"))
    );
}

#[test]
fn the_seed_printed_at_40_columns_folded() {
    let out = loi(&["print", "--width", "40", "--folded", "D313-14"]);
    assert!(out.status.success());
    insta::assert_snapshot!(stdout(&out));
}

/// `loi print … | head`: the reader stops reading, and loi stops quietly.
#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    // Far more than a pipe holds, so that loi is still writing when it closes.
    let args: Vec<&str> = std::iter::once("print")
        .chain(std::iter::repeat_n("D313-14", 300))
        .collect();
    let mut child = crate::support::loi()
        .args(&args)
        .env_remove("LOI_MIRROR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run loi");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("a line");
    assert_eq!(first, "Article D313-14 · Code de l'éducation\n");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
