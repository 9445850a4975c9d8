//! `D` in the reader: the articles read since it started, written as a Markdown file
//! in the current folder, never over another, and the status line says where.

use std::path::Path;
use std::time::Duration;

use crate::support::pty::Pty;

const TIMEOUT: Duration = Duration::from_secs(10);

/// `loi args` started in the folder `dir`, at `cols`x`rows`.
fn loi_in(dir: &Path, args: &[&str], cols: u16, rows: u16) -> Pty {
    let script = r#"cd "$1" || exit 9; shift; exec "$0" "$@""#;
    let mut all = vec![
        "-c",
        script,
        env!("CARGO_BIN_EXE_loi"),
        dir.to_str().expect("UTF-8"),
    ];
    all.extend_from_slice(args);
    Pty::spawn(Path::new("/bin/sh"), &all, &[], cols, rows)
}

fn go_to(p: &mut Pty, num: &str) {
    p.send(b"g");
    p.wait_for("Go to", TIMEOUT);
    p.send(num.as_bytes());
    p.send(b"\r");
    // The prompt closed: the next key goes to the article, not into it.
    let start = std::time::Instant::now();
    while p.screen().contains("Go to") && start.elapsed() < TIMEOUT {
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn dossiers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read the folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn d_writes_the_three_articles_read_with_links_between_them_and_says_where() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut p = loi_in(dir.path(), &["D313-14"], 80, 24);
    p.wait_for("Article D313-14", TIMEOUT);
    go_to(&mut p, "L6123-1");
    p.wait_for("Article L6123-1", TIMEOUT);
    go_to(&mut p, "D6123-1");
    p.wait_for("Article D6123-1", TIMEOUT);
    p.send(b"D");
    let screen = p.wait_for("(3 articles)", TIMEOUT);
    let names = dossiers(dir.path());
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(
        names[0].starts_with("dossier-") && names[0].ends_with(".md"),
        "{names:?}"
    );
    assert!(
        screen.contains(&format!("./{} written", names[0])),
        "{screen}"
    );
    let path = dir.path().join(&names[0]);
    let md = std::fs::read_to_string(&path).expect("the dossier");
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(headings.len(), 3, "{md}");
    assert!(
        headings[0].ends_with("Article D. 313-14 du code de l'éducation"),
        "{md}"
    );
    assert!(
        headings[1].ends_with("Article L. 6123-1 du code du travail"),
        "{md}"
    );
    assert!(
        headings[2].ends_with("Article D. 6123-1 du code du travail"),
        "{md}"
    );
    // D313-14 cites the two others: links to their headings.
    assert!(
        md.contains("](#article-l-6123-1-du-code-du-travail)"),
        "{md}"
    );
    assert!(
        md.contains("](#article-d-6123-1-du-code-du-travail)"),
        "{md}"
    );
    assert!(
        md.contains("Conseil national de l'orientation"),
        "L6123-1's words: {md}"
    );

    // Again, the same minute: a second file, the first kept.
    p.send(b"D");
    let start = std::time::Instant::now();
    while dossiers(dir.path()).len() < 2 && start.elapsed() < TIMEOUT {
        std::thread::sleep(Duration::from_millis(50));
    }
    let again = dossiers(dir.path());
    assert_eq!(again.len(), 2, "{again:?}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&names[0])).expect("kept"),
        md
    );
}

#[test]
fn d_in_a_folder_that_cannot_be_written_says_so_and_what_to_do() {
    // A folder removed under loi cannot be written, even by root.
    let dir = tempfile::tempdir().expect("temp dir");
    let gone = dir.path().join("gone");
    std::fs::create_dir(&gone).expect("a folder");
    let mut p = loi_in(&gone, &["D313-14"], 40, 12);
    p.wait_for("D313-14", TIMEOUT);
    std::fs::remove_dir(&gone).expect("removed");
    p.send(b"D");
    p.wait_for("cannot write the dossier", TIMEOUT);
    assert!(!gone.exists());
}
