//! Tests of marker detection and of the enumeration tree on real articles.

use super::*;
use crate::article::Article;

fn kinds(text: &str) -> Vec<MarkerKind> {
    detect(text).into_iter().map(|m| m.kind).collect()
}

#[test]
fn detects_each_family() {
    assert_eq!(
        kinds("I.-Le conseil"),
        vec![MarkerKind::Roman, MarkerKind::UpperLetter]
    );
    assert_eq!(kinds("II. - Le"), vec![MarkerKind::Roman]);
    // U+2015, the horizontal bar some texts (L5134-110) use after the number.
    assert_eq!(kinds("II. ― L'emploi"), vec![MarkerKind::Roman]);
    assert_eq!(kinds("A.-Dans les"), vec![MarkerKind::UpperLetter]);
    assert_eq!(kinds("1° Favoriser"), vec![MarkerKind::Degree]);
    assert_eq!(kinds("12°bis Les"), vec![MarkerKind::Degree]);
    assert_eq!(kinds("1. Les"), vec![MarkerKind::Decimal { levels: 1 }]);
    assert_eq!(kinds("1.1.1. Les"), vec![MarkerKind::Decimal { levels: 3 }]);
    assert_eq!(kinds("2) Le"), vec![MarkerKind::Paren]);
    assert_eq!(kinds("b) Identifie"), vec![MarkerKind::LowerLetter]);
    assert_eq!(kinds("- les salariés"), vec![MarkerKind::Dash]);
    assert_eq!(kinds("– les salariés"), vec![MarkerKind::Dash]);
}

#[test]
fn rejects_lookalikes() {
    assert!(detect("L. 1234-5 du code").is_empty(), "an article number");
    assert!(detect("R. 4412-98").is_empty());
    assert!(detect("Le conseil").is_empty());
    assert!(detect("2024 est").is_empty());
    assert!(detect("1. 234 euros").is_empty());
    assert!(detect("-5 %").is_empty());
    assert!(detect("a)b").is_empty());
}

#[test]
fn values_are_read() {
    assert_eq!(detect("IV.-x")[0].value, 4);
    assert_eq!(detect("XIV.-x")[0].value, 14);
    assert_eq!(detect("c) x")[0].value, 3);
    assert_eq!(detect("10° x")[0].value, 10);
}

fn tree(path: &str, src: &str) -> Vec<(usize, String)> {
    Article::parse(path, src)
        .blocks
        .iter()
        .map(|b| (b.depth, b.plain_text().chars().take(12).collect()))
        .collect()
}

#[test]
fn l6123_1_text_after_a_list_returns_to_its_division() {
    let t = tree(
        "c/l6123-1.md",
        include_str!("../../tests/fixtures/l6123-1.md"),
    );
    let depths: Vec<usize> = t.iter().map(|(d, _)| *d).collect();
    let starts: Vec<&str> = t.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(
        starts,
        vec![
            "I.-Le Consei",
            "1° Favoriser",
            "2° Contribue",
            "Le conseil e",
            "II.-Le conse",
            "Le secrétari",
            "III.-Un décr"
        ]
    );
    assert_eq!(depths, vec![0, 1, 1, 1, 0, 1, 0]);
}

#[test]
fn r1431_4_letters_nest_under_degrees() {
    let a = Article::parse("c/r.md", include_str!("../../tests/fixtures/r1431-4.md"));
    let depths: Vec<usize> = a.blocks.iter().map(|b| b.depth).collect();
    assert_eq!(depths, vec![0, 0, 1, 1, 1, 0, 0]);
    // 1° owns its three letters and nothing more.
    assert_eq!(a.blocks[1].end, 5);
    assert_eq!(a.blocks[2].parent, Some(1));
}

#[test]
fn l4121_3_1_three_levels_deep() {
    let a = Article::parse("c/l.md", include_str!("../../tests/fixtures/l4121-3-1.md"));
    let find = |start: &str| {
        a.blocks
            .iter()
            .position(|b| b.plain_text().starts_with(start))
            .unwrap_or_else(|| panic!("no block starts with {start}"))
    };
    let iii = find("III.-");
    let first = find("1° Pour les entreprises");
    let a_item = find("a) Fixe");
    assert_eq!(a.blocks[iii].depth, 0);
    assert_eq!(a.blocks[first].parent, Some(iii));
    assert_eq!(a.blocks[a_item].parent, Some(first));
    assert_eq!(a.blocks[a_item].depth, 2);
    // V.-A.- opens V; B.- is the next division inside V, and the 1° under it is 3 deep.
    let v = find("V.-A.-");
    let b = find("B.-Pour");
    let cahier = find("1° Le cahier");
    assert_eq!(a.blocks[b].parent, Some(v));
    assert_eq!(a.ancestors(cahier), vec![v, b]);
    // Unmarked text after the 2° goes back to B and stays there.
    let absence = find("En l'absence");
    let obligation = find("L'obligation");
    assert_eq!(a.blocks[absence].parent, Some(b));
    assert_eq!(a.blocks[obligation].parent, Some(b));
    let vi = find("VI.-");
    assert_eq!(a.blocks[vi].depth, 0);
    assert_eq!(a.blocks[v].end, vi);
}

#[test]
fn seed_items_fold_under_their_divisions() {
    let a = Article::parse("c/d.md", include_str!("../../tests/fixtures/d313-14.md"));
    let markers: Vec<Option<MarkerKind>> =
        a.blocks.iter().map(|b| b.marker.map(|m| m.kind)).collect();
    use MarkerKind::{Degree, Roman};
    assert_eq!(
        markers,
        vec![
            Some(Roman),
            Some(Degree),
            Some(Degree),
            Some(Degree),
            Some(Degree),
            Some(Roman),
            Some(Degree),
            Some(Degree),
            None
        ]
    );
    assert_eq!(a.blocks[0].end, 5);
    assert_eq!(a.blocks[5].end, a.blocks.len());
}

#[test]
fn br_lines_with_markers_are_items() {
    let a = Article::parse(
        "c/x.md",
        "# Article X\n\n<p>Chapeau :<br/>1° un ;<br/>suite du un<br/>2° deux.</p>",
    );
    let texts: Vec<String> = a.blocks.iter().map(Block::plain_text).collect();
    assert_eq!(texts, vec!["Chapeau :", "1° un ; suite du un", "2° deux."]);
    assert!(a.blocks[1].is_item());
}

#[test]
fn weak_readings_need_context() {
    let a = Article::parse(
        "c/x.md",
        "# Article X\n\n<p>M. Dupont est nommé.</p><p>C. Autre.</p>",
    );
    assert!(a.blocks.iter().all(|b| !b.is_item()));
    let b = Article::parse("c/x.md", "# Article X\n\n<p>A. Un</p><p>B. Deux</p>");
    assert!(b.blocks.iter().all(Block::is_item));
}

#[test]
fn l5312_1_text_after_a_nested_list_returns_to_its_division() {
    let a = Article::parse("c/l.md", include_str!("../../tests/fixtures/l5312-1.md"));
    let find = |start: &str| {
        a.blocks
            .iter()
            .position(|b| b.plain_text().starts_with(start))
            .unwrap_or_else(|| panic!("no block starts with {start}"))
    };
    let ii = find("II. -");
    let b_item = find("b) Aux comités");
    let after = find("Les missions mentionnées au présent II");
    assert_eq!(a.blocks[b_item].depth, 2, "b) sits under 7° under II");
    assert_eq!(a.blocks[after].parent, Some(ii), "not under 7° nor b)");
    assert_eq!(a.blocks[after].depth, 1);
}
