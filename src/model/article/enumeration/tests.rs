//! Tests of marker detection and of the enumeration tree on real articles.

use super::*;
use crate::model::article::{Article, Block, Citations};

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
    Article::parse(path, src, Citations::Now)
        .blocks
        .iter()
        .map(|b| (b.depth, b.plain_text().chars().take(12).collect()))
        .collect()
}

#[test]
fn l6123_1_text_after_a_list_returns_to_its_division() {
    let t = tree(
        "c/l6123-1.md",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/l6123-1.md"
        )),
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
    let a = Article::parse(
        "c/r.md",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/r1431-4.md"
        )),
        Citations::Now,
    );
    let depths: Vec<usize> = a.blocks.iter().map(|b| b.depth).collect();
    assert_eq!(depths, vec![0, 0, 1, 1, 1, 0, 0]);
    // 1° owns its three letters and nothing more.
    assert_eq!(a.blocks[1].end, 5);
    assert_eq!(a.blocks[2].parent, Some(1));
}

#[test]
fn l4121_3_1_three_levels_deep() {
    let a = Article::parse(
        "c/l.md",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/l4121-3-1.md"
        )),
        Citations::Now,
    );
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
    let a = Article::parse(
        "c/d.md",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/d313-14.md"
        )),
        Citations::Now,
    );
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
        Citations::Now,
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
        Citations::Now,
    );
    assert!(a.blocks.iter().all(|b| !b.is_item()));
    let b = Article::parse(
        "c/x.md",
        "# Article X\n\n<p>A. Un</p><p>B. Deux</p>",
        Citations::Now,
    );
    assert!(b.blocks.iter().all(Block::is_item));
}

#[test]
fn l5312_1_text_after_a_nested_list_returns_to_its_division() {
    let a = Article::parse(
        "c/l.md",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/l5312-1.md"
        )),
        Citations::Now,
    );
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

#[test]
fn inserted_items_are_read_with_their_number() {
    assert_eq!(
        detect("e bis) Des plus-values")[0].kind,
        MarkerKind::LowerLetter
    );
    assert_eq!(detect("e bis) Des plus-values")[0].value, 5);
    assert_eq!(detect("II bis.-Les")[0].kind, MarkerKind::Roman);
    assert_eq!(detect("II bis.-Les")[0].value, 2);
    assert!(detect("a bise) x").is_empty());
    assert!(detect("Bis repetita.").is_empty());
}

/// Each block's depth and first word, for an article body of paragraphs.
fn shape(paras: &[&str]) -> Vec<(usize, String)> {
    let body: String = paras.iter().map(|p| format!("<p>{p}</p>")).collect();
    Article::parse("c/x.md", &format!("# Article X\n\n{body}"), Citations::Now)
        .blocks
        .iter()
        .map(|b| {
            let text = b.plain_text();
            (b.depth, text.split(' ').next().unwrap_or("").to_owned())
        })
        .collect()
}

fn depths(paras: &[&str]) -> Vec<usize> {
    shape(paras).into_iter().map(|(d, _)| d).collect()
}

#[test]
fn a_list_resumes_after_text_and_a_list_of_its_own() {
    // L1233-3: 2° is no item of d), and what came between belongs to 1°.
    let paras = [
        "Constitue :",
        "1° A des difficultés.",
        "Une baisse est constituée :",
        "a) Un trimestre ;",
        "d) Quatre trimestres ;",
        "2° A des mutations ;",
        "3° A une réorganisation.",
        "La matérialité s'apprécie.",
    ];
    assert_eq!(depths(&paras), [0, 0, 1, 1, 1, 0, 0, 0]);
    let a = Article::parse(
        "c/x.md",
        &format!("# Article X\n\n<p>{}</p>", paras.join("</p><p>")),
        Citations::Now,
    );
    assert_eq!(a.blocks[1].end, 5, "1° owns up to d)");
}

#[test]
fn a_list_resumes_with_the_items_that_held_it() {
    // L131-8: b) after a)'s dashes and a paragraph takes up a) inside 3° again.
    let paras = [
        "3° Le produit :",
        "a) A la caisse :",
        "- un ;",
        "-0,3 % deux ;",
        "b) Aux régimes ;",
        "4° La fraction.",
    ];
    assert_eq!(depths(&paras), [0, 1, 2, 2, 1, 0]);
}

#[test]
fn an_item_does_not_resume_past_the_next_of_its_parent() {
    // b) cannot be a sibling of 1°'s a): 2° came between. It starts a list of its own.
    let paras = ["1° Un :", "a) x ;", "Texte.", "2° Deux.", "Texte.", "b) y."];
    assert_eq!(depths(&paras), [0, 1, 1, 0, 0, 0]);
}

