//! Citations as lawyers write them on the command line (issue 20, item 2): `loi print`
//! with each form, as one argument and as the shell splits it unquoted; `backlinks`
//! and `links` too; and the reader's own argument, opened at the point it names.

use std::process::{Command, Output};

use crate::support::citations::{self, Form, forms, says, shows, slug};

fn loi(dir: &tempfile::TempDir, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loi"))
        .arg("--mirror")
        .arg(dir.path())
        .args(args)
        .env_remove("LOI_MIRROR")
        .output()
        .expect("run loi")
}

/// The code a form opens: the one it names, else (a number every code has) none.
fn code_of(form: &Form) -> Option<&'static str> {
    (!form.code.is_empty()).then(|| slug(form.code))
}

#[test]
fn loi_print_opens_each_form_in_its_code() {
    let dir = citations::mirror();
    let mut failed = Vec::new();
    for form in forms() {
        let words: Vec<&str> = form.text.split_whitespace().collect();
        for args in [vec![form.text.as_str()], words] {
            let mut all = vec!["print", "--width", "200"];
            all.extend(&args);
            let out = loi(&dir, &all);
            let stdout = String::from_utf8_lossy(&out.stdout);
            let stderr = String::from_utf8_lossy(&out.stderr);
            let fine = match code_of(&form) {
                Some(code) => out.status.success() && shows(&stdout, form.num, code),
                // No code named, and every code has the number: which one, loi asks.
                None => {
                    out.status.code() == Some(2)
                        && stderr.contains(" is in several codes ")
                        && stderr.contains(&form.num.replace(' ', ""))
                }
            };
            if !fine {
                failed.push(format!("{args:?}: {:?} {stdout} {stderr}", out.status));
            }
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn several_citations_in_one_line_each_open_in_their_own_code() {
    let dir = citations::mirror();
    let out = loi(
        &dir,
        &[
            "print", "CSS", "L.", "242-1", "C.", "trav.", "L.", "1", "L1234-9", "C.", "civ.",
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    let at = |text: &str| {
        stdout
            .find(text)
            .unwrap_or_else(|| panic!("{text}: {stdout}"))
    };
    let order = [
        at(&says(slug("CSS"))),
        at(&says(slug("C. trav."))),
        at(&says(slug("C. civ."))),
    ];
    assert!(order.is_sorted(), "{order:?}");
}

#[test]
fn a_misspelt_code_is_told_with_its_nearest_names() {
    let dir = citations::mirror();
    for args in [
        vec!["print", "art. L. 1234-9 C. trv."],
        vec!["print", "art.", "L.", "1234-9", "C.", "trv."],
        vec!["backlinks", "art. L. 1234-9 C. trv."],
        vec!["links", "L1234-9 C. trv."],
        vec!["art. L. 1234-9 C. trv."],
    ] {
        let out = loi(&dir, &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains(
                "no code is called \"C. trv.\": did you mean C. trav. (Code du travail)?"
            ),
            "{args:?}: {stderr}"
        );
    }
    // A code the table has that the mirror does not: said, with the codes it holds.
    let out = loi(&dir, &["print", "C. transp., art. L. 1"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no code folder code-des-transports"),
        "{stderr}"
    );
}

#[test]
fn links_and_backlinks_take_a_citation() {
    let dir = citations::mirror();
    let out = loi(&dir, &["links", "C. trav., art. L. 6123-1"]);
    assert!(out.status.success(), "{out:?}");
    // Nothing cites it: the answer is empty, exit 1, not a citation misread (2).
    let out = loi(&dir, &["backlinks", "art.", "L.", "6123-1", "C.", "trav."]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
}

/// The reader's own argument, however the shell splits it, opens the article of the
/// code named at the point named.
#[test]
fn the_readers_argument_opens_the_article_at_its_point() {
    use clap::Parser;
    let dir = citations::mirror();
    let mirror = dir.path().to_str().expect("utf-8");
    for args in [
        vec![
            "loi",
            "--mirror",
            mirror,
            "C. trav., art. L. 6123-1, II, 3°",
        ],
        vec![
            "loi",
            "--mirror",
            mirror,
            "3°",
            "du",
            "II",
            "de",
            "l'article",
            "L.",
            "6123-1",
            "du",
            "code",
            "du",
            "travail",
        ],
    ] {
        let cli = loi::cli::Cli::parse_from(&args);
        let opened = loi::cli::target(&cli, false).expect("opened");
        assert_eq!(
            opened.article.expect("an article").path,
            citations::path("code-du-travail", "l6123-1.md")
        );
        let labels: Vec<String> = opened.point.iter().map(|m| m.label()).collect();
        assert_eq!(labels, ["II", "3°"], "{args:?}");
    }
}
