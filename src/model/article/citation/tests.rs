//! The detector on sentences taken from the corpus.

use super::*;
use crate::model::article::enumeration::MarkerKind;

fn found(text: &str) -> Vec<(String, Cite)> {
    let mut ctx = Context::new("code-du-travail");
    detect(text, &mut ctx)
        .into_iter()
        .map(|f| (text[f.range].to_owned(), f.cite))
        .collect()
}

fn own(num: &str) -> Cite {
    Cite::Article {
        code: CodeRef::Slug("code-du-travail".into()),
        num: num.into(),
        point: vec![],
    }
}

fn nums(text: &str) -> Vec<String> {
    found(text)
        .into_iter()
        .filter_map(|(_, c)| match c {
            Cite::Article { num, .. } => Some(num),
            _ => None,
        })
        .collect()
}

#[test]
fn one_article_in_its_own_code() {
    assert_eq!(
        found("prévue à l'article L. 6323-17-5-1 ;"),
        vec![("L. 6323-17-5-1".into(), own("L6323-17-5-1"))]
    );
}

#[test]
fn each_number_of_a_list_is_its_own_citation() {
    assert_eq!(
        nums("aux articles R. 6123-2 et R. 6123-3"),
        ["R6123-2", "R6123-3"]
    );
    assert_eq!(
        nums("articles L. 6123-1, L. 6123-2 ou L. 6123-4"),
        ["L6123-1", "L6123-2", "L6123-4"]
    );
    assert_eq!(nums("articles L.\u{a0}1 et\u{a0}L. 2"), ["L1", "L2"]);
    assert_eq!(
        nums("des articles R. * 343-4 et R.*343-5"),
        ["R*343-4", "R*343-5"]
    );
    assert_eq!(nums("à l'article L. 1233-87procède"), ["L1233-87"]);
}

#[test]
fn a_capital_set_apart_ends_a_number() {
    assert_eq!(nums("de l'article L. 5214-1 A, les"), ["L5214-1 A"]);
    assert_eq!(nums("l'article D. 6323-1 A du code"), ["D6323-1 A"]);
    // A capital that starts a word, or a point after the number, is not part of it.
    assert_eq!(nums("l'article L. 5214-1 Au titre"), ["L5214-1"]);
    assert_eq!(nums("l'article L. 5214-1 I'"), ["L5214-1"]);
    assert_eq!(nums("article L. 1 A"), ["L1"]);
}

#[test]
fn a_range_is_one_citation() {
    assert_eq!(
        found("les articles D. 6123-19 à D. 6123-21 sont"),
        vec![(
            "D. 6123-19 à D. 6123-21".into(),
            Cite::Range {
                code: CodeRef::Slug("code-du-travail".into()),
                from: "D6123-19".into(),
                to: "D6123-21".into()
            }
        )]
    );
    // `et à` is a list, not a range.
    assert_eq!(
        nums("l'article L. 1-1 et à l'article L. 1-3"),
        ["L1-1", "L1-3"]
    );
}

/// A range is `X à Y`, nothing else between: anything more is two articles, each cited
/// on its own (these were read as ranges of 751 and 907 articles).
#[test]
fn a_range_is_x_a_y_and_nothing_else() {
    let ranges = |text: &str| -> Vec<(String, String)> {
        found(text)
            .into_iter()
            .filter_map(|(_, c)| match c {
                Cite::Range { from, to, .. } => Some((from, to)),
                _ => None,
            })
            .collect()
    };
    let range = |a: &str, b: &str| vec![(a.to_owned(), b.to_owned())];
    for text in [
        "mentionnée à l'article L. 137-15, à l'article L. 241-13",
        "prévue aux articles L. 211-1 ou à l'article L. 752-4",
        "l'article LO 111-4-1, à l'article LO 111-4-2",
        "des articles L. 1-1 à l'article L. 1-3",
        "de l'article L. 1-1, à L. 1-3",
        "les articles L. 1-1 et L. 1-2 à l'article L. 1-3",
    ] {
        assert_eq!(ranges(text), [], "{text}");
        assert_eq!(
            nums(text).len(),
            2 + usize::from(text.contains("L. 1-2")),
            "{text}"
        );
    }
    assert_eq!(
        ranges("de l'article L. 1-1 à L. 1-3"),
        range("L1-1", "L1-3")
    );
    assert_eq!(
        ranges("des articles R. 1-1 à R. 1-9 inclus"),
        range("R1-1", "R1-9")
    );
    assert_eq!(
        ranges("articles L. 1-1 à\u{a0}L. 1-3"),
        range("L1-1", "L1-3")
    );
    // Two ranges in a row, and a range then one more article.
    assert_eq!(
        ranges("articles L. 1-1 à L. 1-3 et L. 2-1 à L. 2-4"),
        [
            ("L1-1".into(), "L1-3".into()),
            ("L2-1".into(), "L2-4".into())
        ]
    );
    assert_eq!(
        ranges("articles L. 1-1 à L. 1-3 à L. 1-5"),
        range("L1-1", "L1-3")
    );
}