#[test]
fn dashes_between_two_letters_belong_to_the_first() {
    // R871-2: the dashes are a)'s, though read first as the outer list's.
    let paras = [
        "3° Des dépenses :",
        "- dans les limites :",
        "a) Au minimum :",
        "- par équipement ;",
        "b) Au minimum.",
    ];
    assert_eq!(depths(&paras), [0, 1, 2, 3, 2]);
}

#[test]
fn a_division_past_the_first_leaves_the_lists() {
    // R4461-28: the I is implicit, II follows the 2° of the opening lines.
    let paras = [
        "Le certificat indique :",
        "1° La mention ;",
        "2° La classe.",
        "II.-Le certificat.",
        "III.-Les mentions :",
        "1° Mention A ;",
        "IV.-Les classes.",
    ];
    assert_eq!(depths(&paras), [0, 0, 0, 0, 0, 1, 0]);
}

#[test]
fn a_letter_past_the_first_leaves_the_dashes() {
    let paras = [
        "1° a) Pour le régime :",
        "- le président ;",
        "- le directeur ;",
        "b) Pour l'autre.",
    ];
    assert_eq!(depths(&paras), [0, 1, 1, 1]);
}

#[test]
fn numbering_starts_again_inside_a_division_of_an_item() {
    // An annex of the CSS: 3. holds I and II, each with its own 1., 2.
    let paras = [
        "3. Les règles :",
        "I.-Classe 1.",
        "1.L'amortissement.",
        "2. Les passifs.",
        "II-Classe 2.",
        "1. Les acomptes.",
        "4. Fin.",
    ];
    assert_eq!(depths(&paras), [0, 1, 2, 2, 1, 2, 0]);
    // Without a division between, a second 1° is the first's sibling (a repeated
    // number), not its child.
    assert_eq!(depths(&["1° Un :", "- x ;", "1° Un encore."]), [0, 1, 0]);
}

#[test]
fn the_list_resumed_is_the_latest_one() {
    // 4. after the 3. inside II, not after the 3. that holds II.
    let paras = [
        "3. Les règles :",
        "I-Classe 1.",
        "1. Un.",
        "II-Classe 2.",
        "1. Les produits.",
        "2. Les placements.",
        "3. Des sous-comptes.",
        "Les cotisations.",
        "4. Les sous-comptes.",
    ];
    assert_eq!(depths(&paras), [0, 1, 2, 1, 2, 2, 2, 3, 2]);
}

#[test]
fn a_second_marker_on_the_line_starts_its_list() {
    // D531-21: III. ― 1° holds a 1° whose 2° follows it inside III, not inside c).
    let paras = [
        "III. ― 1° En cas de garde :",
        "a) Lorsque le ménage ;",
        "c) Lorsque ;",
        "2° En cas de garde à domicile :",
        "a) Lorsque.",
        "IV. ― Fin.",
    ];
    assert_eq!(depths(&paras), [0, 1, 1, 1, 2, 0]);
}

#[test]
fn inserted_items_follow_the_one_of_their_number() {
    let paras = [
        "2° Deux :",
        "Texte.",
        "a) x ;",
        "2° bis Deux bis.",
        "e) e ;",
        "e bis) e bis ;",
        "f) f.",
    ];
    assert_eq!(depths(&paras), [0, 1, 1, 0, 1, 1, 1]);
    assert_eq!(
        detect("1.2.3. Les")[0].value,
        3,
        "a decimal's value is its last number"
    );
}

#[test]
fn a_decimal_goes_inside_the_item_its_number_names() {
    // R4312-1: 6.1. sits in 6., whatever text closed 6. before it.
    let paras = [
        "6. Règles :",
        "L'ensemble des règles.",
        "6.1. Généralités.",
        "Texte.",
        "6.2. Organes.",
    ];
    assert_eq!(depths(&paras), [0, 1, 1, 2, 1]);
}

#[test]
fn a_list_started_again_inside_an_item_does_not_end_it() {
    // D212-78: the 1. and 2. of 11.1. leave 11. open for 11.2.
    let paras = [
        "11. Durées :",
        "11.1. Petits envois :",
        "Texte :",
        "1. Un ;",
        "2. Deux.",
        "11.2. Gros envois.",
    ];
    assert_eq!(depths(&paras), [0, 1, 2, 2, 2, 1]);
    // D382-33: a quoted a) b) c) inside b), then the c) that follows b).
    let paras = [
        "5° Pour :",
        "a) Au 1° ;",
        "b) Les alinéas :",
        "a) Pour 1998 ;",
        "b) Pour 2005 ;",
        "c) Pour après ;",
        "c) Le seizième.",
    ];
    assert_eq!(depths(&paras), [0, 1, 1, 2, 2, 2, 1]);
}
