//! Resolution of real link forms, and refusals of every way out of the mirror.

use super::*;

fn link(href: &str, text: &str) -> Link {
    Link {
        href: href.to_owned(),
        text: text.to_owned(),
        block: 0,
        cite: None,
        later_part: false,
    }
}

#[test]
fn numbers_in_link_texts() {
    assert_eq!(first_number("R. 6521-1").as_deref(), Some("R6521-1"));
    assert_eq!(
        first_number("articles L. 6123-1, L. 6123-2").as_deref(),
        Some("L6123-1")
    );
    assert_eq!(
        first_number("D. 6123-19 à D. 6123-21").as_deref(),
        Some("D6123-19")
    );
    assert_eq!(first_number("article LO 1-2").as_deref(), Some("LO1-2"));
    assert_eq!(first_number("R*4412-98").as_deref(), Some("R*4412-98"));
    assert_eq!(first_number("la loi"), None);
}

#[test]
fn query_values() {
    let href = "/affichCodeArticle.do?cidTexte=LEGITEXT000006072050&idArticle=LEGIARTI000018499188&dateTexte=";
    assert_eq!(query_value(href, "cidTexte"), Some("LEGITEXT000006072050"));
    assert_eq!(query_value(href, "idArticle"), Some("LEGIARTI000018499188"));
    assert_eq!(query_value(href, "x"), None);
}

#[test]
fn refusals_say_why() {
    let mirror = Mirror::bundled();
    assert!(matches!(
        resolve(&mirror, "", &link("/../etc/passwd.md", "x")),
        Err(Unresolved::Outside(_))
    ));
    assert!(matches!(
        resolve(&mirror, "", &link("https://www.legifrance.gouv.fr/", "x")),
        Err(Unresolved::External(_))
    ));
    let repealed_code = "/affichCodeArticle.do?cidTexte=LEGITEXT000006071029&idArticle=LEGIARTI1";
    match resolve(&mirror, "", &link(repealed_code, "R. 1")) {
        Err(e @ Unresolved::CodeNotInMirror { .. }) => {
            assert_eq!(e.to_string(), "Code pénal is not in this mirror");
        }
        other => panic!("{other:?}"),
    }
}

/// A mirror with one real article, a symlinked folder leading out, and an article
/// outside it that the symlink would reach.
fn hostile_mirror() -> (tempfile::TempDir, Mirror) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("mirror");
    let section = root.join("code-du-travail/s");
    std::fs::create_dir_all(&section).expect("mkdir");
    std::fs::write(
        section.join("l6123-1.md"),
        include_str!("../../tests/fixtures/l6123-1.md"),
    )
    .expect("write");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(&outside).expect("mkdir");
    std::fs::write(outside.join("l1-1.md"), "# Article L1-1\n\n<p>secret</p>").expect("write");
    std::os::unix::fs::symlink(&outside, root.join("code-du-travail/evil")).expect("symlink");
    std::os::unix::fs::symlink(outside.join("l1-1.md"), section.join("l1-2.md")).expect("symlink");
    let mirror = Mirror::open(&root).expect("mirror");
    (dir, mirror)
}

#[test]
fn every_way_out_of_the_mirror_is_refused() {
    let (_dir, mirror) = hostile_mirror();
    let hrefs = [
        "/code-du-travail/../../outside/l1-1.md",
        "/code-du-travail/%2e%2e/%2e%2e/outside/l1-1.md",
        "/code-du-travail/..%2f..%2foutside/l1-1.md",
        "/code-du-travail/%252e%252e/outside/l1-1.md",
        "//evil.example/code-du-travail/l1-1.md",
        "/code-du-travail\\..\\..\\outside\\l1-1.md",
        "c:/outside/l1-1.md",
        "/code-du-travail/s/l6123-1.md%00.md",
        "/code-du-travail/evil/l1-1.md",
        "/code-du-travail/s/l1-2.md",
    ];
    for href in hrefs {
        match resolve(&mirror, "", &link(href, "L. 1-1")) {
            Err(Unresolved::Outside(_)) => {}
            other => panic!("{href}: {other:?}"),
        }
    }
    // The message says what happened.
    let why = resolve(&mirror, "", &link(hrefs[0], "x")).expect_err("refused");
    assert!(why.to_string().contains("outside the mirror"), "{why}");
}

#[test]
fn other_addresses_are_not_paths() {
    let (_dir, mirror) = hostile_mirror();
    for href in [
        "file:///etc/passwd",
        "file:///etc/passwd.md",
        "javascript:alert(1)",
    ] {
        assert!(
            matches!(
                resolve(&mirror, "", &link(href, "x")),
                Err(Unresolved::Other(_) | Unresolved::External(_))
            ),
            "{href}"
        );
    }
    // An absolute path is read from the mirror's root, never from the disk's.
    let abs = resolve(&mirror, "", &link("/etc/passwd.md", "x"));
    assert!(
        matches!(abs, Err(Unresolved::CodeNotInMirror { .. })),
        "{abs:?}"
    );
    // And the real article still opens.
    assert!(resolve(&mirror, "", &link("/code-du-travail/s/l6123-1.md", "x")).is_ok());
}