#[test]
fn an_organic_law_number_may_be_spelt_apart() {
    assert_eq!(nums("l'article L. O. 111-3 du code"), ["LO111-3"]);
    assert_eq!(nums("l'article L.O. 132-2-1 du code"), ["LO132-2-1"]);
    assert_eq!(nums("l'article LO 111-4"), ["LO111-4"]);
}

#[test]
fn a_named_code_then_the_same_code() {
    let mut ctx = Context::new("code-du-travail");
    let text = "l'article L. 412-8 du code de la sécurité sociale et l'article L. 1-1 du même code, \
                ainsi que l'article L. 2-2 du présent code";
    let codes: Vec<CodeRef> = detect(text, &mut ctx)
        .into_iter()
        .map(|f| match f.cite {
            Cite::Article { code, .. } => code,
            other => panic!("{other:?}"),
        })
        .collect();
    let slug = |s: &str| CodeRef::Slug(s.into());
    assert_eq!(
        codes,
        [
            slug("code-de-la-securite-sociale"),
            slug("code-de-la-securite-sociale"),
            slug("code-du-travail")
        ]
    );
    // `même code` carries to the next block through the context.
    let next = detect("l'article R. 3-3 du même code", &mut ctx);
    assert!(matches!(&next[0].cite,
        Cite::Article { code, .. } if *code == slug("code-de-la-securite-sociale")));
    // `au même article L. 146-9` is in the code it was just cited in.
    let again = detect(
        "l'article L. 146-9 du code de l'action sociale et des familles, au même article L. 146-9",
        &mut ctx,
    );
    assert_eq!(again.len(), 2);
    assert_eq!(again[0].cite, again[1].cite);
}

#[test]
fn the_code_after_et_suivants_and_a_same_code_with_none_before() {
    let f = found("aux articles R. 4127-1 et suivants du code de la santé publique");
    assert!(
        matches!(&f[0].1,
        Cite::Article { code: CodeRef::Slug(s), .. } if s == "code-de-la-sante-publique"),
        "{f:?}"
    );
    let f = found("au troisième alinéa de l'article L. 214-13-1 du même code");
    assert!(
        matches!(
            &f[0].1,
            Cite::Article {
                code: CodeRef::Unknown(_),
                ..
            }
        ),
        "{f:?}"
    );
}

#[test]
fn an_unknown_code_is_named_as_written() {
    let f = found("l'article L. 12-1 du code des usages imaginaires, qui");
    assert!(matches!(&f[0].1,
        Cite::Article { code: CodeRef::Unknown(name), .. } if name == "code des usages imaginaires"));
}

#[test]
fn a_point_before_the_article() {
    let f = found("au 3° du II de l'article L. 6123-1 ;");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0, "3° du II de l'article L. 6123-1");
    let Cite::Article { point, num, .. } = &f[0].1 else {
        panic!("{f:?}")
    };
    assert_eq!(num, "L6123-1");
    assert_eq!(
        point,
        &[
            Marker {
                kind: MarkerKind::Roman,
                value: 2
            },
            Marker {
                kind: MarkerKind::Degree,
                value: 3
            }
        ]
    );
    let f = found("les personnels mentionnés au 4° bis de l'article L. 5424-1.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "4° bis de l'article L. 5424-1");
    let f = found("le dernier alinéa du I de l'article L. 6111-3");
    assert_eq!(f[0].0, "I de l'article L. 6111-3");
}

#[test]
fn points_of_the_article_itself() {
    let f = found("les personnes mentionnées au I sont");
    assert_eq!(
        f,
        vec![(
            "I".into(),
            Cite::Here {
                point: vec![Marker {
                    kind: MarkerKind::Roman,
                    value: 1
                }]
            }
        )]
    );
    let f = found("dans les cas prévus aux 1° et 2° du présent article");
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[1].0, "2°");
    let f = found("Les missions mentionnées au présent II sont");
    assert_eq!(f.len(), 1, "{f:?}");
    let f = found("au a du 2° du présent article");
    assert_eq!(f[0].0, "a du 2°");
}

#[test]
fn the_same_article_and_its_neighbours() {
    let f = found("à l'article L. 5-1. Au 2° du même article, et à l'article précédent");
    assert!(
        matches!(&f[1].1, Cite::Article { num, point, .. } if num == "L5-1" && point.len() == 1)
    );
    assert_eq!(
        f[2],
        ("article précédent".into(), Cite::Sibling { next: false })
    );
}

#[test]
fn not_citations() {
    assert!(found("la loi n° 2016-1088 du 8 août 2016").is_empty());
    assert!(found("Le conseil, au titre de la première année").is_empty());
    assert!(found("au a ou au b").is_empty(), "lone letters are words");
    assert!(found("Décret 2008-244 du 7 mars 2008").is_empty());
    assert!(
        found("au I de la loi").is_empty(),
        "{:?}",
        found("au I de la loi")
    );
    assert!(nums("L'article 3 de la loi").is_empty());
}
