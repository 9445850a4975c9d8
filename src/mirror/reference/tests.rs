//! Resolution of real link forms, and refusals of every way out of the mirror.

use super::*;
use crate::model::article::{Article, Citations};

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
fn query_values() {
    let href = "/affichCodeArticle.do?cidTexte=LEGITEXT000006072050&idArticle=LEGIARTI000018499188&dateTexte=";
    assert_eq!(
        crate::model::article::query_value(href, "cidTexte"),
        Some("LEGITEXT000006072050")
    );
    assert_eq!(
        crate::model::article::query_value(href, "idArticle"),
        Some("LEGIARTI000018499188")
    );
    assert_eq!(crate::model::article::query_value(href, "x"), None);
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
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/l6123-1.md"
        )),
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

/// A mirror of `files` (path, body), each given its heading from its file name.
fn mirror_of(files: &[(&str, &str)]) -> (tempfile::TempDir, Mirror) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, body) in files {
        let file = dir.path().join(path);
        std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
        let num = crate::mirror::number_of_file(path);
        std::fs::write(&file, format!("# Article {num}\n\n<p>{body}</p>")).expect("write");
    }
    let mirror = Mirror::open(dir.path()).expect("open");
    (dir, mirror)
}

/// The first reference of a paragraph of L1-1 in `code-du-travail/p`.
fn first_link(html: &str) -> Link {
    Article::parse(
        "code-du-travail/p/l1-1.md",
        &format!("# Article L1-1\n\n<p>{html}</p>"),
        Citations::Now,
    )
    .links
    .remove(0)
}

fn legacy(cid: &str, id: &str, text: &str) -> Link {
    link(
        &format!(
            "/affichCodeArticle.do?cidTexte={cid}&idArticle={id}&dateTexte=&categorieLien=cid"
        ),
        text,
    )
}

fn opened(target: Result<Target, Unresolved>) -> String {
    match target {
        Ok(Target::Article { path, .. }) => crate::mirror::number_of_file(&path),
        other => format!("{other:?}"),
    }
}

/// A code known by two names (the code rural, renamed code rural et de la pêche
/// maritime in 2010, one id for both): whichever the mirror holds is the one meant,
/// by the old name, the new one or the id.
#[test]
fn a_code_under_either_of_its_names_is_the_one_the_mirror_holds() {
    const RURAL: &str = "LEGITEXT000006071367";
    for folder in ["code-rural-et-de-la-peche-maritime", "code-rural"] {
        let (_dir, mirror) = mirror_of(&[
            (&format!("{folder}/partie/l722-20.md"), "Texte."),
            ("code-du-travail/partie/l1-1.md", "Texte."),
        ]);
        let article = mirror
            .article(
                &mirror
                    .find_number(Some("code-du-travail"), "L1-1")
                    .expect("L1-1"),
                Citations::Now,
            )
            .expect("load");
        assert_eq!(
            opened(resolve(
                &mirror,
                &article.path,
                &legacy(RURAL, "LEGIARTI1", "L. 722-20")
            )),
            "L722-20",
            "{folder}"
        );
        for named in ["code rural", "code rural et de la pêche maritime"] {
            let mut text = Article::parse(
                "code-du-travail/partie/l1-1.md",
                &format!("# Article L1-1\n\n<p>selon l'article L. 722-20 du {named}.</p>"),
                Citations::Now,
            );
            let cite = text.links.remove(0);
            assert_eq!(
                opened(resolve(&mirror, &article.path, &cite)),
                "L722-20",
                "{named} in {folder}"
            );
        }
    }
    // Neither in the mirror: named as the code in force.
    let (_dir, mirror) = mirror_of(&[("code-du-travail/partie/l1-1.md", "Texte.")]);
    assert_eq!(
        resolve(
            &mirror,
            "code-du-travail/partie/l1-1.md",
            &legacy(RURAL, "X", "L. 722-20")
        )
        .map_err(|e| e.to_string()),
        Err("Code rural et de la pêche maritime is not in this mirror".to_owned())
    );
}

