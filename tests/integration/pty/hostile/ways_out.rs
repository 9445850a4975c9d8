//! Hrefs and paths that try to leave the mirror: refused in the reader, by
//! `loi links` and on the command line.

use super::*;

/// Hrefs that try to leave the mirror, each with what the refusal says.
const WAYS_OUT: &[(&str, &str)] = &[
    (
        "/code-du-travail/../../outside/l1-1.md",
        "leads outside the mirror",
    ),
    (
        "/code-du-travail/%2e%2e/%2e%2e/outside/l1-1.md",
        "leads outside the mirror",
    ),
    (
        "/code-du-travail/%252e%252e/%252e%252e/outside/l1-1.md",
        "leads outside the mirror",
    ),
    (
        "/code-du-travail/..%2f..%2foutside/l1-1.md",
        "leads outside the mirror",
    ),
    (
        "/code-du-travail\\..\\..\\outside\\l1-1.md",
        "leads outside the mirror",
    ),
    ("c:/outside/l1-1.md", "leads outside the mirror"),
    (
        "file:///etc/passwd",
        "a link of a kind the reader cannot follow",
    ),
    (
        "file:///etc/passwd.md",
        "a link of a kind the reader cannot follow",
    ),
    (
        "/code-du-travail/s/l1-1.md%00.md",
        "leads outside the mirror",
    ),
    ("/etc/passwd.md", "is not in this mirror"),
    (
        "//evil.example/code-du-travail/l1-1.md",
        "leads outside the mirror",
    ),
    ("/code-du-travail/out/l1-1.md", "leads outside the mirror"),
    ("/code-du-travail/s/l1-2.md", "leads outside the mirror"),
    ("/code-du-travail/etc/hostname.md", "not in this mirror"),
];

/// A mirror with one article whose references are the [`WAYS_OUT`]; beside it, a
/// folder `outside` with an article, reached by a symlinked folder
/// (`code-du-travail/out`), a symlinked file (`s/l1-2.md`), and a symlink to `/etc`.
fn escape_mirror() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("mirror");
    let s = root.join("code-du-travail/s");
    let outside = dir.path().join("outside");
    write(&outside.join("l1-1.md"), "# Article L1-1\n\n<p>Secret.</p>");
    let links: String = WAYS_OUT
        .iter()
        .enumerate()
        .map(|(i, (href, _))| format!("<p>{}° <a href='{href}'>L. 1-{}</a>.</p>", i + 1, i + 1))
        .collect();
    write(&s.join("l1-1.md"), format!("# Article L1-1\n\n{links}"));
    std::os::unix::fs::symlink(&outside, root.join("code-du-travail/out")).expect("symlink");
    std::os::unix::fs::symlink(outside.join("l1-1.md"), s.join("l1-2.md")).expect("symlink");
    std::os::unix::fs::symlink("/etc", root.join("code-du-travail/etc")).expect("symlink");
    (dir, root)
}

/// Enter on each way out: the status line says it is refused, the reader stays on
/// the article and never shows what lies outside.
#[test]
fn links_out_of_the_mirror_are_refused_in_the_reader() {
    let (_dir, root) = escape_mirror();
    let root = root.to_str().expect("UTF-8");
    let mut p = Pty::spawn(loi(), &["--mirror", root, "L1-1"], &[], 200, 30);
    p.wait_for("Article L1-1", TIMEOUT);
    for (i, (href, why)) in WAYS_OUT.iter().enumerate() {
        p.key(Key::Tab);
        p.wait_for(&format!(" L. 1-{}", i + 1), TIMEOUT);
        p.key(Key::Enter);
        let status = format!(" L. 1-{}: ", i + 1);
        let screen = p.wait_for(&status, TIMEOUT);
        let last = screen.lines().last().unwrap_or_default();
        assert!(last.contains(why), "{href}: {last}");
        assert!(screen.starts_with(" Article L1-1 "), "{href}: {screen}");
        assert!(!screen.contains("Secret"), "{href}: {screen}");
    }
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
    assert!(!String::from_utf8_lossy(&p.output()).contains("Secret"));
}

/// `loi links` gives each way out no target and says why; the command line refuses
/// the same paths, given as files.
#[test]
fn paths_out_of_the_mirror_are_refused_by_loi_links_and_the_command_line() {
    let (_dir, root) = escape_mirror();
    let out = Command::new(loi())
        .arg("--mirror")
        .arg(&root)
        .arg("links")
        .output()
        .expect("run loi");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    for (i, (href, why)) in WAYS_OUT.iter().enumerate() {
        let row = format!("\tL. 1-{}\t", i + 1);
        let row = text
            .lines()
            .find(|l| l.starts_with("code-du-travail/s/l1-1.md\t") && l.contains(&row))
            .unwrap_or_else(|| panic!("{href}: no row in\n{text}"));
        let fields: Vec<&str> = row.split('\t').collect();
        assert_eq!(fields[3], "-", "{href}: {row}");
        assert!(fields[4].contains(why), "{href}: {row}");
    }
    assert!(
        text.ends_with("14 references: 0 resolved, 14 not\n"),
        "{text}"
    );
    for arg in [
        "code-du-travail/../../outside/l1-1.md",
        "code-du-travail/%2e%2e/%2e%2e/outside/l1-1.md",
        "code-du-travail\\..\\..\\outside\\l1-1.md",
        "c:/outside/l1-1.md",
        "file:///etc/passwd",
        "code-du-travail/out/l1-1.md",
        "code-du-travail/s/l1-2.md",
        "code-du-travail/etc/passwd",
    ] {
        for links in [false, true] {
            let out = Command::new(loi())
                .arg("--mirror")
                .arg(&root)
                .args(links.then_some("links"))
                .arg(arg)
                .output()
                .expect("run loi");
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{arg}: {err}");
            assert!(
                err.contains("is outside the mirror"),
                "{arg} (links: {links}): {err}"
            );
            assert!(!String::from_utf8_lossy(&out.stdout).contains("Secret"));
        }
    }
}
