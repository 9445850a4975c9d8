//! Numbers that several codes have, end to end in a pseudo-terminal: the reader asks
//! which code, puts the one chosen in place of the one shown while asking, and go-to
//! lists the code being read first.

use crate::support::pty;

use std::path::Path;
use std::time::Duration;

use pty::{Key, Pty};

const TIMEOUT: Duration = Duration::from_secs(10);

fn loi(args: &[&str]) -> Pty {
    Pty::spawn(Path::new(env!("CARGO_BIN_EXE_loi")), args, &[], 80, 24)
}

/// A number in two codes: in a terminal loi opens the first and asks which; through a
/// pipe it says which codes and exits 2.
#[test]
fn a_number_in_two_codes_asks_which() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (code, text) in [
        ("code-du-travail/s", "Repos hebdomadaire."),
        (
            "code-des-relations-entre-le-public-et-ladministration/t",
            "Le présent titre.",
        ),
    ] {
        let folder = dir.path().join(code);
        std::fs::create_dir_all(&folder).expect("mkdir");
        std::fs::write(
            folder.join("l221-1.md"),
            format!("# Article L221-1\n\n<p>{text}</p>"),
        )
        .expect("write");
    }
    let root = dir.path().to_str().expect("utf-8 path");
    let mut p = loi(&["--mirror", root, "L221-1"]);
    let asked = p.wait_for("L221-1 is in 2 codes: which one?", TIMEOUT);
    assert!(asked.contains("│Code du travail"), "{asked}");
    p.send(b"j\r");
    p.wait_for("Repos hebdomadaire.", TIMEOUT);
    // The choice took the place of the article shown while asking: nothing before
    // it, so Backspace stays, and says so.
    p.key(Key::Backspace);
    let screen = p.wait_for("nothing to go back to", TIMEOUT);
    assert!(screen.contains("Repos hebdomadaire."), "{screen}");
    assert!(!screen.contains("Le présent titre."), "{screen}");
    p.send(b"q");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
    // Choosing the article shown while asking does not stack it twice either.
    let mut p = loi(&["--mirror", root, "L221-1"]);
    p.wait_for("L221-1 is in 2 codes: which one?", TIMEOUT);
    p.send(b"\r");
    p.wait_for("Le présent titre.", TIMEOUT);
    p.key(Key::Backspace);
    let screen = p.wait_for("nothing to go back to", TIMEOUT);
    assert!(screen.contains("Le présent titre."), "{screen}");
    assert!(!screen.contains("L221-1 › L221-1"), "{screen}");
    p.send(b"q");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
    let out = crate::support::loi()
        .args(["--mirror", root, "L221-1"])
        .output()
        .expect("run loi");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("L221-1 is in several codes"), "{err}");
}

/// Go-to in an article of one code lists that code's article of the number first
/// (the mirror's first code is the other), and Backspace comes back to the article
/// read before.
#[test]
fn go_to_opens_the_code_read_first_and_back_returns() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (code, name, text) in [
        (
            "code-des-relations-entre-le-public-et-ladministration/t",
            "l221-1.md",
            "Le présent titre.",
        ),
        ("code-du-travail/s", "l221-1.md", "Repos hebdomadaire."),
        ("code-du-travail/s", "l221-2.md", "Article lu avant."),
    ] {
        let folder = dir.path().join(code);
        std::fs::create_dir_all(&folder).expect("mkdir");
        let num = name.trim_end_matches(".md").to_uppercase();
        std::fs::write(
            folder.join(name),
            format!("# Article {num}\n\n<p>{text}</p>"),
        )
        .expect("write");
    }
    let root = dir.path().to_str().expect("utf-8 path");
    let mut p = loi(&["--mirror", root, "L221-2"]);
    p.wait_for("Article lu avant.", TIMEOUT);
    p.send(b"g");
    p.send(b"L221-1");
    let listed = p.wait_for("L221-1 · Code des relations", TIMEOUT);
    let travail = listed.find("L221-1 · Code du travail");
    let other = listed.find("L221-1 · Code des relations");
    assert!(travail.is_some() && travail < other, "{listed}");
    p.key(Key::Enter);
    p.wait_for("Repos hebdomadaire.", TIMEOUT);
    p.key(Key::Backspace);
    p.wait_for("Article lu avant.", TIMEOUT);
    p.send(b"q");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}