/// Numbers written a little off: the star left out or put in, a number that lost its
/// letter; but never the other regulatory letter, whose number is often another
/// article's (R5132-34 repealed, D5132-34 on another matter).
#[test]
fn a_number_slightly_off_finds_its_article() {
    const TRAVAIL: &str = "LEGITEXT000006072050";
    let (_dir, mirror) = mirror_of(&[
        ("code-du-travail/p/r-1233-3-4.md", "Texte."),
        ("code-du-travail/p/d344-25.md", "Texte."),
        ("code-du-travail/p/d4626-1.md", "Texte."),
        ("code-du-travail/p/d614-117.md", "Texte."),
        ("code-du-travail/p/l1-1.md", "Texte."),
    ]);
    let from = "code-du-travail/p/l1-1.md";
    for (text, expected) in [
        ("R. 1233-3-4", "R*1233-3-4"),
        ("D. * 344-25", "D344-25"),
        ("article 614-117", "D614-117"),
    ] {
        assert_eq!(
            opened(resolve(&mirror, from, &legacy(TRAVAIL, "X", text))),
            expected,
            "{text}"
        );
    }
    for other in ["R. 4626-1", "L. 4626-1", "R. 344-25"] {
        assert!(
            resolve(&mirror, from, &legacy(TRAVAIL, "X", other)).is_err(),
            "{other}"
        );
    }
}

/// Where a link's text and its address disagree, the mirror's evidence chooses (the
/// file a path names; the number most links carrying an id give it), and the
/// disagreement is said.
#[test]
fn text_and_address_that_disagree_are_told_and_the_evidence_chooses() {
    const TRAVAIL: &str = "LEGITEXT000006072050";
    let cite = |id: &str, text: &str| {
        format!(
            "<a href='/affichCodeArticle.do?cidTexte={TRAVAIL}&idArticle={id}&dateTexte='>{text}</a>"
        )
    };
    let (_dir, mirror) = mirror_of(&[
        ("code-du-travail/p/l1253-9.md", &cite("ID9", "L. 1253-9")),
        ("code-du-travail/p/l1253-19.md", &cite("ID9", "L. 1253-9")),
        ("code-du-travail/p/l1-1.md", &cite("ID9", "L. 1253-19")),
        ("code-du-travail/p/l1-2.md", &cite("ID7", "L. 1253-7")),
        ("code-du-travail/p/l1-3.md", &cite("ID7", "L. 1253-7")),
    ]);
    let from = "code-du-travail/p/l1-1.md";
    // Only a legacy link into a code the mirror holds needs the mirror's evidence.
    let citing = mirror.article(from, Citations::Now).expect("load");
    assert!(needs_evidence(&mirror, &citing));
    let elsewhere = Article::parse(
        from,
        "# Article L1-1\n\n<p><a href='/affichCodeArticle.do?cidTexte=LEGITEXT000006073189&amp;idArticle=X'>L. 1</a></p>",
        Citations::Now,
    );
    assert!(
        !needs_evidence(&mirror, &elsewhere),
        "the sécurité sociale is not held"
    );
    let wrong = legacy(TRAVAIL, "ID9", "L. 1253-19");
    // Before the mirror's ids are read, the text is all there is.
    assert_eq!(disagreement(&mirror, &wrong), None);
    assert_eq!(opened(resolve(&mirror, from, &wrong)), "L1253-19");
    mirror.read_legacy_ids();
    let said = disagreement(&mirror, &wrong).expect("a disagreement");
    assert_eq!(
        (said.text.as_str(), said.address.as_str()),
        ("L1253-19", "L1253-9")
    );
    assert_eq!(
        said.to_string(),
        "the link's article; the text says L1253-19"
    );
    assert_eq!(opened(resolve(&mirror, from, &wrong)), "L1253-9");
    // Links that agree with their id, or whose id no link disputes, say nothing.
    assert_eq!(
        disagreement(&mirror, &legacy(TRAVAIL, "ID9", "L. 1253-9")),
        None
    );
    assert_eq!(
        disagreement(&mirror, &legacy(TRAVAIL, "ID7", "L. 1253-7")),
        None
    );
    // The id's article missing from the mirror: the text is followed, and said so.
    let (_dir2, mirror) = mirror_of(&[
        ("code-du-travail/p/l1-1.md", &cite("ID5", "L. 5")),
        ("code-du-travail/p/l1-2.md", &cite("ID5", "L. 5")),
        ("code-du-travail/p/l1-3.md", &cite("ID5", "L. 1-2")),
    ]);
    mirror.read_legacy_ids();
    let gone = legacy(TRAVAIL, "ID5", "L. 1-2");
    let said = disagreement(&mirror, &gone).expect("a disagreement");
    assert_eq!(said.path, None);
    assert_eq!(
        said.to_string(),
        "the text's article; the link's L5 is not in this mirror"
    );
    assert_eq!(opened(resolve(&mirror, from, &gone)), "L1-2");
}

