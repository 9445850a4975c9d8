use super::*;
use crate::model::article::enumeration::MarkerKind;

/// `slug num point` of what `text` cites, the point as its labels.
fn read(text: &str) -> String {
    let Some(typed) = parse(text) else {
        return "none".to_owned();
    };
    let code = match &typed.code {
        CodeNamed::Unsaid => "-".to_owned(),
        CodeNamed::Known(code) => code.slug.to_owned(),
        CodeNamed::Unknown(words) => format!("?{words}"),
    };
    let point: Vec<String> = typed.point.iter().map(Marker::label).collect();
    format!("{code} {} {}", typed.num, point.join(" "))
        .trim_end()
        .to_owned()
}

#[test]
fn the_forms_lawyers_write_name_the_article_and_its_code() {
    let travail = "code-du-travail";
    let css = "code-de-la-securite-sociale";
    let rural = "code-rural-et-de-la-peche-maritime";
    for (text, expected) in [
        ("art. L. 1234-9 C. trav.", format!("{travail} L1234-9")),
        ("C. trav., art. L. 1234-9", format!("{travail} L1234-9")),
        ("L. 1234-9 du code du travail", format!("{travail} L1234-9")),
        ("article L1234-9", "- L1234-9".to_owned()),
        ("CSS L. 242-1", format!("{css} L242-1")),
        ("L242-1 css", format!("{css} L242-1")),
        ("C. rur. L. 1", format!("{rural} L1")),
        ("code rural L. 1", format!("{rural} L1")),
        (
            "R. 4412-149 du code du travail",
            format!("{travail} R4412-149"),
        ),
        ("L. 1233-3, 2°", "- L1233-3 2°".to_owned()),
        ("2° de l'article L. 1233-3", "- L1233-3 2°".to_owned()),
        ("art. R*. 123", "- R*123".to_owned()),
        (
            "C. trav., art. L. 6123-1, II, 3°",
            format!("{travail} L6123-1 II 3°"),
        ),
        (
            "3° du II de l'article L. 6123-1 du code du travail",
            format!("{travail} L6123-1 II 3°"),
        ),
        (
            "L. 242-1 du code de la securite sociale",
            format!("{css} L242-1"),
        ),
        ("l. 242-1 CSS", format!("{css} L242-1")),
        ("C.trav. L1234-9", format!("{travail} L1234-9")),
        ("code-du-travail L1234-9", format!("{travail} L1234-9")),
        ("C. civ., art. 1240", "code-civil 1240".to_owned()),
        ("article 1240 du code civil", "code-civil 1240".to_owned()),
        ("L. 1233-3, 2°, a)", "- L1233-3 2° a)".to_owned()),
        (
            "a) du 2° de l'article L. 1233-3",
            "- L1233-3 2° a)".to_owned(),
        ),
        ("C. trav. L. 1234-9 4° bis", format!("{travail} L1234-9 4°")),
        ("art. L. 1234-9 C. trv.", "?C. trv. L1234-9".to_owned()),
        ("6123-1", "- 6123-1".to_owned()),
        ("b) de l'article L. 1233-3", "- L1233-3 b)".to_owned()),
        ("L1234-9 C trav", format!("{travail} L1234-9")),
        (
            "L. 1233-3, 2° du code du travail",
            format!("{travail} L1233-3 2°"),
        ),
        ("L. 1233-3 II.", "- L1233-3 II".to_owned()),
        ("L6123", "- L6123".to_owned()),
    ] {
        assert_eq!(read(text), expected, "{text}");
    }
}

#[test]
fn what_is_no_one_article_is_none() {
    for text in [
        "",
        "conseil national",
        "section 1",
        "chapitre 3 dispositions",
        "L. 1 et L. 2",
        "l. 9-3q",
    ] {
        assert_eq!(read(text), "none", "{text:?}");
    }
}

#[test]
fn a_code_before_its_number_is_its_own_and_one_after_is_the_number_before() {
    let got: Vec<String> = split("CSS L. 242-1 C. trav. L. 1 L2 art. L. 3 CRPA")
        .into_iter()
        .map(|t| match t {
            Ok(t) => format!("{} {}", t.known_code().map_or("-", |c| c.slug), t.num),
            Err(words) => format!("err {words}"),
        })
        .collect();
    assert_eq!(
        got,
        [
            "code-de-la-securite-sociale L242-1",
            "code-du-travail L1",
            "- L2",
            "code-des-relations-entre-le-public-et-ladministration L3"
        ]
    );
    let suffixed: Vec<Option<&str>> = split("L242-1 css L. 1 C. trav.")
        .into_iter()
        .map(|t| t.ok().and_then(|t| t.known_code()).map(|c| c.slug))
        .collect();
    assert_eq!(
        suffixed,
        [Some("code-de-la-securite-sociale"), Some("code-du-travail")]
    );
    assert_eq!(split("annexe-i"), [Err("annexe-i".to_owned())]);
    assert!(split("  ").is_empty());
}

#[test]
fn a_point_is_read_as_the_tree_marks_it() {
    let typed = parse("L. 6123-1, II, 3°").expect("a citation");
    assert_eq!(
        typed.point,
        [
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
}
