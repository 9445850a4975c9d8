//! Numbers that several codes have, end to end in a pseudo-terminal: go-to lists the
//! code being read first.

#[path = "common/pty.rs"]
mod pty;

use std::path::Path;
use std::time::Duration;

use pty::{Key, Pty};

const TIMEOUT: Duration = Duration::from_secs(10);

fn loi(args: &[&str]) -> Pty {
    Pty::spawn(Path::new(env!("CARGO_BIN_EXE_loi")), args, &[], 80, 24)
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