/// A mirror path is the mirror's own evidence: followed, and a text naming another
/// number, or a range that does not hold it, is said to disagree.
#[test]
fn a_mirror_path_whose_text_names_another_article() {
    let (_dir, mirror) = mirror_of(&[
        ("code-du-travail/p/l932-10.md", "Texte."),
        ("code-du-travail/p/l931-10.md", "Texte."),
        ("code-du-travail/p/l931-11.md", "Texte."),
        ("code-du-travail/p/l1-1.md", "Texte."),
        ("code-du-travail/p/annexe-i.md", "Texte."),
    ]);
    let href = "/code-du-travail/p/l932-10.md";
    let parse = first_link;
    let range = parse(&format!(
        "aux articles <a href='{href}'>L. 931-10 à L. 931-11</a>."
    ));
    let said = disagreement(&mirror, &range).expect("disagree");
    assert_eq!(
        (said.text.as_str(), said.address.as_str()),
        ("L931-10 à L931-11", "L932-10")
    );
    assert_eq!(
        opened(resolve(&mirror, "code-du-travail/p/l1-1.md", &range)),
        "L932-10"
    );
    let held =
        parse("aux articles <a href='/code-du-travail/p/l931-10.md'>L. 931-10 à L. 931-11</a>.");
    assert_eq!(disagreement(&mirror, &held), None);
    assert!(
        matches!(resolve(&mirror, "code-du-travail/p/l1-1.md", &held), Ok(Target::Many(p)) if p.len() == 2)
    );
    let other = parse(&format!("l'article <a href='{href}'>L. 932-1</a>."));
    assert_eq!(
        disagreement(&mirror, &other).map(|d| d.text),
        Some("L932-1".to_owned())
    );
    let same = parse(&format!("l'article <a href='{href}'>L. 932-10</a>."));
    assert_eq!(disagreement(&mirror, &same), None);
    // A number that lost its letter agrees with the file of its digits.
    let bare = parse(&format!("l'article <a href='{href}'>932-10</a>."));
    assert_eq!(disagreement(&mirror, &bare), None);
    // An annex is named in words, not by a number: nothing to compare.
    let annex =
        parse("l'<a href='/code-du-travail/p/annexe-i.md'>annexe I à l'article L. 1-1</a>.");
    assert_eq!(disagreement(&mirror, &annex), None);
}

/// A Légifrance link to a section or a code whose text names articles leads to them;
/// one into a code the mirror lacks says so, numbered with letters or not.
#[test]
fn a_link_to_a_section_that_names_articles_leads_to_them() {
    let (_dir, mirror) = mirror_of(&[
        ("code-du-travail/p/l4121-1.md", "Texte."),
        ("code-du-travail/p/l4121-2.md", "Texte."),
        ("code-du-travail/p/l1-1.md", "Texte."),
    ]);
    let parse = first_link;
    let section =
        "/affichCode.do?cidTexte=LEGITEXT000006072050&amp;idSectionTA=LEGISCTA1&amp;dateTexte=";
    let range = parse(&format!(
        "prévus par les <a href='{section}'>articles L. 4121-1 à L. 4121-2</a>."
    ));
    assert!(
        matches!(resolve(&mirror, "code-du-travail/p/l1-1.md", &range), Ok(Target::Many(p)) if p.len() == 2)
    );
    let named = parse(&format!("le <a href='{section}'>code du travail</a>."));
    assert!(matches!(
        resolve(&mirror, "code-du-travail/p/l1-1.md", &named),
        Err(Unresolved::Legacy(_))
    ));
    let civil = legacy("LEGITEXT000006070716", "LEGIARTI1", "articles 640 à 642");
    assert_eq!(
        resolve(&mirror, "code-du-travail/p/l1-1.md", &civil).map_err(|e| e.to_string()),
        Err("Code de procédure civile is not in this mirror".to_owned())
    );
}
