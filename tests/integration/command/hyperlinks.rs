//! `loi print --hyperlinks`: the heading and each reference an OSC 8 link to its page
//! on Légifrance, the article's own when the mirror knows its id; nothing linked in a
//! pipe unless asked.

use std::path::Path;
use std::process::Output;

use loi::mirror::Mirror;

use crate::support::dated::{CODE, legi_mirror};

const ARTICLE: &str = "https://www.legifrance.gouv.fr/codes/article_lc/";

/// `loi print` on `mirror`, or on the sample built into loi.
fn print(mirror: Option<&Path>, args: &[&str]) -> Output {
    let mut loi = crate::support::loi();
    if let Some(mirror) = mirror {
        loi.arg("--mirror").arg(mirror);
    }
    let out = loi
        .arg("print")
        .args(args)
        .env_remove("LOI_MIRROR")
        .output()
        .expect("run loi");
    assert!(out.status.success(), "{out:?}");
    out
}

/// Each link of `text`: its URL and the text inside it. Panics on a link opened inside
/// another, closed when none is open, left open at the end of a line, or an escape
/// inside a URL.
fn links(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for line in text.lines() {
        let mut open: Option<(String, String)> = None;
        let mut rest = line;
        while let Some(at) = rest.find("\x1b]8;;") {
            if let Some((_, inside)) = open.as_mut() {
                inside.push_str(&rest[..at]);
            }
            let after = &rest[at + 5..];
            let end = after.find("\x1b\\").expect("an OSC 8 ended by ST");
            let url = &after[..end];
            assert!(
                url.bytes().all(|b| (0x21..=0x7e).contains(&b)),
                "{url:?} in {line:?}"
            );
            if url.is_empty() {
                found.push(open.take().expect("a close with a link open"));
            } else {
                assert!(open.is_none(), "a link inside a link: {line:?}");
                open = Some((url.to_owned(), String::new()));
            }
            rest = &after[end + 2..];
        }
        assert!(
            open.is_none(),
            "a link left open at the line's end: {line:?}"
        );
    }
    found
}

/// The LEGIARTI id the imported mirror keeps for `num`.
fn id_of(mirror: &Mirror, num: &str) -> String {
    let path = mirror
        .find_named(CODE, &format!("{}.md", num.to_lowercase()))
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{num} is in the mirror"));
    mirror.state(&path).expect("the mirror keeps its id").id
}

#[test]
fn the_heading_and_each_reference_link_to_their_article_on_legifrance() {
    let root = legi_mirror();
    let mirror = Mirror::open(root).expect("the mirror opens");
    let out = print(Some(root), &["--hyperlinks", "L330-1", "D324-5-1"]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let found = links(&text);
    let page = |num: &str| format!("{ARTICLE}{}", id_of(&mirror, num));
    // Each heading, linked to its article's page, the version the mirror holds.
    for num in ["L330-1", "D324-5-1"] {
        assert!(
            found.contains(&(
                page(num),
                format!("Article {num} · Code des relations entre le public et l'administration")
            )),
            "{num}: {found:#?}"
        );
    }
    // A link of the mirror to an article it holds: that article's page, from its id.
    assert!(
        found.contains(&(page("L300-2"), "L. 300-2".to_owned())),
        "{found:#?}"
    );
    // An old Légifrance address to an article the mirror lacks: the id it carries.
    assert!(
        found.contains(&(
            format!("{ARTICLE}LEGIARTI000032255244"),
            "L. 324-5".to_owned()
        )),
        "{found:#?}"
    );
    // Every reference the list at the end names is inside exactly one link: the
    // text's words, linked as they are laid out (a reference cut over two lines is
    // two links to one page).
    let listed: Vec<&str> = text
        .split("\nReferences\n")
        .skip(1)
        .flat_map(|l| l.lines().filter_map(|l| l.strip_prefix('[')))
        .filter_map(|l| l.split_once("] ").map(|(_, rest)| rest))
        .filter_map(|l| l.split_once(" →").map(|(text, _)| text))
        .collect();
    assert!(listed.len() >= 2, "{text}");
    for reference in listed {
        let inside: String = found
            .iter()
            .filter(|(_, t)| reference.contains(t.trim()))
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(inside.trim(), reference, "{found:#?}");
    }
    let plain = print(Some(root), &["L330-1", "D324-5-1"]);
    assert!(!plain.stdout.contains(&0x1b), "a pipe gets no link unasked");
    let off = print(Some(root), &["--hyperlinks", "--no-hyperlinks", "L330-1"]);
    assert!(
        !off.stdout.contains(&0x1b),
        "the last of the two flags wins"
    );
}

/// A mirror that keeps no ids (the sample built into loi, as a mirror not made by
/// `loi import`): the heading and a reference to an article it holds lead to their
/// code's page, an old Légifrance address to the article its id names.
#[test]
fn without_ids_a_link_leads_to_the_code() {
    let out = print(None, &["--hyperlinks", "D313-14"]);
    let found = links(&String::from_utf8(out.stdout).expect("UTF-8"));
    let code = |id: &str| format!("https://www.legifrance.gouv.fr/codes/texte_lc/{id}/");
    let (education, travail) = (code("LEGITEXT000006071191"), code("LEGITEXT000006072050"));
    for (url, text) in [
        (&education, "Article D313-14 · Code de l'éducation"),
        (&education, "L. 313-6"),
        (&travail, "articles L. 6123-1"),
        (&format!("{ARTICLE}LEGIARTI000018499188"), "R. 6521-1"),
    ] {
        assert!(
            found.contains(&(url.clone(), text.to_owned())),
            "{text}: {found:#?}"
        );
    }
    assert!(found.len() > 10, "{found:#?}");
}
